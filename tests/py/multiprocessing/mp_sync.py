# multiprocessing synchronization primitives shared between processes.
import multiprocessing as mp
import os
import time


def locked_appends(lock, path, tag, n):
    for i in range(n):
        with lock:
            # Two writes per critical section: they must stay adjacent.
            with open(path, 'a') as f:
                f.write(tag + '<')
                f.flush()
                f.write('>' + tag + '\n')


def wait_event(ev, q, name):
    q.put((name, ev.wait(10)))


def set_later(ev):
    time.sleep(0.05)
    ev.set()


def take_sem(sem, q, i):
    with sem:
        q.put(('in', i))
        time.sleep(0.02)
        q.put(('out', i))


def cond_waiter(cond, q, i):
    with cond:
        q.put(('waiting', i))
        cond.wait()
        q.put(('woken', i))


def barrier_party(barrier, q, i):
    before = i
    idx = barrier.wait(10)
    q.put(('passed', i, 0 <= idx < 3))


def holder(lock, started, release):
    with lock:
        started.set()
        release.wait(10)


if __name__ == '__main__':
    path = '/tmp/ftpy_mp_sync_%d.txt' % os.getpid()
    lock = mp.Lock()
    ps = [mp.Process(target=locked_appends, args=(lock, path, t, 50)) for t in 'ABC']
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    with open(path) as f:
        lines = f.read().splitlines()
    os.remove(path)
    print(len(lines), all(l[0] == l[-1] and l[1:-1] == '<>' for l in lines))
    print({t: sum(1 for l in lines if l[0] == t) for t in 'ABC'})

    # Lock semantics in one process.
    print(lock.acquire(), lock.acquire(False), lock.acquire(timeout=0.01))
    lock.release()
    try:
        lock.release()
    except ValueError as e:
        print('ValueError:', e)

    # A lock held by another process.
    started, release = mp.Event(), mp.Event()
    h = mp.Process(target=holder, args=(lock, started, release))
    h.start()
    started.wait(10)
    print('held elsewhere:', lock.acquire(timeout=0.05))
    release.set()
    print('after release:', lock.acquire(timeout=10))
    lock.release()
    h.join()

    r = mp.RLock()
    print(r.acquire(), r.acquire(), r.acquire(False))
    r.release()
    r.release()
    r.release()
    try:
        r.release()
    except (AssertionError, RuntimeError) as e:
        print('RLock release unowned:', type(e).__name__)

    # Event.
    q = mp.Queue()
    ev = mp.Event()
    print('is_set', ev.is_set(), ev.wait(0.01))
    ws = [mp.Process(target=wait_event, args=(ev, q, n)) for n in ('w1', 'w2')]
    for w in ws:
        w.start()
    s = mp.Process(target=set_later, args=(ev,))
    s.start()
    print(sorted(q.get() for _ in ws))
    for w in ws + [s]:
        w.join()
    print('is_set', ev.is_set())
    ev.clear()
    print('cleared', ev.is_set())

    # Semaphore: at most 2 inside.
    sem = mp.Semaphore(2)
    sq = mp.SimpleQueue()  # put writes at once: the order of messages is the real order
    ps = [mp.Process(target=take_sem, args=(sem, sq, i)) for i in range(5)]
    for p in ps:
        p.start()
    inside = maxinside = 0
    for _ in range(10):
        kind, i = sq.get()
        inside += 1 if kind == 'in' else -1
        maxinside = max(maxinside, inside)
    for p in ps:
        p.join()
    print('max inside', maxinside, 'value', sem.get_value())
    bs = mp.BoundedSemaphore(1)
    bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print('BoundedSemaphore:', e)

    # Condition: notify one, then all.
    cond = mp.Condition()
    ps = [mp.Process(target=cond_waiter, args=(cond, q, i)) for i in range(3)]
    for p in ps:
        p.start()
    print(sorted(q.get() for _ in range(3)))
    with cond:
        cond.notify()
    first = q.get()
    print(first[0])
    with cond:
        cond.notify_all()
    print(sorted(q.get()[0] for _ in range(2)))
    for p in ps:
        p.join()
    with cond:
        print('wait timeout:', cond.wait(0.01), cond.wait_for(lambda: True))

    # Barrier.
    b = mp.Barrier(3)
    print(b.parties, b.n_waiting, b.broken)
    ps = [mp.Process(target=barrier_party, args=(b, q, i)) for i in range(3)]
    for p in ps:
        p.start()
    print(sorted(q.get() for _ in range(3)))
    for p in ps:
        p.join()
    print([p.exitcode for p in ps], b.n_waiting, b.broken)
    b2 = mp.Barrier(2)
    try:
        b2.wait(0.05)
    except Exception as e:
        print(type(e).__name__, b2.broken)
