# Condition: producers and consumers over a bounded buffer, exact totals.
import threading

cond = threading.Condition()
buf = []
CAP = 5
PRODUCERS, ITEMS = 3, 400
CONSUMERS = 3
consumed = []
done_producing = [0]


def producer(base):
    for i in range(ITEMS):
        with cond:
            while len(buf) >= CAP:
                cond.wait()
            buf.append(base + i)
            cond.notify_all()
    with cond:
        done_producing[0] += 1
        cond.notify_all()


def consumer():
    got = []
    while True:
        with cond:
            while not buf and done_producing[0] < PRODUCERS:
                cond.wait()
            if not buf:
                break
            got.append(buf.pop(0))
            cond.notify_all()
    with cond:
        consumed.extend(got)


ts = [threading.Thread(target=producer, args=(k * 10000,)) for k in range(PRODUCERS)]
ts += [threading.Thread(target=consumer) for _ in range(CONSUMERS)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(consumed), sum(consumed))
expected = [k * 10000 + i for k in range(PRODUCERS) for i in range(ITEMS)]
print(sorted(consumed) == expected)
