# maketrans / translate
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

tab = str.maketrans("abc", "xyz")
print(sorted(tab.items()))
print("aabbcc-d".translate(tab))
tab = str.maketrans("ab", "AB", "c")
print(sorted(tab.items()), "abcabc".translate(tab))
tab = str.maketrans({"a": "1", "b": None, 99: "三", "d": 101})
print(sorted(tab.items()), "abcde".translate(tab))
print("hello".translate({ord("l"): "L" * 3}))
print("hello".translate({}))
print("日本".translate({ord("日"): "sun"}))
print("abc".translate([None, "x"] * 60))
t(lambda: str.maketrans(1))
t(lambda: str.maketrans("ab", "c"))
t(lambda: str.maketrans({"ab": 1}))
t(lambda: str.maketrans({1.5: 1}))
t(lambda: str.maketrans("a", "b", 1))
t(lambda: str.maketrans("a", 1))
t(lambda: "a".translate({97: 1.5}))
t(lambda: "a".translate({97: 0x110000}))
t(lambda: "a".translate({97: -1}))
t(lambda: "a".translate(5))
print("".maketrans("a", "b"))
