# Free-threading scaling: every thread loads constants (strings, tuples, floats) from the
# shared code object; their reference counts are the point.
from _common import main


def job(n):
    total = 0
    for _ in range(n):
        s = "a string constant"
        t = (1, 2, 3)
        f = 2.5
        b = b"bytes"
        total += len(s) + len(t) + len(b)
        total += f > 1.0
    return total


main("ft_const", job, 300000)
