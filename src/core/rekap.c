/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* rekap.c - the figures and the state of a rekap row (see rekap.h). */
#include "config.h"
#include "core/rekap.h"

#include <stdio.h>
#include <string.h>

#include "core/dec.h"
#include "core/err.h"
#include "core/i18n.h"

static const char *const status_names[REKAP_N] = {
#define REKAP_X(id, nama, label) nama,
	REKAP_STATUS_LIST(REKAP_X)
#undef REKAP_X
};
static const char *const status_labels[REKAP_N] = {
#define REKAP_X(id, nama, label) label,
	REKAP_STATUS_LIST(REKAP_X)
#undef REKAP_X
};

enum rekap_status
rekap_status_hitung(const rekap_keadaan *q)
{
	if (q->locked)
		return REKAP_DITANDATANGANI;
	if (!q->ada_rencana || !q->ada_triwulan)
		return REKAP_KOSONG;
	if (q->count[ENTRI_RETURNED] > 0)
		return REKAP_DIKEMBALIKAN;
	if (q->count[ENTRI_DRAFT] > 0 || q->n_entri == 0)
		return !q->ada_realisasi && q->count[ENTRI_DRAFT] == q->n_entri ?
		    REKAP_KOSONG : REKAP_DRAF;
	if (q->count[ENTRI_SUBMITTED] > 0)
		return REKAP_DIAJUKAN;
	return REKAP_DISETUJUI;
}

int
rekap_rata(const int64_t *v, size_t n, int64_t *out)
{
	int64_t sum = 0;
	size_t i;

	if (n == 0 || n > (size_t)INT64_MAX)
		return EX_DATAERR;
	for (i = 0; i < n; i++)
		if (dec_add(sum, v[i], &sum) != 0)
			return EX_DATAERR;
	return dec_muldiv(sum, 1, (int64_t)n, out);
}

/* The mean of the running sum (sum over n values), as rekap_rata. */
static int
rata_dari(int64_t sum, size_t n, int64_t *out)
{
	return n == 0 || n > (size_t)INT64_MAX ? EX_DATAERR :
	    dec_muldiv(sum, 1, (int64_t)n, out);
}

int
rekap_isi(rekap_baris *b, const kinerja *k)
{
	int64_t sum = 0;
	size_t i;

	b->ada_rencana = true;
	b->iku = b->iku_terisi = b->n_capaian = 0;
	b->ada_capaian = false;
	b->capaian = 0;
	for (i = 0; i < k->n_iku; i++) {
		const kinerja_iku *row = &k->iku[i];

		if (row->iku == NULL)
			continue;
		b->iku++;
		b->iku_terisi += row->ada_realisasi;
		if (row->capaian.status != CAPAIAN_ADA)
			continue;
		/* persen is the printed value: hundredths, already rounded. */
		if (dec_add(sum, row->capaian.persen, &sum) != 0)
			return EX_DATAERR;
		b->n_capaian++;
	}
	if (b->n_capaian > 0) {
		if (rata_dari(sum, b->n_capaian, &b->capaian) != 0)
			return EX_DATAERR;
		b->ada_capaian = true;
	}
	b->serapan = k->jumlah_capaian;
	b->jumlah_target = k->jumlah_target;
	b->jumlah_realisasi = k->jumlah_realisasi;
	b->jumlah_ada_realisasi = k->jumlah_ada_realisasi;
	return 0;
}

int
rekap_jumlah(const rekap_baris *b, size_t n, rekap_total *t)
{
	int64_t sum = 0, target = 0, realisasi = 0;
	bool ada_realisasi = false;
	size_t i;

	memset(t, 0, sizeof *t);
	t->n = n;
	for (i = 0; i < n; i++) {
		if ((unsigned)b[i].status < REKAP_N)
			t->status[b[i].status]++;
		if (!b[i].ada_rencana)
			continue;
		t->iku += b[i].iku;
		t->iku_terisi += b[i].iku_terisi;
		if (b[i].ada_capaian) {
			if (dec_add(sum, b[i].capaian, &sum) != 0)
				return EX_DATAERR;
			t->n_capaian++;
		}
		if (dec_add(target, b[i].jumlah_target, &target) != 0)
			return EX_DATAERR;
		if (b[i].jumlah_ada_realisasi) {
			if (dec_add(realisasi, b[i].jumlah_realisasi, &realisasi) != 0)
				return EX_DATAERR;
			ada_realisasi = true;
		}
	}
	if (t->n_capaian > 0) {
		if (rata_dari(sum, t->n_capaian, &t->capaian) != 0)
			return EX_DATAERR;
		t->ada_capaian = true;
	}
	return capaian_hitung(target, ada_realisasi, realisasi,
			      POLARITAS_POSITIF, &t->serapan);
}

const char *
rekap_status_nama(enum rekap_status st)
{
	return (unsigned)st < REKAP_N ? status_names[st] : "?";
}

const char *
rekap_status_label(enum rekap_status st)
{
	return (unsigned)st < REKAP_N ? _(status_labels[st]) : "?";
}

const char *
rekap_status_teks(const rekap_baris *b, bool label, char *buf, size_t n)
{
	if (b->status == REKAP_DITANDATANGANI && b->versi > 0) {
		if (label)
			snprintf(buf, n, _("signed (version %d)"), b->versi);
		else
			snprintf(buf, n, "ditandatangani (versi %d)", b->versi);
	} else
		snprintf(buf, n, "%s", label ? rekap_status_label(b->status) :
			 rekap_status_nama(b->status));
	return buf;
}
