# active_count and enumerate while threads run and after they are joined.
import threading

print(threading.active_count(), [t.name for t in threading.enumerate()])
gate = threading.Event()
ready = threading.Barrier(5)


def hold():
    ready.wait()
    gate.wait()


ts = [threading.Thread(target=hold, name="h%d" % i) for i in range(4)]
for t in ts:
    t.start()
ready.wait()
print(threading.active_count())
print(sorted(t.name for t in threading.enumerate()))
print(all(t.is_alive() for t in ts))
gate.set()
for t in ts:
    t.join()
print(threading.active_count(), [t.name for t in threading.enumerate()])
print([t.is_alive() for t in ts])
