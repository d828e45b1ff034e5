# Closures, cells, nonlocal and global.

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc
c = counter()
print(c(), c(), c())
print(c.__closure__[0].cell_contents)

def make_adders():
    return [lambda x, i=i: x + i for i in range(3)]
print([f(10) for f in make_adders()])

def late_binding():
    return [lambda x: x + i for i in range(3)]
print([f(10) for f in late_binding()])

def arg_captured(a, b):
    def get():
        return a, b
    a = a * 2
    return get
print(arg_captured(1, 2)())

def deep():
    x = 'x'
    def l1():
        y = 'y'
        def l2():
            def l3():
                return x + y
            return l3
        return l2
    return l1
print(deep()()()())

g = 'global'
def read_global():
    return g
def write_global():
    global g
    g = 'changed'
print(read_global())
write_global()
print(read_global())

def shadow():
    g = 'local'
    return g
print(shadow(), g)

class C:
    attr = 'class attr'
    def method(self):
        return attr_fallback()
def attr_fallback():
    return 'module function'
print(C().method())

def class_in_function():
    value = 'enclosed'
    class Inner:
        v = value
        def get(self):
            return value
    return Inner
I = class_in_function()
print(I.v, I().get())

def class_body_scope():
    x = 'function x'
    class D:
        x = 'class x'
        y = x
        def m(self):
            return x
    return D
D = class_body_scope()
print(D.y, D().m())

def cell_repr():
    v = 1
    def f():
        return v
    return f.__closure__[0]
cell = cell_repr()
print(type(cell).__name__, cell.cell_contents)

def empty_cell():
    def f():
        return w
    try:
        f.__closure__[0].cell_contents
    except ValueError as e:
        print(e)
    w = 1
empty_cell()

def counter_pair():
    count = 0
    def inc():
        nonlocal count
        count += 1
    def get():
        return count
    return inc, get
inc, get = counter_pair()
inc(); inc()
print(get())

def deleted_free():
    v = 1
    def f():
        return v
    del v
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
deleted_free()

# super() with and without arguments, the __class__ cell
class Base:
    def who(self):
        return 'Base'
class Derived(Base):
    def who(self):
        return 'Derived>' + super().who()
    def explicit(self):
        return super(Derived, self).who()
    def get_class(self):
        return __class__
print(Derived().who(), Derived().explicit(), Derived().get_class().__name__)

class Cellarg(Base):
    def who(self):
        f = lambda: self
        return super().who() + repr(type(f()).__name__)
print(Cellarg().who())
