# A SyntaxError raised at run time (compile) and not caught: CPython's special layout.
src = "x = (1,\n     2 3)\n"
compile(src, 'fake.py', 'exec')
