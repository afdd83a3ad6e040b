/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* html.c - the document model as one self-contained HTML page. */
#include "config.h"
#include "report/html.h"

#include <errno.h>
#include <inttypes.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include <qrencode.h>

#include "core/dec.h"
#include "core/i18n.h"
#include "report/pdf.h"

typedef struct html {
	FILE *f;
	const doc *d;
	unsigned n_heading;       /* anchors h1, h2, ... in document order */
} html;

/* Text with the five characters HTML gives a meaning escaped; a hard
 * break ("\n") becomes <br>. */
static void
put_esc(FILE *f, const char *s)
{
	for (; s != NULL && *s != '\0'; s++)
		switch (*s) {
		case '&': fputs("&amp;", f); break;
		case '<': fputs("&lt;", f); break;
		case '>': fputs("&gt;", f); break;
		case '"': fputs("&quot;", f); break;
		case '\'': fputs("&#39;", f); break;
		case '\n': fputs("<br>", f); break;
		default: putc(*s, f);
		}
}

/* One style bit's tags, outermost first. */
static const struct {
	unsigned bit;
	const char *open, *close;
} style_tag[] = {
	{ DOC_BOLD, "<b>", "</b>" },
	{ DOC_ITALIC, "<i>", "</i>" },
	{ DOC_UNDERLINE, "<u>", "</u>" },
};
#define N_STYLE_TAG (sizeof style_tag / sizeof style_tag[0])

static void
put_text(FILE *f, const doc_text *t)
{
	for (size_t i = 0; i < t->n_run; i++) {
		unsigned st = t->run[i].style;
		size_t k;

		for (k = 0; k < N_STYLE_TAG; k++)
			if (st & style_tag[k].bit)
				fputs(style_tag[k].open, f);
		put_esc(f, t->run[i].text);
		for (k = N_STYLE_TAG; k-- > 0;)
			if (st & style_tag[k].bit)
				fputs(style_tag[k].close, f);
	}
}

static const char *const align_name[] = {
	[DOC_JUSTIFY] = "justify", [DOC_LEFT] = "left",
	[DOC_CENTER] = "center", [DOC_RIGHT] = "right",
};

/* The font family CSS names from the regular font's file name:
 * "LiberationSerif-Regular.ttf" is "Liberation Serif", then the generic
 * family. */
static void
put_font_family(FILE *f, const char *path)
{
	const char *b = path != NULL ? strrchr(path, '/') : NULL;
	bool sans;

	b = b != NULL ? b + 1 : path;
	if (b == NULL || *b == '\0') {
		fputs("serif", f);
		return;
	}
	sans = strstr(b, "Sans") != NULL;
	putc('"', f);
	for (const char *s = b; *s != '\0' && *s != '-' && *s != '.'; s++) {
		if (s > b && *s >= 'A' && *s <= 'Z' && s[-1] >= 'a' && s[-1] <= 'z')
			putc(' ', f);
		if (*s != '"' && *s != '\\' && *s != '<' && *s != '>')
			putc(*s, f);
	}
	fprintf(f, "\", %s", sans ? "sans-serif" : "serif");
}

static void
put_style(html *h)
{
	const doc_page *pg = &h->d->page;
	double fs = pg->font_size > 0 ? pg->font_size : 12;
	double ls = pg->line_spacing > 0 ? pg->line_spacing : 1.5;
	double hs = pg->heading_size > 0 ? pg->heading_size : fs + 2;

	fputs("<style>\n", h->f);
	fputs("body{margin:0;background:#eee;color:#000;font-family:", h->f);
	put_font_family(h->f, pg->font.regular);
	fprintf(h->f, ";font-size:%.1fpt;line-height:%.2f}\n", fs, ls);
	fprintf(h->f, "section{background:#fff;max-width:%.0fpt;margin:1em auto;"
		"padding:%.0fpt %.0fpt %.0fpt %.0fpt;box-sizing:border-box}\n",
		pg->width > 0 ? pg->width : 595, pg->margin_top, pg->margin_right,
		pg->margin_bottom, pg->margin_left);
	fprintf(h->f, "section.landscape{max-width:%.0fpt}\n",
		pg->height > 0 ? pg->height : 842);
	fputs("section.cover{text-align:center;display:flex;flex-direction:column;"
	      "justify-content:center;min-height:60vh}\n", h->f);
	fprintf(h->f, "h1{font-size:%.1fpt;text-align:center}"
		"h2{font-size:%.1fpt}h3{font-size:%.1fpt}"
		"h1,h2,h3{line-height:1.3;margin:1em 0 .5em}\n", hs, fs + 1, fs);
	fputs("p{margin:0 0 .5em}\n"
	      ".item{display:flex;margin:0 0 .3em}.item>.label{flex:0 0 2em}\n"
	      "table{border-collapse:collapse;width:100%;margin:.5em 0 1em;"
	      "line-height:1.25;font-size:.92em}\n"
	      "caption{font-weight:bold;margin-bottom:.3em}\n"
	      "th,td{border:1px solid #000;padding:2pt 4pt;vertical-align:top}\n"
	      "th{font-weight:bold}.shade{background:#d9d9d9}tr.bold td{font-weight:bold}\n"
	      ".note{font-size:.9em;margin:-.5em 0 1em}\n"
	      ".formula{display:flex;align-items:center;gap:.6em;margin:.5em 0 1em 2em}\n"
	      ".frac{display:inline-flex;flex-direction:column;text-align:center}\n"
	      ".frac>span:first-child{border-bottom:1px solid #000}\n"
	      ".sig{display:flex;justify-content:flex-end;gap:1em;margin:2em 0}\n"
	      ".sig>div{text-align:center;min-width:45%}.sig .gap{height:4em}\n"
	      ".sig .nama{font-weight:bold;text-decoration:underline}\n"
	      ".toc a{color:inherit;text-decoration:none}.toc li{list-style:none}\n"
	      ".toc .l2{margin-left:1.5em}.toc .l3{margin-left:3em}\n"
	      "figure{margin:.5em 0 1em}figcaption{font-weight:bold;margin-bottom:.3em}\n"
	      "img.logo{display:block;margin:0 auto}\n"
	      "@media print{body{background:none}section{margin:0;max-width:none;"
	      "padding:0;break-after:page}}\n"
	      "</style>\n", h->f);
}

static void
put_para(html *h, const doc_block *b, const char *cls)
{
	fputs("<p", h->f);
	if (cls != NULL)
		fprintf(h->f, " class=\"%s\"", cls);
	fprintf(h->f, " style=\"text-align:%s", align_name[b->align]);
	if (b->indent > 0)
		fprintf(h->f, ";margin-left:%.0fpt", b->indent);
	if (b->size > 0)
		fprintf(h->f, ";font-size:%.1fpt", b->size);
	fputs("\">", h->f);
	put_text(h->f, &b->text);
	fputs("</p>\n", h->f);
}

static void
put_row(FILE *f, const doc_row *r, bool head)
{
	fputs(r->bold ? "<tr class=\"bold\">" : "<tr>", f);
	for (size_t i = 0; i < r->n_cell; i++) {
		const doc_cell *c = &r->cell[i];
		const char *tag = head ? "th" : "td";

		fprintf(f, "<%s", tag);
		if (c->colspan > 1)
			fprintf(f, " colspan=\"%u\"", c->colspan);
		if (c->rowspan > 1)
			fprintf(f, " rowspan=\"%u\"", c->rowspan);
		if (c->shade)
			fputs(" class=\"shade\"", f);
		fprintf(f, " style=\"text-align:%s\">", align_name[c->align]);
		put_text(f, &c->text);
		fprintf(f, "</%s>", tag);
	}
	fputs("</tr>\n", f);
}

static void
put_table(html *h, const doc_table *t)
{
	double sum = 0;
	size_t i;

	fputs("<table", h->f);
	if (t->font_size > 0)
		fprintf(h->f, " style=\"font-size:%.1fpt\"", t->font_size);
	fputs(">\n", h->f);
	if (t->title.n_run > 0) {
		fputs("<caption>", h->f);
		put_text(h->f, &t->title);
		fputs("</caption>\n", h->f);
	}
	for (i = 0; i < t->n_col; i++)
		sum += t->width != NULL ? t->width[i] : 1;
	fputs("<colgroup>", h->f);
	for (i = 0; i < t->n_col && sum > 0; i++)
		fprintf(h->f, "<col style=\"width:%.1f%%\">",
			100 * (t->width != NULL ? t->width[i] : 1) / sum);
	fputs("</colgroup>\n", h->f);
	if (t->n_head > 0) {
		fputs("<thead>\n", h->f);
		for (i = 0; i < t->n_head; i++)
			put_row(h->f, &t->head[i], true);
		fputs("</thead>\n", h->f);
	}
	fputs("<tbody>\n", h->f);
	for (i = 0; i < t->n_body; i++)
		put_row(h->f, &t->body[i], false);
	fputs("</tbody>\n</table>\n", h->f);
	if (t->note.n_run > 0) {
		fputs("<p class=\"note\">", h->f);
		put_text(h->f, &t->note);
		fputs("</p>\n", h->f);
	}
}

static void
put_formula(html *h, const doc_formula *fm)
{
	fputs("<div class=\"formula\"><span>", h->f);
	put_text(h->f, &fm->lhs);
	fputs("</span><span>=</span><span class=\"frac\"><span>", h->f);
	put_text(h->f, &fm->numerator);
	fputs("</span><span>", h->f);
	put_text(h->f, &fm->denominator);
	fputs("</span></span><span>", h->f);
	put_text(h->f, &fm->factor);
	fputs("</span></div>\n", h->f);
}

#define QR_QUIET 4

/* A QR code as an inline SVG: one path of the dark modules. */
static int
put_qr(html *h, const char *text, lk_err *e)
{
	QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	int w;

	if (qr == NULL)
		return lk_fail(e, EX_DATAERR, _("the verification text is too long for a QR code"));
	w = qr->width + 2 * QR_QUIET;
	fprintf(h->f, "<svg role=\"img\" aria-label=\"QR\" width=\"96\" height=\"96\" "
		"viewBox=\"0 0 %d %d\" shape-rendering=\"crispEdges\">"
		"<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/><path d=\"", w, w, w, w);
	for (int r = 0; r < qr->width; r++)
		for (int c = 0; c < qr->width; c++) {
			int run = 0;

			while (c + run < qr->width && (qr->data[r * qr->width + c + run] & 1))
				run++;
			if (run == 0)
				continue;
			fprintf(h->f, "M%d %dh%dv1h-%dz", QR_QUIET + c, QR_QUIET + r, run, run);
			c += run;
		}
	fputs("\"/></svg>", h->f);
	QRcode_free(qr);
	return 0;
}

static const char b64[] =
	"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

/* A checked PNG as a data: URI image. */
static int
put_image(html *h, const char *path, double width, const char *cls, lk_err *e)
{
	unsigned char in[3 * 1024];
	FILE *img;
	size_t n;
	int rc;

	if ((rc = pdf_png_check(path, e)) != 0)
		return rc;
	if ((img = fopen(path, "rb")) == NULL)
		return lk_fail(e, EX_NOINPUT, _("cannot read %s: %s"), path, strerror(errno));
	fprintf(h->f, "<img class=\"%s\" alt=\"\"", cls);
	if (width > 0)
		fprintf(h->f, " style=\"width:%.0fpt\"", width);
	fputs(" src=\"data:image/png;base64,", h->f);
	while ((n = fread(in, 1, sizeof in, img)) > 0)
		for (size_t i = 0; i < n; i += 3) {
			unsigned long v = (unsigned long)in[i] << 16;
			size_t k = n - i;

			if (k > 1)
				v |= (unsigned long)in[i + 1] << 8;
			if (k > 2)
				v |= in[i + 2];
			putc(b64[v >> 18 & 63], h->f);
			putc(b64[v >> 12 & 63], h->f);
			putc(k > 1 ? b64[v >> 6 & 63] : '=', h->f);
			putc(k > 2 ? b64[v & 63] : '=', h->f);
		}
	rc = ferror(img);
	fclose(img);
	fputs("\">\n", h->f);
	if (rc)
		return lk_fail(e, EX_IOERR, _("cannot read %s"), path);
	return 0;
}

/* One signer: place and date, jabatan, the space (or the scanned
 * signature), the name, pangkat and NIP. */
static int
put_signer(html *h, const doc_signature *s, lk_err *e)
{
	int rc = 0;

	fputs("<div>", h->f);
	put_esc(h->f, s->place_date);
	fputs("<br>", h->f);
	put_esc(h->f, s->jabatan);
	fputs("<br>", h->f);
	if (s->image != NULL)
		rc = put_image(h, s->image, 90, "ttd", e);
	else
		fputs("<div class=\"gap\"></div>", h->f);
	fputs("<span class=\"nama\">", h->f);
	put_esc(h->f, s->nama);
	fputs("</span>", h->f);
	if (s->pangkat != NULL) {
		fputs("<br>", h->f);
		put_esc(h->f, s->pangkat);
	}
	if (s->nip != NULL) {
		fputs("<br>", h->f);
		put_esc(h->f, s->nip);
	}
	fputs("</div>", h->f);
	return rc;
}

/* The block: a second signer (kiri) on the left, the QR code, the
 * signer on the right. */
static int
put_signature(html *h, const doc_signature *s, lk_err *e)
{
	int rc = 0;

	fputs(s->kiri != NULL ? "<div class=\"sig\" style=\"justify-content:space-between\">"
	      : "<div class=\"sig\">", h->f);
	if (s->kiri != NULL)
		rc = put_signer(h, s->kiri, e);
	if (rc == 0 && s->qr_text != NULL) {
		fputs("<div style=\"min-width:0\">", h->f);
		rc = put_qr(h, s->qr_text, e);
		fputs("</div>", h->f);
	}
	if (rc == 0)
		rc = put_signer(h, s, e);
	fputs("</div>\n", h->f);
	return rc;
}

/* A trend chart's geometry in the SVG: the plot's box, one column a
 * point. */
enum { TR_W = 420, TR_X0 = 56, TR_X1 = 412, TR_TOP = 10, TR_BOTTOM = 150 };

static double
tr_x(const doc_trend *t, size_t i)
{
	return TR_X0 + ((double)i + 0.5) * (TR_X1 - TR_X0) /
	    (double)(t->n_point > 0 ? t->n_point : 1);
}

static double
tr_y(const doc_trend_axis *a, int64_t v)
{
	return TR_BOTTOM - (double)(v - a->lo) * (TR_BOTTOM - TR_TOP) /
	    (double)(a->hi > a->lo ? a->hi - a->lo : 1);
}

/* One series: its line (broken where a point has no value), then its
 * square markers, filled for the realisation, open for the target. */
static void
tr_series(html *h, const doc_trend *t, const doc_trend_axis *a, bool target)
{
	const char *dash = target ? " stroke-dasharray=\"5 3\"" : "";

	for (size_t i = 0; i + 1 < t->n_point; i++) {
		const doc_trend_point *p = &t->point[i], *q = &t->point[i + 1];
		bool ada = target ? p->ada_target && q->ada_target :
		    p->ada_realisasi && q->ada_realisasi;

		if (ada)
			fprintf(h->f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" "
				"y2=\"%.1f\" stroke=\"#000\"%s/>", tr_x(t, i),
				tr_y(a, target ? p->target : p->realisasi),
				tr_x(t, i + 1),
				tr_y(a, target ? q->target : q->realisasi), dash);
	}
	for (size_t i = 0; i < t->n_point; i++) {
		const doc_trend_point *p = &t->point[i];

		if (target ? p->ada_target : p->ada_realisasi)
			fprintf(h->f, "<rect x=\"%.1f\" y=\"%.1f\" width=\"6\" "
				"height=\"6\" fill=\"%s\" stroke=\"#000\"/>",
				tr_x(t, i) - 3, tr_y(a, target ? p->target :
				p->realisasi) - 3, target ? "#fff" : "#000");
	}
	fputs("\n", h->f);
}

/* An indicator's years or quarters (doc_trend) as the PDF draws them:
 * an inline SVG line chart on the same axis (chart_trend.c's ticks,
 * printed in Indonesian format), the realisation solid with filled
 * markers, the target dashed with open ones, a legend; then the values
 * as a table, the points across. */
static void
put_trend(html *h, const doc_trend *t)
{
	doc_trend_axis a;

	doc_trend_axis_of(t, &a);
	fputs("<figure>", h->f);
	if (t->title.n_run > 0) {
		fputs("<figcaption>", h->f);
		put_text(h->f, &t->title);
		fputs("</figcaption>", h->f);
	}
	fprintf(h->f, "<svg role=\"img\" width=\"100%%\" style=\"max-width:%dpx\" "
		"viewBox=\"0 0 %d %d\" font-size=\"11\">\n", 2 * TR_W, TR_W,
		TR_BOTTOM + 58);
	for (size_t i = 0; i < a.n_tick; i++) {
		int64_t v = a.lo + (int64_t)i * a.step;
		char buf[DEC_BUFSZ];
		double y = tr_y(&a, v);

		fprintf(h->f, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" "
			"stroke=\"#ccc\"/><text x=\"%d\" y=\"%.1f\" "
			"text-anchor=\"end\">%s</text>\n", TR_X0, y, TR_X1, y,
			TR_X0 - 6, y + 4, dec_format_nilai(v, buf));
	}
	fprintf(h->f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
		"stroke=\"#000\"/>", TR_X0, TR_BOTTOM, TR_X1, TR_BOTTOM);
	for (size_t i = 0; i < t->n_point; i++) {
		fprintf(h->f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" "
			"font-weight=\"bold\">", tr_x(t, i), TR_BOTTOM + 14);
		put_esc(h->f, t->point[i].label);
		fputs("</text>", h->f);
	}
	fputs("\n", h->f);
	tr_series(h, t, &a, true);
	tr_series(h, t, &a, false);
	/* the legend, one series a line (a long name never runs off) */
	for (int k = 0; k < 2; k++) {
		int x = TR_X0, y = TR_BOTTOM + 32 + 16 * k;

		fprintf(h->f, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" "
			"stroke=\"#000\"%s/><rect x=\"%d\" y=\"%d\" width=\"6\" "
			"height=\"6\" fill=\"%s\" stroke=\"#000\"/>"
			"<text x=\"%d\" y=\"%d\">", x, y, x + 20, y,
			k == 1 ? " stroke-dasharray=\"5 3\"" : "", x + 7, y - 3,
			k == 1 ? "#fff" : "#000", x + 26, y + 4);
		put_esc(h->f, k == 0 ? t->realisasi_label : t->target_label);
		fputs("</text>", h->f);
	}
	fputs("</svg>\n<table><thead><tr><th></th>", h->f);
	for (size_t i = 0; i < t->n_point; i++) {
		fputs("<th>", h->f);
		put_esc(h->f, t->point[i].label);
		fputs("</th>", h->f);
	}
	fputs("</tr></thead><tbody>", h->f);
	for (int k = 0; k < 2; k++) {
		fputs("<tr><td>", h->f);
		put_esc(h->f, k == 0 ? t->realisasi_label : t->target_label);
		fputs("</td>", h->f);
		for (size_t i = 0; i < t->n_point; i++) {
			const doc_trend_point *p = &t->point[i];
			bool ada = k == 0 ? p->ada_realisasi : p->ada_target;

			fputs("<td style=\"text-align:center\">", h->f);
			put_esc(h->f, !ada ? "-" : k == 0 ? p->realisasi_text :
			    p->target_text);
			fputs("</td>", h->f);
		}
		fputs("</tr>", h->f);
	}
	fputs("</tbody></table></figure>\n", h->f);
}

/* A horizontal bar chart as inline SVG, scaled as chart.c scales it:
 * from 0 to the largest of the values and the reference line. */
static void
put_chart(html *h, const doc_chart *c)
{
	const int bar_w = 300, row_h = 18, value_w = 90;
	int64_t max = c->reference > 0 ? c->reference : 1;
	int height = (int)c->n_bar * row_h + 8, label_w = 40, width;
	size_t i;

	for (i = 0; i < c->n_bar; i++) {
		/* Room for the longest label: 6 units a character at font size
		 * 11, counted in UTF-8 characters. */
		int n = 0;

		for (const char *s = c->bar[i].label; s != NULL && *s != '\0'; s++)
			n += ((unsigned char)*s & 0xC0) != 0x80;
		if (6 * n + 10 > label_w)
			label_w = 6 * n + 10;
		if (c->bar[i].ada && c->bar[i].value > max)
			max = c->bar[i].value;
	}
	width = label_w + bar_w + value_w;
	fputs("<figure>", h->f);
	if (c->title.n_run > 0) {
		fputs("<figcaption>", h->f);
		put_text(h->f, &c->title);
		fputs("</figcaption>", h->f);
	}
	fprintf(h->f, "<svg role=\"img\" width=\"100%%\" viewBox=\"0 0 %d %d\" "
		"font-size=\"11\">\n", width, height + 14);
	for (i = 0; i < c->n_bar; i++) {
		const doc_bar *b = &c->bar[i];
		int y = 4 + (int)i * row_h;
		double len = b->ada && b->value > 0 ?
		    (double)b->value * bar_w / (double)max : 0;

		fprintf(h->f, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", label_w - 6,
			y + 12);
		put_esc(h->f, b->label);
		fputs("</text>", h->f);
		if (b->ada)
			fprintf(h->f, "<rect x=\"%d\" y=\"%d\" width=\"%.1f\" height=\"%d\" "
				"fill=\"#7f7f7f\"/>", label_w, y + 2, len, row_h - 5);
		fprintf(h->f, "<text x=\"%.1f\" y=\"%d\">", label_w + len + 4, y + 12);
		if (b->ada)
			put_esc(h->f, b->value_text);
		else
			fputs("belum ada data", h->f);
		fputs("</text>\n", h->f);
	}
	if (c->reference > 0) {
		double x = label_w + (double)c->reference * bar_w / (double)max;

		fprintf(h->f, "<line x1=\"%.1f\" y1=\"2\" x2=\"%.1f\" y2=\"%d\" "
			"stroke=\"#000\" stroke-dasharray=\"3 2\"/>", x, x, height);
		if (c->reference_label != NULL) {
			fprintf(h->f, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">",
				x, height + 12);
			put_esc(h->f, c->reference_label);
			fputs("</text>", h->f);
		}
	}
	fputs("</svg></figure>\n", h->f);
}

/* The table of contents: every heading marked for it, linked. */
static void
put_toc(html *h)
{
	unsigned n = 0;

	fputs("<ul class=\"toc\">\n", h->f);
	for (size_t i = 0; i < h->d->n_section; i++)
		for (size_t j = 0; j < h->d->section[i].n_block; j++) {
			const doc_block *b = &h->d->section[i].block[j];

			if (b->type != DOC_HEADING)
				continue;
			n++;
			if (!b->toc)
				continue;
			fprintf(h->f, "<li class=\"l%d\"><a href=\"#h%u\">",
				b->level < 1 ? 1 : b->level > 3 ? 3 : b->level, n);
			if (b->toc_text != NULL)
				put_esc(h->f, b->toc_text);
			else
				for (size_t k = 0; k < b->text.n_run; k++)
					put_esc(h->f, b->text.run[k].text);
			fputs("</a></li>\n", h->f);
		}
	fputs("</ul>\n", h->f);
}

static int
put_block(html *h, const doc_block *b, lk_err *e)
{
	int lv;

	switch (b->type) {
	case DOC_HEADING:
		lv = b->level < 1 ? 1 : b->level > 3 ? 3 : b->level;
		fprintf(h->f, "<h%d id=\"h%u\">", lv, ++h->n_heading);
		put_text(h->f, &b->text);
		fprintf(h->f, "</h%d>\n", lv);
		return 0;
	case DOC_PARA:
		put_para(h, b, NULL);
		return 0;
	case DOC_ITEM:
		fputs("<div class=\"item\"", h->f);
		if (b->indent > 0)
			fprintf(h->f, " style=\"margin-left:%.0fpt\"", b->indent);
		fputs("><span class=\"label\"", h->f);
		if (b->hang > 0)
			fprintf(h->f, " style=\"flex-basis:%.0fpt\"", b->hang);
		fputs(">", h->f);
		put_esc(h->f, b->label);
		fprintf(h->f, "</span><span style=\"text-align:%s\">", align_name[b->align]);
		put_text(h->f, &b->text);
		fputs("</span></div>\n", h->f);
		return 0;
	case DOC_TABLE:
		put_table(h, b->table);
		return 0;
	case DOC_FORMULA:
		put_formula(h, b->formula);
		return 0;
	case DOC_SIGNATURE:
		return put_signature(h, b->signature, e);
	case DOC_CHART:
		put_chart(h, b->chart);
		return 0;
	case DOC_TREND:
		if (b->trend != NULL)
			put_trend(h, b->trend);
		if (b->trend2 != NULL)
			put_trend(h, b->trend2);
		return 0;
	case DOC_TOC:
		put_toc(h);
		return 0;
	case DOC_IMAGE:
		return put_image(h, b->image, b->image_width, "logo", e);
	case DOC_SPACE:
		fprintf(h->f, "<div style=\"height:%.0fpt\"></div>\n", b->points);
		return 0;
	case DOC_PAGEBREAK:
		fputs("<hr style=\"border:0;break-after:page\">\n", h->f);
		return 0;
	}
	return 0;
}

int
html_write(const doc *d, FILE *f, const char *name, lk_err *e)
{
	html h = { f, d, 0 };
	int rc = 0;

	errno = 0;
	fputs("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
	      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
	      "<title>", f);
	put_esc(f, d->info.title);
	fputs("</title>\n", f);
	if (d->info.author != NULL) {
		fputs("<meta name=\"author\" content=\"", f);
		put_esc(f, d->info.author);
		fputs("\">\n", f);
	}
	if (d->info.keywords != NULL) {
		fputs("<meta name=\"keywords\" content=\"", f);
		put_esc(f, d->info.keywords);
		fputs("\">\n", f);
	}
	if (d->info.creator != NULL) {
		fputs("<meta name=\"generator\" content=\"", f);
		put_esc(f, d->info.creator);
		fputs("\">\n", f);
	}
	put_style(&h);
	fputs("</head>\n<body>\n", f);
	for (size_t i = 0; i < d->n_section && rc == 0; i++) {
		const doc_section *s = &d->section[i];

		fputs("<section id=\"", f);
		put_esc(f, s->name != NULL ? s->name : "");
		putc('"', f);
		if (s->vertical_center || s->landscape)
			fprintf(f, " class=\"%s\"", s->vertical_center ? "cover" : "landscape");
		fputs(">\n", f);
		for (size_t j = 0; j < s->n_block && rc == 0; j++)
			rc = put_block(&h, &s->block[j], e);
		fputs("</section>\n", f);
	}
	if (rc != 0)
		return rc;
	fputs("</body>\n</html>\n", f);
	if (fflush(f) != 0 || ferror(f)) {
		int err = errno;

		return err == ENOSPC ? lk_fail(e, EX_IOERR, _("cannot write %s: disk full"), name)
		       : err ? lk_fail(e, EX_IOERR, _("cannot write %s: %s"), name, strerror(err))
			     : lk_fail(e, EX_IOERR, _("cannot write %s"), name);
	}
	return 0;
}
