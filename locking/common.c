/* What the free-threaded strategies share: the per-object lock behind critical sections,
 * the registry of live threads, attach / detach, and stopping the world.
 *
 * Per-object lock. One byte in the object header: 0 free, 1 held. Acquire on lock pairs
 * with release on unlock, so everything written inside a critical section is visible to the
 * next thread that enters one on the same object. Two-object sections lock in address order,
 * so two threads locking the same pair cannot deadlock. A thread may re-enter a section it
 * holds (a dict lookup calling an __eq__ that reads the same dict): a per-thread stack of
 * held sections recognises it.
 *
 * Stopping the world. Every thread is ATTACHED (running Python, may touch objects), DETACHED
 * (in a blocking call or not yet started: touches no object) or SUSPENDED (parked at a yield
 * point for a stop-the-world). The stopper sets `stopping`, asks every attached thread to
 * park (LK_BREAK_STOP_WORLD in its eval breaker) and waits until no other thread is
 * ATTACHED. A detached thread counts as stopped; when it wants to attach again while the
 * world is stopped, it waits. Start-the-world clears `stopping` and wakes everyone.
 *
 * Invariants (all under world_mutex except the atomic reads on the fast paths):
 *  1. While `stopping` is set, no thread but the stopper goes DETACHED -> ATTACHED.
 *  2. A thread parks only at a yield point, where it holds no critical section.
 *  3. One stop at a time: a second stopper waits for the first to restart the world.
 * Summary: (1) stop = every other thread detached or parked; (2) parking happens only at
 * safe points; (3) attach re-checks `stopping` under the mutex, so none slips through. */
#include "core/object.h"

#if FT_FREE_THREADED
#include "locking/world.h"
#include <sched.h>
#include <stdlib.h>
#include <time.h>

/* The critical sections this thread holds, innermost last. An entry whose low bit is set
 * re-entered a lock the thread already held (a container operation that runs Python code
 * which operates on the same container): it takes nothing and releases nothing. */
_Thread_local LkHeld lk_held;

void lk_held_grow(void) {
    size_t cap = lk_held.cap ? lk_held.cap * 2 : 16;
    uintptr_t *e = realloc(lk_held.entries, cap * sizeof *e);
    if (!e)
        abort(); /* a critical section cannot fail: out of memory here is fatal */
    lk_held.entries = e;
    lk_held.cap = cap;
}

static void held_push(lk_refcnt *rc, uintptr_t reentered) {
    if (lk_held.len == lk_held.cap)
        lk_held_grow();
    lk_held.entries[lk_held.len++] = (uintptr_t)rc | reentered;
}

static bool held_by_me(lk_refcnt *rc) {
    for (size_t i = lk_held.len; i-- > 0;)
        if ((lk_held.entries[i] & ~(uintptr_t)1) == (uintptr_t)rc)
            return true;
    return false;
}

static inline void cpu_relax(void) {
#if defined(__x86_64__) || defined(__i386__)
    __builtin_ia32_pause();
#elif defined(__aarch64__)
    __asm__ __volatile__("yield");
#endif
}

/* The lock byte was found held (lk_cs_enter): by this thread (re-entry: returns true), or by
 * another, which we wait for. The entry is pushed either way; the stack has room for it. */
bool lk_object_lock_slow(lk_refcnt *rc) {
    if (held_by_me(rc)) {
        held_push(rc, 1);
        return true;
    }
    bool counted = false;
    for (unsigned spins = 0;; spins++) {
        uint8_t expected = 0;
        /* Acquire: pairs with the release in lk_object_unlock. */
        if (__atomic_load_n(&rc->ob_mutex, __ATOMIC_RELAXED) == 0 &&
            __atomic_compare_exchange_n(&rc->ob_mutex, &expected, 1, false, __ATOMIC_ACQUIRE,
                                        __ATOMIC_RELAXED))
            break;
        if (!counted) {
            ft_stats.cs_contended++;
            counted = true;
        }
        /* The holder may be running Python code inside its section (an __eq__, a __del__)
         * and be parked there for a stop-the-world: a waiter must park too, or the stopper
         * would wait for it forever. */
        FtThreadState *ts = ft_tstate_get();
        if (ts && ts->lk &&
            (__atomic_load_n(&ts->eval_breaker, __ATOMIC_RELAXED) & LK_BREAK_STOP_WORLD))
            lk_world_yield(ts);
        if (spins < 64)
            cpu_relax(); /* short sections: spin a little before giving up the CPU */
        else
            sched_yield();
    }
    held_push(rc, 0);
    return false;
}

void lk_object_lock(lk_refcnt *rc) { (void)lk_cs_enter(rc); }

void lk_object_unlock(lk_refcnt *rc) {
    uintptr_t top = lk_held.entries[--lk_held.len];
    FT_ASSERT((top & ~(uintptr_t)1) == (uintptr_t)rc);
    if (top & 1)
        return;
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
    /* Innermost first: the reverse of the order lk_object_lock2 took them in. */
    if (a == b) {
        lk_object_unlock(a);
    } else if (a < b) {
        lk_object_unlock(b);
        lk_object_unlock(a);
    } else {
        lk_object_unlock(a);
        lk_object_unlock(b);
    }
}

int lk_threads_started;

pthread_mutex_t lk_world_lock = PTHREAD_MUTEX_INITIALIZER;
LkThread *lk_world_threads;

static pthread_mutex_t world_mutex = PTHREAD_MUTEX_INITIALIZER;
static pthread_cond_t world_changed = PTHREAD_COND_INITIALIZER; /* states or `stopping` */
static int stopping;
static FtThreadState *stopper;

static LkThread *lk_of(FtThreadState *ts) { return ts->lk; }

void lk_world_thread_init(FtThreadState *ts, uintptr_t tid) {
    LkThread *t = calloc(1, sizeof *t);
    t->ts = ts;
    t->tid = tid;
    t->state = LK_DETACHED;
    pthread_mutex_init(&t->queue_lock, NULL);
    ts->lk = t;
    pthread_mutex_lock(&lk_world_lock);
    t->next = lk_world_threads;
    lk_world_threads = t;
    pthread_mutex_unlock(&lk_world_lock);
    lk_world_attach(ts);
}

void lk_world_thread_exit(FtThreadState *ts) {
    LkThread *t = lk_of(ts);
    lk_world_detach(ts);
    pthread_mutex_lock(&lk_world_lock);
    for (LkThread **p = &lk_world_threads; *p; p = &(*p)->next) {
        if (*p == t) {
            *p = t->next;
            break;
        }
    }
    pthread_mutex_unlock(&lk_world_lock);
    pthread_mutex_destroy(&t->queue_lock);
    free(t->queue);
    free(t);
    ts->lk = NULL;
}

void lk_world_attach(FtThreadState *ts) {
    LkThread *t = lk_of(ts);
    pthread_mutex_lock(&world_mutex);
    while (stopping && stopper != ts) /* invariant 1 */
        pthread_cond_wait(&world_changed, &world_mutex);
    __atomic_store_n(&t->state, LK_ATTACHED, __ATOMIC_RELAXED);
    pthread_mutex_unlock(&world_mutex);
}

void lk_world_detach(FtThreadState *ts) {
    LkThread *t = lk_of(ts);
    pthread_mutex_lock(&world_mutex);
    __atomic_store_n(&t->state, LK_DETACHED, __ATOMIC_RELAXED);
    if (stopping)
        pthread_cond_broadcast(&world_changed);
    pthread_mutex_unlock(&world_mutex);
}

void lk_world_yield(FtThreadState *ts) {
    if (!(__atomic_load_n(&ts->eval_breaker, __ATOMIC_RELAXED) & LK_BREAK_STOP_WORLD))
        return;
    LkThread *t = lk_of(ts);
    pthread_mutex_lock(&world_mutex);
    __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)LK_BREAK_STOP_WORLD, __ATOMIC_RELAXED);
    if (stopping && stopper != ts) {
        __atomic_store_n(&t->state, LK_SUSPENDED, __ATOMIC_RELAXED);
        pthread_cond_broadcast(&world_changed);
        while (stopping)
            pthread_cond_wait(&world_changed, &world_mutex);
        __atomic_store_n(&t->state, LK_ATTACHED, __ATOMIC_RELAXED);
    }
    pthread_mutex_unlock(&world_mutex);
}

/* LK_POLL_STOP_THE_WORLD (strategy.h): a yield point inside a long C loop. Invariant 2
 * holds: it parks only when the thread holds no critical section. */
void lk_poll_stop_the_world(void) {
    if (lk_held.len)
        return;
    FtThreadState *ts = ft_tstate_get();
    if (ts && ts->lk &&
        (__atomic_load_n(&ts->eval_breaker, __ATOMIC_RELAXED) & LK_BREAK_STOP_WORLD))
        lk_world_yield(ts);
}

static int others_attached(FtThreadState *self) {
    int n = 0;
    pthread_mutex_lock(&lk_world_lock);
    for (LkThread *t = lk_world_threads; t; t = t->next) {
        if (t->ts == self || __atomic_load_n(&t->state, __ATOMIC_RELAXED) != LK_ATTACHED)
            continue;
        __atomic_fetch_or(&t->ts->eval_breaker, LK_BREAK_STOP_WORLD, __ATOMIC_RELAXED);
        n++;
    }
    pthread_mutex_unlock(&lk_world_lock);
    return n;
}

static double now(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return t.tv_sec + t.tv_nsec * 1e-9;
}

static double stop_started;

void lk_world_stop(FtThreadState *ts) {
    double requested = now();
    pthread_mutex_lock(&world_mutex);
    if (stopping) {
        /* Invariant 3: another stop is under way. Wait for it parked, as at a yield point,
         * or its stopper would wait for us forever. */
        LkThread *t = lk_of(ts);
        __atomic_store_n(&t->state, LK_SUSPENDED, __ATOMIC_RELAXED);
        pthread_cond_broadcast(&world_changed);
        while (stopping)
            pthread_cond_wait(&world_changed, &world_mutex);
        __atomic_store_n(&t->state, LK_ATTACHED, __ATOMIC_RELAXED);
    }
    stopping = 1;
    stopper = ts;
    while (others_attached(ts) > 0)
        pthread_cond_wait(&world_changed, &world_mutex);
    stop_started = requested;
    pthread_mutex_unlock(&world_mutex);
}

void lk_world_start(FtThreadState *ts) {
    pthread_mutex_lock(&world_mutex);
    FT_ASSERT(stopper == ts);
    /* The pause: from the request until every thread may run again. */
    double pause = now() - stop_started;
    ft_stats.stw_pauses++;
    ft_stats.stw_seconds += pause;
    if (pause > ft_stats.stw_longest)
        ft_stats.stw_longest = pause;
    stopping = 0;
    stopper = NULL;
    pthread_cond_broadcast(&world_changed);
    pthread_mutex_unlock(&world_mutex);
}

/* fork (runtime/fork.c). Prepare stops the world, then holds world_mutex and lk_world_lock
 * (in the order lk_world_stop takes them) so that no thread is inside either when fork()
 * copies the process. The child is the calling thread alone: the locks are re-created, the
 * other threads' records are forgotten (their merge queues go to the survivor, which merges
 * them at its next yield point), and the world runs again. */
void lk_world_fork_prepare(FtThreadState *ts) {
    lk_world_stop(ts);
    pthread_mutex_lock(&world_mutex);
    pthread_mutex_lock(&lk_world_lock);
}

void lk_world_fork_parent(FtThreadState *ts) {
    pthread_mutex_unlock(&lk_world_lock);
    pthread_mutex_unlock(&world_mutex);
    lk_world_start(ts);
}

void lk_world_fork_child(FtThreadState *ts) {
    LkThread *me = lk_of(ts);
    pthread_mutex_init(&world_mutex, NULL);
    pthread_cond_init(&world_changed, NULL);
    pthread_mutex_init(&lk_world_lock, NULL);
    pthread_mutex_init(&me->queue_lock, NULL);
    for (LkThread *t = lk_world_threads, *next; t; t = next) {
        next = t->next;
        if (t == me)
            continue;
        for (size_t i = 0; i < t->queue_len; i++) {
            if (me->queue_len == me->queue_cap) {
                me->queue_cap = me->queue_cap ? me->queue_cap * 2 : 64;
                me->queue = realloc(me->queue, me->queue_cap * sizeof *me->queue);
                if (!me->queue)
                    abort(); /* cannot lose a deferred decrement */
            }
            me->queue[me->queue_len++] = t->queue[i];
        }
        free(t->queue);
        free(t); /* its FtThreadState is forgotten by ft_tstate_after_fork_child */
    }
    me->next = NULL;
    lk_world_threads = me;
    if (me->queue_len)
        __atomic_fetch_or(&ts->eval_breaker, LK_BREAK_MERGE, __ATOMIC_RELAXED);
    stopping = 0;
    stopper = NULL;
}
#endif
