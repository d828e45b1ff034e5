/* Text formatting: the format-spec mini-language for int, float and str
 * ([[fill]align][sign][z][#][0][width][grouping][.precision][type]), str.format /
 * str.format_map (fields, numbering, attribute and index access, conversions, nested
 * specs), and printf-style %-formatting of str and bytes. Error messages are CPython's. */
#include "core/objects/strinternal.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

/* ---- the format spec ------------------------------------------------------------------ */

typedef struct Spec {
    uint32_t fill;
    uint32_t align;     /* '<' '>' '^' '=' or 0 (default) */
    uint32_t sign;      /* '+' '-' ' ' or 0 */
    int z, alt;
    int fill_given, align_given;
    ssize_t width;      /* -1: none */
    uint32_t grouping;  /* ',' '_' or 0 */
    ssize_t prec;       /* -1: none */
    uint32_t type;      /* 0: none */
} Spec;

static int is_align(uint32_t c) { return c == '<' || c == '>' || c == '^' || c == '='; }

static int read_number(FtObject *s, ssize_t *pos, ssize_t end, ssize_t *out) {
    ssize_t v = 0, start = *pos;
    while (*pos < end) {
        uint32_t c = ft_str_read(s, *pos);
        if (c < '0' || c > '9')
            break;
        if (v > (SSIZE_MAX - 9) / 10) {
            ft_err_format(ft_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (c - '0');
        (*pos)++;
    }
    *out = *pos > start ? v : -1;
    return 0;
}

static void invalid_grouping(uint32_t sep, uint32_t type) {
    if (type > 32 && type < 128)
        ft_err_format(ft_exc_ValueError, "Cannot specify '%c' with '%c'.", (int)sep, (int)type);
    else
        ft_err_format(ft_exc_ValueError, "Cannot specify '%c' with '\\x%x'.", (int)sep,
                      (unsigned)type);
}

static int parse_spec(FtObject *spec, Spec *f, uint32_t default_align, FtObject *obj) {
    memset(f, 0, sizeof *f);
    f->fill = ' ';
    f->align = default_align;
    f->width = f->prec = -1;
    ssize_t end = spec ? FT_STR_LEN(spec) : 0, pos = 0;
    if (end == 0)
        return 0;
    if (end >= 2 && is_align(ft_str_read(spec, 1))) {
        f->fill = ft_str_read(spec, 0);
        f->align = ft_str_read(spec, 1);
        f->fill_given = f->align_given = 1;
        pos = 2;
    } else if (is_align(ft_str_read(spec, 0))) {
        f->align = ft_str_read(spec, 0);
        f->align_given = 1;
        pos = 1;
    }
    if (pos < end) {
        uint32_t c = ft_str_read(spec, pos);
        if (c == '+' || c == '-' || c == ' ') {
            f->sign = c;
            pos++;
        }
    }
    if (pos < end && ft_str_read(spec, pos) == 'z') {
        f->z = 1;
        pos++;
    }
    if (pos < end && ft_str_read(spec, pos) == '#') {
        f->alt = 1;
        pos++;
    }
    if (!f->fill_given && pos < end && ft_str_read(spec, pos) == '0') {
        f->fill = '0';
        if (!f->align_given && default_align == '>')
            f->align = '=';
        pos++;
    }
    if (read_number(spec, &pos, end, &f->width) < 0)
        return -1;
    if (pos < end) {
        uint32_t c = ft_str_read(spec, pos);
        if (c == ',' || c == '_') {
            f->grouping = c;
            pos++;
            if (pos < end) {
                uint32_t c2 = ft_str_read(spec, pos);
                if (c2 == ',' || c2 == '_') {
                    if (c2 == c)
                        ft_err_format(ft_exc_ValueError, "Cannot specify '%c' with '%c'.", (int)c,
                                      (int)c);
                    else
                        ft_err_format(ft_exc_ValueError, "Cannot specify both ',' and '_'.");
                    return -1;
                }
            }
        }
    }
    if (pos < end && ft_str_read(spec, pos) == '.') {
        pos++;
        if (read_number(spec, &pos, end, &f->prec) < 0)
            return -1;
        if (f->prec < 0) {
            ft_err_format(ft_exc_ValueError, "Format specifier missing precision");
            return -1;
        }
    }
    if (end - pos > 1) {
        ft_err_format(ft_exc_ValueError, "Invalid format specifier '%U' for object of type '%s'",
                      spec, ft_type_short_name(FT_TYPE(obj)));
        return -1;
    }
    if (end - pos == 1)
        f->type = ft_str_read(spec, pos);
    if (f->grouping) {
        switch (f->type) {
        case 'd': case 'e': case 'f': case 'g': case 'E': case 'G': case '%': case 'F': case 0:
            break;
        case 'b': case 'o': case 'x': case 'X':
            if (f->grouping == '_')
                break;
            /* fall through */
        default:
            invalid_grouping(f->grouping, f->type);
            return -1;
        }
    }
    return 0;
}

static void unknown_code(uint32_t type, FtObject *obj) {
    const char *tn = ft_type_short_name(FT_TYPE(obj));
    if (type > 32 && type < 128)
        ft_err_format(ft_exc_ValueError, "Unknown format code '%c' for object of type '%s'",
                      (int)type, tn);
    else
        ft_err_format(ft_exc_ValueError, "Unknown format code '\\x%x' for object of type '%s'",
                      (unsigned)type, tn);
}

static int append_fill(FtStrBuilder *sb, uint32_t fill, ssize_t n) {
    for (ssize_t i = 0; i < n; i++)
        if (ft_sb_append_char(sb, fill) < 0)
            return -1;
    return 0;
}

static int append_ascii(FtStrBuilder *sb, const char *s, ssize_t n) {
    for (ssize_t i = 0; i < n; i++)
        if (ft_sb_append_char(sb, (uint8_t)s[i]) < 0)
            return -1;
    return 0;
}

/* Digits grouped as CPython's _PyUnicode_InsertThousandsGrouping does, padding with zeros
 * to min_width (zero-padded formats group the padding too). Returns an ft_mem string. */
static char *group_digits(const char *digits, ssize_t n, ssize_t min_width, char sep, int group,
                          ssize_t *outlen) {
    size_t cap = (size_t)(n + (min_width > 0 ? min_width : 0)) * 2 + 8;
    char *tmp = ft_mem_alloc(cap);
    if (!tmp)
        return NULL;
    ssize_t count = 0, remaining = n;
    const char *src = digits + n; /* written right to left */
    char *w = tmp + cap;
    int use_sep = 0;
    if (!sep) {
        ssize_t zeros = min_width > n ? min_width - n : 0;
        w -= n;
        memcpy(w, digits, n);
        w -= zeros;
        memset(w, '0', zeros);
        count = n + zeros;
    } else {
        while (1) {
            ssize_t m = remaining > min_width ? remaining : min_width;
            if (m < 1)
                m = 1;
            ssize_t l = group < m ? group : m;
            ssize_t nz = l - remaining > 0 ? l - remaining : 0;
            ssize_t nc = remaining < l ? (remaining > 0 ? remaining : 0) : l;
            if (use_sep) {
                *--w = sep;
                count++;
            }
            for (ssize_t i = 0; i < nc; i++)
                *--w = *--src;
            for (ssize_t i = 0; i < nz; i++)
                *--w = '0';
            count += nc + nz;
            use_sep = 1;
            remaining -= nc;
            min_width -= group;
            if (remaining <= 0 && min_width <= 0)
                break;
            min_width -= 1;
        }
    }
    char *out = ft_mem_alloc(count + 1);
    if (out) {
        memcpy(out, w, count);
        out[count] = 0;
    }
    ft_mem_free(tmp);
    *outlen = count;
    return out;
}

/* sign + prefix + grouped digits + rest, padded as the spec says. */
static FtObject *layout_number(const Spec *f, int negative, const char *prefix,
                               const char *digits, ssize_t ndigits, const char *rest, int group) {
    char signc = negative ? '-' : f->sign == '+' ? '+' : f->sign == ' ' ? ' ' : 0;
    ssize_t lsign = signc ? 1 : 0, lprefix = (ssize_t)strlen(prefix), lrest = (ssize_t)strlen(rest);
    ssize_t min_width = 0;
    if (f->fill == '0' && f->align == '=' && f->width > 0)
        min_width = f->width - lsign - lprefix - lrest;
    ssize_t glen;
    /* no digits at all (inf, nan): nothing to group or zero-pad, as in CPython */
    char *g = ndigits == 0 ? ft_mem_strdup("")
                           : group_digits(digits, ndigits, min_width, (char)f->grouping, group,
                                          &glen);
    if (ndigits == 0)
        glen = 0;
    if (!g)
        return NULL;
    ssize_t total = lsign + lprefix + glen + lrest;
    ssize_t padn = f->width > total ? f->width - total : 0, left = 0, right = 0, mid = 0;
    switch (f->align) {
    case '<': right = padn; break;
    case '^': left = padn / 2; right = padn - left; break;
    case '=': mid = padn; break;
    default: left = padn; break;
    }
    FtStrBuilder sb;
    ft_sb_init(&sb);
    int rc = append_fill(&sb, f->fill, left);
    if (!rc && signc)
        rc = ft_sb_append_char(&sb, (uint8_t)signc);
    if (!rc)
        rc = append_ascii(&sb, prefix, lprefix);
    if (!rc)
        rc = append_fill(&sb, f->fill, mid);
    if (!rc)
        rc = append_ascii(&sb, g, glen);
    if (!rc)
        rc = append_ascii(&sb, rest, lrest);
    if (!rc)
        rc = append_fill(&sb, f->fill, right);
    ft_mem_free(g);
    if (rc < 0) {
        ft_sb_discard(&sb);
        return NULL;
    }
    return ft_sb_finish(&sb);
}

/* ---- str -------------------------------------------------------------------------------- */

static FtObject *pad_text(FtObject *s, ssize_t len, const Spec *f) {
    ssize_t padn = f->width > len ? f->width - len : 0, left = 0, right = 0;
    if (f->align == '>')
        left = padn;
    else if (f->align == '^') {
        left = padn / 2;
        right = padn - left;
    } else
        right = padn;
    if (left == 0 && right == 0 && len == FT_STR_LEN(s) && ft_str_check_exact(s))
        return FT_NEWREF(s);
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (append_fill(&sb, f->fill, left) < 0)
        goto fail;
    for (ssize_t i = 0; i < len; i++)
        if (ft_sb_append_char(&sb, ft_str_read(s, i)) < 0)
            goto fail;
    if (append_fill(&sb, f->fill, right) < 0)
        goto fail;
    return ft_sb_finish(&sb);
fail:
    ft_sb_discard(&sb);
    return NULL;
}

FtObject *ft_format_str(FtObject *v, FtObject *spec) {
    if (!spec || FT_STR_LEN(spec) == 0) {
        if (ft_str_check_exact(v))
            return FT_NEWREF(v);
        return ft_object_str(v);
    }
    Spec f;
    if (parse_spec(spec, &f, '<', v) < 0)
        return NULL;
    if (f.type != 0 && f.type != 's') {
        unknown_code(f.type, v);
        return NULL;
    }
    if (f.grouping) {
        invalid_grouping(f.grouping, 's');
        return NULL;
    }
    if (f.sign)
        return ft_err_format(ft_exc_ValueError, f.sign == ' '
                                                    ? "Space not allowed in string format specifier"
                                                    : "Sign not allowed in string format specifier");
    if (f.z)
        return ft_err_format(ft_exc_ValueError,
                             "Negative zero coercion (z) not allowed in string format specifier");
    if (f.alt)
        return ft_err_format(ft_exc_ValueError,
                             "Alternate form (#) not allowed in string format specifier");
    if (f.align == '=')
        return ft_err_format(ft_exc_ValueError,
                             "'=' alignment not allowed in string format specifier");
    ssize_t len = FT_STR_LEN(v);
    if (f.prec >= 0 && f.prec < len)
        len = f.prec;
    return pad_text(v, len, &f);
}

/* ---- float ------------------------------------------------------------------------------ */

/* The text of a double for format type e/f/g/r (C's printf rounding is exact, as is
 * CPython's dtoa); upper for E/F/G. flags: alt form, add ".0" to integral results. */
static int double_text(double x, char type, int prec, int alt, int add_dot0, char *buf,
                       size_t cap) {
    if (type == 'r') {
        FtObject *r = ft_float_repr_double(x);
        if (!r)
            return -1;
        const char *u = ft_str_as_utf8(r);
        snprintf(buf, cap, "%s", u ? u : "");
        FT_DECREF(r);
        return u ? 0 : -1;
    }
    char fmt[16];
    char lower = (char)(type | 32);
    if (isnan(x))
        x = fabs(x); /* Python never shows a sign on a NaN */
    if (add_dot0 && lower == 'g' && isfinite(x)) {
        /* The omitted type with a precision: like 'g', except that CPython switches to
         * exponent notation one digit earlier (decpt > precision - 1), so that the ".0" it
         * adds never shows more digits than asked for. */
        int p = prec > 0 ? prec : 1;
        snprintf(fmt, sizeof fmt, "%%%s.%de", alt ? "#" : "", p - 1);
        snprintf(buf, cap, fmt, x);
        char *e = strchr(buf, 'e');
        int exp10 = e ? atoi(e + 1) : 0;
        if (exp10 < -4 || exp10 >= p - 1) {
            if (!alt && e) {
                /* strip trailing zeros (and a bare point) from the mantissa */
                char *m = e;
                while (m > buf && m[-1] == '0' && strchr(buf, '.') && strchr(buf, '.') < m)
                    m--;
                if (m > buf && m[-1] == '.')
                    m--;
                memmove(m, e, strlen(e) + 1);
            }
            return 0;
        }
    }
    snprintf(fmt, sizeof fmt, "%%%s.%d%c", alt ? "#" : "", prec, lower);
    snprintf(buf, cap, fmt, x);
    if (add_dot0 && isfinite(x) && !strpbrk(buf, ".e"))
        strncat(buf, ".0", cap - strlen(buf) - 1);
    if (type == 'E' || type == 'F' || type == 'G')
        for (char *p = buf; *p; p++)
            if (*p >= 'a' && *p <= 'z')
                *p -= 32;
    return 0;
}

static FtObject *format_double(double x, FtObject *spec, FtObject *obj) {
    Spec f;
    if (parse_spec(spec, &f, '>', obj) < 0)
        return NULL;
    uint32_t type = f.type;
    int add_dot0 = 0, default_prec = 6;
    switch (type) {
    case 0: add_dot0 = 1; type = 'r'; default_prec = 0; break;
    case 'n': type = 'g'; break;
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': break;
    default: unknown_code(type, obj); return NULL;
    }
    int prec = f.prec < 0 ? default_prec : (int)f.prec;
    if (f.prec >= 0 && type == 'r')
        type = 'g';
    if (f.prec > 1000)
        return ft_err_format(ft_exc_ValueError, "precision too big");
    int percent = type == '%';
    if (percent) {
        x *= 100;
        type = 'f';
    }
    size_t cap = (size_t)prec + 400;
    char *buf = ft_mem_alloc(cap);
    if (!buf)
        return NULL;
    if (double_text(x, (char)type, prec, f.alt, add_dot0, buf, cap - 2) < 0) {
        ft_mem_free(buf);
        return NULL;
    }
    if (percent)
        strcat(buf, "%");
    char *p = buf;
    int negative = 0;
    if (*p == '-') {
        negative = 1;
        p++;
    }
    if (negative && f.z) {
        /* z: a value that rounds to zero loses its sign */
        int zero = 1;
        for (char *q = p; *q && *q != 'e' && *q != 'E' && *q != '%'; q++)
            if (*q >= '1' && *q <= '9')
                zero = 0;
        if (zero && isfinite(x))
            negative = 0;
    }
    ssize_t nd = 0;
    while (p[nd] >= '0' && p[nd] <= '9')
        nd++;
    FtObject *r = layout_number(&f, negative, "", p, nd, p + nd, 3);
    ft_mem_free(buf);
    return r;
}

FtObject *ft_format_float(FtObject *v, FtObject *spec) {
    if (!spec || FT_STR_LEN(spec) == 0)
        return ft_object_str(v);
    double x = ft_float_as_double(v);
    if (x == -1.0 && ft_err_occurred())
        return NULL;
    return format_double(x, spec, v);
}

/* ---- int -------------------------------------------------------------------------------- */

/* |v| in base 2/8/10/16 as ASCII digits (ft_mem); *negative set. */
static char *int_digits(FtObject *v, int base, int upper, int *negative, ssize_t *n) {
    char *out;
    if (ft_int_is_compact(v)) {
        int64_t x = ft_int_compact_value(v);
        *negative = x < 0;
        uint64_t u = x < 0 ? (uint64_t)0 - (uint64_t)x : (uint64_t)x;
        char tmp[72];
        int i = 71;
        tmp[i] = 0;
        const char *dig = upper ? "0123456789ABCDEF" : "0123456789abcdef";
        do {
            tmp[--i] = dig[u % base];
            u /= base;
        } while (u);
        *n = 71 - i;
        out = ft_mem_alloc(*n + 1);
        if (out)
            memcpy(out, tmp + i, *n + 1);
        return out;
    }
    FtObject *s = ft_int_to_string(v, base);
    if (!s)
        return NULL;
    ssize_t len;
    const char *u = ft_str_as_utf8_len(s, &len);
    if (!u) {
        FT_DECREF(s);
        return NULL;
    }
    *negative = 0;
    if (*u == '-') {
        *negative = 1;
        u++;
        len--;
    }
    if (base != 10 && len >= 2 && u[0] == '0' && (u[1] | 32) != '0') {
        u += 2;
        len -= 2;
    }
    out = ft_mem_alloc(len + 1);
    if (out) {
        for (ssize_t i = 0; i < len; i++)
            out[i] = upper && u[i] >= 'a' && u[i] <= 'f' ? (char)(u[i] - 32) : u[i];
        out[len] = 0;
        *n = len;
    }
    FT_DECREF(s);
    return out;
}

FtObject *ft_format_int(FtObject *v, FtObject *spec) {
    if (!spec || FT_STR_LEN(spec) == 0)
        return ft_object_str(v);
    Spec f;
    if (parse_spec(spec, &f, '>', v) < 0)
        return NULL;
    int base = 10, upper = 0, group = 3;
    const char *prefix = "";
    switch (f.type) {
    case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': case '%': {
        double x = ft_int_as_double(v);
        if (x == -1.0 && ft_err_occurred())
            return NULL;
        return format_double(x, spec, v);
    }
    case 'b': base = 2; prefix = "0b"; group = 4; break;
    case 'o': base = 8; prefix = "0o"; group = 4; break;
    case 'x': base = 16; prefix = "0x"; group = 4; break;
    case 'X': base = 16; prefix = "0X"; upper = 1; group = 4; break;
    case 'd': case 'n': case 0: break;
    case 'c': break;
    default: unknown_code(f.type, v); return NULL;
    }
    if (f.prec >= 0)
        return ft_err_format(ft_exc_ValueError, "Precision not allowed in integer format specifier");
    if (f.z)
        return ft_err_format(ft_exc_ValueError,
                             "Negative zero coercion (z) not allowed in integer format specifier");
    if (f.type == 'c') {
        if (f.sign)
            return ft_err_format(ft_exc_ValueError,
                                 "Sign not allowed with integer format specifier 'c'");
        if (f.alt)
            return ft_err_format(ft_exc_ValueError,
                                 "Alternate form (#) not allowed with integer format specifier 'c'");
        int ovf = 0;
        int64_t x = ft_int_as_i64(v, &ovf);
        if (ovf || x < 0 || x >= 0x110000)
            return ft_err_format(ft_exc_OverflowError, "%%c arg not in range(0x110000)");
        FtObject *ch = ft_str_from_char((uint32_t)x);
        if (!ch)
            return NULL;
        f.align = f.align == '=' ? '>' : f.align;
        FtObject *r = pad_text(ch, 1, &f);
        FT_DECREF(ch);
        return r;
    }
    int negative;
    ssize_t n;
    char *digits = int_digits(v, base, upper, &negative, &n);
    if (!digits)
        return NULL;
    FtObject *r = layout_number(&f, negative, f.alt ? prefix : "", digits, n, "", group);
    ft_mem_free(digits);
    return r;
}

/* ---- str.format ------------------------------------------------------------------------ */

typedef struct FmtArgs {
    FtObject *const *args;
    ssize_t nargs;
    FtObject *kwnames;   /* with args[nargs..] values; or NULL */
    FtObject *mapping;   /* format_map */
    int auto_number;     /* 0 unknown, 1 auto, 2 manual */
    ssize_t next_auto;
} FmtArgs;

static FtObject *render(FtObject *fmt, ssize_t start, ssize_t end, FmtArgs *a, int depth);

static FtObject *lookup_kw(FmtArgs *a, FtObject *name) {
    if (a->mapping)
        return ft_object_getitem(a->mapping, name);
    if (a->kwnames) {
        ssize_t n = FT_SIZE(a->kwnames);
        for (ssize_t i = 0; i < n; i++)
            if (ft_str_eq(FT_TUPLE_GET(a->kwnames, i), name))
                return FT_NEWREF(a->args[a->nargs + i]);
    }
    ft_err_set_object(ft_exc_KeyError, name);
    return NULL;
}

static int parse_index(FtObject *s, ssize_t start, ssize_t end, ssize_t *out) {
    if (start >= end)
        return 0;
    ssize_t v = 0;
    for (ssize_t i = start; i < end; i++) {
        uint32_t c = ft_str_read(s, i);
        if (c < '0' || c > '9')
            return 0;
        if (v > (SSIZE_MAX - 9) / 10) {
            ft_err_format(ft_exc_ValueError, "Too many decimal digits in format string");
            return -1;
        }
        v = v * 10 + (c - '0');
    }
    *out = v;
    return 1;
}

/* Resolve a field name ("0", "name", "", "0.attr[key]") to its object. */
static FtObject *get_field(FtObject *fmt, ssize_t start, ssize_t end, FmtArgs *a) {
    ssize_t i = start;
    while (i < end) {
        uint32_t c = ft_str_read(fmt, i);
        if (c == '.' || c == '[')
            break;
        i++;
    }
    ssize_t idx;
    int isnum = parse_index(fmt, start, i, &idx);
    if (isnum < 0)
        return NULL;
    FtObject *obj;
    if (i == start) {
        if (a->auto_number == 2)
            return ft_err_format(ft_exc_ValueError,
                                 "cannot switch from manual field specification to automatic "
                                 "field numbering");
        a->auto_number = 1;
        idx = a->next_auto++;
        isnum = 1;
    } else if (isnum) {
        if (a->auto_number == 1)
            return ft_err_format(ft_exc_ValueError,
                                 "cannot switch from automatic field numbering to manual field "
                                 "specification");
        a->auto_number = 2;
    }
    if (isnum) {
        if (a->mapping || idx >= a->nargs) {
            if (a->mapping)
                return ft_err_format(ft_exc_ValueError,
                                     "Format string contains positional fields");
            return ft_err_format(ft_exc_IndexError,
                                 "Replacement index %zd out of range for positional args tuple",
                                 idx);
        }
        obj = FT_NEWREF(a->args[idx]);
    } else {
        FtObject *name = ft_str_substring(fmt, start, i);
        if (!name)
            return NULL;
        obj = lookup_kw(a, name);
        FT_DECREF(name);
        if (!obj)
            return NULL;
    }
    while (i < end) {
        uint32_t c = ft_str_read(fmt, i++);
        ssize_t s0 = i;
        if (c == '.') {
            while (i < end && ft_str_read(fmt, i) != '.' && ft_str_read(fmt, i) != '[')
                i++;
            if (i == s0) {
                FT_DECREF(obj);
                return ft_err_format(ft_exc_ValueError, "Empty attribute in format string");
            }
            FtObject *name = ft_str_substring(fmt, s0, i);
            FtObject *nobj = name ? ft_object_getattr(obj, name) : NULL;
            FT_XDECREF(name);
            FT_DECREF(obj);
            if (!(obj = nobj))
                return NULL;
        } else if (c == '[') {
            while (i < end && ft_str_read(fmt, i) != ']')
                i++;
            if (i >= end) {
                FT_DECREF(obj);
                return ft_err_format(ft_exc_ValueError, "Missing ']' in format string");
            }
            if (i == s0) {
                FT_DECREF(obj);
                return ft_err_format(ft_exc_ValueError, "Empty attribute in format string");
            }
            ssize_t k;
            int num = parse_index(fmt, s0, i, &k);
            FtObject *key = num < 0 ? NULL
                          : num ? ft_int_from_ssize(k) : ft_str_substring(fmt, s0, i);
            FtObject *nobj = key ? ft_object_getitem(obj, key) : NULL;
            FT_XDECREF(key);
            FT_DECREF(obj);
            if (!(obj = nobj))
                return NULL;
            i++;
            if (i < end && ft_str_read(fmt, i) != '.' && ft_str_read(fmt, i) != '[') {
                FT_DECREF(obj);
                return ft_err_format(ft_exc_ValueError,
                                     "Only '.' or '[' may follow ']' in format field specifier");
            }
        } else {
            FT_DECREF(obj);
            return ft_err_format(ft_exc_ValueError,
                                 "Only '.' or '[' may follow ']' in format field specifier");
        }
    }
    return obj;
}

/* One replacement field: the object named by fmt[ns:ne], converted by conv (0: none) and
 * formatted with the spec fmt[ss:se] (ss < 0: none), which may hold nested fields. */
static int render_field(FtStrBuilder *sb, FtObject *fmt, ssize_t ns, ssize_t ne, uint32_t conv,
                        ssize_t ss, ssize_t se, FmtArgs *a, int depth) {
    FtObject *obj = get_field(fmt, ns, ne, a);
    if (!obj)
        return -1;
    if (conv) {
        FtObject *c;
        switch (conv) {
        case 'r': c = ft_object_repr(obj); break;
        case 's': c = ft_object_str(obj); break;
        case 'a': c = ft_object_ascii(obj); break;
        default:
            FT_DECREF(obj);
            if (conv > 32 && conv < 127)
                ft_err_format(ft_exc_ValueError, "Unknown conversion specifier %c", (int)conv);
            else
                ft_err_format(ft_exc_ValueError, "Unknown conversion specifier \\x%x",
                              (unsigned)conv);
            return -1;
        }
        FT_DECREF(obj);
        if (!(obj = c))
            return -1;
    }
    FtObject *spec = NULL;
    if (ss >= 0 && se > ss) {
        spec = render(fmt, ss, se, a, depth - 1);
        if (!spec) {
            FT_DECREF(obj);
            return -1;
        }
    }
    FtObject *r;
    if (!spec && ft_str_check_exact(obj))
        r = FT_NEWREF(obj);
    else
        r = ft_object_format(obj, spec);
    FT_XDECREF(spec);
    FT_DECREF(obj);
    if (!r)
        return -1;
    int rc = ft_sb_append_str(sb, r);
    FT_DECREF(r);
    return rc;
}

/* Literal text and fields of fmt[start:end], as CPython 3.11's MarkupIterator and
 * parse_field scan them (the field scan may run to the end of the whole string, which is
 * what decides between its error messages). */
static FtObject *render(FtObject *fmt, ssize_t start, ssize_t end, FmtArgs *a, int depth) {
    if (depth <= 0)
        return ft_err_format(ft_exc_ValueError, "Max string recursion exceeded");
    FtStrBuilder sb;
    ft_sb_init(&sb);
    ssize_t i = start;
    while (i < end) {
        uint32_t c = ft_str_read(fmt, i);
        if (c == '}') {
            if (i + 1 < end && ft_str_read(fmt, i + 1) == '}') {
                if (ft_sb_append_char(&sb, '}') < 0)
                    goto fail;
                i += 2;
                continue;
            }
            ft_err_format(ft_exc_ValueError, "Single '}' encountered in format string");
            goto fail;
        }
        if (c != '{') {
            if (ft_sb_append_char(&sb, c) < 0)
                goto fail;
            i++;
            continue;
        }
        if (i + 1 >= end) {
            ft_err_format(ft_exc_ValueError, "Single '{' encountered in format string");
            goto fail;
        }
        if (ft_str_read(fmt, i + 1) == '{') {
            if (ft_sb_append_char(&sb, '{') < 0)
                goto fail;
            i += 2;
            continue;
        }
        /* the field name ends at '}', ':' or '!'; brackets protect their contents */
        ssize_t p = i + 1, ns = p, ne = -1, ss = -1, se = -1;
        uint32_t conv = 0, term = 0;
        while (p < end) {
            uint32_t d = ft_str_read(fmt, p++);
            if (d == '{') {
                ft_err_format(ft_exc_ValueError, "unexpected '{' in field name");
                goto fail;
            }
            if (d == '[') {
                while (p < end && ft_str_read(fmt, p) != ']')
                    p++;
                continue;
            }
            if (d == '}' || d == ':' || d == '!') {
                term = d;
                break;
            }
        }
        if (!term) {
            ft_err_format(ft_exc_ValueError, "expected '}' before end of string");
            goto fail;
        }
        ne = p - 1;
        if (term != '}') {
            int done = 0;
            if (term == '!') {
                if (p >= end) {
                    ft_err_format(ft_exc_ValueError,
                                  "end of string while looking for conversion specifier");
                    goto fail;
                }
                conv = ft_str_read(fmt, p++);
                if (p < end) {
                    uint32_t d = ft_str_read(fmt, p++);
                    if (d == '}')
                        done = 1;
                    else if (d != ':') {
                        ft_err_format(ft_exc_ValueError, "expected ':' after conversion specifier");
                        goto fail;
                    }
                }
            }
            if (!done) {
                ss = p;
                int count = 1;
                while (p < end) {
                    uint32_t d = ft_str_read(fmt, p++);
                    if (d == '{')
                        count++;
                    else if (d == '}' && --count == 0) {
                        se = p - 1;
                        break;
                    }
                }
                if (se < 0) {
                    ft_err_format(ft_exc_ValueError, "unmatched '{' in format spec");
                    goto fail;
                }
            }
        }
        if (render_field(&sb, fmt, ns, ne, conv, ss, se, a, depth) < 0)
            goto fail;
        i = p;
    }
    return ft_sb_finish(&sb);
fail:
    ft_sb_discard(&sb);
    return NULL;
}

FtObject *ft_str_format_method(FtObject *fmt, FtObject *const *args, ssize_t nargs,
                               FtObject *kwnames) {
    FmtArgs a = {args, nargs, kwnames, NULL, 0, 0};
    return render(fmt, 0, FT_STR_LEN(fmt), &a, 2);
}

FtObject *ft_str_format_map(FtObject *fmt, FtObject *mapping) {
    FmtArgs a = {NULL, 0, NULL, mapping, 0, 0};
    return render(fmt, 0, FT_STR_LEN(fmt), &a, 2);
}

/* ---- %-formatting ------------------------------------------------------------------------ */

typedef struct PctCtx {
    FtObject *fmt;        /* str, or a bytes-like when bytes_mode */
    const char *bdata;    /* bytes mode data */
    ssize_t len;
    int bytes_mode;
    FtObject *args;       /* the right operand */
    FtObject *dict;       /* mapping for %(name), or NULL */
    ssize_t argidx, nargs; /* nargs -1: single non-tuple argument */
    int used_single;
} PctCtx;

static uint32_t pct_read(PctCtx *c, ssize_t i) {
    return c->bytes_mode ? (uint8_t)c->bdata[i] : ft_str_read(c->fmt, i);
}

static FtObject *pct_next_arg(PctCtx *c) {
    if (c->nargs < 0) {
        if (c->used_single)
            goto missing;
        c->used_single = 1;
        return c->args;
    }
    if (c->argidx < c->nargs)
        return FT_TUPLE_GET(c->args, c->argidx++);
missing:
    ft_err_format(ft_exc_TypeError, "not enough arguments for format string");
    return NULL;
}

/* Pad `body` (a str) to width: '-' left-justifies; zero fill goes after sign/prefix. */
static int pct_emit(FtStrBuilder *sb, FtObject *body, ssize_t width, int left, int zero,
                    ssize_t prefix_len) {
    ssize_t len = FT_STR_LEN(body);
    ssize_t padn = width > len ? width - len : 0;
    if (!left && !zero && append_fill(sb, ' ', padn) < 0)
        return -1;
    ssize_t i = 0;
    if (zero && !left) {
        for (; i < prefix_len; i++)
            if (ft_sb_append_char(sb, ft_str_read(body, i)) < 0)
                return -1;
        if (append_fill(sb, '0', padn) < 0)
            return -1;
    }
    for (; i < len; i++)
        if (ft_sb_append_char(sb, ft_str_read(body, i)) < 0)
            return -1;
    if (left && append_fill(sb, ' ', padn) < 0)
        return -1;
    return 0;
}

static FtObject *bytes_text(FtObject *v) {
    /* %s / %b in bytes formatting: the buffer, or __bytes__ */
    const char *d;
    ssize_t n;
    if (ft_bytes_like_get(v, &d, &n) == 0)
        return ft_str_from_latin1(d, n);
    ft_err_clear();
    FtObject *m = ft_type_lookup_cstr(FT_TYPE(v), "__bytes__");
    if (m) {
        FtObject *b = ft_object_call_method_cstr(v, "__bytes__", NULL, 0);
        if (!b)
            return NULL;
        FtObject *r = NULL;
        if (ft_bytes_like_get(b, &d, &n) == 0)
            r = ft_str_from_latin1(d, n);
        FT_DECREF(b);
        return r;
    }
    return ft_err_format(ft_exc_TypeError,
                         "%%b requires a bytes-like object, or an object that implements "
                         "__bytes__, not '%T'", v);
}

static FtObject *pct_format(PctCtx *c) {
    FtStrBuilder sb;
    ft_sb_init(&sb);
    ssize_t i = 0;
    while (i < c->len) {
        uint32_t ch = pct_read(c, i);
        if (ch != '%') {
            if (ft_sb_append_char(&sb, ch) < 0)
                goto fail;
            i++;
            continue;
        }
        ssize_t spec_start = i++;
        if (i >= c->len) {
            ft_err_format(ft_exc_ValueError, "incomplete format");
            goto fail;
        }
        if (pct_read(c, i) == '%') {
            if (ft_sb_append_char(&sb, '%') < 0)
                goto fail;
            i++;
            continue;
        }
        FtObject *keyed = NULL; /* new ref when a %(name) was used */
        if (pct_read(c, i) == '(') {
            if (!c->dict) {
                ft_err_format(ft_exc_TypeError, "format requires a mapping");
                goto fail;
            }
            ssize_t k0 = ++i;
            int level = 1;
            while (i < c->len) {
                uint32_t d = pct_read(c, i);
                if (d == '(')
                    level++;
                else if (d == ')' && --level == 0)
                    break;
                i++;
            }
            if (i >= c->len) {
                ft_err_format(ft_exc_ValueError, "incomplete format key");
                goto fail;
            }
            FtObject *key = c->bytes_mode ? ft_bytes_from_data(c->bdata + k0, i - k0)
                                          : ft_str_substring(c->fmt, k0, i);
            i++;
            if (!key)
                goto fail;
            keyed = ft_object_getitem(c->dict, key);
            FT_DECREF(key);
            if (!keyed)
                goto fail;
            /* after a keyed field, positional fetching is off: mirror CPython */
            c->nargs = -1;
            c->used_single = 1;
        }
        int left = 0, plus = 0, space = 0, alt = 0, zero = 0;
        for (; i < c->len; i++) {
            uint32_t d = pct_read(c, i);
            if (d == '-') left = 1;
            else if (d == '+') plus = 1;
            else if (d == ' ') space = 1;
            else if (d == '#') alt = 1;
            else if (d == '0') zero = 1;
            else break;
        }
        ssize_t width = -1, prec = -1;
        if (i < c->len && pct_read(c, i) == '*') {
            FtObject *w = pct_next_arg(c);
            if (!w)
                goto fail_keyed;
            if (!ft_int_check(w)) {
                ft_err_format(ft_exc_TypeError, "* wants int");
                goto fail_keyed;
            }
            width = ft_int_as_ssize(w);
            if (width == -1 && ft_err_occurred())
                goto fail_keyed;
            if (width < 0) {
                left = 1;
                width = -width;
            }
            i++;
        } else {
            while (i < c->len && pct_read(c, i) >= '0' && pct_read(c, i) <= '9')
                width = (width < 0 ? 0 : width) * 10 + (pct_read(c, i++) - '0');
        }
        if (i < c->len && pct_read(c, i) == '.') {
            i++;
            prec = 0;
            if (i < c->len && pct_read(c, i) == '*') {
                FtObject *w = pct_next_arg(c);
                if (!w)
                    goto fail_keyed;
                if (!ft_int_check(w)) {
                    ft_err_format(ft_exc_TypeError, "* wants int");
                    goto fail_keyed;
                }
                prec = ft_int_as_ssize(w);
                if (prec == -1 && ft_err_occurred())
                    goto fail_keyed;
                if (prec < 0)
                    prec = 0;
                i++;
            } else {
                while (i < c->len && pct_read(c, i) >= '0' && pct_read(c, i) <= '9')
                    prec = prec * 10 + (pct_read(c, i++) - '0');
            }
        }
        while (i < c->len && (pct_read(c, i) == 'h' || pct_read(c, i) == 'l' ||
                              pct_read(c, i) == 'L'))
            i++;
        if (i >= c->len) {
            ft_err_format(ft_exc_ValueError, "incomplete format");
            goto fail_keyed;
        }
        uint32_t conv = pct_read(c, i++);
        FtObject *v = keyed ? keyed : pct_next_arg(c);
        if (!v)
            goto fail_keyed;
        FtObject *body = NULL;
        ssize_t prefix_len = 0;
        int numeric = 0;
        switch (conv) {
        case '%':
            /* "%%" was handled above; a '%' after flags or a width is an error in 3.11,
             * reported once the argument it would consume is known to exist */
            goto unsupported;
        case 's': case 'r': case 'a': case 'b':
            if (c->bytes_mode) {
                if (conv == 'r' || conv == 'a') {
                    FtObject *t = ft_object_ascii(v);
                    body = t;
                } else
                    body = bytes_text(v);
            } else if (conv == 'b') {
                goto unsupported;
            } else {
                body = conv == 's' ? ft_object_str(v)
                     : conv == 'r' ? ft_object_repr(v) : ft_object_ascii(v);
            }
            if (body && prec >= 0 && FT_STR_LEN(body) > prec) {
                FtObject *t = ft_str_substring(body, 0, prec);
                FT_DECREF(body);
                body = t;
            }
            break;
        case 'c': {
            if (ft_str_check(v) && !c->bytes_mode) {
                if (FT_STR_LEN(v) != 1) {
                    ft_err_format(ft_exc_TypeError, "%%c requires int or char");
                    goto fail_keyed;
                }
                body = FT_NEWREF(v);
            } else if (c->bytes_mode && ft_bytes_check(v) && FT_SIZE(v) == 1) {
                body = ft_str_from_char((uint8_t)FT_BYTES_DATA(v)[0]);
            } else if (ft_int_check(v)) {
                int ovf = 0;
                int64_t x = ft_int_as_i64(v, &ovf);
                int64_t lim = c->bytes_mode ? 256 : 0x110000;
                if (ovf || x < 0 || x >= lim) {
                    if (c->bytes_mode)
                        ft_err_format(ft_exc_OverflowError, "%%c arg not in range(256)");
                    else
                        ft_err_format(ft_exc_OverflowError, "%%c arg not in range(0x110000)");
                    goto fail_keyed;
                }
                body = ft_str_from_char((uint32_t)x);
            } else {
                if (c->bytes_mode)
                    ft_err_format(ft_exc_TypeError,
                                  "%%c requires an integer in range(256) or a single byte");
                else
                    ft_err_format(ft_exc_TypeError, "%%c requires int or char");
                goto fail_keyed;
            }
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
            numeric = 1;
            FtObject *iv;
            if (conv == 'd' || conv == 'i' || conv == 'u') {
                if (ft_int_check(v))
                    iv = FT_NEWREF(v);
                else if (ft_float_check(v) || (FT_TYPE(v)->tp_as_number &&
                                               FT_TYPE(v)->tp_as_number->nb_int))
                    iv = ft_number_long(v);
                else {
                    /* bytes formatting reports %i as %d (it converts the code first) */
                    ft_err_format(ft_exc_TypeError, "%%%c format: a real number is required, not %T",
                                  (int)(c->bytes_mode && conv == 'i' ? 'd' : conv), v);
                    goto fail_keyed;
                }
            } else {
                if (!ft_index_check(v)) {
                    ft_err_format(ft_exc_TypeError, "%%%c format: an integer is required, not %T",
                                  (int)conv, v);
                    goto fail_keyed;
                }
                iv = ft_number_index(v);
            }
            if (!iv)
                goto fail_keyed;
            int base = conv == 'x' || conv == 'X' ? 16 : conv == 'o' ? 8 : 10;
            int neg;
            ssize_t n;
            char *digits = int_digits(iv, base, conv == 'X', &neg, &n);
            FT_DECREF(iv);
            if (!digits)
                goto fail_keyed;
            FtStrBuilder t;
            ft_sb_init(&t);
            int rc = 0;
            if (neg)
                rc |= ft_sb_append_char(&t, '-');
            else if (plus)
                rc |= ft_sb_append_char(&t, '+');
            else if (space)
                rc |= ft_sb_append_char(&t, ' ');
            if (alt && base != 10) {
                rc |= ft_sb_append_char(&t, '0');
                rc |= ft_sb_append_char(&t, conv == 'o' ? 'o' : conv);
            }
            prefix_len = t.len;
            for (ssize_t z = n; z < prec; z++)
                rc |= ft_sb_append_char(&t, '0');
            rc |= append_ascii(&t, digits, n);
            ft_mem_free(digits);
            if (rc) {
                ft_sb_discard(&t);
                goto fail_keyed;
            }
            body = ft_sb_finish(&t);
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            numeric = 1;
            double x;
            if (ft_float_check(v))
                x = FT_FLOAT_VALUE(v);
            else if (ft_int_check(v) || (FT_TYPE(v)->tp_as_number &&
                                         (FT_TYPE(v)->tp_as_number->nb_float ||
                                          FT_TYPE(v)->tp_as_number->nb_index))) {
                x = ft_float_as_double(v);
                if (x == -1.0 && ft_err_occurred())
                    goto fail_keyed;
            } else {
                ft_err_format(ft_exc_TypeError, c->bytes_mode ? "float argument required, not %T"
                                                              : "must be real number, not %T", v);
                goto fail_keyed;
            }
            if (prec < 0)
                prec = 6;
            size_t cap = (size_t)prec + 400;
            char *buf = ft_mem_alloc(cap);
            if (!buf)
                goto fail_keyed;
            double_text(x, (char)conv, (int)prec, alt, 0, buf, cap);
            char *p = buf;
            FtStrBuilder t;
            ft_sb_init(&t);
            int rc = 0;
            if (*p == '-')
                rc |= ft_sb_append_char(&t, *p++);
            else if (plus)
                rc |= ft_sb_append_char(&t, '+');
            else if (space)
                rc |= ft_sb_append_char(&t, ' ');
            prefix_len = t.len;
            rc |= append_ascii(&t, p, (ssize_t)strlen(p));
            ft_mem_free(buf);
            if (rc) {
                ft_sb_discard(&t);
                goto fail_keyed;
            }
            body = ft_sb_finish(&t);
            break;
        }
        default:
        unsupported:
            if (conv > 32 && conv < 127)
                ft_err_format(ft_exc_ValueError,
                              "unsupported format character '%c' (0x%x) at index %zd",
                              (int)conv, (unsigned)conv, i - 1);
            else
                ft_err_format(ft_exc_ValueError,
                              "unsupported format character '\\x%x' (0x%x) at index %zd",
                              (unsigned)conv, (unsigned)conv, i - 1);
            goto fail_keyed;
        }
        FT_UNUSED(spec_start);
        if (!body)
            goto fail_keyed;
        int rc = pct_emit(&sb, body, width, left, numeric && zero, prefix_len);
        FT_DECREF(body);
        FT_XDECREF(keyed);
        if (rc < 0)
            goto fail;
        continue;
    fail_keyed:
        FT_XDECREF(keyed);
        goto fail;
    }
    if ((c->nargs >= 0 && c->argidx < c->nargs) || (c->nargs < 0 && !c->used_single && !c->dict)) {
        ft_err_format(ft_exc_TypeError, c->bytes_mode
                                            ? "not all arguments converted during bytes formatting"
                                            : "not all arguments converted during string formatting");
        goto fail;
    }
    return ft_sb_finish(&sb);
fail:
    ft_sb_discard(&sb);
    return NULL;
}

static void pct_setup(PctCtx *c, FtObject *args) {
    c->args = args;
    c->argidx = 0;
    c->used_single = 0;
    if (ft_tuple_check(args)) {
        c->nargs = FT_SIZE(args);
    } else {
        c->nargs = -1;
    }
    c->dict = NULL;
    if (!ft_tuple_check(args) && !ft_str_check(args) && FT_TYPE(args)->tp_as_mapping &&
        FT_TYPE(args)->tp_as_mapping->mp_subscript)
        c->dict = args;
}

FtObject *ft_str_percent_format(FtObject *fmt, FtObject *args) {
    PctCtx c;
    memset(&c, 0, sizeof c);
    c.fmt = fmt;
    c.len = FT_STR_LEN(fmt);
    pct_setup(&c, args);
    return pct_format(&c);
}

FtObject *ft_bytes_percent_format(FtObject *fmt, FtObject *args, int is_bytearray) {
    PctCtx c;
    memset(&c, 0, sizeof c);
    c.fmt = fmt;
    c.bytes_mode = 1;
    if (ft_bytes_like_get(fmt, &c.bdata, &c.len) < 0)
        return NULL;
    pct_setup(&c, args);
    if (ft_bytes_check(args) || ft_bytearray_check(args))
        c.dict = NULL;
    FtObject *s = pct_format(&c);
    if (!s)
        return NULL;
    /* every code point is < 256 except from %r/%a of non-ASCII text, which ascii() avoids */
    ssize_t n = FT_STR_LEN(s);
    FtObject *r = is_bytearray ? ft_bytearray_from_data(NULL, n) : ft_bytes_new(n);
    if (r) {
        char *d = is_bytearray ? ((FtByteArray *)r)->data : FT_BYTES_DATA(r);
        for (ssize_t i = 0; i < n; i++)
            d[i] = (char)ft_str_read(s, i);
    }
    FT_DECREF(s);
    return r;
}
