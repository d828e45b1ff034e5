# Errors in string, bytes and f-string literals.
cases = [
    'x = "\\N{foo}"',
    '"\\x"',
    '"\\x4"',
    '"\u00e9\\x4"',
    '"\\u12"',
    '"\\U12345678"',
    '"\\U0011ffff"',
    '"\\N"',
    '"\\N{"',
    'b"\\x4"',
    'x = b"\u00e9"',
    'b"abc" "def"',
    'b"abc" f"def"',
    '"abc" b"def"',
    'u"x" rb"y"',
    'f"{x"',
    'f"{x y}"',
    'f"{1a}"',
    'f"{}"',
    'f"{!r}"',
    'f"{x!z}"',
    'f"{x!}"',
    'f"}"',
    'f"{x}}"',
    'f"{x}{"',
    'f"{x:{y:{z}}}"',
    'f"{x#}"',
    'f"{\\n}"',
    'f"{x)}"',
    'f"{(x}"',
    'f"{x:"',
    'f"{\'a}"',
    'x = (\n  f"{a b}"\n)',
    'f"""\n{a b}"""',
    'f"{x=!z}"',
    'f"{*x}"',
    'f"{lambda x: 1}"',
]
for src in cases:
    try:
        compile(src, "<s>", "exec")
        print("compiled:", repr(src))
    except SyntaxError as e:
        print(type(e).__name__, repr(e.msg), e.lineno, e.offset, e.end_lineno, e.end_offset,
              repr(e.text))
