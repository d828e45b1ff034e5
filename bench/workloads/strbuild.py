# CPU-bound: building strings (concatenation, formatting, join, methods).
from _common import main


def strbuild(n):
    total = 0
    for i in range(n):
        parts = []
        for j in range(20):
            parts.append("item%d" % j + str(i) + f"[{j}]")
        s = ",".join(parts)
        total += len(s.upper().replace("ITEM", "x"))
    return total


main("strbuild", strbuild, 20000)
