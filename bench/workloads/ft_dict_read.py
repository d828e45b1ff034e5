# Free-threading scaling: every thread reads keys of one shared dict.
from _common import main

SHARED = {"a": 1, "b": 2, "c": 3, 4: 4, 5: 5}


def job(n):
    d = SHARED
    total = 0
    for _ in range(n):
        total += d["a"] + d["b"] + d["c"] + d[4]
    return total


main("ft_dict_read", job, 300000)
