/* dict.c: the dict type, its views (dict_keys, dict_values, dict_items) and iterators.
 *
 * The table is CPython's compact dict (Objects/dictobject.c): a hash index of 1, 2, 4 or 8
 * byte slots (DKIX_EMPTY, DKIX_DUMMY or a position) in front of a dense array of entries
 * (hash, key, value) kept in insertion order. Lookups probe the index with CPython's
 * perturbation recurrence; insertion appends an entry; deletion marks the index slot DUMMY
 * and clears the entry (the hole stays until the next resize). When no entry is usable the
 * table is rebuilt with room for used*3 entries, compacting the holes. An empty dict shares
 * one static, read-only keys object with no usable entry, so the first insertion resizes.
 *
 * Keys are compared by identity first, then (same hash) with ==. An == can run Python
 * code that mutates the dict being searched: after every comparison the lookup checks that
 * the keys object and the entry are unchanged and restarts if not (CPython does the same).
 * Exact-str keys take a fast path: the cached hash, pointer equality, then ft_str_eq.
 *
 * FtDict.version changes on every mutation; it comes from one global counter so that a
 * (dict, version) pair can never be confused with another dict's (the VM caches global
 * lookups on it). */
#include "core/object.h"
#include "gc/gc.h"
#include <string.h>

#define VISIT(o)                                          \
    do {                                                  \
        if (o) {                                          \
            int vret_ = visit((FtObject *)(o), arg);      \
            if (vret_)                                    \
                return vret_;                             \
        }                                                 \
    } while (0)

#define DKIX_EMPTY (-1)
#define DKIX_DUMMY (-2)
#define DKIX_ERROR (-3)
#define PERTURB_SHIFT 5
#define DK_MINSIZE_LOG2 3
#define USABLE_FRACTION(n) (((n) << 1) / 3)
#define GROWTH_RATE(d) ((d)->used * 3)

typedef struct DictEntry {
    ft_hash_t hash;
    FtObject *key;
    FtObject *value; /* NULL: deleted entry */
} DictEntry;

struct FtDictKeys {
    uint8_t log2_size;        /* the index has 1 << log2_size slots */
    uint8_t log2_index_bytes; /* ... taking 1 << log2_index_bytes bytes */
    ssize_t usable;           /* entries that can still be appended */
    ssize_t nentries;         /* entries used so far, deleted ones included */
    /* then: the index, then the entries */
};

#define DK_SIZE(dk) ((ssize_t)1 << (dk)->log2_size)
#define DK_MASK(dk) ((size_t)DK_SIZE(dk) - 1)
#define DK_INDICES(dk) ((char *)((dk) + 1))
#define DK_ENTRIES(dk) ((DictEntry *)(DK_INDICES(dk) + ((size_t)1 << (dk)->log2_index_bytes)))

/* The shared keys object of empty dicts: nothing usable, every slot empty. */
static struct {
    FtDictKeys hdr;
    int8_t indices[8];
} empty_keys_storage = {
    { DK_MINSIZE_LOG2, DK_MINSIZE_LOG2, 0, 0 },
    { -1, -1, -1, -1, -1, -1, -1, -1 },
};
#define EMPTY_KEYS (&empty_keys_storage.hdr)

static uint64_t dict_version_counter;

/* Writers hold the critical section; len() reads the size without it (ft_dict_size). */
#define SET_USED(mp, n) __atomic_store_n(&(mp)->used, (n), __ATOMIC_RELAXED)

static inline void bump_version(FtDict *mp) {
    /* An atomic store: the eval loop's LOAD_GLOBAL cache reads versions without the lock. */
    __atomic_store_n(&mp->version, __atomic_add_fetch(&dict_version_counter, 1, __ATOMIC_RELAXED),
                     __ATOMIC_RELAXED);
}

static FtType dict_keys_type, dict_values_type, dict_items_type;
static FtType dict_keyiter_type, dict_valueiter_type, dict_itemiter_type;
static FtType dict_revkeyiter_type, dict_revvalueiter_type, dict_revitemiter_type;

/* ---- the index ----------------------------------------------------------------------- */

static inline ssize_t dk_get_index(FtDictKeys *dk, size_t i) {
    int log2size = dk->log2_size;
    char *ind = DK_INDICES(dk);
    if (log2size < 8)
        return ((int8_t *)ind)[i];
    if (log2size < 16)
        return ((int16_t *)ind)[i];
    if (log2size >= 32)
        return (ssize_t)((int64_t *)ind)[i];
    return ((int32_t *)ind)[i];
}

static inline void dk_set_index(FtDictKeys *dk, size_t i, ssize_t ix) {
    int log2size = dk->log2_size;
    char *ind = DK_INDICES(dk);
    if (log2size < 8)
        ((int8_t *)ind)[i] = (int8_t)ix;
    else if (log2size < 16)
        ((int16_t *)ind)[i] = (int16_t)ix;
    else if (log2size >= 32)
        ((int64_t *)ind)[i] = (int64_t)ix;
    else
        ((int32_t *)ind)[i] = (int32_t)ix;
}

static FtDictKeys *new_keys_object(uint8_t log2_size) {
    uint8_t log2_bytes;
    if (log2_size < 8)
        log2_bytes = log2_size;
    else if (log2_size < 16)
        log2_bytes = log2_size + 1;
    else if (log2_size < 32)
        log2_bytes = log2_size + 2;
    else
        log2_bytes = log2_size + 3;
    if (log2_size >= 8 * sizeof(ssize_t) - 4) {
        ft_err_no_memory();
        return NULL;
    }
    ssize_t usable = USABLE_FRACTION((ssize_t)1 << log2_size);
    size_t bytes = sizeof(FtDictKeys) + ((size_t)1 << log2_bytes) + (size_t)usable * sizeof(DictEntry);
    FtDictKeys *dk = ft_mem_alloc(bytes);
    if (!dk)
        return NULL;
    dk->log2_size = log2_size;
    dk->log2_index_bytes = log2_bytes;
    dk->usable = usable;
    dk->nentries = 0;
    memset(DK_INDICES(dk), 0xff, (size_t)1 << log2_bytes);
    memset(DK_ENTRIES(dk), 0, (size_t)usable * sizeof(DictEntry));
    return dk;
}

static inline uint8_t calculate_log2_keysize(ssize_t minsize) {
    uint8_t log2 = DK_MINSIZE_LOG2;
    while (((ssize_t)1 << log2) < minsize)
        log2++;
    return log2;
}

/* The size for a dict about to receive n items without further resizes. */
static inline uint8_t estimate_log2_keysize(ssize_t n) {
    return calculate_log2_keysize((n * 3 + 1) / 2);
}

static inline ft_hash_t key_hash(FtObject *key) {
    if (ft_str_check_exact(key)) {
        ft_hash_t h = __atomic_load_n(&((FtStr *)key)->hash, __ATOMIC_RELAXED);
        if (h != -1)
            return h;
    }
    return ft_object_hash(key);
}

/* Can o be part of a reference cycle? CPython's _PyObject_GC_MAY_BE_TRACKED: containers,
 * except tuples the collector has found to hold only atomic objects, and static types. */
static inline bool may_be_tracked(FtObject *o) {
    FtType *t = FT_TYPE(o);
    if (!(t->tp_flags & FT_TPFLAGS_HAVE_GC))
        return false;
    if (t == &ft_tuple_type)
        return ft_gc_is_tracked(o);
    if (ft_type_check(o)) /* static types are not allocated by the collector */
        return (((FtType *)o)->tp_flags & FT_TPFLAGS_HEAPTYPE) != 0;
    return true;
}

/* As CPython, an exact dict starts untracked by the collector and becomes tracked when
 * something that may be part of a cycle is stored in it ({"a": 1} never costs a scan). */
static inline void maintain_tracking(FtDict *mp, FtObject *key, FtObject *value) {
    if ((may_be_tracked(value) || may_be_tracked(key)) && !ft_gc_is_tracked((FtObject *)mp))
        ft_gc_track((FtObject *)mp);
}

/* Index slot of an EMPTY or DUMMY place for hash (the key is known to be absent). */
static size_t find_empty_slot(FtDictKeys *dk, ft_hash_t hash) {
    size_t mask = DK_MASK(dk);
    size_t i = (size_t)hash & mask;
    ssize_t ix = dk_get_index(dk, i);
    for (size_t perturb = (size_t)hash; ix >= 0;) {
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
        ix = dk_get_index(dk, i);
    }
    return i;
}

/* Index slot holding entry position `index`. */
static size_t lookdict_index(FtDictKeys *dk, ft_hash_t hash, ssize_t index) {
    size_t mask = DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        ssize_t ix = dk_get_index(dk, i);
        if (ix == index)
            return i;
        FT_ASSERT(ix != DKIX_EMPTY);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Find key: the entry position, DKIX_EMPTY when absent, DKIX_ERROR on error.
 * *value receives the value (borrowed) or NULL. */
static ssize_t dict_lookup(FtDict *mp, FtObject *key, ft_hash_t hash, FtObject **value) {
    bool str_key = ft_str_check_exact(key);
restart:;
    FtDictKeys *dk = mp->keys;
    DictEntry *entries = DK_ENTRIES(dk);
    size_t mask = DK_MASK(dk);
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        ssize_t ix = dk_get_index(dk, i);
        if (ix == DKIX_EMPTY) {
            *value = NULL;
            return DKIX_EMPTY;
        }
        if (ix >= 0) {
            DictEntry *ep = &entries[ix];
            if (ep->key == key) {
                *value = ep->value;
                return ix;
            }
            if (ep->hash == hash) {
                FtObject *startkey = ep->key;
                if (str_key && ft_str_check_exact(startkey)) {
                    if (ft_str_eq(startkey, key)) {
                        *value = ep->value;
                        return ix;
                    }
                } else {
                    FT_INCREF(startkey);
                    int cmp = ft_object_richcompare_bool(startkey, key, FT_EQ);
                    FT_DECREF(startkey);
                    if (cmp < 0) {
                        *value = NULL;
                        return DKIX_ERROR;
                    }
                    if (dk != mp->keys || ep->key != startkey)
                        goto restart; /* the comparison mutated the dict */
                    if (cmp > 0) {
                        *value = ep->value;
                        return ix;
                    }
                }
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + perturb + 1) & mask;
    }
}

/* Rebuild the table with 1 << log2_newsize slots, dropping the holes. */
static int dict_resize(FtDict *mp, uint8_t log2_newsize) {
    FtDictKeys *oldkeys = mp->keys;
    ssize_t numentries = mp->used;
    if (log2_newsize < DK_MINSIZE_LOG2)
        log2_newsize = DK_MINSIZE_LOG2;
    while (USABLE_FRACTION((ssize_t)1 << log2_newsize) < numentries)
        log2_newsize++;
    FtDictKeys *newkeys = new_keys_object(log2_newsize);
    if (!newkeys)
        return -1;
    DictEntry *oldentries = DK_ENTRIES(oldkeys), *newentries = DK_ENTRIES(newkeys);
    if (oldkeys->nentries == numentries) {
        memcpy(newentries, oldentries, (size_t)numentries * sizeof(DictEntry));
    } else {
        DictEntry *ep = oldentries;
        for (ssize_t i = 0; i < numentries; i++) {
            while (ep->value == NULL)
                ep++;
            newentries[i] = *ep++;
        }
    }
    size_t mask = DK_MASK(newkeys);
    for (ssize_t ix = 0; ix < numentries; ix++) {
        ft_hash_t hash = newentries[ix].hash;
        size_t i = (size_t)hash & mask;
        for (size_t perturb = (size_t)hash; dk_get_index(newkeys, i) != DKIX_EMPTY;) {
            perturb >>= PERTURB_SHIFT;
            i = (i * 5 + perturb + 1) & mask;
        }
        dk_set_index(newkeys, i, ix);
    }
    newkeys->usable -= numentries;
    newkeys->nentries = numentries;
    mp->keys = newkeys;
    if (oldkeys != EMPTY_KEYS)
        ft_mem_free(oldkeys);
    return 0;
}

/* Insert or replace; steals key and value. */
static int insertdict(FtDict *mp, FtObject *key, ft_hash_t hash, FtObject *value) {
    FtObject *old_value;
    ssize_t ix = dict_lookup(mp, key, hash, &old_value);
    if (ix == DKIX_ERROR)
        goto fail;
    if (ix == DKIX_EMPTY) {
        if (mp->keys->usable <= 0) {
            if (dict_resize(mp, calculate_log2_keysize(GROWTH_RATE(mp))) < 0)
                goto fail;
        }
        FtDictKeys *dk = mp->keys;
        size_t hashpos = find_empty_slot(dk, hash);
        DictEntry *ep = &DK_ENTRIES(dk)[dk->nentries];
        dk_set_index(dk, hashpos, dk->nentries);
        ep->key = key;
        ep->hash = hash;
        ep->value = value;
        SET_USED(mp, mp->used + 1);
        dk->usable--;
        dk->nentries++;
        bump_version(mp);
        maintain_tracking(mp, key, value);
        return 0;
    }
    /* Replace the value; the old one goes last, since its __del__ may re-enter. */
    DK_ENTRIES(mp->keys)[ix].value = value;
    bump_version(mp);
    maintain_tracking(mp, key, value);
    FT_XDECREF(old_value);
    FT_DECREF(key);
    return 0;
fail:
    FT_DECREF(value);
    FT_DECREF(key);
    return -1;
}

/* Remove the entry at position ix (found for hash); releases its key and value. */
static void delitem_at(FtDict *mp, ft_hash_t hash, ssize_t ix) {
    FtDictKeys *dk = mp->keys;
    size_t slot = lookdict_index(dk, hash, ix);
    dk_set_index(dk, slot, DKIX_DUMMY);
    DictEntry *ep = &DK_ENTRIES(dk)[ix];
    FtObject *old_key = ep->key, *old_value = ep->value;
    ep->key = NULL;
    ep->value = NULL;
    SET_USED(mp, mp->used - 1);
    bump_version(mp);
    FT_DECREF(old_key);
    FT_DECREF(old_value);
}

static void set_key_error(FtObject *key) {
    FtObject *exc = ft_exc_new(ft_exc_KeyError, &key, 1);
    if (exc)
        ft_err_restore(exc);
}

/* ---- the C API ------------------------------------------------------------------------ */

FtObject *ft_dict_new(void) {
    FtDict *mp = (FtDict *)ft_gc_alloc(&ft_dict_type);
    if (!mp)
        return NULL;
    mp->keys = EMPTY_KEYS;
    mp->used = 0;
    bump_version(mp);
    /* untracked until it holds a container (maintain_tracking) */
    return (FtObject *)mp;
}

/* A dict presized for n items. */
static FtObject *dict_new_presized(ssize_t n) {
    FtObject *d = ft_dict_new();
    if (!d || n <= 5)
        return d;
    if (dict_resize((FtDict *)d, estimate_log2_keysize(n)) < 0) {
        FT_DECREF(d);
        return NULL;
    }
    return d;
}

/* Lookups hold the dict's critical section: in a free-threaded build another thread may be
 * inserting or resizing (the table read here could be freed under us). The borrowed result
 * of ft_dict_get* is only safe while nothing else can remove the key (the dict is private to
 * the thread, or the caller holds its own reference to the value); code that reads a dict
 * other threads write (globals, instance and class dicts) uses ft_dict_get_ref*, which takes
 * the reference before leaving the critical section. Under the GIL the sections are braces. */
FtObject *ft_dict_get_known_hash(FtObject *d, FtObject *key, ft_hash_t hash) {
    FtObject *value;
    LK_BEGIN_CRITICAL(d);
    dict_lookup((FtDict *)d, key, hash, &value);
    LK_END_CRITICAL();
    return value;
}

FtObject *ft_dict_get_ref_known_hash(FtObject *d, FtObject *key, ft_hash_t hash) {
    FtObject *value;
    LK_BEGIN_CRITICAL(d);
    dict_lookup((FtDict *)d, key, hash, &value);
    FT_XINCREF(value);
    LK_END_CRITICAL();
    return value;
}

FtObject *ft_dict_get_ref(FtObject *d, FtObject *key) {
    ft_hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    return ft_dict_get_ref_known_hash(d, key, hash);
}

FtObject *ft_dict_get_ref_cstr(FtObject *d, const char *key) {
    FtObject *k = ft_str_from_cstr(key);
    if (!k) {
        ft_err_clear();
        return NULL;
    }
    FtObject *v = ft_dict_get_ref(d, k);
    FT_DECREF(k);
    if (!v && ft_err_occurred())
        ft_err_clear();
    return v;
}

FtObject *ft_dict_get(FtObject *d, FtObject *key) {
    ft_hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    return ft_dict_get_known_hash(d, key, hash);
}

FtObject *ft_dict_get_cstr(FtObject *d, const char *key) {
    FtObject *k = ft_str_from_cstr(key);
    if (!k) {
        ft_err_clear();
        return NULL;
    }
    FtObject *v = ft_dict_get(d, k);
    FT_DECREF(k);
    if (!v && ft_err_occurred())
        ft_err_clear();
    return v;
}

static int dict_set_known_hash(FtObject *d, FtObject *key, ft_hash_t hash, FtObject *value) {
    int r;
    LK_BEGIN_CRITICAL(d);
    r = insertdict((FtDict *)d, ft_newref(key), hash, ft_newref(value));
    LK_END_CRITICAL();
    return r;
}

int ft_dict_set(FtObject *d, FtObject *key, FtObject *value) {
    ft_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    return dict_set_known_hash(d, key, hash, value);
}

int ft_dict_set_cstr(FtObject *d, const char *key, FtObject *value) {
    FtObject *k = ft_str_from_cstr(key);
    if (!k)
        return -1;
    k = ft_str_intern(k);
    int r = ft_dict_set(d, k, value);
    FT_DECREF(k);
    return r;
}

static int dict_del_known_hash(FtObject *d, FtObject *key, ft_hash_t hash) {
    FtObject *value;
    int r = 0;
    LK_BEGIN_CRITICAL(d);
    ssize_t ix = dict_lookup((FtDict *)d, key, hash, &value);
    if (ix == DKIX_ERROR) {
        r = -1;
    } else if (ix == DKIX_EMPTY || value == NULL) {
        set_key_error(key);
        r = -1;
    } else {
        delitem_at((FtDict *)d, hash, ix);
    }
    LK_END_CRITICAL();
    return r;
}

int ft_dict_del(FtObject *d, FtObject *key) {
    ft_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    return dict_del_known_hash(d, key, hash);
}

int ft_dict_del_cstr(FtObject *d, const char *key) {
    FtObject *k = ft_str_from_cstr(key);
    if (!k)
        return -1;
    int r = ft_dict_del(d, k);
    FT_DECREF(k);
    return r;
}

int ft_dict_contains(FtObject *d, FtObject *key) {
    ft_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    FtObject *value;
    ssize_t ix;
    LK_BEGIN_CRITICAL(d);
    ix = dict_lookup((FtDict *)d, key, hash, &value);
    LK_END_CRITICAL();
    if (ix == DKIX_ERROR)
        return -1;
    return value != NULL;
}

static int dict_next_entry(FtObject *d, ssize_t *pos, DictEntry **out) {
    FtDictKeys *dk = ((FtDict *)d)->keys;
    ssize_t i = *pos, n = dk->nentries;
    DictEntry *entries = DK_ENTRIES(dk);
    if (i < 0)
        return 0;
    while (i < n && entries[i].value == NULL)
        i++;
    if (i >= n)
        return 0;
    *pos = i + 1;
    *out = &entries[i];
    return 1;
}

/* Borrowed references, as CPython's PyDict_Next. The step holds the critical section, so a
 * dict another thread resizes is never read through a freed table; a caller iterating a
 * dict other threads may change should hold the dict's critical section around its loop. */
int ft_dict_next(FtObject *d, ssize_t *pos, FtObject **key, FtObject **value) {
    DictEntry *ep;
    int r;
    LK_BEGIN_CRITICAL(d);
    r = dict_next_entry(d, pos, &ep);
    if (r) {
        if (key)
            *key = ep->key;
        if (value)
            *value = ep->value;
    }
    LK_END_CRITICAL();
    return r;
}

/* The size is written under the critical section with relaxed atomic stores (set_used) so
 * that len() needs no lock. */
/* ft_dict_next with new references, taken inside the critical section. */
static int dict_next_ref(FtObject *d, ssize_t *pos, FtObject **key, FtObject **value) {
    DictEntry *ep;
    int r;
    LK_BEGIN_CRITICAL(d);
    r = dict_next_entry(d, pos, &ep);
    if (r) {
        *key = ft_newref(ep->key);
        *value = ft_newref(ep->value);
    }
    LK_END_CRITICAL();
    return r;
}

ssize_t ft_dict_size(FtObject *d) {
    return __atomic_load_n(&((FtDict *)d)->used, __ATOMIC_RELAXED);
}

/* Detach the table (the dict becomes empty), then release the entries. */
void ft_dict_clear(FtObject *d) {
    FtDict *mp = (FtDict *)d;
    FtDictKeys *oldkeys;
    LK_BEGIN_CRITICAL(mp);
    oldkeys = mp->keys;
    if (oldkeys != EMPTY_KEYS || mp->used) {
        mp->keys = EMPTY_KEYS;
        SET_USED(mp, 0);
        bump_version(mp);
    } else {
        oldkeys = NULL;
    }
    LK_END_CRITICAL();
    if (!oldkeys || oldkeys == EMPTY_KEYS)
        return;
    DictEntry *ep = DK_ENTRIES(oldkeys);
    for (ssize_t i = 0, n = oldkeys->nentries; i < n; i++) {
        if (ep[i].value) {
            FT_DECREF(ep[i].key);
            FT_DECREF(ep[i].value);
        }
    }
    ft_mem_free(oldkeys);
}

static FtObject *dict_copy_locked(FtObject *d) {
    FtDict *mp = (FtDict *)d;
    if (mp->used == 0)
        return ft_dict_new();
    /* Few holes: clone the table as it is (same size, same order, no rehashing). */
    if (mp->used >= (mp->keys->nentries * 2) / 3) {
        FtDictKeys *dk = mp->keys;
        size_t bytes = sizeof(FtDictKeys) + ((size_t)1 << dk->log2_index_bytes) +
                       (size_t)(dk->usable + dk->nentries) * sizeof(DictEntry);
        FtDictKeys *nk = ft_mem_alloc(bytes);
        if (!nk)
            return NULL;
        memcpy(nk, dk, bytes);
        DictEntry *ep = DK_ENTRIES(nk);
        for (ssize_t i = 0; i < nk->nentries; i++) {
            if (ep[i].value) {
                FT_INCREF(ep[i].key);
                FT_INCREF(ep[i].value);
            }
        }
        FtDict *copy = (FtDict *)ft_gc_alloc(&ft_dict_type);
        if (!copy) {
            for (ssize_t i = 0; i < nk->nentries; i++) {
                if (ep[i].value) {
                    FT_DECREF(ep[i].key);
                    FT_DECREF(ep[i].value);
                }
            }
            ft_mem_free(nk);
            return NULL;
        }
        copy->keys = nk;
        copy->used = mp->used;
        bump_version(copy);
        if (ft_gc_is_tracked(d))
            ft_gc_track((FtObject *)copy);
        return (FtObject *)copy;
    }
    FtObject *copy = dict_new_presized(mp->used);
    if (!copy)
        return NULL;
    if (ft_dict_merge(copy, d, 1) < 0) {
        FT_DECREF(copy);
        return NULL;
    }
    return copy;
}

/* The copy is made under d's critical section: another thread may be resizing it. */
FtObject *ft_dict_copy(FtObject *d) {
    FtObject *r;
    LK_BEGIN_CRITICAL(d);
    r = dict_copy_locked(d);
    LK_END_CRITICAL();
    return r;
}

static FtObject *dict_iter(FtObject *o);

/* ft_dict_merge from an exact-iteration dict, with both critical sections held (another
 * thread may resize either). */
static int merge_from_dict(FtObject *a, FtDict *mp, FtDict *other, int override) {
    if (other->used == 0)
        return 0;
    int r = 0;
    LK_BEGIN_CRITICAL(mp);
    if (mp->keys->usable * 3 < other->used * 2)
        r = dict_resize(mp, estimate_log2_keysize(mp->used + other->used));
    LK_END_CRITICAL();
    if (r < 0)
        return -1;
    FtDictKeys *okeys = other->keys;
    for (ssize_t i = 0, n = okeys->nentries; i < n; i++) {
        DictEntry *entry = &DK_ENTRIES(okeys)[i];
        FtObject *value = entry->value;
        if (!value)
            continue;
        FtObject *key = entry->key;
        ft_hash_t hash = entry->hash;
        FT_INCREF(key);
        FT_INCREF(value);
        int err = 0;
        if (override == 1) {
            err = dict_set_known_hash(a, key, hash, value);
        } else {
            FtObject *existing;
            ssize_t ix = dict_lookup(mp, key, hash, &existing);
            if (ix == DKIX_ERROR) {
                err = -1;
            } else if (existing == NULL) {
                err = dict_set_known_hash(a, key, hash, value);
            } else if (override == 2) {
                set_key_error(key);
                err = -1;
            }
        }
        FT_DECREF(value);
        FT_DECREF(key);
        if (err)
            return -1;
        if (n != other->keys->nentries || okeys != other->keys) {
            ft_err_set_string(ft_exc_RuntimeError, "dict mutated during update");
            return -1;
        }
    }
    return 0;
}

/* Merge a mapping into d. override: 1 replace, 0 keep existing, 2 KeyError on a duplicate
 * (what f(**a, **b) needs). */
int ft_dict_merge(FtObject *a, FtObject *b, int override) {
    if (!ft_dict_check(a)) {
        ft_err_bad_internal_call();
        return -1;
    }
    FtDict *mp = (FtDict *)a;
    if (ft_dict_check(b) && FT_TYPE(b)->tp_iter == dict_iter) {
        if (a == b)
            return 0;
        int r;
        LK_BEGIN_CRITICAL2(a, b);
        r = merge_from_dict(a, mp, (FtDict *)b, override);
        LK_END_CRITICAL2();
        return r;
    }
    /* Any other mapping: keys() then __getitem__. */
    FtObject *keys = ft_mapping_keys(b);
    if (!keys)
        return -1;
    FtObject *it = ft_object_getiter(keys);
    FT_DECREF(keys);
    if (!it)
        return -1;
    FtObject *key;
    while ((key = ft_iter_next(it)) != NULL) {
        if (override != 1) {
            int c = ft_dict_contains(a, key);
            if (c != 0) {
                if (c > 0 && override == 0) {
                    FT_DECREF(key);
                    continue;
                }
                if (c > 0)
                    set_key_error(key);
                FT_DECREF(key);
                FT_DECREF(it);
                return -1;
            }
        }
        FtObject *value = ft_object_getitem(b, key);
        if (!value) {
            FT_DECREF(key);
            FT_DECREF(it);
            return -1;
        }
        int st = ft_dict_set(a, key, value);
        FT_DECREF(key);
        FT_DECREF(value);
        if (st < 0) {
            FT_DECREF(it);
            return -1;
        }
    }
    FT_DECREF(it);
    return ft_err_occurred() ? -1 : 0;
}

/* Merge an iterable of key/value pairs (dict([(k, v), ...])). */
static int dict_merge_from_seq2(FtObject *d, FtObject *seq2, int override) {
    FtObject *it = ft_object_getiter(seq2);
    if (!it)
        return -1;
    ssize_t i;
    FtObject *item;
    for (i = 0; (item = ft_iter_next(it)) != NULL; i++) {
        FtObject *fast = ft_sequence_fast(item, "");
        if (!fast) {
            if (ft_err_matches(ft_exc_TypeError)) {
                ft_err_clear();
                ft_err_format(ft_exc_TypeError,
                              "cannot convert dictionary update sequence element #%zd to a "
                              "sequence", i);
            }
            goto fail_item;
        }
        ssize_t n = FT_SIZE(fast);
        if (n != 2) {
            ft_err_format(ft_exc_ValueError,
                          "dictionary update sequence element #%zd has length %zd; 2 is required",
                          i, n);
            FT_DECREF(fast);
            goto fail_item;
        }
        FtObject **items = ft_list_check(fast) ? FT_LIST_ITEMS(fast) : FT_TUPLE_ITEMS(fast);
        FtObject *key = ft_newref(items[0]), *value = ft_newref(items[1]);
        FT_DECREF(fast);
        int st;
        if (override) {
            st = ft_dict_set(d, key, value);
        } else {
            st = 0;
            if (!ft_dict_setdefault(d, key, value))
                st = -1;
        }
        FT_DECREF(key);
        FT_DECREF(value);
        if (st < 0)
            goto fail_item;
        FT_DECREF(item);
    }
    FT_DECREF(it);
    return ft_err_occurred() ? -1 : 0;
fail_item:
    FT_DECREF(item);
    FT_DECREF(it);
    return -1;
}

/* dict.update(arg): a dict, anything with keys(), or an iterable of pairs. */
static int dict_update_arg(FtObject *self, FtObject *arg) {
    if (ft_dict_check_exact(arg))
        return ft_dict_merge(self, arg, 1);
    FtObject *func;
    int r = ft_object_lookup_attr(arg, FT_ID(keys), &func);
    if (r < 0)
        return -1;
    if (r > 0) {
        FT_DECREF(func);
        return ft_dict_merge(self, arg, 1);
    }
    return dict_merge_from_seq2(self, arg, 1);
}

int ft_dict_update(FtObject *d, FtObject *other) { return dict_update_arg(d, other); }

static FtObject *dict_entries_list(FtObject *d, int what) {
    /* what: 0 keys, 1 values, 2 items. Allocation can run the GC (and so Python code):
     * retry until the size is stable, as CPython does. */
    FtDict *mp = (FtDict *)d;
    for (;;) {
        ssize_t n = ft_dict_size(d);
        FtObject *list = ft_list_new(n);
        if (!list)
            return NULL;
        if (what == 2) {
            for (ssize_t i = 0; i < n; i++) {
                FtObject *pair = ft_tuple_new(2);
                if (!pair) {
                    FT_DECREF(list);
                    return NULL;
                }
                FT_LIST_SET(list, i, pair);
            }
        }
        /* Filled under the critical section: another thread may be resizing the dict. */
        bool stable;
        LK_BEGIN_CRITICAL(d);
        stable = n == mp->used;
        ssize_t pos = 0, j = 0;
        DictEntry *ep;
        while (stable && dict_next_entry(d, &pos, &ep)) {
            if (what == 0) {
                FT_LIST_SET(list, j, ft_newref(ep->key));
            } else if (what == 1) {
                FT_LIST_SET(list, j, ft_newref(ep->value));
            } else {
                FtObject *pair = FT_LIST_GET(list, j);
                FT_TUPLE_SET(pair, 0, ft_newref(ep->key));
                FT_TUPLE_SET(pair, 1, ft_newref(ep->value));
            }
            j++;
        }
        LK_END_CRITICAL();
        if (!stable) {
            FT_DECREF(list);
            continue;
        }
        return list;
    }
}

FtObject *ft_dict_keys_list(FtObject *d) { return dict_entries_list(d, 0); }
FtObject *ft_dict_values_list(FtObject *d) { return dict_entries_list(d, 1); }
FtObject *ft_dict_items_list(FtObject *d) { return dict_entries_list(d, 2); }

static FtObject *dict_setdefault_impl(FtObject *d, FtObject *key, FtObject *dflt, bool newref) {
    ft_hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    FtObject *value;
    FtObject *result = NULL;
    LK_BEGIN_CRITICAL(d);
    ssize_t ix = dict_lookup((FtDict *)d, key, hash, &value);
    if (ix == DKIX_ERROR) {
        result = NULL;
    } else if (value != NULL) {
        result = value;
    } else if (insertdict((FtDict *)d, ft_newref(key), hash, ft_newref(dflt)) == 0) {
        result = dflt;
    }
    /* The new reference is taken inside the section: once it ends another thread may
     * remove the key and free the value. */
    if (newref)
        FT_XINCREF(result);
    LK_END_CRITICAL();
    return result;
}

FtObject *ft_dict_setdefault(FtObject *d, FtObject *key, FtObject *dflt) {
    return dict_setdefault_impl(d, key, dflt, false);
}

FtObject *ft_dict_pop(FtObject *d, FtObject *key, FtObject *dflt) {
    FtDict *mp = (FtDict *)d;
    if (ft_dict_size(d) == 0) {
        if (dflt)
            return ft_newref(dflt);
        set_key_error(key);
        return NULL;
    }
    ft_hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    FtObject *result = NULL;
    int missing = 0;
    LK_BEGIN_CRITICAL(d);
    FtObject *value;
    ssize_t ix = dict_lookup(mp, key, hash, &value);
    if (ix == DKIX_ERROR) {
        result = NULL;
    } else if (ix == DKIX_EMPTY || value == NULL) {
        missing = 1;
    } else {
        result = ft_newref(value);
        delitem_at(mp, hash, ix);
    }
    LK_END_CRITICAL();
    if (missing) {
        if (dflt)
            return ft_newref(dflt);
        set_key_error(key);
    }
    return result;
}

/* For the collector: untrack a dict that holds nothing that may be part of a cycle
 * (CPython's _PyDict_MaybeUntrack). */
void ft_dict_maybe_untrack(FtObject *d) {
    FtDict *mp = (FtDict *)d;
    if (!ft_dict_check_exact(d) || !ft_gc_is_tracked(d))
        return;
    FtDictKeys *dk = mp->keys;
    DictEntry *ep = DK_ENTRIES(dk);
    for (ssize_t i = 0, n = dk->nentries; i < n; i++) {
        if (ep[i].value && (may_be_tracked(ep[i].value) || may_be_tracked(ep[i].key)))
            return;
    }
    ft_gc_untrack(d);
}

/* ---- slots ------------------------------------------------------------------------------ */

static void dict_dealloc(FtObject *o) {
    FtDict *mp = (FtDict *)o;
    FtType *tp = FT_TYPE(o);
    if (ft_gc_is_tracked(o))
        ft_gc_untrack(o);
    if (ft_trashcan_begin(o, dict_dealloc))
        return;
    FtDictKeys *keys = mp->keys;
    mp->keys = EMPTY_KEYS;
    mp->used = 0;
    if (keys && keys != EMPTY_KEYS) {
        DictEntry *ep = DK_ENTRIES(keys);
        for (ssize_t i = 0, n = keys->nentries; i < n; i++) {
            if (ep[i].value) {
                FT_DECREF(ep[i].key);
                FT_DECREF(ep[i].value);
            }
            /* The table is detached and the dict untracked, unreachable: safe to pause. */
            LK_POLL_STOP_THE_WORLD(i + 1);
        }
        ft_mem_free(keys);
    }
    if (tp == &ft_dict_type) {
        ft_gc_free(o);
        ft_trashcan_end();
        return;
    }
    if (tp->tp_free)
        tp->tp_free(o);
    else
        ft_gc_free(o);
    if (tp->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(tp);
    ft_trashcan_end();
}

static int dict_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    FtDictKeys *keys = ((FtDict *)o)->keys;
    DictEntry *ep = DK_ENTRIES(keys);
    for (ssize_t i = 0, n = keys->nentries; i < n; i++) {
        if (ep[i].value) {
            VISIT(ep[i].key);
            VISIT(ep[i].value);
        }
    }
    return 0;
}

static int dict_tp_clear(FtObject *o) {
    ft_dict_clear(o);
    return 0;
}

static FtObject *dict_repr(FtObject *o) {
    int r = ft_repr_enter(o);
    if (r != 0)
        return r > 0 ? ft_str_from_cstr("{...}") : NULL;
    if (ft_dict_size(o) == 0) {
        ft_repr_leave(o);
        return ft_str_from_cstr("{}");
    }
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (ft_sb_append_char(&sb, '{') < 0)
        goto fail;
    ssize_t pos = 0;
    FtObject *key, *value;
    bool first = true;
    /* New references (a repr may delete the entry; so may another thread). */
    while (dict_next_ref(o, &pos, &key, &value)) {
        int e = (!first && ft_sb_append_cstr(&sb, ", ") < 0) || ft_sb_append_repr(&sb, key) < 0 ||
                ft_sb_append_cstr(&sb, ": ") < 0 || ft_sb_append_repr(&sb, value) < 0;
        FT_DECREF(key);
        FT_DECREF(value);
        if (e)
            goto fail;
        first = false;
    }
    if (ft_sb_append_char(&sb, '}') < 0)
        goto fail;
    ft_repr_leave(o);
    return ft_sb_finish(&sb);
fail:
    ft_repr_leave(o);
    ft_sb_discard(&sb);
    return NULL;
}

static ssize_t dict_length(FtObject *o) { return ft_dict_size(o); }

/* d[key], calling a subclass's __missing__ for an absent key. */
static FtObject *dict_subscript(FtObject *o, FtObject *key) {
    ft_hash_t hash = key_hash(key);
    if (hash == -1)
        return NULL;
    FtObject *value = ft_dict_get_ref_known_hash(o, key, hash);
    if (value)
        return value;
    if (ft_err_occurred())
        return NULL;
    if (!ft_dict_check_exact(o)) {
        FtObject *missing = ft_type_lookup(FT_TYPE(o), FT_ID(__missing__));
        if (missing) {
            FtObject *bound;
            FtType *mt = FT_TYPE(missing);
            if (mt->tp_flags & FT_TPFLAGS_METHOD_DESCRIPTOR) {
                FtObject *args[2] = {o, key};
                return ft_object_vectorcall(missing, args, 2, NULL);
            }
            if (mt->tp_descr_get) {
                bound = mt->tp_descr_get(missing, o, (FtObject *)FT_TYPE(o));
                if (!bound)
                    return NULL;
            } else {
                bound = ft_newref(missing);
            }
            FtObject *r = ft_object_call_one(bound, key);
            FT_DECREF(bound);
            return r;
        }
    }
    set_key_error(key);
    return NULL;
}

static int dict_ass_sub(FtObject *o, FtObject *key, FtObject *value) {
    if (value == NULL)
        return ft_dict_del(o, key);
    return ft_dict_set(o, key, value);
}

static int dict_sq_contains(FtObject *o, FtObject *key) { return ft_dict_contains(o, key); }

/* 1 equal, 0 not, -1 error. */
static int dict_equal(FtDict *a, FtDict *b) {
    if (a->used != b->used)
        return 0;
    for (ssize_t i = 0; i < a->keys->nentries; i++) {
        DictEntry *ep = &DK_ENTRIES(a->keys)[i];
        FtObject *aval = ep->value;
        if (!aval)
            continue;
        FtObject *key = ep->key;
        ft_hash_t hash = ep->hash;
        FT_INCREF(aval);
        FT_INCREF(key);
        FtObject *bval;
        ssize_t ix = dict_lookup(b, key, hash, &bval);
        if (ix == DKIX_ERROR || !bval) {
            FT_DECREF(key);
            FT_DECREF(aval);
            return ix == DKIX_ERROR ? -1 : 0;
        }
        FT_INCREF(bval);
        int cmp = ft_object_richcompare_bool(aval, bval, FT_EQ);
        FT_DECREF(key);
        FT_DECREF(aval);
        FT_DECREF(bval);
        if (cmp <= 0)
            return cmp;
    }
    return 1;
}

static FtObject *dict_richcompare(FtObject *v, FtObject *w, int op) {
    if (!ft_dict_check(v) || !ft_dict_check(w) || (op != FT_EQ && op != FT_NE))
        FT_RETURN_NOTIMPLEMENTED;
    int cmp = dict_equal((FtDict *)v, (FtDict *)w);
    if (cmp < 0)
        return NULL;
    return ft_bool_from(op == FT_EQ ? cmp : !cmp);
}

static FtObject *dict_or(FtObject *a, FtObject *b) {
    if (!ft_dict_check(a) || !ft_dict_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    FtObject *n = ft_dict_copy(a);
    if (!n)
        return NULL;
    if (dict_update_arg(n, b) < 0) {
        FT_DECREF(n);
        return NULL;
    }
    return n;
}

static FtObject *dict_ior(FtObject *a, FtObject *b) {
    if (dict_update_arg(a, b) < 0)
        return NULL;
    return ft_newref(a);
}

static FtObject *dict_new(FtType *type, FtObject *args, FtObject *kwargs) {
    if (type == &ft_dict_type)
        return ft_dict_new();
    FtDict *mp = (FtDict *)(type->tp_alloc ? type->tp_alloc(type, 0) : ft_type_generic_alloc(type, 0));
    if (!mp)
        return NULL;
    mp->keys = EMPTY_KEYS;
    mp->used = 0;
    bump_version(mp);
    if (!ft_gc_is_tracked((FtObject *)mp))
        ft_gc_track((FtObject *)mp);
    return (FtObject *)mp;
}

/* The keyword arguments of dict(...) / update(...): merged after the positional one. */
static int merge_kwargs_dict(FtObject *self, FtObject *kwargs) {
    if (!kwargs || ft_dict_size(kwargs) == 0)
        return 0;
    return ft_dict_merge(self, kwargs, 1);
}

static int dict_init(FtObject *self, FtObject *args, FtObject *kwargs) {
    ssize_t n = FT_SIZE(args);
    if (n > 1) {
        ft_err_format(ft_exc_TypeError, "dict expected at most 1 argument, got %zd", n);
        return -1;
    }
    if (n == 1 && dict_update_arg(self, FT_TUPLE_GET(args, 0)) < 0)
        return -1;
    return merge_kwargs_dict(self, kwargs);
}

/* ---- methods ---------------------------------------------------------------------------- */

static FtObject *dictview_new(FtObject *dict, FtType *type);

static FtObject *dict_keys_meth(FtObject *self, FtObject *unused) {
    return dictview_new(self, &dict_keys_type);
}

static FtObject *dict_values_meth(FtObject *self, FtObject *unused) {
    return dictview_new(self, &dict_values_type);
}

static FtObject *dict_items_meth(FtObject *self, FtObject *unused) {
    return dictview_new(self, &dict_items_type);
}

static FtObject *dict_get_meth(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("get", nargs, 1, 2) < 0)
        return NULL;
    ft_hash_t hash = key_hash(args[0]);
    if (hash == -1)
        return NULL;
    FtObject *value = ft_dict_get_ref_known_hash(self, args[0], hash);
    if (value)
        return value;
    if (ft_err_occurred())
        return NULL;
    return ft_newref(nargs > 1 ? args[1] : FT_NONE);
}

static FtObject *dict_setdefault_meth(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("setdefault", nargs, 1, 2) < 0)
        return NULL;
    return dict_setdefault_impl(self, args[0], nargs > 1 ? args[1] : FT_NONE, true);
}

static FtObject *dict_pop_meth(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("pop", nargs, 1, 2) < 0)
        return NULL;
    return ft_dict_pop(self, args[0], nargs > 1 ? args[1] : NULL);
}

static FtObject *dict_popitem_meth(FtObject *self, FtObject *unused) {
    FtDict *mp = (FtDict *)self;
    /* Allocate the result first, so that a failure cannot lose the item. */
    FtObject *res = ft_tuple_new(2);
    if (!res)
        return NULL;
    int empty = 0;
    LK_BEGIN_CRITICAL(mp);
    if (mp->used == 0) {
        empty = 1;
    } else {
        FtDictKeys *dk = mp->keys;
        DictEntry *ep0 = DK_ENTRIES(dk);
        ssize_t i = dk->nentries - 1;
        while (i >= 0 && ep0[i].value == NULL)
            i--;
        DictEntry *ep = &ep0[i];
        size_t slot = lookdict_index(dk, ep->hash, i);
        dk_set_index(dk, slot, DKIX_DUMMY);
        FT_TUPLE_SET(res, 0, ep->key);
        FT_TUPLE_SET(res, 1, ep->value);
        ep->key = NULL;
        ep->value = NULL;
        /* The trailing holes are reusable: popitem() then setitem() does not grow. */
        dk->nentries = i;
        SET_USED(mp, mp->used - 1);
        bump_version(mp);
    }
    LK_END_CRITICAL();
    if (empty) {
        FT_DECREF(res);
        ft_err_set_string(ft_exc_KeyError, "popitem(): dictionary is empty");
        return NULL;
    }
    return res;
}

static FtObject *dict_update_meth(FtObject *self, FtObject *const *args, ssize_t nargs,
                                  FtObject *kwnames) {
    if (nargs > 1) {
        ft_err_format(ft_exc_TypeError, "update expected at most 1 argument, got %zd", nargs);
        return NULL;
    }
    if (nargs == 1 && dict_update_arg(self, args[0]) < 0)
        return NULL;
    if (kwnames) {
        for (ssize_t i = 0; i < FT_SIZE(kwnames); i++)
            if (ft_dict_set(self, FT_TUPLE_GET(kwnames, i), args[nargs + i]) < 0)
                return NULL;
    }
    FT_RETURN_NONE;
}

static FtObject *dict_fromkeys(FtObject *cls, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("fromkeys", nargs, 1, 2) < 0)
        return NULL;
    FtObject *iterable = args[0];
    FtObject *value = nargs > 1 ? args[1] : FT_NONE;
    FtObject *d = ft_object_call_noargs(cls);
    if (!d)
        return NULL;
    bool exact = ft_dict_check_exact(d);
    if (exact && ((FtDict *)d)->used == 0) {
        ssize_t n = -1;
        if (ft_dict_check_exact(iterable))
            n = ft_dict_size(iterable);
        else if (FT_TYPE(iterable) == &ft_set_type || FT_TYPE(iterable) == &ft_frozenset_type)
            n = ft_set_size(iterable);
        if (n > 5 && dict_resize((FtDict *)d, estimate_log2_keysize(n)) < 0) {
            FT_DECREF(d);
            return NULL;
        }
    }
    FtObject *it = ft_object_getiter(iterable);
    if (!it) {
        FT_DECREF(d);
        return NULL;
    }
    FtObject *key;
    while ((key = ft_iter_next(it)) != NULL) {
        int st = exact ? ft_dict_set(d, key, value) : ft_object_setitem(d, key, value);
        FT_DECREF(key);
        if (st < 0) {
            FT_DECREF(it);
            FT_DECREF(d);
            return NULL;
        }
    }
    FT_DECREF(it);
    if (ft_err_occurred()) {
        FT_DECREF(d);
        return NULL;
    }
    return d;
}

static FtObject *dict_copy_meth(FtObject *self, FtObject *unused) { return ft_dict_copy(self); }

static FtObject *dict_clear_meth(FtObject *self, FtObject *unused) {
    ft_dict_clear(self);
    FT_RETURN_NONE;
}

static FtObject *dict_contains_meth(FtObject *self, FtObject *key) {
    int r = ft_dict_contains(self, key);
    if (r < 0)
        return NULL;
    return ft_bool_from(r);
}

static FtObject *dict_getitem_meth(FtObject *self, FtObject *key) {
    return dict_subscript(self, key);
}

static FtObject *dictiter_make(FtObject *dict, FtType *type);

static FtObject *dict_reversed_meth(FtObject *self, FtObject *unused) {
    return dictiter_make(self, &dict_revkeyiter_type);
}

static FtObject *dict_sizeof_meth(FtObject *self, FtObject *unused) {
    FtDictKeys *dk = ((FtDict *)self)->keys;
    ssize_t n = (ssize_t)sizeof(FtDict);
    if (dk != EMPTY_KEYS)
        n += (ssize_t)sizeof(FtDictKeys) + ((ssize_t)1 << dk->log2_index_bytes) +
             (dk->usable + dk->nentries) * (ssize_t)sizeof(DictEntry);
    return ft_int_from_ssize(n);
}

static FtMethodDef dict_methods[] = {
    {"__class_getitem__", (void *)ft_generic_alias_class_getitem, FT_METH_O | FT_METH_CLASS,
     "See PEP 585"},
    {"__contains__", (void *)dict_contains_meth, FT_METH_O,
     "True if the dictionary has the specified key, else False."},
    {"__getitem__", (void *)dict_getitem_meth, FT_METH_O, "x.__getitem__(y) <==> x[y]"},
    {"__sizeof__", (void *)dict_sizeof_meth, FT_METH_NOARGS, NULL},
    {"get", (void *)dict_get_meth, FT_METH_FASTCALL,
     "Return the value for key if key is in the dictionary, else default."},
    {"setdefault", (void *)dict_setdefault_meth, FT_METH_FASTCALL,
     "Insert key with a value of default if key is not in the dictionary."},
    {"pop", (void *)dict_pop_meth, FT_METH_FASTCALL,
     "D.pop(k[,d]) -> v, remove specified key and return the corresponding value."},
    {"popitem", (void *)dict_popitem_meth, FT_METH_NOARGS,
     "Remove and return a (key, value) pair as a 2-tuple."},
    {"keys", (void *)dict_keys_meth, FT_METH_NOARGS,
     "D.keys() -> a set-like object providing a view on D's keys"},
    {"items", (void *)dict_items_meth, FT_METH_NOARGS,
     "D.items() -> a set-like object providing a view on D's items"},
    {"values", (void *)dict_values_meth, FT_METH_NOARGS,
     "D.values() -> an object providing a view on D's values"},
    {"update", (void *)dict_update_meth, FT_METH_FASTCALL | FT_METH_KEYWORDS,
     "D.update([E, ]**F) -> None.  Update D from dict/iterable E and F."},
    {"fromkeys", (void *)dict_fromkeys, FT_METH_FASTCALL | FT_METH_CLASS,
     "Create a new dictionary with keys from iterable and values set to value."},
    {"clear", (void *)dict_clear_meth, FT_METH_NOARGS, "D.clear() -> None.  Remove all items from D."},
    {"copy", (void *)dict_copy_meth, FT_METH_NOARGS, "D.copy() -> a shallow copy of D"},
    {"__reversed__", (void *)dict_reversed_meth, FT_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

static FtNumberMethods dict_as_number = {
    .nb_or = dict_or,
    .nb_inplace_or = dict_ior,
};

static FtSequenceMethods dict_as_sequence = {
    .sq_contains = dict_sq_contains,
};

static FtMappingMethods dict_as_mapping = {
    .mp_length = dict_length,
    .mp_subscript = dict_subscript,
    .mp_ass_subscript = dict_ass_sub,
};

FtType ft_dict_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "dict",
    .tp_basicsize = sizeof(FtDict),
    .tp_dealloc = dict_dealloc,
    .tp_repr = dict_repr,
    .tp_as_number = &dict_as_number,
    .tp_as_sequence = &dict_as_sequence,
    .tp_as_mapping = &dict_as_mapping,
    .tp_hash = ft_object_hash_not_implemented,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE | FT_TPFLAGS_DICT_SUBCLASS,
    .tp_doc = "dict() -> new empty dictionary\ndict(mapping) -> new dictionary initialized "
              "from a mapping object's\n    (key, value) pairs\ndict(iterable) -> new "
              "dictionary initialized as if via:\n    d = {}\n    for k, v in iterable:\n"
              "        d[k] = v\ndict(**kwargs) -> new dictionary initialized with the "
              "name=value pairs\n    in the keyword argument list.  For example:  "
              "dict(one=1, two=2)",
    .tp_traverse = dict_traverse,
    .tp_clear = dict_tp_clear,
    .tp_richcompare = dict_richcompare,
    .tp_iter = dict_iter,
    .tp_methods = dict_methods,
    .tp_init = dict_init,
    .tp_new = dict_new,
};

/* ---- iterators ---------------------------------------------------------------------------- */

typedef struct DictIter {
    FtObject ob_base;
    FtObject *dict;  /* NULL once exhausted (GIL builds) */
    ssize_t used;    /* the dict's size when iteration began (-1 after a size error) */
    ssize_t pos;     /* DICTITER_DONE once exhausted (free-threaded builds) */
    ssize_t len;
} DictIter;

/* Free-threaded builds: two threads may call next() on one iterator. Its fields change under
 * the dict's critical section, and the dict stays referenced until the iterator dies (a
 * thread that read `dict` may still be using it); exhaustion is marked in `pos`. */
#define DICTITER_DONE (-SSIZE_MAX - 1)

static FtObject *dictiter_make(FtObject *dict, FtType *type) {
    DictIter *di = (DictIter *)ft_gc_alloc(type);
    if (!di)
        return NULL;
    FtDict *mp = (FtDict *)dict;
    di->dict = ft_newref(dict);
    bool rev = type == &dict_revkeyiter_type || type == &dict_revvalueiter_type ||
               type == &dict_revitemiter_type;
    LK_BEGIN_CRITICAL(dict);
    di->used = mp->used;
    di->len = mp->used;
    di->pos = rev ? (mp->used ? mp->keys->nentries - 1 : -1) : 0;
    LK_END_CRITICAL();
    ft_gc_track((FtObject *)di);
    return (FtObject *)di;
}

static FtObject *dict_iter(FtObject *o) { return dictiter_make(o, &dict_keyiter_type); }

static void dictiter_dealloc(FtObject *o) {
    ft_gc_untrack(o);
    FT_XDECREF(((DictIter *)o)->dict);
    ft_gc_free(o);
}

static int dictiter_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    VISIT(((DictIter *)o)->dict);
    return 0;
}

static FtObject *iter_self(FtObject *o) { return ft_newref(o); }

/* The next live entry (forward or backward) or NULL, with the CPython errors. */
static DictEntry *dictiter_step(DictIter *di, bool reverse) {
    FtDict *d = (FtDict *)di->dict;
    if (!d || di->pos == DICTITER_DONE)
        return NULL;
    if (di->used != d->used) {
        ft_err_set_string(ft_exc_RuntimeError, "dictionary changed size during iteration");
        di->used = -1; /* sticky */
        return NULL;
    }
    FtDictKeys *dk = d->keys;
    DictEntry *entries = DK_ENTRIES(dk);
    ssize_t i = di->pos;
    if (reverse) {
        if (i >= dk->nentries)
            i = dk->nentries - 1;
        while (i >= 0 && entries[i].value == NULL)
            i--;
        if (i < 0)
            goto fail;
        di->pos = i - 1;
    } else {
        ssize_t n = dk->nentries;
        while (i < n && entries[i].value == NULL)
            i++;
        if (i >= n)
            goto fail;
        di->pos = i + 1;
    }
    if (di->len == 0) {
        /* Same size but a different key set: the dict was changed under us. */
        ft_err_set_string(ft_exc_RuntimeError, "dictionary keys changed during iteration");
        goto fail;
    }
    di->len--;
    return &entries[i];
fail:
#if FT_FREE_THREADED
    di->pos = DICTITER_DONE;
#else
    di->dict = NULL; /* the caller drops the reference, outside the critical section */
#endif
    return NULL;
}

/* One step under the dict's critical section (another thread may be resizing it); the
 * key and / or value are referenced before it ends. what: 0 key, 1 value, 2 item. */
static FtObject *dictiter_next(FtObject *o, bool reverse, int what) {
    DictIter *di = (DictIter *)o;
    FtObject *d = di->dict;
    if (!d)
        return NULL;
    FtObject *key = NULL, *value = NULL;
    DictEntry *ep;
    LK_BEGIN_CRITICAL(d);
    ep = dictiter_step(di, reverse);
    if (ep) {
        if (what != 1)
            key = ft_newref(ep->key);
        if (what != 0)
            value = ft_newref(ep->value);
    }
    LK_END_CRITICAL();
    if (!ep) {
        if (!di->dict)
            FT_DECREF(d);
        return NULL;
    }
    if (what == 0)
        return key;
    if (what == 1)
        return value;
    FtObject *item = ft_tuple_pack(2, key, value);
    FT_DECREF(key);
    FT_DECREF(value);
    return item;
}

static FtObject *dictiter_key_next(FtObject *o) { return dictiter_next(o, false, 0); }
static FtObject *dictiter_value_next(FtObject *o) { return dictiter_next(o, false, 1); }
static FtObject *dictiter_item_next(FtObject *o) { return dictiter_next(o, false, 2); }
static FtObject *dictiter_revkey_next(FtObject *o) { return dictiter_next(o, true, 0); }
static FtObject *dictiter_revvalue_next(FtObject *o) { return dictiter_next(o, true, 1); }
static FtObject *dictiter_revitem_next(FtObject *o) { return dictiter_next(o, true, 2); }

static FtObject *dictiter_len(FtObject *o, FtObject *unused) {
    DictIter *di = (DictIter *)o;
    ssize_t n = 0;
    FtObject *d = di->dict;
    if (d) {
        LK_BEGIN_CRITICAL(d);
        if (di->pos != DICTITER_DONE && di->used == ((FtDict *)d)->used)
            n = di->len;
        LK_END_CRITICAL();
    }
    return ft_int_from_ssize(n);
}

static FtMethodDef dictiter_methods[] = {
    {"__length_hint__", (void *)dictiter_len, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

#define DICT_ITER_TYPE(cname, pyname, nextfn)                                  \
    static FtType cname = {                                                    \
        .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },                     \
        .tp_name = pyname,                                                     \
        .tp_basicsize = sizeof(DictIter),                                      \
        .tp_dealloc = dictiter_dealloc,                                        \
        .tp_flags = FT_TPFLAGS_HAVE_GC,                                        \
        .tp_traverse = dictiter_traverse,                                      \
        .tp_iter = iter_self,                                                  \
        .tp_iternext = nextfn,                                                 \
        .tp_methods = dictiter_methods,                                        \
    }

DICT_ITER_TYPE(dict_keyiter_type, "dict_keyiterator", dictiter_key_next);
DICT_ITER_TYPE(dict_valueiter_type, "dict_valueiterator", dictiter_value_next);
DICT_ITER_TYPE(dict_itemiter_type, "dict_itemiterator", dictiter_item_next);
DICT_ITER_TYPE(dict_revkeyiter_type, "dict_reversekeyiterator", dictiter_revkey_next);
DICT_ITER_TYPE(dict_revvalueiter_type, "dict_reversevalueiterator", dictiter_revvalue_next);
DICT_ITER_TYPE(dict_revitemiter_type, "dict_reverseitemiterator", dictiter_revitem_next);

/* ---- views ---------------------------------------------------------------------------------- */

typedef struct DictView {
    FtObject ob_base;
    FtObject *dict;
} DictView;

#define VIEW_DICT(o) (((DictView *)(o))->dict)
#define is_keys_view(o) (FT_TYPE(o) == &dict_keys_type)
#define is_items_view(o) (FT_TYPE(o) == &dict_items_type)
#define is_set_view(o) (is_keys_view(o) || is_items_view(o))

static FtObject *dictview_new(FtObject *dict, FtType *type) {
    DictView *dv = (DictView *)ft_gc_alloc(type);
    if (!dv)
        return NULL;
    dv->dict = ft_newref(dict);
    ft_gc_track((FtObject *)dv);
    return (FtObject *)dv;
}

static void dictview_dealloc(FtObject *o) {
    ft_gc_untrack(o);
    FT_XDECREF(VIEW_DICT(o));
    ft_gc_free(o);
}

static int dictview_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    VISIT(VIEW_DICT(o));
    return 0;
}

static ssize_t dictview_len(FtObject *o) { return ft_dict_size(VIEW_DICT(o)); }

static FtObject *dictview_repr(FtObject *o) {
    int r = ft_repr_enter(o);
    if (r != 0)
        return r > 0 ? ft_str_from_cstr("...") : NULL;
    FtObject *seq = ft_sequence_list(o);
    FtObject *res = seq ? ft_str_from_format("%s(%R)", FT_TYPE(o)->tp_name, seq) : NULL;
    FT_XDECREF(seq);
    ft_repr_leave(o);
    return res;
}

static FtObject *dictkeys_iter(FtObject *o) {
    return dictiter_make(VIEW_DICT(o), &dict_keyiter_type);
}
static FtObject *dictvalues_iter(FtObject *o) {
    return dictiter_make(VIEW_DICT(o), &dict_valueiter_type);
}
static FtObject *dictitems_iter(FtObject *o) {
    return dictiter_make(VIEW_DICT(o), &dict_itemiter_type);
}
static FtObject *dictkeys_reversed(FtObject *o, FtObject *unused) {
    return dictiter_make(VIEW_DICT(o), &dict_revkeyiter_type);
}
static FtObject *dictvalues_reversed(FtObject *o, FtObject *unused) {
    return dictiter_make(VIEW_DICT(o), &dict_revvalueiter_type);
}
static FtObject *dictitems_reversed(FtObject *o, FtObject *unused) {
    return dictiter_make(VIEW_DICT(o), &dict_revitemiter_type);
}

static int dictkeys_contains(FtObject *o, FtObject *key) {
    return ft_dict_contains(VIEW_DICT(o), key);
}

static int dictitems_contains(FtObject *o, FtObject *obj) {
    if (!ft_tuple_check(obj) || FT_SIZE(obj) != 2)
        return 0;
    FtObject *key = FT_TUPLE_GET(obj, 0), *value = FT_TUPLE_GET(obj, 1);
    FtObject *found = ft_dict_get(VIEW_DICT(o), key);
    if (!found)
        return ft_err_occurred() ? -1 : 0;
    FT_INCREF(found);
    int r = ft_object_richcompare_bool(found, value, FT_EQ);
    FT_DECREF(found);
    return r;
}

static FtObject *dictview_mapping(FtObject *o, void *closure) {
    return ft_mappingproxy_new(VIEW_DICT(o));
}

/* Every item of a is in b: 1, 0, -1. */
static int all_contained_in(FtObject *a, FtObject *b) {
    FtObject *it = ft_object_getiter(a);
    if (!it)
        return -1;
    int ok = 1;
    FtObject *item;
    while ((item = ft_iter_next(it)) != NULL) {
        ok = ft_sequence_contains(b, item);
        FT_DECREF(item);
        if (ok <= 0)
            break;
    }
    FT_DECREF(it);
    if (ok > 0 && ft_err_occurred())
        return -1;
    return ok;
}

static FtObject *dictview_richcompare(FtObject *self, FtObject *other, int op) {
    if (!ft_anyset_check(other) && !is_set_view(other))
        FT_RETURN_NOTIMPLEMENTED;
    ssize_t len_self = ft_object_length(self);
    if (len_self < 0)
        return NULL;
    ssize_t len_other = ft_object_length(other);
    if (len_other < 0)
        return NULL;
    int ok = 0;
    switch (op) {
    case FT_NE:
    case FT_EQ:
        if (len_self == len_other)
            ok = all_contained_in(self, other);
        if (op == FT_NE && ok >= 0)
            ok = !ok;
        break;
    case FT_LT:
        if (len_self < len_other)
            ok = all_contained_in(self, other);
        break;
    case FT_LE:
        if (len_self <= len_other)
            ok = all_contained_in(self, other);
        break;
    case FT_GT:
        if (len_self > len_other)
            ok = all_contained_in(other, self);
        break;
    case FT_GE:
        if (len_self >= len_other)
            ok = all_contained_in(other, self);
        break;
    }
    if (ok < 0)
        return NULL;
    return ft_bool_from(ok);
}

static FtObject *dictviews_to_set(FtObject *self) {
    FtObject *left = self;
    if (is_keys_view(self) && ft_dict_check_exact(VIEW_DICT(self)))
        left = VIEW_DICT(self); /* the set constructor has a dict fast path */
    return ft_set_new(left);
}

static FtObject *set_then_method(FtObject *self, const char *meth, FtObject *other) {
    FtObject *result = dictviews_to_set(self);
    if (!result)
        return NULL;
    FtObject *tmp = ft_object_call_method_cstr(result, meth, &other, 1);
    if (!tmp) {
        FT_DECREF(result);
        return NULL;
    }
    FT_DECREF(tmp);
    return result;
}

static FtObject *dictviews_sub(FtObject *self, FtObject *other) {
    return set_then_method(self, "difference_update", other);
}

static FtObject *dictviews_or(FtObject *self, FtObject *other) {
    return set_then_method(self, "update", other);
}

static FtObject *dictviews_xor(FtObject *self, FtObject *other) {
    return set_then_method(self, "symmetric_difference_update", other);
}

static FtObject *dictviews_and(FtObject *self, FtObject *other) {
    /* The interpreter swaps the operands when the view is on the right. */
    if (!is_set_view(self)) {
        FtObject *t = self;
        self = other;
        other = t;
    }
    ssize_t len_self = dictview_len(self);
    if (FT_TYPE(other) == &ft_set_type) {
        ssize_t len_other = ft_set_size(other);
        if (len_self <= len_other)
            return ft_object_call_method_cstr(other, "intersection", &self, 1);
    }
    if (is_set_view(other) && dictview_len(other) > len_self) {
        FtObject *t = self;
        self = other;
        other = t;
    }
    FtObject *result = ft_set_new(NULL);
    if (!result)
        return NULL;
    FtObject *it = ft_object_getiter(other);
    if (!it) {
        FT_DECREF(result);
        return NULL;
    }
    int (*contains)(FtObject *, FtObject *) = is_keys_view(self) ? dictkeys_contains
                                                                 : dictitems_contains;
    FtObject *key;
    while ((key = ft_iter_next(it)) != NULL) {
        int rv = contains(self, key);
        if (rv > 0)
            rv = ft_set_add(result, key) < 0 ? -1 : 1;
        FT_DECREF(key);
        if (rv < 0) {
            FT_DECREF(it);
            FT_DECREF(result);
            return NULL;
        }
    }
    FT_DECREF(it);
    if (ft_err_occurred()) {
        FT_DECREF(result);
        return NULL;
    }
    return result;
}

static FtObject *dictviews_isdisjoint(FtObject *self, FtObject *other) {
    if (self == other)
        return ft_bool_from(dictview_len(self) == 0);
    /* Iterate over the shorter side when both have a cheap membership test. */
    if (ft_anyset_check(other) || is_set_view(other)) {
        ssize_t len_self = dictview_len(self);
        ssize_t len_other = ft_object_length(other);
        if (len_other < 0)
            return NULL;
        if (len_other > len_self) {
            FtObject *t = self;
            self = other;
            other = t;
        }
    }
    FtObject *it = ft_object_getiter(other);
    if (!it)
        return NULL;
    FtObject *item;
    while ((item = ft_iter_next(it)) != NULL) {
        int contains = ft_sequence_contains(self, item);
        FT_DECREF(item);
        if (contains != 0) {
            FT_DECREF(it);
            return contains < 0 ? NULL : ft_newref(FT_FALSE);
        }
    }
    FT_DECREF(it);
    if (ft_err_occurred())
        return NULL;
    FT_RETURN_TRUE;
}

static FtGetSetDef dictview_getset[] = {
    {"mapping", dictview_mapping, NULL,
     "dictionary that this view refers to", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static FtNumberMethods dictviews_as_number = {
    .nb_subtract = dictviews_sub,
    .nb_and = dictviews_and,
    .nb_xor = dictviews_xor,
    .nb_or = dictviews_or,
};

static FtSequenceMethods dictkeys_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictkeys_contains,
};

static FtSequenceMethods dictitems_as_sequence = {
    .sq_length = dictview_len,
    .sq_contains = dictitems_contains,
};

static FtSequenceMethods dictvalues_as_sequence = {
    .sq_length = dictview_len,
};

static FtMethodDef dictkeys_methods[] = {
    {"isdisjoint", (void *)dictviews_isdisjoint, FT_METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", (void *)dictkeys_reversed, FT_METH_NOARGS,
     "Return a reverse iterator over the dict keys."},
    {NULL, NULL, 0, NULL},
};

static FtMethodDef dictitems_methods[] = {
    {"isdisjoint", (void *)dictviews_isdisjoint, FT_METH_O,
     "Return True if the view and the given iterable have a null intersection."},
    {"__reversed__", (void *)dictitems_reversed, FT_METH_NOARGS,
     "Return a reverse iterator over the dict items."},
    {NULL, NULL, 0, NULL},
};

static FtMethodDef dictvalues_methods[] = {
    {"__reversed__", (void *)dictvalues_reversed, FT_METH_NOARGS,
     "Return a reverse iterator over the dict values."},
    {NULL, NULL, 0, NULL},
};

static FtType dict_keys_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "dict_keys",
    .tp_basicsize = sizeof(DictView),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictkeys_as_sequence,
    .tp_hash = ft_object_hash_not_implemented,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictkeys_iter,
    .tp_methods = dictkeys_methods,
    .tp_getset = dictview_getset,
};

static FtType dict_items_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "dict_items",
    .tp_basicsize = sizeof(DictView),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_number = &dictviews_as_number,
    .tp_as_sequence = &dictitems_as_sequence,
    .tp_hash = ft_object_hash_not_implemented,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_richcompare = dictview_richcompare,
    .tp_iter = dictitems_iter,
    .tp_methods = dictitems_methods,
    .tp_getset = dictview_getset,
};

static FtType dict_values_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "dict_values",
    .tp_basicsize = sizeof(DictView),
    .tp_dealloc = dictview_dealloc,
    .tp_repr = dictview_repr,
    .tp_as_sequence = &dictvalues_as_sequence,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = dictview_traverse,
    .tp_iter = dictvalues_iter,
    .tp_methods = dictvalues_methods,
    .tp_getset = dictview_getset,
};

int ft_dict_types_ready(void);
int ft_dict_types_ready(void) {
    FtType *types[] = {
        &ft_dict_type, &dict_keys_type, &dict_values_type, &dict_items_type,
        &dict_keyiter_type, &dict_valueiter_type, &dict_itemiter_type,
        &dict_revkeyiter_type, &dict_revvalueiter_type, &dict_revitemiter_type,
    };
    for (size_t i = 0; i < FT_ARRAY_LEN(types); i++)
        if (ft_type_ready(types[i]) < 0)
            return -1;
    return 0;
}
