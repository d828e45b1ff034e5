/* The tokenizer (core/compiler/tokenizer.c): token kinds and positions, INDENT / DEDENT,
 * numbers, string prefixes and quotes, and the errors CPython's tokenizer reports. */
#include "core/compiler/tokenizer.h"
#include "runtime/tstate.h"
#include <criterion/criterion.h>
#include <string.h>

static void setup(void) { ft_runtime_init(0, NULL); }

TestSuite(tokenizer, .init = setup);

typedef struct {
    FtTokenizer tok;
    char *buf;
    FtToken toks[256];
    int n;
    int last; /* type of the last token (ENDMARKER or ERRORTOKEN) */
} Lexed;

/* Tokenize `src` (exec mode: a final newline is added) until ENDMARKER or an error. */
static Lexed *lex(const char *src)
{
    static Lexed L;
    memset(&L, 0, sizeof L);
    ssize_t n;
    L.buf = ft_tokenizer_prepare_source(src, -1, 1, NULL, &n);
    cr_assert_not_null(L.buf);
    ft_tokenizer_init(&L.tok, L.buf, n, NULL);
    for (;;) {
        FtToken *t = &L.toks[L.n++];
        int type = ft_tokenizer_get(&L.tok, t);
        if (type == FT_TOK_ENDMARKER || type == FT_TOK_ERRORTOKEN || L.n == 256) {
            L.last = type;
            break;
        }
    }
    return &L;
}

static void done(Lexed *L)
{
    ft_mem_free(L->buf);
    ft_err_clear();
}

static void expect_types(Lexed *L, const int *types, int n)
{
    cr_assert_eq(L->n, n, "expected %d tokens, got %d", n, L->n);
    for (int i = 0; i < n; i++)
        cr_assert_eq(L->toks[i].type, types[i], "token %d: expected %s, got %s", i,
                     ft_token_names[types[i]], ft_token_names[L->toks[i].type]);
}

static void expect_text(FtToken *t, const char *text)
{
    size_t n = strlen(text);
    cr_assert_eq((size_t)(t->end - t->start), n, "token length");
    cr_assert(memcmp(t->start, text, n) == 0, "token text");
}

/* The pending SyntaxError's message. */
static void expect_error(const char *msg)
{
    FtObject *exc = ft_err_occurred();
    cr_assert_not_null(exc, "no exception set");
    FtObject *args = ((FtBaseException *)exc)->args;
    cr_assert(FT_SIZE(args) >= 1);
    cr_assert_str_eq(ft_str_as_utf8(FT_TUPLE_GET(args, 0)), msg);
}

Test(tokenizer, operators_and_positions)
{
    Lexed *L = lex("x = a.b(1, 'c') ** 2 >= 3 -> ... := //= !=");
    int want[] = {FT_TOK_NAME, FT_TOK_EQUAL, FT_TOK_NAME, FT_TOK_DOT, FT_TOK_NAME,
                  FT_TOK_LPAR, FT_TOK_NUMBER, FT_TOK_COMMA, FT_TOK_STRING, FT_TOK_RPAR,
                  FT_TOK_DOUBLESTAR, FT_TOK_NUMBER, FT_TOK_GREATEREQUAL, FT_TOK_NUMBER,
                  FT_TOK_RARROW, FT_TOK_ELLIPSIS, FT_TOK_COLONEQUAL, FT_TOK_DOUBLESLASHEQUAL,
                  FT_TOK_NOTEQUAL, FT_TOK_NEWLINE, FT_TOK_ENDMARKER};
    expect_types(L, want, (int)FT_ARRAY_LEN(want));
    FtToken *s = &L->toks[8];
    expect_text(s, "'c'");
    cr_assert_eq(s->lineno, 1);
    cr_assert_eq(s->col_offset, 11);
    cr_assert_eq(s->end_col_offset, 14);
    cr_assert_eq(L->toks[5].level, 1);  /* after '(' */
    cr_assert_eq(L->toks[9].level, 0);  /* after ')' */
    done(L);
}

Test(tokenizer, keywords_are_names)
{
    Lexed *L = lex("if not x is None: pass");
    cr_assert_eq(L->toks[0].type, FT_TOK_NAME);
    cr_assert_eq(L->toks[0].keyword, FT_KW_IF);
    cr_assert_eq(L->toks[1].keyword, FT_KW_NOT);
    cr_assert_eq(L->toks[2].keyword, 0);
    cr_assert_eq(L->toks[3].keyword, FT_KW_IS);
    cr_assert_eq(L->toks[4].keyword, FT_KW_NONE);
    cr_assert_eq(L->toks[6].keyword, FT_KW_PASS);
    cr_assert_eq(ft_token_keyword("match", 5), 0); /* a soft keyword */
    cr_assert_eq(ft_token_keyword("lambda", 6), FT_KW_LAMBDA);
    done(L);
}

Test(tokenizer, indent_and_dedent)
{
    Lexed *L = lex("if x:\n    if y:\n        a\n\n    # comment\n    b\nc\n");
    int want[] = {FT_TOK_NAME, FT_TOK_NAME, FT_TOK_COLON, FT_TOK_NEWLINE,
                  FT_TOK_INDENT, FT_TOK_NAME, FT_TOK_NAME, FT_TOK_COLON, FT_TOK_NEWLINE,
                  FT_TOK_INDENT, FT_TOK_NAME, FT_TOK_NEWLINE,
                  FT_TOK_DEDENT, FT_TOK_NAME, FT_TOK_NEWLINE,
                  FT_TOK_DEDENT, FT_TOK_NAME, FT_TOK_NEWLINE, FT_TOK_ENDMARKER};
    expect_types(L, want, (int)FT_ARRAY_LEN(want));
    cr_assert_eq(L->toks[4].col_offset, -1); /* INDENT has no text */
    cr_assert_eq(L->toks[13].lineno, 6);
    done(L);
}

Test(tokenizer, dedents_at_end_of_file)
{
    Lexed *L = lex("def f():\n  if x:\n    return 1");
    int want[] = {FT_TOK_NAME, FT_TOK_NAME, FT_TOK_LPAR, FT_TOK_RPAR, FT_TOK_COLON,
                  FT_TOK_NEWLINE, FT_TOK_INDENT, FT_TOK_NAME, FT_TOK_NAME, FT_TOK_COLON,
                  FT_TOK_NEWLINE, FT_TOK_INDENT, FT_TOK_NAME, FT_TOK_NUMBER, FT_TOK_NEWLINE,
                  FT_TOK_DEDENT, FT_TOK_DEDENT, FT_TOK_ENDMARKER};
    expect_types(L, want, (int)FT_ARRAY_LEN(want));
    done(L);
}

Test(tokenizer, brackets_join_lines_and_backslash_continues)
{
    Lexed *L = lex("x = (1,\n     2)\ny = 1 + \\\n    2\n");
    int want[] = {FT_TOK_NAME, FT_TOK_EQUAL, FT_TOK_LPAR, FT_TOK_NUMBER, FT_TOK_COMMA,
                  FT_TOK_NUMBER, FT_TOK_RPAR, FT_TOK_NEWLINE, FT_TOK_NAME, FT_TOK_EQUAL,
                  FT_TOK_NUMBER, FT_TOK_PLUS, FT_TOK_NUMBER, FT_TOK_NEWLINE, FT_TOK_ENDMARKER};
    expect_types(L, want, (int)FT_ARRAY_LEN(want));
    cr_assert_eq(L->toks[5].lineno, 2);
    cr_assert_eq(L->toks[12].lineno, 4);
    done(L);
}

Test(tokenizer, numbers)
{
    const char *good[] = {"0", "00", "123", "1_000", "0x_1F", "0o17", "0b1010", "1.5", ".5",
                          "5.", "1e10", "1E-3", "1_0.0_1e+1_0", "3j", "1.5J", "0_0"};
    for (size_t i = 0; i < FT_ARRAY_LEN(good); i++) {
        Lexed *L = lex(good[i]);
        cr_assert_eq(L->toks[0].type, FT_TOK_NUMBER, "%s", good[i]);
        expect_text(&L->toks[0], good[i]);
        cr_assert_eq(L->toks[1].type, FT_TOK_NEWLINE, "%s", good[i]);
        done(L);
    }
}

Test(tokenizer, number_errors)
{
    struct { const char *src, *msg; } bad[] = {
        {"1a", "invalid decimal literal"},
        {"1__0", "invalid decimal literal"},
        {"1_", "invalid decimal literal"},
        {"0x", "invalid hexadecimal literal"},
        {"0b2", "invalid digit '2' in binary literal"},
        {"0o8", "invalid digit '8' in octal literal"},
        {"0123", "leading zeros in decimal integer literals are not permitted; use an 0o "
                 "prefix for octal integers"},
        {"1e+", "invalid decimal literal"},
    };
    for (size_t i = 0; i < FT_ARRAY_LEN(bad); i++) {
        Lexed *L = lex(bad[i].src);
        cr_assert_eq(L->last, FT_TOK_ERRORTOKEN, "%s", bad[i].src);
        cr_assert_eq(L->tok.done, FT_E_ERROR);
        expect_error(bad[i].msg);
        done(L);
    }
}

Test(tokenizer, number_followed_by_keyword)
{
    Lexed *L = lex("1if x else 2");
    cr_assert_eq(L->toks[0].type, FT_TOK_NUMBER);
    expect_text(&L->toks[0], "1");
    cr_assert_eq(L->toks[1].keyword, FT_KW_IF);
    done(L);
}

Test(tokenizer, string_prefixes_and_quotes)
{
    const char *good[] = {"'a'", "\"a\"", "'''a\nb'''", "\"\"\"a\"\"\"", "r'\\d'", "b'x'",
                          "Rb'x'", "bR'x'", "f'{x}'", "Fr'x'", "rF'x'", "u'x'", "U'x'",
                          "'it\\'s'", "''", "\"\""};
    for (size_t i = 0; i < FT_ARRAY_LEN(good); i++) {
        Lexed *L = lex(good[i]);
        cr_assert_eq(L->toks[0].type, FT_TOK_STRING, "%s", good[i]);
        expect_text(&L->toks[0], good[i]);
        done(L);
    }
    /* ur'' is not a prefix: a NAME then a STRING */
    Lexed *L = lex("ur'x'");
    cr_assert_eq(L->toks[0].type, FT_TOK_NAME);
    cr_assert_eq(L->toks[1].type, FT_TOK_STRING);
    done(L);
}

Test(tokenizer, multiline_string_positions)
{
    Lexed *L = lex("x = '''a\nbc'''\n");
    FtToken *s = &L->toks[2];
    cr_assert_eq(s->type, FT_TOK_STRING);
    cr_assert_eq(s->lineno, 1);
    cr_assert_eq(s->col_offset, 4);
    cr_assert_eq(s->end_lineno, 2);
    cr_assert_eq(s->end_col_offset, 5);
    done(L);
}

Test(tokenizer, string_errors)
{
    Lexed *L = lex("x = 'abc");
    cr_assert_eq(L->last, FT_TOK_ERRORTOKEN);
    expect_error("unterminated string literal (detected at line 1)");
    done(L);
    L = lex("x = '''abc\n\ndef");
    cr_assert_eq(L->last, FT_TOK_ERRORTOKEN);
    expect_error("unterminated triple-quoted string literal (detected at line 3)");
    done(L);
}

Test(tokenizer, bracket_errors)
{
    Lexed *L = lex(")");
    expect_error("unmatched ')'");
    done(L);
    L = lex("(]");
    expect_error("closing parenthesis ']' does not match opening parenthesis '('");
    done(L);
    L = lex("(\n]");
    expect_error("closing parenthesis ']' does not match opening parenthesis '(' on line 1");
    done(L);
    /* end of input inside brackets: the parser reports "'(' was never closed" */
    L = lex("x = (1,");
    cr_assert_eq(L->last, FT_TOK_ERRORTOKEN);
    cr_assert_eq(L->tok.done, FT_E_EOF);
    cr_assert_eq(L->tok.level, 1);
    cr_assert_null(ft_err_occurred());
    done(L);
}

Test(tokenizer, indentation_errors)
{
    Lexed *L = lex("if x:\n    a\n  b\n");
    cr_assert_eq(L->last, FT_TOK_ERRORTOKEN);
    cr_assert_eq(L->tok.done, FT_E_DEDENT);
    done(L);
    L = lex("if x:\n\ta\n        b\n");
    cr_assert_eq(L->last, FT_TOK_ERRORTOKEN);
    cr_assert_eq(L->tok.done, FT_E_TABSPACE);
    done(L);
    L = lex("x = 1 \\ y");
    cr_assert_eq(L->last, FT_TOK_ERRORTOKEN);
    cr_assert_eq(L->tok.done, FT_E_LINECONT);
    done(L);
}

Test(tokenizer, invalid_characters)
{
    Lexed *L = lex("x = \xe2\x82\xac");  /* the euro sign */
    expect_error("invalid character '\xe2\x82\xac' (U+20AC)");
    done(L);
    L = lex("x = 1\xc2\xa0");  /* no-break space */
    expect_error("invalid non-printable character U+00A0");
    done(L);
    L = lex("\xcf\x80 = 3");  /* pi is a letter */
    cr_assert_eq(L->toks[0].type, FT_TOK_NAME);
    done(L);
}

Test(tokenizer, prepare_source)
{
    ssize_t n;
    char *b = ft_tokenizer_prepare_source("a\r\nb\rc", -1, 1, NULL, &n);
    cr_assert_str_eq(b, "a\nb\nc\n");
    cr_assert_eq(n, 6);
    ft_mem_free(b);
    b = ft_tokenizer_prepare_source("\xef\xbb\xbfx", -1, 0, NULL, &n);
    cr_assert_str_eq(b, "x");
    ft_mem_free(b);
    cr_assert_null(ft_tokenizer_prepare_source("a\0b", 3, 1, NULL, &n));
    expect_error("source code string cannot contain null bytes");
    ft_err_clear();
}
