/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pdfparse.h - the little PDF reading that signing needs (internal to
 * src/sign).
 *
 * Owns: a lexer and object parser over a PDF held in memory, the chain of
 * classic cross-reference sections (startxref, xref tables, trailers,
 * /Prev), and finding indirect objects through it.  Values are not built
 * into trees: a pp_val is a typed span of the file's bytes, and
 * dictionaries and arrays are walked again when asked.  Everything is
 * bounds-checked: hostile input gives an error, never a read outside the
 * buffer (nesting is limited to PP_MAX_DEPTH).
 *
 * Refused (EX_DATAERR, clearly): cross-reference streams (PDF 1.5), also
 * in hybrid files (/XRefStm), and encrypted files (/Encrypt): their
 * objects cannot be rewritten correctly by appending plain text.
 *
 * Errors: pp_open() fills an lk_err ("FILE: byte N: what").  The lookup
 * functions return false and leave a message in the doc (pp_errmsg()).
 * Memory: the doc borrows the buffer (which must outlive it) and owns its
 * tables; pp_close() frees them.
 */
#ifndef LK_SIGN_PDFPARSE_H
#define LK_SIGN_PDFPARSE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

#define PP_MAX_DEPTH 64

typedef enum pp_type {
	PP_NULL, PP_BOOL, PP_NUM, PP_NAME, PP_STRING, PP_ARRAY, PP_DICT, PP_REF
} pp_type;

typedef struct pp_val {
	pp_type type;
	size_t start, end;       /* its bytes [start, end) in the file */
	bool is_int;             /* PP_NUM without a fraction */
	int64_t i;               /* PP_NUM (integer part), PP_BOOL */
	uint32_t obj;            /* PP_REF: object number and generation */
	uint32_t gen;
} pp_val;

typedef struct pp_ent {
	uint32_t num;
	uint32_t gen;
	size_t off;
	bool used;               /* 'n' entry (false: 'f', a freed object) */
	size_t seq;              /* order of reading, for a stable sort */
} pp_ent;

typedef struct pp_section {
	size_t xref_off;         /* where "xref" is */
	size_t ent_begin, ent_end; /* its entries in doc.ents */
	pp_val trailer;
	size_t rev_end;          /* after its "%%EOF" and the whitespace
	                          * that follows, or 0 if there is none */
} pp_section;

typedef struct pp_doc {
	const unsigned char *buf;
	size_t len;
	const char *path;
	pp_section *secs;        /* newest first, following /Prev */
	size_t nsecs;
	pp_ent *ents;            /* every entry, section by section */
	size_t nents;
	pp_ent *map;             /* by object number, newest entry of each */
	size_t nmap;
	pp_val root;             /* PP_REF */
	pp_val info, id;         /* PP_NULL when absent */
	uint32_t size;           /* first free object number */
	char errmsg[160];
	size_t erroff;
} pp_doc;

/* Reads the structure of buf[0, len).  path is only used in messages. */
int pp_open(pp_doc *d, const unsigned char *buf, size_t len, const char *path,
	    lk_err *e);
void pp_close(pp_doc *d);

/* The message of the last failed lookup, as "byte N: what". */
const char *pp_errmsg(const pp_doc *d);

/* One value starting at or after *pos (whitespace and comments skipped);
 * *pos is moved past it. */
bool pp_parse(pp_doc *d, size_t *pos, pp_val *v);

/* The value of indirect object num (its generation in *gen if not NULL)
 * and where its "N G obj" header starts (*off if not NULL). */
bool pp_object(pp_doc *d, uint32_t num, pp_val *v, uint32_t *gen, size_t *off);
/* The object whose header is at off (for walking a section's entries). */
bool pp_object_at(pp_doc *d, size_t off, uint32_t num, pp_val *v);
/* v itself, or the object it refers to (following up to 16 references). */
bool pp_resolve(pp_doc *d, const pp_val *v, pp_val *out);

/* Walk a dictionary's pairs or an array's items: *cursor starts at 0. */
bool pp_dict_next(pp_doc *d, const pp_val *dict, size_t *cursor, pp_val *key,
		  pp_val *val);
bool pp_array_next(pp_doc *d, const pp_val *arr, size_t *cursor, pp_val *item);
/* The value of key (a name without its slash) in dict. */
bool pp_dict_get(pp_doc *d, const pp_val *dict, const char *key, pp_val *val);

/* Whether v is the name `name` (without its slash; #xx escapes decoded). */
bool pp_name_is(const pp_doc *d, const pp_val *v, const char *name);

/* The bytes of a string value, decoded (escapes, hex digits).  Writes at
 * most cap bytes, returns the full length. */
size_t pp_string(const pp_doc *d, const pp_val *v, unsigned char *out,
		 size_t cap);

#endif
