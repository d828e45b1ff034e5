# multiprocessing queues: Queue, JoinableQueue, SimpleQueue between processes.
import multiprocessing as mp
import queue


def producer(q, base, n):
    for i in range(n):
        q.put((base, i, 'x' * (i % 7)))


def doubler(inq, outq):
    while True:
        item = inq.get()
        if item is None:
            break
        outq.put(item * 2)


def consume_joinable(q, results):
    while True:
        item = q.get()
        if item is None:
            q.task_done()
            break
        results.put(item + 100)
        q.task_done()


def big(q):
    q.put(b'\x01' * 300000)
    q.put(list(range(50000)))


class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return 'Point(%r, %r)' % (self.x, self.y)


def send_objects(q):
    q.put(Point(1, 2))
    q.put({'a': [1, 2.5, None], 'b': (True, b'bytes', 'str')})
    q.put(ValueError('sent'))
    q.put(frozenset([3]))


if __name__ == '__main__':
    q = mp.Queue()
    print(q.empty(), q.qsize())
    q.put(1)
    q.put('two')
    print(q.get(), q.get(), q.empty())

    # Many messages from two producers.
    ps = [mp.Process(target=producer, args=(q, b, 500)) for b in (0, 1)]
    for p in ps:
        p.start()
    got = [q.get() for _ in range(1000)]
    for p in ps:
        p.join()
    print(len(got), sorted(got)[:3], sorted(got)[-1])
    for b in (0, 1):
        mine = [i for (base, i, s) in got if base == b]
        print('producer', b, 'in order', mine == list(range(500)))
    print('exitcodes', [p.exitcode for p in ps])

    # A pipeline through a worker process.
    inq, outq = mp.Queue(), mp.Queue()
    w = mp.Process(target=doubler, args=(inq, outq))
    w.start()
    for i in range(20):
        inq.put(i)
    inq.put(None)
    print([outq.get() for _ in range(20)])
    w.join()
    print('doubler', w.exitcode)

    # Timeouts and non-blocking calls.
    try:
        q.get(timeout=0.05)
    except queue.Empty:
        print('Empty after timeout')
    try:
        q.get_nowait()
    except queue.Empty:
        print('Empty nowait')
    bq = mp.Queue(2)
    bq.put(1)
    bq.put(2)
    print('full', bq.full(), bq.qsize())
    try:
        bq.put(3, timeout=0.05)
    except queue.Full:
        print('Full after timeout')
    try:
        bq.put_nowait(3)
    except queue.Full:
        print('Full nowait')
    print(bq.get(), bq.full())
    bq.put(3)
    print(bq.get(), bq.get(), bq.qsize())

    # Objects of every kind.
    p = mp.Process(target=send_objects, args=(q,))
    p.start()
    pt = q.get()
    print(type(pt).__name__, pt)
    print(q.get())
    e = q.get()
    print(type(e).__name__, e)
    print(q.get())
    p.join()

    # Large messages.
    p = mp.Process(target=big, args=(q,))
    p.start()
    b = q.get()
    lst = q.get()
    p.join()
    print(len(b), b[:3], len(lst), sum(lst))

    # JoinableQueue.
    jq = mp.JoinableQueue()
    res = mp.Queue()
    c = mp.Process(target=consume_joinable, args=(jq, res))
    c.start()
    for i in range(10):
        jq.put(i)
    jq.join()
    print('joined', sorted(res.get() for _ in range(10)))
    jq.put(None)
    jq.join()
    c.join()
    try:
        jq.task_done()
    except ValueError as e:
        print(e)

    # SimpleQueue.
    sq = mp.SimpleQueue()
    print(sq.empty())
    w = mp.Process(target=producer, args=(sq, 9, 5))
    w.start()
    print([sq.get()[1] for _ in range(5)])
    w.join()
    print(sq.empty())
    sq.close()

    q.close()
    q.join_thread()
    try:
        q.put(1)
    except ValueError:
        print('put on closed queue: ValueError')
