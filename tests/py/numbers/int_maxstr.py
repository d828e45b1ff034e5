# The 4300-digit limit on decimal conversions (CPython 3.11).
import sys
def err(f):
    try:
        r = f()
        print(len(str(r)) if isinstance(r, int) else len(r))
    except ValueError as e:
        print("ValueError", e)
err(lambda: str(10**4299))
err(lambda: str(10**4300))
err(lambda: str(10**5000))
err(lambda: int("1" * 4300))
err(lambda: int("1" * 4301))
err(lambda: int("0" * 5000))
err(lambda: int("1" * 5000, 16))
err(lambda: hex(10**5000))
err(lambda: repr(-10**4400))
print(sys.get_int_max_str_digits())
sys.set_int_max_str_digits(0)
err(lambda: str(10**5000))
err(lambda: int("7" * 6000))
sys.set_int_max_str_digits(5000)
err(lambda: str(10**4999))
err(lambda: str(10**5000))
sys.set_int_max_str_digits(4300)
err(lambda: str(10**4300))
for s in ['1' * 5000 + 'x', '1_' * 4300 + '1', ' ' + '1' * 4301 + ' ', '-' + '0' * 4301, 'x' + '1' * 5000,
          '1' * 4301 + '__1', '1' * 4301 + '_']:
    try:
        print(len(str(int(s))))
    except ValueError as e:
        print(str(e)[:110])
