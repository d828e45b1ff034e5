# Free-threading scaling: every thread creates and exhausts generators of one shared
# generator function.
from _common import main


def gen(k):
    for i in range(k):
        yield i


def job(n):
    total = 0
    for _ in range(n):
        for x in gen(20):
            total += x
    return total


main("ft_generator", job, 40000)
