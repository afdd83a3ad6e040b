/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* ui.c - layers, keys, signals, resize, the frame and text (see ui.h). */
#include "config.h"
#include "tui/ui.h"

#include <errno.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <wctype.h>

#include "core/err.h"
#include "core/i18n.h"
#include "tui/paste.h"

#define MAX_LAYERS 48

static bool active;
static volatile sig_atomic_t got_signal;
static bool terminated;
static ui_layer layers[MAX_LAYERS];
static int n_layers;
static int cur_y = -1, cur_x = -1;
static char context[512];
static bool flag_ro, flag_locked, flag_unsaved;
static char notice[600];
static char msg[1024];
static enum ui_msg_kind msg_kind;
static bool has_msg;

/* Keys read ahead (a burst that was typing, a paste into a field), given
 * out before the terminal is read again. */
typedef struct pend_key {
	int rc;
	wint_t ch;
} pend_key;
static pend_key *pend;
static size_t pend_head, pend_n, pend_cap;
/* ui_once_shown's work, until it runs. */
static void (*shown_fn)(void *);
static void *shown_arg;
/* Bracketed paste: the key codes of its start and end sequences, and
 * the text of the last paste (ACT_PASTE). */
static int key_paste_begin, key_paste_end;
static bool paste_mode;
static char *paste_text;
static size_t paste_len;

static void
on_signal(int sig)
{
	got_signal = sig;
}

/* A key code no terminfo key has, for a sequence of our own. */
static int
free_key_code(int after)
{
	int c;

	for (c = after + 1; c < KEY_MAX + 2000; c++)
		if (keybound(c, 0) == NULL)
			return c;
	return 0;
}

/* The start and end of a bracketed paste as keys (keypad decodes them as
 * it does function keys). */
static void
paste_keys(void)
{
	static const char begin[] = "\033[200~", end[] = "\033[201~";

	if ((key_paste_begin = key_defined(begin)) <= 0 &&
	    (key_paste_begin = free_key_code(KEY_MAX)) > 0)
		define_key(begin, key_paste_begin);
	if ((key_paste_end = key_defined(end)) <= 0 &&
	    (key_paste_end = free_key_code(key_paste_begin)) > 0)
		define_key(end, key_paste_end);
	/* Where a terminal's keys clash with them, the mode stays off: an
	 * undecoded ESC[200~ would read as Esc, leaving the screen. */
	if (key_paste_begin <= 0 || key_defined(begin) != key_paste_begin ||
	    key_paste_end <= 0 || key_defined(end) != key_paste_end)
		key_paste_begin = key_paste_end = 0;
}

/* Bracketed paste mode on or off (terminfo's BE/BD where it has them,
 * else xterm's private mode 2004, which terminals without it ignore). */
static void
bracketed(bool on)
{
	const char *term = getenv("TERM");
	const char *cap = tigetstr(on ? "BE" : "BD");

	if (term == NULL || strcmp(term, "dumb") == 0 || key_paste_begin <= 0 ||
	    key_paste_end <= 0 || on == paste_mode)
		return;
	if (cap == NULL || cap == (char *)-1)
		cap = on ? "\033[?2004h" : "\033[?2004l";
	putp(cap);
	fflush(stdout);
	paste_mode = on;
}

int
ui_init(char *err, size_t n)
{
	struct sigaction sa;
	const char *term = getenv("TERM");

	memset(&sa, 0, sizeof sa);
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = 0;        /* no SA_RESTART: a blocked read returns */
	sigaction(SIGHUP, &sa, NULL);
	sigaction(SIGTERM, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (newterm(NULL, stdout, stdin) == NULL) {
		snprintf(err, n, _("cannot use the terminal type '%s' (TERM); "
				   "try TERM=xterm or TERM=vt100"),
			 term != NULL ? term : "");
		return -1;
	}
	active = true;
	raw();
	noecho();
	nonl();
	keypad(stdscr, TRUE);
	set_escdelay(100);
	wtimeout(stdscr, 250);
	theme_init();
	curs_set(0);
	paste_keys();
	bracketed(true);
	return 0;
}

void
ui_end(void)
{
	if (!active)
		return;
	active = false;
	curs_set(1);
	bracketed(false);
	endwin();
	free(pend);
	pend = NULL;
	pend_head = pend_n = pend_cap = 0;
	free(paste_text);
	paste_text = NULL;
}

void
ui_suspend(void)
{
	bracketed(false);
	def_prog_mode();
	endwin();
}

void
ui_resume(void)
{
	reset_prog_mode();
	bracketed(true);
	refresh();
}

bool
ui_active(void)
{
	return active;
}

/* ------------------------------------------------------------------ */
/* layers */

void
ui_push(const ui_layer *l)
{
	if (n_layers >= MAX_LAYERS)
		lk_fatal("ui: too many layers");
	layers[n_layers++] = *l;
}

void
ui_pop(void)
{
	if (n_layers > 0)
		n_layers--;
}

void
ui_cursor(int y, int x)
{
	cur_y = y;
	cur_x = x;
}

bool
ui_too_small(void)
{
	return COLS < UI_MIN_COLS || LINES < UI_MIN_LINES;
}

static void
draw_too_small(void)
{
	char buf[1024];
	int lines, y;

	erase();
	snprintf(buf, sizeof buf,
		 _("The window is too small (%dx%d). lakip needs at least %dx%d: "
		   "please enlarge the window. What you typed is kept.\n"
		   "(Ctrl-C quits; an open form is kept as a draft.)"),
		 COLS, LINES, UI_MIN_COLS, UI_MIN_LINES);
	lines = ui_put_wrapped(0, 0, 0, COLS > 2 ? COLS - 2 : 1, buf, A_NORMAL);
	y = (LINES - lines) / 2;
	if (y < 0)
		y = 0;
	ui_put_wrapped(y, COLS > 2 ? 1 : 0, LINES - y, COLS > 2 ? COLS - 2 : 1,
		       buf, A_BOLD);
	curs_set(0);
	refresh();
}

void
ui_once_shown(void (*fn)(void *arg), void *arg)
{
	shown_fn = fn;
	shown_arg = arg;
}

void
ui_redraw(void)
{
	int i, first = 0;

	if (!active)
		return;
	if (ui_too_small()) {
		draw_too_small();
		return;
	}
	for (i = n_layers - 1; i >= 0; i--)
		if (layers[i].full) {
			first = i;
			break;
		}
	if (n_layers == 0 || !layers[first].full)
		erase();
	cur_y = cur_x = -1;
	for (i = first; i < n_layers; i++)
		if (layers[i].draw != NULL)
			layers[i].draw(layers[i].ctx);
	if (cur_y >= 0 && cur_x >= 0) {
		move(cur_y, cur_x);
		curs_set(1);
	} else {
		curs_set(0);
	}
	refresh();
}

void
ui_relayout_all(void)
{
	int i;

	if (ui_too_small())
		return;
	for (i = 0; i < n_layers; i++)
		if (layers[i].relayout != NULL)
			layers[i].relayout(layers[i].ctx);
}

/* ------------------------------------------------------------------ */
/* keys and events */

static void
terminate(void)
{
	int i;

	if (terminated)
		return;
	terminated = true;
	for (i = n_layers - 1; i >= 0; i--)
		if (layers[i].draft != NULL)
			layers[i].draft(layers[i].ctx);
}

bool
ui_terminating(void)
{
	return terminated;
}

int
ui_signal(void)
{
	return (int)got_signal;
}

/* The terminal went away (hang-up without a signal, closed pty). */
static bool
input_gone(void)
{
	struct pollfd p = { STDIN_FILENO, POLLIN, 0 };

	if (poll(&p, 1, 0) < 0)
		return errno != EINTR;
	return (p.revents & (POLLHUP | POLLERR | POLLNVAL)) != 0;
}

static long
now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1000L + ts.tv_nsec / 1000000L;
}

/* Wait while the window is too small; false on termination. */
static bool
wait_for_size(void)
{
	wint_t c;
	int rc;

	while (ui_too_small()) {
		draw_too_small();
		if (got_signal) {
			terminate();
			return false;
		}
		rc = wget_wch(stdscr, &c);
		if (rc == ERR) {
			if (input_gone()) {
				terminate();
				return false;
			}
			continue;
		}
		if (rc == OK && (c == 3 || c == 17)) {   /* Ctrl-C, Ctrl-Q */
			terminate();
			return false;
		}
	}
	return true;
}

static void
pend_push(int rc, wint_t ch)
{
	if (pend_head > 0 && pend_n == 0)
		pend_head = 0;
	if (pend_head + pend_n == pend_cap) {
		pend_cap = pend_cap ? pend_cap * 2 : 256;
		pend = realloc(pend, pend_cap * sizeof *pend);
		if (pend == NULL)
			lk_fatal("out of memory");
	}
	pend[pend_head + pend_n].rc = rc;
	pend[pend_head + pend_n].ch = ch;
	pend_n++;
}

/* A key a burst of pasted cells is made of: text, tab, line break. */
static bool
plain_key(int rc, wint_t c)
{
	return rc == OK && (c == '\t' || c == '\r' || c == '\n' ||
			    (c >= 32 && c != 127 && iswprint(c)));
}

/* wcs[0..n) as UTF-8 into paste_text. */
static void
paste_set(const wchar_t *wcs, size_t n)
{
	free(paste_text);
	paste_text = ui_mbs(wcs, n);
	paste_len = strlen(paste_text);
}

typedef struct wbuf {
	wchar_t *p;
	size_t n, cap;
	bool over;         /* more than PASTE_MAX_BYTES characters */
} wbuf;

static void
wb_add(wbuf *b, wchar_t c)
{
	if (b->n >= PASTE_MAX_BYTES) {
		b->over = true;
		return;
	}
	if (b->n == b->cap) {
		b->cap = b->cap ? b->cap * 2 : 1024;
		if ((b->p = realloc(b->p, b->cap * sizeof *b->p)) == NULL)
			lk_fatal("out of memory");
	}
	b->p[b->n++] = c;
}

/* After ESC[200~: the pasted text up to ESC[201~ (or two seconds of
 * silence: a terminal that lost the end). */
static void
read_bracketed(wbuf *b)
{
	int quiet = 0;

	while (quiet < 8 && !got_signal) {
		wint_t c = 0;
		int rc = wget_wch(stdscr, &c);

		if (rc == ERR) {
			if (input_gone())
				break;
			quiet++;
			continue;
		}
		quiet = 0;
		if (rc == KEY_CODE_YES && (int)c == key_paste_end)
			break;
		if (rc == KEY_CODE_YES)
			continue;       /* a key sequence inside the text: not text */
		wb_add(b, (wchar_t)c);
	}
}

/* The key (rc, c) just read began a burst: read what follows without a
 * pause.  True when the burst is a pasted block (then in b); else the
 * keys after the first wait in the queue. */
static bool
read_burst(int rc, wint_t c, wbuf *b)
{
	bool plain = true;
	size_t first = pend_n;
	char *u;
	bool block;

	wtimeout(stdscr, 15);
	wb_add(b, (wchar_t)c);
	for (;;) {
		wint_t k = 0;
		int r = wget_wch(stdscr, &k);

		if (r == ERR)
			break;
		if (!plain_key(r, k))
			plain = false;
		if (plain)
			wb_add(b, (wchar_t)k);
		pend_push(r, k);
		if (!plain || b->n >= PASTE_MAX_BYTES)
			break;
	}
	wtimeout(stdscr, 250);
	(void)rc;
	if (!plain || b->n < 2)
		return false;
	u = ui_mbs(b->p, b->n);
	block = paste_burst_is_block(u, strlen(u));
	free(u);
	if (block)
		pend_n = first;     /* the block took them */
	return block;
}

const char *
ui_paste_text(size_t *len)
{
	if (len != NULL)
		*len = paste_text != NULL ? paste_len : 0;
	return paste_text != NULL ? paste_text : "";
}

int
ui_getkey(enum key_ctx ctx, wint_t *ch)
{
	int quick_errors = 0;

	if (terminated)
		return ACT_TERMINATE;
	for (;;) {
		wint_t c = 0;
		long t0;
		int rc, act;
		bool queued = pend_n > 0;

		if (got_signal) {
			terminate();
			return ACT_TERMINATE;
		}
		if (ui_too_small()) {
			if (!wait_for_size())
				return ACT_TERMINATE;
			ui_relayout_all();
			ui_redraw();
			return ACT_RESIZE;
		}
		if (shown_fn != NULL && !queued) {
			void (*fn)(void *) = shown_fn;

			shown_fn = NULL;
			refresh();
			fn(shown_arg);
		}
		t0 = now_ms();
		if (queued) {
			rc = pend[pend_head].rc;
			c = pend[pend_head].ch;
			pend_head++;
			pend_n--;
		} else {
			rc = wget_wch(stdscr, &c);
		}
		if (rc == ERR) {
			/* A timeout takes 250 ms; many instant errors in a row
			 * mean the terminal is gone. */
			if (input_gone() || (now_ms() - t0 < 5 && ++quick_errors > 200)) {
				terminate();
				return ACT_TERMINATE;
			}
			continue;
		}
		quick_errors = 0;
		if (rc == KEY_CODE_YES && c == KEY_RESIZE) {
			if (ui_too_small() && !wait_for_size())
				return ACT_TERMINATE;
			ui_relayout_all();
			ui_redraw();
			return ACT_RESIZE;
		}
		if ((rc == KEY_CODE_YES && key_paste_begin > 0 && (int)c == key_paste_begin) ||
		    (!queued && (ctx & KCTX_PASTE) && plain_key(rc, c))) {
			wbuf b = { NULL, 0, 0, false };
			size_t i;

			if (rc == KEY_CODE_YES)
				read_bracketed(&b);
			else if (!read_burst(rc, c, &b)) {
				free(b.p);
				goto key;       /* typing: this key, the rest queued */
			}
			if (b.over) {
				free(b.p);
				ui_msg(UI_MSG_ERROR, _("The pasted text is too large (more than "
						       "%u characters). Nothing was pasted."),
				       PASTE_MAX_BYTES);
				return ACT_RESIZE;
			}
			if (ctx & KCTX_PASTE) {
				paste_set(b.p, b.n);
				free(b.p);
				ui_msg_clear();
				return ACT_PASTE;
			}
			if (ctx & KCTX_TEXT) {
				/* A field takes a paste as typed keys. */
				for (i = 0; i < b.n; i++)
					pend_push(OK, (wint_t)b.p[i]);
				free(b.p);
				continue;
			}
			free(b.p);
			ui_msg(UI_MSG_HINT, "%s", _("A block of cells can be pasted into the "
						    "realisation grids and the rows of a "
						    "supporting table, not here."));
			return ACT_RESIZE;
		}
key:
		act = keys_action(rc, c, ctx);
		if (act == ACT_NONE)
			continue;       /* control characters are never inserted */
		if (act == ACT_REDRAW) {
			clearok(curscr, TRUE);
			ui_redraw();
			continue;
		}
		ui_msg_clear();
		if (ch != NULL)
			*ch = c;
		return act;
	}
}

/* ------------------------------------------------------------------ */
/* messages and frame */

void
ui_msg(enum ui_msg_kind k, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof msg, fmt, ap);
	va_end(ap);
	for (char *p = msg; *p; p++)
		if (*p == '\n' || *p == '\t')
			*p = ' ';
	msg_kind = k;
	has_msg = true;
}

void
ui_msg_clear(void)
{
	has_msg = false;
}

bool
ui_msg_is_error(void)
{
	return has_msg && msg_kind == UI_MSG_ERROR;
}

void
ui_set_context(const char *ctx)
{
	snprintf(context, sizeof context, "%s", ctx != NULL ? ctx : "");
}

void
ui_set_flags(bool readonly, bool locked, bool unsaved)
{
	flag_ro = readonly;
	flag_locked = locked;
	flag_unsaved = unsaved;
}

void
ui_set_notice(const char *text)
{
	snprintf(notice, sizeof notice, "%s", text != NULL ? text : "");
}

void
ui_draw_top(const char *title, int step, const char *step_name)
{
	char left[700], right[200] = "";
	int rw;

	ui_fill(0, 0, COLS, theme_attr(TR_TITLE));
	snprintf(left, sizeof left, " LAKIP%s%s", *context ? " \xc2\xb7 " : "",
		 context);
	if (flag_ro)
		snprintf(right + strlen(right), sizeof right - strlen(right),
			 "[%s] ", _("READ-ONLY"));
	else if (flag_locked)
		snprintf(right + strlen(right), sizeof right - strlen(right),
			 "[%s] ", _("LOCKED"));
	if (flag_unsaved)
		snprintf(right + strlen(right), sizeof right - strlen(right),
			 "[%s] ", _("NOT SAVED"));
	if (step > 0)
		snprintf(right + strlen(right), sizeof right - strlen(right),
			 _("Step %d of %d"), step, 10);
	rw = ui_width(right);
	if (rw > COLS / 2)
		rw = COLS / 2;
	ui_put(0, 0, COLS - rw - 2, left, theme_attr(TR_TITLE), false, false);
	ui_put(0, COLS - rw - 1, rw, right, theme_attr(TR_TITLE), false, true);
	ui_fill(1, 0, COLS, A_NORMAL);
	if (title != NULL) {
		char buf[700];

		if (step_name != NULL && *step_name)
			snprintf(buf, sizeof buf, "%s: %s", title, step_name);
		else
			snprintf(buf, sizeof buf, "%s", title);
		ui_put(1, 1, COLS - 2, buf, theme_attr(TR_HEADING), false, false);
	}
}

void
ui_draw_keybar(const int *acts, enum key_ctx ctx)
{
	ui_draw_keybar_as(acts, NULL, ctx);
}

void
ui_draw_keybar_as(const int *acts, const char *const *labels, enum key_ctx ctx)
{
	int x = 0, i;
	attr_t bar = theme_attr(TR_BAR), key = theme_attr(TR_BAR_KEY);

	ui_fill(LINES - 1, 0, COLS, bar);
	for (i = 0; acts != NULL && acts[i] != ACT_NONE; i++) {
		const char *name = keys_first_name(acts[i], ctx);
		const char *label = labels != NULL && labels[i] != NULL ? labels[i] :
		    keys_label(acts[i]);
		int w = ui_width(name) + 1 + ui_width(label) + 2;

		if (x + w > COLS)
			break;
		ui_put(LINES - 1, x, ui_width(name), name, key, false, false);
		x += ui_width(name) + 1;
		ui_put(LINES - 1, x, ui_width(label), label, bar, false, false);
		x += ui_width(label) + 2;
	}
}

void
ui_say(enum ui_msg_kind k, const char *title, const char *text)
{
	if (ui_width(text) <= COLS - 2)
		ui_msg(k, "%s", text);
	else
		ui_message(title, text, k == UI_MSG_ERROR);
}

void
ui_draw_status(const char *hint)
{
	attr_t a;

	ui_fill(LINES - 2, 0, COLS, A_NORMAL);
	if (has_msg) {
		a = msg_kind == UI_MSG_ERROR ? theme_attr(TR_ERROR) :
		    msg_kind == UI_MSG_INFO ? theme_attr(TR_INFO) : theme_attr(TR_HINT);
		ui_put(LINES - 2, 1, COLS - 2, msg, a, false, false);
	} else if (notice[0] != '\0') {
		ui_put(LINES - 2, 1, COLS - 2, notice, theme_attr(TR_CUKUP), false, false);
	} else if (hint != NULL) {
		ui_put(LINES - 2, 1, COLS - 2, hint, theme_attr(TR_HINT), false, false);
	}
}

/* ------------------------------------------------------------------ */
/* text */

wchar_t *
ui_wcs(const char *s, size_t *len)
{
	size_t n = s != NULL ? strlen(s) : 0, i = 0, k = 0;
	wchar_t *w = malloc((n + 1) * sizeof *w);
	mbstate_t st;

	if (w == NULL)
		lk_fatal("out of memory");
	memset(&st, 0, sizeof st);
	while (i < n) {
		wchar_t wc;
		size_t r = mbrtowc(&wc, s + i, n - i, &st);

		if (r == (size_t)-1 || r == (size_t)-2) {
			wc = 0xFFFD;
			r = 1;
			memset(&st, 0, sizeof st);
		} else if (r == 0) {
			r = 1;
			wc = L' ';
		}
		w[k++] = wc;
		i += r;
	}
	w[k] = 0;
	if (len != NULL)
		*len = k;
	return w;
}

char *
ui_mbs(const wchar_t *w, size_t len)
{
	size_t i, k = 0;
	char *s = malloc(len * MB_LEN_MAX + 1);
	mbstate_t st;

	if (s == NULL)
		lk_fatal("out of memory");
	memset(&st, 0, sizeof st);
	for (i = 0; i < len; i++) {
		size_t r = wcrtomb(s + k, w[i], &st);

		if (r == (size_t)-1) {
			s[k++] = '?';
			memset(&st, 0, sizeof st);
		} else {
			k += r;
		}
	}
	s[k] = '\0';
	return s;
}

int
ui_wcwidth(wchar_t c)
{
	int w;

	if (c < 32 || c == 127)
		return 1;
	w = wcwidth(c);
	return w < 0 ? 1 : w;
}

int
ui_width(const char *s)
{
	size_t n, i;
	wchar_t *w = ui_wcs(s, &n);
	int total = 0;

	for (i = 0; i < n; i++)
		total += ui_wcwidth(w[i]);
	free(w);
	return total;
}

bool
ui_contains(const char *hay, const char *needle)
{
	size_t n = strlen(needle), i;

	if (n == 0)
		return false;
	for (; *hay; hay++) {
		for (i = 0; i < n; i++) {
			unsigned char a = (unsigned char)hay[i], b = (unsigned char)needle[i];

			if (a >= 'A' && a <= 'Z')
				a = (unsigned char)(a - 'A' + 'a');
			if (b >= 'A' && b <= 'Z')
				b = (unsigned char)(b - 'A' + 'a');
			if (a != b)
				break;
		}
		if (i == n)
			return true;
	}
	return false;
}

size_t
ui_fit(const char *s, int w)
{
	mbstate_t st;
	size_t i = 0, n = strlen(s);
	int used = 0;

	memset(&st, 0, sizeof st);
	while (i < n) {
		wchar_t wc;
		size_t r = mbrtowc(&wc, s + i, n - i, &st);
		int cw;

		if (r == (size_t)-1 || r == (size_t)-2) {
			r = 1;
			cw = 1;
			memset(&st, 0, sizeof st);
		} else {
			cw = ui_wcwidth(wc);
		}
		if (used + cw > w)
			break;
		used += cw;
		i += r;
	}
	return i;
}

void
ui_fill(int y, int x, int w, attr_t a)
{
	if (w <= 0 || y < 0 || y >= LINES)
		return;
	attrset(a);
	mvhline(y, x, ' ', w);
	attrset(A_NORMAL);
}

int
ui_putw(int y, int x, int w, const wchar_t *s, size_t n, attr_t a, bool pad)
{
	wchar_t buf[512];
	size_t i, k = 0;
	int used = 0;

	if (w <= 0 || y < 0 || y >= LINES || x >= COLS)
		return 0;
	if (x + w > COLS)
		w = COLS - x;
	for (i = 0; i < n && k < sizeof buf / sizeof buf[0] - 1; i++) {
		wchar_t c = s[i];
		int cw;

		if (c == L'\n' || c == L'\t')
			c = L' ';
		else if (c < 32 || c == 127 || !iswprint(c))
			c = L'?';
		cw = ui_wcwidth(c);
		if (used + cw > w)
			break;
		buf[k++] = c;
		used += cw;
	}
	attrset(a);
	if (k > 0)
		mvaddnwstr(y, x, buf, (int)k);
	if (pad && used < w) {
		move(y, x + used);
		hline(' ', w - used);
	}
	attrset(A_NORMAL);
	return pad ? w : used;
}

int
ui_put(int y, int x, int w, const char *s, attr_t a, bool pad, bool right)
{
	size_t n;
	wchar_t *ws;
	int r;

	if (w <= 0)
		return 0;
	ws = ui_wcs(s != NULL ? s : "", &n);
	if (right) {
		int tw = 0;

		for (size_t i = 0; i < n; i++)
			tw += ui_wcwidth(ws[i]);
		if (tw < w) {
			if (pad)
				ui_fill(y, x, w - tw, a);
			x += w - tw;
			w = tw;
		}
	}
	r = ui_putw(y, x, w, ws, n, a, pad);
	free(ws);
	return r;
}

/* One wrapped line of w[start..n): returns the end of the text to show
 * and sets *next to where the following line starts. */
size_t
ui_wrap_line(const wchar_t *s, size_t start, size_t n, int w, size_t *next)
{
	size_t i = start, brk = (size_t)-1;
	int used = 0;

	while (i < n && s[i] != L'\n') {
		int cw = ui_wcwidth(s[i]);

		if (s[i] == L' ')
			brk = i;
		if (used + cw > w) {
			if (brk != (size_t)-1 && brk > start) {
				*next = brk + 1;
				return brk;
			}
			if (i == start)
				i++;
			*next = i;
			return i;
		}
		used += cw;
		i++;
	}
	*next = i < n ? i + 1 : i;
	return i;
}

int
ui_put_wrapped(int y, int x, int h, int w, const char *s, attr_t a)
{
	size_t n, pos = 0, next, end;
	wchar_t *ws = ui_wcs(s, &n);
	int line = 0;

	if (w < 1)
		w = 1;
	while (pos < n || (line == 0 && n == 0)) {
		end = ui_wrap_line(ws, pos, n, w, &next);
		if (h > 0 && line < h)
			ui_putw(y + line, x, w, ws + pos, end - pos, a, false);
		line++;
		if (next == pos)
			break;
		pos = next;
		if (n == 0)
			break;
	}
	free(ws);
	return line;
}

