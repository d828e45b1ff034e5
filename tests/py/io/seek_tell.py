# seek, tell, truncate in binary and text mode.
import os

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "tmp_seek_tell")


def clean():
    if os.path.isdir(D):
        for n in os.listdir(D):
            os.remove(os.path.join(D, n))
        os.rmdir(D)


clean()
os.mkdir(D)
os.chdir(D)

with open("s.bin", "w+b") as f:
    f.write(b"0123456789abcdef")
    print(f.tell(), f.seek(0), f.read(4), f.tell())
    print(f.seek(2, 1), f.read(2), f.seek(-3, 2), f.read())
    print(f.seek(100), f.read(), f.tell())
    f.write(b"!")
    print(f.seek(0, 2))
    print(f.truncate(20), f.tell())
    print(f.seek(0), len(f.read()))
    print(f.truncate(5), f.tell())
    f.seek(0)
    print(f.read())
    f.seek(2)
    print(f.truncate(), f.tell())
    f.seek(0)
    print(f.read())
    try:
        f.seek(0, 3)
    except ValueError as e:
        print(type(e).__name__, e)
    try:
        f.seek(-1)
    except OSError as e:
        print(type(e).__name__, e.errno)
print(os.path.getsize("s.bin"))

with open("t.txt", "w", encoding="utf-8") as f:
    f.write("line one\nligne deux é\nthird\n")
with open("t.txt", encoding="utf-8") as f:
    positions = []
    while True:
        p = f.tell()
        line = f.readline()
        if not line:
            break
        positions.append((p, line))
    print(positions)
    for p, line in reversed(positions):
        f.seek(p)
        print(p, repr(f.readline()), f.tell())
    print(f.seek(0, 2), f.tell())
    f.seek(0)
    print(repr(f.read(5)), f.tell())
    try:
        f.seek(3, 1)
    except Exception as e:
        print(type(e).__name__, e)
    try:
        f.seek(-3, 2)
    except Exception as e:
        print(type(e).__name__, e)
    print(f.seek(0, 1))

with open("crlf.bin", "wb") as f:
    f.write(b"a\r\nbb\r\nccc\r\n")
with open("crlf.bin") as f:
    print(repr(f.readline()), f.tell(), repr(f.readline()), f.tell(), repr(f.read(2)), f.tell())

with open("t.txt", "r+", encoding="utf-8") as f:
    f.seek(5)
    f.truncate()
    print(repr(f.read()), f.tell())
    f.seek(0)
    print(repr(f.read()))

with open("t.txt", "rb") as f:
    try:
        f.truncate()
    except Exception as e:
        print(type(e).__name__, e)

os.chdir(HERE)
clean()
print("done")
