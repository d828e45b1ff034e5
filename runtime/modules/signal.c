/* The _signal module (ft_signal_module_def): signal.signal / getsignal over the handler table
 * of runtime/signals.c, the signal constants, and the POSIX calls CPython's _signal offers
 * (alarm, pause, raise_signal, strsignal, valid_signals, pthread_kill, pthread_sigmask,
 * sigpending, sigwait, siginterrupt, set_wakeup_fd, setitimer / getitimer). The `signal`
 * module is runtime/lib/signal.py over this one, as in CPython (the Signals / Handlers /
 * Sigmasks enums). Every call that can block waits detached and runs the pending handlers
 * afterwards, so that its caller sees a handler's exception. */
#define _GNU_SOURCE
#include "runtime/import.h"
#include "runtime/signals.h"
#include "runtime/tstate.h"
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <unistd.h>

static FtObject *itimer_error;   /* signal.itimer_error (ItimerError), an OSError subclass */

/* ---- argument conversion ------------------------------------------------------------------ */

/* A C int, as CPython's "i" converter (_PyLong_AsInt). */
static int int_arg(FtObject *o, int *out) {
    if (ft_float_check(o)) {
        ft_err_set_string(ft_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
    FtObject *i = ft_number_index(o);
    if (i == NULL) {
        if (ft_err_matches(ft_exc_TypeError)) {
            ft_err_clear();
            ft_err_format(ft_exc_TypeError, "'%s' object cannot be interpreted as an integer",
                          ft_type_short_name(FT_TYPE(o)));
        }
        return -1;
    }
    int overflow;
    int64_t v = ft_int_as_i64(i, &overflow);
    FT_DECREF(i);
    if (overflow || v > INT_MAX || v < INT_MIN) {
        ft_err_set_string(ft_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static int signum_arg(FtObject *o, int *out) {
    if (int_arg(o, out) < 0)
        return -1;
    if (*out < 1 || *out >= FT_NSIG) {
        ft_err_set_string(ft_exc_ValueError, "signal number out of range");
        return -1;
    }
    return 0;
}

/* An iterable of signal numbers -> sigset_t (CPython's iterable_to_sigset). */
static int sigset_arg(FtObject *iterable, sigset_t *set) {
    sigemptyset(set);
    FtObject *it = ft_object_getiter(iterable);
    if (it == NULL)
        return -1;
    FtObject *item;
    while ((item = ft_iter_next(it)) != NULL) {
        int sig;
        int r = int_arg(item, &sig);
        FT_DECREF(item);
        if (r < 0) {
            FT_DECREF(it);
            return -1;
        }
        if (sig <= 0 || sig >= FT_NSIG) {
            FT_DECREF(it);
            ft_err_format(ft_exc_ValueError, "signal number %d out of range [1; %d]", sig,
                          FT_NSIG - 1);
            return -1;
        }
        if (sigaddset(set, sig) < 0) {
            FT_DECREF(it);
            ft_err_set_from_errno(ft_exc_OSError);
            return -1;
        }
    }
    FT_DECREF(it);
    return ft_err_occurred() ? -1 : 0;
}

static FtObject *sigset_to_set(const sigset_t *set) {
    FtObject *s = ft_set_new(NULL);
    if (s == NULL)
        return NULL;
    for (int sig = 1; sig < FT_NSIG; sig++) {
        if (sigismember(set, sig) != 1)
            continue;
        FtObject *n = ft_int_from_i64(sig);
        if (n == NULL || ft_set_add(s, n) < 0) {
            FT_XDECREF(n);
            FT_DECREF(s);
            return NULL;
        }
        FT_DECREF(n);
    }
    return s;
}

/* ---- signal, getsignal -------------------------------------------------------------------- */

static FtObject *signal_signal(FtObject *m, FtObject *const *args, ssize_t nargs) {
    (void)m;
    if (ft_check_nargs("signal", nargs, 2, 2) < 0)
        return NULL;
    int sig;
    if (int_arg(args[0], &sig) < 0)
        return NULL;
    if (!ft_signals_is_main_thread()) {
        ft_err_set_string(ft_exc_ValueError,
                          "signal only works in main thread of the main interpreter");
        return NULL;
    }
    if (sig < 1 || sig >= FT_NSIG) {
        ft_err_set_string(ft_exc_ValueError, "signal number out of range");
        return NULL;
    }
    FtObject *old;
    if (ft_signals_set_handler(sig, args[1], &old) < 0)
        return NULL;
    return old;
}

static FtObject *signal_getsignal(FtObject *m, FtObject *arg) {
    (void)m;
    int sig;
    if (signum_arg(arg, &sig) < 0)
        return NULL;
    return ft_signals_get_handler(sig);
}

/* ---- raising and waiting ------------------------------------------------------------------ */

static FtObject *signal_raise_signal(FtObject *m, FtObject *arg) {
    (void)m;
    int sig;
    if (int_arg(arg, &sig) < 0)
        return NULL;
    if (raise(sig) != 0)
        return ft_err_set_from_errno(ft_exc_OSError);
    /* The handler of a signal raised in the main thread runs before raise_signal returns. */
    if (ft_signals_check() < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *signal_pthread_kill(FtObject *m, FtObject *const *args, ssize_t nargs) {
    (void)m;
    if (ft_check_nargs("pthread_kill", nargs, 2, 2) < 0)
        return NULL;
    if (ft_float_check(args[0])) {
        ft_err_set_string(ft_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return NULL;
    }
    FtObject *idx = ft_number_index(args[0]);
    if (idx == NULL)
        return NULL;
    int overflow;
    int64_t tid = ft_int_as_i64(idx, &overflow);
    FT_DECREF(idx);
    int sig;
    if (int_arg(args[1], &sig) < 0)
        return NULL;
    int err = pthread_kill((pthread_t)(uint64_t)tid, sig);
    if (err != 0) {
        errno = err;
        return ft_err_set_from_errno(ft_exc_OSError);
    }
    if (ft_signals_check() < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *signal_alarm(FtObject *m, FtObject *arg) {
    (void)m;
    int secs;
    if (int_arg(arg, &secs) < 0)
        return NULL;
    return ft_int_from_i64((int64_t)alarm((unsigned)secs));
}

static FtObject *signal_pause(FtObject *m, FtObject *unused) {
    (void)m;
    (void)unused;
    FtThreadState *ts = ft_tstate_get();
    FT_BLOCKING(ts, pause());
    if (ft_signals_check() < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *signal_strsignal(FtObject *m, FtObject *arg) {
    (void)m;
    int sig;
    if (signum_arg(arg, &sig) < 0)
        return NULL;
    errno = 0;
    const char *res = strsignal(sig);
    if (errno || res == NULL || strstr(res, "Unknown signal") != NULL)
        FT_RETURN_NONE;
    return ft_str_from_cstr(res);
}

static FtObject *signal_valid_signals(FtObject *m, FtObject *unused) {
    (void)m;
    (void)unused;
    sigset_t set;
    if (sigemptyset(&set) < 0 || sigfillset(&set) < 0)
        return ft_err_set_from_errno(ft_exc_OSError);
    return sigset_to_set(&set);
}

static FtObject *signal_pthread_sigmask(FtObject *m, FtObject *const *args, ssize_t nargs) {
    (void)m;
    if (ft_check_nargs("pthread_sigmask", nargs, 2, 2) < 0)
        return NULL;
    int how;
    sigset_t mask, previous;
    if (int_arg(args[0], &how) < 0 || sigset_arg(args[1], &mask) < 0)
        return NULL;
    int err = pthread_sigmask(how, &mask, &previous);
    if (err != 0) {
        errno = err;
        return ft_err_set_from_errno(ft_exc_OSError);
    }
    /* Signals just unblocked may be pending: run their handlers now. */
    if (ft_signals_check() < 0)
        return NULL;
    return sigset_to_set(&previous);
}

static FtObject *signal_sigpending(FtObject *m, FtObject *unused) {
    (void)m;
    (void)unused;
    sigset_t set;
    if (sigpending(&set) != 0)
        return ft_err_set_from_errno(ft_exc_OSError);
    return sigset_to_set(&set);
}

static FtObject *signal_sigwait(FtObject *m, FtObject *arg) {
    (void)m;
    sigset_t set;
    if (sigset_arg(arg, &set) < 0)
        return NULL;
    int sig = 0, err;
    FtThreadState *ts = ft_tstate_get();
    FT_BLOCKING(ts, err = sigwait(&set, &sig));
    if (err) {
        errno = err;
        return ft_err_set_from_errno(ft_exc_OSError);
    }
    return ft_int_from_i64(sig);
}

static FtObject *signal_siginterrupt(FtObject *m, FtObject *const *args, ssize_t nargs) {
    (void)m;
    if (ft_check_nargs("siginterrupt", nargs, 2, 2) < 0)
        return NULL;
    int sig, flag;
    if (signum_arg(args[0], &sig) < 0 || int_arg(args[1], &flag) < 0)
        return NULL;
    struct sigaction act;
    if (sigaction(sig, NULL, &act) < 0)
        return ft_err_set_from_errno(ft_exc_OSError);
    if (flag)
        act.sa_flags &= ~SA_RESTART;
    else
        act.sa_flags |= SA_RESTART;
    if (sigaction(sig, &act, NULL) < 0)
        return ft_err_set_from_errno(ft_exc_OSError);
    FT_RETURN_NONE;
}

static FtObject *signal_set_wakeup_fd(FtObject *m, FtObject *const *args, ssize_t nargs,
                                      FtObject *kwnames) {
    (void)m;
    static const char *const kwlist[] = {"", "warn_on_full_buffer", NULL};
    FtObject *a[2];
    if (ft_parse_args("set_wakeup_fd", args, nargs, kwnames, kwlist, 1, 1, 1, a) < 0)
        return NULL;
    int fd, warn = 1;
    if (int_arg(a[0], &fd) < 0)
        return NULL;
    if (a[1] && (warn = ft_object_is_true(a[1])) < 0)
        return NULL;
    if (!ft_signals_is_main_thread()) {
        ft_err_set_string(ft_exc_ValueError,
                          "set_wakeup_fd only works in main thread of the main interpreter");
        return NULL;
    }
    if (fd != -1) {
        struct stat st;
        if (fstat(fd, &st) != 0)
            return ft_err_set_from_errno(ft_exc_OSError);
        int fl = fcntl(fd, F_GETFL);
        if (fl < 0)
            return ft_err_set_from_errno(ft_exc_OSError);
        if (!(fl & O_NONBLOCK))
            return ft_err_format(ft_exc_ValueError, "the fd %d must be in non-blocking mode", fd);
    }
    return ft_int_from_i64(ft_signals_set_wakeup_fd(fd, warn));
}

/* ---- interval timers ---------------------------------------------------------------------- */

static int seconds_to_timeval(FtObject *o, struct timeval *tv) {
    double d = ft_float_as_double(o);
    if (d == -1.0 && ft_err_occurred())
        return -1;
    if (isnan(d)) {
        ft_err_set_string(ft_exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    if (!(d > -9.2e9 && d < 9.2e9)) {
        ft_err_set_string(ft_exc_OverflowError, "timestamp too large to convert to C _PyTime_t");
        return -1;
    }
    /* CPython rounds up (_PyTime_ROUND_CEILING) so that a tiny positive value arms the timer. */
    double us = ceil(d * 1e6);
    int64_t total = (int64_t)us;
    tv->tv_sec = total / 1000000;
    tv->tv_usec = total % 1000000;
    if (tv->tv_usec < 0) {
        tv->tv_usec += 1000000;
        tv->tv_sec -= 1;
    }
    return 0;
}

static FtObject *itimer_tuple(const struct itimerval *v) {
    FtObject *a = ft_float_from_double((double)v->it_value.tv_sec + v->it_value.tv_usec * 1e-6);
    FtObject *b =
        ft_float_from_double((double)v->it_interval.tv_sec + v->it_interval.tv_usec * 1e-6);
    FtObject *t = a && b ? ft_tuple_pack(2, a, b) : NULL;
    FT_XDECREF(a);
    FT_XDECREF(b);
    return t;
}

static FtObject *itimer_fail(void) {
    return ft_err_set_from_errno((FtType *)itimer_error);
}

static FtObject *signal_setitimer(FtObject *m, FtObject *const *args, ssize_t nargs) {
    (void)m;
    if (ft_check_nargs("setitimer", nargs, 2, 3) < 0)
        return NULL;
    int which;
    struct itimerval nv, ov;
    memset(&nv, 0, sizeof nv);
    if (int_arg(args[0], &which) < 0 || seconds_to_timeval(args[1], &nv.it_value) < 0 ||
        (nargs > 2 && seconds_to_timeval(args[2], &nv.it_interval) < 0))
        return NULL;
    if (setitimer(which, &nv, &ov) != 0)
        return itimer_fail();
    return itimer_tuple(&ov);
}

static FtObject *signal_getitimer(FtObject *m, FtObject *arg) {
    (void)m;
    int which;
    if (int_arg(arg, &which) < 0)
        return NULL;
    struct itimerval v;
    if (getitimer(which, &v) != 0)
        return itimer_fail();
    return itimer_tuple(&v);
}

/* ---- the module --------------------------------------------------------------------------- */

static FtMethodDef signal_methods[] = {
    {"signal", (void *)signal_signal, FT_METH_FASTCALL,
     "Set the action for the given signal.\n\nThe action can be SIG_DFL, SIG_IGN, or a "
     "callable Python object.\nThe previous action is returned.  See getsignal() for possible "
     "return values.\n\n*** IMPORTANT NOTICE ***\nA signal handler function is called with two "
     "arguments:\nthe first is the signal number, the second is the interrupted stack frame."},
    {"getsignal", (void *)signal_getsignal, FT_METH_O,
     "Return the current action for the given signal.\n\nThe return value can be:\n  SIG_IGN "
     "-- if the signal is being ignored\n  SIG_DFL -- if the default action for the signal "
     "is in effect\n  None    -- if an unknown handler is in effect\n  anything else -- the "
     "callable Python object used as a handler"},
    {"raise_signal", (void *)signal_raise_signal, FT_METH_O, "Send a signal to the executing process."},
    {"pthread_kill", (void *)signal_pthread_kill, FT_METH_FASTCALL, "Send a signal to a thread."},
    {"alarm", (void *)signal_alarm, FT_METH_O, "Arrange for SIGALRM to arrive after the given number of seconds."},
    {"pause", (void *)signal_pause, FT_METH_NOARGS, "Wait until a signal arrives."},
    {"strsignal", (void *)signal_strsignal, FT_METH_O,
     "Return the system description of the given signal.\n\nReturns the description of "
     "signal *signalnum*, such as \"Interrupt\"\nfor :const:`SIGINT`. Returns :const:`None` "
     "if *signalnum* has no\ndescription. Raises :exc:`ValueError` if *signalnum* is "
     "invalid."},
    {"valid_signals", (void *)signal_valid_signals, FT_METH_NOARGS,
     "Return a set of valid signal numbers on this platform.\n\nThe signal numbers returned "
     "by this function can be safely passed to\nfunctions like `pthread_sigmask`."},
    {"pthread_sigmask", (void *)signal_pthread_sigmask, FT_METH_FASTCALL, "Fetch and/or change the signal mask of the calling thread."},
    {"sigpending", (void *)signal_sigpending, FT_METH_NOARGS, "Examine pending signals."},
    {"sigwait", (void *)signal_sigwait, FT_METH_O, "Wait for a signal."},
    {"siginterrupt", (void *)signal_siginterrupt, FT_METH_FASTCALL, "Change system call restart behaviour."},
    {"set_wakeup_fd", (void *)signal_set_wakeup_fd, FT_METH_FASTCALL | FT_METH_KEYWORDS,
     "Sets the fd to be written to (with the signal number) when a signal comes in."},
    {"setitimer", (void *)signal_setitimer, FT_METH_FASTCALL, "Sets given itimer (one of ITIMER_REAL, ITIMER_VIRTUAL or ITIMER_PROF)."},
    {"getitimer", (void *)signal_getitimer, FT_METH_O, "Returns current value of given itimer."},
    {NULL, NULL, 0, NULL},
};

static const struct {
    const char *name;
    int value;
} signal_constants[] = {
    {"NSIG", FT_NSIG},
    {"SIG_DFL", 0}, {"SIG_IGN", 1},
    {"SIG_BLOCK", SIG_BLOCK}, {"SIG_UNBLOCK", SIG_UNBLOCK}, {"SIG_SETMASK", SIG_SETMASK},
    {"ITIMER_REAL", ITIMER_REAL}, {"ITIMER_VIRTUAL", ITIMER_VIRTUAL},
    {"ITIMER_PROF", ITIMER_PROF},
    {"SIGHUP", SIGHUP}, {"SIGINT", SIGINT}, {"SIGQUIT", SIGQUIT}, {"SIGILL", SIGILL},
    {"SIGTRAP", SIGTRAP}, {"SIGIOT", SIGIOT}, {"SIGABRT", SIGABRT}, {"SIGFPE", SIGFPE},
    {"SIGKILL", SIGKILL}, {"SIGBUS", SIGBUS}, {"SIGSEGV", SIGSEGV}, {"SIGSYS", SIGSYS},
    {"SIGPIPE", SIGPIPE}, {"SIGALRM", SIGALRM}, {"SIGTERM", SIGTERM}, {"SIGUSR1", SIGUSR1},
    {"SIGUSR2", SIGUSR2}, {"SIGCLD", SIGCHLD}, {"SIGCHLD", SIGCHLD}, {"SIGPWR", SIGPWR},
    {"SIGIO", SIGIO}, {"SIGURG", SIGURG}, {"SIGWINCH", SIGWINCH}, {"SIGPOLL", SIGPOLL},
    {"SIGSTOP", SIGSTOP}, {"SIGTSTP", SIGTSTP}, {"SIGCONT", SIGCONT}, {"SIGTTIN", SIGTTIN},
    {"SIGTTOU", SIGTTOU}, {"SIGVTALRM", SIGVTALRM}, {"SIGPROF", SIGPROF},
    {"SIGXCPU", SIGXCPU}, {"SIGXFSZ", SIGXFSZ},
#ifdef SIGSTKFLT
    {"SIGSTKFLT", SIGSTKFLT},
#endif
};

static int signal_exec(FtObject *m) {
    for (size_t i = 0; i < sizeof signal_constants / sizeof signal_constants[0]; i++)
        if (ft_module_add_int(m, signal_constants[i].name, signal_constants[i].value) < 0)
            return -1;
    if (ft_module_add_int(m, "SIGRTMIN", SIGRTMIN) < 0 ||
        ft_module_add_int(m, "SIGRTMAX", SIGRTMAX) < 0)
        return -1;
    /* Normally done at start-up (ft_runtime_init); idempotent. */
    if (ft_signals_init() < 0)
        return -1;
    FtObject *h = ft_signals_default_int_handler();
    if (ft_module_add_object(m, "default_int_handler", ft_newref(h)) < 0)
        return -1;
    if (itimer_error == NULL) {
        /* class itimer_error(OSError), __module__ 'signal', as CPython names it. */
        FtObject *name = ft_str_from_cstr("itimer_error");
        FtObject *bases = ft_tuple_pack(1, (FtObject *)ft_exc_OSError);
        FtObject *ns = ft_dict_new();
        FtObject *mod = ft_str_from_cstr("signal");
        if (name && bases && ns && mod && ft_dict_set_cstr(ns, "__module__", mod) == 0)
            itimer_error = ft_object_call_va((FtObject *)&ft_type_type, name, bases, ns, NULL);
        FT_XDECREF(name);
        FT_XDECREF(bases);
        FT_XDECREF(ns);
        FT_XDECREF(mod);
        if (itimer_error == NULL)
            return -1;
    }
    return ft_module_add_object(m, "ItimerError", ft_newref(itimer_error));
}

FtModuleDef ft_signal_module_def = {
    .name = "_signal",
    .doc = "This module provides mechanisms to use signal handlers in Python.",
    .methods = signal_methods,
    .exec = signal_exec,
};
