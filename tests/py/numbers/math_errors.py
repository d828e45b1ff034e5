# Errors raised by the math module, as CPython 3.11 words them.
import math
cases = [
    ("sqrt(-1)", lambda: math.sqrt(-1)), ("log(0)", lambda: math.log(0)), ("log(-1)", lambda: math.log(-1)),
    ("log(0.0)", lambda: math.log(0.0)), ("log(-10**400)", lambda: math.log(-10**400)),
    ("log(2, 1)", lambda: math.log(2, 1)), ("log(0, 2)", lambda: math.log(0, 2)), ("log(2, 0)", lambda: math.log(2, 0)),
    ("log2(0)", lambda: math.log2(0)), ("log10(-5)", lambda: math.log10(-5)), ("log1p(-1)", lambda: math.log1p(-1)),
    ("exp(1000)", lambda: math.exp(1000)), ("expm1(1000)", lambda: math.expm1(1000)),
    ("cosh(1000)", lambda: math.cosh(1000)), ("sinh(-1000)", lambda: math.sinh(-1000)),
    ("asin(2)", lambda: math.asin(2)), ("acos(-2)", lambda: math.acos(-2)), ("acosh(0)", lambda: math.acosh(0)),
    ("atanh(1)", lambda: math.atanh(1)), ("atanh(-1)", lambda: math.atanh(-1)),
    ("sin(inf)", lambda: math.sin(math.inf)), ("cos(-inf)", lambda: math.cos(-math.inf)), ("tan(inf)", lambda: math.tan(math.inf)),
    ("gamma(0)", lambda: math.gamma(0)), ("gamma(-1)", lambda: math.gamma(-1)), ("gamma(-inf)", lambda: math.gamma(-math.inf)),
    ("gamma(200)", lambda: math.gamma(200)), ("lgamma(0)", lambda: math.lgamma(0)), ("lgamma(-2)", lambda: math.lgamma(-2)),
    ("lgamma(1e308)", lambda: math.lgamma(1e308)), ("gamma(inf)", lambda: math.gamma(math.inf)), ("lgamma(-inf)", lambda: math.lgamma(-math.inf)),
    ("pow(0, -1)", lambda: math.pow(0, -1)), ("pow(-8, 1/3)", lambda: math.pow(-8, 1 / 3)), ("pow(10, 400)", lambda: math.pow(10, 400)),
    ("pow(1e-200, 2)", lambda: math.pow(1e-200, 2)),
    ("fmod(1, 0)", lambda: math.fmod(1, 0)), ("fmod(inf, 1)", lambda: math.fmod(math.inf, 1)), ("fmod(1, inf)", lambda: math.fmod(1, math.inf)),
    ("remainder(1, 0)", lambda: math.remainder(1, 0)), ("remainder(inf, 1)", lambda: math.remainder(math.inf, 1)),
    ("ldexp(1.0, 2000)", lambda: math.ldexp(1.0, 2000)), ("ldexp(1.0, 10**30)", lambda: math.ldexp(1.0, 10**30)),
    ("ldexp(1.0, -10**30)", lambda: math.ldexp(1.0, -10**30)), ("ldexp(1.0, 1.5)", lambda: math.ldexp(1.0, 1.5)),
    ("sqrt('x')", lambda: math.sqrt('x')), ("floor('x')", lambda: math.floor('x')), ("trunc('x')", lambda: math.trunc('x')),
    ("trunc(1.5j)", lambda: math.trunc(None)), ("floor(inf)", lambda: math.floor(math.inf)), ("ceil(nan)", lambda: math.ceil(math.nan)),
    ("isclose(1, 1, rel_tol=-1)", lambda: math.isclose(1, 1, rel_tol=-1)), ("dist", lambda: math.dist([1], [1, 2])),
    ("exp(10**400)", lambda: math.exp(10**400)), ("sqrt(10**400)", lambda: math.sqrt(10**400)),
    ("fsum overflow", lambda: math.fsum([1e308, 1e308])), ("fsum inf-inf", lambda: math.fsum([math.inf, -math.inf])),
    ("fsum str", lambda: math.fsum(['a'])), ("hypot str", lambda: math.hypot('a')),
    ("sqrt()", lambda: math.sqrt()), ("pow(1)", lambda: math.pow(1)), ("log()", lambda: math.log()),
]
for name, f in cases:
    try:
        print(name, "->", f())
    except Exception as e:
        print(name, "->", type(e).__name__, e)
