/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* i18n.h - gettext macros shared by every layer (glibc provides libintl). */
#ifndef LK_I18N_H
#define LK_I18N_H

#ifdef ENABLE_NLS
#include <libintl.h>
#define _(s) gettext(s)
/* A message with a count: the singular or the plural form the language
 * uses for n (Indonesian has one form; English two). */
#define P_(s, p, n) ngettext(s, p, (unsigned long)(n))
#else
#define _(s) (s)
#define P_(s, p, n) ((n) == 1 ? (s) : (p))
#endif
#define N_(s) (s)

#endif
