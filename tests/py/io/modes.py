# open() modes: append, exclusive creation, r+/w+/a+, and mode errors.
import os

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "tmp_modes")


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

with open("a.txt", "w") as f:
    f.write("one\n")
with open("a.txt", "a") as f:
    print(f.mode, f.buffer.mode, f.tell())
    f.write("two\n")
with open("a.txt", "a+") as f:
    print(f.mode, f.buffer.mode)
    f.write("three\n")
    f.seek(0)
    print(repr(f.read()))
with open("a.txt", "ab") as f:
    print(f.mode, f.write(b"four\n"))
print(repr(open("a.txt").read()))

with open("x.txt", "x") as f:
    print(f.mode, f.buffer.mode)
    f.write("new")
try:
    open("x.txt", "x")
except FileExistsError as e:
    print(type(e).__name__, e.errno, e.strerror, os.path.basename(e.filename))
with open("x2.bin", "xb+") as f:
    print(f.mode, f.write(b"abc"), f.seek(0), f.read())

try:
    open("missing.txt")
except FileNotFoundError as e:
    print(type(e).__name__, e, e.errno, e.filename)
    print(isinstance(e, OSError), e.args)
try:
    open(D)
except IsADirectoryError as e:
    print(type(e).__name__, e.errno, e.strerror)

for mode in ("rw", "rr", "rb+t", "bt", "z", "", "+", "tb", "wa", "rx", "U", "r+b"):
    print(repr(mode), end=" ")
    show(lambda: open("a.txt", mode).close())
show(lambda: open("a.txt", "rb", encoding="utf-8"))
show(lambda: open("a.txt", "rb", errors="strict"))
show(lambda: open("a.txt", "rb", newline="\n"))
show(lambda: open("a.txt", "r", buffering=0))
show(lambda: open("a.txt", 5))
show(lambda: open(3.5))
show(lambda: open([1]))
with open("a.txt", "r+b") as f:
    print(f.mode, type(f).__name__, f.readable(), f.writable())
with open("w.txt", "w+") as f:
    print(f.mode, type(f.buffer).__name__, f.readable(), f.writable())

# pathlike and bytes names
class P:
    def __fspath__(self):
        return "a.txt"
with open(P()) as f:
    print(f.name, repr(f.readline()))
with open(b"a.txt", "rb") as f:
    print(f.name, f.readline())

# unsupported operations
import io
with open("a.txt") as f:
    show(lambda: f.write("x"))
    print(issubclass(io.UnsupportedOperation, OSError), issubclass(io.UnsupportedOperation, ValueError))
with open("a.txt", "rb") as f:
    show(lambda: f.write(b"x"))
with open("w.txt", "w") as f:
    show(lambda: f.read())
with open("w.txt", "wb") as f:
    show(lambda: f.read())
with open("w.txt", "wb", buffering=0) as f:
    show(lambda: f.read())
with open("a.txt", "rb", buffering=0) as f:
    show(lambda: f.write(b"x"))

os.chdir(HERE)
clean()
print("done")
