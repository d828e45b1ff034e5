# A custom threading.excepthook receives ExceptHookArgs.
import threading

seen = []


def hook(args):
    seen.append((args.exc_type.__name__, str(args.exc_value),
                 args.exc_traceback is not None, args.thread.name))


threading.excepthook = hook


def fail(kind):
    raise kind("from " + threading.current_thread().name)


for i, kind in enumerate([KeyError, ZeroDivisionError, RuntimeError]):
    t = threading.Thread(target=fail, args=(kind,), name="t%d" % i)
    t.start()
    t.join()
for s in seen:
    print(s)
threading.excepthook = threading.__excepthook__
print(threading.excepthook is threading.__excepthook__)


# A hook that fails itself: the failure is reported, the program goes on.
def bad_hook(args):
    raise TypeError("bad hook")


threading.excepthook = bad_hook
import sys


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)

    def flush(self):
        pass


cap = Capture()
saved = sys.stderr
sys.stderr = cap
t = threading.Thread(target=fail, args=(ValueError,), name="t9")
t.start()
t.join()
sys.stderr = saved
threading.excepthook = threading.__excepthook__
for line in "".join(cap.parts).splitlines():
    if not line.startswith(" "):
        print(line)
