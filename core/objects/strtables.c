/* Character classes and case mappings of str beyond ASCII, answered from tables generated
 * from CPython 3.11's Unicode database (strtables_data.h, made by strtables_gen.py), so
 * that str.isalpha(), .upper(), .isidentifier(), repr()'s printability ... agree with
 * CPython for every code point, independently of the C library's locale. ASCII has fast
 * paths. */
#include "core/objects/strinternal.h"

typedef struct CaseRun {
    uint32_t start, end; /* code points start, start + stride, ... <= end map to cp + delta */
    int32_t stride, delta;
} CaseRun;

/* Mappings that produce more than one code point (SpecialCasing) or case folds; a zero
 * first entry means "the simple mapping". */
typedef struct SpecialCase {
    uint32_t cp;
    uint32_t lower[3], title[3], upper[3], fold[3];
} SpecialCase;

#include "core/objects/strtables_data.h"

static int in_ranges(const uint32_t (*r)[2], size_t n, uint32_t c) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < r[mid][0])
            hi = mid;
        else if (c > r[mid][1])
            lo = mid + 1;
        else
            return 1;
    }
    return 0;
}

#define IN(table, c) in_ranges(table, FT_ARRAY_LEN(table), (c))

static uint32_t run_map(const CaseRun *runs, size_t n, uint32_t c) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < runs[mid].start)
            hi = mid;
        else if (c > runs[mid].end)
            lo = mid + 1;
        else
            return (c - runs[mid].start) % (uint32_t)runs[mid].stride == 0
                       ? (uint32_t)((int32_t)c + runs[mid].delta)
                       : c;
    }
    return c;
}

static uint32_t pair_map(const uint32_t (*p)[2], size_t n, uint32_t c, uint32_t dflt) {
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < p[mid][0])
            hi = mid;
        else if (c > p[mid][0])
            lo = mid + 1;
        else
            return p[mid][1];
    }
    return dflt;
}

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

int ft_uni_isprintable(uint32_t c) {
    if (c < 128)
        return c >= 0x20 && c < 0x7f;
    return IN(printable_ranges, c);
}

int ft_uni_decimal_value(uint32_t c) {
    if (c < 128)
        return c >= '0' && c <= '9' ? (int)(c - '0') : -1;
    size_t lo = 0, hi = FT_ARRAY_LEN(decimal_ranges);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < decimal_ranges[mid][0])
            hi = mid;
        else if (c > decimal_ranges[mid][1])
            lo = mid + 1;
        else /* every run of decimal digits starts at a zero (checked by the generator) */
            return (int)((c - decimal_ranges[mid][0]) % 10);
    }
    return -1;
}

int ft_uni_isdecimal(uint32_t c) { return ft_uni_decimal_value(c) >= 0; }

int ft_uni_isdigit(uint32_t c) {
    if (c < 128)
        return c >= '0' && c <= '9';
    return IN(digit_ranges, c);
}

int ft_uni_isnumeric(uint32_t c) {
    if (c < 128)
        return c >= '0' && c <= '9';
    return IN(numeric_ranges, c);
}

int ft_uni_isalpha(uint32_t c) {
    if (c < 128)
        return (c | 32) >= 'a' && (c | 32) <= 'z';
    return IN(alpha_ranges, c);
}

int ft_uni_isalnum(uint32_t c) { return ft_uni_isalpha(c) || ft_uni_isnumeric(c); }

int ft_uni_isupper(uint32_t c) {
    if (c < 128)
        return c >= 'A' && c <= 'Z';
    return IN(upper_ranges, c);
}

int ft_uni_islower(uint32_t c) {
    if (c < 128)
        return c >= 'a' && c <= 'z';
    return IN(lower_ranges, c);
}

int ft_uni_istitle(uint32_t c) { return c >= 0x1c5 && IN(title_ranges, c); }

int ft_uni_iscased(uint32_t c) {
    return ft_uni_isupper(c) || ft_uni_islower(c) || ft_uni_istitle(c);
}

int ft_uni_iscaseignorable(uint32_t c) { return IN(case_ignorable_ranges, c); }

uint32_t ft_uni_toupper(uint32_t c) {
    if (c < 128)
        return (c >= 'a' && c <= 'z') ? c - 32 : c;
    return run_map(upper_runs, FT_ARRAY_LEN(upper_runs), c);
}

uint32_t ft_uni_tolower(uint32_t c) {
    if (c < 128)
        return (c >= 'A' && c <= 'Z') ? c + 32 : c;
    return run_map(lower_runs, FT_ARRAY_LEN(lower_runs), c);
}

uint32_t ft_uni_totitle(uint32_t c) {
    if (c < 128)
        return (c >= 'a' && c <= 'z') ? c - 32 : c;
    return pair_map(title_exceptions, FT_ARRAY_LEN(title_exceptions), c, ft_uni_toupper(c));
}

static uint32_t tofold(uint32_t c) {
    return pair_map(fold_exceptions, FT_ARRAY_LEN(fold_exceptions), c, ft_uni_tolower(c));
}

int ft_uni_full_case(uint32_t c, int how, uint32_t out[3]) {
    if (c >= 0xdf) {
        size_t lo = 0, hi = FT_ARRAY_LEN(special_cases);
        while (lo < hi) {
            size_t mid = (lo + hi) / 2;
            const SpecialCase *sc = &special_cases[mid];
            if (c < sc->cp)
                hi = mid;
            else if (c > sc->cp)
                lo = mid + 1;
            else {
                const uint32_t *m = how == FT_CASE_LOWER ? sc->lower
                                  : how == FT_CASE_TITLE ? sc->title
                                  : how == FT_CASE_UPPER ? sc->upper : sc->fold;
                if (!m[0])
                    break;
                int n = 0;
                while (n < 3 && m[n]) {
                    out[n] = m[n];
                    n++;
                }
                return n;
            }
        }
    }
    out[0] = how == FT_CASE_LOWER ? ft_uni_tolower(c)
           : how == FT_CASE_TITLE ? ft_uni_totitle(c)
           : how == FT_CASE_UPPER ? ft_uni_toupper(c) : tofold(c);
    return 1;
}

int ft_uni_isidstart(uint32_t c) {
    if (c < 128)
        return c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z');
    return IN(id_start_ranges, c);
}

int ft_uni_isidcontinue(uint32_t c) {
    if (c < 128)
        return c == '_' || ((c | 32) >= 'a' && (c | 32) <= 'z') || (c >= '0' && c <= '9');
    return IN(id_continue_ranges, c);
}
