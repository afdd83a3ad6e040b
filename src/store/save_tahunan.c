/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* save_tahunan.c - the data of the whole year (schema version 7): the
 * agency's time zone and verification URL, the Renstra period, each
 * IKU's baseline, Renstra targets, history, kategori bands and national
 * standard, the quarters' keterangan, the annual report (tahunan) and
 * the performance agreement (perjanjian).
 *
 * Each group is compared as a canonical text (one line per value); a
 * group that differs is rewritten whole and audited with its old and new
 * text, so the audit trail shows exactly what changed.  Rows name their
 * IKU, program and sasaran by id, found by kode in the plan just saved.
 * Loading (store_load_tahunan) reads them back into the rencana.
 */
#include "config.h"
#include "store/save_int.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/dec.h"
#include "core/i18n.h"

enum {
	T_INSTANSI_UPD,
	T_RENSTRA_DEL, T_RENSTRA_INS,
	T_IKU_TAHUNAN_DEL, T_IKU_TAHUNAN_INS, T_IKU_TAHUN_DEL, T_IKU_TAHUN_INS,
	T_KATEGORI_DEL, T_KATEGORI_INS,
	T_KET_DEL, T_KET_INS,
	T_TAHUNAN_DEL, T_TAHUNAN_INS, T_REAL_IKU_DEL, T_REAL_IKU_INS,
	T_REAL_PROGRAM_DEL, T_REAL_PROGRAM_INS, T_DAFTAR_DEL, T_DAFTAR_INS,
	T_NARASI_DEL, T_NARASI_INS, T_TABEL_DEL, T_TABEL_INS,
	T_SEL_INS, T_TEKS_DEL, T_TEKS_INS,
	T_PK_DEL, T_PK_INS,
	T_COUNT
};

#define IKU_OF "(SELECT id FROM iku WHERE rencana_id = ?1 AND kode = ?2)"
#define IKU_IN "(SELECT id FROM iku WHERE rencana_id = ?1)"

static const char *const sql[T_COUNT] = {
	[T_INSTANSI_UPD] =
	"UPDATE instansi SET zona_waktu = ?2, verifikasi = ?3, tsa = ?4"
	" WHERE id = ?1",
	[T_RENSTRA_DEL] = "DELETE FROM renstra WHERE rencana_id = ?1",
	[T_RENSTRA_INS] =
	"INSERT INTO renstra (rencana_id, awal, akhir, nama) VALUES (?1, ?2, ?3, ?4)",
	[T_IKU_TAHUNAN_DEL] = "DELETE FROM iku_tahunan WHERE iku_id IN " IKU_IN,
	[T_IKU_TAHUNAN_INS] =
	"INSERT INTO iku_tahunan (iku_id, baseline_tahun, baseline_nilai,"
	" standar_nasional) VALUES (" IKU_OF ", ?3, ?4, ?5)",
	[T_IKU_TAHUN_DEL] = "DELETE FROM iku_tahun WHERE iku_id IN " IKU_IN,
	[T_IKU_TAHUN_INS] =
	"INSERT INTO iku_tahun (iku_id, jenis, tahun, nilai)"
	" VALUES (" IKU_OF ", ?3, ?4, ?5)",
	[T_KATEGORI_DEL] = "DELETE FROM iku_kategori WHERE iku_id IN " IKU_IN,
	[T_KATEGORI_INS] =
	"INSERT INTO iku_kategori (iku_id, urutan, label, syarat, batas)"
	" VALUES (" IKU_OF ", ?3, ?4, ?5, ?6)",
	[T_KET_DEL] =
	"DELETE FROM keterangan WHERE triwulan_id IN"
	" (SELECT id FROM triwulan WHERE rencana_id = ?1 AND nomor = ?2)",
	[T_KET_INS] =
	"INSERT INTO keterangan (triwulan_id, iku_id, teks) VALUES ("
	" (SELECT id FROM triwulan WHERE rencana_id = ?1 AND nomor = ?3), "
	IKU_OF ", ?4)",
	[T_TAHUNAN_DEL] = "DELETE FROM tahunan WHERE rencana_id = ?1",
	[T_TAHUNAN_INS] =
	"INSERT INTO tahunan (rencana_id, tanggal, ringkasan, gambaran_umum,"
	" kesimpulan) VALUES (?1, ?2, ?3, ?4, ?5)",
	[T_REAL_IKU_DEL] =
	"DELETE FROM tahunan_realisasi_iku WHERE iku_id IN " IKU_IN,
	[T_REAL_IKU_INS] =
	"INSERT INTO tahunan_realisasi_iku (iku_id, nilai) VALUES (" IKU_OF ", ?3)",
	[T_REAL_PROGRAM_DEL] =
	"DELETE FROM tahunan_realisasi_program WHERE program_id IN"
	" (SELECT id FROM program WHERE rencana_id = ?1)",
	[T_REAL_PROGRAM_INS] =
	"INSERT INTO tahunan_realisasi_program (program_id, nilai) VALUES ("
	" (SELECT id FROM program WHERE rencana_id = ?1 AND kode = ?2), ?3)",
	[T_DAFTAR_DEL] = "DELETE FROM tahunan_daftar WHERE rencana_id = ?1",
	[T_DAFTAR_INS] =
	"INSERT INTO tahunan_daftar (rencana_id, jenis, urutan, teks)"
	" VALUES (?1, ?2, ?3, ?4)",
	[T_NARASI_DEL] =
	"DELETE FROM tahunan_narasi WHERE sasaran_id IN"
	" (SELECT id FROM sasaran WHERE rencana_id = ?1)",
	[T_NARASI_INS] =
	"INSERT INTO tahunan_narasi (sasaran_id, teks) VALUES ("
	" (SELECT id FROM sasaran WHERE rencana_id = ?1 AND kode = ?2), ?3)",
	[T_TABEL_DEL] =
	"DELETE FROM tahunan_tabel WHERE sasaran_id IN"
	" (SELECT id FROM sasaran WHERE rencana_id = ?1)",
	[T_TABEL_INS] =
	"INSERT INTO tahunan_tabel (sasaran_id, urutan, judul, catatan) VALUES ("
	" (SELECT id FROM sasaran WHERE rencana_id = ?1 AND kode = ?2), ?3, ?4, ?5)"
	" RETURNING id",
	[T_SEL_INS] =
	"INSERT INTO tahunan_tabel_sel (tabel_id, baris, kolom, teks)"
	" VALUES (?1, ?2, ?3, ?4)",
	[T_TEKS_DEL] = "DELETE FROM teks_ganti_tahunan WHERE rencana_id = ?1",
	[T_TEKS_INS] =
	"INSERT INTO teks_ganti_tahunan (rencana_id, dokumen, urutan, nama, teks)"
	" VALUES (?1, ?2, ?3, ?4, ?5)",
	[T_PK_DEL] = "DELETE FROM perjanjian WHERE rencana_id = ?1",
	[T_PK_INS] =
	"INSERT INTO perjanjian (rencana_id, tanggal, nama, jabatan, pangkat, nip)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
};

typedef struct tctx {
	save_ctx *c;
	drv_st *st[T_COUNT];
} tctx;

static drv_st *
tq(tctx *t, int k)
{
	if (store_stmt(t->c->s, &t->st[k], sql[k], t->c->e) != 0)
		return NULL;
	return t->st[k];
}

#define TQ(t, k, st) do { \
	if (((st) = tq((t), (k))) == NULL) \
		return (t)->c->e->code ? (t)->c->e->code : EX_SOFTWARE; \
} while (0)

static int
trun(tctx *t, drv_st *st)
{
	return store_run(t->c->s, st, t->c->e);
}

/* ---- canonical texts ---- */

typedef struct teks {
	char *p;
	size_t n;
	FILE *f;
} teks;

static void
tx_open(teks *x)
{
	x->p = NULL;
	x->n = 0;
	if ((x->f = open_memstream(&x->p, &x->n)) == NULL)
		lk_fatal("out of memory");
}

/* The text, or NULL when nothing was written (free it). */
static char *
tx_close(teks *x)
{
	if (fclose(x->f) != 0)
		lk_fatal("out of memory");
	if (x->n == 0) {
		free(x->p);
		return NULL;
	}
	if (x->p[x->n - 1] == '\n')
		x->p[x->n - 1] = '\0';
	return x->p;
}

static void
tx_s(teks *x, const char *key, const char *v)
{
	if (v != NULL)
		fprintf(x->f, "%s: %s\n", key, v);
}

static void
tx_n(teks *x, const char *key, int64_t v, int scale)
{
	char buf[DEC_BUFSZ];

	fprintf(x->f, "%s: %s\n", key, dec_format_machine(v, scale, buf));
}

static void
tx_list(teks *x, const char *key, char *const *v, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(x->f, "%s[%zu]: %s\n", key, i, v[i]);
}

static void
tx_teks(teks *x, const teks_ganti *g, size_t n)
{
	for (size_t i = 0; i < n; i++)
		fprintf(x->f, "teks.%s: %s\n", g[i].nama, g[i].teks);
}

static const char *
syarat_nama(enum kategori_syarat s)
{
	return s == KATEGORI_LEBIH_DARI ? "lebih_dari" :
	       s == KATEGORI_MINIMAL ? "minimal" : NULL;
}

static char *
text_renstra(const rencana *r)
{
	teks x;

	tx_open(&x);
	if (r->renstra.ada) {
		fprintf(x.f, "%d-%d\n", r->renstra.awal, r->renstra.akhir);
		tx_s(&x, "nama", r->renstra.nama);
	}
	return tx_close(&x);
}

static bool
tahun_nilai_equal(const tahun_nilai *a, size_t na, const tahun_nilai *b,
		  size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (a[i].tahun != b[i].tahun || a[i].nilai != b[i].nilai)
			return false;
	return true;
}

/* The fields text_iku writes, compared one by one: true implies the same
 * text (the test before the texts are built, 5,000 times a save). */
static bool
iku_tahunan_equal(const iku *a, const iku *b)
{
	if (a->ada_baseline != b->ada_baseline ||
	    (a->ada_baseline && (a->baseline_tahun != b->baseline_tahun ||
				 a->baseline_nilai != b->baseline_nilai)) ||
	    a->ada_standar_nasional != b->ada_standar_nasional ||
	    (a->ada_standar_nasional &&
	     a->standar_nasional != b->standar_nasional) ||
	    !tahun_nilai_equal(a->target_renstra, a->n_target_renstra,
			       b->target_renstra, b->n_target_renstra) ||
	    !tahun_nilai_equal(a->riwayat, a->n_riwayat, b->riwayat, b->n_riwayat)
	    || a->n_kategori != b->n_kategori)
		return false;
	for (size_t i = 0; i < a->n_kategori; i++)
		if (!store_streq(a->kategori[i].label, b->kategori[i].label) ||
		    a->kategori[i].syarat != b->kategori[i].syarat ||
		    a->kategori[i].batas != b->kategori[i].batas)
			return false;
	return true;
}

/* text_iku(k) is NULL: the IKU has none of that data. */
static bool
iku_tahunan_empty(const iku *k)
{
	return !k->ada_baseline && k->n_target_renstra == 0 &&
	       k->n_riwayat == 0 && k->n_kategori == 0 &&
	       !k->ada_standar_nasional;
}

/* The plan data of an IKU for the year (baseline ... standar). */
static char *
text_iku(const iku *k)
{
	teks x;

	tx_open(&x);
	if (k->ada_baseline) {
		fprintf(x.f, "baseline.tahun: %d\n", k->baseline_tahun);
		tx_n(&x, "baseline.nilai", k->baseline_nilai, DEC_NILAI);
	}
	for (size_t i = 0; i < k->n_target_renstra; i++) {
		fprintf(x.f, "target_renstra.%d: ", k->target_renstra[i].tahun);
		tx_n(&x, "", k->target_renstra[i].nilai, DEC_NILAI);
	}
	for (size_t i = 0; i < k->n_riwayat; i++) {
		fprintf(x.f, "riwayat.%d: ", k->riwayat[i].tahun);
		tx_n(&x, "", k->riwayat[i].nilai, DEC_NILAI);
	}
	for (size_t i = 0; i < k->n_kategori; i++) {
		const kategori_band *b = &k->kategori[i];
		char buf[DEC_BUFSZ];

		fprintf(x.f, "kategori[%zu]: %s", i, b->label);
		if (b->syarat != KATEGORI_SISA)
			fprintf(x.f, " %s %s", syarat_nama(b->syarat),
				dec_format_machine(b->batas, DEC_NILAI, buf));
		fputc('\n', x.f);
	}
	if (k->ada_standar_nasional)
		tx_n(&x, "standar_nasional", k->standar_nasional, DEC_NILAI);
	return tx_close(&x);
}

static char *
text_kategori(const iku *k)
{
	teks x;

	tx_open(&x);
	for (size_t i = 0; i < k->n_kategori; i++)
		fprintf(x.f, "%s %d %" PRId64 "\n", k->kategori[i].label,
			(int)k->kategori[i].syarat, k->kategori[i].batas);
	return tx_close(&x);
}

static char *
text_keterangan(const rencana *r, int tw)
{
	teks x;

	tx_open(&x);
	for (size_t i = 0; i < r->n_sasaran; i++)
		for (size_t j = 0; j < r->sasaran[i].n_iku; j++)
			tx_s(&x, r->sasaran[i].iku[j].kode,
			     r->sasaran[i].iku[j].keterangan[tw]);
	return tx_close(&x);
}

static void
tx_tabel(teks *x, const char *kode, const tabel *tb, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		fprintf(x->f, "tabel.%s[%zu].judul: %s\n", kode, i, tb[i].judul);
		for (size_t k = 0; k < tb[i].n_kolom; k++)
			fprintf(x->f, "tabel.%s[%zu].kolom[%zu]: %s\n", kode, i, k,
				tb[i].kolom[k]);
		for (size_t b = 0; b < tb[i].n_baris; b++)
			for (size_t k = 0; k < tb[i].n_sel[b]; k++)
				fprintf(x->f, "tabel.%s[%zu].baris[%zu][%zu]: %s\n",
					kode, i, b, k, tb[i].baris[b][k]);
		if (tb[i].catatan != NULL)
			fprintf(x->f, "tabel.%s[%zu].catatan: %s\n", kode, i,
				tb[i].catatan);
	}
}

static char *
text_tahunan(const rencana *r)
{
	const tahunan *t = &r->tahunan;
	teks x;

	tx_open(&x);
	if (!t->ada)
		return tx_close(&x);
	fprintf(x.f, "tanggal: %04d-%02d-%02d\n", t->tahun, t->bulan, t->hari);
	for (size_t i = 0; i < r->n_sasaran; i++)
		for (size_t j = 0; j < r->sasaran[i].n_iku; j++) {
			const iku *k = &r->sasaran[i].iku[j];

			if (k->ada_realisasi_tahunan) {
				fprintf(x.f, "realisasi_iku.%s", k->kode);
				tx_n(&x, "", k->realisasi_tahunan, DEC_NILAI);
			}
		}
	for (size_t i = 0; i < r->n_program; i++)
		if (r->program[i].ada_realisasi_tahunan) {
			fprintf(x.f, "realisasi_program.%s", r->program[i].kode);
			tx_n(&x, "", r->program[i].realisasi_tahunan, DEC_UANG);
		}
	tx_s(&x, "ringkasan", t->ringkasan);
	tx_s(&x, "gambaran_umum", t->gambaran_umum);
	tx_list(&x, "isu_strategis", t->isu_strategis, t->n_isu_strategis);
	for (size_t i = 0; i < r->n_sasaran; i++) {
		const sasaran *s = &r->sasaran[i];

		if (s->narasi_tahunan != NULL)
			fprintf(x.f, "narasi.%s: %s\n", s->kode, s->narasi_tahunan);
		tx_tabel(&x, s->kode, s->tabel_tahunan, s->n_tabel_tahunan);
	}
	tx_list(&x, "permasalahan", t->permasalahan, t->n_permasalahan);
	tx_list(&x, "tindak_lanjut", t->tindak_lanjut, t->n_tindak_lanjut);
	tx_s(&x, "kesimpulan", t->kesimpulan);
	tx_teks(&x, t->teks, t->n_teks);
	return tx_close(&x);
}

static char *
text_perjanjian(const rencana *r)
{
	const perjanjian *p = &r->perjanjian;
	teks x;

	tx_open(&x);
	if (!p->ada)
		return tx_close(&x);
	fprintf(x.f, "tanggal: %04d-%02d-%02d\n", p->tahun, p->bulan, p->hari);
	tx_s(&x, "pihak_kedua.nama", p->pihak_kedua.nama);
	tx_s(&x, "pihak_kedua.jabatan", p->pihak_kedua.jabatan);
	tx_s(&x, "pihak_kedua.pangkat", p->pihak_kedua.pangkat);
	tx_s(&x, "pihak_kedua.nip", p->pihak_kedua.nip);
	tx_teks(&x, p->teks, p->n_teks);
	return tx_close(&x);
}

/* The stored plan's IKU with kode, or NULL (the kode map of the stored
 * side, built by sv_side_build). */
static const iku *
iku_of(const save_ctx *c, const char *kode)
{
	size_t i;

	return store_strmap_get(&c->od.iku, kode, &i) ? c->od.ik.k[i] : NULL;
}

/* ---- locks ---- */

int
sv_lock_tahunan(save_ctx *c)
{
	const rencana *o = c->old.r, *r = c->r;
	bool locked[TW_MAX + 1], any;

	if (!c->old.ada_instansi)
		return 0;
	TRY(sv_locked_quarters(c, locked, &any));
	if (any && (!store_streq(o->instansi.zona_waktu, r->instansi.zona_waktu) ||
		    !store_streq(o->instansi.verifikasi, r->instansi.verifikasi)))
		return lk_fail(c->e, EX_NOPERM,
			       _("%s: the agency's profile appears in every signed"
				 " report and a quarter of '%s' is locked: it"
				 " cannot change until an admin unlocks it"),
			       c->s->path, r->instansi.kode);
	for (int n = 1; n <= TW_MAX; n++) {
		bool beda = false;
		char *a, *b;

		if (!locked[n])
			continue;
		a = text_keterangan(o, n);
		b = text_keterangan(r, n);
		beda = !store_streq(a, b);
		free(a);
		free(b);
		/* A kategori is printed in the quarter instead of the predikat. */
		for (size_t i = 0; !beda && i < r->n_sasaran; i++)
			for (size_t j = 0; !beda && j < r->sasaran[i].n_iku; j++) {
				const iku *k = &r->sasaran[i].iku[j];
				const iku *ok = iku_of(c, k->kode);

				if (ok == NULL)
					continue;
				a = text_kategori(ok);
				b = text_kategori(k);
				beda = !store_streq(a, b);
				free(a);
				free(b);
			}
		if (beda)
			return lk_fail(c->e, EX_NOPERM,
				       _("%s: quarter %d of %d is locked (finalised):"
					 " this change would alter its data or the"
					 " plan entries it shows; an admin must unlock"
					 " it first"), c->s->path, n, r->tahun);
	}
	return 0;
}

int
sv_lock_lkjip(save_ctx *c)
{
	store_pk_state st;
	char *a, *b;
	int rc = 0;

	if (!c->old.ada_rencana)
		return 0;
	/* The annual data compared first: the state of the LKjIP's
	 * signature is read only when that changes. */
	a = text_tahunan(c->old.r);
	b = text_tahunan(c->r);
	if (store_streq(a, b)) {
		free(a);
		free(b);
		return 0;
	}
	if ((rc = sv_dok_state(c->s, STORE_DOK_LKJIP, c->old.rencana_id, &st,
			       c->e)) != 0) {
		free(a);
		free(b);
		return rc;
	}
	if (st.locked)
		rc = lk_fail(c->e, EX_NOPERM, _("%s: the LKjIP %d is signed "
			     "(version %d, at %s): the year's annual data (its "
			     "texts, the annual realisations and narratives) cannot "
			     "change until an admin unlocks it (lakip unlock "
			     "--dokumen lkjip)"), c->s->path, c->r->tahun,
			     st.version, st.sig[1].signed_at);
	free(a);
	free(b);
	store_pk_state_free(&st);
	return rc;
}

/* ---- writing ---- */

static int
save_instansi_tahunan(tctx *t)
{
	save_ctx *c = t->c;
	const instansi *o = c->old.ada_instansi ? &c->old.r->instansi : NULL;
	const instansi *in = &c->r->instansi;
	drv_st *st;

	if (o != NULL && store_streq(o->zona_waktu, in->zona_waktu) &&
	    store_streq(o->verifikasi, in->verifikasi) &&
	    store_streq(o->tsa, in->tsa))
		return 0;
	if (!store_streq(o ? o->zona_waktu : NULL, in->zona_waktu))
		TRY(sv_au(c, NULL, c->scope_instansi, "instansi", in->kode,
			  "zona_waktu", o ? o->zona_waktu : NULL, in->zona_waktu));
	if (!store_streq(o ? o->verifikasi : NULL, in->verifikasi))
		TRY(sv_au(c, NULL, c->scope_instansi, "instansi", in->kode,
			  "verifikasi", o ? o->verifikasi : NULL, in->verifikasi));
	if (!store_streq(o ? o->tsa : NULL, in->tsa))
		TRY(sv_au(c, NULL, c->scope_instansi, "instansi", in->kode,
			  "tsa", o ? o->tsa : NULL, in->tsa));
	if (o == NULL && in->zona_waktu == NULL && in->verifikasi == NULL &&
	    in->tsa == NULL)
		return 0;
	TQ(t, T_INSTANSI_UPD, st);
	store_bind_int(c->s, st, 1, c->instansi_id);
	store_bind_text(c->s, st, 2, in->zona_waktu);
	store_bind_text(c->s, st, 3, in->verifikasi);
	store_bind_text(c->s, st, 4, in->tsa);
	return trun(t, st);
}

/* Audit a group's texts (NULL: the group is absent) and count it in the
 * diff; *changed when they differ.  Frees both. */
static int
au_group(save_ctx *c, const char *scope, const char *tbl, const char *kode,
	 const char *field, char *a, char *b, bool *changed)
{
	store_diff_count *n = &c->d.n[DIFF_TAHUNAN];
	int rc = 0;

	*changed = !store_streq(a, b);
	if (a == NULL && b != NULL)
		n->added++;
	else if (a != NULL && b == NULL)
		n->removed++;
	else if (a != NULL && *changed)
		n->changed++;
	else if (a != NULL)
		n->unchanged++;
	if (*changed)
		rc = sv_au(c, NULL, scope, tbl, kode, field, a, b);
	free(a);
	free(b);
	return rc;
}

static int
save_renstra(tctx *t, bool *plan)
{
	save_ctx *c = t->c;
	const rencana *r = c->r;
	drv_st *st;
	bool changed;

	TRY(au_group(c, c->scope_plan, "renstra", r->instansi.kode, "renstra",
		     text_renstra(c->old.r), text_renstra(r), &changed));
	if (!changed)
		return 0;
	*plan = true;
	TQ(t, T_RENSTRA_DEL, st);
	store_bind_int(c->s, st, 1, c->rencana_id);
	TRY(trun(t, st));
	if (!r->renstra.ada)
		return 0;
	TQ(t, T_RENSTRA_INS, st);
	store_bind_int(c->s, st, 1, c->rencana_id);
	store_bind_int(c->s, st, 2, r->renstra.awal);
	store_bind_int(c->s, st, 3, r->renstra.akhir);
	store_bind_text(c->s, st, 4, r->renstra.nama);
	return trun(t, st);
}

static int
ins_tahun(tctx *t, const iku *k, const char *jenis, const tahun_nilai *v,
	  size_t n)
{
	save_ctx *c = t->c;
	drv_st *st;

	for (size_t i = 0; i < n; i++) {
		TQ(t, T_IKU_TAHUN_INS, st);
		store_bind_int(c->s, st, 1, c->rencana_id);
		store_bind_text(c->s, st, 2, k->kode);
		store_bind_text(c->s, st, 3, jenis);
		store_bind_int(c->s, st, 4, v[i].tahun);
		store_bind_int(c->s, st, 5, v[i].nilai);
		TRY(trun(t, st));
	}
	return 0;
}

static int
ins_iku(tctx *t, const iku *k)
{
	save_ctx *c = t->c;
	drv_st *st;

	if (k->ada_baseline || k->ada_standar_nasional) {
		TQ(t, T_IKU_TAHUNAN_INS, st);
		store_bind_int(c->s, st, 1, c->rencana_id);
		store_bind_text(c->s, st, 2, k->kode);
		if (k->ada_baseline) {
			store_bind_int(c->s, st, 3, k->baseline_tahun);
			store_bind_int(c->s, st, 4, k->baseline_nilai);
		}
		if (k->ada_standar_nasional)
			store_bind_int(c->s, st, 5, k->standar_nasional);
		TRY(trun(t, st));
	}
	TRY(ins_tahun(t, k, "renstra", k->target_renstra, k->n_target_renstra));
	TRY(ins_tahun(t, k, "riwayat", k->riwayat, k->n_riwayat));
	for (size_t i = 0; i < k->n_kategori; i++) {
		const kategori_band *b = &k->kategori[i];

		TQ(t, T_KATEGORI_INS, st);
		store_bind_int(c->s, st, 1, c->rencana_id);
		store_bind_text(c->s, st, 2, k->kode);
		store_bind_int(c->s, st, 3, (int64_t)i);
		store_bind_text(c->s, st, 4, b->label);
		store_bind_text(c->s, st, 5, syarat_nama(b->syarat));
		if (b->syarat != KATEGORI_SISA)
			store_bind_int(c->s, st, 6, b->batas);
		TRY(trun(t, st));
	}
	return 0;
}

/* The IKU's plan data for the year: audited per IKU, all rewritten when
 * one differs. */
static int
save_iku_tahunan(tctx *t, bool *plan)
{
	save_ctx *c = t->c;
	const rencana *r = c->r;
	bool any = false, changed;
	drv_st *st;
	char scope[200];

	snprintf(scope, sizeof scope, "%s", c->scope_plan);
	for (size_t i = 0; i < r->n_sasaran; i++)
		for (size_t j = 0; j < r->sasaran[i].n_iku; j++) {
			const iku *k = &r->sasaran[i].iku[j];
			const iku *ok = iku_of(c, k->kode);

			/* Equal: counted as au_group would, no text built. */
			if (ok != NULL && iku_tahunan_equal(ok, k)) {
				if (!iku_tahunan_empty(k))
					c->d.n[DIFF_TAHUNAN].unchanged++;
				continue;
			}
			TRY(au_group(c, scope, "iku_tahunan", k->kode, "tahunan",
				     ok ? text_iku(ok) : NULL, text_iku(k),
				     &changed));
			any = any || changed;
		}
	/* An IKU that went away takes its rows with it (cascade). */
	if (!any)
		return 0;
	*plan = true;
	TQ(t, T_IKU_TAHUNAN_DEL, st);
	store_bind_int(c->s, st, 1, c->rencana_id);
	TRY(trun(t, st));
	TQ(t, T_IKU_TAHUN_DEL, st);
	store_bind_int(c->s, st, 1, c->rencana_id);
	TRY(trun(t, st));
	TQ(t, T_KATEGORI_DEL, st);
	store_bind_int(c->s, st, 1, c->rencana_id);
	TRY(trun(t, st));
	for (size_t i = 0; i < r->n_sasaran; i++)
		for (size_t j = 0; j < r->sasaran[i].n_iku; j++)
			TRY(ins_iku(t, &r->sasaran[i].iku[j]));
	return 0;
}

static int
save_keterangan(tctx *t)
{
	save_ctx *c = t->c;
	const rencana *r = c->r;
	drv_st *st;
	bool changed;

	for (int n = 1; n <= TW_MAX; n++) {
		TRY(au_group(c, c->scope_tw[n], "keterangan", r->instansi.kode,
			     "keterangan", text_keterangan(c->old.r, n),
			     text_keterangan(r, n), &changed));
		if (!changed)
			continue;
		TQ(t, T_KET_DEL, st);
		store_bind_int(c->s, st, 1, c->rencana_id);
		store_bind_int(c->s, st, 2, n);
		TRY(trun(t, st));
		if (!r->tw[n].ada)
			continue;
		for (size_t i = 0; i < r->n_sasaran; i++)
			for (size_t j = 0; j < r->sasaran[i].n_iku; j++) {
				const iku *k = &r->sasaran[i].iku[j];

				if (k->keterangan[n] == NULL)
					continue;
				TQ(t, T_KET_INS, st);
				store_bind_int(c->s, st, 1, c->rencana_id);
				store_bind_text(c->s, st, 2, k->kode);
				store_bind_int(c->s, st, 3, n);
				store_bind_text(c->s, st, 4, k->keterangan[n]);
				TRY(trun(t, st));
			}
	}
	return 0;
}

static int
del_rencana(tctx *t, int k)
{
	drv_st *st;

	TQ(t, k, st);
	store_bind_int(t->c->s, st, 1, t->c->rencana_id);
	return trun(t, st);
}

static int
ins_daftar(tctx *t, const char *jenis, char *const *v, size_t n)
{
	save_ctx *c = t->c;
	drv_st *st;

	for (size_t i = 0; i < n; i++) {
		TQ(t, T_DAFTAR_INS, st);
		store_bind_int(c->s, st, 1, c->rencana_id);
		store_bind_text(c->s, st, 2, jenis);
		store_bind_int(c->s, st, 3, (int64_t)i);
		store_bind_text(c->s, st, 4, v[i]);
		TRY(trun(t, st));
	}
	return 0;
}

static int
ins_teks(tctx *t, const char *dokumen, const teks_ganti *g, size_t n)
{
	save_ctx *c = t->c;
	drv_st *st;

	for (size_t i = 0; i < n; i++) {
		TQ(t, T_TEKS_INS, st);
		store_bind_int(c->s, st, 1, c->rencana_id);
		store_bind_text(c->s, st, 2, dokumen);
		store_bind_int(c->s, st, 3, (int64_t)i);
		store_bind_text(c->s, st, 4, g[i].nama);
		store_bind_text(c->s, st, 5, g[i].teks);
		TRY(trun(t, st));
	}
	return 0;
}

static int
ins_sel(tctx *t, int64_t id, int64_t baris, size_t kolom, const char *s)
{
	drv_st *st;

	TQ(t, T_SEL_INS, st);
	store_bind_int(t->c->s, st, 1, id);
	store_bind_int(t->c->s, st, 2, baris);
	store_bind_int(t->c->s, st, 3, (int64_t)kolom);
	store_bind_text(t->c->s, st, 4, s);
	return trun(t, st);
}

static int
ins_tabel(tctx *t, const sasaran *s)
{
	save_ctx *c = t->c;
	drv_st *st;

	for (size_t i = 0; i < s->n_tabel_tahunan; i++) {
		const tabel *tb = &s->tabel_tahunan[i];
		int64_t id;

		TQ(t, T_TABEL_INS, st);
		store_bind_int(c->s, st, 1, c->rencana_id);
		store_bind_text(c->s, st, 2, s->kode);
		store_bind_int(c->s, st, 3, (int64_t)i);
		store_bind_text(c->s, st, 4, tb->judul);
		store_bind_text(c->s, st, 5, tb->catatan);
		TRY(sv_run_insert(c, st, &id));
		/* Row -1 holds the column headers. */
		for (size_t k = 0; k < tb->n_kolom; k++)
			TRY(ins_sel(t, id, -1, k, tb->kolom[k]));
		for (size_t b = 0; b < tb->n_baris; b++)
			for (size_t k = 0; k < tb->n_sel[b]; k++)
				TRY(ins_sel(t, id, (int64_t)b, k, tb->baris[b][k]));
	}
	return 0;
}

static int
save_tahunan_report(tctx *t)
{
	save_ctx *c = t->c;
	const rencana *r = c->r;
	const tahunan *th = &r->tahunan;
	drv_st *st;
	char date[16];
	bool changed;

	TRY(au_group(c, c->scope_plan, "tahunan", r->instansi.kode, "tahunan",
		     text_tahunan(c->old.r), text_tahunan(r), &changed));
	if (!changed)
		return 0;
	TRY(del_rencana(t, T_TAHUNAN_DEL));
	TRY(del_rencana(t, T_REAL_IKU_DEL));
	TRY(del_rencana(t, T_REAL_PROGRAM_DEL));
	TRY(del_rencana(t, T_DAFTAR_DEL));
	TRY(del_rencana(t, T_NARASI_DEL));
	TRY(del_rencana(t, T_TABEL_DEL));
	if (!th->ada)
		return 0;
	snprintf(date, sizeof date, "%04d-%02d-%02d", th->tahun, th->bulan,
		 th->hari);
	TQ(t, T_TAHUNAN_INS, st);
	store_bind_int(c->s, st, 1, c->rencana_id);
	store_bind_text(c->s, st, 2, date);
	store_bind_text(c->s, st, 3, th->ringkasan);
	store_bind_text(c->s, st, 4, th->gambaran_umum);
	store_bind_text(c->s, st, 5, th->kesimpulan);
	TRY(trun(t, st));
	for (size_t i = 0; i < r->n_sasaran; i++) {
		const sasaran *s = &r->sasaran[i];

		for (size_t j = 0; j < s->n_iku; j++) {
			if (!s->iku[j].ada_realisasi_tahunan)
				continue;
			TQ(t, T_REAL_IKU_INS, st);
			store_bind_int(c->s, st, 1, c->rencana_id);
			store_bind_text(c->s, st, 2, s->iku[j].kode);
			store_bind_int(c->s, st, 3, s->iku[j].realisasi_tahunan);
			TRY(trun(t, st));
		}
		if (s->narasi_tahunan != NULL) {
			TQ(t, T_NARASI_INS, st);
			store_bind_int(c->s, st, 1, c->rencana_id);
			store_bind_text(c->s, st, 2, s->kode);
			store_bind_text(c->s, st, 3, s->narasi_tahunan);
			TRY(trun(t, st));
		}
		TRY(ins_tabel(t, s));
	}
	for (size_t i = 0; i < r->n_program; i++) {
		if (!r->program[i].ada_realisasi_tahunan)
			continue;
		TQ(t, T_REAL_PROGRAM_INS, st);
		store_bind_int(c->s, st, 1, c->rencana_id);
		store_bind_text(c->s, st, 2, r->program[i].kode);
		store_bind_int(c->s, st, 3, r->program[i].realisasi_tahunan);
		TRY(trun(t, st));
	}
	TRY(ins_daftar(t, "isu_strategis", th->isu_strategis,
		       th->n_isu_strategis));
	TRY(ins_daftar(t, "permasalahan", th->permasalahan, th->n_permasalahan));
	return ins_daftar(t, "tindak_lanjut", th->tindak_lanjut,
			  th->n_tindak_lanjut);
}

/* The template overrides of both documents share a table. */
static int
save_teks(tctx *t, bool changed)
{
	const rencana *r = t->c->r;

	if (!changed)
		return 0;
	TRY(del_rencana(t, T_TEKS_DEL));
	if (r->tahunan.ada)
		TRY(ins_teks(t, "tahunan", r->tahunan.teks, r->tahunan.n_teks));
	if (r->perjanjian.ada)
		TRY(ins_teks(t, "perjanjian", r->perjanjian.teks,
			     r->perjanjian.n_teks));
	return 0;
}

static int
save_perjanjian(tctx *t, bool *plan)
{
	save_ctx *c = t->c;
	const rencana *r = c->r;
	const perjanjian *p = &r->perjanjian;
	drv_st *st;
	char date[16];
	bool changed;

	TRY(au_group(c, c->scope_plan, "perjanjian", r->instansi.kode,
		     "perjanjian", text_perjanjian(c->old.r),
		     text_perjanjian(r), &changed));
	if (!changed)
		return 0;
	*plan = true;
	TRY(del_rencana(t, T_PK_DEL));
	if (!p->ada)
		return 0;
	snprintf(date, sizeof date, "%04d-%02d-%02d", p->tahun, p->bulan,
		 p->hari);
	TQ(t, T_PK_INS, st);
	store_bind_int(c->s, st, 1, c->rencana_id);
	store_bind_text(c->s, st, 2, date);
	store_bind_text(c->s, st, 3, p->pihak_kedua.nama);
	store_bind_text(c->s, st, 4, p->pihak_kedua.jabatan);
	store_bind_text(c->s, st, 5, p->pihak_kedua.pangkat);
	store_bind_text(c->s, st, 6, p->pihak_kedua.nip);
	return trun(t, st);
}

static bool
teks_sama(const teks_ganti *a, size_t na, const teks_ganti *b, size_t nb)
{
	if (na != nb)
		return false;
	for (size_t i = 0; i < na; i++)
		if (!store_streq(a[i].nama, b[i].nama) ||
		    !store_streq(a[i].teks, b[i].teks))
			return false;
	return true;
}

static bool
has_year_data(const rencana *r)
{
	if (r->renstra.ada || r->tahunan.ada || r->perjanjian.ada ||
	    r->instansi.zona_waktu != NULL || r->instansi.verifikasi != NULL ||
	    r->instansi.tsa != NULL)
		return true;
	for (size_t i = 0; i < r->n_sasaran; i++)
		for (size_t j = 0; j < r->sasaran[i].n_iku; j++) {
			const iku *k = &r->sasaran[i].iku[j];

			if (k->ada_baseline || k->n_target_renstra || k->n_riwayat ||
			    k->n_kategori || k->ada_standar_nasional)
				return true;
			for (int n = 1; n <= TW_MAX; n++)
				if (k->keterangan[n] != NULL)
					return true;
		}
	return false;
}

int
sv_save_tahunan(save_ctx *c, bool *plan)
{
	const rencana *o = c->old.r, *r = c->r;
	tctx t;
	bool teks_beda;
	int rc;

	*plan = false;
	if (c->s->version < STORE_VERSION_TAHUNAN)
		return has_year_data(r) ? sv_bad(c, _("the database is too old for"
			" the data of the whole year: open it for writing once to"
			" upgrade it"), "", NULL) : 0;
	memset(&t, 0, sizeof t);
	t.c = c;
	teks_beda = !teks_sama(o->tahunan.teks, o->tahunan.ada ? o->tahunan.n_teks : 0,
			       r->tahunan.teks, r->tahunan.ada ? r->tahunan.n_teks : 0) ||
		!teks_sama(o->perjanjian.teks, o->perjanjian.ada ? o->perjanjian.n_teks : 0,
			   r->perjanjian.teks, r->perjanjian.ada ? r->perjanjian.n_teks : 0);
	rc = save_instansi_tahunan(&t);
	if (rc == 0)
		rc = save_renstra(&t, plan);
	if (rc == 0)
		rc = save_iku_tahunan(&t, plan);
	if (rc == 0)
		rc = save_keterangan(&t);
	if (rc == 0)
		rc = save_tahunan_report(&t);
	if (rc == 0)
		rc = save_perjanjian(&t, plan);
	if (rc == 0)
		rc = save_teks(&t, teks_beda);
	store_finalize_all(t.st, T_COUNT);
	return rc;
}
