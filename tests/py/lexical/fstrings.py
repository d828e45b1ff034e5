# f-strings: fields, conversions, format specs (with nested fields), the = form,
# concatenation with other literals, nesting, and the expressions allowed inside.
name, n, pi = "world", 42, 3.14159
print(f"hello {name}!", F"{n}", f'{n + 1}', f"""{n * 2}""")
print(f"{name!r} {name!s} {name!a} {'é'!a}")
print(f"{pi:.2f} {n:>6} {n:<6}| {n:^7}| {n:08.3f} {n:x} {n:#b} {n:,}")
width, prec = 10, 3
print(f"[{pi:{width}.{prec}}] [{pi:{width}}] [{name:>{width}}]")
print(f"{n=}", f"{n = }", f"{n=:5}", f"{name=!s}", f"{n*2=}", f"{pi=:.1f}")
print(f"{{literal}} {{{n}}} {{")
print(f"{'nested ' + f'{n}'}", f"{[x * 2 for x in range(3)]}", f"{ {'a': 1}['a'] }")
print(f"{n if n > 40 else -n}", f"{(lambda x: x + 1)(n)}", f"{(y := 5)} {y}")
print(f"{n, pi}", f"{n!r:>5}", f"{3.14159:.3}", f"{'abc':.2}")
print("plain " f"and {name} " 'and more ' f"{n}")
print(rf"\d{n}", fr'\n{name}', f"\t{n}\n".strip())
print(f"""multi
line {n}
{name}""")
print(f"{n:{'>' if n else '<'}10}", f"{name!r:^{width}}")
print(f"{'a' 'b'}", f"{'quote'}", f'{"double"}')
print(f"{1}{2}{3}", f"", f"{''}", len(f"{n}{n}"))
class P:
    def __repr__(self): return "P()"
    def __str__(self): return "p"
    def __format__(self, spec): return "fmt:" + spec
p = P()
print(f"{p}", f"{p!r}", f"{p!s}", f"{p:xyz}", f"{p=}", f"{p=:q}")
print(f"{3 != 4}", f"{3 <= 4}", f"{'x' == 'x'}", f"{2 >= 1}")
print(f"\N{BULLET} {n}", f"{n}\N{EM DASH}")
