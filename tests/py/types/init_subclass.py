# __init_subclass__, __set_name__, __class_getitem__, class keyword arguments
class Registry:
    members = []
    def __init_subclass__(cls, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        Registry.members.append(cls.__name__)

class A(Registry, tag="a"):
    pass
class B(A):
    pass
class C(Registry):
    pass
print(Registry.members, A.tag, B.tag, C.tag)
print(type(Registry.__dict__["__init_subclass__"]).__name__)

try:
    class D(Registry, tag="d", bogus=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)
try:
    class E(bogus=1):
        pass
except TypeError as e:
    print(type(e).__name__, e)

class Plugin:
    plugins = {}
    @classmethod
    def __init_subclass__(cls, /, name, **kwargs):
        super().__init_subclass__(**kwargs)
        Plugin.plugins[name] = cls
class P1(Plugin, name="one"):
    pass
print(sorted(Plugin.plugins), Plugin.plugins["one"] is P1)

class Field:
    def __set_name__(self, owner, name):
        print("set_name", owner.__name__, name)
        self.name = name
class Model:
    x = Field()
    y = Field()
print(Model.x.name, Model.y.name)

class Generic:
    def __class_getitem__(cls, params):
        return f"{cls.__name__}[{params!r}]"
print(Generic[int], Generic["a", 1])
class Sub(Generic):
    pass
print(Sub[str])
print(type(Generic.__dict__["__class_getitem__"]).__name__)

# order: __set_name__ before __init_subclass__
class Parent:
    def __init_subclass__(cls):
        print("init_subclass", cls.__name__, cls.f.name)
class Child(Parent):
    f = Field()

# implicit staticmethod for __new__
class WithNew:
    def __new__(cls):
        return object.__new__(cls)
print(type(WithNew.__dict__["__new__"]).__name__, type(WithNew()).__name__)
