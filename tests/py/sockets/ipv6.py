# IPv6 loopback when the machine has it; the same output either way.
import socket
import threading


def ipv6_available():
    try:
        s = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    except OSError:
        return False
    try:
        s.bind(('::1', 0))
        return True
    except OSError:
        return False
    finally:
        s.close()


def run():
    srv = socket.socket(socket.AF_INET6, socket.SOCK_STREAM)
    srv.bind(('::1', 0))
    srv.listen()
    name = srv.getsockname()
    results = [repr(srv.family), len(name), name[0], name[2], name[3]]

    def serve():
        conn, addr = srv.accept()
        with conn:
            results.append(addr[0])
            data = conn.recv(100)
            conn.sendall(data[::-1])

    t = threading.Thread(target=serve)
    t.start()
    c = socket.create_connection(('::1', name[1]))
    c.sendall(b'abcdef')
    results.append(c.recv(100))
    results.append(c.getpeername()[0])
    t.join()
    c.close()
    srv.close()
    u1 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    u2 = socket.socket(socket.AF_INET6, socket.SOCK_DGRAM)
    u1.bind(('::1', 0))
    u2.bind(('::1', 0))
    u1.sendto(b'v6 datagram', u2.getsockname())
    u2.settimeout(2)
    data, src = u2.recvfrom(100)
    results.append(data)
    results.append(src == u1.getsockname())
    u1.close()
    u2.close()
    return results


expected = ['<AddressFamily.AF_INET6: 10>', 4, '::1', 0, 0, '::1', b'fedcba', '::1',
            b'v6 datagram', True]
if ipv6_available():
    got = run()
    print('ipv6 loopback', 'ok' if got == expected else got)
else:
    print('ipv6 loopback', 'ok')
s = socket.socket(socket.AF_INET6)
try:
    s.bind('::1')
except TypeError as e:
    print(type(e).__name__, e)
try:
    s.bind(('::1', 1, 2, 3, 4))
except TypeError as e:
    print(type(e).__name__, e)
s.close()
print(socket.inet_pton(socket.AF_INET6, '::ffff:127.0.0.1'))
print(socket.inet_ntop(socket.AF_INET6, socket.inet_pton(socket.AF_INET6, 'fe80::1:2')))
print('done')
