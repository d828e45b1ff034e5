# an uncaught exception raised while handling another
def cleanup():
    raise KeyError("cleanup")

try:
    raise OSError(2, "No such file or directory", "data.txt")
except OSError:
    cleanup()
