/* Memory and object allocation, and the collector's bookkeeping on the allocation path:
 * linking containers into generation lists (track / untrack) and counting allocations
 * minus frees of containers, which triggers young collections.
 *
 * With FTPY_ALLOCATOR=jemalloc the binary links jemalloc, which replaces malloc and gives
 * every thread its own cache; everything here then goes through it.
 *
 * Free-threaded builds: no global lock on this path. Each thread links new containers into
 * its own young list, under that list's one-byte lock (uncontended unless another thread
 * frees one of this thread's objects at the same moment). The allocation count is kept per
 * thread and added to the global count[0] in batches of GC_BATCH, with one relaxed atomic
 * add. gc/README.md states the invariants. */
#include "gc/gcstate.h"
#include "locking/strategy.h"
#include <stdlib.h>
#include <string.h>

#if FT_USE_JEMALLOC
/* jemalloc's start-up options (read once, before the first allocation; MALLOC_CONF in the
 * environment still overrides them). By default a thread cache keeps blocks of up to
 * 32 KiB; a larger block goes back to the arena when freed and its pages are faulted in
 * again by the next allocation. I/O buffers and their bytes objects (64 KiB reads) paid that
 * on every call: reading 1 MiB files in 64 KiB chunks took 10x as long as with caching up to
 * 128 KiB (bench/workloads/io_file.py 1 300: 0.763 s vs 0.079 s; python3 0.051 s). */
const char *malloc_conf = "tcache_max:131072";
#endif

void *ft_mem_alloc(size_t n) {
    void *p = malloc(n ? n : 1);
    if (FT_UNLIKELY(!p))
        ft_err_no_memory();
    return p;
}

void *ft_mem_calloc(size_t count, size_t n) {
    void *p = calloc(count ? count : 1, n ? n : 1);
    if (FT_UNLIKELY(!p))
        ft_err_no_memory();
    return p;
}

void *ft_mem_realloc(void *p, size_t n) {
    void *q = realloc(p, n ? n : 1);
    if (FT_UNLIKELY(!q))
        ft_err_no_memory();
    return q;
}

void ft_mem_free(void *p) { free(p); }

char *ft_mem_strdup(const char *s) {
    size_t n = strlen(s) + 1;
    char *d = ft_mem_alloc(n);
    if (d)
        memcpy(d, s, n);
    return d;
}

static void init_header(FtObject *o, FtType *type) {
    lk_refcnt_init(&o->ob_rc);
    o->ob_type = type;
    if (type->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_INCREF(type); /* instances of classes keep their class alive */
}

static size_t var_size(FtType *type, ssize_t n) {
    return (size_t)type->tp_basicsize + (size_t)(n > 0 ? n : 0) * (size_t)type->tp_itemsize;
}

FtObject *ft_object_alloc(FtType *type) { return ft_object_alloc_var(type, 0); }

FtObject *ft_object_alloc_var(FtType *type, ssize_t n) {
    FtObject *o = ft_mem_calloc(1, var_size(type, n));
    if (!o)
        return NULL;
    init_header(o, type);
    if (type->tp_itemsize)
        FT_SIZE(o) = n;
    return o;
}

void ft_object_free(void *o) { free(o); }

/* ---- the collector's state and lists -------------------------------------------------- */

GCState gc_state = {
    .enabled = 1,
    .threshold = {700, 10, 10},
};

void gc_list_init(GCList *l) {
    l->head.gc_next = l->head.gc_prev = &l->head;
#if FT_FREE_THREADED
    l->lock = 0;
#endif
}

void gc_list_splice(GCList *from, GCList *to) {
    if (gc_list_empty(from))
        return;
    FtGCHead *first = from->head.gc_next, *last = from->head.gc_prev;
#if FT_FREE_THREADED
    for (FtGCHead *g = first; g != &from->head; g = g->gc_next)
        g->gc_list = to;
#endif
    FtGCHead *tail = to->head.gc_prev;
    tail->gc_next = first;
    first->gc_prev = tail;
    last->gc_next = &to->head;
    to->head.gc_prev = last;
    from->head.gc_next = from->head.gc_prev = &from->head;
}

ssize_t gc_list_size(GCList *l) {
    ssize_t n = 0;
    for (FtGCHead *g = l->head.gc_next; g != &l->head; g = g->gc_next)
        n++;
    return n;
}

static void thread_lists_init(GCThread *t) {
    for (int i = 0; i < GC_NGEN; i++)
        gc_list_init(&t->gens[i]);
}

#if FT_FREE_THREADED
pthread_mutex_t gc_registry_lock = PTHREAD_MUTEX_INITIALIZER;
GCThread *gc_threads;
static _Thread_local GCThread *my_lists;
static pthread_key_t exit_key;
static pthread_once_t exit_key_once = PTHREAD_ONCE_INIT;

/* Batch size of count[0] updates: a collection may start up to GC_BATCH allocations per
 * thread late, which the thresholds (700) absorb. */
#define GC_BATCH 32

/* A thread exits: its lists (and the objects in them) stay registered and are handed to
 * the next thread that needs lists; the collector walks them like any other. */
static void thread_exit(void *p) {
    GCThread *t = p;
    pthread_mutex_lock(&gc_registry_lock);
    __atomic_fetch_add(&gc_state.count[0], t->delta, __ATOMIC_RELAXED);
    t->delta = 0;
    t->in_use = 0;
    pthread_mutex_unlock(&gc_registry_lock);
}

static void make_exit_key(void) { pthread_key_create(&exit_key, thread_exit); }

static GCThread *new_lists(void) {
    pthread_once(&exit_key_once, make_exit_key);
    pthread_mutex_lock(&gc_registry_lock);
    GCThread *t = gc_threads;
    while (t && t->in_use)
        t = t->next;
    if (!t) {
        t = calloc(1, sizeof *t);
        if (!t)
            abort(); /* a handful of bytes per thread: nothing sensible to do without them */
        thread_lists_init(t);
        /* The collector walks gc_threads with the world stopped and the registry locked. */
        t->next = gc_threads;
        gc_threads = t;
    }
    t->in_use = 1;
    if (!gc_state.permanent.head.gc_next)
        gc_list_init(&gc_state.permanent);
    pthread_mutex_unlock(&gc_registry_lock);
    pthread_setspecific(exit_key, t);
    my_lists = t;
    return t;
}

GCThread *gc_thread_get(void) {
    GCThread *t = my_lists;
    return FT_LIKELY(t != NULL) ? t : new_lists();
}

void ft_gc_after_fork_child(void) {
    /* The threads that did not survive the fork leave their lists behind, with their objects
     * in them, as an exiting thread does: free for reuse and walked by the collector. */
    pthread_mutex_init(&gc_registry_lock, NULL);
    for (GCThread *t = gc_threads; t; t = t->next) {
        for (int i = 0; i < GC_NGEN; i++)
            t->gens[i].lock = 0;
        if (t != my_lists && t->in_use) {
            gc_state.count[0] += t->delta;
            t->delta = 0;
            t->in_use = 0;
        }
    }
    gc_state.permanent.lock = 0;
}
#else
void ft_gc_after_fork_child(void) {}

static GCThread the_lists;
static bool the_lists_ready;

GCThread *gc_thread_get(void) {
    if (FT_UNLIKELY(!the_lists_ready)) {
        thread_lists_init(&the_lists);
        gc_list_init(&gc_state.permanent);
        the_lists_ready = true;
    }
    return &the_lists;
}
#endif

/* A young collection is due: ask this thread's eval loop to run it at its next yield point
 * (ft_gc_collect_pending), where no C code holds a half-built object. */
static void request_collection(void) {
    FtThreadState *ts = ft_tstate_get();
    if (!ts)
        return;
    __atomic_fetch_or(&ts->eval_breaker, LK_BREAK_GC, __ATOMIC_RELAXED);
}

static inline void count_alloc(void) {
#if FT_FREE_THREADED
    GCThread *t = gc_thread_get();
    if (FT_LIKELY(++t->delta < GC_BATCH))
        return;
    intptr_t n = __atomic_add_fetch(&gc_state.count[0], t->delta, __ATOMIC_RELAXED);
    t->delta = 0;
#else
    intptr_t n = ++gc_state.count[0];
#endif
    /* Relaxed loads: gc.disable() / set_threshold() from another thread take effect at the
     * next check; a collection already running makes the request pointless. */
    int threshold = __atomic_load_n(&gc_state.threshold[0], __ATOMIC_RELAXED);
    if (FT_UNLIKELY(n > threshold) && threshold &&
        __atomic_load_n(&gc_state.enabled, __ATOMIC_RELAXED) &&
        !__atomic_load_n(&gc_state.collecting, __ATOMIC_RELAXED))
        request_collection();
}

static inline void count_free(void) {
#if FT_FREE_THREADED
    GCThread *t = gc_thread_get();
    if (FT_LIKELY(--t->delta > -GC_BATCH))
        return;
    /* Never below zero, as in the GIL build: the frees of a collection's own garbage must
     * not postpone the next collection (the interval would grow with every collection). */
    intptr_t c = __atomic_load_n(&gc_state.count[0], __ATOMIC_RELAXED), next;
    do {
        next = c + t->delta < 0 ? 0 : c + t->delta;
    } while (!__atomic_compare_exchange_n(&gc_state.count[0], &c, next, true, __ATOMIC_RELAXED,
                                          __ATOMIC_RELAXED));
    t->delta = 0;
#else
    if (gc_state.count[0] > 0)
        gc_state.count[0]--;
#endif
}

FtObject *ft_gc_alloc(FtType *type) { return ft_gc_alloc_var(type, 0); }

FtObject *ft_gc_alloc_var(FtType *type, ssize_t n) {
    FtGCHead *g = ft_mem_calloc(1, sizeof(FtGCHead) + var_size(type, n));
    if (!g)
        return NULL;
    FtObject *o = FT_FROM_GC(g);
    init_header(o, type);
    if (type->tp_itemsize)
        FT_SIZE(o) = n;
    count_alloc();
    return o;
}

FtObject *ft_gc_resize_var(FtObject *o, ssize_t n) {
    /* The links of a tracked object point at its old address: relink after the move. */
    bool tracked = (GC_FLAGS(FT_AS_GC(o)) & FT_GC_TRACKED) != 0;
    if (tracked)
        ft_gc_untrack(o);
    FtGCHead *g = ft_mem_realloc(FT_AS_GC(o), sizeof(FtGCHead) + var_size(FT_TYPE(o), n));
    if (!g) {
        if (tracked)
            ft_gc_track(o);
        return NULL;
    }
    o = FT_FROM_GC(g);
    FT_SIZE(o) = n;
    if (tracked)
        ft_gc_track(o);
    return o;
}

void ft_gc_free(void *p) {
    FtObject *o = p;
    FtGCHead *g = FT_AS_GC(o);
    if (GC_FLAGS(g) & FT_GC_TRACKED)
        ft_gc_untrack(o); /* a dealloc that forgot: never leave a dangling link */
    if (FT_UNLIKELY(GC_FLAGS(g) & FT_GC_WEAKREFS))
        ft_weakref_clear_on_free(o);
    count_free();
    free(g);
}

void ft_gc_track(FtObject *o) {
    FtGCHead *g = FT_AS_GC(o);
    if (GC_FLAGS(g) & FT_GC_TRACKED)
        return;
    GCList *l = &gc_thread_get()->gens[0];
    gc_list_lock(l);
    gc_list_append_raw(l, g);
    GC_SET_FLAG(g, FT_GC_TRACKED);
    gc_list_unlock(l);
}

void ft_gc_untrack(FtObject *o) {
    FtGCHead *g = FT_AS_GC(o);
    if (!(GC_FLAGS(g) & FT_GC_TRACKED))
        return;
#if FT_FREE_THREADED
    /* The object's list changes only while the world is stopped or under the list's lock by
     * whoever tracks or untracks this very object (never two threads at once): re-check
     * after locking in case a collection moved it meanwhile. */
    for (;;) {
        GCList *l = __atomic_load_n(&g->gc_list, __ATOMIC_ACQUIRE);
        gc_list_lock(l);
        if (__atomic_load_n(&g->gc_list, __ATOMIC_RELAXED) == l) {
            gc_unlink_raw(g);
            GC_CLEAR_FLAG(g, FT_GC_TRACKED);
            gc_list_unlock(l);
            return;
        }
        gc_list_unlock(l);
    }
#else
    gc_unlink_raw(g);
    GC_CLEAR_FLAG(g, FT_GC_TRACKED);
#endif
}

int ft_gc_is_tracked(FtObject *o) {
    return ft_gc_has_head(o) && (GC_FLAGS(FT_AS_GC(o)) & FT_GC_TRACKED);
}

bool ft_gc_finalize_once(FtObject *o) {
    if (!ft_gc_has_head(o))
        return true;
    FtGCHead *g = FT_AS_GC(o);
    if (GC_FLAGS(g) & FT_GC_FINALIZED)
        return false;
    GC_SET_FLAG(g, FT_GC_FINALIZED);
    return true;
}

FtObject *ft_type_generic_alloc(FtType *type, ssize_t nitems) {
    FtObject *o = (type->tp_flags & FT_TPFLAGS_HAVE_GC) ? ft_gc_alloc_var(type, nitems)
                                                         : ft_object_alloc_var(type, nitems);
    return o;
}
