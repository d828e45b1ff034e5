# dict methods
d = {"a": 1, "b": 2}
print(d, len(d), d["a"], d.get("b"), d.get("z"), d.get("z", 0))
d["c"] = 3
d["a"] = 10
print(d, list(d), "a" in d, "z" in d, "z" not in d)
print(d.setdefault("a", 99), d.setdefault("n"), d.setdefault("m", [1]), d)
print(d.pop("n"), d.pop("zz", "dflt"), d)
del d["m"]
print(d, d.popitem(), d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("p", 0), ("q", 1)])
d.update(z=26)
d.update(((k, v) for k, v in [("g", 7)]))
print(d)
class M:
    def keys(self):
        return ["k1", "k2"]
    def __getitem__(self, k):
        return k.upper()
d.update(M())
print(d)
print(dict.fromkeys("abc"), dict.fromkeys([1, 2], 0), dict.fromkeys(range(3), []), dict.fromkeys({1: 2}), dict.fromkeys({5}, "v"))
e = d.copy()
d.clear()
print(d, len(e), e == dict(e), e is not e.copy())
print(dict(), dict(a=1), dict([(1, 2), [3, 4]]), dict({1: 2}, x=3), dict(zip("ab", range(2))), dict(M()))
print(dict({"a": 1}.items()), dict(((1, 2),), b=3))
f = {1: "int", 1.0: "float", True: "bool"}
print(f)
g = {}
for i in range(100):
    g[i] = i * i
print(len(g), g[50], sum(g.values()), list(g)[:5], list(g)[-3:])
for i in range(0, 100, 2):
    del g[i]
print(len(g), list(g)[:5], g.get(4), g.get(5))
h = {None: 1, (1, 2): 2, frozenset({1}): 3, 2.5: 4, -1: 5, "": 6, b"x": 7}
print(h[None], h[(1, 2)], h[frozenset({1})], h[2.5], h[-1], h[""], h[b"x"])
print(list(h.keys()) == list(h), list(h.values()), [k for k, v in h.items()][:2])
print({**{"a": 1}, "b": 2, **{"a": 3}})
print({k: v for k, v in zip(range(3), "xyz")})
print(dict.get({1: 2}, 1), dict.__contains__({1: 2}, 1), {1: 2}.__getitem__(1), len({}))
p = {"x": 1}
print(p.pop("x"), p, p.pop("x", None))
q = {i: str(i) for i in range(5)}
print(q.popitem(), q.popitem(), q)
q[10] = "ten"
print(q)
print(bool({}), bool({0: 0}))
print(sorted({3: 1, 1: 2, 2: 3}), max({1: 0, 9: 0}), min({5: 0, 2: 0}))
