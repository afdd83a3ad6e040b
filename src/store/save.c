/* save.c - writing a whole plan, matched by kode, in one transaction.
 *
 * Owns: store_save and its diff.  The stored plan is loaded first (inside
 * the write transaction) and compared with r entity by entity; only what
 * differs is written, by UPDATE in place so that row ids stay stable (later
 * features hang workflow state and audit records on them).  Order of the
 * writes: instansi, bidang, rencana, sasaran, IKU (moves included),
 * programs; then deletions (IKU, sasaran, programs, bidang), so that an
 * IKU moved away from a removed sasaran is not deleted with it; then the
 * quarters present in r.
 */
#include "config.h"
#include "store/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

enum {
	S_INSTANSI_INS, S_INSTANSI_UPD,
	S_BIDANG_INS, S_BIDANG_UPD, S_BIDANG_DEL, S_BIDANG_URUTAN,
	S_RENCANA_INS,
	S_SASARAN_INS, S_SASARAN_UPD, S_SASARAN_DEL,
	S_IKU_INS, S_IKU_UPD, S_IKU_DEL, S_IKU_TW_DEL, S_IKU_TW_INS,
	S_PROGRAM_INS, S_PROGRAM_UPD, S_PROGRAM_DEL, S_PROGRAM_TW_DEL,
	S_PROGRAM_TW_INS, S_PS_DEL, S_PS_INS,
	S_TW_INS, S_TW_UPD,
	S_CLR_REAL_IKU, S_CLR_REAL_PROGRAM, S_CLR_NARASI, S_CLR_TABEL,
	S_CLR_PERMASALAHAN, S_CLR_TINDAK_LANJUT, S_CLR_TEKS,
	S_REAL_IKU_INS, S_REAL_PROGRAM_INS, S_NARASI_INS, S_TABEL_INS,
	S_KOLOM_INS, S_SEL_INS, S_PERMASALAHAN_INS, S_TINDAK_LANJUT_INS,
	S_TEKS_INS,
	S_COUNT
};

/* The INSERT and the UPDATE of a table share parameter numbers, so one
 * binding sequence serves both: ?1 is the parent id for INSERT and the row
 * id for UPDATE, the kode (INSERT only) comes next, then the fields. */
static const char *const save_sql[S_COUNT] = {
	[S_INSTANSI_INS] =
	"INSERT INTO instansi (kode, nama, pemerintah, kota, logo, kepala_nama,"
	" kepala_jabatan, kepala_pangkat, kepala_nip)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
	[S_INSTANSI_UPD] =
	"UPDATE instansi SET nama = ?2, pemerintah = ?3, kota = ?4, logo = ?5,"
	" kepala_nama = ?6, kepala_jabatan = ?7, kepala_pangkat = ?8,"
	" kepala_nip = ?9 WHERE id = ?1",
	[S_BIDANG_INS] =
	"INSERT INTO bidang (instansi_id, kode, nama, kepala_nama, kepala_jabatan,"
	" kepala_pangkat, kepala_nip, urutan)"
	" VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[S_BIDANG_UPD] =
	"UPDATE bidang SET nama = ?3, kepala_nama = ?4, kepala_jabatan = ?5,"
	" kepala_pangkat = ?6, kepala_nip = ?7, urutan = ?8 WHERE id = ?1",
	[S_BIDANG_DEL] =
	"DELETE FROM bidang WHERE id = ?1"
	" AND NOT EXISTS (SELECT 1 FROM sasaran WHERE bidang_id = ?1)",
	[S_BIDANG_URUTAN] =
	"UPDATE bidang SET urutan = ?2 WHERE id = ?1",
	[S_RENCANA_INS] =
	"INSERT INTO rencana (instansi_id, tahun) VALUES (?1, ?2)",
	[S_SASARAN_INS] =
	"INSERT INTO sasaran (rencana_id, kode, uraian, bidang_id, urutan)"
	" VALUES (?1, ?2, ?3, ?4, ?5)",
	[S_SASARAN_UPD] =
	"UPDATE sasaran SET uraian = ?3, bidang_id = ?4, urutan = ?5"
	" WHERE id = ?1",
	[S_SASARAN_DEL] = "DELETE FROM sasaran WHERE id = ?1",
	[S_IKU_INS] =
	"INSERT INTO iku (rencana_id, sasaran_id, kode, uraian, satuan,"
	" polaritas, target, urutan) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8)",
	[S_IKU_UPD] =
	"UPDATE iku SET sasaran_id = ?2, uraian = ?4, satuan = ?5,"
	" polaritas = ?6, target = ?7, urutan = ?8 WHERE id = ?1",
	[S_IKU_DEL] = "DELETE FROM iku WHERE id = ?1",
	[S_IKU_TW_DEL] = "DELETE FROM iku_target_tw WHERE iku_id = ?1",
	[S_IKU_TW_INS] =
	"INSERT INTO iku_target_tw (iku_id, triwulan, target) VALUES (?1, ?2, ?3)",
	[S_PROGRAM_INS] =
	"INSERT INTO program (rencana_id, kode, uraian, anggaran, urutan)"
	" VALUES (?1, ?2, ?3, ?4, ?5)",
	[S_PROGRAM_UPD] =
	"UPDATE program SET uraian = ?3, anggaran = ?4, urutan = ?5 WHERE id = ?1",
	[S_PROGRAM_DEL] = "DELETE FROM program WHERE id = ?1",
	[S_PROGRAM_TW_DEL] = "DELETE FROM program_target_tw WHERE program_id = ?1",
	[S_PROGRAM_TW_INS] =
	"INSERT INTO program_target_tw (program_id, triwulan, target)"
	" VALUES (?1, ?2, ?3)",
	[S_PS_DEL] = "DELETE FROM program_sasaran WHERE program_id = ?1",
	[S_PS_INS] =
	"INSERT INTO program_sasaran (program_id, sasaran_id, urutan)"
	" VALUES (?1, ?2, ?3)",
	[S_TW_INS] =
	"INSERT INTO triwulan (rencana_id, nomor, tanggal, kesimpulan)"
	" VALUES (?1, ?2, ?3, ?4)",
	[S_TW_UPD] =
	"UPDATE triwulan SET tanggal = ?2, kesimpulan = ?3 WHERE id = ?1",
	[S_CLR_REAL_IKU] = "DELETE FROM realisasi_iku WHERE triwulan_id = ?1",
	[S_CLR_REAL_PROGRAM] =
	"DELETE FROM realisasi_program WHERE triwulan_id = ?1",
	[S_CLR_NARASI] = "DELETE FROM narasi WHERE triwulan_id = ?1",
	[S_CLR_TABEL] = "DELETE FROM tabel WHERE triwulan_id = ?1",
	[S_CLR_PERMASALAHAN] = "DELETE FROM permasalahan WHERE triwulan_id = ?1",
	[S_CLR_TINDAK_LANJUT] = "DELETE FROM tindak_lanjut WHERE triwulan_id = ?1",
	[S_CLR_TEKS] = "DELETE FROM teks_ganti WHERE triwulan_id = ?1",
	[S_REAL_IKU_INS] =
	"INSERT INTO realisasi_iku (triwulan_id, iku_id, nilai) VALUES (?1, ?2, ?3)",
	[S_REAL_PROGRAM_INS] =
	"INSERT INTO realisasi_program (triwulan_id, program_id, nilai)"
	" VALUES (?1, ?2, ?3)",
	[S_NARASI_INS] =
	"INSERT INTO narasi (triwulan_id, sasaran_id, teks) VALUES (?1, ?2, ?3)",
	[S_TABEL_INS] =
	"INSERT INTO tabel (triwulan_id, sasaran_id, urutan, judul, catatan,"
	" jumlah_baris) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
	[S_KOLOM_INS] =
	"INSERT INTO tabel_kolom (tabel_id, urutan, teks) VALUES (?1, ?2, ?3)",
	[S_SEL_INS] =
	"INSERT INTO tabel_sel (tabel_id, baris, kolom, teks)"
	" VALUES (?1, ?2, ?3, ?4)",
	[S_PERMASALAHAN_INS] =
	"INSERT INTO permasalahan (triwulan_id, urutan, teks) VALUES (?1, ?2, ?3)",
	[S_TINDAK_LANJUT_INS] =
	"INSERT INTO tindak_lanjut (triwulan_id, urutan, teks) VALUES (?1, ?2, ?3)",
	[S_TEKS_INS] =
	"INSERT INTO teks_ganti (triwulan_id, nama, teks, urutan)"
	" VALUES (?1, ?2, ?3, ?4)",
};

/* One side (stored or new) of the IKU, flattened in report order. */
typedef struct iku_list {
	size_t n;
	const iku **k;       /* [n] */
	size_t *sasaran;     /* index of the parent sasaran */
	size_t *pos;         /* index within the parent */
	size_t *rank;        /* place among the IKU that stay in that sasaran */
	size_t *peer;        /* index on the other side, or SIZE_MAX */
} iku_list;

typedef struct side {
	store_strmap bidang, sasaran, iku, program;   /* kode -> index */
	size_t *bidang_peer, *sasaran_peer, *program_peer;
	size_t *bidang_rank, *sasaran_rank, *program_rank;
	iku_list ik;
} side;

typedef struct save_ctx {
	store *s;
	lk_err *e;
	const rencana *r;
	store_plan old;
	store_diff d;
	sqlite3_stmt *st[S_COUNT];
	side nw, od;                 /* r, and the stored plan */
	int64_t instansi_id, rencana_id;
	int64_t *bidang_id, *sasaran_id, *program_id, *iku_id;  /* of r */
} save_ctx;

#define NONE SIZE_MAX

static void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size);

	if (p == NULL)
		lk_fatal("out of memory");
	return p;
}

/* Prepared statement k, reset, with bindings cleared. */
static sqlite3_stmt *
q(save_ctx *c, int k)
{
	if (store_stmt(c->s, &c->st[k], save_sql[k], c->e) != 0)
		return NULL;
	return c->st[k];
}

static int
run(save_ctx *c, sqlite3_stmt *st)
{
	return store_run(c->s, st, c->e);
}

static int
run_insert(save_ctx *c, sqlite3_stmt *st, int64_t *id)
{
	int rc = store_run(c->s, st, c->e);

	if (rc == 0)
		*id = sqlite3_last_insert_rowid(c->s->db);
	return rc;
}

/* Statement k with ?1 = id, run. */
static int
run_id(save_ctx *c, int k, int64_t id)
{
	sqlite3_stmt *st = q(c, k);

	if (st == NULL)
		return c->e != NULL ? c->e->code : EX_SOFTWARE;
	store_bind_int(c->s, st, 1, id);
	return run(c, st);
}

#define Q(c, k, st) do { \
	if (((st) = q((c), (k))) == NULL) \
		return (c)->e != NULL && (c)->e->code ? (c)->e->code : EX_SOFTWARE; \
} while (0)

#define TRY(x) do { int rc_ = (x); if (rc_ != 0) return rc_; } while (0)

static int
bad(save_ctx *c, const char *fmt, const char *a, const char *b)
{
	char msg[LK_ERR_MAX];

	snprintf(msg, sizeof msg, fmt, a, b != NULL ? b : "");
	return lk_fail(c->e, EX_DATAERR, "%s: %s", c->s->path, msg);
}

/* ------------------------------------------------------------------ */
/* comparing */

static bool
pejabat_equal(const pejabat *a, const pejabat *b)
{
	return store_streq(a->nama, b->nama) && store_streq(a->jabatan, b->jabatan)
		&& store_streq(a->pangkat, b->pangkat) && store_streq(a->nip, b->nip);
}

static bool
instansi_equal(const instansi *a, const instansi *b)
{
	return store_streq(a->nama, b->nama)
		&& store_streq(a->pemerintah, b->pemerintah)
		&& store_streq(a->kota, b->kota) && store_streq(a->logo, b->logo)
		&& pejabat_equal(&a->kepala, &b->kepala);
}

static bool
bidang_equal(const bidang *a, const bidang *b)
{
	if (!store_streq(a->nama, b->nama) || a->ada_kepala != b->ada_kepala)
		return false;
	return !a->ada_kepala || pejabat_equal(&a->kepala, &b->kepala);
}

static bool
sasaran_equal(const sasaran *a, const sasaran *b)
{
	return store_streq(a->uraian, b->uraian) && store_streq(a->bidang, b->bidang);
}

static bool
tw_values_equal(const bool *ada_a, const int64_t *a, const bool *ada_b,
		const int64_t *b)
{
	int n;

	for (n = 1; n <= TW_MAX; n++)
		if (ada_a[n] != ada_b[n] || (ada_a[n] && a[n] != b[n]))
			return false;
	return true;
}

static bool
iku_equal(const iku *a, const iku *b)
{
	return store_streq(a->uraian, b->uraian) && store_streq(a->satuan, b->satuan)
		&& a->polaritas == b->polaritas && a->target == b->target
		&& tw_values_equal(a->ada_target_tw, a->target_tw,
				   b->ada_target_tw, b->target_tw);
}

static bool
strv_equal(char *const *a, size_t na, char *const *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (!store_streq(a[i], b[i]))
			return false;
	return true;
}

static bool
program_equal(const program *a, const program *b)
{
	return store_streq(a->uraian, b->uraian) && a->anggaran == b->anggaran
		&& tw_values_equal(a->ada_target_tw, a->target_tw,
				   b->ada_target_tw, b->target_tw)
		&& strv_equal(a->sasaran, a->n_sasaran, b->sasaran, b->n_sasaran);
}

static bool
tabel_equal(const tabel *a, const tabel *b)
{
	size_t i;

	if (!store_streq(a->judul, b->judul) || !store_streq(a->catatan, b->catatan)
	    || !strv_equal(a->kolom, a->n_kolom, b->kolom, b->n_kolom)
	    || a->n_baris != b->n_baris)
		return false;
	for (i = 0; i < a->n_baris; i++)
		if (!strv_equal(a->baris[i], a->n_sel[i], b->baris[i], b->n_sel[i]))
			return false;
	return true;
}

static bool
tabel_list_equal(const tabel *a, size_t na, const tabel *b, size_t nb)
{
	size_t i;

	if (na != nb)
		return false;
	for (i = 0; i < na; i++)
		if (!tabel_equal(&a[i], &b[i]))
			return false;
	return true;
}

static bool
teks_equal(const triwulan *a, const triwulan *b)
{
	size_t i;

	if (a->n_teks != b->n_teks)
		return false;
	for (i = 0; i < a->n_teks; i++)
		if (!store_streq(a->teks[i].nama, b->teks[i].nama)
		    || !store_streq(a->teks[i].teks, b->teks[i].teks))
			return false;
	return true;
}

/* Does quarter n of the stored plan lose content because entities that
 * carried it are removed? */
static bool
tw_loses(const save_ctx *c, int n)
{
	const rencana *o = c->old.r;
	size_t i;

	for (i = 0; i < c->od.ik.n; i++)
		if (c->od.ik.peer[i] == NONE && c->od.ik.k[i]->ada_realisasi[n])
			return true;
	for (i = 0; i < o->n_program; i++)
		if (c->od.program_peer[i] == NONE && o->program[i].ada_realisasi[n])
			return true;
	for (i = 0; i < o->n_sasaran; i++)
		if (c->od.sasaran_peer[i] == NONE
		    && (o->sasaran[i].narasi[n] != NULL || o->sasaran[i].n_tabel[n]))
			return true;
	return false;
}

/* Does quarter n of r differ from the stored quarter n? */
static bool
tw_changed(const save_ctx *c, int n)
{
	const rencana *r = c->r, *o = c->old.r;
	const triwulan *a = &r->tw[n], *b = &o->tw[n];
	size_t i, j;

	if (a->tahun != b->tahun || a->bulan != b->bulan || a->hari != b->hari
	    || !store_streq(a->kesimpulan, b->kesimpulan)
	    || !strv_equal(a->permasalahan, a->n_permasalahan, b->permasalahan,
			   b->n_permasalahan)
	    || !strv_equal(a->tindak_lanjut, a->n_tindak_lanjut, b->tindak_lanjut,
			   b->n_tindak_lanjut)
	    || !teks_equal(a, b))
		return true;
	for (i = 0; i < c->nw.ik.n; i++) {
		const iku *k = c->nw.ik.k[i];
		bool ada_old = false;
		int64_t v = 0;

		if ((j = c->nw.ik.peer[i]) != NONE) {
			ada_old = c->od.ik.k[j]->ada_realisasi[n];
			v = c->od.ik.k[j]->realisasi[n];
		}
		if (k->ada_realisasi[n] != ada_old
		    || (ada_old && k->realisasi[n] != v))
			return true;
	}
	for (i = 0; i < r->n_program; i++) {
		const program *p = &r->program[i];
		bool ada_old = false;
		int64_t v = 0;

		if ((j = c->nw.program_peer[i]) != NONE) {
			ada_old = o->program[j].ada_realisasi[n];
			v = o->program[j].realisasi[n];
		}
		if (p->ada_realisasi[n] != ada_old
		    || (ada_old && p->realisasi[n] != v))
			return true;
	}
	for (i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i];

		if ((j = c->nw.sasaran_peer[i]) == NONE) {
			if (sa->narasi[n] != NULL || sa->n_tabel[n] != 0)
				return true;
			continue;
		}
		if (!store_streq(sa->narasi[n], o->sasaran[j].narasi[n])
		    || !tabel_list_equal(sa->tabel[n], sa->n_tabel[n],
					 o->sasaran[j].tabel[n],
					 o->sasaran[j].n_tabel[n]))
			return true;
	}
	return tw_loses(c, n);
}

/* ------------------------------------------------------------------ */
/* matching */

static void
iku_list_build(iku_list *l, const rencana *r)
{
	size_t i, k, f = 0;

	l->n = 0;
	for (i = 0; i < r->n_sasaran; i++)
		l->n += r->sasaran[i].n_iku;
	l->k = xcalloc(l->n, sizeof *l->k);
	l->sasaran = xcalloc(l->n, sizeof *l->sasaran);
	l->pos = xcalloc(l->n, sizeof *l->pos);
	l->rank = xcalloc(l->n, sizeof *l->rank);
	l->peer = xcalloc(l->n, sizeof *l->peer);
	for (i = 0; i < r->n_sasaran; i++) {
		for (k = 0; k < r->sasaran[i].n_iku; k++, f++) {
			l->k[f] = &r->sasaran[i].iku[k];
			l->sasaran[f] = i;
			l->pos[f] = k;
			l->peer[f] = NONE;
		}
	}
}

static void
iku_list_free(iku_list *l)
{
	free(l->k);
	free(l->sasaran);
	free(l->pos);
	free(l->rank);
	free(l->peer);
}

static void
side_free(side *sd)
{
	store_strmap_free(&sd->bidang);
	store_strmap_free(&sd->sasaran);
	store_strmap_free(&sd->iku);
	store_strmap_free(&sd->program);
	free(sd->bidang_peer);
	free(sd->sasaran_peer);
	free(sd->program_peer);
	free(sd->bidang_rank);
	free(sd->sasaran_rank);
	free(sd->program_rank);
	iku_list_free(&sd->ik);
}

/* Index r by kode; on the new side, reject what cannot be saved. */
static int
side_build(save_ctx *c, side *sd, const rencana *r, bool check)
{
	const instansi *in = &r->instansi;
	size_t i, j;

	store_strmap_init(&sd->bidang, in->n_bidang);
	store_strmap_init(&sd->sasaran, r->n_sasaran);
	store_strmap_init(&sd->program, r->n_program);
	iku_list_build(&sd->ik, r);
	store_strmap_init(&sd->iku, sd->ik.n);
	sd->bidang_peer = xcalloc(in->n_bidang, sizeof(size_t));
	sd->sasaran_peer = xcalloc(r->n_sasaran, sizeof(size_t));
	sd->program_peer = xcalloc(r->n_program, sizeof(size_t));
	sd->bidang_rank = xcalloc(in->n_bidang, sizeof(size_t));
	sd->sasaran_rank = xcalloc(r->n_sasaran, sizeof(size_t));
	sd->program_rank = xcalloc(r->n_program, sizeof(size_t));

	for (i = 0; i < in->n_bidang; i++) {
		sd->bidang_peer[i] = NONE;
		if (in->bidang[i].kode == NULL)
			return bad(c, _("a bidang has no kode"), "", NULL);
		if (!store_strmap_put(&sd->bidang, in->bidang[i].kode, i) && check)
			return bad(c, _("duplicate bidang kode '%s'"),
				   in->bidang[i].kode, NULL);
	}
	for (i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i];

		sd->sasaran_peer[i] = NONE;
		if (sa->kode == NULL)
			return bad(c, _("a sasaran has no kode"), "", NULL);
		if (!store_strmap_put(&sd->sasaran, sa->kode, i) && check)
			return bad(c, _("duplicate sasaran kode '%s'"), sa->kode, NULL);
		if (check && sa->bidang != NULL
		    && !store_strmap_get(&sd->bidang, sa->bidang, &j))
			return bad(c, _("sasaran '%s' names an unknown bidang '%s'"),
				   sa->kode, sa->bidang);
	}
	for (i = 0; i < sd->ik.n; i++) {
		const char *kode = sd->ik.k[i]->kode;

		if (kode == NULL)
			return bad(c, _("an IKU has no kode"), "", NULL);
		if (!store_strmap_put(&sd->iku, kode, i) && check)
			return bad(c, _("duplicate IKU kode '%s'"), kode, NULL);
	}
	for (i = 0; i < r->n_program; i++) {
		const program *p = &r->program[i];

		sd->program_peer[i] = NONE;
		if (p->kode == NULL)
			return bad(c, _("a program has no kode"), "", NULL);
		if (!store_strmap_put(&sd->program, p->kode, i) && check)
			return bad(c, _("duplicate program kode '%s'"), p->kode, NULL);
		for (j = 0; check && j < p->n_sasaran; j++) {
			size_t x;

			if (!store_strmap_get(&sd->sasaran, p->sasaran[j], &x))
				return bad(c, _("program '%s' names an unknown sasaran '%s'"),
					   p->kode, p->sasaran[j]);
		}
	}
	return 0;
}

/* Pair entities of the two sides by kode, then rank the pairs. */
static void
pair(size_t n_new, size_t *peer_new, size_t *rank_new, const store_strmap *old,
     size_t n_old, size_t *peer_old, size_t *rank_old, const char *(*kode)
     (const rencana *, size_t), const rencana *r)
{
	size_t i, j, k;

	for (i = 0; i < n_new; i++)
		if (store_strmap_get(old, kode(r, i), &j)) {
			peer_new[i] = j;
			peer_old[j] = i;
		}
	for (i = k = 0; i < n_new; i++)
		if (peer_new[i] != NONE)
			rank_new[i] = k++;
	for (j = k = 0; j < n_old; j++)
		if (peer_old[j] != NONE)
			rank_old[j] = k++;
}

static const char *
kode_bidang(const rencana *r, size_t i)
{
	return r->instansi.bidang[i].kode;
}

static const char *
kode_sasaran(const rencana *r, size_t i)
{
	return r->sasaran[i].kode;
}

static const char *
kode_program(const rencana *r, size_t i)
{
	return r->program[i].kode;
}

/* IKU pairs; rank counts only the IKU that stay in the same sasaran. */
static void
pair_iku(save_ctx *c)
{
	iku_list *a = &c->nw.ik, *b = &c->od.ik;
	size_t i, j, k = 0, cur = NONE;

	for (i = 0; i < a->n; i++)
		if (store_strmap_get(&c->od.iku, a->k[i]->kode, &j)) {
			a->peer[i] = j;
			b->peer[j] = i;
		}
	for (i = 0; i < a->n; i++) {
		if (a->sasaran[i] != cur) {
			cur = a->sasaran[i];
			k = 0;
		}
		a->rank[i] = k;
		if ((j = a->peer[i]) != NONE
		    && store_streq(c->r->sasaran[a->sasaran[i]].kode,
				   c->old.r->sasaran[b->sasaran[j]].kode))
			k++;
	}
	for (j = 0, cur = NONE; j < b->n; j++) {
		if (b->sasaran[j] != cur) {
			cur = b->sasaran[j];
			k = 0;
		}
		b->rank[j] = k;
		if ((i = b->peer[j]) != NONE
		    && store_streq(c->r->sasaran[a->sasaran[i]].kode,
				   c->old.r->sasaran[b->sasaran[j]].kode))
			k++;
	}
}

static void
count(save_ctx *c, enum store_diff_kind k, bool added, bool changed)
{
	if (added)
		c->d.n[k].added++;
	else if (changed)
		c->d.n[k].changed++;
	else
		c->d.n[k].unchanged++;
}

/* ------------------------------------------------------------------ */
/* writing the plan */

static void
bind_pejabat(save_ctx *c, sqlite3_stmt *st, int i, const pejabat *pj,
	     bool ada)
{
	store_bind_text(c->s, st, i, ada ? pj->nama : NULL);
	store_bind_text(c->s, st, i + 1, ada ? pj->jabatan : NULL);
	store_bind_text(c->s, st, i + 2, ada ? pj->pangkat : NULL);
	store_bind_text(c->s, st, i + 3, ada ? pj->nip : NULL);
}

static int
save_instansi(save_ctx *c)
{
	const instansi *in = &c->r->instansi;
	sqlite3_stmt *st;

	if (c->old.ada_instansi) {
		c->instansi_id = c->old.instansi_id;
		if (instansi_equal(in, &c->old.r->instansi)) {
			count(c, DIFF_INSTANSI, false, false);
			return 0;
		}
		Q(c, S_INSTANSI_UPD, st);
		store_bind_int(c->s, st, 1, c->instansi_id);
	} else {
		Q(c, S_INSTANSI_INS, st);
		store_bind_text(c->s, st, 1, in->kode);
	}
	store_bind_text(c->s, st, 2, in->nama);
	store_bind_text(c->s, st, 3, in->pemerintah);
	store_bind_text(c->s, st, 4, in->kota);
	store_bind_text(c->s, st, 5, in->logo);
	bind_pejabat(c, st, 6, &in->kepala, true);
	count(c, DIFF_INSTANSI, !c->old.ada_instansi, true);
	if (c->old.ada_instansi)
		return run(c, st);
	return run_insert(c, st, &c->instansi_id);
}

static int
save_bidang(save_ctx *c)
{
	const instansi *in = &c->r->instansi, *oi = &c->old.r->instansi;
	sqlite3_stmt *st;
	size_t i, j;

	c->bidang_id = xcalloc(in->n_bidang, sizeof(int64_t));
	for (i = 0; i < in->n_bidang; i++) {
		const bidang *b = &in->bidang[i];
		bool changed = false;

		if ((j = c->nw.bidang_peer[i]) != NONE) {
			c->bidang_id[i] = c->old.bidang[j].id;
			changed = !bidang_equal(b, &oi->bidang[j])
				|| c->nw.bidang_rank[i] != c->od.bidang_rank[j];
			count(c, DIFF_BIDANG, false, changed);
			if (!changed && c->old.bidang[j].urutan == (int64_t)i)
				continue;
			Q(c, S_BIDANG_UPD, st);
			store_bind_int(c->s, st, 1, c->bidang_id[i]);
		} else {
			count(c, DIFF_BIDANG, true, false);
			Q(c, S_BIDANG_INS, st);
			store_bind_int(c->s, st, 1, c->instansi_id);
			store_bind_text(c->s, st, 2, b->kode);
		}
		store_bind_text(c->s, st, 3, b->nama);
		bind_pejabat(c, st, 4, &b->kepala, b->ada_kepala);
		store_bind_int(c->s, st, 8, (int64_t)i);
		if (j != NONE)
			TRY(run(c, st));
		else
			TRY(run_insert(c, st, &c->bidang_id[i]));
	}
	return 0;
}

/* After the sasaran of this plan were rewritten: a bidang no longer in r
 * goes, unless a sasaran (of another year) still names it. */
static int
remove_bidang(save_ctx *c)
{
	const instansi *oi = &c->old.r->instansi;
	int64_t next = (int64_t)c->r->instansi.n_bidang;
	sqlite3_stmt *st;
	size_t j;

	for (j = 0; j < oi->n_bidang; j++) {
		if (c->od.bidang_peer[j] != NONE)
			continue;
		TRY(run_id(c, S_BIDANG_DEL, c->old.bidang[j].id));
		if (sqlite3_changes(c->s->db) == 1) {
			c->d.n[DIFF_BIDANG].removed++;
			continue;
		}
		count(c, DIFF_BIDANG, false, false);
		if (c->old.bidang[j].urutan != next) {
			Q(c, S_BIDANG_URUTAN, st);
			store_bind_int(c->s, st, 1, c->old.bidang[j].id);
			store_bind_int(c->s, st, 2, next);
			TRY(run(c, st));
		}
		next++;
	}
	return 0;
}

static int
save_rencana(save_ctx *c)
{
	sqlite3_stmt *st;

	if (c->old.ada_rencana) {
		c->rencana_id = c->old.rencana_id;
		return 0;
	}
	Q(c, S_RENCANA_INS, st);
	store_bind_int(c->s, st, 1, c->instansi_id);
	store_bind_int(c->s, st, 2, c->r->tahun);
	return run_insert(c, st, &c->rencana_id);
}

static int
save_sasaran(save_ctx *c)
{
	const rencana *r = c->r;
	sqlite3_stmt *st;
	size_t i, j, b;

	c->sasaran_id = xcalloc(r->n_sasaran, sizeof(int64_t));
	for (i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i];
		bool changed;

		if ((j = c->nw.sasaran_peer[i]) != NONE) {
			c->sasaran_id[i] = c->old.sasaran[j].id;
			changed = !sasaran_equal(sa, &c->old.r->sasaran[j])
				|| c->nw.sasaran_rank[i] != c->od.sasaran_rank[j];
			count(c, DIFF_SASARAN, false, changed);
			if (!changed && c->old.sasaran[j].urutan == (int64_t)i)
				continue;
			Q(c, S_SASARAN_UPD, st);
			store_bind_int(c->s, st, 1, c->sasaran_id[i]);
		} else {
			count(c, DIFF_SASARAN, true, false);
			Q(c, S_SASARAN_INS, st);
			store_bind_int(c->s, st, 1, c->rencana_id);
			store_bind_text(c->s, st, 2, sa->kode);
		}
		store_bind_text(c->s, st, 3, sa->uraian);
		if (sa->bidang != NULL && store_strmap_get(&c->nw.bidang, sa->bidang, &b))
			store_bind_int(c->s, st, 4, c->bidang_id[b]);
		else
			store_bind_null(c->s, st, 4);
		store_bind_int(c->s, st, 5, (int64_t)i);
		if (j != NONE)
			TRY(run(c, st));
		else
			TRY(run_insert(c, st, &c->sasaran_id[i]));
	}
	return 0;
}

/* Replace the quarterly targets of an IKU (del/ins: S_IKU_TW_* or
 * S_PROGRAM_TW_*). */
static int
save_target_tw(save_ctx *c, int del, int ins, int64_t id, bool replace,
	       const bool *ada, const int64_t *v)
{
	sqlite3_stmt *st;
	int n;

	if (replace)
		TRY(run_id(c, del, id));
	for (n = 1; n <= TW_MAX; n++) {
		if (!ada[n])
			continue;
		Q(c, ins, st);
		store_bind_int(c->s, st, 1, id);
		store_bind_int(c->s, st, 2, n);
		store_bind_int(c->s, st, 3, v[n]);
		TRY(run(c, st));
	}
	return 0;
}

static int
save_iku(save_ctx *c)
{
	const iku_list *a = &c->nw.ik, *b = &c->od.ik;
	sqlite3_stmt *st;
	size_t i, j;

	c->iku_id = xcalloc(a->n, sizeof(int64_t));
	for (i = 0; i < a->n; i++) {
		const iku *k = a->k[i];
		const sasaran *sa = &c->r->sasaran[a->sasaran[i]];
		bool changed = false, targets = false;

		if ((j = a->peer[i]) != NONE) {
			const iku *ok = b->k[j];
			const store_row *row = &c->old.iku[b->sasaran[j]][b->pos[j]];
			bool moved = !store_streq(sa->kode,
						  c->old.r->sasaran[b->sasaran[j]].kode);

			c->iku_id[i] = row->id;
			targets = !tw_values_equal(k->ada_target_tw, k->target_tw,
						   ok->ada_target_tw, ok->target_tw);
			changed = moved || !iku_equal(k, ok) || a->rank[i] != b->rank[j];
			count(c, DIFF_IKU, false, changed);
			if (!changed && row->urutan == (int64_t)a->pos[i])
				continue;
			Q(c, S_IKU_UPD, st);
			store_bind_int(c->s, st, 1, c->iku_id[i]);
		} else {
			count(c, DIFF_IKU, true, false);
			Q(c, S_IKU_INS, st);
			store_bind_int(c->s, st, 1, c->rencana_id);
			store_bind_text(c->s, st, 3, k->kode);
		}
		store_bind_int(c->s, st, 2, c->sasaran_id[a->sasaran[i]]);
		store_bind_text(c->s, st, 4, k->uraian);
		store_bind_text(c->s, st, 5, k->satuan);
		store_bind_text(c->s, st, 6, k->polaritas == POLARITAS_NEGATIF
				? "negatif" : "positif");
		store_bind_int(c->s, st, 7, k->target);
		store_bind_int(c->s, st, 8, (int64_t)a->pos[i]);
		if (j != NONE) {
			TRY(run(c, st));
			if (targets)
				TRY(save_target_tw(c, S_IKU_TW_DEL, S_IKU_TW_INS,
						   c->iku_id[i], true,
						   k->ada_target_tw, k->target_tw));
		} else {
			TRY(run_insert(c, st, &c->iku_id[i]));
			TRY(save_target_tw(c, S_IKU_TW_DEL, S_IKU_TW_INS,
					   c->iku_id[i], false,
					   k->ada_target_tw, k->target_tw));
		}
	}
	return 0;
}

static int
save_program_sasaran(save_ctx *c, const program *p, int64_t id, bool replace)
{
	sqlite3_stmt *st;
	size_t i, x;

	if (replace)
		TRY(run_id(c, S_PS_DEL, id));
	for (i = 0; i < p->n_sasaran; i++) {
		if (!store_strmap_get(&c->nw.sasaran, p->sasaran[i], &x))
			continue;       /* checked in side_build */
		Q(c, S_PS_INS, st);
		store_bind_int(c->s, st, 1, id);
		store_bind_int(c->s, st, 2, c->sasaran_id[x]);
		store_bind_int(c->s, st, 3, (int64_t)i);
		TRY(run(c, st));
	}
	return 0;
}

static int
save_program(save_ctx *c)
{
	const rencana *r = c->r;
	sqlite3_stmt *st;
	size_t i, j;

	c->program_id = xcalloc(r->n_program, sizeof(int64_t));
	for (i = 0; i < r->n_program; i++) {
		const program *p = &r->program[i];
		const program *op = NULL;
		bool changed;

		if ((j = c->nw.program_peer[i]) != NONE) {
			op = &c->old.r->program[j];
			c->program_id[i] = c->old.program[j].id;
			changed = !program_equal(p, op)
				|| c->nw.program_rank[i] != c->od.program_rank[j];
			count(c, DIFF_PROGRAM, false, changed);
			if (!changed && c->old.program[j].urutan == (int64_t)i)
				continue;
			Q(c, S_PROGRAM_UPD, st);
			store_bind_int(c->s, st, 1, c->program_id[i]);
		} else {
			count(c, DIFF_PROGRAM, true, false);
			Q(c, S_PROGRAM_INS, st);
			store_bind_int(c->s, st, 1, c->rencana_id);
			store_bind_text(c->s, st, 2, p->kode);
		}
		store_bind_text(c->s, st, 3, p->uraian);
		store_bind_int(c->s, st, 4, p->anggaran);
		store_bind_int(c->s, st, 5, (int64_t)i);
		if (op != NULL) {
			TRY(run(c, st));
			if (!tw_values_equal(p->ada_target_tw, p->target_tw,
					     op->ada_target_tw, op->target_tw))
				TRY(save_target_tw(c, S_PROGRAM_TW_DEL,
						   S_PROGRAM_TW_INS, c->program_id[i],
						   true, p->ada_target_tw,
						   p->target_tw));
			if (!strv_equal(p->sasaran, p->n_sasaran, op->sasaran,
					op->n_sasaran))
				TRY(save_program_sasaran(c, p, c->program_id[i], true));
		} else {
			TRY(run_insert(c, st, &c->program_id[i]));
			TRY(save_target_tw(c, S_PROGRAM_TW_DEL, S_PROGRAM_TW_INS,
					   c->program_id[i], false,
					   p->ada_target_tw, p->target_tw));
			TRY(save_program_sasaran(c, p, c->program_id[i], false));
		}
	}
	return 0;
}

/* Entities of the stored plan that are not in r; their realisations,
 * narratives and tables go with them (ON DELETE CASCADE). */
static int
remove_absent(save_ctx *c)
{
	const rencana *o = c->old.r;
	size_t j;

	for (j = 0; j < c->od.ik.n; j++) {
		if (c->od.ik.peer[j] != NONE)
			continue;
		TRY(run_id(c, S_IKU_DEL,
			   c->old.iku[c->od.ik.sasaran[j]][c->od.ik.pos[j]].id));
		c->d.n[DIFF_IKU].removed++;
	}
	for (j = 0; j < o->n_sasaran; j++) {
		if (c->od.sasaran_peer[j] != NONE)
			continue;
		TRY(run_id(c, S_SASARAN_DEL, c->old.sasaran[j].id));
		c->d.n[DIFF_SASARAN].removed++;
	}
	for (j = 0; j < o->n_program; j++) {
		if (c->od.program_peer[j] != NONE)
			continue;
		TRY(run_id(c, S_PROGRAM_DEL, c->old.program[j].id));
		c->d.n[DIFF_PROGRAM].removed++;
	}
	return remove_bidang(c);
}

/* ------------------------------------------------------------------ */
/* writing the quarters */

static int
save_strv(save_ctx *c, int k, int64_t tw_id, char *const *v, size_t n)
{
	sqlite3_stmt *st;
	size_t i;

	for (i = 0; i < n; i++) {
		Q(c, k, st);
		store_bind_int(c->s, st, 1, tw_id);
		store_bind_int(c->s, st, 2, (int64_t)i);
		store_bind_text(c->s, st, 3, v[i]);
		TRY(run(c, st));
	}
	return 0;
}

static int
save_tabel(save_ctx *c, int64_t tw_id, int64_t sasaran_id, size_t urutan,
	   const tabel *t)
{
	sqlite3_stmt *st;
	int64_t id;
	size_t b, k;

	Q(c, S_TABEL_INS, st);
	store_bind_int(c->s, st, 1, tw_id);
	store_bind_int(c->s, st, 2, sasaran_id);
	store_bind_int(c->s, st, 3, (int64_t)urutan);
	store_bind_text(c->s, st, 4, t->judul);
	store_bind_text(c->s, st, 5, t->catatan);
	store_bind_int(c->s, st, 6, (int64_t)t->n_baris);
	TRY(run_insert(c, st, &id));
	for (k = 0; k < t->n_kolom; k++) {
		Q(c, S_KOLOM_INS, st);
		store_bind_int(c->s, st, 1, id);
		store_bind_int(c->s, st, 2, (int64_t)k);
		store_bind_text(c->s, st, 3, t->kolom[k] != NULL ? t->kolom[k] : "");
		TRY(run(c, st));
	}
	for (b = 0; b < t->n_baris; b++) {
		for (k = 0; k < t->n_sel[b]; k++) {
			Q(c, S_SEL_INS, st);
			store_bind_int(c->s, st, 1, id);
			store_bind_int(c->s, st, 2, (int64_t)b);
			store_bind_int(c->s, st, 3, (int64_t)k);
			store_bind_text(c->s, st, 4, t->baris[b][k] != NULL
					? t->baris[b][k] : "");
			TRY(run(c, st));
		}
	}
	return 0;
}

/* Everything under quarter n of r, into the (empty) triwulan tw_id. */
static int
save_tw_content(save_ctx *c, int n, int64_t tw_id)
{
	const rencana *r = c->r;
	const triwulan *t = &r->tw[n];
	sqlite3_stmt *st;
	size_t i, k;

	for (i = 0; i < c->nw.ik.n; i++) {
		const iku *ik = c->nw.ik.k[i];

		if (!ik->ada_realisasi[n])
			continue;
		Q(c, S_REAL_IKU_INS, st);
		store_bind_int(c->s, st, 1, tw_id);
		store_bind_int(c->s, st, 2, c->iku_id[i]);
		store_bind_int(c->s, st, 3, ik->realisasi[n]);
		TRY(run(c, st));
	}
	for (i = 0; i < r->n_program; i++) {
		if (!r->program[i].ada_realisasi[n])
			continue;
		Q(c, S_REAL_PROGRAM_INS, st);
		store_bind_int(c->s, st, 1, tw_id);
		store_bind_int(c->s, st, 2, c->program_id[i]);
		store_bind_int(c->s, st, 3, r->program[i].realisasi[n]);
		TRY(run(c, st));
	}
	for (i = 0; i < r->n_sasaran; i++) {
		const sasaran *sa = &r->sasaran[i];

		if (sa->narasi[n] != NULL) {
			Q(c, S_NARASI_INS, st);
			store_bind_int(c->s, st, 1, tw_id);
			store_bind_int(c->s, st, 2, c->sasaran_id[i]);
			store_bind_text(c->s, st, 3, sa->narasi[n]);
			TRY(run(c, st));
		}
		for (k = 0; k < sa->n_tabel[n]; k++)
			TRY(save_tabel(c, tw_id, c->sasaran_id[i], k, &sa->tabel[n][k]));
	}
	TRY(save_strv(c, S_PERMASALAHAN_INS, tw_id, t->permasalahan,
		      t->n_permasalahan));
	TRY(save_strv(c, S_TINDAK_LANJUT_INS, tw_id, t->tindak_lanjut,
		      t->n_tindak_lanjut));
	for (k = 0; k < t->n_teks; k++) {
		Q(c, S_TEKS_INS, st);
		store_bind_int(c->s, st, 1, tw_id);
		store_bind_text(c->s, st, 2, t->teks[k].nama);
		store_bind_text(c->s, st, 3, t->teks[k].teks);
		store_bind_int(c->s, st, 4, (int64_t)k);
		TRY(run(c, st));
	}
	return 0;
}

static int
save_triwulan(save_ctx *c)
{
	static const int clear[] = {
		S_CLR_REAL_IKU, S_CLR_REAL_PROGRAM, S_CLR_NARASI, S_CLR_TABEL,
		S_CLR_PERMASALAHAN, S_CLR_TINDAK_LANJUT, S_CLR_TEKS,
	};
	const rencana *r = c->r, *o = c->old.r;
	sqlite3_stmt *st;
	char tanggal[16];
	int n;
	size_t k;

	for (n = 1; n <= TW_MAX; n++) {
		const triwulan *t = &r->tw[n];
		int64_t id = c->old.triwulan_id[n];

		if (!t->ada) {
			/* Kept as stored, less what went with removed entities. */
			if (o->tw[n].ada)
				count(c, DIFF_TRIWULAN, false, tw_loses(c, n));
			continue;
		}
		snprintf(tanggal, sizeof tanggal, "%04d-%02d-%02d", t->tahun,
			 t->bulan, t->hari);
		if (o->tw[n].ada) {
			bool changed = tw_changed(c, n);

			count(c, DIFF_TRIWULAN, false, changed);
			if (!changed)
				continue;
			Q(c, S_TW_UPD, st);
			store_bind_int(c->s, st, 1, id);
			store_bind_text(c->s, st, 2, tanggal);
			store_bind_text(c->s, st, 3, t->kesimpulan);
			TRY(run(c, st));
			for (k = 0; k < sizeof clear / sizeof clear[0]; k++)
				TRY(run_id(c, clear[k], id));
		} else {
			count(c, DIFF_TRIWULAN, true, false);
			Q(c, S_TW_INS, st);
			store_bind_int(c->s, st, 1, c->rencana_id);
			store_bind_int(c->s, st, 2, n);
			store_bind_text(c->s, st, 3, tanggal);
			store_bind_text(c->s, st, 4, t->kesimpulan);
			TRY(run_insert(c, st, &id));
		}
		TRY(save_tw_content(c, n, id));
	}
	return 0;
}

/* ------------------------------------------------------------------ */

static int
check_rencana(save_ctx *c)
{
	const rencana *r = c->r;
	int n;

	if (r->instansi.kode == NULL || r->instansi.kode[0] == '\0')
		return bad(c, _("the plan has no instansi kode"), "", NULL);
	for (n = 1; n <= TW_MAX; n++) {
		const triwulan *t = &r->tw[n];

		if (t->ada && (t->tahun < 1 || t->tahun > 9999
			       || !tanggal_sah(t->tahun, t->bulan, t->hari))) {
			char q[16];

			snprintf(q, sizeof q, "%d", n);
			return bad(c, _("quarter %s has an invalid date"), q, NULL);
		}
	}
	return 0;
}

static int
save_all(save_ctx *c)
{
	TRY(check_rencana(c));
	TRY(store_load_plan(c->s, c->r->instansi.kode, c->r->tahun, &c->old, c->e));
	TRY(side_build(c, &c->nw, c->r, true));
	TRY(side_build(c, &c->od, c->old.r, false));
	pair(c->r->instansi.n_bidang, c->nw.bidang_peer, c->nw.bidang_rank,
	     &c->od.bidang, c->old.r->instansi.n_bidang, c->od.bidang_peer,
	     c->od.bidang_rank, kode_bidang, c->r);
	pair(c->r->n_sasaran, c->nw.sasaran_peer, c->nw.sasaran_rank,
	     &c->od.sasaran, c->old.r->n_sasaran, c->od.sasaran_peer,
	     c->od.sasaran_rank, kode_sasaran, c->r);
	pair(c->r->n_program, c->nw.program_peer, c->nw.program_rank,
	     &c->od.program, c->old.r->n_program, c->od.program_peer,
	     c->od.program_rank, kode_program, c->r);
	pair_iku(c);

	TRY(save_instansi(c));
	TRY(save_bidang(c));
	TRY(save_rencana(c));
	TRY(save_sasaran(c));
	TRY(save_iku(c));
	TRY(save_program(c));
	TRY(remove_absent(c));
	return save_triwulan(c);
}

int
store_save(store *s, const rencana *r, bool dry_run, store_diff *diff,
	   lk_err *e)
{
	save_ctx c;
	int rc;

	if (diff != NULL)
		memset(diff, 0, sizeof *diff);
	if (s->readonly)
		return store_fail_readonly(s, e);
	if (s->version != STORE_SCHEMA_VERSION)
		return lk_fail(e, EX_SOFTWARE,
			       _("%s: database schema version %d, expected %d"),
			       s->path, s->version, STORE_SCHEMA_VERSION);
	memset(&c, 0, sizeof c);
	c.s = s;
	c.e = e;
	c.r = r;
	if ((rc = store_begin(s, e)) != 0)
		return rc;
	rc = save_all(&c);
	if (rc == 0 && !dry_run)
		rc = store_commit(s, e);
	else
		store_rollback(s);

	store_finalize_all(c.st, S_COUNT);
	if (c.old.r != NULL) {
		side_free(&c.nw);
		side_free(&c.od);
		rencana_free(c.old.r);
	}
	free(c.bidang_id);
	free(c.sasaran_id);
	free(c.program_id);
	free(c.iku_id);
	if (rc == 0 && diff != NULL)
		*diff = c.d;
	return rc;
}
