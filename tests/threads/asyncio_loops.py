# Several threads, each running its own event loop with asyncio.run at the same time:
# an echo server/client over loopback, a sleep fan-out, and cross-thread submissions.
import asyncio
import threading

N_THREADS = 4
N_CLIENTS = 5
N_LINES = 20


async def echo_session(tid):
    async def handle(reader, writer):
        async for line in reader:
            writer.write(line.upper())
            await writer.drain()
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]

    async def client(cid):
        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        got = []
        for i in range(N_LINES):
            writer.write(f't{tid} c{cid} line {i}\n'.encode())
            await writer.drain()
            got.append(await reader.readline())
        writer.close()
        await writer.wait_closed()
        return got

    async with server:
        results = await asyncio.gather(*[client(c) for c in range(N_CLIENTS)])
    ok = all(got == [f'T{tid} C{cid} LINE {i}\n'.encode() for i in range(N_LINES)]
             for cid, got in enumerate(results))
    return ok, sum(len(g) for g in results)


async def fan_out(tid):
    order = []
    loop = asyncio.get_running_loop()
    base = loop.time()

    async def sleeper(i):
        # Deadlines from a common base: the wake-up order does not depend on scheduling.
        fut = loop.create_future()
        loop.call_at(base + (10 - i) * 0.002, fut.set_result, None)
        await fut
        order.append(i)
        return i * tid

    results = await asyncio.gather(*[sleeper(i) for i in range(10)])
    return results, order


async def thread_main(tid):
    loop = asyncio.get_running_loop()
    ok, nlines = await echo_session(tid)
    results, order = await fan_out(tid)
    # Work on the default executor and tasks checked for this loop only.
    ex = await loop.run_in_executor(None, sum, range(tid * 100))
    mine = asyncio.current_task() is not None
    others = len(asyncio.all_tasks())
    return (tid, ok, nlines, results, order, ex, mine, others,
            asyncio.get_running_loop() is loop)


out = {}
loops = {}


def worker(tid):
    async def main():
        loops[tid] = asyncio.get_running_loop()
        return await thread_main(tid)
    out[tid] = asyncio.run(main())


threads = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for t in threads:
    t.start()
for t in threads:
    t.join()
for tid in range(N_THREADS):
    print(out[tid])
print('distinct loops', len({id(l) for l in loops.values()}),
      all(l.is_closed() for l in loops.values()))

# A loop running in a background thread, fed from the main thread.
ready = threading.Event()
holder = {}


def loop_thread():
    loop = asyncio.new_event_loop()
    holder['loop'] = loop
    asyncio.set_event_loop(loop)
    ready.set()
    loop.run_forever()
    loop.close()


th = threading.Thread(target=loop_thread)
th.start()
ready.wait()
loop = holder['loop']


async def square(x):
    await asyncio.sleep(0.001)
    return x * x

futs = [asyncio.run_coroutine_threadsafe(square(i), loop) for i in range(10)]
print([f.result(timeout=10) for f in futs])
seen = []
done = threading.Event()
for i in range(5):
    loop.call_soon_threadsafe(seen.append, i)
loop.call_soon_threadsafe(done.set)
done.wait(10)
print(seen)
loop.call_soon_threadsafe(loop.stop)
th.join()
print('background loop closed', loop.is_closed())
