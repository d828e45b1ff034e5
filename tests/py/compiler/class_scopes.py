# Class bodies: the __class__ cell, class-level loops and lambdas, __init_subclass__ keywords.
class A:
    def f(self):
        def g():
            return __class__
        return g()
    h = lambda self: __class__
    def sup(self):
        return super().__repr__ is not None
    def sup_in_comprehension(self):
        return [super().__repr__ is not None for _ in range(1)]
print(A().f().__name__, A().h().__name__, A().sup())
try:
    A().sup_in_comprehension()
except TypeError as e:
    print(e)
try:
    class B:
        x = __class__
except NameError as e:
    print(e)
class C:
    def m(self):
        __class__ = "shadow"
        return __class__
print(C().m())
class D:
    def __init_subclass__(cls, **kw):
        cls.tag = kw
class E(D, tag=1):
    pass
print(E.tag)
def make():
    class Local:
        y = 5
        def get(self):
            return self.y, __class__.__qualname__
    return Local
print(make()().get())
class F:
    a = 1
    b = [a for _ in range(1)] if False else None
    c = (lambda a=a: a)()
print(F.c)
class G:
    items = []
    for i in range(3):
        items.append(i)
    del i
print(G.items, hasattr(G, "i"))
class H:
    def __eq__(self, o): return True
    __hash__ = None
print(H.__hash__)
