# __debug__ can be read (a constant) but never bound or deleted.
for src in ["__debug__ = 1", "def f(__debug__): pass", "x.__debug__ = 1", "del __debug__",
            "import __debug__", "from m import x as __debug__", "def __debug__(): pass",
            "class __debug__: pass", "for __debug__ in x: pass", "with a as __debug__: pass",
            "__debug__ += 1", "(__debug__ := 1)", "f(__debug__=1)", "lambda __debug__: 0",
            "x: int = 1\nglobal x", "print(__debug__)"]:
    try:
        compile(src, "<fb>", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print(repr(src), e.msg, e.lineno, e.offset)
