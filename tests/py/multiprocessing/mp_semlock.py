# Semaphores in shared memory across processes: values, bounded releases, RLock recursion
# and ownership, acquire timeouts, a Barrier of 3 processes, Queue.qsize.
import multiprocessing as mp
import multiprocessing.synchronize
import threading


def releaser(sem, n):
    for i in range(n):
        sem.release()


def taker(sem, q):
    got = [sem.acquire(timeout=5) for i in range(2)]
    q.put(('taker', got, sem.get_value()))


def try_locks(lock, rlock, q):
    # the parent holds both: this process must time out, and may not release the RLock
    res = [lock.acquire(timeout=0.05), lock.acquire(False), lock.acquire(block=False),
           rlock.acquire(timeout=0.05), repr(lock), repr(rlock)]
    try:
        rlock.release()
        res.append('released')
    except AssertionError as e:
        res.append('AssertionError: %s' % e)
    q.put(res)


def at_barrier(barrier, q, i):
    idx = barrier.wait(timeout=10)
    q.put(idx)


def put_many(q, n):
    for i in range(n):
        q.put(i)


if __name__ == '__main__':
    print(multiprocessing.synchronize.SEM_VALUE_MAX)

    # values across processes
    sem = mp.Semaphore(0)
    procs = [mp.Process(target=releaser, args=(sem, 2)) for _ in range(3)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print('after releases', sem.get_value(), repr(sem))
    print([sem.acquire(timeout=5) for i in range(4)], sem.get_value())
    q = mp.Queue()
    p = mp.Process(target=taker, args=(sem, q))
    p.start()
    print(q.get(timeout=10))
    p.join()
    print('value now', sem.get_value(), sem.acquire(False), sem.acquire(timeout=0.01))
    sem.release()
    with sem:
        print('inside', sem.get_value())
    print('outside', sem.get_value())

    # bounded semaphore and lock: releasing too often
    bs = mp.BoundedSemaphore(2)
    bs.acquire()
    print(repr(bs))
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print('BoundedSemaphore ValueError:', e)
    print(repr(bs))
    lock = mp.Lock()
    try:
        lock.release()
    except ValueError as e:
        print('Lock ValueError:', e)
    print(repr(lock), lock.acquire(), repr(lock), lock.acquire(False))
    lock.release()

    # RLock: recursion and ownership
    rlock = mp.RLock()
    print(repr(rlock))
    print(rlock.acquire(), rlock.acquire(), rlock.acquire(timeout=1))
    print(repr(rlock))
    for i in range(3):
        rlock.release()
    print(repr(rlock))
    try:
        rlock.release()
    except AssertionError as e:
        print('AssertionError:', e)
    rlock.acquire()
    errors = []

    def other_thread():
        try:
            rlock.release()
        except AssertionError as e:
            errors.append(str(e))
        errors.append(rlock.acquire(timeout=0.05))
    t = threading.Thread(target=other_thread)
    t.start()
    t.join()
    print('thread', errors)

    # timeouts in another process while this one holds the locks
    lock.acquire()
    p = mp.Process(target=try_locks, args=(lock, rlock, q))
    p.start()
    print(q.get(timeout=10))
    p.join()
    lock.release()
    rlock.release()
    print(repr(lock), repr(rlock))
    print('timeout', mp.Semaphore(0).acquire(timeout=0.02), mp.Lock().acquire(True, 0.01),
          mp.Semaphore(0).acquire(True, -1))

    # a barrier of 3 processes (the parent is one of them)
    barrier = mp.Barrier(3)
    print('barrier', barrier.parties, barrier.n_waiting, barrier.broken)
    procs = [mp.Process(target=at_barrier, args=(barrier, q, i)) for i in range(2)]
    for p in procs:
        p.start()
    mine = barrier.wait(timeout=10)
    others = [q.get(timeout=10) for p in procs]
    for p in procs:
        p.join()
    print('indices', sorted(others + [mine]), barrier.n_waiting, barrier.broken)
    b2 = mp.Barrier(2, timeout=0.05)
    try:
        b2.wait()
    except threading.BrokenBarrierError:
        print('BrokenBarrierError', b2.broken)
    b2.reset()
    print('reset', b2.broken)

    # qsize counts through the shared semaphore
    q2 = mp.Queue()
    print('empty qsize', q2.qsize(), q2.empty())
    for i in range(5):
        q2.put(i)
    print('qsize after 5 puts', q2.qsize())
    print(q2.get(timeout=10), q2.get(timeout=10), q2.qsize())
    p = mp.Process(target=put_many, args=(q2, 4))
    p.start()
    p.join()
    print('qsize after child puts', q2.qsize(), q2.full())
    print(sorted(q2.get(timeout=10) for i in range(7)), q2.qsize())
    q3 = mp.Queue(3)
    for i in range(3):
        q3.put(i)
    print('bounded', q3.qsize(), q3.full())
    try:
        q3.put(9, timeout=0.02)
    except Exception as e:
        print(type(e).__name__)
    print(q3.get(timeout=10), q3.qsize(), q3.full())
    jq = mp.JoinableQueue()
    for i in range(3):
        jq.put(i)
    for i in range(3):
        jq.get(timeout=10)
        jq.task_done()
    jq.join()
    try:
        jq.task_done()
    except ValueError as e:
        print('JoinableQueue', e)
    print('done')
