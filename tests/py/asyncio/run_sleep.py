# asyncio basics: run, sleep ordering, call_soon/call_later/call_at ordering, Runner, loops.
import asyncio

log = []


async def sleeper(name, delay):
    log.append(f'{name} start')
    await asyncio.sleep(delay)
    log.append(f'{name} end')
    return name


async def main():
    loop = asyncio.get_running_loop()
    print('running', loop.is_running(), loop.is_closed())
    print('same loop', asyncio.get_event_loop() is loop)
    tasks = [asyncio.create_task(sleeper(n, d))
             for n, d in [('c', 0.09), ('a', 0.03), ('b', 0.06), ('z', 0)]]
    res = [await t for t in tasks]
    print(res)
    print(log)
    log.clear()
    # sleep(0) yields exactly one loop iteration: round-robin between tasks.
    async def spinner(name, n):
        for i in range(n):
            log.append(f'{name}{i}')
            await asyncio.sleep(0)
    await asyncio.gather(spinner('x', 3), spinner('y', 2), spinner('z', 3))
    print(log)
    # sleep result argument
    print(await asyncio.sleep(0, 'r0'), await asyncio.sleep(0.001, result='r1'))
    # call_soon runs in FIFO order; call_later by deadline, ties in FIFO order.
    order = []
    fut = loop.create_future()
    loop.call_later(0.06, order.append, 'later 0.06')
    loop.call_later(0.03, order.append, 'later 0.03 a')
    loop.call_later(0.03, order.append, 'later 0.03 b')
    loop.call_at(loop.time() + 0.015, order.append, 'at +0.015')
    loop.call_soon(order.append, 'soon 1')
    h = loop.call_soon(order.append, 'soon cancelled')
    loop.call_soon(order.append, 'soon 2')
    h.cancel()
    th = loop.call_later(0.045, order.append, 'later cancelled')
    print('timer cancelled before', th.cancelled())
    th.cancel()
    print('timer cancelled after', th.cancelled())
    loop.call_later(0.09, fut.set_result, 'fut done')
    print(await fut)
    print(order)
    t0 = loop.time()
    await asyncio.sleep(0.01)
    print('time advanced', loop.time() - t0 >= 0.009)
    return 42


print('result', asyncio.run(main()))

# A second asyncio.run gets a fresh loop.
async def which():
    return asyncio.get_running_loop()

l1 = asyncio.run(which())
l2 = asyncio.run(which())
print('fresh loops', l1 is not l2, l1.is_closed(), l2.is_closed())

# Runner: several runs in the same loop.
with asyncio.Runner() as runner:
    a = runner.run(which())
    b = runner.run(which())
    print('runner same loop', a is b, a is runner.get_loop(), a.is_closed())
print('runner closed', a.is_closed())

# Explicit loops: run_until_complete, run_forever/stop.
loop = asyncio.new_event_loop()
print(loop.run_until_complete(sleeper('ruc', 0)))
seen = []
loop.call_soon(seen.append, 1)
loop.call_soon(loop.stop)
loop.call_soon(seen.append, 2)
loop.run_forever()
print('after run_forever', seen)
loop.call_soon(seen.append, 3)
loop.call_soon(loop.stop)
loop.run_forever()
print('after second run_forever', seen)
loop.close()
print('closed', loop.is_closed())
try:
    loop.call_soon(print, 'x')
except RuntimeError as e:
    print('RuntimeError', e)
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print('RuntimeError', e)

async def nested():
    coro = which()
    try:
        asyncio.run(coro)
    except RuntimeError as e:
        print('RuntimeError', e)
    coro.close()
    coro = which()
    try:
        asyncio.get_running_loop().run_until_complete(coro)
    except RuntimeError as e:
        print('RuntimeError', e)
    coro.close()
asyncio.run(nested())
try:
    asyncio.run(42)
except ValueError as e:
    print('ValueError', e)
