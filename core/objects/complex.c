/* The complex type: a pair of doubles with CPython's arithmetic (_Py_c_quot, _Py_c_pow),
 * repr, hash and constructor (numbers or a string like "1+2j"). float.c uses
 * ft_complex_pow_real for a negative float raised to a fractional power. */
#include "core/object.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct { double real, imag; } cval;

#define CVAL(o) ((cval){((FtComplex *)(o))->real, ((FtComplex *)(o))->imag})
#define complex_check(o) ft_complex_check(o)

static FtObject *complex_from(cval c) {
    FtComplex *r = (FtComplex *)ft_object_alloc(&ft_complex_type);
    if (!r)
        return NULL;
    r->real = c.real;
    r->imag = c.imag;
    return (FtObject *)r;
}

FtObject *ft_complex_from_doubles(double real, double imag) {
    return complex_from((cval){real, imag});
}

/* ---- CPython's complex arithmetic ------------------------------------------------------- */

static cval c_sum(cval a, cval b) { return (cval){a.real + b.real, a.imag + b.imag}; }
static cval c_diff(cval a, cval b) { return (cval){a.real - b.real, a.imag - b.imag}; }
static cval c_prod(cval a, cval b) {
    return (cval){a.real * b.real - a.imag * b.imag, a.real * b.imag + a.imag * b.real};
}

static cval c_quot(cval a, cval b) {
    cval r;
    const double abs_breal = b.real < 0 ? -b.real : b.real;
    const double abs_bimag = b.imag < 0 ? -b.imag : b.imag;
    if (abs_breal >= abs_bimag) {
        if (abs_breal == 0.0) {
            errno = EDOM;
            r.real = r.imag = 0.0;
        } else {
            const double ratio = b.imag / b.real;
            const double denom = b.real + b.imag * ratio;
            r.real = (a.real + a.imag * ratio) / denom;
            r.imag = (a.imag - a.real * ratio) / denom;
        }
    } else if (abs_bimag >= abs_breal) {
        const double ratio = b.real / b.imag;
        const double denom = b.real * ratio + b.imag;
        r.real = (a.real * ratio + a.imag) / denom;
        r.imag = (a.imag * ratio - a.real) / denom;
    } else {
        r.real = r.imag = NAN;
    }
    return r;
}

static cval c_pow(cval a, cval b) {
    cval r;
    if (b.real == 0. && b.imag == 0.) {
        r.real = 1.;
        r.imag = 0.;
    } else if (a.real == 0. && a.imag == 0.) {
        if (b.imag != 0. || b.real < 0.)
            errno = EDOM;
        r.real = 0.;
        r.imag = 0.;
    } else {
        double vabs = hypot(a.real, a.imag);
        double len = pow(vabs, b.real);
        double at = atan2(a.imag, a.real);
        double phase = at * b.real;
        if (b.imag != 0.0) {
            len /= exp(at * b.imag);
            phase += b.imag * log(vabs);
        }
        r.real = len * cos(phase);
        r.imag = len * sin(phase);
    }
    return r;
}

static cval c_powu(cval x, long n) {
    cval r = {1., 0.}, p = x;
    long mask = 1;
    while (mask > 0 && n >= mask) {
        if (n & mask)
            r = c_prod(r, p);
        mask <<= 1;
        p = c_prod(p, p);
    }
    return r;
}

static cval c_powi(cval x, long n) {
    if (n > 0)
        return c_powu(x, n);
    return c_quot((cval){1.0, 0.0}, c_powu(x, -n));
}

/* ---- operands ------------------------------------------------------------------------- */

/* 1 converted, 0 foreign type, -1 error */
static int to_cval(FtObject *o, cval *out) {
    if (complex_check(o)) {
        *out = CVAL(o);
        return 1;
    }
    if (ft_float_check(o)) {
        *out = (cval){FT_FLOAT_VALUE(o), 0.0};
        return 1;
    }
    if (ft_int_check(o)) {
        double d = ft_int_as_double(o);
        if (d == -1.0 && ft_err_occurred())
            return -1;
        *out = (cval){d, 0.0};
        return 1;
    }
    return 0;
}

#define CONVERT(a, b, x, y)                   \
    cval x, y;                                \
    do {                                      \
        int r_ = to_cval(a, &x);              \
        if (r_ <= 0) {                        \
            if (r_ < 0)                       \
                return NULL;                  \
            FT_RETURN_NOTIMPLEMENTED;         \
        }                                     \
        r_ = to_cval(b, &y);                  \
        if (r_ <= 0) {                        \
            if (r_ < 0)                       \
                return NULL;                  \
            FT_RETURN_NOTIMPLEMENTED;         \
        }                                     \
    } while (0)

static FtObject *complex_add(FtObject *a, FtObject *b) {
    CONVERT(a, b, x, y);
    return complex_from(c_sum(x, y));
}
static FtObject *complex_sub(FtObject *a, FtObject *b) {
    CONVERT(a, b, x, y);
    return complex_from(c_diff(x, y));
}
static FtObject *complex_mul(FtObject *a, FtObject *b) {
    CONVERT(a, b, x, y);
    return complex_from(c_prod(x, y));
}
static FtObject *complex_div(FtObject *a, FtObject *b) {
    CONVERT(a, b, x, y);
    errno = 0;
    cval q = c_quot(x, y);
    if (errno == EDOM) {
        ft_err_set_string(ft_exc_ZeroDivisionError, "complex division by zero");
        return NULL;
    }
    return complex_from(q);
}

static FtObject *pow_vals(cval a, cval b) {
    cval p;
    errno = 0;
    if (b.imag == 0.0 && b.real == floor(b.real) && fabs(b.real) <= 100.0)
        p = c_powi(a, (long)b.real);
    else
        p = c_pow(a, b);
    /* CPython's _Py_ADJUST_ERANGE2: an infinite part is an overflow, underflow is not */
    if (isinf(p.real) || isinf(p.imag)) {
        if (errno == 0)
            errno = ERANGE;
    } else if (errno == ERANGE) {
        errno = 0;
    }
    if (errno == EDOM) {
        ft_err_set_string(ft_exc_ZeroDivisionError, "0.0 to a negative or complex power");
        return NULL;
    }
    if (errno == ERANGE) {
        ft_err_set_string(ft_exc_OverflowError, "complex exponentiation");
        return NULL;
    }
    return complex_from(p);
}

static FtObject *complex_pow(FtObject *a, FtObject *b, FtObject *z) {
    if (z != NULL && z != FT_NONE) {
        ft_err_set_string(ft_exc_ValueError, "complex modulo");
        return NULL;
    }
    CONVERT(a, b, x, y);
    return pow_vals(x, y);
}

FtObject *ft_complex_pow_real(double re, double exp) {
    return pow_vals((cval){re, 0.0}, (cval){exp, 0.0});
}

static FtObject *complex_neg(FtObject *a) {
    cval c = CVAL(a);
    return complex_from((cval){-c.real, -c.imag});
}
static FtObject *complex_pos(FtObject *a) {
    if (FT_TYPE(a) == &ft_complex_type)
        return FT_NEWREF(a);
    return complex_from(CVAL(a));
}
static FtObject *complex_abs(FtObject *a) {
    cval c = CVAL(a);
    if (isinf(c.real) || isinf(c.imag))
        return ft_float_from_double(HUGE_VAL);
    if (isnan(c.real) || isnan(c.imag))
        return ft_float_from_double(NAN);
    double r = hypot(c.real, c.imag);
    if (isinf(r)) {
        ft_err_set_string(ft_exc_OverflowError, "absolute value too large");
        return NULL;
    }
    return ft_float_from_double(r);
}
static int complex_bool(FtObject *a) {
    cval c = CVAL(a);
    return c.real != 0.0 || c.imag != 0.0;
}

static FtObject *complex_richcompare(FtObject *a, FtObject *b, int op) {
    if (op != FT_EQ && op != FT_NE)
        FT_RETURN_NOTIMPLEMENTED;
    if (!complex_check(a))
        FT_RETURN_NOTIMPLEMENTED;
    cval x = CVAL(a);
    bool eq;
    if (ft_int_check(b) || ft_float_check(b)) {
        if (x.imag != 0.0) {
            eq = false;
        } else {
            /* compare the real part exactly, as float does */
            FtObject *f = ft_float_from_double(x.real);
            if (!f)
                return NULL;
            FtObject *r = ft_object_richcompare(f, b, op);
            FT_DECREF(f);
            return r;
        }
    } else if (complex_check(b)) {
        cval y = CVAL(b);
        eq = x.real == y.real && x.imag == y.imag;
    } else {
        FT_RETURN_NOTIMPLEMENTED;
    }
    return ft_bool_from(op == FT_EQ ? eq : !eq);
}

static ft_hash_t complex_hash(FtObject *o) {
    cval c = CVAL(o);
    uint64_t hr = (uint64_t)(isnan(c.real) ? ft_object_hash_pointer(o) : ft_float_hash_double(c.real));
    uint64_t hi = (uint64_t)(isnan(c.imag) ? ft_object_hash_pointer(o) : ft_float_hash_double(c.imag));
    uint64_t combined = hr + 1000003ULL * hi;
    if (combined == (uint64_t)-1)
        combined = (uint64_t)-2;
    return (ft_hash_t)combined;
}

/* ---- repr ----------------------------------------------------------------------------- */

static FtObject *complex_repr(FtObject *o) {
    cval c = CVAL(o);
    char *re = NULL, *im = NULL;
    FtObject *r = NULL;
    if (c.real == 0.0 && copysign(1.0, c.real) == 1.0) {
        im = ft_double_to_string(c.imag, 'r', 0, 0, NULL);
        if (im)
            r = ft_str_from_format("%sj", im);
    } else {
        re = ft_double_to_string(c.real, 'r', 0, 0, NULL);
        im = ft_double_to_string(c.imag, 'r', 0, FT_DTOA_SIGN, NULL);
        if (re && im)
            r = ft_str_from_format("(%s%sj)", re, im);
    }
    ft_mem_free(re);
    ft_mem_free(im);
    return r;
}

/* ---- construction --------------------------------------------------------------------- */

static bool is_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v';
}

/* Parse one float at *p (sign, digits, inf, nan); advances *p. */
static bool parse_real(const char **p, const char *end, double *out) {
    const char *s = *p;
    char buf[256];
    size_t n = 0;
    while (s < end && n < sizeof buf - 1) {
        char c = *s;
        if ((c == '+' || c == '-') && n > 0 && !(buf[n - 1] == 'e' || buf[n - 1] == 'E'))
            break;
        if (!(c == '+' || c == '-' || c == '.' || c == '_' || (c >= '0' && c <= '9') || c == 'e' ||
              c == 'E' || c == 'i' || c == 'n' || c == 'f' || c == 't' || c == 'y' || c == 'a' ||
              c == 'I' || c == 'N' || c == 'F' || c == 'T' || c == 'Y' || c == 'A'))
            break;
        buf[n++] = c;
        s++;
    }
    buf[n] = 0;
    if (n == 0)
        return false;
    /* reuse float()'s parser through a str object */
    FtObject *str = ft_str_from_latin1(buf, (ssize_t)n);
    if (!str)
        return false;
    FtObject *args = ft_tuple_pack(1, str);
    FT_DECREF(str);
    FtObject *f = args ? ft_object_call((FtObject *)&ft_float_type, args, NULL) : NULL;
    FT_XDECREF(args);
    if (!f) {
        ft_err_clear();
        return false;
    }
    *out = FT_FLOAT_VALUE(f);
    FT_DECREF(f);
    *p = s;
    return true;
}

static FtObject *complex_parse(FtObject *v, const char *s, ssize_t len);

/* CPython's _Py_string_to_number_with_underscores: an underscore must sit between two
 * digits; valid ones are dropped before parsing. */
static FtObject *complex_from_string(FtObject *v) {
    ssize_t len;
    const char *s = ft_str_as_utf8_len(v, &len);
    if (!s)
        return NULL;
    if (!memchr(s, '_', (size_t)len))
        return complex_parse(v, s, len);
    char *buf = ft_mem_alloc((size_t)len + 1);
    if (!buf)
        return NULL;
    ssize_t w = 0;
    for (ssize_t i = 0; i < len; i++) {
        if (s[i] == '_') {
            if (i == 0 || i + 1 >= len || !(s[i - 1] >= '0' && s[i - 1] <= '9') ||
                !(s[i + 1] >= '0' && s[i + 1] <= '9')) {
                ft_mem_free(buf);
                ft_err_format(ft_exc_ValueError, "could not convert string to complex: %R", v);
                return NULL;
            }
            continue;
        }
        buf[w++] = s[i];
    }
    FtObject *r = complex_parse(v, buf, w);
    ft_mem_free(buf);
    return r;
}

static FtObject *complex_parse(FtObject *v, const char *s, ssize_t len) {
    const char *end = s + len;
    while (s < end && is_space(*s))
        s++;
    while (end > s && is_space(end[-1]))
        end--;
    bool paren = false;
    if (s < end && *s == '(' && end[-1] == ')') {
        paren = true;
        s++;
        end--;
        while (s < end && is_space(*s))
            s++;
        while (end > s && is_space(end[-1]))
            end--;
    }
    (void)paren;
    double x = 0.0, y = 0.0, z;
    const char *p = s;
    bool ok = false;
    if (p < end && (end[-1] == 'j' || end[-1] == 'J')) {
        /* forms: "<y>j", "<x>(+|-)<y>j", "j", "+j", "-j", "<x>+j" */
        const char *q = p;
        if (parse_real(&q, end - 1, &z)) {
            if (q == end - 1) {
                y = z;
                ok = true;
            } else if (*q == '+' || *q == '-') {
                x = z;
                const char *r = q;
                if (r + 1 == end - 1) {
                    y = *q == '-' ? -1.0 : 1.0;
                    ok = true;
                } else if (parse_real(&r, end - 1, &z) && r == end - 1) {
                    y = z;
                    ok = true;
                }
            }
        } else {
            if (q == end - 1) {
                y = 1.0;
                ok = true;
            } else if ((*q == '+' || *q == '-') && q + 1 == end - 1) {
                y = *q == '-' ? -1.0 : 1.0;
                ok = true;
            }
        }
    } else {
        const char *q = p;
        if (parse_real(&q, end, &z) && q == end) {
            x = z;
            ok = true;
        }
    }
    if (!ok) {
        ft_err_set_string(ft_exc_ValueError, "complex() arg is a malformed string");
        return NULL;
    }
    return complex_from((cval){x, y});
}

static int arg_to_cval(FtObject *o, cval *out, const char *which) {
    if (complex_check(o)) {
        *out = CVAL(o);
        return 0;
    }
    FtObject *m = ft_type_lookup(FT_TYPE(o), FT_ID(__complex__));
    if (m) {
        FtObject *r = ft_object_call_method(o, FT_ID(__complex__), NULL, 0);
        if (!r)
            return -1;
        if (!complex_check(r)) {
            ft_err_format(ft_exc_TypeError, "__complex__ returned non-complex (type %s)",
                          FT_TYPE(r)->tp_name);
            FT_DECREF(r);
            return -1;
        }
        *out = CVAL(r);
        FT_DECREF(r);
        return 0;
    }
    FtNumberMethods *nb = FT_TYPE(o)->tp_as_number;
    if (ft_str_check(o) || !nb || (!nb->nb_float && !nb->nb_index)) {
        ft_err_format(ft_exc_TypeError, "complex() %s, not '%s'", which,
                      FT_TYPE(o)->tp_name);
        return -1;
    }
    double d = ft_float_as_double(o);
    if (d == -1.0 && ft_err_occurred())
        return -1;
    *out = (cval){d, 0.0};
    return 0;
}

static FtObject *complex_new(FtType *type, FtObject *args, FtObject *kwargs) {
    FtObject *r = NULL, *i = NULL;
    ssize_t n = FT_SIZE(args);
    if (n > 2) {
        ft_err_format(ft_exc_TypeError, "complex() takes at most 2 arguments (%zd given)", n);
        return NULL;
    }
    if (n > 0)
        r = FT_TUPLE_GET(args, 0);
    if (n > 1)
        i = FT_TUPLE_GET(args, 1);
    if (kwargs) {
        FtObject *kr = ft_dict_get_cstr(kwargs, "real"), *ki = ft_dict_get_cstr(kwargs, "imag");
        ssize_t used = (kr != NULL) + (ki != NULL);
        if (used != ft_dict_size(kwargs)) {
            ft_err_set_string(ft_exc_TypeError, "complex() got an unexpected keyword argument");
            return NULL;
        }
        if (kr) {
            if (r) {
                ft_err_set_string(ft_exc_TypeError,
                                  "argument for complex() given by name ('real') and position (1)");
                return NULL;
            }
            r = kr;
        }
        if (ki) {
            if (i) {
                ft_err_set_string(ft_exc_TypeError,
                                  "argument for complex() given by name ('imag') and position (2)");
                return NULL;
            }
            i = ki;
        }
    }
    cval result = {0.0, 0.0};
    if (r && ft_str_check(r)) {
        if (i) {
            ft_err_set_string(ft_exc_TypeError,
                              "complex() can't take second arg if first is a string");
            return NULL;
        }
        FtObject *c = complex_from_string(r);
        if (!c || type == &ft_complex_type)
            return c;
        result = CVAL(c);
        FT_DECREF(c);
    } else {
        if (i && ft_str_check(i)) {
            ft_err_set_string(ft_exc_TypeError, "complex() second arg can't be a string");
            return NULL;
        }
        cval a = {0.0, 0.0}, b = {0.0, 0.0};
        if (r && arg_to_cval(r, &a, "first argument must be a string or a number") < 0)
            return NULL;
        if (i && arg_to_cval(i, &b, "second argument must be a number") < 0)
            return NULL;
        /* (a.real + a.imag j) + (b.real + b.imag j) j, touching a part only when the
         * operand was complex (so that signed zeros survive, as in CPython) */
        result.real = a.real;
        result.imag = b.real;
        if (i && complex_check(i))
            result.real -= b.imag;
        if (r && complex_check(r)) {
            if (i)
                result.imag += a.imag;
            else
                result.imag = a.imag;
        }
        if (r && complex_check(r) && !i && type == &ft_complex_type && FT_TYPE(r) == &ft_complex_type)
            return FT_NEWREF(r);
    }
    if (type == &ft_complex_type)
        return complex_from(result);
    FtObject *o = type->tp_alloc(type, 0);
    if (o) {
        ((FtComplex *)o)->real = result.real;
        ((FtComplex *)o)->imag = result.imag;
    }
    return o;
}

static void complex_dealloc(FtObject *o) {
    FtType *tp = FT_TYPE(o);
    tp->tp_free(o);
    if (tp->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(tp);
}

static FtObject *complex_conjugate(FtObject *self, FtObject *unused) {
    cval c = CVAL(self);
    return complex_from((cval){c.real, -c.imag});
}

static FtObject *complex_getnewargs(FtObject *self, FtObject *unused) {
    cval c = CVAL(self);
    FtObject *a = ft_float_from_double(c.real), *b = a ? ft_float_from_double(c.imag) : NULL;
    FtObject *t = b ? ft_tuple_pack(2, a, b) : NULL;
    FT_XDECREF(a);
    FT_XDECREF(b);
    return t;
}

static FtObject *complex_complex(FtObject *self, FtObject *unused) { return complex_pos(self); }

/* Insert a thousands separator into the leading run of digits of s (a number without sign). */
static char *group_digits(char *s, char sep) {
    size_t n = 0;
    while (s[n] >= '0' && s[n] <= '9')
        n++;
    if (n <= 3)
        return s;
    size_t extra = (n - 1) / 3, len = strlen(s);
    char *r = ft_mem_alloc(len + extra + 1);
    if (!r) {
        ft_mem_free(s);
        return NULL;
    }
    char *w = r;
    for (size_t i = 0; i < n; i++) {
        if (i && (n - i) % 3 == 0)
            *w++ = sep;
        *w++ = s[i];
    }
    strcpy(w, s + n);
    ft_mem_free(s);
    return r;
}

static char *format_part(double v, char type, int precision, int flags, char sign, char grouping) {
    if (sign == '+')
        flags |= FT_DTOA_SIGN;
    char *t = ft_double_to_string(v, type, precision, flags, NULL);
    if (!t)
        return NULL;
    char lead = (t[0] == '-' || t[0] == '+') ? t[0] : 0;
    if (grouping) {
        char *body = ft_mem_strdup(t + (lead ? 1 : 0));
        ft_mem_free(t);
        if (!body || !(body = group_digits(body, grouping)))
            return NULL;
        t = ft_mem_alloc(strlen(body) + 2);
        if (!t) {
            ft_mem_free(body);
            return NULL;
        }
        t[0] = lead;
        strcpy(t + (lead ? 1 : 0), body);
        ft_mem_free(body);
    }
    if (sign == ' ' && !lead) {
        char *r = ft_mem_alloc(strlen(t) + 2);
        if (r) {
            r[0] = ' ';
            strcpy(r + 1, t);
        }
        ft_mem_free(t);
        t = r;
    }
    return t;
}

/* complex.__format__: CPython's format_complex_internal. */
static FtObject *complex_format(FtObject *self, FtObject *spec) {
    if (!ft_str_check(spec)) {
        ft_err_format(ft_exc_TypeError, "__format__() argument must be str, not %s",
                      FT_TYPE(spec)->tp_name);
        return NULL;
    }
    ssize_t n = FT_STR_LEN(spec), i = 0;
    if (n == 0)
        return ft_object_str(self);
#define AT(k) ((k) < n ? ft_str_read(spec, (k)) : 0)
#define IS_ALIGN(c) ((c) == '<' || (c) == '>' || (c) == '^' || (c) == '=')
    uint32_t fill = ' ', align = '>';
    if (n >= 2 && IS_ALIGN(AT(1))) {
        fill = AT(0);
        align = AT(1);
        i = 2;
    } else if (IS_ALIGN(AT(0))) {
        align = AT(0);
        i = 1;
    }
    char sign = 0, grouping = 0;
    bool no_neg_0 = false, alt = false, zero = false;
    if (AT(i) == '+' || AT(i) == '-' || AT(i) == ' ')
        sign = (char)AT(i), i++;
    if (AT(i) == 'z') {
        no_neg_0 = true;
        i++;
    }
    if (AT(i) == '#') {
        alt = true;
        i++;
    }
    if (AT(i) == '0') {
        zero = true;
        i++;
    }
    ssize_t width = 0;
    while (AT(i) >= '0' && AT(i) <= '9') {
        if (width > (PTRDIFF_MAX - 9) / 10) {
            ft_err_set_string(ft_exc_ValueError, "Too many decimal digits in format string");
            return NULL;
        }
        width = width * 10 + (AT(i) - '0'), i++;
    }
    if (AT(i) == ',' || AT(i) == '_')
        grouping = (char)AT(i), i++;
    int precision = -1;
    if (AT(i) == '.') {
        i++;
        if (!(AT(i) >= '0' && AT(i) <= '9')) {
            ft_err_set_string(ft_exc_ValueError, "Format specifier missing precision");
            return NULL;
        }
        precision = 0;
        while (AT(i) >= '0' && AT(i) <= '9') {
            if (precision > (INT32_MAX - 9) / 10) {
                ft_err_set_string(ft_exc_ValueError, "Too many decimal digits in format string");
                return NULL;
            }
            precision = precision * 10 + (int)(AT(i) - '0'), i++;
        }
    }
    char type = 0;
    if (i < n)
        type = (char)AT(i), i++;
    if (i < n) {
        ft_err_set_string(ft_exc_ValueError, "Invalid format specifier");
        return NULL;
    }
#undef AT
#undef IS_ALIGN
    if (zero) {
        ft_err_set_string(ft_exc_ValueError, "Zero padding is not allowed in complex format specifier");
        return NULL;
    }
    if (align == '=') {
        ft_err_set_string(ft_exc_ValueError,
                          "'=' alignment flag is not allowed in complex format specifier");
        return NULL;
    }
    if (type && !strchr("eEfFgGn", type)) {
        ft_err_format(ft_exc_ValueError, "Unknown format code '%c' for object of type 'complex'",
                      type);
        return NULL;
    }
    cval c = CVAL(self);
    bool skip_re = false, add_parens = false;
    int default_precision = 6;
    if (type == 0) {
        type = 'r';
        default_precision = 0;
        if (c.real == 0.0 && copysign(1.0, c.real) == 1.0)
            skip_re = true;
        else
            add_parens = true;
    } else if (type == 'n') {
        type = 'g';
    }
    if (precision < 0)
        precision = default_precision;
    else if (type == 'r')
        type = 'g';
    int flags = (alt ? FT_DTOA_ALT : 0) | (no_neg_0 ? FT_DTOA_NO_NEG_0 : 0);
    char *re = skip_re ? NULL : format_part(c.real, type, precision, flags, sign, grouping);
    char *im = format_part(c.imag, type, precision, flags, skip_re ? sign : '+', grouping);
    FtObject *result = NULL;
    if (im && (skip_re || re)) {
        FtStrBuilder sb;
        ft_sb_init(&sb);
        size_t body = strlen(im) + 1 + (re ? strlen(re) : 0) + (add_parens ? 2 : 0);
        ssize_t pad = width > (ssize_t)body ? width - (ssize_t)body : 0;
        ssize_t left = align == '<' ? 0 : align == '^' ? pad / 2 : pad;
        int rc = 0;
        for (ssize_t k = 0; k < left && rc == 0; k++)
            rc = ft_sb_append_char(&sb, fill);
        if (rc == 0 && add_parens)
            rc = ft_sb_append_char(&sb, '(');
        if (rc == 0 && re)
            rc = ft_sb_append_cstr(&sb, re);
        if (rc == 0)
            rc = ft_sb_append_cstr(&sb, im);
        if (rc == 0)
            rc = ft_sb_append_char(&sb, 'j');
        if (rc == 0 && add_parens)
            rc = ft_sb_append_char(&sb, ')');
        for (ssize_t k = left; k < pad && rc == 0; k++)
            rc = ft_sb_append_char(&sb, fill);
        if (rc == 0)
            result = ft_sb_finish(&sb);
        else
            ft_sb_discard(&sb);
    }
    ft_mem_free(re);
    ft_mem_free(im);
    return result;
}

static FtMethodDef complex_methods[] = {
    {"conjugate", (void *)complex_conjugate, FT_METH_NOARGS, "Return the complex conjugate of its argument. (3-4j).conjugate() == 3+4j."},
    {"__getnewargs__", (void *)complex_getnewargs, FT_METH_NOARGS, NULL},
    {"__complex__", (void *)complex_complex, FT_METH_NOARGS, "Convert this value to exact type complex."},
    {"__format__", (void *)complex_format, FT_METH_O, "Convert to a string according to format_spec."},
    {NULL, NULL, 0, NULL},
};

static FtMemberDef complex_members[] = {
    {"real", FT_T_DOUBLE, offsetof(FtComplex, real), FT_READONLY, "the real part of a complex number"},
    {"imag", FT_T_DOUBLE, offsetof(FtComplex, imag), FT_READONLY, "the imaginary part of a complex number"},
    {NULL, 0, 0, 0, NULL},
};

static FtNumberMethods complex_as_number = {
    .nb_add = complex_add,
    .nb_subtract = complex_sub,
    .nb_multiply = complex_mul,
    .nb_power = complex_pow,
    .nb_negative = complex_neg,
    .nb_positive = complex_pos,
    .nb_absolute = complex_abs,
    .nb_bool = complex_bool,
    .nb_true_divide = complex_div,
};

FtType ft_complex_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "complex",
    .tp_basicsize = sizeof(FtComplex),
    .tp_dealloc = complex_dealloc,
    .tp_repr = complex_repr,
    .tp_as_number = &complex_as_number,
    .tp_hash = complex_hash,
    .tp_flags = FT_TPFLAGS_DEFAULT | FT_TPFLAGS_BASETYPE,
    .tp_doc = "Create a complex number from a real part and an optional imaginary part.",
    .tp_richcompare = complex_richcompare,
    .tp_methods = complex_methods,
    .tp_members = complex_members,
    .tp_new = complex_new,
};

int ft_complex_init(void);
int ft_complex_init(void) { return ft_type_ready(&ft_complex_type); }
