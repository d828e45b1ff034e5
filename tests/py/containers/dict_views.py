# dict views: keys, values, items
d = {"a": 1, "b": 2, "c": 3}
k, v, it = d.keys(), d.values(), d.items()
print(k, v, it)
print(len(k), len(v), len(it), "a" in k, 1 in v, ("a", 1) in it, ("a", 2) in it, ("a",) in it, 5 in it)
d["d"] = 4
print(list(k), list(v), list(it))
print(list(reversed(k)), list(reversed(v)), list(reversed(it)), list(reversed(d)))
print(sorted(k & {"a", "z"}), sorted(k | {"z"}), sorted(k - {"a"}), sorted(k ^ {"a", "z"}))
print(sorted({"a", "z"} & k), sorted({"z"} | k), sorted({"a", "q"} - k), sorted({"a", "z"} ^ k))
print(sorted(k & ["b", "c", "x"]), sorted(it & {("a", 1), ("b", 9)}), sorted(it - {("a", 1)}))
print(k == {"a", "b", "c", "d"}, k == {"a"}, k != {"a"}, k < {"a", "b", "c", "d", "e"}, k <= set("abcd"), k > {"a"}, k >= {"a", "b", "c", "d"})
print(it == {("a", 1), ("b", 2), ("c", 3), ("d", 4)}, k == d.keys(), k == [1], it == it)
print(k.isdisjoint({"x"}), k.isdisjoint(["a"]), it.isdisjoint({("a", 1)}), k.isdisjoint(k), {}.keys().isdisjoint({}.keys()))
print(d.keys() & d.keys() == set(d), sorted(d.keys() | d.keys()))
e = {}
print(e.keys(), e.values(), e.items(), list(reversed(e.keys())))
n = {1: {2: 3}}
print(n.items(), n.values())
print(k.mapping, type(k.mapping).__name__, k.mapping["a"])
print(type(k).__name__, type(v).__name__, type(it).__name__, type(iter(k)).__name__, type(iter(v)).__name__, type(iter(it)).__name__, type(reversed(k)).__name__)
i1 = iter(d.items())
print(next(i1), i1.__length_hint__())
def err(fn):
    try:
        fn()
    except Exception as ex:
        print(type(ex).__name__, ex)
err(lambda: hash(k))
err(lambda: [] in k)
err(lambda: k[0])
err(lambda: v | {1})
print(v == v, v == d.values())
s = {1: "a"}
kv = s.keys()
s[2] = "b"
print(kv, len(kv))
x = {1: 1}
x[2] = x.values()
print(x)
