# recursive containers print [...], {...} and (...) instead of recursing forever
a = [1]
a.append(a)
print(a, repr(a), str(a))
d = {}
d[1] = d
d[2] = [d]
print(d)
b = [a, a]
print(b)
t = ([],)
t[0].append(t)
print(t)
class Holder:
    def __init__(self):
        self.items = []
    def __repr__(self):
        return "Holder(%r)" % (self.items,)
h = Holder()
h.items.append(h)
print(h)
x = {"k": []}
x["k"].append(x)
print(x, x["k"])
l1, l2 = [], []
l1.append(l2)
l2.append(l1)
print(l1, l2)
s = set()
class Wrap:
    def __init__(self, s):
        self.s = s
    def __hash__(self):
        return 1
    def __repr__(self):
        return "W(%r)" % (self.s,)
s.add(Wrap(s))
print(s)
dv = {1: None}
dv[1] = dv.values()
print(dv)
dk = {}
dk[2] = dk.items()
print(dk)
deep = []
cur = deep
for i in range(50):
    nxt = []
    cur.append(nxt)
    cur = nxt
print(str(deep)[:60])
