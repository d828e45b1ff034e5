# Thread names ("Thread-N (target)"), current_thread, main_thread, get_ident.
import threading

print(threading.current_thread().name, threading.main_thread().name)
print(threading.current_thread() is threading.main_thread())
print(threading.get_ident() == threading.main_thread().ident)
print(isinstance(threading.get_native_id(), int))


def target():
    pass


class Callable:
    def __call__(self):
        pass


names = []
for tgt in [target, None, Callable(), lambda: None, print]:
    names.append(threading.Thread(target=tgt).name)
names.append(threading.Thread(target=target, name="custom").name)
names.append(threading.Thread(name=42).name)
print(names)
seen = {}


def record():
    me = threading.current_thread()
    seen[me.name] = (me is threading.main_thread(), me.ident == threading.get_ident(),
                     threading.main_thread().name)


ts = [threading.Thread(target=record, name="r%d" % i) for i in range(3)]
for t in ts:
    t.start()
    t.join()
print(sorted(seen.items()))
t = threading.Thread(target=record)
t.name = "renamed"
t.start()
t.join()
print(t.name, "renamed" in seen)
