# Source text forms the tokenizer must accept: line endings, indentation with tabs and form
# feeds, continuation lines, comments, blank lines, non-ASCII identifiers, soft keywords.
ns = {}
exec("x = 1\r\ny = 2\r\nif x:\r\n    z = x + y\r\n", ns)
print(ns["z"])
ns = {}
exec("a = 1\rb = 2\rc = a + b\r", ns)
print(ns["c"])
exec("if True:\n\tv = 1\n\tif v:\n\t\tv += 1\n", ns)
print(ns["v"])
exec("\x0cw = 3\nif w:\n\x0c    w = 4\n", ns)
print(ns["w"])
exec("total = (1 +\n   2 +\n\n   3)\nlst = [1,  # one\n  2,  # two\n]\n", ns)
print(ns["total"], ns["lst"])
exec("s = 1 + \\\n    2 \\\n    + 3\n", ns)
print(ns["s"])
exec("def f():\n    # only a comment\n\n    return 5\n\n\n# trailing\n", ns)
print(ns["f"]())
exec("if 1:\n    pass\n    # comment at a different indent\n  # and another\nq = 9\n", ns)
print(ns["q"])
exec("x = 1", ns)           # no final newline
exec("", ns)
exec("\n\n", ns)
exec("# just a comment", ns)
print(eval("  1 + 2  "), eval("(3)\n\n"), eval("4,"), eval("\n5\n"))
café = "café"
π = 3.14159
名前 = "name"
print(café, π, 名前)
exec("\uff41\uff42 = 7", ns)   # fullwidth letters are NFKC-normalized to ASCII
print(ns["ab"])
match = 1; case = 2; _ = 3
print(match + case + _)
print(type(compile("x = 1\n", "<s>", "exec")).__name__, type(compile("1", "<s>", "eval")).__name__,
      type(compile("x = 1", "<s>", "single")).__name__)
code = compile("import sys\nif sys:\n  pass\n", "<s>", "exec")
exec(code)
print("done")
