# gc.collect() return values for deterministic cases, and the module's basic API.
import gc

gc.collect()
gc.disable()
print("enabled after disable:", gc.isenabled())


class A:
    pass


class S:
    __slots__ = ("other",)


def instance_cycle():
    a = A(); b = A()
    a.other = b; b.other = a


def self_cycle():
    a = A()
    a.me = a


def list_cycle():
    l = []
    l.append(l)


def dict_cycle():
    d = {}
    d["self"] = d


def slots_cycle():
    a = S(); b = S()
    a.other = b; b.other = a


def tuple_list_cycle():
    l = [1, 2]
    t = (l, 3)
    l.append(t)


def closure_cycle():
    def f():
        return f
    return None


def three_lists():
    a = []; b = []; c = []
    a.append(b); b.append(c); c.append(a)


for name, make in [("instance pair", instance_cycle), ("self instance", self_cycle),
                   ("list", list_cycle), ("dict", dict_cycle), ("slots pair", slots_cycle),
                   ("tuple+list", tuple_list_cycle), ("three lists", three_lists)]:
    make()
    print(name, gc.collect())

for n in (1, 10, 100):
    for i in range(n):
        list_cycle()
    print(n, "list cycles:", gc.collect())

print("nothing:", gc.collect())
x = []
x.append(x)
print("still referenced:", gc.collect())
del x
print("released:", gc.collect())

gc.enable()
print("enabled:", gc.isenabled())
print(gc.get_threshold())
gc.set_threshold(500)
print(gc.get_threshold())
gc.set_threshold(700, 10, 10)
print(gc.get_threshold())
for bad in [lambda: gc.collect(3), lambda: gc.collect(-1), lambda: gc.get_objects(3),
            lambda: gc.set_threshold(), lambda: gc.set_threshold(1, 2, 3, 4),
            lambda: gc.collect("x")]:
    try:
        bad()
    except Exception as e:
        print(type(e).__name__, e)
print(gc.collect(0) >= 0, gc.collect(1) >= 0, gc.collect(generation=2) >= 0)
print(type(gc.get_count()), len(gc.get_count()))
stats = gc.get_stats()
print(len(stats), sorted(stats[0]))
print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)
print(gc.get_debug())
print(type(gc.garbage), gc.garbage, type(gc.callbacks))
