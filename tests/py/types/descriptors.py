# User-defined descriptors: data vs non-data, __set_name__, precedence with the instance dict.
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.owner = owner.__name__
        self.name = name
        self.slot = "_" + name
    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.slot)
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}")
        setattr(obj, self.slot, value)
    def __delete__(self, obj):
        print("delete", self.name)
        delattr(obj, self.slot)

class Person:
    name = Typed(str)
    age = Typed(int)
    def __init__(self, name, age):
        self.name = name
        self.age = age

p = Person("ann", 30)
print(p.name, p.age, Person.name.owner, Person.name.name, Person.age.slot)
try:
    p.age = "old"
except TypeError as e:
    print(type(e).__name__, e)
p.__dict__["age"] = "shadow"
print(p.age)
del p.age
print(hasattr(p, "_age"))
print(isinstance(Person.name, Typed))

class NonData:
    def __get__(self, obj, objtype=None):
        return ("nondata", obj is None, objtype.__name__)
class Holder:
    nd = NonData()
h = Holder()
print(h.nd, Holder.nd)
h.nd = "instance wins"
print(h.nd)

# descriptor with only __set__ is a data descriptor
class SetOnly:
    def __set__(self, obj, value):
        obj.__dict__["seen"] = value
class HS:
    x = SetOnly()
hs = HS()
hs.x = 5
print(hs.seen, type(HS.x).__name__)
hs.__dict__["x"] = "dict"
print(hs.x)

# functions are non-data descriptors
def f(self, y):
    return ("f", y)
class FD:
    pass
FD.m = f
print(FD().m(1), f.__get__(FD())(2), f.__get__(None, FD) is f)
bm = FD().m
print(type(bm).__name__, bm.__func__ is f)

# __get__ on the class with owner
class Cls:
    def __get__(self, obj, owner):
        return (obj, owner.__name__)
class UsesCls:
    c = Cls()
print(UsesCls.c, UsesCls().c[1])

# __set_name__ on late assignment is not called
class Late:
    pass
t = Typed(int)
Late.t = t
print(hasattr(t, "name"))
# __set_name__ errors propagate
class BadSetName:
    def __set_name__(self, owner, name):
        raise ValueError("nope " + name)
try:
    class X:
        attr = BadSetName()
except Exception as e:
    print(type(e).__name__, e)

# descriptors from built-ins
print(type(int.__dict__["real"]).__name__, int.__dict__["real"].__get__(5))
print(type(str.__dict__["upper"]).__name__, str.__dict__["upper"].__get__("ab")())
print(type(object.__dict__["__init__"]).__name__)
print(type(type.__dict__["__dict__"]).__name__)
try:
    str.__dict__["upper"].__get__(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    int.__dict__["real"].__set__(1, 2)
except AttributeError as e:
    print(type(e).__name__, e)

# classmethod chaining through a descriptor
class Meta(type):
    pass
print(type(Meta.__dict__.get("mro", type.__dict__["mro"])).__name__)
