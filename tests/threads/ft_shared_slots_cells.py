# Unlocked read-modify-write of one shared slot attribute or closure variable from several
# threads may lose updates (as in CPython) but must never corrupt anything: every value
# read is one that some thread wrote, the final value is within bounds, and the objects
# released along the way are released exactly once (a double release would corrupt the
# heap and show up below as wrong contents of the lists the threads also fill).
import threading

N, STEPS = 4, 20000


class Box:
    __slots__ = ("count", "items")

    def __init__(self):
        self.count = 0
        self.items = []


box = Box()


def make_counter():
    total = 1000

    def bump():
        nonlocal total
        total += 1
        return total

    def value():
        return total

    return bump, value


bump, value = make_counter()


def work(k):
    for i in range(STEPS):
        box.count += 1
        bump()
        box.items.append((k, i))


threads = [threading.Thread(target=work, args=(k,)) for k in range(N)]
for t in threads:
    t.start()
for t in threads:
    t.join()
print(0 < box.count <= N * STEPS, 1000 < value() <= 1000 + N * STEPS)
print(len(box.items), len(set(box.items)))
print(sorted(set(k for k, i in box.items)))
