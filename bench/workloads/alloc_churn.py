# Memory: allocation churn. Every thread allocates and frees short-lived tuples, lists,
# floats, big ints, strings and instances (allocator and free-list scalability).
from _common import main


class Node:
    def __init__(self, value):
        self.value = value
        self.next = None


def job(n):
    total = 0
    for i in range(n):
        items = [(i, j, float(j)) for j in range(8)]
        node = Node(items)
        s = str(i) * 3
        big = (i + 1) << 70
        total += len(node.value) + len(s) + (big >> 70 > 0)
    return total


main("alloc_churn", job, 50000)
