# importlib.import_module, reload, invalidate_caches.
import sys
import importlib
sys.path.insert(0, __file__.rpartition('/')[0] + '/importlib_use_mods')
m = importlib.import_module('counter')
print(m.RUNS, m.KEPT)
m2 = importlib.reload(m)
print(m2 is m, m.RUNS, m.KEPT)
print(importlib.import_module('ipkg.inner').Q)
print(importlib.import_module('.inner', 'ipkg').Q)
print(importlib.import_module('..inner', 'ipkg.inner').Q)
print(importlib.import_module('sys') is sys)
print(importlib.invalidate_caches())
for args in [('.x',), ('...x', 'ipkg'), ('nonexistent_mod_q',)]:
    try:
        importlib.import_module(*args)
    except (TypeError, ImportError, ValueError) as e:
        print(type(e).__name__, e)
try:
    importlib.reload(42)
except TypeError as e:
    print('TypeError', e)
import math
print(importlib.reload(math) is math)
