# __len__, __getitem__, __setitem__, __delitem__, __iter__, __next__, __contains__, __reversed__
class Seq:
    def __init__(self, n):
        self.n = n
    def __len__(self):
        return self.n
    def __getitem__(self, i):
        if isinstance(i, slice):
            return ("slice", i.start, i.stop, i.step)
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("Seq index out of range")
        return i * i

s = Seq(5)
print(len(s), s[2], s[-1], s[1:3], s[::2], list(s), 16 in s, 3 in s)
print(list(reversed(s)), sorted(s, reverse=True), sum(s), max(s), tuple(s))
a, b, *rest = s
print(a, b, rest)
it = iter(s)
print(type(it).__name__, next(it), next(it))
try:
    s[10]
except IndexError as e:
    print(type(e).__name__, e)

class Box:
    def __init__(self):
        self.d = {}
    def __setitem__(self, k, v):
        self.d[k] = v
    def __getitem__(self, k):
        return self.d[k]
    def __delitem__(self, k):
        del self.d[k]
    def __contains__(self, k):
        return k in self.d
    def __iter__(self):
        return iter(sorted(self.d))
    def __len__(self):
        return len(self.d)
b = Box()
b["x"] = 1
b[2] = "two"
b[1, 2] = "tuple key"
print(b["x"], b[2], b[1, 2], "x" in b, "y" in b, len(b))
del b["x"]
print("x" in b, list(b.d))
try:
    del b["nope"]
except KeyError as e:
    print(type(e).__name__, e)

class Countdown:
    def __init__(self, start):
        self.cur = start
    def __iter__(self):
        return self
    def __next__(self):
        if self.cur <= 0:
            raise StopIteration
        self.cur -= 1
        return self.cur + 1
print(list(Countdown(3)), [x * 2 for x in Countdown(2)])
for x in Countdown(2):
    print("loop", x)
c = Countdown(1)
print(next(c), next(c, "done"))
try:
    next(c)
except StopIteration as e:
    print(type(e).__name__, repr(e))

class NotIterable:
    __iter__ = None
try:
    iter(NotIterable())
except TypeError as e:
    print(type(e).__name__, e)
class BadIter:
    def __iter__(self):
        return 5
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
class NoContains:
    __contains__ = None
    def __iter__(self):
        return iter([1])
try:
    1 in NoContains()
except TypeError as e:
    print(type(e).__name__, e)
class IterContains:
    def __iter__(self):
        return iter([1, 2, 3])
print(2 in IterContains(), 5 in IterContains(), 5 not in IterContains())

class LenBad:
    def __init__(self, v):
        self.v = v
    def __len__(self):
        return self.v
for v in (-1, "x", 2 ** 100, 3.0, True):
    try:
        print(len(LenBad(v)))
    except Exception as e:
        print(type(e).__name__, e)

class Rev:
    def __reversed__(self):
        return iter("cba")
print(list(reversed(Rev())))

for stmt in ("n = 1; n[0]", "len(5)", "iter(5)", "(1,2)[0] = 1", "del (1,)[0]", "5 in 5", "int[0]",
             "object()[0]", "li = [1]; li[1.0]", "t = 'abc'; t['a']", "{}[[1]]", "del 'a'[0]", "x = 1; x[0] = 2"):
    try:
        exec(stmt)
        print(stmt, "ok")
    except Exception as e:
        print(stmt, "->", type(e).__name__, e)

class GA:
    def __class_getitem__(cls, item):
        return (cls.__name__, item)
print(GA[int], GA[1, 2])
class Plain:
    pass
try:
    Plain[0]
except TypeError as e:
    print(type(e).__name__, e)

class Idx:
    def __index__(self):
        return 1
print([10, 20, 30][Idx()], "abc"[Idx()], (1, 2)[Idx()], range(5)[Idx()])
print(Seq.__len__(s), Box.__getitem__(b, 2))
