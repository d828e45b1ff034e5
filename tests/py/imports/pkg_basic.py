# Absolute imports of modules and packages: binding rules, module attributes, caching.
import sys
HERE = __file__.rpartition('/')[0]
MODS = HERE + '/pkg_basic_mods'
sys.path.insert(0, MODS)

def rel(p):
    return p.replace(MODS, '<mods>') if isinstance(p, str) else p

import plain
print(plain.VALUE, plain.__name__, repr(plain.__package__), rel(plain.__file__))
import plain as p2
print(p2 is plain, 'plain' in sys.modules, sys.modules['plain'] is plain)

import alpha.beta.delta
print(alpha.__name__, alpha.NAME, alpha.PKG, alpha.LOADS)
print(rel(alpha.__file__), [rel(x) for x in alpha.__path__])
print(alpha.beta.B, alpha.beta.delta.D)
print(alpha.beta.delta.__package__, alpha.beta.__package__)
print(sorted(k for k in sys.modules if k.startswith('alpha')))

import alpha.beta.delta as d
print(d is sys.modules['alpha.beta.delta'])
from alpha import gamma, beta
print(gamma.G, beta.B, gamma.where())
from alpha.beta import delta as dd
print(dd is d)

# executed once
import alpha
import alpha.gamma
print(alpha.LOADS, sys._alpha_loads)

# __import__ return values
print(__import__('alpha.beta') is alpha)
print(__import__('alpha.beta', fromlist=['delta']) is alpha.beta)
print(__import__('alpha.beta', globals(), None, ['x'], 0) is alpha.beta)

# a module object in sys.modules is returned as is
class Fake:
    pass
fake = Fake()
fake.attr = 'fake!'
sys.modules['fakemod'] = fake
import fakemod
print(fakemod.attr)
from fakemod import attr
print(attr)
del sys.modules['fakemod']
