# bytes: constructor, repr, indexing, slicing, operators, hashing, iteration
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

t(lambda: bytes())
t(lambda: bytes(3))
t(lambda: bytes([65, 66, 67]))
t(lambda: bytes((1, 2, 255)))
t(lambda: bytes(range(5)))
t(lambda: bytes(b"abc"))
t(lambda: bytes(bytearray(b"xy")))
t(lambda: bytes("héllo", "utf-8"))
t(lambda: bytes("abc", encoding="ascii"))
t(lambda: bytes("é", "ascii", "replace"))
t(lambda: bytes(x for x in [104, 105]))
t(lambda: bytes(-1))
t(lambda: bytes("a"))
t(lambda: bytes([256]))
t(lambda: bytes([-1]))
t(lambda: bytes(["a"]))
t(lambda: bytes(1.5))
t(lambda: bytes(b"a", "utf-8"))
t(lambda: bytes("a", 1))
t(lambda: bytes(encoding="utf-8"))
class B:
    def __bytes__(self):
        return b"from B"
t(lambda: bytes(B()))
for b in [b"", b"abc", b"it's", b'say "hi"', b"both ' \"", b"\x00\x01\n\r\t\\", b"\x7f\x80\xff",
          bytes(range(0, 256, 17))]:
    print(repr(b), str(b), len(b))
b = b"hello world"
print(b[0], b[-1], b[1:4], b[::2], b[::-1], b[-3:], b[100:], b[3:1])
t(lambda: b[11])
t(lambda: b[1.5])
t(lambda: b["a"])
print(b + b"!", b + bytearray(b"?"), b * 2, 2 * b"ab", b"x" * 0, b"ab" * -1)
t(lambda: b + "a")
t(lambda: b + 1)
t(lambda: b * 1.5)
print(b"ell" in b, 104 in b, 120 in b, b"" in b, bytearray(b"lo") in b)
t(lambda: 300 in b)
t(lambda: "a" in b)
print(b"a" < b"b", b"a" < b"ab", b"abc" == b"abc", b"abc" != b"abd", b"b" >= b"a")
print(b"abc" == bytearray(b"abc"), b"a" == "a", b"a" != "a")
t(lambda: b"a" < "a")
print(hash(b"abc") == hash(b"ab" + b"c"), hash(b"") == hash(b""), hash(b"abc") == hash("abc"))
print(list(b"abc"), [x for x in b"\x00\xff"], tuple(iter(b"")))
it = iter(b"ab")
print(next(it), next(it), next(it, "end"))
print(sorted([b"b", b"a", b"ab"]), max(b"hello"), sum(b"abc"))
print(len(b), b.__len__(), b.__getitem__(0), b.__contains__(b"h"))
d = {b"k": 1}
print(d[b"k"], b"k" in d)
print(isinstance(b"", bytes), type(b"") is bytes, bytes.__name__)
