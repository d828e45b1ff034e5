# get_event_loop / set_event_loop / policy behaviour (CPython 3.11).
import asyncio, warnings
warnings.simplefilter('always')
loop = asyncio.get_event_loop()
print(type(loop).__name__, loop.is_running())
print(asyncio.get_event_loop() is loop)
fut = asyncio.Future()
print(fut.get_loop() is loop)
async def f(): return 5
print(loop.run_until_complete(f()))
asyncio.set_event_loop(None)
try:
    asyncio.get_event_loop()
except RuntimeError as e:
    print(e)
p = asyncio.get_event_loop_policy()
print(type(p).__name__, isinstance(p, asyncio.AbstractEventLoopPolicy))
l2 = p.new_event_loop(); p.set_event_loop(l2); print(asyncio.get_event_loop() is l2)
print(repr(l2).replace(str(id(l2)),''))
l2.close(); loop.close()
async def g():
    loop = asyncio.get_event_loop()
    return [type(loop).__name__, loop is asyncio.get_running_loop()]
print(asyncio.run(g()))
print(asyncio.SelectorEventLoop.__name__, asyncio.DefaultEventLoopPolicy.__name__)
