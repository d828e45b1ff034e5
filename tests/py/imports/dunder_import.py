# builtins.__import__ called directly: return values, fromlist, level, errors.
import sys
sys.path.insert(0, __file__.rpartition('/')[0] + '/relative_mods')
m = __import__('top.mid.low')
print(m.__name__)
m = __import__('top.mid.low', fromlist=['L'])
print(m.__name__)
m = __import__('top.mid', fromlist=['low', 'nonexistent_submodule'])
print(m.__name__, hasattr(m, 'nonexistent_submodule'))
m = __import__('top', fromlist=('util',))
print(m.util.U)
print(__import__('sys') is sys, __import__('math').__name__)
for args in [(), (1,), ('top', None, None, None, -1), ('top', None, None, [1])]:
    try:
        __import__(*args)
        print('ok', args)
    except Exception as e:
        print(type(e).__name__, e)
import builtins
orig = builtins.__import__
seen = []
def spy(name, globals=None, locals=None, fromlist=(), level=0):
    seen.append((name, fromlist, level))
    return orig(name, globals, locals, fromlist, level)
builtins.__import__ = spy
import math
from top import util
from top.mid import low as l2
builtins.__import__ = orig
print(seen)
