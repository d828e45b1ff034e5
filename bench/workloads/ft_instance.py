# Free-threading scaling: every thread creates instances of one shared class (__init__
# call, instance dict, attribute stores).
from _common import main


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def job(n):
    total = 0
    for i in range(n):
        p = Point(i, 1)
        total += p.y
    return total


main("ft_instance", job, 200000)
