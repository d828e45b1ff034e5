# UTF-16 and UTF-32: byte order marks, surrogate pairs, errors
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
        if isinstance(e, UnicodeError):
            print("  ", e.encoding, e.start, e.end, e.reason)
    else:
        print(ascii(r))

for enc in ["utf-16", "utf-16-le", "utf-16-be", "UTF16", "utf_16_le", "utf-32", "utf-32-le",
            "utf-32-be", "utf32"]:
    for s in ["", "a", "aé日\U0001F600", "\U0010ffff\x00"]:
        t(lambda: s.encode(enc))
        t(lambda: s.encode(enc).decode(enc) == s)
    for err in ["strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace",
                "surrogatepass"]:
        t(lambda: "a\ud800b\udc00".encode(enc, err))
for b, enc in [(b"a\x00b", "utf-16-le"), (b"\x00\xd8a\x00", "utf-16-le"),
               (b"\x00\xdca\x00", "utf-16-le"), (b"a\x00\x00\xd8", "utf-16-le"),
               (b"\xff\xfea\x00", "utf-16"), (b"\xfe\xff\x00a", "utf-16"), (b"a\x00", "utf-16"),
               (b"a\x00\x00", "utf-32-le"), (b"\x00\x00\x11\x00", "utf-32-le"),
               (b"\x00\xd8\x00\x00", "utf-32-le"), (b"\xff\xfe\x00\x00a\x00\x00\x00", "utf-32"),
               (b"\x00\x00\xfe\xff\x00\x00\x00a", "utf-32"), (b"\x00\xd8\x00\xdc", "utf-16-le"),
               (b"\x00\xd8\x00", "utf-16-le"), (b"\x00a\xd8\x00\xdc\x00", "utf-16-be")]:
    for err in ["strict", "replace", "ignore", "backslashreplace", "surrogateescape"]:
        t(lambda: b.decode(enc, err))
