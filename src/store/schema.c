/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* schema.c - the database schema as a list of forward migrations.
 *
 * Owns: the DDL.  Step k brings PRAGMA user_version from k-1 to k, in its
 * own transaction together with the user_version update, so a database is
 * always at a whole version.  Steps are never edited once released: a
 * change is a new step.
 *
 * Conventions: the domain words of GLOSSARY.md; every value is an INTEGER
 * (nilai x10^4, money in sen), checked with typeof() so no REAL slips in;
 * `urutan` is the 0-based report order within the parent; a child that
 * cannot outlive its parent is deleted with it (ON DELETE CASCADE).  Small
 * rows keyed by their parent are WITHOUT ROWID tables (one b-tree lookup
 * instead of two when a plan is loaded).
 */
#include "config.h"
#include "store/store_int.h"

#include <stdio.h>

#include "core/i18n.h"

/* Version 1: the plan of an agency for a year. */
static const char schema_v1[] =
	"CREATE TABLE instansi ("
	" id INTEGER PRIMARY KEY,"
	" kode TEXT NOT NULL UNIQUE,"
	" nama TEXT NOT NULL,"
	" pemerintah TEXT NOT NULL,"
	" kota TEXT NOT NULL,"
	" logo TEXT,"
	" kepala_nama TEXT,"
	" kepala_jabatan TEXT,"
	" kepala_pangkat TEXT,"
	" kepala_nip TEXT"
	");"
	/* Divisions belong to the agency, not to a year. */
	"CREATE TABLE bidang ("
	" id INTEGER PRIMARY KEY,"
	" instansi_id INTEGER NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,"
	" kode TEXT NOT NULL,"
	" nama TEXT NOT NULL,"
	" kepala_nama TEXT,"
	" kepala_jabatan TEXT,"
	" kepala_pangkat TEXT,"
	" kepala_nip TEXT,"
	" urutan INTEGER NOT NULL CHECK (typeof(urutan) = 'integer'),"
	" UNIQUE (instansi_id, kode)"
	");"
	"CREATE TABLE rencana ("
	" id INTEGER PRIMARY KEY,"
	" instansi_id INTEGER NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,"
	" tahun INTEGER NOT NULL CHECK (typeof(tahun) = 'integer'),"
	" UNIQUE (instansi_id, tahun)"
	");"
	/* bidang_id: no cascade; store_save never deletes a bidang that a
	 * sasaran of any year still names. */
	"CREATE TABLE sasaran ("
	" id INTEGER PRIMARY KEY,"
	" rencana_id INTEGER NOT NULL REFERENCES rencana(id) ON DELETE CASCADE,"
	" kode TEXT NOT NULL,"
	" uraian TEXT NOT NULL,"
	" bidang_id INTEGER REFERENCES bidang(id),"
	" urutan INTEGER NOT NULL CHECK (typeof(urutan) = 'integer'),"
	" UNIQUE (rencana_id, kode),"
	" UNIQUE (id, rencana_id)"
	");"
	"CREATE INDEX sasaran_bidang ON sasaran (bidang_id);"
	/* An IKU's kode is unique in the plan, so it can move between sasaran
	 * of the same plan (the composite key keeps it in that plan). */
	"CREATE TABLE iku ("
	" id INTEGER PRIMARY KEY,"
	" sasaran_id INTEGER NOT NULL,"
	" rencana_id INTEGER NOT NULL,"
	" kode TEXT NOT NULL,"
	" uraian TEXT NOT NULL,"
	" satuan TEXT NOT NULL,"
	" polaritas TEXT NOT NULL CHECK (polaritas IN ('positif', 'negatif')),"
	" target INTEGER NOT NULL CHECK (typeof(target) = 'integer'),"
	" urutan INTEGER NOT NULL CHECK (typeof(urutan) = 'integer'),"
	" UNIQUE (rencana_id, kode),"
	" FOREIGN KEY (sasaran_id, rencana_id) REFERENCES sasaran (id, rencana_id)"
	"  ON DELETE CASCADE"
	");"
	"CREATE INDEX iku_sasaran ON iku (sasaran_id, rencana_id);"
	"CREATE TABLE iku_target_tw ("
	" iku_id INTEGER NOT NULL REFERENCES iku(id) ON DELETE CASCADE,"
	" triwulan INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),"
	" target INTEGER NOT NULL CHECK (typeof(target) = 'integer'),"
	" PRIMARY KEY (iku_id, triwulan)"
	") WITHOUT ROWID;"
	"CREATE TABLE program ("
	" id INTEGER PRIMARY KEY,"
	" rencana_id INTEGER NOT NULL REFERENCES rencana(id) ON DELETE CASCADE,"
	" kode TEXT NOT NULL,"
	" uraian TEXT NOT NULL,"
	" anggaran INTEGER NOT NULL CHECK (typeof(anggaran) = 'integer'),"
	" urutan INTEGER NOT NULL CHECK (typeof(urutan) = 'integer'),"
	" UNIQUE (rencana_id, kode)"
	");"
	"CREATE TABLE program_target_tw ("
	" program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,"
	" triwulan INTEGER NOT NULL CHECK (triwulan BETWEEN 1 AND 4),"
	" target INTEGER NOT NULL CHECK (typeof(target) = 'integer'),"
	" PRIMARY KEY (program_id, triwulan)"
	") WITHOUT ROWID;"
	"CREATE TABLE program_sasaran ("
	" program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,"
	" sasaran_id INTEGER NOT NULL REFERENCES sasaran(id) ON DELETE CASCADE,"
	" urutan INTEGER NOT NULL CHECK (typeof(urutan) = 'integer'),"
	" PRIMARY KEY (program_id, sasaran_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX program_sasaran_sasaran ON program_sasaran (sasaran_id);";

/* Version 2: the quarterly reports filed against a plan. */
static const char schema_v2[] =
	"CREATE TABLE triwulan ("
	" id INTEGER PRIMARY KEY,"
	" rencana_id INTEGER NOT NULL REFERENCES rencana(id) ON DELETE CASCADE,"
	" nomor INTEGER NOT NULL CHECK (nomor BETWEEN 1 AND 4),"
	" tanggal TEXT NOT NULL CHECK (tanggal GLOB"
	"  '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
	" kesimpulan TEXT,"
	" UNIQUE (rencana_id, nomor)"
	");"
	/* A missing row means "not known yet", which is not 0. */
	"CREATE TABLE realisasi_iku ("
	" triwulan_id INTEGER NOT NULL REFERENCES triwulan(id) ON DELETE CASCADE,"
	" iku_id INTEGER NOT NULL REFERENCES iku(id) ON DELETE CASCADE,"
	" nilai INTEGER NOT NULL CHECK (typeof(nilai) = 'integer'),"
	" PRIMARY KEY (triwulan_id, iku_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX realisasi_iku_iku ON realisasi_iku (iku_id);"
	"CREATE TABLE realisasi_program ("
	" triwulan_id INTEGER NOT NULL REFERENCES triwulan(id) ON DELETE CASCADE,"
	" program_id INTEGER NOT NULL REFERENCES program(id) ON DELETE CASCADE,"
	" nilai INTEGER NOT NULL CHECK (typeof(nilai) = 'integer'),"
	" PRIMARY KEY (triwulan_id, program_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX realisasi_program_program ON realisasi_program (program_id);"
	"CREATE TABLE narasi ("
	" triwulan_id INTEGER NOT NULL REFERENCES triwulan(id) ON DELETE CASCADE,"
	" sasaran_id INTEGER NOT NULL REFERENCES sasaran(id) ON DELETE CASCADE,"
	" teks TEXT NOT NULL,"
	" PRIMARY KEY (triwulan_id, sasaran_id)"
	");"
	"CREATE INDEX narasi_sasaran ON narasi (sasaran_id);"
	/* Supporting tables; jumlah_baris keeps rows that have no cell. */
	"CREATE TABLE tabel ("
	" id INTEGER PRIMARY KEY,"
	" triwulan_id INTEGER NOT NULL REFERENCES triwulan(id) ON DELETE CASCADE,"
	" sasaran_id INTEGER NOT NULL REFERENCES sasaran(id) ON DELETE CASCADE,"
	" urutan INTEGER NOT NULL CHECK (typeof(urutan) = 'integer'),"
	" judul TEXT,"
	" catatan TEXT,"
	" jumlah_baris INTEGER NOT NULL CHECK (jumlah_baris >= 0),"
	" UNIQUE (triwulan_id, sasaran_id, urutan)"
	");"
	"CREATE INDEX tabel_sasaran ON tabel (sasaran_id);"
	"CREATE TABLE tabel_kolom ("
	" tabel_id INTEGER NOT NULL REFERENCES tabel(id) ON DELETE CASCADE,"
	" urutan INTEGER NOT NULL CHECK (typeof(urutan) = 'integer'),"
	" teks TEXT NOT NULL,"
	" PRIMARY KEY (tabel_id, urutan)"
	") WITHOUT ROWID;"
	"CREATE TABLE tabel_sel ("
	" tabel_id INTEGER NOT NULL REFERENCES tabel(id) ON DELETE CASCADE,"
	" baris INTEGER NOT NULL CHECK (typeof(baris) = 'integer'),"
	" kolom INTEGER NOT NULL CHECK (typeof(kolom) = 'integer'),"
	" teks TEXT NOT NULL,"
	" PRIMARY KEY (tabel_id, baris, kolom)"
	") WITHOUT ROWID;"
	"CREATE TABLE permasalahan ("
	" triwulan_id INTEGER NOT NULL REFERENCES triwulan(id) ON DELETE CASCADE,"
	" urutan INTEGER NOT NULL CHECK (typeof(urutan) = 'integer'),"
	" teks TEXT NOT NULL,"
	" PRIMARY KEY (triwulan_id, urutan)"
	");"
	"CREATE TABLE tindak_lanjut ("
	" triwulan_id INTEGER NOT NULL REFERENCES triwulan(id) ON DELETE CASCADE,"
	" urutan INTEGER NOT NULL CHECK (typeof(urutan) = 'integer'),"
	" teks TEXT NOT NULL,"
	" PRIMARY KEY (triwulan_id, urutan)"
	");"
	/* Overrides of the template's standard texts, in the file's order. */
	"CREATE TABLE teks_ganti ("
	" triwulan_id INTEGER NOT NULL REFERENCES triwulan(id) ON DELETE CASCADE,"
	" nama TEXT NOT NULL,"
	" teks TEXT NOT NULL,"
	" urutan INTEGER NOT NULL CHECK (typeof(urutan) = 'integer'),"
	" PRIMARY KEY (triwulan_id, nama)"
	");";

/* Version 3: users and roles, the review workflow of each quarterly
 * entry, locks, signed reports and the audit chain.  Logins are Unix
 * account names; users' bidang are kodes (matched in every agency).
 * Times are UTC, "YYYY-MM-DDTHH:MM:SSZ". */
static const char schema_v3[] =
	"CREATE TABLE users ("
	" login TEXT PRIMARY KEY CHECK (length(login) BETWEEN 1 AND 64),"
	" role TEXT NOT NULL CHECK (role IN ('operator', 'kabid', 'kepala', 'admin')),"
	" added_by TEXT NOT NULL,"
	" added_at TEXT NOT NULL"
	") WITHOUT ROWID;"
	"CREATE TABLE user_bidang ("
	" login TEXT NOT NULL REFERENCES users(login) ON DELETE CASCADE,"
	" bidang TEXT NOT NULL,"
	" PRIMARY KEY (login, bidang)"
	") WITHOUT ROWID;"
	/* No row: the entry is a draft. */
	"CREATE TABLE entry_state ("
	" triwulan_id INTEGER NOT NULL REFERENCES triwulan(id) ON DELETE CASCADE,"
	" iku_id INTEGER NOT NULL REFERENCES iku(id) ON DELETE CASCADE,"
	" state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved')),"
	" submitted_by TEXT, submitted_at TEXT,"
	" reviewed_by TEXT, reviewed_at TEXT,"
	" PRIMARY KEY (triwulan_id, iku_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX entry_state_iku ON entry_state (iku_id);"
	/* Every transition of an entry, with the reviewer's comment. */
	"CREATE TABLE entry_comment ("
	" id INTEGER PRIMARY KEY,"
	" triwulan_id INTEGER NOT NULL REFERENCES triwulan(id) ON DELETE CASCADE,"
	" iku_id INTEGER NOT NULL REFERENCES iku(id) ON DELETE CASCADE,"
	" at TEXT NOT NULL,"
	" login TEXT NOT NULL,"
	" action TEXT NOT NULL CHECK (action IN ('submit', 'approve', 'return', 'edit')),"
	" comment TEXT"
	");"
	"CREATE INDEX entry_comment_tw ON entry_comment (triwulan_id, iku_id);"
	"CREATE INDEX entry_comment_iku ON entry_comment (iku_id);"
	"CREATE TABLE quarter_lock ("
	" triwulan_id INTEGER PRIMARY KEY REFERENCES triwulan(id),"
	" locked INTEGER NOT NULL CHECK (locked IN (0, 1)),"
	" locked_by TEXT NOT NULL,"
	" locked_at TEXT NOT NULL"
	");"
	"CREATE TABLE unlock_history ("
	" id INTEGER PRIMARY KEY,"
	" triwulan_id INTEGER NOT NULL REFERENCES triwulan(id),"
	" unlocked_by TEXT NOT NULL,"
	" unlocked_at TEXT NOT NULL,"
	" reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),"
	" version INTEGER NOT NULL"
	");"
	"CREATE INDEX unlock_history_tw ON unlock_history (triwulan_id);"
	/* Hashes are 64 lowercase hex digits.  Never deleted. */
	"CREATE TABLE signed_report ("
	" id INTEGER PRIMARY KEY,"
	" triwulan_id INTEGER NOT NULL REFERENCES triwulan(id),"
	" version INTEGER NOT NULL CHECK (version >= 1),"
	" pdf BLOB NOT NULL,"
	" pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),"
	" unsigned_sha256 TEXT NOT NULL CHECK (length(unsigned_sha256) = 64),"
	" content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),"
	" signer TEXT NOT NULL,"
	" cert_subject TEXT NOT NULL,"
	" signed_at TEXT NOT NULL,"
	" UNIQUE (triwulan_id, version)"
	");"
	"CREATE INDEX signed_report_unsigned ON signed_report (unsigned_sha256);"
	/* The audit chain: hash = SHA-256 over prev_hash and the record's
	 * fields (audit.c); prev_hash of the first record is 64 zeros. */
	"CREATE TABLE audit ("
	" id INTEGER PRIMARY KEY,"
	" prev_hash TEXT NOT NULL,"
	" hash TEXT NOT NULL,"
	" at TEXT NOT NULL,"
	" login TEXT NOT NULL,"
	" action TEXT NOT NULL,"
	" scope TEXT,"
	" tbl TEXT NOT NULL,"
	" kode TEXT,"
	" field TEXT,"
	" old TEXT,"
	" new TEXT"
	");"
	"CREATE INDEX audit_login ON audit (login);";

/* Version 4: the certificates registered to sign each agency's reports
 * (signer.c).  sha256 is the fingerprint of the DER certificate; times
 * are seconds since the epoch.  A row is marked removed, never deleted,
 * so that a signature made with it can still be traced. */
static const char schema_v4[] =
	"CREATE TABLE signer ("
	" id INTEGER PRIMARY KEY,"
	" instansi_id INTEGER NOT NULL REFERENCES instansi(id),"
	" sha256 TEXT NOT NULL CHECK (length(sha256) = 64),"
	" subject TEXT NOT NULL,"
	" serial_number TEXT NOT NULL,"
	" not_before INTEGER NOT NULL,"
	" not_after INTEGER NOT NULL,"
	" pem TEXT NOT NULL,"
	" added_by TEXT NOT NULL,"
	" added_at TEXT NOT NULL,"
	" removed_by TEXT,"
	" removed_at TEXT,"
	" UNIQUE (instansi_id, sha256)"
	");";

/* Version 5: roles belong to an agency.  users lists every login the
 * database knows; role is 'admin' for the database's admins (every
 * agency), NULL for one whose roles are his agencies' (user_peran), with
 * a kabid's bidang there (user_peran_bidang, kodes of that agency's
 * bidang, kept across imports that replace them).  The migration hands
 * out no new power: a non-admin keeps, in every agency the database
 * holds, the role he had (he had it everywhere); his bidang go to the
 * agencies that have a bidang with that kode.  users is rebuilt (its
 * CHECK changes) after its only child, user_bidang, is gone; the rename
 * carries user_peran's reference along. */
static const char schema_v5[] =
	"CREATE TABLE users_v5 ("
	" login TEXT PRIMARY KEY CHECK (length(login) BETWEEN 1 AND 64),"
	" role TEXT CHECK (role IS NULL OR role = 'admin'),"
	" added_by TEXT NOT NULL,"
	" added_at TEXT NOT NULL"
	") WITHOUT ROWID;"
	"INSERT INTO users_v5 (login, role, added_by, added_at)"
	" SELECT login, CASE WHEN role = 'admin' THEN 'admin' END, added_by,"
	" added_at FROM users;"
	"CREATE TABLE user_peran ("
	" login TEXT NOT NULL REFERENCES users_v5(login) ON DELETE CASCADE,"
	" instansi_id INTEGER NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,"
	" role TEXT NOT NULL CHECK (role IN ('operator', 'kabid', 'kepala')),"
	" added_by TEXT NOT NULL,"
	" added_at TEXT NOT NULL,"
	" PRIMARY KEY (login, instansi_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX user_peran_instansi ON user_peran (instansi_id);"
	"INSERT INTO user_peran (login, instansi_id, role, added_by, added_at)"
	" SELECT u.login, i.id, u.role, u.added_by, u.added_at"
	" FROM users u CROSS JOIN instansi i WHERE u.role <> 'admin';"
	"CREATE TABLE user_peran_bidang ("
	" login TEXT NOT NULL,"
	" instansi_id INTEGER NOT NULL,"
	" bidang TEXT NOT NULL,"
	" PRIMARY KEY (login, instansi_id, bidang),"
	" FOREIGN KEY (login, instansi_id) REFERENCES user_peran (login, instansi_id)"
	"  ON DELETE CASCADE"
	") WITHOUT ROWID;"
	"INSERT INTO user_peran_bidang (login, instansi_id, bidang)"
	" SELECT ub.login, b.instansi_id, ub.bidang FROM user_bidang ub"
	" JOIN users u ON u.login = ub.login AND u.role = 'kabid'"
	" JOIN bidang b ON b.kode = ub.bidang;"
	"DROP TABLE user_bidang;"
	"DROP TABLE users;"
	"ALTER TABLE users_v5 RENAME TO users;";

/* Version 6: what an agency's documents are printed with.  Its own
 * predikat bands (exchange key instansi.predikat), from the highest
 * down; min in hundredths of a percent, NULL on the last. */
static const char schema_v6[] =
	"CREATE TABLE instansi_predikat ("
	" instansi_id INTEGER NOT NULL REFERENCES instansi(id) ON DELETE CASCADE,"
	" urutan INTEGER NOT NULL,"
	" nama TEXT NOT NULL CHECK (length(nama) > 0),"
	" min INTEGER,"
	" warna TEXT CHECK (warna IS NULL OR warna IN ('baik', 'cukup', 'kurang')),"
	" PRIMARY KEY (instansi_id, urutan)"
	") WITHOUT ROWID;"
	/* The report template an agency uses, versioned: the newest row is
	 * in force; yaml NULL means the installed template again.  Never
	 * deleted. */
	"CREATE TABLE instansi_template ("
	" id INTEGER PRIMARY KEY,"
	" instansi_id INTEGER NOT NULL REFERENCES instansi(id),"
	" versi INTEGER NOT NULL CHECK (versi >= 1),"
	" yaml TEXT,"
	" sha256 TEXT CHECK (sha256 IS NULL OR length(sha256) = 64),"
	" added_by TEXT NOT NULL,"
	" added_at TEXT NOT NULL,"
	" UNIQUE (instansi_id, versi)"
	");";

/* Version 7: the data of the whole year (spec "Additions for the whole
 * year"): the agency's time zone and verification URL; the Renstra period
 * of a plan; each IKU's baseline, national standard, Renstra targets and
 * earlier realisations (jenis), kategori bands (syarat NULL on the last);
 * a quarter's notes on realisations; the annual report (LKjIP) with its
 * final realisations, lists, narratives and tables (cells in row order;
 * row -1 holds the column headers); the performance agreement (PK); the
 * template overrides of both documents. */
static const char schema_v7[] =
	"ALTER TABLE instansi ADD COLUMN zona_waktu TEXT CHECK (zona_waktu IS NULL"
	" OR zona_waktu IN ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));"
	"ALTER TABLE instansi ADD COLUMN verifikasi TEXT CHECK (verifikasi IS NULL"
	" OR verifikasi GLOB 'http://?*' OR verifikasi GLOB 'https://?*');"
	"CREATE TABLE renstra ("
	" rencana_id INTEGER PRIMARY KEY REFERENCES rencana(id) ON DELETE CASCADE,"
	" awal INTEGER NOT NULL CHECK (typeof(awal) = 'integer'),"
	" akhir INTEGER NOT NULL CHECK (typeof(akhir) = 'integer'),"
	" nama TEXT,"
	" CHECK (awal <= akhir)"
	");"
	"CREATE TABLE iku_tahunan ("
	" iku_id INTEGER PRIMARY KEY REFERENCES iku(id) ON DELETE CASCADE,"
	" baseline_tahun INTEGER CHECK (baseline_tahun IS NULL OR"
	"  typeof(baseline_tahun) = 'integer'),"
	" baseline_nilai INTEGER CHECK (baseline_nilai IS NULL OR"
	"  typeof(baseline_nilai) = 'integer'),"
	" standar_nasional INTEGER CHECK (standar_nasional IS NULL OR"
	"  typeof(standar_nasional) = 'integer'),"
	" CHECK ((baseline_tahun IS NULL) = (baseline_nilai IS NULL))"
	");"
	"CREATE TABLE iku_tahun ("
	" iku_id INTEGER NOT NULL REFERENCES iku(id) ON DELETE CASCADE,"
	" jenis TEXT NOT NULL CHECK (jenis IN ('renstra', 'riwayat')),"
	" tahun INTEGER NOT NULL CHECK (typeof(tahun) = 'integer'),"
	" nilai INTEGER NOT NULL CHECK (typeof(nilai) = 'integer'),"
	" PRIMARY KEY (iku_id, jenis, tahun)"
	") WITHOUT ROWID;"
	"CREATE TABLE iku_kategori ("
	" iku_id INTEGER NOT NULL REFERENCES iku(id) ON DELETE CASCADE,"
	" urutan INTEGER NOT NULL CHECK (typeof(urutan) = 'integer'),"
	" label TEXT NOT NULL CHECK (length(label) > 0),"
	" syarat TEXT CHECK (syarat IS NULL OR syarat IN ('lebih_dari', 'minimal')),"
	" batas INTEGER CHECK (batas IS NULL OR typeof(batas) = 'integer'),"
	" CHECK ((syarat IS NULL) = (batas IS NULL)),"
	" PRIMARY KEY (iku_id, urutan)"
	") WITHOUT ROWID;"
	"CREATE TABLE keterangan ("
	" triwulan_id INTEGER NOT NULL REFERENCES triwulan(id) ON DELETE CASCADE,"
	" iku_id INTEGER NOT NULL REFERENCES iku(id) ON DELETE CASCADE,"
	" teks TEXT NOT NULL CHECK (length(teks) > 0),"
	" PRIMARY KEY (triwulan_id, iku_id)"
	") WITHOUT ROWID;"
	"CREATE INDEX keterangan_iku ON keterangan (iku_id);"
	"CREATE TABLE tahunan ("
	" rencana_id INTEGER PRIMARY KEY REFERENCES rencana(id) ON DELETE CASCADE,"
	" tanggal TEXT NOT NULL CHECK (tanggal GLOB"
	"  '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
	" ringkasan TEXT,"
	" gambaran_umum TEXT,"
	" kesimpulan TEXT"
	");"
	"CREATE TABLE tahunan_realisasi_iku ("
	" iku_id INTEGER PRIMARY KEY REFERENCES iku(id) ON DELETE CASCADE,"
	" nilai INTEGER NOT NULL CHECK (typeof(nilai) = 'integer')"
	");"
	"CREATE TABLE tahunan_realisasi_program ("
	" program_id INTEGER PRIMARY KEY REFERENCES program(id) ON DELETE CASCADE,"
	" nilai INTEGER NOT NULL CHECK (typeof(nilai) = 'integer')"
	");"
	"CREATE TABLE tahunan_daftar ("
	" rencana_id INTEGER NOT NULL REFERENCES rencana(id) ON DELETE CASCADE,"
	" jenis TEXT NOT NULL CHECK (jenis IN ('isu_strategis', 'permasalahan',"
	"  'tindak_lanjut')),"
	" urutan INTEGER NOT NULL CHECK (typeof(urutan) = 'integer'),"
	" teks TEXT NOT NULL,"
	" PRIMARY KEY (rencana_id, jenis, urutan)"
	") WITHOUT ROWID;"
	"CREATE TABLE tahunan_narasi ("
	" sasaran_id INTEGER PRIMARY KEY REFERENCES sasaran(id) ON DELETE CASCADE,"
	" teks TEXT NOT NULL"
	");"
	"CREATE TABLE tahunan_tabel ("
	" id INTEGER PRIMARY KEY,"
	" sasaran_id INTEGER NOT NULL REFERENCES sasaran(id) ON DELETE CASCADE,"
	" urutan INTEGER NOT NULL CHECK (typeof(urutan) = 'integer'),"
	" judul TEXT NOT NULL,"
	" catatan TEXT,"
	" UNIQUE (sasaran_id, urutan)"
	");"
	"CREATE TABLE tahunan_tabel_sel ("
	" tabel_id INTEGER NOT NULL REFERENCES tahunan_tabel(id) ON DELETE CASCADE,"
	" baris INTEGER NOT NULL CHECK (typeof(baris) = 'integer' AND baris >= -1),"
	" kolom INTEGER NOT NULL CHECK (typeof(kolom) = 'integer'),"
	" teks TEXT NOT NULL,"
	" PRIMARY KEY (tabel_id, baris, kolom)"
	") WITHOUT ROWID;"
	"CREATE TABLE teks_ganti_tahunan ("
	" rencana_id INTEGER NOT NULL REFERENCES rencana(id) ON DELETE CASCADE,"
	" dokumen TEXT NOT NULL CHECK (dokumen IN ('tahunan', 'perjanjian')),"
	" urutan INTEGER NOT NULL CHECK (typeof(urutan) = 'integer'),"
	" nama TEXT NOT NULL,"
	" teks TEXT NOT NULL,"
	" PRIMARY KEY (rencana_id, dokumen, urutan)"
	") WITHOUT ROWID;"
	"CREATE TABLE perjanjian ("
	" rencana_id INTEGER PRIMARY KEY REFERENCES rencana(id) ON DELETE CASCADE,"
	" tanggal TEXT NOT NULL CHECK (tanggal GLOB"
	"  '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'),"
	" nama TEXT NOT NULL,"
	" jabatan TEXT NOT NULL,"
	" pangkat TEXT,"
	" nip TEXT"
	");";

/* Version 8: everything the signed report prints is reviewed, not only
 * the IKU: an entry is (quarter, kind, the row it is of: iku.id,
 * program.id, sasaran.id for its narrative, 0 for BAB II and BAB III).
 * The IKU entries and their history move over; an entity's entries go
 * with it. */
static const char schema_v8[] =
	"CREATE TABLE review_state ("
	" triwulan_id INTEGER NOT NULL REFERENCES triwulan(id) ON DELETE CASCADE,"
	" jenis TEXT NOT NULL CHECK (jenis IN ('iku', 'program', 'narasi', 'bab2', 'bab3')),"
	" ref_id INTEGER NOT NULL,"
	" state TEXT NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved')),"
	" submitted_by TEXT, submitted_at TEXT,"
	" reviewed_by TEXT, reviewed_at TEXT,"
	" PRIMARY KEY (triwulan_id, jenis, ref_id)"
	") WITHOUT ROWID;"
	"CREATE TABLE review_event ("
	" id INTEGER PRIMARY KEY,"
	" triwulan_id INTEGER NOT NULL REFERENCES triwulan(id) ON DELETE CASCADE,"
	" jenis TEXT NOT NULL CHECK (jenis IN ('iku', 'program', 'narasi', 'bab2', 'bab3')),"
	" ref_id INTEGER NOT NULL,"
	" at TEXT NOT NULL,"
	" login TEXT NOT NULL,"
	" action TEXT NOT NULL CHECK (action IN ('submit', 'approve', 'return', 'edit')),"
	" comment TEXT"
	");"
	"CREATE INDEX review_event_tw ON review_event (triwulan_id, jenis, ref_id);"
	"INSERT INTO review_state SELECT triwulan_id, 'iku', iku_id, state,"
	" submitted_by, submitted_at, reviewed_by, reviewed_at FROM entry_state;"
	"INSERT INTO review_event SELECT id, triwulan_id, 'iku', iku_id, at, login,"
	" action, comment FROM entry_comment;"
	"DROP TABLE entry_state;"
	"DROP TABLE entry_comment;"
	"CREATE TRIGGER review_iku_gone AFTER DELETE ON iku BEGIN"
	" DELETE FROM review_state WHERE jenis = 'iku' AND ref_id = old.id;"
	" DELETE FROM review_event WHERE jenis = 'iku' AND ref_id = old.id; END;"
	"CREATE TRIGGER review_program_gone AFTER DELETE ON program BEGIN"
	" DELETE FROM review_state WHERE jenis = 'program' AND ref_id = old.id;"
	" DELETE FROM review_event WHERE jenis = 'program' AND ref_id = old.id; END;"
	"CREATE TRIGGER review_sasaran_gone AFTER DELETE ON sasaran BEGIN"
	" DELETE FROM review_state WHERE jenis = 'narasi' AND ref_id = old.id;"
	" DELETE FROM review_event WHERE jenis = 'narasi' AND ref_id = old.id; END;";

/* Version 9: a quarter's report date is the user's decision, empty (NULL)
 * until he sets it; never today by default.  SQLite cannot drop a NOT
 * NULL in place (and rebuilding the table would cascade its children
 * away), so both columns are added again in their order, the stored
 * dates and conclusions copied, and the old columns dropped. */
static const char schema_v9[] =
	"ALTER TABLE triwulan RENAME COLUMN tanggal TO tanggal_v8;"
	"ALTER TABLE triwulan RENAME COLUMN kesimpulan TO kesimpulan_v8;"
	"ALTER TABLE triwulan ADD COLUMN tanggal TEXT CHECK (tanggal IS NULL OR"
	" tanggal GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]');"
	"ALTER TABLE triwulan ADD COLUMN kesimpulan TEXT;"
	"UPDATE triwulan SET tanggal = tanggal_v8, kesimpulan = kesimpulan_v8;"
	"ALTER TABLE triwulan DROP COLUMN tanggal_v8;"
	"ALTER TABLE triwulan DROP COLUMN kesimpulan_v8;";

/* Version 10: the signed Perjanjian Kinerja (store/pk.c).  A row per
 * signature: pihak 1 (the head) makes version N, pihak 2 (his superior)
 * countersigns that version; the PDF of pihak 2's row carries both
 * signatures.  Once pihak 2 has signed, the year's agreement is locked.
 * A signer certificate is registered for pihak 1 (the head: the reports
 * and the agreement) or pihak 2 (the superior: only the countersignature).
 * Never deleted. */
static const char schema_v10[] =
	"ALTER TABLE signer ADD COLUMN pihak INTEGER NOT NULL DEFAULT 1"
	" CHECK (pihak IN (1, 2));"
	"CREATE TABLE pk_signed ("
	" id INTEGER PRIMARY KEY,"
	" rencana_id INTEGER NOT NULL REFERENCES rencana(id),"
	" version INTEGER NOT NULL CHECK (version >= 1),"
	" pihak INTEGER NOT NULL CHECK (pihak IN (1, 2)),"
	" pdf BLOB NOT NULL,"
	" pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),"
	" unsigned_sha256 TEXT NOT NULL CHECK (length(unsigned_sha256) = 64),"
	" content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),"
	" signer TEXT NOT NULL,"
	" cert_subject TEXT NOT NULL,"
	" cert_sha256 TEXT NOT NULL CHECK (length(cert_sha256) = 64),"
	" signed_at TEXT NOT NULL,"
	" UNIQUE (rencana_id, version, pihak)"
	");"
	"CREATE INDEX pk_signed_unsigned ON pk_signed (unsigned_sha256);"
	/* An admin unlocks a version both parties signed, with a reason
	 * (a revised agreement, say): pihak pertama then signs the next. */
	"CREATE TABLE pk_unlock ("
	" id INTEGER PRIMARY KEY,"
	" rencana_id INTEGER NOT NULL REFERENCES rencana(id),"
	" version INTEGER NOT NULL,"
	" unlocked_by TEXT NOT NULL,"
	" unlocked_at TEXT NOT NULL,"
	" reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),"
	" UNIQUE (rencana_id, version)"
	");"
	/* The agency's template of each kind of document (the template's
	 * `jenis`); those stored before were the quarterly report's. */
	"ALTER TABLE instansi_template ADD COLUMN dokumen TEXT NOT NULL"
	" DEFAULT 'laporan' CHECK (dokumen GLOB '[a-z]*');";

/* Version 11: an IKU's target and a program's budget may be blank
 * (NULL), to be typed: a new year copied from the year before takes no
 * figure that was not decided for it.  As in version 9, the columns are
 * added again at the end, the values copied, the old ones dropped. */
static const char schema_v11[] =
	"ALTER TABLE iku RENAME COLUMN target TO target_v9;"
	"ALTER TABLE iku ADD COLUMN target INTEGER CHECK (target IS NULL OR"
	" typeof(target) = 'integer');"
	"UPDATE iku SET target = target_v9;"
	"ALTER TABLE iku DROP COLUMN target_v9;"
	"ALTER TABLE program RENAME COLUMN anggaran TO anggaran_v9;"
	"ALTER TABLE program ADD COLUMN anggaran INTEGER CHECK (anggaran IS NULL"
	" OR typeof(anggaran) = 'integer');"
	"UPDATE program SET anggaran = anggaran_v9;"
	"ALTER TABLE program DROP COLUMN anggaran_v9;";
/* Version 12: the signed LKjIP (store/pk.c, as the agreement's pihak
 * pertama): a row per version the head signed; the latest locks the
 * year's annual data (tahunan) until an admin unlocks it with a reason;
 * the next signature makes the next version.  pihak is always 1 (the
 * head), so that the agreement's code reads both tables.  Never
 * deleted. */
static const char schema_v12[] =
	"CREATE TABLE lkjip_signed ("
	" id INTEGER PRIMARY KEY,"
	" rencana_id INTEGER NOT NULL REFERENCES rencana(id),"
	" version INTEGER NOT NULL CHECK (version >= 1),"
	" pihak INTEGER NOT NULL DEFAULT 1 CHECK (pihak = 1),"
	" pdf BLOB NOT NULL,"
	" pdf_sha256 TEXT NOT NULL CHECK (length(pdf_sha256) = 64),"
	" unsigned_sha256 TEXT NOT NULL CHECK (length(unsigned_sha256) = 64),"
	" content_sha256 TEXT NOT NULL CHECK (length(content_sha256) = 64),"
	" signer TEXT NOT NULL,"
	" cert_subject TEXT NOT NULL,"
	" cert_sha256 TEXT NOT NULL CHECK (length(cert_sha256) = 64),"
	" signed_at TEXT NOT NULL,"
	" UNIQUE (rencana_id, version, pihak)"
	");"
	"CREATE INDEX lkjip_signed_unsigned ON lkjip_signed (unsigned_sha256);"
	"CREATE TABLE lkjip_unlock ("
	" id INTEGER PRIMARY KEY,"
	" rencana_id INTEGER NOT NULL REFERENCES rencana(id),"
	" version INTEGER NOT NULL,"
	" unlocked_by TEXT NOT NULL,"
	" unlocked_at TEXT NOT NULL,"
	" reason TEXT NOT NULL CHECK (length(trim(reason)) > 0),"
	" UNIQUE (rencana_id, version)"
	");";

/* Version 13: the agency's default timestamp authority, used when a
 * signature is made without --tsa (svc/finalise.c).  Not printed, so not
 * held by a locked quarter.  From here each step has PostgreSQL's words
 * too (steps_pg). */
#define SCHEMA_V13(url_check) \
	"ALTER TABLE instansi ADD COLUMN tsa TEXT" url_check ";"
static const char schema_v13[] = SCHEMA_V13(" CHECK (tsa IS NULL"
	" OR tsa GLOB 'http://?*' OR tsa GLOB 'https://?*')");
static const char schema_v13_pg[] = SCHEMA_V13(" COLLATE \"C\" CHECK (tsa IS"
	" NULL OR tsa ~ '^https?://.')");

/* steps[k] brings user_version k-1 to k; steps_pg[k] on PostgreSQL, whose
 * databases start at STORE_VERSION_LKJIP (schema_pg.c). */
static const char *const steps_pg[] = {
	[STORE_VERSION_TSA] = schema_v13_pg,
};
static const char *const steps[] = {
	NULL,
	schema_v1,
	schema_v2,
	schema_v3,
	schema_v4,
	schema_v5,
	schema_v6,
	schema_v7,
	schema_v8,
	schema_v9,
	schema_v10,
	schema_v11,
	schema_v12,
	schema_v13,
};

#define N_STEPS ((int)(sizeof steps / sizeof steps[0]) - 1)

_Static_assert(N_STEPS == STORE_SCHEMA_VERSION,
	       "one migration step per schema version");
_Static_assert(sizeof steps_pg / sizeof steps_pg[0] == N_STEPS + 1,
	       "a schema step after 12 needs its PostgreSQL DDL");

int
schema_latest(void)
{
	return N_STEPS;
}

static int
first_admin(store *s, lk_err *e)
{
	drv_st *st = NULL;
	char now[32];
	int rc;

	store_now(now);
	rc = store_stmt(s, &st, "INSERT INTO users (login, role, added_by, added_at)"
			" SELECT ?1, 'admin', ?1, ?2"
			" WHERE NOT EXISTS (SELECT 1 FROM users)", e);
	if (rc == 0) {
		store_bind_text(s, st, 1, s->actor);
		store_bind_text(s, st, 2, now);
		rc = store_run(s, st, e);
	}
	if (rc == 0 && drv_changes(s->db) == 1) {
		int v = s->version;

		s->version = STORE_VERSION_WORKFLOW;   /* the audit table exists now */
		rc = store_audit6(s, "user-add", NULL, "users", s->actor, "role",
				  NULL, "admin", e);
		s->version = v;
	}
	drv_finalize(st);
	return rc;
}

static int
step(store *s, int k, lk_err *e)
{
	const char *sql;
	int64_t v;
	int rc;

	if ((rc = store_begin(s, e)) != 0)
		return rc;
	/* Another process may have migrated since the file was checked. */
	if ((rc = store_meta_get(s, "user_version", &v, e)) != 0)
		goto fail;
	if (v >= k) {
		store_rollback(s);
		return 0;
	}
	if (v != k - 1) {
		rc = lk_fail(e, EX_SOFTWARE,
			     _("%s: cannot migrate the database from version %d to %d"),
			     s->path, (int)v, k);
		goto fail;
	}
	sql = drv_dialect(s->db) == DRV_PG ? steps_pg[k] : steps[k];
	if (sql == NULL)
		lk_fatal("schema step %d has no text for this backend", k);
	if ((rc = store_exec(s, sql, e)) != 0)
		goto fail;
	if (k == 1 && (rc = store_meta_set(s, "application_id",
					   STORE_APPLICATION_ID, e)) != 0)
		goto fail;
	/* Whoever creates the database is its admin.  A migration hands out
	 * no role: an upgraded database without users gets its admin named
	 * by the file's owner (store_izin). */
	if (k == STORE_VERSION_WORKFLOW && s->creating &&
	    (rc = first_admin(s, e)) != 0)
		goto fail;
	if ((rc = store_meta_set(s, "user_version", k, e)) != 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return rc;
}

/* PostgreSQL: an empty database made at once at STORE_VERSION_LKJIP
 * (schema_pg.c), with the server's rules and its first admin. */
static int
step_pg_base(store *s, lk_err *e)
{
	int64_t v;
	int rc;

	if ((rc = store_begin(s, e)) != 0)
		return rc;
	if ((rc = store_meta_get(s, "user_version", &v, e)) != 0)
		goto fail;
	if (v > 0) {            /* another made it meanwhile */
		store_rollback(s);
		return 0;
	}
	if ((rc = store_exec(s, schema_pg_base, e)) != 0 ||
	    (rc = store_exec(s, schema_pg_rules, e)) != 0 ||
	    (rc = store_meta_set(s, "application_id", STORE_APPLICATION_ID,
				 e)) != 0)
		goto fail;
	if (s->creating && (rc = first_admin(s, e)) != 0)
		goto fail;
	if ((rc = store_meta_set(s, "user_version", STORE_VERSION_LKJIP, e)) != 0)
		goto fail;
	return store_commit(s, e);
fail:
	store_rollback(s);
	return rc;
}

int
schema_migrate(store *s, int target, lk_err *e)
{
	int k, rc;

	if (target > N_STEPS)
		lk_fatal("schema_migrate: no step to version %d", target);
	if (drv_dialect(s->db) == DRV_PG) {
		/* SQLite's history starts PostgreSQL's at version 12; the
		 * later steps are steps_pg's */
		if (target < STORE_VERSION_LKJIP)
			return lk_fail(e, EX_SOFTWARE,
				       _("%s: a PostgreSQL database starts at schema "
					 "version %d"), s->path, STORE_VERSION_LKJIP);
		if (s->version == 0) {
			if ((rc = step_pg_base(s, e)) != 0)
				return rc;
			s->version = STORE_VERSION_LKJIP;
		}
	}
	for (k = s->version + 1; k <= target; k++) {
		if ((rc = step(s, k, e)) != 0)
			return rc;
		s->version = k;
	}
	return 0;
}
