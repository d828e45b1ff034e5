# Free-threading scaling: every thread calls a method on one shared object
# (attribute lookup through the type, bound-method call).
from _common import main


class Counter:
    def __init__(self):
        self.step = 1

    def next(self, x):
        return x + 1


SHARED = Counter()


def job(n):
    obj = SHARED
    total = 0
    for i in range(n):
        total += obj.next(i) + obj.next(0) + obj.next(1) - i
    return total


main("ft_method", job, 300000)
