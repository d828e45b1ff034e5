/* gil: one global interpreter lock; reference counts are plain integers. */
#ifndef FT_LOCKING_GIL_H
#define FT_LOCKING_GIL_H

typedef struct lk_refcnt {
    intptr_t ob_refcnt; /* < 0: immortal */
} lk_refcnt;

#define LK_IMMORTAL_COUNT (INTPTR_MIN / 2)

static inline void lk_refcnt_init(lk_refcnt *rc) { rc->ob_refcnt = 1; }
static inline bool lk_is_immortal(const lk_refcnt *rc) { return rc->ob_refcnt < 0; }
static inline void lk_make_immortal(lk_refcnt *rc) { rc->ob_refcnt = LK_IMMORTAL_COUNT; }

static inline void lk_incref(lk_refcnt *rc) {
    if (rc->ob_refcnt < 0)
        return;
    FT_STAT_RC(rc_plain);
    rc->ob_refcnt++;
}

static inline bool lk_decref(lk_refcnt *rc) {
    if (rc->ob_refcnt < 0)
        return false;
    FT_STAT_RC(rc_plain);
    return --rc->ob_refcnt == 0;
}

static inline intptr_t lk_refcount(const lk_refcnt *rc) {
    return rc->ob_refcnt < 0 ? LK_IMMORTAL_REPORTED : rc->ob_refcnt;
}

/* Weak references (core/objects/weakref.c): +1 unless the object is being freed (count 0).
 * Under the GIL nothing races with it. */
static inline void lk_set_maybe_weakref(lk_refcnt *rc) { (void)rc; }
static inline bool lk_try_incref(lk_refcnt *rc) {
    if (rc->ob_refcnt == 0)
        return false;
    lk_incref(rc);
    return true;
}

/* Counters for -X stats and the tests (locking/gil.c). */
typedef struct FtGilStats {
    unsigned long acquisitions, switches, forced_switches, drop_requests, contended;
    double wait_seconds;
} FtGilStats;
FtGilStats lk_gil_stats(void);

/* Under the GIL a container's invariants are protected by the GIL itself. */
#define LK_BEGIN_CRITICAL(o) {
#define LK_END_CRITICAL() }
#define LK_BEGIN_CRITICAL2(a, b) {
#define LK_END_CRITICAL2() }

#endif
