# Errors in a start_server client callback go to the loop's exception handler.
import asyncio
async def handle(r, w):
    raise ValueError('in handler')
async def main():
    loop = asyncio.get_running_loop()
    def handler(lp, c):
        print('handler:', c['message'], repr(c['exception']), type(c['transport']).__name__)
    loop.set_exception_handler(handler)
    srv = await asyncio.start_server(handle, '127.0.0.1', 0)
    port = srv.sockets[0].getsockname()[1]
    r, w = await asyncio.open_connection('127.0.0.1', port)
    print('read', await r.read())
    w.close()
    srv.close()
asyncio.run(main())
