/* Biased reference counting: the slow paths (see locking/brc.h for the fast ones).
 *
 * States of an object (local L, shared S with flags):
 *   owned     ob_tid = owner, L counts the owner's references, S the others' (may dip
 *             below zero only through the queue, below);
 *   queued    a non-owner's decrement would have made S negative: instead S is made
 *             negative-with-QUEUED once, and the object is handed to its owner's merge
 *             queue; the owner merges it at its next yield point;
 *   merged    L folded into S, ob_tid = 0; every thread uses S atomically; S = 0 frees.
 *
 * Single-threaded stage: the merge queue arrives with the threads issue; until then an
 * object never reaches a non-owner. The state machine for owner-local zero is complete. */
#include "runtime/tstate.h"

/* The owner's local count reached zero. If no other thread holds a reference (S == 0 and
 * not queued) the object dies now; otherwise it becomes merged: ownership is given up and
 * the remaining references are counted in S alone. */
bool lk_brc_local_zero(lk_refcnt *rc) {
    intptr_t shared = __atomic_load_n(&rc->ob_ref_shared, __ATOMIC_RELAXED);
    for (;;) {
        if (shared == 0)
            return true;
        intptr_t merged = shared | LK_SHARED_MERGED;
        /* Acq_rel: acquire other threads' releases made through their shared decrements;
         * release so that a later shared-count zero sees our writes. */
        if (__atomic_compare_exchange_n(&rc->ob_ref_shared, &shared, merged, false,
                                        __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
            break;
    }
    __atomic_store_n(&rc->ob_tid, 0, __ATOMIC_RELAXED);
    return (shared >> LK_SHARED_SHIFT) == 0;
}

/* A decrement by a thread that does not own the object. */
bool lk_brc_decref_shared(lk_refcnt *rc) {
    intptr_t shared = __atomic_load_n(&rc->ob_ref_shared, __ATOMIC_RELAXED);
    for (;;) {
        intptr_t next = shared - LK_SHARED_ONE;
        /* Release: our writes to the object happen before the count drops. */
        if (__atomic_compare_exchange_n(&rc->ob_ref_shared, &shared, next, false,
                                        __ATOMIC_RELEASE, __ATOMIC_RELAXED)) {
            if ((next & LK_SHARED_MERGED) && (next >> LK_SHARED_SHIFT) == 0) {
                /* Acquire: pairs with every other thread's release decrement. */
                __atomic_thread_fence(__ATOMIC_ACQUIRE);
                return true;
            }
            return false;
        }
    }
}

void lk_runtime_init(void) {}
void lk_thread_init(FtThreadState *ts) { FT_UNUSED(ts); }
void lk_thread_exit(FtThreadState *ts) { FT_UNUSED(ts); }
void lk_attach(FtThreadState *ts) { FT_UNUSED(ts); }
void lk_detach(FtThreadState *ts) { FT_UNUSED(ts); }
void lk_yield(FtThreadState *ts) { FT_UNUSED(ts); }
void lk_stop_the_world(FtThreadState *ts) { FT_UNUSED(ts); }
void lk_start_the_world(FtThreadState *ts) { FT_UNUSED(ts); }
