# initializer / initargs, and a failing initializer breaking the pool.
from concurrent.futures import ThreadPoolExecutor, BrokenExecutor
import threading
import sys

tls = threading.local()
inits = []
lock = threading.Lock()


def init(tag, base):
    tls.value = base
    with lock:
        inits.append(tag)


def get(_):
    return tls.value


with ThreadPoolExecutor(max_workers=2, initializer=init, initargs=("x", 100)) as ex:
    print(set(ex.map(get, range(10))))
print(set(inits), 1 <= len(inits) <= 2)
try:
    ThreadPoolExecutor(max_workers=0)
except ValueError as e:
    print("ValueError", e)
try:
    ThreadPoolExecutor(initializer=5)
except TypeError as e:
    print("TypeError", e)


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


def bad_init():
    raise OSError("no init")


cap = Capture()
saved = sys.stderr
sys.stderr = cap
ex = ThreadPoolExecutor(max_workers=1, initializer=bad_init)
f = ex.submit(print, "never")
try:
    f.result(timeout=5)
except BrokenExecutor as e:
    print(type(e).__name__, e)
try:
    ex.submit(print, "never")
except BrokenExecutor as e:
    print(type(e).__name__, e)
ex.shutdown()
sys.stderr = saved
text = "".join(cap.parts)
print("Exception in initializer:" in text, "OSError: no init" in text)
