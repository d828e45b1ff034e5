/* The tokenizer: UTF-8 source text to tokens (NAME, NUMBER, STRING, operators, NEWLINE,
 * INDENT / DEDENT, ENDMARKER), modelled on CPython 3.11's Parser/tokenizer.c so that token
 * positions and tokenizer errors (with their odd but user-visible offsets) match it.
 *
 * Strings are returned whole (prefix and quotes included); the parser decodes them and
 * parses the fields of f-strings. Keywords are NAME tokens; ft_token_keyword() tells them
 * apart. Positions: 1-based lines, 0-based UTF-8 byte columns; INDENT, DEDENT, ENDMARKER
 * and ERRORTOKEN have no text (start == NULL) and col_offset == -1, as in CPython. */
#ifndef FT_TOKENIZER_H
#define FT_TOKENIZER_H

#include "core/object.h"

#define FT_TOKEN_LIST(X)                                                                   \
    X(ENDMARKER, "")  X(NAME, "")  X(NUMBER, "")  X(STRING, "")  X(NEWLINE, "")            \
    X(INDENT, "")  X(DEDENT, "")                                                           \
    X(LPAR, "(")  X(RPAR, ")")  X(LSQB, "[")  X(RSQB, "]")  X(COLON, ":")  X(COMMA, ",")    \
    X(SEMI, ";")  X(PLUS, "+")  X(MINUS, "-")  X(STAR, "*")  X(SLASH, "/")  X(VBAR, "|")    \
    X(AMPER, "&")  X(LESS, "<")  X(GREATER, ">")  X(EQUAL, "=")  X(DOT, ".")                \
    X(PERCENT, "%")  X(LBRACE, "{")  X(RBRACE, "}")  X(EQEQUAL, "==")  X(NOTEQUAL, "!=")    \
    X(LESSEQUAL, "<=")  X(GREATEREQUAL, ">=")  X(TILDE, "~")  X(CIRCUMFLEX, "^")           \
    X(LEFTSHIFT, "<<")  X(RIGHTSHIFT, ">>")  X(DOUBLESTAR, "**")  X(PLUSEQUAL, "+=")        \
    X(MINEQUAL, "-=")  X(STAREQUAL, "*=")  X(SLASHEQUAL, "/=")  X(PERCENTEQUAL, "%=")       \
    X(AMPEREQUAL, "&=")  X(VBAREQUAL, "|=")  X(CIRCUMFLEXEQUAL, "^=")                      \
    X(LEFTSHIFTEQUAL, "<<=")  X(RIGHTSHIFTEQUAL, ">>=")  X(DOUBLESTAREQUAL, "**=")          \
    X(DOUBLESLASH, "//")  X(DOUBLESLASHEQUAL, "//=")  X(AT, "@")  X(ATEQUAL, "@=")          \
    X(RARROW, "->")  X(ELLIPSIS, "...")  X(COLONEQUAL, ":=")                               \
    X(OP, "")  /* any other character ('$', '?', '!') */                                   \
    X(ERRORTOKEN, "")

enum {
#define FT_TOKEN_ENUM(name, text) FT_TOK_##name,
    FT_TOKEN_LIST(FT_TOKEN_ENUM)
#undef FT_TOKEN_ENUM
    FT_TOK_COUNT
};

extern const char *const ft_token_names[FT_TOK_COUNT];  /* "NAME", "LPAR", ... */
extern const char *const ft_token_texts[FT_TOK_COUNT];  /* "", "(", ... */

/* Hard keywords, as returned by ft_token_keyword (0 = not a keyword). */
#define FT_KEYWORD_LIST(X)                                                                 \
    X(FALSE, "False") X(NONE, "None") X(TRUE, "True") X(AND, "and") X(AS, "as")           \
    X(ASSERT, "assert") X(ASYNC, "async") X(AWAIT, "await") X(BREAK, "break")             \
    X(CLASS, "class") X(CONTINUE, "continue") X(DEF, "def") X(DEL, "del") X(ELIF, "elif") \
    X(ELSE, "else") X(EXCEPT, "except") X(FINALLY, "finally") X(FOR, "for")               \
    X(FROM, "from") X(GLOBAL, "global") X(IF, "if") X(IMPORT, "import") X(IN, "in")       \
    X(IS, "is") X(LAMBDA, "lambda") X(NONLOCAL, "nonlocal") X(NOT, "not") X(OR, "or")     \
    X(PASS, "pass") X(RAISE, "raise") X(RETURN, "return") X(TRY, "try")                   \
    X(WHILE, "while") X(WITH, "with") X(YIELD, "yield")

enum {
    FT_KW_NONE_ = 0,
#define FT_KEYWORD_ENUM(name, text) FT_KW_##name,
    FT_KEYWORD_LIST(FT_KEYWORD_ENUM)
#undef FT_KEYWORD_ENUM
    FT_KW_COUNT
};
extern const char *const ft_keyword_texts[FT_KW_COUNT];

/* The tokenizer's error state (tok->done), CPython's E_* codes that the parser reports. */
enum {
    FT_E_OK = 0,
    FT_E_EOF,        /* end of input reached (not an error by itself) */
    FT_E_DEDENT,     /* unindent does not match any outer indentation level */
    FT_E_TABSPACE,   /* inconsistent use of tabs and spaces */
    FT_E_TOODEEP,    /* too many levels of indentation */
    FT_E_LINECONT,   /* unexpected character after line continuation character */
    FT_E_ERROR,      /* a SyntaxError has been raised already (tokenizer syntaxerror()) */
};

typedef struct FtToken {
    int type;                 /* FT_TOK_* */
    int keyword;              /* FT_KW_* for NAME tokens that are keywords, else 0 */
    const char *start, *end;  /* the token's text in the source buffer (NULL when none) */
    int lineno, col_offset, end_lineno, end_col_offset;
    int level;                /* bracket nesting depth after the token */
} FtToken;

#define FT_TOK_MAXINDENT 100
#define FT_TOK_MAXLEVEL 200

typedef struct FtTokenizer {
    const char *buf;          /* the whole source, NUL-terminated */
    const char *end;          /* its NUL */
    const char *cur;          /* next character */
    const char *inp;          /* end of the current line (after its '\n') */
    const char *line_start;   /* start of the current line */
    const char *logical_start; /* start of the current logical line: the physical lines a
                                  token (string, backslash continuation) spans (tok->buf) */
    const char *start;        /* start of the current token */
    const char *multi_line_start; /* line start of the current STRING token */
    int first_lineno;         /* line of the current STRING token's start */
    int lineno;
    int done;                 /* FT_E_* */
    int atbol;                /* at the beginning of a line */
    int pendin;               /* pending INDENT (> 0) or DEDENT (< 0) tokens */
    int indent;               /* index into indstack */
    int indstack[FT_TOK_MAXINDENT];
    int altindstack[FT_TOK_MAXINDENT]; /* columns with tabs counted as 1: TabError check */
    int level;                /* () [] {} nesting */
    char parenstack[FT_TOK_MAXLEVEL];
    int parenlinenostack[FT_TOK_MAXLEVEL];
    int parencolstack[FT_TOK_MAXLEVEL];
    int cont_line;            /* after a backslash continuation */
    FtObject *filename;       /* borrowed; for error messages */
} FtTokenizer;

/* Make the buffer the tokenizer reads: `\r\n` and `\r` become `\n`, a UTF-8 BOM is
 * dropped, and when `add_newline` the text ends with '\n'. Checks that the text is valid
 * UTF-8 (SyntaxError as CPython) and has no NUL byte (SyntaxError "source code string
 * cannot contain null bytes", without a location, as CPython 3.11.4+). Returns a buffer to
 * free with ft_mem_free, or NULL with an error. */
char *ft_tokenizer_prepare_source(const char *src, ssize_t len, int add_newline,
                                  FtObject *filename, ssize_t *out_len);

/* Start tokenizing `buf` (from ft_tokenizer_prepare_source, or any NUL-terminated UTF-8
 * text whose lines end in '\n'). `filename` is borrowed. */
void ft_tokenizer_init(FtTokenizer *tok, const char *buf, ssize_t len, FtObject *filename);

/* The next token into *t; returns its type. FT_TOK_ERRORTOKEN: tok->done says why; with
 * FT_E_ERROR the SyntaxError is already set; FT_E_EOF means end of input inside brackets
 * (or after a backslash). The parser turns the other codes into exceptions. */
int ft_tokenizer_get(FtTokenizer *tok, FtToken *t);

/* The FT_KW_* value of a NAME token's text, or 0. */
int ft_token_keyword(const char *s, ssize_t n);

/* Raise a SyntaxError as CPython's tokenizer does: text is the current line (without its
 * '\n'), offset is col_offset (1-based characters) or, when -1, the number of characters
 * from the line start to tok->cur; end_col_offset -1 means the same as the offset. */
void ft_tokenizer_error(FtTokenizer *tok, FtType *type, int col_offset, int end_col_offset,
                        const char *fmt, ...);

/* Number of code points in the UTF-8 text s[0..n). */
ssize_t ft_utf8_count(const char *s, ssize_t n);

#endif
