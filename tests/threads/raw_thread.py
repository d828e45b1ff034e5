# The _thread module directly: start_new_thread, locks, get_ident, _count.
import _thread
import time

done = _thread.allocate_lock()
done.acquire()
out = []


def f(a, b, c=None):
    out.append((a, b, c, _thread.get_ident() != main_ident))
    done.release()


main_ident = _thread.get_ident()
tid = _thread.start_new_thread(f, (1, 2), {"c": 3})
print(type(tid).__name__, tid != main_ident)
print(done.acquire(timeout=5))
print(out)
# start_new is the old alias; kwargs optional
done2 = _thread.allocate()
done2.acquire()
_thread.start_new(lambda: done2.release(), ())
print(done2.acquire(True, 5))
# _count comes back to 0 when threads finish
for _ in range(50):
    if _thread._count() == 0:
        break
    time.sleep(0.01)
print(_thread._count())
for args in [(1, ()), (print, []), (print, (), [])]:
    try:
        _thread.start_new_thread(*args)
    except TypeError as e:
        print("TypeError", e)
print(_thread.error is RuntimeError, _thread.TIMEOUT_MAX > 1e9)
print(_thread.stack_size())
try:
    _thread.stack_size(100)
except ValueError as e:
    print("ValueError", e)
print(_thread.stack_size(1 << 20), _thread.stack_size(0), _thread.stack_size())
try:
    _thread.exit()
except SystemExit as e:
    print("SystemExit", e.args)
# _thread.exit in a thread ends it quietly
quiet = _thread.allocate_lock()
quiet.acquire()


def leave():
    quiet.release()
    _thread.exit()


_thread.start_new_thread(leave, ())
print(quiet.acquire(timeout=5))
