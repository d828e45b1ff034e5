/* The parser: tokens to AST by recursive descent over CPython 3.11's grammar
 * (Grammar/python.gram), with its SyntaxError messages and locations.
 *
 * CPython's PEG parser runs twice when the input is invalid: a fast pass, then a pass with
 * the `invalid_*` rules that produce the specific messages. This parser makes one pass and
 * checks for the invalid forms at the points where CPython's rules would match them; where
 * that needs to look further ahead than the valid grammar does, it parses speculatively
 * (mark / reset over the token array) and discards the speculative error. Generic
 * "invalid syntax" errors point, as in CPython, at the furthest token the (non-speculative)
 * parse fetched.
 *
 * After any parser SyntaxError the rest of the source is tokenized, and a tokenizer error
 * found there replaces it, as CPython's _PyPegen_tokenize_full_source_to_check_for_errors
 * does (so an unterminated string further down wins over an earlier "invalid syntax").
 *
 * Every parse function returns NULL when it fails; p->error is then set and an exception
 * is pending. Nothing is freed on failure: all memory belongs to the arena. */
#include "core/compiler/parser.h"

#include "core/compiler/tokenizer.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MODE_FSTRING 100      /* a sub-parser for an f-string replacement field */
#define MAX_DEPTH 2900        /* nesting depth before MemoryError (CPython: MAXSTACK) */

typedef struct {
    void **items;
    ssize_t n, cap;
} Vec;

typedef struct Parser {
    FtTokenizer tok;
    FtToken **blocks;         /* tokens in fixed blocks: a token's address never changes */
    int nblocks;
    int fill, mark;
    int real_fill;            /* tokens fetched outside speculation: generic errors */
    int speculating;          /* > 0 inside a speculative parse */
    int error;                /* an exception is pending */
    FtArena *arena;
    FtObject *filename;
    const char *src;          /* the prepared source (line texts for errors) */
    int mode;                 /* FT_MODE_* or MODE_FSTRING */
    int starting_lineno;      /* f-string sub-parser: position of the expression */
    int starting_col_offset;
    int depth;
    int parsing_started;      /* FT_MODE_SINGLE: the first ENDMARKER becomes a NEWLINE */
    int no_in;                /* parsing a for-target: 'in' ends the expression */
    expr_ty last_bare_tuple;  /* the last tuple star_expressions made without brackets */
    Vec groups;               /* expressions written in parentheses (for error messages) */
    int in_invalid_check;     /* inside a speculative check: no nested checks */
    int final_error;          /* raised as CPython does without reading the rest */
} Parser;

#define TOK_BLOCK 512
#define TOK(p, i) (&(p)->blocks[(i) / TOK_BLOCK][(i) % TOK_BLOCK])

/* ---- errors ------------------------------------------------------------------------- */

/* The `text` of a SyntaxError at `lineno`, as CPython finds it: the file's line for file
 * input; else the tokenizer's current logical line (all its physical lines, with the
 * '\n') when the error is on it; else the line from the source, without its '\n'. */
static FtObject *error_line(Parser *p, int lineno)
{
    if (p->mode == FT_MODE_EXEC && p->filename) {
        FtObject *t = ft_syntax_error_file_line(p->filename, lineno);
        if (t)
            return t;
    }
    const char *start, *end;
    if (p->tok.lineno <= lineno && p->tok.logical_start && p->tok.inp > p->tok.logical_start) {
        start = p->tok.logical_start;
        end = p->tok.inp;
    } else {
        int rel = p->mode == MODE_FSTRING ? lineno - p->starting_lineno + 1 : lineno;
        start = p->src;
        for (int i = 0; i < rel - 1; i++) {
            const char *nl = strchr(start, '\n');
            if (!nl || nl + 1 > p->tok.inp)
                break;
            start = nl + 1;
        }
        end = strchr(start, '\n');
        if (!end)
            end = start + strlen(start);
    }
    FtObject *t = ft_str_from_utf8(start, end - start);
    if (!t)
        ft_err_clear();
    return t;
}

static void raise_known_location_v(Parser *p, FtType *type, int lineno, int col_offset,
                                   int end_lineno, int end_col_offset, const char *fmt,
                                   va_list ap)
{
    if (p->error)
        return;
    p->error = 1;
    FtObject *msg = ft_str_from_vformat(fmt, ap);
    if (!msg)
        return;
    if (p->mode == MODE_FSTRING) {
        FtObject *m2 = ft_str_from_format("f-string: %U", msg);
        FT_DECREF(msg);
        if (!m2)
            return;
        msg = m2;
    }
    FtObject *text = error_line(p, lineno);
    if (p->mode == MODE_FSTRING) {
        col_offset -= p->starting_col_offset;
        end_col_offset -= p->starting_col_offset;
    }
    int col_number = col_offset, end_col_number = end_col_offset;
    if (text && p->mode != MODE_FSTRING) {
        if (col_number >= 0)
            col_number = (int)ft_syntax_error_char_offset(text, col_offset);
        if (end_col_number > 0)
            end_col_number = (int)ft_syntax_error_char_offset(text, end_col_offset);
    }
    ft_syntax_error_raw(type, msg, p->filename, lineno, col_number, text, end_lineno,
                        end_col_number);
    FT_DECREF(msg);
    FT_XDECREF(text);
}

/* CPython's RAISE_ERROR_KNOWN_LOCATION: 0-based byte columns; -1 end column stays 0. */
static void *raise_known(Parser *p, FtType *type, int lineno, int col, int end_lineno,
                         int end_col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    raise_known_location_v(p, type, lineno, col + 1, end_lineno, end_col + 1, fmt, ap);
    va_end(ap);
    return NULL;
}

#define CURRENT_POS (-5)

/* RAISE_SYNTAX_ERROR_STARTING_FROM: from a position to the tokenizer's cursor. */
static void *raise_starting_from(Parser *p, int lineno, int col, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    int end_col = (int)(p->tok.cur - p->tok.line_start);
    raise_known_location_v(p, ft_exc_SyntaxError, lineno, col + 1, p->tok.lineno, end_col, fmt,
                           ap);
    va_end(ap);
    return NULL;
}

/* CPython's _PyPegen_raise_error: at the last token fetched. */
static void raise_at_last_token_v(Parser *p, FtType *type, FtToken *t, const char *fmt,
                                  va_list ap)
{
    int col, end_col = -1;
    if (t->col_offset == -1) {
        col = (int)(p->tok.cur - p->tok.line_start);
    } else {
        col = t->col_offset + 1;
    }
    if (t->end_col_offset != -1)
        end_col = t->end_col_offset + 1;
    raise_known_location_v(p, type, t->lineno, col, t->end_lineno, end_col, fmt, ap);
}

static void *raise_error(Parser *p, FtType *type, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    if (p->fill == 0) {
        raise_known_location_v(p, type, 0, 0, 0, -1, fmt, ap);
    } else {
        raise_at_last_token_v(p, type, TOK(p, p->fill - 1), fmt, ap);
    }
    va_end(ap);
    return NULL;
}

#define RAISE_SYNTAX_ERROR(...) raise_error(p, ft_exc_SyntaxError, __VA_ARGS__)
#define RAISE_INDENTATION_ERROR(...) raise_error(p, ft_exc_IndentationError, __VA_ARGS__)
#define RAISE_AT_TOKEN(t, ...)                                                             \
    raise_known(p, ft_exc_SyntaxError, (t)->lineno, (t)->col_offset, (t)->end_lineno,      \
                (t)->end_col_offset, __VA_ARGS__)
#define RAISE_AT_NODE(n, ...)                                                              \
    raise_known(p, ft_exc_SyntaxError, (n)->lineno, (n)->col_offset, (n)->end_lineno,      \
                (n)->end_col_offset, __VA_ARGS__)
#define RAISE_RANGE(a, b, ...)                                                             \
    raise_known(p, ft_exc_SyntaxError, (a)->lineno, (a)->col_offset, (b)->end_lineno,      \
                (b)->end_col_offset, __VA_ARGS__)

static void raise_unclosed_parentheses_error(Parser *p)
{
    int error_lineno = p->tok.parenlinenostack[p->tok.level - 1];
    int error_col = p->tok.parencolstack[p->tok.level - 1];
    raise_known(p, ft_exc_SyntaxError, error_lineno, error_col, error_lineno, -1,
                "'%c' was never closed", p->tok.parenstack[p->tok.level - 1]);
}

/* A tokenizer failure (the ERRORTOKEN is already in the token array). */
static void tokenizer_error(Parser *p)
{
    if (p->error)
        return;
    FtType *type = ft_exc_SyntaxError;
    const char *msg;
    int col = -1;
    switch (p->tok.done) {
    case FT_E_ERROR:
        p->error = 1; /* the tokenizer raised it */
        return;
    case FT_E_EOF:
        if (p->tok.level)
            raise_unclosed_parentheses_error(p);
        else
            RAISE_SYNTAX_ERROR("unexpected EOF while parsing");
        return;
    case FT_E_DEDENT:
        RAISE_INDENTATION_ERROR("unindent does not match any outer indentation level");
        return;
    case FT_E_TABSPACE:
        type = ft_exc_TabError;
        msg = "inconsistent use of tabs and spaces in indentation";
        break;
    case FT_E_TOODEEP:
        type = ft_exc_IndentationError;
        msg = "too many levels of indentation";
        break;
    case FT_E_LINECONT:
        col = (int)(p->tok.cur - p->tok.logical_start) - 1;
        msg = "unexpected character after line continuation character";
        break;
    default:
        msg = "unknown parsing error";
    }
    raise_known(p, type, p->tok.lineno, col >= 0 ? col : 0, p->tok.lineno, -1, "%s", msg);
}

/* ---- tokens ------------------------------------------------------------------------- */

static FtToken error_token = {.type = FT_TOK_ERRORTOKEN};

static int fill_token(Parser *p)
{
    if (p->fill == p->nblocks * TOK_BLOCK) {
        FtToken **nb = ft_mem_realloc(p->blocks, (size_t)(p->nblocks + 1) * sizeof(FtToken *));
        if (!nb) {
            p->error = 1;
            return -1;
        }
        p->blocks = nb;
        nb[p->nblocks] = ft_mem_alloc(TOK_BLOCK * sizeof(FtToken));
        if (!nb[p->nblocks]) {
            p->error = 1;
            return -1;
        }
        p->nblocks++;
    }
    FtToken *t = TOK(p, p->fill);
    int type = ft_tokenizer_get(&p->tok, t);
    if (p->mode == FT_MODE_SINGLE && type == FT_TOK_ENDMARKER && p->parsing_started) {
        /* an interactive statement ends with an implied NEWLINE (and DEDENTs) */
        t->type = type = FT_TOK_NEWLINE;
        p->parsing_started = 0;
        if (p->tok.indent) {
            p->tok.pendin = -p->tok.indent;
            p->tok.indent = 0;
        }
    } else {
        p->parsing_started = 1;
    }
    if (p->mode == MODE_FSTRING && p->tok.lineno == p->starting_lineno) {
        if (t->col_offset != -1)
            t->col_offset += p->starting_col_offset;
        if (t->end_col_offset != -1)
            t->end_col_offset += p->starting_col_offset;
    }
    p->fill++;
    if (type == FT_TOK_ERRORTOKEN) {
        tokenizer_error(p);
        return -1;
    }
    return 0;
}

static FtToken *peek_at(Parser *p, int idx)
{
    while (idx >= p->fill) {
        if (p->error || (p->fill > 0 && TOK(p, p->fill - 1)->type == FT_TOK_ERRORTOKEN))
            return &error_token;
        if (p->fill > 0 && TOK(p, p->fill - 1)->type == FT_TOK_ENDMARKER)
            return TOK(p, p->fill - 1);
        if (fill_token(p) < 0)
            return &error_token;
    }
    if (!p->speculating && idx + 1 > p->real_fill)
        p->real_fill = idx + 1;
    return TOK(p, idx);
}

static inline FtToken *peek(Parser *p) { return peek_at(p, p->mark); }
static inline FtToken *peek2(Parser *p) { return peek_at(p, p->mark + 1); }

static inline FtToken *advance(Parser *p)
{
    FtToken *t = peek(p);
    if (t->type != FT_TOK_ERRORTOKEN && p->mark < p->fill)
        p->mark++;
    return t;
}

static inline int check(Parser *p, int type) { return peek(p)->type == type; }

static inline int check_kw(Parser *p, int kw)
{
    FtToken *t = peek(p);
    return t->type == FT_TOK_NAME && t->keyword == kw;
}

static inline FtToken *accept(Parser *p, int type)
{
    return check(p, type) ? advance(p) : NULL;
}

static inline FtToken *accept_kw(Parser *p, int kw)
{
    return check_kw(p, kw) ? advance(p) : NULL;
}

/* A NAME that is not a hard keyword. */
static inline int check_name(Parser *p)
{
    FtToken *t = peek(p);
    return t->type == FT_TOK_NAME && t->keyword == 0;
}

static inline int tok_is_soft(FtToken *t, const char *kw)
{
    size_t n = strlen(kw);
    return t->type == FT_TOK_NAME && (size_t)(t->end - t->start) == n &&
           memcmp(t->start, kw, n) == 0;
}

/* The last token consumed that is not NEWLINE / INDENT / DEDENT / ENDMARKER: the end of
 * a node (CPython's _PyPegen_get_last_nonnwhitespace_token). */
static FtToken *last_token(Parser *p)
{
    FtToken *t = NULL;
    for (int m = p->mark - 1; m >= 0; m--) {
        t = TOK(p, m);
        if (t->type != FT_TOK_ENDMARKER &&
            (t->type < FT_TOK_NEWLINE || t->type > FT_TOK_DEDENT))
            break;
    }
    return t ? t : TOK(p, 0);
}

/* "invalid syntax" (or the indentation / EOF errors that stand in for it) at the furthest
 * token the parse fetched, as CPython's _PyPegen_set_syntax_error. */
static void *generic_error(Parser *p)
{
    if (p->error)
        return NULL;
    int idx = p->real_fill > 0 ? p->real_fill - 1 : 0;
    if (p->fill == 0) {
        return RAISE_SYNTAX_ERROR("error at start before reading any input");
    }
    FtToken *t = TOK(p, idx);
    if (t->type == FT_TOK_ERRORTOKEN && p->tok.done == FT_E_EOF) {
        p->final_error = 1;
        if (p->tok.level)
            raise_unclosed_parentheses_error(p);
        else
            RAISE_SYNTAX_ERROR("unexpected EOF while parsing");
        return NULL;
    }
    if (t->type == FT_TOK_INDENT || t->type == FT_TOK_DEDENT) {
        p->final_error = 1;
        return raise_error(p, ft_exc_IndentationError,
                           t->type == FT_TOK_INDENT ? "unexpected indent" : "unexpected unindent");
    }
    return raise_known(p, ft_exc_SyntaxError, t->lineno, t->col_offset, t->end_lineno,
                       t->end_col_offset, "invalid syntax");
}

/* Consume a token of this type or fail with a generic error. */
static FtToken *expect(Parser *p, int type)
{
    FtToken *t = peek(p);
    if (t->type == type)
        return advance(p);
    generic_error(p);
    return NULL;
}

/* CPython's forced token (&&'x'): "expected 'x'" at the current token. */
static FtToken *expect_forced(Parser *p, int type, const char *text)
{
    FtToken *t = peek(p);
    if (p->error)
        return NULL;
    if (t->type == type)
        return advance(p);
    RAISE_AT_TOKEN(t, "expected '%s'", text);
    return NULL;
}

static int enter(Parser *p)
{
    if (++p->depth > MAX_DEPTH) {
        if (!p->error) {
            p->error = 1;
            ft_err_no_memory();
        }
        return 0;
    }
    return 1;
}

#define ENTER()                                                                            \
    do {                                                                                   \
        if (p->error)                                                                      \
            return NULL;                                                                   \
        if (!enter(p)) {                                                                   \
            p->depth--;                                                                    \
            return NULL;                                                                   \
        }                                                                                  \
    } while (0)
#define LEAVE(v)                                                                           \
    do {                                                                                   \
        p->depth--;                                                                        \
        return (v);                                                                        \
    } while (0)

/* ---- speculation ---------------------------------------------------------------------- */

typedef struct {
    int mark;
    int no_in;
    int tracked; /* counts for generic error locations, as part of CPython's first pass */
} Snapshot;

static Snapshot spec_begin(Parser *p)
{
    Snapshot s = {p->mark, p->no_in, 0};
    p->speculating++;
    return s;
}

static Snapshot spec_begin_tracked(Parser *p)
{
    Snapshot s = {p->mark, p->no_in, 1};
    return s;
}

/* End a speculative parse. If it failed on a parser error (not a tokenizer error), the
 * error is discarded. Returns 1 when the caller may continue (no pending error). */
static int spec_end(Parser *p, Snapshot s, int reset)
{
    if (!s.tracked)
        p->speculating--;
    p->no_in = s.no_in;
    if (p->error) {
        int tokenizer_failed = p->fill > 0 && TOK(p, p->fill - 1)->type == FT_TOK_ERRORTOKEN;
        int memory = ft_err_occurred() && !ft_err_matches(ft_exc_SyntaxError);
        if (tokenizer_failed || memory)
            return 0;
        ft_err_clear();
        p->error = 0;
        p->mark = s.mark;
        return 1;
    }
    if (reset)
        p->mark = s.mark;
    return 1;
}

/* ---- vectors and objects ------------------------------------------------------------------ */

static int vec_push(Parser *p, Vec *v, void *x)
{
    if (v->n == v->cap) {
        ssize_t ncap = v->cap ? v->cap * 2 : 4;
        void **ni = ft_arena_malloc(p->arena, (size_t)ncap * sizeof(void *));
        if (!ni) {
            p->error = 1;
            return -1;
        }
        if (v->n)
            memcpy(ni, v->items, (size_t)v->n * sizeof(void *));
        v->items = ni;
        v->cap = ncap;
    }
    v->items[v->n++] = x;
    return 0;
}

static void *vec_seq(Parser *p, Vec *v)
{
    asdl_seq *s = ft_asdl_generic_seq_new(v->n, p->arena);
    if (!s) {
        p->error = 1;
        return NULL;
    }
    if (v->n)
        memcpy(s->typed_elements, v->items, (size_t)v->n * sizeof(void *));
    return s;
}

#define SEQ(T, v) ((T *)vec_seq(p, (v)))

static void *seq1(Parser *p, void *x)
{
    Vec v = {0};
    if (vec_push(p, &v, x) < 0)
        return NULL;
    return vec_seq(p, &v);
}

/* The arena keeps objects alive; a NULL object (failed creation) marks an error. */
static FtObject *arena_obj(Parser *p, FtObject *o)
{
    if (!o) {
        p->error = 1;
        return NULL;
    }
    if (ft_arena_add_object(p->arena, o) < 0) {
        p->error = 1;
        return NULL;
    }
    return o;
}

static FtObject *new_identifier(Parser *p, const char *s, ssize_t n)
{
    FtObject *o = ft_str_from_utf8(s, n);
    if (!o) {
        p->error = 1;
        return NULL;
    }
    return arena_obj(p, ft_str_intern(o));
}

/* Non-ASCII identifiers are NFKC-normalized (PEP 3131). Without the Unicode tables only
 * the characters whose normal form is one ASCII character are folded (fullwidth letters,
 * mathematical alphanumerics, ª, ...): runs generated from Python's unicodedata. */
static const uint32_t nfkc_ascii_runs[][3] = { /* first, last, ASCII of first */
    {0xAA, 0xAA, 0x61}, {0xBA, 0xBA, 0x6F}, {0x17F, 0x17F, 0x73}, {0x2B0, 0x2B0, 0x68},
    {0x2B2, 0x2B2, 0x6A}, {0x2B3, 0x2B3, 0x72}, {0x2B7, 0x2B7, 0x77}, {0x2B8, 0x2B8, 0x79},
    {0x2E1, 0x2E1, 0x6C}, {0x2E2, 0x2E2, 0x73}, {0x2E3, 0x2E3, 0x78},
    {0x1D2C, 0x1D2C, 0x41}, {0x1D2E, 0x1D2E, 0x42}, {0x1D30, 0x1D31, 0x44},
    {0x1D33, 0x1D3A, 0x47}, {0x1D3C, 0x1D3C, 0x4F}, {0x1D3E, 0x1D3E, 0x50},
    {0x1D3F, 0x1D3F, 0x52}, {0x1D40, 0x1D41, 0x54}, {0x1D42, 0x1D42, 0x57},
    {0x1D43, 0x1D43, 0x61}, {0x1D47, 0x1D47, 0x62}, {0x1D48, 0x1D49, 0x64},
    {0x1D4D, 0x1D4D, 0x67}, {0x1D4F, 0x1D4F, 0x6B}, {0x1D50, 0x1D50, 0x6D},
    {0x1D52, 0x1D52, 0x6F}, {0x1D56, 0x1D56, 0x70}, {0x1D57, 0x1D58, 0x74},
    {0x1D5B, 0x1D5B, 0x76}, {0x1D62, 0x1D62, 0x69}, {0x1D63, 0x1D63, 0x72},
    {0x1D64, 0x1D65, 0x75}, {0x1D9C, 0x1D9C, 0x63}, {0x1DA0, 0x1DA0, 0x66},
    {0x1DBB, 0x1DBB, 0x7A}, {0x2071, 0x2071, 0x69}, {0x207F, 0x207F, 0x6E},
    {0x2090, 0x2090, 0x61}, {0x2091, 0x2091, 0x65}, {0x2092, 0x2092, 0x6F},
    {0x2093, 0x2093, 0x78}, {0x2095, 0x2095, 0x68}, {0x2096, 0x2099, 0x6B},
    {0x209A, 0x209A, 0x70}, {0x209B, 0x209C, 0x73}, {0x2102, 0x2102, 0x43},
    {0x210A, 0x210A, 0x67}, {0x210B, 0x210B, 0x48}, {0x210C, 0x210C, 0x48},
    {0x210D, 0x210D, 0x48}, {0x210E, 0x210E, 0x68}, {0x2110, 0x2110, 0x49},
    {0x2111, 0x2111, 0x49}, {0x2112, 0x2112, 0x4C}, {0x2113, 0x2113, 0x6C},
    {0x2115, 0x2115, 0x4E}, {0x2119, 0x211B, 0x50}, {0x211C, 0x211C, 0x52},
    {0x211D, 0x211D, 0x52}, {0x2124, 0x2124, 0x5A}, {0x2128, 0x2128, 0x5A},
    {0x212A, 0x212A, 0x4B}, {0x212C, 0x212D, 0x42}, {0x212F, 0x212F, 0x65},
    {0x2130, 0x2131, 0x45}, {0x2133, 0x2133, 0x4D}, {0x2134, 0x2134, 0x6F},
    {0x2139, 0x2139, 0x69}, {0x2145, 0x2145, 0x44}, {0x2146, 0x2147, 0x64},
    {0x2148, 0x2149, 0x69}, {0x2160, 0x2160, 0x49}, {0x2164, 0x2164, 0x56},
    {0x2169, 0x2169, 0x58}, {0x216C, 0x216C, 0x4C}, {0x216D, 0x216E, 0x43},
    {0x216F, 0x216F, 0x4D}, {0x2170, 0x2170, 0x69}, {0x2174, 0x2174, 0x76},
    {0x2179, 0x2179, 0x78}, {0x217C, 0x217C, 0x6C}, {0x217D, 0x217E, 0x63},
    {0x217F, 0x217F, 0x6D}, {0x2C7C, 0x2C7C, 0x6A}, {0x2C7D, 0x2C7D, 0x56},
    {0xA7F2, 0xA7F2, 0x43}, {0xA7F3, 0xA7F3, 0x46}, {0xA7F4, 0xA7F4, 0x51},
    {0xFE33, 0xFE33, 0x5F}, {0xFE34, 0xFE34, 0x5F}, {0xFE4D, 0xFE4D, 0x5F},
    {0xFE4E, 0xFE4E, 0x5F}, {0xFE4F, 0xFE4F, 0x5F}, {0xFF10, 0xFF19, 0x30},
    {0xFF21, 0xFF3A, 0x41}, {0xFF3F, 0xFF3F, 0x5F}, {0xFF41, 0xFF5A, 0x61},
    {0x107A5, 0x107A5, 0x71}, {0x1D400, 0x1D419, 0x41}, {0x1D41A, 0x1D433, 0x61},
    {0x1D434, 0x1D44D, 0x41}, {0x1D44E, 0x1D454, 0x61}, {0x1D456, 0x1D467, 0x69},
    {0x1D468, 0x1D481, 0x41}, {0x1D482, 0x1D49B, 0x61}, {0x1D49C, 0x1D49C, 0x41},
    {0x1D49E, 0x1D49F, 0x43}, {0x1D4A2, 0x1D4A2, 0x47}, {0x1D4A5, 0x1D4A6, 0x4A},
    {0x1D4A9, 0x1D4AC, 0x4E}, {0x1D4AE, 0x1D4B5, 0x53}, {0x1D4B6, 0x1D4B9, 0x61},
    {0x1D4BB, 0x1D4BB, 0x66}, {0x1D4BD, 0x1D4C3, 0x68}, {0x1D4C5, 0x1D4CF, 0x70},
    {0x1D4D0, 0x1D4E9, 0x41}, {0x1D4EA, 0x1D503, 0x61}, {0x1D504, 0x1D505, 0x41},
    {0x1D507, 0x1D50A, 0x44}, {0x1D50D, 0x1D514, 0x4A}, {0x1D516, 0x1D51C, 0x53},
    {0x1D51E, 0x1D537, 0x61}, {0x1D538, 0x1D539, 0x41}, {0x1D53B, 0x1D53E, 0x44},
    {0x1D540, 0x1D544, 0x49}, {0x1D546, 0x1D546, 0x4F}, {0x1D54A, 0x1D550, 0x53},
    {0x1D552, 0x1D56B, 0x61}, {0x1D56C, 0x1D585, 0x41}, {0x1D586, 0x1D59F, 0x61},
    {0x1D5A0, 0x1D5B9, 0x41}, {0x1D5BA, 0x1D5D3, 0x61}, {0x1D5D4, 0x1D5ED, 0x41},
    {0x1D5EE, 0x1D607, 0x61}, {0x1D608, 0x1D621, 0x41}, {0x1D622, 0x1D63B, 0x61},
    {0x1D63C, 0x1D655, 0x41}, {0x1D656, 0x1D66F, 0x61}, {0x1D670, 0x1D689, 0x41},
    {0x1D68A, 0x1D6A3, 0x61}, {0x1D7CE, 0x1D7D7, 0x30}, {0x1D7D8, 0x1D7E1, 0x30},
    {0x1D7E2, 0x1D7EB, 0x30}, {0x1D7EC, 0x1D7F5, 0x30}, {0x1D7F6, 0x1D7FF, 0x30},
    {0x1FBF0, 0x1FBF9, 0x30},
};

static int nfkc_ascii(uint32_t c)
{
    size_t lo = 0, hi = FT_ARRAY_LEN(nfkc_ascii_runs);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (c < nfkc_ascii_runs[mid][0])
            hi = mid;
        else if (c > nfkc_ascii_runs[mid][1])
            lo = mid + 1;
        else
            return (int)(nfkc_ascii_runs[mid][2] + (c - nfkc_ascii_runs[mid][0]));
    }
    return -1;
}

static uint32_t utf8_decode_one(const char **ps);

static FtObject *token_identifier(Parser *p, FtToken *t)
{
    const char *s = t->start;
    ssize_t n = t->end - t->start;
    int fold = 0;
    for (const char *c = s; c < t->end;) {
        if ((unsigned char)*c < 0x80) {
            c++;
            continue;
        }
        if (nfkc_ascii(utf8_decode_one(&c)) >= 0) {
            fold = 1;
            break;
        }
    }
    if (!fold)
        return new_identifier(p, s, n);
    char *buf = ft_mem_alloc((size_t)n + 1);
    if (!buf) {
        p->error = 1;
        return NULL;
    }
    ssize_t k = 0;
    for (const char *c = s; c < t->end;) {
        if ((unsigned char)*c < 0x80) {
            buf[k++] = *c++;
            continue;
        }
        const char *start = c;
        int a = nfkc_ascii(utf8_decode_one(&c));
        if (a >= 0) {
            buf[k++] = (char)a;
        } else {
            memcpy(buf + k, start, (size_t)(c - start));
            k += c - start;
        }
    }
    FtObject *r = new_identifier(p, buf, k);
    ft_mem_free(buf);
    return r;
}

/* Node constructors fail only on MemoryError. */
#define CHECK(x)                                                                           \
    ({                                                                                     \
        __typeof__(x) _v = (x);                                                            \
        if (!_v)                                                                           \
            p->error = 1;                                                                  \
        _v;                                                                                \
    })

#define START(t) int _sl = (t)->lineno, _sc = (t)->col_offset
#define EXTRA _sl, _sc, last_token(p)->end_lineno, last_token(p)->end_col_offset, p->arena
#define NODE_POS(n) (n)->lineno, (n)->col_offset
#define SPAN(a, b) (a)->lineno, (a)->col_offset, (b)->end_lineno, (b)->end_col_offset, p->arena

/* ---- node helpers ------------------------------------------------------------------------ */

static const char *expr_name(expr_ty e)
{
    switch (e->kind) {
    case Attribute_kind: return "attribute";
    case Subscript_kind: return "subscript";
    case Starred_kind: return "starred";
    case Name_kind: return "name";
    case List_kind: return "list";
    case Tuple_kind: return "tuple";
    case Lambda_kind: return "lambda";
    case Call_kind: return "function call";
    case BoolOp_kind:
    case BinOp_kind:
    case UnaryOp_kind: return "expression";
    case GeneratorExp_kind: return "generator expression";
    case Yield_kind:
    case YieldFrom_kind: return "yield expression";
    case Await_kind: return "await expression";
    case ListComp_kind: return "list comprehension";
    case SetComp_kind: return "set comprehension";
    case DictComp_kind: return "dict comprehension";
    case Dict_kind: return "dict literal";
    case Set_kind: return "set display";
    case JoinedStr_kind:
    case FormattedValue_kind: return "f-string expression";
    case Constant_kind: {
        FtObject *v = e->v.Constant.value;
        if (v == FT_NONE) return "None";
        if (v == FT_FALSE) return "False";
        if (v == FT_TRUE) return "True";
        if (v == FT_ELLIPSIS) return "ellipsis";
        return "literal";
    }
    case Compare_kind: return "comparison";
    case IfExp_kind: return "conditional expression";
    case NamedExpr_kind: return "named expression";
    default: return "expression";
    }
}

enum { STAR_TARGETS, DEL_TARGETS, FOR_TARGETS };

/* The first sub-expression that cannot be a target (CPython's _PyPegen_get_invalid_target). */
static expr_ty get_invalid_target(expr_ty e, int type)
{
    if (!e)
        return NULL;
    switch (e->kind) {
    case List_kind:
    case Tuple_kind: {
        asdl_expr_seq *elts = e->kind == List_kind ? e->v.List.elts : e->v.Tuple.elts;
        for (ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
            expr_ty child = get_invalid_target(asdl_seq_GET(elts, i), type);
            if (child)
                return child;
        }
        return NULL;
    }
    case Starred_kind:
        if (type == DEL_TARGETS)
            return e;
        return get_invalid_target(e->v.Starred.value, type);
    case Compare_kind:
        if (type == FOR_TARGETS) {
            if (asdl_seq_GET(e->v.Compare.ops, 0) == In)
                return get_invalid_target(e->v.Compare.left, type);
            return NULL;
        }
        return e;
    case Name_kind:
    case Subscript_kind:
    case Attribute_kind:
        return NULL;
    default:
        return e;
    }
}

static void *raise_invalid_target(Parser *p, int type, expr_ty e)
{
    expr_ty bad = get_invalid_target(e, type);
    if (!bad)
        return generic_error(p);
    return RAISE_AT_NODE(bad, type == DEL_TARGETS ? "cannot delete %s" : "cannot assign to %s",
                         expr_name(bad));
}

/* Set the context of a (valid) target, recursively through tuples, lists and stars. */
static void set_ctx(expr_ty e, expr_context_ty ctx)
{
    switch (e->kind) {
    case Name_kind: e->v.Name.ctx = ctx; break;
    case Attribute_kind: e->v.Attribute.ctx = ctx; break;
    case Subscript_kind: e->v.Subscript.ctx = ctx; break;
    case Starred_kind:
        e->v.Starred.ctx = ctx;
        set_ctx(e->v.Starred.value, ctx);
        break;
    case List_kind:
        e->v.List.ctx = ctx;
        for (ssize_t i = 0; i < asdl_seq_LEN(e->v.List.elts); i++)
            set_ctx(asdl_seq_GET(e->v.List.elts, i), ctx);
        break;
    case Tuple_kind:
        e->v.Tuple.ctx = ctx;
        for (ssize_t i = 0; i < asdl_seq_LEN(e->v.Tuple.elts); i++)
            set_ctx(asdl_seq_GET(e->v.Tuple.elts, i), ctx);
        break;
    default: break;
    }
}

/* Can this token start an expression (after a comma: is there another element)? */
static int starts_expression(FtToken *t)
{
    switch (t->type) {
    case FT_TOK_NAME:
        switch (t->keyword) {
        case 0: case FT_KW_NONE: case FT_KW_TRUE: case FT_KW_FALSE: case FT_KW_LAMBDA:
        case FT_KW_NOT: case FT_KW_AWAIT:
            return 1;
        default:
            return 0;
        }
    case FT_TOK_NUMBER: case FT_TOK_STRING: case FT_TOK_LPAR: case FT_TOK_LSQB:
    case FT_TOK_LBRACE: case FT_TOK_MINUS: case FT_TOK_PLUS: case FT_TOK_TILDE:
    case FT_TOK_ELLIPSIS:
        return 1;
    default:
        return 0;
    }
}

static int starts_star_expression(FtToken *t)
{
    return t->type == FT_TOK_STAR || starts_expression(t);
}

static int is_legacy_name(expr_ty e)
{
    return e->kind == Name_kind &&
           (ft_str_eq_cstr(e->v.Name.id, "print") || ft_str_eq_cstr(e->v.Name.id, "exec"));
}

/* ---- expressions ---------------------------------------------------------------------------- */

static expr_ty expression(Parser *p);
static expr_ty star_expressions(Parser *p);
static expr_ty star_expression(Parser *p);
static expr_ty named_expression(Parser *p);
static expr_ty star_named_expression(Parser *p);
static expr_ty disjunction(Parser *p);
static expr_ty bitwise_or(Parser *p);
static expr_ty primary(Parser *p);
static expr_ty atom(Parser *p);
static expr_ty strings(Parser *p);
static expr_ty lambdef(Parser *p);
static expr_ty yield_expr(Parser *p);
static asdl_comprehension_seq *for_if_clauses(Parser *p);
static arguments_ty parameters(Parser *p, int is_lambda);
static expr_ty slices(Parser *p);
static int call_arguments(Parser *p, FtToken *open, int allow_genexp, asdl_expr_seq **args,
                          asdl_keyword_seq **keywords);

/* The invalid_expression / invalid_legacy_expression rules: an expression directly
 * followed by another one. Raises the specific error or returns leaving nothing set. */
static void check_juxtaposition(Parser *p, int first_idx, expr_ty a)
{
    if (p->in_invalid_check || p->error || !starts_expression(peek(p)))
        return;
    FtToken *first = TOK(p, first_idx);
    int soft = tok_is_soft(first, "match") || tok_is_soft(first, "case") || tok_is_soft(first, "_");
    int name_string = first->type == FT_TOK_NAME && peek_at(p, first_idx + 1)->type == FT_TOK_STRING;
    /* invalid_expression: `a b` inside brackets is a missing comma */
    if (!soft && !name_string) {
        Snapshot s = spec_begin(p);
        p->in_invalid_check++;
        expr_ty b = expression(p);
        int level = p->mark > 0 ? TOK(p, p->mark - 1)->level : 0;
        p->in_invalid_check--;
        if (!spec_end(p, s, 1))
            return;
        if (b && level > 0 && !is_legacy_name(a)) {
            RAISE_RANGE(a, b, "invalid syntax. Perhaps you forgot a comma?");
            return;
        }
    }
    /* invalid_legacy_expression: NAME !'(' star_expressions, an error for print and exec.
     * CPython reads the star_expressions whatever the name, with its own checks (and the
     * errors they raise) active. */
    if (a->kind == Name_kind && first->type == FT_TOK_NAME && p->mark == first_idx + 1) {
        int mark = p->mark;
        /* after the invalid_expression attempt, CPython's memo holds results computed
         * without the invalid rules: model that by reading without checks */
        int memoized = !soft && !name_string;
        p->speculating++;
        p->in_invalid_check += memoized;
        expr_ty b = star_expressions(p);
        p->in_invalid_check -= memoized;
        p->speculating--;
        if (!b && memoized && p->error && p->tok.done == FT_E_OK &&
            ft_err_matches(ft_exc_SyntaxError)) {
            ft_err_clear();
            p->error = 0;
        }
        if (p->error)
            return;
        p->mark = mark;
        if (b && is_legacy_name(a))
            RAISE_RANGE(a, b, "Missing parentheses in call to '%U'. Did you mean %U(...)?",
                        a->v.Name.id, a->v.Name.id);
    }
}

static expr_ty expression(Parser *p)
{
    ENTER();
    FtToken *first = peek(p);
    int first_idx = p->mark;
    if (first->type == FT_TOK_NAME && first->keyword == FT_KW_LAMBDA)
        LEAVE(lambdef(p));
    START(first);
    expr_ty a = disjunction(p);
    if (!a)
        LEAVE(NULL);
    if (check_kw(p, FT_KW_IF)) {
        advance(p);
        expr_ty b = disjunction(p);
        if (!b)
            LEAVE(NULL);
        if (!check_kw(p, FT_KW_ELSE)) {
            if (!check(p, FT_TOK_COLON) && !p->in_invalid_check)
                LEAVE(RAISE_RANGE(a, b, "expected 'else' after 'if' expression"));
            LEAVE(generic_error(p));
        }
        advance(p);
        expr_ty c = expression(p);
        if (!c)
            LEAVE(NULL);
        LEAVE(CHECK(ft_ast_IfExp(b, a, c, EXTRA)));
    }
    check_juxtaposition(p, first_idx, a);
    if (p->error)
        LEAVE(NULL);
    LEAVE(a);
}

static expr_ty yield_expr(Parser *p)
{
    FtToken *y = advance(p); /* 'yield' */
    START(y);
    if (accept_kw(p, FT_KW_FROM)) {
        expr_ty a = expression(p);
        if (!a)
            return NULL;
        return CHECK(ft_ast_YieldFrom(a, EXTRA));
    }
    expr_ty a = NULL;
    if (starts_star_expression(peek(p))) {
        a = star_expressions(p);
        if (!a)
            return NULL;
    }
    return CHECK(ft_ast_Yield(a, EXTRA));
}

static expr_ty star_expression(Parser *p)
{
    if (check(p, FT_TOK_STAR)) {
        FtToken *star = advance(p);
        START(star);
        expr_ty a = bitwise_or(p);
        if (!a)
            return NULL;
        return CHECK(ft_ast_Starred(a, Load, EXTRA));
    }
    return expression(p);
}

static expr_ty star_expressions(Parser *p)
{
    FtToken *first = peek(p);
    START(first);
    expr_ty a = star_expression(p);
    if (!a)
        return NULL;
    if (!check(p, FT_TOK_COMMA))
        return a;
    Vec v = {0};
    if (vec_push(p, &v, a) < 0)
        return NULL;
    while (accept(p, FT_TOK_COMMA)) {
        if (!starts_star_expression(peek(p)))
            break;
        expr_ty e = star_expression(p);
        if (!e || vec_push(p, &v, e) < 0)
            return NULL;
    }
    asdl_expr_seq *elts = SEQ(asdl_expr_seq, &v);
    if (!elts)
        return NULL;
    expr_ty tuple = CHECK(ft_ast_Tuple(elts, Load, EXTRA));
    p->last_bare_tuple = tuple;
    return tuple;
}

static expr_ty star_named_expression(Parser *p)
{
    if (check(p, FT_TOK_STAR)) {
        FtToken *star = advance(p);
        START(star);
        expr_ty a = bitwise_or(p);
        if (!a)
            return NULL;
        return CHECK(ft_ast_Starred(a, Load, EXTRA));
    }
    return named_expression(p);
}

static int is_parenthesized(Parser *p, expr_ty e)
{
    for (ssize_t i = 0; i < p->groups.n; i++)
        if (p->groups.items[i] == e)
            return 1;
    return 0;
}

static int is_bitwise_level(Parser *p, expr_ty a)
{
    if (is_parenthesized(p, a))
        return 1;
    switch (a->kind) {
    case BoolOp_kind: case Compare_kind: case IfExp_kind: case Lambda_kind:
    case NamedExpr_kind: case Starred_kind:
        return 0;
    case UnaryOp_kind:
        return a->v.UnaryOp.op != Not;
    default:
        return 1;
    }
}

/* invalid_named_expression's '=' alternatives: `if x = 1:`, `if f() = 1:`. */
static void check_named_equal(Parser *p, expr_ty a)
{
    if (p->in_invalid_check || !check(p, FT_TOK_EQUAL))
        return;
    int is_name = a->kind == Name_kind;
    if (!is_name) {
        if (!is_bitwise_level(p, a) || a->kind == List_kind || a->kind == Tuple_kind ||
            a->kind == GeneratorExp_kind)
            return;
        if (a->kind == Constant_kind &&
            (a->v.Constant.value == FT_TRUE || a->v.Constant.value == FT_FALSE ||
             a->v.Constant.value == FT_NONE))
            return;
    }
    Snapshot s = spec_begin(p);
    p->in_invalid_check++;
    advance(p);
    expr_ty b = bitwise_or(p);
    int followed = check(p, FT_TOK_EQUAL) || check(p, FT_TOK_COLONEQUAL);
    p->in_invalid_check--;
    if (!spec_end(p, s, 1))
        return;
    if (!b || followed)
        return;
    if (is_name)
        RAISE_RANGE(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
    else
        RAISE_AT_NODE(a, "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                      expr_name(a));
}

static expr_ty named_expression(Parser *p)
{
    FtToken *t = peek(p);
    if (t->type == FT_TOK_NAME && t->keyword == 0 && peek2(p)->type == FT_TOK_COLONEQUAL) {
        START(t);
        advance(p);
        FtObject *id = token_identifier(p, t);
        if (!id)
            return NULL;
        expr_ty target = CHECK(ft_ast_Name(id, Store, SPAN(t, t)));
        advance(p); /* := */
        expr_ty value = expression(p);
        if (!target || !value)
            return NULL;
        return CHECK(ft_ast_NamedExpr(target, value, EXTRA));
    }
    expr_ty a = expression(p);
    if (!a)
        return NULL;
    if (!p->in_invalid_check) {
        if (check(p, FT_TOK_COLONEQUAL))
            return RAISE_AT_NODE(a, "cannot use assignment expressions with %s", expr_name(a));
        check_named_equal(p, a);
        if (p->error)
            return NULL;
    }
    return a;
}

static expr_ty inversion(Parser *p);

static expr_ty disjunction(Parser *p)
{
    FtToken *first = peek(p);
    START(first);
    expr_ty a = inversion(p);
    if (!a)
        return NULL;
    if (!check_kw(p, FT_KW_OR) && !check_kw(p, FT_KW_AND))
        return a;
    /* 'and' binds tighter than 'or': collect conjunctions, then disjunctions */
    Vec ors = {0}, ands = {0};
    FtToken *and_start = first;
    if (vec_push(p, &ands, a) < 0)
        return NULL;
    for (;;) {
        if (accept_kw(p, FT_KW_AND)) {
            expr_ty b = inversion(p);
            if (!b || vec_push(p, &ands, b) < 0)
                return NULL;
            continue;
        }
        /* close the current conjunction */
        expr_ty conj;
        if (ands.n == 1) {
            conj = ands.items[0];
        } else {
            asdl_expr_seq *vals = SEQ(asdl_expr_seq, &ands);
            if (!vals)
                return NULL;
            conj = CHECK(ft_ast_BoolOp(And, vals, and_start->lineno, and_start->col_offset,
                                       last_token(p)->end_lineno,
                                       last_token(p)->end_col_offset, p->arena));
            if (!conj)
                return NULL;
        }
        if (vec_push(p, &ors, conj) < 0)
            return NULL;
        if (!accept_kw(p, FT_KW_OR))
            break;
        and_start = peek(p);
        ands = (Vec){0};
        expr_ty b = inversion(p);
        if (!b || vec_push(p, &ands, b) < 0)
            return NULL;
    }
    if (ors.n == 1)
        return ors.items[0];
    asdl_expr_seq *vals = SEQ(asdl_expr_seq, &ors);
    if (!vals)
        return NULL;
    return CHECK(ft_ast_BoolOp(Or, vals, EXTRA));
}

static expr_ty comparison(Parser *p);

static expr_ty inversion(Parser *p)
{
    ENTER();
    if (check_kw(p, FT_KW_NOT)) {
        FtToken *t = advance(p);
        START(t);
        expr_ty a = inversion(p);
        if (!a)
            LEAVE(NULL);
        LEAVE(CHECK(ft_ast_UnaryOp(Not, a, EXTRA)));
    }
    LEAVE(comparison(p));
}

/* The comparison operator at the current token (0 if none); sets *ntoks to its length. */
static int compare_op(Parser *p, int *ntoks)
{
    FtToken *t = peek(p);
    *ntoks = 1;
    switch (t->type) {
    case FT_TOK_EQEQUAL: return Eq;
    case FT_TOK_NOTEQUAL: return t->start[0] == '<' ? 0 : NotEq; /* '<>' is Barry's */
    case FT_TOK_LESS: return Lt;
    case FT_TOK_LESSEQUAL: return LtE;
    case FT_TOK_GREATER: return Gt;
    case FT_TOK_GREATEREQUAL: return GtE;
    case FT_TOK_NAME:
        if (t->keyword == FT_KW_IN)
            return p->no_in ? 0 : In;
        if (t->keyword == FT_KW_IS) {
            if (peek2(p)->type == FT_TOK_NAME && peek2(p)->keyword == FT_KW_NOT) {
                *ntoks = 2;
                return IsNot;
            }
            return Is;
        }
        if (t->keyword == FT_KW_NOT && !p->no_in) {
            FtToken *t2 = peek2(p);
            if (t2->type == FT_TOK_NAME && t2->keyword == FT_KW_IN) {
                *ntoks = 2;
                return NotIn;
            }
        }
        return 0;
    default:
        return 0;
    }
}

static expr_ty comparison(Parser *p)
{
    FtToken *first = peek(p);
    START(first);
    expr_ty a = bitwise_or(p);
    if (!a)
        return NULL;
    int n, op = compare_op(p, &n);
    if (!op)
        return a;
    Vec ops = {0}, cmps = {0};
    while (op) {
        while (n--)
            advance(p);
        expr_ty b = bitwise_or(p);
        if (!b || vec_push(p, &ops, (void *)(intptr_t)op) < 0 || vec_push(p, &cmps, b) < 0)
            return NULL;
        op = compare_op(p, &n);
    }
    asdl_int_seq *iops = ft_asdl_int_seq_new(ops.n, p->arena);
    asdl_expr_seq *ecmps = SEQ(asdl_expr_seq, &cmps);
    if (!iops || !ecmps) {
        p->error = 1;
        return NULL;
    }
    for (ssize_t i = 0; i < ops.n; i++)
        iops->typed_elements[i] = (int)(intptr_t)ops.items[i];
    return CHECK(ft_ast_Compare(a, iops, ecmps, EXTRA));
}

/* Binary operators by precedence climbing: | ^ & (<< >>) (+ -) (* / // % @). */
static int binop_info(FtToken *t, operator_ty *op)
{
    switch (t->type) {
    case FT_TOK_VBAR: *op = BitOr; return 1;
    case FT_TOK_CIRCUMFLEX: *op = BitXor; return 2;
    case FT_TOK_AMPER: *op = BitAnd; return 3;
    case FT_TOK_LEFTSHIFT: *op = LShift; return 4;
    case FT_TOK_RIGHTSHIFT: *op = RShift; return 4;
    case FT_TOK_PLUS: *op = Add; return 5;
    case FT_TOK_MINUS: *op = Sub; return 5;
    case FT_TOK_STAR: *op = Mult; return 6;
    case FT_TOK_SLASH: *op = Div; return 6;
    case FT_TOK_DOUBLESLASH: *op = FloorDiv; return 6;
    case FT_TOK_PERCENT: *op = Mod; return 6;
    case FT_TOK_AT: *op = MatMult; return 6;
    default: return 0;
    }
}

static expr_ty factor(Parser *p);

static expr_ty binary(Parser *p, int min_prec)
{
    ENTER();
    FtToken *first = peek(p);
    START(first);
    expr_ty left = factor(p);
    if (!left)
        LEAVE(NULL);
    for (;;) {
        operator_ty op;
        int prec = binop_info(peek(p), &op);
        if (!prec || prec < min_prec)
            break;
        advance(p);
        expr_ty right = binary(p, prec + 1);
        if (!right)
            LEAVE(NULL);
        left = CHECK(ft_ast_BinOp(left, op, right, EXTRA));
        if (!left)
            LEAVE(NULL);
    }
    LEAVE(left);
}

static expr_ty bitwise_or(Parser *p) { return binary(p, 1); }

static expr_ty power(Parser *p);

static expr_ty factor(Parser *p)
{
    ENTER();
    FtToken *t = peek(p);
    unaryop_ty op;
    if (t->type == FT_TOK_PLUS)
        op = UAdd;
    else if (t->type == FT_TOK_MINUS)
        op = USub;
    else if (t->type == FT_TOK_TILDE)
        op = Invert;
    else
        LEAVE(power(p));
    advance(p);
    START(t);
    expr_ty a = factor(p);
    if (!a)
        LEAVE(NULL);
    LEAVE(CHECK(ft_ast_UnaryOp(op, a, EXTRA)));
}

static expr_ty power(Parser *p)
{
    FtToken *first = peek(p);
    START(first);
    expr_ty a;
    if (first->type == FT_TOK_NAME && first->keyword == FT_KW_AWAIT) {
        advance(p);
        expr_ty v = primary(p);
        if (!v)
            return NULL;
        a = CHECK(ft_ast_Await(v, EXTRA));
    } else {
        a = primary(p);
    }
    if (!a)
        return NULL;
    if (accept(p, FT_TOK_DOUBLESTAR)) {
        expr_ty b = factor(p);
        if (!b)
            return NULL;
        return CHECK(ft_ast_BinOp(a, Pow, b, EXTRA));
    }
    return a;
}

static expr_ty primary(Parser *p)
{
    FtToken *first = peek(p);
    START(first);
    expr_ty a = atom(p);
    if (!a)
        return NULL;
    for (;;) {
        FtToken *t = peek(p);
        if (t->type == FT_TOK_DOT) {
            advance(p);
            if (!check_name(p))
                return generic_error(p);
            FtObject *attr = token_identifier(p, advance(p));
            if (!attr)
                return NULL;
            a = CHECK(ft_ast_Attribute(a, attr, Load, EXTRA));
        } else if (t->type == FT_TOK_LPAR) {
            advance(p);
            asdl_expr_seq *args = NULL;
            asdl_keyword_seq *kws = NULL;
            if (call_arguments(p, t, 1, &args, &kws) < 0)
                return NULL;
            a = CHECK(ft_ast_Call(a, args, kws, EXTRA));
        } else if (t->type == FT_TOK_LSQB) {
            advance(p);
            int saved_no_in = p->no_in;
            p->no_in = 0;
            expr_ty s = slices(p);
            p->no_in = saved_no_in;
            if (!s || !expect(p, FT_TOK_RSQB))
                return NULL;
            a = CHECK(ft_ast_Subscript(a, s, Load, EXTRA));
        } else {
            break;
        }
        if (!a)
            return NULL;
    }
    return a;
}

/* slice: [expression] ':' [expression] [':' [expression]] | named_expression */
static expr_ty slice_item(Parser *p)
{
    FtToken *first = peek(p);
    START(first);
    expr_ty lower = NULL, upper = NULL, step = NULL;
    if (!check(p, FT_TOK_COLON)) {
        if (check(p, FT_TOK_STAR)) {
            FtToken *star = advance(p);
            expr_ty v = expression(p); /* starred_expression */
            if (!v)
                return NULL;
            return CHECK(ft_ast_Starred(v, Load, SPAN(star, last_token(p))));
        }
        lower = named_expression(p);
        if (!lower)
            return NULL;
        if (!check(p, FT_TOK_COLON))
            return lower;
        if (lower->kind == NamedExpr_kind)
            return generic_error(p);
    }
    advance(p); /* ':' */
    FtToken *t = peek(p);
    if (t->type != FT_TOK_COLON && t->type != FT_TOK_COMMA && t->type != FT_TOK_RSQB) {
        upper = expression(p);
        if (!upper)
            return NULL;
    }
    if (accept(p, FT_TOK_COLON)) {
        t = peek(p);
        if (t->type != FT_TOK_COMMA && t->type != FT_TOK_RSQB) {
            step = expression(p);
            if (!step)
                return NULL;
        }
    }
    return CHECK(ft_ast_Slice(lower, upper, step, EXTRA));
}

static expr_ty slices(Parser *p)
{
    FtToken *first = peek(p);
    START(first);
    expr_ty a = slice_item(p);
    if (!a)
        return NULL;
    if (!check(p, FT_TOK_COMMA)) {
        if (a->kind == Starred_kind) /* x[*a] is a tuple of one */
            return CHECK(ft_ast_Tuple(seq1(p, a), Load, EXTRA));
        return a;
    }
    Vec v = {0};
    if (vec_push(p, &v, a) < 0)
        return NULL;
    while (accept(p, FT_TOK_COMMA)) {
        if (check(p, FT_TOK_RSQB))
            break;
        expr_ty e = slice_item(p);
        if (!e || vec_push(p, &v, e) < 0)
            return NULL;
    }
    asdl_expr_seq *elts = SEQ(asdl_expr_seq, &v);
    if (!elts)
        return NULL;
    return CHECK(ft_ast_Tuple(elts, Load, EXTRA));
}

/* ---- numbers ----------------------------------------------------------------------------- */

static expr_ty number_node(Parser *p, FtToken *t)
{
    ssize_t n = t->end - t->start;
    char small[64];
    char *buf = n < (ssize_t)sizeof small ? small : ft_mem_alloc((size_t)n + 1);
    if (!buf) {
        p->error = 1;
        return NULL;
    }
    ssize_t k = 0;
    for (ssize_t i = 0; i < n; i++)
        if (t->start[i] != '_')
            buf[k++] = t->start[i];
    buf[k] = 0;
    FtObject *v = NULL;
    if (buf[k - 1] == 'j' || buf[k - 1] == 'J') {
        buf[k - 1] = 0;
        v = ft_complex_from_doubles(0.0, strtod(buf, NULL));
    } else if (k > 1 && buf[0] == '0' && strchr("xXoObB", buf[1])) {
        int base = (buf[1] == 'x' || buf[1] == 'X') ? 16 : (buf[1] == 'o' || buf[1] == 'O') ? 8 : 2;
        v = ft_int_from_string(buf + 2, k - 2, base);
    } else if (strpbrk(buf, ".eE")) {
        v = ft_float_from_double(strtod(buf, NULL));
    } else {
        v = ft_int_from_string(buf, k, 10);
    }
    if (buf != small)
        ft_mem_free(buf);
    if (!arena_obj(p, v))
        return NULL;
    return CHECK(ft_ast_Constant(v, NULL, SPAN(t, t)));
}

/* ---- string literals ------------------------------------------------------------------------ */

static uint32_t utf8_decode_one(const char **ps)
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

static int hexval(int c)
{
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

/* Character names for \N{...}: ASCII, Latin-1, Greek, the common spaces, dashes, arrows and
 * symbols (generated from Python's unicodedata, sorted for binary search). Without the full
 * Unicode name database other names are reported as unknown, with CPython's message. */
static const struct { const char *name; uint32_t cp; } unicode_names[] = {
    {"ACUTE ACCENT", 0xB4}, {"ALERT", 0x7}, {"AMPERSAND", 0x26}, {"APOSTROPHE", 0x27},
    {"ASTERISK", 0x2A}, {"ASTERISK OPERATOR", 0x2217}, {"BACKSPACE", 0x8},
    {"BALLOT BOX", 0x2610}, {"BALLOT BOX WITH CHECK", 0x2611},
    {"BALLOT BOX WITH X", 0x2612}, {"BALLOT X", 0x2717}, {"BEL", 0x7}, {"BELL", 0x1F514},
    {"BLACK CIRCLE", 0x25CF}, {"BLACK CLUB SUIT", 0x2663}, {"BLACK DIAMOND SUIT", 0x2666},
    {"BLACK HEART SUIT", 0x2665}, {"BLACK SPADE SUIT", 0x2660}, {"BLACK SQUARE", 0x25A0},
    {"BLACK STAR", 0x2605}, {"BLACK SUN WITH RAYS", 0x2600}, {"BOM", 0xFEFF},
    {"BOX DRAWINGS HEAVY HORIZONTAL", 0x2501}, {"BOX DRAWINGS HEAVY VERTICAL", 0x2503},
    {"BOX DRAWINGS LIGHT HORIZONTAL", 0x2500}, {"BOX DRAWINGS LIGHT VERTICAL", 0x2502},
    {"BROKEN BAR", 0xA6}, {"BULLET", 0x2022}, {"BULLET OPERATOR", 0x2219},
    {"CARET", 0x2038}, {"CARRIAGE RETURN", 0xD}, {"CEDILLA", 0xB8}, {"CENT SIGN", 0xA2},
    {"CHARACTER TABULATION", 0x9}, {"CHECK MARK", 0x2713}, {"CIRCUMFLEX ACCENT", 0x5E},
    {"CLOUD", 0x2601}, {"COLON", 0x3A}, {"COMET", 0x2604}, {"COMMA", 0x2C},
    {"COMMERCIAL AT", 0x40}, {"COMPLEMENT", 0x2201}, {"CONTAINS AS MEMBER", 0x220B},
    {"COPYRIGHT SIGN", 0xA9}, {"CR", 0xD}, {"CUBE ROOT", 0x221B}, {"CURRENCY SIGN", 0xA4},
    {"DAGGER", 0x2020}, {"DEGREE SIGN", 0xB0}, {"DELETE", 0x7F}, {"DIAERESIS", 0xA8},
    {"DIGIT EIGHT", 0x38}, {"DIGIT FIVE", 0x35}, {"DIGIT FOUR", 0x34}, {"DIGIT NINE", 0x39},
    {"DIGIT ONE", 0x31}, {"DIGIT SEVEN", 0x37}, {"DIGIT SIX", 0x36}, {"DIGIT THREE", 0x33},
    {"DIGIT TWO", 0x32}, {"DIGIT ZERO", 0x30}, {"DIVISION SIGN", 0xF7},
    {"DIVISION SLASH", 0x2215}, {"DOES NOT CONTAIN AS MEMBER", 0x220C},
    {"DOLLAR SIGN", 0x24}, {"DOT PLUS", 0x2214}, {"DOUBLE DAGGER", 0x2021},
    {"DOUBLE HIGH-REVERSED-9 QUOTATION MARK", 0x201F}, {"DOUBLE LOW LINE", 0x2017},
    {"DOUBLE LOW-9 QUOTATION MARK", 0x201E}, {"DOUBLE PRIME", 0x2033},
    {"DOUBLE VERTICAL LINE", 0x2016}, {"DOWNWARDS ARROW", 0x2193}, {"ELEMENT OF", 0x2208},
    {"EM DASH", 0x2014}, {"EM QUAD", 0x2001}, {"EM SPACE", 0x2003}, {"EMPTY SET", 0x2205},
    {"EN DASH", 0x2013}, {"EN QUAD", 0x2000}, {"EN SPACE", 0x2002},
    {"END OF PROOF", 0x220E}, {"EQUALS SIGN", 0x3D}, {"ESC", 0x1B}, {"ESCAPE", 0x1B},
    {"EURO SIGN", 0x20AC}, {"EXCLAMATION MARK", 0x21},
    {"FACE SAVOURING DELICIOUS FOOD", 0x1F60B}, {"FACE WITH TEARS OF JOY", 0x1F602},
    {"FEMININE ORDINAL INDICATOR", 0xAA}, {"FIGURE DASH", 0x2012}, {"FIGURE SPACE", 0x2007},
    {"FOR ALL", 0x2200}, {"FORM FEED", 0xC}, {"FOUR-PER-EM SPACE", 0x2005},
    {"FOURTH ROOT", 0x221C}, {"FULL STOP", 0x2E}, {"GRAVE ACCENT", 0x60},
    {"GREATER-THAN OR EQUAL TO", 0x2265}, {"GREATER-THAN SIGN", 0x3E},
    {"GREEK CAPITAL LETTER ALPHA", 0x391}, {"GREEK CAPITAL LETTER BETA", 0x392},
    {"GREEK CAPITAL LETTER CHI", 0x3A7}, {"GREEK CAPITAL LETTER DELTA", 0x394},
    {"GREEK CAPITAL LETTER EPSILON", 0x395}, {"GREEK CAPITAL LETTER ETA", 0x397},
    {"GREEK CAPITAL LETTER GAMMA", 0x393}, {"GREEK CAPITAL LETTER IOTA", 0x399},
    {"GREEK CAPITAL LETTER IOTA WITH DIALYTIKA", 0x3AA},
    {"GREEK CAPITAL LETTER KAPPA", 0x39A}, {"GREEK CAPITAL LETTER LAMDA", 0x39B},
    {"GREEK CAPITAL LETTER MU", 0x39C}, {"GREEK CAPITAL LETTER NU", 0x39D},
    {"GREEK CAPITAL LETTER OMEGA", 0x3A9}, {"GREEK CAPITAL LETTER OMICRON", 0x39F},
    {"GREEK CAPITAL LETTER PHI", 0x3A6}, {"GREEK CAPITAL LETTER PI", 0x3A0},
    {"GREEK CAPITAL LETTER PSI", 0x3A8}, {"GREEK CAPITAL LETTER RHO", 0x3A1},
    {"GREEK CAPITAL LETTER SIGMA", 0x3A3}, {"GREEK CAPITAL LETTER TAU", 0x3A4},
    {"GREEK CAPITAL LETTER THETA", 0x398}, {"GREEK CAPITAL LETTER UPSILON", 0x3A5},
    {"GREEK CAPITAL LETTER UPSILON WITH DIALYTIKA", 0x3AB},
    {"GREEK CAPITAL LETTER XI", 0x39E}, {"GREEK CAPITAL LETTER ZETA", 0x396},
    {"GREEK SMALL LETTER ALPHA", 0x3B1}, {"GREEK SMALL LETTER ALPHA WITH TONOS", 0x3AC},
    {"GREEK SMALL LETTER BETA", 0x3B2}, {"GREEK SMALL LETTER CHI", 0x3C7},
    {"GREEK SMALL LETTER DELTA", 0x3B4}, {"GREEK SMALL LETTER EPSILON", 0x3B5},
    {"GREEK SMALL LETTER EPSILON WITH TONOS", 0x3AD}, {"GREEK SMALL LETTER ETA", 0x3B7},
    {"GREEK SMALL LETTER ETA WITH TONOS", 0x3AE}, {"GREEK SMALL LETTER FINAL SIGMA", 0x3C2},
    {"GREEK SMALL LETTER GAMMA", 0x3B3}, {"GREEK SMALL LETTER IOTA", 0x3B9},
    {"GREEK SMALL LETTER IOTA WITH TONOS", 0x3AF}, {"GREEK SMALL LETTER KAPPA", 0x3BA},
    {"GREEK SMALL LETTER LAMDA", 0x3BB}, {"GREEK SMALL LETTER MU", 0x3BC},
    {"GREEK SMALL LETTER NU", 0x3BD}, {"GREEK SMALL LETTER OMEGA", 0x3C9},
    {"GREEK SMALL LETTER OMICRON", 0x3BF}, {"GREEK SMALL LETTER PHI", 0x3C6},
    {"GREEK SMALL LETTER PI", 0x3C0}, {"GREEK SMALL LETTER PSI", 0x3C8},
    {"GREEK SMALL LETTER RHO", 0x3C1}, {"GREEK SMALL LETTER SIGMA", 0x3C3},
    {"GREEK SMALL LETTER TAU", 0x3C4}, {"GREEK SMALL LETTER THETA", 0x3B8},
    {"GREEK SMALL LETTER UPSILON", 0x3C5},
    {"GREEK SMALL LETTER UPSILON WITH DIALYTIKA AND TONOS", 0x3B0},
    {"GREEK SMALL LETTER XI", 0x3BE}, {"GREEK SMALL LETTER ZETA", 0x3B6},
    {"GRINNING FACE", 0x1F600}, {"GRINNING FACE WITH SMILING EYES", 0x1F601},
    {"HAIR SPACE", 0x200A}, {"HEAVY CHECK MARK", 0x2714},
    {"HEAVY MULTIPLICATION X", 0x2716}, {"HORIZONTAL BAR", 0x2015},
    {"HORIZONTAL ELLIPSIS", 0x2026}, {"HYPHEN", 0x2010}, {"HYPHEN-MINUS", 0x2D},
    {"HYPHENATION POINT", 0x2027}, {"IDENTICAL TO", 0x2261}, {"INCREMENT", 0x2206},
    {"INFINITY", 0x221E}, {"INVERTED EXCLAMATION MARK", 0xA1},
    {"INVERTED QUESTION MARK", 0xBF}, {"LATIN CAPITAL LETTER A", 0x41},
    {"LATIN CAPITAL LETTER A WITH ACUTE", 0xC1},
    {"LATIN CAPITAL LETTER A WITH CIRCUMFLEX", 0xC2},
    {"LATIN CAPITAL LETTER A WITH DIAERESIS", 0xC4},
    {"LATIN CAPITAL LETTER A WITH GRAVE", 0xC0},
    {"LATIN CAPITAL LETTER A WITH RING ABOVE", 0xC5},
    {"LATIN CAPITAL LETTER A WITH TILDE", 0xC3}, {"LATIN CAPITAL LETTER AE", 0xC6},
    {"LATIN CAPITAL LETTER B", 0x42}, {"LATIN CAPITAL LETTER C", 0x43},
    {"LATIN CAPITAL LETTER C WITH CEDILLA", 0xC7}, {"LATIN CAPITAL LETTER D", 0x44},
    {"LATIN CAPITAL LETTER E", 0x45}, {"LATIN CAPITAL LETTER E WITH ACUTE", 0xC9},
    {"LATIN CAPITAL LETTER E WITH CIRCUMFLEX", 0xCA},
    {"LATIN CAPITAL LETTER E WITH DIAERESIS", 0xCB},
    {"LATIN CAPITAL LETTER E WITH GRAVE", 0xC8}, {"LATIN CAPITAL LETTER ETH", 0xD0},
    {"LATIN CAPITAL LETTER F", 0x46}, {"LATIN CAPITAL LETTER G", 0x47},
    {"LATIN CAPITAL LETTER H", 0x48}, {"LATIN CAPITAL LETTER I", 0x49},
    {"LATIN CAPITAL LETTER I WITH ACUTE", 0xCD},
    {"LATIN CAPITAL LETTER I WITH CIRCUMFLEX", 0xCE},
    {"LATIN CAPITAL LETTER I WITH DIAERESIS", 0xCF},
    {"LATIN CAPITAL LETTER I WITH GRAVE", 0xCC}, {"LATIN CAPITAL LETTER J", 0x4A},
    {"LATIN CAPITAL LETTER K", 0x4B}, {"LATIN CAPITAL LETTER L", 0x4C},
    {"LATIN CAPITAL LETTER M", 0x4D}, {"LATIN CAPITAL LETTER N", 0x4E},
    {"LATIN CAPITAL LETTER N WITH TILDE", 0xD1}, {"LATIN CAPITAL LETTER O", 0x4F},
    {"LATIN CAPITAL LETTER O WITH ACUTE", 0xD3},
    {"LATIN CAPITAL LETTER O WITH CIRCUMFLEX", 0xD4},
    {"LATIN CAPITAL LETTER O WITH DIAERESIS", 0xD6},
    {"LATIN CAPITAL LETTER O WITH GRAVE", 0xD2},
    {"LATIN CAPITAL LETTER O WITH STROKE", 0xD8},
    {"LATIN CAPITAL LETTER O WITH TILDE", 0xD5}, {"LATIN CAPITAL LETTER P", 0x50},
    {"LATIN CAPITAL LETTER Q", 0x51}, {"LATIN CAPITAL LETTER R", 0x52},
    {"LATIN CAPITAL LETTER S", 0x53}, {"LATIN CAPITAL LETTER T", 0x54},
    {"LATIN CAPITAL LETTER THORN", 0xDE}, {"LATIN CAPITAL LETTER U", 0x55},
    {"LATIN CAPITAL LETTER U WITH ACUTE", 0xDA},
    {"LATIN CAPITAL LETTER U WITH CIRCUMFLEX", 0xDB},
    {"LATIN CAPITAL LETTER U WITH DIAERESIS", 0xDC},
    {"LATIN CAPITAL LETTER U WITH GRAVE", 0xD9}, {"LATIN CAPITAL LETTER V", 0x56},
    {"LATIN CAPITAL LETTER W", 0x57}, {"LATIN CAPITAL LETTER X", 0x58},
    {"LATIN CAPITAL LETTER Y", 0x59}, {"LATIN CAPITAL LETTER Y WITH ACUTE", 0xDD},
    {"LATIN CAPITAL LETTER Z", 0x5A}, {"LATIN SMALL LETTER A", 0x61},
    {"LATIN SMALL LETTER A WITH ACUTE", 0xE1},
    {"LATIN SMALL LETTER A WITH CIRCUMFLEX", 0xE2},
    {"LATIN SMALL LETTER A WITH DIAERESIS", 0xE4},
    {"LATIN SMALL LETTER A WITH GRAVE", 0xE0},
    {"LATIN SMALL LETTER A WITH RING ABOVE", 0xE5},
    {"LATIN SMALL LETTER A WITH TILDE", 0xE3}, {"LATIN SMALL LETTER AE", 0xE6},
    {"LATIN SMALL LETTER B", 0x62}, {"LATIN SMALL LETTER C", 0x63},
    {"LATIN SMALL LETTER C WITH CEDILLA", 0xE7}, {"LATIN SMALL LETTER D", 0x64},
    {"LATIN SMALL LETTER E", 0x65}, {"LATIN SMALL LETTER E WITH ACUTE", 0xE9},
    {"LATIN SMALL LETTER E WITH CIRCUMFLEX", 0xEA},
    {"LATIN SMALL LETTER E WITH DIAERESIS", 0xEB},
    {"LATIN SMALL LETTER E WITH GRAVE", 0xE8}, {"LATIN SMALL LETTER ETH", 0xF0},
    {"LATIN SMALL LETTER F", 0x66}, {"LATIN SMALL LETTER G", 0x67},
    {"LATIN SMALL LETTER H", 0x68}, {"LATIN SMALL LETTER I", 0x69},
    {"LATIN SMALL LETTER I WITH ACUTE", 0xED},
    {"LATIN SMALL LETTER I WITH CIRCUMFLEX", 0xEE},
    {"LATIN SMALL LETTER I WITH DIAERESIS", 0xEF},
    {"LATIN SMALL LETTER I WITH GRAVE", 0xEC}, {"LATIN SMALL LETTER J", 0x6A},
    {"LATIN SMALL LETTER K", 0x6B}, {"LATIN SMALL LETTER L", 0x6C},
    {"LATIN SMALL LETTER M", 0x6D}, {"LATIN SMALL LETTER N", 0x6E},
    {"LATIN SMALL LETTER N WITH TILDE", 0xF1}, {"LATIN SMALL LETTER O", 0x6F},
    {"LATIN SMALL LETTER O WITH ACUTE", 0xF3},
    {"LATIN SMALL LETTER O WITH CIRCUMFLEX", 0xF4},
    {"LATIN SMALL LETTER O WITH DIAERESIS", 0xF6},
    {"LATIN SMALL LETTER O WITH GRAVE", 0xF2}, {"LATIN SMALL LETTER O WITH STROKE", 0xF8},
    {"LATIN SMALL LETTER O WITH TILDE", 0xF5}, {"LATIN SMALL LETTER P", 0x70},
    {"LATIN SMALL LETTER Q", 0x71}, {"LATIN SMALL LETTER R", 0x72},
    {"LATIN SMALL LETTER S", 0x73}, {"LATIN SMALL LETTER SHARP S", 0xDF},
    {"LATIN SMALL LETTER T", 0x74}, {"LATIN SMALL LETTER THORN", 0xFE},
    {"LATIN SMALL LETTER U", 0x75}, {"LATIN SMALL LETTER U WITH ACUTE", 0xFA},
    {"LATIN SMALL LETTER U WITH CIRCUMFLEX", 0xFB},
    {"LATIN SMALL LETTER U WITH DIAERESIS", 0xFC},
    {"LATIN SMALL LETTER U WITH GRAVE", 0xF9}, {"LATIN SMALL LETTER V", 0x76},
    {"LATIN SMALL LETTER W", 0x77}, {"LATIN SMALL LETTER X", 0x78},
    {"LATIN SMALL LETTER Y", 0x79}, {"LATIN SMALL LETTER Y WITH ACUTE", 0xFD},
    {"LATIN SMALL LETTER Y WITH DIAERESIS", 0xFF}, {"LATIN SMALL LETTER Z", 0x7A},
    {"LEFT CURLY BRACKET", 0x7B}, {"LEFT DOUBLE QUOTATION MARK", 0x201C},
    {"LEFT PARENTHESIS", 0x28}, {"LEFT RIGHT ARROW", 0x2194},
    {"LEFT SINGLE QUOTATION MARK", 0x2018}, {"LEFT SQUARE BRACKET", 0x5B},
    {"LEFT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xAB}, {"LEFT-TO-RIGHT MARK", 0x200E},
    {"LEFTWARDS ARROW", 0x2190}, {"LESS-THAN OR EQUAL TO", 0x2264},
    {"LESS-THAN SIGN", 0x3C}, {"LF", 0xA}, {"LINE FEED", 0xA}, {"LOW LINE", 0x5F},
    {"MACRON", 0xAF}, {"MASCULINE ORDINAL INDICATOR", 0xBA}, {"MICRO SIGN", 0xB5},
    {"MIDDLE DOT", 0xB7}, {"MINUS SIGN", 0x2212}, {"MINUS-OR-PLUS SIGN", 0x2213},
    {"MULTIPLICATION SIGN", 0xD7}, {"MULTIPLICATION X", 0x2715},
    {"N-ARY COPRODUCT", 0x2210}, {"N-ARY PRODUCT", 0x220F}, {"N-ARY SUMMATION", 0x2211},
    {"NABLA", 0x2207}, {"NBSP", 0xA0}, {"NO-BREAK SPACE", 0xA0},
    {"NON-BREAKING HYPHEN", 0x2011}, {"NOT AN ELEMENT OF", 0x2209},
    {"NOT EQUAL TO", 0x2260}, {"NOT IDENTICAL TO", 0x2262}, {"NOT SIGN", 0xAC},
    {"NUL", 0x0}, {"NULL", 0x0}, {"NUMBER SIGN", 0x23}, {"ONE DOT LEADER", 0x2024},
    {"PARTIAL DIFFERENTIAL", 0x2202}, {"PER MILLE SIGN", 0x2030},
    {"PER TEN THOUSAND SIGN", 0x2031}, {"PERCENT SIGN", 0x25}, {"PILCROW SIGN", 0xB6},
    {"PILE OF POO", 0x1F4A9}, {"PLUS SIGN", 0x2B}, {"PLUS-MINUS SIGN", 0xB1},
    {"POUND SIGN", 0xA3}, {"PRIME", 0x2032}, {"PROPORTIONAL TO", 0x221D},
    {"PUNCTUATION SPACE", 0x2008}, {"QUESTION MARK", 0x3F}, {"QUOTATION MARK", 0x22},
    {"REGISTERED SIGN", 0xAE}, {"RELIEVED FACE", 0x1F60C}, {"REVERSE SOLIDUS", 0x5C},
    {"REVERSED DOUBLE PRIME", 0x2036}, {"REVERSED PRIME", 0x2035},
    {"REVERSED TRIPLE PRIME", 0x2037}, {"RIGHT CURLY BRACKET", 0x7D},
    {"RIGHT DOUBLE QUOTATION MARK", 0x201D}, {"RIGHT PARENTHESIS", 0x29},
    {"RIGHT SINGLE QUOTATION MARK", 0x2019}, {"RIGHT SQUARE BRACKET", 0x5D},
    {"RIGHT-POINTING DOUBLE ANGLE QUOTATION MARK", 0xBB}, {"RIGHT-TO-LEFT MARK", 0x200F},
    {"RIGHTWARDS ARROW", 0x2192}, {"RING OPERATOR", 0x2218}, {"SECTION SIGN", 0xA7},
    {"SEMICOLON", 0x3B}, {"SET MINUS", 0x2216},
    {"SINGLE HIGH-REVERSED-9 QUOTATION MARK", 0x201B},
    {"SINGLE LEFT-POINTING ANGLE QUOTATION MARK", 0x2039},
    {"SINGLE LOW-9 QUOTATION MARK", 0x201A},
    {"SINGLE RIGHT-POINTING ANGLE QUOTATION MARK", 0x203A}, {"SIX-PER-EM SPACE", 0x2006},
    {"SMALL CONTAINS AS MEMBER", 0x220D}, {"SMALL ELEMENT OF", 0x220A},
    {"SMILING FACE WITH HALO", 0x1F607}, {"SMILING FACE WITH HEART-SHAPED EYES", 0x1F60D},
    {"SMILING FACE WITH HORNS", 0x1F608}, {"SMILING FACE WITH OPEN MOUTH", 0x1F603},
    {"SMILING FACE WITH OPEN MOUTH AND COLD SWEAT", 0x1F605},
    {"SMILING FACE WITH OPEN MOUTH AND SMILING EYES", 0x1F604},
    {"SMILING FACE WITH OPEN MOUTH AND TIGHTLY-CLOSED EYES", 0x1F606},
    {"SMILING FACE WITH SMILING EYES", 0x1F60A}, {"SMILING FACE WITH SUNGLASSES", 0x1F60E},
    {"SMIRKING FACE", 0x1F60F}, {"SNOWMAN", 0x2603}, {"SOFT HYPHEN", 0xAD},
    {"SOLIDUS", 0x2F}, {"SPACE", 0x20}, {"SQUARE ROOT", 0x221A},
    {"STRICTLY EQUIVALENT TO", 0x2263}, {"SUPERSCRIPT ONE", 0xB9},
    {"SUPERSCRIPT THREE", 0xB3}, {"SUPERSCRIPT TWO", 0xB2}, {"TAB", 0x9},
    {"THERE DOES NOT EXIST", 0x2204}, {"THERE EXISTS", 0x2203}, {"THIN SPACE", 0x2009},
    {"THREE-PER-EM SPACE", 0x2004}, {"TILDE", 0x7E}, {"TRIANGULAR BULLET", 0x2023},
    {"TRIPLE PRIME", 0x2034}, {"TWO DOT LEADER", 0x2025}, {"UMBRELLA", 0x2602},
    {"UP DOWN ARROW", 0x2195}, {"UPWARDS ARROW", 0x2191}, {"VERTICAL LINE", 0x7C},
    {"VULGAR FRACTION ONE HALF", 0xBD}, {"VULGAR FRACTION ONE QUARTER", 0xBC},
    {"VULGAR FRACTION THREE QUARTERS", 0xBE}, {"WHITE CLUB SUIT", 0x2667},
    {"WHITE DIAMOND SUIT", 0x2662}, {"WHITE HEART SUIT", 0x2661},
    {"WHITE SMILING FACE", 0x263A}, {"WHITE SPADE SUIT", 0x2664}, {"WHITE SQUARE", 0x25A1},
    {"WHITE STAR", 0x2606}, {"WINKING FACE", 0x1F609}, {"YEN SIGN", 0xA5},
    {"ZERO WIDTH JOINER", 0x200D}, {"ZERO WIDTH NO-BREAK SPACE", 0xFEFF},
    {"ZERO WIDTH NON-JOINER", 0x200C}, {"ZERO WIDTH SPACE", 0x200B}, {"ZWSP", 0x200B},
};

static int lookup_unicode_name(const char *s, ssize_t n, uint32_t *cp)
{
    char key[64];
    if (n <= 0 || n >= (ssize_t)sizeof key)
        return 0;
    for (ssize_t i = 0; i < n; i++)
        key[i] = (char)toupper((unsigned char)s[i]);
    key[n] = 0;
    size_t lo = 0, hi = FT_ARRAY_LEN(unicode_names);
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int c = strcmp(unicode_names[mid].name, key);
        if (c == 0) {
            *cp = unicode_names[mid].cp;
            return 1;
        }
        if (c < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return 0;
}

/* Decode the body of a non-raw str literal. Error positions are those of CPython, whose
 * decoder sees non-ASCII characters rewritten as 10-byte \U escapes. */
static FtObject *decode_unicode_with_escapes(Parser *p, const char *s, ssize_t len)
{
    uint32_t *out = ft_mem_alloc((size_t)(len + 1) * sizeof(uint32_t));
    if (!out) {
        p->error = 1;
        return NULL;
    }
    ssize_t n = 0, pos = 0; /* pos: offset in CPython's rewritten buffer */
    const char *end = s + len;
    const char *errmsg = NULL;
    ssize_t err_start = 0, err_end = 0;
    while (s < end) {
        unsigned char c = (unsigned char)*s;
        if (c != '\\') {
            if (c < 0x80) {
                out[n++] = c;
                s++;
                pos++;
            } else {
                out[n++] = utf8_decode_one(&s);
                pos += 10;
            }
            continue;
        }
        /* a backslash */
        if (s + 1 >= end || ((unsigned char)s[1] & 0x80)) {
            out[n++] = '\\';
            s++;
            pos += 6;
            continue;
        }
        ssize_t start = pos;
        char e = s[1];
        s += 2;
        pos += 2;
        switch (e) {
        case '\n': break;
        case '\\': out[n++] = '\\'; break;
        case '\'': out[n++] = '\''; break;
        case '"': out[n++] = '"'; break;
        case 'a': out[n++] = 7; break;
        case 'b': out[n++] = 8; break;
        case 'f': out[n++] = 12; break;
        case 'n': out[n++] = 10; break;
        case 'r': out[n++] = 13; break;
        case 't': out[n++] = 9; break;
        case 'v': out[n++] = 11; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            uint32_t v = (uint32_t)(e - '0');
            for (int i = 0; i < 2 && s < end && *s >= '0' && *s <= '7'; i++) {
                v = v * 8 + (uint32_t)(*s++ - '0');
                pos++;
            }
            out[n++] = v;
            break;
        }
        case 'x': case 'u': case 'U': {
            int count = e == 'x' ? 2 : e == 'u' ? 4 : 8;
            uint32_t v = 0;
            int i;
            for (i = 0; i < count && s < end && hexval((unsigned char)*s) >= 0; i++) {
                v = v * 16 + (uint32_t)hexval((unsigned char)*s++);
                pos++;
            }
            if (i < count) {
                errmsg = e == 'x' ? "truncated \\xXX escape"
                       : e == 'u' ? "truncated \\uXXXX escape" : "truncated \\UXXXXXXXX escape";
                err_start = start;
                err_end = pos;
                goto error;
            }
            if (v > 0x10FFFF) {
                errmsg = "illegal Unicode character";
                err_start = start;
                err_end = pos;
                goto error;
            }
            out[n++] = v;
            break;
        }
        case 'N': {
            if (s >= end || *s != '{') {
                errmsg = "malformed \\N character escape";
                err_start = start;
                err_end = pos;
                goto error;
            }
            const char *name = s + 1, *q = name;
            while (q < end && *q != '}')
                q++;
            if (q >= end || q == name) {
                errmsg = "malformed \\N character escape";
                err_start = start;
                err_end = q >= end ? pos + (end - s) : pos + (q - s) + 1;
                goto error;
            }
            ssize_t consumed = q + 1 - s;
            uint32_t cp;
            if (!lookup_unicode_name(name, q - name, &cp)) {
                errmsg = "unknown Unicode character name";
                err_start = start;
                err_end = pos + consumed;
                goto error;
            }
            s = q + 1;
            pos += consumed;
            out[n++] = cp;
            break;
        }
        default:
            /* an invalid escape stays as written (CPython warns) */
            out[n++] = '\\';
            s--;
            pos--;
            break;
        }
    }
    FtObject *r = ft_str_from_ucs4(out, n);
    ft_mem_free(out);
    if (!r)
        p->error = 1;
    return r;
error:
    ft_mem_free(out);
    RAISE_SYNTAX_ERROR("(unicode error) 'unicodeescape' codec can't decode bytes in position "
                       "%zd-%zd: %s", err_start, err_end - 1, errmsg);
    return NULL;
}

static FtObject *decode_bytes_with_escapes(Parser *p, const char *s, ssize_t len)
{
    char *out = ft_mem_alloc((size_t)len + 1);
    if (!out) {
        p->error = 1;
        return NULL;
    }
    const char *start = s, *end = s + len;
    ssize_t n = 0;
    while (s < end) {
        if (*s != '\\' || s + 1 >= end) {
            out[n++] = *s++;
            continue;
        }
        const char *bs = s;
        char e = s[1];
        s += 2;
        switch (e) {
        case '\n': break;
        case '\\': out[n++] = '\\'; break;
        case '\'': out[n++] = '\''; break;
        case '"': out[n++] = '"'; break;
        case 'a': out[n++] = 7; break;
        case 'b': out[n++] = 8; break;
        case 'f': out[n++] = 12; break;
        case 'n': out[n++] = 10; break;
        case 'r': out[n++] = 13; break;
        case 't': out[n++] = 9; break;
        case 'v': out[n++] = 11; break;
        case '0': case '1': case '2': case '3': case '4': case '5': case '6': case '7': {
            unsigned v = (unsigned)(e - '0');
            for (int i = 0; i < 2 && s < end && *s >= '0' && *s <= '7'; i++)
                v = v * 8 + (unsigned)(*s++ - '0');
            out[n++] = (char)(v & 0xFF);
            break;
        }
        case 'x':
            if (s + 1 < end && hexval((unsigned char)s[0]) >= 0 && hexval((unsigned char)s[1]) >= 0) {
                out[n++] = (char)(hexval((unsigned char)s[0]) * 16 + hexval((unsigned char)s[1]));
                s += 2;
                break;
            }
            ft_mem_free(out);
            RAISE_SYNTAX_ERROR("(value error) invalid \\x escape at position %zd", bs - start);
            return NULL;
        default:
            out[n++] = '\\';
            s--;
            break;
        }
    }
    FtObject *r = ft_bytes_from_data(out, n);
    ft_mem_free(out);
    if (!r)
        p->error = 1;
    return r;
}

/* CPython's _PyPegen_parsestr: the literal's value, or (for f-strings) its body. */
static int parsestr(Parser *p, FtToken *t, int *bytesmode, int *rawmode, FtObject **result,
                    const char **fstr, ssize_t *fstrlen)
{
    const char *s = t->start, *tend = t->end;
    int fmode = 0;
    *bytesmode = *rawmode = 0;
    *result = NULL;
    *fstr = NULL;
    while (isalpha((unsigned char)*s)) {
        char c = (char)tolower((unsigned char)*s++);
        if (c == 'b')
            *bytesmode = 1;
        else if (c == 'r')
            *rawmode = 1;
        else if (c == 'f')
            fmode = 1;
    }
    char quote = *s++;
    ssize_t len = (tend - s) - 1;
    if (len >= 4 && s[0] == quote && s[1] == quote) {
        s += 2;
        len -= 4;
    }
    if (fmode) {
        *fstr = s;
        *fstrlen = len;
        return 0;
    }
    int raw = *rawmode || !memchr(s, '\\', (size_t)len);
    if (*bytesmode) {
        for (ssize_t i = 0; i < len; i++) {
            if ((unsigned char)s[i] >= 0x80) {
                RAISE_AT_TOKEN(t, "bytes can only contain ASCII literal characters");
                return -1;
            }
        }
        *result = raw ? ft_bytes_from_data(s, len) : decode_bytes_with_escapes(p, s, len);
    } else {
        *result = raw ? ft_str_from_utf8(s, len) : decode_unicode_with_escapes(p, s, len);
    }
    if (!*result) {
        p->error = 1;
        return -1;
    }
    return 0;
}

/* ---- f-strings (CPython 3.11's string_parser.c, step by step) -------------------------- */

typedef struct {
    FtObject *last_str;   /* pending literal text (owned) */
    Vec expr_list;
    int fmode;
} FstringParser;

static expr_ty make_str_node(Parser *p, FtObject **str, FtToken *first, FtToken *last)
{
    FtObject *s = *str;
    *str = NULL;
    if (!arena_obj(p, s))
        return NULL;
    FtObject *kind = NULL;
    if (first->start[0] == 'u') {
        kind = new_identifier(p, "u", 1);
        if (!kind)
            return NULL;
    }
    return CHECK(ft_ast_Constant(s, kind, SPAN(first, last)));
}

/* Steals str. */
static int fstring_concat(Parser *p, FstringParser *state, FtObject *str)
{
    if (FT_STR_LEN(str) == 0) {
        FT_DECREF(str);
        return 0;
    }
    if (!state->last_str) {
        state->last_str = str;
        return 0;
    }
    FtObject *r = ft_str_concat(state->last_str, str);
    FT_DECREF(str);
    FT_DECREF(state->last_str);
    state->last_str = r;
    if (!r) {
        p->error = 1;
        return -1;
    }
    return 0;
}

static mod_ty parse_fstring_expr(Parser *parent, const char *src, ssize_t len, int lineno,
                                 int col_offset);

static expr_ty fstring_compile_expr(Parser *p, const char *expr_start, const char *expr_end,
                                    FtToken *t)
{
    const char *s;
    for (s = expr_start; s != expr_end; s++) {
        char c = *s;
        if (!(c == ' ' || c == '\t' || c == '\n' || c == '\f'))
            break;
    }
    if (s == expr_end) {
        if (*expr_end == '!' || *expr_end == ':' || *expr_end == '=')
            return RAISE_SYNTAX_ERROR("f-string: expression required before '%c'", *expr_end);
        return RAISE_SYNTAX_ERROR("f-string: empty expression not allowed");
    }
    /* where the expression starts: lines and columns from the token's start */
    int lines = 0, cols = 0;
    int newline_after_brace = 1;
    const char *q = expr_start;
    while (q < t->end && *q != '}' && *q != '\n') {
        if (*q != ' ' && *q != '\t' && *q != '\f') {
            newline_after_brace = 0;
            break;
        }
        q++;
    }
    const char *brace = expr_start - 1;
    if (!newline_after_brace) {
        q = brace;
        while (q > t->start && *q != '\n')
            q--;
        cols += (int)(brace - q);
        if (*q == '\n')
            cols -= 1;
    }
    for (q = t->start; q < brace; q++)
        if (*q == '\n')
            lines++;
    ssize_t len = expr_end - expr_start;
    char *str = ft_mem_alloc((size_t)len + 4);
    if (!str) {
        p->error = 1;
        return NULL;
    }
    str[0] = '(';
    memcpy(str + 1, expr_start, (size_t)len);
    str[len + 1] = ')';
    str[len + 2] = '\n';
    str[len + 3] = 0;
    /* on a later line of the token the columns count from that line's start */
    mod_ty m = parse_fstring_expr(p, str, len + 3, t->lineno + lines,
                                  lines ? cols : t->col_offset + cols);
    ft_mem_free(str);
    if (!m) {
        p->error = 1;
        return NULL;
    }
    return m->v.Expression.body;
}

static expr_ty fstring_parse(Parser *p, const char **str, const char *end, int raw,
                             int recurse_lvl, FtToken *first, FtToken *t, FtToken *last);

static int fstring_find_expr(Parser *p, const char **str, const char *end, int raw,
                             int recurse_lvl, FtObject **expr_text, expr_ty *expression,
                             FtToken *first, FtToken *t, FtToken *last)
{
    const char *expr_start, *expr_end;
    expr_ty simple_expression, format_spec = NULL;
    int conversion = -1;
    char quote_char = 0;
    int string_type = 0;
    int nested_depth = 0;
    char parenstack[FT_TOK_MAXLEVEL];

    *expr_text = NULL;
    if (recurse_lvl >= 2) {
        RAISE_SYNTAX_ERROR("f-string: expressions nested too deeply");
        goto error;
    }
    *str += 1; /* the '{' */
    expr_start = *str;
    for (; *str < end; (*str)++) {
        char ch = **str;
        if (ch == '\\') {
            RAISE_SYNTAX_ERROR("f-string expression part cannot include a backslash");
            goto error;
        }
        if (quote_char) {
            if (ch == quote_char) {
                if (string_type == 3) {
                    if (*str + 2 < end && *(*str + 1) == ch && *(*str + 2) == ch) {
                        *str += 2;
                        string_type = 0;
                        quote_char = 0;
                        continue;
                    }
                } else {
                    quote_char = 0;
                    string_type = 0;
                    continue;
                }
            }
            continue;
        }
        if (ch == '\'' || ch == '"') {
            if (*str + 2 < end && *(*str + 1) == ch && *(*str + 2) == ch) {
                string_type = 3;
                *str += 2;
            } else {
                string_type = 1;
            }
            quote_char = ch;
        } else if (ch == '[' || ch == '{' || ch == '(') {
            if (nested_depth >= FT_TOK_MAXLEVEL) {
                RAISE_SYNTAX_ERROR("f-string: too many nested parenthesis");
                goto error;
            }
            parenstack[nested_depth++] = ch;
        } else if (ch == '#') {
            RAISE_SYNTAX_ERROR("f-string expression part cannot include '#'");
            goto error;
        } else if (nested_depth == 0 &&
                   (ch == '!' || ch == ':' || ch == '}' || ch == '=' || ch == '>' || ch == '<')) {
            if (*str + 1 < end) {
                char next = *(*str + 1);
                if ((ch == '!' && next == '=') || (ch == '=' && next == '=') ||
                    (ch == '<' && next == '=') || (ch == '>' && next == '=')) {
                    *str += 1;
                    continue;
                }
            }
            if (ch == '>' || ch == '<')
                continue;
            break;
        } else if (ch == ']' || ch == '}' || ch == ')') {
            if (!nested_depth) {
                RAISE_SYNTAX_ERROR("f-string: unmatched '%c'", ch);
                goto error;
            }
            nested_depth--;
            int opening = (unsigned char)parenstack[nested_depth];
            if (!((opening == '(' && ch == ')') || (opening == '[' && ch == ']') ||
                  (opening == '{' && ch == '}'))) {
                RAISE_SYNTAX_ERROR("f-string: closing parenthesis '%c' does not match "
                                   "opening parenthesis '%c'", ch, opening);
                goto error;
            }
        }
    }
    expr_end = *str;
    if (quote_char) {
        RAISE_SYNTAX_ERROR("f-string: unterminated string");
        goto error;
    }
    if (nested_depth) {
        RAISE_SYNTAX_ERROR("f-string: unmatched '%c'", parenstack[nested_depth - 1]);
        goto error;
    }
    if (*str >= end)
        goto unexpected_end_of_string;

    simple_expression = fstring_compile_expr(p, expr_start, expr_end, t);
    if (!simple_expression)
        goto error;

    if (**str == '=') {
        *str += 1;
        while (**str == ' ' || **str == '\t' || **str == '\n' || **str == '\r' ||
               **str == '\f' || **str == '\v')
            *str += 1;
        if (*str >= end)
            goto unexpected_end_of_string;
        *expr_text = ft_str_from_utf8(expr_start, *str - expr_start);
        if (!*expr_text) {
            p->error = 1;
            goto error;
        }
    }
    if (**str == '!') {
        *str += 1;
        if (*str >= end)
            goto unexpected_end_of_string;
        conversion = (unsigned char)**str;
        *str += 1;
        if (!(conversion == 's' || conversion == 'r' || conversion == 'a')) {
            RAISE_SYNTAX_ERROR("f-string: invalid conversion character: expected 's', 'r', or 'a'");
            goto error;
        }
    }
    if (*str >= end)
        goto unexpected_end_of_string;
    if (**str == ':') {
        *str += 1;
        if (*str >= end)
            goto unexpected_end_of_string;
        format_spec = fstring_parse(p, str, end, raw, recurse_lvl + 1, first, t, last);
        if (!format_spec)
            goto error;
    }
    if (*str >= end || **str != '}')
        goto unexpected_end_of_string;
    *str += 1;
    if (*expr_text && format_spec == NULL && conversion == -1)
        conversion = 'r';
    *expression = CHECK(ft_ast_FormattedValue(simple_expression, conversion, format_spec,
                                              SPAN(first, last)));
    if (!*expression)
        goto error;
    return 0;

unexpected_end_of_string:
    RAISE_SYNTAX_ERROR("f-string: expecting '}'");
error:
    FT_CLEAR(*expr_text);
    return -1;
}

static int fstring_find_literal(Parser *p, const char **str, const char *end, int raw,
                                FtObject **literal, int recurse_lvl)
{
    const char *s = *str, *literal_start = s;
    int result = 0;
    while (s < end) {
        char ch = *s++;
        if (!raw && ch == '\\' && s < end) {
            ch = *s++;
            if (ch == 'N') {
                if (s < end && *s++ == '{') {
                    while (s < end && *s++ != '}') {
                    }
                    continue;
                }
                continue;
            }
        }
        if (ch == '{' || ch == '}') {
            if (recurse_lvl == 0) {
                if (s < end && *s == ch) {
                    *str = s + 1;
                    result = 1;
                    goto done;
                }
                if (ch == '}') {
                    *str = s - 1;
                    RAISE_SYNTAX_ERROR("f-string: single '}' is not allowed");
                    return -1;
                }
            }
            s--;
            break;
        }
    }
    *str = s;
done:
    if (literal_start != s) {
        if (raw)
            *literal = ft_str_from_utf8(literal_start, s - literal_start);
        else
            *literal = decode_unicode_with_escapes(p, literal_start, s - literal_start);
        if (!*literal) {
            p->error = 1;
            return -1;
        }
    }
    return result;
}

static int fstring_concat_fstring(Parser *p, FstringParser *state, const char **str,
                                  const char *end, int raw, int recurse_lvl, FtToken *first,
                                  FtToken *t, FtToken *last)
{
    state->fmode = 1;
    for (;;) {
        FtObject *literal = NULL, *expr_text = NULL;
        expr_ty expression = NULL;
        int result = fstring_find_literal(p, str, end, raw, &literal, recurse_lvl);
        if (result < 0)
            return -1;
        if (result == 0 && *str < end && **str != '}') {
            if (fstring_find_expr(p, str, end, raw, recurse_lvl, &expr_text, &expression,
                                  first, t, last) < 0) {
                FT_XDECREF(literal);
                return -1;
            }
        }
        if (literal && fstring_concat(p, state, literal) < 0) {
            FT_XDECREF(expr_text);
            return -1;
        }
        if (expr_text && fstring_concat(p, state, expr_text) < 0)
            return -1;
        if (result == 1)
            continue;
        if (!expression)
            break;
        if (state->last_str) {
            expr_ty s = make_str_node(p, &state->last_str, first, last);
            if (!s || vec_push(p, &state->expr_list, s) < 0)
                return -1;
        }
        if (vec_push(p, &state->expr_list, expression) < 0)
            return -1;
    }
    if (recurse_lvl == 0 && *str < end - 1) {
        RAISE_SYNTAX_ERROR("f-string: unexpected end of string");
        return -1;
    }
    if (recurse_lvl != 0 && (*str >= end || **str != '}')) {
        RAISE_SYNTAX_ERROR("f-string: expecting '}'");
        return -1;
    }
    return 0;
}

static expr_ty fstring_finish(Parser *p, FstringParser *state, FtToken *first, FtToken *last)
{
    if (!state->fmode) {
        if (!state->last_str) {
            state->last_str = ft_str_from_utf8("", 0);
            if (!state->last_str) {
                p->error = 1;
                return NULL;
            }
        }
        return make_str_node(p, &state->last_str, first, last);
    }
    if (state->last_str) {
        expr_ty s = make_str_node(p, &state->last_str, first, last);
        if (!s || vec_push(p, &state->expr_list, s) < 0)
            return NULL;
    }
    asdl_expr_seq *seq = SEQ(asdl_expr_seq, &state->expr_list);
    if (!seq)
        return NULL;
    return CHECK(ft_ast_JoinedStr(seq, SPAN(first, last)));
}

static expr_ty fstring_parse(Parser *p, const char **str, const char *end, int raw,
                             int recurse_lvl, FtToken *first, FtToken *t, FtToken *last)
{
    FstringParser state = {0};
    if (fstring_concat_fstring(p, &state, str, end, raw, recurse_lvl, first, t, last) < 0) {
        FT_XDECREF(state.last_str);
        return NULL;
    }
    return fstring_finish(p, &state, t, t);
}

static expr_ty concatenate_strings(Parser *p, FtToken *toks, int n)
{
    FtToken *first = &toks[0], *last = &toks[n - 1];
    int bytesmode = 0;
    FtObject *bytes_str = NULL;
    FstringParser state = {0};
    for (int i = 0; i < n; i++) {
        FtToken *t = &toks[i];
        int this_bytesmode, this_rawmode;
        FtObject *s;
        const char *fstr;
        ssize_t fstrlen = -1;
        if (parsestr(p, t, &this_bytesmode, &this_rawmode, &s, &fstr, &fstrlen) != 0)
            goto error;
        if (i != 0 && bytesmode != this_bytesmode) {
            RAISE_SYNTAX_ERROR("cannot mix bytes and nonbytes literals");
            FT_XDECREF(s);
            goto error;
        }
        bytesmode = this_bytesmode;
        if (fstr) {
            if (fstring_concat_fstring(p, &state, &fstr, fstr + fstrlen, this_rawmode, 0, first,
                                       t, last) < 0)
                goto error;
        } else if (bytesmode) {
            if (!bytes_str) {
                bytes_str = s;
            } else {
                ssize_t n1 = FT_SIZE(bytes_str), n2 = FT_SIZE(s);
                FtObject *b = ft_bytes_new(n1 + n2);
                if (b) {
                    memcpy(FT_BYTES_DATA(b), FT_BYTES_DATA(bytes_str), (size_t)n1);
                    memcpy(FT_BYTES_DATA(b) + n1, FT_BYTES_DATA(s), (size_t)n2);
                }
                FT_DECREF(s);
                FT_DECREF(bytes_str);
                bytes_str = b;
                if (!b) {
                    p->error = 1;
                    goto error;
                }
            }
        } else if (fstring_concat(p, &state, s) < 0) {
            goto error;
        }
    }
    if (bytesmode) {
        if (!arena_obj(p, bytes_str))
            return NULL;
        return CHECK(ft_ast_Constant(bytes_str, NULL, SPAN(first, last)));
    }
    return fstring_finish(p, &state, first, last);
error:
    FT_XDECREF(bytes_str);
    FT_XDECREF(state.last_str);
    p->error = 1;
    return NULL;
}

static expr_ty strings(Parser *p)
{
    int start = p->mark;
    while (check(p, FT_TOK_STRING))
        advance(p);
    if (p->error)
        return NULL;
    /* the run may straddle two token blocks: copy it into one array */
    int n = p->mark - start;
    FtToken small[8];
    FtToken *toks = n <= 8 ? small : ft_mem_alloc((size_t)n * sizeof(FtToken));
    if (!toks) {
        p->error = 1;
        return NULL;
    }
    for (int i = 0; i < n; i++)
        toks[i] = *TOK(p, start + i);
    expr_ty e = concatenate_strings(p, toks, n);
    if (toks != small)
        ft_mem_free(toks);
    return e;
}

/* ---- atoms and displays ------------------------------------------------------------------- */

static int at_comprehension(Parser *p)
{
    if (check_kw(p, FT_KW_FOR))
        return 1;
    if (check_kw(p, FT_KW_ASYNC)) {
        FtToken *t2 = peek2(p);
        return t2->type == FT_TOK_NAME && t2->keyword == FT_KW_FOR;
    }
    return 0;
}

static expr_ty last_comprehension_item(asdl_comprehension_seq *gens)
{
    comprehension_ty c = asdl_seq_GET(gens, asdl_seq_LEN(gens) - 1);
    if (asdl_seq_LEN(c->ifs) == 0)
        return c->iter;
    return asdl_seq_GET(c->ifs, asdl_seq_LEN(c->ifs) - 1);
}

/* star_targets for `for` loops and comprehensions: 'in' ends the target. */
/* invalid_for_target: CPython re-reads the target as star_expressions, 'in' included, and
 * reports the first part that cannot be assigned to (doing the same moves the tokenizer as
 * far as it does, which decides the error's text). */
static void *invalid_for_target(Parser *p, int start)
{
    /* like CPython's second pass, errors raised while re-reading are final */
    int saved_no_in = p->no_in;
    p->mark = start;
    p->no_in = 0;
    p->speculating++;
    expr_ty e = star_expressions(p);
    p->speculating--;
    p->no_in = saved_no_in;
    if (p->error)
        return NULL;
    if (e && get_invalid_target(e, FOR_TARGETS))
        return raise_invalid_target(p, FOR_TARGETS, e);
    return generic_error(p);
}

/* star_target: '*' star_target | a primary (atom with trailers) */
static expr_ty star_target(Parser *p)
{
    if (check(p, FT_TOK_STAR)) {
        FtToken *star = advance(p);
        START(star);
        if (check(p, FT_TOK_STAR))
            return generic_error(p);
        expr_ty v = star_target(p);
        return v ? CHECK(ft_ast_Starred(v, Load, EXTRA)) : NULL;
    }
    return primary(p);
}

/* star_targets for `for` loops and comprehensions. */
static expr_ty for_target(Parser *p)
{
    int start = p->mark;
    FtToken *first = peek(p);
    START(first);
    Snapshot s = spec_begin_tracked(p);
    p->in_invalid_check++;
    expr_ty t = star_target(p);
    if (t && check(p, FT_TOK_COMMA)) {
        Vec v = {0};
        if (vec_push(p, &v, t) < 0)
            return NULL;
        while (t && accept(p, FT_TOK_COMMA)) {
            if (check_kw(p, FT_KW_IN))
                break;
            t = star_target(p);
            if (t && vec_push(p, &v, t) < 0)
                return NULL;
        }
        if (t) {
            asdl_expr_seq *elts = SEQ(asdl_expr_seq, &v);
            t = elts ? CHECK(ft_ast_Tuple(elts, Load, EXTRA)) : NULL;
        }
    }
    p->in_invalid_check--;
    if (!spec_end(p, s, 0))
        return NULL;
    if (!t || !check_kw(p, FT_KW_IN) || get_invalid_target(t, FOR_TARGETS))
        return invalid_for_target(p, start);
    set_ctx(t, Store);
    return t;
}

static asdl_comprehension_seq *for_if_clauses(Parser *p)
{
    Vec v = {0};
    int saved = p->no_in;
    p->no_in = 0;
    while (at_comprehension(p)) {
        int is_async = 0;
        if (accept_kw(p, FT_KW_ASYNC))
            is_async = 1;
        advance(p); /* for */
        expr_ty target = for_target(p);
        if (!target)
            return NULL;
        advance(p); /* in */
        expr_ty iter = disjunction(p);
        if (!iter)
            return NULL;
        Vec ifs = {0};
        while (accept_kw(p, FT_KW_IF)) {
            expr_ty c = disjunction(p);
            if (!c || vec_push(p, &ifs, c) < 0)
                return NULL;
        }
        asdl_expr_seq *ifseq = SEQ(asdl_expr_seq, &ifs);
        comprehension_ty comp = ifseq ? CHECK(ft_ast_comprehension(target, iter, ifseq, is_async,
                                                                   p->arena))
                                      : NULL;
        if (!comp || vec_push(p, &v, comp) < 0)
            return NULL;
    }
    p->no_in = saved;
    return SEQ(asdl_comprehension_seq, &v);
}

/* '(' ... ')': tuple, group, generator expression or yield */
static expr_ty paren_atom(Parser *p)
{
    FtToken *open = advance(p);
    START(open);
    if (accept(p, FT_TOK_RPAR))
        return CHECK(ft_ast_Tuple(NULL, Load, EXTRA));
    if (check_kw(p, FT_KW_YIELD)) {
        expr_ty y = yield_expr(p);
        if (!y || !expect(p, FT_TOK_RPAR))
            return NULL;
        return y;
    }
    if (check(p, FT_TOK_DOUBLESTAR)) {
        FtToken *ds = advance(p);
        expr_ty e = expression(p);
        if (e && check(p, FT_TOK_RPAR))
            return RAISE_AT_TOKEN(ds, "cannot use double starred expression here");
        return generic_error(p);
    }
    expr_ty e = star_named_expression(p);
    if (!e)
        return NULL;
    if (at_comprehension(p)) {
        if (e->kind == Starred_kind)
            return RAISE_AT_NODE(e, "iterable unpacking cannot be used in comprehension");
        asdl_comprehension_seq *gens = for_if_clauses(p);
        if (!gens || !expect(p, FT_TOK_RPAR))
            return NULL;
        return CHECK(ft_ast_GeneratorExp(e, gens, EXTRA));
    }
    if (accept(p, FT_TOK_RPAR)) {
        if (e->kind == Starred_kind)
            return RAISE_AT_NODE(e, "cannot use starred expression here");
        if (vec_push(p, &p->groups, e) < 0)
            return NULL;
        return e;
    }
    if (!check(p, FT_TOK_COMMA))
        return generic_error(p);
    Vec v = {0};
    if (vec_push(p, &v, e) < 0)
        return NULL;
    while (accept(p, FT_TOK_COMMA)) {
        if (check(p, FT_TOK_RPAR))
            break;
        expr_ty x = star_named_expression(p);
        if (!x || vec_push(p, &v, x) < 0)
            return NULL;
    }
    if (!expect(p, FT_TOK_RPAR))
        return NULL;
    asdl_expr_seq *elts = SEQ(asdl_expr_seq, &v);
    return elts ? CHECK(ft_ast_Tuple(elts, Load, EXTRA)) : NULL;
}

/* Elements of a list or set display after the first; checks for a comprehension after
 * several elements (invalid_comprehension). */
static int display_elements(Parser *p, Vec *v, int close)
{
    while (check(p, FT_TOK_COMMA)) {
        FtToken *comma = advance(p);
        if (at_comprehension(p)) {
            if (v->n == 1)
                RAISE_RANGE((expr_ty)v->items[0], comma,
                            "did you forget parentheses around the comprehension target?");
            else
                generic_error(p);
            return -1;
        }
        if (check(p, close))
            break;
        expr_ty x = star_named_expression(p);
        if (!x || vec_push(p, v, x) < 0)
            return -1;
        if (at_comprehension(p)) {
            RAISE_RANGE((expr_ty)v->items[0], x,
                        "did you forget parentheses around the comprehension target?");
            return -1;
        }
    }
    return 0;
}

static expr_ty list_atom(Parser *p)
{
    FtToken *open = advance(p);
    START(open);
    if (accept(p, FT_TOK_RSQB))
        return CHECK(ft_ast_List(NULL, Load, EXTRA));
    expr_ty e = star_named_expression(p);
    if (!e)
        return NULL;
    if (at_comprehension(p)) {
        if (e->kind == Starred_kind)
            return RAISE_AT_NODE(e, "iterable unpacking cannot be used in comprehension");
        asdl_comprehension_seq *gens = for_if_clauses(p);
        if (!gens || !expect(p, FT_TOK_RSQB))
            return NULL;
        return CHECK(ft_ast_ListComp(e, gens, EXTRA));
    }
    Vec v = {0};
    if (vec_push(p, &v, e) < 0 || display_elements(p, &v, FT_TOK_RSQB) < 0)
        return NULL;
    if (!expect(p, FT_TOK_RSQB))
        return NULL;
    asdl_expr_seq *elts = SEQ(asdl_expr_seq, &v);
    return elts ? CHECK(ft_ast_List(elts, Load, EXTRA)) : NULL;
}

/* One `key: value` after the first of a dict display (invalid_kvpair checks). */
static int dict_pair(Parser *p, Vec *keys, Vec *values)
{
    if (check(p, FT_TOK_DOUBLESTAR)) {
        advance(p);
        expr_ty v = bitwise_or(p);
        if (!v || vec_push(p, keys, NULL) < 0 || vec_push(p, values, v) < 0)
            return -1;
        return 0;
    }
    expr_ty k = expression(p);
    if (!k)
        return -1;
    if (!check(p, FT_TOK_COLON)) {
        raise_known(p, ft_exc_SyntaxError, k->lineno, k->end_col_offset - 1, k->end_lineno, -1,
                    "':' expected after dictionary key");
        return -1;
    }
    FtToken *colon = advance(p);
    if (check(p, FT_TOK_RBRACE) || check(p, FT_TOK_COMMA)) {
        RAISE_AT_TOKEN(colon, "expression expected after dictionary key and ':'");
        return -1;
    }
    if (check(p, FT_TOK_STAR)) {
        FtToken *star = advance(p);
        if (bitwise_or(p))
            raise_starting_from(p, star->lineno, star->col_offset,
                                "cannot use a starred expression in a dictionary value");
        return -1;
    }
    expr_ty v = expression(p);
    if (!v || vec_push(p, keys, k) < 0 || vec_push(p, values, v) < 0)
        return -1;
    return 0;
}

static expr_ty brace_atom(Parser *p)
{
    FtToken *open = advance(p);
    START(open);
    if (accept(p, FT_TOK_RBRACE))
        return CHECK(ft_ast_Dict(NULL, NULL, EXTRA));
    Vec keys = {0}, values = {0};
    if (check(p, FT_TOK_DOUBLESTAR)) {
        FtToken *ds = peek(p);
        if (dict_pair(p, &keys, &values) < 0)
            return NULL;
        if (at_comprehension(p))
            return RAISE_AT_TOKEN(ds, "dict unpacking cannot be used in dict comprehension");
    } else {
        expr_ty e = star_named_expression(p);
        if (!e)
            return NULL;
        if (check(p, FT_TOK_COLON) && e->kind != Starred_kind &&
            (e->kind != NamedExpr_kind || is_parenthesized(p, e))) {
            FtToken *colon = advance(p);
            if (check(p, FT_TOK_RBRACE) || check(p, FT_TOK_COMMA))
                return RAISE_AT_TOKEN(colon, "expression expected after dictionary key and ':'");
            if (check(p, FT_TOK_STAR)) {
                FtToken *star = advance(p);
                if (bitwise_or(p))
                    raise_starting_from(p, star->lineno, star->col_offset,
                                        "cannot use a starred expression in a dictionary value");
                return NULL;
            }
            expr_ty v = expression(p);
            if (!v)
                return NULL;
            if (at_comprehension(p)) {
                asdl_comprehension_seq *gens = for_if_clauses(p);
                if (!gens || !expect(p, FT_TOK_RBRACE))
                    return NULL;
                return CHECK(ft_ast_DictComp(e, v, gens, EXTRA));
            }
            if (vec_push(p, &keys, e) < 0 || vec_push(p, &values, v) < 0)
                return NULL;
        } else {
            /* a set */
            if (at_comprehension(p)) {
                if (e->kind == Starred_kind)
                    return RAISE_AT_NODE(e, "iterable unpacking cannot be used in comprehension");
                asdl_comprehension_seq *gens = for_if_clauses(p);
                if (!gens || !expect(p, FT_TOK_RBRACE))
                    return NULL;
                return CHECK(ft_ast_SetComp(e, gens, EXTRA));
            }
            Vec v = {0};
            if (vec_push(p, &v, e) < 0 || display_elements(p, &v, FT_TOK_RBRACE) < 0)
                return NULL;
            if (!expect(p, FT_TOK_RBRACE))
                return NULL;
            asdl_expr_seq *elts = SEQ(asdl_expr_seq, &v);
            return elts ? CHECK(ft_ast_Set(elts, EXTRA)) : NULL;
        }
    }
    while (accept(p, FT_TOK_COMMA)) {
        if (check(p, FT_TOK_RBRACE))
            break;
        if (dict_pair(p, &keys, &values) < 0)
            return NULL;
    }
    if (!expect(p, FT_TOK_RBRACE))
        return NULL;
    asdl_expr_seq *k = SEQ(asdl_expr_seq, &keys), *v = SEQ(asdl_expr_seq, &values);
    return (k && v) ? CHECK(ft_ast_Dict(k, v, EXTRA)) : NULL;
}

static expr_ty atom(Parser *p)
{
    FtToken *t = peek(p);
    switch (t->type) {
    case FT_TOK_NAME: {
        FtObject *c = NULL;
        switch (t->keyword) {
        case 0: {
            advance(p);
            FtObject *id = token_identifier(p, t);
            if (!id)
                return NULL;
            return CHECK(ft_ast_Name(id, Load, SPAN(t, t)));
        }
        case FT_KW_TRUE: c = FT_TRUE; break;
        case FT_KW_FALSE: c = FT_FALSE; break;
        case FT_KW_NONE: c = FT_NONE; break;
        default:
            return generic_error(p);
        }
        advance(p);
        return CHECK(ft_ast_Constant(c, NULL, SPAN(t, t)));
    }
    case FT_TOK_NUMBER:
        advance(p);
        return number_node(p, t);
    case FT_TOK_STRING:
        return strings(p);
    case FT_TOK_LPAR: {
        int saved = p->no_in;
        p->no_in = 0;
        expr_ty e = paren_atom(p);
        p->no_in = saved;
        return e;
    }
    case FT_TOK_LSQB: {
        int saved = p->no_in;
        p->no_in = 0;
        expr_ty e = list_atom(p);
        p->no_in = saved;
        return e;
    }
    case FT_TOK_LBRACE: {
        int saved = p->no_in;
        p->no_in = 0;
        expr_ty e = brace_atom(p);
        p->no_in = saved;
        return e;
    }
    case FT_TOK_ELLIPSIS:
        advance(p);
        return CHECK(ft_ast_Constant(FT_ELLIPSIS, NULL, SPAN(t, t)));
    default:
        return generic_error(p);
    }
}

/* ---- call arguments ------------------------------------------------------------------------- */

/* `f(a=1, b)`: parse the rest of the arguments (errors there are not reported), then
 * "positional argument follows keyword argument" at the last token read (the ')'), or
 * "invalid syntax" at the positional argument. Always fails. */
static int positional_after_keyword(Parser *p, int kw_unpack)
{
    int first_pass_fill = p->real_fill;
    Snapshot s = spec_begin(p);
    p->in_invalid_check++;
    int ok = 1;
    for (;;) {
        if (check(p, FT_TOK_STAR) || check(p, FT_TOK_DOUBLESTAR))
            advance(p);
        else if (check_name(p) && peek2(p)->type == FT_TOK_EQUAL) {
            advance(p);
            advance(p);
        }
        if (!expression(p)) {
            ok = 0;
            break;
        }
        if (!accept(p, FT_TOK_COMMA) || check(p, FT_TOK_RPAR))
            break;
    }
    ok = ok && check(p, FT_TOK_RPAR);
    p->in_invalid_check--;
    if (!spec_end(p, s, 0))
        return -1;
    if (ok) {
        RAISE_SYNTAX_ERROR(kw_unpack ? "positional argument follows keyword argument unpacking"
                                     : "positional argument follows keyword argument");
    } else {
        p->real_fill = first_pass_fill;
        generic_error(p);
    }
    return -1;
}

static int call_arguments(Parser *p, FtToken *open, int allow_genexp, asdl_expr_seq **pargs,
                          asdl_keyword_seq **pkws)
{
    Vec args = {0}, kws = {0};
    int seen_kw = 0, seen_kw_unpack = 0, nitems = 0;
    int saved_no_in = p->no_in;
    p->no_in = 0;
    while (!check(p, FT_TOK_RPAR)) {
        FtToken *t = peek(p);
        if (p->error)
            return -1;
        if (t->type == FT_TOK_STAR) {
            if (seen_kw_unpack) {
                RAISE_AT_TOKEN(t, "iterable argument unpacking follows keyword argument unpacking");
                return -1;
            }
            advance(p);
            expr_ty v = expression(p);
            if (!v)
                return -1;
            expr_ty st = CHECK(ft_ast_Starred(v, Load, SPAN(t, last_token(p))));
            if (!st || vec_push(p, &args, st) < 0)
                return -1;
        } else if (t->type == FT_TOK_DOUBLESTAR) {
            advance(p);
            expr_ty v = expression(p);
            if (!v)
                return -1;
            keyword_ty k = CHECK(ft_ast_keyword(NULL, v, SPAN(t, last_token(p))));
            if (!k || vec_push(p, &kws, k) < 0)
                return -1;
            seen_kw_unpack = 1;
        } else if (t->type == FT_TOK_NAME &&
                   (t->keyword == 0 || t->keyword == FT_KW_TRUE || t->keyword == FT_KW_FALSE ||
                    t->keyword == FT_KW_NONE) &&
                   peek2(p)->type == FT_TOK_EQUAL) {
            advance(p);
            FtToken *eq = advance(p);
            if (t->keyword) {
                RAISE_RANGE(t, eq, "cannot assign to %s", ft_keyword_texts[t->keyword]);
                return -1;
            }
            expr_ty v = expression(p);
            if (!v)
                return -1;
            if (at_comprehension(p)) {
                RAISE_RANGE(t, eq, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
                return -1;
            }
            FtObject *id = token_identifier(p, t);
            keyword_ty k = id ? CHECK(ft_ast_keyword(id, v, SPAN(t, last_token(p)))) : NULL;
            if (!k || vec_push(p, &kws, k) < 0)
                return -1;
            seen_kw = 1;
        } else if (seen_kw || seen_kw_unpack) {
            /* a positional argument after keywords: CPython's first pass fails here; its
             * second pass reports it only if the remaining arguments parse */
            return positional_after_keyword(p, seen_kw_unpack);
        } else {
            expr_ty e;
            int walrus = t->type == FT_TOK_NAME && t->keyword == 0 &&
                         peek2(p)->type == FT_TOK_COLONEQUAL;
            if (walrus)
                e = named_expression(p);
            else
                e = expression(p);
            if (!e)
                return -1;
            if (check(p, FT_TOK_EQUAL) && !walrus) {
                RAISE_RANGE(e, peek(p), "expression cannot contain assignment, perhaps you meant \"==\"?");
                return -1;
            }
            if (check(p, FT_TOK_COLONEQUAL)) {
                generic_error(p);
                return -1;
            }
            if (at_comprehension(p)) {
                int saved_real_fill = p->real_fill;
                asdl_comprehension_seq *gens = for_if_clauses(p);
                if (!gens)
                    return -1;
                if (nitems == 0 && check(p, FT_TOK_RPAR) && !allow_genexp) {
                    /* class C(x for x in y): CPython fails at the 'for' */
                    p->real_fill = saved_real_fill;
                    generic_error(p);
                    return -1;
                }
                if (nitems == 0 && check(p, FT_TOK_RPAR)) {
                    FtToken *close = peek(p);
                    expr_ty g = CHECK(ft_ast_GeneratorExp(e, gens, SPAN(open, close)));
                    if (!g || vec_push(p, &args, g) < 0)
                        return -1;
                    nitems++;
                    break;
                }
                /* CPython reads on after the comma: a tokenizer error there wins */
                peek_at(p, p->mark + 1);
                if (p->error)
                    return -1;
                RAISE_RANGE(e, last_comprehension_item(gens),
                            "Generator expression must be parenthesized");
                return -1;
            }
            if (vec_push(p, &args, e) < 0)
                return -1;
        }
        nitems++;
        if (!accept(p, FT_TOK_COMMA))
            break;
    }
    p->no_in = saved_no_in;
    if (!expect(p, FT_TOK_RPAR))
        return -1;
    *pargs = SEQ(asdl_expr_seq, &args);
    *pkws = SEQ(asdl_keyword_seq, &kws);
    return (*pargs && *pkws) ? 0 : -1;
}

/* ---- parameters ---------------------------------------------------------------------------- */

static arg_ty param(Parser *p, int is_lambda, int star_annotation)
{
    FtToken *t = advance(p); /* NAME */
    FtObject *id = token_identifier(p, t);
    if (!id)
        return NULL;
    expr_ty ann = NULL;
    if (!is_lambda && accept(p, FT_TOK_COLON)) {
        ann = star_annotation ? star_expression(p) : expression(p);
        if (!ann)
            return NULL;
    }
    return CHECK(ft_ast_arg(id, ann, NULL, SPAN(t, last_token(p))));
}

/* `def f(a, (b, c))`: report "... cannot be parenthesized" when the group holds names. */
static void *parenthesized_params_error(Parser *p, int is_lambda)
{
    FtToken *open = peek(p);
    int i = p->mark + 1;
    FtToken *t = peek_at(p, i);
    if (t->type == FT_TOK_NAME && t->keyword == 0) {
        for (;;) {
            t = peek_at(p, ++i);
            if (t->type == FT_TOK_COMMA) {
                t = peek_at(p, ++i);
                if (t->type == FT_TOK_NAME && t->keyword == 0)
                    continue;
            }
            break;
        }
        if (t->type == FT_TOK_RPAR)
            return RAISE_RANGE(open, t, is_lambda
                                            ? "Lambda expression parameters cannot be parenthesized"
                                            : "Function parameters cannot be parenthesized");
    }
    return generic_error(p);
}

static arguments_ty parameters(Parser *p, int is_lambda)
{
    int close = is_lambda ? FT_TOK_COLON : FT_TOK_RPAR;
    Vec posonly = {0}, args = {0}, defaults = {0}, kwonly = {0}, kw_defaults = {0};
    arg_ty vararg = NULL, kwarg = NULL;
    int state = 0; /* 0 positional, 1 after '*', 2 after '**' */
    int seen_slash = 0, seen_default = 0;
    while (!check(p, close)) {
        FtToken *t = peek(p);
        if (p->error)
            return NULL;
        if (state == 2) {
            if (t->type == FT_TOK_NAME && t->keyword == 0) {
                arg_ty a = param(p, is_lambda, 0);
                return a ? RAISE_AT_NODE(a, "arguments cannot follow var-keyword argument") : NULL;
            }
            if (t->type == FT_TOK_STAR || t->type == FT_TOK_DOUBLESTAR || t->type == FT_TOK_SLASH)
                return RAISE_AT_TOKEN(t, "arguments cannot follow var-keyword argument");
            return generic_error(p);
        }
        if (t->type == FT_TOK_SLASH) {
            if (state == 0 && posonly.n + args.n == 0) {
                if (peek2(p)->type == FT_TOK_COMMA)
                    return RAISE_AT_TOKEN(t, "at least one argument must precede /");
                return generic_error(p);
            }
            if (seen_slash)
                return RAISE_AT_TOKEN(t, "/ may appear only once");
            if (state == 1)
                return RAISE_AT_TOKEN(t, "/ must be ahead of *");
            advance(p);
            if (check(p, FT_TOK_STAR))
                return RAISE_AT_TOKEN(peek(p), "expected comma between / and *");
            posonly = args;
            args = (Vec){0};
            seen_slash = 1;
        } else if (t->type == FT_TOK_STAR) {
            if (state == 1)
                return RAISE_AT_TOKEN(t, "* argument may appear only once");
            advance(p);
            state = 1;
            FtToken *n = peek(p);
            if (n->type == FT_TOK_COMMA) {
                FtToken *n2 = peek2(p);
                if (n2->type == close || n2->type == FT_TOK_DOUBLESTAR) {
                    advance(p);
                    peek(p);
                    if (is_lambda)
                        return RAISE_SYNTAX_ERROR("named arguments must follow bare *");
                    return RAISE_AT_TOKEN(t, "named arguments must follow bare *");
                }
            } else if (n->type == close) {
                if (is_lambda)
                    return RAISE_SYNTAX_ERROR("named arguments must follow bare *");
                return RAISE_AT_TOKEN(t, "named arguments must follow bare *");
            } else if (n->type == FT_TOK_NAME && n->keyword == 0) {
                vararg = param(p, is_lambda, 1);
                if (!vararg)
                    return NULL;
                if (check(p, FT_TOK_EQUAL))
                    return RAISE_AT_TOKEN(peek(p), "var-positional argument cannot have default value");
            } else {
                return generic_error(p);
            }
        } else if (t->type == FT_TOK_DOUBLESTAR) {
            advance(p);
            if (!check_name(p))
                return generic_error(p);
            kwarg = param(p, is_lambda, 0);
            if (!kwarg)
                return NULL;
            if (check(p, FT_TOK_EQUAL))
                return RAISE_AT_TOKEN(peek(p), "var-keyword argument cannot have default value");
            state = 2;
        } else if (t->type == FT_TOK_LPAR) {
            return parenthesized_params_error(p, is_lambda);
        } else if (t->type == FT_TOK_NAME && t->keyword == 0) {
            arg_ty a = param(p, is_lambda, 0);
            if (!a)
                return NULL;
            expr_ty dflt = NULL;
            if (check(p, FT_TOK_EQUAL)) {
                FtToken *eq = advance(p);
                if (check(p, FT_TOK_COMMA) || check(p, close))
                    return RAISE_AT_TOKEN(eq, "expected default value expression");
                dflt = expression(p);
                if (!dflt)
                    return NULL;
            }
            if (state == 0) {
                if (dflt) {
                    seen_default = 1;
                    if (vec_push(p, &defaults, dflt) < 0)
                        return NULL;
                } else if (seen_default) {
                    /* param_no_default: the parameter must end at ',' or the closer */
                    if (!check(p, FT_TOK_COMMA) && !check(p, close))
                        return generic_error(p);
                    return RAISE_AT_NODE(a, "non-default argument follows default argument");
                }
                if (vec_push(p, &args, a) < 0)
                    return NULL;
            } else {
                if (vec_push(p, &kwonly, a) < 0 || vec_push(p, &kw_defaults, dflt) < 0)
                    return NULL;
            }
        } else {
            return generic_error(p);
        }
        if (!accept(p, FT_TOK_COMMA)) {
            if (!check(p, close))
                return generic_error(p);
            break;
        }
    }
    asdl_arg_seq *s_posonly = SEQ(asdl_arg_seq, &posonly), *s_args = SEQ(asdl_arg_seq, &args);
    asdl_arg_seq *s_kwonly = SEQ(asdl_arg_seq, &kwonly);
    asdl_expr_seq *s_kwd = SEQ(asdl_expr_seq, &kw_defaults);
    asdl_expr_seq *s_defaults = SEQ(asdl_expr_seq, &defaults);
    if (!s_posonly || !s_args || !s_kwonly || !s_kwd || !s_defaults)
        return NULL;
    return CHECK(ft_ast_arguments(s_posonly, s_args, vararg, s_kwonly, s_kwd, kwarg, s_defaults,
                                  p->arena));
}

static expr_ty lambdef(Parser *p)
{
    FtToken *t = advance(p); /* lambda */
    START(t);
    arguments_ty args = parameters(p, 1);
    if (!args || !expect(p, FT_TOK_COLON))
        return NULL;
    expr_ty body = expression(p);
    if (!body)
        return NULL;
    return CHECK(ft_ast_Lambda(args, body, EXTRA));
}

/* ---- simple statements ------------------------------------------------------------------ */

static asdl_stmt_seq *block(Parser *p, const char *what, int lineno);
static int statement(Parser *p, Vec *out);

static expr_ty yield_or_star_expressions(Parser *p)
{
    if (check_kw(p, FT_KW_YIELD))
        return yield_expr(p);
    return star_expressions(p);
}

static int augassign_op(FtToken *t, operator_ty *op)
{
    switch (t->type) {
    case FT_TOK_PLUSEQUAL: *op = Add; return 1;
    case FT_TOK_MINEQUAL: *op = Sub; return 1;
    case FT_TOK_STAREQUAL: *op = Mult; return 1;
    case FT_TOK_ATEQUAL: *op = MatMult; return 1;
    case FT_TOK_SLASHEQUAL: *op = Div; return 1;
    case FT_TOK_PERCENTEQUAL: *op = Mod; return 1;
    case FT_TOK_AMPEREQUAL: *op = BitAnd; return 1;
    case FT_TOK_VBAREQUAL: *op = BitOr; return 1;
    case FT_TOK_CIRCUMFLEXEQUAL: *op = BitXor; return 1;
    case FT_TOK_LEFTSHIFTEQUAL: *op = LShift; return 1;
    case FT_TOK_RIGHTSHIFTEQUAL: *op = RShift; return 1;
    case FT_TOK_DOUBLESTAREQUAL: *op = Pow; return 1;
    case FT_TOK_DOUBLESLASHEQUAL: *op = FloorDiv; return 1;
    default: return 0;
    }
}

static int starts_bitwise_or(expr_ty e)
{
    /* does the expression begin with a bitwise_or (not 'not', 'lambda', '*', 'yield')? */
    while (e->kind == Tuple_kind && asdl_seq_LEN(e->v.Tuple.elts) > 0)
        e = asdl_seq_GET(e->v.Tuple.elts, 0);
    switch (e->kind) {
    case Starred_kind: case Lambda_kind: case Yield_kind: case YieldFrom_kind:
        return 0;
    case UnaryOp_kind:
        return e->v.UnaryOp.op != Not;
    case BoolOp_kind:
        return starts_bitwise_or(asdl_seq_GET(e->v.BoolOp.values, 0));
    case Compare_kind:
        return starts_bitwise_or(e->v.Compare.left);
    case IfExp_kind:
        return starts_bitwise_or(e->v.IfExp.body);
    default:
        return 1;
    }
}

/* An assignment with an invalid target: the error CPython's invalid_assignment (or the
 * invalid_named_expression it reaches first) reports. */
static void *invalid_assignment(Parser *p, Vec *items, char *bare_yield)
{
    ssize_t n = items->n;
    for (ssize_t i = 0; i < n - 1; i++) {
        expr_ty tgt = items->items[i];
        if (bare_yield[i] && i > 0)
            return RAISE_AT_NODE(tgt, "assignment to yield expression not possible");
        if (i == 0 && !bare_yield[0]) {
            expr_ty bad = get_invalid_target(tgt, STAR_TARGETS);
            if (!bad)
                continue;
            int is_tuple = tgt == p->last_bare_tuple;
            expr_ty last = is_tuple ? asdl_seq_GET(tgt->v.Tuple.elts, asdl_seq_LEN(tgt->v.Tuple.elts) - 1)
                                    : tgt;
            expr_ty rhs = items->items[1];
            int rhs_ok = !bare_yield[1] && starts_bitwise_or(rhs) &&
                         (n == 2 || rhs == p->last_bare_tuple || rhs->kind == Tuple_kind);
            if (rhs_ok && last->kind == Name_kind && is_tuple) {
                expr_ty b = rhs;
                while (b->kind == Tuple_kind && b == p->last_bare_tuple)
                    b = asdl_seq_GET(b->v.Tuple.elts, 0);
                return RAISE_RANGE(last, b,
                                   "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
            }
            if (rhs_ok && is_bitwise_level(p, last) && last->kind != List_kind &&
                !(last->kind == Tuple_kind) && last->kind != GeneratorExp_kind &&
                !(last->kind == Constant_kind &&
                  (last->v.Constant.value == FT_TRUE || last->v.Constant.value == FT_FALSE ||
                   last->v.Constant.value == FT_NONE)) &&
                get_invalid_target(last, STAR_TARGETS))
                return RAISE_AT_NODE(last,
                                     "cannot assign to %s here. Maybe you meant '==' instead of '='?",
                                     expr_name(last));
            return raise_invalid_target(p, STAR_TARGETS, tgt);
        }
        if (bare_yield[i])
            return RAISE_AT_NODE(tgt, "assignment to yield expression not possible");
        if (get_invalid_target(tgt, STAR_TARGETS))
            return raise_invalid_target(p, STAR_TARGETS, tgt);
    }
    return NULL;
}

static stmt_ty expression_statement(Parser *p)
{
    FtToken *first = peek(p);
    START(first);
    int first_yield = check_kw(p, FT_KW_YIELD);
    p->last_bare_tuple = NULL;
    expr_ty e = yield_or_star_expressions(p);
    if (!e)
        return NULL;
    expr_ty e_bare_tuple = p->last_bare_tuple;
    FtToken *t = peek(p);
    operator_ty op;
    if (t->type == FT_TOK_EQUAL) {
        Vec items = {0};
        char yields[64] = {0};
        char *bare_yield = yields;
        if (vec_push(p, &items, e) < 0)
            return NULL;
        bare_yield[0] = (char)first_yield;
        expr_ty bare_tuples[2] = {e_bare_tuple, NULL};
        while (accept(p, FT_TOK_EQUAL)) {
            int is_yield = check_kw(p, FT_KW_YIELD);
            p->last_bare_tuple = NULL;
            expr_ty v = yield_or_star_expressions(p);
            if (!v || vec_push(p, &items, v) < 0)
                return NULL;
            if (items.n == 2)
                bare_tuples[1] = p->last_bare_tuple;
            if (items.n > (ssize_t)sizeof yields) {
                if (bare_yield == yields) {
                    bare_yield = ft_arena_malloc(p->arena, (size_t)items.cap + 64);
                    if (!bare_yield) {
                        p->error = 1;
                        return NULL;
                    }
                    memcpy(bare_yield, yields, sizeof yields);
                } else {
                    char *nb = ft_arena_malloc(p->arena, (size_t)items.cap + 64);
                    if (!nb) {
                        p->error = 1;
                        return NULL;
                    }
                    memcpy(nb, bare_yield, (size_t)items.n - 1);
                    bare_yield = nb;
                }
            }
            bare_yield[items.n - 1] = (char)is_yield;
        }
        int invalid = 0;
        for (ssize_t i = 0; i < items.n - 1; i++)
            if (bare_yield[i] || get_invalid_target(items.items[i], STAR_TARGETS))
                invalid = 1;
        if (invalid) {
            /* is_tuple tests use last_bare_tuple: point it at the relevant tuples */
            p->last_bare_tuple = bare_tuples[0];
            if (bare_tuples[0] == NULL && bare_tuples[1] != NULL)
                p->last_bare_tuple = bare_tuples[1];
            invalid_assignment(p, &items, bare_yield);
            if (!p->error)
                generic_error(p);
            return NULL;
        }
        Vec targets = {0};
        for (ssize_t i = 0; i < items.n - 1; i++) {
            set_ctx(items.items[i], Store);
            if (vec_push(p, &targets, items.items[i]) < 0)
                return NULL;
        }
        asdl_expr_seq *tseq = SEQ(asdl_expr_seq, &targets);
        if (!tseq)
            return NULL;
        return CHECK(ft_ast_Assign(tseq, items.items[items.n - 1], NULL, EXTRA));
    }
    if (augassign_op(t, &op)) {
        if (e->kind != Name_kind && e->kind != Attribute_kind && e->kind != Subscript_kind)
            return RAISE_AT_NODE(e, "'%s' is an illegal expression for augmented assignment",
                                 expr_name(e));
        advance(p);
        expr_ty v = yield_or_star_expressions(p);
        if (!v)
            return NULL;
        set_ctx(e, Store);
        return CHECK(ft_ast_AugAssign(e, op, v, EXTRA));
    }
    if (t->type == FT_TOK_COLON && !first_yield) {
        if (e->kind == Starred_kind)
            return generic_error(p);
        advance(p);
        int valid = e->kind == Name_kind || e->kind == Attribute_kind || e->kind == Subscript_kind;
        /* an invalid target: CPython's first pass failed at the ':', and the
         * invalid_assignment rules need `':' expression` to match: read it speculatively */
        if (!valid)
            p->speculating++;
        expr_ty ann = expression(p);
        if (!valid)
            p->speculating--;
        if (!ann) {
            if (valid || p->tok.done != FT_E_OK || !ft_err_matches(ft_exc_SyntaxError))
                return NULL;
            ft_err_clear();
            p->error = 0;
            return generic_error(p);
        }
        if (e->kind == Tuple_kind && e == e_bare_tuple)
            return RAISE_AT_NODE(asdl_seq_GET(e->v.Tuple.elts, 0),
                                 "only single target (not tuple) can be annotated");
        if (e->kind == Tuple_kind || e->kind == List_kind)
            return RAISE_AT_NODE(e, "only single target (not %s) can be annotated",
                                 e->kind == Tuple_kind ? "tuple" : "list");
        if (e->kind != Name_kind && e->kind != Attribute_kind && e->kind != Subscript_kind)
            return RAISE_AT_NODE(e, "illegal target for annotation");
        int simple = e->kind == Name_kind && first->type != FT_TOK_LPAR;
        expr_ty value = NULL;
        if (accept(p, FT_TOK_EQUAL)) {
            value = yield_or_star_expressions(p);
            if (!value)
                return NULL;
        }
        set_ctx(e, Store);
        return CHECK(ft_ast_AnnAssign(e, ann, value, simple, EXTRA));
    }
    if (t->type == FT_TOK_COLONEQUAL && e->kind != Name_kind && e->kind != Tuple_kind)
        return RAISE_AT_NODE(e, "cannot use assignment expressions with %s", expr_name(e));
    return CHECK(ft_ast_Expr(e, EXTRA));
}

static FtObject *dotted_name(Parser *p)
{
    if (!check_name(p))
        return generic_error(p);
    FtToken *t = advance(p);
    const char *start = t->start, *end = t->end;
    int plain = 1; /* one NAME: intern its text directly */
    while (check(p, FT_TOK_DOT)) {
        advance(p);
        if (!check_name(p))
            return generic_error(p);
        end = advance(p)->end;
        plain = 0;
    }
    if (plain)
        return new_identifier(p, start, end - start);
    /* join the names with dots, dropping any whitespace or continuation between them */
    char *buf = ft_mem_alloc((size_t)(end - start) + 1);
    if (!buf) {
        p->error = 1;
        return NULL;
    }
    ssize_t n = 0;
    for (const char *c = start; c < end; c++) {
        if (*c == ' ' || *c == '\t' || *c == '\\' || *c == '\n' || *c == '\f')
            continue;
        if (*c == '#') {
            while (c < end && *c != '\n')
                c++;
            continue;
        }
        buf[n++] = *c;
    }
    FtObject *r = new_identifier(p, buf, n);
    ft_mem_free(buf);
    return r;
}

static stmt_ty import_stmt(Parser *p)
{
    FtToken *kw = advance(p);
    START(kw);
    Vec names = {0};
    if (kw->keyword == FT_KW_IMPORT) {
        do {
            FtToken *nt = peek(p);
            FtObject *name = dotted_name(p);
            if (!name)
                return NULL;
            FtObject *asname = NULL;
            if (accept_kw(p, FT_KW_AS)) {
                if (!check_name(p))
                    return generic_error(p);
                asname = token_identifier(p, advance(p));
                if (!asname)
                    return NULL;
            }
            alias_ty a = CHECK(ft_ast_alias(name, asname, SPAN(nt, last_token(p))));
            if (!a || vec_push(p, &names, a) < 0)
                return NULL;
        } while (accept(p, FT_TOK_COMMA));
        asdl_alias_seq *seq = SEQ(asdl_alias_seq, &names);
        return seq ? CHECK(ft_ast_Import(seq, EXTRA)) : NULL;
    }
    /* from */
    int level = 0;
    for (;;) {
        if (accept(p, FT_TOK_DOT))
            level += 1;
        else if (accept(p, FT_TOK_ELLIPSIS))
            level += 3;
        else
            break;
    }
    FtObject *module = NULL;
    if (!check_kw(p, FT_KW_IMPORT) || level == 0) {
        module = dotted_name(p);
        if (!module)
            return NULL;
    }
    if (!accept_kw(p, FT_KW_IMPORT))
        return generic_error(p);
    if (check(p, FT_TOK_STAR)) {
        FtToken *st = advance(p);
        FtObject *star = new_identifier(p, "*", 1);
        alias_ty a = star ? CHECK(ft_ast_alias(star, NULL, SPAN(st, st))) : NULL;
        if (!a || vec_push(p, &names, a) < 0)
            return NULL;
    } else {
        int paren = accept(p, FT_TOK_LPAR) != NULL;
        for (;;) {
            if (!check_name(p))
                return generic_error(p);
            FtToken *nt = advance(p);
            FtObject *name = token_identifier(p, nt), *asname = NULL;
            if (!name)
                return NULL;
            if (accept_kw(p, FT_KW_AS)) {
                if (!check_name(p))
                    return generic_error(p);
                asname = token_identifier(p, advance(p));
                if (!asname)
                    return NULL;
            }
            alias_ty a = CHECK(ft_ast_alias(name, asname, SPAN(nt, last_token(p))));
            if (!a || vec_push(p, &names, a) < 0)
                return NULL;
            if (!accept(p, FT_TOK_COMMA))
                break;
            if (paren && check(p, FT_TOK_RPAR))
                break;
            if (!paren && check(p, FT_TOK_NEWLINE))
                return RAISE_SYNTAX_ERROR("trailing comma not allowed without surrounding parentheses");
        }
        if (paren && !expect(p, FT_TOK_RPAR))
            return NULL;
    }
    asdl_alias_seq *seq = SEQ(asdl_alias_seq, &names);
    return seq ? CHECK(ft_ast_ImportFrom(module, seq, level, EXTRA)) : NULL;
}

static stmt_ty global_stmt(Parser *p)
{
    FtToken *kw = advance(p);
    START(kw);
    Vec names = {0};
    do {
        if (!check_name(p))
            return generic_error(p);
        FtObject *id = token_identifier(p, advance(p));
        if (!id || vec_push(p, &names, id) < 0)
            return NULL;
    } while (accept(p, FT_TOK_COMMA));
    asdl_identifier_seq *seq = SEQ(asdl_identifier_seq, &names);
    if (!seq)
        return NULL;
    if (kw->keyword == FT_KW_GLOBAL)
        return CHECK(ft_ast_Global(seq, EXTRA));
    return CHECK(ft_ast_Nonlocal(seq, EXTRA));
}

static stmt_ty del_stmt(Parser *p)
{
    FtToken *kw = advance(p);
    START(kw);
    p->last_bare_tuple = NULL;
    expr_ty e = star_expressions(p);
    if (!e)
        return NULL;
    if (get_invalid_target(e, DEL_TARGETS))
        return raise_invalid_target(p, DEL_TARGETS, e);
    if (!check(p, FT_TOK_SEMI) && !check(p, FT_TOK_NEWLINE))
        return generic_error(p);
    Vec targets = {0};
    if (e == p->last_bare_tuple) {
        for (ssize_t i = 0; i < asdl_seq_LEN(e->v.Tuple.elts); i++)
            if (vec_push(p, &targets, asdl_seq_GET(e->v.Tuple.elts, i)) < 0)
                return NULL;
    } else if (vec_push(p, &targets, e) < 0) {
        return NULL;
    }
    for (ssize_t i = 0; i < targets.n; i++)
        set_ctx(targets.items[i], Del);
    asdl_expr_seq *seq = SEQ(asdl_expr_seq, &targets);
    return seq ? CHECK(ft_ast_Delete(seq, EXTRA)) : NULL;
}

static stmt_ty simple_stmt(Parser *p)
{
    FtToken *t = peek(p);
    if (p->error)
        return NULL;
    START(t);
    if (t->type == FT_TOK_NAME) {
        switch (t->keyword) {
        case FT_KW_PASS:
            advance(p);
            return CHECK(ft_ast_Pass(EXTRA));
        case FT_KW_BREAK:
            advance(p);
            return CHECK(ft_ast_Break(EXTRA));
        case FT_KW_CONTINUE:
            advance(p);
            return CHECK(ft_ast_Continue(EXTRA));
        case FT_KW_RETURN: {
            advance(p);
            expr_ty v = NULL;
            if (starts_star_expression(peek(p))) {
                v = star_expressions(p);
                if (!v)
                    return NULL;
            }
            return CHECK(ft_ast_Return(v, EXTRA));
        }
        case FT_KW_IMPORT:
        case FT_KW_FROM:
            return import_stmt(p);
        case FT_KW_RAISE: {
            advance(p);
            expr_ty exc = NULL, cause = NULL;
            if (starts_expression(peek(p))) {
                exc = expression(p);
                if (!exc)
                    return NULL;
                if (accept_kw(p, FT_KW_FROM)) {
                    cause = expression(p);
                    if (!cause)
                        return NULL;
                }
            }
            return CHECK(ft_ast_Raise(exc, cause, EXTRA));
        }
        case FT_KW_DEL:
            return del_stmt(p);
        case FT_KW_ASSERT: {
            advance(p);
            expr_ty test = expression(p), msg = NULL;
            if (!test)
                return NULL;
            if (accept(p, FT_TOK_COMMA)) {
                msg = expression(p);
                if (!msg)
                    return NULL;
            }
            return CHECK(ft_ast_Assert(test, msg, EXTRA));
        }
        case FT_KW_GLOBAL:
        case FT_KW_NONLOCAL:
            return global_stmt(p);
        default:
            break;
        }
    }
    return expression_statement(p);
}

static int simple_stmts(Parser *p, Vec *out)
{
    for (;;) {
        stmt_ty s = simple_stmt(p);
        if (!s || vec_push(p, out, s) < 0)
            return -1;
        if (!accept(p, FT_TOK_SEMI))
            break;
        if (check(p, FT_TOK_NEWLINE))
            break;
    }
    if (!expect(p, FT_TOK_NEWLINE))
        return -1;
    return 0;
}

/* ---- compound statements ------------------------------------------------------------------- */

static asdl_stmt_seq *block(Parser *p, const char *what, int lineno)
{
    Vec v = {0};
    if (check(p, FT_TOK_NEWLINE)) {
        advance(p);
        if (!check(p, FT_TOK_INDENT)) {
            if (p->error)
                return NULL;
            if (what)
                return raise_error(p, ft_exc_IndentationError,
                                   "expected an indented block after %s on line %d", what, lineno);
            return raise_error(p, ft_exc_IndentationError, "expected an indented block");
        }
        advance(p);
        while (!check(p, FT_TOK_DEDENT)) {
            if (p->error)
                return NULL;
            if (check(p, FT_TOK_ENDMARKER))
                break;
            if (statement(p, &v) < 0)
                return NULL;
        }
        advance(p);
    } else if (simple_stmts(p, &v) < 0) {
        return NULL;
    }
    return SEQ(asdl_stmt_seq, &v);
}

/* A compound header ends with ':'; a NEWLINE instead is "expected ':'". */
static int expect_colon(Parser *p)
{
    if (check(p, FT_TOK_COLON)) {
        advance(p);
        return 1;
    }
    if (check(p, FT_TOK_NEWLINE) && !p->error)
        RAISE_SYNTAX_ERROR("expected ':'");
    else
        generic_error(p);
    return 0;
}

static asdl_stmt_seq *else_block(Parser *p)
{
    FtToken *kw = advance(p); /* else */
    if (!expect_forced(p, FT_TOK_COLON, ":"))
        return NULL;
    return block(p, "'else' statement", kw->lineno);
}

static stmt_ty if_stmt(Parser *p)
{
    FtToken *kw = advance(p); /* if / elif */
    START(kw);
    int is_elif = kw->keyword == FT_KW_ELIF;
    expr_ty test = named_expression(p);
    if (!test || !expect_colon(p))
        return NULL;
    asdl_stmt_seq *body = block(p, is_elif ? "'elif' statement" : "'if' statement", kw->lineno);
    if (!body)
        return NULL;
    asdl_stmt_seq *orelse = NULL;
    if (check_kw(p, FT_KW_ELIF)) {
        stmt_ty e = if_stmt(p);
        if (!e)
            return NULL;
        orelse = seq1(p, e);
    } else if (check_kw(p, FT_KW_ELSE)) {
        orelse = else_block(p);
        if (!orelse)
            return NULL;
    }
    return CHECK(ft_ast_If(test, body, orelse, EXTRA));
}

static stmt_ty while_stmt(Parser *p)
{
    FtToken *kw = advance(p);
    START(kw);
    expr_ty test = named_expression(p);
    if (!test || !expect_colon(p))
        return NULL;
    asdl_stmt_seq *body = block(p, "'while' statement", kw->lineno), *orelse = NULL;
    if (!body)
        return NULL;
    if (check_kw(p, FT_KW_ELSE) && !(orelse = else_block(p)))
        return NULL;
    return CHECK(ft_ast_While(test, body, orelse, EXTRA));
}

static stmt_ty for_stmt(Parser *p, FtToken *start_tok, int is_async)
{
    START(start_tok);
    FtToken *kw = advance(p); /* for */
    expr_ty target = for_target(p);
    if (!target)
        return NULL;
    advance(p); /* in */
    expr_ty iter = star_expressions(p);
    if (!iter || !expect_colon(p))
        return NULL;
    asdl_stmt_seq *body = block(p, "'for' statement", kw->lineno), *orelse = NULL;
    if (!body)
        return NULL;
    if (check_kw(p, FT_KW_ELSE) && !(orelse = else_block(p)))
        return NULL;
    if (is_async)
        return CHECK(ft_ast_AsyncFor(target, iter, body, orelse, NULL, EXTRA));
    return CHECK(ft_ast_For(target, iter, body, orelse, NULL, EXTRA));
}

static withitem_ty with_item(Parser *p)
{
    expr_ty e = expression(p);
    if (!e)
        return NULL;
    expr_ty target = NULL;
    if (accept_kw(p, FT_KW_AS)) {
        target = star_expression(p);
        if (!target)
            return NULL;
        if (get_invalid_target(target, STAR_TARGETS))
            return raise_invalid_target(p, STAR_TARGETS, target);
        set_ctx(target, Store);
    }
    return CHECK(ft_ast_withitem(e, target, p->arena));
}

static int with_items(Parser *p, Vec *items, int close)
{
    for (;;) {
        withitem_ty w = with_item(p);
        if (!w || vec_push(p, items, w) < 0)
            return -1;
        if (!accept(p, FT_TOK_COMMA))
            break;
        if (close && check(p, close))
            break;
    }
    return 0;
}

static stmt_ty with_stmt(Parser *p, FtToken *start_tok, int is_async)
{
    START(start_tok);
    FtToken *kw = advance(p); /* with */
    Vec items = {0};
    int done = 0;
    if (check(p, FT_TOK_LPAR)) {
        /* with (a as b, c as d): -- or a parenthesized expression: try the former */
        Snapshot s = spec_begin(p);
        advance(p);
        int ok = with_items(p, &items, FT_TOK_RPAR) == 0 && accept(p, FT_TOK_RPAR) &&
                 check(p, FT_TOK_COLON);
        int newline = !ok && !p->error && p->mark > 0 && TOK(p, p->mark - 1)->type == FT_TOK_RPAR &&
                      check(p, FT_TOK_NEWLINE);
        if (!spec_end(p, s, 0))
            return NULL;
        if (newline) /* invalid_with_stmt */
            return RAISE_SYNTAX_ERROR("expected ':'");
        if (ok && !p->error) {
            done = 1;
        } else {
            p->mark = s.mark;
            items = (Vec){0};
        }
    }
    if (!done && with_items(p, &items, 0) < 0)
        return NULL;
    if (!expect_colon(p))
        return NULL;
    asdl_stmt_seq *body = block(p, "'with' statement", kw->lineno);
    asdl_withitem_seq *seq = SEQ(asdl_withitem_seq, &items);
    if (!body || !seq)
        return NULL;
    if (is_async)
        return CHECK(ft_ast_AsyncWith(seq, body, NULL, EXTRA));
    return CHECK(ft_ast_With(seq, body, NULL, EXTRA));
}

static excepthandler_ty except_block(Parser *p, int *star)
{
    FtToken *kw = advance(p); /* except */
    START(kw);
    *star = 0;
    expr_ty type = NULL;
    FtObject *name = NULL;
    if (check(p, FT_TOK_STAR)) {
        advance(p);
        *star = 1;
        if (check(p, FT_TOK_NEWLINE) || check(p, FT_TOK_COLON)) {
            peek(p);
            return RAISE_SYNTAX_ERROR("expected one or more exception types");
        }
    }
    if (!check(p, FT_TOK_COLON) && !check(p, FT_TOK_NEWLINE)) {
        type = expression(p);
        if (!type)
            return NULL;
        if (check(p, FT_TOK_COMMA)) {
            /* except A, B: */
            advance(p);
            if (!star_expressions(p))
                return NULL;
            if (accept_kw(p, FT_KW_AS) && check_name(p))
                advance(p);
            if (accept(p, FT_TOK_COLON))
                return raise_starting_from(p, type->lineno, type->col_offset,
                                           "multiple exception types must be parenthesized");
            return generic_error(p);
        }
        if (accept_kw(p, FT_KW_AS)) {
            if (!check_name(p))
                return generic_error(p);
            name = token_identifier(p, advance(p));
            if (!name)
                return NULL;
        }
    } else if (*star) {
        return generic_error(p);
    }
    if (!expect_colon(p))
        return NULL;
    asdl_stmt_seq *body = block(p, *star ? "'except*' statement" : "'except' statement",
                                kw->lineno);
    if (!body)
        return NULL;
    return CHECK(ft_ast_ExceptHandler(type, name, body, EXTRA));
}

static stmt_ty try_stmt(Parser *p)
{
    FtToken *kw = advance(p); /* try */
    START(kw);
    if (!expect_forced(p, FT_TOK_COLON, ":"))
        return NULL;
    asdl_stmt_seq *body = block(p, "'try' statement", kw->lineno);
    if (!body)
        return NULL;
    Vec handlers = {0};
    int kind = -1; /* 0: except, 1: except* */
    while (check_kw(p, FT_KW_EXCEPT)) {
        FtToken *ex = peek(p);
        int is_star = peek2(p)->type == FT_TOK_STAR;
        if (kind == 0 && is_star)
            return RAISE_RANGE(ex, peek2(p), "cannot have both 'except' and 'except*' on the same 'try'");
        if (kind == 1 && !is_star)
            return RAISE_AT_TOKEN(ex, "cannot have both 'except' and 'except*' on the same 'try'");
        int star;
        excepthandler_ty h = except_block(p, &star);
        if (!h || vec_push(p, &handlers, h) < 0)
            return NULL;
        kind = star;
    }
    asdl_stmt_seq *orelse = NULL, *finalbody = NULL;
    if (handlers.n && check_kw(p, FT_KW_ELSE) && !(orelse = else_block(p)))
        return NULL;
    if (check_kw(p, FT_KW_FINALLY)) {
        FtToken *f = advance(p);
        if (!expect_forced(p, FT_TOK_COLON, ":"))
            return NULL;
        finalbody = block(p, "'finally' statement", f->lineno);
        if (!finalbody)
            return NULL;
    }
    if (!handlers.n && !finalbody) {
        if (p->error)
            return NULL;
        return RAISE_SYNTAX_ERROR("expected 'except' or 'finally' block");
    }
    asdl_excepthandler_seq *hs = SEQ(asdl_excepthandler_seq, &handlers);
    if (!hs)
        return NULL;
    if (kind == 1)
        return CHECK(ft_ast_TryStar(body, hs, orelse, finalbody, EXTRA));
    return CHECK(ft_ast_Try(body, hs, orelse, finalbody, EXTRA));
}

static stmt_ty function_def(Parser *p, asdl_expr_seq *decorators)
{
    FtToken *first = peek(p);
    START(first);
    int is_async = accept_kw(p, FT_KW_ASYNC) != NULL;
    FtToken *kw = advance(p); /* def */
    if (!check_name(p))
        return generic_error(p);
    FtObject *name = token_identifier(p, advance(p));
    if (!name || !expect_forced(p, FT_TOK_LPAR, "("))
        return NULL;
    arguments_ty args = parameters(p, 0);
    if (!args || !expect(p, FT_TOK_RPAR))
        return NULL;
    expr_ty returns = NULL;
    if (accept(p, FT_TOK_RARROW)) {
        returns = expression(p);
        if (!returns)
            return NULL;
    }
    if (!expect_forced(p, FT_TOK_COLON, ":"))
        return NULL;
    asdl_stmt_seq *body = block(p, "function definition", kw->lineno);
    if (!body)
        return NULL;
    if (is_async)
        return CHECK(ft_ast_AsyncFunctionDef(name, args, body, decorators, returns, NULL, EXTRA));
    return CHECK(ft_ast_FunctionDef(name, args, body, decorators, returns, NULL, EXTRA));
}

static stmt_ty class_def(Parser *p, asdl_expr_seq *decorators)
{
    FtToken *kw = advance(p); /* class */
    START(kw);
    if (!check_name(p))
        return generic_error(p);
    FtObject *name = token_identifier(p, advance(p));
    if (!name)
        return NULL;
    asdl_expr_seq *bases = NULL;
    asdl_keyword_seq *keywords = NULL;
    if (check(p, FT_TOK_LPAR)) {
        FtToken *open = advance(p);
        if (call_arguments(p, open, 0, &bases, &keywords) < 0)
            return NULL;
    }
    if (!expect_colon(p))
        return NULL;
    asdl_stmt_seq *body = block(p, "class definition", kw->lineno);
    if (!body)
        return NULL;
    return CHECK(ft_ast_ClassDef(name, bases, keywords, body, decorators, EXTRA));
}

static stmt_ty decorated(Parser *p)
{
    Vec decs = {0};
    while (accept(p, FT_TOK_AT)) {
        expr_ty d = named_expression(p);
        if (!d || vec_push(p, &decs, d) < 0 || !expect(p, FT_TOK_NEWLINE))
            return NULL;
    }
    asdl_expr_seq *seq = SEQ(asdl_expr_seq, &decs);
    if (!seq)
        return NULL;
    if (check_kw(p, FT_KW_DEF) ||
        (check_kw(p, FT_KW_ASYNC) && peek2(p)->keyword == FT_KW_DEF && peek2(p)->type == FT_TOK_NAME))
        return function_def(p, seq);
    if (check_kw(p, FT_KW_CLASS))
        return class_def(p, seq);
    return generic_error(p);
}

static stmt_ty match_stmt(Parser *p);
static int is_match_statement(Parser *p);

static stmt_ty compound_stmt(Parser *p)
{
    FtToken *t = peek(p);
    switch (t->keyword) {
    case FT_KW_DEF: return function_def(p, NULL);
    case FT_KW_IF: return if_stmt(p);
    case FT_KW_CLASS: return class_def(p, NULL);
    case FT_KW_WITH: return with_stmt(p, t, 0);
    case FT_KW_FOR: return for_stmt(p, t, 0);
    case FT_KW_TRY: return try_stmt(p);
    case FT_KW_WHILE: return while_stmt(p);
    case FT_KW_ASYNC: {
        FtToken *t2 = peek2(p);
        if (t2->type == FT_TOK_NAME && t2->keyword == FT_KW_DEF)
            return function_def(p, NULL);
        advance(p);
        if (t2->type == FT_TOK_NAME && t2->keyword == FT_KW_WITH)
            return with_stmt(p, t, 1);
        if (t2->type == FT_TOK_NAME && t2->keyword == FT_KW_FOR)
            return for_stmt(p, t, 1);
        return generic_error(p);
    }
    default:
        return NULL;
    }
}

static int is_compound_start(Parser *p)
{
    FtToken *t = peek(p);
    if (t->type == FT_TOK_AT)
        return 1;
    if (t->type != FT_TOK_NAME)
        return 0;
    switch (t->keyword) {
    case FT_KW_DEF: case FT_KW_IF: case FT_KW_CLASS: case FT_KW_WITH: case FT_KW_FOR:
    case FT_KW_TRY: case FT_KW_WHILE: case FT_KW_ASYNC:
        return 1;
    default:
        return 0;
    }
}

static int statement(Parser *p, Vec *out)
{
    if (!enter(p)) {
        p->depth--;
        return -1;
    }
    int r;
    if (is_compound_start(p)) {
        stmt_ty s = check(p, FT_TOK_AT) ? decorated(p) : compound_stmt(p);
        r = (s && vec_push(p, out, s) == 0) ? 0 : -1;
    } else if (is_match_statement(p)) {
        stmt_ty s = match_stmt(p);
        r = (s && vec_push(p, out, s) == 0) ? 0 : -1;
    } else {
        r = simple_stmts(p, out);
    }
    p->depth--;
    return p->error ? -1 : r;
}

/* ---- match statement -------------------------------------------------------------------------- */

/* `match` is a soft keyword: a line that starts with it, continues with something that
 * can start an expression and ends (at bracket level 0) with ':' is a match statement. */
static int is_match_statement(Parser *p)
{
    FtToken *t = peek(p);
    if (!tok_is_soft(t, "match"))
        return 0;
    FtToken *t2 = peek2(p);
    if (!starts_star_expression(t2))
        return 0;
    p->speculating++;
    int i = p->mark + 1, result = 0;
    for (;;) {
        FtToken *x = peek_at(p, i);
        if (x->type == FT_TOK_NEWLINE || x->type == FT_TOK_ENDMARKER ||
            x->type == FT_TOK_ERRORTOKEN) {
            result = x->type == FT_TOK_NEWLINE && TOK(p, i - 1)->type == FT_TOK_COLON;
            break;
        }
        i++;
    }
    p->speculating--;
    if (!result && !p->error) {
        /* `match x` without its ':' is invalid_match_stmt ("expected ':'") when it cannot
         * be an expression statement: `match` then a token that no operator or trailer
         * can follow a name with */
        switch (t2->type) {
        case FT_TOK_LPAR: case FT_TOK_LSQB: case FT_TOK_MINUS: case FT_TOK_PLUS:
        case FT_TOK_STAR:
            break;
        default:
            result = 1;
        }
    }
    return result && !p->error;
}

static pattern_ty pattern(Parser *p);
static pattern_ty closed_pattern(Parser *p);

static int is_wildcard(FtToken *t) { return tok_is_soft(t, "_"); }

/* NAME ('.' NAME)* as a Name or Attribute chain (Load). */
static expr_ty name_or_attr(Parser *p)
{
    FtToken *t = advance(p);
    START(t);
    FtObject *id = token_identifier(p, t);
    if (!id)
        return NULL;
    expr_ty e = CHECK(ft_ast_Name(id, Load, SPAN(t, t)));
    while (e && check(p, FT_TOK_DOT)) {
        advance(p);
        if (!check_name(p))
            return generic_error(p);
        FtObject *attr = token_identifier(p, advance(p));
        if (!attr)
            return NULL;
        e = CHECK(ft_ast_Attribute(e, attr, Load, EXTRA));
    }
    return e;
}

static FtObject *capture_target(Parser *p)
{
    FtToken *t = peek(p);
    if (t->type != FT_TOK_NAME || t->keyword != 0 || is_wildcard(t))
        return generic_error(p);
    advance(p);
    return token_identifier(p, t);
}

/* signed_number | complex_number | strings | None | True | False, as an expression */
static expr_ty literal_expr(Parser *p)
{
    FtToken *t = peek(p);
    START(t);
    if (t->type == FT_TOK_STRING)
        return strings(p);
    if (t->type == FT_TOK_NAME && (t->keyword == FT_KW_NONE || t->keyword == FT_KW_TRUE ||
                                   t->keyword == FT_KW_FALSE)) {
        advance(p);
        FtObject *c = t->keyword == FT_KW_NONE ? FT_NONE : t->keyword == FT_KW_TRUE ? FT_TRUE : FT_FALSE;
        return CHECK(ft_ast_Constant(c, NULL, SPAN(t, t)));
    }
    expr_ty e;
    if (t->type == FT_TOK_MINUS) {
        advance(p);
        if (!check(p, FT_TOK_NUMBER))
            return generic_error(p);
        expr_ty n = number_node(p, advance(p));
        if (!n)
            return NULL;
        e = CHECK(ft_ast_UnaryOp(USub, n, EXTRA));
    } else if (t->type == FT_TOK_NUMBER) {
        e = number_node(p, advance(p));
    } else {
        return generic_error(p);
    }
    if (e && (check(p, FT_TOK_PLUS) || check(p, FT_TOK_MINUS))) {
        /* complex_number: real +/- imaginary */
        operator_ty op = check(p, FT_TOK_PLUS) ? Add : Sub;
        advance(p);
        if (!check(p, FT_TOK_NUMBER))
            return generic_error(p);
        expr_ty imag = number_node(p, advance(p));
        if (!imag)
            return NULL;
        return CHECK(ft_ast_BinOp(e, op, imag, EXTRA));
    }
    return e;
}

static pattern_ty star_pattern(Parser *p)
{
    FtToken *star = advance(p);
    START(star);
    FtObject *name = NULL;
    if (is_wildcard(peek(p)))
        advance(p);
    else if (!(name = capture_target(p)))
        return NULL;
    return CHECK(ft_ast_MatchStar(name, EXTRA));
}

static pattern_ty maybe_star_pattern(Parser *p)
{
    if (check(p, FT_TOK_STAR))
        return star_pattern(p);
    return pattern(p);
}

static pattern_ty sequence_rest(Parser *p, FtToken *open, Vec *v, int close)
{
    START(open);
    while (accept(p, FT_TOK_COMMA)) {
        if (check(p, close))
            break;
        pattern_ty x = maybe_star_pattern(p);
        if (!x || vec_push(p, v, x) < 0)
            return NULL;
    }
    if (!expect(p, close))
        return NULL;
    asdl_pattern_seq *seq = SEQ(asdl_pattern_seq, v);
    return seq ? CHECK(ft_ast_MatchSequence(seq, EXTRA)) : NULL;
}

static pattern_ty mapping_pattern(Parser *p)
{
    FtToken *open = advance(p);
    START(open);
    Vec keys = {0}, pats = {0};
    FtObject *rest = NULL;
    while (!check(p, FT_TOK_RBRACE)) {
        if (accept(p, FT_TOK_DOUBLESTAR)) {
            rest = capture_target(p);
            if (!rest)
                return NULL;
            accept(p, FT_TOK_COMMA);
            break;
        }
        expr_ty key = check_name(p) ? name_or_attr(p) : literal_expr(p);
        if (!key || !expect(p, FT_TOK_COLON))
            return NULL;
        pattern_ty v = pattern(p);
        if (!v || vec_push(p, &keys, key) < 0 || vec_push(p, &pats, v) < 0)
            return NULL;
        if (!accept(p, FT_TOK_COMMA))
            break;
    }
    if (!expect(p, FT_TOK_RBRACE))
        return NULL;
    asdl_expr_seq *k = SEQ(asdl_expr_seq, &keys);
    asdl_pattern_seq *v = SEQ(asdl_pattern_seq, &pats);
    return (k && v) ? CHECK(ft_ast_MatchMapping(k, v, rest, EXTRA)) : NULL;
}

static pattern_ty class_pattern(Parser *p, expr_ty cls, FtToken *first)
{
    START(first);
    advance(p); /* ( */
    Vec pos = {0}, kw_names = {0}, kw_pats = {0};
    pattern_ty first_bad = NULL, last_bad = NULL;
    while (!check(p, FT_TOK_RPAR)) {
        if (check_name(p) && peek2(p)->type == FT_TOK_EQUAL) {
            FtObject *id = token_identifier(p, advance(p));
            advance(p);
            pattern_ty v = pattern(p);
            if (!id || !v || vec_push(p, &kw_names, id) < 0 || vec_push(p, &kw_pats, v) < 0)
                return NULL;
        } else {
            pattern_ty v = pattern(p);
            if (!v)
                return NULL;
            if (kw_names.n) {
                /* invalid_class_argument_pattern: the run of positional patterns */
                first_bad = last_bad = v;
                while (check(p, FT_TOK_COMMA) &&
                       !(peek2(p)->type == FT_TOK_NAME && peek_at(p, p->mark + 2)->type == FT_TOK_EQUAL)) {
                    Snapshot sn = spec_begin(p);
                    advance(p);
                    pattern_ty w = pattern(p);
                    if (!spec_end(p, sn, w == NULL))
                        return NULL;
                    if (!w)
                        break;
                    last_bad = w;
                }
                return RAISE_RANGE(first_bad, last_bad, "positional patterns follow keyword patterns");
            }
            if (vec_push(p, &pos, v) < 0)
                return NULL;
        }
        if (!accept(p, FT_TOK_COMMA))
            break;
    }
    if (!expect(p, FT_TOK_RPAR))
        return NULL;
    asdl_pattern_seq *ps = SEQ(asdl_pattern_seq, &pos), *kps = SEQ(asdl_pattern_seq, &kw_pats);
    asdl_identifier_seq *kns = SEQ(asdl_identifier_seq, &kw_names);
    if (!ps || !kps || !kns)
        return NULL;
    return CHECK(ft_ast_MatchClass(cls, ps, kns, kps, EXTRA));
}

static pattern_ty closed_pattern(Parser *p)
{
    FtToken *t = peek(p);
    START(t);
    switch (t->type) {
    case FT_TOK_NAME:
        if (t->keyword == FT_KW_NONE || t->keyword == FT_KW_TRUE || t->keyword == FT_KW_FALSE) {
            advance(p);
            FtObject *c = t->keyword == FT_KW_NONE ? FT_NONE : t->keyword == FT_KW_TRUE ? FT_TRUE : FT_FALSE;
            return CHECK(ft_ast_MatchSingleton(c, SPAN(t, t)));
        }
        if (t->keyword != 0)
            return generic_error(p);
        {
            FtToken *t2 = peek2(p);
            if (t2->type != FT_TOK_DOT && t2->type != FT_TOK_LPAR) {
                advance(p);
                if (is_wildcard(t))
                    return CHECK(ft_ast_MatchAs(NULL, NULL, SPAN(t, t)));
                FtObject *id = token_identifier(p, t);
                return id ? CHECK(ft_ast_MatchAs(NULL, id, SPAN(t, t))) : NULL;
            }
            expr_ty e = name_or_attr(p);
            if (!e)
                return NULL;
            if (check(p, FT_TOK_LPAR))
                return class_pattern(p, e, t);
            return CHECK(ft_ast_MatchValue(e, EXTRA));
        }
    case FT_TOK_NUMBER:
    case FT_TOK_MINUS:
    case FT_TOK_STRING: {
        expr_ty e = literal_expr(p);
        return e ? CHECK(ft_ast_MatchValue(e, EXTRA)) : NULL;
    }
    case FT_TOK_LPAR: {
        advance(p);
        if (accept(p, FT_TOK_RPAR))
            return CHECK(ft_ast_MatchSequence(NULL, EXTRA));
        pattern_ty x = maybe_star_pattern(p);
        if (!x)
            return NULL;
        if (x->kind != MatchStar_kind && accept(p, FT_TOK_RPAR))
            return x; /* group */
        if (!check(p, FT_TOK_COMMA))
            return generic_error(p);
        Vec v = {0};
        if (vec_push(p, &v, x) < 0)
            return NULL;
        return sequence_rest(p, t, &v, FT_TOK_RPAR);
    }
    case FT_TOK_LSQB: {
        advance(p);
        Vec v = {0};
        if (!check(p, FT_TOK_RSQB)) {
            pattern_ty x = maybe_star_pattern(p);
            if (!x || vec_push(p, &v, x) < 0)
                return NULL;
        }
        return sequence_rest(p, t, &v, FT_TOK_RSQB);
    }
    case FT_TOK_LBRACE:
        return mapping_pattern(p);
    default:
        return generic_error(p);
    }
}

static pattern_ty or_pattern(Parser *p)
{
    FtToken *first = peek(p);
    START(first);
    pattern_ty a = closed_pattern(p);
    if (!a || !check(p, FT_TOK_VBAR))
        return a;
    Vec v = {0};
    if (vec_push(p, &v, a) < 0)
        return NULL;
    while (accept(p, FT_TOK_VBAR)) {
        pattern_ty b = closed_pattern(p);
        if (!b || vec_push(p, &v, b) < 0)
            return NULL;
    }
    asdl_pattern_seq *seq = SEQ(asdl_pattern_seq, &v);
    return seq ? CHECK(ft_ast_MatchOr(seq, EXTRA)) : NULL;
}

static pattern_ty pattern(Parser *p)
{
    FtToken *first = peek(p);
    START(first);
    pattern_ty a = or_pattern(p);
    if (!a)
        return NULL;
    if (accept_kw(p, FT_KW_AS)) {
        FtToken *t = peek(p);
        if (is_wildcard(t))
            return RAISE_AT_TOKEN(t, "cannot use '_' as a target");
        if (t->type != FT_TOK_NAME || t->keyword != 0) {
            expr_ty e = expression(p);
            if (e)
                RAISE_AT_NODE(e, "invalid pattern target");
            return NULL;
        }
        FtObject *name = capture_target(p);
        if (!name)
            return NULL;
        return CHECK(ft_ast_MatchAs(a, name, EXTRA));
    }
    return a;
}

/* patterns: open_sequence_pattern | pattern */
static pattern_ty patterns(Parser *p)
{
    FtToken *first = peek(p);
    START(first);
    pattern_ty a = maybe_star_pattern(p);
    if (!a)
        return NULL;
    if (!check(p, FT_TOK_COMMA)) {
        if (a->kind == MatchStar_kind)
            return generic_error(p);
        return a;
    }
    Vec v = {0};
    if (vec_push(p, &v, a) < 0)
        return NULL;
    while (accept(p, FT_TOK_COMMA)) {
        if (check(p, FT_TOK_COLON) || check_kw(p, FT_KW_IF))
            break;
        pattern_ty x = maybe_star_pattern(p);
        if (!x || vec_push(p, &v, x) < 0)
            return NULL;
    }
    asdl_pattern_seq *seq = SEQ(asdl_pattern_seq, &v);
    return seq ? CHECK(ft_ast_MatchSequence(seq, EXTRA)) : NULL;
}

static stmt_ty match_stmt(Parser *p)
{
    FtToken *kw = advance(p); /* match */
    START(kw);
    FtToken *sfirst = peek(p);
    expr_ty subject = star_named_expression(p);
    if (!subject)
        return NULL;
    if (check(p, FT_TOK_COMMA)) {
        Vec v = {0};
        if (vec_push(p, &v, subject) < 0)
            return NULL;
        while (accept(p, FT_TOK_COMMA)) {
            if (check(p, FT_TOK_COLON))
                break;
            expr_ty x = star_named_expression(p);
            if (!x || vec_push(p, &v, x) < 0)
                return NULL;
        }
        asdl_expr_seq *elts = SEQ(asdl_expr_seq, &v);
        if (!elts)
            return NULL;
        subject = CHECK(ft_ast_Tuple(elts, Load, SPAN(sfirst, last_token(p))));
        if (!subject)
            return NULL;
    }
    if (!expect_colon(p) || !expect(p, FT_TOK_NEWLINE))
        return NULL;
    if (!check(p, FT_TOK_INDENT)) {
        if (p->error)
            return NULL;
        return raise_error(p, ft_exc_IndentationError,
                           "expected an indented block after 'match' statement on line %d",
                           kw->lineno);
    }
    advance(p);
    Vec cases = {0};
    do {
        FtToken *c = peek(p);
        if (!tok_is_soft(c, "case"))
            return generic_error(p);
        advance(p);
        pattern_ty pat = patterns(p);
        if (!pat)
            return NULL;
        expr_ty guard = NULL;
        if (accept_kw(p, FT_KW_IF)) {
            guard = named_expression(p);
            if (!guard)
                return NULL;
        }
        if (!expect_colon(p))
            return NULL;
        asdl_stmt_seq *body = block(p, "'case' statement", c->lineno);
        if (!body)
            return NULL;
        match_case_ty mc = CHECK(ft_ast_match_case(pat, guard, body, p->arena));
        if (!mc || vec_push(p, &cases, mc) < 0)
            return NULL;
    } while (!check(p, FT_TOK_DEDENT) && !p->error);
    if (!expect(p, FT_TOK_DEDENT))
        return NULL;
    asdl_match_case_seq *seq = SEQ(asdl_match_case_seq, &cases);
    return seq ? CHECK(ft_ast_Match(subject, seq, EXTRA)) : NULL;
}

/* ---- entry points ---------------------------------------------------------------------------- */

static mod_ty file_rule(Parser *p)
{
    Vec v = {0};
    while (!check(p, FT_TOK_ENDMARKER)) {
        if (p->error)
            return NULL;
        if (statement(p, &v) < 0)
            return NULL;
    }
    asdl_stmt_seq *body = SEQ(asdl_stmt_seq, &v);
    return body ? CHECK(ft_ast_Module(body, NULL, p->arena)) : NULL;
}

static mod_ty eval_rule(Parser *p)
{
    FtToken *first = peek(p);
    START(first);
    expr_ty a = expression(p);
    if (!a)
        return NULL;
    if (check(p, FT_TOK_COMMA)) {
        Vec v = {0};
        if (vec_push(p, &v, a) < 0)
            return NULL;
        while (accept(p, FT_TOK_COMMA)) {
            if (!starts_expression(peek(p)))
                break;
            expr_ty x = expression(p);
            if (!x || vec_push(p, &v, x) < 0)
                return NULL;
        }
        asdl_expr_seq *elts = SEQ(asdl_expr_seq, &v);
        a = elts ? CHECK(ft_ast_Tuple(elts, Load, EXTRA)) : NULL;
        if (!a)
            return NULL;
    }
    while (accept(p, FT_TOK_NEWLINE)) {
    }
    if (!expect(p, FT_TOK_ENDMARKER))
        return NULL;
    return CHECK(ft_ast_Expression(a, p->arena));
}

static mod_ty interactive_rule(Parser *p)
{
    Vec v = {0};
    if (check(p, FT_TOK_ENDMARKER) || check(p, FT_TOK_NEWLINE)) {
        FtToken *t = advance(p);
        stmt_ty s = CHECK(ft_ast_Pass(SPAN(t, t)));
        if (!s || vec_push(p, &v, s) < 0)
            return NULL;
    } else if (is_compound_start(p) || is_match_statement(p)) {
        if (statement(p, &v) < 0 || !expect(p, FT_TOK_NEWLINE))
            return NULL;
    } else if (simple_stmts(p, &v) < 0) {
        return NULL;
    }
    /* CPython's bad_single_statement: anything but blanks and comments after it */
    for (const char *c = p->tok.cur; *c; c++) {
        if (*c == '#') {
            while (*c && *c != '\n')
                c++;
            if (!*c)
                break;
        } else if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\f') {
            return RAISE_SYNTAX_ERROR("multiple statements found while compiling a single statement");
        }
    }
    asdl_stmt_seq *body = SEQ(asdl_stmt_seq, &v);
    return body ? CHECK(ft_ast_Interactive(body, p->arena)) : NULL;
}

/* After a parser SyntaxError: a tokenizer error further on replaces it (CPython's
 * _PyPegen_tokenize_full_source_to_check_for_errors). */
static void tokenize_rest(Parser *p)
{
    if (p->final_error || p->tok.done != FT_E_OK || !ft_err_matches(ft_exc_SyntaxError))
        return;
    int current_err_line = p->fill > 0 ? TOK(p, p->fill - 1)->lineno : 0;
    FtObject *saved = ft_err_fetch();
    FtToken t;
    for (;;) {
        int type = ft_tokenizer_get(&p->tok, &t);
        if (type == FT_TOK_ERRORTOKEN) {
            if (ft_err_occurred()) {
                FT_XDECREF(saved);
                return;
            }
            if (p->tok.level != 0) {
                int error_lineno = p->tok.parenlinenostack[p->tok.level - 1];
                if (current_err_line > error_lineno) {
                    p->error = 0;
                    raise_unclosed_parentheses_error(p);
                    FT_XDECREF(saved);
                    return;
                }
            }
            break;
        }
        if (type == FT_TOK_ENDMARKER)
            break;
    }
    ft_err_restore(saved);
}

static void parser_init(Parser *p, const char *buf, ssize_t len, FtObject *filename, int mode,
                        FtArena *arena)
{
    memset(p, 0, sizeof *p);
    ft_tokenizer_init(&p->tok, buf, len, filename);
    p->src = buf;
    p->filename = filename;
    p->mode = mode;
    p->arena = arena;
}

static mod_ty run_parser(Parser *p)
{
    mod_ty m;
    switch (p->mode) {
    case FT_MODE_EVAL: m = eval_rule(p); break;
    case FT_MODE_SINGLE: m = interactive_rule(p); break;
    case MODE_FSTRING: {
        expr_ty e = star_expressions(p);
        m = e ? CHECK(ft_ast_Expression(e, p->arena)) : NULL;
        break;
    }
    default: m = file_rule(p); break;
    }
    if (!m || p->error) {
        if (!ft_err_occurred())
            generic_error(p);
        if (!ft_err_occurred())
            ft_err_set_string(ft_exc_SystemError, "parser failed without an exception");
        tokenize_rest(p);
        m = NULL;
    }
    for (int i = 0; i < p->nblocks; i++)
        ft_mem_free(p->blocks[i]);
    ft_mem_free(p->blocks);
    p->blocks = NULL;
    p->nblocks = 0;
    return m;
}

static mod_ty parse_fstring_expr(Parser *parent, const char *src, ssize_t len, int lineno,
                                 int col_offset)
{
    Parser sub;
    parser_init(&sub, src, len, parent->filename, MODE_FSTRING, parent->arena);
    sub.tok.lineno = lineno - 1;
    sub.starting_lineno = lineno;
    sub.starting_col_offset = col_offset;
    sub.depth = parent->depth;
    return run_parser(&sub);
}

mod_ty ft_parse_source(const char *src, ssize_t len, FtObject *filename, int mode,
                       FtArena *arena)
{
    ssize_t n;
    char *buf = ft_tokenizer_prepare_source(src, len, mode == FT_MODE_EXEC, filename, &n);
    if (!buf)
        return NULL;
    Parser p;
    parser_init(&p, buf, n, filename, mode, arena);
    mod_ty m = run_parser(&p);
    ft_mem_free(buf);
    return m;
}
