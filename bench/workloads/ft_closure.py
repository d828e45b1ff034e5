# Free-threading scaling: every thread creates closures (function objects with cells)
# and calls them.
from _common import main


def make(x):
    def inner(y):
        return x + y
    return inner


def job(n):
    total = 0
    for i in range(n):
        f = make(i)
        total += f(1) - i
    return total


main("ft_closure", job, 300000)
