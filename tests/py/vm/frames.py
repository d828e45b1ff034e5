# Frame and traceback objects.
import sys

def where():
    f = sys._getframe()
    return f.f_code.co_name, f.f_lineno, f.f_back.f_code.co_name

def caller():
    return where()
print(caller())
print(sys._getframe().f_code.co_name)
print(sys._getframe().f_globals is globals())

def locals_of():
    a = 1
    b = 'two'
    return sorted(sys._getframe().f_locals.items())
print(locals_of())

def fails():
    x = 42
    raise ValueError('tb')

try:
    fails()
except ValueError as e:
    tb = e.__traceback__
    entries = []
    while tb is not None:
        entries.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    print(entries)
    last = e.__traceback__.tb_next
    print(last.tb_frame.f_locals['x'])
    print(type(e.__traceback__).__name__, type(last.tb_frame).__name__)

def depth():
    n = 0
    f = sys._getframe()
    while f is not None:
        n += 1
        f = f.f_back
    return n
def nest(k):
    return depth() if k == 0 else nest(k - 1)
print(nest(5) - depth())

try:
    sys._getframe(10000)
except ValueError as e:
    print(e)

# a frame object outlives its call
def keep():
    v = 'kept'
    return sys._getframe()
fr = keep()
print(fr.f_code.co_name, fr.f_locals['v'])

# locals() and globals()
def use_locals(p):
    q = p + 1
    return sorted(locals().items())
print(use_locals(1))
class NS:
    a = 1
    b = sorted(k for k in locals() if not k.startswith('__'))
print(NS.b)
