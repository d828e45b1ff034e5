# str(): objects, bytes with encoding, subclasses, __str__/__repr__
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

class A:
    def __str__(self):
        return "A-str"
    def __repr__(self):
        return "A-repr"
class R:
    def __repr__(self):
        return "only-repr"
class Bad:
    def __str__(self):
        return 5
t(lambda: str(A()))
t(lambda: repr(A()))
t(lambda: str(R()))
t(lambda: str(Bad()))
t(lambda: str(object="kw"))
t(lambda: str(b"ab", "ascii"))
t(lambda: str(b"ab", encoding="ascii"))
t(lambda: str(b"\xe9", "latin-1"))
t(lambda: str(b"\xe9"))
t(lambda: str(1, 2, 3, 4))
t(lambda: str(nope=1))
class S(str):
    def shout(self):
        return self.upper() + "!"
s = S("hello")
print(repr(s), s, len(s), s.shout(), type(s).__name__, isinstance(s, str))
print(s == "hello", "hello" == s, hash(s) == hash("hello"), s + "x", type(s + "x").__name__)
print(type(s.upper()).__name__, type(s[1:]).__name__, type(str(s)).__name__, s[0])
print(repr(S()), repr(S("é日")), {s: 1}["hello"])
class T(str):
    def __new__(cls, v):
        return super().__new__(cls, v * 2)
print(T("ab"), type(T("ab")).__name__)
print(str(12), str(-1.5), str(1e100), str([]), str({}), str(()), str(str))
print(str(b"x"), str(bytearray(b"y")))
