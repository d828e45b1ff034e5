# sys.getrefcount and small-int identity, as CPython prints them.
import sys
x = [1, 2, 3]
print(sys.getrefcount(x))
y = x
print(sys.getrefcount(x))
del y
print(sys.getrefcount(x))
a = 256; b = 256
print(a is b)
a = 5; b = 2 + 3
print(a is b)
c = int('256'); d = int('256')
print(c is d)
e = int('257'); f = int('257')
print(e is f)
print(sys.getrefcount(object()))
