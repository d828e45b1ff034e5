# Several threads reading and writing one buffered file at once.
import os

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "tmp_threads")


def clean():
    if os.path.isdir(D):
        for n in os.listdir(D):
            os.remove(os.path.join(D, n))
        os.rmdir(D)


clean()
os.mkdir(D)
os.chdir(D)

import threading

rec = bytes(range(97, 97 + 26)) + b"\n"      # 27-byte records
N = 20000
with open("rec.bin", "wb") as f:
    f.write(rec * N)
print(os.path.getsize("rec.bin"))

# two threads share one reader; each read of 27 bytes is atomic
f = open("rec.bin", "rb")
counts = [0, 0]
bad = [0, 0]

def reader(k, size):
    while True:
        b = f.read(size)
        if not b:
            break
        counts[k] += len(b)
        if len(b) % 27 == 0 and b != rec * (len(b) // 27):
            bad[k] += 1

t1 = threading.Thread(target=reader, args=(0, 27))
t2 = threading.Thread(target=reader, args=(1, 27 * 3))
t1.start(); t2.start()
t1.join(); t2.join()
f.close()
print(sum(counts), bad)

# lines from two threads: every line whole, none lost
f = open("rec.bin", "rb")
got = [[], []]

def liner(k):
    for line in f:
        got[k].append(line)

ts = [threading.Thread(target=liner, args=(k,)) for k in range(2)]
for t in ts: t.start()
for t in ts: t.join()
f.close()
print(len(got[0]) + len(got[1]), all(l == rec for l in got[0] + got[1]))

# four writers appending to one buffered writer
w = open("out.bin", "wb", buffering=100)

def writer(k):
    piece = bytes([65 + k]) * 10
    for i in range(2000):
        w.write(piece)

ts = [threading.Thread(target=writer, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
w.close()
with open("out.bin", "rb") as r:
    data = r.read()
print(len(data), [data.count(bytes([65 + k])) for k in range(4)])
print(all(data[i:i + 10] == data[i:i + 1] * 10 for i in range(0, len(data), 10)))

# separate files in separate threads
def own(k):
    name = "own%d.txt" % k
    with open(name, "w") as g:
        for i in range(1000):
            g.write("%d %d\n" % (k, i))
    with open(name) as g:
        results[k] = len(g.readlines())

results = [0] * 4
ts = [threading.Thread(target=own, args=(k,)) for k in range(4)]
for t in ts: t.start()
for t in ts: t.join()
print(results)

os.chdir(HERE)
clean()
print("done")
