/* Descriptors and callables of built-in code: builtin_function_or_method (FtCFunction),
 * method_descriptor, classmethod_descriptor, member_descriptor, getset_descriptor,
 * wrapper_descriptor (slot wrappers) and method-wrapper, plus property, classmethod,
 * staticmethod, super and mappingproxy. Mirrors CPython's descrobject.c, methodobject.c and
 * the classmethod/staticmethod parts of funcobject.c. */
#include "core/objects/typeslots.h"
#include "runtime/tstate.h"
#include <string.h>

/* ---- helpers ------------------------------------------------------------------------- */

static FtObject *gc_new(FtType *type) {
    FtObject *o = ft_gc_alloc(type);
    return o;
}

static void gc_dealloc_done(FtObject *o) {
    FtType *t = FT_TYPE(o);
    t->tp_free(o);
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(t);
}

static FtObject *descr_name_or_none(FtObject *o, void *c) {
    FtDescr *d = (FtDescr *)o;
    return FT_NEWREF(d->d_name ? d->d_name : FT_NONE);
}

static FtObject *descr_objclass(FtObject *o, void *c) {
    return FT_NEWREF(((FtDescr *)o)->d_type);
}

static FtObject *descr_qualname(FtObject *o, void *c) {
    FtDescr *d = (FtDescr *)o;
    if (!d->d_qualname) {
        FtObject *tq = ft_type_qualname(d->d_type);
        if (!tq)
            return NULL;
        d->d_qualname = ft_str_from_format("%U.%U", tq, d->d_name);
        FT_DECREF(tq);
        if (!d->d_qualname)
            return NULL;
    }
    return FT_NEWREF(d->d_qualname);
}

static FtObject *doc_from_cstr(const char *doc) {
    if (!doc)
        FT_RETURN_NONE;
    return ft_str_from_cstr(doc);
}

static int descr_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    FtDescr *d = (FtDescr *)o;
    if (d->d_type && visit((FtObject *)d->d_type, arg))
        return -1;
    return 0;
}

static void descr_dealloc(FtObject *o) {
    FtDescr *d = (FtDescr *)o;
    ft_gc_untrack(o);
    FT_XDECREF(d->d_type);
    FT_XDECREF(d->d_name);
    FT_XDECREF(d->d_qualname);
    gc_dealloc_done(o);
}

static FtObject *descr_new(FtType *descrtype, FtType *type, const char *name) {
    FtDescr *d = (FtDescr *)gc_new(descrtype);
    if (!d)
        return NULL;
    d->d_type = (FtType *)FT_NEWREF(type);
    d->d_name = ft_str_intern_cstr(name);
    if (!d->d_name) {
        FT_DECREF(d);
        return NULL;
    }
    FT_INCREF(d->d_name);
    ft_gc_track((FtObject *)d);
    return (FtObject *)d;
}

/* "descriptor 'x' for 'T' objects doesn't apply to a 'U' object" */
static int descr_check(FtDescr *d, FtObject *obj) {
    if (!ft_type_is_subtype(FT_TYPE(obj), d->d_type)) {
        ft_err_format(ft_exc_TypeError,
                      "descriptor '%U' for '%s' objects doesn't apply to a '%s' object",
                      d->d_name, d->d_type->tp_name, FT_TYPE(obj)->tp_name);
        return -1;
    }
    return 0;
}

static FtObject *descr_repr_fmt(FtObject *o, const char *fmt) {
    FtDescr *d = (FtDescr *)o;
    return ft_str_from_format(fmt, d->d_name, d->d_type->tp_name);
}


#define DESCR_COMMON_GETSETS                                             \
    {"__name__", descr_name_or_none, NULL, NULL, NULL},                  \
    {"__qualname__", descr_qualname, NULL, NULL, NULL},                  \
    {"__objclass__", descr_objclass, NULL, NULL, NULL}

/* ---- builtin_function_or_method ---------------------------------------------------- */

/* The name CPython uses in argument errors: "len" for functions, "list.append" for
 * methods bound to an object (the qualified name of the method). */
static FtObject *cfunction_display_name(FtMethodDef *def, FtObject *self) {
    if (self == NULL)
        return ft_str_from_format("%s", def->name);
    if (ft_module_check(self)) {
        /* _PyObject_FunctionStr: "math.sqrt", but "len" for builtins */
        FtObject *d = ft_module_get_dict(self);
        FtObject *mn = d ? ft_dict_get_ref_cstr(d, "__name__") : NULL;
        FtObject *r;
        if (mn && ft_str_check(mn) && !ft_str_eq_cstr(mn, "builtins"))
            r = ft_str_from_format("%U.%s", mn, def->name);
        else
            r = ft_str_from_format("%s", def->name);
        FT_XDECREF(mn);
        return r;
    }
    if (ft_type_check(self) && (def->flags & FT_METH_CLASS))
        return ft_str_from_format("%s.%s", ft_type_short_name((FtType *)self), def->name);
    return ft_str_from_format("%s.%s", ft_type_short_name(FT_TYPE(self)), def->name);
}

static void cfunction_argerror(FtMethodDef *def, FtObject *self, const char *fmt, ssize_t n) {
    FtObject *name = cfunction_display_name(def, self);
    if (!name)
        return;
    ft_err_format(ft_exc_TypeError, fmt, name, n);
    FT_DECREF(name);
}

FtObject *ft_cfunction_call_def(FtMethodDef *def, FtObject *self, FtObject *const *args,
                                size_t nargsf, FtObject *kwnames) {
    ssize_t nargs = ft_vectorcall_nargs(nargsf);
    int flags = def->flags & ~(FT_METH_CLASS | FT_METH_STATIC);
    bool has_kw = kwnames && FT_SIZE(kwnames) > 0;
    FtObject *res;
    switch (flags) {
    case FT_METH_NOARGS:
        if (has_kw)
            goto nokw;
        if (nargs != 0) {
            cfunction_argerror(def, self, "%U() takes no arguments (%zd given)", nargs);
            return NULL;
        }
        if (ft_enter_recursive_call(" while calling a Python object"))
            return NULL;
        res = ((ft_binaryfunc)def->meth)(self, NULL);
        ft_leave_recursive_call();
        return res;
    case FT_METH_O:
        if (has_kw)
            goto nokw;
        if (nargs != 1) {
            cfunction_argerror(def, self, "%U() takes exactly one argument (%zd given)", nargs);
            return NULL;
        }
        if (ft_enter_recursive_call(" while calling a Python object"))
            return NULL;
        res = ((ft_binaryfunc)def->meth)(self, args[0]);
        ft_leave_recursive_call();
        return res;
    case FT_METH_FASTCALL:
        if (has_kw)
            goto nokw;
        if (ft_enter_recursive_call(" while calling a Python object"))
            return NULL;
        res = ((ft_fastcall)def->meth)(self, args, nargs);
        ft_leave_recursive_call();
        return res;
    case FT_METH_FASTCALL | FT_METH_KEYWORDS:
        if (ft_enter_recursive_call(" while calling a Python object"))
            return NULL;
        res = ((ft_fastcall_kw)def->meth)(self, args, nargs, has_kw ? kwnames : NULL);
        ft_leave_recursive_call();
        return res;
    case FT_METH_VARARGS:
    case FT_METH_VARARGS | FT_METH_KEYWORDS: {
        if (has_kw && !(flags & FT_METH_KEYWORDS))
            goto nokw;
        FtObject *tuple = ft_tuple_from_array(args, nargs);
        if (!tuple)
            return NULL;
        FtObject *kw = NULL;
        if (has_kw) {
            kw = ft_vectorcall_to_dict(args + nargs, kwnames);
            if (!kw) {
                FT_DECREF(tuple);
                return NULL;
            }
        }
        if (ft_enter_recursive_call(" while calling a Python object")) {
            FT_DECREF(tuple);
            FT_XDECREF(kw);
            return NULL;
        }
        if (flags & FT_METH_KEYWORDS)
            res = ((ft_ternaryfunc)def->meth)(self, tuple, kw);
        else
            res = ((ft_binaryfunc)def->meth)(self, tuple);
        ft_leave_recursive_call();
        FT_DECREF(tuple);
        FT_XDECREF(kw);
        return res;
    }
    default:
        ft_err_set_string(ft_exc_SystemError, "bad call flags");
        return NULL;
    }
nokw:
    cfunction_argerror(def, self, "%U() takes no keyword arguments", 0);
    return NULL;
}

static FtObject *cfunction_vectorcall(FtObject *f, FtObject *const *args, size_t nargsf,
                                      FtObject *kwnames) {
    FtCFunction *c = (FtCFunction *)f;
    return ft_cfunction_call_def(c->def, c->self, args, nargsf, kwnames);
}

FtObject *ft_cfunction_new(FtMethodDef *def, FtObject *self, FtObject *module) {
    FtCFunction *c = (FtCFunction *)gc_new(&ft_cfunction_type);
    if (!c)
        return NULL;
    c->def = def;
    c->self = FT_XNEWREF(self);
    c->module = FT_XNEWREF(module);
    ft_gc_track((FtObject *)c);
    return (FtObject *)c;
}

static void cfunction_dealloc(FtObject *o) {
    FtCFunction *c = (FtCFunction *)o;
    ft_gc_untrack(o);
    FT_XDECREF(c->self);
    FT_XDECREF(c->module);
    gc_dealloc_done(o);
}

static int cfunction_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    FtCFunction *c = (FtCFunction *)o;
    if (c->self && visit(c->self, arg))
        return -1;
    if (c->module && visit(c->module, arg))
        return -1;
    return 0;
}

static FtObject *cfunction_repr(FtObject *o) {
    FtCFunction *c = (FtCFunction *)o;
    if (c->self == NULL || ft_module_check(c->self))
        return ft_str_from_format("<built-in function %s>", c->def->name);
    return ft_str_from_format("<built-in method %s of %s object at %p>", c->def->name,
                              FT_TYPE(c->self)->tp_name, (void *)c->self);
}

static FtObject *cfunction_get_name(FtObject *o, void *c) {
    return ft_str_from_cstr(((FtCFunction *)o)->def->name);
}
static FtObject *cfunction_get_qualname(FtObject *o, void *cl) {
    FtCFunction *c = (FtCFunction *)o;
    if (c->self == NULL || ft_module_check(c->self))
        return ft_str_from_cstr(c->def->name);
    FtObject *tq = ft_type_qualname(ft_type_check(c->self) ? (FtType *)c->self
                                                           : FT_TYPE(c->self));
    if (!tq)
        return NULL;
    FtObject *r = ft_str_from_format("%U.%s", tq, c->def->name);
    FT_DECREF(tq);
    return r;
}
static FtObject *cfunction_get_self(FtObject *o, void *c) {
    FtCFunction *f = (FtCFunction *)o;
    return FT_NEWREF(f->self ? f->self : FT_NONE);
}
static FtObject *cfunction_get_module(FtObject *o, void *c) {
    FtCFunction *f = (FtCFunction *)o;
    if (f->module)
        return FT_NEWREF(f->module);
    if (f->self && ft_module_check(f->self))
        return ft_object_getattr(f->self, FT_ID(__name__));
    FT_RETURN_NONE;
}
static FtObject *cfunction_get_doc(FtObject *o, void *c) {
    return doc_from_cstr(((FtCFunction *)o)->def->doc);
}

static FtObject *cfunction_richcompare(FtObject *a, FtObject *b, int op) {
    if ((op != FT_EQ && op != FT_NE) || FT_TYPE(a) != &ft_cfunction_type ||
        FT_TYPE(b) != &ft_cfunction_type)
        FT_RETURN_NOTIMPLEMENTED;
    FtCFunction *x = (FtCFunction *)a, *y = (FtCFunction *)b;
    int eq = x->def->meth == y->def->meth && x->self == y->self;
    return ft_bool_from(op == FT_EQ ? eq : !eq);
}
static ft_hash_t cfunction_hash(FtObject *o) {
    FtCFunction *c = (FtCFunction *)o;
    ft_hash_t h = ft_object_hash_pointer(c->def->meth) ^ ft_object_hash_pointer(c->self);
    return h == -1 ? -2 : h;
}

static FtObject *cfunction_call(FtObject *f, FtObject *args, FtObject *kwargs) {
    return ft_vectorcall_from_tuple_dict(f, args, kwargs);
}

static FtGetSetDef cfunction_getset[] = {
    {"__name__", cfunction_get_name, NULL, NULL, NULL},
    {"__qualname__", cfunction_get_qualname, NULL, NULL, NULL},
    {"__self__", cfunction_get_self, NULL, NULL, NULL},
    {"__module__", cfunction_get_module, NULL, NULL, NULL},
    {"__doc__", cfunction_get_doc, NULL, NULL, NULL},
    {NULL},
};

FtType ft_cfunction_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "builtin_function_or_method",
    .tp_basicsize = sizeof(FtCFunction),
    .tp_dealloc = cfunction_dealloc,
    .tp_repr = cfunction_repr,
    .tp_hash = cfunction_hash,
    .tp_call = cfunction_call,
    .tp_vectorcall = cfunction_vectorcall,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = cfunction_traverse,
    .tp_richcompare = cfunction_richcompare,
    .tp_getset = cfunction_getset,
};

/* ---- method_descriptor / classmethod_descriptor -------------------------------------- */

static FtObject *method_descr_vectorcall(FtObject *o, FtObject *const *args, size_t nargsf,
                                         FtObject *kwnames) {
    FtMethodDescr *d = (FtMethodDescr *)o;
    ssize_t nargs = ft_vectorcall_nargs(nargsf);
    if (nargs < 1) {
        ft_err_format(ft_exc_TypeError, "unbound method %s.%U() needs an argument",
                      ft_type_short_name(d->d_common.d_type), d->d_common.d_name);
        return NULL;
    }
    if (FT_UNLIKELY(FT_TYPE(args[0]) != d->d_common.d_type) &&
        descr_check(&d->d_common, args[0]) < 0)
        return NULL;
    return ft_cfunction_call_def(d->d_method, args[0], args + 1, nargs - 1, kwnames);
}

static FtObject *classmethod_descr_vectorcall(FtObject *o, FtObject *const *args,
                                              size_t nargsf, FtObject *kwnames) {
    FtMethodDescr *d = (FtMethodDescr *)o;
    ssize_t nargs = ft_vectorcall_nargs(nargsf);
    if (nargs < 1) {
        ft_err_format(ft_exc_TypeError, "descriptor '%U' of '%s' object needs an argument",
                      d->d_common.d_name, d->d_common.d_type->tp_name);
        return NULL;
    }
    if (!ft_type_check(args[0])) {
        ft_err_format(ft_exc_TypeError,
                      "descriptor '%U' for type '%s' needs a type, not a '%s' as arg 2",
                      d->d_common.d_name, d->d_common.d_type->tp_name, FT_TYPE(args[0])->tp_name);
        return NULL;
    }
    if (!ft_type_is_subtype((FtType *)args[0], d->d_common.d_type)) {
        ft_err_format(ft_exc_TypeError,
                      "descriptor '%U' requires a subtype of '%s' but received '%s'",
                      d->d_common.d_name, d->d_common.d_type->tp_name,
                      ((FtType *)args[0])->tp_name);
        return NULL;
    }
    return ft_cfunction_call_def(d->d_method, args[0], args + 1, nargs - 1, kwnames);
}

static FtObject *method_descr_call(FtObject *f, FtObject *args, FtObject *kwargs) {
    return ft_vectorcall_from_tuple_dict(f, args, kwargs);
}

static FtObject *method_descr_get(FtObject *o, FtObject *obj, FtObject *type) {
    FtMethodDescr *d = (FtMethodDescr *)o;
    if (obj == NULL || (obj == FT_NONE && type != NULL && type != (FtObject *)&ft_none_type))
        return FT_NEWREF(o);
    if (descr_check(&d->d_common, obj) < 0)
        return NULL;
    return ft_cfunction_new(d->d_method, obj, NULL);
}

static FtObject *classmethod_descr_get(FtObject *o, FtObject *obj, FtObject *type) {
    FtMethodDescr *d = (FtMethodDescr *)o;
    if (type == NULL) {
        if (obj == NULL) {
            ft_err_format(ft_exc_TypeError, "descriptor '%U' for type '%s' needs either an object or a type",
                          d->d_common.d_name, d->d_common.d_type->tp_name);
            return NULL;
        }
        type = (FtObject *)FT_TYPE(obj);
    }
    if (!ft_type_check(type)) {
        ft_err_format(ft_exc_TypeError, "descriptor '%U' for type '%s' needs a type, not a '%s' as arg 2",
                      d->d_common.d_name, d->d_common.d_type->tp_name, FT_TYPE(type)->tp_name);
        return NULL;
    }
    if (!ft_type_is_subtype((FtType *)type, d->d_common.d_type)) {
        ft_err_format(ft_exc_TypeError, "descriptor '%U' requires a subtype of '%s' but received '%s'",
                      d->d_common.d_name, d->d_common.d_type->tp_name, ((FtType *)type)->tp_name);
        return NULL;
    }
    return ft_cfunction_new(d->d_method, type, NULL);
}

static FtObject *method_descr_repr(FtObject *o) {
    return descr_repr_fmt(o, "<method '%U' of '%s' objects>");
}
static FtObject *method_descr_doc(FtObject *o, void *c) {
    return doc_from_cstr(((FtMethodDescr *)o)->d_method->doc);
}

static FtGetSetDef method_descr_getset[] = {
    DESCR_COMMON_GETSETS,
    {"__doc__", method_descr_doc, NULL, NULL, NULL},
    {NULL},
};

FtType ft_method_descr_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "method_descriptor",
    .tp_basicsize = sizeof(FtMethodDescr),
    .tp_dealloc = descr_dealloc,
    .tp_repr = method_descr_repr,
    .tp_call = method_descr_call,
    .tp_vectorcall = method_descr_vectorcall,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_getset = method_descr_getset,
    .tp_descr_get = method_descr_get,
};

FtType ft_classmethod_descr_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "classmethod_descriptor",
    .tp_basicsize = sizeof(FtMethodDescr),
    .tp_dealloc = descr_dealloc,
    .tp_repr = method_descr_repr,
    .tp_call = method_descr_call,
    .tp_vectorcall = classmethod_descr_vectorcall,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_getset = method_descr_getset,
    .tp_descr_get = classmethod_descr_get,
};

FtObject *ft_descr_new_method(FtType *type, FtMethodDef *def) {
    FtType *dt = (def->flags & FT_METH_CLASS) ? &ft_classmethod_descr_type : &ft_method_descr_type;
    FtMethodDescr *d = (FtMethodDescr *)descr_new(dt, type, def->name);
    if (!d)
        return NULL;
    d->d_method = def;
    d->vectorcall = dt->tp_vectorcall;
    return (FtObject *)d;
}

/* ---- member_descriptor ----------------------------------------------------------------- */

static FtObject *member_get(FtObject *o, FtObject *obj, FtObject *type) {
    FtMemberDescr *d = (FtMemberDescr *)o;
    if (obj == NULL)
        return FT_NEWREF(o);
    if (descr_check(&d->d_common, obj) < 0)
        return NULL;
    FtMemberDef *m = d->d_member;
    char *addr = (char *)obj + m->offset;
    switch (m->type) {
    case FT_T_OBJECT:
    case FT_T_OBJECT_EX: {
        /* Load and incref under the object's critical section: a concurrent member_set
         * (in a free-threaded build) could otherwise free the value in between. */
        FtObject *v;
        LK_BEGIN_CRITICAL(obj);
        v = *(FtObject **)addr;
        if (v)
            FT_INCREF(v);
        LK_END_CRITICAL();
        if (!v && m->type == FT_T_OBJECT)
            return FT_NEWREF(FT_NONE);
        if (!v)
            ft_err_format(ft_exc_AttributeError, "'%s' object has no attribute '%s'",
                          FT_TYPE(obj)->tp_name, m->name);
        return v;
    }
    case FT_T_INT: return ft_int_from_i64(*(int *)addr);
    case FT_T_UINT: return ft_int_from_u64(*(unsigned int *)addr);
    case FT_T_LONG: return ft_int_from_i64(*(long *)addr);
    case FT_T_SSIZE: return ft_int_from_ssize(*(ssize_t *)addr);
    case FT_T_BOOL: return ft_bool_from(*(char *)addr);
    case FT_T_DOUBLE: return ft_float_from_double(*(double *)addr);
    }
    ft_err_set_string(ft_exc_SystemError, "bad memberdescr type");
    return NULL;
}

static int member_set(FtObject *o, FtObject *obj, FtObject *value) {
    FtMemberDescr *d = (FtMemberDescr *)o;
    if (descr_check(&d->d_common, obj) < 0)
        return -1;
    FtMemberDef *m = d->d_member;
    char *addr = (char *)obj + m->offset;
    if (m->flags & FT_READONLY) {
        ft_err_set_string(ft_exc_AttributeError, "readonly attribute");
        return -1;
    }
    if (value == NULL && m->type != FT_T_OBJECT && m->type != FT_T_OBJECT_EX) {
        ft_err_set_string(ft_exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    switch (m->type) {
    case FT_T_OBJECT:
    case FT_T_OBJECT_EX: {
        /* Swap under the object's critical section, release the old value after it: two
         * threads doing `self.x += 1` may lose an update, as in CPython, but never release
         * the same old value twice. */
        FtObject *old;
        int missing = 0;
        LK_BEGIN_CRITICAL(obj);
        old = *(FtObject **)addr;
        if (value == NULL && m->type == FT_T_OBJECT_EX && old == NULL)
            missing = 1;
        else
            *(FtObject **)addr = FT_XNEWREF(value);
        LK_END_CRITICAL();
        if (missing) {
            ft_err_set_object(ft_exc_AttributeError, d->d_common.d_name);
            return -1;
        }
        FT_XDECREF(old);
        return 0;
    }
    case FT_T_BOOL:
        if (!ft_bool_check(value)) {
            ft_err_set_string(ft_exc_TypeError, "attribute value type must be bool");
            return -1;
        }
        *(char *)addr = value == FT_TRUE;
        return 0;
    case FT_T_DOUBLE: {
        double v = ft_float_as_double(value);
        if (v == -1.0 && ft_err_occurred())
            return -1;
        *(double *)addr = v;
        return 0;
    }
    default: {
        ssize_t v = ft_number_as_ssize(value, ft_exc_OverflowError);
        if (v == -1 && ft_err_occurred())
            return -1;
        if (m->type == FT_T_INT)
            *(int *)addr = (int)v;
        else if (m->type == FT_T_UINT)
            *(unsigned int *)addr = (unsigned int)v;
        else if (m->type == FT_T_LONG)
            *(long *)addr = (long)v;
        else
            *(ssize_t *)addr = v;
        return 0;
    }
    }
}

static FtObject *member_repr(FtObject *o) {
    return descr_repr_fmt(o, "<member '%U' of '%s' objects>");
}
static FtObject *member_doc(FtObject *o, void *c) {
    return doc_from_cstr(((FtMemberDescr *)o)->d_member->doc);
}
static FtGetSetDef member_getset[] = {
    DESCR_COMMON_GETSETS,
    {"__doc__", member_doc, NULL, NULL, NULL},
    {NULL},
};

FtType ft_member_descr_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "member_descriptor",
    .tp_basicsize = sizeof(FtMemberDescr),
    .tp_dealloc = descr_dealloc,
    .tp_repr = member_repr,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_getset = member_getset,
    .tp_descr_get = member_get,
    .tp_descr_set = member_set,
};

FtObject *ft_descr_new_member(FtType *type, FtMemberDef *def) {
    FtMemberDescr *d = (FtMemberDescr *)descr_new(&ft_member_descr_type, type, def->name);
    if (d)
        d->d_member = def;
    return (FtObject *)d;
}

/* ---- getset_descriptor ------------------------------------------------------------------ */

static FtObject *getset_get(FtObject *o, FtObject *obj, FtObject *type) {
    FtGetSetDescr *d = (FtGetSetDescr *)o;
    if (obj == NULL)
        return FT_NEWREF(o);
    if (descr_check(&d->d_common, obj) < 0)
        return NULL;
    if (d->d_getset->get)
        return d->d_getset->get(obj, d->d_getset->closure);
    ft_err_format(ft_exc_AttributeError, "attribute '%U' of '%s' objects is not readable",
                  d->d_common.d_name, d->d_common.d_type->tp_name);
    return NULL;
}

static int getset_set(FtObject *o, FtObject *obj, FtObject *value) {
    FtGetSetDescr *d = (FtGetSetDescr *)o;
    if (descr_check(&d->d_common, obj) < 0)
        return -1;
    if (d->d_getset->set)
        return d->d_getset->set(obj, value, d->d_getset->closure);
    ft_err_format(ft_exc_AttributeError, "attribute '%U' of '%s' objects is not writable",
                  d->d_common.d_name, d->d_common.d_type->tp_name);
    return -1;
}

static FtObject *getset_repr(FtObject *o) {
    return descr_repr_fmt(o, "<attribute '%U' of '%s' objects>");
}
static FtObject *getset_doc(FtObject *o, void *c) {
    return doc_from_cstr(((FtGetSetDescr *)o)->d_getset->doc);
}
static FtGetSetDef getset_getset[] = {
    DESCR_COMMON_GETSETS,
    {"__doc__", getset_doc, NULL, NULL, NULL},
    {NULL},
};

FtType ft_getset_descr_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "getset_descriptor",
    .tp_basicsize = sizeof(FtGetSetDescr),
    .tp_dealloc = descr_dealloc,
    .tp_repr = getset_repr,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = descr_traverse,
    .tp_getset = getset_getset,
    .tp_descr_get = getset_get,
    .tp_descr_set = getset_set,
};

FtObject *ft_descr_new_getset(FtType *type, FtGetSetDef *def) {
    FtGetSetDescr *d = (FtGetSetDescr *)descr_new(&ft_getset_descr_type, type, def->name);
    if (d)
        d->d_getset = def;
    return (FtObject *)d;
}

/* ---- wrapper_descriptor (slot wrapper) and method-wrapper -------------------------------- */

static FtObject *wrapper_descr_vectorcall(FtObject *o, FtObject *const *args, size_t nargsf,
                                          FtObject *kwnames) {
    FtWrapperDescr *d = (FtWrapperDescr *)o;
    ssize_t nargs = ft_vectorcall_nargs(nargsf);
    if (nargs < 1) {
        ft_err_format(ft_exc_TypeError, "descriptor '%U' of '%s' object needs an argument",
                      d->d_common.d_name, d->d_common.d_type->tp_name);
        return NULL;
    }
    FtObject *self = args[0];
    if (!ft_type_is_subtype(FT_TYPE(self), d->d_common.d_type)) {
        ft_err_format(ft_exc_TypeError,
                      "descriptor '%U' requires a '%s' object but received a '%s'",
                      d->d_common.d_name, d->d_common.d_type->tp_name, FT_TYPE(self)->tp_name);
        return NULL;
    }
    if (kwnames && FT_SIZE(kwnames) && !d->d_base->kw) {
        ft_err_format(ft_exc_TypeError, "wrapper %s() takes no keyword arguments", d->d_base->name);
        return NULL;
    }
    return d->d_base->wrapper(self, args + 1, nargs - 1, kwnames, d->d_wrapped);
}

static FtObject *wrapper_descr_get(FtObject *o, FtObject *obj, FtObject *type) {
    FtWrapperDescr *d = (FtWrapperDescr *)o;
    if (obj == NULL)
        return FT_NEWREF(o);
    if (descr_check(&d->d_common, obj) < 0)
        return NULL;
    FtMethodWrapper *w = (FtMethodWrapper *)gc_new(&ft_method_wrapper_type);
    if (!w)
        return NULL;
    w->descr = (FtWrapperDescr *)FT_NEWREF(d);
    w->self = FT_NEWREF(obj);
    ft_gc_track((FtObject *)w);
    return (FtObject *)w;
}

static FtObject *wrapper_descr_repr(FtObject *o) {
    return descr_repr_fmt(o, "<slot wrapper '%U' of '%s' objects>");
}
static FtObject *wrapper_descr_doc(FtObject *o, void *c) {
    return doc_from_cstr(((FtWrapperDescr *)o)->d_base->doc);
}
static FtGetSetDef wrapper_descr_getset[] = {
    DESCR_COMMON_GETSETS,
    {"__doc__", wrapper_descr_doc, NULL, NULL, NULL},
    {NULL},
};

FtType ft_wrapper_descr_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "wrapper_descriptor",
    .tp_basicsize = sizeof(FtWrapperDescr),
    .tp_dealloc = descr_dealloc,
    .tp_repr = wrapper_descr_repr,
    .tp_call = method_descr_call,
    .tp_vectorcall = wrapper_descr_vectorcall,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = descr_traverse,
    .tp_getset = wrapper_descr_getset,
    .tp_descr_get = wrapper_descr_get,
};

FtObject *ft_descr_new_wrapper(FtType *type, const SlotDef *base, void *wrapped) {
    FtWrapperDescr *d = (FtWrapperDescr *)descr_new(&ft_wrapper_descr_type, type, base->name);
    if (d) {
        d->d_base = base;
        d->d_wrapped = wrapped;
    }
    return (FtObject *)d;
}

static FtObject *method_wrapper_vectorcall(FtObject *o, FtObject *const *args, size_t nargsf,
                                           FtObject *kwnames) {
    FtMethodWrapper *w = (FtMethodWrapper *)o;
    if (kwnames && FT_SIZE(kwnames) && !w->descr->d_base->kw) {
        ft_err_format(ft_exc_TypeError, "wrapper %s() takes no keyword arguments",
                      w->descr->d_base->name);
        return NULL;
    }
    return w->descr->d_base->wrapper(w->self, args, ft_vectorcall_nargs(nargsf), kwnames,
                                     w->descr->d_wrapped);
}
static void method_wrapper_dealloc(FtObject *o) {
    FtMethodWrapper *w = (FtMethodWrapper *)o;
    ft_gc_untrack(o);
    FT_XDECREF(w->descr);
    FT_XDECREF(w->self);
    gc_dealloc_done(o);
}
static int method_wrapper_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    FtMethodWrapper *w = (FtMethodWrapper *)o;
    if (w->descr && visit((FtObject *)w->descr, arg))
        return -1;
    if (w->self && visit(w->self, arg))
        return -1;
    return 0;
}
static FtObject *method_wrapper_repr(FtObject *o) {
    FtMethodWrapper *w = (FtMethodWrapper *)o;
    return ft_str_from_format("<method-wrapper '%U' of %s object at %p>",
                              w->descr->d_common.d_name, FT_TYPE(w->self)->tp_name,
                              (void *)w->self);
}
static FtObject *method_wrapper_self(FtObject *o, void *c) {
    return FT_NEWREF(((FtMethodWrapper *)o)->self);
}
static FtObject *method_wrapper_name(FtObject *o, void *c) {
    return FT_NEWREF(((FtMethodWrapper *)o)->descr->d_common.d_name);
}
static FtObject *method_wrapper_qualname(FtObject *o, void *c) {
    return descr_qualname((FtObject *)((FtMethodWrapper *)o)->descr, c);
}
static FtObject *method_wrapper_richcompare(FtObject *a, FtObject *b, int op) {
    if ((op != FT_EQ && op != FT_NE) || FT_TYPE(a) != &ft_method_wrapper_type ||
        FT_TYPE(b) != &ft_method_wrapper_type)
        FT_RETURN_NOTIMPLEMENTED;
    FtMethodWrapper *x = (FtMethodWrapper *)a, *y = (FtMethodWrapper *)b;
    int eq = x->descr == y->descr && x->self == y->self;
    return ft_bool_from(op == FT_EQ ? eq : !eq);
}
static ft_hash_t method_wrapper_hash(FtObject *o) {
    FtMethodWrapper *w = (FtMethodWrapper *)o;
    ft_hash_t h = ft_object_hash_pointer(w->self) ^ ft_object_hash_pointer(w->descr);
    return h == -1 ? -2 : h;
}
static FtGetSetDef method_wrapper_getset[] = {
    {"__self__", method_wrapper_self, NULL, NULL, NULL},
    {"__name__", method_wrapper_name, NULL, NULL, NULL},
    {"__qualname__", method_wrapper_qualname, NULL, NULL, NULL},
    {NULL},
};

FtType ft_method_wrapper_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "method-wrapper",
    .tp_basicsize = sizeof(FtMethodWrapper),
    .tp_dealloc = method_wrapper_dealloc,
    .tp_repr = method_wrapper_repr,
    .tp_hash = method_wrapper_hash,
    .tp_call = method_descr_call,
    .tp_vectorcall = method_wrapper_vectorcall,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = method_wrapper_traverse,
    .tp_richcompare = method_wrapper_richcompare,
    .tp_getset = method_wrapper_getset,
};

/* ---- property ------------------------------------------------------------------------- */

static void property_dealloc(FtObject *o) {
    FtProperty *p = (FtProperty *)o;
    ft_gc_untrack(o);
    FT_XDECREF(p->fget);
    FT_XDECREF(p->fset);
    FT_XDECREF(p->fdel);
    FT_XDECREF(p->doc);
    FT_XDECREF(p->name);
    gc_dealloc_done(o);
}
static int property_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    FtProperty *p = (FtProperty *)o;
    FtObject *fs[] = {p->fget, p->fset, p->fdel, p->doc, p->name};
    for (size_t i = 0; i < FT_ARRAY_LEN(fs); i++)
        if (fs[i] && visit(fs[i], arg))
            return -1;
    return 0;
}
static int property_clear(FtObject *o) {
    FtProperty *p = (FtProperty *)o;
    FT_CLEAR(p->fget);
    FT_CLEAR(p->fset);
    FT_CLEAR(p->fdel);
    FT_CLEAR(p->doc);
    return 0;
}

static void property_error(FtProperty *p, FtObject *obj, const char *what) {
    const char *tn = ft_type_short_name(FT_TYPE(obj));
    if (p->name && ft_str_check(p->name))
        ft_err_format(ft_exc_AttributeError, "property %R of '%s' object has no %s", p->name,
                      tn, what);
    else
        ft_err_format(ft_exc_AttributeError, "property of '%s' object has no %s", tn, what);
}

static FtObject *property_get(FtObject *o, FtObject *obj, FtObject *type) {
    FtProperty *p = (FtProperty *)o;
    if (obj == NULL || (obj == FT_NONE && type != NULL && type != (FtObject *)&ft_none_type))
        return FT_NEWREF(o);
    if (p->fget == NULL) {
        property_error(p, obj, "getter");
        return NULL;
    }
    return ft_object_call_one(p->fget, obj);
}

static int property_set(FtObject *o, FtObject *obj, FtObject *value) {
    FtProperty *p = (FtProperty *)o;
    FtObject *func = value ? p->fset : p->fdel;
    if (func == NULL) {
        property_error(p, obj, value ? "setter" : "deleter");
        return -1;
    }
    FtObject *res;
    if (value) {
        FtObject *args[2] = {obj, value};
        res = ft_object_vectorcall(func, args, 2, NULL);
    } else {
        res = ft_object_call_one(func, obj);
    }
    if (!res)
        return -1;
    FT_DECREF(res);
    return 0;
}

static int property_init(FtObject *self, FtObject *args, FtObject *kwargs) {
    static const char *const kwlist[] = {"fget", "fset", "fdel", "doc", NULL};
    FtObject *out[4] = {0};
    FtObject *stack[8];
    ssize_t nargs = FT_SIZE(args);
    FtObject *kwnames = NULL;
    ssize_t nkw = kwargs ? ft_dict_size(kwargs) : 0;
    if (nargs + nkw > 4) {
        ft_err_format(ft_exc_TypeError, "property() takes at most 4 arguments (%zd given)",
                      nargs + nkw);
        return -1;
    }
    for (ssize_t i = 0; i < nargs; i++)
        stack[i] = FT_TUPLE_GET(args, i);
    if (nkw) {
        kwnames = ft_tuple_new(nkw);
        if (!kwnames)
            return -1;
        ssize_t pos = 0, i = 0;
        FtObject *k, *v;
        while (ft_dict_next(kwargs, &pos, &k, &v)) {
            FT_TUPLE_SET(kwnames, i, FT_NEWREF(k));
            stack[nargs + i] = v;
            i++;
        }
    }
    int r = ft_parse_args("property", stack, nargs, kwnames, kwlist, 0, -1, 0, out);
    FT_XDECREF(kwnames);
    if (r < 0)
        return -1;
    FtProperty *p = (FtProperty *)self;
    for (int i = 0; i < 4; i++)
        if (out[i] == FT_NONE)
            out[i] = NULL;
    FT_XSETREF(p->fget, FT_XNEWREF(out[0]));
    FT_XSETREF(p->fset, FT_XNEWREF(out[1]));
    FT_XSETREF(p->fdel, FT_XNEWREF(out[2]));
    FT_XSETREF(p->doc, FT_XNEWREF(out[3]));
    p->getter_doc = 0;
    if (p->doc == NULL && p->fget != NULL) {
        FtObject *d = NULL;
        if (ft_object_lookup_attr(p->fget, FT_ID(__doc__), &d) < 0)
            return -1;
        if (d && d != FT_NONE) {
            p->doc = d;
            p->getter_doc = 1;
        } else {
            FT_XDECREF(d);
        }
    }
    return 0;
}

static FtObject *property_new(FtType *type, FtObject *args, FtObject *kwargs) {
    FtObject *o = type->tp_alloc(type, 0);
    if (o && (type->tp_flags & FT_TPFLAGS_HAVE_GC))
        ft_gc_track(o);
    return o;
}

/* getter/setter/deleter: a copy with one function replaced, made through type(self). */
static FtObject *property_copy(FtObject *self, FtObject *get, FtObject *set, FtObject *del) {
    FtProperty *p = (FtProperty *)self;
    if (!get) get = p->fget ? p->fget : FT_NONE;
    if (!set) set = p->fset ? p->fset : FT_NONE;
    if (!del) del = p->fdel ? p->fdel : FT_NONE;
    FtObject *doc = (p->getter_doc && get != FT_NONE) || !p->doc ? FT_NONE : p->doc;
    FtObject *args[4] = {get, set, del, doc};
    FtObject *n = ft_object_vectorcall((FtObject *)FT_TYPE(self), args, 4, NULL);
    if (n && ft_type_is_subtype(FT_TYPE(n), &ft_property_type)) {
        FT_XSETREF(((FtProperty *)n)->name, FT_XNEWREF(p->name));
    }
    return n;
}
static FtObject *property_getter(FtObject *self, FtObject *f) { return property_copy(self, f, NULL, NULL); }
static FtObject *property_setter(FtObject *self, FtObject *f) { return property_copy(self, NULL, f, NULL); }
static FtObject *property_deleter(FtObject *self, FtObject *f) { return property_copy(self, NULL, NULL, f); }
static FtObject *property_set_name(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (nargs != 2) {
        ft_err_format(ft_exc_TypeError, "__set_name__() takes 2 positional arguments but %zd were given", nargs);
        return NULL;
    }
    FT_XSETREF(((FtProperty *)self)->name, FT_NEWREF(args[1]));
    FT_RETURN_NONE;
}

static FtMethodDef property_methods[] = {
    {"getter", (void *)property_getter, FT_METH_O, NULL},
    {"setter", (void *)property_setter, FT_METH_O, NULL},
    {"deleter", (void *)property_deleter, FT_METH_O, NULL},
    {"__set_name__", (void *)property_set_name, FT_METH_FASTCALL, NULL},
    {NULL},
};
static FtMemberDef property_members[] = {
    {"fget", FT_T_OBJECT, offsetof(FtProperty, fget), FT_READONLY, NULL},
    {"fset", FT_T_OBJECT, offsetof(FtProperty, fset), FT_READONLY, NULL},
    {"fdel", FT_T_OBJECT, offsetof(FtProperty, fdel), FT_READONLY, NULL},
    {"__doc__", FT_T_OBJECT, offsetof(FtProperty, doc), 0, NULL},
    {NULL},
};
static FtObject *property_isabstract(FtObject *o, void *c) { FT_RETURN_FALSE; }
static FtGetSetDef property_getsets[] = {
    {"__isabstractmethod__", property_isabstract, NULL, NULL, NULL},
    {NULL},
};

FtType ft_property_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "property",
    .tp_basicsize = sizeof(FtProperty),
    .tp_dealloc = property_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,
    .tp_doc = "Property attribute.",
    .tp_traverse = property_traverse,
    .tp_clear = property_clear,
    .tp_methods = property_methods,
    .tp_members = property_members,
    .tp_getset = property_getsets,
    .tp_descr_get = property_get,
    .tp_descr_set = property_set,
    .tp_init = property_init,
    .tp_new = property_new,
};

/* ---- classmethod / staticmethod ------------------------------------------------------ */

static void sm_dealloc(FtObject *o) {
    FtStaticMethod *s = (FtStaticMethod *)o;
    ft_gc_untrack(o);
    FT_XDECREF(s->callable);
    FT_XDECREF(s->dict);
    gc_dealloc_done(o);
}
static int sm_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    FtStaticMethod *s = (FtStaticMethod *)o;
    if (s->callable && visit(s->callable, arg))
        return -1;
    if (s->dict && visit(s->dict, arg))
        return -1;
    return 0;
}
static int sm_clear(FtObject *o) {
    FtStaticMethod *s = (FtStaticMethod *)o;
    FT_CLEAR(s->callable);
    FT_CLEAR(s->dict);
    return 0;
}

/* functools.wraps-like copying of __name__, __doc__, ... as CPython 3.10+ does. */
static int sm_copy_attrs(FtObject *self, FtObject *callable) {
    static const char *const names[] = {"__module__", "__name__", "__qualname__", "__doc__"};
    FtObject **dp = ft_object_dict_ptr(self);
    if (!dp)
        return 0;
    if (!*dp && !(*dp = ft_dict_new()))
        return -1;
    for (size_t i = 0; i < FT_ARRAY_LEN(names); i++) {
        FtObject *v;
        int r = ft_object_lookup_attr(callable, ft_str_intern_cstr(names[i]), &v);
        if (r < 0)
            return -1;
        if (r > 0) {
            r = ft_dict_set_cstr(*dp, names[i], v);
            FT_DECREF(v);
            if (r < 0)
                return -1;
        }
    }
    return 0;
}

static int sm_init(FtObject *self, FtObject *args, FtObject *kwargs) {
    const char *name = FT_TYPE(self) == &ft_classmethod_type ||
                               ft_type_is_subtype(FT_TYPE(self), &ft_classmethod_type)
                           ? "classmethod" : "staticmethod";
    if (kwargs && ft_dict_size(kwargs)) {
        ft_err_format(ft_exc_TypeError, "%s() takes no keyword arguments", name);
        return -1;
    }
    if (FT_SIZE(args) != 1) {
        ft_err_format(ft_exc_TypeError, "%s expected 1 argument, got %zd", name, FT_SIZE(args));
        return -1;
    }
    FtObject *c = FT_TUPLE_GET(args, 0);
    FT_XSETREF(((FtStaticMethod *)self)->callable, FT_NEWREF(c));
    return sm_copy_attrs(self, c);
}

static FtObject *sm_new(FtType *type, FtObject *args, FtObject *kwargs) {
    FtObject *o = type->tp_alloc(type, 0);
    if (o)
        ft_gc_track(o);
    return o;
}

static FtObject *sm_get(FtObject *o, FtObject *obj, FtObject *type) {
    FtStaticMethod *s = (FtStaticMethod *)o;
    if (!s->callable) {
        ft_err_set_string(ft_exc_RuntimeError, "uninitialized staticmethod object");
        return NULL;
    }
    return FT_NEWREF(s->callable);
}

static FtObject *sm_vectorcall(FtObject *o, FtObject *const *args, size_t nargsf,
                               FtObject *kwnames) {
    FtStaticMethod *s = (FtStaticMethod *)o;
    return ft_object_vectorcall(s->callable, args, nargsf, kwnames);
}
static FtObject *sm_call(FtObject *o, FtObject *args, FtObject *kwargs) {
    return ft_object_call(((FtStaticMethod *)o)->callable, args, kwargs);
}

static FtObject *cm_get(FtObject *o, FtObject *obj, FtObject *type) {
    FtStaticMethod *s = (FtStaticMethod *)o;
    if (!s->callable) {
        ft_err_set_string(ft_exc_RuntimeError, "uninitialized classmethod object");
        return NULL;
    }
    if (type == NULL)
        type = (FtObject *)FT_TYPE(obj);
    ft_descrgetfunc f = FT_TYPE(s->callable)->tp_descr_get;
    if (f && FT_TYPE(s->callable) != &ft_function_type)
        return f(s->callable, type, type);
    return ft_method_new(s->callable, type);
}

static FtObject *sm_repr_common(FtObject *o, const char *name) {
    FtStaticMethod *s = (FtStaticMethod *)o;
    return ft_str_from_format("<%s(%R)>", name, s->callable ? s->callable : FT_NONE);
}
static FtObject *sm_repr(FtObject *o) { return sm_repr_common(o, "staticmethod"); }
static FtObject *cm_repr(FtObject *o) { return sm_repr_common(o, "classmethod"); }

static FtObject *sm_isabstract(FtObject *o, void *c) {
    FtStaticMethod *s = (FtStaticMethod *)o;
    FtObject *v;
    int r = s->callable ? ft_object_lookup_attr(s->callable, FT_ID(__isabstractmethod__), &v) : 0;
    if (r < 0)
        return NULL;
    if (r == 0)
        FT_RETURN_FALSE;
    return v;
}

static FtMemberDef sm_members[] = {
    {"__func__", FT_T_OBJECT, offsetof(FtStaticMethod, callable), FT_READONLY, NULL},
    {"__wrapped__", FT_T_OBJECT, offsetof(FtStaticMethod, callable), FT_READONLY, NULL},
    {NULL},
};
static FtGetSetDef sm_getset[] = {
    {"__dict__", ft_object_generic_get_dict, ft_object_generic_set_dict, NULL, NULL},
    {"__isabstractmethod__", sm_isabstract, NULL, NULL, NULL},
    {NULL},
};

FtType ft_staticmethod_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "staticmethod",
    .tp_basicsize = sizeof(FtStaticMethod),
    .tp_dealloc = sm_dealloc,
    .tp_repr = sm_repr,
    .tp_call = sm_call,
    .tp_vectorcall = sm_vectorcall,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,
    .tp_traverse = sm_traverse,
    .tp_clear = sm_clear,
    .tp_members = sm_members,
    .tp_getset = sm_getset,
    .tp_descr_get = sm_get,
    .tp_dictoffset = offsetof(FtStaticMethod, dict),
    .tp_init = sm_init,
    .tp_new = sm_new,
};

FtType ft_classmethod_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "classmethod",
    .tp_basicsize = sizeof(FtStaticMethod),
    .tp_dealloc = sm_dealloc,
    .tp_repr = cm_repr,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,
    .tp_traverse = sm_traverse,
    .tp_clear = sm_clear,
    .tp_members = sm_members,
    .tp_getset = sm_getset,
    .tp_descr_get = cm_get,
    .tp_dictoffset = offsetof(FtStaticMethod, dict),
    .tp_init = sm_init,
    .tp_new = sm_new,
};

static FtObject *sm_make(FtType *type, FtObject *callable) {
    FtStaticMethod *s = (FtStaticMethod *)gc_new(type);
    if (!s)
        return NULL;
    s->callable = FT_NEWREF(callable);
    ft_gc_track((FtObject *)s);
    if (sm_copy_attrs((FtObject *)s, callable) < 0) {
        FT_DECREF(s);
        return NULL;
    }
    return (FtObject *)s;
}
FtObject *ft_staticmethod_new(FtObject *callable) { return sm_make(&ft_staticmethod_type, callable); }
FtObject *ft_classmethod_new(FtObject *callable) { return sm_make(&ft_classmethod_type, callable); }

/* ---- super ------------------------------------------------------------------------------ */

static void super_dealloc(FtObject *o) {
    FtSuper *s = (FtSuper *)o;
    ft_gc_untrack(o);
    FT_XDECREF(s->type);
    FT_XDECREF(s->obj);
    FT_XDECREF(s->obj_type);
    gc_dealloc_done(o);
}
static int super_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    FtSuper *s = (FtSuper *)o;
    if (s->obj && visit(s->obj, arg))
        return -1;
    if (s->type && visit((FtObject *)s->type, arg))
        return -1;
    if (s->obj_type && visit((FtObject *)s->obj_type, arg))
        return -1;
    return 0;
}

/* The type whose MRO super() walks: obj itself when it is a subclass of type, else type(obj)
 * (or obj.__class__ for proxies). */
static FtType *supercheck(FtType *type, FtObject *obj) {
    if (ft_type_check(obj) && ft_type_is_subtype((FtType *)obj, type))
        return (FtType *)FT_NEWREF(obj);
    if (ft_type_is_subtype(FT_TYPE(obj), type))
        return (FtType *)FT_NEWREF(FT_TYPE(obj));
    FtObject *cls = NULL;
    if (ft_object_lookup_attr(obj, FT_ID(__class__), &cls) < 0)
        return NULL;
    if (cls && ft_type_check(cls) && cls != (FtObject *)FT_TYPE(obj) &&
        ft_type_is_subtype((FtType *)cls, type))
        return (FtType *)cls;
    FT_XDECREF(cls);
    ft_err_set_string(ft_exc_TypeError,
                      "super(type, obj): obj must be an instance or subtype of type");
    return NULL;
}

static int super_init_impl(FtSuper *su, FtType *type, FtObject *obj) {
    FtType *obj_type = NULL;
    if (obj == FT_NONE)
        obj = NULL;
    if (obj) {
        obj_type = supercheck(type, obj);
        if (!obj_type)
            return -1;
        FT_INCREF(obj);
    }
    FT_INCREF(type);
    FT_XSETREF(su->type, type);
    FT_XSETREF(su->obj, obj);
    FT_XSETREF(su->obj_type, obj_type);
    return 0;
}

static int super_init(FtObject *self, FtObject *args, FtObject *kwargs) {
    if (kwargs && ft_dict_size(kwargs)) {
        ft_err_set_string(ft_exc_TypeError, "super() takes no keyword arguments");
        return -1;
    }
    ssize_t n = FT_SIZE(args);
    FtType *type;
    FtObject *obj = NULL;
    if (n > 2) {
        ft_err_format(ft_exc_TypeError, "super() takes at most 2 arguments (%zd given)", n);
        return -1;
    }
    if (n == 0) {
        if (ft_vm_super_args(&type, &obj) < 0)
            return -1;
        /* ft_vm_super_args returns borrowed references */
        return super_init_impl((FtSuper *)self, type, obj);
    }
    FtObject *t = FT_TUPLE_GET(args, 0);
    if (!ft_type_check(t)) {
        ft_err_format(ft_exc_TypeError, "super() argument 1 must be a type, not %s",
                      FT_TYPE(t)->tp_name);
        return -1;
    }
    type = (FtType *)t;
    if (n == 2)
        obj = FT_TUPLE_GET(args, 1);
    return super_init_impl((FtSuper *)self, type, obj);
}

static FtObject *super_new(FtType *type, FtObject *args, FtObject *kwargs) {
    FtObject *o = type->tp_alloc(type, 0);
    if (o)
        ft_gc_track(o);
    return o;
}

/* super() as a vectorcall: the common zero-argument form without a tuple. */
static FtObject *super_vectorcall(FtObject *type, FtObject *const *args, size_t nargsf,
                                  FtObject *kwnames) {
    ssize_t n = ft_vectorcall_nargs(nargsf);
    if (type != (FtObject *)&ft_super_type || (kwnames && FT_SIZE(kwnames)) || n > 2) {
        FtObject *t = ft_tuple_from_array(args, n);
        if (!t)
            return NULL;
        FtObject *kw = kwnames && FT_SIZE(kwnames) ? ft_vectorcall_to_dict(args + n, kwnames) : NULL;
        FtObject *r = ft_type_type.tp_call(type, t, kw);
        FT_DECREF(t);
        FT_XDECREF(kw);
        return r;
    }
    FtSuper *su = (FtSuper *)gc_new(&ft_super_type);
    if (!su)
        return NULL;
    ft_gc_track((FtObject *)su);
    int r;
    if (n == 0) {
        FtType *t;
        FtObject *obj;
        r = ft_vm_super_args(&t, &obj);
        if (r == 0)
            r = super_init_impl(su, t, obj);
    } else {
        if (!ft_type_check(args[0])) {
            ft_err_format(ft_exc_TypeError, "super() argument 1 must be a type, not %s",
                          FT_TYPE(args[0])->tp_name);
            r = -1;
        } else {
            r = super_init_impl(su, (FtType *)args[0], n == 2 ? args[1] : NULL);
        }
    }
    if (r < 0) {
        FT_DECREF(su);
        return NULL;
    }
    return (FtObject *)su;
}

static FtObject *super_getattro(FtObject *self, FtObject *name) {
    FtSuper *su = (FtSuper *)self;
    FtType *start = su->obj_type;
    if (start == NULL)
        goto skip;
    /* __class__ is the super object's own class */
    if (ft_str_check(name) && ft_str_eq(name, FT_ID(__class__)))
        goto skip;
    FtObject *mro = start->tp_mro;
    if (!mro)
        goto skip;
    ssize_t n = FT_SIZE(mro), i;
    for (i = 0; i + 1 < n; i++)
        if ((FtObject *)su->type == FT_TUPLE_GET(mro, i))
            break;
    i++;
    if (i >= n)
        goto skip;
    FT_INCREF(mro);
    for (; i < n; i++) {
        FtType *t = (FtType *)FT_TUPLE_GET(mro, i);
        FtObject *res = t->tp_dict ? ft_dict_get_ref(t->tp_dict, name) : NULL;
        if (res) {
            FT_DECREF(mro);
            ft_descrgetfunc f = FT_TYPE(res)->tp_descr_get;
            if (f) {
                FtObject *r2 = f(res, su->obj == (FtObject *)start ? NULL : su->obj,
                                 (FtObject *)start);
                FT_DECREF(res);
                res = r2;
            }
            return res;
        }
        if (ft_err_occurred()) {
            FT_DECREF(mro);
            return NULL;
        }
    }
    FT_DECREF(mro);
skip:
    return ft_object_generic_getattr(self, name);
}

static FtObject *super_descr_get(FtObject *self, FtObject *obj, FtObject *type) {
    FtSuper *su = (FtSuper *)self;
    if (obj == NULL || obj == FT_NONE || su->obj != NULL)
        return FT_NEWREF(self);
    FtObject *args[2] = {(FtObject *)su->type, obj};
    return ft_object_vectorcall((FtObject *)FT_TYPE(self), args, 2, NULL);
}

static FtObject *super_repr(FtObject *self) {
    FtSuper *su = (FtSuper *)self;
    const char *tn = su->type ? su->type->tp_name : "NULL";
    if (su->obj_type)
        return ft_str_from_format("<super: <class '%s'>, <%s object>>", tn,
                                  su->obj_type->tp_name);
    return ft_str_from_format("<super: <class '%s'>, NULL>", tn);
}

static FtMemberDef super_members[] = {
    {"__thisclass__", FT_T_OBJECT, offsetof(FtSuper, type), FT_READONLY, NULL},
    {"__self__", FT_T_OBJECT, offsetof(FtSuper, obj), FT_READONLY, NULL},
    {"__self_class__", FT_T_OBJECT, offsetof(FtSuper, obj_type), FT_READONLY, NULL},
    {NULL},
};

FtType ft_super_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "super",
    .tp_basicsize = sizeof(FtSuper),
    .tp_dealloc = super_dealloc,
    .tp_repr = super_repr,
    .tp_getattro = super_getattro,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,
    .tp_traverse = super_traverse,
    .tp_members = super_members,
    .tp_descr_get = super_descr_get,
    .tp_init = super_init,
    .tp_new = super_new,
    .tp_vectorcall = NULL,
};

/* Called through type's vectorcall for exact super (see type.c). */
ft_vectorcallfunc ft_super_vectorcall = super_vectorcall;

/* ---- mappingproxy ------------------------------------------------------------------------- */

FtObject *ft_mappingproxy_new(FtObject *mapping) {
    FtMappingProxy *p = (FtMappingProxy *)gc_new(&ft_mappingproxy_type);
    if (!p)
        return NULL;
    p->mapping = FT_NEWREF(mapping);
    ft_gc_track((FtObject *)p);
    return (FtObject *)p;
}

static void mp_dealloc(FtObject *o) {
    ft_gc_untrack(o);
    FT_XDECREF(((FtMappingProxy *)o)->mapping);
    gc_dealloc_done(o);
}
static int mp_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    FtObject *m = ((FtMappingProxy *)o)->mapping;
    return m ? visit(m, arg) : 0;
}
static FtObject *mp_getitem(FtObject *o, FtObject *k) {
    return ft_object_getitem(((FtMappingProxy *)o)->mapping, k);
}
static ssize_t mp_len(FtObject *o) { return ft_object_length(((FtMappingProxy *)o)->mapping); }
static int mp_contains(FtObject *o, FtObject *k) {
    FtObject *m = ((FtMappingProxy *)o)->mapping;
    if (ft_dict_check_exact(m))
        return ft_dict_contains(m, k);
    return ft_sequence_contains(m, k);
}
static FtObject *mp_iter(FtObject *o) { return ft_object_getiter(((FtMappingProxy *)o)->mapping); }
static FtObject *mp_repr(FtObject *o) {
    return ft_str_from_format("mappingproxy(%R)", ((FtMappingProxy *)o)->mapping);
}
static FtObject *mp_str(FtObject *o) { return ft_object_str(((FtMappingProxy *)o)->mapping); }
static FtObject *mp_richcompare(FtObject *a, FtObject *b, int op) {
    return ft_object_richcompare(((FtMappingProxy *)a)->mapping, b, op);
}
static FtObject *mp_forward(FtObject *o, const char *name, FtObject *const *args, ssize_t n) {
    return ft_object_call_method_cstr(((FtMappingProxy *)o)->mapping, name, args, n);
}
static FtObject *mp_keys(FtObject *o, FtObject *u) { return mp_forward(o, "keys", NULL, 0); }
static FtObject *mp_values(FtObject *o, FtObject *u) { return mp_forward(o, "values", NULL, 0); }
static FtObject *mp_items(FtObject *o, FtObject *u) { return mp_forward(o, "items", NULL, 0); }
static FtObject *mp_copy(FtObject *o, FtObject *u) { return mp_forward(o, "copy", NULL, 0); }
static FtObject *mp_get(FtObject *o, FtObject *const *args, ssize_t n) {
    if (ft_check_nargs("get", n, 1, 2) < 0)
        return NULL;
    return mp_forward(o, "get", args, n);
}
static FtObject *mp_new(FtType *type, FtObject *args, FtObject *kwargs) {
    if (kwargs && ft_dict_size(kwargs)) {
        ft_err_set_string(ft_exc_TypeError, "mappingproxy() takes no keyword arguments");
        return NULL;
    }
    if (FT_SIZE(args) != 1) {
        ft_err_format(ft_exc_TypeError, "mappingproxy() takes exactly one argument (%zd given)", FT_SIZE(args));
        return NULL;
    }
    FtObject *m = FT_TUPLE_GET(args, 0);
    FtType *t = FT_TYPE(m);
    if (!t->tp_as_mapping || !t->tp_as_mapping->mp_subscript || ft_list_check(m) ||
        ft_tuple_check(m)) {
        ft_err_format(ft_exc_TypeError, "mappingproxy() argument must be a mapping, not %s",
                      t->tp_name);
        return NULL;
    }
    return ft_mappingproxy_new(m);
}

static FtMappingMethods mp_as_mapping = {mp_len, mp_getitem, NULL};
static FtSequenceMethods mp_as_sequence = {.sq_contains = mp_contains};
static FtMethodDef mp_methods[] = {
    {"keys", (void *)mp_keys, FT_METH_NOARGS, NULL},
    {"values", (void *)mp_values, FT_METH_NOARGS, NULL},
    {"items", (void *)mp_items, FT_METH_NOARGS, NULL},
    {"copy", (void *)mp_copy, FT_METH_NOARGS, NULL},
    {"get", (void *)mp_get, FT_METH_FASTCALL, NULL},
    {NULL},
};

FtType ft_mappingproxy_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "mappingproxy",
    .tp_basicsize = sizeof(FtMappingProxy),
    .tp_dealloc = mp_dealloc,
    .tp_repr = mp_repr,
    .tp_as_sequence = &mp_as_sequence,
    .tp_as_mapping = &mp_as_mapping,
    .tp_str = mp_str,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = mp_traverse,
    .tp_richcompare = mp_richcompare,
    .tp_iter = mp_iter,
    .tp_methods = mp_methods,
    .tp_new = mp_new,
};
