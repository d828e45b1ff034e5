/* The abstract object protocols: numbers (binary operators with CPython's reflected-operand
 * rules, in-place fallbacks, unary operators, index/int/float conversion), sequences and
 * mappings (subscription, length, containment, conversion to tuple/list), iteration,
 * isinstance/issubclass and format(). Mirrors CPython's Objects/abstract.c. */
#include "core/objects/typeslots.h"
#include "runtime/tstate.h"
#include <string.h>

/* ---- binary operators -------------------------------------------------------------------- */

#define NB_OFF(f) offsetof(FtNumberMethods, f)
static const size_t binop_slot[FT_BINOP_COUNT] = {
    NB_OFF(nb_add), NB_OFF(nb_and), NB_OFF(nb_floor_divide), NB_OFF(nb_lshift),
    NB_OFF(nb_matrix_multiply), NB_OFF(nb_multiply), NB_OFF(nb_remainder), NB_OFF(nb_or),
    NB_OFF(nb_power), NB_OFF(nb_rshift), NB_OFF(nb_subtract), NB_OFF(nb_true_divide),
    NB_OFF(nb_xor),
    NB_OFF(nb_inplace_add), NB_OFF(nb_inplace_and), NB_OFF(nb_inplace_floor_divide),
    NB_OFF(nb_inplace_lshift), NB_OFF(nb_inplace_matrix_multiply),
    NB_OFF(nb_inplace_multiply), NB_OFF(nb_inplace_remainder), NB_OFF(nb_inplace_or),
    NB_OFF(nb_inplace_power), NB_OFF(nb_inplace_rshift), NB_OFF(nb_inplace_subtract),
    NB_OFF(nb_inplace_true_divide), NB_OFF(nb_inplace_xor),
};
#define NB_SLOT(t, off) \
    ((t)->tp_as_number ? *(void **)((char *)(t)->tp_as_number + (off)) : NULL)

static FtObject *call_nbslot(void *slot, size_t off, FtObject *v, FtObject *w) {
    if (off == NB_OFF(nb_power) || off == NB_OFF(nb_inplace_power))
        return ((ft_ternaryfunc)slot)(v, w, FT_NONE);
    return ((ft_binaryfunc)slot)(v, w);
}

/* binary_op1: try v's slot and w's slot, w's first when type(w) is a subclass of type(v). */
static FtObject *binary_op1(FtObject *v, FtObject *w, size_t off) {
    FtType *tv = FT_TYPE(v), *tw = FT_TYPE(w);
    void *slotv = NB_SLOT(tv, off);
    void *slotw = NULL;
    FtObject *x;
    if (tw != tv) {
        slotw = NB_SLOT(tw, off);
        if (slotw == slotv)
            slotw = NULL;
    }
    if (slotv) {
        if (slotw && ft_type_is_subtype(tw, tv)) {
            x = call_nbslot(slotw, off, v, w);
            if (x != FT_NOTIMPLEMENTED)
                return x;
            FT_DECREF(x);
            slotw = NULL;
        }
        x = call_nbslot(slotv, off, v, w);
        if (x != FT_NOTIMPLEMENTED)
            return x;
        FT_DECREF(x);
    }
    if (slotw) {
        x = call_nbslot(slotw, off, v, w);
        if (x != FT_NOTIMPLEMENTED)
            return x;
        FT_DECREF(x);
    }
    FT_RETURN_NOTIMPLEMENTED;
}

static FtObject *binop_type_error(FtObject *v, FtObject *w, const char *sym) {
    ft_err_format(ft_exc_TypeError, "unsupported operand type(s) for %s: '%s' and '%s'", sym,
                  FT_TYPE(v)->tp_name, FT_TYPE(w)->tp_name);
    return NULL;
}

static FtObject *sequence_repeat(ft_ssizeargfunc f, FtObject *seq, FtObject *n) {
    if (!ft_index_check(n)) {
        ft_err_format(ft_exc_TypeError, "can't multiply sequence by non-int of type '%s'",
                      FT_TYPE(n)->tp_name);
        return NULL;
    }
    ssize_t count = ft_number_as_ssize(n, ft_exc_OverflowError);
    if (count == -1 && ft_err_occurred())
        return NULL;
    return f(seq, count);
}

static const char *binop_symbol(int op) {
    if (op == FT_BINOP_POWER)
        return "** or pow()";
    return ft_binop_symbols[op];
}

FtObject *ft_number_binop(FtObject *v, FtObject *w, int op) {
    FtObject *x;
    if (op < FT_BINOP_INPLACE_OFFSET) {
        x = binary_op1(v, w, binop_slot[op]);
        if (x != FT_NOTIMPLEMENTED)
            return x;
        FT_DECREF(x);
        if (op == FT_BINOP_ADD) {
            FtSequenceMethods *m = FT_TYPE(v)->tp_as_sequence;
            if (m && m->sq_concat)
                return m->sq_concat(v, w);
        } else if (op == FT_BINOP_MULTIPLY) {
            FtSequenceMethods *mv = FT_TYPE(v)->tp_as_sequence, *mw = FT_TYPE(w)->tp_as_sequence;
            if (mv && mv->sq_repeat)
                return sequence_repeat(mv->sq_repeat, v, w);
            if (mw && mw->sq_repeat)
                return sequence_repeat(mw->sq_repeat, w, v);
        }
        return binop_type_error(v, w, binop_symbol(op));
    }
    /* in-place: v's in-place slot, then the plain operator */
    int bop = op - FT_BINOP_INPLACE_OFFSET;
    void *islot = NB_SLOT(FT_TYPE(v), binop_slot[op]);
    if (islot) {
        x = call_nbslot(islot, binop_slot[op], v, w);
        if (x != FT_NOTIMPLEMENTED)
            return x;
        FT_DECREF(x);
    }
    x = binary_op1(v, w, binop_slot[bop]);
    if (x != FT_NOTIMPLEMENTED)
        return x;
    FT_DECREF(x);
    if (bop == FT_BINOP_ADD) {
        FtSequenceMethods *m = FT_TYPE(v)->tp_as_sequence;
        if (m && m->sq_inplace_concat)
            return m->sq_inplace_concat(v, w);
        if (m && m->sq_concat)
            return m->sq_concat(v, w);
    } else if (bop == FT_BINOP_MULTIPLY) {
        FtSequenceMethods *mv = FT_TYPE(v)->tp_as_sequence, *mw = FT_TYPE(w)->tp_as_sequence;
        if (mv && mv->sq_inplace_repeat)
            return sequence_repeat(mv->sq_inplace_repeat, v, w);
        if (mv && mv->sq_repeat)
            return sequence_repeat(mv->sq_repeat, v, w);
        if (mw && mw->sq_repeat)
            return sequence_repeat(mw->sq_repeat, w, v);
    }
    if (op == FT_BINOP_INPLACE_POWER)
        return binop_type_error(v, w, "**=");
    return binop_type_error(v, w, ft_binop_symbols[op]);
}

FtObject *ft_number_power(FtObject *v, FtObject *w, FtObject *z) {
    if (z == NULL)
        z = FT_NONE;
    FtType *tv = FT_TYPE(v), *tw = FT_TYPE(w), *tz = FT_TYPE(z);
    ft_ternaryfunc slotv = tv->tp_as_number ? tv->tp_as_number->nb_power : NULL;
    ft_ternaryfunc slotw = NULL, slotz;
    FtObject *x;
    if (tw != tv) {
        slotw = tw->tp_as_number ? tw->tp_as_number->nb_power : NULL;
        if (slotw == slotv)
            slotw = NULL;
    }
    if (slotv) {
        if (slotw && ft_type_is_subtype(tw, tv)) {
            x = slotw(v, w, z);
            if (x != FT_NOTIMPLEMENTED)
                return x;
            FT_DECREF(x);
            slotw = NULL;
        }
        x = slotv(v, w, z);
        if (x != FT_NOTIMPLEMENTED)
            return x;
        FT_DECREF(x);
    }
    if (slotw) {
        x = slotw(v, w, z);
        if (x != FT_NOTIMPLEMENTED)
            return x;
        FT_DECREF(x);
    }
    slotz = tz->tp_as_number ? tz->tp_as_number->nb_power : NULL;
    if (z != FT_NONE && slotz && slotz != slotv && slotz != slotw) {
        x = slotz(v, w, z);
        if (x != FT_NOTIMPLEMENTED)
            return x;
        FT_DECREF(x);
    }
    if (z == FT_NONE)
        return binop_type_error(v, w, "** or pow()");
    ft_err_format(ft_exc_TypeError, "unsupported operand type(s) for ** or pow(): '%s', '%s', '%s'",
                  tv->tp_name, tw->tp_name, tz->tp_name);
    return NULL;
}

FtObject *ft_number_divmod(FtObject *a, FtObject *b) {
    FtObject *x = binary_op1(a, b, NB_OFF(nb_divmod));
    if (x != FT_NOTIMPLEMENTED)
        return x;
    FT_DECREF(x);
    return binop_type_error(a, b, "divmod()");
}

#define UNARY(fname, slot, sym)                                                           \
    FtObject *fname(FtObject *o) {                                                         \
        FtNumberMethods *m = FT_TYPE(o)->tp_as_number;                                     \
        if (m && m->slot)                                                                  \
            return m->slot(o);                                                             \
        ft_err_format(ft_exc_TypeError, "bad operand type for " sym ": '%s'",              \
                      FT_TYPE(o)->tp_name);                                                \
        return NULL;                                                                       \
    }
UNARY(ft_number_negative, nb_negative, "unary -")
UNARY(ft_number_positive, nb_positive, "unary +")
UNARY(ft_number_invert, nb_invert, "unary ~")
UNARY(ft_number_absolute, nb_absolute, "abs()")

/* ---- conversions ------------------------------------------------------------------------- */

int ft_index_check(FtObject *o) {
    FtNumberMethods *m = FT_TYPE(o)->tp_as_number;
    return m && m->nb_index;
}

FtObject *ft_number_index(FtObject *o) {
    if (ft_int_check(o))
        return FT_NEWREF(o);
    FtNumberMethods *m = FT_TYPE(o)->tp_as_number;
    if (!m || !m->nb_index) {
        ft_err_format(ft_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                      FT_TYPE(o)->tp_name);
        return NULL;
    }
    FtObject *r = m->nb_index(o);
    if (r && !ft_int_check(r)) {
        ft_err_format(ft_exc_TypeError, "__index__ returned non-int (type %s)",
                      FT_TYPE(r)->tp_name);
        FT_DECREF(r);
        return NULL;
    }
    return r;
}

ssize_t ft_number_as_ssize(FtObject *o, FtType *exc) {
    if (ft_int_check_exact(o) && ft_int_is_compact(o))
        return (ssize_t)ft_int_compact_value(o);
    FtObject *v = ft_number_index(o);
    if (!v)
        return -1;
    ssize_t r = ft_int_as_ssize(v);
    if (r == -1 && ft_err_occurred()) {
        if (!ft_err_matches(ft_exc_OverflowError)) {
            FT_DECREF(v);
            return -1;
        }
        ft_err_clear();
        if (exc == NULL) {
            r = ft_int_sign(v) < 0 ? (ssize_t)(-SSIZE_MAX - 1) : SSIZE_MAX;
        } else {
            ft_err_format(exc, "cannot fit '%s' into an index-sized integer",
                          FT_TYPE(o)->tp_name);
            r = -1;
        }
    }
    FT_DECREF(v);
    return r;
}

FtObject *ft_number_long(FtObject *o) {
    if (ft_int_check_exact(o))
        return FT_NEWREF(o);
    FtNumberMethods *m = FT_TYPE(o)->tp_as_number;
    if (m && m->nb_int) {
        FtObject *r = m->nb_int(o);
        if (r && !ft_int_check(r)) {
            ft_err_format(ft_exc_TypeError, "__int__ returned non-int (type %s)",
                          FT_TYPE(r)->tp_name);
            FT_DECREF(r);
            return NULL;
        }
        return r;
    }
    if (m && m->nb_index)
        return ft_number_index(o);
    int found;
    FtObject *trunc = ft_type_lookup(FT_TYPE(o), FT_ID(__trunc__));
    if (trunc && ft_err_warn(ft_exc_DeprecationWarning,
                             "The delegation of int() to __trunc__ is deprecated.") < 0)
        return NULL;
    FtObject *r = trunc ? ft_call_special(o, FT_ID(__trunc__), NULL, 0, &found) : NULL;
    found = trunc != NULL;
    if (found) {
        if (r && !ft_int_check(r)) {
            FtObject *i = ft_number_index(r);
            FT_DECREF(r);
            return i;
        }
        return r;
    }
    if (ft_str_check(o)) {
        ssize_t n;
        const char *s = ft_str_as_utf8_len(o, &n);
        return s ? ft_int_from_string(s, n, 10) : NULL;
    }
    if (ft_bytes_check(o) || ft_bytearray_check(o)) {
        const char *s;
        ssize_t n;
        if (ft_bytes_like_get(o, &s, &n) < 0)
            return NULL;
        return ft_int_from_string(s, n, 10);
    }
    ft_err_format(ft_exc_TypeError,
                  "int() argument must be a string, a bytes-like object or a real number, not '%s'",
                  FT_TYPE(o)->tp_name);
    return NULL;
}

FtObject *ft_number_float(FtObject *o) {
    if (ft_float_check_exact(o))
        return FT_NEWREF(o);
    FtNumberMethods *m = FT_TYPE(o)->tp_as_number;
    if (m && m->nb_float) {
        FtObject *r = m->nb_float(o);
        if (r && !ft_float_check(r)) {
            ft_err_format(ft_exc_TypeError, "%s.__float__ returned non-float (type %s)",
                          FT_TYPE(o)->tp_name, FT_TYPE(r)->tp_name);
            FT_DECREF(r);
            return NULL;
        }
        if (r && !ft_float_check_exact(r)) {
            double d = FT_FLOAT_VALUE(r);
            FT_DECREF(r);
            return ft_float_from_double(d);
        }
        return r;
    }
    if (m && m->nb_index) {
        FtObject *i = ft_number_index(o);
        if (!i)
            return NULL;
        double d = ft_int_as_double(i);
        FT_DECREF(i);
        if (d == -1.0 && ft_err_occurred())
            return NULL;
        return ft_float_from_double(d);
    }
    if (ft_float_check(o))
        return ft_float_from_double(FT_FLOAT_VALUE(o));
    if (ft_str_check(o) || ft_bytes_check(o) || ft_bytearray_check(o))
        return ft_object_call_one((FtObject *)&ft_float_type, o);
    ft_err_format(ft_exc_TypeError, "float() argument must be a string or a real number, not '%s'",
                  FT_TYPE(o)->tp_name);
    return NULL;
}

/* ---- subscription ------------------------------------------------------------------------- */

static int seq_index(FtObject *o, FtObject *key, ssize_t *i) {
    if (!ft_index_check(key)) {
        ft_err_format(ft_exc_TypeError, "sequence index must be integer, not '%s'",
                      FT_TYPE(key)->tp_name);
        return -1;
    }
    ssize_t v = ft_number_as_ssize(key, ft_exc_IndexError);
    if (v == -1 && ft_err_occurred())
        return -1;
    if (v < 0) {
        FtSequenceMethods *m = FT_TYPE(o)->tp_as_sequence;
        if (m->sq_length) {
            ssize_t l = m->sq_length(o);
            if (l < 0)
                return -1;
            v += l;
        }
    }
    *i = v;
    return 0;
}

FtObject *ft_object_getitem(FtObject *o, FtObject *key) {
    FtType *t = FT_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript)
        return t->tp_as_mapping->mp_subscript(o, key);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item) {
        ssize_t i;
        if (seq_index(o, key, &i) < 0)
            return NULL;
        return t->tp_as_sequence->sq_item(o, i);
    }
    if (ft_type_check(o)) {
        if ((FtType *)o == &ft_type_type)
            return ft_generic_alias_new(o, key);
        FtObject *meth;
        if (ft_object_lookup_attr(o, FT_ID(__class_getitem__), &meth) < 0)
            return NULL;
        if (meth && meth != FT_NONE) {
            FtObject *r = ft_object_call_one(meth, key);
            FT_DECREF(meth);
            return r;
        }
        FT_XDECREF(meth);
        ft_err_format(ft_exc_TypeError, "type '%s' is not subscriptable",
                      ((FtType *)o)->tp_name);
        return NULL;
    }
    ft_err_format(ft_exc_TypeError, "'%s' object is not subscriptable", t->tp_name);
    return NULL;
}

int ft_object_setitem(FtObject *o, FtObject *key, FtObject *value) {
    FtType *t = FT_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript)
        return t->tp_as_mapping->mp_ass_subscript(o, key, value);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_ass_item) {
        ssize_t i;
        if (seq_index(o, key, &i) < 0)
            return -1;
        return t->tp_as_sequence->sq_ass_item(o, i, value);
    }
    if (t->tp_as_sequence && t->tp_as_sequence->sq_item && !ft_index_check(key)) {
        ft_err_format(ft_exc_TypeError, "sequence index must be integer, not '%s'",
                      FT_TYPE(key)->tp_name);
        return -1;
    }
    ft_err_format(ft_exc_TypeError, "'%s' object does not support item assignment", t->tp_name);
    return -1;
}

int ft_object_delitem(FtObject *o, FtObject *key) {
    FtType *t = FT_TYPE(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_ass_subscript)
        return t->tp_as_mapping->mp_ass_subscript(o, key, NULL);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_ass_item) {
        ssize_t i;
        if (seq_index(o, key, &i) < 0)
            return -1;
        return t->tp_as_sequence->sq_ass_item(o, i, NULL);
    }
    ft_err_format(ft_exc_TypeError, "'%s' object doesn't support item deletion", t->tp_name);
    return -1;
}

FtObject *ft_sequence_getitem(FtObject *o, ssize_t i) {
    FtType *t = FT_TYPE(o);
    FtSequenceMethods *m = t->tp_as_sequence;
    if (m && m->sq_item) {
        if (i < 0 && m->sq_length) {
            ssize_t l = m->sq_length(o);
            if (l < 0)
                return NULL;
            i += l;
        }
        return m->sq_item(o, i);
    }
    if (t->tp_as_mapping && t->tp_as_mapping->mp_subscript) {
        FtObject *k = ft_int_from_ssize(i);
        if (!k)
            return NULL;
        FtObject *r = t->tp_as_mapping->mp_subscript(o, k);
        FT_DECREF(k);
        return r;
    }
    ft_err_format(ft_exc_TypeError, "'%s' object does not support indexing", t->tp_name);
    return NULL;
}

/* ---- length -------------------------------------------------------------------------------- */

ssize_t ft_object_length(FtObject *o) {
    FtType *t = FT_TYPE(o);
    if (t->tp_as_sequence && t->tp_as_sequence->sq_length)
        return t->tp_as_sequence->sq_length(o);
    if (t->tp_as_mapping && t->tp_as_mapping->mp_length)
        return t->tp_as_mapping->mp_length(o);
    ft_err_format(ft_exc_TypeError, "object of type '%s' has no len()", t->tp_name);
    return -1;
}

ssize_t ft_object_length_hint(FtObject *o, ssize_t dflt) {
    FtType *t = FT_TYPE(o);
    if ((t->tp_as_sequence && t->tp_as_sequence->sq_length) ||
        (t->tp_as_mapping && t->tp_as_mapping->mp_length)) {
        ssize_t r = ft_object_length(o);
        if (r >= 0)
            return r;
        if (!ft_err_matches(ft_exc_TypeError))
            return -1;
        ft_err_clear();
    }
    int found;
    FtObject *r = ft_call_special(o, FT_ID(__length_hint__), NULL, 0, &found);
    if (!found)
        return dflt;
    if (!r) {
        if (ft_err_matches(ft_exc_TypeError)) {
            ft_err_clear();
            return dflt;
        }
        return -1;
    }
    if (r == FT_NOTIMPLEMENTED) {
        FT_DECREF(r);
        return dflt;
    }
    if (!ft_int_check(r)) {
        ft_err_format(ft_exc_TypeError, "__length_hint__ must be an integer, not %s",
                      FT_TYPE(r)->tp_name);
        FT_DECREF(r);
        return -1;
    }
    ssize_t n = ft_int_as_ssize(r);
    FT_DECREF(r);
    if (n == -1 && ft_err_occurred())
        return -1;
    if (n < 0) {
        ft_err_set_string(ft_exc_ValueError, "__length_hint__() should return >= 0");
        return -1;
    }
    return n;
}

/* ---- iteration ------------------------------------------------------------------------------- */

int ft_iter_check(FtObject *o) {
    return FT_TYPE(o)->tp_iternext != NULL;
}

static int sequence_check(FtObject *o) {
    FtType *t = FT_TYPE(o);
    if (ft_dict_check(o))
        return 0;
    return t->tp_as_sequence && t->tp_as_sequence->sq_item;
}

FtObject *ft_object_getiter(FtObject *o) {
    FtType *t = FT_TYPE(o);
    if (t->tp_iter) {
        FtObject *it = t->tp_iter(o);
        if (it && !ft_iter_check(it)) {
            ft_err_format(ft_exc_TypeError, "iter() returned non-iterator of type '%s'",
                          FT_TYPE(it)->tp_name);
            FT_DECREF(it);
            return NULL;
        }
        return it;
    }
    if (sequence_check(o))
        return ft_seqiter_new(o);
    ft_err_format(ft_exc_TypeError, "'%s' object is not iterable", t->tp_name);
    return NULL;
}

FtObject *ft_iter_next(FtObject *it) {
    FtObject *r = FT_TYPE(it)->tp_iternext(it);
    if (!r && ft_err_occurred() && ft_err_matches(ft_exc_StopIteration))
        ft_err_clear();
    return r;
}

int ft_sequence_contains(FtObject *seq, FtObject *item) {
    FtSequenceMethods *m = FT_TYPE(seq)->tp_as_sequence;
    if (m && m->sq_contains)
        return m->sq_contains(seq, item);
    FtObject *it = ft_object_getiter(seq);
    if (!it) {
        if (ft_err_matches(ft_exc_TypeError)) {
            ft_err_clear();
            ft_err_format(ft_exc_TypeError, "argument of type '%s' is not iterable",
                          FT_TYPE(seq)->tp_name);
        }
        return -1;
    }
    FtObject *x;
    int found = 0;
    while ((x = ft_iter_next(it)) != NULL) {
        int r = ft_object_richcompare_bool(x, item, FT_EQ);
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

FtObject *ft_sequence_list(FtObject *o) {
    FtObject *l = ft_list_new(0);
    if (!l)
        return NULL;
    if (ft_list_extend(l, o) < 0) {
        FT_DECREF(l);
        return NULL;
    }
    return l;
}

FtObject *ft_sequence_tuple(FtObject *o) {
    if (ft_tuple_check_exact(o))
        return FT_NEWREF(o);
    if (ft_list_check(o))
        return ft_list_as_tuple(o);
    FtObject *l = ft_sequence_list(o);
    if (!l)
        return NULL;
    FtObject *t = ft_list_as_tuple(l);
    FT_DECREF(l);
    return t;
}

FtObject *ft_sequence_fast(FtObject *o, const char *msg) {
    if (ft_list_check_exact(o) || ft_tuple_check_exact(o))
        return FT_NEWREF(o);
    FtObject *it = ft_object_getiter(o);
    if (!it) {
        if (ft_err_matches(ft_exc_TypeError) && msg) {
            ft_err_clear();
            ft_err_set_string(ft_exc_TypeError, msg);
        }
        return NULL;
    }
    FtObject *l = ft_sequence_list(it);
    FT_DECREF(it);
    return l;
}

static FtObject *mapping_method_list(FtObject *o, const char *name) {
    FtObject *r = ft_object_call_method_cstr(o, name, NULL, 0);
    if (!r)
        return NULL;
    if (ft_list_check_exact(r))
        return r;
    FtObject *l = ft_sequence_list(r);
    FT_DECREF(r);
    return l;
}

FtObject *ft_mapping_keys(FtObject *o) {
    if (ft_dict_check_exact(o))
        return ft_dict_keys_list(o);
    return mapping_method_list(o, "keys");
}

FtObject *ft_mapping_items(FtObject *o) {
    if (ft_dict_check_exact(o))
        return ft_dict_items_list(o);
    return mapping_method_list(o, "items");
}

/* ---- isinstance / issubclass -------------------------------------------------------------- */

static FtObject *get_bases(FtObject *cls) {
    FtObject *bases = NULL;
    if (ft_object_lookup_attr(cls, FT_ID(__bases__), &bases) < 0)
        return NULL;
    if (bases && !ft_tuple_check(bases)) {
        FT_DECREF(bases);
        return NULL;
    }
    return bases;
}

static int abstract_issubclass(FtObject *derived, FtObject *cls) {
    for (;;) {
        if (derived == cls)
            return 1;
        FtObject *bases = get_bases(derived);
        if (!bases)
            return ft_err_occurred() ? -1 : 0;
        ssize_t n = FT_SIZE(bases);
        if (n == 0) {
            FT_DECREF(bases);
            return 0;
        }
        if (n == 1) {
            derived = FT_TUPLE_GET(bases, 0);
            FT_DECREF(bases);
            continue;
        }
        int r = 0;
        for (ssize_t i = 0; i < n && r == 0; i++)
            r = abstract_issubclass(FT_TUPLE_GET(bases, i), cls);
        FT_DECREF(bases);
        return r;
    }
}

static int check_class(FtObject *cls, const char *error) {
    FtObject *bases = get_bases(cls);
    if (!bases) {
        if (!ft_err_occurred())
            ft_err_set_string(ft_exc_TypeError, error);
        return 0;
    }
    FT_DECREF(bases);
    return 1;
}

static int object_isinstance(FtObject *inst, FtObject *cls) {
    if (ft_type_check(cls)) {
        if (ft_type_is_subtype(FT_TYPE(inst), (FtType *)cls))
            return 1;
        FtObject *icls;
        if (ft_object_lookup_attr(inst, FT_ID(__class__), &icls) < 0)
            return -1;
        int r = 0;
        if (icls && icls != (FtObject *)FT_TYPE(inst) && ft_type_check(icls))
            r = ft_type_is_subtype((FtType *)icls, (FtType *)cls);
        FT_XDECREF(icls);
        return r;
    }
    if (!check_class(cls, "isinstance() arg 2 must be a type, a tuple of types, or a union"))
        return -1;
    FtObject *icls;
    if (ft_object_lookup_attr(inst, FT_ID(__class__), &icls) < 0)
        return -1;
    int r = 0;
    if (icls) {
        r = abstract_issubclass(icls, cls);
        FT_DECREF(icls);
    }
    return r;
}

static int recursive_isinstance(FtObject *inst, FtObject *cls);

static int recursive_isinstance(FtObject *inst, FtObject *cls) {
    if ((FtObject *)FT_TYPE(inst) == cls)
        return 1;
    if (FT_TYPE(cls) == &ft_type_type)
        return object_isinstance(inst, cls);
    if (FT_TYPE(cls) == &ft_union_type)
        cls = ft_union_args(cls);
    if (ft_tuple_check(cls)) {
        if (ft_enter_recursive_call(" in __instancecheck__"))
            return -1;
        int r = 0;
        for (ssize_t i = 0; i < FT_SIZE(cls) && r == 0; i++)
            r = recursive_isinstance(inst, FT_TUPLE_GET(cls, i));
        ft_leave_recursive_call();
        return r;
    }
    FtObject *checker = ft_type_lookup(FT_TYPE(cls), FT_ID(__instancecheck__));
    if (checker && !(FT_TYPE(cls) == &ft_type_type)) {
        FtObject *args[2] = {cls, inst};
        FtObject *res;
        FT_INCREF(checker);
        if (ft_enter_recursive_call(" in __instancecheck__")) {
            FT_DECREF(checker);
            return -1;
        }
        if (FT_TYPE(checker)->tp_descr_get) {
            FtObject *bound = FT_TYPE(checker)->tp_descr_get(checker, cls, (FtObject *)FT_TYPE(cls));
            res = bound ? ft_object_call_one(bound, inst) : NULL;
            FT_XDECREF(bound);
        } else {
            res = ft_object_vectorcall(checker, args, 2, NULL);
        }
        ft_leave_recursive_call();
        FT_DECREF(checker);
        if (!res)
            return -1;
        int ok = ft_object_is_true(res);
        FT_DECREF(res);
        return ok;
    }
    return object_isinstance(inst, cls);
}

int ft_object_isinstance(FtObject *o, FtObject *cls) { return recursive_isinstance(o, cls); }

static int recursive_issubclass(FtObject *derived, FtObject *cls) {
    if (ft_type_check(cls) && ft_type_check(derived))
        return ft_type_is_subtype((FtType *)derived, (FtType *)cls);
    if (!check_class(derived, "issubclass() arg 1 must be a class"))
        return -1;
    if (!check_class(cls, "issubclass() arg 2 must be a class, a tuple of classes, or a union"))
        return -1;
    return abstract_issubclass(derived, cls);
}

static int object_issubclass(FtObject *derived, FtObject *cls) {
    if (FT_TYPE(cls) == &ft_type_type) {
        if (derived == cls)
            return 1;
        return recursive_issubclass(derived, cls);
    }
    if (FT_TYPE(cls) == &ft_union_type)
        cls = ft_union_args(cls);
    if (ft_tuple_check(cls)) {
        if (ft_enter_recursive_call(" in __subclasscheck__"))
            return -1;
        int r = 0;
        for (ssize_t i = 0; i < FT_SIZE(cls) && r == 0; i++)
            r = object_issubclass(derived, FT_TUPLE_GET(cls, i));
        ft_leave_recursive_call();
        return r;
    }
    FtObject *checker = ft_type_lookup(FT_TYPE(cls), FT_ID(__subclasscheck__));
    if (checker) {
        FT_INCREF(checker);
        FtObject *res;
        if (ft_enter_recursive_call(" in __subclasscheck__")) {
            FT_DECREF(checker);
            return -1;
        }
        if (FT_TYPE(checker)->tp_descr_get) {
            FtObject *bound = FT_TYPE(checker)->tp_descr_get(checker, cls, (FtObject *)FT_TYPE(cls));
            res = bound ? ft_object_call_one(bound, derived) : NULL;
            FT_XDECREF(bound);
        } else {
            FtObject *args[2] = {cls, derived};
            res = ft_object_vectorcall(checker, args, 2, NULL);
        }
        ft_leave_recursive_call();
        FT_DECREF(checker);
        if (!res)
            return -1;
        int ok = ft_object_is_true(res);
        FT_DECREF(res);
        return ok;
    }
    return recursive_issubclass(derived, cls);
}

int ft_object_issubclass(FtObject *derived, FtObject *cls) { return object_issubclass(derived, cls); }

/* The default __instancecheck__ / __subclasscheck__ (methods of type, see type.c). */
int ft_type_default_instancecheck(FtObject *cls, FtObject *inst) { return object_isinstance(inst, cls); }
int ft_type_default_subclasscheck(FtObject *cls, FtObject *derived) {
    return recursive_issubclass(derived, cls);
}

/* ---- format ------------------------------------------------------------------------------- */

FtObject *ft_object_format(FtObject *o, FtObject *spec) {
    FtObject *empty = NULL;
    if (spec == NULL) {
        empty = ft_str_from_cstr("");
        if (!empty)
            return NULL;
        spec = empty;
    } else if (!ft_str_check(spec)) {
        ft_err_format(ft_exc_TypeError, "format() argument 2 must be str, not %s",
                      FT_TYPE(spec)->tp_name);
        return NULL;
    }
    if (FT_STR_LEN(spec) == 0) {
        if (ft_str_check_exact(o)) {
            FT_XDECREF(empty);
            return FT_NEWREF(o);
        }
        if (ft_int_check_exact(o)) {
            FT_XDECREF(empty);
            return ft_object_str(o);
        }
    }
    int found;
    FtObject *r = ft_call_special(o, FT_ID(__format__), &spec, 1, &found);
    FT_XDECREF(empty);
    if (!found) {
        ft_err_format(ft_exc_TypeError, "Type %s doesn't define __format__", FT_TYPE(o)->tp_name);
        return NULL;
    }
    if (r && !ft_str_check(r)) {
        ft_err_format(ft_exc_TypeError, "__format__ must return a str, not %s",
                      FT_TYPE(r)->tp_name);
        FT_DECREF(r);
        return NULL;
    }
    return r;
}
