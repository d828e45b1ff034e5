# Large files: a few MB written in pieces and read back in chunks.
import os

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "tmp_large")


def clean():
    if os.path.isdir(D):
        for n in os.listdir(D):
            os.remove(os.path.join(D, n))
        os.rmdir(D)


clean()
os.mkdir(D)
os.chdir(D)

block = bytes((i * 7 + 3) % 256 for i in range(4096))
with open("big.bin", "wb") as f:
    for i in range(1000):
        f.write(block)
    print(f.tell())
print(os.path.getsize("big.bin"))

for chunk in (1, 1000, 4096, 8192, 65536, 1 << 20):
    total = 0
    ok = True
    with open("big.bin", "rb") as f:
        if chunk == 1:
            f.seek(-5000, 2)
        while True:
            b = f.read(chunk)
            if not b:
                break
            start = total if chunk != 1 else total + 4096000 - 5000
            if b != bytes((i * 7 + 3) % 256 for i in range(start % 4096, start % 4096 + min(len(b), 16))) + b[16:] and len(b) >= 16:
                ok = False
            total += len(b)
    print(chunk, total, ok)

with open("big.bin", "rb") as f:
    data = f.read()
print(len(data), data == block * 1000)
with open("big.bin", "rb", buffering=0) as f:
    data = f.read()
print(len(data), data == block * 1000)

# big text file, line by line
line = "line %06d: " + "abcdefghij" * 5 + "\n"
with open("big.txt", "w", encoding="utf-8") as f:
    for i in range(50000):
        f.write(line % i)
n = 0
length = 0
with open("big.txt", encoding="utf-8") as f:
    for l in f:
        n += 1
        length += len(l)
print(n, length, os.path.getsize("big.txt"))
with open("big.txt", encoding="utf-8") as f:
    lines = f.readlines()
print(len(lines), lines[12345] == line % 12345, lines[-1] == line % 49999)
with open("big.txt", encoding="utf-8") as f:
    text = f.read()
print(len(text), text.count("\n"))

# writelines of many small chunks with a small buffer
with open("small.bin", "wb", buffering=16) as f:
    f.writelines(bytes([i % 256]) * (i % 50) for i in range(3000))
print(os.path.getsize("small.bin"))

os.chdir(HERE)
clean()
print("done")
