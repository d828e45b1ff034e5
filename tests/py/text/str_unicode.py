# mixing kinds: latin-1, BMP and astral code points in one operation
a = "abc"
l = "café"
b = "日本語"
e = "\U0001F600\U0001F601"
for x in [a, l, b, e]:
    for y in [a, l, b, e]:
        z = x + y
        print(repr(z), len(z), z == x + y, z[len(x):] == y, z.find(y), z.rfind(x))
s = a + l + b + e
print(len(s), s[::-1], s[2:9], s[-1], s[::3], [ord(c) for c in s[3:5]])
print(s.upper(), s.split("語"), s.replace("é", "E"), "|".join([a, l, b, e]))
print(s.count("\U0001F600"), s.index("本"), s.startswith(a + "ca"), s.endswith(e))
print(sorted([b, e, l, a]), max(s), min(s), chr(0x1F600) in s)
print(ord("a"), ord("é"), ord("日"), ord("\U0001F600"), chr(97), chr(233), chr(0x65e5))
print(repr(s[5:8]), repr((l * 3)[::4]), repr(e * 2), repr(b[1] + a))
x = "".join(chr(i) for i in range(250, 260))
print(repr(x), len(x), x[5:], repr(x[:6]))
h = {a: 1, l: 2, b: 3, e: 4}
print(h["abc"], h["caf" + "é"], h["日本" + "語"], h["\U0001F600" + "\U0001F601"])
print(hash("é" * 3) == hash("".join(["é"] * 3)), "ab\u0100"[:2] == "ab", hash("ab\u0100"[:2]) == hash("ab"))
print("\u0100abc"[1:] == "abc", "\U00010000é"[1:] == "é", ("x" + "\U00010000")[:1] is not None)
