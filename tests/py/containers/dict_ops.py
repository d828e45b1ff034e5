# dict | |= == repr, constructor forms
a = {"x": 1, "y": 2}
b = {"y": 20, "z": 30}
print(a | b, b | a, a, b)
c = dict(a)
c |= b
print(c)
c |= [("w", 0)]
print(c)
c |= {}
print(c, a == {"y": 2, "x": 1}, a != b, a == a.copy(), {} == {}, {1: [1]} == {1: [1]}, {1: 2} == {1: 3}, {1: 2} == {2: 2})
print({1: 2} == [(1, 2)], dict(a=1) == {"a": 1})
r = {}
r["self"] = r
print(r)
n = {"l": [1, {"d": {}}], "t": (1,), "s": "q'uote", 1.5: None}
print(n)
print(repr({}), str({1: "a"}), {(): ()}, {1: {2: {3: {}}}})
print(dict(one=1, two=2), dict({"k": "v"}), dict([["a", 1]]), dict(((i, i * i) for i in range(4))))
print(dict(dict(a=1), a=2), dict([("a", 1), ("a", 2)]))
nan = float("nan")
print({nan: 1} == {nan: 1}, {1: nan} == {1: nan})
v = {1: nan}
print(v == v)
x = {i: i for i in range(5)}
y = {i: i for i in reversed(range(5))}
print(x == y, list(x) == list(y))
print({True: "t", 1: "one"}, {0: "z", False: "f", 0.0: "zf"})
print(str({"a": "b"}), format({"a": 1}))
print(dict.__or__({1: 1}, [1]) is NotImplemented)
