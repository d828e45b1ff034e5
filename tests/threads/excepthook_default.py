# An exception in a thread goes to threading.excepthook; the default one prints the
# thread name and the traceback to stderr. Here stderr is captured and filtered to its
# deterministic lines (file paths and line numbers differ between implementations).
import sys
import threading


class Capture:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        pass


cap = Capture()
saved = sys.stderr
sys.stderr = cap


def boom(x):
    raise ValueError("boom %d" % x)


t = threading.Thread(target=boom, args=(7,))
t.start()
t.join()
t = threading.Thread(target=boom, args=(8,), name="named")
t.start()
t.join()
# SystemExit is silent
t = threading.Thread(target=sys.exit, args=(3,))
t.start()
t.join()
sys.stderr = saved
for line in "".join(cap.parts).splitlines():
    if not line.startswith(" "):
        print(line)
print("main continues", threading.active_count())
