# Per-thread interpreter state: the exception being handled, the recursion depth, and
# generators created in one thread and resumed in another.
import sys
import threading

out = []


def deep(n):
    return deep(n + 1)


def recursion():
    try:
        deep(0)
    except RecursionError as e:
        out.append(("RecursionError", str(e)))


t = threading.Thread(target=recursion)
t.start()
t.join()
print(out.pop())


def handler(tag, ready, go):
    try:
        raise KeyError(tag)
    except KeyError:
        ready.set()
        go.wait()
        out.append((tag, repr(sys.exc_info()[1])))
    out.append((tag, sys.exc_info()))


readies = [threading.Event() for _ in range(3)]
go = threading.Event()
ts = [threading.Thread(target=handler, args=("t%d" % i, readies[i], go)) for i in range(3)]
for t in ts:
    t.start()
for r in readies:
    r.wait()
try:
    raise ValueError("main")
except ValueError:
    go.set()
    for t in ts:
        t.join()
    print(repr(sys.exc_info()[1]))
print(sorted(out, key=repr))


def counter():
    i = 0
    while True:
        i += 1
        yield (i, threading.current_thread().name)


g = counter()
print(next(g))
res = []
t = threading.Thread(target=lambda: res.extend([next(g), next(g)]), name="other")
t.start()
t.join()
print(res, next(g))
