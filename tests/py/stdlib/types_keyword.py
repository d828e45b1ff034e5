import types, keyword
print(keyword.iskeyword('if'), keyword.iskeyword('x'), keyword.softkwlist)
for n in ['FunctionType','LambdaType','MethodType','BuiltinFunctionType','ModuleType','GeneratorType','CodeType','FrameType','TracebackType','MappingProxyType','NoneType','NotImplementedType','EllipsisType','SimpleNamespace']:
    print(n, getattr(types, n))
ns = types.SimpleNamespace(a=1, b='x')
print(ns, ns.a, ns == types.SimpleNamespace(a=1, b='x'))
C = types.new_class('C', (object,), None, lambda ns: ns.update(x=5))
print(C, C.x)
print(types.GenericAlias, types.UnionType)
