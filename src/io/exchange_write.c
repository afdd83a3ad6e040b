/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "exchange.h"

#include "core/dec.h"
#include "core/i18n.h"

#include <errno.h>
#include <limits.h>
#include <stdbool.h>
#include <string.h>
#include <yaml.h>

/* The emitter and the first failure; later calls do nothing after one. */
typedef struct wr {
	yaml_emitter_t em;
	bool failed;
	const char *bad;   /* a string that is not valid UTF-8 */
} wr;

static void
emit(wr *w, yaml_event_t *ev)
{
	if (w->failed) {
		yaml_event_delete(ev);
		return;
	}
	if (!yaml_emitter_emit(&w->em, ev))
		w->failed = true;
}

static void
scalar_styled(wr *w, const char *s, yaml_scalar_style_t style)
{
	yaml_event_t ev;

	if (w->failed)
		return;
	/* Fails only on invalid UTF-8 (or out of memory, fatal below). */
	if (strlen(s) > INT_MAX ||
	    !yaml_scalar_event_initialize(&ev, NULL, NULL, (yaml_char_t *)s,
	    (int)strlen(s), 1, 1, style)) {
		w->failed = true;
		w->bad = s;
		return;
	}
	emit(w, &ev);
}

/* Words some YAML reader takes for null or a boolean (YAML 1.1 and 1.2). */
static bool
reserved_word(const char *s)
{
	static const char *const word[] = { "null", "true", "false", "yes",
		"no", "on", "off", "y", "n", NULL };

	for (size_t i = 0; word[i] != NULL; i++) {
		size_t j = 0;

		/* ASCII case folding, whatever the locale. */
		while (s[j] != '\0' && word[i][j] != '\0' &&
		    (s[j] | 0x20) == word[i][j])
			j++;
		if (s[j] == '\0' && word[i][j] == '\0')
			return true;
	}
	return false;
}

/* A UTF-8 sequence at s that is safe in a plain scalar: printable, not a
 * line or paragraph separator, not a BOM, within the Basic Multilingual
 * Plane (libyaml escapes the others).  Returns its length, 0 if unsafe. */
static size_t
safe_utf8(const unsigned char *s)
{
	unsigned cp;
	size_t w;

	if (s[0] >= 0xC2 && s[0] <= 0xDF)
		w = 2, cp = s[0] & 0x1Fu;
	else if (s[0] >= 0xE0 && s[0] <= 0xEF)
		w = 3, cp = s[0] & 0x0Fu;
	else
		return 0;
	for (size_t i = 1; i < w; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		cp = cp << 6 | (s[i] & 0x3Fu);
	}
	if (cp < (w == 2 ? 0xA0u : 0x800u) || (cp >= 0xD800 && cp <= 0xDFFF) ||
	    cp == 0x2028 || cp == 0x2029 || cp == 0xFEFF || cp >= 0xFFFE)
		return 0;
	return w;
}

/*
 * True when s written plain is read back as the same string by any YAML
 * 1.1 or 1.2 reader, in block context or (flow) inside [ ].  Deliberately
 * stricter than YAML: anything starting with a digit, a sign or a dot may
 * be a number, a date or a time in some reader, so it is quoted.
 */
static bool
plain_safe(const char *s, bool flow)
{
	size_t n = strlen(s);

	if (n == 0 || reserved_word(s))
		return false;
	if (strchr("-?:,[]{}#&*!|>'\"%@`+.=<~\\ 0123456789", s[0]) != NULL)
		return false;
	if (s[n - 1] == ' ' || s[n - 1] == ':')
		return false;
	for (const unsigned char *p = (const unsigned char *)s; *p != '\0';) {
		if (*p >= 0x80) {
			size_t w = safe_utf8(p);

			if (w == 0)
				return false;
			p += w;
			continue;
		}
		if (*p < 0x20 || *p == 0x7F)
			return false;
		if ((p[0] == ':' && p[1] == ' ') || (p[0] == ' ' && p[1] == '#'))
			return false;
		if (flow && strchr(",[]{}:#", *p) != NULL)
			return false;
		p++;
	}
	return true;
}

static void
str_in(wr *w, const char *s, bool flow)
{
	yaml_scalar_style_t style = YAML_DOUBLE_QUOTED_SCALAR_STYLE;

	if (!flow && strchr(s, '\n') != NULL)
		style = YAML_LITERAL_SCALAR_STYLE;  /* libyaml quotes if unfit */
	else if (plain_safe(s, flow))
		style = YAML_PLAIN_SCALAR_STYLE;
	scalar_styled(w, s, style);
}

static void
str(wr *w, const char *s)
{
	str_in(w, s, false);
}

/* A key of the format or a number: always plain. */
static void
plain(wr *w, const char *s)
{
	scalar_styled(w, s, YAML_PLAIN_SCALAR_STYLE);
}

static void
number(wr *w, int64_t v, int scale)
{
	char buf[DEC_BUFSZ];

	plain(w, dec_format_machine(v, scale, buf));
}

static void
integer(wr *w, long v)
{
	char buf[32];

	snprintf(buf, sizeof buf, "%ld", v);
	plain(w, buf);
}

static void
map_start(wr *w)
{
	yaml_event_t ev;

	yaml_mapping_start_event_initialize(&ev, NULL, NULL, 1,
	    YAML_BLOCK_MAPPING_STYLE);
	emit(w, &ev);
}

static void
map_end(wr *w)
{
	yaml_event_t ev;

	yaml_mapping_end_event_initialize(&ev);
	emit(w, &ev);
}

static void
seq_start(wr *w, bool flow)
{
	yaml_event_t ev;

	yaml_sequence_start_event_initialize(&ev, NULL, NULL, 1,
	    flow ? YAML_FLOW_SEQUENCE_STYLE : YAML_BLOCK_SEQUENCE_STYLE);
	emit(w, &ev);
}

static void
seq_end(wr *w)
{
	yaml_event_t ev;

	yaml_sequence_end_event_initialize(&ev);
	emit(w, &ev);
}

static bool
present(const char *s)
{
	return s != NULL && *s != '\0';
}

/* key: value when the value is present; an empty string is absent too,
 * as the reader would refuse it (keys may be kodes: quoted when they
 * need it). */
static void
kv_str(wr *w, const char *key, const char *s)
{
	if (!present(s))
		return;
	str(w, key);
	str(w, s);
}

static void
str_seq(wr *w, char *const *s, size_t n, bool flow)
{
	seq_start(w, flow);
	for (size_t i = 0; i < n; i++)
		str_in(w, s[i], flow);
	seq_end(w);
}

/* target_triwulan with the quarters that are set, if any. */
static void
tw_targets(wr *w, const bool ada[TW_MAX + 1], const int64_t v[TW_MAX + 1],
	   int scale)
{
	bool any = false;

	for (int t = 1; t <= TW_MAX; t++)
		any = any || ada[t];
	if (!any)
		return;
	plain(w, "target_triwulan");
	map_start(w);
	for (int t = 1; t <= TW_MAX; t++) {
		if (!ada[t])
			continue;
		integer(w, t);
		number(w, v[t], scale);
	}
	map_end(w);
}

/* ---- plan ---- */

static void
write_pejabat(wr *w, const pejabat *p)
{
	map_start(w);
	kv_str(w, "nama", p->nama);
	kv_str(w, "jabatan", p->jabatan);
	kv_str(w, "pangkat", p->pangkat);
	kv_str(w, "nip", p->nip);
	map_end(w);
}

static void
write_instansi(wr *w, const instansi *in)
{
	plain(w, "instansi");
	map_start(w);
	kv_str(w, "kode", in->kode);
	kv_str(w, "nama", in->nama);
	kv_str(w, "pemerintah", in->pemerintah);
	kv_str(w, "kota", in->kota);
	kv_str(w, "logo", in->logo);
	plain(w, "kepala");
	write_pejabat(w, &in->kepala);
	if (in->n_bidang > 0) {
		plain(w, "bidang");
		seq_start(w, false);
		for (size_t i = 0; i < in->n_bidang; i++) {
			const bidang *b = &in->bidang[i];

			map_start(w);
			kv_str(w, "kode", b->kode);
			kv_str(w, "nama", b->nama);
			if (b->ada_kepala) {
				plain(w, "kepala");
				write_pejabat(w, &b->kepala);
			}
			map_end(w);
		}
		seq_end(w);
	}
	if (in->predikat.n > 0) {
		plain(w, "predikat");
		seq_start(w, false);
		for (size_t i = 0; i < in->predikat.n; i++) {
			const predikat_band *b = &in->predikat.band[i];

			map_start(w);
			kv_str(w, "nama", b->nama);
			if (b->ada_min) {
				plain(w, "min");
				number(w, b->min, DEC_PERSEN);
			}
			kv_str(w, "warna", b->warna);
			map_end(w);
		}
		seq_end(w);
	}
	kv_str(w, "zona_waktu", in->zona_waktu);
	kv_str(w, "verifikasi", in->verifikasi);
	kv_str(w, "tsa", in->tsa);
	map_end(w);
}

static void
year_map(wr *w, const char *key, const tahun_nilai *v, size_t n)
{
	if (n == 0)
		return;
	plain(w, key);
	map_start(w);
	for (size_t i = 0; i < n; i++) {
		integer(w, v[i].tahun);
		number(w, v[i].nilai, DEC_NILAI);
	}
	map_end(w);
}

static void
write_iku_tahunan(wr *w, const iku *k)
{
	if (k->ada_baseline) {
		plain(w, "baseline");
		map_start(w);
		plain(w, "tahun");
		integer(w, k->baseline_tahun);
		plain(w, "nilai");
		number(w, k->baseline_nilai, DEC_NILAI);
		map_end(w);
	}
	year_map(w, "target_renstra", k->target_renstra, k->n_target_renstra);
	year_map(w, "riwayat", k->riwayat, k->n_riwayat);
	if (k->n_kategori > 0) {
		plain(w, "kategori");
		seq_start(w, false);
		for (size_t i = 0; i < k->n_kategori; i++) {
			const kategori_band *b = &k->kategori[i];

			map_start(w);
			kv_str(w, "label", b->label);
			if (b->syarat != KATEGORI_SISA) {
				plain(w, b->syarat == KATEGORI_LEBIH_DARI ?
				    "lebih_dari" : "minimal");
				number(w, b->batas, DEC_NILAI);
			}
			map_end(w);
		}
		seq_end(w);
	}
	if (k->ada_standar_nasional) {
		plain(w, "standar_nasional");
		number(w, k->standar_nasional, DEC_NILAI);
	}
}

static void
write_iku(wr *w, const iku *k)
{
	map_start(w);
	kv_str(w, "kode", k->kode);
	kv_str(w, "uraian", k->uraian);
	kv_str(w, "satuan", k->satuan);
	kv_str(w, "polaritas",
	    k->polaritas == POLARITAS_NEGATIF ? "negatif" : "positif");
	plain(w, "target");
	if (k->target_kosong)
		plain(w, "null");        /* blank: to be filled */
	else
		number(w, k->target, DEC_NILAI);
	tw_targets(w, k->ada_target_tw, k->target_tw, DEC_NILAI);
	write_iku_tahunan(w, k);
	map_end(w);
}

static void
write_sasaran(wr *w, const rencana *r)
{
	plain(w, "sasaran");
	seq_start(w, false);
	for (size_t i = 0; i < r->n_sasaran; i++) {
		const sasaran *s = &r->sasaran[i];

		map_start(w);
		kv_str(w, "kode", s->kode);
		kv_str(w, "uraian", s->uraian);
		kv_str(w, "bidang", s->bidang);
		plain(w, "iku");
		seq_start(w, false);
		for (size_t j = 0; j < s->n_iku; j++)
			write_iku(w, &s->iku[j]);
		seq_end(w);
		map_end(w);
	}
	seq_end(w);
}

static void
write_program(wr *w, const rencana *r)
{
	if (r->n_program == 0)
		return;
	plain(w, "program");
	seq_start(w, false);
	for (size_t i = 0; i < r->n_program; i++) {
		const program *p = &r->program[i];

		map_start(w);
		kv_str(w, "kode", p->kode);
		kv_str(w, "uraian", p->uraian);
		plain(w, "anggaran");
		if (p->anggaran_kosong)
			plain(w, "null");
		else
			number(w, p->anggaran, DEC_UANG);
		tw_targets(w, p->ada_target_tw, p->target_tw, DEC_UANG);
		if (p->n_sasaran > 0) {
			plain(w, "sasaran");
			str_seq(w, p->sasaran, p->n_sasaran, true);
		}
		map_end(w);
	}
	seq_end(w);
}

/* ---- quarters ---- */

static bool
iku_ada(const iku *k, int t)
{
	return t == 0 ? k->ada_realisasi_tahunan : k->ada_realisasi[t];
}

static int64_t
iku_nilai(const iku *k, int t)
{
	return t == 0 ? k->realisasi_tahunan : k->realisasi[t];
}

static bool
program_ada(const program *p, int t)
{
	return t == 0 ? p->ada_realisasi_tahunan : p->ada_realisasi[t];
}

static int64_t
program_nilai(const program *p, int t)
{
	return t == 0 ? p->realisasi_tahunan : p->realisasi[t];
}

/* Quarter t's realisations; t == 0: the year's (tahunan). */
static void
write_realisasi(wr *w, const rencana *r, int t)
{
	bool any = false;

	for (size_t i = 0; i < r->n_sasaran; i++)
		for (size_t j = 0; j < r->sasaran[i].n_iku; j++)
			any = any || iku_ada(&r->sasaran[i].iku[j], t);
	if (any) {
		plain(w, "realisasi_iku");
		map_start(w);
		for (size_t i = 0; i < r->n_sasaran; i++) {
			for (size_t j = 0; j < r->sasaran[i].n_iku; j++) {
				const iku *k = &r->sasaran[i].iku[j];

				if (!iku_ada(k, t))
					continue;
				str(w, k->kode);
				number(w, iku_nilai(k, t), DEC_NILAI);
			}
		}
		map_end(w);
	}
	any = false;
	for (size_t i = 0; i < r->n_program; i++)
		any = any || program_ada(&r->program[i], t);
	if (!any)
		return;
	plain(w, "realisasi_program");
	map_start(w);
	for (size_t i = 0; i < r->n_program; i++) {
		if (!program_ada(&r->program[i], t))
			continue;
		str(w, r->program[i].kode);
		number(w, program_nilai(&r->program[i], t), DEC_UANG);
	}
	map_end(w);
}

static void
write_tabel(wr *w, const tabel *tb)
{
	map_start(w);
	kv_str(w, "judul", tb->judul);
	plain(w, "kolom");
	str_seq(w, tb->kolom, tb->n_kolom, true);
	plain(w, "baris");
	seq_start(w, false);
	for (size_t i = 0; i < tb->n_baris; i++)
		str_seq(w, tb->baris[i], tb->n_sel[i], true);
	seq_end(w);
	kv_str(w, "catatan", tb->catatan);
	map_end(w);
}

static const char *
narasi_of(const sasaran *s, int t)
{
	return t == 0 ? s->narasi_tahunan : s->narasi[t];
}

static size_t
n_tabel_of(const sasaran *s, int t)
{
	return t == 0 ? s->n_tabel_tahunan : s->n_tabel[t];
}

/* Narratives and tables of quarter t; t == 0: of the year. */
static void
write_per_sasaran(wr *w, const rencana *r, int t)
{
	bool any = false;

	for (size_t i = 0; i < r->n_sasaran; i++)
		any = any || present(narasi_of(&r->sasaran[i], t));
	if (any) {
		plain(w, "narasi");
		map_start(w);
		for (size_t i = 0; i < r->n_sasaran; i++)
			kv_str(w, r->sasaran[i].kode,
			    narasi_of(&r->sasaran[i], t));
		map_end(w);
	}
	any = false;
	for (size_t i = 0; i < r->n_sasaran; i++)
		any = any || n_tabel_of(&r->sasaran[i], t) > 0;
	if (!any)
		return;
	plain(w, "tabel");
	map_start(w);
	for (size_t i = 0; i < r->n_sasaran; i++) {
		const sasaran *s = &r->sasaran[i];

		const tabel *tb = t == 0 ? s->tabel_tahunan : s->tabel[t];

		if (n_tabel_of(s, t) == 0)
			continue;
		str(w, s->kode);
		seq_start(w, false);
		for (size_t j = 0; j < n_tabel_of(s, t); j++)
			write_tabel(w, &tb[j]);
		seq_end(w);
	}
	map_end(w);
}

static void
write_teks(wr *w, const teks_ganti *teks, size_t n)
{
	if (n == 0)
		return;
	plain(w, "teks");
	map_start(w);
	for (size_t i = 0; i < n; i++) {
		str(w, teks[i].nama);
		str(w, teks[i].teks);   /* may be empty */
	}
	map_end(w);
}

static void
write_keterangan(wr *w, const rencana *r, int t)
{
	bool any = false;

	for (size_t i = 0; i < r->n_sasaran; i++)
		for (size_t j = 0; j < r->sasaran[i].n_iku; j++)
			any = any || present(r->sasaran[i].iku[j].keterangan[t]);
	if (!any)
		return;
	plain(w, "keterangan");
	map_start(w);
	for (size_t i = 0; i < r->n_sasaran; i++)
		for (size_t j = 0; j < r->sasaran[i].n_iku; j++)
			kv_str(w, r->sasaran[i].iku[j].kode,
			    r->sasaran[i].iku[j].keterangan[t]);
	map_end(w);
}

static void
date_kv(wr *w, int y, int m, int d)
{
	char date[32];

	snprintf(date, sizeof date, "%04d-%02d-%02d", y, m, d);
	plain(w, "tanggal");
	plain(w, date);
}

static void
write_triwulan_one(wr *w, const rencana *r, int t)
{
	const triwulan *tw = &r->tw[t];

	integer(w, t);
	map_start(w);
	if (triwulan_bertanggal(tw))             /* else not set yet */
		date_kv(w, tw->tahun, tw->bulan, tw->hari);
	write_realisasi(w, r, t);
	write_per_sasaran(w, r, t);
	if (tw->n_permasalahan > 0) {
		plain(w, "permasalahan");
		str_seq(w, tw->permasalahan, tw->n_permasalahan, false);
	}
	if (tw->n_tindak_lanjut > 0) {
		plain(w, "tindak_lanjut");
		str_seq(w, tw->tindak_lanjut, tw->n_tindak_lanjut, false);
	}
	kv_str(w, "kesimpulan", tw->kesimpulan);
	write_teks(w, tw->teks, tw->n_teks);
	write_keterangan(w, r, t);
	map_end(w);
}

static void
write_triwulan(wr *w, const rencana *r)
{
	bool any = false;

	for (int t = 1; t <= TW_MAX; t++)
		any = any || r->tw[t].ada;
	if (!any)
		return;
	plain(w, "triwulan");
	map_start(w);
	for (int t = 1; t <= TW_MAX; t++)
		if (r->tw[t].ada)
			write_triwulan_one(w, r, t);
	map_end(w);
}

/* ---- the whole year ---- */

static void
write_renstra(wr *w, const rencana *r)
{
	if (!r->renstra.ada)
		return;
	plain(w, "renstra");
	map_start(w);
	plain(w, "awal");
	integer(w, r->renstra.awal);
	plain(w, "akhir");
	integer(w, r->renstra.akhir);
	kv_str(w, "nama", r->renstra.nama);
	map_end(w);
}

static void
list_kv(wr *w, const char *key, char *const *s, size_t n)
{
	if (n == 0)
		return;
	plain(w, key);
	str_seq(w, s, n, false);
}

static void
write_tahunan(wr *w, const rencana *r)
{
	const tahunan *t = &r->tahunan;

	if (!t->ada)
		return;
	plain(w, "tahunan");
	map_start(w);
	date_kv(w, t->tahun, t->bulan, t->hari);
	write_realisasi(w, r, 0);
	kv_str(w, "ringkasan", t->ringkasan);
	kv_str(w, "gambaran_umum", t->gambaran_umum);
	list_kv(w, "isu_strategis", t->isu_strategis, t->n_isu_strategis);
	write_per_sasaran(w, r, 0);
	list_kv(w, "permasalahan", t->permasalahan, t->n_permasalahan);
	list_kv(w, "tindak_lanjut", t->tindak_lanjut, t->n_tindak_lanjut);
	kv_str(w, "kesimpulan", t->kesimpulan);
	write_teks(w, t->teks, t->n_teks);
	map_end(w);
}

static void
write_perjanjian(wr *w, const rencana *r)
{
	const perjanjian *p = &r->perjanjian;

	if (!p->ada)
		return;
	plain(w, "perjanjian");
	map_start(w);
	date_kv(w, p->tahun, p->bulan, p->hari);
	plain(w, "pihak_kedua");
	write_pejabat(w, &p->pihak_kedua);
	write_teks(w, p->teks, p->n_teks);
	map_end(w);
}

/* ---- document ---- */

static void
write_doc(wr *w, const rencana *r)
{
	yaml_event_t ev;

	yaml_stream_start_event_initialize(&ev, YAML_UTF8_ENCODING);
	emit(w, &ev);
	yaml_document_start_event_initialize(&ev, NULL, NULL, NULL, 1);
	emit(w, &ev);
	map_start(w);
	plain(w, "format");
	plain(w, "lakip/1");
	write_instansi(w, &r->instansi);
	plain(w, "tahun");
	integer(w, r->tahun);
	write_renstra(w, r);
	write_sasaran(w, r);
	write_program(w, r);
	write_triwulan(w, r);
	write_tahunan(w, r);
	write_perjanjian(w, r);
	map_end(w);
	yaml_document_end_event_initialize(&ev, 1);
	emit(w, &ev);
	yaml_stream_end_event_initialize(&ev);
	emit(w, &ev);
}

int
exchange_write(FILE *f, const rencana *r, lk_err *e)
{
	wr w;
	int rc = 0;

	memset(&w, 0, sizeof w);
	if (!yaml_emitter_initialize(&w.em))
		lk_fatal("out of memory (yaml emitter)");
	yaml_emitter_set_output_file(&w.em, f);
	yaml_emitter_set_unicode(&w.em, 1);
	yaml_emitter_set_width(&w.em, -1);
	yaml_emitter_set_indent(&w.em, 2);
	yaml_emitter_set_break(&w.em, YAML_LN_BREAK);
	write_doc(&w, r);
	if (!w.failed && !yaml_emitter_flush(&w.em))
		w.failed = true;
	if (w.failed && w.em.error == YAML_MEMORY_ERROR)
		lk_fatal("out of memory (yaml emitter)");
	if (w.bad != NULL) {
		char shown[41];
		size_t i;

		for (i = 0; i < sizeof shown - 1 && w.bad[i] != '\0'; i++)
			shown[i] = w.bad[i] >= 0x20 && w.bad[i] < 0x7F ?
			    w.bad[i] : '?';
		shown[i] = '\0';
		rc = lk_fail(e, EX_DATAERR, _("cannot write the exchange file: "
		    "a text is not valid UTF-8 (or too long): \"%s\""), shown);
	} else if (w.failed && w.em.error == YAML_EMITTER_ERROR)
		rc = lk_fail(e, EX_DATAERR, _("cannot write the exchange file: "
		    "%s"), w.em.problem ? w.em.problem : "?");
	else if (w.failed || fflush(f) != 0 || ferror(f))
		rc = lk_fail(e, EX_IOERR, _("cannot write the exchange file: "
		    "%s"), strerror(errno));
	yaml_emitter_delete(&w.em);
	return rc;
}
