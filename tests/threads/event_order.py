# Event: waiters run only after set(); set/clear/is_set/wait semantics.
import threading

e = threading.Event()
print(e.is_set(), e.wait(0), e.wait(0.01))
log = []
lock = threading.Lock()


def waiter(i):
    e.wait()
    with lock:
        log.append(i)


ts = [threading.Thread(target=waiter, args=(i,)) for i in range(6)]
for t in ts:
    t.start()
with lock:
    log.append("before set")
e.set()
for t in ts:
    t.join()
print(log[0], sorted(log[1:]))
print(e.is_set(), e.wait(), e.wait(0))
e.clear()
print(e.is_set(), e.wait(0.01))

# ping-pong with two events: strict alternation
ping, pong = threading.Event(), threading.Event()
seq = []


def player():
    for i in range(5):
        ping.wait()
        ping.clear()
        seq.append("pong%d" % i)
        pong.set()


t = threading.Thread(target=player)
t.start()
for i in range(5):
    seq.append("ping%d" % i)
    ping.set()
    pong.wait()
    pong.clear()
t.join()
print(seq)
