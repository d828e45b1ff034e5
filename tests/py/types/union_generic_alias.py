# Unions of classes and PEP 585 aliases (`list[int] | None`), as annotations use them.
x = list[int] | None
print(x)
print(int | list[str])
print(dict[str, list[int]] | tuple[int, ...])
print(x.__args__)
print(isinstance(3, int | str), isinstance([], int | str))
print((int | str) == (str | int), (int | int) is int)


def f(a: list[int] | None = None) -> dict[str, int] | None:
    return a


print(f.__annotations__)
