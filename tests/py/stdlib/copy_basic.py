import copy
from collections import OrderedDict, defaultdict, Counter, deque, namedtuple
a = [1, [2, 3], {'k': [4]}]
b = copy.copy(a); c = copy.deepcopy(a)
print(b, c, b[1] is a[1], c[1] is a[1], c[2]['k'] is a[2]['k'])
l = [1]; l.append(l); m = copy.deepcopy(l); print(m[1] is m, m is not l)
class P:
    def __init__(s, x): s.x = x; s.y = [x]
p = P(3); q = copy.copy(p); r = copy.deepcopy(p)
print(q.x, q.y is p.y, r.y is p.y, r.y, type(r).__name__)
class Q:
    def __copy__(s): return "copied"
    def __deepcopy__(s, memo): return "deep"
print(copy.copy(Q()), copy.deepcopy(Q()))
t = (1, [2]); print(copy.deepcopy(t), copy.deepcopy(t) is t, copy.copy(t) is t, copy.deepcopy((1,2)) is not None)
print(copy.deepcopy(OrderedDict(a=[1])), copy.deepcopy(defaultdict(list, a=[1])), copy.copy(Counter('aab')), copy.deepcopy(deque([1,[2]], maxlen=4)))
N = namedtuple('N', 'a b'); print(copy.deepcopy(N(1, [2])), copy.copy(N(1,2)))
class S:
    __slots__ = ('a', 'b')
s = S(); s.a = [1]; s2 = copy.deepcopy(s); print(s2.a, s2.a is s.a, hasattr(s2, 'b'))
print(copy.deepcopy({1, 2}), copy.copy(frozenset([1])), copy.deepcopy(set()))
shared = [1]; d = copy.deepcopy({'x': shared, 'y': shared}); print(d['x'] is d['y'])
