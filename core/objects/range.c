/* range.c: the range type and its iterator (FtRangeIter, which the VM may special-case).
 * Bounds are int64: CPython's arbitrary-precision ranges are cut at the int64 range, where
 * ftpy raises OverflowError. Arithmetic that could overflow int64 goes through unsigned or
 * 128-bit integers. Semantics and messages follow CPython 3.11's Objects/rangeobject.c. */
#include "core/object.h"
#include <stdio.h>

typedef struct FtRange {
    FtObject ob_base;
    int64_t start, stop, step, len;
} FtRange;

static const char *const too_big = "Python int too large to convert to C ssize_t";

/* start + i * step without signed overflow (the result is inside the range). */
static inline int64_t range_at(int64_t start, int64_t step, int64_t i) {
    return (int64_t)((uint64_t)start + (uint64_t)i * (uint64_t)step);
}

static int compute_len(int64_t start, int64_t stop, int64_t step, int64_t *len) {
    __int128 lo = start, hi = stop, st = step, n = 0;
    if (st > 0 && lo < hi)
        n = (hi - lo - 1) / st + 1;
    else if (st < 0 && lo > hi)
        n = (lo - hi - 1) / (-st) + 1;
    if (n > INT64_MAX) {
        ft_err_set_string(ft_exc_OverflowError, too_big);
        return -1;
    }
    *len = (int64_t)n;
    return 0;
}

static FtObject *range_make(int64_t start, int64_t stop, int64_t step) {
    int64_t len;
    if (compute_len(start, stop, step, &len) < 0)
        return NULL;
    FtRange *r = (FtRange *)ft_object_alloc(&ft_range_type);
    if (!r)
        return NULL;
    r->start = start;
    r->stop = stop;
    r->step = step;
    r->len = len;
    return (FtObject *)r;
}

FtObject *ft_range_new(ssize_t start, ssize_t stop, ssize_t step) {
    if (step == 0) {
        ft_err_set_string(ft_exc_ValueError, "range() arg 3 must not be zero");
        return NULL;
    }
    return range_make(start, stop, step);
}

/* An argument of range(): anything with __index__, as an int64. */
static int range_arg(FtObject *o, int64_t *out) {
    FtObject *i = ft_number_index(o);
    if (!i)
        return -1;
    int overflow = 0;
    int64_t v = ft_int_as_i64(i, &overflow);
    FT_DECREF(i);
    if (overflow) {
        ft_err_set_string(ft_exc_OverflowError, too_big);
        return -1;
    }
    if (v == -1 && ft_err_occurred())
        return -1;
    *out = v;
    return 0;
}

static FtObject *range_new(FtType *type, FtObject *args, FtObject *kwargs) {
    if (kwargs && ft_dict_size(kwargs) > 0) {
        ft_err_set_string(ft_exc_TypeError, "range() takes no keyword arguments");
        return NULL;
    }
    ssize_t n = FT_SIZE(args);
    int64_t start = 0, stop, step = 1;
    switch (n) {
    case 3:
        if (range_arg(FT_TUPLE_GET(args, 2), &step) < 0)
            return NULL;
        /* fall through */
    case 2:
        if (range_arg(FT_TUPLE_GET(args, 0), &start) < 0 ||
            range_arg(FT_TUPLE_GET(args, 1), &stop) < 0)
            return NULL;
        break;
    case 1:
        if (range_arg(FT_TUPLE_GET(args, 0), &stop) < 0)
            return NULL;
        break;
    case 0:
        ft_err_set_string(ft_exc_TypeError, "range expected at least 1 argument, got 0");
        return NULL;
    default:
        ft_err_format(ft_exc_TypeError, "range expected at most 3 arguments, got %zd", n);
        return NULL;
    }
    if (step == 0) {
        ft_err_set_string(ft_exc_ValueError, "range() arg 3 must not be zero");
        return NULL;
    }
    return range_make(start, stop, step);
}

static void range_dealloc(FtObject *o) { ft_object_free(o); }

static FtObject *range_repr(FtObject *o) {
    FtRange *r = (FtRange *)o;
    char buf[96];
    if (r->step == 1)
        snprintf(buf, sizeof buf, "range(%lld, %lld)", (long long)r->start, (long long)r->stop);
    else
        snprintf(buf, sizeof buf, "range(%lld, %lld, %lld)", (long long)r->start,
                 (long long)r->stop, (long long)r->step);
    return ft_str_from_cstr(buf);
}

static ssize_t range_length(FtObject *o) { return (ssize_t)((FtRange *)o)->len; }

static int range_bool(FtObject *o) { return ((FtRange *)o)->len != 0; }

static FtObject *range_item(FtObject *o, ssize_t i) {
    FtRange *r = (FtRange *)o;
    if (i < 0 || i >= r->len) {
        ft_err_set_string(ft_exc_IndexError, "range object index out of range");
        return NULL;
    }
    return ft_int_from_i64(range_at(r->start, r->step, i));
}

/* Position of an int in the range, or -1 (0 when absent, 1 when present in *found). */
static int64_t int_position(FtRange *r, FtObject *v, int *found) {
    *found = 0;
    int overflow = 0;
    int64_t x = ft_int_as_i64(v, &overflow);
    if (overflow || r->len == 0)
        return -1;
    __int128 d = (__int128)x - r->start;
    if (r->step > 0 ? (x < r->start || x >= r->stop) : (x > r->start || x <= r->stop))
        return -1;
    if (d % r->step != 0)
        return -1;
    *found = 1;
    return (int64_t)(d / r->step);
}

static bool exact_int_like(FtObject *v) {
    return FT_TYPE(v) == &ft_int_type || FT_TYPE(v) == &ft_bool_type;
}

static int range_contains(FtObject *o, FtObject *v) {
    FtRange *r = (FtRange *)o;
    if (exact_int_like(v)) {
        int found;
        int_position(r, v, &found);
        return found;
    }
    /* Anything else: compare with every element, as the generic sequence search does. */
    for (int64_t i = 0; i < r->len; i++) {
        FtObject *item = ft_int_from_i64(range_at(r->start, r->step, i));
        if (!item)
            return -1;
        int c = ft_object_richcompare_bool(item, v, FT_EQ);
        FT_DECREF(item);
        if (c != 0)
            return c;
    }
    return 0;
}

static FtObject *range_subscript(FtObject *o, FtObject *key) {
    FtRange *r = (FtRange *)o;
    if (ft_index_check(key)) {
        ssize_t i = ft_number_as_ssize(key, ft_exc_IndexError);
        if (i == -1 && ft_err_occurred())
            return NULL;
        if (i < 0)
            i += r->len;
        return range_item(o, i);
    }
    if (ft_slice_check(key)) {
        ssize_t start, stop, step;
        if (ft_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        ft_slice_adjust_indices((ssize_t)r->len, &start, &stop, step);
        __int128 nstart = (__int128)r->start + (__int128)start * r->step;
        __int128 nstop = (__int128)r->start + (__int128)stop * r->step;
        __int128 nstep = (__int128)step * r->step;
        if (nstart < INT64_MIN || nstart > INT64_MAX || nstop < INT64_MIN ||
            nstop > INT64_MAX || nstep < INT64_MIN || nstep > INT64_MAX) {
            ft_err_set_string(ft_exc_OverflowError, too_big);
            return NULL;
        }
        return range_make((int64_t)nstart, (int64_t)nstop, (int64_t)nstep);
    }
    ft_err_format(ft_exc_TypeError, "range indices must be integers or slices, not %T", key);
    return NULL;
}

static FtObject *range_richcompare(FtObject *v, FtObject *w, int op) {
    if (FT_TYPE(w) != &ft_range_type || (op != FT_EQ && op != FT_NE))
        FT_RETURN_NOTIMPLEMENTED;
    FtRange *a = (FtRange *)v, *b = (FtRange *)w;
    int eq;
    if (a == b)
        eq = 1;
    else if (a->len != b->len)
        eq = 0;
    else if (a->len == 0)
        eq = 1;
    else if (a->start != b->start)
        eq = 0;
    else
        eq = a->len == 1 || a->step == b->step;
    return ft_bool_from(op == FT_EQ ? eq : !eq);
}

/* hash((len, start, step)) with start/step replaced by None where they do not matter. */
static ft_hash_t range_hash(FtObject *o) {
    FtRange *r = (FtRange *)o;
    FtObject *items[3] = {NULL, NULL, NULL};
    items[0] = ft_int_from_i64(r->len);
    if (r->len == 0) {
        items[1] = ft_newref(FT_NONE);
        items[2] = ft_newref(FT_NONE);
    } else {
        items[1] = ft_int_from_i64(r->start);
        items[2] = r->len == 1 ? ft_newref(FT_NONE) : ft_int_from_i64(r->step);
    }
    if (!items[0] || !items[1] || !items[2]) {
        for (int i = 0; i < 3; i++)
            FT_XDECREF(items[i]);
        return -1;
    }
    FtObject *t = ft_tuple_from_array_steal(items, 3);
    if (!t)
        return -1;
    ft_hash_t h = ft_object_hash(t);
    FT_DECREF(t);
    return h;
}

static FtObject *rangeiter_make(int64_t start, int64_t step, int64_t len) {
    FtRangeIter *it = (FtRangeIter *)ft_object_alloc(&ft_range_iter_type);
    if (!it)
        return NULL;
    it->start = start;
    it->step = step;
    it->len = len;
    it->index = 0;
    return (FtObject *)it;
}

static FtObject *range_iter(FtObject *o) {
    FtRange *r = (FtRange *)o;
    return rangeiter_make(r->start, r->step, r->len);
}

static FtObject *range_reversed(FtObject *o, FtObject *unused) {
    FtRange *r = (FtRange *)o;
    if (r->len == 0)
        return rangeiter_make(0, 1, 0);
    int64_t last = range_at(r->start, r->step, r->len - 1);
    /* A step of INT64_MIN admits a single element, whose step does not matter. */
    int64_t step = r->len == 1 ? 1 : -r->step;
    return rangeiter_make(last, step, r->len);
}

static FtObject *range_count(FtObject *o, FtObject *v) {
    FtRange *r = (FtRange *)o;
    if (exact_int_like(v)) {
        int found;
        int_position(r, v, &found);
        return ft_int_from_ssize(found);
    }
    ssize_t count = 0;
    for (int64_t i = 0; i < r->len; i++) {
        FtObject *item = ft_int_from_i64(range_at(r->start, r->step, i));
        if (!item)
            return NULL;
        int c = ft_object_richcompare_bool(item, v, FT_EQ);
        FT_DECREF(item);
        if (c < 0)
            return NULL;
        count += c;
    }
    return ft_int_from_ssize(count);
}

static FtObject *range_index(FtObject *o, FtObject *v) {
    FtRange *r = (FtRange *)o;
    if (exact_int_like(v)) {
        int found;
        int64_t pos = int_position(r, v, &found);
        if (found)
            return ft_int_from_i64(pos);
        ft_err_format(ft_exc_ValueError, "%R is not in range", v);
        return NULL;
    }
    for (int64_t i = 0; i < r->len; i++) {
        FtObject *item = ft_int_from_i64(range_at(r->start, r->step, i));
        if (!item)
            return NULL;
        int c = ft_object_richcompare_bool(item, v, FT_EQ);
        FT_DECREF(item);
        if (c < 0)
            return NULL;
        if (c)
            return ft_int_from_i64(i);
    }
    ft_err_set_string(ft_exc_ValueError, "sequence.index(x): x not in sequence");
    return NULL;
}

static FtObject *range_reduce(FtObject *o, FtObject *unused) {
    FtRange *r = (FtRange *)o;
    FtObject *items[3] = {ft_int_from_i64(r->start), ft_int_from_i64(r->stop),
                          ft_int_from_i64(r->step)};
    if (!items[0] || !items[1] || !items[2]) {
        for (int i = 0; i < 3; i++)
            FT_XDECREF(items[i]);
        return NULL;
    }
    FtObject *args = ft_tuple_from_array_steal(items, 3);
    if (!args)
        return NULL;
    FtObject *res = ft_tuple_pack(2, (FtObject *)&ft_range_type, args);
    FT_DECREF(args);
    return res;
}

static FtObject *range_get_start(FtObject *o, void *c) { return ft_int_from_i64(((FtRange *)o)->start); }
static FtObject *range_get_stop(FtObject *o, void *c) { return ft_int_from_i64(((FtRange *)o)->stop); }
static FtObject *range_get_step(FtObject *o, void *c) { return ft_int_from_i64(((FtRange *)o)->step); }

static FtGetSetDef range_getset[] = {
    {"start", range_get_start, NULL, NULL, NULL},
    {"stop", range_get_stop, NULL, NULL, NULL},
    {"step", range_get_step, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static FtMethodDef range_methods[] = {
    {"__reversed__", (void *)range_reversed, FT_METH_NOARGS,
     "Return a reverse iterator."},
    {"__reduce__", (void *)range_reduce, FT_METH_NOARGS, NULL},
    {"count", (void *)range_count, FT_METH_O,
     "rangeobject.count(value) -> integer -- return number of occurrences of value"},
    {"index", (void *)range_index, FT_METH_O,
     "rangeobject.index(value) -> integer -- return index of value."},
    {NULL, NULL, 0, NULL},
};

static FtNumberMethods range_as_number = {
    .nb_bool = range_bool,
};

static FtSequenceMethods range_as_sequence = {
    .sq_length = range_length,
    .sq_item = range_item,
    .sq_contains = range_contains,
};

static FtMappingMethods range_as_mapping = {
    .mp_length = range_length,
    .mp_subscript = range_subscript,
};

FtType ft_range_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "range",
    .tp_basicsize = sizeof(FtRange),
    .tp_dealloc = range_dealloc,
    .tp_repr = range_repr,
    .tp_as_number = &range_as_number,
    .tp_as_sequence = &range_as_sequence,
    .tp_as_mapping = &range_as_mapping,
    .tp_hash = range_hash,
    .tp_doc = "range(stop) -> range object\nrange(start, stop[, step]) -> range object\n\n"
              "Return an object that produces a sequence of integers from start (inclusive)\n"
              "to stop (exclusive) by step.",
    .tp_richcompare = range_richcompare,
    .tp_iter = range_iter,
    .tp_methods = range_methods,
    .tp_getset = range_getset,
    .tp_new = range_new,
};

/* ---- the iterator -------------------------------------------------------------------- */

static void rangeiter_dealloc(FtObject *o) { ft_object_free(o); }

static FtObject *iter_self(FtObject *o) { return ft_newref(o); }

static FtObject *rangeiter_next(FtObject *o) {
    FtRangeIter *it = (FtRangeIter *)o;
#if FT_FREE_THREADED
    /* Two threads may call next() on one iterator: claim an index with a compare-and-swap. */
    int64_t i = __atomic_load_n(&it->index, __ATOMIC_RELAXED);
    do {
        if (i >= it->len)
            return NULL;
    } while (!__atomic_compare_exchange_n(&it->index, &i, i + 1, true, __ATOMIC_RELAXED,
                                          __ATOMIC_RELAXED));
    return ft_int_from_i64(range_at(it->start, it->step, i));
#else
    if (it->index < it->len)
        return ft_int_from_i64(range_at(it->start, it->step, it->index++));
    return NULL;
#endif
}

static FtObject *rangeiter_len(FtObject *o, FtObject *unused) {
    FtRangeIter *it = (FtRangeIter *)o;
    return ft_int_from_i64(it->len - __atomic_load_n(&it->index, __ATOMIC_RELAXED));
}

static FtMethodDef rangeiter_methods[] = {
    {"__length_hint__", (void *)rangeiter_len, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

FtType ft_range_iter_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "range_iterator",
    .tp_basicsize = sizeof(FtRangeIter),
    .tp_dealloc = rangeiter_dealloc,
    .tp_iter = iter_self,
    .tp_iternext = rangeiter_next,
    .tp_methods = rangeiter_methods,
};
