# Asynchronous comprehensions and async generator expressions.


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


async def arange(n):
    for i in range(n):
        await Tick()
        yield i


async def double(x):
    await Tick()
    return x * 2


async def comps():
    out = []
    out.append([i async for i in arange(4)])
    out.append({i % 2 async for i in arange(5)})
    out.append({i: str(i) async for i in arange(3)})
    out.append([i async for i in arange(6) if i % 2 if i > 1])
    out.append([(i, j) async for i in arange(3) for j in range(i)])
    out.append([(i, j) for i in range(3) async for j in arange(i)])
    out.append([(i, j) async for i in arange(3) async for j in arange(2)])
    out.append([await double(i) for i in range(3)])
    out.append([await double(i) async for i in arange(3) if await double(i) > 0])
    out.append({await double(k): v for k, v in [(1, 'a'), (2, 'b')]})
    return out


res, ticks = run(comps())
for r in res:
    print(r)
print('ticks', ticks)


async def genexps():
    out = []
    g = (i * 10 async for i in arange(3))
    print(type(g).__name__, g.__name__, g.__qualname__.endswith('<genexpr>'))
    out.append([x async for x in g])
    g2 = (await double(i) for i in range(3))
    print(type(g2).__name__)
    out.append([x async for x in g2])
    # an async genexp consumed manually
    g3 = (i async for i in arange(2))
    out.append(await g3.__anext__())
    out.append(await g3.__anext__())
    try:
        await g3.__anext__()
    except StopAsyncIteration:
        out.append('exhausted')
    # nested: a comprehension over an async genexp of an async genexp
    out.append([y async for y in (x + 1 async for x in (i * 2 async for i in arange(3)))])
    return out


res, ticks = run(genexps())
print(res, ticks)


# scoping: comprehension variables stay local, enclosing variables are visible
async def scopes():
    k = 100
    i = 'outer i'
    r = [i + k async for i in arange(3)]
    return r, i


print(run(scopes()))


# an exception inside the comprehension propagates
async def failing():
    return [1 // (i - 2) async for i in arange(5)]


print(run(failing()))


# async comprehension in a lambda is a SyntaxError outside async functions, fine inside
async def with_lambda():
    f = lambda: [x for x in range(3)]
    return f()


print(run(with_lambda()))

# compile-time errors
for src in ('def f():\n    return [x async for x in y]\n',
            'def f():\n    return [await x for x in y]\n',
            'def f():\n    return {x: 1 async for x in y}\n'):
    try:
        compile(src, '<src>', 'exec')
        print('compiled')
    except SyntaxError as e:
        print('SyntaxError', e.msg, e.lineno)

# an async generator expression is allowed in a plain function
def make_gen(src):
    return (x async for x in src)


g = make_gen(arange(2))
print(type(g).__name__)


async def use_gen():
    return [x async for x in g]


print(run(use_gen()))
