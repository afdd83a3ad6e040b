/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* users.c - the users of a database, their roles, and the role check.
 *
 * Owns: the tables users and user_bidang, and store_izin(), the one place
 * where the actor's role is held against the policy (core/peran.c).
 * Every change is written with its audit record in one transaction.
 */
#include "config.h"
#include "store/store_int.h"
#include "store/workflow.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "core/i18n.h"

static char *
xstrdup(const char *s)
{
	char *d;

	if (s == NULL)
		return NULL;
	if ((d = strdup(s)) == NULL)
		lk_fatal("out of memory");
	return d;
}

static int count_admins(store *s, int64_t *n, lk_err *e);

static bool
has_users(const store *s)
{
	return s->version >= STORE_VERSION_WORKFLOW;
}

void
store_user_free(store_user *u)
{
	size_t i;

	if (u == NULL)
		return;
	free(u->login);
	free(u->added_by);
	free(u->added_at);
	for (i = 0; i < u->n_bidang; i++)
		free(u->bidang[i]);
	free(u->bidang);
	memset(u, 0, sizeof *u);
}

void
store_user_list_free(store_user *v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		store_user_free(&v[i]);
	free(v);
}

static int
load_bidang(store *s, store_user *u, lk_err *e)
{
	sqlite3_stmt *st = NULL;
	store_vec v;
	int rc;

	if ((rc = store_stmt(s, &st, "SELECT bidang FROM user_bidang"
			     " WHERE login = ?1 ORDER BY bidang", e)) != 0)
		return rc;
	store_bind_text(s, st, 1, u->login);
	store_vec_init(&v, sizeof(char *));
	if ((rc = store_check_bind(s, e)) == 0) {
		while ((rc = sqlite3_step(st)) == SQLITE_ROW)
			*(char **)store_vec_push(&v) =
				xstrdup((const char *)sqlite3_column_text(st, 0));
		rc = rc == SQLITE_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	sqlite3_finalize(st);
	u->bidang = v.p;
	u->n_bidang = v.n;
	return rc;
}

static void
row_user(sqlite3_stmt *st, store_user *u)
{
	memset(u, 0, sizeof *u);
	u->login = xstrdup((const char *)sqlite3_column_text(st, 0));
	if (!peran_dari_nama((const char *)sqlite3_column_text(st, 1), &u->peran))
		u->peran = PERAN_NONE;
	u->added_by = xstrdup((const char *)sqlite3_column_text(st, 2));
	u->added_at = xstrdup((const char *)sqlite3_column_text(st, 3));
}

int
store_user_get(store *s, const char *login, store_user *u, lk_err *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	memset(u, 0, sizeof *u);
	if (!has_users(s))
		return 0;
	if ((rc = store_stmt(s, &st, "SELECT login, role, added_by, added_at"
			     " FROM users WHERE login = ?1", e)) != 0)
		return rc;
	store_bind_text(s, st, 1, login);
	if ((rc = store_check_bind(s, e)) == 0) {
		rc = sqlite3_step(st);
		if (rc == SQLITE_ROW) {
			row_user(st, u);
			rc = 0;
		} else
			rc = rc == SQLITE_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	sqlite3_finalize(st);
	if (rc == 0 && u->login != NULL)
		rc = load_bidang(s, u, e);
	if (rc != 0)
		store_user_free(u);
	return rc;
}

int
store_user_list(store *s, store_user **out, size_t *n, lk_err *e)
{
	sqlite3_stmt *st = NULL;
	store_vec v;
	size_t i;
	int rc;

	*out = NULL;
	*n = 0;
	if (!has_users(s))
		return 0;
	if ((rc = store_stmt(s, &st, "SELECT login, role, added_by, added_at"
			     " FROM users ORDER BY login", e)) != 0)
		return rc;
	store_vec_init(&v, sizeof(store_user));
	while ((rc = sqlite3_step(st)) == SQLITE_ROW)
		row_user(st, store_vec_push(&v));
	rc = rc == SQLITE_DONE ? 0 : store_fail(s, rc, e, NULL);
	sqlite3_finalize(st);
	for (i = 0; rc == 0 && i < v.n; i++)
		rc = load_bidang(s, &((store_user *)v.p)[i], e);
	if (rc != 0) {
		store_user_list_free(v.p, v.n);
		return rc;
	}
	*out = v.p;
	*n = v.n;
	return 0;
}

int
store_admins(store *s, char *buf, size_t n, lk_err *e)
{
	store_user *v;
	size_t k, i, len = 0;
	int rc;

	if (n > 0)
		buf[0] = '\0';
	if ((rc = store_user_list(s, &v, &k, e)) != 0)
		return rc;
	for (i = 0; i < k; i++) {
		int w;

		if (v[i].peran != PERAN_ADMIN || len >= n)
			continue;
		w = snprintf(buf + len, n - len, "%s%s", len ? ", " : "", v[i].login);
		if (w > 0)
			len += (size_t)w;
	}
	store_user_list_free(v, k);
	return 0;
}

/* A database without an admin (one upgraded from before users, or whose
 * users were removed behind lakip's back): its owner, who could change the
 * file anyway, or root may name one, and do nothing else. */
static int
owner_names_admin(store *s, enum peran_aksi a, bool *yes, lk_err *e)
{
	struct stat st;
	int64_t n = 0;
	int rc;

	*yes = false;
	if (a != AKSI_PENGGUNA || !has_users(s))
		return 0;
	if ((rc = count_admins(s, &n, e)) != 0 || n > 0)
		return rc;
	*yes = getuid() == 0 ||
	       (stat(s->path, &st) == 0 && st.st_uid == getuid());
	return 0;
}

int
store_izin(store *s, enum peran_aksi a, lk_err *e)
{
	char roles[128], admins[512];
	store_user u;
	bool owner;
	int rc;

	if ((rc = store_user_get(s, s->actor, &u, e)) != 0)
		return rc;
	if (peran_boleh(u.peran, a)) {
		store_user_free(&u);
		return 0;
	}
	if ((rc = owner_names_admin(s, a, &owner, e)) != 0 || owner) {
		store_user_free(&u);
		return rc;
	}
	peran_daftar(a, roles, sizeof roles);
	if (u.peran == PERAN_NONE) {
		if ((rc = store_admins(s, admins, sizeof admins, e)) != 0)
			return rc;
		if (admins[0] == '\0' && has_users(s))
			return lk_fail(e, EX_NOPERM,
				       _("%s: '%s' is not a user of this database and"
					 " may only read; to %s you need the role %s."
					 " The database has no admin: the owner of the"
					 " file or root names one with 'lakip user add"
					 " LOGIN --role admin'"), s->path, s->actor,
				       peran_aksi_nama(a), roles);
		return lk_fail(e, EX_NOPERM,
			       _("%s: '%s' is not a user of this database and may"
				 " only read; to %s you need the role %s: ask an"
				 " admin (%s)"), s->path, s->actor,
			       peran_aksi_nama(a), roles,
			       admins[0] ? admins : _("none listed"));
	}
	rc = lk_fail(e, EX_NOPERM,
		     _("%s: '%s' has the role %s; to %s you need the role %s"),
		     s->path, s->actor, peran_nama(u.peran), peran_aksi_nama(a),
		     roles);
	store_user_free(&u);
	return rc;
}

/* ------------------------------------------------------------------ */
/* changes */

static int
check_login(store *s, const char *login, lk_err *e)
{
	const char *p;

	if (login == NULL || *login == '\0' || strlen(login) > 64)
		return lk_fail(e, EX_USAGE, _("%s: invalid login '%s'"), s->path,
			       login ? login : "");
	for (p = login; *p; p++)
		if (*p <= ' ' || *p == ':' || *p == '/' || *p == 0x7f)
			return lk_fail(e, EX_USAGE, _("%s: invalid login '%s'"),
				       s->path, login);
	return 0;
}

static int
check_bidang(store *s, enum peran p, char *const *bidang, size_t n, lk_err *e)
{
	sqlite3_stmt *st = NULL;
	size_t i;
	int rc = 0;

	if (p == PERAN_KABID && n == 0)
		return lk_fail(e, EX_USAGE, _("%s: a kabid needs --bidang"), s->path);
	if (p != PERAN_KABID && n != 0)
		return lk_fail(e, EX_USAGE, _("%s: only a kabid has bidang"), s->path);
	for (i = 0; i < n && rc == 0; i++) {
		rc = store_stmt(s, &st, "SELECT 1 FROM bidang WHERE kode = ?1", e);
		if (rc != 0)
			break;
		store_bind_text(s, st, 1, bidang[i]);
		if ((rc = store_check_bind(s, e)) != 0)
			break;
		rc = sqlite3_step(st);
		if (rc == SQLITE_DONE)
			rc = lk_fail(e, EX_DATAERR,
				     _("%s: no bidang '%s' in the database"),
				     s->path, bidang[i]);
		else if (rc == SQLITE_ROW)
			rc = 0;
		else
			rc = store_fail(s, rc, e, NULL);
	}
	sqlite3_finalize(st);
	return rc;
}

static int
exec4(store *s, const char *sql, const char *const v[4], lk_err *e)
{
	sqlite3_stmt *st = NULL;
	int rc, k;

	if ((rc = store_stmt(s, &st, sql, e)) != 0)
		return rc;
	for (k = 0; k < 4 && k < sqlite3_bind_parameter_count(st); k++)
		store_bind_text(s, st, k + 1, v[k]);
	rc = store_run(s, st, e);
	sqlite3_finalize(st);
	return rc;
}

static int
exec1(store *s, const char *sql, const char *a, const char *b, const char *c,
      lk_err *e)
{
	const char *v[4] = { a, b, c, NULL };

	return exec4(s, sql, v, e);
}

/* "ideologi,politik" */
static char *
join(char *const *v, size_t n)
{
	size_t i, len = 1;
	char *out;

	for (i = 0; i < n; i++)
		len += strlen(v[i]) + 1;
	if ((out = calloc(1, len)) == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < n; i++) {
		if (i)
			strcat(out, ",");
		strcat(out, v[i]);
	}
	return out;
}

static int
set_bidang(store *s, const char *login, char *const *bidang, size_t n,
	   lk_err *e)
{
	size_t i;
	int rc;

	if ((rc = exec1(s, "DELETE FROM user_bidang WHERE login = ?1", login,
			NULL, NULL, e)) != 0)
		return rc;
	for (i = 0; i < n; i++)
		if ((rc = exec1(s, "INSERT OR IGNORE INTO user_bidang (login, bidang)"
				" VALUES (?1, ?2)", login, bidang[i], NULL, e)) != 0)
			return rc;
	return 0;
}

static int
count_admins(store *s, int64_t *n, lk_err *e)
{
	sqlite3_stmt *st = NULL;
	int rc;

	if ((rc = store_stmt(s, &st, "SELECT count(*) FROM users"
			     " WHERE role = 'admin'", e)) != 0)
		return rc;
	rc = sqlite3_step(st);
	*n = sqlite3_column_int64(st, 0);
	rc = rc == SQLITE_ROW ? 0 : store_fail(s, rc, e, NULL);
	sqlite3_finalize(st);
	return rc;
}

/* Begin: role check, then the transaction, then the current user row. */
static int
begin(store *s, const char *login, store_user *u, lk_err *e)
{
	int rc;

	memset(u, 0, sizeof *u);
	if (s->readonly)
		return store_fail_readonly(s, e);
	if ((rc = check_login(s, login, e)) != 0)
		return rc;
	if ((rc = store_izin(s, AKSI_PENGGUNA, e)) != 0)
		return rc;
	if ((rc = store_begin(s, e)) != 0)
		return rc;
	if ((rc = store_user_get(s, login, u, e)) != 0)
		store_rollback(s);
	return rc;
}

static int
end(store *s, int rc, store_user *u, lk_err *e)
{
	store_user_free(u);
	if (rc == 0)
		return store_commit(s, e);
	store_rollback(s);
	return rc;
}

int
store_user_add(store *s, const char *login, enum peran p, char *const *bidang,
	       size_t n_bidang, lk_err *e)
{
	char now[32], *b;
	store_user u;
	int rc;

	if ((rc = begin(s, login, &u, e)) != 0)
		return rc;
	if (u.login != NULL)
		rc = lk_fail(e, EX_DATAERR, _("%s: '%s' is already a user (%s)"),
			     s->path, login, peran_nama(u.peran));
	if (rc == 0)
		rc = check_bidang(s, p, bidang, n_bidang, e);
	store_now(now);
	if (rc == 0) {
		const char *v[4] = { login, peran_nama(p), s->actor, now };

		rc = exec4(s, "INSERT INTO users (login, role, added_by, added_at)"
			   " VALUES (?1, ?2, ?3, ?4)", v, e);
	}
	if (rc == 0)
		rc = set_bidang(s, login, bidang, n_bidang, e);
	if (rc == 0)
		rc = store_audit6(s, "user-add", NULL, "users", login, "role", NULL,
				  peran_nama(p), e);
	if (rc == 0 && n_bidang > 0) {
		b = join(bidang, n_bidang);
		rc = store_audit6(s, "user-add", NULL, "users", login, "bidang",
				  NULL, b, e);
		free(b);
	}
	return end(s, rc, &u, e);
}

int
store_user_remove(store *s, const char *login, lk_err *e)
{
	store_user u;
	int64_t admins = 0;
	int rc;

	if ((rc = begin(s, login, &u, e)) != 0)
		return rc;
	if (u.login == NULL)
		rc = lk_fail(e, EX_DATAERR, _("%s: no user '%s'"), s->path, login);
	if (rc == 0 && u.peran == PERAN_ADMIN
	    && (rc = count_admins(s, &admins, e)) == 0 && admins <= 1)
		rc = lk_fail(e, EX_DATAERR,
			     _("%s: '%s' is the last admin and cannot be removed"),
			     s->path, login);
	if (rc == 0)
		rc = exec1(s, "DELETE FROM users WHERE login = ?1", login, NULL,
			   NULL, e);
	if (rc == 0)
		rc = store_audit6(s, "user-remove", NULL, "users", login, "role",
				  peran_nama(u.peran), NULL, e);
	return end(s, rc, &u, e);
}

int
store_user_role(store *s, const char *login, enum peran p, char *const *bidang,
		size_t n_bidang, lk_err *e)
{
	store_user u;
	int64_t admins = 0;
	char *ob, *nb;
	int rc;

	if ((rc = begin(s, login, &u, e)) != 0)
		return rc;
	if (u.login == NULL)
		rc = lk_fail(e, EX_DATAERR, _("%s: no user '%s'"), s->path, login);
	if (rc == 0 && u.peran == PERAN_ADMIN && p != PERAN_ADMIN
	    && (rc = count_admins(s, &admins, e)) == 0 && admins <= 1)
		rc = lk_fail(e, EX_DATAERR,
			     _("%s: '%s' is the last admin and keeps the role"),
			     s->path, login);
	if (rc == 0)
		rc = check_bidang(s, p, bidang, n_bidang, e);
	if (rc == 0)
		rc = exec1(s, "UPDATE users SET role = ?2 WHERE login = ?1", login,
			   peran_nama(p), NULL, e);
	if (rc == 0)
		rc = set_bidang(s, login, bidang, n_bidang, e);
	if (rc == 0 && u.peran != p)
		rc = store_audit6(s, "user-role", NULL, "users", login, "role",
				  peran_nama(u.peran), peran_nama(p), e);
	if (rc == 0) {
		ob = join(u.bidang, u.n_bidang);
		nb = join(bidang, n_bidang);
		if (strcmp(ob, nb) != 0)
			rc = store_audit6(s, "user-role", NULL, "users", login,
					  "bidang", *ob ? ob : NULL,
					  *nb ? nb : NULL, e);
		free(ob);
		free(nb);
	}
	return end(s, rc, &u, e);
}
