# ast.literal_eval, walk, iter_fields, iter_child_nodes, NodeVisitor, NodeTransformer,
# get_docstring, fix_missing_locations, copy_location, increment_lineno.
import ast

for s in ["1", "-2.5", "'abc'", "b'x'", "(1, 2, [3, {4: 5}])", "{1, 2}", "set()", "None",
          "True", "1+2j", "-1-2j", "  {'a': (1, -2)}", "[...]" if False else "[1, [2, [3]]]",
          "x", "1 + 1", "f()", "{**a}", "--1", "'a' + 'b'", "[1,"]:
    try:
        print(repr(s), '->', repr(ast.literal_eval(s)))
    except (ValueError, TypeError, SyntaxError) as e:
        print(repr(s), '->', type(e).__name__)
print(ast.literal_eval(ast.parse('(1, 2)', mode='eval')))
print(ast.literal_eval(ast.Constant(7)))

src = '''
"""Module doc."""
import os
def outer(a, b=1):
    """  Outer doc.

        indented line
    """
    def inner():
        return a + b
    return inner
class K:
    "K doc"
    x = outer(1)(2) if True else None
'''
tree = ast.parse(src)
print(ast.get_docstring(tree))
print(repr(ast.get_docstring(tree.body[2])))
print(repr(ast.get_docstring(tree.body[2], clean=False)))
print(ast.get_docstring(tree.body[3]))
print(ast.get_docstring(tree.body[2].body[1]))
try:
    ast.get_docstring(tree.body[1])
except TypeError as e:
    print(e)

print([type(n).__name__ for n in ast.walk(tree)])
print([(name, type(v).__name__) for name, v in ast.iter_fields(tree.body[2])])
print([type(n).__name__ for n in ast.iter_child_nodes(tree.body[2])])

class Counter(ast.NodeVisitor):
    def __init__(self):
        self.names = []
        self.funcs = []
    def visit_Name(self, node):
        self.names.append((node.id, type(node.ctx).__name__, node.lineno, node.col_offset))
    def visit_FunctionDef(self, node):
        self.funcs.append(node.name)
        self.generic_visit(node)
c = Counter()
c.visit(tree)
print(c.names)
print(c.funcs)

class Renamer(ast.NodeTransformer):
    def visit_Name(self, node):
        if node.id == 'a':
            return ast.copy_location(ast.Name(id='renamed', ctx=node.ctx), node)
        return node
    def visit_Import(self, node):
        return None
    def visit_Constant(self, node):
        if node.value == 1:
            return ast.Constant(value=100)
        return node
t2 = Renamer().visit(ast.parse("import os\nx = a + 1\ny = [a, 2]"))
t2 = ast.fix_missing_locations(t2)
print(ast.dump(t2, include_attributes=True))
ast.increment_lineno(t2, 10)
print([n.lineno for n in ast.walk(t2) if hasattr(n, 'lineno')])

class Exprs(ast.NodeTransformer):
    def visit_Expr(self, node):
        return [node, ast.Pass()]
t3 = Exprs().visit(ast.parse("f()\ng()"))
print(ast.dump(t3))
n = ast.BinOp(left=ast.Constant(1), op=ast.Add(), right=ast.Constant(2))
print(hasattr(n, 'lineno'), ast.dump(ast.fix_missing_locations(ast.Expression(n)), include_attributes=True))
