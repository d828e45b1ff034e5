"""Convert between Python values and C structs packed in bytes (ftpy: in
Python; floats are converted bit by bit with frexp/ldexp, rounding half to
even as the C casts do)."""

__all__ = ['calcsize', 'pack', 'pack_into', 'unpack', 'unpack_from',
           'iter_unpack', 'Struct', 'error']

from math import frexp as _frexp, ldexp as _ldexp, copysign as _copysign
from math import isnan as _isnan, isinf as _isinf


class error(Exception):
    pass


error.__module__ = 'struct'

# code -> (native size, standard size)
_SIZES = {
    'x': (1, 1), 'c': (1, 1), 'b': (1, 1), 'B': (1, 1), '?': (1, 1),
    'h': (2, 2), 'H': (2, 2), 'i': (4, 4), 'I': (4, 4), 'l': (8, 4),
    'L': (8, 4), 'q': (8, 8), 'Q': (8, 8), 'n': (8, None), 'N': (8, None),
    'e': (2, 2), 'f': (4, 4), 'd': (8, 8), 's': (1, 1), 'p': (1, 1),
    'P': (8, None),
}
_SIGNED = set('bhilqn')
_UNSIGNED = set('BHILQN')
_SMALL_NAMES = {'b': 'byte', 'B': 'ubyte', 'h': 'short', 'H': 'ushort'}
_LONG_MIN = -(1 << 63)
_LONG_MAX = (1 << 63) - 1
_ULONG_MAX = (1 << 64) - 1

# float layouts: code -> (exponent bits, mantissa bits)
_FLOATS = {'e': (5, 10), 'f': (8, 23), 'd': (11, 52)}


def _round_shift(v, shift):
    """v >> shift rounded half to even (v >= 0, shift > 0)."""
    q = v >> shift
    rem = v - (q << shift)
    half = 1 << (shift - 1)
    if rem > half or (rem == half and (q & 1)):
        q += 1
    return q


def _float_bits(x, code, strict):
    ebits, mbits = _FLOATS[code]
    emax = (1 << ebits) - 1
    bias = (1 << (ebits - 1)) - 1
    sign = 1 if _copysign(1.0, x) < 0 else 0
    if _isnan(x):
        return (sign << (ebits + mbits)) | (emax << mbits) | (1 << (mbits - 1))
    if _isinf(x):
        return (sign << (ebits + mbits)) | (emax << mbits)
    if x == 0.0:
        return sign << (ebits + mbits)
    m, e = _frexp(abs(x))
    full = int(m * 9007199254740992.0)      # m * 2**53, exact
    E = e - 1 + bias
    if E >= 1:
        shift = 53 - (mbits + 1)
        mant = _round_shift(full, shift) if shift > 0 else full
        if mant >> (mbits + 1):
            mant >>= 1
            E += 1
        if E >= emax:
            if strict:
                raise OverflowError(f"float too large to pack with {code} format")
            return (sign << (ebits + mbits)) | (emax << mbits)
        return (sign << (ebits + mbits)) | (E << mbits) | (mant - (1 << mbits))
    shift = -(e - 53 + bias - 1 + mbits)
    if shift > 0:
        units = _round_shift(full, shift) if shift < 200 else 0
    else:
        units = full << -shift
    return (sign << (ebits + mbits)) | units


def _bits_float(bits, code):
    ebits, mbits = _FLOATS[code]
    emax = (1 << ebits) - 1
    bias = (1 << (ebits - 1)) - 1
    sign = bits >> (ebits + mbits)
    E = (bits >> mbits) & emax
    mant = bits & ((1 << mbits) - 1)
    if E == emax:
        v = float('nan') if mant else float('inf')
    elif E == 0:
        v = _ldexp(float(mant), 1 - bias - mbits)
    else:
        v = _ldexp(float((1 << mbits) | mant), E - bias - mbits)
    return -v if sign else v


def _get_int(v):
    if isinstance(v, int):
        return int(v)
    index = getattr(type(v), '__index__', None)
    if index is None:
        raise error("required argument is not an integer")
    return index(v)


class Struct:
    """Struct(fmt) --> compiled struct object"""

    def __init__(self, format):
        if isinstance(format, bytes):
            fmt = format.decode('ascii')
        elif isinstance(format, str):
            fmt = format
        else:
            raise TypeError("Struct() argument 1 must be a str or bytes object, not %s"
                            % type(format).__name__)
        self.format = fmt
        self._compile(fmt)

    def _compile(self, fmt):
        order = '@'
        i = 0
        if fmt and fmt[0] in '@=<>!':
            order = fmt[0]
            i = 1
        native = order == '@'
        self._little = order in '<' or (order in '@=' and True)   # x86-64, aarch64
        if order in '>!':
            self._little = False
        self._native = native
        items = []        # (offset, code, count)
        size = 0
        n = len(fmt)
        while i < n:
            c = fmt[i]
            if c.isspace():
                i += 1
                continue
            count = 1
            if c.isdigit():
                j = i
                while j < n and fmt[j].isdigit():
                    j += 1
                count = int(fmt[i:j])
                if j >= n:
                    raise error("repeat count given without format specifier")
                i = j
                c = fmt[i]
            i += 1
            sz = _SIZES.get(c)
            if sz is None:
                raise error("bad char in struct format")
            itemsize = sz[0] if native else sz[1]
            if itemsize is None:
                raise error("bad char in struct format")
            if native and c not in 'sp' and itemsize > 1:
                size = (size + itemsize - 1) // itemsize * itemsize
            if c in 'sp':
                items.append((size, c, count))
                size += count
            elif c == 'x':
                size += count
            else:
                for _ in range(count):
                    items.append((size, c, itemsize))
                    size += itemsize
        self.size = size
        self._items = items
        self._nargs = len(items)

    def _pack_item(self, buf, off, code, n, v):
        little = self._little
        if code in 'sp':
            if not isinstance(v, (bytes, bytearray)):
                raise error(f"argument for '{code}' must be a bytes object")
            if code == 's':
                data = bytes(v[:n])
                buf[off:off + len(data)] = data
            elif n:
                data = bytes(v[:n - 1])
                buf[off] = min(len(data), 255)
                buf[off + 1:off + 1 + len(data)] = data
            return
        if code == 'c':
            if not isinstance(v, (bytes, bytearray)) or len(v) != 1:
                raise error("char format requires a bytes object of length 1")
            buf[off] = v[0]
            return
        if code == '?':
            buf[off] = 1 if v else 0
            return
        if code in _FLOATS:
            if not isinstance(v, float):
                f = getattr(type(v), '__float__', None)
                if f is None:
                    if getattr(type(v), '__index__', None) is None:
                        raise error("required argument is not a float")
                    v = float(v.__index__())
                else:
                    v = f(v)
            strict = code != 'f' or not self._native
            bits = _float_bits(v, code, strict)
            buf[off:off + n] = bits.to_bytes(n, 'little' if little else 'big')
            return
        v = _get_int(v)
        if code == 'P':
            if v < _LONG_MIN or v > _ULONG_MAX:
                raise error("argument out of range")
            v &= _ULONG_MAX
        elif code in _SIGNED:
            if v < _LONG_MIN or v > _LONG_MAX:
                raise error("argument out of range")
            lim = 1 << (8 * n - 1)
            if not -lim <= v < lim:
                if code in _SMALL_NAMES:
                    raise error(f"{_SMALL_NAMES[code]} format requires "
                                f"{-lim} <= number <= {lim - 1}")
                raise error(f"'{code}' format requires {-lim} <= number <= {lim - 1}")
            v &= (1 << (8 * n)) - 1
        else:
            if code in _SMALL_NAMES:
                if v < _LONG_MIN or v > _LONG_MAX:
                    raise error("argument out of range")
            elif v < 0 or v > _ULONG_MAX:
                raise error("argument out of range")
            top = (1 << (8 * n)) - 1
            if not 0 <= v <= top:
                if code in _SMALL_NAMES:
                    raise error(f"{_SMALL_NAMES[code]} format requires 0 <= number <= {top}")
                raise error(f"'{code}' format requires 0 <= number <= {top}")
        buf[off:off + n] = v.to_bytes(n, 'little' if little else 'big')

    def _pack_to(self, buf, base, args):
        for (off, code, n), v in zip(self._items, args):
            self._pack_item(buf, base + off, code, n, v)

    def pack(self, *args):
        if len(args) != self._nargs:
            raise error(f"pack expected {self._nargs} items for packing (got {len(args)})")
        buf = bytearray(self.size)
        self._pack_to(buf, 0, args)
        return bytes(buf)

    def pack_into(self, buffer, offset, *args):
        if len(args) != self._nargs:
            raise error(f"pack_into expected {self._nargs} items for packing (got {len(args)})")
        size = len(buffer)
        if offset < 0:
            if offset + size < 0:
                raise error(f"offset {offset} out of range for {size}-byte buffer")
            offset += size
        if size - offset < self.size:
            raise error(f"pack_into requires a buffer of at least {self.size + offset} "
                        f"bytes for packing {self.size} bytes at offset {offset} "
                        f"(actual buffer size is {size})")
        tmp = bytearray(self.size)
        self._pack_to(tmp, 0, args)
        buffer[offset:offset + self.size] = tmp

    def _unpack_at(self, data, base):
        little = 'little' if self._little else 'big'
        out = []
        for off, code, n in self._items:
            off += base
            if code == 's':
                out.append(bytes(data[off:off + n]))
            elif code == 'p':
                if n == 0:
                    out.append(b'')
                else:
                    ln = min(data[off], n - 1)
                    out.append(bytes(data[off + 1:off + 1 + ln]))
            elif code == 'c':
                out.append(bytes(data[off:off + 1]))
            elif code == '?':
                out.append(data[off] != 0)
            elif code in _FLOATS:
                out.append(_bits_float(int.from_bytes(data[off:off + n], little), code))
            else:
                out.append(int.from_bytes(data[off:off + n], little,
                                          signed=code in _SIGNED))
        return tuple(out)

    def unpack(self, buffer):
        if len(buffer) != self.size:
            raise error(f"unpack requires a buffer of {self.size} bytes")
        return self._unpack_at(buffer, 0)

    def unpack_from(self, buffer, offset=0):
        size = len(buffer)
        if offset < 0:
            if offset + size < 0:
                raise error(f"offset {offset} out of range for {size}-byte buffer")
            offset += size
        if size - offset < self.size:
            raise error(f"unpack_from requires a buffer of at least {self.size + offset} "
                        f"bytes for unpacking {self.size} bytes at offset {offset} "
                        f"(actual buffer size is {size})")
        return self._unpack_at(buffer, offset)

    def iter_unpack(self, buffer):
        if self.size == 0:
            raise error("cannot iteratively unpack with a struct of length 0")
        if len(buffer) % self.size:
            raise error(f"iterative unpacking requires a buffer of a multiple "
                        f"of {self.size} bytes")
        return (self._unpack_at(buffer, i) for i in range(0, len(buffer), self.size))

    def __repr__(self):
        return f"Struct({self.format!r})"


_cache = {}


def _get(fmt):
    s = _cache.get(fmt)
    if s is None:
        if len(_cache) > 200:
            _cache.clear()
        s = _cache[fmt] = Struct(fmt)
    return s


def calcsize(format, /):
    return _get(format).size


def pack(format, /, *v):
    return _get(format).pack(*v)


def pack_into(format, buffer, offset, /, *v):
    return _get(format).pack_into(buffer, offset, *v)


def unpack(format, buffer, /):
    return _get(format).unpack(buffer)


def unpack_from(format, /, buffer, offset=0):
    return _get(format).unpack_from(buffer, offset)


def iter_unpack(format, buffer, /):
    return _get(format).iter_unpack(buffer)
