# attributes of the special exception classes
print(StopIteration().value, StopIteration(1).value, StopIteration(1, 2).value)
e = StopIteration(1)
e.value = 9
print(e.value, e.args)
print(SystemExit().code, SystemExit(2).code, SystemExit("msg").code, SystemExit(1, 2).code)
e = ImportError("msg", name="mod", path="/p")
print(e.msg, e.name, e.path, str(e), repr(e), e.args)
e = ImportError()
print(e.msg, e.name, e.path, repr(str(e)))
e = ImportError("a", "b")
print(e.msg, str(e))
try:
    ImportError(bogus=1)
except TypeError as x:
    print(type(x).__name__, x)
e = ModuleNotFoundError("No module named 'x'", name="x")
print(type(e).__name__, e.name, str(e))
e = AttributeError("attr msg", name="nm", obj=5)
print(e.name, e.obj, str(e), e.args)
print(AttributeError().name, AttributeError().obj)
try:
    AttributeError(foo=1)
except TypeError as x:
    print(type(x).__name__, x)
e = NameError("name 'x' is not defined", name="x")
print(e.name, str(e))
try:
    undefined_variable
except NameError as x:
    print(type(x).__name__, x, x.name)
def f():
    try:
        print(local_later)
    except UnboundLocalError as x:
        print(type(x).__name__, x)
    local_later = 1
f()
try:
    object().missing_attr
except AttributeError as x:
    print(type(x).__name__, x, x.name, type(x.obj).__name__)
e = SyntaxError("invalid syntax", ("x.py", 3, 5, "a b\n", 3, 7))
print(e.msg, e.filename, e.lineno, e.offset, repr(e.text), e.end_lineno, e.end_offset, str(e), e.args)
print(str(SyntaxError("m", ("/some/dir/y.py", 10, 1, "t"))), str(SyntaxError("m", (None, 10, 1, "t"))),
      str(SyntaxError("m", ("f.py", None, 1, "t"))), str(SyntaxError()), str(SyntaxError("only")))
print(SyntaxError().msg, SyntaxError().lineno, IndentationError("ind").msg, TabError("t").msg)
try:
    SyntaxError("m", (1, 2))
except (TypeError, IndexError) as x:
    print(type(x).__name__)
try:
    compile("x = (", "cmp.py", "exec")
except SyntaxError as x:
    print(type(x).__name__, x.filename, x.lineno)
try:
    compile("if x:\npass", "ind.py", "exec")
except IndentationError as x:
    print(type(x).__name__, x.msg, x.lineno)
