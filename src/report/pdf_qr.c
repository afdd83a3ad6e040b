/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* pdf_qr.c - QR codes drawn as vector graphics (libqrencode). */
#include "config.h"
#include "report/pdf.h"
#include "report/pdf_int.h"

#include <qrencode.h>

#include "core/i18n.h"

#define QUIET 4   /* modules of white border the standard asks for */

int
pdf_qr(pdf *p, const char *text, double x, double y_top, double size,
       lk_err *e)
{
	QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	double m;
	int r, c;

	if (qr == NULL)
		return lk_fail(e, EX_DATAERR, _("the verification text is too long for a QR code"));
	if (p->page == NULL) {
		QRcode_free(qr);
		return 0;
	}
	m = size / (qr->width + 2 * QUIET);
	pdf_end_text(p);
	HPDF_Page_SetGrayFill(p->page, 0);
	/* One path of all dark modules, runs of a row merged. */
	for (r = 0; r < qr->width; r++) {
		for (c = 0; c < qr->width; c++) {
			int run = 0;

			while (c + run < qr->width && (qr->data[r * qr->width + c + run] & 1))
				run++;
			if (run == 0)
				continue;
			pdf_op_rect(p, (HPDF_REAL)(x + (QUIET + c) * m),
				    (HPDF_REAL)(y_top - (QUIET + r + 1) * m),
				    (HPDF_REAL)(run * m), (HPDF_REAL)m);
			c += run;
		}
	}
	HPDF_Page_Fill(p->page);
	QRcode_free(qr);
	return 0;
}
