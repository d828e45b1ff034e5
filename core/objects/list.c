/* list.c: the list type (mutable sequence), its forward and reverse iterators, and the
 * per-thread "repr in progress" registry (ft_repr_enter / ft_repr_leave) that container
 * reprs use to print [...] for self-references. Sorting lives in listsort.c.
 * Behaviour and messages follow CPython 3.11's Objects/listobject.c.
 *
 * Every mutation sits in one LK_BEGIN_CRITICAL(list) block; code that may run arbitrary
 * Python (comparisons, __index__, iteration of an argument) runs outside those blocks, and
 * the block re-reads the size, so a list mutated meanwhile is never indexed out of bounds. */
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

/* listsort.c */
int ft_list_sort_impl(FtObject *self, FtObject *keyfunc, int reverse);

/* ---- repr recursion guard ------------------------------------------------------------- */

/* A small per-thread stack of the containers whose repr is being computed. Reprs nest
 * shallowly in practice, so a linear search is what CPython does too (in a list kept in the
 * thread state dict); a plain thread-local array avoids the dict lookup. */
static _Thread_local FtObject **repr_stack;
static _Thread_local ssize_t repr_len, repr_cap;

int ft_repr_enter(FtObject *o) {
    for (ssize_t i = repr_len; --i >= 0;)
        if (repr_stack[i] == o)
            return 1;
    if (repr_len == repr_cap) {
        ssize_t ncap = repr_cap ? repr_cap * 2 : 16;
        FtObject **n = ft_mem_realloc(repr_stack, (size_t)ncap * sizeof(FtObject *));
        if (!n)
            return -1;
        repr_stack = n;
        repr_cap = ncap;
    }
    repr_stack[repr_len++] = o;
    return 0;
}

void ft_repr_leave(FtObject *o) {
    /* Usually the top entry; search backwards in case an error unbalanced the stack. */
    for (ssize_t i = repr_len; --i >= 0;) {
        if (repr_stack[i] == o) {
            memmove(&repr_stack[i], &repr_stack[i + 1],
                    (size_t)(repr_len - i - 1) * sizeof(FtObject *));
            repr_len--;
            if (repr_len == 0 && repr_cap > 64) {
                /* A deep nesting grew the stack: give the memory back. */
                ft_mem_free(repr_stack);
                repr_stack = NULL;
                repr_cap = 0;
            }
            return;
        }
    }
}

/* ---- trashcan ---------------------------------------------------------------------------
 * Freeing [[[...]]] nested a million deep would recurse a million C frames through the
 * deallocs. As CPython's trashcan does, a dealloc nested deeper than TRASH_DEPTH queues its
 * object (with the dealloc to resume) instead, and the outermost dealloc drains the queue;
 * each queued object is then freed at a shallow depth. Per thread, so no locking. */

#define TRASH_DEPTH 50

typedef struct TrashItem {
    FtObject *o;
    ft_destructor dealloc;
} TrashItem;

static _Thread_local int trash_depth;
static _Thread_local bool trash_draining;
static _Thread_local TrashItem *trash;
static _Thread_local ssize_t trash_len, trash_cap;

bool ft_trashcan_begin(FtObject *o, ft_destructor dealloc) {
    if (trash_depth >= TRASH_DEPTH) {
        if (trash_len == trash_cap) {
            ssize_t ncap = trash_cap ? trash_cap * 2 : 64;
            TrashItem *n = ft_mem_realloc(trash, (size_t)ncap * sizeof(TrashItem));
            if (n) {
                trash = n;
                trash_cap = ncap;
            }
        }
        if (trash_len < trash_cap) {
            trash[trash_len].o = o;
            trash[trash_len].dealloc = dealloc;
            trash_len++;
            return true;
        }
        ft_err_clear(); /* no memory to defer: free it now, recursing as usual */
    }
    trash_depth++;
    return false;
}

void ft_trashcan_end(void) {
    trash_depth--;
    if (trash_depth > 0 || trash_draining || trash_len == 0)
        return;
    trash_draining = true;
    while (trash_len > 0) {
        TrashItem item = trash[--trash_len];
        trash_depth = 1; /* the resumed dealloc counts as a nested one of this level */
        item.dealloc(item.o);
        trash_depth = 0;
    }
    ft_mem_free(trash);
    trash = NULL;
    trash_cap = 0;
    trash_draining = false;
}

/* ---- storage --------------------------------------------------------------------------- */

/* CPython's growth policy: over-allocate by about 1/8 (+6), rounded to a multiple of 4, so
 * appends are amortised O(1) and the sequence of capacities is the same as CPython's. */
/* The size is written under the list's critical section with relaxed atomic stores, so
 * that len() (list_length) reads it without the lock. */
#define SET_SIZE(l, n) __atomic_store_n(&FT_SIZE(l), (n), __ATOMIC_RELAXED)

static int list_resize(FtList *self, ssize_t newsize) {
    ssize_t allocated = self->allocated;
    if (allocated >= newsize && newsize >= (allocated >> 1)) {
        SET_SIZE(self, newsize);
        return 0;
    }
    size_t new_allocated = ((size_t)newsize + ((size_t)newsize >> 3) + 6) & ~(size_t)3;
    if (newsize - FT_SIZE(self) > (ssize_t)(new_allocated - (size_t)newsize))
        new_allocated = ((size_t)newsize + 3) & ~(size_t)3;
    if (newsize == 0)
        new_allocated = 0;
    if (new_allocated > (size_t)SSIZE_MAX / sizeof(FtObject *)) {
        ft_err_no_memory();
        return -1;
    }
    FtObject **items;
    if (new_allocated == 0) {
        ft_mem_free(self->items);
        items = NULL;
    } else {
        items = ft_mem_realloc(self->items, new_allocated * sizeof(FtObject *));
        if (!items)
            return -1;
    }
    self->items = items;
    SET_SIZE(self, newsize);
    self->allocated = (ssize_t)new_allocated;
    return 0;
}

FtObject *ft_list_new(ssize_t n) {
    if (n < 0) {
        ft_err_bad_internal_call();
        return NULL;
    }
    FtList *l = (FtList *)ft_gc_alloc(&ft_list_type);
    if (!l)
        return NULL;
    if (n > 0) {
        if ((size_t)n > (size_t)SSIZE_MAX / sizeof(FtObject *)) {
            ft_gc_free(l);
            return ft_err_no_memory();
        }
        l->items = ft_mem_calloc((size_t)n, sizeof(FtObject *));
        if (!l->items) {
            ft_gc_free(l);
            return NULL;
        }
    }
    FT_SIZE(l) = n;
    l->allocated = n;
    ft_gc_track((FtObject *)l);
    return (FtObject *)l;
}

FtObject *ft_list_from_array(FtObject *const *items, ssize_t n) {
    FtObject *l = ft_list_new(n);
    if (!l)
        return NULL;
    for (ssize_t i = 0; i < n; i++)
        FT_LIST_SET(l, i, ft_newref(items[i]));
    return l;
}

/* Drop every item; the references are released after the list is consistent (empty), since
 * a __del__ may look at the list. */
static void list_clear_items(FtList *a) {
    FtObject **items;
    ssize_t n;
    LK_BEGIN_CRITICAL(a);
    items = a->items;
    n = FT_SIZE(a);
    a->items = NULL;
    SET_SIZE(a, 0);
    a->allocated = 0;
    LK_END_CRITICAL();
    if (items) {
        while (--n >= 0)
            FT_XDECREF(items[n]);
        ft_mem_free(items);
    }
}

int ft_list_append(FtObject *l, FtObject *v) {
    FtList *self = (FtList *)l;
    int r = 0;
    LK_BEGIN_CRITICAL(self);
    ssize_t n = FT_SIZE(self);
    if (FT_LIKELY(n < self->allocated)) {
        self->items[n] = ft_newref(v);
        SET_SIZE(self, n + 1);
    } else if (list_resize(self, n + 1) == 0) {
        self->items[n] = ft_newref(v);
    } else {
        r = -1;
    }
    LK_END_CRITICAL();
    return r;
}

int ft_list_insert(FtObject *l, ssize_t where, FtObject *v) {
    FtList *self = (FtList *)l;
    int r = 0;
    LK_BEGIN_CRITICAL(self);
    ssize_t n = FT_SIZE(self);
    if (list_resize(self, n + 1) < 0) {
        r = -1;
    } else {
        if (where < 0) {
            where += n;
            if (where < 0)
                where = 0;
        }
        if (where > n)
            where = n;
        FtObject **items = self->items;
        memmove(&items[where + 1], &items[where], (size_t)(n - where) * sizeof(FtObject *));
        items[where] = ft_newref(v);
    }
    LK_END_CRITICAL();
    return r;
}

FtObject *ft_list_slice(FtObject *l, ssize_t lo, ssize_t hi) {
    FtObject *r;
    LK_BEGIN_CRITICAL(l);
    ssize_t len = FT_SIZE(l);
    if (lo < 0)
        lo = 0;
    else if (lo > len)
        lo = len;
    if (hi < lo)
        hi = lo;
    else if (hi > len)
        hi = len;
    /* no pointer arithmetic on the NULL items of an empty list (UBSan) */
    r = hi > lo ? ft_list_from_array(FT_LIST_ITEMS(l) + lo, hi - lo) : ft_list_new(0);
    LK_END_CRITICAL();
    return r;
}

FtObject *ft_list_as_tuple(FtObject *l) {
    FtObject *r;
    LK_BEGIN_CRITICAL(l);
    r = ft_tuple_from_array(FT_LIST_ITEMS(l), FT_SIZE(l));
    LK_END_CRITICAL();
    return r;
}

/* An empty list about to receive n items: allocate exactly n, rounded up to even (CPython
 * 3.11's list_preallocate_exact; it shows in sys.getsizeof and in the later growth). */
static int list_preallocate_exact(FtList *self, ssize_t n) {
    size_t size = ((size_t)n + 1) & ~(size_t)1;
    if (size > (size_t)SSIZE_MAX / sizeof(FtObject *)) {
        ft_err_no_memory();
        return -1;
    }
    FtObject **items = ft_mem_alloc(size * sizeof(FtObject *));
    if (!items)
        return -1;
    self->items = items;
    self->allocated = (ssize_t)size;
    return 0;
}

static void reverse_items(FtObject **lo, FtObject **hi) {
    --hi;
    while (lo < hi) {
        FtObject *t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
}

int ft_list_reverse(FtObject *l) {
    LK_BEGIN_CRITICAL(l);
    if (FT_SIZE(l) > 1)
        reverse_items(FT_LIST_ITEMS(l), FT_LIST_ITEMS(l) + FT_SIZE(l));
    LK_END_CRITICAL();
    return 0;
}

/* Can sorting l run Python code (and so reach a yield point)? Not when there is no key
 * function and every item is an exact int, float or str of one type. */
static bool sort_runs_no_python(FtObject *l, FtObject *key) {
    if (key)
        return false;
    ssize_t n = FT_SIZE(l);
    if (n == 0)
        return true;
    FtType *t = FT_TYPE(FT_LIST_GET(l, 0));
    if (t != &ft_int_type && t != &ft_float_type && t != &ft_str_type)
        return false;
    for (ssize_t i = 1; i < n; i++)
        if (FT_TYPE(FT_LIST_GET(l, i)) != t)
            return false;
    return true;
}

int ft_list_sort(FtObject *l, FtObject *key, int reverse) {
    if (key == FT_NONE)
        key = NULL;
    /* The sort empties the list while it works and a concurrent append would be discarded
     * ("list modified during sort"). Under the GIL a sort that runs no Python code cannot be
     * interrupted; free-threaded builds get the same by holding the list's critical section
     * for the whole sort in that case. A sort that runs Python code (key function, __lt__)
     * keeps the lock only for its own steps: it may reach a yield point, where holding a
     * critical section could stall a stop-the-world; appends meanwhile are lost with a
     * ValueError, as on CPython when the GIL switches during such a sort. */
    int r = 0;
    bool whole = false;
    LK_BEGIN_CRITICAL(l);
    whole = sort_runs_no_python(l, key);
    if (whole)
        r = ft_list_sort_impl(l, key, reverse);
    LK_END_CRITICAL();
    if (!whole)
        r = ft_list_sort_impl(l, key, reverse);
    return r;
}

/* Replace a[ilow:ihigh] by the items of v (NULL = delete), as CPython's list_ass_slice. */
static int list_ass_slice(FtList *a, ssize_t ilow, ssize_t ihigh, FtObject *v) {
    FtObject *recycle_on_stack[8];
    FtObject **recycle = recycle_on_stack;
    FtObject *v_fast = NULL;
    FtObject **vitem = NULL;
    ssize_t n = 0;
    int result = -1;
    if (v != NULL) {
        if (v == (FtObject *)a) {
            FtObject *copy = ft_list_slice(v, 0, FT_SIZE(v));
            if (!copy)
                return -1;
            int r = list_ass_slice(a, ilow, ihigh, copy);
            FT_DECREF(copy);
            return r;
        }
        v_fast = ft_sequence_fast(v, "can only assign an iterable");
        if (!v_fast)
            return -1;
        n = FT_SIZE(v_fast);
        vitem = ft_list_check(v_fast) ? FT_LIST_ITEMS(v_fast) : FT_TUPLE_ITEMS(v_fast);
    }
    ssize_t norig = 0;
    LK_BEGIN_CRITICAL(a);
    ssize_t size = FT_SIZE(a);
    if (ilow < 0)
        ilow = 0;
    else if (ilow > size)
        ilow = size;
    if (ihigh < ilow)
        ihigh = ilow;
    else if (ihigh > size)
        ihigh = size;
    norig = ihigh - ilow;
    ssize_t d = n - norig;
    FtObject **item = a->items;
    if (norig > (ssize_t)FT_ARRAY_LEN(recycle_on_stack)) {
        recycle = ft_mem_alloc((size_t)norig * sizeof(FtObject *));
        if (!recycle) {
            recycle = recycle_on_stack;
            norig = 0;
            goto done;
        }
    }
    if (norig)
        memcpy(recycle, &item[ilow], (size_t)norig * sizeof(FtObject *));
    if (size + d == 0) {
        /* Everything goes: free the storage (recycle holds the old items). */
        ft_mem_free(a->items);
        a->items = NULL;
        SET_SIZE(a, 0);
        a->allocated = 0;
    } else if (d < 0) {
        memmove(&item[ihigh + d], &item[ihigh], (size_t)(size - ihigh) * sizeof(FtObject *));
        if (list_resize(a, size + d) < 0) {
            memmove(&item[ihigh], &item[ihigh + d], (size_t)(size - ihigh) * sizeof(FtObject *));
            memcpy(&item[ilow], recycle, (size_t)norig * sizeof(FtObject *));
            norig = 0;
            goto done;
        }
        item = a->items;
    } else if (d > 0) {
        if (list_resize(a, size + d) < 0) {
            norig = 0;
            goto done;
        }
        item = a->items;
        memmove(&item[ihigh + d], &item[ihigh], (size_t)(size - ihigh) * sizeof(FtObject *));
    }
    for (ssize_t k = 0; k < n; k++, ilow++)
        item[ilow] = ft_newref(vitem[k]);
    result = 0;
done:;
    LK_END_CRITICAL();
    for (ssize_t k = norig - 1; k >= 0; --k)
        FT_XDECREF(recycle[k]);
    if (recycle != recycle_on_stack)
        ft_mem_free(recycle);
    FT_XDECREF(v_fast);
    return result;
}

int ft_list_extend(FtObject *l, FtObject *iterable) {
    FtList *self = (FtList *)l;
    if (ft_list_check_exact(iterable) || ft_tuple_check_exact(iterable) || iterable == l) {
        FtObject *src = iterable;
        if (iterable == l) {
            src = ft_list_slice(l, 0, FT_SIZE(l));
            if (!src)
                return -1;
        } else {
            FT_INCREF(src);
        }
        int r = 0;
        LK_BEGIN_CRITICAL(self);
        ssize_t n = FT_SIZE(src), m = FT_SIZE(self);
        if (n > 0) {
            if (self->items == NULL ? list_preallocate_exact(self, n) < 0
                                    : list_resize(self, m + n) < 0) {
                r = -1;
            } else {
                SET_SIZE(self, m + n);
                FtObject **s = ft_list_check(src) ? FT_LIST_ITEMS(src) : FT_TUPLE_ITEMS(src);
                for (ssize_t i = 0; i < n; i++)
                    self->items[m + i] = ft_newref(s[i]);
            }
        }
        LK_END_CRITICAL();
        FT_DECREF(src);
        return r;
    }
    FtObject *it = ft_object_getiter(iterable);
    if (!it)
        return -1;
    ft_iternextfunc next = FT_TYPE(it)->tp_iternext;
    /* Reserve room for the expected length up front, as CPython does. */
    ssize_t hint = ft_object_length_hint(iterable, 8);
    if (hint < 0) {
        FT_DECREF(it);
        return -1;
    }
    ssize_t m = FT_SIZE(self);
    if (hint > 0 && m <= SSIZE_MAX - hint) {
        int r;
        LK_BEGIN_CRITICAL(self);
        if (self->items == NULL) {
            r = list_preallocate_exact((FtList *)self, hint);
        } else {
            r = list_resize(self, m + hint);
            if (r == 0)
                SET_SIZE(self, m); /* keep the capacity, not the size */
        }
        LK_END_CRITICAL();
        if (r < 0) {
            FT_DECREF(it);
            return -1;
        }
    }
    for (;;) {
        FtObject *item = next(it);
        if (!item) {
            if (ft_err_occurred()) {
                if (!ft_err_matches(ft_exc_StopIteration)) {
                    FT_DECREF(it);
                    return -1;
                }
                ft_err_clear();
            }
            break;
        }
        int r = 0;
        LK_BEGIN_CRITICAL(self);
        ssize_t k = FT_SIZE(self);
        if (k < self->allocated) {
            self->items[k] = item;
            SET_SIZE(self, k + 1);
        } else if (list_resize(self, k + 1) == 0) {
            self->items[k] = item;
        } else {
            r = -1;
        }
        LK_END_CRITICAL();
        if (r < 0) {
            FT_DECREF(item);
            FT_DECREF(it);
            return -1;
        }
    }
    FT_DECREF(it);
    /* Give back an over-estimated hint. */
    LK_BEGIN_CRITICAL(self);
    if (FT_SIZE(self) < self->allocated)
        list_resize(self, FT_SIZE(self));
    LK_END_CRITICAL();
    return 0;
}

/* ---- slots ---------------------------------------------------------------------------- */

static void list_dealloc(FtObject *o) {
    FtList *self = (FtList *)o;
    FtType *tp = FT_TYPE(o);
    if (ft_gc_is_tracked(o))
        ft_gc_untrack(o);
    if (ft_trashcan_begin(o, list_dealloc))
        return;
    if (self->items) {
        ssize_t i = FT_SIZE(self);
        while (--i >= 0) {
            FT_XDECREF(self->items[i]);
            LK_POLL_STOP_THE_WORLD(i); /* untracked, unreachable: safe to pause here */
        }
        ft_mem_free(self->items);
    }
    if (tp == &ft_list_type) {
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

static int list_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    for (ssize_t i = FT_SIZE(o); --i >= 0;)
        VISIT(FT_LIST_GET(o, i));
    return 0;
}

static int list_tp_clear(FtObject *o) {
    list_clear_items((FtList *)o);
    return 0;
}

static FtObject *list_repr(FtObject *o) {
    if (FT_SIZE(o) == 0)
        return ft_str_from_cstr("[]");
    int r = ft_repr_enter(o);
    if (r != 0)
        return r > 0 ? ft_str_from_cstr("[...]") : NULL;
    FtStrBuilder sb;
    ft_sb_init(&sb);
    if (ft_sb_append_char(&sb, '[') < 0)
        goto fail;
    /* The size is re-read each time: an item's repr may mutate the list. */
    for (ssize_t i = 0; i < FT_SIZE(o); i++) {
        if (i > 0 && ft_sb_append_cstr(&sb, ", ") < 0)
            goto fail;
        FtObject *item = ft_newref(FT_LIST_GET(o, i));
        int e = ft_sb_append_repr(&sb, item);
        FT_DECREF(item);
        if (e < 0)
            goto fail;
    }
    if (ft_sb_append_char(&sb, ']') < 0)
        goto fail;
    ft_repr_leave(o);
    return ft_sb_finish(&sb);
fail:
    ft_repr_leave(o);
    ft_sb_discard(&sb);
    return NULL;
}

static ssize_t list_length(FtObject *o) { return __atomic_load_n(&FT_SIZE(o), __ATOMIC_RELAXED); }

/* Item i as a new reference, NULL past the end: the bounds check, the read and the incref
 * under the critical section, for the loops that run Python code (==) between items while
 * another thread may shrink the list and free the item. */
static FtObject *list_get_ref(FtObject *o, ssize_t i) {
    FtObject *item = NULL;
    LK_BEGIN_CRITICAL(o);
    if (i < FT_SIZE(o))
        item = ft_newref(FT_LIST_GET(o, i));
    LK_END_CRITICAL();
    return item;
}

static int list_contains(FtObject *o, FtObject *v) {
    int cmp = 0;
    FtObject *item;
    for (ssize_t i = 0; cmp == 0 && (item = list_get_ref(o, i)) != NULL; i++) {
        cmp = ft_object_richcompare_bool(item, v, FT_EQ);
        FT_DECREF(item);
    }
    return cmp;
}

static FtObject *list_item(FtObject *o, ssize_t i) {
    FtObject *r = NULL;
    LK_BEGIN_CRITICAL(o);
    if ((size_t)i < (size_t)FT_SIZE(o))
        r = ft_newref(FT_LIST_GET(o, i));
    LK_END_CRITICAL();
    if (!r)
        ft_err_set_string(ft_exc_IndexError, "list index out of range");
    return r;
}

static int list_ass_item(FtObject *o, ssize_t i, FtObject *v) {
    if ((size_t)i >= (size_t)FT_SIZE(o)) {
        ft_err_set_string(ft_exc_IndexError, "list assignment index out of range");
        return -1;
    }
    if (v == NULL)
        return list_ass_slice((FtList *)o, i, i + 1, NULL);
    FtObject *old = NULL;
    LK_BEGIN_CRITICAL(o);
    if ((size_t)i < (size_t)FT_SIZE(o)) {
        old = FT_LIST_GET(o, i);
        FT_LIST_SET(o, i, ft_newref(v));
    }
    LK_END_CRITICAL();
    FT_XDECREF(old);
    return 0;
}

static FtObject *list_concat(FtObject *a, FtObject *b) {
    if (!ft_list_check(b)) {
        ft_err_format(ft_exc_TypeError, "can only concatenate list (not \"%T\") to list", b);
        return NULL;
    }
    ssize_t na = FT_SIZE(a), nb = FT_SIZE(b);
    if (na > SSIZE_MAX - nb)
        return ft_err_no_memory();
    FtObject *r = ft_list_new(na + nb);
    if (!r)
        return NULL;
    for (ssize_t i = 0; i < na; i++)
        FT_LIST_SET(r, i, ft_newref(FT_LIST_GET(a, i)));
    for (ssize_t i = 0; i < nb; i++)
        FT_LIST_SET(r, na + i, ft_newref(FT_LIST_GET(b, i)));
    return r;
}

static FtObject *list_repeat(FtObject *a, ssize_t n) {
    ssize_t len = FT_SIZE(a);
    if (n <= 0 || len == 0)
        return ft_list_new(0);
    if (len > SSIZE_MAX / n)
        return ft_err_no_memory();
    FtObject *r = ft_list_new(len * n);
    if (!r)
        return NULL;
    FtObject **dst = FT_LIST_ITEMS(r);
    for (ssize_t k = 0; k < n; k++)
        for (ssize_t i = 0; i < len; i++)
            *dst++ = ft_newref(FT_LIST_GET(a, i));
    return r;
}

static FtObject *list_inplace_concat(FtObject *a, FtObject *b) {
    if (ft_list_extend(a, b) < 0)
        return NULL;
    return ft_newref(a);
}

static FtObject *list_inplace_repeat(FtObject *a, ssize_t n) {
    FtList *self = (FtList *)a;
    ssize_t size = FT_SIZE(a);
    if (size == 0 || n == 1)
        return ft_newref(a);
    if (n < 1) {
        list_clear_items(self);
        return ft_newref(a);
    }
    if (size > SSIZE_MAX / n)
        return ft_err_no_memory();
    int r;
    LK_BEGIN_CRITICAL(a);
    size = FT_SIZE(a);
    r = list_resize(self, size * n);
    if (r == 0) {
        FtObject **items = self->items;
        for (ssize_t k = 1; k < n; k++)
            for (ssize_t i = 0; i < size; i++)
                items[k * size + i] = ft_newref(items[i]);
    }
    LK_END_CRITICAL();
    return r < 0 ? NULL : ft_newref(a);
}

static FtObject *list_subscript(FtObject *o, FtObject *key) {
    if (ft_index_check(key)) {
        ssize_t i = ft_number_as_ssize(key, ft_exc_IndexError);
        if (i == -1 && ft_err_occurred())
            return NULL;
        if (i < 0)
            i += FT_SIZE(o);
        return list_item(o, i);
    }
    if (ft_slice_check(key)) {
        ssize_t start, stop, step;
        if (ft_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        FtObject *r;
        LK_BEGIN_CRITICAL(o);
        ssize_t n = ft_slice_adjust_indices(FT_SIZE(o), &start, &stop, step);
        if (step == 1) {
            r = n > 0 ? ft_list_from_array(FT_LIST_ITEMS(o) + start, n) : ft_list_new(0);
        } else {
            r = ft_list_new(n > 0 ? n : 0);
            if (r)
                for (ssize_t i = 0, cur = start; i < n; i++, cur += step)
                    FT_LIST_SET(r, i, ft_newref(FT_LIST_GET(o, cur)));
        }
        LK_END_CRITICAL();
        return r;
    }
    ft_err_format(ft_exc_TypeError, "list indices must be integers or slices, not %T", key);
    return NULL;
}

static int list_ass_subscript(FtObject *o, FtObject *key, FtObject *value) {
    FtList *self = (FtList *)o;
    if (ft_index_check(key)) {
        ssize_t i = ft_number_as_ssize(key, ft_exc_IndexError);
        if (i == -1 && ft_err_occurred())
            return -1;
        if (i < 0)
            i += FT_SIZE(o);
        return list_ass_item(o, i, value);
    }
    if (!ft_slice_check(key)) {
        ft_err_format(ft_exc_TypeError, "list indices must be integers or slices, not %T", key);
        return -1;
    }
    ssize_t start, stop, step;
    if (ft_slice_unpack(key, &start, &stop, &step) < 0)
        return -1;
    if (step == 1) {
        /* adjust_indices leaves stop < start for empty slices; list_ass_slice clamps. */
        ft_slice_adjust_indices(FT_SIZE(o), &start, &stop, step);
        return list_ass_slice(self, start, stop, value);
    }
    if (value == NULL) {
        /* Delete an extended slice: compact the items that stay. */
        FtObject **garbage = NULL;
        ssize_t slicelength;
        int res = 0;
        LK_BEGIN_CRITICAL(o);
        slicelength = ft_slice_adjust_indices(FT_SIZE(o), &start, &stop, step);
        if (slicelength > 0) {
            if (step < 0) {
                stop = start + 1;
                start = stop + step * (slicelength - 1) - 1;
                step = -step;
            }
            garbage = ft_mem_alloc((size_t)slicelength * sizeof(FtObject *));
            if (!garbage) {
                res = -1;
            } else {
                size_t cur;
                ssize_t i;
                FtObject **items = self->items;
                for (cur = (size_t)start, i = 0; cur < (size_t)stop; cur += (size_t)step, i++) {
                    ssize_t lim = step - 1;
                    garbage[i] = items[cur];
                    if (cur + (size_t)step >= (size_t)FT_SIZE(o))
                        lim = FT_SIZE(o) - (ssize_t)cur - 1;
                    memmove(items + cur - i, items + cur + 1, (size_t)lim * sizeof(FtObject *));
                }
                cur = (size_t)start + (size_t)slicelength * (size_t)step;
                if (cur < (size_t)FT_SIZE(o))
                    memmove(items + cur - slicelength, items + cur,
                            (FT_SIZE(o) - cur) * sizeof(FtObject *));
                FT_SIZE(o) -= slicelength;
                res = list_resize(self, FT_SIZE(o));
            }
        }
        LK_END_CRITICAL();
        if (garbage) {
            for (ssize_t i = 0; i < slicelength; i++)
                FT_DECREF(garbage[i]);
            ft_mem_free(garbage);
        }
        return res;
    }
    /* Assign to an extended slice: sizes must match. */
    FtObject *seq;
    if (value == o)
        seq = ft_list_slice(value, 0, FT_SIZE(value));
    else
        seq = ft_sequence_fast(value, "must assign iterable to extended slice");
    if (!seq)
        return -1;
    FtObject **seqitems = ft_list_check(seq) ? FT_LIST_ITEMS(seq) : FT_TUPLE_ITEMS(seq);
    FtObject **garbage = NULL;
    ssize_t slicelength;
    int res = 0;
    LK_BEGIN_CRITICAL(o);
    slicelength = ft_slice_adjust_indices(FT_SIZE(o), &start, &stop, step);
    if (FT_SIZE(seq) != slicelength) {
        ft_err_format(ft_exc_ValueError,
                      "attempt to assign sequence of size %zd to extended slice of size %zd",
                      FT_SIZE(seq), slicelength);
        res = -1;
    } else if (slicelength > 0) {
        garbage = ft_mem_alloc((size_t)slicelength * sizeof(FtObject *));
        if (!garbage) {
            res = -1;
        } else {
            FtObject **items = self->items;
            ssize_t cur = start;
            for (ssize_t i = 0; i < slicelength; cur += step, i++) {
                garbage[i] = items[cur];
                items[cur] = ft_newref(seqitems[i]);
            }
        }
    }
    LK_END_CRITICAL();
    if (garbage) {
        for (ssize_t i = 0; i < slicelength; i++)
            FT_DECREF(garbage[i]);
        ft_mem_free(garbage);
    }
    FT_DECREF(seq);
    return res;
}

static FtObject *list_richcompare(FtObject *v, FtObject *w, int op) {
    if (!ft_list_check(v) || !ft_list_check(w))
        FT_RETURN_NOTIMPLEMENTED;
    if (FT_SIZE(v) != FT_SIZE(w) && (op == FT_EQ || op == FT_NE))
        return ft_bool_from(op == FT_NE);
    ssize_t i;
    for (i = 0; i < FT_SIZE(v) && i < FT_SIZE(w); i++) {
        FtObject *vi = FT_LIST_GET(v, i), *wi = FT_LIST_GET(w, i);
        if (vi == wi)
            continue;
        FT_INCREF(vi);
        FT_INCREF(wi);
        int k = ft_object_richcompare_bool(vi, wi, FT_EQ);
        FT_DECREF(vi);
        FT_DECREF(wi);
        if (k < 0)
            return NULL;
        if (!k)
            break;
    }
    ssize_t vl = FT_SIZE(v), wl = FT_SIZE(w);
    if (i >= vl || i >= wl) {
        int r;
        switch (op) {
        case FT_LT: r = vl < wl; break;
        case FT_LE: r = vl <= wl; break;
        case FT_EQ: r = vl == wl; break;
        case FT_NE: r = vl != wl; break;
        case FT_GT: r = vl > wl; break;
        default: r = vl >= wl; break;
        }
        return ft_bool_from(r);
    }
    if (op == FT_EQ)
        FT_RETURN_FALSE;
    if (op == FT_NE)
        FT_RETURN_TRUE;
    FtObject *vi = ft_newref(FT_LIST_GET(v, i)), *wi = ft_newref(FT_LIST_GET(w, i));
    FtObject *r = ft_object_richcompare(vi, wi, op);
    FT_DECREF(vi);
    FT_DECREF(wi);
    return r;
}

static FtObject *list_iter(FtObject *o);

static FtObject *list_new(FtType *type, FtObject *args, FtObject *kwargs) {
    if (type == &ft_list_type)
        return ft_list_new(0);
    FtObject *o = type->tp_alloc ? type->tp_alloc(type, 0) : ft_type_generic_alloc(type, 0);
    if (!o)
        return NULL;
    if (!ft_gc_is_tracked(o))
        ft_gc_track(o);
    return o;
}

static int list_init(FtObject *self, FtObject *args, FtObject *kwargs) {
    if (FT_TYPE(self) == &ft_list_type && kwargs && ft_dict_size(kwargs) > 0) {
        ft_err_set_string(ft_exc_TypeError, "list() takes no keyword arguments");
        return -1;
    }
    ssize_t nargs = FT_SIZE(args);
    if (nargs > 1) {
        ft_err_format(ft_exc_TypeError, "list expected at most 1 argument, got %zd", nargs);
        return -1;
    }
    if (FT_SIZE(self) > 0)
        list_clear_items((FtList *)self);
    if (nargs == 1)
        return ft_list_extend(self, FT_TUPLE_GET(args, 0));
    return 0;
}

/* ---- methods ---------------------------------------------------------------------------- */

static FtObject *list_append_meth(FtObject *self, FtObject *v) {
    if (ft_list_append(self, v) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *list_extend_meth(FtObject *self, FtObject *v) {
    if (ft_list_extend(self, v) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *list_insert_meth(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("insert", nargs, 2, 2) < 0)
        return NULL;
    if (!ft_index_check(args[0])) {
        ft_err_format(ft_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                      args[0]);
        return NULL;
    }
    ssize_t i = ft_number_as_ssize(args[0], ft_exc_OverflowError);
    if (i == -1 && ft_err_occurred())
        return NULL;
    if (ft_list_insert(self, i, args[1]) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *list_pop_meth(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("pop", nargs, 0, 1) < 0)
        return NULL;
    ssize_t i = -1;
    if (nargs == 1) {
        if (!ft_index_check(args[0])) {
            ft_err_format(ft_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                          args[0]);
            return NULL;
        }
        i = ft_number_as_ssize(args[0], ft_exc_OverflowError);
        if (i == -1 && ft_err_occurred())
            return NULL;
    }
    FtObject *v = NULL;
    const char *err = NULL;
    LK_BEGIN_CRITICAL(self);
    ssize_t n = FT_SIZE(self);
    if (n == 0) {
        err = "pop from empty list";
    } else {
        if (i < 0)
            i += n;
        if (i < 0 || i >= n) {
            err = "pop index out of range";
        } else {
            FtObject **items = FT_LIST_ITEMS(self);
            v = items[i];
            memmove(&items[i], &items[i + 1], (size_t)(n - i - 1) * sizeof(FtObject *));
            /* Shrinking never fails (realloc to a smaller size keeps the block on error). */
            if (list_resize((FtList *)self, n - 1) < 0) {
                ft_err_clear();
                SET_SIZE(self, n - 1);
            }
        }
    }
    LK_END_CRITICAL();
    if (err)
        ft_err_set_string(ft_exc_IndexError, err);
    return v;
}

static int clamp_index_arg(FtObject *v, ssize_t *out) {
    if (!ft_index_check(v)) {
        ft_err_set_string(ft_exc_TypeError,
                          "slice indices must be integers or have an __index__ method");
        return -1;
    }
    ssize_t x = ft_number_as_ssize(v, NULL);
    if (x == -1 && ft_err_occurred())
        return -1;
    *out = x;
    return 0;
}

static FtObject *list_index_meth(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("index", nargs, 1, 3) < 0)
        return NULL;
    ssize_t start = 0, stop = SSIZE_MAX;
    if (nargs > 1 && clamp_index_arg(args[1], &start) < 0)
        return NULL;
    if (nargs > 2 && clamp_index_arg(args[2], &stop) < 0)
        return NULL;
    if (start < 0) {
        start += FT_SIZE(self);
        if (start < 0)
            start = 0;
    }
    if (stop < 0) {
        stop += FT_SIZE(self);
        if (stop < 0)
            stop = 0;
    }
    FtObject *item;
    for (ssize_t i = start; i < stop && (item = list_get_ref(self, i)) != NULL; i++) {
        int cmp = ft_object_richcompare_bool(item, args[0], FT_EQ);
        FT_DECREF(item);
        if (cmp > 0)
            return ft_int_from_ssize(i);
        if (cmp < 0)
            return NULL;
    }
    ft_err_format(ft_exc_ValueError, "%R is not in list", args[0]);
    return NULL;
}

static FtObject *list_count_meth(FtObject *self, FtObject *v) {
    ssize_t count = 0;
    FtObject *item;
    for (ssize_t i = 0; (item = list_get_ref(self, i)) != NULL; i++) {
        if (item == v) {
            FT_DECREF(item);
            count++;
            continue;
        }
        int cmp = ft_object_richcompare_bool(item, v, FT_EQ);
        FT_DECREF(item);
        if (cmp > 0)
            count++;
        else if (cmp < 0)
            return NULL;
    }
    return ft_int_from_ssize(count);
}

static FtObject *list_remove_meth(FtObject *self, FtObject *v) {
    FtObject *item;
    for (ssize_t i = 0; (item = list_get_ref(self, i)) != NULL; i++) {
        int cmp = ft_object_richcompare_bool(item, v, FT_EQ);
        if (cmp > 0) {
            /* Delete only if item i is still the one compared: another thread may have
             * moved it meanwhile (then search again), so that remove() stays atomic. */
            int r = 0;
            bool same;
            LK_BEGIN_CRITICAL(self);
            same = i < FT_SIZE(self) && FT_LIST_GET(self, i) == item;
            if (same)
                r = list_ass_slice((FtList *)self, i, i + 1, NULL);
            LK_END_CRITICAL();
            FT_DECREF(item);
            if (!same) {
                i = -1;
                continue;
            }
            if (r < 0)
                return NULL;
            FT_RETURN_NONE;
        }
        FT_DECREF(item);
        if (cmp < 0)
            return NULL;
    }
    ft_err_set_string(ft_exc_ValueError, "list.remove(x): x not in list");
    return NULL;
}

static FtObject *list_clear_meth(FtObject *self, FtObject *unused) {
    list_clear_items((FtList *)self);
    FT_RETURN_NONE;
}

static FtObject *list_copy_meth(FtObject *self, FtObject *unused) {
    return ft_list_slice(self, 0, FT_SIZE(self));
}

static FtObject *list_reverse_meth(FtObject *self, FtObject *unused) {
    ft_list_reverse(self);
    FT_RETURN_NONE;
}

static FtObject *list_sort_meth(FtObject *self, FtObject *const *args, ssize_t nargs,
                                FtObject *kwnames) {
    static const char *const kwlist[] = {"key", "reverse", NULL};
    FtObject *out[2] = {NULL, NULL};
    if (ft_parse_args("sort", args, nargs, kwnames, kwlist, 0, 0, 0, out) < 0)
        return NULL;
    int reverse = 0;
    if (out[1]) {
        /* CPython 3.11 converts reverse as an int (bool(accept={int})). */
        if (!ft_index_check(out[1])) {
            ft_err_format(ft_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                          out[1]);
            return NULL;
        }
        ssize_t r = ft_number_as_ssize(out[1], NULL);
        if (r == -1 && ft_err_occurred())
            return NULL;
        reverse = r != 0;
    }
    if (ft_list_sort(self, out[0], reverse) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *list_reversed_meth(FtObject *self, FtObject *unused);

static FtObject *list_sizeof_meth(FtObject *self, FtObject *unused) {
    return ft_int_from_ssize((ssize_t)sizeof(FtList) +
                             ((FtList *)self)->allocated * (ssize_t)sizeof(FtObject *));
}

static FtObject *list_getitem_meth(FtObject *self, FtObject *key) {
    return list_subscript(self, key);
}

static FtMethodDef list_methods[] = {
    {"__getitem__", (void *)list_getitem_meth, FT_METH_O, "x.__getitem__(y) <==> x[y]"},
    {"__class_getitem__", (void *)ft_generic_alias_class_getitem, FT_METH_O | FT_METH_CLASS,
     "See PEP 585"},
    {"__reversed__", (void *)list_reversed_meth, FT_METH_NOARGS,
     "Return a reverse iterator over the list."},
    {"__sizeof__", (void *)list_sizeof_meth, FT_METH_NOARGS, NULL},
    {"clear", (void *)list_clear_meth, FT_METH_NOARGS, "Remove all items from list."},
    {"copy", (void *)list_copy_meth, FT_METH_NOARGS, "Return a shallow copy of the list."},
    {"append", (void *)list_append_meth, FT_METH_O, "Append object to the end of the list."},
    {"insert", (void *)list_insert_meth, FT_METH_FASTCALL, "Insert object before index."},
    {"extend", (void *)list_extend_meth, FT_METH_O,
     "Extend list by appending elements from the iterable."},
    {"pop", (void *)list_pop_meth, FT_METH_FASTCALL,
     "Remove and return item at index (default last)."},
    {"remove", (void *)list_remove_meth, FT_METH_O, "Remove first occurrence of value."},
    {"index", (void *)list_index_meth, FT_METH_FASTCALL, "Return first index of value."},
    {"count", (void *)list_count_meth, FT_METH_O, "Return number of occurrences of value."},
    {"reverse", (void *)list_reverse_meth, FT_METH_NOARGS, "Reverse *IN PLACE*."},
    {"sort", (void *)list_sort_meth, FT_METH_FASTCALL | FT_METH_KEYWORDS,
     "Sort the list in ascending order and return None."},
    {NULL, NULL, 0, NULL},
};

static FtSequenceMethods list_as_sequence = {
    .sq_length = list_length,
    .sq_concat = list_concat,
    .sq_repeat = list_repeat,
    .sq_item = list_item,
    .sq_ass_item = list_ass_item,
    .sq_contains = list_contains,
    .sq_inplace_concat = list_inplace_concat,
    .sq_inplace_repeat = list_inplace_repeat,
};

static FtMappingMethods list_as_mapping = {
    .mp_length = list_length,
    .mp_subscript = list_subscript,
    .mp_ass_subscript = list_ass_subscript,
};

FtType ft_list_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "list",
    .tp_basicsize = sizeof(FtList),
    .tp_dealloc = list_dealloc,
    .tp_repr = list_repr,
    .tp_as_sequence = &list_as_sequence,
    .tp_as_mapping = &list_as_mapping,
    .tp_hash = ft_object_hash_not_implemented,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE | FT_TPFLAGS_LIST_SUBCLASS,
    .tp_doc = "Built-in mutable sequence.\n\nIf no argument is given, the constructor creates "
              "a new empty list.\nThe argument must be an iterable if specified.",
    .tp_traverse = list_traverse,
    .tp_clear = list_tp_clear,
    .tp_richcompare = list_richcompare,
    .tp_iter = list_iter,
    .tp_methods = list_methods,
    .tp_init = list_init,
    .tp_new = list_new,
};

/* ---- iterators -------------------------------------------------------------------------- */

typedef struct ListIter {
    FtObject ob_base;
    ssize_t index;
    FtObject *seq; /* NULL once exhausted (GIL builds) */
} ListIter;

/* Free-threaded builds: two threads may call next() on one iterator. The index moves under
 * the list's critical section, and the list stays referenced until the iterator dies (a
 * thread that read `seq` may still be using it); exhaustion is an index that never matches
 * again: LISTITER_DONE forward, -1 backward. */
#define LISTITER_DONE SSIZE_MAX

static FtObject *listiter_make(FtType *type, FtObject *seq, ssize_t index) {
    ListIter *it = (ListIter *)ft_gc_alloc(type);
    if (!it)
        return NULL;
    it->index = index;
    it->seq = ft_newref(seq);
    ft_gc_track((FtObject *)it);
    return (FtObject *)it;
}

static FtObject *list_iter(FtObject *o) { return listiter_make(&ft_list_iter_type, o, 0); }

static void listiter_dealloc(FtObject *o) {
    ft_gc_untrack(o);
    FT_XDECREF(((ListIter *)o)->seq);
    ft_gc_free(o);
}

static int listiter_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    VISIT(((ListIter *)o)->seq);
    return 0;
}

static FtObject *iter_self(FtObject *o) { return ft_newref(o); }

static FtObject *listiter_next(FtObject *o) {
    ListIter *it = (ListIter *)o;
    FtObject *seq = it->seq;
    if (!seq)
        return NULL;
    FtObject *item = NULL;
    LK_BEGIN_CRITICAL(seq);
    if (it->index < FT_SIZE(seq))
        item = ft_newref(FT_LIST_GET(seq, it->index++));
#if FT_FREE_THREADED
    else
        it->index = LISTITER_DONE;
#endif
    LK_END_CRITICAL();
    if (item)
        return item;
#if !FT_FREE_THREADED
    it->seq = NULL;
    FT_DECREF(seq);
#endif
    return NULL;
}

static FtObject *listiter_len(FtObject *o, FtObject *unused) {
    ListIter *it = (ListIter *)o;
    ssize_t n = 0;
    if (it->seq) {
        LK_BEGIN_CRITICAL(it->seq);
        n = FT_SIZE(it->seq) - it->index;
        LK_END_CRITICAL();
        if (n < 0)
            n = 0;
    }
    return ft_int_from_ssize(n);
}

static FtMethodDef listiter_methods[] = {
    {"__length_hint__", (void *)listiter_len, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

FtType ft_list_iter_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "list_iterator",
    .tp_basicsize = sizeof(ListIter),
    .tp_dealloc = listiter_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = listiter_next,
    .tp_methods = listiter_methods,
};

static FtType list_reviter_type;

static FtObject *list_reversed_meth(FtObject *self, FtObject *unused) {
    return listiter_make(&list_reviter_type, self, FT_SIZE(self) - 1);
}

static FtObject *listreviter_next(FtObject *o) {
    ListIter *it = (ListIter *)o;
    FtObject *seq = it->seq;
    if (!seq)
        return NULL;
    FtObject *item = NULL;
    LK_BEGIN_CRITICAL(seq);
    ssize_t i = it->index;
    if (i >= 0 && i < FT_SIZE(seq)) {
        item = ft_newref(FT_LIST_GET(seq, i));
        it->index--;
    }
#if FT_FREE_THREADED
    else
        it->index = -1;
#endif
    LK_END_CRITICAL();
    if (item)
        return item;
#if !FT_FREE_THREADED
    it->index = -1;
    it->seq = NULL;
    FT_DECREF(seq);
#endif
    return NULL;
}

static FtObject *listreviter_len(FtObject *o, FtObject *unused) {
    ListIter *it = (ListIter *)o;
    ssize_t n = 0;
    if (it->seq) {
        LK_BEGIN_CRITICAL(it->seq);
        n = it->index + 1;
        if (FT_SIZE(it->seq) < n)
            n = 0;
        LK_END_CRITICAL();
    }
    return ft_int_from_ssize(n);
}

static FtMethodDef listreviter_methods[] = {
    {"__length_hint__", (void *)listreviter_len, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static FtType list_reviter_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "list_reverseiterator",
    .tp_basicsize = sizeof(ListIter),
    .tp_dealloc = listiter_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = listiter_traverse,
    .tp_iter = iter_self,
    .tp_iternext = listreviter_next,
    .tp_methods = listreviter_methods,
};

/* Called by ft_containers_init (iterators.c). */
int ft_list_types_ready(void);
int ft_list_types_ready(void) {
    if (ft_type_ready(&ft_list_type) < 0 || ft_type_ready(&ft_list_iter_type) < 0 ||
        ft_type_ready(&list_reviter_type) < 0)
        return -1;
    return 0;
}
