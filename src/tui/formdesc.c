/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* formdesc.c - form descriptions (forms/NAME.yaml) and field validation.
 * The file format is described in man/lakip-forms.5. */
#include "config.h"
#include "tui/formdesc.h"

#include "core/dec.h"
#include "core/i18n.h"
#include "core/model.h"
#include "core/nip.h"
#include "io/datafile.h"
#include "io/yamldoc.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>

const char *const formdesc_names[] = {
	"instansi", "bidang", "sasaran", "iku", "program", "triwulan", NULL
};

#define FORMAT_V1 "lakip-form/1"
#define NAME_MAX_LEN 64
#define BUILTIN_FILE "(built-in)"

static const char *const top_keys[] = { "form", "format", "judul",
	"judul_en", "field", NULL };
static const char *const top_req[] = { "form", "judul", "field", NULL };
static const char *const field_keys[] = { "name", "label", "label_en",
	"type", "width", "height", "required", "max_length", "min", "max",
	"choices", "help", "help_en", NULL };
static const char *const field_req[] = { "name", "label", NULL };
static const char *const choice_keys[] = { "value", "label", "label_en",
	NULL };
static const char *const choice_req[] = { "value", NULL };

/* Types: name in the file, default width, scale of min/max (-1: none). */
static const struct fd_type_info {
	const char *name;
	enum fd_type type;
	int width;
	int scale;
} type_info[] = {
	{ "text", FD_TEXT, 40, -1 },
	{ "multiline", FD_MULTILINE, 60, -1 },
	{ "decimal", FD_DECIMAL, 15, DEC_NILAI },
	{ "money", FD_MONEY, 20, DEC_UANG },
	{ "integer", FD_INTEGER, 12, 0 },
	{ "choice", FD_CHOICE, 0, -1 },      /* longest label */
	{ "date", FD_DATE, 18, -1 },
	{ "nip", FD_NIP, 21, -1 },
};
#define N_TYPES (sizeof type_info / sizeof *type_info)
#define MULTILINE_HEIGHT 5
#define CHOICE_WIDTH_MIN 8
#define CHOICE_WIDTH_MAX 60

static const struct fd_type_info *
info_of(enum fd_type t)
{
	for (size_t i = 0; i < N_TYPES; i++)
		if (type_info[i].type == t)
			return &type_info[i];
	lk_fatal("formdesc: unknown field type %d", (int)t);
}

/* ---------------------------------------------------------------- UTF-8 */

/* Decodes the character at s (n bytes left, n > 0) into *cp; returns its
 * length, or 0 when it is not valid UTF-8 (overlong forms, surrogates and
 * values above U+10FFFF included). */
static size_t
utf8_next(const unsigned char *s, size_t n, unsigned long *cp)
{
	unsigned long c;
	size_t w;

	if (s[0] < 0x80) {
		*cp = s[0];
		return 1;
	}
	if (s[0] >= 0xC2 && s[0] <= 0xDF) {
		w = 2;
		c = s[0] & 0x1F;
	} else if (s[0] >= 0xE0 && s[0] <= 0xEF) {
		w = 3;
		c = s[0] & 0x0F;
	} else if (s[0] >= 0xF0 && s[0] <= 0xF4) {
		w = 4;
		c = s[0] & 0x07;
	} else {
		return 0;
	}
	if (w > n)
		return 0;
	for (size_t i = 1; i < w; i++) {
		if ((s[i] & 0xC0) != 0x80)
			return 0;
		c = c << 6 | (s[i] & 0x3F);
	}
	if ((w == 3 && c < 0x800) || (w == 4 && c < 0x10000) ||
	    (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF)
		return 0;
	*cp = c;
	return w;
}

/* C0, DEL and C1 controls. */
static bool
is_control(unsigned long cp)
{
	return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0);
}

/* Characters (code points) of a valid UTF-8 string. */
static size_t
utf8_count(const char *s)
{
	size_t n = 0;

	for (; *s != '\0'; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

enum text_problem { TEXT_OK, TEXT_BAD_UTF8, TEXT_CONTROL };

/* First problem of s: invalid UTF-8, or a control character. */
static enum text_problem
text_check(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t n = strlen(s);

	while (n > 0) {
		unsigned long cp;
		size_t w = utf8_next(p, n, &cp);

		if (w == 0)
			return TEXT_BAD_UTF8;
		if (is_control(cp))
			return TEXT_CONTROL;
		p += w;
		n -= w;
	}
	return TEXT_OK;
}

static int
ascii_lower(int c)
{
	return c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c;
}

/* ASCII case-insensitive comparisons (locale independent). */
static bool
ci_equal(const char *a, const char *b)
{
	while (*a != '\0' && ascii_lower((unsigned char)*a) ==
	    ascii_lower((unsigned char)*b)) {
		a++;
		b++;
	}
	return *a == '\0' && *b == '\0';
}

static bool
ci_prefix(const char *prefix, const char *s)
{
	for (; *prefix != '\0'; prefix++, s++)
		if (ascii_lower((unsigned char)*prefix) !=
		    ascii_lower((unsigned char)*s))
			return false;
	return true;
}

/* s without leading and trailing ASCII spaces, copied into a. */
static char *
trim_dup(arena *a, const char *s)
{
	size_t len;

	while (*s == ' ')
		s++;
	len = strlen(s);
	while (len > 0 && s[len - 1] == ' ')
		len--;
	return arena_strndup(a, s, len);
}

/* --------------------------------------------------------------- loader */

typedef struct loader {
	arena *a;
	const yd_doc *d;
	lk_err *e;
} loader;

static const yd_node *
key_node(const yd_node *map, const char *key)
{
	for (size_t i = 0; map != NULL && i < map->n_pair; i++)
		if (strcmp(map->pair[i].key->str, key) == 0)
			return map->pair[i].key;
	return NULL;
}

/* Text shown on screen: a non-empty string without control characters,
 * trimmed, copied into the form's arena.  p names it in messages. */
static int
node_text(loader *l, const yd_node *n, const char *p, const char **out)
{
	char buf[YD_DESCRIBE_MAX];
	char *s;
	int rc;

	rc = yd_string(l->d, n, p, &s, l->e);
	if (rc != 0)
		return rc;
	if (text_check(s) != TEXT_OK)
		return yd_fail(l->d, n, l->e,
		    _("%s: control characters are not allowed, found %s"), p,
		    yd_quote(s, buf));
	s = trim_dup(l->a, s);
	if (*s == '\0')
		return yd_fail(l->d, n, l->e,
		    _("%s: expected a non-empty string"), p);
	*out = s;
	return 0;
}

/* Key of map read with node_text; absent: NULL. */
static int
read_text(loader *l, const yd_node *map, const char *key, const char *what,
	  const char **out)
{
	const yd_node *n = yd_get(map, key);
	char p[160];

	*out = NULL;
	if (n == NULL)
		return 0;
	snprintf(p, sizeof p, "%s%s%s", what, *what ? "." : "", key);
	return node_text(l, n, p, out);
}

/* A key that makes sense only for some types. */
static int
only_for(loader *l, const yd_node *map, const char *key, const char *what,
	 bool ok, const char *types)
{
	const yd_node *k = key_node(map, key);

	if (k == NULL || ok)
		return 0;
	return yd_fail(l->d, k, l->e, _("%s: \"%s\" is only for %s fields"),
	    what, key, types);
}

static int
read_type(loader *l, const yd_node *map, const char *what, enum fd_type *t)
{
	const yd_node *n = yd_get(map, "type");
	char p[160], buf[YD_DESCRIBE_MAX];
	char *s;
	int rc;

	*t = FD_TEXT;
	if (n == NULL)
		return 0;
	snprintf(p, sizeof p, "%s.type", what);
	rc = yd_string(l->d, n, p, &s, l->e);
	if (rc != 0)
		return rc;
	for (size_t i = 0; i < N_TYPES; i++) {
		if (strcmp(s, type_info[i].name) == 0) {
			*t = type_info[i].type;
			return 0;
		}
	}
	return yd_fail(l->d, n, l->e,
	    _("%s: expected text, multiline, decimal, money, integer, choice, "
	    "date or nip, found %s"), p, yd_describe(n, buf));
}

static int
read_int(loader *l, const yd_node *map, const char *key, const char *what,
	 long min, long max, int *out)
{
	const yd_node *n = yd_get(map, key);
	char p[160];
	long v;
	int rc;

	if (n == NULL)
		return 0;
	snprintf(p, sizeof p, "%s.%s", what, key);
	rc = yd_int(l->d, n, p, min, max, &v, l->e);
	if (rc == 0)
		*out = (int)v;
	return rc;
}

static int
read_bound(loader *l, const yd_node *map, const char *key, const char *what,
	   int scale, bool *has, int64_t *out)
{
	const yd_node *n = yd_get(map, key);
	char p[160];
	int rc;

	if (n == NULL)
		return 0;
	snprintf(p, sizeof p, "%s.%s", what, key);
	rc = yd_number(l->d, n, p, scale, true, out, l->e);
	if (rc == 0)
		*has = true;
	return rc;
}

static int
read_choice(loader *l, const yd_node *n, const char *what, fd_choice *c)
{
	int rc;

	if (n != NULL && n->type == YD_SCALAR && !yd_is_null(n)) {
		/* Shorthand: "- positif" is a choice labelled as its value. */
		rc = node_text(l, n, what, &c->value);
		c->label = c->value;
		return rc;
	}
	rc = yd_check_keys(l->d, n, what, choice_keys, choice_req, l->e);
	if (rc == 0)
		rc = read_text(l, n, "value", what, &c->value);
	if (rc == 0)
		rc = read_text(l, n, "label", what, &c->label);
	if (rc == 0)
		rc = read_text(l, n, "label_en", what, &c->label_en);
	if (rc == 0 && c->label == NULL)
		c->label = c->value;
	return rc;
}

static int
read_choices(loader *l, const yd_node *map, const char *what, fd_field *f)
{
	const yd_node *n = yd_get(map, "choices");
	char p[160], q[192], buf[YD_DESCRIBE_MAX];
	int rc;

	if (n == NULL)
		return yd_fail(l->d, key_node(map, "type"), l->e,
		    _("%s: a choice field needs a list of \"choices\""), what);
	snprintf(p, sizeof p, "%s.choices", what);
	rc = yd_expect(l->d, n, YD_SEQ, p, l->e);
	if (rc != 0)
		return rc;
	if (n->n_item == 0)
		return yd_fail(l->d, n, l->e, _("%s: expected at least one "
		    "choice"), p);
	f->choice = arena_alloc(l->a, n->n_item * sizeof *f->choice);
	f->n_choice = n->n_item;
	for (size_t i = 0; i < n->n_item; i++) {
		snprintf(q, sizeof q, "%s[%zu]", p, i);
		rc = read_choice(l, n->item[i], q, &f->choice[i]);
		if (rc != 0)
			return rc;
		for (size_t j = 0; j < i; j++)
			if (ci_equal(f->choice[j].value, f->choice[i].value))
				return yd_fail(l->d, n->item[i], l->e,
				    _("%s: duplicate choice value %s (first at "
				    "line %u)"), q,
				    yd_quote(f->choice[i].value, buf),
				    n->item[j]->line);
	}
	return 0;
}

static int
default_width(const fd_field *f)
{
	size_t w = CHOICE_WIDTH_MIN;

	switch (f->type) {
	case FD_TEXT:
		if (f->max_length > 0 && f->max_length < info_of(f->type)->width)
			return f->max_length;
		return info_of(f->type)->width;
	case FD_CHOICE:
		for (size_t i = 0; i < f->n_choice; i++) {
			size_t n = utf8_count(f->choice[i].label);

			if (f->choice[i].label_en != NULL &&
			    utf8_count(f->choice[i].label_en) > n)
				n = utf8_count(f->choice[i].label_en);
			if (n > w)
				w = n;
		}
		return w > CHOICE_WIDTH_MAX ? CHOICE_WIDTH_MAX : (int)w;
	default:
		return info_of(f->type)->width;
	}
}

static int
read_field(loader *l, const yd_node *n, size_t idx, fd_field *f)
{
	const struct fd_type_info *ti;
	bool text, num;
	char what[128], buf[YD_DESCRIBE_MAX];
	int rc;

	snprintf(what, sizeof what, "field[%zu]", idx);
	rc = yd_check_keys(l->d, n, what, field_keys, field_req, l->e);
	if (rc == 0)
		rc = read_text(l, n, "name", what, &f->name);
	if (rc != 0)
		return rc;
	snprintf(what, sizeof what, "field %s", yd_quote(f->name, buf));
	f->line = n->line;
	f->col = n->col;
	rc = read_type(l, n, what, &f->type);
	if (rc != 0)
		return rc;
	ti = info_of(f->type);
	text = f->type == FD_TEXT || f->type == FD_MULTILINE;
	num = ti->scale >= 0;
	if ((rc = read_text(l, n, "label", what, &f->label)) != 0 ||
	    (rc = read_text(l, n, "label_en", what, &f->label_en)) != 0 ||
	    (rc = read_text(l, n, "help", what, &f->help)) != 0 ||
	    (rc = read_text(l, n, "help_en", what, &f->help_en)) != 0)
		return rc;
	if ((rc = only_for(l, n, "height", what, f->type == FD_MULTILINE,
	    "multiline")) != 0 ||
	    (rc = only_for(l, n, "max_length", what, text,
	    _("text and multiline"))) != 0 ||
	    (rc = only_for(l, n, "min", what, num,
	    _("decimal, money and integer"))) != 0 ||
	    (rc = only_for(l, n, "max", what, num,
	    _("decimal, money and integer"))) != 0 ||
	    (rc = only_for(l, n, "choices", what, f->type == FD_CHOICE,
	    "choice")) != 0)
		return rc;
	if (yd_get(n, "required") != NULL) {
		char p[160];

		snprintf(p, sizeof p, "%s.required", what);
		rc = yd_bool(l->d, yd_get(n, "required"), p, &f->required, l->e);
		if (rc != 0)
			return rc;
	}
	f->height = f->type == FD_MULTILINE ? MULTILINE_HEIGHT : 1;
	if ((rc = read_int(l, n, "max_length", what, 1, YAMLDOC_MAX_SCALAR,
	    &f->max_length)) != 0 ||
	    (rc = read_int(l, n, "height", what, 1, FD_HEIGHT_MAX,
	    &f->height)) != 0)
		return rc;
	if (num && ((rc = read_bound(l, n, "min", what, ti->scale, &f->has_min,
	    &f->min)) != 0 || (rc = read_bound(l, n, "max", what, ti->scale,
	    &f->has_max, &f->max)) != 0))
		return rc;
	if (f->has_min && f->has_max && f->min > f->max) {
		char lo[DEC_BUFSZ], hi[DEC_BUFSZ];

		return yd_fail(l->d, yd_get(n, "min"), l->e,
		    _("%s: min (%s) is greater than max (%s)"), what,
		    dec_format_machine(f->min, ti->scale, lo),
		    dec_format_machine(f->max, ti->scale, hi));
	}
	if (f->type == FD_CHOICE && (rc = read_choices(l, n, what, f)) != 0)
		return rc;
	f->width = default_width(f);
	return read_int(l, n, "width", what, 1, FD_WIDTH_MAX, &f->width);
}

static int
read_fields(loader *l, const yd_node *root, form_desc *fd)
{
	const yd_node *n = yd_get(root, "field");
	char buf[YD_DESCRIBE_MAX];
	int rc;

	rc = yd_expect(l->d, n, YD_SEQ, "field", l->e);
	if (rc != 0)
		return rc;
	if (n->n_item == 0)
		return yd_fail(l->d, n, l->e,
		    _("field: a form needs at least one field"));
	fd->field = arena_alloc(l->a, n->n_item * sizeof *fd->field);
	fd->n_field = n->n_item;
	for (size_t i = 0; i < n->n_item; i++) {
		rc = read_field(l, n->item[i], i, &fd->field[i]);
		if (rc != 0)
			return rc;
		for (size_t j = 0; j < i; j++)
			if (strcmp(fd->field[j].name, fd->field[i].name) == 0)
				return yd_fail(l->d, yd_get(n->item[i], "name"),
				    l->e, _("duplicate field name %s (first at "
				    "line %u)"), yd_quote(fd->field[i].name, buf),
				    fd->field[j].line);
	}
	return 0;
}

/* The tree of one form file; expect is the form's name from the file
 * name, or NULL. */
static int
read_doc(arena *a, const yd_doc *d, const char *expect, form_desc **out,
	 lk_err *e)
{
	loader l = { a, d, e };
	form_desc *fd;
	const yd_node *n;
	char buf[YD_DESCRIBE_MAX];
	int rc;

	if (d->root == NULL)
		return lk_fail_at(e, EX_DATAERR, d->file, 1, 1,
		    _("expected a mapping with the keys form, judul and field, "
		    "found an empty file"));
	rc = yd_check_keys(d, d->root, _("top level"), top_keys, top_req, e);
	if (rc != 0)
		return rc;
	n = yd_get(d->root, "format");
	if (n != NULL && (n->type != YD_SCALAR || strcmp(n->str, FORMAT_V1) != 0))
		return yd_fail(d, n, e, _("format: expected %s, found %s"),
		    FORMAT_V1, yd_describe(n, buf));
	fd = arena_alloc(a, sizeof *fd);
	if ((rc = read_text(&l, d->root, "form", "", &fd->name)) != 0 ||
	    (rc = read_text(&l, d->root, "judul", "", &fd->title)) != 0 ||
	    (rc = read_text(&l, d->root, "judul_en", "", &fd->title_en)) != 0)
		return rc;
	if (expect != NULL && strcmp(fd->name, expect) != 0) {
		char want[YD_DESCRIBE_MAX];

		return yd_fail(d, yd_get(d->root, "form"), e,
		    _("form: %s does not match the file name (expected %s)"),
		    yd_quote(fd->name, buf), yd_quote(expect, want));
	}
	rc = read_fields(&l, d->root, fd);
	if (rc != 0)
		return rc;
	fd->file = arena_strdup(a, d->file);
	*out = fd;
	return 0;
}

/* "dir/iku.yaml" -> "iku" in a; NULL when file does not end in .yaml. */
static char *
name_from_file(arena *a, const char *file)
{
	const char *base = strrchr(file, '/');
	size_t len;

	base = base ? base + 1 : file;
	len = strlen(base);
	if (len <= 5 || strcmp(base + len - 5, ".yaml") != 0)
		return NULL;
	return arena_strndup(a, base, len - 5);
}

int
formdesc_parse(arena *a, const char *file, const char *buf, size_t len,
	       form_desc **out, lk_err *e)
{
	arena tmp = { 0 };
	yd_doc d;
	int rc;

	rc = yd_load_buffer(&tmp, file, buf, len, &d, e);
	if (rc == 0)
		rc = read_doc(a, &d, name_from_file(&tmp, file), out, e);
	arena_free(&tmp);
	return rc;
}

static bool
name_ok(const char *name)
{
	size_t n = 0;

	if (name == NULL)
		return false;
	for (; name[n] != '\0'; n++)
		if (!((name[n] >= 'a' && name[n] <= 'z') ||
		    (name[n] >= '0' && name[n] <= '9') || name[n] == '_' ||
		    name[n] == '-'))
			return false;
	return n > 0 && n <= NAME_MAX_LEN;
}

int
formdesc_load(arena *a, const char *name, form_desc **out, lk_err *e)
{
	char rel[NAME_MAX_LEN + 16], path[PATH_MAX], buf[YD_DESCRIBE_MAX];
	arena tmp = { 0 };
	lk_err nf;
	yd_doc d;
	int rc;

	if (!name_ok(name))
		return lk_fail(e, EX_NOINPUT, _("%s is not a form name"),
		    name ? yd_quote(name, buf) : "NULL");
	snprintf(rel, sizeof rel, "forms/%s.yaml", name);
	if (datafile_find(rel, path, sizeof path, &nf) == 0) {
		rc = yd_load_file(&tmp, path, &d, e);
		if (rc == 0)
			rc = read_doc(a, &d, name, out, e);
		arena_free(&tmp);
		return rc;
	}
	for (size_t i = 0; formdesc_builtin[i].name != NULL; i++) {
		const char *text = formdesc_builtin[i].text;

		if (strcmp(formdesc_builtin[i].name, name) != 0)
			continue;
		snprintf(path, sizeof path, "%s %s", rel, BUILTIN_FILE);
		rc = yd_load_buffer(&tmp, path, text, strlen(text), &d, e);
		if (rc == 0)
			rc = read_doc(a, &d, name, out, e);
		if (rc == 0)
			(*out)->file = BUILTIN_FILE;
		arena_free(&tmp);
		return rc;
	}
	return lk_fail(e, EX_NOINPUT, _("no form named \"%s\": %s"), name,
	    nf.msg);
}

const fd_field *
formdesc_field(const form_desc *fd, const char *name)
{
	for (size_t i = 0; fd != NULL && name != NULL && i < fd->n_field; i++)
		if (strcmp(fd->field[i].name, name) == 0)
			return &fd->field[i];
	return NULL;
}

static const char *
pick(const char *id, const char *en, bool english)
{
	return english && en != NULL ? en : id;
}

const char *
formdesc_title(const form_desc *fd, bool english)
{
	return pick(fd->title, fd->title_en, english);
}

const char *
fd_field_label(const fd_field *f, bool english)
{
	return pick(f->label, f->label_en, english);
}

const char *
fd_field_help(const fd_field *f, bool english)
{
	return pick(f->help, f->help_en, english);
}

const char *
fd_choice_label(const fd_choice *c, bool english)
{
	return pick(c->label, c->label_en, english);
}

const fd_choice *
fd_choice_find(const fd_field *f, const char *value)
{
	for (size_t i = 0; value != NULL && i < f->n_choice; i++)
		if (strcmp(f->choice[i].value, value) == 0)
			return &f->choice[i];
	return NULL;
}

/* ----------------------------------------------------------- validation */

/* Result of one type's check: canonical and display, or a message. */
typedef struct verdict {
	char *canonical;
	char *display;
	const char *why;
} verdict;

static int
refuse(verdict *v, const char *why)
{
	v->why = why;
	return EX_DATAERR;
}

static int
accept(verdict *v, char *canonical, char *display)
{
	v->canonical = canonical;
	v->display = display;
	return 0;
}

static int
check_length(arena *a, const fd_field *f, verdict *v, char *s)
{
	size_t n = utf8_count(s);

	if (f->max_length > 0 && n > (size_t)f->max_length)
		return refuse(v, arena_printf(a,
		    _("too long: at most %d characters (%zu typed)"),
		    f->max_length, n));
	return accept(v, s, s);
}

static int
valid_text(arena *a, const fd_field *f, const char *in, verdict *v)
{
	switch (text_check(in)) {
	case TEXT_BAD_UTF8:
		return refuse(v, _("not valid UTF-8 text"));
	case TEXT_CONTROL:
		if (strpbrk(in, "\r\n") != NULL)
			return refuse(v, _("line breaks are not allowed in this "
			    "field"));
		if (strchr(in, '\t') != NULL)
			return refuse(v, _("tabs are not allowed in this field: "
			    "use spaces"));
		return refuse(v, _("control characters are not allowed"));
	default:
		break;
	}
	return check_length(a, f, v, trim_dup(a, in));
}

static int
valid_multiline(arena *a, const fd_field *f, const char *in, verdict *v)
{
	size_t len = strlen(in), o = 0, line = 0, i;
	char *b = arena_alloc(a, len + 1), *out;

	/* Pass 1: line ends, tabs, control characters. */
	for (i = 0; i < len;) {
		unsigned long cp;
		size_t w = utf8_next((const unsigned char *)in + i, len - i, &cp);

		if (w == 0)
			return refuse(v, _("not valid UTF-8 text"));
		if (cp == '\r' && i + 1 < len && in[i + 1] == '\n') {
			i++;
			continue;
		}
		if (cp == '\t')
			cp = ' ';
		else if (cp != '\n' && is_control(cp))
			return refuse(v, _("control characters are not "
			    "allowed"));
		if (w == 1)
			b[o] = (char)cp;
		else
			memcpy(b + o, in + i, w);
		o += w;
		i += w;
	}
	b[o] = '\0';
	/* Pass 2: trailing spaces of each line. */
	out = arena_alloc(a, o + 1);
	len = 0;
	for (i = 0; i <= o; i++) {
		if (b[i] != '\n' && b[i] != '\0')
			continue;
		size_t end = i;

		while (end > line && b[end - 1] == ' ')
			end--;
		memcpy(out + len, b + line, end - line);
		len += end - line;
		if (b[i] == '\n')
			out[len++] = '\n';
		line = i + 1;
	}
	/* Leading and trailing empty lines. */
	while (len > 0 && out[len - 1] == '\n')
		len--;
	out[len] = '\0';
	while (*out == '\n')
		out++;
	return check_length(a, f, v, out);
}

/* Bounds, formatted for messages as fmt formats the value. */
static int
check_bounds(arena *a, const fd_field *f, int64_t x, verdict *v,
	     char *(*fmt)(int64_t, char[DEC_BUFSZ]))
{
	char buf[DEC_BUFSZ];

	if (f->has_min && x < f->min)
		return refuse(v, arena_printf(a, _("must be at least %s"),
		    fmt(f->min, buf)));
	if (f->has_max && x > f->max)
		return refuse(v, arena_printf(a, _("must be at most %s"),
		    fmt(f->max, buf)));
	return 0;
}

static char *
fmt_integer(int64_t x, char buf[DEC_BUFSZ])
{
	return dec_format_machine(x, 0, buf);
}

/* Messages of dec_parse_id that need no hint on how to write a number. */
static bool
self_explaining(const char *why)
{
	return strncmp(why, "too many decimal places", 23) == 0 ||
	    strcmp(why, "number too large") == 0 ||
	    strcmp(why, "\"Rp\" is not allowed here") == 0;
}

static int
valid_number(arena *a, const fd_field *f, const char *in, verdict *v)
{
	char *(*fmt)(int64_t, char[DEC_BUFSZ]);
	const char *why = NULL, *hint;
	char buf[DEC_BUFSZ];
	int64_t x;
	int scale, rc;

	switch (f->type) {
	case FD_DECIMAL:
		scale = DEC_NILAI;
		fmt = dec_format_nilai;
		hint = _("use a comma for decimals: 78,50");
		break;
	case FD_MONEY:
		scale = DEC_UANG;
		fmt = dec_format_uang;
		hint = _("write an amount such as 11.393.254.909 or "
		    "Rp 11.393.254.909");
		break;
	default:
		scale = 0;
		fmt = fmt_integer;
		hint = _("write a whole number such as 1250 or 1.250");
		break;
	}
	if (dec_parse_id(in, scale, f->type == FD_MONEY, &x, &why) != 0) {
		why = why ? why : "not a number";
		if (scale == 0 && strncmp(why, "too many decimal places", 23) == 0)
			return refuse(v, _("a whole number is needed, without "
			    "decimals"));
		if (self_explaining(why))
			return refuse(v, _(why));
		return refuse(v, arena_printf(a, "%s: %s", _(why), hint));
	}
	rc = check_bounds(a, f, x, v, fmt);
	if (rc != 0)
		return rc;
	return accept(v, arena_strdup(a, dec_format_machine(x, scale, buf)),
	    arena_strdup(a, fmt(x, buf)));
}

static void
append(char *buf, size_t size, const char *s)
{
	size_t n = strlen(buf);

	snprintf(buf + n, size - n, "%s%s", n ? ", " : "", s);
}

static int
valid_choice(arena *a, const fd_field *f, const char *in, verdict *v)
{
	const fd_choice *hit = NULL;
	char *s = trim_dup(a, in), list[512] = "", q[YD_DESCRIBE_MAX];
	size_t n_hit = 0;

	for (size_t i = 0; i < f->n_choice && hit == NULL; i++) {
		const fd_choice *c = &f->choice[i];

		if (ci_equal(s, c->value) || ci_equal(s, c->label) ||
		    (c->label_en != NULL && ci_equal(s, c->label_en)))
			hit = c;
	}
	for (size_t i = 0; i < f->n_choice && hit == NULL; i++) {
		const fd_choice *c = &f->choice[i];

		if (ci_prefix(s, c->value) || ci_prefix(s, c->label) ||
		    (c->label_en != NULL && ci_prefix(s, c->label_en))) {
			n_hit++;
			append(list, sizeof list, c->value);
		}
	}
	if (hit == NULL && n_hit == 1) {
		for (size_t i = 0; i < f->n_choice && hit == NULL; i++) {
			const fd_choice *c = &f->choice[i];

			if (ci_prefix(s, c->value) || ci_prefix(s, c->label) ||
			    (c->label_en != NULL && ci_prefix(s, c->label_en)))
				hit = c;
		}
	}
	if (hit != NULL)
		return accept(v, arena_strdup(a, hit->value),
		    arena_strdup(a, hit->label));
	if (n_hit > 1)
		return refuse(v, arena_printf(a,
		    _("%s fits more than one choice: %s"), yd_quote(s, q), list));
	for (size_t i = 0; i < f->n_choice; i++)
		append(list, sizeof list, f->choice[i].value);
	return refuse(v, arena_printf(a, _("choose one of: %s"), list));
}

/* Month names, lowercase: Indonesian, old spellings, English, and
 * abbreviations; index / 1 is not the month, see month_of. */
static const struct {
	const char *name;
	int month;
} month_names[] = {
	{ "januari", 1 }, { "februari", 2 }, { "pebruari", 2 },
	{ "maret", 3 }, { "april", 4 }, { "mei", 5 }, { "juni", 6 },
	{ "juli", 7 }, { "agustus", 8 }, { "september", 9 },
	{ "oktober", 10 }, { "november", 11 }, { "nopember", 11 },
	{ "desember", 12 },
	{ "january", 1 }, { "february", 2 }, { "march", 3 }, { "may", 5 },
	{ "june", 6 }, { "july", 7 }, { "august", 8 }, { "october", 10 },
	{ "december", 12 },
	{ "jan", 1 }, { "feb", 2 }, { "peb", 2 }, { "mar", 3 }, { "apr", 4 },
	{ "jun", 6 }, { "jul", 7 }, { "agu", 8 }, { "agt", 8 }, { "aug", 8 },
	{ "sep", 9 }, { "sept", 9 }, { "okt", 10 }, { "oct", 10 },
	{ "nov", 11 }, { "nop", 11 }, { "des", 12 }, { "dec", 12 },
};

/* Month of a name s[0..n) (a trailing '.' allowed), or 0. */
static int
month_of(const char *s, size_t n)
{
	char w[16];

	if (n > 0 && s[n - 1] == '.')
		n--;
	if (n == 0 || n >= sizeof w)
		return 0;
	for (size_t i = 0; i < n; i++)
		w[i] = (char)ascii_lower((unsigned char)s[i]);
	w[n] = '\0';
	for (size_t i = 0; i < sizeof month_names / sizeof *month_names; i++)
		if (strcmp(w, month_names[i].name) == 0)
			return month_names[i].month;
	return 0;
}

/* 1..max digits at *s; advances *s. */
static bool
take_num(const char **s, size_t min, size_t max, int *out)
{
	const char *p = *s;
	int v = 0;

	while (*p >= '0' && *p <= '9' && (size_t)(p - *s) < max)
		v = v * 10 + (*p++ - '0');
	if ((size_t)(p - *s) < min || (*p >= '0' && *p <= '9'))
		return false;
	*s = p;
	*out = v;
	return true;
}

static bool
is_date_sep(char c)
{
	return c == '-' || c == '/' || c == '.';
}

enum date_form { DATE_NONE, DATE_OK, DATE_BAD_MONTH_NAME };

/* y, m, d of "2023-07-14", "14-07-2023" (or / or .), "14 Juli 2023". */
static enum date_form
parse_date(const char *s, int *y, int *m, int *d, const char **name,
	   size_t *name_len)
{
	const char *p = s;
	char sep;

	/* YYYY-MM-DD */
	if (take_num(&p, 4, 4, y) && is_date_sep(*p) && *p != '.') {
		sep = *p++;
		if (take_num(&p, 1, 2, m) && *p == sep && (p++, true) &&
		    take_num(&p, 1, 2, d) && *p == '\0')
			return DATE_OK;
		return DATE_NONE;
	}
	p = s;
	if (!take_num(&p, 1, 2, d))
		return DATE_NONE;
	if (is_date_sep(*p)) {
		sep = *p++;
		if (take_num(&p, 1, 2, m) && *p == sep && (p++, true) &&
		    take_num(&p, 4, 4, y) && *p == '\0')
			return DATE_OK;
		return DATE_NONE;
	}
	if (*p != ' ')
		return DATE_NONE;
	while (*p == ' ')
		p++;
	*name = p;
	while (*p != '\0' && *p != ' ')
		p++;
	*name_len = (size_t)(p - *name);
	while (*p == ' ')
		p++;
	if (!take_num(&p, 4, 4, y) || *p != '\0')
		return DATE_NONE;
	*m = month_of(*name, *name_len);
	return *m == 0 ? DATE_BAD_MONTH_NAME : DATE_OK;
}

static int
valid_date(arena *a, const char *in, verdict *v)
{
	char *s = trim_dup(a, in), q[YD_DESCRIBE_MAX];
	const char *name = NULL;
	size_t name_len = 0;
	int y = 0, m = 0, d = 0;

	switch (parse_date(s, &y, &m, &d, &name, &name_len)) {
	case DATE_NONE:
		return refuse(v, _("not a date: write a date such as "
		    "14-07-2023"));
	case DATE_BAD_MONTH_NAME:
		return refuse(v, arena_printf(a, _("unknown month %s: write "
		    "Januari ... Desember, or a date such as 14-07-2023"),
		    yd_quote(arena_strndup(a, name, name_len), q)));
	default:
		break;
	}
	if (y < 1900 || y > 2099)
		return refuse(v, _("the year must be between 1900 and 2099"));
	if (m < 1 || m > 12)
		return refuse(v, _("the month must be between 1 and 12"));
	if (!tanggal_sah(y, m, d))
		return refuse(v, arena_printf(a, _("%02d-%02d-%04d is not a "
		    "real date"), d, m, y));
	return accept(v, arena_printf(a, "%04d-%02d-%02d", y, m, d),
	    arena_printf(a, "%02d-%02d-%04d", d, m, y));
}

static int
valid_nip(arena *a, const char *in, verdict *v)
{
	char nip[NIP_LEN + 1], fmt[NIP_FMT_LEN + 1];
	const char *why = NULL;

	if (nip_normalize(in, nip, &why) != 0)
		return refuse(v, _(why ? why : "invalid NIP"));
	return accept(v, arena_strdup(a, nip),
	    arena_strdup(a, nip_format(nip, fmt)));
}

/* Nothing but ASCII spaces (and, in multi-line text, line breaks and
 * tabs, which are dropped anyway). */
static bool
is_empty(const fd_field *f, const char *s)
{
	for (; *s != '\0'; s++) {
		if (*s == ' ')
			continue;
		if (f->type == FD_MULTILINE && strchr("\t\r\n", *s) != NULL)
			continue;
		return false;
	}
	return true;
}

int
fd_validate(arena *a, const fd_field *f, const char *input,
	    char **canonical, char **display, const char **why)
{
	verdict v = { NULL, NULL, NULL };
	int rc;

	if (input == NULL)
		input = "";
	if (is_empty(f, input)) {
		rc = accept(&v, arena_strdup(a, ""), arena_strdup(a, ""));
	} else {
		switch (f->type) {
		case FD_TEXT:
			rc = valid_text(a, f, input, &v);
			break;
		case FD_MULTILINE:
			rc = valid_multiline(a, f, input, &v);
			break;
		case FD_DECIMAL:
		case FD_MONEY:
		case FD_INTEGER:
			rc = valid_number(a, f, input, &v);
			break;
		case FD_CHOICE:
			rc = valid_choice(a, f, input, &v);
			break;
		case FD_DATE:
			rc = valid_date(a, input, &v);
			break;
		case FD_NIP:
			rc = valid_nip(a, input, &v);
			break;
		default:
			lk_fatal("fd_validate: unknown field type %d",
			    (int)f->type);
		}
	}
	/* Empty input, or what normalises to nothing. */
	if (rc == 0 && f->required && *v.canonical == '\0')
		rc = refuse(&v, _("this field is required"));
	if (rc != 0) {
		if (why != NULL)
			*why = v.why;
		return EX_DATAERR;
	}
	if (canonical != NULL)
		*canonical = v.canonical;
	if (display != NULL)
		*display = v.display;
	return 0;
}

/* Exactly "YYYY-MM-DD", a real date. */
static bool
iso_date(const char *s, int *y, int *m, int *d)
{
	const char *p = s;

	if (strlen(s) != 10 || !take_num(&p, 4, 4, y) || *p++ != '-' ||
	    !take_num(&p, 2, 2, m) || *p++ != '-' || !take_num(&p, 2, 2, d))
		return false;
	return tanggal_sah(*y, *m, *d);
}

char *
fd_display(arena *a, const fd_field *f, const char *canonical)
{
	char buf[DEC_BUFSZ], nip[NIP_FMT_LEN + 1];
	const fd_choice *c;
	int64_t x;
	int y, m, d;

	if (canonical == NULL)
		return arena_strdup(a, "");
	switch (f->type) {
	case FD_DECIMAL:
		if (dec_parse_machine(canonical, DEC_NILAI, &x, NULL) == 0)
			return arena_strdup(a, dec_format_nilai(x, buf));
		break;
	case FD_MONEY:
		if (dec_parse_machine(canonical, DEC_UANG, &x, NULL) == 0)
			return arena_strdup(a, dec_format_uang(x, buf));
		break;
	case FD_CHOICE:
		if ((c = fd_choice_find(f, canonical)) != NULL)
			return arena_strdup(a, c->label);
		break;
	case FD_DATE:
		if (iso_date(canonical, &y, &m, &d))
			return arena_printf(a, "%02d-%02d-%04d", d, m, y);
		break;
	case FD_NIP:
		if (strlen(canonical) == NIP_LEN &&
		    strspn(canonical, "0123456789") == NIP_LEN)
			return arena_strdup(a, nip_format(canonical, nip));
		break;
	default:
		break;
	}
	return arena_strdup(a, canonical);
}
