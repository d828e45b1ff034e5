# complex numbers: construction, arithmetic, repr.
print(1j, -1j, 2 + 3j, complex(1, 2), complex(), complex(1.5), complex("1+2j"), complex(" (3-4j) "))
print(complex("j"), complex("-j"), complex("2.5"), complex("1e3j"), complex(-0.0, 0.0), complex(0.0, -0.0))
z = 3 + 4j
print(z.real, z.imag, abs(z), z.conjugate(), -z, +z, z * z, z / 2, z + 1, 1 - z, z * 1.5, z ** 2, z == 3 + 4j)
print((1 + 2j) / (3 - 4j), (1 + 1j) ** 10, 2 ** (1j), 1j ** 1j, (-8) ** (1 / 3), (-1) ** 0.5)
print(complex(1, 2) == complex(1.0, 2.0), 1 + 0j == 1, hash(1 + 0j) == hash(1), hash(2j) == hash(complex(0, 2)))
print(repr(complex(float('inf'), float('nan'))), repr(complex(-0.0, -2)), repr(1e20j), repr(complex(1e16, 1e-5)))
def err(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__, e)
err(lambda: 1j / 0)
err(lambda: 0j ** -1)
err(lambda: complex("x"))
err(lambda: complex("1", 2))
err(lambda: 1j < 2j)
err(lambda: 1j // 2)
err(lambda: complex([]))
print(bool(0j), bool(1j), complex(True), type(1j), isinstance(1j, complex), (1j).real)
