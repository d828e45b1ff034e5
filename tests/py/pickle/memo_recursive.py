# Shared references and recursive structures: the memo (PUT/BINPUT/LONG_BINPUT/
# MEMOIZE, GET/BINGET/LONG_BINGET), and the POP/POP_MARK paths for tuples
# that contain themselves through a list.
import pickle

a = [1, 2]
shared = [a, a, (a, a), {'k': a}]
for p in range(6):
    d = pickle.dumps(shared, p)
    print('shared', p, d)
    r = pickle.loads(d)
    print('  ', r, r[0] is r[1], r[2][0] is r[0], r[3]['k'] is r[0])

rec = []
rec.append(rec)
for p in range(6):
    d = pickle.dumps(rec, p)
    r = pickle.loads(d)
    print('reclist', p, d, r[0] is r)

d0 = {}
d0['self'] = d0
for p in range(6):
    d = pickle.dumps(d0, p)
    r = pickle.loads(d)
    print('recdict', p, d, r['self'] is r)

# a tuple reached again while its items are being saved
lst = []
t = (lst, 1)
lst.append(t)
for p in range(6):
    d = pickle.dumps(t, p)
    r = pickle.loads(d)
    print('rectuple2', p, d, r[0][0] is r)
lst = []
t = (lst, 1, 2, 3, 4)
lst.append(t)
for p in range(6):
    d = pickle.dumps(t, p)
    r = pickle.loads(d)
    print('rectuple5', p, d, r[0][0] is r)


class Node:
    def __init__(self, name):
        self.name = name
        self.children = []
        self.parent = None


root = Node('root')
for i in range(3):
    c = Node('c%d' % i)
    c.parent = root
    root.children.append(c)
for p in range(6):
    d = pickle.dumps(root, p)
    r = pickle.loads(d)
    print('tree', p, d)
    print('  ', [c.name for c in r.children], all(c.parent is r for c in r.children))

# many memo entries: BINPUT -> LONG_BINPUT, BINGET -> LONG_BINGET
strs = ['s%d' % i for i in range(300)]
big = [strs, strs[::-1]]
for p in range(6):
    d = pickle.dumps(big, p)
    r = pickle.loads(d)
    print('memo300', p, len(d), d[:40], d[-60:], r == big, r[1][0] is r[0][-1])

# the same string / bytes object shared
s = 'shared string'
b = b'shared bytes'
for p in range(6):
    d = pickle.dumps([s, s, b, b, (s, b)], p)
    print('strshare', p, d)
    r = pickle.loads(d)
    print('  ', r, r[0] is r[1], r[2] is r[3])

# frozenset and set containing shared tuples
tt = (1, 2)
for p in range(6):
    d = pickle.dumps([frozenset([tt]), {tt}, tt], p)
    r = pickle.loads(d)
    print('setshare', p, d, r)

# Pickler.memo persists across dump() calls, clear_memo resets it
import io
f = io.BytesIO()
pk = pickle.Pickler(f, 2)
pk.dump(a)
pk.dump(a)
pk.clear_memo()
pk.dump(a)
print('pickler memo', f.getvalue())
f.seek(0)
u = pickle.Unpickler(f)
x1 = u.load()
x2 = u.load()
x3 = u.load()
print(x1, x2, x3, x1 is x2, x1 is x3)
