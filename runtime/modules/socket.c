/* The _socket module (ft_socket_module_def): the low-level socket type _socket.socket that
 * runtime/lib/socket.py subclasses, address conversion (IPv4, IPv6, AF_UNIX), getaddrinfo,
 * socketpair, the byte-order and inet_* helpers, and the module's exceptions.
 *
 * Blocking: every call that can wait (accept, connect, recv*, send*) runs detached from the
 * interpreter (FT_BLOCKING) so other threads keep running. A socket with a timeout is put in
 * non-blocking mode and waits with poll() before each attempt, as CPython's sock_call does;
 * EINTR is retried after running signal handlers (PEP 475).
 *
 * Threads: the descriptor is read and swapped atomically, so close() from one thread while
 * another is inside recv() cannot touch freed state (the other call fails with EBADF or
 * returns what the kernel gives it). */
#define _GNU_SOURCE
#include "runtime/import.h"
#include "runtime/tstate.h"
#include "core/vm/vmtypes.h"
#include "locking/strategy.h"
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <math.h>
#include <netdb.h>
#include <stdio.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <poll.h>
#include <stddef.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/un.h>
#include <time.h>
#include <unistd.h>

typedef struct SockObject {
    FtObject ob_base;
    int fd;            /* -1 once closed or detached; accessed with __atomic builtins */
    int family, type, proto;
    double timeout;    /* < 0: blocking; 0: non-blocking; > 0: seconds */
} SockObject;

static FtType sock_type;
static FtType *gaierror_type, *herror_type;
static double default_timeout = -1.0;

static int sock_fd(SockObject *s) { return __atomic_load_n(&s->fd, __ATOMIC_ACQUIRE); }

/* settimeout() may run in one thread while another waits: the timeout is read and written
 * atomically too. */
static double sock_timeout(SockObject *s) {
    double t;
    __atomic_load(&s->timeout, &t, __ATOMIC_RELAXED);
    return t;
}

static double now_mono(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* A signal interrupted a system call: run the handlers (they may raise). */
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

static FtObject *timeout_error(void) {
    ft_err_set_string(ft_exc_TimeoutError, "timed out");
    return NULL;
}

static int set_nonblocking(int fd, int on) {
    int flags = fcntl(fd, F_GETFL, 0);
    if (flags < 0)
        return -1;
    int nf = on ? (flags | O_NONBLOCK) : (flags & ~O_NONBLOCK);
    if (nf != flags && fcntl(fd, F_SETFL, nf) < 0)
        return -1;
    return 0;
}

/* ---- integer and timeout arguments --------------------------------------------------------- */

static int int_arg(FtObject *o, long *out) {
    if (ft_float_check(o)) {
        ft_err_set_string(ft_exc_TypeError, "'float' object cannot be interpreted as an integer");
        return -1;
    }
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

/* None -> -1 (blocking); a non-negative number of seconds otherwise (a float, or an int
 * by __index__: CPython's _PyTime_FromSecondsObject messages). */
static int timeout_arg(FtObject *o, double *out) {
    if (o == FT_NONE) {
        *out = -1.0;
        return 0;
    }
    double d;
    if (ft_float_check(o)) {
        d = FT_FLOAT_VALUE(o);
    } else {
        FtObject *i = ft_number_index(o);
        if (i == NULL)
            return -1;
        d = ft_int_as_double(i);
        FT_DECREF(i);
        if (d == -1.0 && ft_err_occurred())
            return -1;
    }
    if (isnan(d)) {
        ft_err_set_string(ft_exc_ValueError, "Invalid value NaN (not a number)");
        return -1;
    }
    if (d < 0) {
        ft_err_set_string(ft_exc_ValueError, "Timeout value out of range");
        return -1;
    }
    *out = d;
    return 0;
}

/* ---- addresses ---------------------------------------------------------------------------- */

typedef union {
    struct sockaddr sa;
    struct sockaddr_in in4;
    struct sockaddr_in6 in6;
    struct sockaddr_un un;
    struct sockaddr_storage storage;
} SockAddr;

static FtObject *raise_gaierror(int err) {
    if (err == EAI_SYSTEM)
        return ft_err_set_from_errno(ft_exc_OSError);
    FtObject *args[2];
    args[0] = ft_int_from_i64(err);
    args[1] = ft_str_from_cstr(gai_strerror(err));
    if (args[0] && args[1]) {
        FtObject *exc = ft_exc_new(gaierror_type, args, 2);
        if (exc) {
            ft_err_set_exc(exc);
            FT_DECREF(exc);
        }
    }
    FT_XDECREF(args[0]);
    FT_XDECREF(args[1]);
    return NULL;
}

/* Resolve a host name for one family into *addr (port left 0). */
static int resolve_host(const char *host, int family, SockAddr *addr, socklen_t *len) {
    if (host[0] == '\0') {
        memset(addr, 0, sizeof *addr);
        if (family == AF_INET6) {
            addr->in6.sin6_family = AF_INET6;
            addr->in6.sin6_addr = in6addr_any;
            *len = sizeof addr->in6;
        } else {
            addr->in4.sin_family = AF_INET;
            addr->in4.sin_addr.s_addr = htonl(INADDR_ANY);
            *len = sizeof addr->in4;
        }
        return 0;
    }
    if (family == AF_INET && strcmp(host, "<broadcast>") == 0) {
        memset(addr, 0, sizeof *addr);
        addr->in4.sin_family = AF_INET;
        addr->in4.sin_addr.s_addr = htonl(INADDR_BROADCAST);
        *len = sizeof addr->in4;
        return 0;
    }
    if (family == AF_INET) {
        memset(addr, 0, sizeof *addr);
        if (inet_pton(AF_INET, host, &addr->in4.sin_addr) == 1) {
            addr->in4.sin_family = AF_INET;
            *len = sizeof addr->in4;
            return 0;
        }
    } else if (family == AF_INET6) {
        memset(addr, 0, sizeof *addr);
        if (inet_pton(AF_INET6, host, &addr->in6.sin6_addr) == 1) {
            addr->in6.sin6_family = AF_INET6;
            *len = sizeof addr->in6;
            return 0;
        }
    }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = family;
    FtThreadState *ts = ft_tstate_get();
    int err;
    FT_BLOCKING(ts, err = getaddrinfo(host, NULL, &hints, &res));
    if (err) {
        raise_gaierror(err);
        return -1;
    }
    memset(addr, 0, sizeof *addr);
    size_t n = res->ai_addrlen < sizeof *addr ? res->ai_addrlen : sizeof *addr;
    memcpy(addr, res->ai_addr, n);
    *len = (socklen_t)n;
    freeaddrinfo(res);
    return 0;
}

static const char *host_arg(FtObject *h, FtObject **keep) {
    *keep = NULL;
    if (ft_str_check(h))
        return ft_str_as_utf8(h);
    if (ft_bytes_check(h))
        return FT_BYTES_DATA(h);
    if (ft_bytearray_check(h)) {
        *keep = ft_bytes_from_object(h);
        return *keep ? FT_BYTES_DATA(*keep) : NULL;
    }
    ft_err_format(ft_exc_TypeError, "str, bytes or bytearray expected, not %s",
                  ft_type_short_name(FT_TYPE(h)));
    return NULL;
}

/* Python address -> sockaddr for the socket's family (CPython's getsockaddrarg). */
static int parse_addr(SockObject *s, FtObject *a, const char *caller, SockAddr *addr,
                      socklen_t *len) {
    if (s->family == AF_UNIX) {
        const char *p;
        ssize_t n;
        if (ft_str_check(a)) {
            p = ft_str_as_utf8(a);
            if (p == NULL)
                return -1;
            n = (ssize_t)strlen(p);
        } else if (ft_bytes_like_get(a, &p, &n) < 0) {
            ft_err_clear();
            ft_err_format(ft_exc_TypeError, "a bytes-like object is required, not '%s'",
                          ft_type_short_name(FT_TYPE(a)));
            return -1;
        }
        if ((size_t)n >= sizeof addr->un.sun_path) {
            ft_err_set_string(ft_exc_OSError, "AF_UNIX path too long");
            return -1;
        }
        memset(addr, 0, sizeof *addr);
        addr->un.sun_family = AF_UNIX;
        memcpy(addr->un.sun_path, p, (size_t)n);
        *len = (socklen_t)(offsetof(struct sockaddr_un, sun_path) + (size_t)n +
                           (n > 0 && p[0] != '\0' ? 1 : 0));
        return 0;
    }
    if (s->family != AF_INET && s->family != AF_INET6) {
        ft_err_format(ft_exc_OSError, "%s(): bad family", caller);
        return -1;
    }
    const char *fam = s->family == AF_INET ? "AF_INET" : "AF_INET6";
    if (!ft_tuple_check(a)) {
        ft_err_format(ft_exc_TypeError, "%s(): %s address must be tuple, not %s", caller, fam,
                      ft_type_short_name(FT_TYPE(a)));
        return -1;
    }
    ssize_t n = FT_SIZE(a);
    if (s->family == AF_INET ? n != 2 : (n < 2 || n > 4)) {
        if (s->family == AF_INET)
            ft_err_format(ft_exc_TypeError,
                          "AF_INET address must be a pair (host, port)");
        else
            ft_err_format(ft_exc_TypeError,
                          "AF_INET6 address must be a tuple (host, port[, flowinfo[, scopeid]])");
        return -1;
    }
    FtObject *keep;
    const char *host = host_arg(FT_TUPLE_GET(a, 0), &keep);
    if (host == NULL)
        return -1;
    long port;
    if (int_arg(FT_TUPLE_GET(a, 1), &port) < 0) {
        FT_XDECREF(keep);
        return -1;
    }
    if (port < 0 || port > 65535) {
        FT_XDECREF(keep);
        ft_err_format(ft_exc_OverflowError, "%s(): port must be 0-65535.", caller);
        return -1;
    }
    long flowinfo = 0, scope = 0;
    if (n > 2 && int_arg(FT_TUPLE_GET(a, 2), &flowinfo) < 0) {
        FT_XDECREF(keep);
        return -1;
    }
    if (n > 3 && int_arg(FT_TUPLE_GET(a, 3), &scope) < 0) {
        FT_XDECREF(keep);
        return -1;
    }
    if (flowinfo < 0 || flowinfo > 0xfffff) {
        FT_XDECREF(keep);
        ft_err_format(ft_exc_OverflowError, "%s(): flowinfo must be 0-1048575.", caller);
        return -1;
    }
    int r = resolve_host(host, s->family, addr, len);
    FT_XDECREF(keep);
    if (r < 0)
        return -1;
    if (s->family == AF_INET) {
        addr->in4.sin_port = htons((uint16_t)port);
    } else {
        addr->in6.sin6_port = htons((uint16_t)port);
        addr->in6.sin6_flowinfo = htonl((uint32_t)flowinfo);
        if (n > 3)
            addr->in6.sin6_scope_id = (uint32_t)scope;
    }
    return 0;
}

/* sockaddr -> Python address (CPython's makesockaddr). */
static FtObject *make_addr(const SockAddr *addr, socklen_t len) {
    if (len == 0)
        FT_RETURN_NONE;
    char buf[INET6_ADDRSTRLEN + 1];
    switch (addr->sa.sa_family) {
    case AF_INET: {
        inet_ntop(AF_INET, &addr->in4.sin_addr, buf, sizeof buf);
        FtObject *h = ft_str_from_cstr(buf);
        FtObject *p = ft_int_from_i64(ntohs(addr->in4.sin_port));
        FtObject *t = h && p ? ft_tuple_pack(2, h, p) : NULL;
        FT_XDECREF(h);
        FT_XDECREF(p);
        return t;
    }
    case AF_INET6: {
        inet_ntop(AF_INET6, &addr->in6.sin6_addr, buf, sizeof buf);
        FtObject *h = ft_str_from_cstr(buf);
        FtObject *p = ft_int_from_i64(ntohs(addr->in6.sin6_port));
        FtObject *f = ft_int_from_i64(ntohl(addr->in6.sin6_flowinfo));
        FtObject *sc = ft_int_from_i64(addr->in6.sin6_scope_id);
        FtObject *t = h && p && f && sc ? ft_tuple_pack(4, h, p, f, sc) : NULL;
        FT_XDECREF(h);
        FT_XDECREF(p);
        FT_XDECREF(f);
        FT_XDECREF(sc);
        return t;
    }
    case AF_UNIX: {
        ssize_t n = (ssize_t)len - (ssize_t)offsetof(struct sockaddr_un, sun_path);
        if (n <= 0)
            return ft_str_from_cstr("");
        if (addr->un.sun_path[0] == '\0') /* Linux abstract namespace: bytes */
            return ft_bytes_from_data(addr->un.sun_path, n);
        size_t l = strnlen(addr->un.sun_path, (size_t)n);
        return ft_str_from_utf8(addr->un.sun_path, (ssize_t)l);
    }
    default: {
        FtObject *f = ft_int_from_i64(addr->sa.sa_family);
        FtObject *d = ft_bytes_from_data(addr->sa.sa_data, sizeof addr->sa.sa_data);
        FtObject *t = f && d ? ft_tuple_pack(2, f, d) : NULL;
        FT_XDECREF(f);
        FT_XDECREF(d);
        return t;
    }
    }
}

/* ---- the generic timeout-aware call (CPython's sock_call_ex) ------------------------------ */

typedef struct CallCtx {
    void *buf;
    size_t len;
    int flags;
    SockAddr addr;
    socklen_t addrlen;
    ssize_t result;
} CallCtx;

typedef ssize_t (*sock_fn)(int fd, CallCtx *c);

static ssize_t do_recv(int fd, CallCtx *c) { return recv(fd, c->buf, c->len, c->flags); }
static ssize_t do_send(int fd, CallCtx *c) {
    return send(fd, c->buf, c->len, c->flags | MSG_NOSIGNAL);
}
static ssize_t do_recvfrom(int fd, CallCtx *c) {
    c->addrlen = sizeof c->addr;
    return recvfrom(fd, c->buf, c->len, c->flags, &c->addr.sa, &c->addrlen);
}
static ssize_t do_sendto(int fd, CallCtx *c) {
    return sendto(fd, c->buf, c->len, c->flags | MSG_NOSIGNAL, &c->addr.sa, c->addrlen);
}
static ssize_t do_accept(int fd, CallCtx *c) {
    c->addrlen = sizeof c->addr;
    return accept4(fd, &c->addr.sa, &c->addrlen, SOCK_CLOEXEC);
}

/* Wait for `events` on fd until `deadline` (monotonic seconds; < 0: forever). Returns 1 ready,
 * 0 timed out, -1 error set. */
static int wait_fd(FtThreadState *ts, int fd, short events, double deadline) {
    for (;;) {
        int ms = -1;
        if (deadline >= 0) {
            double left = deadline - now_mono();
            if (left <= 0)
                return 0;
            ms = (int)ceil(left * 1000.0);
        }
        struct pollfd p = {fd, events, 0};
        int r, err;
        FT_BLOCKING(ts, r = poll(&p, 1, ms); err = errno);
        if (r > 0)
            return 1;
        if (r == 0)
            return 0;
        if (err != EINTR) {
            set_errno(err);
            return -1;
        }
        if (check_signals(ts) < 0)
            return -1;
    }
}

/* Run fn on the socket, waiting with poll() first when the socket has a timeout and retrying
 * on EINTR. 0 with c->result set, or -1 with an exception. */
static int sock_call(SockObject *s, int writing, sock_fn fn, CallCtx *c) {
    FtThreadState *ts = ft_tstate_get();
    double timeout = sock_timeout(s);
    double deadline = timeout > 0 ? now_mono() + timeout : -1.0;
    for (;;) {
        int fd = sock_fd(s);
        if (fd < 0) {
            set_errno(EBADF);
            return -1;
        }
        if (timeout > 0) {
            int w = wait_fd(ts, fd, writing ? POLLOUT : POLLIN, deadline);
            if (w < 0)
                return -1;
            if (w == 0) {
                timeout_error();
                return -1;
            }
        }
        ssize_t r;
        int err;
        FT_BLOCKING(ts, r = fn(fd, c); err = errno);
        if (r >= 0) {
            c->result = r;
            return 0;
        }
        if (err == EINTR) {
            if (check_signals(ts) < 0)
                return -1;
            continue;
        }
        if (timeout > 0 && (err == EWOULDBLOCK || err == EAGAIN))
            continue;
        set_errno(err);
        return -1;
    }
}

/* ---- the socket type ---------------------------------------------------------------------- */

static FtObject *sock_tp_new(FtType *type, FtObject *args, FtObject *kwargs) {
    SockObject *s = (SockObject *)type->tp_alloc(type, 0);
    if (s == NULL)
        return NULL;
    s->fd = -1;
    s->timeout = -1.0;
    return (FtObject *)s;
}

static int apply_timeout(SockObject *s, int fd) {
    return set_nonblocking(fd, s->timeout >= 0);
}

/* socket(family=-1, type=-1, proto=-1, fileno=None) */
static int sock_tp_init(FtObject *self, FtObject *args, FtObject *kwargs) {
    SockObject *s = (SockObject *)self;
    static const char *const names[] = {"family", "type", "proto", "fileno"};
    FtObject *a[4] = {NULL, NULL, NULL, NULL};
    ssize_t n = args ? FT_SIZE(args) : 0;
    if (n > 4) {
        ft_err_format(ft_exc_TypeError, "socket() takes at most 4 arguments (%zd given)", n);
        return -1;
    }
    for (ssize_t i = 0; i < n; i++)
        a[i] = FT_TUPLE_GET(args, i);
    if (kwargs != NULL) {
        ssize_t pos = 0;
        FtObject *k, *v;
        while (ft_dict_next(kwargs, &pos, &k, &v)) {
            int found = 0;
            const char *ks = ft_str_check(k) ? ft_str_as_utf8(k) : "";
            for (int i = 0; i < 4; i++) {
                if (ks && strcmp(ks, names[i]) == 0) {
                    if (a[i] != NULL) {
                        ft_err_format(ft_exc_TypeError,
                                      "argument for socket() given by name ('%s') and position (%d)",
                                      names[i], i + 1);
                        return -1;
                    }
                    a[i] = v;
                    found = 1;
                }
            }
            if (!found) {
                ft_err_format(ft_exc_TypeError, "socket() got an unexpected keyword argument '%s'",
                              ks ? ks : "?");
                return -1;
            }
        }
    }
    long family = -1, type = -1, proto = -1;
    if (a[0] && a[0] != FT_NONE && int_arg(a[0], &family) < 0)
        return -1;
    if (a[1] && a[1] != FT_NONE && int_arg(a[1], &type) < 0)
        return -1;
    if (a[2] && a[2] != FT_NONE && int_arg(a[2], &proto) < 0)
        return -1;
    int fd;
    if (a[3] && a[3] != FT_NONE) {
        long f;
        if (int_arg(a[3], &f) < 0)
            return -1;
        if (f < 0) {
            ft_err_set_string(ft_exc_ValueError, "negative file descriptor");
            return -1;
        }
        fd = (int)f;
        SockAddr addr;
        socklen_t alen = sizeof addr;
        if (getsockname(fd, &addr.sa, &alen) < 0) {
            set_errno(errno);
            return -1;
        }
        int v;
        socklen_t vl = sizeof v;
        if (family == -1)
            family = addr.sa.sa_family;
        if (type == -1 && getsockopt(fd, SOL_SOCKET, SO_TYPE, &v, &vl) == 0)
            type = v;
        vl = sizeof v;
        if (proto == -1 && getsockopt(fd, SOL_SOCKET, SO_PROTOCOL, &v, &vl) == 0)
            proto = v;
        if (proto == -1)
            proto = 0;
    } else {
        if (family == -1)
            family = AF_INET;
        if (type == -1)
            type = SOCK_STREAM;
        if (proto == -1)
            proto = 0;
        fd = socket((int)family, (int)type | SOCK_CLOEXEC, (int)proto);
        if (fd < 0) {
            set_errno(errno);
            return -1;
        }
    }
    int old = __atomic_exchange_n(&s->fd, fd, __ATOMIC_ACQ_REL);
    if (old >= 0 && old != fd)
        close(old);
    s->family = (int)family;
    s->type = (int)type & ~(SOCK_NONBLOCK | SOCK_CLOEXEC);
    s->proto = (int)proto;
    __atomic_load(&default_timeout, &s->timeout, __ATOMIC_RELAXED);
    if ((int)type & SOCK_NONBLOCK)
        s->timeout = 0.0;
    if (s->timeout >= 0 && apply_timeout(s, fd) < 0) {
        set_errno(errno);
        return -1;
    }
    return 0;
}

static void sock_dealloc(FtObject *o) {
    SockObject *s = (SockObject *)o;
    int fd = __atomic_exchange_n(&s->fd, -1, __ATOMIC_ACQ_REL);
    if (fd >= 0)
        close(fd);
    FtType *t = FT_TYPE(o);
    t->tp_free(o);
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(t);
}

static FtObject *sock_close(FtObject *self, FtObject *u) {
    SockObject *s = (SockObject *)self;
    int fd = __atomic_exchange_n(&s->fd, -1, __ATOMIC_ACQ_REL);
    if (fd >= 0 && close(fd) < 0 && errno != ECONNRESET)
        return set_errno(errno);
    FT_RETURN_NONE;
}

static FtObject *sock_detach(FtObject *self, FtObject *u) {
    SockObject *s = (SockObject *)self;
    int fd = __atomic_exchange_n(&s->fd, -1, __ATOMIC_ACQ_REL);
    return ft_int_from_i64(fd);
}

static FtObject *sock_fileno(FtObject *self, FtObject *u) {
    return ft_int_from_i64(sock_fd((SockObject *)self));
}

static FtObject *sock_bind(FtObject *self, FtObject *arg) {
    SockObject *s = (SockObject *)self;
    SockAddr addr;
    socklen_t len;
    if (parse_addr(s, arg, "bind", &addr, &len) < 0)
        return NULL;
    if (bind(sock_fd(s), &addr.sa, len) < 0)
        return set_errno(errno);
    FT_RETURN_NONE;
}

static FtObject *sock_listen(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("listen", nargs, 0, 1) < 0)
        return NULL;
    long backlog = 128;
    if (nargs > 0 && int_arg(args[0], &backlog) < 0)
        return NULL;
    if (backlog < 0)
        backlog = 0;
    if (listen(sock_fd((SockObject *)self), (int)backlog) < 0)
        return set_errno(errno);
    FT_RETURN_NONE;
}

/* _accept() -> (fd, address) */
static FtObject *sock_accept(FtObject *self, FtObject *u) {
    SockObject *s = (SockObject *)self;
    CallCtx c;
    memset(&c, 0, sizeof c);
    if (sock_call(s, 0, do_accept, &c) < 0)
        return NULL;
    int fd = (int)c.result;
    FtObject *addr = make_addr(&c.addr, c.addrlen);
    FtObject *f = ft_int_from_i64(fd);
    if (addr == NULL || f == NULL) {
        FT_XDECREF(addr);
        FT_XDECREF(f);
        close(fd);
        return NULL;
    }
    FtObject *t = ft_tuple_pack(2, f, addr);
    FT_DECREF(f);
    FT_DECREF(addr);
    return t;
}

/* connect: returns 0 or an errno; -1 when an exception is already set (timeout, signal). */
static int do_connect(SockObject *s, FtObject *arg, const char *caller, int raise_timeout) {
    SockAddr addr;
    socklen_t len;
    if (parse_addr(s, arg, caller, &addr, &len) < 0)
        return -1;
    FtThreadState *ts = ft_tstate_get();
    int fd = sock_fd(s);
    if (fd < 0)
        return EBADF;
    double timeout = sock_timeout(s);
    int r, err;
    FT_BLOCKING(ts, r = connect(fd, &addr.sa, len); err = errno);
    if (r == 0)
        return 0;
    int wait = 0;
    if (err == EINTR) {
        if (check_signals(ts) < 0)
            return -1;
        wait = timeout != 0;
    } else if (err == EINPROGRESS && timeout > 0) {
        wait = 1;
    }
    if (!wait)
        return err;
    double deadline = timeout > 0 ? now_mono() + timeout : -1.0;
    int w = wait_fd(ts, fd, POLLOUT, deadline);
    if (w < 0)
        return -1;
    if (w == 0) {
        if (!raise_timeout)
            return EWOULDBLOCK;
        timeout_error();
        return -1;
    }
    int soerr = 0;
    socklen_t sl = sizeof soerr;
    if (getsockopt(fd, SOL_SOCKET, SO_ERROR, &soerr, &sl) < 0)
        return errno;
    return soerr;
}

static FtObject *sock_connect(FtObject *self, FtObject *arg) {
    int r = do_connect((SockObject *)self, arg, "connect", 1);
    if (r < 0)
        return NULL;
    if (r > 0)
        return set_errno(r);
    FT_RETURN_NONE;
}

static FtObject *sock_connect_ex(FtObject *self, FtObject *arg) {
    int r = do_connect((SockObject *)self, arg, "connect_ex", 0);
    if (r < 0)
        return NULL;
    return ft_int_from_i64(r);
}

static int flags_arg(FtObject *const *args, ssize_t nargs, ssize_t idx, int *flags) {
    *flags = 0;
    if (nargs > idx) {
        long f;
        if (int_arg(args[idx], &f) < 0)
            return -1;
        *flags = (int)f;
    }
    return 0;
}

static FtObject *recv_common(SockObject *s, long n, int flags, int from, FtObject **addr_out) {
    if (n < 0) {
        ft_err_set_string(ft_exc_ValueError, from ? "negative buffersize in recvfrom"
                                                  : "negative buffersize in recv");
        return NULL;
    }
    char stackbuf[8192];
    char *buf = (size_t)n <= sizeof stackbuf ? stackbuf : ft_mem_alloc((size_t)n);
    if (buf == NULL)
        return ft_err_no_memory();
    CallCtx c;
    memset(&c, 0, sizeof c);
    c.buf = buf;
    c.len = (size_t)n;
    c.flags = flags;
    FtObject *r = NULL;
    if (sock_call(s, 0, from ? do_recvfrom : do_recv, &c) == 0) {
        r = ft_bytes_from_data(buf, c.result);
        if (r && from) {
            *addr_out = make_addr(&c.addr, c.addrlen);
            if (*addr_out == NULL)
                FT_CLEAR(r);
        }
    }
    if (buf != stackbuf)
        ft_mem_free(buf);
    return r;
}

static FtObject *sock_recv(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("recv", nargs, 1, 2) < 0)
        return NULL;
    long n;
    int flags;
    if (int_arg(args[0], &n) < 0 || flags_arg(args, nargs, 1, &flags) < 0)
        return NULL;
    return recv_common((SockObject *)self, n, flags, 0, NULL);
}

static FtObject *sock_recvfrom(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("recvfrom", nargs, 1, 2) < 0)
        return NULL;
    long n;
    int flags;
    if (int_arg(args[0], &n) < 0 || flags_arg(args, nargs, 1, &flags) < 0)
        return NULL;
    FtObject *addr = NULL;
    FtObject *data = recv_common((SockObject *)self, n, flags, 1, &addr);
    if (data == NULL)
        return NULL;
    FtObject *t = ft_tuple_pack(2, data, addr);
    FT_DECREF(data);
    FT_DECREF(addr);
    return t;
}

/* recv_into(buffer[, nbytes[, flags]]) / recvfrom_into: into a bytearray. The data lands in
 * a private buffer first and is copied in once attached again, so a concurrent resize of the
 * bytearray cannot make the kernel write into freed memory. */
static FtObject *recv_into_common(FtObject *self, FtObject *const *args, ssize_t nargs,
                                  FtObject *kwnames, int from) {
    const char *fname = from ? "recvfrom_into" : "recv_into";
    static const char *const kw[] = {"buffer", "nbytes", "flags", NULL};
    FtObject *a[3];
    if (ft_parse_args(fname, args, nargs, kwnames, kw, 0, -1, 1, a) < 0)
        return NULL;
    if (!ft_bytearray_check(a[0])) {
        if (ft_bytes_check(a[0]))
            ft_err_format(ft_exc_TypeError,
                          "%s() argument 'buffer' must be read-write bytes-like object, not bytes",
                          fname);
        else
            ft_err_format(ft_exc_TypeError,
                          "%s() argument 'buffer' must be read-write bytes-like object, not %s",
                          fname, ft_type_short_name(FT_TYPE(a[0])));
        return NULL;
    }
    long n = 0, fl = 0;
    if (a[1] && int_arg(a[1], &n) < 0)
        return NULL;
    if (a[2] && int_arg(a[2], &fl) < 0)
        return NULL;
    if (n < 0) {
        ft_err_format(ft_exc_ValueError, "negative buffersize in %s", fname);
        return NULL;
    }
    ssize_t size = FT_SIZE(a[0]);
    if (n == 0)
        n = size;
    else if (n > size) {
        ft_err_format(ft_exc_ValueError, "%s", from ? "nbytes is greater than the length of the buffer"
                                                   : "buffer too small for requested bytes");
        return NULL;
    }
    FtObject *addr = NULL;
    FtObject *data = recv_common((SockObject *)self, n, (int)fl, from, &addr);
    if (data == NULL)
        return NULL;
    ssize_t got = FT_SIZE(data);
    FtByteArray *ba = (FtByteArray *)a[0];
    if (got > FT_SIZE(a[0]))
        got = FT_SIZE(a[0]);
    memcpy(ba->data, FT_BYTES_DATA(data), (size_t)got);
    FT_DECREF(data);
    FtObject *cnt = ft_int_from_ssize(got);
    if (!from)
        return cnt;
    FtObject *t = cnt ? ft_tuple_pack(2, cnt, addr) : NULL;
    FT_XDECREF(cnt);
    FT_DECREF(addr);
    return t;
}

static FtObject *sock_recv_into(FtObject *self, FtObject *const *args, ssize_t nargs,
                                FtObject *kwnames) {
    return recv_into_common(self, args, nargs, kwnames, 0);
}
static FtObject *sock_recvfrom_into(FtObject *self, FtObject *const *args, ssize_t nargs,
                                    FtObject *kwnames) {
    return recv_into_common(self, args, nargs, kwnames, 1);
}

/* The data of a bytes-like argument as bytes (a bytearray is copied: it could be resized
 * by another thread while the call runs detached). */
static FtObject *data_arg(FtObject *o) {
    if (ft_bytes_check(o))
        return ft_newref(o);
    if (ft_bytearray_check(o))
        return ft_bytes_from_object(o);
    const char *p;
    ssize_t n;
    if (ft_bytes_like_get(o, &p, &n) == 0)
        return ft_bytes_from_data(p, n);
    ft_err_clear();
    ft_err_format(ft_exc_TypeError, "a bytes-like object is required, not '%s'",
                  ft_type_short_name(FT_TYPE(o)));
    return NULL;
}

static FtObject *sock_send(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("send", nargs, 1, 2) < 0)
        return NULL;
    int flags;
    if (flags_arg(args, nargs, 1, &flags) < 0)
        return NULL;
    FtObject *data = data_arg(args[0]);
    if (data == NULL)
        return NULL;
    CallCtx c;
    memset(&c, 0, sizeof c);
    c.buf = FT_BYTES_DATA(data);
    c.len = (size_t)FT_SIZE(data);
    c.flags = flags;
    int r = sock_call((SockObject *)self, 1, do_send, &c);
    FT_DECREF(data);
    return r < 0 ? NULL : ft_int_from_ssize(c.result);
}

static FtObject *sock_sendall(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("sendall", nargs, 1, 2) < 0)
        return NULL;
    int flags;
    if (flags_arg(args, nargs, 1, &flags) < 0)
        return NULL;
    FtObject *data = data_arg(args[0]);
    if (data == NULL)
        return NULL;
    SockObject *s = (SockObject *)self;
    FtThreadState *ts = ft_tstate_get();
    double timeout = sock_timeout(s);
    double deadline = timeout > 0 ? now_mono() + timeout : -1.0;
    char *p = FT_BYTES_DATA(data);
    size_t left = (size_t)FT_SIZE(data);
    FtObject *res = NULL;
    while (left > 0) {
        int fd = sock_fd(s);
        if (fd < 0) {
            set_errno(EBADF);
            goto done;
        }
        if (timeout > 0) {
            int w = wait_fd(ts, fd, POLLOUT, deadline);
            if (w < 0)
                goto done;
            if (w == 0) {
                timeout_error();
                goto done;
            }
        }
        ssize_t n;
        int err;
        FT_BLOCKING(ts, n = send(fd, p, left, flags | MSG_NOSIGNAL); err = errno);
        if (n < 0) {
            if (err == EINTR || (timeout > 0 && (err == EAGAIN || err == EWOULDBLOCK))) {
                if (err == EINTR && check_signals(ts) < 0)
                    goto done;
                continue;
            }
            set_errno(err);
            goto done;
        }
        p += n;
        left -= (size_t)n;
        /* PEP 475: handlers run between chunks too */
        if (left > 0 && check_signals(ts) < 0)
            goto done;
    }
    res = ft_newref(FT_NONE);
done:
    FT_DECREF(data);
    return res;
}

/* sendto(data[, flags], address) */
static FtObject *sock_sendto(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (nargs < 2 || nargs > 3) {
        ft_err_format(ft_exc_TypeError, "sendto() takes 2 or 3 arguments (%zd given)", nargs);
        return NULL;
    }
    int flags = 0;
    if (nargs == 3 && flags_arg(args, nargs, 1, &flags) < 0)
        return NULL;
    SockObject *s = (SockObject *)self;
    CallCtx c;
    memset(&c, 0, sizeof c);
    if (parse_addr(s, args[nargs - 1], "sendto", &c.addr, &c.addrlen) < 0)
        return NULL;
    FtObject *data = data_arg(args[0]);
    if (data == NULL)
        return NULL;
    c.buf = FT_BYTES_DATA(data);
    c.len = (size_t)FT_SIZE(data);
    c.flags = flags;
    int r = sock_call(s, 1, do_sendto, &c);
    FT_DECREF(data);
    return r < 0 ? NULL : ft_int_from_ssize(c.result);
}

static FtObject *sock_shutdown(FtObject *self, FtObject *arg) {
    long how;
    if (int_arg(arg, &how) < 0)
        return NULL;
    if (shutdown(sock_fd((SockObject *)self), (int)how) < 0)
        return set_errno(errno);
    FT_RETURN_NONE;
}

static FtObject *sock_setsockopt(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("setsockopt", nargs, 3, 4) < 0)
        return NULL;
    long level, opt;
    if (int_arg(args[0], &level) < 0 || int_arg(args[1], &opt) < 0)
        return NULL;
    int fd = sock_fd((SockObject *)self);
    int r;
    if (nargs == 4) {
        long optlen;
        if (args[2] != FT_NONE) {
            ft_err_set_string(ft_exc_TypeError,
                              "setsockopt() takes 3 or 4 arguments when the third is None");
            return NULL;
        }
        if (int_arg(args[3], &optlen) < 0)
            return NULL;
        r = setsockopt(fd, (int)level, (int)opt, NULL, (socklen_t)optlen);
    } else if (ft_int_check(args[2])) {
        long v;
        if (int_arg(args[2], &v) < 0)
            return NULL;
        int iv = (int)v;
        r = setsockopt(fd, (int)level, (int)opt, &iv, sizeof iv);
    } else {
        const char *p;
        ssize_t n;
        if (ft_bytes_like_get(args[2], &p, &n) < 0) {
            ft_err_clear();
            ft_err_format(ft_exc_TypeError, "a bytes-like object is required, not '%s'",
                          ft_type_short_name(FT_TYPE(args[2])));
            return NULL;
        }
        r = setsockopt(fd, (int)level, (int)opt, p, (socklen_t)n);
    }
    if (r < 0)
        return set_errno(errno);
    FT_RETURN_NONE;
}

static FtObject *sock_getsockopt(FtObject *self, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("getsockopt", nargs, 2, 3) < 0)
        return NULL;
    long level, opt;
    if (int_arg(args[0], &level) < 0 || int_arg(args[1], &opt) < 0)
        return NULL;
    int fd = sock_fd((SockObject *)self);
    if (nargs == 2) {
        int v = 0;
        socklen_t l = sizeof v;
        if (getsockopt(fd, (int)level, (int)opt, &v, &l) < 0)
            return set_errno(errno);
        return ft_int_from_i64(v);
    }
    long buflen;
    if (int_arg(args[2], &buflen) < 0)
        return NULL;
    if (buflen <= 0 || buflen > 1024) {
        ft_err_set_string(ft_exc_OSError, "getsockopt buflen out of range");
        return NULL;
    }
    char buf[1024];
    socklen_t l = (socklen_t)buflen;
    if (getsockopt(fd, (int)level, (int)opt, buf, &l) < 0)
        return set_errno(errno);
    return ft_bytes_from_data(buf, l);
}

static FtObject *sock_getsockname(FtObject *self, FtObject *u) {
    SockAddr addr;
    socklen_t len = sizeof addr;
    memset(&addr, 0, sizeof addr);
    if (getsockname(sock_fd((SockObject *)self), &addr.sa, &len) < 0)
        return set_errno(errno);
    return make_addr(&addr, len);
}

static FtObject *sock_getpeername(FtObject *self, FtObject *u) {
    SockAddr addr;
    socklen_t len = sizeof addr;
    memset(&addr, 0, sizeof addr);
    if (getpeername(sock_fd((SockObject *)self), &addr.sa, &len) < 0)
        return set_errno(errno);
    return make_addr(&addr, len);
}

static FtObject *set_timeout_value(SockObject *s, double t) {
    __atomic_store(&s->timeout, &t, __ATOMIC_RELAXED);
    int fd = sock_fd(s);
    if (fd >= 0 && set_nonblocking(fd, t >= 0) < 0)
        return set_errno(errno);
    FT_RETURN_NONE;
}

static FtObject *sock_settimeout(FtObject *self, FtObject *arg) {
    double t;
    if (timeout_arg(arg, &t) < 0)
        return NULL;
    return set_timeout_value((SockObject *)self, t);
}

static FtObject *sock_gettimeout(FtObject *self, FtObject *u) {
    double t = sock_timeout((SockObject *)self);
    if (t < 0)
        FT_RETURN_NONE;
    return ft_float_from_double(t);
}

static FtObject *sock_setblocking(FtObject *self, FtObject *arg) {
    int b = ft_object_is_true(arg);
    if (b < 0)
        return NULL;
    return set_timeout_value((SockObject *)self, b ? -1.0 : 0.0);
}

static FtObject *sock_getblocking(FtObject *self, FtObject *u) {
    return ft_bool_from(sock_timeout((SockObject *)self) != 0.0);
}

static FtObject *sock_get_family(FtObject *self, void *c) {
    return ft_int_from_i64(((SockObject *)self)->family);
}
static FtObject *sock_get_type(FtObject *self, void *c) {
    return ft_int_from_i64(((SockObject *)self)->type);
}
static FtObject *sock_get_proto(FtObject *self, void *c) {
    return ft_int_from_i64(((SockObject *)self)->proto);
}
static FtObject *sock_get_timeout(FtObject *self, void *c) { return sock_gettimeout(self, NULL); }

static FtMethodDef sock_methods[] = {
    {"_accept", (void *)sock_accept, FT_METH_NOARGS, NULL},
    {"bind", (void *)sock_bind, FT_METH_O, NULL},
    {"close", (void *)sock_close, FT_METH_NOARGS, NULL},
    {"connect", (void *)sock_connect, FT_METH_O, NULL},
    {"connect_ex", (void *)sock_connect_ex, FT_METH_O, NULL},
    {"detach", (void *)sock_detach, FT_METH_NOARGS, NULL},
    {"fileno", (void *)sock_fileno, FT_METH_NOARGS, NULL},
    {"getpeername", (void *)sock_getpeername, FT_METH_NOARGS, NULL},
    {"getsockname", (void *)sock_getsockname, FT_METH_NOARGS, NULL},
    {"getsockopt", (void *)sock_getsockopt, FT_METH_FASTCALL, NULL},
    {"setsockopt", (void *)sock_setsockopt, FT_METH_FASTCALL, NULL},
    {"gettimeout", (void *)sock_gettimeout, FT_METH_NOARGS, NULL},
    {"settimeout", (void *)sock_settimeout, FT_METH_O, NULL},
    {"getblocking", (void *)sock_getblocking, FT_METH_NOARGS, NULL},
    {"setblocking", (void *)sock_setblocking, FT_METH_O, NULL},
    {"listen", (void *)sock_listen, FT_METH_FASTCALL, NULL},
    {"recv", (void *)sock_recv, FT_METH_FASTCALL, NULL},
    {"recvfrom", (void *)sock_recvfrom, FT_METH_FASTCALL, NULL},
    {"recv_into", (void *)sock_recv_into, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"recvfrom_into", (void *)sock_recvfrom_into, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"send", (void *)sock_send, FT_METH_FASTCALL, NULL},
    {"sendall", (void *)sock_sendall, FT_METH_FASTCALL, NULL},
    {"sendto", (void *)sock_sendto, FT_METH_FASTCALL, NULL},
    {"shutdown", (void *)sock_shutdown, FT_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static FtGetSetDef sock_getset[] = {
    {"family", sock_get_family, NULL, "the socket family", NULL},
    {"type", sock_get_type, NULL, "the socket type", NULL},
    {"proto", sock_get_proto, NULL, "the socket protocol", NULL},
    {"timeout", sock_get_timeout, NULL, "the socket timeout", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static FtType sock_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "_socket.socket",
    .tp_basicsize = sizeof(SockObject),
    .tp_dealloc = sock_dealloc,
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_doc = "socket(family=AF_INET, type=SOCK_STREAM, proto=0) -> socket object",
    .tp_methods = sock_methods,
    .tp_getset = sock_getset,
    .tp_new = sock_tp_new,
    .tp_init = sock_tp_init,
};

/* ---- module functions --------------------------------------------------------------------- */

static FtObject *new_sock_from_fd(int fd, int family, int type, int proto) {
    SockObject *s = (SockObject *)sock_tp_new(&sock_type, NULL, NULL);
    if (s == NULL) {
        close(fd);
        return NULL;
    }
    s->fd = fd;
    s->family = family;
    s->type = type;
    s->proto = proto;
    __atomic_load(&default_timeout, &s->timeout, __ATOMIC_RELAXED);
    if (s->timeout >= 0)
        set_nonblocking(fd, 1);
    return (FtObject *)s;
}

static FtObject *mod_socketpair(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("socketpair", nargs, 0, 3) < 0)
        return NULL;
    long family = AF_UNIX, type = SOCK_STREAM, proto = 0;
    if (nargs > 0 && args[0] != FT_NONE && int_arg(args[0], &family) < 0)
        return NULL;
    if (nargs > 1 && int_arg(args[1], &type) < 0)
        return NULL;
    if (nargs > 2 && int_arg(args[2], &proto) < 0)
        return NULL;
    int sv[2];
    if (socketpair((int)family, (int)type | SOCK_CLOEXEC, (int)proto, sv) < 0)
        return set_errno(errno);
    FtObject *a = new_sock_from_fd(sv[0], (int)family, (int)type, (int)proto);
    FtObject *b = new_sock_from_fd(sv[1], (int)family, (int)type, (int)proto);
    FtObject *t = a && b ? ft_tuple_pack(2, a, b) : NULL;
    FT_XDECREF(a);
    FT_XDECREF(b);
    return t;
}

static FtObject *mod_dup(FtObject *m, FtObject *arg) {
    long fd;
    if (int_arg(arg, &fd) < 0)
        return NULL;
    int nfd = fcntl((int)fd, F_DUPFD_CLOEXEC, 0);
    if (nfd < 0)
        return set_errno(errno);
    return ft_int_from_i64(nfd);
}

static FtObject *mod_close(FtObject *m, FtObject *arg) {
    long fd;
    if (int_arg(arg, &fd) < 0)
        return NULL;
    if (close((int)fd) < 0 && errno != ECONNRESET)
        return set_errno(errno);
    FT_RETURN_NONE;
}

static FtObject *mod_getdefaulttimeout(FtObject *m, FtObject *u) {
    double t;
    __atomic_load(&default_timeout, &t, __ATOMIC_RELAXED);
    if (t < 0)
        FT_RETURN_NONE;
    return ft_float_from_double(t);
}

static FtObject *mod_setdefaulttimeout(FtObject *m, FtObject *arg) {
    double t;
    if (timeout_arg(arg, &t) < 0)
        return NULL;
    __atomic_store(&default_timeout, &t, __ATOMIC_RELAXED);
    FT_RETURN_NONE;
}

static FtObject *mod_gethostname(FtObject *m, FtObject *u) {
    char buf[1024];
    if (gethostname(buf, sizeof buf - 1) < 0)
        return set_errno(errno);
    buf[sizeof buf - 1] = '\0';
    return ft_str_from_cstr(buf);
}

static FtObject *mod_gethostbyname(FtObject *m, FtObject *arg) {
    FtObject *keep;
    const char *host = host_arg(arg, &keep);
    if (host == NULL)
        return NULL;
    SockAddr addr;
    socklen_t len;
    int r = resolve_host(host, AF_INET, &addr, &len);
    FT_XDECREF(keep);
    if (r < 0)
        return NULL;
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, &addr.in4.sin_addr, buf, sizeof buf);
    return ft_str_from_cstr(buf);
}

/* getaddrinfo(host, port, family=0, type=0, proto=0, flags=0) */
static FtObject *mod_getaddrinfo(FtObject *m, FtObject *const *args, ssize_t nargs,
                                 FtObject *kwnames) {
    static const char *const kw[] = {"host", "port", "family", "type", "proto", "flags", NULL};
    FtObject *a[6];
    if (ft_parse_args("getaddrinfo", args, nargs, kwnames, kw, 0, -1, 2, a) < 0)
        return NULL;
    long iv[4] = {0, 0, 0, 0};
    for (int i = 0; i < 4; i++)
        if (a[i + 2] && int_arg(a[i + 2], &iv[i]) < 0)
            return NULL;
    const char *host = NULL, *port = NULL;
    char portbuf[32];
    if (a[0] != FT_NONE) {
        if (ft_str_check(a[0])) {
            host = ft_str_as_utf8(a[0]);
        } else if (ft_bytes_check(a[0])) {
            host = FT_BYTES_DATA(a[0]);
        } else {
            ft_err_set_string(ft_exc_TypeError, "getaddrinfo() argument 1 must be string or None");
            return NULL;
        }
        if (host == NULL)
            return NULL;
    }
    if (ft_int_check(a[1])) {
        long p;
        if (int_arg(a[1], &p) < 0)
            return NULL;
        snprintf(portbuf, sizeof portbuf, "%ld", p);
        port = portbuf;
    } else if (ft_str_check(a[1])) {
        port = ft_str_as_utf8(a[1]);
    } else if (ft_bytes_check(a[1])) {
        port = FT_BYTES_DATA(a[1]);
    } else if (a[1] != FT_NONE) {
        ft_err_set_string(ft_exc_OSError, "Int or String expected");
        return NULL;
    }
    struct addrinfo hints, *res = NULL;
    memset(&hints, 0, sizeof hints);
    hints.ai_family = (int)iv[0];
    hints.ai_socktype = (int)iv[1];
    hints.ai_protocol = (int)iv[2];
    hints.ai_flags = (int)iv[3];
    FtThreadState *ts = ft_tstate_get();
    int err;
    FT_BLOCKING(ts, err = getaddrinfo(host, port, &hints, &res));
    if (err)
        return raise_gaierror(err);
    FtObject *list = ft_list_new(0);
    if (list == NULL)
        goto fail;
    for (struct addrinfo *ai = res; ai; ai = ai->ai_next) {
        SockAddr sa;
        memset(&sa, 0, sizeof sa);
        size_t n = ai->ai_addrlen < sizeof sa ? ai->ai_addrlen : sizeof sa;
        memcpy(&sa, ai->ai_addr, n);
        FtObject *addr = make_addr(&sa, (socklen_t)n);
        FtObject *f = ft_int_from_i64(ai->ai_family);
        FtObject *t = ft_int_from_i64(ai->ai_socktype);
        FtObject *p = ft_int_from_i64(ai->ai_protocol);
        FtObject *c = ft_str_from_cstr(ai->ai_canonname ? ai->ai_canonname : "");
        FtObject *item = addr && f && t && p && c ? ft_tuple_pack(5, f, t, p, c, addr) : NULL;
        FT_XDECREF(addr);
        FT_XDECREF(f);
        FT_XDECREF(t);
        FT_XDECREF(p);
        FT_XDECREF(c);
        if (item == NULL || ft_list_append(list, item) < 0) {
            FT_XDECREF(item);
            FT_DECREF(list);
            goto fail;
        }
        FT_DECREF(item);
    }
    freeaddrinfo(res);
    return list;
fail:
    freeaddrinfo(res);
    return NULL;
}

static FtObject *mod_inet_aton(FtObject *m, FtObject *arg) {
    if (!ft_str_check(arg))
        return ft_err_format(ft_exc_TypeError, "inet_aton() argument 1 must be str, not %s",
                             ft_type_short_name(FT_TYPE(arg)));
    struct in_addr a;
    if (inet_aton(ft_str_as_utf8(arg), &a) == 0) {
        ft_err_set_string(ft_exc_OSError, "illegal IP address string passed to inet_aton");
        return NULL;
    }
    return ft_bytes_from_data(&a, 4);
}

static FtObject *mod_inet_ntoa(FtObject *m, FtObject *arg) {
    const char *p;
    ssize_t n;
    if (ft_bytes_like_get(arg, &p, &n) < 0)
        return NULL;
    if (n != 4) {
        ft_err_set_string(ft_exc_OSError, "packed IP wrong length for inet_ntoa");
        return NULL;
    }
    char buf[INET_ADDRSTRLEN];
    inet_ntop(AF_INET, p, buf, sizeof buf);
    return ft_str_from_cstr(buf);
}

static FtObject *mod_inet_pton(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("inet_pton", nargs, 2, 2) < 0)
        return NULL;
    long af;
    if (int_arg(args[0], &af) < 0)
        return NULL;
    if (!ft_str_check(args[1]))
        return ft_err_format(ft_exc_TypeError, "inet_pton() argument 2 must be str, not %s",
                             ft_type_short_name(FT_TYPE(args[1])));
    unsigned char buf[16];
    int r = inet_pton((int)af, ft_str_as_utf8(args[1]), buf);
    if (r < 0)
        return set_errno(errno);
    if (r == 0) {
        ft_err_set_string(ft_exc_OSError, "illegal IP address string passed to inet_pton");
        return NULL;
    }
    return ft_bytes_from_data(buf, af == AF_INET ? 4 : 16);
}

static FtObject *mod_inet_ntop(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("inet_ntop", nargs, 2, 2) < 0)
        return NULL;
    long af;
    if (int_arg(args[0], &af) < 0)
        return NULL;
    const char *p;
    ssize_t n;
    if (ft_bytes_like_get(args[1], &p, &n) < 0)
        return NULL;
    if (af == AF_INET ? n != 4 : af == AF_INET6 ? n != 16 : 0) {
        ft_err_set_string(ft_exc_ValueError, "invalid length of packed IP address string");
        return NULL;
    }
    if (af != AF_INET && af != AF_INET6) {
        ft_err_set_string(ft_exc_ValueError, "unknown address family");
        return NULL;
    }
    char buf[INET6_ADDRSTRLEN];
    if (inet_ntop((int)af, p, buf, sizeof buf) == NULL)
        return set_errno(errno);
    return ft_str_from_cstr(buf);
}

static FtObject *byteorder(FtObject *arg, int bits, int to_net) {
    long v;
    if (int_arg(arg, &v) < 0)
        return NULL;
    if (v < 0) {
        ft_err_set_string(ft_exc_OverflowError, "can't convert negative Python int to C 16-bit "
                                                "unsigned integer");
        return NULL;
    }
    if (bits == 16) {
        if (v > 0xffff) {
            ft_err_set_string(ft_exc_OverflowError,
                              "Python int too large to convert to C 16-bit unsigned integer");
            return NULL;
        }
        return ft_int_from_i64(to_net ? htons((uint16_t)v) : ntohs((uint16_t)v));
    }
    return ft_int_from_u64(to_net ? htonl((uint32_t)v) : ntohl((uint32_t)v));
}
static FtObject *mod_htons(FtObject *m, FtObject *a) { return byteorder(a, 16, 1); }
static FtObject *mod_ntohs(FtObject *m, FtObject *a) { return byteorder(a, 16, 0); }
static FtObject *mod_htonl(FtObject *m, FtObject *a) { return byteorder(a, 32, 1); }
static FtObject *mod_ntohl(FtObject *m, FtObject *a) { return byteorder(a, 32, 0); }

static FtMethodDef socket_functions[] = {
    {"socketpair", (void *)mod_socketpair, FT_METH_FASTCALL, NULL},
    {"dup", (void *)mod_dup, FT_METH_O, NULL},
    {"close", (void *)mod_close, FT_METH_O, NULL},
    {"getdefaulttimeout", (void *)mod_getdefaulttimeout, FT_METH_NOARGS, NULL},
    {"setdefaulttimeout", (void *)mod_setdefaulttimeout, FT_METH_O, NULL},
    {"gethostname", (void *)mod_gethostname, FT_METH_NOARGS, NULL},
    {"gethostbyname", (void *)mod_gethostbyname, FT_METH_O, NULL},
    {"getaddrinfo", (void *)mod_getaddrinfo, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"inet_aton", (void *)mod_inet_aton, FT_METH_O, NULL},
    {"inet_ntoa", (void *)mod_inet_ntoa, FT_METH_O, NULL},
    {"inet_pton", (void *)mod_inet_pton, FT_METH_FASTCALL, NULL},
    {"inet_ntop", (void *)mod_inet_ntop, FT_METH_FASTCALL, NULL},
    {"htons", (void *)mod_htons, FT_METH_O, NULL},
    {"ntohs", (void *)mod_ntohs, FT_METH_O, NULL},
    {"htonl", (void *)mod_htonl, FT_METH_O, NULL},
    {"ntohl", (void *)mod_ntohl, FT_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

/* class name(OSError) in module socket */
static FtType *make_exc(const char *name) {
    FtObject *n = ft_str_from_cstr(name);
    FtObject *bases = ft_tuple_pack(1, (FtObject *)ft_exc_OSError);
    FtObject *d = ft_dict_new();
    FtObject *mod = ft_str_from_cstr("socket");
    FtObject *t = NULL;
    if (n && bases && d && mod && ft_dict_set_cstr(d, "__module__", mod) == 0)
        t = ft_object_call_va((FtObject *)&ft_type_type, n, bases, d, NULL);
    FT_XDECREF(n);
    FT_XDECREF(bases);
    FT_XDECREF(d);
    FT_XDECREF(mod);
    return (FtType *)t;
}

static int socket_exec(FtObject *m) {
    if (!(sock_type.tp_flags & FT_TPFLAGS_READY) && ft_type_ready(&sock_type) < 0)
        return -1;
    if (gaierror_type == NULL) {
        gaierror_type = make_exc("gaierror");
        herror_type = make_exc("herror");
        if (gaierror_type == NULL || herror_type == NULL)
            return -1;
    }
    FT_INCREF(&sock_type);
    if (ft_module_add_object(m, "socket", (FtObject *)&sock_type) < 0)
        return -1;
    FT_INCREF(&sock_type);
    if (ft_module_add_object(m, "SocketType", (FtObject *)&sock_type) < 0)
        return -1;
    FT_INCREF(gaierror_type);
    FT_INCREF(herror_type);
    FT_INCREF(ft_exc_OSError);
    FT_INCREF(ft_exc_TimeoutError);
    if (ft_module_add_object(m, "gaierror", (FtObject *)gaierror_type) < 0 ||
        ft_module_add_object(m, "herror", (FtObject *)herror_type) < 0 ||
        ft_module_add_object(m, "error", (FtObject *)ft_exc_OSError) < 0 ||
        ft_module_add_object(m, "timeout", (FtObject *)ft_exc_TimeoutError) < 0)
        return -1;
    static const struct { const char *name; int64_t value; } consts[] = {
        {"AF_UNSPEC", AF_UNSPEC}, {"AF_INET", AF_INET}, {"AF_INET6", AF_INET6},
        {"AF_UNIX", AF_UNIX},
        {"SOCK_STREAM", SOCK_STREAM}, {"SOCK_DGRAM", SOCK_DGRAM}, {"SOCK_RAW", SOCK_RAW},
        {"SOCK_SEQPACKET", SOCK_SEQPACKET}, {"SOCK_RDM", SOCK_RDM},
        {"SOCK_NONBLOCK", SOCK_NONBLOCK}, {"SOCK_CLOEXEC", SOCK_CLOEXEC},
        {"SOL_SOCKET", SOL_SOCKET}, {"SOL_IP", SOL_IP}, {"SOL_TCP", SOL_TCP},
        {"SOL_UDP", IPPROTO_UDP},
        {"SO_REUSEADDR", SO_REUSEADDR}, {"SO_REUSEPORT", SO_REUSEPORT},
        {"SO_KEEPALIVE", SO_KEEPALIVE}, {"SO_BROADCAST", SO_BROADCAST},
        {"SO_LINGER", SO_LINGER}, {"SO_SNDBUF", SO_SNDBUF}, {"SO_RCVBUF", SO_RCVBUF},
        {"SO_ERROR", SO_ERROR}, {"SO_TYPE", SO_TYPE}, {"SO_DOMAIN", SO_DOMAIN},
        {"SO_PROTOCOL", SO_PROTOCOL}, {"SO_ACCEPTCONN", SO_ACCEPTCONN},
        {"SO_RCVLOWAT", SO_RCVLOWAT}, {"SO_SNDLOWAT", SO_SNDLOWAT},
        {"SO_RCVTIMEO", SO_RCVTIMEO}, {"SO_SNDTIMEO", SO_SNDTIMEO},
        {"SO_OOBINLINE", SO_OOBINLINE},
        {"SOMAXCONN", SOMAXCONN},
        {"IPPROTO_IP", IPPROTO_IP}, {"IPPROTO_TCP", IPPROTO_TCP}, {"IPPROTO_UDP", IPPROTO_UDP},
        {"IPPROTO_IPV6", IPPROTO_IPV6}, {"IPPROTO_ICMP", IPPROTO_ICMP},
        {"IPPROTO_RAW", IPPROTO_RAW},
        {"IPV6_V6ONLY", IPV6_V6ONLY}, {"IP_TTL", IP_TTL}, {"IP_TOS", IP_TOS},
        {"TCP_NODELAY", TCP_NODELAY}, {"TCP_MAXSEG", TCP_MAXSEG},
        {"TCP_KEEPIDLE", TCP_KEEPIDLE}, {"TCP_KEEPINTVL", TCP_KEEPINTVL},
        {"TCP_KEEPCNT", TCP_KEEPCNT},
        {"SHUT_RD", SHUT_RD}, {"SHUT_WR", SHUT_WR}, {"SHUT_RDWR", SHUT_RDWR},
        {"MSG_PEEK", MSG_PEEK}, {"MSG_OOB", MSG_OOB}, {"MSG_WAITALL", MSG_WAITALL},
        {"MSG_DONTWAIT", MSG_DONTWAIT}, {"MSG_NOSIGNAL", MSG_NOSIGNAL},
        {"MSG_TRUNC", MSG_TRUNC}, {"MSG_DONTROUTE", MSG_DONTROUTE},
        {"AI_PASSIVE", AI_PASSIVE}, {"AI_CANONNAME", AI_CANONNAME},
        {"AI_NUMERICHOST", AI_NUMERICHOST}, {"AI_NUMERICSERV", AI_NUMERICSERV},
        {"AI_ADDRCONFIG", AI_ADDRCONFIG}, {"AI_V4MAPPED", AI_V4MAPPED}, {"AI_ALL", AI_ALL},
        {"NI_NUMERICHOST", NI_NUMERICHOST}, {"NI_NUMERICSERV", NI_NUMERICSERV},
        {"NI_NAMEREQD", NI_NAMEREQD}, {"NI_DGRAM", NI_DGRAM},
        {"EAI_NONAME", EAI_NONAME}, {"EAI_AGAIN", EAI_AGAIN}, {"EAI_FAIL", EAI_FAIL},
        {"EAI_FAMILY", EAI_FAMILY}, {"EAI_SERVICE", EAI_SERVICE},
        {"INADDR_ANY", INADDR_ANY}, {"INADDR_LOOPBACK", INADDR_LOOPBACK},
        {"INADDR_BROADCAST", INADDR_BROADCAST}, {"INADDR_NONE", INADDR_NONE},
        {"has_ipv6", 1},
    };
    for (size_t i = 0; i < sizeof consts / sizeof consts[0]; i++)
        if (ft_module_add_int(m, consts[i].name, consts[i].value) < 0)
            return -1;
    return 0;
}

FtModuleDef ft_socket_module_def = {
    .name = "_socket",
    .doc = "Implementation module for socket operations.",
    .methods = socket_functions,
    .exec = socket_exec,
};
