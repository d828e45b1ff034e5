# Barrier: abort, reset, timeouts and BrokenBarrierError.
import threading

b = threading.Barrier(3)
errors = []
lock = threading.Lock()


def party():
    try:
        b.wait()
    except threading.BrokenBarrierError:
        with lock:
            errors.append("broken")


ts = [threading.Thread(target=party) for _ in range(2)]
for t in ts:
    t.start()
while b.n_waiting < 2:
    pass
b.abort()
for t in ts:
    t.join()
print(errors, b.broken)
try:
    b.wait()
except threading.BrokenBarrierError as e:
    print("BrokenBarrierError", repr(e), isinstance(e, RuntimeError))
b.reset()
print(b.broken, b.n_waiting)

# A timeout breaks the barrier for everyone.
b = threading.Barrier(2, timeout=0.02)
try:
    b.wait()
except threading.BrokenBarrierError:
    print("timed out, broken:", b.broken)
b.reset()
# A failing action breaks it too.
def bad():
    raise ValueError("action failed")


b = threading.Barrier(1, action=bad)
try:
    b.wait()
except ValueError as e:
    print("ValueError", e, b.broken)
# Reset while threads are waiting: they get BrokenBarrierError.
b = threading.Barrier(3)
errors = []
ts = [threading.Thread(target=party) for _ in range(2)]
for t in ts:
    t.start()
while b.n_waiting < 2:
    pass
b.reset()
for t in ts:
    t.join()
print(errors, b.broken)
