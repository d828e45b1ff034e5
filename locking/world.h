/* Thread registry, attach / detach and stop-the-world for the free-threaded strategies
 * (locking/common.c). Internal to locking/. */
#ifndef FT_LOCKING_WORLD_H
#define FT_LOCKING_WORLD_H

#include "runtime/tstate.h"

#if !FT_FREE_THREADED
#error "locking/world.h is for the free-threaded strategies"
#endif

#include <pthread.h>

enum { LK_DETACHED = 0, LK_ATTACHED = 1, LK_SUSPENDED = 2 };

/* The strategy's per-thread record, hung on FtThreadState.lk. */
typedef struct LkThread {
    FtThreadState *ts;
    uintptr_t tid;                 /* brc owner id: unique for the life of the process */
    int state;                     /* LK_DETACHED / LK_ATTACHED / LK_SUSPENDED (atomic) */
    struct LkThread *next;
    /* brc: objects other threads queued for this owner to merge (locking/brc.c) */
    pthread_mutex_t queue_lock;
    FtObject **queue;
    size_t queue_len, queue_cap;
} LkThread;

/* Every live LkThread, under lk_world_lock (a plain mutex: threads come and go rarely). */
extern pthread_mutex_t lk_world_lock;
extern LkThread *lk_world_threads;

void lk_world_thread_init(FtThreadState *ts, uintptr_t tid);
void lk_world_thread_exit(FtThreadState *ts);
void lk_world_attach(FtThreadState *ts);
void lk_world_detach(FtThreadState *ts);
void lk_world_yield(FtThreadState *ts);     /* pause here if the world is being stopped */
void lk_world_stop(FtThreadState *ts);
void lk_world_start(FtThreadState *ts);
void lk_world_fork_prepare(FtThreadState *ts);
void lk_world_fork_parent(FtThreadState *ts);
void lk_world_fork_child(FtThreadState *ts);

#endif
