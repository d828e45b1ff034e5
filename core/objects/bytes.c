/* bytes: the immutable byte string (constructor, repr, hash, compare, concat, repeat,
 * subscript, contains, iteration, %-formatting) and the methods bytes shares with
 * bytearray (find, split, strip, replace, case mapping, predicates, padding, hex, decode,
 * ...). A shared method returns an object of the receiver's kind: bytes for bytes (and its
 * subclasses), bytearray for bytearray. bytearray.c adds the mutating part. */
#define _GNU_SOURCE /* memmem, memrchr */
#include "core/objects/strinternal.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

static FtBytes *empty_bytes;

/* ---- views and construction ------------------------------------------------------------ */

static inline void bview(FtObject *o, const char **d, ssize_t *n) {
    if (ft_bytes_check(o)) {
        *d = FT_BYTES_DATA(o);
        *n = FT_SIZE(o);
    } else {
        *d = ((FtByteArray *)o)->data;
        *n = FT_SIZE(o);
        if (!*d)
            *d = "";
    }
}

int ft_bytes_like_get(FtObject *o, const char **data, ssize_t *len) {
    if (ft_bytes_check(o) || ft_bytearray_check(o)) {
        bview(o, data, len);
        return 0;
    }
    ft_err_format(ft_exc_TypeError, "a bytes-like object is required, not '%T'", o);
    return -1;
}

static FtObject *bytes_alloc(FtType *type, ssize_t n) {
    if (n < 0 || n > SSIZE_MAX - (ssize_t)sizeof(FtBytes) - 1)
        return ft_err_no_memory();
    FtObject *o = type == &ft_bytes_type ? ft_object_alloc_var(type, n + 1)
                                         : ft_type_generic_alloc(type, n + 1);
    if (!o)
        return NULL;
    FT_SIZE(o) = n;
    ((FtBytes *)o)->hash = -1;
    return o;
}

FtObject *ft_bytes_new(ssize_t n) {
    if (n == 0 && empty_bytes)
        return FT_NEWREF(empty_bytes);
    return bytes_alloc(&ft_bytes_type, n);
}

FtObject *ft_bytes_from_data(const void *p, ssize_t n) {
    FtObject *r = ft_bytes_new(n);
    if (r && n && p)
        memcpy(FT_BYTES_DATA(r), p, n);
    return r;
}

/* The result kind of a shared method: bytearray for bytearrays, exact bytes otherwise. */
static FtType *rtype(FtObject *self) {
    return ft_bytes_check(self) ? &ft_bytes_type : &ft_bytearray_type;
}

FtObject *ft_bytes_make(FtType *type, const char *data, ssize_t len) {
    if (type == &ft_bytearray_type)
        return ft_bytearray_from_data(data, len);
    return ft_bytes_from_data(data, len);
}

/* A copy of self as a new object of its kind (methods that change nothing). */
static FtObject *same(FtObject *self) {
    if (ft_bytes_check_exact_(self))
        return FT_NEWREF(self);
    const char *d;
    ssize_t n;
    bview(self, &d, &n);
    return ft_bytes_make(rtype(self), d, n);
}

static void bytes_dealloc(FtObject *o) {
    FtType *t = FT_TYPE(o);
    if (t == &ft_bytes_type) {
        ft_object_free(o);
        return;
    }
    t->tp_free(o);
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(t);
}

/* ---- repr --------------------------------------------------------------------------- */

FtObject *ft_bytes_repr_data(const char *data, ssize_t len, const char *prefix,
                             const char *suffix, int always_escape_squote) {
    int has_sq = memchr(data, '\'', len) != NULL, has_dq = memchr(data, '"', len) != NULL;
    char quote = has_sq && !has_dq ? '"' : '\'';
    size_t lp = strlen(prefix), ls = strlen(suffix);
    char *buf = ft_mem_alloc(lp + ls + 3 + (size_t)len * 4);
    if (!buf)
        return NULL;
    char *w = buf;
    memcpy(w, prefix, lp);
    w += lp;
    *w++ = 'b';
    *w++ = quote;
    static const char hx[] = "0123456789abcdef";
    for (ssize_t i = 0; i < len; i++) {
        uint8_t c = (uint8_t)data[i];
        if (c == quote || c == '\\' || (c == '\'' && always_escape_squote)) {
            *w++ = '\\';
            *w++ = (char)c;
        } else if (c == '\t') {
            *w++ = '\\'; *w++ = 't';
        } else if (c == '\n') {
            *w++ = '\\'; *w++ = 'n';
        } else if (c == '\r') {
            *w++ = '\\'; *w++ = 'r';
        } else if (c < ' ' || c >= 0x7f) {
            *w++ = '\\'; *w++ = 'x'; *w++ = hx[c >> 4]; *w++ = hx[c & 15];
        } else
            *w++ = (char)c;
    }
    *w++ = quote;
    memcpy(w, suffix, ls);
    w += ls;
    FtObject *r = ft_str_from_ascii(buf, w - buf);
    ft_mem_free(buf);
    return r;
}

FtObject *ft_bytes_repr(FtObject *b) {
    return ft_bytes_repr_data(FT_BYTES_DATA(b), FT_SIZE(b), "", "", 0);
}

static FtObject *bytes_str(FtObject *b) { return ft_bytes_repr(b); }

/* ---- hash, compare ---------------------------------------------------------------- */

static ft_hash_t bytes_hash(FtObject *o) {
    FtBytes *b = (FtBytes *)o;
    ft_hash_t h = __atomic_load_n(&b->hash, __ATOMIC_RELAXED);
    if (h == -1) {
        h = ft_str_hash_bytes(b->data, FT_SIZE(o));
        __atomic_store_n(&b->hash, h, __ATOMIC_RELAXED);
    }
    return h;
}

FtObject *ft_bytes_richcompare(FtObject *a, FtObject *b, int op) {
    const char *da, *db;
    ssize_t na, nb;
    if (!(ft_bytes_check(a) || ft_bytearray_check(a)) || !(ft_bytes_check(b) || ft_bytearray_check(b)))
        FT_RETURN_NOTIMPLEMENTED;
    bview(a, &da, &na);
    bview(b, &db, &nb);
    int c;
    if ((op == FT_EQ || op == FT_NE) && na != nb)
        c = 1;
    else {
        ssize_t n = na < nb ? na : nb;
        c = n ? memcmp(da, db, n) : 0;
        if (c == 0)
            c = na < nb ? -1 : na > nb ? 1 : 0;
    }
    int r;
    switch (op) {
    case FT_EQ: r = c == 0; break;
    case FT_NE: r = c != 0; break;
    case FT_LT: r = c < 0; break;
    case FT_LE: r = c <= 0; break;
    case FT_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return ft_bool_from(r);
}

/* ---- sequence slots --------------------------------------------------------------------- */

static ssize_t bytes_length(FtObject *o) { return FT_SIZE(o); }

static FtObject *bytes_concat(FtObject *a, FtObject *b) {
    const char *da, *db;
    ssize_t na, nb;
    if (ft_bytes_like_get(b, &db, &nb) < 0) {
        ft_err_clear();
        return ft_err_format(ft_exc_TypeError, "can't concat %T to %T", b, a);
    }
    bview(a, &da, &na);
    if (nb == 0 && ft_bytes_check_exact_(a))
        return FT_NEWREF(a);
    FtObject *r = ft_bytes_new(na + nb);
    if (!r)
        return NULL;
    memcpy(FT_BYTES_DATA(r), da, na);
    memcpy(FT_BYTES_DATA(r) + na, db, nb);
    return r;
}

static FtObject *repeat_data(FtType *t, const char *d, ssize_t n, ssize_t count) {
    if (count < 0)
        count = 0;
    if (n && count > SSIZE_MAX / n)
        return ft_err_no_memory();
    ssize_t total = n * count;
    FtObject *r = ft_bytes_make(t, NULL, total);
    if (!r)
        return NULL;
    char *o = t == &ft_bytes_type ? FT_BYTES_DATA(r) : ((FtByteArray *)r)->data;
    if (n == 1)
        memset(o, d[0], total);
    else
        for (ssize_t i = 0; i < count; i++)
            memcpy(o + i * n, d, n);
    return r;
}

static FtObject *bytes_repeat(FtObject *a, ssize_t count) {
    if (count == 1 && ft_bytes_check_exact_(a))
        return FT_NEWREF(a);
    return repeat_data(&ft_bytes_type, FT_BYTES_DATA(a), FT_SIZE(a), count);
}

static FtObject *bytes_item(FtObject *a, ssize_t i) {
    if (i < 0 || i >= FT_SIZE(a))
        return ft_err_format(ft_exc_IndexError, "index out of range");
    return ft_int_from_i64((uint8_t)FT_BYTES_DATA(a)[i]);
}

/* Subscript shared with bytearray: int -> int, slice -> object of type t. */
FtObject *ft_bytes_subscript_impl(FtObject *self, FtObject *key, FtType *t) {
    const char *d;
    ssize_t n;
    bview(self, &d, &n);
    if (ft_index_check(key)) {
        ssize_t i = ft_number_as_ssize(key, ft_exc_IndexError);
        if (i == -1 && ft_err_occurred())
            return NULL;
        if (i < 0)
            i += n;
        if (i < 0 || i >= n)
            return ft_err_format(ft_exc_IndexError, t == &ft_bytes_type
                                                        ? "index out of range"
                                                        : "bytearray index out of range");
        return ft_int_from_i64((uint8_t)d[i]);
    }
    if (ft_slice_check(key)) {
        ssize_t start, stop, step;
        if (ft_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        ssize_t len = ft_slice_adjust_indices(n, &start, &stop, step);
        if (step == 1) {
            if (len == n && t == &ft_bytes_type && ft_bytes_check_exact_(self))
                return FT_NEWREF(self);
            return ft_bytes_make(t, d + start, len);
        }
        FtObject *r = ft_bytes_make(t, NULL, len > 0 ? len : 0);
        if (!r)
            return NULL;
        char *o = t == &ft_bytes_type ? FT_BYTES_DATA(r) : ((FtByteArray *)r)->data;
        for (ssize_t i = 0, j = start; i < len; i++, j += step)
            o[i] = d[j];
        return r;
    }
    return ft_err_format(ft_exc_TypeError, "%s indices must be integers or slices, not %T",
                         t == &ft_bytes_type ? "byte" : "bytearray", key);
}

static FtObject *bytes_subscript(FtObject *self, FtObject *key) {
    return ft_bytes_subscript_impl(self, key, &ft_bytes_type);
}

/* 1: an int in range(256), stored in *value; 0: not an int; -1: error (out of range) */
int ft_bytes_getbyte(FtObject *o, int *value) {
    if (!ft_index_check(o))
        return 0;
    ssize_t v = ft_number_as_ssize(o, NULL);
    if (v == -1 && ft_err_occurred())
        return -1;
    if (v < 0 || v > 255) {
        ft_err_format(ft_exc_ValueError, "byte must be in range(0, 256)");
        return -1;
    }
    *value = (int)v;
    return 1;
}

int ft_bytes_contains_impl(FtObject *self, FtObject *x) {
    const char *d, *sd;
    ssize_t n, sn;
    bview(self, &d, &n);
    int v;
    int r = ft_bytes_getbyte(x, &v);
    if (r < 0)
        return -1;
    if (r)
        return memchr(d, v, n) != NULL;
    if (ft_bytes_like_get(x, &sd, &sn) < 0)
        return -1;
    return memmem(d, n, sd, sn) != NULL || sn == 0;
}

static FtObject *bytes_mod(FtObject *a, FtObject *b) {
    if (!ft_bytes_check(a))
        FT_RETURN_NOTIMPLEMENTED;
    return ft_bytes_percent_format(a, b, 0);
}

/* ---- constructor ------------------------------------------------------------------ */

/* Collect the bytes of o as bytes(o) would, into a fresh ft_mem buffer. */
static int collect_impl(FtObject *o, char **buf, ssize_t *len, int for_bytes);

int ft_bytes_collect(FtObject *o, char **buf, ssize_t *len) {
    return collect_impl(o, buf, len, 0);
}

/* for_bytes: bytes() words its range error in the plural, bytearray in the singular */
static int collect_impl(FtObject *o, char **buf, ssize_t *len, int for_bytes) {
    const char *d;
    ssize_t n;
    if (ft_bytes_check(o) || ft_bytearray_check(o)) {
        bview(o, &d, &n);
        *buf = ft_mem_alloc(n + 1);
        if (!*buf)
            return -1;
        memcpy(*buf, d, n);
        *len = n;
        return 0;
    }
    FtObject *it = ft_object_getiter(o);
    if (!it) {
        if (ft_err_matches(ft_exc_TypeError)) {
            ft_err_clear();
            ft_err_format(ft_exc_TypeError, "cannot convert '%T' object to bytes", o);
        }
        return -1;
    }
    ssize_t cap = 16, n2 = 0;
    char *b = ft_mem_alloc(cap);
    if (!b) {
        FT_DECREF(it);
        return -1;
    }
    FtObject *x;
    while ((x = ft_iter_next(it))) {
        int v;
        int r = ft_bytes_getbyte(x, &v);
        if (r == 0) {
            ft_err_format(ft_exc_TypeError, "'%T' object cannot be interpreted as an integer", x);
            r = -1;
        } else if (r < 0 && for_bytes && ft_err_matches(ft_exc_ValueError)) {
            ft_err_clear();
            ft_err_format(ft_exc_ValueError, "bytes must be in range(0, 256)");
        }
        FT_DECREF(x);
        if (r < 0)
            goto fail;
        if (n2 + 1 >= cap) {
            char *nb = ft_mem_realloc(b, cap * 2);
            if (!nb)
                goto fail;
            b = nb;
            cap *= 2;
        }
        b[n2++] = (char)v;
    }
    if (ft_err_occurred())
        goto fail;
    FT_DECREF(it);
    *buf = b;
    *len = n2;
    return 0;
fail:
    FT_DECREF(it);
    ft_mem_free(b);
    return -1;
}

/* bytes(source, encoding, errors) / bytearray(...): the data as an ft_mem buffer. */
int ft_bytes_init_data(const char *fname, FtObject *src, FtObject *enc, FtObject *errs,
                       char **buf, ssize_t *len) {
    *buf = NULL;
    *len = 0;
    if (!src) {
        if (enc || errs) {
            ft_err_format(ft_exc_TypeError, enc ? "encoding without a string argument"
                                                : "errors without a string argument");
            return -1;
        }
        return 0;
    }
    if (enc || errs) {
        if (!ft_str_check(src)) {
            ft_err_format(ft_exc_TypeError, enc ? "encoding without a string argument"
                                                : "errors without a string argument");
            return -1;
        }
        const char *e, *r;
        if (ft_codec_get_names(fname, enc, errs, &e, &r) < 0)
            return -1;
        if (!enc) {
            ft_err_format(ft_exc_TypeError, "string argument without an encoding");
            return -1;
        }
        FtObject *b = ft_codec_encode(src, e, r);
        if (!b)
            return -1;
        int rc = ft_bytes_collect(b, buf, len);
        FT_DECREF(b);
        return rc;
    }
    if (ft_str_check(src)) {
        ft_err_format(ft_exc_TypeError, "string argument without an encoding");
        return -1;
    }
    if (ft_index_check(src)) {
        ssize_t n = ft_number_as_ssize(src, ft_exc_OverflowError);
        if (n == -1 && ft_err_occurred())
            return -1;
        if (n < 0) {
            ft_err_format(ft_exc_ValueError, "negative count");
            return -1;
        }
        *buf = ft_mem_calloc(1, n + 1);
        if (!*buf)
            return -1;
        *len = n;
        return 0;
    }
    return collect_impl(src, buf, len, strcmp(fname, "bytes") == 0);
}

static FtObject *bytes_tp_new(FtType *type, FtObject *args, FtObject *kwargs) {
    static const char *const kwlist[] = {"source", "encoding", "errors"};
    FtObject *a[3] = {NULL, NULL, NULL};
    ssize_t nargs = args ? FT_SIZE(args) : 0;
    if (nargs > 3)
        return ft_err_format(ft_exc_TypeError, "bytes() takes at most 3 arguments (%zd given)",
                             nargs);
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
            if (!found)
                return ft_err_format(ft_exc_TypeError,
                                     "'%U' is an invalid keyword argument for bytes()", k);
        }
    }
    FtObject *src = a[0];
    /* __bytes__ first, as CPython does */
    if (src && !a[1] && !a[2] && !ft_bytes_check(src)) {
        FtObject *m = ft_type_lookup_cstr(FT_TYPE(src), "__bytes__");
        if (m) {
            FtObject *b = ft_object_call_method_cstr(src, "__bytes__", NULL, 0);
            if (!b)
                return NULL;
            if (!ft_bytes_check(b)) {
                ft_err_format(ft_exc_TypeError, "__bytes__ returned non-bytes (type %T)", b);
                FT_DECREF(b);
                return NULL;
            }
            if (type == &ft_bytes_type)
                return b;
            FtObject *r = bytes_alloc(type, FT_SIZE(b));
            if (r)
                memcpy(FT_BYTES_DATA(r), FT_BYTES_DATA(b), FT_SIZE(b));
            FT_DECREF(b);
            return r;
        }
    }
    if (src && !a[1] && !a[2] && ft_bytes_check_exact_(src) && type == &ft_bytes_type)
        return FT_NEWREF(src);
    if (src && !a[1] && !a[2] && !ft_index_check(src) && !ft_str_check(src) &&
        !ft_bytes_check(src) && !ft_bytearray_check(src) && !FT_TYPE(src)->tp_iter &&
        !(FT_TYPE(src)->tp_as_sequence && FT_TYPE(src)->tp_as_sequence->sq_item))
        return ft_err_format(ft_exc_TypeError, "cannot convert '%T' object to bytes", src);
    char *buf;
    ssize_t len;
    if (ft_bytes_init_data("bytes", src, a[1], a[2], &buf, &len) < 0)
        return NULL;
    FtObject *r = type == &ft_bytes_type ? ft_bytes_from_data(buf, len) : bytes_alloc(type, len);
    if (r && type != &ft_bytes_type && len)
        memcpy(FT_BYTES_DATA(r), buf, len);
    ft_mem_free(buf);
    return r;
}

FtObject *ft_bytes_from_object(FtObject *o) {
    if (ft_bytes_check_exact_(o))
        return FT_NEWREF(o);
    FtObject *args = ft_tuple_pack(1, o);
    if (!args)
        return NULL;
    FtObject *r = bytes_tp_new(&ft_bytes_type, args, NULL);
    FT_DECREF(args);
    return r;
}

/* ---- iterator (bytes and bytearray) ------------------------------------------------------ */

typedef struct BytesIter {
    FtObject ob_base;
    FtObject *seq;
    ssize_t index;
} BytesIter;

static FtObject *biter_new(FtObject *seq, FtType *t) {
    BytesIter *it = (BytesIter *)ft_gc_alloc(t);
    if (!it)
        return NULL;
    it->seq = FT_NEWREF(seq);
    it->index = 0;
    ft_gc_track((FtObject *)it);
    return (FtObject *)it;
}

static FtObject *bytes_iter(FtObject *o) { return biter_new(o, &ft_bytes_iter_type); }
FtObject *ft_bytearray_iter_new(FtObject *o) { return biter_new(o, &ft_bytearray_iter_type); }

static FtObject *biter_next(FtObject *o) {
    BytesIter *it = (BytesIter *)o;
    if (!it->seq)
        return NULL;
    const char *d;
    ssize_t n;
    bview(it->seq, &d, &n);
    if (it->index < n)
        return ft_int_from_i64((uint8_t)d[it->index++]);
    FT_CLEAR(it->seq);
    return NULL;
}

static void biter_dealloc(FtObject *o) {
    ft_gc_untrack(o);
    FT_XDECREF(((BytesIter *)o)->seq);
    ft_gc_free(o);
}

static int biter_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    BytesIter *it = (BytesIter *)o;
    return it->seq ? visit(it->seq, arg) : 0;
}

static FtObject *biter_self(FtObject *o) { return FT_NEWREF(o); }

static FtObject *biter_length_hint(FtObject *o, FtObject *u) {
    BytesIter *it = (BytesIter *)o;
    ssize_t n = it->seq ? FT_SIZE(it->seq) - it->index : 0;
    return ft_int_from_ssize(n > 0 ? n : 0);
}

static FtMethodDef biter_methods[] = {
    {"__length_hint__", (void *)biter_length_hint, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

FtType ft_bytes_iter_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "bytes_iterator",
    .tp_basicsize = sizeof(BytesIter),
    .tp_dealloc = biter_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = biter_traverse,
    .tp_iter = biter_self,
    .tp_iternext = biter_next,
    .tp_methods = biter_methods,
};

FtType ft_bytearray_iter_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "bytearray_iterator",
    .tp_basicsize = sizeof(BytesIter),
    .tp_dealloc = biter_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = biter_traverse,
    .tp_iter = biter_self,
    .tp_iternext = biter_next,
    .tp_methods = biter_methods,
};

/* ---- shared methods ---------------------------------------------------------------- */

/* The find family still parses its arguments the pre-Argument-Clinic way, and says so. */
static int old_nargs(const char *name, ssize_t nargs, ssize_t min, ssize_t max) {
    if (nargs < min) {
        ft_err_format(ft_exc_TypeError, "%s() takes at least %zd argument%s (%zd given)", name,
                      min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        ft_err_format(ft_exc_TypeError, "%s() takes at most %zd argument%s (%zd given)", name,
                      max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static int get_ssize(FtObject *o, ssize_t *out) { return ft_clinic_ssize(o, out); }

static int slice_index(FtObject *o, ssize_t *out) {
    if (!o || o == FT_NONE)
        return 0;
    if (!ft_index_check(o)) {
        ft_err_format(ft_exc_TypeError,
                      "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ssize_t v = ft_number_as_ssize(o, NULL);
    if (v == -1 && ft_err_occurred())
        return -1;
    *out = v;
    return 0;
}

static FtObject *mk(FtObject *self, const char *d, ssize_t n) {
    return ft_bytes_make(rtype(self), d, n);
}

/* sub for find/count/index: a byte (int) or bytes-like; stored into tmp when an int. */
static int get_sub(FtObject *o, char *tmp, const char **sd, ssize_t *sn) {
    int v;
    int r = ft_bytes_getbyte(o, &v);
    if (r < 0)
        return -1;
    if (r) {
        *tmp = (char)v;
        *sd = tmp;
        *sn = 1;
        return 0;
    }
    if (ft_bytes_check(o) || ft_bytearray_check(o)) {
        bview(o, sd, sn);
        return 0;
    }
    ft_err_format(ft_exc_TypeError, "argument should be integer or bytes-like object, not '%T'",
                  o);
    return -1;
}

static ssize_t bfind(const char *d, ssize_t start, ssize_t end, const char *s, ssize_t m,
                     int dir) {
    if (start > end || end - start < m)
        return -1;
    if (m == 0)
        return dir > 0 ? start : end;
    if (dir > 0) {
        const char *p = m == 1 ? memchr(d + start, s[0], end - start)
                               : memmem(d + start, end - start, s, m);
        return p ? p - d : -1;
    }
    if (m == 1) {
        const char *p = memrchr(d + start, s[0], end - start);
        return p ? p - d : -1;
    }
    for (ssize_t i = end - m; i >= start; i--)
        if (d[i] == s[0] && memcmp(d + i, s, m) == 0)
            return i;
    return -1;
}

static ssize_t find_common(FtObject *self, FtObject *const *args, ssize_t nargs,
                           const char *name, int dir) {
    if (old_nargs(name, nargs, 1, 3) < 0)
        return -2;
    char tmp;
    const char *sd, *d;
    ssize_t sn, n;
    if (get_sub(args[0], &tmp, &sd, &sn) < 0)
        return -2;
    bview(self, &d, &n);
    ssize_t start = 0, end = SSIZE_MAX;
    if (nargs > 1 && slice_index(args[1], &start) < 0)
        return -2;
    if (nargs > 2 && slice_index(args[2], &end) < 0)
        return -2;
    ft_adjust_indices(n, &start, &end);
    return bfind(d, start, end, sd, sn, dir);
}

static FtObject *b_find(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t r = find_common(self, args, nargs, "find", 1);
    return r == -2 ? NULL : ft_int_from_ssize(r);
}
static FtObject *b_rfind(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t r = find_common(self, args, nargs, "rfind", -1);
    return r == -2 ? NULL : ft_int_from_ssize(r);
}
static FtObject *b_index(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t r = find_common(self, args, nargs, "index", 1);
    if (r == -1)
        return ft_err_format(ft_exc_ValueError, "subsection not found");
    return r == -2 ? NULL : ft_int_from_ssize(r);
}
static FtObject *b_rindex(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t r = find_common(self, args, nargs, "rindex", -1);
    if (r == -1)
        return ft_err_format(ft_exc_ValueError, "subsection not found");
    return r == -2 ? NULL : ft_int_from_ssize(r);
}

static ssize_t bcount(const char *d, ssize_t start, ssize_t end, const char *s, ssize_t m,
                      ssize_t max) {
    if (max < 0)
        max = SSIZE_MAX;
    if (start > end)
        return 0;
    if (m == 0)
        return end - start + 1 < max ? end - start + 1 : max;
    ssize_t c = 0;
    while (c < max) {
        ssize_t i = bfind(d, start, end, s, m, 1);
        if (i < 0)
            break;
        c++;
        start = i + m;
    }
    return c;
}

static FtObject *b_count(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (old_nargs("count", nargs, 1, 3) < 0)
        return NULL;
    char tmp;
    const char *sd, *d;
    ssize_t sn, n;
    if (get_sub(args[0], &tmp, &sd, &sn) < 0)
        return NULL;
    bview(self, &d, &n);
    ssize_t start = 0, end = SSIZE_MAX;
    if (nargs > 1 && slice_index(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && slice_index(args[2], &end) < 0)
        return NULL;
    ft_adjust_indices(n, &start, &end);
    if (start > n)
        return ft_int_from_ssize(0);
    return ft_int_from_ssize(bcount(d, start, end, sd, sn, -1));
}

static int tailmatch(const char *d, ssize_t n, const char *s, ssize_t m, ssize_t start,
                     ssize_t end, int dir) {
    ft_adjust_indices(n, &start, &end);
    end -= m;
    if (end < start || start > n)
        return 0;
    return memcmp(d + (dir < 0 ? start : end), s, m) == 0;
}

static FtObject *affix(FtObject *self, FtObject *const *args, ssize_t nargs, const char *name,
                       int dir) {
    if (old_nargs(name, nargs, 1, 3) < 0)
        return NULL;
    ssize_t start = 0, end = SSIZE_MAX;
    if (nargs > 1 && slice_index(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && slice_index(args[2], &end) < 0)
        return NULL;
    const char *d, *s;
    ssize_t n, m;
    bview(self, &d, &n);
    FtObject *x = args[0];
    if (ft_tuple_check(x)) {
        for (ssize_t i = 0; i < FT_SIZE(x); i++) {
            FtObject *it = FT_TUPLE_GET(x, i);
            if (ft_bytes_like_get(it, &s, &m) < 0)
                return NULL;
            if (tailmatch(d, n, s, m, start, end, dir))
                FT_RETURN_TRUE;
        }
        FT_RETURN_FALSE;
    }
    if (!(ft_bytes_check(x) || ft_bytearray_check(x)))
        return ft_err_format(ft_exc_TypeError,
                             "%s first arg must be bytes or a tuple of bytes, not %T", name, x);
    bview(x, &s, &m);
    return ft_bool_from(tailmatch(d, n, s, m, start, end, dir));
}

static FtObject *b_startswith(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return affix(self, args, nargs, "startswith", -1);
}
static FtObject *b_endswith(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return affix(self, args, nargs, "endswith", 1);
}

static int bspace(uint8_t c) { return c == ' ' || (c >= 9 && c <= 13); }

static FtObject *split_impl(FtObject *self, FtObject *sep, ssize_t maxsplit, int right) {
    const char *d, *s;
    ssize_t n, m;
    bview(self, &d, &n);
    if (maxsplit < 0)
        maxsplit = SSIZE_MAX;
    FtObject *list = ft_list_new(0);
    if (!list)
        return NULL;
    FtObject *piece;
#define ADD(a, b)                                         \
    do {                                                  \
        piece = mk(self, d + (a), (b) - (a));             \
        if (!piece || ft_list_append(list, piece) < 0) {  \
            FT_XDECREF(piece);                            \
            goto fail;                                    \
        }                                                 \
        FT_DECREF(piece);                                 \
    } while (0)
    if (!sep || sep == FT_NONE) {
        if (!right) {
            ssize_t i = 0;
            while (1) {
                while (i < n && bspace(d[i]))
                    i++;
                if (i == n)
                    break;
                if (maxsplit-- == 0) {
                    ADD(i, n);
                    break;
                }
                ssize_t j = i;
                while (j < n && !bspace(d[j]))
                    j++;
                ADD(i, j);
                i = j;
            }
        } else {
            ssize_t i = n;
            while (1) {
                while (i > 0 && bspace(d[i - 1]))
                    i--;
                if (i == 0)
                    break;
                if (maxsplit-- == 0) {
                    ADD(0, i);
                    break;
                }
                ssize_t j = i;
                while (j > 0 && !bspace(d[j - 1]))
                    j--;
                ADD(j, i);
                i = j;
            }
            if (ft_list_reverse(list) < 0)
                goto fail;
        }
        return list;
    }
    if (ft_bytes_like_get(sep, &s, &m) < 0)
        goto fail;
    if (m == 0) {
        ft_err_format(ft_exc_ValueError, "empty separator");
        goto fail;
    }
    if (!right) {
        ssize_t i = 0;
        while (maxsplit-- > 0) {
            ssize_t j = bfind(d, i, n, s, m, 1);
            if (j < 0)
                break;
            ADD(i, j);
            i = j + m;
        }
        ADD(i, n);
    } else {
        ssize_t e = n;
        while (maxsplit-- > 0) {
            ssize_t j = bfind(d, 0, e, s, m, -1);
            if (j < 0)
                break;
            ADD(j + m, e);
            e = j;
        }
        ADD(0, e);
        if (ft_list_reverse(list) < 0)
            goto fail;
    }
#undef ADD
    return list;
fail:
    FT_DECREF(list);
    return NULL;
}

static FtObject *split_common(FtObject *self, FtObject *const *args, ssize_t nargs,
                              FtObject *kwnames, int right) {
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    FtObject *a[2];
    if (ft_parse_args(right ? "rsplit" : "split", args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return NULL;
    ssize_t maxsplit = -1;
    if (a[1] && get_ssize(a[1], &maxsplit) < 0)
        return NULL;
    return split_impl(self, a[0], maxsplit, right);
}
static FtObject *b_split(FtObject *self, FtObject *const *args, ssize_t nargs, FtObject *kw) {
    return split_common(self, args, nargs, kw, 0);
}
static FtObject *b_rsplit(FtObject *self, FtObject *const *args, ssize_t nargs, FtObject *kw) {
    return split_common(self, args, nargs, kw, 1);
}

static FtObject *b_join(FtObject *self, FtObject *iterable) {
    FtObject *seq = ft_sequence_fast(iterable, "can only join an iterable");
    if (!seq)
        return NULL;
    ssize_t cnt = FT_SIZE(seq);
    FtObject **items = ft_list_check(seq) ? FT_LIST_ITEMS(seq) : FT_TUPLE_ITEMS(seq);
    const char *sd, *d;
    ssize_t sn, n, total = 0;
    bview(self, &sd, &sn);
    for (ssize_t i = 0; i < cnt; i++) {
        if (!(ft_bytes_check(items[i]) || ft_bytearray_check(items[i]))) {
            ft_err_format(ft_exc_TypeError,
                          "sequence item %zd: expected a bytes-like object, %T found", i,
                          items[i]);
            FT_DECREF(seq);
            return NULL;
        }
        total += FT_SIZE(items[i]) + (i ? sn : 0);
    }
    FtObject *r = mk(self, NULL, total);
    if (r) {
        char *o = ft_bytes_check(r) ? FT_BYTES_DATA(r) : ((FtByteArray *)r)->data;
        ssize_t pos = 0;
        for (ssize_t i = 0; i < cnt; i++) {
            if (i) {
                memcpy(o + pos, sd, sn);
                pos += sn;
            }
            bview(items[i], &d, &n);
            memcpy(o + pos, d, n);
            pos += n;
        }
    }
    FT_DECREF(seq);
    return r;
}

static FtObject *strip_impl(FtObject *self, FtObject *const *args, ssize_t nargs, int left,
                            int right, const char *name) {
    if (ft_check_nargs(name, nargs, 0, 1) < 0)
        return NULL;
    const char *d, *cs = NULL;
    ssize_t n, cn = 0;
    bview(self, &d, &n);
    if (nargs && args[0] != FT_NONE && ft_bytes_like_get(args[0], &cs, &cn) < 0)
        return NULL;
    ssize_t i = 0, j = n;
#define STRIPPABLE(c) (cs ? memchr(cs, (c), cn) != NULL : bspace((uint8_t)(c)))
    if (left)
        while (i < j && STRIPPABLE(d[i]))
            i++;
    if (right)
        while (j > i && STRIPPABLE(d[j - 1]))
            j--;
#undef STRIPPABLE
    if (i == 0 && j == n)
        return same(self);
    return mk(self, d + i, j - i);
}
static FtObject *b_strip(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return strip_impl(self, args, nargs, 1, 1, "strip");
}
static FtObject *b_lstrip(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return strip_impl(self, args, nargs, 1, 0, "lstrip");
}
static FtObject *b_rstrip(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return strip_impl(self, args, nargs, 0, 1, "rstrip");
}

static FtObject *b_replace(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("replace", nargs, 2, 3) < 0)
        return NULL;
    const char *d, *od, *nd;
    ssize_t n, on, nn, count = -1;
    if (ft_bytes_like_get(args[0], &od, &on) < 0 || ft_bytes_like_get(args[1], &nd, &nn) < 0)
        return NULL;
    if (nargs > 2 && get_ssize(args[2], &count) < 0)
        return NULL;
    bview(self, &d, &n);
    ssize_t c = bcount(d, 0, n, od, on, count);
    if (c == 0)
        return same(self);
    ssize_t total = n + c * (nn - on);
    char *o = ft_mem_alloc(total + 1);
    if (!o)
        return NULL;
    ssize_t i = 0, w = 0;
    for (ssize_t k = 0; k < c; k++) {
        ssize_t j;
        if (on == 0) {
            j = i;
        } else
            j = bfind(d, i, n, od, on, 1);
        memcpy(o + w, d + i, j - i);
        w += j - i;
        memcpy(o + w, nd, nn);
        w += nn;
        i = j + on;
        if (on == 0 && i < n)
            o[w++] = d[i++];
    }
    memcpy(o + w, d + i, n - i);
    w += n - i;
    FtObject *r = mk(self, o, w);
    ft_mem_free(o);
    return r;
}

enum { BM_UPPER, BM_LOWER, BM_SWAP, BM_TITLE, BM_CAP };

static FtObject *bcase(FtObject *self, int mode) {
    const char *d;
    ssize_t n;
    bview(self, &d, &n);
    FtObject *r = mk(self, d, n);
    if (!r)
        return NULL;
    char *o = ft_bytes_check(r) ? FT_BYTES_DATA(r) : ((FtByteArray *)r)->data;
    int prev = 0;
    for (ssize_t i = 0; i < n; i++) {
        uint8_t c = (uint8_t)o[i];
        int up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
        switch (mode) {
        case BM_UPPER: if (lo) c -= 32; break;
        case BM_LOWER: if (up) c += 32; break;
        case BM_SWAP: c = lo ? c - 32 : up ? c + 32 : c; break;
        case BM_TITLE:
            c = prev ? (up ? c + 32 : c) : (lo ? c - 32 : c);
            prev = up || lo;
            break;
        default: c = i == 0 ? (lo ? c - 32 : c) : (up ? c + 32 : c); break;
        }
        o[i] = (char)c;
    }
    return r;
}
static FtObject *b_upper(FtObject *self, FtObject *u) { return bcase(self, BM_UPPER); }
static FtObject *b_lower(FtObject *self, FtObject *u) { return bcase(self, BM_LOWER); }
static FtObject *b_swapcase(FtObject *self, FtObject *u) { return bcase(self, BM_SWAP); }
static FtObject *b_title(FtObject *self, FtObject *u) { return bcase(self, BM_TITLE); }
static FtObject *b_capitalize(FtObject *self, FtObject *u) { return bcase(self, BM_CAP); }

#define BPRED(name, test)                                              \
    static FtObject *b_##name(FtObject *self, FtObject *u) {           \
        const char *d;                                                 \
        ssize_t n;                                                     \
        bview(self, &d, &n);                                           \
        if (n == 0)                                                    \
            FT_RETURN_FALSE;                                           \
        for (ssize_t i = 0; i < n; i++) {                              \
            uint8_t c = (uint8_t)d[i];                                 \
            if (!(test))                                               \
                FT_RETURN_FALSE;                                       \
        }                                                              \
        FT_RETURN_TRUE;                                                \
    }
BPRED(isdigit, c >= '0' && c <= '9')
BPRED(isalpha, (c | 32) >= 'a' && (c | 32) <= 'z')
BPRED(isalnum, ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9'))
BPRED(isspace, bspace(c))

static FtObject *b_isascii(FtObject *self, FtObject *u) {
    const char *d;
    ssize_t n;
    bview(self, &d, &n);
    for (ssize_t i = 0; i < n; i++)
        if ((uint8_t)d[i] >= 128)
            FT_RETURN_FALSE;
    FT_RETURN_TRUE;
}

static FtObject *b_isupper(FtObject *self, FtObject *u) {
    const char *d;
    ssize_t n;
    bview(self, &d, &n);
    int cased = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (d[i] >= 'a' && d[i] <= 'z')
            FT_RETURN_FALSE;
        if (d[i] >= 'A' && d[i] <= 'Z')
            cased = 1;
    }
    return ft_bool_from(cased);
}

static FtObject *b_islower(FtObject *self, FtObject *u) {
    const char *d;
    ssize_t n;
    bview(self, &d, &n);
    int cased = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (d[i] >= 'A' && d[i] <= 'Z')
            FT_RETURN_FALSE;
        if (d[i] >= 'a' && d[i] <= 'z')
            cased = 1;
    }
    return ft_bool_from(cased);
}

static FtObject *b_istitle(FtObject *self, FtObject *u) {
    const char *d;
    ssize_t n;
    bview(self, &d, &n);
    int cased = 0, prev = 0;
    for (ssize_t i = 0; i < n; i++) {
        char c = d[i];
        if (c >= 'A' && c <= 'Z') {
            if (prev)
                FT_RETURN_FALSE;
            prev = cased = 1;
        } else if (c >= 'a' && c <= 'z') {
            if (!prev)
                FT_RETURN_FALSE;
            prev = cased = 1;
        } else
            prev = 0;
    }
    return ft_bool_from(cased);
}

static FtObject *b_partition_impl(FtObject *self, FtObject *sep, int right) {
    const char *d, *s;
    ssize_t n, m;
    if (ft_bytes_like_get(sep, &s, &m) < 0)
        return NULL;
    if (m == 0)
        return ft_err_format(ft_exc_ValueError, "empty separator");
    bview(self, &d, &n);
    ssize_t i = bfind(d, 0, n, s, m, right ? -1 : 1);
    FtObject *x[3];
    if (i < 0) {
        x[0] = right ? mk(self, "", 0) : same(self);
        x[1] = mk(self, "", 0);
        x[2] = right ? same(self) : mk(self, "", 0);
    } else {
        x[0] = mk(self, d, i);
        x[1] = mk(self, s, m);
        x[2] = mk(self, d + i + m, n - i - m);
    }
    if (!x[0] || !x[1] || !x[2]) {
        for (int k = 0; k < 3; k++)
            FT_XDECREF(x[k]);
        return NULL;
    }
    return ft_tuple_from_array_steal(x, 3);
}
static FtObject *b_partition(FtObject *self, FtObject *sep) {
    return b_partition_impl(self, sep, 0);
}
static FtObject *b_rpartition(FtObject *self, FtObject *sep) {
    return b_partition_impl(self, sep, 1);
}

static FtObject *bpad(FtObject *self, FtObject *const *args, ssize_t nargs, const char *name,
                      int mode) {
    if (ft_check_nargs(name, nargs, 1, 2) < 0)
        return NULL;
    ssize_t width;
    if (get_ssize(args[0], &width) < 0)
        return NULL;
    char fill = ' ';
    if (nargs > 1) {
        FtObject *f = args[1];
        if (!(ft_bytes_check(f) || ft_bytearray_check(f)) || FT_SIZE(f) != 1)
            return ft_err_format(ft_exc_TypeError,
                                 "%s() argument 2 must be a byte string of length 1, not %s",
                                 name, ft_arg_type_name(f));
        const char *fd;
        ssize_t fn;
        bview(f, &fd, &fn);
        fill = fd[0];
    }
    const char *d;
    ssize_t n;
    bview(self, &d, &n);
    if (width <= n)
        return same(self);
    ssize_t marg = width - n, left;
    if (mode == 0)
        left = marg / 2 + (marg & width & 1);
    else if (mode == 1)
        left = 0;
    else
        left = marg;
    FtObject *r = mk(self, NULL, width);
    if (!r)
        return NULL;
    char *o = ft_bytes_check(r) ? FT_BYTES_DATA(r) : ((FtByteArray *)r)->data;
    memset(o, fill, width);
    memcpy(o + left, d, n);
    return r;
}
static FtObject *b_center(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return bpad(self, args, nargs, "center", 0);
}
static FtObject *b_ljust(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return bpad(self, args, nargs, "ljust", 1);
}
static FtObject *b_rjust(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return bpad(self, args, nargs, "rjust", 2);
}

static FtObject *b_zfill(FtObject *self, FtObject *arg) {
    ssize_t width;
    if (get_ssize(arg, &width) < 0)
        return NULL;
    const char *d;
    ssize_t n;
    bview(self, &d, &n);
    if (width <= n)
        return same(self);
    FtObject *r = mk(self, NULL, width);
    if (!r)
        return NULL;
    char *o = ft_bytes_check(r) ? FT_BYTES_DATA(r) : ((FtByteArray *)r)->data;
    ssize_t fill = width - n;
    memset(o, '0', fill);
    memcpy(o + fill, d, n);
    if (n && (o[fill] == '+' || o[fill] == '-')) {
        o[0] = o[fill];
        o[fill] = '0';
    }
    return r;
}

static FtObject *b_splitlines(FtObject *self, FtObject *const *args, ssize_t nargs,
                              FtObject *kwnames) {
    static const char *const kwlist[] = {"keepends", NULL};
    FtObject *a[1];
    if (ft_parse_args("splitlines", args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return NULL;
    int keep = 0;
    if (a[0]) {
        keep = ft_object_is_true(a[0]);
        if (keep < 0)
            return NULL;
    }
    const char *d;
    ssize_t n;
    bview(self, &d, &n);
    FtObject *list = ft_list_new(0);
    if (!list)
        return NULL;
    ssize_t i = 0;
    while (i < n) {
        ssize_t j = i;
        while (j < n && d[j] != '\n' && d[j] != '\r')
            j++;
        ssize_t eol = j;
        if (j < n) {
            j += (d[j] == '\r' && j + 1 < n && d[j + 1] == '\n') ? 2 : 1;
            if (keep)
                eol = j;
        }
        FtObject *p = mk(self, d + i, eol - i);
        if (!p || ft_list_append(list, p) < 0) {
            FT_XDECREF(p);
            FT_DECREF(list);
            return NULL;
        }
        FT_DECREF(p);
        i = j;
    }
    return list;
}

static FtObject *b_expandtabs(FtObject *self, FtObject *const *args, ssize_t nargs,
                              FtObject *kwnames) {
    static const char *const kwlist[] = {"tabsize", NULL};
    FtObject *a[1];
    if (ft_parse_args("expandtabs", args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return NULL;
    ssize_t tab = 8;
    if (a[0] && get_ssize(a[0], &tab) < 0)
        return NULL;
    const char *d;
    ssize_t n, total = 0, col = 0;
    bview(self, &d, &n);
    for (ssize_t i = 0; i < n; i++) {
        if (d[i] == '\t') {
            if (tab > 0) {
                total += tab - col % tab;
                col += tab - col % tab;
            }
        } else {
            total++;
            col = (d[i] == '\n' || d[i] == '\r') ? 0 : col + 1;
        }
    }
    FtObject *r = mk(self, NULL, total);
    if (!r)
        return NULL;
    char *o = ft_bytes_check(r) ? FT_BYTES_DATA(r) : ((FtByteArray *)r)->data;
    ssize_t w = 0;
    col = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (d[i] == '\t') {
            if (tab > 0) {
                ssize_t k = tab - col % tab;
                memset(o + w, ' ', k);
                w += k;
                col += k;
            }
        } else {
            o[w++] = d[i];
            col = (d[i] == '\n' || d[i] == '\r') ? 0 : col + 1;
        }
    }
    return r;
}

static FtObject *b_removeprefix(FtObject *self, FtObject *arg) {
    const char *d, *s;
    ssize_t n, m;
    if (ft_bytes_like_get(arg, &s, &m) < 0)
        return NULL;
    bview(self, &d, &n);
    if (m <= n && memcmp(d, s, m) == 0 && m)
        return mk(self, d + m, n - m);
    return same(self);
}

static FtObject *b_removesuffix(FtObject *self, FtObject *arg) {
    const char *d, *s;
    ssize_t n, m;
    if (ft_bytes_like_get(arg, &s, &m) < 0)
        return NULL;
    bview(self, &d, &n);
    if (m && m <= n && memcmp(d + n - m, s, m) == 0)
        return mk(self, d, n - m);
    return same(self);
}

static FtObject *b_decode(FtObject *self, FtObject *const *args, ssize_t nargs,
                          FtObject *kwnames) {
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    FtObject *a[2];
    if (ft_parse_args("decode", args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return NULL;
    const char *enc, *errs, *d;
    ssize_t n;
    if (ft_codec_get_names("decode", a[0], a[1], &enc, &errs) < 0)
        return NULL;
    bview(self, &d, &n);
    return ft_codec_decode(d, n, enc, errs);
}

static FtObject *b_hex(FtObject *self, FtObject *const *args, ssize_t nargs, FtObject *kwnames) {
    static const char *const kwlist[] = {"sep", "bytes_per_sep", NULL};
    FtObject *a[2];
    if (ft_parse_args("hex", args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return NULL;
    uint32_t sep = 0;
    ssize_t per = 1;
    if (a[0]) {
        if (ft_str_check(a[0])) {
            if (FT_STR_LEN(a[0]) != 1)
                return ft_err_format(ft_exc_ValueError, "sep must be length 1.");
            sep = ft_str_read(a[0], 0);
        } else if (ft_bytes_check(a[0]) || ft_bytearray_check(a[0])) {
            if (FT_SIZE(a[0]) != 1)
                return ft_err_format(ft_exc_ValueError, "sep must be length 1.");
            const char *sd;
            ssize_t sn;
            bview(a[0], &sd, &sn);
            sep = (uint8_t)sd[0];
        } else
            return ft_err_format(ft_exc_TypeError, "sep must be str or bytes.");
        if (sep > 127)
            return ft_err_format(ft_exc_ValueError, "sep must be ASCII.");
    }
    if (a[1] && get_ssize(a[1], &per) < 0)
        return NULL;
    const char *d;
    ssize_t n;
    bview(self, &d, &n);
    static const char hx[] = "0123456789abcdef";
    char *o = ft_mem_alloc(n * 3 + 1);
    if (!o)
        return NULL;
    ssize_t w = 0, ap = per < 0 ? -per : per;
    for (ssize_t i = 0; i < n; i++) {
        if (sep && i && ap) {
            /* positive bytes_per_sep counts groups from the right, negative from the left */
            ssize_t k = per > 0 ? n - i : i;
            if (k % ap == 0)
                o[w++] = (char)sep;
        }
        uint8_t c = (uint8_t)d[i];
        o[w++] = hx[c >> 4];
        o[w++] = hx[c & 15];
    }
    FtObject *r = ft_str_from_ascii(o, w);
    ft_mem_free(o);
    return r;
}

static int hexval(uint32_t c) {
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    c |= 32;
    if (c >= 'a' && c <= 'f')
        return (int)(c - 'a' + 10);
    return -1;
}

FtObject *ft_bytes_fromhex_impl(FtType *type, FtObject *s) {
    if (!ft_str_check(s))
        return ft_err_format(ft_exc_TypeError, "fromhex() argument must be str, not %s",
                             ft_arg_type_name(s));
    ssize_t n = FT_STR_LEN(s), w = 0;
    char *o = ft_mem_alloc(n / 2 + 1);
    if (!o)
        return NULL;
    ssize_t i = 0;
    while (i < n) {
        uint32_t c = ft_str_read(s, i);
        if (ft_uni_isspace(c) && c < 128) {
            i++;
            continue;
        }
        int hi = hexval(c);
        if (hi < 0) {
            ft_mem_free(o);
            return ft_err_format(ft_exc_ValueError,
                                 "non-hexadecimal number found in fromhex() arg at position %zd",
                                 i);
        }
        int lo = i + 1 < n ? hexval(ft_str_read(s, i + 1)) : -1;
        if (lo < 0) {
            ft_mem_free(o);
            return ft_err_format(ft_exc_ValueError,
                                 "non-hexadecimal number found in fromhex() arg at position %zd",
                                 i + 1);
        }
        o[w++] = (char)(hi * 16 + lo);
        i += 2;
    }
    FtObject *r;
    if (type == &ft_bytes_type || type == &ft_bytearray_type)
        r = ft_bytes_make(type, o, w);
    else {
        FtObject *b = ft_bytes_make(ft_type_is_subtype(type, &ft_bytearray_type)
                                        ? &ft_bytearray_type : &ft_bytes_type, o, w);
        r = b ? ft_object_call_one((FtObject *)type, b) : NULL;
        FT_XDECREF(b);
    }
    ft_mem_free(o);
    return r;
}

static FtObject *b_fromhex(FtObject *type, FtObject *s) {
    return ft_bytes_fromhex_impl((FtType *)type, s);
}

static FtObject *b_maketrans(FtObject *unused, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("maketrans", nargs, 2, 2) < 0)
        return NULL;
    const char *f, *t;
    ssize_t fn, tn;
    if (ft_bytes_like_get(args[0], &f, &fn) < 0 || ft_bytes_like_get(args[1], &t, &tn) < 0)
        return NULL;
    if (fn != tn)
        return ft_err_format(ft_exc_ValueError, "maketrans arguments must have same length");
    FtObject *r = ft_bytes_new(256);
    if (!r)
        return NULL;
    for (int i = 0; i < 256; i++)
        FT_BYTES_DATA(r)[i] = (char)i;
    for (ssize_t i = 0; i < fn; i++)
        FT_BYTES_DATA(r)[(uint8_t)f[i]] = t[i];
    return r;
}

static FtObject *b_translate(FtObject *self, FtObject *const *args, ssize_t nargs,
                             FtObject *kwnames) {
    static const char *const kwlist[] = {"table", "delete", NULL};
    FtObject *a[2];
    if (ft_parse_args("translate", args, nargs, kwnames, kwlist, 1, -1, 1, a) < 0)
        return NULL;
    const char *tab = NULL, *del = NULL, *d;
    ssize_t tn = 0, dn = 0, n;
    if (a[0] != FT_NONE) {
        if (ft_bytes_like_get(a[0], &tab, &tn) < 0)
            return NULL;
        if (tn != 256)
            return ft_err_format(ft_exc_ValueError, "translation table must be 256 characters long");
    }
    if (a[1] && ft_bytes_like_get(a[1], &del, &dn) < 0)
        return NULL;
    bview(self, &d, &n);
    char *o = ft_mem_alloc(n + 1);
    if (!o)
        return NULL;
    ssize_t w = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (del && memchr(del, d[i], dn))
            continue;
        o[w++] = tab ? tab[(uint8_t)d[i]] : d[i];
    }
    FtObject *r = mk(self, o, w);
    ft_mem_free(o);
    return r;
}

static FtObject *b_bytes(FtObject *self, FtObject *u) {
    if (ft_bytes_check_exact_(self))
        return FT_NEWREF(self);
    return ft_bytes_from_data(FT_BYTES_DATA(self), FT_SIZE(self));
}

static FtObject *b_getnewargs(FtObject *self, FtObject *u) {
    FtObject *b = ft_bytes_from_data(FT_BYTES_DATA(self), FT_SIZE(self));
    if (!b)
        return NULL;
    FtObject *items[1] = {b};
    return ft_tuple_from_array_steal(items, 1);
}

#define M(name, fn, flags) {name, (void *)fn, flags, NULL}
#define FK (FT_METH_FASTCALL | FT_METH_KEYWORDS)
#define COMMON_METHODS                                                  \
    M("find", b_find, FT_METH_FASTCALL),                                \
    M("rfind", b_rfind, FT_METH_FASTCALL),                              \
    M("index", b_index, FT_METH_FASTCALL),                              \
    M("rindex", b_rindex, FT_METH_FASTCALL),                            \
    M("count", b_count, FT_METH_FASTCALL),                              \
    M("startswith", b_startswith, FT_METH_FASTCALL),                    \
    M("endswith", b_endswith, FT_METH_FASTCALL),                        \
    M("split", b_split, FK),                                            \
    M("rsplit", b_rsplit, FK),                                          \
    M("join", b_join, FT_METH_O),                                       \
    M("strip", b_strip, FT_METH_FASTCALL),                              \
    M("lstrip", b_lstrip, FT_METH_FASTCALL),                            \
    M("rstrip", b_rstrip, FT_METH_FASTCALL),                            \
    M("replace", b_replace, FT_METH_FASTCALL),                          \
    M("upper", b_upper, FT_METH_NOARGS),                                \
    M("lower", b_lower, FT_METH_NOARGS),                                \
    M("swapcase", b_swapcase, FT_METH_NOARGS),                          \
    M("title", b_title, FT_METH_NOARGS),                                \
    M("capitalize", b_capitalize, FT_METH_NOARGS),                      \
    M("isdigit", b_isdigit, FT_METH_NOARGS),                            \
    M("isalpha", b_isalpha, FT_METH_NOARGS),                            \
    M("isalnum", b_isalnum, FT_METH_NOARGS),                            \
    M("isspace", b_isspace, FT_METH_NOARGS),                            \
    M("isascii", b_isascii, FT_METH_NOARGS),                            \
    M("isupper", b_isupper, FT_METH_NOARGS),                            \
    M("islower", b_islower, FT_METH_NOARGS),                            \
    M("istitle", b_istitle, FT_METH_NOARGS),                            \
    M("partition", b_partition, FT_METH_O),                             \
    M("rpartition", b_rpartition, FT_METH_O),                           \
    M("center", b_center, FT_METH_FASTCALL),                            \
    M("ljust", b_ljust, FT_METH_FASTCALL),                              \
    M("rjust", b_rjust, FT_METH_FASTCALL),                              \
    M("zfill", b_zfill, FT_METH_O),                                     \
    M("splitlines", b_splitlines, FK),                                  \
    M("expandtabs", b_expandtabs, FK),                                  \
    M("removeprefix", b_removeprefix, FT_METH_O),                       \
    M("removesuffix", b_removesuffix, FT_METH_O),                       \
    M("decode", b_decode, FK),                                          \
    M("hex", b_hex, FK),                                                \
    M("fromhex", b_fromhex, FT_METH_O | FT_METH_CLASS),                 \
    M("maketrans", b_maketrans, FT_METH_FASTCALL | FT_METH_STATIC),     \
    M("translate", b_translate, FK)

static FtMethodDef bytes_methods[] = {
    COMMON_METHODS,
    M("__getnewargs__", b_getnewargs, FT_METH_NOARGS),
    M("__bytes__", b_bytes, FT_METH_NOARGS),
    {NULL, NULL, 0, NULL},
};

FtMethodDef ft_bytes_common_methods[] = {
    COMMON_METHODS,
    {NULL, NULL, 0, NULL},
};

/* ---- the type -------------------------------------------------------------------------- */

static int bytes_contains(FtObject *self, FtObject *x) { return ft_bytes_contains_impl(self, x); }

static FtNumberMethods bytes_as_number = {
    .nb_remainder = bytes_mod,
};

static FtSequenceMethods bytes_as_sequence = {
    .sq_length = bytes_length,
    .sq_concat = bytes_concat,
    .sq_repeat = bytes_repeat,
    .sq_item = bytes_item,
    .sq_contains = bytes_contains,
};

static FtMappingMethods bytes_as_mapping = {
    .mp_length = bytes_length,
    .mp_subscript = bytes_subscript,
};

FtType ft_bytes_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "bytes",
    .tp_basicsize = sizeof(FtBytes),
    .tp_itemsize = 1,
    .tp_dealloc = bytes_dealloc,
    .tp_repr = ft_bytes_repr,
    .tp_as_number = &bytes_as_number,
    .tp_as_sequence = &bytes_as_sequence,
    .tp_as_mapping = &bytes_as_mapping,
    .tp_hash = bytes_hash,
    .tp_str = bytes_str,
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_BYTES_SUBCLASS | FT_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding[, errors]) -> bytes",
    .tp_richcompare = ft_bytes_richcompare,
    .tp_iter = bytes_iter,
    .tp_methods = bytes_methods,
    .tp_new = bytes_tp_new,
};

int ft_bytes_init_singletons(void) {
    if (!empty_bytes) {
        empty_bytes = (FtBytes *)bytes_alloc(&ft_bytes_type, 0);
        if (!empty_bytes)
            return -1;
        FT_MAKE_IMMORTAL(empty_bytes);
    }
    return 0;
}
