# case mapping
words = ["hello world", "HELLO", "hElLo wOrLd", "they're bill's friends", "123abc",
         "ÉCOLE été", "straße", "ǆemal", "ΑΒΓ αβγ", "日本", "", "a1b2 c3",
         "x_y-z.w", "İstanbul", "ΣΊΣΥΦΟΣ ΣΑΣ", "ﬁne ﬂow", "ŉ", "µ", "ǲ", "Ǆ"]
for w in words:
    print(repr(w), repr(w.upper()), repr(w.lower()), repr(w.capitalize()), repr(w.title()),
          repr(w.swapcase()), repr(w.casefold()))
print("ß".upper(), "ß".casefold(), "ß".lower(), "ß".title())
print("µ".upper(), "ÿ".upper(), "ā".upper(), "Ā".lower())
