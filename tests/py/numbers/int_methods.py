# Methods and attributes of int.
for v in [0, 1, -1, 7, -8, 255, 256, 2**63 - 1, -2**63, 2**64, -(2**100), 10**30]:
    print(v, v.bit_length(), v.bit_count(), v.as_integer_ratio(), v.conjugate(), v.real,
          v.imag, v.numerator, v.denominator, v.__index__(), v.__trunc__(), v.__floor__(),
          v.__ceil__(), v.__round__(), v.__getnewargs__())
print((1).to_bytes(), (1).to_bytes(2, 'little'), (256).to_bytes(2, 'big'))
print((-1).to_bytes(1, 'big', signed=True), (-129).to_bytes(2, 'big', signed=True))
print((127).to_bytes(1, 'big', signed=True), (2**64 - 1).to_bytes(8, 'little'))
print((10**20).to_bytes(10, 'big'), (-(10**20)).to_bytes(10, 'little', signed=True))
print((0).to_bytes(0, 'big'), (1).to_bytes(length=3, byteorder='little'))
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: (256).to_bytes(1, 'big'))
err(lambda: (-1).to_bytes(1, 'big'))
err(lambda: (128).to_bytes(1, 'big', signed=True))
err(lambda: (-129).to_bytes(1, 'big', signed=True))
err(lambda: (1).to_bytes(0, 'big'))
err(lambda: (1).to_bytes(1, 'middle'))
err(lambda: (1).to_bytes(-1, 'big'))
print(int.from_bytes(b'\x01\x00', 'big'), int.from_bytes(b'\x01\x00', 'little'))
print(int.from_bytes(b'\xff', 'big', signed=True), int.from_bytes(b'\xff', 'big'))
print(int.from_bytes(b'\xff\x00', 'little', signed=True), int.from_bytes(b'', 'big'))
print(int.from_bytes(b'\x80' + b'\x00' * 15, 'big', signed=True))
print(int.from_bytes(bytes(range(1, 30)), 'little'), int.from_bytes([1, 2, 3], 'big'))
print(int.from_bytes(b'\x00\x01'), int.from_bytes(b'\xfe\xff\xff\xff\xff\xff\xff\xff\xff', 'little', signed=True))
for v in [0, 1, -1, 12345, -12345, 2**70 + 3, -(2**70) - 3]:
    for n in range(1, 12):
        try:
            b = v.to_bytes(n, 'big', signed=True)
            assert int.from_bytes(b, 'big', signed=True) == v
        except OverflowError:
            pass
print(round(12345, -1), round(12345, -2), round(12355, -1), round(12350, -2), round(-12350, -2))
print(round(15, -1), round(25, -1), round(-25, -1), round(35, -1), round(5, -1), round(4, -1))
print(round(123, 2), round(10**30 + 5 * 10**9, -10), round(-(10**30) - 5 * 10**9, -10))
print(round(7, 0), round(7), type(round(7, 0)), round(7, -5), round(50000, -5), round(150000, -5))
print((5).__round__(-1), (-5).__round__(-1), (10**20 + 1).__round__(-20))
print(int.__sizeof__(0) > 0, format(255, 'x'), format(255, '#b'), format(-5, '04d'))
print(True.bit_length(), (2**1000).bit_length(), (-(2**1000)).bit_length(), (2**1000 - 1).bit_count())
