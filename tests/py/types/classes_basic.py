# Classes: attributes, methods, instance dicts, class vs instance attributes, reprs.
class Point:
    """A point."""
    dims = 2

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y

    def move(self, dx, dy=0):
        self.x += dx
        self.y += dy
        return self


p = Point(3, 4)
print(p.x, p.y, p.norm2(), p.dims, Point.dims)
print(p.move(1).x, p.move(1, 2).y)
print(type(p).__name__, type(p).__qualname__, type(p).__module__)
print(Point.__doc__)
print(sorted(p.__dict__.items()))
p.dims = 3
print(p.dims, Point.dims)
del p.dims
print(p.dims)
print(repr(Point))
print(str(Point) == repr(Point))
print(repr(p).startswith("<__main__.Point object at 0x"))
print(Point.__name__, Point.__bases__, Point.__base__)
print(Point.__mro__)
print(Point.mro())
print(isinstance(p, Point), isinstance(p, object), isinstance(Point, type))
print(type(Point), type(type), type(object))

class Empty:
    pass

print(Empty.__doc__, Empty.__dict__['__doc__'])
e = Empty()
e.a = 1
e.b = [1, 2]
print(e.__dict__)
e.__dict__['c'] = 3
print(e.c)
e.__dict__ = {'z': 9}
print(e.z, hasattr(e, 'a'))
try:
    e.__dict__ = 5
except TypeError as ex:
    print(type(ex).__name__, ex)

# methods are functions in the class dict, bound on access
f = Point.__dict__['norm2']
print(type(f).__name__, f(p) == p.norm2())
m = p.norm2
print(type(m).__name__, m.__self__ is p, m.__func__ is f)
print(Point.norm2 is f)

# class attribute mutation is visible to instances
Point.dims = 10
print(Point(0, 0).dims)
Point.extra = lambda self: "extra!"
print(p.extra())

# nested classes and qualnames
class Outer:
    class Inner:
        def meth(self):
            pass
print(Outer.Inner.__qualname__, Outer.Inner.__name__, Outer.Inner.meth.__qualname__)
print(repr(Outer.Inner))

# class body scope
class Counter:
    count = 0
    names = [n for n in ("a", "b")]
    total = count + 1
print(Counter.total, Counter.names)

def make():
    class Local:
        pass
    return Local
print(make().__qualname__)
print(make() is make())

# instance attribute errors
try:
    p.nope
except AttributeError as ex:
    print(type(ex).__name__, ex)
try:
    Point.nope
except AttributeError as ex:
    print(type(ex).__name__, ex)
try:
    del p.nope
except AttributeError as ex:
    print(type(ex).__name__, ex)
try:
    Point()
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    Empty(1)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    Empty(a=1)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    object(1)
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    object().x = 1
except AttributeError as ex:
    print(type(ex).__name__, ex)
try:
    (1).x = 1
except AttributeError as ex:
    print(type(ex).__name__, ex)
try:
    "abc".upper = 1
except AttributeError as ex:
    print(type(ex).__name__, ex)
try:
    int.x = 1
except TypeError as ex:
    print(type(ex).__name__, ex)
try:
    del Point.nope
except AttributeError as ex:
    print(type(ex).__name__, ex)
print(getattr(p, "nope", "default"), hasattr(p, "x"), hasattr(p, "nope"))
setattr(p, "w", 5)
print(p.w)
delattr(p, "w")
print(hasattr(p, "w"))
