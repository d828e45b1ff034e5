/* test_dict.c: the dict C API (core/objects/dict.c): insertion order, deletion holes,
 * resizing, versions, copy/merge/pop/setdefault, iteration with ft_dict_next. */
#include "core/object.h"
#include "runtime/tstate.h"
#include <criterion/criterion.h>

static void setup(void) { cr_assert_eq(ft_runtime_init(0, NULL), 0); }

TestSuite(dict, .init = setup);

static FtObject *I(int64_t v) { return ft_int_from_i64(v); }

static int64_t ival(FtObject *o) {
    int overflow = 0;
    return ft_int_as_i64(o, &overflow);
}

Test(dict, set_get_del) {
    FtObject *d = ft_dict_new();
    cr_assert_not_null(d);
    cr_assert_eq(ft_dict_size(d), 0);
    for (int i = 0; i < 100; i++) {
        FtObject *k = I(i), *v = I(i * 10);
        cr_assert_eq(ft_dict_set(d, k, v), 0);
        FT_DECREF(k);
        FT_DECREF(v);
    }
    cr_assert_eq(ft_dict_size(d), 100);
    for (int i = 0; i < 100; i++) {
        FtObject *k = I(i);
        FtObject *v = ft_dict_get(d, k);
        cr_assert_not_null(v);
        cr_assert_eq(ival(v), i * 10);
        cr_assert_eq(ft_dict_contains(d, k), 1);
        FT_DECREF(k);
    }
    FtObject *missing = I(1000);
    cr_assert_null(ft_dict_get(d, missing));
    cr_assert_null(ft_err_occurred());
    cr_assert_eq(ft_dict_del(d, missing), -1);
    cr_assert(ft_err_matches(ft_exc_KeyError));
    ft_err_clear();
    FT_DECREF(missing);
    for (int i = 0; i < 100; i += 2) {
        FtObject *k = I(i);
        cr_assert_eq(ft_dict_del(d, k), 0);
        cr_assert_eq(ft_dict_contains(d, k), 0);
        FT_DECREF(k);
    }
    cr_assert_eq(ft_dict_size(d), 50);
    FT_DECREF(d);
}

Test(dict, insertion_order_survives_deletes_and_resizes) {
    FtObject *d = ft_dict_new();
    for (int i = 0; i < 1000; i++) {
        FtObject *k = I((i * 7919) % 1000);
        cr_assert_eq(ft_dict_set(d, k, FT_NONE), 0);
        FT_DECREF(k);
    }
    for (int i = 0; i < 1000; i += 3) {
        FtObject *k = I((i * 7919) % 1000);
        cr_assert_eq(ft_dict_del(d, k), 0);
        FT_DECREF(k);
    }
    ssize_t pos = 0;
    FtObject *key, *value;
    int i = 1, seen = 0;
    while (ft_dict_next(d, &pos, &key, &value)) {
        if (i % 3 == 0)
            i++;
        cr_assert_eq(ival(key), (i * 7919) % 1000);
        cr_assert_eq(value, FT_NONE);
        i++;
        seen++;
    }
    cr_assert_eq(seen, 666);
    cr_assert_eq(ft_dict_size(d), 666);
    FT_DECREF(d);
}

Test(dict, version_changes_on_mutation) {
    FtObject *d = ft_dict_new();
    FtObject *k = ft_str_from_cstr("name");
    uint64_t v0 = ((FtDict *)d)->version;
    ft_dict_set(d, k, FT_NONE);
    uint64_t v1 = ((FtDict *)d)->version;
    cr_assert_neq(v0, v1);
    ft_dict_set(d, k, FT_TRUE);
    uint64_t v2 = ((FtDict *)d)->version;
    cr_assert_neq(v1, v2);
    ft_dict_get(d, k);
    cr_assert_eq(((FtDict *)d)->version, v2);
    ft_dict_del(d, k);
    cr_assert_neq(((FtDict *)d)->version, v2);
    FtObject *e = ft_dict_new();
    cr_assert_neq(((FtDict *)e)->version, ((FtDict *)d)->version);
    FT_DECREF(k);
    FT_DECREF(d);
    FT_DECREF(e);
}

Test(dict, str_keys_and_cstr_api) {
    FtObject *d = ft_dict_new();
    cr_assert_eq(ft_dict_set_cstr(d, "alpha", FT_TRUE), 0);
    cr_assert_eq(ft_dict_set_cstr(d, "beta", FT_FALSE), 0);
    cr_assert_eq(ft_dict_get_cstr(d, "alpha"), FT_TRUE);
    cr_assert_eq(ft_dict_get_cstr(d, "beta"), FT_FALSE);
    cr_assert_null(ft_dict_get_cstr(d, "gamma"));
    /* A distinct but equal str object finds the same entry. */
    FtObject *k = ft_str_from_utf8("alpha", 5);
    FtObject *h = ft_dict_get_known_hash(d, k, ft_object_hash(k));
    cr_assert_eq(h, FT_TRUE);
    FT_DECREF(k);
    cr_assert_eq(ft_dict_del_cstr(d, "alpha"), 0);
    cr_assert_null(ft_dict_get_cstr(d, "alpha"));
    cr_assert_eq(ft_dict_size(d), 1);
    FT_DECREF(d);
}

Test(dict, equal_keys_of_different_types) {
    FtObject *d = ft_dict_new();
    FtObject *one = I(1);
    FtObject *onef = ft_float_from_double(1.0);
    ft_dict_set(d, one, FT_NONE);
    ft_dict_set(d, onef, FT_TRUE);
    cr_assert_eq(ft_dict_size(d), 1);
    cr_assert_eq(ft_dict_get(d, FT_TRUE), FT_TRUE);
    FT_DECREF(one);
    FT_DECREF(onef);
    FT_DECREF(d);
}

Test(dict, copy_merge_pop_setdefault_clear) {
    FtObject *d = ft_dict_new();
    for (int i = 0; i < 10; i++) {
        FtObject *k = I(i);
        ft_dict_set(d, k, k);
        FT_DECREF(k);
    }
    FtObject *c = ft_dict_copy(d);
    cr_assert_eq(ft_dict_size(c), 10);
    FtObject *keys = ft_dict_keys_list(c);
    for (int i = 0; i < 10; i++)
        cr_assert_eq(ival(FT_LIST_GET(keys, i)), i);
    FT_DECREF(keys);

    FtObject *other = ft_dict_new();
    FtObject *k5 = I(5), *k50 = I(50), *v = I(-1);
    ft_dict_set(other, k5, v);
    ft_dict_set(other, k50, v);
    cr_assert_eq(ft_dict_merge(c, other, 0), 0);
    cr_assert_eq(ival(ft_dict_get(c, k5)), 5); /* kept */
    cr_assert_eq(ival(ft_dict_get(c, k50)), -1);
    cr_assert_eq(ft_dict_merge(c, other, 1), 0);
    cr_assert_eq(ival(ft_dict_get(c, k5)), -1); /* replaced */
    cr_assert_eq(ft_dict_merge(c, other, 2), -1);
    cr_assert(ft_err_matches(ft_exc_KeyError));
    ft_err_clear();

    FtObject *p = ft_dict_pop(c, k50, NULL);
    cr_assert_eq(ival(p), -1);
    FT_DECREF(p);
    cr_assert_null(ft_dict_pop(c, k50, NULL));
    cr_assert(ft_err_matches(ft_exc_KeyError));
    ft_err_clear();
    p = ft_dict_pop(c, k50, FT_NONE);
    cr_assert_eq(p, FT_NONE);
    FT_DECREF(p);

    FtObject *sd = ft_dict_setdefault(c, k50, v);
    cr_assert_eq(sd, v);
    sd = ft_dict_setdefault(c, k50, FT_NONE);
    cr_assert_eq(sd, v);

    FtObject *items = ft_dict_items_list(c);
    cr_assert_eq(FT_SIZE(items), ft_dict_size(c));
    cr_assert(ft_tuple_check(FT_LIST_GET(items, 0)));
    FT_DECREF(items);

    ft_dict_clear(c);
    cr_assert_eq(ft_dict_size(c), 0);
    cr_assert_null(ft_dict_get(c, k5));
    cr_assert_eq(ft_dict_set(c, k5, v), 0); /* usable again after clear */
    cr_assert_eq(ft_dict_size(c), 1);
    /* the original is untouched by everything done to the copy */
    cr_assert_eq(ft_dict_size(d), 10);
    cr_assert_eq(ival(ft_dict_get(d, k5)), 5);
    FT_DECREF(k5);
    FT_DECREF(k50);
    FT_DECREF(v);
    FT_DECREF(other);
    FT_DECREF(c);
    FT_DECREF(d);
}

Test(dict, unhashable_key) {
    FtObject *d = ft_dict_new();
    FtObject *l = ft_list_new(0);
    cr_assert_eq(ft_dict_set(d, l, FT_NONE), -1);
    cr_assert(ft_err_matches(ft_exc_TypeError));
    ft_err_clear();
    cr_assert_eq(ft_dict_contains(d, l), -1);
    ft_err_clear();
    FT_DECREF(l);
    FT_DECREF(d);
}

Test(dict, update_from_pairs) {
    FtObject *d = ft_dict_new();
    FtObject *pairs = ft_list_new(0);
    for (int i = 0; i < 3; i++) {
        FtObject *k = I(i), *v = I(i + 100);
        FtObject *t = ft_tuple_pack(2, k, v);
        ft_list_append(pairs, t);
        FT_DECREF(t);
        FT_DECREF(k);
        FT_DECREF(v);
    }
    cr_assert_eq(ft_dict_update(d, pairs), 0);
    cr_assert_eq(ft_dict_size(d), 3);
    FtObject *k2 = I(2);
    cr_assert_eq(ival(ft_dict_get(d, k2)), 102);
    FT_DECREF(k2);
    FT_DECREF(pairs);
    FT_DECREF(d);
}
