/* The `type` type and the class machinery: readying static types (slot inheritance, C3
 * MRO, tp_dict with method/member/getset descriptors and slot wrappers), creating classes
 * (type.__new__: metaclass calculation, best base and layout, __slots__, instance dicts,
 * __set_name__, __init_subclass__, __classcell__), calling types, type attribute access,
 * subclass tracking, the attribute lookup cache, and the dealloc/traverse/clear of
 * instances of classes. Mirrors CPython's Objects/typeobject.c.
 *
 * Start-up order. ft_typesystem_init runs first, before strings or dicts exist; so
 * ft_type_ready, until ft_types_finish_init has run, does only what needs no objects
 * (slot inheritance, flags, tp_alloc/tp_free) and queues the type; ft_types_finish_init,
 * which runtime/init.c calls once every area has readied its types, builds the tp_dict,
 * tp_bases and tp_mro of everything queued. After that, ft_type_ready does all at once.
 *
 * The lookup cache. Every type gets a version tag (non-zero when valid); a type's tag is
 * only valid when its bases' tags are, and ft_type_modified clears the tag of a type and of
 * all its subclasses. ft_type_lookup caches (tag, interned name) -> result in one global
 * direct-mapped table, as CPython's method cache does. Entries are guarded by a per-entry
 * sequence number so that readers in free-threaded builds never see a torn entry. */
#include "core/objects/typeslots.h"
#include "gc/gc.h"
#include "runtime/tstate.h"
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int ft_types_finished;

/* ---- version tags and the lookup cache -------------------------------------------------- */

#define MCACHE_SIZE_EXP 12
#define MCACHE_SIZE (1u << MCACHE_SIZE_EXP)
typedef struct CacheEntry {
    unsigned int seq;      /* odd while being written */
    unsigned int version;
    FtObject *name;        /* interned str, borrowed (immortal) */
    FtObject *value;       /* borrowed; the entry dies with the version */
} CacheEntry;
static CacheEntry method_cache[MCACHE_SIZE];
static unsigned int next_version_tag = 1;

/* Free-threaded builds: assigning a tag, reading the MRO and filling the cache entry (the
 * miss path) are one step with respect to invalidation (ft_type_modified): otherwise a
 * lookup could read an attribute's old value, a writer could replace it and clear the tag,
 * and the lookup could then assign a fresh tag and cache the stale value for good. A writer
 * changes the dict first and invalidates after, under this lock, so a miss path either ends
 * before the invalidation (its tag dies) or starts after it (it reads the new value).
 * Recursive: the lookup can run Python code (a str subclass key's __eq__). */
#if FT_FREE_THREADED
static pthread_mutex_t type_cache_lock = PTHREAD_MUTEX_INITIALIZER;
static _Thread_local int type_cache_depth;
static void type_cache_lock_acquire(void) {
    if (type_cache_depth++ == 0)
        pthread_mutex_lock(&type_cache_lock);
}
static void type_cache_lock_release(void) {
    if (--type_cache_depth == 0)
        pthread_mutex_unlock(&type_cache_lock);
}
#define TYPE_CACHE_LOCK() type_cache_lock_acquire()
#define TYPE_CACHE_UNLOCK() type_cache_lock_release()
#else
#define TYPE_CACHE_LOCK() ((void)0)
#define TYPE_CACHE_UNLOCK() ((void)0)
#endif

/* Stop / restart the world around a class attribute write (type_setattro); nested calls
 * (a write made while this thread already stopped it) do nothing. */
#if FT_FREE_THREADED
static _Thread_local int type_stw_depth;
static void type_world_stop(void) {
    FtThreadState *ts = ft_tstate_get();
    if (ts && type_stw_depth++ == 0)
        lk_stop_the_world(ts);
}
static void type_world_start(void) {
    FtThreadState *ts = ft_tstate_get();
    if (ts && --type_stw_depth == 0)
        lk_start_the_world(ts);
}
#else
static void type_world_stop(void) {}
static void type_world_start(void) {}
#endif

static int assign_version_tag(FtType *type) {
    if (__atomic_load_n(&type->tp_version_tag, __ATOMIC_RELAXED))
        return 1;
    if (!type->tp_mro)
        return 0;
    FtObject *mro = type->tp_mro;
    for (ssize_t i = 1; i < FT_SIZE(mro); i++)
        if (!assign_version_tag((FtType *)FT_TUPLE_GET(mro, i)))
            return 0;
    unsigned int v = __atomic_fetch_add(&next_version_tag, 1, __ATOMIC_RELAXED);
    if (v == 0) /* wrapped around: stop caching rather than reuse tags */
        return 0;
    __atomic_store_n(&type->tp_version_tag, v, __ATOMIC_RELEASE);
    return 1;
}

static void type_modified(FtType *type) {
    if (__atomic_load_n(&type->tp_version_tag, __ATOMIC_RELAXED) == 0)
        return;
    __atomic_store_n(&type->tp_version_tag, 0, __ATOMIC_RELEASE);
    FtObject *subs = type->tp_subclasses;
    if (subs) {
        ssize_t pos = 0;
        FtObject *k, *v;
        while (ft_dict_next(subs, &pos, &k, &v))
            type_modified((FtType *)(uintptr_t)ft_int_as_i64(v, &(int){0}));
    }
}

void ft_type_modified(FtType *type) {
    TYPE_CACHE_LOCK();
    type_modified(type);
    TYPE_CACHE_UNLOCK();
}

static FtObject *find_name_in_mro(FtType *type, FtObject *name) {
    FtObject *mro = type->tp_mro;
    if (!mro) {
        /* not fully readied yet: walk the base chain */
        for (FtType *t = type; t; t = t->tp_base) {
            if (t->tp_dict) {
                FtObject *r = ft_dict_get(t->tp_dict, name);
                if (r)
                    return r;
            }
        }
        return NULL;
    }
    ssize_t n = FT_SIZE(mro);
    for (ssize_t i = 0; i < n; i++) {
        FtObject *d = ((FtType *)FT_TUPLE_GET(mro, i))->tp_dict;
        if (!d)
            continue;
        FtObject *r = ft_dict_get(d, name);
        if (r)
            return r;
        if (FT_UNLIKELY(ft_err_occurred()))
            ft_err_clear(); /* unhashable names cannot be attributes */
    }
    return NULL;
}

/* Safety net for a start-up that never calls ft_types_finish_init: the first attribute
 * lookup after the core types exist completes the queued types. */
static bool core_types_ready(void) {
    const unsigned long R = FT_TPFLAGS_READY;
    return (ft_str_type.tp_flags & R) && (ft_dict_type.tp_flags & R) &&
           (ft_tuple_type.tp_flags & R) && (ft_list_type.tp_flags & R) &&
           (ft_int_type.tp_flags & R) && ft_empty_tuple != NULL;
}

static void maybe_finish_init(void) {
    if (core_types_ready()) {
        FtObject *saved = ft_err_fetch();
        if (ft_types_finish_init() < 0) {
            fprintf(stderr, "ftpy: fatal error while readying the built-in types\n");
            if (ft_err_occurred())
                ft_err_display(ft_err_occurred());
            abort();
        }
        ft_err_restore(saved);
    }
}

static inline unsigned int cache_hash(unsigned int version, FtObject *name) {
    return (unsigned int)((version ^ ((uintptr_t)name >> 4)) & (MCACHE_SIZE - 1));
}

/* The miss path, kept out of line so that the hit path needs no stack frame. */
static __attribute__((noinline)) FtObject *lookup_slow(FtType *type, FtObject *name,
                                                        unsigned int version) {
    bool cacheable = ft_str_check_exact(name) && ((FtStr *)name)->interned;
    if (FT_UNLIKELY(!ft_types_finished))
        maybe_finish_init();
    if (!cacheable)
        return find_name_in_mro(type, name);
    TYPE_CACHE_LOCK();
    (void)version; /* re-read under the lock: an invalidation may have happened since */
    FtObject *res = find_name_in_mro(type, name);
    if (assign_version_tag(type)) {
        version = __atomic_load_n(&type->tp_version_tag, __ATOMIC_RELAXED);
        CacheEntry *e = &method_cache[cache_hash(version, name)];
        unsigned int s = __atomic_load_n(&e->seq, __ATOMIC_RELAXED);
        /* claim the entry (odd); a writer that loses the race simply skips caching */
        if (!(s & 1) && __atomic_compare_exchange_n(&e->seq, &s, s + 1, false,
                                                    __ATOMIC_ACQUIRE, __ATOMIC_RELAXED)) {
            __atomic_store_n(&e->version, version, __ATOMIC_RELAXED);
            __atomic_store_n(&e->name, name, __ATOMIC_RELAXED);
            __atomic_store_n(&e->value, res, __ATOMIC_RELAXED);
            __atomic_store_n(&e->seq, s + 2, __ATOMIC_RELEASE);
        }
    }
    TYPE_CACHE_UNLOCK();
    return res;
}

FtObject *ft_type_lookup(FtType *type, FtObject *name) {
    unsigned int version = __atomic_load_n(&type->tp_version_tag, __ATOMIC_ACQUIRE);
    if (FT_LIKELY(version != 0)) {
        /* only interned names are ever stored, so a pointer match implies one */
        CacheEntry *e = &method_cache[cache_hash(version, name)];
        unsigned int s1 = __atomic_load_n(&e->seq, __ATOMIC_ACQUIRE);
        if (FT_LIKELY(__atomic_load_n(&e->name, __ATOMIC_RELAXED) == name &&
                      __atomic_load_n(&e->version, __ATOMIC_RELAXED) == version && !(s1 & 1))) {
            FtObject *v = __atomic_load_n(&e->value, __ATOMIC_RELAXED);
            /* pairs with the writer's release: the fields read above belong to s1 */
            LK_ACQUIRE_FENCE();
            if (FT_LIKELY(__atomic_load_n(&e->seq, __ATOMIC_RELAXED) == s1))
                return v;
        }
    }
    return lookup_slow(type, name, version);
}

FtObject *ft_type_lookup_cstr(FtType *type, const char *name) {
    FtObject *n = ft_str_intern_cstr(name);
    return n ? ft_type_lookup(type, n) : NULL;
}

int ft_type_is_subtype(FtType *a, FtType *b) {
    if (a == b)
        return 1;
    FtObject *mro = a->tp_mro;
    if (mro) {
        ssize_t n = FT_SIZE(mro);
        for (ssize_t i = 1; i < n; i++)
            if (FT_TUPLE_GET(mro, i) == (FtObject *)b)
                return 1;
        return 0;
    }
    for (a = a->tp_base; a; a = a->tp_base)
        if (a == b)
            return 1;
    return b == &ft_object_type;
}

/* ---- names ------------------------------------------------------------------------------ */

const char *ft_type_short_name(FtType *t) {
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        return t->tp_name;
    const char *dot = strrchr(t->tp_name, '.');
    return dot ? dot + 1 : t->tp_name;
}

FtObject *ft_type_name(FtType *t) {
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        return FT_NEWREF(((FtHeapType *)t)->ht_name);
    return ft_str_from_cstr(ft_type_short_name(t));
}

FtObject *ft_type_qualname(FtType *t) {
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        return FT_NEWREF(((FtHeapType *)t)->ht_qualname);
    return ft_str_from_cstr(ft_type_short_name(t));
}

static FtObject *type_module(FtType *t) {
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE) {
        FtObject *m = t->tp_dict ? ft_dict_get(t->tp_dict, FT_ID(__module__)) : NULL;
        if (!m) {
            if (!ft_err_occurred())
                ft_err_set_string(ft_exc_AttributeError, "__module__");
            return NULL;
        }
        return FT_NEWREF(m);
    }
    const char *dot = strrchr(t->tp_name, '.');
    if (dot)
        return ft_str_from_utf8(t->tp_name, dot - t->tp_name);
    return FT_NEWREF(FT_ID(builtins));
}

/* ---- subclasses ------------------------------------------------------------------------- */

/* tp_subclasses maps id(sub) -> id(sub) as ints: the base must not keep its subclasses
 * alive; a class removes itself from its bases' maps when it dies. */
void ft_type_add_subclass(FtType *base, FtType *sub) {
    if (!base->tp_subclasses && !(base->tp_subclasses = ft_dict_new())) {
        ft_err_clear();
        return;
    }
    FtObject *key = ft_int_from_i64((int64_t)(uintptr_t)sub);
    if (!key) {
        ft_err_clear();
        return;
    }
    if (ft_dict_set(base->tp_subclasses, key, key) < 0)
        ft_err_clear();
    FT_DECREF(key);
}

static void remove_subclass(FtType *base, FtType *sub) {
    if (!base->tp_subclasses)
        return;
    FtObject *key = ft_int_from_i64((int64_t)(uintptr_t)sub);
    if (!key) {
        ft_err_clear();
        return;
    }
    if (ft_dict_del(base->tp_subclasses, key) < 0)
        ft_err_clear();
    FT_DECREF(key);
}

/* ---- C3 linearisation ------------------------------------------------------------------- */

static int tail_contains(FtObject *list, ssize_t whence, FtObject *o) {
    for (ssize_t j = whence + 1; j < FT_SIZE(list); j++)
        if (FT_LIST_GET(list, j) == o)
            return 1;
    return 0;
}

static void set_mro_error(FtObject **to_merge, ssize_t n, ssize_t *remain) {
    /* "Cannot create a consistent method resolution order (MRO) for bases A, B" */
    FtStrBuilder sb;
    ft_sb_init(&sb);
    ft_sb_append_cstr(&sb, "Cannot create a consistent method resolution\norder (MRO) for bases");
    FtObject *seen = ft_set_new(NULL);
    int first = 1;
    for (ssize_t i = 0; i < n; i++) {
        FtObject *l = to_merge[i];
        if (remain[i] < FT_SIZE(l)) {
            FtObject *c = FT_LIST_GET(l, remain[i]);
            if (seen && ft_set_contains(seen, c) == 1)
                continue;
            if (seen)
                ft_set_add(seen, c);
            ft_sb_append_cstr(&sb, first ? " " : ", ");
            first = 0;
            FtObject *nm = ft_type_name((FtType *)c);
            if (nm) {
                ft_sb_append_str(&sb, nm);
                FT_DECREF(nm);
            }
        }
    }
    FT_XDECREF(seen);
    FtObject *msg = ft_sb_finish(&sb);
    if (msg) {
        ft_err_set_object(ft_exc_TypeError, msg);
        FT_DECREF(msg);
    }
}

static FtObject *mro_merge(FtObject *acc, FtObject **to_merge, ssize_t n) {
    ssize_t *remain = ft_mem_calloc((size_t)n, sizeof(ssize_t));
    if (!remain)
        return NULL;
again:
    for (ssize_t i = 0; i < n; i++) {
        FtObject *cur = to_merge[i];
        if (remain[i] >= FT_SIZE(cur))
            continue;
        FtObject *candidate = FT_LIST_GET(cur, remain[i]);
        int bad = 0;
        for (ssize_t j = 0; j < n; j++)
            if (tail_contains(to_merge[j], remain[j], candidate)) {
                bad = 1;
                break;
            }
        if (bad)
            continue;
        if (ft_list_append(acc, candidate) < 0) {
            ft_mem_free(remain);
            return NULL;
        }
        for (ssize_t j = 0; j < n; j++)
            if (remain[j] < FT_SIZE(to_merge[j]) && FT_LIST_GET(to_merge[j], remain[j]) == candidate)
                remain[j]++;
        goto again;
    }
    for (ssize_t i = 0; i < n; i++)
        if (remain[i] < FT_SIZE(to_merge[i])) {
            set_mro_error(to_merge, n, remain);
            ft_mem_free(remain);
            return NULL;
        }
    ft_mem_free(remain);
    return acc;
}

static FtObject *mro_implementation(FtType *type) {
    FtObject *bases = type->tp_bases;
    ssize_t n = FT_SIZE(bases);
    for (ssize_t i = 0; i < n; i++) {
        FtType *b = (FtType *)FT_TUPLE_GET(bases, i);
        if (!b->tp_mro) {
            ft_err_format(ft_exc_TypeError, "Cannot extend an incomplete type '%s'", b->tp_name);
            return NULL;
        }
    }
    if (n == 1) {
        FtObject *bm = ((FtType *)FT_TUPLE_GET(bases, 0))->tp_mro;
        ssize_t k = FT_SIZE(bm);
        FtObject *r = ft_tuple_new(k + 1);
        if (!r)
            return NULL;
        FT_TUPLE_SET(r, 0, FT_NEWREF(type));
        for (ssize_t i = 0; i < k; i++)
            FT_TUPLE_SET(r, i + 1, FT_NEWREF(FT_TUPLE_GET(bm, i)));
        return r;
    }
    /* duplicate bases were rejected by type_new */
    FtObject **to_merge = ft_mem_calloc((size_t)n + 1, sizeof(FtObject *));
    if (!to_merge)
        return NULL;
    FtObject *res = NULL, *acc = NULL;
    for (ssize_t i = 0; i < n; i++) {
        FtObject *bm = ((FtType *)FT_TUPLE_GET(bases, i))->tp_mro;
        to_merge[i] = ft_list_from_array(FT_TUPLE_ITEMS(bm), FT_SIZE(bm));
        if (!to_merge[i])
            goto done;
    }
    to_merge[n] = ft_list_from_array(FT_TUPLE_ITEMS(bases), n);
    if (!to_merge[n])
        goto done;
    acc = ft_list_new(0);
    if (!acc || ft_list_append(acc, (FtObject *)type) < 0)
        goto done;
    if (!mro_merge(acc, to_merge, n + 1))
        goto done;
    res = ft_list_as_tuple(acc);
done:
    for (ssize_t i = 0; i <= n; i++)
        FT_XDECREF(to_merge[i]);
    ft_mem_free(to_merge);
    FT_XDECREF(acc);
    return res;
}

/* ---- readying ---------------------------------------------------------------------------- */

#define COPYSLOT(f) if (!type->f) type->f = base->f
#define COPYSUB(tab, f) if (!type->tab->f) type->tab->f = base->tab->f

static void inherit_number(FtType *type, FtType *base) {
    if (!type->tp_as_number || !base->tp_as_number || type->tp_as_number == base->tp_as_number)
        return;
    FtNumberMethods *t = type->tp_as_number, *b = base->tp_as_number;
    void **tp = (void **)t, **bp = (void **)b;
    for (size_t i = 0; i < sizeof(FtNumberMethods) / sizeof(void *); i++)
        if (!tp[i])
            tp[i] = bp[i];
}

static void inherit_slots(FtType *type, FtType *base, bool heap) {
    /* the sub-tables: static types share the base's when they have none */
    if (!heap) {
        COPYSLOT(tp_as_number);
        COPYSLOT(tp_as_sequence);
        COPYSLOT(tp_as_mapping);
    }
    inherit_number(type, base);
    if (type->tp_as_sequence && base->tp_as_sequence && type->tp_as_sequence != base->tp_as_sequence) {
        COPYSUB(tp_as_sequence, sq_length);
        COPYSUB(tp_as_sequence, sq_concat);
        COPYSUB(tp_as_sequence, sq_repeat);
        COPYSUB(tp_as_sequence, sq_item);
        COPYSUB(tp_as_sequence, sq_ass_item);
        COPYSUB(tp_as_sequence, sq_contains);
        COPYSUB(tp_as_sequence, sq_inplace_concat);
        COPYSUB(tp_as_sequence, sq_inplace_repeat);
    }
    if (type->tp_as_mapping && base->tp_as_mapping && type->tp_as_mapping != base->tp_as_mapping) {
        COPYSUB(tp_as_mapping, mp_length);
        COPYSUB(tp_as_mapping, mp_subscript);
        COPYSUB(tp_as_mapping, mp_ass_subscript);
    }
    COPYSLOT(tp_dealloc);
    if (!type->tp_getattro)
        type->tp_getattro = base->tp_getattro;
    if (!type->tp_setattro)
        type->tp_setattro = base->tp_setattro;
    COPYSLOT(tp_repr);
    COPYSLOT(tp_call);
    COPYSLOT(tp_str);
    if (!type->tp_call && !type->tp_vectorcall)
        type->tp_vectorcall = base->tp_vectorcall;
    if (type->tp_call == base->tp_call && !type->tp_vectorcall)
        type->tp_vectorcall = base->tp_vectorcall;
    if (!type->tp_richcompare && !type->tp_hash) {
        type->tp_richcompare = base->tp_richcompare;
        type->tp_hash = base->tp_hash;
    }
    COPYSLOT(tp_iter);
    COPYSLOT(tp_iternext);
    COPYSLOT(tp_descr_get);
    COPYSLOT(tp_descr_set);
    COPYSLOT(tp_dictoffset);
    COPYSLOT(tp_init);
    COPYSLOT(tp_alloc);
    COPYSLOT(tp_finalize);
    if ((type->tp_flags & FT_TPFLAGS_HAVE_GC) == (base->tp_flags & FT_TPFLAGS_HAVE_GC)) {
        COPYSLOT(tp_free);
    }
    if ((type->tp_flags & FT_TPFLAGS_HAVE_GC) && (base->tp_flags & FT_TPFLAGS_HAVE_GC)) {
        if (!type->tp_traverse && !type->tp_clear) {
            type->tp_traverse = base->tp_traverse;
            type->tp_clear = base->tp_clear;
        }
    }
    COPYSLOT(tp_weaklistoffset);
}

static unsigned long subclass_flag_of(FtType *type) {
    if (type == &ft_int_type) return FT_TPFLAGS_INT_SUBCLASS;
    if (type == &ft_list_type) return FT_TPFLAGS_LIST_SUBCLASS;
    if (type == &ft_tuple_type) return FT_TPFLAGS_TUPLE_SUBCLASS;
    if (type == &ft_bytes_type) return FT_TPFLAGS_BYTES_SUBCLASS;
    if (type == &ft_str_type) return FT_TPFLAGS_STR_SUBCLASS;
    if (type == &ft_dict_type) return FT_TPFLAGS_DICT_SUBCLASS;
    if (type == &ft_type_type) return FT_TPFLAGS_TYPE_SUBCLASS;
    if (ft_exc_BaseException && type == ft_exc_BaseException) return FT_TPFLAGS_BASE_EXC_SUBCLASS;
    return 0;
}
#define SUBCLASS_FLAGS                                                                     \
    (FT_TPFLAGS_INT_SUBCLASS | FT_TPFLAGS_LIST_SUBCLASS | FT_TPFLAGS_TUPLE_SUBCLASS |      \
     FT_TPFLAGS_BYTES_SUBCLASS | FT_TPFLAGS_STR_SUBCLASS | FT_TPFLAGS_DICT_SUBCLASS |      \
     FT_TPFLAGS_BASE_EXC_SUBCLASS | FT_TPFLAGS_TYPE_SUBCLASS)

/* Phase 1: everything that needs no objects. */
static int ready_slots(FtType *type) {
    FtType *base = type->tp_base;
    if (!base && type != &ft_object_type)
        base = type->tp_base = &ft_object_type;
    if (base && !(base->tp_flags & FT_TPFLAGS_READY) && ft_type_ready(base) < 0)
        return -1;
    if (!FT_TYPE(type) && base)
        type->ob_base.ob_base.ob_type = FT_TYPE(base);
    type->tp_flags |= subclass_flag_of(type);
    bool heap = (type->tp_flags & FT_TPFLAGS_HEAPTYPE) != 0;
    if (base) {
        type->tp_flags |= base->tp_flags & SUBCLASS_FLAGS;
        if (!heap) {
            /* static types: tp_new is inherited unless the base is object, which makes the
             * type non-instantiable from Python, as CPython 3.10+ does */
            if (!type->tp_new && base != &ft_object_type)
                type->tp_new = base->tp_new;
        }
        inherit_slots(type, base, heap);
    }
    if (!type->tp_alloc)
        type->tp_alloc = ft_type_generic_alloc;
    if (!type->tp_free)
        type->tp_free = (type->tp_flags & FT_TPFLAGS_HAVE_GC) ? ft_gc_free : ft_object_free;
    return 0;
}

static int add_descriptors(FtType *type) {
    FtObject *dict = type->tp_dict;
    if (type->tp_methods) {
        for (FtMethodDef *m = type->tp_methods; m->name; m++) {
            if (ft_dict_get_cstr(dict, m->name))
                continue;
            FtObject *d;
            if (m->flags & FT_METH_STATIC) {
                FtObject *f = ft_cfunction_new(m, NULL, NULL);
                if (!f)
                    return -1;
                d = ft_staticmethod_new(f);
                FT_DECREF(f);
            } else {
                d = ft_descr_new_method(type, m);
            }
            if (!d)
                return -1;
            FtObject *key = ft_str_intern_cstr(m->name);
            int r = key ? ft_dict_set(dict, key, d) : -1;
            FT_DECREF(d);
            if (r < 0)
                return -1;
        }
    }
    if (type->tp_members) {
        for (FtMemberDef *m = type->tp_members; m->name; m++) {
            if (ft_dict_get_cstr(dict, m->name))
                continue;
            FtObject *d = ft_descr_new_member(type, m);
            if (!d)
                return -1;
            int r = ft_dict_set(dict, ((FtDescr *)d)->d_name, d);
            FT_DECREF(d);
            if (r < 0)
                return -1;
        }
    }
    if (type->tp_getset) {
        for (FtGetSetDef *g = type->tp_getset; g->name; g++) {
            if (ft_dict_get_cstr(dict, g->name))
                continue;
            FtObject *d = ft_descr_new_getset(type, g);
            if (!d)
                return -1;
            int r = ft_dict_set(dict, ((FtDescr *)d)->d_name, d);
            FT_DECREF(d);
            if (r < 0)
                return -1;
        }
    }
    return 0;
}

FtMethodDef ft_tp_new_methoddef; /* defined below */

/* Phase 2: the namespace, bases and MRO. */
static int ready_dict(FtType *type) {
    FtType *base = type->tp_base;
    bool heap = (type->tp_flags & FT_TPFLAGS_HEAPTYPE) != 0;
    if (!type->tp_dict && !(type->tp_dict = ft_dict_new()))
        return -1;
    if (!type->tp_bases) {
        type->tp_bases = base ? ft_tuple_pack(1, base) : FT_NEWREF(ft_empty_tuple);
        if (!type->tp_bases)
            return -1;
    }
    if (!type->tp_mro) {
        FtObject *mro = base || FT_SIZE(type->tp_bases) ? mro_implementation(type)
                                                          : ft_tuple_pack(1, type);
        if (!mro)
            return -1;
        type->tp_mro = mro;
    }
    if (add_descriptors(type) < 0)
        return -1;
    if (!heap) {
        if (type->tp_new && !ft_dict_get_cstr(type->tp_dict, "__new__") &&
            (!base || type->tp_new != base->tp_new || type == &ft_object_type)) {
            FtObject *f = ft_cfunction_new(&ft_tp_new_methoddef, (FtObject *)type, NULL);
            if (!f || ft_dict_set(type->tp_dict, FT_ID(__new__), f) < 0) {
                FT_XDECREF(f);
                return -1;
            }
            FT_DECREF(f);
        }
        if (ft_type_add_operators(type) < 0)
            return -1;
        if (!ft_dict_get(type->tp_dict, FT_ID(__doc__))) {
            FtObject *doc = type->tp_doc ? ft_str_from_cstr(type->tp_doc) : FT_NEWREF(FT_NONE);
            if (!doc || ft_dict_set(type->tp_dict, FT_ID(__doc__), doc) < 0) {
                FT_XDECREF(doc);
                return -1;
            }
            FT_DECREF(doc);
        }
        if (strchr(type->tp_name, '.') && !ft_dict_get(type->tp_dict, FT_ID(__module__))) {
            FtObject *m = type_module(type);
            if (!m || ft_dict_set(type->tp_dict, FT_ID(__module__), m) < 0) {
                FT_XDECREF(m);
                return -1;
            }
            FT_DECREF(m);
        }
    }
    if (!heap && (type->tp_hash == NULL || type->tp_hash == ft_object_hash_not_implemented)) {
        if (!ft_dict_get(type->tp_dict, FT_ID(__hash__)) &&
            ft_dict_set(type->tp_dict, FT_ID(__hash__), FT_NONE) < 0)
            return -1;
        type->tp_hash = ft_object_hash_not_implemented;
    }
    FtObject *bases = type->tp_bases;
    for (ssize_t i = 0; i < FT_SIZE(bases); i++)
        ft_type_add_subclass((FtType *)FT_TUPLE_GET(bases, i), type);
    return 0;
}

static FtType **pending;
static size_t npending, cap_pending;

int ft_type_ready(FtType *type) {
    if (type->tp_flags & (FT_TPFLAGS_READY | FT_TPFLAGS_READYING))
        return 0;
    /* once strings, dicts, tuples and lists work, complete the queue and go on eagerly:
     * areas readied later may fill tp_dict right after ft_type_ready */
    if (!ft_types_finished && core_types_ready())
        maybe_finish_init();
    type->tp_flags |= FT_TPFLAGS_READYING;
    if (ready_slots(type) < 0) {
        type->tp_flags &= ~FT_TPFLAGS_READYING;
        return -1;
    }
    if (ft_types_finished) {
        if (ready_dict(type) < 0) {
            type->tp_flags &= ~FT_TPFLAGS_READYING;
            return -1;
        }
    } else {
        if (npending == cap_pending) {
            size_t nc = cap_pending ? cap_pending * 2 : 128;
            FtType **np = ft_mem_realloc(pending, nc * sizeof(FtType *));
            if (!np)
                return -1;
            pending = np;
            cap_pending = nc;
        }
        pending[npending++] = type;
    }
    type->tp_flags = (type->tp_flags & ~FT_TPFLAGS_READYING) | FT_TPFLAGS_READY;
    if (!(type->tp_flags & FT_TPFLAGS_HEAPTYPE))
        FT_MAKE_IMMORTAL(type);
    return 0;
}

int ft_types_finish_init(void) {
    if (ft_types_finished)
        return 0;
    if (ft_typeslots_init() < 0)
        return -1;
    ft_types_finished = 1;
    /* bases were queued before their subclasses, so their MROs exist first */
    for (size_t i = 0; i < npending; i++) {
        if (ready_dict(pending[i]) < 0)
            return -1;
    }
    ft_mem_free(pending);
    pending = NULL;
    npending = cap_pending = 0;
    return 0;
}

int ft_typesystem_init(void) {
    FT_MAKE_IMMORTAL(FT_NONE);
    FT_MAKE_IMMORTAL(FT_NOTIMPLEMENTED);
    FT_MAKE_IMMORTAL(FT_ELLIPSIS);
    FtType *types[] = {
        &ft_object_type, &ft_type_type, &ft_none_type, &ft_notimplemented_type,
        &ft_ellipsis_type, &ft_cfunction_type, &ft_method_descr_type,
        &ft_classmethod_descr_type, &ft_member_descr_type, &ft_getset_descr_type,
        &ft_wrapper_descr_type, &ft_method_wrapper_type, &ft_property_type,
        &ft_classmethod_type, &ft_staticmethod_type, &ft_super_type, &ft_mappingproxy_type,
        &ft_union_type,
    };
    for (size_t i = 0; i < FT_ARRAY_LEN(types); i++)
        if (ft_type_ready(types[i]) < 0)
            return -1;
    return 0;
}

/* ---- instance dicts kept aside (subclasses of variable-size built-ins) -------------------
 * int, str, tuple and bytes keep their data right after the struct, so a subclass cannot
 * put a __dict__ pointer at a fixed offset; its instances keep their dict in this table. */
typedef struct SideEntry {
    FtObject *obj;         /* NULL: free; (FtObject *)1: deleted */
    FtObject **cell;       /* the dict pointer, in its own allocation so that it stays put */
} SideEntry;
static SideEntry *side_table;
static size_t side_cap, side_used;
static pthread_mutex_t side_lock = PTHREAD_MUTEX_INITIALIZER;
#define SIDE_DELETED ((FtObject *)1)

static size_t side_slot(FtObject *o, size_t cap) {
    return (size_t)(((uintptr_t)o >> 4) * 0x9E3779B97F4A7C15ull) % cap;
}

static int side_grow(void) {
    size_t ncap = side_cap ? side_cap * 2 : 64;
    SideEntry *nt = calloc(ncap, sizeof(SideEntry));
    if (!nt)
        return -1;
    size_t used = 0;
    for (size_t i = 0; i < side_cap; i++) {
        if (side_table[i].obj && side_table[i].obj != SIDE_DELETED) {
            size_t j = side_slot(side_table[i].obj, ncap);
            while (nt[j].obj)
                j = (j + 1) % ncap;
            nt[j] = side_table[i];
            used++;
        }
    }
    free(side_table);
    side_table = nt;
    side_cap = ncap;
    side_used = used;
    return 0;
}

/* Called with side_lock held. */
static FtObject **side_find(FtObject *o, int create) {
    if (create && (side_used + 1) * 2 > side_cap && side_grow() < 0)
        return NULL;
    if (side_cap == 0)
        return NULL;
    size_t j = side_slot(o, side_cap), tomb = (size_t)-1;
    while (side_table[j].obj) {
        if (side_table[j].obj == o)
            return side_table[j].cell;
        if (side_table[j].obj == SIDE_DELETED && tomb == (size_t)-1)
            tomb = j;
        j = (j + 1) % side_cap;
    }
    if (!create)
        return NULL;
    FtObject **cell = calloc(1, sizeof(FtObject *));
    if (!cell)
        return NULL;
    if (tomb != (size_t)-1)
        j = tomb;
    else
        side_used++;
    side_table[j].obj = o;
    side_table[j].cell = cell;
    return cell;
}

/* The address stays valid until the object dies. */
FtObject **ft_object_dict_ptr_slow(FtObject *o) {
    pthread_mutex_lock(&side_lock);
    FtObject **p = side_find(o, 1);
    pthread_mutex_unlock(&side_lock);
    if (!p)
        ft_err_no_memory();
    return p;
}

void ft_object_side_dict_clear(FtObject *o) {
    FtObject **cell = NULL;
    pthread_mutex_lock(&side_lock);
    if (side_cap) {
        size_t j = side_slot(o, side_cap);
        while (side_table[j].obj) {
            if (side_table[j].obj == o) {
                cell = side_table[j].cell;
                side_table[j].obj = SIDE_DELETED;
                side_table[j].cell = NULL;
                break;
            }
            j = (j + 1) % side_cap;
        }
    }
    pthread_mutex_unlock(&side_lock);
    if (cell) {
        FT_XDECREF(*cell);
        free(cell);
    }
}

/* ---- instances of classes ---------------------------------------------------------------- */

/* The first base that is not a class (whose dealloc frees the memory). */
static FtType *static_base(FtType *t) {
    while (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        t = t->tp_base;
    return t;
}

static void clear_slots(FtType *type, FtObject *self) {
    if (!(type->tp_flags & FT_TPFLAGS_HEAPTYPE) || !((FtHeapType *)type)->ht_slots)
        return;
    for (FtMemberDef *m = type->tp_members; m && m->name; m++) {
        if (m->type == FT_T_OBJECT_EX && !(m->flags & FT_READONLY)) {
            FtObject **addr = (FtObject **)((char *)self + m->offset);
            FT_CLEAR(*addr);
        }
    }
}

static void subtype_dealloc(FtObject *self) {
    FtType *type = FT_TYPE(self);
    bool gc = (type->tp_flags & FT_TPFLAGS_HAVE_GC) != 0;
    if (type->tp_finalize && ft_gc_finalize_once(self)) {
        /* PEP 442: __del__ may resurrect the object */
        if (gc)
            ft_gc_untrack(self);
        lk_refcnt_init(&self->ob_rc);
        type->tp_finalize(self);
        if (!lk_decref(&self->ob_rc)) {
            if (gc)
                ft_gc_track(self); /* resurrected: visible to the collector again */
            return;
        }
    }
    if (gc)
        ft_gc_untrack(self);
    FtType *base = type;
    while (base->tp_dealloc == subtype_dealloc) {
        clear_slots(base, self);
        base = base->tp_base;
    }
    if (type->tp_dictoffset == FT_DICTOFFSET_SIDE) {
        if (base->tp_dictoffset != FT_DICTOFFSET_SIDE)
            ft_object_side_dict_clear(self);
    } else if (type->tp_dictoffset && !base->tp_dictoffset) {
        FtObject **dp = (FtObject **)((char *)self + type->tp_dictoffset);
        FT_CLEAR(*dp);
    }
    /* the base's dealloc frees the memory and, by the house convention, releases the
     * instance's reference to its heap type */
    if (gc && (base->tp_flags & FT_TPFLAGS_HAVE_GC))
        ft_gc_track(self); /* the base's dealloc untracks it again */
    base->tp_dealloc(self);
}

static int subtype_traverse(FtObject *self, ft_visitproc visit, void *arg) {
    FtType *type = FT_TYPE(self), *base = type;
    while (base->tp_traverse == subtype_traverse) {
        if ((base->tp_flags & FT_TPFLAGS_HEAPTYPE) && ((FtHeapType *)base)->ht_slots) {
            for (FtMemberDef *m = base->tp_members; m && m->name; m++) {
                if (m->type == FT_T_OBJECT_EX) {
                    FtObject *v = *(FtObject **)((char *)self + m->offset);
                    if (v && visit(v, arg))
                        return -1;
                }
            }
        }
        base = base->tp_base;
    }
    if (type->tp_dictoffset && type->tp_dictoffset != base->tp_dictoffset) {
        FtObject **dp = ft_object_dict_ptr(self);
        if (dp && *dp && visit(*dp, arg))
            return -1;
    }
    if (visit((FtObject *)type, arg))
        return -1;
    if (base->tp_traverse)
        return base->tp_traverse(self, visit, arg);
    return 0;
}

static int subtype_clear(FtObject *self) {
    FtType *type = FT_TYPE(self), *base = type;
    while (base->tp_clear == subtype_clear) {
        clear_slots(base, self);
        base = base->tp_base;
    }
    if (type->tp_dictoffset && type->tp_dictoffset != base->tp_dictoffset) {
        FtObject **dp = ft_object_dict_ptr(self);
        if (dp)
            FT_CLEAR(*dp);
    }
    if (base->tp_clear)
        return base->tp_clear(self);
    return 0;
}

static FtObject *subtype_get_dict(FtObject *self, void *c) {
    return ft_object_generic_get_dict(self, c);
}
static int subtype_set_dict(FtObject *self, FtObject *v, void *c) {
    return ft_object_generic_set_dict(self, v, c);
}
/* __weakref__ exists for CPython compatibility (dir(), __dict__); ftpy has no weak
 * references to classes' instances yet, so it is always None. */
static FtObject *subtype_get_weakref(FtObject *self, void *c) { return ft_weakref_get_first(self); }
static FtGetSetDef subtype_getsets_full[] = {
    {"__dict__", subtype_get_dict, subtype_set_dict, "dictionary for instance variables", NULL},
    {"__weakref__", subtype_get_weakref, NULL, "list of weak references to the object", NULL},
    {NULL},
};
static FtGetSetDef subtype_getsets_dict_only[] = {
    {"__dict__", subtype_get_dict, subtype_set_dict, "dictionary for instance variables", NULL},
    {NULL},
};
static FtGetSetDef subtype_getsets_weakref_only[] = {
    {"__weakref__", subtype_get_weakref, NULL, "list of weak references to the object", NULL},
    {NULL},
};

/* ---- type.__new__ ----------------------------------------------------------------------- */

static FtType *calculate_metaclass(FtType *meta, FtObject *bases) {
    FtType *winner = meta;
    for (ssize_t i = 0; i < FT_SIZE(bases); i++) {
        FtType *t = FT_TYPE(FT_TUPLE_GET(bases, i));
        if (ft_type_is_subtype(winner, t))
            continue;
        if (ft_type_is_subtype(t, winner)) {
            winner = t;
            continue;
        }
        ft_err_set_string(ft_exc_TypeError,
                          "metaclass conflict: the metaclass of a derived class must be a "
                          "(non-strict) subclass of the metaclasses of all its bases");
        return NULL;
    }
    return winner;
}

static bool is_varsized(FtType *t) {
    return t->tp_itemsize != 0 ||
           (t->tp_flags & (FT_TPFLAGS_INT_SUBCLASS | FT_TPFLAGS_STR_SUBCLASS |
                           FT_TPFLAGS_TUPLE_SUBCLASS | FT_TPFLAGS_BYTES_SUBCLASS));
}

static int extra_ivars(FtType *type, FtType *base) {
    ssize_t t_size = type->tp_basicsize, b_size = base->tp_basicsize;
    if (type->tp_itemsize || base->tp_itemsize)
        return t_size != b_size || type->tp_itemsize != base->tp_itemsize;
    if ((type->tp_flags & FT_TPFLAGS_HEAPTYPE) && type->tp_dictoffset &&
        !base->tp_dictoffset && type->tp_dictoffset != FT_DICTOFFSET_SIDE &&
        type->tp_dictoffset + (ssize_t)sizeof(FtObject *) == t_size)
        t_size -= sizeof(FtObject *);
    return t_size != b_size;
}

static FtType *solid_base(FtType *type) {
    FtType *base = type->tp_base ? solid_base(type->tp_base) : &ft_object_type;
    return extra_ivars(type, base) ? type : base;
}

static FtType *best_base(FtObject *bases) {
    FtType *base = NULL, *winner = NULL;
    for (ssize_t i = 0; i < FT_SIZE(bases); i++) {
        FtObject *b = FT_TUPLE_GET(bases, i);
        if (!ft_type_check(b)) {
            ft_err_set_string(ft_exc_TypeError, "bases must be types");
            return NULL;
        }
        FtType *bt = (FtType *)b;
        if (!(bt->tp_flags & FT_TPFLAGS_BASETYPE)) {
            ft_err_format(ft_exc_TypeError, "type '%s' is not an acceptable base type",
                          bt->tp_name);
            return NULL;
        }
        FtType *candidate = solid_base(bt);
        if (!winner) {
            winner = candidate;
            base = bt;
        } else if (ft_type_is_subtype(winner, candidate)) {
            ;
        } else if (ft_type_is_subtype(candidate, winner)) {
            winner = candidate;
            base = bt;
        } else {
            ft_err_set_string(ft_exc_TypeError, "multiple bases have instance lay-out conflict");
            return NULL;
        }
    }
    return base;
}

/* _Py_Mangle for __slots__ names: __x in class A becomes _A__x. */
static FtObject *mangle(FtObject *cls_name, FtObject *name) {
    ssize_t n = FT_STR_LEN(name);
    if (n < 2 || ft_str_read(name, 0) != '_' || ft_str_read(name, 1) != '_' ||
        (n >= 4 && ft_str_read(name, n - 1) == '_' && ft_str_read(name, n - 2) == '_'))
        return FT_NEWREF(name);
    ssize_t cn = FT_STR_LEN(cls_name), s = 0;
    while (s < cn && ft_str_read(cls_name, s) == '_')
        s++;
    if (s == cn)
        return FT_NEWREF(name);
    FtObject *stripped = ft_str_substring(cls_name, s, cn);
    if (!stripped)
        return NULL;
    FtObject *r = ft_str_from_format("_%U%U", stripped, name);
    FT_DECREF(stripped);
    return r;
}

static int wrap_function_in(FtObject *dict, FtObject *name, FtObject *(*wrap)(FtObject *)) {
    FtObject *f = ft_dict_get(dict, name);
    if (f && ft_function_check(f)) {
        FtObject *w = wrap(f);
        if (!w)
            return -1;
        int r = ft_dict_set(dict, name, w);
        FT_DECREF(w);
        return r;
    }
    return 0;
}

static int call_set_name(FtType *type) {
    FtObject *items = ft_dict_items_list(type->tp_dict);
    if (!items)
        return -1;
    for (ssize_t i = 0; i < FT_SIZE(items); i++) {
        FtObject *kv = FT_LIST_GET(items, i);
        FtObject *key = FT_TUPLE_GET(kv, 0), *value = FT_TUPLE_GET(kv, 1);
        FtObject *sn = ft_type_lookup(FT_TYPE(value), FT_ID(__set_name__));
        if (!sn)
            continue;
        FT_INCREF(sn);
        FtObject *args[3] = {value, (FtObject *)type, key};
        FtObject *res;
        if (FT_TYPE(sn)->tp_flags & FT_TPFLAGS_METHOD_DESCRIPTOR) {
            res = ft_object_vectorcall(sn, args, 3, NULL);
        } else if (FT_TYPE(sn)->tp_descr_get) {
            FtObject *b = FT_TYPE(sn)->tp_descr_get(sn, value, (FtObject *)FT_TYPE(value));
            res = b ? ft_object_vectorcall(b, args + 1, 2, NULL) : NULL;
            FT_XDECREF(b);
        } else {
            res = ft_object_vectorcall(sn, args + 1, 2, NULL);
        }
        FT_DECREF(sn);
        if (!res) {
            /* 3.11 wraps the error, with the original as __cause__ */
            FtObject *cause = ft_err_fetch();
            ft_err_format(ft_exc_RuntimeError, "Error calling __set_name__ on '%s' instance %R in '%s'",
                          FT_TYPE(value)->tp_name, key, type->tp_name);
            FtObject *exc = ft_err_occurred();
            if (exc && cause) {
                ft_exc_set_context(exc, FT_NEWREF(cause));
                ft_exc_set_cause(exc, cause);
            } else {
                FT_XDECREF(cause);
            }
            FT_DECREF(items);
            return -1;
        }
        FT_DECREF(res);
    }
    FT_DECREF(items);
    return 0;
}

static int init_subclass(FtType *type, FtObject *kwargs) {
    /* super(type, type).__init_subclass__(**kwargs) */
    FtObject *mro = type->tp_mro;
    FtObject *func = NULL;
    for (ssize_t i = 1; i < FT_SIZE(mro) && !func; i++) {
        FtObject *d = ((FtType *)FT_TUPLE_GET(mro, i))->tp_dict;
        func = d ? ft_dict_get(d, FT_ID(__init_subclass__)) : NULL;
    }
    if (!func)
        return 0;
    FtObject *bound;
    if (FT_TYPE(func)->tp_descr_get)
        bound = FT_TYPE(func)->tp_descr_get(func, NULL, (FtObject *)type);
    else
        bound = FT_NEWREF(func);
    if (!bound)
        return -1;
    FtObject *res = ft_object_call(bound, ft_empty_tuple, kwargs);
    FT_DECREF(bound);
    if (!res)
        return -1;
    FT_DECREF(res);
    return 0;
}

FtObject *ft_type_new_from_spec(FtType *meta, FtObject *name, FtObject *bases, FtObject *orig_dict,
                                FtObject *kwargs) {
    if (!ft_str_check(name)) {
        ft_err_format(ft_exc_TypeError, "type.__new__() argument 1 must be str, not %s",
                      FT_TYPE(name)->tp_name);
        return NULL;
    }
    if (!ft_tuple_check(bases)) {
        ft_err_format(ft_exc_TypeError, "type.__new__() argument 2 must be tuple, not %s",
                      FT_TYPE(bases)->tp_name);
        return NULL;
    }
    if (!ft_dict_check(orig_dict)) {
        ft_err_format(ft_exc_TypeError, "type.__new__() argument 3 must be dict, not %s",
                      FT_TYPE(orig_dict)->tp_name);
        return NULL;
    }
    FtType *winner = calculate_metaclass(meta, bases);
    if (!winner)
        return NULL;
    if (winner != meta && winner->tp_new != ft_type_type.tp_new && winner->tp_new) {
        FtObject *args = ft_tuple_pack(3, name, bases, orig_dict);
        if (!args)
            return NULL;
        FtObject *r = winner->tp_new(winner, args, kwargs);
        FT_DECREF(args);
        return r;
    }
    meta = winner;
    FtObject *owned_bases = NULL;
    if (FT_SIZE(bases) == 0) {
        bases = owned_bases = ft_tuple_pack(1, &ft_object_type);
        if (!bases)
            return NULL;
    } else {
        FT_INCREF(bases);
        owned_bases = bases;
    }
    FtHeapType *et = NULL;
    FtObject *dict = NULL, *slots = NULL;
    FtType *base = best_base(bases);
    if (!base)
        goto fail;
    for (ssize_t i = 0; i < FT_SIZE(bases); i++)
        for (ssize_t j = i + 1; j < FT_SIZE(bases); j++)
            if (FT_TUPLE_GET(bases, i) == FT_TUPLE_GET(bases, j)) {
                FtObject *bn = ft_type_name((FtType *)FT_TUPLE_GET(bases, i));
                if (bn) {
                    ft_err_format(ft_exc_TypeError, "duplicate base class %U", bn);
                    FT_DECREF(bn);
                }
                goto fail;
            }
    dict = ft_dict_copy(orig_dict);
    if (!dict)
        goto fail;

    /* __slots__ */
    bool add_dict = base->tp_dictoffset == 0;
    bool may_add_weak = !ft_type_lookup(base, FT_ID(__weakref__)) &&
                        (base->tp_itemsize == 0 || (base->tp_flags & FT_TPFLAGS_STR_SUBCLASS)) &&
                        !(base->tp_flags & FT_TPFLAGS_TYPE_SUBCLASS) &&
                        !(base->tp_flags & (FT_TPFLAGS_INT_SUBCLASS | FT_TPFLAGS_TUPLE_SUBCLASS |
                                            FT_TPFLAGS_BYTES_SUBCLASS));
    bool add_weak = may_add_weak;
    FtObject *slots_obj = ft_dict_get(dict, FT_ID(__slots__));
    ssize_t nslots = 0;
    if (slots_obj) {
        if (ft_str_check(slots_obj))
            slots = ft_tuple_pack(1, slots_obj);
        else
            slots = ft_sequence_tuple(slots_obj);
        if (!slots)
            goto fail;
        FtObject *names = ft_list_new(0);
        if (!names)
            goto fail;
        add_dict = false;
        add_weak = false;
        for (ssize_t i = 0; i < FT_SIZE(slots); i++) {
            FtObject *s = FT_TUPLE_GET(slots, i);
            if (!ft_str_check(s)) {
                ft_err_format(ft_exc_TypeError, "__slots__ items must be strings, not '%s'",
                              FT_TYPE(s)->tp_name);
                FT_DECREF(names);
                goto fail;
            }
            if (!ft_str_isidentifier(s)) {
                ft_err_set_string(ft_exc_TypeError, "__slots__ must be identifiers");
                FT_DECREF(names);
                goto fail;
            }
            if (ft_str_eq_cstr(s, "__dict__")) {
                if (base->tp_dictoffset || add_dict) {
                    ft_err_set_string(ft_exc_TypeError,
                                      "__dict__ slot disallowed: we already got one");
                    FT_DECREF(names);
                    goto fail;
                }
                add_dict = true;
                continue;
            }
            if (ft_str_eq_cstr(s, "__weakref__")) {
                if (!may_add_weak || add_weak) {
                    ft_err_set_string(ft_exc_TypeError,
                                      "__weakref__ slot disallowed: either we already got one, "
                                      "or __itemsize__ != 0");
                    FT_DECREF(names);
                    goto fail;
                }
                add_weak = true;
                continue;
            }
            FtObject *m = mangle(name, s);
            if (!m) {
                FT_DECREF(names);
                goto fail;
            }
            if (ft_dict_contains(orig_dict, m) == 1) {
                ft_err_format(ft_exc_ValueError, "%R in __slots__ conflicts with class variable", s);
                FT_DECREF(m);
                FT_DECREF(names);
                goto fail;
            }
            ft_list_append(names, m);
            FT_DECREF(m);
        }
        nslots = FT_SIZE(names);
        if (nslots > 0 && is_varsized(base)) {
            ft_err_format(ft_exc_TypeError, "nonempty __slots__ not supported for subtype of '%s'",
                          base->tp_name);
            FT_DECREF(names);
            goto fail;
        }
        if (ft_list_sort(names, NULL, 0) < 0) {
            FT_DECREF(names);
            goto fail;
        }
        FT_SETREF(slots, ft_list_as_tuple(names));
        FT_DECREF(names);
        if (!slots)
            goto fail;
    }

    et = (FtHeapType *)meta->tp_alloc(meta, 0);
    if (!et)
        goto fail;
    FtType *type = &et->ht_type;
    type->tp_flags = FT_TPFLAGS_HEAPTYPE | FT_TPFLAGS_BASETYPE;
    if ((base->tp_flags & FT_TPFLAGS_HAVE_GC) || static_base(base) == &ft_object_type)
        type->tp_flags |= FT_TPFLAGS_HAVE_GC;
    type->tp_as_number = &et->as_number;
    type->tp_as_sequence = &et->as_sequence;
    type->tp_as_mapping = &et->as_mapping;
    type->tp_bases = owned_bases;
    owned_bases = NULL;
    type->tp_base = (FtType *)FT_NEWREF(base);
    et->ht_name = FT_NEWREF(name);
    et->ht_slots = slots;
    slots = NULL;
    const char *cname = ft_str_as_utf8(name);
    if (!cname)
        goto fail_type;
    if ((ssize_t)strlen(cname) != ((FtStr *)name)->utf8_len && ((FtStr *)name)->utf8_len > 0) {
        ft_err_set_string(ft_exc_ValueError, "type name must not contain null characters");
        goto fail_type;
    }
    et->ht_tpname = ft_mem_strdup(cname);
    if (!et->ht_tpname)
        goto fail_type;
    type->tp_name = et->ht_tpname;

    /* namespace */
    type->tp_dict = dict;
    dict = NULL;
    FtObject *qualname = ft_dict_get(type->tp_dict, FT_ID(__qualname__));
    if (qualname) {
        if (!ft_str_check(qualname)) {
            ft_err_format(ft_exc_TypeError, "type __qualname__ must be a str, not %s",
                          FT_TYPE(qualname)->tp_name);
            goto fail_type;
        }
        et->ht_qualname = FT_NEWREF(qualname);
        if (ft_dict_del(type->tp_dict, FT_ID(__qualname__)) < 0)
            goto fail_type;
    } else {
        et->ht_qualname = FT_NEWREF(name);
    }
    if (!ft_dict_get(type->tp_dict, FT_ID(__module__))) {
        FtObject *g = ft_vm_globals();
        FtObject *mn = g ? ft_dict_get(g, FT_ID(__name__)) : NULL;
        if (mn && ft_dict_set(type->tp_dict, FT_ID(__module__), mn) < 0)
            goto fail_type;
    }
    et->ht_module = FT_XNEWREF(ft_dict_get(type->tp_dict, FT_ID(__module__)));
    FtObject *doc = ft_dict_get(type->tp_dict, FT_ID(__doc__));
    if (!doc) {
        if (ft_dict_set(type->tp_dict, FT_ID(__doc__), FT_NONE) < 0)
            goto fail_type;
    } else if (ft_str_check(doc)) {
        const char *d = ft_str_as_utf8(doc);
        if (!d || !(type->tp_doc = ft_mem_strdup(d)))
            goto fail_type;
    }
    if (wrap_function_in(type->tp_dict, FT_ID(__new__), ft_staticmethod_new) < 0 ||
        wrap_function_in(type->tp_dict, FT_ID(__init_subclass__), ft_classmethod_new) < 0 ||
        wrap_function_in(type->tp_dict, FT_ID(__class_getitem__), ft_classmethod_new) < 0)
        goto fail_type;
    if (ft_dict_get(type->tp_dict, FT_ID(__eq__)) && !ft_dict_get(type->tp_dict, FT_ID(__hash__)) &&
        ft_dict_set(type->tp_dict, FT_ID(__hash__), FT_NONE) < 0)
        goto fail_type;

    /* layout */
    ssize_t slotoffset = base->tp_basicsize;
    type->tp_itemsize = base->tp_itemsize;
    if (et->ht_slots && FT_SIZE(et->ht_slots) > 0) {
        ssize_t n = FT_SIZE(et->ht_slots);
        FtMemberDef *mp = ft_mem_calloc((size_t)n + 1, sizeof(FtMemberDef));
        if (!mp)
            goto fail_type;
        type->tp_members = mp;
        slotoffset = (slotoffset + 7) & ~(ssize_t)7;
        for (ssize_t i = 0; i < n; i++) {
            const char *nm = ft_str_as_utf8(FT_TUPLE_GET(et->ht_slots, i));
            mp[i].name = nm ? ft_mem_strdup(nm) : NULL;
            if (!mp[i].name)
                goto fail_type;
            mp[i].type = FT_T_OBJECT_EX;
            mp[i].offset = slotoffset;
            slotoffset += sizeof(FtObject *);
        }
    }
    if (add_dict) {
        if (is_varsized(base)) {
            type->tp_dictoffset = FT_DICTOFFSET_SIDE;
        } else {
            slotoffset = (slotoffset + 7) & ~(ssize_t)7;
            type->tp_dictoffset = slotoffset;
            slotoffset += sizeof(FtObject *);
        }
    }
    if (add_dict && add_weak)
        type->tp_getset = subtype_getsets_full;
    else if (add_dict)
        type->tp_getset = subtype_getsets_dict_only;
    else if (add_weak)
        type->tp_getset = subtype_getsets_weakref_only;
    type->tp_basicsize = slotoffset;
    type->tp_dealloc = subtype_dealloc;
    if (type->tp_flags & FT_TPFLAGS_HAVE_GC) {
        type->tp_traverse = subtype_traverse;
        type->tp_clear = subtype_clear;
        type->tp_free = ft_gc_free;
    } else {
        type->tp_free = ft_object_free;
    }
    type->tp_alloc = ft_type_generic_alloc;

    if (ft_type_ready(type) < 0)
        goto fail_type;
    ft_type_fixup_slots(type);
    ft_gc_track((FtObject *)type);

    FtObject *cell = ft_dict_get(type->tp_dict, FT_ID(__classcell__));
    if (cell) {
        if (!ft_cell_check(cell)) {
            ft_err_format(ft_exc_TypeError, "__classcell__ must be a nonlocal cell, not %R",
                          (FtObject *)FT_TYPE(cell));
            FT_DECREF(type);
            return NULL;
        }
        FT_XSETREF(((FtCell *)cell)->ref, FT_NEWREF(type));
        if (ft_dict_del(type->tp_dict, FT_ID(__classcell__)) < 0) {
            FT_DECREF(type);
            return NULL;
        }
    }
    if (call_set_name(type) < 0 || init_subclass(type, kwargs) < 0) {
        FT_DECREF(type);
        return NULL;
    }
    return (FtObject *)type;

fail_type:
    FT_DECREF(et);
    FT_XDECREF(dict);
    return NULL;
fail:
    FT_XDECREF(owned_bases);
    FT_XDECREF(dict);
    FT_XDECREF(slots);
    return NULL;
}

FtObject *ft_type_new_impl(FtType *meta, FtObject *args, FtObject *kwargs) {
    ssize_t n = FT_SIZE(args);
    if (meta == &ft_type_type && n == 1 && (!kwargs || ft_dict_size(kwargs) == 0))
        return FT_NEWREF(FT_TYPE(FT_TUPLE_GET(args, 0)));
    if (n != 3) {
        ft_err_format(ft_exc_TypeError, "type.__new__() takes exactly 3 arguments (%zd given)", n);
        return NULL;
    }
    return ft_type_new_from_spec(meta, FT_TUPLE_GET(args, 0), FT_TUPLE_GET(args, 1),
                                 FT_TUPLE_GET(args, 2), kwargs);
}

static int type_init(FtObject *self, FtObject *args, FtObject *kwargs) {
    ssize_t n = FT_SIZE(args);
    if (n == 1 && kwargs && ft_dict_size(kwargs)) {
        ft_err_set_string(ft_exc_TypeError, "type.__init__() takes no keyword arguments");
        return -1;
    }
    if (n != 1 && n != 3) {
        ft_err_set_string(ft_exc_TypeError, "type.__init__() takes 1 or 3 arguments");
        return -1;
    }
    return 0;
}

/* ---- calling a type ------------------------------------------------------------------------ */

static FtObject *type_call(FtObject *callable, FtObject *args, FtObject *kwargs) {
    FtType *type = (FtType *)callable;
    if (type == &ft_type_type) {
        ssize_t n = FT_SIZE(args);
        if (n == 1 && (!kwargs || ft_dict_size(kwargs) == 0))
            return FT_NEWREF(FT_TYPE(FT_TUPLE_GET(args, 0)));
        if (n != 1 && n != 3) {
            ft_err_set_string(ft_exc_TypeError, "type() takes 1 or 3 arguments");
            return NULL;
        }
    }
    if (type->tp_new == NULL) {
        ft_err_format(ft_exc_TypeError, "cannot create '%s' instances", type->tp_name);
        return NULL;
    }
    FtObject *obj = type->tp_new(type, args, kwargs);
    if (!obj)
        return NULL;
    if (!ft_type_is_subtype(FT_TYPE(obj), type))
        return obj;
    type = FT_TYPE(obj);
    if (type->tp_init) {
        int r = type->tp_init(obj, args, kwargs);
        if (r < 0) {
            FT_DECREF(obj);
            return NULL;
        }
    }
    return obj;
}

/* Calling a type with vectorcall arguments. The common case, a class whose __new__ is
 * object's and which defines __init__ in Python, allocates and calls __init__ directly
 * without building an argument tuple. */
static FtObject *type_vectorcall(FtObject *callable, FtObject *const *args, size_t nargsf,
                                 FtObject *kwnames) {
    FtType *type = (FtType *)callable;
    ssize_t nargs = ft_vectorcall_nargs(nargsf);
    if (type == &ft_type_type && nargs == 1 && (!kwnames || FT_SIZE(kwnames) == 0))
        return FT_NEWREF(FT_TYPE(args[0]));
    if (type == &ft_super_type)
        return ft_super_vectorcall(callable, args, nargsf, kwnames);
    if (type->tp_new == ft_object_new_impl && type->tp_init == ft_slot_tp_init) {
        FtObject *init = ft_type_lookup(type, FT_ID(__init__));
        if (init && ft_function_check(init)) {
            if (type->tp_flags & FT_TPFLAGS_IS_ABSTRACT)
                goto slow;
            FtObject *obj = type->tp_alloc(type, 0);
            if (!obj)
                return NULL;
            if (type->tp_flags & FT_TPFLAGS_HAVE_GC)
                ft_gc_track(obj);
            FT_INCREF(init);
            FtObject *small[9];
            ssize_t total = nargs + (kwnames ? FT_SIZE(kwnames) : 0);
            FtObject **stack = total + 1 <= 9 ? small
                                              : ft_mem_alloc(sizeof(FtObject *) * (size_t)(total + 1));
            FtObject *res = NULL;
            if (stack) {
                stack[0] = obj;
                if (total) /* args may be NULL when there are none */
                    memcpy(stack + 1, args, sizeof(FtObject *) * (size_t)total);
                res = ft_object_vectorcall(init, stack, (size_t)nargs + 1, kwnames);
                if (stack != small)
                    ft_mem_free(stack);
            }
            FT_DECREF(init);
            if (!res) {
                FT_DECREF(obj);
                return NULL;
            }
            if (res != FT_NONE) {
                ft_err_format(ft_exc_TypeError, "__init__() should return None, not '%s'",
                              FT_TYPE(res)->tp_name);
                FT_DECREF(res);
                FT_DECREF(obj);
                return NULL;
            }
            FT_DECREF(res);
            return obj;
        }
    }
slow:;
    FtObject *tuple = ft_tuple_from_array(args, nargs);
    if (!tuple)
        return NULL;
    FtObject *kw = NULL;
    if (kwnames && FT_SIZE(kwnames)) {
        kw = ft_vectorcall_to_dict(args + nargs, kwnames);
        if (!kw) {
            FT_DECREF(tuple);
            return NULL;
        }
    }
    FtObject *res = type_call(callable, tuple, kw);
    FT_DECREF(tuple);
    FT_XDECREF(kw);
    return res;
}

/* __new__ of built-in types: X.__new__(Y, ...) with CPython's checks (tp_new_wrapper). */
static FtObject *tp_new_wrapper(FtObject *self, FtObject *args, FtObject *kwargs) {
    FtType *type = (FtType *)self;
    if (FT_SIZE(args) < 1) {
        ft_err_format(ft_exc_TypeError, "%s.__new__(): not enough arguments", type->tp_name);
        return NULL;
    }
    FtObject *arg0 = FT_TUPLE_GET(args, 0);
    if (!ft_type_check(arg0)) {
        ft_err_format(ft_exc_TypeError, "%s.__new__(X): X is not a type object (%s)",
                      type->tp_name, FT_TYPE(arg0)->tp_name);
        return NULL;
    }
    FtType *subtype = (FtType *)arg0;
    if (!ft_type_is_subtype(subtype, type)) {
        ft_err_format(ft_exc_TypeError, "%s.__new__(%s): %s is not a subtype of %s", type->tp_name,
                      subtype->tp_name, subtype->tp_name, type->tp_name);
        return NULL;
    }
    /* the most derived base that is not a class must be `type` itself: otherwise
     * object.__new__(int) would skip int's own constructor */
    FtType *staticbase = subtype;
    while (staticbase && staticbase->tp_new == ft_slot_tp_new)
        staticbase = staticbase->tp_base;
    if (staticbase && staticbase->tp_new != type->tp_new) {
        ft_err_format(ft_exc_TypeError, "%s.__new__(%s) is not safe, use %s.__new__()",
                      type->tp_name, subtype->tp_name, staticbase->tp_name);
        return NULL;
    }
    FtObject *rest = ft_tuple_slice(args, 1, FT_SIZE(args));
    if (!rest)
        return NULL;
    FtObject *res = type->tp_new(subtype, rest, kwargs);
    FT_DECREF(rest);
    return res;
}

FtMethodDef ft_tp_new_methoddef = {
    "__new__", (void *)tp_new_wrapper, FT_METH_VARARGS | FT_METH_KEYWORDS,
    "Create and return a new object.  See help(type) for accurate signature."};

/* ---- type attributes -------------------------------------------------------------------- */

static void type_attribute_error(FtType *type, FtObject *name) {
    ft_err_format(ft_exc_AttributeError, "type object '%s' has no attribute '%U'",
                  type->tp_name, name);
    FtObject *exc = ft_err_occurred();
    if (exc && FT_TYPE(exc) == ft_exc_AttributeError) {
        FtAttributeError *ae = (FtAttributeError *)exc;
        FT_XSETREF(ae->name, FT_NEWREF(name));
        FT_XSETREF(ae->obj, FT_NEWREF(type));
    }
}

FtObject *ft_type_getattro(FtObject *o, FtObject *name) {
    FtType *type = (FtType *)o;
    if (!ft_str_check(name)) {
        ft_err_format(ft_exc_TypeError, "attribute name must be string, not '%s'",
                      FT_TYPE(name)->tp_name);
        return NULL;
    }
    FtType *meta = FT_TYPE(o);
    FtObject *meta_attr = ft_type_lookup(meta, name);
    ft_descrgetfunc meta_get = NULL;
    if (meta_attr) {
        FT_INCREF(meta_attr);
        meta_get = FT_TYPE(meta_attr)->tp_descr_get;
        if (meta_get && FT_TYPE(meta_attr)->tp_descr_set) {
            FtObject *r = meta_get(meta_attr, o, (FtObject *)meta);
            FT_DECREF(meta_attr);
            return r;
        }
    }
    FtObject *attr = ft_type_lookup(type, name);
    if (attr) {
        FT_INCREF(attr);
        FT_XDECREF(meta_attr);
        ft_descrgetfunc local_get = FT_TYPE(attr)->tp_descr_get;
        if (local_get) {
            FtObject *r = local_get(attr, NULL, o);
            FT_DECREF(attr);
            return r;
        }
        return attr;
    }
    if (meta_get) {
        FtObject *r = meta_get(meta_attr, o, (FtObject *)meta);
        FT_DECREF(meta_attr);
        return r;
    }
    if (meta_attr)
        return meta_attr;
    type_attribute_error(type, name);
    return NULL;
}

static int is_dunder(FtObject *name) {
    ssize_t n = FT_STR_LEN(name);
    return n > 4 && ft_str_read(name, 0) == '_' && ft_str_read(name, 1) == '_' &&
           ft_str_read(name, n - 1) == '_' && ft_str_read(name, n - 2) == '_';
}

static int type_setattro(FtObject *o, FtObject *name, FtObject *value) {
    FtType *type = (FtType *)o;
    if (!ft_str_check(name)) {
        ft_err_format(ft_exc_TypeError, "attribute name must be string, not '%s'",
                      FT_TYPE(name)->tp_name);
        return -1;
    }
    if (!(type->tp_flags & FT_TPFLAGS_HEAPTYPE)) {
        ft_err_format(ft_exc_TypeError, "cannot set %R attribute of immutable type '%s'", name,
                      type->tp_name);
        return -1;
    }
    FtObject *descr = ft_type_lookup(FT_TYPE(o), name);
    if (descr && FT_TYPE(descr)->tp_descr_set) {
        FT_INCREF(descr);
        int r = FT_TYPE(descr)->tp_descr_set(descr, o, value);
        FT_DECREF(descr);
        return r;
    }
    /* intern so that the lookup cache can key on the name */
    FT_INCREF(name);
    if (ft_str_check_exact(name))
        name = ft_str_intern(name);
    int r;
    /* The lookup cache and ft_type_lookup hand out BORROWED references, which the caller
     * increfs at once (no yield point in between). In a free-threaded build another thread
     * may be between such a lookup and its incref: the old value must not be freed under
     * it. So the write happens with the world stopped (every other thread parked at a yield
     * point, hence past its incref; after the restart they miss the invalidated cache), and
     * the old value is released only after the restart. Class attribute writes are rare;
     * under the GIL this costs nothing. */
    FtObject *old = ft_dict_get_ref(type->tp_dict, name);
    if (!old)
        ft_err_clear();
    type_world_stop();
    if (value) {
        r = ft_dict_set(type->tp_dict, name, value);
    } else {
        r = ft_dict_del(type->tp_dict, name);
        if (r < 0 && ft_err_matches(ft_exc_KeyError)) {
            ft_err_clear();
            type_attribute_error(type, name);
        }
    }
    if (r == 0) {
        ft_type_modified(type);
        if (is_dunder(name))
            ft_type_update_slot(type, name);
    }
    type_world_start();
    FT_XDECREF(old);
    FT_DECREF(name);
    return r;
}

static FtObject *type_repr(FtObject *o) {
    FtType *type = (FtType *)o;
    FtObject *mod = type_module(type);
    if (!mod)
        ft_err_clear();
    else if (!ft_str_check(mod))
        FT_CLEAR(mod);
    FtObject *qn = ft_type_qualname(type);
    if (!qn) {
        FT_XDECREF(mod);
        return NULL;
    }
    FtObject *r;
    if (mod && !ft_str_eq_cstr(mod, "builtins"))
        r = ft_str_from_format("<class '%U.%U'>", mod, qn);
    else
        r = ft_str_from_format("<class '%s'>", type->tp_name);
    FT_XDECREF(mod);
    FT_DECREF(qn);
    return r;
}

static void type_dealloc(FtObject *o) {
    FtType *type = (FtType *)o;
    FtHeapType *et = (FtHeapType *)o;
    if (!(type->tp_flags & FT_TPFLAGS_HEAPTYPE)) {
        FT_MAKE_IMMORTAL(o);
        return;
    }
    ft_gc_untrack(o);
    /* a class may die while an exception is pending (a failed class statement) */
    FtObject *saved = ft_err_fetch();
    if (type->tp_bases)
        for (ssize_t i = 0; i < FT_SIZE(type->tp_bases); i++)
            remove_subclass((FtType *)FT_TUPLE_GET(type->tp_bases, i), type);
    ft_err_restore(saved);
    type->tp_version_tag = 0;
    FT_XDECREF(type->tp_base);
    FT_XDECREF(type->tp_dict);
    FT_XDECREF(type->tp_bases);
    FT_XDECREF(type->tp_mro);
    FT_XDECREF(type->tp_subclasses);
    FT_XDECREF(type->tp_cache);
    FT_XDECREF(et->ht_name);
    FT_XDECREF(et->ht_qualname);
    FT_XDECREF(et->ht_module);
    if (et->ht_slots && type->tp_members) {
        for (FtMemberDef *m = type->tp_members; m->name; m++)
            ft_mem_free((void *)m->name);
        ft_mem_free(type->tp_members);
    }
    FT_XDECREF(et->ht_slots);
    if (type->tp_doc)
        ft_mem_free((void *)type->tp_doc);
    ft_mem_free(et->ht_tpname);
    FtType *meta = FT_TYPE(o);
    meta->tp_free(o);
    if (meta->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(meta);
}

static int type_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    FtType *type = (FtType *)o;
    if (!(type->tp_flags & FT_TPFLAGS_HEAPTYPE))
        return 0;
    FtObject *refs[] = {type->tp_dict, type->tp_cache, type->tp_mro, type->tp_bases,
                        (FtObject *)type->tp_base, ((FtHeapType *)o)->ht_module};
    for (size_t i = 0; i < FT_ARRAY_LEN(refs); i++)
        if (refs[i] && visit(refs[i], arg))
            return -1;
    if ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_HEAPTYPE) && visit((FtObject *)FT_TYPE(o), arg))
        return -1;
    return 0;
}

static int type_clear(FtObject *o) {
    FtType *type = (FtType *)o;
    ft_type_modified(type);
    if (type->tp_dict)
        ft_dict_clear(type->tp_dict);
    FT_CLEAR(type->tp_mro);
    return 0;
}

static FtObject *type_get_name(FtObject *o, void *c) { return ft_type_name((FtType *)o); }
static int check_set_special(FtType *type, FtObject *value, const char *name) {
    if (!(type->tp_flags & FT_TPFLAGS_HEAPTYPE)) {
        ft_err_format(ft_exc_TypeError, "cannot set '%s' attribute of immutable type '%s'", name,
                      type->tp_name);
        return -1;
    }
    if (!value) {
        ft_err_format(ft_exc_TypeError, "cannot delete '%s' attribute of immutable type '%s'",
                      name, type->tp_name);
        return -1;
    }
    return 0;
}
static int type_set_name(FtObject *o, FtObject *value, void *c) {
    FtType *type = (FtType *)o;
    if (check_set_special(type, value, "__name__") < 0)
        return -1;
    if (!ft_str_check(value)) {
        ft_err_format(ft_exc_TypeError, "can only assign string to %s.__name__, not '%s'",
                      type->tp_name, FT_TYPE(value)->tp_name);
        return -1;
    }
    const char *s = ft_str_as_utf8(value);
    if (!s)
        return -1;
    char *copy = ft_mem_strdup(s);
    if (!copy)
        return -1;
    FtHeapType *et = (FtHeapType *)type;
    FT_SETREF(et->ht_name, FT_NEWREF(value));
    ft_mem_free(et->ht_tpname);
    et->ht_tpname = copy;
    type->tp_name = copy;
    return 0;
}
static FtObject *type_get_qualname(FtObject *o, void *c) { return ft_type_qualname((FtType *)o); }
static int type_set_qualname(FtObject *o, FtObject *value, void *c) {
    FtType *type = (FtType *)o;
    if (check_set_special(type, value, "__qualname__") < 0)
        return -1;
    if (!ft_str_check(value)) {
        ft_err_format(ft_exc_TypeError, "can only assign string to %s.__qualname__, not '%s'",
                      type->tp_name, FT_TYPE(value)->tp_name);
        return -1;
    }
    FT_SETREF(((FtHeapType *)type)->ht_qualname, FT_NEWREF(value));
    return 0;
}
static FtObject *type_get_module(FtObject *o, void *c) { return type_module((FtType *)o); }
static int type_set_module(FtObject *o, FtObject *value, void *c) {
    FtType *type = (FtType *)o;
    if (check_set_special(type, value, "__module__") < 0)
        return -1;
    ft_type_modified(type);
    return ft_dict_set(type->tp_dict, FT_ID(__module__), value);
}
static FtObject *type_get_bases(FtObject *o, void *c) {
    FtType *t = (FtType *)o;
    return FT_NEWREF(t->tp_bases ? t->tp_bases : ft_empty_tuple);
}
static FtObject *type_get_base(FtObject *o, void *c) {
    FtType *t = (FtType *)o;
    return FT_NEWREF(t->tp_base ? (FtObject *)t->tp_base : FT_NONE);
}
static FtObject *type_get_mro(FtObject *o, void *c) {
    FtType *t = (FtType *)o;
    return FT_NEWREF(t->tp_mro ? t->tp_mro : FT_NONE);
}
static FtObject *type_get_dict(FtObject *o, void *c) {
    FtType *t = (FtType *)o;
    if (!t->tp_dict)
        FT_RETURN_NONE;
    return ft_mappingproxy_new(t->tp_dict);
}
static FtObject *type_get_doc(FtObject *o, void *c) {
    FtType *t = (FtType *)o;
    if (!(t->tp_flags & FT_TPFLAGS_HEAPTYPE)) {
        if (t->tp_doc)
            return ft_str_from_cstr(t->tp_doc);
        FT_RETURN_NONE;
    }
    FtObject *d = ft_dict_get(t->tp_dict, FT_ID(__doc__));
    if (!d)
        FT_RETURN_NONE;
    if (FT_TYPE(d)->tp_descr_get)
        return FT_TYPE(d)->tp_descr_get(d, NULL, o);
    return FT_NEWREF(d);
}
static int type_set_doc(FtObject *o, FtObject *value, void *c) {
    FtType *type = (FtType *)o;
    if (check_set_special(type, value, "__doc__") < 0)
        return -1;
    ft_type_modified(type);
    return ft_dict_set(type->tp_dict, FT_ID(__doc__), value);
}
static FtObject *type_get_abstract(FtObject *o, void *c) {
    FtType *t = (FtType *)o;
    FtObject *v = t != &ft_type_type && t->tp_dict ? ft_dict_get(t->tp_dict, FT_ID(__abstractmethods__)) : NULL;
    if (!v) {
        ft_err_set_string(ft_exc_AttributeError, "__abstractmethods__");
        return NULL;
    }
    return FT_NEWREF(v);
}
static int type_set_abstract(FtObject *o, FtObject *value, void *c) {
    FtType *t = (FtType *)o;
    int abstract = 0, r;
    if (value) {
        abstract = ft_object_is_true(value);
        if (abstract < 0)
            return -1;
        r = ft_dict_set(t->tp_dict, FT_ID(__abstractmethods__), value);
    } else {
        r = ft_dict_del(t->tp_dict, FT_ID(__abstractmethods__));
        if (r < 0 && ft_err_matches(ft_exc_KeyError)) {
            ft_err_clear();
            ft_err_set_string(ft_exc_AttributeError, "__abstractmethods__");
        }
    }
    if (r < 0)
        return -1;
    ft_type_modified(t);
    if (abstract)
        t->tp_flags |= FT_TPFLAGS_IS_ABSTRACT;
    else
        t->tp_flags &= ~FT_TPFLAGS_IS_ABSTRACT;
    return 0;
}

static FtGetSetDef type_getsets[] = {
    {"__name__", type_get_name, type_set_name, NULL, NULL},
    {"__qualname__", type_get_qualname, type_set_qualname, NULL, NULL},
    {"__bases__", type_get_bases, NULL, NULL, NULL},
    {"__base__", type_get_base, NULL, NULL, NULL},
    {"__mro__", type_get_mro, NULL, NULL, NULL},
    {"__module__", type_get_module, type_set_module, NULL, NULL},
    {"__abstractmethods__", type_get_abstract, type_set_abstract, NULL, NULL},
    {"__dict__", type_get_dict, NULL, NULL, NULL},
    {"__doc__", type_get_doc, type_set_doc, NULL, NULL},
    {NULL},
};

static FtObject *type_mro_method(FtObject *self, FtObject *unused) {
    FtType *t = (FtType *)self;
    FtObject *mro = t->tp_mro ? FT_NEWREF(t->tp_mro) : mro_implementation(t);
    if (!mro)
        return NULL;
    FtObject *l = ft_list_from_array(FT_TUPLE_ITEMS(mro), FT_SIZE(mro));
    FT_DECREF(mro);
    return l;
}

static FtObject *type_subclasses(FtObject *self, FtObject *unused) {
    FtType *t = (FtType *)self;
    FtObject *l = ft_list_new(0);
    if (!l || !t->tp_subclasses)
        return l;
    ssize_t pos = 0;
    FtObject *k, *v;
    while (ft_dict_next(t->tp_subclasses, &pos, &k, &v)) {
        FtObject *sub = (FtObject *)(uintptr_t)ft_int_as_i64(v, &(int){0});
        if (ft_list_append(l, sub) < 0) {
            FT_DECREF(l);
            return NULL;
        }
    }
    return l;
}

static FtObject *type_instancecheck(FtObject *self, FtObject *inst) {
    int r = ft_type_default_instancecheck(self, inst);
    return r < 0 ? NULL : ft_bool_from(r);
}
static FtObject *type_subclasscheck(FtObject *self, FtObject *sub) {
    int r = ft_type_default_subclasscheck(self, sub);
    return r < 0 ? NULL : ft_bool_from(r);
}
static FtObject *type_prepare(FtObject *self, FtObject *const *args, ssize_t n, FtObject *kw) {
    return ft_dict_new();
}
static FtObject *type_dir(FtObject *self, FtObject *unused) {
    FtObject *d = ft_dict_new();
    if (!d)
        return NULL;
    FtType *t = (FtType *)self;
    FtObject *mro = t->tp_mro;
    for (ssize_t i = mro ? FT_SIZE(mro) - 1 : -1; i >= 0; i--) {
        FtObject *td = ((FtType *)FT_TUPLE_GET(mro, i))->tp_dict;
        if (td && ft_dict_update(d, td) < 0) {
            FT_DECREF(d);
            return NULL;
        }
    }
    FtObject *l = ft_dict_keys_list(d);
    FT_DECREF(d);
    return l;
}
static FtObject *type_sizeof(FtObject *self, FtObject *unused) {
    return ft_int_from_ssize((((FtType *)self)->tp_flags & FT_TPFLAGS_HEAPTYPE) ? sizeof(FtHeapType)
                                                                              : sizeof(FtType));
}

static FtMethodDef type_methods[] = {
    {"mro", (void *)type_mro_method, FT_METH_NOARGS, "Return a type's method resolution order."},
    {"__subclasses__", (void *)type_subclasses, FT_METH_NOARGS,
     "Return a list of immediate subclasses."},
    {"__instancecheck__", (void *)type_instancecheck, FT_METH_O,
     "Check if an object is an instance."},
    {"__subclasscheck__", (void *)type_subclasscheck, FT_METH_O,
     "Check if a class is a subclass."},
    {"__prepare__", (void *)type_prepare, FT_METH_FASTCALL | FT_METH_KEYWORDS | FT_METH_CLASS,
     "Create the namespace for the class statement"},
    {"__dir__", (void *)type_dir, FT_METH_NOARGS, "Specialized __dir__ implementation for types."},
    {"__sizeof__", (void *)type_sizeof, FT_METH_NOARGS, "Return memory consumption of the type object."},
    {NULL},
};

static FtNumberMethods type_as_number = {.nb_or = ft_union_or};

FtType ft_type_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "type",
    .tp_basicsize = sizeof(FtHeapType),
    .tp_dealloc = type_dealloc,
    .tp_repr = type_repr,
    .tp_as_number = &type_as_number,
    .tp_call = type_call,
    .tp_vectorcall = type_vectorcall,
    .tp_getattro = ft_type_getattro,
    .tp_setattro = type_setattro,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE | FT_TPFLAGS_TYPE_SUBCLASS,
    .tp_doc = "type(object) -> the object's type\n"
              "type(name, bases, dict, **kwds) -> a new type",
    .tp_traverse = type_traverse,
    .tp_clear = type_clear,
    .tp_methods = type_methods,
    .tp_getset = type_getsets,
    .tp_base = &ft_object_type,
    .tp_dictoffset = offsetof(FtType, tp_dict), /* metaclasses get no extra __dict__ */
    .tp_init = type_init,
    .tp_alloc = ft_type_generic_alloc,
    .tp_new = ft_type_new_impl,
    .tp_free = ft_gc_free,
};
