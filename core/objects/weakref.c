/* Weak references: weakref.ref (ReferenceType, with callbacks), getweakrefcount,
 * getweakrefs, and the `_weakref` C module that runtime/lib/weakref.py builds on.
 *
 * Where the references live. Instead of a list head inside every weak-referenceable object
 * (CPython's tp_weaklistoffset), a side table maps a referent's address to the head of its
 * doubly linked list of weakrefs, and a flag in the referent's FtGCHead (FT_GC_WEAKREFS)
 * says that it has an entry. Only containers (which carry an FtGCHead) and immortal objects
 * (static types: they never die) can be weakly referenced, which covers what CPython allows
 * (class instances, classes, functions, methods, sets, generators, modules...).
 *
 * When the referent dies. ft_gc_free sees the flag and calls ft_weakref_clear_on_free: the
 * weakrefs are cleared (they now return None) and their callbacks called. The collector
 * clears weakrefs to garbage before breaking cycles (ft_weakref_clear_for_gc) and calls the
 * callbacks of the weakrefs that are not garbage themselves, as CPython does.
 *
 * Threads. In free-threaded builds one mutex guards the table and every list (weakrefs are
 * created and cleared rarely next to attribute access). Dereferencing may race with the
 * referent's last decrement in another thread: it takes the reference with lk_try_incref
 * (fails once the count reached zero) under the lock, and a dying referent's memory is
 * freed only after ft_weakref_clear_on_free has cleared its weakrefs under the same lock, so
 * a dereference sees either a live object or a dead one it does not touch. Every referent
 * (and every weakref, found through the table the same way) is marked with
 * lk_set_maybe_weakref before it is published, as lk_try_incref requires under brc. */
#include "gc/gcstate.h"
#include "locking/strategy.h"
#include "runtime/errors.h"
#include "core/types.h"
#include "core/vm/vmtypes.h"
#include <stdlib.h>

typedef struct FtWeakRef {
    FtObject ob_base;
    FtObject *wr_object;           /* the referent (borrowed), NULL once it died */
    FtObject *wr_callback;         /* or NULL */
    ft_hash_t hash;                /* cached, -1 until computed */
    struct FtWeakRef *wr_prev, *wr_next;
} FtWeakRef;

FtType ft_weakref_type;
#define ft_weakref_check(o) ft_type_is_subtype(FT_TYPE(o), &ft_weakref_type)

/* ---- the side table: referent -> first weakref ------------------------------------------ */

typedef struct Entry {
    FtObject *key;                 /* NULL: empty; TOMBSTONE: deleted */
    FtWeakRef *head;
} Entry;
#define TOMBSTONE ((FtObject *)1)

static Entry *table;
static size_t table_cap, table_used; /* used counts tombstones too */

#if FT_FREE_THREADED
#include <pthread.h>
static pthread_mutex_t table_lock = PTHREAD_MUTEX_INITIALIZER;
#define LOCK() pthread_mutex_lock(&table_lock)
#define UNLOCK() pthread_mutex_unlock(&table_lock)
#else
#define LOCK() ((void)0)
#define UNLOCK() ((void)0)
#endif

static size_t hash_ptr(FtObject *p) {
    uintptr_t x = (uintptr_t)p >> 4;
    x ^= x >> 17;
    x *= (uintptr_t)0x9E3779B97F4A7C15ull;
    return (size_t)(x ^ (x >> 29));
}

static Entry *find(FtObject *key) {
    if (!table_cap)
        return NULL;
    size_t mask = table_cap - 1;
    for (size_t i = hash_ptr(key) & mask;; i = (i + 1) & mask) {
        Entry *e = &table[i];
        if (e->key == key)
            return e;
        if (!e->key)
            return NULL;
    }
}

static int grow(void) {
    size_t live = 0;
    for (size_t i = 0; i < table_cap; i++)
        if (table[i].key && table[i].key != TOMBSTONE)
            live++;
    size_t cap = 16;
    while (cap < (live + 1) * 3)
        cap *= 2;
    Entry *t = calloc(cap, sizeof *t);
    if (!t)
        return -1;
    for (size_t i = 0; i < table_cap; i++) {
        Entry *e = &table[i];
        if (!e->key || e->key == TOMBSTONE)
            continue;
        size_t j = hash_ptr(e->key) & (cap - 1);
        while (t[j].key)
            j = (j + 1) & (cap - 1);
        t[j] = *e;
    }
    free(table);
    table = t;
    table_cap = cap;
    table_used = live;
    return 0;
}

static Entry *find_or_add(FtObject *key) {
    Entry *e = find(key);
    if (e)
        return e;
    if ((table_used + 1) * 3 > table_cap * 2 && grow() < 0)
        return NULL;
    size_t mask = table_cap - 1;
    size_t i = hash_ptr(key) & mask;
    while (table[i].key && table[i].key != TOMBSTONE)
        i = (i + 1) & mask;
    if (!table[i].key)
        table_used++;
    table[i].key = key;
    table[i].head = NULL;
    return &table[i];
}

/* Unlink wr from its referent's list (lock held). */
static void unlink_ref(FtWeakRef *wr) {
    FtObject *o = wr->wr_object;
    if (!o)
        return;
    Entry *e = find(o);
    if (e) {
        if (wr->wr_prev)
            wr->wr_prev->wr_next = wr->wr_next;
        else
            e->head = wr->wr_next;
        if (wr->wr_next)
            wr->wr_next->wr_prev = wr->wr_prev;
        if (!e->head) {
            e->key = TOMBSTONE;
            if (ft_gc_has_head(o))
                GC_CLEAR_FLAG(FT_AS_GC(o), FT_GC_WEAKREFS);
        }
    }
    wr->wr_prev = wr->wr_next = NULL;
    wr->wr_object = NULL;
}

/* Take o's whole list out of the table (lock held); every weakref in it is cleared. */
static FtWeakRef *detach_all(FtObject *o) {
    Entry *e = find(o);
    if (ft_gc_has_head(o))
        GC_CLEAR_FLAG(FT_AS_GC(o), FT_GC_WEAKREFS);
    if (!e)
        return NULL;
    FtWeakRef *head = e->head;
    e->key = TOMBSTONE;
    e->head = NULL;
    for (FtWeakRef *wr = head; wr; wr = wr->wr_next)
        wr->wr_object = NULL;
    return head;
}

void ft_weakref_clear_on_free(FtObject *o) {
    LOCK();
    FtWeakRef *wr = detach_all(o);
    /* Keep the weakrefs with callbacks alive while the callbacks run (outside the lock);
     * one being deallocated right now (count 0) is skipped. */
    FtWeakRef *calls = NULL;
    while (wr) {
        FtWeakRef *next = wr->wr_next;
        wr->wr_prev = wr->wr_next = NULL;
        if (wr->wr_callback && lk_try_incref(&wr->ob_base.ob_rc)) {
            wr->wr_next = calls;
            calls = wr;
        }
        wr = next;
    }
    UNLOCK();
    if (!calls)
        return;
    /* The list is newest-first; CPython calls the callbacks newest first too. */
    FtObject *exc = ft_err_fetch();
    while (calls) {
        FtWeakRef *next = calls->wr_next;
        calls->wr_next = NULL;
        FtObject *cb = calls->wr_callback;
        calls->wr_callback = NULL;
        FtObject *r = ft_object_call_one(cb, (FtObject *)calls);
        if (r)
            FT_DECREF(r);
        else
            ft_err_write_unraisable(cb);
        FT_DECREF(cb);
        FT_DECREF(calls);
        calls = next;
    }
    ft_err_restore(exc);
}

int ft_weakref_clear_for_gc(FtObject *o, FtObject *callbacks) {
    LOCK();
    FtWeakRef *wr = detach_all(o);
    UNLOCK();
    int rc = 0;
    while (wr) {
        FtWeakRef *next = wr->wr_next;
        wr->wr_prev = wr->wr_next = NULL;
        FtObject *w = (FtObject *)wr;
        bool garbage = ft_gc_has_head(w) && (FT_AS_GC(w)->gc_bits & FT_GC_UNREACHABLE);
        if (wr->wr_callback && !garbage && rc == 0) {
            FtObject *pair = ft_tuple_pack(2, wr->wr_callback, w);
            if (!pair || ft_list_append(callbacks, pair) < 0)
                rc = -1;
            FT_XDECREF(pair);
            FT_CLEAR(wr->wr_callback);
        }
        wr = next;
    }
    return rc;
}

FtObject *ft_weakref_get_first(FtObject *o) {
    LOCK();
    Entry *e = ft_gc_has_head(o) && !(GC_FLAGS(FT_AS_GC(o)) & FT_GC_WEAKREFS) ? NULL : find(o);
    FtObject *r = e && e->head && lk_try_incref(&e->head->ob_base.ob_rc) ? (FtObject *)e->head
                                                                          : ft_newref(FT_NONE);
    UNLOCK();
    return r;
}

/* ---- which objects may be weakly referenced ---------------------------------------------- */

static bool builtin_weakrefable(FtType *t) {
    return t == &ft_function_type || t == &ft_method_type || t == &ft_set_type ||
           t == &ft_frozenset_type || t == &ft_gen_type || t == &ft_module_type ||
           t == &ft_code_type || t == &ft_cfunction_type || t == &ft_type_type;
}

static bool weakrefable(FtObject *o) {
    FtType *t = FT_TYPE(o);
    if (!ft_gc_has_head(o) && !lk_is_immortal(&o->ob_rc))
        return false;
    if (ft_type_check(o))
        return true;
    if (t->tp_weaklistoffset)
        return true;
    if ((t->tp_flags & FT_TPFLAGS_HEAPTYPE) && ft_type_lookup(t, FT_ID(__weakref__)))
        return true;
    for (FtType *b = t; b; b = b->tp_base)
        if (!(b->tp_flags & FT_TPFLAGS_HEAPTYPE))
            return builtin_weakrefable(b);
    return false;
}

/* The shared callback-less ref to o, with a new reference, or NULL (lock held). */
static FtWeakRef *basic_ref_of(FtObject *o) {
    Entry *e = find(o);
    FtWeakRef *h = e ? e->head : NULL;
    if (h && !h->wr_callback && FT_TYPE(h) == &ft_weakref_type &&
        lk_try_incref(&h->ob_base.ob_rc))
        return h;
    return NULL;
}

/* ---- ReferenceType ------------------------------------------------------------------------- */

static FtObject *weakref_new(FtType *type, FtObject *args, FtObject *kwargs) {
    (void)kwargs;
    ssize_t n = FT_SIZE(args);
    if (n < 1 || n > 2) {
        ft_err_format(ft_exc_TypeError, "__new__ expected at most 2 arguments, got %zd", n);
        if (n < 1)
            ft_err_format(ft_exc_TypeError, "__new__ expected at least 1 argument, got %zd", n);
        return NULL;
    }
    FtObject *ob = FT_TUPLE_GET(args, 0);
    FtObject *cb = n > 1 ? FT_TUPLE_GET(args, 1) : NULL;
    if (cb == FT_NONE)
        cb = NULL;
    if (!weakrefable(ob)) {
        ft_err_format(ft_exc_TypeError, "cannot create weak reference to '%s' object",
                      FT_TYPE(ob)->tp_name);
        return NULL;
    }
    LOCK();
    if (!cb && type == &ft_weakref_type) {
        FtWeakRef *h = basic_ref_of(ob);
        if (h) {
            UNLOCK();
            return (FtObject *)h;
        }
    }
    UNLOCK();
    FtWeakRef *wr = (FtWeakRef *)type->tp_alloc(type, 0);
    if (!wr)
        return NULL;
    wr->hash = -1;
    wr->wr_callback = FT_XNEWREF(cb);
    lk_set_maybe_weakref(&wr->ob_base.ob_rc);
    LOCK();
    Entry *e = find_or_add(ob);
    if (!e) {
        UNLOCK();
        FT_DECREF(wr);
        return ft_err_no_memory();
    }
    lk_set_maybe_weakref(&ob->ob_rc);
    wr->wr_object = ob;
    if (!cb && type == &ft_weakref_type) {
        /* the shared callback-less ref goes first, where basic_ref_of looks */
        wr->wr_next = e->head;
        if (e->head)
            e->head->wr_prev = wr;
        e->head = wr;
    } else {
        FtWeakRef *last = e->head;
        while (last && last->wr_next)
            last = last->wr_next;
        wr->wr_prev = last;
        if (last)
            last->wr_next = wr;
        else
            e->head = wr;
    }
    if (ft_gc_has_head(ob))
        GC_SET_FLAG(FT_AS_GC(ob), FT_GC_WEAKREFS);
    UNLOCK();
    ft_gc_track((FtObject *)wr);
    return (FtObject *)wr;
}

static int weakref_init(FtObject *self, FtObject *args, FtObject *kwargs) {
    (void)self, (void)args, (void)kwargs;
    return 0;
}

static int weakref_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    FtWeakRef *wr = (FtWeakRef *)o;
    if (wr->wr_callback && visit(wr->wr_callback, arg))
        return -1;
    return 0;
}

static int weakref_clear(FtObject *o) {
    FtWeakRef *wr = (FtWeakRef *)o;
    LOCK();
    unlink_ref(wr);
    UNLOCK();
    FT_CLEAR(wr->wr_callback);
    return 0;
}

static void weakref_dealloc(FtObject *o) {
    ft_gc_untrack(o);
    weakref_clear(o);
    FtType *tp = FT_TYPE(o);
    tp->tp_free(o);
    if (tp->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(tp);
}

/* The live referent with a new reference, or NULL (see "Threads" above). */
static FtObject *referent(FtWeakRef *wr) {
    LOCK();
    FtObject *o = wr->wr_object;
    if (o && !lk_try_incref(&o->ob_rc))
        o = NULL;
    UNLOCK();
    return o;
}

static FtObject *weakref_call(FtObject *self, FtObject *args, FtObject *kwargs) {
    if (FT_SIZE(args) != 0 || (kwargs && ft_object_is_true(kwargs))) {
        ft_err_format(ft_exc_TypeError, "weakref() takes exactly 0 arguments (%zd given)",
                      FT_SIZE(args));
        return NULL;
    }
    FtObject *o = referent((FtWeakRef *)self);
    return o ? o : ft_newref(FT_NONE);
}

static ft_hash_t weakref_hash(FtObject *self) {
    FtWeakRef *wr = (FtWeakRef *)self;
    if (wr->hash != -1)
        return wr->hash;
    FtObject *o = referent(wr);
    if (!o) {
        ft_err_set_string(ft_exc_TypeError, "weak object has gone away");
        return -1;
    }
    ft_hash_t h = ft_object_hash(o);
    FT_DECREF(o);
    wr->hash = h;
    return h;
}

static FtObject *weakref_richcompare(FtObject *a, FtObject *b, int op) {
    if ((op != FT_EQ && op != FT_NE) || !ft_weakref_check(a) || !ft_weakref_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    FtObject *x = referent((FtWeakRef *)a), *y = referent((FtWeakRef *)b);
    FtObject *r;
    if (!x || !y) {
        bool same = a == b;
        r = ft_bool_from(op == FT_EQ ? same : !same);
    } else {
        r = ft_object_richcompare(x, y, op);
    }
    FT_XDECREF(x);
    FT_XDECREF(y);
    return r;
}

static FtObject *weakref_repr(FtObject *self) {
    FtObject *o = referent((FtWeakRef *)self);
    if (!o)
        return ft_str_from_format("<weakref at %p; dead>", (void *)self);
    FtObject *r = ft_str_from_format("<weakref at %p; to '%s' at %p>", (void *)self,
                                     FT_TYPE(o)->tp_name, (void *)o);
    FT_DECREF(o);
    return r;
}

static FtObject *weakref_get_callback(FtObject *self, void *c) {
    (void)c;
    FtObject *cb = ((FtWeakRef *)self)->wr_callback;
    return ft_newref(cb ? cb : FT_NONE);
}

static FtObject *weakref_class_getitem(FtObject *cls, FtObject *arg) {
    return ft_generic_alias_new(cls, arg);
}

static FtGetSetDef weakref_getset[] = {
    {"__callback__", weakref_get_callback, NULL, NULL, NULL},
    {NULL},
};

static FtMethodDef weakref_methods[] = {
    {"__class_getitem__", (void *)weakref_class_getitem, FT_METH_O | FT_METH_CLASS, NULL},
    {NULL},
};

FtType ft_weakref_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "weakref.ReferenceType",
    .tp_basicsize = sizeof(FtWeakRef),
    .tp_flags = FT_TPFLAGS_DEFAULT | FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,
    .tp_new = weakref_new,
    .tp_init = weakref_init,
    .tp_dealloc = weakref_dealloc,
    .tp_traverse = weakref_traverse,
    .tp_clear = weakref_clear,
    .tp_call = weakref_call,
    .tp_hash = weakref_hash,
    .tp_richcompare = weakref_richcompare,
    .tp_repr = weakref_repr,
    .tp_getset = weakref_getset,
    .tp_methods = weakref_methods,
    .tp_alloc = ft_type_generic_alloc,
    .tp_free = ft_gc_free,
};

/* ---- the _weakref module ------------------------------------------------------------------- */

static FtObject *mod_getweakrefcount(FtObject *self, FtObject *o) {
    (void)self;
    ssize_t n = 0;
    LOCK();
    Entry *e = find(o);
    for (FtWeakRef *wr = e ? e->head : NULL; wr; wr = wr->wr_next)
        n++;
    UNLOCK();
    return ft_int_from_ssize(n);
}

static FtObject *mod_getweakrefs(FtObject *self, FtObject *o) {
    (void)self;
    FtObject *out = ft_list_new(0);
    if (!out)
        return NULL;
    LOCK();
    Entry *e = find(o);
    for (FtWeakRef *wr = e ? e->head : NULL; wr; wr = wr->wr_next) {
        if (!lk_try_incref(&wr->ob_base.ob_rc))
            continue; /* being freed */
        if (ft_list_append(out, (FtObject *)wr) < 0) {
            UNLOCK();
            FT_DECREF(wr);
            FT_DECREF(out);
            return NULL;
        }
        FT_DECREF(wr); /* the list holds it */
    }
    UNLOCK();
    return out;
}

static FtObject *mod_remove_dead_weakref(FtObject *self, FtObject *const *args, ssize_t nargs) {
    (void)self;
    if (ft_check_nargs("_remove_dead_weakref", nargs, 2, 2) < 0)
        return NULL;
    FtObject *d = args[0], *key = args[1];
    FtObject *v = ft_object_getitem(d, key);
    if (!v) {
        if (ft_err_matches(ft_exc_KeyError)) {
            ft_err_clear();
            FT_RETURN_NONE;
        }
        return NULL;
    }
    bool dead = false;
    if (ft_weakref_check(v)) {
        LOCK();
        dead = !((FtWeakRef *)v)->wr_object;
        UNLOCK();
    }
    FT_DECREF(v);
    if (dead && ft_object_delitem(d, key) < 0) {
        if (!ft_err_matches(ft_exc_KeyError))
            return NULL;
        ft_err_clear();
    }
    FT_RETURN_NONE;
}

static FtMethodDef weakref_mod_methods[] = {
    {"getweakrefcount", (void *)mod_getweakrefcount, FT_METH_O, NULL},
    {"getweakrefs", (void *)mod_getweakrefs, FT_METH_O, NULL},
    {"_remove_dead_weakref", (void *)mod_remove_dead_weakref, FT_METH_FASTCALL, NULL},
    {NULL},
};

static int weakref_mod_exec(FtObject *m) {
    if (!(ft_weakref_type.tp_flags & FT_TPFLAGS_READY) && ft_type_ready(&ft_weakref_type) < 0)
        return -1;
    if (ft_module_add_object(m, "ref", ft_newref((FtObject *)&ft_weakref_type)) < 0 ||
        ft_module_add_object(m, "ReferenceType", ft_newref((FtObject *)&ft_weakref_type)) < 0)
        return -1;
    return 0;
}

FtModuleDef ft_weakref_module_def = {
    .name = "_weakref",
    .doc = "Weak-reference support module.",
    .methods = weakref_mod_methods,
    .exec = weakref_mod_exec,
};
