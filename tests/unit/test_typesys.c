/* test_typesys.c: the type system (core/objects/type.c, typeslots.c, descr.c, object.c,
 * abstract.c, call.c) through its C API: slot wrappers on built-in types, class creation
 * with type(name, bases, dict), the C3 MRO, slot updates after assignment, the lookup
 * cache, and CPython's error messages. */
#include "core/object.h"
#include "runtime/tstate.h"
#include <criterion/criterion.h>
#include <string.h>

static void setup(void) {
    cr_assert_eq(ft_runtime_init(0, NULL), 0);
    cr_assert_eq(ft_types_finish_init(), 0);
}

TestSuite(typesys, .init = setup);

static FtObject *S(const char *s) { return ft_str_intern_cstr(s); }

static const char *repr_of(FtObject *o) {
    FtObject *r = ft_object_repr(o);
    cr_assert_not_null(r);
    return ft_str_as_utf8(r); /* leaked: tests are short-lived */
}

/* The message of the pending exception (cleared), or "" when none. */
static const char *error_text(void) {
    FtObject *e = ft_err_fetch();
    if (!e)
        return "";
    FtObject *s = ft_object_str(e);
    return s ? ft_str_as_utf8(s) : "?";
}

static FtObject *make_class(const char *name, FtObject *bases, FtObject *ns) {
    if (!ns) {
        ns = ft_dict_new();
        ft_dict_set_cstr(ns, "__module__", ft_str_from_cstr("__main__"));
    }
    FtObject *args[3] = {ft_str_from_cstr(name), bases ? bases : ft_empty_tuple, ns};
    return ft_object_vectorcall((FtObject *)&ft_type_type, args, 3, NULL);
}

Test(typesys, slot_wrappers_of_builtins) {
    FtObject *add = ft_object_getattr((FtObject *)&ft_int_type, S("__add__"));
    cr_assert_not_null(add);
    cr_assert_str_eq(repr_of(add), "<slot wrapper '__add__' of 'int' objects>");
    FtObject *args[2] = {ft_int_from_i64(40), ft_int_from_i64(2)};
    FtObject *r = ft_object_vectorcall(add, args, 2, NULL);
    cr_assert_str_eq(repr_of(r), "42");
    FtObject *radd = ft_object_getattr((FtObject *)&ft_int_type, S("__radd__"));
    r = ft_object_vectorcall(radd, args, 2, NULL);
    cr_assert_str_eq(repr_of(r), "42");
    cr_assert_null(ft_object_vectorcall(add, args, 1, NULL));
    cr_assert_str_eq(error_text(), "expected 1 argument, got 0");
    FtObject *bad[2] = {ft_str_from_cstr("a"), args[0]};
    cr_assert_null(ft_object_vectorcall(add, bad, 2, NULL));
    cr_assert_str_eq(error_text(), "descriptor '__add__' requires a 'int' object but received a 'str'");
}

Test(typesys, method_descriptors) {
    FtObject *append = ft_object_getattr((FtObject *)&ft_list_type, S("append"));
    cr_assert_str_eq(repr_of(append), "<method 'append' of 'list' objects>");
    FtObject *l = ft_list_new(0);
    FtObject *args[2] = {l, ft_int_from_i64(1)};
    FtObject *r = ft_object_vectorcall(append, args, 2, NULL);
    cr_assert_eq(r, FT_NONE);
    cr_assert_eq(FT_SIZE(l), 1);
    FtObject *wrong[2] = {ft_int_from_i64(1), l};
    cr_assert_null(ft_object_vectorcall(append, wrong, 2, NULL));
    cr_assert_str_eq(error_text(),
                     "descriptor 'append' for 'list' objects doesn't apply to a 'int' object");
    FtObject *bound = ft_object_getattr(l, S("append"));
    cr_assert_null(ft_object_vectorcall(bound, NULL, 0, NULL));
    cr_assert_str_eq(error_text(), "list.append() takes exactly one argument (0 given)");
}

Test(typesys, class_creation_and_instances) {
    FtObject *A = make_class("A", NULL, NULL);
    cr_assert_not_null(A);
    cr_assert_str_eq(repr_of(A), "<class '__main__.A'>");
    FtObject *a = ft_object_call_noargs(A);
    cr_assert_not_null(a);
    cr_assert(strncmp(repr_of(a), "<__main__.A object at 0x", 24) == 0);
    cr_assert_eq(ft_object_setattr(a, S("x"), ft_int_from_i64(5)), 0);
    cr_assert_str_eq(repr_of(ft_object_getattr(a, S("x"))), "5");
    cr_assert_null(ft_object_getattr(a, S("y")));
    cr_assert_str_eq(error_text(), "'A' object has no attribute 'y'");
    cr_assert_null(ft_object_getattr(A, S("y")));
    cr_assert_str_eq(error_text(), "type object 'A' has no attribute 'y'");
    cr_assert_null(ft_object_call_one(A, a));
    cr_assert_str_eq(error_text(), "A() takes no arguments");
    FT_DECREF(a);
}

Test(typesys, builtin_base_and_bad_bases) {
    FtObject *L = make_class("L", ft_tuple_pack(1, &ft_list_type), NULL);
    cr_assert_not_null(L);
    FtObject *l = ft_object_call_noargs(L);
    cr_assert(ft_list_check(l));
    cr_assert_eq(ft_list_append(l, FT_NONE), 0);
    cr_assert_eq(ft_object_length(l), 1);
    cr_assert_eq(ft_object_setattr(l, S("tag"), FT_TRUE), 0);
    FT_DECREF(l);
    cr_assert_null(make_class("B", ft_tuple_pack(1, &ft_bool_type), NULL));
    cr_assert_str_eq(error_text(), "type 'bool' is not an acceptable base type");
    cr_assert_null(make_class("D", ft_tuple_pack(2, &ft_list_type, &ft_dict_type), NULL));
    cr_assert_str_eq(error_text(), "multiple bases have instance lay-out conflict");
}

Test(typesys, c3_mro) {
    FtObject *O = make_class("O", NULL, NULL);
    FtObject *X = make_class("X", ft_tuple_pack(1, O), NULL);
    FtObject *Y = make_class("Y", ft_tuple_pack(1, O), NULL);
    FtObject *Z = make_class("Z", ft_tuple_pack(2, X, Y), NULL);
    FtObject *mro = ((FtType *)Z)->tp_mro;
    cr_assert_eq(FT_SIZE(mro), 5);
    cr_assert_eq(FT_TUPLE_GET(mro, 1), X);
    cr_assert_eq(FT_TUPLE_GET(mro, 2), Y);
    cr_assert_eq(FT_TUPLE_GET(mro, 3), O);
    cr_assert_null(make_class("Bad", ft_tuple_pack(2, O, X), NULL));
    cr_assert_str_eq(error_text(),
                     "Cannot create a consistent method resolution\norder (MRO) for bases O, X");
}

Test(typesys, lookup_cache_invalidation) {
    FtObject *A = make_class("A", NULL, NULL);
    FtObject *B = make_class("B", ft_tuple_pack(1, A), NULL);
    FtObject *name = S("attr");
    cr_assert_null(ft_type_lookup((FtType *)B, name));
    cr_assert_eq(ft_object_setattr(A, name, ft_int_from_i64(1)), 0);
    cr_assert_str_eq(repr_of(ft_type_lookup((FtType *)B, name)), "1");
    cr_assert_eq(ft_object_setattr(A, name, ft_int_from_i64(2)), 0);
    cr_assert_str_eq(repr_of(ft_type_lookup((FtType *)B, name)), "2");
    cr_assert_eq(ft_object_setattr(B, name, ft_int_from_i64(3)), 0);
    cr_assert_str_eq(repr_of(ft_type_lookup((FtType *)B, name)), "3");
    cr_assert_eq(ft_object_setattr(A, name, NULL), 0);
    cr_assert_null(ft_type_lookup((FtType *)A, name));
}

Test(typesys, protocol_errors) {
    FtObject *one = ft_int_from_i64(1), *s = ft_str_from_cstr("a");
    cr_assert_null(ft_number_binop(one, s, FT_BINOP_ADD));
    cr_assert_str_eq(error_text(), "unsupported operand type(s) for +: 'int' and 'str'");
    cr_assert_null(ft_number_binop(one, s, FT_BINOP_POWER));
    cr_assert_str_eq(error_text(), "unsupported operand type(s) for ** or pow(): 'int' and 'str'");
    cr_assert_null(ft_number_negative(s));
    cr_assert_str_eq(error_text(), "bad operand type for unary -: 'str'");
    cr_assert_null(ft_object_richcompare(one, s, FT_LT));
    cr_assert_str_eq(error_text(), "'<' not supported between instances of 'int' and 'str'");
    cr_assert_null(ft_object_getitem(one, one));
    cr_assert_str_eq(error_text(), "'int' object is not subscriptable");
    cr_assert_eq(ft_object_length(one), -1);
    cr_assert_str_eq(error_text(), "object of type 'int' has no len()");
    cr_assert_null(ft_object_getiter(one));
    cr_assert_str_eq(error_text(), "'int' object is not iterable");
    cr_assert_null(ft_object_call_noargs(one));
    cr_assert_str_eq(error_text(), "'int' object is not callable");
    cr_assert_null(ft_number_index(ft_float_from_double(1.5)));
    cr_assert_str_eq(error_text(), "'float' object cannot be interpreted as an integer");
    cr_assert_eq(ft_object_hash(ft_list_new(0)), -1);
    cr_assert_str_eq(error_text(), "unhashable type: 'list'");
}

Test(typesys, parse_args) {
    static const char *const kwlist[] = {"a", "b", "c", NULL};
    FtObject *out[3];
    FtObject *args[3] = {FT_NONE, FT_TRUE, FT_FALSE};
    cr_assert_eq(ft_parse_args("f", args, 1, NULL, kwlist, 0, -1, 1, out), 0);
    cr_assert_eq(out[0], FT_NONE);
    cr_assert_null(out[1]);
    cr_assert_eq(ft_parse_args("f", args, 0, NULL, kwlist, 0, -1, 1, out), -1);
    cr_assert_str_eq(error_text(), "f() missing required argument 'a' (pos 1)");
    FtObject *kw = ft_tuple_pack(1, S("d"));
    cr_assert_eq(ft_parse_args("f", args, 1, kw, kwlist, 0, -1, 1, out), -1);
    cr_assert_str_eq(error_text(), "'d' is an invalid keyword argument for f()");
    cr_assert_eq(ft_check_nargs("pop", 3, 0, 1), -1);
    cr_assert_str_eq(error_text(), "pop expected at most 1 argument, got 3");
}
