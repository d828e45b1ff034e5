# Thread-local values die with their thread; a dying local frees every thread's values.
import threading

deleted = []


class Tracked:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        deleted.append(self.tag)


data = threading.local()


def worker(i):
    data.obj = Tracked("t%d" % i)


ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(sorted(deleted))
deleted.clear()
data.obj = Tracked("main")
hold = threading.Event()
go = threading.Event()


def keeper():
    data.obj = Tracked("keeper")
    hold.set()
    go.wait()


k = threading.Thread(target=keeper)
k.start()
hold.wait()
del data
# (a free-threaded build may free the keeper's value only once the keeper runs again:
# with biased reference counting its owner thread does the final release)
go.set()
k.join()
print(sorted(deleted))
