"""Create portable serialized representations of Python objects.

ftpy: the pickler and unpickler are written in Python.  dumps() writes the
same bytes as CPython 3.11's C pickler (_pickle.c) for the protocols 0-5:
framing in protocol 4+ (frames of about 64 KiB, committed at the end of an
object, large bytes/str written outside frames), memoization of the same
objects, the same opcode choices.  The output goes into one bytearray whose
frame headers are reserved in advance and filled in (or removed when the frame
is too small) when the frame is committed.  No struct: ints are converted with
int.to_bytes/from_bytes and floats bit by bit.

Classes:
    Pickler
    Unpickler

Functions:
    dump(object, file)
    dumps(object) -> bytes
    load(file) -> object
    loads(bytes) -> object
"""

import sys
from math import frexp as _frexp, ldexp as _ldexp, isnan as _isnan, \
    isinf as _isinf, copysign as _copysign
import copyreg
from copyreg import dispatch_table
from copyreg import _extension_registry, _inverted_registry, _extension_cache

__all__ = ["PickleError", "PicklingError", "UnpicklingError", "Pickler",
           "Unpickler", "dump", "dumps", "load", "loads", "PickleBuffer",
           "HIGHEST_PROTOCOL", "DEFAULT_PROTOCOL"]

bytes_types = (bytes, bytearray)

format_version = "4.0"
compatible_formats = ["1.0", "1.1", "1.2", "1.3", "2.0", "3.0", "4.0", "5.0"]

HIGHEST_PROTOCOL = 5
DEFAULT_PROTOCOL = 4


class PickleError(Exception):
    """A common base class for the other pickling exceptions."""


class PicklingError(PickleError):
    """This exception is raised when an unpicklable object is passed to the
    dump() method."""


class UnpicklingError(PickleError):
    """This exception is raised when there is a problem unpickling an object,
    such as a security violation."""


class PickleBuffer:
    """Wrapper for potentially out-of-band buffers (protocol 5).  ftpy has
    no buffer protocol: the wrapped object is a bytes or bytearray (or has a
    tobytes() method); bytearray counts as writable."""

    __slots__ = ('_obj',)

    def __init__(self, buffer):
        if not isinstance(buffer, (bytes, bytearray)) and \
                not hasattr(buffer, 'tobytes'):
            raise TypeError("a bytes-like object is required, not '%s'"
                            % type(buffer).__name__)
        self._obj = buffer

    def raw(self):
        if self._obj is None:
            raise ValueError("operation forbidden on released PickleBuffer object")
        return self._obj

    def release(self):
        self._obj = None

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.release()

    def _data(self):
        obj = self.raw()
        if isinstance(obj, (bytes, bytearray)):
            return obj, isinstance(obj, bytes)
        return obj.tobytes(), not isinstance(obj, bytearray)

    def __reduce_ex__(self, protocol):
        raise TypeError("cannot pickle 'pickle.PickleBuffer' object")

# Opcodes (see pickletools in CPython for their documentation).
MARK = b'('
STOP = b'.'
POP = b'0'
POP_MARK = b'1'
DUP = b'2'
FLOAT = b'F'
INT = b'I'
BININT = b'J'
BININT1 = b'K'
LONG = b'L'
BININT2 = b'M'
NONE = b'N'
PERSID = b'P'
BINPERSID = b'Q'
REDUCE = b'R'
STRING = b'S'
BINSTRING = b'T'
SHORT_BINSTRING = b'U'
UNICODE = b'V'
BINUNICODE = b'X'
APPEND = b'a'
BUILD = b'b'
GLOBAL = b'c'
DICT = b'd'
EMPTY_DICT = b'}'
APPENDS = b'e'
GET = b'g'
BINGET = b'h'
INST = b'i'
LONG_BINGET = b'j'
LIST = b'l'
EMPTY_LIST = b']'
OBJ = b'o'
PUT = b'p'
BINPUT = b'q'
LONG_BINPUT = b'r'
SETITEM = b's'
TUPLE = b't'
EMPTY_TUPLE = b')'
SETITEMS = b'u'
BINFLOAT = b'G'
TRUE = b'I01\n'
FALSE = b'I00\n'
PROTO = b'\x80'
NEWOBJ = b'\x81'
EXT1 = b'\x82'
EXT2 = b'\x83'
EXT4 = b'\x84'
TUPLE1 = b'\x85'
TUPLE2 = b'\x86'
TUPLE3 = b'\x87'
NEWTRUE = b'\x88'
NEWFALSE = b'\x89'
LONG1 = b'\x8a'
LONG4 = b'\x8b'
_tuplesize2code = [EMPTY_TUPLE, TUPLE1, TUPLE2, TUPLE3]
BINBYTES = b'B'
SHORT_BINBYTES = b'C'
SHORT_BINUNICODE = b'\x8c'
BINUNICODE8 = b'\x8d'
BINBYTES8 = b'\x8e'
EMPTY_SET = b'\x8f'
ADDITEMS = b'\x90'
FROZENSET = b'\x91'
NEWOBJ_EX = b'\x92'
STACK_GLOBAL = b'\x93'
MEMOIZE = b'\x94'
FRAME = b'\x95'
BYTEARRAY8 = b'\x96'
NEXT_BUFFER = b'\x97'
READONLY_BUFFER = b'\x98'

_FRAME_SIZE_TARGET = 64 * 1024
_FRAME_SIZE_MIN = 4
_BATCHSIZE = 1000
_READ_AHEAD = 65536       # read-ahead of the unpickler on seekable files
_NOFRAME = b'\x95\x00\x00\x00\x00\x00\x00\x00\x00'   # reserved frame header

# opcode + one-byte argument, for each argument value (bytes((op, n)) is slow)
_BININT1_OPS = [bytes((0x4b, i)) for i in range(256)]
_SHORT_BINUNICODE_OPS = [bytes((0x8c, i)) for i in range(256)]
_SHORT_BINBYTES_OPS = [bytes((0x43, i)) for i in range(256)]
_BINPUT_OPS = [bytes((0x71, i)) for i in range(256)]
_BINGET_OPS = [bytes((0x68, i)) for i in range(256)]


# ---------------------------------------------------------------------------
# Helpers without struct.

def _pack_double(x):
    """IEEE 754 binary64, big-endian (struct.pack('>d', x))."""
    if x != x:
        bits = 0x7ff8000000000000
        if _copysign(1.0, x) < 0:
            bits |= 1 << 63
        return bits.to_bytes(8, 'big')
    sign = 0
    if x < 0 or (x == 0 and _copysign(1.0, x) < 0):
        sign = 1 << 63
        x = -x
    if x == 0:
        return sign.to_bytes(8, 'big')
    if _isinf(x):
        return (sign | 0x7ff0000000000000).to_bytes(8, 'big')
    m, e = _frexp(x)            # x = m * 2**e, 0.5 <= m < 1
    if e > -1021:               # normal
        bits = sign | ((e + 1022) << 52) | (int(m * 9007199254740992.0) - (1 << 52))
    else:                       # subnormal
        bits = sign | int(_ldexp(m, e + 1074))
    return bits.to_bytes(8, 'big')


def _unpack_double(b):
    bits = int.from_bytes(b, 'big')
    sign = bits >> 63
    exp = (bits >> 52) & 0x7ff
    mant = bits & 0xfffffffffffff
    if exp == 0x7ff:
        v = float('nan') if mant else float('inf')
    elif exp == 0:
        v = _ldexp(float(mant), -1074)
    else:
        v = _ldexp(float(mant | (1 << 52)), exp - 1075)
    return -v if sign else v


def encode_long(x):
    r"""Encode a long to a two's complement little-endian binary string.
    Note that 0 is a special case, returning an empty string, to save a
    byte in the LONG1 pickling context.
    """
    if x == 0:
        return b''
    nbytes = (x.bit_length() >> 3) + 1
    result = x.to_bytes(nbytes, byteorder='little', signed=True)
    if x < 0 and nbytes > 1:
        if result[-1] == 0xff and (result[-2] & 0x80) != 0:
            result = result[:-1]
    return result


def decode_long(data):
    r"""Decode a long from a two's complement little-endian binary string."""
    return int.from_bytes(data, byteorder='little', signed=True)


_RUE_SPECIAL = ('\\', '\0', '\n', '\r', '\x1a')


def _raw_unicode_escape(s):
    """s encoded with raw-unicode-escape, with also \\, NUL, \\n, \\r and
    \\x1a escaped (what protocol 0's UNICODE opcode holds)."""
    if s.isascii() or max(s) < '\u0100':
        for c in _RUE_SPECIAL:
            if c in s:
                s = s.replace(c, '\\u%04x' % ord(c))
        return s.encode('latin-1')
    out = []
    for c in s:
        o = ord(c)
        if o >= 0x10000:
            out.append('\\U%08x' % o)
        elif o >= 0x100 or c in _RUE_SPECIAL:
            out.append('\\u%04x' % o)
        else:
            out.append(c)
    return ''.join(out).encode('latin-1')


_HEXDIGITS = frozenset('0123456789abcdefABCDEF')


def _decode_raw_unicode_escape(b):
    s = str(b, 'latin-1')
    if '\\' not in s:
        return s
    out = []
    i = 0
    n = len(s)
    while True:
        j = s.find('\\', i)
        if j < 0:
            out.append(s[i:])
            break
        out.append(s[i:j])
        k = j
        while k < n and s[k] == '\\':
            k += 1
        nb = k - j
        if nb & 1 and k < n and s[k] in 'uU':
            out.append('\\' * (nb - 1))
            width = 4 if s[k] == 'u' else 8
            h = s[k + 1:k + 1 + width]
            if len(h) != width or not _HEXDIGITS.issuperset(h):
                raise UnicodeDecodeError('rawunicodeescape', bytes(b), j, k + 1,
                                         'truncated \\uXXXX escape' if width == 4
                                         else 'truncated \\UXXXXXXXX escape')
            code = int(h, 16)
            if code > 0x10ffff:
                raise UnicodeDecodeError('rawunicodeescape', bytes(b), j, k + 1 + width,
                                         '\\Uxxxxxxxx out of range')
            out.append(chr(code))
            i = k + 1 + width
        else:
            out.append(s[j:k])
            i = k
    return ''.join(out)


_SIMPLE_ESCAPES = {'\\': '\\', "'": "'", '"': '"', 'a': '\a', 'b': '\b',
                   'f': '\f', 'n': '\n', 'r': '\r', 't': '\t', 'v': '\v',
                   '\n': ''}


def _decode_string_escape(s):
    """Python 2 str literal body (escape_decode) -> bytes."""
    if '\\' not in s:
        return s.encode('latin-1')
    out = []
    i = 0
    n = len(s)
    while i < n:
        c = s[i]
        if c != '\\':
            j = s.find('\\', i)
            if j < 0:
                j = n
            out.append(s[i:j])
            i = j
            continue
        i += 1
        if i >= n:
            raise ValueError("Trailing \\ in string")
        c = s[i]
        if c in _SIMPLE_ESCAPES:
            out.append(_SIMPLE_ESCAPES[c])
            i += 1
        elif c == 'x':
            h = s[i + 1:i + 3]
            if len(h) != 2 or not _HEXDIGITS.issuperset(h):
                raise ValueError("invalid \\x escape at position %d" % (i - 1))
            out.append(chr(int(h, 16)))
            i += 3
        elif '0' <= c <= '7':
            j = i
            while j < n and j < i + 3 and '0' <= s[j] <= '7':
                j += 1
            out.append(chr(int(s[i:j], 8) & 0xff))
            i = j
        else:
            out.append('\\' + c)
            i += 1
    return ''.join(out).encode('latin-1')


def _decode_utf8(b):
    """UTF-8 with surrogatepass (encoded lone surrogates allowed)."""
    try:
        return str(b, 'utf-8')
    except UnicodeDecodeError:
        pass
    out = []
    i = 0
    n = len(b)
    while True:
        j = b.find(b'\xed', i)
        while j >= 0 and not (j + 2 < n and 0xa0 <= b[j + 1] <= 0xbf and
                              0x80 <= b[j + 2] <= 0xbf):
            j = b.find(b'\xed', j + 1)
        if j < 0:
            out.append(str(b[i:], 'utf-8'))
            return ''.join(out)
        out.append(str(b[i:j], 'utf-8'))
        out.append(chr(0xd000 | ((b[j + 1] & 0x3f) << 6) | (b[j + 2] & 0x3f)))
        i = j + 3


def _codecs_encode(obj, encoding='utf-8', errors='strict'):
    return obj.encode(encoding, errors)


def _getattribute(obj, name):
    top = obj
    for subpath in name.split('.'):
        if subpath == '<locals>':
            raise AttributeError("Can't get local attribute {!r} on {!r}"
                                 .format(name, top))
        try:
            parent = obj
            obj = getattr(obj, subpath)
        except AttributeError:
            raise AttributeError("Can't get attribute {!r} on {!r}"
                                 .format(name, top)) from None
    return obj, parent


def whichmodule(obj, name):
    """Find the module an object belong to."""
    module_name = getattr(obj, '__module__', None)
    if module_name is not None:
        return module_name
    for module_name, module in sys.modules.copy().items():
        if (module_name == '__main__'
                or module_name == '__mp_main__'
                or module is None):
            continue
        try:
            if _getattribute(module, name)[0] is obj:
                return module_name
        except AttributeError:
            pass
    return '__main__'


def _import_module(name):
    __import__(name)
    return sys.modules[name]


_function_type = type(whichmodule)
_codecs_encode.__module__ = '_codecs'
_codecs_encode.__qualname__ = _codecs_encode.__name__ = 'encode'
_builtin_function_type = type(len)


class _MethodHolder:
    def method(self):
        pass


_method_type = type(_MethodHolder().method)
del _MethodHolder


def _reduce_builtin_function(obj):
    self = getattr(obj, '__self__', None)
    if self is None or type(self) is type(sys):
        return obj.__name__
    return getattr, (self, obj.__name__)


def _reduce_method(obj):
    return getattr, (obj.__self__, obj.__func__.__name__)


# Reductions of core types that ftpy's core does not provide.
_core_reducers = {
    _builtin_function_type: _reduce_builtin_function,
    _method_type: _reduce_method,
}


# ---------------------------------------------------------------------------
# Pickling

class Pickler:

    def __init__(self, file, protocol=None, *, fix_imports=True,
                 buffer_callback=None):
        if protocol is None:
            protocol = DEFAULT_PROTOCOL
        if protocol < 0:
            protocol = HIGHEST_PROTOCOL
        elif not 0 <= protocol <= HIGHEST_PROTOCOL:
            raise ValueError("pickle protocol must be <= %d" % HIGHEST_PROTOCOL)
        if buffer_callback is not None and protocol < 5:
            raise ValueError("buffer_callback needs protocol >= 5")
        self._buffer_callback = buffer_callback
        try:
            self._file_write = file.write
        except AttributeError:
            raise TypeError("file must have a 'write' attribute")
        self.memo = {}
        self.proto = int(protocol)
        self.bin = int(protocol >= 1)
        self.fast = 0
        self.fix_imports = fix_imports and protocol < 3
        self._buf = None
        self._fstart = -1
        self._pid = None
        self._ro = None
        self._short_str = False

    def clear_memo(self):
        """Clears the pickler's "memo"."""
        self.memo.clear()

    def dump(self, obj):
        """Write a pickled representation of obj to the open file."""
        if not hasattr(self, "_file_write"):
            raise PicklingError("Pickler.__init__() was not called by "
                                "%s.__init__()" % (self.__class__.__name__,))
        try:
            buf = self._dump_into(obj)
            if buf:
                self._file_write(bytes(buf))
        finally:
            self._buf = None

    def _dump_into(self, obj):
        buf = self._buf = bytearray()
        pid = self.persistent_id
        if getattr(pid, '__func__', None) is Pickler.persistent_id:
            pid = None
        self._pid = pid
        self._ro = getattr(self, 'reducer_override', None)
        self._short_str = self.proto >= 4 and not self.fast
        if self.proto >= 2:
            buf += bytes((0x80, self.proto))
        if self.proto >= 4:
            self._fstart = len(buf)
            buf += _NOFRAME
        else:
            self._fstart = -1
        self.save(obj)
        buf += STOP
        self._commit_frame(False)
        return buf

    def _commit_frame(self, restart):
        start = self._fstart
        if start < 0:
            return
        buf = self._buf
        n = len(buf) - start - 9
        if n >= _FRAME_SIZE_MIN:
            buf[start + 1:start + 9] = n.to_bytes(8, 'little')
        else:
            del buf[start:start + 9]
        if restart:
            if self._file_write is not None and len(buf) >= _FRAME_SIZE_TARGET:
                self._file_write(bytes(buf))
                buf.clear()
            self._fstart = len(buf)
            buf += _NOFRAME
        else:
            self._fstart = -1

    def _write_large(self, header, payload):
        """Header and payload of a large bytes/str: outside frames."""
        framing = self._fstart >= 0
        if framing:
            self._commit_frame(False)
        buf = self._buf
        buf += header
        buf += payload
        if framing:
            self._fstart = len(buf)
            buf += _NOFRAME

    def memoize(self, obj):
        """Store an object in the memo."""
        if self.fast:
            return
        memo = self.memo
        idx = len(memo)
        memo[id(obj)] = idx, obj
        if self.proto >= 4:
            self._buf += MEMOIZE
        elif self.bin:
            if idx < 256:
                self._buf += _BINPUT_OPS[idx]
            else:
                self._buf += b'r' + idx.to_bytes(4, 'little')
        else:
            self._buf += b'p%d\n' % idx

    def _memo_get(self, idx):
        if self.bin:
            if idx < 256:
                self._buf += _BINGET_OPS[idx]
            else:
                self._buf += b'j' + idx.to_bytes(4, 'little')
        else:
            self._buf += b'g%d\n' % idx

    def persistent_id(self, obj):
        return None

    def save(self, obj, save_persistent_id=True):
        if save_persistent_id and self._pid is not None:
            pid = self._pid(obj)
            if pid is not None:
                self.save_pers(pid)
                return
        t = type(obj)
        buf = self._buf
        if obj is None:
            buf += NONE
        elif t is bool:
            if self.proto >= 2:
                buf += NEWTRUE if obj else NEWFALSE
            else:
                buf += TRUE if obj else FALSE
        elif t is int:
            self.save_long(obj)
        elif t is float:
            if self.bin:
                buf += BINFLOAT
                buf += _pack_double(obj)
            else:
                buf += b'F' + repr(obj).encode('ascii') + b'\n'
        else:
            memo = self.memo
            x = memo.get(id(obj))
            if x is not None:
                self._memo_get(x[0])
            elif t is str and self._short_str:
                # the common case of save_str, inline
                try:
                    encoded = obj.encode()
                except UnicodeEncodeError:
                    encoded = obj.encode('utf-8', 'surrogatepass')
                n = len(encoded)
                if n < 256:
                    buf += _SHORT_BINUNICODE_OPS[n]
                    buf += encoded
                    buf += MEMOIZE
                    memo[id(obj)] = len(memo), obj
                else:
                    self.save_str(obj)
            else:
                f = self.dispatch.get(t)
                if f is not None and (self._ro is None or
                                      t not in _OVERRIDABLE):
                    f(self, obj)
                else:
                    self._save_other(obj, t)
        if self._fstart >= 0 and len(buf) - self._fstart - 9 >= _FRAME_SIZE_TARGET:
            self._commit_frame(True)

    def _save_other(self, obj, t):
        if self._ro is not None:
            rv = self._ro(obj)
            if rv is not NotImplemented:
                self._save_reduce_value(obj, rv)
                return
            f = self.dispatch.get(t)
            if f is not None:
                f(self, obj)
                return
        reduce = getattr(self, 'dispatch_table', dispatch_table).get(t)
        if reduce is not None:
            rv = reduce(obj)
        elif issubclass(t, type):
            self.save_global(obj)
            return
        else:
            reduce = _core_reducers.get(t)
            if reduce is not None:
                rv = reduce(obj)
            else:
                reduce = getattr(obj, "__reduce_ex__", None)
                if reduce is not None:
                    rv = reduce(self.proto)
                else:
                    reduce = getattr(obj, "__reduce__", None)
                    if reduce is not None:
                        rv = reduce()
                    else:
                        raise PicklingError("Can't pickle %r object: %r" %
                                            (t.__name__, obj))
        self._save_reduce_value(obj, rv)

    def _save_reduce_value(self, obj, rv):
        if isinstance(rv, str):
            self.save_global(obj, rv)
            return
        if not isinstance(rv, tuple):
            raise PicklingError("__reduce__ must return a string or tuple")
        self.save_reduce(*_check_reduce(rv), obj=obj)

    def save_pers(self, pid):
        if self.bin:
            self.save(pid, save_persistent_id=False)
            self._buf += BINPERSID
        else:
            try:
                self._buf += PERSID + str(pid).encode("ascii") + b'\n'
            except UnicodeEncodeError:
                raise PicklingError(
                    "persistent IDs in protocol 0 must be ASCII strings")

    def save_reduce(self, func, args, state=None, listitems=None,
                    dictitems=None, state_setter=None, *, obj=None):
        if not isinstance(args, tuple):
            raise PicklingError("second item of the tuple returned by "
                                "__reduce__ must be a tuple")
        if not callable(func):
            raise PicklingError("first item of the tuple returned by "
                                "__reduce__ must be callable")
        save = self.save
        proto = self.proto
        func_name = getattr(func, "__name__", "") if proto >= 2 else ""
        if func_name == "__newobj_ex__":
            if len(args) != 3:
                raise PicklingError("length of the NEWOBJ_EX argument tuple "
                                    "must be exactly 3, not %d" % len(args))
            cls, args, kwargs = args
            if not isinstance(cls, type):
                raise PicklingError("first item from NEWOBJ_EX argument tuple "
                                    "must be a class, not %s" % type(cls).__name__)
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("first item from NEWOBJ_EX argument tuple "
                                    "must be %s, not %s" % (obj.__class__, cls))
            if not isinstance(args, tuple):
                raise PicklingError("second item from NEWOBJ_EX argument tuple "
                                    "must be a tuple, not %s" % type(args).__name__)
            if not isinstance(kwargs, dict):
                raise PicklingError("third item from NEWOBJ_EX argument tuple "
                                    "must be a dict, not %s" % type(kwargs).__name__)
            if proto >= 4:
                save(cls)
                save(args)
                save(kwargs)
                self._buf += NEWOBJ_EX
            else:
                from functools import partial
                func = partial(cls.__new__, cls, *args, **kwargs)
                save(func)
                save(())
                self._buf += REDUCE
        elif func_name == "__newobj__":
            if len(args) < 1:
                raise PicklingError("__newobj__ arglist is empty")
            cls = args[0]
            if not isinstance(cls, type):
                raise PicklingError("args[0] from __newobj__ args is not a type")
            if obj is not None and cls is not obj.__class__:
                raise PicklingError("args[0] from __newobj__ args has the wrong class")
            save(cls)
            save(args[1:])
            self._buf += NEWOBJ
        else:
            save(func)
            save(args)
            self._buf += REDUCE

        if obj is not None:
            x = self.memo.get(id(obj))
            if x is not None:
                self._buf += POP
                self._memo_get(x[0])
            else:
                self.memoize(obj)

        if listitems is not None:
            self._batch_appends(listitems)
        if dictitems is not None:
            self._batch_setitems(dictitems)
        if state is not None:
            if state_setter is None:
                save(state)
                self._buf += BUILD
            else:
                save(state_setter)
                save(obj)
                save(state)
                self._buf += TUPLE2 + REDUCE + POP

    # Methods below this point are dispatched through the dispatch table

    dispatch = {}

    def save_long(self, obj):
        buf = self._buf
        if -0x80000000 <= obj <= 0x7fffffff:
            if self.bin:
                if 0 <= obj:
                    if obj <= 0xff:
                        buf += _BININT1_OPS[obj]
                        return
                    if obj <= 0xffff:
                        buf += b'M' + obj.to_bytes(2, 'little')
                        return
                buf += b'J' + obj.to_bytes(4, 'little', signed=True)
            else:
                buf += b'I%d\n' % obj
            return
        if self.proto >= 2:
            data = encode_long(obj)
            n = len(data)
            if n < 256:
                buf += bytes((0x8a, n))
            else:
                if n > 0x7fffffff:
                    raise OverflowError("int too large to pickle")
                buf += LONG4 + n.to_bytes(4, 'little')
            buf += data
            return
        buf += b'L%dL\n' % obj

    def save_bytes(self, obj):
        n = len(obj)
        if self.proto < 3:
            if not obj:
                self.save_reduce(bytes, (), obj=obj)
            else:
                # CPython writes a call of _codecs.encode(text, 'latin1')
                x = self.memo.get(id(_codecs_encode))
                if x is not None:
                    self._memo_get(x[0])
                else:
                    self._buf += b'c_codecs\nencode\n'
                    self.memoize(_codecs_encode)
                self.save((str(obj, 'latin-1'), 'latin1'))
                self._buf += REDUCE
                x = self.memo.get(id(obj))
                if x is not None:
                    self._buf += POP
                    self._memo_get(x[0])
                else:
                    self.memoize(obj)
            return
        self._save_bytes_data(obj, obj)

    def _save_bytes_data(self, obj, data):
        n = len(data)
        obj_ = obj
        obj = data
        if n < 256:
            header = _SHORT_BINBYTES_OPS[n]
        elif n > 0xffffffff and self.proto >= 4:
            header = BINBYTES8 + n.to_bytes(8, 'little')
        else:
            header = BINBYTES + n.to_bytes(4, 'little')
        if n >= _FRAME_SIZE_TARGET:
            self._write_large(header, obj)
        else:
            buf = self._buf
            buf += header
            buf += obj
        self.memoize(obj_)
    dispatch[bytes] = save_bytes

    def save_bytearray(self, obj):
        if self.proto < 5:
            if not obj:
                self.save_reduce(bytearray, (), obj=obj)
            else:
                self.save_reduce(bytearray, (bytes(obj),), obj=obj)
            return
        self._save_bytearray_data(obj, obj)

    def _save_bytearray_data(self, obj_, obj):
        n = len(obj)
        header = BYTEARRAY8 + n.to_bytes(8, 'little')
        if n >= _FRAME_SIZE_TARGET:
            self._write_large(header, obj)
        else:
            buf = self._buf
            buf += header
            buf += obj
        self.memoize(obj_)
    dispatch[bytearray] = save_bytearray

    def save_picklebuffer(self, obj):
        if self.proto < 5:
            raise PicklingError("PickleBuffer can only pickled with "
                                "protocol >= 5")
        data, readonly = obj._data()
        in_band = True
        if self._buffer_callback is not None:
            in_band = bool(self._buffer_callback(obj))
        if in_band:
            # the data as bytes/bytearray, memoized as the PickleBuffer
            if readonly:
                self._save_bytes_data(obj, data)
            else:
                self._save_bytearray_data(obj, data)
        else:
            self._buf += NEXT_BUFFER
            if readonly:
                self._buf += READONLY_BUFFER
    dispatch[PickleBuffer] = save_picklebuffer

    def save_str(self, obj):
        if self.bin:
            encoded = obj.encode('utf-8', 'surrogatepass')
            n = len(encoded)
            if n < 256 and self.proto >= 4:
                header = _SHORT_BINUNICODE_OPS[n]
            elif n > 0xffffffff and self.proto >= 4:
                header = BINUNICODE8 + n.to_bytes(8, 'little')
            else:
                header = BINUNICODE + n.to_bytes(4, 'little')
            if n >= _FRAME_SIZE_TARGET:
                self._write_large(header, encoded)
            else:
                buf = self._buf
                buf += header
                buf += encoded
        else:
            self._buf += UNICODE + _raw_unicode_escape(obj) + b'\n'
        self.memoize(obj)
    dispatch[str] = save_str

    def save_tuple(self, obj):
        n = len(obj)
        if not n:
            if self.bin:
                self._buf += EMPTY_TUPLE
            else:
                self._buf += MARK + TUPLE
            return
        save = self.save
        memo = self.memo
        if n <= 3 and self.proto >= 2:
            for element in obj:
                save(element)
            x = memo.get(id(obj))
            if x is not None:
                self._buf += POP * n
                self._memo_get(x[0])
            else:
                self._buf += _tuplesize2code[n]
                self.memoize(obj)
            return
        self._buf += MARK
        for element in obj:
            save(element)
        x = memo.get(id(obj))
        if x is not None:
            if self.bin:
                self._buf += POP_MARK
            else:
                self._buf += POP * (n + 1)
            self._memo_get(x[0])
            return
        self._buf += TUPLE
        self.memoize(obj)
    dispatch[tuple] = save_tuple

    def save_list(self, obj):
        if self.bin:
            self._buf += EMPTY_LIST
        else:
            self._buf += MARK + LIST
        self.memoize(obj)
        if not obj:
            return
        save = self.save
        if not self.bin:
            for x in obj:
                save(x)
                self._buf += APPEND
            return
        if len(obj) == 1:
            save(obj[0])
            self._buf += APPEND
            return
        total = 0
        while total < len(obj):
            self._buf += MARK
            this_batch = 0
            while total < len(obj):
                save(obj[total])
                total += 1
                this_batch += 1
                if this_batch == _BATCHSIZE:
                    break
            self._buf += APPENDS
    dispatch[list] = save_list

    def _batch_appends(self, items):
        save = self.save
        if not self.bin:
            for x in items:
                save(x)
                self._buf += APPEND
            return
        it = iter(items)
        while True:
            try:
                first = next(it)
            except StopIteration:
                return
            try:
                second = next(it)
            except StopIteration:
                save(first)
                self._buf += APPEND
                return
            self._buf += MARK
            save(first)
            save(second)
            n = 2
            for x in it:
                save(x)
                n += 1
                if n == _BATCHSIZE:
                    break
            self._buf += APPENDS
            if n != _BATCHSIZE:
                return

    def save_dict(self, obj):
        if self.bin:
            self._buf += EMPTY_DICT
        else:
            self._buf += MARK + DICT
        self.memoize(obj)
        if not obj:
            return
        if not self.bin:
            self._batch_setitems(iter(obj.items()))
            return
        save = self.save
        if len(obj) == 1:
            for k, v in obj.items():
                save(k)
                save(v)
            self._buf += SETITEM
            return
        size = len(obj)
        it = iter(obj.items())
        while True:
            self._buf += MARK
            i = 0
            for k, v in it:
                save(k)
                save(v)
                i += 1
                if i == _BATCHSIZE:
                    break
            self._buf += SETITEMS
            if len(obj) != size:
                raise RuntimeError("dictionary changed size during iteration")
            if i != _BATCHSIZE:
                return
    dispatch[dict] = save_dict

    def _batch_setitems(self, items):
        save = self.save
        if not self.bin:
            for k, v in items:
                save(k)
                save(v)
                self._buf += SETITEM
            return
        it = iter(items)
        while True:
            try:
                first = next(it)
            except StopIteration:
                return
            try:
                second = next(it)
            except StopIteration:
                k, v = _check_item(first)
                save(k)
                save(v)
                self._buf += SETITEM
                return
            self._buf += MARK
            k, v = _check_item(first)
            save(k)
            save(v)
            k, v = _check_item(second)
            save(k)
            save(v)
            n = 2
            for x in it:
                k, v = _check_item(x)
                save(k)
                save(v)
                n += 1
                if n == _BATCHSIZE:
                    break
            self._buf += SETITEMS
            if n != _BATCHSIZE:
                return

    def save_set(self, obj):
        if self.proto < 4:
            self.save_reduce(set, (list(obj),), obj=obj)
            return
        self._buf += EMPTY_SET
        self.memoize(obj)
        size = len(obj)
        if not size:
            return
        save = self.save
        it = iter(obj)
        while True:
            self._buf += MARK
            i = 0
            for x in it:
                save(x)
                i += 1
                if i == _BATCHSIZE:
                    break
            self._buf += ADDITEMS
            if len(obj) != size:
                raise RuntimeError("set changed size during iteration")
            if i != _BATCHSIZE:
                return
    dispatch[set] = save_set

    def save_frozenset(self, obj):
        if self.proto < 4:
            self.save_reduce(frozenset, (list(obj),), obj=obj)
            return
        self._buf += MARK
        save = self.save
        for x in obj:
            save(x)
        x = self.memo.get(id(obj))
        if x is not None:
            self._buf += POP_MARK
            self._memo_get(x[0])
            return
        self._buf += FROZENSET
        self.memoize(obj)
    dispatch[frozenset] = save_frozenset

    def save_global(self, obj, name=None):
        proto = self.proto
        if name is None:
            name = getattr(obj, '__qualname__', None)
            if name is None:
                name = obj.__name__
        module_name = whichmodule(obj, name)
        if '<locals>' in name.split('.'):
            raise AttributeError("Can't pickle local object %r" % (name,))
        try:
            module = _import_module(module_name)
        except Exception:
            raise PicklingError(
                "Can't pickle %r: import of module %r failed" %
                (obj, module_name)) from None
        dotted_path = name.split('.')
        parent = module
        obj2 = module
        try:
            for subpath in dotted_path:
                parent = obj2
                obj2 = getattr(obj2, subpath)
        except AttributeError:
            raise PicklingError(
                "Can't pickle %r: attribute lookup %s on %s failed" %
                (obj, name, module_name)) from None
        if obj2 is not obj:
            raise PicklingError(
                "Can't pickle %r: it's not the same object as %s.%s" %
                (obj, module_name, name))
        lastname = dotted_path[-1]

        if proto >= 2:
            code = _extension_registry.get((module_name, name))
            if code:
                assert code > 0
                if code <= 0xff:
                    self._buf += EXT1 + bytes((code,))
                elif code <= 0xffff:
                    self._buf += EXT2 + code.to_bytes(2, 'little')
                else:
                    self._buf += EXT4 + code.to_bytes(4, 'little')
                return
        if parent is module:
            name = lastname
        if proto >= 4:
            self.save(module_name)
            self.save(name)
            self._buf += STACK_GLOBAL
        elif parent is not module:
            self.save_reduce(getattr, (parent, lastname))
        else:
            if self.fix_imports:
                from _compat_pickle import REVERSE_NAME_MAPPING, \
                    REVERSE_IMPORT_MAPPING
                r_name_mapping = REVERSE_NAME_MAPPING
                r_import_mapping = REVERSE_IMPORT_MAPPING
                if (module_name, name) in r_name_mapping:
                    module_name, name = r_name_mapping[(module_name, name)]
                elif module_name in r_import_mapping:
                    module_name = r_import_mapping[module_name]
            enc = 'utf-8' if proto >= 3 else 'ascii'
            try:
                self._buf += (GLOBAL + module_name.encode(enc) + b'\n' +
                              name.encode(enc) + b'\n')
            except UnicodeEncodeError:
                raise PicklingError(
                    "can't pickle global identifier '%s.%s' using "
                    "pickle protocol %i" % (module_name, name, proto)) from None
        self.memoize(obj)

    def save_type(self, obj):
        if obj is type(None):
            return self.save_reduce(type, (None,), obj=obj)
        elif obj is type(NotImplemented):
            return self.save_reduce(type, (NotImplemented,), obj=obj)
        elif obj is type(...):
            return self.save_reduce(type, (...,), obj=obj)
        return self.save_global(obj)

    dispatch[_function_type] = save_global
    dispatch[type] = save_type


# types reducer_override sees (the others are saved before it is asked)
_OVERRIDABLE = frozenset([type, _function_type])


def _check_item(x):
    if not isinstance(x, tuple) or len(x) != 2:
        raise TypeError("dict items iterator must return 2-tuples")
    return x


def _check_reduce(rv):
    n = len(rv)
    if not 2 <= n <= 6:
        raise PicklingError("tuple returned by __reduce__ "
                            "must contain 2 through 6 elements")
    rv = rv + (None,) * (6 - n)
    func, args, state, listitems, dictitems, state_setter = rv
    if not callable(func):
        raise PicklingError("first item of the tuple returned by "
                            "__reduce__ must be callable")
    if not isinstance(args, tuple):
        raise PicklingError("second item of the tuple returned by "
                            "__reduce__ must be a tuple")
    if listitems is not None and not hasattr(listitems, '__next__'):
        raise PicklingError("fourth element of the tuple returned by "
                            "__reduce__ must be an iterator, not %s"
                            % type(listitems).__name__)
    if dictitems is not None and not hasattr(dictitems, '__next__'):
        raise PicklingError("fifth element of the tuple returned by "
                            "__reduce__ must be an iterator, not %s"
                            % type(dictitems).__name__)
    if state_setter is not None and not callable(state_setter):
        raise PicklingError("sixth element of the tuple returned by "
                            "__reduce__ must be a function, not %s"
                            % type(state_setter).__name__)
    return rv


# ---------------------------------------------------------------------------
# Unpickling

class Unpickler:

    def __init__(self, file, *, fix_imports=True,
                 encoding="ASCII", errors="strict", buffers=None):
        self._buffers = iter(buffers) if buffers is not None else None
        try:
            self._file_read = file.read
            self._file_readline = file.readline
        except AttributeError:
            raise TypeError("file must have 'read' and 'readline' attributes")
        self._ahead = False
        try:
            if file.seekable():
                self._file_seek = file.seek
                self._ahead = True
        except Exception:
            pass
        self._data = b''
        self._pos = 0
        self.memo = {}
        self.encoding = encoding
        self.errors = errors
        self.proto = 0
        self.fix_imports = fix_imports

    def load(self):
        """Read a pickled object representation from the open file."""
        if not hasattr(self, "_data"):
            raise UnpicklingError("Unpickler.__init__() was not called by "
                                  "%s.__init__()" % (self.__class__.__name__,))
        self.metastack = []
        self.stack = []
        self.append = self.stack.append
        self.proto = 0
        dispatch = self.dispatch
        while True:
            data = self._data
            pos = self._pos
            if pos < len(data):
                key = data[pos]
                self._pos = pos + 1
            else:
                key = self._read_more(1, True)[0]
            if key == 0x2e:     # STOP
                stack = self.stack
                if not stack:
                    raise UnpicklingError("unpickling stack underflow")
                value = stack.pop()
                self.stack = self.metastack = self.append = None
                if self._ahead:
                    left = len(self._data) - self._pos
                    self._data = b''
                    self._pos = 0
                    if left:
                        self._file_seek(-left, 1)
                return value
            f = dispatch[key]
            if f is None:
                if 0x20 <= key < 0x7f:
                    raise UnpicklingError("invalid load key, '%s'." % chr(key))
                raise UnpicklingError("invalid load key, '\\x%02x'." % key)
            f(self)

    # reading

    def read(self, n):
        pos = self._pos
        end = pos + n
        data = self._data
        if end <= len(data):
            self._pos = end
            return data[pos:end]
        return self._read_more(n, False)

    def _read_more(self, n, at_opcode):
        data = self._data
        rest = data[self._pos:]
        self._data = b''
        self._pos = 0
        if self._file_read is None:
            if at_opcode and not rest:
                raise EOFError("Ran out of input")
            raise UnpicklingError("pickle data was truncated")
        if self._ahead:
            # a seekable file: read ahead, load() seeks back to the end of
            # the pickle
            more = self._file_read(max(n - len(rest), _READ_AHEAD)) or b''
            data = rest + more if rest else more
            if len(data) < n:
                if at_opcode and not data:
                    raise EOFError("Ran out of input")
                raise UnpicklingError("pickle data was truncated")
            self._data = data
            self._pos = n
            return data[:n]
        if self._in_frame and rest:
            raise UnpicklingError("pickle exhausted before end of frame")
        self._in_frame = False
        more = self._file_read(n - len(rest))
        if more is None:
            more = b''
        r = rest + more
        if len(r) < n:
            if at_opcode and not r:
                raise EOFError("Ran out of input")
            raise UnpicklingError("pickle data was truncated")
        return r

    _in_frame = False
    _ahead = False

    def readline(self):
        data = self._data
        pos = self._pos
        i = data.find(b'\n', pos)
        if i >= 0:
            self._pos = i + 1
            return data[pos:i + 1]
        if self._file_read is None:
            raise UnpicklingError("pickle data was truncated")
        if self._ahead:
            chunks = [data[pos:]]
            while True:
                more = self._file_read(_READ_AHEAD)
                if not more:
                    self._data = b''
                    self._pos = 0
                    raise UnpicklingError("pickle data was truncated")
                i = more.find(b'\n')
                if i >= 0:
                    chunks.append(more[:i + 1])
                    self._data = more
                    self._pos = i + 1
                    return b''.join(chunks)
                chunks.append(more)
        if self._in_frame and pos < len(data):
            raise UnpicklingError("pickle exhausted before end of frame")
        self._data = b''
        self._pos = 0
        self._in_frame = False
        line = self._file_readline()
        if not line.endswith(b'\n'):
            raise UnpicklingError("pickle data was truncated")
        return line

    def _readint(self, n):
        return int.from_bytes(self.read(n), 'little')

    # stack helpers

    def pop_mark(self):
        if not self.metastack:
            raise UnpicklingError("could not find MARK")
        items = self.stack
        self.stack = self.metastack.pop()
        self.append = self.stack.append
        return items

    def persistent_load(self, pid):
        raise UnpicklingError("A load persistent id instruction was encountered,\n"
                              "but no persistent_load function was specified.")

    def find_class(self, module, name):
        orig = module, name
        if self.proto < 3 and self.fix_imports:
            from _compat_pickle import NAME_MAPPING, IMPORT_MAPPING
            if (module, name) in NAME_MAPPING:
                module, name = NAME_MAPPING[(module, name)]
            elif module in IMPORT_MAPPING:
                module = IMPORT_MAPPING[module]
        try:
            __import__(module, level=0)
        except ImportError:
            if module == '_codecs' and name == 'encode':
                return _codecs_encode
            if (module, name) == orig:
                raise
            # ftpy lacks some of the C modules the mapping names (_pickle...)
            module, name = orig
            __import__(module, level=0)
        mod = sys.modules[module]
        if self.proto >= 4:
            return _getattribute(mod, name)[0]
        try:
            return getattr(mod, name)
        except AttributeError:
            raise AttributeError("Can't get attribute {!r} on {!r}"
                                 .format(name, mod)) from None

    # opcode handlers

    dispatch = [None] * 256

    def load_proto(self):
        proto = self.read(1)[0]
        if not 0 <= proto <= HIGHEST_PROTOCOL:
            raise ValueError("unsupported pickle protocol: %d" % proto)
        self.proto = proto
    dispatch[PROTO[0]] = load_proto

    def load_frame(self):
        n = self._readint(8)
        if n > sys.maxsize:
            raise ValueError("frame size > sys.maxsize: %d" % n)
        if self._file_read is None:
            if self._pos + n > len(self._data):
                raise UnpicklingError("pickle data was truncated")
            return
        if self._ahead:
            return
        if self._pos < len(self._data):
            raise UnpicklingError("beginning of a new frame before end of current frame")
        frame = self._file_read(n)
        if len(frame) < n:
            raise UnpicklingError("pickle data was truncated")
        self._data = frame
        self._pos = 0
        self._in_frame = True
    dispatch[FRAME[0]] = load_frame

    def load_persid(self):
        try:
            pid = self.readline()[:-1].decode("ascii")
        except UnicodeDecodeError:
            raise UnpicklingError(
                "persistent IDs in protocol 0 must be ASCII strings")
        self.append(self.persistent_load(pid))
    dispatch[PERSID[0]] = load_persid

    def load_binpersid(self):
        pid = self.stack.pop()
        self.append(self.persistent_load(pid))
    dispatch[BINPERSID[0]] = load_binpersid

    def load_none(self):
        self.append(None)
    dispatch[NONE[0]] = load_none

    def load_false(self):
        self.append(False)
    dispatch[NEWFALSE[0]] = load_false

    def load_true(self):
        self.append(True)
    dispatch[NEWTRUE[0]] = load_true

    def load_int(self):
        data = self.readline()
        if data == b'I00\n'[1:]:
            val = False
        elif data == b'I01\n'[1:]:
            val = True
        else:
            val = int(data, 0) if False else int(data)
        self.append(val)
    dispatch[INT[0]] = load_int

    def load_binint(self):
        self.append(int.from_bytes(self.read(4), 'little', signed=True))
    dispatch[BININT[0]] = load_binint

    def load_binint1(self):
        self.append(self.read(1)[0])
    dispatch[BININT1[0]] = load_binint1

    def load_binint2(self):
        self.append(int.from_bytes(self.read(2), 'little'))
    dispatch[BININT2[0]] = load_binint2

    def load_long(self):
        val = self.readline()[:-1]
        if val and val[-1] == b'L'[0]:
            val = val[:-1]
        self.append(int(val))
    dispatch[LONG[0]] = load_long

    def load_long1(self):
        n = self.read(1)[0]
        self.append(decode_long(self.read(n)))
    dispatch[LONG1[0]] = load_long1

    def load_long4(self):
        n = int.from_bytes(self.read(4), 'little', signed=True)
        if n < 0:
            raise UnpicklingError("LONG pickle has negative byte count")
        self.append(decode_long(self.read(n)))
    dispatch[LONG4[0]] = load_long4

    def load_float(self):
        self.append(float(self.readline()[:-1]))
    dispatch[FLOAT[0]] = load_float

    def load_binfloat(self):
        self.append(_unpack_double(self.read(8)))
    dispatch[BINFLOAT[0]] = load_binfloat

    def _decode_string(self, value):
        if self.encoding == "bytes":
            return value
        else:
            return value.decode(self.encoding, self.errors)

    def load_string(self):
        data = self.readline()[:-1]
        if len(data) >= 2 and data[0] == data[-1] and data[0] in b'"\'':
            data = data[1:-1]
        else:
            raise UnpicklingError("the STRING opcode argument must be quoted")
        self.append(self._decode_string(_decode_string_escape(str(data, 'latin-1'))))
    dispatch[STRING[0]] = load_string

    def load_binstring(self):
        n = int.from_bytes(self.read(4), 'little', signed=True)
        if n < 0:
            raise UnpicklingError("BINSTRING pickle has negative byte count")
        self.append(self._decode_string(self.read(n)))
    dispatch[BINSTRING[0]] = load_binstring

    def load_binbytes(self):
        n = self._readint(4)
        if n > sys.maxsize:
            raise UnpicklingError("BINBYTES exceeds system's maximum size "
                                  "of %d bytes" % sys.maxsize)
        self.append(self.read(n))
    dispatch[BINBYTES[0]] = load_binbytes

    def load_unicode(self):
        self.append(_decode_raw_unicode_escape(self.readline()[:-1]))
    dispatch[UNICODE[0]] = load_unicode

    def load_binunicode(self):
        n = self._readint(4)
        self.append(_decode_utf8(self.read(n)))
    dispatch[BINUNICODE[0]] = load_binunicode

    def load_binunicode8(self):
        n = self._readint(8)
        if n > sys.maxsize:
            raise UnpicklingError("BINUNICODE8 exceeds system's maximum size "
                                  "of %d bytes" % sys.maxsize)
        self.append(_decode_utf8(self.read(n)))
    dispatch[BINUNICODE8[0]] = load_binunicode8

    def load_binbytes8(self):
        n = self._readint(8)
        if n > sys.maxsize:
            raise UnpicklingError("BINBYTES8 exceeds system's maximum size "
                                  "of %d bytes" % sys.maxsize)
        self.append(self.read(n))
    dispatch[BINBYTES8[0]] = load_binbytes8

    def load_bytearray8(self):
        n = self._readint(8)
        if n > sys.maxsize:
            raise UnpicklingError("BYTEARRAY8 exceeds system's maximum size "
                                  "of %d bytes" % sys.maxsize)
        self.append(bytearray(self.read(n)))
    dispatch[BYTEARRAY8[0]] = load_bytearray8

    def load_next_buffer(self):
        if self._buffers is None:
            raise UnpicklingError("pickle stream refers to out-of-band data "
                                  "but no *buffers* argument was given")
        try:
            buf = next(self._buffers)
        except StopIteration:
            raise UnpicklingError("not enough out-of-band buffers")
        self.append(buf)
    dispatch[NEXT_BUFFER[0]] = load_next_buffer

    def load_readonly_buffer(self):
        buf = self.stack[-1]
        if isinstance(buf, PickleBuffer):
            buf = buf.raw()
        if isinstance(buf, bytearray):
            self.stack[-1] = bytes(buf)
    dispatch[READONLY_BUFFER[0]] = load_readonly_buffer

    def load_short_binstring(self):
        n = self.read(1)[0]
        self.append(self._decode_string(self.read(n)))
    dispatch[SHORT_BINSTRING[0]] = load_short_binstring

    def load_short_binbytes(self):
        n = self.read(1)[0]
        self.append(self.read(n))
    dispatch[SHORT_BINBYTES[0]] = load_short_binbytes

    def load_short_binunicode(self):
        n = self.read(1)[0]
        self.append(_decode_utf8(self.read(n)))
    dispatch[SHORT_BINUNICODE[0]] = load_short_binunicode

    def load_tuple(self):
        items = self.pop_mark()
        self.append(tuple(items))
    dispatch[TUPLE[0]] = load_tuple

    def load_empty_tuple(self):
        self.append(())
    dispatch[EMPTY_TUPLE[0]] = load_empty_tuple

    def load_tuple1(self):
        self.stack[-1] = (self.stack[-1],)
    dispatch[TUPLE1[0]] = load_tuple1

    def load_tuple2(self):
        stack = self.stack
        stack[-2:] = [(stack[-2], stack[-1])]
    dispatch[TUPLE2[0]] = load_tuple2

    def load_tuple3(self):
        stack = self.stack
        stack[-3:] = [(stack[-3], stack[-2], stack[-1])]
    dispatch[TUPLE3[0]] = load_tuple3

    def load_empty_list(self):
        self.append([])
    dispatch[EMPTY_LIST[0]] = load_empty_list

    def load_empty_dictionary(self):
        self.append({})
    dispatch[EMPTY_DICT[0]] = load_empty_dictionary

    def load_empty_set(self):
        self.append(set())
    dispatch[EMPTY_SET[0]] = load_empty_set

    def load_frozenset(self):
        items = self.pop_mark()
        self.append(frozenset(items))
    dispatch[FROZENSET[0]] = load_frozenset

    def load_list(self):
        items = self.pop_mark()
        self.append(items)
    dispatch[LIST[0]] = load_list

    def load_dict(self):
        items = self.pop_mark()
        d = {items[i]: items[i + 1] for i in range(0, len(items), 2)}
        self.append(d)
    dispatch[DICT[0]] = load_dict

    def _instantiate(self, klass, args):
        if (args or not isinstance(klass, type) or
                hasattr(klass, "__getinitargs__")):
            try:
                value = klass(*args)
            except TypeError as err:
                raise TypeError("in constructor for %s: %s" %
                                (klass.__name__, str(err)), err.__traceback__)
        else:
            value = klass.__new__(klass)
        self.append(value)

    def load_inst(self):
        module = self.readline()[:-1].decode("ascii")
        name = self.readline()[:-1].decode("ascii")
        klass = self.find_class(module, name)
        self._instantiate(klass, self.pop_mark())
    dispatch[INST[0]] = load_inst

    def load_obj(self):
        args = self.pop_mark()
        cls = args.pop(0)
        self._instantiate(cls, args)
    dispatch[OBJ[0]] = load_obj

    def load_newobj(self):
        stack = self.stack
        args = stack.pop()
        cls = stack.pop()
        if not isinstance(cls, type):
            raise UnpicklingError("NEWOBJ class argument isn't a type object")
        if not isinstance(args, tuple):
            raise UnpicklingError("NEWOBJ expected an arg tuple.")
        obj = cls.__new__(cls, *args)
        self.append(obj)
    dispatch[NEWOBJ[0]] = load_newobj

    def load_newobj_ex(self):
        stack = self.stack
        kwargs = stack.pop()
        args = stack.pop()
        cls = stack.pop()
        obj = cls.__new__(cls, *args, **kwargs)
        self.append(obj)
    dispatch[NEWOBJ_EX[0]] = load_newobj_ex

    def load_global(self):
        module = self.readline()[:-1].decode("utf-8")
        name = self.readline()[:-1].decode("utf-8")
        klass = self.find_class(module, name)
        self.append(klass)
    dispatch[GLOBAL[0]] = load_global

    def load_stack_global(self):
        stack = self.stack
        name = stack.pop()
        module = stack.pop()
        if type(name) is not str or type(module) is not str:
            raise UnpicklingError("STACK_GLOBAL requires str")
        self.append(self.find_class(module, name))
    dispatch[STACK_GLOBAL[0]] = load_stack_global

    def load_ext1(self):
        self.get_extension(self.read(1)[0])
    dispatch[EXT1[0]] = load_ext1

    def load_ext2(self):
        self.get_extension(self._readint(2))
    dispatch[EXT2[0]] = load_ext2

    def load_ext4(self):
        self.get_extension(int.from_bytes(self.read(4), 'little', signed=True))
    dispatch[EXT4[0]] = load_ext4

    def get_extension(self, code):
        nil = []
        obj = _extension_cache.get(code, nil)
        if obj is not nil:
            self.append(obj)
            return
        key = _inverted_registry.get(code)
        if not key:
            if code <= 0:  # note that 0 is forbidden
                # Corrupt or hostile pickle.
                raise UnpicklingError("EXT specifies code <= 0")
            raise ValueError("unregistered extension code %d" % code)
        obj = self.find_class(*key)
        _extension_cache[code] = obj
        self.append(obj)

    def load_reduce(self):
        stack = self.stack
        args = stack.pop()
        func = stack[-1]
        stack[-1] = func(*args)
    dispatch[REDUCE[0]] = load_reduce

    def load_pop(self):
        if self.stack:
            del self.stack[-1]
        elif self.metastack:
            self.pop_mark()
        else:
            raise UnpicklingError("unpickling stack underflow")
    dispatch[POP[0]] = load_pop

    def load_pop_mark(self):
        self.pop_mark()
    dispatch[POP_MARK[0]] = load_pop_mark

    def load_dup(self):
        self.append(self.stack[-1])
    dispatch[DUP[0]] = load_dup

    def _memo_lookup(self, i):
        try:
            self.append(self.memo[i])
        except KeyError:
            raise UnpicklingError("Memo value not found at index %d" % i) from None

    def load_get(self):
        self._memo_lookup(int(self.readline()[:-1]))
    dispatch[GET[0]] = load_get

    def load_binget(self):
        self._memo_lookup(self.read(1)[0])
    dispatch[BINGET[0]] = load_binget

    def load_long_binget(self):
        self._memo_lookup(self._readint(4))
    dispatch[LONG_BINGET[0]] = load_long_binget

    def load_put(self):
        i = int(self.readline()[:-1])
        if i < 0:
            raise ValueError("negative PUT argument")
        self.memo[i] = self.stack[-1]
    dispatch[PUT[0]] = load_put

    def load_binput(self):
        i = self.read(1)[0]
        self.memo[i] = self.stack[-1]
    dispatch[BINPUT[0]] = load_binput

    def load_long_binput(self):
        i = self._readint(4)
        if i > sys.maxsize:
            raise ValueError("negative LONG_BINPUT argument")
        self.memo[i] = self.stack[-1]
    dispatch[LONG_BINPUT[0]] = load_long_binput

    def load_memoize(self):
        memo = self.memo
        memo[len(memo)] = self.stack[-1]
    dispatch[MEMOIZE[0]] = load_memoize

    def load_append(self):
        stack = self.stack
        value = stack.pop()
        stack[-1].append(value)
    dispatch[APPEND[0]] = load_append

    def load_appends(self):
        items = self.pop_mark()
        list_obj = self.stack[-1]
        try:
            extend = list_obj.extend
        except AttributeError:
            pass
        else:
            extend(items)
            return
        append = list_obj.append
        for item in items:
            append(item)
    dispatch[APPENDS[0]] = load_appends

    def load_setitem(self):
        stack = self.stack
        value = stack.pop()
        key = stack.pop()
        stack[-1][key] = value
    dispatch[SETITEM[0]] = load_setitem

    def load_setitems(self):
        items = self.pop_mark()
        d = self.stack[-1]
        for i in range(0, len(items), 2):
            d[items[i]] = items[i + 1]
    dispatch[SETITEMS[0]] = load_setitems

    def load_additems(self):
        items = self.pop_mark()
        set_obj = self.stack[-1]
        if isinstance(set_obj, set):
            set_obj.update(items)
        else:
            add = set_obj.add
            for item in items:
                add(item)
    dispatch[ADDITEMS[0]] = load_additems

    def load_build(self):
        stack = self.stack
        state = stack.pop()
        inst = stack[-1]
        setstate = getattr(inst, "__setstate__", None)
        if setstate is not None:
            setstate(state)
            return
        slotstate = None
        if isinstance(state, tuple) and len(state) == 2:
            state, slotstate = state
        if state:
            inst_dict = inst.__dict__
            for k, v in state.items():
                if type(k) is str:
                    inst_dict[sys.intern(k)] = v
                else:
                    inst_dict[k] = v
        if slotstate:
            for k, v in slotstate.items():
                setattr(inst, k, v)
    dispatch[BUILD[0]] = load_build

    def load_mark(self):
        self.metastack.append(self.stack)
        self.stack = []
        self.append = self.stack.append
    dispatch[MARK[0]] = load_mark

    # STOP is handled in load()


# Shorthands

class _NoFile:
    """The file of the Pickler of dumps() (which returns the buffer)."""
    write = read = readline = None


_no_file = _NoFile()


def dump(obj, file, protocol=None, *, fix_imports=True, buffer_callback=None):
    Pickler(file, protocol, fix_imports=fix_imports,
            buffer_callback=buffer_callback).dump(obj)


def dumps(obj, protocol=None, *, fix_imports=True, buffer_callback=None):
    p = Pickler(_no_file, protocol, fix_imports=fix_imports,
                buffer_callback=buffer_callback)
    p._file_write = None
    return bytes(p._dump_into(obj))


def load(file, *, fix_imports=True, encoding="ASCII", errors="strict",
          buffers=None):
    return Unpickler(file, fix_imports=fix_imports, buffers=buffers,
                     encoding=encoding, errors=errors).load()


def loads(s, /, *, fix_imports=True, encoding="ASCII", errors="strict",
           buffers=None):
    if isinstance(s, str):
        raise TypeError("a bytes-like object is required, not 'str'")
    if type(s) is not bytes:
        s = bytes(s)
    u = _unpickler_new(Unpickler)
    u._buffers = iter(buffers) if buffers is not None else None
    u._file_read = u._file_readline = None
    u._data = s
    u._pos = 0
    u.memo = {}
    u.encoding = encoding
    u.errors = errors
    u.fix_imports = fix_imports
    return u.load()


_unpickler_new = object.__new__


# CPython's names for the pure-Python implementation
_Pickler = Pickler
_Unpickler = Unpickler
_dump, _dumps, _load, _loads = dump, dumps, load, loads
