# user-defined exceptions
class MyError(Exception):
    pass
class WithInit(Exception):
    def __init__(self, a, b=2):
        self.a = a
        self.b = b
class WithSuper(ValueError):
    def __init__(self, msg, code):
        super().__init__(msg)
        self.code = code
class WithStr(Exception):
    def __str__(self):
        return "custom str"
class WithRepr(Exception):
    def __repr__(self):
        return "WithRepr!"
class NoArgsInit(Exception):
    def __init__(self):
        pass
for e in (MyError(), MyError("m"), MyError(1, 2), WithInit(1), WithInit(1, b=3),
          WithSuper("bad", 42), WithStr("ignored"), WithRepr("r"), NoArgsInit()):
    print(type(e).__name__, repr(e.args), repr(str(e)), repr(e))
try:
    raise WithSuper("oops", 7)
except ValueError as e:
    print("caught as ValueError:", e, e.code, isinstance(e, WithSuper))
class Hier(MyError): pass
try:
    raise Hier("h")
except MyError as e:
    print("caught subclass", type(e).__name__, e)
class KwErr(Exception):
    def __init__(self, *, kw):
        super().__init__(kw)
print(repr(KwErr(kw=5)))
class Slotted(Exception):
    __slots__ = ("extra",)
s = Slotted("x")
s.extra = 1
print(s.extra, s.args)
class NewOverride(Exception):
    def __new__(cls, *args):
        self = super().__new__(cls, "replaced")
        return self
print(repr(NewOverride("orig")))
class CustomOSError(OSError):
    pass
e = CustomOSError(2, "No such file")
print(type(e).__name__, e.errno, e.strerror, str(e))
class InitOSError(OSError):
    def __init__(self, x):
        super().__init__(13, "perm: " + x)
e = InitOSError("y")
print(type(e).__name__, e.errno, e.strerror, str(e), e.args)
class MyKeyError(KeyError): pass
print(str(MyKeyError("k")), str(MyKeyError()))
class MyStop(StopIteration): pass
print(MyStop(9).value)
try:
    raise MyError
except MyError as e:
    print("raise class", repr(e))
class NotExc: pass
try:
    raise NotExc()
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise 5
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ValueError from 5
except TypeError as e:
    print(type(e).__name__, e)
class Attr(Exception):
    def __init__(self):
        super().__init__()
        self.info = {"a": 1}
print(Attr().info, Attr().__dict__)
