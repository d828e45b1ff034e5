# Future objects used directly: states, callbacks, errors.
from concurrent.futures import Future, CancelledError, InvalidStateError, TimeoutError
import concurrent.futures as cf
import threading

f = Future()
print(f.done(), f.running(), f.cancelled())
try:
    f.result(timeout=0)
except TimeoutError:
    print("TimeoutError")
try:
    f.exception(timeout=0.01)
except TimeoutError:
    print("TimeoutError")
print(f.set_running_or_notify_cancel(), f.running(), f.cancel())
got = []
f.add_done_callback(lambda x: got.append(x.result()))
f.set_result(5)
print(f.result(), got, f.done(), f.running())
try:
    f.set_result(6)
except InvalidStateError:
    print("InvalidStateError")
try:
    f.set_exception(ValueError())
except InvalidStateError:
    print("InvalidStateError")
c = Future()
print(c.cancel(), c.cancel(), c.cancelled(), c.done())
try:
    c.result()
except CancelledError:
    print("CancelledError")
try:
    c.exception()
except CancelledError:
    print("CancelledError")
print(c.set_running_or_notify_cancel())
e = Future()
e.set_exception(OSError(2, "nope"))
print(repr(e.exception()), e.done())
try:
    e.result()
except OSError as err:
    print("OSError", err)
# result() blocks until another thread sets it
w = Future()
threading.Timer(0.02, w.set_result, args=("later",)).start()
print(w.result(timeout=5))
print(issubclass(CancelledError, cf._base.Error), issubclass(cf.BrokenExecutor, RuntimeError))
print(repr(Future()).endswith("state=pending>"), "returned int" in repr(f))
print("raised OSError" in repr(e))
