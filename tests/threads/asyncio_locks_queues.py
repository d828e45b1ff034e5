# Several threads, each running its own event loop at the same time, each with its own
# asyncio Queue / Lock / Semaphore / Event / Barrier pipeline; exact counts per thread.
# An asyncio Lock shared by all the loops (used by one thread at a time: asyncio primitives
# are not thread-safe) binds to the first loop that waits on it; the others get
# RuntimeError ("bound to a different event loop").
import asyncio
import threading

N_THREADS = 4
N_PRODUCERS = 3
N_ITEMS = 200
N_CONSUMERS = 4


async def pipeline(tid):
    q = asyncio.Queue(maxsize=8)
    lock = asyncio.Lock()
    sem = asyncio.Semaphore(2)
    start = asyncio.Event()
    barrier = asyncio.Barrier(N_CONSUMERS)
    totals = {"sum": 0, "count": 0, "max_in_sem": 0}
    in_sem = 0

    async def producer(p):
        await start.wait()
        for i in range(N_ITEMS):
            await q.put(p * N_ITEMS + i)

    async def consumer():
        nonlocal in_sem
        await barrier.wait()
        while True:
            item = await q.get()
            if item is None:
                q.task_done()
                return
            async with sem:
                in_sem += 1
                totals["max_in_sem"] = max(totals["max_in_sem"], in_sem)
                await asyncio.sleep(0)
                in_sem -= 1
            async with lock:
                s = totals["sum"]
                await asyncio.sleep(0)      # a lost update would show without the lock
                totals["sum"] = s + item
                totals["count"] += 1
            q.task_done()

    consumers = [asyncio.create_task(consumer()) for _ in range(N_CONSUMERS)]
    producers = [asyncio.create_task(producer(p)) for p in range(N_PRODUCERS)]
    await asyncio.sleep(0)
    start.set()
    await asyncio.gather(*producers)
    await q.join()
    for _ in consumers:
        q.put_nowait(None)
    await asyncio.gather(*consumers)
    return totals


shared = asyncio.Lock()
shared_turn = threading.Lock()
shared_results = []
results = {}


async def use_shared():
    await shared.acquire()
    waiter = asyncio.create_task(shared.acquire())   # waiting binds the lock to a loop
    await asyncio.sleep(0)
    shared.release()
    try:
        await waiter
        shared.release()
        return "bound here"
    except RuntimeError as e:
        return "RuntimeError" if "different event loop" in str(e) else repr(e)


def worker(tid):
    results[tid] = asyncio.run(pipeline(tid))
    with shared_turn:
        shared_results.append(asyncio.run(use_shared()))


threads = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()

n = N_PRODUCERS * N_ITEMS
expected = n * (n - 1) // 2
for tid in sorted(results):
    r = results[tid]
    print(tid, r["count"] == n, r["sum"] == expected, r["max_in_sem"] <= 2)
print(sorted(shared_results))
