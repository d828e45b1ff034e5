/* The code generator (see codegen.h). Modeled on CPython 3.11's Python/compile.c: each code
 * unit (module, class body, function, lambda, comprehension) is compiled into a graph of
 * basic blocks; try/with/finally use the pseudo-instructions SETUP_FINALLY, SETUP_CLEANUP,
 * SETUP_WITH and POP_BLOCK, which the assembler turns into exception-table entries (each
 * instruction learns its handler by walking the graph with a stack of handlers, as
 * label_exception_targets does). The assembler then computes the exact stack depth,
 * drops dead blocks, pseudo-instructions, NOPs and jumps to the next instruction, lays the
 * blocks out and resolves jumps to absolute instruction indices.
 *
 * Differences from CPython's instruction sequences are those of ftpy's instruction set
 * (opcodes.def): no PRECALL/KW_NAMES (CALL_KW takes the names tuple from the stack), no
 * RESUME/RETURN_GENERATOR/MAKE_CELL/COPY_FREE_VARS (the VM sets up generators and cells),
 * RETURN_CONST, YIELD_FROM in the style of 3.10, annotations as a flat tuple. So `await x`
 * is GET_AWAITABLE, LOAD_CONST None, YIELD_FROM (where 3.11 has a SEND loop); async for /
 * async with / async comprehensions otherwise follow 3.11 (GET_AITER, GET_ANEXT under a
 * SETUP_FINALLY to END_ASYNC_FOR, BEFORE_ASYNC_WITH, ASYNC_GEN_WRAP before each yield of an
 * async generator). */
#include "core/compiler/codegen_impl.h"
#include "runtime/modules/stdio.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- errors --------------------------------------------------------------------------- */

int ft_cg_error(Compiler *c, const char *msg)
{
    FtPosition p = c->u ? c->u->loc : NO_POS;
    ft_syntax_error(ft_exc_SyntaxError, msg, c->filename, c->src, p.line, p.col, p.end_line,
                    p.end_col);
    return -1;
}

int ft_cg_error_fmt(Compiler *c, const char *fmt, FtObject *arg)
{
    FtObject *m = ft_str_from_format(fmt, arg);
    if (m == NULL)
        return -1;
    ft_cg_error(c, ft_str_as_utf8(m));
    FT_DECREF(m);
    return -1;
}

/* A compile-time SyntaxWarning, printed as the warnings module's default action does:
 * "file:line: SyntaxWarning: msg" and the stripped source line (none for "<string>"). */
static int compiler_warn(Compiler *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    FtObject *msg = ft_str_from_vformat(fmt, ap);
    va_end(ap);
    if (msg == NULL)
        return -1;
    int line = c->u->loc.line;
    FtObject *text = ft_str_from_format("%U:%d: SyntaxWarning: %U\n", c->filename, line, msg);
    FT_DECREF(msg);
    if (text == NULL)
        return -1;
    ft_stdio_write_stderr(ft_str_as_utf8(text));
    FT_DECREF(text);
    const char *fn = ft_str_as_utf8(c->filename);
    size_t fnlen = fn ? strlen(fn) : 0;
    if (c->src == NULL || line < 1 || (fnlen && fn[0] == '<' && fn[fnlen - 1] == '>'))
        return 0;
    const char *p = c->src;
    for (int l = 1; l < line && *p; p++)
        if (*p == '\n')
            l++;
    while (*p == ' ' || *p == '\t' || *p == '\f')
        p++;
    const char *end = p;
    while (*end && *end != '\n' && *end != '\r')
        end++;
    while (end > p && (end[-1] == ' ' || end[-1] == '\t'))
        end--;
    if (end == p)
        return 0;
    FtObject *piece = ft_str_from_utf8(p, end - p);
    if (piece == NULL) {
        ft_err_clear();
        return 0;
    }
    FtObject *out = ft_str_from_format("  %U\n", piece);
    FT_DECREF(piece);
    if (out) {
        ft_stdio_write_stderr(ft_str_as_utf8(out));
        FT_DECREF(out);
    }
    return 0;
}

/* The type CPython infers for a literal-ish expression (NULL when unknown). */
static const char *infer_type_name(expr_ty e)
{
    switch (e->kind) {
    case Tuple_kind: return "tuple";
    case List_kind:
    case ListComp_kind: return "list";
    case Dict_kind:
    case DictComp_kind: return "dict";
    case Set_kind:
    case SetComp_kind: return "set";
    case GeneratorExp_kind: return "generator";
    case Lambda_kind: return "function";
    case JoinedStr_kind:
    case FormattedValue_kind: return "str";
    case Constant_kind: return FT_TYPE(e->v.Constant.value)->tp_name;
    default: return NULL;
    }
}

static int check_caller(Compiler *c, expr_ty e)
{
    switch (e->kind) {
    case Constant_kind: case Tuple_kind: case List_kind: case ListComp_kind: case Dict_kind:
    case DictComp_kind: case Set_kind: case SetComp_kind: case GeneratorExp_kind:
    case JoinedStr_kind: case FormattedValue_kind:
        return compiler_warn(c, "'%.200s' object is not callable; perhaps you missed a comma?",
                             infer_type_name(e));
    default:
        return 0;
    }
}

static int check_subscripter(Compiler *c, expr_ty e)
{
    switch (e->kind) {
    case Constant_kind: {
        FtObject *v = e->v.Constant.value;
        if (!(v == FT_NONE || v == FT_ELLIPSIS || ft_int_check(v) || ft_float_check(v) ||
              ft_anyset_check(v) || strcmp(FT_TYPE(v)->tp_name, "complex") == 0))
            return 0;
    }
        /* fall through */
    case Set_kind: case SetComp_kind: case GeneratorExp_kind: case Lambda_kind:
        return compiler_warn(c, "'%.200s' object is not subscriptable; perhaps you missed a comma?",
                             infer_type_name(e));
    default:
        return 0;
    }
}

static int check_index(Compiler *c, expr_ty e, expr_ty s)
{
    const char *index_type = infer_type_name(s);
    if (index_type == NULL || (s->kind == Constant_kind && ft_int_check(s->v.Constant.value)))
        return 0;
    switch (e->kind) {
    case Constant_kind: {
        FtObject *v = e->v.Constant.value;
        if (!(ft_str_check(v) || ft_bytes_check(v) || ft_tuple_check(v)))
            return 0;
    }
        /* fall through */
    case Tuple_kind: case List_kind: case ListComp_kind: case JoinedStr_kind:
    case FormattedValue_kind:
        return compiler_warn(c, "%.200s indices must be integers or slices, not %.200s; "
                                "perhaps you missed a comma?", infer_type_name(e), index_type);
    default:
        return 0;
    }
}

/* Is `e` fine as an operand of `is`: not a constant, or a named singleton? */
static int check_is_arg(expr_ty e)
{
    if (e->kind != Constant_kind && !ft_cg_is_const(e))
        return 1;
    if (e->kind != Constant_kind)
        return 0;
    FtObject *v = e->v.Constant.value;
    return v == FT_NONE || v == FT_FALSE || v == FT_TRUE || v == FT_ELLIPSIS;
}

static int check_compare(Compiler *c, expr_ty e)
{
    int left = check_is_arg(e->v.Compare.left);
    for (ssize_t i = 0; i < asdl_seq_LEN(e->v.Compare.ops); i++) {
        cmpop_ty op = asdl_seq_GET(e->v.Compare.ops, i);
        int right = check_is_arg(asdl_seq_GET(e->v.Compare.comparators, i));
        if ((op == Is || op == IsNot) && (!right || !left))
            return compiler_warn(c, op == Is ? "\"is\" with a literal. Did you mean \"==\"?"
                                             : "\"is not\" with a literal. Did you mean \"!=\"?");
        left = right;
    }
    return 0;
}

/* ---- blocks and instructions ------------------------------------------------------------ */

Block *ft_cg_new_block(Compiler *c)
{
    Block *b = ft_mem_calloc(1, sizeof(Block));
    if (b == NULL)
        return NULL;
    b->list = c->u->blocks;
    c->u->blocks = b;
    b->startdepth = INT_MIN;
    return b;
}

void ft_cg_use_next_block(Compiler *c, Block *b)
{
    c->u->cur->next = b;
    c->u->cur = b;
}

static int block_add(Block *b, int op, int arg, Block *target, FtPosition pos)
{
    if (b->n == b->cap) {
        int ncap = b->cap ? b->cap * 2 : 8;
        Instr *ni = ft_mem_realloc(b->instrs, ncap * sizeof(Instr));
        if (ni == NULL)
            return -1;
        b->instrs = ni;
        b->cap = ncap;
    }
    b->instrs[b->n++] = (Instr){ op, arg, target, NULL, pos };
    return 0;
}

static int addop_full(Compiler *c, int op, int arg, Block *target)
{
    Unit *u = c->u;
    if (arg < 0 || arg > (int)FT_INSTR_MAX_ARG)
        return ft_cg_error(c, "too many constants, names or locals in one code object");
    RETURN_IF_ERROR(block_add(u->cur, op, arg, target, u->loc));
    /* A jump or terminator ends its block: what follows starts a new one (possibly dead). */
    if (is_jump_op(op) || is_terminator(op)) {
        Block *b = ft_cg_new_block(c);
        if (b == NULL)
            return -1;
        ft_cg_use_next_block(c, b);
    }
    return 0;
}

int ft_cg_addop(Compiler *c, int op, int arg) { return addop_full(c, op, arg, NULL); }
int ft_cg_addop_jump(Compiler *c, int op, Block *target) { return addop_full(c, op, 0, target); }


/* ---- constants and names ---------------------------------------------------------------- */

static FtObject *dict_index(FtObject *dict, FtObject *key, int *index)
{
    FtObject *v = ft_dict_get(dict, key);
    if (v) {
        *index = (int)ft_int_compact_value(v);
        return v;
    }
    *index = (int)ft_dict_size(dict);
    FtObject *i = ft_int_from_i64(*index);
    if (i == NULL)
        return NULL;
    int r = ft_dict_set(dict, key, i);
    FT_DECREF(i);
    return r < 0 ? NULL : i;
}

/* Key under which a constant is deduplicated: constants are merged only when they have the
 * same type and value (1, 1.0 and True stay apart; so do 0.0 and -0.0). */
static FtObject *const_key(FtObject *o)
{
    FtType *t = FT_TYPE(o);
    if (t == &ft_float_type) {
        double d = FT_FLOAT_VALUE(o);
        FtObject *bits = ft_bytes_from_data(&d, sizeof d);
        if (bits == NULL)
            return NULL;
        FtObject *k = ft_tuple_pack(2, (FtObject *)t, bits);
        FT_DECREF(bits);
        return k;
    }
    if (t == &ft_tuple_type) {
        ssize_t n = FT_SIZE(o);
        FtObject *items = ft_tuple_new(n);
        if (items == NULL)
            return NULL;
        for (ssize_t i = 0; i < n; i++) {
            FtObject *k = const_key(FT_TUPLE_GET(o, i));
            if (k == NULL) {
                FT_DECREF(items);
                return NULL;
            }
            FT_TUPLE_SET(items, i, k);
        }
        FtObject *k = ft_tuple_pack(3, (FtObject *)t, items, o);
        FT_DECREF(items);
        return k;
    }
    if (t == &ft_frozenset_type) {
        /* by the keys of the items, so that {1, 2} and {1.0, 2.0} stay apart */
        FtObject *keys = ft_list_new(0);
        if (keys == NULL)
            return NULL;
        ssize_t pos = 0;
        FtObject *item;
        ft_hash_t h;
        while (ft_set_next(o, &pos, &item, &h)) {
            FtObject *k = const_key(item);
            if (k == NULL || ft_list_append(keys, k) < 0) {
                FT_XDECREF(k);
                FT_DECREF(keys);
                return NULL;
            }
            FT_DECREF(k);
        }
        FtObject *fs = ft_frozenset_new(keys);
        FT_DECREF(keys);
        if (fs == NULL)
            return NULL;
        FtObject *k = ft_tuple_pack(3, (FtObject *)t, fs, o);
        FT_DECREF(fs);
        return k;
    }
    return ft_tuple_pack(2, (FtObject *)t, o);
}

int ft_cg_add_const(Compiler *c, FtObject *o)
{
    Unit *u = c->u;
    int index;
    if (ft_code_check(o)) {
        index = (int)FT_SIZE(u->consts);
        return ft_list_append(u->consts, o) < 0 ? -1 : index;
    }
    FtObject *key = const_key(o);
    if (key == NULL)
        return -1;
    FtObject *v = ft_dict_get(u->const_index, key);
    if (v) {
        FT_DECREF(key);
        return (int)ft_int_compact_value(v);
    }
    index = (int)FT_SIZE(u->consts);
    FtObject *i = ft_int_from_i64(index);
    int r = (i && ft_dict_set(u->const_index, key, i) == 0 && ft_list_append(u->consts, o) == 0)
                ? index : -1;
    FT_XDECREF(i);
    FT_DECREF(key);
    return r;
}

int ft_cg_addop_load_const(Compiler *c, FtObject *o)
{
    int i = ft_cg_add_const(c, o);
    RETURN_IF_ERROR(i);
    return ft_cg_addop(c, FT_OP_LOAD_CONST, i);
}

/* Steals o. */
int ft_cg_addop_load_const_new(Compiler *c, FtObject *o)
{
    if (o == NULL)
        return -1;
    int r = ft_cg_addop_load_const(c, o);
    FT_DECREF(o);
    return r;
}

static FtObject *mangle(Compiler *c, FtObject *name)
{
    return ft_symtable_mangle(c->u->private_name, name);
}

static int add_name(Compiler *c, FtObject *name)
{
    FtObject *m = mangle(c, name);
    if (m == NULL)
        return -1;
    int index;
    FtObject *r = dict_index(c->u->names, m, &index);
    FT_DECREF(m);
    return r ? index : -1;
}

static int addop_name(Compiler *c, int op, FtObject *name)
{
    int i = add_name(c, name);
    RETURN_IF_ERROR(i);
    return ft_cg_addop(c, op, i);
}

#define ADDOP_NAME(c, op, o) RETURN_IF_ERROR(addop_name(c, op, o))


static FtObject *id_str(const char *s) { return ft_str_intern_cstr(s); }

/* ---- units ---------------------------------------------------------------------------- */

/* Names of `symbols` whose scope is `scope` or that carry `flag`, sorted, numbered from
 * `offset` (CPython's dictbytype). */
static FtObject *dict_by_type(FtObject *symbols, int scope, long flag, int offset)
{
    FtObject *names = ft_list_new(0), *result = ft_dict_new();
    if (names == NULL || result == NULL)
        goto error;
    ssize_t pos = 0;
    FtObject *k, *v;
    while (ft_dict_next(symbols, &pos, &k, &v)) {
        long f = (long)ft_int_compact_value(v);
        if (((f >> FT_SCOPE_OFFSET) & FT_SCOPE_MASK) == scope || (f & flag))
            if (ft_list_append(names, k) < 0)
                goto error;
    }
    if (ft_list_sort(names, NULL, 0) < 0)
        goto error;
    for (ssize_t i = 0; i < FT_SIZE(names); i++) {
        int idx;
        (void)idx;
        FtObject *n = ft_int_from_i64(offset + i);
        if (n == NULL || ft_dict_set(result, FT_LIST_GET(names, i), n) < 0) {
            FT_XDECREF(n);
            goto error;
        }
        FT_DECREF(n);
    }
    FT_DECREF(names);
    return result;
error:
    FT_XDECREF(names);
    FT_XDECREF(result);
    return NULL;
}

static void unit_free(Unit *u)
{
    Block *b = u->blocks;
    while (b) {
        Block *next = b->list;
        ft_mem_free(b->instrs);
        ft_mem_free(b->exstack);
        ft_mem_free(b);
        b = next;
    }
    FT_XDECREF(u->name);
    FT_XDECREF(u->qualname);
    FT_XDECREF(u->consts);
    FT_XDECREF(u->const_index);
    FT_XDECREF(u->names);
    FT_XDECREF(u->varnames);
    FT_XDECREF(u->cellvars);
    FT_XDECREF(u->freevars);
    ft_mem_free(u);
}

static int set_qualname(Compiler *c)
{
    Unit *u = c->u, *parent = u->parent;
    FtObject *base = NULL;
    if (parent && parent->scope_type != SCOPE_MODULE) {
        int force_global = 0;
        if (u->scope_type == SCOPE_FUNCTION || u->scope_type == SCOPE_CLASS) {
            FtObject *m = ft_symtable_mangle(parent->private_name, u->name);
            if (m == NULL)
                return -1;
            if (ft_symtable_scope(parent->ste, m) == FT_SCOPE_GLOBAL_EXPLICIT)
                force_global = 1;
            FT_DECREF(m);
        }
        if (!force_global) {
            if (parent->scope_type == SCOPE_FUNCTION || parent->scope_type == SCOPE_LAMBDA)
                base = ft_str_from_format("%U.<locals>", parent->qualname);
            else
                base = FT_NEWREF(parent->qualname);
            if (base == NULL)
                return -1;
        }
    }
    if (base) {
        u->qualname = ft_str_from_format("%U.%U", base, u->name);
        FT_DECREF(base);
        return u->qualname ? 0 : -1;
    }
    u->qualname = FT_NEWREF(u->name);
    return 0;
}

static int enter_scope(Compiler *c, FtObject *name, int scope_type, const void *key,
                       int lineno)
{
    Unit *u = ft_mem_calloc(1, sizeof(Unit));
    if (u == NULL)
        return -1;
    u->parent = c->u;
    u->scope_type = scope_type;
    u->name = FT_NEWREF(name);
    u->ste = ft_symtable_lookup(c->st, key);
    u->firstlineno = lineno;
    u->loc = (FtPosition){ lineno, lineno, -1, -1 };
    u->private_name = c->u ? c->u->private_name : NULL;
    c->u = u;
    if (u->ste == NULL) {
        ft_err_set_string(ft_exc_SystemError, "compiler: no symbol table entry for a block");
        return -1;
    }
    u->consts = ft_list_new(0);
    u->const_index = ft_dict_new();
    u->names = ft_dict_new();
    u->varnames = ft_dict_new();
    if (!u->consts || !u->const_index || !u->names || !u->varnames)
        return -1;
    for (ssize_t i = 0; i < FT_SIZE(u->ste->varnames); i++) {
        int idx;
        if (dict_index(u->varnames, FT_LIST_GET(u->ste->varnames, i), &idx) == NULL)
            return -1;
    }
    u->cellvars = dict_by_type(u->ste->symbols, FT_SCOPE_CELL, 0, 0);
    if (u->cellvars == NULL)
        return -1;
    if (u->ste->needs_class_closure) {
        /* The implicit __class__ cell of a class body (the only cell a class has). */
        FtObject *cls = id_str("__class__");
        int idx;
        if (cls == NULL || dict_index(u->cellvars, cls, &idx) == NULL)
            return -1;
    }
    u->freevars = dict_by_type(u->ste->symbols, FT_SCOPE_FREE, FT_DEF_FREE_CLASS,
                               (int)ft_dict_size(u->cellvars));
    if (u->freevars == NULL)
        return -1;
    Block *b = ft_cg_new_block(c);
    if (b == NULL)
        return -1;
    u->entry = u->cur = b;
    c->nestlevel++;
    if (scope_type != SCOPE_MODULE)
        RETURN_IF_ERROR(set_qualname(c));
    return 0;
}

static void exit_scope(Compiler *c)
{
    Unit *u = c->u;
    c->nestlevel--;
    c->u = u->parent;
    unit_free(u);
}

/* ---- fblocks -------------------------------------------------------------------------- */

static int push_fblock(Compiler *c, int type, Block *b, Block *exit, const void *datum)
{
    Unit *u = c->u;
    if (u->nfblocks >= MAXBLOCKS)
        return ft_cg_error(c, "too many statically nested blocks");
    u->fblocks[u->nfblocks++] = (FBlock){ type, b, exit, datum };
    return 0;
}

static void pop_fblock(Compiler *c) { c->u->nfblocks--; }

/* ---- forward declarations --------------------------------------------------------------- */

static int visit_stmt(Compiler *c, stmt_ty s);

/* ---- constant folding ----------------------------------------------------------------- */

static int binop_arg(operator_ty op, int inplace);

/* Limits of CPython's AST optimizer: results that could be huge are not folded. */
#define MAX_INT_SIZE 128    /* bits */
#define MAX_STR_SIZE 4096   /* characters or bytes */

/* a op b for two constants, as CPython's fold_binop (with its safe_* size limits): new ref,
 * or NULL with an exception set or not (either way: do not fold). */
static FtObject *fold_binop(FtObject *a, FtObject *b, operator_ty op)
{
    int ia = ft_int_check(a), ib = ft_int_check(b);
    switch (op) {
    case Mult:
        if (ia && ib && ft_int_sign(a) && ft_int_sign(b)) {
            if (ft_int_bit_length(a) + ft_int_bit_length(b) > MAX_INT_SIZE)
                return NULL;
        } else if ((ia && (ft_str_check(b) || ft_bytes_check(b))) ||
                   (ib && (ft_str_check(a) || ft_bytes_check(a)))) {
            FtObject *n = ia ? a : b, *s = ia ? b : a;
            ssize_t size = FT_SIZE(s);
            if (size) {
                ssize_t k = ft_int_as_ssize(n);
                if (k < 0 || k > MAX_STR_SIZE / size)
                    return NULL;
            }
        } else if ((ia && (ft_tuple_check(b) || ft_anyset_check(b))) ||
                   (ib && (ft_tuple_check(a) || ft_anyset_check(a)))) {
            return NULL; /* repeated collections: left to run time */
        }
        break;
    case Pow:
        if (ia && ib && ft_int_sign(a) && ft_int_sign(b) > 0) {
            ssize_t wbits = ft_int_as_ssize(b);
            if (wbits < 0 || ft_int_bit_length(a) > (size_t)(MAX_INT_SIZE / wbits))
                return NULL;
        }
        return ft_number_power(a, b, FT_NONE);
    case LShift:
        if (ia && ib && ft_int_sign(a) && ft_int_sign(b)) {
            ssize_t wbits = ft_int_as_ssize(b);
            size_t vbits = ft_int_bit_length(a);
            if (wbits < 0 || wbits > MAX_INT_SIZE || vbits > (size_t)(MAX_INT_SIZE - wbits))
                return NULL;
        }
        break;
    case Mod:
        if (ft_str_check(a) || ft_bytes_check(a))
            return NULL; /* %-formatting stays at run time */
        break;
    case MatMult:
        return NULL;
    default:
        break;
    }
    return ft_number_binop(a, b, binop_arg(op, 0));
}

/* The constant value of an expression the AST optimizer of CPython would fold (constants,
 * unary operators and binary operators on constants, tuples of constants, subscripts of
 * constants): new ref, or NULL (no error) when not constant. */
static FtObject *fold_const(expr_ty e)
{
    switch (e->kind) {
    case BinOp_kind: {
        FtObject *l = fold_const(e->v.BinOp.left);
        if (l == NULL)
            return NULL;
        FtObject *r = fold_const(e->v.BinOp.right);
        if (r == NULL) {
            FT_DECREF(l);
            return NULL;
        }
        FtObject *v = fold_binop(l, r, e->v.BinOp.op);
        FT_DECREF(l);
        FT_DECREF(r);
        if (v == NULL)
            ft_err_clear();
        return v;
    }
    case Subscript_kind: {
        if (e->v.Subscript.ctx != Load || e->v.Subscript.slice->kind == Slice_kind)
            return NULL;
        FtObject *container = fold_const(e->v.Subscript.value);
        if (container == NULL)
            return NULL;
        FtObject *index = fold_const(e->v.Subscript.slice);
        FtObject *v = index ? ft_object_getitem(container, index) : NULL;
        FT_DECREF(container);
        FT_XDECREF(index);
        if (v == NULL)
            ft_err_clear();
        return v;
    }
    case Constant_kind:
        return FT_NEWREF(e->v.Constant.value);
    case UnaryOp_kind: {
        FtObject *v = fold_const(e->v.UnaryOp.operand);
        if (v == NULL)
            return NULL;
        FtObject *r = NULL;
        switch (e->v.UnaryOp.op) {
        case USub: r = ft_number_negative(v); break;
        case UAdd: r = ft_number_positive(v); break;
        case Invert: r = ft_number_invert(v); break;
        case Not: {
            int t = ft_object_not(v);
            r = t < 0 ? NULL : ft_bool_from(t);
            break;
        }
        }
        if (r == NULL)
            ft_err_clear();
        FT_DECREF(v);
        return r;
    }
    case Tuple_kind: {
        if (e->v.Tuple.ctx != Load)
            return NULL;
        ssize_t n = asdl_seq_LEN(e->v.Tuple.elts);
        FtObject *t = ft_tuple_new(n);
        if (t == NULL) {
            ft_err_clear();
            return NULL;
        }
        for (ssize_t i = 0; i < n; i++) {
            FtObject *v = fold_const(asdl_seq_GET(e->v.Tuple.elts, i));
            if (v == NULL) {
                FT_DECREF(t);
                return NULL;
            }
            FT_TUPLE_SET(t, i, v);
        }
        return t;
    }
    default:
        return NULL;
    }
}

int ft_cg_is_const(expr_ty e)
{
    if (e->kind == Constant_kind)
        return 1;
    if (e->kind != UnaryOp_kind && e->kind != Tuple_kind && e->kind != BinOp_kind &&
        e->kind != Subscript_kind)
        return 0;
    FtObject *v = fold_const(e);
    if (v == NULL)
        return 0;
    FT_DECREF(v);
    return 1;
}

static int are_all_items_const(asdl_expr_seq *seq, ssize_t begin, ssize_t end)
{
    for (ssize_t i = begin; i < end; i++) {
        expr_ty e = asdl_seq_GET(seq, i);
        if (e == NULL || !ft_cg_is_const(e))
            return 0;
    }
    return 1;
}

/* ---- names ---------------------------------------------------------------------------- */

/* __debug__ cannot be bound or deleted (CPython's forbidden_name): -1 with SyntaxError. */
static int forbidden_name(Compiler *c, FtObject *name, expr_context_ty ctx)
{
    if (ctx == Load || !ft_str_eq_cstr(name, "__debug__"))
        return 0;
    return ft_cg_error(c, ctx == Store ? "cannot assign to __debug__" : "cannot delete __debug__");
}

static int check_debug_args_seq(Compiler *c, asdl_arg_seq *args)
{
    for (ssize_t i = 0; i < asdl_seq_LEN(args); i++)
        RETURN_IF_ERROR(forbidden_name(c, asdl_seq_GET(args, i)->arg, Store));
    return 0;
}

static int check_debug_args(Compiler *c, arguments_ty args)
{
    RETURN_IF_ERROR(check_debug_args_seq(c, args->posonlyargs));
    RETURN_IF_ERROR(check_debug_args_seq(c, args->args));
    if (args->vararg)
        RETURN_IF_ERROR(forbidden_name(c, args->vararg->arg, Store));
    RETURN_IF_ERROR(check_debug_args_seq(c, args->kwonlyargs));
    if (args->kwarg)
        RETURN_IF_ERROR(forbidden_name(c, args->kwarg->arg, Store));
    return 0;
}

int ft_cg_nameop(Compiler *c, FtObject *name, expr_context_ty ctx)
{
    RETURN_IF_ERROR(forbidden_name(c, name, ctx));
    Unit *u = c->u;
    if (ctx == Load && ft_str_eq_cstr(name, "__debug__"))
        return ft_cg_addop_load_const(c, c->optimize ? FT_FALSE : FT_TRUE);
    FtObject *mangled = mangle(c, name);
    if (mangled == NULL)
        return -1;
    enum { OP_NAME, OP_FAST, OP_GLOBAL, OP_DEREF } optype = OP_NAME;
    int scope = ft_symtable_scope(u->ste, mangled);
    FtObject *dict = NULL;
    int is_func = u->ste->type == FT_BLOCK_FUNCTION;
    switch (scope) {
    case FT_SCOPE_FREE:
        dict = u->freevars;
        optype = OP_DEREF;
        break;
    case FT_SCOPE_CELL:
        dict = u->cellvars;
        optype = OP_DEREF;
        break;
    case FT_SCOPE_LOCAL:
        if (is_func)
            optype = OP_FAST;
        break;
    case FT_SCOPE_GLOBAL_IMPLICIT:
        if (is_func)
            optype = OP_GLOBAL;
        break;
    case FT_SCOPE_GLOBAL_EXPLICIT:
        optype = OP_GLOBAL;
        break;
    default:
        break;
    }
    int op = 0, arg = 0;
    FtObject *v;
    switch (optype) {
    case OP_DEREF:
        v = ft_dict_get(dict, mangled);
        if (v == NULL) {
            FT_DECREF(mangled);
            ft_err_set_string(ft_exc_SystemError, "compiler: cell variable not found");
            return -1;
        }
        arg = (int)ft_int_compact_value(v);
        op = ctx == Load ? (u->ste->type == FT_BLOCK_CLASS ? FT_OP_LOAD_CLASSDEREF : FT_OP_LOAD_DEREF)
           : ctx == Store ? FT_OP_STORE_DEREF : FT_OP_DELETE_DEREF;
        break;
    case OP_FAST:
        if (dict_index(u->varnames, mangled, &arg) == NULL) {
            FT_DECREF(mangled);
            return -1;
        }
        op = ctx == Load ? FT_OP_LOAD_FAST : ctx == Store ? FT_OP_STORE_FAST : FT_OP_DELETE_FAST;
        break;
    case OP_GLOBAL:
    case OP_NAME:
        if (dict_index(u->names, mangled, &arg) == NULL) {
            FT_DECREF(mangled);
            return -1;
        }
        if (optype == OP_GLOBAL)
            op = ctx == Load ? FT_OP_LOAD_GLOBAL : ctx == Store ? FT_OP_STORE_GLOBAL
                                                                 : FT_OP_DELETE_GLOBAL;
        else
            op = ctx == Load ? FT_OP_LOAD_NAME : ctx == Store ? FT_OP_STORE_NAME
                                                               : FT_OP_DELETE_NAME;
        break;
    }
    FT_DECREF(mangled);
    return ft_cg_addop(c, op, arg);
}

/* ---- statements: helpers -------------------------------------------------------------- */

static FtObject *get_docstring(asdl_stmt_seq *body)
{
    if (asdl_seq_LEN(body) == 0)
        return NULL;
    stmt_ty s = asdl_seq_GET(body, 0);
    if (s->kind != Expr_kind)
        return NULL;
    expr_ty e = s->v.Expr.value;
    if (e->kind == Constant_kind && ft_str_check(e->v.Constant.value))
        return e->v.Constant.value;
    return NULL;
}

/* Does a module or class body contain an annotated assignment (outside nested scopes)? */
static int find_ann(asdl_stmt_seq *stmts)
{
    for (ssize_t i = 0; i < asdl_seq_LEN(stmts); i++) {
        stmt_ty s = asdl_seq_GET(stmts, i);
        int r = 0;
        switch (s->kind) {
        case AnnAssign_kind:
            return 1;
        case For_kind:
        case AsyncFor_kind:
            r = find_ann(s->v.For.body) || find_ann(s->v.For.orelse);
            break;
        case While_kind:
            r = find_ann(s->v.While.body) || find_ann(s->v.While.orelse);
            break;
        case If_kind:
            r = find_ann(s->v.If.body) || find_ann(s->v.If.orelse);
            break;
        case With_kind:
        case AsyncWith_kind:
            r = find_ann(s->v.With.body);
            break;
        case Try_kind:
        case TryStar_kind:
            for (ssize_t j = 0; j < asdl_seq_LEN(s->v.Try.handlers); j++)
                if (find_ann(asdl_seq_GET(s->v.Try.handlers, j)->v.ExceptHandler.body))
                    return 1;
            r = find_ann(s->v.Try.body) || find_ann(s->v.Try.finalbody) ||
                find_ann(s->v.Try.orelse);
            break;
        case Match_kind:
            for (ssize_t j = 0; j < asdl_seq_LEN(s->v.Match.cases); j++)
                if (find_ann(asdl_seq_GET(s->v.Match.cases, j)->body))
                    return 1;
            break;
        default:
            break;
        }
        if (r)
            return 1;
    }
    return 0;
}

/* Module and class bodies: SETUP_ANNOTATIONS, the docstring as __doc__, the statements. */
static int compiler_body(Compiler *c, asdl_stmt_seq *stmts)
{
    ssize_t i = 0;
    if (c->u->scope_type == SCOPE_MODULE && asdl_seq_LEN(stmts))
        SET_LOC(c, asdl_seq_GET(stmts, 0));
    if (find_ann(stmts))
        ADDOP(c, FT_OP_SETUP_ANNOTATIONS);
    if (asdl_seq_LEN(stmts) == 0)
        return 0;
    if (c->optimize < 2) {
        FtObject *doc = get_docstring(stmts);
        if (doc) {
            i = 1;
            stmt_ty st = asdl_seq_GET(stmts, 0);
            RETURN_IF_ERROR(ft_cg_visit_expr(c, st->v.Expr.value));
            UNSET_LOC(c);
            RETURN_IF_ERROR(ft_cg_nameop(c, id_str("__doc__"), Store));
        }
    }
    for (; i < asdl_seq_LEN(stmts); i++)
        RETURN_IF_ERROR(visit_stmt(c, asdl_seq_GET(stmts, i)));
    return 0;
}

int ft_cg_visit_stmts(Compiler *c, asdl_stmt_seq *seq)
{
    for (ssize_t i = 0; i < asdl_seq_LEN(seq); i++)
        RETURN_IF_ERROR(visit_stmt(c, asdl_seq_GET(seq, i)));
    return 0;
}

static int visit_exprs(Compiler *c, asdl_expr_seq *seq)
{
    for (ssize_t i = 0; i < asdl_seq_LEN(seq); i++)
        RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(seq, i)));
    return 0;
}

/* ---- functions, lambdas, classes ----------------------------------------------------- */

static int get_ref_type(Compiler *c, FtObject *name)
{
    if (c->u->scope_type == SCOPE_CLASS && ft_str_eq_cstr(name, "__class__"))
        return FT_SCOPE_CELL;
    int scope = ft_symtable_scope(c->u->ste, name);
    if (scope == 0) {
        ft_err_format(ft_exc_SystemError, "compiler: no scope for free variable '%U' in %U",
                      name, c->u->name);
        return -1;
    }
    return scope;
}

/* Push a function made from `co` (consumed: the constant keeps it alive), with the closure
 * of its free variables when it has any. */
static int make_closure(Compiler *c, FtObject *co, int flags)
{
    FtCode *code = (FtCode *)co;
    if (code->nfrees) {
        for (int i = 0; i < code->nlocalsplus; i++) {
            if (!(code->localspluskinds[i] & FT_LOCAL_KIND_FREE))
                continue;
            FtObject *name = FT_TUPLE_GET(code->localsplusnames, i);
            int reftype = get_ref_type(c, name);
            RETURN_IF_ERROR(reftype);
            FtObject *v = ft_dict_get(reftype == FT_SCOPE_CELL ? c->u->cellvars : c->u->freevars,
                                      name);
            if (v == NULL) {
                ft_err_format(ft_exc_SystemError,
                              "compiler: free variable '%U' of %U not found in %U", name,
                              code->name, c->u->name);
                return -1;
            }
            ADDOP_I(c, FT_OP_LOAD_CLOSURE, (int)ft_int_compact_value(v));
        }
        flags |= 0x08;
        ADDOP_I(c, FT_OP_BUILD_TUPLE, code->nfrees);
    }
    ADDOP_LOAD_CONST(c, co);
    ADDOP_I(c, FT_OP_MAKE_FUNCTION, flags);
    return 0;
}

static int compiler_decorators(Compiler *c, asdl_expr_seq *decos)
{
    return visit_exprs(c, decos);
}

static int compiler_apply_decorators(Compiler *c, asdl_expr_seq *decos)
{
    FtPosition old = c->u->loc;
    for (ssize_t i = asdl_seq_LEN(decos) - 1; i >= 0; i--) {
        SET_LOC(c, asdl_seq_GET(decos, i));
        /* [decorator, function]: CALL 0 sees the function in the `self` slot */
        ADDOP_I(c, FT_OP_CALL, 0);
    }
    c->u->loc = old;
    return 0;
}

/* Push a dict of keyword-only defaults: 1 when pushed, 0 when there are none, -1 error. */
static int visit_kwonlydefaults(Compiler *c, asdl_arg_seq *kwonlyargs,
                                asdl_expr_seq *kw_defaults)
{
    FtObject *keys = NULL;
    for (ssize_t i = 0; i < asdl_seq_LEN(kwonlyargs); i++) {
        arg_ty arg = asdl_seq_GET(kwonlyargs, i);
        expr_ty dflt = i < asdl_seq_LEN(kw_defaults) ? asdl_seq_GET(kw_defaults, i) : NULL;
        if (dflt == NULL)
            continue;
        FtObject *m = mangle(c, arg->arg);
        if (m == NULL)
            goto error;
        if (keys == NULL && (keys = ft_list_new(0)) == NULL) {
            FT_DECREF(m);
            goto error;
        }
        int r = ft_list_append(keys, m);
        FT_DECREF(m);
        if (r < 0 || ft_cg_visit_expr(c, dflt) < 0)
            goto error;
    }
    if (keys == NULL)
        return 0;
    ssize_t n = FT_SIZE(keys);
    FtObject *t = ft_list_as_tuple(keys);
    FT_DECREF(keys);
    RETURN_IF_ERROR(ft_cg_addop_load_const_new(c, t));
    ADDOP_I(c, FT_OP_BUILD_CONST_KEY_MAP, (int)n);
    return 1;
error:
    FT_XDECREF(keys);
    return -1;
}

static int default_arguments(Compiler *c, arguments_ty args)
{
    int flags = 0;
    if (asdl_seq_LEN(args->defaults) > 0) {
        RETURN_IF_ERROR(visit_exprs(c, args->defaults));
        ADDOP_I(c, FT_OP_BUILD_TUPLE, (int)asdl_seq_LEN(args->defaults));
        flags |= 0x01;
    }
    if (asdl_seq_LEN(args->kwonlyargs)) {
        int r = visit_kwonlydefaults(c, args->kwonlyargs, args->kw_defaults);
        RETURN_IF_ERROR(r);
        if (r > 0)
            flags |= 0x02;
    }
    return flags;
}

/* The source text of an expression: what `from __future__ import annotations` stores. */
static FtObject *expr_source(Compiler *c, expr_ty e)
{
    const char *p = c->src;
    if (p == NULL)
        return ft_str_from_cstr("");
    for (int line = 1; line < e->lineno && *p; p++)
        if (*p == '\n')
            line++;
    const char *start = p + e->col_offset;
    const char *q = p;
    for (int line = e->lineno; line < e->end_lineno && *q; q++)
        if (*q == '\n')
            line++;
    const char *end = q + e->end_col_offset;
    if (end < start)
        end = start;
    return ft_str_from_utf8(start, end - start);
}

static int visit_annexpr(Compiler *c, expr_ty annotation)
{
    if (c->future_annotations)
        return ft_cg_addop_load_const_new(c, expr_source(c, annotation));
    if (annotation->kind == Starred_kind) {
        /* *args: *Ts */
        RETURN_IF_ERROR(ft_cg_visit_expr(c, annotation->v.Starred.value));
        ADDOP_I(c, FT_OP_UNPACK_SEQUENCE, 1);
        return 0;
    }
    return ft_cg_visit_expr(c, annotation);
}

static int visit_argannotation(Compiler *c, FtObject *id, expr_ty annotation, int *len)
{
    if (annotation == NULL)
        return 0;
    RETURN_IF_ERROR(ft_cg_addop_load_const_new(c, mangle(c, id)));
    RETURN_IF_ERROR(visit_annexpr(c, annotation));
    *len += 2;
    return 0;
}

static int visit_argannotations(Compiler *c, asdl_arg_seq *args, int *len)
{
    for (ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        RETURN_IF_ERROR(visit_argannotation(c, a->arg, a->annotation, len));
    }
    return 0;
}

/* Push the annotations as a tuple (name, value, name, value, ...): 1 pushed, 0 none. */
static int visit_annotations(Compiler *c, arguments_ty args, expr_ty returns)
{
    int len = 0;
    RETURN_IF_ERROR(visit_argannotations(c, args->args, &len));
    RETURN_IF_ERROR(visit_argannotations(c, args->posonlyargs, &len));
    if (args->vararg)
        RETURN_IF_ERROR(visit_argannotation(c, args->vararg->arg, args->vararg->annotation, &len));
    RETURN_IF_ERROR(visit_argannotations(c, args->kwonlyargs, &len));
    if (args->kwarg)
        RETURN_IF_ERROR(visit_argannotation(c, args->kwarg->arg, args->kwarg->annotation, &len));
    RETURN_IF_ERROR(visit_argannotation(c, id_str("return"), returns, &len));
    if (len) {
        ADDOP_I(c, FT_OP_BUILD_TUPLE, len);
        return 1;
    }
    return 0;
}

static int compiler_function(Compiler *c, stmt_ty s)
{
    FtObject *name = s->v.FunctionDef.name;
    arguments_ty args = s->v.FunctionDef.args;
    asdl_expr_seq *decos = s->v.FunctionDef.decorator_list;
    asdl_stmt_seq *body = s->v.FunctionDef.body;

    RETURN_IF_ERROR(check_debug_args(c, args));
    RETURN_IF_ERROR(compiler_decorators(c, decos));
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(decos))
        firstlineno = asdl_seq_GET(decos, 0)->lineno;
    int flags = default_arguments(c, args);
    RETURN_IF_ERROR(flags);
    int ann = visit_annotations(c, args, s->v.FunctionDef.returns);
    RETURN_IF_ERROR(ann);
    if (ann)
        flags |= 0x04;

    RETURN_IF_ERROR(enter_scope(c, name, SCOPE_FUNCTION, s, firstlineno));
    c->u->is_async = s->kind == AsyncFunctionDef_kind;
    FtObject *doc = c->optimize < 2 ? get_docstring(body) : NULL;
    /* The docstring (or None) is always the first constant: function objects take their
     * __doc__ from it. */
    if (ft_cg_add_const(c, doc ? doc : FT_NONE) < 0)
        goto error;
    c->u->argcount = (int)asdl_seq_LEN(args->args);
    c->u->posonlyargcount = (int)asdl_seq_LEN(args->posonlyargs);
    c->u->kwonlyargcount = (int)asdl_seq_LEN(args->kwonlyargs);
    for (ssize_t i = doc ? 1 : 0; i < asdl_seq_LEN(body); i++)
        if (visit_stmt(c, asdl_seq_GET(body, i)) < 0)
            goto error;
    FtObject *co = ft_cg_assemble(c, 1);
    exit_scope(c);
    if (co == NULL)
        return -1;
    int r = make_closure(c, co, flags);
    FT_DECREF(co);
    RETURN_IF_ERROR(r);
    RETURN_IF_ERROR(compiler_apply_decorators(c, decos));
    return ft_cg_nameop(c, name, Store);
error:
    exit_scope(c);
    return -1;
}

static int compiler_call_helper(Compiler *c, int n, asdl_expr_seq *args,
                                asdl_keyword_seq *keywords);

static int compiler_class(Compiler *c, stmt_ty s)
{
    asdl_expr_seq *decos = s->v.ClassDef.decorator_list;
    RETURN_IF_ERROR(compiler_decorators(c, decos));
    int firstlineno = s->lineno;
    if (asdl_seq_LEN(decos))
        firstlineno = asdl_seq_GET(decos, 0)->lineno;

    RETURN_IF_ERROR(enter_scope(c, s->v.ClassDef.name, SCOPE_CLASS, s, firstlineno));
    c->u->private_name = s->v.ClassDef.name;
    if (ft_cg_nameop(c, id_str("__name__"), Load) < 0 ||
        ft_cg_nameop(c, id_str("__module__"), Store) < 0 ||
        ft_cg_addop_load_const(c, c->u->qualname) < 0 ||
        ft_cg_nameop(c, id_str("__qualname__"), Store) < 0 ||
        compiler_body(c, s->v.ClassDef.body) < 0)
        goto error;
    UNSET_LOC(c);
    if (c->u->ste->needs_class_closure) {
        /* Return the __class__ cell (also stored as __classcell__) for type.__new__. */
        FtObject *v = ft_dict_get(c->u->cellvars, id_str("__class__"));
        if (ft_cg_addop(c, FT_OP_LOAD_CLOSURE, (int)ft_int_compact_value(v)) < 0 ||
            ft_cg_addop(c, FT_OP_COPY, 1) < 0 ||
            ft_cg_nameop(c, id_str("__classcell__"), Store) < 0 ||
            ft_cg_addop(c, FT_OP_RETURN_VALUE, 0) < 0)
            goto error;
    } else {
        if (ft_cg_addop(c, FT_OP_RETURN_CONST, ft_cg_add_const(c, FT_NONE)) < 0)
            goto error;
    }
    FtObject *co = ft_cg_assemble(c, 0);
    exit_scope(c);
    if (co == NULL)
        return -1;

    ADDOP(c, FT_OP_PUSH_NULL);
    ADDOP(c, FT_OP_LOAD_BUILD_CLASS);
    int r = make_closure(c, co, 0);
    FT_DECREF(co);
    RETURN_IF_ERROR(r);
    ADDOP_LOAD_CONST(c, s->v.ClassDef.name);
    RETURN_IF_ERROR(compiler_call_helper(c, 2, s->v.ClassDef.bases, s->v.ClassDef.keywords));
    RETURN_IF_ERROR(compiler_apply_decorators(c, decos));
    return ft_cg_nameop(c, s->v.ClassDef.name, Store);
error:
    exit_scope(c);
    return -1;
}

static int compiler_lambda(Compiler *c, expr_ty e)
{
    arguments_ty args = e->v.Lambda.args;
    RETURN_IF_ERROR(check_debug_args(c, args));
    int flags = default_arguments(c, args);
    RETURN_IF_ERROR(flags);
    RETURN_IF_ERROR(enter_scope(c, id_str("<lambda>"), SCOPE_LAMBDA, e, e->lineno));
    /* None first, so that a lambda has no docstring. */
    if (ft_cg_add_const(c, FT_NONE) < 0)
        goto error;
    c->u->argcount = (int)asdl_seq_LEN(args->args);
    c->u->posonlyargcount = (int)asdl_seq_LEN(args->posonlyargs);
    c->u->kwonlyargcount = (int)asdl_seq_LEN(args->kwonlyargs);
    if (ft_cg_visit_expr(c, e->v.Lambda.body) < 0)
        goto error;
    if (ft_cg_addop(c, FT_OP_RETURN_VALUE, 0) < 0)
        goto error;
    FtObject *co = ft_cg_assemble(c, 0);
    exit_scope(c);
    if (co == NULL)
        return -1;
    int r = make_closure(c, co, flags);
    FT_DECREF(co);
    return r;
error:
    exit_scope(c);
    return -1;
}

/* ---- control flow ----------------------------------------------------------------------- */

static int compare_op(Compiler *c, cmpop_ty op)
{
    switch (op) {
    case Eq: return ft_cg_addop(c, FT_OP_COMPARE_OP, FT_EQ);
    case NotEq: return ft_cg_addop(c, FT_OP_COMPARE_OP, FT_NE);
    case Lt: return ft_cg_addop(c, FT_OP_COMPARE_OP, FT_LT);
    case LtE: return ft_cg_addop(c, FT_OP_COMPARE_OP, FT_LE);
    case Gt: return ft_cg_addop(c, FT_OP_COMPARE_OP, FT_GT);
    case GtE: return ft_cg_addop(c, FT_OP_COMPARE_OP, FT_GE);
    case Is: return ft_cg_addop(c, FT_OP_IS_OP, 0);
    case IsNot: return ft_cg_addop(c, FT_OP_IS_OP, 1);
    case In: return ft_cg_addop(c, FT_OP_CONTAINS_OP, 0);
    case NotIn: return ft_cg_addop(c, FT_OP_CONTAINS_OP, 1);
    }
    return -1;
}

/* Jump to `next` if the truth of `e` equals `cond`; fall through otherwise. */
int ft_cg_jump_if(Compiler *c, expr_ty e, Block *next, int cond)
{
    switch (e->kind) {
    case UnaryOp_kind:
        if (e->v.UnaryOp.op == Not)
            return ft_cg_jump_if(c, e->v.UnaryOp.operand, next, !cond);
        break;
    case BoolOp_kind: {
        asdl_expr_seq *s = e->v.BoolOp.values;
        ssize_t n = asdl_seq_LEN(s) - 1;
        int cond2 = e->v.BoolOp.op == Or;
        Block *next2 = next;
        if (!cond2 != !cond) {
            next2 = ft_cg_new_block(c);
            if (next2 == NULL)
                return -1;
        }
        for (ssize_t i = 0; i < n; i++)
            RETURN_IF_ERROR(ft_cg_jump_if(c, asdl_seq_GET(s, i), next2, cond2));
        RETURN_IF_ERROR(ft_cg_jump_if(c, asdl_seq_GET(s, n), next, cond));
        if (next2 != next)
            ft_cg_use_next_block(c, next2);
        return 0;
    }
    case IfExp_kind: {
        Block *end = ft_cg_new_block(c), *next2 = ft_cg_new_block(c);
        if (end == NULL || next2 == NULL)
            return -1;
        RETURN_IF_ERROR(ft_cg_jump_if(c, e->v.IfExp.test, next2, 0));
        RETURN_IF_ERROR(ft_cg_jump_if(c, e->v.IfExp.body, next, cond));
        ADDOP_JUMP(c, FT_OP_JUMP, end);
        ft_cg_use_next_block(c, next2);
        RETURN_IF_ERROR(ft_cg_jump_if(c, e->v.IfExp.orelse, next, cond));
        ft_cg_use_next_block(c, end);
        return 0;
    }
    case Compare_kind: {
        ssize_t n = asdl_seq_LEN(e->v.Compare.ops) - 1;
        if (n > 0) {
            FtPosition old = c->u->loc;
            SET_LOC(c, e);
            RETURN_IF_ERROR(check_compare(c, e));
            Block *cleanup = ft_cg_new_block(c), *end = ft_cg_new_block(c);
            if (cleanup == NULL || end == NULL)
                return -1;
            RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.Compare.left));
            for (ssize_t i = 0; i < n; i++) {
                RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(e->v.Compare.comparators, i)));
                ADDOP_I(c, FT_OP_SWAP, 2);
                ADDOP_I(c, FT_OP_COPY, 2);
                RETURN_IF_ERROR(compare_op(c, asdl_seq_GET(e->v.Compare.ops, i)));
                ADDOP_JUMP(c, FT_OP_POP_JUMP_IF_FALSE, cleanup);
            }
            RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(e->v.Compare.comparators, n)));
            RETURN_IF_ERROR(compare_op(c, asdl_seq_GET(e->v.Compare.ops, n)));
            ADDOP_JUMP(c, cond ? FT_OP_POP_JUMP_IF_TRUE : FT_OP_POP_JUMP_IF_FALSE, next);
            ADDOP_JUMP(c, FT_OP_JUMP, end);
            ft_cg_use_next_block(c, cleanup);
            ADDOP(c, FT_OP_POP_TOP);
            if (!cond)
                ADDOP_JUMP(c, FT_OP_JUMP, next);
            ft_cg_use_next_block(c, end);
            c->u->loc = old;
            return 0;
        }
        break;
    }
    case Constant_kind: {
        /* `while True:` and `if 0:` need no test at run time */
        int truth = ft_object_is_true(e->v.Constant.value);
        RETURN_IF_ERROR(truth);
        if (truth == cond)
            ADDOP_JUMP(c, FT_OP_JUMP, next);
        return 0;
    }
    default:
        break;
    }
    RETURN_IF_ERROR(ft_cg_visit_expr(c, e));
    ADDOP_JUMP(c, cond ? FT_OP_POP_JUMP_IF_TRUE : FT_OP_POP_JUMP_IF_FALSE, next);
    return 0;
}

static int compiler_if(Compiler *c, stmt_ty s)
{
    Block *end = ft_cg_new_block(c), *next = end;
    if (end == NULL)
        return -1;
    if (asdl_seq_LEN(s->v.If.orelse)) {
        next = ft_cg_new_block(c);
        if (next == NULL)
            return -1;
    }
    RETURN_IF_ERROR(ft_cg_jump_if(c, s->v.If.test, next, 0));
    RETURN_IF_ERROR(ft_cg_visit_stmts(c, s->v.If.body));
    if (asdl_seq_LEN(s->v.If.orelse)) {
        UNSET_LOC(c);
        ADDOP_JUMP(c, FT_OP_JUMP, end);
        ft_cg_use_next_block(c, next);
        RETURN_IF_ERROR(ft_cg_visit_stmts(c, s->v.If.orelse));
    }
    ft_cg_use_next_block(c, end);
    return 0;
}

/* await TOS (CPython's GET_AWAITABLE + SEND loop is ftpy's YIELD_FROM). */
static int add_await(Compiler *c, int where)
{
    ADDOP_I(c, FT_OP_GET_AWAITABLE, where);
    ADDOP_LOAD_CONST(c, FT_NONE);
    ADDOP(c, FT_OP_YIELD_FROM);
    return 0;
}

static int compiler_async_for(Compiler *c, stmt_ty s)
{
    if (!c->u->is_async && c->u->scope_type != SCOPE_COMPREHENSION)
        return ft_cg_error(c, "'async for' outside async function");
    Block *start = ft_cg_new_block(c), *except = ft_cg_new_block(c), *end = ft_cg_new_block(c);
    if (!start || !except || !end)
        return -1;
    RETURN_IF_ERROR(ft_cg_visit_expr(c, s->v.AsyncFor.iter));
    ADDOP(c, FT_OP_GET_AITER);
    ft_cg_use_next_block(c, start);
    /* the aiter stays on the stack like a for loop's iterator: break pops it */
    RETURN_IF_ERROR(push_fblock(c, FB_FOR_LOOP, start, end, NULL));
    ADDOP_JUMP(c, PSEUDO_SETUP_FINALLY, except);
    ADDOP(c, FT_OP_GET_ANEXT);
    ADDOP_LOAD_CONST(c, FT_NONE);
    ADDOP(c, FT_OP_YIELD_FROM);
    ADDOP(c, PSEUDO_POP_BLOCK);
    RETURN_IF_ERROR(ft_cg_visit_expr(c, s->v.AsyncFor.target));
    RETURN_IF_ERROR(ft_cg_visit_stmts(c, s->v.AsyncFor.body));
    UNSET_LOC(c);
    ADDOP_JUMP(c, FT_OP_JUMP, start);
    pop_fblock(c);
    /* StopAsyncIteration (or any exception) from __anext__: [aiter, exc] */
    ft_cg_use_next_block(c, except);
    SET_LOC(c, s->v.AsyncFor.iter);
    ADDOP(c, FT_OP_END_ASYNC_FOR);
    UNSET_LOC(c);
    RETURN_IF_ERROR(ft_cg_visit_stmts(c, s->v.AsyncFor.orelse));
    ft_cg_use_next_block(c, end);
    return 0;
}

static int compiler_for(Compiler *c, stmt_ty s)
{
    if (s->kind == AsyncFor_kind)
        return compiler_async_for(c, s);
    Block *start = ft_cg_new_block(c), *body = ft_cg_new_block(c), *cleanup = ft_cg_new_block(c),
          *end = ft_cg_new_block(c);
    if (!start || !body || !cleanup || !end)
        return -1;
    RETURN_IF_ERROR(push_fblock(c, FB_FOR_LOOP, start, end, NULL));
    RETURN_IF_ERROR(ft_cg_visit_expr(c, s->v.For.iter));
    ADDOP(c, FT_OP_GET_ITER);
    ft_cg_use_next_block(c, start);
    ADDOP_JUMP(c, FT_OP_FOR_ITER, cleanup);
    ft_cg_use_next_block(c, body);
    RETURN_IF_ERROR(ft_cg_visit_expr(c, s->v.For.target));
    RETURN_IF_ERROR(ft_cg_visit_stmts(c, s->v.For.body));
    UNSET_LOC(c);
    ADDOP_JUMP(c, FT_OP_JUMP, start);
    ft_cg_use_next_block(c, cleanup);
    pop_fblock(c);
    RETURN_IF_ERROR(ft_cg_visit_stmts(c, s->v.For.orelse));
    ft_cg_use_next_block(c, end);
    return 0;
}

static int compiler_while(Compiler *c, stmt_ty s)
{
    Block *loop = ft_cg_new_block(c), *body = ft_cg_new_block(c), *anchor = ft_cg_new_block(c),
          *exit = ft_cg_new_block(c);
    if (!loop || !body || !anchor || !exit)
        return -1;
    ft_cg_use_next_block(c, loop);
    RETURN_IF_ERROR(push_fblock(c, FB_WHILE_LOOP, loop, exit, NULL));
    RETURN_IF_ERROR(ft_cg_jump_if(c, s->v.While.test, anchor, 0));
    ft_cg_use_next_block(c, body);
    RETURN_IF_ERROR(ft_cg_visit_stmts(c, s->v.While.body));
    SET_LOC(c, s);
    RETURN_IF_ERROR(ft_cg_jump_if(c, s->v.While.test, body, 1));
    pop_fblock(c);
    ft_cg_use_next_block(c, anchor);
    RETURN_IF_ERROR(ft_cg_visit_stmts(c, s->v.While.orelse));
    ft_cg_use_next_block(c, exit);
    return 0;
}

static int call_exit_with_nones(Compiler *c)
{
    /* [exit] None None None: CALL 2 calls exit (method slot) with self=None and 2 more */
    ADDOP_LOAD_CONST(c, FT_NONE);
    ADDOP_LOAD_CONST(c, FT_NONE);
    ADDOP_LOAD_CONST(c, FT_NONE);
    ADDOP_I(c, FT_OP_CALL, 2);
    return 0;
}

static int pop_except_and_reraise(Compiler *c)
{
    /* [prev_exc, lasti, exc] -> restore prev_exc, re-raise exc at lasti */
    ADDOP_I(c, FT_OP_COPY, 3);
    ADDOP(c, FT_OP_POP_EXCEPT);
    ADDOP_I(c, FT_OP_RERAISE, RERAISE_LASTI(1));
    return 0;
}

/* Unwind one frame block for return/break/continue. preserve_tos: the value on top of the
 * stack (a return value) must survive. */
static int unwind_fblock(Compiler *c, FBlock *info, int preserve_tos)
{
    switch (info->type) {
    case FB_WHILE_LOOP:
    case FB_EXCEPTION_HANDLER:
        return 0;
    case FB_FOR_LOOP:
        if (preserve_tos)
            ADDOP_I(c, FT_OP_SWAP, 2);
        ADDOP(c, FT_OP_POP_TOP);
        return 0;
    case FB_TRY_EXCEPT:
        ADDOP(c, PSEUDO_POP_BLOCK);
        return 0;
    case FB_FINALLY_TRY:
        ADDOP(c, PSEUDO_POP_BLOCK);
        if (preserve_tos)
            RETURN_IF_ERROR(push_fblock(c, FB_POP_VALUE, NULL, NULL, NULL));
        RETURN_IF_ERROR(ft_cg_visit_stmts(c, (asdl_stmt_seq *)info->datum));
        if (preserve_tos)
            pop_fblock(c);
        UNSET_LOC(c);
        return 0;
    case FB_FINALLY_END:
        if (preserve_tos)
            ADDOP_I(c, FT_OP_SWAP, 2);
        ADDOP(c, FT_OP_POP_TOP); /* exc_value */
        if (preserve_tos)
            ADDOP_I(c, FT_OP_SWAP, 2);
        ADDOP(c, PSEUDO_POP_BLOCK);
        ADDOP(c, FT_OP_POP_EXCEPT);
        return 0;
    case FB_WITH:
    case FB_ASYNC_WITH:
        SET_LOC(c, (stmt_ty)info->datum);
        ADDOP(c, PSEUDO_POP_BLOCK);
        if (preserve_tos)
            ADDOP_I(c, FT_OP_SWAP, 2);
        RETURN_IF_ERROR(call_exit_with_nones(c));
        if (info->type == FB_ASYNC_WITH)
            RETURN_IF_ERROR(add_await(c, 2));
        ADDOP(c, FT_OP_POP_TOP);
        UNSET_LOC(c);
        return 0;
    case FB_HANDLER_CLEANUP:
        if (info->datum)
            ADDOP(c, PSEUDO_POP_BLOCK);
        if (preserve_tos)
            ADDOP_I(c, FT_OP_SWAP, 2);
        ADDOP(c, PSEUDO_POP_BLOCK);
        ADDOP(c, FT_OP_POP_EXCEPT);
        if (info->datum) {
            ADDOP_LOAD_CONST(c, FT_NONE);
            RETURN_IF_ERROR(ft_cg_nameop(c, (FtObject *)info->datum, Store));
            RETURN_IF_ERROR(ft_cg_nameop(c, (FtObject *)info->datum, Del));
        }
        return 0;
    case FB_POP_VALUE:
        if (preserve_tos)
            ADDOP_I(c, FT_OP_SWAP, 2);
        ADDOP(c, FT_OP_POP_TOP);
        return 0;
    }
    return 0;
}

/* Unwind the frame blocks up to (not including) the innermost loop when `loop` is given. */
static int unwind_fblock_stack(Compiler *c, int preserve_tos, FBlock **loop)
{
    Unit *u = c->u;
    if (u->nfblocks == 0)
        return 0;
    FBlock *top = &u->fblocks[u->nfblocks - 1];
    if (loop != NULL && (top->type == FB_WHILE_LOOP || top->type == FB_FOR_LOOP)) {
        *loop = top;
        return 0;
    }
    FBlock copy = *top;
    u->nfblocks--;
    int r = unwind_fblock(c, &copy, preserve_tos);
    if (r == 0)
        r = unwind_fblock_stack(c, preserve_tos, loop);
    u->fblocks[u->nfblocks++] = copy;
    return r;
}

static int compiler_return(Compiler *c, stmt_ty s)
{
    expr_ty value = s->v.Return.value;
    if (c->u->ste->type != FT_BLOCK_FUNCTION)
        return ft_cg_error(c, "'return' outside function");
    if (value && c->u->ste->coroutine && c->u->ste->generator)
        return ft_cg_error(c, "'return' with value in async generator");
    FtObject *constval = value ? fold_const(value) : NULL;
    int preserve_tos = value != NULL && constval == NULL;
    if (preserve_tos) {
        RETURN_IF_ERROR(ft_cg_visit_expr(c, value));
    } else if (value) {
        FtPosition old = c->u->loc;
        SET_LOC(c, value);
        if (ft_cg_addop(c, FT_OP_NOP, 0) < 0) {
            FT_XDECREF(constval);
            return -1;
        }
        c->u->loc = old;
    }
    if (value == NULL || value->lineno != s->lineno) {
        SET_LOC(c, s);
        if (ft_cg_addop(c, FT_OP_NOP, 0) < 0) {
            FT_XDECREF(constval);
            return -1;
        }
    }
    if (unwind_fblock_stack(c, preserve_tos, NULL) < 0) {
        FT_XDECREF(constval);
        return -1;
    }
    if (preserve_tos)
        return ft_cg_addop(c, FT_OP_RETURN_VALUE, 0);
    int i = ft_cg_add_const(c, constval ? constval : FT_NONE);
    FT_XDECREF(constval);
    RETURN_IF_ERROR(i);
    return ft_cg_addop(c, FT_OP_RETURN_CONST, i);
}

static int compiler_break(Compiler *c)
{
    FBlock *loop = NULL;
    ADDOP(c, FT_OP_NOP);
    RETURN_IF_ERROR(unwind_fblock_stack(c, 0, &loop));
    if (loop == NULL)
        return ft_cg_error(c, "'break' outside loop");
    RETURN_IF_ERROR(unwind_fblock(c, loop, 0));
    ADDOP_JUMP(c, FT_OP_JUMP, loop->exit);
    return 0;
}

static int compiler_continue(Compiler *c)
{
    FBlock *loop = NULL;
    ADDOP(c, FT_OP_NOP);
    RETURN_IF_ERROR(unwind_fblock_stack(c, 0, &loop));
    if (loop == NULL)
        return ft_cg_error(c, "'continue' not properly in loop");
    ADDOP_JUMP(c, FT_OP_JUMP, loop->block);
    return 0;
}

static int compiler_try_except(Compiler *c, stmt_ty s);

/*  try:
 *      <body>
 *  finally:
 *      <finalbody>
 * The finally body is emitted twice: on the normal path, and as the handler that runs it
 * with the exception pushed and then re-raises. */
static int compiler_try_finally(Compiler *c, stmt_ty s)
{
    Block *body = ft_cg_new_block(c), *end = ft_cg_new_block(c), *exit = ft_cg_new_block(c),
          *cleanup = ft_cg_new_block(c);
    if (!body || !end || !exit || !cleanup)
        return -1;
    ADDOP_JUMP(c, PSEUDO_SETUP_FINALLY, end);
    ft_cg_use_next_block(c, body);
    RETURN_IF_ERROR(push_fblock(c, FB_FINALLY_TRY, body, end, s->v.Try.finalbody));
    if (asdl_seq_LEN(s->v.Try.handlers))
        RETURN_IF_ERROR(compiler_try_except(c, s));
    else
        RETURN_IF_ERROR(ft_cg_visit_stmts(c, s->v.Try.body));
    UNSET_LOC(c);
    ADDOP(c, PSEUDO_POP_BLOCK);
    pop_fblock(c);
    RETURN_IF_ERROR(ft_cg_visit_stmts(c, s->v.Try.finalbody));
    UNSET_LOC(c);
    ADDOP_JUMP(c, FT_OP_JUMP, exit);
    /* the exceptional path */
    ft_cg_use_next_block(c, end);
    UNSET_LOC(c);
    ADDOP_JUMP(c, PSEUDO_SETUP_CLEANUP, cleanup);
    ADDOP(c, FT_OP_PUSH_EXC_INFO);
    RETURN_IF_ERROR(push_fblock(c, FB_FINALLY_END, end, NULL, NULL));
    RETURN_IF_ERROR(ft_cg_visit_stmts(c, s->v.Try.finalbody));
    pop_fblock(c);
    UNSET_LOC(c);
    ADDOP_I(c, FT_OP_RERAISE, 0);
    ft_cg_use_next_block(c, cleanup);
    RETURN_IF_ERROR(pop_except_and_reraise(c));
    ft_cg_use_next_block(c, exit);
    return 0;
}

static int compiler_try_except(Compiler *c, stmt_ty s)
{
    Block *body = ft_cg_new_block(c), *except = ft_cg_new_block(c), *end = ft_cg_new_block(c),
          *cleanup = ft_cg_new_block(c);
    if (!body || !except || !end || !cleanup)
        return -1;
    ADDOP_JUMP(c, PSEUDO_SETUP_FINALLY, except);
    ft_cg_use_next_block(c, body);
    RETURN_IF_ERROR(push_fblock(c, FB_TRY_EXCEPT, body, NULL, NULL));
    RETURN_IF_ERROR(ft_cg_visit_stmts(c, s->v.Try.body));
    pop_fblock(c);
    UNSET_LOC(c);
    ADDOP(c, PSEUDO_POP_BLOCK);
    RETURN_IF_ERROR(ft_cg_visit_stmts(c, s->v.Try.orelse));
    UNSET_LOC(c);
    ADDOP_JUMP(c, FT_OP_JUMP, end);
    ssize_t n = asdl_seq_LEN(s->v.Try.handlers);
    ft_cg_use_next_block(c, except);
    UNSET_LOC(c);
    ADDOP_JUMP(c, PSEUDO_SETUP_CLEANUP, cleanup);
    ADDOP(c, FT_OP_PUSH_EXC_INFO);
    /* the runtime pushes a handler here, account for it */
    RETURN_IF_ERROR(push_fblock(c, FB_EXCEPTION_HANDLER, NULL, NULL, NULL));
    for (ssize_t i = 0; i < n; i++) {
        excepthandler_ty handler = asdl_seq_GET(s->v.Try.handlers, i);
        SET_LOC(c, handler);
        if (!handler->v.ExceptHandler.type && i < n - 1)
            return ft_cg_error(c, "default 'except:' must be last");
        Block *next_except = ft_cg_new_block(c);
        if (next_except == NULL)
            return -1;
        if (handler->v.ExceptHandler.type) {
            RETURN_IF_ERROR(ft_cg_visit_expr(c, handler->v.ExceptHandler.type));
            ADDOP(c, FT_OP_CHECK_EXC_MATCH);
            ADDOP_JUMP(c, FT_OP_POP_JUMP_IF_FALSE, next_except);
        }
        FtObject *name = handler->v.ExceptHandler.name;
        if (name) {
            Block *cleanup_end = ft_cg_new_block(c), *cleanup_body = ft_cg_new_block(c);
            if (!cleanup_end || !cleanup_body)
                return -1;
            RETURN_IF_ERROR(ft_cg_nameop(c, name, Store));
            /*  try:
             *      <handler body>
             *  finally:
             *      name = None  # in case the body contains "del name"
             *      del name
             */
            ADDOP_JUMP(c, PSEUDO_SETUP_CLEANUP, cleanup_end);
            ft_cg_use_next_block(c, cleanup_body);
            RETURN_IF_ERROR(push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, name));
            RETURN_IF_ERROR(ft_cg_visit_stmts(c, handler->v.ExceptHandler.body));
            pop_fblock(c);
            UNSET_LOC(c);
            ADDOP(c, PSEUDO_POP_BLOCK);
            ADDOP(c, PSEUDO_POP_BLOCK);
            ADDOP(c, FT_OP_POP_EXCEPT);
            ADDOP_LOAD_CONST(c, FT_NONE);
            RETURN_IF_ERROR(ft_cg_nameop(c, name, Store));
            RETURN_IF_ERROR(ft_cg_nameop(c, name, Del));
            ADDOP_JUMP(c, FT_OP_JUMP, end);
            /* the handler body raised */
            ft_cg_use_next_block(c, cleanup_end);
            UNSET_LOC(c);
            ADDOP_LOAD_CONST(c, FT_NONE);
            RETURN_IF_ERROR(ft_cg_nameop(c, name, Store));
            RETURN_IF_ERROR(ft_cg_nameop(c, name, Del));
            ADDOP_I(c, FT_OP_RERAISE, RERAISE_LASTI(1));
        } else {
            Block *cleanup_body = ft_cg_new_block(c);
            if (cleanup_body == NULL)
                return -1;
            ADDOP(c, FT_OP_POP_TOP); /* exc_value */
            ft_cg_use_next_block(c, cleanup_body);
            RETURN_IF_ERROR(push_fblock(c, FB_HANDLER_CLEANUP, cleanup_body, NULL, NULL));
            RETURN_IF_ERROR(ft_cg_visit_stmts(c, handler->v.ExceptHandler.body));
            pop_fblock(c);
            UNSET_LOC(c);
            ADDOP(c, PSEUDO_POP_BLOCK);
            ADDOP(c, FT_OP_POP_EXCEPT);
            ADDOP_JUMP(c, FT_OP_JUMP, end);
        }
        ft_cg_use_next_block(c, next_except);
    }
    UNSET_LOC(c);
    pop_fblock(c);
    ADDOP_I(c, FT_OP_RERAISE, 0);
    ft_cg_use_next_block(c, cleanup);
    RETURN_IF_ERROR(pop_except_and_reraise(c));
    ft_cg_use_next_block(c, end);
    return 0;
}

static int compiler_try(Compiler *c, stmt_ty s)
{
    if (s->kind == TryStar_kind)
        return ft_cg_error(c, "'except*' is not supported by ftpy");
    if (asdl_seq_LEN(s->v.Try.finalbody))
        return compiler_try_finally(c, s);
    return compiler_try_except(c, s);
}

static int compiler_with(Compiler *c, stmt_ty s, ssize_t pos)
{
    int is_async = s->kind == AsyncWith_kind;
    if (is_async && !c->u->is_async && c->u->scope_type != SCOPE_COMPREHENSION)
        return ft_cg_error(c, "'async with' outside async function");
    withitem_ty item = asdl_seq_GET(s->v.With.items, pos);
    Block *block = ft_cg_new_block(c), *final = ft_cg_new_block(c), *exit = ft_cg_new_block(c),
          *cleanup = ft_cg_new_block(c);
    if (!block || !final || !exit || !cleanup)
        return -1;
    RETURN_IF_ERROR(ft_cg_visit_expr(c, item->context_expr));
    if (is_async) {
        ADDOP(c, FT_OP_BEFORE_ASYNC_WITH);  /* mgr -> aexit, awaitable */
        RETURN_IF_ERROR(add_await(c, 1));
    } else {
        ADDOP(c, FT_OP_BEFORE_WITH);          /* mgr -> exit, enter_result */
    }
    ADDOP_JUMP(c, PSEUDO_SETUP_WITH, final);
    ft_cg_use_next_block(c, block);
    RETURN_IF_ERROR(push_fblock(c, is_async ? FB_ASYNC_WITH : FB_WITH, block, final, s));
    if (item->optional_vars)
        RETURN_IF_ERROR(ft_cg_visit_expr(c, item->optional_vars));
    else
        ADDOP(c, FT_OP_POP_TOP);
    pos++;
    if (pos == asdl_seq_LEN(s->v.With.items))
        RETURN_IF_ERROR(ft_cg_visit_stmts(c, s->v.With.body));
    else
        RETURN_IF_ERROR(compiler_with(c, s, pos));
    UNSET_LOC(c);
    ADDOP(c, PSEUDO_POP_BLOCK);
    pop_fblock(c);
    /* normal exit: exit(None, None, None) */
    SET_LOC(c, s);
    RETURN_IF_ERROR(call_exit_with_nones(c));
    if (is_async)
        RETURN_IF_ERROR(add_await(c, 2));
    ADDOP(c, FT_OP_POP_TOP);
    ADDOP_JUMP(c, FT_OP_JUMP, exit);
    /* exceptional exit: [exit, lasti, exc] */
    ft_cg_use_next_block(c, final);
    ADDOP_JUMP(c, PSEUDO_SETUP_CLEANUP, cleanup);
    ADDOP(c, FT_OP_PUSH_EXC_INFO);
    ADDOP(c, FT_OP_WITH_EXCEPT_START);
    if (is_async)
        RETURN_IF_ERROR(add_await(c, 2));
    UNSET_LOC(c);
    Block *suppress = ft_cg_new_block(c);
    if (suppress == NULL)
        return -1;
    ADDOP_JUMP(c, FT_OP_POP_JUMP_IF_TRUE, suppress);
    ADDOP_I(c, FT_OP_RERAISE, RERAISE_LASTI(2));
    ft_cg_use_next_block(c, cleanup);
    RETURN_IF_ERROR(pop_except_and_reraise(c));
    ft_cg_use_next_block(c, suppress);
    ADDOP(c, FT_OP_POP_TOP); /* exc_value */
    ADDOP(c, PSEUDO_POP_BLOCK);
    ADDOP(c, FT_OP_POP_EXCEPT);
    ADDOP(c, FT_OP_POP_TOP);
    ADDOP(c, FT_OP_POP_TOP);
    ft_cg_use_next_block(c, exit);
    return 0;
}

/* ---- simple statements ---------------------------------------------------------------- */

static int compiler_import_as(Compiler *c, FtObject *name, FtObject *asname)
{
    ssize_t len = FT_STR_LEN(name), dot = -1;
    for (ssize_t i = 0; i < len; i++)
        if (ft_str_read(name, i) == '.') {
            dot = i;
            break;
        }
    if (dot < 0)
        return ft_cg_nameop(c, asname, Store);
    /* import a.b.c as d: IMPORT_FROM each attribute after the first */
    for (;;) {
        ssize_t pos = dot + 1;
        dot = -1;
        for (ssize_t i = pos; i < len; i++)
            if (ft_str_read(name, i) == '.') {
                dot = i;
                break;
            }
        FtObject *attr = ft_str_substring(name, pos, dot >= 0 ? dot : len);
        if (attr == NULL)
            return -1;
        attr = ft_str_intern(attr);
        int r = addop_name(c, FT_OP_IMPORT_FROM, attr);
        FT_DECREF(attr);
        RETURN_IF_ERROR(r);
        if (dot < 0)
            break;
        ADDOP_I(c, FT_OP_SWAP, 2);
        ADDOP(c, FT_OP_POP_TOP);
    }
    RETURN_IF_ERROR(ft_cg_nameop(c, asname, Store));
    ADDOP(c, FT_OP_POP_TOP);
    return 0;
}

static int compiler_import(Compiler *c, stmt_ty s)
{
    for (ssize_t i = 0; i < asdl_seq_LEN(s->v.Import.names); i++) {
        alias_ty alias = asdl_seq_GET(s->v.Import.names, i);
        ADDOP_LOAD_CONST(c, (FtObject *)&ft_small_ints[0 - FT_SMALL_INT_MIN]);
        ADDOP_LOAD_CONST(c, FT_NONE);
        ADDOP_NAME(c, FT_OP_IMPORT_NAME, alias->name);
        if (alias->asname) {
            RETURN_IF_ERROR(compiler_import_as(c, alias->name, alias->asname));
        } else {
            ssize_t len = FT_STR_LEN(alias->name), dot = -1;
            for (ssize_t k = 0; k < len; k++)
                if (ft_str_read(alias->name, k) == '.') {
                    dot = k;
                    break;
                }
            if (dot < 0) {
                RETURN_IF_ERROR(ft_cg_nameop(c, alias->name, Store));
            } else {
                FtObject *tmp = ft_str_substring(alias->name, 0, dot);
                if (tmp == NULL)
                    return -1;
                tmp = ft_str_intern(tmp);
                int r = ft_cg_nameop(c, tmp, Store);
                FT_DECREF(tmp);
                RETURN_IF_ERROR(r);
            }
        }
    }
    return 0;
}

static int compiler_from_import(Compiler *c, stmt_ty s)
{
    ssize_t n = asdl_seq_LEN(s->v.ImportFrom.names);
    /* Future statements only change how this module is compiled (the symbol table already
     * noticed `annotations`); ftpy has no __future__ module to import at run time. */
    if (s->v.ImportFrom.module && s->v.ImportFrom.level == 0 &&
        ft_str_eq_cstr(s->v.ImportFrom.module, "__future__")) {
        if (s->lineno > c->future_lineno)
            return ft_cg_error(c, "from __future__ imports must occur at the beginning of the file");
        return ft_cg_addop(c, FT_OP_NOP, 0);
    }
    ADDOP_LOAD_CONST_NEW(c, ft_int_from_i64(s->v.ImportFrom.level));
    FtObject *names = ft_tuple_new(n);
    if (names == NULL)
        return -1;
    for (ssize_t i = 0; i < n; i++)
        FT_TUPLE_SET(names, i, FT_NEWREF(asdl_seq_GET(s->v.ImportFrom.names, i)->name));
    ADDOP_LOAD_CONST_NEW(c, names);
    if (s->v.ImportFrom.module)
        ADDOP_NAME(c, FT_OP_IMPORT_NAME, s->v.ImportFrom.module);
    else
        ADDOP_NAME(c, FT_OP_IMPORT_NAME, id_str(""));
    for (ssize_t i = 0; i < n; i++) {
        alias_ty alias = asdl_seq_GET(s->v.ImportFrom.names, i);
        if (i == 0 && ft_str_read(alias->name, 0) == '*') {
            ADDOP(c, FT_OP_IMPORT_STAR);
            return 0;
        }
        ADDOP_NAME(c, FT_OP_IMPORT_FROM, alias->name);
        RETURN_IF_ERROR(ft_cg_nameop(c, alias->asname ? alias->asname : alias->name, Store));
    }
    ADDOP(c, FT_OP_POP_TOP);
    return 0;
}

static int compiler_assert(Compiler *c, stmt_ty s)
{
    expr_ty test = s->v.Assert.test;
    if ((test->kind == Tuple_kind && asdl_seq_LEN(test->v.Tuple.elts) > 0) ||
        (test->kind == Constant_kind && ft_tuple_check(test->v.Constant.value) &&
         FT_SIZE(test->v.Constant.value) > 0))
        RETURN_IF_ERROR(compiler_warn(c, "assertion is always true, perhaps remove parentheses?"));
    if (c->optimize)
        return 0;
    Block *end = ft_cg_new_block(c);
    if (end == NULL)
        return -1;
    RETURN_IF_ERROR(ft_cg_jump_if(c, s->v.Assert.test, end, 1));
    ADDOP(c, FT_OP_LOAD_ASSERTION_ERROR);
    if (s->v.Assert.msg) {
        RETURN_IF_ERROR(ft_cg_visit_expr(c, s->v.Assert.msg));
        ADDOP_I(c, FT_OP_CALL, 0);
    }
    ADDOP_I(c, FT_OP_RAISE_VARARGS, 1);
    ft_cg_use_next_block(c, end);
    return 0;
}

static int compiler_stmt_expr(Compiler *c, expr_ty value)
{
    if (c->interactive && c->nestlevel <= 1) {
        RETURN_IF_ERROR(ft_cg_visit_expr(c, value));
        ADDOP(c, FT_OP_PRINT_EXPR);
        return 0;
    }
    if (value->kind == Constant_kind) {
        ADDOP(c, FT_OP_NOP);
        return 0;
    }
    RETURN_IF_ERROR(ft_cg_visit_expr(c, value));
    UNSET_LOC(c);
    ADDOP(c, FT_OP_POP_TOP);
    return 0;
}

static int binop_arg(operator_ty op, int inplace)
{
    int r;
    switch (op) {
    case Add: r = FT_BINOP_ADD; break;
    case Sub: r = FT_BINOP_SUBTRACT; break;
    case Mult: r = FT_BINOP_MULTIPLY; break;
    case MatMult: r = FT_BINOP_MATRIX_MULTIPLY; break;
    case Div: r = FT_BINOP_TRUE_DIVIDE; break;
    case Mod: r = FT_BINOP_REMAINDER; break;
    case Pow: r = FT_BINOP_POWER; break;
    case LShift: r = FT_BINOP_LSHIFT; break;
    case RShift: r = FT_BINOP_RSHIFT; break;
    case BitOr: r = FT_BINOP_OR; break;
    case BitXor: r = FT_BINOP_XOR; break;
    case BitAnd: r = FT_BINOP_AND; break;
    case FloorDiv: r = FT_BINOP_FLOOR_DIVIDE; break;
    default: r = FT_BINOP_ADD; break;
    }
    return inplace ? r + FT_BINOP_INPLACE_OFFSET : r;
}

/* Move the start of the current location to the attribute name of a multi-line attribute
 * access (CPython's update_start_location_to_match_attr). */
static void update_start_location_to_match_attr(Compiler *c, expr_ty attr)
{
    FtPosition *loc = &c->u->loc;
    if (loc->line != attr->end_lineno) {
        loc->line = attr->end_lineno;
        int len = (int)FT_STR_LEN(attr->v.Attribute.attr);
        if (len <= attr->end_col_offset) {
            loc->col = attr->end_col_offset - len;
        } else {
            loc->col = -1;
            loc->end_col = -1;
        }
        if (loc->end_line < loc->line)
            loc->end_line = loc->line;
        if (loc->line == loc->end_line && loc->end_col < loc->col)
            loc->end_col = loc->col;
    }
}

static int compiler_augassign(Compiler *c, stmt_ty s)
{
    expr_ty e = s->v.AugAssign.target;
    FtPosition old = c->u->loc;
    SET_LOC(c, e);
    switch (e->kind) {
    case Attribute_kind:
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.Attribute.value));
        ADDOP_I(c, FT_OP_COPY, 1);
        update_start_location_to_match_attr(c, e);
        ADDOP_NAME(c, FT_OP_LOAD_ATTR, e->v.Attribute.attr);
        break;
    case Subscript_kind:
        if (e->v.Subscript.ctx == Load) {
            FtObject *folded = fold_const(e);
            if (folded)
                return ft_cg_addop_load_const_new(c, folded);
            RETURN_IF_ERROR(check_subscripter(c, e->v.Subscript.value));
            RETURN_IF_ERROR(check_index(c, e->v.Subscript.value, e->v.Subscript.slice));
        }
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.Subscript.value));
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.Subscript.slice));
        ADDOP_I(c, FT_OP_COPY, 2);
        ADDOP_I(c, FT_OP_COPY, 2);
        ADDOP(c, FT_OP_BINARY_SUBSCR);
        break;
    case Name_kind:
        RETURN_IF_ERROR(ft_cg_nameop(c, e->v.Name.id, Load));
        break;
    default:
        ft_err_set_string(ft_exc_SystemError, "invalid node type for augmented assignment");
        return -1;
    }
    c->u->loc = old;
    RETURN_IF_ERROR(ft_cg_visit_expr(c, s->v.AugAssign.value));
    ADDOP_I(c, FT_OP_BINARY_OP, binop_arg(s->v.AugAssign.op, 1));
    SET_LOC(c, e);
    switch (e->kind) {
    case Attribute_kind:
        update_start_location_to_match_attr(c, e);
        ADDOP_I(c, FT_OP_SWAP, 2);
        ADDOP_NAME(c, FT_OP_STORE_ATTR, e->v.Attribute.attr);
        break;
    case Subscript_kind:
        ADDOP_I(c, FT_OP_SWAP, 3);
        ADDOP_I(c, FT_OP_SWAP, 2);
        ADDOP(c, FT_OP_STORE_SUBSCR);
        break;
    default:
        RETURN_IF_ERROR(ft_cg_nameop(c, e->v.Name.id, Store));
        break;
    }
    c->u->loc = old;
    return 0;
}

static int check_ann_expr(Compiler *c, expr_ty e)
{
    RETURN_IF_ERROR(ft_cg_visit_expr(c, e));
    ADDOP(c, FT_OP_POP_TOP);
    return 0;
}

static int compiler_annassign(Compiler *c, stmt_ty s)
{
    expr_ty targ = s->v.AnnAssign.target;
    if (s->v.AnnAssign.value) {
        RETURN_IF_ERROR(ft_cg_visit_expr(c, s->v.AnnAssign.value));
        RETURN_IF_ERROR(ft_cg_visit_expr(c, targ));
    }
    int module_or_class = c->u->scope_type == SCOPE_MODULE || c->u->scope_type == SCOPE_CLASS;
    switch (targ->kind) {
    case Name_kind:
        RETURN_IF_ERROR(forbidden_name(c, targ->v.Name.id, Store));
        if (s->v.AnnAssign.simple && module_or_class) {
            RETURN_IF_ERROR(visit_annexpr(c, s->v.AnnAssign.annotation));
            ADDOP_NAME(c, FT_OP_LOAD_NAME, id_str("__annotations__"));
            ADDOP_LOAD_CONST_NEW(c, mangle(c, targ->v.Name.id));
            ADDOP(c, FT_OP_STORE_SUBSCR);
        }
        break;
    case Attribute_kind:
        RETURN_IF_ERROR(forbidden_name(c, targ->v.Attribute.attr, Store));
        if (!s->v.AnnAssign.value)
            RETURN_IF_ERROR(check_ann_expr(c, targ->v.Attribute.value));
        break;
    case Subscript_kind:
        if (!s->v.AnnAssign.value) {
            RETURN_IF_ERROR(check_ann_expr(c, targ->v.Subscript.value));
            RETURN_IF_ERROR(check_ann_expr(c, targ->v.Subscript.slice));
        }
        break;
    default:
        break;
    }
    /* The annotation of a complex target is evaluated (and dropped) in modules/classes. */
    if (!s->v.AnnAssign.simple && module_or_class && !c->future_annotations)
        RETURN_IF_ERROR(check_ann_expr(c, s->v.AnnAssign.annotation));
    return 0;
}

static int visit_stmt(Compiler *c, stmt_ty s)
{
    SET_LOC(c, s);
    switch (s->kind) {
    case FunctionDef_kind:
    case AsyncFunctionDef_kind:
        return compiler_function(c, s);
    case ClassDef_kind:
        return compiler_class(c, s);
    case Return_kind:
        return compiler_return(c, s);
    case Delete_kind:
        return visit_exprs(c, s->v.Delete.targets);
    case Assign_kind: {
        ssize_t n = asdl_seq_LEN(s->v.Assign.targets);
        RETURN_IF_ERROR(ft_cg_visit_expr(c, s->v.Assign.value));
        for (ssize_t i = 0; i < n; i++) {
            if (i < n - 1)
                ADDOP_I(c, FT_OP_COPY, 1);
            RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(s->v.Assign.targets, i)));
        }
        return 0;
    }
    case AugAssign_kind:
        return compiler_augassign(c, s);
    case AnnAssign_kind:
        return compiler_annassign(c, s);
    case For_kind:
    case AsyncFor_kind:
        return compiler_for(c, s);
    case While_kind:
        return compiler_while(c, s);
    case If_kind:
        return compiler_if(c, s);
    case Match_kind:
        return ft_cg_match(c, s);
    case Raise_kind: {
        int n = 0;
        if (s->v.Raise.exc) {
            RETURN_IF_ERROR(ft_cg_visit_expr(c, s->v.Raise.exc));
            n++;
            if (s->v.Raise.cause) {
                RETURN_IF_ERROR(ft_cg_visit_expr(c, s->v.Raise.cause));
                n++;
            }
        }
        ADDOP_I(c, FT_OP_RAISE_VARARGS, n);
        return 0;
    }
    case Try_kind:
    case TryStar_kind:
        return compiler_try(c, s);
    case Assert_kind:
        return compiler_assert(c, s);
    case Import_kind:
        return compiler_import(c, s);
    case ImportFrom_kind:
        return compiler_from_import(c, s);
    case Global_kind:
    case Nonlocal_kind:
        return 0;
    case Expr_kind:
        return compiler_stmt_expr(c, s->v.Expr.value);
    case Pass_kind:
        ADDOP(c, FT_OP_NOP);
        return 0;
    case Break_kind:
        return compiler_break(c);
    case Continue_kind:
        return compiler_continue(c);
    case With_kind:
    case AsyncWith_kind:
        return compiler_with(c, s, 0);
    }
    return 0;
}

/* ---- expressions -------------------------------------------------------------------- */

/* Build a list/tuple/set of `elts` (with *starred items), after `pushed` items already on
 * the stack (CPython's starunpack_helper). */
static int starunpack_helper(Compiler *c, asdl_expr_seq *elts, int pushed, int build, int add,
                             int extend, int tuple)
{
    ssize_t n = asdl_seq_LEN(elts);
    if (n > 2 && are_all_items_const(elts, 0, n)) {
        FtObject *folded = ft_tuple_new(n);
        if (folded == NULL)
            return -1;
        for (ssize_t i = 0; i < n; i++)
            FT_TUPLE_SET(folded, i, fold_const(asdl_seq_GET(elts, i)));
        if (tuple && !pushed)
            return ft_cg_addop_load_const_new(c, folded);
        if (add == FT_OP_SET_ADD) {
            /* a frozenset constant: the new set is filled in its iteration order, as
             * CPython does, so that the display iterates in the same order */
            FtObject *fs = ft_frozenset_new(folded);
            FT_DECREF(folded);
            if (fs == NULL)
                return -1;
            /* CPython's constant merging rebuilds the frozenset from its own iteration
             * order; the rebuilt one is what the code object holds */
            FtObject *items = ft_sequence_tuple(fs);
            FT_DECREF(fs);
            if (items == NULL)
                return -1;
            folded = ft_frozenset_new(items);
            FT_DECREF(items);
            if (folded == NULL)
                return -1;
        }
        if (ft_cg_addop(c, build, pushed) < 0) {
            FT_DECREF(folded);
            return -1;
        }
        RETURN_IF_ERROR(ft_cg_addop_load_const_new(c, folded));
        ADDOP_I(c, extend, 1);
        if (tuple)
            ADDOP(c, FT_OP_LIST_TO_TUPLE);
        return 0;
    }
    int big = n + pushed > STACK_USE_GUIDELINE, seen_star = 0;
    for (ssize_t i = 0; i < n; i++)
        if (asdl_seq_GET(elts, i)->kind == Starred_kind)
            seen_star = 1;
    if (!seen_star && !big) {
        RETURN_IF_ERROR(visit_exprs(c, elts));
        ADDOP_I(c, tuple ? FT_OP_BUILD_TUPLE : build, (int)n + pushed);
        return 0;
    }
    int built = 0;
    if (big) {
        ADDOP_I(c, build, pushed);
        built = 1;
    }
    for (ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == Starred_kind) {
            if (!built) {
                ADDOP_I(c, build, (int)i + pushed);
                built = 1;
            }
            RETURN_IF_ERROR(ft_cg_visit_expr(c, elt->v.Starred.value));
            ADDOP_I(c, extend, 1);
        } else {
            RETURN_IF_ERROR(ft_cg_visit_expr(c, elt));
            if (built)
                ADDOP_I(c, add, 1);
        }
    }
    if (tuple)
        ADDOP(c, FT_OP_LIST_TO_TUPLE);
    return 0;
}

static int unpack_helper(Compiler *c, asdl_expr_seq *elts)
{
    ssize_t n = asdl_seq_LEN(elts);
    int seen_star = 0;
    for (ssize_t i = 0; i < n; i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        if (elt->kind == Starred_kind && !seen_star) {
            if (i >= (1 << 8) || n - i - 1 >= (1 << 15))
                return ft_cg_error(c, "too many expressions in star-unpacking assignment");
            ADDOP_I(c, FT_OP_UNPACK_EX, (int)(i + ((n - i - 1) << 8)));
            seen_star = 1;
        } else if (elt->kind == Starred_kind) {
            return ft_cg_error(c, "multiple starred expressions in assignment");
        }
    }
    if (!seen_star)
        ADDOP_I(c, FT_OP_UNPACK_SEQUENCE, (int)n);
    return 0;
}

static int assignment_helper(Compiler *c, asdl_expr_seq *elts)
{
    RETURN_IF_ERROR(unpack_helper(c, elts));
    for (ssize_t i = 0; i < asdl_seq_LEN(elts); i++) {
        expr_ty elt = asdl_seq_GET(elts, i);
        RETURN_IF_ERROR(ft_cg_visit_expr(c, elt->kind != Starred_kind ? elt : elt->v.Starred.value));
    }
    return 0;
}

static int compiler_list_or_tuple(Compiler *c, expr_ty e, asdl_expr_seq *elts,
                                  expr_context_ty ctx, int tuple)
{
    if (ctx == Store)
        return assignment_helper(c, elts);
    if (ctx == Load)
        return starunpack_helper(c, elts, 0, FT_OP_BUILD_LIST, FT_OP_LIST_APPEND,
                                 FT_OP_LIST_EXTEND, tuple);
    return visit_exprs(c, elts);
}

static int compiler_subdict(Compiler *c, expr_ty e, ssize_t begin, ssize_t end)
{
    ssize_t n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big && are_all_items_const(e->v.Dict.keys, begin, end)) {
        for (ssize_t i = begin; i < end; i++)
            RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(e->v.Dict.values, i)));
        FtObject *keys = ft_tuple_new(n);
        if (keys == NULL)
            return -1;
        for (ssize_t i = begin; i < end; i++)
            FT_TUPLE_SET(keys, i - begin, fold_const(asdl_seq_GET(e->v.Dict.keys, i)));
        RETURN_IF_ERROR(ft_cg_addop_load_const_new(c, keys));
        ADDOP_I(c, FT_OP_BUILD_CONST_KEY_MAP, (int)n);
        return 0;
    }
    if (big)
        ADDOP_I(c, FT_OP_BUILD_MAP, 0);
    for (ssize_t i = begin; i < end; i++) {
        RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(e->v.Dict.keys, i)));
        RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(e->v.Dict.values, i)));
        if (big)
            ADDOP_I(c, FT_OP_MAP_ADD, 1);
    }
    if (!big)
        ADDOP_I(c, FT_OP_BUILD_MAP, (int)n);
    return 0;
}

static int compiler_dict(Compiler *c, expr_ty e)
{
    ssize_t n = asdl_seq_LEN(e->v.Dict.values), elements = 0;
    int have_dict = 0;
    for (ssize_t i = 0; i < n; i++) {
        int is_unpacking = asdl_seq_GET(e->v.Dict.keys, i) == NULL;
        if (is_unpacking) {
            if (elements) {
                RETURN_IF_ERROR(compiler_subdict(c, e, i - elements, i));
                if (have_dict)
                    ADDOP_I(c, FT_OP_DICT_UPDATE, 1);
                have_dict = 1;
                elements = 0;
            }
            if (!have_dict) {
                ADDOP_I(c, FT_OP_BUILD_MAP, 0);
                have_dict = 1;
            }
            RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(e->v.Dict.values, i)));
            ADDOP_I(c, FT_OP_DICT_UPDATE, 1);
        } else if (elements * 2 > STACK_USE_GUIDELINE) {
            RETURN_IF_ERROR(compiler_subdict(c, e, i - elements, i + 1));
            if (have_dict)
                ADDOP_I(c, FT_OP_DICT_UPDATE, 1);
            have_dict = 1;
            elements = 0;
        } else {
            elements++;
        }
    }
    if (elements) {
        RETURN_IF_ERROR(compiler_subdict(c, e, n - elements, n));
        if (have_dict)
            ADDOP_I(c, FT_OP_DICT_UPDATE, 1);
        have_dict = 1;
    }
    if (!have_dict)
        ADDOP_I(c, FT_OP_BUILD_MAP, 0);
    return 0;
}

static int compiler_compare(Compiler *c, expr_ty e)
{
    RETURN_IF_ERROR(check_compare(c, e));
    ssize_t n = asdl_seq_LEN(e->v.Compare.ops) - 1;
    RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.Compare.left));
    if (n == 0) {
        RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(e->v.Compare.comparators, 0)));
        return compare_op(c, asdl_seq_GET(e->v.Compare.ops, 0));
    }
    Block *cleanup = ft_cg_new_block(c), *end = ft_cg_new_block(c);
    if (cleanup == NULL || end == NULL)
        return -1;
    for (ssize_t i = 0; i < n; i++) {
        RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(e->v.Compare.comparators, i)));
        ADDOP_I(c, FT_OP_SWAP, 2);
        ADDOP_I(c, FT_OP_COPY, 2);
        RETURN_IF_ERROR(compare_op(c, asdl_seq_GET(e->v.Compare.ops, i)));
        ADDOP_JUMP(c, FT_OP_JUMP_IF_FALSE_OR_POP, cleanup);
    }
    RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(e->v.Compare.comparators, n)));
    RETURN_IF_ERROR(compare_op(c, asdl_seq_GET(e->v.Compare.ops, n)));
    ADDOP_JUMP(c, FT_OP_JUMP, end);
    ft_cg_use_next_block(c, cleanup);
    ADDOP_I(c, FT_OP_SWAP, 2);
    ADDOP(c, FT_OP_POP_TOP);
    ft_cg_use_next_block(c, end);
    return 0;
}

static int validate_keywords(Compiler *c, asdl_keyword_seq *keywords)
{
    ssize_t n = asdl_seq_LEN(keywords);
    for (ssize_t i = 0; i < n; i++) {
        keyword_ty key = asdl_seq_GET(keywords, i);
        if (key->arg == NULL)
            continue;
        RETURN_IF_ERROR(forbidden_name(c, key->arg, Store));
        for (ssize_t j = i + 1; j < n; j++) {
            keyword_ty other = asdl_seq_GET(keywords, j);
            if (other->arg && ft_str_eq(key->arg, other->arg)) {
                FtPosition old = c->u->loc;
                SET_LOC(c, other);
                ft_cg_error_fmt(c, "keyword argument repeated: %U", key->arg);
                c->u->loc = old;
                return -1;
            }
        }
    }
    return 0;
}

/* Push a tuple of the keyword names of keywords[begin..end) as a constant. */
static int kwnames_const(Compiler *c, asdl_keyword_seq *keywords, ssize_t begin, ssize_t end)
{
    FtObject *names = ft_tuple_new(end - begin);
    if (names == NULL)
        return -1;
    for (ssize_t i = begin; i < end; i++)
        FT_TUPLE_SET(names, i - begin, FT_NEWREF(asdl_seq_GET(keywords, i)->arg));
    return ft_cg_addop_load_const_new(c, names);
}

static int compiler_subkwargs(Compiler *c, asdl_keyword_seq *keywords, ssize_t begin,
                              ssize_t end)
{
    ssize_t n = end - begin;
    int big = n * 2 > STACK_USE_GUIDELINE;
    if (n > 1 && !big) {
        for (ssize_t i = begin; i < end; i++)
            RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(keywords, i)->value));
        RETURN_IF_ERROR(kwnames_const(c, keywords, begin, end));
        ADDOP_I(c, FT_OP_BUILD_CONST_KEY_MAP, (int)n);
        return 0;
    }
    if (big)
        ADDOP_I(c, FT_OP_BUILD_MAP, 0);
    for (ssize_t i = begin; i < end; i++) {
        keyword_ty kw = asdl_seq_GET(keywords, i);
        ADDOP_LOAD_CONST(c, kw->arg);
        RETURN_IF_ERROR(ft_cg_visit_expr(c, kw->value));
        if (big)
            ADDOP_I(c, FT_OP_MAP_ADD, 1);
    }
    if (!big)
        ADDOP_I(c, FT_OP_BUILD_MAP, (int)n);
    return 0;
}

/* The arguments of a call whose callable (and `n` extra positional arguments) are already
 * on the stack. */
static int compiler_call_helper(Compiler *c, int n, asdl_expr_seq *args,
                                asdl_keyword_seq *keywords)
{
    RETURN_IF_ERROR(validate_keywords(c, keywords));
    ssize_t nelts = asdl_seq_LEN(args), nkwelts = asdl_seq_LEN(keywords);
    if (nelts + nkwelts * 2 > STACK_USE_GUIDELINE)
        goto ex_call;
    for (ssize_t i = 0; i < nelts; i++)
        if (asdl_seq_GET(args, i)->kind == Starred_kind)
            goto ex_call;
    for (ssize_t i = 0; i < nkwelts; i++)
        if (asdl_seq_GET(keywords, i)->arg == NULL)
            goto ex_call;
    RETURN_IF_ERROR(visit_exprs(c, args));
    if (nkwelts) {
        for (ssize_t i = 0; i < nkwelts; i++)
            RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(keywords, i)->value));
        RETURN_IF_ERROR(kwnames_const(c, keywords, 0, nkwelts));
        ADDOP_I(c, FT_OP_CALL_KW, n + (int)nelts + (int)nkwelts);
    } else {
        ADDOP_I(c, FT_OP_CALL, n + (int)nelts);
    }
    return 0;

ex_call:
    if (n == 0 && nelts == 1 && asdl_seq_GET(args, 0)->kind == Starred_kind) {
        RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(args, 0)->v.Starred.value));
    } else {
        RETURN_IF_ERROR(starunpack_helper(c, args, n, FT_OP_BUILD_LIST, FT_OP_LIST_APPEND,
                                          FT_OP_LIST_EXTEND, 1));
    }
    if (nkwelts) {
        int have_dict = 0;
        ssize_t nseen = 0;
        for (ssize_t i = 0; i < nkwelts; i++) {
            keyword_ty kw = asdl_seq_GET(keywords, i);
            if (kw->arg == NULL) {
                if (nseen) {
                    RETURN_IF_ERROR(compiler_subkwargs(c, keywords, i - nseen, i));
                    if (have_dict)
                        ADDOP_I(c, FT_OP_DICT_MERGE, 1);
                    have_dict = 1;
                    nseen = 0;
                }
                if (!have_dict) {
                    ADDOP_I(c, FT_OP_BUILD_MAP, 0);
                    have_dict = 1;
                }
                RETURN_IF_ERROR(ft_cg_visit_expr(c, kw->value));
                ADDOP_I(c, FT_OP_DICT_MERGE, 1);
            } else {
                nseen++;
            }
        }
        if (nseen) {
            RETURN_IF_ERROR(compiler_subkwargs(c, keywords, nkwelts - nseen, nkwelts));
            if (have_dict)
                ADDOP_I(c, FT_OP_DICT_MERGE, 1);
        }
    }
    ADDOP_I(c, FT_OP_CALL_FUNCTION_EX, nkwelts > 0);
    return 0;
}

/* obj.meth(args): LOAD_METHOD + CALL, when the call has no * or ** arguments. */
static int maybe_optimize_method_call(Compiler *c, expr_ty e)
{
    expr_ty meth = e->v.Call.func;
    asdl_expr_seq *args = e->v.Call.args;
    asdl_keyword_seq *kwds = e->v.Call.keywords;
    if (meth->kind != Attribute_kind || meth->v.Attribute.ctx != Load)
        return 1;
    ssize_t argsl = asdl_seq_LEN(args), kwdsl = asdl_seq_LEN(kwds);
    if (argsl + kwdsl + (kwdsl != 0) >= STACK_USE_GUIDELINE)
        return 1;
    for (ssize_t i = 0; i < argsl; i++)
        if (asdl_seq_GET(args, i)->kind == Starred_kind)
            return 1;
    for (ssize_t i = 0; i < kwdsl; i++)
        if (asdl_seq_GET(kwds, i)->arg == NULL)
            return 1;
    RETURN_IF_ERROR(validate_keywords(c, kwds));
    RETURN_IF_ERROR(ft_cg_visit_expr(c, meth->v.Attribute.value));
    FtPosition old = c->u->loc;
    update_start_location_to_match_attr(c, meth);
    ADDOP_NAME(c, FT_OP_LOAD_METHOD, meth->v.Attribute.attr);
    c->u->loc = old;
    RETURN_IF_ERROR(visit_exprs(c, args));
    if (kwdsl) {
        for (ssize_t i = 0; i < kwdsl; i++)
            RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(kwds, i)->value));
        RETURN_IF_ERROR(kwnames_const(c, kwds, 0, kwdsl));
    }
    update_start_location_to_match_attr(c, meth);
    ADDOP_I(c, kwdsl ? FT_OP_CALL_KW : FT_OP_CALL, (int)(argsl + kwdsl));
    c->u->loc = old;
    return 0;
}

static int compiler_call(Compiler *c, expr_ty e)
{
    RETURN_IF_ERROR(check_caller(c, e->v.Call.func));
    int r = maybe_optimize_method_call(c, e);
    if (r <= 0)
        return r;
    FtPosition old = c->u->loc;
    SET_LOC(c, e->v.Call.func);
    ADDOP(c, FT_OP_PUSH_NULL);
    c->u->loc = old;
    RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.Call.func));
    return compiler_call_helper(c, 0, e->v.Call.args, e->v.Call.keywords);
}

static int compiler_joined_str(Compiler *c, expr_ty e)
{
    ssize_t n = asdl_seq_LEN(e->v.JoinedStr.values);
    if (n > STACK_USE_GUIDELINE) {
        ADDOP_LOAD_CONST(c, id_str(""));
        ADDOP_NAME(c, FT_OP_LOAD_METHOD, id_str("join"));
        ADDOP_I(c, FT_OP_BUILD_LIST, 0);
        for (ssize_t i = 0; i < n; i++) {
            RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(e->v.JoinedStr.values, i)));
            ADDOP_I(c, FT_OP_LIST_APPEND, 1);
        }
        ADDOP_I(c, FT_OP_CALL, 1);
        return 0;
    }
    RETURN_IF_ERROR(visit_exprs(c, e->v.JoinedStr.values));
    if (n != 1)
        ADDOP_I(c, FT_OP_BUILD_STRING, (int)n);
    return 0;
}

static int compiler_formatted_value(Compiler *c, expr_ty e)
{
    RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.FormattedValue.value));
    int oparg;
    switch (e->v.FormattedValue.conversion) {
    case 's': oparg = 1; break;
    case 'r': oparg = 2; break;
    case 'a': oparg = 3; break;
    default: oparg = 0; break;
    }
    if (e->v.FormattedValue.format_spec) {
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.FormattedValue.format_spec));
        oparg |= 4;
    }
    ADDOP_I(c, FT_OP_FORMAT_VALUE, oparg);
    return 0;
}

static int async_comprehension_generator(Compiler *c, asdl_comprehension_seq *generators,
                                         int gen_index, int depth, expr_ty elt, expr_ty val,
                                         int type);

/* The innermost element of a comprehension. */
static int comprehension_element(Compiler *c, int depth, expr_ty elt, expr_ty val, int type)
{
    switch (type) {
    case FT_COMP_GENEXP:
        RETURN_IF_ERROR(ft_cg_visit_expr(c, elt));
        if (c->u->ste->coroutine)
            ADDOP(c, FT_OP_ASYNC_GEN_WRAP);
        ADDOP(c, FT_OP_YIELD_VALUE);
        ADDOP(c, FT_OP_POP_TOP);
        break;
    case FT_COMP_LIST:
        RETURN_IF_ERROR(ft_cg_visit_expr(c, elt));
        ADDOP_I(c, FT_OP_LIST_APPEND, depth + 1);
        break;
    case FT_COMP_SET:
        RETURN_IF_ERROR(ft_cg_visit_expr(c, elt));
        ADDOP_I(c, FT_OP_SET_ADD, depth + 1);
        break;
    case FT_COMP_DICT:
        RETURN_IF_ERROR(ft_cg_visit_expr(c, elt));
        RETURN_IF_ERROR(ft_cg_visit_expr(c, val));
        ADDOP_I(c, FT_OP_MAP_ADD, depth + 1);
        break;
    }
    return 0;
}

static int comprehension_generator(Compiler *c, asdl_comprehension_seq *generators,
                                   int gen_index, int depth, expr_ty elt, expr_ty val,
                                   int type)
{
    comprehension_ty gen = asdl_seq_GET(generators, gen_index);
    if (gen->is_async)
        return async_comprehension_generator(c, generators, gen_index, depth, elt, val, type);
    Block *start = ft_cg_new_block(c), *if_cleanup = ft_cg_new_block(c), *anchor = ft_cg_new_block(c);
    if (!start || !if_cleanup || !anchor)
        return -1;
    if (gen_index == 0) {
        /* the outermost iterator is the implicit argument .0 */
        c->u->argcount = 1;
        ADDOP_I(c, FT_OP_LOAD_FAST, 0);
    } else {
        /* `for y in [f(x)]`: bind without iterating */
        asdl_expr_seq *elts = NULL;
        if (gen->iter->kind == List_kind)
            elts = gen->iter->v.List.elts;
        else if (gen->iter->kind == Tuple_kind)
            elts = gen->iter->v.Tuple.elts;
        if (asdl_seq_LEN(elts) == 1 && asdl_seq_GET(elts, 0)->kind != Starred_kind) {
            RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(elts, 0)));
            start = NULL;
        } else {
            RETURN_IF_ERROR(ft_cg_visit_expr(c, gen->iter));
            ADDOP(c, FT_OP_GET_ITER);
        }
    }
    if (start) {
        depth++;
        ft_cg_use_next_block(c, start);
        ADDOP_JUMP(c, FT_OP_FOR_ITER, anchor);
    }
    RETURN_IF_ERROR(ft_cg_visit_expr(c, gen->target));
    for (ssize_t i = 0; i < asdl_seq_LEN(gen->ifs); i++)
        RETURN_IF_ERROR(ft_cg_jump_if(c, asdl_seq_GET(gen->ifs, i), if_cleanup, 0));
    if (++gen_index < asdl_seq_LEN(generators)) {
        RETURN_IF_ERROR(comprehension_generator(c, generators, gen_index, depth, elt, val,
                                                type));
    } else {
        RETURN_IF_ERROR(comprehension_element(c, depth, elt, val, type));
    }
    ft_cg_use_next_block(c, if_cleanup);
    if (start) {
        ADDOP_JUMP(c, FT_OP_JUMP, start);
        ft_cg_use_next_block(c, anchor);
    }
    return 0;
}

/* `async for` clause of a comprehension (CPython's compiler_async_comprehension_generator). */
static int async_comprehension_generator(Compiler *c, asdl_comprehension_seq *generators,
                                         int gen_index, int depth, expr_ty elt, expr_ty val,
                                         int type)
{
    comprehension_ty gen = asdl_seq_GET(generators, gen_index);
    Block *start = ft_cg_new_block(c), *except = ft_cg_new_block(c),
          *if_cleanup = ft_cg_new_block(c);
    if (!start || !except || !if_cleanup)
        return -1;
    if (gen_index == 0) {
        /* the outermost async iterator is the implicit argument .0 (GET_AITER by the caller) */
        c->u->argcount = 1;
        ADDOP_I(c, FT_OP_LOAD_FAST, 0);
    } else {
        RETURN_IF_ERROR(ft_cg_visit_expr(c, gen->iter));
        ADDOP(c, FT_OP_GET_AITER);
    }
    ft_cg_use_next_block(c, start);
    depth++;
    /* a pseudo loop block so that nothing unwinds past the aiter */
    RETURN_IF_ERROR(push_fblock(c, FB_FOR_LOOP, start, NULL, NULL));
    ADDOP_JUMP(c, PSEUDO_SETUP_FINALLY, except);
    ADDOP(c, FT_OP_GET_ANEXT);
    ADDOP_LOAD_CONST(c, FT_NONE);
    ADDOP(c, FT_OP_YIELD_FROM);
    ADDOP(c, PSEUDO_POP_BLOCK);
    RETURN_IF_ERROR(ft_cg_visit_expr(c, gen->target));
    for (ssize_t i = 0; i < asdl_seq_LEN(gen->ifs); i++)
        RETURN_IF_ERROR(ft_cg_jump_if(c, asdl_seq_GET(gen->ifs, i), if_cleanup, 0));
    if (++gen_index < asdl_seq_LEN(generators))
        RETURN_IF_ERROR(comprehension_generator(c, generators, gen_index, depth, elt, val,
                                                type));
    else
        RETURN_IF_ERROR(comprehension_element(c, depth, elt, val, type));
    ft_cg_use_next_block(c, if_cleanup);
    ADDOP_JUMP(c, FT_OP_JUMP, start);
    pop_fblock(c);
    ft_cg_use_next_block(c, except);
    ADDOP(c, FT_OP_END_ASYNC_FOR);
    return 0;
}

static int compiler_comprehension(Compiler *c, expr_ty e, int type, const char *name,
                                  asdl_comprehension_seq *generators, expr_ty elt,
                                  expr_ty val)
{
    comprehension_ty outermost = asdl_seq_GET(generators, 0);
    int outer_async = c->u->is_async, outer_scope = c->u->scope_type;
    RETURN_IF_ERROR(enter_scope(c, id_str(name), SCOPE_COMPREHENSION, e, e->lineno));
    SET_LOC(c, e);
    int is_async_generator = c->u->ste->coroutine;
    if (is_async_generator && type != FT_COMP_GENEXP && !outer_async &&
        outer_scope != SCOPE_COMPREHENSION) {
        ft_cg_error(c, "asynchronous comprehension outside of an asynchronous function");
        goto error;
    }
    int op = type == FT_COMP_LIST ? FT_OP_BUILD_LIST
           : type == FT_COMP_SET ? FT_OP_BUILD_SET
           : type == FT_COMP_DICT ? FT_OP_BUILD_MAP : -1;
    if (op >= 0 && ft_cg_addop(c, op, 0) < 0)
        goto error;
    if (comprehension_generator(c, generators, 0, 0, elt, val, type) < 0)
        goto error;
    if (type != FT_COMP_GENEXP && ft_cg_addop(c, FT_OP_RETURN_VALUE, 0) < 0)
        goto error;
    FtObject *co = ft_cg_assemble(c, 1);
    exit_scope(c);
    if (co == NULL)
        return -1;
    int r = make_closure(c, co, 0);
    FT_DECREF(co);
    RETURN_IF_ERROR(r);
    RETURN_IF_ERROR(ft_cg_visit_expr(c, outermost->iter));
    ADDOP(c, outermost->is_async ? FT_OP_GET_AITER : FT_OP_GET_ITER);
    /* [function, iterator]: CALL 0 passes the iterator in the `self` slot */
    ADDOP_I(c, FT_OP_CALL, 0);
    if (is_async_generator && type != FT_COMP_GENEXP)
        RETURN_IF_ERROR(add_await(c, 0));
    return 0;
error:
    exit_scope(c);
    return -1;
}

static int visit_expr1(Compiler *c, expr_ty e)
{
    switch (e->kind) {
    case NamedExpr_kind:
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.NamedExpr.value));
        ADDOP_I(c, FT_OP_COPY, 1);
        return ft_cg_visit_expr(c, e->v.NamedExpr.target);
    case BoolOp_kind: {
        int jumpi = e->v.BoolOp.op == And ? FT_OP_JUMP_IF_FALSE_OR_POP : FT_OP_JUMP_IF_TRUE_OR_POP;
        Block *end = ft_cg_new_block(c);
        if (end == NULL)
            return -1;
        asdl_expr_seq *s = e->v.BoolOp.values;
        ssize_t n = asdl_seq_LEN(s) - 1;
        for (ssize_t i = 0; i < n; i++) {
            RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(s, i)));
            ADDOP_JUMP(c, jumpi, end);
        }
        RETURN_IF_ERROR(ft_cg_visit_expr(c, asdl_seq_GET(s, n)));
        ft_cg_use_next_block(c, end);
        return 0;
    }
    case BinOp_kind: {
        FtObject *folded = fold_const(e);
        if (folded)
            return ft_cg_addop_load_const_new(c, folded);
    }
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.BinOp.left));
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.BinOp.right));
        ADDOP_I(c, FT_OP_BINARY_OP, binop_arg(e->v.BinOp.op, 0));
        return 0;
    case UnaryOp_kind: {
        FtObject *folded = fold_const(e);
        if (folded)
            return ft_cg_addop_load_const_new(c, folded);
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.UnaryOp.operand));
        switch (e->v.UnaryOp.op) {
        case Invert: ADDOP(c, FT_OP_UNARY_INVERT); break;
        case Not: ADDOP(c, FT_OP_UNARY_NOT); break;
        case UAdd: ADDOP(c, FT_OP_UNARY_POSITIVE); break;
        case USub: ADDOP(c, FT_OP_UNARY_NEGATIVE); break;
        }
        return 0;
    }
    case Lambda_kind:
        return compiler_lambda(c, e);
    case IfExp_kind: {
        Block *end = ft_cg_new_block(c), *next = ft_cg_new_block(c);
        if (end == NULL || next == NULL)
            return -1;
        RETURN_IF_ERROR(ft_cg_jump_if(c, e->v.IfExp.test, next, 0));
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.IfExp.body));
        ADDOP_JUMP(c, FT_OP_JUMP, end);
        ft_cg_use_next_block(c, next);
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.IfExp.orelse));
        ft_cg_use_next_block(c, end);
        return 0;
    }
    case Dict_kind:
        return compiler_dict(c, e);
    case Set_kind:
        return starunpack_helper(c, e->v.Set.elts, 0, FT_OP_BUILD_SET, FT_OP_SET_ADD,
                                 FT_OP_SET_UPDATE, 0);
    case GeneratorExp_kind:
        return compiler_comprehension(c, e, FT_COMP_GENEXP, "<genexpr>",
                                      e->v.GeneratorExp.generators, e->v.GeneratorExp.elt, NULL);
    case ListComp_kind:
        return compiler_comprehension(c, e, FT_COMP_LIST, "<listcomp>",
                                      e->v.ListComp.generators, e->v.ListComp.elt, NULL);
    case SetComp_kind:
        return compiler_comprehension(c, e, FT_COMP_SET, "<setcomp>", e->v.SetComp.generators,
                                      e->v.SetComp.elt, NULL);
    case DictComp_kind:
        return compiler_comprehension(c, e, FT_COMP_DICT, "<dictcomp>",
                                      e->v.DictComp.generators, e->v.DictComp.key,
                                      e->v.DictComp.value);
    case Yield_kind:
        if (c->u->ste->type != FT_BLOCK_FUNCTION)
            return ft_cg_error(c, "'yield' outside function");
        if (e->v.Yield.value)
            RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.Yield.value));
        else
            ADDOP_LOAD_CONST(c, FT_NONE);
        if (c->u->ste->coroutine)
            ADDOP(c, FT_OP_ASYNC_GEN_WRAP);
        ADDOP(c, FT_OP_YIELD_VALUE);
        return 0;
    case YieldFrom_kind:
        if (c->u->ste->type != FT_BLOCK_FUNCTION)
            return ft_cg_error(c, "'yield' outside function");
        if (c->u->is_async)
            return ft_cg_error(c, "'yield from' inside async function");
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.YieldFrom.value));
        ADDOP(c, FT_OP_GET_YIELD_FROM_ITER);
        ADDOP_LOAD_CONST(c, FT_NONE);
        ADDOP(c, FT_OP_YIELD_FROM);
        return 0;
    case Await_kind:
        if (c->u->ste->type != FT_BLOCK_FUNCTION)
            return ft_cg_error(c, "'await' outside function");
        if (!c->u->is_async && c->u->scope_type != SCOPE_COMPREHENSION)
            return ft_cg_error(c, "'await' outside async function");
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.Await.value));
        return add_await(c, 0);
    case Compare_kind:
        return compiler_compare(c, e);
    case Call_kind:
        return compiler_call(c, e);
    case Constant_kind:
        return ft_cg_addop_load_const(c, e->v.Constant.value);
    case JoinedStr_kind:
        return compiler_joined_str(c, e);
    case FormattedValue_kind:
        return compiler_formatted_value(c, e);
    case Attribute_kind:
        RETURN_IF_ERROR(forbidden_name(c, e->v.Attribute.attr, e->v.Attribute.ctx));
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.Attribute.value));
        update_start_location_to_match_attr(c, e);
        switch (e->v.Attribute.ctx) {
        case Load: ADDOP_NAME(c, FT_OP_LOAD_ATTR, e->v.Attribute.attr); break;
        case Store: ADDOP_NAME(c, FT_OP_STORE_ATTR, e->v.Attribute.attr); break;
        case Del: ADDOP_NAME(c, FT_OP_DELETE_ATTR, e->v.Attribute.attr); break;
        }
        return 0;
    case Subscript_kind:
        if (e->v.Subscript.ctx == Load) {
            FtObject *folded = fold_const(e);
            if (folded)
                return ft_cg_addop_load_const_new(c, folded);
            RETURN_IF_ERROR(check_subscripter(c, e->v.Subscript.value));
            RETURN_IF_ERROR(check_index(c, e->v.Subscript.value, e->v.Subscript.slice));
        }
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.Subscript.value));
        RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.Subscript.slice));
        switch (e->v.Subscript.ctx) {
        case Load: ADDOP(c, FT_OP_BINARY_SUBSCR); break;
        case Store: ADDOP(c, FT_OP_STORE_SUBSCR); break;
        case Del: ADDOP(c, FT_OP_DELETE_SUBSCR); break;
        }
        return 0;
    case Starred_kind:
        if (e->v.Starred.ctx == Store)
            return ft_cg_error(c, "starred assignment target must be in a list or tuple");
        return ft_cg_error(c, "can't use starred expression here");
    case Slice_kind: {
        int n = 2;
        if (e->v.Slice.lower)
            RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.Slice.lower));
        else
            ADDOP_LOAD_CONST(c, FT_NONE);
        if (e->v.Slice.upper)
            RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.Slice.upper));
        else
            ADDOP_LOAD_CONST(c, FT_NONE);
        if (e->v.Slice.step) {
            n++;
            RETURN_IF_ERROR(ft_cg_visit_expr(c, e->v.Slice.step));
        }
        ADDOP_I(c, FT_OP_BUILD_SLICE, n);
        return 0;
    }
    case Name_kind:
        return ft_cg_nameop(c, e->v.Name.id, e->v.Name.ctx);
    case List_kind:
        return compiler_list_or_tuple(c, e, e->v.List.elts, e->v.List.ctx, 0);
    case Tuple_kind: {
        if (e->v.Tuple.ctx == Load) {
            FtObject *folded = fold_const(e);
            if (folded)
                return ft_cg_addop_load_const_new(c, folded);
        }
        return compiler_list_or_tuple(c, e, e->v.Tuple.elts, e->v.Tuple.ctx, 1);
    }
    }
    return 0;
}

int ft_cg_visit_expr(Compiler *c, expr_ty e)
{
    FtPosition old = c->u->loc;
    SET_LOC(c, e);
    int r = visit_expr1(c, e);
    c->u->loc = old;
    return r;
}

/* ---- entry point -------------------------------------------------------------------------- */

/* The future statements at the top of a module (CPython's future.c): unknown features are
 * errors, and c->future_lineno is the line of the last one, so that later ones are errors. */
static int future_parse(Compiler *c, asdl_stmt_seq *body)
{
    static const char *const known[] = { "nested_scopes", "generators", "division",
                                         "absolute_import", "with_statement", "print_function",
                                         "unicode_literals", "barry_as_FLUFL", "generator_stop",
                                         "annotations", NULL };
    int done = 0, prev_line = 0;
    ssize_t i = get_docstring(body) ? 1 : 0;
    for (; i < asdl_seq_LEN(body); i++) {
        stmt_ty s = asdl_seq_GET(body, i);
        if (done && s->lineno > prev_line)
            return 0;
        prev_line = s->lineno;
        if (s->kind != ImportFrom_kind || s->v.ImportFrom.module == NULL ||
            !ft_str_eq_cstr(s->v.ImportFrom.module, "__future__")) {
            done = 1;
            continue;
        }
        if (done) {
            ft_syntax_error(ft_exc_SyntaxError,
                            "from __future__ imports must occur at the beginning of the file",
                            c->filename, c->src, s->lineno, s->col_offset - 1, s->lineno, -1);
            return -1;
        }
        for (ssize_t j = 0; j < asdl_seq_LEN(s->v.ImportFrom.names); j++) {
            FtObject *name = asdl_seq_GET(s->v.ImportFrom.names, j)->name;
            int ok = 0;
            for (int k = 0; known[k] && !ok; k++)
                ok = ft_str_eq_cstr(name, known[k]);
            if (ok)
                continue;
            FtObject *msg = ft_str_eq_cstr(name, "braces")
                                ? ft_str_from_cstr("not a chance")
                                : ft_str_from_format("future feature %.100U is not defined", name);
            if (msg == NULL)
                return -1;
            ft_syntax_error(ft_exc_SyntaxError, ft_str_as_utf8(msg), c->filename, c->src,
                            s->lineno, s->col_offset, s->lineno, -1);
            FT_DECREF(msg);
            return -1;
        }
        c->future_lineno = s->lineno;
    }
    return 0;
}

FtObject *ft_codegen_module(mod_ty mod, FtSymtable *st, FtObject *filename, const char *src,
                            int mode, int flags)
{
    Compiler c = { 0 };
    c.st = st;
    c.filename = filename;
    c.src = src;
    c.optimize = (flags & FT_CF_OPTIMIZE2) ? 2 : (flags & FT_CF_OPTIMIZE) ? 1 : 0;
    c.future_annotations = st->future_annotations;
    if (mod->kind == Module_kind && future_parse(&c, mod->v.Module.body) < 0)
        return NULL;
    if (mod->kind == Interactive_kind && future_parse(&c, mod->v.Interactive.body) < 0)
        return NULL;
    FtObject *name = id_str("<module>");
    if (name == NULL || enter_scope(&c, name, SCOPE_MODULE, mod, 1) < 0)
        goto error;
    int add_none = 1, r = 0;
    switch (mod->kind) {
    case Module_kind:
        r = compiler_body(&c, mod->v.Module.body);
        break;
    case Interactive_kind:
        c.interactive = 1;
        if (find_ann(mod->v.Interactive.body))
            r = ft_cg_addop(&c, FT_OP_SETUP_ANNOTATIONS, 0);
        if (r == 0)
            r = ft_cg_visit_stmts(&c, mod->v.Interactive.body);
        break;
    case Expression_kind:
        r = ft_cg_visit_expr(&c, mod->v.Expression.body);
        if (r == 0)
            r = ft_cg_addop(&c, FT_OP_RETURN_VALUE, 0);
        add_none = 0;
        break;
    default:
        ft_err_set_string(ft_exc_SystemError, "compiler: unsupported module kind");
        r = -1;
    }
    (void)mode;
    if (r < 0)
        goto error;
    FtObject *co = ft_cg_assemble(&c, add_none);
    exit_scope(&c);
    return co;
error:
    while (c.u)
        exit_scope(&c);
    return NULL;
}
