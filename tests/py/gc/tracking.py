# Which objects the collector tracks, referents and referrers.
import gc


class A:
    pass


print(gc.is_tracked(0), gc.is_tracked(1.5), gc.is_tracked("s"), gc.is_tracked(None))
print(gc.is_tracked([]), gc.is_tracked(A()), gc.is_tracked(A), gc.is_tracked(set()))
print(gc.is_tracked({}), gc.is_tracked({"a": 1}), gc.is_tracked({"a": []}))
t = (1, 2, "x")
t2 = ([],)
t3 = ((1, 2), 3)
gc.collect()
print("atom tuple untracked after collect:", gc.is_tracked(t))
print("tuple holding a list:", gc.is_tracked(t2))
print("nested atom tuples:", gc.is_tracked(t3), gc.is_tracked(t3[0]))

a = A()
l = [a, 1, "s"]
print(sorted(type(x).__name__ for x in gc.get_referents(l)))
print(l in gc.get_referrers(a))
d = {"k": a}
refs = gc.get_referrers(a)
print(l in refs, d in refs)
objs = gc.get_objects()
print(l in objs, isinstance(objs, list))
print(all(gc.is_tracked(o) for o in gc.get_objects(2)[:100]))


class F:
    def __del__(self):
        pass


f = F()
print(gc.is_finalized(f))
f.me = f
del f
gc.collect()
print("freeze count before:", gc.get_freeze_count())
gc.freeze()
print("frozen:", gc.get_freeze_count() > 0)
gc.unfreeze()
print("freeze count after:", gc.get_freeze_count())
