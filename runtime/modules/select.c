/* The select module (ft_select_module_def): select.select() over poll(2) (no FD_SETSIZE
 * limit), select.poll objects (register / modify / unregister / poll) and select.epoll.
 * Every wait runs detached from the interpreter; EINTR runs the signal handlers and retries
 * with the remaining time (PEP 475). */
#define _GNU_SOURCE
#include "runtime/import.h"
#include "runtime/tstate.h"
#include "core/vm/vmtypes.h"
#include "locking/strategy.h"
#include <errno.h>
#include <math.h>
#include <poll.h>
#include <string.h>
#include <sys/epoll.h>
#include <time.h>
#include <unistd.h>

static double now_mono(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int check_signals(FtThreadState *ts) {
    uint32_t bits = __atomic_load_n(&ts->eval_breaker, __ATOMIC_RELAXED);
    if ((bits & (LK_BREAK_SIGNAL | LK_BREAK_ASYNC_EXC)) && ft_vm_pending_hook)
        return ft_vm_pending_hook(ts);
    return 0;
}

static FtObject *set_errno(int err) {
    errno = err;
    return ft_err_set_from_errno(ft_exc_OSError);
}

/* An int, or an object with fileno() (CPython's PyObject_AsFileDescriptor). */
static int fd_of(FtObject *o) {
    FtObject *i;
    if (ft_int_check(o)) {
        i = ft_newref(o);
    } else {
        FtObject *meth;
        int r = ft_object_lookup_attr(o, FT_ID(fileno), &meth);
        if (r < 0)
            return -1;
        if (r == 0) {
            ft_err_set_string(ft_exc_TypeError,
                              "argument must be an int, or have a fileno() method.");
            return -1;
        }
        i = ft_object_call_noargs(meth);
        FT_DECREF(meth);
        if (i == NULL)
            return -1;
        if (!ft_int_check(i)) {
            ft_err_set_string(ft_exc_TypeError, "fileno() returned a non-integer");
            FT_DECREF(i);
            return -1;
        }
    }
    int overflow = 0;
    int64_t v = ft_int_as_i64(i, &overflow);
    FT_DECREF(i);
    if (overflow || v > INT32_MAX || v < INT32_MIN) {
        ft_err_set_string(ft_exc_OverflowError, "Python int too large to convert to C int");
        return -1;
    }
    if (v < 0) {
        ft_err_format(ft_exc_ValueError,
                      "file descriptor cannot be a negative integer (%d)", (int)v);
        return -1;
    }
    return (int)v;
}

/* Run poll() detached, retrying on EINTR with the time left. timeout_ms < 0: forever. */
static int do_poll(struct pollfd *fds, nfds_t n, int timeout_ms) {
    FtThreadState *ts = ft_tstate_get();
    double deadline = timeout_ms >= 0 ? now_mono() + timeout_ms / 1000.0 : -1.0;
    for (;;) {
        int r, err;
        FT_BLOCKING(ts, r = poll(fds, n, timeout_ms); err = errno);
        if (r >= 0)
            return r;
        if (err != EINTR) {
            set_errno(err);
            return -1;
        }
        if (check_signals(ts) < 0)
            return -1;
        if (deadline >= 0) {
            double left = deadline - now_mono();
            timeout_ms = left <= 0 ? 0 : (int)ceil(left * 1000.0);
        }
    }
}

/* ---- select.select ----------------------------------------------------------------------- */

typedef struct {
    FtObject *obj;  /* borrowed from the list copy */
    int fd;
} Entry;

static FtObject *seq_to_list(FtObject *o, const char *what) {
    FtObject *l = ft_sequence_list(o);
    if (l == NULL && ft_err_matches(ft_exc_TypeError)) {
        ft_err_clear();
        ft_err_set_string(ft_exc_TypeError, what);
    }
    return l;
}

static FtObject *select_select(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("select", nargs, 3, 4) < 0)
        return NULL;
    int timeout_ms = -1;
    if (nargs == 4 && args[3] != FT_NONE) {
        double t = ft_float_as_double(args[3]);
        if (t == -1.0 && ft_err_occurred()) {
            if (ft_err_matches(ft_exc_TypeError)) {
                ft_err_clear();
                ft_err_set_string(ft_exc_TypeError, "timeout must be a float or None");
            }
            return NULL;
        }
        if (t < 0) {
            ft_err_set_string(ft_exc_ValueError, "timeout must be non-negative");
            return NULL;
        }
        timeout_ms = t * 1000.0 > INT32_MAX ? INT32_MAX : (int)ceil(t * 1000.0);
    }
    FtObject *lists[3] = {NULL, NULL, NULL};
    FtObject *result = NULL;
    struct pollfd *pfds = NULL;
    Entry *ents = NULL;
    ssize_t total = 0;
    for (int k = 0; k < 3; k++) {
        lists[k] = seq_to_list(args[k], "arguments 1-3 must be sequences");
        if (lists[k] == NULL)
            goto done;
        total += FT_SIZE(lists[k]);
    }
    pfds = ft_mem_alloc(sizeof *pfds * (size_t)(total ? total : 1));
    ents = ft_mem_alloc(sizeof *ents * (size_t)(total ? total : 1));
    if (pfds == NULL || ents == NULL) {
        ft_err_no_memory();
        goto done;
    }
    ssize_t j = 0;
    static const short ev[3] = {POLLIN, POLLOUT, POLLPRI};
    for (int k = 0; k < 3; k++) {
        for (ssize_t i = 0; i < FT_SIZE(lists[k]); i++, j++) {
            FtObject *o = FT_LIST_ITEMS(lists[k])[i];
            int fd = fd_of(o);
            if (fd < 0)
                goto done;
            ents[j].obj = o;
            ents[j].fd = fd;
            pfds[j].fd = fd;
            pfds[j].events = ev[k];
            pfds[j].revents = 0;
        }
    }
    if (do_poll(pfds, (nfds_t)total, timeout_ms) < 0)
        goto done;
    for (ssize_t i = 0; i < total; i++) {
        if (pfds[i].revents & POLLNVAL) {
            set_errno(EBADF);
            goto done;
        }
    }
    result = ft_tuple_new(3);
    if (result == NULL)
        goto done;
    j = 0;
    for (int k = 0; k < 3; k++) {
        FtObject *out = ft_list_new(0);
        if (out == NULL) {
            FT_CLEAR(result);
            goto done;
        }
        FT_TUPLE_SET(result, k, out);
        short want = k == 0 ? (POLLIN | POLLHUP | POLLERR) : k == 1 ? (POLLOUT | POLLERR)
                                                                    : POLLPRI;
        for (ssize_t i = 0; i < FT_SIZE(lists[k]); i++, j++) {
            if ((pfds[j].revents & want) && ft_list_append(out, ents[j].obj) < 0) {
                FT_CLEAR(result);
                goto done;
            }
        }
    }
done:
    ft_mem_free(pfds);
    ft_mem_free(ents);
    for (int k = 0; k < 3; k++)
        FT_XDECREF(lists[k]);
    return result;
}

/* ---- select.poll ------------------------------------------------------------------------- */

/* The registered descriptors live in a dict fd -> events (as in CPython); a poll() call
 * builds the pollfd array from it. `polling` stops concurrent use, as CPython does. */
typedef struct PollObject {
    FtObject ob_base;
    FtObject *fds;  /* dict int -> int */
    int polling;
} PollObject;

static FtType poll_type;

static int events_arg(FtObject *o, unsigned short *out) {
    FtObject *i = ft_number_index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    int64_t v = ft_int_as_i64(i, &overflow);
    FT_DECREF(i);
    if (overflow || v < 0 || v > 0xffff) {
        ft_err_set_string(ft_exc_OverflowError,
                          v < 0 ? "can't convert negative int to unsigned"
                                : "Python int too large for C unsigned short");
        return -1;
    }
    *out = (unsigned short)v;
    return 0;
}

static FtObject *poll_register(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("register", nargs, 1, 2) < 0)
        return NULL;
    PollObject *p = (PollObject *)self;
    int fd = fd_of(args[0]);
    if (fd < 0)
        return NULL;
    unsigned short ev = POLLIN | POLLPRI | POLLOUT;
    if (nargs > 1 && events_arg(args[1], &ev) < 0)
        return NULL;
    FtObject *k = ft_int_from_i64(fd), *v = ft_int_from_i64(ev);
    int r = k && v ? ft_dict_set(p->fds, k, v) : -1;
    FT_XDECREF(k);
    FT_XDECREF(v);
    if (r < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *poll_modify(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("modify", nargs, 2, 2) < 0)
        return NULL;
    PollObject *p = (PollObject *)self;
    int fd = fd_of(args[0]);
    if (fd < 0)
        return NULL;
    unsigned short ev;
    if (events_arg(args[1], &ev) < 0)
        return NULL;
    FtObject *k = ft_int_from_i64(fd);
    if (k == NULL)
        return NULL;
    int has = ft_dict_contains(p->fds, k);
    if (has <= 0) {
        FT_DECREF(k);
        if (has == 0)
            set_errno(ENOENT);
        return NULL;
    }
    FtObject *v = ft_int_from_i64(ev);
    int r = v ? ft_dict_set(p->fds, k, v) : -1;
    FT_DECREF(k);
    FT_XDECREF(v);
    if (r < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *poll_unregister(FtObject *self, FtObject *arg) {
    PollObject *p = (PollObject *)self;
    int fd = fd_of(arg);
    if (fd < 0)
        return NULL;
    FtObject *k = ft_int_from_i64(fd);
    if (k == NULL)
        return NULL;
    int r = ft_dict_del(p->fds, k);
    FT_DECREF(k);
    if (r < 0)
        return NULL;
    FT_RETURN_NONE;
}

/* poll([timeout]) -> list of (fd, events); timeout in milliseconds, None/negative = forever */
static FtObject *poll_poll(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("poll", nargs, 0, 1) < 0)
        return NULL;
    PollObject *p = (PollObject *)self;
    int timeout_ms = -1;
    if (nargs == 1 && args[0] != FT_NONE) {
        double t = ft_float_as_double(args[0]);
        if (t == -1.0 && ft_err_occurred()) {
            if (ft_err_matches(ft_exc_TypeError)) {
                ft_err_clear();
                ft_err_format(ft_exc_TypeError,
                              "'%s' object cannot be interpreted as an integer",
                              ft_type_short_name(FT_TYPE(args[0])));
            }
            return NULL;
        }
        timeout_ms = t < 0 ? -1 : t > INT32_MAX ? INT32_MAX : (int)ceil(t);
    }
    if (__atomic_exchange_n(&p->polling, 1, __ATOMIC_ACQ_REL)) {
        ft_err_set_string(ft_exc_RuntimeError, "concurrent poll() invocation");
        return NULL;
    }
    FtObject *items = ft_dict_items_list(p->fds);
    FtObject *result = NULL;
    struct pollfd *pfds = NULL;
    if (items == NULL)
        goto done;
    ssize_t n = FT_SIZE(items);
    pfds = ft_mem_alloc(sizeof *pfds * (size_t)(n ? n : 1));
    if (pfds == NULL) {
        ft_err_no_memory();
        goto done;
    }
    for (ssize_t i = 0; i < n; i++) {
        FtObject *it = FT_LIST_ITEMS(items)[i];
        int ov = 0;
        pfds[i].fd = (int)ft_int_as_i64(FT_TUPLE_GET(it, 0), &ov);
        pfds[i].events = (short)ft_int_as_i64(FT_TUPLE_GET(it, 1), &ov);
        pfds[i].revents = 0;
    }
    if (do_poll(pfds, (nfds_t)n, timeout_ms) < 0)
        goto done;
    result = ft_list_new(0);
    if (result == NULL)
        goto done;
    for (ssize_t i = 0; i < n; i++) {
        if (pfds[i].revents == 0)
            continue;
        FtObject *f = ft_int_from_i64(pfds[i].fd);
        FtObject *e = ft_int_from_i64((unsigned short)pfds[i].revents);
        FtObject *t = f && e ? ft_tuple_pack(2, f, e) : NULL;
        FT_XDECREF(f);
        FT_XDECREF(e);
        if (t == NULL || ft_list_append(result, t) < 0) {
            FT_XDECREF(t);
            FT_CLEAR(result);
            goto done;
        }
        FT_DECREF(t);
    }
done:
    __atomic_store_n(&p->polling, 0, __ATOMIC_RELEASE);
    ft_mem_free(pfds);
    FT_XDECREF(items);
    return result;
}

static int poll_traverse(FtObject *self, ft_visitproc visit, void *arg) {
    FtObject *fds = ((PollObject *)self)->fds;
    return fds ? visit(fds, arg) : 0;
}

static void poll_dealloc(FtObject *self) {
    ft_gc_untrack(self);
    FT_XDECREF(((PollObject *)self)->fds);
    ft_gc_free(self);
}

static FtMethodDef poll_methods[] = {
    {"register", (void *)poll_register, FT_METH_FASTCALL, NULL},
    {"modify", (void *)poll_modify, FT_METH_FASTCALL, NULL},
    {"unregister", (void *)poll_unregister, FT_METH_O, NULL},
    {"poll", (void *)poll_poll, FT_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static FtType poll_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "select.poll",
    .tp_basicsize = sizeof(PollObject),
    .tp_dealloc = poll_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = poll_traverse,
    .tp_methods = poll_methods,
};

static FtObject *select_poll(FtObject *m, FtObject *u) {
    PollObject *p = (PollObject *)ft_gc_alloc(&poll_type);
    if (p == NULL)
        return NULL;
    p->fds = ft_dict_new();
    if (p->fds == NULL) {
        ft_gc_free(p);
        return NULL;
    }
    ft_gc_track((FtObject *)p);
    return (FtObject *)p;
}

/* ---- select.epoll ------------------------------------------------------------------------ */

typedef struct EpollObject {
    FtObject ob_base;
    int epfd;  /* -1 once closed; atomic */
} EpollObject;

static FtType epoll_type;

static int ep_fd(EpollObject *e) {
    int fd = __atomic_load_n(&e->epfd, __ATOMIC_ACQUIRE);
    if (fd < 0)
        ft_err_set_string(ft_exc_ValueError, "I/O operation on closed epoll object");
    return fd;
}

static FtObject *epoll_tp_new(FtType *type, FtObject *args, FtObject *kwargs) {
    ssize_t n = args ? FT_SIZE(args) : 0;
    long sizehint = -1;
    if (n > 2) {
        ft_err_format(ft_exc_TypeError, "epoll() takes at most 2 arguments (%zd given)", n);
        return NULL;
    }
    if (n > 0) {
        int ov = 0;
        FtObject *i = ft_number_index(FT_TUPLE_GET(args, 0));
        if (i == NULL)
            return NULL;
        sizehint = (long)ft_int_as_i64(i, &ov);
        FT_DECREF(i);
        if (sizehint == 0 || sizehint < -1) {
            ft_err_set_string(ft_exc_ValueError, "negative sizehint");
            return NULL;
        }
    }
    int fd = epoll_create1(EPOLL_CLOEXEC);
    if (fd < 0)
        return set_errno(errno);
    EpollObject *e = (EpollObject *)type->tp_alloc(type, 0);
    if (e == NULL) {
        close(fd);
        return NULL;
    }
    e->epfd = fd;
    return (FtObject *)e;
}

static void epoll_dealloc(FtObject *self) {
    EpollObject *e = (EpollObject *)self;
    int fd = __atomic_exchange_n(&e->epfd, -1, __ATOMIC_ACQ_REL);
    if (fd >= 0)
        close(fd);
    FtType *t = FT_TYPE(self);
    t->tp_free(self);
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(t);
}

static FtObject *epoll_close(FtObject *self, FtObject *u) {
    EpollObject *e = (EpollObject *)self;
    int fd = __atomic_exchange_n(&e->epfd, -1, __ATOMIC_ACQ_REL);
    if (fd >= 0 && close(fd) < 0)
        return set_errno(errno);
    FT_RETURN_NONE;
}

static FtObject *epoll_fileno(FtObject *self, FtObject *u) {
    int fd = ep_fd((EpollObject *)self);
    return fd < 0 ? NULL : ft_int_from_i64(fd);
}

static FtObject *epoll_get_closed(FtObject *self, void *c) {
    return ft_bool_from(__atomic_load_n(&((EpollObject *)self)->epfd, __ATOMIC_ACQUIRE) < 0);
}

static FtObject *epoll_ctl_common(FtObject *self, FtObject *const *args, ssize_t nargs, int op,
                                  const char *name) {
    if (ft_check_nargs(name, nargs, op == EPOLL_CTL_DEL ? 1 : (op == EPOLL_CTL_ADD ? 1 : 2),
                       op == EPOLL_CTL_DEL ? 1 : 2) < 0)
        return NULL;
    int epfd = ep_fd((EpollObject *)self);
    if (epfd < 0)
        return NULL;
    int fd = fd_of(args[0]);
    if (fd < 0)
        return NULL;
    struct epoll_event ev;
    memset(&ev, 0, sizeof ev);
    ev.events = EPOLLIN | EPOLLPRI | EPOLLOUT;
    if (nargs > 1) {
        FtObject *i = ft_number_index(args[1]);
        if (i == NULL)
            return NULL;
        int ov = 0;
        ev.events = (uint32_t)ft_int_as_i64(i, &ov);
        FT_DECREF(i);
    }
    ev.data.fd = fd;
    if (epoll_ctl(epfd, op, fd, op == EPOLL_CTL_DEL ? NULL : &ev) < 0)
        return set_errno(errno);
    FT_RETURN_NONE;
}

static FtObject *epoll_register(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return epoll_ctl_common(self, args, nargs, EPOLL_CTL_ADD, "register");
}
static FtObject *epoll_modify(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return epoll_ctl_common(self, args, nargs, EPOLL_CTL_MOD, "modify");
}
static FtObject *epoll_unregister(FtObject *self, FtObject *arg) {
    return epoll_ctl_common(self, &arg, 1, EPOLL_CTL_DEL, "unregister");
}

/* poll(timeout=None, maxevents=-1) -> list of (fd, events); timeout in seconds */
static FtObject *epoll_poll(FtObject *self, FtObject *const *args, ssize_t nargs,
                            FtObject *kwnames) {
    static const char *const kw[] = {"timeout", "maxevents", NULL};
    FtObject *a[2];
    if (ft_parse_args("poll", args, nargs, kwnames, kw, 0, -1, 0, a) < 0)
        return NULL;
    int epfd = ep_fd((EpollObject *)self);
    if (epfd < 0)
        return NULL;
    int timeout_ms = -1;
    if (a[0] && a[0] != FT_NONE) {
        double t = ft_float_as_double(a[0]);
        if (t == -1.0 && ft_err_occurred())
            return NULL;
        timeout_ms = t < 0 ? -1 : t * 1000.0 > INT32_MAX ? INT32_MAX : (int)ceil(t * 1000.0);
    }
    int maxevents = FD_SETSIZE - 1;
    if (a[1] && a[1] != FT_NONE) {
        FtObject *i = ft_number_index(a[1]);
        if (i == NULL)
            return NULL;
        int ov = 0;
        int64_t v = ft_int_as_i64(i, &ov);
        FT_DECREF(i);
        if (v == 0 || v < -1) {
            ft_err_format(ft_exc_ValueError, "maxevents must be greater than 0, got %d", (int)v);
            return NULL;
        }
        if (v > 0)
            maxevents = (int)(v > 65536 ? 65536 : v);
    }
    struct epoll_event *evs = ft_mem_alloc(sizeof *evs * (size_t)maxevents);
    if (evs == NULL)
        return ft_err_no_memory();
    FtThreadState *ts = ft_tstate_get();
    double deadline = timeout_ms >= 0 ? now_mono() + timeout_ms / 1000.0 : -1.0;
    int n, err;
    for (;;) {
        FT_BLOCKING(ts, n = epoll_wait(epfd, evs, maxevents, timeout_ms); err = errno);
        if (n >= 0)
            break;
        if (err != EINTR || check_signals(ts) < 0) {
            if (err != EINTR)
                set_errno(err);
            ft_mem_free(evs);
            return NULL;
        }
        if (deadline >= 0) {
            double left = deadline - now_mono();
            timeout_ms = left <= 0 ? 0 : (int)ceil(left * 1000.0);
        }
    }
    FtObject *result = ft_list_new(0);
    for (int i = 0; result && i < n; i++) {
        FtObject *f = ft_int_from_i64(evs[i].data.fd);
        FtObject *e = ft_int_from_u64(evs[i].events);
        FtObject *t = f && e ? ft_tuple_pack(2, f, e) : NULL;
        FT_XDECREF(f);
        FT_XDECREF(e);
        if (t == NULL || ft_list_append(result, t) < 0)
            FT_CLEAR(result);
        FT_XDECREF(t);
    }
    ft_mem_free(evs);
    return result;
}

static FtObject *epoll_enter(FtObject *self, FtObject *u) {
    if (ep_fd((EpollObject *)self) < 0)
        return NULL;
    return ft_newref(self);
}

static FtObject *epoll_exit(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return epoll_close(self, NULL);
}

static FtMethodDef epoll_methods[] = {
    {"close", (void *)epoll_close, FT_METH_NOARGS, NULL},
    {"fileno", (void *)epoll_fileno, FT_METH_NOARGS, NULL},
    {"register", (void *)epoll_register, FT_METH_FASTCALL, NULL},
    {"modify", (void *)epoll_modify, FT_METH_FASTCALL, NULL},
    {"unregister", (void *)epoll_unregister, FT_METH_O, NULL},
    {"poll", (void *)epoll_poll, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"__enter__", (void *)epoll_enter, FT_METH_NOARGS, NULL},
    {"__exit__", (void *)epoll_exit, FT_METH_FASTCALL, NULL},
    {NULL, NULL, 0, NULL},
};

static FtGetSetDef epoll_getset[] = {
    {"closed", epoll_get_closed, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static FtType epoll_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "select.epoll",
    .tp_basicsize = sizeof(EpollObject),
    .tp_dealloc = epoll_dealloc,
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_methods = epoll_methods,
    .tp_getset = epoll_getset,
    .tp_new = epoll_tp_new,
};

static FtMethodDef select_functions[] = {
    {"select", (void *)select_select, FT_METH_FASTCALL, NULL},
    {"poll", (void *)select_poll, FT_METH_NOARGS, NULL},
    {NULL, NULL, 0, NULL},
};

static int select_exec(FtObject *m) {
    if (!(poll_type.tp_flags & FT_TPFLAGS_READY) && ft_type_ready(&poll_type) < 0)
        return -1;
    if (!(epoll_type.tp_flags & FT_TPFLAGS_READY) && ft_type_ready(&epoll_type) < 0)
        return -1;
    FT_INCREF(&epoll_type);
    if (ft_module_add_object(m, "epoll", (FtObject *)&epoll_type) < 0)
        return -1;
    FT_INCREF(ft_exc_OSError);
    if (ft_module_add_object(m, "error", (FtObject *)ft_exc_OSError) < 0)
        return -1;
    static const struct { const char *name; int64_t value; } consts[] = {
        {"POLLIN", POLLIN}, {"POLLPRI", POLLPRI}, {"POLLOUT", POLLOUT},
        {"POLLERR", POLLERR}, {"POLLHUP", POLLHUP}, {"POLLNVAL", POLLNVAL},
        {"POLLRDNORM", POLLRDNORM}, {"POLLRDBAND", POLLRDBAND},
        {"POLLWRNORM", POLLWRNORM}, {"POLLWRBAND", POLLWRBAND}, {"POLLMSG", 0x400},
        {"POLLRDHUP", 0x2000},
        {"EPOLLIN", EPOLLIN}, {"EPOLLOUT", EPOLLOUT}, {"EPOLLPRI", EPOLLPRI},
        {"EPOLLERR", EPOLLERR}, {"EPOLLHUP", EPOLLHUP}, {"EPOLLET", EPOLLET},
        {"EPOLLONESHOT", EPOLLONESHOT}, {"EPOLLEXCLUSIVE", EPOLLEXCLUSIVE},
        {"EPOLLRDHUP", EPOLLRDHUP}, {"EPOLLRDNORM", EPOLLRDNORM},
        {"EPOLLRDBAND", EPOLLRDBAND}, {"EPOLLWRNORM", EPOLLWRNORM},
        {"EPOLLWRBAND", EPOLLWRBAND}, {"EPOLLMSG", EPOLLMSG},
        {"EPOLL_CLOEXEC", EPOLL_CLOEXEC},
        {"PIPE_BUF", 4096},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (ft_module_add_int(m, consts[i].name, consts[i].value) < 0)
            return -1;
    return 0;
}

FtModuleDef ft_select_module_def = {
    .name = "select",
    .doc = "This module supports asynchronous I/O on multiple file descriptors.",
    .methods = select_functions,
    .exec = select_exec,
};
