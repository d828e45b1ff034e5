# find, rfind, index, rindex, count, startswith, endswith
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

s = "abcabcab"
for args in [("b",), ("b", 2), ("b", 2, 4), ("b", -3), ("b", None, 3), ("x",), ("",),
             ("", 8), ("", 9), ("", 3, 1), ("ab", 6), ("cab", -10, 100)]:
    print(args, s.find(*args), s.rfind(*args), s.count(*args))
t(lambda: s.index("c"))
t(lambda: s.rindex("c"))
t(lambda: s.index("z"))
t(lambda: s.rindex("z"))
t(lambda: s.index("a", 1, 2))
t(lambda: s.find(1))
t(lambda: s.find("a", 1.5))
t(lambda: s.find("a", "x"))
t(lambda: s.count(None))
t(lambda: s.find())
u = "日本語の日本"
print(u.find("日本"), u.rfind("日本"), u.count("日"), u.find("本", 2), u.find("x"))
print(u.find("a"), "abc".find("日"), "aé".find("é"), "aé".find("\U0001F600"))
print("aaaa".count("aa"), "aaaa".count(""), "".count(""), "abc".count("", 1), "abc".count("", 5))
print(s.startswith("abc"), s.startswith("bc"), s.startswith("bc", 1), s.startswith("a", 3, 4))
print(s.endswith("ab"), s.endswith("ca"), s.endswith("ca", 0, 7), s.endswith(("x", "ab")))
print(s.startswith(("x", "y")), s.startswith(""), s.startswith("", 8), s.startswith("", 9))
print(s.endswith("", 3, 1), s.startswith("abcabcabx"), s.endswith("b", -1), s.startswith("c", -6))
print("日本".startswith("日"), "日本".endswith("本"), "é".startswith("e"), "".endswith(""))
t(lambda: s.startswith(1))
t(lambda: s.endswith(["a"]))
t(lambda: s.startswith(("a", 1)))
t(lambda: s.startswith())
