# Every binary and unary operator across the numeric tower (int, bool, float, complex and
# subclasses): result types, values and error messages.
class I(int):
    pass
class F(float):
    pass
class C(complex):
    pass
vals = [0, 3, -7, True, False, 2**70, -(2**65), 1.5, -0.0, 2.5e300, float('inf'), I(4), F(-2.25), 1j, complex(2, -3), C(1, 1), 10**30]
ops = ['+', '-', '*', '/', '//', '%', '**', '<<', '>>', '&', '|', '^', '<', '<=', '==', '!=', '>', '>=']
for a in vals:
    for b in vals:
        row = []
        for op in ops:
            if op == '**' and (isinstance(a, int) and abs(a) > 100 or isinstance(b, int) and abs(b) > 100):
                continue
            if op == '<<' and isinstance(b, int) and b > 100:
                continue
            try:
                r = eval('a %s b' % op)
                row.append('%s:%s' % (type(r).__name__, r))
            except Exception as e:
                row.append('%s:%s' % (type(e).__name__, e))
        print(repr(a), repr(b), row)
for a in vals:
    r = []
    for f in (abs, lambda x: -x, lambda x: +x, lambda x: ~x, bool, hash, repr, str, lambda x: divmod(x, 3), lambda x: pow(x, 2, 5), round, int, float, complex):
        try:
            v = f(a)
            r.append('%s:%s' % (type(v).__name__, v))
        except Exception as e:
            r.append('%s:%s' % (type(e).__name__, e))
    print(repr(a), r)
