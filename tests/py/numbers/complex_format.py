# format() of complex numbers: CPython's rules for parentheses, signs and padding.
for v in [1.5-2j, -0.0+1e-7j, 1j, 1234567.5+1e20j, complex(float('nan'), float('-inf')), -1-0j, 0j, complex(-0.0, -0.0)]:
    for s in ['=10', '010', 'x', '5', '<12', ',', '_.2f', 'z.1f', '#', '#g', 'n', '+', ' ', '-', '.3', '.0', 'E', '*^30,.2f', '>20', '', '.2', '+.1e', ' g', 'z', '.']:
        try: print(repr(s), repr(format(v, s)))
        except Exception as e: print(repr(s), type(e).__name__, e)
print(format(1+1j, '99999999999999999999999'[:3]), format(2j, '.1f'))
