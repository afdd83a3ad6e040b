/* ui.c - layers, keys, signals, resize, frame and popups (see ui.h). */
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
#include "tui/lineedit.h"

#define MAX_LAYERS 48

static bool active;
static volatile sig_atomic_t got_signal;
static bool terminated;
static ui_layer layers[MAX_LAYERS];
static int n_layers;
static int cur_y = -1, cur_x = -1;
static char context[512];
static bool flag_ro, flag_unsaved;
static char msg[1024];
static enum ui_msg_kind msg_kind;
static bool has_msg;

static void
on_signal(int sig)
{
	got_signal = sig;
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
	return 0;
}

void
ui_end(void)
{
	if (!active)
		return;
	active = false;
	curs_set(1);
	endwin();
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

static bool
too_small(void)
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
ui_redraw(void)
{
	int i, first = 0;

	if (!active)
		return;
	if (too_small()) {
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

	if (too_small())
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

	while (too_small()) {
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

		if (got_signal) {
			terminate();
			return ACT_TERMINATE;
		}
		if (too_small()) {
			if (!wait_for_size())
				return ACT_TERMINATE;
			ui_relayout_all();
			ui_redraw();
			return ACT_RESIZE;
		}
		t0 = now_ms();
		rc = wget_wch(stdscr, &c);
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
			if (too_small() && !wait_for_size())
				return ACT_TERMINATE;
			ui_relayout_all();
			ui_redraw();
			return ACT_RESIZE;
		}
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
ui_set_flags(bool readonly, bool unsaved)
{
	flag_ro = readonly;
	flag_unsaved = unsaved;
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
ui_draw_status(const char *hint)
{
	attr_t a;

	ui_fill(LINES - 2, 0, COLS, A_NORMAL);
	if (has_msg) {
		a = msg_kind == UI_MSG_ERROR ? theme_attr(TR_ERROR) :
		    msg_kind == UI_MSG_INFO ? theme_attr(TR_INFO) : theme_attr(TR_HINT);
		ui_put(LINES - 2, 1, COLS - 2, msg, a, false, false);
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

static int
wcw(wchar_t c)
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
		total += wcw(w[i]);
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
			cw = wcw(wc);
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
		cw = wcw(c);
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
			tw += wcw(ws[i]);
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
static size_t
wrap_line(const wchar_t *s, size_t start, size_t n, int w, size_t *next)
{
	size_t i = start, brk = (size_t)-1;
	int used = 0;

	while (i < n && s[i] != L'\n') {
		int cw = wcw(s[i]);

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
		end = wrap_line(ws, pos, n, w, &next);
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

/* ------------------------------------------------------------------ */
/* popups */

static void
draw_box(int y, int x, int h, int w, const char *title)
{
	attr_t b = theme_attr(TR_BORDER);
	int i;

	for (i = 0; i < h; i++)
		ui_fill(y + i, x, w, A_NORMAL);
	attrset(b);
	mvaddch(y, x, ACS_ULCORNER);
	mvhline(y, x + 1, ACS_HLINE, w - 2);
	mvaddch(y, x + w - 1, ACS_URCORNER);
	mvvline(y + 1, x, ACS_VLINE, h - 2);
	mvvline(y + 1, x + w - 1, ACS_VLINE, h - 2);
	mvaddch(y + h - 1, x, ACS_LLCORNER);
	mvhline(y + h - 1, x + 1, ACS_HLINE, w - 2);
	mvaddch(y + h - 1, x + w - 1, ACS_LRCORNER);
	attrset(A_NORMAL);
	if (title != NULL && *title) {
		char t[300];

		snprintf(t, sizeof t, " %s ", title);
		ui_put(y, x + 2, w - 4, t, b, false, false);
	}
}

typedef struct dlg {
	const char *title, *text;
	const char *btn[3];
	int nbtn, sel;
	bool error;
	int y, x, h, w, text_lines;
} dlg;

static void
dlg_layout(void *ctx)
{
	dlg *d = ctx;
	int want = ui_width(d->text) + 4, bw = 0, i;

	for (i = 0; i < d->nbtn; i++)
		bw += ui_width(d->btn[i]) + 6;
	if (want < bw + 4)
		want = bw + 4;
	if (want < ui_width(d->title) + 8)
		want = ui_width(d->title) + 8;
	if (want < 40)
		want = 40;
	if (want > 72)
		want = 72;
	if (want > COLS - 4)
		want = COLS - 4;
	d->w = want;
	d->text_lines = ui_put_wrapped(0, 0, 0, d->w - 4, d->text, A_NORMAL);
	if (d->text_lines > LINES - 8)
		d->text_lines = LINES - 8;
	d->h = d->text_lines + (d->nbtn > 0 ? 4 : 2);
	d->y = (LINES - d->h) / 2;
	d->x = (COLS - d->w) / 2;
}

static void
dlg_draw(void *ctx)
{
	dlg *d = ctx;
	int i, x, bw = 0, cx = -1;

	draw_box(d->y, d->x, d->h, d->w, d->title);
	ui_put_wrapped(d->y + 1, d->x + 2, d->text_lines, d->w - 4, d->text,
		       d->error ? theme_attr(TR_ERROR) : A_NORMAL);
	if (d->nbtn == 0)
		return;
	for (i = 0; i < d->nbtn; i++)
		bw += ui_width(d->btn[i]) + 4 + (i > 0 ? 2 : 0);
	x = d->x + (d->w - bw) / 2;
	for (i = 0; i < d->nbtn; i++) {
		char b[200];
		attr_t a = i == d->sel ? theme_attr(TR_SELECT) : A_NORMAL;

		snprintf(b, sizeof b, "[ %s ]", d->btn[i]);
		if (i == d->sel)
			cx = x + 2;
		x += ui_put(d->y + d->h - 2, x, ui_width(b), b, a, false, false) + 2;
	}
	if (cx >= 0)
		ui_cursor(d->y + d->h - 2, cx);
}

static int
dlg_run(dlg *d)
{
	ui_layer l = { dlg_draw, dlg_layout, NULL, d, false };
	int result = -2;

	dlg_layout(d);
	ui_push(&l);
	while (result == -2) {
		wint_t ch;
		int act, i;

		ui_redraw();
		act = ui_getkey(KCTX_TEXT, &ch);
		switch (act) {
		case ACT_TERMINATE:
		case ACT_BACK:
			result = -1;
			break;
		case ACT_LEFT:
		case ACT_PREV_FIELD:
		case ACT_UP:
			d->sel = (d->sel + d->nbtn - 1) % d->nbtn;
			break;
		case ACT_RIGHT:
		case ACT_NEXT_FIELD:
		case ACT_DOWN:
			d->sel = (d->sel + 1) % d->nbtn;
			break;
		case ACT_ENTER:
			result = d->sel;
			break;
		case ACT_CHAR:
			for (i = 0; i < d->nbtn; i++) {
				wchar_t *w = ui_wcs(d->btn[i], NULL);

				if (towlower(w[0]) == towlower(ch))
					result = i;
				free(w);
				if (result >= 0)
					break;
			}
			break;
		default:
			break;
		}
	}
	ui_pop();
	return result;
}

bool
ui_message(const char *title, const char *text, bool error)
{
	dlg d = { title, text, { _("OK"), NULL, NULL }, 1, 0, error, 0, 0, 0, 0, 0 };

	if (!active)
		return true;
	return dlg_run(&d) >= 0 || !ui_terminating();
}

int
ui_confirm(const char *title, const char *text, bool default_yes)
{
	dlg d = { title, text, { _("Yes"), _("No"), NULL }, 2, default_yes ? 0 : 1,
		  false, 0, 0, 0, 0, 0 };
	int r = dlg_run(&d);

	return r < 0 ? -1 : r == 0 ? 1 : 0;
}

int
ui_ask3(const char *title, const char *text, const char *b0, const char *b1,
	const char *b2)
{
	dlg d = { title, text, { b0, b1, b2 }, 3, 0, false, 0, 0, 0, 0, 0 };

	return dlg_run(&d);
}

void
ui_progress(const char *title, const char *text)
{
	dlg d = { title, text, { NULL, NULL, NULL }, 0, 0, false, 0, 0, 0, 0, 0 };

	if (!active || too_small())
		return;
	dlg_layout(&d);
	dlg_draw(&d);
	curs_set(0);
	refresh();
}

/* ---- choose ---- */

typedef struct chooser {
	const char *title;
	const char *const *items;
	size_t n, sel, top;
	int y, x, h, w;
} chooser;

static void
chooser_layout(void *ctx)
{
	chooser *c = ctx;
	int w = ui_width(c->title) + 8;
	size_t i;

	for (i = 0; i < c->n; i++)
		if (ui_width(c->items[i]) + 6 > w)
			w = ui_width(c->items[i]) + 6;
	if (w > COLS - 4)
		w = COLS - 4;
	c->w = w;
	c->h = (int)c->n + 2;
	if (c->h > LINES - 6)
		c->h = LINES - 6;
	c->y = (LINES - c->h) / 2;
	c->x = (COLS - c->w) / 2;
}

static void
chooser_draw(void *ctx)
{
	chooser *c = ctx;
	size_t rows = (size_t)(c->h - 2), i;

	if (c->sel < c->top)
		c->top = c->sel;
	if (c->sel >= c->top + rows)
		c->top = c->sel - rows + 1;
	draw_box(c->y, c->x, c->h, c->w, c->title);
	for (i = 0; i < rows && c->top + i < c->n; i++) {
		size_t k = c->top + i;
		attr_t a = k == c->sel ? theme_attr(TR_SELECT) : A_NORMAL;

		ui_fill(c->y + 1 + (int)i, c->x + 1, c->w - 2, a);
		ui_put(c->y + 1 + (int)i, c->x + 2, c->w - 4, c->items[k], a, false,
		       false);
	}
	ui_cursor(c->y + 1 + (int)(c->sel - c->top), c->x + 2);
}

int
ui_choose(const char *title, const char *const *items, size_t n,
	  size_t selected)
{
	chooser c = { title, items, n, selected < n ? selected : 0, 0, 0, 0, 0, 0 };
	ui_layer l = { chooser_draw, chooser_layout, NULL, &c, false };
	int result = -2;

	if (n == 0)
		return -1;
	chooser_layout(&c);
	ui_push(&l);
	while (result == -2) {
		wint_t ch;
		size_t page = (size_t)(c.h > 3 ? c.h - 3 : 1), i;
		int act;

		ui_redraw();
		act = ui_getkey(KCTX_TEXT, &ch);
		switch (act) {
		case ACT_TERMINATE:
		case ACT_BACK:
			result = -1;
			break;
		case ACT_UP:
		case ACT_PREV_FIELD:
			c.sel = c.sel > 0 ? c.sel - 1 : c.n - 1;
			break;
		case ACT_DOWN:
		case ACT_NEXT_FIELD:
			c.sel = c.sel + 1 < c.n ? c.sel + 1 : 0;
			break;
		case ACT_PGUP:
			c.sel = c.sel > page ? c.sel - page : 0;
			break;
		case ACT_PGDN:
			c.sel = c.sel + page < c.n ? c.sel + page : c.n - 1;
			break;
		case ACT_HOME:
			c.sel = 0;
			break;
		case ACT_END:
			c.sel = c.n - 1;
			break;
		case ACT_ENTER:
			result = (int)c.sel;
			break;
		case ACT_CHAR:
			if (ch == L' ') {
				result = (int)c.sel;
				break;
			}
			for (i = 1; i <= c.n; i++) {
				size_t k = (c.sel + i) % c.n;
				wchar_t *w = ui_wcs(c.items[k], NULL);
				bool hit = towlower(w[0]) == towlower(ch);

				free(w);
				if (hit) {
					c.sel = k;
					break;
				}
			}
			break;
		default:
			break;
		}
	}
	ui_pop();
	return result;
}

/* ---- prompt ---- */

typedef struct prompter {
	const char *title, *label;
	lineedit le;
	int y, x, h, w;
} prompter;

static void
prompter_layout(void *ctx)
{
	prompter *p = ctx;

	p->w = COLS - 8 < 72 ? COLS - 8 : 72;
	p->h = 6;
	p->y = (LINES - p->h) / 2;
	p->x = (COLS - p->w) / 2;
}

static void
prompter_draw(void *ctx)
{
	prompter *p = ctx;
	int cx;

	draw_box(p->y, p->x, p->h, p->w, p->title);
	ui_put(p->y + 1, p->x + 2, p->w - 4, p->label, A_NORMAL, false, false);
	cx = le_draw(&p->le, p->y + 2, p->x + 2, p->w - 4,
		     theme_attr(TR_FIELD_FOCUS));
	ui_put(p->y + 4, p->x + 2, p->w - 4,
	       _("Enter: OK   Esc: cancel"), theme_attr(TR_HINT), false, false);
	ui_cursor(p->y + 2, cx);
}

bool
ui_prompt(const char *title, const char *label, const char *initial,
	  char **out)
{
	prompter p;
	ui_layer l = { prompter_draw, prompter_layout, NULL, &p, false };
	int result = -2;

	memset(&p, 0, sizeof p);
	p.title = title;
	p.label = label;
	le_set(&p.le, initial);
	prompter_layout(&p);
	ui_push(&l);
	while (result == -2) {
		wint_t ch;
		int act;

		ui_redraw();
		act = ui_getkey(KCTX_TEXT, &ch);
		if (act == ACT_TERMINATE || act == ACT_BACK)
			result = -1;
		else if (act == ACT_ENTER || act == ACT_SAVE)
			result = 0;
		else
			le_key(&p.le, act, ch);
	}
	ui_pop();
	if (result == 0)
		*out = le_get(&p.le);
	le_free(&p.le);
	return result == 0;
}

/* ---- text viewer ---- */

typedef struct viewer {
	const char *title, *text;
	size_t top;
	int lines;
} viewer;

static void
viewer_draw(void *ctx)
{
	static const int acts[] = { ACT_BACK, ACT_PGDN, ACT_PGUP, ACT_NONE };
	viewer *v = ctx;
	int h = LINES - 4, total;
	size_t n, pos = 0, next, end, line = 0;
	wchar_t *ws;

	erase();
	ui_draw_top(v->title, 0, NULL);
	total = ui_put_wrapped(0, 0, 0, COLS - 4, v->text, A_NORMAL);
	v->lines = total;
	if ((int)v->top > total - h)
		v->top = total > h ? (size_t)(total - h) : 0;
	ws = ui_wcs(v->text, &n);
	while (pos < n) {
		end = wrap_line(ws, pos, n, COLS - 4, &next);
		if (line >= v->top && (int)(line - v->top) < h)
			ui_putw(2 + (int)(line - v->top), 2, COLS - 4, ws + pos,
				end - pos, A_NORMAL, false);
		line++;
		if (next == pos)
			break;
		pos = next;
	}
	free(ws);
	ui_draw_status(total > h ? _("PgUp/PgDn: scroll") : NULL);
	ui_draw_keybar(acts, KCTX_NAV);
}

void
ui_show_text(const char *title, const char *text)
{
	viewer v = { title, text, 0, 0 };
	ui_layer l = { viewer_draw, NULL, NULL, &v, true };
	bool done = false;

	ui_push(&l);
	while (!done) {
		int h = LINES - 4, act;

		ui_redraw();
		act = ui_getkey(KCTX_NAV, NULL);
		switch (act) {
		case ACT_UP:
			if (v.top > 0)
				v.top--;
			break;
		case ACT_DOWN:
			if ((int)v.top + h < v.lines)
				v.top++;
			break;
		case ACT_PGUP:
			v.top = v.top > (size_t)h ? v.top - (size_t)h : 0;
			break;
		case ACT_PGDN:
			v.top += (size_t)h;
			break;
		case ACT_HOME:
			v.top = 0;
			break;
		case ACT_END:
			v.top = (size_t)v.lines;
			break;
		case ACT_RESIZE:
		case ACT_CHAR:
		case ACT_NONE:
			break;
		default:
			done = true;
		}
	}
	ui_pop();
}

void
ui_help(const char *title, const char *view_text, const int *acts,
	enum key_ctx ctx)
{
	char *text = keys_help_text(view_text, acts, ctx);
	char t[300];

	snprintf(t, sizeof t, "%s: %s", _("Help"), title != NULL ? title : "");
	ui_show_text(t, text);
	free(text);
}
