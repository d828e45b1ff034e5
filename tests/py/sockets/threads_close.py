# Sockets shared between threads: closing or shutting down a socket another thread is
# blocked on, and concurrent use with a close in the middle (must not crash).
import socket
import threading
import time

# 1. a thread blocked in recv() wakes up with b'' when the socket is shut down
a, b = socket.socketpair()
got = []
t = threading.Thread(target=lambda: got.append(a.recv(100)))
t.start()
time.sleep(0.05)
a.shutdown(socket.SHUT_RDWR)
t.join()
a.close()
b.close()
print('recv after shutdown:', got)

# 2. a thread blocked in accept() fails once the listening socket is shut down
srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
errors = []


def acceptor():
    try:
        srv.accept()
    except OSError as e:
        errors.append(type(e).__name__)


t = threading.Thread(target=acceptor)
t.start()
time.sleep(0.05)
srv.shutdown(socket.SHUT_RDWR)
t.join()
srv.close()
print('accept after shutdown:', errors)

# 3. other threads keep running while one waits in recv()
a, b = socket.socketpair()
counter = [0]
stop = threading.Event()


def spinner():
    while not stop.is_set() and counter[0] < 10 ** 6:
        counter[0] += 1


waiter_result = []
w = threading.Thread(target=lambda: waiter_result.append(a.recv(10)))
s = threading.Thread(target=spinner)
w.start()
s.start()
time.sleep(0.1)
b.send(b'wake')
w.join()
stop.set()
s.join()
print('waiter got', waiter_result, 'spinner ran', counter[0] > 0)
a.close()
b.close()

# 4. several threads use one socket while another closes it: only OSErrors, no crash
a, b = socket.socketpair()
a.settimeout(0.2)
b.settimeout(0.2)
outcomes = []
olock = threading.Lock()


def user(i):
    n = 0
    try:
        for _ in range(200):
            a.send(b'x')
            b.recv(1)
            n += 1
    except OSError:
        pass
    with olock:
        outcomes.append(n <= 200)


users = [threading.Thread(target=user, args=(i,)) for i in range(4)]
for u in users:
    u.start()
time.sleep(0.01)
a.close()
for u in users:
    u.join()
b.close()
print('users finished', len(outcomes), all(outcomes))
try:
    a.send(b'x')
except OSError as e:
    print(type(e).__name__, e)
print('done')
