# asyncio.Condition, Semaphore and BoundedSemaphore: notify order, wait_for, cancellation,
# FIFO fairness, reprs.
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


async def condition_basics():
    cond = asyncio.Condition()
    print(noaddr(cond), cond.locked())
    for call in (cond.wait(), ):
        try:
            await call
        except RuntimeError as e:
            print("RuntimeError:", e)
    try:
        cond.notify()
    except RuntimeError as e:
        print("RuntimeError:", e)

    order = []

    async def waiter(i):
        async with cond:
            r = await cond.wait()
            order.append((i, r, cond.locked()))

    tasks = [asyncio.create_task(waiter(i)) for i in range(4)]
    await spin()
    print(noaddr(cond))
    async with cond:
        cond.notify()
    await spin()
    print(order)
    async with cond:
        cond.notify(2)
    await spin()
    print(order)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*tasks)
    print(order)

    # wait_for returns the predicate's value
    box = []

    async def consumer():
        async with cond:
            v = await cond.wait_for(lambda: len(box) >= 2 and box[:])
            print("consumer saw", v)

    t = asyncio.create_task(consumer())
    for x in "xyz":
        await spin()
        async with cond:
            box.append(x)
            cond.notify_all()
    await t

    # a shared lock
    lock = asyncio.Lock()
    c2 = asyncio.Condition(lock)
    async with lock:
        print("shared lock:", c2.locked())
    print("shared lock:", c2.locked())


async def condition_cancel():
    cond = asyncio.Condition()
    events = []

    async def waiter():
        async with cond:
            try:
                await cond.wait()
            except asyncio.CancelledError:
                events.append(("cancelled, lock held", cond.locked()))
                raise

    t = asyncio.create_task(waiter())
    await spin()
    async with cond:
        t.cancel()
        await asyncio.sleep(0)
        events.append(("still waiting for lock", t.done()))
    try:
        await t
    except asyncio.CancelledError:
        events.append("task cancelled")
    print(events, cond.locked(), noaddr(cond))


async def semaphore_basics():
    sem = asyncio.Semaphore(2)
    print(noaddr(sem), sem.locked())
    print(await sem.acquire(), noaddr(sem))
    print(await sem.acquire(), noaddr(sem), sem.locked())
    sem.release()
    sem.release()
    sem.release()
    print(noaddr(sem))   # an unbounded Semaphore can go above its initial value
    try:
        asyncio.Semaphore(-1)
    except ValueError as e:
        print("ValueError:", e)

    sem = asyncio.Semaphore(2)
    running = []
    peak = 0
    order = []

    async def worker(i):
        nonlocal peak
        async with sem:
            running.append(i)
            peak = max(peak, len(running))
            order.append(i)
            await spin(2)
            running.remove(i)

    await asyncio.gather(*(worker(i) for i in range(6)))
    print("peak", peak, "order", order, noaddr(sem))


async def semaphore_fairness():
    sem = asyncio.Semaphore(1)
    order = []

    async def worker(name):
        await sem.acquire()
        order.append(name)

    await sem.acquire()
    tasks = [asyncio.create_task(worker(n)) for n in "abc"]
    await spin()
    print(noaddr(sem))
    sem.release()
    # a newcomer does not jump the queue while someone is waiting
    print("locked for newcomers:", sem.locked())
    await spin()
    sem.release()
    await spin()
    sem.release()
    await asyncio.gather(*tasks)
    print(order, noaddr(sem))

    # a waiter woken and cancelled at once gives its unit to the next waiter
    sem = asyncio.Semaphore(0)
    order.clear()
    ta = asyncio.create_task(worker("a"))
    tb = asyncio.create_task(worker("b"))
    await spin()
    sem.release()
    ta.cancel()
    await asyncio.gather(ta, tb, return_exceptions=True)
    print(order, ta.cancelled(), noaddr(sem))

    # cancelled before being woken: the unit stays with the semaphore
    sem = asyncio.Semaphore(0)
    t = asyncio.create_task(sem.acquire())
    await spin()
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    sem.release()
    print(t.cancelled(), noaddr(sem))


async def bounded():
    bs = asyncio.BoundedSemaphore(2)
    try:
        bs.release()
    except ValueError as e:
        print("ValueError:", e)
    await bs.acquire()
    bs.release()
    print(noaddr(bs))
    async with bs:
        async with bs:
            print(noaddr(bs))
    print(isinstance(bs, asyncio.Semaphore))


async def main():
    await condition_basics()
    await condition_cancel()
    await semaphore_basics()
    await semaphore_fairness()
    await bounded()


asyncio.run(main())
