# import, import as, dotted imports, from-import, relative imports (in cg_pkg), import *.
import sys
sys.dont_write_bytecode = True
import cg_pkg
import cg_pkg.sub
import cg_pkg.sub as s2
from cg_pkg import sub as s3, pkg_value
from cg_pkg.leaf import LEAF, visible as vis
print(cg_pkg.pkg_value, cg_pkg.sub.value, s2 is cg_pkg.sub, s3 is s2, pkg_value, LEAF, vis)
print(cg_pkg.h(), cg_pkg.leaf.LEAF)

from cg_pkg import *
print(star_name, h())
try:
    _private
except NameError as e:
    print(e)

from cg_pkg.leaf import *
print(visible)
try:
    _hidden
except NameError as e:
    print(e)

def local_imports():
    import cg_pkg.leaf as lf
    from cg_pkg import sub
    from cg_pkg.sub import helper
    return lf.LEAF, sub.value, helper()
print(local_imports())
print("cg_pkg.leaf" in sys.modules, "lf" in globals())

try:
    from cg_pkg import does_not_exist
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import cg_pkg_missing
except ImportError as e:
    print(type(e).__name__, e)

class ImportsInClass:
    import cg_pkg.leaf
    from cg_pkg.leaf import LEAF as __mangled_leaf
    def get(self):
        return self.__mangled_leaf
print(ImportsInClass().get(), ImportsInClass.cg_pkg is cg_pkg)
