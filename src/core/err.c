/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "err.h"

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>

int
lk_fail(lk_err *e, int code, const char *fmt, ...)
{
	va_list ap;

	if (e == NULL)
		return code;
	e->code = code;
	va_start(ap, fmt);
	vsnprintf(e->msg, sizeof e->msg, fmt, ap);
	va_end(ap);
	return code;
}

int
lk_fail_at(lk_err *e, int code, const char *file, unsigned line, unsigned col,
	   const char *fmt, ...)
{
	va_list ap;
	int n = 0;

	if (e == NULL)
		return code;
	e->code = code;
	if (file != NULL && line > 0)
		n = snprintf(e->msg, sizeof e->msg, "%s:%u:%u: ", file, line, col);
	else if (file != NULL)
		n = snprintf(e->msg, sizeof e->msg, "%s: ", file);
	if (n < 0 || (size_t)n >= sizeof e->msg)
		n = 0;
	va_start(ap, fmt);
	vsnprintf(e->msg + n, sizeof e->msg - (size_t)n, fmt, ap);
	va_end(ap);
	return code;
}

void
lk_fatal(const char *fmt, ...)
{
	va_list ap;

	fputs("lakip: fatal: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	abort();
}
