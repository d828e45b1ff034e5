# the built-in types and constants in builtins
import builtins
names = ["bool", "bytearray", "bytes", "classmethod", "dict", "enumerate", "filter", "float",
         "frozenset", "int", "list", "map", "object", "property", "range", "reversed", "set",
         "slice", "staticmethod", "str", "super", "tuple", "type", "zip"]
for n in names:
    t = getattr(builtins, n)
    print(n, type(t).__name__, t.__name__, t.__module__)
print(None, True, False, Ellipsis, NotImplemented, __debug__, ...)
print(type(None).__name__, type(Ellipsis).__name__, type(NotImplemented).__name__)
print(getattr(builtins, "True") is True, getattr(builtins, "None") is None, IOError is OSError, EnvironmentError is OSError)
print(type(len).__name__, len.__name__, repr(len), len.__module__)
print(repr(print), repr(builtins.abs))
print(builtins.__name__, repr(builtins))
print(__builtins__ is builtins or __builtins__ is vars(builtins))
excs = [n for n in dir(builtins) if isinstance(getattr(builtins, n), type)
        and issubclass(getattr(builtins, n), BaseException)]
print(len(excs) >= 60, "ExceptionGroup" in excs, "BaseExceptionGroup" in excs)
for n in ("abs", "all", "any", "ascii", "bin", "callable", "chr", "compile", "delattr", "dir",
          "divmod", "eval", "exec", "format", "getattr", "globals", "hasattr", "hash", "hex",
          "id", "input", "isinstance", "issubclass", "iter", "len", "locals", "max", "min",
          "next", "oct", "ord", "pow", "print", "repr", "round", "setattr", "sorted", "sum",
          "vars", "__import__", "__build_class__"):
    if not callable(getattr(builtins, n)):
        print("not callable", n)
print(builtins.len is len)
builtins.my_global_helper = lambda: "from builtins"
print(my_global_helper())
