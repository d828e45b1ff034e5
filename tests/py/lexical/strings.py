# String literals: quotes, prefixes, escapes, triple quotes, continuation, concatenation.
print('single', "double", '''triple
single''', """triple
double""")
print('it\'s', "say \"hi\"", 'mixed "quotes"', "mixed 'quotes'")
print(repr('\n\t\\\'\"\a\b\f\v\r\0'))
print(repr('\101\102\103 \x41\x42 \u00e9\u20ac \U0001F600 \N{BULLET} \N{EM DASH}'))
print(repr('\777'), repr('\1'), repr('\12'), len('\x00\x01'))
print(r'\n\t\d', R"\x", r'a\'b', len(r'\\'))
print(u'unicode', U"x", repr(u'\u00e9'))
print('a' 'b' "c" '''d''')
print('line one \
line two')
s = '''first
    second \
third'''
print(repr(s))
print(repr("""\
no leading newline
"""))
print(len('caf\u00e9'), 'caf\u00e9' == 'café', 'π' * 3)
x = ('implicit'
     ' concatenation'   # with a comment
     " across lines")
print(x)
print(repr('\d'), repr('\q'), len('\d'))
print(repr(''), repr(""), repr(''''''), repr(""""""))
print('tab\there', 'nl\\n')
