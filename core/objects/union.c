/* types.UnionType: `int | None`, made by type.__or__ (and GenericAlias.__or__): creation
 * with flattening and de-duplication, repr, equality and hashing, __args__; isinstance()
 * and issubclass() accept a union (abstract.c). Mirrors CPython's Objects/unionobject.c.
 * (types.GenericAlias lives in iterators.c.) */
#include "core/objects/typeslots.h"
#include "runtime/tstate.h"
#include <string.h>

typedef struct FtUnion {
    FtObject ob_base;
    FtObject *args;        /* tuple of types / aliases, NoneType for None */
} FtUnion;

/* ---- shared repr of a type argument: int, __main__.A, None, ..., list[int] ------------- */

static int repr_item(FtStrBuilder *sb, FtObject *p) {
    if (p == FT_ELLIPSIS)
        return ft_sb_append_cstr(sb, "...");
    if (p == (FtObject *)&ft_none_type)
        return ft_sb_append_cstr(sb, "None");
    if (ft_type_check(p) && FT_TYPE(p) != &ft_generic_alias_type) {
        FtObject *qn = NULL, *mod = NULL;
        if (ft_object_lookup_attr(p, FT_ID(__qualname__), &qn) < 0 ||
            ft_object_lookup_attr(p, FT_ID(__module__), &mod) < 0) {
            FT_XDECREF(qn);
            return -1;
        }
        int r;
        if (qn && mod && ft_str_check(mod) && !ft_str_eq_cstr(mod, "builtins")) {
            r = ft_sb_append_str(sb, mod) < 0 || ft_sb_append_char(sb, '.') < 0 ||
                        ft_sb_append_str(sb, qn) < 0 ? -1 : 0;
        } else if (qn && ft_str_check(qn)) {
            r = ft_sb_append_str(sb, qn);
        } else {
            r = ft_sb_append_repr(sb, p);
        }
        FT_XDECREF(qn);
        FT_XDECREF(mod);
        return r;
    }
    return ft_sb_append_repr(sb, p);
}

/* ---- UnionType ------------------------------------------------------------------------------ */

static int is_unionable(FtObject *o) {
    return o == FT_NONE || ft_type_check(o) || FT_TYPE(o) == &ft_generic_alias_type ||
           FT_TYPE(o) == &ft_union_type;
}

static int add_arg(FtObject *list, FtObject *a) {
    if (a == FT_NONE)
        a = (FtObject *)&ft_none_type;
    for (ssize_t i = 0; i < FT_SIZE(list); i++) {
        FtObject *e = FT_LIST_GET(list, i);
        if (e == a)
            return 0;
        if (FT_TYPE(e) == &ft_generic_alias_type && FT_TYPE(a) == &ft_generic_alias_type) {
            int eq = ft_object_richcompare_bool(e, a, FT_EQ);
            if (eq < 0)
                return -1;
            if (eq)
                return 0;
        }
    }
    return ft_list_append(list, a);
}

static int add_args(FtObject *list, FtObject *o) {
    if (FT_TYPE(o) == &ft_union_type) {
        FtObject *args = ((FtUnion *)o)->args;
        for (ssize_t i = 0; i < FT_SIZE(args); i++)
            if (add_arg(list, FT_TUPLE_GET(args, i)) < 0)
                return -1;
        return 0;
    }
    return add_arg(list, o);
}

FtObject *ft_union_or(FtObject *a, FtObject *b) {
    if (!is_unionable(a) || !is_unionable(b))
        FT_RETURN_NOTIMPLEMENTED;
    FtObject *list = ft_list_new(0);
    if (!list)
        return NULL;
    if (add_args(list, a) < 0 || add_args(list, b) < 0) {
        FT_DECREF(list);
        return NULL;
    }
    if (FT_SIZE(list) == 1) {
        FtObject *only = FT_NEWREF(FT_LIST_GET(list, 0));
        FT_DECREF(list);
        return only;
    }
    FtUnion *u = (FtUnion *)ft_gc_alloc(&ft_union_type);
    if (!u) {
        FT_DECREF(list);
        return NULL;
    }
    u->args = ft_list_as_tuple(list);
    FT_DECREF(list);
    if (!u->args) {
        FT_DECREF(u);
        return NULL;
    }
    ft_gc_track((FtObject *)u);
    return (FtObject *)u;
}

FtObject *ft_union_args(FtObject *u) { return ((FtUnion *)u)->args; }

static void union_dealloc(FtObject *o) {
    ft_gc_untrack(o);
    FT_XDECREF(((FtUnion *)o)->args);
    ft_gc_free(o);
}

static int union_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    FtObject *a = ((FtUnion *)o)->args;
    return a ? visit(a, arg) : 0;
}

static FtObject *union_repr(FtObject *o) {
    FtObject *args = ((FtUnion *)o)->args;
    FtStrBuilder sb;
    ft_sb_init(&sb);
    for (ssize_t i = 0; i < FT_SIZE(args); i++) {
        if ((i > 0 && ft_sb_append_cstr(&sb, " | ") < 0) || repr_item(&sb, FT_TUPLE_GET(args, i)) < 0) {
            ft_sb_discard(&sb);
            return NULL;
        }
    }
    return ft_sb_finish(&sb);
}

static FtObject *union_richcompare(FtObject *a, FtObject *b, int op) {
    if (FT_TYPE(b) != &ft_union_type || (op != FT_EQ && op != FT_NE))
        FT_RETURN_NOTIMPLEMENTED;
    FtObject *sa = ft_frozenset_new(((FtUnion *)a)->args);
    FtObject *sb = sa ? ft_frozenset_new(((FtUnion *)b)->args) : NULL;
    FtObject *r = sb ? ft_object_richcompare(sa, sb, op) : NULL;
    FT_XDECREF(sa);
    FT_XDECREF(sb);
    return r;
}

static ft_hash_t union_hash(FtObject *o) {
    FtObject *s = ft_frozenset_new(((FtUnion *)o)->args);
    if (!s)
        return -1;
    ft_hash_t h = ft_object_hash(s);
    FT_DECREF(s);
    return h;
}

static FtObject *union_parameters(FtObject *o, void *c) { return FT_NEWREF(ft_empty_tuple); }

static FtNumberMethods union_as_number = {.nb_or = ft_union_or};
static FtMemberDef union_members[] = {
    {"__args__", FT_T_OBJECT, offsetof(FtUnion, args), FT_READONLY, NULL},
    {NULL},
};
static FtGetSetDef union_getset[] = {
    {"__parameters__", union_parameters, NULL, NULL, NULL},
    {NULL},
};

FtType ft_union_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "types.UnionType",
    .tp_basicsize = sizeof(FtUnion),
    .tp_dealloc = union_dealloc,
    .tp_repr = union_repr,
    .tp_as_number = &union_as_number,
    .tp_hash = union_hash,
    .tp_getattro = ft_object_generic_getattr,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_doc = "Represent a PEP 604 union type\n\nE.g. for int | str",
    .tp_traverse = union_traverse,
    .tp_richcompare = union_richcompare,
    .tp_members = union_members,
    .tp_getset = union_getset,
};
