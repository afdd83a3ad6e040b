/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* template.h - report templates: paper, fonts, chapter order, standard texts.
 *
 * Owns: loading a template (templates/NAME.yaml, format in
 * lakip-template(5)) into a tmpl, checking every key, number, font file
 * and {placeholder} at load time, and filling placeholders later.  Also
 * the Indonesian words a report needs: numbers in words, ordinals, month
 * names.
 *
 * Errors: tmpl_load returns 0, EX_DATAERR ("FILE:LINE:COL: ..." for a bad
 * key, value or text) or EX_NOINPUT (template or font file missing: the
 * message names it).  A tmpl and everything it points to belong to its
 * arena: free it with tmpl_free (NULL allowed).
 */
#ifndef LK_TEMPLATE_H
#define LK_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"
#include "core/predikat.h"
#include "report/doc.h"

/* Placeholders every text may use: X(id, name). */
#define TMPL_UMUM_LIST(X) \
	X(INSTANSI, "instansi") \
	X(INSTANSI_KAPITAL, "instansi_kapital") \
	X(PEMERINTAH, "pemerintah") \
	X(PEMERINTAH_KAPITAL, "pemerintah_kapital") \
	X(KOTA, "kota") \
	X(TAHUN, "tahun") \
	X(TRIWULAN, "triwulan") \
	X(TRIWULAN_ANGKA, "triwulan_angka") \
	X(TANGGAL, "tanggal") \
	X(BULAN_TAHUN, "bulan_tahun") \
	X(KEPALA_NAMA, "kepala_nama") \
	X(KEPALA_JABATAN, "kepala_jabatan") \
	X(KEPALA_PANGKAT, "kepala_pangkat") \
	X(KEPALA_NIP, "kepala_nip") \
	X(JUMLAH_SASARAN, "jumlah_sasaran") \
	X(JUMLAH_IKU, "jumlah_iku") \
	X(JUMLAH_PROGRAM, "jumlah_program")

enum tmpl_umum_id {
#define TMPL_X(id, nama) TP_##id,
	TMPL_UMUM_LIST(TMPL_X)
#undef TMPL_X
	TP_N
};

/* How a text is printed: one line of plain text (titles, cells, cover
 * lines), or narrative markup (paragraphs, lists, **bold**, *italic*). */
enum tmpl_jenis { TMPL_BARIS, TMPL_NARASI };

/* The standard texts: X(id, name, kind, extra placeholders of this text,
 * space separated).  lakip-template(5) describes each. */
#define TMPL_TEKS_LIST(X) \
	X(SAMPUL_PEMERINTAH, "sampul_pemerintah", TMPL_BARIS, "") \
	X(SAMPUL_JUDUL, "sampul_judul", TMPL_BARIS, "") \
	X(SAMPUL_INSTANSI, "sampul_instansi", TMPL_BARIS, "") \
	X(SAMPUL_TAHUN, "sampul_tahun", TMPL_BARIS, "") \
	X(SAMPUL_TRIWULAN, "sampul_triwulan", TMPL_BARIS, "") \
	X(SAMPUL_VERSI, "sampul_versi", TMPL_BARIS, "versi versi_sebelumnya") \
	X(SAMPUL_TEMPAT, "sampul_tempat", TMPL_BARIS, "") \
	X(JUDUL_KATA_PENGANTAR, "judul_kata_pengantar", TMPL_BARIS, "") \
	X(KATA_PENGANTAR, "kata_pengantar", TMPL_NARASI, "") \
	X(TTD_TEMPAT, "tanda_tangan_tempat", TMPL_BARIS, "") \
	X(TTD_JABATAN, "tanda_tangan_jabatan", TMPL_BARIS, "") \
	X(TTD_NIP, "tanda_tangan_nip", TMPL_BARIS, "") \
	X(JUDUL_DAFTAR_ISI, "judul_daftar_isi", TMPL_BARIS, "") \
	X(JUDUL_BAB1, "judul_bab1", TMPL_BARIS, "") \
	X(BAB1_PENGANTAR, "bab1_pengantar", TMPL_NARASI, "") \
	X(RUMUS_PENGANTAR, "rumus_pengantar", TMPL_NARASI, "") \
	X(RUMUS_CAPAIAN, "rumus_capaian", TMPL_BARIS, "") \
	X(RUMUS_REALISASI, "rumus_realisasi", TMPL_BARIS, "") \
	X(RUMUS_RENCANA, "rumus_rencana", TMPL_BARIS, "") \
	X(RUMUS_FAKTOR, "rumus_faktor", TMPL_BARIS, "") \
	X(RUMUS_NEGATIF_PENGANTAR, "rumus_negatif_pengantar", TMPL_NARASI, "") \
	X(RUMUS_NEGATIF_PEMBILANG, "rumus_negatif_pembilang", TMPL_BARIS, "") \
	X(PREDIKAT_PENGANTAR, "predikat_pengantar", TMPL_NARASI, "") \
	X(PREDIKAT_BATAS_AWAL, "predikat_batas_awal", TMPL_BARIS, "predikat batas") \
	X(PREDIKAT_BATAS, "predikat_batas", TMPL_BARIS, "predikat batas batas_atas") \
	X(PREDIKAT_BATAS_AKHIR, "predikat_batas_akhir", TMPL_BARIS, "predikat batas_atas") \
	X(JUDUL_CAPAIAN, "judul_capaian", TMPL_BARIS, "") \
	X(CAPAIAN_PENGANTAR, "capaian_pengantar", TMPL_NARASI, "") \
	X(TABEL_CAPAIAN_JUDUL, "tabel_capaian_judul", TMPL_BARIS, "") \
	X(KOLOM_NO, "kolom_no", TMPL_BARIS, "") \
	X(KOLOM_SASARAN, "kolom_sasaran", TMPL_BARIS, "") \
	X(KOLOM_IKU, "kolom_iku", TMPL_BARIS, "") \
	X(KOLOM_TARGET, "kolom_target", TMPL_BARIS, "") \
	X(KOLOM_REALISASI, "kolom_realisasi", TMPL_BARIS, "") \
	X(KOLOM_CAPAIAN, "kolom_capaian", TMPL_BARIS, "") \
	X(KOLOM_PREDIKAT, "kolom_predikat", TMPL_BARIS, "") \
	X(CATATAN_TARGET_TRIWULAN, "catatan_target_triwulan", TMPL_BARIS, "daftar") \
	X(JUDUL_ANALISIS, "judul_analisis", TMPL_BARIS, "") \
	X(ANALISIS_PENGANTAR, "analisis_pengantar", TMPL_NARASI, "") \
	X(SASARAN_JUDUL, "sasaran_judul", TMPL_BARIS, "nomor urutan kode uraian") \
	X(IKU_CAPAIAN, "iku_capaian", TMPL_NARASI, "kode iku target realisasi capaian predikat") \
	X(IKU_BELUM_REALISASI, "iku_belum_realisasi", TMPL_NARASI, "kode iku target") \
	X(IKU_TAK_TERDEFINISI, "iku_tak_terdefinisi", TMPL_NARASI, "kode iku target realisasi") \
	X(SASARAN_TANPA_IKU, "sasaran_tanpa_iku", TMPL_NARASI, "kode") \
	X(NARASI_KOSONG, "narasi_kosong", TMPL_NARASI, "kode") \
	X(JUDUL_BAB2, "judul_bab2", TMPL_BARIS, "") \
	X(BAB2_PENGANTAR, "bab2_pengantar", TMPL_NARASI, "") \
	X(JUDUL_PERMASALAHAN, "judul_permasalahan", TMPL_BARIS, "") \
	X(PERMASALAHAN_KOSONG, "permasalahan_kosong", TMPL_NARASI, "") \
	X(JUDUL_TINDAK_LANJUT, "judul_tindak_lanjut", TMPL_BARIS, "") \
	X(TINDAK_LANJUT_KOSONG, "tindak_lanjut_kosong", TMPL_NARASI, "") \
	X(JUDUL_BAB3, "judul_bab3", TMPL_BARIS, "") \
	X(BAB3_PENGANTAR, "bab3_pengantar", TMPL_NARASI, "") \
	X(JUDUL_KESIMPULAN, "judul_kesimpulan", TMPL_BARIS, "") \
	X(KESIMPULAN_BAWAAN, "kesimpulan_bawaan", TMPL_NARASI, "iku_terukur iku_belum") \
	X(KESIMPULAN_RINCIAN, "kesimpulan_rincian", TMPL_BARIS, "jumlah predikat") \
	X(KESIMPULAN_BELUM, "kesimpulan_belum", TMPL_NARASI, "iku_terukur iku_belum") \
	X(KESIMPULAN_KOSONG, "kesimpulan_kosong", TMPL_NARASI, "") \
	X(BAB3_PENUTUP, "bab3_penutup", TMPL_NARASI, "") \
	X(JUDUL_LAMPIRAN, "judul_lampiran", TMPL_BARIS, "") \
	X(LAMPIRAN_KINERJA_JUDUL, "lampiran_kinerja_judul", TMPL_BARIS, "") \
	X(LAMPIRAN_KEUANGAN_JUDUL, "lampiran_keuangan_judul", TMPL_BARIS, "") \
	X(LAMPIRAN_GRAFIK_JUDUL, "lampiran_grafik_judul", TMPL_BARIS, "") \
	X(KOLOM_PROGRAM, "kolom_program", TMPL_BARIS, "") \
	X(KOLOM_ANGGARAN, "kolom_anggaran", TMPL_BARIS, "") \
	X(KOLOM_TARGET_ANGGARAN, "kolom_target_anggaran", TMPL_BARIS, "") \
	X(KOLOM_REALISASI_ANGGARAN, "kolom_realisasi_anggaran", TMPL_BARIS, "") \
	X(KOLOM_CAPAIAN_ANGGARAN, "kolom_capaian_anggaran", TMPL_BARIS, "") \
	X(KOLOM_KETERANGAN, "kolom_keterangan", TMPL_BARIS, "") \
	X(BARIS_JUMLAH, "baris_jumlah", TMPL_BARIS, "") \
	X(KETERANGAN_TANPA_REALISASI, "keterangan_tanpa_realisasi", TMPL_BARIS, "") \
	X(CATATAN_TARGET_ANGGARAN, "catatan_target_anggaran", TMPL_BARIS, "daftar") \
	X(GRAFIK_CAPAIAN_JUDUL, "grafik_capaian_judul", TMPL_BARIS, "") \
	X(GRAFIK_ANGGARAN_JUDUL, "grafik_anggaran_judul", TMPL_BARIS, "") \
	X(LAMPIRAN_GRAFIK_TW_JUDUL, "lampiran_grafik_tw_judul", TMPL_BARIS, "") \
	X(GRAFIK_TW_JUDUL, "grafik_tw_judul", TMPL_BARIS, "kode iku satuan") \
	X(GRAFIK_TW_REALISASI, "grafik_tw_realisasi", TMPL_BARIS, "") \
	X(GRAFIK_TW_TARGET, "grafik_tw_target", TMPL_BARIS, "") \
	X(INFO_JUDUL, "info_judul", TMPL_BARIS, "") \
	X(INFO_SUBJEK, "info_subjek", TMPL_BARIS, "") \
	X(INFO_KATA_KUNCI, "info_kata_kunci", TMPL_BARIS, "")

/* The texts of the performance agreement (Perjanjian Kinerja), the
 * template of kind perjanjian (templates/perjanjian.yaml), same columns. */
#define TMPL_PK_TEKS_LIST(X) \
	X(PK_JUDUL, "pk_judul", TMPL_BARIS, "") \
	X(PK_INSTANSI, "pk_instansi", TMPL_BARIS, "") \
	X(PK_PEMBUKA, "pk_pembuka", TMPL_NARASI, "") \
	X(PK_NAMA, "pk_nama", TMPL_BARIS, "") \
	X(PK_JABATAN, "pk_jabatan", TMPL_BARIS, "") \
	X(PK_PANGKAT, "pk_pangkat", TMPL_BARIS, "") \
	X(PK_NIP, "pk_nip", TMPL_BARIS, "") \
	X(PK_PIHAK_PERTAMA, "pk_pihak_pertama", TMPL_NARASI, "") \
	X(PK_PIHAK_KEDUA, "pk_pihak_kedua", TMPL_NARASI, "") \
	X(PK_JANJI, "pk_janji", TMPL_NARASI, "") \
	X(PK_TEMPAT, "pk_tempat", TMPL_BARIS, "") \
	X(PK_TTD_KEDUA, "pk_ttd_kedua", TMPL_BARIS, "") \
	X(PK_TTD_PERTAMA, "pk_ttd_pertama", TMPL_BARIS, "") \
	X(PK_TTD_NIP, "pk_ttd_nip", TMPL_BARIS, "nip") \
	X(PK_LAMPIRAN_JUDUL, "pk_lampiran_judul", TMPL_BARIS, "") \
	X(PK_TABEL_KINERJA_JUDUL, "pk_tabel_kinerja_judul", TMPL_BARIS, "") \
	X(PK_KOLOM_NO, "pk_kolom_no", TMPL_BARIS, "") \
	X(PK_KOLOM_SASARAN, "pk_kolom_sasaran", TMPL_BARIS, "") \
	X(PK_KOLOM_IKU, "pk_kolom_iku", TMPL_BARIS, "") \
	X(PK_KOLOM_TARGET, "pk_kolom_target", TMPL_BARIS, "") \
	X(PK_KOLOM_TARGET_TW, "pk_kolom_target_tw", TMPL_BARIS, "tw") \
	X(PK_TABEL_ANGGARAN_JUDUL, "pk_tabel_anggaran_judul", TMPL_BARIS, "") \
	X(PK_KOLOM_PROGRAM, "pk_kolom_program", TMPL_BARIS, "") \
	X(PK_KOLOM_ANGGARAN, "pk_kolom_anggaran", TMPL_BARIS, "") \
	X(PK_BARIS_JUMLAH, "pk_baris_jumlah", TMPL_BARIS, "") \
	X(PK_INFO_JUDUL, "pk_info_judul", TMPL_BARIS, "") \
	X(PK_INFO_SUBJEK, "pk_info_subjek", TMPL_BARIS, "") \
	X(PK_INFO_KATA_KUNCI, "pk_info_kata_kunci", TMPL_BARIS, "")

/* The texts of the annual report (LKjIP), the template of kind lkjip
 * (templates/lkjip.yaml), same columns. */
#define TMPL_LKJIP_TEKS_LIST(X) \
	X(LK_SAMPUL_PEMERINTAH, "lkjip_sampul_pemerintah", TMPL_BARIS, "") \
	X(LK_SAMPUL_JUDUL, "lkjip_sampul_judul", TMPL_BARIS, "") \
	X(LK_SAMPUL_SINGKATAN, "lkjip_sampul_singkatan", TMPL_BARIS, "") \
	X(LK_SAMPUL_INSTANSI, "lkjip_sampul_instansi", TMPL_BARIS, "") \
	X(LK_SAMPUL_TAHUN, "lkjip_sampul_tahun", TMPL_BARIS, "") \
	X(LK_SAMPUL_TEMPAT, "lkjip_sampul_tempat", TMPL_BARIS, "") \
	X(LK_JUDUL_KATA_PENGANTAR, "lkjip_judul_kata_pengantar", TMPL_BARIS, "") \
	X(LK_KATA_PENGANTAR, "lkjip_kata_pengantar", TMPL_NARASI, "") \
	X(LK_TTD_TEMPAT, "lkjip_tanda_tangan_tempat", TMPL_BARIS, "") \
	X(LK_TTD_JABATAN, "lkjip_tanda_tangan_jabatan", TMPL_BARIS, "") \
	X(LK_TTD_NIP, "lkjip_tanda_tangan_nip", TMPL_BARIS, "") \
	X(LK_JUDUL_IKHTISAR, "lkjip_judul_ikhtisar", TMPL_BARIS, "") \
	X(LK_IKHTISAR_PENGANTAR, "lkjip_ikhtisar_pengantar", TMPL_NARASI, "") \
	X(LK_RINGKASAN_KOSONG, "lkjip_ringkasan_kosong", TMPL_NARASI, "") \
	X(LK_IKHTISAR_TABEL, "lkjip_ikhtisar_tabel", TMPL_NARASI, "") \
	X(LK_TABEL_IKHTISAR_JUDUL, "lkjip_tabel_ikhtisar_judul", TMPL_BARIS, "") \
	X(LK_JUDUL_DAFTAR_ISI, "lkjip_judul_daftar_isi", TMPL_BARIS, "") \
	X(LK_JUDUL_BAB1, "lkjip_judul_bab1", TMPL_BARIS, "") \
	X(LK_BAB1_PENGANTAR, "lkjip_bab1_pengantar", TMPL_NARASI, "") \
	X(LK_JUDUL_GAMBARAN_UMUM, "lkjip_judul_gambaran_umum", TMPL_BARIS, "") \
	X(LK_GAMBARAN_UMUM_KOSONG, "lkjip_gambaran_umum_kosong", TMPL_NARASI, "") \
	X(LK_JUDUL_ISU_STRATEGIS, "lkjip_judul_isu_strategis", TMPL_BARIS, "") \
	X(LK_ISU_STRATEGIS_PENGANTAR, "lkjip_isu_strategis_pengantar", TMPL_NARASI, "") \
	X(LK_ISU_STRATEGIS_KOSONG, "lkjip_isu_strategis_kosong", TMPL_NARASI, "") \
	X(LK_JUDUL_SISTEMATIKA, "lkjip_judul_sistematika", TMPL_BARIS, "") \
	X(LK_SISTEMATIKA, "lkjip_sistematika", TMPL_NARASI, "") \
	X(LK_JUDUL_BAB2, "lkjip_judul_bab2", TMPL_BARIS, "") \
	X(LK_BAB2_PENGANTAR, "lkjip_bab2_pengantar", TMPL_NARASI, "") \
	X(LK_JUDUL_RENSTRA, "lkjip_judul_renstra", TMPL_BARIS, "") \
	X(LK_RENSTRA_PENGANTAR, "lkjip_renstra_pengantar", TMPL_NARASI, "nama awal akhir") \
	X(LK_RENSTRA_KOSONG, "lkjip_renstra_kosong", TMPL_NARASI, "") \
	X(LK_TABEL_RENSTRA_JUDUL, "lkjip_tabel_renstra_judul", TMPL_BARIS, "nama awal akhir") \
	X(LK_KOLOM_BASELINE, "lkjip_kolom_baseline", TMPL_BARIS, "") \
	X(LK_KOLOM_TARGET_RENSTRA, "lkjip_kolom_target_renstra", TMPL_BARIS, "") \
	X(LK_JUDUL_PK, "lkjip_judul_perjanjian", TMPL_BARIS, "") \
	X(LK_PK_PENGANTAR, "lkjip_perjanjian_pengantar", TMPL_NARASI, "") \
	X(LK_TABEL_PK_JUDUL, "lkjip_tabel_perjanjian_judul", TMPL_BARIS, "") \
	X(LK_TABEL_PAGU_JUDUL, "lkjip_tabel_pagu_judul", TMPL_BARIS, "") \
	X(LK_KOLOM_NO, "lkjip_kolom_no", TMPL_BARIS, "") \
	X(LK_KOLOM_SASARAN, "lkjip_kolom_sasaran", TMPL_BARIS, "") \
	X(LK_KOLOM_IKU, "lkjip_kolom_iku", TMPL_BARIS, "") \
	X(LK_KOLOM_TARGET, "lkjip_kolom_target", TMPL_BARIS, "") \
	X(LK_KOLOM_TARGET_TW, "lkjip_kolom_target_tw", TMPL_BARIS, "tw") \
	X(LK_KOLOM_REALISASI, "lkjip_kolom_realisasi", TMPL_BARIS, "") \
	X(LK_KOLOM_CAPAIAN, "lkjip_kolom_capaian", TMPL_BARIS, "") \
	X(LK_KOLOM_PREDIKAT, "lkjip_kolom_predikat", TMPL_BARIS, "") \
	X(LK_KOLOM_PERUBAHAN, "lkjip_kolom_perubahan", TMPL_BARIS, "") \
	X(LK_KOLOM_CAPAIAN_RENSTRA, "lkjip_kolom_capaian_renstra", TMPL_BARIS, "") \
	X(LK_KOLOM_STANDAR, "lkjip_kolom_standar", TMPL_BARIS, "") \
	X(LK_KOLOM_PROGRAM, "lkjip_kolom_program", TMPL_BARIS, "") \
	X(LK_KOLOM_ANGGARAN, "lkjip_kolom_anggaran", TMPL_BARIS, "") \
	X(LK_KOLOM_REALISASI_ANGGARAN, "lkjip_kolom_realisasi_anggaran", TMPL_BARIS, "") \
	X(LK_KOLOM_SERAPAN, "lkjip_kolom_serapan", TMPL_BARIS, "") \
	X(LK_KOLOM_EFISIENSI, "lkjip_kolom_efisiensi", TMPL_BARIS, "") \
	X(LK_BARIS_JUMLAH, "lkjip_baris_jumlah", TMPL_BARIS, "") \
	X(LK_TANPA_REALISASI, "lkjip_tanpa_realisasi", TMPL_BARIS, "") \
	X(LK_CATATAN_TW4, "lkjip_catatan_tw4", TMPL_BARIS, "daftar") \
	X(LK_JUDUL_BAB3, "lkjip_judul_bab3", TMPL_BARIS, "") \
	X(LK_BAB3_PENGANTAR, "lkjip_bab3_pengantar", TMPL_NARASI, "") \
	X(LK_JUDUL_CAPAIAN, "lkjip_judul_capaian", TMPL_BARIS, "") \
	X(LK_RUMUS_PENGANTAR, "lkjip_rumus_pengantar", TMPL_NARASI, "") \
	X(LK_RUMUS_CAPAIAN, "lkjip_rumus_capaian", TMPL_BARIS, "") \
	X(LK_RUMUS_REALISASI, "lkjip_rumus_realisasi", TMPL_BARIS, "") \
	X(LK_RUMUS_RENCANA, "lkjip_rumus_rencana", TMPL_BARIS, "") \
	X(LK_RUMUS_FAKTOR, "lkjip_rumus_faktor", TMPL_BARIS, "") \
	X(LK_RUMUS_NEGATIF_PENGANTAR, "lkjip_rumus_negatif_pengantar", TMPL_NARASI, "") \
	X(LK_RUMUS_NEGATIF_PEMBILANG, "lkjip_rumus_negatif_pembilang", TMPL_BARIS, "") \
	X(LK_PREDIKAT_PENGANTAR, "lkjip_predikat_pengantar", TMPL_NARASI, "") \
	X(LK_PREDIKAT_BATAS_AWAL, "lkjip_predikat_batas_awal", TMPL_BARIS, "predikat batas") \
	X(LK_PREDIKAT_BATAS, "lkjip_predikat_batas", TMPL_BARIS, "predikat batas batas_atas") \
	X(LK_PREDIKAT_BATAS_AKHIR, "lkjip_predikat_batas_akhir", TMPL_BARIS, "predikat batas_atas") \
	X(LK_KATEGORI_PENGANTAR, "lkjip_kategori_pengantar", TMPL_NARASI, "") \
	X(LK_CAPAIAN_PENGANTAR, "lkjip_capaian_pengantar", TMPL_NARASI, "") \
	X(LK_TABEL_CAPAIAN_JUDUL, "lkjip_tabel_capaian_judul", TMPL_BARIS, "") \
	X(LK_JUDUL_ANALISIS, "lkjip_judul_analisis", TMPL_BARIS, "") \
	X(LK_ANALISIS_PENGANTAR, "lkjip_analisis_pengantar", TMPL_NARASI, "") \
	X(LK_SASARAN_JUDUL, "lkjip_sasaran_judul", TMPL_BARIS, "nomor urutan kode uraian") \
	X(LK_SASARAN_CAPAIAN, "lkjip_sasaran_capaian", TMPL_NARASI, "kode uraian capaian jumlah") \
	X(LK_SASARAN_BELUM, "lkjip_sasaran_belum", TMPL_NARASI, "kode uraian") \
	X(LK_SASARAN_TANPA_IKU, "lkjip_sasaran_tanpa_iku", TMPL_NARASI, "kode") \
	X(LK_IKU_CAPAIAN, "lkjip_iku_capaian", TMPL_NARASI, "kode iku target realisasi capaian predikat") \
	X(LK_IKU_BELUM, "lkjip_iku_belum_realisasi", TMPL_NARASI, "kode iku target") \
	X(LK_IKU_TAK_TERDEFINISI, "lkjip_iku_tak_terdefinisi", TMPL_NARASI, "kode iku target realisasi") \
	X(LK_KETERANGAN, "lkjip_keterangan", TMPL_BARIS, "kode keterangan") \
	X(LK_TABEL_TARGET_JUDUL, "lkjip_tabel_target_judul", TMPL_BARIS, "nomor") \
	X(LK_TABEL_TAHUN_JUDUL, "lkjip_tabel_tahun_judul", TMPL_BARIS, "nomor awal") \
	X(LK_TAHUN_KOSONG, "lkjip_tahun_kosong", TMPL_NARASI, "") \
	X(LK_TABEL_RENSTRA_SASARAN_JUDUL, "lkjip_tabel_renstra_sasaran_judul", TMPL_BARIS, "nomor akhir") \
	X(LK_RENSTRA_SASARAN_KOSONG, "lkjip_renstra_sasaran_kosong", TMPL_NARASI, "") \
	X(LK_TABEL_STANDAR_JUDUL, "lkjip_tabel_standar_judul", TMPL_BARIS, "nomor") \
	X(LK_STANDAR_KOSONG, "lkjip_standar_kosong", TMPL_NARASI, "") \
	X(LK_GRAFIK_JUDUL, "lkjip_grafik_judul", TMPL_BARIS, "kode iku") \
	X(LK_GRAFIK_REALISASI, "lkjip_grafik_realisasi", TMPL_BARIS, "") \
	X(LK_GRAFIK_TARGET, "lkjip_grafik_target", TMPL_BARIS, "") \
	X(LK_JUDUL_NARASI, "lkjip_judul_narasi", TMPL_BARIS, "") \
	X(LK_NARASI_KOSONG, "lkjip_narasi_kosong", TMPL_NARASI, "kode") \
	X(LK_JUDUL_EFISIENSI, "lkjip_judul_efisiensi", TMPL_BARIS, "") \
	X(LK_EFISIENSI_PENGANTAR, "lkjip_efisiensi_pengantar", TMPL_NARASI, "") \
	X(LK_RUMUS_EFISIENSI, "lkjip_rumus_efisiensi", TMPL_BARIS, "") \
	X(LK_RUMUS_EFISIENSI_PEMBILANG, "lkjip_rumus_efisiensi_pembilang", TMPL_BARIS, "") \
	X(LK_RUMUS_EFISIENSI_PENYEBUT, "lkjip_rumus_efisiensi_penyebut", TMPL_BARIS, "") \
	X(LK_TABEL_EFISIENSI_JUDUL, "lkjip_tabel_efisiensi_judul", TMPL_BARIS, "") \
	X(LK_EFISIENSI_CATATAN, "lkjip_efisiensi_catatan", TMPL_BARIS, "") \
	X(LK_JUDUL_ANGGARAN, "lkjip_judul_anggaran", TMPL_BARIS, "") \
	X(LK_ANGGARAN_PENGANTAR, "lkjip_anggaran_pengantar", TMPL_NARASI, "") \
	X(LK_TABEL_ANGGARAN_JUDUL, "lkjip_tabel_anggaran_judul", TMPL_BARIS, "") \
	X(LK_JUDUL_BAB4, "lkjip_judul_bab4", TMPL_BARIS, "") \
	X(LK_BAB4_PENGANTAR, "lkjip_bab4_pengantar", TMPL_NARASI, "") \
	X(LK_JUDUL_KESIMPULAN, "lkjip_judul_kesimpulan", TMPL_BARIS, "") \
	X(LK_KESIMPULAN_KOSONG, "lkjip_kesimpulan_kosong", TMPL_NARASI, "") \
	X(LK_JUDUL_PERMASALAHAN, "lkjip_judul_permasalahan", TMPL_BARIS, "") \
	X(LK_PERMASALAHAN_KOSONG, "lkjip_permasalahan_kosong", TMPL_NARASI, "") \
	X(LK_JUDUL_TINDAK_LANJUT, "lkjip_judul_tindak_lanjut", TMPL_BARIS, "") \
	X(LK_TINDAK_LANJUT_KOSONG, "lkjip_tindak_lanjut_kosong", TMPL_NARASI, "") \
	X(LK_PENUTUP, "lkjip_penutup", TMPL_NARASI, "") \
	X(LK_JUDUL_LAMPIRAN, "lkjip_judul_lampiran", TMPL_BARIS, "") \
	X(LK_LAMPIRAN_PK_JUDUL, "lkjip_lampiran_perjanjian_judul", TMPL_BARIS, "") \
	X(LK_LAMPIRAN_PK_KOSONG, "lkjip_lampiran_perjanjian_kosong", TMPL_NARASI, "") \
	X(LK_INFO_JUDUL, "lkjip_info_judul", TMPL_BARIS, "") \
	X(LK_INFO_SUBJEK, "lkjip_info_subjek", TMPL_BARIS, "") \
	X(LK_INFO_KATA_KUNCI, "lkjip_info_kata_kunci", TMPL_BARIS, "")

enum tmpl_teks_id {
#define TMPL_X(id, nama, jenis, lokal) TT_##id,
	TMPL_TEKS_LIST(TMPL_X)
	TMPL_PK_TEKS_LIST(TMPL_X)
	TMPL_LKJIP_TEKS_LIST(TMPL_X)
#undef TMPL_X
	TT_N
};

/* The kinds of document a template is for (its key `jenis`); each text
 * and each part belongs to one kind (tmpl_teks_dokumen,
 * tmpl_bagian_dokumen). */
enum tmpl_dokumen { TD_LAPORAN, TD_PERJANJIAN, TD_LKJIP, TD_N };

/* Parts of a document, in the default order of their kind: the
 * quarterly report's, then the agreement's (its naskah and lampiran),
 * then the annual report's. */
enum tmpl_bagian {
	TB_SAMPUL, TB_KATA_PENGANTAR, TB_DAFTAR_ISI, TB_BAB1, TB_BAB2,
	TB_BAB3, TB_LAMPIRAN, TB_PK_NASKAH, TB_PK_LAMPIRAN,
	TB_LK_SAMPUL, TB_LK_KATA_PENGANTAR, TB_LK_IKHTISAR, TB_LK_DAFTAR_ISI,
	TB_LK_BAB1, TB_LK_BAB2, TB_LK_BAB3, TB_LK_BAB4, TB_LK_LAMPIRAN, TB_N
};

typedef struct tmpl {
	arena mem;
	const char *file;              /* the file loaded (for messages) */
	enum tmpl_dokumen jenis;       /* the kind of document */
	/* Paper, portrait, and margins: hundredths of a millimetre. */
	int64_t lebar, tinggi;
	int64_t margin_atas, margin_bawah, margin_kiri, margin_kanan;
	bool lampiran_landscape;
	doc_font_set font;             /* TTF paths, each checked to exist */
	int64_t ukuran_huruf;          /* body text, hundredths of a point */
	int64_t ukuran_judul;          /* chapter headings, hundredths of a point */
	int64_t spasi;                 /* line spacing, hundredths: 150 = 1.5 */
	enum tmpl_bagian urutan[TB_N]; /* parts printed, in order */
	size_t n_urutan;
	const char *teks[TT_N];        /* raw texts, with {placeholders} */
	unsigned teks_line[TT_N], teks_col[TT_N];
	/* Predikat bands described in BAB I and computed with: the ones the
	 * caller chose (report_render: the agency's, else the installed
	 * table svc read once), else tmpl_load_predikat's.  Empty (n 0)
	 * as loaded: the template files name no bands. */
	predikat_tabel predikat;
} tmpl;

/* templates/predikat.yaml where found, else the default, into
 * t->predikat (for a caller that has no table of its own). */
int tmpl_load_predikat(tmpl *t, lk_err *e);

/* A NAME ("laporan") is templates/NAME.yaml found with datafile_find (the
 * user's ~/.config/lakip/templates/NAME.yaml overrides the installed
 * one); a value containing '/' or ending in ".yaml" is a file path. */
int tmpl_load(const char *name_or_file, tmpl **out, lk_err *e);
/* Same from memory; name is used in messages ("t.yaml"). */
int tmpl_load_buffer(const char *name, const char *buf, size_t len,
		     tmpl **out, lk_err *e);
void tmpl_free(tmpl *t);

/* Names of texts and parts; lookup by name returns -1 when unknown. */
const char *tmpl_teks_nama(enum tmpl_teks_id id);
enum tmpl_jenis tmpl_teks_jenis(enum tmpl_teks_id id);
/* The text's own placeholders, space separated ("" when none). */
const char *tmpl_teks_lokal(enum tmpl_teks_id id);
int tmpl_teks_cari(const char *nama);
const char *tmpl_umum_nama(enum tmpl_umum_id id);
const char *tmpl_bagian_nama(enum tmpl_bagian b);
/* The kind a text or a part belongs to; the name of a kind ("laporan",
 * "perjanjian"), or NULL. */
enum tmpl_dokumen tmpl_teks_dokumen(enum tmpl_teks_id id);
enum tmpl_dokumen tmpl_bagian_dokumen(enum tmpl_bagian b);
const char *tmpl_dokumen_nama(enum tmpl_dokumen d);

/* A placeholder's value. */
typedef struct tmpl_nilai {
	const char *nama;
	const char *nilai;
} tmpl_nilai;

/* Fill the {placeholders} of text from v (n values; the first of a name
 * wins); "{{" and "}}" stand for literal braces, a lone "}" is literal.
 * Returns 0 with *out in a, or EX_DATAERR with *bad (in a) the offending
 * part ("{nama}" unknown, or "{" unclosed) and *out untouched. */
int tmpl_isi(arena *a, const char *text, const tmpl_nilai *v, size_t n,
	     char **out, const char **bad);

/* Checks text's placeholders for text id (the common ones plus its own);
 * returns 0, or EX_DATAERR with *off and *len the bad part's byte range and
 * *why a static English message (N_). */
int tmpl_periksa(enum tmpl_teks_id id, const char *text, size_t *off,
		 size_t *len, const char **why);

/* Indonesian words.  Buffers of TMPL_KATA_MAX bytes; return buf.
 *   tmpl_bilangan(21)  "dua puluh satu"  (0 .. 999999999999; beyond: digits)
 *   tmpl_urutan(1)     "pertama", (2) "kedua", (11) "kesebelas",
 *                      (21) "kedua puluh satu"; 0 gives "" 
 *   tmpl_bulan(7)      "Juli" (static; "?" outside 1..12) */
#define TMPL_KATA_MAX 256
char *tmpl_bilangan(unsigned long long n, char buf[TMPL_KATA_MAX]);
char *tmpl_urutan(unsigned long long n, char buf[TMPL_KATA_MAX]);
const char *tmpl_bulan(int bulan);

#endif
