/* slice.c: slice objects and the index arithmetic every sequence uses to apply them
 * (ft_slice_unpack / ft_slice_adjust_indices: CPython's PySlice_Unpack and
 * PySlice_AdjustIndices, huge bounds clamped to the ssize_t range). */
#include "core/object.h"
#include "gc/gc.h"

FtObject *ft_slice_new(FtObject *start, FtObject *stop, FtObject *step) {
    FtSlice *s = (FtSlice *)ft_gc_alloc(&ft_slice_type);
    if (!s)
        return NULL;
    s->start = ft_newref(start ? start : FT_NONE);
    s->stop = ft_newref(stop ? stop : FT_NONE);
    s->step = ft_newref(step ? step : FT_NONE);
    ft_gc_track((FtObject *)s);
    return (FtObject *)s;
}

/* _PyEval_SliceIndex: None is handled by the caller; anything with __index__ is clamped. */
static int slice_index(FtObject *v, ssize_t *out) {
    if (!ft_index_check(v)) {
        ft_err_set_string(ft_exc_TypeError,
                          "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ssize_t x = ft_number_as_ssize(v, NULL);
    if (x == -1 && ft_err_occurred())
        return -1;
    *out = x;
    return 0;
}

int ft_slice_unpack(FtObject *slice, ssize_t *start, ssize_t *stop, ssize_t *step) {
    FtSlice *r = (FtSlice *)slice;
    if (r->step == FT_NONE) {
        *step = 1;
    } else {
        if (slice_index(r->step, step) < 0)
            return -1;
        if (*step == 0) {
            ft_err_set_string(ft_exc_ValueError, "slice step cannot be zero");
            return -1;
        }
        /* -SSIZE_MAX, not SSIZE_MIN: so that -step cannot overflow. */
        if (*step < -SSIZE_MAX)
            *step = -SSIZE_MAX;
    }
    if (r->start == FT_NONE)
        *start = *step < 0 ? SSIZE_MAX : 0;
    else if (slice_index(r->start, start) < 0)
        return -1;
    if (r->stop == FT_NONE)
        *stop = *step < 0 ? -SSIZE_MAX - 1 : SSIZE_MAX;
    else if (slice_index(r->stop, stop) < 0)
        return -1;
    return 0;
}

ssize_t ft_slice_adjust_indices(ssize_t length, ssize_t *start, ssize_t *stop, ssize_t step) {
    if (*start < 0) {
        *start += length;
        if (*start < 0)
            *start = step < 0 ? -1 : 0;
    } else if (*start >= length) {
        *start = step < 0 ? length - 1 : length;
    }
    if (*stop < 0) {
        *stop += length;
        if (*stop < 0)
            *stop = step < 0 ? -1 : 0;
    } else if (*stop >= length) {
        *stop = step < 0 ? length - 1 : length;
    }
    if (step < 0) {
        if (*stop < *start)
            return (*start - *stop - 1) / (-step) + 1;
    } else if (*start < *stop) {
        return (*stop - *start - 1) / step + 1;
    }
    return 0;
}

static void slice_dealloc(FtObject *o) {
    FtSlice *s = (FtSlice *)o;
    ft_gc_untrack(o);
    FT_DECREF(s->start);
    FT_DECREF(s->stop);
    FT_DECREF(s->step);
    ft_gc_free(o);
}

static int slice_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    FtSlice *s = (FtSlice *)o;
    int r;
    if ((r = visit(s->start, arg)) || (r = visit(s->stop, arg)) || (r = visit(s->step, arg)))
        return r;
    return 0;
}

static FtObject *slice_repr(FtObject *o) {
    FtSlice *s = (FtSlice *)o;
    return ft_str_from_format("slice(%R, %R, %R)", s->start, s->stop, s->step);
}

static FtObject *slice_richcompare(FtObject *v, FtObject *w, int op) {
    if (!ft_slice_check(v) || !ft_slice_check(w))
        FT_RETURN_NOTIMPLEMENTED;
    if (v == w) {
        /* Identity: the tuples would compare equal, so the answer is known. */
        switch (op) {
        case FT_EQ: case FT_LE: case FT_GE: FT_RETURN_TRUE;
        default: FT_RETURN_FALSE;
        }
    }
    FtSlice *a = (FtSlice *)v, *b = (FtSlice *)w;
    FtObject *t1 = ft_tuple_pack(3, a->start, a->stop, a->step);
    if (!t1)
        return NULL;
    FtObject *t2 = ft_tuple_pack(3, b->start, b->stop, b->step);
    if (!t2) {
        FT_DECREF(t1);
        return NULL;
    }
    FtObject *r = ft_object_richcompare(t1, t2, op);
    FT_DECREF(t1);
    FT_DECREF(t2);
    return r;
}

static FtObject *slice_new(FtType *type, FtObject *args, FtObject *kwargs) {
    if (kwargs && ft_dict_size(kwargs) > 0) {
        ft_err_set_string(ft_exc_TypeError, "slice() takes no keyword arguments");
        return NULL;
    }
    ssize_t n = FT_SIZE(args);
    if (n == 0) {
        ft_err_set_string(ft_exc_TypeError, "slice expected at least 1 argument, got 0");
        return NULL;
    }
    if (n > 3) {
        ft_err_format(ft_exc_TypeError, "slice expected at most 3 arguments, got %zd", n);
        return NULL;
    }
    if (n == 1)
        return ft_slice_new(NULL, FT_TUPLE_GET(args, 0), NULL);
    return ft_slice_new(FT_TUPLE_GET(args, 0), FT_TUPLE_GET(args, 1),
                        n == 3 ? FT_TUPLE_GET(args, 2) : NULL);
}

static FtObject *slice_indices(FtObject *self, FtObject *len_obj) {
    if (!ft_index_check(len_obj)) {
        ft_err_format(ft_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                      len_obj);
        return NULL;
    }
    ssize_t length = ft_number_as_ssize(len_obj, ft_exc_OverflowError);
    if (length == -1 && ft_err_occurred())
        return NULL;
    if (length < 0) {
        ft_err_set_string(ft_exc_ValueError, "length should not be negative");
        return NULL;
    }
    ssize_t start, stop, step;
    if (ft_slice_unpack(self, &start, &stop, &step) < 0)
        return NULL;
    ft_slice_adjust_indices(length, &start, &stop, step);
    FtObject *items[3] = {ft_int_from_ssize(start), ft_int_from_ssize(stop),
                          ft_int_from_ssize(step)};
    if (!items[0] || !items[1] || !items[2]) {
        for (int i = 0; i < 3; i++)
            FT_XDECREF(items[i]);
        return NULL;
    }
    return ft_tuple_from_array_steal(items, 3);
}

static FtObject *slice_reduce(FtObject *self, FtObject *unused) {
    FtSlice *s = (FtSlice *)self;
    FtObject *args = ft_tuple_pack(3, s->start, s->stop, s->step);
    if (!args)
        return NULL;
    FtObject *r = ft_tuple_pack(2, (FtObject *)&ft_slice_type, args);
    FT_DECREF(args);
    return r;
}

static FtMethodDef slice_methods[] = {
    {"indices", (void *)slice_indices, FT_METH_O,
     "S.indices(len) -> (start, stop, stride)"},
    {"__reduce__", (void *)slice_reduce, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static FtMemberDef slice_members[] = {
    {"start", FT_T_OBJECT, offsetof(FtSlice, start), FT_READONLY, NULL},
    {"stop", FT_T_OBJECT, offsetof(FtSlice, stop), FT_READONLY, NULL},
    {"step", FT_T_OBJECT, offsetof(FtSlice, step), FT_READONLY, NULL},
    {NULL, 0, 0, 0, NULL},
};

FtType ft_slice_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "slice",
    .tp_basicsize = sizeof(FtSlice),
    .tp_dealloc = slice_dealloc,
    .tp_repr = slice_repr,
    .tp_hash = ft_object_hash_not_implemented,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_doc = "slice(stop)\nslice(start, stop[, step])\n\nCreate a slice object.  This is "
              "used for extended slicing (e.g. a[0:10:2]).",
    .tp_traverse = slice_traverse,
    .tp_richcompare = slice_richcompare,
    .tp_methods = slice_methods,
    .tp_members = slice_members,
    .tp_new = slice_new,
};
