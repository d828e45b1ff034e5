# __context__, __cause__, __suppress_context__
try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("outer")
except TypeError as e:
    print(repr(e), repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        raise ValueError("inner")
    except ValueError as v:
        raise TypeError("outer") from v
except TypeError as e:
    print(repr(e.__context__), repr(e.__cause__), e.__suppress_context__)

try:
    try:
        raise ValueError("inner")
    except ValueError:
        raise TypeError("outer") from None
except TypeError as e:
    print(repr(e.__context__), e.__cause__, e.__suppress_context__)

try:
    try:
        {}["k"]
    except KeyError:
        1 / 0
except ZeroDivisionError as e:
    print(repr(e), repr(e.__context__))

e = ValueError()
print(e.__context__, e.__cause__, e.__suppress_context__, e.__traceback__)
e.__cause__ = KeyError(1)
print(repr(e.__cause__), e.__suppress_context__)
e.__suppress_context__ = False
e.__context__ = TypeError(2)
print(repr(e.__context__), e.__suppress_context__)
for attr, val in (("__cause__", 1), ("__context__", "x"), ("__traceback__", 5)):
    try:
        setattr(e, attr, val)
    except TypeError as x:
        print(attr, type(x).__name__, x)
e.__cause__ = None
print(e.__cause__, e.__suppress_context__)

def reraise():
    try:
        raise ValueError("a")
    except ValueError as v:
        try:
            raise KeyError("b")
        except KeyError:
            raise v
try:
    reraise()
except ValueError as e:
    print(repr(e), repr(e.__context__), repr(e.__context__.__context__))

try:
    try:
        raise ValueError(1)
    finally:
        print("finally runs")
except ValueError as e:
    print("caught", e.__context__)

try:
    try:
        raise ValueError(1)
    except ValueError as v:
        v2 = v
        raise
except ValueError as e:
    print("bare raise keeps identity", e is v2, e.__context__)

def gen():
    try:
        yield 1
    except GeneratorExit:
        print("GeneratorExit in generator")
        raise
g = gen()
next(g)
g.close()
try:
    raise RuntimeError("r") from KeyError("k")
except RuntimeError as e:
    print(repr(e.__cause__), e.__cause__.__traceback__)
