# zfill, center, ljust, rjust
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

for w in [0, 1, 3, 4, 5, 6, 7, 10]:
    print(w, repr("abc".center(w)), repr("ab".center(w, "*")), repr("abc".ljust(w, "-")),
          repr("abc".rjust(w)), repr("42".zfill(w)), repr("-42".zfill(w)), repr("+4".zfill(w)))
t(lambda: "".zfill(3))
t(lambda: "-".zfill(3))
t(lambda: "abc".zfill(-1))
t(lambda: "é".center(5, "日"))
t(lambda: "日".ljust(3, "é"))
t(lambda: "a".center(5, "ab"))
t(lambda: "a".center(5, 1))
t(lambda: "a".center(5, ""))
t(lambda: "a".ljust())
t(lambda: "a".rjust("5"))
t(lambda: "a".zfill("x"))
t(lambda: "a".zfill(2.0))
