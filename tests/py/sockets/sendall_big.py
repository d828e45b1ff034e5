# sendall of 1 MB through TCP and a socketpair while a thread reads it back.
import socket
import threading

payload = bytes(range(256)) * 4096  # 1 MiB
print(len(payload))


def reader(sock, out):
    got = bytearray()
    while True:
        chunk = sock.recv(65536)
        if not chunk:
            break
        got += chunk
    out.append(bytes(got))


srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
port = srv.getsockname()[1]
c = socket.create_connection(('127.0.0.1', port))
conn, _ = srv.accept()
out = []
t = threading.Thread(target=reader, args=(conn, out))
t.start()
print(c.sendall(payload))
c.sendall(bytearray(b'tail'))
c.shutdown(socket.SHUT_WR)
t.join()
print(len(out[0]), out[0][:1048576] == payload, out[0][-4:])
conn.close()
c.close()
srv.close()

# with a timeout: sendall still completes when the reader keeps up
a, b = socket.socketpair()
a.settimeout(5)
out = []
t = threading.Thread(target=reader, args=(b, out))
t.start()
a.sendall(payload)
a.shutdown(socket.SHUT_WR)
t.join()
print(len(out[0]), out[0] == payload)

# nobody reads: sendall times out
a2, b2 = socket.socketpair()
a2.settimeout(0.1)
try:
    a2.sendall(payload * 4)
except TimeoutError as e:
    print(type(e).__name__, e)
# non-blocking send fills up and raises BlockingIOError
a2.setblocking(False)
try:
    for _ in range(1000):
        a2.send(payload)
except BlockingIOError as e:
    print(type(e).__name__)
for s in (a, b, a2, b2):
    s.close()
print('done')
