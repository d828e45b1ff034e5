# shlex: split, quote, join and the lexer class (posix and non-posix, punctuation_chars).
import shlex

for s in ['a b c', '  leading and trailing  ', 'one "two three" four', 'say "it\'s" \'single quoted\'',
          'esc\\ aped "in \\"quotes\\" \\n" \'no \\escape\'', 'a#b # comment', '',
          'x=1 y="2 3" ls -l ~/dir/*.py', '"" \'\' e""mpty', 'tab\tand\nnewline',
          'mixed"quo"ted\'wo\'rd', 'ünï cödé']:
    print(repr(s), shlex.split(s))
print(shlex.split('a # b c', comments=True))
print(shlex.split('a "b c"', posix=False))
for bad in ('unterminated "quote', "also 'bad", 'trailing\\'):
    try:
        shlex.split(bad)
    except ValueError as e:
        print("ValueError", e)

for s in ['', 'plain', 'with space', "it's", 'a"b', '$HOME', 'ünï', '-flag=1,2:3/4.5@%+',
          'semi;colon', '*glob?', 'new\nline']:
    print(repr(s), shlex.quote(s))
print(shlex.join(['ls', '-l', 'my file', "it's"]))
cmd = shlex.join(['echo', 'a b', '$x', "q'uote"])
print(cmd, shlex.split(cmd))

lex = shlex.shlex('a = b; c(d) "e f" 12.5 x&&y')
print(list(lex))
lex = shlex.shlex('a = b; c(d) "e f" x&&y || z > out', posix=True, punctuation_chars=True)
print(list(lex))
lex = shlex.shlex('cmd --opt=val ~/x.py;ls', punctuation_chars=True)
lex.whitespace_split = True
print(list(lex), lex.punctuation_chars)
lex = shlex.shlex('first second\nthird # comment\nfourth')
print(lex.get_token(), lex.lineno)
lex.push_token('pushed')
print(lex.get_token(), lex.get_token(), lex.get_token(), lex.lineno)
print(lex.get_token(), repr(lex.get_token()), lex.error_leader('file', 3))
lex = shlex.shlex('a b', posix=True)
print(lex.get_token(), lex.get_token(), lex.get_token())
