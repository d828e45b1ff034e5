/* The methods of str (split, join, strip, replace, find, case mapping, predicates,
 * padding, partition, splitlines, expandtabs, encode, maketrans/translate, ...). */
#include "core/objects/strinternal.h"
#include <string.h>

#define EMPTY() ft_str_new(0, 0)

/* Methods return exact str even on subclasses. */
static FtObject *str_exact(FtObject *s) {
    if (ft_str_check_exact(s))
        return FT_NEWREF(s);
    return ft_str_from_kind(SKIND(s), FT_STR_DATA(s), FT_STR_LEN(s));
}

static int need_str(FtObject *o) {
    if (ft_str_check(o))
        return 0;
    ft_err_format(ft_exc_TypeError, "must be str, not %T", o);
    return -1;
}

/* The find family still parses its arguments the pre-Argument-Clinic way, and says so. */
static int old_nargs(const char *name, ssize_t nargs, ssize_t min, ssize_t max) {
    if (nargs < min) {
        ft_err_format(ft_exc_TypeError, "%s() takes at least %zd argument%s (%zd given)", name,
                      min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        ft_err_format(ft_exc_TypeError, "%s() takes at most %zd argument%s (%zd given)", name,
                      max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

static int get_ssize(FtObject *o, ssize_t *out) { return ft_clinic_ssize(o, out); }

static int slice_index(FtObject *o, ssize_t *out) {
    if (!o || o == FT_NONE)
        return 0;
    if (!ft_index_check(o)) {
        ft_err_format(ft_exc_TypeError,
                      "slice indices must be integers or None or have an __index__ method");
        return -1;
    }
    ssize_t v = ft_number_as_ssize(o, NULL);
    if (v == -1 && ft_err_occurred())
        return -1;
    *out = v;
    return 0;
}

int ft_parse_start_end(FtObject *const *args, ssize_t nargs, ssize_t first, ssize_t len,
                       ssize_t *start, ssize_t *end) {
    *start = 0;
    *end = SSIZE_MAX;
    if (nargs > first && slice_index(args[first], start) < 0)
        return -1;
    if (nargs > first + 1 && slice_index(args[first + 1], end) < 0)
        return -1;
    ft_adjust_indices(len, start, end);
    return 0;
}

/* ---- split / join ---------------------------------------------------------------- */

static int list_add_sub(FtObject *list, FtObject *s, ssize_t a, ssize_t b) {
    FtObject *t = ft_str_substring(s, a, b);
    if (!t)
        return -1;
    if (!ft_str_check_exact(t)) {
        FtObject *u = str_exact(t);
        FT_DECREF(t);
        if (!(t = u))
            return -1;
    }
    int rc = ft_list_append(list, t);
    FT_DECREF(t);
    return rc;
}

static FtObject *split_impl(FtObject *s, FtObject *sep, ssize_t maxsplit, int right) {
    ssize_t len = FT_STR_LEN(s);
    int k = SKIND(s);
    const void *d = FT_STR_DATA(s);
    if (maxsplit < 0)
        maxsplit = SSIZE_MAX;
    FtObject *list = ft_list_new(0);
    if (!list)
        return NULL;
    if (!sep || sep == FT_NONE) {
        if (!right) {
            ssize_t i = 0;
            while (1) {
                while (i < len && ft_uni_isspace(kread(k, d, i)))
                    i++;
                if (i == len)
                    break;
                if (maxsplit-- == 0) {
                    ssize_t e = len;
                    if (list_add_sub(list, s, i, e) < 0)
                        goto fail;
                    break;
                }
                ssize_t j = i;
                while (j < len && !ft_uni_isspace(kread(k, d, j)))
                    j++;
                if (list_add_sub(list, s, i, j) < 0)
                    goto fail;
                i = j;
            }
        } else {
            ssize_t i = len;
            while (1) {
                while (i > 0 && ft_uni_isspace(kread(k, d, i - 1)))
                    i--;
                if (i == 0)
                    break;
                if (maxsplit-- == 0) {
                    if (list_add_sub(list, s, 0, i) < 0)
                        goto fail;
                    break;
                }
                ssize_t j = i;
                while (j > 0 && !ft_uni_isspace(kread(k, d, j - 1)))
                    j--;
                if (list_add_sub(list, s, j, i) < 0)
                    goto fail;
                i = j;
            }
            if (ft_list_reverse(list) < 0)
                goto fail;
        }
        return list;
    }
    if (!ft_str_check(sep)) {
        ft_err_format(ft_exc_TypeError, "must be str or None, not %T", sep);
        goto fail;
    }
    ssize_t m = FT_STR_LEN(sep);
    if (m == 0) {
        ft_err_format(ft_exc_ValueError, "empty separator");
        goto fail;
    }
    if (!right) {
        ssize_t i = 0;
        while (maxsplit-- > 0) {
            ssize_t j = ft_str_find_sub(s, sep, i, len, 1);
            if (j < 0)
                break;
            if (list_add_sub(list, s, i, j) < 0)
                goto fail;
            i = j + m;
        }
        if (i == 0 && ft_str_check_exact(s)) {
            if (ft_list_append(list, s) < 0)
                goto fail;
        } else if (list_add_sub(list, s, i, len) < 0)
            goto fail;
    } else {
        ssize_t e = len;
        while (maxsplit-- > 0) {
            ssize_t j = ft_str_find_sub(s, sep, 0, e, -1);
            if (j < 0)
                break;
            if (list_add_sub(list, s, j + m, e) < 0)
                goto fail;
            e = j;
        }
        if (list_add_sub(list, s, 0, e) < 0)
            goto fail;
        if (ft_list_reverse(list) < 0)
            goto fail;
    }
    return list;
fail:
    FT_DECREF(list);
    return NULL;
}

FtObject *ft_str_split(FtObject *s, FtObject *sep, ssize_t maxsplit) {
    return split_impl(s, sep, maxsplit, 0);
}

static FtObject *split_common(FtObject *self, FtObject *const *args, ssize_t nargs,
                              FtObject *kwnames, int right) {
    static const char *const kwlist[] = {"sep", "maxsplit", NULL};
    FtObject *a[2];
    if (ft_parse_args(right ? "rsplit" : "split", args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return NULL;
    ssize_t maxsplit = -1;
    if (a[1] && get_ssize(a[1], &maxsplit) < 0)
        return NULL;
    return split_impl(self, a[0], maxsplit, right);
}

static FtObject *str_split_m(FtObject *self, FtObject *const *args, ssize_t nargs,
                             FtObject *kwnames) {
    return split_common(self, args, nargs, kwnames, 0);
}

static FtObject *str_rsplit_m(FtObject *self, FtObject *const *args, ssize_t nargs,
                              FtObject *kwnames) {
    return split_common(self, args, nargs, kwnames, 1);
}

FtObject *ft_str_join(FtObject *sep, FtObject *iterable) {
    FtObject *seq = ft_sequence_fast(iterable, "can only join an iterable");
    if (!seq)
        return NULL;
    ssize_t n = FT_SIZE(seq);
    FtObject **items = ft_list_check(seq) ? FT_LIST_ITEMS(seq) : FT_TUPLE_ITEMS(seq);
    if (n == 1 && ft_str_check_exact(items[0])) {
        FtObject *r = FT_NEWREF(items[0]);
        FT_DECREF(seq);
        return r;
    }
    ssize_t seplen = FT_STR_LEN(sep), total = 0;
    int kind = SKIND(sep);
    int all_ascii = SASCII(sep);
    for (ssize_t i = 0; i < n; i++) {
        FtObject *it = items[i];
        if (!ft_str_check(it)) {
            ft_err_format(ft_exc_TypeError, "sequence item %zd: expected str instance, %T found",
                          i, it);
            FT_DECREF(seq);
            return NULL;
        }
        total += FT_STR_LEN(it);
        if (SKIND(it) > kind)
            kind = SKIND(it);
        all_ascii &= SASCII(it);
        if (i)
            total += seplen;
    }
    uint32_t maxchar = all_ascii ? 127 : kind == 1 ? 255 : kind == 2 ? 0xffff : 0x10ffff;
    if (!all_ascii && kind == 1) {
        /* Latin-1 pieces may still be pure ASCII: compute the exact bound cheaply. */
        maxchar = SASCII(sep) ? 0 : ft_str_maxchar(sep);
        for (ssize_t i = 0; i < n; i++)
            if (!SASCII(items[i])) {
                uint32_t m = ft_str_maxchar(items[i]);
                if (m > maxchar)
                    maxchar = m;
            }
    } else if (kind > 1) {
        maxchar = 0;
        if (SKIND(sep) == kind)
            maxchar = ft_str_maxchar(sep);
        for (ssize_t i = 0; i < n; i++)
            if (SKIND(items[i]) == kind) {
                uint32_t m = ft_str_maxchar(items[i]);
                if (m > maxchar)
                    maxchar = m;
            }
    }
    FtObject *r = ft_str_new(total, maxchar);
    if (!r) {
        FT_DECREF(seq);
        return NULL;
    }
    int rk = SKIND(r);
    char *out = FT_STR_DATA(r);
    ssize_t pos = 0;
    for (ssize_t i = 0; i < n; i++) {
        if (i && seplen) {
            if (SKIND(sep) == rk)
                memcpy(out + pos * rk, FT_STR_DATA(sep), (size_t)seplen * rk);
            else
                for (ssize_t j = 0; j < seplen; j++)
                    kwrite(rk, out, pos + j, ft_str_read(sep, j));
            pos += seplen;
        }
        FtObject *it = items[i];
        ssize_t l = FT_STR_LEN(it);
        if (SKIND(it) == rk)
            memcpy(out + pos * rk, FT_STR_DATA(it), (size_t)l * rk);
        else
            for (ssize_t j = 0; j < l; j++)
                kwrite(rk, out, pos + j, ft_str_read(it, j));
        pos += l;
    }
    FT_DECREF(seq);
    return r;
}

static FtObject *str_join_m(FtObject *self, FtObject *iterable) {
    return ft_str_join(self, iterable);
}

/* ---- strip ------------------------------------------------------------------------- */

static int in_chars(FtObject *chars, uint32_t c) {
    ssize_t n = FT_STR_LEN(chars);
    for (ssize_t i = 0; i < n; i++)
        if (ft_str_read(chars, i) == c)
            return 1;
    return 0;
}

static FtObject *strip_impl(FtObject *self, FtObject *const *args, ssize_t nargs, int left,
                            int right, const char *name) {
    if (ft_check_nargs(name, nargs, 0, 1) < 0)
        return NULL;
    FtObject *chars = nargs ? args[0] : NULL;
    if (chars == FT_NONE)
        chars = NULL;
    if (chars && !ft_str_check(chars))
        return ft_err_format(ft_exc_TypeError, "%s arg must be None or str", name);
    ssize_t len = FT_STR_LEN(self), i = 0, j = len;
    int k = SKIND(self);
    const void *d = FT_STR_DATA(self);
    if (left)
        while (i < j && (chars ? in_chars(chars, kread(k, d, i)) : ft_uni_isspace(kread(k, d, i))))
            i++;
    if (right)
        while (j > i &&
               (chars ? in_chars(chars, kread(k, d, j - 1)) : ft_uni_isspace(kread(k, d, j - 1))))
            j--;
    if (i == 0 && j == len)
        return str_exact(self);
    return ft_str_substring(self, i, j);
}

static FtObject *str_strip_m(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return strip_impl(self, args, nargs, 1, 1, "strip");
}
static FtObject *str_lstrip_m(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return strip_impl(self, args, nargs, 1, 0, "lstrip");
}
static FtObject *str_rstrip_m(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return strip_impl(self, args, nargs, 0, 1, "rstrip");
}

/* ---- replace ----------------------------------------------------------------------- */

static FtObject *replace_impl(FtObject *s, FtObject *old, FtObject *new, ssize_t count) {
    ssize_t len = FT_STR_LEN(s), m = FT_STR_LEN(old), nl = FT_STR_LEN(new);
    if (count < 0)
        count = SSIZE_MAX;
    ssize_t n = ft_str_count_sub(s, old, 0, len, count);
    if (n == 0)
        return str_exact(s);
    if (SKIND(s) == 1 && SKIND(old) == 1 && SKIND(new) == 1 && m == 1 && nl == 1) {
        /* one character for another: a byte loop */
        uint8_t from = *(uint8_t *)FT_STR_DATA(old), to = *(uint8_t *)FT_STR_DATA(new);
        char *buf = ft_mem_alloc(len + 1);
        if (!buf)
            return NULL;
        memcpy(buf, FT_STR_DATA(s), len);
        ssize_t left = n;
        for (ssize_t i = 0; i < len && left; i++)
            if ((uint8_t)buf[i] == from) {
                buf[i] = (char)to;
                left--;
            }
        FtObject *r = (SASCII(s) && SASCII(new)) ? ft_str_from_ascii(buf, len)
                                                 : ft_str_from_kind(1, buf, len);
        ft_mem_free(buf);
        return r;
    }
    if (SKIND(s) == 1 && SKIND(old) == 1 && SKIND(new) == 1 && m > 0) {
        /* the common case: one-byte text, copied segment by segment */
        ssize_t total = len + n * (nl - m);
        char *buf = ft_mem_alloc(total + 1);
        if (!buf)
            return NULL;
        const char *d = FT_STR_DATA(s), *nd = FT_STR_DATA(new);
        ssize_t i = 0, w = 0;
        for (ssize_t c = 0; c < n; c++) {
            ssize_t j = ft_str_find_sub(s, old, i, len, 1);
            memcpy(buf + w, d + i, j - i);
            w += j - i;
            memcpy(buf + w, nd, nl);
            w += nl;
            i = j + m;
        }
        memcpy(buf + w, d + i, len - i);
        w += len - i;
        FtObject *r = (SASCII(s) && SASCII(new)) ? ft_str_from_ascii(buf, w)
                                                 : ft_str_from_kind(1, buf, w);
        ft_mem_free(buf);
        return r;
    }
    FtStrBuilder sb;
    ft_sb_init(&sb);
    ssize_t i = 0;
    if (m == 0) {
        for (ssize_t c = 0; c < n; c++) {
            if (ft_sb_append_str(&sb, new) < 0)
                goto fail;
            if (i < len && ft_sb_append_char(&sb, ft_str_read(s, i++)) < 0)
                goto fail;
        }
    } else {
        for (ssize_t c = 0; c < n; c++) {
            ssize_t j = ft_str_find_sub(s, old, i, len, 1);
            for (ssize_t x = i; x < j; x++)
                if (ft_sb_append_char(&sb, ft_str_read(s, x)) < 0)
                    goto fail;
            if (nl && ft_sb_append_str(&sb, new) < 0)
                goto fail;
            i = j + m;
        }
    }
    for (; i < len; i++)
        if (ft_sb_append_char(&sb, ft_str_read(s, i)) < 0)
            goto fail;
    return ft_sb_finish(&sb);
fail:
    ft_sb_discard(&sb);
    return NULL;
}

static FtObject *str_replace_m(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("replace", nargs, 2, 3) < 0)
        return NULL;
    for (int i = 0; i < 2; i++)
        if (!ft_str_check(args[i]))
            return ft_err_format(ft_exc_TypeError, "replace() argument %d must be str, not %s",
                                 i + 1, ft_arg_type_name(args[i]));
    ssize_t count = -1;
    if (nargs > 2 && get_ssize(args[2], &count) < 0)
        return NULL;
    return replace_impl(self, args[0], args[1], count);
}

/* ---- find family ------------------------------------------------------------------- */

static ssize_t find_common(FtObject *self, FtObject *const *args, ssize_t nargs,
                           const char *name, int dir) {
    if (old_nargs(name, nargs, 1, 3) < 0)
        return -2;
    if (need_str(args[0]) < 0)
        return -2;
    ssize_t start, end;
    if (ft_parse_start_end(args, nargs, 1, FT_STR_LEN(self), &start, &end) < 0)
        return -2;
    return ft_str_find_sub(self, args[0], start, end, dir);
}

static FtObject *str_find_m(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t r = find_common(self, args, nargs, "find", 1);
    return r == -2 ? NULL : ft_int_from_ssize(r);
}
static FtObject *str_rfind_m(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t r = find_common(self, args, nargs, "rfind", -1);
    return r == -2 ? NULL : ft_int_from_ssize(r);
}
static FtObject *str_index_m(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t r = find_common(self, args, nargs, "index", 1);
    if (r == -1)
        return ft_err_format(ft_exc_ValueError, "substring not found");
    return r == -2 ? NULL : ft_int_from_ssize(r);
}
static FtObject *str_rindex_m(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t r = find_common(self, args, nargs, "rindex", -1);
    if (r == -1)
        return ft_err_format(ft_exc_ValueError, "substring not found");
    return r == -2 ? NULL : ft_int_from_ssize(r);
}

static FtObject *str_count_m(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (old_nargs("count", nargs, 1, 3) < 0 || need_str(args[0]) < 0)
        return NULL;
    ssize_t start, end, len = FT_STR_LEN(self);
    if (ft_parse_start_end(args, nargs, 1, len, &start, &end) < 0)
        return NULL;
    if (start > len)
        return ft_int_from_ssize(0);
    return ft_int_from_ssize(ft_str_count_sub(self, args[0], start, end, -1));
}

static int tailmatch(FtObject *s, FtObject *sub, ssize_t start, ssize_t end, int dir) {
    ssize_t m = FT_STR_LEN(sub), len = FT_STR_LEN(s);
    ft_adjust_indices(len, &start, &end);
    end -= m;
    if (end < start || start > len)
        return 0;
    if (m == 0)
        return 1;
    if (SKIND(sub) > SKIND(s))
        return 0;
    ssize_t at = dir < 0 ? start : end;
    for (ssize_t j = 0; j < m; j++)
        if (ft_str_read(s, at + j) != ft_str_read(sub, j))
            return 0;
    return 1;
}

static FtObject *affix_match(FtObject *self, FtObject *const *args, ssize_t nargs,
                             const char *name, int dir) {
    if (old_nargs(name, nargs, 1, 3) < 0)
        return NULL;
    ssize_t start = 0, end = SSIZE_MAX;
    if (nargs > 1 && slice_index(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && slice_index(args[2], &end) < 0)
        return NULL;
    FtObject *x = args[0];
    if (ft_tuple_check(x)) {
        for (ssize_t i = 0; i < FT_SIZE(x); i++) {
            FtObject *it = FT_TUPLE_GET(x, i);
            if (!ft_str_check(it))
                return ft_err_format(ft_exc_TypeError,
                                     "tuple for %s must only contain str, not %T", name, it);
            if (tailmatch(self, it, start, end, dir))
                FT_RETURN_TRUE;
        }
        FT_RETURN_FALSE;
    }
    if (!ft_str_check(x))
        return ft_err_format(ft_exc_TypeError,
                             "%s first arg must be str or a tuple of str, not %T", name, x);
    return ft_bool_from(tailmatch(self, x, start, end, dir));
}

static FtObject *str_startswith_m(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return affix_match(self, args, nargs, "startswith", -1);
}
static FtObject *str_endswith_m(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return affix_match(self, args, nargs, "endswith", 1);
}

/* ---- case mapping ------------------------------------------------------------------ */

enum { CM_UPPER, CM_LOWER, CM_SWAP, CM_FOLD, CM_TITLE, CM_CAPITALIZE };

static int case_ignorable(uint32_t c) { return ft_uni_iscaseignorable(c); }

/* Capital sigma lowercases to final sigma at the end of a word (CPython's
 * handle_capital_sigma): preceded by a cased letter, not followed by one, skipping
 * case-ignorable characters both ways. */
static uint32_t lower_sigma(FtObject *s, ssize_t i) {
    ssize_t len = FT_STR_LEN(s), j = i - 1;
    while (j >= 0 && case_ignorable(ft_str_read(s, j)))
        j--;
    int before = j >= 0 && ft_uni_iscased(ft_str_read(s, j));
    j = i + 1;
    while (j < len && case_ignorable(ft_str_read(s, j)))
        j++;
    int after = j < len && ft_uni_iscased(ft_str_read(s, j));
    return before && !after ? 0x3c2 : 0x3c3;
}

enum { MAP_LOWER = FT_CASE_LOWER, MAP_TITLE = FT_CASE_TITLE, MAP_UPPER = FT_CASE_UPPER,
       MAP_FOLD = FT_CASE_FOLD };

static int put_case(FtStrBuilder *sb, uint32_t c, int how) {
    uint32_t m[3];
    int n = ft_uni_full_case(c, how, m);
    for (int i = 0; i < n; i++)
        if (ft_sb_append_char(sb, m[i]) < 0)
            return -1;
    return 0;
}

static int put_mapped(FtStrBuilder *sb, uint32_t c, int upper, int fold) {
    return put_case(sb, c, upper ? MAP_UPPER : fold ? MAP_FOLD : MAP_LOWER);
}

static int put_title(FtStrBuilder *sb, uint32_t c) { return put_case(sb, c, MAP_TITLE); }

static FtObject *case_map(FtObject *s, int mode) {
    ssize_t len = FT_STR_LEN(s);
    int k = SKIND(s);
    const void *d = FT_STR_DATA(s);
    if (SASCII(s)) {
        FtObject *r = ft_str_new(len, 127);
        if (!r)
            return NULL;
        const uint8_t *p = d;
        uint8_t *o = FT_STR_DATA(r);
        int prev_cased = 0;
        for (ssize_t i = 0; i < len; i++) {
            uint8_t c = p[i];
            int up = c >= 'A' && c <= 'Z', lo = c >= 'a' && c <= 'z';
            switch (mode) {
            case CM_UPPER: o[i] = lo ? c - 32 : c; break;
            case CM_LOWER: case CM_FOLD: o[i] = up ? c + 32 : c; break;
            case CM_SWAP: o[i] = lo ? c - 32 : up ? c + 32 : c; break;
            case CM_TITLE:
                o[i] = prev_cased ? (up ? c + 32 : c) : (lo ? c - 32 : c);
                prev_cased = up || lo;
                break;
            default:
                o[i] = i == 0 ? (lo ? c - 32 : c) : (up ? c + 32 : c);
                break;
            }
        }
        return r;
    }
    FtStrBuilder sb;
    ft_sb_init(&sb);
    int prev_cased = 0;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = kread(k, d, i);
        int rc;
        if (c == 0x3a3 && mode != CM_UPPER && mode != CM_FOLD) {
            /* capital sigma: lowered with its context unless it is kept upper-case */
            int keep = (mode == CM_TITLE && !prev_cased) || (mode == CM_CAPITALIZE && i == 0);
            rc = ft_sb_append_char(&sb, keep ? c : lower_sigma(s, i));
            if (mode == CM_TITLE)
                prev_cased = 1;
            if (rc < 0) {
                ft_sb_discard(&sb);
                return NULL;
            }
            continue;
        }
        switch (mode) {
        case CM_UPPER: rc = put_mapped(&sb, c, 1, 0); break;
        case CM_LOWER: rc = put_mapped(&sb, c, 0, 0); break;
        case CM_FOLD: rc = put_mapped(&sb, c, 0, 1); break;
        case CM_SWAP:
            rc = ft_uni_isupper(c) ? put_mapped(&sb, c, 0, 0)
               : ft_uni_islower(c) ? put_mapped(&sb, c, 1, 0) : ft_sb_append_char(&sb, c);
            break;
        case CM_TITLE:
            rc = prev_cased ? put_mapped(&sb, c, 0, 0) : put_title(&sb, c);
            prev_cased = ft_uni_iscased(c);
            break;
        default:
            rc = i == 0 ? put_title(&sb, c) : put_mapped(&sb, c, 0, 0);
            break;
        }
        if (rc < 0) {
            ft_sb_discard(&sb);
            return NULL;
        }
    }
    return ft_sb_finish(&sb);
}

static FtObject *str_upper_m(FtObject *self, FtObject *u) { return case_map(self, CM_UPPER); }
static FtObject *str_lower_m(FtObject *self, FtObject *u) { return case_map(self, CM_LOWER); }
static FtObject *str_swapcase_m(FtObject *self, FtObject *u) { return case_map(self, CM_SWAP); }
static FtObject *str_casefold_m(FtObject *self, FtObject *u) { return case_map(self, CM_FOLD); }
static FtObject *str_title_m(FtObject *self, FtObject *u) { return case_map(self, CM_TITLE); }
static FtObject *str_capitalize_m(FtObject *self, FtObject *u) {
    return case_map(self, CM_CAPITALIZE);
}

/* ---- predicates ---------------------------------------------------------------------- */

#define PREDICATE(name, test)                                                 \
    static FtObject *str_##name##_m(FtObject *self, FtObject *u) {            \
        ssize_t len = FT_STR_LEN(self);                                       \
        if (len == 0)                                                         \
            FT_RETURN_FALSE;                                                  \
        for (ssize_t i = 0; i < len; i++)                                     \
            if (!test(ft_str_read(self, i)))                                  \
                FT_RETURN_FALSE;                                              \
        FT_RETURN_TRUE;                                                       \
    }
PREDICATE(isdigit, ft_uni_isdigit)
PREDICATE(isdecimal, ft_uni_isdecimal)
PREDICATE(isnumeric, ft_uni_isnumeric)
PREDICATE(isalpha, ft_uni_isalpha)
PREDICATE(isalnum, ft_uni_isalnum)
PREDICATE(isspace, ft_uni_isspace)

static FtObject *str_isupper_m(FtObject *self, FtObject *u) {
    ssize_t len = FT_STR_LEN(self);
    int cased = 0;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = ft_str_read(self, i);
        if (ft_uni_islower(c) || ft_uni_istitle(c))
            FT_RETURN_FALSE;
        if (ft_uni_isupper(c))
            cased = 1;
    }
    return ft_bool_from(cased);
}

static FtObject *str_islower_m(FtObject *self, FtObject *u) {
    ssize_t len = FT_STR_LEN(self);
    int cased = 0;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = ft_str_read(self, i);
        if (ft_uni_isupper(c) || ft_uni_istitle(c))
            FT_RETURN_FALSE;
        if (ft_uni_islower(c))
            cased = 1;
    }
    return ft_bool_from(cased);
}

static FtObject *str_istitle_m(FtObject *self, FtObject *u) {
    ssize_t len = FT_STR_LEN(self);
    int cased = 0, prev_cased = 0;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = ft_str_read(self, i);
        if (ft_uni_isupper(c) || ft_uni_istitle(c)) {
            if (prev_cased)
                FT_RETURN_FALSE;
            prev_cased = cased = 1;
        } else if (ft_uni_islower(c)) {
            if (!prev_cased)
                FT_RETURN_FALSE;
            prev_cased = cased = 1;
        } else
            prev_cased = 0;
    }
    return ft_bool_from(cased);
}

int ft_str_isidentifier(FtObject *s) {
    ssize_t len = FT_STR_LEN(s);
    if (len == 0 || !ft_uni_isidstart(ft_str_read(s, 0)))
        return 0;
    for (ssize_t i = 1; i < len; i++)
        if (!ft_uni_isidcontinue(ft_str_read(s, i)))
            return 0;
    return 1;
}

static FtObject *str_isidentifier_m(FtObject *self, FtObject *u) {
    return ft_bool_from(ft_str_isidentifier(self));
}

static FtObject *str_isprintable_m(FtObject *self, FtObject *u) {
    ssize_t len = FT_STR_LEN(self);
    for (ssize_t i = 0; i < len; i++)
        if (!ft_uni_isprintable(ft_str_read(self, i)))
            FT_RETURN_FALSE;
    FT_RETURN_TRUE;
}

static FtObject *str_isascii_m(FtObject *self, FtObject *u) { return ft_bool_from(SASCII(self)); }

/* ---- padding --------------------------------------------------------------------- */

static FtObject *pad(FtObject *s, ssize_t left, ssize_t right, uint32_t fill) {
    if (left < 0)
        left = 0;
    if (right < 0)
        right = 0;
    if (left == 0 && right == 0)
        return str_exact(s);
    ssize_t len = FT_STR_LEN(s);
    uint32_t m = SASCII(s) ? 127 : ft_str_maxchar(s);
    if (fill > m)
        m = fill;
    FtObject *r = ft_str_new(left + len + right, m);
    if (!r)
        return NULL;
    int k = SKIND(r);
    void *o = FT_STR_DATA(r);
    for (ssize_t i = 0; i < left; i++)
        kwrite(k, o, i, fill);
    for (ssize_t i = 0; i < len; i++)
        kwrite(k, o, left + i, ft_str_read(s, i));
    for (ssize_t i = 0; i < right; i++)
        kwrite(k, o, left + len + i, fill);
    return r;
}

static int pad_args(const char *name, FtObject *const *args, ssize_t nargs, ssize_t *width,
                    uint32_t *fill) {
    if (ft_check_nargs(name, nargs, 1, 2) < 0)
        return -1;
    if (get_ssize(args[0], width) < 0)
        return -1;
    *fill = ' ';
    if (nargs > 1) {
        if (!ft_str_check(args[1])) {
            ft_err_format(ft_exc_TypeError,
                          "The fill character must be a unicode character, not %T", args[1]);
            return -1;
        }
        if (FT_STR_LEN(args[1]) != 1) {
            ft_err_format(ft_exc_TypeError, "The fill character must be exactly one character long");
            return -1;
        }
        *fill = ft_str_read(args[1], 0);
    }
    return 0;
}

static FtObject *str_center_m(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t width;
    uint32_t fill;
    if (pad_args("center", args, nargs, &width, &fill) < 0)
        return NULL;
    ssize_t len = FT_STR_LEN(self);
    if (width <= len)
        return str_exact(self);
    ssize_t marg = width - len;
    ssize_t left = marg / 2 + (marg & width & 1);
    return pad(self, left, marg - left, fill);
}

static FtObject *str_ljust_m(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t width;
    uint32_t fill;
    if (pad_args("ljust", args, nargs, &width, &fill) < 0)
        return NULL;
    return pad(self, 0, width - FT_STR_LEN(self), fill);
}

static FtObject *str_rjust_m(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t width;
    uint32_t fill;
    if (pad_args("rjust", args, nargs, &width, &fill) < 0)
        return NULL;
    return pad(self, width - FT_STR_LEN(self), 0, fill);
}

static FtObject *str_zfill_m(FtObject *self, FtObject *arg) {
    ssize_t width;
    if (get_ssize(arg, &width) < 0)
        return NULL;
    ssize_t len = FT_STR_LEN(self);
    if (width <= len)
        return str_exact(self);
    FtObject *r = pad(self, width - len, 0, '0');
    if (!r)
        return NULL;
    int k = SKIND(r);
    void *o = FT_STR_DATA(r);
    uint32_t first = kread(k, o, width - len);
    if (first == '+' || first == '-') {
        kwrite(k, o, 0, first);
        kwrite(k, o, width - len, '0');
    }
    return r;
}

/* ---- partition ------------------------------------------------------------------- */

static FtObject *partition_impl(FtObject *self, FtObject *sep, int right) {
    if (need_str(sep) < 0)
        return NULL;
    if (FT_STR_LEN(sep) == 0)
        return ft_err_format(ft_exc_ValueError, "empty separator");
    ssize_t len = FT_STR_LEN(self);
    ssize_t i = ft_str_find_sub(self, sep, 0, len, right ? -1 : 1);
    FtObject *a, *b, *c;
    if (i < 0) {
        if (right) {
            a = EMPTY();
            b = EMPTY();
            c = str_exact(self);
        } else {
            a = str_exact(self);
            b = EMPTY();
            c = EMPTY();
        }
    } else {
        a = ft_str_substring(self, 0, i);
        b = str_exact(sep);
        c = ft_str_substring(self, i + FT_STR_LEN(sep), len);
    }
    if (!a || !b || !c) {
        FT_XDECREF(a);
        FT_XDECREF(b);
        FT_XDECREF(c);
        return NULL;
    }
    FtObject *items[3] = {a, b, c};
    return ft_tuple_from_array_steal(items, 3);
}

static FtObject *str_partition_m(FtObject *self, FtObject *sep) {
    return partition_impl(self, sep, 0);
}
static FtObject *str_rpartition_m(FtObject *self, FtObject *sep) {
    return partition_impl(self, sep, 1);
}

/* ---- splitlines, expandtabs ------------------------------------------------------- */

static FtObject *str_splitlines_m(FtObject *self, FtObject *const *args, ssize_t nargs,
                                  FtObject *kwnames) {
    static const char *const kwlist[] = {"keepends", NULL};
    FtObject *a[1];
    if (ft_parse_args("splitlines", args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return NULL;
    int keepends = 0;
    if (a[0]) {
        ssize_t v;
        if (ft_float_check(a[0])) {
            ft_err_format(ft_exc_TypeError, "'float' object cannot be interpreted as an integer");
            return NULL;
        }
        if (get_ssize(a[0], &v) < 0)
            return NULL;
        keepends = v != 0;
    }
    FtObject *list = ft_list_new(0);
    if (!list)
        return NULL;
    ssize_t len = FT_STR_LEN(self), i = 0;
    while (i < len) {
        ssize_t j = i;
        while (j < len && !ft_uni_islinebreak(ft_str_read(self, j)))
            j++;
        ssize_t eol = j;
        if (j < len) {
            if (ft_str_read(self, j) == '\r' && j + 1 < len && ft_str_read(self, j + 1) == '\n')
                j += 2;
            else
                j++;
            if (keepends)
                eol = j;
        }
        if (list_add_sub(list, self, i, eol) < 0) {
            FT_DECREF(list);
            return NULL;
        }
        i = j;
    }
    return list;
}

static FtObject *str_expandtabs_m(FtObject *self, FtObject *const *args, ssize_t nargs,
                                  FtObject *kwnames) {
    static const char *const kwlist[] = {"tabsize", NULL};
    FtObject *a[1];
    if (ft_parse_args("expandtabs", args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return NULL;
    ssize_t tab = 8;
    if (a[0] && get_ssize(a[0], &tab) < 0)
        return NULL;
    FtStrBuilder sb;
    ft_sb_init(&sb);
    ssize_t len = FT_STR_LEN(self), col = 0;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = ft_str_read(self, i);
        if (c == '\t') {
            if (tab > 0) {
                ssize_t n = tab - col % tab;
                col += n;
                while (n--)
                    if (ft_sb_append_char(&sb, ' ') < 0)
                        goto fail;
            }
        } else {
            if (ft_sb_append_char(&sb, c) < 0)
                goto fail;
            col++;
            if (c == '\n' || c == '\r')
                col = 0;
        }
    }
    return ft_sb_finish(&sb);
fail:
    ft_sb_discard(&sb);
    return NULL;
}

/* ---- prefix/suffix, encode ------------------------------------------------------- */

static FtObject *str_removeprefix_m(FtObject *self, FtObject *arg) {
    if (!ft_str_check(arg))
        return ft_err_format(ft_exc_TypeError, "removeprefix() argument must be str, not %s",
                             ft_arg_type_name(arg));
    if (tailmatch(self, arg, 0, SSIZE_MAX, -1))
        return ft_str_substring(self, FT_STR_LEN(arg), FT_STR_LEN(self));
    return str_exact(self);
}

static FtObject *str_removesuffix_m(FtObject *self, FtObject *arg) {
    if (!ft_str_check(arg))
        return ft_err_format(ft_exc_TypeError, "removesuffix() argument must be str, not %s",
                             ft_arg_type_name(arg));
    if (FT_STR_LEN(arg) && tailmatch(self, arg, 0, SSIZE_MAX, 1))
        return ft_str_substring(self, 0, FT_STR_LEN(self) - FT_STR_LEN(arg));
    return str_exact(self);
}

static FtObject *str_encode_m(FtObject *self, FtObject *const *args, ssize_t nargs,
                              FtObject *kwnames) {
    static const char *const kwlist[] = {"encoding", "errors", NULL};
    FtObject *a[2];
    if (ft_parse_args("encode", args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return NULL;
    const char *enc, *errs;
    if (ft_codec_get_names("encode", a[0], a[1], &enc, &errs) < 0)
        return NULL;
    return ft_codec_encode(self, enc, errs);
}

/* ---- maketrans / translate ---------------------------------------------------------- */

static FtObject *str_maketrans_m(FtObject *unused, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("maketrans", nargs, 1, 3) < 0)
        return NULL;
    FtObject *d = ft_dict_new();
    if (!d)
        return NULL;
    if (nargs == 1) {
        FtObject *x = args[0];
        if (!ft_dict_check(x)) {
            ft_err_format(ft_exc_TypeError,
                          "if you give only one argument to maketrans it must be a dict");
            goto fail;
        }
        ssize_t pos = 0;
        FtObject *k, *v;
        while (ft_dict_next(x, &pos, &k, &v)) {
            if (ft_str_check(k)) {
                if (FT_STR_LEN(k) != 1) {
                    ft_err_format(ft_exc_ValueError,
                                  "string keys in translate table must be of length 1");
                    goto fail;
                }
                FtObject *key = ft_int_from_i64(ft_str_read(k, 0));
                int rc = key ? ft_dict_set(d, key, v) : -1;
                FT_XDECREF(key);
                if (rc < 0)
                    goto fail;
            } else if (ft_int_check(k)) {
                if (ft_dict_set(d, k, v) < 0)
                    goto fail;
            } else {
                ft_err_format(ft_exc_TypeError, "keys in translate table must be strings or integers");
                goto fail;
            }
        }
        return d;
    }
    for (int i = 0; i < nargs; i++)
        if (!ft_str_check(args[i])) {
            ft_err_format(ft_exc_TypeError, "maketrans() argument %d must be str, not %s", i + 1,
                          ft_arg_type_name(args[i]));
            goto fail;
        }
    ssize_t n = FT_STR_LEN(args[0]);
    if (n != FT_STR_LEN(args[1])) {
        ft_err_format(ft_exc_ValueError,
                      "the first two maketrans arguments must have equal length");
        goto fail;
    }
    for (ssize_t i = 0; i < n; i++) {
        FtObject *k = ft_int_from_i64(ft_str_read(args[0], i));
        FtObject *v = ft_int_from_i64(ft_str_read(args[1], i));
        int rc = k && v ? ft_dict_set(d, k, v) : -1;
        FT_XDECREF(k);
        FT_XDECREF(v);
        if (rc < 0)
            goto fail;
    }
    if (nargs == 3) {
        for (ssize_t i = 0; i < FT_STR_LEN(args[2]); i++) {
            FtObject *k = ft_int_from_i64(ft_str_read(args[2], i));
            int rc = k ? ft_dict_set(d, k, FT_NONE) : -1;
            FT_XDECREF(k);
            if (rc < 0)
                goto fail;
        }
    }
    return d;
fail:
    FT_DECREF(d);
    return NULL;
}

static FtObject *str_translate_m(FtObject *self, FtObject *table) {
    FtStrBuilder sb;
    ft_sb_init(&sb);
    ssize_t len = FT_STR_LEN(self);
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = ft_str_read(self, i);
        FtObject *key = ft_int_from_i64(c);
        if (!key)
            goto fail;
        FtObject *v = ft_object_getitem(table, key);
        FT_DECREF(key);
        if (!v) {
            if (!ft_err_matches(ft_exc_LookupError))
                goto fail;
            ft_err_clear();
            if (ft_sb_append_char(&sb, c) < 0)
                goto fail;
            continue;
        }
        int rc = 0;
        if (v == FT_NONE) {
        } else if (ft_int_check(v)) {
            int ovf = 0;
            int64_t x = ft_int_as_i64(v, &ovf);
            if (ovf || x < 0 || x >= 0x110000) {
                ft_err_format(ft_exc_ValueError, "character mapping must be in range(0x110000)");
                rc = -1;
            } else
                rc = ft_sb_append_char(&sb, (uint32_t)x);
        } else if (ft_str_check(v)) {
            rc = ft_sb_append_str(&sb, v);
        } else {
            ft_err_format(ft_exc_TypeError, "character mapping must return integer, None or str");
            rc = -1;
        }
        FT_DECREF(v);
        if (rc < 0)
            goto fail;
    }
    return ft_sb_finish(&sb);
fail:
    ft_sb_discard(&sb);
    return NULL;
}

/* ---- format ---------------------------------------------------------------------- */

static FtObject *str_format_m(FtObject *self, FtObject *const *args, ssize_t nargs,
                              FtObject *kwnames) {
    return ft_str_format_method(self, args, nargs, kwnames);
}

static FtObject *str_format_map_m(FtObject *self, FtObject *mapping) {
    return ft_str_format_map(self, mapping);
}

static FtObject *str_dunder_format_m(FtObject *self, FtObject *spec) {
    if (!ft_str_check(spec))
        return ft_err_format(ft_exc_TypeError, "__format__() argument must be str, not %s",
                             ft_arg_type_name(spec));
    return ft_format_str(self, spec);
}

static FtObject *str_getnewargs_m(FtObject *self, FtObject *u) {
    FtObject *s = str_exact(self);
    if (!s)
        return NULL;
    FtObject *items[1] = {s};
    return ft_tuple_from_array_steal(items, 1);
}

static FtObject *str_sizeof_m(FtObject *self, FtObject *u) {
    FtStr *s = (FtStr *)self;
    ssize_t n = (ssize_t)sizeof(FtStr) + (FT_STR_LEN(self) + 1) * s->kind;
    if (s->utf8 && !s->ascii)
        n += s->utf8_len + 1;
    return ft_int_from_ssize(n);
}

#define M(name, fn, flags) {name, (void *)fn, flags, NULL}
#define FK (FT_METH_FASTCALL | FT_METH_KEYWORDS)
FtMethodDef ft_str_methods[] = {
    M("split", str_split_m, FK),
    M("rsplit", str_rsplit_m, FK),
    M("join", str_join_m, FT_METH_O),
    M("strip", str_strip_m, FT_METH_FASTCALL),
    M("lstrip", str_lstrip_m, FT_METH_FASTCALL),
    M("rstrip", str_rstrip_m, FT_METH_FASTCALL),
    M("replace", str_replace_m, FT_METH_FASTCALL),
    M("find", str_find_m, FT_METH_FASTCALL),
    M("rfind", str_rfind_m, FT_METH_FASTCALL),
    M("index", str_index_m, FT_METH_FASTCALL),
    M("rindex", str_rindex_m, FT_METH_FASTCALL),
    M("count", str_count_m, FT_METH_FASTCALL),
    M("startswith", str_startswith_m, FT_METH_FASTCALL),
    M("endswith", str_endswith_m, FT_METH_FASTCALL),
    M("upper", str_upper_m, FT_METH_NOARGS),
    M("lower", str_lower_m, FT_METH_NOARGS),
    M("capitalize", str_capitalize_m, FT_METH_NOARGS),
    M("title", str_title_m, FT_METH_NOARGS),
    M("swapcase", str_swapcase_m, FT_METH_NOARGS),
    M("casefold", str_casefold_m, FT_METH_NOARGS),
    M("isdigit", str_isdigit_m, FT_METH_NOARGS),
    M("isdecimal", str_isdecimal_m, FT_METH_NOARGS),
    M("isnumeric", str_isnumeric_m, FT_METH_NOARGS),
    M("isalpha", str_isalpha_m, FT_METH_NOARGS),
    M("isalnum", str_isalnum_m, FT_METH_NOARGS),
    M("isspace", str_isspace_m, FT_METH_NOARGS),
    M("isupper", str_isupper_m, FT_METH_NOARGS),
    M("islower", str_islower_m, FT_METH_NOARGS),
    M("istitle", str_istitle_m, FT_METH_NOARGS),
    M("isidentifier", str_isidentifier_m, FT_METH_NOARGS),
    M("isprintable", str_isprintable_m, FT_METH_NOARGS),
    M("isascii", str_isascii_m, FT_METH_NOARGS),
    M("zfill", str_zfill_m, FT_METH_O),
    M("center", str_center_m, FT_METH_FASTCALL),
    M("ljust", str_ljust_m, FT_METH_FASTCALL),
    M("rjust", str_rjust_m, FT_METH_FASTCALL),
    M("partition", str_partition_m, FT_METH_O),
    M("rpartition", str_rpartition_m, FT_METH_O),
    M("splitlines", str_splitlines_m, FK),
    M("expandtabs", str_expandtabs_m, FK),
    M("removeprefix", str_removeprefix_m, FT_METH_O),
    M("removesuffix", str_removesuffix_m, FT_METH_O),
    M("encode", str_encode_m, FK),
    M("format", str_format_m, FK),
    M("format_map", str_format_map_m, FT_METH_O),
    M("__format__", str_dunder_format_m, FT_METH_O),
    M("maketrans", str_maketrans_m, FT_METH_FASTCALL | FT_METH_STATIC),
    M("translate", str_translate_m, FT_METH_O),
    M("__getnewargs__", str_getnewargs_m, FT_METH_NOARGS),
    M("__sizeof__", str_sizeof_m, FT_METH_NOARGS),
    {NULL, NULL, 0, NULL},
};
