/* The _multiprocessing module (ft_multiprocessing_module_def): the shared-memory primitives
 * that runtime/lib/multiprocessing/ is built on. ftpy starts processes with fork only, so
 * "shared between processes" means "in memory that fork does not copy": every object here
 * keeps its state in a MAP_SHARED | MAP_ANONYMOUS mapping made when it is created, and each
 * process forked afterwards sees the same pages.
 *
 * SemLock (CPython's _multiprocessing.SemLock, Modules/_multiprocessing/semaphore.c): a POSIX
 * unnamed semaphore (sem_init with pshared = 1) in its own shared page. `kind` is
 * RECURSIVE_MUTEX (0) or SEMAPHORE (1). The owner bookkeeping (count, last thread) is NOT
 * shared: it lives in the Python object, which each process has its own copy of after fork,
 * exactly as in CPython. A recursive mutex counts re-acquisitions by its owner without
 * touching the semaphore; _after_fork() forgets ownership in the child.
 *
 *   acquire: sem_trywait first (no detach on the uncontended path); when that fails and the
 *   caller may block, wait detached (FT_BLOCKING) in sem_clockwait / sem_wait. A wait
 *   interrupted by a signal (EINTR) attaches and runs the Python handlers
 *   (ft_signals_check): an exception from them (KeyboardInterrupt) ends the wait, otherwise
 *   it goes on for the time left (PEP 475). The main thread, which runs the handlers, waits
 *   in slices of SIGNAL_SLICE_NS, because a process-directed signal may be delivered to
 *   another thread and then never interrupts its sem_wait (same reasoning as _thread.lock).
 *   release: for a bounded semaphore (maxvalue below SEM_VALUE_MAX) sem_getvalue first, so
 *   that releasing too often is an error (a check, not a guarantee, as in CPython).
 *
 * SharedArray (private to ftpy's multiprocessing.sharedctypes, which has no ctypes): a
 * fixed-length array of C values of one `array`-module typecode (b B h H i I l L q Q f d,
 * plus c for one-byte bytes and u for one-character str) in a shared mapping, zero-filled.
 * Items convert as ctypes converts them: integers are truncated to the C type (no overflow
 * check), through __index__; floats through __float__. No lock: sharedctypes wraps it in a
 * SemLock-based RLock when asked to (Value/Array with lock=True).
 *
 * Unmapping. A mapping is unmapped when the Python object of THIS process dies; the other
 * processes keep theirs. sem_destroy is never called: another process may still wait on
 * the semaphore, and on Linux it has nothing to free anyway.
 *
 * Summary: (1) all cross-process state is in MAP_SHARED pages created before fork; (2) a
 * thread blocks on a semaphore only while detached; (3) ownership of a recursive mutex is
 * per process (pid + thread id), so a forked child never believes it holds its parent's
 * lock. */
#define _GNU_SOURCE
#include "runtime/import.h"
#include "runtime/signals.h"
#include "runtime/tstate.h"
#include "locking/strategy.h"
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <semaphore.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/mman.h>
#include <time.h>
#include <unistd.h>

enum { RECURSIVE_MUTEX = 0, SEMAPHORE = 1 };

#define SIGNAL_SLICE_NS 20000000

static FtType semlock_type, shared_array_type;

static void *shared_map(size_t size) {
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_SHARED | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) {
        ft_err_set_from_errno(ft_exc_OSError);
        return NULL;
    }
    return p;
}

static int64_t monotonic_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* ---- SemLock ------------------------------------------------------------------------------ */

typedef struct {
    FtObject ob_base;
    sem_t *handle;          /* in a shared page of its own */
    int kind;
    int maxvalue;
    FtObject *name;         /* str or None */
    /* Per process, not shared (see the top of the file). In free-threaded builds several
     * threads of a process may use the object at once, so these are atomics: the last
     * acquirer stores its identity, then increments `count` (release), and _is_mine loads
     * `count` (acquire) before the identity, so a thread that sees count > 0 and its own
     * identity did acquire last. `count` changes by atomic add only (a Lock may be acquired
     * by one thread and released by another). */
    pid_t owner_pid;
    pthread_t owner_tid;
    int count;              /* acquisitions minus releases (a recursive mutex: nesting) */
} SemLockObject;

static int semlock_count_get(SemLockObject *s) {
    /* acquire: pairs with the release add in note_acquired, so the owner fields read
     * afterwards are at least as new as that acquisition */
    return __atomic_load_n(&s->count, __ATOMIC_ACQUIRE);
}

static int semlock_is_mine(SemLockObject *s) {
    return semlock_count_get(s) > 0 &&
           __atomic_load_n(&s->owner_pid, __ATOMIC_RELAXED) == getpid() &&
           pthread_equal(__atomic_load_n(&s->owner_tid, __ATOMIC_RELAXED), pthread_self());
}

static void note_acquired(SemLockObject *s) {
    __atomic_store_n(&s->owner_pid, getpid(), __ATOMIC_RELAXED);
    __atomic_store_n(&s->owner_tid, pthread_self(), __ATOMIC_RELAXED);
    /* release: publishes the owner fields to semlock_is_mine's acquire load */
    __atomic_add_fetch(&s->count, 1, __ATOMIC_RELEASE);
}

static FtObject *semlock_tp_new(FtType *type, FtObject *args, FtObject *kwargs) {
    static const char *const kwlist[] = {"kind", "value", "maxvalue", "name", "unlink", NULL};
    ssize_t nargs = FT_SIZE(args);
    FtObject *kwnames = NULL;
    FtObject *stack[5];
    ssize_t nkw = kwargs ? ft_dict_size(kwargs) : 0;
    if (nargs + nkw > 5)
        return ft_err_format(ft_exc_TypeError,
                             "SemLock() takes at most 5 arguments (%zd given)", nargs + nkw);
    for (ssize_t i = 0; i < nargs; i++)
        stack[i] = FT_TUPLE_GET(args, i);
    if (nkw) {
        kwnames = ft_tuple_new(nkw);
        if (kwnames == NULL)
            return NULL;
        ssize_t pos = 0, j = 0;
        FtObject *k, *v;
        while (ft_dict_next(kwargs, &pos, &k, &v)) {
            FT_TUPLE_SET(kwnames, j, FT_NEWREF(k));
            stack[nargs + j] = v;
            j++;
        }
    }
    FtObject *a[5];
    int r = ft_parse_args("SemLock", stack, nargs, kwnames, kwlist, 0, -1, 5, a);
    FT_XDECREF(kwnames);
    if (r < 0)
        return NULL;
    int overflow = 0;
    int64_t kind, value, maxvalue;
    FtObject *ints[3] = {a[0], a[1], a[2]};
    int64_t *outs[3] = {&kind, &value, &maxvalue};
    for (int i = 0; i < 3; i++) {
        FtObject *n = ft_number_index(ints[i]);
        if (n == NULL)
            return NULL;
        *outs[i] = ft_int_as_i64(n, &overflow);
        FT_DECREF(n);
        if (overflow || *outs[i] < INT_MIN || *outs[i] > INT_MAX)
            return ft_err_format(ft_exc_OverflowError, "Python int too large to convert to C int");
    }
    if (kind != RECURSIVE_MUTEX && kind != SEMAPHORE) {
        ft_err_set_string(ft_exc_ValueError, "unrecognized kind");
        return NULL;
    }
    if (a[3] != FT_NONE && !ft_str_check(a[3]))
        return ft_err_format(ft_exc_TypeError, "SemLock() argument 'name' must be str or None, "
                             "not %s", ft_type_short_name(FT_TYPE(a[3])));
    if (value < 0 || value > SEM_VALUE_MAX) {
        errno = EINVAL;
        return ft_err_set_from_errno(ft_exc_OSError);
    }
    sem_t *sem = shared_map(sizeof(sem_t));
    if (sem == NULL)
        return NULL;
    if (sem_init(sem, 1, (unsigned)value) < 0) {
        ft_err_set_from_errno(ft_exc_OSError);
        munmap(sem, sizeof(sem_t));
        return NULL;
    }
    SemLockObject *s = (SemLockObject *)type->tp_alloc(type, 0);
    if (s == NULL) {
        munmap(sem, sizeof(sem_t));
        return NULL;
    }
    s->handle = sem;
    s->kind = (int)kind;
    s->maxvalue = (int)maxvalue;
    /* CPython keeps the name only of a semaphore it did not unlink at once */
    int unlink = ft_object_is_true(a[4]);
    if (unlink < 0) {
        FT_DECREF(s);
        return NULL;
    }
    s->name = FT_NEWREF(unlink ? FT_NONE : a[3]);
    s->count = 0;
    s->owner_pid = 0;
    return (FtObject *)s;
}

static void semlock_dealloc(FtObject *o) {
    SemLockObject *s = (SemLockObject *)o;
    if (s->handle)
        munmap(s->handle, sizeof(sem_t));
    FT_XDECREF(s->name);
    FtType *t = FT_TYPE(o);
    t->tp_free(o);
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(t);
}

/* Wait detached for the semaphore; timeout_ns < 0: forever. 1 acquired, 0 timed out, -1
 * error (exception set: a signal handler raised, or the semaphore failed). */
static int semlock_wait(SemLockObject *s, int64_t timeout_ns) {
    FtThreadState *ts = ft_tstate_get();
    int64_t deadline = timeout_ns >= 0 ? monotonic_ns() + timeout_ns : 0;
    int poll = ft_signals_is_main_thread();
    for (;;) {
        int64_t until = deadline;
        int sliced = 0;
        if (poll) {
            int64_t slice_end = monotonic_ns() + SIGNAL_SLICE_NS;
            if (timeout_ns < 0 || slice_end < until) {
                until = slice_end;
                sliced = 1;
            }
        }
        int r, err;
        if (timeout_ns < 0 && !poll) {
            FT_BLOCKING(ts, r = sem_wait(s->handle); err = errno);
        } else {
            struct timespec d = {until / 1000000000, until % 1000000000};
            FT_BLOCKING(ts, r = sem_clockwait(s->handle, CLOCK_MONOTONIC, &d); err = errno);
        }
        if (r == 0)
            return 1;
        if (err == ETIMEDOUT) {
            if (!sliced)
                return 0;
            if (ft_signals_pending() && ft_signals_check() < 0)
                return -1;
            continue;
        }
        if (err == EINTR) {
            if (ft_signals_check() < 0)
                return -1;
            continue;
        }
        errno = err;
        ft_err_set_from_errno(ft_exc_OSError);
        return -1;
    }
}

static FtObject *semlock_acquire(FtObject *self, FtObject *const *args, ssize_t nargs,
                                 FtObject *kwnames) {
    static const char *const kwlist[] = {"block", "timeout", NULL};
    SemLockObject *s = (SemLockObject *)self;
    FtObject *a[2];
    if (ft_parse_args("acquire", args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return NULL;
    int blocking = 1;
    if (a[0]) {
        blocking = ft_object_is_true(a[0]);
        if (blocking < 0)
            return NULL;
    }
    if (s->kind == RECURSIVE_MUTEX && semlock_is_mine(s)) {
        __atomic_add_fetch(&s->count, 1, __ATOMIC_RELAXED);  /* only the owner gets here */
        FT_RETURN_TRUE;
    }
    int64_t timeout_ns = -1;
    if (a[1] && a[1] != FT_NONE) {
        double t = ft_float_as_double(a[1]);
        if (t == -1.0 && ft_err_occurred())
            return NULL;
        if (isnan(t) || t < 0)
            t = 0;
        timeout_ns = t * 1e9 >= 9e18 ? -1 : (int64_t)ceil(t * 1e9);
    }
    int got;
    int r;
    do {
        r = sem_trywait(s->handle);
    } while (r < 0 && errno == EINTR && ft_signals_check() == 0);
    if (r == 0) {
        got = 1;
    } else if (errno != EAGAIN) {
        if (errno != EINTR)
            ft_err_set_from_errno(ft_exc_OSError);
        return NULL;
    } else if (!blocking || timeout_ns == 0) {
        got = 0;
    } else {
        got = semlock_wait(s, timeout_ns);
        if (got < 0)
            return NULL;
    }
    if (!got)
        FT_RETURN_FALSE;
    note_acquired(s);
    FT_RETURN_TRUE;
}

static FtObject *semlock_release(FtObject *self, FtObject *unused) {
    SemLockObject *s = (SemLockObject *)self;
    if (s->kind == RECURSIVE_MUTEX) {
        if (!semlock_is_mine(s)) {
            ft_err_set_string(ft_exc_AssertionError,
                              "attempt to release recursive lock not owned by thread");
            return NULL;
        }
        if (semlock_count_get(s) > 1) {
            __atomic_sub_fetch(&s->count, 1, __ATOMIC_RELAXED);  /* the owner's own count */
            FT_RETURN_NONE;
        }
    } else {
        int sval;
        if (sem_getvalue(s->handle, &sval) < 0)
            return ft_err_set_from_errno(ft_exc_OSError);
        if (sval >= s->maxvalue) {
            ft_err_set_string(ft_exc_ValueError, "semaphore or lock released too many times");
            return NULL;
        }
    }
    /* Count down before posting: once posted, another thread may acquire and count up. */
    __atomic_sub_fetch(&s->count, 1, __ATOMIC_RELAXED);
    if (sem_post(s->handle) < 0) {
        __atomic_add_fetch(&s->count, 1, __ATOMIC_RELAXED);
        return ft_err_set_from_errno(ft_exc_OSError);
    }
    FT_RETURN_NONE;
}

static FtObject *semlock_enter(FtObject *self, FtObject *unused) {
    return semlock_acquire(self, NULL, 0, NULL);
}

static FtObject *semlock_exit(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return semlock_release(self, NULL);
}

static FtObject *semlock_count(FtObject *self, FtObject *unused) {
    return ft_int_from_i64(semlock_count_get((SemLockObject *)self));
}

static FtObject *semlock_is_mine_m(FtObject *self, FtObject *unused) {
    return ft_bool_from(semlock_is_mine((SemLockObject *)self));
}

static FtObject *semlock_get_value(FtObject *self, FtObject *unused) {
    int sval;
    if (sem_getvalue(((SemLockObject *)self)->handle, &sval) < 0)
        return ft_err_set_from_errno(ft_exc_OSError);
    return ft_int_from_i64(sval < 0 ? 0 : sval);  /* some systems count waiters as < 0 */
}

static FtObject *semlock_is_zero(FtObject *self, FtObject *unused) {
    int sval;
    if (sem_getvalue(((SemLockObject *)self)->handle, &sval) < 0)
        return ft_err_set_from_errno(ft_exc_OSError);
    return ft_bool_from(sval <= 0);
}

static FtObject *semlock_after_fork(FtObject *self, FtObject *unused) {
    __atomic_store_n(&((SemLockObject *)self)->count, 0, __ATOMIC_RELAXED);
    FT_RETURN_NONE;
}

static FtObject *semlock_handle(FtObject *self, void *closure) {
    return ft_int_from_u64((uint64_t)(uintptr_t)((SemLockObject *)self)->handle);
}

static FtMethodDef semlock_methods[] = {
    {"acquire", (void *)semlock_acquire, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"release", (void *)semlock_release, FT_METH_NOARGS, NULL},
    {"__enter__", (void *)semlock_enter, FT_METH_NOARGS, NULL},
    {"__exit__", (void *)semlock_exit, FT_METH_FASTCALL, NULL},
    {"_count", (void *)semlock_count, FT_METH_NOARGS, NULL},
    {"_is_mine", (void *)semlock_is_mine_m, FT_METH_NOARGS, NULL},
    {"_get_value", (void *)semlock_get_value, FT_METH_NOARGS, NULL},
    {"_is_zero", (void *)semlock_is_zero, FT_METH_NOARGS, NULL},
    {"_after_fork", (void *)semlock_after_fork, FT_METH_NOARGS, NULL},
    {NULL},
};

static FtMemberDef semlock_members[] = {
    {"kind", FT_T_INT, offsetof(SemLockObject, kind), FT_READONLY, NULL},
    {"maxvalue", FT_T_INT, offsetof(SemLockObject, maxvalue), FT_READONLY, NULL},
    {"name", FT_T_OBJECT, offsetof(SemLockObject, name), FT_READONLY, NULL},
    {NULL},
};

static FtGetSetDef semlock_getset[] = {
    {"handle", semlock_handle, NULL, NULL, NULL},
    {NULL},
};

static FtType semlock_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "_multiprocessing.SemLock",
    .tp_basicsize = sizeof(SemLockObject),
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_dealloc = semlock_dealloc,
    .tp_methods = semlock_methods,
    .tp_members = semlock_members,
    .tp_getset = semlock_getset,
    .tp_new = semlock_tp_new,
};

/* ---- SharedArray -------------------------------------------------------------------------- */

typedef struct {
    FtObject ob_base;
    char typecode;
    ssize_t itemsize;
    ssize_t length;
    char *data;             /* shared mapping of map_size bytes */
    size_t map_size;
} SharedArrayObject;

static ssize_t typecode_size(int c) {
    switch (c) {
    case 'b': case 'B': case 'c': return 1;
    case 'h': case 'H': return 2;
    case 'i': case 'I': case 'f': case 'u': return 4;
    case 'l': case 'L': case 'q': case 'Q': case 'd': return 8;
    default: return 0;
    }
}

static FtObject *shared_array_tp_new(FtType *type, FtObject *args, FtObject *kwargs) {
    if (kwargs && ft_dict_size(kwargs) > 0)
        return ft_err_format(ft_exc_TypeError, "SharedArray() takes no keyword arguments");
    if (FT_SIZE(args) != 2)
        return ft_err_format(ft_exc_TypeError, "SharedArray() takes exactly 2 arguments (%zd "
                             "given)", FT_SIZE(args));
    FtObject *tc = FT_TUPLE_GET(args, 0);
    if (!ft_str_check(tc) || FT_STR_LEN(tc) != 1 || typecode_size((int)ft_str_read(tc, 0)) == 0)
        return ft_err_format(ft_exc_ValueError, "bad typecode (must be b, B, h, H, i, I, l, L, "
                             "q, Q, f, d, c or u)");
    ssize_t n = ft_number_as_ssize(FT_TUPLE_GET(args, 1), ft_exc_OverflowError);
    if (n == -1 && ft_err_occurred())
        return NULL;
    if (n < 0)
        return ft_err_format(ft_exc_ValueError, "Array length must be >= 0, not %zd", n);
    int c = (int)ft_str_read(tc, 0);
    ssize_t isz = typecode_size(c);
    if (n > (ssize_t)(SSIZE_MAX / 2) / isz)
        return ft_err_format(ft_exc_OverflowError, "array too large");
    size_t size = (size_t)(n * isz);
    char *data = shared_map(size ? size : 1);
    if (data == NULL)
        return NULL;
    SharedArrayObject *a = (SharedArrayObject *)type->tp_alloc(type, 0);
    if (a == NULL) {
        munmap(data, size ? size : 1);
        return NULL;
    }
    a->typecode = (char)c;
    a->itemsize = isz;
    a->length = n;
    a->data = data;
    a->map_size = size ? size : 1;
    return (FtObject *)a;
}

static void shared_array_dealloc(FtObject *o) {
    SharedArrayObject *a = (SharedArrayObject *)o;
    if (a->data)
        munmap(a->data, a->map_size);
    FtType *t = FT_TYPE(o);
    t->tp_free(o);
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(t);
}

static FtObject *get_item(SharedArrayObject *a, ssize_t i) {
    char *p = a->data + i * a->itemsize;
    switch (a->typecode) {
    case 'b': return ft_int_from_i64(*(int8_t *)p);
    case 'B': return ft_int_from_i64(*(uint8_t *)p);
    case 'h': return ft_int_from_i64(*(int16_t *)p);
    case 'H': return ft_int_from_i64(*(uint16_t *)p);
    case 'i': return ft_int_from_i64(*(int32_t *)p);
    case 'I': return ft_int_from_i64(*(uint32_t *)p);
    case 'l': case 'q': return ft_int_from_i64(*(int64_t *)p);
    case 'L': case 'Q': return ft_int_from_u64(*(uint64_t *)p);
    case 'f': return ft_float_from_double(*(float *)p);
    case 'd': return ft_float_from_double(*(double *)p);
    case 'c': return ft_bytes_from_data(p, 1);
    case 'u': {
        uint32_t cp = *(uint32_t *)p;
        if (cp > 0x10ffff)
            return ft_err_format(ft_exc_ValueError, "character U+%x is not in range "
                                 "[U+0000; U+10ffff]", cp);
        return ft_str_from_char(cp);
    }
    }
    return NULL;
}

/* The low 64 bits of an integer (ctypes truncates silently), through __index__. */
static int low_bits(FtObject *v, uint64_t *out) {
    FtObject *n = ft_number_index(v);
    if (n == NULL)
        return -1;
    int overflow = 0;
    int64_t x = ft_int_as_i64(n, &overflow);
    if (overflow) {
        FtObject *mask = ft_int_from_u64(UINT64_MAX);
        FtObject *m = mask ? ft_number_binop(n, mask, FT_BINOP_AND) : NULL;
        FT_XDECREF(mask);
        FT_DECREF(n);
        if (m == NULL)
            return -1;
        /* m is in [0, 2**64): its value through the float-free path */
        FtObject *half = ft_int_from_u64((uint64_t)1 << 63);
        int big = half ? ft_object_richcompare_bool(m, half, FT_GE) : -1;
        if (big < 0) {
            FT_XDECREF(half);
            FT_DECREF(m);
            return -1;
        }
        if (big) {
            FtObject *lo = ft_number_binop(m, half, FT_BINOP_SUBTRACT);
            FT_DECREF(m);
            m = lo;
            if (m == NULL) {
                FT_DECREF(half);
                return -1;
            }
        }
        FT_DECREF(half);
        x = ft_int_as_i64(m, &overflow);
        FT_DECREF(m);
        *out = (uint64_t)x + (big ? (uint64_t)1 << 63 : 0);
        return 0;
    }
    FT_DECREF(n);
    *out = (uint64_t)x;
    return 0;
}

static int set_item(SharedArrayObject *a, ssize_t i, FtObject *v) {
    char *p = a->data + i * a->itemsize;
    uint64_t u = 0;
    switch (a->typecode) {
    case 'f': case 'd': {
        double d = ft_float_as_double(v);
        if (d == -1.0 && ft_err_occurred()) {
            if (ft_err_matches(ft_exc_TypeError)) {
                ft_err_clear();
                ft_err_format(ft_exc_TypeError, "must be real number, not %s",
                              ft_type_short_name(FT_TYPE(v)));
            }
            return -1;
        }
        if (a->typecode == 'f')
            *(float *)p = (float)d;
        else
            *(double *)p = d;
        return 0;
    }
    case 'c': {
        const char *data;
        ssize_t len;
        if ((ft_bytes_check(v) || ft_bytearray_check(v)) &&
            ft_bytes_like_get(v, &data, &len) == 0 && len == 1) {
            *p = data[0];
            return 0;
        }
        if (ft_int_check(v)) {
            int overflow = 0;
            int64_t x = ft_int_as_i64(v, &overflow);
            if (!overflow && x >= 0 && x < 256) {
                *(uint8_t *)p = (uint8_t)x;
                return 0;
            }
        }
        ft_err_set_string(ft_exc_TypeError, "one character bytes, bytearray or integer expected");
        return -1;
    }
    case 'u':
        if (!ft_str_check(v)) {
            ft_err_format(ft_exc_TypeError, "unicode string expected instead of %s instance",
                          ft_type_short_name(FT_TYPE(v)));
            return -1;
        }
        if (FT_STR_LEN(v) != 1) {
            ft_err_set_string(ft_exc_TypeError, "one character unicode string expected");
            return -1;
        }
        *(uint32_t *)p = ft_str_read(v, 0);
        return 0;
    }
    if (low_bits(v, &u) < 0)
        return -1;
    switch (a->typecode) {
    case 'b': case 'B': *(uint8_t *)p = (uint8_t)u; break;
    case 'h': case 'H': *(uint16_t *)p = (uint16_t)u; break;
    case 'i': case 'I': *(uint32_t *)p = (uint32_t)u; break;
    default: *(uint64_t *)p = u; break;
    }
    return 0;
}

static ssize_t shared_array_len(FtObject *self) {
    return ((SharedArrayObject *)self)->length;
}

static int index_of(SharedArrayObject *a, FtObject *key, ssize_t *out) {
    ssize_t i = ft_number_as_ssize(key, ft_exc_IndexError);
    if (i == -1 && ft_err_occurred())
        return -1;
    if (i < 0)
        i += a->length;
    if (i < 0 || i >= a->length) {
        ft_err_set_string(ft_exc_IndexError, "invalid index");
        return -1;
    }
    *out = i;
    return 0;
}

static FtObject *shared_array_subscript(FtObject *self, FtObject *key) {
    SharedArrayObject *a = (SharedArrayObject *)self;
    if (ft_slice_check(key)) {
        ssize_t start, stop, step;
        if (ft_slice_unpack(key, &start, &stop, &step) < 0)
            return NULL;
        ssize_t n = ft_slice_adjust_indices(a->length, &start, &stop, step);
        if (a->typecode == 'c' || a->typecode == 'u') {
            if (a->typecode == 'c') {
                FtObject *b = ft_bytes_new(n);
                if (b == NULL)
                    return NULL;
                for (ssize_t k = 0; k < n; k++)
                    FT_BYTES_DATA(b)[k] = a->data[start + k * step];
                return b;
            }
            uint32_t *cps = ft_mem_alloc((size_t)(n ? n : 1) * sizeof(uint32_t));
            if (cps == NULL)
                return NULL;
            for (ssize_t k = 0; k < n; k++)
                cps[k] = ((uint32_t *)a->data)[start + k * step];
            FtObject *s = ft_str_from_ucs4(cps, n);
            ft_mem_free(cps);
            return s;
        }
        FtObject *l = ft_list_new(n);
        if (l == NULL)
            return NULL;
        for (ssize_t k = 0; k < n; k++) {
            FtObject *v = get_item(a, start + k * step);
            if (v == NULL) {
                FT_DECREF(l);
                return NULL;
            }
            FT_LIST_SET(l, k, v);
        }
        return l;
    }
    if (!ft_index_check(key)) {
        ft_err_set_string(ft_exc_TypeError, "indices must be integers");
        return NULL;
    }
    ssize_t i;
    if (index_of(a, key, &i) < 0)
        return NULL;
    return get_item(a, i);
}

static int shared_array_ass_subscript(FtObject *self, FtObject *key, FtObject *value) {
    SharedArrayObject *a = (SharedArrayObject *)self;
    if (value == NULL) {
        ft_err_set_string(ft_exc_TypeError, "Array does not support item deletion");
        return -1;
    }
    if (ft_slice_check(key)) {
        ssize_t start, stop, step;
        if (ft_slice_unpack(key, &start, &stop, &step) < 0)
            return -1;
        ssize_t n = ft_slice_adjust_indices(a->length, &start, &stop, step);
        ssize_t vlen = ft_object_length(value);
        if (vlen < 0)
            return -1;
        if (vlen != n) {
            ft_err_set_string(ft_exc_ValueError, "Can only assign sequence of same size");
            return -1;
        }
        for (ssize_t k = 0; k < n; k++) {
            FtObject *item = ft_sequence_getitem(value, k);
            if (item == NULL)
                return -1;
            int r = set_item(a, start + k * step, item);
            FT_DECREF(item);
            if (r < 0)
                return -1;
        }
        return 0;
    }
    if (!ft_index_check(key)) {
        ft_err_set_string(ft_exc_TypeError, "indices must be integers");
        return -1;
    }
    ssize_t i;
    if (index_of(a, key, &i) < 0)
        return -1;
    return set_item(a, i, value);
}

/* The raw bytes, all of them (c arrays' .raw, and pickling-free copies). */
static FtObject *shared_array_get_raw(FtObject *self, FtObject *unused) {
    SharedArrayObject *a = (SharedArrayObject *)self;
    return ft_bytes_from_data(a->data, a->length * a->itemsize);
}

/* set_raw(data): copies a bytes-like object to the start of the array (at most its size). */
static FtObject *shared_array_set_raw(FtObject *self, FtObject *arg) {
    SharedArrayObject *a = (SharedArrayObject *)self;
    const char *data;
    ssize_t len;
    if (ft_bytes_like_get(arg, &data, &len) < 0)
        return NULL;
    if (len > a->length * a->itemsize) {
        ft_err_set_string(ft_exc_ValueError, "byte string too long");
        return NULL;
    }
    memcpy(a->data, data, (size_t)len);
    FT_RETURN_NONE;
}

static FtObject *shared_array_typecode(FtObject *self, void *closure) {
    char c = ((SharedArrayObject *)self)->typecode;
    return ft_str_from_latin1(&c, 1);
}

static FtObject *shared_array_itemsize(FtObject *self, void *closure) {
    return ft_int_from_ssize(((SharedArrayObject *)self)->itemsize);
}

static FtMethodDef shared_array_methods[] = {
    {"get_raw", (void *)shared_array_get_raw, FT_METH_NOARGS, NULL},
    {"set_raw", (void *)shared_array_set_raw, FT_METH_O, NULL},
    {NULL},
};

static FtGetSetDef shared_array_getset[] = {
    {"typecode", shared_array_typecode, NULL, NULL, NULL},
    {"itemsize", shared_array_itemsize, NULL, NULL, NULL},
    {NULL},
};

/* sq_item: iteration over the array itself */
static FtObject *shared_array_item(FtObject *self, ssize_t i) {
    SharedArrayObject *a = (SharedArrayObject *)self;
    if (i < 0 || i >= a->length) {
        ft_err_set_string(ft_exc_IndexError, "invalid index");
        return NULL;
    }
    return get_item(a, i);
}

static FtSequenceMethods shared_array_as_sequence = {
    .sq_length = shared_array_len,
    .sq_item = shared_array_item,
};

static FtMappingMethods shared_array_as_mapping = {
    .mp_length = shared_array_len,
    .mp_subscript = shared_array_subscript,
    .mp_ass_subscript = shared_array_ass_subscript,
};

static FtType shared_array_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "_multiprocessing.SharedArray",
    .tp_basicsize = sizeof(SharedArrayObject),
    .tp_dealloc = shared_array_dealloc,
    .tp_as_sequence = &shared_array_as_sequence,
    .tp_as_mapping = &shared_array_as_mapping,
    .tp_methods = shared_array_methods,
    .tp_getset = shared_array_getset,
    .tp_new = shared_array_tp_new,
};

/* ---- the module --------------------------------------------------------------------------- */

static int multiprocessing_exec(FtObject *m) {
    if (ft_type_ready(&semlock_type) < 0 || ft_type_ready(&shared_array_type) < 0)
        return -1;
    FtObject *max = ft_int_from_i64(SEM_VALUE_MAX);
    if (max == NULL)
        return -1;
    int r = ft_dict_set_cstr(semlock_type.tp_dict, "SEM_VALUE_MAX", max);
    FT_DECREF(max);
    if (r < 0)
        return -1;
    FtObject *flags = ft_dict_new();
    if (flags == NULL)
        return -1;
    FtObject *one = ft_int_from_i64(1);
    r = one ? ft_dict_set_cstr(flags, "HAVE_SEM_OPEN", one) : -1;
    if (r == 0)
        r = ft_dict_set_cstr(flags, "HAVE_SEM_TIMEDWAIT", one);
    FT_XDECREF(one);
    if (r < 0) {
        FT_DECREF(flags);
        return -1;
    }
    if (ft_module_add_object(m, "SemLock", FT_NEWREF(&semlock_type)) < 0 ||
        ft_module_add_object(m, "SharedArray", FT_NEWREF(&shared_array_type)) < 0 ||
        ft_module_add_object(m, "flags", flags) < 0)
        return -1;
    return 0;
}

FtModuleDef ft_multiprocessing_module_def = {
    .name = "_multiprocessing",
    .doc = "Shared-memory semaphores and arrays for the multiprocessing package.",
    .exec = multiprocessing_exec,
};
