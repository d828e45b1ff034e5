/* str from C: canonical kinds, UTF-8 round trips, hashing and equality, interning, the
 * builder, ft_str_from_format, repr, the codecs and the format helpers. */
#include "runtime/tstate.h"
#include <criterion/criterion.h>
#include <string.h>

static void setup(void) { ft_runtime_init(0, NULL); }

TestSuite(str, .init = setup);
TestSuite(bytes, .init = setup);

static void expect_utf8(FtObject *s, const char *want) {
    cr_assert_not_null(s);
    const char *got = ft_str_as_utf8(s);
    cr_assert_not_null(got);
    cr_assert_str_eq(got, want);
}

Test(str, narrowest_kind_is_always_chosen) {
    FtObject *a = ft_str_from_cstr("abc");
    FtObject *l = ft_str_from_cstr("caf\xc3\xa9");
    FtObject *b = ft_str_from_cstr("\xe6\x97\xa5");
    FtObject *e = ft_str_from_cstr("\xf0\x9f\x98\x80");
    cr_assert_eq(((FtStr *)a)->kind, 1);
    cr_assert(((FtStr *)a)->ascii);
    cr_assert_eq(((FtStr *)l)->kind, 1);
    cr_assert(!((FtStr *)l)->ascii);
    cr_assert_eq(((FtStr *)b)->kind, 2);
    cr_assert_eq(((FtStr *)e)->kind, 4);
    cr_assert_eq(FT_STR_LEN(e), 1);
    /* a wide string sliced down to latin-1 content narrows again */
    FtObject *mix = ft_str_concat(a, b);
    FtObject *back = ft_str_substring(mix, 0, 3);
    cr_assert_eq(((FtStr *)back)->kind, 1);
    cr_assert(ft_str_eq(back, a));
    cr_assert_eq(ft_str_hash(back), ft_str_hash(a));
    FT_DECREF(back);
    FT_DECREF(mix);
    FT_DECREF(a);
    FT_DECREF(l);
    FT_DECREF(b);
    FT_DECREF(e);
}

Test(str, utf8_round_trip_and_ascii_view) {
    const char *text = "h\xc3\xa9llo \xe6\x97\xa5\xe6\x9c\xac \xf0\x9f\x98\x80";
    FtObject *s = ft_str_from_cstr(text);
    expect_utf8(s, text);
    cr_assert_eq(FT_STR_LEN(s), 10);
    FtObject *a = ft_str_from_cstr("plain");
    cr_assert_eq((void *)ft_str_as_utf8(a), FT_STR_DATA(a));
    FT_DECREF(a);
    FT_DECREF(s);
}

Test(str, invalid_utf8_raises_unicode_decode_error) {
    FtObject *s = ft_str_from_utf8("\xff", 1);
    cr_assert_null(s);
    cr_assert(ft_err_matches(ft_exc_UnicodeDecodeError));
    FtObject *exc = ft_err_fetch();
    FtObject *msg = ft_object_str(exc);
    expect_utf8(msg, "'utf-8' codec can't decode byte 0xff in position 0: invalid start byte");
    FT_DECREF(msg);
    FT_DECREF(exc);
}

Test(str, interning_returns_one_immortal_object) {
    FtObject *x = ft_str_intern_cstr("some_identifier");
    FtObject *y = ft_str_intern(ft_str_from_cstr("some_identifier"));
    cr_assert_eq(x, y);
    cr_assert(((FtStr *)x)->interned);
    cr_assert_eq(FT_REFCNT(x), LK_IMMORTAL_REPORTED);
    cr_assert_eq(FT_ID(some_identifier), x);
}

Test(str, cached_single_characters_and_empty) {
    FtObject *a = ft_str_from_char('a'), *b = ft_str_from_char('a');
    cr_assert_eq(a, b);
    FtObject *e1 = ft_str_new(0, 0), *e2 = ft_str_from_cstr("");
    cr_assert_eq(e1, e2);
    FT_DECREF(a);
    FT_DECREF(b);
    FT_DECREF(e1);
    FT_DECREF(e2);
}

Test(str, from_format_directives) {
    FtObject *s = ft_str_from_cstr("it's");
    FtObject *i = ft_int_from_i64(42);
    FtObject *r = ft_str_from_format("%s|%d|%zd|%5d|%-3d|%x|%c|%U|%R|%S|%T|%V|%.3s|%%", "c",
                                     -7, (ssize_t)123, 4, 5, 255, 'Z', s, s, i, i, NULL,
                                     "fallback", "abcdef");
    expect_utf8(r, "c|-7|123|    4|5  |ff|Z|it's|\"it's\"|42|int|fallback|abc|%");
    FT_DECREF(r);
    FT_DECREF(s);
    FT_DECREF(i);
}

Test(str, builder_narrows_on_finish) {
    FtStrBuilder sb;
    ft_sb_init(&sb);
    ft_sb_append_cstr(&sb, "ab");
    ft_sb_append_char(&sb, 0x65e5);
    FtObject *wide = ft_sb_finish(&sb);
    cr_assert_eq(((FtStr *)wide)->kind, 2);
    ft_sb_init(&sb);
    ft_sb_append_cstr(&sb, "x");
    FtObject *sub = ft_str_substring(wide, 0, 2);
    ft_sb_append_str(&sb, sub);
    FtObject *narrow = ft_sb_finish(&sb);
    cr_assert_eq(((FtStr *)narrow)->kind, 1);
    expect_utf8(narrow, "xab");
    FT_DECREF(sub);
    FT_DECREF(narrow);
    FT_DECREF(wide);
}

Test(str, repr_quotes_like_cpython) {
    const char *cases[][2] = {
        {"abc", "'abc'"},
        {"it's", "\"it's\""},
        {"'\"", "'\\'\"'"},
        {"a\nb\t\\", "'a\\nb\\t\\\\'"},
        {"\x01\x7f", "'\\x01\\x7f'"},
        {"\xc2\x85\xc3\xa9", "'\\x85\xc3\xa9'"},
    };
    for (size_t k = 0; k < sizeof cases / sizeof cases[0]; k++) {
        FtObject *s = ft_str_from_cstr(cases[k][0]);
        FtObject *r = ft_str_repr(s);
        expect_utf8(r, cases[k][1]);
        FT_DECREF(r);
        FT_DECREF(s);
    }
}

Test(str, compare_and_find) {
    FtObject *a = ft_str_from_cstr("abc"), *b = ft_str_from_cstr("abd");
    cr_assert_eq(ft_str_compare(a, b), -1);
    cr_assert_eq(ft_str_compare(b, a), 1);
    cr_assert_eq(ft_str_compare(a, a), 0);
    cr_assert(ft_str_eq_cstr(a, "abc"));
    cr_assert(!ft_str_eq_cstr(a, "ab"));
    FtObject *sep = ft_str_from_cstr(",");
    FtObject *parts = ft_str_split(ft_str_from_cstr("x,y,,z"), sep, -1);
    cr_assert_eq(FT_SIZE(parts), 4);
    FtObject *joined = ft_str_join(sep, parts);
    expect_utf8(joined, "x,y,,z");
    FT_DECREF(joined);
    FT_DECREF(parts);
    FT_DECREF(sep);
    FT_DECREF(a);
    FT_DECREF(b);
}

Test(str, format_helpers) {
    FtObject *v = ft_int_from_i64(-1234567);
    FtObject *spec = ft_str_from_cstr(">+15,");
    FtObject *r = ft_format_int(v, spec);
    expect_utf8(r, "     -1,234,567");
    FT_DECREF(r);
    FT_DECREF(spec);
    spec = ft_str_from_cstr("012_x");
    FtObject *h = ft_int_from_i64(0xdeadbeef);
    r = ft_format_int(h, spec);
    expect_utf8(r, "00_dead_beef");
    FT_DECREF(r);
    FT_DECREF(spec);
    FT_DECREF(h);
    FtObject *fmt = ft_str_from_cstr("%5s|%-4d|%.2f");
    FtObject *f = ft_float_from_double(3.14159);
    FtObject *s = ft_str_from_cstr("ab");
    FtObject *args = ft_tuple_pack(3, s, v, f);
    r = ft_str_percent_format(fmt, args);
    expect_utf8(r, "   ab|-1234567|3.14");
    FT_DECREF(r);
    FT_DECREF(args);
    FT_DECREF(s);
    FT_DECREF(f);
    FT_DECREF(fmt);
    FT_DECREF(v);
}

Test(str, encode_errors) {
    FtObject *s = ft_str_from_cstr("a\xc3\xa9\xe2\x82\xac");
    FtObject *meth_args[1];
    FtObject *enc = ft_str_from_cstr("ascii");
    meth_args[0] = enc;
    FtObject *r = ft_object_call_method_cstr(s, "encode", meth_args, 1);
    cr_assert_null(r);
    FtObject *exc = ft_err_fetch();
    FtObject *msg = ft_object_str(exc);
    expect_utf8(msg, "'ascii' codec can't encode characters in position 1-2: ordinal not in "
                     "range(128)");
    FT_DECREF(msg);
    FT_DECREF(exc);
    FT_DECREF(enc);
    FT_DECREF(s);
}

Test(bytes, repr_and_hash) {
    FtObject *b = ft_bytes_from_data("it's\x00\xff", 6);
    FtObject *r = ft_bytes_repr(b);
    expect_utf8(r, "b\"it's\\x00\\xff\"");
    FtObject *s = ft_str_from_cstr("abc");
    FtObject *b2 = ft_bytes_from_data("abc", 3);
    cr_assert_eq(ft_object_hash(s), ft_object_hash(b2));
    const char *data;
    ssize_t len;
    cr_assert_eq(ft_bytes_like_get(b2, &data, &len), 0);
    cr_assert_eq(len, 3);
    FtObject *ba = ft_bytearray_from_data("xy", 2);
    cr_assert_eq(ft_bytes_like_get(ba, &data, &len), 0);
    cr_assert_eq(memcmp(data, "xy", 2), 0);
    cr_assert_eq(ft_bytes_like_get(s, &data, &len), -1);
    ft_err_clear();
    FT_DECREF(ba);
    FT_DECREF(b2);
    FT_DECREF(s);
    FT_DECREF(r);
    FT_DECREF(b);
}

Test(str, append_in_place_and_by_copy) {
    FtObject *s = ft_str_from_cstr("ab");
    FtObject *s2 = ft_str_concat(s, s); /* a fresh, unshared string */
    FtObject *tail = ft_str_from_cstr("cd");
    cr_assert_eq(ft_str_append(&s2, tail), 0);
    expect_utf8(s2, "ababcd");
    FtObject *wide = ft_str_from_cstr("\xe6\x97\xa5");
    cr_assert_eq(ft_str_append(&s2, wide), 0); /* widens: a new object */
    expect_utf8(s2, "ababcd\xe6\x97\xa5");
    cr_assert_eq(((FtStr *)s2)->kind, 2);
    cr_assert_eq(ft_str_append(&s2, tail), 0);
    expect_utf8(s2, "ababcd\xe6\x97\xa5" "cd");
    FtObject *check = ft_str_from_cstr("ababcd\xe6\x97\xa5" "cd");
    cr_assert(ft_str_eq(check, s2));
    cr_assert_eq(ft_str_hash(check), ft_str_hash(s2));
    FtObject *shared = FT_NEWREF(s); /* refcount 2: must not be touched */
    cr_assert_eq(ft_str_append(&shared, tail), 0);
    expect_utf8(s, "ab");
    expect_utf8(shared, "abcd");
    FT_DECREF(shared);
    FT_DECREF(check);
    FT_DECREF(wide);
    FT_DECREF(tail);
    FT_DECREF(s2);
    FT_DECREF(s);
}
