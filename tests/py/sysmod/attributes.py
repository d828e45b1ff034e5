# deterministic sys attributes
import sys
print(sys.maxsize, sys.maxsize == 2**63 - 1, sys.maxunicode, sys.byteorder, sys.platform)
print(type(sys.executable).__name__, type(sys.path).__name__, type(sys.argv).__name__,
      type(sys.modules).__name__, type(sys.flags).__name__)
print(sys.flags.optimize, sys.flags.debug, sys.flags.inspect, sys.flags.interactive,
      sys.flags.isolated, sys.flags.dev_mode, sys.flags.quiet)
fi = sys.float_info
print(fi.max, fi.min, fi.epsilon, fi.dig, fi.mant_dig, fi.max_exp, fi.min_exp,
      fi.max_10_exp, fi.min_10_exp, fi.radix, fi.rounds)
print(fi)
print(1.0 + fi.epsilon > 1.0, 1.0 + fi.epsilon / 2 == 1.0)
print(sys.getdefaultencoding(), sys.getfilesystemencoding())
print(sys.getswitchinterval())
sys.setswitchinterval(0.01)
print(sys.getswitchinterval())
for bad in (0, -1.0):
    try:
        sys.setswitchinterval(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    sys.setswitchinterval("x")
except TypeError as e:
    print(type(e).__name__, e)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(5000)
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
print(sys.get_int_max_str_digits())
try:
    sys.set_int_max_str_digits(100)
except ValueError as e:
    print(type(e).__name__, e)
s = "".join(["ab", "cd"])
print(sys.intern(s) is sys.intern("abcd"), sys.intern("abcd"))
try:
    sys.intern(5)
except TypeError as e:
    print(type(e).__name__, e)
print("sys" in sys.modules, sys.modules["sys"] is sys, "builtins" in sys.builtin_module_names)
print(sys.stdout.name, sys.stderr.name, sys.stdin.name, sys.stdout.encoding, sys.stdin.mode,
      sys.stdout.mode)
print(sys.__stdout__ is sys.stdout, sys.__stderr__ is sys.stderr, sys.__stdin__ is sys.stdin)
print(sys.stdout.fileno(), sys.stderr.fileno(), sys.stdin.fileno(), sys.stdout.closed)
print(sys.displayhook is sys.__displayhook__, sys.excepthook is sys.__excepthook__)
print(callable(sys.exit), callable(sys._getframe), sys._getframe().f_code.co_name)
def inner():
    return sys._getframe(0).f_code.co_name, sys._getframe(1).f_code.co_name
print(inner())
try:
    sys._getframe(1000)
except ValueError as e:
    print(type(e).__name__, e)
print(sys.getsizeof(1) > 0, type(sys.getsizeof([])).__name__)
