# str.format and str.format_map
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

t(lambda: "{} {}".format(1, "a"))
t(lambda: "{0} {1} {0}".format("x", "y"))
t(lambda: "{a} {b}".format(a=1, b=[2]))
t(lambda: "{0} {x}".format(1, x=2))
t(lambda: "{{}} {{{0}}}".format(5))
t(lambda: "{:>5}|{:<5}|{:^5}".format("a", "b", "c"))
t(lambda: "{0:.2f} {0:e} {0!r:>10}".format(3.14159))
t(lambda: "{!r} {!s} {!a}".format("é", "é", "é"))
t(lambda: "{0.real} {0.imag}".format(5))
t(lambda: "{0[1]} {0[0]}".format(["a", "b"]))
t(lambda: "{d[key]} {d[1]}".format(d={"key": "v", 1: "one"}))
t(lambda: "{0[a][0]}".format({"a": [9]}))
t(lambda: "{:{}}|".format("x", 4))
t(lambda: "{:{w}.{p}f}".format(3.14159, w=8, p=2))
t(lambda: "{0:{1}{2}}".format(7, "0", 5))
t(lambda: "{:,}".format(1234567))
t(lambda: "{:%}".format(0.25))
t(lambda: "{}".format("日本"))
t(lambda: "日{}本".format("x"))
t(lambda: "{}".format())
t(lambda: "{1}".format(1))
t(lambda: "{x}".format(1))
t(lambda: "{}{0}".format(1))
t(lambda: "{0}{}".format(1))
t(lambda: "{".format())
t(lambda: "}".format())
t(lambda: "{0".format(1))
t(lambda: "{0!x}".format(1))
t(lambda: "{0!rr}".format(1))
t(lambda: "{0.}".format(1))
t(lambda: "{0[}".format([1]))
t(lambda: "{0[0]x}".format([1]))
t(lambda: "{:{:{}}}".format(1, 2, 3))
t(lambda: "{0:}}".format(1))
t(lambda: "{0.nope}".format(1))
t(lambda: "{0[5]}".format([1]))
t(lambda: "{0[k]}".format({}))
t(lambda: "{:d}".format("s"))
t(lambda: "{:s}".format(5))
t(lambda: "{0!r:^9}".format("a"))
t(lambda: "{:*^{}}".format("mid", 11))
t(lambda: "{name}={value:>4}".format_map({"name": "n", "value": 7}))
class Default(dict):
    def __missing__(self, key):
        return "<" + key + ">"
t(lambda: "{a} {b}".format_map(Default(a=1)))
t(lambda: "{0}".format_map({}))
t(lambda: "{x}".format_map({}))
class P:
    def __init__(self):
        self.name = "pt"
        self.xs = [10, 20]
    def __format__(self, spec):
        return "P[" + spec + "]"
t(lambda: "{0.name} {0.xs[1]} {0:abc} {0!s:.3}".format(P()))
t(lambda: "{0:{1}}".format(P(), "nested"))
print("{} and {}".format(*["a", "b"]), "{k}".format(**{"k": "v"}))
for f in ['{!}', '{0!}', '{!r}', '{0!r', '{:{}', '{a[}', '{a[}]}', '{0!r:x', '{a.b', '{0!:}',
          '{0![}', '{0:{a[}]}', '{[}', '{0[]}', '{.a}', '{0!r}{', 'x}y', '{:}', '{!s:}',
          '{0[a]b}', '{0]}', '{0}}', '{a{}', '{0:{{}}}']:
    t(lambda: f.format('abc', a='A'))
