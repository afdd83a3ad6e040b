/* cli.h - the lakip command line: options, subcommands, exit codes. */
#ifndef LK_CLI_H
#define LK_CLI_H

int cli_main(int argc, char **argv);

#endif
