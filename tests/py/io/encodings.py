# Encodings (utf-8, latin-1, ascii) and errors= handlers on read and write.
import os

HERE = os.path.dirname(os.path.abspath(__file__))
D = os.path.join(HERE, "tmp_encodings")


def clean():
    if os.path.isdir(D):
        for n in os.listdir(D):
            os.remove(os.path.join(D, n))
        os.rmdir(D)


clean()
os.mkdir(D)
os.chdir(D)

def show(fn):
    try:
        r = fn()
        print(repr(r))
    except Exception as e:
        print(type(e).__name__, e)

s = "café ½ €"
for enc in ("utf-8", "UTF8", "latin-1", "latin1", "iso-8859-1", "ascii"):
    for errs in (None, "strict", "replace", "ignore", "backslashreplace", "xmlcharrefreplace"):
        def w():
            with open("e.txt", "w", encoding=enc, errors=errs) as f:
                f.write(s)
            with open("e.txt", "rb") as f:
                return f.read()
        print(enc, errs, end=" ")
        show(w)

raw = "naïve ☃ x".encode("utf-8")
with open("r.bin", "wb") as f:
    f.write(raw)
for enc in ("utf-8", "latin-1", "ascii"):
    for errs in (None, "strict", "replace", "ignore", "backslashreplace", "surrogateescape"):
        def r():
            with open("r.bin", encoding=enc, errors=errs) as f:
                return f.read()
        print(enc, errs, end=" ")
        show(r)

# attributes
with open("r.bin", encoding="latin-1", errors="replace") as f:
    print(f.encoding, f.errors)
    print(repr(f))
show(lambda: open("r.bin", encoding="no-such-codec"))

# surrogateescape round trip
with open("r.bin", encoding="ascii", errors="surrogateescape") as f:
    t = f.read()
with open("s.bin", "w", encoding="ascii", errors="surrogateescape") as f:
    f.write(t)
with open("s.bin", "rb") as f:
    print(f.read() == raw)

# multi-byte characters split across reads
big = "€" * 5000 + "x" + "\U0001f600" * 3000
with open("big.txt", "w", encoding="utf-8") as f:
    f.write(big)
with open("big.txt", encoding="utf-8") as f:
    parts = []
    while True:
        p = f.read(777)
        if not p:
            break
        parts.append(p)
print(len(parts), "".join(parts) == big)
with open("big.txt", encoding="utf-8") as f:
    print(f.read() == big)

os.chdir(HERE)
clean()
print("done")
