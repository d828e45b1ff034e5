# Buffering: data reaches the file on flush/close; line buffering; fileno and isatty.
import os

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "tmp_buffering")


def clean():
    if os.path.isdir(D):
        for n in os.listdir(D):
            os.remove(os.path.join(D, n))
        os.rmdir(D)


clean()
os.mkdir(D)
os.chdir(D)

import io

f = open("b.txt", "w")
f.write("abc")
print(repr(open("b.txt").read()))
f.flush()
print(repr(open("b.txt").read()))
f.write("def\n")
print(repr(open("b.txt").read()))
f.close()
print(repr(open("b.txt").read()))

f = open("b.bin", "wb", buffering=4)
f.write(b"12")
print(open("b.bin", "rb").read())
f.write(b"345")
print(open("b.bin", "rb").read())
f.close()

f = open("l.txt", "w", buffering=1)
print(f.line_buffering)
f.write("no newline")
print(repr(open("l.txt").read()))
f.write(" now\nmore")
print(repr(open("l.txt").read()))
f.close()

f = open("u.bin", "wb", buffering=0)
f.write(b"direct")
print(open("u.bin", "rb").read())
f.close()

# reading sees what the same object wrote
with open("rw.bin", "w+b") as f:
    f.write(b"hello")
    f.seek(0)
    print(f.read())
    f.write(b" world")
    print(f.tell())
    f.seek(0)
    print(f.read(3), f.tell())
    f.write(b"P")
    f.seek(0)
    print(f.read())

# fileno / isatty / name on files and descriptors
with open("b.txt") as f:
    fd = f.fileno()
    print(type(fd).__name__, fd == f.buffer.fileno() == f.buffer.raw.fileno(), f.isatty())
    print(os.read(fd, 3))
with open("b.bin", "rb", buffering=0) as f:
    print(f.isatty(), f.fileno() > 2)

r, w = os.pipe()
with open(w, "wb") as pw, open(r, "rb") as pr:
    print(pw.name == w, pw.seekable(), pr.seekable(), pw.mode, pr.mode)
    pw.write(b"through the pipe\n")
    pw.flush()
    print(pr.readline())
    try:
        pr.tell()
    except OSError as e:
        print(type(e).__name__, e.errno)
r, w = os.pipe()
with open(w, "w") as pw, open(r) as pr:
    pw.write("text\npipe\n")
    pw.close()
    print(pr.readlines())
    try:
        pr.tell()
    except Exception as e:
        print(type(e).__name__, e)

# a file object on an inherited descriptor, not closing it
out = open(1, "w", closefd=False)
print(out.name, out.mode, out.closefd if hasattr(out, "closefd") else out.buffer.raw.closefd)
import sys
sys.stdout.flush()
out.write("written through fd 1\n")
out.flush()
out.close()
print("stdout still open")

os.chdir(HERE)
clean()
print("done")
