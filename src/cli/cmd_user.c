/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* cmd_user.c - `lakip user`: the users of a database and their roles.
 *
 *   user add LOGIN --role operator|kabid|kepala|admin [--bidang K,K]
 *   user list
 *   user remove LOGIN
 *   user role LOGIN ROLE [--bidang K,K]
 *
 * list is open to everyone; the others need an admin (AKSI_PENGGUNA).
 */
#include "config.h"
#include "cli/cli.h"

#include <getopt.h>
#include <pwd.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "store/workflow.h"

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
	rc = store_user_list(s, &v, &n, &e);
	store_close(s);
	if (rc != 0)
		return cli_report(&e);
	printf("%-20s %-9s %-24s %s\n", _("LOGIN"), _("ROLE"), _("BIDANG"),
	       _("ADDED BY / AT"));
	for (i = 0; i < n; i++) {
		char bid[256] = "";
		size_t len = 0;

		for (k = 0; k < v[i].n_bidang && len < sizeof bid; k++) {
			int w = snprintf(bid + len, sizeof bid - len, "%s%s",
					 k ? "," : "", v[i].bidang[k]);

			if (w > 0)
				len += (size_t)w;
		}
		printf("%-20s %-9s %-24s %s %s\n", v[i].login,
		       peran_nama(v[i].peran), *bid ? bid : "-",
		       v[i].added_by ? v[i].added_by : "-",
		       v[i].added_at ? v[i].added_at : "-");
	}
	store_user_list_free(v, n);
	return 0;
}

int
cmd_user(cli_ctx *c)
{
	lk_err e = { 0, "" };
	const char *role = NULL, *bidang = NULL, *sub, *login;
	char **bv = NULL;
	size_t nb = 0;
	enum peran p = PERAN_NONE;
	store *s;
	int ch, rc, npos;

	while ((ch = cli_getopt(c)) != -1) {
		if (ch == 'r')
			role = optarg;
		else if (ch == 'b')
			bidang = optarg;
		else
			return EX_USAGE;
	}
	npos = c->argc - optind;
	if (npos < 1)
		return cli_usage(c, _("expected add, list, remove or role"));
	sub = c->argv[optind];
	if (strcmp(sub, "list") == 0) {
		if (npos != 1 || role != NULL || bidang != NULL)
			return cli_usage(c, _("user list takes no arguments"));
		return user_list(c);
	}
	if (strcmp(sub, "add") == 0) {
		if (npos != 2)
			return cli_usage(c, _("usage: user add LOGIN --role ROLE [--bidang K,K]"));
		if (role == NULL)
			return cli_usage(c, _("--role is required"));
	} else if (strcmp(sub, "role") == 0) {
		if (npos != 3 || role != NULL)
			return cli_usage(c, _("usage: user role LOGIN ROLE [--bidang K,K]"));
		role = c->argv[optind + 2];
	} else if (strcmp(sub, "remove") == 0) {
		if (npos != 2 || role != NULL || bidang != NULL)
			return cli_usage(c, _("usage: user remove LOGIN"));
	} else
		return cli_usage(c, _("unknown user command '%s' (add, list, remove, role)"),
				 sub);
	login = c->argv[optind + 1];
	if (role != NULL && !peran_dari_nama(role, &p))
		return cli_usage(c, _("unknown role '%s' (operator, kabid, kepala, admin)"),
				 role);
	if (bidang != NULL && (rc = cli_split_list(c, "--bidang", bidang, &bv, &nb)) != 0)
		return rc;
	c->aksi = AKSI_PENGGUNA;
	if ((rc = cli_open_store(c, 0, &s)) != 0) {
		store_free_strv(bv, nb);
		return rc;
	}
	/* Users are the Unix accounts of this machine: a login that is none
	 * could be taken by anyone who creates that account later. */
	if (strcmp(sub, "add") == 0 && getpwnam(login) == NULL)
		rc = lk_fail(&e, EX_NOUSER, _("'%s' is not an account on this "
			     "machine"), login);
	else if (strcmp(sub, "add") == 0)
		rc = store_user_add(s, login, p, bv, nb, &e);
	else if (strcmp(sub, "role") == 0)
		rc = store_user_role(s, login, p, bv, nb, &e);
	else
		rc = store_user_remove(s, login, &e);
	store_close(s);
	store_free_strv(bv, nb);
	if (rc != 0)
		return cli_report(&e);
	if (strcmp(sub, "add") == 0)
		printf(_("Added %s as %s\n"), login, peran_nama(p));
	else if (strcmp(sub, "role") == 0)
		printf(_("%s is now %s\n"), login, peran_nama(p));
	else
		printf(_("Removed %s\n"), login);
	return 0;
}
