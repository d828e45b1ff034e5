# the module type: attributes, repr, errors, PEP 562 __getattr__, dir
import sys, time
M = type(sys)
print(M.__name__, M.__module__, repr(sys), repr(time))
m = M("mymod", "the doc")
print(repr(m), m.__name__, m.__doc__, m.__spec__, m.__loader__, m.__package__)
print(sorted(m.__dict__), m.__dict__ is vars(m))
m.x = 1
print(m.x, sorted(dir(m)))
try:
    m.missing
except AttributeError as e:
    print(type(e).__name__, e)
try:
    sys.no_such_attribute
except AttributeError as e:
    print(type(e).__name__, e)
m.__getattr__ = lambda name: "dynamic " + name
print(m.anything, m.x)
m.__dir__ = lambda: ["b", "a"]
print(dir(m))
del m.x
print(hasattr(m, "x"))
for args in ((1,), (), ("a", "b", "c")):
    try:
        M(*args)
    except TypeError as e:
        print(type(e).__name__, e)
print(repr(M("kw", doc="d")), M("kw", doc="d").__doc__, M(name="n").__name__)
class SubModule(M):
    def hello(self):
        return "hello from " + self.__name__
s = SubModule("sub")
print(repr(s), s.hello(), isinstance(s, M))
print(m.__annotations__)
m.__annotations__ = {"a": int}
print(m.__annotations__)
m.__file__ = "/path/to/x.py"
print(repr(m))
del m.__name__
try:
    m.nothing
except AttributeError as e:
    print(type(e).__name__, e)
