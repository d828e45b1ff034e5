/* os.fork under every locking strategy (runtime/fork.c).
 *
 * fork() copies only the calling thread. Whatever the other threads held at that instant -
 * the GIL, a per-object critical section, the world lock, a merge queue's mutex - would stay
 * held for ever in the child. ft_fork therefore forks from a quiet world: it stops the world
 * (under a GIL, holding the GIL is enough), forks, and then
 *   - in the parent, restarts the world;
 *   - in the child, makes the calling thread the only thread and the main thread: the
 *     strategy's thread registry forgets the others (brc hands their merge queues and owned
 *     objects over as at thread exit), the GIL and the locks the runtime owns are re-created,
 *     and threading's per-thread state is reset by threading._after_fork, which
 *     posix.fork calls in the child (as CPython's PyOS_AfterFork_Child does).
 * Returns what fork() returns: the child's pid in the parent, 0 in the child, -1 with errno
 * set when no child was made (call it attached; no exception is set). */
#ifndef FT_FORK_H
#define FT_FORK_H

#include "runtime/tstate.h"
#include <sys/types.h>

pid_t ft_fork(FtThreadState *ts);

#endif
