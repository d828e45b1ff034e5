# CPU-bound threads all make progress and finish (the interpreter switches between them);
# exact results, no timings.
import threading

results = {}


def collatz_steps(limit, name):
    total = 0
    for n in range(1, limit):
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            total += 1
    results[name] = total


ts = [threading.Thread(target=collatz_steps, args=(3000, i)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(results.items()))
stop = threading.Event()
ticks = [0, 0]


def spinner(i):
    while not stop.is_set():
        ticks[i] += 1


a = threading.Thread(target=spinner, args=(0,))
b = threading.Thread(target=spinner, args=(1,))
a.start()
b.start()
# both spinners get to run before the main thread stops them
while not (ticks[0] > 100 and ticks[1] > 100):
    pass
stop.set()
a.join()
b.join()
print("both progressed")
