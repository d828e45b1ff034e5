# gc.callbacks (start / stop phases with their info dict), DEBUG_SAVEALL and gc.garbage,
# set_debug / get_debug, collections per generation in get_stats.
import gc

gc.disable()
gc.collect()
seen = []


def cb(phase, info):
    seen.append((phase, sorted(info.items())))


class A:
    pass


gc.callbacks.append(cb)
a = A(); b = A(); a.b = b; b.a = a
del a, b
n = gc.collect()
print(n, seen)
seen.clear()
gc.collect(0)
print(seen)
gc.callbacks.remove(cb)
seen.clear()
gc.collect()
print(seen)

before = [s["collections"] for s in gc.get_stats()]
gc.collect(0); gc.collect(1); gc.collect(1); gc.collect(2)
after = [s["collections"] for s in gc.get_stats()]
print([y - x for x, y in zip(before, after)])

gc.set_debug(gc.DEBUG_SAVEALL)
print(gc.get_debug() == gc.DEBUG_SAVEALL)
l = []
l.append(l)
del l
print(gc.collect(), len(gc.garbage), type(gc.garbage[0]).__name__,
      gc.garbage[0][0] is gc.garbage[0])
gc.set_debug(0)
gc.garbage.clear()
print(gc.collect(), gc.garbage)



gc.enable()
print(gc.get_debug())
