# Thread repr and states (idents are replaced, they differ from run to run).
import threading


def clean(t):
    r = repr(t)
    if t.ident is not None:
        r = r.replace(str(t.ident), "IDENT")
    return r


gate = threading.Event()
t = threading.Thread(target=gate.wait, name="worker")
print(clean(t))
t.start()
print(clean(t))
gate.set()
t.join()
print(clean(t))
d = threading.Thread(target=lambda: None, name="d", daemon=True)
print(clean(d))
d.start()
d.join()
print(clean(d))
print(clean(threading.main_thread()))


class Named(threading.Thread):
    pass


print(clean(Named(name="sub")))
