"""Synchronisation primitives for coroutines: Lock, Event, Condition, Semaphore,
BoundedSemaphore and Barrier (asyncio's API and semantics, CPython 3.11).

None of them is thread-safe: they coordinate tasks of one event loop. Waiters queue in
FIFO order as futures; a waiter woken up and then cancelled passes its turn on, so a
cancellation never loses a wake-up.
"""

__all__ = ('Lock', 'Event', 'Condition', 'Semaphore',
           'BoundedSemaphore', 'Barrier')

import collections
import enum

from . import exceptions
from . import mixins


class _ContextManagerMixin:
    """`async with prim:` acquires on entry and releases on exit (binds nothing)."""

    async def __aenter__(self):
        await self.acquire()
        return None

    async def __aexit__(self, exc_type, exc, tb):
        self.release()


def _describe(obj, extra):
    # "<asyncio.locks.Lock object at 0x...>" becomes "<asyncio.locks.Lock object at 0x... [extra]>"
    base = object.__repr__(obj)
    return f'<{base[1:-1]} [{extra}]>'


def _with_waiters(extra, waiters):
    if waiters:
        return f'{extra}, waiters:{len(waiters)}'
    return extra


class Lock(_ContextManagerMixin, mixins._LoopBoundMixin):
    """A primitive lock for coroutines, not owned by any task.

    acquire() (a coroutine) waits until the lock is unlocked and then locks it; release()
    unlocks it and lets the longest-waiting acquirer proceed. Releasing an unlocked lock is
    a RuntimeError. Use as `async with lock: ...`.
    """

    def __init__(self):
        self._waiters = None     # deque of futures, created on first contention
        self._locked = False

    def __repr__(self):
        state = 'locked' if self._locked else 'unlocked'
        return _describe(self, _with_waiters(state, self._waiters))

    def locked(self):
        """Return True if the lock is held."""
        return self._locked

    async def acquire(self):
        """Acquire the lock, waiting for it if needed; return True."""
        if not self._locked:
            # Take it at once unless a live waiter is queued ahead of us (fairness).
            if self._waiters is None or all(w.cancelled() for w in self._waiters):
                self._locked = True
                return True

        if self._waiters is None:
            self._waiters = collections.deque()
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                # Leave the queue before deciding whom to wake, so that we never
                # hand the wake-up to ourselves.
                self._waiters.remove(fut)
        except exceptions.CancelledError:
            # We may have been woken and cancelled at once: pass the turn on.
            if not self._locked:
                self._wake_up_first()
            raise

        self._locked = True
        return True

    def release(self):
        """Unlock the lock and wake up the first waiter, if any."""
        if not self._locked:
            raise RuntimeError('Lock is not acquired.')
        self._locked = False
        self._wake_up_first()

    def _wake_up_first(self):
        # Only the head of the queue is woken. If it is already done, it is about to run
        # and will either take the lock or, cancelled, wake the next one itself.
        if self._waiters:
            head = self._waiters[0]
            if not head.done():
                head.set_result(True)


class Event(mixins._LoopBoundMixin):
    """A flag that tasks can wait for: set() wakes all waiters, clear() resets it."""

    def __init__(self):
        self._waiters = collections.deque()
        self._value = False

    def __repr__(self):
        state = 'set' if self._value else 'unset'
        return _describe(self, _with_waiters(state, self._waiters))

    def is_set(self):
        """Return True if the flag is set."""
        return self._value

    def set(self):
        """Set the flag and wake up every waiting task."""
        if self._value:
            return
        self._value = True
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(True)

    def clear(self):
        """Reset the flag: later wait() calls block until set() again."""
        self._value = False

    async def wait(self):
        """Wait until the flag is set; return True."""
        if self._value:
            return True
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            await fut
            return True
        finally:
            self._waiters.remove(fut)


class Condition(_ContextManagerMixin, mixins._LoopBoundMixin):
    """A condition variable: tasks wait() (holding the lock) until another task that
    holds the lock calls notify() or notify_all(). The lock is a new Lock unless given."""

    def __init__(self, lock=None):
        if lock is None:
            lock = Lock()
        self._lock = lock
        # The condition's lock operations are its lock's.
        self.locked = lock.locked
        self.acquire = lock.acquire
        self.release = lock.release
        self._waiters = collections.deque()

    def __repr__(self):
        state = 'locked' if self.locked() else 'unlocked'
        return _describe(self, _with_waiters(state, self._waiters))

    async def wait(self):
        """Release the lock, wait for a notification, re-acquire the lock; return True.

        The lock is held again when wait() returns or raises, even when it is cancelled.
        """
        if not self.locked():
            raise RuntimeError('cannot wait on un-acquired lock')
        self.release()
        try:
            fut = self._get_loop().create_future()
            self._waiters.append(fut)
            try:
                await fut
                return True
            finally:
                self._waiters.remove(fut)
        finally:
            # Re-acquire whatever happens; a cancellation while re-acquiring is
            # remembered and raised once the lock is ours again.
            was_cancelled = False
            while True:
                try:
                    await self.acquire()
                except exceptions.CancelledError:
                    was_cancelled = True
                else:
                    break
            if was_cancelled:
                raise exceptions.CancelledError

    async def wait_for(self, predicate):
        """Wait until predicate() is true; return its last value."""
        result = predicate()
        while not result:
            await self.wait()
            result = predicate()
        return result

    def notify(self, n=1):
        """Wake up at most n waiting tasks (the lock must be held)."""
        if not self.locked():
            raise RuntimeError('cannot notify on un-acquired lock')
        woken = 0
        for fut in self._waiters:
            if woken >= n:
                break
            if not fut.done():
                woken += 1
                fut.set_result(False)

    def notify_all(self):
        """Wake up every waiting task (the lock must be held)."""
        self.notify(len(self._waiters))


class Semaphore(_ContextManagerMixin, mixins._LoopBoundMixin):
    """A counter that acquire() decrements (waiting while it is zero) and release()
    increments. Waiters are served in FIFO order."""

    def __init__(self, value=1):
        if value < 0:
            raise ValueError("Semaphore initial value must be >= 0")
        self._waiters = None
        self._value = value

    def __repr__(self):
        state = 'locked' if self.locked() else f'unlocked, value:{self._value}'
        return _describe(self, _with_waiters(state, self._waiters))

    def locked(self):
        """Return True if acquire() would have to wait."""
        if self._value == 0:
            return True
        return any(not w.cancelled() for w in (self._waiters or ()))

    async def acquire(self):
        """Decrement the counter, waiting while it is zero; return True."""
        if not self.locked():
            self._value -= 1
            return True

        if self._waiters is None:
            self._waiters = collections.deque()
        fut = self._get_loop().create_future()
        self._waiters.append(fut)
        try:
            try:
                await fut
            finally:
                self._waiters.remove(fut)
        except exceptions.CancelledError:
            # Woken (the unit was reserved for us) and then cancelled: give it back.
            if not fut.cancelled():
                self._value += 1
                self._wake_up_next()
            raise

        if self._value > 0:
            self._wake_up_next()
        return True

    def release(self):
        """Increment the counter and wake up the first waiter, if any."""
        self._value += 1
        self._wake_up_next()

    def _wake_up_next(self):
        # Reserve one unit for the first waiter not yet woken.
        if not self._waiters:
            return
        for fut in self._waiters:
            if not fut.done():
                self._value -= 1
                fut.set_result(True)
                return


class BoundedSemaphore(Semaphore):
    """A Semaphore whose release() raises ValueError above the initial value."""

    def __init__(self, value=1):
        self._bound_value = value
        super().__init__(value)

    def release(self):
        if self._value >= self._bound_value:
            raise ValueError('BoundedSemaphore released too many times')
        super().release()


class _BarrierState(enum.Enum):
    FILLING = 'filling'
    DRAINING = 'draining'
    RESETTING = 'resetting'
    BROKEN = 'broken'


class Barrier(mixins._LoopBoundMixin):
    """A barrier for a fixed number of tasks (asyncio's threading.Barrier).

    Each wait() blocks until `parties` tasks are waiting; then all proceed, each getting a
    distinct index in range(parties). The barrier fills, drains (while the released tasks
    leave) and fills again; reset() and abort() make waiting tasks raise
    BrokenBarrierError.
    """

    def __init__(self, parties):
        if parties < 1:
            raise ValueError('parties must be > 0')
        self._cond = Condition()     # notified whenever the state changes
        self._parties = parties
        self._state = _BarrierState.FILLING
        self._count = 0              # tasks inside wait()

    def __repr__(self):
        extra = self._state.value
        if not self.broken:
            extra += f', waiters:{self.n_waiting}/{self.parties}'
        return _describe(self, extra)

    async def __aenter__(self):
        return await self.wait()

    async def __aexit__(self, *args):
        pass

    async def wait(self):
        """Wait until `parties` tasks wait; return this task's index."""
        async with self._cond:
            await self._block()
            try:
                index = self._count
                self._count += 1
                if index + 1 == self._parties:
                    await self._release()
                else:
                    await self._wait()
                return index
            finally:
                self._count -= 1
                self._exit()

    async def _block(self):
        # Wait while a previous round drains or a reset completes; refuse when broken.
        await self._cond.wait_for(
            lambda: self._state not in (_BarrierState.DRAINING, _BarrierState.RESETTING))
        if self._state is _BarrierState.BROKEN:
            raise exceptions.BrokenBarrierError("Barrier aborted")

    async def _release(self):
        # The last party arrived: release everyone.
        self._state = _BarrierState.DRAINING
        self._cond.notify_all()

    async def _wait(self):
        # Wait until the barrier stops filling; a reset or abort breaks the wait.
        await self._cond.wait_for(lambda: self._state is not _BarrierState.FILLING)
        if self._state in (_BarrierState.BROKEN, _BarrierState.RESETTING):
            raise exceptions.BrokenBarrierError("Abort or reset of barrier")

    def _exit(self):
        # The last task out ends the draining or resetting round.
        if self._count == 0:
            if self._state in (_BarrierState.RESETTING, _BarrierState.DRAINING):
                self._state = _BarrierState.FILLING
            self._cond.notify_all()

    async def reset(self):
        """Return the barrier to its initial state; waiting tasks get BrokenBarrierError."""
        async with self._cond:
            if self._count > 0:
                if self._state is not _BarrierState.RESETTING:
                    self._state = _BarrierState.RESETTING
            else:
                self._state = _BarrierState.FILLING
            self._cond.notify_all()

    async def abort(self):
        """Break the barrier: current and future wait() calls raise BrokenBarrierError."""
        async with self._cond:
            self._state = _BarrierState.BROKEN
            self._cond.notify_all()

    @property
    def parties(self):
        """The number of tasks needed to pass the barrier."""
        return self._parties

    @property
    def n_waiting(self):
        """The number of tasks waiting while the barrier fills."""
        if self._state is _BarrierState.FILLING:
            return self._count
        return 0

    @property
    def broken(self):
        """True when the barrier is broken (aborted)."""
        return self._state is _BarrierState.BROKEN
