/* The locking-strategy contract.
 *
 * This is the only locking header the rest of the VM includes. Exactly one strategy is
 * compiled into a build (-DFTPY_LOCKING=gil|brc|atomic); its header supplies:
 *
 *   lk_refcnt               the reference-count fields at the start of every object
 *   lk_refcnt_init(rc)      a new object: count 1, owned by the calling thread
 *   lk_incref(rc)           +1 (immortal objects: nothing)
 *   lk_decref(rc)           -1; true when the object must be freed now
 *   lk_refcount(rc)         the true count (what sys.getrefcount reports)
 *   lk_make_immortal(rc), lk_is_immortal(rc)
 *
 * and its source file (locking/<name>.c) the out-of-line verbs, declared below:
 * thread init / exit, attach / detach around blocking calls, the yield point run when the
 * eval breaker is set, stop / start the world, fork, and the per-object critical section.
 * A verb a strategy does not need is a no-op there. Adding a strategy: one header, one
 * source file, one name in FTPY_STRATEGIES (CMakeLists.txt).
 *
 * Immortality: the singletons, small ints, interned strings and static types are immortal.
 * Their count never changes, so that read-mostly shared objects never become contended
 * cache lines in a free-threaded build.
 */
#ifndef FT_LOCKING_STRATEGY_H
#define FT_LOCKING_STRATEGY_H

#ifndef FT_INTERNAL
#error "locking/strategy.h is internal to the ftpy VM"
#endif

#include "config.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* ThreadSanitizer does not model standalone fences (GCC refuses them with -fsanitize=thread).
 * Where a release decrement is paired with an acquire fence by the freeing thread, TSan
 * builds make the decrement itself acq_rel instead: the same ordering, expressed in a form
 * TSan understands. LK_ACQUIRE_FENCE is for the places where an acquire fence orders
 * earlier relaxed atomic loads (seqlock readers): under TSan those loads are atomic, so TSan
 * sees no race, and the fence is omitted. */
#if defined(__SANITIZE_THREAD__)
#define LK_DECREF_ORDER __ATOMIC_ACQ_REL
#define LK_ACQUIRE_FENCE() ((void)0)
#else
#define LK_DECREF_ORDER __ATOMIC_RELEASE
#define LK_ACQUIRE_FENCE() __atomic_thread_fence(__ATOMIC_ACQUIRE)
#endif
#include "runtime/stats.h"

/* The value sys.getrefcount reports for an immortal object (CPython 3.12 reports 2**32-1). */
#define LK_IMMORTAL_REPORTED ((intptr_t)4294967295)

#if FT_LOCKING_GIL
#include "locking/gil.h"
#elif FT_LOCKING_GIL_LEGACY
#include "locking/gil_legacy.h"
#elif FT_LOCKING_BRC
#include "locking/brc.h"
#elif FT_LOCKING_ATOMIC
#include "locking/atomic.h"
#else
#error "no locking strategy selected: configure with -DFTPY_LOCKING=gil|gil-legacy|brc|atomic"
#endif

struct FtThreadState;

#if FT_FREE_THREADED
/* The per-object critical section (locking/common.c), inline on its uncontended path: one
 * compare-and-swap of the object's lock byte to enter, one release store to leave, and a
 * push / pop on the thread's stack of held sections. LK_BEGIN_CRITICAL keeps what
 * lk_cs_enter returns (true: a section re-entered by the thread that holds it, which takes
 * and releases nothing) for LK_END_CRITICAL. A held lock, the thread's own or another's, is
 * the slow path, lk_object_lock_slow. */
typedef struct LkHeld {
    uintptr_t *entries; /* held sections, innermost last; low bit set: re-entered */
    size_t len, cap;
} LkHeld;
extern _Thread_local LkHeld lk_held;
void lk_held_grow(void);
bool lk_object_lock_slow(lk_refcnt *rc);

static inline bool lk_cs_enter(lk_refcnt *rc) {
    if (__builtin_expect(lk_held.len == lk_held.cap, 0))
        lk_held_grow();
    uint8_t expected = 0;
    /* Acquire: pairs with the release in lk_cs_exit. */
    if (__builtin_expect(__atomic_compare_exchange_n(&rc->ob_mutex, &expected, 1, false,
                                                     __ATOMIC_ACQUIRE, __ATOMIC_RELAXED), 1)) {
        lk_held.entries[lk_held.len++] = (uintptr_t)rc;
        return false;
    }
    return lk_object_lock_slow(rc);
}

static inline void lk_cs_exit(lk_refcnt *rc, bool reentered) {
    lk_held.len--;
    /* Release: publishes the critical section's writes to the next locker. */
    if (!reentered)
        __atomic_store_n(&rc->ob_mutex, 0, __ATOMIC_RELEASE);
}

/* Set (to 1, never cleared) before the program's second thread is created, by
 * ft_share_definitions (runtime/share.c); until then one thread runs Python, and caches may
 * borrow mortal objects as under the GIL (the LOAD_GLOBAL cache, core/vm/eval.c). */
extern int lk_threads_started;
#endif

/* ---- out-of-line verbs, implemented by every strategy ------------------------------ */

void lk_runtime_init(void);                      /* once, before the main thread starts */
void lk_thread_init(struct FtThreadState *ts);   /* a thread starts running Python (attached) */
void lk_thread_exit(struct FtThreadState *ts);   /* ... and stops for good (detaches) */
void lk_attach(struct FtThreadState *ts);        /* after a blocking call */
void lk_detach(struct FtThreadState *ts);        /* before a blocking call */
void lk_yield(struct FtThreadState *ts);         /* at a yield point with the eval breaker set */
void lk_stop_the_world(struct FtThreadState *ts);
void lk_start_the_world(struct FtThreadState *ts);
/* os.fork (runtime/fork.c): prepare makes the world quiet and takes the strategy's own
 * locks so that no other thread holds one at the instant of fork(); parent undoes that;
 * child re-creates those locks and forgets every thread but the caller. */
void lk_fork_prepare(struct FtThreadState *ts);
void lk_fork_parent(struct FtThreadState *ts);
void lk_fork_child(struct FtThreadState *ts);

/* Wrap a blocking call: FT_BLOCKING(ts, n = read(fd, buf, len)); */
#define FT_BLOCKING(ts, stmt)  \
    do {                       \
        lk_detach(ts);         \
        stmt;                  \
        lk_attach(ts);         \
    } while (0)

/* A long C loop with no yield point (freeing a container of millions of items) calls
 * LK_POLL_STOP_THE_WORLD(i) at each step: every LK_POLL_EVERY steps, in free-threaded
 * builds, the thread parks there if a stop-the-world is pending and it holds no critical
 * section, so that it does not hold up the world (the collector's pause) for the whole loop.
 * Only where pausing is safe: the loop works on objects no other thread can reach. */
#define LK_POLL_EVERY 4096
#if FT_FREE_THREADED
void lk_poll_stop_the_world(void);
#define LK_POLL_STOP_THE_WORLD(i)                      \
    do {                                               \
        if (((i) & (LK_POLL_EVERY - 1)) == 0)          \
            lk_poll_stop_the_world();                  \
    } while (0)
#else
#define LK_POLL_STOP_THE_WORLD(i) ((void)0)
#endif

/* Bits of the per-thread eval breaker word (FtThreadState.eval_breaker). */
enum {
    LK_BREAK_GIL_DROP = 1u << 0,   /* another thread waits for the GIL */
    LK_BREAK_STOP_WORLD = 1u << 1, /* a stop-the-world is pending */
    LK_BREAK_MERGE = 1u << 2,      /* brc: objects queued for merging */
    LK_BREAK_SIGNAL = 1u << 3,     /* a signal handler must run (main thread) */
    LK_BREAK_GC = 1u << 4,         /* a collection is due */
    LK_BREAK_ASYNC_EXC = 1u << 5,  /* an asynchronous exception is pending */
};

#endif
