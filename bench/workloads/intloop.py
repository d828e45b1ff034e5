# CPU-bound: nested loops with integer arithmetic (the eval loop's bread and butter).
from _common import main


def intloop(n):
    total = 0
    for i in range(n):
        for j in range(100):
            total += (i * j) % 7 - (j >> 1)
    return total


main("intloop", intloop, 30000)
