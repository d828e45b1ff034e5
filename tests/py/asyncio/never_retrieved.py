# Errors reported on stderr by the default exception handler: exceptions never retrieved,
# tasks destroyed while pending, exceptions in callbacks.
import asyncio
import gc
import sys


async def fail():
    raise ValueError('never retrieved')


async def wait_forever(fut):
    await fut


def run_in(loop, coro):
    return loop.run_until_complete(coro)


loop = asyncio.new_event_loop()
asyncio.set_event_loop(loop)

# 1. A task whose exception nobody reads, then dropped.
t = loop.create_task(fail(), name='failing')
run_in(loop, asyncio.sleep(0.001))
print('task done', t.done())
sys.stdout.flush()
del t
gc.collect()
sys.stderr.flush()

# 2. A plain future with an exception set and never read.
f = loop.create_future()
f.set_exception(KeyError('fut'))
del f
gc.collect()
sys.stderr.flush()

# 3. Exceptions that were retrieved are not reported.
t = loop.create_task(fail())
run_in(loop, asyncio.sleep(0.001))
print('retrieved', repr(t.exception()))
del t
f = loop.create_future()
f.set_exception(OSError('read'))
try:
    f.result()
except OSError as e:
    print('result raised', repr(e))
del f
gc.collect()

# 4. Exception in a callback: reported, and the loop keeps running.
def bad_callback(x):
    raise ZeroDivisionError(x)

def handler(lp, context):
    print('handler:', context['message'].replace(__file__, 'FILE'),
          repr(context.get('exception')))
    lp.default_exception_handler({k: v for k, v in context.items() if k != 'exception'})

loop.set_exception_handler(handler)
print('handler set', loop.get_exception_handler() is handler)
loop.call_soon(bad_callback, 'cb arg')
print(run_in(loop, asyncio.sleep(0.001, 'loop still runs')))
loop.set_exception_handler(None)

# 5. A task destroyed while pending.
fut = loop.create_future()
t = loop.create_task(wait_forever(fut), name='pending-task')
run_in(loop, asyncio.sleep(0))
sys.stdout.flush()
del t, fut
gc.collect()
sys.stderr.flush()

# 6. call_exception_handler with a custom context, without exception.
loop.call_exception_handler({'message': 'custom message', 'extra': [1, 2]})
loop.call_exception_handler({'message': 'with exception', 'exception': RuntimeError('rt')})
loop.call_exception_handler({})
sys.stderr.flush()

# 7. Handlers must be callable.
try:
    loop.set_exception_handler(42)
except TypeError as e:
    print('TypeError', e)
loop.close()
print('end')
