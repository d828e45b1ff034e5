# __reduce__ / __reduce_ex__ returning strings and tuples of 2 to 6 items,
# dispatch_table (copyreg.pickle and per-Pickler), copyreg extension codes,
# globals by reference (nested classes, functions, builtins, methods).
import pickle
import copyreg
import io


def rebuild(*args):
    return ('rebuilt',) + args


class Global:
    pass


class AsString:
    def __reduce__(self):
        return 'GLOBAL_INSTANCE'


GLOBAL_INSTANCE = AsString()


class Two:
    def __init__(self, v):
        self.v = v

    def __reduce__(self):
        return (rebuild, (self.v,))


class Three:
    def __reduce__(self):
        return (Three, (), {'st': 3})


class ListItems(list):
    def __reduce__(self):
        return (ListItems, (), None, iter([1, 2, 3]))


class DictItems(dict):
    def __reduce__(self):
        return (DictItems, (), {'attr': 1}, None, iter([('a', 1), ('b', 2)]))


def setter(obj, state):
    obj.via_setter = state


class Six:
    def __reduce__(self):
        return (Six, (), {'s': 6}, None, None, setter)


class ReduceEx:
    def __reduce_ex__(self, proto):
        return (rebuild, ('proto', proto))


class BothReduce:
    def __reduce__(self):
        return (rebuild, ('reduce',))

    def __reduce_ex__(self, proto):
        return (rebuild, ('reduce_ex', proto))


class Outer:
    class Inner:
        class Deep:
            pass

    def method(self):
        return 1

    @staticmethod
    def smeth():
        return 2


def describe(r):
    if isinstance(r, tuple):
        return r
    d = getattr(r, '__dict__', None)
    return (type(r).__name__, d, list(r) if isinstance(r, list) else
            dict(r) if isinstance(r, dict) else '')


for name, obj in [('string', GLOBAL_INSTANCE), ('two', Two(5)), ('three', Three()),
                  ('listitems', ListItems()), ('dictitems', DictItems()),
                  ('six', Six()), ('reduce_ex', ReduceEx()),
                  ('both', BothReduce())]:
    for p in range(6):
        d = pickle.dumps(obj, p)
        r = pickle.loads(d)
        print(name, p, d)
        print('  ->', describe(r), r is GLOBAL_INSTANCE)

# globals by reference
for obj in [Outer, Outer.Inner, Outer.Inner.Deep, Outer.smeth, rebuild, len,
            abs, copyreg.__newobj__, ValueError,
            object, type, type(None), type(...), type(NotImplemented),
            Outer().method, [].append]:
    for p in range(6):
        d = pickle.dumps(obj, p)
        r = pickle.loads(d)
        same = r is obj or r == obj
        if hasattr(obj, '__self__') and not isinstance(obj.__self__, type(io)):
            same = r.__name__ == obj.__name__
        print(getattr(obj, '__qualname__', '?'), p, d, same)

# copyreg.pickle registers a reduction for a type
class Registered:
    def __init__(self, v):
        self.v = v


def reduce_registered(obj):
    return (Registered, (obj.v * 2,))


copyreg.pickle(Registered, reduce_registered)
for p in range(6):
    d = pickle.dumps(Registered(21), p)
    print('copyreg.pickle', p, d, pickle.loads(d).v)
del copyreg.dispatch_table[Registered]

# a per-Pickler dispatch_table
f = io.BytesIO()
pk = pickle.Pickler(f, 3)
pk.dispatch_table = {Registered: lambda o: (rebuild, ('table', o.v))}
pk.dump([Registered(1), Registered(2)])
print('dispatch_table', f.getvalue(), pickle.loads(f.getvalue()))


class TablePickler(pickle.Pickler):
    dispatch_table = {Registered: lambda o: (rebuild, ('class table', o.v))}


f = io.BytesIO()
TablePickler(f, 2).dump(Registered(3))
print('class dispatch_table', f.getvalue(), pickle.loads(f.getvalue()))

# extension codes
copyreg.add_extension(__name__, 'Global', 240)
copyreg.add_extension(__name__, 'Two', 0x1234)
copyreg.add_extension(__name__, 'Three', 0x123456)
for p in range(6):
    d = pickle.dumps([Global, Two, Three], p)
    print('ext', p, d, pickle.loads(d) == [Global, Two, Three])
copyreg.remove_extension(__name__, 'Global', 240)
copyreg.remove_extension(__name__, 'Two', 0x1234)
copyreg.remove_extension(__name__, 'Three', 0x123456)
print(pickle.dumps(Global, 2))

# copyreg helpers
print(copyreg.__newobj__(Global).__class__.__name__)
print(copyreg.__newobj_ex__(dict, (), {'a': 1}))
print(copyreg._reconstructor(Global, object, None).__class__.__name__)
print(copyreg._slotnames(Global), copyreg.dispatch_table.get(complex) is not None)


class Slots:
    __slots__ = ('a', '__b', '__dict__')


print(copyreg._slotnames(Slots), Slots.__slotnames__)
try:
    copyreg.pickle(Global, 5)
except TypeError as e:
    print('TypeError', e)

# reducer_override: asked for everything but the core containers and atoms


class Overriding(pickle.Pickler):
    def reducer_override(self, obj):
        if obj is rebuild:
            return 'rebuild'
        if isinstance(obj, Registered):
            return (rebuild, ('override', obj.v))
        if isinstance(obj, type) and obj is Global:
            return (rebuild, ('class',))
        return NotImplemented


f = io.BytesIO()
Overriding(f, 4).dump([Registered(9), Global, Outer, 1, 'a', rebuild])
r = pickle.loads(f.getvalue())
print('reducer_override', f.getvalue(), r[:5], r[5] is rebuild)
