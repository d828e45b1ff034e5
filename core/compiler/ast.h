/* The abstract syntax tree: node types mirroring CPython 3.11's Parser/Python.asdl (and the
 * layout of its Include/internal/pycore_ast.h), the arena that owns every node, and the
 * node constructors (ast.c).
 *
 * Conventions:
 * - Every node kind is a tagged union: `e->kind == Name_kind`, fields in `e->v.Name.id`.
 * - Sequences are typed (asdl_stmt_seq, asdl_expr_seq, ...), each `{ ssize_t size;
 *   T typed_elements[]; }`, exactly the shape of CPython's. They all share one layout, so
 *   the generic accessors asdl_seq_LEN / asdl_seq_GET / asdl_seq_SET work on any of them.
 *   An empty sequence may be NULL: asdl_seq_LEN(NULL) is 0.
 * - Optional fields ("expr?") are NULL when absent.
 * - Positions: lineno / end_lineno are 1-based; col_offset / end_col_offset are 0-based
 *   UTF-8 byte offsets into the line, as in CPython.
 * - Identifiers are interned str objects (ft_str_intern); Constant values are ordinary
 *   objects (int, float, str, bytes, True, False, None, Ellipsis). Both are owned by the
 *   arena (ft_arena_add_object) and stay alive until ft_arena_free: node fields hold
 *   BORROWED references. Constructors do not take references; whoever creates the object
 *   registers it with the arena first (the parser does).
 * - Enum values keep CPython's numbering (Load = 1, Add = 1, ...).
 */
#ifndef FT_AST_H
#define FT_AST_H

#include "core/object.h"

/* ---- the arena ------------------------------------------------------------------------ */

typedef struct FtArena FtArena;

FtArena *ft_arena_new(void);                           /* NULL + MemoryError */
void ft_arena_free(FtArena *arena);                    /* frees nodes, decrefs objects */
void *ft_arena_malloc(FtArena *arena, size_t size);    /* zeroed; NULL + MemoryError */
int ft_arena_add_object(FtArena *arena, FtObject *o);  /* steals o; -1 on error (o released) */

/* ---- sequences ------------------------------------------------------------------------ */

typedef struct {
    ssize_t size;
    void *typed_elements[];
} asdl_seq;

#define FT_ASDL_SEQ_TYPE(NAME, T)                                                          \
    typedef struct {                                                                       \
        ssize_t size;                                                                      \
        T typed_elements[];                                                                \
    } NAME

typedef struct _mod *mod_ty;
typedef struct _stmt *stmt_ty;
typedef struct _expr *expr_ty;
typedef struct _comprehension *comprehension_ty;
typedef struct _excepthandler *excepthandler_ty;
typedef struct _arguments *arguments_ty;
typedef struct _arg *arg_ty;
typedef struct _keyword *keyword_ty;
typedef struct _alias *alias_ty;
typedef struct _withitem *withitem_ty;
typedef struct _match_case *match_case_ty;
typedef struct _pattern *pattern_ty;
typedef struct _type_ignore *type_ignore_ty;

FT_ASDL_SEQ_TYPE(asdl_stmt_seq, stmt_ty);
FT_ASDL_SEQ_TYPE(asdl_expr_seq, expr_ty);
FT_ASDL_SEQ_TYPE(asdl_comprehension_seq, comprehension_ty);
FT_ASDL_SEQ_TYPE(asdl_excepthandler_seq, excepthandler_ty);
FT_ASDL_SEQ_TYPE(asdl_arg_seq, arg_ty);
FT_ASDL_SEQ_TYPE(asdl_keyword_seq, keyword_ty);
FT_ASDL_SEQ_TYPE(asdl_alias_seq, alias_ty);
FT_ASDL_SEQ_TYPE(asdl_withitem_seq, withitem_ty);
FT_ASDL_SEQ_TYPE(asdl_match_case_seq, match_case_ty);
FT_ASDL_SEQ_TYPE(asdl_pattern_seq, pattern_ty);
FT_ASDL_SEQ_TYPE(asdl_type_ignore_seq, type_ignore_ty);
FT_ASDL_SEQ_TYPE(asdl_identifier_seq, FtObject *);
FT_ASDL_SEQ_TYPE(asdl_int_seq, int);   /* cmpop values of Compare.ops */

#define asdl_seq_LEN(S) ((S) == NULL ? (ssize_t)0 : (S)->size)
#define asdl_seq_GET(S, I) ((S)->typed_elements[(I)])
#define asdl_seq_SET(S, I, V) ((S)->typed_elements[(I)] = (V))

/* Sequences of `n` zeroed elements, arena-allocated (NULL + MemoryError). */
asdl_seq *ft_asdl_generic_seq_new(ssize_t n, FtArena *arena);
asdl_stmt_seq *ft_asdl_stmt_seq_new(ssize_t n, FtArena *arena);
asdl_expr_seq *ft_asdl_expr_seq_new(ssize_t n, FtArena *arena);
asdl_comprehension_seq *ft_asdl_comprehension_seq_new(ssize_t n, FtArena *arena);
asdl_excepthandler_seq *ft_asdl_excepthandler_seq_new(ssize_t n, FtArena *arena);
asdl_arg_seq *ft_asdl_arg_seq_new(ssize_t n, FtArena *arena);
asdl_keyword_seq *ft_asdl_keyword_seq_new(ssize_t n, FtArena *arena);
asdl_alias_seq *ft_asdl_alias_seq_new(ssize_t n, FtArena *arena);
asdl_withitem_seq *ft_asdl_withitem_seq_new(ssize_t n, FtArena *arena);
asdl_match_case_seq *ft_asdl_match_case_seq_new(ssize_t n, FtArena *arena);
asdl_pattern_seq *ft_asdl_pattern_seq_new(ssize_t n, FtArena *arena);
asdl_type_ignore_seq *ft_asdl_type_ignore_seq_new(ssize_t n, FtArena *arena);
asdl_identifier_seq *ft_asdl_identifier_seq_new(ssize_t n, FtArena *arena);
asdl_int_seq *ft_asdl_int_seq_new(ssize_t n, FtArena *arena);

/* ---- enumerations (CPython's values) --------------------------------------------------- */

typedef enum _expr_context { Load = 1, Store = 2, Del = 3 } expr_context_ty;

typedef enum _boolop { And = 1, Or = 2 } boolop_ty;

typedef enum _operator {
    Add = 1, Sub = 2, Mult = 3, MatMult = 4, Div = 5, Mod = 6, Pow = 7, LShift = 8,
    RShift = 9, BitOr = 10, BitXor = 11, BitAnd = 12, FloorDiv = 13
} operator_ty;

typedef enum _unaryop { Invert = 1, Not = 2, UAdd = 3, USub = 4 } unaryop_ty;

typedef enum _cmpop {
    Eq = 1, NotEq = 2, Lt = 3, LtE = 4, Gt = 5, GtE = 6, Is = 7, IsNot = 8, In = 9, NotIn = 10
} cmpop_ty;

/* ---- mod ------------------------------------------------------------------------------ */

enum _mod_kind { Module_kind = 1, Interactive_kind = 2, Expression_kind = 3, FunctionType_kind = 4 };

struct _mod {
    enum _mod_kind kind;
    union {
        struct { asdl_stmt_seq *body; asdl_type_ignore_seq *type_ignores; } Module;
        struct { asdl_stmt_seq *body; } Interactive;
        struct { expr_ty body; } Expression;
        struct { asdl_expr_seq *argtypes; expr_ty returns; } FunctionType;
    } v;
};

/* ---- stmt ----------------------------------------------------------------------------- */

enum _stmt_kind {
    FunctionDef_kind = 1, AsyncFunctionDef_kind = 2, ClassDef_kind = 3, Return_kind = 4,
    Delete_kind = 5, Assign_kind = 6, AugAssign_kind = 7, AnnAssign_kind = 8, For_kind = 9,
    AsyncFor_kind = 10, While_kind = 11, If_kind = 12, With_kind = 13, AsyncWith_kind = 14,
    Match_kind = 15, Raise_kind = 16, Try_kind = 17, TryStar_kind = 18, Assert_kind = 19,
    Import_kind = 20, ImportFrom_kind = 21, Global_kind = 22, Nonlocal_kind = 23,
    Expr_kind = 24, Pass_kind = 25, Break_kind = 26, Continue_kind = 27
};

struct _stmt {
    enum _stmt_kind kind;
    union {
        struct {
            FtObject *name;
            arguments_ty args;
            asdl_stmt_seq *body;
            asdl_expr_seq *decorator_list;
            expr_ty returns;          /* optional */
            FtObject *type_comment;   /* optional, always NULL in ftpy */
        } FunctionDef;
        struct {
            FtObject *name;
            arguments_ty args;
            asdl_stmt_seq *body;
            asdl_expr_seq *decorator_list;
            expr_ty returns;
            FtObject *type_comment;
        } AsyncFunctionDef;
        struct {
            FtObject *name;
            asdl_expr_seq *bases;
            asdl_keyword_seq *keywords;
            asdl_stmt_seq *body;
            asdl_expr_seq *decorator_list;
        } ClassDef;
        struct { expr_ty value; } Return;                       /* value optional */
        struct { asdl_expr_seq *targets; } Delete;
        struct { asdl_expr_seq *targets; expr_ty value; FtObject *type_comment; } Assign;
        struct { expr_ty target; operator_ty op; expr_ty value; } AugAssign;
        struct { expr_ty target; expr_ty annotation; expr_ty value; int simple; } AnnAssign;
        struct {
            expr_ty target;
            expr_ty iter;
            asdl_stmt_seq *body;
            asdl_stmt_seq *orelse;
            FtObject *type_comment;
        } For;
        struct {
            expr_ty target;
            expr_ty iter;
            asdl_stmt_seq *body;
            asdl_stmt_seq *orelse;
            FtObject *type_comment;
        } AsyncFor;
        struct { expr_ty test; asdl_stmt_seq *body; asdl_stmt_seq *orelse; } While;
        struct { expr_ty test; asdl_stmt_seq *body; asdl_stmt_seq *orelse; } If;
        struct { asdl_withitem_seq *items; asdl_stmt_seq *body; FtObject *type_comment; } With;
        struct { asdl_withitem_seq *items; asdl_stmt_seq *body; FtObject *type_comment; } AsyncWith;
        struct { expr_ty subject; asdl_match_case_seq *cases; } Match;
        struct { expr_ty exc; expr_ty cause; } Raise;           /* both optional */
        struct {
            asdl_stmt_seq *body;
            asdl_excepthandler_seq *handlers;
            asdl_stmt_seq *orelse;
            asdl_stmt_seq *finalbody;
        } Try;
        struct {
            asdl_stmt_seq *body;
            asdl_excepthandler_seq *handlers;
            asdl_stmt_seq *orelse;
            asdl_stmt_seq *finalbody;
        } TryStar;
        struct { expr_ty test; expr_ty msg; } Assert;           /* msg optional */
        struct { asdl_alias_seq *names; } Import;
        struct { FtObject *module; asdl_alias_seq *names; int level; } ImportFrom; /* module optional */
        struct { asdl_identifier_seq *names; } Global;
        struct { asdl_identifier_seq *names; } Nonlocal;
        struct { expr_ty value; } Expr;
    } v;
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

/* ---- expr ----------------------------------------------------------------------------- */

enum _expr_kind {
    BoolOp_kind = 1, NamedExpr_kind = 2, BinOp_kind = 3, UnaryOp_kind = 4, Lambda_kind = 5,
    IfExp_kind = 6, Dict_kind = 7, Set_kind = 8, ListComp_kind = 9, SetComp_kind = 10,
    DictComp_kind = 11, GeneratorExp_kind = 12, Await_kind = 13, Yield_kind = 14,
    YieldFrom_kind = 15, Compare_kind = 16, Call_kind = 17, FormattedValue_kind = 18,
    JoinedStr_kind = 19, Constant_kind = 20, Attribute_kind = 21, Subscript_kind = 22,
    Starred_kind = 23, Name_kind = 24, List_kind = 25, Tuple_kind = 26, Slice_kind = 27
};

struct _expr {
    enum _expr_kind kind;
    union {
        struct { boolop_ty op; asdl_expr_seq *values; } BoolOp;
        struct { expr_ty target; expr_ty value; } NamedExpr;
        struct { expr_ty left; operator_ty op; expr_ty right; } BinOp;
        struct { unaryop_ty op; expr_ty operand; } UnaryOp;
        struct { arguments_ty args; expr_ty body; } Lambda;
        struct { expr_ty test; expr_ty body; expr_ty orelse; } IfExp;
        /* keys[i] == NULL for a `**values[i]` entry */
        struct { asdl_expr_seq *keys; asdl_expr_seq *values; } Dict;
        struct { asdl_expr_seq *elts; } Set;
        struct { expr_ty elt; asdl_comprehension_seq *generators; } ListComp;
        struct { expr_ty elt; asdl_comprehension_seq *generators; } SetComp;
        struct { expr_ty key; expr_ty value; asdl_comprehension_seq *generators; } DictComp;
        struct { expr_ty elt; asdl_comprehension_seq *generators; } GeneratorExp;
        struct { expr_ty value; } Await;
        struct { expr_ty value; } Yield;                        /* value optional */
        struct { expr_ty value; } YieldFrom;
        struct { expr_ty left; asdl_int_seq *ops; asdl_expr_seq *comparators; } Compare;
        struct { expr_ty func; asdl_expr_seq *args; asdl_keyword_seq *keywords; } Call;
        /* conversion: -1 (none), 's', 'r' or 'a'; format_spec optional (a JoinedStr) */
        struct { expr_ty value; int conversion; expr_ty format_spec; } FormattedValue;
        struct { asdl_expr_seq *values; } JoinedStr;
        /* kind: the str "u" for u"..." literals, else NULL */
        struct { FtObject *value; FtObject *kind; } Constant;
        struct { expr_ty value; FtObject *attr; expr_context_ty ctx; } Attribute;
        struct { expr_ty value; expr_ty slice; expr_context_ty ctx; } Subscript;
        struct { expr_ty value; expr_context_ty ctx; } Starred;
        struct { FtObject *id; expr_context_ty ctx; } Name;
        struct { asdl_expr_seq *elts; expr_context_ty ctx; } List;
        struct { asdl_expr_seq *elts; expr_context_ty ctx; } Tuple;
        struct { expr_ty lower; expr_ty upper; expr_ty step; } Slice;  /* all optional */
    } v;
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

/* ---- the smaller products --------------------------------------------------------------- */

struct _comprehension {
    expr_ty target;
    expr_ty iter;
    asdl_expr_seq *ifs;
    int is_async;
};

enum _excepthandler_kind { ExceptHandler_kind = 1 };

struct _excepthandler {
    enum _excepthandler_kind kind;
    union {
        struct { expr_ty type; FtObject *name; asdl_stmt_seq *body; } ExceptHandler; /* type, name optional */
    } v;
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

/* kw_defaults[i] is NULL when kwonlyargs[i] has no default; defaults are for the LAST
 * len(defaults) of posonlyargs + args, as in CPython. */
struct _arguments {
    asdl_arg_seq *posonlyargs;
    asdl_arg_seq *args;
    arg_ty vararg;               /* optional */
    asdl_arg_seq *kwonlyargs;
    asdl_expr_seq *kw_defaults;
    arg_ty kwarg;                /* optional */
    asdl_expr_seq *defaults;
};

struct _arg {
    FtObject *arg;
    expr_ty annotation;          /* optional */
    FtObject *type_comment;      /* optional */
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

struct _keyword {
    FtObject *arg;               /* NULL for **kwargs */
    expr_ty value;
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

struct _alias {
    FtObject *name;              /* dotted name as one str ("os.path"), or "*" */
    FtObject *asname;            /* optional */
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

struct _withitem {
    expr_ty context_expr;
    expr_ty optional_vars;       /* optional */
};

struct _match_case {
    pattern_ty pattern;
    expr_ty guard;               /* optional */
    asdl_stmt_seq *body;
};

enum _pattern_kind {
    MatchValue_kind = 1, MatchSingleton_kind = 2, MatchSequence_kind = 3, MatchMapping_kind = 4,
    MatchClass_kind = 5, MatchStar_kind = 6, MatchAs_kind = 7, MatchOr_kind = 8
};

struct _pattern {
    enum _pattern_kind kind;
    union {
        struct { expr_ty value; } MatchValue;
        struct { FtObject *value; } MatchSingleton;             /* None, True or False */
        struct { asdl_pattern_seq *patterns; } MatchSequence;
        struct { asdl_expr_seq *keys; asdl_pattern_seq *patterns; FtObject *rest; } MatchMapping;
        struct {
            expr_ty cls;
            asdl_pattern_seq *patterns;
            asdl_identifier_seq *kwd_attrs;
            asdl_pattern_seq *kwd_patterns;
        } MatchClass;
        struct { FtObject *name; } MatchStar;                   /* name optional */
        struct { pattern_ty pattern; FtObject *name; } MatchAs; /* both optional */
        struct { asdl_pattern_seq *patterns; } MatchOr;
    } v;
    int lineno;
    int col_offset;
    int end_lineno;
    int end_col_offset;
};

enum _type_ignore_kind { TypeIgnore_kind = 1 };

struct _type_ignore {
    enum _type_ignore_kind kind;
    union {
        struct { int lineno; FtObject *tag; } TypeIgnore;
    } v;
};

/* ---- constructors (ast.c) ------------------------------------------------------------- *
 * Mirror CPython's _PyAST_* constructors: same argument order (fields, then positions, then
 * the arena). Each returns an arena-allocated node, or NULL with MemoryError set. */

#define FT_AST_POS int lineno, int col_offset, int end_lineno, int end_col_offset

mod_ty ft_ast_Module(asdl_stmt_seq *body, asdl_type_ignore_seq *type_ignores, FtArena *arena);
mod_ty ft_ast_Interactive(asdl_stmt_seq *body, FtArena *arena);
mod_ty ft_ast_Expression(expr_ty body, FtArena *arena);
mod_ty ft_ast_FunctionType(asdl_expr_seq *argtypes, expr_ty returns, FtArena *arena);

stmt_ty ft_ast_FunctionDef(FtObject *name, arguments_ty args, asdl_stmt_seq *body,
                           asdl_expr_seq *decorator_list, expr_ty returns,
                           FtObject *type_comment, FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_AsyncFunctionDef(FtObject *name, arguments_ty args, asdl_stmt_seq *body,
                                asdl_expr_seq *decorator_list, expr_ty returns,
                                FtObject *type_comment, FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_ClassDef(FtObject *name, asdl_expr_seq *bases, asdl_keyword_seq *keywords,
                        asdl_stmt_seq *body, asdl_expr_seq *decorator_list, FT_AST_POS,
                        FtArena *arena);
stmt_ty ft_ast_Return(expr_ty value, FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_Delete(asdl_expr_seq *targets, FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_Assign(asdl_expr_seq *targets, expr_ty value, FtObject *type_comment,
                      FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_AugAssign(expr_ty target, operator_ty op, expr_ty value, FT_AST_POS,
                         FtArena *arena);
stmt_ty ft_ast_AnnAssign(expr_ty target, expr_ty annotation, expr_ty value, int simple,
                         FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_For(expr_ty target, expr_ty iter, asdl_stmt_seq *body, asdl_stmt_seq *orelse,
                   FtObject *type_comment, FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_AsyncFor(expr_ty target, expr_ty iter, asdl_stmt_seq *body,
                        asdl_stmt_seq *orelse, FtObject *type_comment, FT_AST_POS,
                        FtArena *arena);
stmt_ty ft_ast_While(expr_ty test, asdl_stmt_seq *body, asdl_stmt_seq *orelse, FT_AST_POS,
                     FtArena *arena);
stmt_ty ft_ast_If(expr_ty test, asdl_stmt_seq *body, asdl_stmt_seq *orelse, FT_AST_POS,
                  FtArena *arena);
stmt_ty ft_ast_With(asdl_withitem_seq *items, asdl_stmt_seq *body, FtObject *type_comment,
                    FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_AsyncWith(asdl_withitem_seq *items, asdl_stmt_seq *body,
                         FtObject *type_comment, FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_Match(expr_ty subject, asdl_match_case_seq *cases, FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_Raise(expr_ty exc, expr_ty cause, FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_Try(asdl_stmt_seq *body, asdl_excepthandler_seq *handlers,
                   asdl_stmt_seq *orelse, asdl_stmt_seq *finalbody, FT_AST_POS,
                   FtArena *arena);
stmt_ty ft_ast_TryStar(asdl_stmt_seq *body, asdl_excepthandler_seq *handlers,
                       asdl_stmt_seq *orelse, asdl_stmt_seq *finalbody, FT_AST_POS,
                       FtArena *arena);
stmt_ty ft_ast_Assert(expr_ty test, expr_ty msg, FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_Import(asdl_alias_seq *names, FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_ImportFrom(FtObject *module, asdl_alias_seq *names, int level, FT_AST_POS,
                          FtArena *arena);
stmt_ty ft_ast_Global(asdl_identifier_seq *names, FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_Nonlocal(asdl_identifier_seq *names, FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_Expr(expr_ty value, FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_Pass(FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_Break(FT_AST_POS, FtArena *arena);
stmt_ty ft_ast_Continue(FT_AST_POS, FtArena *arena);

expr_ty ft_ast_BoolOp(boolop_ty op, asdl_expr_seq *values, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_NamedExpr(expr_ty target, expr_ty value, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_BinOp(expr_ty left, operator_ty op, expr_ty right, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_UnaryOp(unaryop_ty op, expr_ty operand, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_Lambda(arguments_ty args, expr_ty body, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_IfExp(expr_ty test, expr_ty body, expr_ty orelse, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_Dict(asdl_expr_seq *keys, asdl_expr_seq *values, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_Set(asdl_expr_seq *elts, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_ListComp(expr_ty elt, asdl_comprehension_seq *generators, FT_AST_POS,
                        FtArena *arena);
expr_ty ft_ast_SetComp(expr_ty elt, asdl_comprehension_seq *generators, FT_AST_POS,
                       FtArena *arena);
expr_ty ft_ast_DictComp(expr_ty key, expr_ty value, asdl_comprehension_seq *generators,
                        FT_AST_POS, FtArena *arena);
expr_ty ft_ast_GeneratorExp(expr_ty elt, asdl_comprehension_seq *generators, FT_AST_POS,
                            FtArena *arena);
expr_ty ft_ast_Await(expr_ty value, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_Yield(expr_ty value, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_YieldFrom(expr_ty value, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_Compare(expr_ty left, asdl_int_seq *ops, asdl_expr_seq *comparators,
                       FT_AST_POS, FtArena *arena);
expr_ty ft_ast_Call(expr_ty func, asdl_expr_seq *args, asdl_keyword_seq *keywords,
                    FT_AST_POS, FtArena *arena);
expr_ty ft_ast_FormattedValue(expr_ty value, int conversion, expr_ty format_spec, FT_AST_POS,
                              FtArena *arena);
expr_ty ft_ast_JoinedStr(asdl_expr_seq *values, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_Constant(FtObject *value, FtObject *kind, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_Attribute(expr_ty value, FtObject *attr, expr_context_ty ctx, FT_AST_POS,
                         FtArena *arena);
expr_ty ft_ast_Subscript(expr_ty value, expr_ty slice, expr_context_ty ctx, FT_AST_POS,
                         FtArena *arena);
expr_ty ft_ast_Starred(expr_ty value, expr_context_ty ctx, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_Name(FtObject *id, expr_context_ty ctx, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_List(asdl_expr_seq *elts, expr_context_ty ctx, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_Tuple(asdl_expr_seq *elts, expr_context_ty ctx, FT_AST_POS, FtArena *arena);
expr_ty ft_ast_Slice(expr_ty lower, expr_ty upper, expr_ty step, FT_AST_POS, FtArena *arena);

comprehension_ty ft_ast_comprehension(expr_ty target, expr_ty iter, asdl_expr_seq *ifs,
                                      int is_async, FtArena *arena);
excepthandler_ty ft_ast_ExceptHandler(expr_ty type, FtObject *name, asdl_stmt_seq *body,
                                      FT_AST_POS, FtArena *arena);
arguments_ty ft_ast_arguments(asdl_arg_seq *posonlyargs, asdl_arg_seq *args, arg_ty vararg,
                              asdl_arg_seq *kwonlyargs, asdl_expr_seq *kw_defaults,
                              arg_ty kwarg, asdl_expr_seq *defaults, FtArena *arena);
arg_ty ft_ast_arg(FtObject *arg, expr_ty annotation, FtObject *type_comment, FT_AST_POS,
                  FtArena *arena);
keyword_ty ft_ast_keyword(FtObject *arg, expr_ty value, FT_AST_POS, FtArena *arena);
alias_ty ft_ast_alias(FtObject *name, FtObject *asname, FT_AST_POS, FtArena *arena);
withitem_ty ft_ast_withitem(expr_ty context_expr, expr_ty optional_vars, FtArena *arena);
match_case_ty ft_ast_match_case(pattern_ty pattern, expr_ty guard, asdl_stmt_seq *body,
                                FtArena *arena);

pattern_ty ft_ast_MatchValue(expr_ty value, FT_AST_POS, FtArena *arena);
pattern_ty ft_ast_MatchSingleton(FtObject *value, FT_AST_POS, FtArena *arena);
pattern_ty ft_ast_MatchSequence(asdl_pattern_seq *patterns, FT_AST_POS, FtArena *arena);
pattern_ty ft_ast_MatchMapping(asdl_expr_seq *keys, asdl_pattern_seq *patterns,
                               FtObject *rest, FT_AST_POS, FtArena *arena);
pattern_ty ft_ast_MatchClass(expr_ty cls, asdl_pattern_seq *patterns,
                             asdl_identifier_seq *kwd_attrs, asdl_pattern_seq *kwd_patterns,
                             FT_AST_POS, FtArena *arena);
pattern_ty ft_ast_MatchStar(FtObject *name, FT_AST_POS, FtArena *arena);
pattern_ty ft_ast_MatchAs(pattern_ty pattern, FtObject *name, FT_AST_POS, FtArena *arena);
pattern_ty ft_ast_MatchOr(asdl_pattern_seq *patterns, FT_AST_POS, FtArena *arena);

type_ignore_ty ft_ast_TypeIgnore(int lineno, FtObject *tag, FtArena *arena);

/* A debugging aid: the tree in the shape of Python's ast.dump(node) (new str ref). Works on
 * mod_ty, stmt_ty or expr_ty according to `what` ('m', 's', 'e'); or'ed with
 * FT_AST_DUMP_ATTRIBUTES it adds the positions, as ast.dump(node, include_attributes=True). */
#define FT_AST_DUMP_ATTRIBUTES 0x100
FtObject *ft_ast_dump(const void *node, int what);

#endif
