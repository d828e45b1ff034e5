# concurrent.futures.ProcessPoolExecutor over fork.
import multiprocessing as mp
from concurrent.futures import ProcessPoolExecutor, as_completed, wait, FIRST_EXCEPTION
import concurrent.futures
from concurrent.futures.process import BrokenProcessPool
import os


def square(x):
    return x * x


def power(x, y):
    return x ** y


def boom(x):
    raise ValueError('boom %s' % x)


def die(code):
    os._exit(code)


def init(v):
    global G
    G = v


def get_g():
    return G


if __name__ == '__main__':
    print(concurrent.futures.ProcessPoolExecutor is ProcessPoolExecutor)
    with ProcessPoolExecutor(max_workers=2) as ex:
        print(list(ex.map(square, range(10))))
        print(list(ex.map(power, range(8), [2] * 8, chunksize=3)))
        f = ex.submit(power, 2, y=10)
        print(f.result(), f.done(), f.cancelled())
        f = ex.submit(boom, 1)
        try:
            f.result()
        except ValueError as e:
            print('ValueError', e)
        print(type(f.exception()).__name__)
        fs = [ex.submit(square, i) for i in range(8)]
        print(sorted(f.result() for f in as_completed(fs)))
        done, not_done = wait([ex.submit(square, 3), ex.submit(boom, 2)],
                              return_when=FIRST_EXCEPTION)
        print(len(done) >= 1, sorted(type(f.exception()).__name__ for f in done)[-1])
        try:
            list(ex.map(boom, [5]))
        except ValueError as e:
            print('map raises', e)
    try:
        ex.submit(square, 1)
    except RuntimeError as e:
        print(e)

    ex = ProcessPoolExecutor(1, mp_context=mp.get_context('fork'), initializer=init,
                             initargs=('init',))
    print([ex.submit(get_g).result() for _ in range(5)])
    ex.shutdown()

    for bad in (0, -1):
        try:
            ProcessPoolExecutor(bad)
        except ValueError as e:
            print(e)
    ex = ProcessPoolExecutor(2)
    print(sum(ex.map(square, range(500), chunksize=50)))
    ex.shutdown(wait=True)

    # A worker that dies breaks the executor.
    ex = ProcessPoolExecutor(2)
    print(ex.submit(square, 3).result())
    f = ex.submit(die, 3)
    try:
        f.result(timeout=10)
    except BrokenProcessPool as e:
        print('BrokenProcessPool:', e)
    try:
        ex.submit(square, 2)
    except BrokenProcessPool as e:
        print('submit:', e)
    ex.shutdown()
    print('done')
