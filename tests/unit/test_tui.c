/* test_tui.c - the parts of the terminal application that need no
 * terminal: the key table, drafts, text buffers, wide-character text. */
#include "config.h"
#include "lktest.h"

#include <curses.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "tui/draft.h"
#include "tui/keys.h"
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

Suite *
lktest_suite(void)
{
	Suite *s = suite_create("tui");
	TCase *tc = tcase_create("keys");

	tcase_add_checked_fixture(tc, utf8_locale, NULL);
	tcase_add_loop_test(tc, key_table, 0, (int)LK_NELEM(key_cases));
	tcase_add_test(tc, key_help);
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
