/* The `_ast` module's C half: `_ast._parse(source, filename, mode)` runs ftpy's parser
 * (core/compiler/parser.c) and converts the C AST (core/compiler/ast.h) into nested Python
 * values that runtime/lib/ast.py turns into node objects (Module, Name, ...: the classes
 * live in ast.py, which also installs them into this module). A node becomes the tuple
 *   (class name, positions, field values in CPython's _fields order...)
 * where positions is (lineno, col_offset, end_lineno, end_col_offset) or None for nodes
 * without attributes; sequences become lists, enum values (Load, Add, Eq, ...) the tuple
 * (name, None), absent optional fields None. Constant values are never tuples (the parser
 * does not fold), so a tuple always means a node. */
#include "runtime/import.h"
#include "runtime/errors.h"
#include "core/compiler/parser.h"
#include <stdarg.h>
#include <string.h>

typedef FtObject *(*conv_fn)(const void *);

/* (name, pos, fields...) stealing every field; NULL when any is NULL. */
static FtObject *node(const char *name, FtObject *pos, int n, ...) {
    FtObject *items[12];
    va_list ap;
    va_start(ap, n);
    int bad = pos == NULL;
    for (int i = 0; i < n; i++) {
        items[2 + i] = va_arg(ap, FtObject *);
        bad |= items[2 + i] == NULL;
    }
    va_end(ap);
    items[0] = ft_str_from_cstr(name);
    items[1] = pos;
    bad |= items[0] == NULL;
    if (bad) {
        for (int i = 0; i < n + 2; i++)
            FT_XDECREF(items[i]);
        return NULL;
    }
    return ft_tuple_from_array_steal(items, n + 2);
}

static FtObject *pos4(int l, int c, int el, int ec) {
    FtObject *items[4] = { ft_int_from_i64(l), ft_int_from_i64(c), ft_int_from_i64(el),
                           ft_int_from_i64(ec) };
    if (!items[0] || !items[1] || !items[2] || !items[3]) {
        for (int i = 0; i < 4; i++)
            FT_XDECREF(items[i]);
        return NULL;
    }
    return ft_tuple_from_array_steal(items, 4);
}
#define POS(x) pos4((x)->lineno, (x)->col_offset, (x)->end_lineno, (x)->end_col_offset)
#define NOPOS() FT_NEWREF(FT_NONE)

static FtObject *obj(FtObject *o) { return FT_NEWREF(o ? o : FT_NONE); }
static FtObject *num(int v) { return ft_int_from_i64(v); }
/* An enum value (Load, Add, Eq...) is a node without positions or fields. */
static FtObject *name_str(const char *s) { return node(s, FT_NEWREF(FT_NONE), 0); }

static FtObject *seq(const asdl_seq *s, conv_fn f) {
    ssize_t n = asdl_seq_LEN(s);
    FtObject *l = ft_list_new(n);
    if (!l)
        return NULL;
    for (ssize_t i = 0; i < n; i++) {
        const void *e = asdl_seq_GET(s, i);
        FtObject *v = e ? f(e) : FT_NEWREF(FT_NONE);
        if (!v) {
            for (ssize_t k = i; k < n; k++)
                FT_LIST_SET(l, k, FT_NEWREF(FT_NONE));
            FT_DECREF(l);
            return NULL;
        }
        FT_LIST_SET(l, i, v);
    }
    return l;
}
#define SEQ(s, f) seq((const asdl_seq *)(s), (conv_fn)(f))

static FtObject *opt(const void *e, conv_fn f) { return e ? f(e) : FT_NEWREF(FT_NONE); }
#define OPT(e, f) opt((e), (conv_fn)(f))

static FtObject *ident_seq(const asdl_identifier_seq *s) {
    ssize_t n = asdl_seq_LEN(s);
    FtObject *l = ft_list_new(n);
    for (ssize_t i = 0; l && i < n; i++)
        FT_LIST_SET(l, i, obj(asdl_seq_GET(s, i)));
    return l;
}

static const char *ctx_name(expr_context_ty c) {
    return c == Store ? "Store" : c == Del ? "Del" : "Load";
}
static const char *const operator_names[] = { "?", "Add", "Sub", "Mult", "MatMult", "Div",
    "Mod", "Pow", "LShift", "RShift", "BitOr", "BitXor", "BitAnd", "FloorDiv" };
static const char *const unary_names[] = { "?", "Invert", "Not", "UAdd", "USub" };
static const char *const cmp_names[] = { "?", "Eq", "NotEq", "Lt", "LtE", "Gt", "GtE", "Is",
    "IsNot", "In", "NotIn" };

static FtObject *c_expr(const struct _expr *e);
static FtObject *c_stmt(const struct _stmt *s);
static FtObject *c_pattern(const struct _pattern *p);

static FtObject *c_arg(const struct _arg *a) {
    return node("arg", POS(a), 3, obj(a->arg), OPT(a->annotation, c_expr), obj(a->type_comment));
}

static FtObject *c_arguments(const struct _arguments *a) {
    return node("arguments", NOPOS(), 7, SEQ(a->posonlyargs, c_arg), SEQ(a->args, c_arg),
                OPT(a->vararg, c_arg), SEQ(a->kwonlyargs, c_arg), SEQ(a->kw_defaults, c_expr),
                OPT(a->kwarg, c_arg), SEQ(a->defaults, c_expr));
}

static FtObject *c_keyword(const struct _keyword *k) {
    return node("keyword", POS(k), 2, obj(k->arg), c_expr(k->value));
}

static FtObject *c_alias(const struct _alias *a) {
    return node("alias", POS(a), 2, obj(a->name), obj(a->asname));
}

static FtObject *c_withitem(const struct _withitem *w) {
    return node("withitem", NOPOS(), 2, c_expr(w->context_expr), OPT(w->optional_vars, c_expr));
}

static FtObject *c_comprehension(const struct _comprehension *c) {
    return node("comprehension", NOPOS(), 4, c_expr(c->target), c_expr(c->iter),
                SEQ(c->ifs, c_expr), num(c->is_async));
}

static FtObject *c_handler(const struct _excepthandler *h) {
    return node("ExceptHandler", POS(h), 3, OPT(h->v.ExceptHandler.type, c_expr),
                obj(h->v.ExceptHandler.name), SEQ(h->v.ExceptHandler.body, c_stmt));
}

static FtObject *c_match_case(const struct _match_case *m) {
    return node("match_case", NOPOS(), 3, c_pattern(m->pattern), OPT(m->guard, c_expr),
                SEQ(m->body, c_stmt));
}

static FtObject *c_type_ignore(const struct _type_ignore *t) {
    return node("TypeIgnore", NOPOS(), 2, num(t->v.TypeIgnore.lineno), obj(t->v.TypeIgnore.tag));
}

static FtObject *c_pattern(const struct _pattern *p) {
    switch (p->kind) {
    case MatchValue_kind:
        return node("MatchValue", POS(p), 1, c_expr(p->v.MatchValue.value));
    case MatchSingleton_kind:
        return node("MatchSingleton", POS(p), 1, obj(p->v.MatchSingleton.value));
    case MatchSequence_kind:
        return node("MatchSequence", POS(p), 1, SEQ(p->v.MatchSequence.patterns, c_pattern));
    case MatchMapping_kind:
        return node("MatchMapping", POS(p), 3, SEQ(p->v.MatchMapping.keys, c_expr),
                    SEQ(p->v.MatchMapping.patterns, c_pattern), obj(p->v.MatchMapping.rest));
    case MatchClass_kind:
        return node("MatchClass", POS(p), 4, c_expr(p->v.MatchClass.cls),
                    SEQ(p->v.MatchClass.patterns, c_pattern),
                    ident_seq(p->v.MatchClass.kwd_attrs),
                    SEQ(p->v.MatchClass.kwd_patterns, c_pattern));
    case MatchStar_kind:
        return node("MatchStar", POS(p), 1, obj(p->v.MatchStar.name));
    case MatchAs_kind:
        return node("MatchAs", POS(p), 2, OPT(p->v.MatchAs.pattern, c_pattern),
                    obj(p->v.MatchAs.name));
    case MatchOr_kind:
        return node("MatchOr", POS(p), 1, SEQ(p->v.MatchOr.patterns, c_pattern));
    }
    ft_err_set_string(ft_exc_SystemError, "unknown pattern kind");
    return NULL;
}

static FtObject *cmpops(const asdl_int_seq *s) {
    ssize_t n = asdl_seq_LEN(s);
    FtObject *l = ft_list_new(n);
    for (ssize_t i = 0; l && i < n; i++) {
        int v = asdl_seq_GET(s, i);
        FtObject *x = name_str(cmp_names[v >= 1 && v <= 10 ? v : 0]);
        if (!x) {
            for (ssize_t k = i; k < n; k++)
                FT_LIST_SET(l, k, FT_NEWREF(FT_NONE));
            FT_DECREF(l);
            return NULL;
        }
        FT_LIST_SET(l, i, x);
    }
    return l;
}

static FtObject *c_expr(const struct _expr *e) {
    FtObject *p = POS(e);
    switch (e->kind) {
    case BoolOp_kind:
        return node("BoolOp", p, 2, name_str(e->v.BoolOp.op == And ? "And" : "Or"),
                    SEQ(e->v.BoolOp.values, c_expr));
    case NamedExpr_kind:
        return node("NamedExpr", p, 2, c_expr(e->v.NamedExpr.target), c_expr(e->v.NamedExpr.value));
    case BinOp_kind:
        return node("BinOp", p, 3, c_expr(e->v.BinOp.left), name_str(operator_names[e->v.BinOp.op]),
                    c_expr(e->v.BinOp.right));
    case UnaryOp_kind:
        return node("UnaryOp", p, 2, name_str(unary_names[e->v.UnaryOp.op]),
                    c_expr(e->v.UnaryOp.operand));
    case Lambda_kind:
        return node("Lambda", p, 2, c_arguments(e->v.Lambda.args), c_expr(e->v.Lambda.body));
    case IfExp_kind:
        return node("IfExp", p, 3, c_expr(e->v.IfExp.test), c_expr(e->v.IfExp.body),
                    c_expr(e->v.IfExp.orelse));
    case Dict_kind:
        return node("Dict", p, 2, SEQ(e->v.Dict.keys, c_expr), SEQ(e->v.Dict.values, c_expr));
    case Set_kind:
        return node("Set", p, 1, SEQ(e->v.Set.elts, c_expr));
    case ListComp_kind:
        return node("ListComp", p, 2, c_expr(e->v.ListComp.elt),
                    SEQ(e->v.ListComp.generators, c_comprehension));
    case SetComp_kind:
        return node("SetComp", p, 2, c_expr(e->v.SetComp.elt),
                    SEQ(e->v.SetComp.generators, c_comprehension));
    case DictComp_kind:
        return node("DictComp", p, 3, c_expr(e->v.DictComp.key), c_expr(e->v.DictComp.value),
                    SEQ(e->v.DictComp.generators, c_comprehension));
    case GeneratorExp_kind:
        return node("GeneratorExp", p, 2, c_expr(e->v.GeneratorExp.elt),
                    SEQ(e->v.GeneratorExp.generators, c_comprehension));
    case Await_kind:
        return node("Await", p, 1, c_expr(e->v.Await.value));
    case Yield_kind:
        return node("Yield", p, 1, OPT(e->v.Yield.value, c_expr));
    case YieldFrom_kind:
        return node("YieldFrom", p, 1, c_expr(e->v.YieldFrom.value));
    case Compare_kind:
        return node("Compare", p, 3, c_expr(e->v.Compare.left), cmpops(e->v.Compare.ops),
                    SEQ(e->v.Compare.comparators, c_expr));
    case Call_kind:
        return node("Call", p, 3, c_expr(e->v.Call.func), SEQ(e->v.Call.args, c_expr),
                    SEQ(e->v.Call.keywords, c_keyword));
    case FormattedValue_kind:
        return node("FormattedValue", p, 3, c_expr(e->v.FormattedValue.value),
                    num(e->v.FormattedValue.conversion),
                    OPT(e->v.FormattedValue.format_spec, c_expr));
    case JoinedStr_kind:
        return node("JoinedStr", p, 1, SEQ(e->v.JoinedStr.values, c_expr));
    case Constant_kind:
        return node("Constant", p, 2, obj(e->v.Constant.value), obj(e->v.Constant.kind));
    case Attribute_kind:
        return node("Attribute", p, 3, c_expr(e->v.Attribute.value), obj(e->v.Attribute.attr),
                    name_str(ctx_name(e->v.Attribute.ctx)));
    case Subscript_kind:
        return node("Subscript", p, 3, c_expr(e->v.Subscript.value), c_expr(e->v.Subscript.slice),
                    name_str(ctx_name(e->v.Subscript.ctx)));
    case Starred_kind:
        return node("Starred", p, 2, c_expr(e->v.Starred.value),
                    name_str(ctx_name(e->v.Starred.ctx)));
    case Name_kind:
        return node("Name", p, 2, obj(e->v.Name.id), name_str(ctx_name(e->v.Name.ctx)));
    case List_kind:
        return node("List", p, 2, SEQ(e->v.List.elts, c_expr), name_str(ctx_name(e->v.List.ctx)));
    case Tuple_kind:
        return node("Tuple", p, 2, SEQ(e->v.Tuple.elts, c_expr), name_str(ctx_name(e->v.Tuple.ctx)));
    case Slice_kind:
        return node("Slice", p, 3, OPT(e->v.Slice.lower, c_expr), OPT(e->v.Slice.upper, c_expr),
                    OPT(e->v.Slice.step, c_expr));
    }
    FT_XDECREF(p);
    ft_err_set_string(ft_exc_SystemError, "unknown expression kind");
    return NULL;
}

static FtObject *c_stmt(const struct _stmt *s) {
    FtObject *p = POS(s);
    switch (s->kind) {
    case FunctionDef_kind:
    case AsyncFunctionDef_kind:
        return node(s->kind == FunctionDef_kind ? "FunctionDef" : "AsyncFunctionDef", p, 6,
                    obj(s->v.FunctionDef.name), c_arguments(s->v.FunctionDef.args),
                    SEQ(s->v.FunctionDef.body, c_stmt), SEQ(s->v.FunctionDef.decorator_list, c_expr),
                    OPT(s->v.FunctionDef.returns, c_expr), obj(s->v.FunctionDef.type_comment));
    case ClassDef_kind:
        return node("ClassDef", p, 5, obj(s->v.ClassDef.name), SEQ(s->v.ClassDef.bases, c_expr),
                    SEQ(s->v.ClassDef.keywords, c_keyword), SEQ(s->v.ClassDef.body, c_stmt),
                    SEQ(s->v.ClassDef.decorator_list, c_expr));
    case Return_kind:
        return node("Return", p, 1, OPT(s->v.Return.value, c_expr));
    case Delete_kind:
        return node("Delete", p, 1, SEQ(s->v.Delete.targets, c_expr));
    case Assign_kind:
        return node("Assign", p, 3, SEQ(s->v.Assign.targets, c_expr), c_expr(s->v.Assign.value),
                    obj(s->v.Assign.type_comment));
    case AugAssign_kind:
        return node("AugAssign", p, 3, c_expr(s->v.AugAssign.target),
                    name_str(operator_names[s->v.AugAssign.op]), c_expr(s->v.AugAssign.value));
    case AnnAssign_kind:
        return node("AnnAssign", p, 4, c_expr(s->v.AnnAssign.target),
                    c_expr(s->v.AnnAssign.annotation), OPT(s->v.AnnAssign.value, c_expr),
                    num(s->v.AnnAssign.simple));
    case For_kind:
    case AsyncFor_kind:
        return node(s->kind == For_kind ? "For" : "AsyncFor", p, 5, c_expr(s->v.For.target),
                    c_expr(s->v.For.iter), SEQ(s->v.For.body, c_stmt), SEQ(s->v.For.orelse, c_stmt),
                    obj(s->v.For.type_comment));
    case While_kind:
        return node("While", p, 3, c_expr(s->v.While.test), SEQ(s->v.While.body, c_stmt),
                    SEQ(s->v.While.orelse, c_stmt));
    case If_kind:
        return node("If", p, 3, c_expr(s->v.If.test), SEQ(s->v.If.body, c_stmt),
                    SEQ(s->v.If.orelse, c_stmt));
    case With_kind:
    case AsyncWith_kind:
        return node(s->kind == With_kind ? "With" : "AsyncWith", p, 3,
                    SEQ(s->v.With.items, c_withitem), SEQ(s->v.With.body, c_stmt),
                    obj(s->v.With.type_comment));
    case Match_kind:
        return node("Match", p, 2, c_expr(s->v.Match.subject), SEQ(s->v.Match.cases, c_match_case));
    case Raise_kind:
        return node("Raise", p, 2, OPT(s->v.Raise.exc, c_expr), OPT(s->v.Raise.cause, c_expr));
    case Try_kind:
    case TryStar_kind:
        return node(s->kind == Try_kind ? "Try" : "TryStar", p, 4, SEQ(s->v.Try.body, c_stmt),
                    SEQ(s->v.Try.handlers, c_handler), SEQ(s->v.Try.orelse, c_stmt),
                    SEQ(s->v.Try.finalbody, c_stmt));
    case Assert_kind:
        return node("Assert", p, 2, c_expr(s->v.Assert.test), OPT(s->v.Assert.msg, c_expr));
    case Import_kind:
        return node("Import", p, 1, SEQ(s->v.Import.names, c_alias));
    case ImportFrom_kind:
        return node("ImportFrom", p, 3, obj(s->v.ImportFrom.module),
                    SEQ(s->v.ImportFrom.names, c_alias), num(s->v.ImportFrom.level));
    case Global_kind:
        return node("Global", p, 1, ident_seq(s->v.Global.names));
    case Nonlocal_kind:
        return node("Nonlocal", p, 1, ident_seq(s->v.Nonlocal.names));
    case Expr_kind:
        return node("Expr", p, 1, c_expr(s->v.Expr.value));
    case Pass_kind:
        return node("Pass", p, 0);
    case Break_kind:
        return node("Break", p, 0);
    case Continue_kind:
        return node("Continue", p, 0);
    }
    FT_XDECREF(p);
    ft_err_set_string(ft_exc_SystemError, "unknown statement kind");
    return NULL;
}

static FtObject *c_mod(mod_ty m) {
    switch (m->kind) {
    case Module_kind:
        return node("Module", NOPOS(), 2, SEQ(m->v.Module.body, c_stmt),
                    SEQ(m->v.Module.type_ignores, c_type_ignore));
    case Interactive_kind:
        return node("Interactive", NOPOS(), 1, SEQ(m->v.Interactive.body, c_stmt));
    case Expression_kind:
        return node("Expression", NOPOS(), 1, c_expr(m->v.Expression.body));
    case FunctionType_kind:
        return node("FunctionType", NOPOS(), 2, SEQ(m->v.FunctionType.argtypes, c_expr),
                    c_expr(m->v.FunctionType.returns));
    }
    ft_err_set_string(ft_exc_SystemError, "unknown module kind");
    return NULL;
}

/* _parse(source, filename, mode): source is str or bytes; mode 'exec', 'eval', 'single'. */
static FtObject *ast_parse(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("_parse", nargs, 3, 3) < 0)
        return NULL;
    const char *src;
    ssize_t len;
    if (ft_str_check(args[0])) {
        src = ft_str_as_utf8_len(args[0], &len);
        if (!src)
            return NULL;
    } else if (ft_bytes_like_get(args[0], &src, &len) < 0) {
        return NULL;
    }
    if (!ft_str_check(args[1]) || !ft_str_check(args[2])) {
        ft_err_set_string(ft_exc_TypeError, "_parse() filename and mode must be str");
        return NULL;
    }
    int mode;
    if (ft_str_eq_cstr(args[2], "exec"))
        mode = FT_MODE_EXEC;
    else if (ft_str_eq_cstr(args[2], "eval"))
        mode = FT_MODE_EVAL;
    else if (ft_str_eq_cstr(args[2], "single"))
        mode = FT_MODE_SINGLE;
    else {
        ft_err_set_string(ft_exc_ValueError,
                          "compile() mode must be 'exec', 'eval' or 'single'");
        return NULL;
    }
    if (memchr(src, 0, (size_t)len)) {
        ft_err_set_string(ft_exc_SyntaxError, "source code string cannot contain null bytes");
        return NULL;
    }
    FtArena *arena = ft_arena_new();
    if (!arena)
        return NULL;
    mod_ty mod = ft_parse_source(src, len, args[1], mode, arena);
    FtObject *r = mod ? c_mod(mod) : NULL;
    ft_arena_free(arena);
    return r;
}

static FtMethodDef ast_methods[] = {
    { "_parse", (void *)ast_parse, FT_METH_FASTCALL, NULL },
    { NULL, NULL, 0, NULL },
};

static int ast_exec(FtObject *m) {
    return ft_module_add_int(m, "PyCF_ONLY_AST", 0x400);
}

FtModuleDef ft_ast_module_def = {
    .name = "_ast",
    .doc = "The C half of the ast module.",
    .methods = ast_methods,
    .exec = ast_exec,
};
