# PEP 442: __del__ of objects in cycles runs exactly once; objects a finalizer resurrects
# survive the collection; gc.is_finalized; gc.garbage stays empty.
import gc

gc.disable()
log = []


class D:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append(self.name)


def cycle(*names):
    objs = [D(n) for n in names]
    for a, b in zip(objs, objs[1:] + objs[:1]):
        a.next = b


cycle("a")
print("collected:", gc.collect(), sorted(log))
log.clear()
cycle("x", "y", "z")
print("collected:", gc.collect(), sorted(log))
log.clear()
print("again:", gc.collect(), log)

# resurrection
saved = []


class R:
    deaths = 0

    def __del__(self):
        R.deaths += 1
        saved.append(self)


r = R()
r.me = r
del r
print("first collect:", gc.collect(), "deaths:", R.deaths, "saved:", len(saved))
print("finalized:", gc.is_finalized(saved[0]))
r = saved.pop()
print("alive again:", type(r).__name__, r.me is r)
del r
print("second collect:", gc.collect(), "deaths:", R.deaths, "saved:", len(saved))


# a finalizer resurrecting a neighbour in the cycle
class P:
    keep = None

    def __init__(self, name):
        self.name = name

    def __del__(self):
        log.append("del " + self.name)
        if self.name == "p1":
            P.keep = self.other


log.clear()
p1 = P("p1"); p2 = P("p2")
p1.other = p2; p2.other = p1
del p1, p2
n = gc.collect()
print("collected with resurrection:", n, sorted(log))
print("kept:", P.keep.name, P.keep.other.name)
log.clear()
P.keep = None
print("now:", gc.collect(), sorted(log))


# refcount death of a finalized-once object: __del__ not called again
class Once:
    calls = 0

    def __del__(self):
        Once.calls += 1
        if Once.calls == 1:
            Once.saved = self


o = Once()
del o
print("calls:", Once.calls)
del Once.saved
print("calls after second death:", Once.calls)


print("garbage:", gc.garbage)
gc.enable()
