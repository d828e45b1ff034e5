# A hook that itself fails: both tracebacks are printed, the hook's first.
import sys


def hook(exc_type, exc, tb):
    raise RuntimeError("hook failed")


sys.excepthook = hook
raise KeyError("original")
