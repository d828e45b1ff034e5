# Barrier: all parties meet; indices are 0..n-1; the action runs once per round.
import threading

N = 5
rounds = 4
actions = []
b = threading.Barrier(N, action=lambda: actions.append("go"))
print(b.parties, b.n_waiting, b.broken)
results = []
lock = threading.Lock()
phase_log = []


def party(i):
    for r in range(rounds):
        with lock:
            phase_log.append((r, "arrive"))
        idx = b.wait()
        with lock:
            results.append((r, idx))
            phase_log.append((r, "leave"))


ts = [threading.Thread(target=party, args=(i,)) for i in range(N)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print(len(actions))
for r in range(rounds):
    print(r, sorted(idx for (rr, idx) in results if rr == r))
# no thread leaves round r before every thread arrived at round r
for r in range(rounds):
    last_arrive = max(i for i, e in enumerate(phase_log) if e == (r, "arrive"))
    first_leave = min(i for i, e in enumerate(phase_log) if e == (r, "leave"))
    assert last_arrive < first_leave
print("phases ok", b.n_waiting, b.broken)
