/* Character classes and case mappings of str beyond ASCII. ASCII is answered from tables
 * here; other code points lean on the C library's wide-character functions in the C.UTF-8
 * locale (set by ft_text_init), corrected where Python's Unicode database differs in ways
 * that show up in everyday text (whitespace, line breaks, printability, digits). */
#include "core/objects/strinternal.h"
#include <wctype.h>

int ft_uni_isspace(uint32_t c) {
    if (c < 128)
        return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f);
    return c == 0x85 || c == 0xa0 || c == 0x1680 || (c >= 0x2000 && c <= 0x200a) ||
           c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

int ft_uni_islinebreak(uint32_t c) {
    return c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || c == 0x1c || c == 0x1d ||
           c == 0x1e || c == 0x85 || c == 0x2028 || c == 0x2029;
}

/* Python: printable unless the category is Cc, Cf, Cs, Co, Cn, Zl, Zp or Zs (space
 * excepted). */
int ft_uni_isprintable(uint32_t c) {
    if (c < 128)
        return c >= 0x20 && c < 0x7f;
    if (c <= 0xa0 || c == 0xad)
        return 0;
    if (ft_uni_isspace(c))
        return 0;
    if ((c >= 0xd800 && c <= 0xf8ff) || c >= 0xf0000)
        return 0; /* surrogates, private use */
    if ((c >= 0x600 && c <= 0x605) || c == 0x61c || c == 0x6dd || c == 0x70f ||
        c == 0x180e || (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
        (c >= 0x2060 && c <= 0x206f) || c == 0xfeff || (c >= 0xfff9 && c <= 0xfffb) ||
        (c >= 0xe0000 && c <= 0xe0fff) || c == 0x110bd || (c >= 0x1d173 && c <= 0x1d17a))
        return 0;
    if ((c & 0xfffe) == 0xfffe)
        return 0;
    return iswprint((wint_t)c) != 0;
}

/* Decimal digit blocks: the first code point of each run of ten (Nd). */
static const uint32_t decimal_starts[] = {
    0x660, 0x6f0, 0x7c0, 0x966, 0x9e6, 0xa66, 0xae6, 0xb66, 0xbe6, 0xc66, 0xce6, 0xd66,
    0xde6, 0xe50, 0xed0, 0xf20, 0x1040, 0x1090, 0x17e0, 0x1810, 0x1946, 0x19d0, 0x1a80,
    0x1a90, 0x1b50, 0x1bb0, 0x1c40, 0x1c50, 0xa620, 0xa8d0, 0xa900, 0xa9d0, 0xa9f0, 0xaa50,
    0xabf0, 0xff10, 0x104a0, 0x11066, 0x110f0, 0x11136, 0x111d0, 0x112f0, 0x11450, 0x114d0,
    0x11650, 0x116c0, 0x11730, 0x118e0, 0x1d7ce, 0x1d7d8, 0x1d7e2, 0x1d7ec, 0x1d7f6, 0x1e950,
    0x1fbf0,
};

int ft_uni_decimal_value(uint32_t c) {
    if (c >= '0' && c <= '9')
        return (int)(c - '0');
    if (c < 0x660)
        return -1;
    for (size_t i = 0; i < FT_ARRAY_LEN(decimal_starts); i++)
        if (c >= decimal_starts[i] && c < decimal_starts[i] + 10)
            return (int)(c - decimal_starts[i]);
    return -1;
}

int ft_uni_isdecimal(uint32_t c) { return ft_uni_decimal_value(c) >= 0; }

int ft_uni_isdigit(uint32_t c) {
    if (ft_uni_isdecimal(c))
        return 1;
    return c == 0xb2 || c == 0xb3 || c == 0xb9 || (c >= 0x2070 && c <= 0x2079 && c != 0x2071 &&
           c != 0x2072 && c != 0x2073) || (c >= 0x2080 && c <= 0x2089) ||
           (c >= 0x2460 && c <= 0x2468) || (c >= 0x2474 && c <= 0x247c) ||
           (c >= 0x2488 && c <= 0x2490) || c == 0x24ea || (c >= 0x24f5 && c <= 0x24fd) ||
           c == 0x24ff || (c >= 0x2776 && c <= 0x277e) || (c >= 0x2780 && c <= 0x2788) ||
           (c >= 0x278a && c <= 0x2792) || (c >= 0x1f100 && c <= 0x1f10a);
}

int ft_uni_isnumeric(uint32_t c) {
    if (ft_uni_isdigit(c))
        return 1;
    return (c >= 0xbc && c <= 0xbe) || (c >= 0x2150 && c <= 0x2189) ||
           (c >= 0x2469 && c <= 0x2473) || (c >= 0x247d && c <= 0x2487) ||
           (c >= 0x2491 && c <= 0x249b) || (c >= 0x24eb && c <= 0x24f4) || c == 0x24fe ||
           c == 0x277f || c == 0x2789 || c == 0x2793 || c == 0x3007 ||
           (c >= 0x3021 && c <= 0x3029) || (c >= 0x3038 && c <= 0x303a) ||
           (c >= 0x3192 && c <= 0x3195) || (c >= 0x3220 && c <= 0x3229) ||
           (c >= 0x3248 && c <= 0x324f) || (c >= 0x3251 && c <= 0x325f) ||
           (c >= 0x3280 && c <= 0x3289) || (c >= 0x32b1 && c <= 0x32bf) ||
           c == 0x4e00 || c == 0x4e8c || c == 0x4e09 || c == 0x56db || c == 0x4e94 ||
           c == 0x516d || c == 0x4e03 || c == 0x516b || c == 0x4e5d || c == 0x5341 ||
           c == 0x767e || c == 0x5343 || c == 0x4e07 || c == 0x5104;
}

int ft_uni_isalpha(uint32_t c) {
    if (c < 128)
        return (c | 32) >= 'a' && (c | 32) <= 'z';
    if (c == 0xaa || c == 0xb5 || c == 0xba)
        return 1;
    if (c < 0xc0)
        return 0;
    /* Numbers (digits, Roman numerals, circled numbers) are not letters, but CJK
     * ideographs with a numeric value (一 二 三) are. */
    int ideograph = (c >= 0x3400 && c <= 0x9fff) || (c >= 0xf900 && c <= 0xfaff) ||
                    (c >= 0x20000 && c <= 0x3ffff);
    if (!ideograph && ft_uni_isnumeric(c))
        return 0;
    return iswalpha((wint_t)c) != 0;
}

int ft_uni_isalnum(uint32_t c) { return ft_uni_isalpha(c) || ft_uni_isnumeric(c); }

int ft_uni_isupper(uint32_t c) {
    if (c < 128)
        return c >= 'A' && c <= 'Z';
    return iswupper((wint_t)c) != 0 && !ft_uni_istitle(c);
}

int ft_uni_islower(uint32_t c) {
    if (c < 128)
        return c >= 'a' && c <= 'z';
    if (c == 0xaa || c == 0xba)
        return 1;
    return iswlower((wint_t)c) != 0;
}

/* Titlecase letters (Lt). */
int ft_uni_istitle(uint32_t c) {
    return c == 0x1c5 || c == 0x1c8 || c == 0x1cb || c == 0x1f2 ||
           (c >= 0x1f88 && c <= 0x1f8f) || (c >= 0x1f98 && c <= 0x1f9f) ||
           (c >= 0x1fa8 && c <= 0x1faf) || c == 0x1fbc || c == 0x1fcc || c == 0x1ffc;
}

int ft_uni_iscased(uint32_t c) {
    return ft_uni_isupper(c) || ft_uni_islower(c) || ft_uni_istitle(c);
}

uint32_t ft_uni_toupper(uint32_t c) {
    if (c < 128)
        return (c >= 'a' && c <= 'z') ? c - 32 : c;
    if (c == 0xb5)
        return 0x39c;
    return (uint32_t)towupper((wint_t)c);
}

uint32_t ft_uni_tolower(uint32_t c) {
    if (c < 128)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return (uint32_t)towlower((wint_t)c);
}

uint32_t ft_uni_totitle(uint32_t c) {
    switch (c) {
    case 0x1c4: case 0x1c5: case 0x1c6: return 0x1c5;
    case 0x1c7: case 0x1c8: case 0x1c9: return 0x1c8;
    case 0x1ca: case 0x1cb: case 0x1cc: return 0x1cb;
    case 0x1f1: case 0x1f2: case 0x1f3: return 0x1f2;
    default: return ft_uni_toupper(c);
    }
}

int ft_uni_isidstart(uint32_t c) {
    if (c < 128)
        return c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z');
    return ft_uni_isalpha(c) || (c >= 0x2160 && c <= 0x2188) || c == 0x3007 ||
           (c >= 0x3021 && c <= 0x3029);
}

int ft_uni_isidcontinue(uint32_t c) {
    if (c < 128)
        return c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
    return ft_uni_isidstart(c) || ft_uni_isdecimal(c) || c == 0xb7 ||
           (c >= 0x300 && c <= 0x36f) || iswalnum((wint_t)c);
}
