# bytearray: construction, repr, mutation
def t(f):
    try:
        r = f()
    except Exception as e:
        print(type(e).__name__, e)
    else:
        print(repr(r))

t(lambda: bytearray())
t(lambda: bytearray(3))
t(lambda: bytearray(b"abc"))
t(lambda: bytearray([1, 2, 255]))
t(lambda: bytearray("é", "utf-8"))
t(lambda: bytearray("é"))
t(lambda: bytearray(-1))
t(lambda: bytearray([256]))
t(lambda: bytearray(1.5))
b = bytearray(b"hello")
print(b, repr(b), str(b), len(b), b[0], b[-1], b[1:3], b[::-1])
b[0] = 72
print(b)
b[1:3] = b"EY"
print(b)
b[1:3] = b"abcd"
print(b)
b[1:5] = b""
print(b)
b[0:0] = [1, 2]
print(b)
b[::2] = b"xyz"
print(b)
del b[0]
print(b)
del b[::2]
print(b)
del b[-1]
print(b)
b = bytearray(b"0123456789")
del b[1:4]
print(b)
del b[::-3]
print(b)
b[len(b):] = b"end"
print(b)
b[2:4] = bytearray(b"__")
print(b)
b[:] = b
print(b)
t(lambda: b.__setitem__(0, 256))
t(lambda: b.__setitem__(0, "a"))
t(lambda: b.__setitem__(100, 1))
t(lambda: b.__setitem__(slice(0, 2), 5))
t(lambda: b.__setitem__(slice(0, 2), "ab"))
t(lambda: b.__setitem__(slice(None, None, 2), b"x"))
t(lambda: b.__delitem__(100))
t(lambda: b.__getitem__(100))
b = bytearray(b"abc")
b.append(100)
b.extend(b"ef")
b.extend([103, 104])
b.extend(bytearray(b"i"))
b.extend(x for x in [106])
b.insert(0, 64)
b.insert(-1, 35)
b.insert(100, 33)
print(b)
print(b.pop(), b.pop(0), b.pop(-2), b)
b.remove(99)
print(b)
t(lambda: b.remove(200))
t(lambda: b.append(256))
t(lambda: b.append("a"))
t(lambda: b.extend(5))
t(lambda: b.extend("ab"))
t(lambda: b.insert(0, 300))
t(lambda: bytearray().pop())
t(lambda: bytearray(b"a").pop(5))
c = b.copy()
c.reverse()
print(b, c, c is b)
c.clear()
print(c, len(c))
b = bytearray(b"ab")
alias = b
b += b"cd"
print(b, alias is b)
b *= 2
print(b, alias is b)
b += bytearray(b)
print(b)
print(b + b"!", type(b + b"!").__name__, b * 2, type(b"x" + bytearray(b"y")).__name__)
t(lambda: b + "x")
t(lambda: hash(bytearray()))
print(bytearray(b"abc") == b"abc", bytearray(b"a") < bytearray(b"b"), b"x" in bytearray(b"xy"))
print(list(bytearray(b"az")), [x for x in bytearray()])
m = bytearray(b"abc")
it = iter(m)
print(next(it))
m.append(100)
print(list(it))
print(bytearray(b"x").upper(), type(bytearray(b"x").upper()).__name__)
print(type(bytearray(b"a b").split()[0]).__name__, bytearray(b"ab")[0:1])
