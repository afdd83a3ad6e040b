/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* i18n_init.c - choose the language of messages.
 *
 * Indonesian is the default: when the environment names no language (all
 * of LC_ALL, LC_MESSAGES, LANG unset or C, C.UTF-8, POSIX, and LANGUAGE
 * unset), messages are Indonesian.  An explicit choice (--lang, LANGUAGE,
 * an English or other locale) wins.  gettext ignores LANGUAGE in the C
 * locale, and a fresh Debian has no locale but C.UTF-8, so when the
 * locale in force is C or POSIX the program switches to C.UTF-8 and sets
 * LANGUAGE: the catalogue is then found whatever locales exist.
 */
#include "config.h"
#include "cli/cli.h"

#include <langinfo.h>
#include <locale.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

static bool
is_c_locale(const char *v)
{
	return v == NULL || *v == '\0' || strcmp(v, "C") == 0 ||
	    strcmp(v, "POSIX") == 0 || strncmp(v, "C.", 2) == 0;
}

/* The language the environment names, or NULL. */
static const char *
env_language(void)
{
	static const char *const vars[] = { "LC_ALL", "LC_MESSAGES", "LANG" };
	const char *v = getenv("LANGUAGE");
	size_t i;

	if (v != NULL && *v != '\0')
		return v;
	for (i = 0; i < sizeof vars / sizeof vars[0]; i++) {
		v = getenv(vars[i]);
		if (v != NULL && *v != '\0')
			return is_c_locale(v) ? NULL : v;
	}
	return NULL;
}

const char *
cli_i18n_init(const char *lang)
{
	const char *loc = setlocale(LC_ALL, "");
	const char *want = lang != NULL && *lang ? lang : env_language();
	const char *dir = getenv("LAKIP_LOCALEDIR");

	if (want == NULL)
		want = "id";
	/* Data and terminals are UTF-8: make sure the C library agrees. */
	if (loc == NULL || is_c_locale(loc) ||
	    strcmp(nl_langinfo(CODESET), "UTF-8") != 0) {
		if (setlocale(LC_ALL, "C.UTF-8") == NULL)
			setlocale(LC_ALL, "C");
		setenv("LANGUAGE", want, 1);
	} else if (lang != NULL && *lang) {
		setenv("LANGUAGE", lang, 1);
	}
#ifdef ENABLE_NLS
	bindtextdomain(PACKAGE, dir != NULL && *dir ? dir : LOCALEDIR);
	bind_textdomain_codeset(PACKAGE, "UTF-8");
	textdomain(PACKAGE);
#else
	(void)dir;
#endif
	return want;
}
