# daemon: default inherited from the creating thread; settable before start.
import threading

print(threading.current_thread().daemon)
t = threading.Thread(target=lambda: None)
print(t.daemon)
t.daemon = True
print(t.daemon)
t2 = threading.Thread(target=lambda: None, daemon=True)
print(t2.daemon)
inherited = []


def spawn():
    inner = threading.Thread(target=lambda: None)
    inherited.append(inner.daemon)
    inner2 = threading.Thread(target=lambda: None, daemon=False)
    inherited.append(inner2.daemon)


t2 = threading.Thread(target=spawn, daemon=True)
t2.start()
t2.join()
print(inherited)
t.start()
t.join()
# A daemon thread still blocked at exit does not keep the program alive.
forever = threading.Event()
d = threading.Thread(target=forever.wait, daemon=True)
d.start()
print(d.is_alive())
print("exiting with a daemon thread blocked")
