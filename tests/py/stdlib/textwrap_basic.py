import textwrap
s = "The quick brown fox jumps over the lazy dog. " * 4 + "A well-known self-explanatory long-winded sentence--with dashes."
for w in (10, 25, 40, 70):
    print(w, textwrap.wrap(s, w))
print(textwrap.fill(s, 30, initial_indent='* ', subsequent_indent='  '))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10))
print(textwrap.wrap("supercalifragilisticexpialidocious word", 10, break_long_words=False))
print(textwrap.wrap("a-b-c-d-e-f-g-h-i-j-k long-hyphenated-wordthatislong", 12))
print(textwrap.wrap("tabs\there\tand  spaces", 12), textwrap.wrap("  leading and trailing  ", 8), textwrap.wrap("", 5), textwrap.wrap("   ", 5))
print(textwrap.wrap("keep   the   spaces", 7, drop_whitespace=False))
print(textwrap.wrap("one two three four five six seven", 12, max_lines=2), textwrap.wrap("one two three four five six seven", 12, max_lines=2, placeholder='...'))
print(repr(textwrap.shorten("Hello  world!  This is long", width=12)), repr(textwrap.shorten("Hello world", width=11)), repr(textwrap.shorten("Hello world!", width=10, placeholder="...")))
print(textwrap.wrap("Hello there. How are you? Fine.", 15, fix_sentence_endings=True))
print(repr(textwrap.dedent("    a\n      b\n    c\n")), repr(textwrap.dedent("  x\n\t y\n")), repr(textwrap.dedent("\n    a\n  \n    b")), repr(textwrap.dedent("no indent\n  x")))
print(repr(textwrap.indent("a\nb\n\nc", "> ")), repr(textwrap.indent("a\n  \nb", "+", lambda l: True)))
try: textwrap.wrap("x", 0)
except ValueError as e: print(e)
print(textwrap.TextWrapper(width=15, break_on_hyphens=False).wrap("a very-long-hyphenated-word here"))
