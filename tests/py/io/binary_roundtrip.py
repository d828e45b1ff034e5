# Binary files: bytes round trips, read sizes, readinto, peek/read1, attributes.
import os

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "tmp_binary_roundtrip")


def clean():
    if os.path.isdir(D):
        for n in os.listdir(D):
            os.remove(os.path.join(D, n))
        os.rmdir(D)


clean()
os.mkdir(D)
os.chdir(D)

data = bytes(range(256)) * 4
with open("b.bin", "wb") as f:
    print(type(f).__name__, f.name, f.mode, f.readable(), f.writable(), f.seekable())
    print(f.write(data))
    print(f.write(bytearray(b"tail\n")))
    print(f.write(b"mv"))
    print(f.tell())
print(os.path.getsize("b.bin"))

with open("b.bin", "rb") as f:
    print(type(f).__name__, f.mode, f.raw.mode)
    print(f.read(10))
    print(f.read1(5))
    print(f.peek(3)[:3])
    print(f.tell())
    rest = f.read()
    print(len(rest), rest[-6:])
    print(f.read(), f.read(5), f.tell())

with open("b.bin", "rb") as f:
    buf = bytearray(16)
    print(f.readinto(buf), bytes(buf))
    f.seek(-8, 2)
    buf = bytearray(16)
    print(f.readinto(buf), bytes(buf))

with open("lines.bin", "wb") as f:
    f.writelines([b"a\n", b"bb\n", b"\r\n", b"ccc"])
with open("lines.bin", "rb") as f:
    print(f.readlines())
with open("lines.bin", "rb") as f:
    print([l for l in f])
with open("lines.bin", "rb") as f:
    print(f.readline(), f.readline(1), f.readline(), f.readline(), f.readline(), f.readline())

# unbuffered raw file
with open("lines.bin", "rb", buffering=0) as f:
    print(type(f).__name__, f.mode, f.closefd)
    print(f.read(3), f.readall())
    print(f.read(10))
with open("raw.bin", "wb", buffering=0) as f:
    print(f.write(b"xyz"), f.tell())
print(open("raw.bin", "rb").read())

# io classes directly
import io
raw = io.FileIO("raw.bin", "r+")
print(raw.mode, raw.readable(), raw.writable())
br = io.BufferedRandom(raw)
print(br.read(1))
br.write(b"Q")
br.seek(0)
print(br.read())
br.close()
print(raw.closed, br.closed)
with io.BufferedReader(io.FileIO("raw.bin")) as r:
    print(r.read())
with io.BufferedWriter(io.FileIO("raw2.bin", "w"), buffer_size=4) as w:
    w.write(b"0123456789")
with io.open("raw2.bin", "rb") as r:
    print(r.read())
print(io.open is open, isinstance(r, io.BufferedIOBase), isinstance(r.raw, io.RawIOBase))
print(isinstance(open("raw2.bin"), io.TextIOBase), issubclass(io.FileIO, io.IOBase))
print(io.DEFAULT_BUFFER_SIZE, io.SEEK_SET, io.SEEK_CUR, io.SEEK_END)

os.chdir(HERE)
clean()
print("done")
