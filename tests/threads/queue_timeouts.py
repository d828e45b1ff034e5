# Empty and Full, with and without timeouts; put_nowait / get_nowait.
import queue
import threading

q = queue.Queue(2)
for call in [lambda: q.get_nowait(), lambda: q.get(False), lambda: q.get(timeout=0.01),
             lambda: q.get(True, 0)]:
    try:
        call()
    except queue.Empty as e:
        print("Empty", repr(e))
q.put_nowait(1)
q.put(2, block=False)
print(q.full(), q.qsize())
for call in [lambda: q.put_nowait(3), lambda: q.put(3, False), lambda: q.put(3, timeout=0.01)]:
    try:
        call()
    except queue.Full as e:
        print("Full", repr(e))
for call in [lambda: q.put(3, timeout=-1), lambda: q.get(timeout=-1)]:
    try:
        call()
    except ValueError as e:
        print("ValueError", e)
print(q.get_nowait(), q.get(), q.empty())
print(issubclass(queue.Empty, Exception), issubclass(queue.Full, Exception))
# a blocked get is satisfied by a put from another thread
res = []
t = threading.Thread(target=lambda: res.append(q.get(timeout=5)))
t.start()
q.put("late")
t.join()
print(res)
# a blocked put proceeds when a get makes room
q.put("a")
q.put("b")
t = threading.Thread(target=lambda: q.put("c", timeout=5))
t.start()
print(q.get())
t.join()
print(q.get(), q.get(), q.empty())
