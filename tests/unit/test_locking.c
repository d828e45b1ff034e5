/* The locking strategy's primitives, tested in the build that compiles them in:
 * gil: the hand-off (a drop request reaches a spinning holder, forced switching);
 * brc: the biased reference-count state machine (owner-local, shared, merged);
 * atomic: counts under concurrent increments and decrements.
 * Every test checks outcomes, never durations. */
#include "runtime/tstate.h"
#include <criterion/criterion.h>
#include <pthread.h>

#if FT_LOCKING_GIL

static volatile int other_ran;

static void *other_thread(void *arg) {
    FtThreadState *ts = arg;
    ft_tstate_current = ts;
    lk_thread_init(ts); /* blocks until the holder drops the GIL */
    __atomic_store_n(&other_ran, 1, __ATOMIC_RELEASE);
    lk_thread_exit(ts);
    return NULL;
}

Test(gil, holder_spinning_at_yield_points_hands_over) {
    FtThreadState *main_ts = ft_tstate_new(), *ts2 = ft_tstate_new();
    ft_tstate_current = main_ts;
    lk_thread_init(main_ts);
    FtGilStats before = lk_gil_stats();
    pthread_t t;
    pthread_create(&t, NULL, other_thread, ts2);
    /* The holder never blocks: only a drop request can let the other thread in. */
    while (!__atomic_load_n(&other_ran, __ATOMIC_ACQUIRE))
        if (__atomic_load_n(&main_ts->eval_breaker, __ATOMIC_RELAXED))
            lk_yield(main_ts);
    pthread_join(t, NULL);
    FtGilStats after = lk_gil_stats();
    cr_assert_geq(after.drop_requests - before.drop_requests, 1);
    cr_assert_geq(after.forced_switches - before.forced_switches, 1);
    cr_assert_geq(after.switches - before.switches, 1);
    lk_thread_exit(main_ts);
}

Test(gil, detach_lets_another_thread_in_without_a_request) {
    FtThreadState *main_ts = ft_tstate_new(), *ts2 = ft_tstate_new();
    ft_tstate_current = main_ts;
    other_ran = 0;
    lk_thread_init(main_ts);
    FtGilStats before = lk_gil_stats();
    pthread_t t;
    pthread_create(&t, NULL, other_thread, ts2);
    lk_detach(main_ts); /* as around a blocking call */
    pthread_join(t, NULL);
    lk_attach(main_ts);
    FtGilStats after = lk_gil_stats();
    cr_assert_eq(other_ran, 1);
    cr_assert_eq(after.forced_switches, before.forced_switches);
    lk_thread_exit(main_ts);
}

#elif FT_LOCKING_GIL_LEGACY

static volatile int legacy_other_ran;

static void *legacy_other(void *arg) {
    FtThreadState *ts = arg;
    ft_tstate_current = ts;
    lk_thread_init(ts);
    legacy_other_ran = 1;
    lk_thread_exit(ts);
    return NULL;
}

Test(gil_legacy, holder_releases_every_check_interval_without_waiting) {
    FtThreadState *ts = ft_tstate_new();
    ft_tstate_current = ts;
    ft_runtime.check_interval = 10;
    lk_thread_init(ts);
    cr_assert(ts->eval_breaker & LK_BREAK_GIL_DROP, "every yield point must reach lk_yield");
    FtGilStats before = lk_gil_stats();
    for (int i = 0; i < 100; i++)
        lk_yield(ts);
    FtGilStats after = lk_gil_stats();
    cr_assert_eq(after.drop_requests - before.drop_requests, 10);
    cr_assert_eq(after.forced_switches, before.forced_switches, "no forced switching");
    cr_assert(ts->eval_breaker & LK_BREAK_GIL_DROP);
    lk_thread_exit(ts);
}

Test(gil_legacy, detach_lets_another_thread_in) {
    FtThreadState *ts = ft_tstate_new(), *ts2 = ft_tstate_new();
    ft_tstate_current = ts;
    lk_thread_init(ts);
    pthread_t t;
    pthread_create(&t, NULL, legacy_other, ts2);
    lk_detach(ts);
    pthread_join(t, NULL);
    lk_attach(ts);
    cr_assert_eq(legacy_other_ran, 1);
    lk_thread_exit(ts);
}

#elif FT_LOCKING_BRC

/* Each test thread runs as a Python thread would: registered with the strategy. */
static void register_thread(void) {
    FtThreadState *ts = ft_tstate_new();
    ft_tstate_current = ts;
    lk_thread_init(ts);
}

static void unregister_thread(void) {
    FtThreadState *ts = ft_tstate_current;
    lk_thread_exit(ts);
    ft_tstate_delete(ts);
}

static void *incref_from_other_thread(void *arg) {
    register_thread();
    lk_incref(arg);
    unregister_thread();
    return NULL;
}

static void *decref_from_other_thread(void *arg) {
    register_thread();
    bool freed = lk_decref(arg);
    unregister_thread();
    return (void *)(uintptr_t)freed;
}

static bool decref_in_thread(lk_refcnt *rc) {
    pthread_t t;
    void *freed;
    pthread_create(&t, NULL, decref_from_other_thread, rc);
    pthread_join(t, &freed);
    return freed != NULL;
}

static void incref_in_thread(lk_refcnt *rc) {
    pthread_t t;
    pthread_create(&t, NULL, incref_from_other_thread, rc);
    pthread_join(t, NULL);
}

TestSuite(brc, .init = register_thread);

Test(brc, owner_counts_locally) {
    lk_refcnt rc;
    lk_refcnt_init(&rc);
    lk_incref(&rc);
    lk_incref(&rc);
    cr_assert_eq(rc.ob_ref_local, 3);
    cr_assert_eq(rc.ob_ref_shared, 0);
    cr_assert_not(lk_decref(&rc));
    cr_assert_not(lk_decref(&rc));
    cr_assert(lk_decref(&rc), "the owner's last reference frees an unshared object");
}

Test(brc, other_threads_count_shared_and_owner_merges_at_zero) {
    lk_refcnt rc;
    lk_refcnt_init(&rc);
    incref_in_thread(&rc);
    cr_assert_eq(rc.ob_ref_local, 1);
    cr_assert_eq(rc.ob_ref_shared >> LK_SHARED_SHIFT, 1);
    cr_assert_eq(lk_refcount(&rc), 2);
    /* The owner drops its reference: the object is merged, not freed. */
    cr_assert_not(lk_decref(&rc));
    cr_assert(rc.ob_ref_shared & LK_SHARED_MERGED);
    cr_assert_eq(rc.ob_tid, 0);
    /* The other reference is now the last one, counted in the shared field. */
    cr_assert(decref_in_thread(&rc), "the last shared reference of a merged object frees it");
}

Test(brc, merged_object_survives_while_referenced) {
    lk_refcnt rc;
    lk_refcnt_init(&rc);
    incref_in_thread(&rc);
    incref_in_thread(&rc);
    cr_assert_not(lk_decref(&rc)); /* owner: merged, shared = 2 */
    cr_assert_not(decref_in_thread(&rc));
    cr_assert_eq(lk_refcount(&rc), 1);
    cr_assert(lk_decref(&rc));
}

/* A real object header whose deallocation the test can see. */
static int freed_count;
static void count_free(FtObject *o) {
    FT_UNUSED(o);
    freed_count++;
}
static FtType counting_type = {.tp_name = "counting", .tp_dealloc = count_free};

Test(brc, reference_passed_to_another_thread_is_queued_and_merged_by_owner) {
    FtObject o = {.ob_type = &counting_type};
    lk_refcnt_init(&o.ob_rc);
    freed_count = 0;
    /* The owner's only reference moves to another thread, which drops it: the decrement is
     * deferred to the owner's merge queue instead of making the shared count negative. */
    cr_assert_not(decref_in_thread(&o.ob_rc));
    cr_assert(o.ob_rc.ob_ref_shared & LK_SHARED_QUEUED);
    cr_assert_eq(lk_refcount(&o.ob_rc), 0);
    cr_assert(ft_tstate_current->eval_breaker & LK_BREAK_MERGE);
    cr_assert_eq(freed_count, 0);
    lk_yield(ft_tstate_current); /* the owner's next yield point merges */
    cr_assert_eq(freed_count, 1);
    cr_assert_not(ft_tstate_current->eval_breaker & LK_BREAK_MERGE);
}

Test(brc, moved_references_are_settled_when_the_owner_merges) {
    FtObject o = {.ob_type = &counting_type};
    lk_refcnt_init(&o.ob_rc);
    lk_incref(&o.ob_rc);                       /* local 2: both references move away */
    freed_count = 0;
    cr_assert_not(decref_in_thread(&o.ob_rc)); /* shared was 0: deferred, queued */
    cr_assert_not(decref_in_thread(&o.ob_rc)); /* queued already: shared goes to -1 */
    cr_assert_eq(lk_refcount(&o.ob_rc), 0);
    cr_assert_eq(freed_count, 0, "only the owner may free a queued object");
    lk_yield(ft_tstate_current);
    cr_assert_eq(freed_count, 1);
}

Test(brc, immortal_objects_never_change) {
    lk_refcnt rc;
    lk_refcnt_init(&rc);
    lk_make_immortal(&rc);
    lk_incref(&rc);
    cr_assert_not(lk_decref(&rc));
    cr_assert_not(lk_decref(&rc));
    cr_assert(lk_is_immortal(&rc));
    cr_assert_eq(lk_refcount(&rc), LK_IMMORTAL_REPORTED);
}

#elif FT_LOCKING_ATOMIC

enum { N_THREADS = 4, N_OPS = 100000 };

static void *churn(void *arg) {
    for (int i = 0; i < N_OPS; i++) {
        lk_incref(arg);
        lk_incref(arg);
        cr_assert_not(lk_decref(arg));
    }
    return NULL;
}

Test(atomic, concurrent_counts_are_exact) {
    lk_refcnt rc;
    lk_refcnt_init(&rc);
    pthread_t t[N_THREADS];
    for (int i = 0; i < N_THREADS; i++)
        pthread_create(&t[i], NULL, churn, &rc);
    for (int i = 0; i < N_THREADS; i++)
        pthread_join(t[i], NULL);
    cr_assert_eq(lk_refcount(&rc), 1 + N_THREADS * N_OPS);
}

Test(atomic, immortal_objects_never_change) {
    lk_refcnt rc;
    lk_refcnt_init(&rc);
    lk_make_immortal(&rc);
    lk_incref(&rc);
    cr_assert_not(lk_decref(&rc));
    cr_assert(lk_is_immortal(&rc));
}

#endif
