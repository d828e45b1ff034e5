# union, intersection, difference, symmetric difference: methods, operators, in-place
a = {1, 2, 3, 4}
b = {3, 4, 5, 6}
print(a | b, a & b, a - b, b - a, a ^ b)
print(a.union(b), a.union(b, [7], (8,)), a.union(), a.intersection(b), a.intersection(b, {4}), a.intersection())
print(a.difference(b), a.difference(b, {1}), a.difference(), a.symmetric_difference(b), a.symmetric_difference([1, 9]))
print(a.union("ab") == {1, 2, 3, 4, "a", "b"}, a.intersection(range(3)), a.difference([1, 1, 2]))
c = set(a)
c.intersection_update(b)
print(c)
c = set(a)
c.intersection_update([1, 2, 3], (2, 3))
print(c)
c = set(a)
c.difference_update(b, [1])
print(c)
c = set(a)
c.symmetric_difference_update(b)
print(c)
c = set(a)
c.symmetric_difference_update({1: 0, 9: 0})
print(c)
d = set(a)
d |= b
print(d)
d &= {1, 5, 6, 100}
print(d)
d -= {5}
print(d)
d ^= {1, 2}
print(d)
e = {1, 2}
e2 = e
e |= {3}
print(e2, e is e2)
e &= e
print(e)
e ^= e
print(e)
f = frozenset([1, 2, 3])
print(f | {4}, type(f | {4}).__name__, {4} | f, type({4} | f).__name__, f & {1}, f - {1}, f ^ {1, 9})
print(type(f.union()).__name__, type(f.intersection({1})).__name__, type(f.difference()).__name__)
g = frozenset([1])
g2 = g
g |= {2}
print(g, g2, g is g2)
def err(fn):
    try:
        fn()
    except Exception as ex:
        print(type(ex).__name__, ex)
err(lambda: a | [1])
err(lambda: a & (1,))
err(lambda: a - 1)
err(lambda: a ^ "x")
err(lambda: a.union(1))
err(lambda: a.intersection(1))
def ior():
    x = {1}
    x |= [2]
err(ior)
big = set(range(100))
small = {5, 50, 500}
print(big & small, small & big, small - big, big.isdisjoint(small), small.isdisjoint({7}))
print(big - set(range(1, 100)), small.difference(range(1000)))
print(set(range(10)).difference({1: 1, 2: 2}), set(range(10)) - set(range(0, 10, 2)))
class S(set):
    pass
s = S([1, 2])
print(s | {3}, type(s | {3}).__name__, type(s.copy()).__name__, type(s & {1}).__name__, repr(s), S())
class FS(frozenset):
    pass
fs = FS([1])
print(fs, type(fs | {2}).__name__, FS(), type(fs.copy()).__name__)
print({1, 2}.union({2: 0, 3: 0}), {(1, 2)}.union([(1, 2), (2, 3)]) == {(1, 2), (2, 3)})
