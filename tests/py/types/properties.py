# property: getter/setter/deleter, decorators, docs, errors.
class Temp:
    def __init__(self):
        self._c = 0

    @property
    def celsius(self):
        "temperature in C"
        return self._c

    @celsius.setter
    def celsius(self, v):
        if v < -273:
            raise ValueError("too cold")
        self._c = v

    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    def _get_k(self):
        return self._c + 273
    kelvin = property(_get_k, doc="in K")


t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, t.kelvin)
try:
    t.celsius = -300
except ValueError as e:
    print(type(e).__name__, e)
del t.celsius
print(t.celsius)
print(Temp.celsius.__doc__, Temp.kelvin.__doc__)
print(type(Temp.celsius).__name__, Temp.celsius.fget.__name__, Temp.celsius.fset.__name__)
print(Temp.fahrenheit.fset, Temp.fahrenheit.fdel)
for stmt in ("t.fahrenheit = 1", "del t.fahrenheit", "t.kelvin = 3", "del t.kelvin"):
    try:
        exec(stmt)
    except AttributeError as e:
        print(type(e).__name__, e)

class NoGet:
    x = property(None, lambda self, v: print("set", v))
ng = NoGet()
ng.x = 5
try:
    ng.x
except AttributeError as e:
    print(type(e).__name__, e)

# a property without a name (not assigned in a class body)
p = property(lambda self: 42)
class Late:
    pass
Late.y = p
print(Late().y)
try:
    Late().y = 1
except AttributeError as e:
    print(type(e).__name__, e)

# property on the class returns the property itself
print(Temp.celsius is Temp.__dict__["celsius"])
print(Temp.celsius.__get__(t), Temp.celsius.__get__(None, Temp) is Temp.celsius)

# properties are data descriptors: they win over the instance dict
t.celsius = 10
t.__dict__["fahrenheit"] = "shadow?"
print(t.fahrenheit)

# subclass overriding a property
class Sub(Temp):
    @property
    def celsius(self):
        return "sub"
print(Sub().celsius)

class Sub2(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return ("sub2", self._c)
s2 = Sub2()
s2.celsius = 5
print(s2.celsius)

# property subclass
class cached(property):
    pass
class UsesCached:
    @cached
    def v(self):
        return 7
print(UsesCached().v, type(UsesCached.v).__name__)

try:
    property(1, 2, 3, 4, 5)
except TypeError as e:
    print(type(e).__name__, e)
print(property().fget, property(doc="d").__doc__)
