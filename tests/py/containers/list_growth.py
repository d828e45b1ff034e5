# list over-allocation follows CPython's policy (visible through __sizeof__), and the
# __sizeof__ of sets and tuples matches CPython's 64-bit numbers
def g():
    yield from range(7)
a = []
out = []
for i in range(40):
    a.append(i)
    out.append(a.__sizeof__())
print(out)
print([1, 2, 3].__sizeof__(), list(range(10)).__sizeof__(), list(g()).__sizeof__(), list((1, 2, 3)).__sizeof__(), [0] * 5 .__sizeof__() if False else ([0] * 5).__sizeof__())
b = list(range(5)); b.extend(range(3)); c = []; c.extend((1, 2, 3)); d = []; d.extend(g())
print(b.__sizeof__(), c.__sizeof__(), d.__sizeof__(), [x for x in range(5)].__sizeof__(), [*range(3)].__sizeof__())
e = list(range(100)); del e[10:]; print(e.__sizeof__()); e.insert(0, 1); print(e.__sizeof__()); e += e; print(e.__sizeof__()); e *= 3; print(e.__sizeof__())
f = list(range(20)); [f.pop() for _ in range(15)]; print(f.__sizeof__())
print(set(range(5)).__sizeof__(), set(range(50)).__sizeof__(), (1, 2, 3).__sizeof__(), ().__sizeof__())
