/* The posix module (ft_posix_module_def): the operating-system calls under os.py and
 * posixpath.py - working directory, directory listing, stat, file and directory
 * creation/removal, process ids, the environment, raw file descriptors, and processes
 * (fork with os.register_at_fork's callbacks, exec, waitpid and the wait-status macros,
 * sessions and process groups). Python-level conveniences (os.environ as a mapping,
 * stat_result, os.path, the exec*p variants) live in runtime/lib/os.py. New system calls
 * are added here: one function plus one line in posix_methods. */
#define _GNU_SOURCE
#include "runtime/fork.h"
#include "runtime/import.h"
#include "runtime/modules/posix.h"
#include "runtime/signals.h"
#include "runtime/tstate.h"
#include <errno.h>
#include <dirent.h>
#include <fcntl.h>
#include <limits.h>
#include <sched.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/times.h>
#include <sys/types.h>
#include <sys/utsname.h>
#include <sys/wait.h>
#include <unistd.h>

extern char **environ;

/* ---- path arguments ----------------------------------------------------------------------- */

/* A path argument: str, bytes or an os.PathLike. `keep` receives a new reference that owns
 * the returned C string (release it with FT_XDECREF); *is_bytes tells which kind was given,
 * so that results (listdir, readlink, getcwd) come back in the same kind. */
static const char *path_arg(FtObject *o, const char *fname, const char *argname, FtObject **keep,
                            int *is_bytes) {
    *keep = NULL;
    if (!ft_str_check(o) && !ft_bytes_check(o)) {
        FtObject *fspath = ft_type_lookup_cstr(FT_TYPE(o), "__fspath__");
        if (fspath == NULL) {
            ft_err_format(ft_exc_TypeError,
                          "%s: %s should be string, bytes or os.PathLike, not %s", fname, argname,
                          ft_type_short_name(FT_TYPE(o)));
            return NULL;
        }
        o = ft_object_call_method_cstr(o, "__fspath__", NULL, 0);
        if (o == NULL)
            return NULL;
        if (!ft_str_check(o) && !ft_bytes_check(o)) {
            ft_err_format(ft_exc_TypeError, "expected %s.__fspath__() to return str or bytes, "
                          "not %s", ft_type_short_name(FT_TYPE(o)), ft_type_short_name(FT_TYPE(o)));
            FT_DECREF(o);
            return NULL;
        }
    } else {
        FT_INCREF(o);
    }
    *keep = o;
    const char *s;
    ssize_t len;
    if (ft_str_check(o)) {
        *is_bytes = 0;
        s = ft_str_as_utf8_len(o, &len);
        if (s == NULL)
            goto fail;
    } else {
        *is_bytes = 1;
        s = (const char *)FT_BYTES_DATA(o);
        len = FT_SIZE(o);
    }
    if ((ssize_t)strlen(s) != len) {
        ft_err_format(ft_exc_ValueError, "%s: embedded null character in %s", fname, argname);
        goto fail;
    }
    return s;
fail:
    FT_DECREF(o);
    *keep = NULL;
    return NULL;
}

static FtObject *make_name(const char *s, int is_bytes) {
    if (is_bytes)
        return ft_bytes_from_data(s, (ssize_t)strlen(s));
    FtObject *r = ft_str_from_utf8(s, (ssize_t)strlen(s));
    if (r == NULL) {
        /* not UTF-8: fall back to latin-1 so that every name is still reachable */
        ft_err_clear();
        r = ft_str_from_latin1(s, (ssize_t)strlen(s));
    }
    return r;
}

static FtObject *errno_error(FtObject *filename) {
    if (filename != NULL)
        return ft_err_set_from_errno_filename(ft_exc_OSError, filename);
    return ft_err_set_from_errno(ft_exc_OSError);
}

static int int_arg(FtObject *o, long *out) {
    FtObject *i = ft_number_index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    int64_t v = ft_int_as_i64(i, &overflow);
    FT_DECREF(i);
    if (overflow) {
        ft_err_set_string(ft_exc_OverflowError, "Python int too large to convert to C long");
        return -1;
    }
    *out = (long)v;
    return 0;
}

/* ---- working directory -------------------------------------------------------------------- */

static FtObject *cwd(int is_bytes) {
    char buf[PATH_MAX + 1];
    if (getcwd(buf, sizeof buf) == NULL)
        return errno_error(NULL);
    return make_name(buf, is_bytes);
}

static FtObject *posix_getcwd(FtObject *m, FtObject *u) { return cwd(0); }
static FtObject *posix_getcwdb(FtObject *m, FtObject *u) { return cwd(1); }

static FtObject *posix_chdir(FtObject *m, FtObject *arg) {
    FtObject *keep;
    int is_bytes;
    const char *p = path_arg(arg, "chdir", "path", &keep, &is_bytes);
    if (p == NULL)
        return NULL;
    int r = chdir(p);
    FtObject *res = r < 0 ? errno_error(arg) : ft_newref(FT_NONE);
    FT_DECREF(keep);
    return res;
}

/* ---- directories -------------------------------------------------------------------------- */

static FtObject *posix_listdir(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("listdir", nargs, 0, 1) < 0)
        return NULL;
    FtObject *keep = NULL;
    int is_bytes = 0;
    const char *p = ".";
    if (nargs == 1 && args[0] != FT_NONE) {
        p = path_arg(args[0], "listdir", "path", &keep, &is_bytes);
        if (p == NULL)
            return NULL;
    }
    FtThreadState *ts = ft_tstate_get();
    DIR *d;
    FT_BLOCKING(ts, d = opendir(p));
    if (d == NULL) {
        FtObject *fn = nargs == 1 && args[0] != FT_NONE ? args[0] : NULL;
        FtObject *dot = NULL;
        if (fn == NULL)
            fn = dot = ft_str_from_cstr(".");
        errno_error(fn);
        FT_XDECREF(dot);
        FT_XDECREF(keep);
        return NULL;
    }
    FtObject *list = ft_list_new(0);
    struct dirent *e;
    errno = 0;
    while (list != NULL && (e = readdir(d)) != NULL) {
        if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
            continue;
        FtObject *name = make_name(e->d_name, is_bytes);
        if (name == NULL || ft_list_append(list, name) < 0) {
            FT_XDECREF(name);
            FT_DECREF(list);
            list = NULL;
            break;
        }
        FT_DECREF(name);
    }
    closedir(d);
    FT_XDECREF(keep);
    return list;
}

/* mkdir(path, mode=0o777) */
static FtObject *posix_mkdir(FtObject *m, FtObject *const *args, ssize_t nargs, FtObject *kw) {
    static const char *const kwlist[] = {"path", "mode", "dir_fd", NULL};
    FtObject *a[3];
    if (ft_parse_args("mkdir", args, nargs, kw, kwlist, 0, 2, 1, a) < 0)
        return NULL;
    long mode = 0777;
    if (a[1] != NULL && int_arg(a[1], &mode) < 0)
        return NULL;
    FtObject *keep;
    int is_bytes;
    const char *p = path_arg(a[0], "mkdir", "path", &keep, &is_bytes);
    if (p == NULL)
        return NULL;
    int r = mkdir(p, (mode_t)mode);
    FtObject *res = r < 0 ? errno_error(a[0]) : ft_newref(FT_NONE);
    FT_DECREF(keep);
    return res;
}

/* One-path calls that return None: rmdir, unlink/remove. */
static FtObject *one_path(FtObject *arg, const char *fname, int (*fn)(const char *)) {
    FtObject *keep;
    int is_bytes;
    const char *p = path_arg(arg, fname, "path", &keep, &is_bytes);
    if (p == NULL)
        return NULL;
    int r = fn(p);
    FtObject *res = r < 0 ? errno_error(arg) : ft_newref(FT_NONE);
    FT_DECREF(keep);
    return res;
}

static FtObject *posix_rmdir(FtObject *m, FtObject *arg) { return one_path(arg, "rmdir", rmdir); }
static FtObject *posix_unlink(FtObject *m, FtObject *arg) { return one_path(arg, "unlink", unlink); }
static FtObject *posix_remove(FtObject *m, FtObject *arg) { return one_path(arg, "remove", unlink); }

static FtObject *two_paths(FtObject *const *args, ssize_t nargs, const char *fname,
                           int (*fn)(const char *, const char *)) {
    if (ft_check_nargs(fname, nargs, 2, 2) < 0)
        return NULL;
    FtObject *k1, *k2;
    int b1, b2;
    const char *p1 = path_arg(args[0], fname, "src", &k1, &b1);
    if (p1 == NULL)
        return NULL;
    const char *p2 = path_arg(args[1], fname, "dst", &k2, &b2);
    if (p2 == NULL) {
        FT_DECREF(k1);
        return NULL;
    }
    int r = fn(p1, p2);
    FtObject *res;
    if (r < 0) {
        /* CPython names both paths: "[Errno 2] No such file or directory: 'a' -> 'b'" */
        int saved = errno;
        FtObject *err = ft_int_from_i64(saved);
        FtObject *msg = ft_str_from_cstr(strerror(saved));
        FtObject *exc_args = NULL;
        if (err != NULL && msg != NULL)
            exc_args = ft_tuple_pack(5, err, msg, args[0], FT_NONE, args[1]);
        FT_XDECREF(err);
        FT_XDECREF(msg);
        if (exc_args != NULL) {
            FtObject *exc = ft_object_call((FtObject *)ft_exc_OSError, exc_args, NULL);
            FT_DECREF(exc_args);
            if (exc != NULL) {
                ft_err_set_exc(exc);
                FT_DECREF(exc);
            }
        }
        res = NULL;
    } else {
        res = ft_newref(FT_NONE);
    }
    FT_DECREF(k1);
    FT_DECREF(k2);
    return res;
}

static FtObject *posix_rename(FtObject *m, FtObject *const *args, ssize_t nargs) {
    return two_paths(args, nargs, "rename", rename);
}

static FtObject *posix_replace(FtObject *m, FtObject *const *args, ssize_t nargs) {
    return two_paths(args, nargs, "replace", rename);
}

static FtObject *posix_symlink(FtObject *m, FtObject *const *args, ssize_t nargs) {
    return two_paths(args, nargs, "symlink", symlink);
}

static FtObject *posix_link(FtObject *m, FtObject *const *args, ssize_t nargs) {
    return two_paths(args, nargs, "link", link);
}

/* ---- stat --------------------------------------------------------------------------------- */

/* A plain tuple; os.py wraps it into os.stat_result:
 * (mode, ino, dev, nlink, uid, gid, size, atime, mtime, ctime, atime_ns, mtime_ns, ctime_ns,
 *  blksize, blocks, rdev) */
static FtObject *stat_tuple(const struct stat *st) {
    FtObject *v[16] = {
        ft_int_from_i64(st->st_mode),
        ft_int_from_u64(st->st_ino),
        ft_int_from_u64(st->st_dev),
        ft_int_from_i64((int64_t)st->st_nlink),
        ft_int_from_i64(st->st_uid),
        ft_int_from_i64(st->st_gid),
        ft_int_from_i64(st->st_size),
        ft_float_from_double((double)st->st_atim.tv_sec + st->st_atim.tv_nsec * 1e-9),
        ft_float_from_double((double)st->st_mtim.tv_sec + st->st_mtim.tv_nsec * 1e-9),
        ft_float_from_double((double)st->st_ctim.tv_sec + st->st_ctim.tv_nsec * 1e-9),
        ft_int_from_i64((int64_t)st->st_atim.tv_sec * 1000000000 + st->st_atim.tv_nsec),
        ft_int_from_i64((int64_t)st->st_mtim.tv_sec * 1000000000 + st->st_mtim.tv_nsec),
        ft_int_from_i64((int64_t)st->st_ctim.tv_sec * 1000000000 + st->st_ctim.tv_nsec),
        ft_int_from_i64(st->st_blksize),
        ft_int_from_i64(st->st_blocks),
        ft_int_from_u64(st->st_rdev),
    };
    FtObject *t = ft_tuple_new(16);
    for (int i = 0; i < 16; i++) {
        if (v[i] == NULL || t == NULL) {
            for (int j = 0; j < 16; j++)
                FT_XDECREF(v[j]);
            FT_XDECREF(t);
            return NULL;
        }
    }
    for (int i = 0; i < 16; i++)
        FT_TUPLE_ITEMS(t)[i] = v[i];
    return t;
}

static FtObject *do_stat(FtObject *const *args, ssize_t nargs, FtObject *kw, const char *fname,
                         int follow) {
    static const char *const kwlist[] = {"path", "dir_fd", "follow_symlinks", NULL};
    FtObject *a[3];
    if (ft_parse_args(fname, args, nargs, kw, kwlist, 0, 1, 1, a) < 0)
        return NULL;
    if (a[2] != NULL) {
        int t = ft_object_is_true(a[2]);
        if (t < 0)
            return NULL;
        follow = follow && t;
    }
    struct stat st;
    int r;
    if (!ft_str_check(a[0]) && !ft_bytes_check(a[0]) &&
        ft_type_lookup_cstr(FT_TYPE(a[0]), "__fspath__") == NULL) {
        long fd;
        if (!ft_int_check(a[0])) {
            ft_err_format(ft_exc_TypeError,
                          "%s: path should be string, bytes, os.PathLike or integer, not %s",
                          fname, ft_type_short_name(FT_TYPE(a[0])));
            return NULL;
        }
        if (int_arg(a[0], &fd) < 0)
            return NULL;
        r = fstat((int)fd, &st);
        if (r < 0)
            return errno_error(NULL);
        return stat_tuple(&st);
    }
    FtObject *keep;
    int is_bytes;
    const char *p = path_arg(a[0], fname, "path", &keep, &is_bytes);
    if (p == NULL)
        return NULL;
    FtThreadState *ts = ft_tstate_get();
    FT_BLOCKING(ts, r = follow ? stat(p, &st) : lstat(p, &st));
    FtObject *res = r < 0 ? errno_error(a[0]) : stat_tuple(&st);
    FT_DECREF(keep);
    return res;
}

static FtObject *posix_stat(FtObject *m, FtObject *const *args, ssize_t nargs, FtObject *kw) {
    return do_stat(args, nargs, kw, "stat", 1);
}

static FtObject *posix_lstat(FtObject *m, FtObject *const *args, ssize_t nargs, FtObject *kw) {
    return do_stat(args, nargs, kw, "lstat", 0);
}

static FtObject *posix_fstat(FtObject *m, FtObject *arg) {
    long fd;
    if (int_arg(arg, &fd) < 0)
        return NULL;
    struct stat st;
    if (fstat((int)fd, &st) < 0)
        return errno_error(NULL);
    return stat_tuple(&st);
}

static FtObject *posix_access(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("access", nargs, 2, 2) < 0)
        return NULL;
    long mode;
    if (int_arg(args[1], &mode) < 0)
        return NULL;
    FtObject *keep;
    int is_bytes;
    const char *p = path_arg(args[0], "access", "path", &keep, &is_bytes);
    if (p == NULL)
        return NULL;
    int r = access(p, (int)mode);
    FT_DECREF(keep);
    return ft_bool_from(r == 0);
}

static FtObject *posix_readlink(FtObject *m, FtObject *arg) {
    FtObject *keep;
    int is_bytes;
    const char *p = path_arg(arg, "readlink", "path", &keep, &is_bytes);
    if (p == NULL)
        return NULL;
    char buf[PATH_MAX + 1];
    ssize_t n = readlink(p, buf, PATH_MAX);
    FtObject *res;
    if (n < 0) {
        res = errno_error(arg);
    } else {
        buf[n] = '\0';
        res = make_name(buf, is_bytes);
    }
    FT_DECREF(keep);
    return res;
}

static FtObject *posix_chmod(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("chmod", nargs, 2, 2) < 0)
        return NULL;
    long mode;
    if (int_arg(args[1], &mode) < 0)
        return NULL;
    FtObject *keep;
    int is_bytes;
    const char *p = path_arg(args[0], "chmod", "path", &keep, &is_bytes);
    if (p == NULL)
        return NULL;
    int r = chmod(p, (mode_t)mode);
    FtObject *res = r < 0 ? errno_error(args[0]) : ft_newref(FT_NONE);
    FT_DECREF(keep);
    return res;
}

/* ---- raw file descriptors ----------------------------------------------------------------- */

/* open(path, flags, mode=0o777) */
static FtObject *posix_open(FtObject *m, FtObject *const *args, ssize_t nargs, FtObject *kw) {
    static const char *const kwlist[] = {"path", "flags", "mode", "dir_fd", NULL};
    FtObject *a[4];
    if (ft_parse_args("open", args, nargs, kw, kwlist, 0, 3, 2, a) < 0)
        return NULL;
    long flags, mode = 0777;
    if (int_arg(a[1], &flags) < 0 || (a[2] != NULL && int_arg(a[2], &mode) < 0))
        return NULL;
    FtObject *keep;
    int is_bytes;
    const char *p = path_arg(a[0], "open", "path", &keep, &is_bytes);
    if (p == NULL)
        return NULL;
    FtThreadState *ts = ft_tstate_get();
    int fd;
    FT_BLOCKING(ts, fd = open(p, (int)flags | O_CLOEXEC, (mode_t)mode));
    FtObject *res = fd < 0 ? errno_error(a[0]) : ft_int_from_i64(fd);
    FT_DECREF(keep);
    return res;
}

static FtObject *posix_close(FtObject *m, FtObject *arg) {
    long fd;
    if (int_arg(arg, &fd) < 0)
        return NULL;
    if (close((int)fd) < 0)
        return errno_error(NULL);
    FT_RETURN_NONE;
}

static FtObject *posix_read(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("read", nargs, 2, 2) < 0)
        return NULL;
    long fd, n;
    if (int_arg(args[0], &fd) < 0 || int_arg(args[1], &n) < 0)
        return NULL;
    if (n < 0) {
        errno = EINVAL;
        return errno_error(NULL);
    }
    FtObject *b = ft_bytes_new(n);
    if (b == NULL)
        return NULL;
    FtThreadState *ts = ft_tstate_get();
    ssize_t got;
    do {
        FT_BLOCKING(ts, got = read((int)fd, FT_BYTES_DATA(b), (size_t)n));
    } while (got < 0 && errno == EINTR);
    if (got < 0) {
        FT_DECREF(b);
        return errno_error(NULL);
    }
    if (got != n) {
        FtObject *r = ft_bytes_from_data(FT_BYTES_DATA(b), got);
        FT_DECREF(b);
        return r;
    }
    return b;
}

static FtObject *posix_write(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("write", nargs, 2, 2) < 0)
        return NULL;
    long fd;
    if (int_arg(args[0], &fd) < 0)
        return NULL;
    FtObject *data = ft_bytes_check(args[1]) ? ft_newref(args[1]) : ft_bytes_from_object(args[1]);
    if (data == NULL)
        return NULL;
    FtThreadState *ts = ft_tstate_get();
    ssize_t n;
    do {
        FT_BLOCKING(ts, n = write((int)fd, FT_BYTES_DATA(data), (size_t)FT_SIZE(data)));
    } while (n < 0 && errno == EINTR);
    FT_DECREF(data);
    if (n < 0)
        return errno_error(NULL);
    return ft_int_from_ssize(n);
}

static FtObject *posix_pipe(FtObject *m, FtObject *u) {
    int fds[2];
    if (pipe2(fds, O_CLOEXEC) < 0)
        return errno_error(NULL);
    FtObject *r = ft_int_from_i64(fds[0]), *w = ft_int_from_i64(fds[1]);
    FtObject *t = (r && w) ? ft_tuple_pack(2, r, w) : NULL;
    FT_XDECREF(r);
    FT_XDECREF(w);
    return t;
}

/* pipe2(flags) */
static FtObject *posix_pipe2(FtObject *m, FtObject *arg) {
    long flags;
    if (int_arg(arg, &flags) < 0)
        return NULL;
    int fds[2];
    if (pipe2(fds, (int)flags) < 0)
        return errno_error(NULL);
    FtObject *r = ft_int_from_i64(fds[0]), *w = ft_int_from_i64(fds[1]);
    FtObject *t = (r && w) ? ft_tuple_pack(2, r, w) : NULL;
    FT_XDECREF(r);
    FT_XDECREF(w);
    return t;
}

static FtObject *posix_lseek(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("lseek", nargs, 3, 3) < 0)
        return NULL;
    long fd, pos, how;
    if (int_arg(args[0], &fd) < 0 || int_arg(args[1], &pos) < 0 || int_arg(args[2], &how) < 0)
        return NULL;
    off_t r = lseek((int)fd, (off_t)pos, (int)how);
    if (r < 0)
        return errno_error(NULL);
    return ft_int_from_i64((int64_t)r);
}

static FtObject *posix_dup(FtObject *m, FtObject *arg) {
    long fd;
    if (int_arg(arg, &fd) < 0)
        return NULL;
    int r = fcntl((int)fd, F_DUPFD_CLOEXEC, 0);
    if (r < 0)
        return errno_error(NULL);
    return ft_int_from_i64(r);
}

/* dup2(fd, fd2, inheritable=True) */
static FtObject *posix_dup2(FtObject *m, FtObject *const *args, ssize_t nargs, FtObject *kw) {
    static const char *const kwlist[] = {"fd", "fd2", "inheritable", NULL};
    FtObject *a[3];
    if (ft_parse_args("dup2", args, nargs, kw, kwlist, 0, -1, 2, a) < 0)
        return NULL;
    long fd, fd2, inheritable = 1;
    if (int_arg(a[0], &fd) < 0 || int_arg(a[1], &fd2) < 0)
        return NULL;
    if (a[2] != NULL) {
        int t = ft_object_is_true(a[2]);
        if (t < 0)
            return NULL;
        inheritable = t;
    }
    int r = inheritable ? dup2((int)fd, (int)fd2) : dup3((int)fd, (int)fd2, O_CLOEXEC);
    if (r < 0)
        return errno_error(NULL);
    return ft_int_from_i64(r);
}

/* A descriptor flag as a bool: get_inheritable (not FD_CLOEXEC), get_blocking (not
 * O_NONBLOCK). */
static FtObject *fd_flag_get(FtObject *arg, int cmd, int bit) {
    long fd;
    if (int_arg(arg, &fd) < 0)
        return NULL;
    int flags = fcntl((int)fd, cmd);
    if (flags < 0)
        return errno_error(NULL);
    return ft_bool_from(!(flags & bit));
}

/* Set or clear a descriptor flag: `on` true clears `bit` (inheritable, blocking). */
static FtObject *fd_flag_set(const char *fname, FtObject *const *args, ssize_t nargs,
                             int get, int set, int bit) {
    if (ft_check_nargs(fname, nargs, 2, 2) < 0)
        return NULL;
    long fd;
    if (int_arg(args[0], &fd) < 0)
        return NULL;
    int on = ft_object_is_true(args[1]);
    if (on < 0)
        return NULL;
    int flags = fcntl((int)fd, get);
    if (flags < 0)
        return errno_error(NULL);
    int want = on ? flags & ~bit : flags | bit;
    if (want != flags && fcntl((int)fd, set, want) < 0)
        return errno_error(NULL);
    FT_RETURN_NONE;
}

static FtObject *posix_get_inheritable(FtObject *m, FtObject *arg) {
    return fd_flag_get(arg, F_GETFD, FD_CLOEXEC);
}

static FtObject *posix_set_inheritable(FtObject *m, FtObject *const *args, ssize_t nargs) {
    return fd_flag_set("set_inheritable", args, nargs, F_GETFD, F_SETFD, FD_CLOEXEC);
}

static FtObject *posix_get_blocking(FtObject *m, FtObject *arg) {
    return fd_flag_get(arg, F_GETFL, O_NONBLOCK);
}

static FtObject *posix_set_blocking(FtObject *m, FtObject *const *args, ssize_t nargs) {
    return fd_flag_set("set_blocking", args, nargs, F_GETFL, F_SETFL, O_NONBLOCK);
}

static FtObject *posix_fsync(FtObject *m, FtObject *arg) {
    long fd;
    if (int_arg(arg, &fd) < 0)
        return NULL;
    if (fsync((int)fd) < 0)
        return errno_error(NULL);
    FT_RETURN_NONE;
}

static FtObject *posix_ftruncate(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("ftruncate", nargs, 2, 2) < 0)
        return NULL;
    long fd, len;
    if (int_arg(args[0], &fd) < 0 || int_arg(args[1], &len) < 0)
        return NULL;
    if (ftruncate((int)fd, (off_t)len) < 0)
        return errno_error(NULL);
    FT_RETURN_NONE;
}

static FtObject *posix_kill(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("kill", nargs, 2, 2) < 0)
        return NULL;
    long pid, sig;
    if (int_arg(args[0], &pid) < 0 || int_arg(args[1], &sig) < 0)
        return NULL;
    if (kill((pid_t)pid, (int)sig) < 0)
        return errno_error(NULL);
    /* A signal sent to ourselves is handled before kill() returns, as in CPython. */
    if (ft_signals_check() < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *posix_isatty(FtObject *m, FtObject *arg) {
    long fd;
    if (int_arg(arg, &fd) < 0)
        return NULL;
    return ft_bool_from(isatty((int)fd));
}

static FtObject *posix_urandom(FtObject *m, FtObject *arg) {
    long n;
    if (int_arg(arg, &n) < 0)
        return NULL;
    if (n < 0) {
        ft_err_set_string(ft_exc_ValueError, "negative argument not allowed");
        return NULL;
    }
    FtObject *b = ft_bytes_new(n);
    if (b == NULL)
        return NULL;
    ssize_t done = 0;
    while (done < n) {
        ssize_t r = getrandom(FT_BYTES_DATA(b) + done, (size_t)(n - done), 0);
        if (r < 0) {
            if (errno == EINTR)
                continue;
            FT_DECREF(b);
            return errno_error(NULL);
        }
        done += r;
    }
    return b;
}

/* ---- process ------------------------------------------------------------------------------ */

static FtObject *posix_getpid(FtObject *m, FtObject *u) { return ft_int_from_i64(getpid()); }
static FtObject *posix_getppid(FtObject *m, FtObject *u) { return ft_int_from_i64(getppid()); }
static FtObject *posix_getuid(FtObject *m, FtObject *u) { return ft_int_from_i64(getuid()); }
static FtObject *posix_geteuid(FtObject *m, FtObject *u) { return ft_int_from_i64(geteuid()); }
static FtObject *posix_getgid(FtObject *m, FtObject *u) { return ft_int_from_i64(getgid()); }
static FtObject *posix_getegid(FtObject *m, FtObject *u) { return ft_int_from_i64(getegid()); }

static FtObject *posix_cpu_count(FtObject *m, FtObject *u) {
    long n = sysconf(_SC_NPROCESSORS_ONLN);
    if (n < 1)
        FT_RETURN_NONE;
    return ft_int_from_i64(n);
}

static FtObject *posix_sched_getaffinity(FtObject *m, FtObject *arg) {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (sched_getaffinity(0, sizeof set, &set) < 0)
        return errno_error(NULL);
    FtObject *l = ft_list_new(0);
    for (int i = 0; l != NULL && i < CPU_SETSIZE; i++) {
        if (!CPU_ISSET(i, &set))
            continue;
        FtObject *v = ft_int_from_i64(i);
        if (v == NULL || ft_list_append(l, v) < 0) {
            FT_XDECREF(v);
            FT_DECREF(l);
            return NULL;
        }
        FT_DECREF(v);
    }
    return l;
}

static FtObject *posix_strerror(FtObject *m, FtObject *arg) {
    long code;
    if (int_arg(arg, &code) < 0)
        return NULL;
    return ft_str_from_cstr(strerror((int)code));
}

static FtObject *posix_umask(FtObject *m, FtObject *arg) {
    long mask;
    if (int_arg(arg, &mask) < 0)
        return NULL;
    return ft_int_from_i64(umask((mode_t)mask));
}

static FtObject *posix__exit(FtObject *m, FtObject *arg) {
    long code;
    if (int_arg(arg, &code) < 0)
        return NULL;
    _exit((int)code);
}

/* uname() -> (sysname, nodename, release, version, machine) */
static FtObject *posix_uname(FtObject *m, FtObject *u) {
    struct utsname un;
    if (uname(&un) < 0)
        return errno_error(NULL);
    const char *f[5] = {un.sysname, un.nodename, un.release, un.version, un.machine};
    FtObject *t = ft_tuple_new(5);
    if (t == NULL)
        return NULL;
    for (int i = 0; i < 5; i++) {
        FtObject *s = make_name(f[i], 0);
        if (s == NULL) {
            for (int j = i; j < 5; j++)
                FT_TUPLE_ITEMS(t)[j] = ft_newref(FT_NONE);
            FT_DECREF(t);
            return NULL;
        }
        FT_TUPLE_ITEMS(t)[i] = s;
    }
    return t;
}

/* ---- fork and the at-fork callbacks ------------------------------------------------------- */

/* os.register_at_fork's three lists (created by posix_exec, never freed). fork() runs
 * `before` in reverse registration order, then `after_in_parent` or `after_in_child` in
 * registration order, as CPython does. */
static FtObject *at_fork_before, *at_fork_parent, *at_fork_child;

/* Call every callable of a snapshot of `list`; an exception is printed as unraisable and the
 * next callable runs (CPython's run_at_forkers). */
static void run_at_fork(FtObject *list, int reverse) {
    FtObject *snap = ft_sequence_tuple(list);
    if (snap == NULL) {
        ft_err_write_unraisable(NULL);
        return;
    }
    ssize_t n = FT_SIZE(snap);
    for (ssize_t i = 0; i < n; i++) {
        FtObject *f = FT_TUPLE_GET(snap, reverse ? n - 1 - i : i);
        FtObject *r = ft_object_call_noargs(f);
        if (r == NULL)
            ft_err_write_unraisable(f);
        else
            FT_DECREF(r);
    }
    FT_DECREF(snap);
}

/* register_at_fork(*, before=None, after_in_child=None, after_in_parent=None) */
static FtObject *posix_register_at_fork(FtObject *m, FtObject *const *args, ssize_t nargs,
                                        FtObject *kw) {
    static const char *const kwlist[] = {"before", "after_in_child", "after_in_parent", NULL};
    FtObject *a[3];
    if (ft_parse_args("register_at_fork", args, nargs, kw, kwlist, 0, 0, 0, a) < 0)
        return NULL;
    int given = 0;
    for (int i = 0; i < 3; i++) {
        if (a[i] == NULL)
            continue;   /* None is not "absent": it is refused as not callable (CPython) */
        given = 1;
        if (!ft_callable_check(a[i])) {
            ft_err_format(ft_exc_TypeError, "'%s' must be callable, not %s", kwlist[i],
                          ft_type_short_name(FT_TYPE(a[i])));
            return NULL;
        }
    }
    if (!given) {
        ft_err_set_string(ft_exc_TypeError, "At least one argument is required.");
        return NULL;
    }
    FtObject *lists[3] = {at_fork_before, at_fork_child, at_fork_parent};
    for (int i = 0; i < 3; i++)
        if (a[i] != NULL && ft_list_append(lists[i], a[i]) < 0)
            return NULL;
    FT_RETURN_NONE;
}

/* For _posixsubprocess (runtime/modules/posixsubprocess.c), whose preexec_fn child runs
 * Python: 0 runs `before`, 1 `after_in_parent`, 2 `after_in_child`. */
void ft_posix_run_at_fork(int phase) {
    if (phase == 0)
        run_at_fork(at_fork_before, 1);
    else
        run_at_fork(phase == 1 ? at_fork_parent : at_fork_child, 0);
}

static FtObject *posix_fork(FtObject *m, FtObject *u) {
    FtThreadState *ts = ft_tstate_get();
    run_at_fork(at_fork_before, 1);
    pid_t pid = ft_fork(ts);
    int saved = errno;
    run_at_fork(pid == 0 ? at_fork_child : at_fork_parent, 0);
    if (pid < 0) {
        errno = saved;
        return errno_error(NULL);
    }
    return ft_int_from_i64(pid);
}

/* ---- waiting for children ----------------------------------------------------------------- */

static FtObject *wait_result(pid_t pid, int status) {
    FtObject *p = ft_int_from_i64(pid), *s = ft_int_from_i64(status);
    FtObject *t = (p && s) ? ft_tuple_pack(2, p, s) : NULL;
    FT_XDECREF(p);
    FT_XDECREF(s);
    return t;
}

/* waitpid()/wait() detached; EINTR runs the signal handlers and retries (PEP 475). */
static FtObject *do_wait(pid_t pid, int options) {
    FtThreadState *ts = ft_tstate_get();
    int status = 0, err;
    pid_t r;
    for (;;) {
        FT_BLOCKING(ts, r = waitpid(pid, &status, options); err = errno);
        if (r >= 0 || err != EINTR)
            break;
        if (ft_signals_check() < 0)
            return NULL;
    }
    if (r < 0) {
        errno = err;
        return errno_error(NULL);
    }
    return wait_result(r, status);
}

/* waitpid(pid, options, /) -> (pid, status) */
static FtObject *posix_waitpid(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("waitpid", nargs, 2, 2) < 0)
        return NULL;
    long pid, options;
    if (int_arg(args[0], &pid) < 0 || int_arg(args[1], &options) < 0)
        return NULL;
    return do_wait((pid_t)pid, (int)options);
}

static FtObject *posix_wait(FtObject *m, FtObject *u) { return do_wait(-1, 0); }

/* The one argument `status` (positional or keyword) of the W*() functions. */
static int status_arg(const char *fname, FtObject *const *args, ssize_t nargs, FtObject *kw,
                      int *status) {
    static const char *const kwlist[] = {"status", NULL};
    FtObject *a[1];
    long v;
    if (ft_parse_args(fname, args, nargs, kw, kwlist, 0, -1, 1, a) < 0 || int_arg(a[0], &v) < 0)
        return -1;
    if (v < INT_MIN || v > INT_MAX) {
        ft_err_set_string(ft_exc_OverflowError, "signed integer is greater than maximum");
        return -1;
    }
    *status = (int)v;
    return 0;
}

#define STATUS_FN(name, expr, box)                                                            \
    static FtObject *posix_##name(FtObject *m, FtObject *const *args, ssize_t nargs,         \
                                  FtObject *kw) {                                            \
        int status;                                                                           \
        if (status_arg(#name, args, nargs, kw, &status) < 0)                                  \
            return NULL;                                                                      \
        return box(expr);                                                                     \
    }
#define AS_BOOL(x) ft_bool_from(x)
#define AS_INT(x) ft_int_from_i64(x)
STATUS_FN(WIFEXITED, WIFEXITED(status), AS_BOOL)
STATUS_FN(WEXITSTATUS, WEXITSTATUS(status), AS_INT)
STATUS_FN(WIFSIGNALED, WIFSIGNALED(status), AS_BOOL)
STATUS_FN(WTERMSIG, WTERMSIG(status), AS_INT)
STATUS_FN(WIFSTOPPED, WIFSTOPPED(status), AS_BOOL)
STATUS_FN(WSTOPSIG, WSTOPSIG(status), AS_INT)
STATUS_FN(WIFCONTINUED, WIFCONTINUED(status), AS_BOOL)
STATUS_FN(WCOREDUMP, WCOREDUMP(status), AS_BOOL)

static FtObject *posix_waitstatus_to_exitcode(FtObject *m, FtObject *const *args,
                                              ssize_t nargs, FtObject *kw) {
    int status;
    if (status_arg("waitstatus_to_exitcode", args, nargs, kw, &status) < 0)
        return NULL;
    if (WIFEXITED(status))
        return ft_int_from_i64(WEXITSTATUS(status));
    if (WIFSIGNALED(status))
        return ft_int_from_i64(-WTERMSIG(status));
    if (WIFSTOPPED(status))
        return ft_err_format(ft_exc_ValueError, "process stopped by delivery of signal %d",
                             WSTOPSIG(status));
    return ft_err_format(ft_exc_ValueError, "invalid wait status: %d", status);
}

/* ---- exec --------------------------------------------------------------------------------- */

FtObject *ft_fs_bytes(FtObject *o) {
    FtObject *p;
    if (ft_str_check(o) || ft_bytes_check(o)) {
        p = ft_newref(o);
    } else if (ft_type_lookup_cstr(FT_TYPE(o), "__fspath__") != NULL) {
        p = ft_object_call_method_cstr(o, "__fspath__", NULL, 0);
        if (p == NULL)
            return NULL;
        if (!ft_str_check(p) && !ft_bytes_check(p)) {
            ft_err_format(ft_exc_TypeError, "expected %s.__fspath__() to return str or bytes, "
                          "not %s", ft_type_short_name(FT_TYPE(o)),
                          ft_type_short_name(FT_TYPE(p)));
            FT_DECREF(p);
            return NULL;
        }
    } else {
        return ft_err_format(ft_exc_TypeError, "expected str, bytes or os.PathLike object, "
                             "not %s", ft_type_short_name(FT_TYPE(o)));
    }
    FtObject *b;
    if (ft_bytes_check(p)) {
        b = ft_newref(p);
    } else {
        FtObject *enc = ft_str_from_cstr("utf-8"), *errs = ft_str_from_cstr("surrogateescape");
        FtObject *av[2] = {enc, errs};
        b = enc && errs ? ft_object_call_method_cstr(p, "encode", av, 2) : NULL;
        FT_XDECREF(enc);
        FT_XDECREF(errs);
    }
    FT_DECREF(p);
    if (b != NULL && memchr(FT_BYTES_DATA(b), '\0', (size_t)FT_SIZE(b)) != NULL) {
        FT_DECREF(b);
        ft_err_set_string(ft_exc_ValueError, "embedded null byte");
        return NULL;
    }
    return b;
}

void ft_cstrings_free(FtCStrings *c) {
    ft_mem_free(c->v);
    FT_XDECREF(c->keep);
    c->v = NULL;
    c->keep = NULL;
}

static int cstrings_push(FtCStrings *c, ssize_t i, FtObject *b) {
    if (ft_list_append(c->keep, b) < 0)
        return -1;
    c->v[i] = FT_BYTES_DATA(b);
    return 0;
}

int ft_cstrings_from_seq(FtObject *seq, FtCStrings *c) {
    FtObject *items = ft_sequence_tuple(seq);
    if (items == NULL)
        return -1;
    ssize_t n = FT_SIZE(items);
    c->v = ft_mem_calloc((size_t)n + 1, sizeof(char *));
    c->keep = ft_list_new(0);
    if (c->v == NULL || c->keep == NULL)
        goto fail;
    for (ssize_t i = 0; i < n; i++) {
        FtObject *b = ft_fs_bytes(FT_TUPLE_GET(items, i));
        if (b == NULL || cstrings_push(c, i, b) < 0) {
            FT_XDECREF(b);
            goto fail;
        }
        FT_DECREF(b);
    }
    FT_DECREF(items);
    return 0;
fail:
    FT_DECREF(items);
    ft_cstrings_free(c);
    return -1;
}

/* execv's argv: a non-empty tuple or list whose first item is not empty. */
static int argv_arg(const char *fname, FtObject *seq, FtCStrings *c) {
    if (!ft_tuple_check(seq) && !ft_list_check(seq)) {
        ft_err_format(ft_exc_TypeError, "%s() arg 2 must be a tuple or list", fname);
        return -1;
    }
    if (FT_SIZE(seq) == 0) {
        ft_err_format(ft_exc_ValueError, "%s() arg 2 must not be empty", fname);
        return -1;
    }
    if (ft_cstrings_from_seq(seq, c) < 0)
        return -1;
    if (c->v[0][0] == '\0') {
        ft_cstrings_free(c);
        ft_err_format(ft_exc_ValueError, "%s() arg 2 first element cannot be empty", fname);
        return -1;
    }
    return 0;
}

/* execve's env: a mapping of str/bytes names to values, as "name=value" strings. */
static int env_mapping_arg(FtObject *env, FtCStrings *c) {
    if (ft_dict_check(env) == 0 && ft_type_lookup_cstr(FT_TYPE(env), "keys") == NULL) {
        ft_err_set_string(ft_exc_TypeError, "execve: environment must be a mapping object");
        return -1;
    }
    FtObject *keys = ft_mapping_keys(env);
    if (keys == NULL)
        return -1;
    ssize_t n = FT_SIZE(keys);
    c->v = ft_mem_calloc((size_t)n + 1, sizeof(char *));
    c->keep = ft_list_new(0);
    if (c->v == NULL || c->keep == NULL)
        goto fail;
    for (ssize_t i = 0; i < n; i++) {
        FtObject *value = ft_object_getitem(env, FT_LIST_GET(keys, i));
        if (value == NULL)
            goto fail;
        FtObject *k = ft_fs_bytes(FT_LIST_GET(keys, i));
        FtObject *v = k ? ft_fs_bytes(value) : NULL;
        FT_DECREF(value);
        FtObject *kv = NULL;
        if (k != NULL && v != NULL) {
            if (FT_SIZE(k) == 0 || memchr(FT_BYTES_DATA(k) + 1, '=', (size_t)FT_SIZE(k) - 1)) {
                ft_err_set_string(ft_exc_ValueError, "illegal environment variable name");
            } else if ((kv = ft_bytes_new(FT_SIZE(k) + 1 + FT_SIZE(v))) != NULL) {
                memcpy(FT_BYTES_DATA(kv), FT_BYTES_DATA(k), (size_t)FT_SIZE(k));
                FT_BYTES_DATA(kv)[FT_SIZE(k)] = '=';
                memcpy(FT_BYTES_DATA(kv) + FT_SIZE(k) + 1, FT_BYTES_DATA(v), (size_t)FT_SIZE(v));
            }
        }
        FT_XDECREF(k);
        FT_XDECREF(v);
        if (kv == NULL || cstrings_push(c, i, kv) < 0) {
            FT_XDECREF(kv);
            goto fail;
        }
        FT_DECREF(kv);
    }
    FT_DECREF(keys);
    return 0;
fail:
    FT_DECREF(keys);
    ft_cstrings_free(c);
    return -1;
}

static FtObject *do_exec(const char *fname, FtObject *path, FtObject *argv, FtObject *env) {
    FtObject *p = ft_fs_bytes(path);
    if (p == NULL)
        return NULL;
    FtCStrings av = {NULL, NULL}, ev = {NULL, NULL};
    if (argv_arg(fname, argv, &av) < 0 || (env != NULL && env_mapping_arg(env, &ev) < 0)) {
        ft_cstrings_free(&av);
        FT_DECREF(p);
        return NULL;
    }
    if (env != NULL)
        execve(FT_BYTES_DATA(p), av.v, ev.v);
    else
        execv(FT_BYTES_DATA(p), av.v);
    /* still here: exec failed */
    errno_error(NULL);
    ft_cstrings_free(&av);
    ft_cstrings_free(&ev);
    FT_DECREF(p);
    return NULL;
}

/* execv(path, argv, /) */
static FtObject *posix_execv(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("execv", nargs, 2, 2) < 0)
        return NULL;
    return do_exec("execv", args[0], args[1], NULL);
}

/* execve(path, argv, env) */
static FtObject *posix_execve(FtObject *m, FtObject *const *args, ssize_t nargs, FtObject *kw) {
    static const char *const kwlist[] = {"path", "argv", "env", NULL};
    FtObject *a[3];
    if (ft_parse_args("execve", args, nargs, kw, kwlist, 0, -1, 3, a) < 0)
        return NULL;
    return do_exec("execve", a[0], a[1], a[2]);
}

/* system(command) -> the wait status */
static FtObject *posix_system(FtObject *m, FtObject *const *args, ssize_t nargs, FtObject *kw) {
    static const char *const kwlist[] = {"command", NULL};
    FtObject *a[1];
    if (ft_parse_args("system", args, nargs, kw, kwlist, 0, -1, 1, a) < 0)
        return NULL;
    FtObject *cmd = ft_fs_bytes(a[0]);
    if (cmd == NULL)
        return NULL;
    FtThreadState *ts = ft_tstate_get();
    int r;
    FT_BLOCKING(ts, r = system(FT_BYTES_DATA(cmd)));
    FT_DECREF(cmd);
    return ft_int_from_i64(r);
}

/* ---- sessions and process groups ---------------------------------------------------------- */

static FtObject *pid_result(long r) {
    if (r < 0)
        return errno_error(NULL);
    return ft_int_from_i64(r);
}

static FtObject *none_result(int r) {
    if (r < 0)
        return errno_error(NULL);
    FT_RETURN_NONE;
}

static FtObject *posix_getpgrp(FtObject *m, FtObject *u) { return ft_int_from_i64(getpgrp()); }
static FtObject *posix_setsid(FtObject *m, FtObject *u) { return none_result(setsid()); }

static FtObject *posix_getpgid(FtObject *m, FtObject *arg) {
    long pid;
    if (int_arg(arg, &pid) < 0)
        return NULL;
    return pid_result(getpgid((pid_t)pid));
}

static FtObject *posix_getsid(FtObject *m, FtObject *arg) {
    long pid;
    if (int_arg(arg, &pid) < 0)
        return NULL;
    return pid_result(getsid((pid_t)pid));
}

static FtObject *posix_setpgid(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("setpgid", nargs, 2, 2) < 0)
        return NULL;
    long pid, pgrp;
    if (int_arg(args[0], &pid) < 0 || int_arg(args[1], &pgrp) < 0)
        return NULL;
    return none_result(setpgid((pid_t)pid, (pid_t)pgrp));
}

static FtObject *posix_killpg(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("killpg", nargs, 2, 2) < 0)
        return NULL;
    long pgid, sig;
    if (int_arg(args[0], &pgid) < 0 || int_arg(args[1], &sig) < 0)
        return NULL;
    if (killpg((pid_t)pgid, (int)sig) < 0)
        return errno_error(NULL);
    if (ft_signals_check() < 0)
        return NULL;
    FT_RETURN_NONE;
}

/* times() -> (user, system, children_user, children_system, elapsed); os.py makes it a
 * times_result. */
static FtObject *posix_times(FtObject *m, FtObject *u) {
    struct tms t;
    clock_t c = times(&t);
    if (c == (clock_t)-1)
        return errno_error(NULL);
    double tick = (double)sysconf(_SC_CLK_TCK);
    double v[5] = {t.tms_utime / tick, t.tms_stime / tick, t.tms_cutime / tick,
                   t.tms_cstime / tick, c / tick};
    FtObject *items[5];
    for (int i = 0; i < 5; i++) {
        items[i] = ft_float_from_double(v[i]);
        if (items[i] == NULL) {
            for (int j = 0; j < i; j++)
                FT_DECREF(items[j]);
            return NULL;
        }
    }
    return ft_tuple_from_array_steal(items, 5);
}

/* ---- environment -------------------------------------------------------------------------- */

static const char *env_arg(FtObject *o, const char *what, FtObject **keep) {
    int is_bytes;
    const char *s = path_arg(o, what, "name", keep, &is_bytes);
    return s;
}

static FtObject *posix_putenv(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("putenv", nargs, 2, 2) < 0)
        return NULL;
    FtObject *k1, *k2;
    const char *name = env_arg(args[0], "putenv", &k1);
    if (name == NULL)
        return NULL;
    const char *value = env_arg(args[1], "putenv", &k2);
    if (value == NULL) {
        FT_DECREF(k1);
        return NULL;
    }
    int r = -1;
    if (name[0] == '\0' || strchr(name, '=') != NULL)
        ft_err_set_string(ft_exc_ValueError, "illegal environment variable name");
    else if ((r = setenv(name, value, 1)) < 0)
        errno_error(NULL);
    FT_DECREF(k1);
    FT_DECREF(k2);
    if (r < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *posix_unsetenv(FtObject *m, FtObject *arg) {
    FtObject *keep;
    const char *name = env_arg(arg, "unsetenv", &keep);
    if (name == NULL)
        return NULL;
    int r = -1;
    if (name[0] == '\0' || strchr(name, '=') != NULL)
        ft_err_set_string(ft_exc_ValueError, "illegal environment variable name");
    else if ((r = unsetenv(name)) < 0)
        errno_error(NULL);
    FT_DECREF(keep);
    if (r < 0)
        return NULL;
    FT_RETURN_NONE;
}

/* The environment at start-up, as a dict of str (CPython's posix.environ holds bytes; os.py
 * only needs a snapshot to build os.environ). */
static FtObject *environ_dict(void) {
    FtObject *d = ft_dict_new();
    if (d == NULL)
        return NULL;
    for (char **e = environ; e != NULL && *e != NULL; e++) {
        const char *eq = strchr(*e, '=');
        if (eq == NULL || eq == *e)
            continue;
        FtObject *k = ft_str_from_utf8(*e, eq - *e);
        if (k == NULL) {
            ft_err_clear();
            k = ft_str_from_latin1(*e, eq - *e);
        }
        FtObject *v = make_name(eq + 1, 0);
        if (k == NULL || v == NULL || ft_dict_set(d, k, v) < 0) {
            FT_XDECREF(k);
            FT_XDECREF(v);
            FT_DECREF(d);
            return NULL;
        }
        FT_DECREF(k);
        FT_DECREF(v);
    }
    return d;
}

static FtMethodDef posix_methods[] = {
    {"getcwd", (void *)posix_getcwd, FT_METH_NOARGS, NULL},
    {"getcwdb", (void *)posix_getcwdb, FT_METH_NOARGS, NULL},
    {"chdir", (void *)posix_chdir, FT_METH_O, NULL},
    {"listdir", (void *)posix_listdir, FT_METH_FASTCALL, NULL},
    {"mkdir", (void *)posix_mkdir, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"rmdir", (void *)posix_rmdir, FT_METH_O, NULL},
    {"unlink", (void *)posix_unlink, FT_METH_O, NULL},
    {"remove", (void *)posix_remove, FT_METH_O, NULL},
    {"rename", (void *)posix_rename, FT_METH_FASTCALL, NULL},
    {"replace", (void *)posix_replace, FT_METH_FASTCALL, NULL},
    {"symlink", (void *)posix_symlink, FT_METH_FASTCALL, NULL},
    {"link", (void *)posix_link, FT_METH_FASTCALL, NULL},
    {"stat", (void *)posix_stat, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"lstat", (void *)posix_lstat, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"fstat", (void *)posix_fstat, FT_METH_O, NULL},
    {"access", (void *)posix_access, FT_METH_FASTCALL, NULL},
    {"readlink", (void *)posix_readlink, FT_METH_O, NULL},
    {"chmod", (void *)posix_chmod, FT_METH_FASTCALL, NULL},
    {"open", (void *)posix_open, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"close", (void *)posix_close, FT_METH_O, NULL},
    {"read", (void *)posix_read, FT_METH_FASTCALL, NULL},
    {"write", (void *)posix_write, FT_METH_FASTCALL, NULL},
    {"isatty", (void *)posix_isatty, FT_METH_O, NULL},
    {"pipe", (void *)posix_pipe, FT_METH_NOARGS, NULL},
    {"lseek", (void *)posix_lseek, FT_METH_FASTCALL, NULL},
    {"dup", (void *)posix_dup, FT_METH_O, NULL},
    {"dup2", (void *)posix_dup2, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"get_inheritable", (void *)posix_get_inheritable, FT_METH_O, NULL},
    {"set_inheritable", (void *)posix_set_inheritable, FT_METH_FASTCALL, NULL},
    {"get_blocking", (void *)posix_get_blocking, FT_METH_O, NULL},
    {"set_blocking", (void *)posix_set_blocking, FT_METH_FASTCALL, NULL},
    {"pipe2", (void *)posix_pipe2, FT_METH_O, NULL},
    {"fsync", (void *)posix_fsync, FT_METH_O, NULL},
    {"ftruncate", (void *)posix_ftruncate, FT_METH_FASTCALL, NULL},
    {"kill", (void *)posix_kill, FT_METH_FASTCALL, NULL},
    {"urandom", (void *)posix_urandom, FT_METH_O, NULL},
    {"getpid", (void *)posix_getpid, FT_METH_NOARGS, NULL},
    {"getppid", (void *)posix_getppid, FT_METH_NOARGS, NULL},
    {"getuid", (void *)posix_getuid, FT_METH_NOARGS, NULL},
    {"geteuid", (void *)posix_geteuid, FT_METH_NOARGS, NULL},
    {"getgid", (void *)posix_getgid, FT_METH_NOARGS, NULL},
    {"getegid", (void *)posix_getegid, FT_METH_NOARGS, NULL},
    {"cpu_count", (void *)posix_cpu_count, FT_METH_NOARGS, NULL},
    {"sched_getaffinity", (void *)posix_sched_getaffinity, FT_METH_O, NULL},
    {"strerror", (void *)posix_strerror, FT_METH_O, NULL},
    {"umask", (void *)posix_umask, FT_METH_O, NULL},
    {"_exit", (void *)posix__exit, FT_METH_O, NULL},
    {"uname", (void *)posix_uname, FT_METH_NOARGS, NULL},
    {"register_at_fork", (void *)posix_register_at_fork, FT_METH_FASTCALL | FT_METH_KEYWORDS,
     NULL},
    {"fork", (void *)posix_fork, FT_METH_NOARGS, NULL},
    {"waitpid", (void *)posix_waitpid, FT_METH_FASTCALL, NULL},
    {"wait", (void *)posix_wait, FT_METH_NOARGS, NULL},
    {"waitstatus_to_exitcode", (void *)posix_waitstatus_to_exitcode,
     FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"WIFEXITED", (void *)posix_WIFEXITED, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"WEXITSTATUS", (void *)posix_WEXITSTATUS, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"WIFSIGNALED", (void *)posix_WIFSIGNALED, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"WTERMSIG", (void *)posix_WTERMSIG, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"WIFSTOPPED", (void *)posix_WIFSTOPPED, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"WSTOPSIG", (void *)posix_WSTOPSIG, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"WIFCONTINUED", (void *)posix_WIFCONTINUED, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"WCOREDUMP", (void *)posix_WCOREDUMP, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"execv", (void *)posix_execv, FT_METH_FASTCALL, NULL},
    {"execve", (void *)posix_execve, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"system", (void *)posix_system, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"getpgrp", (void *)posix_getpgrp, FT_METH_NOARGS, NULL},
    {"getpgid", (void *)posix_getpgid, FT_METH_O, NULL},
    {"setpgid", (void *)posix_setpgid, FT_METH_FASTCALL, NULL},
    {"getsid", (void *)posix_getsid, FT_METH_O, NULL},
    {"setsid", (void *)posix_setsid, FT_METH_NOARGS, NULL},
    {"killpg", (void *)posix_killpg, FT_METH_FASTCALL, NULL},
    {"times", (void *)posix_times, FT_METH_NOARGS, NULL},
    {"putenv", (void *)posix_putenv, FT_METH_FASTCALL, NULL},
    {"unsetenv", (void *)posix_unsetenv, FT_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static int posix_exec(FtObject *m) {
    static const struct { const char *name; int64_t value; } consts[] = {
        {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
        {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR},
        {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC},
        {"O_APPEND", O_APPEND}, {"O_NONBLOCK", O_NONBLOCK}, {"O_CLOEXEC", O_CLOEXEC},
        {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW},
        {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END},
        {"EX_OK", 0},
        {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED},
        {"WEXITED", WEXITED}, {"WSTOPPED", WSTOPPED}, {"WNOWAIT", WNOWAIT},
        {"P_PID", P_PID}, {"P_PGID", P_PGID}, {"P_ALL", P_ALL},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (ft_module_add_int(m, consts[i].name, consts[i].value) < 0)
            return -1;
    at_fork_before = ft_list_new(0);
    at_fork_child = ft_list_new(0);
    at_fork_parent = ft_list_new(0);
    if (at_fork_before == NULL || at_fork_child == NULL || at_fork_parent == NULL)
        return -1;
    FtObject *env = environ_dict();
    if (env == NULL || ft_module_add_object(m, "environ", env) < 0)
        return -1;
    return 0;
}

FtModuleDef ft_posix_module_def = {
    .name = "posix",
    .doc = "This module provides access to operating system functionality that is\n"
           "standardized by the C Standard and the POSIX standard.",
    .methods = posix_methods,
    .exec = posix_exec,
};
