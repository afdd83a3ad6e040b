/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* textedit.c - multi-line text and $EDITOR (see textedit.h). */
#include "config.h"
#include "tui/textedit.h"

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>
#include <wctype.h>

#include "core/priv.h"
#include "core/err.h"
#include "core/i18n.h"
#include "tui/keys.h"
#include "tui/ui.h"

#define TE_FILE_MAX (4u << 20)

static void
reserve(textedit *t, size_t n)
{
	if (n + 1 <= t->cap)
		return;
	t->cap = (n + 1) * 2;
	if ((t->buf = realloc(t->buf, t->cap * sizeof *t->buf)) == NULL)
		lk_fatal("out of memory");
}

char *
te_clean(const char *s)
{
	size_t n = strlen(s), i, k = 0;
	char *o = malloc(n + 1);

	if (o == NULL)
		lk_fatal("out of memory");
	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\r') {
			if (s[i + 1] != '\n')
				o[k++] = '\n';
			continue;
		}
		if (c == '\t')
			c = ' ';
		if ((c < 32 && c != '\n') || c == 127)
			continue;
		o[k++] = (char)c;
	}
	o[k] = '\0';
	return o;
}

void
te_set(textedit *t, const char *utf8)
{
	char *clean = te_clean(utf8 != NULL ? utf8 : "");
	size_t n, i, k = 0;
	wchar_t *w = ui_wcs(clean, &n);

	free(clean);
	reserve(t, n);
	for (i = 0; i < n; i++)
		if (w[i] == L'\n' || iswprint(w[i]))
			t->buf[k++] = w[i];
	t->buf[k] = 0;
	free(w);
	t->len = k;
	t->cur = 0;
	t->top = 0;
	t->want_col = -1;
}

char *
te_get(const textedit *t)
{
	return ui_mbs(t->buf != NULL ? t->buf : L"", t->len);
}

void
te_free(textedit *t)
{
	free(t->buf);
	memset(t, 0, sizeof *t);
}

static int
cw(wchar_t c)
{
	int w = wcwidth(c);

	return w < 0 ? 1 : w;
}

/* Display lines: starts[i] is the index where line i begins.  A line
 * ends before the next start (a break space or newline belongs to the
 * line it ends).  The count is returned; *starts is malloc'ed. */
static size_t
layout(const textedit *t, int w, size_t **starts)
{
	size_t cap = 16, n = 0, pos = 0;
	size_t *s = malloc(cap * sizeof *s);

	if (s == NULL)
		lk_fatal("out of memory");
	if (w < 2)
		w = 2;
	for (;;) {
		size_t i = pos, brk = (size_t)-1, next;
		int used = 0;

		if (n == cap && (s = realloc(s, (cap *= 2) * sizeof *s)) == NULL)
			lk_fatal("out of memory");
		s[n++] = pos;
		/* One column is kept for the cursor at the end of a line. */
		while (i < t->len && t->buf[i] != L'\n') {
			if (t->buf[i] == L' ')
				brk = i;
			if (used + cw(t->buf[i]) > w - 1)
				break;
			used += cw(t->buf[i]);
			i++;
		}
		if (i >= t->len)
			break;
		if (t->buf[i] == L'\n')
			next = i + 1;
		else if (brk != (size_t)-1 && brk > pos)
			next = brk + 1;
		else
			next = i > pos ? i : i + 1;
		pos = next;
	}
	*starts = s;
	return n;
}

/* Line holding index i. */
static size_t
line_of(const size_t *s, size_t n, size_t i)
{
	size_t lo = 0, hi = n;

	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (s[mid] <= i)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

/* End of line l (exclusive, without its newline). */
static size_t
line_end(const textedit *t, const size_t *s, size_t n, size_t l)
{
	size_t e = l + 1 < n ? s[l + 1] : t->len;

	if (e > s[l] && l + 1 < n && (t->buf[e - 1] == L'\n' || t->buf[e - 1] == L' '))
		e--;
	return e;
}

static int
col_of(const textedit *t, size_t start, size_t i)
{
	int c = 0;

	for (; start < i; start++)
		c += cw(t->buf[start]);
	return c;
}

static size_t
index_at_col(const textedit *t, size_t start, size_t end, int col)
{
	int c = 0;

	while (start < end && c + cw(t->buf[start]) <= col) {
		c += cw(t->buf[start]);
		start++;
	}
	return start;
}

static void
insert(textedit *t, wchar_t c)
{
	if (t->max > 0 && t->len >= t->max)
		return;
	reserve(t, t->len + 1);
	memmove(t->buf + t->cur + 1, t->buf + t->cur,
		(t->len - t->cur + 1) * sizeof *t->buf);
	t->buf[t->cur++] = c;
	t->len++;
}

static void
erase_at(textedit *t, size_t i)
{
	memmove(t->buf + i, t->buf + i + 1, (t->len - i) * sizeof *t->buf);
	t->len--;
}

int
te_key(textedit *t, int act, wint_t ch)
{
	size_t *s, n, l, end;
	int w = t->w > 0 ? t->w : 60, rc = 1, h = t->h > 0 ? t->h : 5;

	reserve(t, t->len);
	n = layout(t, w, &s);
	l = line_of(s, n, t->cur);
	switch (act) {
	case ACT_CHAR:
		if (iswprint(ch))
			insert(t, (wchar_t)ch);
		t->want_col = -1;
		break;
	case ACT_ENTER:
		insert(t, L'\n');
		t->want_col = -1;
		break;
	case ACT_CLEAR:         /* Ctrl-U: the whole text, as in a line */
		t->len = t->cur = 0;
		t->buf[0] = L'\0';
		t->want_col = -1;
		break;
	case ACT_BACKSPACE:
		if (t->cur > 0)
			erase_at(t, --t->cur);
		t->want_col = -1;
		break;
	case ACT_DELCHAR:
		if (t->cur < t->len)
			erase_at(t, t->cur);
		t->want_col = -1;
		break;
	case ACT_LEFT:
		if (t->cur > 0)
			t->cur--;
		t->want_col = -1;
		break;
	case ACT_RIGHT:
		if (t->cur < t->len)
			t->cur++;
		t->want_col = -1;
		break;
	case ACT_HOME:
		t->cur = s[l];
		t->want_col = -1;
		break;
	case ACT_END:
		t->cur = line_end(t, s, n, l);
		t->want_col = -1;
		break;
	case ACT_UP:
	case ACT_DOWN:
	case ACT_PGUP:
	case ACT_PGDN: {
		size_t target;
		int step = act == ACT_PGUP || act == ACT_PGDN ? h - 1 : 1;

		if (step < 1)
			step = 1;
		if (t->want_col < 0)
			t->want_col = col_of(t, s[l], t->cur);
		if (act == ACT_UP || act == ACT_PGUP) {
			if (l == 0) {
				rc = act == ACT_UP ? -1 : 1;
				if (act == ACT_PGUP)
					t->cur = 0;
				break;
			}
			target = l >= (size_t)step ? l - (size_t)step : 0;
		} else {
			if (l + 1 >= n) {
				rc = act == ACT_DOWN ? 2 : 1;
				if (act == ACT_PGDN)
					t->cur = t->len;
				break;
			}
			target = l + (size_t)step < n ? l + (size_t)step : n - 1;
		}
		end = line_end(t, s, n, target);
		t->cur = index_at_col(t, s[target], end, t->want_col);
		break;
	}
	default:
		rc = 0;
	}
	free(s);
	return rc;
}

void
te_draw(textedit *t, int y, int x, int h, int w, attr_t a, bool focus)
{
	size_t *s, n, l, i;

	if (h < 1 || w < 2)
		return;
	t->w = w;
	t->h = h;
	reserve(t, t->len);
	n = layout(t, w, &s);
	l = line_of(s, n, t->cur);
	if (l < t->top)
		t->top = l;
	if (l >= t->top + (size_t)h)
		t->top = l - (size_t)h + 1;
	if (t->top + (size_t)h > n)
		t->top = n > (size_t)h ? n - (size_t)h : 0;
	for (i = 0; i < (size_t)h; i++) {
		size_t k = t->top + i;

		if (k < n) {
			size_t e = line_end(t, s, n, k);

			ui_putw(y + (int)i, x, w, t->buf + s[k], e - s[k], a, true);
		} else {
			ui_fill(y + (int)i, x, w, a);
		}
	}
	/* Scroll marks when text is hidden above or below. */
	if (t->top > 0)
		ui_put(y, x + w - 1, 1, "^", a | A_BOLD, false, false);
	if (t->top + (size_t)h < n)
		ui_put(y + h - 1, x + w - 1, 1, "v", a | A_BOLD, false, false);
	if (focus)
		ui_cursor(y + (int)(l - t->top), x + col_of(t, s[l], t->cur));
	free(s);
}

/* ------------------------------------------------------------------ */
/* external editor */

/* Whether prog is an executable file in one of the directories of $PATH
 * (an empty entry is the current directory, as for the shell). */
static bool
in_path(const char *prog)
{
	const char *path = getenv("PATH"), *p, *q;
	char buf[4096];
	size_t len;
	int w;

	if (path == NULL)
		path = "/usr/bin:/bin";
	for (p = path;; p = q + 1) {
		q = strchr(p, ':');
		len = q != NULL ? (size_t)(q - p) : strlen(p);
		w = len > 0 ? snprintf(buf, sizeof buf, "%.*s/%s", (int)len, p, prog)
			    : snprintf(buf, sizeof buf, "./%s", prog);
		if (w > 0 && (size_t)w < sizeof buf && access(buf, X_OK) == 0)
			return true;
		if (q == NULL)
			return false;
	}
}

/* $VISUAL, else $EDITOR, else Debian's sensible-editor (which asks the
 * alternatives system) when it is installed, else vi. */
static const char *
editor_command(void)
{
	const char *e = getenv("VISUAL");

	if (e == NULL || *e == '\0')
		e = getenv("EDITOR");
	if (e == NULL || *e == '\0')
		e = in_path("sensible-editor") ? "sensible-editor" : "vi";
	return e;
}

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

static char *
read_file(const char *path, char *err, size_t n)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	size_t len;

	if (f == NULL) {
		snprintf(err, n, _("cannot read %s: %s"), path, strerror(errno));
		return NULL;
	}
	if ((buf = malloc(TE_FILE_MAX + 1)) == NULL)
		lk_fatal("out of memory");
	len = fread(buf, 1, TE_FILE_MAX + 1, f);
	fclose(f);
	if (len > TE_FILE_MAX) {
		snprintf(err, n, _("the text is longer than %u MiB"), TE_FILE_MAX >> 20);
		free(buf);
		return NULL;
	}
	buf[len] = '\0';
	return buf;
}

int
te_external(const char *text, char **out, char *err, size_t n)
{
	const char *dir = getenv("TMPDIR");
	const char *cmd = editor_command();
	char path[4096], sh[4200], *raw, *clean;
	struct sigaction ign, old_int, old_quit;
	size_t len;
	pid_t pid;
	int fd, status = 0;

	snprintf(path, sizeof path, "%s/lakip-teks-XXXXXX.txt",
		 dir != NULL && *dir ? dir : "/tmp");
	if ((fd = mkstemps(path, 4)) < 0) {
		snprintf(err, n, _("cannot create a temporary file: %s"), strerror(errno));
		return -1;
	}
	len = strlen(text);
	if (write_all(fd, text, len) != 0 ||
	    (len > 0 && text[len - 1] != '\n' && write_all(fd, "\n", 1) != 0) ||
	    close(fd) != 0) {
		snprintf(err, n, _("cannot write %s: %s"), path, strerror(errno));
		unlink(path);
		return -1;
	}

	/* "$EDITOR" may carry options: the shell splits it, as git does. */
	snprintf(sh, sizeof sh, "%s \"$1\"", cmd);
	ui_suspend();
	memset(&ign, 0, sizeof ign);
	ign.sa_handler = SIG_IGN;
	sigemptyset(&ign.sa_mask);
	sigaction(SIGINT, &ign, &old_int);
	sigaction(SIGQUIT, &ign, &old_quit);
	pid = fork();
	if (pid == 0) {
		signal(SIGINT, SIG_DFL);
		signal(SIGQUIT, SIG_DFL);
		signal(SIGHUP, SIG_DFL);
		signal(SIGTERM, SIG_DFL);
		signal(SIGPIPE, SIG_DFL);
		priv_drop();     /* the editor never holds the database's group */
		execl("/bin/sh", "sh", "-c", sh, "sh", path, (char *)NULL);
		_exit(127);
	}
	if (pid > 0) {
		while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
			;
	}
	sigaction(SIGINT, &old_int, NULL);
	sigaction(SIGQUIT, &old_quit, NULL);
	ui_resume();
	ui_relayout_all();

	if (pid < 0) {
		snprintf(err, n, _("cannot start the editor: %s"), strerror(errno));
		unlink(path);
		return -1;
	}
	if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
		snprintf(err, n, WIFEXITED(status) && WEXITSTATUS(status) == 127 ?
			 _("the editor '%s' could not be started; set VISUAL or EDITOR") :
			 _("the editor '%s' failed; the text is unchanged"), cmd);
		unlink(path);
		return -1;
	}
	raw = read_file(path, err, n);
	unlink(path);
	if (raw == NULL)
		return -1;
	clean = te_clean(raw);
	free(raw);
	/* The editor's final newline is not part of the text. */
	len = strlen(clean);
	while (len > 0 && clean[len - 1] == '\n')
		clean[--len] = '\0';
	*out = clean;
	return 0;
}
