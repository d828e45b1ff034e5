from dataclasses import dataclass, field, fields, asdict, astuple, replace, is_dataclass, FrozenInstanceError, InitVar, make_dataclass, KW_ONLY, MISSING
@dataclass
class Point:
    x: int
    y: int = 0
p = Point(1, 2); print(p, Point(3), p == Point(1, 2), p != Point(1, 3), Point.__init__.__qualname__)
print([f.name for f in fields(Point)], asdict(p), astuple(p), replace(p, y=9), is_dataclass(p), is_dataclass(Point), is_dataclass(1))
@dataclass(order=True, frozen=True)
class V:
    a: int
    b: str = 'z'
print(V(1) < V(2), V(1, 'a') < V(1, 'b'), sorted([V(3), V(1), V(2, 'a')]), hash(V(1)) == hash(V(1)), V(1) == V(1))
try: V(1).a = 3
except FrozenInstanceError as e: print(type(e).__name__, e)
try: del V(1).a
except FrozenInstanceError as e: print(e)
@dataclass
class Inv:
    name: str
    items: list = field(default_factory=list)
    count: int = field(default=0, repr=False, compare=False)
    tag: str = field(default='t', init=False)
i = Inv('a'); i.items.append(1); print(i, Inv('b').items, Inv('a', [1], 5) == Inv('a', [1], 7), i.tag)
try:
    @dataclass
    class Bad:
        x: list = []
except ValueError as e: print(e)
try:
    @dataclass
    class Bad2:
        x: int = 1
        y: int
except TypeError as e: print(e)
try: Point()
except TypeError as e: print(e)
@dataclass
class Post:
    a: int
    b: int = field(init=False)
    scale: InitVar[int] = 2
    def __post_init__(self, scale): self.b = self.a * scale
print(Post(3), Post(3, 5), [f.name for f in fields(Post)])
@dataclass
class Base:
    x: int = 1
@dataclass
class Derived(Base):
    y: int = 2
    x: int = 5
print(Derived(), Derived(7, 8), fields(Derived)[0].name)
@dataclass(eq=False)
class NoEq:
    a: int
print(NoEq(1) == NoEq(1), hash(NoEq(1)) is not None)
@dataclass
class Unh:
    a: int
print(Unh.__hash__)
@dataclass(unsafe_hash=True)
class H:
    a: int
print(hash(H(1)) == hash(H(1)), H(1) == H(1))
@dataclass
class K:
    a: int
    _: KW_ONLY
    b: int = 0
    c: int = 1
print(K(1, b=2), K(1, c=3))
try: K(1, 2)
except TypeError as e: print(e)
C = make_dataclass('C', [('x', int), ('y', int, field(default=5))], namespace={'double': lambda self: self.x * 2})
print(C(1), C(2).double(), C.__name__)
@dataclass
class Nested:
    p: Point
    ps: list
print(asdict(Nested(Point(1, 2), [Point(3, 4)])), astuple(Nested(Point(1, 2), [Point(3, 4)])))
@dataclass(slots=True)
class Sl:
    a: int
    b: int = 2
s = Sl(1); print(s, Sl.__slots__, hasattr(s, '__dict__'))
@dataclass
class R:
    child: object = None
r = R(); r.child = r; print(r)
print(Point.__match_args__, Point.__doc__)
from typing import ClassVar, List
@dataclass
class WithCV:
    count: ClassVar[int] = 0
    names: List[str] = field(default_factory=list)
    n: int = 1
print(WithCV(), [f.name for f in fields(WithCV)], WithCV.count)
