# recursion limit
import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(200)
print(sys.getrecursionlimit())
def down(n):
    return down(n + 1)
try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)
def depth(n=1):
    try:
        return depth(n + 1)
    except RecursionError:
        return n
d = depth()
print(150 < d <= 200)
for bad in (0, -5):
    try:
        sys.setrecursionlimit(bad)
    except ValueError as e:
        print(type(e).__name__, e)
for bad in (1.5, "x"):
    try:
        sys.setrecursionlimit(bad)
    except TypeError as e:
        print(type(e).__name__, e)
def at_depth(n):
    if n == 0:
        try:
            sys.setrecursionlimit(10)
        except RecursionError as e:
            return type(e).__name__ + ": " + str(e).split(" at the")[0]
        return "no error"
    return at_depth(n - 1)
print(at_depth(50))
sys.setrecursionlimit(1000)
print(sys.getrecursionlimit())
