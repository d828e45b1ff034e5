/* The math module: CPython 3.11's functions and constants, with its special-value rules and
 * its error messages ("math domain error" -> ValueError, "math range error" ->
 * OverflowError). Integer functions (factorial, gcd, lcm, comb, perm, isqrt) work on
 * arbitrary-precision ints through the ft_int_* API. */
#include "core/object.h"
#include "runtime/import.h"

#include <errno.h>
#include <float.h>
#include <math.h>
#include <string.h>

static FtObject *domain_error(void) {
    ft_err_set_string(ft_exc_ValueError, "math domain error");
    return NULL;
}
static FtObject *range_error(void) {
    ft_err_set_string(ft_exc_OverflowError, "math range error");
    return NULL;
}

static int as_double(FtObject *o, double *x) {
    if (ft_float_check_exact(o)) {
        *x = FT_FLOAT_VALUE(o);
        return 0;
    }
    *x = ft_float_as_double(o);
    if (*x == -1.0 && ft_err_occurred())
        return -1;
    return 0;
}

/* CPython's is_error(): errno set by a libm call -> exception; 1 if raised. */
static int is_error(double r) {
    if (errno == EDOM) {
        domain_error();
        return 1;
    }
    if (errno == ERANGE) {
        if (fabs(r) < 1.5) /* underflow: not an error */
            return 0;
        range_error();
        return 1;
    }
    return 0;
}

/* math_1: nan from non-nan is a domain error, inf from finite overflow or a singularity. */
static FtObject *math_1(FtObject *arg, double (*func)(double), bool can_overflow) {
    double x;
    if (as_double(arg, &x) < 0)
        return NULL;
    errno = 0;
    double r = func(x);
    if (isnan(r) && !isnan(x))
        return domain_error();
    if (isinf(r) && isfinite(x))
        return can_overflow ? range_error() : domain_error();
    if (isfinite(r) && errno && is_error(r))
        return NULL;
    return ft_float_from_double(r);
}

#define FUNC1(name, func, can_overflow)                                   \
    static FtObject *math_##name(FtObject *m, FtObject *arg) {            \
        return math_1(arg, func, can_overflow);                           \
    }

FUNC1(acos, acos, false)
FUNC1(acosh, acosh, false)
FUNC1(asin, asin, false)
FUNC1(asinh, asinh, false)
FUNC1(atan, atan, false)
FUNC1(atanh, atanh, false)
FUNC1(cbrt, cbrt, false)
FUNC1(cos, cos, false)
FUNC1(cosh, cosh, true)
FUNC1(exp, exp, true)
FUNC1(exp2, exp2, true)
FUNC1(expm1, expm1, true)
FUNC1(fabs, fabs, false)
FUNC1(log1p, log1p, false)
FUNC1(sin, sin, false)
FUNC1(sinh, sinh, true)
FUNC1(sqrt, sqrt, false)
FUNC1(tan, tan, false)
FUNC1(tanh, tanh, false)

static FtObject *math_erf(FtObject *m, FtObject *arg) {
    double x;
    if (as_double(arg, &x) < 0)
        return NULL;
    return ft_float_from_double(erf(x));
}
static FtObject *math_erfc(FtObject *m, FtObject *arg) {
    double x;
    if (as_double(arg, &x) < 0)
        return NULL;
    return ft_float_from_double(erfc(x));
}

/* gamma and lgamma: CPython's own Lanczos approximation (not libm's), so that results agree
 * with CPython to the last bit. */
#define LANCZOS_N 13
static const double lanczos_g = 6.024680040776729583740234375;
static const double lanczos_g_minus_half = 5.524680040776729583740234375;
static const double lanczos_num_coeffs[LANCZOS_N] = {
    23531376880.410759688572007674451636754734846804940,
    42919803642.649098768957899047001988850926355848959,
    35711959237.355668049440185451547166705960488635843,
    17921034426.037209699919755754458931112671403265390,
    6039542586.3520280050642916443072979210699388420708,
    1439720407.3117216736632230727949123939715485786772,
    248874557.86205415651146038641322942321632125127801,
    31426415.585400194380614231628318205362874684987640,
    2876370.6289353724412254090516208496135991145378768,
    186056.26539522349504029498971604569928220784236328,
    8071.6720023658162106380029022722506138218516325024,
    210.82427775157934587250973392071336271166969580291,
    2.5066282746310002701649081771338373386264310793408,
};
static const double lanczos_den_coeffs[LANCZOS_N] = {
    0.0, 39916800.0, 120543840.0, 150917976.0, 105258076.0, 45995730.0,
    13339535.0, 2637558.0, 357423.0, 32670.0, 1925.0, 66.0, 1.0};
#define NGAMMA_INTEGRAL 23
static const double gamma_integral[NGAMMA_INTEGRAL] = {
    1.0, 1.0, 2.0, 6.0, 24.0, 120.0, 720.0, 5040.0, 40320.0, 362880.0,
    3628800.0, 39916800.0, 479001600.0, 6227020800.0, 87178291200.0,
    1307674368000.0, 20922789888000.0, 355687428096000.0,
    6402373705728000.0, 121645100408832000.0, 2432902008176640000.0,
    51090942171709440000.0, 1124000727777607680000.0,
};
static const double pi = 3.141592653589793238462643383279502884197;
static const double logpi = 1.144729885849400174143427351353058711647;

static double lanczos_sum(double x) {
    double num = 0.0, den = 0.0;
    if (x < 5.0) {
        for (int i = LANCZOS_N; --i >= 0;) {
            num = num * x + lanczos_num_coeffs[i];
            den = den * x + lanczos_den_coeffs[i];
        }
    } else {
        for (int i = 0; i < LANCZOS_N; i++) {
            num = num / x + lanczos_num_coeffs[i];
            den = den / x + lanczos_den_coeffs[i];
        }
    }
    return num / den;
}

static double m_sinpi(double x) {
    double y = fmod(fabs(x), 2.0), r;
    int n = (int)round(2.0 * y);
    switch (n) {
    case 0: r = sin(pi * y); break;
    case 1: r = cos(pi * (y - 0.5)); break;
    case 2: r = sin(pi * (1.0 - y)); break;
    case 3: r = -cos(pi * (y - 1.5)); break;
    default: r = sin(pi * (y - 2.0)); break;
    }
    return copysign(1.0, x) * r;
}

static double m_tgamma(double x) {
    double absx, r, y, z, sqrtpow;
    if (!isfinite(x)) {
        if (isnan(x) || x > 0.0)
            return x;
        errno = EDOM;
        return NAN;
    }
    if (x == 0.0) {
        errno = EDOM;
        return copysign(HUGE_VAL, x);
    }
    if (x == floor(x)) {
        if (x < 0.0) {
            errno = EDOM;
            return NAN;
        }
        if (x <= NGAMMA_INTEGRAL)
            return gamma_integral[(int)x - 1];
    }
    absx = fabs(x);
    if (absx < 1e-20) {
        r = 1.0 / x;
        if (isinf(r))
            errno = ERANGE;
        return r;
    }
    if (absx > 200.0) {
        if (x < 0.0)
            return 0.0 / m_sinpi(x);
        errno = ERANGE;
        return HUGE_VAL;
    }
    y = absx + lanczos_g_minus_half;
    if (absx > lanczos_g_minus_half) {
        volatile double q = y - absx;
        z = q - lanczos_g_minus_half;
    } else {
        volatile double q = y - lanczos_g_minus_half;
        z = q - absx;
    }
    z = z * lanczos_g / y;
    if (x < 0.0) {
        r = -pi / m_sinpi(absx) / absx * exp(y) / lanczos_sum(absx);
        r -= z * r;
        if (absx < 140.0) {
            r /= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r /= sqrtpow;
            r /= sqrtpow;
        }
    } else {
        r = lanczos_sum(absx) / exp(y);
        r += z * r;
        if (absx < 140.0) {
            r *= pow(y, absx - 0.5);
        } else {
            sqrtpow = pow(y, absx / 2.0 - 0.25);
            r *= sqrtpow;
            r *= sqrtpow;
        }
    }
    if (isinf(r))
        errno = ERANGE;
    return r;
}

static double m_lgamma(double x) {
    if (!isfinite(x))
        return isnan(x) ? x : HUGE_VAL;
    if (x == floor(x) && x <= 2.0) {
        if (x <= 0.0) {
            errno = EDOM;
            return HUGE_VAL;
        }
        return 0.0;
    }
    double absx = fabs(x);
    if (absx < 1e-20)
        return -log(absx);
    double r = log(lanczos_sum(absx)) - lanczos_g;
    r += (absx - 0.5) * (log(absx + lanczos_g - 0.5) - 1);
    if (x < 0.0)
        r = logpi - log(fabs(m_sinpi(absx))) - log(absx) - r;
    if (isinf(r))
        errno = ERANGE;
    return r;
}

/* math_1a: the function reports errors through errno itself */
static FtObject *math_1a(FtObject *arg, double (*func)(double)) {
    double x;
    if (as_double(arg, &x) < 0)
        return NULL;
    errno = 0;
    double r = func(x);
    if (errno && is_error(r))
        return NULL;
    return ft_float_from_double(r);
}

static FtObject *math_gamma(FtObject *m, FtObject *arg) { return math_1a(arg, m_tgamma); }
static FtObject *math_lgamma(FtObject *m, FtObject *arg) { return math_1a(arg, m_lgamma); }

/* ---- logarithms ------------------------------------------------------------------------ */

/* log of any positive real, ints of any size included; func is log, log2 or log10. */
static int log_value(FtObject *arg, double (*func)(double), double *out) {
    if (ft_int_check(arg)) {
        if (ft_int_sign(arg) <= 0) {
            domain_error();
            return -1;
        }
        double x = ft_int_as_double(arg);
        if (x == -1.0 && ft_err_occurred()) {
            if (!ft_err_matches(ft_exc_OverflowError))
                return -1;
            ft_err_clear();
            /* too big for a double: log(m * 2**e) = log(m) + e*log(2), as CPython */
            int64_t e;
            double m = ft_int_frexp(arg, &e);
            *out = func(m) + func(2.0) * (double)e;
            return 0;
        }
        *out = func(x);
        return 0;
    }
    double x;
    if (as_double(arg, &x) < 0)
        return -1;
    if (isnan(x)) {
        *out = x;
        return 0;
    }
    if (x <= 0 || (isinf(x) && x < 0)) {
        domain_error();
        return -1;
    }
    *out = func(x);
    return 0;
}

static FtObject *math_log(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (nargs < 1 || nargs > 2) {
        ft_err_set_string(ft_exc_TypeError, "math.log requires 1 to 2 arguments");
        return NULL;
    }
    double num, den;
    if (log_value(args[0], log, &num) < 0)
        return NULL;
    if (nargs == 1)
        return ft_float_from_double(num);
    if (log_value(args[1], log, &den) < 0)
        return NULL;
    if (den == 0.0) {
        ft_err_set_string(ft_exc_ZeroDivisionError, "float division by zero");
        return NULL;
    }
    return ft_float_from_double(num / den);
}

static FtObject *math_log2(FtObject *m, FtObject *arg) {
    double r;
    return log_value(arg, log2, &r) < 0 ? NULL : ft_float_from_double(r);
}
static FtObject *math_log10(FtObject *m, FtObject *arg) {
    double r;
    return log_value(arg, log10, &r) < 0 ? NULL : ft_float_from_double(r);
}

/* ---- two-argument float functions ------------------------------------------------------ */

static int two_doubles(const char *name, FtObject *const *args, ssize_t nargs, double *x,
                       double *y) {
    if (ft_check_nargs(name, nargs, 2, 2) < 0)
        return -1;
    if (as_double(args[0], x) < 0 || as_double(args[1], y) < 0)
        return -1;
    return 0;
}

static FtObject *math_atan2(FtObject *m, FtObject *const *args, ssize_t nargs) {
    double y, x;
    if (two_doubles("atan2", args, nargs, &y, &x) < 0)
        return NULL;
    return ft_float_from_double(atan2(y, x));
}

static FtObject *math_copysign(FtObject *m, FtObject *const *args, ssize_t nargs) {
    double x, y;
    if (two_doubles("copysign", args, nargs, &x, &y) < 0)
        return NULL;
    return ft_float_from_double(copysign(x, y));
}

static FtObject *math_fmod(FtObject *m, FtObject *const *args, ssize_t nargs) {
    double x, y;
    if (two_doubles("fmod", args, nargs, &x, &y) < 0)
        return NULL;
    if (isinf(y) && isfinite(x))
        return ft_float_from_double(x);
    if (isnan(x) || isnan(y))
        return ft_float_from_double(NAN);
    if (isinf(x) || y == 0.0)
        return domain_error();
    return ft_float_from_double(fmod(x, y));
}

static FtObject *math_remainder(FtObject *m, FtObject *const *args, ssize_t nargs) {
    double x, y;
    if (two_doubles("remainder", args, nargs, &x, &y) < 0)
        return NULL;
    if (isnan(x))
        return ft_float_from_double(x);
    if (isnan(y))
        return ft_float_from_double(y);
    if (isinf(x) || y == 0.0)
        return domain_error();
    if (isinf(y))
        return ft_float_from_double(x);
    return ft_float_from_double(remainder(x, y));
}

static FtObject *math_pow(FtObject *m, FtObject *const *args, ssize_t nargs) {
    double x, y, r = 0.0;
    if (two_doubles("pow", args, nargs, &x, &y) < 0)
        return NULL;
    errno = 0;
    if (!isfinite(x) || !isfinite(y)) {
        if (isnan(x))
            r = y == 0. ? 1. : x;
        else if (isnan(y))
            r = x == 1. ? 1. : y;
        else if (isinf(x)) {
            bool odd_y = isfinite(y) && fmod(fabs(y), 2.0) == 1.0;
            if (y > 0.)
                r = odd_y ? x : fabs(x);
            else if (y == 0.)
                r = 1.;
            else
                r = odd_y ? copysign(0., x) : 0.;
        } else {
            if (fabs(x) == 1.0)
                r = 1.;
            else if (y > 0. && fabs(x) > 1.0)
                r = y;
            else if (y < 0. && fabs(x) < 1.0)
                r = -y;
            else
                r = 0.;
        }
    } else {
        r = pow(x, y);
        if (!isfinite(r)) {
            if (isnan(r))
                errno = EDOM;
            else if (x == 0.)
                errno = EDOM;
            else
                errno = ERANGE;
        }
    }
    if (errno && is_error(r))
        return NULL;
    return ft_float_from_double(r);
}

static FtObject *math_ldexp(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("ldexp", nargs, 2, 2) < 0)
        return NULL;
    double x;
    if (as_double(args[0], &x) < 0)
        return NULL;
    if (!ft_int_check(args[1])) {
        ft_err_set_string(ft_exc_TypeError, "Expected an int as second argument to ldexp.");
        return NULL;
    }
    int ovf;
    int64_t e = ft_int_as_i64(args[1], &ovf);
    if (ovf)
        e = ovf > 0 ? INT64_MAX : INT64_MIN;
    if (x == 0.0 || !isfinite(x))
        return ft_float_from_double(x);
    double r;
    if (e > INT32_MAX)
        r = copysign(HUGE_VAL, x);
    else if (e < INT32_MIN)
        r = copysign(0.0, x);
    else
        r = ldexp(x, (int)e);
    if (isinf(r))
        return range_error();
    return ft_float_from_double(r);
}

static FtObject *math_modf(FtObject *m, FtObject *arg) {
    double x;
    if (as_double(arg, &x) < 0)
        return NULL;
    double ip, fp;
    if (isinf(x)) {
        ip = x;
        fp = copysign(0.0, x);
    } else {
        fp = modf(x, &ip);
    }
    FtObject *a = ft_float_from_double(fp), *b = a ? ft_float_from_double(ip) : NULL;
    FtObject *t = b ? ft_tuple_pack(2, a, b) : NULL;
    FT_XDECREF(a);
    FT_XDECREF(b);
    return t;
}

static FtObject *math_frexp(FtObject *m, FtObject *arg) {
    double x;
    if (as_double(arg, &x) < 0)
        return NULL;
    int e = 0;
    double mant = x;
    if (isfinite(x) && x != 0.0)
        mant = frexp(x, &e);
    FtObject *a = ft_float_from_double(mant), *b = a ? ft_int_from_i64(e) : NULL;
    FtObject *t = b ? ft_tuple_pack(2, a, b) : NULL;
    FT_XDECREF(a);
    FT_XDECREF(b);
    return t;
}

static FtObject *math_degrees(FtObject *m, FtObject *arg) {
    double x;
    if (as_double(arg, &x) < 0)
        return NULL;
    return ft_float_from_double(x * (180.0 / M_PI));
}
static FtObject *math_radians(FtObject *m, FtObject *arg) {
    double x;
    if (as_double(arg, &x) < 0)
        return NULL;
    return ft_float_from_double(x * (M_PI / 180.0));
}

static FtObject *pred(FtObject *arg, int which) {
    double x;
    if (as_double(arg, &x) < 0)
        return NULL;
    return ft_bool_from(which == 0 ? isfinite(x) : which == 1 ? isinf(x) : isnan(x));
}
static FtObject *math_isfinite(FtObject *m, FtObject *arg) { return pred(arg, 0); }
static FtObject *math_isinf(FtObject *m, FtObject *arg) { return pred(arg, 1); }
static FtObject *math_isnan(FtObject *m, FtObject *arg) { return pred(arg, 2); }

static FtObject *math_isclose(FtObject *m, FtObject *const *args, ssize_t nargs, FtObject *kwnames) {
    static const char *const kwlist[] = {"a", "b", "rel_tol", "abs_tol", NULL};
    FtObject *a[4] = {NULL, NULL, NULL, NULL};
    if (ft_parse_args("isclose", args, nargs, kwnames, kwlist, 0, 2, 2, a) < 0)
        return NULL;
    double x, y, rel_tol = 1e-09, abs_tol = 0.0;
    if (as_double(a[0], &x) < 0 || as_double(a[1], &y) < 0)
        return NULL;
    if (a[2] && as_double(a[2], &rel_tol) < 0)
        return NULL;
    if (a[3] && as_double(a[3], &abs_tol) < 0)
        return NULL;
    if (rel_tol < 0.0 || abs_tol < 0.0) {
        ft_err_set_string(ft_exc_ValueError, "tolerances must be non-negative");
        return NULL;
    }
    if (x == y)
        FT_RETURN_TRUE;
    if (isinf(x) || isinf(y))
        FT_RETURN_FALSE;
    double diff = fabs(y - x);
    return ft_bool_from((diff <= fabs(rel_tol * y)) || (diff <= fabs(rel_tol * x)) ||
                        (diff <= abs_tol));
}

static FtObject *math_nextafter(FtObject *m, FtObject *const *args, ssize_t nargs) {
    double x, y;
    if (two_doubles("nextafter", args, nargs, &x, &y) < 0)
        return NULL;
    return ft_float_from_double(nextafter(x, y));
}

static FtObject *math_ulp(FtObject *m, FtObject *arg) {
    double x;
    if (as_double(arg, &x) < 0)
        return NULL;
    if (isnan(x))
        return ft_float_from_double(x);
    x = fabs(x);
    if (isinf(x))
        return ft_float_from_double(x);
    double x2 = nextafter(x, INFINITY);
    if (isinf(x2)) {
        x2 = nextafter(x, -INFINITY);
        return ft_float_from_double(x - x2);
    }
    return ft_float_from_double(x2 - x);
}

/* ---- floor, ceil, trunc ------------------------------------------------------------------ */

static FtObject *round_via(FtObject *arg, FtObject *name, double (*func)(double)) {
    if (ft_float_check_exact(arg))
        return ft_int_from_double(func(FT_FLOAT_VALUE(arg)));
    if (ft_int_check_exact(arg))
        return FT_NEWREF(arg);
    FtObject *meth = ft_type_lookup(FT_TYPE(arg), name);
    if (meth)
        return ft_object_call_method(arg, name, NULL, 0);
    double x;
    if (as_double(arg, &x) < 0)
        return NULL;
    return ft_int_from_double(func(x));
}

static FtObject *math_floor(FtObject *m, FtObject *arg) { return round_via(arg, FT_ID(__floor__), floor); }
static FtObject *math_ceil(FtObject *m, FtObject *arg) { return round_via(arg, FT_ID(__ceil__), ceil); }

static FtObject *math_trunc(FtObject *m, FtObject *arg) {
    if (ft_float_check_exact(arg))
        return ft_int_from_double(FT_FLOAT_VALUE(arg));
    if (ft_int_check_exact(arg))
        return FT_NEWREF(arg);
    FtObject *meth = ft_type_lookup(FT_TYPE(arg), FT_ID(__trunc__));
    if (!meth) {
        ft_err_format(ft_exc_TypeError, "type %s doesn't define __trunc__ method",
                      FT_TYPE(arg)->tp_name);
        return NULL;
    }
    return ft_object_call_method(arg, FT_ID(__trunc__), NULL, 0);
}

/* ---- hypot, dist: CPython's vector_norm (accurate to within 1 ulp) -------------------------- */

typedef struct { double hi, lo; } DoubleLength;

static DoubleLength dl_fast_sum(double a, double b) {
    double x = a + b, z = x - a, y = b - z;
    return (DoubleLength){x, y};
}
static DoubleLength dl_mul(double x, double y) {
    double z = x * y;
    return (DoubleLength){z, fma(x, y, -z)};
}

static double vector_norm(ssize_t n, double *vec, double max, bool found_nan) {
    if (isinf(max))
        return max;
    if (found_nan)
        return NAN;
    if (max == 0.0 || n <= 1)
        return max;
    int max_e;
    frexp(max, &max_e);
    if (max_e < -1023) {
        for (ssize_t i = 0; i < n; i++)
            vec[i] /= DBL_MIN;
        return DBL_MIN * vector_norm(n, vec, max / DBL_MIN, found_nan);
    }
    double scale = ldexp(1.0, -max_e), csum = 1.0, frac1 = 0.0, frac2 = 0.0;
    for (ssize_t i = 0; i < n; i++) {
        double x = vec[i] * scale;
        DoubleLength pr = dl_mul(x, x);
        DoubleLength sm = dl_fast_sum(csum, pr.hi);
        csum = sm.hi;
        frac1 += pr.lo;
        frac2 += sm.lo;
    }
    double h = sqrt(csum - 1.0 + (frac1 + frac2));
    DoubleLength pr = dl_mul(-h, h);
    DoubleLength sm = dl_fast_sum(csum, pr.hi);
    csum = sm.hi;
    frac1 += pr.lo;
    frac2 += sm.lo;
    double x = csum - 1.0 + (frac1 + frac2);
    h += x / (2.0 * h);
    return h / scale;
}

static FtObject *math_hypot(FtObject *m, FtObject *const *args, ssize_t nargs) {
    double small[16], *v = nargs <= 16 ? small : ft_mem_alloc((size_t)nargs * sizeof(double));
    if (!v)
        return NULL;
    double max = 0.0;
    bool found_nan = false;
    for (ssize_t i = 0; i < nargs; i++) {
        double x;
        if (as_double(args[i], &x) < 0) {
            if (v != small)
                ft_mem_free(v);
            return NULL;
        }
        x = fabs(x);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    double r = vector_norm(nargs, v, max, found_nan);
    if (v != small)
        ft_mem_free(v);
    return ft_float_from_double(r);
}

static FtObject *math_dist(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("dist", nargs, 2, 2) < 0)
        return NULL;
    FtObject *p = args[0], *q = args[1];
    if (!ft_tuple_check(p)) {
        p = ft_sequence_tuple(p);
        if (!p)
            return NULL;
    } else {
        FT_INCREF(p);
    }
    if (!ft_tuple_check(q)) {
        q = ft_sequence_tuple(q);
        if (!q) {
            FT_DECREF(p);
            return NULL;
        }
    } else {
        FT_INCREF(q);
    }
    FtObject *result = NULL;
    ssize_t n = FT_SIZE(p);
    double *v = NULL;
    if (n != FT_SIZE(q)) {
        ft_err_set_string(ft_exc_ValueError, "both points must have the same number of dimensions");
        goto done;
    }
    v = ft_mem_alloc((size_t)(n ? n : 1) * sizeof(double));
    if (!v)
        goto done;
    double max = 0.0;
    bool found_nan = false;
    for (ssize_t i = 0; i < n; i++) {
        double x, y;
        if (as_double(FT_TUPLE_GET(p, i), &x) < 0 || as_double(FT_TUPLE_GET(q, i), &y) < 0)
            goto done;
        x = fabs(x - y);
        v[i] = x;
        found_nan |= isnan(x);
        if (x > max)
            max = x;
    }
    result = ft_float_from_double(vector_norm(n, v, max, found_nan));
done:
    ft_mem_free(v);
    FT_DECREF(p);
    FT_DECREF(q);
    return result;
}

/* ---- fsum: Shewchuk's exact summation, as CPython's math_fsum --------------------------- */

static FtObject *math_fsum(FtObject *m, FtObject *seq) {
    FtObject *it = ft_object_getiter(seq);
    if (!it)
        return NULL;
    double ps_small[32], *p = ps_small;
    ssize_t n = 0, m_cap = 32;
    double special_sum = 0.0, inf_sum = 0.0, sum;
    FtObject *result = NULL;
    for (;;) {
        FtObject *item = ft_iter_next(it);
        if (!item) {
            if (ft_err_occurred())
                goto done;
            break;
        }
        double x;
        int rc = as_double(item, &x);
        FT_DECREF(item);
        if (rc < 0)
            goto done;
        double xsave = x;
        ssize_t i = 0;
        for (ssize_t j = 0; j < n; j++) {
            double y = p[j];
            if (fabs(x) < fabs(y)) {
                double t = x;
                x = y;
                y = t;
            }
            double hi = x + y;
            double lo = y - (hi - x);
            if (lo != 0.0)
                p[i++] = lo;
            x = hi;
        }
        n = i;
        if (x != 0.0) {
            if (!isfinite(x)) {
                /* a nonfinite x could arise either from an intermediate overflow or from a
                 * nan or inf in the summands */
                if (isfinite(xsave)) {
                    ft_err_set_string(ft_exc_OverflowError, "intermediate overflow in fsum");
                    goto done;
                }
                if (isinf(xsave))
                    inf_sum += xsave;
                special_sum += xsave;
                n = 0;
            } else {
                if (n >= m_cap) {
                    ssize_t nc = m_cap * 2;
                    double *np = ft_mem_alloc((size_t)nc * sizeof(double));
                    if (!np)
                        goto done;
                    memcpy(np, p, (size_t)n * sizeof(double));
                    if (p != ps_small)
                        ft_mem_free(p);
                    p = np;
                    m_cap = nc;
                }
                p[n++] = x;
            }
        }
    }
    if (special_sum != 0.0) {
        if (isnan(inf_sum)) {
            ft_err_set_string(ft_exc_ValueError, "-inf + inf in fsum");
            goto done;
        }
        result = ft_float_from_double(special_sum);
        goto done;
    }
    sum = 0.0;
    if (n > 0) {
        double hi = p[--n], lo = 0.0, x, y, yr;
        while (n > 0) {
            x = hi;
            y = p[--n];
            hi = x + y;
            yr = hi - x;
            lo = y - yr;
            if (lo != 0.0)
                break;
        }
        /* round-half-even correction */
        if (n > 0 && ((lo < 0.0 && p[n - 1] < 0.0) || (lo > 0.0 && p[n - 1] > 0.0))) {
            y = lo * 2.0;
            x = hi + y;
            yr = x - hi;
            if (y == yr)
                hi = x;
        }
        sum = hi;
    }
    result = ft_float_from_double(sum);
done:
    if (p != ps_small)
        ft_mem_free(p);
    FT_DECREF(it);
    return result;
}

/* ---- integer functions ------------------------------------------------------------------ */

static FtObject *to_index(FtObject *o) { return ft_number_index(o); }

/* product of the integers in [lo, hi) by binary splitting (keeps operands balanced). */
static FtObject *range_product(uint64_t lo, uint64_t hi) {
    if (hi - lo <= 8) {
        FtObject *acc = ft_int_from_u64(lo < hi ? lo : 1);
        for (uint64_t i = lo + 1; acc && i < hi; i++) {
            FtObject *k = ft_int_from_u64(i);
            if (!k) {
                FT_DECREF(acc);
                return NULL;
            }
            FtObject *t = ft_int_mul(acc, k);
            FT_DECREF(k);
            FT_DECREF(acc);
            acc = t;
        }
        return acc;
    }
    uint64_t mid = lo + (hi - lo) / 2;
    FtObject *a = range_product(lo, mid);
    if (!a)
        return NULL;
    FtObject *b = range_product(mid, hi);
    if (!b) {
        FT_DECREF(a);
        return NULL;
    }
    FtObject *r = ft_int_mul(a, b);
    FT_DECREF(a);
    FT_DECREF(b);
    return r;
}

static FtObject *math_factorial(FtObject *m, FtObject *arg) {
    FtObject *n = to_index(arg);
    if (!n)
        return NULL;
    int ovf;
    int64_t v = ft_int_as_i64(n, &ovf);
    int sign = ft_int_sign(n);
    FT_DECREF(n);
    if (sign < 0) {
        ft_err_set_string(ft_exc_ValueError, "factorial() not defined for negative values");
        return NULL;
    }
    if (ovf) {
        ft_err_format(ft_exc_OverflowError, "factorial() argument should not exceed %lld",
                      (long long)INT64_MAX);
        return NULL;
    }
    if (v < 2)
        return ft_int_from_i64(1);
    return range_product(2, (uint64_t)v + 1);
}

static FtObject *int_gcd2(FtObject *a, FtObject *b) {
    FtObject *x = ft_int_abs(a), *y = x ? ft_int_abs(b) : NULL;
    if (!y) {
        FT_XDECREF(x);
        return NULL;
    }
    while (ft_int_sign(y) != 0) {
        if (ft_int_is_compact(x) && ft_int_is_compact(y)) {
            uint64_t u = (uint64_t)ft_int_compact_value(x), w = (uint64_t)ft_int_compact_value(y);
            while (w) {
                uint64_t t = u % w;
                u = w;
                w = t;
            }
            FT_DECREF(x);
            FT_DECREF(y);
            return ft_int_from_u64(u);
        }
        FtObject *r = ft_int_mod(x, y);
        if (!r) {
            FT_DECREF(x);
            FT_DECREF(y);
            return NULL;
        }
        FT_DECREF(x);
        x = y;
        y = r;
    }
    FT_DECREF(y);
    return x;
}

static FtObject *math_gcd(FtObject *m, FtObject *const *args, ssize_t nargs) {
    FtObject *res = ft_int_from_i64(0);
    for (ssize_t i = 0; i < nargs; i++) {
        FtObject *x = to_index(args[i]);
        if (!x) {
            FT_DECREF(res);
            return NULL;
        }
        FtObject *g = int_gcd2(res, x);
        FT_DECREF(x);
        FT_DECREF(res);
        if (!g)
            return NULL;
        res = g;
    }
    return res;
}

static FtObject *math_lcm(FtObject *m, FtObject *const *args, ssize_t nargs) {
    FtObject *res = ft_int_from_i64(1);
    for (ssize_t i = 0; i < nargs; i++) {
        FtObject *x = to_index(args[i]);
        if (!x) {
            FT_DECREF(res);
            return NULL;
        }
        FtObject *next;
        if (ft_int_sign(res) == 0 || ft_int_sign(x) == 0) {
            next = ft_int_from_i64(0);
        } else {
            FtObject *g = int_gcd2(res, x);
            FtObject *q = g ? ft_int_floordiv(x, g) : NULL;
            FtObject *p = q ? ft_int_mul(res, q) : NULL;
            next = p ? ft_int_abs(p) : NULL;
            FT_XDECREF(g);
            FT_XDECREF(q);
            FT_XDECREF(p);
        }
        FT_DECREF(x);
        FT_DECREF(res);
        if (!next)
            return NULL;
        res = next;
    }
    return res;
}

static FtObject *math_isqrt(FtObject *m, FtObject *arg) {
    FtObject *n = to_index(arg);
    if (!n)
        return NULL;
    if (ft_int_sign(n) < 0) {
        FT_DECREF(n);
        ft_err_set_string(ft_exc_ValueError, "isqrt() argument must be nonnegative");
        return NULL;
    }
    if (ft_int_sign(n) == 0)
        return n;
    if (ft_int_is_compact(n)) {
        uint64_t v = (uint64_t)ft_int_compact_value(n);
        uint64_t r = (uint64_t)sqrt((double)v);
        while (r * r > v)
            r--;
        while ((r + 1) * (r + 1) <= v && (r + 1) < ((uint64_t)1 << 32))
            r++;
        FT_DECREF(n);
        return ft_int_from_u64(r);
    }
    /* Newton from above: x = 2**ceil(bits/2); x = (x + n//x) // 2 while it decreases */
    size_t bits = ft_int_bit_length(n);
    FtObject *one = ft_int_from_i64(1);
    FtObject *x = ft_int_lshift_count(one, (bits + 1) / 2);
    FT_DECREF(one);
    while (x) {
        FtObject *q = ft_int_floordiv(n, x);
        FtObject *s = q ? ft_int_add(x, q) : NULL;
        FtObject *y = s ? ft_int_rshift_count(s, 1) : NULL;
        FT_XDECREF(q);
        FT_XDECREF(s);
        if (!y) {
            FT_CLEAR(x);
            break;
        }
        if (ft_int_compare(y, x) >= 0) {
            FT_DECREF(y);
            break;
        }
        FT_DECREF(x);
        x = y;
    }
    FT_DECREF(n);
    return x;
}

/* n and k as non-negative ints (new refs) for comb/perm. */
static int nk_args(FtObject *na, FtObject *ka, FtObject **n, FtObject **k) {
    *n = to_index(na);
    if (!*n)
        return -1;
    *k = to_index(ka);
    if (!*k) {
        FT_DECREF(*n);
        return -1;
    }
    if (ft_int_sign(*n) < 0) {
        ft_err_set_string(ft_exc_ValueError, "n must be a non-negative integer");
        goto fail;
    }
    if (ft_int_sign(*k) < 0) {
        ft_err_set_string(ft_exc_ValueError, "k must be a non-negative integer");
        goto fail;
    }
    return 0;
fail:
    FT_DECREF(*n);
    FT_DECREF(*k);
    return -1;
}

/* prod_{i=0}^{k-1} (n - i), divided step by step by (i+1) when comb. */
static FtObject *falling(FtObject *n, FtObject *k, bool comb) {
    int ovf;
    int64_t kv = ft_int_as_i64(k, &ovf);
    if (ovf) {
        ft_err_format(ft_exc_OverflowError, "%s must not exceed %lld", "k", (long long)INT64_MAX);
        return NULL;
    }
    FtObject *acc = ft_int_from_i64(1);
    for (int64_t i = 0; acc && i < kv; i++) {
        FtObject *iv = ft_int_from_i64(i);
        FtObject *f = iv ? ft_int_sub(n, iv) : NULL;
        FT_XDECREF(iv);
        FtObject *t = f ? ft_int_mul(acc, f) : NULL;
        FT_XDECREF(f);
        FT_DECREF(acc);
        acc = t;
        if (acc && comb) {
            FtObject *d = ft_int_from_i64(i + 1);
            t = d ? ft_int_floordiv(acc, d) : NULL;
            FT_XDECREF(d);
            FT_DECREF(acc);
            acc = t;
        }
    }
    return acc;
}

static FtObject *math_comb(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("comb", nargs, 2, 2) < 0)
        return NULL;
    FtObject *n, *k;
    if (nk_args(args[0], args[1], &n, &k) < 0)
        return NULL;
    FtObject *r = NULL;
    if (ft_int_compare(k, n) > 0) {
        r = ft_int_from_i64(0);
    } else {
        FtObject *nk = ft_int_sub(n, k);
        if (nk) {
            if (ft_int_compare(nk, k) < 0)
                r = falling(n, nk, true);
            else
                r = falling(n, k, true);
            FT_DECREF(nk);
        }
    }
    FT_DECREF(n);
    FT_DECREF(k);
    return r;
}

static FtObject *math_perm(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("perm", nargs, 1, 2) < 0)
        return NULL;
    if (nargs == 1 || args[1] == FT_NONE)
        return math_factorial(m, args[0]);
    FtObject *n, *k;
    if (nk_args(args[0], args[1], &n, &k) < 0)
        return NULL;
    FtObject *r = ft_int_compare(k, n) > 0 ? ft_int_from_i64(0) : falling(n, k, false);
    FT_DECREF(n);
    FT_DECREF(k);
    return r;
}

static FtObject *math_prod(FtObject *m, FtObject *const *args, ssize_t nargs, FtObject *kwnames) {
    static const char *const kwlist[] = {"", "start", NULL};
    FtObject *a[2] = {NULL, NULL};
    if (ft_parse_args("prod", args, nargs, kwnames, kwlist, 1, 1, 1, a) < 0)
        return NULL;
    FtObject *acc = a[1] ? FT_NEWREF(a[1]) : ft_int_from_i64(1);
    FtObject *it = ft_object_getiter(a[0]);
    if (!it) {
        FT_DECREF(acc);
        return NULL;
    }
    for (;;) {
        FtObject *item = ft_iter_next(it);
        if (!item) {
            if (ft_err_occurred())
                FT_CLEAR(acc);
            break;
        }
        FtObject *t = ft_number_binop(acc, item, FT_BINOP_MULTIPLY);
        FT_DECREF(item);
        FT_DECREF(acc);
        acc = t;
        if (!acc)
            break;
    }
    FT_DECREF(it);
    return acc;
}

/* ---- the module ------------------------------------------------------------------------- */

#define O(name, doc) {#name, (void *)math_##name, FT_METH_O, doc}
#define F(name, doc) {#name, (void *)math_##name, FT_METH_FASTCALL, doc}
#define FK(name, doc) {#name, (void *)math_##name, FT_METH_FASTCALL | FT_METH_KEYWORDS, doc}

static FtMethodDef math_methods[] = {
    O(acos, "Return the arc cosine (measured in radians) of x."),
    O(acosh, "Return the inverse hyperbolic cosine of x."),
    O(asin, "Return the arc sine (measured in radians) of x."),
    O(asinh, "Return the inverse hyperbolic sine of x."),
    O(atan, "Return the arc tangent (measured in radians) of x."),
    F(atan2, "Return the arc tangent (measured in radians) of y/x."),
    O(atanh, "Return the inverse hyperbolic tangent of x."),
    O(cbrt, "Return the cube root of x."),
    O(ceil, "Return the ceiling of x as an Integral."),
    F(comb, "Number of ways to choose k items from n items without repetition and without order."),
    F(copysign, "Return a float with the magnitude (absolute value) of x but the sign of y."),
    O(cos, "Return the cosine of x (measured in radians)."),
    O(cosh, "Return the hyperbolic cosine of x."),
    O(degrees, "Convert angle x from radians to degrees."),
    F(dist, "Return the Euclidean distance between two points p and q."),
    O(erf, "Error function at x."),
    O(erfc, "Complementary error function at x."),
    O(exp, "Return e raised to the power of x."),
    O(exp2, "Return 2 raised to the power of x."),
    O(expm1, "Return exp(x)-1."),
    O(fabs, "Return the absolute value of the float x."),
    O(factorial, "Find x!."),
    O(floor, "Return the floor of x as an Integral."),
    F(fmod, "Return fmod(x, y), according to platform C."),
    O(frexp, "Return the mantissa and exponent of x, as pair (m, e)."),
    O(fsum, "Return an accurate floating point sum of values in the iterable seq."),
    O(gamma, "Gamma function at x."),
    F(gcd, "Greatest Common Divisor."),
    F(hypot, "Multidimensional Euclidean distance from the origin to a point."),
    FK(isclose, "Determine whether two floating point numbers are close in value."),
    O(isfinite, "Return True if x is neither an infinity nor a NaN, and False otherwise."),
    O(isinf, "Return True if x is a positive or negative infinity, and False otherwise."),
    O(isnan, "Return True if x is a NaN (not a number), and False otherwise."),
    O(isqrt, "Return the integer part of the square root of the input."),
    F(lcm, "Least Common Multiple."),
    F(ldexp, "Return x * (2**i)."),
    O(lgamma, "Natural logarithm of absolute value of Gamma function at x."),
    F(log, "log(x, [base=math.e])\nReturn the logarithm of x to the given base."),
    O(log10, "Return the base 10 logarithm of x."),
    O(log1p, "Return the natural logarithm of 1+x (base e)."),
    O(log2, "Return the base 2 logarithm of x."),
    O(modf, "Return the fractional and integer parts of x."),
    F(nextafter, "Return the next floating-point value after x towards y."),
    F(perm, "Number of ways to choose k items from n items without repetition and with order."),
    F(pow, "Return x**y (x to the power of y)."),
    FK(prod, "Calculate the product of all the elements in the input iterable."),
    O(radians, "Convert angle x from degrees to radians."),
    F(remainder, "Difference between x and the closest integer multiple of y."),
    O(sin, "Return the sine of x (measured in radians)."),
    O(sinh, "Return the hyperbolic sine of x."),
    O(sqrt, "Return the square root of x."),
    O(tan, "Return the tangent of x (measured in radians)."),
    O(tanh, "Return the hyperbolic tangent of x."),
    O(trunc, "Truncates the Real x to the nearest Integral toward 0."),
    O(ulp, "Return the value of the least significant bit of the float x."),
    {NULL, NULL, 0, NULL},
};

static int math_exec(FtObject *m) {
    static const struct { const char *name; double value; } consts[] = {
        {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", HUGE_VAL}, {"nan", NAN},
    };
    for (size_t i = 0; i < FT_ARRAY_LEN(consts); i++) {
        FtObject *v = ft_float_from_double(consts[i].value);
        if (!v || ft_module_add_object(m, consts[i].name, v) < 0)
            return -1;
    }
    return 0;
}

FtModuleDef ft_math_module_def = {
    .name = "math",
    .doc = "This module provides access to the mathematical functions\n"
           "defined by the C standard.",
    .methods = math_methods,
    .exec = math_exec,
};
