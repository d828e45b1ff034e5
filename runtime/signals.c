/* Signal handling: the C-level handler, the table of Python-level handlers, and running them.
 *
 * A signal can arrive in any thread at any instruction, so the C handler (c_handler) does only
 * async-signal-safe things: it records the signal in `tripped[signum]` and `is_tripped`, sets
 * LK_BREAK_SIGNAL in the MAIN thread's eval breaker, writes the signal number to the wakeup fd
 * if one is set, and, when it runs in another thread, forwards the signal to the main thread
 * with pthread_kill (async-signal-safe), so that a main thread blocked in a system call
 * (time.sleep, pause, a read) returns with EINTR at once instead of sleeping on.
 *
 * The Python handlers run only in the main thread, as CPython's do, at one of two places:
 *   - the eval loop's next yield point: the breaker bit makes it call ft_vm_pending_hook
 *     (pending_hook here), which clears the bit and runs the handlers;
 *   - a blocking call of the main thread that a signal interrupted: it calls
 *     ft_signals_check() on EINTR (time.sleep, signal.pause), or polls ft_signals_pending()
 *     between bounded waits (lock acquisition, hence Thread.join), and retries with the
 *     time left when no handler raised (PEP 475).
 * A handler that raises makes its exception appear at that point: the default SIGINT handler
 * (default_int_handler) raises KeyboardInterrupt.
 *
 * Ordering. The flags are plain ints accessed with sequentially consistent atomics. The C
 * handler stores tripped[sig] = 1 and then is_tripped = 1; the runner clears is_tripped and
 * then exchanges each tripped[sig] with 0. Whatever the interleaving, a signal is either
 * seen by this round (its tripped[sig] store precedes the runner's exchange) or leaves
 * is_tripped set (its is_tripped store follows the runner's clear), so a later round sees it;
 * the eval breaker bit is cleared before the round for the same reason. A signal arriving
 * twice before its handler runs runs it once, as in CPython.
 *
 * The handler table (handlers[]) holds strong references; it is changed only by the main
 * thread (signal.signal refuses other threads), and read by any thread (getsignal), under
 * `table_mu`, which is never held while Python code runs or a reference is released. */
#define _GNU_SOURCE
#include "runtime/signals.h"
#include "core/vm/vmtypes.h"
#include "runtime/tstate.h"
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static int tripped[FT_NSIG];
static int is_tripped;
static int wakeup_fd = -1;
/* The main thread's state and thread; main_ts is NULL before init and after fini, so that a
 * late signal never touches a freed thread state. */
static FtThreadState *main_ts;
static pthread_t main_pthread;

static pthread_mutex_t table_mu = PTHREAD_MUTEX_INITIALIZER;
static FtObject *handlers[FT_NSIG];   /* int 0 (SIG_DFL), int 1 (SIG_IGN), callable, None */
static FtObject *dfl_handler, *ign_handler, *int_handler;
static int (*prev_hook)(void *ts);
int ft_signals_unhandled_kbi;

/* In the child of os.fork: the forking thread is the main thread now, and signals received
 * by the parent are the parent's (CPython's _PySignal_AfterFork). */
void ft_signals_after_fork_child(FtThreadState *ts) {
    pthread_mutex_init(&table_mu, NULL);
    for (int i = 0; i < FT_NSIG; i++)
        tripped[i] = 0;
    is_tripped = 0;
    main_pthread = pthread_self();
    if (__atomic_load_n(&main_ts, __ATOMIC_RELAXED))
        __atomic_store_n(&main_ts, ts, __ATOMIC_RELEASE);
}

/* ---- the C handler ------------------------------------------------------------------------ */

static void trip(int sig) {
    __atomic_store_n(&tripped[sig], 1, __ATOMIC_SEQ_CST);
    __atomic_store_n(&is_tripped, 1, __ATOMIC_SEQ_CST);
    FtThreadState *m = __atomic_load_n(&main_ts, __ATOMIC_ACQUIRE);
    if (m)
        __atomic_fetch_or(&m->eval_breaker, LK_BREAK_SIGNAL, __ATOMIC_SEQ_CST);
}

static void c_handler(int sig) {
    int saved_errno = errno;
    trip(sig);
    if (__atomic_load_n(&main_ts, __ATOMIC_ACQUIRE) &&
        !pthread_equal(pthread_self(), main_pthread)) {
        /* Wake the main thread: its handler invocation records the signal again (harmless)
         * and writes the wakeup fd. */
        if (pthread_kill(main_pthread, sig) == 0) {
            errno = saved_errno;
            return;
        }
    }
    int fd = __atomic_load_n(&wakeup_fd, __ATOMIC_RELAXED);
    if (fd >= 0) {
        unsigned char byte = (unsigned char)sig;
        ssize_t r = write(fd, &byte, 1);
        (void)r;   /* a full pipe loses the byte: the flag is still set */
    }
    errno = saved_errno;
}

/* Install the OS-level disposition: c_handler, SIG_DFL or SIG_IGN. No SA_RESTART: blocking
 * calls return EINTR so that the handlers run (CPython's PyOS_setsig). */
static int os_setsig(int sig, void (*fn)(int)) {
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = fn;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_ONSTACK;
    return sigaction(sig, &sa, NULL);
}

/* ---- running the Python handlers ---------------------------------------------------------- */

static void set_breaker(void) {
    FtThreadState *m = __atomic_load_n(&main_ts, __ATOMIC_ACQUIRE);
    if (m)
        __atomic_fetch_or(&m->eval_breaker, LK_BREAK_SIGNAL, __ATOMIC_SEQ_CST);
}

static int run_handlers(void) {
    if (!__atomic_load_n(&is_tripped, __ATOMIC_SEQ_CST))
        return 0;
    __atomic_store_n(&is_tripped, 0, __ATOMIC_SEQ_CST);
    FtObject *frame = NULL;
    for (int i = 1; i < FT_NSIG; i++) {
        if (!__atomic_exchange_n(&tripped[i], 0, __ATOMIC_SEQ_CST))
            continue;
        pthread_mutex_lock(&table_mu);
        FtObject *func = handlers[i];
        FT_XINCREF(func);
        pthread_mutex_unlock(&table_mu);
        if (func == NULL || func == FT_NONE || ft_int_check(func)) {
            /* The handler changed between the signal and now (CPython: bpo-43406). */
            FT_XDECREF(func);
            ft_err_format(ft_exc_OSError, "Signal %d ignored due to race condition", i);
            ft_err_write_unraisable(FT_NONE);
            continue;
        }
        if (frame == NULL) {
            frame = ft_vm_getframe(0);
            if (frame == NULL) {
                ft_err_clear();
                frame = ft_newref(FT_NONE);
            }
        }
        FtObject *num = ft_int_from_i64(i);
        FtObject *res = NULL;
        if (num) {
            FtObject *args[2] = {num, frame};
            res = ft_object_vectorcall(func, args, 2, NULL);
            FT_DECREF(num);
        }
        FT_DECREF(func);
        if (res == NULL) {
            /* The others that were tripped run at the next yield point. */
            __atomic_store_n(&is_tripped, 1, __ATOMIC_SEQ_CST);
            set_breaker();
            FT_DECREF(frame);
            return -1;
        }
        FT_DECREF(res);
    }
    FT_XDECREF(frame);
    return 0;
}

static int pending_hook(void *tsv) {
    FtThreadState *ts = tsv;
    if (ts == __atomic_load_n(&main_ts, __ATOMIC_ACQUIRE) &&
        (__atomic_load_n(&ts->eval_breaker, __ATOMIC_RELAXED) & LK_BREAK_SIGNAL)) {
        /* Cleared before the round: a signal arriving during it sets the bit again. */
        __atomic_fetch_and(&ts->eval_breaker, ~(uint32_t)LK_BREAK_SIGNAL, __ATOMIC_SEQ_CST);
        if (run_handlers() < 0)
            return -1;
    }
    return prev_hook ? prev_hook(tsv) : 0;
}

int ft_signals_check(void) {
    FtThreadState *ts = ft_tstate_get();
    if (ts == NULL || ts != __atomic_load_n(&main_ts, __ATOMIC_ACQUIRE))
        return 0;
    return run_handlers();
}

int ft_signals_pending(void) {
    return __atomic_load_n(&is_tripped, __ATOMIC_SEQ_CST);
}

int ft_signals_is_main_thread(void) {
    FtThreadState *ts = ft_tstate_get();
    return ts != NULL && ts == ft_runtime.main_thread;
}

int ft_signals_trip(int signum) {
    if (signum < 1 || signum >= FT_NSIG) {
        ft_err_set_string(ft_exc_ValueError, "signal number out of range");
        return -1;
    }
    /* A signal Python does not handle (SIG_DFL, SIG_IGN): nothing (PyErr_SetInterruptEx). */
    pthread_mutex_lock(&table_mu);
    FtObject *h = handlers[signum];
    int handled = h != NULL && h != FT_NONE && !ft_int_check(h);
    pthread_mutex_unlock(&table_mu);
    if (handled)
        trip(signum);
    return 0;
}

/* ---- the handler table -------------------------------------------------------------------- */

static FtObject *default_int_handler(FtObject *self, FtObject *const *args, ssize_t nargs) {
    (void)self;
    (void)args;
    (void)nargs;
    ft_err_set_none(ft_exc_KeyboardInterrupt);
    return NULL;
}

static FtMethodDef int_handler_def = {
    "default_int_handler", (void *)default_int_handler, FT_METH_FASTCALL,
    "The default handler for SIGINT installed by Python.\n\nIt raises KeyboardInterrupt."};

FtObject *ft_signals_default_int_handler(void) { return int_handler; }

FtObject *ft_signals_get_handler(int signum) {
    pthread_mutex_lock(&table_mu);
    FtObject *h = handlers[signum];
    FT_XINCREF(h);
    pthread_mutex_unlock(&table_mu);
    return h ? h : ft_newref(FT_NONE);
}

/* Does `h` equal the int `v` (SIG_DFL / SIG_IGN given as an exact int)? */
static int is_int_value(FtObject *h, int64_t v) {
    if (!ft_int_check_exact(h))
        return 0;
    int overflow;
    int64_t x = ft_int_as_i64(h, &overflow);
    return !overflow && x == v;
}

int ft_signals_set_handler(int signum, FtObject *handler, FtObject **old) {
    void (*fn)(int);
    if (ft_callable_check(handler)) {
        fn = c_handler;
    } else if (is_int_value(handler, (int64_t)(intptr_t)SIG_IGN)) {
        fn = SIG_IGN;
    } else if (is_int_value(handler, (int64_t)(intptr_t)SIG_DFL)) {
        fn = SIG_DFL;
    } else {
        ft_err_set_string(ft_exc_TypeError, "signal handler must be signal.SIG_IGN, "
                                            "signal.SIG_DFL, or a callable object");
        return -1;
    }
    /* Signals received under the old handler run it first (CPython does the same). */
    if (ft_signals_check() < 0)
        return -1;
    if (os_setsig(signum, fn) < 0) {
        ft_err_set_from_errno(ft_exc_OSError);
        return -1;
    }
    FT_INCREF(handler);
    pthread_mutex_lock(&table_mu);
    FtObject *prev = handlers[signum];
    handlers[signum] = handler;
    pthread_mutex_unlock(&table_mu);
    *old = prev ? prev : ft_newref(FT_NONE);
    return 0;
}

int ft_signals_set_wakeup_fd(int fd, int warn_on_full_buffer) {
    (void)warn_on_full_buffer;
    return __atomic_exchange_n(&wakeup_fd, fd, __ATOMIC_SEQ_CST);
}

/* ---- start-up and shut-down --------------------------------------------------------------- */

int ft_signals_init(void) {
    if (int_handler != NULL)
        return 0;   /* already done (the _signal module calls it too, in case) */
    dfl_handler = ft_int_from_i64((int64_t)(intptr_t)SIG_DFL);
    ign_handler = ft_int_from_i64((int64_t)(intptr_t)SIG_IGN);
    FtObject *modname = ft_str_from_cstr("_signal");
    if (!dfl_handler || !ign_handler || !modname)
        return -1;
    int_handler = ft_cfunction_new(&int_handler_def, NULL, modname);
    FT_DECREF(modname);
    if (int_handler == NULL)
        return -1;

    /* A write to a closed pipe raises BrokenPipeError instead of killing the process;
     * a file too large raises OSError (CPython's signal_install_handlers). */
    os_setsig(SIGPIPE, SIG_IGN);
#ifdef SIGXFSZ
    os_setsig(SIGXFSZ, SIG_IGN);
#endif
    /* The main thread's pthread (its ident, set by ft_tstate_new in that thread): this may
     * run in another thread when the _signal module is imported there first. */
    main_pthread = (pthread_t)ft_runtime.main_thread->thread_id;
    for (int i = 1; i < FT_NSIG; i++) {
        struct sigaction sa;
        FtObject *h = FT_NONE;
        if (sigaction(i, NULL, &sa) == 0) {
            if (sa.sa_handler == SIG_DFL)
                h = dfl_handler;
            else if (sa.sa_handler == SIG_IGN)
                h = ign_handler;
        }
        handlers[i] = ft_newref(h);
    }
    /* Release: a C handler that sees main_ts sees a fully initialised thread state. */
    __atomic_store_n(&main_ts, ft_runtime.main_thread, __ATOMIC_RELEASE);
    if (ft_vm_pending_hook != pending_hook) {
        prev_hook = ft_vm_pending_hook;
        ft_vm_pending_hook = pending_hook;
    }
    /* SIGINT raises KeyboardInterrupt, unless the parent made us ignore it (nohup, `&`). */
    if (handlers[SIGINT] == dfl_handler) {
        if (os_setsig(SIGINT, c_handler) == 0) {
            FT_DECREF(handlers[SIGINT]);
            handlers[SIGINT] = ft_newref(int_handler);
        }
    }
    return 0;
}

void ft_signals_fini(void) {
    for (int i = 1; i < FT_NSIG; i++) {
        FtObject *h = handlers[i];
        if (h && h != FT_NONE && !ft_int_check(h))
            os_setsig(i, SIG_DFL);
    }
    __atomic_store_n(&main_ts, NULL, __ATOMIC_RELEASE);
    __atomic_store_n(&wakeup_fd, -1, __ATOMIC_RELAXED);
    /* The handler objects are left to the operating system, as the runtime's other objects
     * are at exit. */
}

int ft_signals_exit_sigint(void) {
    fflush(stdout);
    fflush(stderr);
    os_setsig(SIGINT, SIG_DFL);
    sigset_t set;
    sigemptyset(&set);
    sigaddset(&set, SIGINT);
    pthread_sigmask(SIG_UNBLOCK, &set, NULL);
    kill(getpid(), SIGINT);
    /* Still alive (SIGINT blocked by something we do not control): the shell's code. */
    return 128 + SIGINT;
}
