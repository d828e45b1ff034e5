/* FtStrBuilder: text built piece by piece as code points, narrowed to the smallest kind
 * when finished; and ft_str_from_format (printf-like, used for every error message). */
#include "core/objects/strinternal.h"
#include <stdio.h>
#include <string.h>

void ft_sb_init(FtStrBuilder *sb) {
    sb->buf = NULL;
    sb->len = sb->cap = 0;
    sb->maxchar = 0;
}

static int sb_reserve(FtStrBuilder *sb, ssize_t extra) {
    if (sb->len + extra <= sb->cap)
        return 0;
    ssize_t ncap = sb->cap ? sb->cap * 2 : 64;
    while (ncap < sb->len + extra)
        ncap *= 2;
    uint32_t *nb = ft_mem_realloc(sb->buf, sizeof(uint32_t) * ncap);
    if (!nb)
        return -1;
    sb->buf = nb;
    sb->cap = ncap;
    return 0;
}

int ft_sb_append_char(FtStrBuilder *sb, uint32_t cp) {
    if (sb->len == sb->cap && sb_reserve(sb, 1) < 0)
        return -1;
    sb->buf[sb->len++] = cp;
    if (cp > sb->maxchar)
        sb->maxchar = cp;
    return 0;
}

/* Decode UTF-8 leniently (bad bytes become U+FFFD): C strings come from our own code. */
static int sb_append_utf8(FtStrBuilder *sb, const char *s, ssize_t n) {
    if (sb_reserve(sb, n) < 0)
        return -1;
    const uint8_t *p = (const uint8_t *)s, *e = p + n;
    while (p < e) {
        uint32_t c = *p++;
        if (c >= 0x80) {
            int extra = c >= 0xf0 ? 3 : c >= 0xe0 ? 2 : c >= 0xc0 ? 1 : -1;
            if (extra < 0 || e - p < extra) {
                c = 0xfffd;
            } else {
                c &= (0x3f >> extra);
                for (int i = 0; i < extra; i++)
                    c = (c << 6) | (*p++ & 0x3f);
            }
        }
        sb->buf[sb->len++] = c;
        if (c > sb->maxchar)
            sb->maxchar = c;
    }
    return 0;
}

int ft_sb_append_cstr(FtStrBuilder *sb, const char *s) {
    return sb_append_utf8(sb, s, (ssize_t)strlen(s));
}

static int sb_append_str_range(FtStrBuilder *sb, FtObject *s, ssize_t start, ssize_t end) {
    ssize_t n = end - start;
    if (n <= 0)
        return 0;
    if (sb_reserve(sb, n) < 0)
        return -1;
    int k = SKIND(s);
    const void *d = FT_STR_DATA(s);
    uint32_t *out = sb->buf + sb->len;
    if (k == 1) {
        const uint8_t *p = (const uint8_t *)d + start;
        for (ssize_t i = 0; i < n; i++)
            out[i] = p[i];
    } else {
        for (ssize_t i = 0; i < n; i++)
            out[i] = kread(k, d, start + i);
    }
    sb->len += n;
    uint32_t m = SASCII(s) ? 127 : (k == 1 ? 255 : k == 2 ? 0xffff : 0x10ffff);
    /* maxchar is an upper bound only: finishing narrows exactly. */
    if (m > sb->maxchar)
        sb->maxchar = m;
    return 0;
}

int ft_sb_append_str(FtStrBuilder *sb, FtObject *s) {
    return sb_append_str_range(sb, s, 0, FT_STR_LEN(s));
}

int ft_sb_append_repr(FtStrBuilder *sb, FtObject *o) {
    FtObject *r = ft_object_repr(o);
    if (!r)
        return -1;
    int rc = ft_sb_append_str(sb, r);
    FT_DECREF(r);
    return rc;
}

FtObject *ft_sb_finish(FtStrBuilder *sb) {
    FtObject *r = ft_str_from_ucs4(sb->buf, sb->len);
    ft_sb_discard(sb);
    return r;
}

void ft_sb_discard(FtStrBuilder *sb) {
    ft_mem_free(sb->buf);
    ft_sb_init(sb);
}

/* ---- ft_str_from_format ------------------------------------------------------------ */

/* Append an object's text, truncated to `prec` code points and right-aligned to `width`. */
static int sb_append_obj_text(FtStrBuilder *sb, FtObject *s, int width, int prec) {
    ssize_t n = FT_STR_LEN(s);
    if (prec >= 0 && n > prec)
        n = prec;
    for (ssize_t i = n; i < width; i++)
        if (ft_sb_append_char(sb, ' ') < 0)
            return -1;
    return sb_append_str_range(sb, s, 0, n);
}

static int sb_append_cstr_fmt(FtStrBuilder *sb, const char *s, int width, int prec) {
    FtObject *t = ft_codec_utf8_decode(s, (ssize_t)strlen(s), FT_ERR_REPLACE, "replace");
    if (!t)
        return -1;
    int rc = sb_append_obj_text(sb, t, width, prec);
    FT_DECREF(t);
    return rc;
}

FtObject *ft_str_from_vformat(const char *fmt, va_list ap) {
    FtStrBuilder sb;
    ft_sb_init(&sb);
    va_list vargs;
    va_copy(vargs, ap);
    const char *p = fmt;
    while (*p) {
        const char *lit = p;
        while (*p && *p != '%')
            p++;
        if (p > lit && sb_append_utf8(&sb, lit, p - lit) < 0)
            goto fail;
        if (!*p)
            break;
        const char *spec = p++;
        if (*p == '%') {
            if (ft_sb_append_char(&sb, '%') < 0)
                goto fail;
            p++;
            continue;
        }
        char flags[8];
        int nflags = 0;
        while (*p == '-' || *p == '0' || *p == '+' || *p == ' ' || *p == '#') {
            if (nflags < 6)
                flags[nflags++] = *p;
            p++;
        }
        flags[nflags] = 0;
        int width = -1, prec = -1;
        if (*p == '*') {
            width = va_arg(vargs, int);
            p++;
        } else if (*p >= '0' && *p <= '9') {
            width = 0;
            while (*p >= '0' && *p <= '9')
                width = width * 10 + (*p++ - '0');
        }
        if (*p == '.') {
            p++;
            prec = 0;
            if (*p == '*') {
                prec = va_arg(vargs, int);
                p++;
            } else
                while (*p >= '0' && *p <= '9')
                    prec = prec * 10 + (*p++ - '0');
        }
        int lng = 0, size_t_ = 0;
        if (*p == 'l') {
            lng = 1;
            p++;
            if (*p == 'l') {
                lng = 2;
                p++;
            }
        } else if (*p == 'z') {
            size_t_ = 1;
            p++;
        }
        char conv = *p ? *p++ : 0;
        char num[128];
        char cf[32];
        int n;
        switch (conv) {
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
            char *q = cf;
            *q++ = '%';
            for (int i = 0; flags[i]; i++)
                *q++ = flags[i];
            if (width >= 0)
                q += sprintf(q, "%d", width);
            if (prec >= 0)
                q += sprintf(q, ".%d", prec);
            if (lng == 2) { *q++ = 'l'; *q++ = 'l'; }
            else if (lng) *q++ = 'l';
            else if (size_t_) *q++ = 'z';
            *q++ = conv;
            *q = 0;
            if (conv == 'd' || conv == 'i') {
                if (lng == 2)
                    n = snprintf(num, sizeof num, cf, va_arg(vargs, long long));
                else if (lng)
                    n = snprintf(num, sizeof num, cf, va_arg(vargs, long));
                else if (size_t_)
                    n = snprintf(num, sizeof num, cf, va_arg(vargs, ssize_t));
                else
                    n = snprintf(num, sizeof num, cf, va_arg(vargs, int));
            } else {
                if (lng == 2)
                    n = snprintf(num, sizeof num, cf, va_arg(vargs, unsigned long long));
                else if (lng)
                    n = snprintf(num, sizeof num, cf, va_arg(vargs, unsigned long));
                else if (size_t_)
                    n = snprintf(num, sizeof num, cf, va_arg(vargs, size_t));
                else
                    n = snprintf(num, sizeof num, cf, va_arg(vargs, unsigned int));
            }
            if (n < 0 || sb_append_utf8(&sb, num, n < (int)sizeof num ? n : (int)sizeof num - 1) < 0)
                goto fail;
            break;
        }
        case 'c': {
            int c = va_arg(vargs, int);
            if (ft_sb_append_char(&sb, (uint32_t)c) < 0)
                goto fail;
            break;
        }
        case 'p': {
            void *ptr = va_arg(vargs, void *);
            n = snprintf(num, sizeof num, "%p", ptr);
            if (sb_append_utf8(&sb, num, n) < 0)
                goto fail;
            break;
        }
        case 's': {
            const char *s = va_arg(vargs, const char *);
            if (sb_append_cstr_fmt(&sb, s ? s : "(null)", width, prec) < 0)
                goto fail;
            break;
        }
        case 'U': {
            FtObject *o = va_arg(vargs, FtObject *);
            if (sb_append_obj_text(&sb, o, width, prec) < 0)
                goto fail;
            break;
        }
        case 'V': {
            FtObject *o = va_arg(vargs, FtObject *);
            const char *s = va_arg(vargs, const char *);
            if (o ? sb_append_obj_text(&sb, o, width, prec) < 0
                  : sb_append_cstr_fmt(&sb, s ? s : "(null)", width, prec) < 0)
                goto fail;
            break;
        }
        case 'S': case 'R': case 'A': {
            FtObject *o = va_arg(vargs, FtObject *);
            FtObject *t = conv == 'S' ? ft_object_str(o)
                        : conv == 'R' ? ft_object_repr(o) : ft_object_ascii(o);
            if (!t)
                goto fail;
            int rc = sb_append_obj_text(&sb, t, width, prec);
            FT_DECREF(t);
            if (rc < 0)
                goto fail;
            break;
        }
        case 'T': {
            FtObject *o = va_arg(vargs, FtObject *);
            if (sb_append_cstr_fmt(&sb, FT_TYPE(o)->tp_name, width, prec) < 0)
                goto fail;
            break;
        }
        default:
            /* unknown: copy the rest literally, as CPython does */
            if (sb_append_utf8(&sb, spec, (ssize_t)strlen(spec)) < 0)
                goto fail;
            p = spec + strlen(spec);
            break;
        }
    }
    va_end(vargs);
    return ft_sb_finish(&sb);
fail:
    va_end(vargs);
    ft_sb_discard(&sb);
    return NULL;
}

FtObject *ft_str_from_format(const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    FtObject *r = ft_str_from_vformat(fmt, ap);
    va_end(ap);
    return r;
}
