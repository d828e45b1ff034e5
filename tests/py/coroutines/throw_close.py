# Exceptions thrown into coroutines, close(), StopIteration conversion, GeneratorExit.


class Tick:
    def __init__(self, tag='tick'):
        self.tag = tag

    def __await__(self):
        return (yield self.tag)


async def inner(log):
    try:
        v = await Tick('inner')
        log.append(('inner got', v))
        return v
    except ValueError as e:
        log.append(('inner caught', str(e)))
        return 'handled'
    finally:
        log.append('inner finally')


async def outer(log):
    try:
        r = await inner(log)
        log.append(('outer r', r))
        await Tick('outer')
        return r
    except KeyError as e:
        log.append(('outer caught', repr(e)))
        return 'outer handled'


# throw into the innermost awaitable, handled there
log = []
c = outer(log)
print(c.send(None))
print(c.throw(ValueError('v1')))
try:
    c.send(None)
except StopIteration as e:
    print('result', e.value)
print(log)

# handled by the outer coroutine
log = []
c = outer(log)
c.send(None)
try:
    c.throw(KeyError('k'))
except StopIteration as e:
    print('result', e.value)
print(log)

# not handled at all
log = []
c = outer(log)
c.send(None)
try:
    c.throw(TypeError, 'unhandled')
except TypeError as e:
    print('propagated', type(e).__name__, e)
print(log, c.cr_frame)

# throw into a never-started coroutine
c = outer([])
try:
    c.throw(OSError('early'))
except OSError as e:
    print('early', e)
print(c.cr_frame)

# close() runs finally blocks of every level
log = []
c = outer(log)
c.send(None)
print(c.close(), log)
print(c.close())
c = outer([])
print(c.close())


# a coroutine that ignores GeneratorExit
async def stubborn():
    try:
        await Tick()
    except GeneratorExit:
        await Tick('again')


c = stubborn()
c.send(None)
try:
    c.close()
except RuntimeError as e:
    print(type(e).__name__, e)


# StopIteration inside a coroutine becomes RuntimeError
async def raises_stop():
    await Tick()
    raise StopIteration('bad')


c = raises_stop()
c.send(None)
try:
    c.send(None)
except RuntimeError as e:
    print(type(e).__name__, e, '| cause:', type(e.__cause__).__name__, e.__cause__)


async def raises_stop_now():
    raise StopIteration


try:
    raises_stop_now().send(None)
except RuntimeError as e:
    print(type(e).__name__, e)


# exceptions propagating through awaits keep their context
async def level3():
    await Tick()
    raise IndexError('deep')


async def level2():
    try:
        await level3()
    except IndexError as e:
        raise LookupError('wrapped') from e


async def level1():
    try:
        await level2()
    except LookupError as e:
        return 'caught %s from %s' % (e, e.__cause__)


c = level1()
c.send(None)
try:
    c.send(None)
except StopIteration as e:
    print(e.value)


# throw() with the three-argument form and with a traceback
async def waiter():
    try:
        await Tick()
    except Exception as e:
        return type(e).__name__, e.args


for args in [(ValueError,), (ValueError, 'x'), (ValueError, ('a', 'b')), (ValueError('inst'),)]:
    c = waiter()
    c.send(None)
    try:
        c.throw(*args)
    except StopIteration as e:
        print(args[0] if isinstance(args[0], type) else 'instance', e.value)

# a bad exception type is raised inside the awaited generator, so the coroutine sees it
c = waiter()
c.send(None)
try:
    c.throw(1)
except StopIteration as e:
    print('bad type', e.value)
c.close()
c = waiter()
try:
    c.throw(1)
except TypeError as e:
    print(type(e).__name__, e)


# throw into a coroutine awaiting a custom awaitable that defines throw()
class Catching:
    def __init__(self):
        self.done = False

    def __await__(self):
        return self

    def __iter__(self):
        return self

    def __next__(self):
        if self.done:
            raise StopIteration('finished')
        return 'catching'

    def send(self, v):
        return self.__next__()

    def throw(self, typ, val=None, tb=None):
        self.done = True
        return 'caught ' + typ.__name__


async def uses_catching():
    r = await Catching()
    return r


c = uses_catching()
print(c.send(None))
print(c.throw(ValueError))
try:
    c.send(None)
except StopIteration as e:
    print('result', e.value)


# a coroutine cannot await itself
async def selfish():
    await me


me = selfish()
try:
    me.send(None)
except (RuntimeError, ValueError) as e:
    print(type(e).__name__, e)
me = None


# awaiting a coroutine that another coroutine is awaiting
async def shared_inner():
    await Tick()


shared = shared_inner()


async def first():
    await shared


async def second():
    await shared


c1 = first()
c1.send(None)
c2 = second()
try:
    c2.send(None)
except RuntimeError as e:
    print(type(e).__name__, e)
c1.close()
shared.close()
