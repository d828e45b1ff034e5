/* The legacy GIL: Python 2's check interval, without forced switching.
 *
 * The holder counts ticks and, every check interval (sys.setcheckinterval, default 100),
 * releases the lock and immediately asks for it again. Nothing makes it wait for a
 * successor, so on a multicore machine it usually wins the race straight back: an I/O-bound
 * thread that wakes up must wait for the CPU-bound holder's next check, lose the race, and
 * wait again. That is the convoy effect David Beazley measured in 2009 and the reason for the
 * new GIL (locking/gil.c). A thread that blocks releases the lock as in the modern GIL.
 *
 * Ticks: Python 2 counted (most) bytecodes; ftpy counts yield points (backward jumps and
 * function entries), where the eval loop consults the eval breaker. To be called at every
 * one of them, a thread keeps LK_BREAK_GIL_DROP set in its eval breaker for as long as it
 * runs: the cost of the legacy strategy is one call per yield point.
 *
 * Invariants: (1) `locked` and `holder` change only under `mutex`; (2) a release signals one
 * waiter and never waits for it; (3) the drop bit of a running thread stays set. */
#include "runtime/tstate.h"
#include <pthread.h>
#include <time.h>

static struct {
    pthread_mutex_t mutex;
    pthread_cond_t cond;
    int locked;
    FtThreadState *holder;
    FtGilStats stats;
} gil = {
    .mutex = PTHREAD_MUTEX_INITIALIZER,
    .cond = PTHREAD_COND_INITIALIZER,
};

static _Thread_local int ticks_left;

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void take_gil(FtThreadState *ts) {
    pthread_mutex_lock(&gil.mutex);
    if (gil.locked) {
        double start = now();
        gil.stats.contended++;
        while (gil.locked)
            pthread_cond_wait(&gil.cond, &gil.mutex);
        gil.stats.wait_seconds += now() - start;
    }
    gil.locked = 1;
    if (gil.holder && gil.holder != ts)
        gil.stats.switches++;
    gil.holder = ts;
    gil.stats.acquisitions++;
    pthread_mutex_unlock(&gil.mutex);
    ticks_left = ft_runtime.check_interval;
    /* Invariant 3: every yield point comes to lk_yield. */
    __atomic_fetch_or(&ts->eval_breaker, LK_BREAK_GIL_DROP, __ATOMIC_RELAXED);
}

static void drop_gil(void) {
    pthread_mutex_lock(&gil.mutex);
    gil.locked = 0;
    pthread_cond_signal(&gil.cond);
    pthread_mutex_unlock(&gil.mutex);
}

void lk_runtime_init(void) {}
void lk_thread_init(FtThreadState *ts) { take_gil(ts); }
void lk_thread_exit(FtThreadState *ts) { FT_UNUSED(ts); drop_gil(); }
void lk_attach(FtThreadState *ts) { take_gil(ts); }
void lk_detach(FtThreadState *ts) { FT_UNUSED(ts); drop_gil(); }

void lk_yield(FtThreadState *ts) {
    if (--ticks_left > 0)
        return;
    /* The check interval elapsed: release and compete again at once (no forced switch). */
    gil.stats.drop_requests++;
    drop_gil();
    take_gil(ts);
}

void lk_stop_the_world(FtThreadState *ts) { FT_UNUSED(ts); }
void lk_start_the_world(FtThreadState *ts) { FT_UNUSED(ts); }

/* fork: as the modern GIL (locking/gil.c); the drop bit stays set (invariant 3). */
void lk_fork_prepare(FtThreadState *ts) {
    FT_UNUSED(ts);
    pthread_mutex_lock(&gil.mutex);
}

void lk_fork_parent(FtThreadState *ts) {
    FT_UNUSED(ts);
    pthread_mutex_unlock(&gil.mutex);
}

void lk_fork_child(FtThreadState *ts) {
    pthread_mutex_init(&gil.mutex, NULL);
    pthread_cond_init(&gil.cond, NULL);
    gil.locked = 1;
    gil.holder = ts;
}

FtGilStats lk_gil_stats(void) {
    pthread_mutex_lock(&gil.mutex);
    FtGilStats s = gil.stats;
    pthread_mutex_unlock(&gil.mutex);
    return s;
}
