/* The symbol table (see symtable.h): a port of CPython 3.11's Python/symtable.c. The first
 * pass walks the AST and records, per block, the flags of every name (DEF_*); the second
 * pass (analyze_block) resolves each name to a scope, passing down the names bound in
 * enclosing function scopes and bubbling up the free names of children so that locals
 * captured by nested functions become cells. Sets are dicts mapping name -> None. */
#include "core/compiler/symtable.h"
#include "core/compiler/compile.h"
#include <string.h>

#define MAX_NESTING 1000

/* ---- small dict/set helpers -------------------------------------------------------------- */

static int set_add(FtObject *set, FtObject *name) { return ft_dict_set(set, name, FT_NONE); }
static int set_contains(FtObject *set, FtObject *name)
{
    return set != NULL && ft_dict_get(set, name) != NULL;
}
static int set_discard(FtObject *set, FtObject *name)
{
    if (ft_dict_get(set, name) == NULL)
        return 0;
    return ft_dict_del(set, name) < 0 ? -1 : 1;
}
static int set_update(FtObject *set, FtObject *other)
{
    ssize_t pos = 0;
    FtObject *k, *v;
    while (ft_dict_next(other, &pos, &k, &v))
        if (set_add(set, k) < 0)
            return -1;
    return 0;
}
static FtObject *set_copy(FtObject *set)
{
    return set ? ft_dict_copy(set) : ft_dict_new();
}
static long dict_long(FtObject *d, FtObject *name)
{
    FtObject *v = ft_dict_get(d, name);
    return v ? (long)ft_int_compact_value(v) : 0;
}
static int dict_set_long(FtObject *d, FtObject *name, long v)
{
    FtObject *o = ft_int_from_i64(v);
    if (o == NULL)
        return -1;
    int r = ft_dict_set(d, name, o);
    FT_DECREF(o);
    return r;
}

long ft_symtable_flags(FtSymEntry *ste, FtObject *name)
{
    return dict_long(ste->symbols, name);
}

/* ---- errors --------------------------------------------------------------------------- */

static void st_error(FtSymtable *st, int line, int col, int end_line, int end_col,
                     const char *fmt, FtObject *name)
{
    FtObject *msg = name ? ft_str_from_format(fmt, name) : ft_str_from_cstr(fmt);
    if (msg == NULL)
        return;
    ft_syntax_error(ft_exc_SyntaxError, ft_str_as_utf8(msg), st->filename, st->src, line, col,
                    end_line, end_col);
    FT_DECREF(msg);
}

#define GLOBAL_PARAM "name '%U' is parameter and global"
#define NONLOCAL_PARAM "name '%U' is parameter and nonlocal"
#define GLOBAL_AFTER_ASSIGN "name '%U' is assigned to before global declaration"
#define NONLOCAL_AFTER_ASSIGN "name '%U' is assigned to before nonlocal declaration"
#define GLOBAL_AFTER_USE "name '%U' is used prior to global declaration"
#define NONLOCAL_AFTER_USE "name '%U' is used prior to nonlocal declaration"
#define GLOBAL_ANNOT "annotated name '%U' can't be global"
#define NONLOCAL_ANNOT "annotated name '%U' can't be nonlocal"
#define IMPORT_STAR_WARNING "import * only allowed at module level"
#define NAMED_EXPR_COMP_IN_CLASS \
    "assignment expression within a comprehension cannot be used in a class body"
#define NAMED_EXPR_COMP_CONFLICT \
    "assignment expression cannot rebind comprehension iteration variable '%U'"
#define NAMED_EXPR_COMP_INNER_LOOP_CONFLICT \
    "comprehension inner loop cannot rebind assignment expression target '%U'"
#define NAMED_EXPR_COMP_ITER_EXPR \
    "assignment expression cannot be used in a comprehension iterable expression"
#define DUPLICATE_ARGUMENT "duplicate argument '%U' in function definition"

/* ---- mangling ------------------------------------------------------------------------- */

FtObject *ft_symtable_mangle(FtObject *priv, FtObject *ident)
{
    ssize_t nlen = FT_STR_LEN(ident);
    if (priv == NULL || nlen < 2 || ft_str_read(ident, 0) != '_' || ft_str_read(ident, 1) != '_')
        return FT_NEWREF(ident);
    /* Don't mangle __id__ or names with dots (import of a package). */
    if (ft_str_read(ident, nlen - 1) == '_' && ft_str_read(ident, nlen - 2) == '_')
        return FT_NEWREF(ident);
    for (ssize_t i = 0; i < nlen; i++)
        if (ft_str_read(ident, i) == '.')
            return FT_NEWREF(ident);
    ssize_t plen = FT_STR_LEN(priv), ipriv = 0;
    while (ipriv < plen && ft_str_read(priv, ipriv) == '_')
        ipriv++;
    if (ipriv == plen)
        return FT_NEWREF(ident); /* the class name is only underscores */
    FtObject *stripped = ft_str_substring(priv, ipriv, plen);
    if (stripped == NULL)
        return NULL;
    FtObject *r = ft_str_from_format("_%U%U", stripped, ident);
    FT_DECREF(stripped);
    return r ? ft_str_intern(r) : NULL;
}

/* ---- entries and the node map ----------------------------------------------------------- */

static size_t ptr_hash(const void *p)
{
    uintptr_t x = (uintptr_t)p;
    x ^= x >> 17;
    x *= 0x9E3779B97F4A7C15ull;
    return (size_t)(x ^ (x >> 29));
}

static int map_insert(FtSymtable *st, FtSymEntry *ste)
{
    if ((st->mapused + 1) * 2 > st->mapcap) {
        size_t ncap = st->mapcap ? st->mapcap * 2 : 64;
        FtSymEntry **nmap = ft_mem_calloc(ncap, sizeof(FtSymEntry *));
        if (nmap == NULL)
            return -1;
        for (size_t i = 0; i < st->mapcap; i++) {
            FtSymEntry *e = st->map[i];
            if (e == NULL)
                continue;
            size_t j = ptr_hash(e->key) & (ncap - 1);
            while (nmap[j])
                j = (j + 1) & (ncap - 1);
            nmap[j] = e;
        }
        ft_mem_free(st->map);
        st->map = nmap;
        st->mapcap = ncap;
    }
    size_t j = ptr_hash(ste->key) & (st->mapcap - 1);
    while (st->map[j])
        j = (j + 1) & (st->mapcap - 1);
    st->map[j] = ste;
    st->mapused++;
    return 0;
}

FtSymEntry *ft_symtable_lookup(FtSymtable *st, const void *key)
{
    if (st->mapcap == 0)
        return NULL;
    size_t j = ptr_hash(key) & (st->mapcap - 1);
    while (st->map[j]) {
        if (st->map[j]->key == key)
            return st->map[j];
        j = (j + 1) & (st->mapcap - 1);
    }
    return NULL;
}

static FtSymEntry *ste_new(FtSymtable *st, FtObject *name, FtBlockType type, const void *key,
                           int lineno, int col, int end_lineno, int end_col)
{
    FtSymEntry *ste = ft_mem_calloc(1, sizeof(FtSymEntry));
    if (ste == NULL)
        return NULL;
    ste->all_next = st->all;
    st->all = ste;
    ste->key = key;
    ste->name = FT_NEWREF(name);
    ste->type = type;
    ste->lineno = lineno;
    ste->col_offset = col;
    ste->end_lineno = end_lineno;
    ste->end_col_offset = end_col;
    ste->symbols = ft_dict_new();
    ste->varnames = ft_list_new(0);
    ste->directives = ft_dict_new();
    if (!ste->symbols || !ste->varnames || !ste->directives)
        return NULL;
    if (st->cur != NULL && (st->cur->nested || st->cur->type == FT_BLOCK_FUNCTION))
        ste->nested = 1;
    if (map_insert(st, ste) < 0)
        return NULL;
    return ste;
}

void ft_symtable_free(FtSymtable *st)
{
    if (st == NULL)
        return;
    FtSymEntry *e = st->all;
    while (e) {
        FtSymEntry *next = e->all_next;
        FT_XDECREF(e->name);
        FT_XDECREF(e->symbols);
        FT_XDECREF(e->varnames);
        FT_XDECREF(e->directives);
        ft_mem_free(e->children);
        ft_mem_free(e);
        e = next;
    }
    ft_mem_free(st->stack);
    ft_mem_free(st->map);
    ft_mem_free(st);
}

static int enter_block(FtSymtable *st, FtObject *name, FtBlockType type, const void *key,
                       int lineno, int col, int end_lineno, int end_col)
{
    FtSymEntry *prev = st->cur;
    FtSymEntry *ste = ste_new(st, name, type, key, lineno, col, end_lineno, end_col);
    if (ste == NULL)
        return -1;
    if (st->nstack == st->capstack) {
        int ncap = st->capstack ? st->capstack * 2 : 16;
        FtSymEntry **ns = ft_mem_realloc(st->stack, ncap * sizeof(FtSymEntry *));
        if (ns == NULL)
            return -1;
        st->stack = ns;
        st->capstack = ncap;
    }
    if (st->nstack >= MAX_NESTING) {
        ft_err_set_string(ft_exc_RecursionError, "maximum recursion depth exceeded during compilation");
        return -1;
    }
    st->stack[st->nstack++] = ste;
    st->cur = ste;
    if (type == FT_BLOCK_MODULE)
        st->global = ste->symbols;
    if (prev) {
        if (prev->nchildren == prev->capchildren) {
            int ncap = prev->capchildren ? prev->capchildren * 2 : 4;
            FtSymEntry **nc = ft_mem_realloc(prev->children, ncap * sizeof(FtSymEntry *));
            if (nc == NULL)
                return -1;
            prev->children = nc;
            prev->capchildren = ncap;
        }
        prev->children[prev->nchildren++] = ste;
    }
    return 0;
}

static void exit_block(FtSymtable *st)
{
    st->nstack--;
    st->cur = st->nstack > 0 ? st->stack[st->nstack - 1] : NULL;
}

/* ---- recording definitions ----------------------------------------------------------- */

static int add_def_helper(FtSymtable *st, FtObject *name, int flag, FtSymEntry *ste,
                          int lineno, int col, int end_lineno, int end_col)
{
    FtObject *mangled = ft_symtable_mangle(st->private_name, name);
    if (mangled == NULL)
        return -1;
    long val;
    FtObject *o = ft_dict_get(ste->symbols, mangled);
    if (o) {
        val = (long)ft_int_compact_value(o);
        if ((flag & FT_DEF_PARAM) && (val & FT_DEF_PARAM)) {
            st_error(st, lineno, col, end_lineno, end_col, DUPLICATE_ARGUMENT, name);
            goto error;
        }
        val |= flag;
    } else {
        val = flag;
    }
    if (ste->comp_iter_target) {
        if (val & (FT_DEF_GLOBAL | FT_DEF_NONLOCAL)) {
            st_error(st, lineno, col, end_lineno, end_col, NAMED_EXPR_COMP_INNER_LOOP_CONFLICT,
                     name);
            goto error;
        }
        val |= FT_DEF_COMP_ITER;
    }
    if (dict_set_long(ste->symbols, mangled, val) < 0)
        goto error;
    if (flag & FT_DEF_PARAM) {
        if (ft_list_append(ste->varnames, mangled) < 0)
            goto error;
    } else if (flag & FT_DEF_GLOBAL) {
        val = flag | dict_long(st->global, mangled);
        if (dict_set_long(st->global, mangled, val) < 0)
            goto error;
    }
    FT_DECREF(mangled);
    return 0;
error:
    FT_DECREF(mangled);
    return -1;
}

static int add_def(FtSymtable *st, FtObject *name, int flag, int lineno, int col,
                   int end_lineno, int end_col)
{
    return add_def_helper(st, name, flag, st->cur, lineno, col, end_lineno, end_col);
}

#define LOC(n) (n)->lineno, (n)->col_offset, (n)->end_lineno, (n)->end_col_offset

static int record_directive(FtSymtable *st, FtObject *name, int lineno, int col,
                            int end_lineno, int end_col)
{
    FtObject *mangled = ft_symtable_mangle(st->private_name, name);
    if (mangled == NULL)
        return -1;
    if (ft_dict_get(st->cur->directives, mangled) != NULL) {
        /* errors point at the first directive naming the variable */
        FT_DECREF(mangled);
        return 0;
    }
    FtObject *items[4] = { ft_int_from_i64(lineno), ft_int_from_i64(col),
                           ft_int_from_i64(end_lineno), ft_int_from_i64(end_col) };
    FtObject *t = ft_tuple_from_array_steal(items, 4);
    int r = t ? ft_dict_set(st->cur->directives, mangled, t) : -1;
    FT_XDECREF(t);
    FT_DECREF(mangled);
    return r;
}

static long lookup_cur(FtSymtable *st, FtObject *name)
{
    FtObject *mangled = ft_symtable_mangle(st->private_name, name);
    if (mangled == NULL)
        return -1;
    long r = dict_long(st->cur->symbols, mangled);
    FT_DECREF(mangled);
    return r;
}

/* ---- the visitor -------------------------------------------------------------------- */

static int visit_stmt(FtSymtable *st, stmt_ty s);
static int visit_expr(FtSymtable *st, expr_ty e);

static int visit_stmts(FtSymtable *st, asdl_stmt_seq *seq)
{
    for (ssize_t i = 0; i < asdl_seq_LEN(seq); i++)
        if (visit_stmt(st, asdl_seq_GET(seq, i)) < 0)
            return -1;
    return 0;
}

static int visit_exprs(FtSymtable *st, asdl_expr_seq *seq)
{
    for (ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
        expr_ty e = asdl_seq_GET(seq, i);
        if (e && visit_expr(st, e) < 0)
            return -1;
    }
    return 0;
}

static int visit_params(FtSymtable *st, asdl_arg_seq *args)
{
    for (ssize_t i = 0; i < asdl_seq_LEN(args); i++) {
        arg_ty a = asdl_seq_GET(args, i);
        if (add_def(st, a->arg, FT_DEF_PARAM, LOC(a)) < 0)
            return -1;
    }
    return 0;
}

static int visit_arguments(FtSymtable *st, arguments_ty a)
{
    if (visit_params(st, a->posonlyargs) < 0 || visit_params(st, a->args) < 0 ||
        visit_params(st, a->kwonlyargs) < 0)
        return -1;
    if (a->vararg) {
        if (add_def(st, a->vararg->arg, FT_DEF_PARAM, LOC(a->vararg)) < 0)
            return -1;
        st->cur->varargs = 1;
    }
    if (a->kwarg) {
        if (add_def(st, a->kwarg->arg, FT_DEF_PARAM, LOC(a->kwarg)) < 0)
            return -1;
        st->cur->varkeywords = 1;
    }
    return 0;
}

/* Annotations are evaluated in the enclosing scope, unless `from __future__ import
 * annotations` makes them strings that are never evaluated. */
static int visit_annotation(FtSymtable *st, expr_ty e)
{
    if (e == NULL || st->future_annotations)
        return 0;
    return visit_expr(st, e);
}

static int visit_argannotations(FtSymtable *st, asdl_arg_seq *args)
{
    for (ssize_t i = 0; i < asdl_seq_LEN(args); i++)
        if (visit_annotation(st, asdl_seq_GET(args, i)->annotation) < 0)
            return -1;
    return 0;
}

static int visit_annotations(FtSymtable *st, arguments_ty a, expr_ty returns)
{
    if (visit_argannotations(st, a->posonlyargs) < 0 || visit_argannotations(st, a->args) < 0)
        return -1;
    if (a->vararg && visit_annotation(st, a->vararg->annotation) < 0)
        return -1;
    if (visit_argannotations(st, a->kwonlyargs) < 0)
        return -1;
    if (a->kwarg && visit_annotation(st, a->kwarg->annotation) < 0)
        return -1;
    return visit_annotation(st, returns);
}

static int visit_alias(FtSymtable *st, alias_ty a)
{
    FtObject *name = a->asname ? a->asname : a->name;
    if (ft_str_eq_cstr(name, "*")) {
        if (st->cur->type != FT_BLOCK_MODULE) {
            st_error(st, LOC(a), IMPORT_STAR_WARNING, NULL);
            return -1;
        }
        return 0;
    }
    ssize_t n = FT_STR_LEN(name), dot = -1;
    for (ssize_t i = 0; i < n; i++)
        if (ft_str_read(name, i) == '.') {
            dot = i;
            break;
        }
    if (dot < 0)
        return add_def(st, name, FT_DEF_IMPORT, LOC(a));
    FtObject *store = ft_str_substring(name, 0, dot);
    if (store == NULL)
        return -1;
    store = ft_str_intern(store);
    int r = add_def(st, store, FT_DEF_IMPORT, LOC(a));
    FT_DECREF(store);
    return r;
}

static int visit_patterns(FtSymtable *st, asdl_pattern_seq *seq);

static int visit_pattern(FtSymtable *st, pattern_ty p)
{
    switch (p->kind) {
    case MatchValue_kind:
        return visit_expr(st, p->v.MatchValue.value);
    case MatchSingleton_kind:
        return 0;
    case MatchSequence_kind:
        return visit_patterns(st, p->v.MatchSequence.patterns);
    case MatchStar_kind:
        if (p->v.MatchStar.name)
            return add_def(st, p->v.MatchStar.name, FT_DEF_LOCAL, LOC(p));
        return 0;
    case MatchMapping_kind:
        if (visit_exprs(st, p->v.MatchMapping.keys) < 0 ||
            visit_patterns(st, p->v.MatchMapping.patterns) < 0)
            return -1;
        if (p->v.MatchMapping.rest)
            return add_def(st, p->v.MatchMapping.rest, FT_DEF_LOCAL, LOC(p));
        return 0;
    case MatchClass_kind:
        if (visit_expr(st, p->v.MatchClass.cls) < 0 ||
            visit_patterns(st, p->v.MatchClass.patterns) < 0)
            return -1;
        return visit_patterns(st, p->v.MatchClass.kwd_patterns);
    case MatchAs_kind:
        if (p->v.MatchAs.pattern && visit_pattern(st, p->v.MatchAs.pattern) < 0)
            return -1;
        if (p->v.MatchAs.name)
            return add_def(st, p->v.MatchAs.name, FT_DEF_LOCAL, LOC(p));
        return 0;
    case MatchOr_kind:
        return visit_patterns(st, p->v.MatchOr.patterns);
    }
    return 0;
}

static int visit_patterns(FtSymtable *st, asdl_pattern_seq *seq)
{
    for (ssize_t i = 0; i < asdl_seq_LEN(seq); i++)
        if (visit_pattern(st, asdl_seq_GET(seq, i)) < 0)
            return -1;
    return 0;
}

static int visit_function(FtSymtable *st, stmt_ty s, FtObject *name, arguments_ty args,
                          asdl_stmt_seq *body, asdl_expr_seq *decos, expr_ty returns,
                          int is_async)
{
    if (add_def(st, name, FT_DEF_LOCAL, LOC(s)) < 0)
        return -1;
    if (visit_exprs(st, args->defaults) < 0 || visit_exprs(st, args->kw_defaults) < 0)
        return -1;
    if (visit_annotations(st, args, returns) < 0)
        return -1;
    if (visit_exprs(st, decos) < 0)
        return -1;
    if (enter_block(st, name, FT_BLOCK_FUNCTION, s, LOC(s)) < 0)
        return -1;
    if (is_async)
        st->cur->coroutine = 1;
    if (visit_arguments(st, args) < 0 || visit_stmts(st, body) < 0)
        return -1;
    exit_block(st);
    return 0;
}

static int visit_stmt_inner(FtSymtable *st, stmt_ty s)
{
    switch (s->kind) {
    case FunctionDef_kind:
        return visit_function(st, s, s->v.FunctionDef.name, s->v.FunctionDef.args,
                              s->v.FunctionDef.body, s->v.FunctionDef.decorator_list,
                              s->v.FunctionDef.returns, 0);
    case AsyncFunctionDef_kind:
        return visit_function(st, s, s->v.AsyncFunctionDef.name, s->v.AsyncFunctionDef.args,
                              s->v.AsyncFunctionDef.body,
                              s->v.AsyncFunctionDef.decorator_list,
                              s->v.AsyncFunctionDef.returns, 1);
    case ClassDef_kind: {
        if (add_def(st, s->v.ClassDef.name, FT_DEF_LOCAL, LOC(s)) < 0)
            return -1;
        if (visit_exprs(st, s->v.ClassDef.bases) < 0)
            return -1;
        for (ssize_t i = 0; i < asdl_seq_LEN(s->v.ClassDef.keywords); i++)
            if (visit_expr(st, asdl_seq_GET(s->v.ClassDef.keywords, i)->value) < 0)
                return -1;
        if (visit_exprs(st, s->v.ClassDef.decorator_list) < 0)
            return -1;
        if (enter_block(st, s->v.ClassDef.name, FT_BLOCK_CLASS, s, LOC(s)) < 0)
            return -1;
        FtObject *tmp = st->private_name;
        st->private_name = s->v.ClassDef.name;
        if (visit_stmts(st, s->v.ClassDef.body) < 0)
            return -1;
        st->private_name = tmp;
        exit_block(st);
        return 0;
    }
    case Return_kind:
        if (s->v.Return.value) {
            if (visit_expr(st, s->v.Return.value) < 0)
                return -1;
            st->cur->returns_value = 1;
        }
        return 0;
    case Delete_kind:
        return visit_exprs(st, s->v.Delete.targets);
    case Assign_kind:
        if (visit_exprs(st, s->v.Assign.targets) < 0)
            return -1;
        return visit_expr(st, s->v.Assign.value);
    case AnnAssign_kind: {
        expr_ty target = s->v.AnnAssign.target;
        if (target->kind == Name_kind) {
            long cur = lookup_cur(st, target->v.Name.id);
            if (cur < 0)
                return -1;
            if ((cur & (FT_DEF_GLOBAL | FT_DEF_NONLOCAL)) && st->cur->symbols != st->global &&
                s->v.AnnAssign.simple) {
                st_error(st, LOC(s), (cur & FT_DEF_GLOBAL) ? GLOBAL_ANNOT : NONLOCAL_ANNOT,
                         target->v.Name.id);
                return -1;
            }
            if (s->v.AnnAssign.simple) {
                if (add_def(st, target->v.Name.id, FT_DEF_ANNOT | FT_DEF_LOCAL, LOC(target)) < 0)
                    return -1;
            } else if (s->v.AnnAssign.value) {
                if (add_def(st, target->v.Name.id, FT_DEF_LOCAL, LOC(target)) < 0)
                    return -1;
            }
        } else if (visit_expr(st, target) < 0) {
            return -1;
        }
        if (visit_annotation(st, s->v.AnnAssign.annotation) < 0)
            return -1;
        if (s->v.AnnAssign.value && visit_expr(st, s->v.AnnAssign.value) < 0)
            return -1;
        return 0;
    }
    case AugAssign_kind:
        if (visit_expr(st, s->v.AugAssign.target) < 0)
            return -1;
        return visit_expr(st, s->v.AugAssign.value);
    case For_kind:
    case AsyncFor_kind:
        if (visit_expr(st, s->v.For.target) < 0 || visit_expr(st, s->v.For.iter) < 0)
            return -1;
        if (visit_stmts(st, s->v.For.body) < 0)
            return -1;
        return visit_stmts(st, s->v.For.orelse);
    case While_kind:
        if (visit_expr(st, s->v.While.test) < 0 || visit_stmts(st, s->v.While.body) < 0)
            return -1;
        return visit_stmts(st, s->v.While.orelse);
    case If_kind:
        if (visit_expr(st, s->v.If.test) < 0 || visit_stmts(st, s->v.If.body) < 0)
            return -1;
        return visit_stmts(st, s->v.If.orelse);
    case Match_kind:
        if (visit_expr(st, s->v.Match.subject) < 0)
            return -1;
        for (ssize_t i = 0; i < asdl_seq_LEN(s->v.Match.cases); i++) {
            match_case_ty m = asdl_seq_GET(s->v.Match.cases, i);
            if (visit_pattern(st, m->pattern) < 0)
                return -1;
            if (m->guard && visit_expr(st, m->guard) < 0)
                return -1;
            if (visit_stmts(st, m->body) < 0)
                return -1;
        }
        return 0;
    case Raise_kind:
        if (s->v.Raise.exc && visit_expr(st, s->v.Raise.exc) < 0)
            return -1;
        if (s->v.Raise.cause && visit_expr(st, s->v.Raise.cause) < 0)
            return -1;
        return 0;
    case Try_kind:
    case TryStar_kind:
        if (visit_stmts(st, s->v.Try.body) < 0 || visit_stmts(st, s->v.Try.orelse) < 0)
            return -1;
        for (ssize_t i = 0; i < asdl_seq_LEN(s->v.Try.handlers); i++) {
            excepthandler_ty h = asdl_seq_GET(s->v.Try.handlers, i);
            if (h->v.ExceptHandler.type && visit_expr(st, h->v.ExceptHandler.type) < 0)
                return -1;
            if (h->v.ExceptHandler.name &&
                add_def(st, h->v.ExceptHandler.name, FT_DEF_LOCAL, LOC(h)) < 0)
                return -1;
            if (visit_stmts(st, h->v.ExceptHandler.body) < 0)
                return -1;
        }
        return visit_stmts(st, s->v.Try.finalbody);
    case Assert_kind:
        if (visit_expr(st, s->v.Assert.test) < 0)
            return -1;
        if (s->v.Assert.msg && visit_expr(st, s->v.Assert.msg) < 0)
            return -1;
        return 0;
    case Import_kind:
        for (ssize_t i = 0; i < asdl_seq_LEN(s->v.Import.names); i++)
            if (visit_alias(st, asdl_seq_GET(s->v.Import.names, i)) < 0)
                return -1;
        return 0;
    case ImportFrom_kind:
        for (ssize_t i = 0; i < asdl_seq_LEN(s->v.ImportFrom.names); i++)
            if (visit_alias(st, asdl_seq_GET(s->v.ImportFrom.names, i)) < 0)
                return -1;
        return 0;
    case Global_kind:
    case Nonlocal_kind: {
        int is_global = s->kind == Global_kind;
        asdl_identifier_seq *seq = is_global ? s->v.Global.names : s->v.Nonlocal.names;
        for (ssize_t i = 0; i < asdl_seq_LEN(seq); i++) {
            FtObject *name = asdl_seq_GET(seq, i);
            long cur = lookup_cur(st, name);
            if (cur < 0)
                return -1;
            if (cur & (FT_DEF_PARAM | FT_DEF_LOCAL | FT_DEF_USE | FT_DEF_ANNOT)) {
                const char *msg;
                if (cur & FT_DEF_PARAM)
                    msg = is_global ? GLOBAL_PARAM : NONLOCAL_PARAM;
                else if (cur & FT_DEF_USE)
                    msg = is_global ? GLOBAL_AFTER_USE : NONLOCAL_AFTER_USE;
                else if (cur & FT_DEF_ANNOT)
                    msg = is_global ? GLOBAL_ANNOT : NONLOCAL_ANNOT;
                else
                    msg = is_global ? GLOBAL_AFTER_ASSIGN : NONLOCAL_AFTER_ASSIGN;
                st_error(st, LOC(s), msg, name);
                return -1;
            }
            if (add_def(st, name, is_global ? FT_DEF_GLOBAL : FT_DEF_NONLOCAL, LOC(s)) < 0)
                return -1;
            if (record_directive(st, name, LOC(s)) < 0)
                return -1;
        }
        return 0;
    }
    case Expr_kind:
        return visit_expr(st, s->v.Expr.value);
    case Pass_kind:
    case Break_kind:
    case Continue_kind:
        return 0;
    case With_kind:
    case AsyncWith_kind:
        for (ssize_t i = 0; i < asdl_seq_LEN(s->v.With.items); i++) {
            withitem_ty item = asdl_seq_GET(s->v.With.items, i);
            if (visit_expr(st, item->context_expr) < 0)
                return -1;
            if (item->optional_vars && visit_expr(st, item->optional_vars) < 0)
                return -1;
        }
        return visit_stmts(st, s->v.With.body);
    }
    return 0;
}

/* A walrus inside a comprehension binds in the nearest enclosing function or module scope. */
static int extend_namedexpr_scope(FtSymtable *st, expr_ty e)
{
    FtObject *target = e->v.Name.id;
    for (int i = st->nstack - 1; i >= 0; i--) {
        FtSymEntry *ste = st->stack[i];
        if (ste->comprehension) {
            long in_scope = dict_long(ste->symbols, target);
            if (in_scope & FT_DEF_COMP_ITER) {
                st_error(st, LOC(e), NAMED_EXPR_COMP_CONFLICT, target);
                return -1;
            }
            continue;
        }
        if (ste->type == FT_BLOCK_FUNCTION) {
            long in_scope = dict_long(ste->symbols, target);
            if (add_def(st, target, (in_scope & FT_DEF_GLOBAL) ? FT_DEF_GLOBAL : FT_DEF_NONLOCAL,
                        LOC(e)) < 0)
                return -1;
            if (record_directive(st, target, LOC(e)) < 0)
                return -1;
            return add_def_helper(st, target, FT_DEF_LOCAL, ste, LOC(e));
        }
        if (ste->type == FT_BLOCK_MODULE) {
            if (add_def(st, target, FT_DEF_GLOBAL, LOC(e)) < 0)
                return -1;
            if (record_directive(st, target, LOC(e)) < 0)
                return -1;
            return add_def_helper(st, target, FT_DEF_GLOBAL, ste, LOC(e));
        }
        if (ste->type == FT_BLOCK_CLASS) {
            st_error(st, LOC(e), NAMED_EXPR_COMP_IN_CLASS, NULL);
            return -1;
        }
    }
    return 0;
}

static int visit_comprehension(FtSymtable *st, comprehension_ty lc)
{
    st->cur->comp_iter_target = 1;
    if (visit_expr(st, lc->target) < 0)
        return -1;
    st->cur->comp_iter_target = 0;
    st->cur->comp_iter_expr++;
    if (visit_expr(st, lc->iter) < 0)
        return -1;
    st->cur->comp_iter_expr--;
    if (visit_exprs(st, lc->ifs) < 0)
        return -1;
    if (lc->is_async)
        st->cur->coroutine = 1;
    return 0;
}

static int handle_comprehension(FtSymtable *st, expr_ty e, const char *scope_name,
                                asdl_comprehension_seq *generators, expr_ty elt,
                                expr_ty value, int kind)
{
    comprehension_ty outermost = asdl_seq_GET(generators, 0);
    /* The outermost iterable is evaluated in the enclosing scope. */
    st->cur->comp_iter_expr++;
    if (visit_expr(st, outermost->iter) < 0)
        return -1;
    st->cur->comp_iter_expr--;
    FtObject *name = ft_str_intern_cstr(scope_name);
    if (name == NULL || enter_block(st, name, FT_BLOCK_FUNCTION, e, LOC(e)) < 0)
        return -1;
    st->cur->comprehension = kind;
    if (outermost->is_async)
        st->cur->coroutine = 1;
    /* The outermost iterator is received as the implicit argument ".0". */
    FtObject *dot0 = ft_str_intern_cstr(".0");
    if (dot0 == NULL || add_def(st, dot0, FT_DEF_PARAM, LOC(e)) < 0)
        return -1;
    st->cur->comp_iter_target = 1;
    if (visit_expr(st, outermost->target) < 0)
        return -1;
    st->cur->comp_iter_target = 0;
    if (visit_exprs(st, outermost->ifs) < 0)
        return -1;
    for (ssize_t i = 1; i < asdl_seq_LEN(generators); i++)
        if (visit_comprehension(st, asdl_seq_GET(generators, i)) < 0)
            return -1;
    if (value && visit_expr(st, value) < 0)
        return -1;
    if (visit_expr(st, elt) < 0)
        return -1;
    st->cur->generator = kind == FT_COMP_GENEXP;
    exit_block(st);
    return 0;
}

static int comprehension_yield_error(FtSymtable *st, expr_ty e)
{
    const char *msg;
    switch (st->cur->comprehension) {
    case FT_COMP_LIST: msg = "'yield' inside list comprehension"; break;
    case FT_COMP_SET: msg = "'yield' inside set comprehension"; break;
    case FT_COMP_DICT: msg = "'yield' inside dict comprehension"; break;
    default: msg = "'yield' inside generator expression"; break;
    }
    st_error(st, LOC(e), msg, NULL);
    return -1;
}

static int visit_expr_inner(FtSymtable *st, expr_ty e)
{
    switch (e->kind) {
    case NamedExpr_kind:
        if (st->cur->comp_iter_expr > 0) {
            st_error(st, LOC(e), NAMED_EXPR_COMP_ITER_EXPR, NULL);
            return -1;
        }
        if (st->cur->comprehension && extend_namedexpr_scope(st, e->v.NamedExpr.target) < 0)
            return -1;
        if (visit_expr(st, e->v.NamedExpr.value) < 0)
            return -1;
        return visit_expr(st, e->v.NamedExpr.target);
    case BoolOp_kind:
        return visit_exprs(st, e->v.BoolOp.values);
    case BinOp_kind:
        if (visit_expr(st, e->v.BinOp.left) < 0)
            return -1;
        return visit_expr(st, e->v.BinOp.right);
    case UnaryOp_kind:
        return visit_expr(st, e->v.UnaryOp.operand);
    case Lambda_kind: {
        arguments_ty a = e->v.Lambda.args;
        if (visit_exprs(st, a->defaults) < 0 || visit_exprs(st, a->kw_defaults) < 0)
            return -1;
        FtObject *name = ft_str_intern_cstr("<lambda>");
        if (name == NULL || enter_block(st, name, FT_BLOCK_FUNCTION, e, LOC(e)) < 0)
            return -1;
        if (visit_arguments(st, a) < 0 || visit_expr(st, e->v.Lambda.body) < 0)
            return -1;
        exit_block(st);
        return 0;
    }
    case IfExp_kind:
        if (visit_expr(st, e->v.IfExp.test) < 0 || visit_expr(st, e->v.IfExp.body) < 0)
            return -1;
        return visit_expr(st, e->v.IfExp.orelse);
    case Dict_kind:
        if (visit_exprs(st, e->v.Dict.keys) < 0)
            return -1;
        return visit_exprs(st, e->v.Dict.values);
    case Set_kind:
        return visit_exprs(st, e->v.Set.elts);
    case GeneratorExp_kind:
        return handle_comprehension(st, e, "<genexpr>", e->v.GeneratorExp.generators,
                                    e->v.GeneratorExp.elt, NULL, FT_COMP_GENEXP);
    case ListComp_kind:
        return handle_comprehension(st, e, "<listcomp>", e->v.ListComp.generators,
                                    e->v.ListComp.elt, NULL, FT_COMP_LIST);
    case SetComp_kind:
        return handle_comprehension(st, e, "<setcomp>", e->v.SetComp.generators,
                                    e->v.SetComp.elt, NULL, FT_COMP_SET);
    case DictComp_kind:
        return handle_comprehension(st, e, "<dictcomp>", e->v.DictComp.generators,
                                    e->v.DictComp.key, e->v.DictComp.value, FT_COMP_DICT);
    case Yield_kind:
        if (e->v.Yield.value && visit_expr(st, e->v.Yield.value) < 0)
            return -1;
        st->cur->generator = 1;
        if (st->cur->comprehension)
            return comprehension_yield_error(st, e);
        return 0;
    case YieldFrom_kind:
        if (visit_expr(st, e->v.YieldFrom.value) < 0)
            return -1;
        st->cur->generator = 1;
        if (st->cur->comprehension)
            return comprehension_yield_error(st, e);
        return 0;
    case Await_kind:
        if (visit_expr(st, e->v.Await.value) < 0)
            return -1;
        st->cur->coroutine = 1;
        return 0;
    case Compare_kind:
        if (visit_expr(st, e->v.Compare.left) < 0)
            return -1;
        return visit_exprs(st, e->v.Compare.comparators);
    case Call_kind:
        if (visit_expr(st, e->v.Call.func) < 0 || visit_exprs(st, e->v.Call.args) < 0)
            return -1;
        for (ssize_t i = 0; i < asdl_seq_LEN(e->v.Call.keywords); i++)
            if (visit_expr(st, asdl_seq_GET(e->v.Call.keywords, i)->value) < 0)
                return -1;
        return 0;
    case FormattedValue_kind:
        if (visit_expr(st, e->v.FormattedValue.value) < 0)
            return -1;
        if (e->v.FormattedValue.format_spec)
            return visit_expr(st, e->v.FormattedValue.format_spec);
        return 0;
    case JoinedStr_kind:
        return visit_exprs(st, e->v.JoinedStr.values);
    case Constant_kind:
        return 0;
    case Attribute_kind:
        return visit_expr(st, e->v.Attribute.value);
    case Subscript_kind:
        if (visit_expr(st, e->v.Subscript.value) < 0)
            return -1;
        return visit_expr(st, e->v.Subscript.slice);
    case Starred_kind:
        return visit_expr(st, e->v.Starred.value);
    case Slice_kind:
        if (e->v.Slice.lower && visit_expr(st, e->v.Slice.lower) < 0)
            return -1;
        if (e->v.Slice.upper && visit_expr(st, e->v.Slice.upper) < 0)
            return -1;
        if (e->v.Slice.step && visit_expr(st, e->v.Slice.step) < 0)
            return -1;
        return 0;
    case Name_kind:
        if (add_def(st, e->v.Name.id, e->v.Name.ctx == Load ? FT_DEF_USE : FT_DEF_LOCAL,
                    LOC(e)) < 0)
            return -1;
        /* super() counts as a use of __class__ */
        if (e->v.Name.ctx == Load && st->cur->type == FT_BLOCK_FUNCTION &&
            ft_str_eq_cstr(e->v.Name.id, "super")) {
            FtObject *cls = ft_str_intern_cstr("__class__");
            if (cls == NULL || add_def(st, cls, FT_DEF_USE, LOC(e)) < 0)
                return -1;
        }
        return 0;
    case List_kind:
        return visit_exprs(st, e->v.List.elts);
    case Tuple_kind:
        return visit_exprs(st, e->v.Tuple.elts);
    }
    return 0;
}

/* CPython limits the nesting the compiler accepts (3 x the recursion limit of 1000) so that
 * deeply nested code raises RecursionError instead of exhausting the C stack; the code
 * generator recurses no deeper than this walk. */
#define MAX_COMPILE_DEPTH 3000

static int depth_exceeded(FtSymtable *st)
{
    if (++st->depth > MAX_COMPILE_DEPTH) {
        ft_err_set_string(ft_exc_RecursionError,
                          "maximum recursion depth exceeded during compilation");
        return 1;
    }
    return 0;
}

static int visit_expr(FtSymtable *st, expr_ty e)
{
    if (depth_exceeded(st))
        return -1;
    int r = visit_expr_inner(st, e);
    st->depth--;
    return r;
}

static int visit_stmt(FtSymtable *st, stmt_ty s)
{
    if (depth_exceeded(st))
        return -1;
    int r = visit_stmt_inner(st, s);
    st->depth--;
    return r;
}

/* ---- analysis --------------------------------------------------------------------------- */

static int error_at_directive(FtSymtable *st, FtSymEntry *ste, FtObject *name,
                              const char *msg)
{
    FtObject *d = ft_dict_get(ste->directives, name);
    int loc[4] = { ste->lineno, ste->col_offset, ste->end_lineno, ste->end_col_offset };
    if (d)
        for (int i = 0; i < 4; i++)
            loc[i] = (int)ft_int_compact_value(FT_TUPLE_GET(d, i));
    st_error(st, loc[0], loc[1], loc[2], loc[3], msg, name);
    return -1;
}

static int set_scope(FtObject *scopes, FtObject *name, long scope)
{
    return dict_set_long(scopes, name, scope);
}

static int analyze_name(FtSymtable *st, FtSymEntry *ste, FtObject *scopes, FtObject *name,
                        long flags, FtObject *bound, FtObject *local, FtObject *free,
                        FtObject *global)
{
    if (flags & FT_DEF_GLOBAL) {
        if (flags & FT_DEF_NONLOCAL)
            return error_at_directive(st, ste, name, "name '%U' is nonlocal and global");
        if (set_scope(scopes, name, FT_SCOPE_GLOBAL_EXPLICIT) < 0 || set_add(global, name) < 0)
            return -1;
        if (bound && set_discard(bound, name) < 0)
            return -1;
        return 0;
    }
    if (flags & FT_DEF_NONLOCAL) {
        if (bound == NULL)
            return error_at_directive(st, ste, name,
                                      "nonlocal declaration not allowed at module level");
        if (!set_contains(bound, name))
            return error_at_directive(st, ste, name, "no binding for nonlocal '%U' found");
        if (set_scope(scopes, name, FT_SCOPE_FREE) < 0)
            return -1;
        ste->free = 1;
        return set_add(free, name);
    }
    if (flags & FT_DEF_BOUND) {
        if (set_scope(scopes, name, FT_SCOPE_LOCAL) < 0 || set_add(local, name) < 0)
            return -1;
        return set_discard(global, name) < 0 ? -1 : 0;
    }
    /* A binding in an enclosing function makes it free rather than global. */
    if (bound && set_contains(bound, name)) {
        if (set_scope(scopes, name, FT_SCOPE_FREE) < 0)
            return -1;
        ste->free = 1;
        return set_add(free, name);
    }
    if (global && set_contains(global, name))
        return set_scope(scopes, name, FT_SCOPE_GLOBAL_IMPLICIT);
    if (ste->nested)
        ste->free = 1;
    return set_scope(scopes, name, FT_SCOPE_GLOBAL_IMPLICIT);
}

/* Locals of a function that children use freely become cells. */
static int analyze_cells(FtObject *scopes, FtObject *free)
{
    ssize_t pos = 0;
    FtObject *name, *v;
    while (ft_dict_next(scopes, &pos, &name, &v)) {
        if (ft_int_compact_value(v) != FT_SCOPE_LOCAL || !set_contains(free, name))
            continue;
        /* replacing a value does not resize the dict: iteration stays valid */
        if (set_scope(scopes, name, FT_SCOPE_CELL) < 0 || set_discard(free, name) < 0)
            return -1;
    }
    return 0;
}

static int drop_class_free(FtSymEntry *ste, FtObject *free)
{
    FtObject *cls = ft_str_intern_cstr("__class__");
    int r = cls ? set_discard(free, cls) : -1;
    if (r < 0)
        return -1;
    if (r)
        ste->needs_class_closure = 1;
    return 0;
}

static int update_symbols(FtObject *symbols, FtObject *scopes, FtObject *bound,
                          FtObject *free, int classflag)
{
    ssize_t pos = 0;
    FtObject *name, *v;
    while (ft_dict_next(symbols, &pos, &name, &v)) {
        long flags = (long)ft_int_compact_value(v);
        long scope = dict_long(scopes, name);
        if (dict_set_long(symbols, name, flags | (scope << FT_SCOPE_OFFSET)) < 0)
            return -1;
    }
    /* Record free variables of children not yet resolved here. Collect first: adding to
     * `symbols` while iterating `free` is fine (different dicts). */
    pos = 0;
    while (ft_dict_next(free, &pos, &name, &v)) {
        FtObject *o = ft_dict_get(symbols, name);
        if (o) {
            /* A method's free variable that is also a local or global of the class. */
            long flags = (long)ft_int_compact_value(o);
            if (classflag && (flags & (FT_DEF_BOUND | FT_DEF_GLOBAL)))
                if (dict_set_long(symbols, name, flags | FT_DEF_FREE_CLASS) < 0)
                    return -1;
            continue;
        }
        if (bound && !set_contains(bound, name))
            continue; /* a global */
        if (dict_set_long(symbols, name, (long)FT_SCOPE_FREE << FT_SCOPE_OFFSET) < 0)
            return -1;
    }
    return 0;
}

static int analyze_block(FtSymtable *st, FtSymEntry *ste, FtObject *bound, FtObject *free,
                         FtObject *global);

static int analyze_child_block(FtSymtable *st, FtSymEntry *entry, FtObject *bound,
                               FtObject *free, FtObject *global, FtObject *child_free)
{
    FtObject *tb = set_copy(bound), *tf = set_copy(free), *tg = set_copy(global);
    int r = -1;
    if (tb && tf && tg && analyze_block(st, entry, tb, tf, tg) == 0)
        r = set_update(child_free, tf);
    FT_XDECREF(tb);
    FT_XDECREF(tf);
    FT_XDECREF(tg);
    return r;
}

static int analyze_block(FtSymtable *st, FtSymEntry *ste, FtObject *bound, FtObject *free,
                         FtObject *global)
{
    int r = -1;
    FtObject *local = ft_dict_new(), *scopes = ft_dict_new();
    FtObject *newglobal = ft_dict_new(), *newfree = ft_dict_new(), *newbound = ft_dict_new();
    FtObject *allfree = ft_dict_new();
    if (!local || !scopes || !newglobal || !newfree || !newbound || !allfree)
        goto done;
    /* Class bindings are invisible to nested functions: the sets passed down to children
     * are filled before the class's own names are analyzed. */
    if (ste->type == FT_BLOCK_CLASS) {
        if (set_update(newglobal, global) < 0)
            goto done;
        if (bound && set_update(newbound, bound) < 0)
            goto done;
    }
    ssize_t pos = 0;
    FtObject *name, *v;
    while (ft_dict_next(ste->symbols, &pos, &name, &v))
        if (analyze_name(st, ste, scopes, name, (long)ft_int_compact_value(v), bound, local,
                         free, global) < 0)
            goto done;
    if (ste->type != FT_BLOCK_CLASS) {
        if (ste->type == FT_BLOCK_FUNCTION && set_update(newbound, local) < 0)
            goto done;
        if (bound && set_update(newbound, bound) < 0)
            goto done;
        if (set_update(newglobal, global) < 0)
            goto done;
    } else {
        FtObject *cls = ft_str_intern_cstr("__class__");
        if (cls == NULL || set_add(newbound, cls) < 0)
            goto done;
    }
    for (int i = 0; i < ste->nchildren; i++) {
        FtSymEntry *child = ste->children[i];
        if (analyze_child_block(st, child, newbound, newfree, newglobal, allfree) < 0)
            goto done;
        if (child->free || child->child_free)
            ste->child_free = 1;
    }
    if (set_update(newfree, allfree) < 0)
        goto done;
    if (ste->type == FT_BLOCK_FUNCTION && analyze_cells(scopes, newfree) < 0)
        goto done;
    if (ste->type == FT_BLOCK_CLASS && drop_class_free(ste, newfree) < 0)
        goto done;
    if (update_symbols(ste->symbols, scopes, bound, newfree, ste->type == FT_BLOCK_CLASS) < 0)
        goto done;
    r = set_update(free, newfree);
done:
    FT_XDECREF(local);
    FT_XDECREF(scopes);
    FT_XDECREF(newglobal);
    FT_XDECREF(newfree);
    FT_XDECREF(newbound);
    FT_XDECREF(allfree);
    return r;
}

/* `from __future__ import annotations` among the first statements (after the docstring). */
static int has_future_annotations(asdl_stmt_seq *body)
{
    for (ssize_t i = 0; i < asdl_seq_LEN(body); i++) {
        stmt_ty s = asdl_seq_GET(body, i);
        if (i == 0 && s->kind == Expr_kind && s->v.Expr.value->kind == Constant_kind &&
            ft_str_check(s->v.Expr.value->v.Constant.value))
            continue;
        if (s->kind != ImportFrom_kind || s->v.ImportFrom.module == NULL ||
            !ft_str_eq_cstr(s->v.ImportFrom.module, "__future__"))
            return 0;
        for (ssize_t j = 0; j < asdl_seq_LEN(s->v.ImportFrom.names); j++)
            if (ft_str_eq_cstr(asdl_seq_GET(s->v.ImportFrom.names, j)->name, "annotations"))
                return 1;
    }
    return 0;
}

FtSymtable *ft_symtable_build(mod_ty mod, FtObject *filename, const char *src)
{
    FtSymtable *st = ft_mem_calloc(1, sizeof(FtSymtable));
    if (st == NULL)
        return NULL;
    st->filename = filename;
    st->src = src;
    FtObject *top = ft_str_intern_cstr("top");
    if (top == NULL || enter_block(st, top, FT_BLOCK_MODULE, mod, 0, 0, 0, 0) < 0)
        goto error;
    st->top = st->cur;
    int r = 0;
    switch (mod->kind) {
    case Module_kind:
        st->future_annotations = has_future_annotations(mod->v.Module.body);
        r = visit_stmts(st, mod->v.Module.body);
        break;
    case Interactive_kind:
        r = visit_stmts(st, mod->v.Interactive.body);
        break;
    case Expression_kind:
        r = visit_expr(st, mod->v.Expression.body);
        break;
    default:
        ft_err_set_string(ft_exc_SystemError, "unsupported module kind");
        r = -1;
    }
    if (r < 0)
        goto error;
    exit_block(st);
    FtObject *free = ft_dict_new(), *global = ft_dict_new();
    r = (free && global) ? analyze_block(st, st->top, NULL, free, global) : -1;
    FT_XDECREF(free);
    FT_XDECREF(global);
    if (r < 0)
        goto error;
    return st;
error:
    ft_symtable_free(st);
    return NULL;
}
