# The io classes directly: wrappers over in-memory streams, subclassing, identity of open.
import io
from io import *
t = io.TextIOWrapper(io.BytesIO(b"a\r\nb\nc"), encoding="utf-8")
print(t.readlines())
b = io.BytesIO()
t = io.TextIOWrapper(b, encoding="latin-1", newline="\r\n")
t.write("x\ny\n"); t.flush()
print(b.getvalue())
r = io.BufferedReader(io.BytesIO(b"hello\nworld\n"))
print(r.readline(), r.read(), r.read())
w = io.BufferedWriter(io.BytesIO())
w.write(b"abc"); w.flush(); print(w.raw.getvalue())
print(io.open is open, open.__name__, type(open).__name__)
print(io.FileIO.__module__, io.BufferedReader.__module__, io.TextIOWrapper.__name__)
print(issubclass(io.BufferedReader, io.BufferedIOBase), issubclass(io.TextIOWrapper, io.IOBase))
try:
    io.BufferedReader(io.BytesIO(), 0)
except ValueError as e:
    print(e)
class MyReader(io.BufferedReader):
    def extra(self): return "extra"
with open(__file__, "rb") as f:
    m = MyReader(f.raw)
    print(m.extra(), m.readline())
    m.tag = 5
    print(m.tag)
