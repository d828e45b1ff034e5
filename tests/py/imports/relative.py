# Relative imports: from . import x, from ..pkg import y, levels, errors.
import sys
MODS = __file__.rpartition('/')[0] + '/relative_mods'
sys.path.insert(0, MODS)
import top.mid
print(top.mid.M, top.mid.util.U, top.mid.low.L)
import top.mid.low.leaf as leaf
print(leaf.LEAF, leaf.pkgname_seen)
import top.star_rel
print(top.star_rel.STAR)
try:
    import top.beyond
except ImportError as e:
    print(type(e).__name__, e)
for stmt in ['from . import x', 'from .y import z']:
    for g in [{'__name__': '__main__'}, {'__name__': 'a', '__package__': ''},
              {'__name__': 'top.util', '__package__': 'top'}]:
        try:
            exec(stmt, g)
            print(stmt, 'ok')
        except ImportError as e:
            print(stmt, type(e).__name__, str(e).replace(MODS, '<mods>'))
g = {'__name__': 'top.mid.low', '__package__': 'top.mid.low'}
exec('from ...util import helper\nfrom .. import low as me', g)
print(g['helper'](), g['me'].__name__)
print(__import__('util', {'__package__': 'top'}, None, ['U'], 1).U)
print(__import__('', {'__package__': 'top.mid'}, None, ['low'], 1).__name__)
