# Loop I/O API: add_reader/add_writer, sock_* coroutines, protocols and transports,
# Server.serve_forever, Future callbacks order, Handle reprs.
import asyncio
import socket


class Echo(asyncio.Protocol):
    def connection_made(self, transport):
        self.transport = transport
        events.append('server: connection_made')

    data = b''

    def data_received(self, data):
        self.data += data
        self.transport.write(data.upper())

    def eof_received(self):
        events.append(('server: eof', self.data))
        # returning None closes the transport

    def connection_lost(self, exc):
        events.append(('server: connection_lost', exc))


class Client(asyncio.Protocol):
    def __init__(self, done):
        self.done = done
        self.data = b''

    def connection_made(self, transport):
        self.transport = transport
        transport.write(b'abc')
        transport.writelines([b'def', b'ghi'])

    def data_received(self, data):
        self.data += data
        if len(self.data) == 9:
            self.transport.write_eof()

    def eof_received(self):
        events.append('client: eof')

    def connection_lost(self, exc):
        events.append(('client: connection_lost', exc))
        self.done.set_result(self.data)


events = []


async def main():
    loop = asyncio.get_running_loop()
    # add_reader / add_writer on a socketpair.
    a, b = socket.socketpair()
    a.setblocking(False)
    b.setblocking(False)
    got = loop.create_future()
    def on_readable():
        data = a.recv(100)
        loop.remove_reader(a)
        got.set_result(data)
    loop.add_reader(a, on_readable)
    writable = loop.create_future()
    def on_writable():
        loop.remove_writer(b.fileno())
        b.send(b'ping')
        writable.set_result(True)
    loop.add_writer(b.fileno(), on_writable)
    print(await writable, await got)
    print('remove again', loop.remove_reader(a), loop.remove_writer(b))

    # sock_* coroutines.
    sender = asyncio.create_task(loop.sock_sendall(a, b'x' * 300000 + b'!'))
    total = b''
    while not total.endswith(b'!'):
        total += await loop.sock_recv(b, 65536)
    await sender
    print('sock_sendall/recv', len(total))
    a.close()
    b.close()

    lsock = socket.socket()
    lsock.bind(('127.0.0.1', 0))
    lsock.listen()
    lsock.setblocking(False)
    addr = lsock.getsockname()
    csock = socket.socket()
    csock.setblocking(False)
    accept = asyncio.ensure_future(loop.sock_accept(lsock))
    await loop.sock_connect(csock, addr)
    conn, peer = await accept
    print('accepted', peer == csock.getsockname())
    await loop.sock_sendall(csock, b'over tcp')
    print(await loop.sock_recv(conn, 100))
    for s in (conn, csock, lsock):
        s.close()

    # Protocols and transports.
    server = await loop.create_server(Echo, '127.0.0.1', 0)
    port = server.sockets[0].getsockname()[1]
    done = loop.create_future()
    transport, protocol = await loop.create_connection(lambda: Client(done), '127.0.0.1', port)
    print('transport', transport.get_extra_info('peername')[1] == port,
          transport.is_closing(), type(protocol).__name__)
    print(await done)
    server.close()
    await server.wait_closed()
    print(events)

    # serve_forever is cancellable and closes the server.
    server = await loop.create_server(Echo, '127.0.0.1', 0, start_serving=False)
    print('serving before', server.is_serving())
    task = asyncio.create_task(server.serve_forever())
    await asyncio.sleep(0)
    print('serving', server.is_serving())
    task.cancel()
    try:
        await task
    except asyncio.CancelledError:
        print('serve_forever cancelled, serving:', server.is_serving())

    # Future callbacks run in registration order, via call_soon.
    order = []
    fut = loop.create_future()
    cb1 = lambda f: order.append(('cb1', f.result()))
    fut.add_done_callback(cb1)
    fut.add_done_callback(lambda f: order.append(('cb2', f.result())))
    fut.add_done_callback(lambda f: order.append(('cb3', f.result())))
    print('removed', fut.remove_done_callback(cb1))
    fut.add_done_callback(cb1)
    fut.set_result('R')
    print('sync', order)
    await asyncio.sleep(0)
    print('after', order)
    fut.add_done_callback(lambda f: order.append('late'))
    await asyncio.sleep(0)
    print('late', order[-1])
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        print('InvalidStateError', e)
    f2 = loop.create_future()
    print(repr(f2), f2.done())
    try:
        f2.result()
    except asyncio.InvalidStateError as e:
        print('InvalidStateError', e)
    f2.set_exception(ValueError)
    print(repr(f2), repr(f2.exception()))
    f3 = loop.create_future()
    f3.cancel('why')
    print(repr(f3), f3.cancelled())
    f4 = loop.create_future()
    f4.set_result([1, 2])
    print(repr(f4), await f4)
    try:
        loop.create_future().set_exception(StopIteration)
    except TypeError as e:
        print('TypeError', e)
    h = loop.call_soon(print, 'handle')
    print(repr(h))
    h.cancel()
    print(repr(h))


asyncio.run(main())
