/* Functions (`function`), bound methods (`method`) and cells (`cell`).
 *
 * A function binds to an instance as a method through tp_descr_get; the eval loop avoids
 * making the bound method at all for obj.f() calls (LOAD_METHOD, FT_TPFLAGS_METHOD_DESCRIPTOR).
 * Calling a function is ft_function_vectorcall (core/vm/eval.c). */
#include "core/object.h"
#include "runtime/tstate.h"
#include <stddef.h>

/* ---- function ------------------------------------------------------------------------- */

static FtObject *builtins_from_globals(FtObject *globals)
{
    /* A new reference: another thread may rebind the module's __builtins__ meanwhile. */
    FtObject *b = ft_dict_get_ref(globals, FT_ID(__builtins__));
    if (b) {
        FtObject *d = ft_module_check(b) ? ft_module_get_dict(b) : b;
        if (ft_dict_check(d)) {
            FT_INCREF(d);
            FT_DECREF(b);
            return d;
        }
        FT_DECREF(b);
    }
    if (ft_err_occurred())
        ft_err_clear();
    b = ft_vm_builtins();
    if (b == NULL)
        b = ft_runtime.builtins_dict;
    if (b == NULL)
        b = globals;   /* only during start-up */
    return FT_NEWREF(b);
}

FtObject *ft_function_new(FtObject *code, FtObject *globals)
{
    FtCode *co = (FtCode *)code;
    FtFunction *f = (FtFunction *)ft_gc_alloc(&ft_function_type);
    if (f == NULL)
        return NULL;
    f->code = FT_NEWREF(code);
    f->globals = FT_NEWREF(globals);
    f->builtins = builtins_from_globals(globals);
    f->name = FT_NEWREF(co->name);
    f->qualname = FT_NEWREF(co->qualname);
    FtObject *doc = FT_NONE;
    if (FT_SIZE(co->consts) > 0 && ft_str_check(FT_TUPLE_GET(co->consts, 0)))
        doc = FT_TUPLE_GET(co->consts, 0);
    f->doc = FT_NEWREF(doc);
    FtObject *module = ft_dict_get_ref(globals, FT_ID(__name__));
    if (module == NULL && ft_err_occurred())
        ft_err_clear();
    f->module = module;
    f->vectorcall = ft_function_vectorcall;
    ft_gc_track((FtObject *)f);
    return (FtObject *)f;
}

static void func_dealloc(FtObject *o)
{
    FtFunction *f = (FtFunction *)o;
    ft_gc_untrack(o);
    FT_CLEAR(f->code);
    FT_CLEAR(f->globals);
    FT_CLEAR(f->builtins);
    FT_CLEAR(f->name);
    FT_CLEAR(f->qualname);
    FT_CLEAR(f->defaults);
    FT_CLEAR(f->kwdefaults);
    FT_CLEAR(f->closure);
    FT_CLEAR(f->doc);
    FT_CLEAR(f->dict);
    FT_CLEAR(f->module);
    FT_CLEAR(f->annotations);
    ft_gc_free(o);
}

static int func_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FtFunction *f = (FtFunction *)o;
    FtObject *refs[] = { f->code, f->globals, f->builtins, f->name, f->qualname, f->defaults,
                         f->kwdefaults, f->closure, f->doc, f->dict, f->module, f->annotations };
    for (size_t i = 0; i < FT_ARRAY_LEN(refs); i++)
        if (refs[i] && visit(refs[i], arg))
            return -1;
    return 0;
}

static int func_clear(FtObject *o)
{
    FtFunction *f = (FtFunction *)o;
    FT_CLEAR(f->globals);
    FT_CLEAR(f->builtins);
    FT_CLEAR(f->defaults);
    FT_CLEAR(f->kwdefaults);
    FT_CLEAR(f->closure);
    FT_CLEAR(f->doc);
    FT_CLEAR(f->dict);
    FT_CLEAR(f->module);
    FT_CLEAR(f->annotations);
    return 0;
}

static FtObject *func_repr(FtObject *o)
{
    return ft_str_from_format("<function %U at %p>", ((FtFunction *)o)->qualname, o);
}

/* tp_call: (tuple, dict) to the vectorcall convention. */
static FtObject *call_via_vectorcall(FtObject *callable, ft_vectorcallfunc vc, FtObject *args,
                                     FtObject *kwargs)
{
    ssize_t nargs = FT_SIZE(args);
    ssize_t nkw = kwargs ? ft_dict_size(kwargs) : 0;
    if (nkw == 0)
        return vc(callable, FT_TUPLE_ITEMS(args), (size_t)nargs, NULL);
    FtObject *small[16];
    FtObject **stack = small;
    if (nargs + nkw > (ssize_t)FT_ARRAY_LEN(small)) {
        stack = ft_mem_alloc(sizeof(FtObject *) * (nargs + nkw));
        if (stack == NULL)
            return NULL;
    }
    FtObject *kwnames = ft_tuple_new(nkw);
    if (kwnames == NULL) {
        if (stack != small)
            ft_mem_free(stack);
        return NULL;
    }
    for (ssize_t i = 0; i < nargs; i++)
        stack[i] = FT_TUPLE_GET(args, i);
    ssize_t pos = 0, i = 0;
    FtObject *k, *v;
    while (ft_dict_next(kwargs, &pos, &k, &v) && i < nkw) {
        FT_TUPLE_SET(kwnames, i, FT_NEWREF(k));
        stack[nargs + i] = v;
        i++;
    }
    /* Hold the values: the dict could be mutated by the callee. */
    for (ssize_t j = 0; j < nkw; j++)
        FT_INCREF(stack[nargs + j]);
    FtObject *res = vc(callable, stack, (size_t)nargs, kwnames);
    for (ssize_t j = 0; j < nkw; j++)
        FT_DECREF(stack[nargs + j]);
    FT_DECREF(kwnames);
    if (stack != small)
        ft_mem_free(stack);
    return res;
}

static FtObject *func_call(FtObject *o, FtObject *args, FtObject *kwargs)
{
    return call_via_vectorcall(o, ft_function_vectorcall, args, kwargs);
}

static FtObject *func_descr_get(FtObject *func, FtObject *obj, FtObject *type)
{
    if (obj == NULL || obj == FT_NONE)
        return FT_NEWREF(func);
    return ft_method_new(func, obj);
}

#define F(o) ((FtFunction *)(o))

static FtObject *func_get_name(FtObject *o, void *c) { return FT_NEWREF(F(o)->name); }
static int func_set_name(FtObject *o, FtObject *v, void *c)
{
    if (v == NULL || !ft_str_check(v)) {
        ft_err_set_string(ft_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    FT_SETREF(F(o)->name, FT_NEWREF(v));
    return 0;
}
static FtObject *func_get_qualname(FtObject *o, void *c) { return FT_NEWREF(F(o)->qualname); }
static int func_set_qualname(FtObject *o, FtObject *v, void *c)
{
    if (v == NULL || !ft_str_check(v)) {
        ft_err_set_string(ft_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    FT_SETREF(F(o)->qualname, FT_NEWREF(v));
    return 0;
}
static FtObject *func_get_code(FtObject *o, void *c) { return FT_NEWREF(F(o)->code); }
static int func_set_code(FtObject *o, FtObject *v, void *c)
{
    if (v == NULL || !ft_code_check(v)) {
        ft_err_set_string(ft_exc_TypeError, "__code__ must be set to a code object");
        return -1;
    }
    int nclosure = F(o)->closure ? (int)FT_SIZE(F(o)->closure) : 0;
    if (((FtCode *)v)->nfrees != nclosure) {
        ft_err_format(ft_exc_ValueError,
                      "%U() requires a code object with %d free vars, not %d", F(o)->name,
                      nclosure, ((FtCode *)v)->nfrees);
        return -1;
    }
    FT_SETREF(F(o)->code, FT_NEWREF(v));
    return 0;
}
static FtObject *func_get_defaults(FtObject *o, void *c)
{
    return FT_NEWREF(F(o)->defaults ? F(o)->defaults : FT_NONE);
}
static int func_set_defaults(FtObject *o, FtObject *v, void *c)
{
    if (v == FT_NONE)
        v = NULL;
    if (v && !ft_tuple_check(v)) {
        ft_err_set_string(ft_exc_TypeError, "__defaults__ must be set to a tuple object");
        return -1;
    }
    FT_XSETREF(F(o)->defaults, FT_XNEWREF(v));
    return 0;
}
static FtObject *func_get_kwdefaults(FtObject *o, void *c)
{
    return FT_NEWREF(F(o)->kwdefaults ? F(o)->kwdefaults : FT_NONE);
}
static int func_set_kwdefaults(FtObject *o, FtObject *v, void *c)
{
    if (v == FT_NONE)
        v = NULL;
    if (v && !ft_dict_check(v)) {
        ft_err_set_string(ft_exc_TypeError, "__kwdefaults__ must be set to a dict object");
        return -1;
    }
    FT_XSETREF(F(o)->kwdefaults, FT_XNEWREF(v));
    return 0;
}
static FtObject *func_get_annotations(FtObject *o, void *c)
{
    if (F(o)->annotations == NULL) {
        F(o)->annotations = ft_dict_new();
        if (F(o)->annotations == NULL)
            return NULL;
    }
    return FT_NEWREF(F(o)->annotations);
}
static int func_set_annotations(FtObject *o, FtObject *v, void *c)
{
    if (v == FT_NONE)
        v = NULL;
    if (v && !ft_dict_check(v)) {
        ft_err_set_string(ft_exc_TypeError, "__annotations__ must be set to a dict object");
        return -1;
    }
    FT_XSETREF(F(o)->annotations, FT_XNEWREF(v));
    return 0;
}
static FtObject *func_get_doc(FtObject *o, void *c)
{
    return FT_NEWREF(F(o)->doc ? F(o)->doc : FT_NONE);
}
static int func_set_doc(FtObject *o, FtObject *v, void *c)
{
    FT_XSETREF(F(o)->doc, FT_NEWREF(v ? v : FT_NONE));
    return 0;
}
static FtObject *func_get_module(FtObject *o, void *c)
{
    return FT_NEWREF(F(o)->module ? F(o)->module : FT_NONE);
}
static int func_set_module(FtObject *o, FtObject *v, void *c)
{
    FT_XSETREF(F(o)->module, FT_XNEWREF(v));
    return 0;
}
static FtObject *func_get_globals(FtObject *o, void *c) { return FT_NEWREF(F(o)->globals); }
static FtObject *func_get_builtins(FtObject *o, void *c) { return FT_NEWREF(F(o)->builtins); }
static FtObject *func_get_closure(FtObject *o, void *c)
{
    return FT_NEWREF(F(o)->closure ? F(o)->closure : FT_NONE);
}

static FtGetSetDef func_getset[] = {
    {"__name__", func_get_name, func_set_name, NULL, NULL},
    {"__qualname__", func_get_qualname, func_set_qualname, NULL, NULL},
    {"__code__", func_get_code, func_set_code, NULL, NULL},
    {"__defaults__", func_get_defaults, func_set_defaults, NULL, NULL},
    {"__kwdefaults__", func_get_kwdefaults, func_set_kwdefaults, NULL, NULL},
    {"__annotations__", func_get_annotations, func_set_annotations, NULL, NULL},
    {"__doc__", func_get_doc, func_set_doc, NULL, NULL},
    {"__module__", func_get_module, func_set_module, NULL, NULL},
    {"__globals__", func_get_globals, NULL, NULL, NULL},
    {"__builtins__", func_get_builtins, NULL, NULL, NULL},
    {"__closure__", func_get_closure, NULL, NULL, NULL},
    {"__dict__", ft_object_generic_get_dict, ft_object_generic_set_dict, NULL, NULL},
    {NULL},
};

FtType ft_function_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "function",
    .tp_basicsize = sizeof(FtFunction),
    .tp_dealloc = func_dealloc,
    .tp_repr = func_repr,
    .tp_call = func_call,
    .tp_vectorcall = ft_function_vectorcall,
    .tp_getattro = ft_object_generic_getattr,
    .tp_setattro = ft_object_generic_setattr,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_METHOD_DESCRIPTOR,
    .tp_traverse = func_traverse,
    .tp_clear = func_clear,
    .tp_weaklistoffset = offsetof(FtFunction, weakreflist),
    .tp_getset = func_getset,
    .tp_descr_get = func_descr_get,
    .tp_dictoffset = offsetof(FtFunction, dict),
};

/* ---- bound method ---------------------------------------------------------------------- */

FtObject *ft_method_new(FtObject *func, FtObject *self)
{
    FtMethod *m = (FtMethod *)ft_gc_alloc(&ft_method_type);
    if (m == NULL)
        return NULL;
    m->func = FT_NEWREF(func);
    m->self = FT_NEWREF(self);
    ft_gc_track((FtObject *)m);
    return (FtObject *)m;
}

static void method_dealloc(FtObject *o)
{
    FtMethod *m = (FtMethod *)o;
    ft_gc_untrack(o);
    FT_CLEAR(m->func);
    FT_CLEAR(m->self);
    ft_gc_free(o);
}

static int method_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FtMethod *m = (FtMethod *)o;
    if (m->func && visit(m->func, arg))
        return -1;
    if (m->self && visit(m->self, arg))
        return -1;
    return 0;
}

static int method_clear(FtObject *o)
{
    FtMethod *m = (FtMethod *)o;
    FT_CLEAR(m->func);
    FT_CLEAR(m->self);
    return 0;
}

static FtObject *method_vectorcall(FtObject *callable, FtObject *const *args, size_t nargsf,
                                   FtObject *kwnames)
{
    FtMethod *m = (FtMethod *)callable;
    ssize_t nargs = ft_vectorcall_nargs(nargsf);
    ssize_t nkw = kwnames ? FT_SIZE(kwnames) : 0;
    FtObject *func = m->func, *self = m->self;
    if (nargsf & FT_VECTORCALL_ARGUMENTS_OFFSET) {
        /* The caller lets us borrow args[-1]: prepend self without copying. */
        FtObject **newargs = (FtObject **)args - 1;
        FtObject *saved = newargs[0];
        newargs[0] = self;
        FtObject *res = ft_object_vectorcall(func, newargs, (size_t)(nargs + 1), kwnames);
        newargs[0] = saved;
        return res;
    }
    ssize_t total = nargs + nkw;
    FtObject *small[9];
    FtObject **stack = small;
    if (total + 1 > (ssize_t)FT_ARRAY_LEN(small)) {
        stack = ft_mem_alloc(sizeof(FtObject *) * (total + 1));
        if (stack == NULL)
            return NULL;
    }
    stack[0] = self;
    for (ssize_t i = 0; i < total; i++)
        stack[i + 1] = args[i];
    FtObject *res = ft_object_vectorcall(func, stack, (size_t)(nargs + 1), kwnames);
    if (stack != small)
        ft_mem_free(stack);
    return res;
}

static FtObject *method_call(FtObject *o, FtObject *args, FtObject *kwargs)
{
    return call_via_vectorcall(o, method_vectorcall, args, kwargs);
}

static FtObject *method_repr(FtObject *o)
{
    FtMethod *m = (FtMethod *)o;
    FtObject *name = NULL;
    if (ft_object_lookup_attr(m->func, FT_ID(__qualname__), &name) < 0)
        return NULL;
    if (name == NULL && ft_object_lookup_attr(m->func, FT_ID(__name__), &name) < 0)
        return NULL;
    if (name && !ft_str_check(name))
        FT_CLEAR(name);
    FtObject *res = ft_str_from_format("<bound method %V of %R>", name, "?", m->self);
    FT_XDECREF(name);
    return res;
}

static FtObject *method_richcompare(FtObject *a, FtObject *b, int op)
{
    if ((op != FT_EQ && op != FT_NE) || !ft_method_check(a) || !ft_method_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    FtMethod *x = (FtMethod *)a, *y = (FtMethod *)b;
    int eq = x->self == y->self;
    if (eq) {
        eq = ft_object_richcompare_bool(x->func, y->func, FT_EQ);
        if (eq < 0)
            return NULL;
    }
    return ft_bool_from(op == FT_EQ ? eq : !eq);
}

static ft_hash_t method_hash(FtObject *o)
{
    FtMethod *m = (FtMethod *)o;
    ft_hash_t x = ft_object_hash_pointer(m->self);
    ft_hash_t y = ft_object_hash(m->func);
    if (y == -1)
        return -1;
    x ^= y;
    return x == -1 ? -2 : x;
}

static FtObject *method_getattro(FtObject *o, FtObject *name)
{
    /* Attributes of the method type itself first (__func__, __self__, __class__...),
     * then those of the function. */
    FtType *tp = FT_TYPE(o);
    FtObject *descr = ft_type_lookup(tp, name);
    if (descr) {
        ft_descrgetfunc get = FT_TYPE(descr)->tp_descr_get;
        if (get)
            return get(descr, o, (FtObject *)tp);
        return FT_NEWREF(descr);
    }
    return ft_object_getattr(((FtMethod *)o)->func, name);
}

static FtObject *method_descr_get(FtObject *meth, FtObject *obj, FtObject *type)
{
    return FT_NEWREF(meth);
}

static FtObject *method_get_doc(FtObject *o, void *c)
{
    return ft_object_getattr(((FtMethod *)o)->func, FT_ID(__doc__));
}

static FtObject *method_reduce(FtObject *o, FtObject *unused)
{
    FtMethod *m = (FtMethod *)o;
    FtObject *getattr = ft_dict_get_ref_cstr(ft_runtime.builtins_dict, "getattr");
    FtObject *name = ft_object_getattr(m->func, FT_ID(__name__));
    if (name == NULL || getattr == NULL) {
        FT_XDECREF(name);
        FT_XDECREF(getattr);
        return NULL;
    }
    FtObject *res = ft_str_check(name) ? ft_tuple_pack(2, getattr,
                                                       ft_tuple_pack(2, m->self, name))
                                       : NULL;
    /* ft_tuple_pack increfs: release the inner tuple's extra reference. */
    if (res)
        FT_DECREF(FT_TUPLE_GET(res, 1));
    FT_DECREF(name);
    FT_DECREF(getattr);
    return res;
}

static FtMemberDef method_members[] = {
    {"__func__", FT_T_OBJECT, offsetof(FtMethod, func), FT_READONLY, NULL},
    {"__self__", FT_T_OBJECT, offsetof(FtMethod, self), FT_READONLY, NULL},
    {NULL},
};

static FtGetSetDef method_getset[] = {
    {"__doc__", method_get_doc, NULL, NULL, NULL},
    {NULL},
};

static FtMethodDef method_methods[] = {
    {"__reduce__", (void *)method_reduce, FT_METH_NOARGS, NULL},
    {NULL},
};

FtType ft_method_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "method",
    .tp_basicsize = sizeof(FtMethod),
    .tp_dealloc = method_dealloc,
    .tp_repr = method_repr,
    .tp_hash = method_hash,
    .tp_call = method_call,
    .tp_vectorcall = method_vectorcall,
    .tp_getattro = method_getattro,
    .tp_setattro = ft_object_generic_setattr,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = method_traverse,
    .tp_clear = method_clear,
    .tp_richcompare = method_richcompare,
    .tp_weaklistoffset = offsetof(FtMethod, weakreflist),
    .tp_members = method_members,
    .tp_getset = method_getset,
    .tp_methods = method_methods,
    .tp_descr_get = method_descr_get,
};

/* ---- cell ------------------------------------------------------------------------------- */

FtObject *ft_cell_new(FtObject *value)
{
    FtCell *c = (FtCell *)ft_gc_alloc(&ft_cell_type);
    if (c == NULL)
        return NULL;
    c->ref = FT_XNEWREF(value);
    ft_gc_track((FtObject *)c);
    return (FtObject *)c;
}

static void cell_dealloc(FtObject *o)
{
    ft_gc_untrack(o);
    FT_CLEAR(((FtCell *)o)->ref);
    ft_gc_free(o);
}

static int cell_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FtObject *r = ((FtCell *)o)->ref;
    return r ? visit(r, arg) : 0;
}

static int cell_clear(FtObject *o)
{
    FT_CLEAR(((FtCell *)o)->ref);
    return 0;
}

static FtObject *cell_repr(FtObject *o)
{
    FtObject *r = ((FtCell *)o)->ref;
    if (r == NULL)
        return ft_str_from_format("<cell at %p: empty>", o);
    return ft_str_from_format("<cell at %p: %s object at %p>", o, FT_TYPE(r)->tp_name, r);
}

static FtObject *cell_richcompare(FtObject *a, FtObject *b, int op)
{
    if (!ft_cell_check(a) || !ft_cell_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    FtObject *x = ((FtCell *)a)->ref, *y = ((FtCell *)b)->ref;
    if (x && y)
        return ft_object_richcompare(x, y, op);
    /* An empty cell sorts before a full one. */
    int c = (x != NULL) - (y != NULL);
    int r;
    switch (op) {
    case FT_LT: r = c < 0; break;
    case FT_LE: r = c <= 0; break;
    case FT_EQ: r = c == 0; break;
    case FT_NE: r = c != 0; break;
    case FT_GT: r = c > 0; break;
    default: r = c >= 0; break;
    }
    return ft_bool_from(r);
}

static FtObject *cell_get_contents(FtObject *o, void *c)
{
    FtObject *r = ((FtCell *)o)->ref;
    if (r == NULL) {
        ft_err_set_string(ft_exc_ValueError, "Cell is empty");
        return NULL;
    }
    return FT_NEWREF(r);
}

static int cell_set_contents(FtObject *o, FtObject *v, void *c)
{
    FT_XSETREF(((FtCell *)o)->ref, FT_XNEWREF(v));
    return 0;
}

static FtObject *cell_new(FtType *type, FtObject *args, FtObject *kwargs)
{
    ssize_t n = FT_SIZE(args);
    if (kwargs && ft_dict_size(kwargs)) {
        ft_err_set_string(ft_exc_TypeError, "cell() takes no keyword arguments");
        return NULL;
    }
    if (n > 1) {
        ft_err_format(ft_exc_TypeError, "cell expected at most 1 argument, got %zd", n);
        return NULL;
    }
    return ft_cell_new(n ? FT_TUPLE_GET(args, 0) : NULL);
}

static FtGetSetDef cell_getset[] = {
    {"cell_contents", cell_get_contents, cell_set_contents, NULL, NULL},
    {NULL},
};

FtType ft_cell_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "cell",
    .tp_basicsize = sizeof(FtCell),
    .tp_dealloc = cell_dealloc,
    .tp_repr = cell_repr,
    .tp_getattro = ft_object_generic_getattr,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = cell_traverse,
    .tp_clear = cell_clear,
    .tp_richcompare = cell_richcompare,
    .tp_getset = cell_getset,
    .tp_new = cell_new,
};
