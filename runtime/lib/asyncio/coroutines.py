"""Coroutine helpers: iscoroutine, iscoroutinefunction, formatting."""

__all__ = ('iscoroutinefunction', 'iscoroutine')

import types

_is_coroutine = object()

_CO_COROUTINE = 0x80
_CO_ITERABLE_COROUTINE = 0x100


def iscoroutinefunction(func):
    """True if func is a coroutine function (async def or marked by asyncio)."""
    if getattr(func, '_is_coroutine', None) is _is_coroutine:
        return True
    while isinstance(func, types.MethodType):
        func = func.__func__
    try:
        import functools
        while isinstance(func, functools.partial):
            func = func.func
    except ImportError:
        pass
    code = getattr(func, '__code__', None)
    return code is not None and bool(code.co_flags & _CO_COROUTINE)


_COROUTINE_TYPES = (types.CoroutineType, types.GeneratorType)
_iscoroutine_typecache = set()


def iscoroutine(obj):
    """True if obj is a coroutine object."""
    tp = type(obj)
    if tp in _iscoroutine_typecache:
        return True
    if isinstance(obj, types.CoroutineType) or (
            hasattr(obj, 'send') and hasattr(obj, 'throw') and hasattr(obj, 'close')
            and hasattr(obj, '__await__')):
        if len(_iscoroutine_typecache) < 100:
            _iscoroutine_typecache.add(tp)
        return True
    if isinstance(obj, types.GeneratorType):
        return True
    return False


def _format_coroutine(coro):
    name = getattr(coro, '__qualname__', None) or getattr(coro, '__name__', None)
    if name:
        coro_name = f'{name}()'
    else:
        coro_name = f'<{type(coro).__name__} without __name__>()'
    code = getattr(coro, 'cr_code', None) or getattr(coro, 'gi_code', None)
    if not code:
        running = getattr(coro, 'cr_running', getattr(coro, 'gi_running', False))
        return f'{coro_name} running' if running else coro_name
    frame = getattr(coro, 'gi_frame', None) or getattr(coro, 'cr_frame', None)
    filename = code.co_filename or '<empty co_filename>'
    if frame is not None:
        return f'{coro_name} running at {filename}:{frame.f_lineno}'
    return f'{coro_name} done, defined at {filename}:{code.co_firstlineno}'
