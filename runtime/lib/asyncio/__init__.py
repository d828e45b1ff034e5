"""asyncio: asynchronous I/O, event loop, coroutines and tasks (pure Python for ftpy).

CPython 3.11's API and module layout: events (handles, policy, running loop), futures,
tasks (Task and the combinators), base_events / selector_events / unix_events (the
selector loop, TCP transports, signal handlers), streams, runners, timeouts, taskgroups,
threads (to_thread). locks, queues and mixins are maintained separately.

Differences from CPython: no contextvars (the context= arguments are accepted and
ignored), no SSL, no subprocess or datagram transports, no debug mode. Each loop keeps
its own running task and task set, so loops in different threads share no state. The
default exception handler writes to stderr what CPython's logger would print.
"""

import sys

from .base_events import *
from .coroutines import *
from .events import *
from .exceptions import *
from .futures import *
from .locks import *
from .protocols import *
from .queues import *
from .runners import *
from .streams import *
from .taskgroups import *
from .tasks import *
from .threads import *
from .timeouts import *
from .transports import *
from .unix_events import *

__all__ = (base_events.__all__ +
           coroutines.__all__ +
           events.__all__ +
           exceptions.__all__ +
           futures.__all__ +
           locks.__all__ +
           protocols.__all__ +
           runners.__all__ +
           queues.__all__ +
           streams.__all__ +
           tasks.__all__ +
           taskgroups.__all__ +
           threads.__all__ +
           timeouts.__all__ +
           transports.__all__ +
           unix_events.__all__)
