/* SPDX-License-Identifier: GPL-3.0-or-later
 * Copyright (C) 2026 The lakip developers. */
/* test_tui.c - the parts of the terminal application that need no
 * terminal: the key table, drafts, text buffers, wide-character text,
 * and who may change what (access.c) against a fresh database. */
#include "config.h"
#include "lktest.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "io/exchange.h"
#include "store/store.h"
#include "store/workflow.h"
#include "tui/draft.h"
#include "tui/keys.h"
#include "tui/tui_int.h"
#include "tui/lineedit.h"
#include "tui/textedit.h"
#include "tui/ui.h"

#define CTRL(c) ((c) & 0x1f)

static void
utf8_locale(void)
{
	if (setlocale(LC_ALL, "C.UTF-8") == NULL)
		setlocale(LC_ALL, "");
}

/* ------------------------------------------------------------ keys */

static const struct {
	bool fkey;
	int code;
	enum key_ctx ctx;
	int act;
} key_cases[] = {
	{ true, KEY_F(1), KCTX_NAV, ACT_HELP },
	{ true, KEY_F(2), KCTX_TEXT, ACT_SAVE },
	{ false, CTRL('S'), KCTX_TEXT, ACT_SAVE },
	{ true, KEY_F(10), KCTX_TEXT, ACT_BACK },
	{ false, 27, KCTX_TEXT, ACT_BACK },
	{ false, 'q', KCTX_NAV, ACT_BACK },           /* letters in lists */
	{ false, 'q', KCTX_TEXT, ACT_CHAR },          /* are text in fields */
	/* A reader that takes pastes binds the keys of its context. */
	{ false, 'q', KCTX_NAV_PASTE, ACT_BACK },
	{ false, 'q', KCTX_GRID_PASTE, ACT_CHAR },
	{ true, KEY_F(4), KCTX_GRID_PASTE, ACT_NOTE },
	{ false, '\t', KCTX_TEXT_PASTE, ACT_NEXT_FIELD },
	{ false, 'a', KCTX_NAV, ACT_ADD },
	{ true, KEY_IC, KCTX_TEXT, ACT_ADD },
	{ true, KEY_DC, KCTX_NAV, ACT_DELETE },
	{ true, KEY_DC, KCTX_TEXT, ACT_DELCHAR },
	{ false, '\t', KCTX_NAV, ACT_SWITCH },
	{ false, '\t', KCTX_TEXT, ACT_NEXT_FIELD },
	{ true, KEY_BTAB, KCTX_TEXT, ACT_PREV_FIELD },
	{ false, '\r', KCTX_TEXT, ACT_ENTER },
	{ false, '\n', KCTX_NAV, ACT_ENTER },
	{ false, CTRL('E'), KCTX_TEXT, ACT_EDITOR },
	{ true, KEY_F(4), KCTX_NAV, ACT_EDITOR },
	{ false, CTRL('N'), KCTX_TEXT, ACT_NEXT_STEP },
	{ true, KEY_F(9), KCTX_TEXT, ACT_STEPS },
	{ false, 127, KCTX_TEXT, ACT_BACKSPACE },
	{ false, CTRL('U'), KCTX_TEXT, ACT_CLEAR },
	{ false, '/', KCTX_NAV, ACT_SEARCH },
	{ false, '/', KCTX_TEXT, ACT_CHAR },
	{ false, 0x00e9, KCTX_TEXT, ACT_CHAR },       /* é */
	{ false, 0x65e5, KCTX_TEXT, ACT_CHAR },       /* 日 */
	{ false, CTRL('B'), KCTX_TEXT, ACT_NONE },    /* never inserted */
	{ false, 0x1b, KCTX_NAV, ACT_BACK },
	{ false, 0x7, KCTX_TEXT, ACT_HELP },          /* Ctrl-G */
	{ false, 0x85, KCTX_TEXT, ACT_NONE },         /* C1 control */
	/* the review: F11/Ctrl-K and F12/Ctrl-R everywhere, letters in lists */
	{ true, KEY_F(11), KCTX_TEXT, ACT_SUBMIT },
	{ true, KEY_F(11), KCTX_NAV, ACT_SUBMIT },
	{ false, CTRL('K'), KCTX_TEXT, ACT_SUBMIT },
	{ true, KEY_F(12), KCTX_TEXT, ACT_HISTORY },
	{ false, CTRL('R'), KCTX_TEXT, ACT_HISTORY },
	{ false, CTRL('R'), KCTX_NAV, ACT_HISTORY },
	{ false, 'y', KCTX_NAV, ACT_APPROVE },
	{ false, 'y', KCTX_TEXT, ACT_CHAR },          /* typed in a comment */
	{ false, 'r', KCTX_NAV, ACT_RETURN },
	{ false, 'r', KCTX_TEXT, ACT_CHAR },
	{ false, 'Y', KCTX_NAV, ACT_APPROVE_ALL },
	{ true, KEY_F(7), KCTX_TEXT, ACT_PREV_STEP },  /* F7 stays taken */
};

START_TEST(key_table)
{
	int got = keys_action(key_cases[_i].fkey ? KEY_CODE_YES : OK,
			      (wint_t)key_cases[_i].code, key_cases[_i].ctx);

	ck_assert_msg(got == key_cases[_i].act, "case %d: got %d, want %d", _i, got,
		      key_cases[_i].act);
}
END_TEST

START_TEST(key_help)
{
	static const int acts[] = { ACT_SAVE, ACT_ADD, ACT_NONE };
	char *h = keys_help_text("Teks layar.", acts, KCTX_NAV);

	ck_assert_ptr_nonnull(strstr(h, "Teks layar."));
	ck_assert_ptr_nonnull(strstr(h, "F2, Ctrl-S"));
	ck_assert_ptr_nonnull(strstr(h, "Ins, a"));
	ck_assert_ptr_nonnull(strstr(h, "F10, Esc, q"));   /* keys that work everywhere */
	free(h);
	ck_assert_str_eq(keys_first_name(ACT_SAVE, KCTX_TEXT), "F2");
	ck_assert_str_eq(keys_first_name(ACT_EDITOR, KCTX_TEXT), "F4");
	ck_assert_str_eq(keys_first_name(ACT_SUBMIT, KCTX_TEXT), "F11");
	ck_assert_str_eq(keys_first_name(ACT_HISTORY, KCTX_NAV), "F12");
	ck_assert_str_eq(keys_first_name(ACT_APPROVE, KCTX_NAV), "y");
	ck_assert_str_eq(keys_first_name(ACT_APPROVE, KCTX_TEXT), "");
}
END_TEST

/* Every action has a label and a line of help, and the review's keys
 * are listed with their letter alternatives. */
START_TEST(key_labels)
{
	static const int acts[] = {
		ACT_SUBMIT, ACT_APPROVE, ACT_RETURN, ACT_APPROVE_ALL, ACT_HISTORY,
		ACT_NONE,
	};
	char *h = keys_help_text(NULL, acts, KCTX_NAV);
	int a;

	for (a = ACT_NONE + 1; a < ACT_N; a++)
		ck_assert_msg(*keys_label(a) != '\0', "action %d has no label", a);
	ck_assert_ptr_nonnull(strstr(h, "F11, Ctrl-K"));
	ck_assert_ptr_nonnull(strstr(h, "F12, Ctrl-R"));
	ck_assert_ptr_nonnull(strstr(h, "Approve all"));
	ck_assert_ptr_nonnull(strstr(h, "Ctrl-K submit, Ctrl-R history"));
	free(h);
}
END_TEST

/* ------------------------------------------------------------ drafts */

START_TEST(draft_round_trip)
{
	const char *dir = lktest_tmpdir();
	char home[4096];
	const char *names[] = { "kode", "uraian", "target" };
	const char *values[] = { "IKU1", "baris satu\nbaris \\ dua\tÅ", "" };
	draft_key k = { "/data/kinerja.db", "dinas-a", 2023, 2, "iku", "SS1/IKU1" };
	draft_key other = { "/data/lain.db", "dinas-a", 2023, 2, "iku", "SS1/IKU1" };
	draft **d = NULL;
	size_t n = 0;

	snprintf(home, sizeof home, "%s/data", dir);
	setenv("XDG_DATA_HOME", home, 1);
	ck_assert_int_eq(draft_write(&k, "Indikator", names, values, 3), 0);
	ck_assert_int_eq(draft_write(&k, "Indikator", names, values, 3), 0);  /* replaces */
	ck_assert_int_eq(draft_write(&other, "Indikator", names, values, 1), 0);
	ck_assert_int_eq(draft_list("/data/kinerja.db", &d, &n), 0);
	ck_assert_uint_eq(n, 1);
	ck_assert_str_eq(d[0]->instansi, "dinas-a");
	ck_assert_str_eq(d[0]->form, "iku");
	ck_assert_str_eq(d[0]->entity, "SS1/IKU1");
	ck_assert_int_eq(d[0]->tahun, 2023);
	ck_assert_int_eq(d[0]->tw, 2);
	ck_assert_str_eq(draft_get(d[0], "uraian"), values[1]);
	ck_assert_str_eq(draft_get(d[0], "target"), "");
	ck_assert_ptr_null(draft_get(d[0], "satuan"));
	draft_free_all(d, n);
	draft_remove(&k);
	ck_assert_int_eq(draft_list("/data/kinerja.db", &d, &n), 0);
	ck_assert_uint_eq(n, 0);
	draft_free_all(d, n);
	draft_remove(&other);
	lktest_rmtree(dir);
}
END_TEST

/* ------------------------------------------------------------ text */

START_TEST(textedit_keeps_breaks)
{
	textedit t;
	char *s;

	memset(&t, 0, sizeof t);
	utf8_locale();
	te_set(&t, "Paragraf satu.\n\n- butir\r\n- butir\x01 dua\tlagi");
	s = te_get(&t);
	ck_assert_str_eq(s, "Paragraf satu.\n\n- butir\n- butir dua lagi");
	free(s);
	t.cur = t.len;
	ck_assert_int_eq(te_key(&t, ACT_ENTER, 0), 1);
	ck_assert_int_eq(te_key(&t, ACT_CHAR, L'ł'), 1);
	ck_assert_int_eq(te_key(&t, ACT_CHAR, 0x02), 1);   /* ignored */
	s = te_get(&t);
	ck_assert_str_eq(s, "Paragraf satu.\n\n- butir\n- butir dua lagi\nł");
	free(s);
	te_free(&t);
}
END_TEST

START_TEST(textedit_moves_by_line)
{
	textedit t;

	memset(&t, 0, sizeof t);
	utf8_locale();
	te_set(&t, "aaaa bbbb cccc dddd");
	t.w = 10;                 /* lines: "aaaa bbbb", "cccc dddd" */
	t.h = 5;
	t.cur = t.len;
	ck_assert_int_eq(te_key(&t, ACT_UP, 0), 1);
	ck_assert_uint_lt(t.cur, 10);
	ck_assert_int_eq(te_key(&t, ACT_UP, 0), -1);    /* wants to leave upwards */
	ck_assert_int_eq(te_key(&t, ACT_HOME, 0), 1);
	ck_assert_uint_eq(t.cur, 0);
	ck_assert_int_eq(te_key(&t, ACT_DOWN, 0), 1);
	ck_assert_uint_eq(t.cur, 10);
	ck_assert_int_eq(te_key(&t, ACT_DOWN, 0), 2);   /* and downwards */
	te_free(&t);
}
END_TEST

START_TEST(lineedit_typing_replaces)
{
	lineedit l;
	char *s;

	memset(&l, 0, sizeof l);
	utf8_locale();
	le_set(&l, "78,50");
	l.fresh = true;
	le_key(&l, ACT_CHAR, L'8');
	le_key(&l, ACT_CHAR, L'0');
	s = le_get(&l);
	ck_assert_str_eq(s, "80");
	free(s);
	le_key(&l, ACT_BACKSPACE, 0);
	le_key(&l, ACT_HOME, 0);
	le_key(&l, ACT_CHAR, L'1');
	s = le_get(&l);
	ck_assert_str_eq(s, "18");
	free(s);
	le_key(&l, ACT_CLEAR, 0);
	s = le_get(&l);
	ck_assert_str_eq(s, "");
	free(s);
	le_free(&l);
}
END_TEST

START_TEST(wide_text)
{
	wchar_t *w;
	char *s;
	size_t n;

	utf8_locale();
	ck_assert_int_eq(ui_width("Łódź"), 4);
	ck_assert_int_eq(ui_width("日本"), 4);
	ck_assert_uint_eq(ui_fit("日本語", 5), 6);       /* two wide characters */
	w = ui_wcs("a\xffz", &n);                        /* invalid byte */
	ck_assert_uint_eq(n, 3);
	ck_assert_int_eq(w[1], 0xFFFD);
	free(w);
	w = ui_wcs("Śantoso", &n);
	s = ui_mbs(w, n);
	ck_assert_str_eq(s, "Śantoso");
	free(s);
	free(w);
	ck_assert(ui_contains("Program Penunjang", "penunjang"));
	ck_assert(!ui_contains("Program", "anggaran"));
}
END_TEST

/* ------------------------------------------------------------ access */

START_TEST(access_texts)
{
	app a;
	char buf[64];

	/* No agency open: the default zone, WIB (+7), whatever TZ says. */
	setenv("TZ", "America/New_York", 1);
	app_when_for(NULL);
	ck_assert_str_eq(app_when("2023-07-01T10:05:09Z", buf, sizeof buf),
			 "2023-07-01 17:05 WIB");
	ck_assert_str_eq(app_when("kemarin", buf, sizeof buf), "kemarin");
	ck_assert_str_eq(app_when(NULL, buf, sizeof buf), "");
	/* The open agency's zone. */
	{
		app z;
		rencana *r = rencana_new();

		memset(&z, 0, sizeof z);
		z.r = r;
		app_when_for(&z);
		r->instansi.zona_waktu = (char *)"Asia/Jayapura";
		ck_assert_str_eq(app_when("2023-07-01T20:05:09Z", buf, sizeof buf),
				 "2023-07-02 05:05 WIT");
		r->instansi.zona_waktu = (char *)"Asia/Makassar";
		ck_assert_str_eq(app_when("2023-07-01T10:05:09Z", buf, sizeof buf),
				 "2023-07-01 18:05 WITA");
		r->instansi.zona_waktu = NULL;
		app_when_for(NULL);
		rencana_free(r);
	}
	memset(&a, 0, sizeof a);
	a.db_path = "/data/lakip.db";
	ck_assert_str_eq(app_store_msg(&a, "/data/lakip.db: 'op' has the role operator"),
			 "'op' has the role operator");
	ck_assert_str_eq(app_store_msg(&a, "/data/lakip.db2: x"), "/data/lakip.db2: x");
	ck_assert_str_eq(app_store_msg(&a, "no path"), "no path");
}
END_TEST

/* The check before a change: the role the store's policy needs, named
 * in the refusal without the database path; read-only before all. */
START_TEST(access_roles)
{
	const char *dir = lktest_tmpdir();
	char path[4096], why[1024];
	lk_err e = { 0, "" };
	app a;

	snprintf(path, sizeof path, "%s/akses.db", dir);
	memset(&a, 0, sizeof a);
	a.db_path = path;
	ck_assert_int_eq(store_open(path, STORE_CREATE, &a.st, &e), 0);
	ck_assert_int_eq(svc_init(&a.v, a.st, &e), 0);
	/* The creator is the admin: plan and data. */
	app_load_user(&a);
	ck_assert(app_listed(&a));
	ck_assert(app_may(&a, AKSI_UBAH_RENCANA, why, sizeof why));
	ck_assert(app_may(&a, AKSI_UBAH_DATA, why, sizeof why));
	/* Two agencies; op1 is the operator of the first. */
	{
		rencana *r;

		ck_assert_msg(exchange_read_file(lktest_path(
		    "examples/kesbangpol-kalteng-2023.yaml"), &r, &e) == 0, "%s", e.msg);
		ck_assert_msg(store_save(a.st, r, false, NULL, &e) == 0, "%s", e.msg);
		r->instansi.kode = arena_strdup(&r->mem, "dinsos-kalteng");
		ck_assert_msg(store_save(a.st, r, false, NULL, &e) == 0, "%s", e.msg);
		rencana_free(r);
	}
	ck_assert_int_eq(store_user_add(a.st, "op1", PERAN_OPERATOR, "kesbangpol-kalteng",
					NULL, 0, &e), 0);
	/* An operator: data yes, plan no, and told which role. */
	store_set_actor(a.st, "op1");
	a.instansi = strdup("kesbangpol-kalteng");
	app_load_user(&a);
	ck_assert(app_listed(&a));
	ck_assert_int_eq(a.user.peran, PERAN_OPERATOR);
	ck_assert(app_may(&a, AKSI_UBAH_DATA, why, sizeof why));
	ck_assert(app_may(&a, AKSI_AJUKAN, why, sizeof why));
	ck_assert(!app_may(&a, AKSI_UBAH_RENCANA, why, sizeof why));
	ck_assert_str_eq(why, "'op1' has the role operator in kesbangpol-kalteng; to edit"
			 " the plan there you need the role admin");
	ck_assert(!app_may(&a, AKSI_TINJAU, why, sizeof why));
	ck_assert_ptr_nonnull(strstr(why, "you need the role kabid"));
	/* The other agency on screen: his role there is none. */
	free(a.instansi);
	a.instansi = strdup("dinsos-kalteng");
	app_load_user(&a);
	ck_assert(app_listed(&a));
	ck_assert_int_eq(a.user.peran, PERAN_NONE);
	ck_assert(!app_may(&a, AKSI_UBAH_DATA, why, sizeof why));
	ck_assert_str_eq(why, "'op1' has no role in dinsos-kalteng (only operator in"
			 " kesbangpol-kalteng); to edit realisations there you need"
			 " the role operator or admin in dinsos-kalteng");
	free(a.instansi);
	a.instansi = NULL;
	/* Not listed: reads only, and is told whom to ask. */
	store_set_actor(a.st, "tamu");
	app_load_user(&a);
	ck_assert(!app_listed(&a));
	ck_assert(app_may(&a, AKSI_LIHAT, why, sizeof why));
	ck_assert(!app_may(&a, AKSI_UBAH_DATA, why, sizeof why));
	ck_assert_ptr_nonnull(strstr(why, "may only read"));
	ck_assert_ptr_nonnull(strstr(why, a.admins));
	/* A read-only file wins over every role. */
	a.readonly = true;
	ck_assert(!app_may(&a, AKSI_LIHAT, why, sizeof why));
	ck_assert_ptr_nonnull(strstr(why, "read-only"));
	/* No quarter on screen: nothing locked, no review state. */
	ck_assert(!app_locked(&a));
	ck_assert(!app_wf_ok(&a));
	store_user_free(&a.user);
	svc_done(&a.v);
	store_close(a.st);
	lktest_rmtree(dir);
}
END_TEST

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("tui");
	TCase *tc = tcase_create("keys");

	tcase_add_checked_fixture(tc, utf8_locale, NULL);
	tcase_add_loop_test(tc, key_table, 0, (int)LK_NELEM(key_cases));
	tcase_add_test(tc, key_help);
	tcase_add_test(tc, key_labels);
	suite_add_tcase(s, tc);
	tc = tcase_create("access");
	tcase_add_test(tc, access_texts);
	tcase_add_test(tc, access_roles);
	suite_add_tcase(s, tc);
	tc = tcase_create("drafts");
	tcase_add_test(tc, draft_round_trip);
	suite_add_tcase(s, tc);
	tc = tcase_create("text");
	tcase_add_test(tc, textedit_keeps_breaks);
	tcase_add_test(tc, textedit_moves_by_line);
	tcase_add_test(tc, lineedit_typing_replaces);
	tcase_add_test(tc, wide_text);
	suite_add_tcase(s, tc);
	return s;
}
