# Coroutine objects driven by hand: send/StopIteration, attributes, __await__, errors.
import types


class Tick:
    """An awaitable that suspends once, yielding its tag to the driver."""
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        got = yield self.tag
        return got


async def add(a, b):
    x = await Tick('add')
    return a + b + (x or 0)


async def outer():
    r1 = await add(1, 2)
    r2 = await add(10, 20)
    return [r1, r2]


def drive(coro, values=()):
    values = list(values)
    trace = []
    v = None
    while True:
        try:
            y = coro.send(v)
        except StopIteration as e:
            trace.append(('return', e.value))
            return trace
        trace.append(('yield', y))
        v = values.pop(0) if values else None


print(drive(outer()))
print(drive(outer(), [100, 1000]))

c = outer()
print(type(c).__name__, type(c) is types.CoroutineType)
r = repr(c)
print(r.startswith('<coroutine object outer at 0x'), r.endswith('>'))
print(c.__name__, c.__qualname__, c.cr_code.co_name)
print(c.cr_running, c.cr_await, c.cr_frame is not None, c.cr_suspended)
print(hex(outer.__code__.co_flags & 0x3a0))
print(c.send(None))
print(type(c.cr_await).__name__, c.cr_await.cr_code.co_name)
print(type(c.cr_await.cr_await).__name__)
print(c.cr_suspended, c.cr_frame.f_code.co_name)
print(c.send(5))
try:
    c.send(7)
except StopIteration as e:
    print('StopIteration', e.value)
print(c.cr_frame, c.cr_await, c.cr_running, c.cr_suspended)

# an exhausted coroutine cannot be reused
for meth in ('send', 'throw'):
    try:
        if meth == 'send':
            c.send(None)
        else:
            c.throw(ValueError)
    except RuntimeError as e:
        print(meth, type(e).__name__, e)
print(c.close())

# non-None into a just-started coroutine
c2 = add(1, 1)
try:
    c2.send(1)
except TypeError as e:
    print(type(e).__name__, e)
c2.close()

# coroutines are not iterators
c3 = add(1, 2)
try:
    iter(c3)
except TypeError as e:
    print(type(e).__name__, e)
try:
    next(c3)
except TypeError as e:
    print(type(e).__name__, e)
print(hasattr(c3, '__next__'), hasattr(c3, '__await__'))

# __await__ gives an iterator that drives the coroutine
w = c3.__await__()
print(type(w).__name__, iter(w) is w)
print(next(w))
try:
    w.send(None)
except StopIteration as e:
    print('wrapper StopIteration', e.value)

# a coroutine with no await at all
async def plain(x):
    return x * 3

try:
    plain(4).send(None)
except StopIteration as e:
    print('plain', e.value)

# a coroutine function is still a function
print(type(plain).__name__, plain.__name__)


# methods, closures, default arguments
class Acc:
    def __init__(self):
        self.total = 0

    async def add(self, n=1):
        await Tick(n)
        self.total += n
        return self.total


acc = Acc()
print(drive(acc.add()), drive(acc.add(5)), acc.total)


def make(k):
    async def inner(v):
        return k + await plain(v)
    return inner


print(drive(make(100)(2)))
