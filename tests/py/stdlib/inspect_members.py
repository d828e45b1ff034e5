# inspect: predicates, members, docstrings, unwrap, getattr_static, annotations, frames,
# generator states, CO_* flags, source.
import sys, functools, types, abc, asyncio
import inspect

def gen(): yield 1
async def coro(): pass
async def agen(): yield 1
@types.coroutine
def gcoro(): yield
class A:
    """Class A doc.

        indented more
    """
    x = 1
    def meth(self):
        """Meth doc."""
    @property
    def prop(self):
        "prop doc"
        return 1
    @classmethod
    def cm(cls): pass
    @staticmethod
    def sm(): pass
class B(A):
    def meth(self):
        pass
class Abstract(abc.ABC):
    @abc.abstractmethod
    def f(self): pass
class Concrete(Abstract):
    def f(self): pass
class Awaitable:
    def __await__(self): yield
names = ["ismodule", "isclass", "ismethod", "isfunction", "isgeneratorfunction", "iscoroutinefunction",
         "isasyncgenfunction", "isgenerator", "iscoroutine", "isasyncgen", "isawaitable", "isbuiltin",
         "isroutine", "isabstract", "iscode", "isframe", "istraceback", "ismethoddescriptor", "isdatadescriptor",
         "ismethodwrapper", "isgetsetdescriptor", "ismemberdescriptor"]
g = gen(); c = coro(); ag = agen(); gc = gcoro()
objs = [("sys", sys), ("A", A), ("A().meth", A().meth), ("A.meth", A.meth), ("gen", gen), ("coro", coro), ("agen", agen),
        ("g", g), ("c", c), ("ag", ag), ("gc", gc), ("Awaitable()", Awaitable()), ("len", len), ("[].append", [].append),
        ("str.join", str.join), ("Abstract", Abstract), ("Concrete", Concrete), ("code", gen.__code__),
        ("frame", sys._getframe()), ("A.__dict__['prop']", A.__dict__['prop']),
        ("A.cm", A.cm), ("1", 1), ("(1).__add__", (1).__add__), ("object.__init__", object.__init__)]
for n, o in objs:
    print(n, [name[2:] for name in names if getattr(inspect, name)(o)])
c.close()
print(inspect.iscoroutinefunction(functools.partial(coro)), inspect.isgeneratorfunction(functools.partial(gen)))
print(inspect.getmro(B) == (B, A, object))
print([n for n, v in inspect.getmembers(A) if not n.startswith("__")])
print([n for n, v in inspect.getmembers(A, inspect.isfunction)])
print([n for n, v in inspect.getmembers(A(), inspect.ismethod)])
print([(n, v) for n, v in inspect.getmembers(A(), lambda v: isinstance(v, int))])
print([n for n, v in inspect.getmembers_static(A) if not n.startswith("__")])
print(repr(inspect.getdoc(A)))
print(repr(inspect.getdoc(B.meth)), repr(inspect.getdoc(B().meth)), repr(inspect.getdoc(A.prop)))
print(repr(inspect.getdoc(B)))
print(repr(inspect.cleandoc("  first\n\n      second\n    third\n\t\ttab\n\n")))
print(repr(inspect.cleandoc("")), repr(inspect.cleandoc("one")))
def d1(fn):
    @functools.wraps(fn)
    def w(*a): return fn(*a)
    return w
@d1
@d1
def base(): pass
print(inspect.unwrap(base) is base.__wrapped__.__wrapped__, inspect.unwrap(base, stop=lambda f: f is base.__wrapped__) is base.__wrapped__)
loop = lambda: None
loop.__wrapped__ = loop
try:
    inspect.unwrap(loop)
except ValueError as e:
    print("ValueError", str(e)[:30])
class WithGetattr:
    y = 5
    def __getattr__(self, n): return "dyn"
    @property
    def p(self): raise RuntimeError("no")
w = WithGetattr(); w.z = 3
print(inspect.getattr_static(w, "y"), inspect.getattr_static(w, "z"), type(inspect.getattr_static(w, "p")).__name__,
      inspect.getattr_static(w, "q", "dflt"), type(inspect.getattr_static(A, "cm")).__name__, type(inspect.getattr_static(A, "sm")).__name__)
try:
    inspect.getattr_static(w, "nope")
except AttributeError as e:
    print("AttributeError", e)
def ann(a: int, b: "str") -> None: pass
print(inspect.get_annotations(ann), inspect.get_annotations(ann, eval_str=True))
class K:
    k: int
print(inspect.get_annotations(K), inspect.get_annotations(A))
print(inspect.getmodule(A) is sys.modules[__name__], inspect.getmodule(len).__name__, inspect.getmodule(sys) is sys)
def where():
    f = inspect.currentframe()
    return f.f_code.co_name, f.f_back.f_code.co_name
def outer(): return where()
print(outer())
def st():
    s = inspect.stack()
    return [(fi.function, fi.lineno > 0, fi.code_context[0].strip() if fi.code_context else None, fi.index) for fi in s]
def caller(): return st()
print(caller())
fi = inspect.getframeinfo(sys._getframe())
print(fi.function, fi.code_context, fi.index)
def g2():
    yield 1
    yield 2
gg = g2()
print(inspect.getgeneratorstate(gg), end=" ")
next(gg); print(inspect.getgeneratorstate(gg), end=" ")
list(gg); print(inspect.getgeneratorstate(gg))
async def cc(): await asyncio.sleep(0)
co = cc()
print(inspect.getcoroutinestate(co), end=" ")
co.send(None); print(inspect.getcoroutinestate(co), end=" ")
co.close(); print(inspect.getcoroutinestate(co))
print(inspect.CO_GENERATOR, inspect.CO_COROUTINE, inspect.CO_ASYNC_GENERATOR, inspect.CO_VARARGS, inspect.CO_VARKEYWORDS, inspect.CO_ITERABLE_COROUTINE)
print(bool(gen.__code__.co_flags & inspect.CO_GENERATOR), bool(coro.__code__.co_flags & inspect.CO_COROUTINE))
print(inspect.getsource(outer), end="")
print(inspect.getsource(A.meth), end="")
print(inspect.getsourcelines(where)[1] > 0)
print(inspect.getfile(A).endswith(".py"), inspect.getfile(outer).endswith(".py"))
try:
    inspect.getfile(len)
except TypeError as e:
    print("TypeError", e)
print(inspect.getsource(K), end="")
