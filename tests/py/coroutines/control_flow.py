# Awaits in every kind of block: except/finally handlers, loops, with, nested functions,
# the handled exception (sys.exc_info) across suspensions, and interleaved coroutines.
import sys


class Tick:
    def __init__(self, tag=None):
        self.tag = tag

    def __await__(self):
        return (yield self.tag)


def run(coro):
    out = []
    try:
        while True:
            out.append(coro.send(None))
    except StopIteration as e:
        return e.value, len(out)
    except BaseException as e:
        return 'raised', type(e).__name__, str(e)


async def await_in_except():
    try:
        raise ValueError('original')
    except ValueError as e:
        await Tick()
        info = sys.exc_info()[1]
        return 'handled %s, exc_info %r' % (e, info)


print(run(await_in_except()))


async def await_in_finally(log):
    try:
        log.append('body')
        return 'from body'
    finally:
        await Tick()
        log.append('finally after await')


log = []
print(run(await_in_finally(log)), log)


async def reraise_after_await():
    try:
        raise KeyError('k')
    except KeyError:
        await Tick()
        raise


print(run(reraise_after_await()))


async def exc_info_isolated(name, log):
    try:
        raise ValueError(name)
    except ValueError:
        await Tick()
        log.append((name, str(sys.exc_info()[1])))


# two coroutines suspended inside their except blocks each keep their own exception
log = []
a = exc_info_isolated('a', log)
b = exc_info_isolated('b', log)
a.send(None)
b.send(None)
print(sys.exc_info())
for c in (a, b):
    try:
        c.send(None)
    except StopIteration:
        pass
print(log, sys.exc_info())


async def loops():
    total = 0
    i = 0
    while True:
        i += 1
        if i % 2:
            await Tick()
            continue
        if i > 8:
            break
        for j in range(i):
            total += await Tick() or j
    else:
        total = -1
    return total


print(run(loops()))


class Mgr:
    async def __aenter__(self):
        await Tick()
        return self

    async def __aexit__(self, *exc):
        await Tick()
        return False


class ARange:
    def __init__(self, n):
        self.i, self.n = 0, n

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Tick()
        if self.i == self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i


async def mixed():
    out = []
    async with Mgr():
        async for i in ARange(5):
            async with Mgr():
                if i == 2:
                    continue
                if i == 4:
                    break
                out.append(i)
        try:
            async for i in ARange(3):
                async with Mgr():
                    if i == 2:
                        return out + ['returned at %d' % i]
        finally:
            out.append('finally')
    return out


print(run(mixed()))


# nested coroutine functions and closures over awaited values
async def outer():
    results = []

    async def inner(k):
        v = await Tick(k)
        results.append(k)
        return k * 2

    async def inner2():
        return [await inner(k) for k in range(3)]

    return await inner2(), results


print(run(outer()))


# conditional expressions, boolean operators, calls and f-strings with awaits
async def val(x):
    await Tick()
    return x


async def expressions():
    a = await val(1) + await val(2) * await val(3)
    b = await val(0) or await val('fallback')
    c = (await val('yes')) if await val(True) else 'no'
    d = f'{await val("f")}-{await val(42):05d}'
    e = [await val(i) for i in range(3)] + list({await val(9)})
    f = max(await val(3), await val(7), key=lambda z: z)
    g = {await val('k'): await val('v')}
    h = await val(await val(await val('deep')))
    return a, b, c, d, e, f, g, h


print(run(expressions()))


# a coroutine frame's locals while suspended
async def locals_demo(p):
    q = p + 1
    await Tick()
    return q


c = locals_demo(10)
c.send(None)
print(sorted(c.cr_frame.f_locals.items()), c.cr_frame.f_lineno)
c.close()
