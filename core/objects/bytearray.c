/* bytearray: the mutable byte string. The read-only methods are shared with bytes
 * (bytes.c: ft_bytes_common_methods); this file owns storage, the constructor and
 * mutation (item and slice assignment and deletion, append, extend, insert, pop, remove,
 * clear, reverse, copy, +=, *=). */
#include "core/objects/strinternal.h"
#include <string.h>

#define BA(o) ((FtByteArray *)(o))

/* Make room for n bytes (plus the NUL CPython keeps after the data) and set the size. */
static int ba_resize(FtObject *o, ssize_t n) {
    FtByteArray *b = BA(o);
    if (n < 0 || n > SSIZE_MAX - 1) {
        ft_err_no_memory();
        return -1;
    }
    if (n + 1 > b->allocated || (b->allocated > 64 && n + 1 < b->allocated / 4)) {
        ssize_t cap = n + 1 > b->allocated ? n + (n >> 3) + 8 : n + 1;
        char *d = ft_mem_realloc(b->data, cap);
        if (!d)
            return -1;
        b->data = d;
        b->allocated = cap;
    }
    FT_SIZE(o) = n;
    b->data[n] = 0;
    return 0;
}

static FtObject *ba_alloc(FtType *type) {
    FtObject *o = ft_type_generic_alloc(type, 0);
    if (!o)
        return NULL;
    FT_SIZE(o) = 0;
    BA(o)->data = NULL;
    BA(o)->allocated = 0;
    BA(o)->exports = 0;
    return o;
}

FtObject *ft_bytearray_from_data(const void *p, ssize_t n) {
    FtObject *o = ba_alloc(&ft_bytearray_type);
    if (!o)
        return NULL;
    if (ba_resize(o, n) < 0) {
        FT_DECREF(o);
        return NULL;
    }
    if (n) {
        if (p)
            memcpy(BA(o)->data, p, n);
        else
            memset(BA(o)->data, 0, n);
    }
    return o;
}

static void ba_dealloc(FtObject *o) {
    ft_mem_free(BA(o)->data);
    FtType *t = FT_TYPE(o);
    t->tp_free(o);
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(t);
}

static FtObject *ba_tp_new(FtType *type, FtObject *args, FtObject *kwargs) {
    return ba_alloc(type);
}

static int ba_tp_init(FtObject *self, FtObject *args, FtObject *kwargs) {
    static const char *const kwlist[] = {"source", "encoding", "errors"};
    FtObject *a[3] = {NULL, NULL, NULL};
    ssize_t nargs = args ? FT_SIZE(args) : 0;
    if (nargs > 3) {
        ft_err_format(ft_exc_TypeError, "bytearray() takes at most 3 arguments (%zd given)",
                      nargs);
        return -1;
    }
    for (ssize_t i = 0; i < nargs; i++)
        a[i] = FT_TUPLE_GET(args, i);
    if (kwargs) {
        ssize_t pos = 0;
        FtObject *k, *v;
        while (ft_dict_next(kwargs, &pos, &k, &v)) {
            int found = 0;
            for (int i = 0; i < 3; i++)
                if (ft_str_eq_cstr(k, kwlist[i])) {
                    a[i] = v;
                    found = 1;
                }
            if (!found) {
                ft_err_format(ft_exc_TypeError,
                              "'%U' is an invalid keyword argument for bytearray()", k);
                return -1;
            }
        }
    }
    FtObject *src = a[0];
    if (src && !a[1] && !a[2] && !ft_index_check(src) && !ft_str_check(src) &&
        !ft_bytes_check(src) && !ft_bytearray_check(src) && !FT_TYPE(src)->tp_iter &&
        !(FT_TYPE(src)->tp_as_sequence && FT_TYPE(src)->tp_as_sequence->sq_item)) {
        ft_err_format(ft_exc_TypeError, "cannot convert '%T' object to bytearray", src);
        return -1;
    }
    char *buf;
    ssize_t len;
    if (ft_bytes_init_data("bytearray", src, a[1], a[2], &buf, &len) < 0)
        return -1;
    int rc = ba_resize(self, len);
    if (rc == 0 && len)
        memcpy(BA(self)->data, buf, len);
    ft_mem_free(buf);
    return rc;
}

static FtObject *ba_repr(FtObject *o) {
    const char *name = ft_type_short_name(FT_TYPE(o));
    size_t ln = strlen(name);
    char *prefix = ft_mem_alloc(ln + 2);
    if (!prefix)
        return NULL;
    memcpy(prefix, name, ln);
    prefix[ln] = '(';
    prefix[ln + 1] = 0;
    FtObject *r = ft_bytes_repr_data(BA(o)->data ? BA(o)->data : "", FT_SIZE(o), prefix, ")",
                                     1 /* CPython's bytearray repr escapes ' always */);
    ft_mem_free(prefix);
    return r;
}

/* ---- sequence slots ---------------------------------------------------------------- */

static ssize_t ba_length(FtObject *o) { return FT_SIZE(o); }

static FtObject *ba_concat(FtObject *a, FtObject *b) {
    const char *da, *db;
    ssize_t na, nb;
    if (ft_bytes_like_get(b, &db, &nb) < 0) {
        ft_err_clear();
        return ft_err_format(ft_exc_TypeError, "can't concat %T to %T", b, a);
    }
    if (ft_bytes_like_get(a, &da, &na) < 0)
        return NULL;
    FtObject *r = ft_bytearray_from_data(NULL, na + nb);
    if (r) {
        memcpy(BA(r)->data, da, na);
        memcpy(BA(r)->data + na, db, nb);
    }
    return r;
}

static FtObject *ba_inplace_concat(FtObject *a, FtObject *b) {
    const char *db;
    ssize_t nb;
    if (ft_bytes_like_get(b, &db, &nb) < 0) {
        ft_err_clear();
        return ft_err_format(ft_exc_TypeError, "can't concat %T to %T", b, a);
    }
    ssize_t na = FT_SIZE(a);
    if (b == a) {
        if (ba_resize(a, na * 2) < 0)
            return NULL;
        memcpy(BA(a)->data + na, BA(a)->data, na);
    } else {
        if (ba_resize(a, na + nb) < 0)
            return NULL;
        memcpy(BA(a)->data + na, db, nb);
    }
    return FT_NEWREF(a);
}

static FtObject *ba_repeat(FtObject *a, ssize_t count) {
    ssize_t n = FT_SIZE(a);
    if (count < 0)
        count = 0;
    if (n && count > SSIZE_MAX / n)
        return ft_err_no_memory();
    FtObject *r = ft_bytearray_from_data(NULL, n * count);
    if (r)
        for (ssize_t i = 0; i < count; i++)
            memcpy(BA(r)->data + i * n, BA(a)->data, n);
    return r;
}

static FtObject *ba_inplace_repeat(FtObject *a, ssize_t count) {
    ssize_t n = FT_SIZE(a);
    if (count < 0)
        count = 0;
    if (n && count > SSIZE_MAX / n)
        return ft_err_no_memory();
    if (ba_resize(a, n * count) < 0)
        return NULL;
    for (ssize_t i = 1; i < count; i++)
        memcpy(BA(a)->data + i * n, BA(a)->data, n);
    return FT_NEWREF(a);
}

static FtObject *ba_item(FtObject *a, ssize_t i) {
    if (i < 0 || i >= FT_SIZE(a))
        return ft_err_format(ft_exc_IndexError, "bytearray index out of range");
    return ft_int_from_i64((uint8_t)BA(a)->data[i]);
}

static int byte_value(FtObject *v, int *out) {
    int r = ft_bytes_getbyte(v, out);
    if (r == 0) {
        ft_err_format(ft_exc_TypeError, "'%T' object cannot be interpreted as an integer", v);
        return -1;
    }
    return r < 0 ? -1 : 0;
}

static int ba_ass_item(FtObject *a, ssize_t i, FtObject *v) {
    ssize_t n = FT_SIZE(a);
    if (i < 0 || i >= n) {
        ft_err_format(ft_exc_IndexError, "bytearray index out of range");
        return -1;
    }
    if (!v) {
        memmove(BA(a)->data + i, BA(a)->data + i + 1, n - i - 1);
        return ba_resize(a, n - 1);
    }
    int b;
    if (byte_value(v, &b) < 0)
        return -1;
    BA(a)->data[i] = (char)b;
    return 0;
}

static int ba_ass_subscript(FtObject *a, FtObject *key, FtObject *v) {
    if (ft_index_check(key)) {
        ssize_t i = ft_number_as_ssize(key, ft_exc_IndexError);
        if (i == -1 && ft_err_occurred())
            return -1;
        if (i < 0)
            i += FT_SIZE(a);
        return ba_ass_item(a, i, v);
    }
    if (!ft_slice_check(key)) {
        ft_err_format(ft_exc_TypeError, "bytearray indices must be integers or slices, not %T",
                      key);
        return -1;
    }
    ssize_t start, stop, step, n = FT_SIZE(a);
    if (ft_slice_unpack(key, &start, &stop, &step) < 0)
        return -1;
    ssize_t slen = ft_slice_adjust_indices(n, &start, &stop, step);
    char *buf = NULL;
    ssize_t blen = 0;
    if (v) {
        if (ft_index_check(v) || ft_str_check(v)) {
            ft_err_format(ft_exc_TypeError,
                          "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
            return -1;
        }
        if (ft_bytes_collect(v, &buf, &blen) < 0)
            return -1;
    }
    int rc = 0;
    if (step == 1) {
        if (stop < start)
            stop = start;
        ssize_t old = stop - start, nn = n - old + blen;
        if (blen > old) {
            if (ba_resize(a, nn) < 0) {
                ft_mem_free(buf);
                return -1;
            }
            memmove(BA(a)->data + start + blen, BA(a)->data + stop, n - stop);
        } else {
            memmove(BA(a)->data + start + blen, BA(a)->data + stop, n - stop);
            rc = ba_resize(a, nn);
        }
        if (blen)
            memcpy(BA(a)->data + start, buf, blen);
    } else if (!v) {
        /* delete an extended slice: compact the kept bytes */
        if (slen > 0) {
            if (step < 0) {
                start = start + step * (slen - 1);
                step = -step;
            }
            ssize_t w = start, next = start, k = 0;
            for (ssize_t i = start; i < n; i++) {
                if (k < slen && i == next) {
                    k++;
                    next += step;
                    continue;
                }
                BA(a)->data[w++] = BA(a)->data[i];
            }
            rc = ba_resize(a, w);
        }
    } else {
        if (blen != slen) {
            ft_err_format(ft_exc_ValueError,
                          "attempt to assign bytes of size %zd to extended slice of size %zd",
                          blen, slen);
            rc = -1;
        } else
            for (ssize_t i = 0, j = start; i < slen; i++, j += step)
                BA(a)->data[j] = buf[i];
    }
    ft_mem_free(buf);
    return rc;
}

static FtObject *ba_subscript(FtObject *a, FtObject *key) {
    return ft_bytes_subscript_impl(a, key, &ft_bytearray_type);
}

static int ba_contains(FtObject *a, FtObject *x) { return ft_bytes_contains_impl(a, x); }

static FtObject *ba_mod(FtObject *a, FtObject *b) {
    if (!ft_bytearray_check(a))
        FT_RETURN_NOTIMPLEMENTED;
    return ft_bytes_percent_format(a, b, 1);
}

/* ---- mutating methods ------------------------------------------------------------- */

static FtObject *ba_append(FtObject *self, FtObject *v) {
    int b;
    if (byte_value(v, &b) < 0)
        return NULL;
    ssize_t n = FT_SIZE(self);
    if (ba_resize(self, n + 1) < 0)
        return NULL;
    BA(self)->data[n] = (char)b;
    FT_RETURN_NONE;
}

static FtObject *ba_extend(FtObject *self, FtObject *v) {
    if (ft_index_check(v) ||
        (!FT_TYPE(v)->tp_iter && !(FT_TYPE(v)->tp_as_sequence &&
                                   FT_TYPE(v)->tp_as_sequence->sq_item)))
        return ft_err_format(ft_exc_TypeError, "can't extend bytearray with %T", v);
    char *buf;
    ssize_t len;
    if (ft_bytes_collect(v, &buf, &len) < 0)
        return NULL;
    ssize_t n = FT_SIZE(self);
    if (ba_resize(self, n + len) < 0) {
        ft_mem_free(buf);
        return NULL;
    }
    memcpy(BA(self)->data + n, buf, len);
    ft_mem_free(buf);
    FT_RETURN_NONE;
}

static FtObject *ba_insert(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("insert", nargs, 2, 2) < 0)
        return NULL;
    ssize_t i;
    if (ft_clinic_ssize(args[0], &i) < 0)
        return NULL;
    int b;
    if (byte_value(args[1], &b) < 0)
        return NULL;
    ssize_t n = FT_SIZE(self);
    if (i < 0) {
        i += n;
        if (i < 0)
            i = 0;
    }
    if (i > n)
        i = n;
    if (ba_resize(self, n + 1) < 0)
        return NULL;
    memmove(BA(self)->data + i + 1, BA(self)->data + i, n - i);
    BA(self)->data[i] = (char)b;
    FT_RETURN_NONE;
}

static FtObject *ba_pop(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("pop", nargs, 0, 1) < 0)
        return NULL;
    ssize_t n = FT_SIZE(self), i = -1;
    if (nargs) {
        if (ft_clinic_ssize(args[0], &i) < 0)
            return NULL;
    }
    if (n == 0)
        return ft_err_format(ft_exc_IndexError, "pop from empty bytearray");
    if (i < 0)
        i += n;
    if (i < 0 || i >= n)
        return ft_err_format(ft_exc_IndexError, "pop index out of range");
    int v = (uint8_t)BA(self)->data[i];
    memmove(BA(self)->data + i, BA(self)->data + i + 1, n - i - 1);
    if (ba_resize(self, n - 1) < 0)
        return NULL;
    return ft_int_from_i64(v);
}

static FtObject *ba_remove(FtObject *self, FtObject *v) {
    int b;
    if (byte_value(v, &b) < 0)
        return NULL;
    ssize_t n = FT_SIZE(self);
    char *p = n ? memchr(BA(self)->data, b, n) : NULL;
    if (!p)
        return ft_err_format(ft_exc_ValueError, "value not found in bytearray");
    ssize_t i = p - BA(self)->data;
    memmove(p, p + 1, n - i - 1);
    if (ba_resize(self, n - 1) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *ba_clear(FtObject *self, FtObject *u) {
    if (ba_resize(self, 0) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *ba_reverse(FtObject *self, FtObject *u) {
    char *d = BA(self)->data;
    for (ssize_t i = 0, j = FT_SIZE(self) - 1; i < j; i++, j--) {
        char t = d[i];
        d[i] = d[j];
        d[j] = t;
    }
    FT_RETURN_NONE;
}

static FtObject *ba_copy(FtObject *self, FtObject *u) {
    return ft_bytearray_from_data(BA(self)->data, FT_SIZE(self));
}

static FtObject *ba_alloc_m(FtObject *self, FtObject *u) {
    return ft_int_from_ssize(BA(self)->allocated);
}

static FtMethodDef ba_methods[] = {
    {"append", (void *)ba_append, FT_METH_O, NULL},
    {"extend", (void *)ba_extend, FT_METH_O, NULL},
    {"insert", (void *)ba_insert, FT_METH_FASTCALL, NULL},
    {"pop", (void *)ba_pop, FT_METH_FASTCALL, NULL},
    {"remove", (void *)ba_remove, FT_METH_O, NULL},
    {"clear", (void *)ba_clear, FT_METH_NOARGS, NULL},
    {"reverse", (void *)ba_reverse, FT_METH_NOARGS, NULL},
    {"copy", (void *)ba_copy, FT_METH_NOARGS, NULL},
    {"__alloc__", (void *)ba_alloc_m, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* The shared read-only methods followed by the mutating ones, assembled at start-up. */
static FtMethodDef *all_methods(void) {
    static FtMethodDef *table;
    if (table)
        return table;
    size_t n1 = 0, n2 = 0;
    while (ft_bytes_common_methods[n1].name)
        n1++;
    while (ba_methods[n2].name)
        n2++;
    table = calloc(n1 + n2 + 1, sizeof(FtMethodDef));
    if (!table)
        return NULL;
    memcpy(table, ft_bytes_common_methods, n1 * sizeof(FtMethodDef));
    memcpy(table + n1, ba_methods, n2 * sizeof(FtMethodDef));
    return table;
}

static FtNumberMethods ba_as_number = {
    .nb_remainder = ba_mod,
};

static FtSequenceMethods ba_as_sequence = {
    .sq_length = ba_length,
    .sq_concat = ba_concat,
    .sq_repeat = ba_repeat,
    .sq_item = ba_item,
    .sq_ass_item = ba_ass_item,
    .sq_contains = ba_contains,
    .sq_inplace_concat = ba_inplace_concat,
    .sq_inplace_repeat = ba_inplace_repeat,
};

static FtMappingMethods ba_as_mapping = {
    .mp_length = ba_length,
    .mp_subscript = ba_subscript,
    .mp_ass_subscript = ba_ass_subscript,
};

FtType ft_bytearray_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "bytearray",
    .tp_basicsize = sizeof(FtByteArray),
    .tp_dealloc = ba_dealloc,
    .tp_repr = ba_repr,
    .tp_as_number = &ba_as_number,
    .tp_as_sequence = &ba_as_sequence,
    .tp_as_mapping = &ba_as_mapping,
    .tp_hash = ft_object_hash_not_implemented,
    .tp_str = ba_repr,
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_doc = "bytearray(iterable_of_ints) -> bytearray",
    .tp_richcompare = ft_bytes_richcompare,
    .tp_iter = ft_bytearray_iter_new,
    .tp_init = ba_tp_init,
    .tp_new = ba_tp_new,
};

int ft_bytearray_prepare(void) {
    ft_bytearray_type.tp_methods = all_methods();
    return ft_bytearray_type.tp_methods ? 0 : -1;
}
