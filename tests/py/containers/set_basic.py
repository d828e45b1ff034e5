# set methods
s = set()
s.add(3); s.add(1); s.add(2); s.add(3)
print(s, len(s), 1 in s, 5 in s, 5 not in s)
s.discard(1); s.discard(100)
print(s)
s.remove(2)
print(s)
s.update([5, 6], (7,), range(8, 10))
print(s)
print(s.pop(), s.pop(), s)
c = s.copy()
s.clear()
print(s, c, c is not s)
print(set(), set([1, 2, 2, 3]), set("aaa"), set(range(5)), set({1: 2, 3: 4}), set((x % 3 for x in range(10))))
f = frozenset([3, 2, 1])
print(f, frozenset(), frozenset(f) is f, f.copy() is f, type(f.copy()).__name__)
print(len(f), 2 in f, hash(f) == hash(frozenset({1, 2, 3})))
print({frozenset({1, 2}), frozenset({2, 1})}, {1, frozenset()})
n = {1, 2}
print({1, 2} in {frozenset({1, 2})}, n in {frozenset({1, 2})})
sf = {frozenset({1}), frozenset({2})}
sf.discard({1})
print(sf)
sf.remove({2})
print(sf)
def err(fn):
    try:
        fn()
    except Exception as ex:
        print(type(ex).__name__, ex, repr(ex.args))
err(lambda: set().pop())
err(lambda: {1}.remove(2))
err(lambda: {1}.remove((1, 2)))
err(lambda: {[1]})
err(lambda: set([[1]]))
err(lambda: {1}.add([]))
err(lambda: [] in {1})
err(lambda: set(1))
err(lambda: set([1], [2]))
err(lambda: set(a=1))
err(lambda: frozenset(1, 2))
err(lambda: frozenset(b=1))
err(lambda: hash({1}))
zero = 0
one_set = {1}
err(lambda: one_set[zero])
def it():
    z = {1, 2, 3}
    for x in z:
        z.add(x + 10)
err(it)
def it2():
    z = {1, 2, 3}
    for x in z:
        z.discard(x)
err(it2)
z = {1, 2, 3}
for x in z:
    z.discard(x)
    z.add(x)
print(z)
q = set(range(100))
while len(q) > 95:
    q.pop()
print(sorted(q)[:3], len(q))
print(bool(set()), bool({0}))
print({1, 2}.__contains__(1), set.__len__({1}))
print(sorted({3, 1, 2}), max({3, 1}), sum({1, 2, 3}))
