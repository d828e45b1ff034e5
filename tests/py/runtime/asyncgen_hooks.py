# sys.set_asyncgen_hooks / get_asyncgen_hooks: only the given hooks change, None clears one,
# a non-callable is refused; firstiter sees every async generator on its first iteration.
import sys

print(sys.get_asyncgen_hooks())
try:
    sys.set_asyncgen_hooks(firstiter=1)
except TypeError as e:
    print("TypeError:", e)
seen = []
sys.set_asyncgen_hooks(firstiter=lambda agen: seen.append(agen.__name__))
print(sys.get_asyncgen_hooks().finalizer, sys.get_asyncgen_hooks().firstiter is not None)


async def numbers():
    yield 1
    yield 2


async def main():
    return [x async for x in numbers()]


coro = main()
try:
    coro.send(None)
except StopIteration as stop:
    print("result", stop.value)
print("firstiter saw", seen)
sys.set_asyncgen_hooks(firstiter=None)
print(sys.get_asyncgen_hooks())
hooks = sys.get_asyncgen_hooks()
print(hooks[0], hooks[1], len(hooks))
