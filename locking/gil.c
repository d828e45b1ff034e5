/* The global interpreter lock, as CPython 3.2+ has it (Antoine Pitrou's "new GIL").
 *
 * One lock (`locked`, guarded by `mutex`) is held by the thread running bytecode. A thread
 * that wants it waits on `cond` for one switch interval (ft_runtime.switch_interval, 5 ms
 * by default). If the interval passes and the same holder still has the lock (no switch
 * happened meanwhile: `switch_number` unchanged), the waiter sets LK_BREAK_GIL_DROP in the
 * holder's eval breaker. The holder sees it at its next yield point (a backward jump or a
 * function entry), drops the lock and, because the drop was requested (forced switching),
 * waits on `switch_cond` until some other thread has taken the lock before it competes again:
 * without that, the holder would usually win the race straight back (the convoy effect).
 * A thread that blocks (I/O, sleep, lock acquisition) detaches: it drops the lock without
 * waiting for a successor.
 *
 * Invariants:
 *  1. `locked` and `holder` change only with `mutex` held; `holder` is the thread that set
 *     `locked` last.
 *  2. Only a waiter sets another thread's LK_BREAK_GIL_DROP, and only with `mutex` held and
 *     the target being the current holder; the holder clears its own bit when it takes the
 *     lock again, so a stale request costs at most one spurious yield.
 *  3. `switch_number` counts acquisitions; a forced-switching holder waits until it moves.
 *
 * Summary: (1) one holder at a time; (2) a waiter waits at most one interval before asking;
 * (3) the asked holder yields at its next yield point; (4) it does not retake the lock before
 * another thread had it. */
#include "runtime/tstate.h"
#include <errno.h>
#include <pthread.h>
#include <time.h>

static struct {
    pthread_mutex_t mutex;
    pthread_cond_t cond;          /* signalled when the lock is released */
    int locked;
    FtThreadState *holder;
    unsigned long switch_number;
    pthread_mutex_t switch_mutex; /* forced switching: the dropper waits for a successor */
    pthread_cond_t switch_cond;
    FtGilStats stats;
} gil = {
    .mutex = PTHREAD_MUTEX_INITIALIZER,
    .cond = PTHREAD_COND_INITIALIZER,
    .switch_mutex = PTHREAD_MUTEX_INITIALIZER,
    .switch_cond = PTHREAD_COND_INITIALIZER,
};

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static void deadline_after(struct timespec *ts, double seconds) {
    clock_gettime(CLOCK_REALTIME, ts);
    long ns = (long)(seconds * 1e9);
    ts->tv_sec += ns / 1000000000L;
    ts->tv_nsec += ns % 1000000000L;
    if (ts->tv_nsec >= 1000000000L) {
        ts->tv_sec++;
        ts->tv_nsec -= 1000000000L;
    }
}

static void take_gil(FtThreadState *ts) {
    pthread_mutex_lock(&gil.mutex);
    if (gil.locked) {
        double start = now();
        gil.stats.contended++;
        while (gil.locked) {
            unsigned long seen = gil.switch_number;
            struct timespec deadline;
            deadline_after(&deadline, ft_runtime.switch_interval);
            int r = pthread_cond_timedwait(&gil.cond, &gil.mutex, &deadline);
            /* Timed out with no switch in between: ask the holder to drop (invariant 2). */
            if (r == ETIMEDOUT && gil.locked && gil.switch_number == seen && gil.holder) {
                __atomic_fetch_or(&gil.holder->eval_breaker, LK_BREAK_GIL_DROP, __ATOMIC_RELAXED);
                gil.stats.drop_requests++;
            }
        }
        gil.stats.wait_seconds += now() - start;
    }
    /* Acquired. Publish the new holder to a forced-switching dropper (invariant 3). */
    pthread_mutex_lock(&gil.switch_mutex);
    gil.locked = 1;
    if (gil.holder != ts && gil.holder)
        gil.stats.switches++;
    gil.holder = ts;
    gil.switch_number++;
    gil.stats.acquisitions++;
    pthread_cond_signal(&gil.switch_cond);
    pthread_mutex_unlock(&gil.switch_mutex);
    /* A request aimed at us before we last dropped is stale now. */
    __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)LK_BREAK_GIL_DROP, __ATOMIC_RELAXED);
    pthread_mutex_unlock(&gil.mutex);
}

static void drop_gil(FtThreadState *ts, int forced) {
    pthread_mutex_lock(&gil.mutex);
    gil.locked = 0;
    pthread_cond_signal(&gil.cond);
    pthread_mutex_unlock(&gil.mutex);
    if (forced) {
        /* Forced switching: do not compete again until another thread got the lock. */
        pthread_mutex_lock(&gil.switch_mutex);
        gil.stats.forced_switches++;
        if (gil.holder == ts) {
            while (gil.holder == ts && !gil.locked)
                pthread_cond_wait(&gil.switch_cond, &gil.switch_mutex);
        }
        pthread_mutex_unlock(&gil.switch_mutex);
    }
}

void lk_runtime_init(void) {}
void lk_thread_init(FtThreadState *ts) { take_gil(ts); }
void lk_thread_exit(FtThreadState *ts) { drop_gil(ts, 0); }
void lk_attach(FtThreadState *ts) { take_gil(ts); }
void lk_detach(FtThreadState *ts) { drop_gil(ts, 0); }

void lk_yield(FtThreadState *ts) {
    if (__atomic_load_n(&ts->eval_breaker, __ATOMIC_RELAXED) & LK_BREAK_GIL_DROP) {
        drop_gil(ts, 1);
        take_gil(ts);
    }
}

/* The GIL already excludes every other thread from running Python. */
void lk_stop_the_world(FtThreadState *ts) { FT_UNUSED(ts); }
void lk_start_the_world(FtThreadState *ts) { FT_UNUSED(ts); }

/* fork: holding both mutexes (in their usual order) means no waiter is inside them at the
 * instant of fork(); the child re-creates them with itself as the holder. */
void lk_fork_prepare(FtThreadState *ts) {
    FT_UNUSED(ts);
    pthread_mutex_lock(&gil.mutex);
    pthread_mutex_lock(&gil.switch_mutex);
}

void lk_fork_parent(FtThreadState *ts) {
    FT_UNUSED(ts);
    pthread_mutex_unlock(&gil.switch_mutex);
    pthread_mutex_unlock(&gil.mutex);
}

void lk_fork_child(FtThreadState *ts) {
    pthread_mutex_init(&gil.mutex, NULL);
    pthread_cond_init(&gil.cond, NULL);
    pthread_mutex_init(&gil.switch_mutex, NULL);
    pthread_cond_init(&gil.switch_cond, NULL);
    gil.locked = 1;
    gil.holder = ts;
    __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)LK_BREAK_GIL_DROP, __ATOMIC_RELAXED);
}

FtGilStats lk_gil_stats(void) {
    pthread_mutex_lock(&gil.mutex);
    FtGilStats s = gil.stats;
    pthread_mutex_unlock(&gil.mutex);
    return s;
}
