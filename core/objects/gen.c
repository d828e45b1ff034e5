/* Generators (`generator`): send / throw / close, iteration, gi_* attributes; coroutines
 * (`coroutine`, its __await__ iterator `coroutine_wrapper`), asynchronous generators
 * (`async_generator` and the awaitables of its methods, `async_generator_asend` /
 * `async_generator_athrow`), the helpers of the coroutine instructions (GET_AWAITABLE,
 * GET_AITER, GET_ANEXT, ASYNC_GEN_WRAP), never-awaited warnings and the asyncgen hooks.
 * All three kinds share one layout (FtGen) and the send/throw/close machinery; messages
 * name the kind ("coroutine raised StopIteration").
 *
 * A generator owns a heap interpreter frame (core/vm/frame.h) and its own handled-exception
 * state, pushed on the thread's exc_info chain while it runs. Each resumption re-enters the
 * eval loop with the generator frame as the entry frame. YIELD_FROM follows CPython 3.10:
 * a generator suspended inside `yield from` has the sub-iterator on top of its value stack,
 * and throw()/close() are delegated to it first. */
#include "core/vm/frame.h"
#include "runtime/modules/stdio.h"
#include "gc/gc.h"
#include <stddef.h>

typedef struct FtGen {
    FtObject ob_base;
    FtFrame *frame;           /* owned heap frame; NULL once freed */
    FtObject *code;           /* gi_code, kept after the frame is cleared */
    FtObject *name, *qualname;
    FtExcInfo exc_state;
    FtObject *weakreflist;
    /* async generators only */
    uint8_t ag_running_async;   /* an asend/athrow awaitable is running it */
    uint8_t ag_closed;
    uint8_t ag_hooks_inited;    /* sys.set_asyncgen_hooks' firstiter ran */
    uint8_t claimed;            /* free-threaded builds: a thread is resuming it (atomic) */
    FtObject *ag_finalizer;     /* the finalizer hook in force at the first iteration */
} FtGen;

/* What kind of generator-like object: messages differ ("coroutine raised StopIteration"). */
enum { KIND_GEN = 0, KIND_CORO = 1, KIND_ASYNC_GEN = 2 };
static int gen_kind(FtGen *g)
{
    FtType *t = FT_TYPE(g);
    return t == &ft_coro_type ? KIND_CORO : t == &ft_async_gen_type ? KIND_ASYNC_GEN : KIND_GEN;
}
static const char *const kind_names[] = { "generator", "coroutine", "async generator" };

enum { GEN_NEXT = 0, GEN_RETURN = 1, GEN_ERROR = -1 };

FtObject *ft_gen_new(FtFrame *f, FtObject *name, FtObject *qualname)
{
    int flags = f->code->flags;
    FtType *type = (flags & FT_CO_COROUTINE) ? &ft_coro_type
                 : (flags & FT_CO_ASYNC_GENERATOR) ? &ft_async_gen_type : &ft_gen_type;
    FtGen *g = (FtGen *)ft_gc_alloc(type);
    if (g == NULL) {
        ft_frame_release(ft_tstate_get(), f);
        ft_mem_free(f);
        return NULL;
    }
    g->frame = f;
    f->gen = (FtObject *)g;
    f->owner = FT_FRAME_OWNED_BY_GENERATOR;
    f->state = FT_FRAME_CREATED;
    g->code = FT_NEWREF(f->code);
    g->name = FT_NEWREF(name ? name : f->code->name);
    g->qualname = FT_NEWREF(qualname ? qualname : f->code->qualname);
    ft_gc_track((FtObject *)g);
    return (FtObject *)g;
}

static int gen_state(FtGen *g)
{
    return g->frame ? g->frame->state : FT_FRAME_COMPLETED;
}

static void set_stop_iteration_value(FtObject *value)
{
    FtObject *exc = ft_exc_new(ft_exc_StopIteration, &value, 1);
    if (exc) {
        ft_err_restore(exc);
    }
}

/* "generator raised StopIteration": RuntimeError from the current exception (as cause). */
static void raise_from_cause(const char *msg)
{
    FtObject *cause = ft_err_fetch();
    ft_err_set_string(ft_exc_RuntimeError, msg);
    FtObject *exc = ft_err_occurred();
    if (exc && cause) {
        ft_exc_set_cause(exc, FT_NEWREF(cause));
        ft_exc_set_context(exc, FT_NEWREF(cause));
    }
    FT_XDECREF(cause);
}

static int gen_send_ex2_claimed(FtGen *gen, FtObject *arg, FtObject **presult, int exc,
                                int closing);

/* Free-threaded builds: two threads resuming one generator at once would both run its frame.
 * The first to claim it runs it; the other gets "generator already executing", as a
 * generator re-entered under the GIL does. The claim orders the frame's state between the
 * threads that resume it in turn. */
static int gen_send_ex2(FtGen *gen, FtObject *arg, FtObject **presult, int exc, int closing)
{
#if FT_FREE_THREADED
    uint8_t idle = 0;
    if (!__atomic_compare_exchange_n(&gen->claimed, &idle, 1, false, __ATOMIC_ACQUIRE,
                                     __ATOMIC_RELAXED)) {
        *presult = NULL;
        ft_err_format(ft_exc_ValueError, "%s already executing", kind_names[gen_kind(gen)]);
        return GEN_ERROR;
    }
    int r = gen_send_ex2_claimed(gen, arg, presult, exc, closing);
    __atomic_store_n(&gen->claimed, 0, __ATOMIC_RELEASE);
    return r;
#else
    return gen_send_ex2_claimed(gen, arg, presult, exc, closing);
#endif
}

static int gen_send_ex2_claimed(FtGen *gen, FtObject *arg, FtObject **presult, int exc,
                                int closing)
{
    FtThreadState *ts = ft_tstate_get();
    FtFrame *f = gen->frame;
    int state = gen_state(gen);
    *presult = NULL;
    int kind = gen_kind(gen);
    if (state == FT_FRAME_CREATED && arg && arg != FT_NONE && !exc) {
        ft_err_format(ft_exc_TypeError, "can't send non-None value to a just-started %s",
                      kind_names[kind]);
        return GEN_ERROR;
    }
    if (state == FT_FRAME_EXECUTING) {
        ft_err_format(ft_exc_ValueError, "%s already executing", kind_names[kind]);
        return GEN_ERROR;
    }
    if (state >= FT_FRAME_COMPLETED) {
        if (kind == KIND_CORO && !closing) {
            /* an exhausted coroutine: an error, except from close(), which is silent */
            ft_err_set_string(ft_exc_RuntimeError, "cannot reuse already awaited coroutine");
        } else if (arg && !exc) {
            *presult = FT_NEWREF(FT_NONE);
            return GEN_RETURN;
        }
        return GEN_ERROR;
    }
    if (state == FT_FRAME_SUSPENDED && !exc) {
        FtObject **stack = FT_FRAME_STACK_BASE(f);
        stack[f->stacktop++] = FT_NEWREF(arg ? arg : FT_NONE);
    }
    gen->exc_state.previous = ts->exc_info;
    ts->exc_info = &gen->exc_state;
    if (exc) {
        /* The generator's own handled exception becomes the thrown one's context. */
        FtObject *thrown = ts->curexc;
        FtObject *handled = gen->exc_state.exc_value;
        if (thrown && handled && handled != FT_NONE && handled != thrown &&
            ((FtBaseException *)thrown)->context == NULL)
            ft_exc_set_context(thrown, FT_NEWREF(handled));
    }
    f->previous = ts->frame;
    ts->frame = f;
    FT_INCREF(gen);   /* the frame must not vanish under the running loop */
    FtObject *result = ft_eval_frame(ts, f, exc);
    ts->exc_info = gen->exc_state.previous;
    gen->exc_state.previous = NULL;
    f->previous = NULL;
    if (result && f->state == FT_FRAME_SUSPENDED) {
        *presult = result;
        FT_DECREF(gen);
        return GEN_NEXT;
    }
    if (result == NULL) {
        if (ft_err_matches(ft_exc_StopIteration)) {
            const char *msg = kind == KIND_CORO ? "coroutine raised StopIteration"
                            : kind == KIND_ASYNC_GEN ? "async generator raised StopIteration"
                                                     : "generator raised StopIteration";
            raise_from_cause(msg);
        } else if (kind == KIND_ASYNC_GEN && ft_err_matches(ft_exc_StopAsyncIteration)) {
            raise_from_cause("async generator raised StopAsyncIteration");
        }
    }
    FT_CLEAR(gen->exc_state.exc_value);
    *presult = result;
    FT_DECREF(gen);
    return result ? GEN_RETURN : GEN_ERROR;
}

int ft_gen_send_ex(FtObject *gen, FtObject *v, FtObject **result)
{
    int r = gen_send_ex2((FtGen *)gen, v ? v : FT_NONE, result, 0, 0);
    return r;
}

static FtObject *gen_send_ex(FtGen *gen, FtObject *arg, int exc, int closing)
{
    FtObject *result;
    if (gen_send_ex2(gen, arg, &result, exc, closing) == GEN_RETURN) {
        if (gen_kind(gen) == KIND_ASYNC_GEN)
            ft_err_set_none(ft_exc_StopAsyncIteration);
        else if (result == FT_NONE)
            ft_err_set_none(ft_exc_StopIteration);
        else
            set_stop_iteration_value(result);
        FT_CLEAR(result);
    }
    return result;
}

static FtObject *gen_iternext(FtObject *o)
{
    FtObject *result;
    if (gen_send_ex2((FtGen *)o, NULL, &result, 0, 0) == GEN_RETURN) {
        if (result != FT_NONE)
            set_stop_iteration_value(result);
        FT_CLEAR(result);
    }
    return result;
}

static FtObject *gen_send(FtObject *o, FtObject *arg)
{
    return gen_send_ex((FtGen *)o, arg, 0, 0);
}

/* The sub-iterator of a generator suspended in YIELD_FROM (new ref), or NULL. */
static FtObject *gen_yf(FtGen *gen)
{
    FtFrame *f = gen->frame;
    if (f == NULL || f->state != FT_FRAME_SUSPENDED || f->code == NULL)
        return NULL;
    int next = f->lasti + 1;
    if (next < 0 || next >= f->code->ninstrs ||
        FT_INSTR_OP(f->code->instrs[next]) != FT_OP_YIELD_FROM || f->stacktop < 1)
        return NULL;
    return FT_NEWREF(FT_FRAME_STACK_BASE(f)[f->stacktop - 1]);
}

static FtObject *gen_close(FtObject *o, FtObject *unused);

static int gen_close_iter(FtObject *yf)
{
    FtObject *retval = NULL;
    if (ft_gen_check(yf) || ft_coro_check(yf)) {
        retval = gen_close(yf, NULL);
        if (retval == NULL)
            return -1;
    } else {
        FtObject *meth = NULL;
        if (ft_object_lookup_attr(yf, FT_ID(close), &meth) < 0)
            ft_err_write_unraisable(yf);
        if (meth) {
            retval = ft_object_call_noargs(meth);
            FT_DECREF(meth);
            if (retval == NULL)
                return -1;
        }
    }
    FT_XDECREF(retval);
    return 0;
}

static FtObject *gen_close(FtObject *o, FtObject *unused)
{
    FtGen *gen = (FtGen *)o;
    FtObject *yf = gen_yf(gen);
    int err = 0;
    if (yf) {
        int state = gen->frame->state;
        gen->frame->state = FT_FRAME_EXECUTING;
        err = gen_close_iter(yf);
        gen->frame->state = (uint8_t)state;
        FT_DECREF(yf);
    }
    if (err == 0)
        ft_err_restore(ft_exc_new(ft_exc_GeneratorExit, NULL, 0));
    FtObject *retval = gen_send_ex(gen, FT_NONE, 1, 1);
    if (retval) {
        FT_DECREF(retval);
        ft_err_format(ft_exc_RuntimeError, "%s ignored GeneratorExit", kind_names[gen_kind(gen)]);
        return NULL;
    }
    if (ft_err_matches(ft_exc_StopIteration) || ft_err_matches(ft_exc_GeneratorExit)) {
        ft_err_clear();
        FT_RETURN_NONE;
    }
    return NULL;
}

static FtObject *gen_throw_impl(FtGen *gen, int close_on_genexit, FtObject *typ, FtObject *val,
                                FtObject *tb)
{
    FtObject *yf = gen_yf(gen);
    if (yf) {
        FtObject *ret;
        FtFrame *f = gen->frame;
        if (ft_err_given_matches(typ, (FtObject *)ft_exc_GeneratorExit) && close_on_genexit) {
            int state = f->state;
            f->state = FT_FRAME_EXECUTING;
            int err = gen_close_iter(yf);
            f->state = (uint8_t)state;
            FT_DECREF(yf);
            if (err < 0)
                return gen_send_ex(gen, FT_NONE, 1, 0);
            goto throw_here;
        }
        if (ft_gen_check(yf) || ft_coro_check(yf)) {
            FtThreadState *ts = ft_tstate_get();
            FtFrame *prev = ts->frame;
            f->previous = prev;
            ts->frame = f;   /* tracebacks show this generator's frame */
            int state = f->state;
            f->state = FT_FRAME_EXECUTING;
            ret = gen_throw_impl((FtGen *)yf, close_on_genexit, typ, val, tb);
            f->state = (uint8_t)state;
            ts->frame = prev;
            f->previous = NULL;
        } else {
            FtObject *meth = NULL;
            if (ft_object_lookup_attr(yf, FT_ID(throw), &meth) < 0) {
                FT_DECREF(yf);
                return NULL;
            }
            if (meth == NULL) {
                FT_DECREF(yf);
                goto throw_here;
            }
            int state = f->state;
            f->state = FT_FRAME_EXECUTING;
            FtObject *args[3] = { typ, val ? val : FT_NONE, tb ? tb : FT_NONE };
            ret = ft_object_vectorcall(meth, args, tb ? 3 : (val ? 2 : 1), NULL);
            f->state = (uint8_t)state;
            FT_DECREF(meth);
        }
        FT_DECREF(yf);
        if (ret == NULL) {
            /* The sub-iterator finished or failed: pop it and carry on past YIELD_FROM. */
            FtObject **stack = FT_FRAME_STACK_BASE(f);
            FtObject *sub = stack[--f->stacktop];
            FT_DECREF(sub);
            f->lasti += 1;
            FtObject *exc = ft_err_occurred();
            if (exc == NULL || ft_type_is_subtype(FT_TYPE(exc), ft_exc_StopIteration)) {
                FtObject *value = FT_NONE;
                if (exc)
                    value = ((FtStopIteration *)exc)->value ? ((FtStopIteration *)exc)->value
                                                            : FT_NONE;
                FT_INCREF(value);
                ft_err_clear();
                ret = gen_send_ex(gen, value, 0, 0);
                FT_DECREF(value);
            } else {
                ret = gen_send_ex(gen, FT_NONE, 1, 0);
            }
        }
        return ret;
    }

throw_here:
    if (tb == FT_NONE)
        tb = NULL;
    else if (tb != NULL && FT_TYPE(tb) != &ft_traceback_type) {
        ft_err_set_string(ft_exc_TypeError, "throw() third argument must be a traceback object");
        return NULL;
    }
    FtObject *value;
    if (ft_exception_class_check(typ)) {
        if (val && ft_exception_check(val) &&
            ft_type_is_subtype(FT_TYPE(val), (FtType *)typ)) {
            value = FT_NEWREF(val);
        } else if (val == NULL || val == FT_NONE) {
            value = ft_exc_new((FtType *)typ, NULL, 0);
        } else if (ft_tuple_check(val)) {
            value = ft_exc_new((FtType *)typ, FT_TUPLE_ITEMS(val), FT_SIZE(val));
        } else {
            value = ft_exc_new((FtType *)typ, &val, 1);
        }
        if (value == NULL)
            return NULL;
    } else if (ft_exception_check(typ)) {
        if (val && val != FT_NONE) {
            ft_err_set_string(ft_exc_TypeError,
                              "instance exception may not have a separate value");
            return NULL;
        }
        value = FT_NEWREF(typ);
    } else {
        ft_err_format(ft_exc_TypeError,
                      "exceptions must be classes or instances deriving from BaseException, "
                      "not %s", FT_TYPE(typ)->tp_name);
        return NULL;
    }
    if (tb)
        ft_exc_set_traceback(value, tb);
    ft_err_restore(value);
    return gen_send_ex(gen, FT_NONE, 1, 0);
}

static FtObject *gen_throw(FtObject *o, FtObject *const *args, ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        ft_err_format(ft_exc_TypeError,
                      nargs < 1 ? "throw expected at least 1 argument, got %zd"
                                : "throw expected at most 3 arguments, got %zd", nargs);
        return NULL;
    }
    return gen_throw_impl((FtGen *)o, 1, args[0], nargs > 1 ? args[1] : NULL,
                          nargs > 2 ? args[2] : NULL);
}

static void warn_unawaited(FtGen *gen);

/* tp_finalize (PEP 442, CPython's _PyGen_Finalize): run when an unfinished generator dies,
 * from its dealloc or from the cyclic collector. A never-started coroutine warns that it
 * was never awaited; an async generator with a finalizer hook is handed to it (the event
 * loop then aclose()s it); otherwise a suspended generator is closed, running its finally
 * blocks. */
static void gen_finalize(FtObject *o)
{
    FtGen *gen = (FtGen *)o;
    if (gen->frame == NULL || gen->frame->code == NULL ||
        gen->frame->state >= FT_FRAME_COMPLETED)
        return;
    FtThreadState *ts = ft_tstate_get();
    FtObject *saved = ts->curexc;
    ts->curexc = NULL;
    if (gen->ag_finalizer && !gen->ag_closed) {
        FtObject *fin = gen->ag_finalizer;
        gen->ag_finalizer = NULL;
        FtObject *res = ft_object_vectorcall(fin, &o, 1, NULL);
        FT_DECREF(fin);
        if (res == NULL)
            ft_err_write_unraisable(o);
        else
            FT_DECREF(res);
    } else if (gen->frame->state == FT_FRAME_CREATED) {
        if (FT_TYPE(o) == &ft_coro_type)
            warn_unawaited(gen);
    } else if (gen->frame->state == FT_FRAME_SUSPENDED) {
        FtObject *res = gen_close(o, NULL);
        if (res == NULL)
            ft_err_write_unraisable(o);
        else
            FT_DECREF(res);
    }
    if (ts->curexc)
        FT_CLEAR(ts->curexc);
    ts->curexc = saved;
}

static void gen_dealloc(FtObject *o)
{
    FtGen *gen = (FtGen *)o;
    ft_gc_untrack(o);
    if (gen->frame && gen->frame->code && gen->frame->state < FT_FRAME_COMPLETED &&
        ft_gc_finalize_once(o)) {
        /* Resurrect it while the finalizer runs. */
        FT_INCREF(o);
        gen_finalize(o);
        if (FT_REFCNT(o) > 1) {
            /* Someone kept a reference meanwhile: it lives on. */
            ft_gc_track(o);
            FT_DECREF(o);
            return;
        }
    }
    if (gen->frame) {
        FtFrame *f = gen->frame;
        gen->frame = NULL;
        if (f->code)
            ft_frame_release(ft_tstate_get(), f);
        ft_mem_free(f);
    }
    FT_CLEAR(gen->exc_state.exc_value);
    FT_CLEAR(gen->code);
    FT_CLEAR(gen->name);
    FT_CLEAR(gen->qualname);
    FT_CLEAR(gen->ag_finalizer);
    ft_gc_free(o);
}

static int gen_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FtGen *gen = (FtGen *)o;
    FtObject *refs[] = { gen->code, gen->name, gen->qualname, gen->exc_state.exc_value,
                         gen->ag_finalizer };
    for (size_t i = 0; i < FT_ARRAY_LEN(refs); i++)
        if (refs[i] && visit(refs[i], arg))
            return -1;
    FtFrame *f = gen->frame;
    if (f && f->code && f->state != FT_FRAME_EXECUTING) {
        int n = f->code->nlocalsplus + f->stacktop;
        for (int i = 0; i < n; i++)
            if (f->localsplus[i] && visit(f->localsplus[i], arg))
                return -1;
        if (f->func && visit(f->func, arg))
            return -1;
        if (f->locals && visit(f->locals, arg))
            return -1;
        if (f->frame_obj && visit(f->frame_obj, arg))
            return -1;
    }
    return 0;
}

static int gen_clear(FtObject *o)
{
    FtGen *gen = (FtGen *)o;
    FtFrame *f = gen->frame;
    if (f && f->code && f->state != FT_FRAME_EXECUTING) {
        f->state = FT_FRAME_COMPLETED;
        ft_frame_release(ft_tstate_get(), f);
    }
    FT_CLEAR(gen->exc_state.exc_value);
    return 0;
}

static FtObject *gen_iter(FtObject *o)
{
    return FT_NEWREF(o);
}

static FtObject *gen_repr(FtObject *o)
{
    return ft_str_from_format("<generator object %U at %p>", ((FtGen *)o)->qualname, o);
}

static FtObject *gen_get_frame(FtObject *o, void *c)
{
    FtGen *gen = (FtGen *)o;
    if (gen->frame == NULL || gen->frame->code == NULL || gen_state(gen) >= FT_FRAME_COMPLETED)
        FT_RETURN_NONE;
    return ft_frame_get_object(gen->frame);
}

static FtObject *gen_get_running(FtObject *o, void *c)
{
    return ft_bool_from(gen_state((FtGen *)o) == FT_FRAME_EXECUTING);
}

static FtObject *gen_get_suspended(FtObject *o, void *c)
{
    return ft_bool_from(gen_state((FtGen *)o) == FT_FRAME_SUSPENDED);
}

static FtObject *gen_get_code(FtObject *o, void *c)
{
    return FT_NEWREF(((FtGen *)o)->code);
}

static FtObject *gen_get_yieldfrom(FtObject *o, void *c)
{
    FtObject *yf = gen_yf((FtGen *)o);
    return yf ? yf : FT_NEWREF(FT_NONE);
}

static FtObject *gen_get_name(FtObject *o, void *c)
{
    return FT_NEWREF(((FtGen *)o)->name);
}

static int gen_set_name(FtObject *o, FtObject *v, void *c)
{
    if (v == NULL || !ft_str_check(v)) {
        ft_err_set_string(ft_exc_TypeError, "__name__ must be set to a string object");
        return -1;
    }
    FT_SETREF(((FtGen *)o)->name, FT_NEWREF(v));
    return 0;
}

static FtObject *gen_get_qualname(FtObject *o, void *c)
{
    return FT_NEWREF(((FtGen *)o)->qualname);
}

static int gen_set_qualname(FtObject *o, FtObject *v, void *c)
{
    if (v == NULL || !ft_str_check(v)) {
        ft_err_set_string(ft_exc_TypeError, "__qualname__ must be set to a string object");
        return -1;
    }
    FT_SETREF(((FtGen *)o)->qualname, FT_NEWREF(v));
    return 0;
}

static FtGetSetDef gen_getset[] = {
    {"gi_frame", gen_get_frame, NULL, NULL, NULL},
    {"gi_running", gen_get_running, NULL, NULL, NULL},
    {"gi_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"gi_code", gen_get_code, NULL, NULL, NULL},
    {"gi_yieldfrom", gen_get_yieldfrom, NULL, NULL, NULL},
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {NULL},
};

static FtMethodDef gen_methods[] = {
    {"send", (void *)gen_send, FT_METH_O, NULL},
    {"throw", (void *)gen_throw, FT_METH_FASTCALL, NULL},
    {"close", (void *)gen_close, FT_METH_NOARGS, NULL},
    {NULL},
};

FtType ft_gen_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "generator",
    .tp_basicsize = sizeof(FtGen),
    .tp_dealloc = gen_dealloc,
    .tp_repr = gen_repr,
    .tp_getattro = ft_object_generic_getattr,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_finalize = gen_finalize,
    .tp_weaklistoffset = offsetof(FtGen, weakreflist),
    .tp_iter = gen_iter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
};

/* ==== coroutines, asynchronous generators and their helper objects ========================= */

/* "coroutine 'f' was never awaited": CPython's warnings._warn_unawaited_coroutine output,
 * including its tracemalloc hint, once per location like the default warning filter. */
static FtObject *unawaited_registry;

static void warn_unawaited(FtGen *gen)
{
    FtThreadState *ts = ft_tstate_get();
    FtObject *saved = ts->curexc;
    ts->curexc = NULL;
    FtObject *msg = ft_str_from_format("coroutine '%U' was never awaited", gen->qualname);
    if (msg == NULL)
        goto done;
    /* The location ft_err_warn reports: the innermost Python frame. */
    FtObject *key = NULL;
    FtObject *frame = ft_vm_getframe(0);
    if (frame != NULL) {
        FtObject *code = ft_object_getattr_cstr(frame, "f_code");
        FtObject *fn = code ? ft_object_getattr_cstr(code, "co_filename") : NULL;
        FtObject *ln = ft_object_getattr_cstr(frame, "f_lineno");
        if (fn && ln)
            key = ft_str_from_format("%S:%S:%U", fn, ln, msg);
        FT_XDECREF(code);
        FT_XDECREF(fn);
        FT_XDECREF(ln);
        FT_DECREF(frame);
    } else {
        key = ft_str_from_format("sys:1:%U", msg);
    }
    ft_err_clear();
    int show = 1;
    if (key != NULL) {
        FtObject *registry = __atomic_load_n(&unawaited_registry, __ATOMIC_ACQUIRE);
        if (registry == NULL && (registry = ft_set_new(NULL)) != NULL) {
            /* Threads may race to make it: the loser drops its set and uses the winner's. */
            FtObject *expected = NULL;
            if (!__atomic_compare_exchange_n(&unawaited_registry, &expected, registry, 0,
                                             __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
                FT_DECREF(registry);
                registry = expected;
            }
        }
        if (registry != NULL) {
            if (ft_set_contains(registry, key) == 1)
                show = 0;
            else
                ft_set_add(registry, key);
        }
        FT_DECREF(key);
    }
    ft_err_clear();
    if (show) {
        ft_err_warn(ft_exc_RuntimeWarning, ft_str_as_utf8(msg));
        ft_stdio_write_stderr(
            "RuntimeWarning: Enable tracemalloc to get the object allocation traceback\n");
    }
    FT_DECREF(msg);
done:
    ft_err_clear();
    ts->curexc = saved;
}

static FtObject *coro_repr(FtObject *o)
{
    return ft_str_from_format("<coroutine object %U at %p>", ((FtGen *)o)->qualname, o);
}

static FtObject *async_gen_repr(FtObject *o)
{
    return ft_str_from_format("<async_generator object %U at %p>", ((FtGen *)o)->qualname, o);
}

static FtObject *gen_get_origin(FtObject *o, void *c)
{
    FT_RETURN_NONE;
}

/* ---- coroutine ---- */

typedef struct CoroWrapper {
    FtObject ob_base;
    FtObject *coro;
} CoroWrapper;

static FtType coro_wrapper_type;

static FtObject *coro_await(FtObject *o, FtObject *unused)
{
    CoroWrapper *w = (CoroWrapper *)ft_gc_alloc(&coro_wrapper_type);
    if (w == NULL)
        return NULL;
    w->coro = FT_NEWREF(o);
    ft_gc_track((FtObject *)w);
    return (FtObject *)w;
}

static FtGetSetDef coro_getset[] = {
    {"cr_frame", gen_get_frame, NULL, NULL, NULL},
    {"cr_running", gen_get_running, NULL, NULL, NULL},
    {"cr_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"cr_code", gen_get_code, NULL, NULL, NULL},
    {"cr_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {"cr_origin", gen_get_origin, NULL, NULL, NULL},
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {NULL},
};

static FtMethodDef coro_methods[] = {
    {"send", (void *)gen_send, FT_METH_O, NULL},
    {"throw", (void *)gen_throw, FT_METH_FASTCALL, NULL},
    {"close", (void *)gen_close, FT_METH_NOARGS, NULL},
    {"__await__", (void *)coro_await, FT_METH_NOARGS, NULL},
    {NULL},
};

FtType ft_coro_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "coroutine",
    .tp_basicsize = sizeof(FtGen),
    .tp_dealloc = gen_dealloc,
    .tp_repr = coro_repr,
    .tp_getattro = ft_object_generic_getattr,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_finalize = gen_finalize,
    .tp_weaklistoffset = offsetof(FtGen, weakreflist),
    .tp_methods = coro_methods,
    .tp_getset = coro_getset,
};

/* coroutine.__await__(): an iterator driving the coroutine (`coroutine_wrapper`). */
static void coro_wrapper_dealloc(FtObject *o)
{
    ft_gc_untrack(o);
    FT_CLEAR(((CoroWrapper *)o)->coro);
    ft_gc_free(o);
}

static int coro_wrapper_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FtObject *c = ((CoroWrapper *)o)->coro;
    return c ? visit(c, arg) : 0;
}

static FtObject *coro_wrapper_iternext(FtObject *o)
{
    return gen_send_ex((FtGen *)((CoroWrapper *)o)->coro, FT_NONE, 0, 0);
}

static FtObject *coro_wrapper_send(FtObject *o, FtObject *arg)
{
    return gen_send_ex((FtGen *)((CoroWrapper *)o)->coro, arg, 0, 0);
}

static FtObject *coro_wrapper_throw(FtObject *o, FtObject *const *args, ssize_t nargs)
{
    return gen_throw(((CoroWrapper *)o)->coro, args, nargs);
}

static FtObject *coro_wrapper_close(FtObject *o, FtObject *unused)
{
    return gen_close(((CoroWrapper *)o)->coro, NULL);
}

static FtMethodDef coro_wrapper_methods[] = {
    {"send", (void *)coro_wrapper_send, FT_METH_O, NULL},
    {"throw", (void *)coro_wrapper_throw, FT_METH_FASTCALL, NULL},
    {"close", (void *)coro_wrapper_close, FT_METH_NOARGS, NULL},
    {NULL},
};

static FtType coro_wrapper_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "coroutine_wrapper",
    .tp_basicsize = sizeof(CoroWrapper),
    .tp_dealloc = coro_wrapper_dealloc,
    .tp_getattro = ft_object_generic_getattr,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = coro_wrapper_traverse,
    .tp_iter = gen_iter,
    .tp_iternext = coro_wrapper_iternext,
    .tp_methods = coro_wrapper_methods,
};

/* ---- async generators ---- */

/* A value yielded by an async generator (ASYNC_GEN_WRAP), told apart from what its awaits
 * pass through to the event loop. */
typedef struct WrappedValue {
    FtObject ob_base;
    FtObject *val;
} WrappedValue;

static void wrapped_dealloc(FtObject *o)
{
    ft_gc_untrack(o);
    FT_CLEAR(((WrappedValue *)o)->val);
    ft_gc_free(o);
}

static int wrapped_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FtObject *v = ((WrappedValue *)o)->val;
    return v ? visit(v, arg) : 0;
}

static FtType wrapped_value_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "async_generator_wrapped_value",
    .tp_basicsize = sizeof(WrappedValue),
    .tp_dealloc = wrapped_dealloc,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = wrapped_traverse,
};

FtObject *ft_gen_async_wrap(FtObject *v)
{
    WrappedValue *w = (WrappedValue *)ft_gc_alloc(&wrapped_value_type);
    if (w == NULL)
        return NULL;
    w->val = FT_NEWREF(v);
    ft_gc_track((FtObject *)w);
    return (FtObject *)w;
}

/* What the awaitables of asend/athrow make of the generator's result. */
static FtObject *async_gen_unwrap_value(FtGen *gen, FtObject *result)
{
    if (result == NULL) {
        if (!ft_err_occurred())
            ft_err_set_none(ft_exc_StopAsyncIteration);
        if (ft_err_matches(ft_exc_StopAsyncIteration) || ft_err_matches(ft_exc_GeneratorExit))
            gen->ag_closed = 1;
        gen->ag_running_async = 0;
        return NULL;
    }
    if (FT_TYPE(result) == &wrapped_value_type) {
        /* an async yield: the await of asend() completes with the value */
        set_stop_iteration_value(((WrappedValue *)result)->val);
        FT_DECREF(result);
        gen->ag_running_async = 0;
        return NULL;
    }
    return result;
}

enum { AW_INIT = 0, AW_ITER = 1, AW_CLOSED = 2 };

typedef struct ASend {
    FtObject ob_base;
    FtGen *gen;
    FtObject *sendval;
    int state;
} ASend;

typedef struct AThrow {
    FtObject ob_base;
    FtGen *gen;
    FtObject *args;      /* tuple for athrow(), NULL for aclose() */
    int state;
} AThrow;

static FtType asend_type, athrow_type;

static FtObject *asend_new(FtGen *gen, FtObject *v)
{
    ASend *o = (ASend *)ft_gc_alloc(&asend_type);
    if (o == NULL)
        return NULL;
    o->gen = (FtGen *)FT_NEWREF(gen);
    o->sendval = FT_XNEWREF(v);
    o->state = AW_INIT;
    ft_gc_track((FtObject *)o);
    return (FtObject *)o;
}

static FtObject *athrow_new(FtGen *gen, FtObject *args)
{
    AThrow *o = (AThrow *)ft_gc_alloc(&athrow_type);
    if (o == NULL)
        return NULL;
    o->gen = (FtGen *)FT_NEWREF(gen);
    o->args = FT_XNEWREF(args);
    o->state = AW_INIT;
    ft_gc_track((FtObject *)o);
    return (FtObject *)o;
}

/* sys.set_asyncgen_hooks(): per thread, as in CPython. */
static _Thread_local FtObject *hook_firstiter, *hook_finalizer;

int ft_gen_set_asyncgen_hooks(FtObject *firstiter, FtObject *finalizer)
{
    FT_XSETREF(hook_firstiter, FT_XNEWREF(firstiter));
    FT_XSETREF(hook_finalizer, FT_XNEWREF(finalizer));
    return 0;
}

void ft_gen_get_asyncgen_hooks(FtObject **firstiter, FtObject **finalizer)
{
    *firstiter = hook_firstiter;
    *finalizer = hook_finalizer;
}

/* On the first __anext__/asend/athrow/aclose: remember the finalizer, call firstiter. */
static int async_gen_init_hooks(FtGen *gen)
{
    if (gen->ag_hooks_inited)
        return 0;
    gen->ag_hooks_inited = 1;
    if (hook_finalizer)
        gen->ag_finalizer = FT_NEWREF(hook_finalizer);
    if (hook_firstiter) {
        FtObject *hook = FT_NEWREF(hook_firstiter);
        FtObject *arg = (FtObject *)gen;
        FtObject *res = ft_object_vectorcall(hook, &arg, 1, NULL);
        FT_DECREF(hook);
        if (res == NULL)
            return -1;
        FT_DECREF(res);
    }
    return 0;
}

static FtObject *async_gen_anext(FtObject *o, FtObject *unused)
{
    if (async_gen_init_hooks((FtGen *)o) < 0)
        return NULL;
    return asend_new((FtGen *)o, NULL);
}

static FtObject *async_gen_asend(FtObject *o, FtObject *arg)
{
    if (async_gen_init_hooks((FtGen *)o) < 0)
        return NULL;
    return asend_new((FtGen *)o, arg);
}

static FtObject *async_gen_aclose(FtObject *o, FtObject *unused)
{
    if (async_gen_init_hooks((FtGen *)o) < 0)
        return NULL;
    return athrow_new((FtGen *)o, NULL);
}

static FtObject *async_gen_athrow(FtObject *o, FtObject *const *args, ssize_t nargs)
{
    if (nargs < 1 || nargs > 3) {
        ft_err_format(ft_exc_TypeError,
                      nargs < 1 ? "athrow expected at least 1 argument, got %zd"
                                : "athrow expected at most 3 arguments, got %zd", nargs);
        return NULL;
    }
    if (async_gen_init_hooks((FtGen *)o) < 0)
        return NULL;
    FtObject *t = ft_tuple_from_array(args, nargs);
    if (t == NULL)
        return NULL;
    FtObject *r = athrow_new((FtGen *)o, t);
    FT_DECREF(t);
    return r;
}

static FtObject *async_gen_get_running(FtObject *o, void *c)
{
    return ft_bool_from(((FtGen *)o)->ag_running_async);
}

static FtGetSetDef async_gen_getset[] = {
    {"ag_frame", gen_get_frame, NULL, NULL, NULL},
    {"ag_running", async_gen_get_running, NULL, NULL, NULL},
    {"ag_suspended", gen_get_suspended, NULL, NULL, NULL},
    {"ag_code", gen_get_code, NULL, NULL, NULL},
    {"ag_await", gen_get_yieldfrom, NULL, NULL, NULL},
    {"__name__", gen_get_name, gen_set_name, NULL, NULL},
    {"__qualname__", gen_get_qualname, gen_set_qualname, NULL, NULL},
    {NULL},
};

static FtMethodDef async_gen_methods[] = {
    {"asend", (void *)async_gen_asend, FT_METH_O, NULL},
    {"athrow", (void *)async_gen_athrow, FT_METH_FASTCALL, NULL},
    {"aclose", (void *)async_gen_aclose, FT_METH_NOARGS, NULL},
    {"__aiter__", (void *)gen_iter, FT_METH_NOARGS, NULL},
    {"__anext__", (void *)async_gen_anext, FT_METH_NOARGS, NULL},
    {NULL},
};

FtType ft_async_gen_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "async_generator",
    .tp_basicsize = sizeof(FtGen),
    .tp_dealloc = gen_dealloc,
    .tp_repr = async_gen_repr,
    .tp_getattro = ft_object_generic_getattr,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = gen_traverse,
    .tp_clear = gen_clear,
    .tp_finalize = gen_finalize,
    .tp_weaklistoffset = offsetof(FtGen, weakreflist),
    .tp_methods = async_gen_methods,
    .tp_getset = async_gen_getset,
};

/* async_generator_asend: the awaitable of __anext__() / asend(v). */
static void asend_dealloc(FtObject *o)
{
    ASend *a = (ASend *)o;
    ft_gc_untrack(o);
    FT_CLEAR(a->gen);
    FT_CLEAR(a->sendval);
    ft_gc_free(o);
}

static int asend_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    ASend *a = (ASend *)o;
    if (a->gen && visit((FtObject *)a->gen, arg))
        return -1;
    return a->sendval ? visit(a->sendval, arg) : 0;
}

static FtObject *asend_send(FtObject *o, FtObject *arg)
{
    ASend *a = (ASend *)o;
    if (a->state == AW_CLOSED) {
        ft_err_set_string(ft_exc_RuntimeError,
                          "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    if (a->state == AW_INIT) {
        if (a->gen->ag_running_async) {
            a->state = AW_CLOSED;
            ft_err_set_string(ft_exc_RuntimeError,
                              "anext(): asynchronous generator is already running");
            return NULL;
        }
        if (arg == NULL || arg == FT_NONE)
            arg = a->sendval;
        a->state = AW_ITER;
    }
    a->gen->ag_running_async = 1;
    FtObject *result = gen_send_ex(a->gen, arg ? arg : FT_NONE, 0, 0);
    result = async_gen_unwrap_value(a->gen, result);
    if (result == NULL)
        a->state = AW_CLOSED;
    return result;
}

static FtObject *asend_iternext(FtObject *o)
{
    return asend_send(o, NULL);
}

static FtObject *asend_throw(FtObject *o, FtObject *const *args, ssize_t nargs)
{
    ASend *a = (ASend *)o;
    if (a->state == AW_CLOSED) {
        ft_err_set_string(ft_exc_RuntimeError,
                          "cannot reuse already awaited __anext__()/asend()");
        return NULL;
    }
    FtObject *result = gen_throw((FtObject *)a->gen, args, nargs);
    result = async_gen_unwrap_value(a->gen, result);
    if (result == NULL)
        a->state = AW_CLOSED;
    return result;
}

static FtObject *asend_close(FtObject *o, FtObject *unused)
{
    ((ASend *)o)->state = AW_CLOSED;
    FT_RETURN_NONE;
}

static FtMethodDef asend_methods[] = {
    {"send", (void *)asend_send, FT_METH_O, NULL},
    {"throw", (void *)asend_throw, FT_METH_FASTCALL, NULL},
    {"close", (void *)asend_close, FT_METH_NOARGS, NULL},
    {"__await__", (void *)gen_iter, FT_METH_NOARGS, NULL},
    {NULL},
};

static FtType asend_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "async_generator_asend",
    .tp_basicsize = sizeof(ASend),
    .tp_dealloc = asend_dealloc,
    .tp_getattro = ft_object_generic_getattr,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = asend_traverse,
    .tp_iter = gen_iter,
    .tp_iternext = asend_iternext,
    .tp_methods = asend_methods,
};

/* async_generator_athrow: the awaitable of athrow(...) and aclose(). */
static void athrow_dealloc(FtObject *o)
{
    AThrow *a = (AThrow *)o;
    ft_gc_untrack(o);
    FT_CLEAR(a->gen);
    FT_CLEAR(a->args);
    ft_gc_free(o);
}

static int athrow_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    AThrow *a = (AThrow *)o;
    if (a->gen && visit((FtObject *)a->gen, arg))
        return -1;
    return a->args ? visit(a->args, arg) : 0;
}

static FtObject *athrow_check_error(AThrow *a)
{
    a->gen->ag_running_async = 0;
    a->state = AW_CLOSED;
    if ((ft_err_matches(ft_exc_StopAsyncIteration) || ft_err_matches(ft_exc_GeneratorExit)) &&
        a->args == NULL) {
        /* aclose() is done: neither StopAsyncIteration nor GeneratorExit propagates */
        ft_err_clear();
        ft_err_set_none(ft_exc_StopIteration);
    }
    return NULL;
}

static FtObject *athrow_yield_close(AThrow *a)
{
    a->gen->ag_running_async = 0;
    a->state = AW_CLOSED;
    ft_err_set_string(ft_exc_RuntimeError, "async generator ignored GeneratorExit");
    return NULL;
}

static FtObject *athrow_send(FtObject *o, FtObject *arg)
{
    AThrow *a = (AThrow *)o;
    FtGen *gen = a->gen;
    FtObject *retval;
    if (a->state == AW_CLOSED) {
        ft_err_set_string(ft_exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    if (gen_state(gen) >= FT_FRAME_COMPLETED) {
        a->state = AW_CLOSED;
        ft_err_set_none(ft_exc_StopIteration);
        return NULL;
    }
    if (a->state == AW_INIT) {
        if (gen->ag_running_async) {
            a->state = AW_CLOSED;
            ft_err_set_string(ft_exc_RuntimeError,
                              a->args == NULL
                                  ? "aclose(): asynchronous generator is already running"
                                  : "athrow(): asynchronous generator is already running");
            return NULL;
        }
        if (gen->ag_closed) {
            a->state = AW_CLOSED;
            ft_err_set_none(ft_exc_StopAsyncIteration);
            return NULL;
        }
        if (arg != NULL && arg != FT_NONE) {
            ft_err_set_string(ft_exc_RuntimeError,
                              "can't send non-None value to a just-started coroutine");
            return NULL;
        }
        a->state = AW_ITER;
        gen->ag_running_async = 1;
        if (a->args == NULL) {
            gen->ag_closed = 1;
            retval = gen_throw_impl(gen, 0, (FtObject *)ft_exc_GeneratorExit, NULL, NULL);
            if (retval && FT_TYPE(retval) == &wrapped_value_type) {
                FT_DECREF(retval);
                return athrow_yield_close(a);
            }
        } else {
            ssize_t n = FT_SIZE(a->args);
            FtObject **items = FT_TUPLE_ITEMS(a->args);
            retval = gen_throw_impl(gen, 0, items[0], n > 1 ? items[1] : NULL,
                                    n > 2 ? items[2] : NULL);
            retval = async_gen_unwrap_value(gen, retval);
        }
        if (retval == NULL)
            return athrow_check_error(a);
        return retval;
    }
    retval = gen_send_ex(gen, arg ? arg : FT_NONE, 0, 0);
    if (a->args)
        return async_gen_unwrap_value(gen, retval);
    if (retval) {
        if (FT_TYPE(retval) == &wrapped_value_type) {
            FT_DECREF(retval);
            return athrow_yield_close(a);
        }
        return retval;
    }
    return athrow_check_error(a);
}

static FtObject *athrow_iternext(FtObject *o)
{
    return athrow_send(o, NULL);
}

static FtObject *athrow_throw(FtObject *o, FtObject *const *args, ssize_t nargs)
{
    AThrow *a = (AThrow *)o;
    if (a->state == AW_CLOSED) {
        ft_err_set_string(ft_exc_RuntimeError, "cannot reuse already awaited aclose()/athrow()");
        return NULL;
    }
    FtObject *retval = gen_throw((FtObject *)a->gen, args, nargs);
    if (a->args)
        return async_gen_unwrap_value(a->gen, retval);
    if (retval && FT_TYPE(retval) == &wrapped_value_type) {
        FT_DECREF(retval);
        return athrow_yield_close(a);
    }
    if (retval == NULL)
        return athrow_check_error(a);
    return retval;
}

static FtObject *athrow_close(FtObject *o, FtObject *unused)
{
    ((AThrow *)o)->state = AW_CLOSED;
    FT_RETURN_NONE;
}

static FtMethodDef athrow_methods[] = {
    {"send", (void *)athrow_send, FT_METH_O, NULL},
    {"throw", (void *)athrow_throw, FT_METH_FASTCALL, NULL},
    {"close", (void *)athrow_close, FT_METH_NOARGS, NULL},
    {"__await__", (void *)gen_iter, FT_METH_NOARGS, NULL},
    {NULL},
};

static FtType athrow_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "async_generator_athrow",
    .tp_basicsize = sizeof(AThrow),
    .tp_dealloc = athrow_dealloc,
    .tp_getattro = ft_object_generic_getattr,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = athrow_traverse,
    .tp_iter = gen_iter,
    .tp_iternext = athrow_iternext,
    .tp_methods = athrow_methods,
};

/* ---- the instructions' helpers ---- */

static int is_iterable_coroutine(FtObject *o)
{
    return ft_gen_check(o) && (((FtCode *)((FtGen *)o)->code)->flags & FT_CO_ITERABLE_COROUTINE);
}

/* Call type(o).name(o) when the type defines it: 1 found (*res, NULL on error), 0 not. */
static int call_special(FtObject *o, const char *name, FtObject **res)
{
    FtObject *meth = ft_type_lookup_cstr(FT_TYPE(o), name);
    *res = NULL;
    if (meth == NULL)
        return 0;
    FT_INCREF(meth);
    *res = ft_object_vectorcall(meth, &o, 1, NULL);
    FT_DECREF(meth);
    return 1;
}

/* CPython's _PyCoro_GetAwaitableIter. */
static FtObject *get_awaitable_iter(FtObject *o)
{
    if (ft_coro_check(o) || is_iterable_coroutine(o))
        return FT_NEWREF(o);
    FtObject *res;
    if (call_special(o, "__await__", &res)) {
        if (res == NULL)
            return NULL;
        if (ft_coro_check(res) || is_iterable_coroutine(res)) {
            ft_err_set_string(ft_exc_TypeError, "__await__() returned a coroutine");
            FT_CLEAR(res);
        } else if (FT_TYPE(res)->tp_iternext == NULL) {
            ft_err_format(ft_exc_TypeError, "__await__() returned non-iterator of type '%s'",
                          FT_TYPE(res)->tp_name);
            FT_CLEAR(res);
        }
        return res;
    }
    ft_err_format(ft_exc_TypeError, "object %s can't be used in 'await' expression",
                  FT_TYPE(o)->tp_name);
    return NULL;
}

FtObject *ft_gen_get_awaitable(FtObject *o, int where)
{
    FtObject *iter = get_awaitable_iter(o);
    if (iter == NULL) {
        if (where && ft_type_lookup_cstr(FT_TYPE(o), "__await__") == NULL) {
            ft_err_clear();
            ft_err_format(ft_exc_TypeError,
                          "'async with' received an object from %s that does not implement "
                          "__await__: %s", where == 1 ? "__aenter__" : "__aexit__",
                          FT_TYPE(o)->tp_name);
        }
        return NULL;
    }
    if (ft_coro_check(iter)) {
        FtObject *yf = gen_yf((FtGen *)iter);
        if (yf != NULL) {
            FT_DECREF(yf);
            FT_DECREF(iter);
            ft_err_set_string(ft_exc_RuntimeError, "coroutine is being awaited already");
            return NULL;
        }
    }
    return iter;
}

FtObject *ft_gen_get_aiter(FtObject *o)
{
    FtObject *iter;
    if (!call_special(o, "__aiter__", &iter)) {
        ft_err_format(ft_exc_TypeError,
                      "'async for' requires an object with __aiter__ method, got %s",
                      FT_TYPE(o)->tp_name);
        return NULL;
    }
    if (iter == NULL)
        return NULL;
    if (ft_type_lookup_cstr(FT_TYPE(iter), "__anext__") == NULL) {
        ft_err_format(ft_exc_TypeError,
                      "'async for' received an object from __aiter__ that does not implement "
                      "__anext__: %s", FT_TYPE(iter)->tp_name);
        FT_DECREF(iter);
        return NULL;
    }
    return iter;
}

FtObject *ft_gen_get_anext(FtObject *aiter)
{
    if (ft_async_gen_check(aiter))
        return async_gen_anext(aiter, NULL);
    FtObject *next;
    if (!call_special(aiter, "__anext__", &next)) {
        ft_err_format(ft_exc_TypeError,
                      "'async for' requires an iterator with __anext__ method, got %s",
                      FT_TYPE(aiter)->tp_name);
        return NULL;
    }
    if (next == NULL)
        return NULL;
    FtObject *awaitable = get_awaitable_iter(next);
    if (awaitable == NULL) {
        FtObject *cause = ft_err_fetch();
        ft_err_format(ft_exc_TypeError, "'async for' received an invalid object from __anext__: %s",
                      FT_TYPE(next)->tp_name);
        FtObject *exc = ft_err_occurred();
        if (exc && cause) {
            ft_exc_set_cause(exc, FT_NEWREF(cause));
            ft_exc_set_context(exc, FT_NEWREF(cause));
        }
        FT_XDECREF(cause);
    }
    FT_DECREF(next);
    return awaitable;
}

int ft_gen_yield_from_coro_ok(FtCode *code)
{
    if (code->flags & (FT_CO_COROUTINE | FT_CO_ITERABLE_COROUTINE))
        return 1;
    ft_err_set_string(ft_exc_TypeError,
                      "cannot 'yield from' a coroutine object in a non-coroutine generator");
    return 0;
}

/* Readies the types above (called from ft_vm_types_init). */
int ft_gen_types_init(void)
{
    FtType *types[] = { &ft_coro_type, &coro_wrapper_type, &ft_async_gen_type,
                        &wrapped_value_type, &asend_type, &athrow_type };
    for (size_t i = 0; i < FT_ARRAY_LEN(types); i++)
        if (ft_type_ready(types[i]) < 0)
            return -1;
    return 0;
}
