# Lock objects: acquire arguments, errors, context manager, type.
import _thread
import threading

l = threading.Lock()
print(type(l) is _thread.LockType, type(l).__name__, type(l).__module__)
print(repr(l).startswith("<unlocked _thread.lock object at 0x"))
print(l.acquire(), l.locked(), repr(l).startswith("<locked _thread.lock object"))
print(l.acquire(False), l.acquire(blocking=False), l.acquire(timeout=0), l.acquire(True, 0.01))
l.release()
print(l.locked())
try:
    l.release()
except RuntimeError as e:
    print("RuntimeError", e)
for kwargs in [dict(blocking=False, timeout=1), dict(timeout=-2), dict(timeout=-0.5)]:
    try:
        l.acquire(**kwargs)
    except ValueError as e:
        print("ValueError", e)
print(l.acquire(timeout=-1), l.locked())
l.release()
print(l.acquire(blocking=False, timeout=-1))
l.release()
with l:
    print("in with", l.locked())
print(l.locked())
try:
    with l:
        raise KeyError("x")
except KeyError:
    print("KeyError, released:", not l.locked())
try:
    _thread.LockType()
except TypeError as e:
    print("TypeError", e)
print(l.acquire_lock(), l.locked_lock())
l.release_lock()
print(l.__enter__(), l.__exit__(None, None, None), l.locked())
print(threading.Lock is _thread.allocate_lock)
