# `async for` over class-based async iterators and async generators, driven by hand.


class Tick:
    def __await__(self):
        yield 'tick'


def run(coro):
    ticks = 0
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value, ticks
        except BaseException as e:
            return 'raised', type(e).__name__, str(e)
        ticks += 1


class ARange:
    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        await Tick()
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1


class SyncAnext:
    """__anext__ returning a plain awaitable object rather than a coroutine."""
    def __init__(self, items):
        self.items = list(items)

    def __aiter__(self):
        return self

    def __anext__(self):
        return Step(self.items)


class Step:
    def __init__(self, items):
        self.items = items

    def __await__(self):
        if not self.items:
            raise StopAsyncIteration
        yield 'step'
        return self.items.pop(0)


async def basic():
    out = []
    async for i in ARange(4):
        out.append(i)
    return out


print(run(basic()))


async def control():
    out = []
    async for i in ARange(10):
        if i == 1:
            continue
        if i == 5:
            break
        out.append(i)
    else:
        out.append('no-else')
    async for i in ARange(2):
        out.append(('second', i))
    else:
        out.append('else ran')
    return out


print(run(control()))


async def nested():
    out = []
    async for i in ARange(3):
        async for j in SyncAnext('ab'):
            out.append((i, j))
    return out


print(run(nested()))


async def ret_inside():
    async for i in ARange(5):
        for j in range(3):
            if i == 2 and j == 1:
                return (i, j)
    return None


print(run(ret_inside()))


async def exc_in_body():
    out = []
    try:
        async for i in ARange(5):
            out.append(i)
            if i == 2:
                raise KeyError(i)
    except KeyError as e:
        out.append(('caught', e.args))
    return out


print(run(exc_in_body()))


class Failing:
    def __aiter__(self):
        return self

    async def __anext__(self):
        raise ValueError('from __anext__')


async def exc_in_anext():
    try:
        async for i in Failing():
            pass
    except ValueError as e:
        return 'caught ' + str(e)


print(run(exc_in_anext()))


async def unpack():
    out = []
    async for a, (b, c) in SyncAnext([(1, (2, 3)), (4, (5, 6))]):
        out.append(a + b + c)
    return out


print(run(unpack()))


# errors
class NoAnext:
    def __aiter__(self):
        return 42


class BadAnext:
    def __aiter__(self):
        return self

    def __anext__(self):
        return 5


async def loop_over(obj):
    async for x in obj:
        pass


for obj in (1, [1, 2], NoAnext(), BadAnext()):
    print(run(loop_over(obj)))


async def cause():
    try:
        async for x in BadAnext():
            pass
    except TypeError as e:
        return type(e.__cause__).__name__, str(e.__cause__)


print(run(cause()))


# async for in an async generator, with the loop variable a global and attribute
class Box:
    pass


box = Box()


async def targets():
    global gv
    async for gv in ARange(2):
        pass
    async for box.attr in ARange(3):
        pass
    d = {}
    async for d['k'] in ARange(4):
        pass
    return gv, box.attr, d


print(run(targets()))


# async for inside try/finally in an async generator that is closed early
async def agen():
    try:
        async for i in ARange(100):
            yield i
    finally:
        print('agen finally')


async def early():
    g = agen()
    out = []
    async for v in g:
        out.append(v)
        if v == 2:
            break
    await g.aclose()
    return out


print(run(early()))
