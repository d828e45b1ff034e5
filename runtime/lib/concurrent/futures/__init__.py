"""Run callables asynchronously and collect their results through Future objects.

ThreadPoolExecutor runs calls in threads; ProcessPoolExecutor (imported on first use, from
concurrent.futures.process) runs them in worker processes.
"""

from concurrent.futures._base import (FIRST_COMPLETED,
                                      FIRST_EXCEPTION,
                                      ALL_COMPLETED,
                                      CancelledError,
                                      TimeoutError,
                                      InvalidStateError,
                                      BrokenExecutor,
                                      Future,
                                      Executor,
                                      wait,
                                      as_completed)
from concurrent.futures.thread import ThreadPoolExecutor

__all__ = (
    'FIRST_COMPLETED',
    'FIRST_EXCEPTION',
    'ALL_COMPLETED',
    'CancelledError',
    'TimeoutError',
    'BrokenExecutor',
    'Future',
    'Executor',
    'wait',
    'as_completed',
    'ThreadPoolExecutor',
    'ProcessPoolExecutor',
)


def __getattr__(name):
    if name == 'ProcessPoolExecutor':
        from .process import ProcessPoolExecutor as pe
        globals()['ProcessPoolExecutor'] = pe
        return pe
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
