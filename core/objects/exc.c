/* The exception hierarchy of CPython 3.11 as static types: BaseException and its special
 * subclasses (StopIteration, SystemExit, ImportError, OSError with the errno -> subclass
 * mapping, SyntaxError, the Unicode errors, AttributeError, NameError, KeyError's str,
 * BaseExceptionGroup / ExceptionGroup), plus ft_exc_init / ft_exc_new and the ft_exc_*
 * accessors of runtime/errors.h.
 *
 * Layouts and behaviour follow CPython's Objects/exceptions.c: __new__ stores args even when
 * a subclass overrides __init__, __init__ sets them again; str/repr as CPython. */
#include "core/object.h"
#include "runtime/tstate.h"
#include <stdio.h>
#include <string.h>

/* runtime/errors.c: errno -> OSError subclass, NULL when no subclass matches. */
FtType *ft_err_oserror_subclass(int err);

typedef struct FtExceptionGroup {
    FtBaseException base;
    FtObject *msg;   /* str */
    FtObject *excs;  /* tuple of exceptions */
} FtExceptionGroup;

/* The shared MemoryError instance (ft_err_no_memory raises it without allocating). */
FtObject *ft_exc_memory_error_instance;

#define BE(o) ((FtBaseException *)(o))

/* ---- allocation and the GC slots, one set per layout ---------------------------------- */

/* Free the memory; an instance of a class (heap type) also releases its reference to the
 * class (type.c's subclass dealloc leaves that to the base's dealloc). */
static void exc_free(FtObject *o) {
    FtType *tp = FT_TYPE(o);
    if (tp->tp_free)
        tp->tp_free(o);
    else
        ft_gc_free(o);
    if (tp->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(tp);
}

static int Base_traverse_fields(FtBaseException *e, ft_visitproc visit, void *arg) {
#define V(f) do { if (e->f) { int r_ = visit(e->f, arg); if (r_) return r_; } } while (0)
    V(dict); V(args); V(notes); V(traceback); V(context); V(cause);
#undef V
    return 0;
}
static void Base_clear_fields(FtBaseException *e) {
    FT_CLEAR(e->dict);
    FT_CLEAR(e->args);
    FT_CLEAR(e->notes);
    FT_CLEAR(e->traceback);
    FT_CLEAR(e->context);
    FT_CLEAR(e->cause);
}

/* LAYOUT(Name, struct, fields...): Name_traverse, Name_clear, Name_dealloc. */
#define VISIT_FIELD(f) do { if (s->f) { int r_ = visit(s->f, arg); if (r_) return r_; } } while (0);
#define CLEAR_FIELD(f) FT_CLEAR(s->f);
#define FOR_EACH_1(m, a) m(a)
#define FOR_EACH_2(m, a, ...) m(a) FOR_EACH_1(m, __VA_ARGS__)
#define FOR_EACH_3(m, a, ...) m(a) FOR_EACH_2(m, __VA_ARGS__)
#define FOR_EACH_4(m, a, ...) m(a) FOR_EACH_3(m, __VA_ARGS__)
#define FOR_EACH_5(m, a, ...) m(a) FOR_EACH_4(m, __VA_ARGS__)
#define FOR_EACH_6(m, a, ...) m(a) FOR_EACH_5(m, __VA_ARGS__)
#define FOR_EACH_7(m, a, ...) m(a) FOR_EACH_6(m, __VA_ARGS__)
#define FOR_EACH_8(m, a, ...) m(a) FOR_EACH_7(m, __VA_ARGS__)
#define GET_FE(_1, _2, _3, _4, _5, _6, _7, _8, NAME, ...) NAME
#define FOR_EACH(m, ...)                                                                   \
    GET_FE(__VA_ARGS__, FOR_EACH_8, FOR_EACH_7, FOR_EACH_6, FOR_EACH_5, FOR_EACH_4,       \
           FOR_EACH_3, FOR_EACH_2, FOR_EACH_1)(m, __VA_ARGS__)

#define LAYOUT(Name, Struct, ...)                                                          \
    static int Name##_traverse(FtObject *o, ft_visitproc visit, void *arg) {              \
        Struct *s = (Struct *)o;                                                           \
        FOR_EACH(VISIT_FIELD, __VA_ARGS__)                                                 \
        return Base_traverse_fields(BE(o), visit, arg);                                    \
    }                                                                                      \
    static int Name##_clear(FtObject *o) {                                                 \
        Struct *s = (Struct *)o;                                                           \
        FOR_EACH(CLEAR_FIELD, __VA_ARGS__)                                                 \
        Base_clear_fields(BE(o));                                                          \
        return 0;                                                                          \
    }                                                                                      \
    static void Name##_dealloc(FtObject *o) {                                              \
        ft_gc_untrack(o);                                                                  \
        Name##_clear(o);                                                                   \
        exc_free(o);                                                                       \
    }

static int Base_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    return Base_traverse_fields(BE(o), visit, arg);
}
static int Base_clear(FtObject *o) {
    Base_clear_fields(BE(o));
    return 0;
}
static void Base_dealloc(FtObject *o) {
    ft_gc_untrack(o);
    Base_clear(o);
    exc_free(o);
}
LAYOUT(StopIteration, FtStopIteration, value)
LAYOUT(SystemExit, FtSystemExit, code)
LAYOUT(ImportError, FtImportError, msg, name, path)
LAYOUT(OSError, FtOSError, myerrno, strerror, filename, filename2)
LAYOUT(SyntaxError, FtSyntaxError, msg, filename, lineno, offset, text, end_lineno, end_offset,
       print_file_and_line)
LAYOUT(UnicodeError, FtUnicodeError, encoding, object, reason)
LAYOUT(AttributeError, FtAttributeError, obj, name)
LAYOUT(NameError, FtNameError, name)
LAYOUT(ExceptionGroup, FtExceptionGroup, msg, excs)

/* ---- BaseException ------------------------------------------------------------------------ */

static FtObject *alloc_exc(FtType *type) {
    FtObject *o = type->tp_alloc ? type->tp_alloc(type, 0) : ft_type_generic_alloc(type, 0);
    return o;
}

static void track(FtObject *o) {
    if (!ft_gc_is_tracked(o))
        ft_gc_track(o);
}

static FtObject *BaseException_new(FtType *type, FtObject *args, FtObject *kwds) {
    FtObject *o = alloc_exc(type);
    if (o == NULL)
        return NULL;
    BE(o)->args = args ? FT_NEWREF(args) : FT_NEWREF(ft_empty_tuple);
    track(o);
    return o;
}

static int check_no_kwargs(FtObject *self, FtObject *kwds) {
    if (kwds != NULL && ft_dict_check(kwds) && ft_dict_size(kwds) > 0) {
        ft_err_format(ft_exc_TypeError, "%s() takes no keyword arguments",
                      FT_TYPE(self)->tp_name);
        return -1;
    }
    return 0;
}

static void set_args(FtObject *self, FtObject *args) {
    FT_XSETREF(BE(self)->args, FT_NEWREF(args ? args : ft_empty_tuple));
}

static int BaseException_init(FtObject *self, FtObject *args, FtObject *kwds) {
    if (check_no_kwargs(self, kwds) < 0)
        return -1;
    set_args(self, args);
    return 0;
}

static ssize_t nargs_of(FtObject *self) {
    return BE(self)->args ? FT_SIZE(BE(self)->args) : 0;
}

static FtObject *BaseException_str(FtObject *self) {
    FtObject *args = BE(self)->args;
    switch (nargs_of(self)) {
    case 0:
        return ft_str_from_cstr("");
    case 1:
        return ft_object_str(FT_TUPLE_GET(args, 0));
    default:
        return ft_object_str(args);
    }
}

static FtObject *BaseException_repr(FtObject *self) {
    const char *name = ft_type_short_name(FT_TYPE(self));
    FtObject *args = BE(self)->args ? BE(self)->args : ft_empty_tuple;
    if (FT_SIZE(args) == 1)
        return ft_str_from_format("%s(%R)", name, FT_TUPLE_GET(args, 0));
    return ft_str_from_format("%s%R", name, args);
}

static FtObject *BaseException_with_traceback(FtObject *self, FtObject *tb) {
    if (tb != FT_NONE && !FT_IS_TYPE(tb, &ft_traceback_type)) {
        ft_err_set_string(ft_exc_TypeError, "__traceback__ must be a traceback or None");
        return NULL;
    }
    ft_exc_set_traceback(self, tb);
    return FT_NEWREF(self);
}

static FtObject *BaseException_add_note(FtObject *self, FtObject *note) {
    if (!ft_str_check(note)) {
        return ft_err_format(ft_exc_TypeError, "note must be a str, not '%s'",
                             ft_type_short_name(FT_TYPE(note)));
    }
    FtBaseException *e = BE(self);
    if (e->notes == NULL) {
        e->notes = ft_list_new(0);
        if (e->notes == NULL)
            return NULL;
    } else if (!ft_list_check(e->notes)) {
        ft_err_set_string(ft_exc_TypeError, "Cannot add note: __notes__ is not a list");
        return NULL;
    }
    if (ft_list_append(e->notes, note) < 0)
        return NULL;
    FT_RETURN_NONE;
}

/* Pickling support, as CPython: (type, args) or (type, args, __dict__). */
static FtObject *BaseException_reduce(FtObject *self, FtObject *unused) {
    FtObject *args = BE(self)->args ? BE(self)->args : ft_empty_tuple;
    FtObject *dict = BE(self)->dict;
    if (dict != NULL && ft_dict_size(dict) > 0)
        return ft_tuple_pack(3, (FtObject *)FT_TYPE(self), args, dict);
    return ft_tuple_pack(2, (FtObject *)FT_TYPE(self), args);
}

static FtObject *BaseException_setstate(FtObject *self, FtObject *state) {
    if (state != FT_NONE) {
        if (!ft_dict_check(state)) {
            ft_err_set_string(ft_exc_TypeError, "state is not a dictionary");
            return NULL;
        }
        ssize_t pos = 0;
        FtObject *k, *v;
        while (ft_dict_next(state, &pos, &k, &v)) {
            if (ft_object_setattr(self, k, v) < 0)
                return NULL;
        }
    }
    FT_RETURN_NONE;
}

static FtObject *get_args(FtObject *self, void *c) {
    return FT_NEWREF(BE(self)->args ? BE(self)->args : ft_empty_tuple);
}
static int set_args_attr(FtObject *self, FtObject *v, void *c) {
    if (v == NULL) {
        ft_err_set_string(ft_exc_TypeError, "args may not be deleted");
        return -1;
    }
    FtObject *t = ft_sequence_tuple(v);
    if (t == NULL)
        return -1;
    FT_XSETREF(BE(self)->args, t);
    return 0;
}
static FtObject *get_traceback(FtObject *self, void *c) {
    FtObject *tb = BE(self)->traceback;
    return FT_NEWREF(tb ? tb : FT_NONE);
}
static int set_traceback(FtObject *self, FtObject *v, void *c) {
    if (v == NULL) {
        ft_err_set_string(ft_exc_TypeError, "__traceback__ may not be deleted");
        return -1;
    }
    if (v != FT_NONE && !FT_IS_TYPE(v, &ft_traceback_type)) {
        ft_err_set_string(ft_exc_TypeError, "__traceback__ must be a traceback or None");
        return -1;
    }
    ft_exc_set_traceback(self, v);
    return 0;
}
static FtObject *get_context(FtObject *self, void *c) {
    FtObject *x = BE(self)->context;
    return FT_NEWREF(x ? x : FT_NONE);
}
static int set_context(FtObject *self, FtObject *v, void *c) {
    if (v == NULL) {
        ft_err_set_string(ft_exc_TypeError, "__context__ may not be deleted");
        return -1;
    }
    if (v == FT_NONE) {
        FT_CLEAR(BE(self)->context);
        return 0;
    }
    if (!ft_exception_check(v)) {
        ft_err_set_string(ft_exc_TypeError,
                          "exception context must be None or derive from BaseException");
        return -1;
    }
    FT_XSETREF(BE(self)->context, FT_NEWREF(v));
    return 0;
}
static FtObject *get_cause(FtObject *self, void *c) {
    FtObject *x = BE(self)->cause;
    return FT_NEWREF(x ? x : FT_NONE);
}
static int set_cause(FtObject *self, FtObject *v, void *c) {
    if (v == NULL) {
        ft_err_set_string(ft_exc_TypeError, "__cause__ may not be deleted");
        return -1;
    }
    if (v == FT_NONE) {
        FT_CLEAR(BE(self)->cause);
        BE(self)->suppress_context = 1;
        return 0;
    }
    if (!ft_exception_check(v)) {
        ft_err_set_string(ft_exc_TypeError,
                          "exception cause must be None or derive from BaseException");
        return -1;
    }
    FT_XSETREF(BE(self)->cause, FT_NEWREF(v));
    BE(self)->suppress_context = 1;
    return 0;
}
static FtObject *get_notes(FtObject *self, void *c) {
    FtObject *n = BE(self)->notes;
    if (n == NULL)
        return ft_err_format(ft_exc_AttributeError, "'%s' object has no attribute '__notes__'",
                             ft_type_short_name(FT_TYPE(self)));
    return FT_NEWREF(n);
}
static int set_notes(FtObject *self, FtObject *v, void *c) {
    FT_XSETREF(BE(self)->notes, FT_XNEWREF(v));
    return 0;
}

static FtMethodDef BaseException_methods[] = {
    {"with_traceback", (void *)BaseException_with_traceback, FT_METH_O,
     "Exception.with_traceback(tb) --\n    set self.__traceback__ to tb and return self."},
    {"__reduce__", (void *)BaseException_reduce, FT_METH_NOARGS, NULL},
    {"__setstate__", (void *)BaseException_setstate, FT_METH_O, NULL},
    {"add_note", (void *)BaseException_add_note, FT_METH_O,
     "Exception.add_note(note) --\n    add a note to the exception"},
    {NULL, NULL, 0, NULL},
};
static FtMemberDef BaseException_members[] = {
    {"__suppress_context__", FT_T_BOOL, offsetof(FtBaseException, suppress_context), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};
static FtGetSetDef BaseException_getset[] = {
    {"__dict__", ft_object_generic_get_dict, ft_object_generic_set_dict, NULL, NULL},
    {"args", get_args, set_args_attr, NULL, NULL},
    {"__traceback__", get_traceback, set_traceback, NULL, NULL},
    {"__context__", get_context, set_context, "exception context", NULL},
    {"__cause__", get_cause, set_cause, "exception cause", NULL},
    {"__notes__", get_notes, set_notes, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

/* ---- StopIteration, SystemExit ---------------------------------------------------------- */

static int StopIteration_init(FtObject *self, FtObject *args, FtObject *kwds) {
    if (BaseException_init(self, args, kwds) < 0)
        return -1;
    FtObject *v = FT_SIZE(args) > 0 ? FT_TUPLE_GET(args, 0) : FT_NONE;
    FT_XSETREF(((FtStopIteration *)self)->value, FT_NEWREF(v));
    return 0;
}
static FtMemberDef StopIteration_members[] = {
    {"value", FT_T_OBJECT, offsetof(FtStopIteration, value), 0, "generator return value"},
    {NULL, 0, 0, 0, NULL},
};

static int SystemExit_init(FtObject *self, FtObject *args, FtObject *kwds) {
    if (BaseException_init(self, args, kwds) < 0)
        return -1;
    ssize_t n = FT_SIZE(args);
    FtObject *code = n == 0 ? FT_NONE : n == 1 ? FT_TUPLE_GET(args, 0) : args;
    FT_XSETREF(((FtSystemExit *)self)->code, FT_NEWREF(code));
    return 0;
}
static FtMemberDef SystemExit_members[] = {
    {"code", FT_T_OBJECT, offsetof(FtSystemExit, code), 0, "exception code"},
    {NULL, 0, 0, 0, NULL},
};

/* ---- keyword-only attributes (ImportError, AttributeError, NameError) ------------------ */

/* Accept only the keyword names in `names` (NULL-terminated); out[i] BORROWED or NULL. */
static int parse_kwonly(FtObject *self, FtObject *kwds, const char *const *names, FtObject **out) {
    for (int i = 0; names[i]; i++)
        out[i] = NULL;
    if (kwds == NULL || !ft_dict_check(kwds))
        return 0;
    ssize_t pos = 0;
    FtObject *k, *v;
    while (ft_dict_next(kwds, &pos, &k, &v)) {
        int found = 0;
        for (int i = 0; names[i]; i++) {
            if (ft_str_check(k) && ft_str_eq_cstr(k, names[i])) {
                out[i] = v;
                found = 1;
                break;
            }
        }
        if (!found) {
            ft_err_format(ft_exc_TypeError, "'%S' is an invalid keyword argument for %s()", k,
                          ft_type_short_name(FT_TYPE(self)));
            return -1;
        }
    }
    return 0;
}

static int ImportError_init(FtObject *self, FtObject *args, FtObject *kwds) {
    static const char *const names[] = {"name", "path", NULL};
    FtObject *kw[2];
    if (parse_kwonly(self, kwds, names, kw) < 0)
        return -1;
    set_args(self, args);
    FtImportError *e = (FtImportError *)self;
    FT_XSETREF(e->name, FT_XNEWREF(kw[0]));
    FT_XSETREF(e->path, FT_XNEWREF(kw[1]));
    FT_XSETREF(e->msg, FT_SIZE(args) == 1 ? FT_NEWREF(FT_TUPLE_GET(args, 0)) : NULL);
    return 0;
}
static FtObject *ImportError_str(FtObject *self) {
    FtImportError *e = (FtImportError *)self;
    if (e->msg != NULL && ft_str_check(e->msg))
        return FT_NEWREF(e->msg);
    return BaseException_str(self);
}
static FtMemberDef ImportError_members[] = {
    {"msg", FT_T_OBJECT, offsetof(FtImportError, msg), 0, "exception message"},
    {"name", FT_T_OBJECT, offsetof(FtImportError, name), 0, "module name"},
    {"path", FT_T_OBJECT, offsetof(FtImportError, path), 0, "module path"},
    {NULL, 0, 0, 0, NULL},
};

static int AttributeError_init(FtObject *self, FtObject *args, FtObject *kwds) {
    static const char *const names[] = {"name", "obj", NULL};
    FtObject *kw[2];
    if (parse_kwonly(self, kwds, names, kw) < 0)
        return -1;
    set_args(self, args);
    FtAttributeError *e = (FtAttributeError *)self;
    FT_XSETREF(e->name, FT_XNEWREF(kw[0]));
    FT_XSETREF(e->obj, FT_XNEWREF(kw[1]));
    return 0;
}
static FtMemberDef AttributeError_members[] = {
    {"name", FT_T_OBJECT, offsetof(FtAttributeError, name), 0, "attribute name"},
    {"obj", FT_T_OBJECT, offsetof(FtAttributeError, obj), 0, "object"},
    {NULL, 0, 0, 0, NULL},
};

static int NameError_init(FtObject *self, FtObject *args, FtObject *kwds) {
    static const char *const names[] = {"name", NULL};
    FtObject *kw[1];
    if (parse_kwonly(self, kwds, names, kw) < 0)
        return -1;
    set_args(self, args);
    FT_XSETREF(((FtNameError *)self)->name, FT_XNEWREF(kw[0]));
    return 0;
}
static FtMemberDef NameError_members[] = {
    {"name", FT_T_OBJECT, offsetof(FtNameError, name), 0, "name"},
    {NULL, 0, 0, 0, NULL},
};

/* ---- KeyError ----------------------------------------------------------------------------- */

/* str(KeyError(k)) is repr(k): a missing '' key must not print as an empty message. */
static FtObject *KeyError_str(FtObject *self) {
    if (nargs_of(self) == 1)
        return ft_object_repr(FT_TUPLE_GET(BE(self)->args, 0));
    return BaseException_str(self);
}

/* ---- OSError ------------------------------------------------------------------------------ */

static int OSError_init(FtObject *self, FtObject *args, FtObject *kwds);
static FtObject *OSError_new(FtType *type, FtObject *args, FtObject *kwds);

/* CPython: arguments are parsed in __new__, unless a subclass overrides __init__ without
 * overriding __new__, in which case __init__ parses them. */
static int oserror_use_init(FtType *type) {
    return type->tp_init != OSError_init && type->tp_new == OSError_new;
}

/* Fill errno/strerror/filename/filename2 from (errno, strerror[, filename[, winerror[,
 * filename2]]]); args becomes (errno, strerror) when a filename is given. */
static void oserror_init_attrs(FtOSError *e, FtObject *args) {
    ssize_t n = FT_SIZE(args);
    FtObject *use_args = args;
    if (n >= 2 && n <= 5) {
        FT_XSETREF(e->myerrno, FT_NEWREF(FT_TUPLE_GET(args, 0)));
        FT_XSETREF(e->strerror, FT_NEWREF(FT_TUPLE_GET(args, 1)));
        FtObject *filename = n >= 3 ? FT_TUPLE_GET(args, 2) : NULL;
        FtObject *filename2 = n >= 5 ? FT_TUPLE_GET(args, 4) : NULL;
        if (filename != NULL && filename != FT_NONE) {
            FT_XSETREF(e->filename, FT_NEWREF(filename));
            if (filename2 != NULL && filename2 != FT_NONE)
                FT_XSETREF(e->filename2, FT_NEWREF(filename2));
            use_args = ft_tuple_slice(args, 0, 2);
            if (use_args == NULL) {
                ft_err_clear();
                use_args = args;
            } else {
                FT_XSETREF(e->base.args, use_args);
                return;
            }
        }
    }
    set_args((FtObject *)e, use_args);
}

static FtObject *OSError_new(FtType *type, FtObject *args, FtObject *kwds) {
    if (args == NULL)
        args = ft_empty_tuple;
    if (!oserror_use_init(type)) {
        if (kwds != NULL && ft_dict_check(kwds) && ft_dict_size(kwds) > 0)
            return ft_err_format(ft_exc_TypeError, "%s() takes no keyword arguments",
                                 type->tp_name);
        ssize_t n = FT_SIZE(args);
        if (type == ft_exc_OSError && n >= 2 && n <= 5 && ft_int_check(FT_TUPLE_GET(args, 0))) {
            int overflow = 0;
            int64_t err = ft_int_as_i64(FT_TUPLE_GET(args, 0), &overflow);
            if (!overflow && err > 0 && err < 1 << 20) {
                FtType *sub = ft_err_oserror_subclass((int)err);
                if (sub != NULL)
                    type = sub;
            }
        }
    }
    FtObject *o = alloc_exc(type);
    if (o == NULL)
        return NULL;
    if (!oserror_use_init(type))
        oserror_init_attrs((FtOSError *)o, args);
    else
        BE(o)->args = FT_NEWREF(args);
    track(o);
    return o;
}

static int OSError_init(FtObject *self, FtObject *args, FtObject *kwds) {
    if (!oserror_use_init(FT_TYPE(self)))
        return 0; /* __new__ did everything */
    if (check_no_kwargs(self, kwds) < 0)
        return -1;
    oserror_init_attrs((FtOSError *)self, args);
    return 0;
}

static FtObject *OSError_str(FtObject *self) {
    FtOSError *e = (FtOSError *)self;
    if (e->filename) {
        if (e->filename2)
            return ft_str_from_format("[Errno %S] %S: %R -> %R",
                                      e->myerrno ? e->myerrno : FT_NONE,
                                      e->strerror ? e->strerror : FT_NONE, e->filename,
                                      e->filename2);
        return ft_str_from_format("[Errno %S] %S: %R", e->myerrno ? e->myerrno : FT_NONE,
                                  e->strerror ? e->strerror : FT_NONE, e->filename);
    }
    if (e->myerrno && e->strerror)
        return ft_str_from_format("[Errno %S] %S", e->myerrno, e->strerror);
    return BaseException_str(self);
}
static FtMemberDef OSError_members[] = {
    {"errno", FT_T_OBJECT, offsetof(FtOSError, myerrno), 0, "POSIX exception code"},
    {"strerror", FT_T_OBJECT, offsetof(FtOSError, strerror), 0, "exception strerror"},
    {"filename", FT_T_OBJECT, offsetof(FtOSError, filename), 0, "exception filename"},
    {"filename2", FT_T_OBJECT, offsetof(FtOSError, filename2), 0, "second exception filename"},
    {NULL, 0, 0, 0, NULL},
};

/* ---- SyntaxError ------------------------------------------------------------------------- */

static int SyntaxError_init(FtObject *self, FtObject *args, FtObject *kwds) {
    if (BaseException_init(self, args, kwds) < 0)
        return -1;
    FtSyntaxError *e = (FtSyntaxError *)self;
    ssize_t n = FT_SIZE(args);
    if (n >= 1)
        FT_XSETREF(e->msg, FT_NEWREF(FT_TUPLE_GET(args, 0)));
    if (n == 2) {
        FtObject *info = ft_sequence_tuple(FT_TUPLE_GET(args, 1));
        if (info == NULL)
            return -1;
        ssize_t m = FT_SIZE(info);
        if (m < 4 || m > 6) {
            FT_DECREF(info);
            ft_err_format(ft_exc_TypeError, "function takes %s %d arguments (%zd given)",
                          m < 4 ? "at least" : "at most", m < 4 ? 4 : 6, m);
            return -1;
        }
        FtObject **slots[6] = {&e->filename, &e->lineno, &e->offset, &e->text, &e->end_lineno,
                               &e->end_offset};
        for (ssize_t i = 0; i < 6; i++)
            FT_XSETREF(*slots[i], i < m ? FT_NEWREF(FT_TUPLE_GET(info, i)) : NULL);
        FT_DECREF(info);
    }
    return 0;
}

static FtObject *SyntaxError_str(FtObject *self) {
    FtSyntaxError *e = (FtSyntaxError *)self;
    FtObject *msg = e->msg ? e->msg : FT_NONE;
    FtObject *filename = NULL;
    if (e->filename && ft_str_check(e->filename)) {
        /* basename, as CPython's my_basename */
        ssize_t len = FT_STR_LEN(e->filename), start = 0;
        for (ssize_t i = 0; i < len; i++)
            if (ft_str_read(e->filename, i) == '/')
                start = i + 1;
        filename = ft_str_substring(e->filename, start, len);
        if (filename == NULL)
            return NULL;
    }
    int have_lineno = e->lineno != NULL && ft_int_check_exact(e->lineno);
    FtObject *r;
    if (filename == NULL && !have_lineno)
        return ft_object_str(msg);
    int overflow = 0;
    long lineno = have_lineno ? (long)ft_int_as_i64(e->lineno, &overflow) : 0;
    if (filename && have_lineno)
        r = ft_str_from_format("%S (%U, line %ld)", msg, filename, lineno);
    else if (filename)
        r = ft_str_from_format("%S (%U)", msg, filename);
    else
        r = ft_str_from_format("%S (line %ld)", msg, lineno);
    FT_XDECREF(filename);
    return r;
}
static FtMemberDef SyntaxError_members[] = {
    {"msg", FT_T_OBJECT, offsetof(FtSyntaxError, msg), 0, "exception msg"},
    {"filename", FT_T_OBJECT, offsetof(FtSyntaxError, filename), 0, "exception filename"},
    {"lineno", FT_T_OBJECT, offsetof(FtSyntaxError, lineno), 0, "exception lineno"},
    {"offset", FT_T_OBJECT, offsetof(FtSyntaxError, offset), 0, "exception offset"},
    {"text", FT_T_OBJECT, offsetof(FtSyntaxError, text), 0, "exception text"},
    {"end_lineno", FT_T_OBJECT, offsetof(FtSyntaxError, end_lineno), 0, "exception end lineno"},
    {"end_offset", FT_T_OBJECT, offsetof(FtSyntaxError, end_offset), 0, "exception end offset"},
    {"print_file_and_line", FT_T_OBJECT, offsetof(FtSyntaxError, print_file_and_line), 0,
     "exception print_file_and_line"},
    {NULL, 0, 0, 0, NULL},
};

/* ---- UnicodeError and its three subclasses --------------------------------------------- */

static int arg_type_error(const char *fname, int pos, const char *want, FtObject *got) {
    ft_err_format(ft_exc_TypeError, "%s() argument %d must be %s, not %s", fname, pos, want,
                  ft_type_short_name(FT_TYPE(got)));
    return -1;
}

static int get_ssize_arg(const char *fname, int pos, FtObject *o, ssize_t *out) {
    if (!ft_int_check(o))
        return arg_type_error(fname, pos, "int", o);
    *out = ft_int_as_ssize(o);
    return *out == -1 && ft_err_occurred() ? -1 : 0;
}

/* (encoding, object, start, end, reason) or, for translate, (object, start, end, reason). */
static int unicode_error_init(FtObject *self, FtObject *args, FtObject *kwds, int kind) {
    static const char *const fnames[] = {"UnicodeEncodeError", "UnicodeDecodeError",
                                         "UnicodeTranslateError"};
    const char *fname = fnames[kind];
    if (BaseException_init(self, args, kwds) < 0)
        return -1;
    FtUnicodeError *e = (FtUnicodeError *)self;
    ssize_t want = kind == 2 ? 4 : 5, n = FT_SIZE(args);
    if (n != want) {
        ft_err_format(ft_exc_TypeError, "%s expected %zd arguments, got %zd", fname, want, n);
        return -1;
    }
    FtObject *const *a = FT_TUPLE_ITEMS(args);
    int i = 0;
    FtObject *encoding = NULL, *object;
    if (kind != 2) {
        encoding = a[i++];
        if (!ft_str_check(encoding))
            return arg_type_error(fname, 1, "str", encoding);
    }
    object = a[i++];
    if (kind == 1) {
        const char *data;
        ssize_t len;
        if (ft_bytes_like_get(object, &data, &len) < 0)
            return -1;
        object = ft_bytes_from_data(data, len);
        if (object == NULL)
            return -1;
    } else {
        if (!ft_str_check(object))
            return arg_type_error(fname, i, "str", object);
        FT_INCREF(object);
    }
    ssize_t start, end;
    if (get_ssize_arg(fname, i + 1, a[i], &start) < 0 ||
        get_ssize_arg(fname, i + 2, a[i + 1], &end) < 0) {
        FT_DECREF(object);
        return -1;
    }
    FtObject *reason = a[i + 2];
    if (!ft_str_check(reason)) {
        FT_DECREF(object);
        return arg_type_error(fname, i + 3, "str", reason);
    }
    FT_XSETREF(e->encoding, FT_XNEWREF(encoding));
    FT_XSETREF(e->object, object);
    FT_XSETREF(e->reason, FT_NEWREF(reason));
    e->start = start;
    e->end = end;
    return 0;
}
static int UnicodeEncodeError_init(FtObject *s, FtObject *a, FtObject *k) {
    return unicode_error_init(s, a, k, 0);
}
static int UnicodeDecodeError_init(FtObject *s, FtObject *a, FtObject *k) {
    return unicode_error_init(s, a, k, 1);
}
static int UnicodeTranslateError_init(FtObject *s, FtObject *a, FtObject *k) {
    return unicode_error_init(s, a, k, 2);
}

static ssize_t object_len(FtObject *o) {
    return o == NULL ? 0 : FT_SIZE(o);
}

static FtObject *char_escape(uint32_t ch) {
    char buf[16];
    if (ch <= 0xff)
        snprintf(buf, sizeof buf, "\\x%02x", ch);
    else if (ch <= 0xffff)
        snprintf(buf, sizeof buf, "\\u%04x", ch);
    else
        snprintf(buf, sizeof buf, "\\U%08x", ch);
    return ft_str_from_cstr(buf);
}

static FtObject *unicode_error_str(FtObject *self, int kind) {
    FtUnicodeError *e = (FtUnicodeError *)self;
    if (e->object == NULL)
        return ft_str_from_cstr("");
    FtObject *reason = ft_object_str(e->reason ? e->reason : FT_NONE);
    if (reason == NULL)
        return NULL;
    FtObject *encoding = NULL;
    if (kind != 2) {
        encoding = ft_object_str(e->encoding ? e->encoding : FT_NONE);
        if (encoding == NULL) {
            FT_DECREF(reason);
            return NULL;
        }
    }
    FtObject *r;
    int single = e->start >= 0 && e->start < object_len(e->object) && e->end == e->start + 1;
    if (kind == 1) {
        if (single) {
            char buf[8];
            snprintf(buf, sizeof buf, "0x%02x", (unsigned)(uint8_t)FT_BYTES_DATA(e->object)[e->start]);
            r = ft_str_from_format("'%U' codec can't decode byte %s in position %zd: %U",
                                   encoding, buf, e->start, reason);
        } else {
            r = ft_str_from_format("'%U' codec can't decode bytes in position %zd-%zd: %U",
                                   encoding, e->start, e->end - 1, reason);
        }
    } else if (single) {
        FtObject *esc = char_escape(ft_str_read(e->object, e->start));
        if (esc == NULL)
            r = NULL;
        else if (kind == 0)
            r = ft_str_from_format("'%U' codec can't encode character '%U' in position %zd: %U",
                                   encoding, esc, e->start, reason);
        else
            r = ft_str_from_format("can't translate character '%U' in position %zd: %U", esc,
                                   e->start, reason);
        FT_XDECREF(esc);
    } else if (kind == 0) {
        r = ft_str_from_format("'%U' codec can't encode characters in position %zd-%zd: %U",
                               encoding, e->start, e->end - 1, reason);
    } else {
        r = ft_str_from_format("can't translate characters in position %zd-%zd: %U", e->start,
                               e->end - 1, reason);
    }
    FT_DECREF(reason);
    FT_XDECREF(encoding);
    return r;
}
static FtObject *UnicodeEncodeError_str(FtObject *s) { return unicode_error_str(s, 0); }
static FtObject *UnicodeDecodeError_str(FtObject *s) { return unicode_error_str(s, 1); }
static FtObject *UnicodeTranslateError_str(FtObject *s) { return unicode_error_str(s, 2); }
static FtMemberDef UnicodeError_members[] = {
    {"encoding", FT_T_OBJECT, offsetof(FtUnicodeError, encoding), 0, "exception encoding"},
    {"object", FT_T_OBJECT, offsetof(FtUnicodeError, object), 0, "exception object"},
    {"start", FT_T_SSIZE, offsetof(FtUnicodeError, start), 0, "exception start"},
    {"end", FT_T_SSIZE, offsetof(FtUnicodeError, end), 0, "exception end"},
    {"reason", FT_T_OBJECT, offsetof(FtUnicodeError, reason), 0, "exception reason"},
    {NULL, 0, 0, 0, NULL},
};

/* ---- BaseExceptionGroup / ExceptionGroup ---------------------------------------------- */

static FtObject *BaseExceptionGroup_new(FtType *type, FtObject *args, FtObject *kwds) {
    if (kwds != NULL && ft_dict_check(kwds) && ft_dict_size(kwds) > 0)
        return ft_err_format(ft_exc_TypeError, "%s() takes no keyword arguments",
                             ft_type_short_name(type));
    ssize_t n = args ? FT_SIZE(args) : 0;
    if (n != 2)
        return ft_err_format(ft_exc_TypeError, "BaseExceptionGroup.__new__() takes exactly 2 "
                             "arguments (%zd given)", n);
    FtObject *message = FT_TUPLE_GET(args, 0), *excs = FT_TUPLE_GET(args, 1);
    if (!ft_str_check(message))
        return ft_err_format(ft_exc_TypeError, "BaseExceptionGroup.__new__() argument 1 must "
                             "be str, not %s", ft_type_short_name(FT_TYPE(message)));
    if (!ft_list_check(excs) && !ft_tuple_check(excs) &&
        (ft_dict_check(excs) || ft_anyset_check(excs) ||
         FT_TYPE(excs)->tp_as_sequence == NULL || FT_TYPE(excs)->tp_as_sequence->sq_item == NULL)) {
        ft_err_set_string(ft_exc_TypeError, "second argument (exceptions) must be a sequence");
        return NULL;
    }
    FtObject *tuple = ft_sequence_tuple(excs);
    if (tuple == NULL)
        return NULL;
    ssize_t count = FT_SIZE(tuple);
    if (count == 0) {
        FT_DECREF(tuple);
        ft_err_set_string(ft_exc_ValueError,
                          "second argument (exceptions) must be a non-empty sequence");
        return NULL;
    }
    int nested_base = 0;
    for (ssize_t i = 0; i < count; i++) {
        FtObject *x = FT_TUPLE_GET(tuple, i);
        if (!ft_exception_check(x)) {
            FT_DECREF(tuple);
            return ft_err_format(ft_exc_ValueError,
                                 "Item %zd of second argument (exceptions) is not an exception", i);
        }
        if (!ft_type_is_subtype(FT_TYPE(x), ft_exc_Exception))
            nested_base = 1;
    }
    FtType *cls = type;
    if (cls == ft_exc_BaseExceptionGroup) {
        if (!nested_base)
            cls = ft_exc_ExceptionGroup;
    } else if (cls == ft_exc_ExceptionGroup) {
        if (nested_base) {
            FT_DECREF(tuple);
            ft_err_set_string(ft_exc_TypeError, "Cannot nest BaseExceptions in an ExceptionGroup");
            return NULL;
        }
    } else if (nested_base && ft_type_is_subtype(cls, ft_exc_Exception)) {
        FT_DECREF(tuple);
        return ft_err_format(ft_exc_TypeError, "Cannot nest BaseExceptions in '%s'",
                             ft_type_short_name(cls));
    }
    FtObject *o = alloc_exc(cls);
    if (o == NULL) {
        FT_DECREF(tuple);
        return NULL;
    }
    BE(o)->args = FT_NEWREF(args);
    ((FtExceptionGroup *)o)->msg = FT_NEWREF(message);
    ((FtExceptionGroup *)o)->excs = tuple;
    track(o);
    return o;
}

static int BaseExceptionGroup_init(FtObject *self, FtObject *args, FtObject *kwds) {
    if (kwds != NULL && ft_dict_check(kwds) && ft_dict_size(kwds) > 0) {
        ft_err_format(ft_exc_TypeError, "%s() takes no keyword arguments",
                      ft_type_short_name(FT_TYPE(self)));
        return -1;
    }
    set_args(self, args);
    return 0;
}

static FtObject *BaseExceptionGroup_str(FtObject *self) {
    FtExceptionGroup *g = (FtExceptionGroup *)self;
    ssize_t n = g->excs ? FT_SIZE(g->excs) : 0;
    return ft_str_from_format("%S (%zd sub-exception%s)", g->msg ? g->msg : FT_NONE, n,
                              n > 1 ? "s" : "");
}

static FtObject *BaseExceptionGroup_derive(FtObject *self, FtObject *excs) {
    FtObject *args[2] = {((FtExceptionGroup *)self)->msg, excs};
    return ft_exc_new(ft_exc_BaseExceptionGroup, args, 2);
}

/* split() / subgroup() condition: an exception type, a tuple of them, or a predicate. */
enum { MATCH_TYPE, MATCH_PREDICATE };

static int matcher_kind(FtObject *value) {
    if (ft_exception_class_check(value))
        return MATCH_TYPE;
    if (ft_tuple_check(value)) {
        for (ssize_t i = 0; i < FT_SIZE(value); i++) {
            if (!ft_exception_class_check(FT_TUPLE_GET(value, i)))
                goto bad;
        }
        return MATCH_TYPE;
    }
    if (ft_callable_check(value))
        return MATCH_PREDICATE;
bad:
    ft_err_set_string(ft_exc_TypeError,
                      "expected a function, exception type or tuple of exception types");
    return -1;
}

static int matches(FtObject *exc, int kind, FtObject *value) {
    if (kind == MATCH_TYPE)
        return ft_err_given_matches(exc, value);
    FtObject *r = ft_object_call_one(value, exc);
    if (r == NULL)
        return -1;
    int t = ft_object_is_true(r);
    FT_DECREF(r);
    return t;
}

/* eg.derive(excs) with eg's traceback, cause, context and notes copied over. */
static FtObject *derive_and_copy(FtObject *eg, FtObject *excs) {
    FtObject *g = ft_object_call_method(eg, FT_ID(derive), &excs, 1);
    if (g == NULL)
        return NULL;
    if (!ft_type_is_subtype(FT_TYPE(g), ft_exc_BaseExceptionGroup)) {
        FT_DECREF(g);
        ft_err_set_string(ft_exc_TypeError, "derive must return an instance of BaseExceptionGroup");
        return NULL;
    }
    FtBaseException *src = BE(eg), *dst = BE(g);
    FT_XSETREF(dst->traceback, FT_XNEWREF(src->traceback));
    FT_XSETREF(dst->cause, FT_XNEWREF(src->cause));
    FT_XSETREF(dst->context, FT_XNEWREF(src->context));
    if (src->notes != NULL) {
        FtObject *notes = ft_sequence_list(src->notes);
        if (notes == NULL) {
            FT_DECREF(g);
            return NULL;
        }
        FT_XSETREF(dst->notes, notes);
    }
    return g;
}

/* CPython's exceptiongroup_split_recursive: *match and *rest (new refs or NULL). */
static int split_recursive(FtObject *exc, int kind, FtObject *value, int want_rest,
                           FtObject **match, FtObject **rest) {
    *match = *rest = NULL;
    int m = matches(exc, kind, value);
    if (m < 0)
        return -1;
    if (m) {
        *match = FT_NEWREF(exc);
        return 0;
    }
    if (!ft_type_is_subtype(FT_TYPE(exc), ft_exc_BaseExceptionGroup)) {
        if (want_rest)
            *rest = FT_NEWREF(exc);
        return 0;
    }
    FtObject *excs = ((FtExceptionGroup *)exc)->excs;
    FtObject *match_list = ft_list_new(0), *rest_list = want_rest ? ft_list_new(0) : NULL;
    int ret = -1;
    if (match_list == NULL || (want_rest && rest_list == NULL))
        goto done;
    for (ssize_t i = 0; excs && i < FT_SIZE(excs); i++) {
        FtObject *m1, *r1;
        if (split_recursive(FT_TUPLE_GET(excs, i), kind, value, want_rest, &m1, &r1) < 0)
            goto done;
        int bad = (m1 && ft_list_append(match_list, m1) < 0) ||
                  (r1 && ft_list_append(rest_list, r1) < 0);
        FT_XDECREF(m1);
        FT_XDECREF(r1);
        if (bad)
            goto done;
    }
    if (FT_SIZE(match_list) > 0 && (*match = derive_and_copy(exc, match_list)) == NULL)
        goto done;
    if (want_rest && FT_SIZE(rest_list) > 0 && (*rest = derive_and_copy(exc, rest_list)) == NULL) {
        FT_CLEAR(*match);
        goto done;
    }
    ret = 0;
done:
    FT_XDECREF(match_list);
    FT_XDECREF(rest_list);
    return ret;
}

static FtObject *BaseExceptionGroup_split(FtObject *self, FtObject *cond) {
    int kind = matcher_kind(cond);
    FtObject *m, *r;
    if (kind < 0 || split_recursive(self, kind, cond, 1, &m, &r) < 0)
        return NULL;
    FtObject *t = ft_tuple_pack(2, m ? m : FT_NONE, r ? r : FT_NONE);
    FT_XDECREF(m);
    FT_XDECREF(r);
    return t;
}

static FtObject *BaseExceptionGroup_subgroup(FtObject *self, FtObject *cond) {
    int kind = matcher_kind(cond);
    FtObject *m, *r;
    if (kind < 0 || split_recursive(self, kind, cond, 0, &m, &r) < 0)
        return NULL;
    return m ? m : FT_NEWREF(FT_NONE);
}

static FtMemberDef BaseExceptionGroup_members[] = {
    {"message", FT_T_OBJECT, offsetof(FtExceptionGroup, msg), FT_READONLY, "exception message"},
    {"exceptions", FT_T_OBJECT, offsetof(FtExceptionGroup, excs), FT_READONLY,
     "nested exceptions"},
    {NULL, 0, 0, 0, NULL},
};
static FtMethodDef BaseExceptionGroup_methods[] = {
    {"derive", (void *)BaseExceptionGroup_derive, FT_METH_O, NULL},
    {"split", (void *)BaseExceptionGroup_split, FT_METH_O, NULL},
    {"subgroup", (void *)BaseExceptionGroup_subgroup, FT_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

/* ---- the type objects ------------------------------------------------------------------- */

#define EXC_FLAGS (FT_TPFLAGS_BASETYPE | FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASE_EXC_SUBCLASS)

/* EXC_FULL(name, &base, layout, struct, new, init, str, members, methods, getset, doc):
 * `layout` names the dealloc/traverse/clear set above. EXC takes the base by name and no
 * methods or getsets; SIMPLE is a plain subclass; OSSUB a subclass of OSError. */
#define EXC_FULL(NAME, BASE, LAYOUT, STRUCT, NEW, INIT, STR, MEMBERS, METHODS, GETSET, DOC) \
    static FtType NAME##_type = {                                                          \
        .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},                                   \
        .tp_name = #NAME,                                                                  \
        .tp_basicsize = sizeof(STRUCT),                                                    \
        .tp_dealloc = LAYOUT##_dealloc,                                                    \
        .tp_repr = BaseException_repr,                                                     \
        .tp_str = STR,                                                                     \
        .tp_getattro = ft_object_generic_getattr,                                          \
        .tp_setattro = ft_object_generic_setattr,                                          \
        .tp_flags = EXC_FLAGS,                                                             \
        .tp_doc = DOC,                                                                     \
        .tp_traverse = LAYOUT##_traverse,                                                  \
        .tp_clear = LAYOUT##_clear,                                                        \
        .tp_methods = METHODS,                                                             \
        .tp_members = MEMBERS,                                                             \
        .tp_getset = GETSET,                                                               \
        .tp_base = BASE,                                                                   \
        .tp_dictoffset = offsetof(FtBaseException, dict),                                  \
        .tp_init = INIT,                                                                   \
        .tp_new = NEW,                                                                     \
    };                                                                                     \
    FtType *ft_exc_##NAME = &NAME##_type;

#define EXC(NAME, BASE, LAYOUT, STRUCT, NEW, INIT, STR, MEMBERS, DOC) \
    EXC_FULL(NAME, &BASE##_type, LAYOUT, STRUCT, NEW, INIT, STR, MEMBERS, NULL, NULL, DOC)
#define SIMPLE(NAME, BASE, DOC)                                                        \
    EXC(NAME, BASE, Base, FtBaseException, BaseException_new, BaseException_init,     \
        BaseException_str, NULL, DOC)
#define OSSUB(NAME, BASE, DOC) \
    EXC(NAME, BASE, OSError, FtOSError, OSError_new, OSError_init, OSError_str, NULL, DOC)

EXC_FULL(BaseException, &ft_object_type, Base, FtBaseException, BaseException_new,
         BaseException_init, BaseException_str, BaseException_members, BaseException_methods,
         BaseException_getset, "Common base class for all exceptions")
SIMPLE(Exception, BaseException, "Common base class for all non-exit exceptions.")
EXC_FULL(BaseExceptionGroup, &BaseException_type, ExceptionGroup, FtExceptionGroup,
         BaseExceptionGroup_new, BaseExceptionGroup_init, BaseExceptionGroup_str,
         BaseExceptionGroup_members, BaseExceptionGroup_methods, NULL,
         "A combination of multiple unrelated exceptions.")
EXC(ExceptionGroup, BaseExceptionGroup, ExceptionGroup, FtExceptionGroup,
    BaseExceptionGroup_new, BaseExceptionGroup_init, BaseExceptionGroup_str, NULL, NULL)
SIMPLE(GeneratorExit, BaseException, "Request that a generator exit.")
SIMPLE(KeyboardInterrupt, BaseException, "Program interrupted by user.")
EXC(SystemExit, BaseException, SystemExit, FtSystemExit, BaseException_new, SystemExit_init,
    BaseException_str, SystemExit_members, "Request to exit from the interpreter.")
SIMPLE(ArithmeticError, Exception, "Base class for arithmetic errors.")
SIMPLE(FloatingPointError, ArithmeticError, "Floating point operation failed.")
SIMPLE(OverflowError, ArithmeticError, "Result too large to be represented.")
SIMPLE(ZeroDivisionError, ArithmeticError,
       "Second argument to a division or modulo operation was zero.")
SIMPLE(AssertionError, Exception, "Assertion failed.")
EXC(AttributeError, Exception, AttributeError, FtAttributeError, BaseException_new,
    AttributeError_init, BaseException_str, AttributeError_members, "Attribute not found.")
SIMPLE(BufferError, Exception, "Buffer error.")
SIMPLE(EOFError, Exception, "Read beyond end of file.")
EXC(ImportError, Exception, ImportError, FtImportError, BaseException_new, ImportError_init,
    ImportError_str, ImportError_members,
    "Import can't find module, or can't find name in module.")
EXC(ModuleNotFoundError, ImportError, ImportError, FtImportError, BaseException_new,
    ImportError_init, ImportError_str, NULL, "Module not found.")
SIMPLE(LookupError, Exception, "Base class for lookup errors.")
SIMPLE(IndexError, LookupError, "Sequence index out of range.")
EXC(KeyError, LookupError, Base, FtBaseException, BaseException_new, BaseException_init,
    KeyError_str, NULL, "Mapping key not found.")
SIMPLE(MemoryError, Exception, "Out of memory.")
EXC(NameError, Exception, NameError, FtNameError, BaseException_new, NameError_init,
    BaseException_str, NameError_members, "Name not found globally.")
EXC(UnboundLocalError, NameError, NameError, FtNameError, BaseException_new, NameError_init,
    BaseException_str, NULL, "Local name referenced but not bound to a value.")
EXC(OSError, Exception, OSError, FtOSError, OSError_new, OSError_init, OSError_str,
    OSError_members, "Base class for I/O related errors.")
OSSUB(BlockingIOError, OSError, "I/O operation would block.")
OSSUB(ChildProcessError, OSError, "Child process error.")
OSSUB(ConnectionError, OSError, "Connection error.")
OSSUB(BrokenPipeError, ConnectionError, "Broken pipe.")
OSSUB(ConnectionAbortedError, ConnectionError, "Connection aborted.")
OSSUB(ConnectionRefusedError, ConnectionError, "Connection refused.")
OSSUB(ConnectionResetError, ConnectionError, "Connection reset.")
OSSUB(FileExistsError, OSError, "File already exists.")
OSSUB(FileNotFoundError, OSError, "File not found.")
OSSUB(InterruptedError, OSError, "Interrupted by signal.")
OSSUB(IsADirectoryError, OSError, "Operation doesn't work on directories.")
OSSUB(NotADirectoryError, OSError, "Operation only works on directories.")
OSSUB(PermissionError, OSError, "Not enough permissions.")
OSSUB(ProcessLookupError, OSError, "Process not found.")
OSSUB(TimeoutError, OSError, "Timeout expired.")
SIMPLE(ReferenceError, Exception, "Weak ref proxy used after referent went away.")
SIMPLE(RuntimeError, Exception, "Unspecified run-time error.")
SIMPLE(NotImplementedError, RuntimeError, "Method or function hasn't been implemented yet.")
SIMPLE(RecursionError, RuntimeError, "Recursion limit exceeded.")
SIMPLE(StopAsyncIteration, Exception, "Signal the end from iterator.__anext__().")
EXC(StopIteration, Exception, StopIteration, FtStopIteration, BaseException_new,
    StopIteration_init, BaseException_str, StopIteration_members,
    "Signal the end from iterator.__next__().")
EXC(SyntaxError, Exception, SyntaxError, FtSyntaxError, BaseException_new, SyntaxError_init,
    SyntaxError_str, SyntaxError_members, "Invalid syntax.")
EXC(IndentationError, SyntaxError, SyntaxError, FtSyntaxError, BaseException_new,
    SyntaxError_init, SyntaxError_str, NULL, "Improper indentation.")
EXC(TabError, IndentationError, SyntaxError, FtSyntaxError, BaseException_new,
    SyntaxError_init, SyntaxError_str, NULL, "Improper mixture of spaces and tabs.")
SIMPLE(SystemError, Exception,
       "Internal error in the Python interpreter.\n\nPlease report this to the Python "
       "maintainer, along with the traceback,\nthe Python version, and the hardware/OS "
       "platform and version.")
SIMPLE(TypeError, Exception, "Inappropriate argument type.")
SIMPLE(ValueError, Exception, "Inappropriate argument value (of correct type).")
EXC(UnicodeError, ValueError, UnicodeError, FtUnicodeError, BaseException_new,
    BaseException_init, BaseException_str, UnicodeError_members, "Unicode related error.")
EXC(UnicodeDecodeError, UnicodeError, UnicodeError, FtUnicodeError, BaseException_new,
    UnicodeDecodeError_init, UnicodeDecodeError_str, NULL, "Unicode decoding error.")
EXC(UnicodeEncodeError, UnicodeError, UnicodeError, FtUnicodeError, BaseException_new,
    UnicodeEncodeError_init, UnicodeEncodeError_str, NULL, "Unicode encoding error.")
EXC(UnicodeTranslateError, UnicodeError, UnicodeError, FtUnicodeError, BaseException_new,
    UnicodeTranslateError_init, UnicodeTranslateError_str, NULL, "Unicode translation error.")
SIMPLE(Warning, Exception, "Base class for warning categories.")
SIMPLE(BytesWarning, Warning,
       "Base class for warnings about bytes and buffer related problems, mostly\nrelated to "
       "conversion from str or comparing to str.")
SIMPLE(DeprecationWarning, Warning, "Base class for warnings about deprecated features.")
SIMPLE(EncodingWarning, Warning, "Base class for warnings about encodings.")
SIMPLE(FutureWarning, Warning,
       "Base class for warnings about constructs that will change semantically\nin the future.")
SIMPLE(ImportWarning, Warning,
       "Base class for warnings about probable mistakes in module imports")
SIMPLE(PendingDeprecationWarning, Warning,
       "Base class for warnings about features which will be deprecated\nin the future.")
SIMPLE(ResourceWarning, Warning, "Base class for warnings about resource usage.")
SIMPLE(RuntimeWarning, Warning, "Base class for warnings about dubious runtime behavior.")
SIMPLE(SyntaxWarning, Warning, "Base class for warnings about dubious syntax.")
SIMPLE(UnicodeWarning, Warning,
       "Base class for warnings about Unicode related problems, mostly\nrelated to conversion "
       "problems.")
SIMPLE(UserWarning, Warning, "Base class for warnings generated by user code.")

/* ---- the C API ----------------------------------------------------------------------------- */

int ft_exc_init(void) {
    /* ExceptionGroup derives from both BaseExceptionGroup and Exception. */
    ExceptionGroup_type.tp_bases = ft_tuple_pack(2, (FtObject *)&BaseExceptionGroup_type,
                                                 (FtObject *)&Exception_type);
    if (ExceptionGroup_type.tp_bases == NULL)
        return -1;
    /* FT_EXCEPTION_LIST lists every base before its subclasses. */
#define READY(name) if (ft_type_ready(ft_exc_##name) < 0) return -1;
    FT_EXCEPTION_LIST(READY)
#undef READY
    ft_exc_memory_error_instance = ft_exc_new(ft_exc_MemoryError, NULL, 0);
    if (ft_exc_memory_error_instance == NULL)
        return -1;
    FT_MAKE_IMMORTAL(ft_exc_memory_error_instance);
    return 0;
}

FtObject *ft_exc_new(FtType *type, FtObject *const *args, ssize_t nargs) {
    FtObject *argt = nargs > 0 ? ft_tuple_from_array(args, nargs) : FT_NEWREF(ft_empty_tuple);
    if (argt == NULL)
        return NULL;
    FtObject *o;
    if (type->tp_flags & FT_TPFLAGS_HEAPTYPE) {
        /* A class: go through the full call so Python __new__/__init__ run. */
        o = ft_object_call((FtObject *)type, argt, NULL);
    } else {
        o = type->tp_new(type, argt, NULL);
        if (o != NULL && type->tp_init != NULL && ft_type_is_subtype(FT_TYPE(o), type) &&
            FT_TYPE(o)->tp_init(o, argt, NULL) < 0)
            FT_CLEAR(o);
    }
    FT_DECREF(argt);
    return o;
}

FtObject *ft_exc_get_traceback(FtObject *exc) { return BE(exc)->traceback; }

void ft_exc_set_traceback(FtObject *exc, FtObject *tb) {
    if (tb == FT_NONE)
        tb = NULL;
    FT_XSETREF(BE(exc)->traceback, FT_XNEWREF(tb));
}

void ft_exc_set_context(FtObject *exc, FtObject *ctx) {
    if (ctx == FT_NONE) {
        FT_DECREF(ctx);
        ctx = NULL;
    }
    FT_XSETREF(BE(exc)->context, ctx);
}

void ft_exc_set_cause(FtObject *exc, FtObject *cause) {
    if (cause == FT_NONE) {
        FT_DECREF(cause);
        cause = NULL;
    }
    FT_XSETREF(BE(exc)->cause, cause);
    BE(exc)->suppress_context = 1;
}
