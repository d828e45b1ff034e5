/* listsort.c: list.sort(), CPython 3.11's timsort.
 *
 * A port of Objects/listsort.txt's algorithm as CPython 3.11 implements it: natural runs
 * (a strictly descending one is reversed), short runs extended to minrun by binary
 * insertion, runs merged in powersort order with galloping merges (min_gallop adapts).
 * Being the same algorithm, it makes the same comparisons in the same order as CPython,
 * so a key with side effects or an inconsistent __lt__ gives CPython's result, and
 * partially ordered input sorts in near-linear time. Items are compared with `<` only.
 *
 * A key function is called exactly once per item, first to last; the keys are sorted with
 * the items moved alongside. While sorting, the list looks empty to Python code (items
 * detached, allocated = -1); if a comparison or key function mutates it, "list modified
 * during sort" is raised and the mutation is discarded, exactly as CPython's listsort. A
 * failing comparison leaves the list a permutation of its original items (merges copy
 * their temporary half back on error). */
#include "core/object.h"
#include <string.h>

int ft_list_sort_impl(FtObject *self, FtObject *keyfunc, int reverse);

static int lt_generic(FtObject *a, FtObject *b) { return ft_object_richcompare_bool(a, b, FT_LT); }

/* Homogeneous lists of exact ints or exact strs skip the generic protocol (CPython has the
 * same pre-scan in unsafe_long_compare / unsafe_latin_compare). */
static int lt_int(FtObject *a, FtObject *b) {
    if (ft_int_is_compact(a) && ft_int_is_compact(b))
        return ft_int_compact_value(a) < ft_int_compact_value(b);
    return ft_int_compare(a, b) < 0;
}

static int lt_str(FtObject *a, FtObject *b) { return ft_str_compare(a, b) < 0; }

static int lt_float(FtObject *a, FtObject *b) { return FT_FLOAT_VALUE(a) < FT_FLOAT_VALUE(b); }

/* ---- timsort ------------------------------------------------------------------------- */

#define MIN_GALLOP 7
#define MAX_MERGE_PENDING (8 * (int)sizeof(size_t))

/* Keys, and the values moved alongside them (values NULL when there is no key
 * function: the keys are the items). */
typedef struct SortSlice {
    FtObject **keys;
    FtObject **values;
} SortSlice;

typedef struct PendingRun {
    SortSlice base;
    ssize_t len;
    int power;
} PendingRun;

typedef struct MergeState {
    int (*lt)(FtObject *a, FtObject *b); /* 1, 0, -1 */
    ssize_t min_gallop;
    SortSlice a;          /* temp storage of tmp_cap keys (and values) */
    ssize_t tmp_cap;
    FtObject **basekeys;
    ssize_t listlen;
    int n;
    PendingRun pending[MAX_MERGE_PENDING];
} MergeState;

#define ISLT(X, Y) (ms->lt((X), (Y)))
#define IFLT(X, Y)                   \
    if ((k = ISLT(X, Y)) < 0)        \
        goto fail;                   \
    if (k)

static inline void ss_copy(SortSlice *s1, ssize_t i, SortSlice *s2, ssize_t j) {
    s1->keys[i] = s2->keys[j];
    if (s1->values)
        s1->values[i] = s2->values[j];
}

static inline void ss_copy_incr(SortSlice *dst, SortSlice *src) {
    *dst->keys++ = *src->keys++;
    if (dst->values)
        *dst->values++ = *src->values++;
}

static inline void ss_copy_decr(SortSlice *dst, SortSlice *src) {
    *dst->keys-- = *src->keys--;
    if (dst->values)
        *dst->values-- = *src->values--;
}

static inline void ss_memcpy(SortSlice *s1, ssize_t i, SortSlice *s2, ssize_t j, ssize_t n) {
    memcpy(&s1->keys[i], &s2->keys[j], sizeof(FtObject *) * (size_t)n);
    if (s1->values)
        memcpy(&s1->values[i], &s2->values[j], sizeof(FtObject *) * (size_t)n);
}

static inline void ss_memmove(SortSlice *s1, ssize_t i, SortSlice *s2, ssize_t j, ssize_t n) {
    memmove(&s1->keys[i], &s2->keys[j], sizeof(FtObject *) * (size_t)n);
    if (s1->values)
        memmove(&s1->values[i], &s2->values[j], sizeof(FtObject *) * (size_t)n);
}

static inline void ss_advance(SortSlice *s, ssize_t n) {
    s->keys += n;
    if (s->values)
        s->values += n;
}

static void reverse_slice(FtObject **lo, FtObject **hi) {
    --hi;
    while (lo < hi) {
        FtObject *t = *lo;
        *lo++ = *hi;
        *hi-- = t;
    }
}

static void reverse_sortslice(SortSlice *s, ssize_t n) {
    reverse_slice(s->keys, &s->keys[n]);
    if (s->values)
        reverse_slice(s->values, &s->values[n]);
}

/* Binary insertion of [start, hi) into the sorted [lo, start). */
static int binarysort(MergeState *ms, SortSlice lo, FtObject **hi, FtObject **start) {
    ssize_t k;
    FtObject **l, **p, **r;
    FtObject *pivot;
    if (lo.keys == start)
        ++start;
    for (; start < hi; ++start) {
        l = lo.keys;
        r = start;
        pivot = *r;
        /* pivot >= all in [lo, l); pivot < all in [r, start) */
        do {
            p = l + ((r - l) >> 1);
            IFLT(pivot, *p)
                r = p;
            else
                l = p + 1;
        } while (l < r);
        /* pivot belongs at l, after any equal items (stability) */
        for (p = start; p > l; --p)
            *p = *(p - 1);
        *l = pivot;
        if (lo.values != NULL) {
            ssize_t li = l - lo.keys, si = start - lo.keys;
            FtObject *pv = lo.values[si];
            for (ssize_t j = si; j > li; --j)
                lo.values[j] = lo.values[j - 1];
            lo.values[li] = pv;
        }
    }
    return 0;
fail:
    return -1;
}

/* Length of the run starting at lo: non-decreasing, or strictly decreasing (then
 * *descending is set; reversing such a run keeps the sort stable). */
static ssize_t count_run(MergeState *ms, FtObject **lo, FtObject **hi, int *descending) {
    ssize_t k, n;
    *descending = 0;
    ++lo;
    if (lo == hi)
        return 1;
    n = 2;
    IFLT(*lo, *(lo - 1)) {
        *descending = 1;
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            IFLT(*lo, *(lo - 1))
                ;
            else
                break;
        }
    } else {
        for (lo = lo + 1; lo < hi; ++lo, ++n) {
            IFLT(*lo, *(lo - 1))
                break;
        }
    }
    return n;
fail:
    return -1;
}

/* k in [0, n] with a[k-1] < key <= a[k], searching outwards from a[hint]. */
static ssize_t gallop_left(MergeState *ms, FtObject *key, FtObject **a, ssize_t n, ssize_t hint) {
    ssize_t ofs, lastofs, k;
    a += hint;
    lastofs = 0;
    ofs = 1;
    IFLT(*a, key) {
        /* a[hint] < key: gallop right until a[hint + lastofs] < key <= a[hint + ofs] */
        const ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(a[ofs], key) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    } else {
        /* key <= a[hint]: gallop left until a[hint - ofs] < key <= a[hint - lastofs] */
        const ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(*(a - ofs), key)
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    }
    a -= hint;
    /* a[lastofs] < key <= a[ofs]: binary search in between */
    ++lastofs;
    while (lastofs < ofs) {
        ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(a[m], key)
            lastofs = m + 1;
        else
            ofs = m;
    }
    return ofs;
fail:
    return -1;
}

/* k in [0, n] with a[k-1] <= key < a[k], searching outwards from a[hint]. */
static ssize_t gallop_right(MergeState *ms, FtObject *key, FtObject **a, ssize_t n, ssize_t hint) {
    ssize_t ofs, lastofs, k;
    a += hint;
    lastofs = 0;
    ofs = 1;
    IFLT(key, *a) {
        /* key < a[hint]: gallop left until a[hint - ofs] <= key < a[hint - lastofs] */
        const ssize_t maxofs = hint + 1;
        while (ofs < maxofs) {
            IFLT(key, *(a - ofs)) {
                lastofs = ofs;
                ofs = (ofs << 1) + 1;
            } else {
                break;
            }
        }
        if (ofs > maxofs)
            ofs = maxofs;
        k = lastofs;
        lastofs = hint - ofs;
        ofs = hint - k;
    } else {
        /* a[hint] <= key: gallop right until a[hint + lastofs] <= key < a[hint + ofs] */
        const ssize_t maxofs = n - hint;
        while (ofs < maxofs) {
            IFLT(key, a[ofs])
                break;
            lastofs = ofs;
            ofs = (ofs << 1) + 1;
        }
        if (ofs > maxofs)
            ofs = maxofs;
        lastofs += hint;
        ofs += hint;
    }
    a -= hint;
    ++lastofs;
    while (lastofs < ofs) {
        ssize_t m = lastofs + ((ofs - lastofs) >> 1);
        IFLT(key, a[m])
            ofs = m;
        else
            lastofs = m + 1;
    }
    return ofs;
fail:
    return -1;
}

/* Merge the na items at ssa with the nb items right after them, na <= nb: ssa goes to
 * the temp array and the merge fills from the left. On an error the temp items are
 * copied back, so the list stays a permutation of its items. */
static ssize_t merge_lo(MergeState *ms, SortSlice ssa, ssize_t na, SortSlice ssb, ssize_t nb) {
    ssize_t k;
    SortSlice dest;
    int result = -1;
    ssize_t min_gallop;
    ss_memcpy(&ms->a, 0, &ssa, 0, na);
    dest = ssa;
    ssa = ms->a;

    ss_copy_incr(&dest, &ssb);
    --nb;
    if (nb == 0)
        goto succeed;
    if (na == 1)
        goto copy_b;

    min_gallop = ms->min_gallop;
    for (;;) {
        ssize_t acount = 0; /* times A won in a row */
        ssize_t bcount = 0; /* times B won in a row */
        /* one item at a time until one run wins consistently */
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0)
                    goto fail;
                ss_copy_incr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 0)
                    goto succeed;
                if (bcount >= min_gallop)
                    break;
            } else {
                ss_copy_incr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 1)
                    goto copy_b;
                if (acount >= min_gallop)
                    break;
            }
        }
        /* galloping mode, until neither run wins consistently */
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], ssa.keys, na, 0);
            acount = k;
            if (k) {
                if (k < 0)
                    goto fail;
                ss_memcpy(&dest, 0, &ssa, 0, k);
                ss_advance(&dest, k);
                ss_advance(&ssa, k);
                na -= k;
                if (na == 1)
                    goto copy_b;
                /* impossible with a consistent comparison, but possible */
                if (na == 0)
                    goto succeed;
            }
            ss_copy_incr(&dest, &ssb);
            --nb;
            if (nb == 0)
                goto succeed;

            k = gallop_left(ms, ssa.keys[0], ssb.keys, nb, 0);
            bcount = k;
            if (k) {
                if (k < 0)
                    goto fail;
                ss_memmove(&dest, 0, &ssb, 0, k);
                ss_advance(&dest, k);
                ss_advance(&ssb, k);
                nb -= k;
                if (nb == 0)
                    goto succeed;
            }
            ss_copy_incr(&dest, &ssa);
            --na;
            if (na == 1)
                goto copy_b;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop; /* penalise leaving galloping mode */
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (na)
        ss_memcpy(&dest, 0, &ssa, 0, na);
    return result;
copy_b:
    /* the last item of A goes after the rest of B */
    ss_memmove(&dest, 0, &ssb, 0, nb);
    ss_copy(&dest, nb, &ssa, 0);
    return 0;
}

/* As merge_lo with na >= nb: ssb goes to the temp array, the merge fills from the right. */
static ssize_t merge_hi(MergeState *ms, SortSlice ssa, ssize_t na, SortSlice ssb, ssize_t nb) {
    ssize_t k;
    SortSlice dest, basea, baseb;
    int result = -1;
    ssize_t min_gallop;
    dest = ssb;
    ss_advance(&dest, nb - 1);
    ss_memcpy(&ms->a, 0, &ssb, 0, nb);
    basea = ssa;
    baseb = ms->a;
    ssb.keys = ms->a.keys + nb - 1;
    if (ssb.values != NULL)
        ssb.values = ms->a.values + nb - 1;
    ss_advance(&ssa, na - 1);

    ss_copy_decr(&dest, &ssa);
    --na;
    if (na == 0)
        goto succeed;
    if (nb == 1)
        goto copy_a;

    min_gallop = ms->min_gallop;
    for (;;) {
        ssize_t acount = 0;
        ssize_t bcount = 0;
        for (;;) {
            k = ISLT(ssb.keys[0], ssa.keys[0]);
            if (k) {
                if (k < 0)
                    goto fail;
                ss_copy_decr(&dest, &ssa);
                ++acount;
                bcount = 0;
                --na;
                if (na == 0)
                    goto succeed;
                if (acount >= min_gallop)
                    break;
            } else {
                ss_copy_decr(&dest, &ssb);
                ++bcount;
                acount = 0;
                --nb;
                if (nb == 1)
                    goto copy_a;
                if (bcount >= min_gallop)
                    break;
            }
        }
        ++min_gallop;
        do {
            min_gallop -= min_gallop > 1;
            ms->min_gallop = min_gallop;
            k = gallop_right(ms, ssb.keys[0], basea.keys, na, na - 1);
            if (k < 0)
                goto fail;
            k = na - k;
            acount = k;
            if (k) {
                ss_advance(&dest, -k);
                ss_advance(&ssa, -k);
                ss_memmove(&dest, 1, &ssa, 1, k);
                na -= k;
                if (na == 0)
                    goto succeed;
            }
            ss_copy_decr(&dest, &ssb);
            --nb;
            if (nb == 1)
                goto copy_a;

            k = gallop_left(ms, ssa.keys[0], baseb.keys, nb, nb - 1);
            if (k < 0)
                goto fail;
            k = nb - k;
            bcount = k;
            if (k) {
                ss_advance(&dest, -k);
                ss_advance(&ssb, -k);
                ss_memcpy(&dest, 1, &ssb, 1, k);
                nb -= k;
                if (nb == 1)
                    goto copy_a;
                if (nb == 0)
                    goto succeed;
            }
            ss_copy_decr(&dest, &ssa);
            --na;
            if (na == 0)
                goto succeed;
        } while (acount >= MIN_GALLOP || bcount >= MIN_GALLOP);
        ++min_gallop;
        ms->min_gallop = min_gallop;
    }
succeed:
    result = 0;
fail:
    if (nb)
        ss_memcpy(&dest, -(nb - 1), &baseb, 0, nb);
    return result;
copy_a:
    /* the first item of B goes before the rest of A */
    ss_memmove(&dest, 1 - na, &ssa, 1 - na, na);
    ss_advance(&dest, -na);
    ss_advance(&ssa, -na);
    ss_copy(&dest, 0, &ssb, 0);
    return 0;
}

/* Merge pending runs i and i+1. */
static ssize_t merge_at(MergeState *ms, int i) {
    SortSlice ssa = ms->pending[i].base, ssb = ms->pending[i + 1].base;
    ssize_t na = ms->pending[i].len, nb = ms->pending[i + 1].len;
    ssize_t k;
    ms->pending[i].len = na + nb;
    if (i == ms->n - 3)
        ms->pending[i + 1] = ms->pending[i + 2];
    --ms->n;
    /* items of A before where B starts are already in place */
    k = gallop_right(ms, *ssb.keys, ssa.keys, na, 0);
    if (k < 0)
        return -1;
    ss_advance(&ssa, k);
    na -= k;
    if (na == 0)
        return 0;
    /* items of B after where A ends are already in place */
    nb = gallop_left(ms, ssa.keys[na - 1], ssb.keys, nb, nb - 1);
    if (nb <= 0)
        return nb;
    if (na <= nb)
        return merge_lo(ms, ssa, na, ssb, nb);
    return merge_hi(ms, ssa, na, ssb, nb);
}

/* Powersort's node power of the boundary between runs [s1, s1+n1) and [s1+n1, s1+n1+n2)
 * in a list of n items (CPython 3.11's merge policy). */
static int powerloop(ssize_t s1, ssize_t n1, ssize_t n2, ssize_t n) {
    int result = 0;
    ssize_t a = 2 * s1 + n1; /* 2 * midpoint of the first run */
    ssize_t b = a + n1 + n2; /* 2 * midpoint of the second */
    for (;;) {
        ++result;
        if (a >= n) {
            a -= n;
            b -= n;
        } else if (b >= n) {
            break;
        }
        a <<= 1;
        b <<= 1;
    }
    return result;
}

static int found_new_run(MergeState *ms, ssize_t n2) {
    if (ms->n) {
        PendingRun *p = ms->pending;
        ssize_t s1 = p[ms->n - 1].base.keys - ms->basekeys;
        ssize_t n1 = p[ms->n - 1].len;
        int power = powerloop(s1, n1, n2, ms->listlen);
        while (ms->n > 1 && p[ms->n - 2].power > power) {
            if (merge_at(ms, ms->n - 2) < 0)
                return -1;
        }
        p[ms->n - 1].power = power;
    }
    return 0;
}

static int merge_force_collapse(MergeState *ms) {
    PendingRun *p = ms->pending;
    while (ms->n > 1) {
        int n = ms->n - 2;
        if (n > 0 && p[n - 1].len < p[n + 1].len)
            --n;
        if (merge_at(ms, n) < 0)
            return -1;
    }
    return 0;
}

/* The minimum run length for n items: 32..64, so that n/minrun is a power of 2 or just
 * below one. */
static ssize_t merge_compute_minrun(ssize_t n) {
    ssize_t r = 0;
    while (n >= 64) {
        r |= n & 1;
        n >>= 1;
    }
    return n + r;
}

/* Sort keys[0..n) (and values alongside when not NULL). 0, or -1 with an exception set
 * (the arrays then hold a permutation of their items). */
static int timsort(FtObject **keys, FtObject **values, ssize_t n,
                   int (*lt)(FtObject *, FtObject *)) {
    MergeState ms_storage;
    MergeState *ms = &ms_storage;
    ms->lt = lt;
    ms->min_gallop = MIN_GALLOP;
    ms->basekeys = keys;
    ms->listlen = n;
    ms->n = 0;
    /* a merge never needs more than min(na, nb) <= n/2 temporary slots */
    ms->tmp_cap = n / 2 + 1;
    ms->a.keys = ft_mem_alloc((size_t)ms->tmp_cap * (values ? 2 : 1) * sizeof(FtObject *));
    if (!ms->a.keys)
        return -1;
    ms->a.values = values ? ms->a.keys + ms->tmp_cap : NULL;

    int result = -1;
    SortSlice lo = {keys, values};
    ssize_t nremaining = n;
    ssize_t minrun = merge_compute_minrun(nremaining);
    do {
        int descending;
        ssize_t r = count_run(ms, lo.keys, lo.keys + nremaining, &descending);
        if (r < 0)
            goto done;
        if (descending)
            reverse_sortslice(&lo, r);
        /* a short run is extended to min(minrun, nremaining) by binary insertion */
        if (r < minrun) {
            const ssize_t force = nremaining <= minrun ? nremaining : minrun;
            if (binarysort(ms, lo, lo.keys + force, lo.keys + r) < 0)
                goto done;
            r = force;
        }
        if (found_new_run(ms, r) < 0)
            goto done;
        ms->pending[ms->n].base = lo;
        ms->pending[ms->n].len = r;
        ++ms->n;
        ss_advance(&lo, r);
        nremaining -= r;
    } while (nremaining);
    if (merge_force_collapse(ms) < 0)
        goto done;
    result = 0;
done:
    ft_mem_free(ms->a.keys);
    return result;
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
        /* Pick a specialised comparison when every key has the same simple type. */
        int (*lt)(FtObject *, FtObject *) = lt_generic;
        FtType *t0 = FT_TYPE(keys[0]);
        bool same = true;
        for (ssize_t i = 1; i < n && same; i++)
            same = FT_TYPE(keys[i]) == t0;
        if (same && t0 == &ft_int_type)
            lt = lt_int;
        else if (same && t0 == &ft_str_type)
            lt = lt_str;
        else if (same && t0 == &ft_float_type)
            lt = lt_float;
        result = timsort(keys, keys != saved_items ? saved_items : NULL, n, lt);
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
