# selectors: several sockets, an echo loop driven by DefaultSelector, keys and maps.
import selectors
import socket

print(selectors.EVENT_READ, selectors.EVENT_WRITE)

for cls in (selectors.DefaultSelector, selectors.SelectSelector, selectors.PollSelector,
            selectors.EpollSelector):
    sel = cls()
    pairs = [socket.socketpair() for _ in range(4)]
    for i, (a, b) in enumerate(pairs):
        key = sel.register(a, selectors.EVENT_READ, data=i)
        print(type(key).__name__, key.fd == a.fileno(), key.events, key.data)
    print(len(sel.get_map()), sel.select(0))
    pairs[1][1].send(b'one')
    pairs[3][1].send(b'three')
    ready = sel.select(1)
    print(sorted((key.data, ev) for key, ev in ready))
    for key, ev in ready:
        key.fileobj.recv(100)
    print(sel.select(0))
    key = sel.modify(pairs[0][0], selectors.EVENT_READ | selectors.EVENT_WRITE, data='w')
    print(key.events, key.data)
    print([(k.data, ev) for k, ev in sel.select(0)])
    print(sel.get_key(pairs[0][0]).data)
    sel.unregister(pairs[0][0])
    try:
        sel.get_key(pairs[0][0])
    except KeyError:
        print('KeyError')
    try:
        sel.register(pairs[1][0], selectors.EVENT_READ)
    except KeyError:
        print('KeyError (already registered)')
    try:
        sel.register(pairs[0][0], 0)
    except ValueError as e:
        print(type(e).__name__, e)
    print(sorted(k.data for k in sel.get_map().values()))
    print(pairs[2][0] in sel.get_map(), pairs[0][0] in sel.get_map())
    sel.close()
    print(sel.get_map())
    for a, b in pairs:
        a.close()
        b.close()

# an echo server over non-blocking sockets driven by one selector
srv = socket.socket()
srv.bind(('127.0.0.1', 0))
srv.listen()
srv.setblocking(False)
port = srv.getsockname()[1]
sel = selectors.DefaultSelector()
sel.register(srv, selectors.EVENT_READ, data=None)
clients = []
for i in range(3):
    c = socket.create_connection(('127.0.0.1', port))
    c.sendall(b'msg%d' % i)
    clients.append(c)
echoed = 0
accepted = 0
steps = 0
while echoed < 3 and steps < 100:
    steps += 1
    for key, ev in sel.select(1):
        if key.data is None:
            conn, _ = key.fileobj.accept()
            conn.setblocking(False)
            sel.register(conn, selectors.EVENT_READ, data='conn')
            accepted += 1
        else:
            data = key.fileobj.recv(100)
            if data:
                key.fileobj.sendall(data.upper())
                echoed += 1
print('accepted', accepted, 'echoed', echoed)
print(sorted(c.recv(100) for c in clients))
for c in clients:
    c.close()
for key in list(sel.get_map().values()):
    sel.unregister(key.fileobj)
    key.fileobj.close()
sel.close()
print('done')
