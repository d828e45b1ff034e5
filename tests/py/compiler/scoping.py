# Name resolution: locals, globals, builtins, global/nonlocal, class scopes, mangling.
x = "global x"

def read_global():
    return x

def shadow():
    x = "local x"
    return x

def use_global_stmt():
    global x
    x = "changed by global"
    return x

print(read_global(), shadow(), sep=" | ")
print(use_global_stmt(), x, sep=" | ")
x = "global x"

def unbound():
    try:
        print(y)
    except NameError as e:
        print(type(e).__name__, e)
    try:
        z
        z = 1
    except UnboundLocalError as e:
        print(type(e).__name__, e)

unbound()

def counter():
    n = 0
    def inc():
        nonlocal n
        n += 1
        return n
    return inc

c = counter()
print(c(), c(), c())

def outer():
    a = 1
    def middle():
        def inner():
            return a + 1
        return inner()
    return middle()

print(outer())

def nonlocal_chain():
    v = "outer"
    def m():
        def i():
            nonlocal v
            v = "set by inner"
        i()
    m()
    return v

print(nonlocal_chain())

# class scopes are skipped by nested functions
v = "module v"
class C:
    v = "class v"
    w = v + "!"
    def meth(self):
        return v
    lst = [v for _ in range(2)]   # comprehension does not see class v
print(C.w, C().meth(), C.lst, sep=" | ")

def func_with_class():
    v = "function v"
    class D:
        v = "class v"
        def get(self):
            return v
        seen = v
    return D().get(), D.seen

print(func_with_class())

def class_reads_free():
    y = 10
    class E:
        z = y + 1       # LOAD_CLASSDEREF
        y2 = y
    return E.z, E.y2
print(class_reads_free())

def class_free_and_local():
    y = "enclosing"
    class F:
        y = "class-local"
        print(y)
        def m(self):
            return y
    return F().m()
print(class_free_and_local())

# name mangling
class Mangle:
    __private = 1
    __dunder__ = 2
    def get(self):
        return self.__private
    def set(self, v):
        self.__attr = v
        return self.__attr
    @staticmethod
    def names():
        __local = 5
        return [n for n in dir(Mangle) if 'private' in n or 'dunder' in n]

m = Mangle()
print(m.get(), m.set(3), sorted(vars(m)), Mangle.names())
print(hasattr(m, "_Mangle__private"), hasattr(m, "__private"))

class _Under:
    __x = 1
print([n for n in vars(_Under) if "x" in n])

class ___:
    __y = 2
print([n for n in vars(___) if "y" in n])

def mangled_global():
    class K:
        def f(self):
            return __name__
    return K().f()
print(mangled_global())

# builtins can be shadowed per scope
def shadow_len():
    len = lambda s: 42
    return len("abc")
print(shadow_len(), len("abc"))

# del of locals and globals
def delete():
    a = 1
    del a
    try:
        a
    except UnboundLocalError as e:
        print(e)
delete()
g_del = 1
del g_del
try:
    g_del
except NameError as e:
    print(e)

# locals in exec'd module-level code are dict lookups
for i in range(3):
    pass
print(i)

# global declared in nested function only
def declares():
    def inner():
        global created_later
        created_later = "made"
    inner()
declares()
print(created_later)
