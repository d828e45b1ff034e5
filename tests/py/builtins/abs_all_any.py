# abs, all, any
print(abs(-5), abs(5), abs(0), abs(-2.5), abs(True), abs(False))
print(abs(-2**100))
class A:
    def __abs__(self):
        return "abs called"
print(abs(A()))
try:
    abs("x")
except TypeError as e:
    print(type(e).__name__, e)

print(all([]), all([1, 2, 3]), all([1, 0, 3]), all("abc"), all([[]]))
print(any([]), any([0, 0, 1]), any([0, 0.0, "", None]), any(x > 2 for x in range(5)))

def gen(log):
    for i in range(10):
        log.append(i)
        yield i
log = []
print(all(x < 3 for x in gen(log)), log)
log = []
print(any(x == 2 for x in gen(log)), log)

class Bad:
    def __bool__(self):
        raise ValueError("no bool")
for f in (all, any):
    try:
        f([Bad()])
    except ValueError as e:
        print(f.__name__, type(e).__name__, e)
    try:
        f(5)
    except TypeError as e:
        print(f.__name__, type(e).__name__, e)
