/* exchange.h - the YAML exchange format lakip/1 (spec/exchange-format.md).
 *
 * Owns: reading an exchange file into a rencana, enforcing every rule of
 * the spec (types, required and unknown keys, duplicate keys, kode
 * references, quarters 1..4, targets >= 0, decimals, dates, NIP), and
 * writing a rencana back in one canonical form, so that
 * export -> import -> export is byte-identical.
 */
#ifndef LK_EXCHANGE_H
#define LK_EXCHANGE_H

#include <stdio.h>

#include "core/err.h"
#include "core/model.h"

/* Read and validate path.  On error nothing is returned, e->msg is
 * "FILE:LINE:COL: ..." and the code is EX_DATAERR (EX_NOINPUT when the
 * file cannot be read).  The logo path is made relative to the current
 * directory (it is relative to the YAML file in the file). */
int exchange_read_file(const char *path, rencana **out, lk_err *e);
int exchange_read_buffer(const char *name, const char *buf, size_t len,
			 rencana **out, lk_err *e);

/* Write r in canonical form to f.  Returns 0 or EX_IOERR. */
int exchange_write(FILE *f, const rencana *r, lk_err *e);

#endif
