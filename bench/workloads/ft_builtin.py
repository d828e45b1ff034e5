# Free-threading scaling: every thread calls built-in functions (len, abs, min, isinstance)
# on shared and local arguments.
from _common import main

SHARED = (1, 2, 3, 4)


def job(n):
    total = 0
    for i in range(n):
        total += len(SHARED) + abs(-i) + min(i, 3)
        if isinstance(i, int):
            total += 1
    return total


main("ft_builtin", job, 300000)
