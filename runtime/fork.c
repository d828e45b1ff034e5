/* os.fork under every locking strategy: see runtime/fork.h. */
#include "runtime/fork.h"
#include "gc/gc.h"
#include "runtime/signals.h"
#include "runtime/stats.h"
#include <errno.h>
#include <unistd.h>

pid_t ft_fork(FtThreadState *ts) {
    lk_fork_prepare(ts);
    pid_t pid = fork();
    if (pid != 0) {
        int saved = errno;
        lk_fork_parent(ts);
        errno = saved;
        return pid;
    }
    /* The child: one thread. Locks other threads might have held when the process was
     * copied are re-created, and the records of those threads forgotten. */
    lk_fork_child(ts);
    ft_tstate_after_fork_child(ts);
    ft_gc_after_fork_child();
    ft_stats_after_fork_child();
    ft_signals_after_fork_child(ts);
    return 0;
}
