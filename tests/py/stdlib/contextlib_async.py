# contextlib's async parts: asynccontextmanager, AbstractAsyncContextManager, aclosing,
# AsyncExitStack, AsyncContextDecorator and nullcontext under `async with`.
import contextlib
from contextlib import (asynccontextmanager, aclosing, AsyncExitStack, nullcontext,
                        AbstractAsyncContextManager)


def run(coro):
    """Drive a coroutine that never suspends on a real event loop."""
    try:
        coro.send(None)
    except StopIteration as e:
        return e.value
    raise AssertionError("coroutine suspended")


log = []


@asynccontextmanager
async def tag(name, swallow=False):
    """A tag manager."""
    log.append("enter " + name)
    try:
        yield name.upper()
    except ValueError as e:
        log.append(f"{name} saw {e!r}")
        if not swallow:
            raise
    finally:
        log.append("exit " + name)


async def uses_tag():
    async with tag("a") as v:
        log.append("body " + v)
    try:
        async with tag("b"):
            raise ValueError("x")
    except ValueError as e:
        log.append("propagated " + repr(e))
    async with tag("c", swallow=True):
        raise ValueError("y")
    log.append("after c")
    try:
        async with tag("d"):
            raise KeyError("k")
    except KeyError as e:
        log.append("KeyError " + str(e))


run(uses_tag())
print(*log, sep="\n")
print(tag.__name__, tag.__doc__, tag("z").__doc__)


@asynccontextmanager
async def no_yield():
    if False:
        yield


@asynccontextmanager
async def two_yields():
    yield 1
    yield 2


@asynccontextmanager
async def ignores_exc():
    try:
        yield
    except Exception:
        yield


async def errors():
    for cm in (no_yield, two_yields, ignores_exc):
        try:
            async with cm():
                if cm is ignores_exc:
                    raise ZeroDivisionError
        except RuntimeError as e:
            print(cm.__name__, "RuntimeError:", e)

    # StopAsyncIteration raised in the body is not swallowed
    try:
        async with tag("s"):
            raise StopAsyncIteration("inner")
    except StopAsyncIteration as e:
        print("StopAsyncIteration propagated:", e)
    try:
        async with tag("t"):
            raise StopIteration("inner")
    except StopIteration as e:
        print("StopIteration propagated:", e)


run(errors())


# as a decorator (AsyncContextDecorator): a fresh manager per call
log.clear()


@tag("deco")
async def decorated(x):
    log.append(f"in decorated {x}")
    return x * 2


print(run(decorated(3)), run(decorated(4)))
print(log)


# aclosing
async def agen():
    try:
        for i in range(5):
            yield i
    finally:
        print("agen closed")


async def use_aclosing():
    async with aclosing(agen()) as g:
        async for v in g:
            print("got", v)
            if v == 1:
                break
    print("after aclosing")


run(use_aclosing())


# nullcontext
async def use_null():
    async with nullcontext(42) as v:
        print("nullcontext gives", v)
    async with nullcontext() as v:
        print("nullcontext gives", v)
    with nullcontext("sync") as v:
        print("sync nullcontext gives", v)


run(use_null())


# AbstractAsyncContextManager
class Manager(AbstractAsyncContextManager):
    async def __aexit__(self, *exc):
        print("Manager exit", exc[0])


class Duck:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return None


class NotManager:
    async def __aenter__(self):
        return self


async def use_abstract():
    m = Manager()
    async with m as v:
        print("default __aenter__ returns self:", v is m)


run(use_abstract())
print(issubclass(Duck, AbstractAsyncContextManager), isinstance(Duck(), AbstractAsyncContextManager))
print(issubclass(NotManager, AbstractAsyncContextManager))
print(isinstance(nullcontext(), AbstractAsyncContextManager),
      isinstance(nullcontext(), contextlib.AbstractContextManager))


class Incomplete(AbstractAsyncContextManager):
    pass


try:
    Incomplete()
except TypeError as e:
    print("TypeError:", e)


# AsyncExitStack
class AsyncRes:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        print("open", self.name)
        return self.name

    async def __aexit__(self, typ, exc, tb):
        print("close", self.name, typ.__name__ if typ else None)
        return self.suppress


class SyncRes:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print("sync open", self.name)
        return self.name

    def __exit__(self, typ, exc, tb):
        print("sync close", self.name, typ.__name__ if typ else None)


async def cb(*args, **kwds):
    print("async callback", args, kwds)


async def exit_stack():
    async with AsyncExitStack() as stack:
        print(await stack.enter_async_context(AsyncRes("r1")))
        print(stack.enter_context(SyncRes("s1")))
        stack.push_async_callback(cb, 1, k=2)
        stack.callback(print, "sync callback")

        async def aexit(typ, exc, tb):
            print("push_async_exit fn", typ)
        stack.push_async_exit(aexit)
        stack.push_async_exit(AsyncRes("pushed"))
        print(await stack.enter_async_context(AsyncRes("r2")))
    print("--")

    # suppression and exception replacement
    try:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(AsyncRes("outer"))
            await stack.enter_async_context(AsyncRes("swallower", suppress=True))

            async def raiser(typ, exc, tb):
                raise KeyError("from exit")
            stack.push_async_exit(raiser)
            raise ValueError("body")
        print("suppressed everything")
    except Exception as e:
        print("escaped", repr(e))
    print("--")
    try:
        async with AsyncExitStack() as stack:
            async def raiser(typ, exc, tb):
                raise KeyError("from exit")
            stack.push_async_exit(raiser)
            raise ValueError("body")
    except KeyError as e:
        print("replaced:", repr(e), "context:", repr(e.__context__))
    print("--")

    # pop_all and aclose
    async with AsyncExitStack() as stack:
        await stack.enter_async_context(AsyncRes("kept"))
        saved = stack.pop_all()
    print("saved still open")
    await saved.aclose()
    print("--")

    try:
        async with AsyncExitStack() as stack:
            await stack.enter_async_context(SyncRes("wrong"))
    except TypeError as e:
        print("TypeError:", e)
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(AsyncRes("wrong"))
    except TypeError as e:
        print("TypeError:", e)
    print("push_async_callback returns its argument:",
          AsyncExitStack().push_async_callback(cb) is cb)


run(exit_stack())
print([n for n in contextlib.__all__ if "sync" in n or "aclos" in n])


# a generator that yields twice is closed (its finally runs) when the error is raised,
# for the sync and the async decorator alike
@contextlib.contextmanager
def sync_twice():
    try:
        yield 1
        yield 2
    finally:
        print("sync_twice finally")


@asynccontextmanager
async def async_twice():
    try:
        yield 1
        yield 2
    finally:
        print("async_twice finally")


try:
    with sync_twice():
        pass
except RuntimeError as e:
    print("RuntimeError:", e)


async def use_async_twice():
    try:
        async with async_twice():
            pass
    except RuntimeError as e:
        print("RuntimeError:", e)


run(use_async_twice())
