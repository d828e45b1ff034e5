# print: sep, end, file, flush
import sys
print()
print(1, 2, 3)
print(1, 2, 3, sep="-")
print(1, 2, 3, sep="")
print("a", "b", end="!\n")
print("no newline", end="")
print(" continued")
print("x", sep=None, end=None)
print(None, True, 1.5, [1, "a"], {"k": (1,)})
class S:
    def __str__(self):
        return "S-str"
    def __repr__(self):
        return "S-repr"
print(S(), [S()])
class Collector:
    def __init__(self):
        self.parts = []
    def write(self, s):
        self.parts.append(s)
        return len(s)
    def flush(self):
        self.parts.append("<flush>")
c = Collector()
print("a", 1, sep=", ", end=".", file=c, flush=True)
print(c.parts)
print("to stderr", file=sys.stderr)
print("explicit stdout", file=sys.stdout)
print("file=None", file=None)
for kw in ({"sep": 1}, {"end": 2}, {"file": 1}, {"bogus": 1}):
    try:
        print("x", **kw)
    except (TypeError, AttributeError) as e:
        print(type(e).__name__, e)
class BadStr:
    def __str__(self):
        raise ValueError("no str")
try:
    print("before", BadStr())
except ValueError as e:
    print()
    print(type(e).__name__, e)
print("unicode: é ☺ 😀")
sys.stdout.write("written directly\n")
print(sys.stdout.write("abc"))
print("%d items" % 3, "{} {}".format(1, 2))
print(*[1, 2, 3], sep="|")
print("flush", flush=True)
