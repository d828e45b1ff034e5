# I/O-bound: a TCP echo server on loopback (127.0.0.1 only, an ephemeral port) with one
# handler thread per connection, and THREADS client threads each making SIZE requests
# (bounded by a deadline too). Reports requests per second and latency percentiles.
import socket
import threading
import time

from _common import parse_args, percentiles, report

DEADLINE = 30.0
MESSAGE = b"x" * 64


def recv_exactly(sock, n):
    data = b""
    while len(data) < n:
        chunk = sock.recv(n - len(data))
        if not chunk:
            break
        data += chunk
    return data


def handle(conn):
    with conn:
        while True:
            data = conn.recv(4096)
            if not data:
                return
            conn.sendall(data)


def serve(server, handlers):
    while True:
        conn, _ = server.accept()
        t = threading.Thread(target=handle, args=(conn,))
        t.start()
        handlers.append(t)


def client(port, n, out):
    sock = socket.create_connection(("127.0.0.1", port))
    sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    latencies = []
    stop = time.perf_counter() + DEADLINE
    for _ in range(n):
        t0 = time.perf_counter()
        sock.sendall(MESSAGE)
        if len(recv_exactly(sock, len(MESSAGE))) != len(MESSAGE):
            break
        t1 = time.perf_counter()
        latencies.append(t1 - t0)
        if t1 > stop:
            break
    sock.close()
    out.append(latencies)


threads, size = parse_args(2000)
server = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
server.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
server.bind(("127.0.0.1", 0))
server.listen(128)
port = server.getsockname()[1]
handlers = []
acceptor = threading.Thread(target=serve, args=(server, handlers))
acceptor.daemon = True
acceptor.start()

outs = []
clients = [threading.Thread(target=client, args=(port, size, outs)) for _ in range(threads)]
start = time.perf_counter()
for t in clients:
    t.start()
for t in clients:
    t.join()
seconds = time.perf_counter() - start
for t in handlers:
    t.join()
server.close()

lat = [x for lst in outs for x in lst]
pct = percentiles([x * 1000.0 for x in lat])
report("io_tcp_echo", threads, size, seconds, len(lat), ops_per_second=len(lat) / seconds,
       latency_p50_ms=pct.get("p50"), latency_p99_ms=pct.get("p99"),
       latency_max_ms=pct.get("max"))
