/* tuple.c: the tuple type (immutable sequence), its iterator and the immortal empty tuple.
 * Hash, comparison, repr and error messages follow CPython 3.11's Objects/tupleobject.c. */
#include "core/object.h"
#include "gc/gc.h"
#include <string.h>

#define VISIT(o)                                          \
    do {                                                  \
        if (o) {                                          \
            int vret_ = visit((FtObject *)(o), arg);      \
            if (vret_)                                    \
                return vret_;                             \
        }                                                 \
    } while (0)

/* The empty tuple: static so that it exists before any initialisation runs (type objects
 * need tp_bases early), with a collector header in front as every tuple has. */
static struct {
    FtGCHead gc;
    FtTuple t;
} empty_tuple_storage = {
    .gc = { NULL, 0 },
    .t = { .ob_base = { FT_STATIC_HEADER(&ft_tuple_type), 0 }, .hash_cache = -1 },
};
FtObject *ft_empty_tuple = (FtObject *)&empty_tuple_storage.t;

static inline FtObject *empty_tuple(void) {
    /* Immortal from the first use on, whoever asks first (init order does not matter). */
    if (FT_UNLIKELY(!lk_is_immortal(&ft_empty_tuple->ob_rc)))
        FT_MAKE_IMMORTAL(ft_empty_tuple);
    return ft_empty_tuple;
}

FtObject *ft_tuple_new(ssize_t n) {
    if (n == 0)
        return empty_tuple();
    if (n < 0) {
        ft_err_bad_internal_call();
        return NULL;
    }
    if ((size_t)n > ((size_t)SSIZE_MAX - sizeof(FtTuple)) / sizeof(FtObject *))
        return ft_err_no_memory();
    FtTuple *t = (FtTuple *)ft_gc_alloc_var(&ft_tuple_type, n);
    if (!t)
        return NULL;
    t->hash_cache = -1;
    ft_gc_track((FtObject *)t);
    return (FtObject *)t;
}

FtObject *ft_tuple_pack(ssize_t n, ...) {
    FtObject *t = ft_tuple_new(n);
    if (!t)
        return NULL;
    va_list ap;
    va_start(ap, n);
    for (ssize_t i = 0; i < n; i++) {
        FtObject *o = va_arg(ap, FtObject *);
        FT_TUPLE_SET(t, i, ft_newref(o));
    }
    va_end(ap);
    return t;
}

FtObject *ft_tuple_from_array(FtObject *const *items, ssize_t n) {
    FtObject *t = ft_tuple_new(n);
    if (!t)
        return NULL;
    for (ssize_t i = 0; i < n; i++)
        FT_TUPLE_SET(t, i, ft_newref(items[i]));
    return t;
}

FtObject *ft_tuple_from_array_steal(FtObject *const *items, ssize_t n) {
    FtObject *t = ft_tuple_new(n);
    if (!t) {
        for (ssize_t i = 0; i < n; i++)
            FT_DECREF(items[i]);
        return NULL;
    }
    for (ssize_t i = 0; i < n; i++)
        FT_TUPLE_SET(t, i, items[i]);
    return t;
}

FtObject *ft_tuple_slice(FtObject *t, ssize_t lo, ssize_t hi) {
    ssize_t len = FT_SIZE(t);
    if (lo < 0)
        lo = 0;
    if (hi > len)
        hi = len;
    if (hi < lo)
        hi = lo;
    if (lo == 0 && hi == len && ft_tuple_check_exact(t))
        return ft_newref(t);
    return ft_tuple_from_array(FT_TUPLE_ITEMS(t) + lo, hi - lo);
}

/* For the collector: untrack a tuple whose items can never be part of a cycle (CPython's
 * _PyTuple_MaybeUntrack); a tuple holding a not-yet-filled slot stays tracked. */
void ft_tuple_maybe_untrack(FtObject *t) {
    if (!ft_tuple_check_exact(t) || !ft_gc_is_tracked(t))
        return;
    for (ssize_t i = FT_SIZE(t); --i >= 0;) {
        FtObject *o = FT_TUPLE_GET(t, i);
        if (!o)
            return;
        FtType *ot = FT_TYPE(o);
        if (!(ot->tp_flags & FT_TPFLAGS_HAVE_GC))
            continue;
        if (ot == &ft_tuple_type && !ft_gc_is_tracked(o))
            continue;
        if (ft_type_check(o) && !(((FtType *)o)->tp_flags & FT_TPFLAGS_HEAPTYPE))
            continue; /* a static type: not allocated by the collector */
        return;
    }
    ft_gc_untrack(t);
}

/* ---- slots ---------------------------------------------------------------------------- */

static void tuple_dealloc(FtObject *o) {
    FtType *tp = FT_TYPE(o);
    if (ft_gc_is_tracked(o))
        ft_gc_untrack(o);
    if (ft_trashcan_begin(o, tuple_dealloc))
        return;
    ssize_t n = FT_SIZE(o);
    for (ssize_t i = 0; i < n; i++) {
        FT_XDECREF(FT_TUPLE_GET(o, i));
        LK_POLL_STOP_THE_WORLD(i + 1); /* untracked, unreachable: safe to pause here */
    }
    if (tp == &ft_tuple_type) {
        ft_gc_free(o);
        ft_trashcan_end();
        return;
    }
    if (tp->tp_free)
        tp->tp_free(o);
    else
        ft_gc_free(o);
    if (tp->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(tp);
    ft_trashcan_end();
}

static int tuple_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    for (ssize_t i = FT_SIZE(o); --i >= 0;)
        VISIT(FT_TUPLE_GET(o, i));
    return 0;
}

static FtObject *tuple_repr(FtObject *o) {
    ssize_t n = FT_SIZE(o);
    if (n == 0)
        return ft_str_from_cstr("()");
    int r = ft_repr_enter(o);
    if (r != 0)
        return r > 0 ? ft_str_from_cstr("(...)") : NULL;
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (ft_sb_append_char(&sb, '(') < 0)
        goto fail;
    for (ssize_t i = 0; i < FT_SIZE(o); i++) {
        if (i > 0 && ft_sb_append_cstr(&sb, ", ") < 0)
            goto fail;
        if (ft_sb_append_repr(&sb, FT_TUPLE_GET(o, i)) < 0)
            goto fail;
    }
    if (n == 1 && ft_sb_append_char(&sb, ',') < 0)
        goto fail;
    if (ft_sb_append_char(&sb, ')') < 0)
        goto fail;
    ft_repr_leave(o);
    return ft_sb_finish(&sb);
fail:
    ft_repr_leave(o);
    ft_sb_discard(&sb);
    return NULL;
}

/* CPython 3.8+'s xxHash-based tuple hash: hash((1, 2)) is the same number. */
#define XXPRIME_1 ((uint64_t)11400714785074694791ULL)
#define XXPRIME_2 ((uint64_t)14029467366897019727ULL)
#define XXPRIME_5 ((uint64_t)2870177450012600261ULL)
#define XXROTATE(x) (((x) << 31) | ((x) >> 33))

static ft_hash_t tuple_hash(FtObject *o) {
    ssize_t len = FT_SIZE(o);
    uint64_t acc = XXPRIME_5;
    for (ssize_t i = 0; i < len; i++) {
        ft_hash_t h = ft_object_hash(FT_TUPLE_GET(o, i));
        if (h == -1)
            return -1;
        uint64_t lane = (uint64_t)h;
        acc += lane * XXPRIME_2;
        acc = XXROTATE(acc);
        acc *= XXPRIME_1;
    }
    acc += (uint64_t)len ^ (XXPRIME_5 ^ 3527539UL);
    if (acc == (uint64_t)-1)
        return 1546275796;
    return (ft_hash_t)acc;
}

static ssize_t tuple_length(FtObject *o) { return FT_SIZE(o); }

static int tuple_contains(FtObject *o, FtObject *v) {
    int cmp = 0;
    for (ssize_t i = 0; cmp == 0 && i < FT_SIZE(o); i++)
        cmp = ft_object_richcompare_bool(FT_TUPLE_GET(o, i), v, FT_EQ);
    return cmp;
}

static FtObject *tuple_item(FtObject *o, ssize_t i) {
    if (i < 0 || i >= FT_SIZE(o)) {
        ft_err_set_string(ft_exc_IndexError, "tuple index out of range");
        return NULL;
    }
    return ft_newref(FT_TUPLE_GET(o, i));
}

static FtObject *tuple_concat(FtObject *a, FtObject *b) {
    if (!ft_tuple_check(b)) {
        ft_err_format(ft_exc_TypeError, "can only concatenate tuple (not \"%T\") to tuple", b);
        return NULL;
    }
    ssize_t na = FT_SIZE(a), nb = FT_SIZE(b);
    if (nb == 0 && ft_tuple_check_exact(a))
        return ft_newref(a);
    if (na == 0 && ft_tuple_check_exact(b))
        return ft_newref(b);
    if (na > SSIZE_MAX - nb)
        return ft_err_no_memory();
    FtObject *t = ft_tuple_new(na + nb);
    if (!t)
        return NULL;
    for (ssize_t i = 0; i < na; i++)
        FT_TUPLE_SET(t, i, ft_newref(FT_TUPLE_GET(a, i)));
    for (ssize_t i = 0; i < nb; i++)
        FT_TUPLE_SET(t, na + i, ft_newref(FT_TUPLE_GET(b, i)));
    return t;
}

static FtObject *tuple_repeat(FtObject *a, ssize_t n) {
    ssize_t len = FT_SIZE(a);
    if (ft_tuple_check_exact(a) && (n == 1 || len == 0))
        return ft_newref(a);
    if (n <= 0 || len == 0)
        return ft_newref(empty_tuple());
    if (len > SSIZE_MAX / n)
        return ft_err_no_memory();
    FtObject *t = ft_tuple_new(len * n);
    if (!t)
        return NULL;
    FtObject **dst = FT_TUPLE_ITEMS(t);
    for (ssize_t r = 0; r < n; r++)
        for (ssize_t i = 0; i < len; i++)
            *dst++ = ft_newref(FT_TUPLE_GET(a, i));
    return t;
}

static FtObject *tuple_subscript(FtObject *o, FtObject *key) {
    if (ft_index_check(key)) {
        ssize_t i = ft_number_as_ssize(key, ft_exc_IndexError);
        if (i == -1 && ft_err_occurred())
            return NULL;
        if (i < 0)
            i += FT_SIZE(o);
        return tuple_item(o, i);
    }
    if (ft_slice_check(key)) {
        ssize_t start, stop, step;
        if (ft_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        ssize_t n = ft_slice_adjust_indices(FT_SIZE(o), &start, &stop, step);
        if (n <= 0)
            return ft_newref(empty_tuple());
        if (step == 1)
            return ft_tuple_slice(o, start, stop);
        FtObject *t = ft_tuple_new(n);
        if (!t)
            return NULL;
        for (ssize_t i = 0, cur = start; i < n; i++, cur += step)
            FT_TUPLE_SET(t, i, ft_newref(FT_TUPLE_GET(o, cur)));
        return t;
    }
    ft_err_format(ft_exc_TypeError, "tuple indices must be integers or slices, not %T", key);
    return NULL;
}

/* Lexicographic comparison shared in spirit with list.c: find the first index where the
 * items differ, then compare the lengths or those two items. */
static FtObject *tuple_richcompare(FtObject *v, FtObject *w, int op) {
    if (!ft_tuple_check(v) || !ft_tuple_check(w))
        FT_RETURN_NOTIMPLEMENTED;
    ssize_t vlen = FT_SIZE(v), wlen = FT_SIZE(w);
    ssize_t i;
    for (i = 0; i < vlen && i < wlen; i++) {
        int k = ft_object_richcompare_bool(FT_TUPLE_GET(v, i), FT_TUPLE_GET(w, i), FT_EQ);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    if (i >= vlen || i >= wlen) {
        int r;
        switch (op) {
        case FT_LT: r = vlen < wlen; break;
        case FT_LE: r = vlen <= wlen; break;
        case FT_EQ: r = vlen == wlen; break;
        case FT_NE: r = vlen != wlen; break;
        case FT_GT: r = vlen > wlen; break;
        default: r = vlen >= wlen; break;
        }
        return ft_bool_from(r);
    }
    if (op == FT_EQ)
        FT_RETURN_FALSE;
    if (op == FT_NE)
        FT_RETURN_TRUE;
    return ft_object_richcompare(FT_TUPLE_GET(v, i), FT_TUPLE_GET(w, i), op);
}

static FtObject *tuple_iter(FtObject *o);

static FtObject *tuple_new(FtType *type, FtObject *args, FtObject *kwargs) {
    if (type == &ft_tuple_type && kwargs && ft_dict_size(kwargs) > 0) {
        ft_err_set_string(ft_exc_TypeError, "tuple() takes no keyword arguments");
        return NULL;
    }
    ssize_t nargs = FT_SIZE(args);
    if (nargs > 1) {
        ft_err_format(ft_exc_TypeError, "tuple expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    FtObject *tmp = nargs ? ft_sequence_tuple(FT_TUPLE_GET(args, 0)) : ft_newref(empty_tuple());
    if (!tmp || type == &ft_tuple_type)
        return tmp;
    /* A subclass instance: allocate through the subtype and copy. */
    ssize_t n = FT_SIZE(tmp);
    FtObject *o = type->tp_alloc ? type->tp_alloc(type, n) : ft_type_generic_alloc(type, n);
    if (!o) {
        FT_DECREF(tmp);
        return NULL;
    }
    ((FtTuple *)o)->hash_cache = -1;
    for (ssize_t i = 0; i < n; i++)
        FT_TUPLE_SET(o, i, ft_newref(FT_TUPLE_GET(tmp, i)));
    FT_DECREF(tmp);
    if (!ft_gc_is_tracked(o))
        ft_gc_track(o);
    return o;
}

/* ---- methods ---------------------------------------------------------------------------- */

/* Clamp a start/stop argument as CPython's _PyEval_SliceIndexNotNone does. */
static int slice_index_arg(FtObject *v, ssize_t *out) {
    if (!ft_index_check(v)) {
        ft_err_set_string(ft_exc_TypeError,
                          "slice indices must be integers or have an __index__ method");
        return -1;
    }
    ssize_t x = ft_number_as_ssize(v, NULL);
    if (x == -1 && ft_err_occurred())
        return -1;
    *out = x;
    return 0;
}

static FtObject *tuple_index(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("index", nargs, 1, 3) < 0)
        return NULL;
    ssize_t start = 0, stop = SSIZE_MAX, n = FT_SIZE(self);
    if (nargs > 1 && slice_index_arg(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && slice_index_arg(args[2], &stop) < 0)
        return NULL;
    if (start < 0) {
        start += n;
        if (start < 0)
            start = 0;
    }
    if (stop < 0)
        stop += n;
    else if (stop > n)
        stop = n;
    for (ssize_t i = start; i < stop && i < FT_SIZE(self); i++) {
        int cmp = ft_object_richcompare_bool(FT_TUPLE_GET(self, i), args[0], FT_EQ);
        if (cmp > 0)
            return ft_int_from_ssize(i);
        if (cmp < 0)
            return NULL;
    }
    ft_err_set_string(ft_exc_ValueError, "tuple.index(x): x not in tuple");
    return NULL;
}

static FtObject *tuple_count(FtObject *self, FtObject *v) {
    ssize_t count = 0;
    for (ssize_t i = 0; i < FT_SIZE(self); i++) {
        int cmp = ft_object_richcompare_bool(FT_TUPLE_GET(self, i), v, FT_EQ);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return ft_int_from_ssize(count);
}

static FtObject *tuple_getnewargs(FtObject *self, FtObject *unused) {
    FtObject *copy = ft_tuple_from_array(FT_TUPLE_ITEMS(self), FT_SIZE(self));
    if (!copy)
        return NULL;
    return ft_tuple_from_array_steal(&copy, 1);
}

/* CPython's numbers (a 24-byte header, then the items), so sys.getsizeof agrees with it. */
static FtObject *tuple_sizeof(FtObject *self, FtObject *unused) {
    return ft_int_from_ssize(24 + FT_SIZE(self) * (ssize_t)sizeof(FtObject *));
}

static FtMethodDef tuple_methods[] = {
    {"__sizeof__", (void *)tuple_sizeof, FT_METH_NOARGS, NULL},
    {"__class_getitem__", (void *)ft_generic_alias_class_getitem, FT_METH_O | FT_METH_CLASS,
     "See PEP 585"},
    {"index", (void *)tuple_index, FT_METH_FASTCALL,
     "Return first index of value.\n\nRaises ValueError if the value is not present."},
    {"count", (void *)tuple_count, FT_METH_O, "Return number of occurrences of value."},
    {"__getnewargs__", (void *)tuple_getnewargs, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static FtSequenceMethods tuple_as_sequence = {
    .sq_length = tuple_length,
    .sq_concat = tuple_concat,
    .sq_repeat = tuple_repeat,
    .sq_item = tuple_item,
    .sq_contains = tuple_contains,
};

static FtMappingMethods tuple_as_mapping = {
    .mp_length = tuple_length,
    .mp_subscript = tuple_subscript,
};

FtType ft_tuple_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "tuple",
    .tp_basicsize = sizeof(FtTuple),
    .tp_itemsize = sizeof(FtObject *),
    .tp_dealloc = tuple_dealloc,
    .tp_repr = tuple_repr,
    .tp_as_sequence = &tuple_as_sequence,
    .tp_as_mapping = &tuple_as_mapping,
    .tp_hash = tuple_hash,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE | FT_TPFLAGS_TUPLE_SUBCLASS,
    .tp_doc = "Built-in immutable sequence.\n\nIf no argument is given, the constructor returns "
              "an empty tuple.\nIf iterable is specified the tuple is initialized from "
              "iterable's items.\n\nIf the argument is a tuple, the return value is the same "
              "object.",
    .tp_traverse = tuple_traverse,
    .tp_richcompare = tuple_richcompare,
    .tp_iter = tuple_iter,
    .tp_methods = tuple_methods,
    .tp_new = tuple_new,
};

/* ---- tuple iterator --------------------------------------------------------------------- */

typedef struct TupleIter {
    FtObject ob_base;
    ssize_t index;
    FtObject *seq; /* NULL once exhausted */
} TupleIter;

static FtObject *tuple_iter(FtObject *o) {
    TupleIter *it = (TupleIter *)ft_gc_alloc(&ft_tuple_iter_type);
    if (!it)
        return NULL;
    it->index = 0;
    it->seq = ft_newref(o);
    ft_gc_track((FtObject *)it);
    return (FtObject *)it;
}

static void tupleiter_dealloc(FtObject *o) {
    ft_gc_untrack(o);
    FT_XDECREF(((TupleIter *)o)->seq);
    ft_gc_free(o);
}

static int tupleiter_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    VISIT(((TupleIter *)o)->seq);
    return 0;
}

static FtObject *tupleiter_next(FtObject *o) {
    TupleIter *it = (TupleIter *)o;
    FtObject *seq = it->seq;
    if (!seq)
        return NULL;
#if FT_FREE_THREADED
    /* Two threads may call next() on one iterator: claim an index with a compare-and-swap
     * (the tuple never changes). The tuple stays referenced until the iterator dies, since
     * another thread may still be reading it. */
    ssize_t i = __atomic_load_n(&it->index, __ATOMIC_RELAXED);
    do {
        if (i >= FT_SIZE(seq))
            return NULL;
    } while (!__atomic_compare_exchange_n(&it->index, &i, i + 1, true, __ATOMIC_RELAXED,
                                          __ATOMIC_RELAXED));
    return ft_newref(FT_TUPLE_GET(seq, i));
#else
    if (it->index < FT_SIZE(seq))
        return ft_newref(FT_TUPLE_GET(seq, it->index++));
    it->seq = NULL;
    FT_DECREF(seq);
    return NULL;
#endif
}

static FtObject *tupleiter_len(FtObject *o, FtObject *unused) {
    TupleIter *it = (TupleIter *)o;
    ssize_t i = __atomic_load_n(&it->index, __ATOMIC_RELAXED);
    return ft_int_from_ssize(it->seq && i < FT_SIZE(it->seq) ? FT_SIZE(it->seq) - i : 0);
}

static FtObject *iter_self(FtObject *o) { return ft_newref(o); }

static FtMethodDef tupleiter_methods[] = {
    {"__length_hint__", (void *)tupleiter_len, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

FtType ft_tuple_iter_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "tuple_iterator",
    .tp_basicsize = sizeof(TupleIter),
    .tp_dealloc = tupleiter_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = tupleiter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = tupleiter_next,
    .tp_methods = tupleiter_methods,
};
