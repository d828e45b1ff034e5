# range slicing returns ranges
r = range(10)
print(r[::-1], r[2:5], r[::2], r[1::3], r[10:20], r[-3:], r[:-7], r[5:2], r[8:2:-2], r[::-3])
s = range(3, 30, 4)
print(s[1:], s[::2], s[::-1], s[-2:], s[2:5], s[100:], s[:0])
t = range(20, 0, -3)
print(t[1:4], t[::-1], t[::2], list(t[::2]) == list(t)[::2])
for a in (range(7), range(2, 30, 5), range(10, -10, -4)):
    for sl in (slice(None), slice(1, None), slice(None, -1), slice(None, None, -1), slice(2, 5, 2), slice(-4, None, -2), slice(50, -50, -7)):
        print(a[sl], list(a[sl]) == list(a)[sl])
print(range(0, 10)[slice(2, 100, 2)], range(10)[-100:100])
try:
    range(10)[::0]
except ValueError as e:
    print("ValueError", e)
