/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_user.c - `lakip user`: the users of a database and their roles.
 *
 *   user add LOGIN --role operator|kabid|kepala [--instansi K] [--bidang K,K]
 *   user add LOGIN --role admin
 *   user list
 *   user remove LOGIN [--instansi K]
 *   user role LOGIN ROLE [--instansi K] [--bidang K,K]
 *
 * Operator, kabid and kepala are roles in one agency (--instansi, not
 * needed while the database holds one); admin is the database's.  list
 * (one line per user and agency) is open to everyone; the others need an
 * admin (AKSI_PENGGUNA).
 */
#include "config.h"
#include "cli/cli.h"

#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "core/zona.h"
#include "store/workflow.h"

static void
put_line(store *s, const char *login, const char *role, const char *instansi,
	 char *const *bidang, size_t n_bidang, const char *by, const char *at)
{
	char bid[256] = "", when[64], *zona = NULL;
	size_t len = 0, k;
	lk_err e = { 0, "" };

	for (k = 0; k < n_bidang && len < sizeof bid; k++) {
		int w = snprintf(bid + len, sizeof bid - len, "%s%s", k ? "," : "",
				 bidang[k]);

		if (w > 0)
			len += (size_t)w;
	}
	/* In the zone of the agency the role is in (an admin's: the only
	 * agency's, else the default). */
	if (store_zona_waktu(s, strcmp(instansi, "*") == 0 ||
	    strcmp(instansi, "-") == 0 ? NULL : instansi, &zona, &e) != 0)
		zona = NULL;
	zona_lokal(at, zona, true, when, sizeof when);
	free(zona);
	printf("%-20s %-9s %-20s %-24s %s %s\n", login, role, instansi,
	       *bid ? bid : "-", by ? by : "-", at ? when : "-");
}

static int
user_list(cli_ctx *c)
{
	lk_err e = { 0, "" };
	store_user *v;
	store *s;
	size_t n, i, k;
	int rc;

	c->aksi = AKSI_LIHAT;
	if ((rc = cli_open_store(c, STORE_READONLY, &s)) != 0)
		return rc;
	if ((rc = store_user_list(s, &v, &n, &e)) != 0) {
		store_close(s);
		return cli_report(&e);
	}
	printf("%-20s %-9s %-20s %-24s %s\n", _("LOGIN"), _("ROLE"), _("INSTANSI"),
	       _("BIDANG"), _("ADDED BY / AT"));
	/* One line per user and agency; an admin's agency is every one (*),
	 * a user without a role has "-". */
	for (i = 0; i < n; i++) {
		const store_user *u = &v[i];

		if (u->admin || u->n_at == 0)
			put_line(s, u->login, u->admin ? peran_nama(PERAN_ADMIN) : "-",
				 u->admin ? "*" : "-", NULL, 0, u->added_by,
				 u->added_at);
		for (k = 0; k < u->n_at; k++)
			put_line(s, u->login, peran_nama(u->at[k].peran),
				 u->at[k].instansi, u->at[k].bidang,
				 u->at[k].n_bidang, u->at[k].added_by,
				 u->at[k].added_at);
	}
	store_user_list_free(v, n);
	store_close(s);
	return 0;
}

int
cmd_user(cli_ctx *c)
{
	lk_err e = { 0, "" };
	const char *role = NULL, *bidang = NULL, *instansi = NULL, *sub, *login;
	char **bv = NULL, *kode = NULL;
	size_t nb = 0;
	enum peran p = PERAN_NONE;
	store *s;
	int ch, rc, npos;

	while ((ch = cli_getopt(c)) != -1) {
		if (ch == 'r')
			role = optarg;
		else if (ch == 'b')
			bidang = optarg;
		else if (ch == 'i')
			instansi = optarg;
		else
			return EX_USAGE;
	}
	npos = c->argc - optind;
	if (npos < 1)
		return cli_usage(c, _("expected add, list, remove or role"));
	sub = c->argv[optind];
	if (strcmp(sub, "list") == 0) {
		if (npos != 1 || role != NULL || bidang != NULL || instansi != NULL)
			return cli_usage(c, _("user list takes no arguments"));
		return user_list(c);
	}
	if (strcmp(sub, "add") == 0) {
		if (npos != 2)
			return cli_usage(c, _("usage: user add LOGIN --role ROLE [--instansi K] [--bidang K,K]"));
		if (role == NULL)
			return cli_usage(c, _("--role is required"));
	} else if (strcmp(sub, "role") == 0) {
		if (npos != 3 || role != NULL)
			return cli_usage(c, _("usage: user role LOGIN ROLE [--instansi K] [--bidang K,K]"));
		role = c->argv[optind + 2];
	} else if (strcmp(sub, "remove") == 0) {
		if (npos != 2 || role != NULL || bidang != NULL)
			return cli_usage(c, _("usage: user remove LOGIN [--instansi K]"));
	} else
		return cli_usage(c, _("unknown user command '%s' (add, list, remove, role)"),
				 sub);
	login = c->argv[optind + 1];
	if (role != NULL && !peran_dari_nama(role, &p))
		return cli_usage(c, _("unknown role '%s' (operator, kabid, kepala, admin)"),
				 role);
	if (p == PERAN_ADMIN && instansi != NULL)
		return cli_usage(c, _("an admin is the database's, in every agency: no --instansi"));
	if (bidang != NULL && (rc = cli_split_list(c, "--bidang", bidang, &bv, &nb)) != 0)
		return rc;
	c->aksi = AKSI_PENGGUNA;
	if ((rc = cli_open_store(c, 0, &s)) != 0) {
		store_free_strv(bv, nb);
		return rc;
	}
	/* The agency of a role: --instansi, or the only one. */
	if (peran_instansi(p) || instansi != NULL)
		rc = store_pilih_instansi(s, instansi, &kode, &e);
	/* Users are the Unix accounts of this machine (a login that is none
	 * could be taken by anyone who creates that account later), or a
	 * server's roles, made by user add when missing. */
	if (rc != 0)
		;
	else if (strcmp(sub, "add") == 0 && store_users_are_accounts(s) &&
		 getpwnam(login) == NULL)
		rc = lk_fail(&e, EX_NOUSER, _("'%s' is not an account on this "
			     "machine"), login);
	else if (strcmp(sub, "add") == 0)
		rc = store_user_add(s, login, p, kode, bv, nb, &e);
	else if (strcmp(sub, "role") == 0)
		rc = store_user_role(s, login, p, kode, bv, nb, &e);
	else
		rc = store_user_remove(s, login, kode, &e);
	store_close(s);
	store_free_strv(bv, nb);
	if (rc != 0) {
		free(kode);
		return cli_report(&e);
	}
	if (strcmp(sub, "add") == 0 && kode != NULL)
		printf(_("Added %s as %s in %s\n"), login, peran_nama(p), kode);
	else if (strcmp(sub, "add") == 0)
		printf(_("Added %s as %s\n"), login, peran_nama(p));
	else if (strcmp(sub, "role") == 0 && kode != NULL)
		printf(_("%s is now %s in %s\n"), login, peran_nama(p), kode);
	else if (strcmp(sub, "role") == 0)
		printf(_("%s is now %s\n"), login, peran_nama(p));
	else if (kode != NULL)
		printf(_("Removed the role of %s in %s\n"), login, kode);
	else
		printf(_("Removed %s\n"), login);
	free(kode);
	return 0;
}
