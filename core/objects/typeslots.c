/* The slot definitions table: which dunder name belongs to which C slot, the wrappers that
 * make a C slot callable from Python (`int.__add__(1, 2)`, slot wrapper descriptors), and the
 * generic slot functions that classes get (`slot_nb_add` looks __add__/__radd__ up through
 * the MRO with CPython's subclass-first rules). Also the slot updates after a dunder is
 * assigned on a class. Mirrors the slotdefs part of CPython's Objects/typeobject.c. */
#include "core/objects/typeslots.h"
#include "runtime/tstate.h"
#include <string.h>

/* ---- calling dunders on instances ------------------------------------------------------- */

/* Look name up on type(self); *unbound = 1 when the result is a plain function to be called
 * with self first. Returns a new reference or NULL (no error) when absent. */
static FtObject *lookup_maybe_method(FtObject *self, FtObject *name, int *unbound) {
    FtObject *res = ft_type_lookup(FT_TYPE(self), name);
    if (!res)
        return NULL;
    if (FT_TYPE(res)->tp_flags & FT_TPFLAGS_METHOD_DESCRIPTOR) {
        *unbound = 1;
        return FT_NEWREF(res);
    }
    *unbound = 0;
    ft_descrgetfunc f = FT_TYPE(res)->tp_descr_get;
    if (!f)
        return FT_NEWREF(res);
    FT_INCREF(res);
    FtObject *r = f(res, self, (FtObject *)FT_TYPE(self));
    FT_DECREF(res);
    return r;
}

static FtObject *call_unbound(int unbound, FtObject *func, FtObject *self, FtObject *const *args,
                              ssize_t nargs) {
    if (!unbound)
        return ft_object_vectorcall(func, args, (size_t)nargs, NULL);
    FtObject *small[6];
    FtObject **stack = nargs + 1 <= 6 ? small : ft_mem_alloc(sizeof(FtObject *) * (size_t)(nargs + 1));
    if (!stack)
        return NULL;
    stack[0] = self;
    for (ssize_t i = 0; i < nargs; i++)
        stack[i + 1] = args[i];
    FtObject *r = ft_object_vectorcall(func, stack, (size_t)nargs + 1, NULL);
    if (stack != small)
        ft_mem_free(stack);
    return r;
}

FtObject *ft_call_special(FtObject *self, FtObject *name, FtObject *const *args, ssize_t nargs,
                          int *found) {
    int unbound;
    FtObject *func = lookup_maybe_method(self, name, &unbound);
    if (!func) {
        *found = ft_err_occurred() ? 1 : 0;
        return NULL;
    }
    *found = 1;
    FtObject *r = call_unbound(unbound, func, self, args, nargs);
    FT_DECREF(func);
    return r;
}

/* The method must exist (the slot was installed because it does): AttributeError else. */
static FtObject *call_method(FtObject *self, FtObject *name, FtObject *const *args, ssize_t nargs) {
    int found;
    FtObject *r = ft_call_special(self, name, args, nargs, &found);
    if (!found)
        ft_err_set_object(ft_exc_AttributeError, name);
    return r;
}

/* A missing method means NotImplemented (binary operators). */
static FtObject *call_maybe(FtObject *self, FtObject *name, FtObject *const *args, ssize_t nargs) {
    int found;
    FtObject *r = ft_call_special(self, name, args, nargs, &found);
    if (!found)
        FT_RETURN_NOTIMPLEMENTED;
    return r;
}

/* ---- slot functions for classes ---------------------------------------------------------- */

static FtObject *slot_tp_repr(FtObject *self) {
    int found;
    FtObject *r = ft_call_special(self, FT_ID(__repr__), NULL, 0, &found);
    if (!found)
        return ft_str_from_format("<%s object at %p>", FT_TYPE(self)->tp_name, (void *)self);
    return r;
}

static FtObject *slot_tp_str(FtObject *self) { return call_method(self, FT_ID(__str__), NULL, 0); }

static ft_hash_t slot_tp_hash(FtObject *self) {
    int unbound;
    FtObject *func = lookup_maybe_method(self, FT_ID(__hash__), &unbound);
    if (func == FT_NONE) {
        FT_DECREF(func);
        func = NULL;
    }
    if (!func) {
        if (ft_err_occurred())
            return -1;
        return ft_object_hash_not_implemented(self);
    }
    FtObject *res = call_unbound(unbound, func, self, NULL, 0);
    FT_DECREF(func);
    if (!res)
        return -1;
    if (!ft_int_check(res)) {
        ft_err_set_string(ft_exc_TypeError, "__hash__ method should return an integer");
        FT_DECREF(res);
        return -1;
    }
    ft_hash_t h = ft_int_hash(res);
    FT_DECREF(res);
    if (h == -1 && !ft_err_occurred())
        h = -2;
    return h;
}

static FtObject *slot_tp_vectorcall(FtObject *self, FtObject *const *args, size_t nargsf,
                                    FtObject *kwnames) {
    int unbound;
    FtObject *func = lookup_maybe_method(self, FT_ID(__call__), &unbound);
    if (!func) {
        if (!ft_err_occurred())
            ft_err_format(ft_exc_TypeError, "'%s' object is not callable", FT_TYPE(self)->tp_name);
        return NULL;
    }
    ssize_t nargs = ft_vectorcall_nargs(nargsf);
    FtObject *res;
    if (!unbound) {
        res = ft_object_vectorcall(func, args, nargsf, kwnames);
    } else {
        ssize_t total = nargs + (kwnames ? FT_SIZE(kwnames) : 0);
        FtObject *small[8];
        FtObject **stack = total + 1 <= 8 ? small : ft_mem_alloc(sizeof(FtObject *) * (size_t)(total + 1));
        if (!stack) {
            FT_DECREF(func);
            return NULL;
        }
        stack[0] = self;
        if (total) /* args may be NULL when there are none */
            memcpy(stack + 1, args, sizeof(FtObject *) * (size_t)total);
        res = ft_object_vectorcall(func, stack, (size_t)nargs + 1, kwnames);
        if (stack != small)
            ft_mem_free(stack);
    }
    FT_DECREF(func);
    return res;
}

static FtObject *slot_tp_call(FtObject *self, FtObject *args, FtObject *kwargs) {
    FtObject **stack, *kwnames;
    ssize_t nargs;
    if (ft_unpack_tuple_dict(args, kwargs, &stack, &nargs, &kwnames) < 0)
        return NULL;
    FtObject *r = slot_tp_vectorcall(self, stack, (size_t)nargs, kwnames);
    FT_XDECREF(kwnames);
    ft_mem_free(stack - 1);
    return r;
}

static FtObject *call_attribute(FtObject *self, FtObject *attr, FtObject *name) {
    FtObject *func = attr;
    ft_descrgetfunc f = FT_TYPE(attr)->tp_descr_get;
    if (f) {
        func = f(attr, self, (FtObject *)FT_TYPE(self));
        if (!func)
            return NULL;
    } else {
        FT_INCREF(func);
    }
    FtObject *r = ft_object_call_one(func, name);
    FT_DECREF(func);
    return r;
}

static FtObject *slot_tp_getattr_hook(FtObject *self, FtObject *name) {
    FtType *tp = FT_TYPE(self);
    FtObject *getattr = ft_type_lookup(tp, FT_ID(__getattr__));
    FtObject *getattribute = ft_type_lookup(tp, FT_ID(__getattribute__));
    FtObject *res;
    if (getattr)
        FT_INCREF(getattr);
    if (!getattribute ||
        (FT_TYPE(getattribute) == &ft_wrapper_descr_type &&
         ((FtWrapperDescr *)getattribute)->d_wrapped == (void *)ft_object_generic_getattr)) {
        res = ft_object_generic_getattr(self, name);
    } else {
        FT_INCREF(getattribute);
        res = call_attribute(self, getattribute, name);
        FT_DECREF(getattribute);
    }
    if (!res && getattr && ft_err_matches(ft_exc_AttributeError)) {
        ft_err_clear();
        res = call_attribute(self, getattr, name);
    }
    FT_XDECREF(getattr);
    return res;
}

static int slot_tp_setattro(FtObject *self, FtObject *name, FtObject *value) {
    FtObject *res;
    if (value) {
        FtObject *args[2] = {name, value};
        res = call_method(self, FT_ID(__setattr__), args, 2);
    } else {
        res = call_method(self, FT_ID(__delattr__), &name, 1);
    }
    if (!res)
        return -1;
    FT_DECREF(res);
    return 0;
}

static FtObject *richcmp_name(int op) {
    switch (op) {
    case FT_LT: return FT_ID(__lt__);
    case FT_LE: return FT_ID(__le__);
    case FT_EQ: return FT_ID(__eq__);
    case FT_NE: return FT_ID(__ne__);
    case FT_GT: return FT_ID(__gt__);
    default: return FT_ID(__ge__);
    }
}

static FtObject *slot_tp_richcompare(FtObject *self, FtObject *other, int op) {
    return call_maybe(self, richcmp_name(op), &other, 1);
}

static FtObject *slot_tp_iter(FtObject *self) {
    int unbound;
    FtObject *func = lookup_maybe_method(self, FT_ID(__iter__), &unbound);
    if (func == FT_NONE) {
        FT_DECREF(func);
        ft_err_format(ft_exc_TypeError, "'%s' object is not iterable", FT_TYPE(self)->tp_name);
        return NULL;
    }
    if (func) {
        FtObject *r = call_unbound(unbound, func, self, NULL, 0);
        FT_DECREF(func);
        return r;
    }
    if (ft_err_occurred())
        return NULL;
    func = lookup_maybe_method(self, FT_ID(__getitem__), &unbound);
    if (!func) {
        if (!ft_err_occurred())
            ft_err_format(ft_exc_TypeError, "'%s' object is not iterable", FT_TYPE(self)->tp_name);
        return NULL;
    }
    FT_DECREF(func);
    return ft_seqiter_new(self);
}

static FtObject *slot_tp_iternext(FtObject *self) {
    FtObject *r = call_method(self, FT_ID(__next__), NULL, 0);
    if (!r && ft_err_matches(ft_exc_StopIteration))
        ft_err_clear();
    return r;
}

static FtObject *slot_tp_descr_get(FtObject *self, FtObject *obj, FtObject *type) {
    FtObject *get = ft_type_lookup(FT_TYPE(self), FT_ID(__get__));
    if (!get)
        return FT_NEWREF(self);
    FtObject *args[3] = {self, obj ? obj : FT_NONE, type ? type : FT_NONE};
    FT_INCREF(get);
    FtObject *r;
    if (FT_TYPE(get)->tp_flags & FT_TPFLAGS_METHOD_DESCRIPTOR) {
        r = ft_object_vectorcall(get, args, 3, NULL);
    } else {
        int unbound;
        FtObject *f = lookup_maybe_method(self, FT_ID(__get__), &unbound);
        r = f ? call_unbound(unbound, f, self, args + 1, 2) : NULL;
        FT_XDECREF(f);
    }
    FT_DECREF(get);
    return r;
}

static int slot_tp_descr_set(FtObject *self, FtObject *target, FtObject *value) {
    FtObject *res;
    if (value) {
        FtObject *args[2] = {target, value};
        res = call_method(self, FT_ID(__set__), args, 2);
    } else {
        res = call_method(self, FT_ID(__delete__), &target, 1);
    }
    if (!res)
        return -1;
    FT_DECREF(res);
    return 0;
}

int ft_slot_tp_init(FtObject *self, FtObject *args, FtObject *kwargs) {
    int unbound;
    FtObject *meth = lookup_maybe_method(self, FT_ID(__init__), &unbound);
    if (!meth) {
        if (!ft_err_occurred())
            ft_err_set_object(ft_exc_AttributeError, FT_ID(__init__));
        return -1;
    }
    FtObject **stack, *kwnames;
    ssize_t nargs;
    if (ft_unpack_tuple_dict(args, kwargs, &stack, &nargs, &kwnames) < 0) {
        FT_DECREF(meth);
        return -1;
    }
    FtObject *res;
    if (unbound) {
        stack[-1] = self;
        res = ft_object_vectorcall(meth, stack - 1, (size_t)nargs + 1, kwnames);
    } else {
        res = ft_object_vectorcall(meth, stack, (size_t)nargs, kwnames);
    }
    FT_XDECREF(kwnames);
    ft_mem_free(stack - 1);
    FT_DECREF(meth);
    if (!res)
        return -1;
    if (res != FT_NONE) {
        ft_err_format(ft_exc_TypeError, "__init__() should return None, not '%s'",
                      FT_TYPE(res)->tp_name);
        FT_DECREF(res);
        return -1;
    }
    FT_DECREF(res);
    return 0;
}

FtObject *ft_slot_tp_new(FtType *type, FtObject *args, FtObject *kwargs) {
    FtObject *func = ft_object_getattr((FtObject *)type, FT_ID(__new__));
    if (!func)
        return NULL;
    FtObject **stack, *kwnames;
    ssize_t nargs;
    if (ft_unpack_tuple_dict(args, kwargs, &stack, &nargs, &kwnames) < 0) {
        FT_DECREF(func);
        return NULL;
    }
    stack[-1] = (FtObject *)type;
    FtObject *res = ft_object_vectorcall(func, stack - 1, (size_t)nargs + 1, kwnames);
    FT_XDECREF(kwnames);
    ft_mem_free(stack - 1);
    FT_DECREF(func);
    return res;
}

static void slot_tp_finalize(FtObject *self) {
    FtObject *saved = ft_err_fetch();
    int unbound;
    FtObject *del = lookup_maybe_method(self, FT_ID(__del__), &unbound);
    if (del) {
        FtObject *res = call_unbound(unbound, del, self, NULL, 0);
        if (!res)
            ft_err_write_unraisable(del);
        else
            FT_DECREF(res);
        FT_DECREF(del);
    } else if (ft_err_occurred()) {
        ft_err_clear();
    }
    ft_err_restore(saved);
}

/* binary operators: CPython's SLOT1BINFULL */
static int method_is_overloaded(FtType *left, FtType *right, FtObject *name) {
    FtObject *b = ft_type_lookup(right, name);
    if (!b)
        return 0;
    FtObject *a = ft_type_lookup(left, name);
    return a != b;
}

#define SLOT1BINFULL(FUNCNAME, TESTFUNC, SLOTNAME, OPSTR, ROPSTR)                           \
    static FtObject *FUNCNAME(FtObject *self, FtObject *other) {                            \
        FtType *ts = FT_TYPE(self), *to = FT_TYPE(other);                                   \
        int do_other = ts != to && to->tp_as_number &&                                      \
                       to->tp_as_number->SLOTNAME == TESTFUNC;                              \
        FtObject *r;                                                                        \
        if (ts->tp_as_number && ts->tp_as_number->SLOTNAME == TESTFUNC) {                   \
            if (do_other && ft_type_is_subtype(to, ts) &&                                   \
                method_is_overloaded(ts, to, FT_ID(ROPSTR))) {                              \
                r = call_maybe(other, FT_ID(ROPSTR), &self, 1);                             \
                if (r != FT_NOTIMPLEMENTED)                                                 \
                    return r;                                                               \
                FT_DECREF(r);                                                               \
                do_other = 0;                                                               \
            }                                                                               \
            r = call_maybe(self, FT_ID(OPSTR), &other, 1);                                  \
            if (r != FT_NOTIMPLEMENTED || to == ts)                                         \
                return r;                                                                   \
            FT_DECREF(r);                                                                   \
        }                                                                                   \
        if (do_other)                                                                       \
            return call_maybe(other, FT_ID(ROPSTR), &self, 1);                              \
        FT_RETURN_NOTIMPLEMENTED;                                                           \
    }
#define SLOT1BIN(FUNCNAME, SLOTNAME, OPSTR, ROPSTR) \
    SLOT1BINFULL(FUNCNAME, FUNCNAME, SLOTNAME, OPSTR, ROPSTR)

SLOT1BIN(slot_nb_add, nb_add, __add__, __radd__)
SLOT1BIN(slot_nb_subtract, nb_subtract, __sub__, __rsub__)
SLOT1BIN(slot_nb_multiply, nb_multiply, __mul__, __rmul__)
SLOT1BIN(slot_nb_matrix_multiply, nb_matrix_multiply, __matmul__, __rmatmul__)
SLOT1BIN(slot_nb_remainder, nb_remainder, __mod__, __rmod__)
SLOT1BIN(slot_nb_divmod, nb_divmod, __divmod__, __rdivmod__)
SLOT1BIN(slot_nb_lshift, nb_lshift, __lshift__, __rlshift__)
SLOT1BIN(slot_nb_rshift, nb_rshift, __rshift__, __rrshift__)
SLOT1BIN(slot_nb_and, nb_and, __and__, __rand__)
SLOT1BIN(slot_nb_xor, nb_xor, __xor__, __rxor__)
SLOT1BIN(slot_nb_or, nb_or, __or__, __ror__)
SLOT1BIN(slot_nb_floor_divide, nb_floor_divide, __floordiv__, __rfloordiv__)
SLOT1BIN(slot_nb_true_divide, nb_true_divide, __truediv__, __rtruediv__)

static FtObject *slot_nb_power(FtObject *self, FtObject *other, FtObject *modulus);
static FtObject *slot_nb_power_binary(FtObject *self, FtObject *other) {
    FtType *ts = FT_TYPE(self), *to = FT_TYPE(other);
    int do_other = ts != to && to->tp_as_number && to->tp_as_number->nb_power == slot_nb_power;
    FtObject *r;
    if (ts->tp_as_number && ts->tp_as_number->nb_power == slot_nb_power) {
        if (do_other && ft_type_is_subtype(to, ts) &&
            method_is_overloaded(ts, to, FT_ID(__rpow__))) {
            r = call_maybe(other, FT_ID(__rpow__), &self, 1);
            if (r != FT_NOTIMPLEMENTED)
                return r;
            FT_DECREF(r);
            do_other = 0;
        }
        r = call_maybe(self, FT_ID(__pow__), &other, 1);
        if (r != FT_NOTIMPLEMENTED || to == ts)
            return r;
        FT_DECREF(r);
    }
    if (do_other)
        return call_maybe(other, FT_ID(__rpow__), &self, 1);
    FT_RETURN_NOTIMPLEMENTED;
}

static FtObject *slot_nb_power(FtObject *self, FtObject *other, FtObject *modulus) {
    if (modulus == FT_NONE || modulus == NULL)
        return slot_nb_power_binary(self, other);
    /* three-argument pow() only tries __pow__ of the first operand */
    if (FT_TYPE(self)->tp_as_number && FT_TYPE(self)->tp_as_number->nb_power == slot_nb_power) {
        FtObject *args[2] = {other, modulus};
        return call_maybe(self, FT_ID(__pow__), args, 2);
    }
    FT_RETURN_NOTIMPLEMENTED;
}

#define SLOT0(FUNCNAME, OPSTR) \
    static FtObject *FUNCNAME(FtObject *self) { return call_method(self, FT_ID(OPSTR), NULL, 0); }
SLOT0(slot_nb_negative, __neg__)
SLOT0(slot_nb_positive, __pos__)
SLOT0(slot_nb_absolute, __abs__)
SLOT0(slot_nb_invert, __invert__)
SLOT0(slot_nb_int, __int__)
SLOT0(slot_nb_float, __float__)
SLOT0(slot_nb_index, __index__)

#define SLOT1(FUNCNAME, OPSTR) \
    static FtObject *FUNCNAME(FtObject *self, FtObject *other) { \
        return call_method(self, FT_ID(OPSTR), &other, 1);      \
    }
SLOT1(slot_nb_inplace_add, __iadd__)
SLOT1(slot_nb_inplace_subtract, __isub__)
SLOT1(slot_nb_inplace_multiply, __imul__)
SLOT1(slot_nb_inplace_matrix_multiply, __imatmul__)
SLOT1(slot_nb_inplace_remainder, __imod__)
SLOT1(slot_nb_inplace_lshift, __ilshift__)
SLOT1(slot_nb_inplace_rshift, __irshift__)
SLOT1(slot_nb_inplace_and, __iand__)
SLOT1(slot_nb_inplace_xor, __ixor__)
SLOT1(slot_nb_inplace_or, __ior__)
SLOT1(slot_nb_inplace_floor_divide, __ifloordiv__)
SLOT1(slot_nb_inplace_true_divide, __itruediv__)
static FtObject *slot_nb_inplace_power(FtObject *self, FtObject *other, FtObject *mod) {
    return call_method(self, FT_ID(__ipow__), &other, 1);
}
SLOT1(slot_mp_subscript, __getitem__)

static int slot_nb_bool(FtObject *self) {
    int unbound, using_len = 0;
    FtObject *func = lookup_maybe_method(self, FT_ID(__bool__), &unbound);
    if (!func) {
        if (ft_err_occurred())
            return -1;
        func = lookup_maybe_method(self, FT_ID(__len__), &unbound);
        if (!func)
            return ft_err_occurred() ? -1 : 1;
        using_len = 1;
    }
    FtObject *res = call_unbound(unbound, func, self, NULL, 0);
    FT_DECREF(func);
    if (!res)
        return -1;
    int r;
    if (using_len) {
        ssize_t n = ft_number_as_ssize(res, ft_exc_OverflowError);
        if (n == -1 && ft_err_occurred()) {
            FT_DECREF(res);
            return -1;
        }
        if (n < 0) {
            ft_err_set_string(ft_exc_ValueError, "__len__() should return >= 0");
            FT_DECREF(res);
            return -1;
        }
        r = n > 0;
    } else if (ft_bool_check(res)) {
        r = res == FT_TRUE;
    } else {
        ft_err_format(ft_exc_TypeError, "__bool__ should return bool, returned %s",
                      FT_TYPE(res)->tp_name);
        r = -1;
    }
    FT_DECREF(res);
    return r;
}

static ssize_t slot_sq_length(FtObject *self) {
    FtObject *res = call_method(self, FT_ID(__len__), NULL, 0);
    if (!res)
        return -1;
    FtObject *idx = ft_number_index(res);
    FT_DECREF(res);
    if (!idx)
        return -1;
    if (ft_int_sign(idx) < 0) {
        FT_DECREF(idx);
        ft_err_set_string(ft_exc_ValueError, "__len__() should return >= 0");
        return -1;
    }
    ssize_t n = ft_number_as_ssize(idx, ft_exc_OverflowError);
    FT_DECREF(idx);
    return n;
}

static FtObject *slot_sq_item(FtObject *self, ssize_t i) {
    FtObject *k = ft_int_from_ssize(i);
    if (!k)
        return NULL;
    FtObject *r = call_method(self, FT_ID(__getitem__), &k, 1);
    FT_DECREF(k);
    return r;
}

static int slot_sq_ass_item(FtObject *self, ssize_t i, FtObject *value) {
    FtObject *k = ft_int_from_ssize(i);
    if (!k)
        return -1;
    FtObject *res;
    if (value) {
        FtObject *args[2] = {k, value};
        res = call_method(self, FT_ID(__setitem__), args, 2);
    } else {
        res = call_method(self, FT_ID(__delitem__), &k, 1);
    }
    FT_DECREF(k);
    if (!res)
        return -1;
    FT_DECREF(res);
    return 0;
}

static int slot_mp_ass_subscript(FtObject *self, FtObject *key, FtObject *value) {
    FtObject *res;
    if (value) {
        FtObject *args[2] = {key, value};
        res = call_method(self, FT_ID(__setitem__), args, 2);
    } else {
        res = call_method(self, FT_ID(__delitem__), &key, 1);
    }
    if (!res)
        return -1;
    FT_DECREF(res);
    return 0;
}

static int slot_sq_contains(FtObject *self, FtObject *value) {
    int unbound;
    FtObject *func = lookup_maybe_method(self, FT_ID(__contains__), &unbound);
    if (func == FT_NONE) {
        FT_DECREF(func);
        ft_err_format(ft_exc_TypeError, "'%s' object is not a container", FT_TYPE(self)->tp_name);
        return -1;
    }
    if (func) {
        FtObject *res = call_unbound(unbound, func, self, &value, 1);
        FT_DECREF(func);
        if (!res)
            return -1;
        int r = ft_object_is_true(res);
        FT_DECREF(res);
        return r;
    }
    if (ft_err_occurred())
        return -1;
    /* no __contains__: search by iteration */
    FtObject *it = ft_object_getiter(self);
    if (!it)
        return -1;
    FtObject *x;
    int found = 0;
    while ((x = ft_iter_next(it)) != NULL) {
        int r = ft_object_richcompare_bool(x, value, FT_EQ);
        FT_DECREF(x);
        if (r != 0) {
            found = r;
            break;
        }
    }
    FT_DECREF(it);
    if (found == 0 && ft_err_occurred())
        return -1;
    return found;
}

/* ---- wrappers: calling a C slot from Python ---------------------------------------------- */

static int check_num_args(ssize_t nargs, ssize_t n) {
    if (nargs == n)
        return 0;
    ft_err_format(ft_exc_TypeError, "expected %zd argument%s, got %zd", n, n == 1 ? "" : "s", nargs);
    return -1;
}

static int check_range_args(ssize_t nargs, ssize_t min, ssize_t max) {
    if (nargs < min) {
        ft_err_format(ft_exc_TypeError, " expected at least %zd argument%s, got %zd", min,
                      min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (nargs > max) {
        ft_err_format(ft_exc_TypeError, " expected at most %zd argument%s, got %zd", max,
                      max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

#define WRAPPER(name) \
    static FtObject *name(FtObject *self, FtObject *const *args, ssize_t nargs, FtObject *kwnames, void *wrapped)

WRAPPER(wrap_unaryfunc) {
    if (check_num_args(nargs, 0) < 0)
        return NULL;
    return ((ft_unaryfunc)wrapped)(self);
}
WRAPPER(wrap_binaryfunc) {
    if (check_num_args(nargs, 1) < 0)
        return NULL;
    return ((ft_binaryfunc)wrapped)(self, args[0]);
}
WRAPPER(wrap_binaryfunc_l) {
    if (check_num_args(nargs, 1) < 0)
        return NULL;
    return ((ft_binaryfunc)wrapped)(self, args[0]);
}
WRAPPER(wrap_binaryfunc_r) {
    if (check_num_args(nargs, 1) < 0)
        return NULL;
    return ((ft_binaryfunc)wrapped)(args[0], self);
}
WRAPPER(wrap_ternaryfunc) {
    if (check_range_args(nargs, 1, 2) < 0)
        return NULL;
    return ((ft_ternaryfunc)wrapped)(self, args[0], nargs > 1 ? args[1] : FT_NONE);
}
WRAPPER(wrap_ternaryfunc_r) {
    if (check_range_args(nargs, 1, 2) < 0)
        return NULL;
    return ((ft_ternaryfunc)wrapped)(args[0], self, nargs > 1 ? args[1] : FT_NONE);
}
WRAPPER(wrap_inquirypred) {
    if (check_num_args(nargs, 0) < 0)
        return NULL;
    int r = ((ft_inquiry)wrapped)(self);
    return r < 0 ? NULL : ft_bool_from(r);
}
WRAPPER(wrap_lenfunc) {
    if (check_num_args(nargs, 0) < 0)
        return NULL;
    ssize_t r = ((ft_lenfunc)wrapped)(self);
    if (r == -1 && ft_err_occurred())
        return NULL;
    return ft_int_from_ssize(r);
}
WRAPPER(wrap_indexargfunc) {
    if (check_num_args(nargs, 1) < 0)
        return NULL;
    if (!ft_index_check(args[0])) {
        ft_err_format(ft_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      FT_TYPE(args[0])->tp_name);
        return NULL;
    }
    ssize_t i = ft_number_as_ssize(args[0], ft_exc_OverflowError);
    if (i == -1 && ft_err_occurred())
        return NULL;
    return ((ft_ssizeargfunc)wrapped)(self, i);
}
static int getindex(FtObject *self, FtObject *arg, ssize_t *out) {
    ssize_t i = ft_number_as_ssize(arg, ft_exc_OverflowError);
    if (i == -1 && ft_err_occurred())
        return -1;
    if (i < 0) {
        FtSequenceMethods *sq = FT_TYPE(self)->tp_as_sequence;
        if (sq && sq->sq_length) {
            ssize_t n = sq->sq_length(self);
            if (n < 0)
                return -1;
            i += n;
        }
    }
    *out = i;
    return 0;
}
WRAPPER(wrap_sq_item) {
    if (check_num_args(nargs, 1) < 0)
        return NULL;
    ssize_t i;
    if (getindex(self, args[0], &i) < 0)
        return NULL;
    return ((ft_ssizeargfunc)wrapped)(self, i);
}
WRAPPER(wrap_sq_setitem) {
    if (check_num_args(nargs, 2) < 0)
        return NULL;
    ssize_t i;
    if (getindex(self, args[0], &i) < 0)
        return NULL;
    if (((ft_ssizeobjargproc)wrapped)(self, i, args[1]) < 0)
        return NULL;
    FT_RETURN_NONE;
}
WRAPPER(wrap_sq_delitem) {
    if (check_num_args(nargs, 1) < 0)
        return NULL;
    ssize_t i;
    if (getindex(self, args[0], &i) < 0)
        return NULL;
    if (((ft_ssizeobjargproc)wrapped)(self, i, NULL) < 0)
        return NULL;
    FT_RETURN_NONE;
}
WRAPPER(wrap_objobjproc) {
    if (check_num_args(nargs, 1) < 0)
        return NULL;
    int r = ((ft_objobjproc)wrapped)(self, args[0]);
    return r < 0 ? NULL : ft_bool_from(r);
}
WRAPPER(wrap_objobjargproc) {
    if (check_num_args(nargs, 2) < 0)
        return NULL;
    if (((ft_objobjargproc)wrapped)(self, args[0], args[1]) < 0)
        return NULL;
    FT_RETURN_NONE;
}
WRAPPER(wrap_delitem) {
    if (check_num_args(nargs, 1) < 0)
        return NULL;
    if (((ft_objobjargproc)wrapped)(self, args[0], NULL) < 0)
        return NULL;
    FT_RETURN_NONE;
}
/* object.__setattr__(int, 'x', 1) must not bypass type.__setattr__ (CPython's hackcheck) */
static int hackcheck(FtObject *self, void *func, const char *what) {
    FtType *type = FT_TYPE(self);
    FtType *defining = type;
    while (defining && (defining->tp_flags & FT_TPFLAGS_HEAPTYPE))
        defining = defining->tp_base;
    if (defining && defining->tp_setattro != (ft_setattrofunc)func &&
        !((defining->tp_setattro == slot_tp_setattro))) {
        ft_err_format(ft_exc_TypeError, "can't apply this %s to %s object", what, type->tp_name);
        return -1;
    }
    return 0;
}
WRAPPER(wrap_setattr) {
    if (check_num_args(nargs, 2) < 0)
        return NULL;
    if (hackcheck(self, wrapped, "__setattr__") < 0)
        return NULL;
    if (((ft_setattrofunc)wrapped)(self, args[0], args[1]) < 0)
        return NULL;
    FT_RETURN_NONE;
}
WRAPPER(wrap_delattr) {
    if (check_num_args(nargs, 1) < 0)
        return NULL;
    if (hackcheck(self, wrapped, "__delattr__") < 0)
        return NULL;
    if (((ft_setattrofunc)wrapped)(self, args[0], NULL) < 0)
        return NULL;
    FT_RETURN_NONE;
}
WRAPPER(wrap_hashfunc) {
    if (check_num_args(nargs, 0) < 0)
        return NULL;
    ft_hash_t h = ((ft_hashfunc)wrapped)(self);
    if (h == -1 && ft_err_occurred())
        return NULL;
    return ft_int_from_i64(h);
}
static FtObject *tuple_dict_call(FtObject *self, FtObject *const *args, ssize_t nargs,
                                 FtObject *kwnames, void *wrapped, int init) {
    FtObject *t = ft_tuple_from_array(args, nargs);
    if (!t)
        return NULL;
    FtObject *kw = NULL;
    if (kwnames && FT_SIZE(kwnames)) {
        kw = ft_vectorcall_to_dict(args + nargs, kwnames);
        if (!kw) {
            FT_DECREF(t);
            return NULL;
        }
    }
    FtObject *r;
    if (init) {
        int rc = ((ft_initproc)wrapped)(self, t, kw);
        r = rc < 0 ? NULL : FT_NEWREF(FT_NONE);
    } else {
        r = ((ft_ternaryfunc)wrapped)(self, t, kw);
    }
    FT_DECREF(t);
    FT_XDECREF(kw);
    return r;
}
WRAPPER(wrap_call) {
    if (wrapped == (void *)slot_tp_call)
        return slot_tp_vectorcall(self, args, (size_t)nargs, kwnames);
    return tuple_dict_call(self, args, nargs, kwnames, wrapped, 0);
}
WRAPPER(wrap_init) { return tuple_dict_call(self, args, nargs, kwnames, wrapped, 1); }

#define RICHCMP_WRAPPER(NAME, OP)                                  \
    WRAPPER(richcmp_##NAME) {                                      \
        if (check_num_args(nargs, 1) < 0)                          \
            return NULL;                                           \
        return ((ft_richcmpfunc)wrapped)(self, args[0], OP);       \
    }
RICHCMP_WRAPPER(lt, FT_LT)
RICHCMP_WRAPPER(le, FT_LE)
RICHCMP_WRAPPER(eq, FT_EQ)
RICHCMP_WRAPPER(ne, FT_NE)
RICHCMP_WRAPPER(gt, FT_GT)
RICHCMP_WRAPPER(ge, FT_GE)

WRAPPER(wrap_next) {
    if (check_num_args(nargs, 0) < 0)
        return NULL;
    FtObject *r = ((ft_iternextfunc)wrapped)(self);
    if (!r && !ft_err_occurred())
        ft_err_set_none(ft_exc_StopIteration);
    return r;
}
WRAPPER(wrap_descr_get) {
    if (check_range_args(nargs, 1, 2) < 0)
        return NULL;
    FtObject *obj = args[0] == FT_NONE ? NULL : args[0];
    FtObject *type = nargs > 1 && args[1] != FT_NONE ? args[1] : NULL;
    if (!obj && !type) {
        ft_err_set_string(ft_exc_TypeError, "__get__(None, None) is invalid");
        return NULL;
    }
    return ((ft_descrgetfunc)wrapped)(self, obj, type);
}
WRAPPER(wrap_descr_set) {
    if (check_num_args(nargs, 2) < 0)
        return NULL;
    if (((ft_descrsetfunc)wrapped)(self, args[0], args[1]) < 0)
        return NULL;
    FT_RETURN_NONE;
}
WRAPPER(wrap_descr_delete) {
    if (check_num_args(nargs, 1) < 0)
        return NULL;
    if (((ft_descrsetfunc)wrapped)(self, args[0], NULL) < 0)
        return NULL;
    FT_RETURN_NONE;
}
WRAPPER(wrap_del) {
    if (check_num_args(nargs, 0) < 0)
        return NULL;
    ((ft_destructor)wrapped)(self);
    if (ft_err_occurred())
        return NULL;
    FT_RETURN_NONE;
}

/* ---- the table ------------------------------------------------------------------------------ */

#define TPO(f) offsetof(FtType, f)
#define NBO(f) offsetof(FtNumberMethods, f)
#define SQO(f) offsetof(FtSequenceMethods, f)
#define MPO(f) offsetof(FtMappingMethods, f)
#define TPSLOT(NAME, SLOT, FUNC, WRAP, DOC) {NAME, SLOT_TP, TPO(SLOT), (void *)(FUNC), WRAP, DOC, 0, NULL}
#define TPSLOTKW(NAME, SLOT, FUNC, WRAP, DOC) {NAME, SLOT_TP, TPO(SLOT), (void *)(FUNC), WRAP, DOC, 1, NULL}
#define NBSLOT(NAME, SLOT, FUNC, WRAP, DOC) {NAME, SLOT_NB, NBO(SLOT), (void *)(FUNC), WRAP, DOC, 0, NULL}
#define SQSLOT(NAME, SLOT, FUNC, WRAP, DOC) {NAME, SLOT_SQ, SQO(SLOT), (void *)(FUNC), WRAP, DOC, 0, NULL}
#define MPSLOT(NAME, SLOT, FUNC, WRAP, DOC) {NAME, SLOT_MP, MPO(SLOT), (void *)(FUNC), WRAP, DOC, 0, NULL}
#define BINSLOT(NAME, SLOT, FUNC, SYM) \
    NBSLOT(NAME, SLOT, FUNC, wrap_binaryfunc_l, "Return self" SYM "value.")
#define RBINSLOT(NAME, SLOT, FUNC, SYM) \
    NBSLOT(NAME, SLOT, FUNC, wrap_binaryfunc_r, "Return value" SYM "self.")
#define UNSLOT(NAME, SLOT, FUNC, DOC) NBSLOT(NAME, SLOT, FUNC, wrap_unaryfunc, DOC)
#define IBSLOT(NAME, SLOT, FUNC, SYM) \
    NBSLOT(NAME, SLOT, FUNC, wrap_binaryfunc, "Return self" SYM "value.")

SlotDef ft_slotdefs[] = {
    TPSLOT("__getattribute__", tp_getattro, slot_tp_getattr_hook, wrap_binaryfunc,
           "Return getattr(self, name)."),
    TPSLOT("__getattr__", tp_getattro, slot_tp_getattr_hook, NULL, ""),
    TPSLOT("__setattr__", tp_setattro, slot_tp_setattro, wrap_setattr,
           "Implement setattr(self, name, value)."),
    TPSLOT("__delattr__", tp_setattro, slot_tp_setattro, wrap_delattr,
           "Implement delattr(self, name)."),
    TPSLOT("__repr__", tp_repr, slot_tp_repr, wrap_unaryfunc, "Return repr(self)."),
    TPSLOT("__hash__", tp_hash, slot_tp_hash, wrap_hashfunc, "Return hash(self)."),
    TPSLOTKW("__call__", tp_call, slot_tp_call, wrap_call, "Call self as a function."),
    TPSLOT("__str__", tp_str, slot_tp_str, wrap_unaryfunc, "Return str(self)."),
    TPSLOT("__lt__", tp_richcompare, slot_tp_richcompare, richcmp_lt, "Return self<value."),
    TPSLOT("__le__", tp_richcompare, slot_tp_richcompare, richcmp_le, "Return self<=value."),
    TPSLOT("__eq__", tp_richcompare, slot_tp_richcompare, richcmp_eq, "Return self==value."),
    TPSLOT("__ne__", tp_richcompare, slot_tp_richcompare, richcmp_ne, "Return self!=value."),
    TPSLOT("__gt__", tp_richcompare, slot_tp_richcompare, richcmp_gt, "Return self>value."),
    TPSLOT("__ge__", tp_richcompare, slot_tp_richcompare, richcmp_ge, "Return self>=value."),
    TPSLOT("__iter__", tp_iter, slot_tp_iter, wrap_unaryfunc, "Implement iter(self)."),
    TPSLOT("__next__", tp_iternext, slot_tp_iternext, wrap_next, "Implement next(self)."),
    TPSLOT("__get__", tp_descr_get, slot_tp_descr_get, wrap_descr_get,
           "Return an attribute of instance, which is of type owner."),
    TPSLOT("__set__", tp_descr_set, slot_tp_descr_set, wrap_descr_set,
           "Set an attribute of instance to value."),
    TPSLOT("__delete__", tp_descr_set, slot_tp_descr_set, wrap_descr_delete,
           "Delete an attribute of instance."),
    TPSLOTKW("__init__", tp_init, ft_slot_tp_init, wrap_init,
             "Initialize self.  See help(type(self)) for accurate signature."),
    TPSLOT("__new__", tp_new, ft_slot_tp_new, NULL, ""),
    TPSLOT("__del__", tp_finalize, slot_tp_finalize, wrap_del, ""),

    BINSLOT("__add__", nb_add, slot_nb_add, "+"),
    RBINSLOT("__radd__", nb_add, slot_nb_add, "+"),
    BINSLOT("__sub__", nb_subtract, slot_nb_subtract, "-"),
    RBINSLOT("__rsub__", nb_subtract, slot_nb_subtract, "-"),
    BINSLOT("__mul__", nb_multiply, slot_nb_multiply, "*"),
    RBINSLOT("__rmul__", nb_multiply, slot_nb_multiply, "*"),
    BINSLOT("__mod__", nb_remainder, slot_nb_remainder, "%"),
    RBINSLOT("__rmod__", nb_remainder, slot_nb_remainder, "%"),
    NBSLOT("__divmod__", nb_divmod, slot_nb_divmod, wrap_binaryfunc_l,
           "Return divmod(self, value)."),
    NBSLOT("__rdivmod__", nb_divmod, slot_nb_divmod, wrap_binaryfunc_r,
           "Return divmod(value, self)."),
    NBSLOT("__pow__", nb_power, slot_nb_power, wrap_ternaryfunc, "Return pow(self, value, mod)."),
    NBSLOT("__rpow__", nb_power, slot_nb_power, wrap_ternaryfunc_r,
           "Return pow(value, self, mod)."),
    UNSLOT("__neg__", nb_negative, slot_nb_negative, "-self"),
    UNSLOT("__pos__", nb_positive, slot_nb_positive, "+self"),
    UNSLOT("__abs__", nb_absolute, slot_nb_absolute, "abs(self)"),
    NBSLOT("__bool__", nb_bool, slot_nb_bool, wrap_inquirypred, "True if self else False"),
    UNSLOT("__invert__", nb_invert, slot_nb_invert, "~self"),
    BINSLOT("__lshift__", nb_lshift, slot_nb_lshift, "<<"),
    RBINSLOT("__rlshift__", nb_lshift, slot_nb_lshift, "<<"),
    BINSLOT("__rshift__", nb_rshift, slot_nb_rshift, ">>"),
    RBINSLOT("__rrshift__", nb_rshift, slot_nb_rshift, ">>"),
    BINSLOT("__and__", nb_and, slot_nb_and, "&"),
    RBINSLOT("__rand__", nb_and, slot_nb_and, "&"),
    BINSLOT("__xor__", nb_xor, slot_nb_xor, "^"),
    RBINSLOT("__rxor__", nb_xor, slot_nb_xor, "^"),
    BINSLOT("__or__", nb_or, slot_nb_or, "|"),
    RBINSLOT("__ror__", nb_or, slot_nb_or, "|"),
    UNSLOT("__int__", nb_int, slot_nb_int, "int(self)"),
    UNSLOT("__float__", nb_float, slot_nb_float, "float(self)"),
    IBSLOT("__iadd__", nb_inplace_add, slot_nb_inplace_add, "+="),
    IBSLOT("__isub__", nb_inplace_subtract, slot_nb_inplace_subtract, "-="),
    IBSLOT("__imul__", nb_inplace_multiply, slot_nb_inplace_multiply, "*="),
    IBSLOT("__imod__", nb_inplace_remainder, slot_nb_inplace_remainder, "%="),
    NBSLOT("__ipow__", nb_inplace_power, slot_nb_inplace_power, wrap_ternaryfunc, "Return self**=value."),
    IBSLOT("__ilshift__", nb_inplace_lshift, slot_nb_inplace_lshift, "<<="),
    IBSLOT("__irshift__", nb_inplace_rshift, slot_nb_inplace_rshift, ">>="),
    IBSLOT("__iand__", nb_inplace_and, slot_nb_inplace_and, "&="),
    IBSLOT("__ixor__", nb_inplace_xor, slot_nb_inplace_xor, "^="),
    IBSLOT("__ior__", nb_inplace_or, slot_nb_inplace_or, "|="),
    BINSLOT("__floordiv__", nb_floor_divide, slot_nb_floor_divide, "//"),
    RBINSLOT("__rfloordiv__", nb_floor_divide, slot_nb_floor_divide, "//"),
    BINSLOT("__truediv__", nb_true_divide, slot_nb_true_divide, "/"),
    RBINSLOT("__rtruediv__", nb_true_divide, slot_nb_true_divide, "/"),
    IBSLOT("__ifloordiv__", nb_inplace_floor_divide, slot_nb_inplace_floor_divide, "//="),
    IBSLOT("__itruediv__", nb_inplace_true_divide, slot_nb_inplace_true_divide, "/="),
    NBSLOT("__index__", nb_index, slot_nb_index, wrap_unaryfunc,
           "Return self converted to an integer, if self is suitable for use as an index into a list."),
    BINSLOT("__matmul__", nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    RBINSLOT("__rmatmul__", nb_matrix_multiply, slot_nb_matrix_multiply, "@"),
    IBSLOT("__imatmul__", nb_inplace_matrix_multiply, slot_nb_inplace_matrix_multiply, "@="),

    MPSLOT("__len__", mp_length, slot_sq_length, wrap_lenfunc, "Return len(self)."),
    MPSLOT("__getitem__", mp_subscript, slot_mp_subscript, wrap_binaryfunc, "Return self[key]."),
    MPSLOT("__setitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_objobjargproc,
           "Set self[key] to value."),
    MPSLOT("__delitem__", mp_ass_subscript, slot_mp_ass_subscript, wrap_delitem,
           "Delete self[key]."),

    SQSLOT("__len__", sq_length, slot_sq_length, wrap_lenfunc, "Return len(self)."),
    SQSLOT("__add__", sq_concat, NULL, wrap_binaryfunc, "Return self+value."),
    SQSLOT("__mul__", sq_repeat, NULL, wrap_indexargfunc, "Return self*value."),
    SQSLOT("__rmul__", sq_repeat, NULL, wrap_indexargfunc, "Return value*self."),
    SQSLOT("__getitem__", sq_item, slot_sq_item, wrap_sq_item, "Return self[key]."),
    SQSLOT("__setitem__", sq_ass_item, slot_sq_ass_item, wrap_sq_setitem, "Set self[key] to value."),
    SQSLOT("__delitem__", sq_ass_item, slot_sq_ass_item, wrap_sq_delitem, "Delete self[key]."),
    SQSLOT("__contains__", sq_contains, slot_sq_contains, wrap_objobjproc,
           "Return key in self."),
    SQSLOT("__iadd__", sq_inplace_concat, NULL, wrap_binaryfunc, "Implement self+=value."),
    SQSLOT("__imul__", sq_inplace_repeat, NULL, wrap_indexargfunc, "Implement self*=value."),
    {NULL},
};

int ft_typeslots_init(void) {
    for (SlotDef *p = ft_slotdefs; p->name; p++) {
        p->name_str = ft_str_intern_cstr(p->name);
        if (!p->name_str)
            return -1;
    }
    return 0;
}

void **ft_slot_ptr(FtType *type, const SlotDef *p) {
    char *base;
    switch (p->table) {
    case SLOT_TP: base = (char *)type; break;
    case SLOT_NB: base = (char *)type->tp_as_number; break;
    case SLOT_SQ: base = (char *)type->tp_as_sequence; break;
    default: base = (char *)type->tp_as_mapping; break;
    }
    return base ? (void **)(base + p->offset) : NULL;
}

int ft_type_add_operators(FtType *type) {
    FtObject *dict = type->tp_dict;
    FtType *base = type->tp_base;
    for (SlotDef *p = ft_slotdefs; p->name; p++) {
        if (!p->wrapper)
            continue;
        void **ptr = ft_slot_ptr(type, p);
        if (!ptr || !*ptr)
            continue;
        /* slots inherited from the base get no wrapper of their own (the base's is found
         * through the MRO), as when CPython adds operators before inheriting */
        if (base) {
            void **bptr = ft_slot_ptr(base, p);
            if (bptr && *bptr == *ptr)
                continue;
        }
        if (ft_dict_get(dict, p->name_str))
            continue;
        if (*ptr == (void *)ft_object_hash_not_implemented) {
            if (ft_dict_set(dict, p->name_str, FT_NONE) < 0)
                return -1;
            continue;
        }
        FtObject *d = ft_descr_new_wrapper(type, p, *ptr);
        if (!d)
            return -1;
        int r = ft_dict_set(dict, p->name_str, d);
        FT_DECREF(d);
        if (r < 0)
            return -1;
    }
    return 0;
}

/* Point one slot (and the slotdefs sharing it, which are consecutive in the table) at the
 * C function of a wrapper found in the MRO when that is unambiguous, else at the generic
 * slot function. Returns the entry after the group. */
static SlotDef *update_one_slot(FtType *type, SlotDef *p) {
    void **ptr = ft_slot_ptr(type, p);
    SlotDef *q = p;
    if (!ptr) {
        while (q->name && q->table == p->table && q->offset == p->offset)
            q++;
        return q;
    }
    void *specific = NULL, *generic = NULL;
    int use_generic = 0;
    for (; q->name && q->table == p->table && q->offset == p->offset; q++) {
        FtObject *descr = ft_type_lookup(type, q->name_str);
        if (!descr)
            continue;
        if (FT_TYPE(descr) == &ft_wrapper_descr_type) {
            FtWrapperDescr *d = (FtWrapperDescr *)descr;
            generic = q->function;
            if (d->d_base == q && (specific == NULL || specific == d->d_wrapped) &&
                ft_type_is_subtype(type, d->d_common.d_type))
                specific = d->d_wrapped;
            else
                use_generic = 1;
        } else if (FT_TYPE(descr) == &ft_cfunction_type &&
                   ((FtCFunction *)descr)->def == &ft_tp_new_methoddef &&
                   ptr == (void **)&type->tp_new) {
            specific = (void *)((FtType *)((FtCFunction *)descr)->self)->tp_new;
        } else if (descr == FT_NONE && ptr == (void **)&type->tp_hash) {
            specific = (void *)ft_object_hash_not_implemented;
        } else {
            use_generic = 1;
            generic = q->function;
        }
    }
    if (specific && !use_generic)
        *ptr = specific;
    else
        *ptr = generic;
    return q;
}

static void fix_vectorcall(FtType *type) {
    if (type->tp_call == slot_tp_call)
        type->tp_vectorcall = slot_tp_vectorcall;
    else if (type->tp_base && type->tp_call == type->tp_base->tp_call)
        type->tp_vectorcall = type->tp_base->tp_vectorcall;
    else
        type->tp_vectorcall = NULL;
}

void ft_type_fixup_slots(FtType *type) {
    for (SlotDef *p = ft_slotdefs; p->name;)
        p = update_one_slot(type, p);
    fix_vectorcall(type);
    if (type->tp_hash == NULL)
        type->tp_hash = ft_object_hash_not_implemented;
}

static void update_slot_recursive(FtType *type, FtObject *name) {
    if (!(type->tp_flags & FT_TPFLAGS_HEAPTYPE))
        return;
    for (SlotDef *p = ft_slotdefs; p->name;) {
        SlotDef *group = p, *next = p;
        int hit = 0;
        while (next->name && next->table == group->table && next->offset == group->offset) {
            if (next->name_str == name || ft_str_eq(next->name_str, name))
                hit = 1;
            next++;
        }
        if (hit)
            update_one_slot(type, group);
        p = next;
    }
    fix_vectorcall(type);
    if (type->tp_hash == NULL)
        type->tp_hash = ft_object_hash_not_implemented;
    FtObject *subs = type->tp_subclasses;
    if (subs) {
        ssize_t pos = 0;
        FtObject *k, *v;
        while (ft_dict_next(subs, &pos, &k, &v))
            update_slot_recursive((FtType *)(uintptr_t)ft_int_as_i64(v, &(int){0}), name);
    }
}

void ft_type_update_slot(FtType *type, FtObject *name) { update_slot_recursive(type, name); }
