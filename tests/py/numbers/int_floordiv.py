# Floor division and modulo take the sign of the divisor, as Python defines them.
pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (6, 3), (-6, 3), (0, 5), (0, -5), (1, 7), (-1, 7),
         (2**63, 3), (-2**63, -1), (-2**63, 1), (2**64 + 1, -2), (-(10**30), 7), (10**30, -7),
         (10**30 + 5, 10**15), (-(10**30 + 5), 10**15), (3**200, 7**50), (-(3**200), 7**50),
         (3**200, -(7**50)), (-(3**200), -(7**50)), (5, 10**40), (-5, 10**40), (5, -(10**40)),
         (2**128, 2**64), (2**128 - 1, 2**64 - 1), (-2**128, 2**64 + 1)]
for a, b in pairs:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
for a, b in pairs:
    q, r = divmod(a, b)
    assert q * b + r == a
    assert (r == 0) or ((r < 0) == (b < 0))
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: 1 // 0)
err(lambda: 1 % 0)
err(lambda: divmod(1, 0))
err(lambda: 1 / 0)
err(lambda: 10**40 // 0)
err(lambda: 10**40 % 0)
err(lambda: 0 / 0)
err(lambda: 10**400 / 1)
err(lambda: 10**400 / 10**399)
err(lambda: 1 / 10**400)
err(lambda: (2**1100) / (2**80))
print(1 / 3, 2 / 3, -1 / 3, 10 / 4, 2**53 / 3, (2**53 + 1) / 1, (2**80 + 1) / 2**27)
print(10**22 / 10**5, 7**40 / 3**30, -(7**40) / 3**30, (10**300 + 1) / 10**299)
print((1 << 1074) and 1 / (1 << 1074), 3 / (1 << 1075), 1 / (1 << 1076))
