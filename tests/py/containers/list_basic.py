# list methods
l = []
l.append(1); l.append(2); l.extend([3, 4]); l.extend((5,)); l.extend(range(6, 8)); l.extend("ab")
print(l, len(l))
l.insert(0, "first"); l.insert(100, "last"); l.insert(-1, "beforelast"); l.insert(-100, "front")
print(l)
print(l.pop(), l.pop(0), l.pop(-2), l)
l.remove("a")
print(l, l.index(3), l.index(3, 2), l.count(3), l.count("zz"))
c = l.copy()
l.clear()
print(l, c)
c.reverse()
print(c)
d = [3, 1, 2]
print(d.sort(), d)
m = [1, 2, 3, 2, 1]
print(m.index(2, 2, 4), m.index(1, -2))
e = [1, 2]
e.extend(e)
print(e)
e += e
print(e)
f = [0] * 3
f[1] = "x"
del f[0]
print(f)
g = list(range(10))
del g[::3]
print(g)
h = list("hello")
print(h, list(), list(()), list({"k": 1}), list(x * 2 for x in range(3)))
def err(fn):
    try:
        fn()
    except Exception as ex:
        print(type(ex).__name__, ex)
err(lambda: [].pop())
err(lambda: [1].pop(5))
err(lambda: [1, 2].remove(3))
err(lambda: [1, 2].index(3))
err(lambda: [1, 2][5])
key_s, key_f = "a", 1.0
err(lambda: [1, 2][key_s])
err(lambda: [1, 2][key_f])
def setbad():
    x = [1]
    x[3] = 0
err(setbad)
def delbad():
    x = [1]
    del x[3]
err(delbad)
err(lambda: list(1))
err(lambda: list([1], [2]))
err(lambda: [].insert(1))
err(lambda: [].insert("a", 1))
err(lambda: hash([]))
err(lambda: [1] + (2,))
err(lambda: [1] * 2.0)
n = [1, 2, 3]
n[-1] = 30
print(n, n[-3], n[True])
big = list(range(1000))
big.insert(500, "mid")
print(big[499:502], len(big))
print([1, [2, [3]]], [[]] * 2, [None, True, 1.5, "s"])
