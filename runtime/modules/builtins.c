/* The builtins module (ft_builtins_module_def): the built-in functions, the built-in types and
 * constants, and every exception class by name. Messages are CPython 3.11's. */
#include "core/compiler/compile.h"
#include "runtime/run.h"
#include "runtime/import.h"
#include "runtime/modules/stdio.h"
#include "runtime/tstate.h"
#include <string.h>

static int check_attr_name(FtObject *name) {
    if (!ft_str_check(name)) {
        ft_err_format(ft_exc_TypeError, "attribute name must be string, not '%s'",
                      ft_type_short_name(FT_TYPE(name)));
        return -1;
    }
    return 0;
}

/* ---- simple functions ------------------------------------------------------------------ */

static FtObject *builtin_abs(FtObject *m, FtObject *x) { return ft_number_absolute(x); }

static FtObject *all_any(FtObject *iterable, int want) {
    FtObject *it = ft_object_getiter(iterable);
    if (it == NULL)
        return NULL;
    FtObject *item;
    while ((item = ft_iter_next(it)) != NULL) {
        int t = ft_object_is_true(item);
        FT_DECREF(item);
        if (t < 0) {
            FT_DECREF(it);
            return NULL;
        }
        if (t == want) {
            FT_DECREF(it);
            return ft_bool_from(want);
        }
    }
    FT_DECREF(it);
    if (ft_err_occurred())
        return NULL;
    return ft_bool_from(!want);
}

static FtObject *builtin_all(FtObject *m, FtObject *x) { return all_any(x, 0); }
static FtObject *builtin_any(FtObject *m, FtObject *x) { return all_any(x, 1); }
static FtObject *builtin_ascii(FtObject *m, FtObject *x) { return ft_object_ascii(x); }

static FtObject *int_to_base(FtObject *x, int base) {
    FtObject *i = ft_number_index(x);
    if (i == NULL)
        return NULL;
    FtObject *r = ft_int_to_string(i, base);
    FT_DECREF(i);
    return r;
}
static FtObject *builtin_bin(FtObject *m, FtObject *x) { return int_to_base(x, 2); }
static FtObject *builtin_oct(FtObject *m, FtObject *x) { return int_to_base(x, 8); }
static FtObject *builtin_hex(FtObject *m, FtObject *x) { return int_to_base(x, 16); }

static FtObject *builtin_callable(FtObject *m, FtObject *x) {
    return ft_bool_from(ft_callable_check(x));
}

/* An int argument that must fit a C int ("'str' object cannot be interpreted as an integer"). */
static int c_int_arg(FtObject *o, int64_t *out) {
    FtObject *i = ft_number_index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    *out = ft_int_as_i64(i, &overflow);
    FT_DECREF(i);
    if (overflow || *out > INT32_MAX || *out < INT32_MIN) {
        ft_err_set_string(ft_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return 0;
}

static FtObject *builtin_chr(FtObject *m, FtObject *x) {
    int64_t v;
    if (c_int_arg(x, &v) < 0)
        return NULL;
    if (v < 0 || v > 0x10FFFF) {
        ft_err_set_string(ft_exc_ValueError, "chr() arg not in range(0x110000)");
        return NULL;
    }
    return ft_str_from_char((uint32_t)v);
}

static FtObject *builtin_ord(FtObject *m, FtObject *c) {
    if (ft_str_check(c)) {
        if (FT_STR_LEN(c) == 1)
            return ft_int_from_i64(ft_str_read(c, 0));
        return ft_err_format(ft_exc_TypeError,
                             "ord() expected a character, but string of length %zd found",
                             FT_STR_LEN(c));
    }
    if (ft_bytes_check(c) || ft_bytearray_check(c)) {
        const char *data;
        ssize_t len;
        if (ft_bytes_like_get(c, &data, &len) < 0)
            return NULL;
        if (len == 1)
            return ft_int_from_i64((uint8_t)data[0]);
        return ft_err_format(ft_exc_TypeError,
                             "ord() expected a character, but string of length %zd found", len);
    }
    return ft_err_format(ft_exc_TypeError, "ord() expected string of length 1, but %s found",
                         ft_type_short_name(FT_TYPE(c)));
}

static FtObject *builtin_delattr(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("delattr", nargs, 2, 2) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    if (ft_object_setattr(args[0], args[1], NULL) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *builtin_setattr(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("setattr", nargs, 3, 3) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    if (ft_object_setattr(args[0], args[1], args[2]) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *builtin_getattr(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("getattr", nargs, 2, 3) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    if (nargs == 2)
        return ft_object_getattr(args[0], args[1]);
    FtObject *r;
    int found = ft_object_lookup_attr(args[0], args[1], &r);
    if (found < 0)
        return NULL;
    return found ? r : FT_NEWREF(args[2]);
}

static FtObject *builtin_hasattr(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("hasattr", nargs, 2, 2) < 0 || check_attr_name(args[1]) < 0)
        return NULL;
    FtObject *r;
    int found = ft_object_lookup_attr(args[0], args[1], &r);
    if (found < 0)
        return NULL;
    FT_XDECREF(r);
    return ft_bool_from(found);
}

static FtObject *sorted_keys(FtObject *mapping) {
    FtObject *keys = ft_dict_check(mapping) ? ft_dict_keys_list(mapping) : ft_mapping_keys(mapping);
    if (keys == NULL)
        return NULL;
    if (ft_list_sort(keys, NULL, 0) < 0) {
        FT_DECREF(keys);
        return NULL;
    }
    return keys;
}

static FtObject *builtin_dir(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("dir", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 1)
        return ft_object_dir(args[0]);
    FtObject *locals = ft_vm_locals();
    if (locals == NULL)
        return NULL;
    FtObject *r = sorted_keys(locals);
    FT_DECREF(locals);
    return r;
}

static FtObject *builtin_divmod(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("divmod", nargs, 2, 2) < 0)
        return NULL;
    return ft_number_divmod(args[0], args[1]);
}

static FtObject *builtin_format(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("format", nargs, 1, 2) < 0)
        return NULL;
    FtObject *spec = nargs == 2 ? args[1] : NULL;
    if (spec != NULL && !ft_str_check(spec))
        return ft_err_format(ft_exc_TypeError, "format() argument 2 must be str, not %s",
                             ft_type_short_name(FT_TYPE(spec)));
    return ft_object_format(args[0], spec);
}

static FtObject *builtin_globals(FtObject *m, FtObject *unused) {
    FtObject *g = ft_vm_globals();
    return FT_NEWREF(g ? g : FT_NONE);
}

static FtObject *builtin_locals(FtObject *m, FtObject *unused) { return ft_vm_locals(); }

static FtObject *builtin_hash(FtObject *m, FtObject *x) {
    ft_hash_t h = ft_object_hash(x);
    if (h == -1 && ft_err_occurred())
        return NULL;
    return ft_int_from_i64(h);
}

static FtObject *builtin_id(FtObject *m, FtObject *x) {
    return ft_int_from_u64((uint64_t)(uintptr_t)x);
}

static FtObject *builtin_isinstance(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("isinstance", nargs, 2, 2) < 0)
        return NULL;
    int r = ft_object_isinstance(args[0], args[1]);
    return r < 0 ? NULL : ft_bool_from(r);
}

static FtObject *builtin_issubclass(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("issubclass", nargs, 2, 2) < 0)
        return NULL;
    int r = ft_object_issubclass(args[0], args[1]);
    return r < 0 ? NULL : ft_bool_from(r);
}

static FtObject *builtin_iter(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("iter", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1)
        return ft_object_getiter(args[0]);
    if (!ft_callable_check(args[0])) {
        ft_err_set_string(ft_exc_TypeError, "iter(v, w): v must be callable");
        return NULL;
    }
    return ft_calliter_new(args[0], args[1]);
}

static FtObject *builtin_len(FtObject *m, FtObject *x) {
    ssize_t n = ft_object_length(x);
    if (n < 0)
        return NULL;
    return ft_int_from_ssize(n);
}

static FtObject *builtin_next(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("next", nargs, 1, 2) < 0)
        return NULL;
    FtObject *it = args[0];
    if (FT_TYPE(it)->tp_iternext == NULL)
        return ft_err_format(ft_exc_TypeError, "'%s' object is not an iterator",
                             ft_type_short_name(FT_TYPE(it)));
    FtObject *r = FT_TYPE(it)->tp_iternext(it);
    if (r != NULL)
        return r;
    if (ft_err_occurred()) {
        if (nargs < 2 || !ft_err_matches(ft_exc_StopIteration))
            return NULL;
        ft_err_clear();
    }
    if (nargs == 2)
        return FT_NEWREF(args[1]);
    ft_err_set_none(ft_exc_StopIteration);
    return NULL;
}

/* Call type(o).name(o): NULL with *found = 0 when the type has no such method. */
static FtObject *call_type_method(FtObject *o, const char *name, int *found) {
    FtObject *meth = ft_type_lookup_cstr(FT_TYPE(o), name);
    *found = meth != NULL;
    if (meth == NULL)
        return NULL;
    FT_INCREF(meth);
    FtObject *r = ft_object_vectorcall(meth, &o, 1, NULL);
    FT_DECREF(meth);
    return r;
}

static FtObject *builtin_aiter(FtObject *m, FtObject *x) {
    int found;
    FtObject *it = call_type_method(x, "__aiter__", &found);
    if (!found)
        return ft_err_format(ft_exc_TypeError, "'%s' object is not an async iterable",
                             ft_type_short_name(FT_TYPE(x)));
    if (it != NULL && ft_type_lookup_cstr(FT_TYPE(it), "__anext__") == NULL) {
        ft_err_format(ft_exc_TypeError, "aiter() returned not an async iterator of type '%s'",
                      ft_type_short_name(FT_TYPE(it)));
        FT_CLEAR(it);
    }
    return it;
}

/* anext(aiterator[, default]): the awaitable of aiterator.__anext__(); with a default, one
 * that gives the default instead of raising StopAsyncIteration (core/objects/anext.c). */
static FtObject *builtin_anext(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("anext", nargs, 1, 2) < 0)
        return NULL;
    int found;
    FtObject *awaitable = call_type_method(args[0], "__anext__", &found);
    if (!found)
        return ft_err_format(ft_exc_TypeError, "'%s' object is not an async iterator",
                             ft_type_short_name(FT_TYPE(args[0])));
    if (awaitable == NULL || nargs == 1)
        return awaitable;
    FtObject *r = ft_anext_awaitable_new(awaitable, args[1]);
    FT_DECREF(awaitable);
    return r;
}

static FtObject *builtin_pow(FtObject *m, FtObject *const *args, ssize_t nargs, FtObject *kwnames) {
    static const char *const kwlist[] = {"base", "exp", "mod", NULL};
    FtObject *a[3];
    if (ft_parse_args("pow", args, nargs, kwnames, kwlist, 0, -1, 2, a) < 0)
        return NULL;
    return ft_number_power(a[0], a[1], a[2] ? a[2] : FT_NONE);
}

static FtObject *builtin_repr(FtObject *m, FtObject *x) { return ft_object_repr(x); }

static FtObject *builtin_round(FtObject *m, FtObject *const *args, ssize_t nargs,
                               FtObject *kwnames) {
    static const char *const kwlist[] = {"number", "ndigits", NULL};
    FtObject *a[2];
    if (ft_parse_args("round", args, nargs, kwnames, kwlist, 0, -1, 1, a) < 0)
        return NULL;
    FtObject *meth = ft_type_lookup(FT_TYPE(a[0]), FT_ID(__round__));
    if (meth == NULL)
        return ft_err_format(ft_exc_TypeError, "type %s doesn't define __round__ method",
                             ft_type_short_name(FT_TYPE(a[0])));
    if (a[1] == NULL || a[1] == FT_NONE)
        return ft_object_call_method(a[0], FT_ID(__round__), NULL, 0);
    return ft_object_call_method(a[0], FT_ID(__round__), &a[1], 1);
}

static FtObject *builtin_sorted(FtObject *m, FtObject *const *args, ssize_t nargs,
                                FtObject *kwnames) {
    if (ft_check_nargs("sorted", nargs, 1, 1) < 0)
        return NULL;
    static const char *const kwlist[] = {"", "key", "reverse", NULL};
    FtObject *a[3];
    if (ft_parse_args("sort", args, nargs, kwnames, kwlist, 1, 1, 1, a) < 0)
        return NULL;
    int reverse = 0;
    if (a[2] != NULL) {
        if (ft_float_check(a[2])) {
            ft_err_set_string(ft_exc_TypeError,
                              "'float' object cannot be interpreted as an integer");
            return NULL;
        }
        int64_t rv;
        if (c_int_arg(a[2], &rv) < 0)
            return NULL;
        reverse = rv != 0;
    }
    FtObject *list = ft_sequence_list(a[0]);
    if (list == NULL)
        return NULL;
    FtObject *key = a[1] == FT_NONE ? NULL : a[1];
    if (ft_list_sort(list, key, reverse) < 0) {
        FT_DECREF(list);
        return NULL;
    }
    return list;
}

static FtObject *builtin_vars(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("vars", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return ft_vm_locals();
    FtObject *d;
    int r = ft_object_lookup_attr(args[0], FT_ID(__dict__), &d);
    if (r == 0)
        ft_err_set_string(ft_exc_TypeError, "vars() argument must have __dict__ attribute");
    return r > 0 ? d : NULL;
}

/* ---- min / max ------------------------------------------------------------------------- */

static FtObject *min_max(FtObject *const *args, ssize_t nargs, FtObject *kwnames, int op,
                         const char *name) {
    FtObject *key = NULL, *dflt = NULL;
    ssize_t nkw = kwnames ? FT_SIZE(kwnames) : 0;
    for (ssize_t i = 0; i < nkw; i++) {
        FtObject *k = FT_TUPLE_GET(kwnames, i);
        if (ft_str_eq_cstr(k, "key"))
            key = args[nargs + i];
        else if (ft_str_eq_cstr(k, "default"))
            dflt = args[nargs + i];
        else
            return ft_err_format(ft_exc_TypeError, "'%U' is an invalid keyword argument for %s()",
                                 k, name);
    }
    if (nargs == 0)
        return ft_err_format(ft_exc_TypeError, "%s expected at least 1 argument, got 0", name);
    if (nargs > 1 && dflt != NULL)
        return ft_err_format(ft_exc_TypeError, "Cannot specify a default for %s() with multiple "
                             "positional arguments", name);
    if (key == FT_NONE)
        key = NULL;
    FtObject *it = NULL;
    if (nargs == 1) {
        it = ft_object_getiter(args[0]);
        if (it == NULL)
            return NULL;
    }
    FtObject *best = NULL, *bestkey = NULL;
    for (ssize_t i = 0;; i++) {
        FtObject *item;
        if (it != NULL) {
            item = ft_iter_next(it);
            if (item == NULL) {
                if (ft_err_occurred())
                    goto error;
                break;
            }
        } else {
            if (i >= nargs)
                break;
            item = FT_NEWREF(args[i]);
        }
        FtObject *ik = item;
        if (key != NULL) {
            ik = ft_object_call_one(key, item);
            if (ik == NULL) {
                FT_DECREF(item);
                goto error;
            }
        } else {
            FT_INCREF(ik);
        }
        if (best == NULL) {
            best = item;
            bestkey = ik;
            continue;
        }
        int c = ft_object_richcompare_bool(ik, bestkey, op);
        if (c < 0) {
            FT_DECREF(item);
            FT_DECREF(ik);
            goto error;
        }
        if (c) {
            FT_SETREF(best, item);
            FT_SETREF(bestkey, ik);
        } else {
            FT_DECREF(item);
            FT_DECREF(ik);
        }
    }
    FT_XDECREF(it);
    FT_XDECREF(bestkey);
    if (best == NULL) {
        if (dflt != NULL)
            return FT_NEWREF(dflt);
        return ft_err_format(ft_exc_ValueError, "%s() arg is an empty sequence", name);
    }
    return best;
error:
    FT_XDECREF(it);
    FT_XDECREF(best);
    FT_XDECREF(bestkey);
    return NULL;
}

static FtObject *builtin_max(FtObject *m, FtObject *const *args, ssize_t nargs, FtObject *kw) {
    return min_max(args, nargs, kw, FT_GT, "max");
}
static FtObject *builtin_min(FtObject *m, FtObject *const *args, ssize_t nargs, FtObject *kw) {
    return min_max(args, nargs, kw, FT_LT, "min");
}

/* ---- sum ----------------------------------------------------------------------------------- */

static FtObject *builtin_sum(FtObject *m, FtObject *const *args, ssize_t nargs,
                             FtObject *kwnames) {
    static const char *const kwlist[] = {"", "start", NULL};
    FtObject *a[2];
    if (nargs == 0) {
        ft_err_set_string(ft_exc_TypeError, "sum() takes at least 1 positional argument (0 given)");
        return NULL;
    }
    if (ft_parse_args("sum", args, nargs, kwnames, kwlist, 1, -1, 1, a) < 0)
        return NULL;
    FtObject *result = a[1];
    if (result == NULL) {
        result = ft_int_from_i64(0);
    } else {
        if (ft_str_check(result)) {
            ft_err_set_string(ft_exc_TypeError, "sum() can't sum strings [use ''.join(seq) instead]");
            return NULL;
        }
        if (ft_bytes_check(result)) {
            ft_err_set_string(ft_exc_TypeError, "sum() can't sum bytes [use b''.join(seq) instead]");
            return NULL;
        }
        if (ft_bytearray_check(result)) {
            ft_err_set_string(ft_exc_TypeError,
                              "sum() can't sum bytearray [use b''.join(seq) instead]");
            return NULL;
        }
        FT_INCREF(result);
    }
    FtObject *it = ft_object_getiter(a[0]);
    if (it == NULL) {
        FT_DECREF(result);
        return NULL;
    }
    FtObject *item = NULL;
    /* As CPython 3.11: a fast path for ints while the total fits in 64 bits; the first item
     * that does not fit is added generically, and if that makes a float, a fast path for
     * floats follows (plain double addition, ints converted), then the general loop. */
    if (ft_int_check_exact(result) && ft_int_is_compact(result)) {
        int64_t total = ft_int_compact_value(result);
        for (;;) {
            item = ft_iter_next(it);
            if (item == NULL)
                break;
            if ((ft_int_check_exact(item) || ft_bool_check(item)) && ft_int_is_compact(item)) {
                int64_t v = ft_int_compact_value(item), sum;
                if (!__builtin_add_overflow(total, v, &sum)) {
                    total = sum;
                    FT_DECREF(item);
                    continue;
                }
            }
            break;
        }
        FT_DECREF(result);
        result = ft_int_from_i64(total);
        if (result != NULL && item != NULL) {
            FtObject *r = ft_number_binop(result, item, FT_BINOP_ADD);
            FT_DECREF(result);
            result = r;
        } else if (result != NULL && ft_err_occurred()) {
            FT_CLEAR(result);
        }
        if (item == NULL || result == NULL) {
            FT_XDECREF(item);
            FT_DECREF(it);
            return result;
        }
        FT_CLEAR(item);
    }
    if (ft_float_check_exact(result)) {
        double total = FT_FLOAT_VALUE(result);
        for (;;) {
            item = ft_iter_next(it);
            if (item == NULL)
                break;
            if (ft_float_check_exact(item)) {
                total += FT_FLOAT_VALUE(item);
                FT_DECREF(item);
                continue;
            }
            if (ft_int_check(item) && ft_int_is_compact(item)) {
                total += (double)ft_int_compact_value(item);
                FT_DECREF(item);
                continue;
            }
            break;
        }
        FT_DECREF(result);
        result = ft_float_from_double(total);
        if (result == NULL || (item == NULL && ft_err_occurred())) {
            FT_XDECREF(item);
            FT_XDECREF(result);
            FT_DECREF(it);
            return NULL;
        }
        if (item == NULL) {
            FT_DECREF(it);
            return result;
        }
    }
    /* General case. */
    for (;;) {
        if (item == NULL) {
            item = ft_iter_next(it);
            if (item == NULL)
                break;
        }
        FtObject *r = ft_number_binop(result, item, FT_BINOP_ADD);
        FT_CLEAR(item);
        FT_DECREF(result);
        result = r;
        if (result == NULL)
            break;
    }
    FT_DECREF(it);
    if (result != NULL && ft_err_occurred())
        FT_CLEAR(result);
    return result;
}

/* ---- print and input ------------------------------------------------------------------- */

static int write_to(FtObject *file, FtObject *s) {
    if (ft_stdio_check(file)) {
        ssize_t len;
        const char *u = ft_str_as_utf8_len(s, &len);
        if (u == NULL)
            return -1;
        return ft_stdio_write_utf8(file, u, len);
    }
    FtObject *r = ft_object_call_method(file, FT_ID(write), &s, 1);
    if (r == NULL)
        return -1;
    FT_DECREF(r);
    return 0;
}

static FtObject *builtin_print(FtObject *m, FtObject *const *args, ssize_t nargs,
                               FtObject *kwnames) {
    FtObject *sep = NULL, *end = NULL, *file = NULL, *flush = NULL;
    ssize_t nkw = kwnames ? FT_SIZE(kwnames) : 0;
    for (ssize_t i = 0; i < nkw; i++) {
        FtObject *k = FT_TUPLE_GET(kwnames, i), *v = args[nargs + i];
        if (ft_str_eq_cstr(k, "sep"))
            sep = v;
        else if (ft_str_eq_cstr(k, "end"))
            end = v;
        else if (ft_str_eq_cstr(k, "file"))
            file = v;
        else if (ft_str_eq_cstr(k, "flush"))
            flush = v;
        else
            return ft_err_format(ft_exc_TypeError,
                                 "'%U' is an invalid keyword argument for print()", k);
    }
    FtObject *stdout_ref = NULL; /* new reference: another thread may rebind sys.stdout */
    if (file == NULL || file == FT_NONE) {
        file = stdout_ref = ft_dict_get_ref_cstr(ft_runtime.sys_dict, "stdout");
        if (file == NULL) {
            ft_err_set_string(ft_exc_RuntimeError, "lost sys.stdout");
            return NULL;
        }
        if (file == FT_NONE) {
            FT_DECREF(stdout_ref);
            FT_RETURN_NONE;
        }
    }
    if (sep == FT_NONE)
        sep = NULL;
    else if (sep != NULL && !ft_str_check(sep)) {
        FT_XDECREF(stdout_ref);
        return ft_err_format(ft_exc_TypeError, "sep must be None or a string, not %s",
                             ft_type_short_name(FT_TYPE(sep)));
    }
    if (end == FT_NONE)
        end = NULL;
    else if (end != NULL && !ft_str_check(end)) {
        FT_XDECREF(stdout_ref);
        return ft_err_format(ft_exc_TypeError, "end must be None or a string, not %s",
                             ft_type_short_name(FT_TYPE(end)));
    }
    if (stdout_ref == NULL)
        FT_INCREF(file); /* a write may rebind sys.stdout */
    for (ssize_t i = 0; i < nargs; i++) {
        if (i > 0) {
            int r;
            if (sep == NULL) {
                FtObject *space = ft_str_from_char(' ');
                r = space ? write_to(file, space) : -1;
                FT_XDECREF(space);
            } else {
                r = write_to(file, sep);
            }
            if (r < 0)
                goto error;
        }
        FtObject *s = ft_str_check_exact(args[i]) ? FT_NEWREF(args[i]) : ft_object_str(args[i]);
        if (s == NULL)
            goto error;
        int r = write_to(file, s);
        FT_DECREF(s);
        if (r < 0)
            goto error;
    }
    {
        int r;
        if (end == NULL) {
            FtObject *nl = ft_str_from_char('\n');
            r = nl ? write_to(file, nl) : -1;
            FT_XDECREF(nl);
        } else {
            r = write_to(file, end);
        }
        if (r < 0)
            goto error;
    }
    if (flush != NULL) {
        int t = ft_object_is_true(flush);
        if (t < 0)
            goto error;
        if (t) {
            if (ft_stdio_check(file)) {
                if (ft_stdio_flush(file) < 0)
                    goto error;
            } else {
                FtObject *r = ft_object_call_method(file, FT_ID(flush), NULL, 0);
                if (r == NULL)
                    goto error;
                FT_DECREF(r);
            }
        }
    }
    FT_DECREF(file);
    FT_RETURN_NONE;
error:
    FT_DECREF(file);
    return NULL;
}

static FtObject *builtin_input(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("input", nargs, 0, 1) < 0)
        return NULL;
    /* New references: the calls below (or another thread) may rebind the sys streams. */
    FtObject *in = ft_dict_get_ref_cstr(ft_runtime.sys_dict, "stdin");
    FtObject *out = ft_dict_get_ref_cstr(ft_runtime.sys_dict, "stdout");
    FtObject *err = ft_dict_get_ref_cstr(ft_runtime.sys_dict, "stderr");
    FtObject *line = NULL;
    if (in == NULL || in == FT_NONE) {
        ft_err_set_string(ft_exc_RuntimeError, "input(): lost sys.stdin");
        goto streams_done;
    }
    if (out == NULL || out == FT_NONE) {
        ft_err_set_string(ft_exc_RuntimeError, "input(): lost sys.stdout");
        goto streams_done;
    }
    /* CPython flushes stderr first, then writes the prompt and flushes stdout. */
    if (err != NULL && err != FT_NONE) {
        FtObject *r = ft_object_call_method(err, FT_ID(flush), NULL, 0);
        if (r == NULL)
            ft_err_clear();
        FT_XDECREF(r);
    }
    if (nargs == 1 && args[0] != FT_NONE) {
        FtObject *p = ft_object_str(args[0]);
        if (p == NULL)
            goto streams_done;
        int r = write_to(out, p);
        FT_DECREF(p);
        if (r < 0)
            goto streams_done;
    }
    FtObject *r = ft_object_call_method(out, FT_ID(flush), NULL, 0);
    if (r == NULL)
        goto streams_done;
    FT_DECREF(r);
    line = ft_object_call_method(in, FT_ID(readline), NULL, 0);
streams_done:
    FT_XDECREF(in);
    FT_XDECREF(out);
    FT_XDECREF(err);
    if (line == NULL)
        return NULL;
    if (!ft_str_check(line)) {
        FT_DECREF(line);
        ft_err_set_string(ft_exc_TypeError, "object.readline() returned non-string");
        return NULL;
    }
    ssize_t len = FT_STR_LEN(line);
    if (len == 0) {
        FT_DECREF(line);
        ft_err_set_string(ft_exc_EOFError, "EOF when reading a line");
        return NULL;
    }
    if (ft_str_read(line, len - 1) == '\n') {
        FtObject *s = ft_str_substring(line, 0, len - 1);
        FT_DECREF(line);
        return s;
    }
    return line;
}

/* ---- compile, eval, exec ------------------------------------------------------------------ */

/* Source text of a str/bytes argument; NULL (no error) when it is neither. */
static const char *source_text(FtObject *src, ssize_t *len, int *failed) {
    *failed = 0;
    if (ft_str_check(src)) {
        const char *s = ft_str_as_utf8_len(src, len);
        if (s == NULL)
            *failed = 1;
        return s;
    }
    if (ft_bytes_check(src) || ft_bytearray_check(src)) {
        const char *s;
        if (ft_bytes_like_get(src, &s, len) < 0) {
            *failed = 1;
            return NULL;
        }
        return s;
    }
    return NULL;
}

static FtObject *compile_text(const char *s, ssize_t len, FtObject *filename, int mode, int flags) {
    if ((ssize_t)strnlen(s, (size_t)len) != len) {
        ft_err_set_string(ft_exc_SyntaxError, "source code string cannot contain null bytes");
        return NULL;
    }
    return ft_compile_source(s, len, filename, mode, flags);
}

static FtObject *builtin_compile(FtObject *m, FtObject *const *args, ssize_t nargs,
                                 FtObject *kwnames) {
    static const char *const kwlist[] = {"source", "filename", "mode", "flags", "dont_inherit",
                                         "optimize", "_feature_version", NULL};
    FtObject *a[7];
    if (ft_parse_args("compile", args, nargs, kwnames, kwlist, 0, 6, 3, a) < 0)
        return NULL;
    FtObject *filename = a[1];
    if (ft_bytes_check(filename)) {
        filename = ft_str_from_utf8(FT_BYTES_DATA(filename), FT_SIZE(filename));
        if (filename == NULL)
            return NULL;
    } else if (ft_str_check(filename)) {
        FT_INCREF(filename);
    } else {
        return ft_err_format(ft_exc_TypeError, "expected str, bytes or os.PathLike object, not %s",
                             ft_type_short_name(FT_TYPE(filename)));
    }
    FtObject *result = NULL;
    int mode;
    if (!ft_str_check(a[2])) {
        ft_err_format(ft_exc_TypeError, "compile() argument 'mode' must be str, not %s",
                      ft_type_short_name(FT_TYPE(a[2])));
        goto done;
    }
    if (ft_str_eq_cstr(a[2], "exec"))
        mode = FT_MODE_EXEC;
    else if (ft_str_eq_cstr(a[2], "eval"))
        mode = FT_MODE_EVAL;
    else if (ft_str_eq_cstr(a[2], "single"))
        mode = FT_MODE_SINGLE;
    else {
        ft_err_set_string(ft_exc_ValueError, "compile() mode must be 'exec', 'eval' or 'single'");
        goto done;
    }
    int64_t flags = 0;
    if (a[3] != NULL && c_int_arg(a[3], &flags) < 0)
        goto done;
    if (flags & 0x400) { /* PyCF_ONLY_AST: what ast.parse asks for; ask it back */
        FtObject *ast = ft_import_cstr("ast");
        if (ast) {
            FtObject *pargs[3] = {a[0], filename, a[2]};
            result = ft_object_call_method_cstr(ast, "parse", pargs, 3);
            FT_DECREF(ast);
        }
        goto done;
    }
    ssize_t len;
    int failed;
    const char *s = source_text(a[0], &len, &failed);
    if (s == NULL) {
        if (!failed)
            ft_err_set_string(ft_exc_TypeError,
                              "compile() arg 1 must be a string, bytes or AST object");
        goto done;
    }
    int64_t optimize = -1;
    if (a[5] != NULL && c_int_arg(a[5], &optimize) < 0)
        goto done;
    if (optimize < -1 || optimize > 2) {
        ft_err_set_string(ft_exc_ValueError, "compile(): invalid optimize value");
        goto done;
    }
    result = compile_text(s, len, filename, mode, (int)flags | ft_optimize_flags((int)optimize));
done:
    FT_DECREF(filename);
    return result;
}

/* eval/exec: globals and locals defaults and checks; new references in *g and *l. */
static int eval_namespaces(const char *fname, FtObject *globals, FtObject *locals, FtObject **g,
                           FtObject **l) {
    int is_exec = fname[0] == 'x';
    if (globals == FT_NONE)
        globals = NULL;
    if (locals == FT_NONE)
        locals = NULL;
    if (globals != NULL && !ft_dict_check(globals)) {
        if (is_exec)
            ft_err_format(ft_exc_TypeError, "exec() globals must be a dict, not %s",
                          ft_type_short_name(FT_TYPE(globals)));
        else
            ft_err_set_string(ft_exc_TypeError, ft_object_hasattr(globals, FT_ID(__getitem__)) ?
                              "globals must be a real dict; try eval(expr, {}, mapping)" :
                              "globals must be a dict");
        return -1;
    }
    if (locals != NULL && FT_TYPE(locals)->tp_as_mapping == NULL &&
        !ft_object_hasattr(locals, FT_ID(__getitem__))) {
        if (is_exec)
            ft_err_format(ft_exc_TypeError, "locals must be a mapping or None, not %s",
                          ft_type_short_name(FT_TYPE(locals)));
        else
            ft_err_set_string(ft_exc_TypeError, "locals must be a mapping");
        return -1;
    }
    if (globals == NULL) {
        globals = ft_vm_globals();
        if (globals == NULL) {
            ft_err_set_string(ft_exc_SystemError, "globals and locals cannot be NULL");
            return -1;
        }
        FT_INCREF(globals);
        if (locals == NULL) {
            locals = ft_vm_locals();
            if (locals == NULL) {
                FT_DECREF(globals);
                return -1;
            }
        } else {
            FT_INCREF(locals);
        }
    } else {
        FT_INCREF(globals);
        if (locals == NULL)
            locals = globals;
        FT_INCREF(locals);
    }
    if (ft_dict_get_cstr(globals, "__builtins__") == NULL &&
        ft_dict_set_cstr(globals, "__builtins__", ft_runtime.builtins) < 0) {
        FT_DECREF(globals);
        FT_DECREF(locals);
        return -1;
    }
    *g = globals;
    *l = locals;
    return 0;
}

static FtObject *eval_or_exec(FtObject *src, FtObject *globals, FtObject *locals, int mode) {
    const char *fname = mode == FT_MODE_EVAL ? "eval" : "exec";
    FtObject *g, *l;
    if (eval_namespaces(mode == FT_MODE_EVAL ? "eval" : "xexec", globals, locals, &g, &l) < 0)
        return NULL;
    FtObject *code = NULL, *result = NULL;
    if (ft_code_check(src)) {
        if (((FtCode *)src)->nfrees > 0) {
            ft_err_format(ft_exc_TypeError,
                          "code object passed to %s() may not contain free variables", fname);
            goto done;
        }
        code = FT_NEWREF(src);
    } else {
        ssize_t len;
        int failed;
        const char *s = source_text(src, &len, &failed);
        if (s == NULL) {
            if (!failed)
                ft_err_format(ft_exc_TypeError, "%s() arg 1 must be a string, bytes or code object",
                              fname);
            goto done;
        }
        if (mode == FT_MODE_EVAL) {
            /* eval() ignores leading spaces and tabs */
            while (len > 0 && (*s == ' ' || *s == '\t')) {
                s++;
                len--;
            }
        }
        FtObject *filename = ft_str_from_cstr("<string>");
        if (filename == NULL)
            goto done;
        code = compile_text(s, len, filename, mode, 0);
        FT_DECREF(filename);
        if (code == NULL)
            goto done;
    }
    result = ft_eval_code(code, g, l);
done:
    FT_XDECREF(code);
    FT_DECREF(g);
    FT_DECREF(l);
    return result;
}

static FtObject *builtin_eval(FtObject *m, FtObject *const *args, ssize_t nargs,
                              FtObject *kwnames) {
    static const char *const kwlist[] = {"", "globals", "locals", NULL};
    FtObject *a[3];
    if (ft_parse_args("eval", args, nargs, kwnames, kwlist, 1, -1, 1, a) < 0)
        return NULL;
    return eval_or_exec(a[0], a[1], a[2], FT_MODE_EVAL);
}

static FtObject *builtin_exec(FtObject *m, FtObject *const *args, ssize_t nargs,
                              FtObject *kwnames) {
    static const char *const kwlist[] = {"", "globals", "locals", "closure", NULL};
    FtObject *a[4];
    if (nargs > 3)
        return ft_err_format(ft_exc_TypeError,
                             "exec() takes at most 3 positional arguments (%zd given)", nargs);
    if (ft_parse_args("exec", args, nargs, kwnames, kwlist, 1, 3, 1, a) < 0)
        return NULL;
    FtObject *r = eval_or_exec(a[0], a[1], a[2], FT_MODE_EXEC);
    if (r == NULL)
        return NULL;
    FT_DECREF(r);
    FT_RETURN_NONE;
}

/* ---- __import__ ------------------------------------------------------------------------- */

static FtObject *builtin___import__(FtObject *m, FtObject *const *args, ssize_t nargs,
                                    FtObject *kwnames) {
    static const char *const kwlist[] = {"name", "globals", "locals", "fromlist", "level", NULL};
    FtObject *a[5];
    if (ft_parse_args("__import__", args, nargs, kwnames, kwlist, 0, -1, 1, a) < 0)
        return NULL;
    if (!ft_str_check(a[0])) {
        ft_err_set_string(ft_exc_TypeError, "module name must be a string");
        return NULL;
    }
    int64_t level = 0;
    if (a[4] != NULL && c_int_arg(a[4], &level) < 0)
        return NULL;
    if (level < 0) {
        ft_err_set_string(ft_exc_ValueError, "level must be >= 0");
        return NULL;
    }
    if (level == 0 && FT_STR_LEN(a[0]) == 0) {
        ft_err_set_string(ft_exc_ValueError, "Empty module name");
        return NULL;
    }
    FtObject *globals = a[1] == FT_NONE ? NULL : a[1];
    FtObject *fromlist = a[3] == FT_NONE ? NULL : a[3];
    return ft_import_module_level(a[0], globals, fromlist, (int)level);
}

/* ---- __build_class__ (CPython's builtin___build_class__) --------------------------------- */

/* PEP 560: replace bases that are not classes by what their __mro_entries__ returns. */
static FtObject *update_bases(FtObject *bases) {
    FtObject *new_bases = NULL;
    ssize_t n = FT_SIZE(bases);
    for (ssize_t i = 0; i < n; i++) {
        FtObject *base = FT_TUPLE_GET(bases, i);
        if (ft_type_check(base)) {
            if (new_bases && ft_list_append(new_bases, base) < 0)
                goto error;
            continue;
        }
        FtObject *meth;
        int r = ft_object_lookup_attr(base, FT_ID(__mro_entries__), &meth);
        if (r < 0)
            goto error;
        if (r == 0) {
            if (new_bases && ft_list_append(new_bases, base) < 0)
                goto error;
            continue;
        }
        FtObject *entries = ft_object_call_one(meth, bases);
        FT_DECREF(meth);
        if (entries == NULL)
            goto error;
        if (!ft_tuple_check(entries)) {
            FT_DECREF(entries);
            ft_err_set_string(ft_exc_TypeError, "__mro_entries__ must return a tuple");
            goto error;
        }
        if (new_bases == NULL) {
            new_bases = ft_list_from_array(FT_TUPLE_ITEMS(bases), i);
            if (new_bases == NULL) {
                FT_DECREF(entries);
                goto error;
            }
        }
        int ok = ft_list_extend(new_bases, entries);
        FT_DECREF(entries);
        if (ok < 0)
            goto error;
    }
    if (new_bases == NULL)
        return FT_NEWREF(bases);
    FtObject *t = ft_list_as_tuple(new_bases);
    FT_DECREF(new_bases);
    return t;
error:
    FT_XDECREF(new_bases);
    return NULL;
}

/* The most derived metaclass among meta and the types of the bases. BORROWED. */
static FtType *calculate_metaclass(FtType *meta, FtObject *bases) {
    FtType *winner = meta;
    for (ssize_t i = 0; i < FT_SIZE(bases); i++) {
        FtType *t = FT_TYPE(FT_TUPLE_GET(bases, i));
        if (ft_type_is_subtype(winner, t))
            continue;
        if (ft_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        ft_err_set_string(ft_exc_TypeError,
                          "metaclass conflict: the metaclass of a derived class must be a "
                          "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

static FtObject *builtin___build_class__(FtObject *m, FtObject *const *args, ssize_t nargs,
                                         FtObject *kwnames) {
    if (nargs < 2) {
        ft_err_set_string(ft_exc_TypeError, "__build_class__: not enough arguments");
        return NULL;
    }
    FtObject *func = args[0], *name = args[1];
    if (!ft_function_check(func)) {
        ft_err_set_string(ft_exc_TypeError, "__build_class__: func must be a function");
        return NULL;
    }
    if (!ft_str_check(name)) {
        ft_err_set_string(ft_exc_TypeError, "__build_class__: name is not a string");
        return NULL;
    }
    FtObject *orig_bases = ft_tuple_from_array(args + 2, nargs - 2);
    if (orig_bases == NULL)
        return NULL;
    FtObject *bases = NULL, *mkw = NULL, *meta = NULL, *ns = NULL, *cell = NULL, *cls = NULL;
    bases = update_bases(orig_bases);
    if (bases == NULL)
        goto done;
    int isclass = 0;
    if (kwnames != NULL && FT_SIZE(kwnames) > 0) {
        mkw = ft_vectorcall_to_dict(args + nargs, kwnames);
        if (mkw == NULL)
            goto done;
        meta = ft_dict_get_cstr(mkw, "metaclass");
        if (meta != NULL) {
            FT_INCREF(meta);
            if (ft_dict_del_cstr(mkw, "metaclass") < 0)
                goto done;
            isclass = ft_type_check(meta);
        }
    }
    if (meta == NULL) {
        meta = (FtObject *)(FT_SIZE(bases) == 0 ? &ft_type_type
                                                : FT_TYPE(FT_TUPLE_GET(bases, 0)));
        FT_INCREF(meta);
        isclass = 1;
    }
    if (isclass) {
        FtType *winner = calculate_metaclass((FtType *)meta, bases);
        if (winner == NULL)
            goto done;
        if ((FtObject *)winner != meta)
            FT_SETREF(meta, FT_NEWREF(winner));
    }
    /* ns = meta.__prepare__(name, bases, **kwds) */
    FtObject *prep;
    int r = ft_object_lookup_attr(meta, FT_ID(__prepare__), &prep);
    if (r < 0)
        goto done;
    if (r == 0) {
        ns = ft_dict_new();
    } else {
        FtObject *pargs = ft_tuple_pack(2, name, bases);
        if (pargs != NULL) {
            ns = ft_object_call(prep, pargs, mkw);
            FT_DECREF(pargs);
        }
        FT_DECREF(prep);
    }
    if (ns == NULL)
        goto done;
    if (!ft_dict_check(ns) && FT_TYPE(ns)->tp_as_mapping == NULL) {
        ft_err_format(ft_exc_TypeError, "%s.__prepare__() must return a mapping, not %s",
                      isclass ? ft_type_short_name((FtType *)meta) : "<metaclass>",
                      ft_type_short_name(FT_TYPE(ns)));
        goto done;
    }
    cell = ft_eval_class_body(func, ns);
    if (cell == NULL)
        goto done;
    if (bases != orig_bases && ft_object_setitem(ns, FT_ID(__orig_bases__), orig_bases) < 0)
        goto done;
    {
        FtObject *margs = ft_tuple_pack(3, name, bases, ns);
        if (margs == NULL)
            goto done;
        cls = ft_object_call(meta, margs, mkw);
        FT_DECREF(margs);
    }
    if (cls != NULL && ft_type_check(cls) && ft_cell_check(cell)) {
        FtObject *cell_cls = ((FtCell *)cell)->ref;
        if (cell_cls != cls) {
            if (cell_cls == NULL)
                ft_err_format(ft_exc_RuntimeError, "__class__ not set defining %R as %R. Was "
                              "__classcell__ propagated to type.__new__?", name, cls);
            else
                ft_err_format(ft_exc_TypeError, "__class__ set to %R defining %R as %R",
                              cell_cls, name, cls);
            FT_CLEAR(cls);
        }
    }
done:
    FT_XDECREF(cell);
    FT_XDECREF(ns);
    FT_XDECREF(meta);
    FT_XDECREF(mkw);
    FT_XDECREF(bases);
    FT_DECREF(orig_bases);
    return cls;
}

/* exit() / quit(): what site.py adds in CPython, as plain functions. */
static FtObject *builtin_exit(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("exit", nargs, 0, 1) < 0)
        return NULL;
    ft_err_set_object(ft_exc_SystemExit, nargs ? args[0] : NULL);
    return NULL;
}

#define FASTKW (FT_METH_FASTCALL | FT_METH_KEYWORDS)
static FtMethodDef builtin_methods[] = {
    {"__build_class__", (void *)builtin___build_class__, FASTKW,
     "__build_class__(func, name, /, *bases, [metaclass], **kwds) -> class\n\nInternal "
     "helper function used by the class statement."},
    {"__import__", (void *)builtin___import__, FASTKW,
     "__import__(name, globals=None, locals=None, fromlist=(), level=0) -> module\n\nImport a "
     "module."},
    {"abs", (void *)builtin_abs, FT_METH_O, "Return the absolute value of the argument."},
    {"all", (void *)builtin_all, FT_METH_O,
     "Return True if bool(x) is True for all values x in the iterable.\n\nIf the iterable is "
     "empty, return True."},
    {"any", (void *)builtin_any, FT_METH_O,
     "Return True if bool(x) is True for any x in the iterable.\n\nIf the iterable is empty, "
     "return False."},
    {"aiter", (void *)builtin_aiter, FT_METH_O, "Return an AsyncIterator for an AsyncIterable object."},
    {"anext", (void *)builtin_anext, FT_METH_FASTCALL, NULL},
    {"ascii", (void *)builtin_ascii, FT_METH_O, NULL},
    {"bin", (void *)builtin_bin, FT_METH_O, NULL},
    {"callable", (void *)builtin_callable, FT_METH_O, NULL},
    {"chr", (void *)builtin_chr, FT_METH_O,
     "Return a Unicode string of one character with ordinal i; 0 <= i <= 0x10ffff."},
    {"compile", (void *)builtin_compile, FASTKW, NULL},
    {"delattr", (void *)builtin_delattr, FT_METH_FASTCALL, NULL},
    {"dir", (void *)builtin_dir, FT_METH_FASTCALL, NULL},
    {"divmod", (void *)builtin_divmod, FT_METH_FASTCALL,
     "Return the tuple (x//y, x%y).  Invariant: div*y + mod == x."},
    {"eval", (void *)builtin_eval, FASTKW, NULL},
    {"exec", (void *)builtin_exec, FASTKW, NULL},
    {"exit", (void *)builtin_exit, FT_METH_FASTCALL, NULL},
    {"format", (void *)builtin_format, FT_METH_FASTCALL, NULL},
    {"getattr", (void *)builtin_getattr, FT_METH_FASTCALL, NULL},
    {"globals", (void *)builtin_globals, FT_METH_NOARGS, NULL},
    {"hasattr", (void *)builtin_hasattr, FT_METH_FASTCALL, NULL},
    {"hash", (void *)builtin_hash, FT_METH_O, NULL},
    {"hex", (void *)builtin_hex, FT_METH_O, NULL},
    {"id", (void *)builtin_id, FT_METH_O, NULL},
    {"input", (void *)builtin_input, FT_METH_FASTCALL, NULL},
    {"isinstance", (void *)builtin_isinstance, FT_METH_FASTCALL, NULL},
    {"issubclass", (void *)builtin_issubclass, FT_METH_FASTCALL, NULL},
    {"iter", (void *)builtin_iter, FT_METH_FASTCALL, NULL},
    {"len", (void *)builtin_len, FT_METH_O, "Return the number of items in a container."},
    {"locals", (void *)builtin_locals, FT_METH_NOARGS, NULL},
    {"max", (void *)builtin_max, FASTKW, NULL},
    {"min", (void *)builtin_min, FASTKW, NULL},
    {"next", (void *)builtin_next, FT_METH_FASTCALL, NULL},
    {"oct", (void *)builtin_oct, FT_METH_O, NULL},
    {"ord", (void *)builtin_ord, FT_METH_O, NULL},
    {"pow", (void *)builtin_pow, FASTKW, NULL},
    {"open", (void *)ft_io_open, FASTKW, NULL},   /* io.open, runtime/modules/_io.c */
    {"print", (void *)builtin_print, FASTKW, NULL},
    {"quit", (void *)builtin_exit, FT_METH_FASTCALL, NULL},
    {"repr", (void *)builtin_repr, FT_METH_O, NULL},
    {"round", (void *)builtin_round, FASTKW, NULL},
    {"setattr", (void *)builtin_setattr, FT_METH_FASTCALL, NULL},
    {"sorted", (void *)builtin_sorted, FASTKW, NULL},
    {"sum", (void *)builtin_sum, FASTKW, NULL},
    {"vars", (void *)builtin_vars, FT_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static int builtins_exec(FtObject *m) {
    FtObject *d = ft_module_get_dict(m);
    struct {
        const char *name;
        FtObject *value;
    } objs[] = {
        {"None", FT_NONE},
        {"Ellipsis", FT_ELLIPSIS},
        {"NotImplemented", FT_NOTIMPLEMENTED},
        {"False", FT_FALSE},
        {"True", FT_TRUE},
        {"__debug__", FT_TRUE},
        {"bool", (FtObject *)&ft_bool_type},
        {"bytearray", (FtObject *)&ft_bytearray_type},
        {"bytes", (FtObject *)&ft_bytes_type},
        {"classmethod", (FtObject *)&ft_classmethod_type},
        {"complex", (FtObject *)&ft_complex_type},
        {"dict", (FtObject *)&ft_dict_type},
        {"enumerate", (FtObject *)&ft_enumerate_type},
        {"filter", (FtObject *)&ft_filter_type},
        {"float", (FtObject *)&ft_float_type},
        {"frozenset", (FtObject *)&ft_frozenset_type},
        {"property", (FtObject *)&ft_property_type},
        {"int", (FtObject *)&ft_int_type},
        {"list", (FtObject *)&ft_list_type},
        {"map", (FtObject *)&ft_map_type},
        {"object", (FtObject *)&ft_object_type},
        {"range", (FtObject *)&ft_range_type},
        {"reversed", (FtObject *)&ft_reversed_type},
        {"set", (FtObject *)&ft_set_type},
        {"slice", (FtObject *)&ft_slice_type},
        {"staticmethod", (FtObject *)&ft_staticmethod_type},
        {"str", (FtObject *)&ft_str_type},
        {"super", (FtObject *)&ft_super_type},
        {"tuple", (FtObject *)&ft_tuple_type},
        {"type", (FtObject *)&ft_type_type},
        {"zip", (FtObject *)&ft_zip_type},
    };
    for (size_t i = 0; i < FT_ARRAY_LEN(objs); i++) {
        if (ft_dict_set_cstr(d, objs[i].name, objs[i].value) < 0)
            return -1;
    }
#define ADD_EXC(name) \
    if (ft_dict_set_cstr(d, #name, (FtObject *)ft_exc_##name) < 0) return -1;
    FT_EXCEPTION_LIST(ADD_EXC)
#undef ADD_EXC
    if (ft_type_ready(&ft_anext_awaitable_type) < 0)
        return -1;
    if (ft_dict_set_cstr(d, "EnvironmentError", (FtObject *)ft_exc_OSError) < 0 ||
        ft_dict_set_cstr(d, "IOError", (FtObject *)ft_exc_OSError) < 0)
        return -1;
    return 0;
}

FtModuleDef ft_builtins_module_def = {
    .name = "builtins",
    .doc = "Built-in functions, exceptions, and other objects.\n\nNoteworthy: None is the "
           "`nil' object; Ellipsis represents `...' in slices.",
    .methods = builtin_methods,
    .exec = builtins_exec,
};
