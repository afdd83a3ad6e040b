/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* review.c - what the review needs (see svc.h): the note an IKU without
 * a realisation carries (keterangan), and the context a reviewer judges
 * a figure by (the quarter before, the same quarter a year before, the
 * absorption of the programs of its sasaran, what changed since he last
 * saw it).  Nothing is drawn here. */
#include "config.h"
#include "svc/svc.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sysexits.h>

#include "core/i18n.h"
#include "core/model_edit.h"

const char *const svc_keterangan_baku[] = {
	"Belum tersedia: diukur tahun berikutnya",
	"Data BPS belum terbit",
	NULL,
};

/* Bytes of the UTF-8 sequence at s (1..4), or 0 when it is not one. */
static size_t
utf8_len(const unsigned char *s)
{
	size_t n, i;

	if (s[0] < 0x80)
		return 1;
	if (s[0] >= 0xc2 && s[0] <= 0xdf)
		n = 2;
	else if (s[0] >= 0xe0 && s[0] <= 0xef)
		n = 3;
	else if (s[0] >= 0xf0 && s[0] <= 0xf4)
		n = 4;
	else
		return 0;
	for (i = 1; i < n; i++)
		if ((s[i] & 0xc0) != 0x80)
			return 0;
	return n;
}

int
svc_keterangan(rencana *r, int tw, const char *kode, const char *teks,
	       bool *changed, lk_err *e)
{
	iku *k;
	char *t = NULL;
	size_t len = 0, i;

	if (changed != NULL)
		*changed = false;
	if (tw < 1 || tw > TW_MAX)
		return lk_fail(e, EX_USAGE, _("quarter %d: a note belongs to a "
		    "quarter 1 to 4"), tw);
	if ((k = rencana_find_iku(r, kode, NULL)) == NULL)
		return lk_fail(e, EX_NOINPUT, _("there is no IKU %s"),
		    kode != NULL ? kode : "");
	if (teks != NULL) {
		const unsigned char *s = (const unsigned char *)teks;
		bool space = false;

		t = arena_alloc(&r->mem, strlen(teks) + 1);
		while (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r')
			s++;
		while (*s) {
			size_t n = utf8_len(s);

			if (n == 0)
				return lk_fail(e, EX_DATAERR, _("triwulan.%d.keterangan."
				    "%s: the note is not UTF-8 text"), tw, kode);
			if (*s == '\t' || *s == '\n' || *s == '\r' || *s == ' ') {
				space = true;
				s++;
				continue;
			}
			if (*s < 0x20 || *s == 0x7f)
				return lk_fail(e, EX_DATAERR, _("triwulan.%d.keterangan."
				    "%s: the note has a control character"), tw, kode);
			if (space && len > 0)
				t[len++] = ' ';
			space = false;
			for (i = 0; i < n; i++)
				t[len++] = (char)s[i];
			s += n;
		}
		t[len] = '\0';
		if (len > SVC_KETERANGAN_MAX)
			return lk_fail(e, EX_DATAERR, _("triwulan.%d.keterangan.%s: "
			    "the note is %zu bytes long, at most %d are kept: say it "
			    "shorter"), tw, kode, len, SVC_KETERANGAN_MAX);
	}
	if (len == 0)
		t = NULL;
	if ((t == NULL) != (k->keterangan[tw] == NULL) ||
	    (t != NULL && strcmp(t, k->keterangan[tw]) != 0)) {
		k->keterangan[tw] = t;
		if (changed != NULL)
			*changed = true;
	}
	return 0;
}

/* ---- the context of a figure ---- */

static void
angka_of(arena *m, const kinerja *kn, const char *kode, int tahun,
	 svc_angka *out)
{
	memset(out, 0, sizeof *out);
	for (size_t j = 0; kn != NULL && j < kn->n_iku; j++) {
		const kinerja_iku *x = &kn->iku[j];

		if (x->iku == NULL || strcmp(x->iku->kode, kode) != 0)
			continue;
		out->ada = true;
		out->tahun = tahun;
		out->tw = kn->tw;
		out->target = x->target;
		out->ada_realisasi = x->ada_realisasi;
		out->realisasi = x->realisasi;
		out->capaian = x->capaian;
		out->predikat = x->predikat != NULL ?
		    arena_strdup(m, x->predikat->nama) : NULL;
		return;
	}
}

static bool
supports(const program *p, const char *sasaran)
{
	for (size_t i = 0; sasaran != NULL && i < p->n_sasaran; i++)
		if (strcmp(p->sasaran[i], sasaran) == 0)
			return true;
	return false;
}

static void
serapan_of(arena *m, const rencana *r, int tw, const char *sasaran,
	   svc_konteks_iku *ki)
{
	size_t n = 0;

	for (size_t i = 0; i < r->n_program; i++)
		n += supports(&r->program[i], sasaran);
	ki->program = n > 0 ? arena_alloc(m, n * sizeof *ki->program) : NULL;
	memset(&ki->jumlah, 0, sizeof ki->jumlah);
	for (size_t i = 0; i < r->n_program; i++) {
		const program *p = &r->program[i];
		svc_serapan *s;

		if (!supports(p, sasaran))
			continue;
		s = &ki->program[ki->n_program++];
		s->kode = arena_strdup(m, p->kode);
		s->uraian = arena_strdup(m, p->uraian != NULL ? p->uraian : "");
		s->anggaran = p->anggaran;
		s->ada_realisasi = p->ada_realisasi[tw];
		s->realisasi = p->ada_realisasi[tw] ? p->realisasi[tw] : 0;
		if (capaian_hitung(s->anggaran, s->ada_realisasi, s->realisasi,
		    POLARITAS_POSITIF, &s->serapan) != 0)
			s->serapan.status = CAPAIAN_TAK_TERDEFINISI;
		/* Sums cannot overflow: kinerja_hitung summed every budget. */
		ki->jumlah.anggaran += s->anggaran;
		if (s->ada_realisasi) {
			ki->jumlah.ada_realisasi = true;
			ki->jumlah.realisasi += s->realisasi;
		}
	}
	if (capaian_hitung(ki->jumlah.anggaran, ki->jumlah.ada_realisasi,
	    ki->jumlah.realisasi, POLARITAS_POSITIF, &ki->jumlah.serapan) != 0)
		ki->jumlah.serapan.status = CAPAIAN_TAK_TERDEFINISI;
}

/* The last return or approval of an entry in the audit log. */
typedef struct seen_ctx {
	arena *m;
	int64_t id;              /* 0: never reviewed */
	const char *at, *login, *action;
} seen_ctx;

static int
on_state(void *arg, const store_audit_rec *r)
{
	seen_ctx *c = arg;

	if (r->action == NULL || (strcmp(r->action, entri_event_nama(EV_RETURN))
	    != 0 && strcmp(r->action, entri_event_nama(EV_APPROVE)) != 0))
		return 0;
	c->id = r->id;
	c->at = arena_strdup(c->m, r->at != NULL ? r->at : "");
	c->login = arena_strdup(c->m, r->login != NULL ? r->login : "");
	c->action = arena_strdup(c->m, r->action);
	return 0;
}

/* The changes of the realisation after the audit record `after`. */
typedef struct ubah_ctx {
	arena *m;
	int64_t after;
	svc_ubah *u;
	size_t n, cap;
} ubah_ctx;

static int
on_change(void *arg, const store_audit_rec *r)
{
	ubah_ctx *c = arg;

	if (r->id <= c->after)
		return 0;
	if (c->n == c->cap) {
		size_t cap = c->cap ? c->cap * 2 : 4;
		svc_ubah *u = arena_alloc(c->m, cap * sizeof *u);

		if (c->n > 0)
			memcpy(u, c->u, c->n * sizeof *u);
		c->u = u;
		c->cap = cap;
	}
	c->u[c->n].at = arena_strdup(c->m, r->at != NULL ? r->at : "");
	c->u[c->n].login = arena_strdup(c->m, r->login != NULL ? r->login : "");
	c->u[c->n].old = arena_strdup(c->m, r->old != NULL ? r->old : "");
	c->u[c->n].new_ = arena_strdup(c->m, r->new_ != NULL ? r->new_ : "");
	c->n++;
	return 0;
}

/* What changed in IKU ki's realisation since its last review. */
static int
since_seen(svc *v, const char *instansi, int tahun, int tw, arena *m,
	   svc_konteks_iku *ki, lk_err *e)
{
	seen_ctx s = { m, 0, NULL, NULL, NULL };
	ubah_ctx c = { m, 0, NULL, 0, 0 };
	int rc;

	/* The audit record of the review orders it among the changes
	 * exactly (the log keeps whole seconds only). */
	if ((rc = store_audit_value(v->s, instansi, tahun, tw, "entry_state",
	    ki->kode, "state", on_state, &s, e)) != 0)
		return rc;
	if (s.id == 0)
		return 0;
	ki->dilihat_at = s.at;
	ki->dilihat_oleh = s.login;
	ki->dilihat_aksi = s.action;
	c.after = s.id;
	if ((rc = store_audit_value(v->s, instansi, tahun, tw, "realisasi_iku",
	    ki->kode, "nilai", on_change, &c, e)) != 0)
		return rc;
	ki->ubah = c.u;
	ki->n_ubah = c.n;
	return 0;
}

int
svc_konteks_load(svc *v, const char *instansi, rencana *r, int tahun,
		 int tw, svc_konteks *out, lk_err *e)
{
	kinerja now, lalu, tl;
	rencana *r0 = NULL;
	bool have_lalu = false, have_tl = false;
	size_t n = 0, j;
	int rc;

	memset(out, 0, sizeof *out);
	if (tw < 1 || tw > TW_MAX)
		return lk_fail(e, EX_USAGE, _("quarter %d: the context of a figure "
		    "belongs to a quarter 1 to 4"), tw);
	if ((rc = kinerja_hitung(r, tw, &v->installed, &now, e)) != 0)
		return rc;
	if (tw > 1 && r->tw[tw - 1].ada &&
	    kinerja_hitung(r, tw - 1, &v->installed, &lalu, e) == 0)
		have_lalu = true;
	rc = store_load(v->s, instansi, tahun - 1, &r0, e);
	if (rc == 0 && r0->tw[tw].ada &&
	    kinerja_hitung(r0, tw, &v->installed, &tl, e) == 0)
		have_tl = true;
	else if (rc != 0 && rc != EX_NOINPUT) {
		rencana_free(r0);
		return rc;
	}
	out->ada_tahun_lalu = have_tl;
	for (j = 0; j < now.n_iku; j++)
		n += now.iku[j].iku != NULL;
	out->iku = n > 0 ? arena_alloc(&out->mem, n * sizeof *out->iku) : NULL;
	for (j = 0; j < now.n_iku; j++) {
		const kinerja_iku *x = &now.iku[j];
		svc_konteks_iku *ki;

		if (x->iku == NULL)
			continue;
		ki = &out->iku[out->n_iku++];
		memset(ki, 0, sizeof *ki);
		ki->kode = arena_strdup(&out->mem, x->iku->kode);
		ki->sasaran = arena_strdup(&out->mem, x->sasaran->kode);
		angka_of(&out->mem, have_lalu ? &lalu : NULL, ki->kode, tahun,
		    &ki->tw_lalu);
		angka_of(&out->mem, have_tl ? &tl : NULL, ki->kode, tahun - 1,
		    &ki->tahun_lalu);
		serapan_of(&out->mem, r, tw, x->sasaran->kode, ki);
		if ((rc = since_seen(v, instansi, tahun, tw, &out->mem, ki,
		    e)) != 0) {
			rencana_free(r0);
			svc_konteks_free(out);
			return rc;
		}
	}
	rencana_free(r0);
	return 0;
}

const svc_konteks_iku *
svc_konteks_find(const svc_konteks *k, const char *kode)
{
	for (size_t i = 0; kode != NULL && i < k->n_iku; i++)
		if (strcmp(k->iku[i].kode, kode) == 0)
			return &k->iku[i];
	return NULL;
}

void
svc_konteks_free(svc_konteks *k)
{
	arena_free(&k->mem);
	memset(k, 0, sizeof *k);
}
