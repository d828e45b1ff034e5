# An uncaught KeyboardInterrupt: CPython prints the traceback, then kills itself with SIGINT
# (the exit status a shell reports is 130).
import signal


def work():
    print("working")
    signal.raise_signal(signal.SIGINT)
    print("not reached")


work()
