# Type errors and operator dispatch between numbers and other types.
def err(f):
    try:
        print(repr(f()))
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: 1 + "a")
err(lambda: "a" + 1)
err(lambda: 1 - None)
err(lambda: [1] * 2)
err(lambda: 2 * [1])
err(lambda: 3 * "ab")
err(lambda: 1 < "a")
err(lambda: 1 // "a")
err(lambda: divmod(1, "a"))
err(lambda: 2 ** "a")
err(lambda: -"a")
err(lambda: ~1.5)
err(lambda: 1 << 1.0)
err(lambda: 1 @ 2)
err(lambda: int.__add__(1, 1.5))
err(lambda: (1).__truediv__(2))
err(lambda: (1).__rsub__(10))
err(lambda: (5).__rpow__(2))
err(lambda: (7).__rfloordiv__(50))
err(lambda: 1 == "1")
err(lambda: 1 != None)
err(lambda: [0, 1, 2][True])
one = 1.0
err(lambda: [0, 1, 2][one])
err(lambda: "abc"[2**70])
err(lambda: hex(1.5))
err(lambda: (2.5).hex() + (1).__format__("5"))
class N:
    def __radd__(self, o):
        return "radd %r" % (o,)
    def __rmul__(self, o):
        return "rmul %r" % (o,)
    def __rpow__(self, o):
        return "rpow %r" % (o,)
err(lambda: 1 + N())
err(lambda: 2.5 * N())
err(lambda: 10**30 ** N())
err(lambda: True + N())
