"""Synchronised queues for passing items between threads: Queue (FIFO), LifoQueue,
PriorityQueue and SimpleQueue, with CPython 3.11's API.

ftpy's own implementation. Every queue keeps its items in a list guarded by one lock with
three conditions on it (not_empty, not_full, all_tasks_done), as CPython's queue.py does.
"""

import threading
from time import monotonic as time

try:
    from heapq import heappush, heappop
except ImportError:
    # heapq is not available yet: the two heap operations PriorityQueue needs.
    def heappush(heap, item):
        heap.append(item)
        pos = len(heap) - 1
        while pos > 0:
            parent = (pos - 1) >> 1
            if item < heap[parent]:
                heap[pos] = heap[parent]
                pos = parent
            else:
                break
        heap[pos] = item

    def heappop(heap):
        last = heap.pop()
        if not heap:
            return last
        top = heap[0]
        n = len(heap)
        pos = 0
        while True:
            child = 2 * pos + 1
            if child >= n:
                break
            right = child + 1
            if right < n and not heap[child] < heap[right]:
                child = right
            if heap[child] < last:
                heap[pos] = heap[child]
                pos = child
            else:
                break
        heap[pos] = last
        return top

__all__ = ['Empty', 'Full', 'Queue', 'PriorityQueue', 'LifoQueue', 'SimpleQueue']


class Empty(Exception):
    """get() found no item (without blocking, or within its timeout)."""


class Full(Exception):
    """put() found no free slot (without blocking, or within its timeout)."""


class Queue:
    """A first-in first-out queue holding at most maxsize items (no limit when maxsize
    is 0 or less), safe to share between threads."""

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        # One mutex guards the items and the unfinished-task count; the three conditions
        # share it.
        self.mutex = threading.Lock()
        self.not_empty = threading.Condition(self.mutex)
        self.not_full = threading.Condition(self.mutex)
        self.all_tasks_done = threading.Condition(self.mutex)
        self.unfinished_tasks = 0

    def task_done(self):
        """A consumer tells the queue it has finished with an item it got; join() waits
        for one such call per item put."""
        with self.all_tasks_done:
            unfinished = self.unfinished_tasks - 1
            if unfinished <= 0:
                if unfinished < 0:
                    raise ValueError('task_done() called too many times')
                self.all_tasks_done.notify_all()
            self.unfinished_tasks = unfinished

    def join(self):
        """Wait until every item put has been got and marked done (task_done)."""
        with self.all_tasks_done:
            while self.unfinished_tasks:
                self.all_tasks_done.wait()

    def qsize(self):
        """The number of items now (another thread may change it at once)."""
        with self.mutex:
            return self._qsize()

    def empty(self):
        """Whether there is no item now (another thread may change it at once)."""
        with self.mutex:
            return not self._qsize()

    def full(self):
        """Whether a bounded queue has no free slot now."""
        with self.mutex:
            return 0 < self.maxsize <= self._qsize()

    def put(self, item, block=True, timeout=None):
        """Put an item into the queue, waiting for a free slot when the queue is bounded
        and full (at most `timeout` seconds: then Full)."""
        with self.not_full:
            if self.maxsize > 0:
                if not block:
                    if self._qsize() >= self.maxsize:
                        raise Full
                elif timeout is None:
                    while self._qsize() >= self.maxsize:
                        self.not_full.wait()
                elif timeout < 0:
                    raise ValueError("'timeout' must be a non-negative number")
                else:
                    endtime = time() + timeout
                    while self._qsize() >= self.maxsize:
                        remaining = endtime - time()
                        if remaining <= 0.0:
                            raise Full
                        self.not_full.wait(remaining)
            self._put(item)
            self.unfinished_tasks += 1
            self.not_empty.notify()

    def get(self, block=True, timeout=None):
        """Remove and return an item, waiting for one when the queue is empty (at most
        `timeout` seconds: then Empty)."""
        with self.not_empty:
            if not block:
                if not self._qsize():
                    raise Empty
            elif timeout is None:
                while not self._qsize():
                    self.not_empty.wait()
            elif timeout < 0:
                raise ValueError("'timeout' must be a non-negative number")
            else:
                endtime = time() + timeout
                while not self._qsize():
                    remaining = endtime - time()
                    if remaining <= 0.0:
                        raise Empty
                    self.not_empty.wait(remaining)
            item = self._get()
            self.not_full.notify()
            return item

    def put_nowait(self, item):
        """put(item, block=False)"""
        return self.put(item, block=False)

    def get_nowait(self):
        """get(block=False)"""
        return self.get(block=False)

    # The storage, overridden by the subclasses; called with the mutex held.

    def _init(self, maxsize):
        self.queue = _Fifo()

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.popleft()


class _Fifo:
    # A FIFO on a list with a moving head (collections.deque is not available yet):
    # O(1) amortised append and popleft.

    def __init__(self):
        self._items = []
        self._head = 0

    def __len__(self):
        return len(self._items) - self._head

    def __bool__(self):
        return len(self._items) > self._head

    def __iter__(self):
        return iter(self._items[self._head:])

    def __repr__(self):
        return "deque(%r)" % (self._items[self._head:],)

    def append(self, item):
        self._items.append(item)

    def popleft(self):
        if self._head >= len(self._items):
            raise IndexError("pop from an empty deque")
        item = self._items[self._head]
        self._items[self._head] = None
        self._head += 1
        if self._head > 32 and self._head * 2 > len(self._items):
            del self._items[:self._head]
            self._head = 0
        return item

    def clear(self):
        self._items = []
        self._head = 0


class PriorityQueue(Queue):
    """A queue that hands out its smallest item first (a binary heap)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        heappush(self.queue, item)

    def _get(self):
        return heappop(self.queue)


class LifoQueue(Queue):
    """A last-in first-out queue (a stack)."""

    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop()


class SimpleQueue:
    """An unbounded first-in first-out queue without task tracking."""

    def __init__(self):
        self._queue = _Fifo()
        self._count = threading.Semaphore(0)
        self._lock = threading.Lock()

    def put(self, item, block=True, timeout=None):
        """Put the item on the queue; never blocks (block and timeout are ignored)."""
        with self._lock:
            self._queue.append(item)
        self._count.release()

    def get(self, block=True, timeout=None):
        """Remove and return an item, waiting for one when the queue is empty (at most
        `timeout` seconds: then Empty)."""
        if timeout is not None and timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        if not self._count.acquire(block, timeout if block else None):
            raise Empty
        with self._lock:
            return self._queue.popleft()

    def put_nowait(self, item):
        """put(item)"""
        return self.put(item, block=False)

    def get_nowait(self):
        """get(block=False)"""
        return self.get(False)

    def empty(self):
        """Whether there is no item now."""
        with self._lock:
            return len(self._queue) == 0

    def qsize(self):
        """The number of items now."""
        with self._lock:
            return len(self._queue)
