# Four threads start subprocesses at the same time: each sees its own output, input and
# exit status, and no child is lost or reaped by the wrong thread.
import subprocess
import threading

N_THREADS = 4
N_RUNS = 5
results = {}
errors = []
lock = threading.Lock()
start = threading.Barrier(N_THREADS)


def worker(t):
    start.wait()
    got = []
    try:
        for i in range(N_RUNS):
            r = subprocess.run(["sh", "-c", "cat; echo err-%d-%d >&2; exit %d" % (t, i, i % 3)],
                               input=("in-%d-%d\n" % (t, i)).encode(), capture_output=True)
            got.append((r.stdout, r.stderr, r.returncode))
            out = subprocess.check_output(["echo", str(t * 100 + i)], text=True)
            got.append(out)
            p = subprocess.Popen(["sleep", "10"])
            p.kill()
            got.append(p.wait())
            try:
                subprocess.run(["no-such-program-%d" % t])
            except FileNotFoundError as e:
                got.append(e.filename)
    except Exception as e:
        with lock:
            errors.append(repr(e))
    with lock:
        results[t] = got


threads = [threading.Thread(target=worker, args=(t,)) for t in range(N_THREADS)]
for th in threads:
    th.start()
for th in threads:
    th.join()

print("errors:", errors)
for t in range(N_THREADS):
    expected = []
    for i in range(N_RUNS):
        expected.append((("in-%d-%d\n" % (t, i)).encode(), ("err-%d-%d\n" % (t, i)).encode(),
                         i % 3))
        expected.append("%d\n" % (t * 100 + i))
        expected.append(-9)
        expected.append("no-such-program-%d" % t)
    print(t, len(results[t]), results[t] == expected)
print(results[2][:4])
