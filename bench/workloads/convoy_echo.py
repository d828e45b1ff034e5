# Mixed: the convoy effect on a network round trip. The main thread makes SIZE echo
# requests over loopback TCP (127.0.0.1) to an echo-server thread while THREADS CPU-bound
# threads spin (0 = baseline). Both ends of the echo need the interpreter, so under a GIL
# each round trip can wait for two hand-offs. Reports round-trip latency percentiles.
import socket
import threading
import time

from _common import parse_args, percentiles, report

DEADLINE = 60.0
STOP = [False]
MESSAGE = b"ping" * 16


def spin(progress, i):
    count = 0
    stop = STOP
    while not stop[0]:
        x = 0
        for j in range(1000):
            x += j * j
        count += 1
    progress[i] = count


def echo_server(server):
    conn, _ = server.accept()
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                return
            conn.sendall(data)


threads, size = parse_args(300)
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(1)
port = server.getsockname()[1]
echo = threading.Thread(target=echo_server, args=(server,))
echo.start()
sock = socket.create_connection(("127.0.0.1", port))
sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)

progress = [0] * threads
cpu = [threading.Thread(target=spin, args=(progress, i)) for i in range(threads)]
for t in cpu:
    t.start()
time.sleep(0.02)
rtts = []
start = time.perf_counter()
stop = start + DEADLINE
for _ in range(size):
    t0 = time.perf_counter()
    sock.sendall(MESSAGE)
    got = 0
    while got < len(MESSAGE):
        chunk = sock.recv(len(MESSAGE) - got)
        if not chunk:
            break
        got += len(chunk)
    t1 = time.perf_counter()
    rtts.append((t1 - t0) * 1000.0)
    if t1 > stop:
        break
seconds = time.perf_counter() - start
STOP[0] = True
for t in cpu:
    t.join()
sock.close()
echo.join()
server.close()
pct = percentiles(rtts)
report("convoy_echo", threads, size, seconds, len(rtts),
       latency_p50_ms=pct.get("p50"), latency_p90_ms=pct.get("p90"),
       latency_p99_ms=pct.get("p99"), latency_max_ms=pct.get("max"),
       latency_mean_ms=pct.get("mean"), ops_per_second=len(rtts) / seconds,
       cpu_iterations=sum(progress))
