# Error messages of the await / async protocols, and compile-time errors.


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value
    except Exception as e:
        return 'raised %s: %s' % (type(e).__name__, e)


async def await_it(x):
    return await x


class AwaitReturnsCoro:
    def __await__(self):
        return await_it(1)


class AwaitReturnsInt:
    def __await__(self):
        return 5


class AwaitReturnsList:
    def __await__(self):
        return [1, 2]


class AwaitRaises:
    def __await__(self):
        raise KeyError('in __await__')


class AwaitGen:
    def __await__(self):
        yield 1
        return 'from generator'


class AwaitIter:
    def __await__(self):
        return iter([])


for obj in (1, None, 'str', [1], AwaitReturnsCoro(), AwaitReturnsInt(), AwaitReturnsList(),
            AwaitRaises(), AwaitGen(), AwaitIter()):
    print(type(obj).__name__, '->', run(await_it(obj)))


# instance attribute __await__ is not looked up
class Plain:
    pass


p = Plain()
p.__await__ = lambda: iter([])
print(run(await_it(p)))


# awaiting the same coroutine twice
async def value():
    return 7


async def twice():
    c = value()
    a = await c
    b = await c
    return a, b


print(run(twice()))


# __aiter__ / __anext__ errors
class AiterNotIter:
    def __aiter__(self):
        return 3


async def af(obj):
    async for x in obj:
        pass


print(run(af(AiterNotIter())))
print(run(af(3)))
print(run(af(None)))

# a coroutine raising from a nested await has its frames in the traceback
async def deep():
    raise ZeroDivisionError('deep')


async def top():
    await deep()


try:
    top().send(None)
except ZeroDivisionError as e:
    tb = e.__traceback__
    names = []
    while tb:
        names.append(tb.tb_frame.f_code.co_name)
        tb = tb.tb_next
    print(names)

# compile-time errors
sources = [
    'def f():\n    await x\n',
    'await x\n',
    'async def f():\n    yield from x\n',
    'async def f():\n    yield 1\n    return 2\n',
    'def f():\n    async for x in y:\n        pass\n',
    'def f():\n    async with x:\n        pass\n',
    'async with x:\n    pass\n',
    'def f():\n    x = [y async for y in z]\n',
    'class C:\n    await x\n',
    'lambda: await x\n',
]
for src in sources:
    try:
        compile(src, '<src>', 'exec')
        print('compiled')
    except SyntaxError as e:
        print('SyntaxError:', e.msg, e.lineno)

# these compile
for src in ('async def f():\n    yield 1\n    return\n',
            'async def f():\n    return [await x async for x in y]\n',
            'def f():\n    return (x async for x in y)\n',
            'async def f():\n    async def g():\n        yield\n    return g\n'):
    compile(src, '<src>', 'exec')
    print('ok')

# the code flags
async def co():
    pass


async def ag():
    yield


def gen():
    yield


for f in (co, ag, gen):
    fl = f.__code__.co_flags
    print(f.__name__, bool(fl & 0x20), bool(fl & 0x80), bool(fl & 0x200))
