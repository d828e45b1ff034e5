/* The cycle collector: CPython 3.11's generational algorithm (Modules/gcmodule.c), written
 * anew for ftpy's locking strategies.
 *
 * A collection of generation g takes the lists of generations 0..g (of every thread, in
 * free-threaded builds) into one working list `young` and then:
 *   1. untracks tuples that can never be part of a cycle (all items untracked atoms);
 *   2. copies each object's true reference count into its gc_refs (update_refs);
 *   3. subtracts the references that objects in `young` hold to each other (tp_traverse):
 *      an object left with gc_refs > 0 is referenced from outside: it is a root;
 *   4. moves everything reachable from the roots back, the rest to `unreachable`
 *      (move_unreachable: one pass, objects found reachable late are pulled back);
 *   5. promotes the survivors to generation g+1 (a full collection also untracks dicts
 *      that hold only atoms);
 *   6. clears the weak references to unreachable objects (calling the callbacks of those
 *      weakrefs that are not garbage themselves), runs each tp_finalize once (PEP 442),
 *      recomputes reachability within `unreachable` (a finalizer may resurrect objects:
 *      those survive), and calls tp_clear on the rest to break their cycles; reference
 *      counting then frees them.
 *
 * When. Allocations minus frees of containers count in count[0]; past threshold[0] the
 * allocating thread sets LK_BREAK_GC in its eval breaker and the collection runs at its
 * next yield point (ft_gc_collect_pending), never in the middle of C code. Generation g+1
 * is collected when generation g has been collected threshold[g+1] times, except that a
 * full collection waits until the objects promoted to generation 2 since the last one
 * exceed 25% of those that survived it (CPython's long-lived heuristic): building a huge
 * list of containers costs O(n) in collections, not O(n^2).
 *
 * Free-threaded strategies. Finding the garbage stops the world (lk_stop_the_world): every
 * other thread is parked at a yield point or detached in a blocking call, so the lists and
 * counts are stable and FT_REFCNT is exact. Under brc every thread's merge queue is merged
 * first, so no garbage object carries a deferred decrement. The collector then takes a
 * reference to every garbage object and restarts the world: weakref callbacks and
 * finalizers run while the other threads run (a finalizer may wait for them); the world is
 * stopped again only to recompute reachability after the finalizers (collect_main).
 *
 * Summary: (1) only objects whose every reference comes from the collected set are garbage;
 * (2) nothing is freed by the collector itself: tp_clear drops references and reference
 * counting frees, so a resurrected or still-referenced object simply survives; (3) each
 * finalizer runs at most once (FT_GC_FINALIZED); (4) one collection at a time. */
#include "gc/gcstate.h"
#include "locking/strategy.h"
#include "runtime/errors.h"
#include "core/types.h"
#include <stdio.h>
#include <time.h>

#if FT_LOCKING_BRC
void lk_brc_merge_all_queues(FtThreadState *ts); /* locking/brc.c */
#endif

static inline intptr_t get_refs(FtGCHead *g) { return (intptr_t)g->gc_bits >> FT_GC_REFS_SHIFT; }
static inline void set_refs(FtGCHead *g, intptr_t r) {
    g->gc_bits = (g->gc_bits & FT_GC_FLAG_MASK) | ((uintptr_t)r << FT_GC_REFS_SHIFT);
}
static inline void move_to(FtGCHead *g, GCList *to) {
    gc_unlink_raw(g);
    gc_list_append_raw(to, g);
}
static inline int traverse(FtObject *o, ft_visitproc visit, void *arg) {
    ft_traverseproc t = FT_TYPE(o)->tp_traverse;
    return t ? t(o, visit, arg) : 0;
}

/* ---- the world ---------------------------------------------------------------------------- */

static void stop_world(void) {
#if FT_FREE_THREADED
    FtThreadState *ts = ft_tstate_get();
    if (ts)
        lk_stop_the_world(ts);
#endif
}

static void start_world(void) {
#if FT_FREE_THREADED
    FtThreadState *ts = ft_tstate_get();
    if (ts)
        lk_start_the_world(ts);
#endif
}

/* The generation lists of every thread, in turn (world stopped or GIL held). */
#if FT_FREE_THREADED
#define FOR_EACH_LISTS(t) for (GCThread *t = gc_threads; t; t = t->next)
#else
#define FOR_EACH_LISTS(t) for (GCThread *t = gc_thread_get(); t; t = NULL)
#endif

static GCList *target_list(int gen) { return &gc_thread_get()->gens[gen]; }

/* ---- the algorithm ------------------------------------------------------------------------ */

static void update_refs(GCList *young) {
    for (FtGCHead *g = young->head.gc_next; g != &young->head; g = g->gc_next) {
        g->gc_bits = (g->gc_bits & (FT_GC_FLAG_MASK & ~FT_GC_UNREACHABLE)) | FT_GC_COLLECTING;
        set_refs(g, FT_REFCNT(FT_FROM_GC(g)));
    }
}

static int visit_decref(FtObject *o, void *arg) {
    (void)arg;
    if (o && ft_gc_has_head(o)) {
        FtGCHead *g = FT_AS_GC(o);
        if (g->gc_bits & FT_GC_COLLECTING)
            set_refs(g, get_refs(g) - 1);
    }
    return 0;
}

static void subtract_refs(GCList *young) {
    for (FtGCHead *g = young->head.gc_next; g != &young->head; g = g->gc_next)
        traverse(FT_FROM_GC(g), visit_decref, NULL);
}

static int visit_reachable(FtObject *o, void *arg) {
    if (!o || !ft_gc_has_head(o))
        return 0;
    FtGCHead *g = FT_AS_GC(o);
    uintptr_t bits = g->gc_bits;
    if (!(bits & FT_GC_COLLECTING))
        return 0; /* outside the set, or already scanned as reachable */
    if (bits & FT_GC_UNREACHABLE) {
        /* moved to unreachable too early: back to young's tail, to be scanned there */
        move_to(g, (GCList *)arg);
        g->gc_bits &= ~FT_GC_UNREACHABLE;
        set_refs(g, 1);
    } else if (get_refs(g) == 0) {
        set_refs(g, 1); /* still ahead in young: it will be scanned as reachable */
    }
    return 0;
}

/* Split young: what is reachable from objects with outside references stays (COLLECTING
 * cleared), the rest goes to unreachable (COLLECTING | UNREACHABLE). */
static void move_unreachable(GCList *young, GCList *unreachable) {
    FtGCHead *g = young->head.gc_next;
    while (g != &young->head) {
        FtGCHead *next;
        if (get_refs(g) > 0) {
            traverse(FT_FROM_GC(g), visit_reachable, young);
            g->gc_bits &= ~FT_GC_COLLECTING;
            next = g->gc_next;
        } else {
            next = g->gc_next;
            move_to(g, unreachable);
            g->gc_bits |= FT_GC_UNREACHABLE;
        }
        g = next;
    }
}

/* Does tuple t (kept tracked by ft_tuple_maybe_untrack) hold a tracked tuple? Then a later
 * pass may untrack it once that item is untracked. */
static bool holds_tracked_tuple(FtObject *t) {
    for (ssize_t i = 0; i < FT_SIZE(t); i++) {
        FtObject *x = FT_TUPLE_GET(t, i);
        if (x && FT_TYPE(x) == &ft_tuple_type && (FT_AS_GC(x)->gc_bits & FT_GC_TRACKED))
            return true;
    }
    return false;
}

/* CPython's untrack_tuples, in up to three passes so that ((1, 2), 3) goes whatever the
 * order of the list (a pass only unlinks the tuple it looks at: iteration stays valid). */
static void untrack_tuples(GCList *young) {
    for (int pass = 0; pass < 3; pass++) {
        bool again = false;
        FtGCHead *g = young->head.gc_next;
        while (g != &young->head) {
            FtGCHead *next = g->gc_next;
            FtObject *o = FT_FROM_GC(g);
            if (FT_TYPE(o) == &ft_tuple_type) {
                ft_tuple_maybe_untrack(o);
                if (!again && (g->gc_bits & FT_GC_TRACKED) && holds_tracked_tuple(o))
                    again = true;
            }
            g = next;
        }
        if (!again)
            return;
    }
}

static void untrack_dicts(GCList *young) {
    FtGCHead *g = young->head.gc_next;
    while (g != &young->head) {
        FtGCHead *next = g->gc_next;
        FtObject *o = FT_FROM_GC(g);
        if (FT_TYPE(o) == &ft_dict_type)
            ft_dict_maybe_untrack(o);
        g = next;
    }
}

/* Survivors go to `to` with their collection bits cleared (one walk: the bits and, in
 * free-threaded builds, the list pointer). */
static void promote(GCList *from, GCList *to) {
    if (gc_list_empty(from))
        return;
    for (FtGCHead *g = from->head.gc_next; g != &from->head; g = g->gc_next) {
        g->gc_bits &= FT_GC_FLAG_MASK & ~(FT_GC_COLLECTING | FT_GC_UNREACHABLE);
#if FT_FREE_THREADED
        g->gc_list = to;
#endif
    }
    FtGCHead *first = from->head.gc_next, *last = from->head.gc_prev, *tail = to->head.gc_prev;
    tail->gc_next = first;
    first->gc_prev = tail;
    last->gc_next = &to->head;
    to->head.gc_prev = last;
    from->head.gc_next = from->head.gc_prev = &from->head;
}

static void debug_object(const char *what, FtObject *o) {
    fprintf(stderr, "gc: %s <%s %p>\n", what, FT_TYPE(o)->tp_name, (void *)o);
}

/* Clear the weak references to the garbage (world stopped: nobody can dereference them any
 * more); return the (callback, weakref) pairs of those that are not garbage themselves. */
static FtObject *clear_weakrefs(GCList *unreachable) {
    FtObject *calls = NULL;
    for (FtGCHead *g = unreachable->head.gc_next; g != &unreachable->head; g = g->gc_next) {
        if (!(GC_FLAGS(g) & FT_GC_WEAKREFS))
            continue;
        if (!calls && !(calls = ft_list_new(0))) {
            ft_err_clear();
            return NULL;
        }
        if (ft_weakref_clear_for_gc(FT_FROM_GC(g), calls) < 0)
            ft_err_clear();
    }
    return calls;
}

static void call_weakref_callbacks(FtObject *calls) {
    if (!calls)
        return;
    for (ssize_t i = 0; i < FT_SIZE(calls); i++) {
        FtObject *pair = FT_LIST_GET(calls, i); /* (callback, weakref) */
        FtObject *r = ft_object_call_one(FT_TUPLE_GET(pair, 0), FT_TUPLE_GET(pair, 1));
        if (r)
            FT_DECREF(r);
        else
            ft_err_write_unraisable(FT_TUPLE_GET(pair, 0));
    }
    FT_DECREF(calls);
}

/* PEP 442: run each tp_finalize once. The collector holds a reference to every object of
 * the set, so none dies and the list does not change under us. */
static void finalize_garbage(GCList *unreachable) {
    for (FtGCHead *g = unreachable->head.gc_next; g != &unreachable->head; g = g->gc_next) {
        FtObject *o = FT_FROM_GC(g);
        ft_destructor fin = FT_TYPE(o)->tp_finalize;
        if (fin && !(GC_FLAGS(g) & FT_GC_FINALIZED)) {
            GC_SET_FLAG(g, FT_GC_FINALIZED);
            fin(o);
            if (ft_err_occurred())
                ft_err_write_unraisable(o);
        }
    }
}

static void clear_collect_bits(FtGCHead *g) {
    g->gc_bits &= FT_GC_FLAG_MASK & ~(FT_GC_COLLECTING | FT_GC_UNREACHABLE);
}

/* Link g into old, which other threads may be using (world running): under its lock. */
static void move_to_locked(FtGCHead *g, GCList *old) {
    gc_unlink_raw(g);
    gc_list_lock(old);
    gc_list_append_raw(old, g);
    gc_list_unlock(old);
}

/* Break the cycles: tp_clear each object, then drop the collector's reference; reference
 * counting frees what it can. What survives (referenced from elsewhere, no tp_clear, or
 * saved by DEBUG_SAVEALL) goes to the old generation. */
static void delete_garbage(GCList *collectable, GCList *old) {
    while (!gc_list_empty(collectable)) {
        FtGCHead *g = collectable->head.gc_next;
        FtObject *o = FT_FROM_GC(g);
        if (gc_state.debug & 0x20 /* DEBUG_SAVEALL */) {
            if (gc_state.garbage && ft_list_append(gc_state.garbage, o) < 0)
                ft_err_clear();
        } else if (FT_TYPE(o)->tp_clear) {
            (void)FT_TYPE(o)->tp_clear(o);
            if (ft_err_occurred())
                ft_err_write_unraisable(o);
        }
        clear_collect_bits(g);
        move_to_locked(g, old);
        FT_DECREF(o);
    }
}

/* How many objects gc.collect() reports. CPython 3.11 keeps a class instance's attributes
 * inline and builds its __dict__ only when asked for, so a garbage instance counts as one
 * object where ftpy has two: an instance __dict__ that nothing but its garbage owner
 * references (and the collector: `held` references) is not counted, so that the numbers
 * match CPython's. */
static ssize_t count_garbage(GCList *final, intptr_t held) {
    ssize_t n = 0;
    for (FtGCHead *g = final->head.gc_next; g != &final->head; g = g->gc_next) {
        n++;
        FtObject *o = FT_FROM_GC(g);
        if (!FT_TYPE(o)->tp_dictoffset || !(FT_TYPE(o)->tp_flags & FT_TPFLAGS_HEAPTYPE))
            continue;
        FtObject **dp = ft_object_dict_ptr(o);
        FtObject *d = dp ? *dp : NULL;
        if (d && FT_TYPE(d) == &ft_dict_type && (FT_AS_GC(d)->gc_bits & FT_GC_COLLECTING) &&
            (FT_AS_GC(d)->gc_bits & FT_GC_TRACKED) && FT_REFCNT(d) == 1 + held)
            n--;
    }
    return n;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

/* One collection of generation `gen` and younger.
 *
 * Phases (free-threaded builds stop the world for A and C only; under the GIL they are
 * simply consecutive):
 *   A (world stopped) find the unreachable set, promote the survivors, clear the weakrefs
 *     to the garbage, take a reference to every garbage object (so that none dies and the
 *     set stays put while Python code runs);
 *   B (world running) weakref callbacks, finalizers;
 *   C (world stopped) recompute reachability within the set (resurrected objects survive);
 *   D (world running) tp_clear the rest, drop the collector's references.
 * Finalizers thus run while the other threads run, and may wait for them. */
static ssize_t collect_main(int gen) {
    double t0 = 0;
    stop_world();
#if FT_LOCKING_BRC
    if (ft_tstate_get())
        lk_brc_merge_all_queues(ft_tstate_get());
#endif
    if (gc_state.debug & 1 /* DEBUG_STATS */) {
        t0 = now();
        ssize_t sizes[GC_NGEN] = {0};
        FOR_EACH_LISTS(t)
            for (int i = 0; i < GC_NGEN; i++)
                sizes[i] += gc_list_size(&t->gens[i]);
        fprintf(stderr, "gc: collecting generation %d...\n", gen);
        fprintf(stderr, "gc: objects in each generation: %zd %zd %zd\n", sizes[0], sizes[1],
                sizes[2]);
    }
    /* The generation after the one collected counts one more collection of its junior. */
    if (gen + 1 < GC_NGEN)
        gc_state.count[gen + 1]++;
    for (int i = 0; i <= gen; i++)
        __atomic_store_n(&gc_state.count[i], 0, __ATOMIC_RELAXED);

    GCList young, unreachable;
    gc_list_init(&young);
    gc_list_init(&unreachable);
#if FT_FREE_THREADED
    pthread_mutex_lock(&gc_registry_lock);
#endif
    FOR_EACH_LISTS(t)
        for (int i = 0; i <= gen; i++)
            gc_list_splice(&t->gens[i], &young);
#if FT_FREE_THREADED
    pthread_mutex_unlock(&gc_registry_lock);
#endif
    GCList *old = target_list(gen + 1 < GC_NGEN ? gen + 1 : gen);

    untrack_tuples(&young);
    update_refs(&young);
    subtract_refs(&young);
    move_unreachable(&young, &unreachable);

    /* Promote the survivors (CPython's long-lived accounting). */
    if (gen == GC_NGEN - 1) {
        untrack_dicts(&young);
        gc_state.long_lived_pending = 0;
        gc_state.long_lived_total = gc_list_size(&young);
    } else if (gen == GC_NGEN - 2) {
        gc_state.long_lived_pending += gc_list_size(&young);
    }
    promote(&young, old);

    if (gc_state.debug & 2 /* DEBUG_COLLECTABLE */)
        for (FtGCHead *g = unreachable.head.gc_next; g != &unreachable.head; g = g->gc_next)
            debug_object("collectable", FT_FROM_GC(g));

    if (gc_list_empty(&unreachable)) {
        start_world(); /* nothing to finalize or clear */
        gc_state.stats[gen].collections++;
        ft_stats.gc_collections[gen]++;
        if (gc_state.debug & 1)
            fprintf(stderr, "gc: done, 0 unreachable, 0 uncollectable, %.4fs elapsed\n",
                    now() - t0);
        return 0;
    }
    FtObject *calls = clear_weakrefs(&unreachable);
    for (FtGCHead *g = unreachable.head.gc_next; g != &unreachable.head; g = g->gc_next)
        FT_INCREF(FT_FROM_GC(g));
    start_world();

    call_weakref_callbacks(calls);
    finalize_garbage(&unreachable);

    /* A finalizer may have resurrected some: recompute reachability within the set, not
     * counting the collector's own references. */
    stop_world();
    GCList final, resurrected;
    gc_list_init(&final);
    gc_list_init(&resurrected);
    update_refs(&unreachable);
    for (FtGCHead *g = unreachable.head.gc_next; g != &unreachable.head; g = g->gc_next)
        set_refs(g, get_refs(g) - 1);
    subtract_refs(&unreachable);
    move_unreachable(&unreachable, &final);
    promote(&unreachable, &resurrected);
    ssize_t m = count_garbage(&final, 1);
    start_world();

    while (!gc_list_empty(&resurrected)) {
        FtGCHead *g = resurrected.head.gc_next;
        move_to_locked(g, old);
        FT_DECREF(FT_FROM_GC(g));
    }
    delete_garbage(&final, old);

    gc_state.stats[gen].collections++;
    gc_state.stats[gen].collected += m;
    ft_stats.gc_collections[gen]++;
    ft_stats.gc_collected += (uint64_t)m;
    if (gc_state.debug & 1)
        fprintf(stderr, "gc: done, %zd unreachable, 0 uncollectable, %.4fs elapsed\n", m,
                now() - t0);
    return m;
}

static void invoke_callbacks(const char *phase, int gen, ssize_t collected) {
    FtObject *cbs = gc_state.callbacks;
    if (!cbs || FT_SIZE(cbs) == 0)
        return;
    FtObject *exc = ft_err_fetch();
    FtObject *ph = ft_str_from_cstr(phase);
    FtObject *info = ft_dict_new();
    FtObject *g = ft_int_from_ssize(gen), *c = ft_int_from_ssize(collected);
    if (!ph || !info || !g || !c || ft_dict_set_cstr(info, "generation", g) < 0 ||
        ft_dict_set_cstr(info, "collected", c) < 0 ||
        ft_dict_set_cstr(info, "uncollectable", (FtObject *)&ft_small_ints[-FT_SMALL_INT_MIN]) < 0) {
        ft_err_write_unraisable(NULL);
    } else {
        /* A copy: a callback may change gc.callbacks. */
        FtObject *copy = ft_list_new(0);
        for (ssize_t i = 0; copy && i < FT_SIZE(cbs); i++)
            ft_list_append(copy, FT_LIST_GET(cbs, i));
        for (ssize_t i = 0; copy && i < FT_SIZE(copy); i++) {
            FtObject *r = ft_object_call_va(FT_LIST_GET(copy, i), ph, info, NULL);
            if (r)
                FT_DECREF(r);
            else
                ft_err_write_unraisable(FT_LIST_GET(copy, i));
        }
        FT_XDECREF(copy);
    }
    FT_XDECREF(ph);
    FT_XDECREF(info);
    FT_XDECREF(g);
    FT_XDECREF(c);
    ft_err_restore(exc);
}

/* One collection with the callbacks around it; 0 when another one is running. */
static ssize_t collect_with_callbacks(int gen) {
    int expected = 0;
    if (!__atomic_compare_exchange_n(&gc_state.collecting, &expected, 1, false, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED))
        return 0;
    invoke_callbacks("start", gen, 0);
    FtObject *exc = ft_err_fetch();
    ssize_t n = collect_main(gen);
    ft_err_restore(exc);
    invoke_callbacks("stop", gen, n);
    __atomic_store_n(&gc_state.collecting, 0, __ATOMIC_RELEASE);
    return n;
}

ssize_t ft_gc_collect(int generation) {
    if (generation < 0 || generation >= GC_NGEN) {
        ft_err_set_string(ft_exc_ValueError, "invalid generation");
        return -1;
    }
    return collect_with_callbacks(generation);
}

void ft_gc_collect_pending(FtThreadState *ts) {
    __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)LK_BREAK_GC, __ATOMIC_RELAXED);
    if (!__atomic_load_n(&gc_state.enabled, __ATOMIC_RELAXED) ||
        __atomic_load_n(&gc_state.collecting, __ATOMIC_RELAXED))
        return;
    /* The oldest generation whose count exceeds its threshold (CPython's
     * collect_generations), a full collection only past the long-lived ratio. */
    for (int i = GC_NGEN - 1; i >= 0; i--) {
        intptr_t count = __atomic_load_n(&gc_state.count[i], __ATOMIC_RELAXED);
        if (count > gc_state.threshold[i] && gc_state.threshold[i] > 0) {
            if (i == GC_NGEN - 1 && gc_state.long_lived_pending < gc_state.long_lived_total / 4)
                continue;
            collect_with_callbacks(i);
            break;
        }
    }
}
