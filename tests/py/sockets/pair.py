# socketpair, shutdown semantics, recv_into, timeouts, blocking modes, closed sockets.
import socket

a, b = socket.socketpair()
print(repr(a.family), repr(a.type), type(a).__name__, isinstance(a, socket.socket))
print(a.gettimeout(), a.getblocking())

a.sendall(b'hello')
print(b.recv(100))
b.send(b'world')
print(a.recv(2), a.recv(100))

# recv_into
buf = bytearray(10)
a.send(b'12345')
print(b.recv_into(buf), buf)
a.send(b'abcdefgh')
print(b.recv_into(buf, 4), buf)
print(b.recv(100))
try:
    b.recv_into(bytearray(2), 5)
except ValueError as e:
    print(type(e).__name__, e)
try:
    b.recv_into(b'xx')
except TypeError as e:
    print(type(e).__name__)
try:
    b.recv(-1)
except ValueError as e:
    print(type(e).__name__, e)
try:
    a.send('text')
except TypeError as e:
    print(type(e).__name__, e)

# timeouts
b.settimeout(0.05)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(10)
except socket.timeout as e:
    print(type(e).__name__, e)
b.settimeout(None)
print(b.gettimeout(), b.getblocking())
b.setblocking(False)
print(b.gettimeout(), b.getblocking())
try:
    b.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno, e.strerror)
b.setblocking(True)
for bad in (-1, 'x'):
    try:
        b.settimeout(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)

# shutdown: the peer reads b'' after the data already sent
a.send(b'last')
a.shutdown(socket.SHUT_WR)
print(b.recv(100), b.recv(100), b.recv(100))
b.send(b'still open the other way')
print(a.recv(100))
b.close()
print(a.recv(100))

# the default timeout applies to new sockets
print(socket.getdefaulttimeout())
socket.setdefaulttimeout(1.5)
c, d = socket.socketpair()
print(c.gettimeout(), d.gettimeout())
socket.setdefaulttimeout(None)
c.close()
d.close()

# dup, detach, fileno after close
e, f = socket.socketpair()
g = e.dup()
g.send(b'from dup')
print(f.recv(100), g.family == e.family)
g.close()
fd = e.detach()
print(e.fileno(), fd >= 0)
h = socket.socket(fileno=fd)
h.send(b'reattached')
print(f.recv(100), repr(h.family), repr(h.type))
h.close()
f.close()
try:
    f.send(b'x')
except OSError as e:
    print(type(e).__name__, e)

# context manager
with socket.socketpair()[0] as s:
    print(s.fileno() >= 0)
print(s.fileno())
a.close()
a.close()  # twice is fine
print('done')
