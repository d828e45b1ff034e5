# set add/discard, attribute writes on one instance and module globals from many threads.
import threading

N, M = 4, 800
s = set()


def adder(k):
    for i in range(M):
        s.add((k, i))
        if i % 2:
            s.discard((k, i))


ts = [threading.Thread(target=adder, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(s), all(i % 2 == 0 for _, i in s))


class Obj:
    pass


o = Obj()
o.x = 0
allowed = {0} | {(k, i) for k in range(N) for i in range(M)}
bad = []


def attr_writer(k):
    for i in range(M):
        o.x = (k, i)
        setattr(o, "a%d" % (i % 50), i)
        v = o.x
        if v not in allowed:
            bad.append(v)


ts = [threading.Thread(target=attr_writer, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(o.x in allowed, bad, len(vars(o)))

counter = 0
lock = threading.Lock()
glob_bad = []
shared_value = "start"


def incr(k):
    global counter, shared_value
    for i in range(M):
        with lock:
            counter += 1
        shared_value = "t%d" % k
        v = shared_value
        if not v.startswith(("t", "start")):
            glob_bad.append(v)
        globals()["g%d" % (i % 30)] = i


ts = [threading.Thread(target=incr, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(counter, glob_bad, shared_value in {"t%d" % k for k in range(N)})


# class attribute writes while other threads read through instances
class C:
    val = 0


def cls_writer():
    for i in range(M):
        C.val = i
        setattr(C, "extra%d" % (i % 20), i)


def cls_reader(out):
    c = C()
    for i in range(M):
        v = c.val
        if not isinstance(v, int):
            out.append(v)


out = []
ts = [threading.Thread(target=cls_writer)] + [threading.Thread(target=cls_reader, args=(out,)) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(C.val, out)
