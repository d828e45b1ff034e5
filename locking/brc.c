/* Biased reference counting: the slow paths (the fast ones are in locking/brc.h).
 *
 * An object's true count is  local + shared - (1 if QUEUED).  The states:
 *
 *   owned    ob_tid = owner. The owner changes `local` without atomics; other threads
 *            add to / subtract from `shared` atomically. `shared` may go negative while
 *            the object is queued: only the sum is meaningful.
 *   queued   a non-owner's decrement found shared == 0 (no flags): making it -1 would leave
 *            nobody responsible for noticing the object's death, so the decrement is
 *            deferred instead: QUEUED is set and the object goes to its owner's merge queue.
 *            The owner applies the decrement when it merges, at its next yield point
 *            (LK_BREAK_MERGE).
 *   merged   ob_tid = 0, local = 0: every thread uses `shared` atomically; the thread that
 *            brings it to zero (with QUEUED clear) frees the object.
 *
 * Transitions:
 *   a. owner's local reaches 0 (lk_brc_local_zero): if shared is exactly 0 (no flags) the
 *      object is dead; otherwise set MERGED (keeping QUEUED) and give up ownership; it is
 *      dead only if that leaves exactly MERGED (count 0, nothing deferred).
 *   b. non-owner decrement (lk_brc_decref_shared): shared == 0 -> QUEUED + enqueue;
 *      otherwise count - 1, and a merged object whose field becomes exactly MERGED is dead.
 *   c. the owner merges a queued object (merge_one): apply the deferred decrement; if the
 *      object is still owned, fold local into shared (MERGED, ob_tid = 0, local = 0); it is
 *      dead when the true count is 0.
 *   d. a queued object whose owner has exited is merged at once by the queuing thread: owner
 *      ids are never reused, so nobody can write `local` any more.
 *
 * A queued object cannot be freed by (a) or (b): its deferred decrement keeps the field
 * above "exactly MERGED" until (c) applies it, so the queue never holds a dead object.
 *
 * Memory ordering: every decrement is a release and the freeing thread issues an acquire
 * fence first, as for atomic reference counting (locking/atomic.h). The owner's plain local
 * stores are published to other threads by the release CAS that merges them (a, c).
 *
 * Summary: (1) local + shared - queued is the count; (2) each path that can observe a zero
 * count frees, and only one can; (3) a queued object lives until its owner merges it;
 * (4) ids are never reused, so a dead owner's objects are merged by whoever queues them. */
#include "locking/world.h"
#include <stdlib.h>

_Thread_local uintptr_t lk_brc_tid = UINTPTR_MAX;
static uintptr_t next_tid = 1;

static void free_object(lk_refcnt *rc) {
    /* Acquire: pairs with the release decrements of every other thread. */
    LK_ACQUIRE_FENCE();
    ft_dealloc((FtObject *)rc);
}

bool lk_brc_local_zero(lk_refcnt *rc) {
    intptr_t shared = __atomic_load_n(&rc->ob_ref_shared, __ATOMIC_ACQUIRE);
    /* Nobody else ever held it; but a weakly referenced object goes through the CAS below,
     * which a weakref dereference in another thread (lk_try_incref) may race with. */
    if (shared == 0 && !__atomic_load_n(&rc->ob_weakref, __ATOMIC_RELAXED))
        return true;
    __atomic_store_n(&rc->ob_tid, 0, __ATOMIC_RELAXED);
    intptr_t merged;
    do {
        merged = shared | LK_SHARED_MERGED;
        /* Release: our local updates happen before anyone sees the object merged. */
    } while (!__atomic_compare_exchange_n(&rc->ob_ref_shared, &shared, merged, false,
                                          __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
    return merged == LK_SHARED_MERGED; /* count 0, not queued */
}

/* c: merge one object taken from our queue (we own it, it is merged already, or its owner
 * has exited): apply the deferred decrement. */
static void merge_one(FtObject *o) {
    lk_refcnt *rc = &o->ob_rc;
    ft_stats.rc_merged++;
    intptr_t shared = __atomic_load_n(&rc->ob_ref_shared, __ATOMIC_RELAXED);
    /* Only an object's owner (or, once the owner has exited, the one thread merging it) sets
     * MERGED, so the state read here cannot change under us. Ownership is given up BEFORE
     * the CAS that publishes the merged count: once it is visible, another thread's
     * decrement may free the object, and nothing may touch it after that. */
    intptr_t local = 0;
    if (!(shared & LK_SHARED_MERGED)) {
        local = (intptr_t)__atomic_load_n(&rc->ob_ref_local, __ATOMIC_RELAXED);
        __atomic_store_n(&rc->ob_tid, 0, __ATOMIC_RELAXED);
        __atomic_store_n(&rc->ob_ref_local, 0, __ATOMIC_RELAXED);
    }
    intptr_t next;
    do {
        if (shared & LK_SHARED_MERGED)
            next = (shared & ~LK_SHARED_QUEUED) - LK_SHARED_ONE;
        else
            next = ((local + (shared >> LK_SHARED_SHIFT) - 1) << LK_SHARED_SHIFT) | LK_SHARED_MERGED;
        /* Acq_rel: acquire the other threads' release decrements; release our own
         * (the owner's local updates) to whoever frees the object later. */
    } while (!__atomic_compare_exchange_n(&rc->ob_ref_shared, &shared, next, false,
                                          __ATOMIC_ACQ_REL, __ATOMIC_RELAXED));
    if (next == LK_SHARED_MERGED)
        free_object(rc);
}

/* Hand a queued object to its owner, or merge it here if the owner has exited (d). */
static void enqueue(lk_refcnt *rc) {
    ft_stats.rc_queued++;
    uintptr_t owner = __atomic_load_n(&rc->ob_tid, __ATOMIC_RELAXED);
    pthread_mutex_lock(&lk_world_lock);
    for (LkThread *t = lk_world_threads; t; t = t->next) {
        if (t->tid != owner)
            continue;
        pthread_mutex_lock(&t->queue_lock);
        if (t->queue_len == t->queue_cap) {
            size_t cap = t->queue_cap ? t->queue_cap * 2 : 64;
            FtObject **q = realloc(t->queue, cap * sizeof *q);
            if (!q)
                abort(); /* cannot lose a reference: no way to report an error here */
            t->queue = q;
            t->queue_cap = cap;
        }
        t->queue[t->queue_len++] = (FtObject *)rc;
        pthread_mutex_unlock(&t->queue_lock);
        __atomic_fetch_or(&t->ts->eval_breaker, LK_BREAK_MERGE, __ATOMIC_RELEASE);
        pthread_mutex_unlock(&lk_world_lock);
        return;
    }
    pthread_mutex_unlock(&lk_world_lock);
    merge_one((FtObject *)rc);
}

bool lk_brc_decref_shared(lk_refcnt *rc) {
    intptr_t shared = __atomic_load_n(&rc->ob_ref_shared, __ATOMIC_RELAXED);
    intptr_t next;
    bool queue;
    do {
        queue = shared == 0; /* owned, not queued, no shared references: b */
        next = queue ? LK_SHARED_QUEUED : shared - LK_SHARED_ONE;
        /* Release: our writes to the object happen before the count drops. */
    } while (!__atomic_compare_exchange_n(&rc->ob_ref_shared, &shared, next, false,
                                          LK_DECREF_ORDER, __ATOMIC_RELAXED));
    if (queue) {
        enqueue(rc);
        return false;
    }
    if (next == LK_SHARED_MERGED) {
        /* Acquire: pairs with every other thread's release decrement. */
        LK_ACQUIRE_FENCE();
        return true;
    }
    return false;
}

/* Merge everything other threads queued for us. */
static void merge_queue(LkThread *t) {
    for (;;) {
        pthread_mutex_lock(&t->queue_lock);
        FtObject **q = t->queue;
        size_t n = t->queue_len;
        t->queue = NULL;
        t->queue_len = t->queue_cap = 0;
        pthread_mutex_unlock(&t->queue_lock);
        if (n == 0)
            return;
        /* Merging may free objects, whose deallocation may queue more: loop. */
        for (size_t i = 0; i < n; i++)
            merge_one(q[i]);
        free(q);
    }
}

void lk_runtime_init(void) {}

void lk_thread_init(FtThreadState *ts) {
    lk_brc_tid = __atomic_fetch_add(&next_tid, 1, __ATOMIC_RELAXED);
    lk_world_thread_init(ts, lk_brc_tid);
}

void lk_thread_exit(FtThreadState *ts) {
    merge_queue(ts->lk);
    lk_world_thread_exit(ts);
    lk_brc_tid = UINTPTR_MAX;
}

void lk_attach(FtThreadState *ts) { lk_world_attach(ts); }
void lk_detach(FtThreadState *ts) { lk_world_detach(ts); }

void lk_yield(FtThreadState *ts) {
    if (__atomic_load_n(&ts->eval_breaker, __ATOMIC_ACQUIRE) & LK_BREAK_MERGE) {
        __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)LK_BREAK_MERGE, __ATOMIC_RELAXED);
        merge_queue(ts->lk);
    }
    lk_world_yield(ts);
}

void lk_stop_the_world(FtThreadState *ts) { lk_world_stop(ts); }
void lk_start_the_world(FtThreadState *ts) { lk_world_start(ts); }
/* fork: the child's objects owned by the threads that did not survive are merged when
 * someone queues them (d): those owner ids will never run again. */
void lk_fork_prepare(FtThreadState *ts) { lk_world_fork_prepare(ts); }
void lk_fork_parent(FtThreadState *ts) { lk_world_fork_parent(ts); }
void lk_fork_child(FtThreadState *ts) { lk_world_fork_child(ts); }

/* ---- for the cycle collector (gc/collect.c) ---------------------------------------------
 * lk_brc_merge_all_queues: with the world stopped, merge every thread's merge queue (the
 * caller's own included), so that no object carries a deferred decrement while the
 * collector computes true counts and frees garbage. Safe because every other thread is
 * parked at a yield point or detached: nobody else touches the queues' objects' local
 * counts. Objects whose count reaches zero are freed here, by the stopper. */
void lk_brc_merge_all_queues(FtThreadState *ts);
void lk_brc_merge_all_queues(FtThreadState *ts) {
    (void)ts;
    for (;;) {
        /* Steal every queue under lk_world_lock (a thread cannot exit meanwhile), merge
         * after releasing it: merging may free objects whose deallocation queues more
         * (enqueue takes lk_world_lock), so repeat until nothing is left. */
        FtObject **all = NULL;
        size_t len = 0, cap = 0;
        pthread_mutex_lock(&lk_world_lock);
        for (LkThread *t = lk_world_threads; t; t = t->next) {
            pthread_mutex_lock(&t->queue_lock);
            if (t->queue_len) {
                if (len + t->queue_len > cap) {
                    cap = (len + t->queue_len) * 2;
                    FtObject **a = realloc(all, cap * sizeof *a);
                    if (!a)
                        abort(); /* cannot lose a deferred decrement */
                    all = a;
                }
                for (size_t i = 0; i < t->queue_len; i++)
                    all[len++] = t->queue[i];
                t->queue_len = 0;
            }
            pthread_mutex_unlock(&t->queue_lock);
        }
        pthread_mutex_unlock(&lk_world_lock);
        if (!len) {
            free(all);
            return;
        }
        for (size_t i = 0; i < len; i++)
            merge_one(all[i]);
        free(all);
    }
}
