/* Raising SyntaxError and its subclasses (IndentationError, TabError) with CPython 3.11's
 * arguments: (msg, (filename, lineno, offset, text, end_lineno, end_offset)), where the
 * offsets are 1-based and counted in characters. Implements ft_syntax_error (compile.h)
 * and the raw form the tokenizer and parser use (parser.h). */
#include "core/compiler/compile.h"
#include "core/compiler/parser.h"
#include "core/compiler/tokenizer.h"

#include <stdio.h>
#include <string.h>

void ft_syntax_error_raw(FtType *type, FtObject *msg, FtObject *filename, int lineno,
                         int offset, FtObject *text, int end_lineno, int end_offset)
{
    FtObject *loc = NULL, *args[2] = {msg, NULL}, *exc;
    FtObject *vals[6] = {0};
    vals[0] = filename ? FT_NEWREF(filename) : FT_NEWREF(FT_NONE);
    vals[1] = ft_int_from_i64(lineno);
    vals[2] = ft_int_from_i64(offset);
    vals[3] = text ? FT_NEWREF(text) : FT_NEWREF(FT_NONE);
    vals[4] = ft_int_from_i64(end_lineno);
    vals[5] = ft_int_from_i64(end_offset);
    for (int i = 0; i < 6; i++) {
        if (!vals[i])
            goto done;
    }
    loc = ft_tuple_from_array_steal(vals, 6);
    for (int i = 0; i < 6; i++)
        vals[i] = NULL;
    if (!loc)
        goto done;
    args[1] = loc;
    exc = ft_exc_new(type, args, 2);
    if (exc) {
        ft_err_set_exc(exc);
        FT_DECREF(exc);
    }
done:
    for (int i = 0; i < 6; i++)
        FT_XDECREF(vals[i]);
    FT_XDECREF(loc);
}

ssize_t ft_syntax_error_char_offset(FtObject *line, ssize_t col)
{
    ssize_t len;
    const char *s = ft_str_as_utf8_len(line, &len);
    if (!s)
        return col;
    int past_end = 0;
    if (col > len + 1)
        col = len + 1;
    if (col > len) {
        past_end = 1;   /* CPython decodes the terminating NUL as one more character */
        col = len;
    }
    return ft_utf8_count(s, col) + past_end;
}

FtObject *ft_syntax_error_file_line(FtObject *filename, int lineno)
{
    ssize_t n;
    const char *name = ft_str_as_utf8_len(filename, &n);
    if (!name) {
        ft_err_clear();
        return NULL;
    }
    if (name[0] == '<' || lineno < 1)
        return NULL;
    FILE *f = fopen(name, "rb");
    if (!f)
        return NULL;
    char buf[4096];
    FtObject *r = NULL;
    int line = 1;
    size_t len = 0;
    char *acc = NULL;
    for (;;) {
        if (!fgets(buf, sizeof buf, f))
            break;
        size_t k = strlen(buf);
        if (line == lineno) {
            char *na = ft_mem_realloc(acc, len + k + 1);
            if (!na) {
                ft_err_clear();
                break;
            }
            acc = na;
            memcpy(acc + len, buf, k + 1);
            len += k;
        }
        if (k && buf[k - 1] == '\n') {
            if (line == lineno)
                break;
            line++;
        }
    }
    fclose(f);
    if (acc) {
        /* as CPython reads it: universal newlines, no BOM */
        if (len >= 2 && acc[len - 2] == '\r' && acc[len - 1] == '\n') {
            acc[len - 2] = '\n';
            acc[--len] = 0;
        }
        const char *t = acc;
        if (lineno == 1 && len >= 3 && memcmp(acc, "\xEF\xBB\xBF", 3) == 0)
            t += 3;
        r = ft_str_from_utf8(t, (ssize_t)(len - (size_t)(t - acc)));
        if (!r)
            ft_err_clear();
        ft_mem_free(acc);
    }
    return r;
}

/* Errors found after parsing (symbol table, code generator) are located as CPython's
 * compiler_error / PyErr_RangedSyntaxLocationObject do: offsets are byte columns + 1 and the
 * text is the line read back from the file, None when `filename` is not a file ("<s>").
 * `src` is not consulted for the text, so that compile(src, "<s>", "exec") matches. */
void ft_syntax_error(FtType *type, const char *msg, FtObject *filename, const char *src,
                     int line, int col, int end_line, int end_col)
{
    FT_UNUSED(src);
    FtObject *m = ft_str_from_utf8(msg, (ssize_t)strlen(msg));
    if (!m)
        return;
    FtObject *text = filename ? ft_syntax_error_file_line(filename, line) : NULL;
    ft_syntax_error_raw(type, m, filename, line, col + 1, text, end_line, end_col + 1);
    FT_DECREF(m);
    FT_XDECREF(text);
}
