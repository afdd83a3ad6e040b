/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* users.c - the users of a database, their roles in each agency, and the
 * role check.
 *
 * Owns: the tables users (every listed login; role 'admin' for the
 * database's admins), user_peran (a role in one agency) and
 * user_peran_bidang (a kabid's bidang there), and store_izin_at(), the
 * one place where the actor's role is held against the policy
 * (core/peran.c).  A database of schema version 3 or 4 (read-only, not
 * migrated) is read as the migration would make it: a non-admin's role
 * in every agency.  Every change is written with its audit records, the
 * agency in their scope, in one transaction.
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

/* Roles per agency (version 5), or one role everywhere (3, 4). */
static bool
per_agency(const store *s)
{
	return s->version >= STORE_VERSION_PERAN;
}

static void
free_strv(char **v, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
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
	for (i = 0; i < u->n_at; i++) {
		free(u->at[i].instansi);
		free(u->at[i].added_by);
		free(u->at[i].added_at);
		free_strv(u->at[i].bidang, u->at[i].n_bidang);
	}
	free(u->at);
	free_strv(u->bidang, u->n_bidang);
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

/* ------------------------------------------------------------------ */
/* reading */

static int
load_bidang(store *s, const char *login, store_user_peran *p, lk_err *e)
{
	static const char v5[] =
		"SELECT b.bidang FROM user_peran_bidang b"
		" JOIN instansi i ON i.id = b.instansi_id"
		" WHERE b.login = ?1 AND i.kode = ?2 ORDER BY b.bidang";
	static const char v3[] =
		"SELECT ub.bidang FROM user_bidang ub"
		" JOIN bidang b ON b.kode = ub.bidang"
		" JOIN instansi i ON i.id = b.instansi_id"
		" WHERE ub.login = ?1 AND i.kode = ?2 ORDER BY ub.bidang";
	drv_st *st = NULL;
	store_vec v;
	int rc;

	if ((rc = store_stmt(s, &st, per_agency(s) ? v5 : v3, e)) != 0)
		return rc;
	store_bind_text(s, st, 1, login);
	store_bind_text(s, st, 2, p->instansi);
	store_vec_init(&v, sizeof(char *));
	if ((rc = store_check_bind(s, e)) == 0) {
		while ((rc = drv_step(st)) == DRV_ROW)
			*(char **)store_vec_push(&v) =
				xstrdup(drv_col_text(st, 0));
		rc = rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	p->bidang = v.p;
	p->n_bidang = v.n;
	return rc;
}

static int
load_roles(store *s, store_user *u, lk_err *e)
{
	static const char v5[] =
		"SELECT i.kode, p.role, p.added_by, p.added_at FROM user_peran p"
		" JOIN instansi i ON i.id = p.instansi_id"
		" WHERE p.login = ?1 ORDER BY i.kode";
	static const char v3[] =
		"SELECT i.kode, u.role, u.added_by, u.added_at FROM users u, instansi i"
		" WHERE u.login = ?1 AND u.role <> 'admin' ORDER BY i.kode";
	drv_st *st = NULL;
	store_vec v;
	size_t i;
	int rc;

	if ((rc = store_stmt(s, &st, per_agency(s) ? v5 : v3, e)) != 0)
		return rc;
	store_bind_text(s, st, 1, u->login);
	store_vec_init(&v, sizeof(store_user_peran));
	if ((rc = store_check_bind(s, e)) == 0) {
		while ((rc = drv_step(st)) == DRV_ROW) {
			store_user_peran *p = store_vec_push(&v);

			p->instansi = xstrdup(drv_col_text(st, 0));
			if (!peran_dari_nama(drv_col_text(st, 1),
					     &p->peran) || !peran_instansi(p->peran))
				p->peran = PERAN_NONE;
			p->added_by = xstrdup(drv_col_text(st, 2));
			p->added_at = xstrdup(drv_col_text(st, 3));
		}
		rc = rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	u->at = v.p;
	u->n_at = v.n;
	for (i = 0; rc == 0 && i < u->n_at; i++)
		if (u->at[i].peran == PERAN_KABID)
			rc = load_bidang(s, u->login, &u->at[i], e);
	return rc;
}

/* What counts in agency instansi (NULL: the database's role). */
static void
pick(store_user *u, const char *instansi)
{
	size_t i, k;

	u->peran = u->admin ? PERAN_ADMIN : PERAN_NONE;
	for (i = 0; !u->admin && instansi != NULL && i < u->n_at; i++) {
		const store_user_peran *p = &u->at[i];

		if (strcmp(p->instansi, instansi) != 0)
			continue;
		u->peran = p->peran;
		if (p->n_bidang > 0) {
			if ((u->bidang = calloc(p->n_bidang, sizeof *u->bidang)) == NULL)
				lk_fatal("out of memory");
			for (k = 0; k < p->n_bidang; k++)
				u->bidang[k] = xstrdup(p->bidang[k]);
			u->n_bidang = p->n_bidang;
		}
	}
}

int
store_user_get(store *s, const char *login, const char *instansi,
	       store_user *u, lk_err *e)
{
	drv_st *st = NULL;
	int rc;

	memset(u, 0, sizeof *u);
	if (!has_users(s) || login == NULL)
		return 0;
	if ((rc = store_stmt(s, &st, "SELECT login, role = 'admin', added_by,"
			     " added_at FROM users WHERE login = ?1", e)) != 0)
		return rc;
	store_bind_text(s, st, 1, login);
	if ((rc = store_check_bind(s, e)) == 0) {
		rc = drv_step(st);
		if (rc == DRV_ROW) {
			u->login = xstrdup(drv_col_text(st, 0));
			u->admin = (int)drv_col_int(st, 1) == 1;
			u->added_by = xstrdup(drv_col_text(st, 2));
			u->added_at = xstrdup(drv_col_text(st, 3));
			rc = 0;
		} else
			rc = rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	if (rc == 0 && u->login != NULL && !u->admin)
		rc = load_roles(s, u, e);
	if (rc != 0) {
		store_user_free(u);
		return rc;
	}
	if (u->login != NULL)
		pick(u, instansi);
	return 0;
}

int
store_user_list(store *s, store_user **out, size_t *n, lk_err *e)
{
	drv_st *st = NULL;
	store_vec logins, v;
	size_t i;
	int rc;

	*out = NULL;
	*n = 0;
	if (!has_users(s))
		return 0;
	if ((rc = store_stmt(s, &st, "SELECT login FROM users ORDER BY login", e)) != 0)
		return rc;
	store_vec_init(&logins, sizeof(char *));
	while ((rc = drv_step(st)) == DRV_ROW)
		*(char **)store_vec_push(&logins) =
			xstrdup(drv_col_text(st, 0));
	rc = rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
	drv_finalize(st);
	store_vec_init(&v, sizeof(store_user));
	for (i = 0; rc == 0 && i < logins.n; i++)
		rc = store_user_get(s, ((char **)logins.p)[i], NULL,
				    store_vec_push(&v), e);
	free_strv(logins.p, logins.n);
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
	drv_st *st = NULL;
	size_t len = 0;
	int rc;

	if (n > 0)
		buf[0] = '\0';
	if (!has_users(s))
		return 0;
	if ((rc = store_stmt(s, &st, "SELECT login FROM users WHERE role = 'admin'"
			     " ORDER BY login", e)) != 0)
		return rc;
	while ((rc = drv_step(st)) == DRV_ROW) {
		int w;

		if (len >= n)
			continue;
		w = snprintf(buf + len, n - len, "%s%s", len ? ", " : "",
			     drv_col_text(st, 0));
		if (w > 0)
			len += (size_t)w;
	}
	rc = rc == DRV_DONE ? 0 : store_fail(s, rc, e, NULL);
	drv_finalize(st);
	return rc;
}

const char *
store_user_roles_text(const store_user *u, char *buf, size_t n)
{
	size_t i, len = 0;

	if (n == 0)
		return buf;
	buf[0] = '\0';
	if (u->admin) {
		snprintf(buf, n, "%s", peran_nama(PERAN_ADMIN));
		return buf;
	}
	for (i = 0; i < u->n_at && len < n; i++) {
		int w = snprintf(buf + len, n - len, "%s", i ? ", " : "");

		if (w > 0)
			len += (size_t)w;
		if (len >= n)
			break;
		/* TRANSLATORS: a role in an agency: "kabid in kesbangpol". */
		w = snprintf(buf + len, n - len, _("%s in %s"),
			     peran_nama(u->at[i].peran), u->at[i].instansi);
		if (w > 0)
			len += (size_t)w;
	}
	return buf;
}

/* ------------------------------------------------------------------ */
/* the check */

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

static int
not_listed(store *s, enum peran_aksi a, const char *roles, lk_err *e)
{
	char admins[512];
	int rc;

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

/* The one check: may the actor do a in agency instansi (NULL: as the
 * database's role), or, with somewhere, in any agency? */
static int
izin(store *s, const char *instansi, bool somewhere, enum peran_aksi a,
     lk_err *e)
{
	char roles[128], his[512];
	store_user u;
	bool ok, owner;
	size_t k;
	int rc;

	if (peran_boleh(PERAN_NONE, a))
		return 0;
	if ((rc = store_user_get(s, s->actor, instansi, &u, e)) != 0)
		return rc;
	ok = peran_boleh(u.peran, a);
	for (k = 0; !ok && somewhere && k < u.n_at; k++)
		ok = peran_boleh(u.at[k].peran, a);
	if (!ok && (rc = owner_names_admin(s, a, &owner, e)) == 0 && owner)
		ok = true;
	if (ok || rc != 0) {
		store_user_free(&u);
		return rc;
	}
	peran_daftar(a, roles, sizeof roles);
	if (u.login == NULL)
		return not_listed(s, a, roles, e);
	store_user_roles_text(&u, his, sizeof his);
	if (instansi != NULL && u.peran != PERAN_NONE)
		rc = lk_fail(e, EX_NOPERM,
			     _("%s: '%s' has the role %s in %s; to %s there you"
			       " need the role %s"), s->path, s->actor,
			     peran_nama(u.peran), instansi, peran_aksi_nama(a),
			     roles);
	else if (instansi != NULL && his[0] != '\0')
		rc = lk_fail(e, EX_NOPERM,
			     _("%s: '%s' has no role in %s (only %s); to %s there"
			       " you need the role %s in %s"), s->path, s->actor,
			     instansi, his, peran_aksi_nama(a), roles, instansi);
	else if (instansi != NULL)
		rc = lk_fail(e, EX_NOPERM,
			     _("%s: '%s' has no role in any agency; to %s in %s you"
			       " need the role %s"), s->path, s->actor,
			     peran_aksi_nama(a), instansi, roles);
	else if (his[0] != '\0')
		rc = lk_fail(e, EX_NOPERM,
			     _("%s: '%s' has the role %s; to %s you need the role %s"),
			     s->path, s->actor, his, peran_aksi_nama(a), roles);
	else
		rc = lk_fail(e, EX_NOPERM,
			     _("%s: '%s' has no role in any agency; to %s you need"
			       " the role %s"), s->path, s->actor,
			     peran_aksi_nama(a), roles);
	store_user_free(&u);
	return rc;
}

int
store_izin_at(store *s, const char *instansi, enum peran_aksi a, lk_err *e)
{
	return izin(s, instansi, false, a, e);
}

int
store_izin(store *s, enum peran_aksi a, lk_err *e)
{
	return izin(s, NULL, false, a, e);
}

int
store_izin_somewhere(store *s, enum peran_aksi a, lk_err *e)
{
	return izin(s, NULL, peran_aksi_instansi(a), a, e);
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
check_bidang(store *s, enum peran p, const char *instansi, char *const *bidang,
	     size_t n, lk_err *e)
{
	drv_st *st = NULL;
	size_t i;
	int rc = 0;

	if (p == PERAN_KABID && n == 0)
		return lk_fail(e, EX_USAGE, _("%s: a kabid needs --bidang"), s->path);
	if (p != PERAN_KABID && n != 0)
		return lk_fail(e, EX_USAGE, _("%s: only a kabid has bidang"), s->path);
	for (i = 0; i < n && rc == 0; i++) {
		rc = store_stmt(s, &st, "SELECT 1 FROM bidang b JOIN instansi i"
				" ON i.id = b.instansi_id WHERE b.kode = ?1"
				" AND i.kode = ?2", e);
		if (rc != 0)
			break;
		store_bind_text(s, st, 1, bidang[i]);
		store_bind_text(s, st, 2, instansi);
		if ((rc = store_check_bind(s, e)) != 0)
			break;
		rc = drv_step(st);
		if (rc == DRV_DONE)
			rc = lk_fail(e, EX_DATAERR,
				     _("%s: agency '%s' has no bidang '%s'"),
				     s->path, instansi, bidang[i]);
		else if (rc == DRV_ROW)
			rc = 0;
		else
			rc = store_fail(s, rc, e, NULL);
	}
	drv_finalize(st);
	return rc;
}

/* Run sql with up to 5 text values (NULL binds NULL). */
static int
exec5(store *s, const char *sql, const char *a, const char *b, const char *c,
      const char *d, const char *f, lk_err *e)
{
	const char *v[5] = { a, b, c, d, f };
	drv_st *st = NULL;
	int rc, k;

	if ((rc = store_stmt(s, &st, sql, e)) != 0)
		return rc;
	for (k = 0; k < 5 && k < drv_bind_count(st); k++)
		store_bind_text(s, st, k + 1, v[k]);
	rc = store_run(s, st, e);
	drv_finalize(st);
	return rc;
}

/* "ideologi,politik", or NULL for none (malloc'ed). */
static char *
join(char *const *v, size_t n)
{
	size_t i, len = 1;
	char *out;

	if (n == 0)
		return NULL;
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
count_admins(store *s, int64_t *n, lk_err *e)
{
	drv_st *st = NULL;
	int rc;

	if ((rc = store_stmt(s, &st, "SELECT count(*) FROM users"
			     " WHERE role = 'admin'", e)) != 0)
		return rc;
	rc = drv_step(st);
	*n = drv_col_int(st, 0);
	rc = rc == DRV_ROW ? 0 : store_fail(s, rc, e, NULL);
	drv_finalize(st);
	return rc;
}

static int
last_admin(store *s, const store_user *u, const char *why, lk_err *e)
{
	int64_t n = 0;
	int rc;

	if (!u->admin)
		return 0;
	if ((rc = count_admins(s, &n, e)) != 0)
		return rc;
	return n <= 1 ? lk_fail(e, EX_DATAERR, why, s->path, u->login) : 0;
}

/* His role in agency kode, or NULL. */
static const store_user_peran *
role_in(const store_user *u, const char *kode)
{
	size_t i;

	for (i = 0; kode != NULL && i < u->n_at; i++)
		if (strcmp(u->at[i].instansi, kode) == 0)
			return &u->at[i];
	return NULL;
}

/* Set role p with bidang in agency kode, where he has old (NULL: none);
 * recorded as action. */
static int
put_role(store *s, const char *action, const char *login, const char *kode,
	 const store_user_peran *old, enum peran p, char *const *bidang,
	 size_t n, lk_err *e)
{
	char now[32], *ob, *nb;
	size_t i;
	int rc = 0;

	store_now(now);
	if (old == NULL)
		rc = exec5(s, "INSERT INTO user_peran (login, instansi_id, role,"
			   " added_by, added_at) SELECT ?1, id, ?3, ?4, ?5"
			   " FROM instansi WHERE kode = ?2", login, kode,
			   peran_nama(p), s->actor, now, e);
	else if (old->peran != p)
		rc = exec5(s, "UPDATE user_peran SET role = ?3 WHERE login = ?1"
			   " AND instansi_id = (SELECT id FROM instansi"
			   " WHERE kode = ?2)", login, kode, peran_nama(p), NULL,
			   NULL, e);
	if (rc == 0 && (old == NULL || old->peran != p))
		rc = store_audit6(s, action, kode, "user_peran", login, "role",
				  old ? peran_nama(old->peran) : NULL,
				  peran_nama(p), e);
	if (rc == 0)
		rc = exec5(s, "DELETE FROM user_peran_bidang WHERE login = ?1"
			   " AND instansi_id = (SELECT id FROM instansi"
			   " WHERE kode = ?2)", login, kode, NULL, NULL, NULL, e);
	for (i = 0; rc == 0 && i < n; i++)
		rc = exec5(s, "INSERT INTO user_peran_bidang (login,"
			   " instansi_id, bidang) SELECT ?1, id, ?3 FROM instansi"
			   " WHERE kode = ?2 ON CONFLICT DO NOTHING", login, kode,
			   bidang[i], NULL, NULL, e);
	if (rc != 0)
		return rc;
	ob = old ? join(old->bidang, old->n_bidang) : NULL;
	nb = join(bidang, n);
	if ((ob == NULL) != (nb == NULL) || (ob && strcmp(ob, nb) != 0))
		rc = store_audit6(s, action, kode, "user_peran", login, "bidang",
				  ob, nb, e);
	free(ob);
	free(nb);
	return rc;
}

/* Take away his role old (in old->instansi); recorded as action. */
static int
drop_role(store *s, const char *action, const char *login,
	  const store_user_peran *old, lk_err *e)
{
	char *ob;
	int rc;

	rc = exec5(s, "DELETE FROM user_peran WHERE login = ?1 AND instansi_id ="
		   " (SELECT id FROM instansi WHERE kode = ?2)", login,
		   old->instansi, NULL, NULL, NULL, e);
	if (rc == 0)
		rc = store_audit6(s, action, old->instansi, "user_peran", login,
				  "role", peran_nama(old->peran), NULL, e);
	if (rc == 0 && (ob = join(old->bidang, old->n_bidang)) != NULL) {
		rc = store_audit6(s, action, old->instansi, "user_peran", login,
				  "bidang", ob, NULL, e);
		free(ob);
	}
	return rc;
}

/* The agency of a role: kode (NULL: the only one), checked; *out
 * malloc'ed. */
static int
agency(store *s, enum peran p, const char *kode, char **out, lk_err *e)
{
	*out = NULL;
	if (p == PERAN_ADMIN) {
		if (kode != NULL)
			return lk_fail(e, EX_USAGE,
				       _("%s: an admin is the database's, in every"
					 " agency: no --instansi"), s->path);
		return 0;
	}
	if (!peran_instansi(p))
		return lk_fail(e, EX_USAGE, _("%s: no such role"), s->path);
	return store_pilih_instansi(s, kode, out, e);
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
	if (!per_agency(s))
		return lk_fail(e, EX_SOFTWARE,
			       _("%s: database schema version %d, expected %d"),
			       s->path, s->version, STORE_SCHEMA_VERSION);
	if ((rc = store_begin(s, e)) != 0)
		return rc;
	if ((rc = store_user_get(s, login, NULL, u, e)) != 0)
		store_rollback(s);
	return rc;
}

static int
end(store *s, int rc, store_user *u, char *kode, lk_err *e)
{
	store_user_free(u);
	free(kode);
	if (rc == 0)
		return store_commit(s, e);
	store_rollback(s);
	return rc;
}

int
store_user_add(store *s, const char *login, enum peran p, const char *instansi,
	       char *const *bidang, size_t n_bidang, lk_err *e)
{
	char now[32], his[512], *kode = NULL;
	const store_user_peran *old;
	store_user u;
	int rc;

	if ((rc = begin(s, login, &u, e)) != 0)
		return rc;
	rc = agency(s, p, instansi, &kode, e);
	store_now(now);
	if (rc == 0 && u.login != NULL && (p == PERAN_ADMIN || u.admin))
		rc = lk_fail(e, EX_DATAERR, _("%s: '%s' is already a user (%s)"),
			     s->path, login,
			     store_user_roles_text(&u, his, sizeof his));
	else if (rc == 0 && (old = role_in(&u, kode)) != NULL)
		rc = lk_fail(e, EX_DATAERR,
			     _("%s: '%s' is already %s in %s (change it with"
			       " 'lakip user role')"), s->path, login,
			     peran_nama(old->peran), kode);
	if (rc == 0)
		rc = check_bidang(s, p, kode, bidang, n_bidang, e);
	if (rc == 0 && u.login == NULL)
		rc = exec5(s, "INSERT INTO users (login, role, added_by, added_at)"
			   " VALUES (?1, ?2, ?3, ?4)", login,
			   p == PERAN_ADMIN ? "admin" : NULL, s->actor, now, NULL, e);
	if (rc == 0 && p == PERAN_ADMIN)
		rc = store_audit6(s, "user-add", NULL, "users", login, "role", NULL,
				  peran_nama(p), e);
	else if (rc == 0)
		rc = put_role(s, "user-add", login, kode, NULL, p, bidang, n_bidang, e);
	if (rc == 0)
		rc = store_pg_grant(s, login, p == PERAN_ADMIN, e);
	return end(s, rc, &u, kode, e);
}

int
store_user_remove(store *s, const char *login, const char *instansi, lk_err *e)
{
	const store_user_peran *old = NULL;
	store_user u;
	size_t i;
	int rc;

	if ((rc = begin(s, login, &u, e)) != 0)
		return rc;
	if (u.login == NULL)
		rc = lk_fail(e, EX_DATAERR, _("%s: no user '%s'"), s->path, login);
	else if (instansi != NULL && u.admin)
		rc = lk_fail(e, EX_USAGE,
			     _("%s: '%s' is an admin, in every agency: remove him"
			       " without --instansi"), s->path, login);
	else if (instansi != NULL && (old = role_in(&u, instansi)) == NULL)
		rc = lk_fail(e, EX_DATAERR, _("%s: '%s' has no role in %s"),
			     s->path, login, instansi);
	if (rc == 0 && old != NULL) {
		rc = drop_role(s, "user-remove", login, old, e);
		return end(s, rc, &u, NULL, e);
	}
	if (rc == 0)
		rc = last_admin(s, &u, _("%s: '%s' is the last admin and cannot be"
					 " removed"), e);
	for (i = 0; rc == 0 && i < u.n_at; i++)
		rc = drop_role(s, "user-remove", login, &u.at[i], e);
	if (rc == 0)
		rc = exec5(s, "DELETE FROM users WHERE login = ?1", login, NULL,
			   NULL, NULL, NULL, e);
	if (rc == 0)
		rc = store_audit6(s, "user-remove", NULL, "users", login,
				  u.admin ? "role" : "login",
				  u.admin ? "admin" : login, NULL, e);
	return end(s, rc, &u, NULL, e);
}

int
store_user_role(store *s, const char *login, enum peran p, const char *instansi,
		char *const *bidang, size_t n_bidang, lk_err *e)
{
	store_user u;
	char *kode = NULL;
	size_t i;
	int rc;

	if ((rc = begin(s, login, &u, e)) != 0)
		return rc;
	if (u.login == NULL)
		rc = lk_fail(e, EX_DATAERR, _("%s: no user '%s'"), s->path, login);
	if (rc == 0)
		rc = agency(s, p, instansi, &kode, e);
	if (rc == 0 && p != PERAN_ADMIN)
		rc = check_bidang(s, p, kode, bidang, n_bidang, e);
	if (rc != 0 || (p == PERAN_ADMIN && u.admin))
		return end(s, rc, &u, kode, e);
	if (p == PERAN_ADMIN) {
		/* An admin holds no agency role: he has them all. */
		for (i = 0; rc == 0 && i < u.n_at; i++)
			rc = drop_role(s, "user-role", login, &u.at[i], e);
		if (rc == 0)
			rc = exec5(s, "UPDATE users SET role = 'admin' WHERE"
				   " login = ?1", login, NULL, NULL, NULL, NULL, e);
		if (rc == 0)
			rc = store_audit6(s, "user-role", NULL, "users", login,
					  "role", NULL, "admin", e);
		if (rc == 0)
			rc = store_pg_grant(s, login, true, e);
		return end(s, rc, &u, kode, e);
	}
	if (u.admin) {
		rc = last_admin(s, &u, _("%s: '%s' is the last admin and keeps the"
					 " role"), e);
		if (rc == 0)
			rc = exec5(s, "UPDATE users SET role = NULL WHERE login = ?1",
				   login, NULL, NULL, NULL, NULL, e);
		if (rc == 0)
			rc = store_audit6(s, "user-role", NULL, "users", login,
					  "role", "admin", NULL, e);
	}
	if (rc == 0)
		rc = put_role(s, "user-role", login, kode, role_in(&u, kode), p,
			      bidang, n_bidang, e);
	if (rc == 0)
		rc = store_pg_grant(s, login, false, e);
	return end(s, rc, &u, kode, e);
}
