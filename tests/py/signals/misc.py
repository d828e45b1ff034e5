# The POSIX calls of the signal module: masks, pending signals, sigwait, timers, strsignal,
# valid_signals, siginterrupt, set_wakeup_fd.
import os
import signal
import threading

print(sorted(signal.valid_signals())[:8])
print(len(signal.valid_signals()), 32 in signal.valid_signals(), 34 in signal.valid_signals())
print(type(next(iter(signal.valid_signals()))).__name__)
for n in [1, 2, 9, 15, 17, 34, 64]:
    print(n, signal.strsignal(n))
for n in [0, 65, -3]:
    try:
        signal.strsignal(n)
    except ValueError as e:
        print("ValueError", e)

# Blocked signals stay pending until sigwait takes them.
old = signal.pthread_sigmask(signal.SIG_BLOCK, [signal.SIGUSR1, signal.SIGUSR2])
print(sorted(old))
print(sorted(signal.pthread_sigmask(signal.SIG_BLOCK, [])))
print(signal.sigpending())
os.kill(os.getpid(), signal.SIGUSR1)
print(signal.sigpending())
print(repr(signal.sigwait([signal.SIGUSR1])))
print(signal.sigpending())
signal.raise_signal(signal.SIGUSR2)
print(signal.sigpending())
hits = []
signal.signal(signal.SIGUSR2, lambda s, f: hits.append(s))
print(hits)
# Unblocking delivers the pending signal: its handler runs before pthread_sigmask returns.
print(sorted(signal.pthread_sigmask(signal.SIG_UNBLOCK, [signal.SIGUSR1, signal.SIGUSR2])))
print(hits, signal.sigpending())
print(sorted(signal.pthread_sigmask(signal.SIG_SETMASK, old)))
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
for bad in [[0], [65], ["x"], 5]:
    try:
        signal.pthread_sigmask(signal.SIG_BLOCK, bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
try:
    signal.pthread_sigmask(12345, [])
except OSError as e:
    print("OSError", e)

# Interval timers.
print(signal.getitimer(signal.ITIMER_REAL))
print(signal.setitimer(signal.ITIMER_REAL, 0))
print(signal.setitimer(signal.ITIMER_VIRTUAL, 0, 0))
print(signal.getitimer(signal.ITIMER_PROF))
fired = []
signal.signal(signal.SIGALRM, lambda s, f: fired.append(s))
# A long timer first, to read it back (a short one could expire before the read on a busy
# machine), then a short one, waited for without pause(), which would hang if the signal
# came before the call.
signal.setitimer(signal.ITIMER_REAL, 30)
left, interval = signal.getitimer(signal.ITIMER_REAL)
print(0 < left <= 30, interval)
signal.setitimer(signal.ITIMER_REAL, 0.01)
import time
for _ in range(3000):
    if fired:
        break
    time.sleep(0.01)
print(fired)
try:
    signal.setitimer(12345, 1)
except signal.ItimerError as e:
    print(type(e).__name__, e)
print(signal.ItimerError.__name__, signal.ItimerError.__module__, issubclass(signal.ItimerError, OSError))
print(signal.alarm(0))
signal.signal(signal.SIGALRM, signal.SIG_DFL)

# pthread_kill to the main thread runs the handler in it.
signal.signal(signal.SIGUSR1, lambda s, f: hits.append(("kill", s)))
signal.pthread_kill(threading.main_thread().ident, signal.SIGUSR1)
print(hits)
signal.pthread_kill(threading.get_ident(), 0)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

# siginterrupt and set_wakeup_fd.
print(signal.siginterrupt(signal.SIGUSR1, False), signal.siginterrupt(signal.SIGUSR1, True))
r, w = os.pipe()
try:
    signal.set_wakeup_fd(w)
except ValueError as e:
    # The descriptor's number depends on what the test runner left open: not printed.
    print("ValueError", str(e).replace("fd %d " % w, "fd W "))
print(signal.set_wakeup_fd(-1))
try:
    signal.set_wakeup_fd(12345)
except OSError as e:
    print("OSError", e)
os.close(r)
os.close(w)
result = []


def other_thread():
    try:
        signal.set_wakeup_fd(-1)
    except ValueError as e:
        result.append(str(e))


t = threading.Thread(target=other_thread)
t.start()
t.join()
print(result)
