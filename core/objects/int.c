/* The int type: arbitrary-precision integers. A value that fits in int64_t is always kept
 * compact (ndigits == 0) so that the eval loop and the fast paths here do machine arithmetic;
 * larger values keep base-2**32 digits (algorithms in longarith.c). Every result goes through
 * finish()/from_i64() so the representation stays canonical and small ints come from the
 * immortal cache. Also: conversion to and from strings, bytes and doubles, and
 * ft_numbers_init. */
#include "core/object.h"
#include "core/objects/longarith.h"
#include "runtime/tstate.h"

#include <float.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

int ft_int_max_str_digits = 4300;

/* ---- small ints -------------------------------------------------------------------- */

#define SI1(n) {FT_STATIC_HEADER(&ft_int_type), 0, (n)},
#define SI4(n) SI1(n) SI1((n) + 1) SI1((n) + 2) SI1((n) + 3)
#define SI16(n) SI4(n) SI4((n) + 4) SI4((n) + 8) SI4((n) + 12)
#define SI64(n) SI16(n) SI16((n) + 16) SI16((n) + 32) SI16((n) + 48)
#define SI256(n) SI64(n) SI64((n) + 64) SI64((n) + 128) SI64((n) + 192)
FtInt ft_small_ints[FT_SMALL_INT_MAX - FT_SMALL_INT_MIN + 1] = {
    SI256(-5) SI4(251) SI1(255) SI1(256)
};

#define SMALL(v) ((FtObject *)&ft_small_ints[(v) - FT_SMALL_INT_MIN])
#define DIGITS_OFFSET offsetof(FtInt, digits)

static inline bool is_small(int64_t v) { return v >= FT_SMALL_INT_MIN && v <= FT_SMALL_INT_MAX; }

FtObject *ft_int_from_i64(int64_t v) {
    if (is_small(v))
        return SMALL(v); /* immortal: no incref needed */
    FtInt *r = (FtInt *)ft_object_alloc(&ft_int_type);
    if (!r)
        return NULL;
    r->ndigits = 0;
    r->compact = v;
    return (FtObject *)r;
}

FtObject *ft_int_from_ssize(ssize_t v) { return ft_int_from_i64(v); }

/* A fresh exact int with room for n digits (n >= 1), all zero. */
static FtInt *int_alloc(ssize_t n) {
    if (n > INT32_MAX / 2) {
        ft_err_set_string(ft_exc_OverflowError, "too many digits in integer");
        return NULL;
    }
    FtInt *r = (FtInt *)ft_object_alloc_var(&ft_int_type, n);
    if (!r)
        return NULL;
    r->ndigits = (int32_t)n;
    r->compact = 0;
    return r;
}

/* Make r (its first n digits meaningful, magnitude) canonical with the given sign; steals r. */
static FtObject *finish(FtInt *r, int sign, ssize_t n) {
    n = ft_la_norm(r->digits, n);
    if (n <= 2) {
        uint64_t m = n == 0 ? 0 : n == 1 ? r->digits[0]
                                        : ((uint64_t)r->digits[1] << 32) | r->digits[0];
        if (m <= (uint64_t)INT64_MAX || (sign < 0 && m == (uint64_t)1 << 63)) {
            int64_t v = sign < 0 ? (int64_t)(0 - m) : (int64_t)m;
            if (is_small(v)) {
                FT_DECREF(r);
                return SMALL(v);
            }
            r->ndigits = 0;
            r->compact = v;
            return (FtObject *)r;
        }
    }
    r->ndigits = (int32_t)(sign < 0 ? -n : n);
    return (FtObject *)r;
}

static FtObject *from_mag(int sign, const ft_digit *d, ssize_t n) {
    n = ft_la_norm(d, n);
    if (n == 0)
        return SMALL(0);
    FtInt *r = int_alloc(n);
    if (!r)
        return NULL;
    memcpy(r->digits, d, (size_t)n * sizeof(ft_digit));
    return finish(r, sign, n);
}

FtObject *ft_int_from_u64(uint64_t v) {
    if (v <= (uint64_t)INT64_MAX)
        return ft_int_from_i64((int64_t)v);
    ft_digit d[2] = {(ft_digit)v, (ft_digit)(v >> 32)};
    return from_mag(1, d, 2);
}

/* ---- views: any int as (sign, digits) --------------------------------------------- */

typedef struct IntView {
    int sign;
    ssize_t n;
    const ft_digit *d;
    ft_digit buf[2];
} IntView;

static void view(FtObject *o, IntView *v) {
    FtInt *x = (FtInt *)o;
    if (x->ndigits == 0) {
        int64_t c = x->compact;
        uint64_t m = c < 0 ? 0 - (uint64_t)c : (uint64_t)c;
        v->sign = (c > 0) - (c < 0);
        v->buf[0] = (ft_digit)m;
        v->buf[1] = (ft_digit)(m >> 32);
        v->n = m == 0 ? 0 : (m >> 32) ? 2 : 1;
        v->d = v->buf;
    } else {
        v->sign = x->ndigits < 0 ? -1 : 1;
        v->n = x->ndigits < 0 ? -(ssize_t)x->ndigits : x->ndigits;
        v->d = x->digits;
    }
}

/* ---- conversions out -------------------------------------------------------------- */

int64_t ft_int_as_i64(FtObject *o, int *overflow) {
    FtInt *x = (FtInt *)o;
    *overflow = 0;
    if (x->ndigits == 0)
        return x->compact;
    *overflow = x->ndigits < 0 ? -1 : 1;
    return -1;
}

ssize_t ft_int_as_ssize(FtObject *o) {
    if (!ft_int_check(o)) {
        ft_err_format(ft_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      FT_TYPE(o)->tp_name);
        return -1;
    }
    FtInt *x = (FtInt *)o;
    if (x->ndigits == 0 && x->compact >= PTRDIFF_MIN && x->compact <= PTRDIFF_MAX)
        return (ssize_t)x->compact;
    ft_err_set_string(ft_exc_OverflowError, "Python int too large to convert to C ssize_t");
    return -1;
}

int ft_int_sign(FtObject *o) {
    FtInt *x = (FtInt *)o;
    if (x->ndigits)
        return x->ndigits < 0 ? -1 : 1;
    return (x->compact > 0) - (x->compact < 0);
}

size_t ft_int_bit_length(FtObject *o) {
    IntView v;
    view(o, &v);
    return ft_la_bit_length(v.d, v.n);
}

/* Correctly rounded (half to even) value of m * 2**e as a double, where `sticky` says that
 * nonzero bits below m were dropped. m must have at least 2 more bits than the result keeps
 * whenever sticky is set. Returns HUGE_VAL on overflow. */
static double round_to_double(const ft_digit *m, ssize_t n, int64_t e, bool sticky) {
    size_t nbits = ft_la_bit_length(m, n);
    if (nbits == 0)
        return 0.0;
    int64_t top = (int64_t)nbits + e; /* value in [2**(top-1), 2**top) */
    if (top > DBL_MAX_EXP)
        return HUGE_VAL;
    int64_t keep = DBL_MANT_DIG;
    if (top < DBL_MIN_EXP)
        keep -= DBL_MIN_EXP - top;
    if (keep < 0)
        return 0.0;
    int64_t drop = (int64_t)nbits - keep;
    uint64_t q;
    if (drop <= 0) {
        q = 0;
        for (ssize_t i = n - 1; i >= 0; i--)
            q = (q << 32) | m[i]; /* nbits <= 53 here */
        return ldexp((double)q, (int)e);
    }
    /* q = the top `keep` bits; then look at the half bit and everything below it. */
    q = 0;
    for (int64_t b = (int64_t)nbits - 1; b >= drop; b--)
        q = (q << 1) | ((m[b / 32] >> (b % 32)) & 1);
    bool half = (m[(drop - 1) / 32] >> ((drop - 1) % 32)) & 1;
    bool rest = sticky;
    for (int64_t b = drop - 2; b >= 0 && !rest; b--) {
        if (b % 32 == 31 && m[b / 32] == 0) {
            b -= 31;
            continue;
        }
        rest = (m[b / 32] >> (b % 32)) & 1;
    }
    if (half && (rest || (q & 1)))
        q++;
    double r = ldexp((double)q, (int)(e + drop));
    return r;
}

double ft_int_as_double(FtObject *o) {
    FtInt *x = (FtInt *)o;
    if (x->ndigits == 0)
        return (double)x->compact;
    IntView v;
    view(o, &v);
    double r = round_to_double(v.d, v.n, 0, false);
    if (isinf(r)) {
        ft_err_set_string(ft_exc_OverflowError, "int too large to convert to float");
        return -1.0;
    }
    return v.sign < 0 ? -r : r;
}

double ft_int_frexp(FtObject *o, int64_t *e) {
    IntView v;
    view(o, &v);
    size_t bits = ft_la_bit_length(v.d, v.n);
    *e = (int64_t)bits;
    if (bits == 0)
        return 0.0;
    double x = round_to_double(v.d, v.n, -(int64_t)bits, false); /* in [0.5, 1] */
    if (x == 1.0) {
        x = 0.5;
        *e += 1;
    }
    return v.sign < 0 ? -x : x;
}

FtObject *ft_int_from_double(double v) {
    if (isinf(v)) {
        ft_err_set_string(ft_exc_OverflowError, "cannot convert float infinity to integer");
        return NULL;
    }
    if (isnan(v)) {
        ft_err_set_string(ft_exc_ValueError, "cannot convert float NaN to integer");
        return NULL;
    }
    v = trunc(v);
    if (v >= -9223372036854775808.0 && v < 9223372036854775808.0)
        return ft_int_from_i64((int64_t)v);
    int sign = v < 0 ? -1 : 1;
    int exp;
    double frac = frexp(fabs(v), &exp); /* |v| = frac * 2**exp, exp > 63 */
    uint64_t mant = (uint64_t)ldexp(frac, 64);  /* exact: 53 significant bits */
    ft_digit d[2] = {(ft_digit)mant, (ft_digit)(mant >> 32)};
    size_t shift = (size_t)(exp - 64);
    ssize_t n = 2 + (ssize_t)(shift / 32) + 1;
    FtInt *r = int_alloc(n);
    if (!r)
        return NULL;
    ft_la_shl(d, 2, shift, r->digits);
    return finish(r, sign, n);
}

/* ---- hashing and comparison --------------------------------------------------------- */

#define HASH_MODULUS (((uint64_t)1 << 61) - 1)

ft_hash_t ft_int_hash(FtObject *o) {
    FtInt *x = (FtInt *)o;
    IntView v;
    uint64_t h = 0;
    if (x->ndigits == 0) {
        int64_t c = x->compact;
        uint64_t m = c < 0 ? 0 - (uint64_t)c : (uint64_t)c;
        h = m % HASH_MODULUS;
        ft_hash_t r = c < 0 ? -(ft_hash_t)h : (ft_hash_t)h;
        return r == -1 ? -2 : r;
    }
    view(o, &v);
    for (ssize_t i = v.n - 1; i >= 0; i--) {
        unsigned __int128 t = ((unsigned __int128)h << 32) | v.d[i];
        h = (uint64_t)(t % HASH_MODULUS);
    }
    ft_hash_t r = v.sign < 0 ? -(ft_hash_t)h : (ft_hash_t)h;
    return r == -1 ? -2 : r;
}

int ft_int_compare(FtObject *a, FtObject *b) {
    FtInt *x = (FtInt *)a, *y = (FtInt *)b;
    if (x->ndigits == 0 && y->ndigits == 0)
        return (x->compact > y->compact) - (x->compact < y->compact);
    IntView va, vb;
    view(a, &va);
    view(b, &vb);
    if (va.sign != vb.sign)
        return va.sign < vb.sign ? -1 : 1;
    int c = ft_la_cmp(va.d, va.n, vb.d, vb.n);
    return va.sign < 0 ? -c : c;
}

static FtObject *int_richcompare(FtObject *a, FtObject *b, int op) {
    if (!ft_int_check(a) || !ft_int_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    int c = ft_int_compare(a, b);
    bool r;
    switch (op) {
    case FT_LT: r = c < 0; break;
    case FT_LE: r = c <= 0; break;
    case FT_EQ: r = c == 0; break;
    case FT_NE: r = c != 0; break;
    case FT_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return ft_bool_from(r);
}

/* ---- addition, subtraction, multiplication -------------------------------------------- */

static FtObject *add_views(IntView *a, IntView *b, int bsign) {
    if (a->sign == 0)
        return from_mag(bsign, b->d, b->n);
    if (bsign == 0)
        return from_mag(a->sign, a->d, a->n);
    ssize_t n = (a->n > b->n ? a->n : b->n) + 1;
    FtInt *r = int_alloc(n);
    if (!r)
        return NULL;
    if (a->sign == bsign) {
        ssize_t rn = ft_la_add(a->d, a->n, b->d, b->n, r->digits);
        return finish(r, a->sign, rn);
    }
    int c = ft_la_cmp(a->d, a->n, b->d, b->n);
    if (c == 0) {
        FT_DECREF(r);
        return SMALL(0);
    }
    if (c > 0)
        return finish(r, a->sign, ft_la_sub(a->d, a->n, b->d, b->n, r->digits));
    return finish(r, bsign, ft_la_sub(b->d, b->n, a->d, a->n, r->digits));
}

FtObject *ft_int_add(FtObject *a, FtObject *b) {
    FtInt *x = (FtInt *)a, *y = (FtInt *)b;
    int64_t r;
    if (x->ndigits == 0 && y->ndigits == 0 && !__builtin_add_overflow(x->compact, y->compact, &r))
        return ft_int_from_i64(r);
    IntView va, vb;
    view(a, &va);
    view(b, &vb);
    return add_views(&va, &vb, vb.sign);
}

FtObject *ft_int_sub(FtObject *a, FtObject *b) {
    FtInt *x = (FtInt *)a, *y = (FtInt *)b;
    int64_t r;
    if (x->ndigits == 0 && y->ndigits == 0 && !__builtin_sub_overflow(x->compact, y->compact, &r))
        return ft_int_from_i64(r);
    IntView va, vb;
    view(a, &va);
    view(b, &vb);
    return add_views(&va, &vb, -vb.sign);
}

static FtObject *mul_views(IntView *a, IntView *b) {
    if (a->sign == 0 || b->sign == 0)
        return SMALL(0);
    FtInt *r = int_alloc(a->n + b->n);
    if (!r)
        return NULL;
    ssize_t n = ft_la_mul(a->d, a->n, b->d, b->n, r->digits);
    if (n < 0) {
        FT_DECREF(r);
        return NULL;
    }
    return finish(r, a->sign * b->sign, n);
}

FtObject *ft_int_mul(FtObject *a, FtObject *b) {
    FtInt *x = (FtInt *)a, *y = (FtInt *)b;
    int64_t r;
    if (x->ndigits == 0 && y->ndigits == 0 && !__builtin_mul_overflow(x->compact, y->compact, &r))
        return ft_int_from_i64(r);
    IntView va, vb;
    view(a, &va);
    view(b, &vb);
    return mul_views(&va, &vb);
}

static FtObject *int_as_exact(FtObject *a);

static FtObject *int_neg(FtObject *a) {
    FtInt *x = (FtInt *)a;
    if (x->ndigits == 0 && x->compact != INT64_MIN)
        return ft_int_from_i64(-x->compact);
    IntView v;
    view(a, &v);
    return from_mag(-v.sign, v.d, v.n);
}

static FtObject *int_abs(FtObject *a) {
    return ft_int_sign(a) < 0 ? int_neg(a) : int_as_exact(a);
}

/* ---- division -------------------------------------------------------------------------- */

/* Floor division and modulo of two exact-or-subclass ints; b != 0. q or r may be NULL. */
static int divmod_ints(FtObject *a, FtObject *b, FtObject **q, FtObject **r) {
    FtInt *x = (FtInt *)a, *y = (FtInt *)b;
    if (x->ndigits == 0 && y->ndigits == 0 && !(x->compact == INT64_MIN && y->compact == -1)) {
        int64_t xa = x->compact, yb = y->compact;
        int64_t qq = xa / yb, rr = xa % yb;
        if (rr != 0 && ((rr < 0) != (yb < 0))) {
            rr += yb;
            qq -= 1;
        }
        if (q && !(*q = ft_int_from_i64(qq)))
            return -1;
        if (r && !(*r = ft_int_from_i64(rr))) {
            if (q)
                FT_CLEAR(*q);
            return -1;
        }
        return 0;
    }
    IntView va, vb;
    view(a, &va);
    view(b, &vb);
    FtInt *qo = NULL, *ro = NULL;
    ssize_t qn = 0, rn;
    if (ft_la_cmp(va.d, va.n, vb.d, vb.n) < 0) {
        /* |a| < |b|: truncated quotient 0, remainder a */
        ro = int_alloc(vb.n + 1);
        qo = int_alloc(2);
        if (!ro || !qo)
            goto fail;
        memcpy(ro->digits, va.d, (size_t)va.n * sizeof(ft_digit));
        rn = va.n;
    } else {
        qn = va.n - vb.n + 1;
        qo = int_alloc(qn + 1);
        ro = int_alloc(vb.n + 1);
        if (!qo || !ro || ft_la_divrem(va.d, va.n, vb.d, vb.n, qo->digits, ro->digits) < 0)
            goto fail;
        rn = vb.n;
    }
    rn = ft_la_norm(ro->digits, rn);
    int qsign = va.sign * vb.sign, rsign = va.sign;
    if (rn != 0 && va.sign != vb.sign) {
        /* floor: q = -(|q| + 1), r = |b| - |r| with b's sign */
        ft_digit one = 1;
        qn = ft_la_add(qo->digits, qn, &one, 1, qo->digits);
        rn = ft_la_sub(vb.d, vb.n, ro->digits, rn, ro->digits);
        rsign = vb.sign;
        qsign = -1;
    }
    if (q)
        *q = finish(qo, qsign, qn);
    else
        FT_DECREF(qo);
    if (r)
        *r = finish(ro, rsign, rn);
    else
        FT_DECREF(ro);
    return 0;
fail:
    FT_XDECREF(qo);
    FT_XDECREF(ro);
    return -1;
}

#define CHECK_BINOP(a, b)                                    \
    do {                                                     \
        if (!ft_int_check(a) || !ft_int_check(b))            \
            FT_RETURN_NOTIMPLEMENTED;                        \
    } while (0)

static FtObject *int_add(FtObject *a, FtObject *b) {
    CHECK_BINOP(a, b);
    return ft_int_add(a, b);
}
static FtObject *int_sub(FtObject *a, FtObject *b) {
    CHECK_BINOP(a, b);
    return ft_int_sub(a, b);
}
static FtObject *int_mul(FtObject *a, FtObject *b) {
    CHECK_BINOP(a, b);
    return ft_int_mul(a, b);
}

static FtObject *int_floordiv(FtObject *a, FtObject *b) {
    CHECK_BINOP(a, b);
    if (ft_int_sign(b) == 0) {
        ft_err_set_string(ft_exc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    FtObject *q;
    return divmod_ints(a, b, &q, NULL) < 0 ? NULL : q;
}

static FtObject *int_mod(FtObject *a, FtObject *b) {
    CHECK_BINOP(a, b);
    if (ft_int_sign(b) == 0) {
        ft_err_set_string(ft_exc_ZeroDivisionError, "integer modulo by zero");
        return NULL;
    }
    FtObject *r;
    return divmod_ints(a, b, NULL, &r) < 0 ? NULL : r;
}

static FtObject *int_divmod(FtObject *a, FtObject *b) {
    CHECK_BINOP(a, b);
    if (ft_int_sign(b) == 0) {
        ft_err_set_string(ft_exc_ZeroDivisionError, "integer division or modulo by zero");
        return NULL;
    }
    FtObject *q, *r;
    if (divmod_ints(a, b, &q, &r) < 0)
        return NULL;
    FtObject *t = ft_tuple_new(2);
    if (!t) {
        FT_DECREF(q);
        FT_DECREF(r);
        return NULL;
    }
    FT_TUPLE_SET(t, 0, q);
    FT_TUPLE_SET(t, 1, r);
    return t;
}

static FtObject *int_truediv(FtObject *a, FtObject *b) {
    CHECK_BINOP(a, b);
    IntView va, vb;
    view(a, &va);
    view(b, &vb);
    if (vb.sign == 0) {
        ft_err_set_string(ft_exc_ZeroDivisionError, "division by zero");
        return NULL;
    }
    size_t abits = ft_la_bit_length(va.d, va.n), bbits = ft_la_bit_length(vb.d, vb.n);
    if (abits <= DBL_MANT_DIG && bbits <= DBL_MANT_DIG) {
        double x = ft_int_as_double(a), y = ft_int_as_double(b);
        return ft_float_from_double(x / y);
    }
    if (va.sign == 0)
        return ft_float_from_double(vb.sign < 0 ? -0.0 : 0.0);
    int64_t diff = (int64_t)abits - (int64_t)bbits;
    if (diff > DBL_MAX_EXP + 1) {
        ft_err_set_string(ft_exc_OverflowError, "integer division result too large for a float");
        return NULL;
    }
    if (diff < DBL_MIN_EXP - DBL_MANT_DIG - 2)
        return ft_float_from_double(va.sign * vb.sign < 0 ? -0.0 : 0.0);
    /* q = floor(|a| * 2**-s / |b|) with about 60 significant bits; sticky = remainder != 0 */
    int64_t s = diff - 60;
    ssize_t an = va.n, bn = vb.n;
    ft_digit *abuf = NULL, *bbuf = NULL;
    const ft_digit *ad = va.d, *bd = vb.d;
    if (s < 0) {
        an = va.n + (ssize_t)((-s) / 32) + 1;
        abuf = ft_mem_alloc((size_t)an * sizeof(ft_digit));
        if (!abuf)
            return NULL;
        ft_la_shl(va.d, va.n, (size_t)-s, abuf);
        an = ft_la_norm(abuf, an);
        ad = abuf;
    } else if (s > 0) {
        bn = vb.n + (ssize_t)(s / 32) + 1;
        bbuf = ft_mem_alloc((size_t)bn * sizeof(ft_digit));
        if (!bbuf)
            return NULL;
        ft_la_shl(vb.d, vb.n, (size_t)s, bbuf);
        bn = ft_la_norm(bbuf, bn);
        bd = bbuf;
    }
    ft_digit *qd = ft_mem_alloc((size_t)(an - bn + 1 + bn) * sizeof(ft_digit));
    double result = 0;
    int rc = -1;
    if (qd) {
        ft_digit *rd = qd + (an - bn + 1);
        if (ft_la_divrem(ad, an, bd, bn, qd, rd) == 0) {
            bool sticky = ft_la_norm(rd, bn) != 0;
            result = round_to_double(qd, an - bn + 1, s, sticky);
            rc = 0;
        }
    }
    ft_mem_free(abuf);
    ft_mem_free(bbuf);
    ft_mem_free(qd);
    if (rc < 0)
        return NULL;
    if (isinf(result)) {
        ft_err_set_string(ft_exc_OverflowError, "integer division result too large for a float");
        return NULL;
    }
    return ft_float_from_double(va.sign * vb.sign < 0 ? -result : result);
}

/* ---- power ---------------------------------------------------------------------------- */

static FtObject *int_mod_positive(FtObject *a, FtObject *m) {
    FtObject *r;
    return divmod_ints(a, m, NULL, &r) < 0 ? NULL : r;
}

/* Modular inverse of a modulo m (m > 0) by the extended Euclidean algorithm. */
static FtObject *int_invmod(FtObject *a, FtObject *m) {
    FtObject *b = FT_NEWREF(m), *x = SMALL(1), *y = SMALL(0);
    FtObject *aa = int_mod_positive(a, m);
    if (!aa)
        goto fail0;
    /* invariant: x*a0 = aa (mod m), y*a0 = b (mod m) */
    while (ft_int_sign(b) != 0) {
        FtObject *q, *r;
        if (divmod_ints(aa, b, &q, &r) < 0)
            goto fail;
        FtObject *qy = ft_int_mul(q, y);
        FT_DECREF(q);
        if (!qy) {
            FT_DECREF(r);
            goto fail;
        }
        FtObject *nx = ft_int_sub(x, qy);
        FT_DECREF(qy);
        if (!nx) {
            FT_DECREF(r);
            goto fail;
        }
        FT_DECREF(x);
        x = y;
        y = nx;
        FT_DECREF(aa);
        aa = b;
        b = r;
    }
    if (!(((FtInt *)aa)->ndigits == 0 && ((FtInt *)aa)->compact == 1)) {
        ft_err_set_string(ft_exc_ValueError, "base is not invertible for the given modulus");
        goto fail;
    }
    FtObject *res = int_mod_positive(x, m);
    FT_DECREF(aa);
    FT_DECREF(b);
    FT_DECREF(x);
    FT_DECREF(y);
    return res;
fail:
    FT_XDECREF(aa);
fail0:
    FT_DECREF(b);
    FT_DECREF(x);
    FT_DECREF(y);
    return NULL;
}

static FtObject *int_pow(FtObject *a, FtObject *b, FtObject *c) {
    CHECK_BINOP(a, b);
    if (c != FT_NONE && c != NULL && !ft_int_check(c))
        FT_RETURN_NOTIMPLEMENTED;
    bool has_mod = c != FT_NONE && c != NULL;
    FtObject *base = NULL, *mod = NULL, *result = NULL, *exp = FT_NEWREF(b);
    bool negate_mod = false;
    if (!has_mod && ft_int_sign(b) < 0) {
        /* negative exponent without modulus: a float result */
        double x = ft_int_as_double(a);
        if (x == -1.0 && ft_err_occurred())
            goto done;
        double y = ft_int_as_double(b);
        if (y == -1.0 && ft_err_occurred())
            goto done;
        if (x == 0.0) {
            ft_err_set_string(ft_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            goto done;
        }
        FtObject *fx = ft_float_from_double(x), *fy = fx ? ft_float_from_double(y) : NULL;
        if (fy)
            result = ft_number_power(fx, fy, FT_NONE);
        FT_XDECREF(fx);
        FT_XDECREF(fy);
        goto done;
    }
    if (has_mod) {
        int ms = ft_int_sign(c);
        if (ms == 0) {
            ft_err_set_string(ft_exc_ValueError, "pow() 3rd argument cannot be 0");
            goto done;
        }
        if (ms < 0) {
            negate_mod = true;
            mod = int_neg(c);
        } else {
            mod = FT_NEWREF(c);
        }
        if (!mod)
            goto done;
        if (ft_int_sign(b) < 0) {
            base = int_invmod(a, mod);
            if (!base)
                goto done;
            FT_SETREF(exp, int_neg(b));
            if (!exp)
                goto done;
        } else {
            base = int_mod_positive(a, mod);
            if (!base)
                goto done;
        }
        if (((FtInt *)mod)->ndigits == 0 && ((FtInt *)mod)->compact == 1) {
            result = SMALL(0);
            goto done;
        }
    } else {
        base = FT_NEWREF(a);
    }
    /* fast path: compact base and exponent, no modulus, no overflow */
    FtInt *bx = (FtInt *)base, *ex = (FtInt *)exp;
    if (!has_mod && bx->ndigits == 0 && ex->ndigits == 0) {
        int64_t bv = bx->compact, ev = ex->compact, acc = 1;
        bool ok = true;
        if (bv == 0 || bv == 1 || ev == 0) {
            result = ft_int_from_i64(ev == 0 ? 1 : bv);
            goto done;
        }
        if (bv == -1) {
            result = ft_int_from_i64(ev & 1 ? -1 : 1);
            goto done;
        }
        int64_t bb = bv;
        for (int64_t e = ev; e > 0; e >>= 1) {
            if ((e & 1) && __builtin_mul_overflow(acc, bb, &acc)) {
                ok = false;
                break;
            }
            if (e > 1 && __builtin_mul_overflow(bb, bb, &bb)) {
                ok = false;
                break;
            }
        }
        if (ok) {
            result = ft_int_from_i64(acc);
            goto done;
        }
        /* huge results: refuse before running out of memory */
        size_t bits = ft_int_bit_length(base);
        if ((double)bits * (double)ev > 64.0 * (double)INT32_MAX / 2) {
            ft_err_set_string(ft_exc_OverflowError, "too many digits in integer");
            goto done;
        }
    } else if (!has_mod && ex->ndigits != 0) {
        if (bx->ndigits == 0 && bx->compact >= -1 && bx->compact <= 1) {
            IntView ve;
            view(exp, &ve);
            result = ft_int_from_i64(bx->compact == -1 && !(ve.d[0] & 1) ? 1 : bx->compact);
            goto done;
        }
        ft_err_set_string(ft_exc_OverflowError, "too many digits in integer");
        goto done;
    }
    /* left-to-right binary exponentiation */
    {
        IntView ve;
        view(exp, &ve);
        size_t nbits = ft_la_bit_length(ve.d, ve.n);
        result = SMALL(1);
        for (size_t i = nbits; i-- > 0;) {
            FtObject *t = ft_int_mul(result, result);
            FT_DECREF(result);
            result = t;
            if (!result)
                goto done;
            if (has_mod) {
                FT_SETREF(result, int_mod_positive(result, mod));
                if (!result)
                    goto done;
            }
            if ((ve.d[i / 32] >> (i % 32)) & 1) {
                t = ft_int_mul(result, base);
                FT_DECREF(result);
                result = t;
                if (!result)
                    goto done;
                if (has_mod) {
                    FT_SETREF(result, int_mod_positive(result, mod));
                    if (!result)
                        goto done;
                }
            }
        }
        if (negate_mod && ft_int_sign(result) != 0) {
            /* result in (c, 0]: subtract |c| */
            FT_SETREF(result, ft_int_sub(result, mod));
        }
    }
done:
    FT_XDECREF(base);
    FT_XDECREF(mod);
    FT_XDECREF(exp);
    return result;
}

/* ---- bitwise operations ----------------------------------------------------------------- */

static FtObject *int_invert(FtObject *a) {
    FtInt *x = (FtInt *)a;
    if (x->ndigits == 0)
        return ft_int_from_i64(~x->compact);
    /* ~a == -(a + 1) */
    FtObject *t = ft_int_add(a, SMALL(1));
    if (!t)
        return NULL;
    FtObject *r = int_neg(t);
    FT_DECREF(t);
    return r;
}

/* Two's complement of a view into n digits (n > v->n). */
static void to_twos(IntView *v, ft_digit *out, ssize_t n) {
    memset(out, 0, (size_t)n * sizeof(ft_digit));
    memcpy(out, v->d, (size_t)v->n * sizeof(ft_digit));
    if (v->sign < 0) {
        uint64_t carry = 1;
        for (ssize_t i = 0; i < n; i++) {
            carry += (ft_digit)~out[i];
            out[i] = (ft_digit)carry;
            carry >>= 32;
        }
    }
}

static FtObject *bitwise(FtObject *a, FtObject *b, char op) {
    FtInt *x = (FtInt *)a, *y = (FtInt *)b;
    if (x->ndigits == 0 && y->ndigits == 0) {
        int64_t u = x->compact, v = y->compact;
        return ft_int_from_i64(op == '&' ? (u & v) : op == '|' ? (u | v) : (u ^ v));
    }
    IntView va, vb;
    view(a, &va);
    view(b, &vb);
    ssize_t n = (va.n > vb.n ? va.n : vb.n) + 1;
    FtInt *r = int_alloc(n);
    ft_digit *tb = ft_mem_alloc((size_t)n * sizeof(ft_digit));
    if (!r || !tb) {
        FT_XDECREF(r);
        ft_mem_free(tb);
        return NULL;
    }
    to_twos(&va, r->digits, n);
    to_twos(&vb, tb, n);
    for (ssize_t i = 0; i < n; i++)
        r->digits[i] = op == '&' ? (r->digits[i] & tb[i])
                     : op == '|' ? (r->digits[i] | tb[i]) : (r->digits[i] ^ tb[i]);
    ft_mem_free(tb);
    int sign = 1;
    if (r->digits[n - 1] & 0x80000000u) {
        sign = -1;
        uint64_t carry = 1;
        for (ssize_t i = 0; i < n; i++) {
            carry += (ft_digit)~r->digits[i];
            r->digits[i] = (ft_digit)carry;
            carry >>= 32;
        }
    }
    return finish(r, sign, n);
}

static FtObject *int_and(FtObject *a, FtObject *b) {
    CHECK_BINOP(a, b);
    return bitwise(a, b, '&');
}
static FtObject *int_or(FtObject *a, FtObject *b) {
    CHECK_BINOP(a, b);
    return bitwise(a, b, '|');
}
static FtObject *int_xor(FtObject *a, FtObject *b) {
    CHECK_BINOP(a, b);
    return bitwise(a, b, '^');
}

/* Shift count as size_t; -1 with an exception for negative counts. *huge: too big. */
static int shift_count(FtObject *b, size_t *count, bool *huge) {
    FtInt *y = (FtInt *)b;
    *huge = false;
    if (ft_int_sign(b) < 0) {
        ft_err_set_string(ft_exc_ValueError, "negative shift count");
        return -1;
    }
    if (y->ndigits != 0 || y->compact > (int64_t)1 << 40) {
        *huge = true;
        *count = 0;
        return 0;
    }
    *count = (size_t)y->compact;
    return 0;
}

static FtObject *lshift_count(FtObject *a, size_t s) {
    FtInt *x = (FtInt *)a;
    if (x->ndigits == 0) {
        int64_t v = x->compact;
        if (v == 0)
            return SMALL(0);
        if (s < 63) {
            int64_t r = (int64_t)((uint64_t)v << s);
            if ((r >> s) == v)
                return ft_int_from_i64(r);
        }
    }
    IntView va;
    view(a, &va);
    if (s / 32 > (size_t)INT32_MAX / 2) {
        ft_err_set_string(ft_exc_OverflowError, "too many digits in integer");
        return NULL;
    }
    ssize_t n = va.n + (ssize_t)(s / 32) + 1;
    FtInt *r = int_alloc(n);
    if (!r)
        return NULL;
    ft_la_shl(va.d, va.n, s, r->digits);
    return finish(r, va.sign, n);
}

static FtObject *rshift_count(FtObject *a, size_t s, bool huge) {
    FtInt *x = (FtInt *)a;
    int sign = ft_int_sign(a);
    if (huge)
        return SMALL(sign < 0 ? -1 : 0);
    if (x->ndigits == 0)
        return ft_int_from_i64(s >= 64 ? (x->compact < 0 ? -1 : 0) : x->compact >> s);
    if (sign < 0) {
        /* floor semantics: a >> s == ~(~a >> s) */
        FtObject *t = int_invert(a);
        if (!t)
            return NULL;
        FtObject *u = rshift_count(t, s, false);
        FT_DECREF(t);
        if (!u)
            return NULL;
        FtObject *r = int_invert(u);
        FT_DECREF(u);
        return r;
    }
    IntView va;
    view(a, &va);
    if ((ssize_t)(s / 32) >= va.n)
        return SMALL(0);
    ssize_t n = va.n - (ssize_t)(s / 32);
    FtInt *r = int_alloc(n);
    if (!r)
        return NULL;
    ft_la_shr(va.d, va.n, s, r->digits);
    return finish(r, 1, n);
}

static FtObject *int_lshift(FtObject *a, FtObject *b) {
    CHECK_BINOP(a, b);
    size_t s;
    bool huge;
    if (shift_count(b, &s, &huge) < 0)
        return NULL;
    if (huge) {
        if (ft_int_sign(a) == 0)
            return SMALL(0);
        ft_err_set_string(ft_exc_OverflowError, "too many digits in integer");
        return NULL;
    }
    return lshift_count(a, s);
}

static FtObject *int_rshift(FtObject *a, FtObject *b) {
    CHECK_BINOP(a, b);
    size_t s;
    bool huge;
    if (shift_count(b, &s, &huge) < 0)
        return NULL;
    return rshift_count(a, s, huge);
}

/* ---- unary and conversions --------------------------------------------------------------- */

/* An exact int with the same value (for subclasses: __int__, __index__, +x). */
static FtObject *int_as_exact(FtObject *a) {
    if (ft_int_check_exact(a))
        return FT_NEWREF(a);
    IntView v;
    view(a, &v);
    return from_mag(v.sign, v.d, v.n);
}

static FtObject *int_pos(FtObject *a) { return int_as_exact(a); }
static int int_bool(FtObject *a) { return ft_int_sign(a) != 0; }
static FtObject *int_float(FtObject *a) {
    double d = ft_int_as_double(a);
    if (d == -1.0 && ft_err_occurred())
        return NULL;
    return ft_float_from_double(d);
}

/* ---- strings ----------------------------------------------------------------------------- */

static const char digit_chars[] = "0123456789abcdefghijklmnopqrstuvwxyz";

static FtObject *max_str_digits_error(ssize_t ndigits) {
    if (ndigits < 0)
        return ft_err_format(ft_exc_ValueError,
                             "Exceeds the limit (%d digits) for integer string conversion; "
                             "use sys.set_int_max_str_digits() to increase the limit",
                             ft_int_max_str_digits);
    return ft_err_format(ft_exc_ValueError,
                         "Exceeds the limit (%d digits) for integer string conversion: value "
                         "has %zd digits; use sys.set_int_max_str_digits() to increase the limit",
                         ft_int_max_str_digits, ndigits);
}

/* work /= 10**9 in place, returning the remainder: a constant divisor lets the compiler
 * replace the division by a multiplication, which makes str() of big ints ~3x faster. */
static ft_digit divrem_1e9(ft_digit *work, ssize_t n) {
    uint64_t rem = 0;
    for (ssize_t i = n - 1; i >= 0; i--) {
        uint64_t cur = (rem << 32) | work[i];
        uint64_t q = cur / 1000000000u;
        rem = cur - q * 1000000000u;
        work[i] = (ft_digit)q;
    }
    return (ft_digit)rem;
}

/* The digits of |o| in `base`, without sign or prefix, into a fresh malloc'd buffer;
 * *len receives the length. */
static char *magnitude_to_chars(FtObject *o, int base, ssize_t *len) {
    IntView v;
    view(o, &v);
    if (v.n == 0) {
        char *s = ft_mem_alloc(2);
        if (s) {
            s[0] = '0';
            s[1] = 0;
            *len = 1;
        }
        return s;
    }
    size_t bits = ft_la_bit_length(v.d, v.n);
    if ((base & (base - 1)) == 0) {
        int bpd = __builtin_ctz((unsigned)base);
        size_t nd = (bits + (size_t)bpd - 1) / (size_t)bpd;
        char *s = ft_mem_alloc(nd + 1);
        if (!s)
            return NULL;
        for (size_t i = 0; i < nd; i++) {
            size_t bit = i * (size_t)bpd;
            unsigned val = 0;
            for (int k = bpd - 1; k >= 0; k--) {
                size_t b = bit + (size_t)k;
                val = (val << 1) | (b < bits ? (v.d[b / 32] >> (b % 32)) & 1 : 0);
            }
            s[nd - 1 - i] = digit_chars[val];
        }
        s[nd] = 0;
        *len = (ssize_t)nd;
        return s;
    }
    if (base == 10 && ft_int_max_str_digits > 0 &&
        bits > (size_t)ft_int_max_str_digits * 3.33 + 64) {
        max_str_digits_error(-1);
        return NULL;
    }
    /* chunked division by base**k, the largest power below 2**32 */
    ft_digit chunk = (ft_digit)base;
    int per = 1;
    while ((uint64_t)chunk * (uint64_t)base < ((uint64_t)1 << 32)) {
        chunk *= (ft_digit)base;
        per++;
    }
    size_t maxchars = (size_t)(bits / log2((double)base)) + 2 + (size_t)per;
    ft_digit *work = ft_mem_alloc((size_t)v.n * sizeof(ft_digit));
    char *s = ft_mem_alloc(maxchars + 1);
    if (!work || !s) {
        ft_mem_free(work);
        ft_mem_free(s);
        return NULL;
    }
    memcpy(work, v.d, (size_t)v.n * sizeof(ft_digit));
    ssize_t n = v.n;
    char *p = s + maxchars;
    *p = 0;
    while (n > 0) {
        ft_digit rem = base == 10 ? divrem_1e9(work, n) : ft_la_divrem1(work, n, chunk, work);
        n = ft_la_norm(work, n);
        for (int k = 0; k < per; k++) {
            *--p = digit_chars[rem % (ft_digit)base];
            rem /= (ft_digit)base;
            if (n == 0 && rem == 0)
                break;
        }
    }
    ft_mem_free(work);
    ssize_t l = s + maxchars - p;
    memmove(s, p, (size_t)l + 1);
    *len = l;
    if (base == 10 && ft_int_max_str_digits > 0 && l > ft_int_max_str_digits) {
        ft_mem_free(s);
        max_str_digits_error(-1);
        return NULL;
    }
    return s;
}

FtObject *ft_int_to_string(FtObject *o, int base) {
    FtInt *x = (FtInt *)o;
    if (base == 10 && x->ndigits == 0) {
        char buf[32];
        int n = snprintf(buf, sizeof buf, "%lld", (long long)x->compact);
        return ft_str_from_latin1(buf, n);
    }
    ssize_t len;
    char *digits = magnitude_to_chars(o, base, &len);
    if (!digits)
        return NULL;
    const char *prefix = base == 16 ? "0x" : base == 8 ? "0o" : base == 2 ? "0b" : "";
    bool neg = ft_int_sign(o) < 0;
    size_t plen = strlen(prefix);
    FtObject *r = ft_str_new(len + (ssize_t)plen + neg, 127);
    if (r) {
        char *p = FT_STR_DATA(r);
        if (neg)
            *p++ = '-';
        memcpy(p, prefix, plen);
        memcpy(p + plen, digits, (size_t)len);
        p[plen + (size_t)len] = 0;
    }
    ft_mem_free(digits);
    return r;
}

static FtObject *int_repr(FtObject *o) { return ft_int_to_string(o, 10); }

static int char_digit(unsigned char c) {
    if (c >= '0' && c <= '9')
        return c - '0';
    if (c >= 'a' && c <= 'z')
        return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z')
        return c - 'A' + 10;
    return 99;
}

static bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Parse; `orig` (str, bytes or NULL) is what the error message shows. */
static FtObject *parse_int(const char *s, ssize_t len, int base, FtObject *orig) {
    const char *start = s, *end = s + len;
    if (base != 0 && (base < 2 || base > 36)) {
        ft_err_set_string(ft_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
        return NULL;
    }
    int given_base = base;
    while (s < end && is_space((unsigned char)*s))
        s++;
    while (end > s && is_space((unsigned char)end[-1]))
        end--;
    int sign = 1;
    if (s < end && (*s == '+' || *s == '-')) {
        sign = *s == '-' ? -1 : 1;
        s++;
    }
    bool prefixed = false;
    if (s + 1 < end && s[0] == '0') {
        char c = (char)(s[1] | 0x20);
        if ((c == 'x' && (base == 16 || base == 0)) || (c == 'o' && (base == 8 || base == 0)) ||
            (c == 'b' && (base == 2 || base == 0))) {
            base = c == 'x' ? 16 : c == 'o' ? 8 : 2;
            s += 2;
            prefixed = true;
        }
    }
    bool zero_only_ok = false;
    if (base == 0) {
        base = 10;
        zero_only_ok = true; /* "010" is invalid, "000" is fine */
    }
    /* collect digits, validating underscores */
    ssize_t cap = end - s;
    uint8_t *dv = ft_mem_alloc((size_t)(cap > 0 ? cap : 1));
    if (!dv)
        return NULL;
    ssize_t nd = 0;
    /* an underscore goes between digits, or right after a base prefix */
    /* As CPython: a misplaced underscore is an error at once; a run of digits that stops at
     * a bad character is first checked against the digit limit, then reported invalid. */
    bool ok = s < end, last_us = false, last_digit = false, bad_char = false;
    for (const char *p = s; p < end && ok && !bad_char; p++) {
        if (*p == '_') {
            if (last_us || (!last_digit && !(prefixed && p == s)))
                ok = false;
            last_us = true;
            last_digit = false;
            continue;
        }
        int d = char_digit((unsigned char)*p);
        if (d >= base) {
            bad_char = true;
            break;
        }
        dv[nd++] = (uint8_t)d;
        last_us = false;
        last_digit = true;
    }
    if (ok && (last_us || nd == 0))
        ok = false;
    if (ok && bad_char) {
        if ((base & (base - 1)) != 0 && ft_int_max_str_digits > 0 && nd > ft_int_max_str_digits) {
            ft_mem_free(dv);
            return max_str_digits_error(nd);
        }
        ok = false;
    }
    if (ok && zero_only_ok && !prefixed && nd > 1 && dv[0] == 0) {
        for (ssize_t i = 0; i < nd; i++)
            if (dv[i] != 0)
                ok = false;
    }
    if (!ok) {
        ft_mem_free(dv);
        FtObject *shown = orig ? FT_NEWREF(orig) : ft_str_from_utf8(start, len);
        if (!shown)
            return NULL;
        if (ft_str_check(shown) && FT_STR_LEN(shown) > 200) {
            FtObject *t = ft_str_substring(shown, 0, 200);
            FT_DECREF(shown);
            if (!t)
                return NULL;
            shown = t;
        }
        ft_err_format(ft_exc_ValueError, "invalid literal for int() with base %d: %R", given_base,
                      shown);
        FT_DECREF(shown);
        return NULL;
    }
    /* skip leading zeros */
    ssize_t first = 0;
    while (first < nd - 1 && dv[first] == 0)
        first++;
    ssize_t count = nd - first;
    FtObject *result = NULL;
    if ((base & (base - 1)) != 0 && ft_int_max_str_digits > 0 && nd > ft_int_max_str_digits) {
        ft_mem_free(dv);
        return max_str_digits_error(nd);
    }
    if ((base & (base - 1)) == 0) {
        int bpd = __builtin_ctz((unsigned)base);
        ssize_t nw = (ssize_t)(((size_t)count * (size_t)bpd + 31) / 32) + 1;
        FtInt *r = int_alloc(nw);
        if (r) {
            size_t bit = 0;
            for (ssize_t i = nd - 1; i >= first; i--, bit += (size_t)bpd) {
                uint64_t val = (uint64_t)dv[i] << (bit % 32);
                r->digits[bit / 32] |= (ft_digit)val;
                if (val >> 32)
                    r->digits[bit / 32 + 1] |= (ft_digit)(val >> 32);
            }
            result = finish(r, sign, nw);
        }
    } else if (count <= (base <= 10 ? 18 : 12)) {
        int64_t v = 0;
        for (ssize_t i = first; i < nd; i++)
            v = v * base + dv[i];
        result = ft_int_from_i64(sign * v);
    } else {
        ft_digit chunk = (ft_digit)base;
        int per = 1;
        while ((uint64_t)chunk * (uint64_t)base < ((uint64_t)1 << 32)) {
            chunk *= (ft_digit)base;
            per++;
        }
        ssize_t nw = (ssize_t)((double)count * log2((double)base) / 32) + 2;
        FtInt *r = int_alloc(nw);
        if (r) {
            ssize_t used = 0;
            for (ssize_t i = first; i < nd;) {
                uint64_t mult = 1, acc = 0;
                for (int k = 0; k < per && i < nd; k++, i++) {
                    acc = acc * (uint64_t)base + dv[i];
                    mult *= (uint64_t)base;
                }
                /* r = r * mult + acc */
                uint64_t carry = acc;
                for (ssize_t j = 0; j < used; j++) {
                    carry += (uint64_t)r->digits[j] * mult;
                    r->digits[j] = (ft_digit)carry;
                    carry >>= 32;
                }
                while (carry) {
                    r->digits[used++] = (ft_digit)carry;
                    carry >>= 32;
                }
            }
            result = finish(r, sign, nw);
        }
    }
    ft_mem_free(dv);
    return result;
}

FtObject *ft_int_from_string(const char *s, ssize_t len, int base) {
    return parse_int(s, len, base, NULL);
}

FtObject *ft_int_from_bytes(const uint8_t *b, size_t n, bool little, bool is_signed) {
    if (n == 0)
        return SMALL(0);
    ssize_t nw = (ssize_t)((n + 3) / 4);
    FtInt *r = int_alloc(nw);
    if (!r)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        uint8_t byte = little ? b[i] : b[n - 1 - i];
        r->digits[i / 4] |= (ft_digit)byte << (8 * (i % 4));
    }
    int sign = 1;
    uint8_t msb = little ? b[n - 1] : b[0];
    if (is_signed && (msb & 0x80)) {
        /* negative: sign-extend to the full digit, then negate (two's complement) */
        for (size_t i = n; i < (size_t)nw * 4; i++)
            r->digits[i / 4] |= (ft_digit)0xFF << (8 * (i % 4));
        uint64_t carry = 1;
        for (ssize_t i = 0; i < nw; i++) {
            carry += (ft_digit)~r->digits[i];
            r->digits[i] = (ft_digit)carry;
            carry >>= 32;
        }
        sign = -1;
    }
    return finish(r, sign, nw);
}

/* ---- construction ------------------------------------------------------------------------ */

static FtObject *int_from_text_object(FtObject *x, int base) {
    if (ft_str_check(x)) {
        ssize_t len;
        const char *s = ft_str_as_utf8_len(x, &len);
        if (!s)
            return NULL;
        if (!((FtStr *)x)->ascii) {
            /* Unicode whitespace and decimal digits: translate what we can to ASCII */
            ssize_t n = FT_STR_LEN(x);
            char *buf = ft_mem_alloc((size_t)n + 1);
            if (!buf)
                return NULL;
            for (ssize_t i = 0; i < n; i++) {
                uint32_t c = ft_str_read(x, i);
                if (c < 128)
                    buf[i] = (char)c;
                else if (c == 0xA0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200A) ||
                         c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F ||
                         c == 0x3000 || c == 0x85)
                    buf[i] = ' ';
                else if (c >= 0x660 && c <= 0x669)
                    buf[i] = (char)('0' + c - 0x660);
                else if (c >= 0x6F0 && c <= 0x6F9)
                    buf[i] = (char)('0' + c - 0x6F0);
                else if (c >= 0x966 && c <= 0x96F)
                    buf[i] = (char)('0' + c - 0x966);
                else if (c >= 0xFF10 && c <= 0xFF19)
                    buf[i] = (char)('0' + c - 0xFF10);
                else
                    buf[i] = '?';
            }
            FtObject *r = parse_int(buf, n, base, x);
            ft_mem_free(buf);
            return r;
        }
        return parse_int(s, len, base, x);
    }
    const char *data;
    ssize_t len;
    if (ft_bytes_like_get(x, &data, &len) < 0)
        return NULL;
    /* bytes may contain NULs; parse_int treats them as invalid characters */
    return parse_int(data, len, base, x);
}

static bool is_text(FtObject *x) {
    return ft_str_check(x) || ft_bytes_check(x) || ft_bytearray_check(x);
}

/* int(x) for any x: CPython's PyNumber_Long. */
static FtObject *int_from_object(FtObject *x) {
    if (ft_int_check_exact(x))
        return FT_NEWREF(x);
    FtNumberMethods *nb = FT_TYPE(x)->tp_as_number;
    if (nb && nb->nb_int) {
        FtObject *r = nb->nb_int(x);
        if (!r || ft_int_check_exact(r))
            return r;
        if (!ft_int_check(r)) {
            ft_err_format(ft_exc_TypeError, "__int__ returned non-int (type %s)",
                          FT_TYPE(r)->tp_name);
            FT_DECREF(r);
            return NULL;
        }
        char msg[320];
        snprintf(msg, sizeof msg,
                 "__int__ returned non-int (type %.80s).  The ability to return an instance of "
                 "a strict subclass of int is deprecated, and may be removed in a future "
                 "version of Python.", FT_TYPE(r)->tp_name);
        if (ft_err_warn(ft_exc_DeprecationWarning, msg) < 0) {
            FT_DECREF(r);
            return NULL;
        }
        FtObject *e = int_as_exact(r);
        FT_DECREF(r);
        return e;
    }
    if (nb && nb->nb_index)
        return ft_number_index(x);
    FtObject *trunc = ft_type_lookup(FT_TYPE(x), FT_ID(__trunc__));
    if (trunc) {
        if (ft_err_warn(ft_exc_DeprecationWarning,
                        "The delegation of int() to __trunc__ is deprecated.") < 0)
            return NULL;
        FtObject *r = ft_object_call_method(x, FT_ID(__trunc__), NULL, 0);
        if (!r || ft_int_check(r)) {
            if (r && !ft_int_check_exact(r)) {
                FtObject *e = int_as_exact(r);
                FT_DECREF(r);
                return e;
            }
            return r;
        }
        if (!ft_index_check(r)) {
            ft_err_format(ft_exc_TypeError, "__trunc__ returned non-Integral (type %s)",
                          FT_TYPE(r)->tp_name);
            FT_DECREF(r);
            return NULL;
        }
        FtObject *e = ft_number_index(r);
        FT_DECREF(r);
        return e;
    }
    if (is_text(x))
        return int_from_text_object(x, 10);
    ft_err_format(ft_exc_TypeError,
                  "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                  FT_TYPE(x)->tp_name);
    return NULL;
}

static FtObject *int_new(FtType *type, FtObject *args, FtObject *kwargs) {
    static const char *const kwlist[] = {"", "base", NULL};
    FtObject *argv[2] = {NULL, NULL};
    ssize_t nargs = FT_SIZE(args);
    FtObject *kwnames = NULL;
    FtObject *stack[4];
    ssize_t nkw = kwargs ? ft_dict_size(kwargs) : 0;
    if (nargs + nkw > 2) {
        ft_err_format(ft_exc_TypeError, "int() takes at most 2 arguments (%zd given)", nargs + nkw);
        return NULL;
    }
    for (ssize_t i = 0; i < nargs; i++)
        stack[i] = FT_TUPLE_GET(args, i);
    if (nkw) {
        kwnames = ft_tuple_new(nkw);
        if (!kwnames)
            return NULL;
        ssize_t pos = 0, i = 0;
        FtObject *k, *v;
        while (ft_dict_next(kwargs, &pos, &k, &v)) {
            FT_TUPLE_SET(kwnames, i, FT_NEWREF(k));
            stack[nargs + i] = v;
            i++;
        }
    }
    int rc = ft_parse_args("int", stack, nargs, kwnames, kwlist, 1, -1, 0, argv);
    FT_XDECREF(kwnames);
    if (rc < 0)
        return NULL;
    FtObject *x = argv[0], *obase = argv[1], *value;
    if (!x) {
        if (obase) {
            ft_err_set_string(ft_exc_TypeError, "int() missing string argument");
            return NULL;
        }
        value = SMALL(0);
    } else if (!obase) {
        value = int_from_object(x);
    } else {
        FtObject *bi = ft_number_index(obase);
        if (!bi)
            return NULL;
        int ovf;
        int64_t b = ft_int_as_i64(bi, &ovf);
        FT_DECREF(bi);
        if (ovf || (b != 0 && (b < 2 || b > 36))) {
            ft_err_set_string(ft_exc_ValueError, "int() base must be >= 2 and <= 36, or 0");
            return NULL;
        }
        if (!is_text(x)) {
            ft_err_set_string(ft_exc_TypeError, "int() can't convert non-string with explicit base");
            return NULL;
        }
        value = int_from_text_object(x, (int)b);
    }
    if (!value || type == &ft_int_type)
        return value;
    /* a subclass: copy the value into an instance of it */
    IntView v;
    view(value, &v);
    FtInt *r = (FtInt *)type->tp_alloc(type, v.n);
    if (r) {
        if (v.n <= 2 && ((FtInt *)value)->ndigits == 0) {
            r->ndigits = 0;
            r->compact = ((FtInt *)value)->compact;
        } else {
            memcpy(r->digits, v.d, (size_t)v.n * sizeof(ft_digit));
            r->ndigits = (int32_t)(v.sign < 0 ? -v.n : v.n);
            r->compact = 0;
        }
    }
    FT_DECREF(value);
    return (FtObject *)r;
}

static void int_dealloc(FtObject *o) {
    FtType *tp = FT_TYPE(o);
    tp->tp_free(o);
    if (tp->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(tp);
}

/* ---- methods ------------------------------------------------------------------------------ */

static FtObject *int_bit_length(FtObject *self, FtObject *unused) {
    return ft_int_from_u64(ft_int_bit_length(self));
}

static FtObject *int_bit_count(FtObject *self, FtObject *unused) {
    IntView v;
    view(self, &v);
    uint64_t c = 0;
    for (ssize_t i = 0; i < v.n; i++)
        c += (uint64_t)__builtin_popcount(v.d[i]);
    return ft_int_from_u64(c);
}

static FtObject *int_conjugate(FtObject *self, FtObject *unused) { return int_as_exact(self); }

static FtObject *int_as_integer_ratio(FtObject *self, FtObject *unused) {
    FtObject *n = int_as_exact(self);
    if (!n)
        return NULL;
    FtObject *t = ft_tuple_pack(2, n, SMALL(1));
    FT_DECREF(n);
    return t;
}

static FtObject *int_getnewargs(FtObject *self, FtObject *unused) {
    FtObject *n = int_as_exact(self);
    if (!n)
        return NULL;
    FtObject *t = ft_tuple_pack(1, n);
    FT_DECREF(n);
    return t;
}

static FtObject *int_sizeof(FtObject *self, FtObject *unused) {
    size_t bits = ft_int_bit_length(self);
    size_t n30 = (bits + 29) / 30;
    return ft_int_from_ssize((ssize_t)(24 + 4 * n30));
}

static FtObject *int_format(FtObject *self, FtObject *spec) {
    if (!ft_str_check(spec)) {
        ft_err_format(ft_exc_TypeError, "__format__() argument must be str, not %s",
                      FT_TYPE(spec)->tp_name);
        return NULL;
    }
    return ft_format_int(self, spec);
}

static FtObject *int_round(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("__round__", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0)
        return int_as_exact(self);
    FtObject *nd = ft_number_index(args[0]);
    if (!nd)
        return NULL;
    if (ft_int_sign(nd) >= 0) {
        FT_DECREF(nd);
        return int_as_exact(self);
    }
    /* round to a multiple of 10**-ndigits, ties to even */
    FtObject *k = int_neg(nd);
    FT_DECREF(nd);
    if (!k)
        return NULL;
    FtObject *ten = SMALL(10), *p = int_pow(ten, k, FT_NONE);
    FT_DECREF(k);
    if (!p)
        return NULL;
    FtObject *q, *r, *result = NULL;
    if (divmod_ints(self, p, &q, &r) < 0) {
        FT_DECREF(p);
        return NULL;
    }
    /* self = q*p + r, 0 <= r < p: round up when 2r > p or (2r == p and q odd) */
    FtObject *r2 = ft_int_add(r, r);
    if (r2) {
        int c = ft_int_compare(r2, p);
        IntView vq;
        view(q, &vq);
        bool qodd = vq.n > 0 && (vq.d[0] & 1);
        if (c > 0 || (c == 0 && qodd)) {
            FtObject *q1 = ft_int_add(q, SMALL(1));
            FT_SETREF(q, q1);
        }
        if (q)
            result = ft_int_mul(q, p);
        FT_DECREF(r2);
    }
    FT_XDECREF(q);
    FT_DECREF(r);
    FT_DECREF(p);
    return result;
}

static int parse_byteorder(FtObject *o, bool *little) {
    if (!o) {
        *little = false;
        return 0;
    }
    if (!ft_str_check(o)) {
        ft_err_format(ft_exc_TypeError, "to_bytes() argument 'byteorder' must be str, not %s",
                      FT_TYPE(o)->tp_name);
        return -1;
    }
    if (ft_str_eq_cstr(o, "little"))
        *little = true;
    else if (ft_str_eq_cstr(o, "big"))
        *little = false;
    else {
        ft_err_set_string(ft_exc_ValueError, "byteorder must be either 'little' or 'big'");
        return -1;
    }
    return 0;
}

static FtObject *int_to_bytes(FtObject *self, FtObject *const *args, ssize_t nargs,
                              FtObject *kwnames) {
    static const char *const kwlist[] = {"length", "byteorder", "signed", NULL};
    FtObject *a[3] = {NULL, NULL, NULL};
    if (ft_parse_args("to_bytes", args, nargs, kwnames, kwlist, 0, 2, 0, a) < 0)
        return NULL;
    ssize_t length = 1;
    if (a[0]) {
        FtObject *l = ft_number_index(a[0]);
        if (!l)
            return NULL;
        length = ft_int_as_ssize(l);
        FT_DECREF(l);
        if (length == -1 && ft_err_occurred())
            return NULL;
        if (length < 0) {
            ft_err_set_string(ft_exc_ValueError, "length argument must be non-negative");
            return NULL;
        }
    }
    bool little, is_signed = false;
    if (parse_byteorder(a[1], &little) < 0)
        return NULL;
    if (a[2]) {
        int t = ft_object_is_true(a[2]);
        if (t < 0)
            return NULL;
        is_signed = t;
    }
    IntView v;
    view(self, &v);
    if (v.sign < 0 && !is_signed) {
        ft_err_set_string(ft_exc_OverflowError, "can't convert negative int to unsigned");
        return NULL;
    }
    /* two's complement into enough digits, then check that it fits */
    ssize_t n = v.n + 1;
    ft_digit *tw = ft_mem_alloc((size_t)n * sizeof(ft_digit));
    if (!tw)
        return NULL;
    to_twos(&v, tw, n);
    bool fits = true;
    uint8_t fill = v.sign < 0 ? 0xFF : 0x00;
    for (ssize_t i = length; i < n * 4; i++)
        if (((tw[i / 4] >> (8 * (i % 4))) & 0xFF) != fill) {
            fits = false;
            break;
        }
    if (fits && is_signed) {
        /* the sign bit of the top byte kept must match */
        uint8_t top = length == 0 ? 0
                    : length - 1 < n * 4 ? (uint8_t)(tw[(length - 1) / 4] >> (8 * ((length - 1) % 4)))
                                         : fill;
        if (length == 0 ? v.sign != 0 : ((top & 0x80) != 0) != (v.sign < 0))
            fits = false;
    }
    if (!fits) {
        ft_mem_free(tw);
        ft_err_set_string(ft_exc_OverflowError, "int too big to convert");
        return NULL;
    }
    FtObject *b = ft_bytes_new(length);
    if (b) {
        uint8_t *out = (uint8_t *)FT_BYTES_DATA(b);
        for (ssize_t i = 0; i < length; i++) {
            uint8_t byte = i < n * 4 ? (uint8_t)(tw[i / 4] >> (8 * (i % 4))) : fill;
            out[little ? i : length - 1 - i] = byte;
        }
    }
    ft_mem_free(tw);
    return b;
}

static FtObject *int_from_bytes_method(FtObject *cls, FtObject *const *args, ssize_t nargs,
                                       FtObject *kwnames) {
    static const char *const kwlist[] = {"bytes", "byteorder", "signed", NULL};
    FtObject *a[3] = {NULL, NULL, NULL};
    if (ft_parse_args("from_bytes", args, nargs, kwnames, kwlist, 0, 2, 1, a) < 0)
        return NULL;
    bool little, is_signed = false;
    if (parse_byteorder(a[1], &little) < 0)
        return NULL;
    if (a[2]) {
        int t = ft_object_is_true(a[2]);
        if (t < 0)
            return NULL;
        is_signed = t;
    }
    if (ft_str_check(a[0]) || ft_int_check(a[0])) {
        ft_err_format(ft_exc_TypeError, "cannot convert '%s' object to bytes", FT_TYPE(a[0])->tp_name);
        return NULL;
    }
    FtObject *bytes = ft_bytes_from_object(a[0]);
    if (!bytes)
        return NULL;
    FtObject *r = ft_int_from_bytes((const uint8_t *)FT_BYTES_DATA(bytes), (size_t)FT_SIZE(bytes),
                                    little, is_signed);
    FT_DECREF(bytes);
    if (r && (FtType *)cls != &ft_int_type) {
        FtObject *inst = ft_object_call_one(cls, r);
        FT_DECREF(r);
        return inst;
    }
    return r;
}

static FtObject *int_get_self(FtObject *self, void *c) { return int_as_exact(self); }
static FtObject *int_get_zero(FtObject *self, void *c) { return SMALL(0); }
static FtObject *int_get_one(FtObject *self, void *c) { return SMALL(1); }

static FtMethodDef int_methods[] = {
    {"conjugate", (void *)int_conjugate, FT_METH_NOARGS, "Returns self, the complex conjugate of any int."},
    {"bit_length", (void *)int_bit_length, FT_METH_NOARGS, "Number of bits necessary to represent self in binary."},
    {"bit_count", (void *)int_bit_count, FT_METH_NOARGS, "Number of ones in the binary representation of the absolute value of self."},
    {"to_bytes", (void *)int_to_bytes, FT_METH_FASTCALL | FT_METH_KEYWORDS, "Return an array of bytes representing an integer."},
    {"from_bytes", (void *)int_from_bytes_method, FT_METH_FASTCALL | FT_METH_KEYWORDS | FT_METH_CLASS, "Return the integer represented by the given array of bytes."},
    {"as_integer_ratio", (void *)int_as_integer_ratio, FT_METH_NOARGS, "Return integer ratio."},
    {"__trunc__", (void *)int_conjugate, FT_METH_NOARGS, "Truncating an Integral returns itself."},
    {"__floor__", (void *)int_conjugate, FT_METH_NOARGS, "Flooring an Integral returns itself."},
    {"__ceil__", (void *)int_conjugate, FT_METH_NOARGS, "Ceiling of an Integral returns itself."},
    {"__round__", (void *)int_round, FT_METH_FASTCALL, "Rounding an Integral returns itself."},
    {"__getnewargs__", (void *)int_getnewargs, FT_METH_NOARGS, NULL},
    {"__format__", (void *)int_format, FT_METH_O, NULL},
    {"__sizeof__", (void *)int_sizeof, FT_METH_NOARGS, "Returns size in memory, in bytes."},
    {NULL, NULL, 0, NULL},
};

static FtGetSetDef int_getset[] = {
    {"real", int_get_self, NULL, "the real part of a complex number", NULL},
    {"imag", int_get_zero, NULL, "the imaginary part of a complex number", NULL},
    {"numerator", int_get_self, NULL, "the numerator of a rational number in lowest terms", NULL},
    {"denominator", int_get_one, NULL, "the denominator of a rational number in lowest terms", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static FtNumberMethods int_as_number = {
    .nb_add = int_add,
    .nb_subtract = int_sub,
    .nb_multiply = int_mul,
    .nb_remainder = int_mod,
    .nb_divmod = int_divmod,
    .nb_power = int_pow,
    .nb_negative = int_neg,
    .nb_positive = int_pos,
    .nb_absolute = int_abs,
    .nb_bool = int_bool,
    .nb_invert = int_invert,
    .nb_lshift = int_lshift,
    .nb_rshift = int_rshift,
    .nb_and = int_and,
    .nb_xor = int_xor,
    .nb_or = int_or,
    .nb_int = int_as_exact,
    .nb_float = int_float,
    .nb_floor_divide = int_floordiv,
    .nb_true_divide = int_truediv,
    .nb_index = int_as_exact,
};

FtType ft_int_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "int",
    .tp_basicsize = DIGITS_OFFSET,
    .tp_itemsize = sizeof(ft_digit),
    .tp_dealloc = int_dealloc,
    .tp_repr = int_repr,
    .tp_as_number = &int_as_number,
    .tp_hash = ft_int_hash,
    .tp_flags = FT_TPFLAGS_DEFAULT | FT_TPFLAGS_BASETYPE | FT_TPFLAGS_INT_SUBCLASS,
    .tp_doc = "int([x]) -> integer\nint(x, base=10) -> integer",
    .tp_richcompare = int_richcompare,
    .tp_methods = int_methods,
    .tp_getset = int_getset,
    .tp_new = int_new,
};

/* ---- helpers for float.c and math.c (declared in types.h) --------------------------------- */

FtObject *ft_int_floordiv(FtObject *a, FtObject *b) { return int_floordiv(a, b); }
FtObject *ft_int_mod(FtObject *a, FtObject *b) { return int_mod(a, b); }
FtObject *ft_int_pow(FtObject *a, FtObject *b, FtObject *m) { return int_pow(a, b, m); }
FtObject *ft_int_neg(FtObject *a) { return int_neg(a); }
FtObject *ft_int_abs(FtObject *a) { return int_abs(a); }
FtObject *ft_int_lshift_count(FtObject *a, size_t s) { return lshift_count(a, s); }
FtObject *ft_int_rshift_count(FtObject *a, size_t s) { return rshift_count(a, s, false); }
FtObject *ft_int_exact(FtObject *a) { return int_as_exact(a); }
FtObject *ft_int_truediv(FtObject *a, FtObject *b) { return int_truediv(a, b); }
FtObject *ft_int_from_object(FtObject *x) { return int_from_object(x); }

/* ---- start-up ------------------------------------------------------------------------------ */

int ft_bool_init(void);
int ft_float_init(void);
int ft_complex_init(void);

int ft_numbers_init(void) {
    for (int v = FT_SMALL_INT_MIN; v <= FT_SMALL_INT_MAX; v++) {
        FtInt *s = &ft_small_ints[v - FT_SMALL_INT_MIN];
        s->ob_base.ob_type = &ft_int_type;
        s->ndigits = 0;
        s->compact = v;
        FT_MAKE_IMMORTAL(s);
    }
    if (ft_type_ready(&ft_int_type) < 0 || ft_bool_init() < 0 || ft_float_init() < 0 ||
        ft_complex_init() < 0)
        return -1;
    return 0;
}
