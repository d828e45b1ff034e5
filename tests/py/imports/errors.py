# ImportError / ModuleNotFoundError messages and attributes.
import sys
HERE = __file__.rpartition('/')[0]
MODS = HERE + '/errors_mods'
sys.path.insert(0, MODS)

def show(e):
    print(type(e).__name__, '|', str(e).replace(MODS, '<mods>'), '|', getattr(e, 'name', None))

for stmt in ['import no_such_module_xyz', 'import emod.sub', 'import emod.sub.deeper',
             'from emod import nothing', 'from epkg import nothing', 'import epkg.missing',
             'from epkg.missing import x', 'import epkg.broken', 'from . import x',
             'from .x import y', 'from .. import z', '__import__("")',
             '__import__("emod", level=-1)', '__import__(5)']:
    try:
        exec(stmt, {'__name__': '__main__'})
        print('no error:', stmt)
    except Exception as e:
        print(stmt, end=' -> ')
        show(e)

print(issubclass(ModuleNotFoundError, ImportError))
sys.modules['blocked'] = None
try:
    import blocked
except ImportError as e:
    show(e)
del sys.modules['blocked']
print('epkg.broken' in sys.modules, 'epkg' in sys.modules)
try:
    import epkg.broken
except ValueError as e:
    print('again:', e)
