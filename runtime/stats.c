/* -X stats: per-thread counters summed at thread exit and printed at the end. */
#include "runtime/stats.h"
#include "runtime/tstate.h"
#include <pthread.h>
#include <stdio.h>

_Thread_local FtStats ft_stats;

static pthread_mutex_t totals_lock = PTHREAD_MUTEX_INITIALIZER;
static FtStats totals;
static unsigned long threads_seen = 1; /* the main thread */

static void add(FtStats *to, const FtStats *from) {
    to->instructions += from->instructions;
    to->rc_local += from->rc_local;
    to->rc_shared += from->rc_shared;
    to->rc_atomic += from->rc_atomic;
    to->rc_plain += from->rc_plain;
    to->rc_queued += from->rc_queued;
    to->rc_merged += from->rc_merged;
    to->cs_contended += from->cs_contended;
    to->stw_pauses += from->stw_pauses;
    to->stw_seconds += from->stw_seconds;
    if (from->stw_longest > to->stw_longest)
        to->stw_longest = from->stw_longest;
    for (int i = 0; i < 3; i++)
        to->gc_collections[i] += from->gc_collections[i];
    to->gc_collected += from->gc_collected;
}

void ft_stats_thread_exit(void) {
    pthread_mutex_lock(&totals_lock);
    add(&totals, &ft_stats);
    threads_seen++;
    pthread_mutex_unlock(&totals_lock);
}

void ft_stats_after_fork_child(void) { pthread_mutex_init(&totals_lock, NULL); }

static void line(const char *what, unsigned long long n) {
    fprintf(stderr, "  %-34s %14llu\n", what, n);
}

void ft_stats_print(void) {
    pthread_mutex_lock(&totals_lock);
    FtStats s = totals;
    add(&s, &ft_stats);
    unsigned long threads = threads_seen;
    pthread_mutex_unlock(&totals_lock);

    fprintf(stderr, "ftpy -X stats: locking strategy %s, %lu thread%s\n", FT_LOCKING_NAME,
            threads, threads == 1 ? "" : "s");
    line("bytecodes executed", s.instructions);
#if FT_REFCOUNT_STATS
#if FT_LOCKING_BRC
    unsigned long long all = s.rc_local + s.rc_shared;
    line("refcount ops, owner-local", s.rc_local);
    line("refcount ops, shared (atomic)", s.rc_shared);
    fprintf(stderr, "  %-34s %13.1f%%\n", "owner-local share", all ? 100.0 * s.rc_local / all : 0.0);
#elif FT_LOCKING_ATOMIC
    line("refcount ops (atomic)", s.rc_atomic);
#else
    line("refcount ops (plain)", s.rc_plain);
#endif
#else
    fprintf(stderr, "  %-34s %14s\n", "refcount ops", "(configure with -DFTPY_REFCOUNT_STATS=ON)");
#endif
#if FT_LOCKING_BRC
    line("objects queued to their owner", s.rc_queued);
    line("queued objects merged", s.rc_merged);
#endif
#if FT_HAS_GIL
    FtGilStats g = lk_gil_stats();
    line("GIL acquisitions", g.acquisitions);
    line("GIL switches", g.switches);
    line("GIL forced switches", g.forced_switches);
    line("GIL drop requests", g.drop_requests);
    line("GIL contended acquisitions", g.contended);
    fprintf(stderr, "  %-34s %14.6f\n", "GIL total wait (s)", g.wait_seconds);
#else
    line("critical sections contended", s.cs_contended);
    line("stop-the-world pauses", s.stw_pauses);
    fprintf(stderr, "  %-34s %14.6f\n", "stop-the-world total (s)", s.stw_seconds);
    fprintf(stderr, "  %-34s %14.6f\n", "stop-the-world longest (s)", s.stw_longest);
#endif
    for (int i = 0; i < 3; i++) {
        char what[64];
        snprintf(what, sizeof what, "collections, generation %d", i);
        line(what, s.gc_collections[i]);
    }
    line("objects collected", s.gc_collected);
}
