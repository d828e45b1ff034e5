# asyncio I/O: THREADS tasks on one event loop, each sleeping 1 ms SIZE times
# (asyncio.sleep). Compare with io_sleep.py (THREADS threads doing time.sleep): N tasks
# should take as long as one, like N sleeping threads.
import asyncio
import time

from _common import parse_args, report


async def job(n):
    for _ in range(n):
        await asyncio.sleep(0.001)
    return n


async def run(tasks, size):
    start = time.perf_counter()
    results = await asyncio.gather(*[job(size) for _ in range(max(tasks, 1))])
    return time.perf_counter() - start, results


if __name__ == "__main__":
    threads, size = parse_args(200)
    seconds, results = asyncio.run(run(threads, size))
    report("async_sleep", threads, size, seconds, results[0],
           ok=all(r == size for r in results))
