# asyncio.Queue, PriorityQueue, LifoQueue: nowait operations, blocking put/get, join,
# task_done, cancellation of blocked getters and putters, str().
import asyncio


async def spin(n=5):
    for _ in range(n):
        await asyncio.sleep(0)


async def nowait_ops():
    q = asyncio.Queue()
    print(str(q), q.maxsize, q.qsize(), q.empty(), q.full())
    for i in range(3):
        q.put_nowait(i)
    print(str(q), q.qsize(), q.empty(), q.full())
    print([q.get_nowait() for _ in range(3)])
    try:
        q.get_nowait()
    except asyncio.QueueEmpty as e:
        print("QueueEmpty", repr(e))
    q = asyncio.Queue(maxsize=2)
    q.put_nowait("a")
    q.put_nowait("b")
    print(q.full(), str(q))
    try:
        q.put_nowait("c")
    except asyncio.QueueFull as e:
        print("QueueFull", repr(e))
    print(asyncio.Queue(-1).full())

    pq = asyncio.PriorityQueue()
    for x in [5, 1, 4, 2, 3]:
        pq.put_nowait(x)
    print(str(pq), [pq.get_nowait() for _ in range(5)])
    pq = asyncio.PriorityQueue()
    for item in [(2, "b"), (1, "z"), (3, "a"), (1, "a")]:
        await pq.put(item)
    print([await pq.get() for _ in range(4)])

    lq = asyncio.LifoQueue()
    for x in "abc":
        await lq.put(x)
    print(str(lq), [await lq.get() for _ in range(3)])

    print(issubclass(asyncio.LifoQueue, asyncio.Queue), issubclass(asyncio.PriorityQueue, asyncio.Queue))

    def annotated(q: asyncio.Queue[int]) -> asyncio.PriorityQueue[str]:
        return q
    print(annotated.__name__, "defined")
    print(asyncio.QueueEmpty.__mro__[1].__name__, asyncio.QueueFull.__mro__[1].__name__)


async def blocking():
    q = asyncio.Queue(maxsize=1)
    log = []

    async def producer():
        for i in range(4):
            await q.put(i)
            log.append(f"put {i}")

    async def consumer():
        for _ in range(4):
            v = await q.get()
            log.append(f"got {v}")
            q.task_done()

    await asyncio.gather(producer(), consumer())
    print(log)

    q = asyncio.Queue()
    getters = [asyncio.create_task(q.get()) for _ in range(3)]
    await spin()
    print(str(q))
    for x in "xyz":
        q.put_nowait(x)
    print(await asyncio.gather(*getters))

    q = asyncio.Queue(1)
    q.put_nowait(0)
    putters = [asyncio.create_task(q.put(i)) for i in (1, 2)]
    await spin()
    print(str(q))
    print(q.get_nowait(), end=" ")
    await spin()
    print(q.get_nowait(), end=" ")
    await spin()
    print(q.get_nowait(), str(q))
    await asyncio.gather(*putters)


async def join_and_task_done():
    q = asyncio.Queue()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    await q.join()
    print("join on empty queue returns at once")
    done = []

    async def worker(name):
        while True:
            item = await q.get()
            await asyncio.sleep(0)
            done.append((name, item))
            q.task_done()

    for i in range(6):
        q.put_nowait(i)
    print(str(q))
    workers = [asyncio.create_task(worker(n)) for n in "AB"]
    await q.join()
    print(sorted(done), str(q))
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])


async def cancellation():
    # a getter cancelled before an item arrives does not take it
    q = asyncio.Queue()
    g1 = asyncio.create_task(q.get())
    g2 = asyncio.create_task(q.get())
    await spin()
    g1.cancel()
    await spin()
    q.put_nowait("item")
    print(await g2, g1.cancelled(), str(q))

    # woken and cancelled at once: the item goes to the next getter
    g1 = asyncio.create_task(q.get())
    g2 = asyncio.create_task(q.get())
    await spin()
    q.put_nowait("only")
    g1.cancel()
    r = await asyncio.gather(g1, g2, return_exceptions=True)
    print([type(x).__name__ if isinstance(x, BaseException) else x for x in r], q.qsize())

    # the same for putters
    q = asyncio.Queue(1)
    q.put_nowait("full")
    p1 = asyncio.create_task(q.put("p1"))
    p2 = asyncio.create_task(q.put("p2"))
    await spin()
    q.get_nowait()
    p1.cancel()
    await asyncio.gather(p1, p2, return_exceptions=True)
    print(p1.cancelled(), str(q))


async def main():
    await nowait_ops()
    await blocking()
    await join_and_task_done()
    await cancellation()


asyncio.run(main())
