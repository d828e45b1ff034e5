# Shared memory between processes: Value and Array (typecodes), RawValue, RawArray,
# counters incremented by several processes under get_lock(), 'c' arrays, errors.
import multiprocessing as mp
from multiprocessing import sharedctypes


def bump(counter, total, arr, n):
    for i in range(n):
        with counter.get_lock():
            counter.value += 1
        with total.get_lock():
            total.value += 0.5
        with arr.get_lock():
            for k in range(len(arr)):
                arr[k] += k + 1


def raw_writer(raw, slot):
    raw[slot] = (slot + 1) * 100


def fill_chars(chars):
    chars.value = b'hello'


if __name__ == '__main__':
    counter = mp.Value('i', 0)
    total = mp.Value('d', 0.0)
    arr = mp.Array('q', 3)
    print(counter, total, len(arr), arr[:])
    procs = [mp.Process(target=bump, args=(counter, total, arr, 200)) for _ in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print('counter', counter.value, 'total', total.value, 'arr', arr[:], list(arr))
    print([p.exitcode for p in procs])

    # RawArray: every child writes its own slot, no lock needed
    raw = mp.RawArray('i', 4)
    procs = [mp.Process(target=raw_writer, args=(raw, i)) for i in range(4)]
    for p in procs:
        p.start()
    for p in procs:
        p.join()
    print('raw', raw[:], raw[1:3], raw[::-1], len(raw))

    rv = mp.RawValue('L', 7)
    print(rv, rv.value)
    rv.value = -1
    print(rv.value == 2 ** 64 - 1)

    # 'c' arrays: .value and .raw, written by a child
    chars = mp.Array('c', 8)
    p = mp.Process(target=fill_chars, args=(chars,))
    p.start()
    p.join()
    print(chars.value, chars.raw, chars[0], chars[1:4])
    chars.raw = b'xy'
    print(chars.value, chars.raw)
    init = mp.Array('c', b'abc')
    print(init.value, len(init), type(init).__name__)

    # initialisers, slices, conversions as ctypes does them
    a = mp.Array('d', [1, 2.5, 3])
    a[0:2] = [9, 8]
    print(a[:], a[-1])
    b = mp.RawArray('b', [127, 128, -129])
    print(b[:])
    h = mp.Array('H', range(3), lock=False)
    print(type(h).__name__, h[:])
    f = mp.Value('f', 0.1)
    print(f.value, repr(f))
    u = mp.RawArray('u', 4)
    u.value = 'ab'
    print(repr(u.value), u[0])

    # locks and wrappers
    lock = mp.Lock()
    v = mp.Value('h', 5, lock=lock)
    print(v.get_lock() is lock, repr(v), v.get_obj())
    print(repr(mp.Value('i', 5, lock=False)))
    print(repr(mp.Value('c', b'z')), repr(mp.Value('u', 'q')))
    print(type(mp.Array('i', 2)).__name__, type(mp.Array('c', 2)).__name__,
          type(mp.Value('i')).__name__)
    c2 = sharedctypes.copy(mp.RawArray('i', [4, 5]))
    print(c2[:])
    ctx = mp.get_context('fork')
    cv = ctx.Value('i', 11)
    print(cv.value, ctx.RawArray('B', 2)[:])

    # errors
    tests = [
        lambda: mp.Value('z'),
        lambda: mp.Value(5),
        lambda: mp.RawValue('i', 1, 2),
        lambda: mp.Array('i', -1),
        lambda: mp.Value('i', 1, lock=5),
        lambda: mp.Value('i', 'x'),
        lambda: mp.Value('d', 'x'),
        lambda: mp.Array('c', 2).__setitem__(0, 'x'),
        lambda: mp.Array('c', 2).__setitem__(0, 300),
        lambda: mp.Array('i', 2)[2],
        lambda: mp.Array('i', 2).__setitem__(slice(0, 2), [1]),
        lambda: mp.RawArray('i', 2).__delitem__(0),
        lambda: setattr(mp.Array('c', 2), 'value', b'abc'),
        lambda: setattr(mp.Array('c', 2), 'raw', b'abc'),
        lambda: mp.RawArray('i', 2).value,
    ]
    for t in tests:
        try:
            t()
            print('no error')
        except Exception as e:
            print(type(e).__name__, e)
