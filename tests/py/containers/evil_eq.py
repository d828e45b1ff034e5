# __eq__ / __hash__ that mutate the container being searched: same results, no crash
class E:
    def __init__(self, v, s=None):
        self.v = v
        self.s = s
    def __hash__(self):
        return self.v % 4
    def __eq__(self, other):
        if self.s is not None:
            self.s.clear()
        return isinstance(other, E) and self.v == other.v
s = set()
items = [E(i, s) for i in range(20)]
for it in items:
    s.add(it)
print(len(s) <= 20)
t = set(E(i) for i in range(20))
try:
    print(t <= s, s <= t, len(s & t), len(t - s), len(t ^ s) >= 0)
except RuntimeError as e:
    print("RuntimeError", e)
s2 = set(E(i, None) for i in range(10))
for x in list(s2):
    x.s = s2
print(E(3) in s2, len(s2))
l = [E(i) for i in range(10)]
class Mut:
    def __eq__(self, o):
        l.clear()
        return False
print(Mut() in l, l.count(Mut()), len(l))
l = list(range(10))
class Mut2:
    def __eq__(self, o):
        del l[:]
        return False
try:
    l.index(Mut2())
except ValueError as e:
    print("ValueError")
l = list(range(10))
try:
    l.remove(Mut2())
except ValueError as e:
    print("ValueError", e)
print("survived")
