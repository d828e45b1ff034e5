import base64, binascii
for data in [b'', b'f', b'fo', b'foo', b'foob', b'fooba', b'foobar', bytes(range(256)), b'\xff\xfe\xfd' * 7]:
    e64 = base64.b64encode(data); e32 = base64.b32encode(data); e16 = base64.b16encode(data); e85 = base64.b85encode(data); a85 = base64.a85encode(data)
    print(len(data), e64[:40], e32[:40], e16[:40], e85[:30], a85[:30], base64.urlsafe_b64encode(data)[:20])
    assert base64.b64decode(e64) == data and base64.b32decode(e32) == data and base64.b16decode(e16) == data and base64.b85decode(e85) == data and base64.a85decode(a85) == data, data
    assert base64.urlsafe_b64decode(base64.urlsafe_b64encode(data)) == data and base64.b32hexdecode(base64.b32hexencode(data)) == data
print(base64.b64decode('aGVsbG8gd29ybGQ='), base64.b64decode(b'aGVs\nbG8=\n'), base64.b64encode(b'\xfb\xff', altchars=b'-_'), base64.b32hexencode(b'hi'), base64.b32decode('mzxw6===', casefold=True))
for bad in [lambda: base64.b64decode('abc'), lambda: base64.b64decode('a'), lambda: base64.b64decode('ab!c', validate=True), lambda: base64.b32decode('AAA'), lambda: base64.b16decode('zz'), lambda: binascii.unhexlify('abc'), lambda: binascii.unhexlify('zz')]:
    try: print(bad())
    except (binascii.Error, ValueError) as e: print(type(e).__name__, e)
print(binascii.hexlify(b'\x01\xab'), binascii.unhexlify(b'01ab'), binascii.crc32(b'hello world'), binascii.crc32(b''), binascii.crc32(b'abc', 12345), binascii.crc_hqx(b'hello', 0), binascii.b2a_base64(b'xyz'), binascii.a2b_base64(b'eHl6'))
print(base64.encodebytes(b'x' * 100), base64.decodebytes(base64.encodebytes(b'abc' * 40)) == b'abc' * 40, base64.standard_b64encode(b'std'))
print(base64.a85encode(b'\0\0\0\0 abc', foldspaces=True), base64.a85encode(b'hello world', adobe=True), base64.a85decode(b'<~BOu!rD]j7BEbo7~>', adobe=True), base64.a85encode(b'x' * 30, wrapcol=10))
