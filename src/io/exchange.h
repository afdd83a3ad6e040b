/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* exchange.h - the YAML exchange format lakip/1 (spec/exchange-format.md).
 *
 * Owns: reading an exchange file into a rencana, enforcing every rule of
 * the spec (types, required and unknown keys, duplicate keys, kode
 * references, quarters 1..4, targets >= 0, decimals, dates, NIP), and
 * writing a rencana back in one canonical form, so that
 * export -> import -> export is byte-identical.
 */
#ifndef LK_EXCHANGE_H
#define LK_EXCHANGE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#include "core/err.h"
#include "core/model.h"

/* Read and validate path.  On error nothing is returned, e->msg is
 * "FILE:LINE:COL: ..." and the code is EX_DATAERR (EX_NOINPUT when the
 * file cannot be read).  instansi.logo is relative to the YAML file's
 * directory in the file (to the current directory for a buffer); the
 * rencana holds it as an absolute path, and the file must be readable.
 * Decisions the spec leaves open:
 *   - strings are trimmed of surrounding white space (a literal block
 *     loses its final newline); required ones, optional ones when given,
 *     narratives and list items must then be non-empty; table cells,
 *     column headers and teks values may be empty;
 *   - control characters other than tab and newline are refused, and
 *     bidirectional controls (U+200E, U+200F, U+202A..U+202E,
 *     U+2066..U+2069, U+061C) in every text;
 *   - names and titles (instansi, pejabat and bidang fields, uraian of
 *     sasaran, IKU and program, satuan, table titles) hold at most 1,000
 *     characters and no invisible character (zero-width, format,
 *     filler, variation selector, tag): the PDF library prints a title
 *     as one string of at most 65,535 bytes, and look-alikes hide there;
 *     other texts (narratives, list items, cells, notes) hold
 *     paragraphs of at most 60,000 bytes (a printed line is part of one
 *     paragraph: zero-width characters could put more than the PDF
 *     library's 65,535 bytes on one line);
 *   - kodes (sasaran, IKU, program, bidang; exchange_kode_ok) hold only
 *     ASCII letters, digits and . - _ /, so that no two kodes look
 *     alike (no Cyrillic 'a' beside a Latin one); instansi.kode is a
 *     slug, [a-z0-9-]+;
 *   - an optional key whose value is null is the same as a missing key
 *     (for realisasi_* this means "not known yet");
 *   - integer keys (quarters) and tahun must be plain decimal integers
 *     without leading zeros; numbers may be plain or quoted;
 *   - sasaran may be an empty list; a table needs at least one column. */
int exchange_read_file(const char *path, rencana **out, lk_err *e);
int exchange_read_buffer(const char *name, const char *buf, size_t len,
			 rencana **out, lk_err *e);

/* The same checks over a tree built by another reader (io/sheet.h builds
 * one from a workbook; positions are cells then).  The doc and its nodes
 * stay the caller's; no logo is read. */
struct yd_doc;
int exchange_read_doc(const struct yd_doc *doc, rencana **out, lk_err *e);

/* A kode as lakip/1 allows it: ASCII letters, digits, '.', '-', '_' and
 * '/' (a front end that lets people type kodes checks with it too).
 * When not, the 1-based character position and the code point of the
 * first character that is not allowed go to *at and *cp (may be NULL). */
bool exchange_kode_ok(const char *s, size_t *at, uint32_t *cp);

/* instansi.zona_waktu as lakip/1 allows it: Asia/Jakarta (WIB),
 * Asia/Makassar (WITA) or Asia/Jayapura (WIT). */
bool exchange_zona_ok(const char *s);

/* instansi.verifikasi and .tsa: an http:// or https:// URL with a host, printable
 * ASCII without spaces, quotes, <, >, backslash or backquote. */
bool exchange_url_ok(const char *s);

/* Write r in canonical form to f: keys in the order of the spec, only
 * values present (an empty optional string counts as absent; empty table
 * cells and teks values are written), quarters ascending, realisations in
 * plan order, strings plain only where every YAML 1.1/1.2 reader reads
 * them back as the same string (else double-quoted, or a literal block
 * when multi-line).  Returns 0, EX_IOERR when writing fails, or
 * EX_DATAERR when a string cannot be written (invalid UTF-8). */
int exchange_write(FILE *f, const rencana *r, lk_err *e);

#endif
