/* The assembler of the code generator: a unit's graph of basic blocks to a code object
 * (exact stack depth, exception table from the SETUP_* / POP_BLOCK pseudo-instructions,
 * dead code and pseudo-instruction removal, layout, absolute jumps, localsplus layout), and
 * the FTPY_DUMP_CODE dump. */
#include "core/compiler/codegen_impl.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* ---- the assembler ---------------------------------------------------------------------- */

static int instr_stack_effect(Instr *in, int jump)
{
    switch (in->op) {
    case PSEUDO_SETUP_FINALLY: return jump ? 1 : 0;
    case PSEUDO_SETUP_CLEANUP: return jump ? 2 : 0;
    case PSEUDO_SETUP_WITH: return jump ? 1 : 0;
    case PSEUDO_POP_BLOCK: return 0;
    default: return ft_opcode_stack_effect(in->op, in->arg, jump);
    }
}

/* Exact maximum stack depth over the graph; marks reachable blocks (startdepth set). */
static int stackdepth(Unit *u)
{
    int nblocks = 0;
    for (Block *b = u->blocks; b; b = b->list)
        nblocks++;
    Block **stack = ft_mem_alloc(sizeof(Block *) * (nblocks + 1));
    if (stack == NULL)
        return -1;
    int sp = 0, maxdepth = 0;
    u->entry->startdepth = 0;
    stack[sp++] = u->entry;
#define PUSH_BLOCK(b, d)                          \
    do {                                          \
        if ((b)->startdepth == INT_MIN) {         \
            (b)->startdepth = (d);                \
            stack[sp++] = (b);                    \
        }                                         \
    } while (0)
    while (sp > 0) {
        Block *b = stack[--sp];
        int depth = b->startdepth;
        Block *next = b->next;
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            int new_depth = depth + instr_stack_effect(in, 0);
            if (new_depth > maxdepth)
                maxdepth = new_depth;
            if (in->target) {
                int target_depth = depth + instr_stack_effect(in, 1);
                if (target_depth > maxdepth)
                    maxdepth = target_depth;
                PUSH_BLOCK(in->target, target_depth);
            }
            depth = new_depth;
            if (is_terminator(in->op)) {
                next = NULL;
                break;
            }
        }
        if (next != NULL)
            PUSH_BLOCK(next, depth);
    }
#undef PUSH_BLOCK
    ft_mem_free(stack);
    return maxdepth;
}

static ExceptStack *copy_except_stack(ExceptStack *s)
{
    ExceptStack *copy = ft_mem_alloc(sizeof(ExceptStack));
    if (copy)
        memcpy(copy, s, sizeof(ExceptStack));
    return copy;
}

/* Give every instruction its exception handler (CPython's label_exception_targets). */
static int label_exception_targets(Unit *u)
{
    int nblocks = 0;
    for (Block *b = u->blocks; b; b = b->list)
        nblocks++;
    Block **todo = ft_mem_alloc(sizeof(Block *) * (nblocks + 1));
    ExceptStack *first = ft_mem_calloc(1, sizeof(ExceptStack));
    if (todo == NULL || first == NULL) {
        ft_mem_free(todo);
        ft_mem_free(first);
        return -1;
    }
    int sp = 0;
    u->entry->exstack = first;
    u->entry->labeled = 1;
    todo[sp++] = u->entry;
    while (sp > 0) {
        Block *b = todo[--sp];
        ExceptStack *es = b->exstack;
        b->exstack = NULL;
        Block *handler = es->depth ? es->handlers[es->depth - 1] : NULL;
        int falls_through = 1;
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            if (is_block_push(in->op)) {
                if (!in->target->labeled) {
                    ExceptStack *copy = copy_except_stack(es);
                    if (copy == NULL)
                        goto error;
                    in->target->exstack = copy;
                    in->target->labeled = 1;
                    todo[sp++] = in->target;
                }
                if (in->op != PSEUDO_SETUP_FINALLY)
                    in->target->preserve_lasti = 1;
                es->handlers[es->depth++] = in->target;
                handler = in->target;
            } else if (in->op == PSEUDO_POP_BLOCK) {
                if (es->depth > 0)
                    es->depth--;
                handler = es->depth ? es->handlers[es->depth - 1] : NULL;
            } else if (in->target) {
                in->except = handler;
                if (!in->target->labeled) {
                    ExceptStack *copy = copy_except_stack(es);
                    if (copy == NULL)
                        goto error;
                    in->target->exstack = copy;
                    in->target->labeled = 1;
                    todo[sp++] = in->target;
                }
            } else {
                in->except = handler;
            }
            if (is_terminator(in->op)) {
                falls_through = 0;
                break;
            }
        }
        if (falls_through && b->next && !b->next->labeled) {
            b->next->exstack = es;
            b->next->labeled = 1;
            todo[sp++] = b->next;
        } else {
            ft_mem_free(es);
        }
    }
    ft_mem_free(todo);
    return 0;
error:
    ft_mem_free(todo);
    return -1;
}

/* The first block at or after b (in layout) that emits an instruction. */
static Block *next_nonempty(Block *b)
{
    while (b && (b->startdepth == INT_MIN || b->n == 0))
        b = b->next;
    return b;
}

/* Drop pseudo-instructions and NOPs; drop a JUMP to the block that follows. */
static void clean_blocks(Unit *u)
{
    for (Block *b = u->entry; b; b = b->next) {
        if (b->startdepth == INT_MIN) {
            b->n = 0;
            continue;
        }
        int k = 0;
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            if (in->op >= 256 || in->op == FT_OP_NOP)
                continue;
            b->instrs[k++] = *in;
        }
        b->n = k;
    }
    /* thread jumps to unconditional jumps (a few hops: `while True: pass` jumps to
     * itself) */
    for (Block *b = u->entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++) {
            Instr *in = &b->instrs[i];
            if (!in->target || is_block_push(in->op))
                continue;
            for (int hops = 0; hops < 4; hops++) {
                Block *t = next_nonempty(in->target);
                if (t == NULL || t->instrs[0].op != FT_OP_JUMP || t->instrs[0].target == in->target)
                    break;
                in->target = t->instrs[0].target;
            }
            /* a jump to `return <const>` returns right away (CPython duplicates such small
             * exit blocks too) */
            Block *t = in->op == FT_OP_JUMP ? next_nonempty(in->target) : NULL;
            if (t && t->instrs[0].op == FT_OP_RETURN_CONST) {
                in->op = FT_OP_RETURN_CONST;
                in->arg = t->instrs[0].arg;
                in->target = NULL;
            }
        }
    }
    for (Block *b = u->entry; b; b = b->next) {
        if (b->n == 0)
            continue;
        Instr *last = &b->instrs[b->n - 1];
        if (last->op == FT_OP_JUMP && next_nonempty(b->next) == next_nonempty(last->target))
            b->n--;
    }
}

static FtObject *dict_keys_tuple(FtObject *dict)
{
    FtObject *l = ft_dict_keys_list(dict);
    if (l == NULL)
        return NULL;
    FtObject *t = ft_list_as_tuple(l);
    FT_DECREF(l);
    return t;
}

static int compute_flags(Unit *u)
{
    FtSymEntry *ste = u->ste;
    int flags = 0;
    if (ste->type == FT_BLOCK_FUNCTION) {
        flags |= FT_CO_NEWLOCALS | FT_CO_OPTIMIZED;
        if (ste->nested)
            flags |= FT_CO_NESTED;
        if (ste->generator && !ste->coroutine)
            flags |= FT_CO_GENERATOR;
        if (!ste->generator && ste->coroutine)
            flags |= FT_CO_COROUTINE;
        if (ste->generator && ste->coroutine)
            flags |= FT_CO_ASYNC_GENERATOR;
        if (ste->varargs)
            flags |= FT_CO_VARARGS;
        if (ste->varkeywords)
            flags |= FT_CO_VARKEYWORDS;
    }
    return flags;
}

FtObject *ft_cg_assemble(Compiler *c, int add_none)
{
    Unit *u = c->u;
    FtObject *co = NULL, *consts = NULL, *names = NULL, *lpnames = NULL;
    ft_instr *code = NULL;
    FtPosition *positions = NULL;
    FtExcEntry *exc = NULL;
    uint8_t *kinds = NULL;
    int *cellmap = NULL;
    FtObject **slotnames = NULL;

    if (add_none) {
        Block *b = u->cur;
        if (b->n == 0 || !is_terminator(b->instrs[b->n - 1].op)) {
            UNSET_LOC(c);
            int i = ft_cg_add_const(c, FT_NONE);
            if (i < 0 || ft_cg_addop(c, FT_OP_RETURN_CONST, i) < 0)
                return NULL;
        }
    }
    int maxdepth = stackdepth(u);
    if (maxdepth < 0 || label_exception_targets(u) < 0)
        return NULL;
    clean_blocks(u);

    /* localsplus: varnames (args first), then cells that are not arguments, then frees */
    int nvar = (int)ft_dict_size(u->varnames);
    int ncells = (int)ft_dict_size(u->cellvars), nfree = (int)ft_dict_size(u->freevars);
    FtObject *cellnames = dict_keys_tuple(u->cellvars);
    FtObject *freenames = dict_keys_tuple(u->freevars);
    FtObject *varnames = dict_keys_tuple(u->varnames);
    cellmap = ft_mem_alloc(sizeof(int) * (ncells + nfree + 1));
    kinds = ft_mem_alloc(nvar + ncells + nfree + 1);
    slotnames = ft_mem_alloc(sizeof(FtObject *) * (nvar + ncells + nfree + 1));
    if (!cellnames || !freenames || !varnames || !cellmap || !kinds || !slotnames)
        goto done;
    int nslots = nvar;
    for (int i = 0; i < nvar; i++)
        kinds[i] = FT_LOCAL_KIND_LOCAL;
    for (int i = 0; i < nvar; i++)
        slotnames[i] = FT_TUPLE_GET(varnames, i);
    for (int i = 0; i < ncells; i++) {
        FtObject *name = FT_TUPLE_GET(cellnames, i);
        FtObject *v = ft_dict_get(u->varnames, name);
        if (v) {
            int slot = (int)ft_int_compact_value(v);
            cellmap[i] = slot;
            kinds[slot] |= FT_LOCAL_KIND_CELL;
        } else {
            cellmap[i] = nslots;
            kinds[nslots] = FT_LOCAL_KIND_CELL;
            slotnames[nslots++] = name;
        }
    }
    for (int i = 0; i < nfree; i++) {
        cellmap[ncells + i] = nslots;
        kinds[nslots] = FT_LOCAL_KIND_FREE;
        slotnames[nslots++] = FT_TUPLE_GET(freenames, i);
    }
    lpnames = ft_tuple_from_array(slotnames, nslots);
    if (lpnames == NULL)
        goto done;

    /* layout */
    int ninstrs = 0;
    for (Block *b = u->entry; b; b = b->next) {
        b->offset = ninstrs;
        ninstrs += b->n;
    }
    code = ft_mem_alloc(sizeof(ft_instr) * (ninstrs + 1));
    positions = ft_mem_alloc(sizeof(FtPosition) * (ninstrs + 1));
    exc = ft_mem_alloc(sizeof(FtExcEntry) * (ninstrs + 1));
    if (!code || !positions || !exc)
        goto done;
    int k = 0, nexc = 0;
    Block *cur_handler = NULL;
    FtPosition prev = { u->firstlineno, u->firstlineno, -1, -1 };
    for (Block *b = u->entry; b; b = b->next) {
        for (int i = 0; i < b->n; i++, k++) {
            Instr *in = &b->instrs[i];
            int arg = in->arg;
            if (in->target)
                arg = in->target->offset;
            else if (ft_opcode_argkind[in->op] == FT_ARG_FREE)
                arg = cellmap[arg];
            code[k] = FT_INSTR(in->op, arg);
            /* artificial instructions take the position of the one before */
            if (in->pos.line < 0)
                in->pos = prev;
            positions[k] = in->pos;
            prev = in->pos;
            if (in->except != cur_handler) {
                if (cur_handler)
                    exc[nexc - 1].end = k;
                if (in->except) {
                    Block *h = in->except;
                    exc[nexc++] = (FtExcEntry){ (uint32_t)k, 0, 0,
                                                (uint16_t)(h->startdepth - 1 - h->preserve_lasti),
                                                (uint16_t)h->preserve_lasti };
                }
                cur_handler = in->except;
            }
        }
    }
    if (cur_handler)
        exc[nexc - 1].end = k;
    /* handler targets are known only now that every block has its offset */
    {
        int e = 0;
        cur_handler = NULL;
        k = 0;
        for (Block *b = u->entry; b; b = b->next)
            for (int i = 0; i < b->n; i++, k++) {
                Instr *in = &b->instrs[i];
                if (in->except != cur_handler) {
                    if (in->except)
                        exc[e++].target = in->except->offset;
                    cur_handler = in->except;
                }
            }
    }

    consts = ft_list_as_tuple(u->consts);
    names = dict_keys_tuple(u->names);
    if (consts == NULL || names == NULL)
        goto done;
    int argcount = u->argcount + u->posonlyargcount;
    co = ft_code_new(argcount, u->posonlyargcount, u->kwonlyargcount, compute_flags(u),
                     maxdepth, u->firstlineno, code, positions, ninstrs, exc, nexc, consts,
                     names, lpnames, kinds, c->filename, u->name, u->qualname);
    if (co && getenv("FTPY_DUMP_CODE"))
        ft_codegen_dump(co);
done:
    FT_XDECREF(cellnames);
    FT_XDECREF(freenames);
    FT_XDECREF(varnames);
    FT_XDECREF(consts);
    FT_XDECREF(names);
    FT_XDECREF(lpnames);
    ft_mem_free(code);
    ft_mem_free(positions);
    ft_mem_free(exc);
    ft_mem_free(kinds);
    ft_mem_free(cellmap);
    ft_mem_free(slotnames);
    return co;
}

/* ---- the dump (FTPY_DUMP_CODE) ----------------------------------------------------------- */

void ft_codegen_dump(FtObject *o)
{
    FtCode *co = (FtCode *)o;
    fprintf(stderr, "== code %s (%s, line %d): argcount %d, flags 0x%x, stacksize %d\n",
            ft_str_as_utf8(co->qualname), ft_str_as_utf8(co->filename), co->firstlineno,
            co->argcount, co->flags, co->stacksize);
    for (int i = 0; i < co->nlocalsplus; i++)
        fprintf(stderr, "   slot %d: %s%s%s%s\n", i,
                ft_str_as_utf8(FT_TUPLE_GET(co->localsplusnames, i)),
                (co->localspluskinds[i] & FT_LOCAL_KIND_LOCAL) ? " local" : "",
                (co->localspluskinds[i] & FT_LOCAL_KIND_CELL) ? " cell" : "",
                (co->localspluskinds[i] & FT_LOCAL_KIND_FREE) ? " free" : "");
    for (int i = 0; i < co->ninstrs; i++) {
        int op = FT_INSTR_OP(co->instrs[i]), arg = (int)FT_INSTR_ARG(co->instrs[i]);
        FtPosition p = co->positions[i];
        fprintf(stderr, "  %4d  %-22s", i, ft_opcode_names[op]);
        int kind = ft_opcode_argkind[op];
        if (kind != FT_ARG_NONE)
            fprintf(stderr, " %5d", arg);
        else
            fprintf(stderr, "      ");
        FtObject *r = NULL;
        if (kind == FT_ARG_CONST && arg < FT_SIZE(co->consts))
            r = ft_object_repr(FT_TUPLE_GET(co->consts, arg));
        else if (kind == FT_ARG_NAME && arg < FT_SIZE(co->names))
            r = FT_NEWREF(FT_TUPLE_GET(co->names, arg));
        else if ((kind == FT_ARG_LOCAL || kind == FT_ARG_FREE) && arg < co->nlocalsplus)
            r = FT_NEWREF(FT_TUPLE_GET(co->localsplusnames, arg));
        if (r) {
            const char *s = ft_str_as_utf8(r);
            fprintf(stderr, " (%.40s)", s ? s : "?");
            FT_DECREF(r);
        } else if (ft_err_occurred()) {
            ft_err_clear();
        }
        fprintf(stderr, "    %d:%d-%d:%d\n", p.line, p.col, p.end_line, p.end_col);
    }
    for (int i = 0; i < co->nexc; i++) {
        FtExcEntry *e = &co->exctable[i];
        fprintf(stderr, "  exc [%u, %u) -> %u depth %u%s\n", e->start, e->end, e->target,
                e->depth, e->lasti ? " lasti" : "");
    }
}

