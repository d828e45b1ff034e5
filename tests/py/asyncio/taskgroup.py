# TaskGroup (3.11): results, errors gathered in an ExceptionGroup, cancellation.
import asyncio


async def value(x, delay=0):
    await asyncio.sleep(delay)
    return x


async def fail(exc, delay=0):
    await asyncio.sleep(delay)
    raise exc


def show_group(eg, indent=''):
    print(f'{indent}{type(eg).__name__}: {eg}')
    for e in eg.exceptions:
        if isinstance(e, BaseExceptionGroup):
            show_group(e, indent + '  ')
        else:
            print(f'{indent}  {e!r}')


async def main():
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(value(1, 0.01))
        t2 = tg.create_task(value(2), name='second')
        print('inside', t1.done(), t2.done(), t2.get_name())
    print('results', t1.result(), t2.result())

    # One failure cancels the siblings; errors are raised as an ExceptionGroup.
    log = []
    async def victim():
        try:
            await asyncio.sleep(10)
        except asyncio.CancelledError:
            log.append('victim cancelled')
            raise
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(victim())
            tg.create_task(fail(ValueError('boom'), 0.001))
            tg.create_task(fail(KeyError('key'), 0.001))
    except ExceptionGroup as eg:
        show_group(eg)
        print(repr(eg))
        print('split', eg.split(ValueError)[0].exceptions)
    print(log)

    # An error in the body itself is included in the group.
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(victim())
            await asyncio.sleep(0)
            raise RuntimeError('in body')
    except ExceptionGroup as eg:
        show_group(eg)
    print(log)

    # Cancelling the parent cancels the group and propagates CancelledError.
    async def parent():
        async with asyncio.TaskGroup() as tg:
            tg.create_task(victim())
            tg.create_task(victim())
            await asyncio.sleep(10)
    p = asyncio.create_task(parent())
    await asyncio.sleep(0.001)
    p.cancel()
    try:
        await p
    except asyncio.CancelledError:
        print('parent cancelled', p.cancelled(), log)

    # Nested groups: inner failure shows up nested.
    try:
        async with asyncio.TaskGroup() as outer:
            async def inner_group():
                async with asyncio.TaskGroup() as inner:
                    inner.create_task(fail(ZeroDivisionError('inner')))
            outer.create_task(inner_group())
            outer.create_task(fail(OSError('outer'), 0.01))
    except ExceptionGroup as eg:
        show_group(eg)

    # create_task after exit is refused.
    tg = asyncio.TaskGroup()
    async with tg:
        pass
    coro = value(0)
    try:
        tg.create_task(coro)
    except RuntimeError as e:
        print('RuntimeError', str(e).split(' ', 1)[0], 'finished' in str(e))
    coro.close()
    # The task still counts as not cancelled after handled errors.
    print('cancelling', asyncio.current_task().cancelling())


asyncio.run(main())
