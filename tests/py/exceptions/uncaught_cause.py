# an uncaught exception with an explicit cause: both tracebacks on stderr
def parse(s):
    raise ValueError("bad value: " + s)

def load():
    try:
        parse("x")
    except ValueError as e:
        raise RuntimeError("load failed") from e

print("before")
load()
