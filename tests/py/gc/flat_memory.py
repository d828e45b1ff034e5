# Cyclic garbage created in a loop, with no explicit gc.collect(): the automatic collections
# keep the number of live objects bounded. Counts come from class-level counters kept by
# __init__ / __del__ and from len(gc.get_objects()) - never from timings or RSS.
import gc
import sys

N = 60000
BOUND = 20000


class Node:
    live = 0
    peak = 0

    def __init__(self):
        Node.live += 1
        if Node.live > Node.peak:
            Node.peak = Node.live
        self.prev = self.next = None

    def __del__(self):
        Node.live -= 1


def reset():
    gc.collect()
    Node.live = 0
    Node.peak = 0


def check(name):
    peak = Node.peak
    gc.collect()
    print(name, "bounded:", peak < BOUND, "left after collect:", Node.live)


# doubly linked lists of 3 nodes
reset()
for i in range(N // 3):
    a = Node(); b = Node(); c = Node()
    a.next = b; b.prev = a; b.next = c; c.prev = b; c.next = a; a.prev = c
del a, b, c
check("doubly linked")

# parent/child trees
reset()
for i in range(N // 4):
    root = Node()
    root.children = []
    for j in range(3):
        ch = Node()
        ch.parent = root
        root.children.append(ch)
del root, ch
check("parent/child")

# self-referencing instances
reset()
for i in range(N):
    s = Node()
    s.me = s
del s
check("self reference")


# closures referencing themselves
class Counter:
    made = 0


def make_closure():
    def f():
        return f
    Counter.made += 1
    return None


before = len(gc.get_objects())
for i in range(N):
    make_closure()
gc.collect()
after = len(gc.get_objects())
print("closures:", Counter.made, "objects grew by less than 1000:", after - before < 1000)


# exceptions holding frames through __traceback__
def fail(n):
    x = Node()
    raise ValueError(n)


def catch(n):
    try:
        fail(n)
    except ValueError as e:
        err = e  # err -> traceback -> frame -> err: a cycle
        return None


reset()
for i in range(N // 2):
    catch(i)
check("exception frames")

# lists and dicts in cycles
before = len(gc.get_objects())
for i in range(N):
    l = [i]
    d = {"l": l}
    l.append(d)
del l, d
gc.collect()
print("list/dict cycles grew by less than 1000:", len(gc.get_objects()) - before < 1000)
stats = gc.get_stats()
print("young collections happened:", stats[0]["collections"] > 0)
