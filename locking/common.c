/* What the free-threaded strategies share: the per-object lock behind critical sections.
 *
 * The per-object lock is one byte in the object header: 0 free, 1 held. Acquire on lock pairs
 * with release on unlock, so everything written inside a critical section is visible to the
 * next thread that enters one on the same object. Two-object sections lock in address order,
 * so two threads locking the same pair cannot deadlock. */
#include "core/object.h"
#include <sched.h>

#if FT_FREE_THREADED
void lk_object_lock(lk_refcnt *rc) {
    for (;;) {
        uint8_t expected = 0;
        /* Acquire: pairs with the release in lk_object_unlock. */
        if (__atomic_compare_exchange_n(&rc->ob_mutex, &expected, 1, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED))
            return;
        sched_yield();
    }
}

void lk_object_unlock(lk_refcnt *rc) {
    /* Release: publishes the critical section's writes to the next locker. */
    __atomic_store_n(&rc->ob_mutex, 0, __ATOMIC_RELEASE);
}

void lk_object_lock2(lk_refcnt *a, lk_refcnt *b) {
    if (a == b) {
        lk_object_lock(a);
    } else if (a < b) {
        lk_object_lock(a);
        lk_object_lock(b);
    } else {
        lk_object_lock(b);
        lk_object_lock(a);
    }
}

void lk_object_unlock2(lk_refcnt *a, lk_refcnt *b) {
    lk_object_unlock(a);
    if (a != b)
        lk_object_unlock(b);
}
#endif
