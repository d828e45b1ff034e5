from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique
class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1
print(Color.RED, repr(Color.RED), Color.RED.name, Color.RED.value, Color(2), Color['BLUE'], Color.CRIMSON is Color.RED)
print(list(Color), len(Color), repr(Color), Color.RED in Color, [m.name for m in reversed(Color)])
print(list(Color.__members__), type(Color.RED), isinstance(Color.RED, Color), Color.RED == Color.RED, Color.RED != Color.GREEN, Color.RED == 1)
print(f"{Color.RED}", "{:>12}|".format(Color.GREEN), {Color.RED: 1}[Color.RED])
try: Color(7)
except ValueError as e: print(e)
try: Color['NOPE']
except KeyError as e: print('KeyError', e)
try: Color.RED = 5
except AttributeError as e: print(e)
try:
    class More(Color): X = 9
except TypeError as e: print(e)
class Num(IntEnum):
    ONE = 1
    TWO = 2
print(Num.ONE, repr(Num.TWO), Num.ONE + 1, Num.TWO * 3, Num.ONE == 1, Num(2), f"{Num.TWO:03d}", sorted([Num.TWO, Num.ONE]), isinstance(Num.ONE, int), str(Num.ONE))
class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()
print(list(Auto), [a.value for a in Auto])
class S(StrEnum):
    X = auto()
    Y = 'why'
print(S.X, repr(S.X), S.Y.upper(), S.X == 'x', f"{S.Y}")
class Perm(Flag):
    R = 4
    W = 2
    X = 1
    RWX = 7
rw = Perm.R | Perm.W
print(repr(rw), str(rw), rw.value, Perm.R in rw, Perm.X in rw, bool(Perm.R & Perm.X), repr(Perm.R & Perm.X), list(Perm), repr(Perm.RWX), list(rw), len(rw))
print(repr(~Perm.R), Perm(3), repr(Perm(0)))
class P2(IntFlag):
    A = auto()
    B = auto()
    C = auto()
print(repr(P2.A | P2.C), P2.A | 2, repr(P2.B | 8), str(P2.A | P2.B), P2.C.value, int(P2.A | P2.B))
try:
    @unique
    class Shape(Enum):
        SQUARE = 2
        DIAMOND = 1
        CIRCLE = 3
        ALIAS_FOR_SQUARE = 2
except ValueError as e: print(e)
Animal = Enum('Animal', 'ANT BEE CAT')
print(list(Animal), Animal.BEE.value, repr(Animal.CAT))
Pets = Enum('Pets', [('DOG', 'd'), ('FISH', 'f')]); print(list(Pets), Pets('f'))
class Planet(Enum):
    MERCURY = (3.303e+23, 2.4397e6)
    EARTH = (5.976e+24, 6.37814e6)
    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius
    @property
    def surface_gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)
print(Planet.EARTH.value, Planet.EARTH.mass, round(Planet.EARTH.surface_gravity, 3))
class WithMethods(Enum):
    A = 1
    B = 2
    def describe(self): return f"{self.name}={self.value}"
    @classmethod
    def first(cls): return cls.A
print(WithMethods.B.describe(), WithMethods.first(), {WithMethods.A: 'a'}[WithMethods.A])
class Ord(Enum):
    _ignore_ = ['tmp']
    tmp = 5
    X = 1
print(list(Ord))
try: Color.RED in Color
except TypeError as e: print(e)
class M(Enum):
    @classmethod
    def _missing_(cls, value):
        return cls.LOW if value < 5 else None
    LOW = 1
    HIGH = 10
print(M(3), M(10))
try: M(50)
except ValueError as e: print(e)
