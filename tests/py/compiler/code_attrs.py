# Attributes of code objects that do not depend on the instruction set.
def f(a, b, /, c, *args, d, e=1, **kw):
    x = 1
    def g():
        return a + x
    return g

co = f.__code__
print(co.co_name, co.co_qualname, co.co_filename.endswith("code_attrs.py"))
print(co.co_argcount, co.co_posonlyargcount, co.co_kwonlyargcount, co.co_nlocals)
print(co.co_varnames, co.co_cellvars, co.co_freevars)
print(co.co_flags, co.co_firstlineno)
g = f(1, 2, 3, d=4)
gc = g.__code__
print(gc.co_name, gc.co_qualname, gc.co_freevars, gc.co_varnames, gc.co_flags)
print(type(co).__name__, type(co.co_code).__name__, type(co.co_consts).__name__)
print(repr(co).startswith("<code object f at 0x"), repr(co).endswith('code_attrs.py", line 2>'))
print(f.__doc__, co.co_consts[0])

def gen():
    yield
print(gen.__code__.co_flags, (lambda: 0).__code__.co_flags, (x for x in ()).gi_code.co_flags)
print((lambda *a, **k: 0).__code__.co_flags)
print([x for x in [1]].__class__.__name__)

class K:
    def m(self):
        return __class__
    def n(self):
        return super()
print(K.m.__code__.co_freevars, K.n.__code__.co_freevars)

def comp_code():
    return [lambda: i for i in range(2)]
print(comp_code()[0].__code__.co_freevars, comp_code()[0].__qualname__)

def positions():
    return 1 + 2
ps = list(positions.__code__.co_positions())
print(all(len(p) == 4 for p in ps), len(ps) > 0)

c2 = compile("a = 1\nb = a + 1\n", "<s>", "exec")
print(c2.co_name, c2.co_filename, c2.co_flags, c2.co_varnames, sorted(c2.co_names))
ns = {}
exec(c2, ns)
print(ns["b"])
e = compile("1 + 2 * 3", "<e>", "eval")
print(eval(e))
print(eval("(lambda x: x * 2)(21)"))
print(eval("[i for i in range(3)]"))
def local_ns():
    y = 10
    return eval("y + 1"), eval("[z for z in range(y)]")
print(local_ns())
