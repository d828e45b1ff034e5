/* The gc module: CPython's interface to the cycle collector (gc/collect.c). */
#include "gc/gcstate.h"
#include "locking/strategy.h"
#include "runtime/errors.h"
#include "core/types.h"

enum {
    DEBUG_STATS = 1,
    DEBUG_COLLECTABLE = 2,
    DEBUG_UNCOLLECTABLE = 4,
    DEBUG_SAVEALL = 32,
    DEBUG_LEAK = DEBUG_COLLECTABLE | DEBUG_UNCOLLECTABLE | DEBUG_SAVEALL,
};

static int int_arg(FtObject *o, ssize_t *out) {
    ssize_t v = ft_number_as_ssize(o, ft_exc_OverflowError);
    if (v == -1 && ft_err_occurred())
        return -1;
    *out = v;
    return 0;
}

static FtObject *gc_collect(FtObject *self, FtObject *const *args, ssize_t nargs,
                            FtObject *kwnames) {
    (void)self;
    static const char *const kwlist[] = {"generation", NULL};
    FtObject *a[1];
    if (ft_parse_args("collect", args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return NULL;
    ssize_t gen = GC_NGEN - 1;
    if (a[0] && int_arg(a[0], &gen) < 0)
        return NULL;
    ssize_t n = ft_gc_collect((int)(gen < 0 || gen >= GC_NGEN ? -1 : gen));
    return n < 0 ? NULL : ft_int_from_ssize(n);
}

static FtObject *gc_enable(FtObject *self, FtObject *u) {
    (void)self, (void)u;
    __atomic_store_n(&gc_state.enabled, 1, __ATOMIC_RELAXED);
    FT_RETURN_NONE;
}

static FtObject *gc_disable(FtObject *self, FtObject *u) {
    (void)self, (void)u;
    __atomic_store_n(&gc_state.enabled, 0, __ATOMIC_RELAXED);
    FT_RETURN_NONE;
}

static FtObject *gc_isenabled(FtObject *self, FtObject *u) {
    (void)self, (void)u;
    return ft_bool_from(__atomic_load_n(&gc_state.enabled, __ATOMIC_RELAXED));
}

static FtObject *gc_get_count(FtObject *self, FtObject *u) {
    (void)self, (void)u;
    intptr_t c0 = __atomic_load_n(&gc_state.count[0], __ATOMIC_RELAXED);
    FtObject *a = ft_int_from_ssize(c0 < 0 ? 0 : c0), *b = ft_int_from_ssize(gc_state.count[1]),
             *c = ft_int_from_ssize(gc_state.count[2]);
    FtObject *t = (a && b && c) ? ft_tuple_pack(3, a, b, c) : NULL;
    FT_XDECREF(a);
    FT_XDECREF(b);
    FT_XDECREF(c);
    return t;
}

static FtObject *gc_get_threshold(FtObject *self, FtObject *u) {
    (void)self, (void)u;
    FtObject *a = ft_int_from_ssize(gc_state.threshold[0]),
             *b = ft_int_from_ssize(gc_state.threshold[1]),
             *c = ft_int_from_ssize(gc_state.threshold[2]);
    FtObject *t = (a && b && c) ? ft_tuple_pack(3, a, b, c) : NULL;
    FT_XDECREF(a);
    FT_XDECREF(b);
    FT_XDECREF(c);
    return t;
}

static FtObject *gc_set_threshold(FtObject *self, FtObject *const *args, ssize_t nargs) {
    (void)self;
    if (nargs < 1) {
        ft_err_format(ft_exc_TypeError, "set_threshold() takes at least 1 argument (%zd given)",
                      nargs);
        return NULL;
    }
    if (nargs > 3) {
        ft_err_format(ft_exc_TypeError, "set_threshold() takes at most 3 arguments (%zd given)",
                      nargs);
        return NULL;
    }
    ssize_t v[3];
    for (ssize_t i = 0; i < nargs; i++)
        if (int_arg(args[i], &v[i]) < 0)
            return NULL;
    for (ssize_t i = 0; i < nargs; i++)
        __atomic_store_n(&gc_state.threshold[i], (int)v[i], __ATOMIC_RELAXED);
    FT_RETURN_NONE;
}

static FtObject *gc_set_debug(FtObject *self, FtObject *arg) {
    (void)self;
    ssize_t v;
    if (int_arg(arg, &v) < 0)
        return NULL;
    gc_state.debug = (int)v;
    FT_RETURN_NONE;
}

static FtObject *gc_get_debug(FtObject *self, FtObject *u) {
    (void)self, (void)u;
    return ft_int_from_ssize(gc_state.debug);
}

/* Walking the lists: the world is stopped in free-threaded builds (the lists are stable). */
static void stop_world(void) {
#if FT_FREE_THREADED
    if (ft_tstate_get())
        lk_stop_the_world(ft_tstate_get());
#endif
}
static void start_world(void) {
#if FT_FREE_THREADED
    if (ft_tstate_get())
        lk_start_the_world(ft_tstate_get());
#endif
}

#if FT_FREE_THREADED
#define FOR_EACH_LISTS(t) for (GCThread *t = gc_threads; t; t = t->next)
#else
#define FOR_EACH_LISTS(t) for (GCThread *t = gc_thread_get(); t; t = NULL)
#endif

/* Append the objects of list l to out (skipping the list itself): -1 on error. */
static int append_list(GCList *l, FtObject *out) {
    for (FtGCHead *g = l->head.gc_next; g != &l->head; g = g->gc_next) {
        FtObject *o = FT_FROM_GC(g);
        if (o != out && ft_list_append(out, o) < 0)
            return -1;
    }
    return 0;
}

static FtObject *gc_get_objects(FtObject *self, FtObject *const *args, ssize_t nargs,
                                FtObject *kwnames) {
    (void)self;
    static const char *const kwlist[] = {"generation", NULL};
    FtObject *a[1];
    if (ft_parse_args("get_objects", args, nargs, kwnames, kwlist, 0, -1, 0, a) < 0)
        return NULL;
    ssize_t gen = -1;
    if (a[0] && a[0] != FT_NONE) {
        if (int_arg(a[0], &gen) < 0)
            return NULL;
        if (gen >= GC_NGEN) {
            ft_err_format(ft_exc_ValueError, "generation parameter must be less than the "
                                             "number of available generations (%d)", GC_NGEN);
            return NULL;
        }
        if (gen < 0) {
            ft_err_set_string(ft_exc_ValueError, "generation parameter cannot be negative");
            return NULL;
        }
    }
    FtObject *out = ft_list_new(0);
    if (!out)
        return NULL;
    gc_thread_get();
    stop_world();
    int err = 0;
#if FT_FREE_THREADED
    pthread_mutex_lock(&gc_registry_lock);
#endif
    FOR_EACH_LISTS(t) {
        for (int i = 0; i < GC_NGEN && !err; i++)
            if (gen < 0 || gen == i)
                err = append_list(&t->gens[i], out);
    }
#if FT_FREE_THREADED
    pthread_mutex_unlock(&gc_registry_lock);
#endif
    start_world();
    if (err) {
        FT_DECREF(out);
        return NULL;
    }
    return out;
}

static FtObject *gc_get_stats(FtObject *self, FtObject *u) {
    (void)self, (void)u;
    FtObject *out = ft_list_new(0);
    for (int i = 0; out && i < GC_NGEN; i++) {
        FtObject *d = ft_dict_new(), *a = ft_int_from_ssize(gc_state.stats[i].collections),
                 *b = ft_int_from_ssize(gc_state.stats[i].collected),
                 *c = ft_int_from_ssize(gc_state.stats[i].uncollectable);
        if (!d || !a || !b || !c || ft_dict_set_cstr(d, "collections", a) < 0 ||
            ft_dict_set_cstr(d, "collected", b) < 0 || ft_dict_set_cstr(d, "uncollectable", c) < 0 ||
            ft_list_append(out, d) < 0)
            FT_CLEAR(out);
        FT_XDECREF(d);
        FT_XDECREF(a);
        FT_XDECREF(b);
        FT_XDECREF(c);
    }
    return out;
}

static FtObject *gc_is_tracked(FtObject *self, FtObject *o) {
    (void)self;
    return ft_bool_from(ft_gc_is_tracked(o));
}

static FtObject *gc_is_finalized(FtObject *self, FtObject *o) {
    (void)self;
    return ft_bool_from(ft_gc_has_head(o) && (GC_FLAGS(FT_AS_GC(o)) & FT_GC_FINALIZED));
}

typedef struct {
    FtObject *const *targets;
    ssize_t n;
    int found;
} ReferrerSearch;

static int visit_find(FtObject *o, void *arg) {
    ReferrerSearch *s = arg;
    for (ssize_t i = 0; i < s->n; i++)
        if (o == s->targets[i]) {
            s->found = 1;
            return 1;
        }
    return 0;
}

static int referrers_in(GCList *l, ReferrerSearch *s, FtObject *out) {
    for (FtGCHead *g = l->head.gc_next; g != &l->head; g = g->gc_next) {
        FtObject *o = FT_FROM_GC(g);
        if (o == out || !FT_TYPE(o)->tp_traverse)
            continue;
        s->found = 0;
        FT_TYPE(o)->tp_traverse(o, visit_find, s);
        if (s->found && ft_list_append(out, o) < 0)
            return -1;
    }
    return 0;
}

static FtObject *gc_get_referrers(FtObject *self, FtObject *const *args, ssize_t nargs) {
    (void)self;
    FtObject *out = ft_list_new(0);
    if (!out)
        return NULL;
    ReferrerSearch s = {args, nargs, 0};
    gc_thread_get();
    stop_world();
    int err = 0;
#if FT_FREE_THREADED
    pthread_mutex_lock(&gc_registry_lock);
#endif
    FOR_EACH_LISTS(t) {
        for (int i = 0; i < GC_NGEN && !err; i++)
            err = referrers_in(&t->gens[i], &s, out);
    }
#if FT_FREE_THREADED
    pthread_mutex_unlock(&gc_registry_lock);
#endif
    if (!err)
        err = referrers_in(&gc_state.permanent, &s, out);
    start_world();
    if (err)
        FT_CLEAR(out);
    return out;
}

static int visit_append(FtObject *o, void *arg) {
    return ft_list_append(arg, o) < 0 ? -1 : 0;
}

static FtObject *gc_get_referents(FtObject *self, FtObject *const *args, ssize_t nargs) {
    (void)self;
    FtObject *out = ft_list_new(0);
    for (ssize_t i = 0; out && i < nargs; i++) {
        FtObject *o = args[i];
        if (!(FT_TYPE(o)->tp_flags & FT_TPFLAGS_HAVE_GC) || !FT_TYPE(o)->tp_traverse)
            continue;
        if (FT_TYPE(o)->tp_traverse(o, visit_append, out) < 0)
            FT_CLEAR(out);
    }
    return out;
}

static FtObject *gc_freeze(FtObject *self, FtObject *u) {
    (void)self, (void)u;
    gc_thread_get();
    stop_world();
#if FT_FREE_THREADED
    pthread_mutex_lock(&gc_registry_lock);
#endif
    FOR_EACH_LISTS(t) {
        for (int i = 0; i < GC_NGEN; i++)
            gc_list_splice(&t->gens[i], &gc_state.permanent);
    }
#if FT_FREE_THREADED
    pthread_mutex_unlock(&gc_registry_lock);
#endif
    gc_state.count[0] = 0;
    start_world();
    FT_RETURN_NONE;
}

static FtObject *gc_unfreeze(FtObject *self, FtObject *u) {
    (void)self, (void)u;
    GCThread *t = gc_thread_get();
    stop_world();
    gc_list_splice(&gc_state.permanent, &t->gens[GC_NGEN - 1]);
    start_world();
    FT_RETURN_NONE;
}

static FtObject *gc_get_freeze_count(FtObject *self, FtObject *u) {
    (void)self, (void)u;
    gc_thread_get();
    stop_world();
    ssize_t n = gc_list_size(&gc_state.permanent);
    start_world();
    return ft_int_from_ssize(n);
}

static FtMethodDef gc_methods[] = {
    {"collect", (void *)gc_collect, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"enable", (void *)gc_enable, FT_METH_NOARGS, NULL},
    {"disable", (void *)gc_disable, FT_METH_NOARGS, NULL},
    {"isenabled", (void *)gc_isenabled, FT_METH_NOARGS, NULL},
    {"get_count", (void *)gc_get_count, FT_METH_NOARGS, NULL},
    {"get_threshold", (void *)gc_get_threshold, FT_METH_NOARGS, NULL},
    {"set_threshold", (void *)gc_set_threshold, FT_METH_FASTCALL, NULL},
    {"set_debug", (void *)gc_set_debug, FT_METH_O, NULL},
    {"get_debug", (void *)gc_get_debug, FT_METH_NOARGS, NULL},
    {"get_objects", (void *)gc_get_objects, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"get_stats", (void *)gc_get_stats, FT_METH_NOARGS, NULL},
    {"is_tracked", (void *)gc_is_tracked, FT_METH_O, NULL},
    {"is_finalized", (void *)gc_is_finalized, FT_METH_O, NULL},
    {"get_referrers", (void *)gc_get_referrers, FT_METH_FASTCALL, NULL},
    {"get_referents", (void *)gc_get_referents, FT_METH_FASTCALL, NULL},
    {"freeze", (void *)gc_freeze, FT_METH_NOARGS, NULL},
    {"unfreeze", (void *)gc_unfreeze, FT_METH_NOARGS, NULL},
    {"get_freeze_count", (void *)gc_get_freeze_count, FT_METH_NOARGS, NULL},
    {NULL},
};

static int gc_exec(FtObject *m) {
    gc_thread_get();
    if (!gc_state.garbage && !(gc_state.garbage = ft_list_new(0)))
        return -1;
    if (!gc_state.callbacks && !(gc_state.callbacks = ft_list_new(0)))
        return -1;
    if (ft_module_add_object(m, "garbage", ft_newref(gc_state.garbage)) < 0 ||
        ft_module_add_object(m, "callbacks", ft_newref(gc_state.callbacks)) < 0 ||
        ft_module_add_int(m, "DEBUG_STATS", DEBUG_STATS) < 0 ||
        ft_module_add_int(m, "DEBUG_COLLECTABLE", DEBUG_COLLECTABLE) < 0 ||
        ft_module_add_int(m, "DEBUG_UNCOLLECTABLE", DEBUG_UNCOLLECTABLE) < 0 ||
        ft_module_add_int(m, "DEBUG_SAVEALL", DEBUG_SAVEALL) < 0 ||
        ft_module_add_int(m, "DEBUG_LEAK", DEBUG_LEAK) < 0)
        return -1;
    return 0;
}

FtModuleDef ft_gc_module_def = {
    .name = "gc",
    .doc = "This module provides access to the garbage collector for reference cycles.",
    .methods = gc_methods,
    .exec = gc_exec,
};
