# Error messages of built-in methods, descriptors and slot wrappers (CPython 3.11 texts).
tests = [
    "[].append()", "[].append(1, 2)", "[].clear(1)", "[].clear(x=1)", "list.append(1, 2)",
    "list.append()", "len(1, 2)", "len()", "int.__add__(1)", "int.__add__(1, 2, 3)",
    "int.__add__(1, x=2)", "int.__add__('a', 1)", "int.__add__()", "str.join.__get__(1)",
    "(1).__add__(1, 2)", "int.__dict__['real'].__get__('s')", "object.__init__()",
    "dict.fromkeys()", "dict.__dict__['fromkeys'](1, [])", "[].pop(1, 2, 3)",
    "'abc'.upper(1)", "isinstance()", "isinstance(1)", "getattr()", "hasattr(1)",
    "int.__neg__(1, 2)", "list.__len__([1], 2)", "list.__getitem__([1], 5)",
    "dict.__setitem__({}, [], 1)", "int.__pow__(2)", "int.__pow__(2, 3, 5, 7)",
    "object.__getattribute__(1, 'nope')", "type.__call__(int, 1, 2, 3, 4)",
    "(lambda: 0)(1)", "(lambda x: 0)()", "print(sep=1)", "sorted([], bad=1)",
    "int.__new__(1)", "int.__new__(str)", "str.__new__(int)", "object.__new__(type)",
]
for t in tests:
    try:
        r = eval(t)
        print(t, "=", repr(r))
    except Exception as e:
        print(t, "->", type(e).__name__, e)

# working calls of slot wrappers and descriptors
print(int.__add__(1, 2), int.__radd__(1, 2), int.__sub__(5, 3), int.__rsub__(5, 3))
print(list.__len__([1, 2]), list.__getitem__([1, 2], -1), list.__contains__([1], 1))
d = {}
dict.__setitem__(d, "k", 1)
dict.__delitem__(d, "k") if False else None
print(d, dict.__getitem__(d, "k"), dict.__len__(d))
print(str.__str__("x"), str.__repr__("x"), int.__repr__(5), int.__hash__(5), int.__bool__(0))
print(object.__repr__(1)[:12], object.__str__(5), object.__eq__(1, 1), int.__eq__(1, 1.0))
print(float.__lt__(1.0, 2), int.__lt__(1, 2.5), list.__iter__([1]).__next__())
print((5).__neg__(), (5).__pow__(2), (5).__pow__(2, 3), (2).__rpow__(3), int.__index__(7))
print([].__len__(), "ab".__getitem__(1), "ab".__contains__("a"), (1, 2).__len__())
print(list.__init__ is not None, dict.__init__.__name__, int.__add__.__objclass__)
print(int.__add__.__name__, int.__add__.__qualname__, [].append.__name__, [].append.__qualname__)
print([].append.__self__, len.__self__.__name__, len.__name__, len.__qualname__)
print(type(len.__module__), int.__add__.__doc__, object.__init__.__doc__[:10])
print(list.append.__qualname__, list.append.__name__, list.append.__objclass__)
m = (1).__add__
print(m(2), m.__self__, m.__name__, m.__qualname__, type(m).__name__)
print([].append == [].append, len == len, (1).__add__ == (1).__add__)
