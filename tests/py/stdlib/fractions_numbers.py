from fractions import Fraction as F
import numbers, math
print(F(3, 6), repr(F(3, 6)), F(-4, -8), F(4, -8), F(5), F(), F(F(1, 3)), F(1.5), F(0.1), F('3/4'), F(' -1.25e1 '), F('1_000'), F('.5'), F('2.'), F('1e-3'), F(' 7 '))
for bad in ['1/0', 'abc', '1/', '', '1__0', '1.2.3', '--1', '1/2/3', '3 /4']:
    try: print(F(bad))
    except (ValueError, ZeroDivisionError) as e: print(type(e).__name__, e)
try: F(1, 0)
except ZeroDivisionError as e: print(e)
try: F(1.5, 2)
except TypeError as e: print(e)
a, b = F(1, 3), F(1, 6)
print(a + b, a - b, a * b, a / b, a // b, a % b, divmod(a, b), a ** 2, a ** -2, F(-2, 3) ** -3, a ** F(1, 2), 2 ** F(2), 4 ** F(1, 2))
print(a + 1, 1 + a, a * 2, 2 / a, a + 0.5, 0.5 + a, a == F(2, 6), a == 1 / 3, F(1, 2) == 0.5, a < b, a > 0, a <= 0.4, F(1, 2) != 1, -a, +a, abs(F(-3, 4)))
print(int(F(7, 2)), int(F(-7, 2)), math.floor(F(-7, 2)), math.ceil(F(-7, 2)), round(F(5, 2)), round(F(7, 2)), round(F(-5, 2)), round(F(1234, 100), 1), round(F(1234, 1), -2), math.trunc(F(-7, 2)), float(F(1, 4)))
print(F(3.141592653589793).limit_denominator(1000), F(3.141592653589793).limit_denominator(10), F(1, 3).limit_denominator(5), F(10, 7).as_integer_ratio(), F.from_float(0.25), F(1, 3).numerator, F(1, 3).denominator)
print(hash(F(1, 2)) == hash(0.5), hash(F(3)) == hash(3), hash(F(1, 3)) == hash(F(2, 6)), bool(F(0)), bool(F(1, 9)), sorted([F(1, 2), F(1, 3), 0.4, 1]))
print(sum([F(1, n) for n in range(1, 11)]), str(F(7, 1)), a + 1j)
print(isinstance(F(1), numbers.Rational), isinstance(F(1), numbers.Integral), isinstance(1, numbers.Integral), isinstance(1.0, numbers.Real), isinstance(1.0, numbers.Rational), isinstance(2j, numbers.Complex), isinstance(True, numbers.Number), issubclass(numbers.Integral, numbers.Complex))
