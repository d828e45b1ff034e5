# A tiny round-robin event loop: several coroutines, a custom awaitable that yields
# control, futures resolved by other tasks, and results gathered in order.
from collections import deque


class Yield:
    """sleep(0): give the other tasks a turn."""
    def __await__(self):
        yield ('yield', None)


class Future:
    def __init__(self):
        self.done = False
        self.result = None
        self.waiters = []

    def set_result(self, value):
        self.done = True
        self.result = value

    def __await__(self):
        while not self.done:
            yield ('wait', self)
        return self.result


class Task:
    count = 0

    def __init__(self, coro, name):
        self.coro = coro
        self.name = name
        self.done = False
        self.result = None
        self.exc = None


class Loop:
    def __init__(self):
        self.ready = deque()
        self.log = []
        self.steps = 0

    def spawn(self, coro, name):
        t = Task(coro, name)
        self.ready.append(t)
        return t

    def run(self):
        while self.ready:
            t = self.ready.popleft()
            self.steps += 1
            try:
                req = t.coro.send(None)
            except StopIteration as e:
                t.done = True
                t.result = e.value
                self.log.append((t.name, 'done', e.value))
                continue
            except Exception as e:
                t.done = True
                t.exc = e
                self.log.append((t.name, 'error', type(e).__name__, str(e)))
                continue
            self.ready.append(t)


async def sleep0():
    await Yield()


async def worker(name, n, out):
    for i in range(n):
        out.append((name, i))
        await sleep0()
    return name * n


async def producer(fut, out):
    for _ in range(3):
        await Yield()
    out.append('producing')
    fut.set_result(42)
    return 'produced'


async def consumer(fut, out):
    out.append('waiting')
    v = await fut
    out.append(('consumed', v))
    return v + 1


async def failing():
    await sleep0()
    raise ValueError('task failed')


async def gather(*coros):
    # run the sub-coroutines as part of this task, interleaved by hand
    pending = list(enumerate(coros))
    results = [None] * len(coros)
    while pending:
        still = []
        for i, c in pending:
            try:
                c.send(None)
            except StopIteration as e:
                results[i] = e.value
                continue
            still.append((i, c))
        pending = still
        if pending:
            await Yield()
    return results


out = []
loop = Loop()
loop.spawn(worker('a', 3, out), 'A')
loop.spawn(worker('b', 2, out), 'B')
fut = Future()
loop.spawn(consumer(fut, out), 'C')
loop.spawn(producer(fut, out), 'P')
loop.spawn(failing(), 'F')
loop.run()
print(out)
for entry in loop.log:
    print(entry)
print('steps', loop.steps)

out2 = []
loop = Loop()
t = loop.spawn(gather(worker('x', 2, out2), worker('y', 3, out2), sleep0()), 'G')
loop.run()
print(out2)
print(t.result, t.done)


# deep chains of awaits resume at the innermost awaitable
async def chain(n):
    if n == 0:
        await Yield()
        return 0
    return 1 + await chain(n - 1)


loop = Loop()
t = loop.spawn(chain(50), 'chain')
loop.run()
print(t.result, loop.steps)
