# eval, exec, compile
print(eval("1 + 2"), eval("  3 * 4"), eval(b"5"), eval("x + 1", {"x": 10}))
print(eval("x", {"x": 1}, {"x": 2}), eval("y", {}, {"y": 3}))
ns = {}
exec("a = 1\nb = a + 1\ndef f():\n    return a + b\n", ns)
print(ns["a"], ns["b"], ns["f"](), "__builtins__" in ns)
g, l = {}, {}
exec("z = 5", g, l)
print("z" in g, l)
print(exec("1"))
code = compile("1 + 1", "<expr>", "eval")
print(type(code).__name__, eval(code))
code = compile("q = 7", "<stmt>", "exec")
d = {}
exec(code, d)
print(d["q"])
try:
    compile(code, "x", "exec")
except TypeError as e:
    print(type(e).__name__, e)
code = compile(b"r = 8", "f.py", "exec")
exec(code, d)
print(d["r"])

def scope():
    v = 42
    return eval("v + 1"), eval("len([v])")
print(scope())
x = 100
print(eval("x"))
exec("x = 200")
print(x)

tests = [
    lambda: eval(1),
    lambda: exec(1),
    lambda: compile(1, "f", "exec"),
    lambda: compile("1", "f", "bogus"),
    lambda: eval("1", []),
    lambda: exec("1", []),
    lambda: eval("1", {}, 1),
    lambda: exec("1", {}, 1),
    lambda: eval("1\x002"),
    lambda: exec("1", {}, {}, 3),
    lambda: eval("undefined_name"),
    lambda: exec("raise KeyError('k')"),
    lambda: eval("1 +"),
    lambda: exec("x = = 1"),
    lambda: compile("a b", "myfile.py", "exec"),
    lambda: eval("import os"),
]
for t in tests:
    try:
        t()
        print("no error")
    except SyntaxError as e:
        print(type(e).__name__, e.msg, e.filename, e.lineno)
    except Exception as e:
        print(type(e).__name__, e)
g = {"__builtins__": {"len": len}}
print(eval("len('abc')", g))
try:
    eval("abs(1)", g)
except NameError as e:
    print(type(e).__name__, e)
