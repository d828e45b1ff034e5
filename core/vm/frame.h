/* Interpreter frames (the eval loop's activation records), the per-thread frame arena they
 * are carved from, and the Python-visible frame objects (`frame`) that wrap them.
 *
 * An FtFrame is a header followed by `localsplus`: the code's locals (arguments first),
 * cells and free variables, then the value stack. Frames of ordinary calls live in a stack
 * of chunks owned by the thread (FtVMState.chunk); a generator owns a heap frame; a frame
 * object whose interpreter frame finished takes a heap copy of it ("owned by the frame
 * object"), so tracebacks and sys._getframe() results stay valid.
 *
 * Internal to the VM (eval.c, frame.c, gen.c, traceback.c, function.c). */
#ifndef FT_VM_FRAME_H
#define FT_VM_FRAME_H

#include "runtime/tstate.h"

enum {
    FT_FRAME_OWNED_BY_THREAD = 0,    /* in the thread's arena */
    FT_FRAME_OWNED_BY_GENERATOR = 1, /* in a generator's heap block */
    FT_FRAME_OWNED_BY_FRAME_OBJECT = 2,
};
enum {
    FT_FRAME_CREATED = 0,    /* not started (generators) */
    FT_FRAME_SUSPENDED = 1,  /* a generator at a yield */
    FT_FRAME_EXECUTING = 2,
    FT_FRAME_COMPLETED = 3,
};

typedef struct FtFrame {
    FtCode *code;                /* strong */
    FtObject *func;              /* strong; NULL for module / exec code */
    FtObject *globals;           /* borrowed from func, strong when func is NULL */
    FtObject *builtins;          /* idem */
    FtObject *locals;            /* strong: the locals mapping of module/class frames, or NULL */
    struct FtFrame *previous;    /* the caller (NULL for a suspended generator) */
    FtObject *frame_obj;         /* strong: the frame object, made on demand */
    FtObject *gen;               /* borrowed: the generator owning this frame, or NULL */
    int lasti;                   /* index of the last instruction started (-1 before) */
    int stacktop;                /* value-stack depth while not executing */
    uint8_t is_entry;            /* returning from it returns from the C call of the loop */
    uint8_t owner;               /* FT_FRAME_OWNED_BY_* */
    uint8_t state;               /* FT_FRAME_* */
    FtObject *localsplus[];      /* nlocalsplus slots, then stacksize slots */
} FtFrame;

#define FT_FRAME_STACK_BASE(f) ((f)->localsplus + (f)->code->nlocalsplus)
/* Words (pointers) a frame for `co` occupies. */
#define FT_FRAME_WORDS(co) \
    ((sizeof(FtFrame) + sizeof(FtObject *) - 1) / sizeof(FtObject *) + (size_t)(co)->nlocalsplus + \
     (size_t)(co)->stacksize + 1)

/* One chunk of the per-thread frame arena. */
typedef struct FtFrameChunk {
    struct FtFrameChunk *prev;
    FtObject **prev_top;         /* the previous chunk's top when this one was entered */
    FtObject **limit;
    FtObject *data[];
} FtFrameChunk;

/* The VM's per-thread data (FtThreadState.vm). */
typedef struct FtVMState {
    FtFrameChunk *chunk;         /* current chunk */
    FtObject **top;              /* first free word in it */
    FtFrameChunk *spare;         /* one emptied chunk kept to avoid malloc churn */
} FtVMState;

/* The frame object. `frame` points at the live interpreter frame, or at `owned` data
 * once the frame finished while this object was still referenced. */
typedef struct FtFrameObject {
    FtObject ob_base;
    FtFrame *frame;
    FtObject *back;              /* f_back captured when the frame finished, or NULL */
    FtObject *locals_snapshot;   /* f_locals of a function frame (refreshed on access) */
    int lineno_cache;
} FtFrameObject;

/* Arena. Push returns a frame whose header fields are zeroed except code (increfed) and
 * whose localsplus are NULL; NULL + MemoryError on failure. */
FtFrame *ft_frame_push(FtThreadState *ts, FtCode *code);
/* Release a frame's references (locals, stack up to stacktop, func, code, ...) and, for an
 * arena frame, pop it from the arena (it must be the top one); a generator's frame keeps
 * its storage (the generator frees it). If a frame object still refers to the frame, the
 * object takes over a heap copy instead. */
void ft_frame_release(FtThreadState *ts, FtFrame *f);
/* Clear the references held by a frame (locals, stack, func, globals...) without freeing
 * its storage. Used by ft_frame_release and by generators. */
void ft_frame_clear_refs(FtFrame *f);
/* Heap frame for a generator: same layout, allocated with ft_mem_alloc. */
FtFrame *ft_frame_new_heap(FtCode *code);
/* The frame object for f (made on first use): new reference. */
FtObject *ft_frame_get_object(FtFrame *f);
/* Current line of a frame. */
int ft_frame_lineno(FtFrame *f);
/* Snapshot of the locals of a function frame: new dict. */
FtObject *ft_frame_locals_dict(FtFrame *f);
/* Per-thread VM state: created on first use. */
FtVMState *ft_vm_state(FtThreadState *ts);
void ft_vm_state_free(FtThreadState *ts);

/* eval.c internals shared with gen.c and function.c */
/* Run frame f (already set up, not yet linked) until it returns or (generator) yields.
 * throwflag: an exception is set on the thread and must be raised at f's lasti. */
FtObject *ft_eval_frame(FtThreadState *ts, FtFrame *f, int throwflag);
/* Bind arguments of func into the localsplus of f. The args are NEW references that this
 * function consumes (also on failure). Returns 0 / -1. */
int ft_bind_args(FtThreadState *ts, FtFunction *func, FtFrame *f, FtObject **args,
                 ssize_t nargs, FtObject *kwnames);
/* gen.c: a generator owning frame f (steals the frame). */
FtObject *ft_gen_new(FtFrame *f, FtObject *name, FtObject *qualname);

#endif
