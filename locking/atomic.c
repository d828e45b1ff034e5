/* Atomic reference counting: the reference counts need nothing out of line (atomic.h).
 * Single-threaded stage: the thread verbs arrive with the threads issue. */
#include "runtime/tstate.h"

void lk_runtime_init(void) {}
void lk_thread_init(FtThreadState *ts) { FT_UNUSED(ts); }
void lk_thread_exit(FtThreadState *ts) { FT_UNUSED(ts); }
void lk_attach(FtThreadState *ts) { FT_UNUSED(ts); }
void lk_detach(FtThreadState *ts) { FT_UNUSED(ts); }
void lk_yield(FtThreadState *ts) { FT_UNUSED(ts); }
void lk_stop_the_world(FtThreadState *ts) { FT_UNUSED(ts); }
void lk_start_the_world(FtThreadState *ts) { FT_UNUSED(ts); }
