# Future statements: known features, unknown ones, and late ones.
for src in ["from __future__ import braces", "from __future__ import nope",
            "import os\nfrom __future__ import annotations",
            "'''doc'''\nfrom __future__ import annotations, division\nx = 1",
            "def f():\n    from __future__ import annotations\n",
            "from __future__ import annotations; import os; from __future__ import division"]:
    try:
        compile(src, "<fut>", "exec")
        print("ok", repr(src))
    except SyntaxError as e:
        print(repr(src), e.msg, (e.lineno, e.offset))
exec(compile("from __future__ import annotations\ndef f(x: undefined_name) -> also_undefined:\n    pass\nprint(f.__annotations__)\nclass C:\n    attr: List[int] = 3\nprint(C.__annotations__, C.attr)\n", "<fa>", "exec"))
