/* Declarations shared by the text files only (str.c, strmethods.c, strtables.c, codecs.c,
 * format.c, strbuilder.c, bytes.c, bytearray.c); nothing outside core/objects uses them. */
#ifndef FT_STRINTERNAL_H
#define FT_STRINTERNAL_H

#include "core/object.h"
#include <limits.h>
#include <stdlib.h>

static inline uint32_t kread(int kind, const void *d, ssize_t i) {
    return kind == 1 ? ((const uint8_t *)d)[i]
         : kind == 2 ? ((const uint16_t *)d)[i] : ((const uint32_t *)d)[i];
}
static inline void kwrite(int kind, void *d, ssize_t i, uint32_t c) {
    if (kind == 1)
        ((uint8_t *)d)[i] = (uint8_t)c;
    else if (kind == 2)
        ((uint16_t *)d)[i] = (uint16_t)c;
    else
        ((uint32_t *)d)[i] = c;
}
/* Argument Clinic's wording of a bad argument's type: None is named "None". */
static inline const char *ft_arg_type_name(FtObject *o) {
    return o == FT_NONE ? "None" : FT_TYPE(o)->tp_name;
}
/* An Argument Clinic 'n' parameter: __index__, then "Python int too large to convert to
 * C ssize_t" on overflow. 0 ok, -1 error. */
static inline int ft_clinic_ssize(FtObject *o, ssize_t *out) {
    FtObject *i = ft_number_index(o);
    if (!i)
        return -1;
    ssize_t v = ft_int_as_ssize(i);
    FT_DECREF(i);
    if (v == -1 && ft_err_occurred())
        return -1;
    *out = v;
    return 0;
}
#define SKIND(s) (((FtStr *)(s))->kind)
#define SASCII(s) (((FtStr *)(s))->ascii)

/* str.c */
extern FtType ft_str_iter_type;
FtObject *ft_str_from_kind(int kind, const void *data, ssize_t len); /* narrows */
FtObject *ft_str_from_ascii(const char *s, ssize_t len);              /* all bytes < 128 */
uint32_t ft_str_maxchar(FtObject *s);
ft_hash_t ft_str_hash_bytes(const void *data, ssize_t len); /* SipHash-1-3, shared by bytes */
/* first (dir > 0) or last (dir < 0) index of sub in s[start:end] (already clamped), or -1 */
ssize_t ft_str_find_sub(FtObject *s, FtObject *sub, ssize_t start, ssize_t end, int dir);
ssize_t ft_str_count_sub(FtObject *s, FtObject *sub, ssize_t start, ssize_t end, ssize_t max);
FtObject *ft_str_new_subtype(FtType *type, FtObject *exact); /* str subclass instance */
void ft_adjust_indices(ssize_t len, ssize_t *start, ssize_t *end);
/* Parse optional start/end arguments (None allowed, __index__, clamped like slices). */
int ft_parse_start_end(FtObject *const *args, ssize_t nargs, ssize_t first, ssize_t len,
                       ssize_t *start, ssize_t *end);

/* strmethods.c */
extern FtMethodDef ft_str_methods[];

/* strtables.c: character classes beyond ASCII */
int ft_uni_isspace(uint32_t c);
int ft_uni_islinebreak(uint32_t c);
int ft_uni_isprintable(uint32_t c);
int ft_uni_isalpha(uint32_t c);
int ft_uni_isdecimal(uint32_t c);
int ft_uni_isdigit(uint32_t c);
int ft_uni_isnumeric(uint32_t c);
int ft_uni_isupper(uint32_t c);
int ft_uni_islower(uint32_t c);
int ft_uni_istitle(uint32_t c);
int ft_uni_iscased(uint32_t c);
int ft_uni_isalnum(uint32_t c);
int ft_uni_decimal_value(uint32_t c); /* -1 when not a decimal digit */
uint32_t ft_uni_toupper(uint32_t c);
uint32_t ft_uni_tolower(uint32_t c);
uint32_t ft_uni_totitle(uint32_t c);
int ft_uni_iscaseignorable(uint32_t c);
/* Full case mapping (may give up to 3 code points): the count written to out. */
enum { FT_CASE_LOWER, FT_CASE_TITLE, FT_CASE_UPPER, FT_CASE_FOLD };
int ft_uni_full_case(uint32_t c, int how, uint32_t out[3]);
int ft_uni_isidstart(uint32_t c);
int ft_uni_isidcontinue(uint32_t c);

/* codecs.c */
enum { FT_ERR_STRICT, FT_ERR_IGNORE, FT_ERR_REPLACE, FT_ERR_SURROGATEESCAPE,
       FT_ERR_BACKSLASHREPLACE, FT_ERR_XMLCHARREFREPLACE, FT_ERR_SURROGATEPASS,
       FT_ERR_NAMEREPLACE, FT_ERR_UNKNOWN };
enum { FT_ENC_UTF8, FT_ENC_LATIN1, FT_ENC_ASCII, FT_ENC_UTF16, FT_ENC_UTF16LE, FT_ENC_UTF16BE,
       FT_ENC_UTF32, FT_ENC_UTF32LE, FT_ENC_UTF32BE, FT_ENC_UNKNOWN };
int ft_codec_lookup_errors(const char *errors);
int ft_codec_lookup_encoding(const char *encoding); /* FT_ENC_UNKNOWN: LookupError set */
FtObject *ft_codec_decode(const char *s, ssize_t len, const char *encoding, const char *errors);
FtObject *ft_codec_encode(FtObject *str, const char *encoding, const char *errors);
FtObject *ft_codec_utf8_decode(const char *s, ssize_t len, int errors, const char *errname);
/* Encode to UTF-8 into a fresh ft_mem buffer (NUL-terminated); strict fails on surrogates */
char *ft_codec_utf8_encode_raw(FtObject *str, ssize_t *outlen);
/* Parse (encoding, errors) arguments; defaults utf-8 / strict. */
int ft_codec_get_names(const char *fname, FtObject *enc, FtObject *errs, const char **encoding,
                       const char **errors);

/* format.c */
FtObject *ft_bytes_percent_format(FtObject *fmt, FtObject *args, int is_bytearray);
FtObject *ft_str_format_map(FtObject *fmt, FtObject *mapping);

/* bytes.c: shared by bytearray.c */
typedef struct FtByteView {
    const char *data;
    ssize_t len;
} FtByteView;
extern FtType ft_bytes_iter_type, ft_bytearray_iter_type;
FtObject *ft_bytes_make(FtType *type, const char *data, ssize_t len); /* bytes or bytearray */
FtObject *ft_bytes_repr_data(const char *data, ssize_t len, const char *prefix,
                             const char *suffix, int always_escape_squote);
#define ft_bytes_check_exact_(o) (FT_TYPE(o) == &ft_bytes_type)
extern FtMethodDef ft_bytes_common_methods[];  /* the methods bytearray shares */
int ft_bytes_getbyte(FtObject *o, int *value); /* int in range(256) -> 1, not int -> 0, -1 */
FtObject *ft_bytes_fromhex_impl(FtType *type, FtObject *s);
int ft_bytes_collect(FtObject *o, char **buf, ssize_t *len); /* bytes(o) data, ft_mem */
int ft_bytes_init_data(const char *fname, FtObject *src, FtObject *enc, FtObject *errs,
                       char **buf, ssize_t *len);
FtObject *ft_bytes_subscript_impl(FtObject *self, FtObject *key, FtType *t);
int ft_bytes_contains_impl(FtObject *self, FtObject *x);
FtObject *ft_bytearray_iter_new(FtObject *o);
int ft_bytes_init_singletons(void);
int ft_bytearray_prepare(void); /* assembles the method table before ft_type_ready */
FtObject *ft_bytes_richcompare(FtObject *a, FtObject *b, int op); /* bytes and bytearray */

#endif
