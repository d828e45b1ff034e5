# gather, wait, wait_for, timeout/timeout_at, as_completed.
import asyncio


async def value(x, delay=0):
    await asyncio.sleep(delay)
    return x


async def fail(exc, delay=0):
    await asyncio.sleep(delay)
    raise exc


async def main():
    loop = asyncio.get_running_loop()
    # gather keeps argument order; duplicates share one task.
    c = value('dup', 0.001)
    print(await asyncio.gather(value(1, 0.02), value(2, 0.01), value(3)))
    print(await asyncio.gather())
    f = asyncio.ensure_future(value('same'))
    print(await asyncio.gather(f, f, value('x')))
    print(await asyncio.gather(c))
    # return_exceptions collects errors, including cancellations.
    t = asyncio.create_task(value('never', 10))
    async def canceller():
        await asyncio.sleep(0)
        t.cancel('bye')
    res = await asyncio.gather(value(1), fail(KeyError('k')), t, canceller(),
                               return_exceptions=True)
    print([repr(x) for x in res])
    # Without return_exceptions the first error propagates; the others keep running.
    slow = asyncio.create_task(value('slow', 0.1))
    try:
        await asyncio.gather(fail(ValueError('first'), 0.001), slow)
    except ValueError as e:
        print('gather raised', repr(e), 'slow done:', slow.done())
    print('slow result', await slow)
    # Cancelling the gather cancels its children.
    kids = [asyncio.create_task(value(i, 10)) for i in range(3)]
    g = asyncio.gather(*kids)
    await asyncio.sleep(0)
    print('gather cancel', g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print('gather cancelled', [k.cancelled() for k in kids])

    # wait
    def names(s):
        return sorted(t.get_name() for t in s)
    ts = [asyncio.create_task(value(i, d), name=f'w{i}')
          for i, d in enumerate([0.3, 0.001, 0.15])]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print('FIRST_COMPLETED', names(done), names(pending))
    done, pending = await asyncio.wait(ts, timeout=0.05)
    print('timeout', names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    print('ALL_COMPLETED', names(done), names(pending), [t.result() for t in ts])
    ts = [asyncio.create_task(fail(OSError('e'), 0.005), name='f0'),
          asyncio.create_task(value(1, 0.001), name='f1'),
          asyncio.create_task(value(2, 0.3), name='f2')]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print('FIRST_EXCEPTION', names(done), names(pending))
    ts[2].cancel()
    for bad in ([], set()):
        try:
            await asyncio.wait(bad)
        except ValueError as e:
            print('ValueError', e)
    coro = value(1)
    try:
        await asyncio.wait([coro])
    except TypeError as e:
        print('TypeError', e)
    coro.close()

    # wait_for
    print('wait_for ok', await asyncio.wait_for(value('quick'), 1))
    print('wait_for None', await asyncio.wait_for(value('none'), None))
    log = []
    async def slow_fn():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            log.append('slow cancelled')
            raise
    try:
        await asyncio.wait_for(slow_fn(), 0.01)
    except asyncio.TimeoutError as e:
        print('wait_for timeout', type(e).__name__, type(e.__cause__).__name__, log)
    try:
        await asyncio.wait_for(slow_fn(), 0)
    except TimeoutError:
        print('wait_for timeout 0', log)
    try:
        await asyncio.wait_for(fail(IndexError('in wait_for')), 1)
    except IndexError as e:
        print('wait_for error', repr(e))

    # timeout / timeout_at
    try:
        async with asyncio.timeout(0.01) as cm:
            print('timeout when set', cm.when() is not None, cm.expired())
            await asyncio.sleep(10)
    except TimeoutError as e:
        print('timeout expired', cm.expired(), type(e.__cause__).__name__)
    async with asyncio.timeout(1) as cm:
        await asyncio.sleep(0)
    print('not expired', cm.expired())
    async with asyncio.timeout(None) as cm:
        print('when None', cm.when())
        cm.reschedule(loop.time() + 0.01)
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            print('inner sees CancelledError')
            raise
    print('never reached')


async def main2():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.01):
            await asyncio.sleep(10)
    except TimeoutError:
        print('timeout_at expired')
    # Nested timeouts: the inner one fires.
    try:
        async with asyncio.timeout(5):
            try:
                async with asyncio.timeout(0.01):
                    await asyncio.sleep(10)
            except TimeoutError:
                print('inner timeout', asyncio.current_task().cancelling())
            await asyncio.sleep(0)
            print('outer still fine')
    except TimeoutError:
        print('outer timeout (wrong)')
    # as_completed yields in completion order.
    out = []
    for fut in asyncio.as_completed([value('c', 0.09), value('a', 0.03), value('b', 0.06)]):
        out.append(await fut)
    print('as_completed', out)
    try:
        for fut in asyncio.as_completed([value('fast', 0), value('slow', 10)], timeout=0.01):
            print('got', await fut)
    except TimeoutError:
        print('as_completed timeout')


try:
    asyncio.run(main())
except TimeoutError:
    print('main: TimeoutError from rescheduled timeout')
asyncio.run(main2())
