# A failing import leaves no module behind and raises the original exception.
import sys
sys.path.insert(0, __file__.rpartition('/')[0] + '/failing_mods')
try:
    import flaky
except KeyError as e:
    print('KeyError', e)
print('flaky' in sys.modules)
import flaky
print(flaky.OK, sys._flaky_runs)
try:
    import syntax_bad
except SyntaxError as e:
    print(type(e).__name__, e.msg, e.lineno, e.filename.rpartition('/')[2])
print('syntax_bad' in sys.modules)
try:
    import fpkg.bad
except RuntimeError as e:
    print('RuntimeError', e)
print('fpkg' in sys.modules, 'fpkg.bad' in sys.modules, 'fpkg.good' in sys.modules)
import fpkg
print(hasattr(fpkg, 'bad'), hasattr(fpkg, 'good'))
try:
    import imports_missing
except ModuleNotFoundError as e:
    print(type(e).__name__, e, e.name)
print('imports_missing' in sys.modules)
try:
    from fpkg import bad
except RuntimeError as e:
    print('again', e)
