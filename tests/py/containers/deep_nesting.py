# freeing very deeply nested containers does not overflow the C stack (trashcan)
l = []
for i in range(300000):
    l = [l]
del l
print("list freed")
t = ()
for i in range(300000):
    t = (t, i)
del t
print("tuple freed")
d = {}
for i in range(300000):
    d = {"k": d}
d = None
print("dict freed")
s = frozenset()
for i in range(100000):
    s = frozenset({s, i})
s = None
print("frozenset freed")
m = []
for i in range(200000):
    m = [m, (m,), {1: m}, {(i,)}]
m = None
print("mixed freed")
class L(list):
    pass
x = L()
for i in range(100000):
    x = L([x])
x = None
print("subclass freed")
