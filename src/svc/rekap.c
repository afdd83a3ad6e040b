/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* rekap.c - the province view (see rekap.h). */
#include "config.h"
#include "svc/rekap.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"
#include "report/render.h"

static char *
xstrdup(const char *s)
{
	char *d = strdup(s != NULL ? s : "");

	if (d == NULL)
		lk_fatal("out of memory");
	return d;
}

/* Is kode among the agencies of u's roles? */
static bool
holds_role(const store_user *u, const char *kode)
{
	for (size_t i = 0; i < u->n_at; i++)
		if (strcmp(u->at[i].instansi, kode) == 0)
			return true;
	return false;
}

/* Any IKU or program realisation in quarter k. */
static bool
any_realisation(const kinerja *k)
{
	size_t i;

	for (i = 0; i < k->n_iku; i++)
		if (k->iku[i].ada_realisasi)
			return true;
	for (i = 0; i < k->n_program; i++)
		if (k->program[i].ada_realisasi)
			return true;
	return false;
}

/* One agency's row: its plan loaded and computed as svc_open does, its
 * review data, the state.  No plan: a row without figures. */
static int
one_row(svc *v, int tahun, int tw, svc_rekap_row *b, lk_err *e)
{
	rekap_keadaan st;
	store_quarter q;
	svc_period p;
	int rc;

	memset(&st, 0, sizeof st);
	memset(&p, 0, sizeof p);
	rc = store_load(v->s, b->kode, tahun, &p.r, e);
	if (rc == EX_NOINPUT) {            /* no plan for that year */
		b->status = rekap_status_hitung(&st);
		return 0;
	}
	if (rc != 0)
		return rc;
	p.kode = b->kode;
	p.tahun = tahun;
	p.tw = tw;
	svc_use(v, &p);
	rc = svc_compute(&p, e);
	if (rc == 0 && rekap_isi(b, &p.k) != 0)
		rc = lk_fail(e, EX_DATAERR, _("%s: a figure of quarter %s %d is too "
			     "large to add up"), b->kode, tw_romawi(tw), tahun);
	if (rc == 0) {
		free(b->nama);        /* the plan's own name, as show prints it */
		b->nama = xstrdup(p.r->instansi.nama);
		b->pemerintah = xstrdup(p.r->instansi.pemerintah);
		st.ada_rencana = true;
		st.ada_realisasi = any_realisation(&p.k);
		rc = store_quarter_load(v->s, b->kode, tahun, tw, &q, e);
	}
	if (rc == 0) {
		st.ada_triwulan = q.ada;
		st.n_entri = q.n_entri;
		memcpy(st.count, q.count, sizeof st.count);
		memcpy(b->count, q.count, sizeof b->count);
		st.locked = q.locked;
		st.version = b->versi = q.version;
		b->status = rekap_status_hitung(&st);
		store_quarter_free(&q);
	}
	p.kode = NULL;                /* b's */
	svc_period_free(&p);
	return rc;
}

/* The agencies u sees, into *rows (kode and nama set). */
static int
visible(svc *v, const store_user *u, svc_rekap_row **rows, size_t *n,
	lk_err *e)
{
	store_instansi_ref *ref;
	size_t nref, i, k = 0;
	int rc;

	if ((rc = store_list_instansi_nama(v->s, &ref, &nref, e)) != 0)
		return rc;
	*rows = calloc(nref ? nref : 1, sizeof **rows);
	if (*rows == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < nref; i++) {
		if (!u->admin && !holds_role(u, ref[i].kode))
			continue;
		(*rows)[k].kode = ref[i].kode;
		(*rows)[k].nama = ref[i].nama;
		ref[i].kode = ref[i].nama = NULL;
		k++;
	}
	*n = k;
	store_instansi_ref_free(ref, nref);
	return 0;
}

int
svc_rekap(svc *v, int tahun, int tw, svc_rekap_row **rows, size_t *n,
	  lk_err *e)
{
	char admins[512];
	store_user u;
	size_t i;
	int rc, rc2;

	*rows = NULL;
	*n = 0;
	if (tw < 1 || tw > TW_MAX)
		return lk_fail(e, EX_USAGE, _("quarter %d is not between 1 and 4"),
			       tw);
	/* One snapshot: every agency as of one moment, and one begin for
	 * them all. */
	if ((rc = store_read_begin(v->s, e)) != 0)
		return rc;
	rc = store_user_get(v->s, store_actor(v->s), NULL, &u, e);
	if (rc == 0 && !u.admin && u.n_at == 0) {
		rc = store_admins(v->s, admins, sizeof admins, e);
		if (rc == 0)
			rc = lk_fail(e, EX_NOPERM, _("%s holds no role in any agency: "
				     "the rekap shows the agencies in which one "
				     "holds a role, and every agency to an admin "
				     "(ask %s)"), store_actor(v->s),
				     *admins ? admins : "?");
	}
	if (rc == 0)
		rc = visible(v, &u, rows, n, e);
	for (i = 0; rc == 0 && i < *n; i++)
		rc = one_row(v, tahun, tw, &(*rows)[i], e);
	store_user_free(&u);
	rc2 = store_read_end(v->s, rc == 0 ? e : &(lk_err){ 0, "" });
	if (rc == 0)
		rc = rc2;
	if (rc != 0) {
		svc_rekap_free(*rows, *n);
		*rows = NULL;
		*n = 0;
	}
	return rc;
}

void
svc_rekap_free(svc_rekap_row *rows, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(rows[i].kode);
		free(rows[i].nama);
		free(rows[i].pemerintah);
	}
	free(rows);
}

int
svc_rekap_render(const svc_rekap_row *rows, size_t n, int tahun, int tw,
		 const char *out, layout_result *res, lk_err *e)
{
	return report_render_rekap(rows, n, tahun, tw, out, res, e);
}
