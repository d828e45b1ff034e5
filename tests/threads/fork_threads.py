# os.fork while other threads run: the child has only the forking thread, which is its main
# thread; it runs Python, starts and joins threads of its own, and the parent carries on.
import os
import sys
import threading

stop = threading.Event()
counts = [0, 0, 0]


def busy(i):
    while not stop.is_set():
        counts[i] += 1
        d = {"k": [i] * 10}
        del d


workers = [threading.Thread(target=busy, args=(i,)) for i in range(3)]
for w in workers:
    w.start()

for round in range(5):
    r, w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os.close(r)
        results = []
        lock = threading.Lock()

        def child_work(n):
            with lock:
                results.append(sum(range(n)))

        ts = [threading.Thread(target=child_work, args=(100 * (k + 1),)) for k in range(3)]
        for t in ts:
            t.start()
        for t in ts:
            t.join()
        report = "%d %s %s %s" % (threading.active_count(),
                                  threading.current_thread() is threading.main_thread(),
                                  threading.current_thread().name, sorted(results))
        os.write(w, report.encode())
        os._exit(round)
    os.close(w)
    data = b""
    while True:
        chunk = os.read(r, 1000)
        if not chunk:
            break
        data += chunk
    os.close(r)
    print(round, data.decode(), os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))

stop.set()
for w in workers:
    w.join()
print("parent threads:", threading.active_count(), all(c > 0 for c in counts))

# Fork from a thread that is not the main thread: in the child it becomes the main thread.
result = []


def fork_here():
    r, w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        t = threading.current_thread()
        os.write(w, ("%s %s %d" % (t.name, t is threading.main_thread(),
                                   threading.active_count())).encode())
        os._exit(0)
    os.close(w)
    result.append(os.read(r, 1000).decode())
    os.close(r)
    result.append(os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))


t = threading.Thread(target=fork_here, name="forker")
t.start()
t.join()
print(result)
