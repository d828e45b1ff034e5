/* The `_imp` module: the few import-system primitives importlib (runtime/lib/importlib)
 * needs from C — executing a module's source file (through the bytecode cache) into an
 * existing module, for importlib.reload, and telling built-in modules apart. */
#include "runtime/import.h"
#include "runtime/marshal.h"
#include "runtime/errors.h"
#include "runtime/tstate.h"
#include <string.h>

/* exec_file(module, path): run the file's code in module.__dict__. */
static FtObject *imp_exec_file(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("exec_file", nargs, 2, 2) < 0)
        return NULL;
    if (!ft_module_check(args[0]) || !ft_str_check(args[1])) {
        ft_err_set_string(ft_exc_TypeError, "exec_file(module, path)");
        return NULL;
    }
    const char *path = ft_str_as_utf8(args[1]);
    if (!path)
        return NULL;
    FtObject *code = ft_pycache_get_code(path, args[1]);
    if (!code)
        return NULL;
    FtObject *dict = ft_module_get_dict(args[0]);
    FtObject *r = NULL;
    if (ft_dict_get_cstr(dict, "__builtins__") ||
        ft_dict_set_cstr(dict, "__builtins__", ft_runtime.builtins) == 0)
        r = ft_eval_code(code, dict, dict);
    FT_DECREF(code);
    if (!r)
        return NULL;
    FT_DECREF(r);
    FT_RETURN_NONE;
}

static FtObject *imp_is_builtin(FtObject *m, FtObject *name) {
    if (!ft_str_check(name)) {
        ft_err_format(ft_exc_TypeError, "is_builtin() argument must be str, not %T", name);
        return NULL;
    }
    for (const FtBuiltinModule *b = ft_builtin_modules; b->name; b++)
        if (ft_str_eq_cstr(name, b->name))
            return ft_int_from_i64(1);
    return ft_int_from_i64(0);
}

static FtObject *imp_cache_path(FtObject *m, FtObject *path) {
    if (!ft_str_check(path)) {
        ft_err_format(ft_exc_TypeError, "expected str, not %T", path);
        return NULL;
    }
    char *c = ft_pycache_path(ft_str_as_utf8(path));
    if (!c)
        return ft_err_no_memory();
    FtObject *r = ft_str_from_cstr(c);
    ft_mem_free(c);
    return r;
}

static FtMethodDef imp_methods[] = {
    { "exec_file", (void *)imp_exec_file, FT_METH_FASTCALL, NULL },
    { "is_builtin", (void *)imp_is_builtin, FT_METH_O, NULL },
    { "cache_from_source", (void *)imp_cache_path, FT_METH_O, NULL },
    { NULL, NULL, 0, NULL },
};

static int imp_exec(FtObject *m) {
    return ft_module_add_str(m, "cache_tag", FT_PYCACHE_TAG);
}

FtModuleDef ft_imp_module_def = {
    .name = "_imp",
    .doc = "Import-system primitives for importlib.",
    .methods = imp_methods,
    .exec = imp_exec,
};
