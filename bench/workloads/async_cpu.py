# asyncio and CPU-bound work: the intloop job in THREADS tasks on one event loop. Each task
# yields to the loop (await asyncio.sleep(0)) every 100 outer iterations. Compare with
# intloop.py (threads) and procs_intloop.py (processes) at the same THREADS and SIZE: one
# thread runs every task, so asyncio adds no CPU parallelism in any strategy.
import asyncio
import time

from _common import parse_args, report

YIELD_EVERY = 100


async def intloop(n):
    total = 0
    for i in range(n):
        for j in range(100):
            total += (i * j) % 7 - (j >> 1)
        if i % YIELD_EVERY == YIELD_EVERY - 1:
            await asyncio.sleep(0)
    return total


async def run(tasks, size):
    start = time.perf_counter()
    results = await asyncio.gather(*[intloop(size) for _ in range(max(tasks, 1))])
    return time.perf_counter() - start, results


if __name__ == "__main__":
    threads, size = parse_args(30000)
    seconds, results = asyncio.run(run(threads, size))
    report("async_cpu", threads, size, seconds, results[0],
           ok=all(r == results[0] for r in results))
