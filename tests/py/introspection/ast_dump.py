# ast.dump of many sources: plain, indent=2, annotate_fields=False with attributes.
import ast
srcs = ["x = 1 + y\nf(a, *b, k=2, **kw)", "def f(a, /, b=1, *c, d, e=2, **g) -> int:\n    '''doc'''\n    return a if b else c",
 "class C(B, metaclass=M):\n    x: int = 3\n    def m(self): pass", "from ..a.b import c as d, e\nimport os.path as p",
 "for i in range(3):\n    continue\nelse:\n    break", "try:\n    pass\nexcept (A, B) as e:\n    raise X from e\nfinally:\n    del a[1:2, ::3]",
 "with a as b, c: yield", "lambda x, *y: [i for i in x if i async for j in y]", "f'{x!r:>{w}} and {y}'", "match p:\n case [1, *r] | {'k': v, **kw}: pass\n case C(1, a=b) if b: pass\n case None: pass",
 "a < b <= c is not d not in e", "{**a, 'b': 1}", "x = yield from g", "global a, b", "x @= -~+y ** 2 // 3", "print(..., b'xy', 1.5, 2j, True)",
 "async def g():\n    async with a as b:\n        await c\n    async for x in y: pass",
 "try:\n    pass\nexcept* ValueError:\n    pass",
 "x: 'List[int]'\n(y): int = 1\na.b: c",
 "@dec\n@dec2(1)\ndef f(): ...", "assert x, 'msg'\nnonlocal q" if False else "assert x, 'msg'",
 "del a, b[0], c.d", "while x:\n    x -= 1\nelse:\n    pass",
 "if a:\n    pass\nelif b:\n    pass\nelse:\n    pass",
 "{k: v for k, v in d.items()}\n{s for s in t}\n(g for g in h)",
 "a[1:2], a[::], a[x, y:z]", "not a or b and c", "u'unicode' 'concat' r'raw'",
 "(x := 10)", "raise", "return" if False else "def f():\n    return\n    yield",
 "import a.b.c\nfrom . import (x,\n y)", "f(*args, **kwargs)(1)[2].attr",
 "x = 'é' + \"ü\"  # comment\ny = 1"]
for s in srcs:
    t = ast.parse(s)
    print(ast.dump(t))
    print(ast.dump(t, indent=2))
    print(ast.dump(t, include_attributes=True, annotate_fields=False))
for s in ["1 + 2*x", "[a, *b]", "lambda: 0"]:
    t = ast.parse(s, mode='eval')
    print(ast.dump(t, indent='--'))
t = ast.parse("x = 1", mode='single')
print(ast.dump(t))
for bad in ["x = (", "def f(:", "1 +* 2"]:
    try:
        ast.parse(bad)
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.lineno, e.offset)
print(ast.dump(ast.Name(id='made', ctx=ast.Load())))
print(ast.dump(ast.Constant(5)), ast.dump(ast.BinOp(ast.Constant(1), ast.Add(), ast.Constant(2))))
try:
    ast.dump(5)
except TypeError as e:
    print(e)
try:
    ast.Name('a', ast.Load(), 'extra')
except TypeError as e:
    print(e)
print(ast.Name._fields, ast.Name._attributes, ast.arguments._fields, ast.Load._fields)
print(isinstance(ast.parse('x').body[0], ast.stmt), isinstance(ast.parse('x').body[0].value, ast.expr))
print(issubclass(ast.Add, ast.operator), ast.Module.__mro__[1].__name__)
