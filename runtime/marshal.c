/* Serialisation of code objects and their constants (the bytecode cache's payload and the
 * `marshal` module), and the validation that makes reading untrusted bytes safe.
 *
 * Format (ftpy's own; all integers little-endian): one type byte, then
 *   'N' None   'T' True   'F' False   '.' Ellipsis
 *   'i' int that fits in int64: 8 bytes       'l' big int: u32 n, n bytes of hex text
 *   'g' float: 8 bytes (IEEE double)          'y' complex: two doubles
 *   'u' str: u32 n, n bytes of UTF-8          'a' the same, interned on load
 *   'w' str with lone surrogates: u32 n, n u32 code points
 *   'b' bytes: u32 n, n bytes
 *   '(' tuple: u32 n, n objects               '>' frozenset: u32 n, n objects
 *   '[' list: u32 n, n objects                '<' set: u32 n, n objects
 *   '{' dict: u32 n, n key/value pairs
 *   'H' a match-statement helper function, 'B' a builtins function: u32 n, n bytes of name
 *   'c' code: i32 argcount, posonlyargcount, kwonlyargcount, flags, stacksize, firstlineno,
 *       ninstrs, nexc, nlocalsplus; ninstrs u32 instructions; ninstrs x 4 i32 positions;
 *       nexc x (u32 start, end, target, u16 depth, lasti); nlocalsplus kind bytes; then
 *       the objects consts (tuple), names (tuple of str), localsplusnames (tuple of str),
 *       filename, name, qualname (str).
 * The reader checks every length against the bytes left, limits nesting, and validates
 * each code object completely (ft_marshal_validate_code) before it is created. */
#include "runtime/marshal.h"
#include "runtime/errors.h"
#include "runtime/tstate.h"
#include "core/compiler/compile.h"
#include <string.h>

#define MAX_DEPTH 200

/* ---- writing ------------------------------------------------------------------------------ */

typedef struct Writer {
    char *buf;
    size_t len, cap;
    int depth;
    int in_code;   /* > 0 inside a code object: the match helpers may be written */
} Writer;

static int w_bytes(Writer *w, const void *p, size_t n) {
    if (w->len + n > w->cap) {
        size_t cap = w->cap ? w->cap : 256;
        while (cap < w->len + n)
            cap *= 2;
        char *nb = ft_mem_realloc(w->buf, cap);
        if (!nb) {
            ft_err_no_memory();
            return -1;
        }
        w->buf = nb;
        w->cap = cap;
    }
    memcpy(w->buf + w->len, p, n);
    w->len += n;
    return 0;
}

static int w_u8(Writer *w, uint8_t v) { return w_bytes(w, &v, 1); }

static int w_u32(Writer *w, uint32_t v) {
    uint8_t b[4] = { (uint8_t)v, (uint8_t)(v >> 8), (uint8_t)(v >> 16), (uint8_t)(v >> 24) };
    return w_bytes(w, b, 4);
}

static int w_u64(Writer *w, uint64_t v) {
    uint8_t b[8];
    for (int i = 0; i < 8; i++)
        b[i] = (uint8_t)(v >> (8 * i));
    return w_bytes(w, b, 8);
}

static int w_double(Writer *w, double d) {
    uint64_t v;
    memcpy(&v, &d, 8);
    return w_u64(w, v);
}

static int w_sized(Writer *w, char type, const char *p, size_t n) {
    if (n > 0xFFFFFFFFu) {
        ft_err_set_string(ft_exc_ValueError, "object too large to marshal");
        return -1;
    }
    if (w_u8(w, (uint8_t)type) < 0 || w_u32(w, (uint32_t)n) < 0)
        return -1;
    return w_bytes(w, p, n);
}

static int w_object(Writer *w, FtObject *o);

static int w_items(Writer *w, char type, FtObject *const *items, ssize_t n) {
    if (w_u8(w, (uint8_t)type) < 0 || w_u32(w, (uint32_t)n) < 0)
        return -1;
    for (ssize_t i = 0; i < n; i++)
        if (w_object(w, items[i]) < 0)
            return -1;
    return 0;
}

static int w_code(Writer *w, FtCode *co) {
    int32_t hdr[9] = { co->argcount, co->posonlyargcount, co->kwonlyargcount, co->flags,
                       co->stacksize, co->firstlineno, co->ninstrs, co->nexc,
                       co->nlocalsplus };
    if (w_u8(w, 'c') < 0)
        return -1;
    for (int i = 0; i < 9; i++)
        if (w_u32(w, (uint32_t)hdr[i]) < 0)
            return -1;
    for (int i = 0; i < co->ninstrs; i++)
        if (w_u32(w, co->instrs[i]) < 0)
            return -1;
    for (int i = 0; i < co->ninstrs; i++) {
        FtPosition p = co->positions[i];
        if (w_u32(w, (uint32_t)p.line) < 0 || w_u32(w, (uint32_t)p.end_line) < 0 ||
            w_u32(w, (uint32_t)p.col) < 0 || w_u32(w, (uint32_t)p.end_col) < 0)
            return -1;
    }
    for (int i = 0; i < co->nexc; i++) {
        FtExcEntry e = co->exctable[i];
        if (w_u32(w, e.start) < 0 || w_u32(w, e.end) < 0 || w_u32(w, e.target) < 0 ||
            w_u32(w, (uint32_t)e.depth | ((uint32_t)e.lasti << 16)) < 0)
            return -1;
    }
    if (w_bytes(w, co->localspluskinds, (size_t)co->nlocalsplus) < 0)
        return -1;
    FtObject *objs[6] = { co->consts, co->names, co->localsplusnames, co->filename, co->name,
                          co->qualname };
    for (int i = 0; i < 6; i++)
        if (w_object(w, objs[i]) < 0)
            return -1;
    return 0;
}

/* ---- the match statement's helpers --------------------------------------------------
 * The code generator loads small helper functions (match_sequence, match_mapping, ...,
 * compiled from "<ftpy match helpers>", and builtins.len) as constants of code that uses
 * `match` (core/compiler/codegen_match.c). They are written by name ('H', 'B') and found
 * again on load: the helpers by compiling a match statement that uses them all. */
#define MATCH_HELPERS_FILE "<ftpy match helpers>"
enum { NHELPERS = 8 };
static FtObject *helper_funcs[NHELPERS];   /* kept for the life of the process */

static int is_match_helper(FtObject *f) {
    FtObject *code = ((FtFunction *)f)->code;
    return code && ft_code_check(code) && ft_str_check(((FtCode *)code)->filename) &&
           ft_str_eq_cstr(((FtCode *)code)->filename, MATCH_HELPERS_FILE);
}

static int is_builtin_function(FtObject *f) {
    FtObject *name = ft_object_getattr_cstr(f, "__name__");
    if (!name) {
        ft_err_clear();
        return 0;
    }
    FtObject *b = ft_str_check(name) ? ft_dict_get(ft_runtime.builtins_dict, name) : NULL;
    FT_DECREF(name);
    return b == f;
}

static void collect_helpers(FtObject *code, int *n) {
    FtObject *consts = ((FtCode *)code)->consts;
    for (ssize_t i = 0; i < FT_SIZE(consts) && *n < NHELPERS; i++) {
        FtObject *c = FT_TUPLE_GET(consts, i);
        if (ft_code_check(c))
            collect_helpers(c, n);
        else if (FT_TYPE(c) == &ft_function_type && is_match_helper(c))
            helper_funcs[(*n)++] = FT_NEWREF(c);
    }
}

static FtObject *find_helper(const char *name, size_t len) {
    if (!__atomic_load_n(&helper_funcs[0], __ATOMIC_ACQUIRE)) {
        static const char src[] = "def f(x):\n    match x:\n        case [a]: pass\n"
                                  "        case {1: b, **r}: pass\n        case C(d=e): pass\n";
        FtObject *fn = ft_str_from_cstr("<match>");
        FtObject *co = fn ? ft_compile_source(src, -1, fn, FT_MODE_EXEC, 0) : NULL;
        FT_XDECREF(fn);
        if (!co)
            return NULL;
        int n = 0;
        collect_helpers(co, &n);   /* racing threads may both fill it: same objects */
        FT_DECREF(co);
    }
    for (int i = 0; i < NHELPERS && helper_funcs[i]; i++) {
        FtObject *hn = ((FtCode *)((FtFunction *)helper_funcs[i])->code)->name;
        ssize_t n;
        const char *s = ft_str_as_utf8_len(hn, &n);
        if (s && (size_t)n == len && memcmp(s, name, len) == 0)
            return FT_NEWREF(helper_funcs[i]);
    }
    ft_err_set_string(ft_exc_ValueError, "bad marshal data (unknown match helper)");
    return NULL;
}

static int w_object(Writer *w, FtObject *o) {
    if (++w->depth > MAX_DEPTH) {
        ft_err_set_string(ft_exc_ValueError, "object too deeply nested to marshal");
        return -1;
    }
    int r;
    FtType *tp = FT_TYPE(o);
    if (o == FT_NONE)
        r = w_u8(w, 'N');
    else if (o == FT_TRUE)
        r = w_u8(w, 'T');
    else if (o == FT_FALSE)
        r = w_u8(w, 'F');
    else if (o == FT_ELLIPSIS)
        r = w_u8(w, '.');
    else if (tp == &ft_int_type) {
        int overflow;
        int64_t v = ft_int_as_i64(o, &overflow);
        if (!overflow) {
            r = w_u8(w, 'i') < 0 ? -1 : w_u64(w, (uint64_t)v);
        } else {
            FtObject *s = ft_int_to_string(o, 16);
            ssize_t n;
            const char *p = s ? ft_str_as_utf8_len(s, &n) : NULL;
            r = p ? w_sized(w, 'l', p, (size_t)n) : -1;
            FT_XDECREF(s);
        }
    } else if (tp == &ft_float_type) {
        r = w_u8(w, 'g') < 0 ? -1 : w_double(w, ((FtFloat *)o)->value);
    } else if (tp == &ft_complex_type) {
        FtComplex *c = (FtComplex *)o;
        r = (w_u8(w, 'y') < 0 || w_double(w, c->real) < 0) ? -1 : w_double(w, c->imag);
    } else if (tp == &ft_str_type) {
        ssize_t n;
        const char *p = ft_str_as_utf8_len(o, &n);
        if (p) {
            r = w_sized(w, ((FtStr *)o)->interned ? 'a' : 'u', p, (size_t)n);
        } else {
            /* lone surrogates have no UTF-8 form: code points, 4 bytes each */
            ft_err_clear();
            ssize_t len = FT_SIZE(o);
            int kind = ((FtStr *)o)->kind;
            const uint8_t *d = FT_STR_DATA(o);
            r = w_u8(w, 'w') < 0 || w_u32(w, (uint32_t)len) < 0 ? -1 : 0;
            for (ssize_t i = 0; r == 0 && i < len; i++)
                r = w_u32(w, kind == 1 ? d[i] : kind == 2 ? ((const uint16_t *)d)[i]
                                                          : ((const uint32_t *)d)[i]);
        }
    } else if (tp == &ft_bytes_type) {
        const char *p;
        ssize_t n;
        r = ft_bytes_like_get(o, &p, &n) < 0 ? -1 : w_sized(w, 'b', p, (size_t)n);
    } else if (tp == &ft_tuple_type) {
        r = w_items(w, '(', FT_TUPLE_ITEMS(o), FT_SIZE(o));
    } else if (tp == &ft_list_type) {
        FtObject *snap = ft_sequence_tuple(o);   /* a list may change while it is written */
        r = snap ? w_items(w, '[', FT_TUPLE_ITEMS(snap), FT_SIZE(snap)) : -1;
        FT_XDECREF(snap);
    } else if (tp == &ft_dict_type) {
        FtObject *items = ft_dict_items_list(o);
        ssize_t n = items ? FT_SIZE(items) : 0;
        r = items ? (w_u8(w, '{') < 0 || w_u32(w, (uint32_t)n) < 0 ? -1 : 0) : -1;
        for (ssize_t i = 0; r == 0 && i < n; i++) {
            FtObject *kv = FT_LIST_ITEMS(items)[i];
            r = w_object(w, FT_TUPLE_GET(kv, 0)) < 0 ? -1 : w_object(w, FT_TUPLE_GET(kv, 1));
        }
        FT_XDECREF(items);
    } else if (tp == &ft_set_type || tp == &ft_frozenset_type) {
        ssize_t n = ft_set_size(o), pos = 0, i = 0;
        FtObject *items = ft_tuple_new(n), *key;
        if (!items)
            return -1;
        while (i < n && ft_set_next(o, &pos, &key, NULL))
            FT_TUPLE_SET(items, i++, FT_NEWREF(key));
        r = i == n ? w_items(w, tp == &ft_set_type ? '<' : '>', FT_TUPLE_ITEMS(items), n) : -1;
        if (i != n)
            ft_err_set_string(ft_exc_RuntimeError, "set changed size during iteration");
        FT_DECREF(items);
    } else if (tp == &ft_code_type) {
        w->in_code++;
        r = w_code(w, (FtCode *)o);
        w->in_code--;
    } else if (w->in_code && tp == &ft_function_type && is_match_helper(o)) {
        FtObject *name = ((FtCode *)((FtFunction *)o)->code)->name;
        ssize_t n;
        const char *p = ft_str_as_utf8_len(name, &n);
        r = p ? w_sized(w, 'H', p, (size_t)n) : -1;
    } else if (w->in_code && tp == &ft_cfunction_type && is_builtin_function(o)) {
        FtObject *name = ft_object_getattr_cstr(o, "__name__");
        ssize_t n;
        const char *p = name ? ft_str_as_utf8_len(name, &n) : NULL;
        r = p ? w_sized(w, 'B', p, (size_t)n) : -1;
        FT_XDECREF(name);
    } else {
        ft_err_set_string(ft_exc_ValueError, "unmarshallable object");
        r = -1;
    }
    w->depth--;
    return r;
}

int ft_marshal_write(FtObject *o, char **buf, size_t *len, size_t *cap) {
    Writer w = { *buf, *len, *cap, 0, 0 };
    int r = w_object(&w, o);
    *buf = w.buf;
    *len = w.len;
    *cap = w.cap;
    return r;
}

FtObject *ft_marshal_dumps(FtObject *o) {
    char *buf = NULL;
    size_t len = 0, cap = 0;
    FtObject *r = NULL;
    if (ft_marshal_write(o, &buf, &len, &cap) == 0)
        r = ft_bytes_from_data(buf, (ssize_t)len);
    ft_mem_free(buf);
    return r;
}

/* ---- validation of code objects ----------------------------------------------------------- */

static int bad_code(const char *what) {
    ft_err_format(ft_exc_ValueError, "bad marshal data (invalid code object: %s)", what);
    return -1;
}

/* Instructions whose argument names a stack slot below the top (stack[-arg]): the arg must
 * be in 1..depth. Returns how deep the instruction reaches, or 0. */
static int stack_reach(int op, int arg) {
    switch (op) {
    case FT_OP_COPY: case FT_OP_SWAP:
        return arg;
    case FT_OP_LIST_APPEND: case FT_OP_SET_ADD: case FT_OP_LIST_EXTEND:
    case FT_OP_SET_UPDATE: case FT_OP_DICT_UPDATE: case FT_OP_DICT_MERGE:
        return arg + 1;
    case FT_OP_MAP_ADD:
        return arg + 2;
    case FT_OP_RERAISE:
        return arg + 1;
    default:
        return 0;
    }
}

static int is_terminator(int op) {
    return op == FT_OP_JUMP || op == FT_OP_RETURN_VALUE || op == FT_OP_RETURN_CONST ||
           op == FT_OP_RAISE_VARARGS || op == FT_OP_RERAISE;
}

/* Every path through the code, exception handlers included, keeps the value stack within
 * [0, stacksize] and reaches each instruction with one depth. */
static int check_stack(FtCode *co) {
    int n = co->ninstrs;
    int *depth = ft_mem_alloc(sizeof(int) * (size_t)n * 2 + sizeof(int));
    if (!depth) {
        ft_err_no_memory();
        return -1;
    }
    int *work = depth + n, nwork = 0;
    for (int i = 0; i < n; i++)
        depth[i] = -1;
    int r = 0;
#define REACH(target, d)                                                        \
    do {                                                                        \
        int t_ = (target), d_ = (d);                                            \
        if (d_ < 0 || d_ > co->stacksize) { r = bad_code("stack depth"); goto done; } \
        if (depth[t_] < 0) { depth[t_] = d_; work[nwork++] = t_; }               \
        else if (depth[t_] != d_) { r = bad_code("inconsistent stack depth"); goto done; } \
    } while (0)
    if (n > 0)
        REACH(0, 0);
    for (int e = 0; e < co->nexc; e++)
        REACH((int)co->exctable[e].target,
              co->exctable[e].depth + co->exctable[e].lasti + 1);
    while (nwork > 0) {
        int i = work[--nwork];
        /* Follow the straight-line run from i. */
        for (;;) {
            int d = depth[i];
            ft_instr ins = co->instrs[i];
            int op = FT_INSTR_OP(ins), arg = (int)FT_INSTR_ARG(ins);
            int reach = stack_reach(op, arg);
            if (reach && (arg < (op == FT_OP_RERAISE ? 0 : 1) || reach > d)) {
                r = bad_code("stack operand out of range");
                goto done;
            }
            if (ft_opcode_argkind[op] == FT_ARG_JUMP)
                REACH(arg, d + ft_opcode_stack_effect(op, arg, 1));
            int nd = d + ft_opcode_stack_effect(op, arg, 0);
            if (nd < 0 || nd > co->stacksize) {
                r = bad_code("stack depth");
                goto done;
            }
            if (is_terminator(op))
                break;
            if (i + 1 >= n) {
                r = bad_code("falls off the end");
                goto done;
            }
            if (depth[i + 1] >= 0) {
                if (depth[i + 1] != nd) {
                    r = bad_code("inconsistent stack depth");
                    goto done;
                }
                break;
            }
            depth[++i] = nd;
        }
    }
#undef REACH
done:
    ft_mem_free(depth);
    return r;
}

int ft_marshal_validate_code(FtCode *co) {
    int n = co->ninstrs;
    int nconsts = (int)FT_SIZE(co->consts), nnames = (int)FT_SIZE(co->names);
    if (n <= 0 || co->stacksize < 0 || co->stacksize > 100000)
        return bad_code("sizes");
    if (co->argcount < 0 || co->posonlyargcount < 0 || co->kwonlyargcount < 0 ||
        co->posonlyargcount > co->argcount)
        return bad_code("argument counts");
    int nargs = co->argcount + co->kwonlyargcount + !!(co->flags & FT_CO_VARARGS) +
                !!(co->flags & FT_CO_VARKEYWORDS);
    if (nargs > co->nlocalsplus)
        return bad_code("argument counts");
    for (int i = 0; i < co->nlocalsplus; i++) {
        uint8_t k = co->localspluskinds[i];
        if (k == 0 || (k & ~(FT_LOCAL_KIND_LOCAL | FT_LOCAL_KIND_CELL | FT_LOCAL_KIND_FREE)))
            return bad_code("local kinds");
        if (i < nargs && !(k & FT_LOCAL_KIND_LOCAL))
            return bad_code("local kinds");
    }
    for (int i = 0; i < n; i++) {
        ft_instr ins = co->instrs[i];
        int op = FT_INSTR_OP(ins);
        int arg = (int)FT_INSTR_ARG(ins);
        if (op >= FT_OP_COUNT)
            return bad_code("opcode");
        switch (ft_opcode_argkind[op]) {
        case FT_ARG_CONST:
            if (arg >= nconsts)
                return bad_code("constant index");
            break;
        case FT_ARG_NAME:
            if (arg >= nnames)
                return bad_code("name index");
            break;
        case FT_ARG_LOCAL:
            if (arg >= co->nlocalsplus)
                return bad_code("local index");
            break;
        case FT_ARG_FREE:
            if (arg >= co->nlocalsplus ||
                !(co->localspluskinds[arg] & (FT_LOCAL_KIND_CELL | FT_LOCAL_KIND_FREE)))
                return bad_code("cell index");
            break;
        case FT_ARG_JUMP:
            if (arg >= n)
                return bad_code("jump target");
            break;
        case FT_ARG_CMP:
            if (arg > FT_GE)
                return bad_code("comparison");
            break;
        case FT_ARG_BINOP:
            if (arg >= FT_BINOP_COUNT)
                return bad_code("operator");
            break;
        default:
            break;
        }
        int limit = -1;
        switch (op) {
        case FT_OP_IS_OP: case FT_OP_CONTAINS_OP: case FT_OP_CALL_FUNCTION_EX:
            limit = 1;
            break;
        case FT_OP_RAISE_VARARGS:
            limit = 2;
            break;
        case FT_OP_BUILD_SLICE:
            if (arg < 2)
                return bad_code("argument");
            limit = 3;
            break;
        case FT_OP_FORMAT_VALUE:
            limit = 7;
            break;
        case FT_OP_MAKE_FUNCTION:
            limit = 15;
            break;
        case FT_OP_UNPACK_EX:
            limit = 0xFFFF;
            break;
        default:
            break;
        }
        if (limit >= 0 && arg > limit)
            return bad_code("argument");
    }
    for (int e = 0; e < co->nexc; e++) {
        FtExcEntry x = co->exctable[e];
        if (x.start >= x.end || x.end > (uint32_t)n || x.target >= (uint32_t)n ||
            x.lasti > 1 || x.depth > co->stacksize ||
            (e > 0 && x.start < co->exctable[e - 1].end))
            return bad_code("exception table");
    }
    for (int i = 0; i < n; i++) {
        FtPosition p = co->positions[i];
        if (p.line < -1 || p.end_line < -1 || p.col < -1 || p.end_col < -1)
            return bad_code("positions");
    }
    return check_stack(co);
}

/* ---- reading ------------------------------------------------------------------------------ */

typedef struct Reader {
    const uint8_t *p, *end;
    int depth;
    FtObject *filename;
} Reader;

static int eof(void) {
    ft_err_set_string(ft_exc_EOFError, "marshal data too short");
    return -1;
}

static int r_need(Reader *r, size_t n) {
    return (size_t)(r->end - r->p) < n ? eof() : 0;
}

static int r_u32(Reader *r, uint32_t *v) {
    if (r_need(r, 4) < 0)
        return -1;
    *v = (uint32_t)r->p[0] | (uint32_t)r->p[1] << 8 | (uint32_t)r->p[2] << 16 |
         (uint32_t)r->p[3] << 24;
    r->p += 4;
    return 0;
}

static int r_u64(Reader *r, uint64_t *v) {
    if (r_need(r, 8) < 0)
        return -1;
    *v = 0;
    for (int i = 7; i >= 0; i--)
        *v = (*v << 8) | r->p[i];
    r->p += 8;
    return 0;
}

static int r_double(Reader *r, double *d) {
    uint64_t v;
    if (r_u64(r, &v) < 0)
        return -1;
    memcpy(d, &v, 8);
    return 0;
}

static FtObject *bad_data(void) {
    ft_err_set_string(ft_exc_ValueError, "bad marshal data (unknown type code)");
    return NULL;
}

static FtObject *r_object(Reader *r);

/* A tuple of n objects; with `strs`, each must be a str (and is interned). */
static FtObject *r_tuple_body(Reader *r, int strs) {
    uint32_t n;
    if (r_u32(r, &n) < 0)
        return NULL;
    if (n > (size_t)(r->end - r->p)) {  /* every item takes at least one byte */
        eof();
        return NULL;
    }
    FtObject *t = ft_tuple_new(n);
    if (!t)
        return NULL;
    for (uint32_t i = 0; i < n; i++) {
        FtObject *item = r_object(r);
        if (!item) {
            for (uint32_t j = i; j < n; j++)
                FT_TUPLE_SET(t, j, NULL);
            FT_DECREF(t);
            return NULL;
        }
        if (strs) {
            if (FT_TYPE(item) != &ft_str_type) {
                FT_DECREF(item);
                item = NULL;
                ft_err_set_string(ft_exc_ValueError, "bad marshal data (name is not a str)");
            } else {
                item = ft_str_intern(item);
            }
        }
        FT_TUPLE_SET(t, i, item);
        if (!item) {
            for (uint32_t j = i + 1; j < n; j++)
                FT_TUPLE_SET(t, j, NULL);
            FT_DECREF(t);
            return NULL;
        }
    }
    return t;
}

static FtObject *r_typed(Reader *r, char type, int strs) {
    if (r_need(r, 1) < 0)
        return NULL;
    if (*r->p != (uint8_t)type) {
        ft_err_set_string(ft_exc_ValueError, "bad marshal data (unexpected type code)");
        return NULL;
    }
    if (type == '(') {
        r->p++;
        return r_tuple_body(r, strs);
    }
    FtObject *o = r_object(r);
    if (o && type == 'u' && FT_TYPE(o) != &ft_str_type)
        FT_CLEAR(o);
    return o;
}

static FtObject *r_str(Reader *r) {
    if (r_need(r, 1) < 0)
        return NULL;
    if (*r->p != 'u' && *r->p != 'a') {
        ft_err_set_string(ft_exc_ValueError, "bad marshal data (expected a str)");
        return NULL;
    }
    return r_object(r);
}

static FtObject *r_code(Reader *r) {
    uint32_t hdr[9];
    for (int i = 0; i < 9; i++)
        if (r_u32(r, &hdr[i]) < 0)
            return NULL;
    int32_t ninstrs = (int32_t)hdr[6], nexc = (int32_t)hdr[7], nlp = (int32_t)hdr[8];
    if (ninstrs <= 0 || nexc < 0 || nlp < 0 || ninstrs > (1 << 24) || nexc > (1 << 24) ||
        nlp > (1 << 24)) {
        bad_code("sizes");
        return NULL;
    }
    size_t need = (size_t)ninstrs * 20 + (size_t)nexc * 16 + (size_t)nlp;
    if (r_need(r, need) < 0)
        return NULL;
    ft_instr *instrs = ft_mem_alloc(sizeof(ft_instr) * (size_t)ninstrs);
    FtPosition *pos = ft_mem_alloc(sizeof(FtPosition) * (size_t)ninstrs);
    FtExcEntry *exc = ft_mem_alloc(sizeof(FtExcEntry) * (size_t)(nexc ? nexc : 1));
    uint8_t *kinds = ft_mem_alloc((size_t)(nlp ? nlp : 1));
    FtObject *consts = NULL, *names = NULL, *lpnames = NULL, *filename = NULL, *name = NULL,
             *qualname = NULL, *co = NULL;
    if (!instrs || !pos || !exc || !kinds) {
        ft_err_no_memory();
        goto done;
    }
    for (int i = 0; i < ninstrs; i++)
        r_u32(r, &instrs[i]);
    for (int i = 0; i < ninstrs; i++) {
        uint32_t v[4];
        for (int k = 0; k < 4; k++)
            r_u32(r, &v[k]);
        pos[i] = (FtPosition){ (int32_t)v[0], (int32_t)v[1], (int32_t)v[2], (int32_t)v[3] };
    }
    for (int i = 0; i < nexc; i++) {
        uint32_t dl;
        r_u32(r, &exc[i].start);
        r_u32(r, &exc[i].end);
        r_u32(r, &exc[i].target);
        r_u32(r, &dl);
        exc[i].depth = (uint16_t)dl;
        exc[i].lasti = (uint16_t)(dl >> 16);
    }
    memcpy(kinds, r->p, (size_t)nlp);
    r->p += nlp;
    if (!(consts = r_typed(r, '(', 0)) || !(names = r_typed(r, '(', 1)) ||
        !(lpnames = r_typed(r, '(', 1)) || !(filename = r_str(r)) || !(name = r_str(r)) ||
        !(qualname = r_str(r)))
        goto done;
    if (FT_SIZE(lpnames) != nlp) {
        bad_code("local names");
        goto done;
    }
    co = ft_code_new((int)hdr[0], (int)hdr[1], (int)hdr[2], (int)hdr[3], (int)hdr[4],
                     (int)hdr[5], instrs, pos, ninstrs, exc, nexc, consts, names, lpnames,
                     kinds, r->filename ? r->filename : filename, name, qualname);
    if (co && ft_marshal_validate_code((FtCode *)co) < 0)
        FT_CLEAR(co);
done:
    ft_mem_free(instrs);
    ft_mem_free(pos);
    ft_mem_free(exc);
    ft_mem_free(kinds);
    FT_XDECREF(consts);
    FT_XDECREF(names);
    FT_XDECREF(lpnames);
    FT_XDECREF(filename);
    FT_XDECREF(name);
    FT_XDECREF(qualname);
    return co;
}

static FtObject *r_object(Reader *r) {
    if (r_need(r, 1) < 0)
        return NULL;
    if (r->depth >= MAX_DEPTH) {
        ft_err_set_string(ft_exc_ValueError, "bad marshal data (too deeply nested)");
        return NULL;
    }
    r->depth++;
    char type = (char)*r->p++;
    FtObject *o = NULL;
    uint32_t n;
    switch (type) {
    case 'N': o = FT_NEWREF(FT_NONE); break;
    case 'T': o = FT_NEWREF(FT_TRUE); break;
    case 'F': o = FT_NEWREF(FT_FALSE); break;
    case '.': o = FT_NEWREF(FT_ELLIPSIS); break;
    case 'i': {
        uint64_t v;
        if (r_u64(r, &v) == 0)
            o = ft_int_from_i64((int64_t)v);
        break;
    }
    case 'g': {
        double d;
        if (r_double(r, &d) == 0)
            o = ft_float_from_double(d);
        break;
    }
    case 'y': {
        double re, im;
        if (r_double(r, &re) == 0 && r_double(r, &im) == 0)
            o = ft_complex_from_doubles(re, im);
        break;
    }
    case 'l': case 'u': case 'a': case 'b': case 'H': case 'B':
        if (r_u32(r, &n) < 0 || r_need(r, n) < 0)
            break;
        if (type == 'b') {
            o = ft_bytes_from_data(r->p, n);
        } else if (type == 'H') {
            o = find_helper((const char *)r->p, n);
        } else if (type == 'B') {
            FtObject *name = ft_str_from_utf8((const char *)r->p, n);
            FtObject *f = name ? ft_dict_get(ft_runtime.builtins_dict, name) : NULL;
            FT_XDECREF(name);
            if (f && FT_TYPE(f) == &ft_cfunction_type)
                o = FT_NEWREF(f);
            else if (!ft_err_occurred())
                o = bad_data();
        } else if (type == 'l') {
            /* hex text as ft_int_to_string(o, 16) writes it: -?0x[0-9a-f]+ */
            int ok = n >= 3 && n < 100000;
            for (uint32_t i = 0; ok && i < n; i++) {
                char c = (char)r->p[i];
                ok = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == 'x' ||
                     (c == '-' && i == 0);
            }
            o = ok ? ft_int_from_string((const char *)r->p, n, 0) : bad_data();
        } else {
            o = ft_str_from_utf8((const char *)r->p, n);
            if (o && type == 'a')
                o = ft_str_intern(o);
        }
        r->p += n;
        break;
    case 'w': {
        if (r_u32(r, &n) < 0 || n > (r->end - r->p) / 4) {
            eof();
            break;
        }
        uint32_t *cp = ft_mem_alloc(sizeof(uint32_t) * (n ? n : 1));
        if (!cp) {
            ft_err_no_memory();
            break;
        }
        int ok = 1;
        for (uint32_t i = 0; i < n; i++) {
            r_u32(r, &cp[i]);
            ok &= cp[i] <= 0x10FFFF;
        }
        o = ok ? ft_str_from_ucs4(cp, n) : bad_data();
        ft_mem_free(cp);
        break;
    }
    case '(':
        o = r_tuple_body(r, 0);
        break;
    case '[': {
        FtObject *t = r_tuple_body(r, 0);
        o = t ? ft_list_from_array(FT_TUPLE_ITEMS(t), FT_SIZE(t)) : NULL;
        FT_XDECREF(t);
        break;
    }
    case '{': {
        if (r_u32(r, &n) < 0 || n > (size_t)(r->end - r->p) / 2) {
            eof();
            break;
        }
        o = ft_dict_new();
        for (uint32_t i = 0; o && i < n; i++) {
            FtObject *k = r_object(r);
            FtObject *v = k ? r_object(r) : NULL;
            if (!v || ft_dict_set(o, k, v) < 0)
                FT_CLEAR(o);
            FT_XDECREF(k);
            FT_XDECREF(v);
        }
        break;
    }
    case '<':
    case '>': {
        FtObject *t = r_tuple_body(r, 0);
        if (t) {
            for (ssize_t i = 0; i < FT_SIZE(t); i++) {
                if (ft_object_hash(FT_TUPLE_GET(t, i)) == -1) {
                    FT_CLEAR(t);
                    break;
                }
            }
        }
        /* Items were written in iteration order: inserting them in that order into a fresh
         * set rebuilds the same table (the compiler's constant is built that way too). */
        o = t ? (type == '<' ? ft_set_new(t) : ft_frozenset_new(t)) : NULL;
        FT_XDECREF(t);
        break;
    }
    case 'c':
        o = r_code(r);
        break;
    default:
        o = bad_data();
        break;
    }
    r->depth--;
    return o;
}

FtObject *ft_marshal_loads(const char *data, size_t len, FtObject *filename, size_t *used) {
    Reader r = { (const uint8_t *)data, (const uint8_t *)data + len, 0, filename };
    FtObject *o = r_object(&r);
    if (o && used)
        *used = (size_t)(r.p - (const uint8_t *)data);
    return o;
}

uint32_t ft_marshal_magic(void) {
    /* FNV-1a over the version and the opcode names in order (with separators). */
    uint32_t h = 2166136261u;
    uint32_t v = FT_MARSHAL_VERSION;
    for (int i = 0; i < 4; i++) {
        h ^= (v >> (8 * i)) & 0xFF;
        h *= 16777619u;
    }
    for (int op = 0; op < FT_OP_COUNT; op++) {
        for (const char *s = ft_opcode_names[op]; *s; s++) {
            h ^= (uint8_t)*s;
            h *= 16777619u;
        }
        h ^= ';';
        h *= 16777619u;
    }
    return h;
}
