# Closures: cells, late binding, arguments captured, __class__ and super().
def make_adders():
    adders = []
    for i in range(3):
        adders.append(lambda x: x + i)
    return [f(10) for f in adders]
print(make_adders())

def make_adders_default():
    return [(lambda x, i=i: x + i)(10) for i in range(3)]
print(make_adders_default())

def captured_arg(a, b=2, *args, c, **kw):
    def get():
        return a, b, args, c, kw
    a = a * 10
    return get
print(captured_arg(1, c=3)())
print(captured_arg(1, 5, 6, 7, c=3, d=4)())

def cell_then_delete():
    x = 1
    def f():
        return x
    del x
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
cell_then_delete()

def free_var_unbound():
    def f():
        return later
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
    later = 1
free_var_unbound()

def deep():
    a = 1
    def l1():
        b = 2
        def l2():
            c = 3
            def l3():
                return a + b + c
            return l3
        return l2
    return l1()()()
print(deep())

print(deep.__code__.co_cellvars, deep.__code__.co_freevars)
def gen_closure():
    n = 5
    def g():
        for i in range(n):
            yield i * n
    return list(g())
print(gen_closure())

class Base:
    def hello(self):
        return "Base.hello"
    @classmethod
    def cm(cls):
        return "Base.cm " + cls.__name__

class Derived(Base):
    def hello(self):
        return "Derived+" + super().hello()
    @classmethod
    def cm(cls):
        return "Derived+" + super().cm()
    def cls(self):
        return __class__.__name__

print(Derived().hello(), Derived.cm(), Derived().cls())

class Sub(Derived):
    pass
print(Sub().hello(), Sub.cm(), Sub().cls())

def nested_super():
    class A:
        def f(self):
            return "A"
    class B(A):
        def f(self):
            return "B" + super().f()
    return B().f()
print(nested_super())

def closure_in_class_body():
    k = 3
    class Q:
        vals = [k * j for j in range(3)]
    return Q.vals
print(closure_in_class_body())

def closures_share_cell():
    v = 0
    def get():
        return v
    def put(n):
        nonlocal v
        v = n
    put(7)
    return get()
print(closures_share_cell())

f = lambda: (lambda: (lambda: 42)())()
print(f())
print(f.__code__.co_name, f.__qualname__)

def outer_q():
    def inner_q():
        pass
    class Cls:
        def m(self):
            def z():
                pass
            return z
    return inner_q, Cls, Cls().m()
for o in outer_q():
    print(o.__qualname__)
print((lambda: 0).__qualname__)
print([x for x in [lambda: 0]][0].__qualname__)
class Outer:
    class Inner:
        def m(self):
            return [lambda: 0 for _ in range(1)]
print(Outer.Inner.m.__qualname__, Outer.Inner().m()[0].__qualname__)
def glob_decl():
    global gfunc
    def gfunc():
        pass
glob_decl()
print(gfunc.__qualname__)
