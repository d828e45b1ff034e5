/* atomic: no GIL; every reference-count change is an atomic read-modify-write.
 *
 * Increments are relaxed: taking a new reference needs no ordering, since the caller already
 * holds one. A decrement is a release, so that every write made through the reference happens
 * before the count is seen to drop; the thread that brings the count to zero issues an acquire
 * fence before freeing, pairing with those releases (the same argument as for shared_ptr). */
#ifndef FT_LOCKING_ATOMIC_H
#define FT_LOCKING_ATOMIC_H

typedef struct lk_refcnt {
    intptr_t ob_refcnt;  /* < 0: immortal; accessed only atomically */
    uint8_t ob_mutex;    /* per-object lock for critical sections (locking/atomic.c) */
    uint8_t ob_gc_bits;
    uint8_t ob_pad[6];
} lk_refcnt;

#define LK_IMMORTAL_COUNT (INTPTR_MIN / 2)

static inline void lk_refcnt_init(lk_refcnt *rc) {
    __atomic_store_n(&rc->ob_refcnt, 1, __ATOMIC_RELAXED);
    rc->ob_mutex = 0;
    rc->ob_gc_bits = 0;
}

static inline bool lk_is_immortal(const lk_refcnt *rc) {
    return __atomic_load_n(&rc->ob_refcnt, __ATOMIC_RELAXED) < 0;
}

static inline void lk_make_immortal(lk_refcnt *rc) {
    __atomic_store_n(&rc->ob_refcnt, LK_IMMORTAL_COUNT, __ATOMIC_RELAXED);
}

static inline void lk_incref(lk_refcnt *rc) {
    /* Immortality is decided before an object is shared and never revoked, so a relaxed
     * load is enough to skip the write. */
    if (__atomic_load_n(&rc->ob_refcnt, __ATOMIC_RELAXED) < 0)
        return;
    FT_STAT_RC(rc_atomic);
    __atomic_fetch_add(&rc->ob_refcnt, 1, __ATOMIC_RELAXED);
}

static inline bool lk_decref(lk_refcnt *rc) {
    if (__atomic_load_n(&rc->ob_refcnt, __ATOMIC_RELAXED) < 0)
        return false;
    FT_STAT_RC(rc_atomic);
    /* Release: our writes to the object happen before the count drops (see above). */
    if (__atomic_fetch_sub(&rc->ob_refcnt, 1, LK_DECREF_ORDER) != 1)
        return false;
    /* Acquire: pairs with the release decrements of every other owner. */
    LK_ACQUIRE_FENCE();
    return true;
}

static inline intptr_t lk_refcount(const lk_refcnt *rc) {
    intptr_t n = __atomic_load_n(&rc->ob_refcnt, __ATOMIC_RELAXED);
    return n < 0 ? LK_IMMORTAL_REPORTED : n;
}

/* Weak references (core/objects/weakref.c): +1 unless the count already reached zero (the
 * object is being freed); true when the reference was taken. The caller keeps the memory
 * valid meanwhile. lk_set_maybe_weakref: nothing to do here. */
static inline void lk_set_maybe_weakref(lk_refcnt *rc) { (void)rc; }

static inline bool lk_try_incref(lk_refcnt *rc) {
    intptr_t n = __atomic_load_n(&rc->ob_refcnt, __ATOMIC_RELAXED);
    do {
        if (n < 0)
            return true; /* immortal */
        if (n == 0)
            return false;
    } while (!__atomic_compare_exchange_n(&rc->ob_refcnt, &n, n + 1, true, __ATOMIC_RELAXED,
                                          __ATOMIC_RELAXED));
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
