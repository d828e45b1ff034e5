# Async generators under the loop: finalization through sys.set_asyncgen_hooks,
# shutdown_asyncgens at the end of asyncio.run, async comprehensions, async with.
import asyncio
import sys

log = []


async def agen(name, n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        log.append(f'{name} finally')
        await asyncio.sleep(0)
        log.append(f'{name} closed after await')


class Resource:
    async def __aenter__(self):
        await asyncio.sleep(0)
        log.append('enter')
        return self

    async def __aexit__(self, *exc):
        await asyncio.sleep(0)
        log.append(('exit', exc[0].__name__ if exc[0] else None))
        return True


async def main():
    print('hooks installed', sys.get_asyncgen_hooks().firstiter is not None)
    print([x async for x in agen('full', 3)])
    g = agen('partial', 10)
    async for x in g:
        if x == 2:
            break
    print('broke at', x)
    kept = agen('kept', 10)
    print('first', await kept.__anext__())
    async with Resource():
        raise ValueError('swallowed')
    print(log)
    log.clear()
    return kept


kept = asyncio.run(main())
print('hooks restored', sys.get_asyncgen_hooks().firstiter is None)
print(sorted(log))
