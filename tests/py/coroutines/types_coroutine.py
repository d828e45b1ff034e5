# Generator-based coroutines: @types.coroutine (CO_ITERABLE_COROUTINE), yield from a
# coroutine, awaiting generator-based coroutines, the sleep(0) pattern.
import types


@types.coroutine
def sleep0():
    """The asyncio.sleep(0) idiom: a bare yield handed to the event loop."""
    yield


@types.coroutine
def ask(question):
    answer = yield ('ask', question)
    return answer


print(bool(sleep0.__code__.co_flags & 0x100), bool(sleep0.__code__.co_flags & 0x20))
print(type(sleep0()).__name__)


async def worker(n):
    total = 0
    for i in range(n):
        await sleep0()
        total += await ask(i)
    return total


def run(coro, answer=lambda q: None):
    log = []
    v = None
    while True:
        try:
            req = coro.send(v)
        except StopIteration as e:
            return e.value, log
        log.append(req)
        v = answer(req[1]) if isinstance(req, tuple) else None


print(run(worker(3), lambda q: q * 10))


# a generator-based coroutine may `yield from` native coroutines
async def native(x):
    await sleep0()
    return x + 1


@types.coroutine
def legacy(x):
    a = yield from native(x)
    b = yield from native(a)
    return b


async def uses_legacy():
    return await legacy(1)


print(run(uses_legacy()))

# a plain generator may not
def plain_gen():
    yield from native(1)


try:
    list(plain_gen())
except TypeError as e:
    print(type(e).__name__, e)

# a plain generator cannot be awaited
def not_marked():
    yield


async def await_plain():
    await not_marked()


try:
    run(await_plain())
except TypeError as e:
    print(type(e).__name__, e)


# types.coroutine on a function that returns a generator or a coroutine
def returns_gen():
    return (i for i in range(2))


wrapped = types.coroutine(returns_gen)


async def await_wrapped():
    return await wrapped()


print(run(await_wrapped()))


def returns_coro():
    return native(5)


print(run(types.coroutine(returns_coro)()))
try:
    types.coroutine(5)
except TypeError as e:
    print(type(e).__name__, e)

# already a coroutine function: returned unchanged
print(types.coroutine(native) is native)
print(types.coroutine(sleep0) is sleep0)

# code.replace
co = native.__code__.replace(co_name='renamed')
print(co.co_name, co.co_flags == native.__code__.co_flags)


# an iterable coroutine can still be iterated
print(list(ask('q')))
