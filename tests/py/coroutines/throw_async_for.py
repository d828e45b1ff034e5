# throw()/close() into a coroutine suspended inside 'async for' over an async generator:
# the exception travels through the asend awaitable into the generator's own await.
class Tick:
    def __await__(self):
        yield 'tick'
async def agen():
    try:
        for i in range(3):
            try:
                await Tick()
            except KeyError as e:
                print('agen caught', repr(e))
            yield i
    finally:
        print('agen finally')
async def main():
    try:
        async for v in agen():
            print('v', v)
    except ValueError as e:
        print('main caught', repr(e))
    return 'done'
c = main()
print(c.send(None))
print(c.throw(KeyError('k')))
print(c.send(None))
try:
    print(c.throw(ValueError('v')))
except StopIteration as e:
    print('stop', e.value)
c = main()
c.send(None)
c.close()
print('closed')
import gc; gc.collect()
print('end')
