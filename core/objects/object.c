/* The `object` type, the generic object protocols (repr, str, hash, rich comparison,
 * truth, attribute access, method lookup for LOAD_METHOD, dir), the None, NotImplemented
 * and Ellipsis singletons and their types, and ft_binop_symbols. Mirrors CPython's
 * Objects/object.c and the object parts of Objects/typeobject.c. */
#include "core/objects/typeslots.h"
#include "runtime/import.h"
#include "runtime/tstate.h"
#include <stdio.h>
#include <string.h>

const char *const ft_binop_symbols[FT_BINOP_COUNT] = {
    "+", "&", "//", "<<", "@", "*", "%", "|", "**", ">>", "-", "/", "^",
    "+=", "&=", "//=", "<<=", "@=", "*=", "%=", "|=", "**=", ">>=", "-=", "/=", "^=",
};

void ft_dealloc(FtObject *o) { FT_TYPE(o)->tp_dealloc(o); }

ft_hash_t ft_object_hash_pointer(void *p) {
    size_t y = (size_t)p;
    /* the low bits are always zero (alignment): rotate them away, as CPython does */
    y = (y >> 4) | (y << (8 * sizeof(void *) - 4));
    ft_hash_t h = (ft_hash_t)y;
    return h == -1 ? -2 : h;
}

void ft_attribute_error(FtObject *o, FtObject *name) {
    ft_err_format(ft_exc_AttributeError, "'%s' object has no attribute '%U'",
                  FT_TYPE(o)->tp_name, name);
    FtObject *exc = ft_err_occurred();
    if (exc && FT_TYPE(exc) == ft_exc_AttributeError) {
        FtAttributeError *ae = (FtAttributeError *)exc;
        FT_XSETREF(ae->name, FT_NEWREF(name));
        FT_XSETREF(ae->obj, FT_NEWREF(o));
    }
}

/* ---- repr / str / ascii ------------------------------------------------------------------ */

FtObject *ft_object_repr(FtObject *o) {
    FtType *t = FT_TYPE(o);
    if (t->tp_repr == NULL)
        return ft_str_from_format("<%s object at %p>", t->tp_name, (void *)o);
    if (ft_enter_recursive_call(" while getting the repr of an object"))
        return NULL;
    FtObject *res = t->tp_repr(o);
    ft_leave_recursive_call();
    if (res && !ft_str_check(res)) {
        ft_err_format(ft_exc_TypeError, "__repr__ returned non-string (type %s)",
                      FT_TYPE(res)->tp_name);
        FT_DECREF(res);
        return NULL;
    }
    return res;
}

FtObject *ft_object_str(FtObject *o) {
    if (ft_str_check_exact(o))
        return FT_NEWREF(o);
    FtType *t = FT_TYPE(o);
    if (t->tp_str == NULL)
        return ft_object_repr(o);
    if (ft_enter_recursive_call(" while getting the str of an object"))
        return NULL;
    FtObject *res = t->tp_str(o);
    ft_leave_recursive_call();
    if (res && !ft_str_check(res)) {
        ft_err_format(ft_exc_TypeError, "__str__ returned non-string (type %s)",
                      FT_TYPE(res)->tp_name);
        FT_DECREF(res);
        return NULL;
    }
    return res;
}

FtObject *ft_object_ascii(FtObject *o) {
    FtObject *r = ft_object_repr(o);
    if (!r)
        return NULL;
    if (((FtStr *)r)->ascii)
        return r;
    FtStrBuilder sb;
    ft_sb_init(&sb);
    ssize_t n = FT_STR_LEN(r);
    char buf[16];
    for (ssize_t i = 0; i < n; i++) {
        uint32_t c = ft_str_read(r, i);
        int rc;
        if (c < 128) {
            rc = ft_sb_append_char(&sb, c);
        } else {
            if (c < 0x100)
                snprintf(buf, sizeof buf, "\\x%02x", c);
            else if (c < 0x10000)
                snprintf(buf, sizeof buf, "\\u%04x", c);
            else
                snprintf(buf, sizeof buf, "\\U%08x", c);
            rc = ft_sb_append_cstr(&sb, buf);
        }
        if (rc < 0) {
            ft_sb_discard(&sb);
            FT_DECREF(r);
            return NULL;
        }
    }
    FT_DECREF(r);
    return ft_sb_finish(&sb);
}

/* ---- hashing -------------------------------------------------------------------------- */

ft_hash_t ft_object_hash_not_implemented(FtObject *o) {
    ft_err_format(ft_exc_TypeError, "unhashable type: '%s'", FT_TYPE(o)->tp_name);
    return -1;
}

ft_hash_t ft_object_hash(FtObject *o) {
    ft_hashfunc h = FT_TYPE(o)->tp_hash;
    if (FT_UNLIKELY(h == NULL))
        return ft_object_hash_not_implemented(o);
    return h(o);
}

/* ---- rich comparison -------------------------------------------------------------------- */

static const int swapped_op[] = {FT_GT, FT_GE, FT_EQ, FT_NE, FT_LT, FT_LE};
static const char *const opstrings[] = {"<", "<=", "==", "!=", ">", ">="};

static FtObject *do_richcompare(FtObject *v, FtObject *w, int op) {
    ft_richcmpfunc f;
    FtObject *res;
    int checked_reverse_op = 0;
    FtType *tv = FT_TYPE(v), *tw = FT_TYPE(w);
    if (tv != tw && ft_type_is_subtype(tw, tv) && (f = tw->tp_richcompare) != NULL) {
        checked_reverse_op = 1;
        res = f(w, v, swapped_op[op]);
        if (res != FT_NOTIMPLEMENTED)
            return res;
        FT_DECREF(res);
    }
    if ((f = tv->tp_richcompare) != NULL) {
        res = f(v, w, op);
        if (res != FT_NOTIMPLEMENTED)
            return res;
        FT_DECREF(res);
    }
    if (!checked_reverse_op && (f = tw->tp_richcompare) != NULL) {
        res = f(w, v, swapped_op[op]);
        if (res != FT_NOTIMPLEMENTED)
            return res;
        FT_DECREF(res);
    }
    switch (op) {
    case FT_EQ:
        return ft_bool_from(v == w);
    case FT_NE:
        return ft_bool_from(v != w);
    default:
        ft_err_format(ft_exc_TypeError, "'%s' not supported between instances of '%s' and '%s'",
                      opstrings[op], tv->tp_name, tw->tp_name);
        return NULL;
    }
}

FtObject *ft_object_richcompare(FtObject *a, FtObject *b, int op) {
    if (ft_enter_recursive_call(" in comparison"))
        return NULL;
    FtObject *r = do_richcompare(a, b, op);
    ft_leave_recursive_call();
    return r;
}

int ft_object_richcompare_bool(FtObject *a, FtObject *b, int op) {
    if (a == b) {
        if (op == FT_EQ)
            return 1;
        if (op == FT_NE)
            return 0;
    }
    FtObject *r = ft_object_richcompare(a, b, op);
    if (!r)
        return -1;
    int ok = r == FT_TRUE ? 1 : r == FT_FALSE ? 0 : ft_object_is_true(r);
    FT_DECREF(r);
    return ok;
}

/* ---- truth ---------------------------------------------------------------------------------- */

int ft_object_is_true(FtObject *o) {
    if (o == FT_TRUE)
        return 1;
    if (o == FT_FALSE || o == FT_NONE)
        return 0;
    FtType *t = FT_TYPE(o);
    ssize_t r;
    if (t->tp_as_number && t->tp_as_number->nb_bool)
        r = t->tp_as_number->nb_bool(o);
    else if (t->tp_as_mapping && t->tp_as_mapping->mp_length)
        r = t->tp_as_mapping->mp_length(o);
    else if (t->tp_as_sequence && t->tp_as_sequence->sq_length)
        r = t->tp_as_sequence->sq_length(o);
    else
        return 1;
    return r > 0 ? 1 : (int)r;
}

int ft_object_not(FtObject *o) {
    int r = ft_object_is_true(o);
    return r < 0 ? r : !r;
}

/* ---- attributes ---------------------------------------------------------------------- */

FtObject **ft_object_dict_ptr(FtObject *o) {
    ssize_t off = FT_TYPE(o)->tp_dictoffset;
    if (off == 0)
        return NULL;
    if (FT_UNLIKELY(off == FT_DICTOFFSET_SIDE))
        return ft_object_dict_ptr_slow(o);
    return (FtObject **)((char *)o + off);
}

/* The instance's __dict__, created on first use (borrowed). Created under the instance's
 * critical section and published with a release store: two threads setting the first
 * attributes of one instance at once must not each create a dict (one would be lost). */
static FtObject *instance_dict(FtObject *o, FtObject **dp) {
    FtObject *d = __atomic_load_n(dp, __ATOMIC_ACQUIRE);
    if (d)
        return d;
    LK_BEGIN_CRITICAL(o);
    d = *dp;
    if (!d) {
        d = ft_dict_new();
        if (d)
            __atomic_store_n(dp, d, __ATOMIC_RELEASE);
    }
    LK_END_CRITICAL();
    return d;
}

FtObject *ft_object_generic_get_dict(FtObject *o, void *closure) {
    FtObject **dp = ft_object_dict_ptr(o);
    if (!dp) {
        ft_err_set_string(ft_exc_AttributeError, "This object has no __dict__");
        return NULL;
    }
    FtObject *d = instance_dict(o, dp);
    return d ? FT_NEWREF(d) : NULL;
}

int ft_object_generic_set_dict(FtObject *o, FtObject *value, void *closure) {
    FtObject **dp = ft_object_dict_ptr(o);
    if (!dp) {
        ft_err_set_string(ft_exc_AttributeError, "This object has no __dict__");
        return -1;
    }
    if (value == NULL) {
        ft_err_set_string(ft_exc_TypeError, "cannot delete __dict__");
        return -1;
    }
    if (!ft_dict_check(value)) {
        ft_err_format(ft_exc_TypeError, "__dict__ must be set to a dictionary, not a '%s'",
                      FT_TYPE(value)->tp_name);
        return -1;
    }
    /* Readers load the pointer atomically (instance_dict). */
    FtObject *old = __atomic_exchange_n(dp, FT_NEWREF(value), __ATOMIC_ACQ_REL);
    FT_XDECREF(old);
    return 0;
}

/* PyObject_GenericGetAttr; suppress = 1 returns NULL without an AttributeError. */
static FtObject *generic_getattr_impl(FtObject *o, FtObject *name, int suppress) {
    FtType *tp = FT_TYPE(o);
    FtObject *descr = ft_type_lookup(tp, name);
    ft_descrgetfunc f = NULL;
    FtObject *res;
    if (descr) {
        FT_INCREF(descr);
        f = FT_TYPE(descr)->tp_descr_get;
        if (f && FT_TYPE(descr)->tp_descr_set) {
            res = f(descr, o, (FtObject *)tp);
            FT_DECREF(descr);
            if (!res && suppress && ft_err_matches(ft_exc_AttributeError))
                ft_err_clear();
            return res;
        }
    }
    FtObject **dp = ft_object_dict_ptr(o);
    if (dp && __atomic_load_n(dp, __ATOMIC_ACQUIRE)) {
        FtObject *d = __atomic_load_n(dp, __ATOMIC_ACQUIRE);
        FT_INCREF(d);
        /* A new reference taken inside the dict's critical section: another thread may
         * replace the attribute (and free the old value) at any time. */
        res = ft_dict_get_ref(d, name);
        if (res) {
            FT_DECREF(d);
            FT_XDECREF(descr);
            return res;
        }
        FT_DECREF(d);
        if (ft_err_occurred()) {
            FT_XDECREF(descr);
            return NULL;
        }
    }
    if (f) {
        res = f(descr, o, (FtObject *)tp);
        FT_DECREF(descr);
        if (!res && suppress && ft_err_matches(ft_exc_AttributeError))
            ft_err_clear();
        return res;
    }
    if (descr)
        return descr;
    if (!suppress)
        ft_attribute_error(o, name);
    return NULL;
}

FtObject *ft_object_generic_getattr(FtObject *o, FtObject *name) {
    if (FT_UNLIKELY(!ft_str_check(name))) {
        ft_err_format(ft_exc_TypeError, "attribute name must be string, not '%s'",
                      FT_TYPE(name)->tp_name);
        return NULL;
    }
    return generic_getattr_impl(o, name, 0);
}

int ft_object_generic_setattr(FtObject *o, FtObject *name, FtObject *value) {
    if (FT_UNLIKELY(!ft_str_check(name))) {
        ft_err_format(ft_exc_TypeError, "attribute name must be string, not '%s'",
                      FT_TYPE(name)->tp_name);
        return -1;
    }
    FtType *tp = FT_TYPE(o);
    FtObject *descr = ft_type_lookup(tp, name);
    if (descr) {
        ft_descrsetfunc f = FT_TYPE(descr)->tp_descr_set;
        if (f) {
            FT_INCREF(descr);
            int r = f(descr, o, value);
            FT_DECREF(descr);
            return r;
        }
    }
    FtObject **dp = ft_object_dict_ptr(o);
    if (!dp) {
        if (descr)
            ft_err_format(ft_exc_AttributeError, "'%s' object attribute '%U' is read-only",
                          tp->tp_name, name);
        else
            ft_attribute_error(o, name);
        return -1;
    }
    if (value) {
        FtObject *d = instance_dict(o, dp);
        return d ? ft_dict_set(d, name, value) : -1;
    }
    FtObject *d = __atomic_load_n(dp, __ATOMIC_ACQUIRE);
    if (!d || ft_dict_del(d, name) < 0) {
        if (!d || ft_err_matches(ft_exc_KeyError)) {
            ft_err_clear();
            ft_attribute_error(o, name);
        }
        return -1;
    }
    return 0;
}

FtObject *ft_object_getattr(FtObject *o, FtObject *name) {
    if (FT_UNLIKELY(!ft_str_check(name))) {
        ft_err_format(ft_exc_TypeError, "attribute name must be string, not '%s'",
                      FT_TYPE(name)->tp_name);
        return NULL;
    }
    ft_getattrofunc g = FT_TYPE(o)->tp_getattro;
    if (FT_LIKELY(g != NULL))
        return g(o, name);
    ft_attribute_error(o, name);
    return NULL;
}

FtObject *ft_object_getattr_cstr(FtObject *o, const char *name) {
    FtObject *n = ft_str_intern_cstr(name);
    if (!n)
        return NULL;
    return ft_object_getattr(o, n);
}

int ft_object_lookup_attr(FtObject *o, FtObject *name, FtObject **result) {
    FtType *tp = FT_TYPE(o);
    if (!ft_str_check(name)) {
        *result = NULL;
        ft_err_format(ft_exc_TypeError, "attribute name must be string, not '%s'",
                      FT_TYPE(name)->tp_name);
        return -1;
    }
    if (tp->tp_getattro == ft_object_generic_getattr) {
        *result = generic_getattr_impl(o, name, 1);
        if (*result)
            return 1;
        return ft_err_occurred() ? -1 : 0;
    }
    if (tp->tp_getattro == NULL) {
        *result = NULL;
        return 0;
    }
    *result = tp->tp_getattro(o, name);
    if (*result)
        return 1;
    if (ft_err_matches(ft_exc_AttributeError)) {
        ft_err_clear();
        return 0;
    }
    return -1;
}

int ft_object_setattr(FtObject *o, FtObject *name, FtObject *value) {
    if (FT_UNLIKELY(!ft_str_check(name))) {
        ft_err_format(ft_exc_TypeError, "attribute name must be string, not '%s'",
                      FT_TYPE(name)->tp_name);
        return -1;
    }
    FtType *tp = FT_TYPE(o);
    if (tp->tp_setattro)
        return tp->tp_setattro(o, name, value);
    if (tp->tp_getattro == NULL)
        ft_err_format(ft_exc_TypeError, "'%s' object has no attributes (%s .%U)", tp->tp_name,
                      value ? "assign to" : "del", name);
    else
        ft_err_format(ft_exc_TypeError, "'%s' object has only read-only attributes (%s .%U)",
                      tp->tp_name, value ? "assign to" : "del", name);
    return -1;
}

int ft_object_setattr_cstr(FtObject *o, const char *name, FtObject *value) {
    FtObject *n = ft_str_intern_cstr(name);
    if (!n)
        return -1;
    return ft_object_setattr(o, n, value);
}

int ft_object_hasattr(FtObject *o, FtObject *name) {
    FtObject *r;
    int rc = ft_object_lookup_attr(o, name, &r);
    if (rc < 0) {
        ft_err_clear();
        return 0;
    }
    FT_XDECREF(r);
    return rc;
}

int ft_object_get_method(FtObject *o, FtObject *name, FtObject **method) {
    FtType *tp = FT_TYPE(o);
    if (FT_UNLIKELY(tp->tp_getattro != ft_object_generic_getattr || !ft_str_check(name))) {
        *method = ft_object_getattr(o, name);
        return *method ? 0 : -1;
    }
    FtObject *descr = ft_type_lookup(tp, name);
    ft_descrgetfunc f = NULL;
    int meth_found = 0;
    if (descr) {
        FT_INCREF(descr);
        if (FT_TYPE(descr)->tp_flags & FT_TPFLAGS_METHOD_DESCRIPTOR) {
            meth_found = 1;
        } else {
            f = FT_TYPE(descr)->tp_descr_get;
            if (f && FT_TYPE(descr)->tp_descr_set) {
                *method = f(descr, o, (FtObject *)tp);
                FT_DECREF(descr);
                return *method ? 0 : -1;
            }
        }
    }
    FtObject **dp = ft_object_dict_ptr(o);
    if (dp && __atomic_load_n(dp, __ATOMIC_ACQUIRE)) {
        FtObject *d = __atomic_load_n(dp, __ATOMIC_ACQUIRE);
        FT_INCREF(d);
        FtObject *attr = ft_dict_get_ref(d, name);
        if (attr) {
            *method = attr;
            FT_DECREF(d);
            FT_XDECREF(descr);
            return 0;
        }
        FT_DECREF(d);
        if (ft_err_occurred()) {
            FT_XDECREF(descr);
            *method = NULL;
            return -1;
        }
    }
    if (meth_found) {
        *method = descr;
        return 1;
    }
    if (f) {
        *method = f(descr, o, (FtObject *)tp);
        FT_DECREF(descr);
        return *method ? 0 : -1;
    }
    if (descr) {
        *method = descr;
        return 0;
    }
    ft_attribute_error(o, name);
    *method = NULL;
    return -1;
}

FtObject *ft_object_dir(FtObject *o) {
    int found;
    FtObject *r = ft_call_special(o, FT_ID(__dir__), NULL, 0, &found);
    if (!r) {
        if (!found)
            ft_err_set_string(ft_exc_TypeError, "object does not provide __dir__");
        return NULL;
    }
    FtObject *l = ft_sequence_list(r);
    FT_DECREF(r);
    if (!l)
        return NULL;
    if (ft_list_sort(l, NULL, 0) < 0) {
        FT_DECREF(l);
        return NULL;
    }
    return l;
}

FtObject *ft_object_type_of(FtObject *o) { return FT_NEWREF(FT_TYPE(o)); }

/* ---- the object type ------------------------------------------------------------------------- */

static int excess_args(FtObject *args, FtObject *kwargs) {
    return (args && FT_SIZE(args)) || (kwargs && ft_dict_check(kwargs) && ft_dict_size(kwargs));
}

FtObject *ft_object_new_impl(FtType *type, FtObject *args, FtObject *kwargs) {
    if (excess_args(args, kwargs)) {
        if (type->tp_new != ft_object_new_impl) {
            ft_err_set_string(ft_exc_TypeError,
                              "object.__new__() takes exactly one argument (the type to instantiate)");
            return NULL;
        }
        if (type->tp_init == ft_object_init_impl) {
            ft_err_format(ft_exc_TypeError, "%s() takes no arguments", type->tp_name);
            return NULL;
        }
    }
    if (type->tp_flags & FT_TPFLAGS_IS_ABSTRACT) {
        FtObject *am = type->tp_dict ? ft_dict_get_cstr(type->tp_dict, "__abstractmethods__") : NULL;
        if (am) {
            FtObject *sorted = ft_sequence_list(am);
            if (!sorted)
                return NULL;
            if (ft_list_sort(sorted, NULL, 0) < 0) {
                FT_DECREF(sorted);
                return NULL;
            }
            FtObject *sep = ft_str_from_cstr(", ");
            FtObject *joined = sep ? ft_str_join(sep, sorted) : NULL;
            FT_XDECREF(sep);
            ssize_t n = FT_SIZE(sorted);
            FT_DECREF(sorted);
            if (!joined)
                return NULL;
            ft_err_format(ft_exc_TypeError,
                          "Can't instantiate abstract class %s with abstract method%s %U",
                          type->tp_name, n > 1 ? "s" : "", joined);
            FT_DECREF(joined);
            return NULL;
        }
    }
    FtObject *o = type->tp_alloc(type, 0);
    if (o && (type->tp_flags & FT_TPFLAGS_HAVE_GC))
        ft_gc_track(o);
    return o;
}

int ft_object_init_impl(FtObject *self, FtObject *args, FtObject *kwargs) {
    FtType *type = FT_TYPE(self);
    if (excess_args(args, kwargs)) {
        if (type->tp_init != ft_object_init_impl) {
            ft_err_set_string(ft_exc_TypeError,
                              "object.__init__() takes exactly one argument (the instance to initialize)");
            return -1;
        }
        if (type->tp_new == ft_object_new_impl) {
            ft_err_format(ft_exc_TypeError,
                          "%s.__init__() takes exactly one argument (the instance to initialize)",
                          type->tp_name);
            return -1;
        }
    }
    return 0;
}

static void object_dealloc(FtObject *o) {
    FtType *t = FT_TYPE(o);
    t->tp_free(o);
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(t);
}

static FtObject *object_repr(FtObject *o) {
    FtType *t = FT_TYPE(o);
    FtObject *mod = NULL;
    if (ft_object_lookup_attr((FtObject *)t, FT_ID(__module__), &mod) < 0)
        return NULL;
    FtObject *qn = ft_type_qualname(t);
    if (!qn) {
        FT_XDECREF(mod);
        return NULL;
    }
    FtObject *r;
    if (mod && ft_str_check(mod) && !ft_str_eq_cstr(mod, "builtins"))
        r = ft_str_from_format("<%U.%U object at %p>", mod, qn, (void *)o);
    else
        r = ft_str_from_format("<%s object at %p>", t->tp_name, (void *)o);
    FT_XDECREF(mod);
    FT_DECREF(qn);
    return r;
}

static FtObject *object_str(FtObject *o) {
    ft_reprfunc f = FT_TYPE(o)->tp_repr;
    if (f == NULL)
        f = object_repr;
    return f(o);
}

static FtObject *object_richcompare(FtObject *self, FtObject *other, int op) {
    switch (op) {
    case FT_EQ:
        return FT_NEWREF(self == other ? FT_TRUE : FT_NOTIMPLEMENTED);
    case FT_NE: {
        /* __ne__ delegates to __eq__ and inverts the result unless NotImplemented */
        ft_richcmpfunc f = FT_TYPE(self)->tp_richcompare;
        if (f == NULL)
            FT_RETURN_NOTIMPLEMENTED;
        FtObject *res = f(self, other, FT_EQ);
        if (res && res != FT_NOTIMPLEMENTED) {
            int ok = ft_object_is_true(res);
            FT_DECREF(res);
            if (ok < 0)
                return NULL;
            return ft_bool_from(!ok);
        }
        return res;
    }
    default:
        FT_RETURN_NOTIMPLEMENTED;
    }
}

static ft_hash_t object_hash(FtObject *o) { return ft_object_hash_pointer(o); }

static FtObject *object_get_class(FtObject *o, void *c) { return FT_NEWREF(FT_TYPE(o)); }

static int same_layout(FtType *a, FtType *b) {
    return a->tp_basicsize == b->tp_basicsize && a->tp_itemsize == b->tp_itemsize &&
           a->tp_dictoffset == b->tp_dictoffset && a->tp_dealloc == b->tp_dealloc &&
           (a->tp_flags & FT_TPFLAGS_HAVE_GC) == (b->tp_flags & FT_TPFLAGS_HAVE_GC);
}

static int object_set_class(FtObject *o, FtObject *value, void *c) {
    if (value == NULL) {
        ft_err_set_string(ft_exc_TypeError, "can't delete __class__ attribute");
        return -1;
    }
    if (!ft_type_check(value)) {
        ft_err_format(ft_exc_TypeError, "__class__ must be set to a class, not '%s' object",
                      FT_TYPE(value)->tp_name);
        return -1;
    }
    FtType *newto = (FtType *)value, *oldto = FT_TYPE(o);
    if (!(newto->tp_flags & FT_TPFLAGS_HEAPTYPE) || !(oldto->tp_flags & FT_TPFLAGS_HEAPTYPE)) {
        ft_err_set_string(ft_exc_TypeError,
                          "__class__ assignment only supported for mutable types or ModuleType subclasses");
        return -1;
    }
    if (!same_layout(newto, oldto)) {
        ft_err_format(ft_exc_TypeError,
                      "__class__ assignment: '%s' object layout differs from '%s'",
                      newto->tp_name, oldto->tp_name);
        return -1;
    }
    FT_INCREF(newto);
    o->ob_type = newto;
    FT_DECREF(oldto);
    return 0;
}

static FtObject *object_format(FtObject *self, FtObject *spec) {
    if (!ft_str_check(spec)) {
        ft_err_format(ft_exc_TypeError, "__format__() argument must be str, not %s",
                      FT_TYPE(spec)->tp_name);
        return NULL;
    }
    if (FT_STR_LEN(spec) > 0) {
        ft_err_format(ft_exc_TypeError, "unsupported format string passed to %s.__format__",
                      FT_TYPE(self)->tp_name);
        return NULL;
    }
    return ft_object_str(self);
}

/* Merge the names in the __dict__ of cls and of its bases (through __bases__) into d. */
static int merge_class_dict(FtObject *d, FtObject *cls) {
    FtObject *cd = NULL;
    if (ft_object_lookup_attr(cls, FT_ID(__dict__), &cd) < 0)
        return -1;
    if (cd) {
        int r = ft_dict_check(cd) ? ft_dict_update(d, cd) : 0;
        if (!ft_dict_check(cd) && FT_TYPE(cd) == &ft_mappingproxy_type)
            r = ft_dict_update(d, ((FtMappingProxy *)cd)->mapping);
        FT_DECREF(cd);
        if (r < 0)
            return -1;
    }
    FtObject *bases = NULL;
    if (ft_object_lookup_attr(cls, FT_ID(__bases__), &bases) < 0)
        return -1;
    if (bases && ft_tuple_check(bases)) {
        for (ssize_t i = 0; i < FT_SIZE(bases); i++) {
            if (merge_class_dict(d, FT_TUPLE_GET(bases, i)) < 0) {
                FT_DECREF(bases);
                return -1;
            }
        }
    }
    FT_XDECREF(bases);
    return 0;
}

static FtObject *object_dir_method(FtObject *self, FtObject *unused) {
    FtObject *d = NULL, *res = NULL;
    if (ft_object_lookup_attr(self, FT_ID(__dict__), &d) < 0)
        return NULL;
    FtObject *nd = (d && ft_dict_check(d)) ? ft_dict_copy(d) : ft_dict_new();
    FT_XDECREF(d);
    if (!nd)
        return NULL;
    FtObject *cls = NULL;
    if (ft_object_lookup_attr(self, FT_ID(__class__), &cls) < 0)
        goto done;
    if (cls && merge_class_dict(nd, cls) < 0)
        goto done;
    res = ft_dict_keys_list(nd);
done:
    FT_XDECREF(cls);
    FT_DECREF(nd);
    return res;
}

static FtObject *object_init_subclass(FtObject *cls, FtObject *unused) { FT_RETURN_NONE; }

static FtObject *object_subclasshook(FtObject *cls, FtObject *const *args, ssize_t n) {
    FT_RETURN_NOTIMPLEMENTED;
}

static FtObject *object_sizeof(FtObject *self, FtObject *unused) {
    FtType *t = FT_TYPE(self);
    ssize_t size = t->tp_basicsize;
    if (t->tp_itemsize)
        size += t->tp_itemsize * (FT_SIZE(self) < 0 ? -FT_SIZE(self) : FT_SIZE(self));
    return ft_int_from_ssize(size);
}

/* The pickle helpers of object are written in Python, in runtime/lib/copyreg.py:
 * copyreg.<name>(*args). */
static FtObject *call_copyreg(const char *name, FtObject *const *args, ssize_t nargs) {
    FtObject *mod = ft_import_cstr("copyreg");
    if (mod == NULL)
        return NULL;
    FtObject *res = ft_object_call_method_cstr(mod, name, args, nargs);
    FT_DECREF(mod);
    return res;
}

/* object.__reduce_ex__(proto): computed in Python by copyreg._object_reduce_ex
 * (runtime/lib/copyreg.py), as CPython's reduce_newobj / copyreg._reduce_ex do. */
static FtObject *object_reduce_ex(FtObject *self, FtObject *proto) {
    FtObject *args[2] = {self, proto};
    return call_copyreg("_object_reduce_ex", args, 2);
}

/* object.__reduce__(): copyreg._reduce_ex(self, 0); object.__getstate__(): the default
 * state (the instance __dict__ and the slots), copyreg._object_getstate. */
static FtObject *object_reduce(FtObject *self, FtObject *unused) {
    FtObject *zero = ft_int_from_ssize(0);
    if (zero == NULL)
        return NULL;
    FtObject *args[2] = {self, zero};
    FtObject *res = call_copyreg("_reduce_ex", args, 2);
    FT_DECREF(zero);
    return res;
}

static FtObject *object_getstate(FtObject *self, FtObject *unused) {
    FtObject *args[1] = {self};
    return call_copyreg("_object_getstate", args, 1);
}

static FtMethodDef object_methods[] = {
    {"__format__", (void *)object_format, FT_METH_O, "Default object formatter."},
    {"__dir__", (void *)object_dir_method, FT_METH_NOARGS, "Default dir() implementation."},
    {"__init_subclass__", (void *)object_init_subclass, FT_METH_NOARGS | FT_METH_CLASS,
     "This method is called when a class is subclassed."},
    {"__subclasshook__", (void *)object_subclasshook, FT_METH_FASTCALL | FT_METH_CLASS,
     "Abstract classes can override this to customize issubclass()."},
    {"__sizeof__", (void *)object_sizeof, FT_METH_NOARGS, "Size of object in memory, in bytes."},
    {"__reduce_ex__", (void *)object_reduce_ex, FT_METH_O, "Helper for pickle."},
    {"__reduce__", (void *)object_reduce, FT_METH_NOARGS, "Helper for pickle."},
    {"__getstate__", (void *)object_getstate, FT_METH_NOARGS, "Helper for pickle."},
    {NULL},
};

static FtGetSetDef object_getset[] = {
    {"__class__", object_get_class, object_set_class, "the object's class", NULL},
    {NULL},
};

FtType ft_object_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "object",
    .tp_basicsize = sizeof(FtObject),
    .tp_dealloc = object_dealloc,
    .tp_repr = object_repr,
    .tp_hash = object_hash,
    .tp_str = object_str,
    .tp_getattro = ft_object_generic_getattr,
    .tp_setattro = ft_object_generic_setattr,
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_doc = "The base class of the class hierarchy.\n\n"
              "When called, it accepts no arguments and returns a new featureless\n"
              "instance that has no instance attributes and cannot be given any.\n",
    .tp_richcompare = object_richcompare,
    .tp_methods = object_methods,
    .tp_getset = object_getset,
    .tp_init = ft_object_init_impl,
    .tp_alloc = ft_type_generic_alloc,
    .tp_new = ft_object_new_impl,
    .tp_free = ft_object_free,
};

/* ---- None, NotImplemented, Ellipsis ---------------------------------------------------- */

static void singleton_dealloc(FtObject *o) {
    /* immortal: never reached; keep the object alive if a count goes wrong */
    FT_MAKE_IMMORTAL(o);
}

static FtObject *none_repr(FtObject *o) { return ft_str_from_cstr("None"); }
static int none_bool(FtObject *o) { return 0; }
static FtObject *none_new(FtType *t, FtObject *args, FtObject *kwargs) {
    if (excess_args(args, kwargs)) {
        ft_err_set_string(ft_exc_TypeError, "NoneType takes no arguments");
        return NULL;
    }
    FT_RETURN_NONE;
}
static FtNumberMethods none_as_number = {.nb_bool = none_bool};

FtType ft_none_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "NoneType",
    .tp_basicsize = sizeof(FtObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = none_repr,
    .tp_as_number = &none_as_number,
    .tp_hash = object_hash,
    .tp_new = none_new,
};
FtObject ft_none_struct = FT_STATIC_HEADER(&ft_none_type);

static FtObject *notimpl_repr(FtObject *o) { return ft_str_from_cstr("NotImplemented"); }
static int notimpl_bool(FtObject *o) {
    if (ft_err_warn(ft_exc_DeprecationWarning,
                    "NotImplemented should not be used in a boolean context") < 0)
        return -1;
    return 1;
}
static FtObject *notimpl_new(FtType *t, FtObject *args, FtObject *kwargs) {
    if (excess_args(args, kwargs)) {
        ft_err_set_string(ft_exc_TypeError, "NotImplementedType takes no arguments");
        return NULL;
    }
    FT_RETURN_NOTIMPLEMENTED;
}
static FtObject *notimpl_reduce(FtObject *o, FtObject *u) { return ft_str_from_cstr("NotImplemented"); }
static FtMethodDef notimpl_methods[] = {
    {"__reduce__", (void *)notimpl_reduce, FT_METH_NOARGS, NULL},
    {NULL},
};
static FtNumberMethods notimpl_as_number = {.nb_bool = notimpl_bool};

FtType ft_notimplemented_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "NotImplementedType",
    .tp_basicsize = sizeof(FtObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = notimpl_repr,
    .tp_as_number = &notimpl_as_number,
    .tp_methods = notimpl_methods,
    .tp_new = notimpl_new,
};
FtObject ft_notimplemented_struct = FT_STATIC_HEADER(&ft_notimplemented_type);

static FtObject *ellipsis_repr(FtObject *o) { return ft_str_from_cstr("Ellipsis"); }
static FtObject *ellipsis_new(FtType *t, FtObject *args, FtObject *kwargs) {
    if (excess_args(args, kwargs)) {
        ft_err_set_string(ft_exc_TypeError, "ellipsis takes no arguments");
        return NULL;
    }
    return FT_NEWREF(FT_ELLIPSIS);
}
static FtObject *ellipsis_reduce(FtObject *o, FtObject *u) { return ft_str_from_cstr("Ellipsis"); }
static FtMethodDef ellipsis_methods[] = {
    {"__reduce__", (void *)ellipsis_reduce, FT_METH_NOARGS, NULL},
    {NULL},
};

FtType ft_ellipsis_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "ellipsis",
    .tp_basicsize = sizeof(FtObject),
    .tp_dealloc = singleton_dealloc,
    .tp_repr = ellipsis_repr,
    .tp_methods = ellipsis_methods,
    .tp_new = ellipsis_new,
};
FtObject ft_ellipsis_struct = FT_STATIC_HEADER(&ft_ellipsis_type);
