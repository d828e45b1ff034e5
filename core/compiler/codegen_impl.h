/* Internals shared by the code generator's files (codegen.c: units, statements and
 * expressions; codegen_match.c: the match statement; assemble.c: the assembler). Not for use
 * outside core/compiler/codegen*.c and assemble.c; the functions they share carry the
 * ft_cg_ prefix. */
#ifndef FT_CODEGEN_IMPL_H
#define FT_CODEGEN_IMPL_H

#include "core/compiler/codegen.h"
#include "core/compiler/compile.h"

#define STACK_USE_GUIDELINE 30

/* CPython re-raises from a cleanup handler with RERAISE n, which restores f_lasti from the
 * `lasti` the handler received, so that the frame's line is the original raise's; the eval
 * loop looks the next handler up at the RERAISE's own index (else the same handler would
 * catch the exception forever). 0 makes the compiler emit RERAISE 0 everywhere instead. */
#define RERAISE_RESTORES_LASTI 1
#define RERAISE_LASTI(n) (RERAISE_RESTORES_LASTI ? (n) : 0)
#define MAXBLOCKS 20

/* Pseudo-instructions: never reach the code object. */
enum {
    PSEUDO_SETUP_FINALLY = 256, /* handler: target, depth + exc */
    PSEUDO_SETUP_CLEANUP,       /* handler: target, depth + lasti + exc */
    PSEUDO_SETUP_WITH,          /* like SETUP_CLEANUP, for a with's __exit__ */
    PSEUDO_POP_BLOCK,           /* end of the innermost handler's range */
};

typedef struct Block Block;

typedef struct Instr {
    int op;
    int arg;
    Block *target;      /* jumps and SETUP_* */
    Block *except;      /* handler (assembler) */
    FtPosition pos;
} Instr;

typedef struct ExceptStack {
    int depth;
    Block *handlers[MAXBLOCKS + 2];
} ExceptStack;

struct Block {
    Instr *instrs;
    int n, cap;
    Block *next;            /* layout order (fall-through successor) */
    Block *list;            /* all blocks of the unit */
    int startdepth;         /* INT_MIN: not reached */
    int offset;
    ExceptStack *exstack;
    unsigned visited : 1, preserve_lasti : 1, labeled : 1;
};

enum FBlockType {
    FB_WHILE_LOOP, FB_FOR_LOOP, FB_TRY_EXCEPT, FB_FINALLY_TRY, FB_FINALLY_END, FB_WITH,
    FB_HANDLER_CLEANUP, FB_POP_VALUE, FB_EXCEPTION_HANDLER,
    FB_ASYNC_WITH
};

typedef struct FBlock {
    int type;
    Block *block, *exit;
    const void *datum;   /* FINALLY_TRY: the finally body; WITH: the stmt; HANDLER_CLEANUP:
                            the name bound by `except E as name` (or NULL) */
} FBlock;

enum { SCOPE_MODULE, SCOPE_CLASS, SCOPE_FUNCTION, SCOPE_LAMBDA, SCOPE_COMPREHENSION };

typedef struct Unit {
    FtSymEntry *ste;
    FtObject *name, *qualname;     /* owned */
    int scope_type;
    FtObject *consts;              /* list of constants */
    FtObject *const_index;         /* dict: const key -> index */
    FtObject *names;               /* dict: name -> index */
    FtObject *varnames;            /* dict: name -> index */
    FtObject *cellvars;            /* dict: name -> index */
    FtObject *freevars;            /* dict: name -> index (after the cells) */
    FtObject *private_name;        /* borrowed */
    int argcount, posonlyargcount, kwonlyargcount;
    Block *blocks, *entry, *cur;
    FBlock fblocks[MAXBLOCKS];
    int nfblocks;
    int firstlineno;
    FtPosition loc;
    struct Unit *parent;
    int is_async;                  /* an `async def` body */
} Unit;

typedef struct Compiler {
    FtSymtable *st;
    FtObject *filename;
    const char *src;
    Unit *u;
    int nestlevel;
    int interactive;
    int optimize;                  /* 0, 1 (-O), 2 (-OO) */
    int future_annotations;
    int future_lineno;             /* line of the last leading `from __future__ import` */
} Compiler;

#define RETURN_IF_ERROR(x) do { if ((x) < 0) return -1; } while (0)
#define NODE_POS(n) ((FtPosition){ (n)->lineno, (n)->end_lineno, (n)->col_offset, (n)->end_col_offset })
#define NO_POS ((FtPosition){ -1, -1, -1, -1 })
#define SET_LOC(c, n) ((c)->u->loc = NODE_POS(n))
#define UNSET_LOC(c) ((c)->u->loc = NO_POS)

static inline int is_jump_op(int op)
{
    return op < 256 && ft_opcode_argkind[op] == FT_ARG_JUMP;
}
static inline int is_block_push(int op)
{
    return op == PSEUDO_SETUP_FINALLY || op == PSEUDO_SETUP_CLEANUP || op == PSEUDO_SETUP_WITH;
}
/* Instructions after which control never falls through. */
static inline int is_terminator(int op)
{
    return op == FT_OP_JUMP || op == FT_OP_RETURN_VALUE || op == FT_OP_RETURN_CONST ||
           op == FT_OP_RAISE_VARARGS || op == FT_OP_RERAISE;
}

#define ADDOP(c, op) RETURN_IF_ERROR(ft_cg_addop(c, op, 0))
#define ADDOP_I(c, op, arg) RETURN_IF_ERROR(ft_cg_addop(c, op, arg))
#define ADDOP_JUMP(c, op, b) RETURN_IF_ERROR(ft_cg_addop_jump(c, op, b))
#define ADDOP_LOAD_CONST(c, o) RETURN_IF_ERROR(ft_cg_addop_load_const(c, o))
#define ADDOP_LOAD_CONST_NEW(c, o) RETURN_IF_ERROR(ft_cg_addop_load_const_new(c, o))

/* codegen.c */
int ft_cg_error(Compiler *c, const char *msg);              /* SyntaxError at c->u->loc */
int ft_cg_error_fmt(Compiler *c, const char *fmt, FtObject *arg);
Block *ft_cg_new_block(Compiler *c);
void ft_cg_use_next_block(Compiler *c, Block *b);
int ft_cg_addop(Compiler *c, int op, int arg);
int ft_cg_addop_jump(Compiler *c, int op, Block *target);
int ft_cg_add_const(Compiler *c, FtObject *o);               /* index in co_consts */
int ft_cg_addop_load_const(Compiler *c, FtObject *o);
int ft_cg_addop_load_const_new(Compiler *c, FtObject *o);    /* steals o */
int ft_cg_visit_expr(Compiler *c, expr_ty e);
int ft_cg_visit_stmts(Compiler *c, asdl_stmt_seq *seq);
int ft_cg_nameop(Compiler *c, FtObject *name, expr_context_ty ctx);
int ft_cg_jump_if(Compiler *c, expr_ty e, Block *next, int cond);
int ft_cg_is_const(expr_ty e);
/* codegen_match.c */
int ft_cg_match(Compiler *c, stmt_ty s);
/* assemble.c: the code object of the current unit (implicit `return None` if add_none) */
FtObject *ft_cg_assemble(Compiler *c, int add_none);

#endif
