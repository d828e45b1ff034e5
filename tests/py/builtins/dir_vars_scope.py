# dir, vars, globals, locals
def f(a, b=2):
    c = a + b
    return dir(), sorted(locals().items())
print(f(1))

class K:
    cls_attr = 1
    def method(self):
        pass
k = K()
k.inst = 5
print([n for n in dir(k) if not n.startswith("__")])
print([n for n in dir(K) if not n.startswith("__")])
print(vars(k))
print(sorted(k for k in vars(K) if not k.startswith("__")))
print("f" in globals(), globals()["__name__"], "K" in dir())
try:
    vars(1)
except TypeError as e:
    print(type(e).__name__, e)
try:
    dir(1, 2)
except TypeError as e:
    print(type(e).__name__, e)

class WithDir:
    def __dir__(self):
        return ["zeta", "alpha", "mid"]
print(dir(WithDir()))
import sys
print("exit" in dir(sys), "path" in dir(sys))

def g():
    x = 1
    def h():
        return x
    return sorted(locals())
print(g())
x = 10
print(vars()["x"], locals()["x"], globals() is vars())
