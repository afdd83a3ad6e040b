#include "config.h"
#include "tui/tui.h"

#include <stdio.h>

int
tui_main(const tui_opts *o)
{
	(void)o;
	fprintf(stderr, "lakip: the terminal application is not built yet\n");
	return 69;
}
