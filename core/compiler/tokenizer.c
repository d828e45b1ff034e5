/* The tokenizer (tokenizer.h). Its structure follows CPython 3.11's Parser/tokenizer.c
 * closely on purpose: the positions CPython reports for tokenizer errors depend on where
 * its cursor happens to be (after a backup or not), and users see those offsets in carets.
 * The whole source is in memory, but it is still consumed line by line: `inp` is the end
 * of the current line, and `lineno` advances when the first character of a line is read,
 * exactly when CPython's tok_nextc would fetch a new line. */
#include "core/compiler/tokenizer.h"

#include "core/compiler/parser.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>

#define EOF_CHAR (-1)
#define TABSIZE 8
#define ALTTABSIZE 1

const char *const ft_token_names[FT_TOK_COUNT] = {
#define FT_TOKEN_NAME(name, text) #name,
    FT_TOKEN_LIST(FT_TOKEN_NAME)
#undef FT_TOKEN_NAME
};

const char *const ft_token_texts[FT_TOK_COUNT] = {
#define FT_TOKEN_TEXT(name, text) text,
    FT_TOKEN_LIST(FT_TOKEN_TEXT)
#undef FT_TOKEN_TEXT
};

const char *const ft_keyword_texts[FT_KW_COUNT] = {
    "",
#define FT_KEYWORD_TEXT(name, text) text,
    FT_KEYWORD_LIST(FT_KEYWORD_TEXT)
#undef FT_KEYWORD_TEXT
};

int ft_token_keyword(const char *s, ssize_t n)
{
    if (n < 2 || n > 8)
        return 0;
    /* keywords are sorted by first letter in small groups: a linear scan of ~35 short
     * strings guarded by the first character is fast enough */
    for (int k = 1; k < FT_KW_COUNT; k++) {
        const char *kw = ft_keyword_texts[k];
        if (kw[0] == s[0] && (ssize_t)strlen(kw) == n && memcmp(kw, s, (size_t)n) == 0)
            return k;
    }
    return 0;
}

ssize_t ft_utf8_count(const char *s, ssize_t n)
{
    ssize_t count = 0;
    for (ssize_t i = 0; i < n; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            count++;
    return count;
}

/* ---- source preparation ------------------------------------------------------------------ */

/* Length of the valid UTF-8 sequence at s (1..4), or 0 if invalid. */
static int utf8_seq_len(const unsigned char *s, const unsigned char *end)
{
    unsigned c = s[0];
    int n;
    uint32_t cp;
    if (c < 0x80)
        return 1;
    if (c < 0xC2)
        return 0;
    if (c < 0xE0) {
        n = 2;
        cp = c & 0x1F;
    } else if (c < 0xF0) {
        n = 3;
        cp = c & 0x0F;
    } else if (c < 0xF5) {
        n = 4;
        cp = c & 0x07;
    } else {
        return 0;
    }
    if (end - s < n)
        return 0;
    for (int i = 1; i < n; i++) {
        if ((s[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (s[i] & 0x3F);
    }
    if ((n == 3 && (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF))) ||
        (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)))
        return 0;
    return n;
}

char *ft_tokenizer_prepare_source(const char *src, ssize_t len, int add_newline,
                                  FtObject *filename, ssize_t *out_len)
{
    if (len < 0)
        len = (ssize_t)strlen(src);
    if (memchr(src, 0, (size_t)len)) {
        ft_err_set_string(ft_exc_SyntaxError, "source code string cannot contain null bytes");
        return NULL;
    }
    if (len >= 3 && memcmp(src, "\xEF\xBB\xBF", 3) == 0) {
        src += 3;
        len -= 3;
    }
    char *buf = ft_mem_alloc((size_t)len + 2);
    if (!buf)
        return NULL;
    ssize_t n = 0;
    int line = 1;
    const unsigned char *s = (const unsigned char *)src, *end = s + len;
    while (s < end) {
        if (*s == '\r') {
            buf[n++] = '\n';
            s += (s + 1 < end && s[1] == '\n') ? 2 : 1;
            line++;
            continue;
        }
        if (*s < 0x80) {
            if (*s == '\n')
                line++;
            buf[n++] = (char)*s++;
            continue;
        }
        int k = utf8_seq_len(s, end);
        if (k == 0) {
            /* CPython's message for a file without an encoding declaration */
            FtObject *msg = ft_str_from_format(
                "Non-UTF-8 code starting with '\\x%x' in file %U on line %d, but no "
                "encoding declared; see https://peps.python.org/pep-0263/ for details",
                (unsigned)*s, filename ? filename : ft_str_intern_cstr("<string>"), line);
            if (msg) {
                ft_syntax_error_raw(ft_exc_SyntaxError, msg, filename, line, 0, NULL, line,
                                    0);
                FT_DECREF(msg);
            }
            ft_mem_free(buf);
            return NULL;
        }
        memcpy(buf + n, s, (size_t)k);
        n += k;
        s += k;
    }
    if (add_newline && (n == 0 || buf[n - 1] != '\n'))
        buf[n++] = '\n';
    buf[n] = 0;
    if (out_len)
        *out_len = n;
    return buf;
}

/* ---- character input ----------------------------------------------------------------------- */

void ft_tokenizer_init(FtTokenizer *tok, const char *buf, ssize_t len, FtObject *filename)
{
    memset(tok, 0, sizeof *tok);
    if (len < 0)
        len = (ssize_t)strlen(buf);
    tok->buf = buf;
    tok->end = buf + len;
    tok->cur = tok->inp = tok->line_start = buf;
    tok->atbol = 1;
    tok->filename = filename;
}

static int tok_nextc(FtTokenizer *tok)
{
    if (tok->cur != tok->inp)
        return (unsigned char)*tok->cur++;
    if (tok->done != FT_E_OK)
        return EOF_CHAR;
    if (tok->inp >= tok->end) {
        tok->done = FT_E_EOF;
        return EOF_CHAR;
    }
    /* fetch the next line */
    const char *nl = memchr(tok->inp, '\n', (size_t)(tok->end - tok->inp));
    if (tok->start == NULL)
        tok->logical_start = tok->cur;
    tok->line_start = tok->cur;
    tok->inp = nl ? nl + 1 : tok->end;
    tok->lineno++;
    return (unsigned char)*tok->cur++;
}

static void tok_backup(FtTokenizer *tok, int c)
{
    if (c != EOF_CHAR)
        tok->cur--;
}

/* ---- errors ---------------------------------------------------------------------------------- */

static void tokenizer_verror(FtTokenizer *tok, FtType *type, int col_offset,
                             int end_col_offset, const char *fmt, va_list ap)
{
    FtObject *msg = ft_str_from_vformat(fmt, ap);
    tok->done = FT_E_ERROR;
    if (!msg)
        return;
    const char *ls = tok->line_start;
    if (col_offset == -1)
        col_offset = (int)ft_utf8_count(ls, tok->cur - ls);
    if (end_col_offset == -1)
        end_col_offset = col_offset;
    const char *nl = strchr(ls, '\n');
    size_t line_len = nl ? (size_t)(nl - ls) : strlen(ls);
    FtObject *text = ft_str_from_utf8(ls, (ssize_t)line_len);
    if (!text)
        ft_err_clear();
    ft_syntax_error_raw(type, msg, tok->filename, tok->lineno, col_offset, text, tok->lineno,
                        end_col_offset);
    FT_DECREF(msg);
    FT_XDECREF(text);
}

void ft_tokenizer_error(FtTokenizer *tok, FtType *type, int col_offset, int end_col_offset,
                        const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tokenizer_verror(tok, type, col_offset, end_col_offset, fmt, ap);
    va_end(ap);
}

/* CPython's syntaxerror(): located at the cursor; returns ERRORTOKEN for convenience. */
static int syntaxerror(FtTokenizer *tok, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tokenizer_verror(tok, ft_exc_SyntaxError, -1, -1, fmt, ap);
    va_end(ap);
    return FT_TOK_ERRORTOKEN;
}

static int indenterror(FtTokenizer *tok)
{
    tok->done = FT_E_TABSPACE;
    tok->cur = tok->inp;
    return FT_TOK_ERRORTOKEN;
}

/* ---- character classes ----------------------------------------------------------------------- */

static int is_potential_identifier_start(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 128;
}

static int is_potential_identifier_char(int c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_' || c >= 128;
}

/* Without the Unicode database, printable and identifier characters are approximated by
 * ranges: the common punctuation, symbol, space and control blocks are excluded; letters
 * of every script are accepted. */
static int cp_is_printable(uint32_t c)
{
    if (c < 0x20 || c == 0x7F || (c >= 0x80 && c <= 0xA0) || c == 0xAD)
        return 0;
    if (c == 0x1680 || (c >= 0x2000 && c <= 0x200F) || (c >= 0x2028 && c <= 0x202F) ||
        (c >= 0x205F && c <= 0x206F) || c == 0x3000 || c == 0xFEFF ||
        (c >= 0xFFF9 && c <= 0xFFFB) || (c >= 0xD800 && c <= 0xF8FF) ||
        (c >= 0xFFFE && c <= 0xFFFF) || c >= 0xF0000)
        return 0;
    return 1;
}

static int cp_is_xid(uint32_t c, int first)
{
    if (c < 128) {
        if (isalpha((int)c) || c == '_')
            return 1;
        return !first && isdigit((int)c);
    }
    if (!cp_is_printable(c))
        return 0;
    if (c <= 0xBF)
        return c == 0xAA || c == 0xB5 || c == 0xBA || (!first && c == 0xB7);
    if (c == 0xD7 || c == 0xF7)
        return 0;
    if (c >= 0x2000 && c <= 0x206F)
        return !first && (c == 0x203F || c == 0x2040 || c == 0x2054);
    if ((c >= 0x20A0 && c <= 0x20CF) || (c >= 0x2190 && c <= 0x2BFF) ||
        (c >= 0x2E00 && c <= 0x2E7F) || (c >= 0x3001 && c <= 0x3004) ||
        (c >= 0x3008 && c <= 0x3020) || c == 0x30FB || (c >= 0xFE10 && c <= 0xFE2F) ||
        (c >= 0xFE30 && c <= 0xFE6F && !(c == 0xFE33 || c == 0xFE34 || (c >= 0xFE4D && c <= 0xFE4F))) ||
        (c >= 0xFF01 && c <= 0xFF0F) || (c >= 0xFF1A && c <= 0xFF20) ||
        (c >= 0xFF3B && c <= 0xFF40 && c != 0xFF3F) || (c >= 0xFF5B && c <= 0xFF65) ||
        (c >= 0x1F000 && c <= 0x1FAFF))
        return 0;
    return 1;
}

static uint32_t decode_utf8(const char **ps)
{
    const unsigned char *s = (const unsigned char *)*ps;
    uint32_t c = s[0];
    int n = 1;
    if (c >= 0xF0) {
        c &= 0x07;
        n = 4;
    } else if (c >= 0xE0) {
        c &= 0x0F;
        n = 3;
    } else if (c >= 0xC0) {
        c &= 0x1F;
        n = 2;
    }
    for (int i = 1; i < n; i++)
        c = (c << 6) | (s[i] & 0x3F);
    *ps += n;
    return c;
}

static int verify_identifier(FtTokenizer *tok)
{
    const char *p = tok->start;
    int first = 1;
    while (p < tok->cur) {
        uint32_t ch = decode_utf8(&p);
        if (!cp_is_xid(ch, first)) {
            tok->cur = p;
            char hex[16];
            snprintf(hex, sizeof hex, "%04X", (unsigned)ch);
            if (cp_is_printable(ch))
                syntaxerror(tok, "invalid character '%c' (U+%s)", (int)ch, hex);
            else
                syntaxerror(tok, "invalid non-printable character U+%s", hex);
            return 0;
        }
        first = 0;
    }
    return 1;
}

/* ---- numbers --------------------------------------------------------------------------------- */

static int lookahead(FtTokenizer *tok, const char *test)
{
    const char *s = test;
    int res = 0;
    for (;;) {
        int c = tok_nextc(tok);
        if (*s == 0) {
            res = !is_potential_identifier_char(c);
        } else if (c == *s) {
            s++;
            continue;
        }
        tok_backup(tok, c);
        while (s != test) {
            --s;
            tok_backup(tok, *s);
        }
        return res;
    }
}

/* After a number: a keyword that may legally follow (1if x else y) is accepted (CPython
 * warns), an identifier character is an error. */
static int verify_end_of_number(FtTokenizer *tok, int c, const char *kind)
{
    int r = 0;
    if (c == 'a') {
        r = lookahead(tok, "nd");
    } else if (c == 'e') {
        r = lookahead(tok, "lse");
    } else if (c == 'f') {
        r = lookahead(tok, "or");
    } else if (c == 'i') {
        int c2 = tok_nextc(tok);
        if (c2 == 'f' || c2 == 'n' || c2 == 's')
            r = 1;
        tok_backup(tok, c2);
    } else if (c == 'o') {
        r = lookahead(tok, "r");
    } else if (c == 'n') {
        r = lookahead(tok, "ot");
    }
    if (r)
        return 1;
    if (c < 128 && is_potential_identifier_char(c)) {
        tok_backup(tok, c);
        syntaxerror(tok, "invalid %s literal", kind);
        return 0;
    }
    return 1;
}

/* Digits and single underscores; returns the character after them, 0 on error. */
static int tok_decimal_tail(FtTokenizer *tok)
{
    int c;
    for (;;) {
        do {
            c = tok_nextc(tok);
        } while (isdigit(c));
        if (c != '_')
            break;
        c = tok_nextc(tok);
        if (!isdigit(c)) {
            tok_backup(tok, c);
            syntaxerror(tok, "invalid decimal literal");
            return 0;
        }
    }
    return c;
}

static int tok_number(FtTokenizer *tok, int c)
{
    if (c == '.')
        goto fraction_start;
    if (c == '0') {
        c = tok_nextc(tok);
        if (c == 'x' || c == 'X') {
            c = tok_nextc(tok);
            do {
                if (c == '_')
                    c = tok_nextc(tok);
                if (!isxdigit(c)) {
                    tok_backup(tok, c);
                    return syntaxerror(tok, "invalid hexadecimal literal");
                }
                do {
                    c = tok_nextc(tok);
                } while (isxdigit(c));
            } while (c == '_');
            if (!verify_end_of_number(tok, c, "hexadecimal"))
                return FT_TOK_ERRORTOKEN;
        } else if (c == 'o' || c == 'O') {
            c = tok_nextc(tok);
            do {
                if (c == '_')
                    c = tok_nextc(tok);
                if (c < '0' || c >= '8') {
                    if (isdigit(c))
                        return syntaxerror(tok, "invalid digit '%c' in octal literal", c);
                    tok_backup(tok, c);
                    return syntaxerror(tok, "invalid octal literal");
                }
                do {
                    c = tok_nextc(tok);
                } while ('0' <= c && c < '8');
            } while (c == '_');
            if (isdigit(c))
                return syntaxerror(tok, "invalid digit '%c' in octal literal", c);
            if (!verify_end_of_number(tok, c, "octal"))
                return FT_TOK_ERRORTOKEN;
        } else if (c == 'b' || c == 'B') {
            c = tok_nextc(tok);
            do {
                if (c == '_')
                    c = tok_nextc(tok);
                if (c != '0' && c != '1') {
                    if (isdigit(c))
                        return syntaxerror(tok, "invalid digit '%c' in binary literal", c);
                    tok_backup(tok, c);
                    return syntaxerror(tok, "invalid binary literal");
                }
                do {
                    c = tok_nextc(tok);
                } while (c == '0' || c == '1');
            } while (c == '_');
            if (isdigit(c))
                return syntaxerror(tok, "invalid digit '%c' in binary literal", c);
            if (!verify_end_of_number(tok, c, "binary"))
                return FT_TOK_ERRORTOKEN;
        } else {
            int nonzero = 0;
            /* maybe old-style octal; in any case allow '0' as a literal */
            for (;;) {
                if (c == '_') {
                    c = tok_nextc(tok);
                    if (!isdigit(c)) {
                        tok_backup(tok, c);
                        return syntaxerror(tok, "invalid decimal literal");
                    }
                }
                if (c != '0')
                    break;
                c = tok_nextc(tok);
            }
            const char *zeros_end = tok->cur;
            if (isdigit(c)) {
                nonzero = 1;
                c = tok_decimal_tail(tok);
                if (c == 0)
                    return FT_TOK_ERRORTOKEN;
            }
            if (c == '.') {
                c = tok_nextc(tok);
                goto fraction;
            } else if (c == 'e' || c == 'E') {
                goto exponent;
            } else if (c == 'j' || c == 'J') {
                goto imaginary;
            } else if (nonzero) {
                tok_backup(tok, c);
                ft_tokenizer_error(tok, ft_exc_SyntaxError,
                                   (int)(tok->start + 1 - tok->line_start),
                                   (int)(zeros_end - tok->line_start),
                                   "leading zeros in decimal integer literals are not "
                                   "permitted; use an 0o prefix for octal integers");
                return FT_TOK_ERRORTOKEN;
            }
            if (!verify_end_of_number(tok, c, "decimal"))
                return FT_TOK_ERRORTOKEN;
        }
    } else {
        c = tok_decimal_tail(tok);
        if (c == 0)
            return FT_TOK_ERRORTOKEN;
        if (c == '.') {
            c = tok_nextc(tok);
        fraction:
            if (isdigit(c)) {
            fraction_start:
                c = tok_decimal_tail(tok);
                if (c == 0)
                    return FT_TOK_ERRORTOKEN;
            }
        }
        if (c == 'e' || c == 'E') {
            int e;
        exponent:
            e = c;
            c = tok_nextc(tok);
            if (c == '+' || c == '-') {
                c = tok_nextc(tok);
                if (!isdigit(c)) {
                    tok_backup(tok, c);
                    return syntaxerror(tok, "invalid decimal literal");
                }
            } else if (!isdigit(c)) {
                tok_backup(tok, c);
                if (!verify_end_of_number(tok, e, "decimal"))
                    return FT_TOK_ERRORTOKEN;
                tok_backup(tok, e);
                return FT_TOK_NUMBER;
            }
            c = tok_decimal_tail(tok);
            if (c == 0)
                return FT_TOK_ERRORTOKEN;
        }
        if (c == 'j' || c == 'J') {
        imaginary:
            c = tok_nextc(tok);
            if (!verify_end_of_number(tok, c, "imaginary"))
                return FT_TOK_ERRORTOKEN;
        } else if (!verify_end_of_number(tok, c, "decimal")) {
            return FT_TOK_ERRORTOKEN;
        }
    }
    tok_backup(tok, c);
    return FT_TOK_NUMBER;
}

/* ---- strings ------------------------------------------------------------------------------- */

static int tok_string(FtTokenizer *tok, int quote)
{
    int quote_size = 1, end_quote_size = 0, c;
    tok->first_lineno = tok->lineno;
    tok->multi_line_start = tok->line_start;
    c = tok_nextc(tok);
    if (c == quote) {
        c = tok_nextc(tok);
        if (c == quote)
            quote_size = 3;
        else
            end_quote_size = 1; /* empty string */
    }
    if (c != quote)
        tok_backup(tok, c);
    while (end_quote_size != quote_size) {
        c = tok_nextc(tok);
        if (c == EOF_CHAR || (quote_size == 1 && c == '\n')) {
            /* report from the opening quote */
            tok->cur = tok->start + 1;
            tok->line_start = tok->multi_line_start;
            int detected = tok->lineno;
            tok->lineno = tok->first_lineno;
            if (quote_size == 3)
                syntaxerror(tok, "unterminated triple-quoted string literal (detected at line %d)",
                            detected);
            else
                syntaxerror(tok, "unterminated string literal (detected at line %d)", detected);
            return FT_TOK_ERRORTOKEN;
        }
        if (c == quote) {
            end_quote_size += 1;
        } else {
            end_quote_size = 0;
            if (c == '\\')
                tok_nextc(tok); /* skip the escaped character */
        }
    }
    return FT_TOK_STRING;
}

/* ---- operators ------------------------------------------------------------------------------- */

static int one_char(int c)
{
    switch (c) {
    case '%': return FT_TOK_PERCENT;
    case '&': return FT_TOK_AMPER;
    case '(': return FT_TOK_LPAR;
    case ')': return FT_TOK_RPAR;
    case '*': return FT_TOK_STAR;
    case '+': return FT_TOK_PLUS;
    case ',': return FT_TOK_COMMA;
    case '-': return FT_TOK_MINUS;
    case '.': return FT_TOK_DOT;
    case '/': return FT_TOK_SLASH;
    case ':': return FT_TOK_COLON;
    case ';': return FT_TOK_SEMI;
    case '<': return FT_TOK_LESS;
    case '=': return FT_TOK_EQUAL;
    case '>': return FT_TOK_GREATER;
    case '@': return FT_TOK_AT;
    case '[': return FT_TOK_LSQB;
    case ']': return FT_TOK_RSQB;
    case '^': return FT_TOK_CIRCUMFLEX;
    case '{': return FT_TOK_LBRACE;
    case '|': return FT_TOK_VBAR;
    case '}': return FT_TOK_RBRACE;
    case '~': return FT_TOK_TILDE;
    }
    return FT_TOK_OP;
}

static int two_chars(int c1, int c2)
{
    switch (c1) {
    case '!': if (c2 == '=') return FT_TOK_NOTEQUAL; break;
    case '%': if (c2 == '=') return FT_TOK_PERCENTEQUAL; break;
    case '&': if (c2 == '=') return FT_TOK_AMPEREQUAL; break;
    case '*':
        if (c2 == '*') return FT_TOK_DOUBLESTAR;
        if (c2 == '=') return FT_TOK_STAREQUAL;
        break;
    case '+': if (c2 == '=') return FT_TOK_PLUSEQUAL; break;
    case '-':
        if (c2 == '=') return FT_TOK_MINEQUAL;
        if (c2 == '>') return FT_TOK_RARROW;
        break;
    case '/':
        if (c2 == '/') return FT_TOK_DOUBLESLASH;
        if (c2 == '=') return FT_TOK_SLASHEQUAL;
        break;
    case ':': if (c2 == '=') return FT_TOK_COLONEQUAL; break;
    case '<':
        if (c2 == '<') return FT_TOK_LEFTSHIFT;
        if (c2 == '=') return FT_TOK_LESSEQUAL;
        if (c2 == '>') return FT_TOK_NOTEQUAL; /* the parser refuses it (PEP 401) */
        break;
    case '=': if (c2 == '=') return FT_TOK_EQEQUAL; break;
    case '>':
        if (c2 == '=') return FT_TOK_GREATEREQUAL;
        if (c2 == '>') return FT_TOK_RIGHTSHIFT;
        break;
    case '@': if (c2 == '=') return FT_TOK_ATEQUAL; break;
    case '^': if (c2 == '=') return FT_TOK_CIRCUMFLEXEQUAL; break;
    case '|': if (c2 == '=') return FT_TOK_VBAREQUAL; break;
    }
    return FT_TOK_OP;
}

static int three_chars(int c1, int c2, int c3)
{
    if (c3 != '=') {
        if (c1 == '.' && c2 == '.' && c3 == '.')
            return FT_TOK_ELLIPSIS;
        return FT_TOK_OP;
    }
    if (c1 == '*' && c2 == '*') return FT_TOK_DOUBLESTAREQUAL;
    if (c1 == '/' && c2 == '/') return FT_TOK_DOUBLESLASHEQUAL;
    if (c1 == '<' && c2 == '<') return FT_TOK_LEFTSHIFTEQUAL;
    if (c1 == '>' && c2 == '>') return FT_TOK_RIGHTSHIFTEQUAL;
    return FT_TOK_OP;
}

/* ---- the token loop ------------------------------------------------------------------------ */

/* A backslash: the next character must end the line; returns the first character of the
 * next line (backed up), or -1 with tok->done set. */
static int tok_continuation_line(FtTokenizer *tok)
{
    int c = tok_nextc(tok);
    if (c != '\n') {
        tok->done = FT_E_LINECONT;
        return -1;
    }
    c = tok_nextc(tok);
    if (c == EOF_CHAR) {
        tok->done = FT_E_EOF;
        tok->cur = tok->inp;
        return -1;
    }
    tok_backup(tok, c);
    return c;
}

static int tok_get(FtTokenizer *tok, const char **p_start, const char **p_end)
{
    int c, blankline;
    *p_start = *p_end = NULL;
nextline:
    tok->start = NULL;
    blankline = 0;

    /* indentation */
    if (tok->atbol) {
        int col = 0, altcol = 0, cont_line_col = 0;
        tok->atbol = 0;
        for (;;) {
            c = tok_nextc(tok);
            if (c == ' ') {
                col++, altcol++;
            } else if (c == '\t') {
                col = (col / TABSIZE + 1) * TABSIZE;
                altcol = (altcol / ALTTABSIZE + 1) * ALTTABSIZE;
            } else if (c == '\014') {
                col = altcol = 0;
            } else if (c == '\\') {
                /* the first backslash after whitespace fixes the indentation */
                cont_line_col = cont_line_col ? cont_line_col : col;
                if ((c = tok_continuation_line(tok)) == -1)
                    return FT_TOK_ERRORTOKEN;
            } else {
                break;
            }
        }
        tok_backup(tok, c);
        if (c == '#' || c == '\n')
            blankline = 1; /* whitespace / comment only: no effect on indentation */
        if (!blankline && tok->level == 0) {
            col = cont_line_col ? cont_line_col : col;
            altcol = cont_line_col ? cont_line_col : altcol;
            if (col == tok->indstack[tok->indent]) {
                if (altcol != tok->altindstack[tok->indent])
                    return indenterror(tok);
            } else if (col > tok->indstack[tok->indent]) {
                if (tok->indent + 1 >= FT_TOK_MAXINDENT) {
                    tok->done = FT_E_TOODEEP;
                    tok->cur = tok->inp;
                    return FT_TOK_ERRORTOKEN;
                }
                if (altcol <= tok->altindstack[tok->indent])
                    return indenterror(tok);
                tok->pendin++;
                tok->indstack[++tok->indent] = col;
                tok->altindstack[tok->indent] = altcol;
            } else {
                while (tok->indent > 0 && col < tok->indstack[tok->indent]) {
                    tok->pendin--;
                    tok->indent--;
                }
                if (col != tok->indstack[tok->indent]) {
                    tok->done = FT_E_DEDENT;
                    tok->cur = tok->inp;
                    return FT_TOK_ERRORTOKEN;
                }
                if (altcol != tok->altindstack[tok->indent])
                    return indenterror(tok);
            }
        }
    }

    tok->start = tok->cur;
    if (tok->pendin != 0) {
        if (tok->pendin < 0) {
            tok->pendin++;
            return FT_TOK_DEDENT;
        }
        tok->pendin--;
        return FT_TOK_INDENT;
    }

again:
    tok->start = NULL;
    do {
        c = tok_nextc(tok);
    } while (c == ' ' || c == '\t' || c == '\014');
    tok->start = tok->cur - 1;

    if (c == '#') {
        while (c != EOF_CHAR && c != '\n')
            c = tok_nextc(tok);
    }

    if (c == EOF_CHAR) {
        if (tok->level)
            return FT_TOK_ERRORTOKEN;
        return tok->done == FT_E_EOF ? FT_TOK_ENDMARKER : FT_TOK_ERRORTOKEN;
    }

    /* identifiers, keywords and string prefixes */
    if (is_potential_identifier_start(c)) {
        int saw_b = 0, saw_r = 0, saw_u = 0, saw_f = 0, nonascii = 0;
        for (;;) {
            if (!(saw_b || saw_u || saw_f) && (c == 'b' || c == 'B'))
                saw_b = 1;
            else if (!(saw_b || saw_u || saw_r || saw_f) && (c == 'u' || c == 'U'))
                saw_u = 1;
            else if (!(saw_r || saw_u) && (c == 'r' || c == 'R'))
                saw_r = 1;
            else if (!(saw_f || saw_b || saw_u) && (c == 'f' || c == 'F'))
                saw_f = 1;
            else
                break;
            c = tok_nextc(tok);
            if (c == '"' || c == '\'') {
                int t = tok_string(tok, c);
                *p_start = tok->start;
                *p_end = tok->cur;
                return t;
            }
        }
        while (is_potential_identifier_char(c)) {
            if (c >= 128)
                nonascii = 1;
            c = tok_nextc(tok);
        }
        tok_backup(tok, c);
        if (nonascii && !verify_identifier(tok))
            return FT_TOK_ERRORTOKEN;
        *p_start = tok->start;
        *p_end = tok->cur;
        return FT_TOK_NAME;
    }

    if (c == '\n') {
        tok->atbol = 1;
        if (blankline || tok->level > 0)
            goto nextline;
        *p_start = tok->start;
        *p_end = tok->cur - 1; /* the '\n' is not part of the token's text */
        tok->cont_line = 0;
        return FT_TOK_NEWLINE;
    }

    if (c == '.') {
        c = tok_nextc(tok);
        if (isdigit(c)) {
            tok_backup(tok, c);
            int t = tok_number(tok, '.');
            *p_start = tok->start;
            *p_end = tok->cur;
            return t;
        } else if (c == '.') {
            c = tok_nextc(tok);
            if (c == '.') {
                *p_start = tok->start;
                *p_end = tok->cur;
                return FT_TOK_ELLIPSIS;
            }
            tok_backup(tok, c);
            tok_backup(tok, '.');
        } else {
            tok_backup(tok, c);
        }
        *p_start = tok->start;
        *p_end = tok->cur;
        return FT_TOK_DOT;
    }

    if (isdigit(c)) {
        int t = tok_number(tok, c);
        *p_start = tok->start;
        *p_end = tok->cur;
        return t;
    }

    if (c == '\'' || c == '"') {
        int t = tok_string(tok, c);
        *p_start = tok->start;
        *p_end = tok->cur;
        return t;
    }

    if (c == '\\') {
        if (tok_continuation_line(tok) == -1)
            return FT_TOK_ERRORTOKEN;
        tok->cont_line = 1;
        goto again;
    }

    {
        int c2 = tok_nextc(tok);
        int token = two_chars(c, c2);
        if (token != FT_TOK_OP) {
            int c3 = tok_nextc(tok);
            int token3 = three_chars(c, c2, c3);
            if (token3 != FT_TOK_OP)
                token = token3;
            else
                tok_backup(tok, c3);
            *p_start = tok->start;
            *p_end = tok->cur;
            return token;
        }
        tok_backup(tok, c2);
    }

    switch (c) {
    case '(':
    case '[':
    case '{':
        if (tok->level >= FT_TOK_MAXLEVEL)
            return syntaxerror(tok, "too many nested parentheses");
        tok->parenstack[tok->level] = (char)c;
        tok->parenlinenostack[tok->level] = tok->lineno;
        tok->parencolstack[tok->level] = (int)(tok->start - tok->line_start);
        tok->level++;
        break;
    case ')':
    case ']':
    case '}': {
        if (!tok->level)
            return syntaxerror(tok, "unmatched '%c'", c);
        tok->level--;
        int opening = tok->parenstack[tok->level];
        if (!((opening == '(' && c == ')') || (opening == '[' && c == ']') ||
              (opening == '{' && c == '}'))) {
            if (tok->parenlinenostack[tok->level] != tok->lineno)
                return syntaxerror(tok,
                                   "closing parenthesis '%c' does not match opening "
                                   "parenthesis '%c' on line %d",
                                   c, opening, tok->parenlinenostack[tok->level]);
            return syntaxerror(tok,
                               "closing parenthesis '%c' does not match opening parenthesis '%c'",
                               c, opening);
        }
        break;
    }
    }

    if (c < 0x20 || c == 0x7F) {
        char hex[16];
        snprintf(hex, sizeof hex, "%04X", (unsigned)c);
        return syntaxerror(tok, "invalid non-printable character U+%s", hex);
    }

    *p_start = tok->start;
    *p_end = tok->cur;
    return one_char(c);
}

int ft_tokenizer_get(FtTokenizer *tok, FtToken *t)
{
    const char *start, *end;
    int type = tok_get(tok, &start, &end);
    t->type = type;
    t->keyword = 0;
    if (type == FT_TOK_NAME)
        t->keyword = ft_token_keyword(start, end - start);
    t->start = start;
    t->end = end;
    t->level = tok->level;
    const char *line_start = type == FT_TOK_STRING ? tok->multi_line_start : tok->line_start;
    t->lineno = type == FT_TOK_STRING ? tok->first_lineno : tok->lineno;
    t->end_lineno = tok->lineno;
    t->col_offset = (start != NULL && start >= line_start) ? (int)(start - line_start) : -1;
    t->end_col_offset = (end != NULL && end >= tok->line_start) ? (int)(end - tok->line_start) : -1;
    return type;
}
