/* iterators.c: the built-in iterator types enumerate, zip, map, filter and reversed, the
 * sequence iterator (iteration through __getitem__ until IndexError) and the callable
 * iterator (iter(callable, sentinel)); also ft_containers_init, which readies every type
 * of the container files (tuple, list, dict, set, range, slice and their helpers).
 * Semantics and messages follow CPython 3.11 (Python/bltinmodule.c, Objects/enumobject.c,
 * Objects/iterobject.c). */
#include "core/object.h"
#include "gc/gc.h"

#define VISIT(o)                                          \
    do {                                                  \
        if (o) {                                          \
            int vret_ = visit((FtObject *)(o), arg);      \
            if (vret_)                                    \
                return vret_;                             \
        }                                                 \
    } while (0)

static FtObject *iter_self(FtObject *o) { return ft_newref(o); }

/* Allocate an instance of a (possibly subclassed) iterator type. */
static FtObject *alloc_instance(FtType *type) {
    FtObject *o = type->tp_alloc ? type->tp_alloc(type, 0) : ft_type_generic_alloc(type, 0);
    return o;
}

static void track(FtObject *o) {
    if (!ft_gc_is_tracked(o))
        ft_gc_track(o);
}

static void free_instance(FtObject *o) {
    FtType *tp = FT_TYPE(o);
    if (tp->tp_free)
        tp->tp_free(o);
    else
        ft_gc_free(o);
    if (tp->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(tp);
}

/* Call an iterator's tp_iternext, turning a raised StopIteration into plain exhaustion.
 * Returns NULL without an error set at the end. */
static FtObject *next_item(FtObject *it) {
    FtObject *r = FT_TYPE(it)->tp_iternext(it);
    if (!r && ft_err_occurred() && ft_err_matches(ft_exc_StopIteration))
        ft_err_clear();
    return r;
}

/* A kwargs dict of a constructor: the one allowed name, or the CPython error. */
static int single_kwarg(FtObject *kwargs, const char *fname, const char *name, FtObject **out) {
    ssize_t pos = 0;
    FtObject *k, *v;
    while (ft_dict_next(kwargs, &pos, &k, &v)) {
        if (ft_str_check(k) && name && ft_str_eq_cstr(k, name)) {
            *out = v;
            continue;
        }
        if (ft_str_check(k))
            ft_err_format(ft_exc_TypeError, "'%U' is an invalid keyword argument for %s()", k,
                          fname);
        else
            ft_err_set_string(ft_exc_TypeError, "keywords must be strings");
        return -1;
    }
    return 0;
}

/* ---- enumerate ------------------------------------------------------------------------- */

typedef struct Enumerate {
    FtObject ob_base;
    ssize_t index;        /* the next index while it fits */
    FtObject *it;
    FtObject *long_index; /* the next index as an int once it no longer fits (or NULL) */
} Enumerate;

static FtObject *enumerate_new(FtType *type, FtObject *args, FtObject *kwargs) {
    ssize_t nargs = FT_SIZE(args);
    FtObject *iterable = nargs > 0 ? FT_TUPLE_GET(args, 0) : NULL;
    FtObject *start = nargs > 1 ? FT_TUPLE_GET(args, 1) : NULL;
    if (nargs > 2) {
        ft_err_format(ft_exc_TypeError, "enumerate() takes at most 2 arguments (%zd given)",
                      nargs + (kwargs ? ft_dict_size(kwargs) : 0));
        return NULL;
    }
    if (kwargs && ft_dict_size(kwargs) > 0) {
        ssize_t pos = 0;
        FtObject *k, *v;
        while (ft_dict_next(kwargs, &pos, &k, &v)) {
            FtObject **slot = NULL;
            if (ft_str_check(k) && ft_str_eq_cstr(k, "iterable"))
                slot = &iterable;
            else if (ft_str_check(k) && ft_str_eq_cstr(k, "start"))
                slot = &start;
            if (!slot) {
                if (ft_str_check(k))
                    ft_err_format(ft_exc_TypeError,
                                  "'%U' is an invalid keyword argument for enumerate()", k);
                else
                    ft_err_set_string(ft_exc_TypeError, "keywords must be strings");
                return NULL;
            }
            if (*slot && ((slot == &iterable && nargs > 0) || (slot == &start && nargs > 1))) {
                ft_err_format(ft_exc_TypeError,
                              "argument for enumerate() given by name ('%U') and position (%d)",
                              k, slot == &iterable ? 1 : 2);
                return NULL;
            }
            *slot = v;
        }
    }
    if (!iterable) {
        ft_err_set_string(ft_exc_TypeError, "enumerate() missing required argument 'iterable'");
        return NULL;
    }
    ssize_t index = 0;
    FtObject *long_index = NULL;
    if (start) {
        FtObject *s = ft_number_index(start);
        if (!s)
            return NULL;
        int overflow = 0;
        int64_t v = ft_int_as_i64(s, &overflow);
        if (overflow || v == INT64_MAX) {
            long_index = s;
        } else {
            index = (ssize_t)v;
            FT_DECREF(s);
        }
    }
    FtObject *it = ft_object_getiter(iterable);
    if (!it) {
        FT_XDECREF(long_index);
        return NULL;
    }
    Enumerate *en = (Enumerate *)alloc_instance(type);
    if (!en) {
        FT_DECREF(it);
        FT_XDECREF(long_index);
        return NULL;
    }
    en->index = index;
    en->it = it;
    en->long_index = long_index;
    track((FtObject *)en);
    return (FtObject *)en;
}

static void enumerate_dealloc(FtObject *o) {
    Enumerate *en = (Enumerate *)o;
    if (ft_gc_is_tracked(o))
        ft_gc_untrack(o);
    FT_XDECREF(en->it);
    FT_XDECREF(en->long_index);
    free_instance(o);
}

static int enumerate_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    Enumerate *en = (Enumerate *)o;
    VISIT(en->it);
    VISIT(en->long_index);
    return 0;
}

/* The pair for item at the next index, past SSIZE_MAX or from a big start (free-threaded
 * builds: under the enumerate's critical section). Steals item. */
static FtObject *enumerate_pair(Enumerate *en, FtObject *item) {
    FtObject *idx;
    if (en->long_index) {
        idx = en->long_index;
        FtObject *one = ft_int_from_i64(1);
        FtObject *nxt = one ? ft_number_binop(idx, one, FT_BINOP_ADD) : NULL;
        FT_XDECREF(one);
        if (!nxt) {
            FT_DECREF(item);
            return NULL;
        }
        __atomic_store_n(&en->long_index, nxt, __ATOMIC_RELEASE);
    } else {
        ssize_t i = __atomic_load_n(&en->index, __ATOMIC_RELAXED);
        idx = ft_int_from_ssize(i);
        if (!idx) {
            FT_DECREF(item);
            return NULL;
        }
        if (i == SSIZE_MAX) {
            FtObject *one = ft_int_from_i64(1);
            FtObject *nxt = one ? ft_number_binop(idx, one, FT_BINOP_ADD) : NULL;
            FT_XDECREF(one);
            if (!nxt) {
                FT_DECREF(idx);
                FT_DECREF(item);
                return NULL;
            }
            __atomic_store_n(&en->long_index, nxt, __ATOMIC_RELEASE);
        } else {
            __atomic_store_n(&en->index, i + 1, __ATOMIC_RELAXED);
        }
    }
    FtObject *pair[2] = {idx, item};
    return ft_tuple_from_array_steal(pair, 2);
}

static FtObject *enumerate_next(FtObject *o) {
    Enumerate *en = (Enumerate *)o;
    FtObject *item = next_item(en->it);
    if (!item)
        return NULL;
#if FT_FREE_THREADED
    /* Two threads may call next() on one enumerate: claim the index with a compare-and-swap
     * while it fits a ssize_t; the big-int index (rare) changes under a critical section. */
    if (__atomic_load_n(&en->long_index, __ATOMIC_ACQUIRE) == NULL) {
        ssize_t i = __atomic_load_n(&en->index, __ATOMIC_RELAXED);
        while (i < SSIZE_MAX) {
            if (__atomic_compare_exchange_n(&en->index, &i, i + 1, true, __ATOMIC_RELAXED,
                                            __ATOMIC_RELAXED)) {
                FtObject *idx = ft_int_from_ssize(i);
                if (!idx) {
                    FT_DECREF(item);
                    return NULL;
                }
                FtObject *pair[2] = {idx, item};
                return ft_tuple_from_array_steal(pair, 2);
            }
        }
    }
    FtObject *r;
    LK_BEGIN_CRITICAL(o);
    r = enumerate_pair(en, item);
    LK_END_CRITICAL();
    return r;
#else
    return enumerate_pair(en, item);
#endif
}

static FtMethodDef enumerate_methods[] = {
    {"__class_getitem__", (void *)ft_generic_alias_class_getitem, FT_METH_O | FT_METH_CLASS,
     "See PEP 585"},
    {NULL, NULL, 0, NULL},
};

FtType ft_enumerate_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "enumerate",
    .tp_basicsize = sizeof(Enumerate),
    .tp_dealloc = enumerate_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,
    .tp_doc = "Return an enumerate object.",
    .tp_traverse = enumerate_traverse,
    .tp_iter = iter_self,
    .tp_iternext = enumerate_next,
    .tp_methods = enumerate_methods,
    .tp_new = enumerate_new,
};

/* ---- zip --------------------------------------------------------------------------------- */

typedef struct Zip {
    FtObject ob_base;
    ssize_t n;
    FtObject *iters;  /* tuple of iterators */
    int strict;
} Zip;

static FtObject *zip_new(FtType *type, FtObject *args, FtObject *kwargs) {
    int strict = 0;
    if (kwargs && ft_dict_size(kwargs) > 0) {
        FtObject *s = NULL;
        if (single_kwarg(kwargs, "zip", "strict", &s) < 0)
            return NULL;
        if (s) {
            strict = ft_object_is_true(s);
            if (strict < 0)
                return NULL;
        }
    }
    ssize_t n = FT_SIZE(args);
    FtObject *iters = ft_tuple_new(n);
    if (!iters)
        return NULL;
    for (ssize_t i = 0; i < n; i++) {
        FtObject *it = ft_object_getiter(FT_TUPLE_GET(args, i));
        if (!it) {
            FT_DECREF(iters);
            return NULL;
        }
        FT_TUPLE_SET(iters, i, it);
    }
    Zip *z = (Zip *)alloc_instance(type);
    if (!z) {
        FT_DECREF(iters);
        return NULL;
    }
    z->n = n;
    z->iters = iters;
    z->strict = strict;
    track((FtObject *)z);
    return (FtObject *)z;
}

static void zip_dealloc(FtObject *o) {
    if (ft_gc_is_tracked(o))
        ft_gc_untrack(o);
    FT_XDECREF(((Zip *)o)->iters);
    free_instance(o);
}

static int zip_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    VISIT(((Zip *)o)->iters);
    return 0;
}

static FtObject *zip_next(FtObject *o) {
    Zip *z = (Zip *)o;
    ssize_t n = z->n;
    if (n == 0)
        return NULL;
    FtObject *result = ft_tuple_new(n);
    if (!result)
        return NULL;
    ssize_t i;
    for (i = 0; i < n; i++) {
        FtObject *item = next_item(FT_TUPLE_GET(z->iters, i));
        if (!item) {
            FT_DECREF(result);
            if (ft_err_occurred() || !z->strict)
                return NULL;
            goto check;
        }
        FT_TUPLE_SET(result, i, item);
    }
    return result;
check:
    /* strict=True: the first iterator ran out; every other one must end here too. */
    if (i) {
        ft_err_format(ft_exc_ValueError, "zip() argument %zd is shorter than argument%s%zd",
                      i + 1, i == 1 ? " " : "s 1-", i);
        return NULL;
    }
    for (i = 1; i < n; i++) {
        FtObject *item = next_item(FT_TUPLE_GET(z->iters, i));
        if (item) {
            FT_DECREF(item);
            ft_err_format(ft_exc_ValueError, "zip() argument %zd is longer than argument%s%zd",
                          i + 1, i == 1 ? " " : "s 1-", i);
            return NULL;
        }
        if (ft_err_occurred())
            return NULL;
    }
    return NULL;
}

FtType ft_zip_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "zip",
    .tp_basicsize = sizeof(Zip),
    .tp_dealloc = zip_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,
    .tp_doc = "zip(*iterables, strict=False) --> Yield tuples until an input is exhausted.",
    .tp_traverse = zip_traverse,
    .tp_iter = iter_self,
    .tp_iternext = zip_next,
    .tp_new = zip_new,
};

/* ---- map ---------------------------------------------------------------------------------- */

typedef struct Map {
    FtObject ob_base;
    FtObject *func;
    FtObject *iters; /* tuple */
} Map;

static FtObject *map_new(FtType *type, FtObject *args, FtObject *kwargs) {
    if (type == &ft_map_type && kwargs && ft_dict_size(kwargs) > 0) {
        ft_err_set_string(ft_exc_TypeError, "map() takes no keyword arguments");
        return NULL;
    }
    ssize_t n = FT_SIZE(args);
    if (n < 2) {
        ft_err_set_string(ft_exc_TypeError, "map() must have at least two arguments.");
        return NULL;
    }
    FtObject *iters = ft_tuple_new(n - 1);
    if (!iters)
        return NULL;
    for (ssize_t i = 1; i < n; i++) {
        FtObject *it = ft_object_getiter(FT_TUPLE_GET(args, i));
        if (!it) {
            FT_DECREF(iters);
            return NULL;
        }
        FT_TUPLE_SET(iters, i - 1, it);
    }
    Map *m = (Map *)alloc_instance(type);
    if (!m) {
        FT_DECREF(iters);
        return NULL;
    }
    m->func = ft_newref(FT_TUPLE_GET(args, 0));
    m->iters = iters;
    track((FtObject *)m);
    return (FtObject *)m;
}

static void map_dealloc(FtObject *o) {
    Map *m = (Map *)o;
    if (ft_gc_is_tracked(o))
        ft_gc_untrack(o);
    FT_XDECREF(m->func);
    FT_XDECREF(m->iters);
    free_instance(o);
}

static int map_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    VISIT(((Map *)o)->func);
    VISIT(((Map *)o)->iters);
    return 0;
}

static FtObject *map_next(FtObject *o) {
    Map *m = (Map *)o;
    ssize_t n = FT_SIZE(m->iters);
    FtObject *small[8];
    FtObject **stack = n <= 8 ? small : ft_mem_alloc((size_t)n * sizeof(FtObject *));
    if (!stack)
        return NULL;
    FtObject *result = NULL;
    ssize_t got;
    for (got = 0; got < n; got++) {
        stack[got] = next_item(FT_TUPLE_GET(m->iters, got));
        if (!stack[got])
            goto done;
    }
    result = ft_object_vectorcall(m->func, stack, (size_t)n, NULL);
done:
    for (ssize_t i = 0; i < got; i++)
        FT_DECREF(stack[i]);
    if (stack != small)
        ft_mem_free(stack);
    return result;
}

FtType ft_map_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "map",
    .tp_basicsize = sizeof(Map),
    .tp_dealloc = map_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,
    .tp_doc = "map(func, *iterables) --> map object",
    .tp_traverse = map_traverse,
    .tp_iter = iter_self,
    .tp_iternext = map_next,
    .tp_new = map_new,
};

/* ---- filter -------------------------------------------------------------------------------- */

typedef struct Filter {
    FtObject ob_base;
    FtObject *func; /* None: truth of the item itself */
    FtObject *it;
} Filter;

static FtObject *filter_new(FtType *type, FtObject *args, FtObject *kwargs) {
    if (type == &ft_filter_type && kwargs && ft_dict_size(kwargs) > 0) {
        ft_err_set_string(ft_exc_TypeError, "filter() takes no keyword arguments");
        return NULL;
    }
    ssize_t n = FT_SIZE(args);
    if (n != 2) {
        ft_err_format(ft_exc_TypeError, "filter expected 2 arguments, got %zd", n);
        return NULL;
    }
    FtObject *it = ft_object_getiter(FT_TUPLE_GET(args, 1));
    if (!it)
        return NULL;
    Filter *f = (Filter *)alloc_instance(type);
    if (!f) {
        FT_DECREF(it);
        return NULL;
    }
    f->func = ft_newref(FT_TUPLE_GET(args, 0));
    f->it = it;
    track((FtObject *)f);
    return (FtObject *)f;
}

static void filter_dealloc(FtObject *o) {
    Filter *f = (Filter *)o;
    if (ft_gc_is_tracked(o))
        ft_gc_untrack(o);
    FT_XDECREF(f->func);
    FT_XDECREF(f->it);
    free_instance(o);
}

static int filter_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    VISIT(((Filter *)o)->func);
    VISIT(((Filter *)o)->it);
    return 0;
}

static FtObject *filter_next(FtObject *o) {
    Filter *f = (Filter *)o;
    bool truth_only = f->func == FT_NONE || f->func == (FtObject *)&ft_bool_type;
    for (;;) {
        FtObject *item = next_item(f->it);
        if (!item)
            return NULL;
        int ok;
        if (truth_only) {
            ok = ft_object_is_true(item);
        } else {
            FtObject *good = ft_object_call_one(f->func, item);
            if (!good) {
                FT_DECREF(item);
                return NULL;
            }
            ok = ft_object_is_true(good);
            FT_DECREF(good);
        }
        if (ok > 0)
            return item;
        FT_DECREF(item);
        if (ok < 0)
            return NULL;
    }
}

FtType ft_filter_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "filter",
    .tp_basicsize = sizeof(Filter),
    .tp_dealloc = filter_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,
    .tp_doc = "filter(function or None, iterable) --> filter object",
    .tp_traverse = filter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = filter_next,
    .tp_new = filter_new,
};

/* ---- reversed ------------------------------------------------------------------------------ */

typedef struct Reversed {
    FtObject ob_base;
    ssize_t index;
    FtObject *seq; /* NULL once exhausted */
} Reversed;

static FtObject *reversed_new(FtType *type, FtObject *args, FtObject *kwargs) {
    if (type == &ft_reversed_type && kwargs && ft_dict_size(kwargs) > 0) {
        ft_err_set_string(ft_exc_TypeError, "reversed() takes no keyword arguments");
        return NULL;
    }
    ssize_t nargs = FT_SIZE(args);
    if (nargs != 1) {
        ft_err_format(ft_exc_TypeError, "reversed expected 1 argument, got %zd", nargs);
        return NULL;
    }
    FtObject *seq = FT_TUPLE_GET(args, 0);
    FtType *st = FT_TYPE(seq);
    FtObject *meth = ft_type_lookup(st, FT_ID(__reversed__));
    if (meth == FT_NONE) {
        ft_err_format(ft_exc_TypeError, "'%T' object is not reversible", seq);
        return NULL;
    }
    if (meth) {
        FtObject *bound = ft_object_getattr(seq, FT_ID(__reversed__));
        if (!bound)
            return NULL;
        FtObject *r = ft_object_call_noargs(bound);
        FT_DECREF(bound);
        return r;
    }
    /* A sequence: __getitem__ (not a mapping's) and __len__. */
    bool is_seq = !ft_dict_check(seq) &&
                  ((st->tp_as_sequence && st->tp_as_sequence->sq_item) ||
                   ft_type_lookup(st, FT_ID(__getitem__)) != NULL);
    if (!is_seq) {
        ft_err_format(ft_exc_TypeError, "'%T' object is not reversible", seq);
        return NULL;
    }
    ssize_t n = ft_object_length(seq);
    if (n == -1)
        return NULL;
    Reversed *ro = (Reversed *)alloc_instance(type);
    if (!ro)
        return NULL;
    ro->index = n - 1;
    ro->seq = ft_newref(seq);
    track((FtObject *)ro);
    return (FtObject *)ro;
}

static void reversed_dealloc(FtObject *o) {
    if (ft_gc_is_tracked(o))
        ft_gc_untrack(o);
    FT_XDECREF(((Reversed *)o)->seq);
    free_instance(o);
}

static int reversed_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    VISIT(((Reversed *)o)->seq);
    return 0;
}

static FtObject *reversed_next(FtObject *o) {
    Reversed *ro = (Reversed *)o;
#if FT_FREE_THREADED
    /* Two threads may call next() on one iterator: each claims an index with a
     * compare-and-swap, and the sequence stays referenced until the iterator dies. */
    ssize_t i = __atomic_load_n(&ro->index, __ATOMIC_RELAXED);
    do {
        if (i < 0 || !ro->seq)
            return NULL;
    } while (!__atomic_compare_exchange_n(&ro->index, &i, i - 1, true, __ATOMIC_RELAXED,
                                          __ATOMIC_RELAXED));
    FtObject *item = ft_sequence_getitem(ro->seq, i);
    if (item)
        return item;
    if (ft_err_matches(ft_exc_IndexError) || ft_err_matches(ft_exc_StopIteration)) {
        ft_err_clear();
        __atomic_store_n(&ro->index, -1, __ATOMIC_RELAXED);
    } else {
        ssize_t after = i - 1; /* another error: give the index back, as the GIL build */
        __atomic_compare_exchange_n(&ro->index, &after, i, false, __ATOMIC_RELAXED,
                                    __ATOMIC_RELAXED);
    }
    return NULL;
#else
    if (ro->index >= 0 && ro->seq) {
        FtObject *item = ft_sequence_getitem(ro->seq, ro->index);
        if (item) {
            ro->index--;
            return item;
        }
        if (!ft_err_matches(ft_exc_IndexError) && !ft_err_matches(ft_exc_StopIteration))
            return NULL;
        ft_err_clear();
    }
    ro->index = -1;
    FT_CLEAR(ro->seq);
    return NULL;
#endif
}

static FtObject *reversed_len(FtObject *o, FtObject *unused) {
    Reversed *ro = (Reversed *)o;
    if (!ro->seq)
        return ft_int_from_ssize(0);
    ssize_t n = ft_object_length(ro->seq);
    if (n == -1)
        return NULL;
    ssize_t i = __atomic_load_n(&ro->index, __ATOMIC_RELAXED);
    return ft_int_from_ssize(n < i + 1 ? 0 : i + 1);
}

static FtMethodDef reversed_methods[] = {
    {"__length_hint__", (void *)reversed_len, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

FtType ft_reversed_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "reversed",
    .tp_basicsize = sizeof(Reversed),
    .tp_dealloc = reversed_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,
    .tp_doc = "Return a reverse iterator over the values of the given sequence.",
    .tp_traverse = reversed_traverse,
    .tp_iter = iter_self,
    .tp_iternext = reversed_next,
    .tp_methods = reversed_methods,
    .tp_new = reversed_new,
};

/* ---- sequence iterator ----------------------------------------------------------------- */

typedef struct SeqIter {
    FtObject ob_base;
    ssize_t index;
    FtObject *seq; /* NULL once exhausted */
} SeqIter;

FtObject *ft_seqiter_new(FtObject *seq) {
    SeqIter *it = (SeqIter *)ft_gc_alloc(&ft_seqiter_type);
    if (!it)
        return NULL;
    it->index = 0;
    it->seq = ft_newref(seq);
    ft_gc_track((FtObject *)it);
    return (FtObject *)it;
}

static void seqiter_dealloc(FtObject *o) {
    ft_gc_untrack(o);
    FT_XDECREF(((SeqIter *)o)->seq);
    ft_gc_free(o);
}

static int seqiter_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    VISIT(((SeqIter *)o)->seq);
    return 0;
}

static FtObject *seqiter_next(FtObject *o) {
    SeqIter *it = (SeqIter *)o;
    if (!it->seq)
        return NULL;
#if FT_FREE_THREADED
    /* Two threads may call next() on one iterator: each claims an index with a
     * compare-and-swap, and the sequence stays referenced until the iterator dies
     * (index -1: exhausted). */
    ssize_t i = __atomic_load_n(&it->index, __ATOMIC_RELAXED);
    do {
        if (i < 0)
            return NULL;
        if (i == SSIZE_MAX) {
            ft_err_set_string(ft_exc_OverflowError, "iter index too large");
            return NULL;
        }
    } while (!__atomic_compare_exchange_n(&it->index, &i, i + 1, true, __ATOMIC_RELAXED,
                                          __ATOMIC_RELAXED));
    FtObject *item = ft_sequence_getitem(it->seq, i);
    if (item)
        return item;
    if (ft_err_matches(ft_exc_IndexError) || ft_err_matches(ft_exc_StopIteration)) {
        ft_err_clear();
        __atomic_store_n(&it->index, -1, __ATOMIC_RELAXED);
    } else {
        ssize_t after = i + 1; /* another error: give the index back, as the GIL build */
        __atomic_compare_exchange_n(&it->index, &after, i, false, __ATOMIC_RELAXED,
                                    __ATOMIC_RELAXED);
    }
    return NULL;
#else
    if (it->index == SSIZE_MAX) {
        ft_err_set_string(ft_exc_OverflowError, "iter index too large");
        return NULL;
    }
    FtObject *item = ft_sequence_getitem(it->seq, it->index);
    if (item) {
        it->index++;
        return item;
    }
    if (ft_err_matches(ft_exc_IndexError) || ft_err_matches(ft_exc_StopIteration)) {
        ft_err_clear();
        FT_CLEAR(it->seq);
    }
    return NULL;
#endif
}

static FtObject *seqiter_len(FtObject *o, FtObject *unused) {
    SeqIter *it = (SeqIter *)o;
    if (it->seq) {
        FtType *t = FT_TYPE(it->seq);
        if ((t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
            (t->tp_as_mapping && t->tp_as_mapping->mp_length)) {
            ssize_t n = ft_object_length(it->seq);
            if (n == -1)
                return NULL;
            ssize_t i = __atomic_load_n(&it->index, __ATOMIC_RELAXED);
            return ft_int_from_ssize(i >= 0 && n > i ? n - i : 0);
        }
        FT_RETURN_NOTIMPLEMENTED;
    }
    return ft_int_from_ssize(0);
}

static FtMethodDef seqiter_methods[] = {
    {"__length_hint__", (void *)seqiter_len, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

FtType ft_seqiter_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "iterator",
    .tp_basicsize = sizeof(SeqIter),
    .tp_dealloc = seqiter_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = seqiter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = seqiter_next,
    .tp_methods = seqiter_methods,
};

/* ---- callable iterator ------------------------------------------------------------------- */

typedef struct CallIter {
    FtObject ob_base;
    FtObject *func;     /* NULL once exhausted (GIL builds) */
    FtObject *sentinel;
    uint8_t done;       /* exhausted (free-threaded builds: the references stay until the
                         * iterator dies, since another thread may be calling func) */
} CallIter;

FtObject *ft_calliter_new(FtObject *callable, FtObject *sentinel) {
    CallIter *it = (CallIter *)ft_gc_alloc(&ft_calliter_type);
    if (!it)
        return NULL;
    it->func = ft_newref(callable);
    it->sentinel = ft_newref(sentinel);
    it->done = 0;
    ft_gc_track((FtObject *)it);
    return (FtObject *)it;
}

static void calliter_dealloc(FtObject *o) {
    CallIter *it = (CallIter *)o;
    ft_gc_untrack(o);
    FT_XDECREF(it->func);
    FT_XDECREF(it->sentinel);
    ft_gc_free(o);
}

static int calliter_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    VISIT(((CallIter *)o)->func);
    VISIT(((CallIter *)o)->sentinel);
    return 0;
}

static void calliter_exhaust(CallIter *it) {
#if FT_FREE_THREADED
    __atomic_store_n(&it->done, 1, __ATOMIC_RELAXED);
#else
    FT_CLEAR(it->func);
    FT_CLEAR(it->sentinel);
#endif
}

static FtObject *calliter_next(FtObject *o) {
    CallIter *it = (CallIter *)o;
    if (!it->func || __atomic_load_n(&it->done, __ATOMIC_RELAXED))
        return NULL;
    FtObject *r = ft_object_call_noargs(it->func);
    if (r) {
        int ok = ft_object_richcompare_bool(it->sentinel, r, FT_EQ);
        if (ok == 0)
            return r;
        FT_DECREF(r);
        if (ok > 0)
            calliter_exhaust(it);
        return NULL;
    }
    if (ft_err_matches(ft_exc_StopIteration)) {
        ft_err_clear();
        calliter_exhaust(it);
    }
    return NULL;
}

FtType ft_calliter_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "callable_iterator",
    .tp_basicsize = sizeof(CallIter),
    .tp_dealloc = calliter_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = calliter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = calliter_next,
};


/* ---- initialisation ------------------------------------------------------------------------ */

/* ---- generic alias: list[int] ------------------------------------------------------------
 * What __class_getitem__ of the built-in containers returns (PEP 585), so that annotations
 * such as `def f(x: list[int]) -> dict[str, int]` evaluate. A small subset of CPython's
 * types.GenericAlias: __origin__, __args__, __parameters__, repr, ==, hash, calling (creates
 * an instance of the origin), __mro_entries__, and other attributes read from the origin. */

typedef struct GenericAlias {
    FtObject ob_base;
    FtObject *origin;
    FtObject *args; /* tuple */
} GenericAlias;

FtObject *ft_generic_alias_new(FtObject *origin, FtObject *args) {
    GenericAlias *ga = (GenericAlias *)ft_gc_alloc(&ft_generic_alias_type);
    if (!ga)
        return NULL;
    ga->origin = ft_newref(origin);
    ga->args = ft_tuple_check(args) ? ft_newref(args) : ft_tuple_pack(1, args);
    if (!ga->args) {
        FT_DECREF(ga);
        return NULL;
    }
    ft_gc_track((FtObject *)ga);
    return (FtObject *)ga;
}

/* __class_getitem__ of list, tuple, dict, set, frozenset, enumerate... */
FtObject *ft_generic_alias_class_getitem(FtObject *cls, FtObject *args) {
    return ft_generic_alias_new(cls, args);
}

static void ga_dealloc(FtObject *o) {
    GenericAlias *ga = (GenericAlias *)o;
    ft_gc_untrack(o);
    FT_XDECREF(ga->origin);
    FT_XDECREF(ga->args);
    ft_gc_free(o);
}

static int ga_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    VISIT(((GenericAlias *)o)->origin);
    VISIT(((GenericAlias *)o)->args);
    return 0;
}

/* An argument as CPython prints it: "..." for Ellipsis, module.qualname for a class
 * (qualname alone for builtins), repr otherwise. */
static int ga_append_item(FtStrBuilder *sb, FtObject *p) {
    if (p == FT_ELLIPSIS)
        return ft_sb_append_cstr(sb, "...");
    if (FT_TYPE(p) == &ft_generic_alias_type || !ft_type_check(p))
        return ft_sb_append_repr(sb, p);
    FtObject *qn = ft_object_getattr(p, FT_ID(__qualname__));
    if (!qn) {
        ft_err_clear();
        return ft_sb_append_repr(sb, p);
    }
    FtObject *mod = ft_object_getattr(p, FT_ID(__module__));
    if (!mod)
        ft_err_clear();
    int r = 0;
    if (mod && ft_str_check(mod) && !ft_str_eq_cstr(mod, "builtins"))
        r = ft_sb_append_str(sb, mod) < 0 || ft_sb_append_char(sb, '.') < 0 ? -1 : 0;
    if (r == 0)
        r = ft_str_check(qn) ? ft_sb_append_str(sb, qn) : ft_sb_append_repr(sb, qn);
    FT_XDECREF(mod);
    FT_DECREF(qn);
    return r;
}

static FtObject *ga_repr(FtObject *o) {
    GenericAlias *ga = (GenericAlias *)o;
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (ga_append_item(&sb, ga->origin) < 0 || ft_sb_append_char(&sb, '[') < 0)
        goto fail;
    ssize_t n = FT_SIZE(ga->args);
    if (n == 0 && ft_sb_append_cstr(&sb, "()") < 0)
        goto fail;
    for (ssize_t i = 0; i < n; i++) {
        if (i > 0 && ft_sb_append_cstr(&sb, ", ") < 0)
            goto fail;
        FtObject *p = FT_TUPLE_GET(ga->args, i);
        if (ft_list_check(p)) {
            /* Callable[[int], str] style argument lists */
            if (ft_sb_append_char(&sb, '[') < 0)
                goto fail;
            for (ssize_t j = 0; j < FT_SIZE(p); j++)
                if ((j > 0 && ft_sb_append_cstr(&sb, ", ") < 0) ||
                    ga_append_item(&sb, FT_LIST_GET(p, j)) < 0)
                    goto fail;
            if (ft_sb_append_char(&sb, ']') < 0)
                goto fail;
        } else if (ga_append_item(&sb, p) < 0) {
            goto fail;
        }
    }
    if (ft_sb_append_char(&sb, ']') < 0)
        goto fail;
    return ft_sb_finish(&sb);
fail:
    ft_sb_discard(&sb);
    return NULL;
}

static FtObject *ga_richcompare(FtObject *a, FtObject *b, int op) {
    if (FT_TYPE(a) != &ft_generic_alias_type || FT_TYPE(b) != &ft_generic_alias_type ||
        (op != FT_EQ && op != FT_NE))
        FT_RETURN_NOTIMPLEMENTED;
    GenericAlias *x = (GenericAlias *)a, *y = (GenericAlias *)b;
    int eq = ft_object_richcompare_bool(x->origin, y->origin, FT_EQ);
    if (eq > 0)
        eq = ft_object_richcompare_bool(x->args, y->args, FT_EQ);
    if (eq < 0)
        return NULL;
    return ft_bool_from(op == FT_EQ ? eq : !eq);
}

static ft_hash_t ga_hash(FtObject *o) {
    GenericAlias *ga = (GenericAlias *)o;
    ft_hash_t h0 = ft_object_hash(ga->origin);
    if (h0 == -1)
        return -1;
    ft_hash_t h1 = ft_object_hash(ga->args);
    if (h1 == -1)
        return -1;
    ft_hash_t h = h0 ^ h1;
    return h == -1 ? -2 : h;
}

static FtObject *ga_call(FtObject *o, FtObject *args, FtObject *kwargs) {
    return ft_object_call(((GenericAlias *)o)->origin, args, kwargs);
}

static FtObject *ga_getattro(FtObject *o, FtObject *name) {
    FtObject *r = ft_object_generic_getattr(o, name);
    if (r || !ft_err_matches(ft_exc_AttributeError))
        return r;
    /* Dunder names stay the alias's own; anything else comes from the origin. */
    if (ft_str_check(name) && FT_STR_LEN(name) > 4 && ft_str_read(name, 0) == '_' &&
        ft_str_read(name, 1) == '_')
        return NULL;
    ft_err_clear();
    return ft_object_getattr(((GenericAlias *)o)->origin, name);
}

static FtObject *ga_mro_entries(FtObject *o, FtObject *bases) {
    return ft_tuple_pack(1, ((GenericAlias *)o)->origin);
}

static FtObject *ga_parameters(FtObject *o, void *c) { return ft_newref(ft_empty_tuple); }

static FtMemberDef ga_members[] = {
    {"__origin__", FT_T_OBJECT, offsetof(GenericAlias, origin), FT_READONLY, NULL},
    {"__args__", FT_T_OBJECT, offsetof(GenericAlias, args), FT_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

static FtGetSetDef ga_getset[] = {
    {"__parameters__", ga_parameters, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static FtMethodDef ga_methods[] = {
    {"__mro_entries__", (void *)ga_mro_entries, FT_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

/* list[int] | None: a union, as type.__or__ makes for classes. */
static FtNumberMethods ga_as_number = {.nb_or = ft_union_or};

FtType ft_generic_alias_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "types.GenericAlias",
    .tp_basicsize = sizeof(GenericAlias),
    .tp_dealloc = ga_dealloc,
    .tp_repr = ga_repr,
    .tp_as_number = &ga_as_number,
    .tp_hash = ga_hash,
    .tp_call = ga_call,
    .tp_getattro = ga_getattro,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a PEP 585 generic type\n\nE.g. for t = list[int], t.__origin__ is "
              "list and t.__args__ is (int,).",
    .tp_traverse = ga_traverse,
    .tp_richcompare = ga_richcompare,
    .tp_methods = ga_methods,
    .tp_members = ga_members,
    .tp_getset = ga_getset,
};

/* Each container file readies its private helper types (list.c, dict.c, set.c). */
int ft_list_types_ready(void);
int ft_dict_types_ready(void);
int ft_set_types_ready(void);

int ft_containers_init(void) {
    FtType *types[] = {
        &ft_tuple_type, &ft_tuple_iter_type, &ft_range_type, &ft_range_iter_type,
        &ft_slice_type, &ft_enumerate_type, &ft_zip_type, &ft_map_type, &ft_filter_type,
        &ft_reversed_type, &ft_seqiter_type, &ft_calliter_type, &ft_generic_alias_type,
    };
    /* The empty tuple is made immortal on first use (tuple.c); touch it now. */
    FtObject *e = ft_tuple_new(0);
    FT_DECREF(e);
    for (size_t i = 0; i < FT_ARRAY_LEN(types); i++)
        if (ft_type_ready(types[i]) < 0)
            return -1;
    if (ft_list_types_ready() < 0 || ft_dict_types_ready() < 0 || ft_set_types_ready() < 0)
        return -1;
    return 0;
}
