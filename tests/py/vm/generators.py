# Generators: iteration, send, throw, close, yield from, and their error messages.

def count(n):
    i = 0
    while i < n:
        yield i
        i += 1
    return 'done'

print(list(count(4)))
g = count(2)
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print('StopIteration', repr(e.value))
try:
    next(g)
except StopIteration as e:
    print('again', repr(e.value))

def echo():
    received = []
    try:
        while True:
            x = yield len(received)
            received.append(x)
    except GeneratorExit:
        print('closing with', received)
        raise

g = echo()
print(g.send(None))
print(g.send('a'))
print(g.send('b'))
g.close()
g.close()

g = echo()
try:
    g.send(1)
except TypeError as e:
    print(e)

def catcher():
    while True:
        try:
            yield 'ready'
        except ValueError as e:
            yield 'caught %s' % e

g = catcher()
print(next(g))
print(g.throw(ValueError('boom')))
print(next(g))
print(g.throw(ValueError, 'x'))
try:
    g.throw(KeyError('k'))
except KeyError as e:
    print('propagated', repr(e))
print(repr(g.gi_frame))

stubborn = True
def ignores():
    while stubborn:
        try:
            yield 1
        except GeneratorExit:
            pass
g = ignores()
next(g)
try:
    g.close()
except RuntimeError as e:
    print(e)
stubborn = False
print(list(g))

def stopper():
    yield 1
    raise StopIteration('oops')
try:
    list(stopper())
except RuntimeError as e:
    print(type(e).__name__, e, repr(e.__cause__))

def running():
    yield g2.gi_running
g2 = running()
print(g2.gi_running, next(g2), g2.gi_running)

def reenter():
    yield next(g3)
g3 = reenter()
try:
    next(g3)
except ValueError as e:
    print(e)

# yield from: values, return value, send and throw delegation
def inner():
    x = yield 'i1'
    y = yield 'i2 got %r' % (x,)
    return 'inner result %r' % (y,)

def outer():
    r = yield from inner()
    yield r
    yield from [10, 20]
    return 'outer done'

g = outer()
print(next(g))
print(g.send('A'))
print(g.send('B'))
print(next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print(repr(e.value))

def inner_catch():
    try:
        yield 1
    except KeyError:
        yield 'inner caught'
    return 'ret'

def outer_catch():
    v = yield from inner_catch()
    yield 'outer got ' + v

g = outer_catch()
print(next(g))
print(g.throw(KeyError))
print(next(g))

def inner_close():
    try:
        yield 1
    finally:
        print('inner finally')
def outer_close():
    try:
        yield from inner_close()
    finally:
        print('outer finally')
g = outer_close()
next(g)
g.close()

# gi_yieldfrom, gi_code, names
def delegating():
    yield from inner()
g = delegating()
print(g.gi_yieldfrom)
next(g)
print(type(g.gi_yieldfrom).__name__, g.gi_yieldfrom.__name__)
print(g.__name__, g.__qualname__, g.gi_code.co_name)

class K:
    def gen(self):
        yield self
print(K().gen().__qualname__)

# generator expressions and comprehension scoping
print(sum(x * x for x in range(10)))
print([y for y in (v + 1 for v in range(3))])
gen = (i for i in range(3))
print(list(gen), list(gen))

# throw into a just-started generator
def fresh():
    yield 1
g = fresh()
try:
    g.throw(ValueError('early'))
except ValueError as e:
    print('early throw', e)
print(list(g))

# generator returning value through for loop is ignored
def with_return():
    yield 1
    return 99
print(list(with_return()))

# closing an exhausted or unstarted generator
g = fresh()
g.close()
print(list(g))

# send to a finished generator
g = fresh()
list(g)
try:
    g.send(5)
except StopIteration as e:
    print('finished', e.value)

# exception state inside generators is their own
def exc_gen():
    try:
        raise KeyError('inside')
    except KeyError:
        yield sys.exc_info()[1]
        yield sys.exc_info()[1]
import sys
g = exc_gen()
print(repr(next(g)))
print(repr(sys.exc_info()[1]))
try:
    raise ValueError('outside')
except ValueError:
    print(repr(next(g)))

# yield from a non-generator iterator with send
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 2:
            raise StopIteration(self.n)
        return self.n
def from_it():
    r = yield from It()
    yield 'ret %r' % r
print(list(from_it()))

# infinite generator with islice-like consumption
def naturals():
    n = 0
    while True:
        yield n
        n += 1
out = []
for v in naturals():
    if v > 5:
        break
    out.append(v)
print(out)
