# Streams over loopback: start_server/open_connection, StreamReader methods, StreamWriter.
import asyncio


async def handle(reader, writer):
    peer = writer.get_extra_info('peername')
    log.append(('server peer is loopback', peer[0]))
    async for line in reader:
        if line == b'quit\n':
            break
        writer.write(b'echo: ' + line)
        await writer.drain()
    writer.write(b'bye\n')
    await writer.drain()
    writer.close()
    await writer.wait_closed()
    log.append('server closed')

log = []


async def main():
    server = await asyncio.start_server(handle, '127.0.0.1', 0, limit=2 ** 20)
    print('serving', server.is_serving(), len(server.sockets))
    port = server.sockets[0].getsockname()[1]
    async with server:
        reader, writer = await asyncio.open_connection('127.0.0.1', port)
        print('client sockname host', writer.get_extra_info('sockname')[0])
        print('peer port matches', writer.get_extra_info('peername')[1] == port)
        writer.write(b'hello\n')
        writer.writelines([b'wor', b'ld\n'])
        await writer.drain()
        print(await reader.readline())
        print(await reader.readline())
        writer.write(b'abc-def-ghi\n')
        print(await reader.readexactly(6), await reader.readuntil(b'-'),
              await reader.readuntil(b'-'), await reader.read(100))
        big = bytes(range(11, 256)) * 2000
        writer.write(big + b'\n')
        got = await reader.readexactly(len(big) + 7)
        print('big echo ok', got == b'echo: ' + big + b'\n')
        writer.write(b'quit\n')
        print(await reader.read())
        print('at_eof', reader.at_eof())
        try:
            await reader.readexactly(1)
        except asyncio.IncompleteReadError as e:
            print('IncompleteReadError', e.partial, e.expected, e)
        print('closing', writer.is_closing())
        writer.close()
        print('closing', writer.is_closing())
        await writer.wait_closed()
    print('serving after', server.is_serving(), server.sockets)
    print(log)

    # readuntil on EOF without separator, LimitOverrunError, readline at EOF.
    r = asyncio.StreamReader(limit=8)
    r.feed_data(b'0123456789\nrest')
    try:
        await r.readuntil(b'\n')
    except asyncio.LimitOverrunError as e:
        print('LimitOverrunError', e.consumed, e)
    print(await r.readexactly(11))
    r.feed_eof()
    try:
        await r.readuntil(b'!')
    except asyncio.IncompleteReadError as e:
        print('IncompleteReadError', e.partial, e.expected)
    print(await r.readline(), r.at_eof())

    # A reader fed from another task.
    r = asyncio.StreamReader()
    async def feeder():
        for chunk in (b'li', b'ne1\nline', b'2\n', b'tail'):
            await asyncio.sleep(0)
            r.feed_data(chunk)
        r.feed_eof()
    t = asyncio.create_task(feeder())
    print([line async for line in r])
    await t

    # Connection refused surfaces as OSError.
    s = await asyncio.start_server(handle, '127.0.0.1', 0)
    p = s.sockets[0].getsockname()[1]
    s.close()
    await s.wait_closed()
    try:
        await asyncio.open_connection('127.0.0.1', p)
    except OSError as e:
        print('connect failed', type(e).__name__)


asyncio.run(main())
