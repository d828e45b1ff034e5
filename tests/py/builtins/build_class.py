# __build_class__: metaclasses, __prepare__, __mro_entries__, __class__ cell, keywords
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("prepare", mcls.__name__, name, [b.__name__ for b in bases], sorted(kw))
        return {"injected": 1}
    def __new__(mcls, name, bases, ns, **kw):
        print("new", name, sorted(k for k in ns if not k.startswith("__")), sorted(kw))
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("init", name)
        super().__init__(name, bases, ns)
class A(metaclass=Meta, flag=True):
    x = 1
    def m(self):
        return __class__
print(type(A).__name__, A.injected, A.x, A().m() is A)
class B(A):
    y = 2
print(type(B).__name__, B.injected)

class Base:
    def __init_subclass__(cls, **kw):
        print("init_subclass", cls.__name__, kw)
        super().__init_subclass__()
class D(Base, tag="t"):
    pass

class Sup:
    def hello(self):
        return "Sup.hello"
class Sub(Sup):
    def hello(self):
        return "Sub+" + super().hello()
print(Sub().hello())

class Entries:
    def __mro_entries__(self, bases):
        return (Sup,)
class FromEntries(Entries()):
    pass
print(FromEntries.__mro__[1].__name__, FromEntries.__orig_bases__[0].__class__.__name__)

class M1(type): pass
class M2(type): pass
class X1(metaclass=M1): pass
class X2(metaclass=M2): pass
try:
    class Bad(X1, X2): pass
except TypeError as e:
    print(type(e).__name__, e)

def func_meta(name, bases, ns, **kw):
    print("func_meta", name, bases, sorted(k for k in ns if not k.startswith("__")), kw)
    return 42
class NotAClass(metaclass=func_meta, k=1):
    a = 1
print(NotAClass)

class BadPrepare(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return 5
try:
    class Z(metaclass=BadPrepare): pass
except TypeError as e:
    print(type(e).__name__, e)
class Nested:
    class Inner:
        pass
print(Nested.Inner.__qualname__, Nested.__name__, Nested.__module__)
class Doc:
    "docstring here"
print(Doc.__doc__)
try:
    __build_class__()
except TypeError as e:
    print(type(e).__name__, e)
try:
    __build_class__(1, "x")
except TypeError as e:
    print(type(e).__name__, e)
try:
    __build_class__(lambda: None, 1)
except TypeError as e:
    print(type(e).__name__, e)
