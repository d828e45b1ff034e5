# Free-threading scaling: every thread calls one shared module-level Python function
# (global lookup, call, return). Modelled on CPython's Tools/ftscalingbench "pyfunction".
from _common import main


def shared(x):
    return x


def job(n):
    total = 0
    for i in range(n):
        total += shared(i) + shared(1) + shared(2) + shared(3)
    return total


main("ft_pyfunction", job, 300000)
