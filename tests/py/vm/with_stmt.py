# The with statement: __enter__/__exit__, exception suppression, nesting.

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        print('enter', self.name)
        return self.name.upper()
    def __exit__(self, typ, val, tb):
        print('exit', self.name, typ.__name__ if typ else None, val, tb is not None)
        return self.suppress

with CM('a') as v:
    print('body', v)

with CM('b', suppress=True):
    raise ValueError('suppressed')
print('after b')

try:
    with CM('c'):
        raise KeyError('kept')
except KeyError as e:
    print('caught', repr(e))

with CM('outer') as o, CM('inner') as i:
    print(o, i)

def ret_from_with():
    with CM('r'):
        return 'returned'
print(ret_from_with())

for n in range(3):
    with CM('loop%d' % n):
        if n == 1:
            continue
        if n == 2:
            break
        print('loop body', n)

class NoEnter:
    pass
try:
    with NoEnter():
        pass
except TypeError as e:
    print(e)

class NoExit:
    def __enter__(self):
        return self
try:
    with NoExit():
        pass
except TypeError as e:
    print(e)

class ExitRaises:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError('from exit')
try:
    with ExitRaises():
        raise ValueError('body')
except RuntimeError as e:
    print(repr(e), repr(e.__context__))

class EnterRaises:
    def __enter__(self):
        raise OSError('enter failed')
    def __exit__(self, *a):
        print('never')
try:
    with EnterRaises():
        print('never')
except OSError as e:
    print(e)

# exc_info inside __exit__ during handling
import sys
class Peek:
    def __enter__(self):
        return self
    def __exit__(self, t, v, tb):
        print('exc_info in exit:', repr(sys.exc_info()[1]))
        return True
with Peek():
    raise IndexError('peek')
print('done', sys.exc_info())

# nested suppression keeps outer exception state
try:
    raise ValueError('outer')
except ValueError:
    with CM('s', suppress=True):
        raise KeyError('x')
    print(repr(sys.exc_info()[1]))
