# list iteration, including mutation during iteration (never crashes)
a = [1, 2, 3]
out = []
for x in a:
    out.append(x)
    if x == 1:
        a.append(4)
print(out, a)
b = [1, 2, 3, 4, 5]
seen = []
for x in b:
    seen.append(x)
    b.remove(x)
print(seen, b)
c = [1, 2, 3]
it = iter(c)
print(next(it), c.clear(), list(it))
d = [1, 2, 3]
it = iter(d)
print(it.__length_hint__(), next(it), it.__length_hint__())
print(list(it), it.__length_hint__(), list(it))
d.append(9)
print(list(it))
e = [1, 2, 3, 4]
r = reversed(e)
print(r.__length_hint__(), next(r), next(r))
e.clear()
print(list(r))
f = [1, 2, 3]
print(list(reversed(f)), list(f.__reversed__()), type(iter(f)).__name__, type(reversed(f)).__name__)
g = [1, 2, 3]
rv = reversed(g)
g.extend([4, 5])
print(list(rv))
h = list(range(5))
for i in h:
    if i < 3:
        h.insert(0, -i)
    if len(h) > 12:
        break
print(h)
k = [10, 20]
it = iter(k)
print(iter(it) is it, next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as ex:
    print("StopIteration", repr(ex))
j = [1, 2, 3]
m = map(lambda v: v * 2, j)
j.append(4)
print(list(m))
x = [[1, 2], [3, 4]]
print([v for row in x for v in row], [(i, v) for i, v in enumerate("ab")])
lst = list(range(10))
total = 0
for v in lst:
    total += v
    del lst[0]
print(total, lst)
