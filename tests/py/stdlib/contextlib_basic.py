from contextlib import *
import io, sys
@contextmanager
def tag(name):
    print("<%s>" % name)
    try:
        yield name.upper()
    finally:
        print("</%s>" % name)
with tag("h1") as t: print("inside", t)
try:
    with tag("x"): raise KeyError('k')
except KeyError as e: print("caught", repr(e))
@contextmanager
def swallow():
    try: yield
    except ValueError as e: print("swallowed", e)
with swallow(): raise ValueError("v")
print("after")
@tag("deco")
def fn(): print("body")
fn(); fn()
with suppress(ZeroDivisionError, KeyError): 1/0
print("suppressed")
try:
    with suppress(KeyError): 1/0
except ZeroDivisionError: print("not suppressed")
class R:
    def close(self): print("closed")
with closing(R()) as r: print(type(r).__name__)
f = io.StringIO()
with redirect_stdout(f): print("hidden"); print("x", end='')
print(repr(f.getvalue()))
e = io.StringIO()
with redirect_stderr(e): print("err", file=sys.stderr)
print(repr(e.getvalue()))
with nullcontext(5) as v: print(v)
with ExitStack() as st:
    for i in range(3): st.callback(print, "cb", i)
    st.enter_context(tag("s"))
    st.push(lambda *a: print("push", a[0]))
    print("body end")
with ExitStack() as st:
    st.push(lambda t, v, tb: True)
    raise ValueError
print("stack suppressed")
@contextmanager
def noyield():
    if False: yield
try:
    with noyield(): pass
except RuntimeError as e: print(e)
@contextmanager
def twoyield():
    yield; yield
try:
    with twoyield(): pass
except RuntimeError as e: print(e)
class CM(ContextDecorator):
    def __enter__(self): print("enter"); return self
    def __exit__(self, *a): print("exit"); return False
@CM()
def g(x): print("g", x); return x * 2
print(g(4))
print(isinstance(nullcontext(), AbstractContextManager), issubclass(R, AbstractContextManager))
