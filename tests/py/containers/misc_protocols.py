# dunder methods, iterator types, reprs and unpacking of the containers
exprs = """
type(iter({})).__name__
type(iter({}.values())).__name__
type(iter({}.items())).__name__
type(reversed({}.items())).__name__
type(iter(set())).__name__
type(iter(())).__name__
type(iter(range(2))).__name__
type(reversed(range(2))).__name__
type(iter(iter([]))).__name__
len({1: 2}.keys())
list(iter({1: 2, 3: 4}.items()))
iter([1, 2]).__length_hint__()
iter({1: 2}).__length_hint__()
iter({1}).__length_hint__()
iter((1, 2, 3)).__length_hint__()
reversed([1, 2]).__length_hint__()
reversed(range(5)).__length_hint__()
[1, 2].__len__()
(1, 2).__add__((3,))
[1].__add__([2])
[1].__mul__(3)
(1,).__mul__(2)
[1, 2].__contains__(2)
{1: 2}.__len__()
{1}.__or__({2})
{1}.__and__([1])
frozenset({1}).__xor__(frozenset({2}))
{1: 2}.__or__({3: 4})
[1, 2].__eq__([1, 2])
(1, 2).__lt__((1, 3))
{1: 2}.__eq__({1: 2})
{1}.__le__({1, 2})
range(3).__eq__(range(3))
slice(1).__eq__(slice(1))
[3, 1].__iadd__([2])
list.__new__(list)
tuple.__new__(tuple, [1])
dict.__new__(dict)
set.__new__(set)
frozenset.__new__(frozenset, [1])
[].__class__
{}.__class__.__name__
range(1, 5, 2).__reduce__()
slice(1, 2).__reduce__()
isinstance({}.keys(), type({}.keys()))
hash(frozenset([1, 2])) == hash(frozenset([2, 1]))
list(zip(*[(1, 2), (3, 4)]))
dict(zip("abc", range(3)))
[*range(3), *"ab"]
{**{1: 2}, **{3: 4}}
(*[1, 2], 3)
{*[1, 2], 3}
sorted({3: 1, 1: 2}.items(), key=lambda kv: kv[1])
list(map(lambda x, y: x + y, [1, 2], [3, 4, 5]))
list(filter(lambda x: x, [0, 1, 2]))
list(enumerate(range(3), 5))
tuple(reversed((1, 2, 3)))
str(range(3))
repr(slice(None, None, None))
repr({}.keys())
repr({1: [1]}.values())
repr({(1, 2): 3}.items())
repr(set())
repr(frozenset())
bool(iter([]))
[1, 2, 3][-1:-4:-1]
(1, 2, 3)[::-2]
range(10)[-1:-4:-1]
list(range(10))[slice(2)]
[0] * 3 == [0, 0, 0]
[[0] * 2] * 2
"""
for e in exprs.strip().splitlines():
    try:
        print(e, "->", repr(eval(e)))
    except Exception as ex:
        print(e, "->", type(ex).__name__, ex)
