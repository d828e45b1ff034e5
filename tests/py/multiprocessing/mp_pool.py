# multiprocessing.Pool: map, imap, starmap, apply and their async forms; errors; workers.
import multiprocessing as mp
import os
import time


def square(x):
    return x * x


def add(a, b=0):
    return a + b


class CustomError(Exception):
    pass


def fails_on(x, bad=3):
    if x == bad:
        raise CustomError('bad value %d' % x)
    return x


def init(value):
    global GLOBAL
    GLOBAL = value


def read_global(x):
    return (GLOBAL, x)


def worker_pid(x):
    time.sleep(0.001)
    return os.getpid()


def slow(x):
    time.sleep(x)
    return x


def gen(n):
    for i in range(n):
        yield i


def bad_gen():
    yield 1
    raise OSError('generator failed')


if __name__ == '__main__':
    with mp.Pool(3) as pool:
        print(pool.map(square, range(25)))
        print(pool.map(square, []))
        print(pool.map(square, gen(7), chunksize=2))
        print(pool.starmap(add, [(1, 2), (3, 4), (5, 6)]))
        print(list(pool.imap(square, range(12))))
        print(list(pool.imap(square, range(12), chunksize=5)))
        print(sorted(pool.imap_unordered(square, range(30))))
        print(sorted(pool.imap_unordered(square, range(30), chunksize=4)))
        print(pool.apply(add, (40,), {'b': 2}))

        got = []
        r = pool.apply_async(square, (9,), callback=got.append)
        print(r.get(10), r.ready(), r.successful(), got)
        r = pool.map_async(square, range(5), callback=got.append)
        r.wait()
        print(r.get(), got)
        r = pool.starmap_async(add, [(1, 1), (2, 2)])
        print(r.get(10))

        # Exceptions come back with their type and message.
        try:
            pool.apply(fails_on, (3,))
        except CustomError as e:
            print('apply:', type(e).__name__, e)
            cause = e.__cause__
            print('cause:', type(cause).__name__, str(cause).splitlines()[1],
                  str(cause).splitlines()[-2:])
        try:
            pool.map(fails_on, range(10))
        except CustomError as e:
            print('map:', type(e).__name__, e)
        errors = []
        r = pool.apply_async(fails_on, (3,), error_callback=errors.append)
        r.wait()
        print('async:', r.ready(), r.successful(), [type(e).__name__ for e in errors])
        try:
            r.get()
        except CustomError as e:
            print('get:', e)
        r = pool.map_async(fails_on, range(6), chunksize=1, error_callback=errors.append)
        r.wait()
        print('map_async:', r.successful(), [str(e) for e in errors])
        it = pool.imap(fails_on, range(6))
        out = []
        try:
            for x in it:
                out.append(x)
        except CustomError as e:
            print('imap:', out, e)
        try:
            pool.map(square, bad_gen())
        except OSError as e:
            print('bad iterable:', e)
        try:
            list(pool.imap(square, bad_gen()))
        except OSError as e:
            print('bad iterable imap:', e)
        try:
            pool.apply(square, ('x',))
        except TypeError as e:
            print('TypeError:', e)

        r = pool.apply_async(slow, (0.5,))
        try:
            r.get(timeout=0.01)
        except mp.TimeoutError:
            print('TimeoutError', r.ready())
        try:
            r.successful()
        except ValueError:
            print('successful() before ready: ValueError')
        print(r.get(10))

        # Many small tasks.
        print(sum(pool.map(square, range(2000))))
    try:
        pool.map(square, [1])
    except ValueError as e:
        print('after terminate:', e)

    # initializer, maxtasksperchild, close and join.
    pool = mp.Pool(2, initializer=init, initargs=('init',), maxtasksperchild=3)
    print(pool.map(read_global, range(10), chunksize=1))
    pids = pool.map(worker_pid, range(12), chunksize=1)
    print('workers replaced:', len(set(pids)) >= 4)
    pool.close()
    try:
        pool.apply(square, (1,))
    except ValueError as e:
        print('after close:', e)
    pool.join()
    print('joined')

    # Results pending at close are delivered before join returns.
    pool = mp.Pool(2)
    results = [pool.apply_async(slow, (0.01 * i,)) for i in range(6)]
    pool.close()
    pool.join()
    print([r.get() for r in results])

    ctx = mp.get_context('fork')
    with ctx.Pool(processes=1) as pool:
        print(pool.map(add, [1, 2, 3]))
    try:
        mp.Pool(0)
    except ValueError as e:
        print(e)
    print(mp.active_children() == [] or sorted(p.name for p in mp.active_children())[:0])
