# methods shared by bytes and bytearray
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

for B in (bytes, bytearray):
    print("----", B.__name__)
    s = B(b"abcabcab")
    t(lambda: (s.find(b"b"), s.find(b"b", 2), s.rfind(b"b"), s.find(99), s.find(b"x"), s.rfind(b"")))
    t(lambda: (s.count(b"ab"), s.count(97), s.count(b""), s.index(b"c"), s.rindex(99)))
    t(lambda: s.index(b"z"))
    t(lambda: s.find("a"))
    t(lambda: s.count(300))
    t(lambda: (s.startswith(b"abc"), s.startswith((b"x", b"ab")), s.endswith(b"ab"), s.endswith(b"a", 0, 7)))
    t(lambda: s.startswith("a"))
    t(lambda: B(b" a b  c ").split())
    t(lambda: B(b" a b  c ").split(None, 1))
    t(lambda: B(b" a b  c ").rsplit(None, 1))
    t(lambda: B(b"a,b,,c").split(b","))
    t(lambda: B(b"a,b,,c").rsplit(b",", 1))
    t(lambda: B(b"a,b").split(b""))
    t(lambda: B(b"a,b").split("a"))
    t(lambda: B(b"-").join([b"a", bytearray(b"b"), b"c"]))
    t(lambda: B(b"-").join([b"a", "b"]))
    t(lambda: (B(b"  x  ").strip(), B(b"  x  ").lstrip(), B(b"  x  ").rstrip(), B(b"xxaxy").strip(b"xy")))
    t(lambda: B(b"x").strip("x"))
    t(lambda: (B(b"aaa").replace(b"a", b"bb"), B(b"aaa").replace(b"a", b"", 2), B(b"ab").replace(b"", b"-")))
    t(lambda: B(b"a").replace("a", b"b"))
    t(lambda: (B(b"Hello World").upper(), B(b"Hello World").lower(), B(b"hello world").title(),
               B(b"hELLO").swapcase(), B(b"hELLO wORLD").capitalize()))
    t(lambda: (B(b"123").isdigit(), B(b"abc").isalpha(), B(b"ab1").isalnum(), B(b" \t").isspace(),
               B(b"ABC").isupper(), B(b"abc").islower(), B(b"Ab Cd").istitle(), B(b"\x80").isascii(),
               B(b"").isdigit()))
    t(lambda: (B(b"a=b=c").partition(b"="), B(b"a=b=c").rpartition(b"="), B(b"abc").partition(b"x")))
    t(lambda: B(b"a").partition("a"))
    t(lambda: (B(b"ab").center(6), B(b"ab").ljust(5, b"*"), B(b"ab").rjust(5, b"-"), B(b"-4").zfill(5)))
    t(lambda: B(b"a").center(5, "x"))
    t(lambda: B(b"a").rjust(5, b"xy"))
    t(lambda: (B(b"a\nb\r\nc").splitlines(), B(b"a\nb\r\n").splitlines(True)))
    t(lambda: (B(b"a\tb").expandtabs(), B(b"a\tb").expandtabs(4)))
    t(lambda: (B(b"prefix-x").removeprefix(b"prefix-"), B(b"x.txt").removesuffix(b".txt")))
    t(lambda: B(b"a").removeprefix("a"))
    t(lambda: (B(b"\xc3\xa9").decode(), B(b"\xff").decode("latin-1"), B(b"\xff").decode(errors="replace")))
    t(lambda: B(b"\xff").decode())
    t(lambda: (B(b"\x01\xab\xff").hex(), B(b"abcdef").hex(":"), B(b"abcdef").hex("-", 2),
               B(b"abcdef").hex(b" ", -4), B(b"").hex()))
    t(lambda: B(b"a").hex(""))
    t(lambda: (B.fromhex("01 ab ff"), B.fromhex(""), B.fromhex(" 0A0b ")))
    t(lambda: B.fromhex("zz"))
    t(lambda: B.fromhex("a"))
    tab = B.maketrans(b"abc", b"xyz")
    t(lambda: (len(tab), B(b"aabbcc").translate(tab), B(b"abc").translate(None, b"b"),
               B(b"abc").translate(tab, b"a")))
    t(lambda: B(b"a").translate(b"x"))
    t(lambda: B.maketrans(b"a", b"bc"))
