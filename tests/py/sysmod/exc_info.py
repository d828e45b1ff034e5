# sys.exc_info, sys.exception, excepthook
import sys
print(sys.exc_info(), sys.exception())
try:
    raise KeyError("k")
except KeyError:
    t, v, tb = sys.exc_info()
    print(t.__name__, repr(v), type(tb).__name__, sys.exception() is v)
    try:
        raise ValueError("inner")
    except ValueError:
        print(sys.exc_info()[0].__name__)
    print(sys.exc_info()[0].__name__)
print(sys.exc_info())
def in_function():
    return sys.exc_info()[0]
try:
    1 / 0
except ZeroDivisionError:
    print(in_function().__name__)
def gen():
    yield sys.exc_info()[0]
try:
    raise TypeError
except TypeError:
    g = gen()
    print(next(g).__name__)
try:
    raise IndexError("for hook")
except IndexError as e:
    sys.excepthook(type(e), e, None)
print("after hook")
