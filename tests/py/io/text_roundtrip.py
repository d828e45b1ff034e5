# Text files: write, read back, readline/readlines/iteration, attributes.
import os

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "tmp_text_roundtrip")


def clean():
    if os.path.isdir(D):
        for n in os.listdir(D):
            os.remove(os.path.join(D, n))
        os.rmdir(D)


clean()
os.mkdir(D)
os.chdir(D)

with open("t.txt", "w", encoding="utf-8") as f:
    print(type(f).__name__, f.name, f.mode, f.encoding, f.errors)
    print(f.readable(), f.writable(), f.seekable(), f.closed)
    print(f.write("first line\n"))
    print(f.write("second line\nthird"))
    f.writelines(["\n", "fourth\n", "fifth"])
print(f.closed)

with open("t.txt", encoding="utf-8") as f:
    print(repr(f.read()))
with open("t.txt", encoding="utf-8") as f:
    print(repr(f.readline()))
    print(repr(f.readline(3)))
    print(repr(f.readline()))
    print(f.readlines())
    print(repr(f.readline()), repr(f.read()))
with open("t.txt", encoding="utf-8") as f:
    for i, line in enumerate(f):
        print(i, repr(line))
with open("t.txt", encoding="utf-8") as f:
    print(f.readlines(10))
    print(repr(f.read(5)), repr(f.read(0)), repr(f.read(1000)))
print(list(open("t.txt", encoding="utf-8")))
with open("t.txt", "rt", encoding="utf-8") as f:
    print(f.buffer.mode, type(f.buffer).__name__, type(f.buffer.raw).__name__)
    print(f.buffer.raw.mode, f.line_buffering)

# empty file
open("empty.txt", "w").close()
with open("empty.txt") as f:
    print(repr(f.read()), repr(f.readline()), f.readlines(), list(f))

# non-ASCII text round trip
s = "héllo wörld ☃ \U0001f600\n" * 3
with open("u.txt", "w", encoding="utf-8") as f:
    f.write(s)
with open("u.txt", encoding="utf-8") as f:
    r = f.read()
print(r == s, len(r), os.path.getsize("u.txt"))
with open("u.txt", "rb") as f:
    print(f.read(12))

# write then read in w+ mode
with open("wp.txt", "w+", encoding="utf-8") as f:
    f.write("abc\ndef\n")
    print(f.tell())
    f.seek(0)
    print(repr(f.read()))
    f.write("ghi\n")
    f.seek(0)
    print(f.readlines())

# r+ overwrite
with open("wp.txt", "r+", encoding="utf-8") as f:
    print(repr(f.read(3)))
    f.seek(0)
    f.write("XYZ")
with open("wp.txt", encoding="utf-8") as f:
    print(repr(f.read()))

os.chdir(HERE)
clean()
print("done")
