/* Instrumentation: the counters `ftpy -X stats` prints when the program ends.
 *
 * Every thread counts into its own FtStats (thread-local storage: no sharing, no atomics);
 * a thread's counters are added to the process totals when it exits, and the totals are
 * printed at exit. Counters on slow paths (GIL waits, merge queue, contended critical
 * sections, stop-the-world) are always kept: they cost nothing next to the path itself.
 * Counters on the hottest paths cost something even when unused, so they are compiled in
 * only on request: reference-count operations with -DFTPY_REFCOUNT_STATS=ON, instructions
 * whenever -X stats is given (the eval loop then dispatches through a counting table). */
#ifndef FT_STATS_H
#define FT_STATS_H

#include "config.h"
#include <stdint.h>

typedef struct FtStats {
    uint64_t instructions;         /* bytecodes executed */
    uint64_t rc_local, rc_shared;  /* brc: owner-local / shared operations (REFCOUNT_STATS) */
    uint64_t rc_atomic;            /* atomic: read-modify-writes (REFCOUNT_STATS) */
    uint64_t rc_plain;             /* gil: plain increments and decrements (REFCOUNT_STATS) */
    uint64_t rc_queued;            /* brc: objects queued to their owner */
    uint64_t rc_merged;            /* brc: queued objects merged by their owner */
    uint64_t cs_contended;         /* per-object critical sections that had to wait */
    uint64_t stw_pauses;           /* stop-the-world pauses requested */
    double stw_seconds, stw_longest;
    uint64_t gc_collections[3], gc_collected;
} FtStats;

extern _Thread_local FtStats ft_stats;

#if FT_REFCOUNT_STATS
#define FT_STAT_RC(field) (ft_stats.field++)
#else
#define FT_STAT_RC(field) ((void)0)
#endif

void ft_stats_thread_exit(void);  /* add this thread's counters to the totals */
void ft_stats_after_fork_child(void);
void ft_stats_print(void);        /* totals (+ the calling thread's) to stderr */

#endif
