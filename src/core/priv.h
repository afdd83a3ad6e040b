/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* priv.h - running setgid to the database's group.
 *
 * On a shared machine the database belongs to a group (e.g. lakip) that
 * clerks are not in, and the installed program is setgid to it: only
 * lakip writes the database, acting for the real user with his role.
 * The group is held only where it is needed: priv_init() (first thing in
 * main) drops it to the real group at once, priv_enter()/priv_leave()
 * take it for the moments the store opens the database's files, and
 * priv_drop() gives it up for good (before running a child such as
 * $EDITOR, or when the database is not one the group is for).  Every
 * user-named file is therefore read and written with the real ids.
 * Without the setgid bit every function here does nothing.
 *
 * Owns: the saved group, the decision which databases the group may open
 * (priv_db_allowed: one named in the configuration file, or one in a
 * directory that belongs to the group), and the configuration file
 * itself (priv_conf_db: its default database).  libc only.
 */
#ifndef LK_PRIV_H
#define LK_PRIV_H

#include <stdbool.h>
#include <stddef.h>
#include <sys/types.h>

/* Remember the effective group and drop to the real one. */
void priv_init(void);
/* Running with a group that is not the real one (setgid). */
bool priv_setgid(void);
/* The group held for the database (the real group when not setgid). */
gid_t priv_group(void);

/* Take the group back (no-op when not setgid or dropped for good);
 * priv_leave() gives it up again.  Nest as a pair. */
void priv_enter(void);
void priv_leave(void);
/* Give the group up for good (real, effective and saved). */
void priv_drop(void);

/* getenv, or NULL for every variable while setgid (secure_getenv): a
 * user must not redirect the program's data, catalogues or temporary
 * files when it acts with the group. */
const char *priv_getenv(const char *name);

/* May the group open the database at path?  True when the configuration
 * file names it (by its real path), or when its directory belongs to the
 * group and has the setgid bit (mode 2770 as `lakip init --group` and
 * make install set it up).  Otherwise false, with the reason in why. */
bool priv_db_allowed(const char *path, char *why, size_t n);

/* The configuration file (default SYSCONFDIR/lakip/lakip.conf; the
 * variable LAKIP_CONF is read only when not setgid).  Lines "key = value";
 * '#' starts a comment.  Keys: database (the default database; several
 * database lines name several databases the group may open, the first
 * is the default).  priv_conf_db(0) is the default database or NULL. */
const char *priv_conf_path(void);
const char *priv_conf_db(size_t i);

#endif
