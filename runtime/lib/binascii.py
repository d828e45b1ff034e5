"""Conversion between binary data and ASCII (ftpy: pure Python)."""

__all__ = ['Error', 'Incomplete', 'a2b_base64', 'b2a_base64', 'a2b_hex', 'b2a_hex',
           'hexlify', 'unhexlify', 'crc32', 'crc_hqx']


class Error(ValueError):
    pass


class Incomplete(Exception):
    pass


Error.__module__ = 'binascii'
Incomplete.__module__ = 'binascii'

_B64 = b'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'
_B64REV = {c: i for i, c in enumerate(_B64)}


def _as_bytes(data, ascii_str_ok=False):
    if isinstance(data, str):
        if ascii_str_ok:
            try:
                return data.encode('ascii')
            except UnicodeEncodeError:
                raise ValueError('string argument should contain only ASCII characters')
        raise TypeError("a bytes-like object is required, not 'str'")
    return bytes(data)


def b2a_base64(data, *, newline=True):
    data = _as_bytes(data)
    out = bytearray()
    n = len(data)
    for i in range(0, n - n % 3, 3):
        v = (data[i] << 16) | (data[i + 1] << 8) | data[i + 2]
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63], _B64[v & 63]))
    rem = n % 3
    if rem == 1:
        v = data[n - 1] << 16
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63])) + b'=='
    elif rem == 2:
        v = (data[n - 2] << 16) | (data[n - 1] << 8)
        out += bytes((_B64[v >> 18], _B64[(v >> 12) & 63], _B64[(v >> 6) & 63])) + b'='
    if newline:
        out += b'\n'
    return bytes(out)


def a2b_base64(data, *, strict_mode=False):
    data = _as_bytes(data, True)
    if strict_mode and data[:1] == b'=':
        raise Error('Leading padding not allowed')
    acc = 0
    bits = 0
    out = bytearray()
    pads = 0
    quad_pos = 0
    for i, c in enumerate(data):
        if c == 61:   # '='
            if quad_pos >= 2 and quad_pos + pads + 1 >= 4:
                pads += 1
                # complete padding ends the data
                if strict_mode and i + 1 < len(data):
                    raise Error('Excess data after padding')
                quad_pos = 0
                acc = bits = 0
                pads = 0
                if not strict_mode:
                    continue
                break
            pads += 1
            continue
        v = _B64REV.get(c)
        if v is None:
            if strict_mode:
                raise Error('Only base64 data is allowed')
            continue
        if pads and strict_mode:
            raise Error('Discontinuous padding not allowed')
        pads = 0
        acc = (acc << 6) | v
        bits += 6
        quad_pos = (quad_pos + 1) & 3
        if bits >= 8:
            bits -= 8
            out.append((acc >> bits) & 0xff)
            acc &= (1 << bits) - 1
    if quad_pos != 0:
        if quad_pos == 1:
            raise Error('Invalid base64-encoded string: number of data characters '
                        '(%d) cannot be 1 more than a multiple of 4'
                        % sum(1 for c in data if c in _B64REV))
        raise Error('Incorrect padding')
    return bytes(out)


def b2a_hex(data, sep=None, bytes_per_sep=1):
    data = _as_bytes(data)
    if sep is None:
        return data.hex().encode('ascii')
    return data.hex(sep, bytes_per_sep).encode('ascii')


hexlify = b2a_hex


def a2b_hex(hexstr):
    hexstr = _as_bytes(hexstr, True)
    if len(hexstr) % 2:
        raise Error('Odd-length string')
    try:
        return bytes.fromhex(hexstr.decode('ascii'))
    except ValueError:
        raise Error('Non-hexadecimal digit found') from None


unhexlify = a2b_hex

_crc_table = []
for _i in range(256):
    _c = _i
    for _ in range(8):
        _c = (_c >> 1) ^ 0xEDB88320 if _c & 1 else _c >> 1
    _crc_table.append(_c)
del _i, _c


def crc32(data, crc=0):
    crc = ~crc & 0xffffffff
    table = _crc_table
    for b in _as_bytes(data):
        crc = table[(crc ^ b) & 0xff] ^ (crc >> 8)
    return ~crc & 0xffffffff


def crc_hqx(data, crc):
    crc &= 0xffff
    for b in _as_bytes(data):
        crc ^= b << 8
        for _ in range(8):
            crc = ((crc << 1) ^ 0x1021) & 0xffff if crc & 0x8000 else (crc << 1) & 0xffff
    return crc
