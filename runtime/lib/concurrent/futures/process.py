"""ProcessPoolExecutor: an Executor that runs calls in worker processes.

ftpy's version is built on multiprocessing.Pool (fork start method): a dispatcher thread
moves submitted calls to the pool, keeping at most max_workers + 1 of them there, so that
calls still waiting here can be cancelled. Differences from CPython: a worker that dies
abruptly (os._exit, a signal) breaks the executor as in CPython: the calls running or
pending fail with BrokenProcessPool. Exceptions carry no remote traceback.
max_tasks_per_child is allowed with the fork context (CPython refuses it there)."""

__all__ = ['ProcessPoolExecutor', 'BrokenProcessPool']

import collections
import itertools
import os
import threading
import weakref

from concurrent.futures import _base

EXTRA_QUEUED_CALLS = 1

_executors = weakref.WeakSet()
_global_shutdown = False


def _python_exit():
    global _global_shutdown
    _global_shutdown = True
    for executor in list(_executors):
        executor.shutdown(wait=True)


threading._register_atexit(_python_exit)


class BrokenProcessPool(_base.BrokenExecutor):
    """A worker process of a ProcessPoolExecutor could not start or ended abruptly."""


def _process_chunk(fn, chunk):
    return [fn(*args) for args in chunk]


def _get_chunks(*iterables, chunksize):
    it = zip(*iterables)
    while True:
        chunk = tuple(itertools.islice(it, chunksize))
        if not chunk:
            return
        yield chunk


def _chain_from_iterable_of_lists(iterable):
    for element in iterable:
        element.reverse()
        while element:
            yield element.pop()


class ProcessPoolExecutor(_base.Executor):

    def __init__(self, max_workers=None, mp_context=None, initializer=None, initargs=(),
                 *, max_tasks_per_child=None):
        """max_workers processes (default: the number of CPUs) run the calls;
        initializer(*initargs) runs in each of them first; max_tasks_per_child calls
        at most before a worker is replaced."""
        if max_workers is None:
            max_workers = os.cpu_count() or 1
        elif max_workers <= 0:
            raise ValueError("max_workers must be greater than 0")
        if mp_context is None:
            import multiprocessing
            mp_context = multiprocessing.get_context('fork')
        if initializer is not None and not callable(initializer):
            raise TypeError("initializer must be a callable")
        if max_tasks_per_child is not None:
            if not isinstance(max_tasks_per_child, int):
                raise TypeError("max_tasks_per_child must be an integer")
            elif max_tasks_per_child <= 0:
                raise ValueError("max_tasks_per_child must be >= 1")
        self._max_workers = max_workers
        self._mp_context = mp_context
        self._initializer = initializer
        self._initargs = initargs
        self._max_tasks_per_child = max_tasks_per_child
        self._cond = threading.Condition()
        self._pending = collections.deque()
        self._inflight = 0
        self._running = set()
        self._shutdown_thread = False
        self._broken = False
        self._pool = None
        self._dispatcher = None
        _executors.add(self)

    def _start_dispatcher(self):
        if self._dispatcher is None:
            self._pool = self._mp_context.Pool(self._max_workers, self._initializer,
                                               self._initargs, self._max_tasks_per_child)
            self._pool._worker_died_hook = self._worker_died
            self._dispatcher = threading.Thread(target=self._dispatch,
                                                name='ProcessPoolExecutorDispatcher',
                                                daemon=True)
            self._dispatcher.start()

    def _dispatch(self):
        limit = self._max_workers + EXTRA_QUEUED_CALLS
        pool = self._pool
        while True:
            with self._cond:
                while not ((self._pending and self._inflight < limit) or
                           (self._shutdown_thread and not self._pending) or self._broken):
                    self._cond.wait()
                if not self._pending or self._broken:
                    break
                f, fn, args, kwargs = self._pending.popleft()
                if not f.set_running_or_notify_cancel():
                    continue
                self._inflight += 1
                self._running.add(f)
            try:
                pool.apply_async(fn, args, kwargs,
                                 callback=lambda value, f=f: self._done(f, True, value),
                                 error_callback=lambda exc, f=f: self._done(f, False, exc))
            except BaseException as e:
                self._done(f, False, e)
        # Wait for the calls still in the pool, then stop the workers.
        with self._cond:
            while self._inflight and not self._broken:
                self._cond.wait()
            broken = self._broken
        if broken:
            pool.terminate()
        else:
            pool.close()
        pool.join()

    def _worker_died(self, exitcode):
        """A worker ended abruptly: fail every call running or pending, refuse new ones."""
        with self._cond:
            if self._broken:
                return
            self._broken = ('A child process terminated abruptly, the process pool is not '
                            'usable anymore')
            victims = list(self._running) + [item[0] for item in self._pending]
            self._running.clear()
            self._pending.clear()
            self._inflight = 0
            self._cond.notify_all()
        for f in victims:
            exc = BrokenProcessPool('A process in the process pool was terminated abruptly '
                                    'while the future was running or pending.')
            try:
                f.set_exception(exc)
            except _base.InvalidStateError:
                pass

    def _done(self, f, ok, value):
        with self._cond:
            if f not in self._running:
                return
            self._running.discard(f)
            self._inflight -= 1
            self._cond.notify_all()
        if ok:
            f.set_result(value)
        else:
            f.set_exception(value)

    def submit(self, fn, /, *args, **kwargs):
        with self._cond:
            if self._broken:
                raise BrokenProcessPool(self._broken)
            if self._shutdown_thread:
                raise RuntimeError('cannot schedule new futures after shutdown')
            if _global_shutdown:
                raise RuntimeError('cannot schedule new futures after interpreter shutdown')
            f = _base.Future()
            self._pending.append((f, fn, args, kwargs))
            self._start_dispatcher()
            self._cond.notify_all()
            return f

    submit.__doc__ = _base.Executor.submit.__doc__

    def map(self, fn, *iterables, timeout=None, chunksize=1):
        """Like map(fn, *iterables), run in the workers chunksize calls at a time."""
        if chunksize < 1:
            raise ValueError("chunksize must be >= 1.")
        results = super().map(_process_chunk, itertools.repeat(fn),
                              _get_chunks(*iterables, chunksize=chunksize),
                              timeout=timeout)
        return _chain_from_iterable_of_lists(results)

    def shutdown(self, wait=True, *, cancel_futures=False):
        with self._cond:
            self._shutdown_thread = True
            if cancel_futures:
                while self._pending:
                    f = self._pending.popleft()[0]
                    f.cancel()
            self._cond.notify_all()
            dispatcher = self._dispatcher
        if dispatcher is not None and wait:
            dispatcher.join()

    shutdown.__doc__ = _base.Executor.shutdown.__doc__
