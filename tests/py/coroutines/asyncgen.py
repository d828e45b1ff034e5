# Asynchronous generators driven by hand: __anext__, asend, athrow, aclose, attributes.
import types


class Tick:
    def __await__(self):
        v = yield 'tick'
        return v


def run(coro):
    """Drive a coroutine, counting the ticks it passes to the 'event loop'."""
    ticks = 0
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value, ticks
        ticks += 1


def step(aw, value=None):
    """Await one awaitable by hand: ('yield', v) or ('stop', value) or exception."""
    try:
        return ('yield', aw.send(value))
    except StopIteration as e:
        return ('stop', e.value)
    except BaseException as e:
        return ('raise', type(e).__name__, str(e))


async def counter(n):
    try:
        for i in range(n):
            got = yield i
            if got is not None:
                print('  counter got', got)
            await Tick()
    finally:
        print('  counter finally')


ag = counter(3)
print(type(ag).__name__, type(ag) is types.AsyncGeneratorType)
r = repr(ag)
print(r.startswith('<async_generator object counter at 0x'))
print(ag.__name__, ag.__qualname__, ag.ag_code.co_name, hex(counter.__code__.co_flags & 0x3a0))
print(ag.ag_running, ag.ag_await, ag.ag_frame is not None)
print(ag.__aiter__() is ag)

a = ag.__anext__()
print(type(a).__name__)
print(step(a))            # first value: the await of __anext__ ends with StopIteration(0)
print(step(a))            # reusing the awaitable
a = ag.__anext__()
print(step(a))            # runs to the Tick: passes 'tick' through
print(ag.ag_await is not None)
print(step(a))            # then yields 1
a = ag.asend('hello')
print(step(a))
print(step(a))
a = ag.__anext__()
print(step(a))
print(step(a))            # exhausted: StopAsyncIteration
print(step(ag.__anext__()))
print(ag.ag_frame)

# athrow: the exception is raised at the yield
async def catcher():
    while True:
        try:
            yield 'ready'
        except KeyError as e:
            print('  caught', repr(e))
            yield 'recovered'


g = catcher()
print(step(g.__anext__()))
print(step(g.athrow(KeyError('k'))))
print(step(g.athrow(KeyError, KeyError('k2'))))
print(step(g.athrow(ValueError('v'))))
print(step(g.__anext__()))

# aclose runs finally blocks; a second aclose is a no-op
g = counter(5)
print(step(g.__anext__()))
c = g.aclose()
print(type(c).__name__)
print(step(c))
print(step(c))
print(step(g.aclose()))
print(step(g.__anext__()))

# aclose of a never-started generator
print(step(counter(2).aclose()))


# an async generator that ignores GeneratorExit
async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield 2


g = stubborn()
print(step(g.__anext__()))
print(step(g.aclose()))


# an async generator that awaits in its finally while closing
async def cleanup():
    try:
        yield 1
    finally:
        await Tick()
        print('  cleaned up')


g = cleanup()
print(step(g.__anext__()))
c = g.aclose()
print(step(c))
print(step(c))


# StopIteration / StopAsyncIteration raised inside become RuntimeError
async def bad_stop():
    yield 1
    raise StopIteration('x')


async def bad_stop_async():
    yield 1
    raise StopAsyncIteration('y')


for f in (bad_stop, bad_stop_async):
    g = f()
    step(g.__anext__())
    r = step(g.__anext__())
    print(r)


# values sent through asend inside a coroutine driving the generator
async def echo():
    v = None
    while True:
        v = yield v
        if v == 'stop':
            return


async def main():
    g = echo()
    out = [await g.asend(None)]
    for word in ('a', 'b', 'c'):
        out.append(await g.asend(word))
    try:
        await g.asend('stop')
    except StopAsyncIteration:
        out.append('stopped')
    return out


print(run(main()))


# __anext__ while the generator is already running
async def slow():
    await Tick()
    yield 1


g = slow()
a1 = g.__anext__()
print(step(a1))
print(step(g.__anext__()))
print(step(a1))


# async generator using await and async for over another async generator
async def doubled(src):
    async for v in src:
        await Tick()
        yield v * 2


async def collect():
    return [v async for v in doubled(counter(3))]


print(run(collect()))
