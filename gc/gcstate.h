/* The collector's private state, shared by gc/alloc.c (linking, counting) and gc/collect.c
 * (collecting) and the gc module. Internal to gc/ and runtime/modules/gc.c. */
#ifndef FT_GC_STATE_H
#define FT_GC_STATE_H

#include "gc/gc.h"
#include "runtime/tstate.h"
#if FT_FREE_THREADED
#include <pthread.h>
#include <sched.h>
#endif

#define GC_NGEN 3

/* A circular doubly linked list with a sentinel head. In free-threaded builds a one-byte
 * spin lock guards its links: the owning thread links and unlinks its own objects (the lock
 * is then uncontended), another thread takes it only when it frees an object that lives in
 * this list. */
typedef struct GCList {
    FtGCHead head;
#if FT_FREE_THREADED
    uint8_t lock;
#endif
} GCList;

/* One set of generation lists. The GIL build has exactly one; free-threaded builds have one
 * per thread that ever allocated a container (reused after the thread exits). */
typedef struct GCThread {
    GCList gens[GC_NGEN];
#if FT_FREE_THREADED
    int delta;               /* allocations minus frees not yet added to count[0] */
    int in_use;              /* a live thread owns it (else it waits for reuse) */
    struct GCThread *next;   /* registry (gc_threads), under gc_registry_lock */
#endif
} GCThread;

typedef struct GCGenStats {
    ssize_t collections, collected, uncollectable;
} GCGenStats;

typedef struct GCState {
    int enabled;
    int debug;
    int collecting;               /* a collection is running (no nesting) */
    int threshold[GC_NGEN];
    intptr_t count[GC_NGEN];      /* count[0]: allocations - frees; count[g]: collections of g-1 */
    ssize_t long_lived_total;     /* objects that survived the last full collection */
    ssize_t long_lived_pending;   /* objects promoted to the oldest generation since */
    GCGenStats stats[GC_NGEN];
    GCList permanent;             /* gc.freeze() */
    FtObject *garbage;            /* gc.garbage (a list) */
    FtObject *callbacks;          /* gc.callbacks (a list) */
} GCState;

extern GCState gc_state;

#if FT_FREE_THREADED
extern pthread_mutex_t gc_registry_lock; /* guards gc_threads (threads come and go rarely) */
extern GCThread *gc_threads;
static inline void gc_list_lock(GCList *l) {
    /* Acquire: pairs with the release in gc_list_unlock, so the links the previous holder
     * wrote are visible. */
    while (__atomic_exchange_n(&l->lock, 1, __ATOMIC_ACQUIRE))
        sched_yield();
}
static inline void gc_list_unlock(GCList *l) { __atomic_store_n(&l->lock, 0, __ATOMIC_RELEASE); }
#define GC_SET_FLAG(g, f) __atomic_fetch_or(&(g)->gc_bits, (f), __ATOMIC_RELAXED)
#define GC_CLEAR_FLAG(g, f) __atomic_fetch_and(&(g)->gc_bits, ~(uintptr_t)(f), __ATOMIC_RELAXED)
#define GC_FLAGS(g) __atomic_load_n(&(g)->gc_bits, __ATOMIC_RELAXED)
#else
static inline void gc_list_lock(GCList *l) { (void)l; }
static inline void gc_list_unlock(GCList *l) { (void)l; }
#define GC_SET_FLAG(g, f) ((g)->gc_bits |= (f))
#define GC_CLEAR_FLAG(g, f) ((g)->gc_bits &= ~(uintptr_t)(f))
#define GC_FLAGS(g) ((g)->gc_bits)
#endif

GCThread *gc_thread_get(void);       /* the calling thread's lists */
void gc_list_init(GCList *l);
/* Link g at the tail of l / unlink it (the caller holds what guards both lists). */
static inline void gc_list_append_raw(GCList *l, FtGCHead *g) {
    FtGCHead *h = &l->head, *last = h->gc_prev;
    g->gc_prev = last;
    g->gc_next = h;
    last->gc_next = g;
    h->gc_prev = g;
#if FT_FREE_THREADED
    g->gc_list = l;
#endif
}
static inline void gc_unlink_raw(FtGCHead *g) {
    g->gc_prev->gc_next = g->gc_next;
    g->gc_next->gc_prev = g->gc_prev;
    g->gc_next = g->gc_prev = NULL;
}
static inline bool gc_list_empty(GCList *l) { return l->head.gc_next == &l->head; }
void gc_list_splice(GCList *from, GCList *to); /* move all of from to the tail of to */
ssize_t gc_list_size(GCList *l);

#endif
