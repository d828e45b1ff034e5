# Contended: a reference-count storm on one shared, mortal object. Every thread takes and
# drops references to it (locals, a tuple, a list slot) as fast as it can; under brc every
# thread but the owner goes to the shared count, under atomic everyone hits one cache line.
from _common import main


class Shared:
    pass


SHARED = Shared()


def job(n):
    total = 0
    for _ in range(n):
        a = SHARED
        b = SHARED
        t = (a, b, SHARED)
        lst = [a, b]
        total += len(t) + len(lst)
    return total


main("refcount_storm", job, 200000)
