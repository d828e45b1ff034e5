# PEP 585 aliases of the built-in containers, as used in annotations
def f(xs: list[int], m: dict[str, list[int]]) -> tuple[int, ...]:
    return tuple(xs)
print(f([1, 2], {}), f.__annotations__["return"])
print(list[int], dict[str, int], tuple[int, ...], set[frozenset[int]], tuple[()], frozenset[str])
a = list[int]
print(a.__origin__, a.__args__, a.__parameters__, a == list[int], a != list[str], hash(a) == hash(list[int]))
print(a([1, 2]), a(), dict[str, int](x=1))
class MyList(list[int]):
    pass
print(MyList([3]), MyList.__bases__, MyList.__mro__)
print(list[MyList], dict[int, list[MyList]])
print(enumerate[int])
