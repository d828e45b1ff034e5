# Compile-time errors raised by the symbol table and the code generator.
cases = [
    "return 1",
    "def f():\n    class C:\n        return 2\n",
    "break",
    "for x in y:\n    def f():\n        break\n",
    "continue",
    "while x:\n    class C:\n        continue\n",
    "yield 1",
    "class C:\n    yield 1\n",
    "x = [(yield 1) for y in z]",
    "def f():\n    x = 1\n    global x\n",
    "def f():\n    print(x)\n    global x\n",
    "def f(x):\n    global x\n",
    "def f():\n    x: int\n    global x\n",
    "def f():\n    x = 1\n    nonlocal x\n",
    "nonlocal x",
    "def f():\n    nonlocal x\n",
    "def f():\n    def g():\n        nonlocal x\n    x = 1\n    global x\n",
    "def f(a, a):\n    pass\n",
    "def f(a, *, a=1):\n    pass\n",
    "lambda a, a: 0",
    "def f():\n    from os import *\n",
    "await x",
    "[i := 0 for i in range(3)]",
    "[x for x in (y := [1])]",
    "class C:\n    [(z := i) for i in range(3)]\n",
    "f(x=1, x=2)",
    "def f():\n    global x\n    nonlocal x\n",
    "try:\n    pass\nexcept:\n    pass\nexcept ValueError:\n    pass\n",
]
for src in cases:
    try:
        compile(src, "<case>", "exec")
        print("no error:", repr(src))
    except SyntaxError as e:
        print(repr(src), "->", e.msg, (e.lineno, e.offset, e.end_lineno, e.end_offset))

nested = "x = 0\n"
for i in range(21):
    nested += " " * i + "while x:\n"
nested += " " * 21 + "pass\n"
try:
    compile(nested, "<nested>", "exec")
except SyntaxError as e:
    print(e.msg, e.lineno)
nested20 = "x = 0\n"
for i in range(20):
    nested20 += " " * i + "for y in x:\n"
nested20 += " " * 20 + "pass\n"
compile(nested20, "<nested>", "exec")
print("20 nested loops compile")

# these are fine
for src in ["def f():\n    global x\n    x = 1\n", "x = 1\ny = 2\n",
            "def f():\n    x = 1\n    def g():\n        nonlocal x\n        x = 2\n",
            "def f():\n    return [(yield) for _ in ()] if 0 else 0\n" if False else "pass\n"]:
    compile(src, "<ok>", "exec")
print("ok")
