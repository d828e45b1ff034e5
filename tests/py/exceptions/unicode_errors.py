# UnicodeDecodeError / UnicodeEncodeError / UnicodeTranslateError
e = UnicodeDecodeError("utf-8", b"ab\xffcd", 2, 3, "invalid start byte")
print(e.encoding, e.object, e.start, e.end, e.reason, e.args)
print(str(e))
print(str(UnicodeDecodeError("utf-8", b"\xe4\xbd", 0, 2, "unexpected end of data")))
print(str(UnicodeDecodeError("ascii", bytearray(b"\x80"), 0, 1, "ordinal not in range(128)")))
e = UnicodeEncodeError("ascii", "héllo", 1, 2, "ordinal not in range(128)")
print(e.encoding, e.object, e.start, e.end, e.reason)
print(str(e))
print(str(UnicodeEncodeError("latin-1", "a\u263ab", 1, 2, "nope")))
print(str(UnicodeEncodeError("latin-1", "a\U0001F600b", 1, 2, "nope")))
print(str(UnicodeEncodeError("ascii", "éé", 0, 2, "r")))
e = UnicodeTranslateError("a\u0100b", 1, 2, "no mapping")
print(e.encoding, e.object, e.start, e.end, e.reason, str(e))
print(str(UnicodeTranslateError("abc", 0, 3, "r")))
for args in ((), ("utf-8",), (1, b"", 0, 1, "r"), ("utf-8", "str", 0, 1, "r"), ("utf-8", b"", "a", 1, "r")):
    try:
        UnicodeDecodeError(*args)
    except TypeError as x:
        print("TypeError")
try:
    b"\xff".decode("utf-8")
except UnicodeDecodeError as x:
    print(type(x).__name__, x)
try:
    "\xe9".encode("ascii")
except UnicodeEncodeError as x:
    print(type(x).__name__, x)
print(issubclass(UnicodeDecodeError, UnicodeError), issubclass(UnicodeError, ValueError))
print(str(UnicodeError("plain")))
