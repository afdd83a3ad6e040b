/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* scr_review.c - the review of the quarter on screen: the entries a
 * reviewer may review (a kabid those of his bidang, the kepala BAB II,
 * BAB III and what belongs to no bidang, an admin every one): each IKU
 * and each program with target, realisation and capaian in its predikat
 * colour, each sasaran's narrative, BAB II and BAB III, with the state of
 * the entry and who submitted it, and below them what it says.  Approve
 * or return one entry at a time, or approve every submitted entry at once
 * (wf_action.c); Enter shows the whole entry: the narrative, the
 * supporting tables cell by cell, the obstacles, the conclusion, the
 * review so far.  What the store refuses (another bidang, one's own
 * entry, a lock) is shown as it says it. */
#include "config.h"
#include "tui/screens.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "tui/list.h"
#include "tui/ui.h"

typedef struct rv_row {
	size_t e;                    /* index in a->wf.entri */
	const kinerja_iku *k;        /* an IKU's figures, or NULL */
	const kinerja_program *kp;   /* a program's, or NULL */
	const sasaran *sa;           /* the sasaran of a narrative (or IKU) */
} rv_row;

typedef struct rv_ctx {
	app *a;
	kinerja k;
	bool have_k;
	svc_konteks kx;              /* each IKU's context (svc) */
	bool have_kx;
	char kx_err[512];            /* why there is none */
	rv_row *rows;
	size_t n;
	unsigned count[ENTRI_N];     /* of the rows listed */
} rv_ctx;

/* The entry of a row.  a->wf is reloaded by every action, and the rows
 * are rebuilt after it; a box drawn in between (a refusal) may find it
 * shorter: then an empty entry. */
static const store_entri *
entri_of(const rv_ctx *c, size_t row)
{
	static store_entri none = { JENIS_IKU, 0, (char *)"", NULL, NULL,
				    ENTRI_DRAFT, false, NULL, NULL, NULL, NULL,
				    NULL, NULL, false };

	if (row >= c->n || c->rows[row].e >= c->a->wf.n_entri)
		return &none;
	return &c->a->wf.entri[c->rows[row].e];
}

static const sasaran *
sasaran_of(const rencana *r, const char *kode)
{
	for (size_t i = 0; kode != NULL && i < r->n_sasaran; i++)
		if (strcmp(r->sasaran[i].kode, kode) == 0)
			return &r->sasaran[i];
	return NULL;
}

/* The rows: what the reviewer may review (everything for others), from
 * a->wf, each with its figures. */
static void
rv_rows(rv_ctx *c)
{
	app *a = c->a;
	size_t i, j, nk = c->have_k ? c->k.n_iku : 0, np = c->have_k ? c->k.n_program : 0;
	bool reviewer = a->user.peran == PERAN_KABID || a->user.peran == PERAN_KEPALA;

	app_wf_load(a, true);
	free(c->rows);
	c->rows = calloc(a->wf.n_entri + 1, sizeof *c->rows);
	if (c->rows == NULL)
		lk_fatal("out of memory");
	c->n = 0;
	memset(c->count, 0, sizeof c->count);
	for (i = 0; app_wf_ok(a) && i < a->wf.n_entri; i++) {
		const store_entri *x = &a->wf.entri[i];
		rv_row *r;

		if (reviewer && !wf_mine(a, x))
			continue;
		r = &c->rows[c->n++];
		memset(r, 0, sizeof *r);
		r->e = i;
		if (x->jenis == JENIS_IKU)
			for (j = 0; j < nk && r->k == NULL; j++)
				if (c->k.iku[j].iku != NULL &&
				    strcmp(c->k.iku[j].iku->kode, x->kode) == 0)
					r->k = &c->k.iku[j];
		if (x->jenis == JENIS_PROGRAM)
			for (j = 0; j < np && r->kp == NULL; j++)
				if (strcmp(c->k.program[j].program->kode, x->kode) == 0)
					r->kp = &c->k.program[j];
		r->sa = sasaran_of(a->r, x->sasaran);
		c->count[x->state]++;
	}
}

/* What an entry is, in a few words. */
static const char *
what_of(const rv_ctx *c, size_t row)
{
	const store_entri *x = entri_of(c, row);
	const rv_row *r = &c->rows[row];

	switch (x->jenis) {
	case JENIS_IKU:
		return r->k != NULL && r->k->iku->uraian != NULL ? r->k->iku->uraian : "";
	case JENIS_PROGRAM:
		return r->kp != NULL && r->kp->program->uraian != NULL ?
		    r->kp->program->uraian : "";
	case JENIS_NARASI:
		return r->sa != NULL && r->sa->uraian != NULL ? r->sa->uraian : "";
	case JENIS_BAB2:
		return _("Obstacles and follow-up actions");
	default:
		return _("Conclusion");
	}
}

static const char *
capaian_text(const kinerja_iku *k, char *buf, size_t n)
{
	char num[DEC_BUFSZ];

	if (k == NULL || !k->ada_realisasi)
		return "";
	if (k->capaian.status != CAPAIAN_ADA)
		return "-";
	snprintf(buf, n, "%s%%", dec_format_persen(k->capaian.persen, num));
	return buf;
}

static const char *
rv_cell(void *ud, size_t row, size_t col, char *buf, size_t n)
{
	rv_ctx *c = ud;
	const store_entri *x = entri_of(c, row);
	const kinerja_iku *k = c->rows[row].k;
	const kinerja_program *kp = c->rows[row].kp;
	char num[DEC_BUFSZ];

	switch (col) {
	case 0:
		if (x->jenis == JENIS_IKU || x->jenis == JENIS_PROGRAM)
			return x->kode;
		if (x->jenis == JENIS_NARASI) {
			snprintf(buf, n, "%s %s", _("Narr."), x->kode);
			return buf;
		}
		return entri_jenis_label(x->jenis);
	case 1: return what_of(c, row);
	case 2:
		if (k != NULL)
			snprintf(buf, n, "%s", dec_format_nilai(k->target, num));
		else if (kp != NULL)
			snprintf(buf, n, "%s", dec_format_uang(kp->target, num));
		else
			return "";
		return buf;
	case 3:
		if (k != NULL && k->ada_realisasi)
			snprintf(buf, n, "%s", dec_format_nilai(k->realisasi, num));
		else if (kp != NULL && kp->ada_realisasi)
			snprintf(buf, n, "%s", dec_format_uang(kp->realisasi, num));
		else
			return k != NULL || kp != NULL ? "-" : x->ada_realisasi ? "" :
			    _("(empty)");
		return buf;
	case 4:
		if (kp != NULL) {
			if (!kp->ada_realisasi)
				return "";
			if (kp->capaian.status != CAPAIAN_ADA)
				return "-";
			snprintf(buf, n, "%s%%", dec_format_persen(kp->capaian.persen, num));
			return buf;
		}
		return capaian_text(k, buf, n);
	case 5: return entri_state_label(x->state);
	default: return x->submitted_by != NULL ? x->submitted_by : "-";
	}
}

static attr_t
rv_attr(void *ud, size_t row, size_t col)
{
	rv_ctx *c = ud;
	const kinerja_iku *k = c->rows[row].k;

	if (col == 4 && k != NULL && k->predikat != NULL)
		return theme_attr(theme_warna(k->predikat->warna));
	if (col != 5)
		return A_NORMAL;
	switch (entri_of(c, row)->state) {
	case ENTRI_SUBMITTED: return theme_attr(TR_CUKUP) | A_BOLD;
	case ENTRI_RETURNED: return theme_attr(TR_KURANG);
	case ENTRI_APPROVED: return theme_attr(TR_BAIK);
	default: return theme_attr(TR_HINT);
	}
}

static void
rv_info(void *ud, int y, int x, int h, int w)
{
	rv_ctx *c = ud;
	app *a = c->a;
	char buf[900], bid[300] = "";
	size_t i;

	(void)h;
	for (i = 0; i < a->user.n_bidang; i++)
		snprintf(bid + strlen(bid), sizeof bid - strlen(bid), "%s%s", i ? ", " : "",
			 a->user.bidang[i]);
	if (a->user.peran == PERAN_KABID)
		snprintf(buf, sizeof buf, _("Reviewer: %s (kabid of %s)"), store_actor(a->st),
			 bid);
	else
		snprintf(buf, sizeof buf, _("%s (%s): every IKU is listed; reviewing needs "
					    "the role kabid."), store_actor(a->st),
			 app_listed(a) ? peran_nama(a->user.peran) : _("not listed"));
	ui_put(y, x, w, buf, A_BOLD, false, false);
	if (app_locked(a))
		app_lock_text(a, true, buf, sizeof buf);
	else
		snprintf(buf, sizeof buf, _("To review: %u \xc2\xb7 returned: %u \xc2\xb7 "
					    "approved: %u \xc2\xb7 draft: %u"),
			 c->count[ENTRI_SUBMITTED], c->count[ENTRI_RETURNED],
			 c->count[ENTRI_APPROVED], c->count[ENTRI_DRAFT]);
	ui_put(y + 1, x, w, buf, app_locked(a) ? theme_attr(TR_CUKUP) :
	       theme_attr(TR_HINT), false, false);
}

/* The state of an entry in words: who, when (and the comment, when
 * with_comment). */
static const char *
state_text(const store_entri *x, bool with_comment, char *buf, size_t n)
{
	char when[64];

	switch (x->state) {
	case ENTRI_SUBMITTED:
		snprintf(buf, n, _("submitted by %s on %s"), x->submitted_by ? x->submitted_by
			 : "?", app_when(x->submitted_at, when, sizeof when));
		break;
	case ENTRI_RETURNED:
		if (with_comment)
			snprintf(buf, n, _("returned by %s on %s: %s"), x->reviewed_by ?
				 x->reviewed_by : "?", app_when(x->reviewed_at, when, sizeof when),
				 x->comment ? x->comment : "");
		else
			snprintf(buf, n, _("returned by %s on %s"), x->reviewed_by ?
				 x->reviewed_by : "?", app_when(x->reviewed_at, when, sizeof when));
		break;
	case ENTRI_APPROVED:
		snprintf(buf, n, _("approved by %s on %s"), x->reviewed_by ? x->reviewed_by
			 : "?", app_when(x->reviewed_at, when, sizeof when));
		break;
	default:
		snprintf(buf, n, "%s", _("draft: not submitted yet"));
	}
	return buf;
}

/* The narrative of the quarter of the row's sasaran, or NULL. */
static const char *
narasi_of(const rv_ctx *c, size_t row)
{
	const sasaran *sa = c->rows[row].sa;

	return sa != NULL ? sa->narasi[c->a->tw] : NULL;
}

/* The narrative on a few lines: its line breaks as spaces. */
static void
flow(char *s)
{
	for (; *s; s++)
		if (*s == '\n')
			*s = ' ';
}

/* What the entry says, for the lines under the list: the narrative (of
 * an IKU's sasaran too), the sasaran a program supports, the obstacles,
 * the conclusion. */
static void
content_text(const rv_ctx *c, size_t row, char *buf, size_t n)
{
	const store_entri *e = entri_of(c, row);
	const triwulan *t = &c->a->r->tw[c->a->tw];
	const char *nar = narasi_of(c, row);

	switch (e->jenis) {
	case JENIS_IKU:
	case JENIS_NARASI:
		if (nar != NULL && *nar)
			snprintf(buf, n, _("Narrative of %s: %s"), e->sasaran, nar);
		else
			snprintf(buf, n, _("%s has no narrative for this quarter yet."),
				 e->sasaran ? e->sasaran : "-");
		break;
	case JENIS_PROGRAM:
		if (e->sasaran != NULL)
			snprintf(buf, n, _("Supports %s: %s"), e->sasaran,
				 c->rows[row].sa != NULL && c->rows[row].sa->uraian ?
				 c->rows[row].sa->uraian : "");
		else
			snprintf(buf, n, "%s", _("Supports no sasaran: the kepala reviews it."));
		break;
	case JENIS_BAB2:
		snprintf(buf, n, _("%zu obstacles, %zu follow-ups. %s"),
			 t->n_permasalahan, t->n_tindak_lanjut, t->n_permasalahan > 0 ?
			 t->permasalahan[0] : "");
		break;
	default:
		snprintf(buf, n, "%s", t->kesimpulan != NULL ? t->kesimpulan :
			 _("(no conclusion written: the report prints the standard text)"));
	}
	flow(buf);
}

/* ---- the context of an IKU's figure (svc_konteks_load) ---- */

static void
rv_konteks_load(rv_ctx *c)
{
	lk_err e = { 0, "" };

	svc_konteks_free(&c->kx);
	c->have_kx = svc_konteks_load(&c->a->v, c->a->instansi, c->a->r,
				      c->a->tahun, c->a->tw, &c->kx, &e) == 0;
	snprintf(c->kx_err, sizeof c->kx_err, "%s", c->have_kx ? "" :
		 app_store_msg(c->a, e.msg));
}

static const svc_konteks_iku *
konteks_of(const rv_ctx *c, size_t row)
{
	const store_entri *x = entri_of(c, row);

	if (!c->have_kx || x->jenis != JENIS_IKU)
		return NULL;
	return svc_konteks_find(&c->kx, x->kode);
}

/* "79,30 (101,02%, Sangat Tinggi)", "no realisation", "not in the
 * database". */
static const char *
angka_text(const svc_angka *v, char *buf, size_t n)
{
	char num[DEC_BUFSZ], cap[DEC_BUFSZ];

	if (!v->ada)
		snprintf(buf, n, "%s", _("not reported"));
	else if (!v->ada_realisasi)
		snprintf(buf, n, "%s", _("no realisation"));
	else if (v->capaian.status != CAPAIAN_ADA)
		snprintf(buf, n, "%s (-)", dec_format_nilai(v->realisasi, num));
	else
		snprintf(buf, n, "%s (%s%%%s%s)", dec_format_nilai(v->realisasi, num),
			 dec_format_persen(v->capaian.persen, cap),
			 v->predikat != NULL ? ", " : "",
			 v->predikat != NULL ? v->predikat : "");
	return buf;
}

static const char *
serapan_text(const svc_serapan *s, char *buf, size_t n)
{
	char cap[DEC_BUFSZ];

	if (!s->ada_realisasi)
		snprintf(buf, n, "%s", _("no realisation"));
	else if (s->serapan.status != CAPAIAN_ADA)
		snprintf(buf, n, "-");
	else
		snprintf(buf, n, "%s%%", dec_format_persen(s->serapan.persen, cap));
	return buf;
}

/* One line of context: the quarter before, the year before, the
 * absorption of the sasaran's programs. */
static void
konteks_line(const rv_ctx *c, const svc_konteks_iku *ki, char *buf, size_t n)
{
	char a[200], b[200], d[64];
	size_t len;

	buf[0] = '\0';
	if (c->a->tw > 1)
		snprintf(buf, n, _("Q%s: %s"), tw_romawi(c->a->tw - 1),
			 angka_text(&ki->tw_lalu, a, sizeof a));
	len = strlen(buf);
	snprintf(buf + len, n - len, _("%sQ%s %d: %s"), len ? " \xc2\xb7 " : "",
		 tw_romawi(c->a->tw), c->a->tahun - 1,
		 angka_text(&ki->tahun_lalu, b, sizeof b));
	len = strlen(buf);
	if (ki->n_program > 0)
		snprintf(buf + len, n - len, _(" \xc2\xb7 budget of %s absorbed: %s"),
			 ki->sasaran, serapan_text(&ki->jumlah, d, sizeof d));
	else
		snprintf(buf + len, n - len, _(" \xc2\xb7 no program supports %s"),
			 ki->sasaran);
}

/* What changed since the last review, on one line ("" when nothing). */
static void
ubah_line(const svc_konteks_iku *ki, char *buf, size_t n)
{
	char when[64], o[DEC_BUFSZ], w[DEC_BUFSZ];
	const svc_ubah *u;

	buf[0] = '\0';
	if (ki == NULL || ki->dilihat_at == NULL || ki->n_ubah == 0)
		return;
	u = &ki->ubah[ki->n_ubah - 1];
	snprintf(buf, n, _("Changed since your last review: %s \xe2\x86\x92 %s "
			   "(%s, %s)"),
		 scr_shown_value(ki->ubah[0].old, DEC_NILAI, o),
		 scr_shown_value(u->new_, DEC_NILAI, w), u->login,
		 app_when(u->at, when, sizeof when));
}

/* The note of an IKU without a realisation, or NULL. */
static const char *
note_of(const rv_ctx *c, size_t row)
{
	const kinerja_iku *k = c->rows[row].k;

	if (k == NULL || k->iku == NULL)
		return NULL;
	return k->iku->keterangan[c->a->tw];
}

static void
rv_footer(void *ud, size_t row, int y, int x, int h, int w)
{
	rv_ctx *c = ud;
	const store_entri *e = entri_of(c, row);
	const kinerja_iku *k = c->rows[row].k;
	const svc_konteks_iku *ki = konteks_of(c, row);
	const char *note = note_of(c, row);
	char buf[1600], st[700], cap[64], code[160];
	int line = 0;

	snprintf(buf, sizeof buf, "%s  %s", store_entri_text(e, code, sizeof code),
		 what_of(c, row));
	/* The whole name, on two lines where it needs them. */
	line += ui_put_wrapped(y + line, x, 2 < h - 3 ? 2 : 1, w, buf, A_BOLD) > 1 &&
	    h > 4 ? 2 : 1;
	if (k != NULL && k->predikat != NULL)
		snprintf(buf, sizeof buf, _("Capaian %s (%s) \xc2\xb7 %s"),
			 capaian_text(k, cap, sizeof cap), k->predikat->nama,
			 state_text(e, false, st, sizeof st));
	else
		snprintf(buf, sizeof buf, "%s", state_text(e, false, st, sizeof st));
	ui_put(y + line++, x, w, buf, A_NORMAL, false, false);
	if (k != NULL && !k->ada_realisasi && line < h) {
		snprintf(buf, sizeof buf, note != NULL ? _("Note: %s") :
			 _("No realisation and no note that says why."),
			 note != NULL ? note : "");
		line += ui_put_wrapped(y + line, x, 1, w, buf, note != NULL ?
				       theme_attr(TR_CUKUP) : theme_attr(TR_KURANG)) > 0;
	}
	ubah_line(ki, buf, sizeof buf);
	if (buf[0] != '\0' && line < h)
		line += ui_put_wrapped(y + line, x, 1, w, buf, theme_attr(TR_CUKUP) |
				       A_BOLD) > 0;
	if (e->state == ENTRI_RETURNED && e->comment != NULL && line < h) {
		snprintf(buf, sizeof buf, _("Comment: %s"), e->comment);
		flow(buf);
		ui_put(y + line++, x, w, buf, theme_attr(TR_KURANG), false, false);
	}
	if (ki != NULL && line < h) {
		konteks_line(c, ki, buf, sizeof buf);
		int need = ui_put_wrapped(0, x, 0, w, buf, A_NORMAL);

		if (need > 2)
			need = 2;
		if (need > h - line)
			need = h - line;
		ui_put_wrapped(y + line, x, need, w, buf, A_NORMAL);
		line += need;
	}
	if (line < h) {
		content_text(c, row, buf, sizeof buf);
		ui_put_wrapped(y + line, x, h - line, w, buf, theme_attr(TR_HINT));
	}
}

/* The context of an IKU's figure in full, for the detail. */
static void
print_konteks(FILE *f, const rv_ctx *c, const svc_konteks_iku *ki)
{
	char a[200], when[64], o[DEC_BUFSZ], w[DEC_BUFSZ], m[2][DEC_BUFSZ];

	fprintf(f, "\n%s\n", _("To judge the figure:"));
	if (c->a->tw > 1)
		fprintf(f, _("  Quarter %s %d: %s\n"), tw_romawi(c->a->tw - 1),
			c->a->tahun, angka_text(&ki->tw_lalu, a, sizeof a));
	fprintf(f, _("  Quarter %s %d: %s\n"), tw_romawi(c->a->tw), c->a->tahun - 1,
		angka_text(&ki->tahun_lalu, a, sizeof a));
	if (ki->n_program == 0)
		fprintf(f, _("  No program supports %s.\n"), ki->sasaran);
	else
		fprintf(f, _("  Programs that support %s (budget, spent, absorbed):\n"),
			ki->sasaran);
	for (size_t i = 0; i < ki->n_program; i++) {
		const svc_serapan *p = &ki->program[i];

		fprintf(f, "    %s %s: Rp %s, Rp %s, %s\n", p->kode, p->uraian,
			dec_format_uang(p->anggaran, m[0]), p->ada_realisasi ?
			dec_format_uang(p->realisasi, m[1]) : "-",
			serapan_text(p, a, sizeof a));
	}
	if (ki->n_program > 1)
		fprintf(f, _("    Together: Rp %s, Rp %s, %s\n"),
			dec_format_uang(ki->jumlah.anggaran, m[0]),
			ki->jumlah.ada_realisasi ? dec_format_uang(ki->jumlah.realisasi,
			m[1]) : "-", serapan_text(&ki->jumlah, a, sizeof a));
	if (ki->dilihat_at == NULL)
		return;
	fprintf(f, _("\nSince %s by %s on %s:\n"), strcmp(ki->dilihat_aksi,
		entri_event_nama(EV_RETURN)) == 0 ? _("the return") : _("the approval"),
		ki->dilihat_oleh, app_when(ki->dilihat_at, when, sizeof when));
	if (ki->n_ubah == 0)
		fprintf(f, "  %s\n", _("the realisation has not changed."));
	for (size_t i = 0; i < ki->n_ubah; i++)
		fprintf(f, "  %s  %-12s  %s \xe2\x86\x92 %s\n",
			app_when(ki->ubah[i].at, when, sizeof when), ki->ubah[i].login,
			scr_shown_value(ki->ubah[i].old, DEC_NILAI, o),
			scr_shown_value(ki->ubah[i].new_, DEC_NILAI, w));
}

/* A supporting table, cell by cell. */
static void
print_tabel(FILE *f, const tabel *t)
{
	size_t i, j;

	fprintf(f, "  %s\n", t->judul != NULL ? t->judul : _("(untitled table)"));
	for (j = 0; j < t->n_kolom; j++)
		fprintf(f, "%s%s", j ? " | " : "    ", t->kolom[j]);
	if (t->n_kolom > 0)
		fputc('\n', f);
	for (i = 0; i < t->n_baris; i++) {
		for (j = 0; j < t->n_sel[i]; j++)
			fprintf(f, "%s%s", j ? " | " : "    ", t->baris[i][j] != NULL ?
				t->baris[i][j] : "");
		fputc('\n', f);
	}
	if (t->catatan != NULL)
		fprintf(f, "    %s\n", t->catatan);
}

/* Enter: the whole entry, with what it says and the review so far. */
static void
rv_detail(rv_ctx *c, size_t row)
{
	const store_entri *e = entri_of(c, row);
	const kinerja_iku *k = c->rows[row].k;
	const kinerja_program *kp = c->rows[row].kp;
	const sasaran *sa = c->rows[row].sa;
	const triwulan *t = &c->a->r->tw[c->a->tw];
	const char *nar = narasi_of(c, row);
	char *text = NULL, st[700], cap[64], num[2][DEC_BUFSZ], code[160];
	size_t len = 0, i;
	FILE *f = open_memstream(&text, &len);

	if (f == NULL)
		lk_fatal("out of memory");
	fprintf(f, "%s  %s\n", store_entri_text(e, code, sizeof code), what_of(c, row));
	if (sa != NULL && e->jenis != JENIS_NARASI)
		fprintf(f, _("Sasaran %s  %s\n"), sa->kode, sa->uraian ? sa->uraian : "");
	if (k != NULL && k->ada_realisasi)
		fprintf(f, _("Target %s %s, realisation %s, capaian %s (%s).\n"),
			dec_format_nilai(k->target, num[0]), k->iku->satuan ? k->iku->satuan : "",
			dec_format_nilai(k->realisasi, num[1]), capaian_text(k, cap, sizeof cap),
			k->predikat != NULL ? k->predikat->nama : "-");
	else if (k != NULL)
		fprintf(f, _("Target %s %s; no realisation yet.\n"),
			dec_format_nilai(k->target, num[0]), k->iku->satuan ? k->iku->satuan : "");
	if (kp != NULL && kp->ada_realisasi)
		fprintf(f, _("Target Rp %s, realisation Rp %s, absorption %s%%.\n"),
			dec_format_uang(kp->target, num[0]),
			dec_format_uang(kp->realisasi, num[1]),
			kp->capaian.status == CAPAIAN_ADA ?
			dec_format_persen(kp->capaian.persen, cap) : "-");
	else if (kp != NULL)
		fprintf(f, _("Target Rp %s; no realisation yet.\n"),
			dec_format_uang(kp->target, num[0]));
	if (k != NULL && !k->ada_realisasi)
		fprintf(f, _("Note on the missing realisation: %s\n"),
			note_of(c, row) != NULL ? note_of(c, row) : _("(none)"));
	fprintf(f, _("State: %s.\n"), state_text(e, true, st, sizeof st));
	if (konteks_of(c, row) != NULL)
		print_konteks(f, c, konteks_of(c, row));
	else if (k != NULL && c->kx_err[0] != '\0')
		fprintf(f, "\n%s\n", c->kx_err);
	if (e->jenis == JENIS_IKU || e->jenis == JENIS_NARASI) {
		fprintf(f, "\n%s\n\n", _("Narrative of the sasaran for the quarter:"));
		fprintf(f, "%s\n", nar != NULL && *nar ? nar : _("(none yet)"));
		for (i = 0; sa != NULL && i < sa->n_tabel[c->a->tw]; i++) {
			if (i == 0)
				fprintf(f, "\n%s\n", _("Supporting tables:"));
			print_tabel(f, &sa->tabel[c->a->tw][i]);
		}
	} else if (e->jenis == JENIS_BAB2) {
		fprintf(f, "\n%s\n", _("Obstacles:"));
		for (i = 0; i < t->n_permasalahan; i++)
			fprintf(f, "  %zu. %s\n", i + 1, t->permasalahan[i]);
		fprintf(f, "\n%s\n", _("Follow-up actions:"));
		for (i = 0; i < t->n_tindak_lanjut; i++)
			fprintf(f, "  %zu. %s\n", i + 1, t->tindak_lanjut[i]);
	} else if (e->jenis == JENIS_BAB3) {
		fprintf(f, "\n%s\n\n%s\n", _("Conclusion:"), t->kesimpulan != NULL ?
			t->kesimpulan : _("(none written: the report prints the standard text)"));
	}
	fprintf(f, "\n%s\n\n", _("Review of the entry:"));
	scr_review_events(f, c->a, e->jenis, e->kode);
	fclose(f);
	{
		char title[300];

		snprintf(title, sizeof title, "%s \xe2\x80\x94 %s", code,
			 app_period_text(c->a));
		ui_show_text(title, text);
	}
	free(text);
}

int
scr_review(app *a)
{
	static const int acts[] = {
		ACT_HELP, ACT_APPROVE, ACT_RETURN, ACT_APPROVE_ALL, ACT_BACK, ACT_ENTER,
		ACT_NONE,
	};
	static const int help_acts[] = {
		ACT_APPROVE, ACT_RETURN, ACT_APPROVE_ALL, ACT_ENTER, ACT_HISTORY,
		ACT_SEARCH, ACT_SEARCH_NEXT, ACT_UP, ACT_DOWN, ACT_PGUP, ACT_PGDN,
		ACT_BACK, ACT_QUIT, ACT_NONE,
	};
	const char *labels[] = { NULL, NULL, NULL, NULL, NULL, _("Detail"), NULL };
	list_col cols[7] = {
		{ NULL, 7, false, false, 0 }, { NULL, 12, true, false, 0 },
		{ NULL, 9, false, true, 0 }, { NULL, 9, false, true, 0 },
		{ NULL, 8, false, true, 0 }, { NULL, 12, false, false, 0 },
		{ NULL, 13, false, false, 0 },
	};
	char title[200];
	lk_err e = { 0, "" };
	rv_ctx c;
	list l;
	int result = -1, act;

	cols[0].title = _("Code");
	cols[1].title = _("Entry");
	cols[2].title = _("Target");
	cols[3].title = _("Real.");
	cols[4].title = _("Capaian");
	cols[5].title = _("State");
	cols[6].title = _("Submitted by");
	memset(&c, 0, sizeof c);
	c.a = a;
	/* What the operator saved last, unless this session has changes of
	 * its own that are not saved. */
	if (!a->dirty)
		app_reload(a);
	c.have_k = kinerja_hitung(a->r, a->tw, &a->v.installed, &c.k, &e) == 0;
	rv_konteks_load(&c);
	rv_rows(&c);
	memset(&l, 0, sizeof l);
	snprintf(title, sizeof title, _("Review of the capaian \xe2\x80\x94 %s"),
		 app_period_text(a));
	l.title = title;
	l.cols = cols;
	l.ncol = 7;
	l.cell = rv_cell;
	l.attr = rv_attr;
	l.info = rv_info;
	l.info_rows = 2;
	l.footer = rv_footer;
	l.footer_rows = 6;
	l.ud = &c;
	l.acts = acts;
	l.bar_labels = labels;
	l.help_acts = help_acts;
	l.help = _("Everything the signed report prints is reviewed: each IKU's and "
		   "each program's realisation, each sasaran's narrative with its "
		   "supporting tables, BAB II (obstacles, follow-ups) and BAB III "
		   "(conclusion). Listed are the entries you review: a kabid those of "
		   "his bidang, the kepala BAB II, BAB III and what belongs to no "
		   "bidang. An operator submits an entry; you approve it (y) or return "
		   "it with a comment that says what to fix (r); Y approves every "
		   "submitted entry at once. Nobody reviews an entry he submitted "
		   "himself. Enter shows the whole entry (the narrative, the tables "
		   "cell by cell, the obstacles, the conclusion, the review so far); "
		   "F12 the history of a realisation.");
	l.empty = _("There is no entry for you to review in this quarter.");
	list_init(&l);
	for (l.sel = 0; l.sel < c.n && entri_of(&c, l.sel)->state != ENTRI_SUBMITTED; l.sel++)
		;
	if (l.sel >= c.n)
		l.sel = 0;
	list_open(&l);
	while (result < 0) {
		const char *kode;
		char keep[128] = "";
		enum entri_jenis jenis = JENIS_IKU;
		size_t i;

		app_update_context(a);
		l.nrows = c.n;
		act = list_run(&l);
		kode = c.n > 0 ? entri_of(&c, l.sel)->kode : NULL;
		if (kode != NULL) {
			snprintf(keep, sizeof keep, "%s", kode);
			jenis = entri_of(&c, l.sel)->jenis;
		}
		switch (act) {
		case ACT_APPROVE:
			if (kode != NULL)
				wf_approve(a, jenis, keep);
			break;
		case ACT_RETURN:
			if (kode != NULL)
				wf_return(a, jenis, keep);
			break;
		case ACT_APPROVE_ALL:
			wf_approve(a, JENIS_IKU, NULL);
			break;
		case ACT_ENTER:
		case ACT_EDIT:
			if (kode != NULL)
				rv_detail(&c, l.sel);
			break;
		case ACT_HISTORY:
			if (kode != NULL && (jenis == JENIS_IKU || jenis == JENIS_PROGRAM))
				scr_history(a, jenis == JENIS_PROGRAM, keep);
			break;
		case ACT_SAVE:
			ui_msg(UI_MSG_HINT, _("The review is saved at once: there is nothing "
					      "left to save."));
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
		/* a->wf was reloaded: rebuild, keeping the row; a review
		 * moves what "since the last review" means. */
		if (act == ACT_APPROVE || act == ACT_RETURN || act == ACT_APPROVE_ALL)
			rv_konteks_load(&c);
		rv_rows(&c);
		for (i = 0; keep[0] && i < c.n; i++)
			if (entri_of(&c, i)->jenis == jenis &&
			    strcmp(entri_of(&c, i)->kode, keep) == 0)
				l.sel = i;
	}
	list_close(&l);
	free(c.rows);
	svc_konteks_free(&c.kx);
	return result;
}
