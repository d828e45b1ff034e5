# asyncio.Lock and asyncio.Event: states, reprs, FIFO wake-up order, cancellation.
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


async def lock_basics():
    lock = asyncio.Lock()
    print(noaddr(lock), lock.locked())
    print(await lock.acquire(), lock.locked())
    print(noaddr(lock))
    lock.release()
    print(lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    async with lock as v:
        print("inside", v, lock.locked())
    print("after", lock.locked())
    try:
        async with lock:
            raise KeyError("boom")
    except KeyError as e:
        print("KeyError propagated, locked:", lock.locked())


async def lock_fifo():
    lock = asyncio.Lock()
    order = []

    async def worker(name):
        async with lock:
            order.append(name + "+")
            await asyncio.sleep(0)
            order.append(name + "-")

    await lock.acquire()
    tasks = [asyncio.create_task(worker(n)) for n in "abc"]
    await spin()
    print(noaddr(lock))
    lock.release()
    await asyncio.gather(*tasks)
    print(order)
    print(noaddr(lock))


async def lock_cancel():
    lock = asyncio.Lock()
    await lock.acquire()
    order = []

    async def waiter(name):
        try:
            await lock.acquire()
        except asyncio.CancelledError:
            order.append(name + " cancelled")
            raise
        order.append(name + " got it")
        lock.release()

    ta = asyncio.create_task(waiter("a"))
    tb = asyncio.create_task(waiter("b"))
    tc = asyncio.create_task(waiter("c"))
    await spin()
    tb.cancel()
    await spin()
    print(noaddr(lock))
    lock.release()
    await asyncio.gather(ta, tc)
    print(order, tb.cancelled())

    # woken and cancelled in the same step: the wake-up passes to the next waiter
    await lock.acquire()
    order.clear()
    ta = asyncio.create_task(waiter("a"))
    tb = asyncio.create_task(waiter("b"))
    await spin()
    lock.release()
    ta.cancel()
    await asyncio.gather(ta, tb, return_exceptions=True)
    print(order, ta.cancelled(), lock.locked())

    # a free lock with only cancelled waiters queued is taken at once
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    await spin()
    t.cancel()
    lock.release()
    print(await lock.acquire(), lock.locked())
    lock.release()
    await asyncio.gather(t, return_exceptions=True)
    print(t.cancelled())


async def event_basics():
    ev = asyncio.Event()
    print(noaddr(ev), ev.is_set())
    results = []

    async def waiter(i):
        r = await ev.wait()
        results.append((i, r))

    tasks = [asyncio.create_task(waiter(i)) for i in range(3)]
    await spin()
    print(noaddr(ev))
    ev.set()
    print(noaddr(ev))
    await asyncio.gather(*tasks)
    print(results)
    print(await ev.wait())
    ev.set()
    ev.clear()
    print(ev.is_set())

    # a cancelled waiter leaves the queue; the others still wake
    t1 = asyncio.create_task(ev.wait())
    t2 = asyncio.create_task(ev.wait())
    await spin()
    t1.cancel()
    await spin()
    print(noaddr(ev))
    ev.set()
    print(await t2, t1.cancelled())


async def main():
    await lock_basics()
    await lock_fifo()
    await lock_cancel()
    await event_basics()


asyncio.run(main())


# a lock is bound to the first loop that waits on it
lock = asyncio.Lock()


async def hold_and_wait():
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    await spin()
    lock.release()
    await t
    lock.release()
    print("first loop ok")


async def other_loop():
    await lock.acquire()
    t = asyncio.create_task(lock.acquire())
    await spin()
    lock.release()
    try:
        await t
    except RuntimeError as e:
        print("RuntimeError:", noaddr(e))


asyncio.run(hold_and_wait())
asyncio.run(other_loop())
