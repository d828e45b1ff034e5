# keys whose __eq__ / __hash__ run Python code that mutates the dict: no crash
class Evil:
    def __init__(self, d, h):
        self.d = d
        self.h = h
    def __hash__(self):
        return self.h
    def __eq__(self, other):
        self.d.clear()
        return False
d = {}
d[Evil(d, 1)] = 1
try:
    d[Evil(d, 1)] = 2
    print("ok", len(d))
except Exception as e:
    print(type(e).__name__)
class Grow:
    def __init__(self, d):
        self.d = d
    def __hash__(self):
        return 7
    def __eq__(self, other):
        for i in range(100):
            self.d[("g", i)] = i
        return False
g = {}
g[Grow(g)] = 0
g[Grow(g)] = 1
print(len(g))
class Eq:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return hash(self.v)
    def __eq__(self, other):
        return isinstance(other, Eq) and self.v == other.v
    def __repr__(self):
        return "Eq(%r)" % self.v
m = {Eq(1): "one", Eq(2): "two"}
print(m[Eq(1)], Eq(2) in m, Eq(3) in m, m)
class Same:
    def __hash__(self):
        return 42
    def __eq__(self, o):
        return True
s = {Same(): 1}
s[Same()] = 2
print(len(s), list(s.values()))
class Collide:
    def __init__(self, v):
        self.v = v
    def __hash__(self):
        return 0
    def __eq__(self, o):
        return self.v == o.v
c = {Collide(i): i for i in range(50)}
print(len(c), c[Collide(25)], sum(c.values()))
for i in range(0, 50, 2):
    del c[Collide(i)]
print(len(c), c[Collide(49)])
class DelOnEq:
    def __init__(self, d):
        self.d = d
    def __hash__(self):
        return 3
    def __eq__(self, o):
        self.d.pop(o, None) if False else self.d.clear()
        return True
x = {}
x[DelOnEq(x)] = 1
try:
    print(x.get(DelOnEq(x)))
except Exception as e:
    print(type(e).__name__)
print(len(x))
class Dtor:
    def __init__(self, d):
        self.d = d
    def __del__(self):
        self.d.clear()
y = {}
y["a"] = Dtor(y)
y["a"] = 1
print(y)
