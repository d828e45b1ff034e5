# Suspended coroutines and async generators caught in reference cycles: the collector
# finalizes them (finally blocks run, never-awaited warnings), like CPython's PEP 442.
import gc


class Tick:
    def __await__(self):
        yield


async def coro(box):
    box.append(box)
    try:
        await Tick()
    finally:
        print('coro finally')


async def agen(box):
    try:
        yield box
        yield 2
    finally:
        print('agen finally')


def gen(box):
    try:
        yield box
    finally:
        print('gen finally')


gc.collect()
b = []
c = coro(b)
c.send(None)
b.append(c)
del c, b
gc.collect()
print('after coroutine cycle')

b = []
g = agen(b)
a = g.__anext__()
try:
    a.send(None)
except StopIteration as e:
    print('got box', e.value is b)
b.append(g)
del g, b, a
gc.collect()
print('after async generator cycle')

b = []
g = gen(b)
next(g)
b.append(g)
del g, b
gc.collect()
print('after generator cycle')

b = []
c = coro(b)
b.append(c)
del c, b
gc.collect()
print('after never-started coroutine cycle')

# a finalized-by-refcount suspended coroutine also runs its finally block
c = coro([])
c.send(None)
del c
print('end')
