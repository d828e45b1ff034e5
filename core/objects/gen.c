/* Generators (`generator`): send / throw / close, iteration, gi_* attributes.
 *
 * A generator owns a heap interpreter frame (core/vm/frame.h) and its own handled-exception
 * state, pushed on the thread's exc_info chain while it runs. Each resumption re-enters the
 * eval loop with the generator frame as the entry frame. YIELD_FROM follows CPython 3.10:
 * a generator suspended inside `yield from` has the sub-iterator on top of its value stack,
 * and throw()/close() are delegated to it first. */
#include "core/vm/frame.h"
#include <stddef.h>

typedef struct FtGen {
    FtObject ob_base;
    FtFrame *frame;           /* owned heap frame; NULL once freed */
    FtObject *code;           /* gi_code, kept after the frame is cleared */
    FtObject *name, *qualname;
    FtExcInfo exc_state;
    FtObject *weakreflist;
} FtGen;

enum { GEN_NEXT = 0, GEN_RETURN = 1, GEN_ERROR = -1 };

FtObject *ft_gen_new(FtFrame *f, FtObject *name, FtObject *qualname)
{
    FtGen *g = (FtGen *)ft_gc_alloc(&ft_gen_type);
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

static int gen_send_ex2(FtGen *gen, FtObject *arg, FtObject **presult, int exc, int closing)
{
    FtThreadState *ts = ft_tstate_get();
    FtFrame *f = gen->frame;
    int state = gen_state(gen);
    *presult = NULL;
    if (state == FT_FRAME_CREATED && arg && arg != FT_NONE && !exc) {
        ft_err_set_string(ft_exc_TypeError,
                          "can't send non-None value to a just-started generator");
        return GEN_ERROR;
    }
    if (state == FT_FRAME_EXECUTING) {
        ft_err_set_string(ft_exc_ValueError, "generator already executing");
        return GEN_ERROR;
    }
    if (state >= FT_FRAME_COMPLETED) {
        if (arg && !exc) {
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
        if (ft_err_matches(ft_exc_StopIteration))
            raise_from_cause("generator raised StopIteration");
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
        if (result == FT_NONE)
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
    if (ft_gen_check(yf)) {
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
        ft_err_set_string(ft_exc_RuntimeError, "generator ignored GeneratorExit");
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
        if (ft_gen_check(yf)) {
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

static void gen_dealloc(FtObject *o)
{
    FtGen *gen = (FtGen *)o;
    ft_gc_untrack(o);
    if (gen->frame && gen->frame->state == FT_FRAME_SUSPENDED) {
        /* Run the generator's finally blocks: close() it, resurrecting it meanwhile. */
        FtThreadState *ts = ft_tstate_get();
        FT_INCREF(o);
        FtObject *saved = ts->curexc;
        ts->curexc = NULL;
        FtObject *res = gen_close(o, NULL);
        if (res == NULL)
            ft_err_write_unraisable(o);
        else
            FT_DECREF(res);
        if (ts->curexc)
            FT_CLEAR(ts->curexc);
        ts->curexc = saved;
        if (FT_REFCNT(o) > 1) {
            /* Someone kept a reference during close(): it lives on. */
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
    ft_gc_free(o);
}

static int gen_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FtGen *gen = (FtGen *)o;
    FtObject *refs[] = { gen->code, gen->name, gen->qualname, gen->exc_state.exc_value };
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
    .tp_weaklistoffset = offsetof(FtGen, weakreflist),
    .tp_iter = gen_iter,
    .tp_iternext = gen_iternext,
    .tp_methods = gen_methods,
    .tp_getset = gen_getset,
};
