# Pattern matching compiled without MATCH_* instructions: every pattern kind, nesting,
# bindings in or-patterns, guards, and the compile-time errors.
class P:
    __match_args__ = ("a", "b")
    def __init__(self, a, b=None):
        self.a, self.b = a, b
    def __repr__(self):
        return "P(%r, %r)" % (self.a, self.b)

class Q(P):
    pass

def m(v):
    match v:
        case []:
            return "empty seq"
        case [1, [2, x]] | (1, (3, x)):
            return "nested or", x
        case [first, *middle, last] if middle:
            return "star middle", first, middle, last
        case [*_, "end"]:
            return "ends with end"
        case (a, b) if a == b:
            return "equal pair", a
        case {"k": [1, *rest]} if rest:
            return "map with list", rest
        case {"x": 1, **kw} if kw:
            return "map rest", sorted(kw.items())
        case {}:
            return "any mapping"
        case P(a=P(1) as inner, b=None):
            return "nested class", inner
        case Q(x, y=2):
            return "Q", x
        case P(1 | 2 as n, _):
            return "P small", n
        case int(0) | float(0.0):
            return "zero"
        case bool(b):
            return "bool", b
        case str(s) if len(s) > 3:
            return "long str", s
        case "a" | "b" | "c" as letter:
            return "letter", letter
        case -1 | -2.5 | 1j:
            return "negative or complex"
        case None | True:
            return "singleton"
        case _ if isinstance(v, set):
            return "a set"
        case other:
            return "other", type(other).__name__

tests = [[], [1, [2, 7]], (1, (3, 8)), [1, 2, 3, 4], [9, 9], ["x", "end"], (5, 5), (5, 6),
         "ab", {"k": [1, 2]}, {"k": [1]}, {"x": 1, "y": 2}, {"x": 1}, P(P(1)), P(P(1), 3),
         Q(0, 2), Q(0, 3), P(2, 9), 0, 0.0, False, True, "hello", "b", -1, -2.5, 1j, None,
         {1}, 3.5, b"xy", range(2), [1, [2, 3, 4]], (1,), {"k": "not list"}]
for t in tests:
    print(repr(t), "->", m(t))

def bindings():
    match (1, 2, 3):
        case (x, y, z):
            pass
    match {"a": 1}:
        case {"b": q}:
            pass
        case _:
            pass
    return x, y, z, "q" in dir()
print(bindings())

def guard_sees_binding(v):
    match v:
        case [x, y] if x > y:
            return "desc"
        case [x, y]:
            return "asc", x, y
print(guard_sees_binding([2, 1]), guard_sees_binding([1, 2]))

def dict_subclass():
    class D(dict):
        pass
    match D(a=1):
        case {"a": v}:
            return v
print(dict_subclass())

def no_match():
    match 42:
        case "x":
            return "x"
    return "fell through"
print(no_match())

def match_args_errors():
    class NoArgs:
        pass
    class BadArgs:
        __match_args__ = ["x"]
    for cls in (NoArgs, BadArgs):
        try:
            match cls():
                case cls(1):
                    pass
        except TypeError as e:
            print(type(e).__name__, e)
    try:
        match 1:
            case P(a=1, b=2) if False:
                pass
            case int(a, b):
                pass
    except TypeError as e:
        print(e)
    notatype = 3
    try:
        match 1:
            case notatype():
                pass
    except TypeError as e:
        print(e)
match_args_errors()

for src in [
    "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
    "match x:\n    case [a, a]:\n        pass\n",
    "match x:\n    case [a] | [b]:\n        pass\n",
    "match x:\n    case P(a=1, a=2):\n        pass\n",
    "match x:\n    case {f(): 1}:\n        pass\n" if False else "match x:\n    case 1 | y:\n        pass\n    case 2:\n        pass\n",
]:
    try:
        compile(src, "<match>", "exec")
        print("compiled", repr(src))
    except SyntaxError as e:
        print("SyntaxError:", e.msg, e.lineno)
