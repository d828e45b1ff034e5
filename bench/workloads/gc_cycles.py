# GC: a cycle-heavy job. Every iteration builds garbage that only the cycle collector can
# free: a pair of instances pointing at each other, a self-referencing list, and a small
# parent/children tree. Result: the number of structures built.
# A negative SIZE disables the collector (gc.disable()): the cycles then pile up (memory
# grows with SIZE), which is the comparison point for the collector's cost.
import gc

from _common import main


class Node:
    def __init__(self, parent=None):
        self.parent = parent
        self.children = []
        if parent is not None:
            parent.children.append(self)


def job(n):
    if n < 0:
        gc.disable()
        n = -n
    built = 0
    for i in range(n):
        a = Node()
        b = Node(a)
        b.peer = a
        l = [a, b]
        l.append(l)
        root = Node()
        for j in range(3):
            Node(root)
        built += 1
    return built


main("gc_cycles", job, 300000)
