"""Pools of worker processes (Pool) with CPython's API: apply, map, imap, starmap and
their asynchronous variants.

Three threads of the parent run a pool: the worker handler (replaces workers that exit,
for maxtasksperchild), the task handler (writes tasks to the workers' queue) and the
result handler (reads results and completes the AsyncResult objects)."""

__all__ = ['Pool', 'ThreadPool']

import collections
import itertools
import os
import queue
import threading
import time
import types

from . import util
from . import get_context, TimeoutError
from .connection import wait

INIT = "INIT"
RUN = "RUN"
CLOSE = "CLOSE"
TERMINATE = "TERMINATE"

job_counter = itertools.count()


def mapstar(args):
    return list(map(*args))


def starmapstar(args):
    return list(itertools.starmap(args[0], args[1]))


class RemoteTraceback(Exception):
    def __init__(self, tb):
        self.tb = tb

    def __str__(self):
        return self.tb


class ExceptionWithTraceback:
    """An exception raised in a worker, with its traceback as text: the parent gets the
    exception with a RemoteTraceback as its __cause__."""

    def __init__(self, exc, tb):
        self.exc = exc
        self.tb = '\n"""\n%s"""' % util.format_exception(exc, tb)

    def __reduce__(self):
        return rebuild_exc, (self.exc, self.tb)


def rebuild_exc(exc, tb):
    exc.__cause__ = RemoteTraceback(tb)
    return exc


class MaybeEncodingError(Exception):
    """Wraps possible unpickleable errors, so they can be safely sent through the
    socket."""

    def __init__(self, exc, value):
        self.exc = repr(exc)
        self.value = repr(value)
        super(MaybeEncodingError, self).__init__(self.exc, self.value)

    def __str__(self):
        return "Error sending result: '%s'. Reason: '%s'" % (self.value, self.exc)

    def __repr__(self):
        return "<%s: %s>" % (self.__class__.__name__, self)


def worker(inqueue, outqueue, initializer=None, initargs=(), maxtasks=None,
           wrap_exception=False):
    if (maxtasks is not None) and not (isinstance(maxtasks, int) and maxtasks >= 1):
        raise AssertionError("Maxtasks {!r} is not valid".format(maxtasks))
    put = outqueue.put
    get = inqueue.get
    if hasattr(inqueue, '_writer'):
        inqueue._writer.close()
        outqueue._reader.close()
    if initializer is not None:
        initializer(*initargs)
    completed = 0
    while maxtasks is None or (maxtasks and completed < maxtasks):
        try:
            task = get()
        except (EOFError, OSError):
            util.debug('worker got EOFError or OSError -- exiting')
            break
        if task is None:
            util.debug('worker got sentinel -- exiting')
            break
        job, i, func, args, kwds = task
        try:
            result = (True, func(*args, **kwds))
        except Exception as e:
            if wrap_exception and func is not _helper_reraises_exception:
                e = ExceptionWithTraceback(e, e.__traceback__)
            result = (False, e)
        try:
            put((job, i, result))
        except Exception as e:
            wrapped = MaybeEncodingError(e, result[1])
            util.debug("Possible encoding error while sending result: %s" % (wrapped))
            put((job, i, (False, wrapped)))
        task = job = result = func = args = kwds = None
        completed += 1
    util.debug('worker exiting after %d tasks' % completed)


def _helper_reraises_exception(ex):
    """Pickle-able helper function for use by _guarded_task_generation."""
    raise ex


class _PoolCache(dict):
    """The pending jobs of a pool; notifies the worker handler when it becomes empty."""

    def __init__(self, *args, notifier=None, **kwds):
        self.notifier = notifier
        super().__init__(*args, **kwds)

    def __delitem__(self, item):
        super().__delitem__(item)
        if not self:
            self.notifier()


class Pool(object):
    """A pool of worker processes to which jobs can be submitted."""
    _wrap_exception = True
    # Called (in the worker handler thread) with the exit code of a worker that ended
    # with a non-zero exit code; concurrent.futures.ProcessPoolExecutor sets it.
    _worker_died_hook = None

    @staticmethod
    def Process(ctx, *args, **kwds):
        return ctx.Process(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=(),
                 maxtasksperchild=None, context=None):
        self._pool = []
        self._state = INIT
        self._ctx = context or get_context()
        self._setup_queues()
        self._taskqueue = queue.SimpleQueue()
        # Wakes the worker handler (cache emptied, close, terminate).
        self._notify_r, self._notify_w = os.pipe()
        # Wakes the result handler (all tasks sent, terminate).
        self._result_notify_r, self._result_notify_w = os.pipe()
        self._cache = _PoolCache(notifier=self._notify_change)
        self._maxtasksperchild = maxtasksperchild
        self._initializer = initializer
        self._initargs = initargs

        if processes is None:
            processes = os.cpu_count() or 1
        if processes < 1:
            raise ValueError("Number of processes must be at least 1")
        if maxtasksperchild is not None:
            if not isinstance(maxtasksperchild, int) or maxtasksperchild <= 0:
                raise ValueError("maxtasksperchild must be a positive int or None")
        if initializer is not None and not callable(initializer):
            raise TypeError('initializer must be a callable')

        self._processes = processes
        try:
            self._repopulate_pool()
        except Exception:
            for p in self._pool:
                if p.exitcode is None:
                    p.terminate()
            for p in self._pool:
                p.join()
            raise

        self._worker_handler = threading.Thread(target=Pool._handle_workers, args=(self,),
                                                daemon=True)
        self._worker_handler._state = RUN
        self._worker_handler.start()

        self._task_handler = threading.Thread(target=Pool._handle_tasks, args=(self,),
                                              daemon=True)
        self._task_handler._state = RUN
        self._task_handler.start()

        self._result_handler = threading.Thread(target=Pool._handle_results, args=(self,),
                                                daemon=True)
        self._result_handler._state = RUN
        self._result_handler.start()

        self._terminate = util.Finalize(self, self._terminate_pool, exitpriority=15)
        self._state = RUN

    def _notify_change(self):
        try:
            os.write(self._notify_w, b'\0')
        except OSError:
            pass

    def __repr__(self):
        cls = self.__class__
        return (f'<{cls.__module__}.{cls.__qualname__} '
                f'state={self._state} '
                f'pool_size={len(self._pool)}>')

    def _setup_queues(self):
        self._inqueue = self._ctx.SimpleQueue()
        self._outqueue = self._ctx.SimpleQueue()
        self._quick_put = self._inqueue._writer.send
        self._quick_get = self._outqueue._reader.recv

    def _repopulate_pool(self):
        """Start workers until there are self._processes of them."""
        for i in range(self._processes - len(self._pool)):
            w = self.Process(self._ctx, target=worker,
                             args=(self._inqueue, self._outqueue, self._initializer,
                                   self._initargs, self._maxtasksperchild,
                                   self._wrap_exception))
            w.name = w.name.replace('Process', 'PoolWorker')
            w.daemon = True
            w.start()
            self._pool.append(w)
            util.debug('added worker')

    def _join_exited_workers(self):
        """Forget the workers that have exited; return whether there were any."""
        cleaned = False
        for i in reversed(range(len(self._pool))):
            w = self._pool[i]
            if w.exitcode is not None:
                util.debug('cleaning up worker %d' % i)
                w.join()
                cleaned = True
                del self._pool[i]
                if (w.exitcode != 0 and self._worker_died_hook is not None
                        and self._state != TERMINATE):
                    self._worker_died_hook(w.exitcode)
        return cleaned

    def _maintain_pool(self):
        if self._join_exited_workers():
            self._repopulate_pool()

    def _check_running(self):
        if self._state != RUN:
            raise ValueError("Pool not running")

    # ---- the API -------------------------------------------------------------------------

    def apply(self, func, args=(), kwds={}):
        """Call func(*args, **kwds) in a worker and return the result."""
        return self.apply_async(func, args, kwds).get()

    def map(self, func, iterable, chunksize=None):
        """Apply func to each element of iterable in the workers; return the list of
        results."""
        return self._map_async(func, iterable, mapstar, chunksize).get()

    def starmap(self, func, iterable, chunksize=None):
        """Like map, but the elements of iterable are argument tuples."""
        return self._map_async(func, iterable, starmapstar, chunksize).get()

    def starmap_async(self, func, iterable, chunksize=None, callback=None,
                      error_callback=None):
        return self._map_async(func, iterable, starmapstar, chunksize, callback,
                               error_callback)

    def _guarded_task_generation(self, result_job, func, iterable):
        """Yield the tasks of a job; an exception raised by iterable becomes a task that
        raises it."""
        try:
            i = -1
            for i, x in enumerate(iterable):
                yield (result_job, i, func, (x,), {})
        except Exception as e:
            yield (result_job, i + 1, _helper_reraises_exception, (e,), {})

    def imap(self, func, iterable, chunksize=1):
        """Lazy equivalent of map(): an iterator over the results, in order."""
        self._check_running()
        if chunksize == 1:
            result = IMapIterator(self)
            self._taskqueue.put((self._guarded_task_generation(result._job, func, iterable),
                                 result._set_length))
            return result
        else:
            if chunksize < 1:
                raise ValueError("Chunksize must be 1+, not {0:n}".format(chunksize))
            task_batches = Pool._get_tasks(func, iterable, chunksize)
            result = IMapIterator(self)
            self._taskqueue.put((self._guarded_task_generation(result._job, mapstar,
                                                               task_batches),
                                 result._set_length))
            return (item for chunk in result for item in chunk)

    def imap_unordered(self, func, iterable, chunksize=1):
        """Like imap(), but the results come in completion order."""
        self._check_running()
        if chunksize == 1:
            result = IMapUnorderedIterator(self)
            self._taskqueue.put((self._guarded_task_generation(result._job, func, iterable),
                                 result._set_length))
            return result
        else:
            if chunksize < 1:
                raise ValueError("Chunksize must be 1+, not {0!r}".format(chunksize))
            task_batches = Pool._get_tasks(func, iterable, chunksize)
            result = IMapUnorderedIterator(self)
            self._taskqueue.put((self._guarded_task_generation(result._job, mapstar,
                                                               task_batches),
                                 result._set_length))
            return (item for chunk in result for item in chunk)

    def apply_async(self, func, args=(), kwds={}, callback=None, error_callback=None):
        """Asynchronous version of apply(): returns an AsyncResult."""
        self._check_running()
        result = ApplyResult(self, callback, error_callback)
        self._taskqueue.put(([(result._job, 0, func, args, kwds)], None))
        return result

    def map_async(self, func, iterable, chunksize=None, callback=None, error_callback=None):
        """Asynchronous version of map(): returns an AsyncResult."""
        return self._map_async(func, iterable, mapstar, chunksize, callback, error_callback)

    def _map_async(self, func, iterable, mapper, chunksize=None, callback=None,
                   error_callback=None):
        self._check_running()
        if not hasattr(iterable, '__len__'):
            iterable = list(iterable)
        if chunksize is None:
            chunksize, extra = divmod(len(iterable), len(self._pool) * 4)
            if extra:
                chunksize += 1
        if len(iterable) == 0:
            chunksize = 0
        task_batches = Pool._get_tasks(func, iterable, chunksize)
        result = MapResult(self, chunksize, len(iterable), callback,
                           error_callback=error_callback)
        self._taskqueue.put((self._guarded_task_generation(result._job, mapper,
                                                           task_batches),
                             None))
        return result

    @staticmethod
    def _get_tasks(func, it, size):
        it = iter(it)
        while True:
            x = tuple(itertools.islice(it, size))
            if not x:
                return
            yield (func, x)

    def __reduce__(self):
        raise NotImplementedError('pool objects cannot be passed between processes or '
                                  'pickled')

    def close(self):
        """No more tasks will be submitted; the workers exit when the work is done."""
        util.debug('closing pool')
        if self._state == RUN:
            self._state = CLOSE
            self._worker_handler._state = CLOSE
            self._notify_change()

    def terminate(self):
        """Stop the workers at once, without completing outstanding work."""
        util.debug('terminating pool')
        self._state = TERMINATE
        self._terminate()

    def join(self):
        """Wait for the worker processes to exit (after close() or terminate())."""
        util.debug('joining pool')
        if self._state == RUN:
            raise ValueError("Pool is still running")
        elif self._state not in (CLOSE, TERMINATE):
            raise ValueError("In unknown state")
        self._worker_handler.join()
        self._task_handler.join()
        self._result_handler.join()
        for p in self._pool:
            p.join()

    def __enter__(self):
        self._check_running()
        return self

    def __exit__(self, exc_type, exc_val, exc_tb):
        self.terminate()

    # ---- the handler threads -------------------------------------------------------------

    @staticmethod
    def _handle_workers(pool):
        thread = threading.current_thread()
        while thread._state == RUN or (pool._cache and thread._state != TERMINATE):
            pool._maintain_pool()
            sentinels = [p.sentinel for p in pool._pool
                         if getattr(p, '_popen', None) is not None]
            ready = wait(sentinels + [pool._notify_r], timeout=None
                         if pool._maxtasksperchild is None else 0.1)
            if pool._notify_r in ready:
                try:
                    os.read(pool._notify_r, 4096)
                except OSError:
                    pass
        # All work is done (or the pool is being terminated): stop the task handler.
        pool._taskqueue.put(None)
        util.debug('worker handler exiting')

    @staticmethod
    def _handle_tasks(pool):
        thread = threading.current_thread()
        taskqueue = pool._taskqueue
        put = pool._quick_put
        for taskseq, set_length in iter(taskqueue.get, None):
            task = None
            try:
                for task in taskseq:
                    if thread._state != RUN:
                        util.debug('task handler found thread._state != RUN')
                        break
                    try:
                        put(task)
                    except Exception as e:
                        job, idx = task[:2]
                        try:
                            pool._cache[job]._set(idx, (False, e))
                        except KeyError:
                            pass
                else:
                    if set_length:
                        util.debug('doing set_length()')
                        idx = task[1] if task else -1
                        set_length(idx + 1)
                    continue
                break
            finally:
                task = taskseq = job = None
        else:
            util.debug('task handler got sentinel')
        if thread._state == RUN:
            try:
                # One sentinel per worker: they exit after the tasks before it.
                for p in pool._pool:
                    put(None)
            except OSError:
                util.debug('task handler got OSError when sending sentinels')
        # Tell the result handler to stop once the results have arrived.
        pool._result_handler._state = CLOSE if thread._state == RUN else TERMINATE
        pool._outqueue_wakeup()
        util.debug('task handler exiting')

    def _outqueue_wakeup(self):
        try:
            os.write(self._result_notify_w, b'\0')
        except (OSError, AttributeError):
            pass

    def _next_result(self):
        """Wait for a result from the workers or a wake-up; return the result, or None
        after a wake-up."""
        reader = self._outqueue._reader
        ready = wait([reader, self._result_notify_r])
        if self._result_notify_r in ready:
            try:
                os.read(self._result_notify_r, 4096)
            except OSError:
                pass
        if reader not in ready:
            return None
        return self._quick_get()

    @staticmethod
    def _handle_results(pool):
        thread = threading.current_thread()
        cache = pool._cache
        while True:
            if thread._state == TERMINATE:
                break
            if thread._state == CLOSE and not cache:
                break
            try:
                task = pool._next_result()
            except (OSError, EOFError):
                util.debug('result handler got EOFError/OSError -- exiting')
                return
            if task is None:
                continue
            job, i, obj = task
            try:
                cache[job]._set(i, obj)
            except KeyError:
                pass
            task = job = obj = None
        util.debug('result handler exiting: len(cache)=%s, thread._state=%s',
                   len(cache), thread._state)

    # ---- termination ---------------------------------------------------------------------

    def _terminate_pool(self):
        util.debug('finalizing pool')
        self._state = TERMINATE
        self._worker_handler._state = TERMINATE
        self._task_handler._state = TERMINATE
        self._notify_change()
        if self._worker_handler.is_alive():
            self._worker_handler.join()
        # No new workers from here on: stop the current ones.
        workers = list(self._pool)
        if workers and hasattr(workers[0], 'terminate'):
            for p in workers:
                if p.exitcode is None:
                    p.terminate()
        # The task handler may be blocked writing to a full pipe: read the tasks nobody
        # will run until it has gone.
        self._taskqueue.put(None)
        self._drain_inqueue()
        self._result_handler._state = TERMINATE
        self._outqueue_wakeup()
        if self._result_handler.is_alive():
            self._result_handler.join()
        if workers and hasattr(workers[0], 'terminate'):
            for p in workers:
                if p.is_alive():
                    p.join()
        self._close_notifiers()

    def _drain_inqueue(self):
        reader = self._inqueue._reader
        while self._task_handler.is_alive():
            if not reader.closed and reader.poll(0.01):
                try:
                    os.read(reader.fileno(), 65536)
                except OSError:
                    pass
            else:
                self._task_handler.join(0.01)

    def _close_notifiers(self):
        for name in ('_notify_r', '_notify_w', '_result_notify_r', '_result_notify_w'):
            fd = getattr(self, name, None)
            if fd is not None:
                setattr(self, name, None)
                try:
                    os.close(fd)
                except OSError:
                    pass


class ApplyResult(object):

    def __init__(self, pool, callback, error_callback):
        self._pool = pool
        self._event = threading.Event()
        self._job = next(job_counter)
        self._cache = pool._cache
        self._callback = callback
        self._error_callback = error_callback
        self._cache[self._job] = self

    def ready(self):
        return self._event.is_set()

    def successful(self):
        if not self.ready():
            raise ValueError("{0!r} not ready".format(self))
        return self._success

    def wait(self, timeout=None):
        self._event.wait(timeout)

    def get(self, timeout=None):
        self.wait(timeout)
        if not self.ready():
            raise TimeoutError
        if self._success:
            return self._value
        else:
            raise self._value

    def _set(self, i, obj):
        self._success, self._value = obj
        if self._callback and self._success:
            self._callback(self._value)
        if self._error_callback and not self._success:
            self._error_callback(self._value)
        self._event.set()
        del self._cache[self._job]
        self._pool = None

    __class_getitem__ = classmethod(types.GenericAlias)


AsyncResult = ApplyResult


class MapResult(ApplyResult):

    def __init__(self, pool, chunksize, length, callback, error_callback):
        ApplyResult.__init__(self, pool, callback, error_callback=error_callback)
        self._success = True
        self._value = [None] * length
        self._chunksize = chunksize
        if chunksize <= 0:
            self._number_left = 0
            self._event.set()
            del self._cache[self._job]
        else:
            self._number_left = length // chunksize + bool(length % chunksize)

    def _set(self, i, success_result):
        self._number_left -= 1
        success, result = success_result
        if success and self._success:
            self._value[i * self._chunksize:(i + 1) * self._chunksize] = result
            if self._number_left == 0:
                if self._callback:
                    self._callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None
        else:
            if not success and self._success:
                # Keep the first exception only.
                self._success = False
                self._value = result
            if self._number_left == 0:
                # Ready only once every chunk has come back.
                if self._error_callback:
                    self._error_callback(self._value)
                del self._cache[self._job]
                self._event.set()
                self._pool = None


class IMapIterator(object):

    def __init__(self, pool):
        self._pool = pool
        self._cond = threading.Condition(threading.Lock())
        self._job = next(job_counter)
        self._cache = pool._cache
        self._items = collections.deque()
        self._index = 0
        self._length = None
        self._unsorted = {}
        self._cache[self._job] = self

    def __iter__(self):
        return self

    def next(self, timeout=None):
        with self._cond:
            try:
                item = self._items.popleft()
            except IndexError:
                if self._index == self._length:
                    self._pool = None
                    raise StopIteration from None
                self._cond.wait(timeout)
                try:
                    item = self._items.popleft()
                except IndexError:
                    if self._index == self._length:
                        self._pool = None
                        raise StopIteration from None
                    raise TimeoutError from None
        success, value = item
        if success:
            return value
        raise value

    __next__ = next

    def _set(self, i, obj):
        with self._cond:
            if self._index == i:
                self._items.append(obj)
                self._index += 1
                while self._index in self._unsorted:
                    obj = self._unsorted.pop(self._index)
                    self._items.append(obj)
                    self._index += 1
                self._cond.notify()
            else:
                self._unsorted[i] = obj
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None

    def _set_length(self, length):
        with self._cond:
            self._length = length
            if self._index == self._length:
                self._cond.notify()
                del self._cache[self._job]
                self._pool = None


class IMapUnorderedIterator(IMapIterator):

    def _set(self, i, obj):
        with self._cond:
            self._items.append(obj)
            self._index += 1
            self._cond.notify()
            if self._index == self._length:
                del self._cache[self._job]
                self._pool = None


class ThreadPool(Pool):
    """A Pool whose workers are threads of this process (multiprocessing.dummy)."""
    _wrap_exception = False

    @staticmethod
    def Process(ctx, *args, **kwds):
        from .dummy import DummyProcess
        return DummyProcess(*args, **kwds)

    def __init__(self, processes=None, initializer=None, initargs=()):
        Pool.__init__(self, processes, initializer, initargs)

    def _setup_queues(self):
        self._inqueue = queue.SimpleQueue()
        self._outqueue = queue.SimpleQueue()
        self._quick_put = self._inqueue.put
        self._quick_get = self._outqueue.get

    def _next_result(self):
        return self._outqueue.get()

    def _outqueue_wakeup(self):
        self._outqueue.put(None)

    def _drain_inqueue(self):
        # Tasks nobody will run are dropped; each worker thread gets a sentinel.
        self._task_handler.join()
        try:
            while True:
                self._inqueue.get_nowait()
        except queue.Empty:
            pass
        for p in self._pool:
            self._inqueue.put(None)
