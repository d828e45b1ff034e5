# Blocking waits of the main thread wake up when a signal arrives, run the Python handler,
# and either raise its exception (KeyboardInterrupt for SIGINT) or go on waiting (PEP 475).
# Only the outcome is printed, never a timing: "short" means the 10 s wait was cut short.
import os
import signal
import threading
import time


def send_later(sig, delay=0.2):
    def run():
        time.sleep(delay)
        os.kill(os.getpid(), sig)
    t = threading.Thread(target=run)
    t.start()
    return t


def attempt(name, wait):
    k = send_later(signal.SIGINT)
    t0 = time.monotonic()
    try:
        wait()
        print(name, "not interrupted")
    except KeyboardInterrupt as e:
        print(name, type(e).__name__, "short" if time.monotonic() - t0 < 8 else "long")
    try:
        k.join()
    except KeyboardInterrupt:
        print(name, "late KeyboardInterrupt")


attempt("sleep", lambda: time.sleep(10))

# (An interrupted join marks its thread as stopped in CPython 3.11: a fresh one each time.)
def sleeper():
    t = threading.Thread(target=time.sleep, args=(3,), daemon=True)
    t.start()
    return t


attempt("join", sleeper().join)
attempt("join timeout", lambda: sleeper().join(10))

lock = threading.Lock()
lock.acquire()
attempt("lock", lock.acquire)
attempt("lock timeout", lambda: lock.acquire(timeout=10))
print("still locked", lock.locked())
lock.release()

rlock = threading.RLock()
holder_ready = threading.Event()
release_holder = threading.Event()


def hold():
    with rlock:
        holder_ready.set()
        release_holder.wait()


h = threading.Thread(target=hold)
h.start()
holder_ready.wait()
attempt("rlock", rlock.acquire)
release_holder.set()
h.join()

attempt("event", lambda: threading.Event().wait(10))
cond = threading.Condition()


def cond_wait():
    with cond:
        cond.wait(10)


attempt("condition", cond_wait)
attempt("semaphore", lambda: threading.Semaphore(0).acquire(timeout=10))

# A handler that raises something else: that exception ends the wait.
def on_alarm(signum, frame):
    raise RuntimeError("alarm %d" % signum)


signal.signal(signal.SIGALRM, on_alarm)
signal.alarm(1)
t0 = time.monotonic()
try:
    time.sleep(10)
except RuntimeError as e:
    print("alarm:", e, "short" if time.monotonic() - t0 < 8 else "long")
print("alarm left:", signal.alarm(0))

# A handler that returns: the wait goes on for the time left.
hits = []
signal.signal(signal.SIGUSR1, lambda s, f: hits.append(s))
k = send_later(signal.SIGUSR1, 0.1)
t0 = time.monotonic()
time.sleep(0.5)
print("sleep resumed:", hits, time.monotonic() - t0 >= 0.5)
k.join()
hits.clear()

lock.acquire()
k = send_later(signal.SIGUSR1, 0.1)
t0 = time.monotonic()
print("lock timed out:", lock.acquire(timeout=0.5), hits, time.monotonic() - t0 >= 0.5)
k.join()
lock.release()
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

# SIG_IGN: the signal does not interrupt anything.
signal.signal(signal.SIGUSR2, signal.SIG_IGN)
k = send_later(signal.SIGUSR2, 0.1)
t0 = time.monotonic()
time.sleep(0.4)
print("ignored:", time.monotonic() - t0 >= 0.4)
k.join()
signal.signal(signal.SIGUSR2, signal.SIG_DFL)

# _thread.interrupt_main: the handler runs in the main thread; a signal Python does not
# handle (SIG_DFL) is not simulated at all.
import _thread
seen = []
signal.signal(signal.SIGUSR1, lambda s, f: seen.append((s, threading.current_thread().name)))
t = threading.Thread(target=_thread.interrupt_main, args=(signal.SIGUSR1,))
t.start()
t.join()
for i in range(1000):
    pass
print("interrupt_main:", seen)
t = threading.Thread(target=_thread.interrupt_main, args=(signal.SIGUSR2,))
t.start()
t.join()
for i in range(1000):
    pass
print("interrupt_main SIG_DFL: still running")
for bad in (0, 65):
    try:
        _thread.interrupt_main(bad)
    except ValueError as e:
        print("ValueError", e)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
