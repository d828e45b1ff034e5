# Constant folding as CPython's AST optimizer does it (with its size limits).
def f():
    return 2 ** 10, 1 << 4, "ab" * 3, b"x" + b"y", (1, 2) + (3,), 7 // 2, 7 % 3, -(-3), not 0, ~5
print(f(), f.__code__.co_consts)
def g():
    return 2 ** 1000, "x" * 5000, 1 / 0 if False else 1, "abc"[1], (1, 2, 3)[-1], "%s" % 1
print(len(str(g()[0])), len(g()[1]), g()[2:])
try:
    print(1 / 0)
except ZeroDivisionError as e:
    print(e)
x = 5
print(x is 2 + 3 if False else "no warning needed")
print(1.5 * 2, 10 - 2.5, 3 + True, 2 ** -1, (-2) ** 0.5 if False else 0)
print({1 + 1: "two"}, [i for i in range(2 ** 3)])
