# ExceptionGroup basics, add_note / __notes__, with_traceback
eg = ExceptionGroup("several", [ValueError(1), TypeError(2)])
print(type(eg).__name__, eg.message, eg.exceptions, str(eg), repr(eg))
print(str(ExceptionGroup("one", [KeyError("k")])))
beg = BaseExceptionGroup("base", [ValueError(1)])
print(type(beg).__name__, isinstance(beg, Exception))
beg = BaseExceptionGroup("base", [KeyboardInterrupt()])
print(type(beg).__name__, isinstance(beg, Exception), str(beg))
for args in (("m", []), ("m", 5), (1, [ValueError()]), ("m", [1])):
    try:
        ExceptionGroup(*args)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    ExceptionGroup("m", [KeyboardInterrupt()])
except TypeError as e:
    print(type(e).__name__, e)
try:
    raise ExceptionGroup("raised", [ValueError("a")])
except ExceptionGroup as e:
    print("caught", e.message, len(e.exceptions))
e = ValueError("v")
print(hasattr(e, "__notes__"))
e.add_note("first")
e.add_note("second")
print(e.__notes__)
try:
    e.add_note(5)
except TypeError as x:
    print(type(x).__name__, x)
try:
    raise ValueError("x")
except ValueError as x:
    tb = x.__traceback__
    print(type(tb).__name__, tb.tb_lineno, tb.tb_next)
    y = KeyError("y").with_traceback(tb)
    print(y.__traceback__ is tb)
    y.with_traceback(None)
    print(y.__traceback__)
try:
    ValueError().with_traceback(5)
except TypeError as x:
    print(type(x).__name__, x)
def deep(n):
    if n == 0:
        raise IndexError("bottom")
    deep(n - 1)
try:
    deep(3)
except IndexError as x:
    tb = x.__traceback__
    lines = []
    while tb is not None:
        lines.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(lines)
