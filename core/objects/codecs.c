/* The built-in codecs of str and bytes: UTF-8, Latin-1, ASCII, UTF-16 and UTF-32 (with and
 * without a byte order mark), with the error handlers
 * strict, ignore, replace, surrogateescape, backslashreplace, xmlcharrefreplace (encode)
 * and CPython's UnicodeDecodeError / UnicodeEncodeError messages and ranges. */
#include "core/objects/strinternal.h"
#include <ctype.h>
#include <stdio.h>
#include <string.h>

int ft_codec_lookup_errors(const char *e) {
    if (!e || !strcmp(e, "strict"))
        return FT_ERR_STRICT;
    if (!strcmp(e, "ignore"))
        return FT_ERR_IGNORE;
    if (!strcmp(e, "replace"))
        return FT_ERR_REPLACE;
    if (!strcmp(e, "surrogateescape"))
        return FT_ERR_SURROGATEESCAPE;
    if (!strcmp(e, "backslashreplace"))
        return FT_ERR_BACKSLASHREPLACE;
    if (!strcmp(e, "xmlcharrefreplace"))
        return FT_ERR_XMLCHARREFREPLACE;
    if (!strcmp(e, "surrogatepass"))
        return FT_ERR_SURROGATEPASS;
    if (!strcmp(e, "namereplace"))
        return FT_ERR_NAMEREPLACE;
    return FT_ERR_UNKNOWN;
}

static void unknown_handler(const char *e) {
    ft_err_format(ft_exc_LookupError, "unknown error handler name '%s'", e);
}

int ft_codec_lookup_encoding(const char *encoding) {
    char norm[32];
    size_t n = strlen(encoding);
    if (n >= sizeof norm) {
        ft_err_format(ft_exc_LookupError, "unknown encoding: %s", encoding);
        return FT_ENC_UNKNOWN;
    }
    for (size_t i = 0; i <= n; i++) {
        char c = encoding[i];
        norm[i] = (c == '_' || c == ' ') ? '-' : (char)tolower((unsigned char)c);
    }
    static const char *const utf8[] = {"utf-8", "utf8", "u8", "utf", "cp65001", NULL};
    static const char *const latin1[] = {"latin-1", "latin1", "iso-8859-1", "iso8859-1",
                                         "8859", "cp819", "latin", "l1", "iso-ir-100", NULL};
    static const char *const ascii[] = {"ascii", "us-ascii", "646", "us", NULL};
    for (int i = 0; utf8[i]; i++)
        if (!strcmp(norm, utf8[i]))
            return FT_ENC_UTF8;
    for (int i = 0; latin1[i]; i++)
        if (!strcmp(norm, latin1[i]))
            return FT_ENC_LATIN1;
    for (int i = 0; ascii[i]; i++)
        if (!strcmp(norm, ascii[i]))
            return FT_ENC_ASCII;
    static const struct { const char *name; int enc; } wide[] = {
        {"utf-16", FT_ENC_UTF16}, {"utf16", FT_ENC_UTF16}, {"u16", FT_ENC_UTF16},
        {"utf-16-le", FT_ENC_UTF16LE}, {"utf-16le", FT_ENC_UTF16LE}, {"utf16le", FT_ENC_UTF16LE},
        {"utf-16-be", FT_ENC_UTF16BE}, {"utf-16be", FT_ENC_UTF16BE}, {"utf16be", FT_ENC_UTF16BE},
        {"utf-32", FT_ENC_UTF32}, {"utf32", FT_ENC_UTF32}, {"u32", FT_ENC_UTF32},
        {"utf-32-le", FT_ENC_UTF32LE}, {"utf-32le", FT_ENC_UTF32LE}, {"utf32le", FT_ENC_UTF32LE},
        {"utf-32-be", FT_ENC_UTF32BE}, {"utf-32be", FT_ENC_UTF32BE}, {"utf32be", FT_ENC_UTF32BE},
    };
    for (size_t i = 0; i < FT_ARRAY_LEN(wide); i++)
        if (!strcmp(norm, wide[i].name))
            return wide[i].enc;
    ft_err_format(ft_exc_LookupError, "unknown encoding: %s", encoding);
    return FT_ENC_UNKNOWN;
}

static const char *const enc_names[] = {"utf-8", "latin-1", "ascii", "utf-16", "utf-16-le",
                                        "utf-16-be", "utf-32", "utf-32-le", "utf-32-be"};

int ft_codec_get_names(const char *fname, FtObject *enc, FtObject *errs, const char **encoding,
                       const char **errors) {
    *encoding = "utf-8";
    *errors = "strict";
    if (enc) {
        if (!ft_str_check(enc)) {
            ft_err_format(ft_exc_TypeError, "%s() argument 'encoding' must be str, not %s",
                          fname, ft_arg_type_name(enc));
            return -1;
        }
        if (!(*encoding = ft_str_as_utf8(enc)))
            return -1;
    }
    if (errs) {
        if (!ft_str_check(errs)) {
            ft_err_format(ft_exc_TypeError, "%s() argument 'errors' must be str, not %s", fname,
                          ft_arg_type_name(errs));
            return -1;
        }
        if (!(*errors = ft_str_as_utf8(errs)))
            return -1;
    }
    return 0;
}

/* ---- decoding -------------------------------------------------------------------- */

static void raise_decode_error(const char *enc, const char *s, ssize_t len, ssize_t start,
                               ssize_t end, const char *reason) {
    FtObject *args[5] = {ft_str_from_cstr(enc), ft_bytes_from_data(s, len),
                         ft_int_from_ssize(start), ft_int_from_ssize(end),
                         ft_str_from_cstr(reason)};
    if (args[0] && args[1] && args[2] && args[3] && args[4]) {
        FtObject *exc = ft_exc_new(ft_exc_UnicodeDecodeError, args, 5);
        if (exc) {
            ft_err_set_exc(exc);
            FT_DECREF(exc);
        }
    }
    for (int i = 0; i < 5; i++)
        FT_XDECREF(args[i]);
}

/* Apply a decode error handler to bytes [start, end): appends to out[*n]. 0 ok, -1 error. */
static int decode_handle(int errors, const char *errname, const char *enc, const char *s,
                         ssize_t len, ssize_t start, ssize_t end, const char *reason,
                         uint32_t *out, ssize_t *n) {
    switch (errors) {
    case FT_ERR_IGNORE:
        return 0;
    case FT_ERR_REPLACE:
        out[(*n)++] = 0xfffd;
        return 0;
    case FT_ERR_SURROGATEESCAPE:
        for (ssize_t i = start; i < end; i++)
            if ((uint8_t)s[i] < 128) { /* only bytes >= 128 can be escaped */
                raise_decode_error(enc, s, len, start, end, reason);
                return -1;
            }
        for (ssize_t i = start; i < end; i++)
            out[(*n)++] = 0xdc00 + (uint8_t)s[i];
        return 0;
    case FT_ERR_BACKSLASHREPLACE:
        for (ssize_t i = start; i < end; i++) {
            static const char hx[] = "0123456789abcdef";
            uint8_t b = (uint8_t)s[i];
            out[(*n)++] = '\\';
            out[(*n)++] = 'x';
            out[(*n)++] = hx[b >> 4];
            out[(*n)++] = hx[b & 15];
        }
        return 0;
    case FT_ERR_STRICT:
    case FT_ERR_SURROGATEPASS:
    case FT_ERR_XMLCHARREFREPLACE:
    case FT_ERR_NAMEREPLACE:
        raise_decode_error(enc, s, len, start, end, reason);
        return -1;
    default:
        unknown_handler(errname);
        return -1;
    }
}

static ssize_t ascii_prefix(const uint8_t *p, ssize_t len) {
    ssize_t i = 0;
    while (i + 8 <= len) {
        uint64_t w;
        memcpy(&w, p + i, 8);
        if (w & 0x8080808080808080ULL)
            break;
        i += 8;
    }
    while (i < len && p[i] < 0x80)
        i++;
    return i;
}

FtObject *ft_codec_utf8_decode(const char *s, ssize_t len, int errors, const char *errname) {
    const uint8_t *p = (const uint8_t *)s;
    ssize_t i = ascii_prefix(p, len);
    if (i == len)
        return ft_str_from_ascii(s, len);
    uint32_t *out = ft_mem_alloc(sizeof(uint32_t) * (4 * (size_t)len + 1));
    if (!out)
        return NULL;
    ssize_t n = 0;
    for (ssize_t j = 0; j < i; j++)
        out[n++] = p[j];
    while (i < len) {
        uint32_t c = p[i];
        if (c < 0x80) {
            out[n++] = c;
            i++;
            continue;
        }
        const char *reason = NULL;
        ssize_t end = i + 1;
        int need = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : 1;
        if (c < 0xc2 || c > 0xf4) {
            reason = "invalid start byte";
        } else {
            uint32_t lo = 0x80, hi = 0xbf;
            if (c == 0xe0) lo = 0xa0;
            else if (c == 0xed) hi = 0x9f;
            else if (c == 0xf0) lo = 0x90;
            else if (c == 0xf4) hi = 0x8f;
            uint32_t cp = c & (0x3f >> need);
            int k;
            for (k = 1; k <= need; k++) {
                if (i + k >= len) {
                    reason = "unexpected end of data";
                    end = len;
                    break;
                }
                uint32_t b = p[i + k];
                if (b < lo || b > hi) {
                    reason = "invalid continuation byte";
                    end = i + k;
                    break;
                }
                lo = 0x80;
                hi = 0xbf;
                cp = (cp << 6) | (b & 0x3f);
            }
            if (!reason) {
                out[n++] = cp;
                i += need + 1;
                continue;
            }
        }
        if (decode_handle(errors, errname, "utf-8", s, len, i, end, reason, out, &n) < 0) {
            ft_mem_free(out);
            return NULL;
        }
        i = end;
    }
    FtObject *r = ft_str_from_ucs4(out, n);
    ft_mem_free(out);
    return r;
}

static FtObject *ascii_decode(const char *s, ssize_t len, int errors, const char *errname) {
    const uint8_t *p = (const uint8_t *)s;
    ssize_t i = ascii_prefix(p, len);
    if (i == len)
        return ft_str_from_ascii(s, len);
    uint32_t *out = ft_mem_alloc(sizeof(uint32_t) * (4 * (size_t)len + 1));
    if (!out)
        return NULL;
    ssize_t n = 0;
    for (ssize_t j = 0; j < len; j++) {
        if (p[j] < 0x80)
            out[n++] = p[j];
        else if (decode_handle(errors, errname, "ascii", s, len, j, j + 1,
                               "ordinal not in range(128)", out, &n) < 0) {
            ft_mem_free(out);
            return NULL;
        }
    }
    FtObject *r = ft_str_from_ucs4(out, n);
    ft_mem_free(out);
    return r;
}

/* UTF-16 / UTF-32: the plain names read a byte order mark (default little-endian, as on
 * the machines we run on) and write one. */
static FtObject *wide_decode(const char *s, ssize_t len, int enc, int errors,
                             const char *errname) {
    const uint8_t *p = (const uint8_t *)s;
    int is32 = enc >= FT_ENC_UTF32, big = enc == FT_ENC_UTF16BE || enc == FT_ENC_UTF32BE;
    const char *name = enc_names[enc];
    ssize_t pos = 0, unit = is32 ? 4 : 2;
    if (enc == FT_ENC_UTF16 && len >= 2) {
        if (p[0] == 0xff && p[1] == 0xfe)
            pos = 2;
        else if (p[0] == 0xfe && p[1] == 0xff) {
            pos = 2;
            big = 1;
        }
    } else if (enc == FT_ENC_UTF32 && len >= 4) {
        if (p[0] == 0xff && p[1] == 0xfe && p[2] == 0 && p[3] == 0)
            pos = 4;
        else if (p[0] == 0 && p[1] == 0 && p[2] == 0xfe && p[3] == 0xff) {
            pos = 4;
            big = 1;
        }
    }
    uint32_t *out = ft_mem_alloc(sizeof(uint32_t) * (4 * (size_t)len + 1));
    if (!out)
        return NULL;
    ssize_t n = 0;
#define UNIT16(at) (big ? (uint32_t)(p[at] << 8 | p[(at) + 1]) : (uint32_t)(p[(at) + 1] << 8 | p[at]))
#define UNIT32(at) (big ? ((uint32_t)p[at] << 24 | (uint32_t)p[(at) + 1] << 16 | (uint32_t)p[(at) + 2] << 8 | p[(at) + 3]) \
                        : ((uint32_t)p[(at) + 3] << 24 | (uint32_t)p[(at) + 2] << 16 | (uint32_t)p[(at) + 1] << 8 | p[at]))
    while (pos < len) {
        const char *reason = NULL;
        ssize_t end = pos + unit;
        if (len - pos < unit) {
            reason = "truncated data";
            end = len;
        } else if (is32) {
            uint32_t c = UNIT32(pos);
            if (c > 0x10ffff)
                reason = "code point not in range(0x110000)";
            else if (c >= 0xd800 && c < 0xe000)
                reason = "code point in surrogate code point range(0xd800, 0xe000)";
            else
                out[n++] = c;
        } else {
            uint32_t c = UNIT16(pos);
            if (c < 0xd800 || c > 0xdfff) {
                out[n++] = c;
            } else if (c >= 0xdc00) {
                reason = "illegal encoding";
            } else if (len - pos < 4) {
                reason = "unexpected end of data";
                end = len;
            } else {
                uint32_t c2 = UNIT16(pos + 2);
                if (c2 >= 0xdc00 && c2 <= 0xdfff) {
                    out[n++] = 0x10000 + ((c - 0xd800) << 10) + (c2 - 0xdc00);
                    end = pos + 4;
                } else
                    reason = "illegal UTF-16 surrogate";
            }
        }
        if (reason && decode_handle(errors, errname, name, s, len, pos, end, reason, out, &n) < 0) {
            ft_mem_free(out);
            return NULL;
        }
        pos = end;
    }
#undef UNIT16
#undef UNIT32
    FtObject *r = ft_str_from_ucs4(out, n);
    ft_mem_free(out);
    return r;
}

FtObject *ft_codec_decode(const char *s, ssize_t len, const char *encoding, const char *errname) {
    int enc = ft_codec_lookup_encoding(encoding ? encoding : "utf-8");
    if (enc == FT_ENC_UNKNOWN)
        return NULL;
    int errors = ft_codec_lookup_errors(errname);
    if (enc == FT_ENC_LATIN1)
        return ft_str_from_latin1(s, len);
    if (enc == FT_ENC_ASCII)
        return ascii_decode(s, len, errors, errname);
    if (enc != FT_ENC_UTF8)
        return wide_decode(s, len, enc, errors, errname ? errname : "strict");
    return ft_codec_utf8_decode(s, len, errors, errname ? errname : "strict");
}

/* ---- encoding -------------------------------------------------------------------- */

typedef struct ByteBuf {
    char *p;
    ssize_t len, cap;
} ByteBuf;

static int bb_reserve(ByteBuf *b, ssize_t extra) {
    if (b->len + extra <= b->cap)
        return 0;
    ssize_t ncap = b->cap ? b->cap * 2 : 64;
    while (ncap < b->len + extra + 1)
        ncap *= 2;
    char *np = ft_mem_realloc(b->p, ncap);
    if (!np)
        return -1;
    b->p = np;
    b->cap = ncap;
    return 0;
}

static int bb_put(ByteBuf *b, const char *s, ssize_t n) {
    if (bb_reserve(b, n + 1) < 0)
        return -1;
    memcpy(b->p + b->len, s, n);
    b->len += n;
    return 0;
}

static void raise_encode_error(const char *enc, FtObject *str, ssize_t start, ssize_t end,
                               const char *reason) {
    FtObject *args[5] = {ft_str_from_cstr(enc), FT_NEWREF(str), ft_int_from_ssize(start),
                         ft_int_from_ssize(end), ft_str_from_cstr(reason)};
    if (args[0] && args[2] && args[3] && args[4]) {
        FtObject *exc = ft_exc_new(ft_exc_UnicodeEncodeError, args, 5);
        if (exc) {
            ft_err_set_exc(exc);
            FT_DECREF(exc);
        }
    }
    for (int i = 0; i < 5; i++)
        FT_XDECREF(args[i]);
}

static int utf8_put(ByteBuf *b, uint32_t c) {
    char t[4];
    int n;
    if (c < 0x80) {
        t[0] = (char)c;
        n = 1;
    } else if (c < 0x800) {
        t[0] = (char)(0xc0 | (c >> 6));
        t[1] = (char)(0x80 | (c & 0x3f));
        n = 2;
    } else if (c < 0x10000) {
        t[0] = (char)(0xe0 | (c >> 12));
        t[1] = (char)(0x80 | ((c >> 6) & 0x3f));
        t[2] = (char)(0x80 | (c & 0x3f));
        n = 3;
    } else {
        t[0] = (char)(0xf0 | (c >> 18));
        t[1] = (char)(0x80 | ((c >> 12) & 0x3f));
        t[2] = (char)(0x80 | ((c >> 6) & 0x3f));
        t[3] = (char)(0x80 | (c & 0x3f));
        n = 4;
    }
    return bb_put(b, t, n);
}

/* Encode str with one of the three codecs into a ByteBuf. */
static int encode_into(ByteBuf *b, FtObject *str, int enc, int errors, const char *errname) {
    ssize_t len = FT_STR_LEN(str);
    int k = SKIND(str);
    const void *d = FT_STR_DATA(str);
    uint32_t limit = enc == FT_ENC_ASCII ? 128 : enc == FT_ENC_LATIN1 ? 256 : 0x110000;
    if (SASCII(str) || (k == 1 && limit == 256))
        return bb_put(b, d, len);
    if (enc == FT_ENC_UTF8) {
        /* fast path: size first, then write, when there is no surrogate to handle */
        size_t need = 0;
        int surrogate = 0;
        for (ssize_t i = 0; i < len; i++) {
            uint32_t c = kread(k, d, i);
            need += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
            surrogate |= c >= 0xd800 && c < 0xe000;
        }
        if (!surrogate) {
            if (bb_reserve(b, (ssize_t)need + 1) < 0)
                return -1;
            uint8_t *w = (uint8_t *)b->p + b->len;
            for (ssize_t i = 0; i < len; i++) {
                uint32_t c = kread(k, d, i);
                if (c < 0x80) {
                    *w++ = (uint8_t)c;
                } else if (c < 0x800) {
                    *w++ = (uint8_t)(0xc0 | (c >> 6));
                    *w++ = (uint8_t)(0x80 | (c & 0x3f));
                } else if (c < 0x10000) {
                    *w++ = (uint8_t)(0xe0 | (c >> 12));
                    *w++ = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
                    *w++ = (uint8_t)(0x80 | (c & 0x3f));
                } else {
                    *w++ = (uint8_t)(0xf0 | (c >> 18));
                    *w++ = (uint8_t)(0x80 | ((c >> 12) & 0x3f));
                    *w++ = (uint8_t)(0x80 | ((c >> 6) & 0x3f));
                    *w++ = (uint8_t)(0x80 | (c & 0x3f));
                }
            }
            b->len += (ssize_t)need;
            return 0;
        }
    }
    if (bb_reserve(b, len + 1) < 0)
        return -1;
    for (ssize_t i = 0; i < len;) {
        uint32_t c = kread(k, d, i);
        int bad = enc == FT_ENC_UTF8 ? (c >= 0xd800 && c < 0xe000) : c >= limit;
        if (!bad) {
            int rc = enc == FT_ENC_UTF8 ? utf8_put(b, c) : bb_put(b, (char[]){(char)c}, 1);
            if (rc < 0)
                return -1;
            i++;
            continue;
        }
        ssize_t end = i + 1;
        while (end < len) {
            uint32_t c2 = kread(k, d, end);
            if (enc == FT_ENC_UTF8 ? !(c2 >= 0xd800 && c2 < 0xe000) : c2 < limit)
                break;
            end++;
        }
        const char *reason = enc == FT_ENC_UTF8 ? "surrogates not allowed"
                           : enc == FT_ENC_ASCII ? "ordinal not in range(128)"
                                                 : "ordinal not in range(256)";
        char tmp[32];
        switch (errors) {
        case FT_ERR_IGNORE:
            break;
        case FT_ERR_REPLACE:
            for (ssize_t j = i; j < end; j++)
                if (bb_put(b, "?", 1) < 0)
                    return -1;
            break;
        case FT_ERR_BACKSLASHREPLACE:
            for (ssize_t j = i; j < end; j++) {
                uint32_t x = kread(k, d, j);
                int n = x < 0x100 ? snprintf(tmp, sizeof tmp, "\\x%02x", x)
                      : x < 0x10000 ? snprintf(tmp, sizeof tmp, "\\u%04x", x)
                                    : snprintf(tmp, sizeof tmp, "\\U%08x", x);
                if (bb_put(b, tmp, n) < 0)
                    return -1;
            }
            break;
        case FT_ERR_XMLCHARREFREPLACE:
            for (ssize_t j = i; j < end; j++) {
                int n = snprintf(tmp, sizeof tmp, "&#%u;", kread(k, d, j));
                if (bb_put(b, tmp, n) < 0)
                    return -1;
            }
            break;
        case FT_ERR_SURROGATEESCAPE:
            /* as CPython: escaped bytes are emitted up to the first character that is not
             * one; the error then covers from there to the end of the run */
            for (ssize_t j = i; j < end; j++) {
                uint32_t x = kread(k, d, j);
                if (x < 0xdc80 || x > 0xdcff) {
                    raise_encode_error(enc_names[enc], str, j, end, reason);
                    return -1;
                }
                if (bb_put(b, (char[]){(char)(x - 0xdc00)}, 1) < 0)
                    return -1;
            }
            break;
        case FT_ERR_SURROGATEPASS:
            if (enc == FT_ENC_UTF8) {
                for (ssize_t j = i; j < end; j++)
                    if (utf8_put(b, kread(k, d, j)) < 0)
                        return -1;
                break;
            }
            /* fall through */
        case FT_ERR_STRICT:
        case FT_ERR_NAMEREPLACE:
            raise_encode_error(enc_names[enc], str, i, end, reason);
            return -1;
        default:
            unknown_handler(errname);
            return -1;
        }
        i = end;
    }
    return 0;
}

static int put_unit(ByteBuf *b, uint32_t v, int is32, int big) {
    char t[4];
    if (is32) {
        for (int i = 0; i < 4; i++)
            t[big ? 3 - i : i] = (char)(v >> (8 * i));
        return bb_put(b, t, 4);
    }
    t[big ? 1 : 0] = (char)v;
    t[big ? 0 : 1] = (char)(v >> 8);
    return bb_put(b, t, 2);
}

static int put_wide_char(ByteBuf *b, uint32_t c, int is32, int big) {
    if (!is32 && c >= 0x10000) {
        c -= 0x10000;
        return put_unit(b, 0xd800 + (c >> 10), 0, big) < 0 ? -1
                                                            : put_unit(b, 0xdc00 + (c & 0x3ff), 0, big);
    }
    return put_unit(b, c, is32, big);
}

/* Only lone surrogates are unencodable; each is its own error range, as in CPython. */
static int wide_encode(ByteBuf *b, FtObject *str, int enc, int errors, const char *errname) {
    int is32 = enc >= FT_ENC_UTF32, big = enc == FT_ENC_UTF16BE || enc == FT_ENC_UTF32BE;
    if (enc == FT_ENC_UTF16 || enc == FT_ENC_UTF32)
        if (put_unit(b, 0xfeff, is32, 0) < 0)
            return -1;
    ssize_t len = FT_STR_LEN(str);
    for (ssize_t i = 0; i < len; i++) {
        uint32_t c = ft_str_read(str, i);
        if (c < 0xd800 || c > 0xdfff) {
            if (put_wide_char(b, c, is32, big) < 0)
                return -1;
            continue;
        }
        char tmp[32];
        int n = 0;
        switch (errors) {
        case FT_ERR_IGNORE:
            break;
        case FT_ERR_REPLACE:
            n = snprintf(tmp, sizeof tmp, "?");
            break;
        case FT_ERR_BACKSLASHREPLACE:
            n = snprintf(tmp, sizeof tmp, "\\u%04x", c);
            break;
        case FT_ERR_XMLCHARREFREPLACE:
            n = snprintf(tmp, sizeof tmp, "&#%u;", c);
            break;
        case FT_ERR_SURROGATEPASS:
            if (put_unit(b, c, is32, big) < 0)
                return -1;
            break;
        case FT_ERR_STRICT:
        case FT_ERR_SURROGATEESCAPE:
        case FT_ERR_NAMEREPLACE:
            raise_encode_error(enc_names[enc], str, i, i + 1, "surrogates not allowed");
            return -1;
        default:
            unknown_handler(errname);
            return -1;
        }
        for (int j = 0; j < n; j++)
            if (put_unit(b, (uint8_t)tmp[j], is32, big) < 0)
                return -1;
    }
    return 0;
}

char *ft_codec_utf8_encode_raw(FtObject *str, ssize_t *outlen) {
    ByteBuf b = {NULL, 0, 0};
    if (bb_reserve(&b, FT_STR_LEN(str) * 2 + 1) < 0)
        return NULL;
    if (encode_into(&b, str, FT_ENC_UTF8, FT_ERR_STRICT, "strict") < 0) {
        ft_mem_free(b.p);
        return NULL;
    }
    b.p[b.len] = 0;
    *outlen = b.len;
    return b.p;
}

FtObject *ft_codec_encode(FtObject *str, const char *encoding, const char *errname) {
    int enc = ft_codec_lookup_encoding(encoding ? encoding : "utf-8");
    if (enc == FT_ENC_UNKNOWN)
        return NULL;
    if (SASCII(str) && enc <= FT_ENC_ASCII)
        return ft_bytes_from_data(FT_STR_DATA(str), FT_STR_LEN(str));
    int errors = ft_codec_lookup_errors(errname);
    ByteBuf b = {NULL, 0, 0};
    if ((enc <= FT_ENC_ASCII ? encode_into(&b, str, enc, errors, errname ? errname : "strict")
                             : wide_encode(&b, str, enc, errors, errname ? errname : "strict")) < 0) {
        ft_mem_free(b.p);
        return NULL;
    }
    FtObject *r = ft_bytes_from_data(b.p, b.len);
    ft_mem_free(b.p);
    return r;
}
