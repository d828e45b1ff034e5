# Assignment expressions in comprehensions bind in the enclosing function or module.
print([y := i * 2 for i in range(3)], y)
def f():
    [z := i for i in range(2)]
    def g():
        return [w := z + 1 for _ in "a"], w
    return z, g()
print(f())
class K:
    vals = [v for v in range(3)]
print(K.vals)
print(sum(x for x in range(5) if (t := x) > 2), t)
def nested():
    return [[(q := a * b) for b in range(2)] for a in range(2)], q
print(nested())
g = (n for n in range(3))
print(type(g).__name__, list(g), list(g))
print({(k := 1): k for _ in "x"})
