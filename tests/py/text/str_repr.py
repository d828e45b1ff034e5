# repr and ascii of str: quote choice and escapes
for s in ["abc", "it's", 'say "hi"', "both ' and \"", "", "tab\there", "nl\nx", "cr\rx",
          "back\\slash", "\x00\x01\x1f\x7f", "\x80\x9f\xa0\xa1\xff", "é", "ñandú", "日本語",
          "\u200b", "\u2028", "\ud800", "\U0001F600", "\U000e0001", "\u0378", "\ufeff",
          "\xad", "\u3000", "a\u0300", "\U00010000", "\uffff", "'", '"', "'\"", "\\'"]:
    print(repr(s), ascii(s), len(repr(s)))
print(repr("x" * 3 + "'"))
print(repr(["a", "b'c"]), repr(("é",)), repr({"k": "v"}))
print(str.__repr__("q"), "%r" % "a'b")
