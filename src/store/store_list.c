/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* store_list.c - the small listing queries of the store.
 *
 * Owns: the agencies and years a database holds (store_list_instansi,
 * store_list_instansi_nama, store_list_tahun), the choice of the agency
 * a command works on (store_pilih_instansi), and the names of the kinds
 * of a diff.
 */
#include "config.h"
#include "store/store_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/i18n.h"

void
store_free_strv(char **v, size_t n)
{
	size_t i;

	if (v == NULL)
		return;
	for (i = 0; i < n; i++)
		free(v[i]);
	free(v);
}

int
store_list_instansi(store *s, char ***kode, size_t *n, lk_err *e)
{
	drv_st *st = NULL;
	store_vec v;
	int rc;

	*kode = NULL;
	*n = 0;
	if ((rc = store_stmt(s, &st, "SELECT kode FROM instansi ORDER BY kode",
			     e)) != 0)
		return rc;
	store_vec_init(&v, sizeof(char *));
	while ((rc = drv_step(st)) == DRV_ROW) {
		char *k = strdup(drv_col_text(st, 0));

		if (k == NULL)
			lk_fatal("out of memory");
		*(char **)store_vec_push(&v) = k;
	}
	if (rc != DRV_DONE) {
		rc = store_fail(s, rc, e, _("cannot list agencies"));
		store_free_strv(v.p, v.n);
		drv_finalize(st);
		return rc;
	}
	drv_finalize(st);
	*kode = v.p;
	*n = v.n;
	return 0;
}

int
store_list_instansi_nama(store *s, store_instansi_ref **out, size_t *n,
			 lk_err *e)
{
	drv_st *st = NULL;
	store_vec v;
	int rc;

	*out = NULL;
	*n = 0;
	if ((rc = store_stmt(s, &st, "SELECT kode, nama FROM instansi ORDER BY kode",
			     e)) != 0)
		return rc;
	store_vec_init(&v, sizeof(store_instansi_ref));
	while ((rc = drv_step(st)) == DRV_ROW) {
		store_instansi_ref *x = store_vec_push(&v);
		const char *nama = drv_col_text(st, 1);

		x->kode = strdup(drv_col_text(st, 0));
		x->nama = strdup(nama != NULL ? nama : "");
		if (x->kode == NULL || x->nama == NULL)
			lk_fatal("out of memory");
	}
	drv_finalize(st);
	if (rc != DRV_DONE) {
		rc = store_fail(s, rc, e, _("cannot list agencies"));
		store_instansi_ref_free(v.p, v.n);
		return rc;
	}
	*out = v.p;
	*n = v.n;
	return 0;
}

void
store_instansi_ref_free(store_instansi_ref *v, size_t n)
{
	for (size_t i = 0; i < n; i++) {
		free(v[i].kode);
		free(v[i].nama);
	}
	free(v);
}

static int
no_instansi(store *s, const char *kode, lk_err *e)
{
	return lk_fail(e, EX_NOINPUT, _("%s: no agency '%s' in the database"),
		       s->path, kode);
}

int
store_list_tahun(store *s, const char *instansi, int **tahun, size_t *n,
		 lk_err *e)
{
	drv_st *st = NULL;
	store_vec v;
	bool found = false;
	int rc;

	*tahun = NULL;
	*n = 0;
	/* LEFT JOIN: one row with NULL tahun for an agency without plans. */
	if ((rc = store_stmt(s, &st,
		"SELECT r.tahun FROM instansi i LEFT JOIN rencana r "
		"ON r.instansi_id = i.id WHERE i.kode = ?1 ORDER BY r.tahun",
		e)) != 0)
		return rc;
	store_bind_text(s, st, 1, instansi);
	if ((rc = store_check_bind(s, e)) != 0) {
		drv_finalize(st);
		return rc;
	}
	store_vec_init(&v, sizeof(int));
	while ((rc = drv_step(st)) == DRV_ROW) {
		found = true;
		if (drv_col_type(st, 0) != DRV_NULL)
			*(int *)store_vec_push(&v) = (int)drv_col_int(st, 0);
	}
	if (rc != DRV_DONE)
		rc = store_fail(s, rc, e, _("cannot list years"));
	else if (!found)
		rc = no_instansi(s, instansi, e);
	else
		rc = 0;
	drv_finalize(st);
	if (rc != 0) {
		store_vec_free(&v);
		return rc;
	}
	*tahun = v.p;
	*n = v.n;
	return 0;
}

int
store_pilih_instansi(store *s, const char *kode, char **out, lk_err *e)
{
	char **v, list[512];
	size_t n, i, len = 0;
	int rc;

	*out = NULL;
	if ((rc = store_list_instansi(s, &v, &n, e)) != 0)
		return rc;
	if (kode != NULL) {
		for (i = 0; i < n && strcmp(v[i], kode) != 0; i++)
			;
		rc = i < n ? 0 : no_instansi(s, kode, e);
	} else if (n == 0) {
		rc = lk_fail(e, EX_NOINPUT,
			     _("%s: the database holds no agency: import one first"),
			     s->path);
	} else if (n > 1) {
		list[0] = '\0';
		for (i = 0; i < n && len < sizeof list; i++) {
			int w = snprintf(list + len, sizeof list - len, "%s%s",
					 i ? ", " : "", v[i]);

			if (w < 0)
				break;
			len += (size_t)w;
		}
		rc = lk_fail(e, EX_USAGE,
			     _("%s: the database holds several agencies (%s): "
			       "choose one with --instansi"), s->path, list);
	} else {
		kode = v[0];
	}
	if (rc == 0 && (*out = strdup(kode)) == NULL)
		lk_fatal("out of memory");
	store_free_strv(v, n);
	return rc;
}

const char *
store_diff_kind_name(enum store_diff_kind k)
{
	static const char *const name[DIFF_KINDS] = {
		[DIFF_INSTANSI] = "instansi",
		[DIFF_BIDANG] = "bidang",
		[DIFF_SASARAN] = "sasaran",
		[DIFF_IKU] = "IKU",
		[DIFF_PROGRAM] = "program",
		[DIFF_TRIWULAN] = "triwulan",
		[DIFF_TAHUNAN] = "tahunan",
	};

	return (unsigned)k < DIFF_KINDS ? name[k] : "?";
}
