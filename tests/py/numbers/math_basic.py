# The math module: constants and real functions.
import math
print(math.pi, math.e, math.tau, math.inf, math.nan, -math.inf)
for x in [0.0, 0.5, 1.0, 2.0, 10.0, 0.1]:
    print(x, math.sqrt(x), math.exp(x), math.expm1(x), math.log1p(x), math.sin(x), math.cos(x),
          math.tan(x), math.atan(x), math.sinh(x), math.cosh(x), math.tanh(x), math.asinh(x),
          math.erf(x), math.erfc(x), math.fabs(-x), math.degrees(x), math.radians(x))
for x in [0.5, 1.0, 2.0, 8.0, 1000.0, 10**20, 10**400, 2**1000]:
    print(x if x < 10**30 else 'big', math.log(x), math.log2(x), math.log10(x), math.log(x, 3), math.log(x, 10))
print(math.asin(0.5), math.acos(0.5), math.acosh(2.0), math.atanh(0.5), math.atan2(1, -1), math.atan2(-0.0, -1))
print(math.gamma(5), math.gamma(0.5), math.gamma(-1.5), math.lgamma(10), math.lgamma(0.5), math.lgamma(-0.5))
print(math.floor(2.5), math.floor(-2.5), math.ceil(2.5), math.ceil(-2.5), math.trunc(-2.7), math.trunc(2.7))
print(math.floor(10**30), math.ceil(-(10**30)), math.trunc(2**70), type(math.floor(3.0)), math.floor(True))
print(math.floor(1e300) == 10**300, math.ceil(1e-300), math.floor(-1e-300))
print(math.copysign(3, -0.0), math.copysign(-2, 1), math.fmod(7, 3), math.fmod(-7, 3), math.fmod(7, -3))
print(math.remainder(7, 3), math.remainder(-7, 3), math.remainder(5, 2), math.remainder(7, 2))
print(math.modf(3.25), math.modf(-3.25), math.modf(math.inf), math.frexp(8.0), math.frexp(-0.1), math.frexp(0.0))
print(math.ldexp(0.5, 4), math.ldexp(1, -1074), math.ldexp(1, -1080), math.ldexp(-3.0, 10**20 * 0))
print(math.hypot(3, 4), math.hypot(), math.hypot(-5), math.hypot(1, 2, 3), math.hypot(1e200, 1e200), math.hypot(1e-200, 1e-200))
print(math.hypot(math.inf, math.nan), math.hypot(math.nan, 1), math.dist((0, 0), (3, 4)), math.dist([1, 2, 3], [4, 5, 6]))
print(math.isfinite(1.0), math.isfinite(math.inf), math.isinf(-math.inf), math.isnan(math.nan), math.isnan(1))
print(math.isclose(1.0, 1.0 + 1e-10), math.isclose(1.0, 1.1), math.isclose(0.0, 1e-10), math.isclose(0.0, 1e-10, abs_tol=1e-9))
print(math.isclose(math.inf, math.inf), math.isclose(math.inf, 1e308), math.isclose(1, 1.05, rel_tol=0.1))
print(math.pow(2, 10), math.pow(2, -1), math.pow(0, 0), math.pow(math.nan, 0), math.pow(1, math.nan), math.pow(-2, 3))
print(math.pow(math.inf, -1), math.pow(-math.inf, 3), math.pow(0.5, math.inf), math.pow(2, -math.inf), math.pow(-1, math.inf))
print(math.sqrt(2), math.sqrt(1e300), math.exp(-1000), math.exp(709), math.sin(math.pi), math.cos(math.pi))
print(math.cbrt(27), math.cbrt(-8), math.exp2(10), math.exp2(0.5), math.nextafter(1, 2), math.ulp(1.0), math.ulp(0.0))
print(math.sqrt(True), math.sqrt(4), math.exp(True), math.log(math.e), math.log(1), math.log10(1000), math.log2(1024))
print(math.erf(-1), math.erfc(10), math.tanh(100), math.atan(math.inf), math.exp(math.inf), math.exp(-math.inf))
print(math.fsum([0.1] * 10), sum([0.1] * 10), math.fsum([1e100, 1.0, -1e100, 1e-100, 1e50, -1.0, -1e50]))
print(math.fsum([]), math.fsum([math.inf, 1]), math.fsum([1, 2, 3]), math.fsum(iter([0.5, 0.25])), math.fsum([math.nan]))
print(math.fsum([1.0, 1e-16, 1e-16]), math.fsum([2.0**53, 1.0, 1e-16]), math.fsum([-0.0]))
class F:
    def __floor__(self):
        return "floor!"
    def __ceil__(self):
        return "ceil!"
    def __trunc__(self):
        return "trunc!"
    def __float__(self):
        return 2.0
print(math.floor(F()), math.ceil(F()), math.trunc(F()), math.sqrt(F()))
