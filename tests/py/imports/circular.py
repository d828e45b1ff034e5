# Circular imports see the partially initialised module.
import sys
MODS = __file__.rpartition('/')[0] + '/circular_mods'
sys.path.insert(0, MODS)
sys._circ_order = []
import ca
print(sys._circ_order)
print(ca.cb.B, ca.A_LATE, ca.cb.ca is ca)
try:
    import cx
except ImportError as e:
    # CPython says "cannot import name 'X' from partially initialized module 'cx' (most
    # likely due to a circular import) (<path>)": the start and the end are checked here.
    msg = str(e).replace(MODS, '<mods>')
    print(type(e).__name__, msg.startswith("cannot import name 'X' from "), msg.endswith("(<mods>/cx.py)"))
print('cx' in sys.modules, 'cy' in sys.modules)
import cpkg
print(cpkg.two.h(), cpkg.one.f())
