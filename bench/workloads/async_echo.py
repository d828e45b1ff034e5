# asyncio I/O: a TCP echo server and THREADS concurrent client coroutines on one event loop.
# The server is asyncio.start_server on loopback (127.0.0.1 only, an ephemeral port); each
# client makes SIZE requests (bounded by a deadline too). One thread in all: compare with
# io_tcp_echo.py (a thread per client and per connection) at the same THREADS and SIZE.
# Reports requests per second and latency percentiles in the same fields.
import asyncio
import time

from _common import parse_args, percentiles, report

DEADLINE = 30.0
MESSAGE = b"x" * 64


async def handle(reader, writer):
    try:
        while True:
            data = await reader.read(4096)
            if not data:
                break
            writer.write(data)
            await writer.drain()
    finally:
        writer.close()


async def client(port, n, out):
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    latencies = []
    stop = time.perf_counter() + DEADLINE
    for _ in range(n):
        t0 = time.perf_counter()
        writer.write(MESSAGE)
        await writer.drain()
        try:
            data = await reader.readexactly(len(MESSAGE))
        except asyncio.IncompleteReadError:
            break
        t1 = time.perf_counter()
        if len(data) != len(MESSAGE):
            break
        latencies.append(t1 - t0)
        if t1 > stop:
            break
    writer.close()
    await writer.wait_closed()
    out.append(latencies)


async def run(clients, size):
    server = await asyncio.start_server(handle, "127.0.0.1", 0, backlog=128)
    port = server.sockets[0].getsockname()[1]
    outs = []
    start = time.perf_counter()
    await asyncio.gather(*[client(port, size, outs) for _ in range(clients)])
    seconds = time.perf_counter() - start
    server.close()
    await server.wait_closed()
    return seconds, outs


if __name__ == "__main__":
    threads, size = parse_args(2000)
    seconds, outs = asyncio.run(run(threads, size))
    lat = [x for lst in outs for x in lst]
    pct = percentiles([x * 1000.0 for x in lat])
    report("async_echo", threads, size, seconds, len(lat),
           ops_per_second=len(lat) / seconds if seconds > 0 else None,
           latency_p50_ms=pct.get("p50"), latency_p99_ms=pct.get("p99"),
           latency_max_ms=pct.get("max"), ok=len(lat) == threads * size)
