/* The sys module (ft_sys_module_def): interpreter parameters and hooks, the standard streams,
 * version information, recursion limit and switch interval; also the struct-sequence types
 * (sys.version_info, sys.flags, sys.float_info, time.struct_time) and the namespace type of
 * sys.implementation. */
#include "runtime/modules/sysmod.h"
#include "runtime/import.h"
#include "runtime/modules/stdio.h"
#include "runtime/tstate.h"
#include <float.h>
#include <stdint.h>
#include <string.h>

/* ---- struct sequences ------------------------------------------------------------------ */

/* A tuple subclass: ob_size counts the visible fields; the hidden ones follow them in the
 * item array, so tuple operations (len, index, compare, hash) see only the visible ones. */
typedef struct StructSeqType {
    FtType type;
    int n_fields, n_visible, instantiable;
    const char *const *fields;
} StructSeqType;

#define SST(t) ((StructSeqType *)(t))

static FtObject *structseq_get(FtObject *self, void *closure) {
    FtObject *v = FT_TUPLE_ITEMS(self)[(intptr_t)closure];
    return FT_NEWREF(v ? v : FT_NONE);
}

static void structseq_dealloc(FtObject *self) {
    ft_gc_untrack(self);
    int n = SST(FT_TYPE(self))->n_fields;
    for (int i = 0; i < n; i++)
        FT_XDECREF(FT_TUPLE_ITEMS(self)[i]);
    FT_TYPE(self)->tp_free(self);
}

static int structseq_traverse(FtObject *self, ft_visitproc visit, void *arg) {
    int n = SST(FT_TYPE(self))->n_fields;
    for (int i = 0; i < n; i++) {
        FtObject *v = FT_TUPLE_ITEMS(self)[i];
        if (v != NULL) {
            int r = visit(v, arg);
            if (r)
                return r;
        }
    }
    return 0;
}

static FtObject *structseq_repr(FtObject *self) {
    FtType *t = FT_TYPE(self);
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (ft_sb_append_cstr(&sb, t->tp_name) < 0 || ft_sb_append_char(&sb, '(') < 0)
        goto error;
    for (ssize_t i = 0; i < FT_SIZE(self); i++) {
        if (i > 0 && ft_sb_append_cstr(&sb, ", ") < 0)
            goto error;
        if (ft_sb_append_cstr(&sb, SST(t)->fields[i]) < 0 || ft_sb_append_char(&sb, '=') < 0 ||
            ft_sb_append_repr(&sb, FT_TUPLE_GET(self, i)) < 0)
            goto error;
    }
    if (ft_sb_append_char(&sb, ')') < 0)
        goto error;
    return ft_sb_finish(&sb);
error:
    ft_sb_discard(&sb);
    return NULL;
}

FtObject *ft_sys_structseq_new(FtType *type, FtObject **values) {
    int n = SST(type)->n_fields;
    FtObject *o = ft_type_generic_alloc(type, n);
    if (o == NULL) {
        for (int i = 0; i < n; i++)
            FT_XDECREF(values[i]);
        return NULL;
    }
    for (int i = 0; i < n; i++)
        FT_TUPLE_ITEMS(o)[i] = values[i] ? values[i] : FT_NEWREF(FT_NONE);
    FT_SIZE(o) = SST(type)->n_visible;
    if (!ft_gc_is_tracked(o))
        ft_gc_track(o);
    return o;
}

static FtObject *structseq_tp_new(FtType *type, FtObject *args, FtObject *kwds) {
    if (!SST(type)->instantiable)
        return ft_err_format(ft_exc_TypeError, "cannot create '%s' instances", type->tp_name);
    if (FT_SIZE(args) != 1)
        return ft_err_format(ft_exc_TypeError, "%s() takes exactly 1 argument (%zd given)",
                             type->tp_name, FT_SIZE(args));
    FtObject *seq = ft_sequence_tuple(FT_TUPLE_GET(args, 0));
    if (seq == NULL) {
        if (ft_err_matches(ft_exc_TypeError)) {
            ft_err_clear();
            ft_err_set_string(ft_exc_TypeError, "constructor requires a sequence");
        }
        return NULL;
    }
    int nf = SST(type)->n_fields, nv = SST(type)->n_visible;
    ssize_t len = FT_SIZE(seq);
    if (len < nv || len > nf) {
        if (nv == nf)
            ft_err_format(ft_exc_TypeError, "%s() takes a %d-sequence (%zd-sequence given)",
                          type->tp_name, nv, len);
        else if (len < nv)
            ft_err_format(ft_exc_TypeError, "%s() takes an at least %d-sequence (%zd-sequence "
                          "given)", type->tp_name, nv, len);
        else
            ft_err_format(ft_exc_TypeError, "%s() takes an at most %d-sequence (%zd-sequence "
                          "given)", type->tp_name, nf, len);
        FT_DECREF(seq);
        return NULL;
    }
    FtObject *vals[32] = {NULL};
    for (ssize_t i = 0; i < len && i < 32; i++)
        vals[i] = FT_NEWREF(FT_TUPLE_GET(seq, i));
    FT_DECREF(seq);
    return ft_sys_structseq_new(type, vals);
}

FtType *ft_sys_structseq_type(const char *name, const char *const *fields, int n_fields,
                              int n_visible, int instantiable) {
    StructSeqType *st = ft_mem_calloc(1, sizeof(StructSeqType));
    FtGetSetDef *gs = ft_mem_calloc((size_t)n_fields + 1, sizeof(FtGetSetDef));
    if (st == NULL || gs == NULL) {
        ft_mem_free(st);
        ft_mem_free(gs);
        return NULL;
    }
    for (int i = 0; i < n_fields; i++) {
        gs[i].name = fields[i];
        gs[i].get = structseq_get;
        gs[i].closure = (void *)(intptr_t)i;
    }
    FtType *t = &st->type;
    lk_refcnt_init(&t->ob_base.ob_base.ob_rc);
    t->ob_base.ob_base.ob_type = &ft_type_type;
    t->tp_name = name;
    t->tp_basicsize = ft_tuple_type.tp_basicsize;
    t->tp_itemsize = sizeof(FtObject *);
    t->tp_dealloc = structseq_dealloc;
    t->tp_repr = structseq_repr;
    t->tp_flags = FT_TPFLAGS_HAVE_GC;
    t->tp_traverse = structseq_traverse;
    t->tp_getset = gs;
    t->tp_base = &ft_tuple_type;
    t->tp_new = structseq_tp_new;
    st->n_fields = n_fields;
    st->n_visible = n_visible;
    st->instantiable = instantiable;
    st->fields = fields;
    if (ft_type_ready(t) < 0)
        return NULL;
    FT_MAKE_IMMORTAL(t);
    FtObject *v;
    if ((v = ft_int_from_i64(n_fields)) == NULL || ft_dict_set_cstr(t->tp_dict, "n_fields", v) < 0)
        return NULL;
    FT_DECREF(v);
    if ((v = ft_int_from_i64(n_visible)) == NULL ||
        ft_dict_set_cstr(t->tp_dict, "n_sequence_fields", v) < 0)
        return NULL;
    FT_DECREF(v);
    if ((v = ft_int_from_i64(0)) == NULL ||
        ft_dict_set_cstr(t->tp_dict, "n_unnamed_fields", v) < 0)
        return NULL;
    FT_DECREF(v);
    return t;
}

/* ---- the namespace type (sys.implementation) ------------------------------------------- */

typedef struct Namespace {
    FtObject ob_base;
    FtObject *dict;
} Namespace;

static void namespace_dealloc(FtObject *self) {
    ft_gc_untrack(self);
    FT_CLEAR(((Namespace *)self)->dict);
    FT_TYPE(self)->tp_free(self);
}
static int namespace_traverse(FtObject *self, ft_visitproc visit, void *arg) {
    FtObject *d = ((Namespace *)self)->dict;
    return d ? visit(d, arg) : 0;
}
static int namespace_clear(FtObject *self) {
    FT_CLEAR(((Namespace *)self)->dict);
    return 0;
}
static FtObject *namespace_repr(FtObject *self) {
    FtObject *d = ((Namespace *)self)->dict;
    FtStrBuilder sb;
    ft_sb_init(&sb);
    ft_sb_append_cstr(&sb, "namespace(");
    ssize_t pos = 0;
    FtObject *k, *v;
    int first = 1;
    while (d && ft_dict_next(d, &pos, &k, &v)) {
        if (!first)
            ft_sb_append_cstr(&sb, ", ");
        first = 0;
        if (ft_sb_append_str(&sb, k) < 0 || ft_sb_append_char(&sb, '=') < 0 ||
            ft_sb_append_repr(&sb, v) < 0) {
            ft_sb_discard(&sb);
            return NULL;
        }
    }
    ft_sb_append_char(&sb, ')');
    return ft_sb_finish(&sb);
}

static FtType namespace_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "types.SimpleNamespace",
    .tp_basicsize = sizeof(Namespace),
    .tp_dealloc = namespace_dealloc,
    .tp_repr = namespace_repr,
    .tp_getattro = ft_object_generic_getattr,
    .tp_setattro = ft_object_generic_setattr,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = namespace_traverse,
    .tp_clear = namespace_clear,
    .tp_dictoffset = offsetof(Namespace, dict),
};

static FtObject *namespace_new(void) {
    if (!(namespace_type.tp_flags & FT_TPFLAGS_READY) && ft_type_ready(&namespace_type) < 0)
        return NULL;
    FtObject *o = ft_type_generic_alloc(&namespace_type, 0);
    if (o == NULL)
        return NULL;
    ((Namespace *)o)->dict = ft_dict_new();
    if (((Namespace *)o)->dict == NULL) {
        FT_DECREF(o);
        return NULL;
    }
    if (!ft_gc_is_tracked(o))
        ft_gc_track(o);
    return o;
}

/* ---- functions --------------------------------------------------------------------------- */

static FtObject *handled_exception(void) {
    FtThreadState *ts = ft_tstate_get();
    for (FtExcInfo *ei = ts->exc_info; ei != NULL; ei = ei->previous) {
        if (ei->exc_value != NULL && ei->exc_value != FT_NONE)
            return ei->exc_value;
    }
    return NULL;
}

static FtObject *sys_exit(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("exit", nargs, 0, 1) < 0)
        return NULL;
    ft_err_set_object(ft_exc_SystemExit, nargs ? args[0] : NULL);
    return NULL;
}

static FtObject *sys_getrecursionlimit(FtObject *self, FtObject *unused) {
    return ft_int_from_i64(ft_runtime.recursion_limit);
}

static int int_arg(FtObject *o, int64_t *out) {
    if (ft_float_check(o)) {
        ft_err_set_string(ft_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    FtObject *i = ft_number_index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    *out = ft_int_as_i64(i, &overflow);
    FT_DECREF(i);
    if (overflow || *out > INT32_MAX || *out < INT32_MIN) {
        ft_err_set_string(ft_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    return 0;
}

static FtObject *sys_setrecursionlimit(FtObject *self, FtObject *arg) {
    int64_t v;
    if (int_arg(arg, &v) < 0)
        return NULL;
    if (v < 1) {
        ft_err_set_string(ft_exc_ValueError, "recursion limit must be greater or equal than 1");
        return NULL;
    }
    int depth = ft_tstate_get()->recursion_depth;
    if (depth >= v)
        return ft_err_format(ft_exc_RecursionError, "cannot set the recursion limit to %d at "
                             "the recursion depth %d: the limit is too low", (int)v, depth);
    ft_runtime.recursion_limit = (int)v;
    FT_RETURN_NONE;
}

static FtObject *sys_getrefcount(FtObject *self, FtObject *arg) {
    /* The argument's own reference (held by the caller's stack) is part of the count, as in
     * CPython: sys.getrefcount([]) == 1. */
    return ft_int_from_i64((int64_t)FT_REFCNT(arg));
}

static FtObject *sys_getsizeof(FtObject *self, FtObject *const *args, ssize_t nargs,
                               FtObject *kwnames) {
    static const char *const kwlist[] = {"object", "default", NULL};
    FtObject *a[2];
    if (ft_parse_args("getsizeof", args, nargs, kwnames, kwlist, 0, -1, 1, a) < 0)
        return NULL;
    FtObject *o = a[0];
    FtObject *meth = ft_type_lookup(FT_TYPE(o), FT_ID(__sizeof__));
    int64_t size;
    if (meth != NULL && !ft_type_check(o)) {
        FtObject *r = ft_object_call_method(o, FT_ID(__sizeof__), NULL, 0);
        if (r == NULL) {
            if (a[1] != NULL && ft_err_matches(ft_exc_TypeError)) {
                ft_err_clear();
                return FT_NEWREF(a[1]);
            }
            return NULL;
        }
        int overflow = 0;
        size = ft_int_check(r) ? ft_int_as_i64(r, &overflow) : 0;
        FT_DECREF(r);
    } else {
        FtType *t = FT_TYPE(o);
        size = t->tp_basicsize;
        if (t->tp_itemsize)
            size += t->tp_itemsize * FT_SIZE(o);
    }
    if (FT_TYPE(o)->tp_flags & FT_TPFLAGS_HAVE_GC)
        size += 16;
    return ft_int_from_i64(size);
}

static FtObject *sys_intern(FtObject *self, FtObject *s) {
    if (!ft_str_check(s))
        return ft_err_format(ft_exc_TypeError, "intern() argument must be str, not %s",
                             ft_type_short_name(FT_TYPE(s)));
    if (!ft_str_check_exact(s))
        return ft_err_format(ft_exc_TypeError, "can't intern %s", FT_TYPE(s)->tp_name);
    return ft_str_intern(FT_NEWREF(s));
}

static FtObject *sys_getswitchinterval(FtObject *self, FtObject *unused) {
    return ft_float_from_double(ft_runtime.switch_interval);
}

static FtObject *sys_setswitchinterval(FtObject *self, FtObject *arg) {
    double v = ft_float_as_double(arg);
    if (v == -1.0 && ft_err_occurred())
        return NULL;
    if (v <= 0.0) {
        ft_err_set_string(ft_exc_ValueError, "switch interval must be strictly positive");
        return NULL;
    }
    ft_runtime.switch_interval = v;
    FT_RETURN_NONE;
}

#if FT_LOCKING_GIL_LEGACY
/* Python 2's check interval, kept by the gil-legacy strategy only (CPython 3.9 removed it). */
static FtObject *sys_getcheckinterval(FtObject *self, FtObject *unused) {
    return ft_int_from_i64(ft_runtime.check_interval);
}

static FtObject *sys_setcheckinterval(FtObject *self, FtObject *arg) {
    ssize_t n = ft_number_as_ssize(arg, ft_exc_OverflowError);
    if (n == -1 && ft_err_occurred())
        return NULL;
    ft_runtime.check_interval = n < 1 ? 1 : n > INT_MAX ? INT_MAX : (int)n;
    FT_RETURN_NONE;
}
#endif

/* sys.set_asyncgen_hooks(firstiter=..., finalizer=...): only the arguments given change;
 * None clears a hook. The hooks themselves live with the generators (core/objects/gen.c). */
static FtObject *sys_set_asyncgen_hooks(FtObject *self, FtObject *const *args, ssize_t nargs,
                                        FtObject *kwnames) {
    static const char *const kwlist[] = {"firstiter", "finalizer", NULL};
    FtObject *a[2];
    if (ft_parse_args("set_asyncgen_hooks", args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return NULL;
    FtObject *firstiter, *finalizer;
    ft_gen_get_asyncgen_hooks(&firstiter, &finalizer);
    static const char *const names[] = {"firstiter", "finalizer"};
    for (int i = 0; i < 2; i++) {
        if (a[i] && a[i] != FT_NONE && !ft_callable_check(a[i]))
            return ft_err_format(ft_exc_TypeError, "callable %s expected, got %s", names[i],
                                 ft_type_short_name(FT_TYPE(a[i])));
    }
    if (a[0])
        firstiter = a[0] == FT_NONE ? NULL : a[0];
    if (a[1])
        finalizer = a[1] == FT_NONE ? NULL : a[1];
    if (ft_gen_set_asyncgen_hooks(firstiter, finalizer) < 0)
        return NULL;
    FT_RETURN_NONE;
}

/* Made once by sys_exec: a lazy first use could race between threads. */
static FtType *hooks_type;

static FtObject *sys_get_asyncgen_hooks(FtObject *self, FtObject *unused) {
    FtObject *firstiter, *finalizer;
    ft_gen_get_asyncgen_hooks(&firstiter, &finalizer);
    FtObject *v[2] = {FT_NEWREF(firstiter ? firstiter : FT_NONE),
                      FT_NEWREF(finalizer ? finalizer : FT_NONE)};
    return ft_sys_structseq_new(hooks_type, v);
}

static FtObject *sys_exc_info(FtObject *self, FtObject *unused) {
    FtObject *e = handled_exception();
    if (e == NULL)
        return ft_tuple_pack(3, FT_NONE, FT_NONE, FT_NONE);
    FtObject *tb = ft_exc_get_traceback(e);
    return ft_tuple_pack(3, (FtObject *)FT_TYPE(e), e, tb ? tb : FT_NONE);
}

static FtObject *sys_exception(FtObject *self, FtObject *unused) {
    FtObject *e = handled_exception();
    return FT_NEWREF(e ? e : FT_NONE);
}

static FtObject *sys_displayhook(FtObject *self, FtObject *o) {
    if (o == FT_NONE)
        FT_RETURN_NONE;
    FtObject *b = ft_runtime.builtins_dict;
    /* builtins._ is None while repr runs, so that repr may print without recursion */
    if (b && ft_dict_set_cstr(b, "_", FT_NONE) < 0)
        return NULL;
    /* A new reference: repr may rebind sys.stdout (so may another thread). */
    FtObject *out = ft_runtime.sys_dict ? ft_dict_get_ref_cstr(ft_runtime.sys_dict, "stdout")
                                        : NULL;
    if (out == NULL || out == FT_NONE) {
        FT_XDECREF(out);
        ft_err_set_string(ft_exc_RuntimeError, "lost sys.stdout");
        return NULL;
    }
    FtObject *r = ft_object_repr(o);
    FtObject *line = r ? ft_str_from_format("%U\n", r) : NULL;
    FT_XDECREF(r);
    if (line == NULL) {
        FT_DECREF(out);
        return NULL;
    }
    FtObject *w = ft_object_call_method_cstr(out, "write", &line, 1);
    FT_DECREF(out);
    FT_DECREF(line);
    if (w == NULL)
        return NULL;
    FT_DECREF(w);
    if (b && ft_dict_set_cstr(b, "_", o) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *sys_excepthook(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (nargs != 3)
        return ft_err_format(ft_exc_TypeError, "excepthook expected 3 arguments, got %zd",
                             nargs);
    FtObject *value = args[1];
    if (ft_exception_check(value)) {
        if (args[2] != FT_NONE && ft_exc_get_traceback(value) == NULL)
            ft_exc_set_traceback(value, args[2]);
        ft_err_display(value);
    } else {
        FtObject *s = ft_str_from_format("TypeError: print_exception(): Exception expected for "
                                         "value, %T found\n", value);
        if (s == NULL)
            return NULL;
        ft_stdio_write_stderr(ft_str_as_utf8(s));
        FT_DECREF(s);
    }
    FT_RETURN_NONE;
}

static FtObject *sys_getframe(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("_getframe", nargs, 0, 1) < 0)
        return NULL;
    int64_t depth = 0;
    if (nargs == 1 && int_arg(args[0], &depth) < 0)
        return NULL;
    FtObject *f = ft_vm_getframe((int)depth);
    if (f == NULL && !ft_err_occurred())
        ft_err_set_string(ft_exc_ValueError, "call stack is not deep enough");
    return f;
}

static FtObject *sys_get_int_max_str_digits(FtObject *self, FtObject *unused) {
    return ft_int_from_i64(ft_int_max_str_digits);
}

static FtObject *sys_set_int_max_str_digits(FtObject *self, FtObject *const *args, ssize_t nargs,
                                            FtObject *kwnames) {
    static const char *const kwlist[] = {"maxdigits", NULL};
    FtObject *a[1];
    if (ft_parse_args("set_int_max_str_digits", args, nargs, kwnames, kwlist, 0, -1, 1, a) < 0)
        return NULL;
    int64_t v;
    if (int_arg(a[0], &v) < 0)
        return NULL;
    if (v != 0 && v < 640) {
        ft_err_set_string(ft_exc_ValueError, "maxdigits must be 0 or larger than 640");
        return NULL;
    }
    ft_int_max_str_digits = (int)v;
    FT_RETURN_NONE;
}

static FtObject *sys_is_gil_enabled(FtObject *self, FtObject *unused) {
    return ft_bool_from(FT_HAS_GIL);
}

static FtObject *sys_getdefaultencoding(FtObject *self, FtObject *unused) {
    return ft_str_from_cstr("utf-8");
}

static FtObject *trace_func, *profile_func;

static FtObject *sys_settrace(FtObject *self, FtObject *f) {
    FT_XSETREF(trace_func, f == FT_NONE ? NULL : FT_NEWREF(f));
    FT_RETURN_NONE;
}
static FtObject *sys_gettrace(FtObject *self, FtObject *unused) {
    return FT_NEWREF(trace_func ? trace_func : FT_NONE);
}
static FtObject *sys_setprofile(FtObject *self, FtObject *f) {
    FT_XSETREF(profile_func, f == FT_NONE ? NULL : FT_NEWREF(f));
    FT_RETURN_NONE;
}
static FtObject *sys_getprofile(FtObject *self, FtObject *unused) {
    return FT_NEWREF(profile_func ? profile_func : FT_NONE);
}

static FtObject *sys_is_finalizing(FtObject *self, FtObject *unused) { FT_RETURN_FALSE; }

static FtObject *sys_getfilesystemencodeerrors(FtObject *self, FtObject *unused) {
    return ft_str_from_cstr("surrogateescape");
}

/* PEP 578 audit hooks: recorded so that sys.audit can call them. */
static FtObject *audit_hooks;

static FtObject *sys_addaudithook(FtObject *self, FtObject *hook) {
    if (audit_hooks == NULL && (audit_hooks = ft_list_new(0)) == NULL)
        return NULL;
    if (ft_list_append(audit_hooks, hook) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *sys_audit(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (nargs < 1) {
        ft_err_set_string(ft_exc_TypeError, "audit() missing 1 required positional argument: "
                          "'event'");
        return NULL;
    }
    if (!ft_str_check(args[0]))
        return ft_err_format(ft_exc_TypeError, "expected str for argument 'event', not %s",
                             ft_type_short_name(FT_TYPE(args[0])));
    if (audit_hooks == NULL || FT_SIZE(audit_hooks) == 0)
        FT_RETURN_NONE;
    FtObject *rest = ft_tuple_from_array(args + 1, nargs - 1);
    if (rest == NULL)
        return NULL;
    for (ssize_t i = 0; i < FT_SIZE(audit_hooks); i++) {
        FtObject *r = ft_object_call_va(FT_LIST_GET(audit_hooks, i), args[0], rest, NULL);
        if (r == NULL) {
            FT_DECREF(rest);
            return NULL;
        }
        FT_DECREF(r);
    }
    FT_DECREF(rest);
    FT_RETURN_NONE;
}

static FtMethodDef sys_methods[] = {
    {"is_finalizing", (void *)sys_is_finalizing, FT_METH_NOARGS, NULL},
    {"getfilesystemencodeerrors", (void *)sys_getfilesystemencodeerrors, FT_METH_NOARGS, NULL},
    {"addaudithook", (void *)sys_addaudithook, FT_METH_O, NULL},
    {"audit", (void *)sys_audit, FT_METH_FASTCALL, NULL},
    {"exit", (void *)sys_exit, FT_METH_FASTCALL,
     "Exit the interpreter by raising SystemExit(status).\n\nIf the status is omitted or None, it "
     "defaults to zero (i.e., success).\nIf the status is an integer, it will be used as the "
     "system exit status.\nIf it is another kind of object, it will be printed and the system"
     "\nexit status will be one (i.e., failure)."},
    {"getrecursionlimit", (void *)sys_getrecursionlimit, FT_METH_NOARGS, NULL},
    {"setrecursionlimit", (void *)sys_setrecursionlimit, FT_METH_O, NULL},
    {"getrefcount", (void *)sys_getrefcount, FT_METH_O, NULL},
    {"getsizeof", (void *)sys_getsizeof, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"intern", (void *)sys_intern, FT_METH_O, NULL},
    {"getswitchinterval", (void *)sys_getswitchinterval, FT_METH_NOARGS, NULL},
    {"setswitchinterval", (void *)sys_setswitchinterval, FT_METH_O, NULL},
    {"set_asyncgen_hooks", (void *)sys_set_asyncgen_hooks, FT_METH_FASTCALL | FT_METH_KEYWORDS,
     NULL},
    {"get_asyncgen_hooks", (void *)sys_get_asyncgen_hooks, FT_METH_NOARGS, NULL},
#if FT_LOCKING_GIL_LEGACY
    {"getcheckinterval", (void *)sys_getcheckinterval, FT_METH_NOARGS, NULL},
    {"setcheckinterval", (void *)sys_setcheckinterval, FT_METH_O, NULL},
#endif
    {"exc_info", (void *)sys_exc_info, FT_METH_NOARGS, NULL},
    {"exception", (void *)sys_exception, FT_METH_NOARGS, NULL},
    {"displayhook", (void *)sys_displayhook, FT_METH_O, NULL},
    {"excepthook", (void *)sys_excepthook, FT_METH_FASTCALL, NULL},
    {"_getframe", (void *)sys_getframe, FT_METH_FASTCALL, NULL},
    {"get_int_max_str_digits", (void *)sys_get_int_max_str_digits, FT_METH_NOARGS, NULL},
    {"set_int_max_str_digits", (void *)sys_set_int_max_str_digits,
     FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"_is_gil_enabled", (void *)sys_is_gil_enabled, FT_METH_NOARGS, NULL},
    {"getdefaultencoding", (void *)sys_getdefaultencoding, FT_METH_NOARGS, NULL},
    {"getfilesystemencoding", (void *)sys_getdefaultencoding, FT_METH_NOARGS, NULL},
    {"settrace", (void *)sys_settrace, FT_METH_O, NULL},
    {"gettrace", (void *)sys_gettrace, FT_METH_NOARGS, NULL},
    {"setprofile", (void *)sys_setprofile, FT_METH_O, NULL},
    {"getprofile", (void *)sys_getprofile, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- attributes --------------------------------------------------------------------------- */

int ft_sys_set_argv(int argc, char **argv) {
    FtObject *list = ft_list_new(0);
    if (list == NULL)
        return -1;
    for (int i = 0; i < argc; i++) {
        FtObject *s = ft_str_from_cstr(argv[i]);
        if (s == NULL || ft_list_append(list, s) < 0) {
            FT_XDECREF(s);
            FT_DECREF(list);
            return -1;
        }
        FT_DECREF(s);
    }
    if (argc == 0) {
        FtObject *s = ft_str_from_cstr("");
        if (s == NULL || ft_list_append(list, s) < 0) {
            FT_XDECREF(s);
            FT_DECREF(list);
            return -1;
        }
        FT_DECREF(s);
    }
    int r = ft_dict_set_cstr(ft_runtime.sys_dict, "argv", list);
    FT_DECREF(list);
    return r;
}

static FtType *version_info_type;

static FtObject *make_version_info(int major, int minor, int micro, const char *level, int serial) {
    FtObject *v[5] = {ft_int_from_i64(major), ft_int_from_i64(minor), ft_int_from_i64(micro),
                      ft_str_from_cstr(level), ft_int_from_i64(serial)};
    for (int i = 0; i < 5; i++) {
        if (v[i] == NULL) {
            for (int j = 0; j < 5; j++)
                FT_XDECREF(v[j]);
            return NULL;
        }
    }
    return ft_sys_structseq_new(version_info_type, v);
}

static FtObject *make_flags(void) {
    static const char *const fields[] = {
        "debug", "inspect", "interactive", "optimize", "dont_write_bytecode", "no_user_site",
        "no_site", "ignore_environment", "verbose", "bytes_warning", "quiet",
        "hash_randomization", "isolated", "dev_mode", "utf8_mode", "warn_default_encoding",
        "safe_path", "int_max_str_digits"};
    enum { N = sizeof fields / sizeof fields[0] };
    FtType *t = ft_sys_structseq_type("sys.flags", fields, N, N, 0);
    if (t == NULL)
        return NULL;
    int64_t ints[N] = {0};
    ints[1] = ft_runtime.inspect;
    ints[3] = ft_runtime.optimize;
    ints[4] = ft_runtime.dont_write_bytecode;
    ints[8] = ft_runtime.verbose;
    ints[11] = 1;
    ints[12] = ft_runtime.isolated;
    ints[17] = -1;
    FtObject *v[N];
    for (int i = 0; i < N; i++) {
        if (i == 13 || i == 16)
            v[i] = ft_bool_from(0);
        else
            v[i] = ft_int_from_i64(ints[i]);
    }
    return ft_sys_structseq_new(t, v);
}

static FtObject *make_float_info(void) {
    static const char *const fields[] = {"max", "max_exp", "max_10_exp", "min", "min_exp",
                                         "min_10_exp", "dig", "mant_dig", "epsilon", "radix",
                                         "rounds"};
    FtType *t = ft_sys_structseq_type("sys.float_info", fields, 11, 11, 0);
    if (t == NULL)
        return NULL;
    FtObject *v[11] = {
        ft_float_from_double(DBL_MAX), ft_int_from_i64(DBL_MAX_EXP),
        ft_int_from_i64(DBL_MAX_10_EXP), ft_float_from_double(DBL_MIN),
        ft_int_from_i64(DBL_MIN_EXP), ft_int_from_i64(DBL_MIN_10_EXP),
        ft_int_from_i64(DBL_DIG), ft_int_from_i64(DBL_MANT_DIG),
        ft_float_from_double(DBL_EPSILON), ft_int_from_i64(FLT_RADIX), ft_int_from_i64(1)};
    return ft_sys_structseq_new(t, v);
}

static FtObject *make_int_info(void) {
    static const char *const fields[] = {"bits_per_digit", "sizeof_digit",
                                         "default_max_str_digits", "str_digits_check_threshold"};
    FtType *t = ft_sys_structseq_type("sys.int_info", fields, 4, 4, 0);
    if (t == NULL)
        return NULL;
    FtObject *v[4] = {ft_int_from_i64(32), ft_int_from_i64(4), ft_int_from_i64(4300),
                      ft_int_from_i64(640)};
    return ft_sys_structseq_new(t, v);
}

static FtObject *make_implementation(void) {
    FtObject *ns = namespace_new();
    if (ns == NULL)
        return NULL;
    FtObject *d = ((Namespace *)ns)->dict;
    FtObject *ver = make_version_info(0, 1, 0, "alpha", 0);
    int bad = ver == NULL;
    bad = bad || ft_dict_set_cstr(d, "name", ft_str_intern_cstr("ftpy")) < 0;
    FtObject *tag = ft_str_from_cstr("ftpy-01");
    bad = bad || tag == NULL || ft_dict_set_cstr(d, "cache_tag", tag) < 0;
    bad = bad || ft_dict_set_cstr(d, "version", ver) < 0;
    FtObject *hex = ft_int_from_i64(0x000100A0);
    bad = bad || hex == NULL || ft_dict_set_cstr(d, "hexversion", hex) < 0;
    FtObject *multiarch = ft_str_from_cstr("x86_64-linux-gnu");
    bad = bad || multiarch == NULL || ft_dict_set_cstr(d, "_multiarch", multiarch) < 0;
    FtObject *locking = ft_str_from_cstr(FT_LOCKING_NAME);
    bad = bad || locking == NULL || ft_dict_set_cstr(d, "locking", locking) < 0;
    FT_XDECREF(ver);
    FT_XDECREF(tag);
    FT_XDECREF(hex);
    FT_XDECREF(multiarch);
    FT_XDECREF(locking);
    if (bad) {
        FT_DECREF(ns);
        return NULL;
    }
    return ns;
}

static FtObject *make_builtin_module_names(void) {
    ssize_t n = 0;
    while (ft_builtin_modules[n].name != NULL)
        n++;
    FtObject *list = ft_list_new(0);
    if (list == NULL)
        return NULL;
    for (ssize_t i = 0; i < n; i++) {
        FtObject *s = ft_str_from_cstr(ft_builtin_modules[i].name);
        if (s == NULL || ft_list_append(list, s) < 0) {
            FT_XDECREF(s);
            FT_DECREF(list);
            return NULL;
        }
        FT_DECREF(s);
    }
    if (ft_list_sort(list, NULL, 0) < 0) {
        FT_DECREF(list);
        return NULL;
    }
    FtObject *t = ft_list_as_tuple(list);
    FT_DECREF(list);
    return t;
}

#define STR2(x) #x
#define STR(x) STR2(x)
#ifdef __clang__
#define FT_COMPILER "[Clang " __clang_version__ "]"
#elif defined(__GNUC__)
#define FT_COMPILER "[GCC " STR(__GNUC__) "." STR(__GNUC_MINOR__) "." STR(__GNUC_PATCHLEVEL__) "]"
#else
#define FT_COMPILER "[unknown compiler]"
#endif

static int sys_exec(FtObject *m) {
    static const char *const vfields[] = {"major", "minor", "micro", "releaselevel", "serial"};
    version_info_type = ft_sys_structseq_type("sys.version_info", vfields, 5, 5, 0);
    if (version_info_type == NULL)
        return -1;
    static const char *const hfields[] = {"firstiter", "finalizer"};
    hooks_type = ft_sys_structseq_type("asyncgen_hooks", hfields, 2, 2, 0);
    if (hooks_type == NULL)
        return -1;
    FtObject *stdin_ = ft_stdio_get(0), *stdout_ = ft_stdio_get(1), *stderr_ = ft_stdio_get(2);
    if (stdin_ == NULL || stdout_ == NULL || stderr_ == NULL)
        return -1;
    FtObject *dict = ft_module_get_dict(m);
    if (ft_dict_set_cstr(dict, "stdin", stdin_) < 0 || ft_dict_set_cstr(dict, "stdout", stdout_) < 0 ||
        ft_dict_set_cstr(dict, "stderr", stderr_) < 0 ||
        ft_module_add_object(m, "__stdin__", stdin_) < 0 ||
        ft_module_add_object(m, "__stdout__", stdout_) < 0 ||
        ft_module_add_object(m, "__stderr__", stderr_) < 0)
        return -1;
    if (ft_runtime.modules && ft_dict_set_cstr(dict, "modules", ft_runtime.modules) < 0)
        return -1;
    const char *exe = ft_runtime.executable ? ft_runtime.executable : "";
    if (ft_module_add_object(m, "argv", ft_list_new(0)) < 0 ||
        ft_module_add_object(m, "orig_argv", ft_list_new(0)) < 0 ||
        ft_module_add_object(m, "path", ft_list_new(0)) < 0 ||
        ft_module_add_object(m, "meta_path", ft_list_new(0)) < 0 ||
        ft_module_add_object(m, "path_hooks", ft_list_new(0)) < 0 ||
        ft_module_add_object(m, "path_importer_cache", ft_dict_new()) < 0 ||
        ft_module_add_object(m, "warnoptions", ft_list_new(0)) < 0 ||
        ft_module_add_object(m, "_xoptions", ft_dict_new()) < 0 ||
        ft_module_add_int(m, "maxsize", INT64_MAX) < 0 ||
        ft_module_add_int(m, "maxunicode", 0x10FFFF) < 0 ||
        ft_module_add_str(m, "byteorder", "little") < 0 ||
        ft_module_add_str(m, "platform", "linux") < 0 ||
        ft_module_add_str(m, "executable", exe) < 0 ||
        ft_module_add_str(m, "_base_executable", exe) < 0 ||
        ft_module_add_str(m, "prefix", "/usr/local") < 0 ||
        ft_module_add_str(m, "base_prefix", "/usr/local") < 0 ||
        ft_module_add_str(m, "exec_prefix", "/usr/local") < 0 ||
        ft_module_add_str(m, "base_exec_prefix", "/usr/local") < 0 ||
        ft_module_add_str(m, "platlibdir", "lib") < 0 ||
        ft_module_add_str(m, "pycache_prefix", "") < 0 ||
        ft_module_add_str(m, "abiflags", "") < 0 ||
        ft_module_add_str(m, "copyright", "Copyright (c) ftpy authors.\nPython is Copyright (c) "
                                          "2001-2023 Python Software Foundation.") < 0 ||
        ft_module_add_str(m, "version", FT_PYTHON_VERSION " (ftpy " FT_VERSION ", "
                                        FT_LOCKING_NAME ") " FT_COMPILER) < 0 ||
        ft_module_add_int(m, "hexversion", (FT_PYTHON_MAJOR << 24) | (FT_PYTHON_MINOR << 16) |
                                               (FT_PYTHON_MICRO << 8) | 0xF0) < 0 ||
        ft_module_add_int(m, "api_version", 1013) < 0 ||
        ft_module_add_object(m, "version_info",
                             make_version_info(FT_PYTHON_MAJOR, FT_PYTHON_MINOR, FT_PYTHON_MICRO,
                                               "final", 0)) < 0 ||
        ft_module_add_object(m, "implementation", make_implementation()) < 0 ||
        ft_module_add_object(m, "flags", make_flags()) < 0 ||
        ft_module_add_object(m, "float_info", make_float_info()) < 0 ||
        ft_module_add_object(m, "int_info", make_int_info()) < 0 ||
        ft_module_add_str(m, "float_repr_style", "short") < 0 ||
        ft_module_add_object(m, "builtin_module_names", make_builtin_module_names()) < 0 ||
        ft_module_add_object(m, "dont_write_bytecode",
                             ft_bool_from(ft_runtime.dont_write_bytecode)) < 0)
        return -1;
    /* __displayhook__ / __excepthook__: the original hooks */
    FtObject *hook;
    if ((hook = ft_dict_get_cstr(dict, "displayhook")) == NULL ||
        ft_dict_set_cstr(dict, "__displayhook__", hook) < 0)
        return -1;
    if ((hook = ft_dict_get_cstr(dict, "excepthook")) == NULL ||
        ft_dict_set_cstr(dict, "__excepthook__", hook) < 0)
        return -1;
    return 0;
}

FtModuleDef ft_sys_module_def = {
    .name = "sys",
    .doc = "This module provides access to some objects used or maintained by the\n"
           "interpreter and to functions that interact strongly with the interpreter.",
    .methods = sys_methods,
    .exec = sys_exec,
};
