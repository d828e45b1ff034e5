/* Atomic reference counting: the counts need nothing out of line (locking/atomic.h); the
 * thread verbs are the free-threaded world's (locking/common.c). */
#include "locking/world.h"

void lk_runtime_init(void) {}
void lk_thread_init(FtThreadState *ts) { lk_world_thread_init(ts, 0); }
void lk_thread_exit(FtThreadState *ts) { lk_world_thread_exit(ts); }
void lk_attach(FtThreadState *ts) { lk_world_attach(ts); }
void lk_detach(FtThreadState *ts) { lk_world_detach(ts); }
void lk_yield(FtThreadState *ts) { lk_world_yield(ts); }
void lk_stop_the_world(FtThreadState *ts) { lk_world_stop(ts); }
void lk_start_the_world(FtThreadState *ts) { lk_world_start(ts); }
void lk_fork_prepare(FtThreadState *ts) { lk_world_fork_prepare(ts); }
void lk_fork_parent(FtThreadState *ts) { lk_world_fork_parent(ts); }
void lk_fork_child(FtThreadState *ts) { lk_world_fork_child(ts); }
