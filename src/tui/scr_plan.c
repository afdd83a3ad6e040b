/* scr_plan.c - steps 1 to 3: the agency and its signer, bidang, sasaran
 * with their IKU, programs with their budgets. */
#include "config.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"
#include "core/err.h"
#include "core/i18n.h"
#include "core/model_edit.h"
#include "tui/list.h"
#include "tui/ui.h"

static const int list_acts[] = {
	ACT_HELP, ACT_ENTER, ACT_ADD, ACT_DELETE, ACT_SEARCH, ACT_BACK,
	ACT_NEXT_STEP, ACT_NONE,
};
static const int list_help_acts[] = {
	ACT_ENTER, ACT_EDIT, ACT_ADD, ACT_DELETE, ACT_MOVE_UP, ACT_MOVE_DOWN,
	ACT_SEARCH, ACT_SEARCH_NEXT, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN,
	ACT_HOME, ACT_END, ACT_NEXT_STEP, ACT_PREV_STEP, ACT_STEPS, ACT_BACK,
	ACT_NONE,
};

static bool
valid_kode_instansi(const char *s)
{
	if (*s == '\0')
		return false;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') || *s == '-'))
			return false;
	return true;
}

/* Put a pejabat's fields (prefix_nama, ...) from the form. */
static void
take_pejabat(app *a, const form *f, const char *prefix, pejabat *p)
{
	static const char *const part[] = { "nama", "jabatan", "pangkat", "nip" };
	char **slot[] = { &p->nama, &p->jabatan, &p->pangkat, &p->nip };
	char name[64];
	size_t i;

	for (i = 0; i < 4; i++) {
		const char *v;

		snprintf(name, sizeof name, "%s_%s", prefix, part[i]);
		if ((v = form_value(f, name)) != NULL)
			*slot[i] = scr_dup(a, v);
	}
}

static const char *
give_pejabat(const pejabat *p, const char *prefix, const char *name)
{
	size_t n = strlen(prefix);

	if (strncmp(name, prefix, n) != 0 || name[n] != '_')
		return NULL;
	name += n + 1;
	if (strcmp(name, "nama") == 0) return p->nama;
	if (strcmp(name, "jabatan") == 0) return p->jabatan;
	if (strcmp(name, "pangkat") == 0) return p->pangkat;
	if (strcmp(name, "nip") == 0) return p->nip;
	return NULL;
}

/* ------------------------------------------------------------------ */
/* instansi */

typedef struct inst_ctx {
	app *a;
	bool create;
} inst_ctx;

static const char *
inst_get(void *ud, const char *name)
{
	inst_ctx *c = ud;
	const instansi *in = &c->a->r->instansi;

	if (strcmp(name, "kode") == 0) return in->kode;
	if (strcmp(name, "nama") == 0) return in->nama;
	if (strcmp(name, "pemerintah") == 0) return in->pemerintah;
	if (strcmp(name, "kota") == 0) return in->kota;
	if (strcmp(name, "logo") == 0) return in->logo;
	return give_pejabat(&in->kepala, "kepala", name);
}

static int
inst_apply(void *ud, const form *f, form_fail *fail)
{
	inst_ctx *c = ud;
	app *a = c->a;
	instansi *in = &a->r->instansi;
	const char *v;

	if ((v = form_value(f, "kode")) != NULL) {
		if (!valid_kode_instansi(v)) {
			snprintf(fail->msg, sizeof fail->msg,
				 _("use lowercase letters, digits and '-' only, e.g. kesbangpol-kalteng"));
			fail->field = "kode";
			return 1;
		}
		if (!c->create && in->kode != NULL && strcmp(v, in->kode) != 0) {
			snprintf(fail->msg, sizeof fail->msg,
				 _("the agency code names the agency in the database and cannot "
				   "be changed here (it was %s)"), in->kode);
			fail->field = "kode";
			return 1;
		}
		if (c->create) {
			char **kode = NULL;
			size_t n = 0, i;
			bool used = false;

			if (store_list_instansi(a->st, &kode, &n, NULL) == 0) {
				for (i = 0; i < n; i++)
					used |= strcmp(kode[i], v) == 0;
				store_free_strv(kode, n);
			}
			if (used) {
				snprintf(fail->msg, sizeof fail->msg,
					 _("an agency with the code %s already exists"), v);
				fail->field = "kode";
				return 1;
			}
		}
		in->kode = scr_dup(a, v);
	}
	if ((v = form_value(f, "nama")) != NULL) in->nama = scr_dup(a, v);
	if ((v = form_value(f, "pemerintah")) != NULL) in->pemerintah = scr_dup(a, v);
	if ((v = form_value(f, "kota")) != NULL) in->kota = scr_dup(a, v);
	if ((v = form_value(f, "logo")) != NULL) in->logo = scr_dup(a, v);
	take_pejabat(a, f, "kepala", &in->kepala);
	if (c->create) {
		free(a->instansi);
		a->instansi = strdup(in->kode);
	}
	return app_save(a) == 0 ? 0 : 1;
}

int
scr_instansi_form(app *a, int step, bool create, const draft *restore)
{
	inst_ctx c = { a, create };
	form_spec s;

	memset(&s, 0, sizeof s);
	s.fd = a->fd[AF_INSTANSI];
	s.title = create ? _("New agency") : app_form_title(a, AF_INSTANSI);
	s.subtitle = create ? NULL : a->r->instansi.nama;
	s.step = step;
	s.help = _("The agency and its head, who signs the report: the name as printed "
		   "on the cover, the place printed with the date, and the head's name, "
		   "position, rank and NIP as printed under the signature.");
	s.get = inst_get;
	s.apply = inst_apply;
	s.ud = &c;
	s.dk = scr_dk(a, "instansi", create ? "+" : a->instansi);
	s.dk.tw = 0;
	s.restore = restore;
	return form_run(a, &s);
}

/* ------------------------------------------------------------------ */
/* bidang */

typedef struct bid_ctx {
	app *a;
	long idx;           /* the bidang edited, -1 for a new one */
	size_t at;          /* where a new one goes */
} bid_ctx;

static const char *
bid_get(void *ud, const char *name)
{
	bid_ctx *c = ud;
	const bidang *b;

	if (c->idx < 0)
		return NULL;
	b = &c->a->r->instansi.bidang[c->idx];
	if (strcmp(name, "kode") == 0) return b->kode;
	if (strcmp(name, "nama") == 0) return b->nama;
	return b->ada_kepala ? give_pejabat(&b->kepala, "kepala", name) : NULL;
}

static int
bid_apply(void *ud, const form *f, form_fail *fail)
{
	bid_ctx *c = ud;
	app *a = c->a;
	const char *kode = form_value(f, "kode"), *v;
	bidang *b, *other = kode != NULL ? rencana_find_bidang(a->r, kode) : NULL;

	if (other != NULL && (c->idx < 0 || other != &a->r->instansi.bidang[c->idx])) {
		snprintf(fail->msg, sizeof fail->msg, _("the code %s is already used"), kode);
		fail->field = "kode";
		return 1;
	}
	if (c->idx < 0) {
		b = rencana_add_bidang(a->r, c->at);
		b->kode = scr_dup(a, kode);
		c->idx = (long)c->at;
	} else {
		b = &a->r->instansi.bidang[c->idx];
		if (kode != NULL && rencana_rename_bidang(a->r, b, kode) != 0) {
			snprintf(fail->msg, sizeof fail->msg, _("the code %s is already used"), kode);
			fail->field = "kode";
			return 1;
		}
	}
	if ((v = form_value(f, "nama")) != NULL)
		b->nama = scr_dup(a, v);
	take_pejabat(a, f, "kepala", &b->kepala);
	b->ada_kepala = b->kepala.nama != NULL;
	return app_save(a) == 0 ? 0 : 1;
}

static int
bid_form(app *a, int step, long idx, size_t at, const draft *restore)
{
	bid_ctx c = { a, idx, at };
	char ent[128];
	form_spec s;

	if (idx >= 0)
		snprintf(ent, sizeof ent, "%s", a->r->instansi.bidang[idx].kode);
	else
		snprintf(ent, sizeof ent, "+%zu", at);
	memset(&s, 0, sizeof s);
	s.fd = a->fd[AF_BIDANG];
	s.title = app_form_title(a, AF_BIDANG);
	s.subtitle = idx >= 0 ? a->r->instansi.bidang[idx].kode : _("new");
	s.step = step;
	s.help = _("A division of the agency and, if it has one, its head.");
	s.get = bid_get;
	s.apply = bid_apply;
	s.ud = &c;
	s.dk = scr_dk(a, "bidang", ent);
	s.dk.tw = 0;
	s.restore = restore;
	return form_run(a, &s);
}

static const list_col bid_cols[] = {
	{ N_("Code"), 14, false, false, 0 },
	{ N_("Division"), 20, true, false, 0 },
	{ N_("Head"), 26, false, false, 100 },
};

static const char *
bid_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	app *a = ud;
	const bidang *b = &a->r->instansi.bidang[row];

	(void)buf;
	(void)n;
	switch (col) {
	case 0: return b->kode;
	case 1: return b->nama;
	default: return b->ada_kepala ? b->kepala.nama : "";
	}
}

/* Restore: entity is a kode or "+N". */
static int
bid_restore(app *a, int step, const draft *d)
{
	long idx = -1;
	size_t at = a->r->instansi.n_bidang, i;

	if (d->entity[0] == '+') {
		at = (size_t)strtoul(d->entity + 1, NULL, 10);
		if (at > a->r->instansi.n_bidang)
			at = a->r->instansi.n_bidang;
	} else {
		for (i = 0; i < a->r->instansi.n_bidang; i++)
			if (strcmp(a->r->instansi.bidang[i].kode, d->entity) == 0)
				idx = (long)i;
	}
	return bid_form(a, step, idx, at, d);
}

int
scr_bidang(app *a, int step, const draft *restore)
{
	list_col cols[3];
	list l;
	int result = -1, act;
	size_t i;

	for (i = 0; i < 3; i++) {
		cols[i] = bid_cols[i];
		cols[i].title = _(bid_cols[i].title);
	}
	memset(&l, 0, sizeof l);
	l.title = _("Divisions (bidang)");
	l.step = step;
	l.cols = cols;
	l.ncol = 3;
	l.cell = bid_cell;
	l.ud = a;
	l.acts = list_acts;
	l.help_acts = list_help_acts;
	l.help = _("The divisions of the agency. A sasaran names the division "
		   "responsible for it.");
	l.empty = _("No division yet. Press Ins (or a) to add one.");
	list_init(&l);
	list_open(&l);
	if (restore != NULL && bid_restore(a, step, restore) == FORM_TERMINATED)
		result = FORM_TERMINATED;
	while (result < 0) {
		l.nrows = a->r->instansi.n_bidang;
		act = list_run(&l);
		switch (act) {
		case ACT_ENTER:
		case ACT_EDIT:
			if (l.nrows > 0 && bid_form(a, step, (long)l.sel, 0, NULL) == FORM_TERMINATED)
				result = FORM_TERMINATED;
			break;
		case ACT_ADD:
			if (!app_can_edit(a))
				break;
			if (bid_form(a, step, -1, l.nrows > 0 ? l.sel + 1 : 0, NULL) == FORM_SAVED)
				l.sel = l.nrows > 0 ? l.sel + 1 : 0;
			else if (ui_terminating())
				result = FORM_TERMINATED;
			break;
		case ACT_DELETE:
			if (l.nrows == 0 || !app_can_edit(a))
				break;
			{
				char what[300];

				snprintf(what, sizeof what, _("the division %s"),
					 a->r->instansi.bidang[l.sel].kode);
				if (scr_confirm_delete(what)) {
					rencana_delete_bidang(a->r, l.sel);
					app_save(a);
				}
			}
			break;
		case ACT_MOVE_UP:
		case ACT_MOVE_DOWN:
			if (l.nrows < 2 || !app_can_edit(a))
				break;
			if (act == ACT_MOVE_UP && l.sel > 0) {
				rencana_move_bidang(a->r, l.sel, l.sel - 1);
				l.sel--;
				app_save(a);
			} else if (act == ACT_MOVE_DOWN && l.sel + 1 < l.nrows) {
				rencana_move_bidang(a->r, l.sel, l.sel + 1);
				l.sel++;
				app_save(a);
			}
			break;
		default:
			result = scr_leave_code(act);
		}
	}
	list_close(&l);
	return result;
}

/* ------------------------------------------------------------------ */
/* step 1: profile and bidang */

static const char *
profil_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	app *a = ud;

	if (row == 0) {
		if (col == 0)
			return _("Agency profile and signer");
		snprintf(buf, n, "%s \xc2\xb7 %s", a->r->instansi.nama != NULL ?
			 a->r->instansi.nama : "", a->r->instansi.kepala.nama != NULL ?
			 a->r->instansi.kepala.nama : "");
		return buf;
	}
	if (col == 0)
		return _("Divisions (bidang)");
	snprintf(buf, n, _("%zu divisions"), a->r->instansi.n_bidang);
	return buf;
}

int
scr_profil(app *a, int step, const draft *restore)
{
	static const int acts[] = {
		ACT_HELP, ACT_ENTER, ACT_BACK, ACT_NEXT_STEP, ACT_STEPS, ACT_NONE,
	};
	list_col cols[2] = {
		{ "", 34, false, false, 0 }, { "", 20, true, false, 0 },
	};
	list l;
	int result = -1, r, act;

	cols[0].title = _("Part");
	cols[1].title = _("Now");
	if (restore != NULL) {
		r = strcmp(restore->form, "bidang") == 0 ?
		    scr_bidang(a, step, restore) : scr_instansi_form(a, step, false, restore);
		if (r != FORM_CANCELLED && r != FORM_SAVED)
			return r;
	}
	memset(&l, 0, sizeof l);
	l.title = scr_step_name(step);
	l.step = step;
	l.cols = cols;
	l.ncol = 2;
	l.nrows = 2;
	l.cell = profil_cell;
	l.ud = a;
	l.acts = acts;
	l.help = _("The agency's profile (name, government, city, the head who signs) "
		   "and its divisions. Choose one and press Enter.");
	list_init(&l);
	list_open(&l);
	while (result < 0) {
		act = list_run(&l);
		if (act == ACT_ENTER || act == ACT_EDIT) {
			r = l.sel == 0 ? scr_instansi_form(a, step, false, NULL) :
			    scr_bidang(a, step, NULL);
			if (r != FORM_CANCELLED && r != FORM_SAVED)
				result = r;
		} else {
			result = scr_leave_code(act);
		}
	}
	list_close(&l);
	return result;
}

/* ------------------------------------------------------------------ */
/* step 2: sasaran and their IKU, one list */

typedef struct srow {
	bool is_iku;
	size_t s, i;
} srow;

typedef struct sas_ctx {
	app *a;
	srow *rows;
	size_t n;
	/* form */
	long s, i;          /* edited entries, -1 new */
	size_t at;
	char num[64];
} sas_ctx;

static void
sas_rows(sas_ctx *c)
{
	rencana *r = c->a->r;
	size_t n = 0, k = 0, i, j;

	for (i = 0; i < r->n_sasaran; i++)
		n += 1 + r->sasaran[i].n_iku;
	free(c->rows);
	if ((c->rows = calloc(n + 1, sizeof *c->rows)) == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < r->n_sasaran; i++) {
		c->rows[k++] = (srow){ false, i, 0 };
		for (j = 0; j < r->sasaran[i].n_iku; j++)
			c->rows[k++] = (srow){ true, i, j };
	}
	c->n = n;
}

static const char *
sas_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	sas_ctx *c = ud;
	const srow *x = &c->rows[row];
	const sasaran *s = &c->a->r->sasaran[x->s];
	const iku *k;
	char num[DEC_BUFSZ];

	if (!x->is_iku) {
		switch (col) {
		case 0: return s->kode;
		case 1: return s->uraian;
		case 2: return s->bidang != NULL ? s->bidang : "";
		case 3:
			snprintf(buf, n, _("%zu IKU"), s->n_iku);
			return buf;
		default: return "";
		}
	}
	k = &s->iku[x->i];
	switch (col) {
	case 0:
		snprintf(buf, n, "  %s", k->kode);
		return buf;
	case 1:
		snprintf(buf, n, "  %s", k->uraian);
		return buf;
	case 2: return k->satuan;
	case 3:
		snprintf(buf, n, "%s", dec_format_nilai(k->target, num));
		return buf;
	default: return k->polaritas == POLARITAS_NEGATIF ? _("negative") : _("positive");
	}
}

static attr_t
sas_attr(void *ud, size_t row, size_t col)
{
	sas_ctx *c = ud;

	(void)col;
	return c->rows[row].is_iku ? A_NORMAL : theme_attr(TR_GROUP);
}

static const char *
sas_get(void *ud, const char *name)
{
	sas_ctx *c = ud;
	const sasaran *s;

	if (c->s < 0)
		return NULL;
	s = &c->a->r->sasaran[c->s];
	if (strcmp(name, "kode") == 0) return s->kode;
	if (strcmp(name, "uraian") == 0) return s->uraian;
	if (strcmp(name, "bidang") == 0) return s->bidang;
	return NULL;
}

static int
sas_apply(void *ud, const form *f, form_fail *fail)
{
	sas_ctx *c = ud;
	app *a = c->a;
	const char *kode = form_value(f, "kode"), *v;
	sasaran *s, *other = kode != NULL ? rencana_find_sasaran(a->r, kode) : NULL;

	if (other != NULL && (c->s < 0 || other != &a->r->sasaran[c->s])) {
		snprintf(fail->msg, sizeof fail->msg, _("the code %s is already used"), kode);
		fail->field = "kode";
		return 1;
	}
	if ((v = form_value(f, "bidang")) != NULL && *v &&
	    rencana_find_bidang(a->r, v) == NULL) {
		snprintf(fail->msg, sizeof fail->msg,
			 _("there is no division %s (Enter shows the list)"), v);
		fail->field = "bidang";
		return 1;
	}
	if (c->s < 0) {
		s = rencana_add_sasaran(a->r, c->at);
		s->kode = scr_dup(a, kode);
		c->s = (long)c->at;
	} else {
		s = &a->r->sasaran[c->s];
		if (kode != NULL)
			rencana_rename_sasaran(a->r, s, kode);
	}
	if ((v = form_value(f, "uraian")) != NULL) s->uraian = scr_dup(a, v);
	if ((v = form_value(f, "bidang")) != NULL) s->bidang = scr_dup(a, v);
	return app_save(a) == 0 ? 0 : 1;
}

static bool
pick_bidang(void *ud, const char *cur, char **out)
{
	sas_ctx *c = ud;
	const instansi *in = &c->a->r->instansi;
	const char **items = calloc(in->n_bidang + 1, sizeof *items);
	arena tmp = { NULL };
	size_t i, sel = 0;
	int r;

	if (items == NULL)
		lk_fatal("out of memory");
	items[0] = _("(no division)");
	for (i = 0; i < in->n_bidang; i++) {
		items[i + 1] = arena_printf(&tmp, "%s \xe2\x80\x94 %s", in->bidang[i].kode,
					    in->bidang[i].nama != NULL ? in->bidang[i].nama : "");
		if (strcmp(cur, in->bidang[i].kode) == 0)
			sel = i + 1;
	}
	r = ui_choose(_("Division"), items, in->n_bidang + 1, sel);
	free(items);
	arena_free(&tmp);
	if (r < 0)
		return false;
	*out = strdup(r == 0 ? "" : in->bidang[r - 1].kode);
	return *out != NULL;
}

static int
sas_form(sas_ctx *c, int step, long si, size_t at, const draft *restore)
{
	app *a = c->a;
	char ent[128];
	form_spec s;

	c->s = si;
	c->at = at;
	if (si >= 0)
		snprintf(ent, sizeof ent, "%s", a->r->sasaran[si].kode);
	else
		snprintf(ent, sizeof ent, "+%zu", at);
	memset(&s, 0, sizeof s);
	s.fd = a->fd[AF_SASARAN];
	s.title = app_form_title(a, AF_SASARAN);
	s.subtitle = si >= 0 ? a->r->sasaran[si].kode : _("new");
	s.step = step;
	s.help = _("A strategic objective (sasaran strategis) of the Renstra. Its IKU "
		   "are added in the list, under it.");
	s.get = sas_get;
	s.apply = sas_apply;
	s.pick_field = "bidang";
	s.pick = pick_bidang;
	s.ud = c;
	s.dk = scr_dk(a, "sasaran", ent);
	s.dk.tw = 0;
	s.restore = restore;
	return form_run(a, &s);
}

static const char *
iku_get(void *ud, const char *name)
{
	sas_ctx *c = ud;
	const iku *k;
	int tw;

	if (c->i < 0)
		return strcmp(name, "polaritas") == 0 ? "positif" : NULL;
	k = &c->a->r->sasaran[c->s].iku[c->i];
	if (strcmp(name, "kode") == 0) return k->kode;
	if (strcmp(name, "uraian") == 0) return k->uraian;
	if (strcmp(name, "satuan") == 0) return k->satuan;
	if (strcmp(name, "polaritas") == 0) return polaritas_nama(k->polaritas);
	if (strcmp(name, "target") == 0) return scr_nilai(k->target, c->num);
	if (strncmp(name, "target_tw", 9) == 0 && (tw = atoi(name + 9)) >= 1 && tw <= 4)
		return k->ada_target_tw[tw] ? scr_nilai(k->target_tw[tw], c->num) : NULL;
	return NULL;
}

static int
iku_apply(void *ud, const form *f, form_fail *fail)
{
	sas_ctx *c = ud;
	app *a = c->a;
	const char *kode = form_value(f, "kode"), *v;
	iku *k, *other = kode != NULL ? rencana_find_iku(a->r, kode, NULL) : NULL;
	sasaran *s = &a->r->sasaran[c->s];
	char name[16];
	int tw, p;

	if (other != NULL && (c->i < 0 || other != &s->iku[c->i])) {
		snprintf(fail->msg, sizeof fail->msg, _("the code %s is already used"), kode);
		fail->field = "kode";
		return 1;
	}
	if (c->i < 0) {
		k = rencana_add_iku(a->r, s, c->at);
		c->i = (long)c->at;
	} else {
		k = &s->iku[c->i];
	}
	if (kode != NULL) k->kode = scr_dup(a, kode);
	if ((v = form_value(f, "uraian")) != NULL) k->uraian = scr_dup(a, v);
	if ((v = form_value(f, "satuan")) != NULL) k->satuan = scr_dup(a, v);
	if ((v = form_value(f, "polaritas")) != NULL && (p = polaritas_parse(v)) >= 0)
		k->polaritas = (enum polaritas)p;
	if ((v = form_value(f, "target")) != NULL) {
		k->target = 0;
		scr_parse(v, DEC_NILAI, &k->target);
	}
	for (tw = 1; tw <= TW_MAX; tw++) {
		snprintf(name, sizeof name, "target_tw%d", tw);
		if ((v = form_value(f, name)) == NULL)
			continue;
		k->ada_target_tw[tw] = scr_parse(v, DEC_NILAI, &k->target_tw[tw]);
		if (!k->ada_target_tw[tw])
			k->target_tw[tw] = 0;
	}
	return app_save(a) == 0 ? 0 : 1;
}

static int
iku_form(sas_ctx *c, int step, long si, long ii, size_t at, const draft *restore)
{
	app *a = c->a;
	char ent[160], sub[300];
	form_spec s;

	c->s = si;
	c->i = ii;
	c->at = at;
	if (ii >= 0)
		snprintf(ent, sizeof ent, "%s/%s", a->r->sasaran[si].kode,
			 a->r->sasaran[si].iku[ii].kode);
	else
		snprintf(ent, sizeof ent, "%s/+%zu", a->r->sasaran[si].kode, at);
	snprintf(sub, sizeof sub, "%s \xc2\xb7 %s", ii >= 0 ? a->r->sasaran[si].iku[ii].kode :
		 _("new"), a->r->sasaran[si].kode);
	memset(&s, 0, sizeof s);
	s.fd = a->fd[AF_IKU];
	s.title = app_form_title(a, AF_IKU);
	s.subtitle = sub;
	s.step = step;
	s.help = _("A key performance indicator (IKU) of the sasaran: its unit, whether "
		   "a higher or a lower value is better, the annual target (Target RENJA) "
		   "and, when planned, the cumulative target up to each quarter.");
	s.get = iku_get;
	s.apply = iku_apply;
	s.ud = c;
	s.dk = scr_dk(a, "iku", ent);
	s.dk.tw = 0;
	s.restore = restore;
	return form_run(a, &s);
}

static int
sas_restore(sas_ctx *c, int step, const draft *d)
{
	rencana *r = c->a->r;
	const char *slash = strchr(d->entity, '/');
	size_t i, j;

	if (strcmp(d->form, "sasaran") == 0) {
		if (d->entity[0] == '+') {
			size_t at = (size_t)strtoul(d->entity + 1, NULL, 10);

			return sas_form(c, step, -1, at > r->n_sasaran ? r->n_sasaran : at, d);
		}
		for (i = 0; i < r->n_sasaran; i++)
			if (strcmp(r->sasaran[i].kode, d->entity) == 0)
				return sas_form(c, step, (long)i, 0, d);
		return sas_form(c, step, -1, r->n_sasaran, d);
	}
	if (slash == NULL)
		return FORM_CANCELLED;
	for (i = 0; i < r->n_sasaran; i++) {
		const sasaran *s = &r->sasaran[i];

		if (strncmp(s->kode, d->entity, (size_t)(slash - d->entity)) != 0 ||
		    s->kode[slash - d->entity] != '\0')
			continue;
		if (slash[1] == '+') {
			size_t at = (size_t)strtoul(slash + 2, NULL, 10);

			return iku_form(c, step, (long)i, -1, at > s->n_iku ? s->n_iku : at, d);
		}
		for (j = 0; j < s->n_iku; j++)
			if (strcmp(s->iku[j].kode, slash + 1) == 0)
				return iku_form(c, step, (long)i, (long)j, 0, d);
		return iku_form(c, step, (long)i, -1, s->n_iku, d);
	}
	ui_msg(UI_MSG_ERROR, _("The sasaran of this draft no longer exists."));
	return FORM_CANCELLED;
}

/* Row index of sasaran si (or of its IKU ii). */
static size_t
sas_find_row(const sas_ctx *c, size_t si, long ii)
{
	size_t k;

	for (k = 0; k < c->n; k++)
		if (c->rows[k].s == si && (ii < 0 ? !c->rows[k].is_iku :
					   c->rows[k].is_iku && c->rows[k].i == (size_t)ii))
			return k;
	return 0;
}

static void
sas_add(sas_ctx *c, list *l, int step)
{
	rencana *r = c->a->r;
	const char *items[2];
	char buf[300];
	int choice = 0, rc;
	srow x;

	if (!app_can_edit(c->a))
		return;
	if (c->n > 0) {
		x = c->rows[l->sel];
		items[0] = _("A new sasaran");
		snprintf(buf, sizeof buf, _("A new IKU of %s"), r->sasaran[x.s].kode);
		items[1] = buf;
		if ((choice = ui_choose(_("Add"), items, 2, 1)) < 0)
			return;
	}
	if (choice == 0) {
		size_t at = c->n > 0 ? c->rows[l->sel].s + 1 : 0;

		rc = sas_form(c, step, -1, at, NULL);
		if (rc == FORM_SAVED) {
			sas_rows(c);
			l->sel = sas_find_row(c, (size_t)c->s, -1);
		}
	} else {
		x = c->rows[l->sel];
		rc = iku_form(c, step, (long)x.s, -1,
			      x.is_iku ? x.i + 1 : r->sasaran[x.s].n_iku, NULL);
		if (rc == FORM_SAVED) {
			sas_rows(c);
			l->sel = sas_find_row(c, (size_t)c->s, c->i);
		}
	}
}

static void
sas_delete(sas_ctx *c, list *l)
{
	rencana *r = c->a->r;
	srow x;
	char what[400];

	if (c->n == 0 || !app_can_edit(c->a))
		return;
	x = c->rows[l->sel];
	if (x.is_iku)
		snprintf(what, sizeof what, _("the IKU %s"), r->sasaran[x.s].iku[x.i].kode);
	else
		snprintf(what, sizeof what, _("the sasaran %s with its %zu IKU, narratives "
					      "and tables"), r->sasaran[x.s].kode,
			 r->sasaran[x.s].n_iku);
	if (!scr_confirm_delete(what))
		return;
	if (x.is_iku)
		rencana_delete_iku(r, &r->sasaran[x.s], x.i);
	else
		rencana_delete_sasaran(r, x.s);
	app_save(c->a);
}

static void
sas_move(sas_ctx *c, list *l, int dir)
{
	rencana *r = c->a->r;
	srow x;

	if (c->n == 0 || !app_can_edit(c->a))
		return;
	x = c->rows[l->sel];
	if (x.is_iku) {
		sasaran *s = &r->sasaran[x.s];

		if ((dir < 0 && x.i == 0) || (dir > 0 && x.i + 1 >= s->n_iku))
			return;
		rencana_move_iku(r, s, x.i, dir < 0 ? x.i - 1 : x.i + 1);
		sas_rows(c);
		l->sel = sas_find_row(c, x.s, (long)(dir < 0 ? x.i - 1 : x.i + 1));
	} else {
		if ((dir < 0 && x.s == 0) || (dir > 0 && x.s + 1 >= r->n_sasaran))
			return;
		rencana_move_sasaran(r, x.s, dir < 0 ? x.s - 1 : x.s + 1);
		sas_rows(c);
		l->sel = sas_find_row(c, dir < 0 ? x.s - 1 : x.s + 1, -1);
	}
	app_save(c->a);
}

int
scr_sasaran(app *a, int step, const draft *restore)
{
	list_col cols[5] = {
		{ NULL, 10, false, false, 0 }, { NULL, 20, true, false, 0 },
		{ NULL, 12, false, false, 0 }, { NULL, 10, false, true, 0 },
		{ NULL, 9, false, false, 100 },
	};
	sas_ctx c;
	list l;
	int result = -1, act;

	cols[0].title = _("Code");
	cols[1].title = _("Sasaran / indicator");
	cols[2].title = _("Div./unit");
	cols[3].title = _("Target");
	cols[4].title = _("Polarity");
	memset(&c, 0, sizeof c);
	c.a = a;
	memset(&l, 0, sizeof l);
	l.title = scr_step_name(step);
	l.step = step;
	l.cols = cols;
	l.ncol = 5;
	l.cell = sas_cell;
	l.attr = sas_attr;
	l.ud = &c;
	l.acts = list_acts;
	l.help_acts = list_help_acts;
	l.help = _("Each sasaran (in bold) with its IKU below it. Enter edits the "
		   "selected line; Ins adds a sasaran or an IKU of the selected sasaran; "
		   "Del deletes; - and + move a line within its group.");
	l.empty = _("No sasaran yet. Press Ins (or a) to add the first one.");
	list_init(&l);
	sas_rows(&c);
	list_open(&l);
	if (restore != NULL && sas_restore(&c, step, restore) == FORM_TERMINATED)
		result = FORM_TERMINATED;
	while (result < 0) {
		sas_rows(&c);
		l.nrows = c.n;
		act = list_run(&l);
		switch (act) {
		case ACT_ENTER:
		case ACT_EDIT:
			if (c.n == 0)
				break;
			if ((c.rows[l.sel].is_iku ?
			     iku_form(&c, step, (long)c.rows[l.sel].s, (long)c.rows[l.sel].i, 0, NULL) :
			     sas_form(&c, step, (long)c.rows[l.sel].s, 0, NULL)) == FORM_TERMINATED)
				result = FORM_TERMINATED;
			break;
		case ACT_ADD:
			sas_add(&c, &l, step);
			if (ui_terminating())
				result = FORM_TERMINATED;
			break;
		case ACT_DELETE:
			sas_delete(&c, &l);
			break;
		case ACT_MOVE_UP:
			sas_move(&c, &l, -1);
			break;
		case ACT_MOVE_DOWN:
			sas_move(&c, &l, 1);
			break;
		default:
			result = scr_leave_code(act);
		}
	}
	list_close(&l);
	free(c.rows);
	return result;
}

/* ------------------------------------------------------------------ */
/* step 3: programs */

typedef struct prog_ctx {
	app *a;
	long idx;
	size_t at;
	char num[64];
	char links[1024];
	form_desc *fd;
} prog_ctx;

static const char *
prog_get(void *ud, const char *name)
{
	prog_ctx *c = ud;
	const program *p;
	int tw;
	size_t i;

	if (c->idx < 0)
		return NULL;
	p = &c->a->r->program[c->idx];
	if (strcmp(name, "kode") == 0) return p->kode;
	if (strcmp(name, "uraian") == 0) return p->uraian;
	if (strcmp(name, "anggaran") == 0) return scr_uang(p->anggaran, c->num);
	if (strncmp(name, "target_tw", 9) == 0 && (tw = atoi(name + 9)) >= 1 && tw <= 4)
		return p->ada_target_tw[tw] ? scr_uang(p->target_tw[tw], c->num) : NULL;
	if (strcmp(name, "sasaran") == 0) {
		c->links[0] = '\0';
		for (i = 0; i < p->n_sasaran; i++) {
			if (i > 0)
				strncat(c->links, ", ", sizeof c->links - strlen(c->links) - 1);
			strncat(c->links, p->sasaran[i], sizeof c->links - strlen(c->links) - 1);
		}
		return c->links;
	}
	return NULL;
}

/* Split "SS1, SS3" into kodes; fails naming an unknown one. */
static int
parse_links(app *a, const char *v, char ***out, size_t *n, char *bad, size_t bn)
{
	char *copy = strdup(v), *tok, *save = NULL;
	size_t cap = 0;

	if (copy == NULL)
		lk_fatal("out of memory");
	*out = NULL;
	*n = 0;
	for (tok = strtok_r(copy, ", ;", &save); tok != NULL;
	     tok = strtok_r(NULL, ", ;", &save)) {
		size_t i;
		bool dup = false;

		if (rencana_find_sasaran(a->r, tok) == NULL) {
			snprintf(bad, bn, "%s", tok);
			free(copy);
			return -1;
		}
		for (i = 0; i < *n; i++)
			dup |= strcmp((*out)[i], tok) == 0;
		if (dup)
			continue;
		*out = arena_grow(&a->r->mem, *out, sizeof **out, &cap, *n + 1);
		(*out)[(*n)++] = arena_strdup(&a->r->mem, tok);
	}
	free(copy);
	return 0;
}

static int
prog_apply(void *ud, const form *f, form_fail *fail)
{
	prog_ctx *c = ud;
	app *a = c->a;
	const char *kode = form_value(f, "kode"), *v;
	program *p, *other = kode != NULL ? rencana_find_program(a->r, kode) : NULL;
	char **links = NULL, bad[128], name[16];
	size_t nlinks = 0;
	int tw;

	if (other != NULL && (c->idx < 0 || other != &a->r->program[c->idx])) {
		snprintf(fail->msg, sizeof fail->msg, _("the code %s is already used"), kode);
		fail->field = "kode";
		return 1;
	}
	if ((v = form_value(f, "sasaran")) != NULL &&
	    parse_links(a, v, &links, &nlinks, bad, sizeof bad) != 0) {
		snprintf(fail->msg, sizeof fail->msg,
			 _("there is no sasaran %s (Enter shows the list)"), bad);
		fail->field = "sasaran";
		return 1;
	}
	if (c->idx < 0) {
		p = rencana_add_program(a->r, c->at);
		c->idx = (long)c->at;
	} else {
		p = &a->r->program[c->idx];
	}
	if (kode != NULL) p->kode = scr_dup(a, kode);
	if ((v = form_value(f, "uraian")) != NULL) p->uraian = scr_dup(a, v);
	if ((v = form_value(f, "anggaran")) != NULL) {
		p->anggaran = 0;
		scr_parse(v, DEC_UANG, &p->anggaran);
	}
	for (tw = 1; tw <= TW_MAX; tw++) {
		snprintf(name, sizeof name, "target_tw%d", tw);
		if ((v = form_value(f, name)) == NULL)
			continue;
		p->ada_target_tw[tw] = scr_parse(v, DEC_UANG, &p->target_tw[tw]);
		if (!p->ada_target_tw[tw])
			p->target_tw[tw] = 0;
	}
	if (form_value(f, "sasaran") != NULL) {
		p->sasaran = links;
		p->n_sasaran = nlinks;
	}
	return app_save(a) == 0 ? 0 : 1;
}

static bool
pick_sasaran(void *ud, const char *cur, char **out)
{
	prog_ctx *c = ud;
	const rencana *r = c->a->r;
	const char **items;
	arena tmp = { NULL };
	size_t i;
	int k;

	if (r->n_sasaran == 0) {
		ui_msg(UI_MSG_HINT, _("There is no sasaran yet (step 2)."));
		return false;
	}
	if ((items = calloc(r->n_sasaran, sizeof *items)) == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < r->n_sasaran; i++)
		items[i] = arena_printf(&tmp, "%s \xe2\x80\x94 %s", r->sasaran[i].kode,
					r->sasaran[i].uraian != NULL ? r->sasaran[i].uraian : "");
	k = ui_choose(_("Add a supported sasaran"), items, r->n_sasaran, 0);
	free(items);
	arena_free(&tmp);
	if (k < 0)
		return false;
	if (*cur && ui_contains(cur, r->sasaran[k].kode))
		*out = strdup(cur);
	else {
		size_t n = strlen(cur) + strlen(r->sasaran[k].kode) + 3;

		if ((*out = malloc(n)) == NULL)
			lk_fatal("out of memory");
		snprintf(*out, n, "%s%s%s", cur, *cur ? ", " : "", r->sasaran[k].kode);
	}
	return true;
}

static int
prog_form(prog_ctx *c, int step, long idx, size_t at, const draft *restore)
{
	app *a = c->a;
	char ent[128];
	form_spec s;

	c->idx = idx;
	c->at = at;
	if (idx >= 0)
		snprintf(ent, sizeof ent, "%s", a->r->program[idx].kode);
	else
		snprintf(ent, sizeof ent, "+%zu", at);
	memset(&s, 0, sizeof s);
	s.fd = c->fd;
	s.title = app_form_title(a, AF_PROGRAM);
	s.subtitle = idx >= 0 ? a->r->program[idx].kode : _("new");
	s.step = step;
	s.help = _("A budget program: its annual budget (pagu), the planned cumulative "
		   "spending up to each quarter when there is such a plan, and the sasaran "
		   "it supports (printed as its note).");
	s.get = prog_get;
	s.apply = prog_apply;
	s.pick_field = "sasaran";
	s.pick = pick_sasaran;
	s.ud = c;
	s.dk = scr_dk(a, "program", ent);
	s.dk.tw = 0;
	s.restore = restore;
	return form_run(a, &s);
}

static const char *
prog_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	prog_ctx *c = ud;
	const program *p = &c->a->r->program[row];
	char num[DEC_BUFSZ];
	size_t i;

	switch (col) {
	case 0: return p->kode;
	case 1: return p->uraian;
	case 2:
		snprintf(buf, n, "%s", dec_format_uang(p->anggaran, num));
		return buf;
	default:
		buf[0] = '\0';
		for (i = 0; i < p->n_sasaran; i++) {
			if (i > 0)
				strncat(buf, ", ", n - strlen(buf) - 1);
			strncat(buf, p->sasaran[i], n - strlen(buf) - 1);
		}
		return buf;
	}
}

static void
prog_footer(void *ud, size_t row, int y, int x, int h, int w)
{
	prog_ctx *c = ud;
	const rencana *r = c->a->r;
	char buf[200], num[DEC_BUFSZ];
	int64_t total = 0;
	size_t i;

	(void)row;
	(void)h;
	for (i = 0; i < r->n_program; i++)
		if (dec_add(total, r->program[i].anggaran, &total) != 0)
			break;
	snprintf(buf, sizeof buf, _("%zu programs, total budget Rp %s"), r->n_program,
		 dec_format_uang(total, num));
	ui_put(y, x, w, buf, theme_attr(TR_HINT), false, false);
}

int
scr_program(app *a, int step, const draft *restore)
{
	list_col cols[4] = {
		{ NULL, 10, false, false, 0 }, { NULL, 20, true, false, 0 },
		{ NULL, 17, false, true, 0 }, { NULL, 10, false, false, 0 },
	};
	prog_ctx c;
	list l;
	int result = -1, act;

	cols[0].title = _("Code");
	cols[1].title = _("Program");
	cols[2].title = _("Budget (Rp)");
	cols[3].title = _("Sasaran");
	memset(&c, 0, sizeof c);
	c.a = a;
	c.fd = a->fd[AF_PROGRAM];
	if (formdesc_field(c.fd, "sasaran") == NULL) {
		/* The shipped form has no field for the supported sasaran. */
		c.fd = form_desc_copy(&a->mem, a->fd[AF_PROGRAM]);
		form_desc_add(&a->mem, c.fd, "sasaran", _("Sasaran supported"), FD_TEXT,
			      30, 1, false, 500,
			      _("Codes separated by commas, e.g. SS1, SS3; Enter adds one from a list"));
	}
	memset(&l, 0, sizeof l);
	l.title = scr_step_name(step);
	l.step = step;
	l.cols = cols;
	l.ncol = 4;
	l.cell = prog_cell;
	l.footer = prog_footer;
	l.footer_rows = 1;
	l.ud = &c;
	l.acts = list_acts;
	l.help_acts = list_help_acts;
	l.help = _("The budget programs of the year, in report order.");
	l.empty = _("No program yet. Press Ins (or a) to add one.");
	list_init(&l);
	list_open(&l);
	if (restore != NULL) {
		long idx = -1;
		size_t at = a->r->n_program, i;

		if (restore->entity[0] == '+') {
			at = (size_t)strtoul(restore->entity + 1, NULL, 10);
			if (at > a->r->n_program)
				at = a->r->n_program;
		}
		for (i = 0; i < a->r->n_program; i++)
			if (strcmp(a->r->program[i].kode, restore->entity) == 0)
				idx = (long)i;
		if (prog_form(&c, step, idx, at, restore) == FORM_TERMINATED)
			result = FORM_TERMINATED;
	}
	while (result < 0) {
		l.nrows = a->r->n_program;
		act = list_run(&l);
		switch (act) {
		case ACT_ENTER:
		case ACT_EDIT:
			if (l.nrows > 0 && prog_form(&c, step, (long)l.sel, 0, NULL) == FORM_TERMINATED)
				result = FORM_TERMINATED;
			break;
		case ACT_ADD:
			if (!app_can_edit(a))
				break;
			if (prog_form(&c, step, -1, l.nrows > 0 ? l.sel + 1 : 0, NULL) == FORM_SAVED)
				l.sel = (size_t)c.idx;
			else if (ui_terminating())
				result = FORM_TERMINATED;
			break;
		case ACT_DELETE:
			if (l.nrows == 0 || !app_can_edit(a))
				break;
			{
				char what[300];

				snprintf(what, sizeof what, _("the program %s with its realisations"),
					 a->r->program[l.sel].kode);
				if (scr_confirm_delete(what)) {
					rencana_delete_program(a->r, l.sel);
					app_save(a);
				}
			}
			break;
		case ACT_MOVE_UP:
			if (l.sel > 0 && app_can_edit(a)) {
				rencana_move_program(a->r, l.sel, l.sel - 1);
				l.sel--;
				app_save(a);
			}
			break;
		case ACT_MOVE_DOWN:
			if (l.sel + 1 < l.nrows && app_can_edit(a)) {
				rencana_move_program(a->r, l.sel, l.sel + 1);
				l.sel++;
				app_save(a);
			}
			break;
		default:
			result = scr_leave_code(act);
		}
	}
	list_close(&l);
	return result;
}
