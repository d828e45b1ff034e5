/* Free-threaded builds: sharing the program's definitions with its threads.
 *
 * When a program starts its first extra thread, the objects that every thread reads and
 * nobody frees in practice — the modules and their dicts, and the functions, classes, code
 * objects and built-in functions that module namespaces (and those classes' namespaces)
 * hold, with the constants of that code — become immortal, as CPython 3.13's free-threaded
 * build does at the same moment.
 * Otherwise their reference counts are the most contended cache lines of a threaded
 * program: every call increfs the function it calls, every instance its class, and under
 * biased reference counting every one of those operations by a thread that does not own the
 * object is an atomic read-modify-write on a line all threads write.
 *
 * It happens once, with the world stopped (no thread is between a load and an incref of
 * these objects). Under brc the merge queues are flushed first, so that no deferred
 * decrement is waiting for an object that is about to become immortal. The cost: these
 * objects are never freed, which is what their lifetime almost always is anyway. */
#include "runtime/tstate.h"

#if FT_FREE_THREADED
void lk_brc_merge_all_queues(FtThreadState *ts); /* locking/brc.c */

static void share(FtObject *o) {
    if (o && !lk_is_immortal(&o->ob_rc))
        FT_MAKE_IMMORTAL(o);
}

/* A code object and its constants (nested code objects, tuples of constants, floats, strs,
 * ...): LOAD_CONST increfs them in every thread that runs the code. */
static void share_code(FtObject *code) {
    if (!code || lk_is_immortal(&code->ob_rc))
        return;
    share(code);
    FtObject *consts = ((FtCode *)code)->consts;
    share(consts);
    for (ssize_t i = 0; consts && i < FT_SIZE(consts); i++) {
        FtObject *c = FT_TUPLE_GET(consts, i);
        if (ft_code_check(c))
            share_code(c);
        else if (ft_tuple_check(c))
            for (ssize_t j = 0; j < FT_SIZE(c); j++)
                share(FT_TUPLE_GET(c, j));
        share(c);
    }
}

static void share_namespace(FtObject *dict, int nested) {
    ssize_t pos = 0;
    FtObject *key, *value;
    while (ft_dict_next(dict, &pos, &key, &value)) {
        if (ft_function_check(value)) {
            share(value);
            share_code(((FtFunction *)value)->code);
        } else if (FT_TYPE(value) == &ft_cfunction_type) {
            share(value);
        } else if (ft_type_check(value) &&
                   (((FtType *)value)->tp_flags & FT_TPFLAGS_HEAPTYPE)) {
            share(value);
            if (!nested && ((FtType *)value)->tp_dict)
                share_namespace(((FtType *)value)->tp_dict, 1); /* its methods */
        }
    }
}

void ft_share_definitions(void) {
    static int done;
    if (__atomic_exchange_n(&done, 1, __ATOMIC_ACQ_REL))
        return;
    FtThreadState *ts = ft_tstate_get();
    lk_stop_the_world(ts);
    /* Before the thread exists (locking/strategy.h): caches stop borrowing mortal objects. */
    __atomic_store_n(&lk_threads_started, 1, __ATOMIC_RELAXED);
#if FT_LOCKING_BRC
    lk_brc_merge_all_queues(ts);
#endif
    ssize_t pos = 0;
    FtObject *name, *module;
    while (ft_dict_next(ft_runtime.modules, &pos, &name, &module)) {
        if (!ft_module_check(module))
            continue;
        FtObject *dict = ft_module_get_dict(module);
        share(module);
        share(dict);
        share_namespace(dict, 0);
    }
    lk_start_the_world(ts);
}
#else
void ft_share_definitions(void) {}
#endif
