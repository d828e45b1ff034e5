/* The `marshal` module: dumps/loads/dump/load over runtime/marshal.c's format (ftpy's own,
 * not CPython's: bytes written by one are not readable by the other). */
#include "runtime/marshal.h"
#include "runtime/import.h"
#include "runtime/errors.h"

static FtObject *m_dumps(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("dumps", nargs, 1, 2) < 0)
        return NULL;
    return ft_marshal_dumps(args[0]);
}

static FtObject *loads_data(FtObject *data) {
    const char *p;
    ssize_t n;
    if (ft_bytes_like_get(data, &p, &n) < 0)
        return NULL;
    return ft_marshal_loads(p, (size_t)n, NULL, NULL);
}

static FtObject *m_loads(FtObject *m, FtObject *arg) { return loads_data(arg); }

static FtObject *m_dump(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("dump", nargs, 2, 3) < 0)
        return NULL;
    FtObject *b = ft_marshal_dumps(args[0]);
    if (!b)
        return NULL;
    FtObject *r = ft_object_call_method_cstr(args[1], "write", &b, 1);
    FT_DECREF(b);
    if (!r)
        return NULL;
    FT_DECREF(r);
    FT_RETURN_NONE;
}

static FtObject *m_load(FtObject *m, FtObject *file) {
    FtObject *data = ft_object_call_method_cstr(file, "read", NULL, 0);
    if (!data)
        return NULL;
    FtObject *r = loads_data(data);
    FT_DECREF(data);
    return r;
}

static FtObject *m_magic(FtObject *m, FtObject *unused) {
    return ft_int_from_u64(ft_marshal_magic());
}

static FtMethodDef marshal_methods[] = {
    { "dumps", (void *)m_dumps, FT_METH_FASTCALL, NULL },
    { "loads", (void *)m_loads, FT_METH_O, NULL },
    { "dump", (void *)m_dump, FT_METH_FASTCALL, NULL },
    { "load", (void *)m_load, FT_METH_O, NULL },
    { "_magic", (void *)m_magic, FT_METH_NOARGS, NULL },
    { NULL, NULL, 0, NULL },
};

static int marshal_exec(FtObject *m) {
    return ft_module_add_int(m, "version", FT_MARSHAL_VERSION);
}

FtModuleDef ft_marshal_module_def = {
    .name = "marshal",
    .doc = "ftpy's serialisation of code objects and constants.",
    .methods = marshal_methods,
    .exec = marshal_exec,
};
