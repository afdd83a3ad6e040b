/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_tahunan.c - the year's agreement and annual report in the terminal
 * application: what `perjanjian` and `tahunan` of the exchange format
 * hold, typed instead of imported.
 *
 * Owns: the screen "Annual report and agreement" of the step menu.  Its
 * rows are the agreement (its date and pihak kedua, the superior who
 * countersigns), the LKjIP's date and texts (executive summary, the
 * organisation, conclusion), its lists (strategic issues, obstacles,
 * follow-ups: one a line), then per sasaran the year's analysis and its
 * supporting tables (scr_tables of the year), per IKU
 * the final realisation of the year and per program the year's spending
 * (empty: quarter IV's, as the spec computes them).  Enter opens the
 * row's form.  What the exchange format requires is required here: an
 * agreement has its date, pihak kedua's name and jabatan; the annual
 * report its date, before any of its texts or figures.  Saved with the
 * plan (app_save): audited, and refused on a signed agreement or LKjIP as
 * every change of their data.
 */
#include "config.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "core/tahunan.h"
#include "tui/list.h"
#include "tui/theme.h"
#include "tui/ui.h"

enum th_kind { TH_PK, TH_LKJIP, TH_LISTS, TH_NARASI, TH_TABEL, TH_IKU,
	TH_PROGRAM };

typedef struct th_row {
	enum th_kind kind;
	size_t i, j;            /* sasaran (and IKU), or program */
} th_row;

typedef struct th_ctx {
	app *a;
	th_row *row;
	size_t n;
	const th_row *open;     /* the row of the open form */
	char buf[DEC_BUFSZ];
	char date[16];
	char *list_text;        /* a list as lines, for a form */
} th_ctx;

static void
th_rows(th_ctx *c)
{
	const rencana *r = c->a->r;
	size_t i, j, n = 3;

	for (i = 0; i < r->n_sasaran; i++)
		n += 2 + r->sasaran[i].n_iku;
	n += r->n_program;
	free(c->row);
	if ((c->row = calloc(n, sizeof *c->row)) == NULL)
		lk_fatal("out of memory");
	c->n = 0;
	c->row[c->n++] = (th_row){ TH_PK, 0, 0 };
	c->row[c->n++] = (th_row){ TH_LKJIP, 0, 0 };
	c->row[c->n++] = (th_row){ TH_LISTS, 0, 0 };
	for (i = 0; i < r->n_sasaran; i++) {
		c->row[c->n++] = (th_row){ TH_NARASI, i, 0 };
		c->row[c->n++] = (th_row){ TH_TABEL, i, 0 };
	}
	for (i = 0; i < r->n_sasaran; i++)
		for (j = 0; j < r->sasaran[i].n_iku; j++)
			c->row[c->n++] = (th_row){ TH_IKU, i, j };
	for (i = 0; i < r->n_program; i++)
		c->row[c->n++] = (th_row){ TH_PROGRAM, i, 0 };
}

static iku *
row_iku(th_ctx *c, const th_row *w)
{
	return &c->a->r->sasaran[w->i].iku[w->j];
}

static const char *
date_text(int y, int m, int d, char *buf, size_t n)
{
	snprintf(buf, n, "%02d-%02d-%04d", d, m, y);
	return buf;
}

static const char *
th_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	th_ctx *c = ud;
	const rencana *r = c->a->r;
	const th_row *w = &c->row[row];
	const perjanjian *pj = &r->perjanjian;
	const tahunan *t = &r->tahunan;
	char d[16], num[DEC_BUFSZ];
	int64_t v;
	bool tw4;

	switch (w->kind) {
	case TH_PK:
		if (col == 0)
			return _("Perjanjian Kinerja: date, pihak kedua");
		if (!pj->ada)
			return _("none yet");
		snprintf(buf, n, "%s \xc2\xb7 %s", date_text(pj->tahun, pj->bulan,
			 pj->hari, d, sizeof d), pj->pihak_kedua.nama);
		return buf;
	case TH_LKJIP:
		if (col == 0)
			return _("LKjIP: date and texts");
		if (!t->ada)
			return _("no date yet");
		snprintf(buf, n, _("%s \xc2\xb7 summary %zu words"), date_text(t->tahun,
			 t->bulan, t->hari, d, sizeof d), scr_count_words(t->ringkasan));
		return buf;
	case TH_LISTS:
		if (col == 0)
			return _("LKjIP: issues, obstacles, follow-ups");
		snprintf(buf, n, "%zu \xc2\xb7 %zu \xc2\xb7 %zu", t->n_isu_strategis,
			 t->n_permasalahan, t->n_tindak_lanjut);
		return buf;
	case TH_NARASI:
		if (col == 0) {
			snprintf(buf, n, _("Analysis of %s"), r->sasaran[w->i].kode);
			return buf;
		}
		if (r->sasaran[w->i].narasi_tahunan == NULL)
			return _("empty");
		snprintf(buf, n, _("%zu words"),
			 scr_count_words(r->sasaran[w->i].narasi_tahunan));
		return buf;
	case TH_TABEL:
		if (col == 0) {
			snprintf(buf, n, _("Supporting tables of %s"),
				 r->sasaran[w->i].kode);
			return buf;
		}
		if (r->sasaran[w->i].n_tabel_tahunan == 0)
			return _("none");
		snprintf(buf, n, P_("%zu table", "%zu tables",
				    r->sasaran[w->i].n_tabel_tahunan),
			 r->sasaran[w->i].n_tabel_tahunan);
		return buf;
	case TH_IKU: {
		const iku *k = row_iku(c, w);

		if (col == 0) {
			snprintf(buf, n, _("Realisation of the year: %s"), k->kode);
			return buf;
		}
		if (!tahunan_realisasi_iku(k, &v, &tw4))
			return _("none yet");
		snprintf(buf, n, tw4 ? _("%s (quarter IV's)") : "%s",
			 dec_format_nilai(v, num));
		return buf;
	}
	default: {
		const program *p = &r->program[w->i];

		if (col == 0) {
			snprintf(buf, n, _("Spending of the year: %s"), p->kode);
			return buf;
		}
		if (!tahunan_realisasi_program(p, &v, &tw4))
			return _("none yet");
		snprintf(buf, n, tw4 ? _("%s (quarter IV's)") : "%s",
			 dec_format_uang(v, num));
		return buf;
	}
	}
}

static attr_t
th_attr(void *ud, size_t row, size_t col)
{
	th_ctx *c = ud;
	const th_row *w = &c->row[row];
	const rencana *r = c->a->r;

	if (col == 0)
		return A_NORMAL;
	if ((w->kind == TH_PK && !r->perjanjian.ada) ||
	    (w->kind == TH_LKJIP && !r->tahunan.ada) ||
	    (w->kind == TH_NARASI && r->sasaran[w->i].narasi_tahunan == NULL))
		return theme_attr(TR_CUKUP);
	return A_NORMAL;
}

/* ---- the forms ---- */

static bool
parse_date(const char *v, int *y, int *m, int *d)
{
	return v != NULL && sscanf(v, "%d-%d-%d", y, m, d) == 3;
}

/* The lines of a list, as one text. */
static const char *
list_text(th_ctx *c, char *const *v, size_t n)
{
	size_t len = 1, i;
	char *s;

	for (i = 0; i < n; i++)
		len += strlen(v[i]) + 1;
	free(c->list_text);
	if ((c->list_text = s = calloc(1, len)) == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < n; i++) {
		strcat(s, v[i]);
		strcat(s, i + 1 < n ? "\n" : "");
	}
	return n ? s : NULL;
}

/* A text of lines as a list (empty lines skipped), in the plan's arena. */
static void
text_list(app *a, const char *v, char ***out, size_t *n)
{
	size_t k = 0, cap = 1;
	const char *p;
	char **list;

	for (p = v; *p; p++)
		cap += *p == '\n';
	list = arena_alloc(&a->r->mem, cap * sizeof *list);
	while (*v) {
		size_t len = strcspn(v, "\n");
		char line[4096];

		snprintf(line, sizeof line, "%.*s", (int)len, v);
		if (line[strspn(line, " ")] != '\0')
			list[k++] = arena_strdup(&a->r->mem, line);
		v += len + (v[len] == '\n');
	}
	*out = k ? list : NULL;
	*n = k;
}

static const char *
th_get(void *ud, const char *name)
{
	th_ctx *c = ud;
	const rencana *r = c->a->r;
	const perjanjian *pj = &r->perjanjian;
	const tahunan *t = &r->tahunan;

	switch (c->open->kind) {
	case TH_PK:
		if (strcmp(name, "tanggal") == 0) {
			if (!pj->ada)
				return NULL;
			snprintf(c->date, sizeof c->date, "%04d-%02d-%02d", pj->tahun,
				 pj->bulan, pj->hari);
			return c->date;
		}
		if (strcmp(name, "nama") == 0) return pj->pihak_kedua.nama;
		if (strcmp(name, "jabatan") == 0) return pj->pihak_kedua.jabatan;
		if (strcmp(name, "pangkat") == 0) return pj->pihak_kedua.pangkat;
		if (strcmp(name, "nip") == 0) return pj->pihak_kedua.nip;
		return NULL;
	case TH_LKJIP:
		if (strcmp(name, "tanggal") == 0) {
			if (!t->ada)
				return NULL;
			snprintf(c->date, sizeof c->date, "%04d-%02d-%02d", t->tahun,
				 t->bulan, t->hari);
			return c->date;
		}
		if (strcmp(name, "ringkasan") == 0) return t->ringkasan;
		if (strcmp(name, "gambaran_umum") == 0) return t->gambaran_umum;
		if (strcmp(name, "kesimpulan") == 0) return t->kesimpulan;
		return NULL;
	case TH_LISTS:
		if (strcmp(name, "isu_strategis") == 0)
			return list_text(c, t->isu_strategis, t->n_isu_strategis);
		if (strcmp(name, "permasalahan") == 0)
			return list_text(c, t->permasalahan, t->n_permasalahan);
		if (strcmp(name, "tindak_lanjut") == 0)
			return list_text(c, t->tindak_lanjut, t->n_tindak_lanjut);
		return NULL;
	case TH_NARASI:
		return r->sasaran[c->open->i].narasi_tahunan;
	case TH_IKU: {
		const iku *k = row_iku(c, c->open);

		return k->ada_realisasi_tahunan ? scr_nilai(k->realisasi_tahunan,
							    c->buf) : NULL;
	}
	default: {
		const program *p = &r->program[c->open->i];

		return p->ada_realisasi_tahunan ? scr_uang(p->realisasi_tahunan,
							   c->buf) : NULL;
	}
	}
}

static int
fail_at(form_fail *fail, const char *field, const char *msg)
{
	snprintf(fail->msg, sizeof fail->msg, "%s", msg);
	fail->field = field;
	return 1;
}

static int
apply_pk(th_ctx *c, const form *f, form_fail *fail)
{
	perjanjian *pj = &c->a->r->perjanjian;
	const char *tg = form_value(f, "tanggal"), *nama = form_value(f, "nama");
	const char *jab = form_value(f, "jabatan"), *pg = form_value(f, "pangkat");
	const char *nip = form_value(f, "nip");
	bool any = (tg && *tg) || (nama && *nama) || (jab && *jab) || (pg && *pg) ||
	    (nip && *nip);
	int y, m, d;

	if (!any) {
		pj->ada = false;
		memset(&pj->pihak_kedua, 0, sizeof pj->pihak_kedua);
		return 0;
	}
	if (!parse_date(tg, &y, &m, &d))
		return fail_at(fail, "tanggal", _("an agreement needs its date"));
	if (nama == NULL || *nama == '\0')
		return fail_at(fail, "nama", _("an agreement needs the name of pihak "
					       "kedua"));
	if (jab == NULL || *jab == '\0')
		return fail_at(fail, "jabatan", _("an agreement needs the jabatan of "
						  "pihak kedua"));
	pj->ada = true;
	pj->tahun = y;
	pj->bulan = m;
	pj->hari = d;
	pj->pihak_kedua.nama = scr_dup(c->a, nama);
	pj->pihak_kedua.jabatan = scr_dup(c->a, jab);
	pj->pihak_kedua.pangkat = scr_dup(c->a, pg);
	pj->pihak_kedua.nip = scr_dup(c->a, nip);
	return 0;
}

/* Is there anything of the annual report besides its date? */
static bool
tahunan_has_data(const rencana *r)
{
	const tahunan *t = &r->tahunan;
	size_t i, j;

	if (t->ringkasan || t->gambaran_umum || t->kesimpulan ||
	    t->n_isu_strategis || t->n_permasalahan || t->n_tindak_lanjut ||
	    t->n_teks)
		return true;
	for (i = 0; i < r->n_sasaran; i++) {
		if (r->sasaran[i].narasi_tahunan || r->sasaran[i].n_tabel_tahunan)
			return true;
		for (j = 0; j < r->sasaran[i].n_iku; j++)
			if (r->sasaran[i].iku[j].ada_realisasi_tahunan)
				return true;
	}
	for (i = 0; i < r->n_program; i++)
		if (r->program[i].ada_realisasi_tahunan)
			return true;
	return false;
}

static int
apply_lkjip(th_ctx *c, const form *f, form_fail *fail)
{
	tahunan *t = &c->a->r->tahunan;
	const char *tg = form_value(f, "tanggal"), *rk = form_value(f, "ringkasan");
	const char *gu = form_value(f, "gambaran_umum");
	const char *ks = form_value(f, "kesimpulan");
	bool texts = (rk && *rk) || (gu && *gu) || (ks && *ks);
	int y, m, d;

	if (tg == NULL || *tg == '\0') {
		/* No date: no annual report, which must then hold nothing. */
		char *rk0 = t->ringkasan, *gu0 = t->gambaran_umum, *ks0 = t->kesimpulan;
		bool other;

		t->ringkasan = t->gambaran_umum = t->kesimpulan = NULL;
		other = tahunan_has_data(c->a->r);
		t->ringkasan = rk0;
		t->gambaran_umum = gu0;
		t->kesimpulan = ks0;
		if (texts || other)
			return fail_at(fail, "tanggal", _("the annual report needs its "
				       "date while it holds texts or figures"));
		t->ada = false;
		t->ringkasan = t->gambaran_umum = t->kesimpulan = NULL;
		return 0;
	}
	if (!parse_date(tg, &y, &m, &d))
		return fail_at(fail, "tanggal", _("not a date"));
	t->ada = true;
	t->tahun = y;
	t->bulan = m;
	t->hari = d;
	if (rk != NULL) t->ringkasan = scr_dup(c->a, rk);
	if (gu != NULL) t->gambaran_umum = scr_dup(c->a, gu);
	if (ks != NULL) t->kesimpulan = scr_dup(c->a, ks);
	return 0;
}

static int
th_apply(void *ud, const form *f, form_fail *fail)
{
	th_ctx *c = ud;
	app *a = c->a;
	rencana *r = a->r;
	tahunan *t = &r->tahunan;
	const char *v;
	int rc = 0;

	switch (c->open->kind) {
	case TH_PK:
		rc = apply_pk(c, f, fail);
		break;
	case TH_LKJIP:
		rc = apply_lkjip(c, f, fail);
		break;
	default:
		if (!t->ada)
			return fail_at(fail, NULL, _("the annual report has no date yet: "
				       "set it first (the row LKjIP: date...)"));
		if (c->open->kind == TH_LISTS) {
			if ((v = form_value(f, "isu_strategis")) != NULL)
				text_list(a, v, &t->isu_strategis, &t->n_isu_strategis);
			if ((v = form_value(f, "permasalahan")) != NULL)
				text_list(a, v, &t->permasalahan, &t->n_permasalahan);
			if ((v = form_value(f, "tindak_lanjut")) != NULL)
				text_list(a, v, &t->tindak_lanjut, &t->n_tindak_lanjut);
		} else if (c->open->kind == TH_NARASI) {
			if ((v = form_value(f, "narasi")) != NULL)
				r->sasaran[c->open->i].narasi_tahunan = scr_dup(a, v);
		} else if (c->open->kind == TH_IKU) {
			iku *k = row_iku(c, c->open);

			if ((v = form_value(f, "realisasi")) != NULL) {
				k->ada_realisasi_tahunan = scr_parse(v, DEC_NILAI,
								     &k->realisasi_tahunan);
				if (!k->ada_realisasi_tahunan)
					k->realisasi_tahunan = 0;
			}
		} else {
			program *p = &r->program[c->open->i];

			if ((v = form_value(f, "realisasi")) != NULL) {
				p->ada_realisasi_tahunan = scr_parse(v, DEC_UANG,
								     &p->realisasi_tahunan);
				if (!p->ada_realisasi_tahunan)
					p->realisasi_tahunan = 0;
			}
		}
	}
	if (rc != 0)
		return rc;
	return app_save(a, c->open->kind == TH_PK ? AKSI_UBAH_RENCANA : AKSI_UBAH_DATA)
	    == 0 ? 0 : 1;
}

#define TEXT_MAX 100000
#define MARKUP_HELP N_("Blank line: new paragraph; a line starting with - or 1. " \
		       "is a list item; **bold**")

static int
th_form(th_ctx *c, const th_row *w)
{
	app *a = c->a;
	const rencana *r = a->r;
	form_desc *fd;
	form_spec s;
	char sub[200];

	c->open = w;
	memset(&s, 0, sizeof s);
	s.aksi = w->kind == TH_PK ? AKSI_UBAH_RENCANA : AKSI_UBAH_DATA;
	s.get = th_get;
	s.apply = th_apply;
	s.ud = c;
	s.subtitle = NULL;
	switch (w->kind) {
	case TH_PK:
		fd = form_desc_new(&a->mem, "perjanjian", _("Perjanjian Kinerja"));
		form_desc_add(&a->mem, fd, "tanggal", _("Date"), FD_DATE, 10, 1, false,
			      0, _("The date of the agreement, printed by the "
				   "signatures: 16-01-2023"));
		form_desc_add(&a->mem, fd, "nama", _("Pihak kedua"), FD_TEXT, 50, 1,
			      false, 200, _("The name of the superior who "
					    "countersigns (pihak kedua)"));
		form_desc_add(&a->mem, fd, "jabatan", _("Jabatan"), FD_TEXT, 50, 1,
			      false, 200, _("As printed above the name: Gubernur "
					    "Kalimantan Tengah"));
		form_desc_add(&a->mem, fd, "pangkat", _("Pangkat"), FD_TEXT, 40, 1,
			      false, 200, _("Optional: rank and grade"));
		form_desc_add(&a->mem, fd, "nip", _("NIP"), FD_NIP, 21, 1, false, 0,
			      _("Optional: 18 digits"));
		s.title = _("Perjanjian Kinerja");
		s.help = _("The year's performance agreement: its date and the superior "
			   "who countersigns it (pihak kedua); the head of the agency "
			   "is pihak pertama. All empty: no agreement.");
		break;
	case TH_LKJIP:
		fd = form_desc_new(&a->mem, "tahunan", _("LKjIP"));
		form_desc_add(&a->mem, fd, "tanggal", _("Date"), FD_DATE, 10, 1, false,
			      0, _("The date of the annual report, printed by the "
				   "signature: 15-02-2024"));
		form_desc_add(&a->mem, fd, "ringkasan", _("Executive summary"),
			      FD_MULTILINE, FD_WIDTH_MAX, 4, false, TEXT_MAX,
			      _(MARKUP_HELP));
		form_desc_add(&a->mem, fd, "gambaran_umum", _("Organisation"),
			      FD_MULTILINE, FD_WIDTH_MAX, 4, false, TEXT_MAX,
			      _("Chapter I: tasks, functions, structure, staff"));
		form_desc_add(&a->mem, fd, "kesimpulan", _("Conclusion"), FD_MULTILINE,
			      FD_WIDTH_MAX, 4, false, TEXT_MAX,
			      _("The closing chapter's conclusion"));
		s.title = _("LKjIP");
		s.help = _("The annual performance report's date and texts. Without a "
			   "date the year has no annual report; its texts and figures "
			   "need it.");
		s.grow = true;
		break;
	case TH_LISTS:
		fd = form_desc_new(&a->mem, "tahunan_daftar", _("LKjIP"));
		form_desc_add(&a->mem, fd, "isu_strategis", _("Strategic issues"),
			      FD_MULTILINE, FD_WIDTH_MAX, 4, false, TEXT_MAX,
			      _("One issue a line (chapter I)"));
		form_desc_add(&a->mem, fd, "permasalahan", _("Obstacles"), FD_MULTILINE,
			      FD_WIDTH_MAX, 4, false, TEXT_MAX,
			      _("One obstacle of the year a line"));
		form_desc_add(&a->mem, fd, "tindak_lanjut", _("Follow-ups"),
			      FD_MULTILINE, FD_WIDTH_MAX, 4, false, TEXT_MAX,
			      _("One follow-up a line"));
		s.title = _("LKjIP: lists");
		s.help = _("The annual report's lists: each line is one item.");
		s.grow = true;
		break;
	case TH_NARASI:
		fd = form_desc_new(&a->mem, "tahunan_narasi", _("Analysis"));
		form_desc_add(&a->mem, fd, "narasi", _("Analysis"), FD_MULTILINE,
			      FD_WIDTH_MAX, 8, false, TEXT_MAX, _(MARKUP_HELP));
		snprintf(sub, sizeof sub, "%s", r->sasaran[w->i].kode);
		s.subtitle = sub;
		s.title = _("Analysis of the year");
		s.help = _("The year's analysis of the sasaran in the LKjIP: causes of "
			   "success or failure, what supported it.");
		s.grow = true;
		break;
	case TH_IKU:
		fd = form_desc_new(&a->mem, "tahunan_iku", _("Realisation of the year"));
		form_desc_add(&a->mem, fd, "realisasi", _("Realisation"), FD_DECIMAL, 14,
			      1, false, 0, _("The final realisation of the year; empty "
					     "= quarter IV's"));
		snprintf(sub, sizeof sub, "%s \xc2\xb7 %s", row_iku(c, w)->kode,
			 row_iku(c, w)->satuan ? row_iku(c, w)->satuan : "");
		s.subtitle = sub;
		s.title = _("Realisation of the year");
		s.help = _("An index published after the year (such as IDI) is entered "
			   "here; without it the LKjIP takes quarter IV's realisation.");
		break;
	default:
		fd = form_desc_new(&a->mem, "tahunan_program", _("Spending of the year"));
		form_desc_add(&a->mem, fd, "realisasi", _("Spending"), FD_MONEY, 20, 1,
			      false, 0, _("The year's spending in rupiah; empty = "
					  "quarter IV's"));
		snprintf(sub, sizeof sub, "%s", r->program[w->i].kode);
		s.subtitle = sub;
		s.title = _("Spending of the year");
		s.help = _("The program's spending of the whole year; without it the "
			   "LKjIP takes quarter IV's.");
	}
	s.fd = fd;
	return form_run(a, &s);
}

int
scr_tahunan(app *a)
{
	static const int acts[] = { ACT_HELP, ACT_ENTER, ACT_BACK, ACT_NONE };
	list_col cols[2] = {
		{ NULL, 20, true, false, 0 }, { NULL, 34, false, false, 0 },
	};
	char title[200];
	th_ctx c;
	list l;
	int result = -1, r, act;

	memset(&c, 0, sizeof c);
	c.a = a;
	cols[0].title = _("What");
	cols[1].title = _("Now");
	snprintf(title, sizeof title, _("Annual report and agreement %d"), a->tahun);
	memset(&l, 0, sizeof l);
	l.title = title;
	l.cols = cols;
	l.ncol = 2;
	l.cell = th_cell;
	l.attr = th_attr;
	l.ud = &c;
	l.acts = acts;
	l.help = _("The year's performance agreement and annual report (LKjIP), as "
		   "'lakip report --dokumen pk' and '--dokumen lkjip' print them: the "
		   "agreement's date and pihak kedua; the annual report's date, texts "
		   "and lists; each sasaran's analysis of the year and its supporting "
		   "tables; each IKU's final "
		   "realisation and each program's spending (empty: quarter IV's). "
		   "Enter edits the row.");
	list_init(&l);
	list_open(&l);
	while (result < 0) {
		th_rows(&c);
		l.nrows = c.n;
		list_clamp(&l);
		act = list_run(&l);
		if (act == ACT_ENTER && c.row[l.sel].kind == TH_TABEL) {
			if (!a->r->tahunan.ada) {
				app_refuse(a, _("The annual report has no date yet: set "
						"it first (the row LKjIP: date...)."));
				continue;
			}
			r = scr_tables(a, 0, a->r->sasaran[c.row[l.sel].i].kode, 0,
				       NULL);
			if (r != FORM_SAVED && r != FORM_CANCELLED)
				result = r;
		} else if (act == ACT_ENTER) {
			r = th_form(&c, &c.row[l.sel]);
			if (r == FORM_SAVED && l.sel + 1 < c.n)
				l.sel++;
			else if (r != FORM_SAVED && r != FORM_CANCELLED)
				result = r;
		} else if (act == ACT_BACK) {
			result = FORM_CANCELLED;
		} else {
			result = scr_list_other(a, act);
		}
	}
	list_close(&l);
	free(c.row);
	free(c.list_text);
	return result;
}
