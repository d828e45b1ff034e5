/* brc: no GIL; biased reference counting (Choi, Shull and Torrellas, PACT 2018; PEP 703).
 *
 * The thread that creates an object owns it (ob_tid). The owner changes ob_ref_local with
 * plain loads and stores (atomic only so that other threads may read it without a data race);
 * every other thread changes ob_ref_shared with atomic read-modify-writes. ob_ref_shared holds
 * the shared count shifted left by LK_SHARED_SHIFT, and two flags in its low bits:
 *
 *   LK_SHARED_QUEUED  a non-owner's decrement would have taken the shared count below zero:
 *                     it was deferred and the object sits in its owner's merge queue; the
 *                     owner applies it at its next yield point;
 *   LK_SHARED_MERGED  the local count has been folded into the shared one and ob_tid is 0:
 *                     every thread now uses the shared count.
 *
 * The true count is local + shared - queued. The slow paths live in locking/brc.c. */
#ifndef FT_LOCKING_BRC_H
#define FT_LOCKING_BRC_H

typedef struct lk_refcnt {
    uintptr_t ob_tid;        /* owning thread (lk_brc_tid), 0 once merged */
    uint8_t ob_mutex;        /* per-object lock for critical sections (locking/brc.c) */
    uint8_t ob_gc_bits;
    uint8_t ob_weakref;      /* set once weak references may reach it (lk_set_maybe_weakref) */
    uint8_t ob_pad;
    uint32_t ob_ref_local;   /* owner's count; UINT32_MAX = immortal */
    intptr_t ob_ref_shared;  /* (shared count << LK_SHARED_SHIFT) | flags */
} lk_refcnt;

#define LK_LOCAL_IMMORTAL UINT32_MAX
#define LK_SHARED_SHIFT 2
#define LK_SHARED_QUEUED ((intptr_t)1)
#define LK_SHARED_MERGED ((intptr_t)2)
#define LK_SHARED_FLAGS (LK_SHARED_QUEUED | LK_SHARED_MERGED)
#define LK_SHARED_ONE ((intptr_t)1 << LK_SHARED_SHIFT)

/* The calling thread's owner id: unique for the life of the process (never reused, unlike
 * thread or TCB addresses), so an object owned by a thread that has exited is never mistaken
 * for another thread's. UINTPTR_MAX in a thread that never ran Python (owns nothing). One
 * %fs-relative load in a statically linked executable. */
extern _Thread_local uintptr_t lk_brc_tid;

static inline void lk_refcnt_init(lk_refcnt *rc) {
    rc->ob_tid = lk_brc_tid;
    rc->ob_mutex = 0;
    rc->ob_gc_bits = 0;
    rc->ob_weakref = 0;
    rc->ob_pad = 0;
    __atomic_store_n(&rc->ob_ref_local, 1, __ATOMIC_RELAXED);
    __atomic_store_n(&rc->ob_ref_shared, 0, __ATOMIC_RELAXED);
}

static inline bool lk_is_immortal(const lk_refcnt *rc) {
    return __atomic_load_n(&rc->ob_ref_local, __ATOMIC_RELAXED) == LK_LOCAL_IMMORTAL;
}

static inline void lk_make_immortal(lk_refcnt *rc) {
    rc->ob_tid = 0;
    __atomic_store_n(&rc->ob_ref_local, LK_LOCAL_IMMORTAL, __ATOMIC_RELAXED);
    __atomic_store_n(&rc->ob_ref_shared, 0, __ATOMIC_RELAXED);
}

bool lk_brc_local_zero(lk_refcnt *rc);   /* owner's count reached zero: merge; true = free */
bool lk_brc_decref_shared(lk_refcnt *rc); /* non-owner decrement; true = free */

static inline void lk_incref(lk_refcnt *rc) {
    uint32_t local = __atomic_load_n(&rc->ob_ref_local, __ATOMIC_RELAXED);
    if (local == LK_LOCAL_IMMORTAL)
        return;
    if (__atomic_load_n(&rc->ob_tid, __ATOMIC_RELAXED) == lk_brc_tid) {
        FT_STAT_RC(rc_local);
        /* Only the owner writes ob_ref_local: a plain increment published as a relaxed store. */
        __atomic_store_n(&rc->ob_ref_local, local + 1, __ATOMIC_RELAXED);
    } else {
        FT_STAT_RC(rc_shared);
        __atomic_fetch_add(&rc->ob_ref_shared, LK_SHARED_ONE, __ATOMIC_RELAXED);
    }
}

static inline bool lk_decref(lk_refcnt *rc) {
    uint32_t local = __atomic_load_n(&rc->ob_ref_local, __ATOMIC_RELAXED);
    if (local == LK_LOCAL_IMMORTAL)
        return false;
    if (__atomic_load_n(&rc->ob_tid, __ATOMIC_RELAXED) == lk_brc_tid) {
        FT_STAT_RC(rc_local);
        __atomic_store_n(&rc->ob_ref_local, local - 1, __ATOMIC_RELAXED);
        if (local != 1)
            return false;
        /* Never shared and never weakly referenced (the common case): dead now, without
         * the call; lk_brc_local_zero's first test, inline. Acquire: as its load. */
        if (__atomic_load_n(&rc->ob_ref_shared, __ATOMIC_ACQUIRE) == 0 &&
            !__atomic_load_n(&rc->ob_weakref, __ATOMIC_RELAXED))
            return true;
        return lk_brc_local_zero(rc);
    }
    FT_STAT_RC(rc_shared);
    return lk_brc_decref_shared(rc);
}

static inline intptr_t lk_refcount(const lk_refcnt *rc) {
    uint32_t local = __atomic_load_n(&rc->ob_ref_local, __ATOMIC_RELAXED);
    if (local == LK_LOCAL_IMMORTAL)
        return LK_IMMORTAL_REPORTED;
    intptr_t shared = __atomic_load_n(&rc->ob_ref_shared, __ATOMIC_RELAXED);
    /* A queued object carries one deferred decrement (locking/brc.c). */
    return (intptr_t)local + (shared >> LK_SHARED_SHIFT) - (shared & LK_SHARED_QUEUED);
}

/* Weak references (core/objects/weakref.c). lk_set_maybe_weakref marks an object before a
 * weak reference to it is published; from then on its owner frees it only through a
 * compare-and-swap on ob_ref_shared (lk_brc_local_zero), which lk_try_incref can race with
 * safely. lk_try_incref: +1 unless the count already reached zero (the object is being
 * freed): true when the reference was taken. The caller keeps the memory valid meanwhile
 * (weakref.c: the referent is freed only after its weakrefs are cleared under their lock). */
static inline void lk_set_maybe_weakref(lk_refcnt *rc) {
    __atomic_store_n(&rc->ob_weakref, 1, __ATOMIC_RELAXED);
}

static inline bool lk_try_incref(lk_refcnt *rc) {
    uint32_t local = __atomic_load_n(&rc->ob_ref_local, __ATOMIC_RELAXED);
    if (local == LK_LOCAL_IMMORTAL)
        return true;
    if (__atomic_load_n(&rc->ob_tid, __ATOMIC_RELAXED) == lk_brc_tid) {
        /* Ours: only this thread frees it through the local count, and not right now. */
        if (local == 0)
            return false;
        __atomic_store_n(&rc->ob_ref_local, local + 1, __ATOMIC_RELAXED);
        return true;
    }
    /* Another thread's, or merged: every path that frees it then goes through a CAS on
     * ob_ref_shared (the weakref mark rules out the owner's plain "shared == 0: free"), so
     * a CAS here either lands first (it lives) or sees the end state: exactly MERGED. */
    intptr_t shared = __atomic_load_n(&rc->ob_ref_shared, __ATOMIC_RELAXED);
    do {
        if (shared == LK_SHARED_MERGED)
            return false;
    } while (!__atomic_compare_exchange_n(&rc->ob_ref_shared, &shared, shared + LK_SHARED_ONE,
                                          true, __ATOMIC_RELAXED, __ATOMIC_RELAXED));
    return true;
}

void lk_object_lock(lk_refcnt *rc);
void lk_object_unlock(lk_refcnt *rc);
void lk_object_lock2(lk_refcnt *a, lk_refcnt *b);
void lk_object_unlock2(lk_refcnt *a, lk_refcnt *b);

/* The one-object section is inline (lk_cs_enter / lk_cs_exit in locking/strategy.h). */
#define LK_BEGIN_CRITICAL(o) { lk_refcnt *lk_cs_ = (lk_refcnt *)(o); bool lk_cs_re_ = lk_cs_enter(lk_cs_);
#define LK_END_CRITICAL() lk_cs_exit(lk_cs_, lk_cs_re_); }
#define LK_BEGIN_CRITICAL2(a, b) { lk_refcnt *lk_cs_a_ = (lk_refcnt *)(a), *lk_cs_b_ = (lk_refcnt *)(b); \
    lk_object_lock2(lk_cs_a_, lk_cs_b_);
#define LK_END_CRITICAL2() lk_object_unlock2(lk_cs_a_, lk_cs_b_); }

#endif
