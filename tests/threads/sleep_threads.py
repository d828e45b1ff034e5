# time.sleep in threads releases the interpreter to the others: sleepers overlap.
import threading
import time

order = []
lock = threading.Lock()


def sleeper(i, d):
    time.sleep(d)
    with lock:
        order.append(i)


ts = [threading.Thread(target=sleeper, args=(i, 0.01)) for i in range(10)]
start = time.monotonic()
for t in ts:
    t.start()
for t in ts:
    t.join()
elapsed = time.monotonic() - start
print(sorted(order))
# ten 10 ms sleeps in parallel take far less than their sum when they overlap
print(elapsed < 0.09 * 10)
# ordering guaranteed by distinct delays well apart
order.clear()
ts = [threading.Thread(target=sleeper, args=(i, 0.05 * (3 - i))) for i in range(3)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(order)
# a thread spinning in Python does not starve a sleeper
stop = threading.Event()
spins = [0]


def spin():
    while not stop.is_set():
        spins[0] += 1


s = threading.Thread(target=spin)
s.start()
time.sleep(0.02)
stop.set()
s.join()
print(spins[0] > 0)
