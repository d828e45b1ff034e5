# Future callbacks run once each, in registration order; a failing callback is logged
# and does not stop the others.
from concurrent.futures import Future, ThreadPoolExecutor
import sys
import threading

f = Future()
order = []
for i in range(5):
    f.add_done_callback(lambda fut, i=i: order.append(i))
t = threading.Thread(target=f.set_result, args=("x",))
t.start()
t.join()
print(order)


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


cap = Capture()
saved = sys.stderr
sys.stderr = cap
g = Future()
ran = []


def bad(fut):
    raise RuntimeError("callback failed")


g.add_done_callback(bad)
g.add_done_callback(lambda fut: ran.append("after bad"))
g.set_result(1)
sys.stderr = saved
print(ran)
text = "".join(cap.parts)
print("exception calling callback for" in text, "RuntimeError: callback failed" in text)
# many futures completed by a pool, callbacks counted under a lock
count = [0]
lock = threading.Lock()


def cb(fut):
    with lock:
        count[0] += fut.result()


with ThreadPoolExecutor(4) as ex:
    for i in range(100):
        ex.submit(lambda i=i: i).add_done_callback(cb)
print(count[0])
