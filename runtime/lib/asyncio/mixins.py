"""Mixins shared by the asyncio primitives (locks, queues)."""

import threading

from . import events

# Guards the first binding of an object to a loop, should two threads race to it.
_global_lock = threading.Lock()


class _LoopBoundMixin:
    """Binds an object to the event loop that first uses it.

    The loop is looked up lazily (at the first operation that needs to wait), so a
    primitive can be created outside any running loop; using it later from another loop
    raises RuntimeError.
    """

    _loop = None

    def _get_loop(self):
        running = events._get_running_loop()
        if self._loop is None:
            with _global_lock:
                if self._loop is None:
                    self._loop = running
        if running is not self._loop:
            raise RuntimeError(f'{self!r} is bound to a different event loop')
        return running
