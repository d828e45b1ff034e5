/* Interpreter frames: the per-thread frame arena (a stack of chunks), frame set-up and
 * release, and the Python-visible frame object type `frame` (f_code, f_lineno, f_globals,
 * f_locals, f_back, f_lasti, f_builtins).
 *
 * A frame object wraps a live interpreter frame. When the interpreter frame finishes while
 * the object is still referenced (a traceback, sys._getframe()), the object takes a heap
 * copy of it (as CPython's take_ownership does) and remembers its f_back. */
#include "core/vm/frame.h"
#include <string.h>

#define CHUNK_WORDS (64 * 1024)   /* 512 KiB: ~thousands of typical frames per chunk */

FtVMState *ft_vm_state(FtThreadState *ts)
{
    if (ts->vm == NULL)
        ts->vm = ft_mem_calloc(1, sizeof(FtVMState));
    return ts->vm;
}

void ft_vm_state_free(FtThreadState *ts)
{
    FtVMState *vm = ts->vm;
    if (vm == NULL)
        return;
    while (vm->chunk) {
        FtFrameChunk *c = vm->chunk;
        vm->chunk = c->prev;
        ft_mem_free(c);
    }
    ft_mem_free(vm->spare);
    ft_mem_free(vm);
    ts->vm = NULL;
}

/* The current chunk cannot hold `words` more: move to a new (or the spare) chunk. */
static FtObject **new_chunk(FtVMState *vm, size_t words)
{
    FtFrameChunk *c = NULL;
    if (vm->spare && (size_t)(vm->spare->limit - vm->spare->data) >= words) {
        c = vm->spare;
        vm->spare = NULL;
    } else {
        size_t n = words > CHUNK_WORDS ? words : CHUNK_WORDS;
        c = ft_mem_alloc(sizeof(FtFrameChunk) + n * sizeof(FtObject *));
        if (c == NULL)
            return NULL;
        c->limit = c->data + n;
    }
    c->prev = vm->chunk;
    c->prev_top = vm->top;
    vm->chunk = c;
    return c->data;
}

static inline void frame_init(FtFrame *f, FtCode *code, int owner)
{
    f->code = (FtCode *)FT_NEWREF(code);
    f->func = NULL;
    f->globals = f->builtins = f->locals = NULL;
    f->previous = NULL;
    f->frame_obj = NULL;
    f->gen = NULL;
    f->lasti = -1;
    f->stacktop = 0;
    f->is_entry = 0;
    f->owner = (uint8_t)owner;
    f->state = FT_FRAME_CREATED;
    int n = code->nlocalsplus;
    for (int i = 0; i < n; i++)
        f->localsplus[i] = NULL;
}

FtFrame *ft_frame_push(FtThreadState *ts, FtCode *code)
{
    FtVMState *vm = ts->vm;
    if (FT_UNLIKELY(vm == NULL) && (vm = ft_vm_state(ts)) == NULL)
        return NULL;
    size_t words = FT_FRAME_WORDS(code);
    FtObject **top = vm->top;
    if (FT_UNLIKELY(vm->chunk == NULL || top + words > vm->chunk->limit)) {
        top = new_chunk(vm, words);
        if (top == NULL)
            return NULL;
    }
    vm->top = top + words;
    FtFrame *f = (FtFrame *)top;
    frame_init(f, code, FT_FRAME_OWNED_BY_THREAD);
    return f;
}

FtFrame *ft_frame_new_heap(FtCode *code)
{
    FtFrame *f = ft_mem_alloc(FT_FRAME_WORDS(code) * sizeof(FtObject *));
    if (f == NULL)
        return NULL;
    frame_init(f, code, FT_FRAME_OWNED_BY_GENERATOR);
    return f;
}

static void arena_pop(FtThreadState *ts, FtFrame *f)
{
    FtVMState *vm = ts->vm;
    FtFrameChunk *c = vm->chunk;
    if ((FtObject **)f == c->data && c->prev) {
        vm->chunk = c->prev;
        vm->top = c->prev_top;
        ft_mem_free(vm->spare);
        vm->spare = c;
    } else {
        vm->top = (FtObject **)f;
    }
}

void ft_frame_clear_refs(FtFrame *f)
{
    FtCode *co = f->code;
    if (co == NULL)
        return;
    int n = co->nlocalsplus + f->stacktop;
    for (int i = 0; i < n; i++)
        FT_CLEAR(f->localsplus[i]);
    f->stacktop = 0;
    if (f->func == NULL) {
        FT_CLEAR(f->globals);
        FT_CLEAR(f->builtins);
    }
    f->globals = f->builtins = NULL;
    FT_CLEAR(f->locals);
    FT_CLEAR(f->func);
    f->code = NULL;
    FT_DECREF(co);
}

/* The frame object outlives its interpreter frame: give it a heap copy. */
static void take_ownership(FtFrame *f, FtFrameObject *fo)
{
    FtCode *co = f->code;
    size_t words = (size_t)co->nlocalsplus + f->stacktop;
    size_t hdr = (sizeof(FtFrame) + sizeof(FtObject *) - 1) / sizeof(FtObject *);
    FtFrame *copy = ft_mem_alloc((hdr + words + 1) * sizeof(FtObject *));
    if (copy == NULL) {
        /* Out of memory: the object forgets the frame (f_code etc. become None). */
        ft_err_clear();
        fo->frame = NULL;
        ft_frame_clear_refs(f);
        return;
    }
    memcpy(copy, f, sizeof(FtFrame) + words * sizeof(FtObject *));
    copy->owner = FT_FRAME_OWNED_BY_FRAME_OBJECT;
    copy->frame_obj = NULL;   /* the object owns the frame, not the other way round */
    copy->state = FT_FRAME_COMPLETED;
    copy->gen = NULL;
    if (fo->back == NULL) {
        FtFrame *prev = f->previous;
        if (prev && prev->code)
            fo->back = ft_frame_get_object(prev);
        if (fo->back == NULL)
            ft_err_clear();
    }
    copy->previous = NULL;
    fo->frame = copy;
    /* The references moved to the copy. */
    f->code = NULL;
    f->func = f->globals = f->builtins = f->locals = NULL;
    f->stacktop = 0;
}

void ft_frame_release(FtThreadState *ts, FtFrame *f)
{
    FtFrameObject *fo = (FtFrameObject *)f->frame_obj;
    if (fo != NULL) {
        f->frame_obj = NULL;
        if (FT_REFCNT(fo) > 1) {
            FtObject *saved = ts->curexc;  /* making f_back must not clobber an error */
            ts->curexc = NULL;
            take_ownership(f, fo);
            if (ts->curexc)
                FT_CLEAR(ts->curexc);
            ts->curexc = saved;
        } else {
            fo->frame = NULL;
        }
        FT_DECREF(fo);
    }
    if (f->code)
        ft_frame_clear_refs(f);
    f->state = FT_FRAME_COMPLETED;
    if (f->owner == FT_FRAME_OWNED_BY_THREAD)
        arena_pop(ts, f);
}

int ft_frame_lineno(FtFrame *f)
{
    if (f->code == NULL)
        return -1;
    if (f->lasti < 0)   /* not started: CPython reports the def line */
        return f->code->firstlineno;
    int line = ft_code_addr2line(f->code, f->lasti);
    return line < 0 ? f->code->firstlineno : line;
}

FtObject *ft_frame_locals_dict(FtFrame *f)
{
    FtObject *d = ft_dict_new();
    if (d == NULL || f->code == NULL)
        return d;
    FtCode *co = f->code;
    for (int i = 0; i < co->nlocalsplus; i++) {
        FtObject *v = f->localsplus[i];
        uint8_t kind = co->localspluskinds[i];
        /* Cells are made when the arguments are bound, so a CELL or FREE slot holds one. */
        if (v && (kind & (FT_LOCAL_KIND_CELL | FT_LOCAL_KIND_FREE)) && ft_cell_check(v))
            v = ((FtCell *)v)->ref;
        if (v == NULL)
            continue;
        /* Class bodies do not see the free variables (__class__) as locals. */
        if ((kind & FT_LOCAL_KIND_FREE) && !(co->flags & FT_CO_OPTIMIZED))
            continue;
        if (ft_dict_set(d, FT_TUPLE_GET(co->localsplusnames, i), v) < 0) {
            FT_DECREF(d);
            return NULL;
        }
    }
    return d;
}

/* ---- the frame object ------------------------------------------------------------------ */

FtObject *ft_frame_get_object(FtFrame *f)
{
    if (f->frame_obj)
        return FT_NEWREF(f->frame_obj);
    FtFrameObject *fo = (FtFrameObject *)ft_gc_alloc(&ft_frame_type);
    if (fo == NULL)
        return NULL;
    fo->frame = f;
    f->frame_obj = (FtObject *)fo;   /* the frame's reference */
    ft_gc_track((FtObject *)fo);
    return FT_NEWREF(fo);
}

static void frameobj_clear_owned(FtFrameObject *fo)
{
    FtFrame *f = fo->frame;
    if (f && f->owner == FT_FRAME_OWNED_BY_FRAME_OBJECT) {
        fo->frame = NULL;
        ft_frame_clear_refs(f);
        ft_mem_free(f);
    }
}

static void frameobj_dealloc(FtObject *o)
{
    FtFrameObject *fo = (FtFrameObject *)o;
    ft_gc_untrack(o);
    frameobj_clear_owned(fo);
    FT_CLEAR(fo->back);
    FT_CLEAR(fo->locals_snapshot);
    ft_gc_free(o);
}

static int frameobj_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    FtFrameObject *fo = (FtFrameObject *)o;
    if (fo->back && visit(fo->back, arg))
        return -1;
    if (fo->locals_snapshot && visit(fo->locals_snapshot, arg))
        return -1;
    FtFrame *f = fo->frame;
    if (f && f->owner == FT_FRAME_OWNED_BY_FRAME_OBJECT && f->code) {
        int n = f->code->nlocalsplus + f->stacktop;
        for (int i = 0; i < n; i++)
            if (f->localsplus[i] && visit(f->localsplus[i], arg))
                return -1;
        if (f->func && visit(f->func, arg))
            return -1;
        if (f->locals && visit(f->locals, arg))
            return -1;
    }
    return 0;
}

static int frameobj_clear(FtObject *o)
{
    FtFrameObject *fo = (FtFrameObject *)o;
    FT_CLEAR(fo->back);
    FT_CLEAR(fo->locals_snapshot);
    FtFrame *f = fo->frame;
    if (f && f->owner == FT_FRAME_OWNED_BY_FRAME_OBJECT && f->code) {
        int n = f->code->nlocalsplus + f->stacktop;
        for (int i = 0; i < n; i++)
            FT_CLEAR(f->localsplus[i]);
        f->stacktop = 0;
    }
    return 0;
}

static FtFrame *live(FtObject *o)
{
    FtFrame *f = ((FtFrameObject *)o)->frame;
    return (f && f->code) ? f : NULL;
}

static FtObject *frame_get_code(FtObject *o, void *c)
{
    FtFrame *f = live(o);
    if (!f)
        FT_RETURN_NONE;
    return FT_NEWREF(f->code);
}

static FtObject *frame_get_lineno(FtObject *o, void *c)
{
    FtFrame *f = live(o);
    if (!f)
        FT_RETURN_NONE;
    return ft_int_from_i64(ft_frame_lineno(f));
}

static FtObject *frame_get_lasti(FtObject *o, void *c)
{
    FtFrame *f = live(o);
    /* Instruction index times two, in the spirit of CPython's byte offsets of 2-byte
     * code units. */
    return ft_int_from_i64(f && f->lasti >= 0 ? (int64_t)f->lasti * 2 : -1);
}

static FtObject *frame_get_globals(FtObject *o, void *c)
{
    FtFrame *f = live(o);
    if (!f || !f->globals)
        FT_RETURN_NONE;
    return FT_NEWREF(f->globals);
}

static FtObject *frame_get_builtins(FtObject *o, void *c)
{
    FtFrame *f = live(o);
    if (!f || !f->builtins)
        FT_RETURN_NONE;
    return FT_NEWREF(f->builtins);
}

static FtObject *frame_get_locals(FtObject *o, void *c)
{
    FtFrame *f = live(o);
    if (!f)
        FT_RETURN_NONE;
    if (f->locals)
        return FT_NEWREF(f->locals);
    FtObject *d = ft_frame_locals_dict(f);
    if (d == NULL)
        return NULL;
    FtFrameObject *fo = (FtFrameObject *)o;
    FT_XSETREF(fo->locals_snapshot, FT_NEWREF(d));
    return d;
}

static FtObject *frame_get_back(FtObject *o, void *c)
{
    FtFrameObject *fo = (FtFrameObject *)o;
    if (fo->back)
        return FT_NEWREF(fo->back);
    FtFrame *f = live(o);
    if (f && f->owner != FT_FRAME_OWNED_BY_FRAME_OBJECT && f->previous && f->previous->code)
        return ft_frame_get_object(f->previous);
    FT_RETURN_NONE;
}

static FtObject *frame_get_trace(FtObject *o, void *c)
{
    FT_RETURN_NONE;
}

static int frame_set_trace(FtObject *o, FtObject *v, void *c)
{
    return 0;
}

static FtObject *frame_repr(FtObject *o)
{
    FtFrame *f = live(o);
    if (!f)
        return ft_str_from_format("<frame at %p>", o);
    return ft_str_from_format("<frame at %p, file %R, line %d, code %U>", o, f->code->filename,
                              ft_frame_lineno(f), f->code->name);
}

static FtObject *frame_clear_method(FtObject *o, FtObject *unused)
{
    FtFrameObject *fo = (FtFrameObject *)o;
    FtFrame *f = fo->frame;
    if (f && f->owner != FT_FRAME_OWNED_BY_FRAME_OBJECT) {
        if (f->state == FT_FRAME_EXECUTING) {
            ft_err_set_string(ft_exc_RuntimeError, "cannot clear an executing frame");
            return NULL;
        }
        FT_RETURN_NONE;
    }
    frameobj_clear(o);
    FT_RETURN_NONE;
}

static FtGetSetDef frame_getset[] = {
    {"f_code", frame_get_code, NULL, NULL, NULL},
    {"f_lineno", frame_get_lineno, NULL, NULL, NULL},
    {"f_lasti", frame_get_lasti, NULL, NULL, NULL},
    {"f_globals", frame_get_globals, NULL, NULL, NULL},
    {"f_builtins", frame_get_builtins, NULL, NULL, NULL},
    {"f_locals", frame_get_locals, NULL, NULL, NULL},
    {"f_back", frame_get_back, NULL, NULL, NULL},
    {"f_trace", frame_get_trace, frame_set_trace, NULL, NULL},
    {NULL},
};

static FtMethodDef frame_methods[] = {
    {"clear", (void *)frame_clear_method, FT_METH_NOARGS, NULL},
    {NULL},
};

FtType ft_frame_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "frame",
    .tp_basicsize = sizeof(FtFrameObject),
    .tp_dealloc = frameobj_dealloc,
    .tp_repr = frame_repr,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = frameobj_traverse,
    .tp_clear = frameobj_clear,
    .tp_getset = frame_getset,
    .tp_methods = frame_methods,
};
