/* Traceback objects (`traceback`: tb_next, tb_frame, tb_lasti, tb_lineno), the eval loop's
 * ft_traceback_add_frame, and ft_err_display: printing an uncaught exception exactly as
 * CPython 3.11's C printer does (Python/pythonrun.c print_exception and Python/traceback.c
 * tb_displayline): source lines, the 3.11 caret lines with binary-operator and subscript
 * anchors, "[Previous line repeated N more times]", chained exceptions, __notes__ and the
 * special layout of SyntaxError. */
#include "core/vm/frame.h"
#include "core/compiler/parser.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the traceback object ---------------------------------------------------------------- */

static int tb_lineno_of(FtFrame *f, int lasti)
{
    if (f->code == NULL)
        return -1;
    if (lasti < 0)
        return f->code->firstlineno;
    int line = ft_code_addr2line(f->code, lasti);
    return line;
}

int ft_traceback_add_frame(FtObject *exc, FtFrame *frame, int lasti)
{
    if (exc == NULL || !ft_exception_check(exc))
        return 0;
    FtTraceback *tb = (FtTraceback *)ft_gc_alloc(&ft_traceback_type);
    if (tb == NULL)
        return -1;
    tb->frame = ft_frame_get_object(frame);
    if (tb->frame == NULL) {
        ft_gc_free(tb);
        return -1;
    }
    FtObject *old = ft_exc_get_traceback(exc);
    tb->next = FT_XNEWREF(old);
    tb->lasti = lasti;
    tb->lineno = tb_lineno_of(frame, lasti);
    ft_gc_track((FtObject *)tb);
    ft_exc_set_traceback(exc, (FtObject *)tb);
    FT_DECREF(tb);
    return 0;
}

static void tb_dealloc(FtObject *o)
{
    FtTraceback *tb = (FtTraceback *)o;
    ft_gc_untrack(o);
    FT_CLEAR(tb->next);
    FT_CLEAR(tb->frame);
    ft_gc_free(o);
}

static int tb_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FtTraceback *tb = (FtTraceback *)o;
    if (tb->next && visit(tb->next, arg))
        return -1;
    if (tb->frame && visit(tb->frame, arg))
        return -1;
    return 0;
}

static int tb_clear(FtObject *o)
{
    FtTraceback *tb = (FtTraceback *)o;
    FT_CLEAR(tb->next);
    FT_CLEAR(tb->frame);
    return 0;
}

static FtObject *tb_get_next(FtObject *o, void *c)
{
    FtTraceback *tb = (FtTraceback *)o;
    return FT_NEWREF(tb->next ? tb->next : FT_NONE);
}

static int tb_set_next(FtObject *o, FtObject *v, void *c)
{
    if (v == NULL) {
        ft_err_set_string(ft_exc_TypeError, "can't delete tb_next attribute");
        return -1;
    }
    if (v == FT_NONE)
        v = NULL;
    else if (FT_TYPE(v) != &ft_traceback_type) {
        ft_err_format(ft_exc_TypeError, "expected traceback object or None, got '%s'",
                      FT_TYPE(v)->tp_name);
        return -1;
    }
    for (FtObject *c2 = v; c2; c2 = ((FtTraceback *)c2)->next) {
        if (c2 == o) {
            ft_err_set_string(ft_exc_ValueError, "traceback loop detected");
            return -1;
        }
    }
    FT_XSETREF(((FtTraceback *)o)->next, FT_XNEWREF(v));
    return 0;
}

static FtObject *tb_get_frame(FtObject *o, void *c)
{
    FtTraceback *tb = (FtTraceback *)o;
    return FT_NEWREF(tb->frame ? tb->frame : FT_NONE);
}

static FtObject *tb_get_lasti(FtObject *o, void *c)
{
    int l = ((FtTraceback *)o)->lasti;
    return ft_int_from_i64(l >= 0 ? (int64_t)l * 2 : -1);
}

static FtObject *tb_get_lineno(FtObject *o, void *c)
{
    int l = ((FtTraceback *)o)->lineno;
    if (l < 0)
        FT_RETURN_NONE;
    return ft_int_from_i64(l);
}

static FtGetSetDef tb_getset[] = {
    {"tb_next", tb_get_next, tb_set_next, NULL, NULL},
    {"tb_frame", tb_get_frame, NULL, NULL, NULL},
    {"tb_lasti", tb_get_lasti, NULL, NULL, NULL},
    {"tb_lineno", tb_get_lineno, NULL, NULL, NULL},
    {NULL},
};

FtType ft_traceback_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "traceback",
    .tp_basicsize = sizeof(FtTraceback),
    .tp_dealloc = tb_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = tb_traverse,
    .tp_clear = tb_clear,
    .tp_getset = tb_getset,
};

/* ---- output buffer ------------------------------------------------------------------------ */

typedef struct Out {
    char *buf;
    size_t len, cap;
    int failed;
} Out;

static void out_write(Out *o, const char *s, size_t n)
{
    if (o->failed)
        return;
    if (o->len + n + 1 > o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 1024;
        while (cap < o->len + n + 1)
            cap *= 2;
        char *b = realloc(o->buf, cap);
        if (b == NULL) {
            o->failed = 1;
            return;
        }
        o->buf = b;
        o->cap = cap;
    }
    memcpy(o->buf + o->len, s, n);
    o->len += n;
    o->buf[o->len] = 0;
}

static void out_cstr(Out *o, const char *s)
{
    out_write(o, s, strlen(s));
}

static void out_obj_str(Out *o, FtObject *s)
{
    ssize_t n;
    const char *u = ft_str_as_utf8_len(s, &n);
    if (u == NULL) {
        ft_err_clear();
        return;
    }
    out_write(o, u, (size_t)n);
}

static void out_printf(Out *o, const char *fmt, ...)
{
    char small[512];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(small, sizeof small, fmt, ap);
    va_end(ap);
    if (n < 0)
        return;
    if ((size_t)n < sizeof small) {
        out_write(o, small, (size_t)n);
        return;
    }
    char *big = malloc((size_t)n + 1);
    if (big == NULL)
        return;
    va_start(ap, fmt);
    vsnprintf(big, (size_t)n + 1, fmt, ap);
    va_end(ap);
    out_write(o, big, (size_t)n);
    free(big);
}

/* ---- source lines (cached per file) ---------------------------------------------------------- */

typedef struct SourceFile {
    char *name;
    char *data;       /* whole file, lines split in place by NULs */
    char **lines;
    int nlines;
    struct SourceFile *next;
} SourceFile;

static SourceFile *source_cache;

static SourceFile *load_source(const char *name)
{
    for (SourceFile *s = source_cache; s; s = s->next)
        if (strcmp(s->name, name) == 0)
            return s;
    FILE *fp = fopen(name, "rb");
    if (fp == NULL)
        return NULL;
    size_t cap = 4096, len = 0;
    char *data = malloc(cap);
    size_t n;
    while (data && (n = fread(data + len, 1, cap - len - 1, fp)) > 0) {
        len += n;
        if (cap - len - 1 == 0) {
            char *d = realloc(data, cap * 2);
            if (d == NULL) {
                free(data);
                data = NULL;
                break;
            }
            data = d;
            cap *= 2;
        }
    }
    fclose(fp);
    if (data == NULL)
        return NULL;
    data[len] = 0;
    SourceFile *s = calloc(1, sizeof *s);
    if (s == NULL) {
        free(data);
        return NULL;
    }
    int nl = 1;
    for (size_t i = 0; i < len; i++)
        if (data[i] == '\n')
            nl++;
    s->lines = malloc(sizeof(char *) * (size_t)nl);
    s->name = strdup(name);
    if (s->lines == NULL || s->name == NULL) {
        free(s->lines);
        free(s->name);
        free(s);
        free(data);
        return NULL;
    }
    s->data = data;
    char *p = data;
    int count = 0;
    while (*p || (p < data + len)) {
        s->lines[count++] = p;
        char *e = strchr(p, '\n');
        if (e == NULL)
            break;
        *e = 0;
        if (e > p && e[-1] == '\r')
            e[-1] = 0;
        p = e + 1;
        if (p >= data + len)
            break;
    }
    s->nlines = count;
    s->next = source_cache;
    source_cache = s;
    return s;
}

/* Line `lineno` of file `name` (without its newline), or NULL. */
static const char *source_line(FtObject *filename, int lineno)
{
    if (filename == NULL || !ft_str_check(filename) || lineno < 1)
        return NULL;
    const char *name = ft_str_as_utf8(filename);
    if (name == NULL) {
        ft_err_clear();
        return NULL;
    }
    SourceFile *s = load_source(name);
    if (s == NULL || lineno > s->nlines)
        return NULL;
    return s->lines[lineno - 1];
}

/* Number of characters in the first `bytes` bytes of UTF-8 text s (clamped to its length). */
static ssize_t char_offset(const char *s, ssize_t bytes)
{
    ssize_t len = (ssize_t)strlen(s);
    if (bytes > len)
        bytes = len;
    ssize_t n = 0;
    for (ssize_t i = 0; i < bytes; i++)
        if (((unsigned char)s[i] & 0xC0) != 0x80)
            n++;
    return n;
}

static int is_ws(char c)
{
    return c == ' ' || c == '\t' || c == '\f' || c == '\n' || c == '\r' || c == '\v';
}

/* CPython 3.11 extract_anchors_from_line: parse the highlighted segment; for a binary
 * operation or a subscript return 1 and the anchors (character offsets in the line). */
static int extract_anchors(FtObject *filename, const char *line, ssize_t start_byte,
                           ssize_t end_byte, ssize_t start_offset, ssize_t *left_anchor,
                           ssize_t *right_anchor)
{
    ssize_t seglen = end_byte - start_byte;
    if (seglen <= 0)
        return 0;
    char *seg = malloc((size_t)seglen + 1);
    if (seg == NULL)
        return 0;
    memcpy(seg, line + start_byte, (size_t)seglen);
    seg[seglen] = 0;
    int res = 0;
    FtObject *saved = ft_err_fetch();
    FtArena *arena = ft_arena_new();
    if (arena) {
        mod_ty mod = ft_parse_source(seg, seglen, filename, FT_MODE_EXEC, arena);
        if (mod && mod->kind == Module_kind && asdl_seq_LEN(mod->v.Module.body) == 1) {
            stmt_ty st = asdl_seq_GET(mod->v.Module.body, 0);
            if (st->kind == Expr_kind) {
                expr_ty e = st->v.Expr.value;
                ssize_t l = -1, r = -1;
                if (e->kind == BinOp_kind) {
                    expr_ty left = e->v.BinOp.left, right = e->v.BinOp.right;
                    for (int i = left->end_col_offset; i < right->col_offset; i++) {
                        if (is_ws(seg[i]))
                            continue;
                        l = i;
                        r = i + 1;
                        if (i + 1 < right->col_offset && !is_ws(seg[i + 1]))
                            r++;
                        if (i + 1 < right->col_offset && seg[i] == ')')
                            continue;
                        break;
                    }
                    res = l >= 0;
                } else if (e->kind == Subscript_kind) {
                    l = e->v.Subscript.value->end_col_offset;
                    r = e->v.Subscript.slice->end_col_offset + 1;
                    ssize_t n = seglen;
                    while (l < n && (is_ws(seg[l]) || seg[l] != '['))
                        l++;
                    while (r < n && (is_ws(seg[r]) || seg[r] != ']'))
                        r++;
                    if (r < n)
                        r++;
                    res = 1;
                }
                if (res) {
                    *left_anchor = char_offset(seg, l) + start_offset;
                    *right_anchor = char_offset(seg, r) + start_offset;
                }
            }
        }
        ft_arena_free(arena);
    }
    ft_err_clear();
    ft_err_restore(saved);
    free(seg);
    return res;
}

/* tb_displayline: the "File" line, the source line, and the caret line. */
static void display_line(Out *o, FtObject *filename, int lineno, FtObject *name, FtCode *code,
                         int lasti)
{
    out_cstr(o, "  File \"");
    if (filename && ft_str_check(filename))
        out_obj_str(o, filename);
    out_printf(o, "\", line %d, in ", lineno);
    if (name && ft_str_check(name))
        out_obj_str(o, name);
    out_cstr(o, "\n");
    const char *line = source_line(filename, lineno);
    if (line == NULL)
        return;
    ssize_t i = 0;
    while (line[i] == ' ' || line[i] == '\t' || line[i] == '\014')
        i++;
    out_cstr(o, "    ");
    out_cstr(o, line + i);
    out_cstr(o, "\n");
    if (code == NULL || lasti < 0 || lasti >= code->ninstrs)
        return;
    FtPosition pos = code->positions[lasti];
    if (pos.line < 0 || pos.end_line < 0 || pos.col < 0 || pos.end_col < 0)
        return;
    ssize_t line_len = (ssize_t)strlen(line);           /* bytes */
    ssize_t line_chars = char_offset(line, line_len);
    ssize_t start_offset = char_offset(line, pos.col);
    ssize_t end_offset = char_offset(line, pos.end_col);
    ssize_t left_end = -1, right_start = -1;
    int anchors = 0;
    if (pos.line == pos.end_line) {
        ssize_t sb = pos.col < line_len ? pos.col : line_len;
        ssize_t eb = pos.end_col < line_len ? pos.end_col : line_len;
        anchors = extract_anchors(filename, line, sb, eb, start_offset, &left_end, &right_start);
    } else {
        ssize_t e = line_len;
        while (e > 0 && is_ws(line[e - 1]))
            e--;
        end_offset = char_offset(line, e);
    }
    ssize_t stripped_len = line_chars - i;
    if (end_offset - start_offset == stripped_len && !anchors)
        return;
    /* print_error_location_carets with offset = truncation (i - 4) */
    out_cstr(o, "    ");
    const char *primary = anchors ? "~" : "^", *secondary = "^";
    for (ssize_t off = i + 1; off <= end_offset; off++) {
        if (off <= start_offset)
            out_cstr(o, " ");
        else if (anchors && left_end < off && off <= right_start)
            out_cstr(o, secondary);
        else
            out_cstr(o, primary);
    }
    out_cstr(o, "\n");
}

static long traceback_limit(void)
{
    long limit = 1000;
    if (ft_runtime.sys) {
        FtObject *v = NULL;
        if (ft_object_lookup_attr(ft_runtime.sys, FT_ID(tracebacklimit), &v) < 0)
            ft_err_clear();
        if (v) {
            if (ft_int_check(v)) {
                int overflow = 0;
                int64_t x = ft_int_as_i64(v, &overflow);
                if (overflow > 0)
                    limit = 1000000000L;
                else if (overflow < 0)
                    limit = 0;
                else
                    limit = x > 1000000000L ? 1000000000L : (long)x;
            }
            FT_DECREF(v);
        }
    }
    return limit;
}

#define TB_RECURSIVE_CUTOFF 3

static void print_line_repeated(Out *o, long cnt)
{
    cnt -= TB_RECURSIVE_CUTOFF;
    out_printf(o, "  [Previous line repeated %ld more time%s]\n", cnt, cnt > 1 ? "s" : "");
}

static void print_traceback(Out *o, FtObject *tbobj)
{
    long limit = traceback_limit();
    if (limit <= 0)
        return;
    out_cstr(o, "Traceback (most recent call last):\n");
    FtTraceback *tb = (FtTraceback *)tbobj;
    long depth = 0;
    for (FtTraceback *t = tb; t; t = (FtTraceback *)t->next)
        depth++;
    while (tb && depth > limit) {
        depth--;
        tb = (FtTraceback *)tb->next;
    }
    FtObject *last_file = NULL, *last_name = NULL;
    int last_line = -1;
    long cnt = 0;
    for (; tb; tb = (FtTraceback *)tb->next) {
        FtFrameObject *fo = (FtFrameObject *)tb->frame;
        FtFrame *f = fo ? fo->frame : NULL;
        FtCode *code = f ? f->code : NULL;
        FtObject *filename = code ? code->filename : NULL;
        FtObject *name = code ? code->name : NULL;
        if (last_file == NULL || filename != last_file || last_line == -1 ||
            tb->lineno != last_line || last_name == NULL || name != last_name) {
            if (cnt > TB_RECURSIVE_CUTOFF)
                print_line_repeated(o, cnt);
            last_file = filename;
            last_line = tb->lineno;
            last_name = name;
            cnt = 0;
        }
        cnt++;
        if (cnt <= TB_RECURSIVE_CUTOFF)
            display_line(o, filename, tb->lineno, name, code, tb->lasti);
    }
    if (cnt > TB_RECURSIVE_CUTOFF)
        print_line_repeated(o, cnt);
}

/* print_error_text for SyntaxError (offsets 1-based). */
static void print_error_text(Out *o, ssize_t offset, ssize_t end_offset, const char *text)
{
    size_t caret_repetitions = (end_offset > 0 && end_offset > offset) ? (size_t)(end_offset - offset) : 1;
    offset--;
    while (*text == ' ' || *text == '\t' || *text == '\f') {
        text++;
        offset--;
    }
    ssize_t len = (ssize_t)strlen(text);
    if (len > 0 && text[len - 1] == '\n')
        len--;
    if (offset > len)
        offset = len;
    for (;;) {
        const char *nl = strchr(text, '\n');
        if (nl == NULL)
            break;
        ssize_t inl = nl - text;
        if (inl >= offset)
            break;
        inl += 1;
        text += inl;
        len -= inl;
        offset -= inl;
    }
    out_cstr(o, "    ");
    out_cstr(o, text);
    if (text[len] != '\n')
        out_cstr(o, "\n");
    if (offset < 0)
        return;
    out_cstr(o, "    ");
    while (--offset >= 0)
        out_cstr(o, " ");
    for (size_t k = 0; k < caret_repetitions; k++)
        out_cstr(o, "^");
    out_cstr(o, "\n");
}

static int get_ssize_attr(FtObject *o, FtObject *name, ssize_t *out, int none_ok, ssize_t dflt)
{
    FtObject *v = ft_object_getattr(o, name);
    if (v == NULL)
        return -1;
    if (v == FT_NONE && none_ok) {
        *out = dflt;
        FT_DECREF(v);
        return 0;
    }
    ssize_t x = ft_int_check(v) ? ft_int_as_ssize(v) : -1;
    int bad = !ft_int_check(v);
    FT_DECREF(v);
    if (bad) {
        ft_err_set_string(ft_exc_TypeError, "an integer is required");
        return -1;
    }
    if (x == -1 && ft_err_occurred())
        return -1;
    *out = x;
    return 0;
}

/* SyntaxError: "  File ..., line N", the text and carets. Returns the message object to
 * print instead of the exception (new ref), or NULL when the fields are unusable. */
static FtObject *print_syntax_error_location(Out *o, FtObject *value)
{
    FtObject *msg = NULL, *filename = NULL, *text = NULL;
    ssize_t lineno, offset, end_lineno, end_offset;
    msg = ft_object_getattr(value, FT_ID(msg));
    if (msg == NULL)
        goto fail;
    filename = ft_object_getattr(value, FT_ID(filename));
    if (filename == NULL)
        goto fail;
    if (filename == FT_NONE) {
        FT_DECREF(filename);
        filename = ft_str_from_cstr("<string>");
        if (filename == NULL)
            goto fail;
    }
    if (get_ssize_attr(value, FT_ID(lineno), &lineno, 0, 0) < 0)
        goto fail;
    if (get_ssize_attr(value, FT_ID(offset), &offset, 1, -1) < 0)
        goto fail;
    if (FT_TYPE(value) == ft_exc_SyntaxError) {
        if (get_ssize_attr(value, FT_ID(end_lineno), &end_lineno, 1, lineno) < 0) {
            ft_err_clear();
            end_lineno = lineno;
        }
        if (get_ssize_attr(value, FT_ID(end_offset), &end_offset, 1, -1) < 0) {
            ft_err_clear();
            end_offset = -1;
        }
    } else {
        end_lineno = lineno;
        end_offset = -1;
    }
    text = ft_object_getattr(value, FT_ID(text));
    if (text == NULL)
        goto fail;
    FtObject *fs = ft_object_str(filename);
    if (fs == NULL)
        goto fail;
    out_cstr(o, "  File \"");
    out_obj_str(o, fs);
    FT_DECREF(fs);
    out_printf(o, "\", line %zd\n", lineno);
    if (text != FT_NONE && ft_str_check(text)) {
        ssize_t line_size;
        const char *error_line = ft_str_as_utf8_len(text, &line_size);
        if (error_line) {
            if (end_lineno > lineno)
                end_offset = line_size;
            if (end_offset > line_size + 1)
                end_offset = line_size + 1;
            print_error_text(o, offset, end_offset, error_line);
        } else {
            ft_err_clear();
        }
    }
    FT_DECREF(filename);
    FT_DECREF(text);
    return msg;
fail:
    ft_err_clear();
    FT_XDECREF(msg);
    FT_XDECREF(filename);
    FT_XDECREF(text);
    return NULL;
}

static void print_exception_message(Out *o, FtObject *type, FtObject *value)
{
    FtObject *modulename = ft_object_getattr(type, FT_ID(__module__));
    if (modulename == NULL || !ft_str_check(modulename)) {
        ft_err_clear();
        out_cstr(o, "<unknown>.");
    } else if (!ft_str_eq_cstr(modulename, "builtins") && !ft_str_eq_cstr(modulename, "__main__")) {
        out_obj_str(o, modulename);
        out_cstr(o, ".");
    }
    FT_XDECREF(modulename);
    FtObject *qualname = ft_object_getattr(type, FT_ID(__qualname__));
    if (qualname == NULL || !ft_str_check(qualname)) {
        ft_err_clear();
        out_cstr(o, "<unknown>");
    } else {
        out_obj_str(o, qualname);
    }
    FT_XDECREF(qualname);
    if (value == FT_NONE)
        return;
    FtObject *s = ft_object_str(value);
    if (s == NULL) {
        ft_err_clear();
        out_cstr(o, ": <exception str() failed>");
        return;
    }
    if (!ft_str_check(s) || FT_STR_LEN(s) != 0)
        out_cstr(o, ": ");
    if (ft_str_check(s))
        out_obj_str(o, s);
    FT_DECREF(s);
}

static void print_notes(Out *o, FtObject *value)
{
    FtObject *notes = NULL;
    if (ft_object_lookup_attr(value, FT_ID(__notes__), &notes) <= 0) {
        ft_err_clear();
        return;
    }
    if (!ft_list_check(notes) && !ft_tuple_check(notes) &&
        !(FT_TYPE(notes)->tp_as_sequence && FT_TYPE(notes)->tp_as_sequence->sq_item)) {
        FtObject *r = ft_object_repr(notes);
        if (r == NULL) {
            ft_err_clear();
            out_cstr(o, "<__notes__ repr() failed>");
        } else {
            out_obj_str(o, r);
            FT_DECREF(r);
        }
        out_cstr(o, "\n");
        FT_DECREF(notes);
        return;
    }
    ssize_t n = ft_object_length(notes);
    if (n < 0)
        ft_err_clear();
    for (ssize_t i = 0; i < n; i++) {
        FtObject *note = ft_sequence_getitem(notes, i);
        FtObject *s = note ? ft_object_str(note) : NULL;
        FT_XDECREF(note);
        if (s == NULL) {
            ft_err_clear();
            out_cstr(o, "<note str() failed>");
        } else {
            out_obj_str(o, s);
            FT_DECREF(s);
        }
        out_cstr(o, "\n");
    }
    FT_DECREF(notes);
}

static void print_exception(Out *o, FtObject *value)
{
    if (!ft_exception_check(value)) {
        out_printf(o, "TypeError: print_exception(): Exception expected for value, %s found\n",
                   FT_TYPE(value)->tp_name);
        return;
    }
    FtObject *tb = ft_exc_get_traceback(value);
    if (tb && tb != FT_NONE && FT_TYPE(tb) == &ft_traceback_type)
        print_traceback(o, tb);
    FtObject *type = (FtObject *)FT_TYPE(value);
    FtObject *shown = FT_NEWREF(value);
    if (ft_type_is_subtype(FT_TYPE(value), ft_exc_SyntaxError)) {
        FtObject *msg = print_syntax_error_location(o, value);
        if (msg)
            FT_SETREF(shown, msg);
    }
    print_exception_message(o, type, shown);
    out_cstr(o, "\n");
    FT_DECREF(shown);
    print_notes(o, value);
}

typedef struct Seen {
    FtObject **items;
    int n, cap;
} Seen;

static int seen_has(Seen *s, FtObject *o)
{
    for (int i = 0; i < s->n; i++)
        if (s->items[i] == o)
            return 1;
    return 0;
}

static void seen_add(Seen *s, FtObject *o)
{
    if (s->n == s->cap) {
        int cap = s->cap ? s->cap * 2 : 16;
        FtObject **it = realloc(s->items, sizeof(FtObject *) * (size_t)cap);
        if (it == NULL)
            return;
        s->items = it;
        s->cap = cap;
    }
    s->items[s->n++] = o;
}

static void print_exception_recursive(Out *o, FtObject *value, Seen *seen, int depth)
{
    seen_add(seen, value);
    if (ft_exception_check(value) && depth < 200) {
        FtBaseException *be = (FtBaseException *)value;
        if (be->cause) {
            if (!seen_has(seen, be->cause)) {
                print_exception_recursive(o, be->cause, seen, depth + 1);
                out_cstr(o, "\nThe above exception was the direct cause of the following "
                            "exception:\n\n");
            }
        } else if (!be->suppress_context && be->context) {
            if (!seen_has(seen, be->context)) {
                print_exception_recursive(o, be->context, seen, depth + 1);
                out_cstr(o, "\nDuring handling of the above exception, another exception "
                            "occurred:\n\n");
            }
        }
    }
    print_exception(o, value);
}

void ft_err_display(FtObject *exc)
{
    if (exc == NULL)
        return;
    FtThreadState *ts = ft_tstate_get();
    FtObject *saved = ts ? ft_err_fetch() : NULL;
    FT_INCREF(exc);
    Out o = {0};
    Seen seen = {0};
    print_exception_recursive(&o, exc, &seen, 0);
    free(seen.items);
    int written = 0;
    if (!o.failed && o.buf && ft_runtime.sys) {
        FtObject *file = NULL;
        if (ft_object_lookup_attr(ft_runtime.sys, FT_ID(stderr), &file) < 0)
            ft_err_clear();
        if (file && file != FT_NONE) {
            FtObject *s = ft_str_from_utf8(o.buf, (ssize_t)o.len);
            if (s == NULL) {
                ft_err_clear();
                s = ft_str_from_latin1(o.buf, (ssize_t)o.len);
            }
            if (s) {
                FtObject *r = ft_object_call_method(file, FT_ID(write), &s, 1);
                if (r) {
                    written = 1;
                    FT_DECREF(r);
                    r = ft_object_call_method(file, FT_ID(flush), NULL, 0);
                    FT_XDECREF(r);
                }
                FT_DECREF(s);
            }
            ft_err_clear();
        }
        FT_XDECREF(file);
    }
    if (!written && o.buf) {
        fwrite(o.buf, 1, o.len, stderr);
        fflush(stderr);
    }
    free(o.buf);
    FT_DECREF(exc);
    if (ts)
        ft_err_restore(saved);
}
