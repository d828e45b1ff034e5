import string
from string import Template, Formatter
print(string.ascii_letters, string.digits, string.hexdigits, string.octdigits, repr(string.whitespace), string.punctuation, repr(string.printable))
print(string.capwords(' hello   world  foo '), string.capwords('a-b-c', '-'))
t = Template('$who likes ${what}, $$5, $who')
print(t.substitute(who='tim', what='kung pao'), t.substitute({'who': 'a', 'what': 'b'}))
print(Template('$a and $b and ${c}').safe_substitute(a=1))
try: Template('$a').substitute()
except KeyError as e: print('KeyError', e)
try: Template('x\n $ 1').substitute()
except ValueError as e: print(e)
print(Template('$a $$ $').safe_substitute(a='A'), Template('$x${y}').get_identifiers(), Template('$').is_valid())
f = Formatter()
print(f.format('{0} {name} {1!r} {2:>5} {{x}} {3[k]} {4.real}', 'a', 'b', 3, {'k': 'v'}, 2.5, name='N'))
print(f.format('{} {}', 1, 2), f.format('{:{w}}|', 'x', w=4), list(f.parse('a{b!r:c}d{{')))
class D(Template): delimiter = '%'
print(D('%who is %%').substitute(who='me'))
