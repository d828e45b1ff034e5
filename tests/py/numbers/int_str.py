# int <-> text: repr, hex/oct/bin, int(text, base) for every base, underscores, errors.
for v in [0, 1, -1, 255, -255, 2**63, -2**63, 2**64 - 1, 10**30, -(10**30) - 1, 3**99]:
    print(str(v), repr(v), hex(v), oct(v), bin(v))
digits = "0123456789abcdefghijklmnopqrstuvwxyz"
def to_base(n, b):
    if n == 0:
        return "0"
    s = ""
    neg = n < 0
    n = abs(n)
    while n:
        s = digits[n % b] + s
        n //= b
    return "-" + s if neg else s
for b in range(2, 37):
    for n in [0, 1, b - 1, b, b * b + 1, 2**40 + 17, -(3**50), 7**60]:
        t = to_base(n, b)
        assert int(t, b) == n, (t, b)
        assert int(t.upper(), b) == n
    print(b, to_base(2**100 + 1, b), int(to_base(2**100 + 1, b), b) == 2**100 + 1)
cases = [("  42  ", 10), ("-0", 10), ("+17", 10), ("1_000_000", 10), ("0x_ff", 0), ("0o777", 0),
         ("0b1011", 0), ("0X1F", 16), ("1f", 16), ("0b11", 2), ("0o17", 8), ("000", 0), ("0_0", 0),
         ("z", 36), ("Zz", 36), ("\t\n 99 \r", 10), ("12", 3), ("0", 0), ("-0x10", 0),
         ("9" * 40, 10), ("-" + "7" * 50, 8), ("0x" + "f" * 30, 16), ("1__0", 10), ("_1", 10),
         ("1_", 10), ("010", 0), ("0x", 16), ("", 10), ("  ", 10), ("abc", 10), ("12", 2),
         ("0b2", 0), ("1.5", 10), ("+-1", 10), ("- 1", 10), ("0x_", 16), ("١٢٣", 10), ("12", 37),
         ("12", 1), ("12", -1), ("0o_7", 8), ("0b_1_0", 2)]
for s, b in cases:
    try:
        print(repr(s), b, int(s, b))
    except ValueError as e:
        print(repr(s), b, "ValueError", e)
for s in [b"12", b" -7 ", bytearray(b"0x1f"), b"x"]:
    try:
        print(int(s) if not isinstance(s, bytearray) else int(s, 16))
    except ValueError as e:
        print("ValueError", e)
try:
    int("12", base="x")
except TypeError as e:
    print("TypeError", e)
try:
    int(12, 10)
except TypeError as e:
    print("TypeError", e)
print(int("123456789" * 20), int("-" + "1" * 100, 2))
print(str(-10**50), f"{10**20}", "%d" % 10**25)
print(int(" 0b1 ", 0), int("0B1", 2), int("0o7", 0), int("0O7", 8))
