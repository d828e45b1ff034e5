# local subclasses: __init__ runs again (with the same arguments) in each new thread;
# methods, class attributes and properties work.
import threading


class Counter(threading.local):
    initial = "class attr"

    def __init__(self, start, step=1):
        self.value = start
        self.step = step
        inits.append(threading.current_thread().name)

    def bump(self):
        self.value += self.step
        return self.value

    @property
    def doubled(self):
        return self.value * 2


inits = []
c = Counter(10, step=5)
c.bump()
out = {}


def worker(n):
    for _ in range(n):
        c.bump()
    out[threading.current_thread().name] = (c.value, c.doubled, c.initial)


ts = [threading.Thread(target=worker, args=(i,), name="w%d" % i) for i in range(4)]
for t in ts:
    t.start()
    t.join()
print(sorted(out.items()))
print(c.value, c.doubled, sorted(inits))
