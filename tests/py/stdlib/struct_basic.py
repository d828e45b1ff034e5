import struct
for f in ['@bhi','@ci','=bhi','<q','>d','@P','@n','x','3s','5p','?','e','@hq', '@iq3x','2h', '<lLqQ', '@lL', '0s', ' i h ', 'hhl', '!HH', '@bd', '@3bd2b']:
    print(repr(f), struct.calcsize(f))
print(struct.pack('<bBhHiIqQ', -1, 255, -2, 65535, -3, 2**32-1, -4, 2**64-1))
print(struct.pack('>bBhHiIqQ', -1, 255, -2, 65535, -3, 2**32-1, -4, 2**64-1))
print(struct.pack('@bhiq', 1, 2, 3, 4), struct.pack('=bhiq', 1, 2, 3, 4), struct.pack('!i', 0x01020304))
print(struct.unpack('<bBhHiIqQ', struct.pack('<bBhHiIqQ', -1, 255, -2, 65535, -3, 2**32-1, -4, 2**64-1)))
print(struct.pack('3s5p?c', b'abcdef', b'xy', 7, b'z'), struct.unpack('3s5p?c', b'abc\x02xy\x00\x00\x01z'))
for v in [0.0, -0.0, 1.0, -2.5, 0.1, 1e300, 5e-324, 2.2250738585072014e-308, 1/3, float('inf'), -float('inf'), 65504.0, 1e-6, 1e-40, 3.4e38, 123456.789]:
    for c in 'def':
        try:
            b = struct.pack('<' + c, v)
            print(c, v, b, struct.unpack('<' + c, b)[0], struct.pack('>' + c, v))
        except OverflowError as e:
            print(c, v, 'OverflowError', e)
print(struct.pack('f', 1e300), struct.unpack('<d', struct.pack('<d', float('nan')))[0])
for a in [('z',), ('@i', 2**31), ('b', 200), ('<H', -1), ('i', 1.5), ('c', 'a'), ('3s', 1), ('e', 1e6), ('i',), ('ii', 1,2,3), ('Q', -1), ('<Q', 2**64), ('<h', 2**15), ('<I', -1), ('<I', 2**40), ('<l', 2**40), ('d', 'x'), ('b', 2**70), ('3', )]:
    try: print(struct.pack(*a))
    except Exception as e: print(type(e).__name__, e)
try: struct.unpack('i', b'12')
except struct.error as e: print(e)
try: struct.unpack_from('i', b'12', 1)
except struct.error as e: print(e)
try: struct.pack_into('i', bytearray(2), 0, 1)
except struct.error as e: print(e)
try: list(struct.iter_unpack('i', b'12345'))
except struct.error as e: print(e)
s = struct.Struct('<hi'); print(s.format, s.size, s.pack(1, 2), s.unpack(b'\x01\x00\x02\x00\x00\x00'))
b = bytearray(10); struct.pack_into('<hh', b, 2, 5, -1); print(b, struct.unpack_from('<h', b, 4), struct.unpack_from('<h', b, offset=2))
print(list(struct.iter_unpack('<h', b'\x01\x00\x02\x00\x03\x00')))
print(struct.pack('?', []), struct.pack('b', True), struct.unpack('?', b'\x05'), struct.pack(b'<h', 3), struct.pack('d', 3), struct.pack('P', -1))
class I:
    def __index__(self): return 5
print(struct.pack('<i', I()), struct.unpack('<e', b'\x00\x7c'), struct.unpack('<f', b'\x01\x00\x00\x00'))
print(struct.error.__module__, issubclass(struct.error, Exception))
