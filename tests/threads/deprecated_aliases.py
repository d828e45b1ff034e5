# The deprecated camelCase aliases still work and warn (DeprecationWarning on stderr).
import threading
t = threading.current_thread()
t.getName(); t.setName("MainThread"); t.isDaemon()
x = threading.Thread(); x.setDaemon(False)
threading.currentThread(); threading.activeCount()
c = threading.Condition()
with c: c.notifyAll()
threading.Event().isSet()
print(t.getName(), t.isDaemon(), threading.currentThread() is t, threading.activeCount())
e = threading.Event()
e.set()
print(e.isSet())
