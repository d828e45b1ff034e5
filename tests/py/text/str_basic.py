# str: length, indexing, slicing, concatenation, repetition, comparison, membership
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

s = "hello world"
print(len(s), len(""), len("é"), len("日本語"), len("\U0001F600x"))
print(s[0], s[-1], s[4], s[-5])
print(s[1:4], s[:5], s[6:], s[::2], s[::-1], s[-3:], s[2:-2:3], s[10:2:-2])
print(repr(s[5:5]), repr(s[100:]), repr(s[-100:2]))
u = "aé日\U0001F600z"
print(u[::-1], u[1:4], u[::2], [c for c in u])
t(lambda: s[11])
t(lambda: s[-12])
t(lambda: s[1.5])
t(lambda: s["a"])
print("ab" + "cd", "ab" * 3, 3 * "x", "ab" * 0, "ab" * -1, repr("" * 5))
t(lambda: "a" + 1)
t(lambda: "a" + None)
t(lambda: "a" * 1.5)
t(lambda: 1 + "a")
print("a" < "b", "a" < "ab", "abc" > "abd", "Z" < "a", "é" > "z", "日" > "é", "" < "a")
print("abc" == "abc", "abc" != "abd", "a" == "a" + "", "é" == "\xe9")
print("a" <= "a", "b" >= "a", "\U0001F600" > "\uffff")
t(lambda: "a" < 1)
t(lambda: "a" >= None)
print("a" == 1, "a" != 1)
print("ell" in s, "xyz" in s, "" in s, "日" in u, "\U0001F600" in u, "日本" in u)
t(lambda: 1 in "abc")
t(lambda: None in "abc")
print(hash("abc") == hash("ab" + "c"), hash("") == hash(""), hash("日本") == hash("日" + "本"))
d = {"x": 1, "y" + "z": 2}
print(d["x"], d["yz"], "yz" in d)
print(list("abc"), tuple("é日"), list(iter("")))
it = iter("ab")
print(next(it), next(it), next(it, "end"))
print(sorted(["b", "a", "é", "A", "日", "ab"]))
print(max("hello"), min("hello"))
print(str(), str(""), str(5), str(1.5), str(None), str(True), str([1, "a"]), str("x"))
print("x".__len__(), "abc".__getitem__(1), "abc".__contains__("b"), "a".__add__("b"))
print("a".__mul__(3), "a".__rmul__(2), "abc".__eq__("abc"), "a".__lt__("b"))
print("a".__eq__(1))
x = "abc"
x += "def"
x *= 2
print(x)
print(isinstance("", str), type("") is str, str.__name__)
