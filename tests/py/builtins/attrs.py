# getattr, setattr, delattr, hasattr
class C:
    x = 1
    def __init__(self):
        self.y = 2
c = C()
print(getattr(c, "x"), getattr(c, "y"), getattr(c, "z", "default"), getattr(c, "y", None))
print(hasattr(c, "x"), hasattr(c, "z"), hasattr(1, "real"), hasattr(None, "foo"))
setattr(c, "z", 3)
print(c.z, getattr(c, "z"))
delattr(c, "z")
print(hasattr(c, "z"))
try:
    getattr(c, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
try:
    delattr(c, "missing")
except AttributeError as e:
    print(type(e).__name__, e)
for f, args in ((getattr, (c, 1)), (hasattr, (c, 1)), (setattr, (c, 1, 2)), (delattr, (c, 1)),
                (getattr, (c,)), (getattr, (c, "x", 1, 2)), (setattr, (c, "x")),
                (hasattr, (c,))):
    try:
        f(*args)
    except TypeError as e:
        print(f.__name__, type(e).__name__, e)

class G:
    def __getattr__(self, name):
        if name == "boom":
            raise ValueError("boom")
        if name.startswith("a"):
            return name.upper()
        raise AttributeError(name)
g = G()
print(getattr(g, "abc"), hasattr(g, "abc"), hasattr(g, "xyz"), getattr(g, "xyz", 0))
try:
    hasattr(g, "boom")
except ValueError as e:
    print("hasattr propagates", e)
try:
    getattr(g, "boom", None)
except ValueError as e:
    print("getattr propagates", e)
try:
    setattr(1, "x", 2)
except AttributeError as e:
    print(type(e).__name__, e)
