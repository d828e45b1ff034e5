"""Helpers for pickle and copy: the registry of reduction functions
(dispatch_table, pickle()), the extension registry, and the reconstructors
that object.__reduce_ex__ names (__newobj__, __newobj_ex__, _reconstructor).

ftpy: object's pickle helpers are written here in Python and called by the
core (core/objects/object.c): object.__reduce_ex__(proto) is
_object_reduce_ex(obj, proto), object.__reduce__() is _reduce_ex(obj, 0) and
object.__getstate__() is _object_getstate(obj); they return what CPython
3.11's object methods return."""

__all__ = ["pickle", "constructor", "add_extension", "remove_extension",
           "clear_extension_cache"]

dispatch_table = {}


def pickle(ob_type, pickle_function, constructor_ob=None):
    if not callable(pickle_function):
        raise TypeError("reduction functions must be callable")
    dispatch_table[ob_type] = pickle_function
    # constructor_ob is accepted for backwards compatibility only
    if constructor_ob is not None:
        constructor(constructor_ob)


def constructor(object):
    if not callable(object):
        raise TypeError("constructors must be callable")


def pickle_complex(c):
    return complex, (c.real, c.imag)


pickle(complex, pickle_complex, complex)


def pickle_union(obj):
    import functools
    import operator
    return functools.reduce, (operator.or_, obj.__args__)


try:
    _union_type = type(int | str)
except TypeError:
    _union_type = None
if _union_type is not None and _union_type is not type:
    pickle(_union_type, pickle_union)
del _union_type


# Support for pickling new-style objects with protocols 0 and 1.

def _reconstructor(cls, base, state):
    if base is object:
        obj = object.__new__(cls)
    else:
        obj = base.__new__(cls, state)
        if base.__init__ != object.__init__:
            base.__init__(obj, state)
    return obj


_HEAPTYPE = 1 << 9


def _is_heap_type(cls):
    """True for a class made by a class statement or type() (CPython's
    Py_TPFLAGS_HEAPTYPE).  ftpy's types have no __flags__: a class has a
    __module__ string in its own __dict__ and either adds __dict__,
    __weakref__ or __slots__ or derives from such a class; the core types
    (even those with a __module__ entry, like _thread.lock) do neither."""
    flags = getattr(cls, '__flags__', None)
    if flags is not None:
        return bool(flags & _HEAPTYPE)
    d = cls.__dict__
    if type(d.get('__module__')) is not str:
        return False
    if '__dict__' in d or '__weakref__' in d or '__slots__' in d:
        return True
    for b in cls.__bases__:
        if _is_heap_type(b):
            return True
    return False


def _reduce_ex(self, proto):
    assert proto < 2
    cls = self.__class__
    for base in cls.__mro__:
        if not _is_heap_type(base):
            break
        new = base.__dict__.get('__new__')
        if new is not None and not isinstance(new, staticmethod) \
                and getattr(new, '__self__', None) is base:
            break
    else:
        base = object  # not really reachable
    if base is object:
        state = None
    else:
        if base is cls:
            raise TypeError(f"cannot pickle {cls.__name__!r} object")
        state = base(self)
    args = (cls, base, state)
    getstate = _find_getstate(cls)
    if getstate is None:
        if getattr(self, "__slots__", None):
            # what object.__getstate__ says in CPython 3.11
            raise TypeError("a class that defines __slots__ without "
                            "defining __getstate__ cannot be pickled")
        try:
            dict = self.__dict__
        except AttributeError:
            dict = None
    else:
        dict = self.__getstate__()
    if dict:
        return _reconstructor, args, dict
    else:
        return _reconstructor, args


# Helper for __reduce_ex__ protocol 2

def __newobj__(cls, *args):
    return cls.__new__(cls, *args)


def __newobj_ex__(cls, args, kwargs):
    """Used by pickle protocol 4, instead of __newobj__ to allow classes with
    keyword-only arguments to be pickled correctly.
    """
    return cls.__new__(cls, *args, **kwargs)


def _slotnames(cls):
    """Return a list of slot names for a given class.

    This needs to find slots defined by the class and its bases, because each
    class's slots are stored separately. Cached in cls.__slotnames__.
    """
    names = cls.__dict__.get("__slotnames__")
    if names is not None:
        return names
    names = []
    if not hasattr(cls, "__slots__"):
        # This class has no slots
        pass
    else:
        for c in cls.__mro__:
            if "__slots__" in c.__dict__:
                slots = c.__dict__['__slots__']
                if isinstance(slots, str):
                    slots = (slots,)
                for name in slots:
                    if name in ("__dict__", "__weakref__"):
                        continue
                    elif name.startswith('__') and not name.endswith('__'):
                        stripped = c.__name__.lstrip('_')
                        if stripped:
                            names.append('_%s%s' % (stripped, name))
                        else:
                            names.append(name)
                    else:
                        names.append(name)
    try:
        cls.__slotnames__ = names
    except Exception:
        pass
    return names


# ---------------------------------------------------------------------------
# object.__reduce_ex__ in Python (see the module docstring).

# __getnewargs__ of the core types that ftpy's core lacks.
_core_newargs = {
    complex: lambda c: (c.real, c.imag),
}

# Core types whose instances carry C-level data: pickling a subclass
# instance needs arguments for __new__ (CPython's basicsize check).
_no_state_ok = (object, list, dict)


def _find_getstate(cls):
    """The __getstate__ a class defines (or inherits), None for the default
    one (object.__getstate__ when the core has it)."""
    default = getattr(object, '__getstate__', None)
    for k in cls.__mro__:
        gs = k.__dict__.get('__getstate__')
        if gs is not None:
            if gs is default or k is object:
                return None
            return gs
    return None


def _tp_name(cls):
    """The C-level type name: module-qualified for core types outside
    builtins (_thread.lock), the bare name for classes."""
    if _is_heap_type(cls) or cls.__module__ == 'builtins':
        return cls.__name__
    return f"{cls.__module__}.{cls.__qualname__}"


def _solid_base(cls):
    for k in cls.__mro__:
        if not _is_heap_type(k):
            return k
    return object


def _default_getstate(obj, required):
    cls = type(obj)
    if required and _solid_base(cls) not in _no_state_ok:
        raise TypeError(f"cannot pickle {_tp_name(cls)!r} object")
    try:
        d = obj.__dict__
    except AttributeError:
        d = None
    state = d if d else None
    if state is not None and type(state) is not dict:
        state = dict(state)
    names = _slotnames(cls)
    if names:
        slots = {}
        for name in names:
            try:
                slots[name] = getattr(obj, name)
            except AttributeError:
                pass
        if slots:
            state = (state, slots)
    return state


def _object_getstate(obj):
    """object.__getstate__(): the default state."""
    return _default_getstate(obj, False)


def _getstate(obj, required):
    gs = _find_getstate(type(obj))
    if gs is None:
        return _default_getstate(obj, required)
    return obj.__getstate__()


def _newargs(obj):
    cls = type(obj)
    gne = getattr(obj, '__getnewargs_ex__', None)
    if gne is not None:
        r = gne()
        if not isinstance(r, tuple):
            raise TypeError("__getnewargs_ex__ should return a tuple, "
                            f"not '{type(r).__name__}'")
        if len(r) != 2:
            raise ValueError("__getnewargs_ex__ should return a tuple of "
                             f"length 2, not {len(r)}")
        args, kwargs = r
        if not isinstance(args, tuple):
            raise TypeError("first item of the tuple returned by "
                            "__getnewargs_ex__ must be a tuple, "
                            f"not '{type(args).__name__}'")
        if not isinstance(kwargs, dict):
            raise TypeError("second item of the tuple returned by "
                            "__getnewargs_ex__ must be a dict, "
                            f"not '{type(kwargs).__name__}'")
        return args, kwargs
    gn = getattr(obj, '__getnewargs__', None)
    if gn is None:
        for k in cls.__mro__:
            f = _core_newargs.get(k)
            if f is not None:
                return f(obj), None
        return None, None
    args = gn()
    if not isinstance(args, tuple):
        raise TypeError("__getnewargs__ should return a tuple, "
                        f"not '{type(args).__name__}'")
    return args, None


def _reduce_newobj(obj):
    cls = type(obj)
    args, kwargs = _newargs(obj)
    hasargs = args is not None
    if not kwargs:
        newobj = __newobj__
        newargs = (cls,) + (args or ())
    else:
        newobj = __newobj_ex__
        newargs = (cls, args, kwargs)
    state = _getstate(obj, not hasargs and not isinstance(obj, (list, dict)))
    listitems = iter(obj) if isinstance(obj, list) else None
    dictitems = iter(obj.items()) if isinstance(obj, dict) else None
    return newobj, newargs, state, listitems, dictitems


def _overrides(cls, name):
    """The class in cls's MRO that defines name, before object."""
    for k in cls.__mro__:
        if k is object:
            return None
        if name in k.__dict__:
            return k
    return None


def _object_reduce_ex(obj, proto):
    """What object.__reduce_ex__(obj, proto) returns in CPython 3.11."""
    cls = type(obj)
    if _overrides(cls, '__reduce__') is not None:
        return obj.__reduce__()
    if proto >= 2:
        return _reduce_newobj(obj)
    return _reduce_ex(obj, proto)


# A registry of extension codes.  This is an ad-hoc compression mechanism.

_extension_registry = {}                # key -> code
_inverted_registry = {}                 # code -> key
_extension_cache = {}                   # code -> object


def add_extension(module, name, code):
    """Register an extension code."""
    code = int(code)
    if not 1 <= code <= 0x7fffffff:
        raise ValueError("code out of range")
    key = (module, name)
    if (_extension_registry.get(key) == code and
            _inverted_registry.get(code) == key):
        return  # Redundant registrations are benign
    if key in _extension_registry:
        raise ValueError("key %s is already registered with code %s" %
                         (key, _extension_registry[key]))
    if code in _inverted_registry:
        raise ValueError("code %s is already in use for key %s" %
                         (code, _inverted_registry[code]))
    _extension_registry[key] = code
    _inverted_registry[code] = key


def remove_extension(module, name, code):
    """Unregister an extension code.  For testing only."""
    key = (module, name)
    if (_extension_registry.get(key) != code or
            _inverted_registry.get(code) != key):
        raise ValueError("key %s is not registered with code %s" %
                         (key, code))
    del _extension_registry[key]
    del _inverted_registry[code]
    if code in _extension_cache:
        del _extension_cache[code]


def clear_extension_cache():
    _extension_cache.clear()
