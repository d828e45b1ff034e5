# An exception raised by a Python signal handler and not caught: the traceback shows the
# handler's frame on top of the frame that was interrupted.
import signal


def handler(signum, frame):
    raise ValueError("from handler %s" % signal.Signals(signum).name)


signal.signal(signal.SIGUSR1, handler)
print("before")
signal.raise_signal(signal.SIGUSR1)
print("not reached")
