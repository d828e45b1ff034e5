import sys

def down(n):
    return down(n + 1)

try:
    down(0)
except RecursionError as e:
    print(type(e).__name__, e)

# the interpreter keeps working afterwards
def depth(n):
    if n == 0:
        return 0
    return 1 + depth(n - 1)

print(depth(500))
print(sys.getrecursionlimit())
sys.setrecursionlimit(3000)
print(depth(2500))
sys.setrecursionlimit(1000)

# recursion through a C function calling back into Python
class R:
    def __repr__(self):
        return repr(self)
try:
    repr(R())
except RecursionError as e:
    print(type(e).__name__)

def via_sorted(n):
    return sorted([n], key=via_sorted)
try:
    via_sorted(1)
except RecursionError as e:
    print(type(e).__name__)

# mutual recursion
def even(n):
    return True if n == 0 else odd(n - 1)
def odd(n):
    return False if n == 0 else even(n - 1)
print(even(100), odd(7))

# a recursion error can be caught and the stack unwinds cleanly many times
count = 0
for i in range(5):
    try:
        down(0)
    except RecursionError:
        count += 1
print(count)
