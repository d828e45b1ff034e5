# Dereferencing weak references (weakref.ref, WeakValueDictionary) in one thread while
# another drops the last strong references: each dereference gives the live object (with its
# attributes intact) or None, never a freed object; once every object is gone, every weakref
# is dead.
import threading
import weakref

ROUNDS = 12
K = 1500


class Obj:
    __slots__ = ("i", "tag", "__weakref__")

    def __init__(self, i):
        self.i = i
        self.tag = "obj%d" % i


def run(round_no, creator_drops):
    box = {}
    ready = threading.Barrier(2)
    result = {}

    def make():
        objs = [Obj(i) for i in range(K)]
        refs = [weakref.ref(o) for o in objs]
        wvd = weakref.WeakValueDictionary()
        for o in objs:
            wvd[o.i] = o
        return objs, refs, wvd

    def dropper():
        if creator_drops:
            box["objs"], box["refs"], box["wvd"] = make()
        ready.wait()
        objs = box.pop("objs")
        # drop the last strong references one by one, from both ends
        while objs:
            objs.pop()
            if objs:
                objs.pop(0)

    def reader():
        ready.wait()
        refs, wvd = box["refs"], box["wvd"]
        live = dead = bad = 0
        for _ in range(3):
            for i, r in enumerate(refs):
                o = r()
                if o is None:
                    dead += 1
                elif type(o) is Obj and o.i == i and o.tag == "obj%d" % i:
                    live += 1
                else:
                    bad += 1
                o = wvd.get(i)
                if o is not None and (type(o) is not Obj or o.i != i):
                    bad += 1
                o = None
        result["reader"] = (live + dead == 3 * K, bad)

    if not creator_drops:
        box["objs"], box["refs"], box["wvd"] = make()
    ts = [threading.Thread(target=dropper), threading.Thread(target=reader)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    refs, wvd = box["refs"], box["wvd"]
    alive_after = sum(1 for r in refs if r() is not None)
    print(round_no, "creator drops" if creator_drops else "main creates",
          result["reader"], "alive after:", alive_after, "wvd:", len(wvd))


for n in range(ROUNDS):
    run(n, n % 2 == 0)

# callbacks still run once per dying referent, in the thread that drops it
calls = []
lock = threading.Lock()


def cb(r):
    with lock:
        calls.append(1)


objs = [Obj(i) for i in range(K)]
refs = [weakref.ref(o, cb) for o in objs]
plain = [weakref.ref(o) for o in objs]


def reader():
    for r in plain:
        o = r()
        if o is not None:
            assert o.i >= 0


def dropper():
    while objs:
        objs.pop()


ts = [threading.Thread(target=reader), threading.Thread(target=dropper)]
for t in ts:
    t.start()
for t in ts:
    t.join()
print("callbacks", len(calls), "dead", sum(1 for r in refs if r() is None),
      sum(1 for r in plain if r() is None))
