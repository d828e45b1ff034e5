/* The `_opcode` module: ftpy's instruction set (core/vm/opcodes.def) for dis.py — opcode
 * names, argument kinds, stack effects, the BINARY_OP operator symbols and comparison names. */
#include "runtime/import.h"
#include "runtime/errors.h"

static const char *const argkind_names[] = {
    "NONE", "CONST", "NAME", "LOCAL", "FREE", "JUMP", "COUNT", "CMP", "BINOP", "FLAGS",
};

/* stack_effect(opcode, oparg=None, *, jump=None): CPython's signature; jump=None gives the
 * larger of the two effects, as CPython does. */
static FtObject *op_stack_effect(FtObject *m, FtObject *const *args, ssize_t nargs,
                                 FtObject *kwnames) {
    static const char *const kwlist[] = { "opcode", "oparg", "jump", NULL };
    FtObject *a[3] = { NULL, NULL, NULL };
    if (ft_parse_args("stack_effect", args, nargs, kwnames, kwlist, 2, 2, 1, a) < 0)
        return NULL;
    ssize_t op = ft_number_as_ssize(a[0], ft_exc_OverflowError);
    if (op == -1 && ft_err_occurred())
        return NULL;
    if (op < 0 || op >= FT_OP_COUNT) {
        ft_err_set_string(ft_exc_ValueError, "invalid opcode or oparg");
        return NULL;
    }
    ssize_t arg = 0;
    if (a[1] && a[1] != FT_NONE) {
        arg = ft_number_as_ssize(a[1], ft_exc_OverflowError);
        if (arg == -1 && ft_err_occurred())
            return NULL;
    }
    int j = -1;
    if (a[2] && a[2] != FT_NONE) {
        j = ft_object_is_true(a[2]);
        if (j < 0)
            return NULL;
    }
    int e0 = ft_opcode_stack_effect((int)op, (int)arg, 0);
    int e1 = ft_opcode_stack_effect((int)op, (int)arg, 1);
    int e = j == 0 ? e0 : j == 1 ? e1 : (e0 > e1 ? e0 : e1);
    return ft_int_from_i64(e);
}

/* _localsplusnames(code): the names of every local slot in slot order (LOAD_FAST and
 * LOAD_DEREF arguments index this), which co_varnames/co_cellvars/co_freevars do not give
 * directly. */
static FtObject *op_localsplusnames(FtObject *m, FtObject *code) {
    if (!ft_code_check(code)) {
        ft_err_format(ft_exc_TypeError, "expected a code object, got %T", code);
        return NULL;
    }
    return FT_NEWREF(((FtCode *)code)->localsplusnames);
}

/* _exception_table(code): list of (start, end, target, depth, lasti) in instructions. */
static FtObject *op_exctable(FtObject *m, FtObject *code) {
    if (!ft_code_check(code)) {
        ft_err_format(ft_exc_TypeError, "expected a code object, got %T", code);
        return NULL;
    }
    FtCode *co = (FtCode *)code;
    FtObject *l = ft_list_new(0);
    for (int i = 0; l && i < co->nexc; i++) {
        FtExcEntry e = co->exctable[i];
        FtObject *items[5] = { ft_int_from_i64(e.start), ft_int_from_i64(e.end),
                               ft_int_from_i64(e.target), ft_int_from_i64(e.depth),
                               ft_bool_from(e.lasti) };
        FtObject *t = NULL;
        if (items[0] && items[1] && items[2] && items[3])
            t = ft_tuple_from_array_steal(items, 5);
        else
            for (int k = 0; k < 5; k++)
                FT_XDECREF(items[k]);
        if (!t || ft_list_append(l, t) < 0)
            FT_CLEAR(l);
        FT_XDECREF(t);
    }
    return l;
}

static FtMethodDef opcode_methods[] = {
    { "_localsplusnames", (void *)op_localsplusnames, FT_METH_O, NULL },
    { "_exception_table", (void *)op_exctable, FT_METH_O, NULL },
    { "stack_effect", (void *)op_stack_effect, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL },
    { NULL, NULL, 0, NULL },
};

static FtObject *cstr_list(const char *const *items, int n) {
    FtObject *l = ft_list_new(n);
    for (int i = 0; l && i < n; i++) {
        FtObject *s = ft_str_from_cstr(items[i]);
        if (!s) {
            for (int k = i; k < n; k++)
                FT_LIST_SET(l, k, FT_NEWREF(FT_NONE));
            FT_DECREF(l);
            return NULL;
        }
        FT_LIST_SET(l, i, s);
    }
    return l;
}

static int opcode_exec(FtObject *m) {
    static const char *const cmp[] = { "<", "<=", "==", "!=", ">", ">=" };
    const char *kinds[FT_OP_COUNT];
    for (int i = 0; i < FT_OP_COUNT; i++)
        kinds[i] = argkind_names[ft_opcode_argkind[i]];
    if (ft_module_add_object(m, "opname", cstr_list((const char *const *)ft_opcode_names,
                                                    FT_OP_COUNT)) < 0 ||
        ft_module_add_object(m, "argkind", cstr_list(kinds, FT_OP_COUNT)) < 0 ||
        ft_module_add_object(m, "binop_symbols", cstr_list(ft_binop_symbols,
                                                           FT_BINOP_COUNT)) < 0 ||
        ft_module_add_object(m, "cmp_op", cstr_list(cmp, 6)) < 0 ||
        ft_module_add_int(m, "instruction_size", 4) < 0)
        return -1;
    return 0;
}

FtModuleDef ft_opcode_module_def = {
    .name = "_opcode",
    .doc = "ftpy's opcode table.",
    .methods = opcode_methods,
    .exec = opcode_exec,
};
