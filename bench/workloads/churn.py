# CPU-bound: dict and list churn (allocation, insertion, lookup, deletion).
from _common import main


def churn(n):
    total = 0
    for i in range(n):
        d = {}
        lst = []
        for j in range(50):
            key = j * 7 + i
            d[key] = j
            lst.append(key)
        for key in lst:
            total += d[key]
        while lst:
            del d[lst.pop()]
    return total


main("churn", churn, 20000)
