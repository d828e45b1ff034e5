# Context managers, close(), closed, and errors on closed or detached files.
import os

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "tmp_closing")


def clean():
    if os.path.isdir(D):
        for n in os.listdir(D):
            os.remove(os.path.join(D, n))
        os.rmdir(D)


clean()
os.mkdir(D)
os.chdir(D)

def show(fn):
    try:
        r = fn()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

with open("c.txt", "w") as f:
    f.write("data\n")
print(f.closed)
f.close()
print(f.closed)
for op in ("read", "readline", "readlines", "tell", "fileno", "isatty", "readable",
           "writable", "seekable", "flush"):
    print(op, end=" ")
    show(getattr(f, op))
show(lambda: f.write("x"))
show(lambda: f.seek(0))
show(lambda: iter(f))
show(lambda: f.__enter__())
print(repr(f))

fb = open("c.txt", "rb")
fb.close()
fb.close()
for op in ("read", "readline", "tell", "fileno", "peek"):
    print(op, end=" ")
    show(getattr(fb, op))
print(repr(fb))
fr = open("c.txt", "rb", buffering=0)
fr.close()
for op in ("read", "tell", "fileno", "readable"):
    print(op, end=" ")
    show(getattr(fr, op))
print(repr(fr))

# with-statement closes on exceptions too
try:
    with open("c.txt") as g:
        raise KeyError("boom")
except KeyError as e:
    print("KeyError", e, g.closed)

# buffered data is flushed by close and by the with-statement
g = open("d.txt", "w")
g.write("pending")
print(repr(open("d.txt").read()))
g.close()
print(repr(open("d.txt").read()))

# detach
t = open("c.txt")
b = t.detach()
print(type(b).__name__, b.closed)
show(lambda: t.read())
show(lambda: t.closed)
show(lambda: t.name)
show(lambda: t.detach())
print(b.read())
raw = b.detach()
print(type(raw).__name__)
show(lambda: b.read())
show(lambda: repr(b))
print(raw.read())
raw.close()

# closefd=False on an fd keeps the descriptor open
fd = os.open("c.txt", os.O_RDONLY)
with open(fd, "rb", closefd=False) as h:
    print(h.name == fd, h.read())
print(os.read(fd, 10))
os.lseek(fd, 0, 0)
with open(fd, closefd=True) as h:
    print(repr(h.read()))
try:
    os.read(fd, 1)
except OSError as e:
    print(type(e).__name__, e.errno)
show(lambda: open("c.txt", closefd=False))

os.chdir(HERE)
clean()
print("done")
