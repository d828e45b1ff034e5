# `async with`: __aenter__/__aexit__ awaited, exceptions, suppression, unwinding, errors.


class Tick:
    def __init__(self, tag):
        self.tag = tag

    def __await__(self):
        yield self.tag


def run(coro):
    ticks = []
    while True:
        try:
            ticks.append(coro.send(None))
        except StopIteration as e:
            return e.value, ticks
        except BaseException as e:
            return 'raised', type(e).__name__, str(e), ticks


class Manager:
    def __init__(self, name, log, suppress=False):
        self.name = name
        self.log = log
        self.suppress = suppress

    async def __aenter__(self):
        await Tick('enter ' + self.name)
        self.log.append(('enter', self.name))
        return self.name.upper()

    async def __aexit__(self, typ, val, tb):
        await Tick('exit ' + self.name)
        self.log.append(('exit', self.name, typ.__name__ if typ else None, str(val) if val else None,
                         tb is not None))
        return self.suppress


async def simple(log):
    async with Manager('a', log) as v:
        log.append(('body', v))
    return 'ok'


log = []
print(run(simple(log)))
print(log)


async def multi(log):
    async with Manager('a', log) as x, Manager('b', log) as y:
        log.append(('body', x, y))
        async with Manager('c', log):
            log.append('inner')
    return x + y


log = []
print(run(multi(log)))
print(log)


async def raising(log, suppress):
    async with Manager('s', log, suppress):
        log.append('before')
        raise ValueError('boom')
    log.append('after')
    return 'finished'


for sup in (False, True):
    log = []
    print(run(raising(log, sup)))
    print(log)


async def unwinding(log):
    for i in range(3):
        async with Manager('loop%d' % i, log):
            if i == 0:
                continue
            if i == 1:
                break
    async with Manager('ret', log):
        return 'returned'


log = []
print(run(unwinding(log)))
print(log)


async def in_try(log):
    try:
        async with Manager('t', log):
            raise KeyError('k')
    except KeyError as e:
        log.append(('caught', repr(e)))
    finally:
        log.append('finally')
    return len(log)


log = []
print(run(in_try(log)))
print(log)


# __aexit__ raising replaces the exception
class BadExit:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *a):
        raise RuntimeError('exit failed')


async def bad_exit():
    try:
        async with BadExit():
            raise ValueError('original')
    except RuntimeError as e:
        return str(e), type(e.__context__).__name__


print(run(bad_exit()))


# protocol errors
class NoAexit:
    async def __aenter__(self):
        return 1


class SyncEnter:
    def __aenter__(self):
        return 1

    async def __aexit__(self, *a):
        return False


class SyncExit:
    async def __aenter__(self):
        return 1

    def __aexit__(self, *a):
        return False


class Sync:
    def __enter__(self):
        return 1

    def __exit__(self, *a):
        return False


async def use(m):
    async with m:
        return 'in body'


for m in (NoAexit(), SyncEnter(), SyncExit(), Sync(), 5):
    print(run(use(m)))


# async with inside an async generator
async def gen_with(log):
    async with Manager('g', log) as v:
        yield v
        yield v * 2


async def consume(log):
    return [x async for x in gen_with(log)]


log = []
print(run(consume(log)))
print(log)
