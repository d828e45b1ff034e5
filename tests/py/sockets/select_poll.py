# select.select, select.poll and select.epoll readiness on socketpairs.
import select
import socket

a, b = socket.socketpair()

# nothing to read yet: b is writable only
r, w, x = select.select([a, b], [b], [], 0)
print(r == [], w == [b], x)
a.send(b'ping')
r, w, x = select.select([a, b], [], [], 1.0)
print(r == [b], w, x)
print(b.recv(10))
# timeout with nothing ready
r, w, x = select.select([b], [], [], 0.02)
print(r, w, x)
# file descriptors as ints work too, and the same objects come back
r, w, x = select.select([b.fileno()], [a.fileno()], [], 0)
print(r, w == [a.fileno()])
print(select.select([], [], [], 0))
for bad in ([-1], ['x'], 5):
    try:
        select.select(bad, [], [], 0)
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)
try:
    select.select([], [], [], -1)
except ValueError as e:
    print(type(e).__name__, e)

# a closed peer makes the socket readable (recv returns b'')
c, d = socket.socketpair()
d.close()
r, _, _ = select.select([c], [], [], 1)
print(r == [c], c.recv(10))
c.close()

# poll
p = select.poll()
p.register(a, select.POLLIN)
p.register(b.fileno(), select.POLLIN | select.POLLOUT)
ev = sorted(p.poll(0))
print([(fd == b.fileno(), e & select.POLLOUT != 0, e & select.POLLIN != 0) for fd, e in ev])
b.send(b'pong')
ev = dict(p.poll(1000))
print(a.fileno() in ev, ev[a.fileno()] & select.POLLIN != 0)
print(a.recv(10))
p.modify(b, select.POLLIN)
print(p.poll(10))
p.unregister(b)
try:
    p.unregister(b)
except KeyError as e:
    print(type(e).__name__)
try:
    p.modify(b, select.POLLIN)
except OSError as e:
    print(type(e).__name__, e.errno)
print(p.poll(0))
b.send(b'x' * 3)
print([e for fd, e in p.poll(None)] == [select.POLLIN])
print(a.recv(10))
p.unregister(a)
print(p.poll(0))

# epoll
ep = select.epoll()
ep.register(a.fileno(), select.EPOLLIN)
print(ep.poll(0))
b.send(b'epoll')
res = ep.poll(1)
print(len(res), res[0][0] == a.fileno(), res[0][1] == select.EPOLLIN)
print(a.recv(10))
ep.modify(a.fileno(), select.EPOLLIN | select.EPOLLOUT)
print([e for fd, e in ep.poll(0)] == [select.EPOLLOUT])
ep.unregister(a.fileno())
print(ep.poll(0.01), ep.closed)
ep.close()
print(ep.closed)
try:
    ep.poll(0)
except ValueError as e:
    print(type(e).__name__, e)
with select.epoll() as ep2:
    print(ep2.closed)
print(ep2.closed)

a.close()
b.close()
print(select.POLLIN, select.POLLOUT, select.POLLERR, select.POLLHUP, select.POLLNVAL)
print('done')
