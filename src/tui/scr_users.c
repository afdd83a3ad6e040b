/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_users.c - the users of the database, for an admin: the list (open
 * to everyone, as `lakip user list`: one row per user and agency),
 * adding one with a role in the agency on screen (and the bidang of a
 * kabid there) or as an admin, changing a role, removing one; each
 * change asks first and goes through the store (store_user_add, _role,
 * _remove), which checks the role again, keeps the last admin and
 * writes the audit records. */
#include "config.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "tui/list.h"
#include "tui/ui.h"

/* A row: a user's role in one agency (p), or an admin or a user
 * without a role (p NULL). */
typedef struct us_row {
	const store_user *u;
	const store_user_peran *p;
} us_row;

typedef struct us_ctx {
	app *a;
	store_user *u;
	size_t n_u;
	us_row *row;
	size_t n;
} us_ctx;

static void
us_load(us_ctx *c)
{
	lk_err e = { 0, "" };
	size_t i, k;
	int rc;

	store_user_list_free(c->u, c->n_u);
	free(c->row);
	c->u = NULL;
	c->row = NULL;
	c->n_u = c->n = 0;
	if ((rc = store_user_list(c->a->st, &c->u, &c->n_u, &e)) != 0) {
		app_fail(c->a, rc, &e);
		return;
	}
	for (i = 0; i < c->n_u; i++)
		c->n += c->u[i].n_at > 0 ? c->u[i].n_at : 1;
	if (c->n > 0 && (c->row = calloc(c->n, sizeof *c->row)) == NULL)
		lk_fatal("out of memory");
	for (i = 0, c->n = 0; i < c->n_u; i++) {
		if (c->u[i].n_at == 0)
			c->row[c->n++].u = &c->u[i];
		for (k = 0; k < c->u[i].n_at; k++) {
			c->row[c->n].u = &c->u[i];
			c->row[c->n++].p = &c->u[i].at[k];
		}
	}
}

/* The role of a row: "admin", "kabid", or "" (none). */
static enum peran
row_peran(const us_row *r)
{
	return r->p != NULL ? r->p->peran : r->u->admin ? PERAN_ADMIN : PERAN_NONE;
}

static void
join_bidang(char *const *v, size_t n, char *buf, size_t size)
{
	size_t i;

	buf[0] = '\0';
	for (i = 0; i < n; i++)
		snprintf(buf + strlen(buf), size - strlen(buf), "%s%s", i ? ", " : "", v[i]);
}

static const char *
us_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	us_ctx *c = ud;
	const us_row *r = &c->row[row];
	const char *by = r->p != NULL ? r->p->added_by : r->u->added_by;
	const char *at = r->p != NULL ? r->p->added_at : r->u->added_at;

	switch (col) {
	case 0: return r->u->login;
	case 1: return r->p != NULL || r->u->admin ? peran_nama(row_peran(r)) : "-";
	case 2: return r->p != NULL ? r->p->instansi : r->u->admin ? _("every agency") : "-";
	case 3:
		if (r->p == NULL)
			return "";
		join_bidang(r->p->bidang, r->p->n_bidang, buf, n);
		return buf;
	case 4: return by != NULL ? by : "";
	default:
		snprintf(buf, n, "%.10s", at != NULL ? at : "");
		return buf;
	}
}

static attr_t
us_attr(void *ud, size_t row, size_t col)
{
	us_ctx *c = ud;

	if (col == 0 && strcmp(c->row[row].u->login, store_actor(c->a->st)) == 0)
		return A_BOLD;
	return A_NORMAL;
}

static void
us_info(void *ud, int y, int x, int h, int w)
{
	us_ctx *c = ud;
	app *a = c->a;
	char buf[900], his[500];

	(void)h;
	store_user_roles_text(&a->user, his, sizeof his);
	snprintf(buf, sizeof buf, _("You: %s (%s). Roles belong to an agency (an admin's "
				    "to all); an account not listed may only read."),
		 store_actor(a->st), !app_listed(a) ? _("not listed") :
		 his[0] ? his : _("no role"));
	ui_put_wrapped(y, x, 2, w, buf, theme_attr(TR_HINT));
}

/* ------------------------------------------------------------------ */
/* questions */

/* A role; -1 when cancelled. */
static int
choose_role(enum peran current)
{
	const char *items[4];
	int r;

	items[0] = _("operator \xe2\x80\x94 enters realisations and narratives, submits them");
	items[1] = _("kabid \xe2\x80\x94 reviews the IKU of his bidang");
	items[2] = _("kepala \xe2\x80\x94 finalises (signs) the quarterly report");
	items[3] = _("admin \xe2\x80\x94 users, import, unlock; also enters data");
	r = ui_choose(_("Role"), items, 4, current >= PERAN_OPERATOR ?
		      (size_t)current - PERAN_OPERATOR : 0);
	return r < 0 ? -1 : r + PERAN_OPERATOR;
}

/* The bidang of a kabid, toggled one by one in the agency's list, which
 * ends with "Done"; false when cancelled.  *out: malloc'ed kodes. */
/* The agency a role is given in: the one on screen when the database
 * holds no other, else chosen (def preselected).  False when cancelled. */
static bool
choose_agency(app *a, const char *def, char *out, size_t n)
{
	lk_err e = { 0, "" };
	char **kode = NULL;
	size_t nk = 0, i, sel = 0;
	int rc, r;

	if ((rc = store_list_instansi(a->st, &kode, &nk, &e)) != 0) {
		app_fail(a, rc, &e);
		return false;
	}
	if (nk <= 1) {
		snprintf(out, n, "%s", nk == 1 ? kode[0] : def != NULL ? def : "");
		store_free_strv(kode, nk);
		return out[0] != '\0';
	}
	for (i = 0; i < nk; i++)
		if (def != NULL && strcmp(kode[i], def) == 0)
			sel = i;
	r = ui_choose(_("In which agency?"), (const char *const *)kode, nk, sel);
	if (r >= 0)
		snprintf(out, n, "%s", kode[r]);
	store_free_strv(kode, nk);
	return r >= 0;
}

/* The bidang of agency kode: those of the plan on screen, or of that
 * agency's newest plan (*owned, to free). */
static const instansi *
agency_of(app *a, const char *kode, rencana **owned)
{
	lk_err e = { 0, "" };
	int *years = NULL;
	size_t ny = 0;
	int rc;

	*owned = NULL;
	if (a->r != NULL && a->instansi != NULL && strcmp(kode, a->instansi) == 0)
		return &a->r->instansi;
	if ((rc = store_list_tahun(a->st, kode, &years, &ny, &e)) == 0 && ny > 0)
		rc = store_load(a->st, kode, years[ny - 1], owned, &e);
	free(years);
	if (rc != 0 || *owned == NULL) {
		if (rc != 0)
			app_fail(a, rc, &e);
		else
			ui_message(_("Bidang"), _("That agency has no plan yet, so no "
						  "bidang to choose from."), true);
		return NULL;
	}
	return &(*owned)->instansi;
}

static bool
choose_bidang(const instansi *in, char *const *cur, size_t n_cur, char ***out,
	      size_t *n_out)
{
	const char **items;
	arena tmp = { NULL };
	bool *on, done = false, ok = false;
	size_t i, k, at = 0;

	*out = NULL;
	*n_out = 0;
	if (in->n_bidang == 0) {
		ui_message(_("Bidang"), _("The agency has no bidang yet: add them in step 1 "
					  "first."), true);
		return false;
	}
	items = calloc(in->n_bidang + 1, sizeof *items);
	on = calloc(in->n_bidang, sizeof *on);
	if (items == NULL || on == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < in->n_bidang; i++)
		for (k = 0; k < n_cur; k++)
			on[i] |= strcmp(in->bidang[i].kode, cur[k]) == 0;
	while (!done) {
		int r;

		arena_free(&tmp);
		for (i = 0; i < in->n_bidang; i++)
			items[i] = arena_printf(&tmp, "[%s] %s \xe2\x80\x94 %s", on[i] ? "x" : " ",
						in->bidang[i].kode, in->bidang[i].nama != NULL ?
						in->bidang[i].nama : "");
		items[in->n_bidang] = _("Done");
		r = ui_choose(_("Bidang of the kabid (Enter: mark, then Done)"), items,
			      in->n_bidang + 1, at);
		if (r < 0) {
			done = true;
		} else if ((size_t)r < in->n_bidang) {
			on[r] = !on[r];
			at = (size_t)r;
		} else {
			for (i = k = 0; i < in->n_bidang; i++)
				k += on[i];
			if (k == 0) {
				ui_message(_("Bidang"), _("A kabid needs at least one bidang."),
					   true);
				continue;
			}
			if ((*out = calloc(k, sizeof **out)) == NULL)
				lk_fatal("out of memory");
			for (i = 0; i < in->n_bidang; i++)
				if (on[i] && ((*out)[(*n_out)++] = strdup(in->bidang[i].kode)) == NULL)
					lk_fatal("out of memory");
			done = ok = true;
		}
	}
	arena_free(&tmp);
	free(items);
	free(on);
	return ok;
}

/* Role and bidang (those of agency kode) for a user whose role there is
 * now cur (NULL: none); false when cancelled. */
static bool
ask_role(app *a, const char *kode, enum peran cur_p, const store_user_peran *cur,
	 enum peran *p, char ***bid, size_t *nb)
{
	int r = choose_role(cur_p != PERAN_NONE ? cur_p : PERAN_OPERATOR);
	const instansi *in;
	rencana *owned;
	bool ok;

	*bid = NULL;
	*nb = 0;
	if (r < 0)
		return false;
	*p = (enum peran)r;
	if (*p != PERAN_KABID)
		return true;
	if (kode == NULL || (in = agency_of(a, kode, &owned)) == NULL)
		return false;
	ok = choose_bidang(in, cur != NULL ? cur->bidang : NULL,
			   cur != NULL ? cur->n_bidang : 0, bid, nb);
	if (owned != NULL)
		rencana_free(owned);
	return ok;
}

/* "kabid (ideologi, politik) in K", "operator in K" or "admin". */
static const char *
role_text(enum peran p, const char *instansi, char *const *bid, size_t nb,
	  char *buf, size_t n)
{
	char b[400], r[500];

	if (nb == 0) {
		snprintf(r, sizeof r, "%s", peran_nama(p));
	} else {
		join_bidang(bid, nb, b, sizeof b);
		snprintf(r, sizeof r, "%s (%s)", peran_nama(p), b);
	}
	if (p == PERAN_ADMIN || instansi == NULL)
		snprintf(buf, n, "%s", r);
	else
		snprintf(buf, n, _("%s in %s"), r, instansi);
	return buf;
}

/* ------------------------------------------------------------------ */
/* changes */

static void
trim(char *s)
{
	size_t a = strspn(s, " \t"), n = strlen(s);

	while (n > a && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	memmove(s, s + a, n - a);
	s[n - a] = '\0';
}

static void
select_login(us_ctx *c, list *l, const char *login)
{
	size_t i;

	for (i = c->n; i-- > 0;)
		if (strcmp(c->row[i].u->login, login) == 0)
			l->sel = i;
}

static void
after(us_ctx *c, list *l, const char *login)
{
	app_load_user(c->a);
	app_update_context(c->a);
	us_load(c);
	l->nrows = c->n;
	if (login != NULL)
		select_login(c, l, login);
	list_clamp(l);
}

static void
us_add(us_ctx *c, list *l)
{
	app *a = c->a;
	lk_err e = { 0, "" };
	char *login = NULL, **bid = NULL, text[900], role[500], kode[128] = "";
	size_t nb = 0;
	enum peran p = PERAN_OPERATOR;
	int rc, r;

	if (!app_can_edit(a, AKSI_PENGGUNA))
		return;
	if (!ui_prompt(_("A new user"), _("Login (the Unix account):"), "", &login))
		return;
	trim(login);
	/* A role in an agency (the one on screen first), or an admin. */
	r = choose_role(PERAN_OPERATOR);
	if (r >= 0 && (enum peran)r != PERAN_ADMIN &&
	    !choose_agency(a, a->instansi, kode, sizeof kode))
		r = -1;
	if (r >= 0) {
		const instansi *ins;
		rencana *owned = NULL;

		p = (enum peran)r;
		if (p == PERAN_KABID) {
			ins = agency_of(a, kode, &owned);
			if (ins == NULL || !choose_bidang(ins, NULL, 0, &bid, &nb))
				r = -1;
			if (owned != NULL)
				rencana_free(owned);
		}
	}
	if (r >= 0) {
		const char *in = p == PERAN_ADMIN ? NULL : kode;

		snprintf(text, sizeof text, _("Add %s as %s?"), login,
			 role_text(p, in, bid, nb, role, sizeof role));
		if (ui_confirm(_("A new user"), text, true) == 1) {
			rc = store_user_add(a->st, login, p, in, bid, nb, &e);
			if (rc != 0)
				app_fail(a, rc, &e);
			else
				ui_msg(UI_MSG_INFO, _("%s is added as %s."), login, role);
			after(c, l, login);
		}
	}
	store_free_strv(bid, nb);
	free(login);
}

static void
us_role(us_ctx *c, list *l)
{
	app *a = c->a;
	lk_err e = { 0, "" };
	char login[128], in[128], **bid = NULL, text[1200], from[500], to[500];
	const us_row *r;
	size_t nb = 0;
	enum peran p;
	int rc;

	if (c->n == 0 || !app_can_edit(a, AKSI_PENGGUNA))
		return;
	r = &c->row[l->sel];
	snprintf(login, sizeof login, "%s", r->u->login);
	/* The role in the row's agency; an admin's or a user's without a
	 * role becomes one in an agency chosen (the one on screen first). */
	if (r->p != NULL)
		snprintf(in, sizeof in, "%s", r->p->instansi);
	else if (!choose_agency(a, a->instansi, in, sizeof in))
		return;
	if (r->p != NULL || r->u->admin)
		role_text(row_peran(r), r->p != NULL ? in : NULL, r->p ? r->p->bidang : NULL,
			  r->p ? r->p->n_bidang : 0, from, sizeof from);
	else
		snprintf(from, sizeof from, "%s", _("no role"));
	if (ask_role(a, in, row_peran(r), r->p, &p, &bid, &nb)) {
		snprintf(text, sizeof text, _("Change the role of %s from %s to %s?"), login,
			 from, role_text(p, in, bid, nb, to, sizeof to));
		if (ui_confirm(_("Role"), text, true) == 1) {
			rc = store_user_role(a->st, login, p, p == PERAN_ADMIN ? NULL :
					     in[0] ? in : NULL, bid, nb, &e);
			if (rc != 0)
				app_fail(a, rc, &e);
			else
				ui_msg(UI_MSG_INFO, _("%s is now %s."), login, to);
			after(c, l, login);
		}
	}
	store_free_strv(bid, nb);
}

static void
us_remove(us_ctx *c, list *l)
{
	app *a = c->a;
	lk_err e = { 0, "" };
	char login[128], in[128], text[900], role[500];
	const us_row *r;
	bool only;
	int rc;

	if (c->n == 0 || !app_can_edit(a, AKSI_PENGGUNA))
		return;
	r = &c->row[l->sel];
	snprintf(login, sizeof login, "%s", r->u->login);
	snprintf(in, sizeof in, "%s", r->p != NULL ? r->p->instansi : "");
	/* His role in one of several agencies goes; his only role, or an
	 * admin, takes the user with it. */
	only = r->p == NULL || r->u->n_at <= 1;
	if (r->p != NULL)
		role_text(r->p->peran, in, NULL, 0, role, sizeof role);
	else
		snprintf(role, sizeof role, "%s", r->u->admin ? peran_nama(PERAN_ADMIN)
			 : _("no role"));
	if (only)
		snprintf(text, sizeof text, _("Remove %s (%s)? The account may then only "
					      "read."), login, role);
	else
		snprintf(text, sizeof text, _("Remove the role of %s in %s (%s)? His roles "
					      "in other agencies stay."), login, in,
			 peran_nama(r->p->peran));
	if (ui_confirm(_("Remove"), text, false) != 1)
		return;
	rc = store_user_remove(a->st, login, only ? NULL : in, &e);
	if (rc != 0)
		app_fail(a, rc, &e);
	else
		ui_msg(UI_MSG_INFO, _("%s is removed."), login);
	after(c, l, NULL);
}

int
scr_users(app *a)
{
	static const int acts[] = {
		ACT_HELP, ACT_ADD, ACT_ENTER, ACT_DELETE, ACT_SEARCH, ACT_BACK, ACT_NONE,
	};
	static const int help_acts[] = {
		ACT_ADD, ACT_ENTER, ACT_EDIT, ACT_DELETE, ACT_SEARCH, ACT_SEARCH_NEXT,
		ACT_UP, ACT_DOWN, ACT_BACK, ACT_QUIT, ACT_NONE,
	};
	const char *labels[] = { NULL, NULL, _("Role"), _("Remove"), NULL, NULL, NULL };
	list_col cols[6] = {
		{ NULL, 14, false, false, 0 }, { NULL, 8, false, false, 0 },
		{ NULL, 16, false, false, 0 }, { NULL, 12, true, false, 0 },
		{ NULL, 10, false, false, 90 }, { NULL, 10, false, false, 0 },
	};
	us_ctx c;
	list l;
	int result = -1, act;

	cols[0].title = _("Login");
	cols[1].title = _("Role");
	cols[2].title = _("Agency");
	cols[3].title = _("Bidang");
	cols[4].title = _("Added by");
	cols[5].title = _("Added");
	memset(&c, 0, sizeof c);
	c.a = a;
	us_load(&c);
	memset(&l, 0, sizeof l);
	l.title = _("Users of the database");
	l.cols = cols;
	l.ncol = 6;
	l.cell = us_cell;
	l.attr = us_attr;
	l.info = us_info;
	l.info_rows = 2;
	l.ud = &c;
	l.acts = acts;
	l.bar_labels = labels;
	l.help_acts = help_acts;
	l.help = _("Who may do what: an operator enters realisations and narratives and "
		   "submits them, a kabid reviews the IKU of his bidang, a kepala "
		   "finalises (signs) the quarter, each in his agency; an admin manages "
		   "users, imports and unlocks, in every agency. Ins adds a user with a "
		   "role in an agency (chosen when the database holds several; a "
		   "kabid's bidang are that agency's), Enter changes a role, Del "
		   "removes one; "
		   "each asks first and is written to the audit log. The last admin "
		   "cannot be removed.");
	l.empty = _("No user is listed.");
	list_init(&l);
	list_open(&l);
	while (result < 0) {
		l.nrows = c.n;
		act = list_run(&l);
		switch (act) {
		case ACT_ADD:
			us_add(&c, &l);
			break;
		case ACT_ENTER:
		case ACT_EDIT:
			us_role(&c, &l);
			break;
		case ACT_DELETE:
			us_remove(&c, &l);
			break;
		case ACT_SAVE:
			ui_msg(UI_MSG_HINT, _("Users are saved at once: there is nothing left "
					      "to save."));
			break;
		case ACT_TERMINATE:
			result = FORM_TERMINATED;
			break;
		case ACT_QUIT:
			result = FORM_QUIT;
			break;
		case ACT_BACK:
		case ACT_STEPS:
		case ACT_NEXT_STEP:
		case ACT_PREV_STEP:
			result = FORM_CANCELLED;
			break;
		default:
			break;
		}
	}
	list_close(&l);
	store_user_list_free(c.u, c.n_u);
	free(c.row);
	return result;
}
