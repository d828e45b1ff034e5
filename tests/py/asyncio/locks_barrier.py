# asyncio.Barrier (3.11): indexes, rounds, reset, abort, cancellation, reprs.
import asyncio


def noaddr(o):
    """repr(o) without the ' at 0x...' part."""
    s = repr(o)
    i = s.find(" at 0x")
    if i < 0:
        return s
    j = i + 6
    while j < len(s) and s[j] in "0123456789abcdef":
        j += 1
    return s[:i] + s[j:]


async def spin(n=5):
    for _ in range(n):
        await asyncio.sleep(0)


async def rounds():
    b = asyncio.Barrier(3)
    print(noaddr(b), b.parties, b.n_waiting, b.broken)
    log = []

    async def party(name):
        for r in range(2):
            i = await b.wait()
            log.append((r, name, i))

    tasks = [asyncio.create_task(party(n)) for n in "abc"]
    await asyncio.sleep(0)
    print(noaddr(b), b.n_waiting)
    await asyncio.gather(*tasks)
    print(log)
    print(noaddr(b))


async def context_manager():
    b = asyncio.Barrier(2)
    got = []

    async def party():
        async with b as i:
            got.append(i)

    await asyncio.gather(party(), party())
    print(sorted(got), noaddr(b))


async def reset_and_abort():
    b = asyncio.Barrier(3)
    results = []

    async def party(name):
        try:
            i = await b.wait()
            results.append((name, i))
        except asyncio.BrokenBarrierError as e:
            results.append((name, "broken: " + str(e)))

    tasks = [asyncio.create_task(party(n)) for n in "ab"]
    await spin()
    print(noaddr(b), b.n_waiting)
    await b.reset()
    print(noaddr(b))
    await asyncio.gather(*tasks)
    print(results, noaddr(b))

    # usable again after the reset
    results.clear()
    await asyncio.gather(*(party(n) for n in "xyz"))
    print(sorted(results))

    results.clear()
    tasks = [asyncio.create_task(party(n)) for n in "pq"]
    await spin()
    await b.abort()
    await asyncio.gather(*tasks)
    print(results, b.broken, noaddr(b))
    try:
        await b.wait()
    except asyncio.BrokenBarrierError as e:
        print("BrokenBarrierError:", e)
    await b.reset()
    print(noaddr(b))

    try:
        asyncio.Barrier(0)
    except ValueError as e:
        print("ValueError:", e)


async def cancel_waiter():
    b = asyncio.Barrier(2)
    t = asyncio.create_task(b.wait())
    await spin()
    print(b.n_waiting)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print(t.cancelled(), b.n_waiting, noaddr(b))
    print(sorted(await asyncio.gather(b.wait(), b.wait())))


async def main():
    await rounds()
    await context_manager()
    await reset_and_abort()
    await cancel_waiter()


asyncio.run(main())
