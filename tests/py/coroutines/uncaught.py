# An exception escaping a chain of coroutines driven by hand: the traceback shows every
# coroutine frame.


class Tick:
    def __await__(self):
        yield


async def fetch(key):
    await Tick()
    return {'a': 1}[key]


async def handler(key):
    value = await fetch(key)
    return value * 2


async def main():
    print('a ->', await handler('a'))
    print('b ->', await handler('b'))


def run(coro):
    while True:
        try:
            coro.send(None)
        except StopIteration as e:
            return e.value


run(main())
