# slice objects
s = slice(1, 10, 2)
print(s, s.start, s.stop, s.step, slice(5), slice(None), slice(1, 2), slice("a", None, [1]))
print(s.indices(5), s.indices(100), slice(None).indices(10), slice(None, None, -1).indices(10))
print(slice(-3, None).indices(10), slice(-100, 100).indices(10), slice(None, None, -2).indices(0), slice(5, 2, -1).indices(4))
print(slice(2**70, -2**70, -1).indices(10), slice(-2**70, 2**70).indices(5))
print(slice(1, 2) == slice(1, 2), slice(1, 2) == slice(1, 3), slice(1, 2) != slice(1, 2, None), slice(1, 2) < slice(1, 3), slice(1) <= slice(1))
print([0, 1, 2, 3, 4, 5][slice(1, 5, 2)], "abcdef"[slice(None, None, -1)], (1, 2, 3)[slice(1, None)])
class Show:
    def __getitem__(self, k):
        return k
sh = Show()
print(sh[1:2], sh[::], sh[1:2:3], sh[:5], sh[::-1], sh[1:2, 3], sh[...])
def err(fn):
    try:
        fn()
    except Exception as ex:
        print(type(ex).__name__, ex)
err(lambda: slice())
err(lambda: slice(1, 2, 3, 4))
err(lambda: slice(1, 2, 0).indices(5))
err(lambda: slice(1).indices(-1))
err(lambda: slice("a").indices(5))
err(lambda: hash(slice(1)))
err(lambda: [1, 2]["a":])
err(lambda: [1, 2][1.5:])
err(lambda: slice(1, 2).indices("x"))
x = slice(3)
print(x.start is None, x.stop, x.step is None, type(x).__name__)
class I:
    def __index__(self):
        return 2
print([0, 1, 2, 3, 4][I():], slice(I(), None).indices(10))
print(list(range(10))[slice(-2**63, 2**63, 3)], list(range(10))[2**100:])
