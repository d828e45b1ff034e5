# Free-threading scaling: every thread reads attributes of one shared instance.
from _common import main


class Config:
    def __init__(self):
        self.a = 1
        self.b = 2
        self.c = 3


SHARED = Config()


def job(n):
    obj = SHARED
    total = 0
    for _ in range(n):
        total += obj.a + obj.b + obj.c
    return total


main("ft_attr_read", job, 300000)
