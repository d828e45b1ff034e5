# Defaults inherited from object: repr/str/format/hash/eq/dir/__class__/__doc__/__init_subclass__
class A:
    pass
a = A()
print(repr(a).startswith("<__main__.A object at 0x"), str(a) == repr(a), format(a) == str(a))
print(f"{a!r}" == repr(a), "%s" % a == str(a))
try:
    format(a, "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    f"{a:>10}"
except TypeError as e:
    print(type(e).__name__, e)
try:
    format(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
print(object.__format__(a, "") == str(a))
print(hash(a) == hash(a), a == a, a != a, a.__eq__(1), a.__ne__(a), a.__hash__() == hash(a))
print(a.__class__ is A, A.__class__ is type, object.__class__)
print(A.__init_subclass__(), object.__subclasshook__(), A.__subclasshook__())
print(object.__doc__[:30])
print(sorted(set(dir(a)) - set(dir(object))))
print(sorted(n for n in dir(object) if n in ("__init__", "__repr__", "__eq__", "__hash__", "__class__")))
print(a.__sizeof__() > 0, a.__dir__() is not None)

class WithStr:
    def __str__(self):
        return "STR"
w = WithStr()
print(str(w), repr(w)[:10], format(w), f"{w}", "%s" % w, print(w))

class WithRepr:
    def __repr__(self):
        return "REPR"
r = WithRepr()
print(str(r), repr(r), [r], (r,), {1: r}, f"{r}", f"{r!r}", ascii(r))

class WithFormat:
    def __format__(self, spec):
        return "F<" + spec + ">"
print(format(WithFormat()), format(WithFormat(), "abc"), f"{WithFormat():xyz}", "{:q}".format(WithFormat()))

class BadRepr:
    def __repr__(self):
        return 5
class BadStr:
    def __str__(self):
        return b"x"
class BadFormat:
    def __format__(self, s):
        return 1
for f, o in ((repr, BadRepr()), (str, BadStr()), (format, BadFormat())):
    try:
        f(o)
    except TypeError as e:
        print(type(e).__name__, e)

class Uni:
    def __repr__(self):
        return "caf\xe9 \u20ac"
print(ascii(Uni()), repr(Uni()))

print(None.__repr__(), NotImplemented, Ellipsis, ..., type(None)(), type(...)(), type(NotImplemented)())
print(bool(None), hash(None) == hash(None), None.__class__.__name__, type(Ellipsis).__name__)
try:
    type(None)(1)
except TypeError as e:
    print(type(e).__name__, e)

# __eq__ on object returns NotImplemented, comparing falls back to identity
print(object().__eq__(object()), object.__ne__(1, 2), object.__lt__(1, 2))
