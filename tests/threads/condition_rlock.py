# Condition over an RLock held several times: wait() releases every level and restores
# them afterwards.
import threading

r = threading.RLock()
c = threading.Condition(r)
flag = []


def setter():
    with c:                     # possible only if wait() released all levels
        flag.append("set")
        c.notify()


with c:
    with c:
        with c:
            t = threading.Thread(target=setter)
            t.start()
            print(c.wait_for(lambda: flag, timeout=5))
            print(r._is_owned(), "count=3" in repr(r))
t.join()
print(r._is_owned(), flag)
# A Condition over a plain Lock
c2 = threading.Condition(threading.Lock())
items = []


def produce():
    for i in range(50):
        with c2:
            items.append(i)
            c2.notify()


p = threading.Thread(target=produce)
p.start()
got = []
with c2:
    while len(got) < 50:
        c2.wait_for(lambda: items)
        got.extend(items)
        items.clear()
p.join()
print(got == list(range(50)))
print(repr(threading.Condition(threading.Lock())).startswith("<Condition(<unlocked _thread.lock"))
