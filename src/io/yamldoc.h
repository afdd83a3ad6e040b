/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* yamldoc.h - a YAML document as a tree with positions, for lakip's
 * data files (exchange files, forms, templates, predikat bands).
 *
 * Owns: loading a single-document YAML file into nodes allocated in an
 * arena, refusing what lakip files never need and what could hurt:
 *   - anchors and aliases (alias bombs) and explicit tags (even core
 *     ones such as !!str: lakip files never need them);
 *   - more than one document in a file;
 *   - nesting deeper than YAMLDOC_MAX_DEPTH;
 *   - files larger than YAMLDOC_MAX_FILE, scalars larger than
 *     YAMLDOC_MAX_SCALAR;
 *   - invalid UTF-8 and control characters (libyaml's scanner);
 *   - duplicate keys in a mapping; keys that are not scalars;
 *   - NUL characters in scalars (written as "\0" in a quoted string).
 * Every error is "FILE:LINE:COL: what was expected" and EX_DATAERR
 * (EX_NOINPUT when the file cannot be opened).
 *
 * Typed getters help schema code: yd_* functions check a node and fill
 * the error with the node's position.
 */
#ifndef LK_YAMLDOC_H
#define LK_YAMLDOC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/err.h"

#define YAMLDOC_MAX_DEPTH 64
#define YAMLDOC_MAX_FILE (32u * 1024 * 1024)
#define YAMLDOC_MAX_SCALAR (1u * 1024 * 1024)

enum yd_type { YD_SCALAR, YD_SEQ, YD_MAP };

typedef struct yd_node yd_node;
typedef struct yd_pair {
	yd_node *key;      /* always a scalar */
	yd_node *value;
} yd_pair;

struct yd_node {
	enum yd_type type;
	unsigned line, col;  /* 1-based position of the node's start */
	/* scalar */
	char *str;           /* NUL-terminated; contains no other NUL */
	size_t len;
	bool plain;          /* unquoted plain scalar (may be a number/null) */
	/* sequence */
	yd_node **item;
	size_t n_item;
	/* mapping, in document order */
	yd_pair *pair;
	size_t n_pair;
};

typedef struct yd_doc {
	const char *file;    /* name used in messages */
	yd_node *root;       /* NULL for an empty document */
	/* For a tree built from something else than YAML (a spreadsheet,
	 * io/sheet.h): when set, a node's position reads as where() writes
	 * it, file included ("rencana.xlsx: iku!F7"), and messages are
	 * "WHERE: ..."; NULL for YAML ("FILE:LINE:COL: ..."). */
	void (*where)(const struct yd_doc *d, unsigned line, unsigned col,
		      bool with_file, char *buf, size_t n);
	const void *where_ctx;
} yd_doc;

/* Parse a file / a memory buffer (name used in messages). */
int yd_load_file(arena *a, const char *path, yd_doc *out, lk_err *e);
int yd_load_buffer(arena *a, const char *name, const char *buf, size_t len,
		   yd_doc *out, lk_err *e);

/* Fail with the node's position. */
int yd_fail(const yd_doc *d, const yd_node *n, lk_err *e, const char *fmt, ...)
	__attribute__((format(printf, 4, 5)));

/* A node's position for "first at ..." in messages: "line 5", or what
 * the document's where() says without the file ("iku!D5").  Returns buf. */
#define YD_WHERE_MAX 1100
const char *yd_where(const yd_doc *d, const yd_node *n,
		     char buf[YD_WHERE_MAX]);

/* Plain scalar that YAML reads as null ("", "~", "null", "Null", "NULL"). */
bool yd_is_null(const yd_node *n);

/* Value of key in a mapping, or NULL. */
yd_node *yd_get(const yd_node *map, const char *key);

/* Checks that map is a mapping whose keys are all in allowed (NULL-ended)
 * and that every key in required (NULL-ended, may be NULL) is present.
 * `what` names the mapping in messages ("sasaran[2]"). */
int yd_check_keys(const yd_doc *d, const yd_node *map, const char *what,
		  const char *const *allowed, const char *const *required,
		  lk_err *e);

/* Typed reads; each fails with the node's position. */
int yd_expect(const yd_doc *d, const yd_node *n, enum yd_type t,
	      const char *what, lk_err *e);
int yd_string(const yd_doc *d, const yd_node *n, const char *what,
	      char **out, lk_err *e);             /* any non-null scalar */
int yd_int(const yd_doc *d, const yd_node *n, const char *what,
	   long min, long max, long *out, lk_err *e);
int yd_bool(const yd_doc *d, const yd_node *n, const char *what, bool *out,
	    lk_err *e);

/* A machine number (dec_parse_machine) with at most `scale` decimals, from
 * a plain or quoted scalar; negative values only when allow_neg.  "78,5"
 * and "1.234.567" fail with a hint on the machine form. */
int yd_number(const yd_doc *d, const yd_node *n, const char *what,
	      int scale, bool allow_neg, int64_t *out, lk_err *e);

/* How a node looks in a message: "\"abc\"" (shortened, control characters
 * shown as '?'), "null", "a mapping" or "a sequence".  Returns buf. */
#define YD_DESCRIBE_MAX 96
const char *yd_describe(const yd_node *n, char buf[YD_DESCRIBE_MAX]);

/* Any text from a file, as quoted in a message: "\"abc\"", shortened,
 * control characters shown as '?' (so a message cannot drive the
 * terminal).  Returns buf. */
const char *yd_quote(const char *s, char buf[YD_DESCRIBE_MAX]);

#endif
