import pprint
from collections import OrderedDict, defaultdict, Counter, deque, ChainMap
from dataclasses import dataclass
data = {'name': 'example', 'values': list(range(30)), 'nested': {'a': [1, 2, {'deep': tuple(range(25))}], 'b': 'x' * 50, 'c': None},
        'set': {5, 3, 1}, 'fs': frozenset({9, 8}), 'empty': {}, 'tup1': (1,), 'text': 'lorem ipsum dolor sit amet ' * 6}
pprint.pprint(data)
pprint.pprint(data, width=40, indent=2)
pprint.pprint(list(range(50)), compact=True)
pprint.pprint(data, depth=1)
print(pprint.pformat({'b': 1, 'a': 2}), pprint.pformat({'b': 1, 'a': 2}, sort_dicts=False))
pprint.pp({'z': 1, 'y': [1] * 40})
pprint.pprint(OrderedDict((str(i), i) for i in range(12)))
pprint.pprint(defaultdict(list, {i: list(range(i)) for i in range(10)}))
pprint.pprint(Counter('the quick brown fox jumps over the lazy dog and more text here'))
pprint.pprint(deque(range(40), maxlen=50)); pprint.pprint(deque(range(40)))
pprint.pprint(ChainMap({'a': list(range(20))}, {'b': list(range(20))}))
@dataclass
class Pt:
    x: list
    y: str
pprint.pprint(Pt(list(range(30)), 'why' * 10))
l = [1, 2]; l.append(l); print(pprint.saferepr(l)[:20], pprint.isrecursive(l), pprint.isreadable([1, 'a']), pprint.isreadable(object()))
pprint.pprint(b'binary data ' * 10)
pprint.pprint([[1, 2, 3]] * 12, width=30)
pprint.pprint({'long_key_' + str(i): ['value'] * i for i in range(8)})
print(pprint.pformat(12345678, underscore_numbers=True), pprint.pformat('short'), pprint.pformat([]))
