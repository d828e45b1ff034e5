"""Queues for coroutines: Queue (FIFO), PriorityQueue and LifoQueue, with asyncio's API
and semantics (CPython 3.11). Not thread-safe: they coordinate tasks of one event loop.

Blocked getters and putters wait on futures in FIFO order; each put wakes one getter and
each get wakes one putter. A waiter that is woken and then cancelled passes the wake-up on.
"""

__all__ = ('Queue', 'PriorityQueue', 'LifoQueue', 'QueueFull', 'QueueEmpty')

import collections
import heapq
from types import GenericAlias

from . import locks
from . import mixins


class QueueEmpty(Exception):
    """Raised by Queue.get_nowait() when the queue is empty."""
    pass


class QueueFull(Exception):
    """Raised by Queue.put_nowait() when the queue is full."""
    pass


class Queue(mixins._LoopBoundMixin):
    """A FIFO queue for producer and consumer coroutines.

    With maxsize <= 0 the queue is unbounded; otherwise `await put()` waits while it
    holds maxsize items. task_done() and join() track the processing of items.
    """

    def __init__(self, maxsize=0):
        self._maxsize = maxsize
        self._getters = collections.deque()    # futures of blocked get() calls
        self._putters = collections.deque()    # futures of blocked put() calls
        self._unfinished_tasks = 0
        self._finished = locks.Event()
        self._finished.set()
        self._init(maxsize)

    # The storage; subclasses override these three.

    def _init(self, maxsize):
        self._queue = collections.deque()

    def _get(self):
        return self._queue.popleft()

    def _put(self, item):
        self._queue.append(item)

    def _wakeup_next(self, waiters):
        # Wake the first waiter still waiting; drop the ones already done.
        while waiters:
            waiter = waiters.popleft()
            if not waiter.done():
                waiter.set_result(None)
                return

    def __repr__(self):
        return f'<{type(self).__name__} at {id(self):#x} {self._format()}>'

    def __str__(self):
        return f'<{type(self).__name__} {self._format()}>'

    @classmethod
    def __class_getitem__(cls, item):
        # Queue[int] is a types.GenericAlias; where the interpreter cannot construct one
        # directly (ftpy, for now), the class itself stands in, as typing would accept.
        try:
            return GenericAlias(cls, item)
        except TypeError:
            return cls

    def _format(self):
        parts = [f'maxsize={self._maxsize!r}']
        if getattr(self, '_queue', None):
            parts.append(f'_queue={list(self._queue)!r}')
        if self._getters:
            parts.append(f'_getters[{len(self._getters)}]')
        if self._putters:
            parts.append(f'_putters[{len(self._putters)}]')
        if self._unfinished_tasks:
            parts.append(f'tasks={self._unfinished_tasks}')
        return ' '.join(parts)

    def qsize(self):
        """Number of items in the queue."""
        return len(self._queue)

    @property
    def maxsize(self):
        """Number of items allowed in the queue (<= 0: unbounded)."""
        return self._maxsize

    def empty(self):
        """Return True if the queue is empty."""
        return not self._queue

    def full(self):
        """Return True if the queue holds maxsize items (never when unbounded)."""
        if self._maxsize <= 0:
            return False
        return self.qsize() >= self._maxsize

    async def put(self, item):
        """Put item into the queue, waiting for a free slot if it is full."""
        while self.full():
            putter = self._get_loop().create_future()
            self._putters.append(putter)
            try:
                await putter
            except:
                putter.cancel()     # in case we were not woken through it
                try:
                    self._putters.remove(putter)
                except ValueError:
                    pass            # already popped by _wakeup_next
                # Woken and cancelled at once: hand the free slot to the next putter.
                if not self.full() and not putter.cancelled():
                    self._wakeup_next(self._putters)
                raise
        return self.put_nowait(item)

    def put_nowait(self, item):
        """Put item into the queue at once; raise QueueFull if there is no free slot."""
        if self.full():
            raise QueueFull
        self._put(item)
        self._unfinished_tasks += 1
        self._finished.clear()
        self._wakeup_next(self._getters)

    async def get(self):
        """Remove and return an item, waiting for one if the queue is empty."""
        while self.empty():
            getter = self._get_loop().create_future()
            self._getters.append(getter)
            try:
                await getter
            except:
                getter.cancel()
                try:
                    self._getters.remove(getter)
                except ValueError:
                    pass
                # Woken and cancelled at once: hand the item to the next getter.
                if not self.empty() and not getter.cancelled():
                    self._wakeup_next(self._getters)
                raise
        return self.get_nowait()

    def get_nowait(self):
        """Remove and return an item at once; raise QueueEmpty if there is none."""
        if self.empty():
            raise QueueEmpty
        item = self._get()
        self._wakeup_next(self._putters)
        return item

    def task_done(self):
        """Mark one item fetched by get() as processed; join() returns when all are.

        ValueError if called more times than items were put.
        """
        if self._unfinished_tasks <= 0:
            raise ValueError('task_done() called too many times')
        self._unfinished_tasks -= 1
        if self._unfinished_tasks == 0:
            self._finished.set()

    async def join(self):
        """Wait until every item put has been fetched and marked done (task_done())."""
        if self._unfinished_tasks > 0:
            await self._finished.wait()


class PriorityQueue(Queue):
    """A Queue that returns the lowest item first (entries often (priority, data))."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        heapq.heappush(self._queue, item)

    def _get(self):
        return heapq.heappop(self._queue)


class LifoQueue(Queue):
    """A Queue that returns the most recently added item first."""

    def _init(self, maxsize):
        self._queue = []

    def _put(self, item):
        self._queue.append(item)

    def _get(self):
        return self._queue.pop()
