/* listsort.c: list.sort(), a stable merge sort.
 *
 * Top-down merge sort over [lo, hi) with binary insertion sort for runs of up to 32 items
 * and a skipped merge when the two halves are already in order (so sorted input costs
 * O(n) comparisons). Items are compared with `<` only, as CPython does. When a key function
 * is given it is called exactly once per item and the keys are sorted with the items moved
 * alongside. While sorting, the list looks empty to Python code (items detached, allocated
 * = -1); if a comparison or key function mutates it, "list modified during sort" is raised
 * and the mutation is discarded, exactly as CPython's listsort. A failing comparison leaves
 * the list a permutation of its original items (every merge step keeps all items in place).
 */
#include "core/object.h"
#include <string.h>

int ft_list_sort_impl(FtObject *self, FtObject *keyfunc, int reverse);

typedef struct SortState {
    FtObject **keys;
    FtObject **values;      /* == keys when there is no key function */
    FtObject **tmpk, **tmpv;
    int (*lt)(FtObject *a, FtObject *b); /* 1, 0, -1 */
} SortState;

static int lt_generic(FtObject *a, FtObject *b) { return ft_object_richcompare_bool(a, b, FT_LT); }

/* Homogeneous lists of exact ints or exact strs skip the generic protocol (CPython has the
 * same pre-scan in unsafe_long_compare / unsafe_latin_compare). */
static int lt_int(FtObject *a, FtObject *b) {
    if (ft_int_is_compact(a) && ft_int_is_compact(b))
        return ft_int_compact_value(a) < ft_int_compact_value(b);
    return ft_int_compare(a, b) < 0;
}

static int lt_str(FtObject *a, FtObject *b) { return ft_str_compare(a, b) < 0; }

static int binary_insertion(SortState *s, ssize_t lo, ssize_t hi) {
    FtObject **k = s->keys, **v = s->values;
    for (ssize_t start = lo + 1; start < hi; start++) {
        FtObject *pivot = k[start];
        ssize_t l = lo, r = start;
        /* Find the first position whose key is greater than pivot (after equal keys). */
        while (l < r) {
            ssize_t m = l + ((r - l) >> 1);
            int c = s->lt(pivot, k[m]);
            if (c < 0)
                return -1;
            if (c)
                r = m;
            else
                l = m + 1;
        }
        if (l == start)
            continue;
        memmove(&k[l + 1], &k[l], (size_t)(start - l) * sizeof(FtObject *));
        k[l] = pivot;
        if (v != k) {
            FtObject *pv = v[start];
            memmove(&v[l + 1], &v[l], (size_t)(start - l) * sizeof(FtObject *));
            v[l] = pv;
        }
    }
    return 0;
}

/* Merge the sorted runs [lo, mid) and [mid, hi): the left run is copied aside and merged
 * back. On a comparison error the left run's remainder fills the gap, so no item is lost. */
static int merge(SortState *s, ssize_t lo, ssize_t mid, ssize_t hi) {
    FtObject **k = s->keys, **v = s->values;
    ssize_t n1 = mid - lo;
    bool hasv = v != k;
    memcpy(s->tmpk, &k[lo], (size_t)n1 * sizeof(FtObject *));
    if (hasv)
        memcpy(s->tmpv, &v[lo], (size_t)n1 * sizeof(FtObject *));
    ssize_t i = 0, j = mid, d = lo;
    int err = 0;
    while (i < n1 && j < hi) {
        int c = s->lt(k[j], s->tmpk[i]);
        if (c < 0) {
            err = -1;
            break;
        }
        if (c) {
            k[d] = k[j];
            if (hasv)
                v[d] = v[j];
            j++;
        } else {
            k[d] = s->tmpk[i];
            if (hasv)
                v[d] = s->tmpv[i];
            i++;
        }
        d++;
    }
    memcpy(&k[d], &s->tmpk[i], (size_t)(n1 - i) * sizeof(FtObject *));
    if (hasv)
        memcpy(&v[d], &s->tmpv[i], (size_t)(n1 - i) * sizeof(FtObject *));
    return err;
}

static int sort_range(SortState *s, ssize_t lo, ssize_t hi) {
    if (hi - lo <= 32)
        return binary_insertion(s, lo, hi);
    ssize_t mid = lo + ((hi - lo) >> 1);
    if (sort_range(s, lo, mid) < 0 || sort_range(s, mid, hi) < 0)
        return -1;
    int c = s->lt(s->keys[mid], s->keys[mid - 1]);
    if (c < 0)
        return -1;
    if (!c)
        return 0; /* already in order */
    return merge(s, lo, mid, hi);
}

static void reverse_slice(FtObject **lo, FtObject **hi) {
    --hi;
    while (lo < hi) {
        FtObject *t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
}

int ft_list_sort_impl(FtObject *obj, FtObject *keyfunc, int reverse) {
    FtList *self = (FtList *)obj;
    FtObject **saved_items;
    ssize_t saved_size, saved_allocated;
    /* Detach the items: Python code running during the sort sees an empty list. */
    LK_BEGIN_CRITICAL(self);
    saved_items = self->items;
    saved_size = FT_SIZE(self);
    saved_allocated = self->allocated;
    self->items = NULL;
    FT_SIZE(self) = 0;
    self->allocated = -1;
    LK_END_CRITICAL();

    int result = 0;
    FtObject **keys = saved_items;
    ssize_t n = saved_size;
    ssize_t nkeys = 0;
    if (keyfunc && n > 0) {
        keys = ft_mem_alloc((size_t)n * sizeof(FtObject *));
        if (!keys) {
            result = -1;
            goto restore;
        }
        for (nkeys = 0; nkeys < n; nkeys++) {
            keys[nkeys] = ft_object_call_one(keyfunc, saved_items[nkeys]);
            if (!keys[nkeys]) {
                result = -1;
                goto cleanup_keys;
            }
        }
    }
    if (reverse && n > 1) {
        reverse_slice(saved_items, saved_items + n);
        if (keys != saved_items)
            reverse_slice(keys, keys + n);
    }
    if (n > 1) {
        SortState s = { keys, saved_items, NULL, NULL, lt_generic };
        /* Pick a specialised comparison when every key has the same simple type. */
        FtType *t0 = FT_TYPE(keys[0]);
        bool same = true;
        for (ssize_t i = 1; i < n && same; i++)
            same = FT_TYPE(keys[i]) == t0;
        if (same && t0 == &ft_int_type)
            s.lt = lt_int;
        else if (same && t0 == &ft_str_type)
            s.lt = lt_str;
        ssize_t half = n / 2 + 1;
        s.tmpk = ft_mem_alloc((size_t)half * 2 * sizeof(FtObject *));
        if (!s.tmpk) {
            result = -1;
        } else {
            s.tmpv = s.tmpk + half;
            result = sort_range(&s, 0, n);
            ft_mem_free(s.tmpk);
        }
    }
    if (reverse && n > 1) {
        reverse_slice(saved_items, saved_items + n);
        if (keys != saved_items)
            reverse_slice(keys, keys + n);
    }
cleanup_keys:
    if (keys != saved_items) {
        for (ssize_t i = 0; i < nkeys; i++)
            FT_DECREF(keys[i]);
        ft_mem_free(keys);
    }
restore:;
    FtObject **final_items;
    ssize_t final_size;
    LK_BEGIN_CRITICAL(self);
    if (self->allocated != -1 && result == 0) {
        ft_err_set_string(ft_exc_ValueError, "list modified during sort");
        result = -1;
    }
    final_items = self->items;
    final_size = FT_SIZE(self);
    self->items = saved_items;
    FT_SIZE(self) = saved_size;
    self->allocated = saved_allocated;
    LK_END_CRITICAL();
    if (final_items) {
        while (--final_size >= 0)
            FT_XDECREF(final_items[final_size]);
        ft_mem_free(final_items);
    }
    return result;
}
