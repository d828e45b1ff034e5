"""Process-based parallelism with the API of CPython's multiprocessing package.

ftpy starts processes with os.fork only ('fork' start method). Locks, semaphores, events,
conditions, barriers and queues work across processes, on POSIX semaphores in shared memory
(_multiprocessing.SemLock); Value, Array, RawValue and RawArray live in shared memory too
(sharedctypes, typecodes only: ftpy has no ctypes). Managers and shared_memory are not
available.
"""

import sys
from . import context

__all__ = [x for x in dir(context._default_context)
           if not x.startswith('_') and x != 'reducer']
globals().update((name, getattr(context._default_context, name)) for name in __all__)

SUBDEBUG = 5
SUBWARNING = 25

if '__main__' in sys.modules:
    sys.modules['__mp_main__'] = sys.modules['__main__']
