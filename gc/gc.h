/* The cycle collector's view of objects: the header in front of every container, the
 * generation lists, and the entry points the VM calls (gc/alloc.c, gc/collect.c).
 *
 * Every object of a type with FT_TPFLAGS_HAVE_GC is allocated by ft_gc_alloc* with an
 * FtGCHead in front of it (static types and the static empty tuple excepted: see
 * ft_gc_has_head). A tracked object sits in exactly one doubly linked list: a generation
 * list (gc/README.md explains the per-thread lists of free-threaded builds) or, during a
 * collection, one of the collector's working lists. */
#ifndef FT_GC_H
#define FT_GC_H

#include "core/object.h"

struct FtThreadState;
struct GCList;

typedef struct FtGCHead {
    struct FtGCHead *gc_next;
    struct FtGCHead *gc_prev;
#if FT_FREE_THREADED
    struct GCList *gc_list;   /* the list this object is linked in (its lock guards the links) */
#endif
    uintptr_t gc_bits;        /* low 8 bits: FT_GC_* flags; above: gc_refs during a collection */
} FtGCHead;

#define FT_GC_TRACKED ((uintptr_t)1)      /* linked in a list */
#define FT_GC_FINALIZED ((uintptr_t)2)    /* tp_finalize has run (PEP 442: once) */
#define FT_GC_WEAKREFS ((uintptr_t)4)     /* weak references point here (core/objects/weakref.c) */
#define FT_GC_COLLECTING ((uintptr_t)8)   /* in the set being collected */
#define FT_GC_UNREACHABLE ((uintptr_t)16) /* tentatively unreachable */
#define FT_GC_FLAG_MASK ((uintptr_t)0xff)
#define FT_GC_REFS_SHIFT 8

#define FT_AS_GC(o) ((FtGCHead *)(o) - 1)
#define FT_FROM_GC(g) ((FtObject *)((FtGCHead *)(g) + 1))

/* Does o carry an FtGCHead? Containers do, except static types (which are containers of
 * their type's type but statically allocated). The static empty tuple has a zeroed head. */
static inline bool ft_gc_has_head(FtObject *o) {
    FtType *t = FT_TYPE(o);
    if (!(t->tp_flags & FT_TPFLAGS_HAVE_GC))
        return false;
    if ((t->tp_flags & FT_TPFLAGS_TYPE_SUBCLASS) && !(((FtType *)o)->tp_flags & FT_TPFLAGS_HEAPTYPE))
        return false;
    return true;
}

/* PEP 442 for tp_dealloc: true (and marks o finalized) when o's tp_finalize should run now,
 * false when it already ran (during a collection, or an earlier dealloc that resurrected
 * it). Objects without a GC head always answer true. */
bool ft_gc_finalize_once(FtObject *o);

/* Called at a yield point when LK_BREAK_GC is set in ts->eval_breaker (the eval loop's
 * handle_eval_breaker, after lk_yield): run the collection that an allocation found due. */
void ft_gc_collect_pending(struct FtThreadState *ts);

/* gc.collect(generation): the number of unreachable objects found; -1 with an exception set
 * only when the collection could not start. Runs the gc.callbacks. */
ssize_t ft_gc_collect(int generation);

/* In the child of os.fork (runtime/fork.c): the lists of the threads that did not survive
 * become free for reuse, and the collector's locks are re-created. */
void ft_gc_after_fork_child(void);

/* The weak-reference hook (core/objects/weakref.c): o is dying and FT_GC_WEAKREFS is set:
 * clear every weak reference to it and call their callbacks. */
void ft_weakref_clear_on_free(FtObject *o);
/* The collector's hook: clear weak references to the garbage object o without calling
 * callbacks; append to `callbacks` (a list) each weakref with a callback that is not itself
 * garbage (not FT_GC_UNREACHABLE). Returns -1 on memory error. */
int ft_weakref_clear_for_gc(FtObject *o, FtObject *callbacks);
/* o.__weakref__: the first weak reference to o (new reference), or None. */
FtObject *ft_weakref_get_first(FtObject *o);

#endif
