# aiter() and anext(): async iteration outside `async for`, with CPython's messages.
import types

def run(coro):
    """Drive a coroutine that never suspends on a real event loop."""
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


async def agen(n):
    for i in range(n):
        yield i * 10


class Counter:
    """An async iterator written with async def __anext__."""
    def __init__(self, n):
        self.i = 0
        self.n = n

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


@types.coroutine
def suspend_then(value, stop):
    yield "suspended"
    if stop:
        raise StopAsyncIteration
    return value


class ManualIter:
    """__anext__ returns a generator-based awaitable (not an async def coroutine)."""
    def __init__(self, n):
        self.n = n

    def __aiter__(self):
        return self

    def __anext__(self):
        self.n -= 1
        return suspend_then(self.n, self.n < 0)


async def main():
    g = agen(3)
    print(aiter(g) is g)
    print(await anext(g), await anext(g), await anext(g))
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration")
    print(await anext(g, "done"))
    print(await anext(agen(0), None))

    c = Counter(2)
    it = aiter(c)
    print(it is c)
    print(await anext(it), await anext(it, "x"), await anext(it, "x"), await anext(it, "y"))
    try:
        await anext(it)
    except StopAsyncIteration as e:
        print("StopAsyncIteration", e.args)

    print(await anext(Counter(0), [1, 2]))

    m = ManualIter(2)
    print(await anext(m), await anext(m, "d"), await anext(m, "d"))

    # anext() of an async generator without default is its asend awaitable
    g = agen(1)
    a = anext(g)
    print(type(a).__name__)
    print(await a)

def check(label, fn):
    try:
        r = fn()
        print(label, "->", type(r).__name__)
        if hasattr(r, "close"):
            r.close()
    except Exception as e:
        print(label, type(e).__name__, e)


run(main())

check("aiter(1)", lambda: aiter(1))
check("aiter([])", lambda: aiter([]))
check("anext(1)", lambda: anext(1))
check("anext(iter([]))", lambda: anext(iter([])))
check("anext()", lambda: anext())
check("anext(a, b, c)", lambda: anext(agen(1), 1, 2))
check("aiter()", lambda: aiter())


class BadAiter:
    def __aiter__(self):
        return 42


check("aiter(BadAiter())", lambda: aiter(BadAiter()))
check("anext(Counter)", lambda: anext(Counter(1)))
check("anext(Counter, d)", lambda: anext(Counter(1), 0))

# drive the anext awaitable by hand: send / throw / close
aw = anext(ManualIter(1), "dflt").__await__()
print(aw.send(None))
try:
    aw.send(None)
except StopIteration as e:
    print("StopIteration", e.value)
aw = anext(ManualIter(0), "dflt").__await__()
print(next(aw))
try:
    next(aw)
except StopIteration as e:
    print("StopIteration", e.value)


async def gen_with_cleanup():
    try:
        yield 1
        yield 2
    except KeyError:
        print("caught KeyError inside")
        yield 99


g = gen_with_cleanup()
run(g.__anext__())
aw = anext(g, "d").__await__()
try:
    aw.throw(KeyError("k"))
except StopIteration as e:
    print("throw ->", e.value)


# under a real event loop: the awaitables suspend (asyncio.sleep) through anext()
import asyncio


async def ticker(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i


async def loop_main():
    t = ticker(2)
    got = [await anext(t), await anext(t, "end"), await anext(t, "end")]
    print(got)
    results = await asyncio.gather(anext(ticker(1), "a"), anext(ticker(0), "b"))
    print(results)
    it = aiter(ticker(3))
    print([x async for x in it])


asyncio.run(loop_main())
