# Error cases: refused connections, timeouts, bad addresses, getsockname families.
import socket

# connect to a port nobody listens on
s = socket.socket()
s.bind(('127.0.0.1', 0))
port = s.getsockname()[1]
s.close()
c = socket.socket()
try:
    c.connect(('127.0.0.1', port))
except ConnectionRefusedError as e:
    print(type(e).__name__, e.errno, e.strerror, isinstance(e, socket.error))
c.close()
c = socket.socket()
print(c.connect_ex(('127.0.0.1', port)))
c.close()
try:
    socket.create_connection(('127.0.0.1', port), timeout=2)
except OSError as e:
    print(type(e).__name__, e)

# accept timing out
srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
srv.settimeout(0.05)
try:
    srv.accept()
except TimeoutError as e:
    print(type(e).__name__, e)
srv.setblocking(False)
try:
    srv.accept()
except BlockingIOError as e:
    print(type(e).__name__)

# connecting with a timeout, then accept returns a blocking socket
port = srv.getsockname()[1]
c = socket.socket()
c.settimeout(2)
c.connect(('127.0.0.1', port))
srv.settimeout(2)
conn, addr = srv.accept()
print(conn.gettimeout(), addr == c.getsockname(), conn.getpeername() == c.getsockname())
print(c.getpeername() == srv.getsockname())
conn.close()
c.close()
srv.close()

# addresses
s = socket.socket()
for addr in ['127.0.0.1', ('127.0.0.1',), ('127.0.0.1', 1, 2), ('127.0.0.1', 70000),
             ('127.0.0.1', -1), (1, 2), ('127.0.0.1', 'x')]:
    try:
        s.bind(addr)
    except (TypeError, OverflowError, OSError) as e:
        print(type(e).__name__, e)
s.close()

# getsockname / families
s4 = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s4.bind(('127.0.0.1', 0))
name = s4.getsockname()
print(type(name).__name__, len(name), name[0])
s4.close()
s = socket.socket()
print(s.getsockname())
try:
    s.getpeername()
except OSError as e:
    print(type(e).__name__, e)
s.close()
try:
    s.getsockname()
except OSError as e:
    print(type(e).__name__, e)

u = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
print(repr(u.family), repr(u.getsockname()))
u.close()

# constants and helpers
print(socket.AF_INET, socket.AF_INET6, socket.AF_UNIX, socket.SOCK_STREAM, socket.SOCK_DGRAM)
print(socket.SOL_SOCKET, socket.SO_REUSEADDR, socket.IPPROTO_TCP, socket.TCP_NODELAY)
print(socket.SHUT_RD, socket.SHUT_WR, socket.SHUT_RDWR)
print(socket.timeout is TimeoutError, socket.error is OSError)
print(issubclass(socket.gaierror, OSError), issubclass(socket.herror, OSError))
print(socket.htons(1), socket.ntohs(256), socket.htonl(1), socket.ntohl(1))
print(socket.inet_aton('127.0.0.1'), socket.inet_ntoa(b'\x7f\x00\x00\x01'))
print(socket.inet_pton(socket.AF_INET6, '::1'))
print(socket.inet_ntop(socket.AF_INET6, b'\x00' * 15 + b'\x01'))
print(socket.inet_ntop(socket.AF_INET, b'\x0a\x00\x00\x01'))
try:
    socket.inet_aton('300.1.1.1')
except OSError as e:
    print(type(e).__name__, e)
print(type(socket.gethostname()).__name__)
print(socket.gethostbyname('127.0.0.1'))
infos = socket.getaddrinfo('127.0.0.1', 80, socket.AF_INET, socket.SOCK_STREAM)
print(infos)
infos = socket.getaddrinfo('localhost', '8080', socket.AF_INET, socket.SOCK_DGRAM)
print(infos[0][0], infos[0][1], infos[0][4])
try:
    socket.getaddrinfo('no-such-host.invalid', 80)
except socket.gaierror as e:
    print(type(e).__name__, isinstance(e, OSError))

# options
s = socket.socket()
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR))
s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) != 0)
print(s.getsockopt(socket.SOL_SOCKET, socket.SO_TYPE) == socket.SOCK_STREAM)
s.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, True)
print(s.getsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY) != 0)
s.close()
print('done')
