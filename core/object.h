/* The object model: the object header, type objects and their slots, reference counting,
 * and the generic protocols (attributes, calls, numbers, sequences, mappings, iteration).
 *
 * Conventions (the whole VM follows them):
 * - A function returning FtObject * returns a NEW reference, or NULL with an exception set
 *   on the thread state (runtime/errors.h). Exceptions to this are named *_borrowed or say
 *   "borrowed" in their comment.
 * - A function returning int returns -1 with an exception set on error; predicates return
 *   1 / 0 / -1.
 * - Arguments are borrowed unless the comment says the function "steals" them.
 * - ft_<file>_<verb>: functions exported by core/objects/<file>.c; FtCamelCase: types.
 */
#ifndef FT_OBJECT_H
#define FT_OBJECT_H

#ifndef FT_INTERNAL
#error "core/object.h is internal to the ftpy VM"
#endif

#include "config.h"
#include "locking/strategy.h"
#include <limits.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>

typedef int64_t ft_hash_t;

#define FT_LIKELY(x) __builtin_expect(!!(x), 1)
#define FT_UNLIKELY(x) __builtin_expect(!!(x), 0)
#if FT_DEBUG
#include <assert.h>
#define FT_ASSERT(x) assert(x)
#else
#define FT_ASSERT(x) ((void)0)
#endif
#define FT_UNUSED(x) ((void)(x))
#define FT_ARRAY_LEN(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the object header ------------------------------------------------------------- */

typedef struct FtType FtType;

typedef struct FtObject {
    lk_refcnt ob_rc; /* fields defined by the locking strategy; always first */
    FtType *ob_type;
} FtObject;

typedef struct FtVarObject {
    FtObject ob_base;
    ssize_t ob_size;
} FtVarObject;

#define FT_TYPE(o) (((FtObject *)(o))->ob_type)
#define FT_SIZE(o) (((FtVarObject *)(o))->ob_size)
#define FT_IS_TYPE(o, t) (FT_TYPE(o) == (t))

/* Static initialiser of an immortal object header (static types, singletons). */
#define FT_STATIC_HEADER(type) { .ob_rc = {0}, .ob_type = (type) }

void ft_dealloc(FtObject *o); /* count reached zero: tp_dealloc */

static inline void ft_incref(FtObject *o) { lk_incref(&o->ob_rc); }
static inline void ft_decref(FtObject *o) {
    if (lk_decref(&o->ob_rc))
        ft_dealloc(o);
}
static inline FtObject *ft_newref(FtObject *o) {
    ft_incref(o);
    return o;
}

#define FT_INCREF(o) ft_incref((FtObject *)(o))
#define FT_DECREF(o) ft_decref((FtObject *)(o))
#define FT_XINCREF(o) do { FtObject *x_ = (FtObject *)(o); if (x_) ft_incref(x_); } while (0)
#define FT_XDECREF(o) do { FtObject *x_ = (FtObject *)(o); if (x_) ft_decref(x_); } while (0)
#define FT_NEWREF(o) ft_newref((FtObject *)(o))
#define FT_XNEWREF(o) ((o) ? ft_newref((FtObject *)(o)) : NULL)
#define FT_CLEAR(p) do { FtObject *t_ = (FtObject *)(p); if (t_) { (p) = NULL; ft_decref(t_); } } while (0)
/* Replace *p (a strong reference) by v (stolen), releasing the old value last. */
#define FT_SETREF(p, v) do { FtObject *t_ = (FtObject *)(p); (p) = (v); ft_decref(t_); } while (0)
#define FT_XSETREF(p, v) do { FtObject *t_ = (FtObject *)(p); (p) = (v); if (t_) ft_decref(t_); } while (0)
#define FT_REFCNT(o) lk_refcount(&((FtObject *)(o))->ob_rc)
#define FT_MAKE_IMMORTAL(o) lk_make_immortal(&((FtObject *)(o))->ob_rc)

/* ---- memory (gc/alloc.c) ------------------------------------------------------------
 * All memory goes through these (jemalloc when built with it). On failure they set
 * MemoryError and return NULL. */
void *ft_mem_alloc(size_t n);
void *ft_mem_calloc(size_t count, size_t n);
void *ft_mem_realloc(void *p, size_t n);
void ft_mem_free(void *p);
char *ft_mem_strdup(const char *s);

/* Objects. A type with FT_TPFLAGS_HAVE_GC (containers) is allocated with ft_gc_* so that the
 * cycle collector (gc/) can keep a header in front of it; everything else with ft_object_*.
 * The allocators initialise the header (count 1, ob_type, ob_size for var objects) and
 * zero the rest. tp_free of a type is the matching free (set by ft_type_ready). */
FtObject *ft_object_alloc(FtType *type);                  /* tp_basicsize bytes */
FtObject *ft_object_alloc_var(FtType *type, ssize_t n);   /* + n * tp_itemsize, ob_size = n */
void ft_object_free(void *o);
FtObject *ft_gc_alloc(FtType *type);
FtObject *ft_gc_alloc_var(FtType *type, ssize_t n);
FtObject *ft_gc_resize_var(FtObject *o, ssize_t n);      /* realloc a var object (unshared) */
void ft_gc_free(void *o);
void ft_gc_track(FtObject *o);    /* a container becomes visible to the collector */
void ft_gc_untrack(FtObject *o);  /* first thing a container's tp_dealloc does */
int ft_gc_is_tracked(FtObject *o);
/* tp_alloc / tp_free dispatch: allocate an instance of any type (heap types included). */
FtObject *ft_type_generic_alloc(FtType *type, ssize_t nitems);

/* ---- slot signatures ------------------------------------------------------------- */

typedef FtObject *(*ft_unaryfunc)(FtObject *);
typedef FtObject *(*ft_binaryfunc)(FtObject *, FtObject *);
typedef FtObject *(*ft_ternaryfunc)(FtObject *, FtObject *, FtObject *);
typedef int (*ft_inquiry)(FtObject *);
typedef ssize_t (*ft_lenfunc)(FtObject *);
typedef FtObject *(*ft_ssizeargfunc)(FtObject *, ssize_t);
typedef int (*ft_ssizeobjargproc)(FtObject *, ssize_t, FtObject *);   /* value NULL = delete */
typedef int (*ft_objobjargproc)(FtObject *, FtObject *, FtObject *);  /* value NULL = delete */
typedef int (*ft_objobjproc)(FtObject *, FtObject *);
typedef void (*ft_destructor)(FtObject *);
typedef void (*ft_freefunc)(void *);
typedef FtObject *(*ft_reprfunc)(FtObject *);
typedef ft_hash_t (*ft_hashfunc)(FtObject *);                          /* -1 = error */
typedef FtObject *(*ft_richcmpfunc)(FtObject *, FtObject *, int op);
typedef FtObject *(*ft_getattrofunc)(FtObject *, FtObject *name);
typedef int (*ft_setattrofunc)(FtObject *, FtObject *name, FtObject *value); /* NULL = del */
typedef FtObject *(*ft_getiterfunc)(FtObject *);
/* tp_iternext: the next item; NULL WITHOUT an exception set = exhausted (no StopIteration
 * object is made on the hot path); NULL with an exception set = error. */
typedef FtObject *(*ft_iternextfunc)(FtObject *);
typedef FtObject *(*ft_descrgetfunc)(FtObject *descr, FtObject *obj, FtObject *type);
typedef int (*ft_descrsetfunc)(FtObject *descr, FtObject *obj, FtObject *value); /* NULL=del */
typedef int (*ft_initproc)(FtObject *self, FtObject *args, FtObject *kwargs);
typedef FtObject *(*ft_newfunc)(FtType *type, FtObject *args, FtObject *kwargs);
typedef FtObject *(*ft_allocfunc)(FtType *type, ssize_t nitems);
typedef int (*ft_visitproc)(FtObject *, void *arg);
typedef int (*ft_traverseproc)(FtObject *, ft_visitproc visit, void *arg);

/* Vectorcall: args[0..nargs) positional, then one value per name in kwnames (a tuple of
 * str, or NULL). nargsf may carry FT_VECTORCALL_ARGUMENTS_OFFSET: the callee may then
 * overwrite args[-1] temporarily (used to prepend self without copying). */
typedef FtObject *(*ft_vectorcallfunc)(FtObject *callable, FtObject *const *args, size_t nargsf,
                                       FtObject *kwnames);
#define FT_VECTORCALL_ARGUMENTS_OFFSET ((size_t)1 << (8 * sizeof(size_t) - 1))
static inline ssize_t ft_vectorcall_nargs(size_t nargsf) {
    return (ssize_t)(nargsf & ~FT_VECTORCALL_ARGUMENTS_OFFSET);
}

/* Rich comparison operators (same numbering as CPython). */
enum { FT_LT = 0, FT_LE = 1, FT_EQ = 2, FT_NE = 3, FT_GT = 4, FT_GE = 5 };

/* Binary operators: the oparg of BINARY_OP, in CPython 3.11's numbering (NB_*). */
enum {
    FT_BINOP_ADD = 0, FT_BINOP_AND, FT_BINOP_FLOOR_DIVIDE, FT_BINOP_LSHIFT,
    FT_BINOP_MATRIX_MULTIPLY, FT_BINOP_MULTIPLY, FT_BINOP_REMAINDER, FT_BINOP_OR,
    FT_BINOP_POWER, FT_BINOP_RSHIFT, FT_BINOP_SUBTRACT, FT_BINOP_TRUE_DIVIDE, FT_BINOP_XOR,
    FT_BINOP_INPLACE_ADD, FT_BINOP_INPLACE_AND, FT_BINOP_INPLACE_FLOOR_DIVIDE,
    FT_BINOP_INPLACE_LSHIFT, FT_BINOP_INPLACE_MATRIX_MULTIPLY, FT_BINOP_INPLACE_MULTIPLY,
    FT_BINOP_INPLACE_REMAINDER, FT_BINOP_INPLACE_OR, FT_BINOP_INPLACE_POWER,
    FT_BINOP_INPLACE_RSHIFT, FT_BINOP_INPLACE_SUBTRACT, FT_BINOP_INPLACE_TRUE_DIVIDE,
    FT_BINOP_INPLACE_XOR,
    FT_BINOP_COUNT
};
#define FT_BINOP_INPLACE_OFFSET FT_BINOP_INPLACE_ADD
extern const char *const ft_binop_symbols[FT_BINOP_COUNT]; /* "+", "&", ... "+=", ... */

/* ---- type objects ------------------------------------------------------------------ */

/* Binary number slots follow CPython: the slot is called with (a, b) when EITHER operand's
 * type has it, so an implementation checks both operands and returns NotImplemented (new
 * reference to FT_NOTIMPLEMENTED) for types it does not handle. */
typedef struct FtNumberMethods {
    ft_binaryfunc nb_add, nb_subtract, nb_multiply, nb_remainder, nb_divmod;
    ft_ternaryfunc nb_power;
    ft_unaryfunc nb_negative, nb_positive, nb_absolute;
    ft_inquiry nb_bool;
    ft_unaryfunc nb_invert;
    ft_binaryfunc nb_lshift, nb_rshift, nb_and, nb_xor, nb_or;
    ft_unaryfunc nb_int, nb_float;
    ft_binaryfunc nb_inplace_add, nb_inplace_subtract, nb_inplace_multiply, nb_inplace_remainder;
    ft_ternaryfunc nb_inplace_power;
    ft_binaryfunc nb_inplace_lshift, nb_inplace_rshift, nb_inplace_and, nb_inplace_xor,
        nb_inplace_or;
    ft_binaryfunc nb_floor_divide, nb_true_divide, nb_inplace_floor_divide,
        nb_inplace_true_divide;
    ft_unaryfunc nb_index;
    ft_binaryfunc nb_matrix_multiply, nb_inplace_matrix_multiply;
} FtNumberMethods;

typedef struct FtSequenceMethods {
    ft_lenfunc sq_length;
    ft_binaryfunc sq_concat;
    ft_ssizeargfunc sq_repeat;
    ft_ssizeargfunc sq_item;           /* index already made non-negative by the caller */
    ft_ssizeobjargproc sq_ass_item;
    ft_objobjproc sq_contains;
    ft_binaryfunc sq_inplace_concat;
    ft_ssizeargfunc sq_inplace_repeat;
} FtSequenceMethods;

typedef struct FtMappingMethods {
    ft_lenfunc mp_length;
    ft_binaryfunc mp_subscript;
    ft_objobjargproc mp_ass_subscript;
} FtMappingMethods;

/* Methods of built-in types and functions of built-in modules. */
enum {
    FT_METH_NOARGS = 0x01,  /* FtObject *f(FtObject *self, FtObject *unused) */
    FT_METH_O = 0x02,       /* FtObject *f(FtObject *self, FtObject *arg) */
    FT_METH_FASTCALL = 0x04,/* FtObject *f(FtObject *self, FtObject *const *args, ssize_t nargs) */
    FT_METH_KEYWORDS = 0x08,/* with FASTCALL: f(self, args, nargs, FtObject *kwnames)
                               with VARARGS:  f(self, FtObject *argstuple, FtObject *kwdict) */
    FT_METH_VARARGS = 0x10, /* FtObject *f(FtObject *self, FtObject *argstuple) */
    FT_METH_CLASS = 0x20,   /* self is the type (classmethod) */
    FT_METH_STATIC = 0x40,  /* self is NULL (staticmethod) */
};
typedef struct FtMethodDef {
    const char *name;
    void *meth; /* one of the signatures above, cast to void * */
    int flags;
    const char *doc;
} FtMethodDef;
typedef FtObject *(*ft_fastcall_kw)(FtObject *, FtObject *const *, ssize_t, FtObject *);
typedef FtObject *(*ft_fastcall)(FtObject *, FtObject *const *, ssize_t);

/* Data members stored at a fixed offset in the instance. */
enum {
    FT_T_OBJECT = 1,    /* FtObject *, None when NULL */
    FT_T_OBJECT_EX,     /* FtObject *, AttributeError when NULL */
    FT_T_INT, FT_T_LONG, FT_T_SSIZE, FT_T_BOOL /* char */, FT_T_DOUBLE, FT_T_UINT,
};
#define FT_READONLY 1
typedef struct FtMemberDef {
    const char *name;
    int type;
    ssize_t offset;
    int flags;
    const char *doc;
} FtMemberDef;

typedef FtObject *(*ft_getter)(FtObject *self, void *closure);
typedef int (*ft_setter)(FtObject *self, FtObject *value, void *closure); /* value NULL = del */
typedef struct FtGetSetDef {
    const char *name;
    ft_getter get;
    ft_setter set;
    const char *doc;
    void *closure;
} FtGetSetDef;

/* tp_flags */
enum {
    FT_TPFLAGS_HEAPTYPE = 1ul << 9,
    FT_TPFLAGS_BASETYPE = 1ul << 10,  /* may be subclassed */
    FT_TPFLAGS_READY = 1ul << 12,
    FT_TPFLAGS_READYING = 1ul << 13,
    FT_TPFLAGS_HAVE_GC = 1ul << 14,
    FT_TPFLAGS_METHOD_DESCRIPTOR = 1ul << 17, /* functions: bind on LOAD_METHOD w/o a method obj */
    FT_TPFLAGS_IMMUTABLETYPE = 1ul << 8,
    FT_TPFLAGS_IS_ABSTRACT = 1ul << 20,
    FT_TPFLAGS_HAS_FINALIZE = 1ul << 0,
    /* Fast subclass checks (set by ft_type_ready from the base). */
    FT_TPFLAGS_INT_SUBCLASS = 1ul << 24,
    FT_TPFLAGS_LIST_SUBCLASS = 1ul << 25,
    FT_TPFLAGS_TUPLE_SUBCLASS = 1ul << 26,
    FT_TPFLAGS_BYTES_SUBCLASS = 1ul << 27,
    FT_TPFLAGS_STR_SUBCLASS = 1ul << 28,
    FT_TPFLAGS_DICT_SUBCLASS = 1ul << 29,
    FT_TPFLAGS_BASE_EXC_SUBCLASS = 1ul << 30,
    FT_TPFLAGS_TYPE_SUBCLASS = 1ul << 31,
};
#define FT_TPFLAGS_DEFAULT 0ul

struct FtType {
    FtVarObject ob_base;
    const char *tp_name;          /* "int", "collections.OrderedDict" (module before the dot) */
    ssize_t tp_basicsize, tp_itemsize;
    ft_destructor tp_dealloc;
    ft_reprfunc tp_repr;
    FtNumberMethods *tp_as_number;
    FtSequenceMethods *tp_as_sequence;
    FtMappingMethods *tp_as_mapping;
    ft_hashfunc tp_hash;          /* NULL after ready = unhashable (ft_object_hash_not_implemented) */
    ft_ternaryfunc tp_call;       /* (callable, args tuple, kwargs dict or NULL) */
    ft_vectorcallfunc tp_vectorcall; /* calling an instance; preferred over tp_call when set */
    ft_reprfunc tp_str;
    ft_getattrofunc tp_getattro;
    ft_setattrofunc tp_setattro;
    unsigned long tp_flags;
    const char *tp_doc;
    ft_traverseproc tp_traverse;
    ft_inquiry tp_clear;
    ft_richcmpfunc tp_richcompare;
    ssize_t tp_weaklistoffset;
    ft_getiterfunc tp_iter;
    ft_iternextfunc tp_iternext;
    FtMethodDef *tp_methods;
    FtMemberDef *tp_members;
    FtGetSetDef *tp_getset;
    FtType *tp_base;
    FtObject *tp_dict;            /* dict: the type's namespace */
    ft_descrgetfunc tp_descr_get;
    ft_descrsetfunc tp_descr_set;
    ssize_t tp_dictoffset;        /* offset of the instance __dict__ pointer, 0 = none */
    ft_initproc tp_init;
    ft_allocfunc tp_alloc;
    ft_newfunc tp_new;
    ft_freefunc tp_free;
    FtObject *tp_bases;           /* tuple */
    FtObject *tp_mro;             /* tuple, C3 linearisation, starts with the type itself */
    FtObject *tp_subclasses;      /* dict id -> weak-ish reference (type.c) */
    ft_destructor tp_finalize;    /* PEP 442 __del__ */
    FtObject *tp_cache;           /* type.c: attribute lookup cache */
    unsigned int tp_version_tag;  /* changes whenever the type or a base is modified */
};

/* A class statement creates a heap type: the slot tables live inside it. */
typedef struct FtHeapType {
    FtType ht_type;
    FtNumberMethods as_number;
    FtMappingMethods as_mapping;
    FtSequenceMethods as_sequence;
    FtObject *ht_name, *ht_qualname, *ht_module; /* str, str, object */
    FtObject *ht_slots;           /* tuple of __slots__ names or NULL */
    char *ht_tpname;              /* owned storage for tp_name */
} FtHeapType;

extern FtType ft_type_type;      /* type */
extern FtType ft_object_type;    /* object */

#define ft_type_check(o) ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_TYPE_SUBCLASS) != 0)
#define ft_type_has_feature(t, f) (((t)->tp_flags & (f)) != 0)

/* ---- core/objects/type.c -------------------------------------------------------------- */
int ft_type_ready(FtType *type);                   /* static types, once, at start-up */
FtObject *ft_type_lookup(FtType *type, FtObject *name);  /* MRO lookup, BORROWED, no error set */
FtObject *ft_type_lookup_cstr(FtType *type, const char *name); /* BORROWED */
int ft_type_is_subtype(FtType *a, FtType *b);      /* a is b or a subclass of b (via MRO) */
FtObject *ft_type_name(FtType *t);                 /* __name__ (new ref) */
FtObject *ft_type_qualname(FtType *t);
const char *ft_type_short_name(FtType *t);        /* tp_name after the last dot */
void ft_type_modified(FtType *t);                  /* namespace changed: invalidate caches */
/* type(name, bases, dict) with the metaclass calculation: what __build_class__ calls */
FtObject *ft_type_new_from_spec(FtType *meta, FtObject *name, FtObject *bases, FtObject *dict,
                                FtObject *kwargs);

/* ---- core/objects/object.c: generic protocols ----------------------------------------- */
FtObject *ft_object_repr(FtObject *o);
FtObject *ft_object_str(FtObject *o);
FtObject *ft_object_ascii(FtObject *o);
ft_hash_t ft_object_hash(FtObject *o);
ft_hash_t ft_object_hash_not_implemented(FtObject *o); /* TypeError: unhashable type: 'list' */
FtObject *ft_object_richcompare(FtObject *a, FtObject *b, int op);
int ft_object_richcompare_bool(FtObject *a, FtObject *b, int op); /* identity implies EQ */
int ft_object_is_true(FtObject *o);
int ft_object_not(FtObject *o);
FtObject *ft_object_getattr(FtObject *o, FtObject *name);
FtObject *ft_object_getattr_cstr(FtObject *o, const char *name);
/* 1 found (*result new ref), 0 absent (AttributeError swallowed, *result NULL), -1 error */
int ft_object_lookup_attr(FtObject *o, FtObject *name, FtObject **result);
int ft_object_setattr(FtObject *o, FtObject *name, FtObject *value); /* value NULL = delete */
int ft_object_setattr_cstr(FtObject *o, const char *name, FtObject *value);
int ft_object_hasattr(FtObject *o, FtObject *name);
FtObject *ft_object_generic_getattr(FtObject *o, FtObject *name);
int ft_object_generic_setattr(FtObject *o, FtObject *name, FtObject *value);
FtObject **ft_object_dict_ptr(FtObject *o);       /* address of the instance __dict__ or NULL */
FtObject *ft_object_generic_get_dict(FtObject *o, void *closure);
int ft_object_generic_set_dict(FtObject *o, FtObject *value, void *closure);
/* Method lookup for LOAD_METHOD: 1 = *method is an unbound function to call with o first;
 * 0 = *method is the attribute itself (bound or plain); -1 = error. *method is a new ref. */
int ft_object_get_method(FtObject *o, FtObject *name, FtObject **method);
FtObject *ft_object_dir(FtObject *o);             /* sorted list */
FtObject *ft_object_format(FtObject *o, FtObject *spec);  /* format(o, spec); spec may be NULL */
int ft_object_isinstance(FtObject *o, FtObject *cls);     /* cls may be a tuple */
int ft_object_issubclass(FtObject *derived, FtObject *cls);
FtObject *ft_object_type_of(FtObject *o);                 /* type(o), new ref */
ft_hash_t ft_object_hash_pointer(void *p);

/* Calls (core/objects/call.c is owned by the type system). */
FtObject *ft_object_call(FtObject *callable, FtObject *args, FtObject *kwargs); /* kwargs NULL ok */
FtObject *ft_object_vectorcall(FtObject *callable, FtObject *const *args, size_t nargsf,
                               FtObject *kwnames);
FtObject *ft_object_call_noargs(FtObject *callable);
FtObject *ft_object_call_one(FtObject *callable, FtObject *arg);
FtObject *ft_object_call_method(FtObject *o, FtObject *name, FtObject *const *args, ssize_t nargs);
FtObject *ft_object_call_method_cstr(FtObject *o, const char *name, FtObject *const *args,
                                     ssize_t nargs);
FtObject *ft_object_call_va(FtObject *callable, ...);   /* NULL-terminated argument list */
/* Convert between vectorcall arguments and (tuple, dict). */
FtObject *ft_vectorcall_to_dict(FtObject *const *values, FtObject *kwnames);
FtObject *ft_vectorcall_from_tuple_dict(FtObject *callable, FtObject *args, FtObject *kwargs);
/* Call a slot-bearing type through tp_call when the type has no tp_vectorcall, and vice versa */
FtObject *ft_vectorcall_via_call(FtObject *callable, FtObject *const *args, size_t nargsf,
                                 FtObject *kwnames);
int ft_callable_check(FtObject *o);

/* Argument parsing for built-in functions (call.c). kwlist holds the parameter names in
 * order, NULL-terminated; the first `posonly` names are positional-only, names from
 * `kwonly_start` on are keyword-only (pass -1 for none); the first `required` are required.
 * out[i] receives a BORROWED reference or NULL when the argument was not given. Errors are
 * CPython's: "f() takes at most 2 arguments (3 given)", "f() missing required argument 'x'
 * (pos 1)", "f() got an unexpected keyword argument 'y'". */
int ft_parse_args(const char *fname, FtObject *const *args, ssize_t nargs, FtObject *kwnames,
                  const char *const *kwlist, int posonly, int kwonly_start, int required,
                  FtObject **out);
int ft_check_no_kwargs(const char *fname, FtObject *kwnames);
int ft_check_nargs(const char *fname, ssize_t nargs, ssize_t min, ssize_t max);

/* ---- core/objects/abstract.c: numbers, sequences, mappings, iteration ---------------- */
FtObject *ft_number_binop(FtObject *a, FtObject *b, int op);  /* op: FT_BINOP_*, incl. in-place */
FtObject *ft_number_power(FtObject *a, FtObject *b, FtObject *mod); /* pow(); mod may be None */
FtObject *ft_number_divmod(FtObject *a, FtObject *b);
FtObject *ft_number_negative(FtObject *o);
FtObject *ft_number_positive(FtObject *o);
FtObject *ft_number_invert(FtObject *o);
FtObject *ft_number_absolute(FtObject *o);
FtObject *ft_number_index(FtObject *o);        /* __index__ -> exact int */
ssize_t ft_number_as_ssize(FtObject *o, FtType *overflow_exc); /* NULL exc = clamp; -1+err */
FtObject *ft_number_long(FtObject *o);         /* int(o) */
FtObject *ft_number_float(FtObject *o);        /* float(o) */
int ft_index_check(FtObject *o);

FtObject *ft_object_getitem(FtObject *o, FtObject *key);
int ft_object_setitem(FtObject *o, FtObject *key, FtObject *value);
int ft_object_delitem(FtObject *o, FtObject *key);
ssize_t ft_object_length(FtObject *o);          /* len(); -1 with error */
ssize_t ft_object_length_hint(FtObject *o, ssize_t dflt);
int ft_sequence_contains(FtObject *seq, FtObject *item); /* `in` */
FtObject *ft_sequence_tuple(FtObject *o);       /* tuple(o) */
FtObject *ft_sequence_list(FtObject *o);        /* list(o) */
FtObject *ft_sequence_fast(FtObject *o, const char *msg); /* list or tuple as is, else list */
FtObject *ft_sequence_getitem(FtObject *o, ssize_t i);
FtObject *ft_object_getiter(FtObject *o);        /* iter(o) */
FtObject *ft_iter_next(FtObject *it);            /* next item; NULL without error = exhausted */
int ft_iter_check(FtObject *o);
FtObject *ft_mapping_keys(FtObject *o);          /* list */
FtObject *ft_mapping_items(FtObject *o);

/* ---- runtime singletons -------------------------------------------------------------- */
extern FtObject ft_none_struct, ft_notimplemented_struct, ft_ellipsis_struct;
extern FtType ft_none_type, ft_notimplemented_type, ft_ellipsis_type;
#define FT_NONE (&ft_none_struct)
#define FT_NOTIMPLEMENTED (&ft_notimplemented_struct)
#define FT_ELLIPSIS (&ft_ellipsis_struct)
#define FT_RETURN_NONE return ft_newref(FT_NONE)
#define FT_RETURN_NOTIMPLEMENTED return ft_newref(FT_NOTIMPLEMENTED)

/* Interned identifier, made once per use site: FT_ID(__init__). The string is immortal. */
FtObject *ft_str_intern_cstr(const char *s);
#define FT_ID(name)                                                  \
    ({                                                               \
        static FtObject *ft_id_;                                     \
        FtObject *ft_idv_ = __atomic_load_n(&ft_id_, __ATOMIC_ACQUIRE); \
        if (FT_UNLIKELY(ft_idv_ == NULL)) {                          \
            ft_idv_ = ft_str_intern_cstr(#name);                     \
            __atomic_store_n(&ft_id_, ft_idv_, __ATOMIC_RELEASE);    \
        }                                                            \
        ft_idv_;                                                     \
    })

#include "core/types.h"
#include "runtime/errors.h"

#endif
