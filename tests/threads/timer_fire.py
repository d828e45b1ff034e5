# Timer: fires once after its interval; cancel() before it fires prevents the call.
import threading

fired = []
done = threading.Event()


def cb(*args, **kw):
    fired.append((args, kw))
    done.set()


t = threading.Timer(0.02, cb, args=(1, 2), kwargs={"k": 3})
t.start()
print(done.wait(5))
t.join()
print(fired, t.is_alive(), t.finished.is_set())

c = threading.Timer(10, cb)
c.start()
c.cancel()
c.join()
print(len(fired), c.is_alive())

# cancel before start
d = threading.Timer(0.01, cb)
d.cancel()
d.start()
d.join()
print(len(fired))
# defaults
e = threading.Timer(0, cb)
print(e.args, e.kwargs, e.interval)
e.start()
e.join()
print(fired[-1])
