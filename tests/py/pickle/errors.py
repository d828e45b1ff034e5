# The errors CPython 3.11's pickle gives: objects that cannot be pickled
# (lambdas, local objects, generators, bad reductions) and malformed input.
import pickle


def scrub(msg):
    """Drop the ' at 0x...' addresses from reprs."""
    out = []
    while True:
        i = msg.find(' at 0x')
        if i < 0:
            out.append(msg)
            return ''.join(out)
        out.append(msg[:i])
        j = i + 6
        while j < len(msg) and msg[j] in '0123456789abcdef':
            j += 1
        msg = msg[j:]


def attempt(label, f):
    try:
        r = f()
    except Exception as e:
        name = type(e).__name__
        print(label, name, scrub(str(e)))
    else:
        print(label, 'ok', r)


def outer():
    def local_function():
        pass

    class LocalClass:
        pass
    return local_function, LocalClass


local_function, LocalClass = outer()


def gen():
    yield 1


class BadReduce:
    def __init__(self, value):
        self.value = value

    def __reduce__(self):
        return self.value


class BadNewargs:
    def __getnewargs__(self):
        return [1]


class BadNewargsEx:
    def __getnewargs_ex__(self):
        return ((), [])


class WrongClass:
    def __reduce__(self):
        import copyreg
        return (copyreg.__newobj__, (int,))


class Unimportable:
    pass


Unimportable.__module__ = 'no_such_module_xyz'


class Renamed:
    pass


Renamed.__qualname__ = 'NotThere'

for p in (0, 2, 4):
    attempt('lambda %d' % p, lambda: pickle.dumps(lambda: 0, p))
    attempt('local function %d' % p, lambda: pickle.dumps(local_function, p))
    attempt('local class %d' % p, lambda: pickle.dumps(LocalClass, p))
    attempt('local instance %d' % p, lambda: pickle.dumps(LocalClass(), p))
    attempt('generator %d' % p, lambda: pickle.dumps(gen(), p))
    attempt('unimportable %d' % p, lambda: pickle.dumps(Unimportable, p))
    attempt('renamed %d' % p, lambda: pickle.dumps(Renamed, p))
    for v in (42, (), (1,), (len, [1]), (5, ()), tuple(range(7)),
              (len, (), None, 5), (len, (), None, None, [1]),
              (dict, (), None, None, None, 7)):
        attempt('reduce %r %d' % (v, p), lambda: pickle.dumps(BadReduce(v), p))
    attempt('getnewargs %d' % p, lambda: pickle.dumps(BadNewargs(), p))
    attempt('getnewargs_ex %d' % p, lambda: pickle.dumps(BadNewargsEx(), p))
    attempt('wrong class %d' % p, lambda: pickle.dumps(WrongClass(), p))

print(issubclass(pickle.PicklingError, pickle.PickleError),
      issubclass(pickle.UnpicklingError, pickle.PickleError),
      issubclass(pickle.PickleError, Exception))

# malformed input
for data in [b'', b'\x80\x04', b'\x80\x04\x95\x05\x00\x00\x00\x00\x00\x00\x00N.',
             b'N', b'K', b'X\x05\x00\x00\x00ab', b'\xff.', b'z.', b'h\x05.',
             b'(t', b'0.', b'e.', b'\x80\x02]q\x00(K\x01K\x02e',
             b'cno_such_module_xyz\nname\n.', b'cbuiltins\nno_such_name\n.',
             b'\x80\x04\x8c\x08builtins\x94\x8c\x05nosuch\x94\x93.',
             b'P1\n.', b'\x80\x04K\x01K\x02\x93.']:
    attempt('loads %r' % data, lambda: pickle.loads(data))
