# bin, oct, hex, chr, ord
for v in (0, 1, -1, 255, -255, 2**64, -2**70):
    print(v, bin(v), oct(v), hex(v))
class I:
    def __index__(self):
        return 42
print(bin(I()), oct(I()), hex(I()))
for bad in (1.5, "7", None):
    for f in (bin, oct, hex):
        try:
            f(bad)
        except TypeError as e:
            print(f.__name__, type(e).__name__, e)

print(repr(chr(65)), repr(chr(0)), repr(chr(0x10FFFF)), repr(chr(233)), repr(chr(0x263A)))
print(chr(True), repr(chr(I())))
for bad in (-1, 0x110000, 2**70, "a", 1.0):
    try:
        chr(bad)
    except (TypeError, ValueError, OverflowError) as e:
        print("chr", type(e).__name__, e)

print(ord("A"), ord("\u00e9"), ord("\U0001F600"), ord(b"a"), ord(bytearray(b"\xff")))
for bad in ("", "ab", b"", b"ab", 1, None, ["a"]):
    try:
        ord(bad)
    except TypeError as e:
        print("ord", type(e).__name__, e)
print(all(ord(chr(i)) == i for i in range(0, 0x110000, 997)))
