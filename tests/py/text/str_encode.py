# encode / decode with the built-in codecs and error handlers
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
        if isinstance(e, UnicodeError):
            print("  ", e.encoding, e.start, e.end, e.reason)
    else:
        print(repr(r))

for s in ["abc", "aé", "日本", "\U0001F600", "aé€x", "a\udcffb", "\ud800"]:
    for enc in ["utf-8", "latin-1", "ascii"]:
        for err in ["strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace",
                    "surrogateescape"]:
            t(lambda: s.encode(enc, err))
t(lambda: "x".encode())
t(lambda: "é".encode("UTF8"))
t(lambda: "é".encode("utf_8"))
t(lambda: "é".encode("Latin1"))
t(lambda: "é".encode("iso-8859-1"))
t(lambda: "é".encode("US-ASCII"))
t(lambda: "é".encode(encoding="ascii", errors="replace"))
t(lambda: "é".encode("nope"))
t(lambda: "é".encode("ascii", "nope"))
t(lambda: "e".encode("ascii", "nope"))
t(lambda: "é".encode(1))
t(lambda: "é".encode("ascii", 1))
for b in [b"abc", b"\xc3\xa9", b"\xff", b"a\xe9b", b"a\xe0\x80b", b"\xe2\x82", b"\xe2\x82a",
          b"\xf0\x9f\x98", b"\xf0\x9f\x98\x80", b"\xed\xa0\x80", b"\xc0\xaf", b"\xf4\x90\x80\x80",
          b"a\x80"]:
    for enc in ["utf-8", "latin-1", "ascii"]:
        for err in ["strict", "ignore", "replace", "backslashreplace", "surrogateescape"]:
            t(lambda: ascii(b.decode(enc, err)))
t(lambda: b"x".decode("nope"))
t(lambda: b"\xff".decode("utf-8", "nope"))
t(lambda: b"\xff".decode(errors="ignore"))
t(lambda: str(b"abc", "ascii"))
t(lambda: str(b"\xff", "utf-8", "replace"))
t(lambda: str(b"\xff", errors="replace"))
t(lambda: str(bytearray(b"hi"), "utf-8"))
t(lambda: str("abc", "utf-8"))
t(lambda: str(1, "utf-8"))
t(lambda: str(b"abc"))
rt = "héllo wörld 日本 \U0001F600".encode()
print(rt, rt.decode() == "héllo wörld 日本 \U0001F600", len(rt))
print("a\udcff\udc80".encode("utf-8", "surrogateescape"))
print(ascii(b"\xff\xfe".decode("utf-8", "surrogateescape").encode("utf-8", "surrogateescape")))
