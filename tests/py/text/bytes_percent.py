# %-formatting of bytes and bytearray
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

t(lambda: b"%s %s" % (b"a", bytearray(b"b")))
t(lambda: b"%b" % b"x")
t(lambda: b"%d %i %x %X %o %05d %+d" % (1, 2, 255, 255, 8, 3, 4))
t(lambda: b"%.2f %e %g" % (3.14159, 1.5, 1e-7))
t(lambda: b"%c%c" % (65, b"B"))
t(lambda: b"%r %a" % ("é", b"x"))
t(lambda: b"%5s|%-5s|" % (b"ab", b"cd"))
t(lambda: b"%(k)s" % {b"k": b"v"})
t(lambda: b"%%" % ())
t(lambda: b"%s" % "a")
t(lambda: b"%s" % 1)
t(lambda: b"%c" % 256)
t(lambda: b"%c" % "a")
t(lambda: b"%d" % ())
t(lambda: b"x" % 1)
t(lambda: bytearray(b"%s-%d") % (b"a", 1))
class B:
    def __bytes__(self):
        return b"BB"
t(lambda: b"%s" % B())
