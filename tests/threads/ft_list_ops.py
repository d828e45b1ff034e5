# Many threads mutate one list (append, pop, insert, slice assignment, sort): every
# operation is atomic, so nothing is lost or duplicated and nothing crashes.
import threading

N, M = 4, 600
lst = []
done = threading.Barrier(N)


def appender(k):
    for i in range(M):
        lst.append((k, i))
    done.wait()


ts = [threading.Thread(target=appender, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(lst), len(set(lst)) == N * M)

# append + pop pairs: each thread pops exactly what it pushed in count
lst2 = list(range(100))
popped = [0] * N


def push_pop(k):
    got = 0
    for i in range(M):
        lst2.append(i)
        lst2.insert(0, -1)
        lst2.pop()
        lst2.pop(0)
        got += 2
    popped[k] = got


ts = [threading.Thread(target=push_pop, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(lst2), sum(popped))

# slice assignment replacing a 10-item window keeps the length constant
lst3 = list(range(50))


def slicer(k):
    for i in range(M):
        lst3[5:15] = [k] * 10
        lst3[-3:] = [i, i, i]
        _ = lst3[:]


ts = [threading.Thread(target=slicer, args=(k,)) for k in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(lst3))

# sort while others append: no crash; final length exact
lst4 = list(range(200, 0, -1))
stop = threading.Event()


def sorter():
    while not stop.is_set():
        try:
            lst4.sort()
        except ValueError as e:  # "list modified during sort" is allowed
            pass


def adder(k):
    for i in range(M):
        lst4.append(-i)


s = threading.Thread(target=sorter)
s.start()
ts = [threading.Thread(target=adder, args=(k,)) for k in range(N - 1)]
for t in ts:
    t.start()
for t in ts:
    t.join()
stop.set()
s.join()
print(len(lst4))

# readers index and iterate while writers append and pop: no crash, values are ints
lst5 = list(range(100))
bad = []


def reader():
    for _ in range(M // 4):
        for x in lst5:
            if not isinstance(x, int):
                bad.append(x)
        n = len(lst5)
        try:
            v = lst5[n - 1]
            if not isinstance(v, int):
                bad.append(v)
        except IndexError:
            pass


def writer():
    for i in range(M):
        lst5.append(i)
        lst5.pop(0)


ts = [threading.Thread(target=reader) for _ in range(2)] + [threading.Thread(target=writer) for _ in range(2)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(lst5), bad)
