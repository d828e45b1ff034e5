# Class creation details: __qualname__, __module__, __classcell__, __class__ in methods,
# name mangling, decorators, class body execution order.
order = []
class Body:
    order.append("start")
    x = 1
    def method(self):
        return __class__
    order.append("end")
    y = x + 1
print(order, Body.y, Body().method() is Body)

class Mangle:
    __private = "p"
    def get(self):
        return self.__private
    def __dunder__(self):
        return "dunder kept"
print(Mangle().get(), Mangle._Mangle__private, hasattr(Mangle, "__private"), Mangle().__dunder__())

class Custom:
    __qualname__ = "Something.Else"
    __module__ = "custom_mod"
print(Custom.__qualname__, Custom.__module__, repr(Custom))

def deco(cls):
    cls.decorated = True
    return cls
@deco
class Decorated:
    pass
print(Decorated.decorated)

def outer():
    class Inner:
        def f(self):
            return __class__.__name__
        def g(self):
            return super().__repr__()[:8]
    return Inner
I = outer()
print(I.__qualname__, I().f(), I().g())

class WithDoc:
    "The doc."
    pass
print(WithDoc.__doc__, WithDoc().__doc__)

# class body sees enclosing function locals, not class attributes in nested functions
def make(v):
    class K:
        val = v
        def get(self):
            return val if False else self.val
    return K
print(make(3)().get())

# annotations
class Ann:
    a: int = 1
    b: str
print(Ann.__annotations__, Ann.a, hasattr(Ann, "b"))

# __init_subclass__ and __set_name__ see the finished class
class Seen:
    def __set_name__(self, owner, name):
        self.info = (owner.__name__, name, owner.__qualname__)
class Host:
    s = Seen()
print(Host.s.info)

# class statement with explicit bases expression and keyword unpacking
bases = (Body,)
class FromTuple(*bases):
    pass
print(FromTuple.__bases__, FromTuple().method() is Body)
