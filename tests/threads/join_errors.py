# Thread state errors: start twice, join before start, join self, daemon after start.
import threading

t = threading.Thread(target=lambda: None)
print(t.is_alive(), t.ident)
try:
    t.join()
except RuntimeError as e:
    print("RuntimeError", e)
t.start()
try:
    t.start()
except RuntimeError as e:
    print("RuntimeError", e)
try:
    t.daemon = True
except RuntimeError as e:
    print("RuntimeError", e)
t.join()
print(t.is_alive(), t.ident is not None, t.native_id is not None)
try:
    threading.current_thread().join()
except RuntimeError as e:
    print("RuntimeError", e)
res = []


def self_join():
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        res.append(str(e))


t = threading.Thread(target=self_join)
t.start()
t.join()
print(res)


class NoInit(threading.Thread):
    def __init__(self):
        pass


try:
    NoInit().start()
except RuntimeError as e:
    print("RuntimeError", e)
