import collections.abc as A
from collections import deque, OrderedDict, Counter, defaultdict, ChainMap, UserDict, UserList
names = ['Hashable', 'Iterable', 'Iterator', 'Reversible', 'Generator', 'Sized', 'Container', 'Callable', 'Collection',
         'Set', 'MutableSet', 'Mapping', 'MutableMapping', 'MappingView', 'KeysView', 'ItemsView', 'ValuesView',
         'Sequence', 'MutableSequence', 'ByteString']
samples = [1, 1.5, 'ab', b'ab', bytearray(b'x'), [1], (1,), {1: 2}, {1}, frozenset([1]), range(3), iter([]), (x for x in []),
           {}.keys(), {}.values(), {}.items(), len, lambda: 0, None, deque(), OrderedDict(), Counter(), defaultdict(list),
           ChainMap(), UserDict(), UserList(), type, object()]
for s in samples:
    print(type(s).__name__.ljust(20), ''.join('1' if isinstance(s, getattr(A, n)) else '.' for n in names))
class MyIter:
    def __iter__(self): return self
    def __next__(self): raise StopIteration
class MySeq(A.Sequence):
    def __init__(self, n): self.n = n
    def __len__(self): return self.n
    def __getitem__(self, i):
        if i >= self.n: raise IndexError
        return i * 10
s = MySeq(4)
print(isinstance(MyIter(), A.Iterator), issubclass(MyIter, A.Iterable), list(s), 20 in s, s.index(30), s.count(10), list(reversed(s)))
class MyMap(A.Mapping):
    def __init__(self, d): self.d = d
    def __getitem__(self, k): return self.d[k]
    def __len__(self): return len(self.d)
    def __iter__(self): return iter(self.d)
m = MyMap({'a': 1, 'b': 2})
print(m.get('a'), m.get('z', 0), 'a' in m, list(m.keys()), list(m.items()), list(m.values()), m == {'a': 1, 'b': 2}, dict(m))
class MySet(A.MutableSet):
    def __init__(self, it=()): self.s = set(it)
    def __contains__(self, x): return x in self.s
    def __iter__(self): return iter(sorted(self.s))
    def __len__(self): return len(self.s)
    def add(self, x): self.s.add(x)
    def discard(self, x): self.s.discard(x)
ms = MySet([1, 2, 3])
print(list(ms & {2, 3, 4}), list(ms | {9}), list(ms - {1}), list(ms ^ {3, 4}), ms <= MySet([1, 2, 3, 4]), ms.isdisjoint([7]), ms == MySet([3, 2, 1]))
ms |= {5}; ms -= {1}; print(list(ms), ms.pop() in (2, 3, 5), len(ms))
try: A.Sequence()
except TypeError as e: print(e)
class Half(A.MutableMapping):
    def __getitem__(self, k): pass
try: Half()
except TypeError as e: print(e)
print(issubclass(dict, A.MutableMapping), issubclass(A.MutableMapping, A.Mapping), A.Iterable.__module__, A.Sequence.__name__)
