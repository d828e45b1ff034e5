# signal.signal / getsignal: previous handlers, SIG_IGN / SIG_DFL, Python handlers run by
# raise_signal and os.kill, handler exceptions, argument errors, the constants and enums.
import os
import signal
import threading

print(signal.getsignal(signal.SIGINT) is signal.default_int_handler)
print(repr(signal.getsignal(signal.SIGUSR1)), repr(signal.getsignal(signal.SIGPIPE)))
print(signal.default_int_handler)
print(repr(signal.SIGINT), repr(signal.SIGTERM), repr(signal.SIGUSR1), repr(signal.SIGUSR2))
print(repr(signal.SIGALRM), repr(signal.SIGCHLD), repr(signal.SIGHUP), repr(signal.SIGPIPE))
print(repr(signal.SIGIOT), repr(signal.SIGCLD), repr(signal.SIGPOLL), signal.NSIG)
print(repr(signal.SIG_DFL), repr(signal.SIG_IGN), signal.SIG_DFL == 0, signal.SIG_IGN == 1)
print(signal.Signals(15), repr(signal.Signals(15)), signal.Signals['SIGUSR2'].value)
print(signal.SIGRTMIN, signal.SIGRTMAX, isinstance(signal.SIGINT, int))
print(len(signal.Signals), len(signal.Signals.__members__))
print(signal.Signals.SIGINT.name, signal.Handlers.SIG_IGN.name)
print(sorted(signal.Sigmasks.__members__))

got = []


def handler(signum, frame):
    got.append((signum, type(frame).__name__))


def other(signum, frame):
    got.append(("other", signum))


print(repr(signal.signal(signal.SIGUSR1, handler)))
print(signal.getsignal(signal.SIGUSR1) is handler)
signal.raise_signal(signal.SIGUSR1)
print(got)
print(signal.signal(signal.SIGUSR1, other) is handler)
signal.raise_signal(signal.SIGUSR1)
print(got)
print(signal.signal(signal.SIGUSR1, handler) is other)
os.kill(os.getpid(), signal.SIGUSR1)
for _ in range(3):
    pass
print(got)
got.clear()

# A handler receives the frame that was running.
def probe(signum, frame):
    got.append(frame.f_code.co_name)


def victim():
    signal.raise_signal(signal.SIGUSR2)


signal.signal(signal.SIGUSR2, probe)
victim()
print(got)
got.clear()

# SIG_IGN: the signal is dropped.
print(signal.signal(signal.SIGUSR1, signal.SIG_IGN) is handler)
signal.raise_signal(signal.SIGUSR1)
print(got, repr(signal.getsignal(signal.SIGUSR1)))
print(repr(signal.signal(signal.SIGUSR1, signal.SIG_DFL)))
print(repr(signal.signal(signal.SIGUSR1, 1)), repr(signal.getsignal(signal.SIGUSR1)))
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

# The default SIGINT handler raises KeyboardInterrupt.
try:
    signal.raise_signal(signal.SIGINT)
    print("not raised")
except KeyboardInterrupt as e:
    print("caught", type(e).__name__, e.args)
try:
    signal.default_int_handler(2, None)
except KeyboardInterrupt as e:
    print("direct", type(e).__name__)

# A handler's exception comes out of the call that was running.
class Boom(Exception):
    pass


def raiser(signum, frame):
    raise Boom("signal %d" % signum)


signal.signal(signal.SIGUSR2, raiser)
try:
    signal.raise_signal(signal.SIGUSR2)
except Boom as e:
    print("Boom", e)
try:
    victim()
except Boom as e:
    print("Boom from victim", e)


def nested():
    try:
        signal.raise_signal(signal.SIGUSR2)
    finally:
        print("finally ran")


try:
    nested()
except Boom as e:
    print("Boom", e, type(e.__context__).__name__)

# A handler may itself change handlers.
def rearm(signum, frame):
    got.append("rearm")
    signal.signal(signal.SIGUSR2, handler)


signal.signal(signal.SIGUSR2, rearm)
signal.raise_signal(signal.SIGUSR2)
signal.raise_signal(signal.SIGUSR2)
print(got)
got.clear()

# Argument errors.
for args in [(0, handler), (signal.NSIG, handler), (-1, handler), ("x", handler),
             (2.0, handler), (signal.SIGUSR1, 5), (signal.SIGUSR1, None),
             (signal.SIGUSR1, "ignore"), (signal.SIGKILL, handler),
             (signal.SIGSTOP, signal.SIG_IGN), (signal.SIGKILL, signal.SIG_DFL)]:
    try:
        signal.signal(*args)
        print("ok", args[0])
    except Exception as e:
        print(type(e).__name__, e)
signal.signal(signal.SIGINT, signal.default_int_handler)
for n in [0, 65, "SIGINT", 1.5, 10 ** 30]:
    try:
        print(signal.getsignal(n))
    except Exception as e:
        print(type(e).__name__, e)
for bad in [(), (1, 2, 3)]:
    try:
        signal.signal(*bad)
    except TypeError as e:
        print("TypeError", e)

# Only the main thread may set handlers; any thread may read them.
result = []


def from_thread():
    try:
        signal.signal(signal.SIGUSR1, handler)
    except ValueError as e:
        result.append(str(e))
    result.append(signal.getsignal(signal.SIGINT) is signal.default_int_handler)


t = threading.Thread(target=from_thread)
t.start()
t.join()
print(result)

# A signal sent to the process from another thread runs its handler in the main thread.
where = []
signal.signal(signal.SIGUSR1, lambda s, f: where.append(threading.current_thread().name))
t = threading.Thread(target=os.kill, args=(os.getpid(), signal.SIGUSR1))
t.start()
t.join()
for _ in range(3):
    pass
print(where)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)
signal.signal(signal.SIGUSR2, signal.SIG_DFL)
