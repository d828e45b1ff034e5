# list slicing: get, set and delete with steps
a = list(range(10))
print(a[2:5], a[:3], a[7:], a[::2], a[1::3], a[::-1], a[8:2:-2], a[-3:], a[:-7], a[5:2], a[100:], a[-100:3])
print(a[::10], a[::-10], a[3:3], a[2:8:-1])
b = a[:]
b[2:5] = ["x"]
print(b)
b[0:0] = [-2, -1]
print(b)
b[len(b):] = [99]
print(b)
b[1:3] = []
print(b)
b[:] = "abc"
print(b)
c = list(range(10))
c[::2] = "ABCDE"
print(c)
c[::-3] = [0, 0, 0, 0]
print(c)
c[5:2] = [7]
print(c)
d = list(range(10))
del d[::2]
print(d)
d = list(range(10))
del d[::-3]
print(d)
d = list(range(10))
del d[2:6]
print(d)
d = list(range(10))
del d[8:1:-2]
print(d)
del d[:]
print(d)
e = [1, 2, 3]
e[1:2] = e
print(e)
e = [1, 2, 3]
e[::-1] = e
print(e)
f = list(range(5))
f[1:4:1] = (7, 8)
print(f)
f[10:20] = [1]
print(f)
f[-100:-50] = [0]
print(f)
def err(fn):
    try:
        fn()
    except Exception as ex:
        print(type(ex).__name__, ex)
def s1():
    x = list(range(5))
    x[::2] = [1, 2]
err(s1)
def s2():
    x = list(range(5))
    x[::0] = []
err(s2)
def s3():
    x = list(range(5))
    x[1:2] = 5
err(s3)
def s4():
    x = list(range(5))
    x[::2] = 5
err(s4)
def s5():
    x = list(range(5))
    return x["a":]
err(s5)
err(lambda: [1, 2][::0])
g = list(range(20))
print(g[2**70:], g[-2**70:3], g[:2**64:5], g[::-2**63])
class I:
    def __index__(self):
        return 2
print(g[I()], g[I():], g[:I()], g[::I()])
