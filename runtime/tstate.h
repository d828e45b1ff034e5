/* Per-thread interpreter state and the runtime (process-wide) state. */
#ifndef FT_TSTATE_H
#define FT_TSTATE_H

#include "core/object.h"

struct FtFrame;

/* The exception being handled (what sys.exc_info() reports); PUSH_EXC_INFO pushes. */
typedef struct FtExcInfo {
    FtObject *exc_value;          /* the handled exception, or NULL / None */
    struct FtExcInfo *previous;   /* enclosing handler's (generators keep their own) */
} FtExcInfo;

typedef struct FtThreadState {
    uint32_t eval_breaker;        /* LK_BREAK_* bits; read at every yield point (atomic) */
    FtObject *curexc;             /* the raised exception, or NULL */
    FtExcInfo *exc_info;          /* innermost handled exception */
    FtExcInfo exc_base;
    struct FtFrame *frame;        /* innermost running frame */
    int recursion_depth;          /* Python frames + C recursion guards */
    int recursion_headroom;       /* extra depth allowed while handling a RecursionError */
    uint64_t thread_id;           /* threading.get_ident() */
    uint64_t native_id;
    struct FtThreadState *next, *prev; /* all threads (runtime.threads) */
    void *lk;                     /* the locking strategy's per-thread data */
    void *vm;                     /* the VM's per-thread data (frame arena, free lists) */
    FtObject *dict;               /* thread-local storage (_thread._local) */
    struct FtStats *stats;        /* -X stats counters, or NULL */
} FtThreadState;

/* The current thread's state (NULL in a thread that never ran Python). */
extern _Thread_local FtThreadState *ft_tstate_current;
static inline FtThreadState *ft_tstate_get(void) { return ft_tstate_current; }

typedef struct FtRuntime {
    FtObject *modules;            /* sys.modules */
    FtObject *builtins;           /* the builtins module */
    FtObject *builtins_dict;
    FtObject *sys;                /* the sys module */
    FtObject *sys_dict;
    int recursion_limit;          /* sys.setrecursionlimit, default 1000 */
    double switch_interval;       /* seconds, default 0.005 */
    int check_interval;           /* gil-legacy: ticks between releases, default 100 */
    int argc;
    char **argv;
    const char *executable;
    int dont_write_bytecode;
    int verbose, inspect, isolated;
    int optimize;                 /* -O: 1 (asserts off), -OO: 2 (docstrings too) */
    int stats;                    /* -X stats */
    FtThreadState *main_thread;
    FtThreadState *threads;       /* linked list of live thread states */
} FtRuntime;
extern FtRuntime ft_runtime;

int ft_runtime_init(int argc, char **argv);   /* runtime/init.c */
void ft_runtime_fini(void);
FtThreadState *ft_tstate_new(void);
/* Frees a thread state. The thread must have dropped the references it holds (its exception
 * state, thread-local dict) while still attached, before lk_thread_exit: what is left here is
 * released without holding the GIL. */
void ft_tstate_delete(FtThreadState *ts);
/* In the child of os.fork: `ts` is the only thread, and the main thread (runtime/fork.c). */
void ft_tstate_after_fork_child(FtThreadState *ts);

/* Free-threaded builds: make the program's definitions (modules, their functions, classes,
 * code) immortal when its first extra thread starts (runtime/share.c); nothing elsewhere. */
void ft_share_definitions(void);

/* RecursionError guard for C recursion (repr of nested containers, comparisons, ...):
 * if (ft_enter_recursive_call(" while getting the repr of an object")) return NULL; ... */
int ft_enter_recursive_call(const char *where);
void ft_leave_recursive_call(void);

#endif
