# join(timeout) on a blocked thread returns with the thread still alive.
import threading

gate = threading.Lock()
gate.acquire()
t = threading.Thread(target=lambda: gate.acquire() and gate.release(), name="blocked")
t.start()
t.join(0.05)
print(t.is_alive())
t.join(0)
print(t.is_alive())
t.join(timeout=-1)
print(t.is_alive())
gate.release()
t.join()
print(t.is_alive())
t.join()
t.join(1)
print("joined again")
