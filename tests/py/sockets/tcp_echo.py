# TCP echo server in a thread, several client threads; exact byte counts.
import socket
import threading

N_CLIENTS = 6
MSGS = 20

srv = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
srv.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
srv.bind(('127.0.0.1', 0))
srv.listen(16)
host, port = srv.getsockname()
print('bound', host, type(port).__name__, 0 < port < 65536)
print('family', srv.family, repr(srv.family), 'type', repr(srv.type), 'proto', srv.proto)

served = []
lock = threading.Lock()


def handle(conn):
    total = 0
    with conn:
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        while True:
            data = conn.recv(4096)
            if not data:
                break
            total += len(data)
            conn.sendall(data)
    with lock:
        served.append(total)


def server():
    threads = []
    for _ in range(N_CLIENTS):
        conn, addr = srv.accept()
        assert addr[0] == '127.0.0.1'
        t = threading.Thread(target=handle, args=(conn,))
        t.start()
        threads.append(t)
    for t in threads:
        t.join()


results = {}


def client(i):
    s = socket.create_connection(('127.0.0.1', port), timeout=10)
    got = 0
    sent = 0
    with s:
        for j in range(MSGS):
            msg = (b'%d:%d;' % (i, j)) * (i + 1)
            s.sendall(msg)
            sent += len(msg)
            need = len(msg)
            buf = b''
            while len(buf) < need:
                chunk = s.recv(need - len(buf))
                if not chunk:
                    break
                buf += chunk
            assert buf == msg, (buf, msg)
            got += len(buf)
        s.shutdown(socket.SHUT_WR)
        tail = s.recv(10)
    with lock:
        results[i] = (sent, got, tail)


st = threading.Thread(target=server)
st.start()
clients = [threading.Thread(target=client, args=(i,)) for i in range(N_CLIENTS)]
for t in clients:
    t.start()
for t in clients:
    t.join()
st.join()
srv.close()
for i in sorted(results):
    print('client', i, results[i])
print('served', sorted(served))
print('total', sum(served))
print('closed fileno', srv.fileno())
