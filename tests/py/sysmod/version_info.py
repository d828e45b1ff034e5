# sys.version_info, hexversion, implementation
import sys
v = sys.version_info
print(v)
print(v.major, v.minor, v.micro, v.releaselevel, v.serial)
print(v[0], v[1], v[:2], len(v), tuple(v), list(v)[3])
print(v >= (3, 11), v < (4,), v > (3, 10, 99), v == (3, 11, 7, "final", 0))
print(type(v).__name__, type(v).__module__, isinstance(v, tuple))
print(hex(sys.hexversion), sys.hexversion == (v.major << 24 | v.minor << 16 | v.micro << 8 | 0xF0))
major, minor, *rest = v
print(major, minor, rest)
try:
    v.major = 4
except AttributeError as e:
    print(type(e).__name__)
try:
    type(v)()
except TypeError as e:
    print(type(e).__name__, e)
print(sys.version.startswith("3.11.7 "), type(sys.version).__name__)
print(type(sys.implementation.name).__name__, hasattr(sys.implementation, "cache_tag"),
      sys.implementation.version[0] >= 0)
print("%d.%d" % sys.version_info[:2], "{0.major}.{0.minor}".format(v))
