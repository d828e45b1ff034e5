# Newline handling: universal newlines on read, translation on write.
import os

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "tmp_newlines")


def clean():
    if os.path.isdir(D):
        for n in os.listdir(D):
            os.remove(os.path.join(D, n))
        os.rmdir(D)


clean()
os.mkdir(D)
os.chdir(D)

with open("n.bin", "wb") as f:
    f.write(b"unix\nwindows\r\nmac\rlast")
for nl in (None, "", "\n", "\r", "\r\n"):
    with open("n.bin", newline=nl) as f:
        print(repr(nl), f.readlines())
    with open("n.bin", newline=nl) as f:
        print(repr(nl), repr(f.read()))
    with open("n.bin", newline=nl) as f:
        print(repr(nl), [f.read(3) for i in range(9)])

for nl in (None, "", "\n", "\r", "\r\n"):
    with open("w.txt", "w", newline=nl) as f:
        f.write("a\nb\r\nc\rd\n")
    with open("w.txt", "rb") as f:
        print(repr(nl), f.read())

try:
    open("w.txt", newline="x")
except ValueError as e:
    print(type(e).__name__, e)
try:
    open("w.txt", newline=5)
except TypeError as e:
    print(type(e).__name__, e)

# \r\n split across the internal chunk boundary
data = b"x" * 8191 + b"\r\n" + b"y\r\n" * 3
with open("split.bin", "wb") as f:
    f.write(data)
with open("split.bin") as f:
    lines = f.readlines()
print(len(lines), len(lines[0]), lines[1:])
with open("split.bin", newline="") as f:
    lines = f.readlines()
print(len(lines), repr(lines[0][-3:]), lines[1:])
print(os.linesep == "\n")

os.chdir(HERE)
clean()
print("done")
