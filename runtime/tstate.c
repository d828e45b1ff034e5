/* Thread states, the runtime state, and the C recursion guard. */
#include "runtime/tstate.h"
#include "core/vm/frame.h"
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

_Thread_local FtThreadState *ft_tstate_current;
FtRuntime ft_runtime = {
    .recursion_limit = 1000,
    .switch_interval = 0.005,
    .check_interval = 100,
};

static pthread_mutex_t threads_lock = PTHREAD_MUTEX_INITIALIZER;

FtThreadState *ft_tstate_new(void) {
    FtThreadState *ts = calloc(1, sizeof *ts);
    if (!ts)
        return NULL;
    ts->exc_info = &ts->exc_base;
    ts->thread_id = (uint64_t)pthread_self();
    ts->native_id = (uint64_t)syscall(SYS_gettid);
    pthread_mutex_lock(&threads_lock);
    ts->next = ft_runtime.threads;
    if (ts->next)
        ts->next->prev = ts;
    ft_runtime.threads = ts;
    pthread_mutex_unlock(&threads_lock);
    return ts;
}

void ft_tstate_delete(FtThreadState *ts) {
    if (ft_tstate_current == ts)
        ft_stats_thread_exit();
    pthread_mutex_lock(&threads_lock);
    if (ts->prev)
        ts->prev->next = ts->next;
    else
        ft_runtime.threads = ts->next;
    if (ts->next)
        ts->next->prev = ts->prev;
    pthread_mutex_unlock(&threads_lock);
    FT_CLEAR(ts->curexc);
    FT_CLEAR(ts->exc_base.exc_value);
    FT_CLEAR(ts->dict);
    ft_vm_state_free(ts);
    if (ft_tstate_current == ts)
        ft_tstate_current = NULL;
    free(ts);
}

void ft_tstate_after_fork_child(FtThreadState *ts) {
    /* The other threads do not exist in the child. Their states are only unlinked, never
     * freed: objects (thread-local dicts, frames) may still point into them. */
    pthread_mutex_init(&threads_lock, NULL);
    ts->next = ts->prev = NULL;
    ft_runtime.threads = ts;
    ft_runtime.main_thread = ts;
    ts->thread_id = (uint64_t)pthread_self();
    ts->native_id = (uint64_t)syscall(SYS_gettid);
}

int ft_enter_recursive_call(const char *where) {
    FtThreadState *ts = ft_tstate_get();
    if (FT_UNLIKELY(++ts->recursion_depth > ft_runtime.recursion_limit + ts->recursion_headroom)) {
        if (ts->recursion_headroom == 0) {
            /* Leave room to build and handle the RecursionError itself. */
            ts->recursion_headroom = 50;
            ft_err_format(ft_exc_RecursionError, "maximum recursion depth exceeded%s", where);
            ts->recursion_headroom = 0;
        } else {
            ft_err_format(ft_exc_RecursionError, "maximum recursion depth exceeded%s", where);
        }
        --ts->recursion_depth;
        return -1;
    }
    return 0;
}

void ft_leave_recursive_call(void) {
    ft_tstate_get()->recursion_depth--;
}
