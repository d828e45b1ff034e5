# The collector untracks tuples of atoms (during a collection) and dicts of atoms, as
# CPython does, so that long-lived data structures of plain values cost no scanning.
import gc

data = [(i, str(i), i * 1.5) for i in range(1000)]
mixed = [(i, []) for i in range(100)]
gc.collect()
print("atom tuples tracked:", sum(gc.is_tracked(t) for t in data))
print("tuples holding lists tracked:", sum(gc.is_tracked(t) for t in mixed))
d = {"a": 1, "b": "x"}
print("atom dict:", gc.is_tracked(d))
d["c"] = []
print("dict with a list:", gc.is_tracked(d))
del d["c"]
gc.collect()
print("after removing the list and a full collection:", gc.is_tracked(d))
d2 = {"t": (1, 2)}
print("dict holding a tuple:", gc.is_tracked(d2))
e = ([],)
print("tuple holding a list stays tracked:", gc.is_tracked(e))
