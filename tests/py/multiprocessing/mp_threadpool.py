# multiprocessing.pool.ThreadPool and multiprocessing.dummy: the Pool API over threads.
from multiprocessing.pool import ThreadPool
from multiprocessing.dummy import Pool as DummyPool, Process, Queue, Lock


def square(x):
    return x * x


def boom(x):
    raise KeyError(x)


if __name__ == '__main__':
    with ThreadPool(3) as p:
        print(p.map(square, range(10)))
        print(sorted(p.imap_unordered(square, range(5))), list(p.imap(square, range(5), 2)))
        print(p.apply(square, (4,)), p.starmap(pow, [(2, 3), (3, 2)]))
        try:
            p.map(boom, [1])
        except KeyError as e:
            print('KeyError', e)
        got = []
        p.apply_async(square, (6,), callback=got.append).wait()
        print(got)
    p = DummyPool(2)
    print(p.map(square, [1, 2]))
    p.close()
    p.join()
    p = DummyPool(2)
    r = p.map_async(square, range(100))
    p.terminate()
    p.join()
    print('terminated')
    q = Queue()
    t = Process(target=q.put, args=('from thread',))
    print(t.exitcode)
    t.start()
    t.join()
    print(q.get(), t.exitcode)
    with Lock():
        print('lock ok')
