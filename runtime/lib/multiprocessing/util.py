"""Helpers shared by the multiprocessing package: finalizers run at exit or when an
object dies, callbacks run in a child after fork, and stream flushing."""

import itertools
import os
import sys
import threading
import weakref

__all__ = ['sub_debug', 'debug', 'info', 'sub_warning', 'get_logger', 'log_to_stderr',
           'is_exiting', 'Finalize', 'ForkAwareThreadLock', 'ForkAwareLocal',
           'close_all_fds_except', 'register_after_fork']

NOTSET = 0
SUBDEBUG = 5
DEBUG = 10
INFO = 20
SUBWARNING = 25

LOGGER_NAME = 'multiprocessing'
DEFAULT_LOGGING_FORMAT = '[%(levelname)s/%(processName)s] %(message)s'

_logger = None
_log_to_stderr = False


# ftpy has no logging module: the log functions print to stderr once log_to_stderr()
# was called, and do nothing otherwise.
class _StderrLogger:
    def __init__(self):
        self.level = NOTSET

    def setLevel(self, level):
        self.level = level

    def log(self, level, msg, *args):
        if level >= self.level:
            from . import process
            name = {SUBDEBUG: 'SUBDEBUG', DEBUG: 'DEBUG', INFO: 'INFO',
                    SUBWARNING: 'SUBWARNING'}.get(level, 'LEVEL%d' % level)
            if args:
                msg = msg % args
            sys.stderr.write('[%s/%s] %s\n' % (name, process.current_process().name, msg))


def sub_debug(msg, *args):
    if _logger:
        _logger.log(SUBDEBUG, msg, *args)


def debug(msg, *args):
    if _logger:
        _logger.log(DEBUG, msg, *args)


def info(msg, *args):
    if _logger:
        _logger.log(INFO, msg, *args)


def sub_warning(msg, *args):
    if _logger:
        _logger.log(SUBWARNING, msg, *args)


def get_logger():
    global _logger
    if _logger is None:
        _logger = _StderrLogger()
    return _logger


def log_to_stderr(level=None):
    global _log_to_stderr
    logger = get_logger()
    if level:
        logger.setLevel(level)
    _log_to_stderr = True
    return logger


# ---- after fork ---------------------------------------------------------------------------

_afterfork_registry = weakref.WeakValueDictionary()
_afterfork_counter = itertools.count()


def _run_after_forkers():
    items = list(_afterfork_registry.items())
    items.sort(key=lambda item: item[0][0])
    for (index, ident, func), obj in items:
        try:
            func(obj)
        except Exception as e:
            info('after forker raised exception %s', e)


def register_after_fork(obj, func):
    """Call func(obj) in every child process started after this call (obj held weakly)."""
    _afterfork_registry[(next(_afterfork_counter), id(obj), func)] = obj


# ---- finalizers ---------------------------------------------------------------------------

_finalizer_registry = {}
_finalizer_counter = itertools.count()


class Finalize(object):
    """Call callback(*args, **kwargs) once: when obj is garbage collected, when the
    Finalize object is called, or at exit if exitpriority is given (higher first)."""

    def __init__(self, obj, callback, args=(), kwargs=None, exitpriority=None):
        if (exitpriority is not None) and not isinstance(exitpriority, int):
            raise TypeError("Exitpriority ({0!r}) must be None or int, not {1!s}".format(
                exitpriority, type(exitpriority)))
        if obj is not None:
            self._weakref = weakref.ref(obj, self)
        elif exitpriority is None:
            raise ValueError("Without object, exitpriority cannot be None")
        self._callback = callback
        self._args = args
        self._kwargs = kwargs or {}
        self._key = (exitpriority, next(_finalizer_counter))
        self._pid = os.getpid()
        _finalizer_registry[self._key] = self

    def __call__(self, wr=None, _finalizer_registry=_finalizer_registry, sub_debug=sub_debug,
                 getpid=os.getpid):
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            sub_debug('finalizer no longer registered')
        else:
            if self._pid != getpid():
                sub_debug('finalizer ignored because different process')
                res = None
            else:
                res = self._callback(*self._args, **self._kwargs)
            self._weakref = self._callback = self._args = self._kwargs = self._key = None
            return res

    def cancel(self):
        try:
            del _finalizer_registry[self._key]
        except KeyError:
            pass
        else:
            self._weakref = self._callback = self._args = self._kwargs = self._key = None

    def still_active(self):
        return self._key in _finalizer_registry

    def __repr__(self):
        try:
            obj = self._weakref()
        except (AttributeError, TypeError):
            obj = None
        if obj is None:
            return '<%s object, dead>' % self.__class__.__name__
        x = '<%s object, callback=%s' % (self.__class__.__name__,
                                         getattr(self._callback, '__name__', self._callback))
        if self._args:
            x += ', args=' + str(self._args)
        if self._kwargs:
            x += ', kwargs=' + str(self._kwargs)
        if self._key[0] is not None:
            x += ', exitpriority=' + str(self._key[0])
        return x + '>'


def _run_finalizers(minpriority=None):
    """Run the registered finalizers whose priority is at least minpriority (all those
    with a priority when minpriority is None), highest priority first, newest first."""
    if _finalizer_registry is None:
        return
    if minpriority is None:
        f = lambda p: p[0] is not None
    else:
        f = lambda p: p[0] is not None and p[0] >= minpriority
    keys = [key for key in list(_finalizer_registry) if f(key)]
    keys.sort(reverse=True)
    for key in keys:
        finalizer = _finalizer_registry.get(key)
        if finalizer is not None:
            try:
                finalizer()
            except Exception:
                print_exception_to_stderr()
    if minpriority is None:
        _finalizer_registry.clear()


_exiting = False


def is_exiting():
    return _exiting or _exiting is None


def _exit_function():
    """Run at the end of every process: finalizers, then terminate daemonic children and
    join the others, then the remaining finalizers."""
    global _exiting
    if _exiting:
        return
    _exiting = True
    from . import process
    info('process shutting down')
    _run_finalizers(0)
    if process.current_process() is not None:
        for p in process.active_children():
            if p.daemon:
                info('calling terminate() for daemon %s', p.name)
                p._popen.terminate()
        for p in process.active_children():
            info('calling join() for process %s', p.name)
            p.join()
    _run_finalizers()


# The main process runs _exit_function at interpreter exit. ftpy has no atexit module;
# threading's exit hooks run at the same point (before non-daemon threads are joined).
def _register_exit_function():
    try:
        import atexit
    except ImportError:
        threading._register_atexit(_exit_function)
    else:
        atexit.register(_exit_function)


_register_exit_function()


# ---- thread locks that survive fork ---------------------------------------------------------

class ForkAwareThreadLock(object):
    def __init__(self):
        self._lock = threading.Lock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release
        register_after_fork(self, ForkAwareThreadLock._at_fork_reinit)

    def _at_fork_reinit(self):
        self._lock = threading.Lock()
        self.acquire = self._lock.acquire
        self.release = self._lock.release

    def __enter__(self):
        return self._lock.__enter__()

    def __exit__(self, *args):
        return self._lock.__exit__(*args)


class ForkAwareLocal(threading.local):
    def __init__(self):
        register_after_fork(self, lambda obj: obj.__dict__.clear())

    def __reduce__(self):
        return type(self), ()


# ---- misc -----------------------------------------------------------------------------------

def close_fds(*fds):
    for fd in fds:
        os.close(fd)


def close_all_fds_except(fds):
    fds = sorted(set(fds) | {-1})
    for i in range(len(fds) - 1):
        for fd in range(fds[i] + 1, fds[i + 1]):
            try:
                os.close(fd)
            except OSError:
                pass


def _close_stdin():
    if sys.stdin is None:
        return
    try:
        sys.stdin.close()
    except (OSError, ValueError):
        pass
    try:
        fd = os.open(os.devnull, os.O_RDONLY)
        try:
            sys.stdin = open(fd, closefd=False)
        except:
            os.close(fd)
            raise
    except (OSError, ValueError):
        pass


def _flush_std_streams():
    for stream in (sys.stdout, sys.stderr):
        try:
            stream.flush()
        except (AttributeError, ValueError):
            pass


def format_exception(exc, tb):
    """The text traceback.format_exception(type(exc), exc, tb) joins (ftpy has no
    traceback module: sys.__excepthook__ writes the same text, captured here)."""
    try:
        import traceback
    except ImportError:
        traceback = None
    if traceback is not None:
        return ''.join(traceback.format_exception(type(exc), exc, tb))
    import io
    old = sys.stderr
    sys.stderr = buf = io.StringIO()
    try:
        sys.__excepthook__(type(exc), exc, tb)
    finally:
        sys.stderr = old
    return buf.getvalue()


def print_exception_to_stderr():
    """Print the exception being handled with its traceback to stderr, as
    traceback.print_exc() does (ftpy has no traceback module: sys.excepthook prints the
    same text)."""
    try:
        import traceback
    except ImportError:
        traceback = None
    if traceback is not None:
        traceback.print_exc()
    else:
        sys.__excepthook__(*sys.exc_info())
