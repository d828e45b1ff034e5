# An uncaught exception goes to a user-installed sys.excepthook, which gets the type, the
# exception and its traceback; the exit status is still 1.
import sys


def hook(exc_type, exc, tb):
    print("hook:", exc_type.__name__, exc, tb is not None)
    print("frames:", tb.tb_frame.f_code.co_name)


sys.excepthook = hook
print("before")
raise ValueError("boom")
