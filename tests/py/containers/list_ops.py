# list operators and comparisons, repr with recursion
a = [1, 2]
b = a + [3]
print(a, b, a * 3, 3 * a, a * 0, [] * 5, a * -2)
c = a
c += [9]
print(a, c is a)
c += (10, 11)
c += range(2)
c += "xy"
print(a)
d = [1, 2]
d *= 3
print(d)
d *= 0
print(d)
print(2 in [1, 2], 5 in [1, 2], [1] in [[1], 2], None in [None])
print([1, 2] == [1, 2], [1, 2] != [1, 3], [1, 2] < [1, 3], [1, 2] < [1, 2, 0], [2] > [1, 5], [] < [0], [1, 2] <= [1, 2], [1, 2] >= [1, 3])
print([1, 2] == (1, 2), [float("nan")] == [float("nan")])
n = float("nan")
print([n] == [n], n in [n])
r = [1, 2]
r.append(r)
print(r)
s = [r, [r]]
print(s)
t = []
t.append([t, {"k": t}])
print(t)
print(repr([]), str([1, "a"]), [[], [[]]])
print(list.__repr__([1, 2]), len([1, [2, 3]]))
x = [0] * 5
x[2] = x
print(x)
def err(fn):
    try:
        fn()
    except Exception as ex:
        print(type(ex).__name__, ex)
err(lambda: [1, 2] < [1, "a"])
err(lambda: [1] + None)
def iadd():
    q = [1]
    q += 5
err(iadd)
err(lambda: [1] < 1)
class L(list):
    def extra(self):
        return len(self) * 10
l = L([1, 2, 3])
print(l, type(l).__name__, l.extra(), l + [4], type(l + [4]).__name__, l[:2], type(l[:2]).__name__)
l.append(4)
print(l == [1, 2, 3, 4], isinstance(l, list), repr(l))
class L2(list):
    def __init__(self, *args):
        super().__init__(*args)
        self.tag = "t"
l2 = L2("ab")
print(l2, l2.tag)
print(bool([]), bool([0]))
print(max([1, 5, 3]), min(["b", "a"]), sum([1, 2, 3]), sorted([3, 1, 2]))
