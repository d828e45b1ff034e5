# RLock objects: repr, _is_owned, _release_save / _acquire_restore, subclassing.
import _thread
import threading

r = threading.RLock()
print(type(r) is _thread.RLock, type(r).__name__)
print(repr(r).startswith("<unlocked _thread.RLock object owner=0 count=0 at 0x"))
print(r._is_owned())
r.acquire()
r.acquire()
print(r._is_owned(), ("owner=%d count=2" % threading.get_ident()) in repr(r))
state = r._release_save()
print(state[0], state[1] == threading.get_ident(), r._is_owned())
r._acquire_restore(state)
print(r._is_owned())
r.release()
r.release()
print(r._is_owned())
try:
    r._release_save()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    r.release()
except RuntimeError as e:
    print("RuntimeError", e)
for kwargs in [dict(blocking=False, timeout=1), dict(timeout=-2)]:
    try:
        r.acquire(**kwargs)
    except ValueError as e:
        print("ValueError", e)
with r:
    with r:
        print("nested", r._is_owned())
print(r._is_owned())


class MyRLock(_thread.RLock):
    pass


m = MyRLock()
print(m.acquire(), m._is_owned(), type(m).__name__)
m.release()
