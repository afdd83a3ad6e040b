/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* markup.c - narrative markup -> paragraphs, list items, styled runs. */
#include "config.h"
#include "report/markup.h"

#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "core/err.h"

#define MAX_LEVEL 8

/* ---- inline styles ---- */

enum tok_kind { TOK_TEXT, TOK_ITALIC, TOK_BOLD };

typedef struct tok {
	enum tok_kind kind;
	size_t start, len;       /* bytes of src */
	bool can_open, can_close;
	bool opener, closer;     /* matched as */
} tok;

typedef struct toks {
	tok *t;
	size_t n, cap;
} toks;

static void
tok_add(doc *d, toks *v, enum tok_kind k, size_t start, size_t len,
	bool can_open, bool can_close)
{
	v->t = arena_grow(&d->mem, v->t, sizeof *v->t, &v->cap, v->n + 1);
	v->t[v->n++] = (tok){ k, start, len, can_open, can_close, false, false };
}

static bool
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* Split src into text and marker tokens. */
static void
tokenize(doc *d, const char *src, size_t len, toks *v)
{
	size_t i = 0, text = 0;

	while (i < len) {
		if (src[i] == '\\' && i + 1 < len &&
		    (src[i + 1] == '*' || src[i + 1] == '\\')) {
			if (i > text)
				tok_add(d, v, TOK_TEXT, text, i - text, false, false);
			tok_add(d, v, TOK_TEXT, i + 1, 1, false, false);
			i += 2;
			text = i;
			continue;
		}
		if (src[i] != '*') {
			i++;
			continue;
		}
		size_t n = 0;

		while (i + n < len && src[i + n] == '*')
			n++;
		if (i > text)
			tok_add(d, v, TOK_TEXT, text, i - text, false, false);
		bool open = i + n < len && !is_space(src[i + n]);
		bool close = i > 0 && !is_space(src[i - 1]);

		if (n == 1) {
			tok_add(d, v, TOK_ITALIC, i, 1, open, close);
		} else if (n == 2) {
			tok_add(d, v, TOK_BOLD, i, 2, open, close);
		} else if (n == 3) {
			/* "***x***": bold outside, italic inside. */
			if (close) {
				tok_add(d, v, TOK_ITALIC, i, 1, open, close);
				tok_add(d, v, TOK_BOLD, i + 1, 2, open, close);
			} else {
				tok_add(d, v, TOK_BOLD, i, 2, open, close);
				tok_add(d, v, TOK_ITALIC, i + 2, 1, open, close);
			}
		} else {
			tok_add(d, v, TOK_TEXT, i, n, false, false);
		}
		i += n;
		text = i;
	}
	if (len > text)
		tok_add(d, v, TOK_TEXT, text, len - text, false, false);
}

/* Pair markers: a closer takes the nearest open marker of its kind;
 * markers opened in between stay unmatched (printed). */
static void
match(doc *d, toks *v)
{
	size_t *stack = NULL, n = 0, cap = 0;

	for (size_t i = 0; i < v->n; i++) {
		tok *t = &v->t[i];

		if (t->kind == TOK_TEXT)
			continue;
		if (t->can_close) {
			size_t j = n;

			while (j > 0 && v->t[stack[j - 1]].kind != t->kind)
				j--;
			if (j > 0) {
				v->t[stack[j - 1]].opener = true;
				t->closer = true;
				n = j - 1;
				continue;
			}
		}
		if (t->can_open) {
			stack = arena_grow(&d->mem, stack, sizeof *stack, &cap,
			    n + 1);
			stack[n++] = i;
		}
	}
}

typedef struct runbuf {
	char *buf;
	size_t len, cap;
	unsigned style;
} runbuf;

static void
rb_put(doc *d, runbuf *b, const char *s, size_t n)
{
	if (b->len + n + 1 > b->cap) {
		size_t ncap = b->cap ? b->cap : 64;
		char *p;

		while (ncap < b->len + n + 1)
			ncap *= 2;
		p = arena_alloc(&d->mem, ncap);
		if (b->len)
			memcpy(p, b->buf, b->len);
		b->buf = p;
		b->cap = ncap;
	}
	memcpy(b->buf + b->len, s, n);
	b->len += n;
	b->buf[b->len] = '\0';
}

/* The n bytes of text at s as a run of style (joined to the run before
 * when that has the same style). */
static void
add_run(doc *d, doc_text *out, const char *s, size_t n, unsigned style)
{
	const char *text = doc_printf(d, "%.*s", (int)n, s);

	if (n == 0)
		return;
	if (out->n_run > 0 && out->run[out->n_run - 1].style == style) {
		/* Same style as the run before: one run. */
		doc_run *r = &out->run[out->n_run - 1];

		r->text = doc_printf(d, "%s%s", r->text, text);
	} else {
		doc_text_add(d, out, text, style);
	}
}

/* The first name of names in text (at *at, *len bytes), or false. */
static bool
find_name(const char *text, const char *const *names, size_t *at,
	  size_t *len)
{
	const char *best = NULL;
	size_t bl = 0;

	for (; names != NULL && *names != NULL; names++) {
		const char *p;

		if (**names == '\0' || (p = strstr(text, *names)) == NULL)
			continue;
		if (best == NULL || p < best ||
		    (p == best && strlen(*names) > bl)) {
			best = p;
			bl = strlen(*names);
		}
	}
	if (best == NULL)
		return false;
	*at = (size_t)(best - text);
	*len = bl;
	return true;
}

static void
rb_flush(doc *d, runbuf *b, doc_text *out, const markup_opts *o)
{
	const char *text;
	size_t at, len;

	if (b->len == 0)
		return;
	text = b->buf;
	if (o != NULL && o->isi != NULL)
		text = o->isi(o->ctx, text);
	/* names marked as such */
	while (o != NULL && find_name(text, o->names, &at, &len)) {
		add_run(d, out, text, at, b->style);
		add_run(d, out, text + at, len, b->style | DOC_NAME);
		text += at + len;
	}
	add_run(d, out, text, strlen(text), b->style);
	b->len = 0;
	b->buf = NULL;
	b->cap = 0;
}

static doc_text
inline_runs(doc *d, const char *src, size_t len, const markup_opts *o)
{
	toks v = { NULL, 0, 0 };
	doc_text out = { NULL, 0 };
	runbuf b = { NULL, 0, 0, 0 };

	tokenize(d, src, len, &v);
	match(d, &v);
	for (size_t i = 0; i < v.n; i++) {
		const tok *t = &v.t[i];
		unsigned bit = t->kind == TOK_BOLD ? DOC_BOLD : DOC_ITALIC;

		if (t->opener || t->closer) {
			rb_flush(d, &b, &out, o);
			if (t->opener)
				b.style |= bit;
			else
				b.style &= ~bit;
			continue;
		}
		rb_put(d, &b, src + t->start, t->len);
	}
	rb_flush(d, &b, &out, o);
	return out;
}

/* Collapse runs of white space (line breaks too) into one space and trim
 * the ends. */
static char *
squeeze(doc *d, const char *s)
{
	char *p = arena_alloc(&d->mem, strlen(s) + 1), *q = p;
	bool space = false;

	for (; *s; s++) {
		if (is_space(*s)) {
			space = q != p;
			continue;
		}
		if (space)
			*q++ = ' ';
		space = false;
		*q++ = *s;
	}
	*q = '\0';
	return p;
}

doc_text
markup_inline(doc *d, const char *src, const markup_opts *o)
{
	char *s = squeeze(d, src != NULL ? src : "");

	return inline_runs(d, s, strlen(s), o);
}

/* ---- blocks ---- */

typedef struct line {
	const char *s;       /* start of the line's text (after indentation) */
	size_t len;          /* up to the end of line, without "\r\n" */
	unsigned indent;     /* columns of leading white space */
	bool blank;
	size_t label_len;    /* > 0: an item; the label's bytes at s */
	size_t text_off;     /* item text starts at s + text_off */
} line;

/* Is s (len bytes) an item line?  Sets the label length and where the
 * text starts. */
static bool
item_label(const char *s, size_t len, size_t *label_len, size_t *text_off)
{
	size_t i = 0;

	if (len >= 2 && s[0] == '-' && (s[1] == ' ' || s[1] == '\t')) {
		i = 1;
	} else if (len >= 1 && s[0] >= 'a' && s[0] <= 'z') {
		i = 1;
		if (i >= len || (s[i] != '.' && s[i] != ')'))
			return false;
		i++;
	} else {
		while (i < len && i < 4 && s[i] >= '0' && s[i] <= '9')
			i++;
		if (i == 0 || i > 3 || i >= len || (s[i] != '.' && s[i] != ')'))
			return false;
		i++;
	}
	if (i >= len || (s[i] != ' ' && s[i] != '\t'))
		return false;
	size_t lab = i;

	while (i < len && (s[i] == ' ' || s[i] == '\t'))
		i++;
	if (i >= len)
		return false;        /* a label and nothing else: text */
	*label_len = lab;
	*text_off = i;
	return true;
}

static line
read_line(const char *p, size_t len)
{
	line l = { NULL, 0, 0, true, 0, 0 };
	size_t i = 0;

	while (i < len && (p[i] == ' ' || p[i] == '\t')) {
		l.indent = p[i] == '\t' ? (l.indent / 8 + 1) * 8 : l.indent + 1;
		i++;
	}
	if (len > 0 && p[len - 1] == '\r')
		len--;
	l.s = p + i;
	l.len = len > i ? len - i : 0;
	for (size_t j = 0; j < l.len; j++)
		if (!is_space(l.s[j]))
			l.blank = false;
	if (!l.blank)
		item_label(l.s, l.len, &l.label_len, &l.text_off);
	return l;
}

/* The block being collected. */
typedef struct pending {
	bool open, item;
	char *text;
	size_t len, cap;
	const char *label;
	int level;
} pending;

static void
pend_add(doc *d, pending *p, const char *s, size_t n)
{
	size_t need = p->len + n + 2;

	if (need > p->cap) {
		size_t ncap = p->cap ? p->cap * 2 : 128;
		char *t;

		while (ncap < need)
			ncap *= 2;
		t = arena_alloc(&d->mem, ncap);
		if (p->len)
			memcpy(t, p->text, p->len);
		p->text = t;
		p->cap = ncap;
	}
	if (p->len > 0)
		p->text[p->len++] = ' ';
	memcpy(p->text + p->len, s, n);
	p->len += n;
	p->text[p->len] = '\0';
}

static size_t
pend_flush(doc *d, doc_section *sec, pending *p, const markup_opts *o)
{
	doc_block *b;
	double base = o != NULL ? o->indent : 0;

	if (!p->open)
		return 0;
	p->open = false;
	b = doc_add_block(d, sec, p->item ? DOC_ITEM : DOC_PARA);
	b->text = markup_inline(d, p->text, o);
	b->align = DOC_JUSTIFY;
	if (p->item) {
		b->label = p->label;
		b->indent = base + p->level * MARKUP_INDENT;
	} else {
		b->indent = base;
	}
	p->len = 0;
	p->text = NULL;
	p->cap = 0;
	return 1;
}

size_t
markup_blocks(doc *d, doc_section *sec, const char *src, const markup_opts *o)
{
	pending p = { false, false, NULL, 0, 0, NULL, 0 };
	unsigned stack[MAX_LEVEL];   /* indents of the open items */
	int depth = 0;               /* open items (0: not in a list) */
	size_t added = 0;

	if (src == NULL)
		return 0;
	for (const char *at = src; *at;) {
		const char *nl = strchr(at, '\n');
		size_t len = nl != NULL ? (size_t)(nl - at) : strlen(at);
		line l = read_line(at, len);

		at += len + (nl != NULL);
		if (l.blank) {
			added += pend_flush(d, sec, &p, o);
			continue;
		}
		if (l.label_len > 0) {
			int level;

			if (!p.open && depth > 0 && !p.item)
				depth = 0;
			/* Close the items this one is not nested in. */
			while (depth > 0 && stack[depth - 1] >= l.indent)
				depth--;
			level = depth < MAX_LEVEL ? depth : MAX_LEVEL - 1;
			added += pend_flush(d, sec, &p, o);
			stack[level] = l.indent;
			depth = level + 1;
			p.open = true;
			p.item = true;
			p.level = level;
			p.label = l.label_len == 1 && l.s[0] == '-' ?
			    doc_strdup(d, "\xE2\x80\x93") :
			    arena_strndup(&d->mem, l.s, l.label_len);
			pend_add(d, &p, l.s + l.text_off, l.len - l.text_off);
			continue;
		}
		if (p.open && p.item && l.indent > 0) {
			/* Continuation of the item. */
			pend_add(d, &p, l.s, l.len);
			continue;
		}
		if (p.open && !p.item) {
			pend_add(d, &p, l.s, l.len);
			continue;
		}
		/* A new paragraph; it ends any list. */
		added += pend_flush(d, sec, &p, o);
		depth = 0;
		p.open = true;
		p.item = false;
		p.level = 0;
		pend_add(d, &p, l.s, l.len);
	}
	added += pend_flush(d, sec, &p, o);
	return added;
}
