# Bytes literals: prefixes, escapes, concatenation, raw bytes.
print(b'abc', B"abc", b'''x''', br'\n', Rb'\x', rB"a\b")
print(b'\x00\x7f\xff\n\t\\\'\"', b'\101\102', b'\777'[0])
print(b'a' b'b' B'c', len(b'\x00' b'\x01'))
print(list(b'\a\b\f\v\r\0'))
print(type(b''), b'' == bytes(), b'\u1234', b'\N{x}', len(b'\u1234'))
print(b'line\
continued')
