# __import__
m = __import__("sys")
print(type(m).__name__, m.__name__, m is __import__("sys"))
import sys
print(sys.modules["sys"] is m, "builtins" in sys.modules)
t = __import__("time", globals(), locals(), [], 0)
print(t.__name__)
for args, kw in ((("",), {}), ((1,), {}), (("x",), {"level": -1})):
    try:
        __import__(*args, **kw)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    __import__("no_such_module_xyz")
except ImportError as e:
    print(type(e).__name__, e, e.name)
try:
    import no_such_module_abc
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
try:
    from sys import no_such_name
except ImportError as e:
    print(type(e).__name__, e)
