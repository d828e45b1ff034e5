# Subclassing Thread and overriding run().
import threading


class Summer(threading.Thread):
    def __init__(self, lo, hi):
        super().__init__(name="summer-%d" % lo)
        self.lo, self.hi = lo, hi
        self.total = None

    def run(self):
        self.total = sum(range(self.lo, self.hi))


ts = [Summer(i * 100, (i + 1) * 100) for i in range(10)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print([t.total for t in ts])
print(sum(t.total for t in ts) == sum(range(1000)))
print([t.name for t in ts][:3])


class WithTarget(threading.Thread):
    def run(self):
        self.result = ("overridden", self._args)


t = WithTarget(target=print, args=(1, 2))
t.start()
t.join()
print(t.result)


class Calls(threading.Thread):
    def run(self):
        super().run()
        self.after = True


got = []
t = Calls(target=got.append, args=("x",))
t.start()
t.join()
print(got, t.after)
