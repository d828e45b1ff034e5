# reversed(), iteration through __getitem__, iter(callable, sentinel)
print(list(reversed([1, 2, 3])), list(reversed((1, 2))), list(reversed("abc")), list(reversed(range(3))), list(reversed({1: 0, 2: 0})))
class Seq:
    def __len__(self):
        return 4
    def __getitem__(self, i):
        if i >= 4:
            raise IndexError(i)
        return i * 10
print(list(reversed(Seq())), list(Seq()), 20 in Seq(), 25 in Seq())
r = reversed(Seq())
print(type(r).__name__, r.__length_hint__(), next(r), r.__length_hint__())
class Rev:
    def __reversed__(self):
        return iter("zyx")
print(list(reversed(Rev())))
class NoRev:
    __reversed__ = None
    def __len__(self):
        return 1
    def __getitem__(self, i):
        return i
def err(fn):
    try:
        fn()
    except Exception as ex:
        print(type(ex).__name__, ex)
err(lambda: reversed(NoRev()))
err(lambda: reversed(1))
err(lambda: reversed({1, 2}))
err(lambda: reversed())
err(lambda: reversed([], []))
err(lambda: reversed(iter([1])))
class OnlyGet:
    def __getitem__(self, i):
        if i < 3:
            return "abc"[i]
        raise IndexError
print(list(OnlyGet()), "b" in OnlyGet(), list(enumerate(OnlyGet())))
it = iter(OnlyGet())
print(type(it).__name__, next(it), list(it), list(it))
err(lambda: reversed(OnlyGet()))
class StopSeq:
    def __getitem__(self, i):
        if i == 2:
            raise StopIteration
        return i
print(list(StopSeq()))
class Boom:
    def __getitem__(self, i):
        if i == 1:
            raise KeyError("boom")
        return i
err(lambda: list(Boom()))
n = [0]
def counter():
    n[0] += 1
    return n[0]
print(list(iter(counter, 5)), type(iter(counter, 0)).__name__)
lines = iter(["a", "b", "", "c"])
print(list(iter(lambda: next(lines), "")))
def stopper():
    raise StopIteration
print(list(iter(stopper, 1)))
err(lambda: iter(1, 2))
ci = iter(counter, 8)
print(next(ci), list(ci), list(ci))
print(list(reversed([])), list(reversed(list(range(5)))))
rl = reversed([1, 2, 3])
print(type(rl).__name__, next(rl), rl.__length_hint__())
