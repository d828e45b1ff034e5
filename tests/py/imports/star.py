# from m import *: __all__, public names, packages, errors.
import sys
sys.path.insert(0, __file__.rpartition('/')[0] + '/star_mods')

ns = {}
exec('from with_all import *', ns)
print(sorted(k for k in ns if k != '__builtins__'))
ns = {}
exec('from no_all import *', ns)
print(sorted(k for k in ns if k != '__builtins__'))
ns = {}
exec('from spkg import *', ns)
print(sorted(k for k in ns if k != '__builtins__'), ns['sub'].S)
try:
    exec('from bad_all import *', {})
except AttributeError as e:
    print(type(e).__name__, e)

def inner():
    from with_all import a, f
    return a, f()
print(inner())
from no_all import *
print(x, y, g(), K.__name__)
print('_private' in globals(), '_sys' in globals())
