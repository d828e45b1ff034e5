# Instances of user classes: the default reduction (object.__reduce_ex__ and
# copyreg), __getstate__/__setstate__, __slots__, __getnewargs__(_ex__),
# subclasses of builtins, exceptions, collections.
import pickle
import collections


class Plain:
    pass


class WithInit:
    def __init__(self, a, b=2):
        self.a = a
        self.b = b

    def __eq__(self, other):
        return type(self) is type(other) and self.__dict__ == other.__dict__


class WithState:
    def __init__(self, v):
        self.v = v
        self.cache = 'dropped'

    def __getstate__(self):
        return {'v': self.v}

    def __setstate__(self, state):
        self.v = state['v'] * 10
        self.cache = None


class Slotted:
    __slots__ = ('x', 'y')

    def __init__(self, x):
        self.x = x


class SlottedDict(Slotted):
    def __init__(self, x):
        Slotted.__init__(self, x)
        self.z = 3


class NewArgs(int):
    def __new__(cls, v, tag):
        o = int.__new__(cls, v)
        o.tag = tag
        return o

    def __getnewargs__(self):
        return (int(self), self.tag)


class NewArgsEx:
    def __new__(cls, *args, key=None):
        o = object.__new__(cls)
        o.args = args
        o.kw = key
        return o

    def __getnewargs_ex__(self):
        return self.args, {'key': self.kw}


class MyList(list):
    pass


class MyDict(dict):
    pass


class MyStr(str):
    pass


class MyTuple(tuple):
    pass


class MyError(Exception):
    def __init__(self, msg, code):
        super().__init__(msg, code)
        self.code = code


class Point(collections.namedtuple('Point', 'x y')):
    pass


Pair = collections.namedtuple('Pair', 'a b')


def show(label, obj, protos=range(6)):
    for p in protos:
        try:
            d = pickle.dumps(obj, p)
        except Exception as e:
            print(label, p, 'dumps', type(e).__name__, e)
            continue
        print(label, p, d)
        try:
            r = pickle.loads(d)
        except Exception as e:
            print('   loads', type(e).__name__, e)
            continue
        desc = getattr(r, '__dict__', None)
        print('  ->', type(r).__name__, desc if desc is not None else '',
              [getattr(r, s, '-') for s in getattr(type(r), '__slots__', ())])


p = Plain()
show('plain-empty', p)
p.a = 1
p.b = [1, 2]
show('plain', p)
show('init', WithInit('x', b=(1, 2)))
w = WithState(4)
show('state', w)
s = Slotted(5)
show('slots', s, range(2, 6))
s2 = Slotted(5)
s2.y = 'yy'
show('slots2', s2, range(2, 6))
show('slotsdict', SlottedDict(7), range(2, 6))
n = NewArgs(5, 'label')
show('newargs', n, range(2, 6))
print(pickle.loads(pickle.dumps(n)) + 1, pickle.loads(pickle.dumps(n)).tag)
show('newargs_ex', NewArgsEx(1, 2, key='k'), range(2, 4))
show('newargs_ex', NewArgsEx(1, 2), range(4, 6))
ml = MyList([1, 2, 3])
ml.attr = 'a'
show('mylist', ml)
print(pickle.loads(pickle.dumps(ml)))
md = MyDict(a=1, b=2)
show('mydict', md)
print(pickle.loads(pickle.dumps(md)))
show('mystr', MyStr('abc'), range(2, 6))
print(repr(pickle.loads(pickle.dumps(MyStr('abc')))))
show('mytuple', MyTuple((1, 2)), range(2, 6))
print(pickle.loads(pickle.dumps(MyTuple((1, 2)))))

# exceptions
for e in [ValueError('bad value'), KeyError('k'), OSError(2, 'No such file'),
          StopIteration(5), Exception(), MyError('boom', 42),
          ZeroDivisionError('division by zero'), RuntimeError('a', 'b')]:
    for p in range(6):
        d = pickle.dumps(e, p)
        r = pickle.loads(d)
        print(type(e).__name__, p, d)
        print('  ->', type(r).__name__, r.args, getattr(r, 'code', None), str(r))
e = ValueError('with attr')
e.extra = [1, 2]
r = pickle.loads(pickle.dumps(e))
print(pickle.dumps(e), r.extra)

# collections
od = collections.OrderedDict([('b', 1), ('a', 2)])
for p in range(6):
    d = pickle.dumps(od, p)
    print('odict', p, d)
    print('  ->', pickle.loads(d))
dd = collections.defaultdict(list, {'x': [1]})
for p in range(6):
    d = pickle.dumps(dd, p)
    print('defaultdict', p, d)
    r = pickle.loads(d)
    print('  ->', type(r).__name__, r.default_factory, dict(r))
dq = collections.deque([1, 2, 3])
for p in range(6):
    r = pickle.loads(pickle.dumps(dq, p))
    print('deque', p, r, r.maxlen)
dq = collections.deque([1, 2, 3], maxlen=5)
for p in range(6):
    r = pickle.loads(pickle.dumps(dq, p))
    print('deque maxlen', p, r, r.maxlen)
for p in range(6):
    d = pickle.dumps(Pair(1, 'b'), p)
    print('namedtuple', p, d)
    print('  ->', pickle.loads(d))
    d = pickle.dumps(Point(1, 2), p)
    print('namedtuple sub', p, d)
    print('  ->', pickle.loads(d))
