# dict errors: KeyError, unhashable keys, changes during iteration, bad update input
def err(fn):
    try:
        fn()
    except Exception as ex:
        print(type(ex).__name__, ex, repr(ex.args))
d = {"a": 1}
err(lambda: d["b"])
err(lambda: d[(1, 2)])
err(lambda: d[None])
err(lambda: {}[""])
err(lambda: d[[1]])
err(lambda: d.get([1]))
err(lambda: {[]: 1})
err(lambda: {1: 2}.pop(3))
err(lambda: {}.popitem())
err(lambda: d.pop([]))
def delbad():
    del d["zz"]
err(delbad)
err(lambda: dict([1]))
err(lambda: dict([(1,)]))
err(lambda: dict([(1, 2, 3)]))
err(lambda: dict([(1, 2), "abc"]))
err(lambda: dict(1))
err(lambda: dict({}, {}))
err(lambda: {}.update({}, {}))
err(lambda: {}.update(1))
err(lambda: dict.fromkeys())
err(lambda: dict.fromkeys(1))
err(lambda: {}.get())
err(lambda: {1: 2} < {1: 2})
err(lambda: {1: 2} | [1])
err(lambda: {} + {})
def grow():
    x = {1: 1, 2: 2}
    for k in x:
        x[k + 10] = 0
err(grow)
def shrink():
    x = {1: 1, 2: 2}
    for k in x:
        del x[k]
err(shrink)
def values_grow():
    x = {1: 1}
    for v in x.values():
        x[5] = 5
err(values_grow)
def items_grow():
    x = {1: 1}
    for kv in x.items():
        x.pop(1)
err(items_grow)
def keys_changed():
    x = {1: 1, 2: 2}
    for k in x:
        del x[k]
        x[k + 100] = 0
err(keys_changed)
x = {1: 1}
for k in x:
    x[k] = 2
print(x)
err(lambda: {}.setdefault([], 1))
class BadHash:
    def __hash__(self):
        raise ValueError("no hash")
err(lambda: {BadHash(): 1})
err(lambda: BadHash() in {})
class BadEq:
    def __hash__(self):
        return 1
    def __eq__(self, o):
        raise RuntimeError("no eq")
b1, b2 = BadEq(), BadEq()
dd = {b1: 1}
print(dd[b1])
err(lambda: dd[b2])
ke = KeyError((1, 2))
print(repr(ke), str(ke))
try:
    {}[(1, 2)]
except KeyError as e:
    print(repr(e), e.args)
