# Free-threading scaling: every thread reads its attribute of one shared threading.local.
import threading

from _common import main

LOCAL = threading.local()


def job(n):
    local = LOCAL
    local.value = 1
    total = 0
    for _ in range(n):
        total += local.value + local.value + local.value
    return total


main("ft_threadlocal", job, 300000)
