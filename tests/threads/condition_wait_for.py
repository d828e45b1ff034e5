# Condition.wait_for, wait timeouts, notify(n) and notify_all.
import threading

c = threading.Condition(threading.Lock())
with c:
    print(c.wait(0.01))               # nobody notifies: timeout -> False
    print(c.wait_for(lambda: 42, 0))  # already true
    print(c.wait_for(lambda: 0, 0.01))

state = {"ready": 0, "woken": 0}


def waiter():
    with c:
        c.wait_for(lambda: state["ready"])
        state["woken"] += 1


ts = [threading.Thread(target=waiter) for _ in range(5)]
for t in ts:
    t.start()
# wait until all five are waiting
while True:
    with c:
        if len(c._waiters) == 5:
            break
with c:
    state["ready"] = 1
    c.notify(2)
# only two may run now; then wake the rest
while True:
    with c:
        if state["woken"] == 2:
            break
with c:
    print("waiting:", len(c._waiters))
    c.notify_all()
for t in ts:
    t.join()
print(state["woken"])
try:
    c.notify()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    c.wait()
except RuntimeError as e:
    print("RuntimeError", e)
