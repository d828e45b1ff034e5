# iter, next
it = iter([1, 2])
print(next(it), next(it), next(it, "done"), next(it, None))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
try:
    next([1])
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    iter(5, 1)
except TypeError as e:
    print(type(e).__name__, e)
vals = [1, 2, 3, 0, 4]
def f():
    return vals.pop(0)
print(list(iter(f, 0)))
class Seq:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 10
print(list(iter(Seq())), list(Seq()))
class It:
    def __init__(self):
        self.n = 0
    def __iter__(self):
        return self
    def __next__(self):
        self.n += 1
        if self.n > 3:
            raise StopIteration
        return self.n
print(list(It()), next(It()))
def g():
    yield 1
    return "ret"
gi = g()
print(next(gi))
try:
    next(gi)
except StopIteration as e:
    print("value", e.value)
class BadIter:
    def __iter__(self):
        return 1
try:
    iter(BadIter())
except TypeError as e:
    print(type(e).__name__, e)
class Raises:
    def __next__(self):
        raise ValueError("inner")
try:
    next(Raises(), "default")
except ValueError as e:
    print("propagated", e)
print(next(iter(()), "empty"))
