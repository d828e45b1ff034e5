/* The cycle collector's view of objects: the header in front of every container.
 * The generational collector arrives with the GC issue; until then containers are allocated
 * with their header and tracked, and reference counting alone frees them. */
#ifndef FT_GC_H
#define FT_GC_H

#include "core/object.h"

typedef struct FtGCHead {
    struct FtGCHead *gc_next;
    uintptr_t gc_prev;     /* low bits: flags (FT_GC_TRACKED, ...) */
} FtGCHead;

#define FT_GC_TRACKED ((uintptr_t)1)

#define FT_AS_GC(o) ((FtGCHead *)(o) - 1)
#define FT_FROM_GC(g) ((FtObject *)((FtGCHead *)(g) + 1))

#endif
