/* str: the immutable Unicode string (PEP 393 layout, see core/types.h), its constructor,
 * slots (hash, compare, concat, repeat, subscript, contains, iteration, repr), the
 * interning table, the cached one-character strings, ft_str_from_format and
 * ft_text_init. The methods live in strmethods.c, character tables in strtables.c.
 *
 * Invariant: a str is always stored in the narrowest kind that holds its largest code
 * point, so two strings are equal iff kind, length and data bytes are equal. */
#define _GNU_SOURCE /* memmem */
#include "core/objects/strinternal.h"
#include "runtime/tstate.h"
#include <locale.h>
#include <pthread.h>
#include <string.h>
#include <wchar.h>

static FtStr *empty_str;
static FtStr *char_cache[256];

/* ---- allocation ------------------------------------------------------------------- */

static int kind_for(uint32_t maxchar) { return maxchar < 256 ? 1 : maxchar < 65536 ? 2 : 4; }

static FtObject *str_alloc(FtType *type, ssize_t len, uint32_t maxchar) {
    int kind = kind_for(maxchar);
    if (len < 0 || len > (SSIZE_MAX - (ssize_t)sizeof(FtStr)) / 4 - 1)
        return ft_err_no_memory();
    FtObject *o = type == &ft_str_type ? ft_object_alloc_var(type, (len + 1) * kind)
                                       : ft_type_generic_alloc(type, (len + 1) * kind);
    if (!o)
        return NULL;
    FtStr *s = (FtStr *)o;
    FT_SIZE(o) = len;
    s->hash = -1;
    s->kind = (uint8_t)kind;
    s->ascii = maxchar < 128;
    s->interned = 0;
    if (s->ascii) {
        s->utf8 = (char *)(s + 1);
        s->utf8_len = len;
    } else {
        s->utf8 = NULL;
        s->utf8_len = 0;
    }
    return o;
}

FtObject *ft_str_new(ssize_t len, uint32_t maxchar) {
    if (len == 0 && empty_str)
        return FT_NEWREF(empty_str);
    return str_alloc(&ft_str_type, len, maxchar);
}

static uint32_t data_maxchar(int kind, const void *data, ssize_t len) {
    uint32_t m = 0;
    if (kind == 1) {
        const uint8_t *p = data;
        for (ssize_t i = 0; i < len; i++)
            if (p[i] > m)
                m = p[i];
    } else if (kind == 2) {
        const uint16_t *p = data;
        for (ssize_t i = 0; i < len; i++)
            if (p[i] > m)
                m = p[i];
    } else {
        const uint32_t *p = data;
        for (ssize_t i = 0; i < len; i++)
            if (p[i] > m)
                m = p[i];
    }
    return m;
}

uint32_t ft_str_maxchar(FtObject *s) {
    if (SASCII(s))
        return 127;
    return data_maxchar(SKIND(s), FT_STR_DATA(s), FT_STR_LEN(s));
}

FtObject *ft_str_from_kind(int kind, const void *data, ssize_t len) {
    if (len == 1) {
        uint32_t c = kread(kind, data, 0);
        if (c < 256)
            return ft_str_from_char(c);
    }
    uint32_t m = data_maxchar(kind, data, len);
    FtObject *r = ft_str_new(len, m);
    if (!r || len == 0)
        return r;
    int rk = SKIND(r);
    if (rk == kind)
        memcpy(FT_STR_DATA(r), data, (size_t)len * kind);
    else
        for (ssize_t i = 0; i < len; i++)
            kwrite(rk, FT_STR_DATA(r), i, kread(kind, data, i));
    return r;
}

FtObject *ft_str_from_ascii(const char *s, ssize_t len) {
    if (len == 1)
        return ft_str_from_char((uint8_t)s[0]);
    FtObject *r = ft_str_new(len, 127);
    if (r && len)
        memcpy(FT_STR_DATA(r), s, len);
    return r;
}

FtObject *ft_str_from_latin1(const char *s, ssize_t len) {
    return ft_str_from_kind(1, s, len);
}

FtObject *ft_str_from_ucs4(const uint32_t *cp, ssize_t len) {
    return ft_str_from_kind(4, cp, len);
}

FtObject *ft_str_from_char(uint32_t cp) {
    if (cp < 256 && char_cache[cp])
        return FT_NEWREF(char_cache[cp]);
    FtObject *r = str_alloc(&ft_str_type, 1, cp);
    if (r)
        kwrite(SKIND(r), FT_STR_DATA(r), 0, cp);
    return r;
}

FtObject *ft_str_from_utf8(const char *s, ssize_t len) {
    return ft_codec_utf8_decode(s, len, FT_ERR_STRICT, "strict");
}

FtObject *ft_str_from_cstr(const char *s) { return ft_str_from_utf8(s, (ssize_t)strlen(s)); }

/* A str subclass instance holding the same text as `exact`. */
FtObject *ft_str_new_subtype(FtType *type, FtObject *exact) {
    ssize_t len = FT_STR_LEN(exact);
    FtObject *r = str_alloc(type, len, SASCII(exact) ? 127 : ft_str_maxchar(exact));
    if (!r)
        return NULL;
    memcpy(FT_STR_DATA(r), FT_STR_DATA(exact), (size_t)len * SKIND(exact));
    return r;
}

static void str_dealloc(FtObject *o) {
    FtStr *s = (FtStr *)o;
    if (s->utf8 && s->utf8 != (char *)(s + 1))
        ft_mem_free(s->utf8);
    FtType *t = FT_TYPE(o);
    if (t == &ft_str_type) {
        ft_object_free(o);
        return;
    }
    t->tp_free(o);
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(t);
}

/* ---- UTF-8 view -------------------------------------------------------------------- */

const char *ft_str_as_utf8_len(FtObject *o, ssize_t *len) {
    FtStr *s = (FtStr *)o;
    /* acquire: pairs with the release below, so utf8_len is visible with the pointer */
    char *u8 = __atomic_load_n(&s->utf8, __ATOMIC_ACQUIRE);
    if (!u8) {
        ssize_t n;
        char *u = ft_codec_utf8_encode_raw(o, &n);
        if (!u)
            return NULL;
        /* Racing threads compute the same length, so storing it before publishing the
         * pointer is harmless for the loser; the first buffer published wins. */
        __atomic_store_n(&s->utf8_len, n, __ATOMIC_RELAXED);
        char *expected = NULL;
        if (__atomic_compare_exchange_n(&s->utf8, &expected, u, false, __ATOMIC_RELEASE,
                                        __ATOMIC_ACQUIRE)) {
            u8 = u;
        } else {
            ft_mem_free(u);
            u8 = expected;
        }
    }
    if (len)
        *len = __atomic_load_n(&s->utf8_len, __ATOMIC_RELAXED);
    return u8;
}

const char *ft_str_as_utf8(FtObject *s) { return ft_str_as_utf8_len(s, NULL); }

/* ---- hashing: SipHash-1-3 over the canonical data bytes ------------------------------- */

#define ROTL(x, b) (uint64_t)(((x) << (b)) | ((x) >> (64 - (b))))
#define HALF_ROUND(a, b, c, d, s, t) \
    a += b; c += d; b = ROTL(b, s) ^ a; d = ROTL(d, t) ^ c; a = ROTL(a, 32);
#define SIP_ROUND(v0, v1, v2, v3)            \
    HALF_ROUND(v0, v1, v2, v3, 13, 16);      \
    HALF_ROUND(v2, v1, v0, v3, 17, 21);

static uint64_t siphash13(uint64_t k0, uint64_t k1, const void *src, size_t len) {
    uint64_t b = (uint64_t)len << 56;
    uint64_t v0 = k0 ^ 0x736f6d6570736575ULL, v1 = k1 ^ 0x646f72616e646f6dULL;
    uint64_t v2 = k0 ^ 0x6c7967656e657261ULL, v3 = k1 ^ 0x7465646279746573ULL;
    const uint8_t *in = src;
    while (len >= 8) {
        uint64_t mi;
        memcpy(&mi, in, 8);
        in += 8;
        len -= 8;
        v3 ^= mi;
        SIP_ROUND(v0, v1, v2, v3);
        v0 ^= mi;
    }
    uint64_t t = 0;
    uint8_t *pt = (uint8_t *)&t;
    switch (len) {
    case 7: pt[6] = in[6]; /* fall through */
    case 6: pt[5] = in[5]; /* fall through */
    case 5: pt[4] = in[4]; /* fall through */
    case 4: pt[3] = in[3]; /* fall through */
    case 3: pt[2] = in[2]; /* fall through */
    case 2: pt[1] = in[1]; /* fall through */
    case 1: pt[0] = in[0]; /* fall through */
    default: break;
    }
    b |= t;
    v3 ^= b;
    SIP_ROUND(v0, v1, v2, v3);
    v0 ^= b;
    v2 ^= 0xff;
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    SIP_ROUND(v0, v1, v2, v3);
    return (v0 ^ v1) ^ (v2 ^ v3);
}

/* A fixed key keeps runs reproducible (the research harness wants that more than
 * protection against hash flooding). */
static const uint64_t hash_k0 = 0x0706050403020100ULL, hash_k1 = 0x0f0e0d0c0b0a0908ULL;

ft_hash_t ft_str_hash_bytes(const void *data, ssize_t len) {
    if (len == 0)
        return 0;
    ft_hash_t h = (ft_hash_t)siphash13(hash_k0, hash_k1, data, (size_t)len);
    return h == -1 ? -2 : h;
}

ft_hash_t ft_str_hash(FtObject *o) {
    FtStr *s = (FtStr *)o;
    ft_hash_t h = __atomic_load_n(&s->hash, __ATOMIC_RELAXED);
    if (h != -1)
        return h;
    h = ft_str_hash_bytes(s + 1, FT_STR_LEN(o) * s->kind);
    /* Benign race: every thread computes the same value. */
    __atomic_store_n(&s->hash, h, __ATOMIC_RELAXED);
    return h;
}

/* ---- comparison ------------------------------------------------------------------- */

int ft_str_eq(FtObject *a, FtObject *b) {
    if (a == b)
        return 1;
    ssize_t n = FT_STR_LEN(a);
    if (n != FT_STR_LEN(b) || SKIND(a) != SKIND(b))
        return 0;
    FtStr *sa = (FtStr *)a, *sb = (FtStr *)b;
    /* The cached hashes may be filled in by another thread (ft_str_hash): atomic loads. */
    ft_hash_t ha = __atomic_load_n(&sa->hash, __ATOMIC_RELAXED);
    ft_hash_t hb = __atomic_load_n(&sb->hash, __ATOMIC_RELAXED);
    if (ha != -1 && hb != -1 && ha != hb)
        return 0;
    return memcmp(FT_STR_DATA(a), FT_STR_DATA(b), (size_t)n * SKIND(a)) == 0;
}

int ft_str_eq_cstr(FtObject *s, const char *c) {
    if (SASCII(s)) {
        size_t n = strlen(c);
        return (ssize_t)n == FT_STR_LEN(s) && memcmp(FT_STR_DATA(s), c, n) == 0;
    }
    ssize_t n;
    const char *u = ft_str_as_utf8_len(s, &n);
    if (!u) {
        ft_err_clear();
        return 0;
    }
    return (size_t)n == strlen(c) && memcmp(u, c, n) == 0;
}

int ft_str_compare(FtObject *a, FtObject *b) {
    ssize_t la = FT_STR_LEN(a), lb = FT_STR_LEN(b), n = la < lb ? la : lb;
    int ka = SKIND(a), kb = SKIND(b);
    const void *da = FT_STR_DATA(a), *db = FT_STR_DATA(b);
    if (ka == 1 && kb == 1) {
        int c = memcmp(da, db, n);
        if (c)
            return c < 0 ? -1 : 1;
    } else {
        for (ssize_t i = 0; i < n; i++) {
            uint32_t x = kread(ka, da, i), y = kread(kb, db, i);
            if (x != y)
                return x < y ? -1 : 1;
        }
    }
    return la < lb ? -1 : la > lb ? 1 : 0;
}

static FtObject *str_richcompare(FtObject *a, FtObject *b, int op) {
    if (!ft_str_check(a) || !ft_str_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    int r;
    if (op == FT_EQ || op == FT_NE) {
        r = ft_str_eq(a, b);
        if (op == FT_NE)
            r = !r;
        return ft_bool_from(r);
    }
    int c = ft_str_compare(a, b);
    switch (op) {
    case FT_LT: r = c < 0; break;
    case FT_LE: r = c <= 0; break;
    case FT_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return ft_bool_from(r);
}

/* ---- searching (shared by the methods) ------------------------------------------------ */

void ft_adjust_indices(ssize_t len, ssize_t *start, ssize_t *end) {
    if (*end > len)
        *end = len;
    else if (*end < 0) {
        *end += len;
        if (*end < 0)
            *end = 0;
    }
    if (*start < 0) {
        *start += len;
        if (*start < 0)
            *start = 0;
    }
}

static int match_at(FtObject *s, ssize_t i, FtObject *sub) {
    int ks = SKIND(s), kb = SKIND(sub);
    ssize_t m = FT_STR_LEN(sub);
    const char *ds = FT_STR_DATA(s), *db = FT_STR_DATA(sub);
    if (ks == kb)
        return memcmp(ds + i * ks, db, (size_t)m * ks) == 0;
    for (ssize_t j = 0; j < m; j++)
        if (kread(ks, ds, i + j) != kread(kb, db, j))
            return 0;
    return 1;
}

ssize_t ft_str_find_sub(FtObject *s, FtObject *sub, ssize_t start, ssize_t end, int dir) {
    ssize_t m = FT_STR_LEN(sub);
    if (start > end || end - start < m)
        return -1;
    if (m == 0)
        return dir > 0 ? start : end;
    /* A wider needle holds a code point the haystack cannot contain. */
    if (SKIND(sub) > SKIND(s))
        return -1;
    int k = SKIND(s);
    const char *d = FT_STR_DATA(s);
    if (dir > 0) {
        if (k == 1 && SKIND(sub) == 1) {
            const char *p;
            if (m == 1)
                p = memchr(d + start, *(const char *)FT_STR_DATA(sub), end - start);
            else
                p = memmem(d + start, end - start, FT_STR_DATA(sub), m);
            return p ? p - d : -1;
        }
        uint32_t first = ft_str_read(sub, 0);
        for (ssize_t i = start; i + m <= end; i++)
            if (kread(k, d, i) == first && match_at(s, i, sub))
                return i;
    } else {
        uint32_t first = ft_str_read(sub, 0);
        for (ssize_t i = end - m; i >= start; i--)
            if (kread(k, d, i) == first && match_at(s, i, sub))
                return i;
    }
    return -1;
}

ssize_t ft_str_count_sub(FtObject *s, FtObject *sub, ssize_t start, ssize_t end, ssize_t max) {
    ssize_t m = FT_STR_LEN(sub), n = 0;
    if (max < 0)
        max = SSIZE_MAX;
    if (start > end)
        return 0;
    if (m == 0) {
        ssize_t c = end - start + 1;
        return c < max ? c : max;
    }
    while (n < max) {
        ssize_t i = ft_str_find_sub(s, sub, start, end, 1);
        if (i < 0)
            break;
        n++;
        start = i + m;
    }
    return n;
}

/* ---- concatenation, slicing ----------------------------------------------------------- */

FtObject *ft_str_concat(FtObject *a, FtObject *b) {
    ssize_t la = FT_STR_LEN(a), lb = FT_STR_LEN(b);
    if (lb == 0 && ft_str_check_exact(a))
        return FT_NEWREF(a);
    if (la == 0 && ft_str_check_exact(b))
        return FT_NEWREF(b);
    if (la > SSIZE_MAX / 4 - lb)
        return ft_err_format(ft_exc_OverflowError, "strings are too large to concat");
    uint32_t ma = SASCII(a) ? 127 : ft_str_maxchar(a), mb = SASCII(b) ? 127 : ft_str_maxchar(b);
    FtObject *r = ft_str_new(la + lb, ma > mb ? ma : mb);
    if (!r)
        return NULL;
    int k = SKIND(r);
    char *d = FT_STR_DATA(r);
    if (SKIND(a) == k)
        memcpy(d, FT_STR_DATA(a), (size_t)la * k);
    else
        for (ssize_t i = 0; i < la; i++)
            kwrite(k, d, i, ft_str_read(a, i));
    if (SKIND(b) == k)
        memcpy(d + la * k, FT_STR_DATA(b), (size_t)lb * k);
    else
        for (ssize_t i = 0; i < lb; i++)
            kwrite(k, d, la + i, ft_str_read(b, i));
    return r;
}

/* s += t for the VM: when *left is an exact, uninterned str that nobody else references,
 * grow it in place (CPython's unicode_concatenate does the same), so that building a string
 * with += in a loop is linear. Otherwise a plain concatenation. Steals nothing: *left is
 * replaced by the result (the old reference released); 0 ok, -1 error (*left unchanged). */
int ft_str_append(FtObject **left, FtObject *right) {
    FtObject *a = *left;
    ssize_t la = FT_STR_LEN(a), lb = FT_STR_LEN(right);
    FtStr *s = (FtStr *)a;
    if (ft_str_check_exact(a) && ft_str_check(right) && FT_REFCNT(a) == 1 && !s->interned &&
        a != (FtObject *)empty_str && la > 0 && lb > 0 && SKIND(right) <= s->kind &&
        la <= SSIZE_MAX / 4 - lb - 1) {
        /* The result keeps the left's kind, which stays the narrowest one: every code
         * point of the right fits, and the left already needs this kind. */
        int k = s->kind;
        size_t need = sizeof(FtStr) + (size_t)(la + lb + 1) * k;
        if (s->utf8 && s->utf8 != (char *)(s + 1))
            ft_mem_free(s->utf8);
        s->utf8 = NULL;
        FtStr *n = ft_mem_realloc(s, need);
        if (!n) {
            if (s->ascii) /* the original block is intact: restore its view */
                s->utf8 = (char *)(s + 1);
            return -1;
        }
        char *d = (char *)(n + 1);
        if (SKIND(right) == k)
            memcpy(d + la * k, FT_STR_DATA(right), (size_t)lb * k);
        else
            for (ssize_t i = 0; i < lb; i++)
                kwrite(k, d, la + i, ft_str_read(right, i));
        kwrite(k, d, la + lb, 0);
        FT_SIZE(n) = la + lb;
        n->hash = -1;
        n->ascii = n->ascii && SASCII(right);
        n->utf8 = NULL;
        n->utf8_len = 0;
        if (n->ascii) {
            n->utf8 = d;
            n->utf8_len = la + lb;
        }
        *left = (FtObject *)n;
        return 0;
    }
    FtObject *r = ft_str_concat(a, right);
    if (!r)
        return -1;
    *left = r;
    FT_DECREF(a);
    return 0;
}

static FtObject *str_sq_concat(FtObject *a, FtObject *b) {
    if (!ft_str_check(a) || !ft_str_check(b)) {
        FtObject *bad = ft_str_check(a) ? b : a;
        return ft_err_format(ft_exc_TypeError, "can only concatenate str (not \"%T\") to str",
                             bad);
    }
    return ft_str_concat(a, b);
}

FtObject *ft_str_substring(FtObject *s, ssize_t start, ssize_t end) {
    ssize_t len = FT_STR_LEN(s);
    if (start < 0)
        start = 0;
    if (end > len)
        end = len;
    if (start >= end)
        return ft_str_new(0, 0);
    if (start == 0 && end == len && ft_str_check_exact(s))
        return FT_NEWREF(s);
    int k = SKIND(s);
    if (SASCII(s))
        return ft_str_from_ascii((const char *)FT_STR_DATA(s) + start, end - start);
    return ft_str_from_kind(k, (const char *)FT_STR_DATA(s) + start * k, end - start);
}

static FtObject *str_repeat(FtObject *s, ssize_t n) {
    ssize_t len = FT_STR_LEN(s);
    if (n <= 0 || len == 0)
        return ft_str_new(0, 0);
    if (n == 1 && ft_str_check_exact(s))
        return FT_NEWREF(s);
    if (len > SSIZE_MAX / n)
        return ft_err_format(ft_exc_OverflowError, "repeated string is too long");
    int k = SKIND(s);
    FtObject *r = str_alloc(&ft_str_type, len * n, SASCII(s) ? 127 : ft_str_maxchar(s));
    if (!r)
        return NULL;
    char *d = FT_STR_DATA(r);
    size_t chunk = (size_t)len * k, total = chunk * n;
    if (len == 1 && k == 1) {
        memset(d, *(char *)FT_STR_DATA(s), n);
    } else {
        memcpy(d, FT_STR_DATA(s), chunk);
        size_t done = chunk;
        while (done < total) {
            size_t c = done <= total - done ? done : total - done;
            memcpy(d + done, d, c);
            done += c;
        }
    }
    return r;
}

static ssize_t str_length(FtObject *s) { return FT_STR_LEN(s); }

static FtObject *str_item(FtObject *s, ssize_t i) {
    if (i < 0 || i >= FT_STR_LEN(s))
        return ft_err_format(ft_exc_IndexError, "string index out of range");
    return ft_str_from_char(ft_str_read(s, i));
}

static FtObject *str_subscript(FtObject *s, FtObject *key) {
    if (ft_index_check(key)) {
        ssize_t i = ft_number_as_ssize(key, ft_exc_IndexError);
        if (i == -1 && ft_err_occurred())
            return NULL;
        if (i < 0)
            i += FT_STR_LEN(s);
        return str_item(s, i);
    }
    if (ft_slice_check(key)) {
        ssize_t start, stop, step;
        if (ft_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        ssize_t n = ft_slice_adjust_indices(FT_STR_LEN(s), &start, &stop, step);
        if (step == 1)
            return ft_str_substring(s, start, start + n);
        if (n <= 0)
            return ft_str_new(0, 0);
        int k = SKIND(s);
        uint32_t *buf = ft_mem_alloc(sizeof(uint32_t) * n);
        if (!buf)
            return NULL;
        for (ssize_t i = 0, j = start; i < n; i++, j += step)
            buf[i] = kread(k, FT_STR_DATA(s), j);
        FtObject *r = ft_str_from_ucs4(buf, n);
        ft_mem_free(buf);
        return r;
    }
    return ft_err_format(ft_exc_TypeError, "string indices must be integers, not '%T'", key);
}

static int str_contains(FtObject *s, FtObject *sub) {
    if (!ft_str_check(sub)) {
        ft_err_format(ft_exc_TypeError, "'in <string>' requires string as left operand, not %T",
                      sub);
        return -1;
    }
    return ft_str_find_sub(s, sub, 0, FT_STR_LEN(s), 1) >= 0;
}

static FtObject *str_mod(FtObject *a, FtObject *b) {
    if (!ft_str_check(a))
        FT_RETURN_NOTIMPLEMENTED;
    return ft_str_percent_format(a, b);
}

/* ---- repr ------------------------------------------------------------------------ */

static const char hexdigits[] = "0123456789abcdef";

FtObject *ft_str_repr(FtObject *s) {
    ssize_t len = FT_STR_LEN(s);
    int k = SKIND(s);
    const void *d = FT_STR_DATA(s);
    int has_sq = 0, has_dq = 0;
    ssize_t out = 2;
    uint32_t maxout = 127;
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = kread(k, d, i);
        if (c == '\'')
            has_sq = 1;
        else if (c == '"')
            has_dq = 1;
    }
    uint32_t quote = (has_sq && !has_dq) ? '"' : '\'';
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = kread(k, d, i);
        if (c == quote || c == '\\' || c == '\t' || c == '\n' || c == '\r')
            out += 2;
        else if (c < ' ' || c == 0x7f)
            out += 4;
        else if (c < 0x7f)
            out += 1;
        else if (ft_uni_isprintable(c)) {
            out += 1;
            if (c > maxout)
                maxout = c;
        } else
            out += c <= 0xff ? 4 : c <= 0xffff ? 6 : 10;
    }
    FtObject *r = ft_str_new(out, maxout);
    if (!r)
        return NULL;
    int rk = SKIND(r);
    void *o = FT_STR_DATA(r);
    ssize_t j = 0;
#define PUT(ch) kwrite(rk, o, j++, (ch))
    PUT(quote);
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = kread(k, d, i);
        if (c == quote || c == '\\') {
            PUT('\\');
            PUT(c);
        } else if (c == '\t') {
            PUT('\\'); PUT('t');
        } else if (c == '\n') {
            PUT('\\'); PUT('n');
        } else if (c == '\r') {
            PUT('\\'); PUT('r');
        } else if (c < ' ' || c == 0x7f) {
            PUT('\\'); PUT('x'); PUT(hexdigits[c >> 4]); PUT(hexdigits[c & 15]);
        } else if (c < 0x7f || ft_uni_isprintable(c)) {
            PUT(c);
        } else if (c <= 0xff) {
            PUT('\\'); PUT('x'); PUT(hexdigits[c >> 4]); PUT(hexdigits[c & 15]);
        } else if (c <= 0xffff) {
            PUT('\\'); PUT('u');
            for (int sh = 12; sh >= 0; sh -= 4)
                PUT(hexdigits[(c >> sh) & 15]);
        } else {
            PUT('\\'); PUT('U');
            for (int sh = 28; sh >= 0; sh -= 4)
                PUT(hexdigits[(c >> sh) & 15]);
        }
    }
    PUT(quote);
#undef PUT
    return r;
}

static FtObject *str_str(FtObject *s) {
    if (ft_str_check_exact(s))
        return FT_NEWREF(s);
    return ft_str_from_kind(SKIND(s), FT_STR_DATA(s), FT_STR_LEN(s));
}

/* ---- interning ------------------------------------------------------------------- */

/* Open addressing, power-of-two table of immortal strings. Guarded by a mutex: interning
 * happens at compile time, at FT_ID's first use and from sys.intern, never per bytecode. */
static pthread_mutex_t intern_lock = PTHREAD_MUTEX_INITIALIZER;
static FtObject **intern_table;
static size_t intern_cap, intern_used;

static int intern_grow(void) {
    size_t ncap = intern_cap ? intern_cap * 2 : 1024;
    FtObject **nt = calloc(ncap, sizeof(FtObject *));
    if (!nt)
        return -1;
    for (size_t i = 0; i < intern_cap; i++) {
        FtObject *s = intern_table[i];
        if (!s)
            continue;
        size_t j = (size_t)ft_str_hash(s) & (ncap - 1);
        while (nt[j])
            j = (j + 1) & (ncap - 1);
        nt[j] = s;
    }
    free(intern_table);
    intern_table = nt;
    intern_cap = ncap;
    return 0;
}

FtObject *ft_str_intern(FtObject *s) {
    if (!s)
        return NULL;
    if (((FtStr *)s)->interned || !ft_str_check_exact(s))
        return s;
    ft_hash_t h = ft_str_hash(s);
    pthread_mutex_lock(&intern_lock);
    if ((intern_used + 1) * 2 > intern_cap && intern_grow() < 0) {
        pthread_mutex_unlock(&intern_lock);
        return s; /* not interned but still a valid string */
    }
    size_t j = (size_t)h & (intern_cap - 1);
    while (intern_table[j]) {
        FtObject *t = intern_table[j];
        if (ft_str_eq(t, s)) {
            pthread_mutex_unlock(&intern_lock);
            FT_DECREF(s);
            return t; /* immortal: no incref needed */
        }
        j = (j + 1) & (intern_cap - 1);
    }
    intern_table[j] = s;
    intern_used++;
    FT_MAKE_IMMORTAL(s);
    ((FtStr *)s)->interned = 1;
    pthread_mutex_unlock(&intern_lock);
    return s;
}

FtObject *ft_str_intern_cstr(const char *c) {
    FtObject *s = ft_str_from_cstr(c);
    if (!s)
        return NULL;
    return ft_str_intern(s);
}

/* ---- str(): constructor ---------------------------------------------------------- */

static FtObject *str_tp_new(FtType *type, FtObject *args, FtObject *kwargs) {
    static const char *const kwlist[] = {"object", "encoding", "errors", NULL};
    FtObject *argv[3] = {NULL, NULL, NULL};
    ssize_t nargs = args ? FT_SIZE(args) : 0;
    if (nargs > 3)
        return ft_err_format(ft_exc_TypeError, "str() takes at most 3 arguments (%zd given)",
                             nargs);
    for (ssize_t i = 0; i < nargs; i++)
        argv[i] = FT_TUPLE_GET(args, i);
    if (kwargs && ft_dict_size(kwargs) > 0) {
        ssize_t pos = 0;
        FtObject *k, *v;
        while (ft_dict_next(kwargs, &pos, &k, &v)) {
            int found = 0;
            for (int i = 0; i < 3; i++) {
                if (ft_str_check(k) && ft_str_eq_cstr(k, kwlist[i])) {
                    if (argv[i])
                        return ft_err_format(ft_exc_TypeError,
                                             "argument for str() given by name ('%s') and "
                                             "position (%d)", kwlist[i], i + 1);
                    argv[i] = v;
                    found = 1;
                }
            }
            if (!found)
                return ft_err_format(ft_exc_TypeError,
                                     "'%S' is an invalid keyword argument for str()", k);
        }
    }
    FtObject *r;
    if (!argv[0]) {
        r = ft_str_new(0, 0);
        if (argv[1] || argv[2]) {
            /* str(encoding=...) with no object: CPython decodes b'' */
        }
    } else if (argv[1] || argv[2]) {
        const char *enc, *errs;
        if (ft_codec_get_names("str", argv[1], argv[2], &enc, &errs) < 0)
            return NULL;
        const char *data;
        ssize_t len;
        if (ft_bytes_like_get(argv[0], &data, &len) < 0) {
            ft_err_clear();
            if (ft_str_check(argv[0]))
                return ft_err_format(ft_exc_TypeError, "decoding str is not supported");
            return ft_err_format(ft_exc_TypeError,
                                 "decoding to str: need a bytes-like object, %T found", argv[0]);
        }
        r = ft_codec_decode(data, len, enc, errs);
    } else {
        r = ft_object_str(argv[0]);
    }
    if (!r || type == &ft_str_type)
        return r;
    FtObject *sub = ft_str_new_subtype(type, r);
    FT_DECREF(r);
    return sub;
}

/* ---- iterator ----------------------------------------------------------------------- */

typedef struct StrIter {
    FtObject ob_base;
    FtObject *str; /* NULL once exhausted */
    ssize_t index;
} StrIter;

static FtType str_uni_iter_type;

static FtObject *str_iter(FtObject *s) {
    /* two names, as CPython 3.11 has: str_ascii_iterator and str_iterator */
    StrIter *it = (StrIter *)ft_gc_alloc(SASCII(s) ? &ft_str_iter_type : &str_uni_iter_type);
    if (!it)
        return NULL;
    it->str = FT_NEWREF(s);
    it->index = 0;
    ft_gc_track((FtObject *)it);
    return (FtObject *)it;
}

static FtObject *str_iter_next(FtObject *o) {
    StrIter *it = (StrIter *)o;
    FtObject *s = it->str;
    if (!s)
        return NULL;
#if FT_FREE_THREADED
    /* Two threads may call next() on one iterator: claim an index with a compare-and-swap;
     * the string stays referenced until the iterator dies (another thread may read it). */
    ssize_t i = __atomic_load_n(&it->index, __ATOMIC_RELAXED);
    do {
        if (i >= FT_STR_LEN(s))
            return NULL;
    } while (!__atomic_compare_exchange_n(&it->index, &i, i + 1, true, __ATOMIC_RELAXED,
                                          __ATOMIC_RELAXED));
    return ft_str_from_char(ft_str_read(s, i));
#else
    if (it->index < FT_STR_LEN(s))
        return ft_str_from_char(ft_str_read(s, it->index++));
    it->str = NULL;
    FT_DECREF(s);
    return NULL;
#endif
}

static void str_iter_dealloc(FtObject *o) {
    ft_gc_untrack(o);
    FT_XDECREF(((StrIter *)o)->str);
    ft_gc_free(o);
}

static int str_iter_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    StrIter *it = (StrIter *)o;
    if (it->str)
        return visit(it->str, arg);
    return 0;
}

static FtObject *str_iter_self(FtObject *o) { return FT_NEWREF(o); }

static FtObject *str_iter_length_hint(FtObject *o, FtObject *unused) {
    StrIter *it = (StrIter *)o;
    ssize_t i = __atomic_load_n(&it->index, __ATOMIC_RELAXED);
    return ft_int_from_ssize(it->str && i < FT_STR_LEN(it->str) ? FT_STR_LEN(it->str) - i : 0);
}

static FtMethodDef str_iter_methods[] = {
    {"__length_hint__", (void *)str_iter_length_hint, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

FtType ft_str_iter_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "str_ascii_iterator",
    .tp_basicsize = sizeof(StrIter),
    .tp_dealloc = str_iter_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = str_iter_traverse,
    .tp_iter = str_iter_self,
    .tp_iternext = str_iter_next,
    .tp_methods = str_iter_methods,
};

static FtType str_uni_iter_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "str_iterator",
    .tp_basicsize = sizeof(StrIter),
    .tp_dealloc = str_iter_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = str_iter_traverse,
    .tp_iter = str_iter_self,
    .tp_iternext = str_iter_next,
    .tp_methods = str_iter_methods,
};

/* ---- the type ---------------------------------------------------------------------- */

static FtNumberMethods str_as_number = {
    .nb_remainder = str_mod,
};

static FtSequenceMethods str_as_sequence = {
    .sq_length = str_length,
    .sq_concat = str_sq_concat,
    .sq_repeat = str_repeat,
    .sq_item = str_item,
    .sq_contains = str_contains,
};

static FtMappingMethods str_as_mapping = {
    .mp_length = str_length,
    .mp_subscript = str_subscript,
};

FtType ft_str_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "str",
    .tp_basicsize = sizeof(FtStr),
    .tp_itemsize = 1,
    .tp_dealloc = str_dealloc,
    .tp_repr = ft_str_repr,
    .tp_as_number = &str_as_number,
    .tp_as_sequence = &str_as_sequence,
    .tp_as_mapping = &str_as_mapping,
    .tp_hash = ft_str_hash,
    .tp_str = str_str,
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_STR_SUBCLASS | FT_TPFLAGS_IMMUTABLETYPE,
    .tp_doc = "str(object='') -> str\nstr(bytes_or_buffer[, encoding[, errors]]) -> str",
    .tp_richcompare = str_richcompare,
    .tp_iter = str_iter,
    .tp_methods = ft_str_methods,
    .tp_new = str_tp_new,
};

/* ---- start-up -------------------------------------------------------------------- */

int ft_text_init(void) {
    /* A UTF-8 LC_CTYPE, as CPython sets at start-up, for C library calls elsewhere that
     * care (str itself uses its own Unicode tables, strtables.c); C.UTF-8 does not depend
     * on what the machine has installed, the others are fallbacks. */
    if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "C.utf8"))
        setlocale(LC_CTYPE, "en_US.UTF-8");
    if (!empty_str) {
        empty_str = (FtStr *)str_alloc(&ft_str_type, 0, 0);
        if (!empty_str)
            return -1;
        FT_MAKE_IMMORTAL(empty_str);
        for (uint32_t c = 0; c < 256; c++) {
            FtStr *s = (FtStr *)str_alloc(&ft_str_type, 1, c);
            if (!s)
                return -1;
            ((uint8_t *)(s + 1))[0] = (uint8_t)c;
            FT_MAKE_IMMORTAL(s);
            char_cache[c] = s;
        }
    }
    if (ft_bytes_init_singletons() < 0 || ft_bytearray_prepare() < 0)
        return -1;
    FtType *types[] = {&ft_str_type, &ft_str_iter_type, &str_uni_iter_type, &ft_bytes_type, &ft_bytes_iter_type,
                       &ft_bytearray_type, &ft_bytearray_iter_type};
    for (size_t i = 0; i < FT_ARRAY_LEN(types); i++)
        if (ft_type_ready(types[i]) < 0)
            return -1;
    /* The one-character strings and the empty string are interned as well, as in CPython. */
    empty_str = (FtStr *)ft_str_intern((FtObject *)empty_str);
    for (int c = 0; c < 128; c++)
        char_cache[c] = (FtStr *)ft_str_intern((FtObject *)char_cache[c]);
    return 0;
}
