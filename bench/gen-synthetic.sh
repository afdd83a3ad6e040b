#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Copyright (C) 2026 The lakip developers.
# gen-synthetic.sh [SASARAN [IKU [PROGRAM]]] - write a synthetic lakip/1
# exchange file on standard output: by default 1,000 sasaran, 5,000 IKU,
# 2,000 programs and 4 quarters with narratives, realisations and a
# supporting table for every tenth sasaran.  Deterministic (no randomness)
# so that runs compare.
exec awk -v NS="${1:-1000}" -v NI="${2:-5000}" -v NP="${3:-2000}" '
function num(i, m) { return (i * 7919) % m }
BEGIN {
	print "format: lakip/1"
	print "instansi:"
	print "  kode: sintetis"
	print "  nama: Badan Sintetis Provinsi Contoh"
	print "  pemerintah: Pemerintah Provinsi Contoh"
	print "  kota: Kota Contoh"
	print "  kepala:"
	print "    nama: \"Dr. Contoh, S.E., M.M.\""
	print "    jabatan: Kepala Badan"
	print "    pangkat: Pembina Utama Madya (IV/d)"
	print "    nip: \"19661022 199308 1 001\""
	print "  bidang:"
	for (b = 1; b <= 4; b++) {
		print "    - kode: b" b
		print "      nama: Bidang Contoh " b
	}
	print "tahun: 2023"
	print "sasaran:"
	per = int(NI / NS); k = 0
	for (s = 1; s <= NS; s++) {
		print "  - kode: SS" s
		print "    uraian: Meningkatnya capaian sasaran strategis contoh nomor " s " di seluruh kabupaten dan kota"
		print "    bidang: b" (s % 4 + 1)
		print "    iku:"
		n = (s == NS) ? NI - k : per
		for (j = 0; j < n; j++) {
			k++
			print "      - kode: IKU" k
			print "        uraian: Persentase pelaksanaan kegiatan pendukung indikator contoh nomor " k
			print "        satuan: \"%\""
			if (k % 5 == 0) print "        polaritas: negatif"
			print "        target: " 50 + num(k, 50) "." num(k, 100)
			print "        target_triwulan: {1: 10, 2: 25.5, 3: 40, 4: " 50 + num(k, 50) "." num(k, 100) "}"
		}
	}
	print "program:"
	for (p = 1; p <= NP; p++) {
		print "  - kode: \"1.01." p "\""
		print "    uraian: Program contoh penunjang urusan pemerintahan daerah nomor " p
		print "    anggaran: " 100000000 + num(p, 900000000)
		print "    sasaran: [SS" (p % NS) + 1 "]"
	}
	print "triwulan:"
	for (q = 1; q <= 4; q++) {
		print "  " q ":"
		print "    tanggal: 2023-" sprintf("%02d", q * 3 + (q < 4 ? 1 : 0)) "-14"
		print "    realisasi_iku:"
		for (i = 1; i <= NI; i++) if ((i + q) % 7 != 0) print "      IKU" i ": " num(i * q, 60) "." num(i, 10)
		print "    realisasi_program:"
		for (p = 1; p <= NP; p++) print "      \"1.01." p "\": " int((100000000 + num(p, 900000000)) * q / 5)
		print "    narasi:"
		for (s = 1; s <= NS; s++) {
			print "      SS" s ": |"
			print "        Capaian sasaran ini pada triwulan " q " didukung oleh kegiatan **koordinasi**"
			print "        dan *pembinaan* di kabupaten dan kota, dengan peserta dari unsur masyarakat."
			print ""
			print "        - Rapat koordinasi pelaksanaan kegiatan bersama perangkat daerah."
			print "        - Sosialisasi kepada masyarakat di tingkat kecamatan dan desa."
		}
		print "    tabel:"
		for (s = 10; s <= NS; s += 10) {
			print "      SS" s ":"
			print "        - judul: Data pendukung sasaran " s
			print "          kolom: [Uraian, \"2022\", \"2023\"]"
			print "          baris:"
			print "            - [Jumlah peserta, \"120\", \"150\"]"
			print "            - [Jumlah kegiatan, \"4\", \"6\"]"
		}
		print "    permasalahan:"
		print "      - Keterbatasan anggaran kegiatan pada triwulan " q "."
		print "    tindak_lanjut:"
		print "      - Meningkatkan koordinasi dengan perangkat daerah terkait."
		print "    kesimpulan: Capaian kinerja triwulan " q " secara umum baik."
	}
}'
