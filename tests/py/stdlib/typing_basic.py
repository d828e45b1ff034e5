from typing import *
import typing
T = TypeVar('T')
print(List, List[int], Dict[str, int], Optional[int], Union[int, str], Union[int, None, str], Union[int], Tuple[int, ...], Tuple[()], Callable[[int, str], bool], Callable[..., int], Any, T, Set[T], Literal['a', 1], Type[int], Annotated[int, 'meta'], ClassVar[int], Final[str], Iterable[int], Sequence[str], Mapping[str, Any])
print(Optional[List[int]], Union[List[int], Dict[str, T]], FrozenSet[int], DefaultDict[str, list])
class Stack(Generic[T]):
    def __init__(self): self.items: List[T] = []
    def push(self, x: T) -> None: self.items.append(x)
s = Stack[int](); s.push(1); print(s.items, Stack.__parameters__, isinstance(s, Stack))
class P(NamedTuple):
    x: int
    y: int = 0
    def norm(self): return abs(self.x) + abs(self.y)
p = P(3); print(p, p.norm(), P._fields, P.__annotations__, isinstance(p, tuple), P(1, 2) == (1, 2))
Q = NamedTuple('Q', [('a', int), ('b', str)]); print(Q(1, 'x'))
class Movie(TypedDict):
    name: str
    year: int
m = Movie(name='x', year=1); print(m, type(m) is dict, Movie.__required_keys__ == {'name', 'year'}, Movie.__total__)
def f(a: int, b: 'str' = 'x') -> Optional[int]: return a
print(get_type_hints(f), get_origin(List[int]), get_args(Dict[str, int]), get_origin(Union[int, str]) is Union, get_args(Optional[int]), get_args(Callable[[int], str]))
print(cast(int, 'x'), isinstance([], List), issubclass(list, Sequence), isinstance({}, Mapping), TYPE_CHECKING)
UserId = NewType('UserId', int); print(UserId(5), UserId)
@runtime_checkable
class Closer(Protocol):
    def close(self) -> None: ...
class F:
    def close(self): pass
print(isinstance(F(), Closer), isinstance(1, Closer), isinstance(1, SupportsInt))
try: Any()
except TypeError as e: print(e)
try: Union[()]
except TypeError as e: print(e)
@overload
def g(x: int) -> int: ...
def g(x): return x
print(g(3), List[int]([1, 2]) if False else '', Text, AnyStr)
class Node(Generic[T]):
    pass
class IntNode(Node[int]): pass
print(IntNode.__mro__[1].__name__, List[int] == List[int], hash(List[int]) == hash(List[int]))
@final
class Fin: pass
print(Fin.__final__)
