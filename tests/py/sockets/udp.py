# UDP: sendto / recvfrom / connect-ed datagram sockets on the IPv4 loopback.
import socket

a = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
b = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
a.bind(('127.0.0.1', 0))
b.bind(('127.0.0.1', 0))
print(repr(a.type), a.type == socket.SOCK_DGRAM, a.proto)
aaddr = a.getsockname()
baddr = b.getsockname()
a.settimeout(2)
b.settimeout(2)

for i in range(5):
    n = a.sendto(b'datagram %d' % i, baddr)
    data, src = b.recvfrom(1024)
    print(n, data, src == aaddr)

# datagram boundaries are kept
a.sendto(b'one', baddr)
a.sendto(b'two two', baddr)
print(b.recv(100), b.recv(100))

# truncation to the buffer size
a.sendto(b'0123456789', baddr)
print(b.recv(4))

# connect() fixes the peer: send/recv work
a.connect(baddr)
print(a.getpeername() == baddr)
a.send(b'via send')
print(b.recvfrom(64)[0])
b.sendto(b'reply', aaddr)
print(a.recv(64))

# recvfrom_into / recv_into with a bytearray
buf = bytearray(16)
a.send(b'into')
n, src = b.recvfrom_into(buf)
print(n, bytes(buf[:n]), src == aaddr)
a.send(b'abcdef')
print(b.recv_into(buf, 3), bytes(buf[:6]))

# empty datagram
a.send(b'')
print(repr(b.recv(10)))

# nothing to read: timeout
b.settimeout(0.05)
try:
    b.recvfrom(10)
except TimeoutError as e:
    print(type(e).__name__, e, isinstance(e, socket.timeout), isinstance(e, OSError))

# non-blocking: BlockingIOError
b.setblocking(False)
print(b.getblocking(), b.gettimeout())
try:
    b.recv(10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno == 11)

a.close()
b.close()
print('done')
