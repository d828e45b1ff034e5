# Weak references: ref with callbacks, collection of cycles clearing weakrefs,
# WeakValueDictionary / WeakKeyDictionary / WeakSet entries disappearing, finalize, WeakMethod.
import gc
import weakref


class A:
    def __init__(self, name="a"):
        self.name = name

    def method(self):
        return self.name


events = []
a = A()
r = weakref.ref(a)
print(r() is a, weakref.ref(a) is r, weakref.getweakrefcount(a))
r2 = weakref.ref(a, lambda w: events.append(("cb", w is r2, w())))
print(weakref.getweakrefcount(a), r2 is not r, r2.__callback__ is not None, r.__callback__)
print(len(weakref.getweakrefs(a)))
print(r == r2, hash(r) == hash(a))
del a
print(r(), r2(), events)
print(weakref.getweakrefcount(A()))

for bad in (1, "s", [1], (1,), {}, None):
    try:
        weakref.ref(bad)
    except TypeError as e:
        print(type(e).__name__, e)


def f():
    pass


for ok in (f, A, {1}, frozenset(), A().method, len, gc):
    w = weakref.ref(ok)
    print(type(ok).__name__, w() is ok)

# cycles: the weakref's callback runs when the collector frees the cycle
events.clear()
c = A("cyc")
c.me = c
wc = weakref.ref(c, lambda w: events.append("cycle callback"))
del c
print("before collect:", wc() is not None, events)
gc.collect()
print("after collect:", wc(), events)


# WeakValueDictionary
d = weakref.WeakValueDictionary()
objs = [A(str(i)) for i in range(5)]
for o in objs:
    d[o.name] = o
print(len(d), sorted(d.keys()))
del objs[1:3]
print(len(d), sorted(d.keys()), d.get("1"), "0" in d, "1" in d)
cyc = A("cyclic")
cyc.me = cyc
d["c"] = cyc
del cyc
print("c" in d)
gc.collect()
print("c" in d, len(d))
print(sorted(k for k, v in d.items()))
del objs
print(len(d), list(d.keys()))

# WeakKeyDictionary
k = weakref.WeakKeyDictionary()
keys = [A(str(i)) for i in range(3)]
for i, o in enumerate(keys):
    k[o] = i
print(len(k), sorted(k.values()))
del keys[0]
print(len(k), sorted(k.values()), keys[0] in k)
del keys
print(len(k))

# WeakSet
s = weakref.WeakSet()
items = [A(str(i)) for i in range(4)]
for o in items:
    s.add(o)
print(len(s), items[0] in s)
items.pop()
print(len(s))
del items
print(len(s), [o.name for o in s])

# finalize
fin_log = []
o = A("fin")
fz = weakref.finalize(o, fin_log.append, "finalized")
print(fz.alive, fz.peek()[1] is fin_log.append)
del o
print(fz.alive, fin_log)
o2 = A()
fz2 = weakref.finalize(o2, fin_log.append, "called")
print(fz2(), fin_log, fz2.alive, fz2())
o3 = A()
o3.me = o3
fz3 = weakref.finalize(o3, fin_log.append, "cycle")
del o3
gc.collect()
print(fin_log)

# WeakMethod
obj = A("wm")
wm = weakref.WeakMethod(obj.method)
print(wm()(), wm() == obj.method)
del obj
print(wm())
try:
    weakref.WeakMethod(len)
except TypeError as e:
    print(type(e).__name__)

# subclass of ref with extra attributes
class MyRef(weakref.ref):
    __slots__ = ("extra",)


t = A()
mr = MyRef(t)
mr.extra = 5
print(mr() is t, mr.extra, isinstance(mr, weakref.ref))
del t
print(mr())
