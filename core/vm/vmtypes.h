/* The VM's object types: code, function, bound method, cell, generator, frame and traceback
 * objects, and the VM entry points other files call. Included by core/types.h. */
#ifndef FT_VMTYPES_H
#define FT_VMTYPES_H

#ifndef FT_OBJECT_H
#error "include core/object.h instead"
#endif

struct FtFrame; /* core/vm/frame.h */

/* ---- opcodes (core/vm/opcodes.def) ------------------------------------------------------- */
enum {
#define OP(name, kind, effect, jeffect) FT_OP_##name,
#include "core/vm/opcodes.def"
#undef OP
    FT_OP_COUNT
};
typedef uint32_t ft_instr;
#define FT_INSTR(op, arg) ((ft_instr)(op) | ((ft_instr)(arg) << 8))
#define FT_INSTR_OP(i) ((i) & 0xFF)
#define FT_INSTR_ARG(i) ((i) >> 8)
#define FT_INSTR_MAX_ARG 0xFFFFFF
enum {
    FT_ARG_NONE, FT_ARG_CONST, FT_ARG_NAME, FT_ARG_LOCAL, FT_ARG_FREE, FT_ARG_JUMP,
    FT_ARG_COUNT, FT_ARG_CMP, FT_ARG_BINOP, FT_ARG_FLAGS
};
extern const char *const ft_opcode_names[FT_OP_COUNT];
extern const uint8_t ft_opcode_argkind[FT_OP_COUNT];
int ft_opcode_stack_effect(int op, int arg, int jump);  /* jump: effect when the jump is taken */

/* ---- code.c: code objects ------------------------------------------------------------- */
/* Source position of one instruction: lines 1-based, columns 0-based UTF-8 byte offsets as
 * in CPython's co_positions(); -1 when unknown. */
typedef struct FtPosition {
    int32_t line, end_line;
    int32_t col, end_col;
} FtPosition;

/* One exception-table entry: an exception raised by an instruction in [start, end) pops the
 * value stack down to `depth`, pushes the instruction index of the raiser as an int if
 * `lasti`, pushes the exception and jumps to `target`. Entries do not overlap. */
typedef struct FtExcEntry {
    uint32_t start, end, target;
    uint16_t depth;
    uint16_t lasti;
} FtExcEntry;

/* co_flags (CPython's values) */
enum {
    FT_CO_OPTIMIZED = 0x0001, FT_CO_NEWLOCALS = 0x0002, FT_CO_VARARGS = 0x0004,
    FT_CO_VARKEYWORDS = 0x0008, FT_CO_NESTED = 0x0010, FT_CO_GENERATOR = 0x0020,
    FT_CO_NOFREE = 0x0040, FT_CO_COROUTINE = 0x0080, FT_CO_ITERABLE_COROUTINE = 0x0100,
    FT_CO_ASYNC_GENERATOR = 0x0200,
};
/* Kinds of the localsplus slots (a parameter captured by an inner function is LOCAL|CELL). */
enum { FT_LOCAL_KIND_LOCAL = 0x20, FT_LOCAL_KIND_CELL = 0x40, FT_LOCAL_KIND_FREE = 0x80 };

typedef struct FtCode {
    FtObject ob_base;
    int argcount, posonlyargcount, kwonlyargcount;
    int flags;                    /* FT_CO_* */
    int nlocalsplus;              /* all slots: locals (args first), cells, frees */
    int nlocals;                  /* slots that are plain locals or args (incl. arg cells) */
    int ncells, nfrees;
    int stacksize;
    int firstlineno;
    int ninstrs;
    ft_instr *instrs;             /* owned */
    FtPosition *positions;        /* owned, one per instruction */
    int nexc;
    FtExcEntry *exctable;         /* owned, sorted by start */
    FtObject *consts;             /* tuple */
    FtObject *names;              /* tuple of str: globals, attributes, imports */
    FtObject *localsplusnames;    /* tuple of str, one per slot */
    uint8_t *localspluskinds;     /* owned, one per slot */
    FtObject *filename, *name, *qualname;  /* str */
    void *vm_cache;               /* the eval loop's per-instruction caches (lazily made) */
    FtObject *weakreflist;
} FtCode;
extern FtType ft_code_type;
#define ft_code_check(o) (FT_TYPE(o) == &ft_code_type)
/* Steals nothing: increfs the object arguments, copies the arrays. */
FtObject *ft_code_new(int argcount, int posonlyargcount, int kwonlyargcount, int flags,
                      int stacksize, int firstlineno, const ft_instr *instrs,
                      const FtPosition *positions, int ninstrs, const FtExcEntry *exctable,
                      int nexc, FtObject *consts, FtObject *names, FtObject *localsplusnames,
                      const uint8_t *localspluskinds, FtObject *filename, FtObject *name,
                      FtObject *qualname);
int ft_code_addr2line(FtCode *co, int instr_index);   /* -1 when unknown */

/* ---- function.c: functions, bound methods, cells ------------------------------------- */
typedef struct FtFunction {
    FtObject ob_base;
    FtObject *code;        /* FtCode */
    FtObject *globals;     /* dict */
    FtObject *builtins;    /* dict */
    FtObject *name, *qualname;
    FtObject *defaults;    /* tuple or NULL */
    FtObject *kwdefaults;  /* dict or NULL */
    FtObject *closure;     /* tuple of cells or NULL */
    FtObject *doc, *dict, *module, *annotations;
    FtObject *weakreflist;
    ft_vectorcallfunc vectorcall;
} FtFunction;
typedef struct FtMethod {
    FtObject ob_base;
    FtObject *func, *self;
    FtObject *weakreflist;
} FtMethod;
typedef struct FtCell {
    FtObject ob_base;
    FtObject *ref;         /* NULL: empty */
} FtCell;
extern FtType ft_function_type, ft_method_type, ft_cell_type;
#define ft_function_check(o) (FT_TYPE(o) == &ft_function_type)
#define ft_method_check(o) (FT_TYPE(o) == &ft_method_type)
#define ft_cell_check(o) (FT_TYPE(o) == &ft_cell_type)
FtObject *ft_function_new(FtObject *code, FtObject *globals);
FtObject *ft_method_new(FtObject *func, FtObject *self);
FtObject *ft_cell_new(FtObject *value);   /* value may be NULL */

/* ---- gen.c: generators ------------------------------------------------------------------- */
extern FtType ft_gen_type;
#define ft_gen_check(o) (FT_TYPE(o) == &ft_gen_type)
/* Send v into a generator: 0 = it yielded (*result), 1 = it returned (*result, the return
 * value), -1 = it raised. Used by YIELD_FROM and for loops over generators. */
int ft_gen_send_ex(FtObject *gen, FtObject *v, FtObject **result);
/* Coroutines (`coroutine`) and asynchronous generators (`async_generator`) share the
 * generator's layout; ft_gen_send_ex accepts coroutines too. */
extern FtType ft_coro_type, ft_async_gen_type;
#define ft_coro_check(o) (FT_TYPE(o) == &ft_coro_type)
#define ft_async_gen_check(o) (FT_TYPE(o) == &ft_async_gen_type)
/* The instructions' helpers (CPython 3.11 semantics and messages), all returning new refs:
 * GET_AWAITABLE (where: 0, or 1 / 2 for __aenter__ / __aexit__), GET_AITER, GET_ANEXT,
 * ASYNC_GEN_WRAP. */
FtObject *ft_gen_get_awaitable(FtObject *o, int where);
FtObject *ft_gen_get_aiter(FtObject *o);
FtObject *ft_gen_get_anext(FtObject *aiter);
FtObject *ft_gen_async_wrap(FtObject *v);
/* GET_YIELD_FROM_ITER's rule for coroutines: 1 when `yield from coro` is allowed in a frame
 * running `code` (an iterable or async coroutine), 0 otherwise with TypeError set. */
int ft_gen_yield_from_coro_ok(FtCode *code);
int ft_gen_types_init(void);   /* readies the coroutine types (from ft_vm_types_init) */
/* anext.c: the awaitable of anext(aiterator, default), turning StopAsyncIteration from the
 * awaitable __anext__() returned into StopIteration(default). Readied by the builtins module. */
extern FtType ft_anext_awaitable_type;
FtObject *ft_anext_awaitable_new(FtObject *awaitable, FtObject *default_value);
/* sys.set_asyncgen_hooks / get_asyncgen_hooks storage (per thread; NULL = None). Set
 * increfs its arguments; get returns BORROWED references. For the sys module. */
int ft_gen_set_asyncgen_hooks(FtObject *firstiter, FtObject *finalizer);
void ft_gen_get_asyncgen_hooks(FtObject **firstiter, FtObject **finalizer);

/* ---- frame.c, traceback.c: Python-visible frames and tracebacks ------------------------ */
extern FtType ft_frame_type, ft_traceback_type;
typedef struct FtTraceback {
    FtObject ob_base;
    FtObject *next;        /* tb_next or NULL */
    FtObject *frame;       /* frame object */
    int lasti;             /* instruction index */
    int lineno;
} FtTraceback;
/* Add an entry for the current frame to the traceback of exc (eval loop, on unwind). */
int ft_traceback_add_frame(FtObject *exc, struct FtFrame *frame, int lasti);

/* ---- eval.c: running code ----------------------------------------------------------------- */
/* Run a module, exec() or eval() body: code with these globals and locals (locals may be
 * the globals dict). "__builtins__" is set in globals when missing. */
FtObject *ft_eval_code(FtObject *code, FtObject *globals, FtObject *locals);
/* __build_class__: run the class body function with `ns` as its locals; returns what the
 * body returns (the __class__ cell, or None). */
FtObject *ft_eval_class_body(FtObject *func, FtObject *ns);
/* Call a Python function (vectorcall convention); what function.tp_vectorcall uses. */
FtObject *ft_function_vectorcall(FtObject *func, FtObject *const *args, size_t nargsf,
                                 FtObject *kwnames);
/* The innermost running Python frame's globals, builtins (BORROWED, NULL if none) and
 * locals (new ref: the dict of a module/class frame, a snapshot dict for a function). */
FtObject *ft_vm_globals(void);
FtObject *ft_vm_builtins(void);
FtObject *ft_vm_locals(void);
/* Zero-argument super(): the __class__ cell and first argument of the calling frame
 * (BORROWED references: the frame keeps them alive). */
int ft_vm_super_args(FtType **type, FtObject **obj);
FtObject *ft_vm_getframe(int depth);     /* sys._getframe(depth): frame object, new ref */
int ft_vm_types_init(void);              /* readies code, function, method, cell, gen, frame,
                                            traceback types */
/* Hook run at a yield point when LK_BREAK_SIGNAL or LK_BREAK_ASYNC_EXC is set (after
 * lk_yield): run pending signal handlers, raise an asynchronous exception. Returns -1 with
 * an exception set to raise it in the running frame. `ts` is the FtThreadState. NULL: none. */
extern int (*ft_vm_pending_hook)(void *ts);

#endif
