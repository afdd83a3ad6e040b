/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
#include "config.h"
#include "yamldoc.h"

#include "core/dec.h"
#include "core/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>
#include <yaml.h>

/* Maps with more pairs than this find duplicate keys with a hash set. */
#define HASH_FROM 8

/* One open collection while the tree is built. */
typedef struct frame {
	yd_node *node;
	size_t cap;            /* of node->item or node->pair */
	yd_node *key;          /* mapping: key waiting for its value */
	size_t *hs;            /* mapping: pair index + 1, 0 = empty */
	size_t hcap;           /* power of two */
} frame;

typedef struct builder {
	arena *a;
	yd_doc *doc;
	lk_err *e;
	frame stack[YAMLDOC_MAX_DEPTH];
	int depth;
	bool done;             /* the document's root is complete */
} builder;

static unsigned
mark_line(yaml_mark_t m)
{
	return (unsigned)m.line + 1;
}

static unsigned
mark_col(yaml_mark_t m)
{
	return (unsigned)m.column + 1;
}

static int
fail_at(const yd_doc *d, unsigned line, unsigned col, lk_err *e,
	const char *fmt, va_list ap)
{
	char msg[LK_ERR_MAX];

	vsnprintf(msg, sizeof msg, fmt, ap);
	if (d->where != NULL) {
		char w[YD_WHERE_MAX];

		d->where(d, line, col, true, w, sizeof w);
		return lk_fail(e, EX_DATAERR, "%s: %s", w, msg);
	}
	return lk_fail_at(e, EX_DATAERR, d->file, line, col, "%s", msg);
}

const char *
yd_where(const yd_doc *d, const yd_node *n, char buf[YD_WHERE_MAX])
{
	if (d->where != NULL)
		d->where(d, n->line, n->col, false, buf, YD_WHERE_MAX);
	else
		snprintf(buf, YD_WHERE_MAX, _("line %u"), n->line);
	return buf;
}

int
yd_fail(const yd_doc *d, const yd_node *n, lk_err *e, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = fail_at(d, n ? n->line : 0, n ? n->col : 0, e, fmt, ap);
	va_end(ap);
	return rc;
}

static int
fail_mark(builder *b, yaml_mark_t m, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

static int
fail_mark(builder *b, yaml_mark_t m, const char *fmt, ...)
{
	va_list ap;
	int rc;

	va_start(ap, fmt);
	rc = fail_at(b->doc, mark_line(m), mark_col(m), b->e, fmt, ap);
	va_end(ap);
	return rc;
}

/* Line and column (1-based, in characters) of a byte offset. */
static void
offset_pos(const char *buf, size_t len, size_t off, unsigned *line,
	   unsigned *col)
{
	unsigned l = 1, c = 1;

	if (off > len)
		off = len;
	for (size_t i = 0; i < off; i++) {
		unsigned char ch = (unsigned char)buf[i];

		if (ch == '\n' || (ch == '\r' && (i + 1 >= len || buf[i + 1] != '\n'))) {
			l++;
			c = 1;
		} else if ((ch & 0xC0) != 0x80 && ch != '\r') {
			c++;
		}
	}
	*line = l;
	*col = c;
}

/* libyaml's own messages (its reader, scanner and parser, version 0.2),
 * marked here so that they are translated like lakip's; one not listed
 * is shown as libyaml wrote it. */
static const char *const yaml_messages[] = {
	N_("block sequence entries are not allowed in this context"),
	N_("control characters are not allowed"),
	N_("could not find expected ':'"),
	N_("could not find expected directive name"),
	N_("did not find URI escaped octet"),
	N_("did not find expected '!'"),
	N_("did not find expected ',' or ']'"),
	N_("did not find expected ',' or '}'"),
	N_("did not find expected '-' indicator"),
	N_("did not find expected <document start>"),
	N_("did not find expected <stream-start>"),
	N_("did not find expected alphabetic or numeric character"),
	N_("did not find expected comment or line break"),
	N_("did not find expected digit or '.' character"),
	N_("did not find expected hexdecimal number"),
	N_("did not find expected key"),
	N_("did not find expected node content"),
	N_("did not find expected tag URI"),
	N_("did not find expected version number"),
	N_("did not find expected whitespace"),
	N_("did not find expected whitespace or line break"),
	N_("did not find the expected '>'"),
	N_("expected DOCUMENT-END"),
	N_("expected DOCUMENT-START or STREAM-END"),
	N_("expected SCALAR, SEQUENCE-START, MAPPING-START, or ALIAS"),
	N_("expected STREAM-START"),
	N_("expected nothing after STREAM-END"),
	N_("found a tab character that violates indentation"),
	N_("found a tab character where an indentation space is expected"),
	N_("found an incorrect leading UTF-8 octet"),
	N_("found an incorrect trailing UTF-8 octet"),
	N_("found an indentation indicator equal to 0"),
	N_("found character that cannot start any token"),
	N_("found duplicate %TAG directive"),
	N_("found duplicate %YAML directive"),
	N_("found duplicate anchor; first occurrence"),
	N_("found extremely long version number"),
	N_("found incompatible YAML document"),
	N_("found invalid Unicode character escape code"),
	N_("found undefined alias"),
	N_("found undefined tag handle"),
	N_("found unexpected ':'"),
	N_("found unexpected document indicator"),
	N_("found unexpected end of stream"),
	N_("found unexpected non-alphabetical character"),
	N_("found unknown directive name"),
	N_("found unknown escape character"),
	N_("incompatible %YAML directive"),
	N_("incomplete UTF-16 character"),
	N_("incomplete UTF-16 surrogate pair"),
	N_("incomplete UTF-8 octet sequence"),
	N_("input error"),
	N_("input is too long"),
	N_("invalid Unicode character"),
	N_("invalid leading UTF-8 octet"),
	N_("invalid length of a UTF-8 sequence"),
	N_("invalid trailing UTF-8 octet"),
	N_("mapping keys are not allowed in this context"),
	N_("mapping values are not allowed in this context"),
	N_("unexpected low surrogate area"),
	N_("while parsing a %TAG directive"),
	N_("while parsing a block collection"),
	N_("while parsing a block mapping"),
	N_("while parsing a block node"),
	N_("while parsing a flow mapping"),
	N_("while parsing a flow node"),
	N_("while parsing a flow sequence"),
	N_("while parsing a node"),
	N_("while parsing a quoted scalar"),
	N_("while parsing a tag"),
	N_("while parsing a tag directive"),
	N_("while scanning a %TAG directive"),
	N_("while scanning a %YAML directive"),
	N_("while scanning a block scalar"),
	N_("while scanning a directive"),
	N_("while scanning a plain scalar"),
	N_("while scanning a quoted scalar"),
	N_("while scanning a simple key"),
	N_("while scanning a tag"),
	N_("while scanning a tag directive"),
	N_("while scanning an alias"),
	N_("while scanning an anchor"),
	N_("while scanning for the next token"),
	N_("write error"),
};

static const char *
yaml_tr(const char *m)
{
	size_t i;

	if (m == NULL)
		return "?";
	for (i = 0; i < sizeof yaml_messages / sizeof yaml_messages[0]; i++)
		if (strcmp(m, yaml_messages[i]) == 0)
			return _(yaml_messages[i]);
	return m;
}

static int
parser_error(builder *b, const yaml_parser_t *p, const char *buf, size_t len)
{
	unsigned line, col;

	if (p->error == YAML_MEMORY_ERROR)
		lk_fatal("out of memory while reading %s", b->doc->file);
	if (p->error == YAML_READER_ERROR) {
		offset_pos(buf, len, p->problem_offset, &line, &col);
		if (p->problem_value >= 0)
			return lk_fail_at(b->e, EX_DATAERR, b->doc->file, line, col,
			    _("%s (0x%02X)"), yaml_tr(p->problem),
			    (unsigned)p->problem_value);
		return lk_fail_at(b->e, EX_DATAERR, b->doc->file, line, col, "%s",
		    yaml_tr(p->problem));
	}
	line = mark_line(p->problem_mark);
	col = mark_col(p->problem_mark);
	if (p->context != NULL)
		return lk_fail_at(b->e, EX_DATAERR, b->doc->file, line, col,
		    _("%s (%s)"), yaml_tr(p->problem), yaml_tr(p->context));
	return lk_fail_at(b->e, EX_DATAERR, b->doc->file, line, col, "%s",
	    p->problem ? yaml_tr(p->problem) : _("invalid YAML"));
}

static size_t
hash_bytes(const char *s, size_t n)
{
	uint64_t h = 1469598103934665603ULL;

	for (size_t i = 0; i < n; i++) {
		h ^= (unsigned char)s[i];
		h *= 1099511628211ULL;
	}
	return (size_t)(h ^ (h >> 29));
}

static bool
same_key(const yd_node *a, const yd_node *b)
{
	return a->len == b->len && memcmp(a->str, b->str, a->len) == 0;
}

static void
hash_put(frame *f, size_t idx)
{
	const yd_node *k = f->node->pair[idx].key;
	size_t m = f->hcap - 1, i = hash_bytes(k->str, k->len) & m;

	while (f->hs[i] != 0)
		i = (i + 1) & m;
	f->hs[i] = idx + 1;
}

static void
hash_rebuild(frame *f, size_t hcap)
{
	free(f->hs);
	f->hs = calloc(hcap, sizeof *f->hs);
	if (f->hs == NULL)
		lk_fatal("out of memory (%zu bytes)", hcap * sizeof *f->hs);
	f->hcap = hcap;
	for (size_t i = 0; i < f->node->n_pair; i++)
		hash_put(f, i);
}

/* Earlier key equal to k, or NULL. */
static const yd_node *
find_key(frame *f, const yd_node *k)
{
	const yd_node *map = f->node;

	if (f->hs == NULL) {
		for (size_t i = 0; i < map->n_pair; i++)
			if (same_key(map->pair[i].key, k))
				return map->pair[i].key;
		return NULL;
	}
	for (size_t m = f->hcap - 1, i = hash_bytes(k->str, k->len) & m;
	     f->hs[i] != 0; i = (i + 1) & m)
		if (same_key(map->pair[f->hs[i] - 1].key, k))
			return map->pair[f->hs[i] - 1].key;
	return NULL;
}

static void
add_pair(builder *b, frame *f, yd_node *value)
{
	yd_node *map = f->node;

	map->pair = arena_grow(b->a, map->pair, sizeof *map->pair, &f->cap,
	    map->n_pair + 1);
	map->pair[map->n_pair].key = f->key;
	map->pair[map->n_pair].value = value;
	map->n_pair++;
	f->key = NULL;
	if (f->hs != NULL && map->n_pair * 2 > f->hcap)
		hash_rebuild(f, f->hcap * 2);
	else if (f->hs != NULL)
		hash_put(f, map->n_pair - 1);
	else if (map->n_pair > HASH_FROM)
		hash_rebuild(f, 64);
}

/* A complete node: becomes the root, an item, a key or a value. */
static int
attach(builder *b, yd_node *n)
{
	frame *f;

	if (b->depth == 0) {
		b->doc->root = n;
		b->done = true;
		return 0;
	}
	f = &b->stack[b->depth - 1];
	if (f->node->type == YD_SEQ) {
		f->node->item = arena_grow(b->a, f->node->item,
		    sizeof *f->node->item, &f->cap, f->node->n_item + 1);
		f->node->item[f->node->n_item++] = n;
	} else if (f->key == NULL) {
		const yd_node *first = find_key(f, n);
		char buf[YD_DESCRIBE_MAX];

		if (first != NULL)
			return yd_fail(b->doc, n, b->e,
			    _("duplicate key %s (first at line %u)"),
			    yd_quote(n->str, buf), first->line);
		f->key = n;
	} else {
		add_pair(b, f, n);
	}
	return 0;
}

/* The node about to start is a mapping key. */
static bool
is_key_position(const builder *b)
{
	const frame *f;

	if (b->depth == 0)
		return false;
	f = &b->stack[b->depth - 1];
	return f->node->type == YD_MAP && f->key == NULL;
}

static yd_node *
new_node(builder *b, enum yd_type t, yaml_mark_t m)
{
	yd_node *n = arena_alloc(b->a, sizeof *n);

	n->type = t;
	n->line = mark_line(m);
	n->col = mark_col(m);
	return n;
}

static int
check_props(builder *b, const yaml_event_t *ev, const yaml_char_t *anchor,
	    const yaml_char_t *tag)
{
	char buf[YD_DESCRIBE_MAX];

	if (anchor != NULL)
		return fail_mark(b, ev->start_mark,
		    _("anchors and aliases are not supported"));
	if (tag != NULL)
		return fail_mark(b, ev->start_mark,
		    _("tags (%s) are not supported"),
		    yd_quote((const char *)tag, buf));
	return 0;
}

static int
on_start(builder *b, const yaml_event_t *ev)
{
	bool seq = ev->type == YAML_SEQUENCE_START_EVENT;
	frame *f;
	int rc;

	rc = seq ? check_props(b, ev, ev->data.sequence_start.anchor,
			       ev->data.sequence_start.tag)
		 : check_props(b, ev, ev->data.mapping_start.anchor,
			       ev->data.mapping_start.tag);
	if (rc != 0)
		return rc;
	if (b->depth >= YAMLDOC_MAX_DEPTH)
		return fail_mark(b, ev->start_mark,
		    _("nesting deeper than %d levels is not supported"),
		    YAMLDOC_MAX_DEPTH);
	if (is_key_position(b))
		return fail_mark(b, ev->start_mark,
		    _("a mapping key must be a scalar, not a %s"),
		    seq ? _("sequence") : _("mapping"));
	f = &b->stack[b->depth++];
	memset(f, 0, sizeof *f);
	f->node = new_node(b, seq ? YD_SEQ : YD_MAP, ev->start_mark);
	return 0;
}

static int
on_end(builder *b)
{
	frame *f = &b->stack[--b->depth];
	yd_node *n = f->node;

	free(f->hs);
	f->hs = NULL;
	return attach(b, n);
}

static int
on_scalar(builder *b, const yaml_event_t *ev)
{
	const char *v = (const char *)ev->data.scalar.value;
	size_t len = ev->data.scalar.length;
	yd_node *n;
	int rc;

	rc = check_props(b, ev, ev->data.scalar.anchor, ev->data.scalar.tag);
	if (rc != 0)
		return rc;
	if (len > YAMLDOC_MAX_SCALAR)
		return fail_mark(b, ev->start_mark,
		    _("scalar too long (%zu bytes, the limit is %u bytes)"), len,
		    YAMLDOC_MAX_SCALAR);
	if (memchr(v, '\0', len) != NULL)
		return fail_mark(b, ev->start_mark,
		    _("NUL characters in strings are not supported"));
	n = new_node(b, YD_SCALAR, ev->start_mark);
	n->str = arena_strndup(b->a, v, len);
	n->len = len;
	n->plain = ev->data.scalar.style == YAML_PLAIN_SCALAR_STYLE;
	return attach(b, n);
}

static int
on_event(builder *b, const yaml_event_t *ev)
{
	switch (ev->type) {
	case YAML_DOCUMENT_START_EVENT:
		if (b->done)
			return fail_mark(b, ev->start_mark,
			    _("a file holds one YAML document; found a second "
			    "one"));
		return 0;
	case YAML_ALIAS_EVENT:
		return fail_mark(b, ev->start_mark,
		    _("anchors and aliases are not supported"));
	case YAML_SCALAR_EVENT:
		return on_scalar(b, ev);
	case YAML_SEQUENCE_START_EVENT:
	case YAML_MAPPING_START_EVENT:
		return on_start(b, ev);
	case YAML_SEQUENCE_END_EVENT:
	case YAML_MAPPING_END_EVENT:
		return on_end(b);
	default:
		return 0;
	}
}

int
yd_load_buffer(arena *a, const char *name, const char *buf, size_t len,
	       yd_doc *out, lk_err *e)
{
	yaml_parser_t p;
	yaml_event_t ev;
	builder b;
	int rc = 0;

	memset(&b, 0, sizeof b);
	memset(out, 0, sizeof *out);
	out->file = arena_strdup(a, name);
	b.a = a;
	b.doc = out;
	b.e = e;
	if (len > YAMLDOC_MAX_FILE)
		return lk_fail_at(e, EX_DATAERR, name, 0, 0,
		    _("file too large (%zu bytes, the limit is %u bytes)"), len,
		    YAMLDOC_MAX_FILE);
	if (!yaml_parser_initialize(&p))
		lk_fatal("out of memory (yaml parser)");
	yaml_parser_set_input_string(&p, (const unsigned char *)buf, len);
	yaml_parser_set_encoding(&p, YAML_UTF8_ENCODING);
	for (;;) {
		bool end;

		if (!yaml_parser_parse(&p, &ev)) {
			rc = parser_error(&b, &p, buf, len);
			break;
		}
		end = ev.type == YAML_STREAM_END_EVENT;
		rc = on_event(&b, &ev);
		yaml_event_delete(&ev);
		if (rc != 0 || end)
			break;
	}
	while (b.depth > 0)
		free(b.stack[--b.depth].hs);
	yaml_parser_delete(&p);
	if (rc != 0)
		out->root = NULL;
	return rc;
}

/* Read all of fd, at most YAMLDOC_MAX_FILE bytes, into a malloc'ed buffer. */
static int
read_all(int fd, const char *path, char **buf, size_t *len, lk_err *e)
{
	struct stat st;
	size_t cap, n = 0;
	char *p;

	if (fstat(fd, &st) != 0)
		return lk_fail_at(e, EX_NOINPUT, path, 0, 0, _("cannot read: %s"),
		    strerror(errno));
	if (S_ISDIR(st.st_mode))
		return lk_fail_at(e, EX_NOINPUT, path, 0, 0, _("cannot read: %s"),
		    strerror(EISDIR));
	if (S_ISREG(st.st_mode) && (uintmax_t)st.st_size > YAMLDOC_MAX_FILE)
		return lk_fail_at(e, EX_DATAERR, path, 0, 0,
		    _("file too large (%jd bytes, the limit is %u bytes)"),
		    (intmax_t)st.st_size, YAMLDOC_MAX_FILE);
	cap = S_ISREG(st.st_mode) ? (size_t)st.st_size + 1 : 64 * 1024;
	p = malloc(cap);
	if (p == NULL)
		lk_fatal("out of memory (%zu bytes)", cap);
	for (;;) {
		ssize_t r;

		if (n == cap) {
			if (cap > YAMLDOC_MAX_FILE) {
				free(p);
				return lk_fail_at(e, EX_DATAERR, path, 0, 0,
				    _("file too large (more than %u bytes)"),
				    YAMLDOC_MAX_FILE);
			}
			cap *= 2;
			p = realloc(p, cap);
			if (p == NULL)
				lk_fatal("out of memory (%zu bytes)", cap);
		}
		r = read(fd, p + n, cap - n);
		if (r < 0 && errno == EINTR)
			continue;
		if (r < 0) {
			int err = errno;

			free(p);
			return lk_fail_at(e, EX_NOINPUT, path, 0, 0,
			    _("cannot read: %s"), strerror(err));
		}
		if (r == 0)
			break;
		n += (size_t)r;
	}
	*buf = p;
	*len = n;
	return 0;
}

int
yd_load_file(arena *a, const char *path, yd_doc *out, lk_err *e)
{
	char *buf = NULL;
	size_t len = 0;
	int fd, rc;

	memset(out, 0, sizeof *out);
	fd = open(path, O_RDONLY | O_CLOEXEC);
	if (fd < 0)
		return lk_fail_at(e, EX_NOINPUT, path, 0, 0, _("cannot open: %s"),
		    strerror(errno));
	rc = read_all(fd, path, &buf, &len, e);
	close(fd);
	if (rc != 0)
		return rc;
	rc = yd_load_buffer(a, path, buf, len, out, e);
	free(buf);
	return rc;
}

bool
yd_is_null(const yd_node *n)
{
	static const char *const null_word[] = { "", "~", "null", "Null", "NULL" };

	if (n == NULL || n->type != YD_SCALAR || !n->plain || n->len > 4)
		return false;
	for (size_t i = 0; i < sizeof null_word / sizeof *null_word; i++)
		if (strcmp(n->str, null_word[i]) == 0)
			return true;
	return false;
}

yd_node *
yd_get(const yd_node *map, const char *key)
{
	if (map == NULL || map->type != YD_MAP)
		return NULL;
	for (size_t i = 0; i < map->n_pair; i++)
		if (strcmp(map->pair[i].key->str, key) == 0)
			return map->pair[i].value;
	return NULL;
}

/* Length of the printable character at s (of len bytes), or 0 for a
 * control character (C0, DEL, C1) or a byte that is not valid UTF-8. */
static size_t
printable_len(const unsigned char *s, size_t len)
{
	size_t w = s[0] < 0x80 ? 1 : s[0] >= 0xF0 ? 4 : s[0] >= 0xE0 ? 3 :
	    s[0] >= 0xC2 ? 2 : 0;

	if (w == 0 || w > len || s[0] < 0x20 || s[0] == 0x7F)
		return 0;
	for (size_t j = 1; j < w; j++)
		if ((s[j] & 0xC0) != 0x80)
			return 0;
	if (s[0] == 0xC2 && s[1] < 0xA0)
		return 0;
	return w;
}

const char *
yd_quote(const char *s, char buf[YD_DESCRIBE_MAX])
{
	size_t o = 0, i = 0, len = strlen(s), lim = YD_DESCRIBE_MAX - 6;

	buf[o++] = '"';
	while (i < len) {
		size_t w = printable_len((const unsigned char *)s + i, len - i);

		if (o + (w ? w : 1) > lim)
			break;
		if (w == 0) {
			buf[o++] = '?';
			i++;
			continue;
		}
		memcpy(buf + o, s + i, w);
		o += w;
		i += w;
	}
	if (i < len) {
		memcpy(buf + o, "...", 3);
		o += 3;
	}
	buf[o++] = '"';
	buf[o] = '\0';
	return buf;
}

const char *
yd_describe(const yd_node *n, char buf[YD_DESCRIBE_MAX])
{
	if (n == NULL || yd_is_null(n))
		return strcpy(buf, _("null"));
	if (n->type == YD_MAP)
		return strcpy(buf, _("a mapping"));
	if (n->type == YD_SEQ)
		return strcpy(buf, _("a sequence"));
	return yd_quote(n->str, buf);
}

static const char *
type_name(enum yd_type t)
{
	switch (t) {
	case YD_MAP:
		return _("a mapping");
	case YD_SEQ:
		return _("a sequence");
	default:
		return _("a scalar");
	}
}

int
yd_expect(const yd_doc *d, const yd_node *n, enum yd_type t, const char *what,
	  lk_err *e)
{
	char buf[YD_DESCRIBE_MAX];

	if (n != NULL && n->type == t && !(t == YD_SCALAR && yd_is_null(n)))
		return 0;
	return yd_fail(d, n, e, _("%s: expected %s, found %s"), what,
	    type_name(t), yd_describe(n, buf));
}

static void
list_keys(char *out, size_t size, const char *const *keys)
{
	size_t o = 0;

	out[0] = '\0';
	for (size_t i = 0; keys != NULL && keys[i] != NULL; i++) {
		int w = snprintf(out + o, size - o, "%s%s", i ? ", " : "", keys[i]);

		if (w < 0 || (size_t)w >= size - o)
			break;
		o += (size_t)w;
	}
}

int
yd_check_keys(const yd_doc *d, const yd_node *map, const char *what,
	      const char *const *allowed, const char *const *required,
	      lk_err *e)
{
	int rc = yd_expect(d, map, YD_MAP, what, e);

	if (rc != 0)
		return rc;
	for (size_t i = 0; i < map->n_pair; i++) {
		const yd_node *k = map->pair[i].key;
		bool ok = false;
		char list[512], buf[YD_DESCRIBE_MAX];

		for (size_t j = 0; allowed != NULL && allowed[j] != NULL; j++)
			if (strcmp(k->str, allowed[j]) == 0)
				ok = true;
		if (ok)
			continue;
		list_keys(list, sizeof list, allowed);
		return yd_fail(d, k, e,
		    _("%s: unknown key %s (expected one of: %s)"), what,
		    yd_quote(k->str, buf), list);
	}
	for (size_t j = 0; required != NULL && required[j] != NULL; j++)
		if (yd_get(map, required[j]) == NULL)
			return yd_fail(d, map, e,
			    _("%s: missing required key \"%s\""), what,
			    required[j]);
	return 0;
}

int
yd_string(const yd_doc *d, const yd_node *n, const char *what, char **out,
	  lk_err *e)
{
	int rc = yd_expect(d, n, YD_SCALAR, what, e);

	if (rc != 0)
		return rc;
	*out = n->str;
	return 0;
}

int
yd_int(const yd_doc *d, const yd_node *n, const char *what, long min,
       long max, long *out, lk_err *e)
{
	char buf[YD_DESCRIBE_MAX];
	const char *s;
	bool neg;
	long v = 0;
	bool ok;

	ok = n != NULL && n->type == YD_SCALAR && n->plain && !yd_is_null(n);
	if (ok) {
		s = n->str;
		neg = *s == '-';
		s += neg;
		/* Decimal only: no sign '+', no leading zero (octal in YAML 1.1). */
		ok = *s >= '0' && *s <= '9' && !(s[0] == '0' && s[1] != '\0');
		for (; ok && *s != '\0'; s++) {
			int dg = *s - '0';

			if (dg < 0 || dg > 9 || v > (LONG_MAX - dg) / 10)
				ok = false;
			else
				v = v * 10 + dg;
		}
		if (neg)
			v = -v;
		ok = ok && v >= min && v <= max;
	}
	if (!ok)
		return yd_fail(d, n, e,
		    _("%s: expected an integer from %ld to %ld, found %s"), what,
		    min, max, yd_describe(n, buf));
	*out = v;
	return 0;
}

int
yd_bool(const yd_doc *d, const yd_node *n, const char *what, bool *out,
	lk_err *e)
{
	static const char *const t[] = { "true", "True", "TRUE" };
	static const char *const f[] = { "false", "False", "FALSE" };
	char buf[YD_DESCRIBE_MAX];

	if (n != NULL && n->type == YD_SCALAR && n->plain) {
		for (size_t i = 0; i < 3; i++) {
			if (strcmp(n->str, t[i]) == 0) {
				*out = true;
				return 0;
			}
			if (strcmp(n->str, f[i]) == 0) {
				*out = false;
				return 0;
			}
		}
	}
	return yd_fail(d, n, e, _("%s: expected true or false, found %s"), what,
	    yd_describe(n, buf));
}

/* Looks like a number written the Indonesian way or with separators. */
static bool
has_separators(const char *s)
{
	return strchr(s, ',') != NULL || (strchr(s, '.') != NULL &&
	    strchr(s, '.') != strrchr(s, '.'));
}

/* -?[0-9]+(\.[0-9]+)? */
static bool
machine_syntax(const char *s, size_t *n_frac)
{
	const char *dot;

	s += *s == '-';
	if (*s < '0' || *s > '9')
		return false;
	while (*s >= '0' && *s <= '9')
		s++;
	*n_frac = 0;
	if (*s == '\0')
		return true;
	if (*s != '.')
		return false;
	dot = ++s;
	while (*s >= '0' && *s <= '9')
		s++;
	*n_frac = (size_t)(s - dot);
	return *s == '\0' && *n_frac > 0;
}

int
yd_number(const yd_doc *d, const yd_node *n, const char *what, int scale,
	  bool allow_neg, int64_t *out, lk_err *e)
{
	char buf[YD_DESCRIBE_MAX], expect[128];
	const char *why = NULL, *hint = NULL;
	size_t n_frac;

	if (n != NULL && n->type == YD_SCALAR && !yd_is_null(n) &&
	    machine_syntax(n->str, &n_frac) && n_frac <= (size_t)scale &&
	    (allow_neg || n->str[0] != '-')) {
		if (dec_parse_machine(n->str, scale, out, &why) == 0)
			return 0;
		hint = why ? _(why) : "?";
	} else if (n != NULL && n->type == YD_SCALAR && has_separators(n->str)) {
		hint = _("machine numbers use a dot for decimals and no "
		    "thousands separators, e.g. 1234567.5");
	}
	if (allow_neg)
		snprintf(expect, sizeof expect,
		    _("expected a number with at most %d decimals"), scale);
	else
		snprintf(expect, sizeof expect,
		    _("expected a number >= 0 with at most %d decimals"), scale);
	if (hint != NULL)
		return yd_fail(d, n, e, _("%s: %s, found %s (%s)"), what, expect,
		    yd_describe(n, buf), hint);
	return yd_fail(d, n, e, _("%s: %s, found %s"), what, expect,
	    yd_describe(n, buf));
}
