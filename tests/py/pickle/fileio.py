# dump/load with file objects (io.BytesIO and a real file): several pickles
# in one stream, load() consumes exactly one pickle (framed or not);
# Pickler/Unpickler subclasses: persistent_id/persistent_load, find_class.
import io
import os
import pickle

f = io.BytesIO()
objs = [None, [1, 2, 3], {'a': (1, 2)}, 'x' * 100000, list(range(30000)), b'end']
for p in range(6):
    for o in objs:
        pickle.dump(o, f, p)
print('total', len(f.getvalue()))
f.seek(0)
positions = []
for p in range(6):
    for o in objs:
        r = pickle.load(f)
        positions.append(f.tell())
        if r != o:
            print('MISMATCH', p, repr(r)[:40])
print(positions)
try:
    pickle.load(f)
except EOFError as e:
    print('EOFError', e)

# a real file
path = 'pickle_fileio_%d.tmp' % os.getpid()
try:
    with open(path, 'wb') as fh:
        pickle.dump({'k': [1.5, 'v']}, fh)
        pickle.dump(('second', 2), fh, protocol=0)
        pickle.Pickler(fh, 5).dump(bytearray(b'third'))
    with open(path, 'rb') as fh:
        print(pickle.load(fh), pickle.load(fh), pickle.Unpickler(fh).load())
        print(fh.read())
finally:
    os.remove(path)

# truncated file
g = io.BytesIO(pickle.dumps([1, 2, 3], 2)[:-3])
try:
    pickle.load(g)
except pickle.UnpicklingError as e:
    print('UnpicklingError', e)
g = io.BytesIO(pickle.dumps('abcdef' * 3, 4)[:-5])
try:
    pickle.load(g)
except Exception as e:
    print(type(e).__name__, e)


class Record:
    def __init__(self, key):
        self.key = key


DB = {'r1': Record('r1'), 'r2': Record('r2')}


class DBPickler(pickle.Pickler):
    def persistent_id(self, obj):
        if isinstance(obj, Record):
            return 'Record:' + obj.key
        return None


class DBUnpickler(pickle.Unpickler):
    def persistent_load(self, pid):
        kind, key = pid.split(':')
        return DB[key]


for p in range(6):
    f = io.BytesIO()
    DBPickler(f, p).dump([DB['r1'], DB['r2'], 'other'])
    print('persistent', p, f.getvalue())
    f.seek(0)
    r = DBUnpickler(f).load()
    print('  ', r[0] is DB['r1'], r[1] is DB['r2'], r[2])


class StrPidPickler(pickle.Pickler):
    def persistent_id(self, obj):
        return 'pid-' + obj if isinstance(obj, str) and obj.startswith('@') else None


f = io.BytesIO()
StrPidPickler(f, 0).dump(['@a', 'b'])
print('pid0', f.getvalue())
f.seek(0)
u = pickle.Unpickler(f)
u.persistent_load = lambda pid: pid.upper()
print(u.load())

# persistent_id as an attribute of a plain Pickler
f = io.BytesIO()
pk = pickle.Pickler(f, 2)
pk.persistent_id = lambda obj: 'seven' if obj == 7 else None
pk.dump([6, 7, 8])
print('pid attr', f.getvalue())


class Restricted(pickle.Unpickler):
    def find_class(self, module, name):
        if module == 'builtins' and name in ('set', 'frozenset'):
            return super().find_class(module, name)
        raise pickle.UnpicklingError('global %s.%s is forbidden' % (module, name))


for obj in [{1, 2}, frozenset([3]), Record('x')]:
    for p in (2, 3):
        try:
            print(Restricted(io.BytesIO(pickle.dumps(obj, p))).load())
        except pickle.UnpicklingError as e:
            print('UnpicklingError', e)

# Unpickler.memo and the Pickler attributes
f = io.BytesIO()
pk = pickle.Pickler(f, 3)
print(pk.bin, pk.fast, pk.proto if hasattr(pk, 'proto') else 3)
try:
    pickle.Pickler(object())
except TypeError as e:
    print('TypeError', e)
try:
    pickle.Unpickler(object())
except TypeError as e:
    print('TypeError', e)

# a stream that cannot seek (like a pipe): no read-ahead past the pickle


class Stream:
    def __init__(self, data):
        self._f = io.BytesIO(data)

    def read(self, n=-1):
        return self._f.read(n)

    def readline(self):
        return self._f.readline()


data = b''.join(pickle.dumps(o, p) for p in range(6) for o in objs[:4])
s = Stream(data + b'tail')
got = [pickle.load(s) for i in range(24)]
print('stream', got == [o for p in range(6) for o in objs[:4]], s.read())
