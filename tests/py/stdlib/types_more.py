import builtins, types, sys
print(builtins.len([1]), builtins.__name__, hasattr(builtins, 'print'), builtins.True_ if hasattr(builtins, 'True_') else 'ok')
ns = types.SimpleNamespace(); ns.x = [1, 2]; ns.y = types.SimpleNamespace(z=1); print(ns, repr(types.SimpleNamespace()))
try: types.SimpleNamespace({'a': 1})
except TypeError as e: print(e)
ns2 = types.SimpleNamespace(a=1, b=2); print(ns2, ns2.a, vars(ns2), ns2 == types.SimpleNamespace(a=1, b=2), ns2 != ns)
del ns2.a; print(ns2)
r = types.SimpleNamespace(); r.me = r; print(r)
class MySNS(types.SimpleNamespace): pass
print(MySNS(q=1))
def f(): pass
print(isinstance(f, types.FunctionType), isinstance(len, types.BuiltinFunctionType), isinstance(sys, types.ModuleType), isinstance(lambda: 0, types.LambdaType))
class C:
    def m(self): pass
print(isinstance(C().m, types.MethodType), isinstance(f.__code__, types.CodeType), isinstance(None, types.NoneType), isinstance(..., types.EllipsisType), isinstance(NotImplemented, types.NotImplementedType))
g = (x for x in []); print(isinstance(g, types.GeneratorType))
m = types.ModuleType('mymod', 'doc'); m.x = 1; print(m.__name__, m.__doc__, m.x)
mp = types.MappingProxyType({'k': 'v'}); print(mp['k'], len(mp), list(mp), 'k' in mp)
try: mp['k'] = 1
except TypeError as e: print(e)
def body(ns): ns['hello'] = lambda self: 'hi'
K = types.new_class('K', (C,), {}, body); print(K().hello(), K.__mro__[1] is C, types.prepare_class('X')[0] is type)
class Meta(type): pass
M = types.new_class('M', (), {'metaclass': Meta}); print(type(M) is Meta)
print(types.resolve_bases((int, str)) == (int, str))
import keyword
print(len(keyword.kwlist), keyword.kwlist[:5], keyword.iskeyword('match'), keyword.issoftkeyword('match'), keyword.issoftkeyword('if'), keyword.iskeyword('None'))
