/* Private to the type system (type.c, typeslots.c, descr.c, object.c, abstract.c, call.c):
 * the slot-definition table that ties C slots to dunder names, and the layouts of the
 * descriptor objects. Nothing outside these files may include it. */
#ifndef FT_TYPESLOTS_H
#define FT_TYPESLOTS_H

#include "core/object.h"

/* Which structure a slot lives in. */
enum { SLOT_TP, SLOT_NB, SLOT_SQ, SLOT_MP };

/* A wrapper turns a call of a slot wrapper (`int.__add__(1, 2)`) into a call of the C slot
 * `wrapped`. args/nargs are the arguments after self; kwnames as in vectorcall. */
typedef FtObject *(*ft_wrapperfunc)(FtObject *self, FtObject *const *args, ssize_t nargs,
                                    FtObject *kwnames, void *wrapped);

typedef struct SlotDef {
    const char *name;
    int table;                /* SLOT_* */
    size_t offset;            /* within FtType or the sub-table */
    void *function;           /* the generic slot function heap types get */
    ft_wrapperfunc wrapper;   /* NULL: no wrapper descriptor (e.g. __getattr__) */
    const char *doc;
    int kw;                   /* the wrapper accepts keyword arguments */
    FtObject *name_str;       /* interned name, filled by ft_typeslots_init */
} SlotDef;

extern SlotDef ft_slotdefs[];           /* ends with a NULL name */
int ft_typeslots_init(void);            /* interns the names (needs strings) */
void **ft_slot_ptr(FtType *type, const SlotDef *p);  /* address of the slot or NULL */
/* Add a wrapper descriptor to type->tp_dict for each slot the type itself defines. */
int ft_type_add_operators(FtType *type);
/* Heap types: point every slot at the right function from the dunders in the MRO. */
void ft_type_fixup_slots(FtType *type);
/* A dunder was assigned on a class: refresh the slots that depend on `name`. */
void ft_type_update_slot(FtType *type, FtObject *name);

/* ---- descriptor layouts (descr.c) ---------------------------------------------------- */
typedef struct FtDescr {
    FtObject ob_base;
    FtType *d_type;
    FtObject *d_name;          /* str */
    FtObject *d_qualname;      /* str or NULL (made on demand) */
} FtDescr;
typedef struct FtMethodDescr {
    FtDescr d_common;
    FtMethodDef *d_method;
    ft_vectorcallfunc vectorcall;
} FtMethodDescr;
typedef struct FtMemberDescr {
    FtDescr d_common;
    FtMemberDef *d_member;
} FtMemberDescr;
typedef struct FtGetSetDescr {
    FtDescr d_common;
    FtGetSetDef *d_getset;
} FtGetSetDescr;
typedef struct FtWrapperDescr {
    FtDescr d_common;
    const SlotDef *d_base;
    void *d_wrapped;
} FtWrapperDescr;
typedef struct FtMethodWrapper {
    FtObject ob_base;
    FtWrapperDescr *descr;
    FtObject *self;
} FtMethodWrapper;
typedef struct FtProperty {
    FtObject ob_base;
    FtObject *fget, *fset, *fdel, *doc, *name;
    int getter_doc;
} FtProperty;
typedef struct FtStaticMethod {   /* also classmethod */
    FtObject ob_base;
    FtObject *callable;
    FtObject *dict;
} FtStaticMethod;
typedef struct FtSuper {
    FtObject ob_base;
    FtType *type;
    FtObject *obj;
    FtType *obj_type;
} FtSuper;
typedef struct FtMappingProxy {
    FtObject ob_base;
    FtObject *mapping;
} FtMappingProxy;

FtObject *ft_descr_new_wrapper(FtType *type, const SlotDef *base, void *wrapped);
FtObject *ft_staticmethod_new(FtObject *callable);
FtObject *ft_classmethod_new(FtObject *callable);

/* ---- shared helpers ------------------------------------------------------------------ */
/* Look a dunder up on type(self) and call it bound to self; *found = 0 when absent (no
 * error set, NULL returned). */
FtObject *ft_call_special(FtObject *self, FtObject *name, FtObject *const *args,
                          ssize_t nargs, int *found);
FtObject *ft_object_new_impl(FtType *type, FtObject *args, FtObject *kwargs);
int ft_object_init_impl(FtObject *self, FtObject *args, FtObject *kwargs);
extern FtMethodDef ft_tp_new_methoddef;     /* __new__ of built-in types */
FtObject **ft_object_dict_ptr_slow(FtObject *o);  /* side-table dicts (type.c) */
void ft_object_side_dict_clear(FtObject *o);
#define FT_DICTOFFSET_SIDE ((ssize_t)-1)        /* instance dict kept in a side table */
/* Raise AttributeError with CPython's message for a missing instance attribute. */
void ft_attribute_error(FtObject *o, FtObject *name);
FtObject *ft_type_getattro(FtObject *type, FtObject *name);
extern int ft_types_finished;
FtObject *ft_union_args(FtObject *u);           /* union.c: the tuple of a union */
int ft_type_default_instancecheck(FtObject *cls, FtObject *inst);   /* abstract.c */
int ft_type_default_subclasscheck(FtObject *cls, FtObject *derived);
int ft_slot_tp_init(FtObject *self, FtObject *args, FtObject *kwargs); /* typeslots.c */
FtObject *ft_slot_tp_new(FtType *type, FtObject *args, FtObject *kwargs);
FtObject *ft_type_new_impl(FtType *meta, FtObject *args, FtObject *kwargs); /* type.__new__ */
void ft_type_add_subclass(FtType *base, FtType *sub);
extern ft_vectorcallfunc ft_super_vectorcall;   /* super(...) without a tuple */
/* (tuple, dict) -> vector + kwnames; *stack must be freed with ft_mem_free */
int ft_unpack_tuple_dict(FtObject *args, FtObject *kwargs, FtObject ***stack, ssize_t *nargs,
                         FtObject **kwnames);              /* ft_types_finish_init has run */

#endif
