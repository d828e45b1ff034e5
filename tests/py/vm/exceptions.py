# Raising, catching, chaining and the NameError family.

def show(fn):
    try:
        fn()
    except BaseException as e:
        print(type(e).__name__, e)

def unbound():
    print(x)
    x = 1
show(unbound)

def undefined():
    return not_a_name
show(undefined)

def free_unbound():
    def inner():
        return v
    r = inner
    try:
        return r()
    finally:
        pass
    v = 1
show(free_unbound)

def deleted():
    y = 1
    del y
    return y
show(deleted)

def bad_raise():
    raise 42
show(bad_raise)

def bad_cause():
    raise ValueError from 1
show(bad_cause)

def bare_raise():
    raise
show(bare_raise)

def class_raise():
    raise KeyError
show(class_raise)

try:
    raise ValueError("outer")
except ValueError as e:
    try:
        raise TypeError("inner")
    except TypeError as e2:
        print(repr(e2.__context__), e2.__cause__, e2.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError as e:
        raise KeyError("k") from e
except KeyError as e:
    print(repr(e.__cause__), repr(e.__context__), e.__suppress_context__)

try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise KeyError("k") from None
except KeyError as e:
    print(e.__cause__, repr(e.__context__), e.__suppress_context__)

# bare raise re-raises the handled exception
def reraiser():
    try:
        raise ValueError("again")
    except ValueError:
        raise
show(reraiser)

# the handled exception is restored after a nested handler
try:
    raise ValueError("a")
except ValueError:
    try:
        raise TypeError("b")
    except TypeError:
        pass
    import sys
    print(repr(sys.exc_info()[1]))
import sys
print(sys.exc_info())

# except with tuple, order, else, finally
def classify(v):
    try:
        if v == 0:
            raise KeyError(v)
        if v == 1:
            raise IndexError(v)
        if v == 2:
            raise ZeroDivisionError
    except (KeyError, IndexError) as e:
        r = 'lookup ' + type(e).__name__
    except ArithmeticError:
        r = 'arith'
    else:
        r = 'no error'
    finally:
        r += '!'
    return r
print([classify(i) for i in range(4)])

# the 'as' name is deleted after the handler
try:
    raise ValueError
except ValueError as err:
    pass
try:
    err
except NameError as e:
    print(e)

# invalid except clause
try:
    try:
        raise ValueError
    except 5:
        pass
except TypeError as e:
    print(e)

# exception attributes
try:
    {}['missing']
except KeyError as e:
    print(repr(e), e.args)
try:
    undefined_global_name
except NameError as e:
    print(e.name)

# exceptions from generators and nested functions propagate with context
def thrower():
    raise RuntimeError("deep")
def middle():
    try:
        thrower()
    except RuntimeError as e:
        raise ValueError("wrapped") from e
try:
    middle()
except ValueError as e:
    print(e, '<-', e.__cause__)

# custom exceptions
class MyError(Exception):
    def __init__(self, code):
        super().__init__(code)
        self.code = code
    def __str__(self):
        return 'code %d' % self.code
try:
    raise MyError(7)
except MyError as e:
    print(e, e.code, repr(e.args))

# exception in except clause chains
def chain():
    try:
        raise KeyError('first')
    except KeyError:
        raise ValueError('second')
try:
    chain()
except ValueError as e:
    print(repr(e), repr(e.__context__))

# raise an instance that was raised before: traceback grows
def raise_it(e):
    raise e
saved = ValueError('saved')
for i in range(2):
    try:
        raise_it(saved)
    except ValueError as e:
        n = 0
        tb = e.__traceback__
        while tb:
            n += 1
            tb = tb.tb_next
        print('tb length', n)
    saved.__traceback__ = None

# assert
try:
    assert 1 == 2, 'math'
except AssertionError as e:
    print(repr(e))
try:
    assert False
except AssertionError as e:
    print(repr(e))
