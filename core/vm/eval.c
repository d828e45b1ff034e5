/* The eval loop: executes the instruction set of core/vm/opcodes.def, plus argument binding
 * and the VM entry points of vmtypes.h's "eval.c" section.
 *
 * One C activation of ft_eval_frame runs a whole chain of Python frames: a call to a Python
 * function pushes a frame from the thread's arena and continues in the same loop; RETURN
 * pops back. Only C code calling Python (ft_function_vectorcall, generators) re-enters the
 * loop, with the new frame marked is_entry so that its return leaves the C activation.
 *
 * Exceptions: an instruction that fails jumps to `error`, which records a traceback entry
 * and consults the code's exception table for the raising instruction (frame->lasti); with
 * no handler the frame is popped and the search continues in the caller. */
#include "core/vm/frame.h"
#include "gc/gc.h"
#include "runtime/import.h"
#include <string.h>

int (*ft_vm_pending_hook)(void *ts);

/* ---- recursion ------------------------------------------------------------------------ */

static int recursion_enter(FtThreadState *ts)
{
    if (FT_UNLIKELY(++ts->recursion_depth > ft_runtime.recursion_limit) &&
        ts->recursion_depth > ft_runtime.recursion_limit + ts->recursion_headroom) {
        if (ts->recursion_headroom == 0) {
            ts->recursion_headroom = 50;
            ft_err_set_string(ft_exc_RecursionError, "maximum recursion depth exceeded");
            ts->recursion_headroom = 0;
        } else {
            ft_err_set_string(ft_exc_RecursionError, "maximum recursion depth exceeded");
        }
        return -1;
    }
    return 0;
}

/* ---- argument binding ------------------------------------------------------------------- */

static FtObject *qualname_of(FtFunction *func)
{
    return func->qualname;
}

static void format_missing(FtThreadState *ts, FtFunction *func, const char *kind,
                           FtObject *names /* list of reprs */)
{
    ssize_t len = FT_SIZE(names);
    FtObject *name_str = NULL;
    if (len == 1) {
        name_str = FT_NEWREF(FT_LIST_GET(names, 0));
    } else if (len == 2) {
        name_str = ft_str_from_format("%U and %U", FT_LIST_GET(names, 0), FT_LIST_GET(names, 1));
    } else {
        FtObject *head = ft_list_slice(names, 0, len - 2);
        FtObject *sep = ft_str_from_cstr(", ");
        FtObject *joined = head && sep ? ft_str_join(sep, head) : NULL;
        if (joined)
            name_str = ft_str_from_format("%U, %U, and %U", joined, FT_LIST_GET(names, len - 2),
                                          FT_LIST_GET(names, len - 1));
        FT_XDECREF(head);
        FT_XDECREF(sep);
        FT_XDECREF(joined);
    }
    if (name_str == NULL)
        return;
    ft_err_format(ft_exc_TypeError, "%U() missing %d required %s argument%s: %U",
                  qualname_of(func), (int)len, kind, len == 1 ? "" : "s", name_str);
    FT_DECREF(name_str);
}

static void missing_arguments(FtThreadState *ts, FtFunction *func, FtCode *co, int start,
                              int end, const char *kind, FtObject **localsplus)
{
    FtObject *names = ft_list_new(0);
    if (names == NULL)
        return;
    for (int i = start; i < end; i++) {
        if (localsplus[i] == NULL) {
            FtObject *r = ft_object_repr(FT_TUPLE_GET(co->localsplusnames, i));
            if (r == NULL || ft_list_append(names, r) < 0) {
                FT_XDECREF(r);
                FT_DECREF(names);
                return;
            }
            FT_DECREF(r);
        }
    }
    format_missing(ts, func, kind, names);
    FT_DECREF(names);
}

static void too_many_positional(FtFunction *func, FtCode *co, ssize_t given,
                                FtObject **localsplus)
{
    int co_argcount = co->argcount;
    ssize_t kwonly_given = 0;
    for (int i = co_argcount; i < co_argcount + co->kwonlyargcount; i++)
        if (localsplus[i] != NULL)
            kwonly_given++;
    ssize_t defcount = func->defaults ? FT_SIZE(func->defaults) : 0;
    FtObject *sig;
    int plural;
    if (defcount) {
        plural = 1;
        sig = ft_str_from_format("from %zd to %d", co_argcount - defcount, co_argcount);
    } else {
        plural = co_argcount != 1;
        sig = ft_str_from_format("%d", co_argcount);
    }
    if (sig == NULL)
        return;
    FtObject *kwonly_sig;
    if (kwonly_given)
        kwonly_sig = ft_str_from_format(" positional argument%s (and %zd keyword-only argument%s)",
                                        given != 1 ? "s" : "", kwonly_given,
                                        kwonly_given != 1 ? "s" : "");
    else
        kwonly_sig = ft_str_from_cstr("");
    if (kwonly_sig == NULL) {
        FT_DECREF(sig);
        return;
    }
    ft_err_format(ft_exc_TypeError, "%U() takes %U positional argument%s but %zd%U %s given",
                  qualname_of(func), sig, plural ? "s" : "", given, kwonly_sig,
                  given == 1 && !kwonly_given ? "was" : "were");
    FT_DECREF(sig);
    FT_DECREF(kwonly_sig);
}

static int positional_only_passed_as_keyword(FtFunction *func, FtCode *co, FtObject *kwnames)
{
    FtObject *names = ft_list_new(0);
    if (names == NULL)
        return -1;
    for (int k = 0; k < co->posonlyargcount; k++) {
        FtObject *posonly = FT_TUPLE_GET(co->localsplusnames, k);
        for (ssize_t i = 0; i < FT_SIZE(kwnames); i++) {
            FtObject *kw = FT_TUPLE_GET(kwnames, i);
            if (kw == posonly || (ft_str_check(kw) && ft_str_eq(kw, posonly))) {
                if (ft_list_append(names, posonly) < 0) {
                    FT_DECREF(names);
                    return -1;
                }
                break;
            }
        }
    }
    if (FT_SIZE(names) == 0) {
        FT_DECREF(names);
        return 0;
    }
    FtObject *sep = ft_str_from_cstr(", ");
    FtObject *joined = sep ? ft_str_join(sep, names) : NULL;
    FT_XDECREF(sep);
    FT_DECREF(names);
    if (joined == NULL)
        return -1;
    ft_err_format(ft_exc_TypeError,
                  "%U() got some positional-only arguments passed as keyword arguments: '%U'",
                  qualname_of(func), joined);
    FT_DECREF(joined);
    return 1;
}

/* Wrap CELL slots in cells and copy the closure into FREE slots. */
static int make_cells(FtFunction *func, FtCode *co, FtObject **localsplus)
{
    int n = co->nlocalsplus;
    int j = 0;
    for (int i = 0; i < n; i++) {
        uint8_t kind = co->localspluskinds[i];
        if (kind & FT_LOCAL_KIND_CELL) {
            FtObject *c = ft_cell_new(localsplus[i]);
            if (c == NULL)
                return -1;
            FT_XSETREF(localsplus[i], c);
        } else if (kind & FT_LOCAL_KIND_FREE) {
            FtObject *closure = func ? func->closure : NULL;
            if (closure == NULL || j >= FT_SIZE(closure)) {
                ft_err_set_string(ft_exc_SystemError, "closure does not match the code");
                return -1;
            }
            localsplus[i] = FT_NEWREF(FT_TUPLE_GET(closure, j));
            j++;
        }
    }
    return 0;
}

int ft_bind_args(FtThreadState *ts, FtFunction *func, FtFrame *f, FtObject **args,
                 ssize_t nargs, FtObject *kwnames)
{
    FtCode *co = (FtCode *)func->code;
    FtObject **localsplus = f->localsplus;
    ssize_t nkw = kwnames ? FT_SIZE(kwnames) : 0;
    int co_argcount = co->argcount;
    int flags = co->flags;

    /* The common case: exactly the positional arguments the code takes. */
    if (FT_LIKELY(nkw == 0 && nargs == co_argcount &&
                  !(flags & (FT_CO_VARARGS | FT_CO_VARKEYWORDS)) && co->kwonlyargcount == 0)) {
        for (ssize_t i = 0; i < nargs; i++)
            localsplus[i] = args[i];
        goto cells;
    }

    int total_args = co_argcount + co->kwonlyargcount;
    FtObject *kwdict = NULL;
    ssize_t i, n;
    if (flags & FT_CO_VARKEYWORDS) {
        kwdict = ft_dict_new();
        if (kwdict == NULL)
            goto fail_pre;
        int slot = total_args + ((flags & FT_CO_VARARGS) ? 1 : 0);
        localsplus[slot] = kwdict;
    }
    n = nargs > co_argcount ? co_argcount : nargs;
    for (i = 0; i < n; i++)
        localsplus[i] = args[i];
    if (flags & FT_CO_VARARGS) {
        FtObject *u;
        if (nargs > n)
            u = ft_tuple_from_array_steal(args + n, nargs - n);
        else
            u = FT_NEWREF(ft_empty_tuple);
        if (u == NULL) {
            for (i = n; i < nargs; i++)
                FT_DECREF(args[i]);
            n = nargs;
            goto fail_post_positional;
        }
        localsplus[total_args] = u;
        n = nargs;
    }
    /* Keyword arguments. */
    for (i = 0; i < nkw; i++) {
        FtObject *keyword = FT_TUPLE_GET(kwnames, i);
        FtObject *value = args[nargs + i];
        int j;
        if (!ft_str_check(keyword)) {
            ft_err_format(ft_exc_TypeError, "%U() keywords must be strings", qualname_of(func));
            goto kw_fail;
        }
        for (j = co->posonlyargcount; j < total_args; j++)
            if (FT_TUPLE_GET(co->localsplusnames, j) == keyword)
                goto kw_found;
        for (j = co->posonlyargcount; j < total_args; j++)
            if (ft_str_eq(FT_TUPLE_GET(co->localsplusnames, j), keyword))
                goto kw_found;
        if (kwdict == NULL) {
            if (co->posonlyargcount && positional_only_passed_as_keyword(func, co, kwnames) != 0)
                goto kw_fail;
            ft_err_format(ft_exc_TypeError, "%U() got an unexpected keyword argument '%S'",
                          qualname_of(func), keyword);
            goto kw_fail;
        }
        if (ft_dict_set(kwdict, keyword, value) < 0)
            goto kw_fail;
        FT_DECREF(value);
        continue;
    kw_found:
        if (localsplus[j] != NULL) {
            ft_err_format(ft_exc_TypeError, "%U() got multiple values for argument '%S'",
                          qualname_of(func), keyword);
            goto kw_fail;
        }
        localsplus[j] = value;
        continue;
    kw_fail:
        for (; i < nkw; i++)
            FT_DECREF(args[nargs + i]);
        goto fail_post_args;
    }
    if (nargs > co_argcount && !(flags & FT_CO_VARARGS)) {
        too_many_positional(func, co, nargs, localsplus);
        goto fail_post_args;
    }
    if (nargs < co_argcount) {
        ssize_t defcount = func->defaults ? FT_SIZE(func->defaults) : 0;
        ssize_t m = co_argcount - defcount;
        ssize_t missing = 0;
        for (i = nargs; i < m; i++)
            if (localsplus[i] == NULL)
                missing++;
        if (missing) {
            missing_arguments(ts, func, co, 0, (int)m, "positional", localsplus);
            goto fail_post_args;
        }
        i = n > m ? n - m : 0;
        for (; i < defcount; i++) {
            if (localsplus[m + i] == NULL)
                localsplus[m + i] = FT_NEWREF(FT_TUPLE_GET(func->defaults, i));
        }
    }
    if (co->kwonlyargcount > 0) {
        ssize_t missing = 0;
        for (i = co_argcount; i < total_args; i++) {
            if (localsplus[i] != NULL)
                continue;
            FtObject *varname = FT_TUPLE_GET(co->localsplusnames, i);
            if (func->kwdefaults) {
                FtObject *def = ft_dict_get_ref(func->kwdefaults, varname);
                if (def) {
                    localsplus[i] = def;
                    continue;
                }
                if (ft_err_occurred())
                    goto fail_post_args;
            }
            missing++;
        }
        if (missing) {
            missing_arguments(ts, func, co, co_argcount, total_args, "keyword-only", localsplus);
            goto fail_post_args;
        }
    }
cells:
    if ((co->ncells | co->nfrees) && make_cells(func, co, localsplus) < 0)
        return -1;   /* the caller releases the frame, and with it the bound arguments */
    return 0;

fail_pre:
    for (i = 0; i < nargs + nkw; i++)
        FT_DECREF(args[i]);
    return -1;
fail_post_positional:
    for (i = 0; i < nkw; i++)
        FT_DECREF(args[nargs + i]);
    return -1;
fail_post_args:
    /* Surplus positional arguments not taken by *args are still ours. */
    if (!(flags & FT_CO_VARARGS))
        for (i = n; i < nargs; i++)
            FT_DECREF(args[i]);
    return -1;
}

/* ---- small helpers of the loop ----------------------------------------------------------- */

static FtObject *lookup_special(FtObject *o, FtObject *name)
{
    FtObject *descr = ft_type_lookup(FT_TYPE(o), name);
    if (descr == NULL)
        return NULL;
    ft_descrgetfunc get = FT_TYPE(descr)->tp_descr_get;
    if (get)
        return get(descr, o, (FtObject *)FT_TYPE(o));
    return FT_NEWREF(descr);
}

static void set_name_error(FtType *type, const char *fmt, FtObject *name)
{
    ft_err_format(type, fmt, name);
    FtObject *exc = ft_err_occurred();
    if (exc && ft_type_is_subtype(FT_TYPE(exc), ft_exc_NameError)) {
        FtNameError *ne = (FtNameError *)exc;
        FT_XSETREF(ne->name, FT_NEWREF(name));
    }
}

static void unbound_local_error(FtCode *co, int oparg)
{
    FtObject *name = FT_TUPLE_GET(co->localsplusnames, oparg);
    if (co->localspluskinds[oparg] & FT_LOCAL_KIND_FREE)
        set_name_error(ft_exc_NameError,
                       "cannot access free variable '%U' where it is not associated with a "
                       "value in enclosing scope", name);
    else
        set_name_error(ft_exc_UnboundLocalError,
                       "cannot access local variable '%U' where it is not associated with a "
                       "value", name);
}

/* UNPACK_SEQUENCE of a list of exactly n items: pushes them in reverse at dst (new
 * references); false (nothing pushed) for another size. Under the list's critical section,
 * since another thread may change it between the size check and the reads. */
static bool unpack_list(FtObject *seq, int n, FtObject **dst)
{
    bool ok;
    LK_BEGIN_CRITICAL(seq);
    ok = FT_SIZE(seq) == n;
    if (ok) {
        for (int i = 0; i < n; i++)
            dst[n - 1 - i] = FT_NEWREF(FT_LIST_GET(seq, i));
    }
    LK_END_CRITICAL();
    return ok;
}

/* Mapping lookup: 1 found (*v new ref), 0 absent (KeyError swallowed), -1 error. */
static int mapping_lookup(FtObject *map, FtObject *key, FtObject **v)
{
    if (ft_dict_check_exact(map)) {
        /* New reference taken under the dict's critical section: another thread may
         * rebind the name and free the old value (free-threaded builds). */
        FtObject *r = ft_dict_get_ref(map, key);
        if (r) {
            *v = r;
            return 1;
        }
        *v = NULL;
        return ft_err_occurred() ? -1 : 0;
    }
    FtObject *r = ft_object_getitem(map, key);
    if (r) {
        *v = r;
        return 1;
    }
    *v = NULL;
    if (ft_err_matches(ft_exc_KeyError)) {
        ft_err_clear();
        return 0;
    }
    return -1;
}

static FtObject *load_global_slow(FtObject *globals, FtObject *builtins, FtObject *name)
{
    FtObject *v;
    int r = mapping_lookup(globals, name, &v);
    if (r != 0)
        return v;
    r = mapping_lookup(builtins, name, &v);
    if (r == 0)
        set_name_error(ft_exc_NameError, "name '%U' is not defined", name);
    return v;
}

static FtObject *load_name(FtFrame *f, FtObject *name)
{
    FtObject *v;
    if (f->locals == NULL) {
        ft_err_format(ft_exc_SystemError, "no locals when loading %R", name);
        return NULL;
    }
    int r = mapping_lookup(f->locals, name, &v);
    if (r != 0)
        return v;
    return load_global_slow(f->globals, f->builtins, name);
}

/* The LOAD_GLOBAL cache: valid while both dicts are the same objects at the same versions.
 * The value is borrowed: it cannot die without a mutation of its dict.
 *
 * Free-threaded builds, once a second thread exists (lk_threads_started), use only entries
 * holding immortal values (the module's functions and classes, runtime/share.c): another
 * thread may mutate the dict and drop the value at any moment, and only an immortal value
 * survives that. A hit then needs neither the dict's lock nor a reference count. Until then
 * the program has one thread and the cache works as under the GIL: a mortal value is
 * borrowed from the dict (the entry says so) and the hit takes a reference. The flag is set
 * before the second thread is created and never cleared, so a mortal entry is never used
 * by two threads. Threads running the same code fill the same entry, so each entry is a
 * sequence lock: odd while being written; a reader that sees the sequence change, or odd,
 * misses. A hit racing with a mutation may return the value from just before it, as if the
 * load had run first. */
typedef struct GlobalCache {
#if FT_FREE_THREADED
    uint32_t seq;
    uint32_t mortal; /* value is not immortal: usable only while lk_threads_started is 0 */
#endif
    FtObject *globals, *builtins;
    uint64_t gversion, bversion;
    FtObject *value;
} GlobalCache;

static GlobalCache *global_cache(FtCode *co)
{
    GlobalCache *gc = __atomic_load_n((GlobalCache **)&co->vm_cache, __ATOMIC_ACQUIRE);
    if (gc == NULL) {
        GlobalCache *fresh = ft_mem_calloc((size_t)co->ninstrs, sizeof(GlobalCache));
        if (fresh == NULL)
            return NULL;
        /* Acq_rel: publishes the zeroed array; a thread that lost the race uses the winner's. */
        if (__atomic_compare_exchange_n((GlobalCache **)&co->vm_cache, &gc, fresh, false,
                                        __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
            gc = fresh;
        else
            ft_mem_free(fresh);
    }
    return gc;
}

#if FT_FREE_THREADED
static FtObject *global_cache_hit(GlobalCache *e, FtObject *g, FtObject *b, uint32_t *mortal)
{
    uint32_t s1 = __atomic_load_n(&e->seq, __ATOMIC_ACQUIRE);
    if (s1 & 1)
        return NULL;
    *mortal = __atomic_load_n(&e->mortal, __ATOMIC_RELAXED);
    if (*mortal && __atomic_load_n(&lk_threads_started, __ATOMIC_RELAXED))
        return NULL;
    if (__atomic_load_n(&e->globals, __ATOMIC_RELAXED) != g ||
        __atomic_load_n(&e->builtins, __ATOMIC_RELAXED) != b ||
        __atomic_load_n(&e->gversion, __ATOMIC_RELAXED) !=
            __atomic_load_n(&((FtDict *)g)->version, __ATOMIC_RELAXED) ||
        __atomic_load_n(&e->bversion, __ATOMIC_RELAXED) !=
            __atomic_load_n(&((FtDict *)b)->version, __ATOMIC_RELAXED))
        return NULL;
    FtObject *v = __atomic_load_n(&e->value, __ATOMIC_RELAXED);
    /* The fields above belong to sequence s1 (pairs with the writer's release). */
    LK_ACQUIRE_FENCE();
    return __atomic_load_n(&e->seq, __ATOMIC_RELAXED) == s1 ? v : NULL;
}

static void global_cache_fill(GlobalCache *e, FtObject *g, FtObject *b, uint64_t gv,
                              uint64_t bv, FtObject *v, uint32_t mortal)
{
    uint32_t s = __atomic_load_n(&e->seq, __ATOMIC_RELAXED);
    /* Claim the entry (odd); a writer that loses the race simply does not cache. */
    if ((s & 1) || !__atomic_compare_exchange_n(&e->seq, &s, s + 1, false, __ATOMIC_ACQUIRE,
                                                 __ATOMIC_RELAXED))
        return;
    __atomic_store_n(&e->globals, g, __ATOMIC_RELAXED);
    __atomic_store_n(&e->builtins, b, __ATOMIC_RELAXED);
    __atomic_store_n(&e->gversion, gv, __ATOMIC_RELAXED);
    __atomic_store_n(&e->bversion, bv, __ATOMIC_RELAXED);
    __atomic_store_n(&e->value, v, __ATOMIC_RELAXED);
    __atomic_store_n(&e->mortal, mortal, __ATOMIC_RELAXED);
    /* Release: the fields are written before a reader can see the even sequence. */
    __atomic_store_n(&e->seq, s + 2, __ATOMIC_RELEASE);
}
#endif

/* BEFORE_WITH / BEFORE_ASYNC_WITH: find the manager's enter and exit methods (with the
 * errors CPython gives for each protocol) and call enter. Returns its result and stores the
 * bound exit in *exit_out (new references), or NULL with *exit_out untouched. */
static FtObject *enter_context(FtObject *mgr, int is_async, FtObject **exit_out)
{
    const char *protocol = is_async ? "asynchronous context manager" : "context manager";
    FtObject *enter = lookup_special(mgr, is_async ? FT_ID(__aenter__) : FT_ID(__enter__));
    if (enter == NULL) {
        if (!ft_err_occurred())
            ft_err_format(ft_exc_TypeError, "'%s' object does not support the %s protocol",
                          FT_TYPE(mgr)->tp_name, protocol);
        return NULL;
    }
    FtObject *exit = lookup_special(mgr, is_async ? FT_ID(__aexit__) : FT_ID(__exit__));
    if (exit == NULL) {
        if (!ft_err_occurred())
            ft_err_format(ft_exc_TypeError,
                          "'%s' object does not support the %s protocol (missed %s method)",
                          FT_TYPE(mgr)->tp_name, protocol, is_async ? "__aexit__" : "__exit__");
        FT_DECREF(enter);
        return NULL;
    }
    FtObject *res = ft_object_call_noargs(enter);
    FT_DECREF(enter);
    if (res == NULL) {
        FT_DECREF(exit);
        return NULL;
    }
    *exit_out = exit;
    return res;
}

/* Pop the running frame (returning or unwinding): drop what is left on its value stack
 * (stack_base..sp), release it, and make its caller current in *frame. Returns 1 when the
 * frame was the entry frame of this eval loop, whose caller is C code. */
static int leave_frame(FtThreadState *ts, FtFrame **frame, FtObject **stack_base,
                       FtObject **sp)
{
    while (sp > stack_base) {
        FtObject *v = *--sp;
        FT_XDECREF(v);
    }
    FtFrame *f = *frame, *prev = f->previous;
    int entry = f->is_entry;
    f->stacktop = 0;
    ts->recursion_depth--;
    ts->frame = prev;
    ft_frame_release(ts, f);
    *frame = prev;
    return entry;
}

static FtObject *exc_from_raise_arg(FtObject *exc)
{
    /* raise X: instantiate classes; returns new ref or NULL with an error set */
    if (ft_exception_class_check(exc)) {
        FtObject *value = ft_object_call_noargs(exc);
        if (value == NULL)
            return NULL;
        if (!ft_exception_check(value)) {
            ft_err_format(ft_exc_TypeError,
                          "calling %R should have returned an instance of BaseException, not %R",
                          exc, (FtObject *)FT_TYPE(value));
            FT_DECREF(value);
            return NULL;
        }
        return value;
    }
    if (ft_exception_check(exc))
        return FT_NEWREF(exc);
    ft_err_set_string(ft_exc_TypeError, "exceptions must derive from BaseException");
    return NULL;
}

static FtObject *topmost_handled(FtThreadState *ts)
{
    for (FtExcInfo *ei = ts->exc_info; ei; ei = ei->previous)
        if (ei->exc_value && ei->exc_value != FT_NONE)
            return ei->exc_value;
    return NULL;
}

/* RAISE_VARARGS. Returns 1 for a bare re-raise (no new traceback entry), 0 otherwise; an
 * exception is set either way. */
static int do_raise(FtThreadState *ts, FtObject *exc, FtObject *cause)
{
    if (exc == NULL) {
        FtObject *v = topmost_handled(ts);
        if (v == NULL) {
            ft_err_set_string(ft_exc_RuntimeError, "No active exception to reraise");
            return 0;
        }
        ft_err_restore(FT_NEWREF(v));
        return 1;
    }
    FtObject *value = exc_from_raise_arg(exc);
    if (value == NULL)
        return 0;
    if (cause) {
        FtObject *fixed;
        if (ft_exception_class_check(cause)) {
            fixed = ft_object_call_noargs(cause);
            if (fixed == NULL) {
                FT_DECREF(value);
                return 0;
            }
        } else if (ft_exception_check(cause)) {
            fixed = FT_NEWREF(cause);
        } else if (cause == FT_NONE) {
            fixed = NULL;
        } else {
            FT_DECREF(value);
            ft_err_set_string(ft_exc_TypeError,
                              "exception causes must derive from BaseException");
            return 0;
        }
        ft_exc_set_cause(value, fixed);
        if (fixed == NULL)
            ((FtBaseException *)value)->suppress_context = 1;
    }
    ft_err_set_exc(value);
    FT_DECREF(value);
    return 0;
}

static int check_except_type_valid(FtObject *right)
{
    if (ft_tuple_check(right)) {
        for (ssize_t i = 0; i < FT_SIZE(right); i++) {
            FtObject *e = FT_TUPLE_GET(right, i);
            if (!ft_exception_class_check(e))
                goto bad;
        }
        return 0;
    }
    if (ft_exception_class_check(right))
        return 0;
bad:
    ft_err_set_string(ft_exc_TypeError,
                      "catching classes that do not inherit from BaseException is not allowed");
    return -1;
}

/* UNPACK_SEQUENCE / UNPACK_EX: writes the items to out[0..] in stack order (out[0] is the
 * deepest). argcntafter -1: exact count. */
static int unpack_iterable(FtObject *v, int argcnt, int argcntafter, FtObject **sp)
{
    int i = 0;
    FtObject *it = ft_object_getiter(v);
    if (it == NULL) {
        if (ft_err_matches(ft_exc_TypeError) && FT_TYPE(v)->tp_iter == NULL &&
            !(FT_TYPE(v)->tp_as_sequence && FT_TYPE(v)->tp_as_sequence->sq_item)) {
            ft_err_clear();
            ft_err_format(ft_exc_TypeError, "cannot unpack non-iterable %s object",
                          FT_TYPE(v)->tp_name);
        }
        return -1;
    }
    for (; i < argcnt; i++) {
        FtObject *w = ft_iter_next(it);
        if (w == NULL) {
            if (!ft_err_occurred()) {
                if (argcntafter == -1)
                    ft_err_format(ft_exc_ValueError,
                                  "not enough values to unpack (expected %d, got %d)", argcnt, i);
                else
                    ft_err_format(ft_exc_ValueError,
                                  "not enough values to unpack (expected at least %d, got %d)",
                                  argcnt + argcntafter, i);
            }
            goto error;
        }
        *--sp = w;
    }
    if (argcntafter == -1) {
        FtObject *w = ft_iter_next(it);
        if (w == NULL) {
            if (ft_err_occurred())
                goto error;
            FT_DECREF(it);
            return 0;
        }
        FT_DECREF(w);
        ft_err_format(ft_exc_ValueError, "too many values to unpack (expected %d)", argcnt);
        goto error;
    }
    FtObject *l = ft_sequence_list(it);
    if (l == NULL)
        goto error;
    *--sp = l;
    i++;
    ssize_t ll = FT_SIZE(l);
    if (ll < argcntafter) {
        ft_err_format(ft_exc_ValueError,
                      "not enough values to unpack (expected at least %d, got %zd)",
                      argcnt + argcntafter, argcnt + ll);
        goto error;
    }
    for (int j = argcntafter; j > 0; j--, i++)
        *--sp = FT_NEWREF(FT_LIST_GET(l, ll - j));
    /* Shrink the list: its last argcntafter items moved to the stack. */
    for (int j = 0; j < argcntafter; j++)
        FT_DECREF(FT_LIST_GET(l, ll - 1 - j));
    FT_SIZE(l) = ll - argcntafter;
    FT_DECREF(it);
    return 0;
error:
    for (; i > 0; i--, sp++)
        FT_DECREF(*sp);
    FT_DECREF(it);
    return -1;
}

static FtObject *function_str(FtObject *func)
{
    /* _PyObject_FunctionStr: "mod.qualname()" or "qualname()" for builtins / no module */
    FtObject *qualname = NULL, *module = NULL, *res = NULL;
    if (ft_object_lookup_attr(func, FT_ID(__qualname__), &qualname) <= 0) {
        ft_err_clear();
        return ft_object_str(func);
    }
    if (ft_object_lookup_attr(func, FT_ID(__module__), &module) < 0)
        ft_err_clear();
    if (module && module != FT_NONE && ft_str_check(module) &&
        !ft_str_eq_cstr(module, "builtins"))
        res = ft_str_from_format("%U.%U()", module, qualname);
    else
        res = ft_str_from_format("%U()", qualname);
    FT_XDECREF(module);
    FT_DECREF(qualname);
    return res;
}

/* {**a} / f(**a): merge `update` into dict; dupcheck: duplicate keys are errors
 * (func names the callee in the message). */
static int dict_merge_op(FtObject *dict, FtObject *update, int dupcheck, FtObject *func)
{
    if (ft_dict_check(update)) {
        ssize_t pos = 0;
        FtObject *k, *v;
        while (ft_dict_next(update, &pos, &k, &v)) {
            if (dupcheck) {
                int c = ft_dict_contains(dict, k);
                if (c < 0)
                    return -1;
                if (c) {
                    FtObject *fs = function_str(func);
                    if (fs) {
                        ft_err_format(ft_exc_TypeError,
                                      "%U got multiple values for keyword argument '%S'", fs, k);
                        FT_DECREF(fs);
                    }
                    return -1;
                }
            }
            FT_INCREF(k);
            FT_INCREF(v);
            int r = ft_dict_set(dict, k, v);
            FT_DECREF(k);
            FT_DECREF(v);
            if (r < 0)
                return -1;
        }
        return 0;
    }
    FtObject *keysm = NULL;
    if (ft_object_lookup_attr(update, FT_ID(keys), &keysm) < 0)
        return -1;
    if (keysm == NULL) {
        if (dupcheck) {
            FtObject *fs = function_str(func);
            if (fs) {
                ft_err_format(ft_exc_TypeError, "%U argument after ** must be a mapping, not %s",
                              fs, FT_TYPE(update)->tp_name);
                FT_DECREF(fs);
            }
        } else {
            ft_err_format(ft_exc_TypeError, "'%s' object is not a mapping",
                          FT_TYPE(update)->tp_name);
        }
        return -1;
    }
    FtObject *keys = ft_object_call_noargs(keysm);
    FT_DECREF(keysm);
    if (keys == NULL)
        return -1;
    FtObject *it = ft_object_getiter(keys);
    FT_DECREF(keys);
    if (it == NULL)
        return -1;
    FtObject *k;
    while ((k = ft_iter_next(it)) != NULL) {
        if (dupcheck) {
            int c = ft_dict_contains(dict, k);
            if (c != 0) {
                if (c > 0) {
                    FtObject *fs = function_str(func);
                    if (fs) {
                        ft_err_format(ft_exc_TypeError,
                                      "%U got multiple values for keyword argument '%S'", fs, k);
                        FT_DECREF(fs);
                    }
                }
                FT_DECREF(k);
                FT_DECREF(it);
                return -1;
            }
        }
        FtObject *v = ft_object_getitem(update, k);
        if (v == NULL || ft_dict_set(dict, k, v) < 0) {
            FT_XDECREF(v);
            FT_DECREF(k);
            FT_DECREF(it);
            return -1;
        }
        FT_DECREF(v);
        FT_DECREF(k);
    }
    FT_DECREF(it);
    return ft_err_occurred() ? -1 : 0;
}

static FtObject *import_name(FtFrame *f, FtObject *name, FtObject *fromlist, FtObject *level)
{
    /* A new reference: another thread may rebind builtins.__import__ meanwhile. */
    FtObject *import_func = ft_dict_get_ref(f->builtins, FT_ID(__import__));
    if (import_func == NULL) {
        if (!ft_err_occurred())
            ft_err_set_string(ft_exc_ImportError, "__import__ not found");
        return NULL;
    }
    FtObject *args[5] = { name, f->globals, f->locals ? f->locals : FT_NONE, fromlist, level };
    FtObject *res = ft_object_vectorcall(import_func, args, 5, NULL);
    FT_DECREF(import_func);
    return res;
}

static FtObject *import_from(FtObject *v, FtObject *name)
{
    FtObject *x;
    if (ft_object_lookup_attr(v, name, &x) != 0)
        return x;
    FtObject *pkgname = NULL, *pkgpath = NULL;
    if (ft_object_lookup_attr(v, FT_ID(__name__), &pkgname) < 0)
        return NULL;
    if (pkgname && ft_str_check(pkgname)) {
        FtObject *full = ft_str_from_format("%U.%U", pkgname, name);
        if (full == NULL) {
            FT_DECREF(pkgname);
            return NULL;
        }
        /* A new reference: another thread may remove it from sys.modules meanwhile. */
        x = ft_runtime.modules ? ft_dict_get_ref(ft_runtime.modules, full) : NULL;
        FT_DECREF(full);
        if (x) {
            FT_DECREF(pkgname);
            return x;
        }
        if (ft_err_occurred()) {
            FT_DECREF(pkgname);
            return NULL;
        }
    } else {
        FT_CLEAR(pkgname);
    }
    if (ft_object_lookup_attr(v, FT_ID(__file__), &pkgpath) < 0)
        ft_err_clear();
    FtObject *shown = pkgname ? FT_NEWREF(pkgname) : ft_str_from_cstr("<unknown module name>");
    if (shown) {
        FtObject *msg;
        if (pkgpath == NULL || !ft_str_check(pkgpath))
            msg = ft_str_from_format("cannot import name %R from %R (unknown location)", name,
                                     shown);
        else if (ft_import_is_initializing(v))
            msg = ft_str_from_format("cannot import name %R from partially initialized module "
                                     "%R (most likely due to a circular import) (%S)",
                                     name, shown, pkgpath);
        else
            msg = ft_str_from_format("cannot import name %R from %R (%S)", name, shown, pkgpath);
        if (msg) {
            FtObject *exc = ft_exc_new(ft_exc_ImportError, &msg, 1);
            if (exc) {
                FtImportError *ie = (FtImportError *)exc;
                FT_XSETREF(ie->name, FT_NEWREF(pkgname ? pkgname : FT_NONE));
                FT_XSETREF(ie->path, FT_NEWREF(pkgpath && ft_str_check(pkgpath) ? pkgpath : FT_NONE));
                ft_err_set_exc(exc);
                FT_DECREF(exc);
            }
            FT_DECREF(msg);
        }
        FT_DECREF(shown);
    }
    FT_XDECREF(pkgname);
    FT_XDECREF(pkgpath);
    return NULL;
}

static int import_star(FtFrame *f, FtObject *mod)
{
    if (f->locals == NULL) {
        ft_err_set_string(ft_exc_SystemError, "no locals found during 'import *'");
        return -1;
    }
    FtObject *all = NULL;
    int skip_private = 0;
    if (ft_object_lookup_attr(mod, FT_ID(__all__), &all) < 0)
        return -1;
    if (all == NULL) {
        FtObject *dict = NULL;
        if (ft_object_lookup_attr(mod, FT_ID(__dict__), &dict) < 0)
            return -1;
        if (dict == NULL) {
            ft_err_set_string(ft_exc_ImportError,
                              "from-import-* object has no __dict__ and no __all__");
            return -1;
        }
        all = ft_mapping_keys(dict);
        FT_DECREF(dict);
        if (all == NULL)
            return -1;
        skip_private = 1;
    }
    FtObject *it = ft_object_getiter(all);
    FT_DECREF(all);
    if (it == NULL)
        return -1;
    FtObject *name;
    int err = 0;
    while ((name = ft_iter_next(it)) != NULL) {
        if (!ft_str_check(name)) {
            ft_err_format(ft_exc_TypeError, "%s in %U.%s must be str, not %.100s",
                          skip_private ? "Key" : "Item", FT_ID(__name__),
                          skip_private ? "__dict__" : "__all__", FT_TYPE(name)->tp_name);
            FT_DECREF(name);
            err = -1;
            break;
        }
        if (skip_private && FT_STR_LEN(name) > 0 && ft_str_read(name, 0) == '_') {
            FT_DECREF(name);
            continue;
        }
        FtObject *value = ft_object_getattr(mod, name);
        if (value == NULL) {
            FT_DECREF(name);
            err = -1;
            break;
        }
        int r = ft_dict_check_exact(f->locals) ? ft_dict_set(f->locals, name, value)
                                                : ft_object_setitem(f->locals, name, value);
        FT_DECREF(value);
        FT_DECREF(name);
        if (r < 0) {
            err = -1;
            break;
        }
    }
    FT_DECREF(it);
    if (err == 0 && ft_err_occurred())
        err = -1;
    return err;
}

static FtObject *build_annotations(FtObject *tuple)
{
    FtObject *d = ft_dict_new();
    if (d == NULL)
        return NULL;
    ssize_t n = FT_SIZE(tuple);
    for (ssize_t i = 0; i + 1 < n; i += 2) {
        if (ft_dict_set(d, FT_TUPLE_GET(tuple, i), FT_TUPLE_GET(tuple, i + 1)) < 0) {
            FT_DECREF(d);
            return NULL;
        }
    }
    return d;
}

static int handle_eval_breaker(FtThreadState *ts)
{
    lk_yield(ts);
    if (__atomic_load_n(&ts->eval_breaker, __ATOMIC_RELAXED) & LK_BREAK_GC)
        ft_gc_collect_pending(ts);
    uint32_t bits = __atomic_load_n(&ts->eval_breaker, __ATOMIC_RELAXED);
    if ((bits & (LK_BREAK_SIGNAL | LK_BREAK_ASYNC_EXC)) && ft_vm_pending_hook)
        return ft_vm_pending_hook(ts);
    return 0;
}

static const FtExcEntry *find_handler(FtCode *co, int idx)
{
    int lo = 0, hi = co->nexc - 1;
    const FtExcEntry *t = co->exctable;
    while (lo <= hi) {
        int mid = (lo + hi) / 2;
        if ((uint32_t)idx < t[mid].start)
            hi = mid - 1;
        else if ((uint32_t)idx >= t[mid].end)
            lo = mid + 1;
        else
            return &t[mid];
    }
    return NULL;
}

static FtObject *format_value(FtObject *value, int conv, FtObject *spec)
{
    FtObject *v;
    switch (conv) {
    case 1: v = ft_object_str(value); break;
    case 2: v = ft_object_repr(value); break;
    case 3: v = ft_object_ascii(value); break;
    default: v = FT_NEWREF(value); break;
    }
    if (v == NULL)
        return NULL;
    if (spec == NULL && ft_str_check_exact(v))
        return v;
    FtObject *r = ft_object_format(v, spec);
    FT_DECREF(v);
    return r;
}

static int call_exhausted_check(FtObject *it)
{
    /* After tp_iternext returned NULL: -1 error, 0 exhausted. StopIteration counts as
     * exhaustion (iterators written in Python). */
    if (!ft_err_occurred())
        return 0;
    if (ft_err_matches(ft_exc_StopIteration)) {
        ft_err_clear();
        return 0;
    }
    return -1;
}

/* YIELD_FROM's send: 0 yielded (*res), 1 returned (*res), -1 error. */
static int send_into(FtObject *iter, FtObject *v, FtObject **res)
{
    if (ft_gen_check(iter) || ft_coro_check(iter))
        return ft_gen_send_ex(iter, v, res);
    FtObject *r;
    /* A class's __next__ is called directly: its StopIteration carries the return value,
     * which the tp_iternext slot would swallow. */
    if (v == FT_NONE && FT_TYPE(iter)->tp_iternext != NULL &&
        !(FT_TYPE(iter)->tp_flags & FT_TPFLAGS_HEAPTYPE))
        r = FT_TYPE(iter)->tp_iternext(iter);
    else if (v == FT_NONE)
        r = ft_object_call_method(iter, FT_ID(__next__), NULL, 0);
    else
        r = ft_object_call_method(iter, FT_ID(send), &v, 1);
    if (r) {
        *res = r;
        return 0;
    }
    FtObject *exc = ft_err_occurred();
    if (exc == NULL) {
        *res = FT_NEWREF(FT_NONE);
        return 1;
    }
    if (ft_type_is_subtype(FT_TYPE(exc), ft_exc_StopIteration)) {
        FtStopIteration *si = (FtStopIteration *)exc;
        *res = FT_NEWREF(si->value ? si->value : FT_NONE);
        ft_err_clear();
        return 1;
    }
    *res = NULL;
    return -1;
}

/* ---- the loop ----------------------------------------------------------------------------- */

#if FT_COMPUTED_GOTO
#define TARGET(op) TARGET_##op:
#define DISPATCH()                                            \
    do {                                                      \
        frame->lasti = (int)(next_instr - first_instr);       \
        word = *next_instr++;                                 \
        oparg = (int)FT_INSTR_ARG(word);                      \
        goto *table[FT_INSTR_OP(word)];                       \
    } while (0)
#else
#define TARGET(op) case FT_OP_##op:
#define DISPATCH() goto dispatch
#endif

#define PUSH(v) (*sp++ = (v))
#define POP() (*--sp)
#define TOP() (sp[-1])
#define SECOND() (sp[-2])
#define PEEK(n) (sp[-(n)])
#define SET_TOP(v) (sp[-1] = (v))
#define SET_SECOND(v) (sp[-2] = (v))
#define JUMPTO(i) (next_instr = first_instr + (i))

#define LOAD_FRAME()                                                  \
    do {                                                              \
        code = frame->code;                                           \
        first_instr = code->instrs;                                   \
        next_instr = first_instr + frame->lasti + 1;                  \
        localsplus = frame->localsplus;                               \
        stack_base = localsplus + code->nlocalsplus;                  \
        sp = stack_base + frame->stacktop;                            \
        consts = FT_TUPLE_ITEMS(code->consts);                        \
        names = FT_TUPLE_ITEMS(code->names);                          \
    } while (0)
#define SAVE_SP() (frame->stacktop = (int)(sp - stack_base))

#define CHECK_EVAL_BREAKER()                                                       \
    do {                                                                           \
        if (FT_UNLIKELY(__atomic_load_n(&ts->eval_breaker, __ATOMIC_RELAXED))) {   \
            SAVE_SP();                                                             \
            if (handle_eval_breaker(ts) < 0)                                       \
                goto error;                                                        \
        }                                                                          \
    } while (0)

#define GETLOCAL(i) (localsplus[i])
/* A jump; a backward one is a yield point (tested before jumping so that an error raised
 * there belongs to the jump instruction). */
#define JUMP_WITH_CHECK(target)                 \
    do {                                        \
        if ((target) <= frame->lasti)           \
            CHECK_EVAL_BREAKER();               \
        JUMPTO(target);                         \
    } while (0)

FtObject *ft_eval_frame(FtThreadState *ts, FtFrame *frame, int throwflag)
{
#if FT_COMPUTED_GOTO
    static void *const dispatch_table[256] = {
#define OP(name, kind, effect, jeffect) &&TARGET_##name,
#include "core/vm/opcodes.def"
#undef OP
        [FT_OP_COUNT ... 255] = &&unknown_opcode,
    };
    /* -X stats: every instruction goes through count_instruction first (runtime/stats.h).
     * Without it, dispatching costs nothing more than through dispatch_table itself. */
    static void *const counting_table[256] = {[0 ... 255] = &&count_instruction};
    void *const *const table = ft_runtime.stats ? counting_table : dispatch_table;
#else
    const bool counting = ft_runtime.stats;
#endif
    FtCode *code;
    const ft_instr *first_instr, *next_instr;
    FtObject **localsplus, **stack_base, **sp;
    FtObject *const *consts, *const *names;
    ft_instr word;
    int oparg;
    FtObject *retval = NULL;
    FtObject *call_kwnames = NULL;

    frame->is_entry = 1;
    frame->state = FT_FRAME_EXECUTING;
    LOAD_FRAME();
    if (recursion_enter(ts) < 0)
        goto exit_unwind;
    if (throwflag)
        goto error;
    CHECK_EVAL_BREAKER();
    DISPATCH();

start_frame:
    /* A new frame pushed by CALL: `frame` is it, already linked. */
    frame->state = FT_FRAME_EXECUTING;
    LOAD_FRAME();
    if (recursion_enter(ts) < 0)
        goto exit_unwind;
    CHECK_EVAL_BREAKER();
    DISPATCH();

#if FT_COMPUTED_GOTO
count_instruction:
    ft_stats.instructions++;
    goto *dispatch_table[FT_INSTR_OP(word)];
#else
dispatch:
    frame->lasti = (int)(next_instr - first_instr);
    word = *next_instr++;
    oparg = (int)FT_INSTR_ARG(word);
    if (FT_UNLIKELY(counting))
        ft_stats.instructions++;
    switch (FT_INSTR_OP(word)) {
#endif

    TARGET(NOP) {
        DISPATCH();
    }

    TARGET(POP_TOP) {
        FtObject *v = POP();
        FT_XDECREF(v);
        DISPATCH();
    }

    TARGET(PUSH_NULL) {
        PUSH(NULL);
        DISPATCH();
    }

    TARGET(COPY) {
        FtObject *v = PEEK(oparg);
        PUSH(FT_XNEWREF(v));
        DISPATCH();
    }

    TARGET(SWAP) {
        FtObject *t = TOP();
        SET_TOP(PEEK(oparg));
        PEEK(oparg) = t;
        DISPATCH();
    }

    TARGET(LOAD_CONST) {
        PUSH(FT_NEWREF(consts[oparg]));
        DISPATCH();
    }

    TARGET(LOAD_FAST) {
        FtObject *v = GETLOCAL(oparg);
        if (FT_UNLIKELY(v == NULL)) {
            unbound_local_error(code, oparg);
            goto error;
        }
        PUSH(FT_NEWREF(v));
        DISPATCH();
    }

    TARGET(STORE_FAST) {
        FtObject *v = POP();
        FtObject *old = GETLOCAL(oparg);
        GETLOCAL(oparg) = v;
        FT_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_FAST) {
        FtObject *v = GETLOCAL(oparg);
        if (v == NULL) {
            unbound_local_error(code, oparg);
            goto error;
        }
        GETLOCAL(oparg) = NULL;
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(LOAD_DEREF) {
        /* A cell may be shared by threads (closures): load and incref under its critical
         * section, which a concurrent STORE_DEREF also takes (braces under a GIL). */
        FtObject *cell = GETLOCAL(oparg);
        FtObject *v;
        LK_BEGIN_CRITICAL(cell);
        v = ((FtCell *)cell)->ref;
        if (v)
            FT_INCREF(v);
        LK_END_CRITICAL();
        if (FT_UNLIKELY(v == NULL)) {
            unbound_local_error(code, oparg);
            goto error;
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_DEREF) {
        FtObject *v = POP();
        FtCell *cell = (FtCell *)GETLOCAL(oparg);
        FtObject *old;
        LK_BEGIN_CRITICAL(cell);
        old = cell->ref;
        cell->ref = v;
        LK_END_CRITICAL();
        FT_XDECREF(old);
        DISPATCH();
    }

    TARGET(DELETE_DEREF) {
        FtCell *cell = (FtCell *)GETLOCAL(oparg);
        FtObject *old = cell->ref;
        if (old == NULL) {
            unbound_local_error(code, oparg);
            goto error;
        }
        cell->ref = NULL;
        FT_DECREF(old);
        DISPATCH();
    }

    TARGET(LOAD_CLOSURE) {
        PUSH(FT_NEWREF(GETLOCAL(oparg)));
        DISPATCH();
    }

    TARGET(LOAD_CLASSDEREF) {
        FtObject *name = FT_TUPLE_GET(code->localsplusnames, oparg);
        FtObject *v = NULL;
        if (frame->locals) {
            int r = mapping_lookup(frame->locals, name, &v);
            if (r < 0)
                goto error;
        }
        if (v == NULL) {
            v = ((FtCell *)GETLOCAL(oparg))->ref;
            if (v == NULL) {
                unbound_local_error(code, oparg);
                goto error;
            }
            FT_INCREF(v);
        }
        PUSH(v);
        DISPATCH();
    }

    TARGET(LOAD_NAME) {
        SAVE_SP();
        FtObject *v = load_name(frame, names[oparg]);
        if (v == NULL)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_NAME) {
        FtObject *name = names[oparg];
        FtObject *v = POP();
        FtObject *ns = frame->locals;
        if (ns == NULL) {
            ft_err_format(ft_exc_SystemError, "no locals found when storing %R", name);
            FT_DECREF(v);
            goto error;
        }
        SAVE_SP();
        int err = ft_dict_check_exact(ns) ? ft_dict_set(ns, name, v)
                                          : ft_object_setitem(ns, name, v);
        FT_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_NAME) {
        FtObject *name = names[oparg];
        FtObject *ns = frame->locals;
        if (ns == NULL) {
            ft_err_format(ft_exc_SystemError, "no locals when deleting %R", name);
            goto error;
        }
        SAVE_SP();
        int err = ft_object_delitem(ns, name);
        if (err < 0) {
            if (ft_err_matches(ft_exc_KeyError)) {
                ft_err_clear();
                set_name_error(ft_exc_NameError, "name '%U' is not defined", name);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_GLOBAL) {
        FtObject *name = names[oparg];
        FtObject *g = frame->globals, *b = frame->builtins;
        FtObject *v;
#if !FT_FREE_THREADED
        if (FT_LIKELY(ft_dict_check_exact(g) && ft_dict_check_exact(b))) {
            GlobalCache *gc = code->vm_cache;
            if (FT_UNLIKELY(gc == NULL)) {
                gc = global_cache(code);
                if (gc == NULL)
                    goto error;
            }
            GlobalCache *e = &gc[frame->lasti];
            if (FT_LIKELY(e->globals == g && e->builtins == b &&
                          e->gversion == ((FtDict *)g)->version &&
                          e->bversion == ((FtDict *)b)->version)) {
                PUSH(FT_NEWREF(e->value));
                DISPATCH();
            }
            v = ft_dict_get(g, name);
            if (v == NULL) {
                if (ft_err_occurred())
                    goto error;
                v = ft_dict_get(b, name);
                if (v == NULL) {
                    if (!ft_err_occurred())
                        set_name_error(ft_exc_NameError, "name '%U' is not defined", name);
                    goto error;
                }
            }
            e->globals = g;
            e->builtins = b;
            e->gversion = ((FtDict *)g)->version;
            e->bversion = ((FtDict *)b)->version;
            e->value = v;
            PUSH(FT_NEWREF(v));
            DISPATCH();
        }
#else
        if (FT_LIKELY(ft_dict_check_exact(g) && ft_dict_check_exact(b))) {
            GlobalCache *gc = global_cache(code);
            if (gc == NULL)
                goto error;
            GlobalCache *e = &gc[frame->lasti];
            uint32_t mortal;
            v = global_cache_hit(e, g, b, &mortal);
            if (FT_LIKELY(v != NULL)) {
                if (mortal) /* one thread: borrowed from the dict, as under the GIL */
                    FT_INCREF(v);
                PUSH(v); /* an immortal value needs no reference */
                DISPATCH();
            }
            /* Versions first: a mutation during the lookup leaves an entry that misses. */
            uint64_t gv = __atomic_load_n(&((FtDict *)g)->version, __ATOMIC_RELAXED);
            uint64_t bv = __atomic_load_n(&((FtDict *)b)->version, __ATOMIC_RELAXED);
            SAVE_SP();
            v = load_global_slow(g, b, name);
            if (v == NULL)
                goto error;
            if (lk_is_immortal(&v->ob_rc))
                global_cache_fill(e, g, b, gv, bv, v, 0);
            else if (!__atomic_load_n(&lk_threads_started, __ATOMIC_RELAXED))
                global_cache_fill(e, g, b, gv, bv, v, 1);
            PUSH(v);
            DISPATCH();
        }
#endif
        SAVE_SP();
        v = load_global_slow(g, b, name);
        if (v == NULL)
            goto error;
        PUSH(v);
        DISPATCH();
    }

    TARGET(STORE_GLOBAL) {
        FtObject *v = POP();
        SAVE_SP();
        int err = ft_dict_set(frame->globals, names[oparg], v);
        FT_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_GLOBAL) {
        SAVE_SP();
        int err = ft_dict_del(frame->globals, names[oparg]);
        if (err < 0) {
            if (ft_err_matches(ft_exc_KeyError)) {
                ft_err_clear();
                set_name_error(ft_exc_NameError, "name '%U' is not defined", names[oparg]);
            }
            goto error;
        }
        DISPATCH();
    }

    TARGET(LOAD_ATTR) {
        FtObject *owner = TOP();
        SAVE_SP();
        FtObject *v = ft_object_getattr(owner, names[oparg]);
        if (v == NULL)
            goto error;
        SET_TOP(v);
        FT_DECREF(owner);
        DISPATCH();
    }

    TARGET(STORE_ATTR) {
        FtObject *owner = POP();
        FtObject *v = POP();
        SAVE_SP();
        int err = ft_object_setattr(owner, names[oparg], v);
        FT_DECREF(v);
        FT_DECREF(owner);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(DELETE_ATTR) {
        FtObject *owner = POP();
        SAVE_SP();
        int err = ft_object_setattr(owner, names[oparg], NULL);
        FT_DECREF(owner);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LOAD_METHOD) {
        FtObject *obj = TOP();
        FtObject *meth = NULL;
        SAVE_SP();
        int r = ft_object_get_method(obj, names[oparg], &meth);
        if (r < 0)
            goto error;
        if (r) {
            SET_TOP(meth);
            PUSH(obj);
        } else {
            SET_TOP(NULL);
            FT_DECREF(obj);
            PUSH(meth);
        }
        DISPATCH();
    }

    TARGET(LOAD_BUILD_CLASS) {
        FtObject *bc = ft_dict_get_ref(frame->builtins, FT_ID(__build_class__));
        if (bc == NULL) {
            if (!ft_err_occurred())
                ft_err_set_string(ft_exc_NameError, "__build_class__ not found");
            goto error;
        }
        PUSH(bc);
        DISPATCH();
    }

    TARGET(LOAD_ASSERTION_ERROR) {
        PUSH(FT_NEWREF(ft_exc_AssertionError));
        DISPATCH();
    }

    TARGET(SETUP_ANNOTATIONS) {
        FtObject *ns = frame->locals;
        if (ns == NULL) {
            ft_err_set_string(ft_exc_SystemError, "no locals found when setting up annotations");
            goto error;
        }
        SAVE_SP();
        FtObject *v;
        int r = mapping_lookup(ns, FT_ID(__annotations__), &v);
        if (r < 0)
            goto error;
        if (r == 0) {
            FtObject *d = ft_dict_new();
            if (d == NULL)
                goto error;
            int err = ft_dict_check_exact(ns) ? ft_dict_set(ns, FT_ID(__annotations__), d)
                                              : ft_object_setitem(ns, FT_ID(__annotations__), d);
            FT_DECREF(d);
            if (err < 0)
                goto error;
        } else {
            FT_DECREF(v);
        }
        DISPATCH();
    }

    TARGET(UNARY_POSITIVE) {
        FtObject *v = TOP();
        SAVE_SP();
        FtObject *r = ft_number_positive(v);
        if (r == NULL)
            goto error;
        SET_TOP(r);
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_NEGATIVE) {
        FtObject *v = TOP();
        FtObject *r;
        if (ft_int_check_exact(v) && ft_int_is_compact(v) && ft_int_compact_value(v) != INT64_MIN) {
            r = ft_int_from_i64(-ft_int_compact_value(v));
        } else if (ft_float_check_exact(v)) {
            r = ft_float_from_double(-FT_FLOAT_VALUE(v));
        } else {
            SAVE_SP();
            r = ft_number_negative(v);
        }
        if (r == NULL)
            goto error;
        SET_TOP(r);
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_NOT) {
        FtObject *v = TOP();
        int t;
        if (v == FT_TRUE)
            t = 1;
        else if (v == FT_FALSE || v == FT_NONE)
            t = 0;
        else {
            SAVE_SP();
            t = ft_object_is_true(v);
            if (t < 0)
                goto error;
        }
        SET_TOP(FT_NEWREF(t ? FT_FALSE : FT_TRUE));
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(UNARY_INVERT) {
        FtObject *v = TOP();
        SAVE_SP();
        FtObject *r = ft_number_invert(v);
        if (r == NULL)
            goto error;
        SET_TOP(r);
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(BINARY_OP) {
        FtObject *rhs = TOP();
        FtObject *lhs = SECOND();
        FtObject *res = NULL;
        if (ft_int_check_exact(lhs) && ft_int_check_exact(rhs) && ft_int_is_compact(lhs) &&
            ft_int_is_compact(rhs)) {
            int64_t a = ft_int_compact_value(lhs), b = ft_int_compact_value(rhs), c;
            switch (oparg) {
            case FT_BINOP_ADD:
            case FT_BINOP_INPLACE_ADD:
                if (!__builtin_add_overflow(a, b, &c))
                    res = ft_int_from_i64(c);
                break;
            case FT_BINOP_SUBTRACT:
            case FT_BINOP_INPLACE_SUBTRACT:
                if (!__builtin_sub_overflow(a, b, &c))
                    res = ft_int_from_i64(c);
                break;
            case FT_BINOP_MULTIPLY:
            case FT_BINOP_INPLACE_MULTIPLY:
                if (!__builtin_mul_overflow(a, b, &c))
                    res = ft_int_from_i64(c);
                break;
            case FT_BINOP_AND:
            case FT_BINOP_INPLACE_AND:
                res = ft_int_from_i64(a & b);
                break;
            case FT_BINOP_OR:
            case FT_BINOP_INPLACE_OR:
                res = ft_int_from_i64(a | b);
                break;
            case FT_BINOP_XOR:
            case FT_BINOP_INPLACE_XOR:
                res = ft_int_from_i64(a ^ b);
                break;
            case FT_BINOP_FLOOR_DIVIDE:
            case FT_BINOP_INPLACE_FLOOR_DIVIDE:
                if (b > 0 && a >= 0)
                    res = ft_int_from_i64(a / b);
                break;
            case FT_BINOP_REMAINDER:
            case FT_BINOP_INPLACE_REMAINDER:
                if (b > 0 && a >= 0)
                    res = ft_int_from_i64(a % b);
                break;
            case FT_BINOP_RSHIFT:
            case FT_BINOP_INPLACE_RSHIFT:
                if (b >= 0)
                    res = ft_int_from_i64(b > 63 ? (a < 0 ? -1 : 0) : a >> b);
                break;
            case FT_BINOP_LSHIFT:
            case FT_BINOP_INPLACE_LSHIFT:
                if (b >= 0 && b < 62 && a >= -(INT64_C(1) << (62 - b)) && a < (INT64_C(1) << (62 - b)))
                    res = ft_int_from_i64((int64_t)((uint64_t)a << b));
                break;
            default:
                break;
            }
        } else if (ft_float_check_exact(lhs) && ft_float_check_exact(rhs)) {
            double a = FT_FLOAT_VALUE(lhs), b = FT_FLOAT_VALUE(rhs);
            switch (oparg) {
            case FT_BINOP_ADD:
            case FT_BINOP_INPLACE_ADD:
                res = ft_float_from_double(a + b);
                break;
            case FT_BINOP_SUBTRACT:
            case FT_BINOP_INPLACE_SUBTRACT:
                res = ft_float_from_double(a - b);
                break;
            case FT_BINOP_MULTIPLY:
            case FT_BINOP_INPLACE_MULTIPLY:
                res = ft_float_from_double(a * b);
                break;
            case FT_BINOP_TRUE_DIVIDE:
            case FT_BINOP_INPLACE_TRUE_DIVIDE:
                if (b != 0.0)
                    res = ft_float_from_double(a / b);
                break;
            default:
                break;
            }
        } else if (ft_str_check_exact(lhs) && ft_str_check_exact(rhs) &&
                   (oparg == FT_BINOP_ADD || oparg == FT_BINOP_INPLACE_ADD)) {
            ft_instr nexti = *next_instr;
            int target = (int)FT_INSTR_ARG(nexti);
            if (FT_INSTR_OP(nexti) == FT_OP_STORE_FAST && GETLOCAL(target) == lhs &&
                FT_REFCNT(lhs) == 2) {
                /* s = s + t / s += t on a local: drop the local's reference so that the
                 * string can grow in place (CPython's unicode_concatenate), and do the
                 * STORE_FAST here. */
                GETLOCAL(target) = NULL;
                FT_DECREF(lhs);
                FtObject *acc = lhs;
                if (ft_str_append(&acc, rhs) < 0) {
                    GETLOCAL(target) = FT_NEWREF(lhs);   /* unchanged on failure */
                    goto error;
                }
                sp -= 2;
                FT_DECREF(rhs);
                GETLOCAL(target) = acc;
                next_instr++;
                DISPATCH();
            }
            res = ft_str_concat(lhs, rhs);
            if (res == NULL)
                goto error;
        }
        if (res == NULL) {
            SAVE_SP();
            res = ft_number_binop(lhs, rhs, oparg);
            if (res == NULL)
                goto error;
        }
        sp--;
        FT_DECREF(lhs);
        FT_DECREF(rhs);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(COMPARE_OP) {
        FtObject *rhs = TOP();
        FtObject *lhs = SECOND();
        FtObject *res;
        if (ft_int_check_exact(lhs) && ft_int_check_exact(rhs) && ft_int_is_compact(lhs) &&
            ft_int_is_compact(rhs)) {
            int64_t a = ft_int_compact_value(lhs), b = ft_int_compact_value(rhs);
            int t;
            switch (oparg) {
            case FT_LT: t = a < b; break;
            case FT_LE: t = a <= b; break;
            case FT_EQ: t = a == b; break;
            case FT_NE: t = a != b; break;
            case FT_GT: t = a > b; break;
            default: t = a >= b; break;
            }
            res = t ? FT_TRUE : FT_FALSE;
        } else if (ft_float_check_exact(lhs) && ft_float_check_exact(rhs)) {
            double a = FT_FLOAT_VALUE(lhs), b = FT_FLOAT_VALUE(rhs);
            int t;
            switch (oparg) {
            case FT_LT: t = a < b; break;
            case FT_LE: t = a <= b; break;
            case FT_EQ: t = a == b; break;
            case FT_NE: t = a != b; break;
            case FT_GT: t = a > b; break;
            default: t = a >= b; break;
            }
            res = t ? FT_TRUE : FT_FALSE;
        } else {
            SAVE_SP();
            res = ft_object_richcompare(lhs, rhs, oparg);
            if (res == NULL)
                goto error;
            sp--;
            FT_DECREF(lhs);
            FT_DECREF(rhs);
            SET_TOP(res);
            DISPATCH();
        }
        sp--;
        FT_DECREF(lhs);
        FT_DECREF(rhs);
        SET_TOP(res);  /* True/False are immortal */
        DISPATCH();
    }

    TARGET(IS_OP) {
        FtObject *rhs = POP();
        FtObject *lhs = TOP();
        int t = (lhs == rhs) ^ oparg;
        SET_TOP(t ? FT_TRUE : FT_FALSE);
        FT_DECREF(lhs);
        FT_DECREF(rhs);
        DISPATCH();
    }

    TARGET(CONTAINS_OP) {
        FtObject *rhs = TOP();
        FtObject *lhs = SECOND();
        SAVE_SP();
        int r = ft_sequence_contains(rhs, lhs);
        if (r < 0)
            goto error;
        sp--;
        FT_DECREF(lhs);
        FT_DECREF(rhs);
        SET_TOP((r ^ oparg) ? FT_TRUE : FT_FALSE);
        DISPATCH();
    }

    TARGET(BINARY_SUBSCR) {
        FtObject *sub = TOP();
        FtObject *container = SECOND();
        FtObject *res;
        if (ft_list_check_exact(container) && ft_int_check_exact(sub) && ft_int_is_compact(sub)) {
            int64_t i = ft_int_compact_value(sub);
            /* Size, items and the new reference under the list's critical section: another
             * thread may resize the item array or drop the item (braces under the GIL). */
            res = NULL;
            LK_BEGIN_CRITICAL(container);
            ssize_t n = FT_SIZE(container);
            if (i < 0)
                i += n;
            if (FT_LIKELY(i >= 0 && i < n))
                res = FT_NEWREF(FT_LIST_GET(container, i));
            LK_END_CRITICAL();
            if (FT_UNLIKELY(res == NULL)) {
                ft_err_set_string(ft_exc_IndexError, "list index out of range");
                goto error;
            }
        } else if (ft_tuple_check_exact(container) && ft_int_check_exact(sub) &&
                   ft_int_is_compact(sub)) {
            int64_t i = ft_int_compact_value(sub);
            ssize_t n = FT_SIZE(container);
            if (i < 0)
                i += n;
            if (FT_UNLIKELY(i < 0 || i >= n)) {
                ft_err_set_string(ft_exc_IndexError, "tuple index out of range");
                goto error;
            }
            res = FT_NEWREF(FT_TUPLE_GET(container, i));
        } else if (ft_dict_check_exact(container)) {
            SAVE_SP();
            res = ft_dict_get_ref(container, sub);
            if (res == NULL) {
                if (!ft_err_occurred()) {
                    FtObject *exc = ft_exc_new(ft_exc_KeyError, &sub, 1);
                    if (exc) {
                        ft_err_set_exc(exc);
                        FT_DECREF(exc);
                    }
                }
                goto error;
            }
        } else {
            SAVE_SP();
            res = ft_object_getitem(container, sub);
            if (res == NULL)
                goto error;
        }
        sp--;
        FT_DECREF(container);
        FT_DECREF(sub);
        SET_TOP(res);
        DISPATCH();
    }

    TARGET(STORE_SUBSCR) {
        FtObject *sub = TOP();
        FtObject *container = SECOND();
        FtObject *v = PEEK(3);
        int err;
        if (ft_list_check_exact(container) && ft_int_check_exact(sub) && ft_int_is_compact(sub)) {
            int64_t i = ft_int_compact_value(sub);
            FtObject *old = NULL;
            /* Under the list's critical section (another thread may resize it); the old
             * item is released after it ends. */
            LK_BEGIN_CRITICAL(container);
            if (i >= 0 && i < FT_SIZE(container)) {
                old = FT_LIST_GET(container, i);
                FT_LIST_SET(container, i, v);  /* the stack's reference */
            }
            LK_END_CRITICAL();
            if (old) {
                sp -= 3;
                FT_DECREF(old);
                FT_DECREF(container);
                FT_DECREF(sub);
                DISPATCH();
            }
        }
        SAVE_SP();
        if (ft_dict_check_exact(container))
            err = ft_dict_set(container, sub, v);
        else
            err = ft_object_setitem(container, sub, v);
        if (err < 0)
            goto error;
        sp -= 3;
        FT_DECREF(v);
        FT_DECREF(container);
        FT_DECREF(sub);
        DISPATCH();
    }

    TARGET(DELETE_SUBSCR) {
        FtObject *sub = TOP();
        FtObject *container = SECOND();
        SAVE_SP();
        int err = ft_object_delitem(container, sub);
        if (err < 0)
            goto error;
        sp -= 2;
        FT_DECREF(container);
        FT_DECREF(sub);
        DISPATCH();
    }

    TARGET(BUILD_SLICE) {
        FtObject *step = oparg == 3 ? POP() : NULL;
        FtObject *stop = POP();
        FtObject *start = TOP();
        FtObject *s = ft_slice_new(start, stop, step);
        FT_DECREF(start);
        FT_DECREF(stop);
        FT_XDECREF(step);
        SET_TOP(s);
        if (s == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(BUILD_TUPLE) {
        FtObject *t = ft_tuple_from_array_steal(sp - oparg, oparg);
        if (t == NULL)
            goto error;
        sp -= oparg;
        PUSH(t);
        DISPATCH();
    }

    TARGET(BUILD_LIST) {
        FtObject *l = ft_list_new(oparg);
        if (l == NULL)
            goto error;
        for (int i = oparg - 1; i >= 0; i--)
            FT_LIST_SET(l, i, POP());
        PUSH(l);
        DISPATCH();
    }

    TARGET(BUILD_SET) {
        SAVE_SP();
        FtObject *s = ft_set_new(NULL);
        if (s == NULL)
            goto error;
        int err = 0;
        for (int i = oparg; i > 0; i--) {
            FtObject *item = PEEK(i);
            if (err == 0 && ft_set_add(s, item) < 0)
                err = -1;
        }
        for (int i = 0; i < oparg; i++) {
            FtObject *item = POP();
            FT_DECREF(item);
        }
        if (err) {
            FT_DECREF(s);
            goto error;
        }
        PUSH(s);
        DISPATCH();
    }

    TARGET(BUILD_MAP) {
        SAVE_SP();
        FtObject *d = ft_dict_new();
        if (d == NULL)
            goto error;
        for (int i = oparg; i > 0; i--) {
            FtObject *k = PEEK(2 * i), *v = PEEK(2 * i - 1);
            if (ft_dict_set(d, k, v) < 0) {
                FT_DECREF(d);
                goto error;
            }
        }
        for (int i = 0; i < 2 * oparg; i++) {
            FtObject *item = POP();
            FT_DECREF(item);
        }
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_CONST_KEY_MAP) {
        FtObject *keys = TOP();
        SAVE_SP();
        if (!ft_tuple_check_exact(keys) || FT_SIZE(keys) != oparg) {
            ft_err_set_string(ft_exc_SystemError, "bad BUILD_CONST_KEY_MAP keys argument");
            goto error;
        }
        FtObject *d = ft_dict_new();
        if (d == NULL)
            goto error;
        for (int i = 0; i < oparg; i++) {
            if (ft_dict_set(d, FT_TUPLE_GET(keys, i), PEEK(oparg + 1 - i)) < 0) {
                FT_DECREF(d);
                goto error;
            }
        }
        FT_DECREF(POP());
        for (int i = 0; i < oparg; i++) {
            FtObject *item = POP();
            FT_DECREF(item);
        }
        PUSH(d);
        DISPATCH();
    }

    TARGET(BUILD_STRING) {
        SAVE_SP();
        FtObject *res;
        if (oparg == 2) {
            res = ft_str_concat(PEEK(2), PEEK(1));
        } else {
            FtObject *parts = ft_tuple_from_array(sp - oparg, oparg);
            FtObject *empty = parts ? ft_str_from_cstr("") : NULL;
            res = empty ? ft_str_join(empty, parts) : NULL;
            FT_XDECREF(parts);
            FT_XDECREF(empty);
        }
        if (res == NULL)
            goto error;
        for (int i = 0; i < oparg; i++) {
            FtObject *item = POP();
            FT_DECREF(item);
        }
        PUSH(res);
        DISPATCH();
    }

    TARGET(LIST_APPEND) {
        FtObject *v = POP();
        FtObject *l = PEEK(oparg);
        int err = ft_list_append(l, v);
        FT_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(SET_ADD) {
        FtObject *v = POP();
        SAVE_SP();
        int err = ft_set_add(PEEK(oparg), v);
        FT_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(MAP_ADD) {
        FtObject *v = POP();
        FtObject *k = POP();
        SAVE_SP();
        int err = ft_dict_set(PEEK(oparg), k, v);
        FT_DECREF(k);
        FT_DECREF(v);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(LIST_EXTEND) {
        FtObject *iterable = TOP();
        SAVE_SP();
        FtObject *l = PEEK(oparg + 1);
        if (ft_list_extend(l, iterable) < 0) {
            if (ft_err_matches(ft_exc_TypeError) && FT_TYPE(iterable)->tp_iter == NULL &&
                !(FT_TYPE(iterable)->tp_as_sequence && FT_TYPE(iterable)->tp_as_sequence->sq_item)) {
                ft_err_clear();
                ft_err_format(ft_exc_TypeError, "Value after * must be an iterable, not %s",
                              FT_TYPE(iterable)->tp_name);
            }
            goto error;
        }
        sp--;
        FT_DECREF(iterable);
        DISPATCH();
    }

    TARGET(SET_UPDATE) {
        FtObject *iterable = TOP();
        SAVE_SP();
        /* set.update's merge (not item-by-item adds): it sizes the table first, which
         * decides the order a display of constants iterates in, as in CPython. */
        if (ft_set_update(PEEK(oparg + 1), iterable) < 0)
            goto error;
        sp--;
        FT_DECREF(iterable);
        DISPATCH();
    }

    TARGET(DICT_UPDATE) {
        FtObject *update = TOP();
        SAVE_SP();
        if (dict_merge_op(PEEK(oparg + 1), update, 0, NULL) < 0)
            goto error;
        sp--;
        FT_DECREF(update);
        DISPATCH();
    }

    TARGET(DICT_MERGE) {
        FtObject *update = TOP();
        SAVE_SP();
        if (dict_merge_op(PEEK(oparg + 1), update, 1, PEEK(oparg + 3)) < 0)
            goto error;
        sp--;
        FT_DECREF(update);
        DISPATCH();
    }

    TARGET(LIST_TO_TUPLE) {
        FtObject *l = TOP();
        FtObject *t = ft_list_as_tuple(l);
        if (t == NULL)
            goto error;
        SET_TOP(t);
        FT_DECREF(l);
        DISPATCH();
    }

    TARGET(UNPACK_SEQUENCE) {
        FtObject *seq = TOP();
        if (ft_tuple_check_exact(seq) && FT_SIZE(seq) == oparg) {
            sp--;
            for (int i = oparg - 1; i >= 0; i--)
                PUSH(FT_NEWREF(FT_TUPLE_GET(seq, i)));
        } else if (ft_list_check_exact(seq) && unpack_list(seq, oparg, sp - 1)) {
            sp += oparg - 1;
        } else {
            sp--;
            SAVE_SP();
            if (unpack_iterable(seq, oparg, -1, sp + oparg) < 0) {
                PUSH(seq);
                goto error;
            }
            sp += oparg;
        }
        FT_DECREF(seq);
        DISPATCH();
    }

    TARGET(UNPACK_EX) {
        int before = oparg & 0xFF, after = oparg >> 8;
        FtObject *seq = POP();
        SAVE_SP();
        if (unpack_iterable(seq, before, after, sp + before + after + 1) < 0) {
            PUSH(seq);
            goto error;
        }
        sp += before + after + 1;
        FT_DECREF(seq);
        DISPATCH();
    }

    TARGET(FORMAT_VALUE) {
        FtObject *spec = (oparg & 4) ? POP() : NULL;
        FtObject *value = TOP();
        SAVE_SP();
        FtObject *r = format_value(value, oparg & 3, spec);
        FT_XDECREF(spec);
        if (r == NULL)
            goto error;
        SET_TOP(r);
        FT_DECREF(value);
        DISPATCH();
    }

    TARGET(JUMP) {
        JUMP_WITH_CHECK(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_FALSE) {
        FtObject *v = POP();
        if (v == FT_FALSE) {
            JUMP_WITH_CHECK(oparg);
        } else if (v != FT_TRUE) {
            SAVE_SP();
            int t = ft_object_is_true(v);
            FT_DECREF(v);
            if (t < 0)
                goto error;
            if (!t)
                JUMP_WITH_CHECK(oparg);
        }
        /* True/False are immortal: no decref needed */
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_TRUE) {
        FtObject *v = POP();
        if (v == FT_TRUE) {
            JUMP_WITH_CHECK(oparg);
        } else if (v != FT_FALSE) {
            SAVE_SP();
            int t = ft_object_is_true(v);
            FT_DECREF(v);
            if (t < 0)
                goto error;
            if (t)
                JUMP_WITH_CHECK(oparg);
        }
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NONE) {
        FtObject *v = POP();
        FT_DECREF(v);
        if (v == FT_NONE)
            JUMP_WITH_CHECK(oparg);
        DISPATCH();
    }

    TARGET(POP_JUMP_IF_NOT_NONE) {
        FtObject *v = POP();
        FT_DECREF(v);
        if (v != FT_NONE)
            JUMP_WITH_CHECK(oparg);
        DISPATCH();
    }

    TARGET(JUMP_IF_FALSE_OR_POP) {
        FtObject *v = TOP();
        int t;
        if (v == FT_TRUE)
            t = 1;
        else if (v == FT_FALSE)
            t = 0;
        else {
            SAVE_SP();
            t = ft_object_is_true(v);
            if (t < 0)
                goto error;
        }
        if (t) {
            sp--;
            FT_DECREF(v);
        } else {
            JUMPTO(oparg);
        }
        DISPATCH();
    }

    TARGET(JUMP_IF_TRUE_OR_POP) {
        FtObject *v = TOP();
        int t;
        if (v == FT_TRUE)
            t = 1;
        else if (v == FT_FALSE)
            t = 0;
        else {
            SAVE_SP();
            t = ft_object_is_true(v);
            if (t < 0)
                goto error;
        }
        if (!t) {
            sp--;
            FT_DECREF(v);
        } else {
            JUMPTO(oparg);
        }
        DISPATCH();
    }

    TARGET(GET_ITER) {
        FtObject *v = TOP();
        SAVE_SP();
        FtObject *it = ft_object_getiter(v);
        if (it == NULL)
            goto error;
        SET_TOP(it);
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(FOR_ITER) {
        FtObject *it = TOP();
        SAVE_SP();
        FtObject *next = FT_TYPE(it)->tp_iternext(it);
        if (next != NULL) {
            PUSH(next);
            DISPATCH();
        }
        if (call_exhausted_check(it) < 0)
            goto error;
        sp--;
        FT_DECREF(it);
        JUMPTO(oparg);
        DISPATCH();
    }

    TARGET(RETURN_CONST) {
        retval = FT_NEWREF(consts[oparg]);
        goto do_return;
    }

    TARGET(RETURN_VALUE) {
        retval = POP();
    do_return:
        /* The stack is empty here (the compiler guarantees it). */
        if (leave_frame(ts, &frame, stack_base, sp))
            return retval;
        LOAD_FRAME();
        PUSH(retval);
        retval = NULL;
        DISPATCH();
    }

    TARGET(CALL_KW) {
        call_kwnames = POP();
        goto call_common;
    }

    TARGET(CALL) {
        call_kwnames = NULL;
    call_common: {
        int total = oparg;
        int is_meth = PEEK(total + 2) != NULL;
        FtObject *callable;
        if (is_meth) {
            callable = PEEK(total + 2);
            total++;
        } else {
            callable = PEEK(total + 1);
            if (ft_method_check(callable)) {
                /* Unpack a bound method in place: [func, self, args...] */
                FtMethod *m = (FtMethod *)callable;
                PEEK(total + 2) = FT_NEWREF(m->func);
                PEEK(total + 1) = FT_NEWREF(m->self);
                FT_DECREF(callable);
                callable = PEEK(total + 2);
                total++;
                is_meth = 1;
            }
        }
        /* Stack: [slot, x, args...] where slot is the callable (is_meth) or NULL, and
         * args has `total` items; in the non-method case x is the callable itself. */
        FtObject **args = sp - total;
        FtObject *kwnames = call_kwnames;
        ssize_t npos = total - (kwnames ? FT_SIZE(kwnames) : 0);
        int pop_extra = is_meth ? 1 : 2;   /* slots below the args */
        if (ft_function_check(callable) &&
            !(((FtCode *)((FtFunction *)callable)->code)->flags &
              (FT_CO_GENERATOR | FT_CO_COROUTINE | FT_CO_ASYNC_GENERATOR))) {
            FtFunction *fn = (FtFunction *)callable;
            SAVE_SP();
            FtFrame *nf = ft_frame_push(ts, (FtCode *)fn->code);
            if (nf == NULL) {
                FT_XDECREF(kwnames);
                goto error;
            }
            nf->func = FT_NEWREF(fn);
            nf->globals = fn->globals;
            nf->builtins = fn->builtins;
            /* The new frame takes over the argument references. */
            sp -= total + pop_extra;
            int err = ft_bind_args(ts, fn, nf, args, npos, kwnames);
            FT_XDECREF(kwnames);
            FT_DECREF(callable);
            SAVE_SP();
            if (err < 0) {
                ft_frame_release(ts, nf);
                goto error;
            }
            nf->previous = frame;
            ts->frame = nf;
            frame = nf;
            goto start_frame;
        }
        SAVE_SP();
        FtObject *res = ft_object_vectorcall(callable, args,
                                             (size_t)npos | FT_VECTORCALL_ARGUMENTS_OFFSET,
                                             kwnames);
        FT_XDECREF(kwnames);
        for (int i = 0; i < total; i++)
            FT_DECREF(args[i]);
        sp -= total + pop_extra;
        FT_DECREF(callable);
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }
    }

    TARGET(CALL_FUNCTION_EX) {
        FtObject *kwargs = (oparg & 1) ? POP() : NULL;
        FtObject *callargs = POP();
        FtObject *func = TOP();
        SAVE_SP();
        if (!ft_tuple_check_exact(callargs)) {
            FtObject *t = NULL;
            if (FT_TYPE(callargs)->tp_iter == NULL &&
                !(FT_TYPE(callargs)->tp_as_sequence && FT_TYPE(callargs)->tp_as_sequence->sq_item)) {
                FtObject *fs = function_str(func);
                if (fs) {
                    ft_err_format(ft_exc_TypeError,
                                  "%U argument after * must be an iterable, not %s", fs,
                                  FT_TYPE(callargs)->tp_name);
                    FT_DECREF(fs);
                }
            } else {
                t = ft_sequence_tuple(callargs);
            }
            FT_DECREF(callargs);
            callargs = t;
            if (t == NULL) {
                FT_XDECREF(kwargs);
                goto error;
            }
        }
        if (kwargs && !ft_dict_check_exact(kwargs)) {
            FtObject *d = ft_dict_new();
            if (d == NULL || dict_merge_op(d, kwargs, 1, func) < 0) {
                FT_XDECREF(d);
                FT_DECREF(kwargs);
                FT_DECREF(callargs);
                goto error;
            }
            FT_SETREF(kwargs, d);
        }
        FtObject *res = ft_object_call(func, callargs, kwargs);
        FT_DECREF(callargs);
        FT_XDECREF(kwargs);
        sp--;
        FT_DECREF(func);
        FtObject *null = POP();
        FT_XDECREF(null);
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(MAKE_FUNCTION) {
        FtObject *codeobj = POP();
        SAVE_SP();
        FtFunction *fn = (FtFunction *)ft_function_new(codeobj, frame->globals);
        FT_DECREF(codeobj);
        if (fn == NULL)
            goto error;
        if (oparg & 0x08)
            fn->closure = POP();
        if (oparg & 0x04) {
            FtObject *ann = POP();
            if (ft_tuple_check(ann)) {
                fn->annotations = build_annotations(ann);
                FT_DECREF(ann);
                if (fn->annotations == NULL) {
                    FT_DECREF(fn);
                    goto error;
                }
            } else {
                fn->annotations = ann;
            }
        }
        if (oparg & 0x02)
            fn->kwdefaults = POP();
        if (oparg & 0x01)
            fn->defaults = POP();
        PUSH((FtObject *)fn);
        DISPATCH();
    }

    TARGET(RAISE_VARARGS) {
        FtObject *cause = NULL, *exc = NULL;
        if (oparg == 2)
            cause = POP();
        if (oparg >= 1)
            exc = POP();
        SAVE_SP();
        int reraise = do_raise(ts, exc, cause);
        FT_XDECREF(exc);
        FT_XDECREF(cause);
        if (reraise)
            goto exception_unwind;
        goto error;
    }

    TARGET(PUSH_EXC_INFO) {
        FtObject *exc = TOP();
        FtExcInfo *ei = ts->exc_info;
        FtObject *prev = ei->exc_value ? ei->exc_value : FT_NEWREF(FT_NONE);
        SET_TOP(prev);
        ei->exc_value = FT_NEWREF(exc);
        PUSH(exc);
        DISPATCH();
    }

    TARGET(POP_EXCEPT) {
        FtObject *prev = POP();
        FtExcInfo *ei = ts->exc_info;
        FtObject *old = ei->exc_value;
        ei->exc_value = prev;
        FT_XDECREF(old);
        DISPATCH();
    }

    TARGET(RERAISE) {
        if (oparg) {
            FtObject *lasti = PEEK(oparg + 1);
            if (lasti && ft_int_check(lasti))
                frame->lasti = (int)ft_int_compact_value(lasti);
        }
        FtObject *exc = POP();
        SAVE_SP();
        ft_err_restore(exc);
        goto exception_unwind;
    }

    TARGET(CHECK_EXC_MATCH) {
        FtObject *right = POP();
        FtObject *left = TOP();
        SAVE_SP();
        if (check_except_type_valid(right) < 0) {
            FT_DECREF(right);
            goto error;
        }
        int r = ft_err_given_matches(left, right);
        FT_DECREF(right);
        PUSH(r ? FT_TRUE : FT_FALSE);
        DISPATCH();
    }

    TARGET(BEFORE_WITH) {
        FtObject *mgr = TOP();
        SAVE_SP();
        FtObject *exit;
        FtObject *res = enter_context(mgr, 0, &exit);
        if (res == NULL)
            goto error;
        SET_TOP(exit);
        FT_DECREF(mgr);
        PUSH(res);
        DISPATCH();
    }

    TARGET(WITH_EXCEPT_START) {
        FtObject *val = TOP();
        FtObject *exit_func = PEEK(4);
        FtObject *tb = ft_exc_get_traceback(val);
        FtObject *stack[4] = { NULL, (FtObject *)FT_TYPE(val), val, tb ? tb : FT_NONE };
        SAVE_SP();
        FtObject *res = ft_object_vectorcall(exit_func, stack + 1,
                                             3 | FT_VECTORCALL_ARGUMENTS_OFFSET, NULL);
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(YIELD_VALUE) {
        retval = POP();
        SAVE_SP();
        frame->state = FT_FRAME_SUSPENDED;
        ts->recursion_depth--;
        ts->frame = frame->previous;
        frame->previous = NULL;
        return retval;
    }

    TARGET(GET_YIELD_FROM_ITER) {
        FtObject *iterable = TOP();
        if (ft_coro_check(iterable)) {
            /* `yield from coro` only in an iterable (types.coroutine) or async coroutine */
            SAVE_SP();
            if (!ft_gen_yield_from_coro_ok(frame->code))
                goto error;
        } else if (!ft_gen_check(iterable)) {
            SAVE_SP();
            FtObject *it = ft_object_getiter(iterable);
            if (it == NULL)
                goto error;
            SET_TOP(it);
            FT_DECREF(iterable);
        }
        DISPATCH();
    }

    TARGET(YIELD_FROM) {
        FtObject *v = POP();
        FtObject *receiver = TOP();
        FtObject *res;
        SAVE_SP();
        int r = send_into(receiver, v, &res);
        FT_DECREF(v);
        if (r < 0)
            goto error;
        if (r == 0) {
            /* Suspend; resuming pushes the sent value and runs YIELD_FROM again. */
            frame->lasti--;
            frame->state = FT_FRAME_SUSPENDED;
            ts->recursion_depth--;
            ts->frame = frame->previous;
            frame->previous = NULL;
            return res;
        }
        SET_TOP(res);
        FT_DECREF(receiver);
        DISPATCH();
    }

    TARGET(GET_AWAITABLE) {
        FtObject *iterable = TOP();
        SAVE_SP();
        FtObject *iter = ft_gen_get_awaitable(iterable, oparg);
        if (iter == NULL)
            goto error;
        SET_TOP(iter);
        FT_DECREF(iterable);
        DISPATCH();
    }

    TARGET(GET_AITER) {
        FtObject *obj = TOP();
        SAVE_SP();
        FtObject *iter = ft_gen_get_aiter(obj);
        if (iter == NULL)
            goto error;
        SET_TOP(iter);
        FT_DECREF(obj);
        DISPATCH();
    }

    TARGET(GET_ANEXT) {
        SAVE_SP();
        FtObject *awaitable = ft_gen_get_anext(TOP());
        if (awaitable == NULL)
            goto error;
        PUSH(awaitable);
        DISPATCH();
    }

    TARGET(END_ASYNC_FOR) {
        FtObject *exc = POP();
        SAVE_SP();
        if (ft_err_given_matches(exc, (FtObject *)ft_exc_StopAsyncIteration)) {
            FT_DECREF(exc);
            FT_DECREF(POP());
            DISPATCH();
        }
        ft_err_restore(exc);
        goto exception_unwind;
    }

    TARGET(ASYNC_GEN_WRAP) {
        FtObject *v = TOP();
        SAVE_SP();
        FtObject *w = ft_gen_async_wrap(v);
        if (w == NULL)
            goto error;
        SET_TOP(w);
        FT_DECREF(v);
        DISPATCH();
    }

    TARGET(BEFORE_ASYNC_WITH) {
        FtObject *mgr = TOP();
        SAVE_SP();
        FtObject *exit;
        FtObject *res = enter_context(mgr, 1, &exit);
        if (res == NULL)
            goto error;
        SET_TOP(exit);
        FT_DECREF(mgr);
        PUSH(res);
        DISPATCH();
    }

    TARGET(IMPORT_NAME) {
        FtObject *fromlist = POP();
        FtObject *level = TOP();
        SAVE_SP();
        FtObject *res = import_name(frame, names[oparg], fromlist, level);
        FT_DECREF(fromlist);
        FT_DECREF(level);
        SET_TOP(res);
        if (res == NULL) {
            sp--;
            goto error;
        }
        DISPATCH();
    }

    TARGET(IMPORT_FROM) {
        FtObject *mod = TOP();
        SAVE_SP();
        FtObject *res = import_from(mod, names[oparg]);
        if (res == NULL)
            goto error;
        PUSH(res);
        DISPATCH();
    }

    TARGET(IMPORT_STAR) {
        FtObject *mod = POP();
        SAVE_SP();
        int err = import_star(frame, mod);
        FT_DECREF(mod);
        if (err < 0)
            goto error;
        DISPATCH();
    }

    TARGET(PRINT_EXPR) {
        FtObject *v = POP();
        SAVE_SP();
        FtObject *hook = ft_runtime.sys_dict
                             ? ft_dict_get_ref_cstr(ft_runtime.sys_dict, "displayhook")
                             : NULL;
        if (hook == NULL) {
            ft_err_set_string(ft_exc_RuntimeError, "lost sys.displayhook");
            FT_DECREF(v);
            goto error;
        }
        FtObject *res = ft_object_call_one(hook, v);
        FT_DECREF(hook);
        FT_DECREF(v);
        if (res == NULL)
            goto error;
        FT_DECREF(res);
        DISPATCH();
    }

#if !FT_COMPUTED_GOTO
    default:
        goto unknown_opcode;
    }
#endif

unknown_opcode:
    ft_err_format(ft_exc_SystemError, "unknown opcode %d", (int)FT_INSTR_OP(word));
    goto error;

error:
    SAVE_SP();
    if (FT_UNLIKELY(ts->curexc == NULL))
        ft_err_set_string(ft_exc_SystemError, "error return without exception set");
    ft_traceback_add_frame(ts->curexc, frame, frame->lasti);

exception_unwind: {
        /* The handler is looked up for the instruction that raised, not frame->lasti,
         * which RERAISE may have restored to an earlier instruction (for tracebacks). */
        int offset = (int)(next_instr - first_instr) - 1;
        const FtExcEntry *h = code->nexc ? find_handler(code, offset) : NULL;
        if (h == NULL)
            goto exit_unwind;
        FtObject **target = stack_base + h->depth;
        while (sp > target) {
            FtObject *v = POP();
            FT_XDECREF(v);
        }
        if (h->lasti) {
            FtObject *l = ft_int_from_i64(frame->lasti);
            if (l == NULL)
                goto exit_unwind;
            PUSH(l);
        }
        FtObject *exc = ft_err_fetch();
        PUSH(exc);
        JUMPTO(h->target);
        DISPATCH();
    }

exit_unwind:
    if (leave_frame(ts, &frame, stack_base, sp))
        return NULL;
    LOAD_FRAME();
    goto error;
}

/* ---- entry points --------------------------------------------------------------------------- */

static int is_gen_code(FtCode *co)
{
    return (co->flags & (FT_CO_GENERATOR | FT_CO_COROUTINE | FT_CO_ASYNC_GENERATOR)) != 0;
}

FtObject *ft_function_vectorcall(FtObject *callable, FtObject *const *args, size_t nargsf,
                                 FtObject *kwnames)
{
    FtThreadState *ts = ft_tstate_get();
    FtFunction *fn = (FtFunction *)callable;
    FtCode *co = (FtCode *)fn->code;
    ssize_t nargs = ft_vectorcall_nargs(nargsf);
    ssize_t total = nargs + (kwnames ? FT_SIZE(kwnames) : 0);
    int gen = is_gen_code(co);
    FtFrame *f = gen ? ft_frame_new_heap(co) : ft_frame_push(ts, co);
    if (f == NULL)
        return NULL;
    f->func = FT_NEWREF(fn);
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    for (ssize_t i = 0; i < total; i++)
        FT_INCREF(args[i]);
    if (ft_bind_args(ts, fn, f, (FtObject **)args, nargs, kwnames) < 0) {
        ft_frame_release(ts, f);
        if (gen)
            ft_mem_free(f);
        return NULL;
    }
    if (gen)
        return ft_gen_new(f, fn->name, fn->qualname);
    f->previous = ts->frame;
    ts->frame = f;
    return ft_eval_frame(ts, f, 0);
}

static FtObject *builtins_for(FtObject *globals)
{
    /* A new reference: another thread may rebind the module's __builtins__ meanwhile. */
    FtObject *b = ft_dict_get_ref(globals, FT_ID(__builtins__));
    if (b == NULL) {
        if (ft_err_occurred())
            return NULL;
        if (ft_dict_set(globals, FT_ID(__builtins__), ft_runtime.builtins) < 0)
            return NULL;
        b = FT_NEWREF(ft_runtime.builtins);
    }
    if (ft_module_check(b)) {
        FtObject *d = FT_NEWREF(ft_module_get_dict(b));
        FT_DECREF(b);
        b = d;
    }
    return b;
}

FtObject *ft_eval_code(FtObject *codeobj, FtObject *globals, FtObject *locals)
{
    FtThreadState *ts = ft_tstate_get();
    FtCode *co = (FtCode *)codeobj;
    FtObject *builtins = builtins_for(globals);
    if (builtins == NULL)
        return NULL;
    if (co->nfrees) {
        FT_DECREF(builtins);
        ft_err_set_string(ft_exc_TypeError,
                          "code object passed to exec() may not contain free variables");
        return NULL;
    }
    FtFrame *f = ft_frame_push(ts, co);
    if (f == NULL) {
        FT_DECREF(builtins);
        return NULL;
    }
    f->globals = FT_NEWREF(globals);
    f->builtins = builtins;
    f->locals = FT_XNEWREF(locals);
    if ((co->ncells | co->nfrees) && make_cells(NULL, co, f->localsplus) < 0) {
        ft_frame_release(ts, f);
        return NULL;
    }
    f->previous = ts->frame;
    ts->frame = f;
    return ft_eval_frame(ts, f, 0);
}

FtObject *ft_eval_class_body(FtObject *func, FtObject *ns)
{
    FtThreadState *ts = ft_tstate_get();
    FtFunction *fn = (FtFunction *)func;
    FtCode *co = (FtCode *)fn->code;
    FtFrame *f = ft_frame_push(ts, co);
    if (f == NULL)
        return NULL;
    f->func = FT_NEWREF(fn);
    f->globals = fn->globals;
    f->builtins = fn->builtins;
    f->locals = FT_NEWREF(ns);
    if (ft_bind_args(ts, fn, f, NULL, 0, NULL) < 0) {
        ft_frame_release(ts, f);
        return NULL;
    }
    f->previous = ts->frame;
    ts->frame = f;
    return ft_eval_frame(ts, f, 0);
}

FtObject *ft_vm_globals(void)
{
    FtThreadState *ts = ft_tstate_get();
    return ts && ts->frame ? ts->frame->globals : NULL;
}

FtObject *ft_vm_builtins(void)
{
    FtThreadState *ts = ft_tstate_get();
    return ts && ts->frame ? ts->frame->builtins : NULL;
}

FtObject *ft_vm_locals(void)
{
    FtThreadState *ts = ft_tstate_get();
    FtFrame *f = ts ? ts->frame : NULL;
    if (f == NULL) {
        ft_err_set_string(ft_exc_SystemError, "frame does not exist");
        return NULL;
    }
    if (f->locals)
        return FT_NEWREF(f->locals);
    return ft_frame_locals_dict(f);
}

int ft_vm_super_args(FtType **type, FtObject **obj)
{
    FtThreadState *ts = ft_tstate_get();
    FtFrame *f = ts ? ts->frame : NULL;
    if (f == NULL || f->code == NULL) {
        ft_err_set_string(ft_exc_RuntimeError, "super(): no current frame");
        return -1;
    }
    FtCode *co = f->code;
    if (co->argcount == 0) {
        ft_err_set_string(ft_exc_RuntimeError, "super(): no arguments");
        return -1;
    }
    FtObject *first = f->localsplus[0];
    if (first && (co->localspluskinds[0] & FT_LOCAL_KIND_CELL) && ft_cell_check(first))
        first = ((FtCell *)first)->ref;
    if (first == NULL) {
        ft_err_set_string(ft_exc_RuntimeError, "super(): arg[0] deleted");
        return -1;
    }
    for (int i = 0; i < co->nlocalsplus; i++) {
        if (!(co->localspluskinds[i] & FT_LOCAL_KIND_FREE))
            continue;
        FtObject *name = FT_TUPLE_GET(co->localsplusnames, i);
        if (!ft_str_eq_cstr(name, "__class__"))
            continue;
        FtObject *cell = f->localsplus[i];
        if (cell == NULL || !ft_cell_check(cell)) {
            ft_err_set_string(ft_exc_RuntimeError, "super(): bad __class__ cell");
            return -1;
        }
        FtObject *t = ((FtCell *)cell)->ref;
        if (t == NULL) {
            ft_err_set_string(ft_exc_RuntimeError, "super(): empty __class__ cell");
            return -1;
        }
        if (!ft_type_check(t)) {
            ft_err_format(ft_exc_RuntimeError, "super(): __class__ is not a type (%s)",
                          FT_TYPE(t)->tp_name);
            return -1;
        }
        /* Borrowed: the calling frame keeps both alive (descr.c relies on it). */
        *type = (FtType *)t;
        *obj = first;
        return 0;
    }
    ft_err_set_string(ft_exc_RuntimeError, "super(): __class__ cell not found");
    return -1;
}

FtObject *ft_vm_getframe(int depth)
{
    FtThreadState *ts = ft_tstate_get();
    FtFrame *f = ts ? ts->frame : NULL;
    while (depth > 0 && f) {
        f = f->previous;
        depth--;
    }
    if (f == NULL) {
        ft_err_set_string(ft_exc_ValueError, "call stack is not deep enough");
        return NULL;
    }
    return ft_frame_get_object(f);
}

int ft_vm_types_init(void)
{
    FtType *types[] = { &ft_code_type, &ft_function_type, &ft_method_type, &ft_cell_type,
                        &ft_gen_type, &ft_frame_type, &ft_traceback_type };
    for (size_t i = 0; i < FT_ARRAY_LEN(types); i++)
        if (ft_type_ready(types[i]) < 0)
            return -1;
    return ft_gen_types_init();
}
