/* The float type (a C double) and the double <-> text conversions every other part uses:
 * the shortest round-trip repr (CPython's float_repr), ft_double_to_string (the engine of
 * format() for floats), float() parsing, exact int/float comparison and CPython's numeric
 * hash for doubles. */
#include "core/object.h"
#include "runtime/tstate.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HASH_BITS 61
#define HASH_MODULUS (((uint64_t)1 << HASH_BITS) - 1)
#define HASH_INF 314159

/* A per-thread free list of exact floats, as CPython keeps: float arithmetic makes one
 * result object per operation, and reusing recently freed ones skips the allocator. The
 * list is linked through ob_type; it is thread-local, so it needs no synchronisation under
 * any locking strategy (an object freed by one thread is only ever reused by that thread). */
#define FREE_LIST_MAX 100
static _Thread_local FtFloat *free_list;
static _Thread_local int free_count;

FtObject *ft_float_from_double(double v) {
    FtFloat *f = free_list;
    if (f) {
        free_list = (FtFloat *)f->ob_base.ob_type;
        free_count--;
        lk_refcnt_init(&f->ob_base.ob_rc);
        f->ob_base.ob_type = &ft_float_type;
    } else {
        f = (FtFloat *)ft_object_alloc(&ft_float_type);
        if (!f)
            return NULL;
    }
    f->value = v;
    return (FtObject *)f;
}

static int warn_float_subclass(FtObject *x, FtObject *r) {
    char msg[320];
    snprintf(msg, sizeof msg,
             "%.50s.__float__ returned non-float (type %.50s).  The ability to return an "
             "instance of a strict subclass of float is deprecated, and may be removed in a "
             "future version of Python.", FT_TYPE(x)->tp_name, FT_TYPE(r)->tp_name);
    return ft_err_warn(ft_exc_DeprecationWarning, msg);
}

double ft_float_as_double(FtObject *o) {
    if (ft_float_check(o))
        return FT_FLOAT_VALUE(o);
    if (ft_int_check(o))
        return ft_int_as_double(o);
    FtNumberMethods *nb = FT_TYPE(o)->tp_as_number;
    if (nb && nb->nb_float) {
        FtObject *r = nb->nb_float(o);
        if (!r)
            return -1.0;
        if (!ft_float_check(r)) {
            ft_err_format(ft_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                          FT_TYPE(o)->tp_name, FT_TYPE(r)->tp_name);
            FT_DECREF(r);
            return -1.0;
        }
        if (!ft_float_check_exact(r) && warn_float_subclass(o, r) < 0) {
            FT_DECREF(r);
            return -1.0;
        }
        double v = FT_FLOAT_VALUE(r);
        FT_DECREF(r);
        return v;
    }
    if (nb && nb->nb_index) {
        FtObject *i = ft_number_index(o);
        if (!i)
            return -1.0;
        double v = ft_int_as_double(i);
        FT_DECREF(i);
        return v;
    }
    ft_err_format(ft_exc_TypeError, "must be real number, not %s", FT_TYPE(o)->tp_name);
    return -1.0;
}

/* ---- hashing -------------------------------------------------------------------------- */

ft_hash_t ft_float_hash_double(double v) {
    if (!isfinite(v))
        return isinf(v) ? (v > 0 ? HASH_INF : -HASH_INF) : 0;
    int e;
    double m = frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m) {
        x = ((x << 28) & HASH_MODULUS) | x >> (HASH_BITS - 28);
        m *= 268435456.0; /* 2**28 */
        e -= 28;
        uint64_t y = (uint64_t)m;
        m -= (double)y;
        x += y;
        if (x >= HASH_MODULUS)
            x -= HASH_MODULUS;
    }
    e = e >= 0 ? e % HASH_BITS : HASH_BITS - 1 - ((-1 - e) % HASH_BITS);
    x = ((x << e) & HASH_MODULUS) | x >> (HASH_BITS - e);
    x = x * (uint64_t)(int64_t)sign;
    if (x == (uint64_t)-1)
        x = (uint64_t)-2;
    return (ft_hash_t)x;
}

static ft_hash_t float_hash(FtObject *o) {
    double v = FT_FLOAT_VALUE(o);
    if (isnan(v))
        return ft_object_hash_pointer(o); /* CPython 3.10+: NaNs hash by identity */
    return ft_float_hash_double(v);
}

/* ---- double -> text ---------------------------------------------------------------------- */

/* Shortest decimal digits that round-trip: digits (no dot, no trailing zeros) and the decimal
 * point position (value = 0.DIGITS * 10**decpt). v must be finite and > 0. */
/* Round the n-digit decimal d (no dot) to k < n digits, half up, in place; returns the
 * carry-adjusted exponent bump (1 when 99.. became 100..). The caller guarantees the cut is
 * not a tie of the (already rounded) 17-digit text. */
static int round_digits(char *d, int n, int k) {
    bool up = d[k] >= '5';
    d[k] = 0;
    FT_UNUSED(n);
    if (!up)
        return 0;
    int i = k - 1;
    while (i >= 0 && d[i] == '9')
        d[i--] = '0';
    if (i >= 0) {
        d[i]++;
        return 0;
    }
    memmove(d + 1, d, (size_t)k);
    d[0] = '1';
    d[k] = 0;
    return 1;
}

/* Step the k-digit decimal d (d[0].d[1..] * 10***exp) by one unit in its last place, up
 * (dir > 0) or down, keeping k digits. */
static void step_digits(char *d, int k, int dir, int *exp) {
    int i = k - 1;
    if (dir > 0) {
        while (i >= 0 && d[i] == '9')
            d[i--] = '0';
        if (i >= 0) {
            d[i]++;
        } else { /* 99..9 + 1 = 100..0 */
            d[0] = '1';
            ++*exp;
        }
    } else {
        while (i >= 0 && d[i] == '0')
            d[i--] = '9';
        d[i]--;
        if (d[0] == '0') { /* 100..0 - 1 = 99..9, one decade lower */
            memset(d, '9', (size_t)k);
            --*exp;
        }
    }
}

/* Is the decimal digits * 10**(exp - ndigits + 1) exactly the double v? */
static bool round_trips(const char *digits, int exp, double v) {
    char buf[48];
    snprintf(buf, sizeof buf, "%c.%se%d", digits[0], digits + 1, exp);
    return strtod(buf, NULL) == v;
}

/* Shortest decimal digits that round-trip: digits (no dot, no trailing zeros) and the decimal
 * point position (value = 0.DIGITS * 10**decpt). v must be finite and > 0. */
static int shortest_digits(double v, char *digits, int *decpt) {
    char buf[40];
    int exp;
    if (v >= DBL_MIN) {
        /* Any decimal of at most DBL_DIG (15) digits survives a trip through a double, so
         * when the shortest round-trip string has <= 15 digits it is the correctly rounded
         * 15-digit one (trailing zeros dropped); otherwise try 16, then 17 (which always
         * round-trips). The shorter candidates are cut from the exact 17-digit text unless
         * the cut falls on a tie, where only a fresh conversion rounds correctly. */
        snprintf(buf, sizeof buf, "%.16e", v);
        char d17[20];
        int n = 0;
        char *c = buf;
        for (; *c && *c != 'e'; c++)
            if (*c != '.')
                d17[n++] = *c;
        d17[n] = 0;
        exp = atoi(c + 1);
        for (int k = 15; k <= 16; k++) {
            char cand[20];
            int cexp = exp;
            bool tie = d17[k] == '5' && (k == 16 || d17[16] == '0');
            if (tie) {
                char b2[40];
                snprintf(b2, sizeof b2, "%.*e", k - 1, v);
                int m = 0;
                char *q = b2;
                for (; *q && *q != 'e'; q++)
                    if (*q != '.')
                        cand[m++] = *q;
                cand[m] = 0;
                cexp = atoi(q + 1);
            } else {
                memcpy(cand, d17, 18);
                cexp += round_digits(cand, 17, k);
            }
            if (round_trips(cand, cexp, v)) {
                strcpy(digits, cand);
                exp = cexp;
                goto done;
            }
            /* At a power of two the doubles below v are closer than those above, so the
             * nearest k-digit decimal may land on the narrow side and miss, while its
             * neighbour on the other side of v still rounds back to v: the shortest repr is
             * then that neighbour (2**-24 is 5.960464477539063e-08). Only from 16 digits on:
             * up to 15, the nearest decimal round-trips whenever any does. */
            if (k == 16) {
                char buf2[48];
                snprintf(buf2, sizeof buf2, "%c.%se%d", cand[0], cand + 1, cexp);
                step_digits(cand, k, strtod(buf2, NULL) < v ? 1 : -1, &cexp);
                if (round_trips(cand, cexp, v)) {
                    strcpy(digits, cand);
                    exp = cexp;
                    goto done;
                }
            }
        }
        strcpy(digits, d17);
        goto done;
    }
    for (int p = 1; p <= 17; p++) { /* subnormals have fewer digits */
        snprintf(buf, sizeof buf, "%.*e", p - 1, v);
        if (p == 17 || strtod(buf, NULL) == v)
            break;
    }
    {
        int n = 0;
        char *c = buf;
        for (; *c && *c != 'e'; c++)
            if (*c != '.')
                digits[n++] = *c;
        digits[n] = 0;
        exp = atoi(c + 1);
    }
done:;
    int n = (int)strlen(digits);
    while (n > 1 && digits[n - 1] == '0')
        n--;
    digits[n] = 0;
    *decpt = exp + 1;
    return n;
}

/* Lay out digits/decpt in fixed or exponent notation as CPython's format_float_short. */
static void layout(char *out, const char *digits, int nd, int decpt, bool use_exp, bool add_dot_0,
                   bool alt, int min_frac) {
    char *p = out;
    if (use_exp) {
        *p++ = digits[0];
        if (nd > 1 || alt || min_frac > 0)
            *p++ = '.';
        for (int i = 1; i < nd; i++)
            *p++ = digits[i];
        for (int i = nd - 1; i < min_frac; i++)
            *p++ = '0';
        int e = decpt - 1;
        p += sprintf(p, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    } else if (decpt <= 0) {
        *p++ = '0';
        *p++ = '.';
        for (int i = 0; i < -decpt; i++)
            *p++ = '0';
        memcpy(p, digits, (size_t)nd);
        p += nd;
    } else if (decpt >= nd) {
        memcpy(p, digits, (size_t)nd);
        p += nd;
        for (int i = nd; i < decpt; i++)
            *p++ = '0';
        if (add_dot_0) {
            *p++ = '.';
            *p++ = '0';
        } else if (alt) {
            *p++ = '.';
        }
    } else {
        memcpy(p, digits, (size_t)decpt);
        p += decpt;
        *p++ = '.';
        memcpy(p, digits + decpt, (size_t)(nd - decpt));
        p += nd - decpt;
    }
    *p = 0;
}

char *ft_double_to_string(double v, char format_code, int precision, int flags, int *type) {
    bool upper = format_code == 'E' || format_code == 'F' || format_code == 'G';
    char code = (char)tolower((unsigned char)format_code);
    bool neg = signbit(v) != 0;
    if (type)
        *type = FT_DTOA_FINITE;
    size_t cap = 64 + (precision > 0 ? (size_t)precision : 0) + 330;
    char *out = ft_mem_alloc(cap);
    if (!out)
        return NULL;
    char *p = out;
    if (!isfinite(v)) {
        if (type)
            *type = isnan(v) ? FT_DTOA_NAN : FT_DTOA_INFINITE;
        if (isnan(v))
            neg = false;
        if (neg)
            *p++ = '-';
        else if (flags & FT_DTOA_SIGN)
            *p++ = '+';
        strcpy(p, isnan(v) ? (upper ? "NAN" : "nan") : (upper ? "INF" : "inf"));
        return out;
    }
    char body[400 + 40];
    char *big = NULL;
    char *b = body;
    if (code == 'r') {
        char digits[24];
        int decpt, nd;
        if (v == 0) {
            strcpy(digits, "0");
            nd = 1;
            decpt = 1;
        } else {
            nd = shortest_digits(fabs(v), digits, &decpt);
        }
        bool use_exp = decpt <= -4 || decpt > 16;
        layout(body, digits, nd, decpt, use_exp, flags & FT_DTOA_ADD_DOT_0, flags & FT_DTOA_ALT, 0);
    } else if (code == 'g' && (flags & FT_DTOA_ADD_DOT_0) && precision <= 40) {
        /* format()'s omitted type with a precision: CPython's 'g' with ADD_DOT_0 switches to
         * exponent notation one digit earlier (decpt > precision - 1), so that the ".0" it
         * adds never shows more digits than asked for. */
        if (precision <= 0)
            precision = precision < 0 ? 6 : 1;
        char e[64], digits[48];
        snprintf(e, sizeof e, "%.*e", precision - 1, fabs(v));
        int nd = 0;
        char *c = e;
        for (; *c && *c != 'e'; c++)
            if (*c != '.')
                digits[nd++] = *c;
        int decpt = atoi(c + 1) + 1;
        if (!(flags & FT_DTOA_ALT))
            while (nd > 1 && digits[nd - 1] == '0')
                nd--;
        digits[nd] = 0;
        if (v == 0) {
            decpt = 1;
            if (!(flags & FT_DTOA_ALT))
                nd = 1;
        }
        bool use_exp = decpt <= -4 || decpt > precision - 1;
        layout(body, digits, nd, decpt, use_exp, true, flags & FT_DTOA_ALT, 0);
    } else {
        if (precision < 0)
            precision = 6;
        if (code == 'g' && precision == 0)
            precision = 1;
        char fmt[16];
        snprintf(fmt, sizeof fmt, "%%%s.*%c", (flags & FT_DTOA_ALT) ? "#" : "", code);
        size_t need = (size_t)precision + 330;
        if (need > sizeof body) {
            big = ft_mem_alloc(need);
            if (!big) {
                ft_mem_free(out);
                return NULL;
            }
            b = big;
        }
        snprintf(b, need > sizeof body ? need : sizeof body, fmt, precision, fabs(v));
        if (code == 'g' && (flags & FT_DTOA_ADD_DOT_0) && !strpbrk(b, ".e"))
            strcat(b, ".0");
    }
    if (neg && (flags & FT_DTOA_NO_NEG_0)) {
        bool all_zero = true;
        for (const char *c = b; *c && *c != 'e'; c++)
            if (*c >= '1' && *c <= '9')
                all_zero = false;
        if (all_zero)
            neg = false;
    }
    if (neg)
        *p++ = '-';
    else if (flags & FT_DTOA_SIGN)
        *p++ = '+';
    size_t bl = strlen(b);
    if ((size_t)(p - out) + bl + 1 > cap) {
        char *n = ft_mem_realloc(out, (size_t)(p - out) + bl + 1);
        if (!n) {
            ft_mem_free(out);
            ft_mem_free(big);
            return NULL;
        }
        p = n + (p - out);
        out = n;
    }
    memcpy(p, b, bl + 1);
    if (upper)
        for (char *c = p; *c; c++)
            *c = (char)toupper((unsigned char)*c);
    ft_mem_free(big);
    return out;
}

FtObject *ft_float_repr_double(double v) {
    char *s = ft_double_to_string(v, 'r', 0, FT_DTOA_ADD_DOT_0, NULL);
    if (!s)
        return NULL;
    FtObject *r = ft_str_from_latin1(s, (ssize_t)strlen(s));
    ft_mem_free(s);
    return r;
}

static FtObject *float_repr(FtObject *o) { return ft_float_repr_double(FT_FLOAT_VALUE(o)); }

/* ---- text -> double -------------------------------------------------------------------- */

static bool is_space(unsigned char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

static bool ieq(const char *s, ssize_t n, const char *word) {
    return (ssize_t)strlen(word) == n && strncasecmp(s, word, (size_t)n) == 0;
}

/* Python's float literal syntax (with underscores between digits), inf, infinity, nan.
 * 0 ok, -1 invalid (no exception set). */
static int parse_float_text(const char *s, ssize_t len, double *out) {
    const char *end = s + len;
    while (s < end && is_space((unsigned char)*s))
        s++;
    while (end > s && is_space((unsigned char)end[-1]))
        end--;
    double sign = 1.0;
    const char *body = s;
    if (body < end && (*body == '+' || *body == '-')) {
        if (*body == '-')
            sign = -1.0;
        body++;
    }
    ssize_t bl = end - body;
    if (ieq(body, bl, "inf") || ieq(body, bl, "infinity")) {
        *out = sign * HUGE_VAL;
        return 0;
    }
    if (ieq(body, bl, "nan")) {
        *out = sign < 0 ? -NAN : NAN;
        return 0;
    }
    char small[64];
    char *buf = bl + 2 <= (ssize_t)sizeof small ? small : malloc((size_t)bl + 2);
    if (!buf)
        return -1;
    char *w = buf;
    int state = 0; /* 0 mantissa int part, 1 fraction, 2 exponent */
    bool mant_digit = false, exp_digit = false, prev_digit = false, ok = true;
    for (const char *c = body; c < end && ok; c++) {
        unsigned char ch = (unsigned char)*c;
        if (ch >= '0' && ch <= '9') {
            *w++ = (char)ch;
            if (state < 2)
                mant_digit = true;
            else
                exp_digit = true;
            prev_digit = true;
            continue;
        }
        if (ch == '_') {
            /* between two digits only */
            if (!prev_digit || c + 1 >= end || !(c[1] >= '0' && c[1] <= '9'))
                ok = false;
            prev_digit = false;
            continue;
        }
        prev_digit = false;
        if (ch == '.' && state == 0) {
            state = 1;
            *w++ = '.';
        } else if ((ch == 'e' || ch == 'E') && state < 2 && mant_digit) {
            state = 2;
            *w++ = 'e';
            if (c + 1 < end && (c[1] == '+' || c[1] == '-'))
                *w++ = *++c;
        } else {
            ok = false;
        }
    }
    *w = 0;
    if (!mant_digit || (state == 2 && !exp_digit))
        ok = false;
    if (ok) {
        double v = strtod(buf, NULL);
        *out = sign * v;
    }
    if (buf != small)
        free(buf);
    return ok ? 0 : -1;
}

static FtObject *float_from_text_object(FtObject *x) {
    const char *s;
    ssize_t len;
    char *tmp = NULL;
    if (ft_str_check(x)) {
        s = ft_str_as_utf8_len(x, &len);
        if (!s)
            return NULL;
        if (!((FtStr *)x)->ascii) {
            /* Unicode spaces and decimal digits count; anything else is invalid */
            ssize_t n = FT_STR_LEN(x);
            tmp = ft_mem_alloc((size_t)n + 1);
            if (!tmp)
                return NULL;
            for (ssize_t i = 0; i < n; i++) {
                uint32_t c = ft_str_read(x, i);
                tmp[i] = c < 128 ? (char)c
                       : (c == 0xA0 || c == 0x3000 || (c >= 0x2000 && c <= 0x200A)) ? ' '
                       : (c >= 0x660 && c <= 0x669) ? (char)('0' + c - 0x660)
                       : (c >= 0xFF10 && c <= 0xFF19) ? (char)('0' + c - 0xFF10) : '?';
            }
            s = tmp;
            len = n;
        }
    } else if (ft_bytes_like_get(x, &s, &len) < 0) {
        return NULL;
    }
    double v;
    bool has_nul = memchr(s, 0, (size_t)len) != NULL;
    int rc = has_nul ? -1 : parse_float_text(s, len, &v);
    ft_mem_free(tmp);
    if (rc < 0) {
        ft_err_format(ft_exc_ValueError, "could not convert string to float: %R", x);
        return NULL;
    }
    return ft_float_from_double(v);
}

/* float(x) */
static FtObject *float_from_object(FtObject *x) {
    if (ft_float_check_exact(x))
        return FT_NEWREF(x);
    if (ft_str_check(x) || ft_bytes_check(x) || ft_bytearray_check(x))
        return float_from_text_object(x);
    FtNumberMethods *nb = FT_TYPE(x)->tp_as_number;
    if (nb && nb->nb_float) {
        FtObject *r = nb->nb_float(x);
        if (!r || ft_float_check_exact(r))
            return r;
        if (!ft_float_check(r)) {
            ft_err_format(ft_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                          FT_TYPE(x)->tp_name, FT_TYPE(r)->tp_name);
            FT_DECREF(r);
            return NULL;
        }
        if (warn_float_subclass(x, r) < 0) {
            FT_DECREF(r);
            return NULL;
        }
        FtObject *f = ft_float_from_double(FT_FLOAT_VALUE(r));
        FT_DECREF(r);
        return f;
    }
    if (nb && nb->nb_index) {
        FtObject *i = ft_number_index(x);
        if (!i)
            return NULL;
        double v = ft_int_as_double(i);
        FT_DECREF(i);
        if (v == -1.0 && ft_err_occurred())
            return NULL;
        return ft_float_from_double(v);
    }
    ft_err_format(ft_exc_TypeError, "float() argument must be a string or a real number, not '%s'",
                  FT_TYPE(x)->tp_name);
    return NULL;
}

static FtObject *float_new(FtType *type, FtObject *args, FtObject *kwargs) {
    if (kwargs && ft_dict_size(kwargs) > 0) {
        ft_err_set_string(ft_exc_TypeError, "float() takes no keyword arguments");
        return NULL;
    }
    ssize_t n = FT_SIZE(args);
    if (n > 1) {
        ft_err_format(ft_exc_TypeError, "float expected at most 1 argument, got %zd", n);
        return NULL;
    }
    FtObject *v = n == 0 ? ft_float_from_double(0.0) : float_from_object(FT_TUPLE_GET(args, 0));
    if (!v || type == &ft_float_type)
        return v;
    FtObject *r = type->tp_alloc(type, 0);
    if (r)
        ((FtFloat *)r)->value = FT_FLOAT_VALUE(v);
    FT_DECREF(v);
    return r;
}

static void float_dealloc(FtObject *o) {
    FtType *tp = FT_TYPE(o);
    if (tp == &ft_float_type && free_count < FREE_LIST_MAX) {
        o->ob_type = (FtType *)free_list;
        free_list = (FtFloat *)o;
        free_count++;
        return;
    }
    tp->tp_free(o);
    if (tp->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(tp);
}

/* ---- arithmetic ------------------------------------------------------------------------- */

/* Operand to double: 1 ok, 0 not a float/int (NotImplemented), -1 error. */
static int to_double(FtObject *o, double *out) {
    if (FT_LIKELY(ft_float_check_exact(o)) || ft_float_check(o)) {
        *out = FT_FLOAT_VALUE(o);
        return 1;
    }
    if (ft_int_check(o)) {
        if (ft_int_is_compact(o)) {
            *out = (double)ft_int_compact_value(o);
            return 1;
        }
        *out = ft_int_as_double(o);
        if (*out == -1.0 && ft_err_occurred())
            return -1;
        return 1;
    }
    return 0;
}

#define CONVERT(a, b, x, y)                      \
    double x, y;                                 \
    do {                                         \
        int r_ = to_double(a, &x);               \
        if (r_ <= 0) {                           \
            if (r_ < 0)                          \
                return NULL;                     \
            FT_RETURN_NOTIMPLEMENTED;            \
        }                                        \
        r_ = to_double(b, &y);                   \
        if (r_ <= 0) {                           \
            if (r_ < 0)                          \
                return NULL;                     \
            FT_RETURN_NOTIMPLEMENTED;            \
        }                                        \
    } while (0)

static FtObject *float_add(FtObject *a, FtObject *b) {
    CONVERT(a, b, x, y);
    return ft_float_from_double(x + y);
}
static FtObject *float_sub(FtObject *a, FtObject *b) {
    CONVERT(a, b, x, y);
    return ft_float_from_double(x - y);
}
static FtObject *float_mul(FtObject *a, FtObject *b) {
    CONVERT(a, b, x, y);
    return ft_float_from_double(x * y);
}
static FtObject *float_div(FtObject *a, FtObject *b) {
    CONVERT(a, b, x, y);
    if (y == 0.0) {
        ft_err_set_string(ft_exc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return ft_float_from_double(x / y);
}

static FtObject *float_rem(FtObject *a, FtObject *b) {
    CONVERT(a, b, vx, wx);
    if (wx == 0.0) {
        ft_err_set_string(ft_exc_ZeroDivisionError, "float modulo");
        return NULL;
    }
    double mod = fmod(vx, wx);
    if (mod) {
        if ((wx < 0) != (mod < 0))
            mod += wx;
    } else {
        mod = copysign(0.0, wx);
    }
    return ft_float_from_double(mod);
}

static void float_div_mod(double vx, double wx, double *floordiv, double *mod) {
    double div;
    *mod = fmod(vx, wx);
    div = (vx - *mod) / wx;
    if (*mod) {
        if ((wx < 0) != (*mod < 0)) {
            *mod += wx;
            div -= 1.0;
        }
    } else {
        *mod = copysign(0.0, wx);
    }
    if (div) {
        *floordiv = floor(div);
        if (div - *floordiv > 0.5)
            *floordiv += 1.0;
    } else {
        *floordiv = copysign(0.0, vx / wx);
    }
}

static FtObject *float_floordiv(FtObject *a, FtObject *b) {
    CONVERT(a, b, vx, wx);
    if (wx == 0.0) {
        ft_err_set_string(ft_exc_ZeroDivisionError, "float floor division by zero");
        return NULL;
    }
    double d, m;
    float_div_mod(vx, wx, &d, &m);
    return ft_float_from_double(d);
}

static FtObject *float_divmod(FtObject *a, FtObject *b) {
    CONVERT(a, b, vx, wx);
    if (wx == 0.0) {
        ft_err_set_string(ft_exc_ZeroDivisionError, "float divmod()");
        return NULL;
    }
    double d, m;
    float_div_mod(vx, wx, &d, &m);
    FtObject *fd = ft_float_from_double(d), *fm = fd ? ft_float_from_double(m) : NULL;
    if (!fm) {
        FT_XDECREF(fd);
        return NULL;
    }
    FtObject *t = ft_tuple_new(2);
    if (!t) {
        FT_DECREF(fd);
        FT_DECREF(fm);
        return NULL;
    }
    FT_TUPLE_SET(t, 0, fd);
    FT_TUPLE_SET(t, 1, fm);
    return t;
}

static bool is_odd_integer(double x) { return fmod(fabs(x), 2.0) == 1.0; }

static FtObject *float_pow(FtObject *v, FtObject *w, FtObject *z) {
    if (z != NULL && z != FT_NONE) {
        ft_err_set_string(ft_exc_TypeError,
                          "pow() 3rd argument not allowed unless all arguments are integers");
        return NULL;
    }
    CONVERT(v, w, iv, iw);
    bool negate_result = false;
    if (iw == 0)
        return ft_float_from_double(1.0);
    if (isnan(iv))
        return ft_float_from_double(iv);
    if (isnan(iw))
        return ft_float_from_double(iv == 1.0 ? 1.0 : iw);
    if (isinf(iw)) {
        iv = fabs(iv);
        if (iv == 1.0)
            return ft_float_from_double(1.0);
        if ((iw > 0.0) == (iv > 1.0))
            return ft_float_from_double(fabs(iw));
        return ft_float_from_double(0.0);
    }
    if (isinf(iv)) {
        bool odd = is_odd_integer(iw);
        if (iw > 0.0)
            return ft_float_from_double(odd ? iv : fabs(iv));
        return ft_float_from_double(odd ? copysign(0.0, iv) : 0.0);
    }
    if (iv == 0.0) {
        bool odd = is_odd_integer(iw);
        if (iw < 0.0) {
            ft_err_set_string(ft_exc_ZeroDivisionError, "0.0 cannot be raised to a negative power");
            return NULL;
        }
        return ft_float_from_double(odd ? iv : 0.0);
    }
    if (iv < 0.0) {
        if (iw != floor(iw))
            return ft_complex_pow_real(iv, iw); /* negative ** fractional: complex */
        iv = -iv;
        negate_result = is_odd_integer(iw);
    }
    if (iv == 1.0)
        return ft_float_from_double(negate_result ? -1.0 : 1.0);
    errno = 0;
    double ix = pow(iv, iw);
    if (errno == 0 && isinf(ix))
        errno = ERANGE;
    else if (errno == ERANGE && ix == 0.0)
        errno = 0;
    if (negate_result)
        ix = -ix;
    if (errno != 0) {
        ft_err_set_from_errno(errno == ERANGE ? ft_exc_OverflowError : ft_exc_ValueError);
        return NULL;
    }
    return ft_float_from_double(ix);
}

static FtObject *float_neg(FtObject *a) { return ft_float_from_double(-FT_FLOAT_VALUE(a)); }
static FtObject *float_abs(FtObject *a) { return ft_float_from_double(fabs(FT_FLOAT_VALUE(a))); }
static FtObject *float_pos(FtObject *a) {
    if (ft_float_check_exact(a))
        return FT_NEWREF(a);
    return ft_float_from_double(FT_FLOAT_VALUE(a));
}
static int float_bool(FtObject *a) { return FT_FLOAT_VALUE(a) != 0.0; }
static FtObject *float_int(FtObject *a) { return ft_int_from_double(FT_FLOAT_VALUE(a)); }
static FtObject *float_float(FtObject *a) { return float_pos(a); }

/* ---- comparison --------------------------------------------------------------------------- */

/* Compare int i with finite double d exactly: -1, 0, 1, or -2 on error. */
static int compare_int_double(FtObject *i, double d) {
    if (ft_int_is_compact(i)) {
        int64_t v = ft_int_compact_value(i);
        if (v >= -((int64_t)1 << 53) && v <= ((int64_t)1 << 53)) {
            double x = (double)v;
            return (x > d) - (x < d);
        }
    }
    double fl = floor(d);
    FtObject *fi = ft_int_from_double(fl);
    if (!fi)
        return -2;
    int c = ft_int_compare(i, fi);
    FT_DECREF(fi);
    if (c != 0)
        return c;
    return d > fl ? -1 : 0;
}

static FtObject *cmp_result(int c, int op) {
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

static FtObject *float_richcompare(FtObject *a, FtObject *b, int op) {
    double x, y;
    if (!ft_float_check(a)) {
        /* reflected: int OP float; CPython always has the float on the left here */
        FT_RETURN_NOTIMPLEMENTED;
    }
    x = FT_FLOAT_VALUE(a);
    if (ft_float_check(b)) {
        y = FT_FLOAT_VALUE(b);
        bool r;
        switch (op) {
        case FT_LT: r = x < y; break;
        case FT_LE: r = x <= y; break;
        case FT_EQ: r = x == y; break;
        case FT_NE: r = x != y; break;
        case FT_GT: r = x > y; break;
        default: r = x >= y; break;
        }
        return ft_bool_from(r);
    }
    if (!ft_int_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    if (isnan(x))
        return ft_bool_from(op == FT_NE);
    if (isinf(x))
        return cmp_result(x > 0 ? 1 : -1, op);
    int c = compare_int_double(b, x);
    if (c == -2)
        return NULL;
    return cmp_result(-c, op);
}

/* ---- methods ------------------------------------------------------------------------------ */

static FtObject *float_is_integer(FtObject *self, FtObject *unused) {
    double x = FT_FLOAT_VALUE(self);
    return ft_bool_from(isfinite(x) && floor(x) == x);
}

static FtObject *float_conjugate(FtObject *self, FtObject *unused) { return float_pos(self); }

static FtObject *float_as_integer_ratio(FtObject *self, FtObject *unused) {
    double x = FT_FLOAT_VALUE(self);
    if (isinf(x)) {
        ft_err_set_string(ft_exc_OverflowError, "cannot convert Infinity to integer ratio");
        return NULL;
    }
    if (isnan(x)) {
        ft_err_set_string(ft_exc_ValueError, "cannot convert NaN to integer ratio");
        return NULL;
    }
    int e;
    double m = frexp(x, &e);
    for (int i = 0; i < 300 && m != floor(m); i++) {
        m *= 2.0;
        e--;
    }
    FtObject *num = ft_int_from_double(m), *den = NULL, *t = NULL;
    if (!num)
        return NULL;
    if (e >= 0) {
        FT_SETREF(num, ft_int_lshift_count(num, (size_t)e));
        den = ft_int_from_i64(1);
    } else {
        FtObject *one = ft_int_from_i64(1);
        den = ft_int_lshift_count(one, (size_t)-e);
        FT_DECREF(one);
    }
    if (num && den)
        t = ft_tuple_pack(2, num, den);
    FT_XDECREF(num);
    FT_XDECREF(den);
    return t;
}

static FtObject *float_hex(FtObject *self, FtObject *unused) {
    double x = FT_FLOAT_VALUE(self);
    if (!isfinite(x))
        return float_repr(self);
    if (x == 0.0)
        return ft_str_from_cstr(signbit(x) ? "-0x0.0p+0" : "0x0.0p+0");
    int e;
    double m = frexp(fabs(x), &e);
    int shift = 1 - (DBL_MIN_EXP - e > 0 ? DBL_MIN_EXP - e : 0);
    m = ldexp(m, shift);
    e -= shift;
    char s[64], out[96];
    const char *hex = "0123456789abcdef";
    int si = 0;
    s[si++] = hex[(int)m];
    m -= (int)m;
    s[si++] = '.';
    for (int i = 0; i < (DBL_MANT_DIG - 1) / 4; i++) {
        m *= 16.0;
        s[si++] = hex[(int)m];
        m -= (int)m;
    }
    s[si] = 0;
    snprintf(out, sizeof out, "%s0x%sp%c%d", x < 0 ? "-" : "", s, e < 0 ? '-' : '+', e < 0 ? -e : e);
    return ft_str_from_cstr(out);
}

static FtObject *float_fromhex(FtObject *cls, FtObject *arg) {
    if (!ft_str_check(arg)) {
        ft_err_set_string(ft_exc_TypeError, "bad argument type for built-in operation");
        return NULL;
    }
    ssize_t len;
    const char *s = ft_str_as_utf8_len(arg, &len);
    if (!s)
        return NULL;
    const char *end = s + len;
    while (s < end && is_space((unsigned char)*s))
        s++;
    while (end > s && is_space((unsigned char)end[-1]))
        end--;
    /* validate: [sign] ['0x'] hex* ['.' hex*] ['p' [sign] dec+]  (at least one hex digit) */
    const char *p = s;
    char small[512];
    char *buf = small;
    size_t w = 0;
    double result;
    bool neg = false;
    if (p < end && (*p == '+' || *p == '-')) {
        neg = *p == '-';
        p++;
    }
    if (ieq(p, end - p, "inf") || ieq(p, end - p, "infinity") || ieq(p, end - p, "nan")) {
        result = (p[0] | 0x20) == 'n' ? NAN : HUGE_VAL;
        goto have;
    }
    if (end - p >= 2 && p[0] == '0' && (p[1] | 0x20) == 'x')
        p += 2;
    buf[w++] = '0';
    buf[w++] = 'x';
    bool ok = true, digit = false, dot = false;
    for (; p < end && ok; p++) {
        char c = *p;
        if (isxdigit((unsigned char)c)) {
            digit = true;
        } else if (c == '.' && !dot) {
            dot = true;
        } else if ((c == 'p' || c == 'P') && digit) {
            const char *q = p + 1;
            if (q < end && (*q == '+' || *q == '-'))
                q++;
            if (q >= end)
                ok = false;
            for (const char *r = q; r < end; r++)
                if (!isdigit((unsigned char)*r))
                    ok = false;
            break;
        } else {
            ok = false;
        }
    }
    if (!ok || !digit) {
        ft_err_set_string(ft_exc_ValueError, "invalid hexadecimal floating-point string");
        return NULL;
    }
    if ((size_t)(end - s) + 4 > sizeof small) {
        buf = ft_mem_alloc((size_t)(end - s) + 4);
        if (!buf)
            return NULL;
        buf[0] = '0';
        buf[1] = 'x';
    }
    {
        const char *q = s;
        if (q < end && (*q == '+' || *q == '-'))
            q++;
        if (end - q >= 2 && q[0] == '0' && (q[1] | 0x20) == 'x')
            q += 2;
        memcpy(buf + w, q, (size_t)(end - q));
        w += (size_t)(end - q);
        buf[w] = 0;
    }
    errno = 0;
    result = strtod(buf, NULL);
    if (buf != small)
        ft_mem_free(buf);
    if (isinf(result)) {
        ft_err_set_string(ft_exc_OverflowError, "hexadecimal value too large to represent as a float");
        return NULL;
    }
have:
    if (neg)
        result = -result;
    FtObject *f = ft_float_from_double(result);
    if (f && (FtType *)cls != &ft_float_type) {
        FtObject *r = ft_object_call_one(cls, f);
        FT_DECREF(f);
        return r;
    }
    return f;
}

/* round(x, ndigits) correctly rounded, half to even on the exact binary value */
static FtObject *double_round(double x, int ndigits) {
    char *buf;
    char small[512];
    double rounded;
    if (ndigits >= 0) {
        size_t need = 330 + (size_t)ndigits;
        buf = need <= sizeof small ? small : malloc(need);
        if (!buf)
            return ft_err_no_memory();
        snprintf(buf, need, "%.*f", ndigits, x);
        rounded = strtod(buf, NULL);
        if (buf != small)
            free(buf);
    } else {
        /* exact integer digits of |x|, then round at position 10**k by hand */
        int k = -ndigits;
        double ax = fabs(x), ip = trunc(ax);
        bool frac = ax != ip;
        snprintf(small, sizeof small, "%.0f", ip);
        int L = (int)strlen(small);
        if (ip == 0)
            L = 0;
        char res[400];
        if (k > L) {
            rounded = 0.0;
        } else {
            int keep = L - k;
            /* q = small[0..keep), rest = small[keep..L) */
            char first = small[keep];
            bool rest_nonzero = frac;
            for (int i = keep + 1; i < L; i++)
                if (small[i] != '0')
                    rest_nonzero = true;
            bool up = first > '5' || (first == '5' && (rest_nonzero ||
                                                       (keep > 0 && ((small[keep - 1] - '0') & 1))));
            memcpy(res, small, (size_t)keep);
            res[keep] = 0;
            if (keep == 0)
                strcpy(res, "0");
            if (up) {
                int i = (int)strlen(res) - 1;
                while (i >= 0 && res[i] == '9')
                    res[i--] = '0';
                if (i < 0) {
                    memmove(res + 1, res, strlen(res) + 1);
                    res[0] = '1';
                } else {
                    res[i]++;
                }
            }
            snprintf(res + strlen(res), 16, "e%d", k);
            errno = 0;
            rounded = strtod(res, NULL);
        }
        rounded = copysign(rounded, x);
    }
    if (isinf(rounded)) {
        ft_err_set_string(ft_exc_OverflowError, "rounded value too large to represent");
        return NULL;
    }
    return ft_float_from_double(rounded);
}

static FtObject *float_round(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("__round__", nargs, 0, 1) < 0)
        return NULL;
    double x = FT_FLOAT_VALUE(self);
    if (nargs == 0 || args[0] == FT_NONE) {
        double r = round(x);
        if (fabs(x - r) == 0.5)
            r = 2.0 * round(x / 2.0);
        return ft_int_from_double(r);
    }
    FtObject *nd = ft_number_index(args[0]);
    if (!nd)
        return NULL;
    int ovf;
    int64_t n = ft_int_as_i64(nd, &ovf);
    FT_DECREF(nd);
    if (ovf)
        n = ovf > 0 ? INT64_MAX : INT64_MIN;
    if (!isfinite(x))
        return ft_float_from_double(x);
    const int ndigits_max = (int)((DBL_MANT_DIG - DBL_MIN_EXP) * 0.30103);
    const int ndigits_min = -(int)((DBL_MAX_EXP + 1) * 0.30103);
    if (n > ndigits_max)
        return ft_float_from_double(x);
    if (n < ndigits_min)
        return ft_float_from_double(0.0 * x);
    return double_round(x, (int)n);
}

static FtObject *float_trunc(FtObject *self, FtObject *unused) {
    return ft_int_from_double(FT_FLOAT_VALUE(self));
}
static FtObject *float_floor(FtObject *self, FtObject *unused) {
    return ft_int_from_double(floor(FT_FLOAT_VALUE(self)));
}
static FtObject *float_ceil(FtObject *self, FtObject *unused) {
    return ft_int_from_double(ceil(FT_FLOAT_VALUE(self)));
}

static FtObject *float_getnewargs(FtObject *self, FtObject *unused) {
    FtObject *f = ft_float_from_double(FT_FLOAT_VALUE(self));
    if (!f)
        return NULL;
    FtObject *t = ft_tuple_pack(1, f);
    FT_DECREF(f);
    return t;
}

static FtObject *float_getformat(FtObject *cls, FtObject *arg) {
    if (!ft_str_check(arg)) {
        ft_err_format(ft_exc_TypeError, "__getformat__() argument must be str, not %s",
                      FT_TYPE(arg)->tp_name);
        return NULL;
    }
    if (!ft_str_eq_cstr(arg, "double") && !ft_str_eq_cstr(arg, "float")) {
        ft_err_set_string(ft_exc_ValueError, "__getformat__() argument 1 must be 'double' or 'float'");
        return NULL;
    }
    return ft_str_from_cstr("IEEE, little-endian");
}

static FtObject *float_format(FtObject *self, FtObject *spec) {
    if (!ft_str_check(spec)) {
        ft_err_format(ft_exc_TypeError, "__format__() argument must be str, not %s",
                      FT_TYPE(spec)->tp_name);
        return NULL;
    }
    return ft_format_float(self, spec);
}

static FtObject *float_get_real(FtObject *self, void *c) { return float_pos(self); }
static FtObject *float_get_imag(FtObject *self, void *c) { return ft_float_from_double(0.0); }

static FtMethodDef float_methods[] = {
    {"conjugate", (void *)float_conjugate, FT_METH_NOARGS, "Return self, the complex conjugate of any float."},
    {"__trunc__", (void *)float_trunc, FT_METH_NOARGS, "Return the Integral closest to x between 0 and x."},
    {"__floor__", (void *)float_floor, FT_METH_NOARGS, "Return the floor as an Integral."},
    {"__ceil__", (void *)float_ceil, FT_METH_NOARGS, "Return the ceiling as an Integral."},
    {"__round__", (void *)float_round, FT_METH_FASTCALL, "Return the Integral closest to x, rounding half toward even."},
    {"as_integer_ratio", (void *)float_as_integer_ratio, FT_METH_NOARGS, "Return integer ratio."},
    {"fromhex", (void *)float_fromhex, FT_METH_O | FT_METH_CLASS, "Create a floating-point number from a hexadecimal string."},
    {"hex", (void *)float_hex, FT_METH_NOARGS, "Return a hexadecimal representation of a floating-point number."},
    {"is_integer", (void *)float_is_integer, FT_METH_NOARGS, "Return True if the float is an integer."},
    {"__getnewargs__", (void *)float_getnewargs, FT_METH_NOARGS, NULL},
    {"__getformat__", (void *)float_getformat, FT_METH_O | FT_METH_CLASS, NULL},
    {"__format__", (void *)float_format, FT_METH_O, "Formats the float according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static FtGetSetDef float_getset[] = {
    {"real", float_get_real, NULL, "the real part of a complex number", NULL},
    {"imag", float_get_imag, NULL, "the imaginary part of a complex number", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static FtNumberMethods float_as_number = {
    .nb_add = float_add,
    .nb_subtract = float_sub,
    .nb_multiply = float_mul,
    .nb_remainder = float_rem,
    .nb_divmod = float_divmod,
    .nb_power = float_pow,
    .nb_negative = float_neg,
    .nb_positive = float_pos,
    .nb_absolute = float_abs,
    .nb_bool = float_bool,
    .nb_int = float_int,
    .nb_float = float_float,
    .nb_floor_divide = float_floordiv,
    .nb_true_divide = float_div,
};

FtType ft_float_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "float",
    .tp_basicsize = sizeof(FtFloat),
    .tp_dealloc = float_dealloc,
    .tp_repr = float_repr,
    .tp_as_number = &float_as_number,
    .tp_hash = float_hash,
    .tp_flags = FT_TPFLAGS_DEFAULT | FT_TPFLAGS_BASETYPE,
    .tp_doc = "Convert a string or number to a floating point number, if possible.",
    .tp_richcompare = float_richcompare,
    .tp_methods = float_methods,
    .tp_getset = float_getset,
    .tp_new = float_new,
};

int ft_float_init(void);
int ft_float_init(void) { return ft_type_ready(&ft_float_type); }
