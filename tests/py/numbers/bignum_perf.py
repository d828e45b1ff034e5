# Large-number arithmetic must be fast (Karatsuba multiplication, chunked conversions).
import math
x = 2 ** 10000
s = str(x)
print(len(s), s[:20], s[-20:], sum(int(c) for c in s))
f = math.factorial(1000)
print(f % 1000003, len(str(f)))
a = 3 ** 20000
b = 7 ** 12000
p = a * b
print(p % 1000000007, p.bit_length(), (p // b) == a, p % a)
q, r = divmod(a, b)
print(q * b + r == a, q.bit_length(), r.bit_length())
fib = [0, 1]
for i in range(5000):
    fib.append(fib[-1] + fib[-2])
print(fib[-1] % 10**20, fib[-1].bit_length())
y = 1
for i in range(2000):
    y = y * 3 + 1
print(y % 999999937, hex(y)[:20], len(bin(y)))
print(pow(3, 10**5, 2**521 - 1) % 10**15)
z = int("9" * 4000)
print(z % 97, (z + 1) == 10**4000)
