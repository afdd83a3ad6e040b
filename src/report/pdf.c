/* pdf.c - the thin libharu wrapper (see pdf.h). */
#include "config.h"
#include "report/pdf.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <hpdf.h>

#define PNG_MAX_BYTES (64L * 1024 * 1024)

struct pdf {
	HPDF_Doc doc;
	HPDF_Page page;
	/* By style & (DOC_BOLD | DOC_ITALIC): the TrueType file, libharu's
	 * name for it (loaded, checked), and the two fonts made of it on
	 * first use: single-byte (CP1252) for text that fits, UTF-8 (CID)
	 * for the rest. */
	char *path[4];
	const char *name[4];
	HPDF_Font font[4], cid[4];
	int bad_font;             /* style whose font libharu refused, or -1 */
	HPDF_Encoder enc;
	double ascent, descent;
	HPDF_STATUS err, detail;  /* first libharu error */
	/* graphics state of the current page; < 0: unknown */
	bool in_text;
	int dashed;
	HPDF_Font cur_font;
	double cur_size, word_space, fill, stroke, line_width;
	char *buf;                /* NUL-terminated copy of a text */
	size_t cap;
};

/* A pdf_image is libharu's HPDF_Image (owned by the document). */
#define IMG(i) ((HPDF_Image)(void *)(i))

static void
on_error(HPDF_STATUS code, HPDF_STATUS detail, void *user)
{
	pdf *p = user;

	if (p->err == 0) {
		p->err = code;
		p->detail = detail;
	}
}

/* ---- fonts ---- */

static int
font_check(const char *path, lk_err *e)
{
	unsigned char sig[4];
	ssize_t n;
	int fd = open(path, O_RDONLY);

	if (fd < 0)
		return lk_fail(e, EX_NOINPUT, "font file %s: %s", path,
			       strerror(errno));
	n = read(fd, sig, sizeof sig);
	close(fd);
	if (n == 4 && (memcmp(sig, "\0\1\0\0", 4) == 0 ||
		       memcmp(sig, "true", 4) == 0))
		return 0;
	if (n == 4 && memcmp(sig, "OTTO", 4) == 0)
		return lk_fail(e, EX_DATAERR, "font file %s: OpenType (CFF) fonts "
			       "are not supported; use a TrueType (.ttf) font", path);
	if (n == 4 && memcmp(sig, "ttcf", 4) == 0)
		return lk_fail(e, EX_DATAERR, "font file %s: font collections "
			       "(.ttc) are not supported", path);
	return lk_fail(e, EX_DATAERR, "font file %s: not a TrueType font", path);
}

/* The font of a style, made on first use: cid selects the UTF-8 (CID)
 * font, else the single-byte one.  NULL after an error (recorded). */
static HPDF_Font
font_of(pdf *p, unsigned style, bool cid)
{
	unsigned k = style & 3;
	HPDF_Font *f = cid ? &p->cid[k] : &p->font[k];

	if (*f == NULL && p->err == 0) {
		*f = HPDF_GetFont(p->doc, p->name[k], cid ? "UTF-8" : "CP1252");
		if (*f == NULL || p->err != 0) {
			*f = NULL;
			if (p->bad_font < 0)
				p->bad_font = (int)k;
		}
	}
	return *f;
}

/* The CP1252 byte of a character, or -1 (then the UTF-8 font draws it):
 * printable ASCII, Latin-1 and the punctuation of 0x80-0x9F. */
static int
cp1252(unsigned long u)
{
	static const struct { unsigned short u; unsigned char c; } hi[] = {
		{ 0x0152, 0x8C }, { 0x0153, 0x9C }, { 0x0160, 0x8A },
		{ 0x0161, 0x9A }, { 0x0178, 0x9F }, { 0x017D, 0x8E },
		{ 0x017E, 0x9E }, { 0x0192, 0x83 }, { 0x02C6, 0x88 },
		{ 0x02DC, 0x98 }, { 0x2013, 0x96 }, { 0x2014, 0x97 },
		{ 0x2018, 0x91 }, { 0x2019, 0x92 }, { 0x201A, 0x82 },
		{ 0x201C, 0x93 }, { 0x201D, 0x94 }, { 0x201E, 0x84 },
		{ 0x2020, 0x86 }, { 0x2021, 0x87 }, { 0x2022, 0x95 },
		{ 0x2026, 0x85 }, { 0x2030, 0x89 }, { 0x2039, 0x8B },
		{ 0x203A, 0x9B }, { 0x20AC, 0x80 }, { 0x2122, 0x99 },
	};
	size_t lo = 0, n = sizeof hi / sizeof hi[0];

	if ((u >= 0x20 && u < 0x7F) || (u >= 0xA0 && u <= 0xFF))
		return (int)u;
	while (lo < n) {                /* binary search */
		size_t mid = (lo + n) / 2;

		if (hi[mid].u == u)
			return hi[mid].c;
		if (hi[mid].u < u)
			lo = mid + 1;
		else
			n = mid;
	}
	return -1;
}

/* Room for n bytes in p->buf. */
static void
reserve(pdf *p, size_t n)
{
	if (n > p->cap) {
		size_t cap = p->cap ? p->cap : 256;
		char *nb;

		while (cap < n)
			cap *= 2;
		nb = realloc(p->buf, cap);
		if (nb == NULL)
			lk_fatal("out of memory");
		p->buf = nb;
		p->cap = cap;
	}
}

/* The n bytes of UTF-8 at s as CP1252 in p->buf (NUL-terminated, *len
 * bytes); false when a character has no CP1252 byte or s is not valid
 * UTF-8.  Either way p->buf has room for n + 1 bytes. */
static bool
to_cp1252(pdf *p, const char *s, size_t n, size_t *len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, o = 0, l, k;
	unsigned long c;
	int b;

	reserve(p, n + 1);
	while (i < n) {
		c = u[i];
		if (c >= 0x20 && c < 0x7F) {    /* most of it */
			p->buf[o++] = (char)c;
			i++;
			continue;
		}
		l = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : 0;
		if (l == 0 || l > n - i)
			return false;
		for (k = 1; k < l; k++)
			if ((u[i + k] & 0xC0) != 0x80)
				return false;
		if (l == 2)
			c = (c & 0x1F) << 6 | (u[i + 1] & 0x3Fu);
		else
			c = (c & 0x0F) << 12 | (u[i + 1] & 0x3Fu) << 6 |
			    (u[i + 2] & 0x3Fu);
		if ((l == 2 && c < 0x80) || (l == 3 && c < 0x800) ||
		    (b = cp1252(c)) < 0)
			return false;
		p->buf[o++] = (char)b;
		i += l;
	}
	p->buf[o] = '\0';
	*len = o;
	return true;
}

int
pdf_new(pdf **out, const doc_font_set *fonts, lk_err *e)
{
	const char *path[4];
	HPDF_FontDef def;
	pdf *p;
	int i, j, rc;

	*out = NULL;
	path[0] = fonts->regular;
	path[DOC_BOLD] = fonts->bold ? fonts->bold : fonts->regular;
	path[DOC_ITALIC] = fonts->italic ? fonts->italic : fonts->regular;
	path[DOC_BOLD | DOC_ITALIC] = fonts->bold_italic ? fonts->bold_italic :
		fonts->bold ? fonts->bold : path[DOC_ITALIC];
	if (path[0] == NULL || *path[0] == '\0')
		return lk_fail(e, EX_NOINPUT, "no font file given for regular text");
	for (i = 0; i < 4; i++)
		if ((rc = font_check(path[i], e)) != 0)
			return rc;

	p = calloc(1, sizeof *p);
	if (p == NULL)
		lk_fatal("out of memory");
	p->bad_font = -1;
	p->doc = HPDF_New(on_error, p);
	if (p->doc == NULL) {
		free(p);
		lk_fatal("out of memory (libharu)");
	}
	HPDF_SetCompressionMode(p->doc, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(p->doc);
	HPDF_SetCurrentEncoder(p->doc, "UTF-8");
	p->enc = HPDF_GetEncoder(p->doc, "UTF-8");
	/* Every file is read now (an unreadable one is an error before any
	 * work); fonts are made of them, and embedded, only when used. */
	for (i = 0; i < 4; i++) {
		if ((p->path[i] = strdup(path[i])) == NULL)
			lk_fatal("out of memory");
		for (j = 0; j < i; j++)
			if (strcmp(path[j], path[i]) == 0)
				p->name[i] = p->name[j];
		if (p->name[i] == NULL)
			p->name[i] = HPDF_LoadTTFontFromFile(p->doc, path[i],
							     HPDF_TRUE);
		if (p->name[i] == NULL || p->err != 0) {
			rc = lk_fail(e, EX_DATAERR, "font file %s: libharu cannot "
				     "load it (error 0x%04X)", path[i],
				     (unsigned)p->err);
			pdf_free(p);
			return rc;
		}
	}
	def = HPDF_GetFontDef(p->doc, p->name[0]);
	p->ascent = def != NULL ? def->ascent / 1000.0 : 0;
	p->descent = def != NULL ? -def->descent / 1000.0 : -1;
	if (p->ascent <= 0 || p->ascent > 2)
		p->ascent = 0.9;
	if (p->descent < 0 || p->descent > 1)
		p->descent = 0.22;
	*out = p;
	return 0;
}

void
pdf_free(pdf *p)
{
	if (p == NULL)
		return;
	if (p->doc != NULL)
		HPDF_Free(p->doc);
	for (int i = 0; i < 4; i++)
		free(p->path[i]);
	free(p->buf);
	free(p);
}

/* Width in thousandths of the size of n bytes of text in f: UTF-8
 * (cut only between characters) or single bytes. */
static double
units(HPDF_Font f, const char *s, size_t n, bool utf8)
{
	double w = 0;

	while (n > 0) {
		/* 60000 bytes is far beyond any line */
		size_t k = n > 60000 ? 60000 : n;

		while (utf8 && k < n && ((unsigned char)s[k] & 0xC0) == 0x80)
			k--;
		w += HPDF_Font_TextWidth(f, (const HPDF_BYTE *)s,
					 (HPDF_UINT)k).width;
		s += k;
		n -= k;
	}
	return w;
}

double
pdf_width(void *ctx, unsigned style, double size, const char *s, size_t n)
{
	pdf *p = ctx;
	size_t len;
	bool single = to_cp1252(p, s, n, &len);
	HPDF_Font f = font_of(p, style, !single);

	if (f == NULL)
		return 0;
	return (single ? units(f, p->buf, len, false) : units(f, s, n, true)) *
	       size / 1000.0;
}

void
pdf_metrics(const pdf *p, double *ascent, double *descent)
{
	*ascent = p->ascent;
	*descent = p->descent;
}

/* ---- drawing ---- */

static void
end_text(pdf *p)
{
	if (p->in_text) {
		HPDF_Page_EndText(p->page);
		p->in_text = false;
	}
}

void
pdf_page(pdf *p, double w, double h)
{
	end_text(p);
	p->page = HPDF_AddPage(p->doc);
	if (p->page == NULL)
		return;
	HPDF_Page_SetWidth(p->page, (HPDF_REAL)w);
	HPDF_Page_SetHeight(p->page, (HPDF_REAL)h);
	p->cur_font = NULL;
	p->cur_size = 0;
	p->word_space = 0;
	p->fill = 0;
	p->stroke = 0;
	p->line_width = 1;
	p->dashed = 0;
}

void *
pdf_page_get(const pdf *p)
{
	return p->page;
}

void
pdf_page_select(pdf *p, void *page)
{
	end_text(p);
	p->page = page;
	/* what the page's content last set is not known here */
	p->cur_font = NULL;
	p->cur_size = 0;
	p->word_space = NAN;
	p->fill = p->stroke = p->line_width = -1;
	p->dashed = -1;
}

static void
set_fill(pdf *p, double g)
{
	if (p->fill != g) {
		HPDF_Page_SetGrayFill(p->page, (HPDF_REAL)g);
		p->fill = g;
	}
}

/* Shows p->buf in f at (x, y) with word spacing ws. */
static void
show(pdf *p, HPDF_Font f, double size, double ws, double x, double y)
{
	if (!p->in_text) {
		set_fill(p, 0);
		HPDF_Page_BeginText(p->page);
		p->in_text = true;
	}
	if (p->cur_font != f || p->cur_size != size) {
		HPDF_Page_SetFontAndSize(p->page, f, (HPDF_REAL)size);
		p->cur_font = f;
		p->cur_size = size;
	}
	if (!(p->word_space == ws)) {           /* NAN: not known */
		HPDF_Page_SetWordSpace(p->page, (HPDF_REAL)ws);
		p->word_space = ws;
	}
	HPDF_Page_TextOut(p->page, (HPDF_REAL)x, (HPDF_REAL)y, p->buf);
}

void
pdf_text_spaced(pdf *p, unsigned style, double size, double x, double y,
		const char *s, size_t n, double ws)
{
	size_t len, i, j, nsp;
	HPDF_Font f;

	if (p->page == NULL || n == 0)
		return;
	/* text that CP1252 can say goes out in the single-byte font: a
	 * third of the bytes of the CID font's hex, cheap to measure, and
	 * word spacing applies to it */
	if (to_cp1252(p, s, n, &len)) {
		if ((f = font_of(p, style, false)) != NULL)
			show(p, f, size, ws, x, y);
		return;
	}
	if (ws == 0) {
		if ((f = font_of(p, style, true)) != NULL) {
			memcpy(p->buf, s, n);
			p->buf[n] = '\0';
			show(p, f, size, 0, x, y);
		}
		return;
	}
	/* the CID font has no word spacing: word by word */
	for (i = nsp = 0; i < n; i = j + 1, nsp++) {
		for (j = i; j < n && s[j] != ' '; j++)
			;
		if (j > i)
			pdf_text_spaced(p, style, size, x + pdf_width(p, style,
					size, s, i) + (double)nsp * ws, y, s + i,
					j - i, 0);
	}
}

void
pdf_text(pdf *p, unsigned style, double size, double x, double y,
	 const char *s, size_t n)
{
	pdf_text_spaced(p, style, size, x, y, s, n, 0);
}

static void
set_stroke(pdf *p, double width, double gray, bool dashed)
{
	static const HPDF_UINT16 dash[] = { 3, 2 };

	if (p->line_width != width) {
		HPDF_Page_SetLineWidth(p->page, (HPDF_REAL)width);
		p->line_width = width;
	}
	if (p->stroke != gray) {
		HPDF_Page_SetGrayStroke(p->page, (HPDF_REAL)gray);
		p->stroke = gray;
	}
	if (p->dashed != (int)dashed) {
		HPDF_Page_SetDash(p->page, dashed ? dash : NULL, dashed ? 2 : 0, 0);
		p->dashed = dashed;
	}
}

void
pdf_line(pdf *p, double x0, double y0, double x1, double y1, double width,
	 double gray, bool dashed)
{
	if (p->page == NULL)
		return;
	end_text(p);
	set_stroke(p, width, gray, dashed);
	HPDF_Page_MoveTo(p->page, (HPDF_REAL)x0, (HPDF_REAL)y0);
	HPDF_Page_LineTo(p->page, (HPDF_REAL)x1, (HPDF_REAL)y1);
	HPDF_Page_Stroke(p->page);
}

void
pdf_rect(pdf *p, double x, double y, double w, double h, double fill,
	 double line)
{
	if (p->page == NULL || (fill < 0 && line <= 0))
		return;
	end_text(p);
	if (line > 0)
		set_stroke(p, line, 0, false);
	if (fill >= 0)
		set_fill(p, fill);
	HPDF_Page_Rectangle(p->page, (HPDF_REAL)x, (HPDF_REAL)y, (HPDF_REAL)w,
			    (HPDF_REAL)h);
	if (fill >= 0 && line > 0)
		HPDF_Page_FillStroke(p->page);
	else if (fill >= 0)
		HPDF_Page_Fill(p->page);
	else
		HPDF_Page_Stroke(p->page);
}

/* ---- PNG ---- */

static uint32_t
crc32_png(const unsigned char *s, size_t n)
{
	static uint32_t table[256];
	static bool ready;
	uint32_t c = 0xFFFFFFFFu;
	size_t i;

	if (!ready) {
		for (uint32_t k = 0; k < 256; k++) {
			uint32_t v = k;

			for (int b = 0; b < 8; b++)
				v = v & 1 ? 0xEDB88320u ^ (v >> 1) : v >> 1;
			table[k] = v;
		}
		ready = true;
	}
	for (i = 0; i < n; i++)
		c = table[(c ^ s[i]) & 0xFF] ^ (c >> 8);
	return c ^ 0xFFFFFFFFu;
}

static uint32_t
be32(const unsigned char *s)
{
	return (uint32_t)s[0] << 24 | (uint32_t)s[1] << 16 |
	       (uint32_t)s[2] << 8 | s[3];
}

/* Chunk structure, CRCs, IHDR, IDAT, IEND. */
static int
png_structure(const char *path, const unsigned char *b, size_t n, lk_err *e)
{
	static const unsigned char sig[8] = { 0x89, 'P', 'N', 'G', '\r', '\n',
					      0x1A, '\n' };
	size_t off = 8;
	bool ihdr = false, idat = false;

	if (n < 8 || memcmp(b, sig, 8) != 0)
		return lk_fail(e, EX_DATAERR, "image %s: not a PNG file", path);
	for (;;) {
		uint32_t len;
		const unsigned char *type;

		if (n - off < 12)
			return lk_fail(e, EX_DATAERR, "image %s: PNG file is "
				       "truncated", path);
		len = be32(b + off);
		type = b + off + 4;
		if (len > n - off - 12)
			return lk_fail(e, EX_DATAERR, "image %s: PNG file is "
				       "truncated (in chunk %.4s)", path, type);
		if (crc32_png(type, (size_t)len + 4) != be32(type + 4 + len))
			return lk_fail(e, EX_DATAERR, "image %s: PNG file is "
				       "damaged (CRC error in chunk %.4s)", path,
				       type);
		if (!ihdr) {
			const unsigned char *h = type + 4;

			if (memcmp(type, "IHDR", 4) != 0 || len != 13 ||
			    be32(h) == 0 || be32(h + 4) == 0 ||
			    be32(h) > 100000 || be32(h + 4) > 100000)
				return lk_fail(e, EX_DATAERR, "image %s: PNG "
					       "file has a bad header", path);
			ihdr = true;
		} else if (memcmp(type, "IDAT", 4) == 0)
			idat = true;
		else if (memcmp(type, "IEND", 4) == 0)
			break;
		off += 12 + (size_t)len;
	}
	if (!idat)
		return lk_fail(e, EX_DATAERR, "image %s: PNG file has no image "
			       "data", path);
	return 0;
}

/* libharu (through libpng) aborts the process on damaged compressed
 * data, so a trial load runs in a child process first. */
static int
png_trial_load(const char *path, lk_err *e)
{
	pid_t pid;
	int st;

	fflush(NULL);
	pid = fork();
	if (pid < 0)
		return 0;           /* cannot check: trust the structure */
	if (pid == 0) {
		int fd = open("/dev/null", O_WRONLY);
		HPDF_Doc d;
		HPDF_Image img;

		if (fd >= 0)
			dup2(fd, 2);
		d = HPDF_New(NULL, NULL);
		img = d ? HPDF_LoadPngImageFromFile(d, path) : NULL;
		_exit(img != NULL ? 0 : 1);
	}
	while (waitpid(pid, &st, 0) < 0)
		if (errno != EINTR)
			return 0;
	if (WIFEXITED(st) && WEXITSTATUS(st) == 0)
		return 0;
	if (WIFEXITED(st))
		return lk_fail(e, EX_DATAERR, "image %s: PNG format not "
			       "supported by the PDF library", path);
	return lk_fail(e, EX_DATAERR, "image %s: PNG image data is damaged",
		       path);
}

int
pdf_png_check(const char *path, lk_err *e)
{
	struct stat st;
	unsigned char *b;
	size_t got = 0;
	ssize_t r;
	int fd, rc;

	if (path == NULL || *path == '\0')
		return lk_fail(e, EX_NOINPUT, "image: no file name given");
	fd = open(path, O_RDONLY);
	if (fd < 0)
		return lk_fail(e, EX_NOINPUT, "image %s: %s", path, strerror(errno));
	if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
		close(fd);
		return lk_fail(e, EX_NOINPUT, "image %s: not a regular file", path);
	}
	if (st.st_size > PNG_MAX_BYTES) {
		close(fd);
		return lk_fail(e, EX_DATAERR, "image %s: larger than %ld MB", path,
			       PNG_MAX_BYTES / (1024 * 1024));
	}
	b = malloc((size_t)st.st_size + 1);
	if (b == NULL)
		lk_fatal("out of memory");
	while (got < (size_t)st.st_size &&
	       (r = read(fd, b + got, (size_t)st.st_size - got)) != 0) {
		if (r < 0) {
			if (errno == EINTR)
				continue;
			rc = lk_fail(e, EX_IOERR, "image %s: %s", path,
				     strerror(errno));
			free(b);
			close(fd);
			return rc;
		}
		got += (size_t)r;
	}
	close(fd);
	rc = png_structure(path, b, got, e);
	free(b);
	if (rc == 0)
		rc = png_trial_load(path, e);
	return rc;
}

int
pdf_image_load(pdf *p, const char *path, pdf_image **img, lk_err *e)
{
	HPDF_Image h = HPDF_LoadPngImageFromFile(p->doc, path);

	*img = NULL;
	if (h == NULL || p->err != 0)
		return lk_fail(e, EX_DATAERR, "image %s: libharu cannot load it "
			       "(error 0x%04X)", path, (unsigned)p->err);
	*img = (pdf_image *)(void *)h;
	return 0;
}

void
pdf_image_size(const pdf_image *img, double *w, double *h)
{
	HPDF_Image i = IMG((pdf_image *)img);

	*w = HPDF_Image_GetWidth(i);
	*h = HPDF_Image_GetHeight(i);
}

void
pdf_image_draw(pdf *p, pdf_image *img, double x, double y, double w, double h)
{
	if (p->page == NULL)
		return;
	end_text(p);
	HPDF_Page_DrawImage(p->page, IMG(img), (HPDF_REAL)x, (HPDF_REAL)y,
			    (HPDF_REAL)w, (HPDF_REAL)h);
}

/* ---- outline, info, saving ---- */

void *
pdf_outline(pdf *p, void *parent, const char *title, double y)
{
	HPDF_Outline o;
	HPDF_Destination d;
	HPDF_Page target;

	if (p->page == NULL || p->err != 0)
		return NULL;
	o = HPDF_CreateOutline(p->doc, parent, title, p->enc);
	d = HPDF_Page_CreateDestination(p->page);
	if (o == NULL || d == NULL)
		return NULL;
	/* [page /XYZ null top null]: keep the reader's zoom and column.
	 * HPDF_Destination_SetXYZ insists on a zoom, so the array is
	 * written the way libharu itself writes it, with nulls. */
	target = HPDF_Array_GetItem(d, 0, HPDF_OCLASS_DICT);
	if (target != NULL) {
		HPDF_Array_Clear(d);
		HPDF_Array_Add(d, target);
		HPDF_Array_AddName(d, "XYZ");
		HPDF_Array_Add(d, HPDF_Null_New(d->mmgr));
		HPDF_Array_AddReal(d, (HPDF_REAL)y);
		HPDF_Array_Add(d, HPDF_Null_New(d->mmgr));
	} else
		HPDF_Destination_SetFitH(d, (HPDF_REAL)y);
	HPDF_Outline_SetDestination(o, d);
	HPDF_Outline_SetOpened(o, HPDF_TRUE);
	return o;
}

void
pdf_show_outline(pdf *p)
{
	HPDF_SetPageMode(p->doc, HPDF_PAGE_MODE_USE_OUTLINE);
}

static void
set_attr(pdf *p, HPDF_InfoType t, const char *v)
{
	if (v != NULL && *v != '\0')
		HPDF_SetInfoAttr(p->doc, t, v);
}

void
pdf_info(pdf *p, const doc_info *info, long long created)
{
	HPDF_Date d;
	struct tm tm;
	time_t t = (time_t)created;

	set_attr(p, HPDF_INFO_TITLE, info->title);
	set_attr(p, HPDF_INFO_AUTHOR, info->author);
	set_attr(p, HPDF_INFO_SUBJECT, info->subject);
	set_attr(p, HPDF_INFO_KEYWORDS, info->keywords);
	set_attr(p, HPDF_INFO_CREATOR, info->creator);
	if (gmtime_r(&t, &tm) == NULL || tm.tm_year + 1900 < 1 ||
	    tm.tm_year + 1900 > 9999)
		return;
	memset(&d, 0, sizeof d);
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	d.hour = tm.tm_hour;
	d.minutes = tm.tm_min;
	d.seconds = tm.tm_sec > 59 ? 59 : tm.tm_sec;
	d.ind = 'Z';
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(p->doc, HPDF_INFO_MOD_DATE, d);
}

int
pdf_status(const pdf *p, lk_err *e)
{
	if (p->err == 0)
		return 0;
	if (p->bad_font >= 0)
		return lk_fail(e, EX_DATAERR, "font file %s: libharu cannot make "
			       "a font of it (error 0x%04X)",
			       p->path[p->bad_font], (unsigned)p->err);
	return lk_fail(e, EX_SOFTWARE, "PDF library (libharu) error 0x%04X "
		       "(detail %u)", (unsigned)p->err, (unsigned)p->detail);
}

int
pdf_save(pdf *p, const char *path, lk_err *e)
{
	int rc;

	end_text(p);
	if ((rc = pdf_status(p, e)) != 0)
		return rc;
	if (HPDF_SaveToFile(p->doc, path) != HPDF_OK || p->err != 0) {
		if ((p->err == HPDF_FILE_IO_ERROR ||
		     p->err == HPDF_FILE_OPEN_ERROR) && p->detail != 0)
			return lk_fail(e, EX_IOERR, "cannot write %s: %s", path,
				       strerror((int)p->detail));
		return lk_fail(e, EX_IOERR, "cannot write %s (libharu error "
			       "0x%04X)", path, (unsigned)p->err);
	}
	return 0;
}
