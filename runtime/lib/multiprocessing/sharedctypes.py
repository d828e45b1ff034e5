"""Objects in shared memory for processes: RawValue, RawArray, Value, Array.

ftpy has no ctypes: a type is named by its `array`-module typecode ('i', 'd', 'c', ...), and
the objects are ctypes look-alikes over _multiprocessing.SharedArray, a fixed-length array of
C values in memory mapped MAP_SHARED before fork (runtime/modules/multiprocessing.c), so the
processes started afterwards see each other's writes. As in CPython, Value and Array wrap
the object with a lock (an RLock by default) in a Synchronized* object; RawValue and
RawArray are unlocked.
"""

import _multiprocessing

from . import context

__all__ = ['RawValue', 'RawArray', 'Value', 'Array', 'copy', 'synchronized']

# The ctypes type each typecode stands for (as CPython's typecode_to_type), by the name its
# repr shows; on 64-bit Linux c_longlong is c_long.
_type_names = {
    'c': 'c_char', 'u': 'c_wchar',
    'b': 'c_byte', 'B': 'c_ubyte',
    'h': 'c_short', 'H': 'c_ushort',
    'i': 'c_int', 'I': 'c_uint',
    'l': 'c_long', 'L': 'c_ulong',
    'q': 'c_long', 'Q': 'c_ulong',
    'f': 'c_float', 'd': 'c_double',
}
typecode_to_type = dict(_type_names)


def _typecode(typecode_or_type):
    if isinstance(typecode_or_type, str) and typecode_or_type in _type_names:
        return typecode_or_type
    # CPython asks ctypes for the size of what it was given
    raise TypeError('this type has no size')


def _get_context(ctx):
    return ctx or context._default_context.get_context()


class _SharedValue(object):
    """One C value in shared memory (a ctypes simple object: c_int(5))."""

    __slots__ = ('_mem', '_typecode_')

    def __init__(self, typecode):
        self._typecode_ = typecode
        self._mem = _multiprocessing.SharedArray(typecode, 1)

    @property
    def value(self):
        return self._mem[0]

    @value.setter
    def value(self, v):
        self._mem[0] = v

    def __repr__(self):
        return '%s(%r)' % (_type_names[self._typecode_], self._mem[0])

    def __reduce__(self):
        context.assert_spawning(self)


class _SharedArray(object):
    """A fixed-length array of C values in shared memory (a ctypes array: c_int * 3).
    Indexing takes ints and slices; a slice is a list (bytes for 'c', str for 'u')."""

    __slots__ = ('_mem', '_typecode_', '_length_')

    def __init__(self, typecode, length):
        self._typecode_ = typecode
        self._mem = _multiprocessing.SharedArray(typecode, length)
        self._length_ = length

    def __len__(self):
        return self._length_

    def __getitem__(self, i):
        return self._mem[i]

    def __setitem__(self, i, value):
        self._mem[i] = value

    def __delitem__(self, i):
        raise TypeError('Array does not support item deletion')

    def __iter__(self):
        mem = self._mem
        for i in range(self._length_):
            yield mem[i]

    # c_char and c_wchar arrays: .value (up to the first NUL) and, for c_char, .raw
    @property
    def value(self):
        if self._typecode_ == 'c':
            data = self._mem.get_raw()
            end = data.find(b'\0')
            return data if end < 0 else data[:end]
        if self._typecode_ == 'u':
            s = self._mem[:]
            end = s.find('\0')
            return s if end < 0 else s[:end]
        raise AttributeError("'%s' object has no attribute 'value'" % self._type_name())

    @value.setter
    def value(self, v):
        n = self._length_
        if self._typecode_ == 'c':
            if not isinstance(v, bytes):
                raise TypeError('bytes expected instead of %s instance' % type(v).__name__)
            if len(v) > n:
                raise ValueError('byte string too long')
            self._mem.set_raw(v + b'\0' if len(v) < n else v)
        elif self._typecode_ == 'u':
            if not isinstance(v, str):
                raise TypeError('unicode string expected instead of %s instance'
                                % type(v).__name__)
            if len(v) > n:
                raise ValueError('string too long')
            if len(v) < n:
                v = v + '\0'
            self._mem[0:len(v)] = v
        else:
            raise AttributeError("'%s' object has no attribute 'value'" % self._type_name())

    @property
    def raw(self):
        if self._typecode_ != 'c':
            raise AttributeError("'%s' object has no attribute 'raw'" % self._type_name())
        return self._mem.get_raw()

    @raw.setter
    def raw(self, v):
        if self._typecode_ != 'c':
            raise AttributeError("'%s' object has no attribute 'raw'" % self._type_name())
        self._mem.set_raw(v)

    def _type_name(self):
        return '%s_Array_%d' % (_type_names[self._typecode_], self._length_)

    def __repr__(self):
        return '<%s.%s object at %#x>' % (__name__, self._type_name(), id(self))

    def __reduce__(self):
        context.assert_spawning(self)


_array_types = {}


def _array_type(typecode, length):
    """The class of arrays of `length` items of `typecode`, named as ctypes names it
    (c_int_Array_3)."""
    key = (typecode, length)
    cls = _array_types.get(key)
    if cls is None:
        name = '%s_Array_%d' % (_type_names[typecode], length)
        cls = type(name, (_SharedArray,), {'__slots__': ()})
        cls.__module__ = __name__
        _array_types[key] = cls
    return cls


def RawValue(typecode_or_type, *args):
    """A shared C value (zero unless given), without a lock."""
    obj = _SharedValue(_typecode(typecode_or_type))
    if len(args) > 1:
        raise TypeError('__init__ expected at most 1 argument, got %d' % len(args))
    if args:
        obj.value = args[0]
    return obj


def RawArray(typecode_or_type, size_or_initializer):
    """A shared array of C values, without a lock: of the given length (zero-filled), or
    holding the items of the given sequence."""
    typecode = _typecode(typecode_or_type)
    if isinstance(size_or_initializer, int):
        if size_or_initializer < 0:
            raise ValueError('Array length must be >= 0, not %d' % size_or_initializer)
        return _array_type(typecode, size_or_initializer)(typecode, size_or_initializer)
    n = len(size_or_initializer)
    result = _array_type(typecode, n)(typecode, n)
    for i, item in enumerate(size_or_initializer):
        result[i] = item
    return result


def Value(typecode_or_type, *args, lock=True, ctx=None):
    """A synchronized shared C value (a new RLock unless `lock` is given or False)."""
    obj = RawValue(typecode_or_type, *args)
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = _get_context(ctx)
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def Array(typecode_or_type, size_or_initializer, *, lock=True, ctx=None):
    """A synchronized shared array (a new RLock unless `lock` is given or False)."""
    obj = RawArray(typecode_or_type, size_or_initializer)
    if lock is False:
        return obj
    if lock in (True, None):
        ctx = _get_context(ctx)
        lock = ctx.RLock()
    if not hasattr(lock, 'acquire'):
        raise AttributeError("%r has no method 'acquire'" % lock)
    return synchronized(obj, lock, ctx=ctx)


def copy(obj):
    """A new shared object holding a copy of obj's contents."""
    if isinstance(obj, _SharedValue):
        new_obj = _SharedValue(obj._typecode_)
    elif isinstance(obj, _SharedArray):
        new_obj = type(obj)(obj._typecode_, obj._length_)
    else:
        raise TypeError('copy() expects a shared object, not %s' % type(obj).__name__)
    new_obj._mem.set_raw(obj._mem.get_raw())
    return new_obj


def synchronized(obj, lock=None, ctx=None):
    assert not isinstance(obj, SynchronizedBase), 'object already synchronized'
    ctx = _get_context(ctx)
    if isinstance(obj, _SharedValue):
        return Synchronized(obj, lock, ctx)
    elif isinstance(obj, _SharedArray):
        if obj._typecode_ == 'c':
            return SynchronizedString(obj, lock, ctx)
        return SynchronizedArray(obj, lock, ctx)
    raise TypeError('synchronized() expects a shared object, not %s' % type(obj).__name__)


class SynchronizedBase(object):

    def __init__(self, obj, lock=None, ctx=None):
        self._obj = obj
        if lock:
            self._lock = lock
        else:
            ctx = _get_context(ctx)
            self._lock = ctx.RLock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)

    def __reduce__(self):
        context.assert_spawning(self)

    def get_obj(self):
        return self._obj

    def get_lock(self):
        return self._lock

    def __repr__(self):
        return '<%s wrapper for %s>' % (type(self).__name__, self._obj)


def _locked_property(name):
    def get(self):
        with self._lock:
            return getattr(self._obj, name)

    def set(self, value):
        with self._lock:
            setattr(self._obj, name, value)
    return property(get, set)


class Synchronized(SynchronizedBase):
    value = _locked_property('value')


class SynchronizedArray(SynchronizedBase):

    def __len__(self):
        return len(self._obj)

    def __getitem__(self, i):
        with self._lock:
            return self._obj[i]

    def __setitem__(self, i, value):
        with self._lock:
            self._obj[i] = value

    def __getslice__(self, start, stop):
        with self._lock:
            return self._obj[start:stop]

    def __setslice__(self, start, stop, values):
        with self._lock:
            self._obj[start:stop] = values


class SynchronizedString(SynchronizedArray):
    value = _locked_property('value')
    raw = _locked_property('raw')
