# Enum members, dataclasses, subclasses of core types, __getstate__ returning
# None or a tuple, __setstate__ alone, __slots__ without __getstate__, objects
# that cannot be pickled (modules, dict views), complex numbers.
import pickle, enum, dataclasses, sys
import copy

def scrub(msg):
    out = []
    while True:
        i = msg.find(' at 0x')
        if i < 0:
            out.append(msg); return ''.join(out)
        out.append(msg[:i]); j = i + 6
        while j < len(msg) and msg[j] in '0123456789abcdef': j += 1
        msg = msg[j:]

class Color(enum.Enum):
    RED = 1
    GREEN = 'g'
class Flag(enum.IntFlag):
    A = 1
    B = 2
@dataclasses.dataclass
class DC:
    x: int
    y: list
@dataclasses.dataclass(frozen=True)
class FDC:
    x: int
class S:
    __slots__ = ('a',)
class MyInt(int): pass
class MyFloat(float): pass
class MySet(set): pass
class MyFS(frozenset): pass
class MyBytes(bytes): pass
class GS:
    def __init__(self): self.a = 1
    def __getstate__(self): return None
class GS2:
    def __getstate__(self): return ('tuple', 'state')
    def __setstate__(self, st): self.st = st
class SS:
    def __setstate__(self, st): self.got = st
mi = MyInt(7); mi.tag = 'T'
objs = [Color.RED, Color.GREEN, Flag.A | Flag.B, DC(1, [2]), FDC(3), S(), MyInt(5), mi, MyFloat(2.5), MySet([1, 2]), MyFS([3]),
        MyBytes(b'ab'), GS(), GS2(), SS(), object(), sys, {}.keys(), 1j, -0j, complex(1e300, -2.5)]
for o in objs:
    for p in range(6):
        try:
            d = pickle.dumps(o, p)
        except Exception as e:
            print(type(o).__name__, p, type(e).__name__, scrub(str(e)))
            continue
        try:
            r = pickle.loads(d)
            rr = (type(r).__name__, getattr(r, '__dict__', None), r if isinstance(r, (int, float, set, frozenset, bytes, enum.Enum, complex)) else '')
        except Exception as e:
            rr = ('LOADERR', type(e).__name__, str(e))
        print(type(o).__name__, p, d, rr)

# object.__getstate__ / object.__reduce__ and super() calls to them
class A2: pass
a = A2(); print(a.__getstate__()); a.x = 1; print(a.__getstate__())
class S:
    __slots__ = ('p', 'q')
s = S(); s.p = 1; print(s.__getstate__())
print(a.__reduce__()[0].__name__, a.__reduce__()[1])
class R:
    def __init__(self): self.v = 5
    def __reduce__(self):
        return super().__reduce__()
print(pickle.loads(pickle.dumps(R())).v)
class G:
    def __init__(self): self.v = 6; self.w = 7
    def __getstate__(self):
        st = super().__getstate__().copy(); del st['w']; return st
print(pickle.loads(pickle.dumps(G())).__dict__)
print(copy.copy(G()).__dict__, copy.deepcopy(R()).v)
print(object.__reduce__ is not None, 'ok')
