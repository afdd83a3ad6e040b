/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* dynlib.c - libraries loaded when first needed (see dynlib.h). */
#include "config.h"
#include "core/dynlib.h"

#include <dlfcn.h>
#include <string.h>

#include "core/i18n.h"

int
dynlib_load(dynlib *l, lk_err *e)
{
	void *h, *f;
	size_t i;

	if (l->loaded)
		return 0;
	if ((h = dlopen(l->soname, RTLD_NOW | RTLD_LOCAL)) == NULL)
		return lk_fail(e, EX_UNAVAILABLE, _("cannot load %s (install the "
			       "Debian package %s): %s"), l->soname, l->package,
			       dlerror());
	for (i = 0; i < l->n_fn; i++) {
		if ((f = dlsym(h, l->fn[i].name)) == NULL) {
			const char *why = dlerror();

			lk_fail(e, EX_UNAVAILABLE, _("cannot load %s (install the "
				"Debian package %s): %s"), l->soname, l->package,
				why != NULL ? why : l->fn[i].name);
			dlclose(h);
			return EX_UNAVAILABLE;
		}
	}
	/* all found: now the slots (a function pointer is the size of a
	 * data pointer on every POSIX system, as dlsym presumes) */
	for (i = 0; i < l->n_fn; i++) {
		f = dlsym(h, l->fn[i].name);
		memcpy(l->fn[i].slot, &f, sizeof f);
	}
	l->loaded = true;
	return 0;
}
