/* The AST arena, the typed sequences and the node constructors (ast.h), plus ft_ast_dump,
 * a debugging aid printing a tree the way Python's ast.dump() does.
 *
 * The arena hands out zeroed memory from large blocks and frees them all at once; it also
 * holds one reference to every object (identifier, constant) the tree points to, so the
 * nodes can keep borrowed pointers. */
#include "core/compiler/ast.h"

#include <stdio.h>
#include <string.h>

#define ARENA_BLOCK_SIZE 8192

typedef struct ArenaBlock {
    struct ArenaBlock *next;
    size_t used, size;
    _Alignas(max_align_t) char data[];
} ArenaBlock;

struct FtArena {
    ArenaBlock *blocks;       /* the current block first */
    FtObject **objects;
    ssize_t nobjects, objects_cap;
};

FtArena *ft_arena_new(void)
{
    FtArena *a = ft_mem_calloc(1, sizeof(FtArena));
    return a;
}

void ft_arena_free(FtArena *arena)
{
    if (!arena)
        return;
    ArenaBlock *b = arena->blocks;
    while (b) {
        ArenaBlock *next = b->next;
        ft_mem_free(b);
        b = next;
    }
    for (ssize_t i = 0; i < arena->nobjects; i++)
        FT_DECREF(arena->objects[i]);
    ft_mem_free(arena->objects);
    ft_mem_free(arena);
}

void *ft_arena_malloc(FtArena *arena, size_t size)
{
    size = (size + _Alignof(max_align_t) - 1) & ~(size_t)(_Alignof(max_align_t) - 1);
    ArenaBlock *b = arena->blocks;
    if (!b || b->size - b->used < size) {
        size_t bsize = size > ARENA_BLOCK_SIZE ? size : ARENA_BLOCK_SIZE;
        ArenaBlock *nb = ft_mem_alloc(sizeof(ArenaBlock) + bsize);
        if (!nb)
            return NULL;
        nb->used = 0;
        nb->size = bsize;
        /* A big one-off allocation goes behind the current block so the current block's
         * free space is not wasted. */
        if (b && size > ARENA_BLOCK_SIZE) {
            nb->next = b->next;
            b->next = nb;
        } else {
            nb->next = b;
            arena->blocks = nb;
        }
        b = nb;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

int ft_arena_add_object(FtArena *arena, FtObject *o)
{
    if (arena->nobjects == arena->objects_cap) {
        ssize_t ncap = arena->objects_cap ? arena->objects_cap * 2 : 64;
        FtObject **n = ft_mem_realloc(arena->objects, (size_t)ncap * sizeof(FtObject *));
        if (!n) {
            FT_DECREF(o);
            return -1;
        }
        arena->objects = n;
        arena->objects_cap = ncap;
    }
    arena->objects[arena->nobjects++] = o;
    return 0;
}

/* ---- sequences ------------------------------------------------------------------------- */

#define SEQ_NEW(NAME, T)                                                                   \
    NAME *ft_##NAME##_new(ssize_t n, FtArena *arena)                                       \
    {                                                                                      \
        NAME *s = ft_arena_malloc(arena, sizeof(NAME) + (size_t)n * sizeof(T));            \
        if (s)                                                                             \
            s->size = n;                                                                   \
        return s;                                                                          \
    }

SEQ_NEW(asdl_stmt_seq, stmt_ty)
SEQ_NEW(asdl_expr_seq, expr_ty)
SEQ_NEW(asdl_comprehension_seq, comprehension_ty)
SEQ_NEW(asdl_excepthandler_seq, excepthandler_ty)
SEQ_NEW(asdl_arg_seq, arg_ty)
SEQ_NEW(asdl_keyword_seq, keyword_ty)
SEQ_NEW(asdl_alias_seq, alias_ty)
SEQ_NEW(asdl_withitem_seq, withitem_ty)
SEQ_NEW(asdl_match_case_seq, match_case_ty)
SEQ_NEW(asdl_pattern_seq, pattern_ty)
SEQ_NEW(asdl_type_ignore_seq, type_ignore_ty)
SEQ_NEW(asdl_identifier_seq, FtObject *)
SEQ_NEW(asdl_int_seq, int)

asdl_seq *ft_asdl_generic_seq_new(ssize_t n, FtArena *arena)
{
    asdl_seq *s = ft_arena_malloc(arena, sizeof(asdl_seq) + (size_t)n * sizeof(void *));
    if (s)
        s->size = n;
    return s;
}

/* ---- constructors (generated from ast.h's prototypes, one per node kind) ---------------- */

mod_ty ft_ast_Module(asdl_stmt_seq *body, asdl_type_ignore_seq *type_ignores, FtArena *arena)
{
    mod_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Module_kind;
    p->v.Module.body = body;
    p->v.Module.type_ignores = type_ignores;
    return p;
}

mod_ty ft_ast_Interactive(asdl_stmt_seq *body, FtArena *arena)
{
    mod_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Interactive_kind;
    p->v.Interactive.body = body;
    return p;
}

mod_ty ft_ast_Expression(expr_ty body, FtArena *arena)
{
    mod_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Expression_kind;
    p->v.Expression.body = body;
    return p;
}

mod_ty ft_ast_FunctionType(asdl_expr_seq *argtypes, expr_ty returns, FtArena *arena)
{
    mod_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = FunctionType_kind;
    p->v.FunctionType.argtypes = argtypes;
    p->v.FunctionType.returns = returns;
    return p;
}

stmt_ty ft_ast_FunctionDef(FtObject *name, arguments_ty args, asdl_stmt_seq *body, asdl_expr_seq *decorator_list, expr_ty returns, FtObject *type_comment, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = FunctionDef_kind;
    p->v.FunctionDef.name = name;
    p->v.FunctionDef.args = args;
    p->v.FunctionDef.body = body;
    p->v.FunctionDef.decorator_list = decorator_list;
    p->v.FunctionDef.returns = returns;
    p->v.FunctionDef.type_comment = type_comment;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_AsyncFunctionDef(FtObject *name, arguments_ty args, asdl_stmt_seq *body, asdl_expr_seq *decorator_list, expr_ty returns, FtObject *type_comment, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = AsyncFunctionDef_kind;
    p->v.AsyncFunctionDef.name = name;
    p->v.AsyncFunctionDef.args = args;
    p->v.AsyncFunctionDef.body = body;
    p->v.AsyncFunctionDef.decorator_list = decorator_list;
    p->v.AsyncFunctionDef.returns = returns;
    p->v.AsyncFunctionDef.type_comment = type_comment;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_ClassDef(FtObject *name, asdl_expr_seq *bases, asdl_keyword_seq *keywords, asdl_stmt_seq *body, asdl_expr_seq *decorator_list, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = ClassDef_kind;
    p->v.ClassDef.name = name;
    p->v.ClassDef.bases = bases;
    p->v.ClassDef.keywords = keywords;
    p->v.ClassDef.body = body;
    p->v.ClassDef.decorator_list = decorator_list;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_Return(expr_ty value, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Return_kind;
    p->v.Return.value = value;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_Delete(asdl_expr_seq *targets, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Delete_kind;
    p->v.Delete.targets = targets;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_Assign(asdl_expr_seq *targets, expr_ty value, FtObject *type_comment, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Assign_kind;
    p->v.Assign.targets = targets;
    p->v.Assign.value = value;
    p->v.Assign.type_comment = type_comment;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_AugAssign(expr_ty target, operator_ty op, expr_ty value, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = AugAssign_kind;
    p->v.AugAssign.target = target;
    p->v.AugAssign.op = op;
    p->v.AugAssign.value = value;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_AnnAssign(expr_ty target, expr_ty annotation, expr_ty value, int simple, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = AnnAssign_kind;
    p->v.AnnAssign.target = target;
    p->v.AnnAssign.annotation = annotation;
    p->v.AnnAssign.value = value;
    p->v.AnnAssign.simple = simple;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_For(expr_ty target, expr_ty iter, asdl_stmt_seq *body, asdl_stmt_seq *orelse, FtObject *type_comment, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = For_kind;
    p->v.For.target = target;
    p->v.For.iter = iter;
    p->v.For.body = body;
    p->v.For.orelse = orelse;
    p->v.For.type_comment = type_comment;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_AsyncFor(expr_ty target, expr_ty iter, asdl_stmt_seq *body, asdl_stmt_seq *orelse, FtObject *type_comment, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = AsyncFor_kind;
    p->v.AsyncFor.target = target;
    p->v.AsyncFor.iter = iter;
    p->v.AsyncFor.body = body;
    p->v.AsyncFor.orelse = orelse;
    p->v.AsyncFor.type_comment = type_comment;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_While(expr_ty test, asdl_stmt_seq *body, asdl_stmt_seq *orelse, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = While_kind;
    p->v.While.test = test;
    p->v.While.body = body;
    p->v.While.orelse = orelse;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_If(expr_ty test, asdl_stmt_seq *body, asdl_stmt_seq *orelse, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = If_kind;
    p->v.If.test = test;
    p->v.If.body = body;
    p->v.If.orelse = orelse;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_With(asdl_withitem_seq *items, asdl_stmt_seq *body, FtObject *type_comment, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = With_kind;
    p->v.With.items = items;
    p->v.With.body = body;
    p->v.With.type_comment = type_comment;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_AsyncWith(asdl_withitem_seq *items, asdl_stmt_seq *body, FtObject *type_comment, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = AsyncWith_kind;
    p->v.AsyncWith.items = items;
    p->v.AsyncWith.body = body;
    p->v.AsyncWith.type_comment = type_comment;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_Match(expr_ty subject, asdl_match_case_seq *cases, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Match_kind;
    p->v.Match.subject = subject;
    p->v.Match.cases = cases;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_Raise(expr_ty exc, expr_ty cause, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Raise_kind;
    p->v.Raise.exc = exc;
    p->v.Raise.cause = cause;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_Try(asdl_stmt_seq *body, asdl_excepthandler_seq *handlers, asdl_stmt_seq *orelse, asdl_stmt_seq *finalbody, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Try_kind;
    p->v.Try.body = body;
    p->v.Try.handlers = handlers;
    p->v.Try.orelse = orelse;
    p->v.Try.finalbody = finalbody;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_TryStar(asdl_stmt_seq *body, asdl_excepthandler_seq *handlers, asdl_stmt_seq *orelse, asdl_stmt_seq *finalbody, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = TryStar_kind;
    p->v.TryStar.body = body;
    p->v.TryStar.handlers = handlers;
    p->v.TryStar.orelse = orelse;
    p->v.TryStar.finalbody = finalbody;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_Assert(expr_ty test, expr_ty msg, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Assert_kind;
    p->v.Assert.test = test;
    p->v.Assert.msg = msg;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_Import(asdl_alias_seq *names, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Import_kind;
    p->v.Import.names = names;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_ImportFrom(FtObject *module, asdl_alias_seq *names, int level, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = ImportFrom_kind;
    p->v.ImportFrom.module = module;
    p->v.ImportFrom.names = names;
    p->v.ImportFrom.level = level;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_Global(asdl_identifier_seq *names, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Global_kind;
    p->v.Global.names = names;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_Nonlocal(asdl_identifier_seq *names, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Nonlocal_kind;
    p->v.Nonlocal.names = names;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_Expr(expr_ty value, FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Expr_kind;
    p->v.Expr.value = value;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_Pass(FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Pass_kind;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_Break(FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Break_kind;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

stmt_ty ft_ast_Continue(FT_AST_POS, FtArena *arena)
{
    stmt_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Continue_kind;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_BoolOp(boolop_ty op, asdl_expr_seq *values, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = BoolOp_kind;
    p->v.BoolOp.op = op;
    p->v.BoolOp.values = values;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_NamedExpr(expr_ty target, expr_ty value, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = NamedExpr_kind;
    p->v.NamedExpr.target = target;
    p->v.NamedExpr.value = value;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_BinOp(expr_ty left, operator_ty op, expr_ty right, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = BinOp_kind;
    p->v.BinOp.left = left;
    p->v.BinOp.op = op;
    p->v.BinOp.right = right;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_UnaryOp(unaryop_ty op, expr_ty operand, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = UnaryOp_kind;
    p->v.UnaryOp.op = op;
    p->v.UnaryOp.operand = operand;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_Lambda(arguments_ty args, expr_ty body, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Lambda_kind;
    p->v.Lambda.args = args;
    p->v.Lambda.body = body;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_IfExp(expr_ty test, expr_ty body, expr_ty orelse, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = IfExp_kind;
    p->v.IfExp.test = test;
    p->v.IfExp.body = body;
    p->v.IfExp.orelse = orelse;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_Dict(asdl_expr_seq *keys, asdl_expr_seq *values, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Dict_kind;
    p->v.Dict.keys = keys;
    p->v.Dict.values = values;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_Set(asdl_expr_seq *elts, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Set_kind;
    p->v.Set.elts = elts;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_ListComp(expr_ty elt, asdl_comprehension_seq *generators, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = ListComp_kind;
    p->v.ListComp.elt = elt;
    p->v.ListComp.generators = generators;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_SetComp(expr_ty elt, asdl_comprehension_seq *generators, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = SetComp_kind;
    p->v.SetComp.elt = elt;
    p->v.SetComp.generators = generators;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_DictComp(expr_ty key, expr_ty value, asdl_comprehension_seq *generators, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = DictComp_kind;
    p->v.DictComp.key = key;
    p->v.DictComp.value = value;
    p->v.DictComp.generators = generators;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_GeneratorExp(expr_ty elt, asdl_comprehension_seq *generators, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = GeneratorExp_kind;
    p->v.GeneratorExp.elt = elt;
    p->v.GeneratorExp.generators = generators;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_Await(expr_ty value, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Await_kind;
    p->v.Await.value = value;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_Yield(expr_ty value, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Yield_kind;
    p->v.Yield.value = value;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_YieldFrom(expr_ty value, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = YieldFrom_kind;
    p->v.YieldFrom.value = value;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_Compare(expr_ty left, asdl_int_seq *ops, asdl_expr_seq *comparators, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Compare_kind;
    p->v.Compare.left = left;
    p->v.Compare.ops = ops;
    p->v.Compare.comparators = comparators;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_Call(expr_ty func, asdl_expr_seq *args, asdl_keyword_seq *keywords, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Call_kind;
    p->v.Call.func = func;
    p->v.Call.args = args;
    p->v.Call.keywords = keywords;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_FormattedValue(expr_ty value, int conversion, expr_ty format_spec, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = FormattedValue_kind;
    p->v.FormattedValue.value = value;
    p->v.FormattedValue.conversion = conversion;
    p->v.FormattedValue.format_spec = format_spec;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_JoinedStr(asdl_expr_seq *values, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = JoinedStr_kind;
    p->v.JoinedStr.values = values;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_Constant(FtObject *value, FtObject *kind, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Constant_kind;
    p->v.Constant.value = value;
    p->v.Constant.kind = kind;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_Attribute(expr_ty value, FtObject *attr, expr_context_ty ctx, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Attribute_kind;
    p->v.Attribute.value = value;
    p->v.Attribute.attr = attr;
    p->v.Attribute.ctx = ctx;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_Subscript(expr_ty value, expr_ty slice, expr_context_ty ctx, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Subscript_kind;
    p->v.Subscript.value = value;
    p->v.Subscript.slice = slice;
    p->v.Subscript.ctx = ctx;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_Starred(expr_ty value, expr_context_ty ctx, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Starred_kind;
    p->v.Starred.value = value;
    p->v.Starred.ctx = ctx;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_Name(FtObject *id, expr_context_ty ctx, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Name_kind;
    p->v.Name.id = id;
    p->v.Name.ctx = ctx;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_List(asdl_expr_seq *elts, expr_context_ty ctx, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = List_kind;
    p->v.List.elts = elts;
    p->v.List.ctx = ctx;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_Tuple(asdl_expr_seq *elts, expr_context_ty ctx, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Tuple_kind;
    p->v.Tuple.elts = elts;
    p->v.Tuple.ctx = ctx;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

expr_ty ft_ast_Slice(expr_ty lower, expr_ty upper, expr_ty step, FT_AST_POS, FtArena *arena)
{
    expr_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = Slice_kind;
    p->v.Slice.lower = lower;
    p->v.Slice.upper = upper;
    p->v.Slice.step = step;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

comprehension_ty ft_ast_comprehension(expr_ty target, expr_ty iter, asdl_expr_seq *ifs, int is_async, FtArena *arena)
{
    comprehension_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->target = target;
    p->iter = iter;
    p->ifs = ifs;
    p->is_async = is_async;
    return p;
}

excepthandler_ty ft_ast_ExceptHandler(expr_ty type, FtObject *name, asdl_stmt_seq *body, FT_AST_POS, FtArena *arena)
{
    excepthandler_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = ExceptHandler_kind;
    p->v.ExceptHandler.type = type;
    p->v.ExceptHandler.name = name;
    p->v.ExceptHandler.body = body;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

arguments_ty ft_ast_arguments(asdl_arg_seq *posonlyargs, asdl_arg_seq *args, arg_ty vararg, asdl_arg_seq *kwonlyargs, asdl_expr_seq *kw_defaults, arg_ty kwarg, asdl_expr_seq *defaults, FtArena *arena)
{
    arguments_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->posonlyargs = posonlyargs;
    p->args = args;
    p->vararg = vararg;
    p->kwonlyargs = kwonlyargs;
    p->kw_defaults = kw_defaults;
    p->kwarg = kwarg;
    p->defaults = defaults;
    return p;
}

arg_ty ft_ast_arg(FtObject *arg, expr_ty annotation, FtObject *type_comment, FT_AST_POS, FtArena *arena)
{
    arg_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->arg = arg;
    p->annotation = annotation;
    p->type_comment = type_comment;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

keyword_ty ft_ast_keyword(FtObject *arg, expr_ty value, FT_AST_POS, FtArena *arena)
{
    keyword_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->arg = arg;
    p->value = value;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

alias_ty ft_ast_alias(FtObject *name, FtObject *asname, FT_AST_POS, FtArena *arena)
{
    alias_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->name = name;
    p->asname = asname;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

withitem_ty ft_ast_withitem(expr_ty context_expr, expr_ty optional_vars, FtArena *arena)
{
    withitem_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->context_expr = context_expr;
    p->optional_vars = optional_vars;
    return p;
}

match_case_ty ft_ast_match_case(pattern_ty pattern, expr_ty guard, asdl_stmt_seq *body, FtArena *arena)
{
    match_case_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->pattern = pattern;
    p->guard = guard;
    p->body = body;
    return p;
}

pattern_ty ft_ast_MatchValue(expr_ty value, FT_AST_POS, FtArena *arena)
{
    pattern_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = MatchValue_kind;
    p->v.MatchValue.value = value;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

pattern_ty ft_ast_MatchSingleton(FtObject *value, FT_AST_POS, FtArena *arena)
{
    pattern_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = MatchSingleton_kind;
    p->v.MatchSingleton.value = value;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

pattern_ty ft_ast_MatchSequence(asdl_pattern_seq *patterns, FT_AST_POS, FtArena *arena)
{
    pattern_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = MatchSequence_kind;
    p->v.MatchSequence.patterns = patterns;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

pattern_ty ft_ast_MatchMapping(asdl_expr_seq *keys, asdl_pattern_seq *patterns, FtObject *rest, FT_AST_POS, FtArena *arena)
{
    pattern_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = MatchMapping_kind;
    p->v.MatchMapping.keys = keys;
    p->v.MatchMapping.patterns = patterns;
    p->v.MatchMapping.rest = rest;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

pattern_ty ft_ast_MatchClass(expr_ty cls, asdl_pattern_seq *patterns, asdl_identifier_seq *kwd_attrs, asdl_pattern_seq *kwd_patterns, FT_AST_POS, FtArena *arena)
{
    pattern_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = MatchClass_kind;
    p->v.MatchClass.cls = cls;
    p->v.MatchClass.patterns = patterns;
    p->v.MatchClass.kwd_attrs = kwd_attrs;
    p->v.MatchClass.kwd_patterns = kwd_patterns;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

pattern_ty ft_ast_MatchStar(FtObject *name, FT_AST_POS, FtArena *arena)
{
    pattern_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = MatchStar_kind;
    p->v.MatchStar.name = name;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

pattern_ty ft_ast_MatchAs(pattern_ty pattern, FtObject *name, FT_AST_POS, FtArena *arena)
{
    pattern_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = MatchAs_kind;
    p->v.MatchAs.pattern = pattern;
    p->v.MatchAs.name = name;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

pattern_ty ft_ast_MatchOr(asdl_pattern_seq *patterns, FT_AST_POS, FtArena *arena)
{
    pattern_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = MatchOr_kind;
    p->v.MatchOr.patterns = patterns;
    p->lineno = lineno;
    p->col_offset = col_offset;
    p->end_lineno = end_lineno;
    p->end_col_offset = end_col_offset;
    return p;
}

type_ignore_ty ft_ast_TypeIgnore(int lineno, FtObject *tag, FtArena *arena)
{
    type_ignore_ty p = ft_arena_malloc(arena, sizeof(*p));
    if (!p)
        return NULL;
    p->kind = TypeIgnore_kind;
    p->v.TypeIgnore.lineno = lineno;
    p->v.TypeIgnore.tag = tag;
    return p;
}

/* ---- ft_ast_dump ------------------------------------------------------------------------
 * Python's ast.dump(node) with its defaults: every field as name=value, optional fields
 * that are None left out, lists always shown. */

typedef struct {
    char *buf;
    size_t len, cap;
    int failed;
} Dump;

static void dput(Dump *d, const char *s, size_t n)
{
    if (d->failed)
        return;
    if (d->len + n + 1 > d->cap) {
        size_t ncap = d->cap ? d->cap * 2 : 256;
        while (ncap < d->len + n + 1)
            ncap *= 2;
        char *nb = ft_mem_realloc(d->buf, ncap);
        if (!nb) {
            d->failed = 1;
            return;
        }
        d->buf = nb;
        d->cap = ncap;
    }
    memcpy(d->buf + d->len, s, n);
    d->len += n;
    d->buf[d->len] = 0;
}

static void dstr(Dump *d, const char *s) { dput(d, s, strlen(s)); }

static void drepr(Dump *d, FtObject *o)
{
    FtObject *r = ft_object_repr(o);
    if (!r) {
        d->failed = 1;
        return;
    }
    ssize_t n;
    const char *s = ft_str_as_utf8_len(r, &n);
    if (s)
        dput(d, s, (size_t)n);
    else
        d->failed = 1;
    FT_DECREF(r);
}

static void dint(Dump *d, long v)
{
    char tmp[32];
    snprintf(tmp, sizeof tmp, "%ld", v);
    dstr(d, tmp);
}

static _Thread_local int dump_attrs; /* ast.dump(include_attributes=True) */

/* Field separators: `first` tracks whether a ", " is needed. */
static void dfield(Dump *d, int *first, const char *name)
{
    if (!*first)
        dstr(d, ", ");
    *first = 0;
    dstr(d, name);
    dstr(d, "=");
}

static void dump_expr(Dump *d, expr_ty e);
static void dump_stmt(Dump *d, stmt_ty s);

static void dpos(Dump *d, int *first, int lineno, int col, int end_lineno, int end_col)
{
    if (!dump_attrs)
        return;
    dfield(d, first, "lineno");
    dint(d, lineno);
    dfield(d, first, "col_offset");
    dint(d, col);
    dfield(d, first, "end_lineno");
    dint(d, end_lineno);
    dfield(d, first, "end_col_offset");
    dint(d, end_col);
}
#define DPOS(n) dpos(d, &first, (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset)
static void dump_pattern(Dump *d, pattern_ty p);

static const char *ctx_name(expr_context_ty c)
{
    return c == Store ? "Store()" : c == Del ? "Del()" : "Load()";
}

static const char *const operator_names[] = {
    "", "Add()", "Sub()", "Mult()", "MatMult()", "Div()", "Mod()", "Pow()", "LShift()",
    "RShift()", "BitOr()", "BitXor()", "BitAnd()", "FloorDiv()"};
static const char *const unaryop_names[] = {"", "Invert()", "Not()", "UAdd()", "USub()"};
static const char *const cmpop_names[] = {
    "", "Eq()", "NotEq()", "Lt()", "LtE()", "Gt()", "GtE()", "Is()", "IsNot()", "In()",
    "NotIn()"};

static void dump_expr_list(Dump *d, asdl_expr_seq *s)
{
    dstr(d, "[");
    for (ssize_t i = 0; i < asdl_seq_LEN(s); i++) {
        if (i)
            dstr(d, ", ");
        expr_ty e = asdl_seq_GET(s, i);
        if (e)
            dump_expr(d, e);
        else
            dstr(d, "None");
    }
    dstr(d, "]");
}

static void dump_stmt_list(Dump *d, asdl_stmt_seq *s)
{
    dstr(d, "[");
    for (ssize_t i = 0; i < asdl_seq_LEN(s); i++) {
        if (i)
            dstr(d, ", ");
        dump_stmt(d, asdl_seq_GET(s, i));
    }
    dstr(d, "]");
}

static void dump_pattern_list(Dump *d, asdl_pattern_seq *s)
{
    dstr(d, "[");
    for (ssize_t i = 0; i < asdl_seq_LEN(s); i++) {
        if (i)
            dstr(d, ", ");
        dump_pattern(d, asdl_seq_GET(s, i));
    }
    dstr(d, "]");
}

static void dump_ident_list(Dump *d, asdl_identifier_seq *s)
{
    dstr(d, "[");
    for (ssize_t i = 0; i < asdl_seq_LEN(s); i++) {
        if (i)
            dstr(d, ", ");
        drepr(d, asdl_seq_GET(s, i));
    }
    dstr(d, "]");
}

#define F_EXPR(name, v)                                                                    \
    do {                                                                                   \
        dfield(d, &first, name);                                                           \
        dump_expr(d, v);                                                                   \
    } while (0)
#define F_OPT_EXPR(name, v)                                                                \
    do {                                                                                   \
        if (v)                                                                             \
            F_EXPR(name, v);                                                               \
    } while (0)
#define F_EXPRS(name, v)                                                                   \
    do {                                                                                   \
        dfield(d, &first, name);                                                           \
        dump_expr_list(d, v);                                                              \
    } while (0)
#define F_STMTS(name, v)                                                                   \
    do {                                                                                   \
        dfield(d, &first, name);                                                           \
        dump_stmt_list(d, v);                                                              \
    } while (0)
#define F_OBJ(name, v)                                                                     \
    do {                                                                                   \
        dfield(d, &first, name);                                                           \
        drepr(d, v);                                                                       \
    } while (0)
#define F_OPT_OBJ(name, v)                                                                 \
    do {                                                                                   \
        if (v)                                                                             \
            F_OBJ(name, v);                                                                \
    } while (0)
#define F_RAW(name, s)                                                                     \
    do {                                                                                   \
        dfield(d, &first, name);                                                           \
        dstr(d, s);                                                                        \
    } while (0)
#define F_INT(name, v)                                                                     \
    do {                                                                                   \
        dfield(d, &first, name);                                                           \
        dint(d, v);                                                                        \
    } while (0)

static void dump_arg(Dump *d, arg_ty a)
{
    int first = 1;
    dstr(d, "arg(");
    F_OBJ("arg", a->arg);
    F_OPT_EXPR("annotation", a->annotation);
    DPOS(a);
    dstr(d, ")");
}

static void dump_arg_list(Dump *d, asdl_arg_seq *s)
{
    dstr(d, "[");
    for (ssize_t i = 0; i < asdl_seq_LEN(s); i++) {
        if (i)
            dstr(d, ", ");
        dump_arg(d, asdl_seq_GET(s, i));
    }
    dstr(d, "]");
}

static void dump_arguments(Dump *d, arguments_ty a)
{
    int first = 1;
    dstr(d, "arguments(");
    dfield(d, &first, "posonlyargs");
    dump_arg_list(d, a->posonlyargs);
    dfield(d, &first, "args");
    dump_arg_list(d, a->args);
    if (a->vararg) {
        dfield(d, &first, "vararg");
        dump_arg(d, a->vararg);
    }
    dfield(d, &first, "kwonlyargs");
    dump_arg_list(d, a->kwonlyargs);
    F_EXPRS("kw_defaults", a->kw_defaults);
    if (a->kwarg) {
        dfield(d, &first, "kwarg");
        dump_arg(d, a->kwarg);
    }
    F_EXPRS("defaults", a->defaults);
    dstr(d, ")");
}

static void dump_keywords(Dump *d, asdl_keyword_seq *s)
{
    dstr(d, "[");
    for (ssize_t i = 0; i < asdl_seq_LEN(s); i++) {
        keyword_ty k = asdl_seq_GET(s, i);
        int first = 1;
        if (i)
            dstr(d, ", ");
        dstr(d, "keyword(");
        F_OPT_OBJ("arg", k->arg);
        F_EXPR("value", k->value);
        DPOS(k);
        dstr(d, ")");
    }
    dstr(d, "]");
}

static void dump_comprehensions(Dump *d, asdl_comprehension_seq *s)
{
    dstr(d, "[");
    for (ssize_t i = 0; i < asdl_seq_LEN(s); i++) {
        comprehension_ty c = asdl_seq_GET(s, i);
        int first = 1;
        if (i)
            dstr(d, ", ");
        dstr(d, "comprehension(");
        F_EXPR("target", c->target);
        F_EXPR("iter", c->iter);
        F_EXPRS("ifs", c->ifs);
        F_INT("is_async", c->is_async);
        dstr(d, ")");
    }
    dstr(d, "]");
}

static void dump_aliases(Dump *d, asdl_alias_seq *s)
{
    dstr(d, "[");
    for (ssize_t i = 0; i < asdl_seq_LEN(s); i++) {
        alias_ty a = asdl_seq_GET(s, i);
        int first = 1;
        if (i)
            dstr(d, ", ");
        dstr(d, "alias(");
        F_OBJ("name", a->name);
        F_OPT_OBJ("asname", a->asname);
        DPOS(a);
        dstr(d, ")");
    }
    dstr(d, "]");
}

static void dump_withitems(Dump *d, asdl_withitem_seq *s)
{
    dstr(d, "[");
    for (ssize_t i = 0; i < asdl_seq_LEN(s); i++) {
        withitem_ty w = asdl_seq_GET(s, i);
        int first = 1;
        if (i)
            dstr(d, ", ");
        dstr(d, "withitem(");
        F_EXPR("context_expr", w->context_expr);
        F_OPT_EXPR("optional_vars", w->optional_vars);
        dstr(d, ")");
    }
    dstr(d, "]");
}

static void dump_handlers(Dump *d, asdl_excepthandler_seq *s)
{
    dstr(d, "[");
    for (ssize_t i = 0; i < asdl_seq_LEN(s); i++) {
        excepthandler_ty h = asdl_seq_GET(s, i);
        int first = 1;
        if (i)
            dstr(d, ", ");
        dstr(d, "ExceptHandler(");
        F_OPT_EXPR("type", h->v.ExceptHandler.type);
        F_OPT_OBJ("name", h->v.ExceptHandler.name);
        F_STMTS("body", h->v.ExceptHandler.body);
        DPOS(h);
        dstr(d, ")");
    }
    dstr(d, "]");
}

static void dump_pattern(Dump *d, pattern_ty p)
{
    int first = 1;
    switch (p->kind) {
    case MatchValue_kind:
        dstr(d, "MatchValue(");
        F_EXPR("value", p->v.MatchValue.value);
        break;
    case MatchSingleton_kind:
        dstr(d, "MatchSingleton(");
        F_OBJ("value", p->v.MatchSingleton.value);
        break;
    case MatchSequence_kind:
        dstr(d, "MatchSequence(");
        dfield(d, &first, "patterns");
        dump_pattern_list(d, p->v.MatchSequence.patterns);
        break;
    case MatchMapping_kind:
        dstr(d, "MatchMapping(");
        F_EXPRS("keys", p->v.MatchMapping.keys);
        dfield(d, &first, "patterns");
        dump_pattern_list(d, p->v.MatchMapping.patterns);
        F_OPT_OBJ("rest", p->v.MatchMapping.rest);
        break;
    case MatchClass_kind:
        dstr(d, "MatchClass(");
        F_EXPR("cls", p->v.MatchClass.cls);
        dfield(d, &first, "patterns");
        dump_pattern_list(d, p->v.MatchClass.patterns);
        dfield(d, &first, "kwd_attrs");
        dump_ident_list(d, p->v.MatchClass.kwd_attrs);
        dfield(d, &first, "kwd_patterns");
        dump_pattern_list(d, p->v.MatchClass.kwd_patterns);
        break;
    case MatchStar_kind:
        dstr(d, "MatchStar(");
        F_OPT_OBJ("name", p->v.MatchStar.name);
        break;
    case MatchAs_kind:
        dstr(d, "MatchAs(");
        if (p->v.MatchAs.pattern) {
            dfield(d, &first, "pattern");
            dump_pattern(d, p->v.MatchAs.pattern);
        }
        F_OPT_OBJ("name", p->v.MatchAs.name);
        break;
    case MatchOr_kind:
        dstr(d, "MatchOr(");
        dfield(d, &first, "patterns");
        dump_pattern_list(d, p->v.MatchOr.patterns);
        break;
    }
    DPOS(p);
    dstr(d, ")");
}

static void dump_expr(Dump *d, expr_ty e)
{
    int first = 1;
    switch (e->kind) {
    case BoolOp_kind:
        dstr(d, "BoolOp(");
        F_RAW("op", e->v.BoolOp.op == And ? "And()" : "Or()");
        F_EXPRS("values", e->v.BoolOp.values);
        break;
    case NamedExpr_kind:
        dstr(d, "NamedExpr(");
        F_EXPR("target", e->v.NamedExpr.target);
        F_EXPR("value", e->v.NamedExpr.value);
        break;
    case BinOp_kind:
        dstr(d, "BinOp(");
        F_EXPR("left", e->v.BinOp.left);
        F_RAW("op", operator_names[e->v.BinOp.op]);
        F_EXPR("right", e->v.BinOp.right);
        break;
    case UnaryOp_kind:
        dstr(d, "UnaryOp(");
        F_RAW("op", unaryop_names[e->v.UnaryOp.op]);
        F_EXPR("operand", e->v.UnaryOp.operand);
        break;
    case Lambda_kind:
        dstr(d, "Lambda(");
        dfield(d, &first, "args");
        dump_arguments(d, e->v.Lambda.args);
        F_EXPR("body", e->v.Lambda.body);
        break;
    case IfExp_kind:
        dstr(d, "IfExp(");
        F_EXPR("test", e->v.IfExp.test);
        F_EXPR("body", e->v.IfExp.body);
        F_EXPR("orelse", e->v.IfExp.orelse);
        break;
    case Dict_kind:
        dstr(d, "Dict(");
        F_EXPRS("keys", e->v.Dict.keys);
        F_EXPRS("values", e->v.Dict.values);
        break;
    case Set_kind:
        dstr(d, "Set(");
        F_EXPRS("elts", e->v.Set.elts);
        break;
    case ListComp_kind:
    case SetComp_kind:
    case GeneratorExp_kind:
        dstr(d, e->kind == ListComp_kind  ? "ListComp("
                : e->kind == SetComp_kind ? "SetComp("
                                          : "GeneratorExp(");
        F_EXPR("elt", e->v.ListComp.elt);
        dfield(d, &first, "generators");
        dump_comprehensions(d, e->v.ListComp.generators);
        break;
    case DictComp_kind:
        dstr(d, "DictComp(");
        F_EXPR("key", e->v.DictComp.key);
        F_EXPR("value", e->v.DictComp.value);
        dfield(d, &first, "generators");
        dump_comprehensions(d, e->v.DictComp.generators);
        break;
    case Await_kind:
        dstr(d, "Await(");
        F_EXPR("value", e->v.Await.value);
        break;
    case Yield_kind:
        dstr(d, "Yield(");
        F_OPT_EXPR("value", e->v.Yield.value);
        break;
    case YieldFrom_kind:
        dstr(d, "YieldFrom(");
        F_EXPR("value", e->v.YieldFrom.value);
        break;
    case Compare_kind:
        dstr(d, "Compare(");
        F_EXPR("left", e->v.Compare.left);
        dfield(d, &first, "ops");
        dstr(d, "[");
        for (ssize_t i = 0; i < asdl_seq_LEN(e->v.Compare.ops); i++) {
            if (i)
                dstr(d, ", ");
            dstr(d, cmpop_names[asdl_seq_GET(e->v.Compare.ops, i)]);
        }
        dstr(d, "]");
        F_EXPRS("comparators", e->v.Compare.comparators);
        break;
    case Call_kind:
        dstr(d, "Call(");
        F_EXPR("func", e->v.Call.func);
        F_EXPRS("args", e->v.Call.args);
        dfield(d, &first, "keywords");
        dump_keywords(d, e->v.Call.keywords);
        break;
    case FormattedValue_kind:
        dstr(d, "FormattedValue(");
        F_EXPR("value", e->v.FormattedValue.value);
        F_INT("conversion", e->v.FormattedValue.conversion);
        F_OPT_EXPR("format_spec", e->v.FormattedValue.format_spec);
        break;
    case JoinedStr_kind:
        dstr(d, "JoinedStr(");
        F_EXPRS("values", e->v.JoinedStr.values);
        break;
    case Constant_kind:
        dstr(d, "Constant(");
        F_OBJ("value", e->v.Constant.value);
        F_OPT_OBJ("kind", e->v.Constant.kind);
        break;
    case Attribute_kind:
        dstr(d, "Attribute(");
        F_EXPR("value", e->v.Attribute.value);
        F_OBJ("attr", e->v.Attribute.attr);
        F_RAW("ctx", ctx_name(e->v.Attribute.ctx));
        break;
    case Subscript_kind:
        dstr(d, "Subscript(");
        F_EXPR("value", e->v.Subscript.value);
        F_EXPR("slice", e->v.Subscript.slice);
        F_RAW("ctx", ctx_name(e->v.Subscript.ctx));
        break;
    case Starred_kind:
        dstr(d, "Starred(");
        F_EXPR("value", e->v.Starred.value);
        F_RAW("ctx", ctx_name(e->v.Starred.ctx));
        break;
    case Name_kind:
        dstr(d, "Name(");
        F_OBJ("id", e->v.Name.id);
        F_RAW("ctx", ctx_name(e->v.Name.ctx));
        break;
    case List_kind:
        dstr(d, "List(");
        F_EXPRS("elts", e->v.List.elts);
        F_RAW("ctx", ctx_name(e->v.List.ctx));
        break;
    case Tuple_kind:
        dstr(d, "Tuple(");
        F_EXPRS("elts", e->v.Tuple.elts);
        F_RAW("ctx", ctx_name(e->v.Tuple.ctx));
        break;
    case Slice_kind:
        dstr(d, "Slice(");
        F_OPT_EXPR("lower", e->v.Slice.lower);
        F_OPT_EXPR("upper", e->v.Slice.upper);
        F_OPT_EXPR("step", e->v.Slice.step);
        break;
    }
    DPOS(e);
    dstr(d, ")");
}

static void dump_stmt(Dump *d, stmt_ty s)
{
    int first = 1;
    switch (s->kind) {
    case FunctionDef_kind:
    case AsyncFunctionDef_kind:
        dstr(d, s->kind == FunctionDef_kind ? "FunctionDef(" : "AsyncFunctionDef(");
        F_OBJ("name", s->v.FunctionDef.name);
        dfield(d, &first, "args");
        dump_arguments(d, s->v.FunctionDef.args);
        F_STMTS("body", s->v.FunctionDef.body);
        F_EXPRS("decorator_list", s->v.FunctionDef.decorator_list);
        F_OPT_EXPR("returns", s->v.FunctionDef.returns);
        break;
    case ClassDef_kind:
        dstr(d, "ClassDef(");
        F_OBJ("name", s->v.ClassDef.name);
        F_EXPRS("bases", s->v.ClassDef.bases);
        dfield(d, &first, "keywords");
        dump_keywords(d, s->v.ClassDef.keywords);
        F_STMTS("body", s->v.ClassDef.body);
        F_EXPRS("decorator_list", s->v.ClassDef.decorator_list);
        break;
    case Return_kind:
        dstr(d, "Return(");
        F_OPT_EXPR("value", s->v.Return.value);
        break;
    case Delete_kind:
        dstr(d, "Delete(");
        F_EXPRS("targets", s->v.Delete.targets);
        break;
    case Assign_kind:
        dstr(d, "Assign(");
        F_EXPRS("targets", s->v.Assign.targets);
        F_EXPR("value", s->v.Assign.value);
        break;
    case AugAssign_kind:
        dstr(d, "AugAssign(");
        F_EXPR("target", s->v.AugAssign.target);
        F_RAW("op", operator_names[s->v.AugAssign.op]);
        F_EXPR("value", s->v.AugAssign.value);
        break;
    case AnnAssign_kind:
        dstr(d, "AnnAssign(");
        F_EXPR("target", s->v.AnnAssign.target);
        F_EXPR("annotation", s->v.AnnAssign.annotation);
        F_OPT_EXPR("value", s->v.AnnAssign.value);
        F_INT("simple", s->v.AnnAssign.simple);
        break;
    case For_kind:
    case AsyncFor_kind:
        dstr(d, s->kind == For_kind ? "For(" : "AsyncFor(");
        F_EXPR("target", s->v.For.target);
        F_EXPR("iter", s->v.For.iter);
        F_STMTS("body", s->v.For.body);
        F_STMTS("orelse", s->v.For.orelse);
        break;
    case While_kind:
        dstr(d, "While(");
        F_EXPR("test", s->v.While.test);
        F_STMTS("body", s->v.While.body);
        F_STMTS("orelse", s->v.While.orelse);
        break;
    case If_kind:
        dstr(d, "If(");
        F_EXPR("test", s->v.If.test);
        F_STMTS("body", s->v.If.body);
        F_STMTS("orelse", s->v.If.orelse);
        break;
    case With_kind:
    case AsyncWith_kind:
        dstr(d, s->kind == With_kind ? "With(" : "AsyncWith(");
        dfield(d, &first, "items");
        dump_withitems(d, s->v.With.items);
        F_STMTS("body", s->v.With.body);
        break;
    case Match_kind:
        dstr(d, "Match(");
        F_EXPR("subject", s->v.Match.subject);
        dfield(d, &first, "cases");
        dstr(d, "[");
        for (ssize_t i = 0; i < asdl_seq_LEN(s->v.Match.cases); i++) {
            match_case_ty c = asdl_seq_GET(s->v.Match.cases, i);
            int first2 = 1;
            if (i)
                dstr(d, ", ");
            dstr(d, "match_case(");
            dfield(d, &first2, "pattern");
            dump_pattern(d, c->pattern);
            if (c->guard) {
                dfield(d, &first2, "guard");
                dump_expr(d, c->guard);
            }
            dfield(d, &first2, "body");
            dump_stmt_list(d, c->body);
            dstr(d, ")");
        }
        dstr(d, "]");
        break;
    case Raise_kind:
        dstr(d, "Raise(");
        F_OPT_EXPR("exc", s->v.Raise.exc);
        F_OPT_EXPR("cause", s->v.Raise.cause);
        break;
    case Try_kind:
    case TryStar_kind:
        dstr(d, s->kind == Try_kind ? "Try(" : "TryStar(");
        F_STMTS("body", s->v.Try.body);
        dfield(d, &first, "handlers");
        dump_handlers(d, s->v.Try.handlers);
        F_STMTS("orelse", s->v.Try.orelse);
        F_STMTS("finalbody", s->v.Try.finalbody);
        break;
    case Assert_kind:
        dstr(d, "Assert(");
        F_EXPR("test", s->v.Assert.test);
        F_OPT_EXPR("msg", s->v.Assert.msg);
        break;
    case Import_kind:
        dstr(d, "Import(");
        dfield(d, &first, "names");
        dump_aliases(d, s->v.Import.names);
        break;
    case ImportFrom_kind:
        dstr(d, "ImportFrom(");
        F_OPT_OBJ("module", s->v.ImportFrom.module);
        dfield(d, &first, "names");
        dump_aliases(d, s->v.ImportFrom.names);
        F_INT("level", s->v.ImportFrom.level);
        break;
    case Global_kind:
    case Nonlocal_kind:
        dstr(d, s->kind == Global_kind ? "Global(" : "Nonlocal(");
        dfield(d, &first, "names");
        dump_ident_list(d, s->v.Global.names);
        break;
    case Expr_kind:
        dstr(d, "Expr(");
        F_EXPR("value", s->v.Expr.value);
        break;
    case Pass_kind:
        dstr(d, "Pass(");
        break;
    case Break_kind:
        dstr(d, "Break(");
        break;
    case Continue_kind:
        dstr(d, "Continue(");
        break;
    }
    DPOS(s);
    dstr(d, ")");
}

FtObject *ft_ast_dump(const void *node, int what)
{
    Dump d = {0};
    dump_attrs = (what & FT_AST_DUMP_ATTRIBUTES) != 0;
    what &= 0xFF;
    if (what == 'e') {
        dump_expr(&d, (expr_ty)node);
    } else if (what == 's') {
        dump_stmt(&d, (stmt_ty)node);
    } else {
        mod_ty m = (mod_ty)node;
        int first = 1;
        Dump *dp = &d;
        switch (m->kind) {
        case Module_kind:
            dstr(dp, "Module(");
            { Dump *d = dp; F_STMTS("body", m->v.Module.body); F_RAW("type_ignores", "[]"); }
            break;
        case Interactive_kind:
            dstr(dp, "Interactive(");
            { Dump *d = dp; F_STMTS("body", m->v.Interactive.body); }
            break;
        case Expression_kind:
            dstr(dp, "Expression(");
            { Dump *d = dp; F_EXPR("body", m->v.Expression.body); }
            break;
        case FunctionType_kind:
            dstr(dp, "FunctionType(");
            { Dump *d = dp; F_EXPRS("argtypes", m->v.FunctionType.argtypes);
              F_EXPR("returns", m->v.FunctionType.returns); }
            break;
        }
        dstr(dp, ")");
    }
    if (d.failed) {
        ft_mem_free(d.buf);
        if (!ft_err_occurred())
            ft_err_no_memory();
        return NULL;
    }
    FtObject *r = ft_str_from_utf8(d.buf ? d.buf : "", (ssize_t)d.len);
    ft_mem_free(d.buf);
    return r;
}
