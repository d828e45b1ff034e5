# list over-allocation follows CPython's policy (visible through __sizeof__), and the
# __sizeof__ of sets and tuples grows as CPython's 64-bit numbers do. Sizes are printed
# relative to the empty object of the same type: the object header itself depends on the
# locking strategy (biased reference counting needs more fields than a plain count).
def g():
    yield from range(7)


def rel(x):
    return x.__sizeof__() - type(x)().__sizeof__()


a = []
out = []
for i in range(40):
    a.append(i)
    out.append(rel(a))
print(out)
print(rel([1, 2, 3]), rel(list(range(10))), rel(list(g())), rel(list((1, 2, 3))), rel([0] * 5))
b = list(range(5)); b.extend(range(3)); c = []; c.extend((1, 2, 3)); d = []; d.extend(g())
print(rel(b), rel(c), rel(d), rel([x for x in range(5)]), rel([*range(3)]))
e = list(range(100)); del e[10:]; print(rel(e)); e.insert(0, 1); print(rel(e)); e += e; print(rel(e)); e *= 3; print(rel(e))
f = list(range(20)); [f.pop() for _ in range(15)]; print(rel(f))
print(rel(set(range(5))), rel(set(range(50))), rel((1, 2, 3)), rel(()))
