# Several threads calling next() on one iterator: every item is produced exactly once (no
# crash, no item lost or duplicated), as under the GIL; a generator resumed by two threads at
# once raises "generator already executing" in the loser, never runs twice.
import threading

N = 20000
THREADS = 4


def drain(it, label):
    seen = [[] for _ in range(THREADS)]
    errors = []
    start = threading.Barrier(THREADS)

    def work(k):
        out = seen[k]
        start.wait()
        try:
            for x in it:
                out.append(x)
        except Exception as e:  # pragma: no cover - reported below
            errors.append(repr(e))

    ts = [threading.Thread(target=work, args=(k,)) for k in range(THREADS)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    allx = [x for s in seen for x in s]
    return allx, errors


def check(label, it, expected):
    got, errors = drain(it, label)
    ok = sorted(got, key=repr) == sorted(expected, key=repr)
    print(label, len(got), len(set(map(repr, got))), ok, errors)
    # exhausted for good, from any thread
    print(label, "after", list(it))


data = list(range(N))
check("list", iter(data), data)
check("list reversed", reversed(data), data)
check("tuple", iter(tuple(data)), data)
check("range", iter(range(N)), data)
check("range step", iter(range(3, 3 * N, 3)), list(range(3, 3 * N, 3)))
d = {i: -i for i in range(N)}
check("dict keys", iter(d), list(d))
check("dict values", iter(d.values()), list(d.values()))
check("dict items", iter(d.items()), list(d.items()))
check("dict reversed", reversed(d), list(d))
s = set(range(N))
check("set", iter(s), list(s))
check("frozenset", iter(frozenset(s)), list(s))
check("str", iter("ab" * (N // 2)), list("ab" * (N // 2)))


# enumerate: indices and items each appear once (pairing is not checked: the inner
# iterator and the index are claimed separately in free-threaded builds)
got, errors = drain(enumerate(data), "enumerate")
print("enumerate", len(got), sorted(i for i, _ in got) == data,
      sorted(x for _, x in got) == data, errors)

got, errors = drain(enumerate(data, 10), "enumerate start")
print("enumerate start", len(got), sorted(i for i, _ in got) == list(range(10, N + 10)),
      errors)

got, errors = drain(zip(iter(data), iter(data)), "zip")
print("zip", len(got), sorted(a for a, _ in got) == data,
      sorted(b for _, b in got) == data, errors)

got, errors = drain(map(lambda x: x * 2, iter(data)), "map")
print("map", len(got), sorted(got) == [x * 2 for x in data], errors)

got, errors = drain(filter(lambda x: x % 3 == 0, iter(data)), "filter")
print("filter", len(got), sorted(got) == [x for x in data if x % 3 == 0], errors)


class Seq:
    def __init__(self, n):
        self.n = n

    def __getitem__(self, i):
        if i >= self.n:
            raise IndexError(i)
        return i


got, errors = drain(iter(Seq(2000)), "seqiter")
# (CPython may hand one index to two threads here: __getitem__ is Python code)
print("seqiter", set(got) == set(range(2000)), errors)

counter = iter(range(3000)).__next__
got, errors = drain(iter(lambda: counter(), 2999), "calliter")
print("calliter", len(got), sorted(got) == list(range(2999)), errors)


# A generator: items are never produced twice; a thread that finds it running gets
# ValueError("generator already executing") and stops.
def gen(n):
    for i in range(n):
        yield i


g = gen(N)
lock_errors = []
seen = [[] for _ in range(THREADS)]
start = threading.Barrier(THREADS)


def gwork(k):
    start.wait()
    while True:
        try:
            x = next(g)
        except StopIteration:
            return
        except ValueError as e:
            if str(e) != "generator already executing":
                lock_errors.append(str(e))
            continue
        seen[k].append(x)


ts = [threading.Thread(target=gwork, args=(k,)) for k in range(THREADS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
allx = sorted(x for s in seen for x in s)
print("generator", len(allx), allx == data, lock_errors)


# The generator's own message, single-threaded, as CPython words it.
def selfref():
    yield next(me)


me = selfref()
try:
    next(me)
except ValueError as e:
    print("reentry", e)
