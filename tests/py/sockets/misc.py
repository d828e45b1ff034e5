# create_server, fromfd, AF_UNIX sockets, MSG_PEEK, SOCK_NONBLOCK, sendto flags.
import os
import socket

srv = socket.create_server(('127.0.0.1', 0))
print(repr(srv.family), repr(srv.type), srv.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
port = srv.getsockname()[1]
c = socket.create_connection(('127.0.0.1', port), timeout=2)
conn, addr = srv.accept()
print(c.gettimeout(), conn.gettimeout())
c.sendall(b'peek me')
print(conn.recv(4, socket.MSG_PEEK), conn.recv(100))
dup = socket.fromfd(conn.fileno(), socket.AF_INET, socket.SOCK_STREAM)
dup.sendall(b'from the dup')
print(c.recv(100), dup.fileno() != conn.fileno())
for s in (dup, conn, c):
    s.close()
# 'localhost' goes through getaddrinfo (and tries ::1 first when it resolves to it)
c = socket.create_connection(('localhost', port), timeout=2)
conn, addr = srv.accept()
print(repr(c.family) == repr(conn.family), c.getpeername()[1] == port)
for s in (conn, c, srv):
    s.close()

# AF_UNIX stream and datagram sockets on a filesystem path
path = '/tmp/ftpy-sock-test-%d' % os.getpid()
try:
    os.unlink(path)
except OSError:
    pass
u = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
u.bind(path)
u.listen()
print(u.getsockname() == path, repr(u.family))
cl = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
cl.connect(path)
peer, addr = u.accept()
print(repr(addr), cl.getpeername() == path)
cl.sendall(b'over unix')
print(peer.recv(100))
for s in (peer, cl, u):
    s.close()
os.unlink(path)
try:
    cl2 = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    cl2.connect(path)
except FileNotFoundError as e:
    print(type(e).__name__, e.errno)
cl2.close()

d1, d2 = socket.socketpair(socket.AF_UNIX, socket.SOCK_DGRAM)
print(repr(d1.type))
d1.send(b'dgram 1')
d1.send(b'dgram 2')
print(d2.recv(100), d2.recv(100))
d1.close()
d2.close()

# SOCK_NONBLOCK in the type: a non-blocking socket, type without the flag
n = socket.socket(socket.AF_INET, socket.SOCK_STREAM | socket.SOCK_NONBLOCK)
print(n.getblocking(), n.gettimeout(), repr(n.type))
n.close()

# UDP sendto with flags
a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b.bind(('127.0.0.1', 0))
print(a.sendto(b'flagged', 0, b.getsockname()))
print(b.recv(100))
try:
    a.sendto(b'x')
except TypeError as e:
    print(type(e).__name__)
a.close()
b.close()
print('done')
