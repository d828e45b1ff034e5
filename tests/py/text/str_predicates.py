# is* predicates
samples = ["", "abc", "ABC", "Abc", "Abc Def", "abc def", "123", "12.3", "½", "²", "٣",
           "Ⅷ", "一二三", " \t\n", "\xa0", "abc123", "abc_1", "_x", "1x", "class", "é",
           "日本", "ÉCOLE", "a b", "\x00", "\x7f", "Hello World!", "HELLO WORLD", "ǅ",
           "\u2028", "x\u200by", "\U0001F600", "ab\ncd", "ΣΊΣ", "A1", "a1", "𝟘"]
for s in samples:
    print(repr(s), s.isdigit(), s.isdecimal(), s.isnumeric(), s.isalpha(), s.isalnum(),
          s.isspace(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(),
          s.isprintable(), s.isascii())
