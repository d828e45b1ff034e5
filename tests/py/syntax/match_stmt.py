# The match statement: literal, capture, wildcard, value, sequence, mapping, class, or and
# as patterns, guards; and `match` / `case` as ordinary names.
import math

class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y

def describe(v):
    match v:
        case 0 | 1:
            return "bit"
        case -1:
            return "minus one"
        case "hello":
            return "greeting"
        case None:
            return "none"
        case True:
            return "true"
        case math.pi:
            return "pi"
        case [x, y]:
            return f"pair {x} {y}"
        case [x, *rest] if len(rest) > 2:
            return f"long list from {x}"
        case (x, y, z):
            return f"triple {x}{y}{z}"
        case {"kind": "circle", "r": r}:
            return f"circle {r}"
        case {"kind": kind, **others}:
            return f"shape {kind} {sorted(others)}"
        case Point(x=0, y=0):
            return "origin"
        case Point(0, y):
            return f"on y axis at {y}"
        case Point(x, y) as pt if x == y:
            return f"diagonal {pt.x}"
        case str() as s:
            return f"string {s!r}"
        case int(n) | float(n):
            return f"number {n}"
        case _:
            return "other"

for v in [0, 1, -1, "hello", None, True, math.pi, [1, 2], [1, 2, 3, 4], (1, 2, 3),
          {"kind": "circle", "r": 2}, {"kind": "square", "side": 1, "color": "red"},
          Point(0, 0), Point(0, 5), Point(3, 3), Point(1, 2), "text", 42, 2.5, object]:
    print(describe(v) if v is not object else describe(v)[:5])

match = [1, 2]
case = 3
print(match, case)
match (case):
    case 3:
        print("matched case")
match match:
    case [_, second]:
        print("second", second)
