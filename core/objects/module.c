/* The module type: a namespace dict with __name__, __doc__, __spec__, __loader__ and
 * __package__; attribute lookup with PEP 562's module-level __getattr__; modules written in
 * C are made from an FtModuleDef (ft_module_from_def). */
#include "core/object.h"
#include "runtime/import.h"

#define M(o) ((FtModule *)(o))

static FtObject *module_alloc(FtType *type) {
    /* No area init readies the module type: the first module made (builtins, during
     * single-threaded start-up) does. */
    if (!(ft_module_type.tp_flags & FT_TPFLAGS_READY) && ft_type_ready(&ft_module_type) < 0)
        return NULL;
    FtObject *m = type->tp_alloc ? type->tp_alloc(type, 0) : ft_type_generic_alloc(type, 0);
    if (m == NULL)
        return NULL;
    M(m)->dict = ft_dict_new();
    if (M(m)->dict == NULL) {
        FT_DECREF(m);
        return NULL;
    }
    if (!ft_gc_is_tracked(m))
        ft_gc_track(m);
    return m;
}

/* __name__, __doc__ and the import attributes, as module.__init__ does. */
static int module_init_dict(FtObject *dict, FtObject *name, FtObject *doc) {
    if (ft_dict_set(dict, FT_ID(__name__), name) < 0 ||
        ft_dict_set(dict, FT_ID(__doc__), doc ? doc : FT_NONE) < 0 ||
        ft_dict_set(dict, FT_ID(__package__), FT_NONE) < 0 ||
        ft_dict_set(dict, FT_ID(__loader__), FT_NONE) < 0 ||
        ft_dict_set(dict, FT_ID(__spec__), FT_NONE) < 0)
        return -1;
    return 0;
}

FtObject *ft_module_new(FtObject *name) {
    FtObject *m = module_alloc(&ft_module_type);
    if (m == NULL)
        return NULL;
    if (module_init_dict(M(m)->dict, name, NULL) < 0) {
        FT_DECREF(m);
        return NULL;
    }
    return m;
}

FtObject *ft_module_new_cstr(const char *name) {
    FtObject *n = ft_str_from_cstr(name);
    if (n == NULL)
        return NULL;
    FtObject *m = ft_module_new(n);
    FT_DECREF(n);
    return m;
}

FtObject *ft_module_get_dict(FtObject *m) { return M(m)->dict; }

int ft_module_add_object(FtObject *m, const char *name, FtObject *value) {
    if (value == NULL)
        return -1;
    int r = ft_dict_set_cstr(M(m)->dict, name, value);
    FT_DECREF(value);
    return r;
}

int ft_module_add_int(FtObject *m, const char *name, int64_t value) {
    return ft_module_add_object(m, name, ft_int_from_i64(value));
}

int ft_module_add_str(FtObject *m, const char *name, const char *value) {
    return ft_module_add_object(m, name, ft_str_from_cstr(value));
}

FtObject *ft_module_from_def(FtModuleDef *def) {
    FtObject *name = ft_str_from_cstr(def->name);
    if (name == NULL)
        return NULL;
    FtObject *m = ft_module_new(name);
    if (m == NULL) {
        FT_DECREF(name);
        return NULL;
    }
    M(m)->def = def;
    if (def->doc != NULL && ft_module_add_str(m, "__doc__", def->doc) < 0)
        goto error;
    if (def->methods != NULL) {
        for (FtMethodDef *md = def->methods; md->name != NULL; md++) {
            FtObject *f = ft_cfunction_new(md, m, name);
            if (ft_module_add_object(m, md->name, f) < 0)
                goto error;
        }
    }
    if (def->exec != NULL && def->exec(m) < 0)
        goto error;
    FT_DECREF(name);
    return m;
error:
    FT_DECREF(name);
    FT_DECREF(m);
    return NULL;
}

/* ---- the type's slots ------------------------------------------------------------------- */

static FtObject *module_tp_new(FtType *type, FtObject *args, FtObject *kwds) {
    return module_alloc(type);
}

static int module_tp_init(FtObject *self, FtObject *args, FtObject *kwds) {
    static const char *const kwlist[] = {"name", "doc", NULL};
    /* Convert to the vectorcall form for ft_parse_args. */
    ssize_t nargs = FT_SIZE(args);
    FtObject *vals[2] = {NULL, NULL};
    FtObject *kwnames = NULL;
    FtObject *stack[4];
    ssize_t nkw = 0;
    if (nargs > 2) {
        ft_err_format(ft_exc_TypeError, "module() takes at most 2 arguments (%zd given)", nargs);
        return -1;
    }
    for (ssize_t i = 0; i < nargs; i++)
        stack[i] = FT_TUPLE_GET(args, i);
    if (kwds != NULL && ft_dict_size(kwds) > 0) {
        nkw = ft_dict_size(kwds);
        if (nargs + nkw > 4) {
            ft_err_format(ft_exc_TypeError, "module() takes at most 2 arguments (%zd given)",
                          nargs + nkw);
            return -1;
        }
        kwnames = ft_tuple_new(nkw);
        if (kwnames == NULL)
            return -1;
        ssize_t pos = 0, j = 0;
        FtObject *k, *v;
        while (ft_dict_next(kwds, &pos, &k, &v)) {
            FT_TUPLE_SET(kwnames, j, FT_NEWREF(k));
            stack[nargs + j] = v;
            j++;
        }
    }
    int r = ft_parse_args("module", stack, nargs, kwnames, kwlist, 0, -1, 1, vals);
    FT_XDECREF(kwnames);
    if (r < 0)
        return -1;
    if (!ft_str_check(vals[0])) {
        ft_err_format(ft_exc_TypeError, "module() argument 'name' must be str, not %s",
                      ft_type_short_name(FT_TYPE(vals[0])));
        return -1;
    }
    if (M(self)->dict == NULL && (M(self)->dict = ft_dict_new()) == NULL)
        return -1;
    return module_init_dict(M(self)->dict, vals[0], vals[1]);
}

static void module_dealloc(FtObject *self) {
    ft_gc_untrack(self);
    FT_CLEAR(M(self)->dict);
    FtType *tp = FT_TYPE(self);
    tp->tp_free(self);
    if (tp->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(tp); /* an instance of a module subclass owns its class */
}

static int module_traverse(FtObject *self, ft_visitproc visit, void *arg) {
    if (M(self)->dict)
        return visit(M(self)->dict, arg);
    return 0;
}

static int module_clear(FtObject *self) {
    FT_CLEAR(M(self)->dict);
    return 0;
}

static int is_builtin_module_name(FtObject *name) {
    if (!ft_str_check(name))
        return 0;
    for (const FtBuiltinModule *b = ft_builtin_modules; b->name != NULL; b++) {
        if (ft_str_eq_cstr(name, b->name))
            return 1;
    }
    return 0;
}

static FtObject *module_repr(FtObject *self) {
    FtObject *dict = M(self)->dict;
    /* New references: another thread may rebind the module's globals meanwhile. */
    FtObject *name = dict ? ft_dict_get_ref(dict, FT_ID(__name__)) : NULL;
    if (name == NULL) {
        ft_err_clear();
        name = ft_str_from_cstr("?");
        if (name == NULL)
            return NULL;
    }
    FtObject *r;
    FtObject *file = dict ? ft_dict_get_ref(dict, FT_ID(__file__)) : NULL;
    FtObject *spec = dict ? ft_dict_get_ref(dict, FT_ID(__spec__)) : NULL;
    FtObject *origin = NULL;
    if (spec != NULL && spec != FT_NONE) {
        if (ft_object_lookup_attr(spec, FT_ID(origin), &origin) < 0)
            ft_err_clear();
    }
    if (origin != NULL && ft_str_check(origin)) {
        if (file != NULL && ft_str_check(file) && ft_str_eq(file, origin))
            r = ft_str_from_format("<module %R from %R>", name, origin);
        else
            r = ft_str_from_format("<module %R (%U)>", name, origin);
    } else if (file != NULL && ft_str_check(file)) {
        r = ft_str_from_format("<module %R from %R>", name, file);
    } else if (M(self)->def != NULL || is_builtin_module_name(name)) {
        r = ft_str_from_format("<module %R (built-in)>", name);
    } else {
        r = ft_str_from_format("<module %R>", name);
    }
    FT_XDECREF(origin);
    FT_XDECREF(file);
    FT_XDECREF(spec);
    FT_DECREF(name);
    return r;
}

static FtObject *module_getattro(FtObject *self, FtObject *name) {
    FtObject *r = ft_object_generic_getattr(self, name);
    if (r != NULL || !ft_err_matches(ft_exc_AttributeError))
        return r;
    FtObject *dict = M(self)->dict;
    if (dict == NULL)
        return NULL;
    /* PEP 562: a module-level __getattr__ handles missing attributes. */
    /* New references: another thread may rebind these names meanwhile. */
    FtObject *getattr = ft_dict_get_ref(dict, FT_ID(__getattr__));
    if (getattr != NULL) {
        ft_err_clear();
        r = ft_object_call_one(getattr, name);
        FT_DECREF(getattr);
        return r;
    }
    FtObject *modname = ft_dict_get_ref(dict, FT_ID(__name__));
    ft_err_clear();
    if (modname != NULL && ft_str_check(modname))
        ft_err_format(ft_exc_AttributeError, "module '%U' has no attribute '%U'", modname, name);
    else
        ft_err_format(ft_exc_AttributeError, "module has no attribute '%U'", name);
    FT_XDECREF(modname);
    return NULL;
}

static FtObject *module_dir(FtObject *self, FtObject *unused) {
    FtObject *dict = M(self)->dict;
    if (dict == NULL || !ft_dict_check(dict)) {
        ft_err_set_string(ft_exc_TypeError, "<module>.__dict__ is not a dictionary");
        return NULL;
    }
    FtObject *dirfunc = ft_dict_get_ref(dict, FT_ID(__dir__));
    if (dirfunc != NULL) {
        FtObject *r = ft_object_call_noargs(dirfunc);
        FT_DECREF(dirfunc);
        return r;
    }
    if (ft_err_occurred())
        return NULL;
    return ft_dict_keys_list(dict);
}

static FtObject *module_get_dict(FtObject *self, void *closure) {
    FtObject *d = M(self)->dict;
    return FT_NEWREF(d ? d : FT_NONE);
}

static FtObject *module_get_annotations(FtObject *self, void *closure) {
    FtObject *dict = M(self)->dict;
    FtObject *a = ft_dict_get_ref(dict, FT_ID(__annotations__));
    if (a != NULL)
        return a;
    a = ft_dict_new();
    if (a != NULL && ft_dict_set(dict, FT_ID(__annotations__), a) < 0)
        FT_CLEAR(a);
    return a;
}

static int module_set_annotations(FtObject *self, FtObject *value, void *closure) {
    if (value == NULL) {
        if (ft_dict_contains(M(self)->dict, FT_ID(__annotations__)) != 1) {
            ft_err_set_string(ft_exc_AttributeError, "__annotations__");
            return -1;
        }
        return ft_dict_del(M(self)->dict, FT_ID(__annotations__));
    }
    return ft_dict_set(M(self)->dict, FT_ID(__annotations__), value);
}

static FtMethodDef module_methods[] = {
    {"__dir__", (void *)module_dir, FT_METH_NOARGS, "__dir__() -> list\nspecialized dir() implementation"},
    {NULL, NULL, 0, NULL},
};

static FtGetSetDef module_getset[] = {
    {"__dict__", module_get_dict, NULL, NULL, NULL},
    {"__annotations__", module_get_annotations, module_set_annotations, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

FtType ft_module_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "module",
    .tp_basicsize = sizeof(FtModule),
    .tp_dealloc = module_dealloc,
    .tp_repr = module_repr,
    .tp_getattro = module_getattro,
    .tp_setattro = ft_object_generic_setattr,
    .tp_flags = FT_TPFLAGS_BASETYPE | FT_TPFLAGS_HAVE_GC,
    .tp_doc = "Create a module object.\n\nThe name must be a string; the optional doc argument "
              "can have any type.",
    .tp_traverse = module_traverse,
    .tp_clear = module_clear,
    .tp_methods = module_methods,
    .tp_getset = module_getset,
    .tp_dictoffset = offsetof(FtModule, dict),
    .tp_init = module_tp_init,
    .tp_new = module_tp_new,
};
