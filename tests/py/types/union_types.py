# PEP 604 unions (int | str): creation, repr, equality, isinstance/issubclass, annotations.
u = int | str
print(repr(u), type(u), type(u).__name__, type(u).__module__, u.__args__, u.__parameters__)
print(int | None, None | int, (int | str) | float, int | (str | float), int | int, int | int | str)
print(hash(int | str) == hash(str | int), (int | str) == (str | int), (int | str) != (int | float))
print(isinstance(1, int | str), isinstance(1.5, int | str), isinstance(None, int | None))
print(issubclass(bool, int | str), issubclass(float, int | str), isinstance("a", (float, int | str)))
class A:
    pass
class B(A):
    pass
print(A | None, B | A | None, isinstance(B(), A | int), issubclass(B, int | A))
def f(x: int | None = None) -> list | None:
    return x
print(f.__annotations__)
for bad in ("int | 1", "1 | int", "int | 'str'"):
    try:
        eval(bad)
    except TypeError as e:
        print(type(e).__name__, e)
print(type(None) | int, (int | None).__args__)
