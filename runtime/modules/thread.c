/* The _thread module (ft_thread_module_def): native threads running Python callables, the
 * lock types (lock, RLock), thread-local attribute storage (_local), and the thread queries
 * CPython's threading.py is built on (get_ident, get_native_id, _count, _set_sentinel, ...).
 *
 * Threads. start_new_thread() creates a detached pthread. The new thread makes its own
 * thread state, attaches (lk_thread_init: under the GIL build this takes the GIL), calls the
 * function, and then tears down in a fixed order, still attached because every step may
 * release references: its thread-local dicts, its exception state, its sentinel lock (which
 * is what Thread.join waits on, so it goes last of the Python-visible steps); then it
 * detaches for good (lk_thread_exit) and frees the VM's per-thread data (the frame arena)
 * and the thread state.
 *
 * Locks. A lock never relies on the GIL: in the brc and atomic builds threads run truly in
 * parallel. Each lock is a `locked` flag guarded by a pthread mutex, with a condition
 * variable (on CLOCK_MONOTONIC, so that wall-clock jumps do not stretch timeouts) to wait
 * for a release. The mutex is only ever held for a few instructions and never across
 * anything that can attach, detach, run Python code or release a reference, so holding it
 * while attached cannot deadlock against the GIL or a stop-the-world.
 *
 *   acquire: try without waiting first (no detach on the uncontended path); when the lock
 *   is taken and the caller may block, detach, wait on the condition variable until the
 *   flag is clear or the deadline passes, take it, and attach again.
 *   release: clear the flag and signal one waiter.
 *
 * Thread-local storage. Each thread keeps, in its thread state's `dict`, one instance dict
 * per _local object, keyed by that object's serial number (an int never reused). A thread's
 * dicts go away with it; a _local that dies removes its entry from every thread that has
 * one, found through a registry of the threads whose `dict` this file created.
 *
 * Summary: (1) a lock's state changes only under its mutex; (2) a thread blocks only while
 * detached; (3) no reference is released and no Python code runs while a pthread mutex of
 * this file is held; (4) a thread's sentinel lock is released after everything that thread
 * owned in Python terms is gone, so join() returning means the thread is done. */
#include "core/vm/frame.h"
#include "runtime/import.h"
#include "runtime/modules/stdio.h"
#include "runtime/signals.h"
#include "runtime/tstate.h"
#include <errno.h>
#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>

/* CPython's PY_TIMEOUT_MAX in seconds on 64-bit Linux (threading.TIMEOUT_MAX). */
#define TIMEOUT_MAX_SECONDS 9223372036.0

static FtType lock_type, rlock_type, local_type;

static int64_t monotonic_ns(void) {
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000000000 + t.tv_nsec;
}

/* ---- the lock core: a flag, a mutex, a condition variable ------------------------------- */

typedef struct LockCore {
    pthread_mutex_t mu;
    pthread_cond_t cv;      /* signalled on release */
    int locked;             /* guarded by mu */
} LockCore;

static void core_init(LockCore *c) {
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&c->cv, &attr);
    pthread_condattr_destroy(&attr);
    pthread_mutex_init(&c->mu, NULL);
    c->locked = 0;
}

static void core_destroy(LockCore *c) {
    pthread_cond_destroy(&c->cv);
    pthread_mutex_destroy(&c->mu);
}

static int core_try(LockCore *c) {
    pthread_mutex_lock(&c->mu);
    int got = !c->locked;
    c->locked = 1;
    pthread_mutex_unlock(&c->mu);
    return got;
}

/* Wait (detached) until the lock is free or `timeout_ns` passes (< 0: forever); take it.
 * Returns 1 when acquired, 0 on timeout. Called attached, returns attached.
 * Signals: an `interruptible` wait in the main thread (lock.acquire, hence Thread.join) waits
 * in slices of SIGNAL_SLICE_NS and, when a signal has arrived, attaches and runs the Python
 * signal handlers: -1 with the exception set when one raised (KeyboardInterrupt on Ctrl-C),
 * else the wait goes on for the time left (CPython's acquire_timed). Slices because a signal
 * handler cannot wake a condition variable (pthread_cond_signal is not async-signal-safe). */
#define SIGNAL_SLICE_NS 20000000
static int core_acquire(LockCore *c, int64_t timeout_ns, int interruptible) {
    if (core_try(c))
        return 1;
    if (timeout_ns == 0)
        return 0;
    int64_t deadline = timeout_ns > 0 ? monotonic_ns() + timeout_ns : 0;
    FtThreadState *ts = ft_tstate_get();
    int poll = interruptible && ft_signals_is_main_thread();
    for (;;) {
        int got = 0, signalled = 0;
        lk_detach(ts);
        pthread_mutex_lock(&c->mu);
        for (;;) {
            if (!c->locked) {
                c->locked = 1;
                got = 1;
                break;
            }
            if (poll && ft_signals_pending()) {
                signalled = 1;
                break;
            }
            int64_t until = deadline;
            if (poll) {
                int64_t slice_end = monotonic_ns() + SIGNAL_SLICE_NS;
                if (timeout_ns < 0 || slice_end < until)
                    until = slice_end;
            }
            int r;
            if (timeout_ns < 0 && !poll) {
                r = pthread_cond_wait(&c->cv, &c->mu);
            } else {
                struct timespec d = {until / 1000000000, until % 1000000000};
                r = pthread_cond_timedwait(&c->cv, &c->mu, &d);
            }
            if (r == ETIMEDOUT && timeout_ns > 0 && until == deadline) {
                if (!c->locked) {
                    c->locked = 1;
                    got = 1;
                }
                break;
            }
        }
        pthread_mutex_unlock(&c->mu);
        lk_attach(ts);
        if (!signalled)
            return got;
        if (ft_signals_check() < 0)
            return -1;
    }
}

/* Returns 0 when the lock was not held. */
static int core_release(LockCore *c) {
    pthread_mutex_lock(&c->mu);
    int was = c->locked;
    c->locked = 0;
    if (was)
        pthread_cond_signal(&c->cv);
    pthread_mutex_unlock(&c->mu);
    return was;
}

static int core_locked(LockCore *c) {
    pthread_mutex_lock(&c->mu);
    int v = c->locked;
    pthread_mutex_unlock(&c->mu);
    return v;
}

/* acquire(blocking=True, timeout=-1) as CPython 3.11 parses it; *timeout_ns: -1 forever,
 * 0 do not block, else nanoseconds. */
static int parse_acquire_args(const char *fname, FtObject *const *args, ssize_t nargs,
                              FtObject *kwnames, int64_t *timeout_ns) {
    static const char *const kwlist[] = {"blocking", "timeout", NULL};
    FtObject *a[2];
    if (ft_parse_args(fname, args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return -1;
    int blocking = 1;
    if (a[0]) {
        blocking = ft_object_is_true(a[0]);
        if (blocking < 0)
            return -1;
    }
    /* The timeout in nanoseconds, converted as CPython's _PyTime_FromSecondsObject does
     * (with its overflow messages); -1 s means "no timeout". */
    int64_t ns = -1000000000;
    if (a[1]) {
        if (ft_float_check(a[1])) {
            double d = FT_FLOAT_VALUE(a[1]);
            if (isnan(d)) {
                ft_err_set_string(ft_exc_ValueError, "Invalid value NaN (not a number)");
                return -1;
            }
            d = ceil(d * 1e9);   /* round up (_PyTime_ROUND_TIMEOUT): never wake early */
            if (!(d >= -9223372036854775808.0 && d < 9223372036854775808.0)) {
                ft_err_set_string(ft_exc_OverflowError,
                                  "timestamp out of range for platform time_t");
                return -1;
            }
            ns = (int64_t)d;
        } else {
            FtObject *i = ft_number_index(a[1]);
            if (i == NULL) {
                if (ft_err_matches(ft_exc_TypeError)) {
                    ft_err_clear();
                    ft_err_format(ft_exc_TypeError,
                                  "'%s' object cannot be interpreted as an integer",
                                  ft_type_short_name(FT_TYPE(a[1])));
                }
                return -1;
            }
            int overflow = 0;
            int64_t secs = ft_int_as_i64(i, &overflow);
            FT_DECREF(i);
            if (overflow || secs > INT64_MAX / 1000000000 || secs < INT64_MIN / 1000000000) {
                ft_err_set_string(ft_exc_OverflowError,
                                  "timestamp too large to convert to C _PyTime_t");
                return -1;
            }
            ns = secs * 1000000000;
        }
    }
    if (!blocking && ns != -1000000000) {
        ft_err_set_string(ft_exc_ValueError, "can't specify a timeout for a non-blocking call");
        return -1;
    }
    if (ns < 0 && ns != -1000000000) {
        ft_err_set_string(ft_exc_ValueError, "timeout value must be positive");
        return -1;
    }
    if (!blocking) {
        *timeout_ns = 0;
    } else if (ns == -1000000000) {
        *timeout_ns = -1;
    } else {
        /* PY_TIMEOUT_MAX is in microseconds */
        if (ns / 1000 > (int64_t)(LLONG_MAX / 1000)) {
            ft_err_set_string(ft_exc_OverflowError, "timeout value is too large");
            return -1;
        }
        *timeout_ns = ns;
    }
    return 0;
}

/* ---- lock ----------------------------------------------------------------------------- */

typedef struct FtLockObject {
    FtObject ob_base;
    LockCore core;
} FtLockObject;

static FtObject *lock_new_object(void) {
    FtLockObject *l = (FtLockObject *)ft_object_alloc(&lock_type);
    if (l)
        core_init(&l->core);
    return (FtObject *)l;
}

static void lock_dealloc(FtObject *o) {
    FtLockObject *l = (FtLockObject *)o;
    core_destroy(&l->core);
    FtType *t = FT_TYPE(o);
    t->tp_free(o);
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(t);
}

static FtObject *lock_acquire(FtObject *self, FtObject *const *args, ssize_t nargs,
                              FtObject *kwnames) {
    int64_t timeout;
    if (parse_acquire_args("acquire", args, nargs, kwnames, &timeout) < 0)
        return NULL;
    int got = core_acquire(&((FtLockObject *)self)->core, timeout, 1);
    return got < 0 ? NULL : ft_bool_from(got);
}

static FtObject *lock_release(FtObject *self, FtObject *unused) {
    if (!core_release(&((FtLockObject *)self)->core)) {
        ft_err_set_string(ft_exc_RuntimeError, "release unlocked lock");
        return NULL;
    }
    FT_RETURN_NONE;
}

static FtObject *lock_exit(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return lock_release(self, NULL);
}

static FtObject *lock_locked(FtObject *self, FtObject *unused) {
    return ft_bool_from(core_locked(&((FtLockObject *)self)->core));
}

static FtObject *lock_at_fork_reinit(FtObject *self, FtObject *unused) {
    FtLockObject *l = (FtLockObject *)self;
    core_init(&l->core); /* not destroyed: in a fork child its waiters are gone, and
                                  pthread_cond_destroy would wait for them for ever */
    FT_RETURN_NONE;
}

static FtObject *lock_repr(FtObject *self) {
    return ft_str_from_format("<%s %s object at %p>",
                              core_locked(&((FtLockObject *)self)->core) ? "locked" : "unlocked",
                              FT_TYPE(self)->tp_name, (void *)self);
}

static FtObject *lock_tp_new(FtType *type, FtObject *args, FtObject *kwargs) {
    return ft_err_format(ft_exc_TypeError, "cannot create '%s' instances", type->tp_name);
}

static FtMethodDef lock_methods[] = {
    {"acquire", (void *)lock_acquire, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"acquire_lock", (void *)lock_acquire, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"__enter__", (void *)lock_acquire, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"release", (void *)lock_release, FT_METH_NOARGS, NULL},
    {"release_lock", (void *)lock_release, FT_METH_NOARGS, NULL},
    {"__exit__", (void *)lock_exit, FT_METH_FASTCALL, NULL},
    {"locked", (void *)lock_locked, FT_METH_NOARGS, NULL},
    {"locked_lock", (void *)lock_locked, FT_METH_NOARGS, NULL},
    {"_at_fork_reinit", (void *)lock_at_fork_reinit, FT_METH_NOARGS, NULL},
    {NULL},
};

static FtType lock_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "_thread.lock",
    .tp_basicsize = sizeof(FtLockObject),
    .tp_dealloc = lock_dealloc,
    .tp_repr = lock_repr,
    .tp_methods = lock_methods,
    .tp_new = lock_tp_new,
};

/* ---- RLock ---------------------------------------------------------------------------- */

/* `owner` and `count` are written only by the thread that holds `core`; another thread may
 * read `owner` racily, but it can only ever see its own id there if it is the owner. */
typedef struct FtRLockObject {
    FtObject ob_base;
    LockCore core;
    uint64_t owner;          /* thread id of the holder, 0 when free */
    unsigned long count;
} FtRLockObject;

static uint64_t current_ident(void) { return (uint64_t)pthread_self(); }

static inline uint64_t rlock_owner(FtRLockObject *r) {
    return __atomic_load_n(&r->owner, __ATOMIC_RELAXED);
}

static FtObject *rlock_tp_new(FtType *type, FtObject *args, FtObject *kwargs) {
    FtRLockObject *r = (FtRLockObject *)type->tp_alloc(type, 0);
    if (r == NULL)
        return NULL;
    core_init(&r->core);
    r->owner = 0;
    r->count = 0;
    return (FtObject *)r;
}

static FtObject *rlock_acquire(FtObject *self, FtObject *const *args, ssize_t nargs,
                               FtObject *kwnames) {
    FtRLockObject *r = (FtRLockObject *)self;
    int64_t timeout;
    if (parse_acquire_args("acquire", args, nargs, kwnames, &timeout) < 0)
        return NULL;
    uint64_t me = current_ident();
    if (rlock_owner(r) == me) {
        if (r->count == ULONG_MAX) {
            ft_err_set_string(ft_exc_OverflowError, "Internal lock count overflowed");
            return NULL;
        }
        r->count++;
        FT_RETURN_TRUE;
    }
    int got = core_acquire(&r->core, timeout, 1);
    if (got <= 0)
        return got < 0 ? NULL : ft_newref(FT_FALSE);
    __atomic_store_n(&r->owner, me, __ATOMIC_RELAXED);
    r->count = 1;
    FT_RETURN_TRUE;
}

static FtObject *rlock_release(FtObject *self, FtObject *unused) {
    FtRLockObject *r = (FtRLockObject *)self;
    if (rlock_owner(r) != current_ident() || r->count == 0) {
        ft_err_set_string(ft_exc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    if (--r->count == 0) {
        __atomic_store_n(&r->owner, 0, __ATOMIC_RELAXED);
        core_release(&r->core);
    }
    FT_RETURN_NONE;
}

static FtObject *rlock_exit(FtObject *self, FtObject *const *args, ssize_t nargs) {
    return rlock_release(self, NULL);
}

static FtObject *rlock_is_owned(FtObject *self, FtObject *unused) {
    FtRLockObject *r = (FtRLockObject *)self;
    return ft_bool_from(rlock_owner(r) == current_ident() && r->count > 0);
}

/* For Condition.wait: release completely, returning the state to restore. */
static FtObject *rlock_release_save(FtObject *self, FtObject *unused) {
    FtRLockObject *r = (FtRLockObject *)self;
    if (r->count == 0) {
        ft_err_set_string(ft_exc_RuntimeError, "cannot release un-acquired lock");
        return NULL;
    }
    FtObject *count = ft_int_from_u64(r->count);
    FtObject *owner = count ? ft_int_from_u64(r->owner) : NULL;
    FtObject *state = owner ? ft_tuple_pack(2, count, owner) : NULL;
    FT_XDECREF(count);
    FT_XDECREF(owner);
    if (state == NULL)
        return NULL;
    r->count = 0;
    __atomic_store_n(&r->owner, 0, __ATOMIC_RELAXED);
    core_release(&r->core);
    return state;
}

static FtObject *rlock_acquire_restore(FtObject *self, FtObject *state) {
    FtRLockObject *r = (FtRLockObject *)self;
    if (!ft_tuple_check(state) || FT_SIZE(state) != 2) {
        ft_err_set_string(ft_exc_TypeError, "_acquire_restore() argument 1 must be tuple");
        return NULL;
    }
    int overflow = 0;
    int64_t count = ft_int_check(FT_TUPLE_GET(state, 0))
                        ? ft_int_as_i64(FT_TUPLE_GET(state, 0), &overflow) : -1;
    FtObject *owner_obj = FT_TUPLE_GET(state, 1);
    if (count < 0 || overflow || !ft_int_check(owner_obj)) {
        ft_err_set_string(ft_exc_TypeError, "an integer is required");
        return NULL;
    }
    /* the owner id is unsigned: read it through its decimal digits when it exceeds int64 */
    int64_t o = ft_int_as_i64(owner_obj, &overflow);
    uint64_t owner = (uint64_t)o;
    if (overflow) {
        FtObject *s = ft_object_str(owner_obj);
        if (s == NULL)
            return NULL;
        owner = strtoull(ft_str_as_utf8(s), NULL, 10);
        FT_DECREF(s);
    }
    core_acquire(&r->core, -1, 0);   /* not interruptible, as in CPython */
    __atomic_store_n(&r->owner, owner, __ATOMIC_RELAXED);
    r->count = (unsigned long)count;
    FT_RETURN_NONE;
}

static FtObject *rlock_recursion_count(FtObject *self, FtObject *unused) {
    FtRLockObject *r = (FtRLockObject *)self;
    return ft_int_from_u64(rlock_owner(r) == current_ident() ? r->count : 0);
}

static FtObject *rlock_at_fork_reinit(FtObject *self, FtObject *unused) {
    FtRLockObject *r = (FtRLockObject *)self;
    core_init(&r->core); /* not destroyed first: see lock_at_fork_reinit */
    r->owner = 0;
    r->count = 0;
    FT_RETURN_NONE;
}

static FtObject *rlock_repr(FtObject *self) {
    FtRLockObject *r = (FtRLockObject *)self;
    uint64_t owner = rlock_owner(r);
    FtObject *owner_obj = ft_int_from_u64(owner);
    if (owner_obj == NULL)
        return NULL;
    FtObject *res = ft_str_from_format("<%s %s object owner=%S count=%lu at %p>",
                                       owner ? "locked" : "unlocked", FT_TYPE(self)->tp_name,
                                       owner_obj, owner ? r->count : 0ul, (void *)self);
    FT_DECREF(owner_obj);
    return res;
}

static FtMethodDef rlock_methods[] = {
    {"acquire", (void *)rlock_acquire, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"__enter__", (void *)rlock_acquire, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"release", (void *)rlock_release, FT_METH_NOARGS, NULL},
    {"__exit__", (void *)rlock_exit, FT_METH_FASTCALL, NULL},
    {"_is_owned", (void *)rlock_is_owned, FT_METH_NOARGS, NULL},
    {"_release_save", (void *)rlock_release_save, FT_METH_NOARGS, NULL},
    {"_acquire_restore", (void *)rlock_acquire_restore, FT_METH_O, NULL},
    {"_recursion_count", (void *)rlock_recursion_count, FT_METH_NOARGS, NULL},
    {"_at_fork_reinit", (void *)rlock_at_fork_reinit, FT_METH_NOARGS, NULL},
    {NULL},
};

static FtType rlock_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "_thread.RLock",
    .tp_basicsize = sizeof(FtRLockObject),
    .tp_dealloc = lock_dealloc,   /* same layout prefix: the core, then plain fields */
    .tp_repr = rlock_repr,
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_methods = rlock_methods,
    .tp_new = rlock_tp_new,
};

/* ---- thread-local storage --------------------------------------------------------------- */

/* The threads whose ts->dict this file created: a _local that dies removes its entry from
 * each of them. Guarded by registry_mu (never held across a decref, rule 3). */
static pthread_mutex_t registry_mu = PTHREAD_MUTEX_INITIALIZER;
static FtThreadState **registry;
static size_t registry_len, registry_cap;
static uint64_t local_serial;

typedef struct FtLocalObject {
    FtObject ob_base;
    FtObject *key;          /* int: this object's serial number */
    FtObject *args, *kw;    /* __init__ arguments, re-applied in each new thread */
    FtObject *unused_dict;  /* tp_dictoffset target, always NULL: subclasses must not get a
                               real __dict__ of their own */
} FtLocalObject;

static int registry_add(FtThreadState *ts) {
    pthread_mutex_lock(&registry_mu);
    if (registry_len == registry_cap) {
        size_t cap = registry_cap ? registry_cap * 2 : 16;
        FtThreadState **n = realloc(registry, cap * sizeof *n);
        if (n == NULL) {
            pthread_mutex_unlock(&registry_mu);
            ft_err_no_memory();
            return -1;
        }
        registry = n;
        registry_cap = cap;
    }
    registry[registry_len++] = ts;
    pthread_mutex_unlock(&registry_mu);
    return 0;
}

static void registry_remove(FtThreadState *ts) {
    pthread_mutex_lock(&registry_mu);
    for (size_t i = 0; i < registry_len; i++) {
        if (registry[i] == ts) {
            registry[i] = registry[--registry_len];
            break;
        }
    }
    pthread_mutex_unlock(&registry_mu);
}

/* This thread's instance dict of `self` (BORROWED), created (and __init__ re-run) on first
 * use in this thread. */
static FtObject *local_dict(FtLocalObject *self) {
    FtThreadState *ts = ft_tstate_get();
    if (ts->dict == NULL) {
        FtObject *d = ft_dict_new();
        if (d == NULL)
            return NULL;
        if (registry_add(ts) < 0) {
            FT_DECREF(d);
            return NULL;
        }
        ts->dict = d;
    }
    FtObject *ldict = ft_dict_get(ts->dict, self->key);
    if (ldict != NULL || ft_err_occurred())
        return ldict;
    ldict = ft_dict_new();
    if (ldict == NULL)
        return NULL;
    int r = ft_dict_set(ts->dict, self->key, ldict);
    FT_DECREF(ldict);   /* ts->dict holds it now */
    if (r < 0)
        return NULL;
    FtType *type = FT_TYPE(self);
    if (self->args && type->tp_init && type->tp_init != ft_object_type.tp_init) {
        if (type->tp_init((FtObject *)self, self->args, self->kw) < 0) {
            FtObject *exc = ft_err_fetch();
            FtObject *gone = ft_dict_pop(ts->dict, self->key, FT_NONE);
            FT_XDECREF(gone);
            ft_err_restore(exc);
            return NULL;
        }
        ldict = ft_dict_get(ts->dict, self->key);
        if (ldict == NULL && !ft_err_occurred())
            ft_err_set_string(ft_exc_RuntimeError, "thread-local dict disappeared");
    }
    return ldict;
}

static FtObject *local_tp_new(FtType *type, FtObject *args, FtObject *kwargs) {
    int has_args = (args && FT_SIZE(args) > 0) || (kwargs && ft_dict_size(kwargs) > 0);
    if (has_args && type->tp_init == ft_object_type.tp_init) {
        ft_err_set_string(ft_exc_TypeError, "Initialization arguments are not supported");
        return NULL;
    }
    FtLocalObject *self = (FtLocalObject *)type->tp_alloc(type, 0);
    if (self == NULL)
        return NULL;
    uint64_t serial = __atomic_add_fetch(&local_serial, 1, __ATOMIC_RELAXED);
    self->key = ft_int_from_u64(serial);
    self->args = FT_NEWREF(args ? args : ft_empty_tuple);
    self->kw = kwargs && ft_dict_size(kwargs) > 0 ? FT_NEWREF(kwargs) : NULL;
    ft_gc_track((FtObject *)self);
    /* This thread's dict exists before __init__ runs here (type call runs it next). */
    FtThreadState *ts = ft_tstate_get();
    if (self->key == NULL) {
        FT_DECREF(self);
        return NULL;
    }
    if (ts->dict == NULL) {
        FtObject *d = ft_dict_new();
        if (d == NULL || registry_add(ts) < 0) {
            FT_XDECREF(d);
            FT_DECREF(self);
            return NULL;
        }
        ts->dict = d;
    }
    FtObject *ldict = ft_dict_new();
    if (ldict == NULL || ft_dict_set(ts->dict, self->key, ldict) < 0) {
        FT_XDECREF(ldict);
        FT_DECREF(self);
        return NULL;
    }
    FT_DECREF(ldict);
    return (FtObject *)self;
}

static int local_traverse(FtObject *o, ft_visitproc visit, void *arg) {
    FtLocalObject *self = (FtLocalObject *)o;
    if (self->args && visit(self->args, arg))
        return -1;
    if (self->kw && visit(self->kw, arg))
        return -1;
    return 0;
}

static int local_clear(FtObject *o) {
    FtLocalObject *self = (FtLocalObject *)o;
    FT_CLEAR(self->args);
    FT_CLEAR(self->kw);
    return 0;
}

static void local_dealloc(FtObject *o) {
    FtLocalObject *self = (FtLocalObject *)o;
    ft_gc_untrack(o);
    if (self->key) {
        /* Take this object's dict out of every thread under the registry lock; release
         * them after dropping it (rule 3: releasing may run arbitrary code). */
        FtObject **gone = NULL;
        size_t ngone = 0;
        pthread_mutex_lock(&registry_mu);
        if (registry_len)
            gone = malloc(registry_len * sizeof *gone);
        for (size_t i = 0; gone && i < registry_len; i++) {
            FtObject *d = registry[i]->dict;
            FtObject *v = d ? ft_dict_pop(d, self->key, FT_NONE) : NULL;
            if (v == NULL)
                ft_err_clear();
            else if (v == FT_NONE)
                FT_DECREF(v);   /* immortal: releases nothing */
            else
                gone[ngone++] = v;
        }
        pthread_mutex_unlock(&registry_mu);
        for (size_t i = 0; i < ngone; i++)
            FT_DECREF(gone[i]);
        free(gone);
    }
    FT_CLEAR(self->key);
    FT_CLEAR(self->args);
    FT_CLEAR(self->kw);
    FtType *t = FT_TYPE(o);
    t->tp_free(o);
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(t);
}

static FtObject *no_attribute(FtObject *self, FtObject *name) {
    return ft_err_format(ft_exc_AttributeError, "'%.50s' object has no attribute '%U'",
                         FT_TYPE(self)->tp_name, name);
}

static FtObject *local_getattro(FtObject *o, FtObject *name) {
    FtLocalObject *self = (FtLocalObject *)o;
    if (!ft_str_check(name))
        return ft_err_format(ft_exc_TypeError, "attribute name must be string, not '%.200s'",
                             FT_TYPE(name)->tp_name);
    FtObject *ldict = local_dict(self);
    if (ldict == NULL)
        return NULL;
    if (ft_str_eq_cstr(name, "__dict__"))
        return FT_NEWREF(ldict);
    FtType *type = FT_TYPE(o);
    FtObject *descr = ft_type_lookup(type, name);
    ft_descrgetfunc get = NULL;
    if (descr) {
        FT_INCREF(descr);
        get = FT_TYPE(descr)->tp_descr_get;
        if (get && FT_TYPE(descr)->tp_descr_set) {
            FtObject *r = get(descr, o, (FtObject *)type);
            FT_DECREF(descr);
            return r;
        }
    }
    FtObject *v = ft_dict_get(ldict, name);
    if (v) {
        FT_XDECREF(descr);
        return FT_NEWREF(v);
    }
    if (ft_err_occurred()) {
        FT_XDECREF(descr);
        return NULL;
    }
    if (descr) {
        FtObject *r = get ? get(descr, o, (FtObject *)type) : FT_NEWREF(descr);
        FT_DECREF(descr);
        return r;
    }
    return no_attribute(o, name);
}

static int local_setattro(FtObject *o, FtObject *name, FtObject *value) {
    FtLocalObject *self = (FtLocalObject *)o;
    if (!ft_str_check(name)) {
        ft_err_format(ft_exc_TypeError, "attribute name must be string, not '%.200s'",
                      FT_TYPE(name)->tp_name);
        return -1;
    }
    if (ft_str_eq_cstr(name, "__dict__")) {
        ft_err_format(ft_exc_AttributeError, "'%.50s' object attribute '__dict__' is read-only",
                      FT_TYPE(o)->tp_name);
        return -1;
    }
    FtObject *ldict = local_dict(self);
    if (ldict == NULL)
        return -1;
    FtObject *descr = ft_type_lookup(FT_TYPE(o), name);
    if (descr && FT_TYPE(descr)->tp_descr_set) {
        FT_INCREF(descr);
        int r = FT_TYPE(descr)->tp_descr_set(descr, o, value);
        FT_DECREF(descr);
        return r;
    }
    if (value)
        return ft_dict_set(ldict, name, value);
    int has = ft_dict_contains(ldict, name);
    if (has < 0)
        return -1;
    if (!has) {
        no_attribute(o, name);
        return -1;
    }
    return ft_dict_del(ldict, name);
}

static FtType local_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "_thread._local",
    .tp_basicsize = sizeof(FtLocalObject),
    .tp_dealloc = local_dealloc,
    .tp_getattro = local_getattro,
    .tp_setattro = local_setattro,
    .tp_flags = FT_TPFLAGS_HAVE_GC | FT_TPFLAGS_BASETYPE,
    .tp_doc = "Thread-local data",
    .tp_traverse = local_traverse,
    .tp_clear = local_clear,
    .tp_dictoffset = offsetof(FtLocalObject, unused_dict),
    .tp_new = local_tp_new,
};

/* ---- threads ------------------------------------------------------------------------------ */

static size_t thread_stack_size;     /* 0: the system default */
static long thread_count;            /* threads started here and still running (_count) */
/* This thread's sentinel (_set_sentinel): released when the thread has finished. */
static _Thread_local FtObject *thread_sentinel;

typedef struct BootState {
    FtObject *func, *args, *kwargs;
} BootState;

/* Everything a finished thread owns in Python terms goes, then its sentinel is released. */
static void thread_cleanup(FtThreadState *ts) {
    /* A finalizer run by the clearing may touch a _local again and make a new dict:
     * clear until none is left (a few rounds at most in any sane program). */
    for (int round = 0; ts->dict && round < 8; round++) {
        registry_remove(ts);
        FT_CLEAR(ts->dict);
    }
    if (ts->dict) {
        /* Still re-created: leak it rather than release it detached. */
        registry_remove(ts);
        ts->dict = NULL;
    }
    FT_CLEAR(ts->curexc);
    FT_CLEAR(ts->exc_base.exc_value);
    if (thread_sentinel) {
        FtObject *s = thread_sentinel;
        thread_sentinel = NULL;
        core_release(&((FtLockObject *)s)->core);
        FT_DECREF(s);
    }
}

static void *thread_main(void *arg) {
    BootState *boot = arg;
    FtThreadState *ts = ft_tstate_new();
    if (ts == NULL) {
        /* No thread state: nothing Python can be done here, not even a decref. */
        ft_stdio_write_stderr("ftpy: cannot allocate a thread state for a new thread\n");
        __atomic_sub_fetch(&thread_count, 1, __ATOMIC_RELAXED);
        return NULL;
    }
    ft_tstate_current = ts;
    lk_thread_init(ts);

    FtObject *res = ft_object_call(boot->func, boot->args, boot->kwargs);
    if (res == NULL) {
        if (ft_err_matches(ft_exc_SystemExit)) {
            ft_err_clear();
        } else {
            /* What CPython's _thread prints (threading.py catches everything itself). */
            FtObject *exc = ft_err_fetch();
            FtObject *r = ft_object_repr(boot->func);
            ft_stdio_write_stderr("Exception ignored in thread started by: ");
            if (r) {
                ft_stdio_write_stderr(ft_str_as_utf8(r));
                FT_DECREF(r);
            } else {
                ft_err_clear();
                ft_stdio_write_stderr("<object repr() failed>");
            }
            ft_stdio_write_stderr("\n");
            ft_err_display(exc);
            FT_DECREF(exc);
            ft_err_clear();
        }
    } else {
        FT_DECREF(res);
    }
    FT_DECREF(boot->func);
    FT_DECREF(boot->args);
    FT_XDECREF(boot->kwargs);
    free(boot);

    __atomic_sub_fetch(&thread_count, 1, __ATOMIC_RELAXED);
    thread_cleanup(ts);
    lk_thread_exit(ts);
    /* After lk_thread_exit: brc merges the thread's queue there, and the deallocations
     * may run finalizers, which need the frame arena. It holds no objects: freeing it
     * detached is fine. */
    ft_vm_state_free(ts);
    ft_tstate_delete(ts);
    return NULL;
}

static FtObject *thread_start_new_thread(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("start_new_thread", nargs, 2, 3) < 0)
        return NULL;
    FtObject *func = args[0], *fargs = args[1], *fkw = nargs > 2 ? args[2] : NULL;
    if (!ft_callable_check(func)) {
        ft_err_set_string(ft_exc_TypeError, "first arg must be callable");
        return NULL;
    }
    if (!ft_tuple_check(fargs)) {
        ft_err_set_string(ft_exc_TypeError, "2nd arg must be a tuple");
        return NULL;
    }
    if (fkw && !ft_dict_check(fkw)) {
        ft_err_set_string(ft_exc_TypeError, "optional 3rd arg must be a dictionary");
        return NULL;
    }
    /* Free-threaded builds: the definitions all threads will read become immortal now, before
     * there is a second thread to contend on their reference counts (runtime/share.c). */
    ft_share_definitions();
    BootState *boot = malloc(sizeof *boot);
    if (boot == NULL)
        return ft_err_no_memory();
    boot->func = FT_NEWREF(func);
    boot->args = FT_NEWREF(fargs);
    boot->kwargs = FT_XNEWREF(fkw);

    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setdetachstate(&attr, PTHREAD_CREATE_DETACHED);
    if (thread_stack_size)
        pthread_attr_setstacksize(&attr, thread_stack_size);
    __atomic_add_fetch(&thread_count, 1, __ATOMIC_RELAXED);
    pthread_t tid;
    int r = pthread_create(&tid, &attr, thread_main, boot);
    pthread_attr_destroy(&attr);
    if (r != 0) {
        __atomic_sub_fetch(&thread_count, 1, __ATOMIC_RELAXED);
        FT_DECREF(boot->func);
        FT_DECREF(boot->args);
        FT_XDECREF(boot->kwargs);
        free(boot);
        ft_err_set_string(ft_exc_RuntimeError, "can't start new thread");
        return NULL;
    }
    return ft_int_from_u64((uint64_t)tid);
}

static FtObject *thread_allocate_lock(FtObject *m, FtObject *unused) {
    return lock_new_object();
}

static FtObject *thread_get_ident(FtObject *m, FtObject *unused) {
    return ft_int_from_u64(current_ident());
}

static FtObject *thread_get_native_id(FtObject *m, FtObject *unused) {
    return ft_int_from_u64((uint64_t)syscall(SYS_gettid));
}

static FtObject *thread_exit(FtObject *m, FtObject *unused) {
    ft_err_set_none(ft_exc_SystemExit);
    return NULL;
}

/* interrupt_main(signum=SIGINT, /): as if the signal arrived in the main thread. */
static FtObject *thread_interrupt_main(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("interrupt_main", nargs, 0, 1) < 0)
        return NULL;
    int64_t sig = SIGINT;
    if (nargs > 0) {
        int overflow;
        FtObject *i = ft_number_index(args[0]);
        if (i == NULL)
            return NULL;
        sig = ft_int_as_i64(i, &overflow);
        FT_DECREF(i);
        if (overflow || sig < INT_MIN || sig > INT_MAX)
            sig = -1;
    }
    if (ft_signals_trip((int)sig) < 0)
        return NULL;
    FT_RETURN_NONE;
}

static FtObject *thread_count_fn(FtObject *m, FtObject *unused) {
    return ft_int_from_i64(__atomic_load_n(&thread_count, __ATOMIC_RELAXED));
}

static FtObject *thread_stack_size_fn(FtObject *m, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("stack_size", nargs, 0, 1) < 0)
        return NULL;
    size_t old = thread_stack_size;
    if (nargs == 1) {
        ssize_t n = ft_number_as_ssize(args[0], ft_exc_OverflowError);
        if (n == -1 && ft_err_occurred())
            return NULL;
        if (n != 0 && n < 32768) {
            return ft_err_format(ft_exc_ValueError, "size not valid: %zd bytes", n);
        }
        thread_stack_size = (size_t)n;
    }
    return ft_int_from_u64(old);
}

/* A new (unlocked) lock that is released, if the caller acquired it, when this thread's
 * state goes away: threading.Thread acquires it at start and join() waits on it. */
static FtObject *thread_set_sentinel(FtObject *m, FtObject *unused) {
    FtObject *lock = lock_new_object();
    if (lock == NULL)
        return NULL;
    FtObject *old = thread_sentinel;
    thread_sentinel = FT_NEWREF(lock);
    if (old) {
        core_release(&((FtLockObject *)old)->core);
        FT_DECREF(old);
    }
    return lock;
}

static FtMethodDef thread_methods[] = {
    {"start_new_thread", (void *)thread_start_new_thread, FT_METH_FASTCALL, NULL},
    {"start_new", (void *)thread_start_new_thread, FT_METH_FASTCALL, NULL},
    {"allocate_lock", (void *)thread_allocate_lock, FT_METH_NOARGS, NULL},
    {"allocate", (void *)thread_allocate_lock, FT_METH_NOARGS, NULL},
    {"get_ident", (void *)thread_get_ident, FT_METH_NOARGS, NULL},
    {"interrupt_main", (void *)thread_interrupt_main, FT_METH_FASTCALL, NULL},
    {"get_native_id", (void *)thread_get_native_id, FT_METH_NOARGS, NULL},
    {"exit", (void *)thread_exit, FT_METH_NOARGS, NULL},
    {"exit_thread", (void *)thread_exit, FT_METH_NOARGS, NULL},
    {"_count", (void *)thread_count_fn, FT_METH_NOARGS, NULL},
    {"stack_size", (void *)thread_stack_size_fn, FT_METH_FASTCALL, NULL},
    {"_set_sentinel", (void *)thread_set_sentinel, FT_METH_NOARGS, NULL},
    {NULL},
};

static int thread_exec(FtObject *m) {
    if (ft_type_ready(&lock_type) < 0 || ft_type_ready(&rlock_type) < 0 ||
        ft_type_ready(&local_type) < 0)
        return -1;
    if (ft_module_add_object(m, "LockType", FT_NEWREF(&lock_type)) < 0 ||
        ft_module_add_object(m, "RLock", FT_NEWREF(&rlock_type)) < 0 ||
        ft_module_add_object(m, "_local", FT_NEWREF(&local_type)) < 0 ||
        ft_module_add_object(m, "error", FT_NEWREF(ft_exc_RuntimeError)) < 0 ||
        ft_module_add_object(m, "TIMEOUT_MAX", ft_float_from_double(TIMEOUT_MAX_SECONDS)) < 0)
        return -1;
    return 0;
}

FtModuleDef ft_thread_module_def = {
    .name = "_thread",
    .doc = "This module provides primitive operations to write multi-threaded programs.\n"
           "The 'threading' module provides a more convenient interface.",
    .methods = thread_methods,
    .exec = thread_exec,
};
