/* set.c: set and frozenset, and their iterator.
 *
 * The table is CPython 3.11's Objects/setobject.c, kept algorithm for algorithm so that the
 * iteration order of a set is the same as CPython's (print({100, 5, 37}) prints
 * {5, 100, 37} in both): an open-addressing table of (key, hash) entries with a small table
 * of 8 inside the object, linear probing of LINEAR_PROBES slots, then perturbation; a
 * deleted slot holds the `dummy` key with hash -1; the table grows when fill*5 >= mask*3,
 * to used*4 (used*2 past 50000 entries). Operations that build sets (copy, |, &, -, ^) go
 * through the same paths as CPython's, since they determine the resulting order too.
 *
 * Comparisons can run Python code that mutates the set being searched: a probe re-checks
 * that the table and the entry are unchanged after each comparison and restarts if not. */
#include "core/object.h"
#include "gc/gc.h"
#include <string.h>

/* Writers of a set other threads may see hold its critical section; len() reads the size
 * without it. */
#define SET_USED(so, n) __atomic_store_n(&(so)->used, (n), __ATOMIC_RELAXED)

#define VISIT(o)                                          \
    do {                                                  \
        if (o) {                                          \
            int vret_ = visit((FtObject *)(o), arg);      \
            if (vret_)                                    \
                return vret_;                             \
        }                                                 \
    } while (0)

#define SET_MINSIZE 8
#define LINEAR_PROBES 9
#define PERTURB_SHIFT 5

typedef struct SetEntry {
    FtObject *key;
    ft_hash_t hash;
} SetEntry;

typedef struct FtSet {
    FtObject ob_base;
    ssize_t fill;      /* active + dummy entries */
    ssize_t used;      /* active entries */
    ssize_t mask;      /* table size - 1 */
    SetEntry *table;   /* smalltable or a heap block */
    ft_hash_t hash;    /* frozenset only; -1 until computed */
    ssize_t finger;    /* where pop() looks next */
    SetEntry smalltable[SET_MINSIZE];
    FtObject *weakreflist;
} FtSet;

/* The marker of a deleted entry: never a real object, never counted. */
static FtObject dummy_struct;
#define dummy (&dummy_struct)

#define ft_set_check_exact(o) (FT_TYPE(o) == &ft_set_type)
#define ft_frozenset_check_exact(o) (FT_TYPE(o) == &ft_frozenset_type)
#define anyset_check_exact(o) (ft_set_check_exact(o) || ft_frozenset_check_exact(o))
#define ft_set_check(o) ft_type_is_subtype(FT_TYPE(o), &ft_set_type)

static FtType setiter_type;

static inline ft_hash_t key_hash(FtObject *key) {
    if (ft_str_check_exact(key)) {
        ft_hash_t h = __atomic_load_n(&((FtStr *)key)->hash, __ATOMIC_RELAXED);
        if (h != -1)
            return h;
    }
    return ft_object_hash(key);
}

/* ---- the table ------------------------------------------------------------------------ */

static SetEntry *set_lookkey(FtSet *so, FtObject *key, ft_hash_t hash) {
restart:;
    SetEntry *table;
    SetEntry *entry;
    size_t perturb = (size_t)hash;
    size_t mask = (size_t)so->mask;
    size_t i = (size_t)hash & mask;
    int probes, cmp;
    for (;;) {
        entry = &so->table[i];
        probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                return entry;
            if (entry->hash == hash) {
                FtObject *startkey = entry->key;
                if (startkey == key)
                    return entry;
                if (ft_str_check_exact(startkey) && ft_str_check_exact(key) &&
                    ft_str_eq(startkey, key))
                    return entry;
                table = so->table;
                FT_INCREF(startkey);
                cmp = ft_object_richcompare_bool(startkey, key, FT_EQ);
                FT_DECREF(startkey);
                if (cmp < 0)
                    return NULL;
                if (table != so->table || entry->key != startkey)
                    goto restart;
                if (cmp > 0)
                    return entry;
                mask = (size_t)so->mask;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
}

static int set_table_resize(FtSet *so, ssize_t minused);

/* Add key (borrowed) with its hash. */
static int set_add_entry(FtSet *so, FtObject *key, ft_hash_t hash) {
    SetEntry *table, *freeslot, *entry;
    size_t perturb, mask, i;
    int probes, cmp;
    FT_INCREF(key);
restart:
    mask = (size_t)so->mask;
    i = (size_t)hash & mask;
    freeslot = NULL;
    perturb = (size_t)hash;
    for (;;) {
        entry = &so->table[i];
        probes = (i + LINEAR_PROBES <= mask) ? LINEAR_PROBES : 0;
        do {
            if (entry->hash == 0 && entry->key == NULL)
                goto found_unused_or_dummy;
            if (entry->hash == hash) {
                FtObject *startkey = entry->key;
                if (startkey == key)
                    goto found_active;
                if (ft_str_check_exact(startkey) && ft_str_check_exact(key) &&
                    ft_str_eq(startkey, key))
                    goto found_active;
                table = so->table;
                FT_INCREF(startkey);
                cmp = ft_object_richcompare_bool(startkey, key, FT_EQ);
                FT_DECREF(startkey);
                if (cmp > 0)
                    goto found_active;
                if (cmp < 0)
                    goto comparison_error;
                if (table != so->table || entry->key != startkey)
                    goto restart;
                mask = (size_t)so->mask;
            } else if (entry->hash == -1) {
                /* The LAST dummy on the probe path is reused, as in CPython 3.11:
                 * which slot is reused shows in the iteration order. */
                freeslot = entry;
            }
            entry++;
        } while (probes--);
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_unused_or_dummy:
    if (freeslot == NULL)
        goto found_unused;
    SET_USED(so, so->used + 1);
    freeslot->key = key;
    freeslot->hash = hash;
    return 0;
found_unused:
    so->fill++;
    SET_USED(so, so->used + 1);
    entry->key = key;
    entry->hash = hash;
    if ((size_t)so->fill * 5 < mask * 3)
        return 0;
    return set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
found_active:
    FT_DECREF(key);
    return 0;
comparison_error:
    FT_DECREF(key);
    return -1;
}

/* Insert into a table known to hold no dummies and not the key (steals the key). */
static void set_insert_clean(SetEntry *table, size_t mask, FtObject *key, ft_hash_t hash) {
    SetEntry *entry;
    size_t perturb = (size_t)hash;
    size_t i = (size_t)hash & mask;
    for (;;) {
        entry = &table[i];
        if (entry->key == NULL)
            goto found_null;
        if (i + LINEAR_PROBES <= mask) {
            for (size_t j = 0; j < LINEAR_PROBES; j++) {
                entry++;
                if (entry->key == NULL)
                    goto found_null;
            }
        }
        perturb >>= PERTURB_SHIFT;
        i = (i * 5 + 1 + perturb) & mask;
    }
found_null:
    entry->key = key;
    entry->hash = hash;
}

static int set_table_resize(FtSet *so, ssize_t minused) {
    SetEntry *oldtable, *newtable, *entry;
    ssize_t oldmask = so->mask;
    size_t newmask;
    int is_oldtable_malloced;
    SetEntry small_copy[SET_MINSIZE];

    size_t newsize = SET_MINSIZE;
    while (newsize <= (size_t)minused)
        newsize <<= 1;
    oldtable = so->table;
    is_oldtable_malloced = oldtable != so->smalltable;
    if (newsize == SET_MINSIZE) {
        newtable = so->smalltable;
        if (newtable == oldtable) {
            if (so->fill == so->used)
                return 0; /* nothing to do: no dummies, same size */
            memcpy(small_copy, oldtable, sizeof(small_copy));
            oldtable = small_copy;
        }
    } else {
        if (newsize > (size_t)SSIZE_MAX / sizeof(SetEntry)) {
            ft_err_no_memory();
            return -1;
        }
        newtable = ft_mem_alloc(newsize * sizeof(SetEntry));
        if (!newtable)
            return -1;
    }
    memset(newtable, 0, newsize * sizeof(SetEntry));
    so->mask = (ssize_t)newsize - 1;
    so->table = newtable;
    newmask = (size_t)so->mask;
    if (so->fill == so->used) {
        for (entry = oldtable; entry <= oldtable + oldmask; entry++)
            if (entry->key != NULL)
                set_insert_clean(newtable, newmask, entry->key, entry->hash);
    } else {
        so->fill = so->used;
        for (entry = oldtable; entry <= oldtable + oldmask; entry++)
            if (entry->key != NULL && entry->key != dummy)
                set_insert_clean(newtable, newmask, entry->key, entry->hash);
    }
    if (is_oldtable_malloced)
        ft_mem_free(oldtable);
    return 0;
}

static int set_contains_entry(FtSet *so, FtObject *key, ft_hash_t hash) {
    int r = -1;
    /* Another thread may be adding (resizing the table) or discarding. */
    LK_BEGIN_CRITICAL(so);
    SetEntry *entry = set_lookkey(so, key, hash);
    if (entry != NULL)
        r = entry->key != NULL;
    LK_END_CRITICAL();
    return r;
}

#define DISCARD_NOTFOUND 0
#define DISCARD_FOUND 1

static int set_discard_entry(FtSet *so, FtObject *key, ft_hash_t hash) {
    SetEntry *entry = set_lookkey(so, key, hash);
    if (entry == NULL)
        return -1;
    if (entry->key == NULL)
        return DISCARD_NOTFOUND;
    FtObject *old = entry->key;
    entry->key = dummy;
    entry->hash = -1;
    SET_USED(so, so->used - 1);
    FT_DECREF(old);
    return DISCARD_FOUND;
}

static int set_add_key(FtSet *so, FtObject *key) {
    ft_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    int r;
    LK_BEGIN_CRITICAL(so);
    r = set_add_entry(so, key, hash);
    LK_END_CRITICAL();
    return r;
}

static int set_contains_key(FtSet *so, FtObject *key) {
    ft_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    return set_contains_entry(so, key, hash);
}

static int set_discard_key(FtSet *so, FtObject *key) {
    ft_hash_t hash = key_hash(key);
    if (hash == -1)
        return -1;
    int r;
    LK_BEGIN_CRITICAL(so);
    r = set_discard_entry(so, key, hash);
    LK_END_CRITICAL();
    return r;
}

static void set_empty_to_minsize(FtSet *so) {
    memset(so->smalltable, 0, sizeof(so->smalltable));
    so->fill = 0;
    SET_USED(so, 0);
    so->mask = SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
}

/* Empty the set; the old entries are released after the set is consistent. */
static int set_clear_internal(FtSet *so) {
    SetEntry *table, *entry;
    ssize_t fill;
    int table_is_malloced;
    SetEntry small_copy[SET_MINSIZE];
    LK_BEGIN_CRITICAL(so);
    table = so->table;
    table_is_malloced = table != so->smalltable;
    fill = so->fill;
    if (!table_is_malloced && so->fill > 0) {
        memcpy(small_copy, table, sizeof(small_copy));
        table = small_copy;
    }
    set_empty_to_minsize(so);
    LK_END_CRITICAL();
    for (entry = table; fill > 0; entry++) {
        if (entry->key) {
            fill--;
            if (entry->key != dummy)
                FT_DECREF(entry->key);
        }
    }
    if (table_is_malloced)
        ft_mem_free(table);
    return 0;
}

/* Iterate over the active entries: *pos starts at 0. */
static int set_next_entry(FtSet *so, ssize_t *pos, SetEntry **out) {
    ssize_t i = *pos;
    ssize_t mask = so->mask;
    SetEntry *entry = &so->table[i];
    while (i <= mask && (entry->key == NULL || entry->key == dummy)) {
        i++;
        entry++;
    }
    *pos = i + 1;
    if (i > mask)
        return 0;
    *out = entry;
    return 1;
}

static int set_merge(FtSet *so, FtSet *other) {
    ssize_t i;
    SetEntry *so_entry, *other_entry;
    FtObject *key;
    if (other == so || other->used == 0)
        return 0;
    /* One big resize up front, rather than incremental ones while inserting. */
    if ((so->fill + other->used) * 5 >= so->mask * 3) {
        if (set_table_resize(so, (so->used + other->used) * 2) != 0)
            return -1;
    }
    so_entry = so->table;
    other_entry = other->table;
    /* Same size, empty target, no dummies to drop: copy the slots as they are. */
    if (so->fill == 0 && so->mask == other->mask && other->fill == other->used) {
        for (i = 0; i <= other->mask; i++, so_entry++, other_entry++) {
            key = other_entry->key;
            if (key != NULL) {
                so_entry->key = ft_newref(key);
                so_entry->hash = other_entry->hash;
            }
        }
        so->fill = other->fill;
        so->used = other->used;
        return 0;
    }
    if (so->fill == 0) {
        SetEntry *newtable = so->table;
        size_t newmask = (size_t)so->mask;
        so->fill = other->used;
        so->used = other->used;
        for (i = other->mask + 1; i > 0; i--, other_entry++) {
            key = other_entry->key;
            if (key != NULL && key != dummy)
                set_insert_clean(newtable, newmask, ft_newref(key), other_entry->hash);
        }
        return 0;
    }
    /* Duplicates are possible: ordinary insertions. */
    for (i = 0; i <= other->mask; i++) {
        other_entry = &other->table[i];
        key = other_entry->key;
        if (key != NULL && key != dummy) {
            if (set_add_entry(so, key, other_entry->hash))
                return -1;
        }
    }
    return 0;
}

static int set_update_internal(FtSet *so, FtObject *other) {
    if (ft_anyset_check(other)) {
        int r;
        LK_BEGIN_CRITICAL2(so, other);
        r = set_merge(so, (FtSet *)other);
        LK_END_CRITICAL2();
        return r;
    }
    if (ft_dict_check_exact(other)) {
        ssize_t dictsize = ft_dict_size(other);
        int r = 0;
        LK_BEGIN_CRITICAL(so);
        if ((so->fill + dictsize) * 5 >= so->mask * 3)
            r = set_table_resize(so, (so->used + dictsize) * 2);
        LK_END_CRITICAL();
        if (r != 0)
            return -1;
        ssize_t pos = 0;
        FtObject *key, *value;
        while (ft_dict_next(other, &pos, &key, &value)) {
            FT_INCREF(key);
            int r = set_add_key(so, key);
            FT_DECREF(key);
            if (r)
                return -1;
        }
        return 0;
    }
    FtObject *it = ft_object_getiter(other);
    if (!it)
        return -1;
    ft_iternextfunc next = FT_TYPE(it)->tp_iternext;
    FtObject *key;
    while ((key = next(it)) != NULL) {
        if (set_add_key(so, key)) {
            FT_DECREF(it);
            FT_DECREF(key);
            return -1;
        }
        FT_DECREF(key);
    }
    FT_DECREF(it);
    if (ft_err_occurred()) {
        if (!ft_err_matches(ft_exc_StopIteration))
            return -1;
        ft_err_clear();
    }
    return 0;
}

/* ---- construction ---------------------------------------------------------------------- */

static FtObject *make_new_set(FtType *type, FtObject *iterable) {
    FtSet *so;
    if (type == &ft_set_type || type == &ft_frozenset_type)
        so = (FtSet *)ft_gc_alloc(type);
    else
        so = (FtSet *)(type->tp_alloc ? type->tp_alloc(type, 0) : ft_type_generic_alloc(type, 0));
    if (!so)
        return NULL;
    so->fill = 0;
    so->used = 0;
    so->mask = SET_MINSIZE - 1;
    so->table = so->smalltable;
    so->hash = -1;
    so->finger = 0;
    so->weakreflist = NULL;
    if (!ft_gc_is_tracked((FtObject *)so))
        ft_gc_track((FtObject *)so);
    if (iterable != NULL && set_update_internal(so, iterable)) {
        FT_DECREF(so);
        return NULL;
    }
    return (FtObject *)so;
}

/* Results of operators are of the base type, never of a subclass. */
static FtObject *make_new_set_basetype(FtType *type, FtObject *iterable) {
    if (type != &ft_set_type && type != &ft_frozenset_type)
        type = ft_type_is_subtype(type, &ft_set_type) ? &ft_set_type : &ft_frozenset_type;
    return make_new_set(type, iterable);
}

FtObject *ft_set_new(FtObject *iterable) { return make_new_set(&ft_set_type, iterable); }

FtObject *ft_frozenset_new(FtObject *iterable) {
    return make_new_set(&ft_frozenset_type, iterable);
}

/* CPython's compiler turns a display of 3+ constants, {100, 5, 37}, into BUILD_SET 0,
 * LOAD_CONST frozenset, SET_UPDATE; the frozenset is built from the items and then rebuilt
 * from its own iteration order (compile.c's merge_consts_recursive). That double build
 * decides the order print({100, 5, 37}) shows ({5, 100, 37}), so the code generator
 * calls this to make the same constant. */
FtObject *ft_frozenset_fold_constant(FtObject *items) {
    FtObject *first = ft_frozenset_new(items);
    if (!first)
        return NULL;
    FtObject *order = ft_sequence_tuple(first);
    FT_DECREF(first);
    if (!order)
        return NULL;
    FtObject *r = ft_frozenset_new(order);
    FT_DECREF(order);
    return r;
}

int ft_set_add(FtObject *s, FtObject *key) { return set_add_key((FtSet *)s, key); }

int ft_set_update(FtObject *s, FtObject *iterable) {
    return set_update_internal((FtSet *)s, iterable) ? -1 : 0;
}

int ft_set_discard(FtObject *s, FtObject *key) { return set_discard_key((FtSet *)s, key); }

int ft_set_contains(FtObject *s, FtObject *key) { return set_contains_key((FtSet *)s, key); }

ssize_t ft_set_size(FtObject *s) { return __atomic_load_n(&((FtSet *)s)->used, __ATOMIC_RELAXED); }

int ft_set_next(FtObject *s, ssize_t *pos, FtObject **key, ft_hash_t *hash) {
    SetEntry *entry;
    if (!set_next_entry((FtSet *)s, pos, &entry))
        return 0;
    *key = entry->key;
    if (hash)
        *hash = entry->hash;
    return 1;
}

static void set_dealloc(FtObject *o) {
    FtSet *so = (FtSet *)o;
    FtType *tp = FT_TYPE(o);
    if (ft_gc_is_tracked(o))
        ft_gc_untrack(o);
    if (ft_trashcan_begin(o, set_dealloc))
        return;
    ssize_t used = so->used;
    for (SetEntry *entry = so->table; used > 0; entry++) {
        if (entry->key && entry->key != dummy) {
            used--;
            FT_DECREF(entry->key);
        }
    }
    if (so->table != so->smalltable)
        ft_mem_free(so->table);
    if (tp == &ft_set_type || tp == &ft_frozenset_type) {
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

static int set_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next_entry((FtSet *)o, &pos, &entry))
        VISIT(entry->key);
    return 0;
}

static int set_tp_clear(FtObject *o) { return set_clear_internal((FtSet *)o); }

static FtObject *set_new(FtType *type, FtObject *args, FtObject *kwargs) {
    if (type == &ft_set_type && kwargs && ft_dict_size(kwargs) > 0) {
        ft_err_set_string(ft_exc_TypeError, "set() takes no keyword arguments");
        return NULL;
    }
    return make_new_set(type, NULL);
}

static int set_init(FtObject *self, FtObject *args, FtObject *kwargs) {
    if (FT_TYPE(self) == &ft_set_type && kwargs && ft_dict_size(kwargs) > 0) {
        ft_err_set_string(ft_exc_TypeError, "set() takes no keyword arguments");
        return -1;
    }
    ssize_t n = FT_SIZE(args);
    if (n > 1) {
        ft_err_format(ft_exc_TypeError, "set expected at most 1 argument, got %zd", n);
        return -1;
    }
    FtSet *so = (FtSet *)self;
    if (so->fill)
        set_clear_internal(so);
    so->hash = -1;
    if (n == 1)
        return set_update_internal(so, FT_TUPLE_GET(args, 0));
    return 0;
}

static FtObject *frozenset_new(FtType *type, FtObject *args, FtObject *kwargs) {
    if (type == &ft_frozenset_type && kwargs && ft_dict_size(kwargs) > 0) {
        ft_err_set_string(ft_exc_TypeError, "frozenset() takes no keyword arguments");
        return NULL;
    }
    ssize_t n = FT_SIZE(args);
    if (n > 1) {
        ft_err_format(ft_exc_TypeError, "frozenset expected at most 1 argument, got %zd", n);
        return NULL;
    }
    FtObject *iterable = n ? FT_TUPLE_GET(args, 0) : NULL;
    if (type == &ft_frozenset_type && iterable && ft_frozenset_check_exact(iterable))
        return ft_newref(iterable);
    return make_new_set(type, iterable);
}

/* ---- repr, hash, comparisons ------------------------------------------------------------ */

static FtObject *set_repr(FtObject *o) {
    FtSet *so = (FtSet *)o;
    const char *name = ft_type_short_name(FT_TYPE(o));
    int status = ft_repr_enter(o);
    if (status != 0)
        return status < 0 ? NULL : ft_str_from_format("%s(...)", name);
    if (!so->used) {
        ft_repr_leave(o);
        return ft_str_from_format("%s()", name);
    }
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (!ft_set_check_exact(o)) {
        if (ft_sb_append_cstr(&sb, name) < 0 || ft_sb_append_char(&sb, '(') < 0)
            goto fail;
    }
    if (ft_sb_append_char(&sb, '{') < 0)
        goto fail;
    /* Snapshot the keys first: a key's repr may mutate the set. */
    FtObject *keys = ft_sequence_list(o);
    if (!keys)
        goto fail;
    for (ssize_t i = 0; i < FT_SIZE(keys); i++) {
        if ((i > 0 && ft_sb_append_cstr(&sb, ", ") < 0) ||
            ft_sb_append_repr(&sb, FT_LIST_GET(keys, i)) < 0) {
            FT_DECREF(keys);
            goto fail;
        }
    }
    FT_DECREF(keys);
    if (ft_sb_append_char(&sb, '}') < 0)
        goto fail;
    if (!ft_set_check_exact(o) && ft_sb_append_char(&sb, ')') < 0)
        goto fail;
    ft_repr_leave(o);
    return ft_sb_finish(&sb);
fail:
    ft_repr_leave(o);
    ft_sb_discard(&sb);
    return NULL;
}

static uint64_t shuffle_bits(uint64_t h) {
    return ((h ^ 89869747UL) ^ (h << 16)) * 3644798167UL;
}

static ft_hash_t frozenset_hash(FtObject *o) {
    FtSet *so = (FtSet *)o;
    if (so->hash != -1)
        return so->hash;
    uint64_t hash = 0;
    /* Xor of shuffled entry hashes: independent of order. Empty slots (hash 0) and dummies
     * (hash -1) are xored in and out again by parity. */
    for (SetEntry *entry = so->table; entry <= &so->table[so->mask]; entry++)
        hash ^= shuffle_bits((uint64_t)entry->hash);
    if ((so->mask + 1 - so->fill) & 1)
        hash ^= shuffle_bits(0);
    if ((so->fill - so->used) & 1)
        hash ^= shuffle_bits((uint64_t)-1);
    hash ^= ((uint64_t)so->used + 1) * 1927868237UL;
    hash ^= (hash >> 11) ^ (hash >> 25);
    hash = hash * 69069U + 907133923UL;
    if (hash == (uint64_t)-1)
        hash = 590923713UL;
    so->hash = (ft_hash_t)hash;
    return so->hash;
}

static FtObject *set_issubset_impl(FtSet *so, FtObject *other);
static FtObject *set_issuperset_impl(FtSet *so, FtObject *other);

static FtObject *set_richcompare(FtObject *v, FtObject *w, int op) {
    if (!ft_anyset_check(w) || !ft_anyset_check(v))
        FT_RETURN_NOTIMPLEMENTED;
    FtSet *a = (FtSet *)v, *b = (FtSet *)w;
    switch (op) {
    case FT_EQ:
        if (a->used != b->used)
            FT_RETURN_FALSE;
        if (a->hash != -1 && b->hash != -1 && a->hash != b->hash)
            FT_RETURN_FALSE;
        return set_issubset_impl(a, w);
    case FT_NE: {
        FtObject *r = set_richcompare(v, w, FT_EQ);
        if (!r)
            return NULL;
        int t = ft_object_is_true(r);
        FT_DECREF(r);
        return ft_bool_from(!t);
    }
    case FT_LE:
        return set_issubset_impl(a, w);
    case FT_GE:
        return set_issuperset_impl(a, w);
    case FT_LT:
        if (a->used >= b->used)
            FT_RETURN_FALSE;
        return set_issubset_impl(a, w);
    case FT_GT:
        if (a->used <= b->used)
            FT_RETURN_FALSE;
        return set_issuperset_impl(a, w);
    }
    FT_RETURN_NOTIMPLEMENTED;
}

static ssize_t set_len(FtObject *o) { return ft_set_size(o); }

static int set_sq_contains(FtObject *o, FtObject *key) {
    int rv = set_contains_key((FtSet *)o, key);
    if (rv < 0 && ft_set_check(key) && ft_err_matches(ft_exc_TypeError)) {
        /* A set looked up in a set: search for the equal frozenset. */
        ft_err_clear();
        FtObject *tmp = make_new_set(&ft_frozenset_type, key);
        if (!tmp)
            return -1;
        rv = set_contains_key((FtSet *)o, tmp);
        FT_DECREF(tmp);
    }
    return rv;
}

/* ---- set algebra ------------------------------------------------------------------------ */

static FtObject *set_copy(FtObject *so, FtObject *unused) {
    return make_new_set_basetype(FT_TYPE(so), so);
}

static FtObject *frozenset_copy(FtObject *so, FtObject *unused) {
    if (ft_frozenset_check_exact(so))
        return ft_newref(so);
    return set_copy(so, NULL);
}

static FtObject *set_intersection(FtSet *so, FtObject *other) {
    if ((FtObject *)so == other)
        return set_copy((FtObject *)so, NULL);
    FtSet *result = (FtSet *)make_new_set_basetype(FT_TYPE(so), NULL);
    if (!result)
        return NULL;
    if (ft_anyset_check(other)) {
        ssize_t pos = 0;
        SetEntry *entry;
        if (((FtSet *)other)->used > so->used) {
            FtObject *tmp = (FtObject *)so;
            so = (FtSet *)other;
            other = tmp;
        }
        while (set_next_entry((FtSet *)other, &pos, &entry)) {
            FtObject *key = entry->key;
            ft_hash_t hash = entry->hash;
            FT_INCREF(key);
            int rv = set_contains_entry(so, key, hash);
            if (rv > 0)
                rv = set_add_entry(result, key, hash) ? -1 : 1;
            FT_DECREF(key);
            if (rv < 0) {
                FT_DECREF(result);
                return NULL;
            }
        }
        return (FtObject *)result;
    }
    FtObject *it = ft_object_getiter(other);
    if (!it) {
        FT_DECREF(result);
        return NULL;
    }
    FtObject *key;
    while ((key = ft_iter_next(it)) != NULL) {
        ft_hash_t hash = key_hash(key);
        int rv = hash == -1 ? -1 : set_contains_entry(so, key, hash);
        if (rv > 0)
            rv = set_add_entry(result, key, hash) ? -1 : 1;
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
    return (FtObject *)result;
}

/* Exchange the contents of two sets (used by the in-place operations). */
static void set_swap_bodies(FtSet *a, FtSet *b) {
    ssize_t t;
    SetEntry *u;
    SetEntry tab[SET_MINSIZE];
    ft_hash_t h;
    t = a->fill; a->fill = b->fill; b->fill = t;
    t = a->used; a->used = b->used; b->used = t;
    t = a->mask; a->mask = b->mask; b->mask = t;
    u = a->table;
    if (a->table == a->smalltable)
        u = b->smalltable;
    a->table = b->table;
    if (b->table == b->smalltable)
        a->table = a->smalltable;
    b->table = u;
    if (a->table == a->smalltable || b->table == b->smalltable) {
        memcpy(tab, a->smalltable, sizeof(tab));
        memcpy(a->smalltable, b->smalltable, sizeof(tab));
        memcpy(b->smalltable, tab, sizeof(tab));
    }
    if (ft_type_is_subtype(FT_TYPE(a), &ft_frozenset_type) &&
        ft_type_is_subtype(FT_TYPE(b), &ft_frozenset_type)) {
        h = a->hash; a->hash = b->hash; b->hash = h;
    } else {
        a->hash = -1;
        b->hash = -1;
    }
}

static FtObject *set_intersection_multi(FtObject *so, FtObject *const *args, ssize_t nargs) {
    if (nargs == 0)
        return set_copy(so, NULL);
    FtObject *result = ft_newref(so);
    for (ssize_t i = 0; i < nargs; i++) {
        FtObject *newresult = set_intersection((FtSet *)result, args[i]);
        FT_DECREF(result);
        if (!newresult)
            return NULL;
        result = newresult;
    }
    return result;
}

static FtObject *set_intersection_update_multi(FtObject *so, FtObject *const *args,
                                               ssize_t nargs) {
    FtObject *tmp = set_intersection_multi(so, args, nargs);
    if (!tmp)
        return NULL;
    LK_BEGIN_CRITICAL(so);
    set_swap_bodies((FtSet *)so, (FtSet *)tmp);
    LK_END_CRITICAL();
    FT_DECREF(tmp);
    FT_RETURN_NONE;
}

static int set_difference_update_internal(FtSet *so, FtObject *other) {
    if ((FtObject *)so == other)
        return set_clear_internal(so);
    if (ft_anyset_check(other)) {
        /* A much larger other: only the common keys matter. */
        if ((((FtSet *)other)->used >> 3) > so->used) {
            other = set_intersection(so, other);
            if (!other)
                return -1;
        } else {
            FT_INCREF(other);
        }
        ssize_t pos = 0;
        SetEntry *entry;
        while (set_next_entry((FtSet *)other, &pos, &entry)) {
            FtObject *key = ft_newref(entry->key);
            int r;
            LK_BEGIN_CRITICAL(so);
            r = set_discard_entry(so, key, entry->hash);
            LK_END_CRITICAL();
            FT_DECREF(key);
            if (r < 0) {
                FT_DECREF(other);
                return -1;
            }
        }
        FT_DECREF(other);
    } else {
        FtObject *it = ft_object_getiter(other);
        if (!it)
            return -1;
        FtObject *key;
        while ((key = ft_iter_next(it)) != NULL) {
            if (set_discard_key(so, key) < 0) {
                FT_DECREF(it);
                FT_DECREF(key);
                return -1;
            }
            FT_DECREF(key);
        }
        FT_DECREF(it);
        if (ft_err_occurred())
            return -1;
    }
    /* More than a quarter dummies: resize them away. */
    int r = 0;
    LK_BEGIN_CRITICAL(so);
    if ((size_t)(so->fill - so->used) > (size_t)so->mask / 4)
        r = set_table_resize(so, so->used > 50000 ? so->used * 2 : so->used * 4);
    LK_END_CRITICAL();
    return r;
}

static FtObject *set_copy_and_difference(FtSet *so, FtObject *other) {
    FtObject *result = set_copy((FtObject *)so, NULL);
    if (!result)
        return NULL;
    if (set_difference_update_internal((FtSet *)result, other) == 0)
        return result;
    FT_DECREF(result);
    return NULL;
}

static FtObject *set_difference(FtSet *so, FtObject *other) {
    ssize_t other_size;
    if (ft_anyset_check(other))
        other_size = ((FtSet *)other)->used;
    else if (ft_dict_check_exact(other))
        other_size = ft_dict_size(other);
    else
        return set_copy_and_difference(so, other);
    /* A much larger so: copying it and removing other's keys is cheaper. */
    if ((so->used >> 2) > other_size)
        return set_copy_and_difference(so, other);
    FtSet *result = (FtSet *)make_new_set_basetype(FT_TYPE(so), NULL);
    if (!result)
        return NULL;
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next_entry(so, &pos, &entry)) {
        FtObject *key = ft_newref(entry->key);
        ft_hash_t hash = entry->hash;
        int rv;
        if (ft_dict_check_exact(other))
            rv = ft_dict_get_known_hash(other, key, hash) != NULL ? 1
                 : ft_err_occurred() ? -1 : 0;
        else
            rv = set_contains_entry((FtSet *)other, key, hash);
        if (rv == 0)
            rv = set_add_entry(result, key, hash) ? -1 : 0;
        FT_DECREF(key);
        if (rv < 0) {
            FT_DECREF(result);
            return NULL;
        }
    }
    return (FtObject *)result;
}

static FtObject *set_difference_multi(FtObject *so, FtObject *const *args, ssize_t nargs) {
    if (nargs == 0)
        return set_copy(so, NULL);
    FtObject *result = set_difference((FtSet *)so, args[0]);
    if (!result)
        return NULL;
    for (ssize_t i = 1; i < nargs; i++) {
        if (set_difference_update_internal((FtSet *)result, args[i])) {
            FT_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static FtObject *set_difference_update_meth(FtObject *so, FtObject *const *args, ssize_t nargs) {
    for (ssize_t i = 0; i < nargs; i++)
        if (set_difference_update_internal((FtSet *)so, args[i]))
            return NULL;
    FT_RETURN_NONE;
}

static FtObject *set_symmetric_difference_update(FtObject *o, FtObject *other) {
    FtSet *so = (FtSet *)o;
    if (o == other) {
        set_clear_internal(so);
        FT_RETURN_NONE;
    }
    if (ft_dict_check_exact(other)) {
        ssize_t pos = 0;
        FtObject *key, *value;
        while (ft_dict_next(other, &pos, &key, &value)) {
            FT_INCREF(key);
            ft_hash_t hash = key_hash(key);
            int rv = hash == -1 ? -1 : set_discard_entry(so, key, hash);
            if (rv == DISCARD_NOTFOUND)
                rv = set_add_entry(so, key, hash);
            FT_DECREF(key);
            if (rv < 0)
                return NULL;
        }
        FT_RETURN_NONE;
    }
    FtObject *otherset;
    if (ft_anyset_check(other))
        otherset = ft_newref(other);
    else if (!(otherset = make_new_set_basetype(FT_TYPE(so), other)))
        return NULL;
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next_entry((FtSet *)otherset, &pos, &entry)) {
        FtObject *key = ft_newref(entry->key);
        ft_hash_t hash = entry->hash;
        int rv;
        LK_BEGIN_CRITICAL(so);
        rv = set_discard_entry(so, key, hash);
        if (rv == DISCARD_NOTFOUND)
            rv = set_add_entry(so, key, hash);
        LK_END_CRITICAL();
        FT_DECREF(key);
        if (rv < 0) {
            FT_DECREF(otherset);
            return NULL;
        }
    }
    FT_DECREF(otherset);
    FT_RETURN_NONE;
}

static FtObject *set_symmetric_difference(FtObject *so, FtObject *other) {
    FtObject *otherset = make_new_set_basetype(FT_TYPE(so), other);
    if (!otherset)
        return NULL;
    FtObject *r = set_symmetric_difference_update(otherset, so);
    if (!r) {
        FT_DECREF(otherset);
        return NULL;
    }
    FT_DECREF(r);
    return otherset;
}

static FtObject *set_issubset_impl(FtSet *so, FtObject *other) {
    if (!ft_anyset_check(other)) {
        FtObject *tmp = make_new_set(&ft_set_type, other);
        if (!tmp)
            return NULL;
        FtObject *r = set_issubset_impl(so, tmp);
        FT_DECREF(tmp);
        return r;
    }
    if (so->used > ((FtSet *)other)->used)
        FT_RETURN_FALSE;
    ssize_t pos = 0;
    SetEntry *entry;
    while (set_next_entry(so, &pos, &entry)) {
        FtObject *key = ft_newref(entry->key);
        int rv = set_contains_entry((FtSet *)other, key, entry->hash);
        FT_DECREF(key);
        if (rv < 0)
            return NULL;
        if (!rv)
            FT_RETURN_FALSE;
    }
    FT_RETURN_TRUE;
}

static FtObject *set_issuperset_impl(FtSet *so, FtObject *other) {
    if (ft_anyset_check(other))
        return set_issubset_impl((FtSet *)other, (FtObject *)so);
    FtObject *it = ft_object_getiter(other);
    if (!it)
        return NULL;
    FtObject *key;
    while ((key = ft_iter_next(it)) != NULL) {
        int rv = set_contains_key(so, key);
        FT_DECREF(key);
        if (rv <= 0) {
            FT_DECREF(it);
            return rv < 0 ? NULL : ft_newref(FT_FALSE);
        }
    }
    FT_DECREF(it);
    if (ft_err_occurred())
        return NULL;
    FT_RETURN_TRUE;
}

static FtObject *set_issubset(FtObject *so, FtObject *other) {
    return set_issubset_impl((FtSet *)so, other);
}

static FtObject *set_issuperset(FtObject *so, FtObject *other) {
    return set_issuperset_impl((FtSet *)so, other);
}

static FtObject *set_isdisjoint(FtObject *o, FtObject *other) {
    FtSet *so = (FtSet *)o;
    if (o == other)
        return ft_bool_from(so->used == 0);
    if (anyset_check_exact(other)) {
        FtSet *a = so, *b = (FtSet *)other;
        if (b->used > a->used) {
            FtSet *t = a;
            a = b;
            b = t;
        }
        ssize_t pos = 0;
        SetEntry *entry;
        while (set_next_entry(b, &pos, &entry)) {
            FtObject *key = ft_newref(entry->key);
            int rv = set_contains_entry(a, key, entry->hash);
            FT_DECREF(key);
            if (rv < 0)
                return NULL;
            if (rv)
                FT_RETURN_FALSE;
        }
        FT_RETURN_TRUE;
    }
    FtObject *it = ft_object_getiter(other);
    if (!it)
        return NULL;
    FtObject *key;
    while ((key = ft_iter_next(it)) != NULL) {
        int rv = set_contains_key(so, key);
        FT_DECREF(key);
        if (rv != 0) {
            FT_DECREF(it);
            return rv < 0 ? NULL : ft_newref(FT_FALSE);
        }
    }
    FT_DECREF(it);
    if (ft_err_occurred())
        return NULL;
    FT_RETURN_TRUE;
}

static FtObject *set_union(FtObject *so, FtObject *const *args, ssize_t nargs) {
    FtObject *result = set_copy(so, NULL);
    if (!result)
        return NULL;
    for (ssize_t i = 0; i < nargs; i++) {
        if (args[i] == so)
            continue;
        if (set_update_internal((FtSet *)result, args[i])) {
            FT_DECREF(result);
            return NULL;
        }
    }
    return result;
}

static FtObject *set_update(FtObject *so, FtObject *const *args, ssize_t nargs) {
    for (ssize_t i = 0; i < nargs; i++)
        if (set_update_internal((FtSet *)so, args[i]))
            return NULL;
    FT_RETURN_NONE;
}

/* ---- number slots: the operators --------------------------------------------------------- */

static FtObject *set_or(FtObject *a, FtObject *b) {
    if (!ft_anyset_check(a) || !ft_anyset_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    FtObject *result = set_copy(a, NULL);
    if (!result)
        return NULL;
    if (a == b)
        return result;
    if (set_update_internal((FtSet *)result, b)) {
        FT_DECREF(result);
        return NULL;
    }
    return result;
}

static FtObject *set_and(FtObject *a, FtObject *b) {
    if (!ft_anyset_check(a) || !ft_anyset_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    return set_intersection((FtSet *)a, b);
}

static FtObject *set_sub(FtObject *a, FtObject *b) {
    if (!ft_anyset_check(a) || !ft_anyset_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    return set_difference((FtSet *)a, b);
}

static FtObject *set_xor(FtObject *a, FtObject *b) {
    if (!ft_anyset_check(a) || !ft_anyset_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    return set_symmetric_difference(a, b);
}

static FtObject *set_ior(FtObject *a, FtObject *b) {
    if (!ft_anyset_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    if (set_update_internal((FtSet *)a, b))
        return NULL;
    return ft_newref(a);
}

static FtObject *set_iand(FtObject *a, FtObject *b) {
    if (!ft_anyset_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    FtObject *r = set_intersection_update_multi(a, &b, 1);
    if (!r)
        return NULL;
    FT_DECREF(r);
    return ft_newref(a);
}

static FtObject *set_isub(FtObject *a, FtObject *b) {
    if (!ft_anyset_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    if (set_difference_update_internal((FtSet *)a, b))
        return NULL;
    return ft_newref(a);
}

static FtObject *set_ixor(FtObject *a, FtObject *b) {
    if (!ft_anyset_check(b))
        FT_RETURN_NOTIMPLEMENTED;
    FtObject *r = set_symmetric_difference_update(a, b);
    if (!r)
        return NULL;
    FT_DECREF(r);
    return ft_newref(a);
}

/* ---- mutating methods -------------------------------------------------------------------- */

static FtObject *set_add_meth(FtObject *so, FtObject *key) {
    if (set_add_key((FtSet *)so, key))
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *set_clear_meth(FtObject *so, FtObject *unused) {
    set_clear_internal((FtSet *)so);
    FT_RETURN_NONE;
}

static void set_key_error(FtObject *key) {
    FtObject *exc = ft_exc_new(ft_exc_KeyError, &key, 1);
    if (exc)
        ft_err_restore(exc);
}

/* discard/remove of a set key: retry with a frozenset of the same items. */
static int discard_maybe_frozen(FtSet *so, FtObject *key) {
    int rv = set_discard_key(so, key);
    if (rv < 0 && ft_set_check(key) && ft_err_matches(ft_exc_TypeError)) {
        ft_err_clear();
        FtObject *tmp = make_new_set(&ft_frozenset_type, key);
        if (!tmp)
            return -1;
        rv = set_discard_key(so, tmp);
        FT_DECREF(tmp);
    }
    return rv;
}

static FtObject *set_remove(FtObject *so, FtObject *key) {
    int rv = discard_maybe_frozen((FtSet *)so, key);
    if (rv < 0)
        return NULL;
    if (rv == DISCARD_NOTFOUND) {
        set_key_error(key);
        return NULL;
    }
    FT_RETURN_NONE;
}

static FtObject *set_discard(FtObject *so, FtObject *key) {
    if (discard_maybe_frozen((FtSet *)so, key) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *set_pop(FtObject *o, FtObject *unused) {
    FtSet *so = (FtSet *)o;
    FtObject *key = NULL;
    LK_BEGIN_CRITICAL(so);
    if (so->used > 0) {
        /* The finger makes repeated pops O(1) amortised instead of rescanning. */
        SetEntry *entry = so->table + (so->finger & so->mask);
        SetEntry *limit = so->table + so->mask;
        while (entry->key == NULL || entry->key == dummy) {
            entry++;
            if (entry > limit)
                entry = so->table;
        }
        key = entry->key;
        entry->key = dummy;
        entry->hash = -1;
        SET_USED(so, so->used - 1);
        so->finger = entry - so->table + 1;
    }
    LK_END_CRITICAL();
    if (!key)
        ft_err_set_string(ft_exc_KeyError, "pop from an empty set");
    return key;
}

static FtObject *set_contains_meth(FtObject *so, FtObject *key) {
    int rv = set_sq_contains(so, key);
    if (rv < 0)
        return NULL;
    return ft_bool_from(rv);
}

static FtObject *set_reduce(FtObject *so, FtObject *unused) {
    FtObject *keys = ft_sequence_list(so);
    if (!keys)
        return NULL;
    FtObject *args = ft_tuple_pack(1, keys);
    FT_DECREF(keys);
    if (!args)
        return NULL;
    FtObject **dictptr = ft_object_dict_ptr(so);
    FtObject *state = dictptr && *dictptr ? *dictptr : FT_NONE;
    FtObject *r = ft_tuple_pack(3, (FtObject *)FT_TYPE(so), args, state);
    FT_DECREF(args);
    return r;
}

/* CPython's numbers (its PySetObject is 200 bytes), so sys.getsizeof agrees with it. */
static FtObject *set_sizeof(FtObject *o, FtObject *unused) {
    FtSet *so = (FtSet *)o;
    ssize_t res = 200;
    if (so->table != so->smalltable)
        res += (so->mask + 1) * (ssize_t)sizeof(SetEntry);
    return ft_int_from_ssize(res);
}

static FtObject *set_iter(FtObject *o);

static FtMethodDef set_methods[] = {
    {"__sizeof__", (void *)set_sizeof, FT_METH_NOARGS, NULL},
    {"__class_getitem__", (void *)ft_generic_alias_class_getitem, FT_METH_O | FT_METH_CLASS,
     "See PEP 585"},
    {"add", (void *)set_add_meth, FT_METH_O, "Add an element to a set."},
    {"clear", (void *)set_clear_meth, FT_METH_NOARGS, "Remove all elements from this set."},
    {"__contains__", (void *)set_contains_meth, FT_METH_O, NULL},
    {"copy", (void *)set_copy, FT_METH_NOARGS, "Return a shallow copy of a set."},
    {"discard", (void *)set_discard, FT_METH_O, "Remove an element from a set if it is a member."},
    {"difference", (void *)set_difference_multi, FT_METH_FASTCALL,
     "Return the difference of two or more sets as a new set."},
    {"difference_update", (void *)set_difference_update_meth, FT_METH_FASTCALL,
     "Remove all elements of another set from this set."},
    {"intersection", (void *)set_intersection_multi, FT_METH_FASTCALL,
     "Return the intersection of two sets as a new set."},
    {"intersection_update", (void *)set_intersection_update_multi, FT_METH_FASTCALL,
     "Update a set with the intersection of itself and another."},
    {"isdisjoint", (void *)set_isdisjoint, FT_METH_O,
     "Return True if two sets have a null intersection."},
    {"issubset", (void *)set_issubset, FT_METH_O, "Report whether another set contains this set."},
    {"issuperset", (void *)set_issuperset, FT_METH_O,
     "Report whether this set contains another set."},
    {"pop", (void *)set_pop, FT_METH_NOARGS, "Remove and return an arbitrary set element."},
    {"__reduce__", (void *)set_reduce, FT_METH_NOARGS, NULL},
    {"remove", (void *)set_remove, FT_METH_O, "Remove an element from a set; it must be a member."},
    {"symmetric_difference", (void *)set_symmetric_difference, FT_METH_O,
     "Return the symmetric difference of two sets as a new set."},
    {"symmetric_difference_update", (void *)set_symmetric_difference_update, FT_METH_O,
     "Update a set with the symmetric difference of itself and another."},
    {"union", (void *)set_union, FT_METH_FASTCALL, "Return the union of sets as a new set."},
    {"update", (void *)set_update, FT_METH_FASTCALL,
     "Update a set with the union of itself and others."},
    {NULL, NULL, 0, NULL},
};

static FtMethodDef frozenset_methods[] = {
    {"__sizeof__", (void *)set_sizeof, FT_METH_NOARGS, NULL},
    {"__class_getitem__", (void *)ft_generic_alias_class_getitem, FT_METH_O | FT_METH_CLASS,
     "See PEP 585"},
    {"__contains__", (void *)set_contains_meth, FT_METH_O, NULL},
    {"copy", (void *)frozenset_copy, FT_METH_NOARGS, "Return a shallow copy of a set."},
    {"difference", (void *)set_difference_multi, FT_METH_FASTCALL,
     "Return the difference of two or more sets as a new set."},
    {"intersection", (void *)set_intersection_multi, FT_METH_FASTCALL,
     "Return the intersection of two sets as a new set."},
    {"isdisjoint", (void *)set_isdisjoint, FT_METH_O,
     "Return True if two sets have a null intersection."},
    {"issubset", (void *)set_issubset, FT_METH_O, "Report whether another set contains this set."},
    {"issuperset", (void *)set_issuperset, FT_METH_O,
     "Report whether this set contains another set."},
    {"__reduce__", (void *)set_reduce, FT_METH_NOARGS, NULL},
    {"symmetric_difference", (void *)set_symmetric_difference, FT_METH_O,
     "Return the symmetric difference of two sets as a new set."},
    {"union", (void *)set_union, FT_METH_FASTCALL, "Return the union of sets as a new set."},
    {NULL, NULL, 0, NULL},
};

static FtNumberMethods set_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
    .nb_inplace_subtract = set_isub,
    .nb_inplace_and = set_iand,
    .nb_inplace_xor = set_ixor,
    .nb_inplace_or = set_ior,
};

static FtNumberMethods frozenset_as_number = {
    .nb_subtract = set_sub,
    .nb_and = set_and,
    .nb_xor = set_xor,
    .nb_or = set_or,
};

static FtSequenceMethods set_as_sequence = {
    .sq_length = set_len,
    .sq_contains = set_sq_contains,
};

FtType ft_set_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "set",
    .tp_basicsize = sizeof(FtSet),
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_as_number = &set_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = ft_object_hash_not_implemented,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,
    .tp_doc = "set() -> new empty set object\nset(iterable) -> new set object\n\n"
              "Build an unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(FtSet, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = set_methods,
    .tp_init = set_init,
    .tp_new = set_new,
};

FtType ft_frozenset_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "frozenset",
    .tp_basicsize = sizeof(FtSet),
    .tp_dealloc = set_dealloc,
    .tp_repr = set_repr,
    .tp_as_number = &frozenset_as_number,
    .tp_as_sequence = &set_as_sequence,
    .tp_hash = frozenset_hash,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,
    .tp_doc = "frozenset() -> empty frozenset object\nfrozenset(iterable) -> frozenset "
              "object\n\nBuild an immutable unordered collection of unique elements.",
    .tp_traverse = set_traverse,
    .tp_clear = set_tp_clear,
    .tp_richcompare = set_richcompare,
    .tp_weaklistoffset = offsetof(FtSet, weakreflist),
    .tp_iter = set_iter,
    .tp_methods = frozenset_methods,
    .tp_new = frozenset_new,
};

/* ---- iterator ---------------------------------------------------------------------------- */

typedef struct SetIter {
    FtObject ob_base;
    FtSet *set;      /* NULL once exhausted (GIL builds) */
    ssize_t used;    /* the set's size when iteration began */
    ssize_t pos;     /* -1 once exhausted (free-threaded builds) */
    ssize_t len;
} SetIter;

/* Free-threaded builds: two threads may call next() on one iterator. Its fields change under
 * the set's critical section, and the set stays referenced until the iterator dies (a thread
 * that read `set` may still be using it); exhaustion is pos == -1. */

static FtObject *set_iter(FtObject *o) {
    SetIter *it = (SetIter *)ft_gc_alloc(&setiter_type);
    if (!it)
        return NULL;
    it->set = (FtSet *)ft_newref(o);
    it->used = ((FtSet *)o)->used;
    it->pos = 0;
    it->len = ((FtSet *)o)->used;
    ft_gc_track((FtObject *)it);
    return (FtObject *)it;
}

static void setiter_dealloc(FtObject *o) {
    ft_gc_untrack(o);
    FT_XDECREF(((SetIter *)o)->set);
    ft_gc_free(o);
}

static int setiter_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    VISIT(((SetIter *)o)->set);
    return 0;
}

static FtObject *iter_self(FtObject *o) { return ft_newref(o); }

static FtObject *setiter_next(FtObject *o) {
    SetIter *it = (SetIter *)o;
    FtSet *so = it->set;
    if (!so)
        return NULL;
    FtObject *key = NULL;
    bool changed = false;
    LK_BEGIN_CRITICAL(so);
    ssize_t i = it->pos;
    if (i < 0) {
        /* exhausted (free-threaded builds) */
    } else if (it->used != so->used) {
        it->used = -1; /* sticky */
        changed = true;
    } else {
        ssize_t mask = so->mask;
        SetEntry *entry = &so->table[i];
        while (i <= mask && (entry->key == NULL || entry->key == dummy)) {
            i++;
            entry++;
        }
        it->pos = i + 1;
        if (i <= mask) {
            it->len--;
            key = ft_newref(entry->key);
        }
#if FT_FREE_THREADED
        else
            it->pos = -1;
#endif
    }
    LK_END_CRITICAL();
    if (key)
        return key;
    if (changed) {
        ft_err_set_string(ft_exc_RuntimeError, "Set changed size during iteration");
        return NULL;
    }
#if !FT_FREE_THREADED
    if (it->pos >= 0) {
        it->set = NULL;
        FT_DECREF(so);
    }
#endif
    return NULL;
}

static FtObject *setiter_len(FtObject *o, FtObject *unused) {
    SetIter *it = (SetIter *)o;
    ssize_t n = 0;
    FtSet *so = it->set;
    if (so) {
        LK_BEGIN_CRITICAL(so);
        if (it->pos >= 0 && it->used == so->used)
            n = it->len;
        LK_END_CRITICAL();
    }
    return ft_int_from_ssize(n);
}

static FtMethodDef setiter_methods[] = {
    {"__length_hint__", (void *)setiter_len, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static FtType setiter_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "set_iterator",
    .tp_basicsize = sizeof(SetIter),
    .tp_dealloc = setiter_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = setiter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = setiter_next,
    .tp_methods = setiter_methods,
};

int ft_set_types_ready(void);
int ft_set_types_ready(void) {
    FT_MAKE_IMMORTAL(dummy);
    if (ft_type_ready(&ft_set_type) < 0 || ft_type_ready(&ft_frozenset_type) < 0 ||
        ft_type_ready(&setiter_type) < 0)
        return -1;
    return 0;
}
