"""importlib: a small subset of CPython's — import_module, reload, invalidate_caches.

The import system itself is written in C (runtime/import.c); this package is its Python
face. Source modules are executed through the bytecode cache (runtime/pycache.c)."""
import sys
import _imp

__all__ = ['__import__', 'import_module', 'invalidate_caches', 'reload']

__import__ = __import__


def _resolve_name(name, package, level):
    bits = package.rsplit('.', level - 1)
    if len(bits) < level:
        raise ImportError('attempted relative import beyond top-level package')
    base = bits[0]
    return '{}.{}'.format(base, name) if name else base


def import_module(name, package=None):
    """Import a module; a relative name ('.mod', '..pkg.mod') needs `package`."""
    level = 0
    if name.startswith('.'):
        if not package:
            raise TypeError("the 'package' argument is required to perform a relative "
                            "import for {!r}".format(name))
        for character in name:
            if character != '.':
                break
            level += 1
    if not isinstance(name, str):
        raise TypeError('module name must be str, not {}'.format(type(name)))
    if level > 0:
        if not isinstance(package, str):
            raise TypeError('__package__ not set to a string')
        name = _resolve_name(name[level:], package, level)
    if not name and level == 0:
        raise ValueError('Empty module name')
    __import__(name)
    return sys.modules[name]


def invalidate_caches():
    """ftpy's finders keep no caches: nothing to do."""


def reload(module):
    """Re-execute a module's source in its existing namespace."""
    try:
        name = module.__spec__.name
    except AttributeError:
        try:
            name = module.__name__
        except AttributeError:
            raise TypeError("reload() argument must be a module")
    if sys.modules.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    if _imp.is_builtin(name):
        return module
    path = getattr(module, '__file__', None)
    if path is None:
        raise ModuleNotFoundError(f"spec not found for the module {name!r}", name=name)
    _imp.exec_file(module, path)
    return sys.modules[name]
