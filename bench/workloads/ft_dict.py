# Free-threading scaling: every thread creates small dicts (allocation, insertion, free).
from _common import main


def job(n):
    total = 0
    for i in range(n):
        d = {"a": i, "b": 2, "c": 3}
        total += len(d)
    return total


main("ft_dict", job, 300000)
