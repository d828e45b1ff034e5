# run_in_executor, to_thread, call_soon_threadsafe, run_coroutine_threadsafe, wrap_future.
import asyncio
import concurrent.futures
import threading


def blocking(x, y=1):
    return (x * y, threading.current_thread() is not threading.main_thread())


def raising():
    raise LookupError('from thread')


async def main():
    loop = asyncio.get_running_loop()
    print(await loop.run_in_executor(None, blocking, 6))
    print(await asyncio.to_thread(blocking, 3, y=7))
    try:
        await asyncio.to_thread(raising)
    except LookupError as e:
        print('to_thread raised', repr(e))
    results = await asyncio.gather(*[loop.run_in_executor(None, blocking, i) for i in range(8)])
    print([r[0] for r in results], all(r[1] for r in results))
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as ex:
        print(await loop.run_in_executor(ex, blocking, 'ab', 2))

    # wrap_future around a concurrent future completed by another thread.
    cf = concurrent.futures.Future()
    af = asyncio.wrap_future(cf)
    print('isfuture', asyncio.isfuture(af), asyncio.isfuture(cf))
    threading.Thread(target=cf.set_result, args=('cf result',)).start()
    print(await af)

    # call_soon_threadsafe wakes up a loop blocked in select().
    fut = loop.create_future()
    def worker():
        loop.call_soon_threadsafe(fut.set_result, 'from worker')
    th = threading.Thread(target=worker)
    th.start()
    print(await fut)
    th.join()

    # run_coroutine_threadsafe: a thread submits coroutines to this loop.
    async def add(a, b):
        await asyncio.sleep(0.001)
        return a + b
    async def boom():
        raise ArithmeticError('boom')
    out = []
    def submitter():
        out.append(asyncio.run_coroutine_threadsafe(add(2, 3), loop).result(timeout=5))
        try:
            asyncio.run_coroutine_threadsafe(boom(), loop).result(timeout=5)
        except ArithmeticError as e:
            out.append(repr(e))
    await asyncio.to_thread(submitter)
    print(out)
    # Cancelling the concurrent future cancels the task.
    async def long():
        await asyncio.sleep(10)
    cfut = asyncio.run_coroutine_threadsafe(long(), loop)
    await asyncio.sleep(0.001)
    cfut.cancel()
    await asyncio.sleep(0.001)
    print('cancelled', cfut.cancelled())


asyncio.run(main())

# Each thread gets its own loop with asyncio.run; get_event_loop in a non-main thread
# without a loop set raises.
def thread_main(res):
    async def job():
        await asyncio.sleep(0.001)
        return threading.current_thread().name
    res.append(asyncio.run(job()))
    try:
        asyncio.get_event_loop()
    except RuntimeError as e:
        res.append(str(e))
    loop = asyncio.new_event_loop()
    asyncio.set_event_loop(loop)
    res.append(asyncio.get_event_loop() is loop)
    loop.close()
    asyncio.set_event_loop(None)

res = []
th = threading.Thread(target=thread_main, args=(res,), name='T1')
th.start()
th.join()
print(res)
