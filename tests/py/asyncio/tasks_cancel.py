# Tasks: names, reprs, results, cancellation (messages, propagation, uncancel), shield.
import asyncio

FILE = __file__


def r(obj):
    return repr(obj).replace(FILE, 'FILE')


async def value(x, delay=0):
    await asyncio.sleep(delay)
    return x


async def fail(exc, delay=0):
    await asyncio.sleep(delay)
    raise exc


async def forever(log):
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError as e:
        log.append(('cancelled', e.args))
        raise


async def main():
    loop = asyncio.get_running_loop()
    me = asyncio.current_task()
    print('current', me.get_name(), asyncio.current_task(loop) is me)
    t = asyncio.create_task(value(1), name='val')
    print(r(t))
    print('done?', t.done(), t.cancelled())
    print(await t, t.done(), t.result(), t.exception())
    print(r(t))
    t.set_name('renamed')
    print(t.get_name(), t.get_coro().__name__)
    try:
        t.set_result(3)
    except RuntimeError as e:
        print('RuntimeError', e)

    # Exceptions propagate through await and are stored.
    t = asyncio.create_task(fail(ValueError('bad')), name='failing')
    try:
        await t
    except ValueError as e:
        print('caught', repr(e))
    print(r(t), repr(t.exception()))

    # Cancel with a message; the message reaches the coroutine and the awaiter.
    log = []
    t = asyncio.create_task(forever(log), name='sleepy')
    await asyncio.sleep(0)
    print(r(t))
    print('cancel ->', t.cancel('stop now'), 'cancelling', t.cancelling())
    print('cancel again ->', t.cancel(), 'cancelling', t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print('awaiter got CancelledError', e.args)
    print(log, t.cancelled(), t.done(), r(t))
    print('cancel done ->', t.cancel())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print('result() raises CancelledError', e.args)
    try:
        t.exception()
    except asyncio.CancelledError as e:
        print('exception() raises CancelledError', e.args)

    # Cancel before the task started: the coroutine never runs.
    ran = []
    async def never():
        ran.append(1)
    t = asyncio.create_task(never())
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print('cancelled before start, ran:', ran)

    # A task that swallows the cancellation and returns normally.
    async def stubborn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print('stubborn: cancelling =', asyncio.current_task().cancelling())
            print('stubborn: uncancel ->', asyncio.current_task().uncancel())
            return 'survived'
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0)
    t.cancel()
    print(await t, t.cancelled())

    # Cancelling the awaiting task cancels the awaited inner task too.
    log = []
    inner = asyncio.create_task(forever(log), name='inner')
    async def outer_fn():
        return await inner
    outer = asyncio.create_task(outer_fn(), name='outer')
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    outer.cancel('outer msg')
    res = await asyncio.gather(outer, return_exceptions=True)
    print('outer', repr(res[0]), outer.cancelled(), 'inner', inner.cancelled(), log)

    # shield: the outer await is cancelled, the shielded task continues.
    inner = asyncio.create_task(value('shielded', 0.01))
    async def waiter():
        return await asyncio.shield(inner)
    w = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    w.cancel()
    try:
        await w
    except asyncio.CancelledError:
        print('waiter cancelled', w.cancelled(), 'inner cancelled', inner.cancelled())
    print('inner result', await inner)

    # CancelledError is a BaseException, not an Exception.
    print(issubclass(asyncio.CancelledError, Exception),
          issubclass(asyncio.CancelledError, BaseException))
    print(asyncio.TimeoutError is TimeoutError)

    # all_tasks contains the pending tasks of this loop only.
    t1 = asyncio.create_task(value(1, 0.01), name='p1')
    t2 = asyncio.create_task(value(2, 0.01), name='p2')
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(t1, t2)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))

    # ensure_future wraps coroutines and returns futures unchanged.
    f = loop.create_future()
    print(asyncio.ensure_future(f) is f)
    t = asyncio.ensure_future(value('ens'))
    print(type(t).__name__, await t)

    # Awaiting a task from itself is an error.
    async def self_await():
        await asyncio.current_task()
    try:
        await asyncio.create_task(self_await())
    except RuntimeError as e:
        print('RuntimeError', str(e).split(':')[0])

    # Bad yield.
    class Bad:
        def __await__(self):
            yield 'junk'
    try:
        await asyncio.create_task(Bad().__await__() if False else _bad_coro(Bad()))
    except RuntimeError as e:
        print('RuntimeError', str(e).split(':')[0])


async def _bad_coro(b):
    await b


asyncio.run(main())
print(asyncio.iscoroutinefunction(main), asyncio.iscoroutinefunction(print))
c = main()
print(asyncio.iscoroutine(c), asyncio.iscoroutine(42))
c.close()
