/* Memory and object allocation. With FTPY_ALLOCATOR=jemalloc the binary links jemalloc,
 * which replaces malloc and gives every thread its own cache; everything here then goes
 * through it. */
#include "gc/gc.h"
#include <stdlib.h>
#include <string.h>

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

FtObject *ft_gc_alloc(FtType *type) { return ft_gc_alloc_var(type, 0); }

FtObject *ft_gc_alloc_var(FtType *type, ssize_t n) {
    FtGCHead *g = ft_mem_calloc(1, sizeof(FtGCHead) + var_size(type, n));
    if (!g)
        return NULL;
    FtObject *o = FT_FROM_GC(g);
    init_header(o, type);
    if (type->tp_itemsize)
        FT_SIZE(o) = n;
    return o;
}

FtObject *ft_gc_resize_var(FtObject *o, ssize_t n) {
    FtGCHead *g = ft_mem_realloc(FT_AS_GC(o), sizeof(FtGCHead) + var_size(FT_TYPE(o), n));
    if (!g)
        return NULL;
    o = FT_FROM_GC(g);
    FT_SIZE(o) = n;
    return o;
}

void ft_gc_free(void *o) { free(FT_AS_GC(o)); }

void ft_gc_track(FtObject *o) { FT_AS_GC(o)->gc_prev |= FT_GC_TRACKED; }
void ft_gc_untrack(FtObject *o) { FT_AS_GC(o)->gc_prev &= ~FT_GC_TRACKED; }
int ft_gc_is_tracked(FtObject *o) {
    return (FT_TYPE(o)->tp_flags & FT_TPFLAGS_HAVE_GC) && (FT_AS_GC(o)->gc_prev & FT_GC_TRACKED);
}

FtObject *ft_type_generic_alloc(FtType *type, ssize_t nitems) {
    FtObject *o = (type->tp_flags & FT_TPFLAGS_HAVE_GC) ? ft_gc_alloc_var(type, nitems)
                                                         : ft_object_alloc_var(type, nitems);
    return o;
}
