# sys.getrefcount follows CPython's counts for simple cases
import sys
print(sys.getrefcount([]))
x = []
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
l = [x, x, x]
print(sys.getrefcount(x))
l.clear()
print(sys.getrefcount(x))
d = {"a": x}
print(sys.getrefcount(x))
d.clear()
print(sys.getrefcount(x))
def f(arg):
    return sys.getrefcount(arg)
print(f(x))
class C:
    pass
c = C()
print(sys.getrefcount(c))
c.self_ref = c
print(sys.getrefcount(c))
print(sys.getrefcount(None) > 1000, sys.getrefcount(1) > 1000)
