/* The code object type (`code`): an immutable compiled body made by the code generator
 * (core/compiler/codegen.c) and run by the eval loop. Owns the instruction, position and
 * exception-table arrays; exposes CPython's co_* attributes, co_positions() and co_lines(). */
#include "core/object.h"
#include <limits.h>
#include <string.h>

FtObject *ft_code_new(int argcount, int posonlyargcount, int kwonlyargcount, int flags,
                      int stacksize, int firstlineno, const ft_instr *instrs,
                      const FtPosition *positions, int ninstrs, const FtExcEntry *exctable,
                      int nexc, FtObject *consts, FtObject *names, FtObject *localsplusnames,
                      const uint8_t *localspluskinds, FtObject *filename, FtObject *name,
                      FtObject *qualname)
{
    FtCode *co = (FtCode *)ft_object_alloc(&ft_code_type);
    if (co == NULL)
        return NULL;
    int n = (int)FT_SIZE(localsplusnames);
    co->argcount = argcount;
    co->posonlyargcount = posonlyargcount;
    co->kwonlyargcount = kwonlyargcount;
    co->flags = flags;
    co->stacksize = stacksize;
    co->firstlineno = firstlineno;
    co->ninstrs = ninstrs;
    co->nexc = nexc;
    co->nlocalsplus = n;
    co->consts = FT_NEWREF(consts);
    co->names = FT_NEWREF(names);
    co->localsplusnames = FT_NEWREF(localsplusnames);
    co->filename = FT_NEWREF(filename);
    co->name = FT_NEWREF(name);
    co->qualname = FT_NEWREF(qualname ? qualname : name);
    co->instrs = ft_mem_alloc(sizeof(ft_instr) * (ninstrs ? ninstrs : 1));
    co->positions = ft_mem_alloc(sizeof(FtPosition) * (ninstrs ? ninstrs : 1));
    co->exctable = ft_mem_alloc(sizeof(FtExcEntry) * (nexc ? nexc : 1));
    co->localspluskinds = ft_mem_alloc(n ? n : 1);
    if (!co->instrs || !co->positions || !co->exctable || !co->localspluskinds) {
        FT_DECREF(co);
        return NULL;
    }
    if (ninstrs) {
        memcpy(co->instrs, instrs, sizeof(ft_instr) * ninstrs);
        if (positions)
            memcpy(co->positions, positions, sizeof(FtPosition) * ninstrs);
        else
            for (int i = 0; i < ninstrs; i++)
                co->positions[i] = (FtPosition){ -1, -1, -1, -1 };
    }
    if (nexc)
        memcpy(co->exctable, exctable, sizeof(FtExcEntry) * nexc);
    if (n)
        memcpy(co->localspluskinds, localspluskinds, n);
    for (int i = 0; i < n; i++) {
        uint8_t k = localspluskinds[i];
        if (k & FT_LOCAL_KIND_LOCAL)
            co->nlocals++;
        if (k & FT_LOCAL_KIND_CELL)
            co->ncells++;
        if (k & FT_LOCAL_KIND_FREE)
            co->nfrees++;
    }
    return (FtObject *)co;
}

int ft_code_addr2line(FtCode *co, int instr_index)
{
    if (instr_index < 0 || instr_index >= co->ninstrs)
        return -1;
    return co->positions[instr_index].line;
}

static void code_dealloc(FtObject *o)
{
    FtCode *co = (FtCode *)o;
    ft_mem_free(co->instrs);
    ft_mem_free(co->positions);
    ft_mem_free(co->exctable);
    ft_mem_free(co->localspluskinds);
    /* vm_cache belongs to the eval loop, which allocates it with ft_mem_alloc. */
    ft_mem_free(co->vm_cache);
    FT_XDECREF(co->consts);
    FT_XDECREF(co->names);
    FT_XDECREF(co->localsplusnames);
    FT_XDECREF(co->filename);
    FT_XDECREF(co->name);
    FT_XDECREF(co->qualname);
    ft_object_free(o);
}

static FtObject *code_repr(FtObject *o)
{
    FtCode *co = (FtCode *)o;
    return ft_str_from_format("<code object %U at %p, file \"%U\", line %d>", co->name, o,
                              co->filename, co->firstlineno);
}

/* The names of the slots whose kind has any bit of `mask` (and, for varnames, only plain
 * locals: a LOCAL|CELL argument is listed in both co_varnames and co_cellvars, as CPython). */
static FtObject *names_of_kind(FtCode *co, uint8_t mask)
{
    int n = 0;
    for (int i = 0; i < co->nlocalsplus; i++)
        if (co->localspluskinds[i] & mask)
            n++;
    FtObject *t = ft_tuple_new(n);
    if (t == NULL)
        return NULL;
    n = 0;
    for (int i = 0; i < co->nlocalsplus; i++)
        if (co->localspluskinds[i] & mask)
            FT_TUPLE_SET(t, n++, FT_NEWREF(FT_TUPLE_GET(co->localsplusnames, i)));
    return t;
}

static FtObject *code_get_varnames(FtObject *o, void *c)
{
    return names_of_kind((FtCode *)o, FT_LOCAL_KIND_LOCAL);
}
static FtObject *code_get_cellvars(FtObject *o, void *c)
{
    return names_of_kind((FtCode *)o, FT_LOCAL_KIND_CELL);
}
static FtObject *code_get_freevars(FtObject *o, void *c)
{
    return names_of_kind((FtCode *)o, FT_LOCAL_KIND_FREE);
}
static FtObject *code_get_code(FtObject *o, void *c)
{
    FtCode *co = (FtCode *)o;
    return ft_bytes_from_data(co->instrs, (ssize_t)co->ninstrs * (ssize_t)sizeof(ft_instr));
}

static FtObject *int_or_none(int v)
{
    if (v < 0)
        FT_RETURN_NONE;
    return ft_int_from_i64(v);
}

/* co_positions(): one (line, end_line, col, end_col) tuple per instruction, None when
 * unknown. */
static FtObject *code_positions(FtObject *o, FtObject *unused)
{
    FtCode *co = (FtCode *)o;
    FtObject *list = ft_list_new(co->ninstrs);
    if (list == NULL)
        return NULL;
    for (int i = 0; i < co->ninstrs; i++) {
        FtPosition p = co->positions[i];
        FtObject *items[4] = { int_or_none(p.line), int_or_none(p.end_line),
                               int_or_none(p.col), int_or_none(p.end_col) };
        if (!items[0] || !items[1] || !items[2] || !items[3]) {
            for (int k = 0; k < 4; k++)
                FT_XDECREF(items[k]);
            FT_DECREF(list);
            return NULL;
        }
        FtObject *t = ft_tuple_from_array_steal(items, 4);
        if (t == NULL) {
            FT_DECREF(list);
            return NULL;
        }
        FT_LIST_SET(list, i, t);
    }
    FtObject *it = ft_object_getiter(list);
    FT_DECREF(list);
    return it;
}

/* co_lines(): (start, end, line) over byte offsets into co_code (4 bytes per instruction),
 * consecutive instructions on the same line merged, as CPython's co_lines(). */
static FtObject *code_lines(FtObject *o, FtObject *unused)
{
    FtCode *co = (FtCode *)o;
    FtObject *list = ft_list_new(0);
    if (list == NULL)
        return NULL;
    int start = 0;
    for (int i = 1; i <= co->ninstrs; i++) {
        if (i < co->ninstrs && co->positions[i].line == co->positions[start].line)
            continue;
        FtObject *items[3] = { ft_int_from_i64(start * 4), ft_int_from_i64(i * 4),
                               int_or_none(co->positions[start].line) };
        FtObject *t = (items[0] && items[1] && items[2])
                          ? ft_tuple_from_array_steal(items, 3) : NULL;
        if (t == NULL) {
            if (!(items[0] && items[1] && items[2]))
                for (int k = 0; k < 3; k++)
                    FT_XDECREF(items[k]);
            FT_DECREF(list);
            return NULL;
        }
        int r = ft_list_append(list, t);
        FT_DECREF(t);
        if (r < 0) {
            FT_DECREF(list);
            return NULL;
        }
        start = i;
    }
    FtObject *it = ft_object_getiter(list);
    FT_DECREF(list);
    return it;
}

/* code.replace(**changes): a copy with some attributes changed. ftpy supports the
 * scalar and name attributes (types.coroutine uses co_flags), not the bytecode ones. */
static FtObject *code_replace(FtObject *o, FtObject *const *args, ssize_t nargs,
                              FtObject *kwnames)
{
    FtCode *co = (FtCode *)o;
    if (nargs != 0) {
        ft_err_format(ft_exc_TypeError, "replace() takes no positional arguments");
        return NULL;
    }
    int ints[5] = { co->argcount, co->posonlyargcount, co->kwonlyargcount, co->flags,
                    co->firstlineno };
    static const char *const int_names[5] = { "co_argcount", "co_posonlyargcount",
                                              "co_kwonlyargcount", "co_flags",
                                              "co_firstlineno" };
    FtObject *strs[3] = { co->filename, co->name, co->qualname };
    static const char *const str_names[3] = { "co_filename", "co_name", "co_qualname" };
    ssize_t nkw = kwnames ? FT_SIZE(kwnames) : 0;
    for (ssize_t i = 0; i < nkw; i++) {
        FtObject *key = FT_TUPLE_ITEMS(kwnames)[i], *v = args[i];
        int done = 0;
        for (int j = 0; j < 5 && !done; j++)
            if (ft_str_eq_cstr(key, int_names[j])) {
                if (!ft_int_check(v)) {
                    ft_err_format(ft_exc_TypeError, "replace() argument '%s' must be int, not %s",
                                  int_names[j], FT_TYPE(v)->tp_name);
                    return NULL;
                }
                int overflow = 0;
                int64_t x = ft_int_as_i64(v, &overflow);
                if (overflow || x < INT_MIN || x > INT_MAX) {
                    ft_err_format(ft_exc_OverflowError, "Python int too large to convert to C int");
                    return NULL;
                }
                ints[j] = (int)x;
                done = 1;
            }
        for (int j = 0; j < 3 && !done; j++)
            if (ft_str_eq_cstr(key, str_names[j])) {
                if (!ft_str_check(v)) {
                    ft_err_format(ft_exc_TypeError, "replace() argument '%s' must be str, not %s",
                                  str_names[j], FT_TYPE(v)->tp_name);
                    return NULL;
                }
                strs[j] = v;
                done = 1;
            }
        if (!done) {
            ft_err_format(ft_exc_TypeError, "replace() got an unexpected keyword argument '%U'",
                          key);
            return NULL;
        }
    }
    FtCode *r = (FtCode *)ft_code_new(ints[0], ints[1], ints[2], ints[3], co->stacksize, ints[4],
                                      co->instrs, co->positions, co->ninstrs, co->exctable,
                                      co->nexc, co->consts, co->names, co->localsplusnames,
                                      co->localspluskinds, strs[0], strs[1], strs[2]);
    return (FtObject *)r;
}

static FtMethodDef code_methods[] = {
    { "replace", (void *)code_replace, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL },
    { "co_positions", (void *)code_positions, FT_METH_NOARGS, NULL },
    { "co_lines", (void *)code_lines, FT_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL },
};

static FtMemberDef code_members[] = {
    { "co_argcount", FT_T_INT, offsetof(FtCode, argcount), FT_READONLY, NULL },
    { "co_posonlyargcount", FT_T_INT, offsetof(FtCode, posonlyargcount), FT_READONLY, NULL },
    { "co_kwonlyargcount", FT_T_INT, offsetof(FtCode, kwonlyargcount), FT_READONLY, NULL },
    { "co_nlocals", FT_T_INT, offsetof(FtCode, nlocals), FT_READONLY, NULL },
    { "co_flags", FT_T_INT, offsetof(FtCode, flags), FT_READONLY, NULL },
    { "co_stacksize", FT_T_INT, offsetof(FtCode, stacksize), FT_READONLY, NULL },
    { "co_firstlineno", FT_T_INT, offsetof(FtCode, firstlineno), FT_READONLY, NULL },
    { "co_consts", FT_T_OBJECT, offsetof(FtCode, consts), FT_READONLY, NULL },
    { "co_names", FT_T_OBJECT, offsetof(FtCode, names), FT_READONLY, NULL },
    { "co_filename", FT_T_OBJECT, offsetof(FtCode, filename), FT_READONLY, NULL },
    { "co_name", FT_T_OBJECT, offsetof(FtCode, name), FT_READONLY, NULL },
    { "co_qualname", FT_T_OBJECT, offsetof(FtCode, qualname), FT_READONLY, NULL },
    { NULL, 0, 0, 0, NULL },
};

static FtGetSetDef code_getset[] = {
    { "co_varnames", code_get_varnames, NULL, NULL, NULL },
    { "co_cellvars", code_get_cellvars, NULL, NULL, NULL },
    { "co_freevars", code_get_freevars, NULL, NULL, NULL },
    { "co_code", code_get_code, NULL, NULL, NULL },
    { NULL, NULL, NULL, NULL, NULL },
};

FtType ft_code_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "code",
    .tp_basicsize = sizeof(FtCode),
    .tp_dealloc = code_dealloc,
    .tp_repr = code_repr,
    .tp_weaklistoffset = offsetof(FtCode, weakreflist),
    .tp_methods = code_methods,
    .tp_members = code_members,
    .tp_getset = code_getset,
};
