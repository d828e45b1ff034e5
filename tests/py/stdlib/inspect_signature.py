# inspect.signature, Signature, Parameter, BoundArguments, getfullargspec, formatannotation.
import sys, functools, types, abc, typing
import inspect

def f1(a, b=1, /, c=2, *args, d, e=3, **kw) -> int: pass
def f2(a, b, /): pass
def f3(*, x, y=2): pass
def f4(a: int, b: "str" = "s", *c: float, **d: list[int]) -> typing.Optional[int]: pass
def f5(): pass
def f6(a, b=None, *args, **kwargs): pass
def f7(x, /, y, *, z): pass
lam = lambda x, y=3: x
class C:
    def m(self, a, b=2): pass
    @classmethod
    def cm(cls, x): pass
    @staticmethod
    def sm(y, z=1): pass
    def __call__(self, q, *, r=0): pass
class D:
    def __init__(self, x, y=0): pass
class E:
    def __new__(cls, *a, **k): return super().__new__(cls)
class F(D): pass
class G: pass
class Meta(type):
    def __call__(cls, p, q): pass
class H(metaclass=Meta): pass
def deco(fn):
    @functools.wraps(fn)
    def wrapper(*a, **k): return fn(*a, **k)
    return wrapper
@deco
def wrapped(a, b, c=1): pass
p1 = functools.partial(f6, 1)
p2 = functools.partial(f6, b=5)
p3 = functools.partial(f7, 1)
p4 = functools.partial(f1, 1, 2, 3, 4, d=0)

for obj in [f1, f2, f3, f4, f5, f6, f7, lam, C.m, C().m, C.cm, C.sm, C(), D, E, F, G, H, wrapped, p1, p2, p3, p4, D.__init__]:
    try:
        s = inspect.signature(obj)
        print(str(s), repr(s))
        for p in s.parameters.values():
            print("   ", repr(p), str(p.kind), p.kind.description, int(p.kind), p.default is p.empty, p.annotation is inspect.Parameter.empty)
    except Exception as e:
        print("ERR", type(e).__name__, e)
print(inspect.signature(wrapped, follow_wrapped=False))
for obj in [len, print, int, object]:
    try:
        print(inspect.signature(obj) if obj is object else "skip")
    except Exception as e:
        print("ERR", type(e).__name__)

sig = inspect.signature(f1)
cases = [((1,), {"d": 4}), ((1, 2, 3, 4, 5), {"d": 1, "x": 2}), ((), {}), ((1,), {}), ((1,), {"a": 1, "d": 2}),
         ((1,), {"c": 5, "d": 6}), ((1, 2, 3), {"c": 5, "d": 1}), ((1,), {"d": 1, "b": 3})]
for sg in [sig, inspect.signature(f2), inspect.signature(f3), inspect.signature(f6), inspect.signature(f7), inspect.signature(C().m)]:
    for args, kw in cases + [((1, 2), {}), ((), {"x": 1}), ((1, 2, 3), {}), ((), {"x": 1, "y": 3}), ((1,), {"y": 2, "z": 3}), ((1,), {"x": 1}), ((1, 2, 3, 4), {"zz": 1}), ((), {"a": 1, "b": 2})]:
        for meth in ("bind", "bind_partial"):
            try:
                ba = getattr(sg, meth)(*args, **kw)
                r = repr(ba) + " " + repr(ba.args) + " " + repr(ba.kwargs)
                ba.apply_defaults()
                r += " " + repr(ba)
                print(str(sg), meth, args, kw, "->", r)
            except TypeError as e:
                print(str(sg), meth, args, kw, "TypeError", e)

P = inspect.Parameter
for args in [("a", P.POSITIONAL_ONLY), ("1a", P.KEYWORD_ONLY), ("if", P.KEYWORD_ONLY), ("if", P.POSITIONAL_ONLY), (3, P.KEYWORD_ONLY), ("a", 7), ("a", P.VAR_POSITIONAL, 1), (".0", P.POSITIONAL_OR_KEYWORD)]:
    try:
        if len(args) == 3:
            p = P(args[0], args[1], default=args[2])
        else:
            p = P(*args)
        print(repr(p), p.kind)
    except Exception as e:
        print(type(e).__name__, e)
S = inspect.Signature
for params in [[P("a", P.KEYWORD_ONLY), P("b", P.POSITIONAL_ONLY)], [P("a", P.POSITIONAL_OR_KEYWORD, default=1), P("b", P.POSITIONAL_OR_KEYWORD)], [P("a", P.KEYWORD_ONLY), P("a", P.KEYWORD_ONLY)], [P("a", P.POSITIONAL_ONLY), P("b", P.KEYWORD_ONLY, default=None)]]:
    try:
        print(S(params, return_annotation=int))
    except Exception as e:
        print(type(e).__name__, e)
s = inspect.signature(f1)
print(s == inspect.signature(f1), s == inspect.signature(f2), hash(s) == hash(inspect.signature(f1)))
print(s.replace(return_annotation=S.empty), s.replace(parameters=[]))
p = s.parameters["c"]
print(p.replace(name="cc", default=9), p.replace(kind=P.KEYWORD_ONLY), p == s.parameters["c"], p != P("c", P.KEYWORD_ONLY))
print(list(s.parameters), type(s.parameters).__name__)
print(inspect.Parameter.empty, inspect.Signature.empty is inspect.Parameter.empty)
print(repr(P.KEYWORD_ONLY), P.KEYWORD_ONLY < P.VAR_KEYWORD, list(inspect._ParameterKind))
for fn in [f1, f2, f3, f4, f6, C.m, C().m, lam, D]:
    try:
        print(inspect.getfullargspec(fn))
    except TypeError as e:
        print("TypeError", e, type(e.__cause__).__name__)
print(inspect.formatannotation(typing.List[int]), inspect.formatannotation(typing.Dict[str, typing.Any]), inspect.formatannotation(abc.ABC), inspect.formatannotation(list[int]), inspect.formatannotation("x"))
