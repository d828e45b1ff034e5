# Subclassing built-in types: list, dict (__missing__), int, str, float, tuple, Exception, set.
class MyList(list):
    def total(self):
        return sum(self)
ml = MyList([3, 1, 2])
ml.append(4)
ml.extra = "attr"
print(ml, len(ml), ml.total(), ml[0], ml[-1], ml[1:3], type(ml[1:3]).__name__, ml.extra)
ml.sort()
print(ml, isinstance(ml, list), type(ml).__name__, ml == [1, 2, 3, 4], sorted(ml.__dict__))
print(MyList(), repr(MyList("ab")), list(MyList((1, 2))), MyList([1]) + [2])
class Stack(list):
    def push(self, x):
        self.append(x)
    def __repr__(self):
        return "Stack" + super().__repr__()
s = Stack()
s.push(1)
s.push(2)
print(s, s.pop(), s)

class DefaultDict(dict):
    def __missing__(self, key):
        self[key] = v = len(key)
        return v
dd = DefaultDict(a=1)
print(dd["a"], dd["abc"], dd, "zz" in dd, dd.get("q"), type(dd).__name__)
class Upper(dict):
    def __setitem__(self, k, v):
        super().__setitem__(k.upper(), v)
    def __getitem__(self, k):
        return super().__getitem__(k.upper())
u = Upper()
u["a"] = 1
print(u, u["a"], u.get("A"), dict(u))
class Counter(dict):
    def __init__(self, it):
        super().__init__()
        for x in it:
            self[x] = self.get(x, 0) + 1
print(sorted(Counter("abracadabra").items()))

class MyInt(int):
    def double(self):
        return MyInt(self * 2)
    def __repr__(self):
        return f"MyInt({int(self)})"
i = MyInt(21)
print(i, i.double(), i + 1, type(i + 1).__name__, i == 21, hash(i) == hash(21), isinstance(i, int))
i.label = "x"
print(i.label, int(i), type(int(i)).__name__, str(i), f"{i:>5}")
print(MyInt("ff", 16), MyInt(), [10, 20, 30][MyInt(1)], {21: "v"}[i])
class Flag(int):
    pass
print(Flag(True), type(Flag(3) * 2).__name__, -Flag(5), Flag(7) // 2)

class Name(str):
    def shout(self):
        return self.upper() + "!"
n = Name("hello")
print(n, n.shout(), len(n), n[1:], type(n[1:]).__name__, n + " there", n == "hello")
print(repr(n), n.title(), {n: 1}["hello"], "ell" in n, Name(5), str(n) is not n)
n.tag = 1
print(n.tag, "%s!" % n, f"{n}", n.split("l"))

class Temp(float):
    def __str__(self):
        return f"{float(self)} deg"
t = Temp(21.5)
print(t, t + 1, repr(t), Temp("3.5") * 2, t > 20)

class Pair(tuple):
    def __new__(cls, a, b):
        return super().__new__(cls, (a, b))
    @property
    def first(self):
        return self[0]
p = Pair(1, 2)
print(p, p.first, len(p), p + (3,), type(p).__name__, p == (1, 2), hash(p) == hash((1, 2)))

class MySet(set):
    pass
ms = MySet([1, 2, 2])
ms.add(3)
print(sorted(ms), type(ms).__name__, 2 in ms, len(ms))

class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
class NotFound(AppError):
    pass
try:
    raise NotFound(404, "missing")
except AppError as e:
    print(type(e).__name__, e.code, e, e.args, isinstance(e, Exception), repr(e))
class Plain(Exception):
    pass
try:
    raise Plain("a", 1)
except Plain as e:
    print(repr(e), str(e), e.args)
class WithStr(ValueError):
    def __str__(self):
        return "custom str"
print(str(WithStr("x")), repr(WithStr("x")))

class Obj(object):
    pass
print(type(Obj()).__mro__)
class MyType(type):
    pass
print(MyType("T", (), {}).__name__, isinstance(MyType, type))
class Prop(property):
    pass
print(type(Prop()).__name__)
