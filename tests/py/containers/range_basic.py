# range: construction, len, indexing, membership, iteration, methods, hash, repr
print(range(10), range(1, 10), range(0, 10, 2), range(5, -5, -3), range(0), range(-3))
print(list(range(5)), list(range(2, 8)), list(range(10, 0, -3)), list(range(0)), list(range(5, 1)))
r = range(3, 30, 4)
print(len(r), r[0], r[-1], r[2], r.start, r.stop, r.step, r.index(11), r.count(11), r.count(12))
print(11 in r, 12 in r, 31 in r, -1 in r, 11.0 in r, "a" in r, True in range(2))
print(len(range(0, 10, 3)), len(range(10, 0, -3)), len(range(0, -10)), len(range(-5, 5)))
print(list(reversed(range(5))), list(reversed(range(1, 10, 3))), list(reversed(range(0))), list(reversed(range(10, 0, -4))))
print(range(0, 10) == range(0, 10, 1), range(0) == range(5, 5), range(1, 2, 3) == range(1, 5, 10), range(0, 3) == range(0, 4), range(0, 3, 2) != range(0, 4, 2))
print(range(1) == [0], range(2) == range(2))
print(hash(range(3)), hash(range(0, 10, 2)), hash(range(0)) == hash(range(5, 5)), hash(range(1, 2)) == hash(range(1, 3, 5)))
print(hash(range(5, 5)) == hash(range(1, 0)), hash(range(1, 2, 5)) == hash(range(1, 3, 7)))
print(sum(range(101)), max(range(7)), min(range(3, 9)), sorted(range(5, 0, -1)))
print(bool(range(0)), bool(range(1)), range(10).index(9), range(10, 0, -1).index(1))
big = range(2**40, 2**40 + 10, 3)
print(big, len(big), big[1], 2**40 + 3 in big, list(big))
neg = range(-(2**62), 2**62, 2**61)
print(len(neg), list(neg))
it = iter(range(3))
print(type(it).__name__, it.__length_hint__(), next(it), it.__length_hint__(), list(it), list(it))
ri = reversed(range(4))
print(type(ri).__name__, ri.__length_hint__(), list(ri))
def err(fn):
    try:
        fn()
    except Exception as ex:
        print(type(ex).__name__, ex)
err(lambda: range())
err(lambda: range(1, 2, 3, 4))
err(lambda: range(1, 2, 0))
err(lambda: range(1.5))
err(lambda: range("a"))
err(lambda: range(x=1))
err(lambda: range(10)[10])
err(lambda: range(10)[-11])
err(lambda: range(10)["a"])
err(lambda: range(10).index(10))
err(lambda: range(10).index("a"))
err(lambda: hash(range(10)) and range(10) < range(11))
err(lambda: range(3) + range(3))
err(lambda: range(3) * 2)
class I:
    def __index__(self):
        return 4
print(range(I()), range(1, I()), list(range(I())), range(10)[I()])
print(range(True), list(range(False, 3)))
print([i for i in range(3) for j in range(i)], list(zip(range(3), range(10, 13))))
total = 0
for i in range(1000):
    total += i
print(total)
print(range(10).count(5.0), range(10).index(5.0), 3.0 in range(5), 3.5 in range(5))
