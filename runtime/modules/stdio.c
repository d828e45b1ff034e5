/* The text-file objects behind sys.stdin, sys.stdout and sys.stderr until the io module
 * arrives: UTF-8 text over a file descriptor, with CPython's buffering policy.
 *
 * stdout is line-buffered on a terminal and block-buffered otherwise (flushed when full,
 * at exit by ft_stdio_flush_all, and before stdin is read); stderr is line-buffered. A
 * flush takes the buffer out of the object before writing it with the thread detached, so
 * another thread may print meanwhile without touching the bytes being written; a per-file
 * write lock (waited for detached, as CPython's buffered I/O does) keeps the chunks in order. */
#include "runtime/modules/stdio.h"
#include "runtime/tstate.h"
#include <errno.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define WBUF_SIZE 8192
#define RBUF_SIZE 8192

typedef struct FtStdio {
    FtObject ob_base;
    int fd;
    char writable;
    char line_buffering;
    char write_through;     /* PYTHONUNBUFFERED: every write goes out at once */
    char closed;
    char is_tty;
    const char *name;       /* "<stdout>" */
    const char *errors;     /* "strict", "backslashreplace" */
    char *wbuf;             /* pending output */
    ssize_t wlen, wcap;
    char *rbuf;             /* input read ahead */
    ssize_t rpos, rlen, rcap;
    char eof;
    pthread_mutex_t write_lock; /* held while a flush writes: chunks reach the fd in order */
} FtStdio;

#define F(o) ((FtStdio *)(o))

static FtObject *std_streams[3];

/* ---- output ------------------------------------------------------------------------------- */

static int write_all(int fd, const char *p, ssize_t len) {
    FtThreadState *ts = ft_tstate_get();
    while (len > 0) {
        ssize_t n;
        if (ts != NULL)
            FT_BLOCKING(ts, n = write(fd, p, (size_t)len));
        else
            n = write(fd, p, (size_t)len);
        if (n < 0) {
            if (errno == EINTR)
                continue;
            return -1;
        }
        p += n;
        len -= n;
    }
    return 0;
}

static int flush_file(FtStdio *f) {
    /* Take the write lock before the buffer, so that chunks are written in the order they
     * were taken. Waiting for it detaches: the holder needs to re-attach to finish. */
    FtThreadState *ts = ft_tstate_get();
    if (pthread_mutex_trylock(&f->write_lock) != 0) {
        if (ts != NULL)
            FT_BLOCKING(ts, pthread_mutex_lock(&f->write_lock));
        else
            pthread_mutex_lock(&f->write_lock);
    }
    char *buf;
    ssize_t len, cap;
    LK_BEGIN_CRITICAL(f);
    buf = f->wbuf;
    len = f->wlen;
    cap = f->wcap;
    if (len > 0) {
        f->wbuf = NULL;
        f->wlen = f->wcap = 0;
    }
    LK_END_CRITICAL();
    if (len == 0) {
        pthread_mutex_unlock(&f->write_lock);
        return 0;
    }
    int r = write_all(f->fd, buf, len);
    int saved_errno = errno;
    pthread_mutex_unlock(&f->write_lock);
    LK_BEGIN_CRITICAL(f);
    if (f->wbuf == NULL) {
        f->wbuf = buf;
        f->wcap = cap;
        buf = NULL;
    }
    LK_END_CRITICAL();
    ft_mem_free(buf);
    if (r < 0) {
        errno = saved_errno;
        ft_err_set_from_errno(ft_exc_OSError);
        return -1;
    }
    return 0;
}

static int closed_error(void) {
    ft_err_set_string(ft_exc_ValueError, "I/O operation on closed file.");
    return -1;
}

int ft_stdio_write_utf8(FtObject *file, const char *s, ssize_t len) {
    FtStdio *f = F(file);
    if (f->closed)
        return closed_error();
    if (!f->writable) {
        ft_err_set_string(ft_exc_OSError, "not writable");
        return -1;
    }
    int need_flush = 0, failed = 0;
    LK_BEGIN_CRITICAL(f);
    if (f->wlen + len > f->wcap) {
        ssize_t cap = f->wcap ? f->wcap : WBUF_SIZE;
        while (cap < f->wlen + len)
            cap *= 2;
        char *nb = ft_mem_realloc(f->wbuf, (size_t)cap);
        if (nb == NULL) {
            failed = 1;
        } else {
            f->wbuf = nb;
            f->wcap = cap;
        }
    }
    if (!failed) {
        memcpy(f->wbuf + f->wlen, s, (size_t)len);
        f->wlen += len;
        need_flush = f->wlen >= WBUF_SIZE || f->write_through ||
                     (f->line_buffering && memchr(s, '\n', (size_t)len) != NULL);
    }
    LK_END_CRITICAL();
    if (failed)
        return -1;
    if (need_flush)
        return flush_file(f);
    return 0;
}

int ft_stdio_flush(FtObject *file) {
    if (F(file)->closed)
        return closed_error();
    return flush_file(F(file));
}

void ft_stdio_flush_all(void) {
    FtObject *saved = ft_tstate_get() ? ft_err_fetch() : NULL;
    for (int i = 1; i <= 2; i++) {
        if (std_streams[i] != NULL && !F(std_streams[i])->closed &&
            flush_file(F(std_streams[i])) < 0)
            ft_err_clear();
    }
    if (ft_tstate_get())
        ft_err_restore(saved);
}

void ft_stdio_write_stderr(const char *s) {
    ssize_t len = (ssize_t)strlen(s);
    /* A new reference: another thread may rebind sys.stderr while this one writes. */
    FtObject *err = ft_runtime.sys_dict ? ft_dict_get_ref_cstr(ft_runtime.sys_dict, "stderr")
                                        : NULL;
    FtObject *saved = ft_err_fetch();
    int done = 0;
    if (err != NULL && ft_stdio_check(err)) {
        done = ft_stdio_write_utf8(err, s, len) == 0;
    } else if (err != NULL && err != FT_NONE) {
        FtObject *str = ft_str_from_utf8(s, len);
        if (str != NULL) {
            FtObject *r = ft_object_call_method_cstr(err, "write", &str, 1);
            done = r != NULL;
            FT_XDECREF(r);
            FT_DECREF(str);
        }
    }
    FT_XDECREF(err);
    if (!done) {
        ft_err_clear();
        if (write_all(2, s, len) < 0) {
            /* nowhere left to report it */
        }
    }
    ft_err_restore(saved);
}

/* Encode for output: UTF-8, with backslash escapes for lone surrogates when the stream's
 * errors handler is backslashreplace (stderr). */
static int write_str(FtStdio *f, FtObject *s) {
    ssize_t len;
    const char *u = ft_str_as_utf8_len(s, &len);
    if (u != NULL)
        return ft_stdio_write_utf8((FtObject *)f, u, len);
    if (strcmp(f->errors, "backslashreplace") != 0)
        return -1;
    ft_err_clear();
    FtStrBuilder sb;
    ft_sb_init(&sb);
    for (ssize_t i = 0; i < FT_STR_LEN(s); i++) {
        uint32_t c = ft_str_read(s, i);
        if (c >= 0xD800 && c <= 0xDFFF) {
            char esc[12];
            snprintf(esc, sizeof esc, "\\u%04x", c);
            ft_sb_append_cstr(&sb, esc);
        } else {
            ft_sb_append_char(&sb, c);
        }
    }
    FtObject *clean = ft_sb_finish(&sb);
    if (clean == NULL)
        return -1;
    u = ft_str_as_utf8_len(clean, &len);
    int r = u ? ft_stdio_write_utf8((FtObject *)f, u, len) : -1;
    FT_DECREF(clean);
    return r;
}

/* ---- input -------------------------------------------------------------------------------- */

/* Read more bytes into rbuf: 1 got some, 0 end of file, -1 error. */
static int fill(FtStdio *f) {
    if (f->eof)
        return 0;
    if (f->rpos > 0) {
        memmove(f->rbuf, f->rbuf + f->rpos, (size_t)(f->rlen - f->rpos));
        f->rlen -= f->rpos;
        f->rpos = 0;
    }
    if (f->rlen == f->rcap) {
        ssize_t cap = f->rcap ? f->rcap * 2 : RBUF_SIZE;
        char *nb = ft_mem_realloc(f->rbuf, (size_t)cap);
        if (nb == NULL)
            return -1;
        f->rbuf = nb;
        f->rcap = cap;
    }
    FtThreadState *ts = ft_tstate_get();
    ssize_t n;
    for (;;) {
        FT_BLOCKING(ts, n = read(f->fd, f->rbuf + f->rlen, (size_t)(f->rcap - f->rlen)));
        if (n < 0 && errno == EINTR)
            continue;
        break;
    }
    if (n < 0) {
        ft_err_set_from_errno(ft_exc_OSError);
        return -1;
    }
    if (n == 0) {
        f->eof = 1;
        return 0;
    }
    f->rlen += n;
    return 1;
}

static int check_readable(FtStdio *f) {
    if (f->closed)
        return closed_error();
    if (f->writable) {
        ft_err_set_string(ft_exc_OSError, "not readable");
        return -1;
    }
    /* Whatever was printed as a prompt must be visible before we block. */
    ft_stdio_flush_all();
    return 0;
}

/* Bytes [rpos, rpos+n) as str, consumed. Stops before an incomplete UTF-8 sequence. */
static FtObject *take(FtStdio *f, ssize_t n) {
    if (n == 0)
        return ft_str_from_cstr("");
    FtObject *s = ft_str_from_utf8(f->rbuf + f->rpos, n);
    if (s != NULL)
        f->rpos += n;
    return s;
}

/* Byte length of the first `limit` code points of p[0..avail), or -1 when there are fewer. */
static ssize_t chars_prefix(const char *p, ssize_t avail, ssize_t limit) {
    ssize_t chars = 0;
    for (ssize_t i = 0; i < avail; i++) {
        if (((unsigned char)p[i] & 0xC0) != 0x80) {
            if (chars == limit)
                return i;
            chars++;
        }
    }
    return -1;
}

/* One line (with its '\n'), at most `limit` characters when limit >= 0; "" at EOF. */
static FtObject *read_line(FtStdio *f, ssize_t limit) {
    if (limit == 0)
        return ft_str_from_cstr("");
    for (;;) {
        char *start = f->rbuf + f->rpos;
        ssize_t avail = f->rlen - f->rpos;
        char *nl = avail > 0 ? memchr(start, '\n', (size_t)avail) : NULL;
        ssize_t end = nl != NULL ? nl - start + 1 : -1;
        if (limit > 0) {
            ssize_t cut = chars_prefix(start, end >= 0 ? end : avail, limit);
            if (cut >= 0)
                return take(f, cut);
        }
        if (end >= 0)
            return take(f, end);
        int r = fill(f);
        if (r < 0)
            return NULL;
        if (r == 0)
            return take(f, f->rlen - f->rpos);
    }
}

static FtObject *read_all(FtStdio *f) {
    int r;
    while ((r = fill(f)) > 0) {
    }
    if (r < 0)
        return NULL;
    return take(f, f->rlen - f->rpos);
}

static FtObject *read_chars(FtStdio *f, ssize_t size) {
    if (size == 0)
        return ft_str_from_cstr("");
    for (;;) {
        ssize_t cut = chars_prefix(f->rbuf + f->rpos, f->rlen - f->rpos, size);
        if (cut >= 0)
            return take(f, cut);
        int r = fill(f);
        if (r < 0)
            return NULL;
        if (r == 0)
            return take(f, f->rlen - f->rpos);
    }
}

/* ---- methods ------------------------------------------------------------------------------ */

static FtObject *stdio_write(FtObject *self, FtObject *s) {
    if (!ft_str_check(s))
        return ft_err_format(ft_exc_TypeError, "write() argument must be str, not %s",
                             ft_type_short_name(FT_TYPE(s)));
    if (F(self)->closed)
        return closed_error(), NULL;
    if (write_str(F(self), s) < 0)
        return NULL;
    return ft_int_from_ssize(FT_STR_LEN(s));
}

static FtObject *stdio_flush_meth(FtObject *self, FtObject *unused) {
    if (ft_stdio_flush(self) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *stdio_fileno(FtObject *self, FtObject *unused) {
    return ft_int_from_i64(F(self)->fd);
}

static FtObject *stdio_isatty(FtObject *self, FtObject *unused) {
    if (F(self)->closed)
        return closed_error(), NULL;
    return ft_bool_from(F(self)->is_tty);
}

static FtObject *stdio_readable(FtObject *self, FtObject *unused) {
    if (F(self)->closed)
        return closed_error(), NULL;
    return ft_bool_from(!F(self)->writable);
}

static FtObject *stdio_writable(FtObject *self, FtObject *unused) {
    if (F(self)->closed)
        return closed_error(), NULL;
    return ft_bool_from(F(self)->writable);
}

static FtObject *stdio_seekable(FtObject *self, FtObject *unused) {
    if (F(self)->closed)
        return closed_error(), NULL;
    return ft_bool_from(lseek(F(self)->fd, 0, SEEK_CUR) != -1);
}

static FtObject *stdio_close(FtObject *self, FtObject *unused) {
    if (!F(self)->closed) {
        int r = F(self)->writable ? flush_file(F(self)) : 0;
        F(self)->closed = 1;
        if (r < 0)
            return NULL;
    }
    FT_RETURN_NONE;
}

static int size_arg(FtObject *const *args, ssize_t nargs, const char *fname, ssize_t *size) {
    *size = -1;
    if (ft_check_nargs(fname, nargs, 0, 1) < 0)
        return -1;
    if (nargs == 1 && args[0] != FT_NONE) {
        if (!ft_index_check(args[0])) {
            ft_err_format(ft_exc_TypeError, "argument should be integer or None, not '%s'",
                          ft_type_short_name(FT_TYPE(args[0])));
            return -1;
        }
        *size = ft_number_as_ssize(args[0], ft_exc_OverflowError);
        if (*size == -1 && ft_err_occurred())
            return -1;
    }
    return 0;
}

static FtObject *stdio_readline(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t size;
    if (size_arg(args, nargs, "readline", &size) < 0 || check_readable(F(self)) < 0)
        return NULL;
    return read_line(F(self), size);
}

static FtObject *stdio_read(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t size;
    if (size_arg(args, nargs, "read", &size) < 0 || check_readable(F(self)) < 0)
        return NULL;
    return size < 0 ? read_all(F(self)) : read_chars(F(self), size);
}

static FtObject *stdio_readlines(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t hint;
    if (size_arg(args, nargs, "readlines", &hint) < 0 || check_readable(F(self)) < 0)
        return NULL;
    FtObject *list = ft_list_new(0);
    if (list == NULL)
        return NULL;
    ssize_t total = 0;
    for (;;) {
        FtObject *line = read_line(F(self), -1);
        if (line == NULL) {
            FT_DECREF(list);
            return NULL;
        }
        if (FT_STR_LEN(line) == 0) {
            FT_DECREF(line);
            break;
        }
        total += FT_STR_LEN(line);
        int r = ft_list_append(list, line);
        FT_DECREF(line);
        if (r < 0) {
            FT_DECREF(list);
            return NULL;
        }
        if (hint > 0 && total >= hint)
            break;
    }
    return list;
}

static FtObject *stdio_iter(FtObject *self) {
    if (F(self)->closed)
        return closed_error(), NULL;
    return FT_NEWREF(self);
}

static FtObject *stdio_iternext(FtObject *self) {
    if (check_readable(F(self)) < 0)
        return NULL;
    FtObject *line = read_line(F(self), -1);
    if (line != NULL && FT_STR_LEN(line) == 0) {
        FT_DECREF(line);
        return NULL; /* exhausted */
    }
    return line;
}

static FtObject *stdio_enter(FtObject *self, FtObject *unused) { return FT_NEWREF(self); }

static FtObject *stdio_exit(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return stdio_close(self, NULL);
}

static FtObject *stdio_repr(FtObject *self) {
    return ft_str_from_format("<_io.TextIOWrapper name='%s' mode='%s' encoding='utf-8'>",
                              F(self)->name, F(self)->writable ? "w" : "r");
}

static FtObject *get_name(FtObject *self, void *c) { return ft_str_from_cstr(F(self)->name); }
static FtObject *get_mode(FtObject *self, void *c) {
    return ft_str_from_cstr(F(self)->writable ? "w" : "r");
}
static FtObject *get_encoding(FtObject *self, void *c) { return ft_str_from_cstr("utf-8"); }
static FtObject *get_errors(FtObject *self, void *c) { return ft_str_from_cstr(F(self)->errors); }
static FtObject *get_closed(FtObject *self, void *c) { return ft_bool_from(F(self)->closed); }
static FtObject *get_line_buffering(FtObject *self, void *c) {
    return ft_bool_from(F(self)->line_buffering);
}
static FtObject *get_newlines(FtObject *self, void *c) { FT_RETURN_NONE; }

static FtMethodDef stdio_methods[] = {
    {"write", (void *)stdio_write, FT_METH_O, NULL},
    {"flush", (void *)stdio_flush_meth, FT_METH_NOARGS, NULL},
    {"fileno", (void *)stdio_fileno, FT_METH_NOARGS, NULL},
    {"isatty", (void *)stdio_isatty, FT_METH_NOARGS, NULL},
    {"readable", (void *)stdio_readable, FT_METH_NOARGS, NULL},
    {"writable", (void *)stdio_writable, FT_METH_NOARGS, NULL},
    {"seekable", (void *)stdio_seekable, FT_METH_NOARGS, NULL},
    {"close", (void *)stdio_close, FT_METH_NOARGS, NULL},
    {"readline", (void *)stdio_readline, FT_METH_FASTCALL, NULL},
    {"read", (void *)stdio_read, FT_METH_FASTCALL, NULL},
    {"readlines", (void *)stdio_readlines, FT_METH_FASTCALL, NULL},
    {"__enter__", (void *)stdio_enter, FT_METH_NOARGS, NULL},
    {"__exit__", (void *)stdio_exit, FT_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static FtGetSetDef stdio_getset[] = {
    {"name", get_name, NULL, NULL, NULL},
    {"mode", get_mode, NULL, NULL, NULL},
    {"encoding", get_encoding, NULL, NULL, NULL},
    {"errors", get_errors, NULL, NULL, NULL},
    {"closed", get_closed, NULL, NULL, NULL},
    {"line_buffering", get_line_buffering, NULL, NULL, NULL},
    {"newlines", get_newlines, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static void stdio_dealloc(FtObject *self) {
    /* The standard streams live as long as the process; this runs only for copies. */
    if (F(self)->writable && !F(self)->closed)
        flush_file(F(self));
    ft_mem_free(F(self)->wbuf);
    ft_mem_free(F(self)->rbuf);
    pthread_mutex_destroy(&F(self)->write_lock);
    FT_TYPE(self)->tp_free(self);
}

FtType ft_stdio_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "_io.TextIOWrapper",
    .tp_basicsize = sizeof(FtStdio),
    .tp_dealloc = stdio_dealloc,
    .tp_repr = stdio_repr,
    .tp_getattro = ft_object_generic_getattr,
    .tp_iter = stdio_iter,
    .tp_iternext = stdio_iternext,
    .tp_methods = stdio_methods,
    .tp_getset = stdio_getset,
};

FtObject *ft_stdio_get(int fd) {
    if (fd < 0 || fd > 2) {
        ft_err_bad_internal_call();
        return NULL;
    }
    if (std_streams[fd] != NULL)
        return FT_NEWREF(std_streams[fd]);
    if (!(ft_stdio_type.tp_flags & FT_TPFLAGS_READY) && ft_type_ready(&ft_stdio_type) < 0)
        return NULL;
    FtObject *o = ft_object_alloc(&ft_stdio_type);
    if (o == NULL)
        return NULL;
    FtStdio *f = F(o);
    static const char *const names[] = {"<stdin>", "<stdout>", "<stderr>"};
    f->fd = fd;
    pthread_mutex_init(&f->write_lock, NULL);
    f->name = names[fd];
    f->writable = fd != 0;
    f->is_tty = isatty(fd) == 1;
    f->line_buffering = fd == 2 || (fd == 1 && f->is_tty);
    f->errors = fd == 2 ? "backslashreplace" : "strict";
    /* As CPython: PYTHONUNBUFFERED (and -u) make stdout and stderr write through. */
    const char *unbuffered = getenv("PYTHONUNBUFFERED");
    f->write_through = fd != 0 && unbuffered != NULL && unbuffered[0] != '\0';
    std_streams[fd] = o;
    FT_MAKE_IMMORTAL(o);
    return FT_NEWREF(o);
}
