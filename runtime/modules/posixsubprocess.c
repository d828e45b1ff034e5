/* _posixsubprocess: fork_exec, the one C function under subprocess.Popen (CPython 3.11's
 * argument list).
 *
 * Everything the child needs - argv, the executables to try (PATH was searched in Python),
 * the environment, the descriptors to keep - is converted to C arrays in the parent, before
 * fork. The child then does only async-signal-safe system calls: another thread of the
 * parent may have held any lock (the allocator's, a dict's, the GIL) at the instant of the
 * fork, so the child must not allocate, lock or run Python. That is why fork_exec forks with
 * a plain fork(), detached, and not with ft_fork (which stops the world for a child that
 * goes on running Python). The exception is preexec_fn: a child that runs Python code is
 * made by ft_fork, with the os.register_at_fork callbacks, as os.fork makes it.
 *
 * The child reports a failure (chdir, dup2, exec, ...) to the parent over errpipe_write in
 * CPython's format, "OSError:<errno in hex>:" plus "noexec" when exec was never reached, or
 * "SubprocessError:0:<message>"; subprocess.py turns it into the exception. A successful
 * exec closes errpipe_write (it is close-on-exec), and the parent reads end-of-file. */
#define _GNU_SOURCE
#include "runtime/fork.h"
#include "runtime/import.h"
#include "runtime/modules/posix.h"
#include "runtime/tstate.h"
#include <errno.h>
#include <fcntl.h>
#include <grp.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/types.h>
#include <unistd.h>

static int long_arg(FtObject *o, long *out) {
    FtObject *i = ft_number_index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    int64_t v = ft_int_as_i64(i, &overflow);
    FT_DECREF(i);
    if (overflow || v < INT_MIN || v > INT_MAX) {
        ft_err_set_string(ft_exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    *out = (long)v;
    return 0;
}

/* fds_to_keep: a tuple of sorted, distinct, non-negative ints. */
static int fds_arg(FtObject *o, int **fds, ssize_t *n) {
    if (!ft_tuple_check(o)) {
        ft_err_set_string(ft_exc_TypeError, "fork_exec() arg 4 must be a tuple");
        return -1;
    }
    *n = FT_SIZE(o);
    *fds = ft_mem_alloc(((size_t)*n + 1) * sizeof(int));
    if (*fds == NULL)
        return -1;
    long prev = -1;
    for (ssize_t i = 0; i < *n; i++) {
        long fd;
        FtObject *item = FT_TUPLE_GET(o, i);
        if (!ft_int_check(item) || long_arg(item, &fd) < 0 || fd <= prev) {
            ft_err_clear();
            ft_err_set_string(ft_exc_ValueError, "bad value(s) in fds_to_keep");
            return -1;
        }
        (*fds)[i] = (int)fd;
        prev = fd;
    }
    return 0;
}

/* ---- the child (async-signal-safe from here on) --------------------------------------------- */

typedef struct {
    char *const *argv;
    char *const *exec_array;
    char *const *envp;            /* NULL: inherit environ */
    const char *cwd;              /* NULL: stay */
    const int *fds_to_keep;
    ssize_t n_fds_to_keep;
    int close_fds;
    int p2cread, p2cwrite, c2pread, c2pwrite, errread, errwrite;
    int errpipe_read, errpipe_write;
    int restore_signals, call_setsid;
    long pgid_to_set;             /* -1: leave */
    long gid, uid;                /* -1: leave */
    const gid_t *extra_groups;    /* NULL: leave */
    size_t n_extra_groups;
    long child_umask;             /* -1: leave */
    FtObject *preexec_fn;         /* NULL: none (the child runs no Python) */
    int max_fd;                   /* for the close loop when close_range is missing */
} ChildArgs;

static void write_all(int fd, const char *s, size_t n) {
    while (n > 0) {
        ssize_t w = write(fd, s, n);
        if (w < 0) {
            if (errno == EINTR)
                continue;
            return;
        }
        s += w;
        n -= (size_t)w;
    }
}

static int clear_cloexec(int fd) {
    int flags = fcntl(fd, F_GETFD);
    if (flags < 0)
        return -1;
    if ((flags & FD_CLOEXEC) && fcntl(fd, F_SETFD, flags & ~FD_CLOEXEC) < 0)
        return -1;
    return 0;
}

static void close_range_from(int lo, int hi) {
    if (lo > hi)
        return;
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)lo, (unsigned)hi, 0) == 0)
        return;
#endif
    for (int fd = lo; fd <= hi && fd < 65536; fd++)
        close(fd);
}

/* Close every descriptor >= 3 except the ones to keep (sorted). */
static void close_open_fds(const ChildArgs *a) {
    int lo = 3;
    for (ssize_t i = 0; i < a->n_fds_to_keep; i++) {
        int keep = a->fds_to_keep[i];
        if (keep < lo)
            continue;
        close_range_from(lo, keep - 1);
        lo = keep + 1;
    }
#ifdef SYS_close_range
    if (syscall(SYS_close_range, (unsigned)lo, ~0u, 0) == 0)
        return;
#endif
    close_range_from(lo, a->max_fd);
}

/* Runs in the child; never returns. */
static void child_exec(ChildArgs *a) {
    const char *err_msg = "";
    int reached_preexec = 0;
    int saved_errno = 0;

    /* pass_fds are inherited (errpipe_write, also kept open, is not). */
    for (ssize_t i = 0; i < a->n_fds_to_keep; i++)
        if (a->fds_to_keep[i] != a->errpipe_write && clear_cloexec(a->fds_to_keep[i]) < 0)
            goto error;

    /* The parent's ends of the pipes. */
    if (a->p2cwrite != -1)
        close(a->p2cwrite);
    if (a->c2pread != -1)
        close(a->c2pread);
    if (a->errread != -1)
        close(a->errread);
    close(a->errpipe_read);

    /* A pipe end that sits on 0, 1 or 2 would be clobbered by the dup2 of another one. */
    int c2pwrite = a->c2pwrite, errwrite = a->errwrite;
    if (c2pwrite == 0) {
        if ((c2pwrite = fcntl(c2pwrite, F_DUPFD_CLOEXEC, 3)) < 0)
            goto error;
    }
    while (errwrite == 0 || errwrite == 1) {
        if ((errwrite = fcntl(errwrite, F_DUPFD_CLOEXEC, 3)) < 0)
            goto error;
    }

    /* dup2 clears close-on-exec on the copy; an end already in place needs it cleared. */
    if (a->p2cread == 0) {
        if (clear_cloexec(0) < 0)
            goto error;
    } else if (a->p2cread != -1 && dup2(a->p2cread, 0) < 0) {
        goto error;
    }
    if (c2pwrite == 1) {
        if (clear_cloexec(1) < 0)
            goto error;
    } else if (c2pwrite != -1 && dup2(c2pwrite, 1) < 0) {
        goto error;
    }
    if (errwrite == 2) {
        if (clear_cloexec(2) < 0)
            goto error;
    } else if (errwrite != -1 && dup2(errwrite, 2) < 0) {
        goto error;
    }

    if (a->cwd != NULL && chdir(a->cwd) < 0)
        goto error;
    if (a->child_umask >= 0)
        umask((mode_t)a->child_umask);
    if (a->restore_signals) {
        /* ftpy ignores these two (as CPython); exec keeps an ignored disposition. */
        signal(SIGPIPE, SIG_DFL);
        signal(SIGXFSZ, SIG_DFL);
    }
    if (a->call_setsid && setsid() < 0)
        goto error;
    if (a->pgid_to_set >= 0 && setpgid(0, (pid_t)a->pgid_to_set) < 0)
        goto error;
    if (a->extra_groups != NULL && setgroups(a->n_extra_groups, a->extra_groups) < 0)
        goto error;
    if (a->gid != -1 && setregid((gid_t)a->gid, (gid_t)a->gid) < 0)
        goto error;
    if (a->uid != -1 && setreuid((uid_t)a->uid, (uid_t)a->uid) < 0)
        goto error;

    reached_preexec = 1;
    if (a->preexec_fn != NULL) {
        FtObject *r = ft_object_call_noargs(a->preexec_fn);
        if (r == NULL) {
            err_msg = "Exception occurred in preexec_fn.";
            errno = 0;
            goto error;
        }
        FT_DECREF(r);
    }

    if (a->close_fds)
        close_open_fds(a);

    /* Try each executable; report the first error that is not "not found here". */
    for (int i = 0; a->exec_array[i] != NULL; i++) {
        if (a->envp != NULL)
            execve(a->exec_array[i], a->argv, a->envp);
        else
            execv(a->exec_array[i], a->argv);
        if (errno != ENOENT && errno != ENOTDIR && saved_errno == 0)
            saved_errno = errno;
    }
    if (saved_errno != 0)
        errno = saved_errno;

error:
    saved_errno = errno;
    if (saved_errno != 0) {
        char hex[2 * sizeof(int) + 1];
        char *cur = hex + sizeof hex;
        unsigned v = (unsigned)saved_errno;
        while (v != 0 && cur != hex) {
            *--cur = "0123456789abcdef"[v % 16];
            v /= 16;
        }
        write_all(a->errpipe_write, "OSError:", 8);
        write_all(a->errpipe_write, cur, (size_t)(hex + sizeof hex - cur));
        write_all(a->errpipe_write, ":", 1);
        if (!reached_preexec)
            write_all(a->errpipe_write, "noexec", 6);
    } else {
        write_all(a->errpipe_write, "SubprocessError:0:", 18);
        write_all(a->errpipe_write, err_msg, strlen(err_msg));
    }
    _exit(255);
}

/* ---- fork_exec ------------------------------------------------------------------------------ */

/* fork_exec(args, executable_list, close_fds, fds_to_keep, cwd, env, p2cread, p2cwrite,
 *           c2pread, c2pwrite, errread, errwrite, errpipe_read, errpipe_write,
 *           restore_signals, call_setsid, pgid_to_set, gid, extra_groups, uid, child_umask,
 *           preexec_fn, allow_vfork) -> pid */
static FtObject *psp_fork_exec(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("fork_exec", nargs, 23, 23) < 0)
        return NULL;
    ChildArgs a;
    memset(&a, 0, sizeof a);
    FtCStrings argv = {NULL, NULL}, exe = {NULL, NULL}, env = {NULL, NULL};
    FtObject *cwd = NULL, *result = NULL;
    int *fds = NULL;
    gid_t *groups = NULL;
    long v[8];

    a.close_fds = ft_object_is_true(args[2]);
    a.restore_signals = ft_object_is_true(args[14]);
    a.call_setsid = ft_object_is_true(args[15]);
    if (a.close_fds < 0 || a.restore_signals < 0 || a.call_setsid < 0)
        return NULL;
    for (int i = 0; i < 8; i++)
        if (long_arg(args[6 + i], &v[i]) < 0)
            return NULL;
    a.p2cread = (int)v[0], a.p2cwrite = (int)v[1], a.c2pread = (int)v[2];
    a.c2pwrite = (int)v[3], a.errread = (int)v[4], a.errwrite = (int)v[5];
    a.errpipe_read = (int)v[6], a.errpipe_write = (int)v[7];
    if (a.close_fds && a.errpipe_write < 3) {
        ft_err_set_string(ft_exc_ValueError, "errpipe_write must be >= 3");
        return NULL;
    }
    a.pgid_to_set = a.gid = a.uid = a.child_umask = -1;
    if ((args[16] != FT_NONE && long_arg(args[16], &a.pgid_to_set) < 0) ||
        (args[17] != FT_NONE && long_arg(args[17], &a.gid) < 0) ||
        (args[19] != FT_NONE && long_arg(args[19], &a.uid) < 0) ||
        long_arg(args[20], &a.child_umask) < 0)
        return NULL;
    if (args[21] != FT_NONE)
        a.preexec_fn = args[21];

    if (fds_arg(args[3], &fds, &a.n_fds_to_keep) < 0)
        goto done;
    a.fds_to_keep = fds;
    if (ft_cstrings_from_seq(args[0], &argv) < 0 || ft_cstrings_from_seq(args[1], &exe) < 0)
        goto done;
    a.argv = argv.v;
    a.exec_array = exe.v;
    if (args[5] != FT_NONE) {
        if (ft_cstrings_from_seq(args[5], &env) < 0)
            goto done;
        a.envp = env.v;
    }
    if (args[4] != FT_NONE) {
        if ((cwd = ft_fs_bytes(args[4])) == NULL)
            goto done;
        a.cwd = FT_BYTES_DATA(cwd);
    }
    if (args[18] != FT_NONE) {
        FtObject *items = ft_sequence_tuple(args[18]);
        if (items == NULL)
            goto done;
        a.n_extra_groups = (size_t)FT_SIZE(items);
        groups = ft_mem_alloc((a.n_extra_groups + 1) * sizeof(gid_t));
        for (size_t i = 0; groups != NULL && i < a.n_extra_groups; i++) {
            long g;
            if (long_arg(FT_TUPLE_GET(items, (ssize_t)i), &g) < 0) {
                FT_DECREF(items);
                goto done;
            }
            groups[i] = (gid_t)g;
        }
        FT_DECREF(items);
        if (groups == NULL)
            goto done;
        a.extra_groups = groups;
    }
    struct rlimit rl;
    a.max_fd = getrlimit(RLIMIT_NOFILE, &rl) == 0 && rl.rlim_cur != RLIM_INFINITY
                   ? (int)rl.rlim_cur - 1 : 65535;

    FtThreadState *ts = ft_tstate_get();
    pid_t pid;
    int err;
    if (a.preexec_fn == NULL) {
        /* Detached: the child only makes system calls and never attaches. */
        FT_BLOCKING(ts, pid = fork(); if (pid == 0) child_exec(&a); err = errno);
    } else {
        ft_posix_run_at_fork(0);
        pid = ft_fork(ts);
        err = errno;
        if (pid == 0) {
            ft_posix_run_at_fork(2);
            child_exec(&a);
        }
        ft_posix_run_at_fork(1);
    }
    if (pid < 0) {
        errno = err;
        ft_err_set_from_errno(ft_exc_OSError);
        goto done;
    }
    result = ft_int_from_i64(pid);
done:
    ft_cstrings_free(&argv);
    ft_cstrings_free(&exe);
    ft_cstrings_free(&env);
    FT_XDECREF(cwd);
    ft_mem_free(fds);
    ft_mem_free(groups);
    return result;
}

static FtMethodDef psp_methods[] = {
    {"fork_exec", (void *)psp_fork_exec, FT_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

FtModuleDef ft_posixsubprocess_module_def = {
    .name = "_posixsubprocess",
    .doc = "A POSIX helper for the subprocess module.",
    .methods = psp_methods,
};
