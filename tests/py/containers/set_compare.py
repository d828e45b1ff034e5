# subset / superset comparisons, equality, frozenset hashing
a, b, c = {1, 2}, {1, 2, 3}, {1, 2}
print(a < b, a <= b, a > b, a >= b, b > a, b >= a, a == c, a != c, a < c, a <= c)
print(a == b, a != b, {1} < {2}, {1} > {2}, set() < {1}, set() <= set(), set() == frozenset())
print(a.issubset(b), a.issubset([1, 2]), b.issubset(a), b.issuperset(a), b.issuperset([1, 5]), a.issuperset(range(2)))
print(a.isdisjoint({3}), a.isdisjoint([2]), a.isdisjoint(a), set().isdisjoint(set()))
print(frozenset({1, 2}) == {1, 2}, {1, 2} == frozenset({1, 2}), frozenset({1}) < {1, 2})
print({1, 2} == [1, 2], {1} == {1.0}, {1} == {True})
print(hash(frozenset()), hash(frozenset({1, 2, 3})), hash(frozenset({(1, 2), 5})), hash(frozenset(range(100))))
print(hash(frozenset({-1})), hash(frozenset({frozenset({1})})), hash(frozenset({1.5, 2**70})))
f = frozenset(range(10))
g = frozenset(reversed(range(10)))
print(f == g, hash(f) == hash(g))
h = set(range(20))
for i in range(15):
    h.discard(i)
print(hash(frozenset(h)), frozenset(h))
sets = {frozenset({1, 2}): "a", frozenset({3}): "b"}
print(sets[frozenset({2, 1})], frozenset({3}) in sets)
ss = {frozenset({1}), frozenset({1, 2}), frozenset()}
print(sorted(ss, key=len))
print(frozenset({1, 2}) in ss, {1, 2} in ss, set() in ss)
def err(fn):
    try:
        fn()
    except Exception as ex:
        print(type(ex).__name__, ex)
err(lambda: {1} < [1])
err(lambda: {1} <= 1)
err(lambda: {1}.issubset(1))
err(lambda: {1}.isdisjoint(1))
print(sorted([{3}, {1}, {2}], key=min))
x = {1, 2, 3}
print(x > x, x >= x, x < x, x <= x, x == x)
