/* The _io module (ft_io_module_def): the C half of the io module (runtime/lib/io.py).
 *  - the system-call layer under io.FileIO: read/write/lseek/ftruncate/close on a descriptor,
 *    each detached from the runtime around the blocking call (FT_BLOCKING) and retried on
 *    EINTR (PEP 475), running pending signal handlers between retries;
 *  - BufferedReader, BufferedWriter and BufferedRandom, each guarded by its own pthread
 *    mutex so that one file object can be shared between threads;
 *  - ft_io_open, the body of builtins.open (which is also io.open), and ft_io_flush_all,
 *    which writes out pending buffered data at interpreter exit.
 * FileIO and TextIOWrapper are written in Python, in io.py. */
#define _GNU_SOURCE
#include "runtime/import.h"
#include "runtime/tstate.h"
#include "core/vm/vmtypes.h"
#include "locking/strategy.h"
#include "gc/gc.h"
#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <unistd.h>

static int fd_arg(FtObject *o, long *out) {
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

/* After EINTR: run signal handlers (they may raise); 0 to retry. */
static int eintr_retry(FtThreadState *ts) {
    if (ft_vm_pending_hook != NULL && ft_vm_pending_hook(ts) < 0)
        return -1;
    return 0;
}

/* _read(fd, n) -> bytes (b'' at end of file); None when a non-blocking descriptor has no
 * data (EAGAIN), as FileIO.read does. */
static FtObject *io_read(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("_read", nargs, 2, 2) < 0)
        return NULL;
    long fd, n;
    if (fd_arg(args[0], &fd) < 0 || fd_arg(args[1], &n) < 0)
        return NULL;
    if (n < 0)
        n = 0;
    FtObject *b = ft_bytes_new(n);
    if (b == NULL)
        return NULL;
    FtThreadState *ts = ft_tstate_get();
    ssize_t got;
    for (;;) {
        FT_BLOCKING(ts, got = read((int)fd, FT_BYTES_DATA(b), (size_t)n));
        if (got >= 0 || errno != EINTR)
            break;
        if (eintr_retry(ts) < 0) {
            FT_DECREF(b);
            return NULL;
        }
    }
    if (got < 0) {
        FT_DECREF(b);
        if (errno == EAGAIN)
            FT_RETURN_NONE;
        return ft_err_set_from_errno(ft_exc_OSError);
    }
    if (got != n) {
        FtObject *r = ft_bytes_from_data(FT_BYTES_DATA(b), got);
        FT_DECREF(b);
        return r;
    }
    return b;
}

/* _write(fd, bytes) -> number written (one write(2); None on EAGAIN). */
static FtObject *io_write(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("_write", nargs, 2, 2) < 0)
        return NULL;
    long fd;
    if (fd_arg(args[0], &fd) < 0)
        return NULL;
    FtObject *data = ft_bytes_check(args[1]) ? ft_newref(args[1]) : ft_bytes_from_object(args[1]);
    if (data == NULL)
        return NULL;
    FtThreadState *ts = ft_tstate_get();
    ssize_t n;
    for (;;) {
        FT_BLOCKING(ts, n = write((int)fd, FT_BYTES_DATA(data), (size_t)FT_SIZE(data)));
        if (n >= 0 || errno != EINTR)
            break;
        if (eintr_retry(ts) < 0) {
            FT_DECREF(data);
            return NULL;
        }
    }
    FT_DECREF(data);
    if (n < 0) {
        if (errno == EAGAIN)
            FT_RETURN_NONE;
        return ft_err_set_from_errno(ft_exc_OSError);
    }
    return ft_int_from_ssize(n);
}

/* _lseek(fd, pos, whence) -> new position */
static FtObject *io_lseek(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("_lseek", nargs, 3, 3) < 0)
        return NULL;
    long fd, pos, how;
    if (fd_arg(args[0], &fd) < 0 || fd_arg(args[1], &pos) < 0 || fd_arg(args[2], &how) < 0)
        return NULL;
    off_t r = lseek((int)fd, (off_t)pos, (int)how);
    if (r < 0)
        return ft_err_set_from_errno(ft_exc_OSError);
    return ft_int_from_i64((int64_t)r);
}

/* _ftruncate(fd, size) */
static FtObject *io_ftruncate(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("_ftruncate", nargs, 2, 2) < 0)
        return NULL;
    long fd, size;
    if (fd_arg(args[0], &fd) < 0 || fd_arg(args[1], &size) < 0)
        return NULL;
    FtThreadState *ts = ft_tstate_get();
    int r;
    for (;;) {
        FT_BLOCKING(ts, r = ftruncate((int)fd, (off_t)size));
        if (r == 0 || errno != EINTR)
            break;
        if (eintr_retry(ts) < 0)
            return NULL;
    }
    if (r < 0)
        return ft_err_set_from_errno(ft_exc_OSError);
    FT_RETURN_NONE;
}

/* _close(fd) - EINTR is not retried: the descriptor is gone either way (as CPython). */
static FtObject *io_close(FtObject *m, FtObject *arg) {
    long fd;
    if (fd_arg(arg, &fd) < 0)
        return NULL;
    if (close((int)fd) < 0 && errno != EINTR)
        return ft_err_set_from_errno(ft_exc_OSError);
    FT_RETURN_NONE;
}

/* builtins.open (also io.open): calls io._open, looked up once (io.py implements it). */
FtObject *ft_io_open(FtObject *self, FtObject *const *args, ssize_t nargs, FtObject *kwnames) {
    static FtObject *io_open;   /* immortal once set: the io module is never unloaded */
    FtObject *f = __atomic_load_n(&io_open, __ATOMIC_ACQUIRE);
    if (f == NULL) {
        FtObject *mod = ft_import_cstr("io");
        if (mod == NULL)
            return NULL;
        f = ft_object_getattr_cstr(mod, "_open");
        FT_DECREF(mod);
        if (f == NULL)
            return NULL;
        FtObject *expected = NULL;
        if (!__atomic_compare_exchange_n(&io_open, &expected, f, 0, __ATOMIC_ACQ_REL,
                                         __ATOMIC_ACQUIRE)) {
            FT_DECREF(f);
            f = expected;
        }
    }
    return ft_object_vectorcall(f, args, (size_t)nargs, kwnames);
}

static FtMethodDef io_methods[] = {
    {"_read", (void *)io_read, FT_METH_FASTCALL, NULL},
    {"_write", (void *)io_write, FT_METH_FASTCALL, NULL},
    {"_lseek", (void *)io_lseek, FT_METH_FASTCALL, NULL},
    {"_ftruncate", (void *)io_ftruncate, FT_METH_FASTCALL, NULL},
    {"_close", (void *)io_close, FT_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};


/* ==== BufferedReader, BufferedWriter, BufferedRandom ===================================== */

/* One structure for the three classes: read-ahead bytes rbuf[rpos:rlen] or pending writes
 * wbuf[0:wlen], never both at once (a write drops the read-ahead after moving the raw
 * position back; a read flushes the writes). All state is guarded by `mu`, a pthread mutex:
 * a thread that finds it busy waits detached (FT_BLOCKING), so a holder blocked in a system
 * call or a stop-the-world pause never deadlocks with it. The raw stream is any object with
 * read/write/seek/tell/closed/close (io.FileIO normally): it is called once per buffer fill
 * or flush, never per small operation. */
typedef struct Buffered {
    FtObject ob_base;
    FtObject *raw;             /* NULL once detached (or before __init__) */
    pthread_mutex_t mu;
    pthread_t owner;           /* holder of mu, for the reentrancy check */
    int owned;
    int can_read, can_write;
    int closed_here;           /* close() went through this object */
    ssize_t buffer_size;
    char *rbuf;
    ssize_t rpos, rlen;
    char *wbuf;
    ssize_t wlen;
    FtObject *dict;
    struct Buffered *prev, *next;   /* the writers list, for ft_io_flush_all */
    int listed;
} Buffered;

/* Every live buffered object that can write, so that pending data reaches its file when
 * the interpreter exits (CPython flushes them as it tears the modules down; ftpy leaves
 * objects to the operating system). */
static pthread_mutex_t writers_mu = PTHREAD_MUTEX_INITIALIZER;
static struct Buffered *writers;

static void writers_add(struct Buffered *b) {
    pthread_mutex_lock(&writers_mu);
    if (!b->listed) {
        b->prev = NULL;
        b->next = writers;
        if (writers)
            writers->prev = b;
        writers = b;
        b->listed = 1;
    }
    pthread_mutex_unlock(&writers_mu);
}

static void writers_remove(struct Buffered *b) {
    pthread_mutex_lock(&writers_mu);
    if (b->listed) {
        if (b->prev)
            b->prev->next = b->next;
        else
            writers = b->next;
        if (b->next)
            b->next->prev = b->prev;
        b->listed = 0;
    }
    pthread_mutex_unlock(&writers_mu);
}

static FtType buffered_reader_type, buffered_writer_type, buffered_random_type;

static int buf_lock(Buffered *b) {
    if (pthread_mutex_trylock(&b->mu) != 0) {
        if (__atomic_load_n(&b->owned, __ATOMIC_RELAXED) &&
            pthread_equal(b->owner, pthread_self())) {
            ft_err_format(ft_exc_RuntimeError, "reentrant call inside %R", (FtObject *)b);
            return -1;
        }
        FtThreadState *ts = ft_tstate_get();
        FT_BLOCKING(ts, pthread_mutex_lock(&b->mu));
    }
    b->owner = pthread_self();
    __atomic_store_n(&b->owned, 1, __ATOMIC_RELAXED);
    return 0;
}

static void buf_unlock(Buffered *b) {
    __atomic_store_n(&b->owned, 0, __ATOMIC_RELAXED);
    pthread_mutex_unlock(&b->mu);
}

static int check_raw(Buffered *b) {
    if (b->raw == NULL) {
        ft_err_set_string(ft_exc_ValueError, b->dict == NULL && b->buffer_size == 0
                          ? "I/O operation on uninitialized object"
                          : "raw stream has been detached");
        return -1;
    }
    return 0;
}

/* 1 closed, 0 open, -1 error */
static int raw_closed(Buffered *b) {
    FtObject *c = ft_object_getattr_cstr(b->raw, "closed");
    if (c == NULL)
        return -1;
    int r = ft_object_is_true(c);
    FT_DECREF(c);
    return r;
}

/* Raise ValueError(msg) (the io.IOBase message when msg is NULL) when the raw stream is
 * closed. 0 open, -1 raised. */
static int check_closed(Buffered *b, const char *msg) {
    if (check_raw(b) < 0)
        return -1;
    int c = raw_closed(b);
    if (c < 0)
        return -1;
    if (c) {
        ft_err_set_string(ft_exc_ValueError, msg ? msg : "I/O operation on closed file.");
        return -1;
    }
    return 0;
}

static FtObject *unsupported(const char *what) {
    FtObject *mod = ft_import_cstr("io");
    if (mod == NULL)
        return NULL;
    FtObject *cls = ft_object_getattr_cstr(mod, "UnsupportedOperation");
    FT_DECREF(mod);
    if (cls == NULL)
        return NULL;
    ft_err_set_string((FtType *)cls, what);
    FT_DECREF(cls);
    return NULL;
}

static FtObject *call1(FtObject *o, const char *meth, FtObject *arg) {
    return ft_object_call_method_cstr(o, meth, arg ? &arg : NULL, arg ? 1 : 0);
}

static FtObject *call_ssize(FtObject *o, const char *meth, ssize_t n) {
    FtObject *a = ft_int_from_ssize(n);
    if (a == NULL)
        return NULL;
    FtObject *r = call1(o, meth, a);
    FT_DECREF(a);
    return r;
}

static int as_ssize(FtObject *o, ssize_t *out) {
    FtObject *i = ft_number_index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    int64_t v = ft_int_as_i64(i, &overflow);
    FT_DECREF(i);
    if (overflow) {
        ft_err_set_string(ft_exc_OverflowError, "Python int too large to convert to C ssize_t");
        return -1;
    }
    *out = (ssize_t)v;
    return 0;
}

/* raw.seek(pos, whence) -> new position, -1 on error */
static int64_t raw_seek(Buffered *b, int64_t pos, int whence) {
    FtObject *args[2] = {ft_int_from_i64(pos), ft_int_from_i64(whence)};
    FtObject *r = NULL;
    if (args[0] && args[1])
        r = ft_object_call_method_cstr(b->raw, "seek", args, 2);
    FT_XDECREF(args[0]);
    FT_XDECREF(args[1]);
    if (r == NULL)
        return -1;
    ssize_t v;
    int rc = as_ssize(r, &v);
    FT_DECREF(r);
    if (rc < 0)
        return -1;
    if (v < 0) {
        ft_err_format(ft_exc_OSError, "Raw stream returned invalid position %zd", v);
        return -1;
    }
    return v;
}

static int64_t raw_tell(Buffered *b) {
    FtObject *r = call1(b->raw, "tell", NULL);
    if (r == NULL)
        return -1;
    ssize_t v;
    int rc = as_ssize(r, &v);
    FT_DECREF(r);
    if (rc < 0)
        return -1;
    if (v < 0) {
        ft_err_format(ft_exc_OSError, "Raw stream returned invalid position %zd", v);
        return -1;
    }
    return v;
}

/* Write out wbuf (mu held). */
static int flush_unlocked(Buffered *b) {
    ssize_t done = 0;
    while (done < b->wlen) {
        FtObject *chunk = ft_bytes_from_data(b->wbuf + done, b->wlen - done);
        if (chunk == NULL)
            goto fail;
        FtObject *r = call1(b->raw, "write", chunk);
        FT_DECREF(chunk);
        if (r == NULL)
            goto fail;
        if (r == FT_NONE) {
            FT_DECREF(r);
            ft_err_format(ft_exc_BlockingIOError, "write could not complete without blocking");
            goto fail;
        }
        ssize_t n;
        int rc = as_ssize(r, &n);
        FT_DECREF(r);
        if (rc < 0)
            goto fail;
        if (n < 0 || n > b->wlen - done) {
            ft_err_format(ft_exc_OSError, "raw write() returned invalid length %zd "
                          "(should have been between 0 and %zd)", n, b->wlen - done);
            goto fail;
        }
        done += n;
    }
    b->wlen = 0;
    return 0;
fail:
    if (done > 0) {
        memmove(b->wbuf, b->wbuf + done, (size_t)(b->wlen - done));
        b->wlen -= done;
    }
    return -1;
}

/* Move the raw position back over unread read-ahead and drop it (mu held). */
static int drop_readahead(Buffered *b) {
    ssize_t unread = b->rlen - b->rpos;
    if (unread > 0 && raw_seek(b, -(int64_t)unread, SEEK_CUR) < 0)
        return -1;
    b->rpos = b->rlen = 0;
    return 0;
}

/* One raw read of up to n bytes: a new bytes object, b'' at EOF, None (no data on a
 * non-blocking stream), NULL on error. */
static FtObject *raw_read(Buffered *b, ssize_t n) {
    FtObject *r = call_ssize(b->raw, "read", n);
    if (r == NULL || r == FT_NONE)
        return r;
    if (!ft_bytes_check(r)) {
        FtObject *x = ft_bytes_from_object(r);
        FT_DECREF(r);
        return x;
    }
    return r;
}

/* Refill rbuf with one raw read (mu held, rbuf consumed). 1 data, 0 EOF/None, -1 error. */
static int fill_unlocked(Buffered *b) {
    FtObject *data = raw_read(b, b->buffer_size);
    if (data == NULL)
        return -1;
    if (data == FT_NONE) {
        FT_DECREF(data);
        return 0;
    }
    ssize_t n = FT_SIZE(data);
    if (n > b->buffer_size)
        n = b->buffer_size;
    memcpy(b->rbuf, FT_BYTES_DATA(data), (size_t)n);
    FT_DECREF(data);
    b->rpos = 0;
    b->rlen = n;
    return n > 0;
}

/* Read-side preamble (mu held): closed check only when nothing is buffered (as CPython's
 * CHECK_CLOSED), then flush pending writes. */
static int prepare_read(Buffered *b, const char *closed_msg) {
    if (check_raw(b) < 0)
        return -1;
    if (b->rpos >= b->rlen && check_closed(b, closed_msg) < 0)
        return -1;
    if (b->wlen > 0 && flush_unlocked(b) < 0)
        return -1;
    return 0;
}

static FtObject *buffered_readall(Buffered *b) {
    /* everything: the buffered part, then raw.readall() (or reads until EOF) */
    FtObject *parts = ft_list_new(0);
    if (parts == NULL)
        return NULL;
    FtObject *head = ft_bytes_from_data(b->rbuf + b->rpos, b->rlen - b->rpos);
    b->rpos = b->rlen = 0;
    if (head == NULL || ft_list_append(parts, head) < 0)
        goto fail_head;
    FT_DECREF(head);
    FtObject *ra = ft_object_getattr_cstr(b->raw, "readall");
    if (ra == NULL) {
        ft_err_clear();
        for (;;) {
            FtObject *d = raw_read(b, b->buffer_size);
            if (d == NULL)
                goto fail;
            if (d == FT_NONE || FT_SIZE(d) == 0) {
                FT_DECREF(d);
                break;
            }
            int rc = ft_list_append(parts, d);
            FT_DECREF(d);
            if (rc < 0)
                goto fail;
        }
    } else {
        FtObject *d = ft_object_call_noargs(ra);
        FT_DECREF(ra);
        if (d == NULL)
            goto fail;
        if (d != FT_NONE && ft_list_append(parts, d) < 0) {
            FT_DECREF(d);
            goto fail;
        }
        FT_DECREF(d);
    }
    FtObject *empty = ft_bytes_from_data("", 0);
    if (empty == NULL)
        goto fail;
    FtObject *r = ft_object_call_method_cstr(empty, "join", &parts, 1);
    FT_DECREF(empty);
    FT_DECREF(parts);
    return r;
fail_head:
    FT_XDECREF(head);
fail:
    FT_DECREF(parts);
    return NULL;
}

static int size_arg(FtObject *const *args, ssize_t nargs, ssize_t dflt, ssize_t *out) {
    *out = dflt;
    if (nargs > 0 && args[0] != FT_NONE)
        return as_ssize(args[0], out);
    return 0;
}

static FtObject *buffered_read(FtObject *self, FtObject *const *args, ssize_t nargs) {
    Buffered *b = (Buffered *)self;
    ssize_t n;
    if (ft_check_nargs("read", nargs, 0, 1) < 0 || size_arg(args, nargs, -1, &n) < 0)
        return NULL;
    if (!b->can_read)
        return unsupported("read");
    if (n < -1) {
        ft_err_set_string(ft_exc_ValueError, "read length must be non-negative or -1");
        return NULL;
    }
    if (buf_lock(b) < 0)
        return NULL;
    FtObject *res = NULL;
    if (b->raw != NULL && n >= 0 && n <= b->rlen - b->rpos && b->wlen == 0) {
        res = ft_bytes_from_data(b->rbuf + b->rpos, n);    /* fast path */
        b->rpos += n;
        goto out;
    }
    if (prepare_read(b, "read of closed file") < 0)
        goto out;
    if (n < 0) {
        res = buffered_readall(b);
        goto out;
    }
    res = ft_bytes_new(n);
    if (res == NULL)
        goto out;
    char *dst = FT_BYTES_DATA(res);
    ssize_t got = b->rlen - b->rpos;
    memcpy(dst, b->rbuf + b->rpos, (size_t)got);
    b->rpos = b->rlen = 0;
    while (got < n) {
        ssize_t need = n - got;
        if (need >= b->buffer_size) {
            FtObject *d = raw_read(b, need);
            if (d == NULL)
                goto fail;
            ssize_t k = d == FT_NONE ? 0 : FT_SIZE(d);
            if (k > need)
                k = need;
            if (k > 0)
                memcpy(dst + got, FT_BYTES_DATA(d), (size_t)k);
            FT_DECREF(d);
            if (k == 0)
                break;
            got += k;
        } else {
            int f = fill_unlocked(b);
            if (f < 0)
                goto fail;
            if (f == 0)
                break;
            ssize_t k = b->rlen < need ? b->rlen : need;
            memcpy(dst + got, b->rbuf, (size_t)k);
            b->rpos = k;
            got += k;
        }
    }
    if (got != n) {
        FtObject *r = ft_bytes_from_data(dst, got);
        FT_DECREF(res);
        res = r;
    }
    goto out;
fail:
    FT_CLEAR(res);
out:
    buf_unlock(b);
    return res;
}

static FtObject *buffered_read1(FtObject *self, FtObject *const *args, ssize_t nargs) {
    Buffered *b = (Buffered *)self;
    ssize_t n;
    if (ft_check_nargs("read1", nargs, 0, 1) < 0 || size_arg(args, nargs, -1, &n) < 0)
        return NULL;
    if (!b->can_read)
        return unsupported("read1");
    if (buf_lock(b) < 0)
        return NULL;
    FtObject *res = NULL;
    if (prepare_read(b, "read of closed file") < 0)
        goto out;
    if (n < 0)
        n = b->buffer_size;
    if (n == 0) {
        res = ft_bytes_from_data("", 0);
        goto out;
    }
    if (b->rpos >= b->rlen) {
        b->rpos = b->rlen = 0;
        if (n >= b->buffer_size) {
            res = raw_read(b, n);
            if (res == FT_NONE) {
                FT_DECREF(res);
                res = ft_bytes_from_data("", 0);
            }
            goto out;
        }
        if (fill_unlocked(b) < 0)
            goto out;
    }
    ssize_t k = b->rlen - b->rpos < n ? b->rlen - b->rpos : n;
    res = ft_bytes_from_data(b->rbuf + b->rpos, k);
    b->rpos += k;
out:
    buf_unlock(b);
    return res;
}

static FtObject *buffered_peek(FtObject *self, FtObject *const *args, ssize_t nargs) {
    Buffered *b = (Buffered *)self;
    if (ft_check_nargs("peek", nargs, 0, 1) < 0)
        return NULL;
    if (!b->can_read)
        return unsupported("peek");
    if (buf_lock(b) < 0)
        return NULL;
    FtObject *res = NULL;
    if (prepare_read(b, "peek of closed file") < 0)
        goto out;
    if (b->rpos >= b->rlen && fill_unlocked(b) < 0)
        goto out;
    res = ft_bytes_from_data(b->rbuf + b->rpos, b->rlen - b->rpos);
out:
    buf_unlock(b);
    return res;
}

/* readinto(b) / readinto1(b): into a bytearray */
static FtObject *readinto_common(FtObject *self, FtObject *arg, int one) {
    Buffered *b = (Buffered *)self;
    if (!b->can_read)
        return unsupported("read");
    if (!ft_bytearray_check(arg))
        return ft_err_format(ft_exc_TypeError, "readinto() argument must be read-write "
                             "bytes-like object, not %s", ft_type_short_name(FT_TYPE(arg)));
    if (b->raw != NULL && b->rpos >= b->rlen) {
        if (buf_lock(b) < 0)
            return NULL;
        int c = check_closed(b, "readinto of closed file");
        buf_unlock(b);
        if (c < 0)
            return NULL;
    }
    ssize_t n = FT_SIZE(arg);
    FtObject *sz = ft_int_from_ssize(n);
    if (sz == NULL)
        return NULL;
    FtObject *data = ft_object_call_method_cstr(self, one ? "read1" : "read", &sz, 1);
    FT_DECREF(sz);
    if (data == NULL)
        return NULL;
    ssize_t k = FT_SIZE(data);
    if (k > FT_SIZE(arg))
        k = FT_SIZE(arg);
    memcpy(((FtByteArray *)arg)->data, FT_BYTES_DATA(data), (size_t)k);
    FT_DECREF(data);
    return ft_int_from_ssize(k);
}

static FtObject *buffered_readinto(FtObject *self, FtObject *arg) {
    return readinto_common(self, arg, 0);
}

static FtObject *buffered_readinto1(FtObject *self, FtObject *arg) {
    return readinto_common(self, arg, 1);
}

/* readline with mu held; limit < 0: no limit */
static FtObject *readline_unlocked(Buffered *b, ssize_t limit) {
    char *nl;
    ssize_t avail = b->rlen - b->rpos;
    if (avail > 0 && (nl = memchr(b->rbuf + b->rpos, '\n', (size_t)avail)) != NULL) {
        ssize_t len = nl - (b->rbuf + b->rpos) + 1;
        if (limit < 0 || len <= limit) {                  /* fast path */
            FtObject *r = ft_bytes_from_data(b->rbuf + b->rpos, len);
            b->rpos += len;
            return r;
        }
    }
    if (prepare_read(b, "readline of closed file") < 0)
        return NULL;
    char *acc = NULL;
    ssize_t got = 0, cap = 0;
    int done = 0;
    while (!done) {
        if (b->rpos >= b->rlen) {
            int f = fill_unlocked(b);
            if (f < 0) {
                free(acc);
                return NULL;
            }
            if (f == 0)
                break;
        }
        char *start = b->rbuf + b->rpos;
        ssize_t take = b->rlen - b->rpos;
        nl = memchr(start, '\n', (size_t)take);
        if (nl != NULL) {
            take = nl - start + 1;
            done = 1;
        }
        if (limit >= 0 && got + take >= limit) {
            take = limit - got;
            done = 1;
        }
        if (got + take > cap) {
            cap = (got + take) * 2 + 64;
            char *na = realloc(acc, (size_t)cap);
            if (na == NULL) {
                free(acc);
                ft_err_set_none(ft_exc_MemoryError);
                return NULL;
            }
            acc = na;
        }
        memcpy(acc + got, start, (size_t)take);
        got += take;
        b->rpos += take;
    }
    FtObject *r = ft_bytes_from_data(acc ? acc : "", got);
    free(acc);
    return r;
}

static FtObject *buffered_readline(FtObject *self, FtObject *const *args, ssize_t nargs) {
    Buffered *b = (Buffered *)self;
    ssize_t limit;
    if (ft_check_nargs("readline", nargs, 0, 1) < 0 || size_arg(args, nargs, -1, &limit) < 0)
        return NULL;
    if (!b->can_read)
        return unsupported("read");
    if (buf_lock(b) < 0)
        return NULL;
    FtObject *r = b->raw == NULL ? (check_raw(b), NULL) : readline_unlocked(b, limit);
    buf_unlock(b);
    return r;
}

static FtObject *buffered_iternext(FtObject *self) {
    Buffered *b = (Buffered *)self;
    if (!b->can_read)
        return unsupported("read");
    if (buf_lock(b) < 0)
        return NULL;
    FtObject *r = b->raw == NULL ? (check_raw(b), NULL) : readline_unlocked(b, -1);
    buf_unlock(b);
    if (r != NULL && FT_SIZE(r) == 0) {
        FT_DECREF(r);
        return NULL;     /* StopIteration */
    }
    return r;
}

static FtObject *buffered_iter(FtObject *self) {
    Buffered *b = (Buffered *)self;
    if (check_closed(b, NULL) < 0)
        return NULL;
    return ft_newref(self);
}

static FtObject *buffered_write(FtObject *self, FtObject *arg) {
    Buffered *b = (Buffered *)self;
    if (!b->can_write)
        return unsupported("write");
    if (ft_str_check(arg))
        return ft_err_format(ft_exc_TypeError, "a bytes-like object is required, not 'str'");
    const char *data;
    ssize_t n;
    if (ft_bytes_like_get(arg, &data, &n) < 0)
        return NULL;
    if (buf_lock(b) < 0)
        return NULL;
    FtObject *res = NULL;
    /* the closed check costs a call into raw: made when the buffer is empty (writes that
     * only append to it cannot reach a closed file before the next flush checks again) */
    if (check_raw(b) < 0 || (b->wlen == 0 && check_closed(b, "write to closed file") < 0))
        goto out;
    if (b->rlen > 0 && drop_readahead(b) < 0)
        goto out;
    if (b->wlen + n < b->buffer_size) {
        memcpy(b->wbuf + b->wlen, data, (size_t)n);
        b->wlen += n;
        res = ft_int_from_ssize(n);
        goto out;
    }
    /* As CPython: flush what is buffered; data larger than the buffer goes straight to
     * the raw stream, the rest waits in the buffer. */
    if (b->wlen > 0 && flush_unlocked(b) < 0)
        goto out;
    if (n > b->buffer_size) {
        FtObject *chunk = ft_bytes_check(arg) ? ft_newref(arg) : ft_bytes_from_data(data, n);
        if (chunk == NULL)
            goto out;
        ssize_t done = 0;
        while (done < n) {
            FtObject *piece = done == 0 ? ft_newref(chunk)
                                        : ft_bytes_from_data(FT_BYTES_DATA(chunk) + done, n - done);
            FtObject *r = piece ? call1(b->raw, "write", piece) : NULL;
            FT_XDECREF(piece);
            ssize_t k = 0;
            if (r == NULL || r == FT_NONE || as_ssize(r, &k) < 0) {
                if (r == FT_NONE)
                    ft_err_format(ft_exc_BlockingIOError,
                                  "write could not complete without blocking");
                FT_XDECREF(r);
                FT_DECREF(chunk);
                goto out;
            }
            FT_DECREF(r);
            done += k;
        }
        FT_DECREF(chunk);
    } else {
        memcpy(b->wbuf, data, (size_t)n);
        b->wlen = n;
    }
    res = ft_int_from_ssize(n);
out:
    buf_unlock(b);
    return res;
}

static FtObject *buffered_flush(FtObject *self, FtObject *u) {
    Buffered *b = (Buffered *)self;
    if (buf_lock(b) < 0)
        return NULL;
    FtObject *res = NULL;
    if (check_closed(b, b->can_write ? "flush of closed file" : NULL) == 0 &&
        (b->wlen == 0 || flush_unlocked(b) == 0))
        res = ft_newref(FT_NONE);
    buf_unlock(b);
    return res;
}

static FtObject *buffered_tell(FtObject *self, FtObject *u) {
    Buffered *b = (Buffered *)self;
    if (buf_lock(b) < 0)
        return NULL;
    FtObject *res = NULL;
    if (check_raw(b) == 0) {
        int64_t pos = raw_tell(b);
        if (pos >= 0) {
            pos = pos - (b->rlen - b->rpos) + b->wlen;
            res = ft_int_from_i64(pos < 0 ? 0 : pos);
        }
    }
    buf_unlock(b);
    return res;
}

static FtObject *buffered_seek(FtObject *self, FtObject *const *args, ssize_t nargs) {
    Buffered *b = (Buffered *)self;
    if (ft_check_nargs("seek", nargs, 1, 2) < 0)
        return NULL;
    if (ft_float_check(args[0]))
        return ft_err_format(ft_exc_TypeError, "'float' object cannot be interpreted as an integer");
    ssize_t pos, whence = 0;
    if (as_ssize(args[0], &pos) < 0 || (nargs > 1 && as_ssize(args[1], &whence) < 0))
        return NULL;
    if (whence < 0 || whence > 4)    /* 3, 4: SEEK_DATA, SEEK_HOLE */
        return ft_err_format(ft_exc_ValueError, "whence value %zd unsupported", whence);
    if (buf_lock(b) < 0)
        return NULL;
    FtObject *res = NULL;
    if (check_closed(b, "seek of closed file") < 0)
        goto out;
    if (whence == 1 && b->wlen == 0) {
        /* a seek inside the read-ahead needs no system call */
        ssize_t target = b->rpos + pos;
        if (b->rlen > 0 && target >= 0 && target <= b->rlen) {
            int64_t rp = raw_tell(b);
            if (rp < 0)
                goto out;
            b->rpos = target;
            res = ft_int_from_i64(rp - (b->rlen - b->rpos));
            goto out;
        }
    }
    if (b->wlen > 0 && flush_unlocked(b) < 0)
        goto out;
    if (whence == 1)
        pos -= b->rlen - b->rpos;
    b->rpos = b->rlen = 0;
    int64_t r = raw_seek(b, pos, (int)whence);
    if (r >= 0)
        res = ft_int_from_i64(r);
out:
    buf_unlock(b);
    return res;
}

static FtObject *buffered_truncate(FtObject *self, FtObject *const *args, ssize_t nargs) {
    Buffered *b = (Buffered *)self;
    if (ft_check_nargs("truncate", nargs, 0, 1) < 0)
        return NULL;
    if (buf_lock(b) < 0)
        return NULL;
    FtObject *res = NULL;
    if (check_closed(b, "truncate of closed file") < 0)
        goto out;
    if (!b->can_write) {
        unsupported("truncate");
        goto out;
    }
    if (b->wlen > 0 && flush_unlocked(b) < 0)
        goto out;
    FtObject *pos;
    if (nargs == 0 || args[0] == FT_NONE) {
        int64_t p = raw_tell(b);
        if (p < 0)
            goto out;
        pos = ft_int_from_i64(p - (b->rlen - b->rpos));
        if (pos == NULL)
            goto out;
    } else {
        pos = ft_newref(args[0]);
    }
    if (b->rlen > 0 && drop_readahead(b) < 0) {
        FT_DECREF(pos);
        goto out;
    }
    res = call1(b->raw, "truncate", pos);
    FT_DECREF(pos);
out:
    buf_unlock(b);
    return res;
}

static FtObject *buffered_close(FtObject *self, FtObject *u) {
    Buffered *b = (Buffered *)self;
    if (buf_lock(b) < 0)
        return NULL;
    FtObject *res = NULL;
    if (check_raw(b) < 0)
        goto out;
    int c = raw_closed(b);
    if (c < 0)
        goto out;
    if (c) {
        res = ft_newref(FT_NONE);
        goto out;
    }
    FtObject *exc = NULL;
    if (b->wlen > 0 && flush_unlocked(b) < 0)
        exc = ft_err_fetch();
    b->rpos = b->rlen = 0;
    b->wlen = 0;
    b->closed_here = 1;
    res = call1(b->raw, "close", NULL);
    if (exc != NULL) {
        if (res == NULL) {
            FtObject *exc2 = ft_err_fetch();
            ft_exc_set_context(exc2, exc);
            ft_err_set_exc(exc2);
            FT_DECREF(exc2);
        } else {
            FT_CLEAR(res);
            ft_err_set_exc(exc);
            FT_DECREF(exc);
        }
    }
out:
    buf_unlock(b);
    return res;
}

static FtObject *buffered_detach(FtObject *self, FtObject *u) {
    Buffered *b = (Buffered *)self;
    if (buf_lock(b) < 0)
        return NULL;
    FtObject *res = NULL;
    if (check_closed(b, b->can_write ? "flush of closed file" : NULL) < 0)
        goto out;
    if (b->wlen > 0 && flush_unlocked(b) < 0)
        goto out;
    b->rpos = b->rlen = 0;
    res = b->raw;
    b->raw = NULL;
    b->buffer_size = -1;     /* "raw stream has been detached" from now on */
out:
    buf_unlock(b);
    return res;
}

/* fileno, isatty, readable, writable, seekable: the raw stream's answer */
static FtObject *delegate(FtObject *self, const char *name) {
    Buffered *b = (Buffered *)self;
    if (check_raw(b) < 0)
        return NULL;
    return call1(b->raw, name, NULL);
}
static FtObject *buffered_fileno(FtObject *s, FtObject *u) { return delegate(s, "fileno"); }
static FtObject *buffered_isatty(FtObject *s, FtObject *u) { return delegate(s, "isatty"); }
static FtObject *buffered_seekable(FtObject *s, FtObject *u) { return delegate(s, "seekable"); }
static FtObject *buffered_readable(FtObject *s, FtObject *u) {
    if (!((Buffered *)s)->can_read)
        return ft_newref(FT_FALSE);
    return delegate(s, "readable");
}
static FtObject *buffered_writable(FtObject *s, FtObject *u) {
    if (!((Buffered *)s)->can_write)
        return ft_newref(FT_FALSE);
    return delegate(s, "writable");
}

static FtObject *buffered_enter(FtObject *self, FtObject *u) {
    if (check_closed((Buffered *)self, NULL) < 0)
        return NULL;
    return ft_newref(self);
}

static FtObject *buffered_exit(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return buffered_close(self, NULL);
}

static FtObject *buffered_readlines(FtObject *self, FtObject *const *args, ssize_t nargs) {
    ssize_t hint;
    if (ft_check_nargs("readlines", nargs, 0, 1) < 0 || size_arg(args, nargs, -1, &hint) < 0)
        return NULL;
    FtObject *it = buffered_iter(self);
    if (it == NULL)
        return NULL;
    FT_DECREF(it);
    FtObject *lines = ft_list_new(0);
    if (lines == NULL)
        return NULL;
    ssize_t total = 0;
    for (;;) {
        FtObject *line = buffered_iternext(self);
        if (line == NULL) {
            if (ft_err_occurred()) {
                FT_DECREF(lines);
                return NULL;
            }
            break;
        }
        total += FT_SIZE(line);
        int rc = ft_list_append(lines, line);
        FT_DECREF(line);
        if (rc < 0) {
            FT_DECREF(lines);
            return NULL;
        }
        if (hint > 0 && total >= hint)
            break;
    }
    return lines;
}

static FtObject *buffered_writelines(FtObject *self, FtObject *arg) {
    if (check_closed((Buffered *)self, NULL) < 0)
        return NULL;
    FtObject *it = ft_object_getiter(arg);
    if (it == NULL)
        return NULL;
    FtObject *item;
    while ((item = ft_iter_next(it)) != NULL) {
        FtObject *r = buffered_write(self, item);
        FT_DECREF(item);
        if (r == NULL) {
            FT_DECREF(it);
            return NULL;
        }
        FT_DECREF(r);
    }
    FT_DECREF(it);
    if (ft_err_occurred())
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *buffered_getstate(FtObject *self, FtObject *u) {
    return ft_err_format(ft_exc_TypeError, "cannot pickle '%s' object",
                         ft_type_short_name(FT_TYPE(self)));
}

static FtObject *get_raw(FtObject *self, void *c) {
    Buffered *b = (Buffered *)self;
    if (b->raw == NULL)
        FT_RETURN_NONE;
    return ft_newref(b->raw);
}

static FtObject *get_closed(FtObject *self, void *c) {
    Buffered *b = (Buffered *)self;
    if (check_raw(b) < 0)
        return NULL;
    return ft_object_getattr_cstr(b->raw, "closed");
}

static FtObject *get_name(FtObject *self, void *c) {
    Buffered *b = (Buffered *)self;
    if (check_raw(b) < 0)
        return NULL;
    return ft_object_getattr_cstr(b->raw, "name");
}

static FtObject *get_mode(FtObject *self, void *c) {
    Buffered *b = (Buffered *)self;
    if (check_raw(b) < 0)
        return NULL;
    return ft_object_getattr_cstr(b->raw, "mode");
}

static FtObject *get_dict(FtObject *self, void *c) {
    Buffered *b = (Buffered *)self;
    if (b->dict == NULL && (b->dict = ft_dict_new()) == NULL)
        return NULL;
    return ft_newref(b->dict);
}

static FtObject *buffered_repr(FtObject *self) {
    Buffered *b = (Buffered *)self;
    FtObject *name = b->raw ? ft_object_getattr_cstr(b->raw, "name") : NULL;
    if (name == NULL) {
        if (b->raw != NULL && !ft_err_matches(ft_exc_AttributeError) &&
            !ft_err_matches(ft_exc_ValueError))
            return NULL;
        ft_err_clear();
        return ft_str_from_format("<_io.%s>", ft_type_short_name(FT_TYPE(self)));
    }
    FtObject *r = ft_str_from_format("<_io.%s name=%R>", ft_type_short_name(FT_TYPE(self)), name);
    FT_DECREF(name);
    return r;
}

static int buffered_init(FtObject *self, FtObject *args, FtObject *kwargs) {
    Buffered *b = (Buffered *)self;
    ssize_t nargs = FT_SIZE(args);
    FtObject *raw = nargs > 0 ? ((FtTuple *)args)->items[0] : NULL;
    FtObject *bs = nargs > 1 ? ((FtTuple *)args)->items[1] : NULL;
    const char *fname = ft_type_is_subtype(FT_TYPE(self), &buffered_reader_type) ? "BufferedReader"
                        : ft_type_is_subtype(FT_TYPE(self), &buffered_writer_type) ? "BufferedWriter"
                        : "BufferedRandom";
    if (nargs > 2) {
        ft_err_format(ft_exc_TypeError, "%s() takes at most 2 arguments (%zd given)", fname, nargs);
        return -1;
    }
    if (kwargs != NULL) {
        FtObject *v = ft_dict_get_cstr(kwargs, "raw");
        if (v != NULL)
            raw = v;
        v = ft_dict_get_cstr(kwargs, "buffer_size");
        if (v != NULL)
            bs = v;
    }
    if (raw == NULL) {
        ft_err_format(ft_exc_TypeError, "%s() missing required argument 'raw' (pos 1)", fname);
        return -1;
    }
    ssize_t size = 8192;
    if (bs != NULL && as_ssize(bs, &size) < 0)
        return -1;
    if (size <= 0) {
        ft_err_set_string(ft_exc_ValueError, "buffer size must be strictly positive");
        return -1;
    }
    int can_read = FT_TYPE(self) != &buffered_writer_type &&
                   !ft_type_is_subtype(FT_TYPE(self), &buffered_writer_type);
    int can_write = !ft_type_is_subtype(FT_TYPE(self), &buffered_reader_type);
    const char *checks[2] = {can_read ? "readable" : NULL, can_write ? "writable" : NULL};
    for (int i = 0; i < 2; i++) {
        if (checks[i] == NULL)
            continue;
        FtObject *r = call1(raw, checks[i], NULL);
        if (r == NULL)
            return -1;
        int ok = ft_object_is_true(r);
        FT_DECREF(r);
        if (ok < 0)
            return -1;
        if (!ok) {
            ft_err_format(ft_exc_OSError, "\"raw\" argument must be %s.", checks[i]);
            return -1;
        }
    }
    if (buf_lock(b) < 0)
        return -1;
    char *rb = can_read ? malloc((size_t)size) : NULL;
    char *wb = can_write ? malloc((size_t)size) : NULL;
    if ((can_read && rb == NULL) || (can_write && wb == NULL)) {
        free(rb);
        free(wb);
        buf_unlock(b);
        ft_err_set_none(ft_exc_MemoryError);
        return -1;
    }
    free(b->rbuf);
    free(b->wbuf);
    b->rbuf = rb;
    b->wbuf = wb;
    b->rpos = b->rlen = b->wlen = 0;
    b->buffer_size = size;
    b->can_read = can_read;
    b->can_write = can_write;
    FtObject *old = b->raw;
    b->raw = ft_newref(raw);
    buf_unlock(b);
    FT_XDECREF(old);
    if (can_write)
        writers_add(b);
    return 0;
}

static FtObject *buffered_new(FtType *type, FtObject *args, FtObject *kwargs) {
    Buffered *b = (Buffered *)type->tp_alloc(type, 0);
    if (b == NULL)
        return NULL;
    pthread_mutex_init(&b->mu, NULL);
    if (!ft_gc_is_tracked((FtObject *)b))
        ft_gc_track((FtObject *)b);
    return (FtObject *)b;
}

static int buffered_traverse(FtObject *self, ft_visitproc visit, void *arg) {
    Buffered *b = (Buffered *)self;
    int r;
    if (b->raw != NULL && (r = visit(b->raw, arg)) != 0)
        return r;
    if (b->dict != NULL && (r = visit(b->dict, arg)) != 0)
        return r;
    return 0;
}

static int buffered_clear(FtObject *self) {
    Buffered *b = (Buffered *)self;
    FT_CLEAR(b->raw);
    FT_CLEAR(b->dict);
    return 0;
}

/* PEP 442: an unclosed buffered object flushes and closes its raw stream when it dies. */
static void buffered_finalize(FtObject *self) {
    Buffered *b = (Buffered *)self;
    if (b->raw == NULL || b->closed_here)
        return;
    FtObject *saved = ft_err_fetch();
    int c = raw_closed(b);
    if (c == 0) {
        FtObject *r = buffered_close(self, NULL);
        FT_XDECREF(r);
    }
    ft_err_clear();
    if (saved != NULL) {
        ft_err_set_exc(saved);
        FT_DECREF(saved);
    }
}

static void buffered_dealloc(FtObject *self) {
    Buffered *b = (Buffered *)self;
    ft_gc_untrack(self);
    if (b->raw != NULL && !b->closed_here && FT_TYPE(self)->tp_dealloc == buffered_dealloc &&
        ft_gc_finalize_once(self)) {
        FT_INCREF(self);       /* resurrect while close() runs */
        buffered_finalize(self);
        if (FT_REFCNT(self) > 1) {
            ft_gc_track(self);
            FT_DECREF(self);
            return;
        }
    }
    writers_remove(b);
    FT_CLEAR(b->raw);
    FT_CLEAR(b->dict);
    free(b->rbuf);
    free(b->wbuf);
    pthread_mutex_destroy(&b->mu);
    FtType *t = FT_TYPE(self);
    t->tp_free(self);
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(t);
}

static FtMethodDef buffered_methods[] = {
    {"read", (void *)buffered_read, FT_METH_FASTCALL, NULL},
    {"read1", (void *)buffered_read1, FT_METH_FASTCALL, NULL},
    {"peek", (void *)buffered_peek, FT_METH_FASTCALL, NULL},
    {"readinto", (void *)buffered_readinto, FT_METH_O, NULL},
    {"readinto1", (void *)buffered_readinto1, FT_METH_O, NULL},
    {"readline", (void *)buffered_readline, FT_METH_FASTCALL, NULL},
    {"readlines", (void *)buffered_readlines, FT_METH_FASTCALL, NULL},
    {"write", (void *)buffered_write, FT_METH_O, NULL},
    {"writelines", (void *)buffered_writelines, FT_METH_O, NULL},
    {"flush", (void *)buffered_flush, FT_METH_NOARGS, NULL},
    {"seek", (void *)buffered_seek, FT_METH_FASTCALL, NULL},
    {"tell", (void *)buffered_tell, FT_METH_NOARGS, NULL},
    {"truncate", (void *)buffered_truncate, FT_METH_FASTCALL, NULL},
    {"close", (void *)buffered_close, FT_METH_NOARGS, NULL},
    {"detach", (void *)buffered_detach, FT_METH_NOARGS, NULL},
    {"fileno", (void *)buffered_fileno, FT_METH_NOARGS, NULL},
    {"isatty", (void *)buffered_isatty, FT_METH_NOARGS, NULL},
    {"readable", (void *)buffered_readable, FT_METH_NOARGS, NULL},
    {"writable", (void *)buffered_writable, FT_METH_NOARGS, NULL},
    {"seekable", (void *)buffered_seekable, FT_METH_NOARGS, NULL},
    {"__enter__", (void *)buffered_enter, FT_METH_NOARGS, NULL},
    {"__exit__", (void *)buffered_exit, FT_METH_FASTCALL, NULL},
    {"__getstate__", (void *)buffered_getstate, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static FtGetSetDef buffered_getset[] = {
    {"raw", get_raw, NULL, NULL, NULL},
    {"closed", get_closed, NULL, NULL, NULL},
    {"name", get_name, NULL, NULL, NULL},
    {"mode", get_mode, NULL, NULL, NULL},
    {"__dict__", get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

#define BUFFERED_TYPE(var, name)                                                           \
    static FtType var = {                                                                  \
        .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},                                   \
        .tp_name = "_io." name,                                                            \
        .tp_basicsize = sizeof(Buffered),                                                  \
        .tp_dealloc = buffered_dealloc,                                                    \
        .tp_repr = buffered_repr,                                                          \
        .tp_getattro = ft_object_generic_getattr,                                          \
        .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,                              \
        .tp_traverse = buffered_traverse,                                                  \
        .tp_clear = buffered_clear,                                                        \
        .tp_finalize = buffered_finalize,                                                  \
        .tp_iter = buffered_iter,                                                          \
        .tp_iternext = buffered_iternext,                                                  \
        .tp_methods = buffered_methods,                                                    \
        .tp_getset = buffered_getset,                                                      \
        .tp_dictoffset = offsetof(Buffered, dict),                                         \
        .tp_init = buffered_init,                                                          \
        .tp_new = buffered_new,                                                            \
    }
BUFFERED_TYPE(buffered_reader_type, "BufferedReader");
BUFFERED_TYPE(buffered_writer_type, "BufferedWriter");
BUFFERED_TYPE(buffered_random_type, "BufferedRandom");

/* ==== _TextIOBase: the hot paths of io.TextIOWrapper ===================================== */

/* io.TextIOWrapper (io.py) derives from this C base, which holds the state its per-line and
 * per-write paths use (as the members _buffer, _text, _tpos...) and implements those paths:
 * iteration over lines that are already decoded, and write(). Everything else - decoding
 * chunks, newline modes, tell/seek - stays in Python and calls back in through methods. */
typedef struct TextBase {
    FtObject ob_base;
    FtObject *buffer;     /* _buffer: None when detached */
    FtObject *text;       /* _text: decoded (translated) text of the current chunk */
    ssize_t tpos;         /* _tpos: next code point of _text */
    FtObject *pending;    /* _pending: undecoded bytes held back */
    FtObject *codec;      /* _codec: normalised encoding name */
    FtObject *errors;     /* _errors */
    FtObject *writenl;    /* _writenl */
    char fastnl;          /* _fastnl: lines end at '\n' in _text */
    char writable;        /* _writable */
    char nltranslate;     /* _nltranslate: write() turns '\n' into _writenl */
    char line_buffering;  /* _line_buffering */
    char write_through;   /* _write_through */
    FtObject *dict;
    pthread_mutex_t mu;   /* recursive; guards the object fields above and tpos: Python code
                             reaches them through getters/setters that take it, so a thread
                             never uses a field that another one is replacing. The Python
                             slow paths hold it too (_acquire/_release), which makes each
                             read/readline/seek/tell atomic, as CPython's critical sections */
} TextBase;

static FtType text_base_type;

static FtObject *xref(FtObject *o) {
    if (o != NULL)
        FT_INCREF(o);
    return o;
}

/* Waiting threads wait detached: the holder may be in a system call or a stop-the-world. */
static void text_lock(TextBase *t) {
    if (pthread_mutex_trylock(&t->mu) != 0) {
        FtThreadState *ts = ft_tstate_get();
        FT_BLOCKING(ts, pthread_mutex_lock(&t->mu));
    }
}

static void text_unlock(TextBase *t) { pthread_mutex_unlock(&t->mu); }

static FtObject *text_get_field(FtObject *self, void *closure) {
    TextBase *t = (TextBase *)self;
    text_lock(t);
    FtObject *v = *(FtObject **)((char *)self + (size_t)closure);
    v = ft_newref(v ? v : FT_NONE);
    text_unlock(t);
    return v;
}

static int text_set_field(FtObject *self, FtObject *value, void *closure) {
    TextBase *t = (TextBase *)self;
    FtObject **addr = (FtObject **)((char *)self + (size_t)closure);
    text_lock(t);
    FtObject *old = *addr;
    *addr = value ? ft_newref(value) : NULL;
    text_unlock(t);
    FT_XDECREF(old);
    return 0;
}

static FtObject *text_get_tpos(FtObject *self, void *closure) {
    TextBase *t = (TextBase *)self;
    text_lock(t);
    ssize_t v = t->tpos;
    text_unlock(t);
    return ft_int_from_ssize(v);
}

static int text_set_tpos(FtObject *self, FtObject *value, void *closure) {
    TextBase *t = (TextBase *)self;
    ssize_t v;
    if (value == NULL) {
        ft_err_set_string(ft_exc_TypeError, "can't delete numeric/char attribute");
        return -1;
    }
    if (as_ssize(value, &v) < 0)
        return -1;
    text_lock(t);
    t->tpos = v;
    text_unlock(t);
    return 0;
}

/* Index of the first '\n' in s at or after start, -1 if none. */
static ssize_t find_nl(FtObject *s, ssize_t start) {
    FtStr *u = (FtStr *)s;
    ssize_t n = FT_STR_LEN(s);
    if (start >= n)
        return -1;
    if (u->kind == 1) {
        const char *d = (const char *)(u + 1);
        const char *p = memchr(d + start, '\n', (size_t)(n - start));
        return p ? p - d : -1;
    }
    for (ssize_t i = start; i < n; i++)
        if (ft_str_read(s, i) == '\n')
            return i;
    return -1;
}

static FtObject *text_iternext(FtObject *self) {
    TextBase *t = (TextBase *)self;
    text_lock(t);
    FtObject *text = t->text;
    if (t->fastnl && text != NULL && ft_str_check(text)) {
        ssize_t pos = t->tpos;
        ssize_t i = pos >= 0 ? find_nl(text, pos) : -1;
        if (i >= 0) {
            FtObject *line = ft_str_substring(text, pos, i + 1);
            if (line != NULL)
                t->tpos = i + 1;
            text_unlock(t);
            return line;
        }
    }
    text_unlock(t);
    FtObject *line = ft_object_call_method_cstr(self, "_readline", NULL, 0);
    if (line == NULL)
        return NULL;
    if (!ft_str_check(line)) {
        ft_err_format(ft_exc_OSError, "readline() should have returned a str object, not '%s'",
                      ft_type_short_name(FT_TYPE(line)));
        FT_DECREF(line);
        return NULL;
    }
    if (FT_STR_LEN(line) == 0) {
        FT_DECREF(line);
        return NULL;     /* StopIteration */
    }
    return line;
}

/* readline(size=-1): a line already decoded, else the Python slow path (_readline) */
static FtObject *text_readline(FtObject *self, FtObject *const *args, ssize_t nargs) {
    TextBase *t = (TextBase *)self;
    if (ft_check_nargs("readline", nargs, 0, 1) < 0)
        return NULL;
    if (nargs == 0 || args[0] == FT_NONE) {
        text_lock(t);
        FtObject *text = t->text;
        if (t->fastnl && text != NULL && ft_str_check(text)) {
            ssize_t pos = t->tpos;
            ssize_t i = pos >= 0 ? find_nl(text, pos) : -1;
            if (i >= 0) {
                FtObject *line = ft_str_substring(text, pos, i + 1);
                if (line != NULL)
                    t->tpos = i + 1;
                text_unlock(t);
                return line;
            }
        }
        text_unlock(t);
    }
    return ft_object_call_method_cstr(self, "_readline", args, nargs);
}

static FtObject *text_acquire(FtObject *self, FtObject *u) {
    text_lock((TextBase *)self);
    FT_RETURN_NONE;
}

static FtObject *text_release(FtObject *self, FtObject *u) {
    text_unlock((TextBase *)self);
    FT_RETURN_NONE;
}

static FtObject *text_iter(FtObject *self) {
    FtObject *r = ft_object_call_method_cstr(self, "_check", NULL, 0);
    if (r == NULL)
        return NULL;
    FT_DECREF(r);
    return ft_newref(self);
}

/* 1 when s contains the code point c */
static int str_has(FtObject *s, uint32_t c) {
    ssize_t n = FT_STR_LEN(s);
    if (((FtStr *)s)->kind == 1)
        return memchr(FT_STR_DATA(s), (int)c, (size_t)n) != NULL;
    for (ssize_t i = 0; i < n; i++)
        if (ft_str_read(s, i) == c)
            return 1;
    return 0;
}

static FtObject *text_write(FtObject *self, FtObject *s) {
    TextBase *t = (TextBase *)self;
    /* take the fields under the lock, use them after */
    text_lock(t);
    FtObject *b = t->buffer == FT_NONE ? NULL : xref(t->buffer);
    FtObject *codec = xref(t->codec), *errors = xref(t->errors);
    FtObject *writenl = xref(t->writenl);
    int readahead = (t->text != NULL && ft_str_check(t->text) && FT_STR_LEN(t->text) > 0) ||
                    (t->pending != NULL && ft_bytes_check(t->pending) && FT_SIZE(t->pending) > 0);
    text_unlock(t);
    FtObject *res = NULL, *data = NULL;
    FT_INCREF(s);
    int closed = 1;
    if (b != NULL) {
        FtObject *c = ft_object_getattr_cstr(b, "closed");
        if (c == NULL)
            goto out;
        closed = ft_object_is_true(c);
        FT_DECREF(c);
        if (closed < 0)
            goto out;
    }
    if (closed) {     /* the Python check raises the right error */
        FtObject *r = ft_object_call_method_cstr(self, "_check", NULL, 0);
        if (r == NULL)
            goto out;
        FT_DECREF(r);
        if (b == NULL) {
            ft_err_set_string(ft_exc_ValueError, "underlying buffer has been detached");
            goto out;
        }
    }
    if (!ft_str_check(s)) {
        ft_err_format(ft_exc_TypeError, "write() argument must be str, not %s",
                      ft_type_short_name(FT_TYPE(s)));
        goto out;
    }
    if (!t->writable) {
        unsupported("not writable");
        goto out;
    }
    ssize_t length = FT_STR_LEN(s);
    if (t->nltranslate && writenl != NULL && str_has(s, '\n')) {
        FtObject *args[2] = {ft_str_from_char('\n'), writenl};
        FtObject *r = args[0] ? ft_object_call_method_cstr(s, "replace", args, 2) : NULL;
        FT_XDECREF(args[0]);
        if (r == NULL)
            goto out;
        FT_DECREF(s);
        s = r;
    }
    if (readahead) {
        FtObject *r = ft_object_call_method_cstr(self, "_rewind_readahead", &b, 1);
        if (r == NULL)
            goto out;
        FT_DECREF(r);
    }
    if (((FtStr *)s)->ascii && codec != NULL && ft_str_check(codec) &&
        (ft_str_eq_cstr(codec, "utf-8") || ft_str_eq_cstr(codec, "latin-1") ||
         ft_str_eq_cstr(codec, "ascii"))) {
        data = ft_bytes_from_data(FT_STR_DATA(s), FT_STR_LEN(s));   /* ASCII: as is */
    } else {
        FtObject *args[2] = {codec ? codec : FT_NONE, errors ? errors : FT_NONE};
        data = ft_object_call_method_cstr(s, "encode", args, 2);
    }
    if (data == NULL)
        goto out;
    FtType *bt = FT_TYPE(b);
    FtObject *r = (bt == &buffered_writer_type || bt == &buffered_random_type)
                      ? buffered_write(b, data)
                      : ft_object_call_method_cstr(b, "write", &data, 1);
    if (r == NULL)
        goto out;
    FT_DECREF(r);
    if ((t->line_buffering && (str_has(s, '\n') || str_has(s, '\r'))) ||
        (!t->line_buffering && t->write_through)) {
        r = ft_object_call_method_cstr(b, "flush", NULL, 0);
        if (r == NULL)
            goto out;
        FT_DECREF(r);
    }
    res = ft_int_from_ssize(length);
out:
    FT_XDECREF(data);
    FT_DECREF(s);
    FT_XDECREF(b);
    FT_XDECREF(codec);
    FT_XDECREF(errors);
    FT_XDECREF(writenl);
    return res;
}

static int text_traverse(FtObject *self, ft_visitproc visit, void *arg) {
    TextBase *t = (TextBase *)self;
    FtObject *fields[] = {t->buffer, t->text, t->pending, t->codec, t->errors, t->writenl,
                          t->dict};
    for (size_t i = 0; i < sizeof fields / sizeof fields[0]; i++) {
        int r;
        if (fields[i] != NULL && (r = visit(fields[i], arg)) != 0)
            return r;
    }
    return 0;
}

static int text_clear(FtObject *self) {
    TextBase *t = (TextBase *)self;
    FT_CLEAR(t->buffer);
    FT_CLEAR(t->text);
    FT_CLEAR(t->pending);
    FT_CLEAR(t->codec);
    FT_CLEAR(t->errors);
    FT_CLEAR(t->writenl);
    FT_CLEAR(t->dict);
    return 0;
}

static void text_dealloc(FtObject *self) {
    ft_gc_untrack(self);
    text_clear(self);
    pthread_mutex_destroy(&((TextBase *)self)->mu);
    FtType *t = FT_TYPE(self);
    t->tp_free(self);
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(t);
}

static FtObject *text_new(FtType *type, FtObject *args, FtObject *kwargs) {
    TextBase *t = (TextBase *)type->tp_alloc(type, 0);
    if (t == NULL)
        return NULL;
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&t->mu, &attr);
    pthread_mutexattr_destroy(&attr);
    if (!ft_gc_is_tracked((FtObject *)t))
        ft_gc_track((FtObject *)t);
    return (FtObject *)t;
}

static FtObject *text_get_dict(FtObject *self, void *c) {
    TextBase *t = (TextBase *)self;
    if (t->dict == NULL && (t->dict = ft_dict_new()) == NULL)
        return NULL;
    return ft_newref(t->dict);
}

static FtMethodDef text_methods[] = {
    {"write", (void *)text_write, FT_METH_O, NULL},
    {"readline", (void *)text_readline, FT_METH_FASTCALL, NULL},
    {"_acquire", (void *)text_acquire, FT_METH_NOARGS, NULL},
    {"_release", (void *)text_release, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static FtMemberDef text_members[] = {
    {"_fastnl", FT_T_BOOL, offsetof(TextBase, fastnl), 0, NULL},
    {"_writable", FT_T_BOOL, offsetof(TextBase, writable), 0, NULL},
    {"_nltranslate", FT_T_BOOL, offsetof(TextBase, nltranslate), 0, NULL},
    {"_line_buffering", FT_T_BOOL, offsetof(TextBase, line_buffering), 0, NULL},
    {"_write_through", FT_T_BOOL, offsetof(TextBase, write_through), 0, NULL},
    {NULL, 0, 0, 0, NULL},
};

#define TEXT_FIELD(name, field) \
    {name, text_get_field, text_set_field, NULL, (void *)offsetof(TextBase, field)}
static FtGetSetDef text_getset[] = {
    TEXT_FIELD("_buffer", buffer),
    TEXT_FIELD("_text", text),
    TEXT_FIELD("_pending", pending),
    TEXT_FIELD("_codec", codec),
    TEXT_FIELD("_errors", errors),
    TEXT_FIELD("_writenl", writenl),
    {"_tpos", text_get_tpos, text_set_tpos, NULL, NULL},
    {"__dict__", text_get_dict, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static FtType text_base_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "_io._TextIOBase",
    .tp_basicsize = sizeof(TextBase),
    .tp_dealloc = text_dealloc,
    .tp_getattro = ft_object_generic_getattr,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,
    .tp_traverse = text_traverse,
    .tp_clear = text_clear,
    .tp_iter = text_iter,
    .tp_iternext = text_iternext,
    .tp_methods = text_methods,
    .tp_members = text_members,
    .tp_getset = text_getset,
    .tp_dictoffset = offsetof(TextBase, dict),
    .tp_new = text_new,
};

/* At exit: write out what every buffered writer still holds (errors are ignored, as
 * CPython's at-exit flush of unreferenced files). */
void ft_io_flush_all(void) {
    pthread_mutex_lock(&writers_mu);
    for (Buffered *b = writers; b != NULL; b = b->next) {
        if (b->raw == NULL || b->wlen == 0 || pthread_mutex_trylock(&b->mu) != 0)
            continue;
        FtObject *saved = ft_err_fetch();
        if (b->raw != NULL && b->wlen > 0 && flush_unlocked(b) < 0)
            ft_err_clear();
        if (saved != NULL) {
            ft_err_set_exc(saved);
            FT_DECREF(saved);
        }
        pthread_mutex_unlock(&b->mu);
    }
    pthread_mutex_unlock(&writers_mu);
}

static int io_exec(FtObject *m) {
    FtType *types[] = {&buffered_reader_type, &buffered_writer_type, &buffered_random_type,
                       &text_base_type};
    for (int i = 0; i < 4; i++) {
        if (!(types[i]->tp_flags & FT_TPFLAGS_READY) && ft_type_ready(types[i]) < 0)
            return -1;
        if (ft_module_add_object(m, ft_type_short_name(types[i]), ft_newref((FtObject *)types[i])) < 0)
            return -1;
    }
    return 0;
}

FtModuleDef ft_io_module_def = {
    .name = "_io",
    .doc = "System-call layer and buffered streams of the io module.",
    .methods = io_methods,
    .exec = io_exec,
};
