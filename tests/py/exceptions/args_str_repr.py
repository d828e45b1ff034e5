# args, str and repr of exceptions
cases = [ValueError(), ValueError("x"), ValueError("x", 2), ValueError(1), ValueError(None),
         ValueError(""), ValueError(("a",)), TypeError([1, 2]), Exception("a", "b", "c"),
         RuntimeError("multi\nline"), KeyError(), KeyError("k"), KeyError(""), KeyError(1, 2),
         KeyError(("a", 1)), IndexError("list index out of range"), StopIteration(5),
         SystemExit(3), BaseException("base"), ZeroDivisionError("division by zero"),
         NotImplementedError(), AssertionError("msg"), LookupError("lk")]
for e in cases:
    print(type(e).__name__, repr(e.args), repr(str(e)), repr(e))
e = ValueError("a")
e.args = ("b", "c")
print(e.args, str(e), repr(e))
e.args = [1]
print(e.args, type(e.args).__name__)
try:
    del e.args
except TypeError as x:
    print(type(x).__name__, x)
try:
    ValueError(x=1)
except TypeError as x:
    print(type(x).__name__, x)
try:
    raise ValueError
except ValueError as x:
    print("raised class:", repr(x), x.args)
try:
    raise KeyError("missing") from None
except KeyError as x:
    print(str(x), x.__cause__, x.__suppress_context__)
print(str(KeyError("it's")), repr(KeyError("it's")))
print(Exception.__doc__)
print(ValueError.__name__, ValueError.__qualname__, ValueError.__module__)
print(isinstance(ValueError(), BaseException), ValueError().__class__ is ValueError)
e = Exception()
e.custom = 5
print(e.custom, e.__dict__)
print(ValueError("x") == ValueError("x"), ValueError.__base__.__name__)
