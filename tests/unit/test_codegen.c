/* The code generator (core/compiler/codegen*.c, assemble.c) and the opcode tables
 * (core/vm/opcodes.c): every code object compiled from the Python test programs is checked
 * by an independent abstract interpretation of its instructions and exception table
 * (depths consistent at every join, never negative, never above co_stacksize; handler
 * depths below the depth of every instruction they cover; jumps in range; table sorted and
 * non-overlapping). */
#include "core/compiler/compile.h"
#include "runtime/tstate.h"
#include <criterion/criterion.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void setup(void) { ft_runtime_init(0, NULL); }

TestSuite(codegen, .init = setup);

Test(codegen, opcode_tables)
{
    cr_assert_str_eq(ft_opcode_names[FT_OP_NOP], "NOP");
    cr_assert_str_eq(ft_opcode_names[FT_OP_RETURN_CONST], "RETURN_CONST");
    cr_assert_eq(ft_opcode_argkind[FT_OP_FOR_ITER], FT_ARG_JUMP);
    cr_assert_eq(ft_opcode_argkind[FT_OP_LOAD_CONST], FT_ARG_CONST);
    cr_assert_eq(ft_opcode_stack_effect(FT_OP_FOR_ITER, 0, 0), 1);
    cr_assert_eq(ft_opcode_stack_effect(FT_OP_FOR_ITER, 0, 1), -1);
    cr_assert_eq(ft_opcode_stack_effect(FT_OP_JUMP_IF_FALSE_OR_POP, 0, 1), 0);
    cr_assert_eq(ft_opcode_stack_effect(FT_OP_CALL, 3, 0), -4);
    cr_assert_eq(ft_opcode_stack_effect(FT_OP_BUILD_TUPLE, 3, 1), -2);
    cr_assert_eq(ft_opcode_stack_effect(FT_OP_MAKE_FUNCTION, 0x0f, 0), -4);
}

static int is_terminator(int op)
{
    return op == FT_OP_JUMP || op == FT_OP_RETURN_VALUE || op == FT_OP_RETURN_CONST ||
           op == FT_OP_RAISE_VARARGS || op == FT_OP_RERAISE;
}

/* Abstract interpretation of one code object (and, recursively, its nested code). */
static void verify_code(FtCode *co, const char *where)
{
    int n = co->ninstrs;
    cr_assert(n > 0, "%s: empty code", where);
    for (int e = 0; e < co->nexc; e++) {
        FtExcEntry *x = &co->exctable[e];
        cr_assert(x->start < x->end && x->end <= (uint32_t)n && x->target < (uint32_t)n,
                  "%s: exception entry %d out of range", where, e);
        if (e > 0)
            cr_assert(co->exctable[e - 1].end <= x->start, "%s: entries overlap", where);
    }
    int *depth = malloc(sizeof(int) * n), *todo = malloc(sizeof(int) * (n + 1));
    for (int i = 0; i < n; i++)
        depth[i] = -1;
    int sp = 0;
    depth[0] = 0;
    todo[sp++] = 0;
#define REACH(j, d)                                                                        \
    do {                                                                                   \
        int j_ = (j), d_ = (d);                                                            \
        cr_assert(j_ >= 0 && j_ < n, "%s: target %d out of range", where, j_);             \
        cr_assert(d_ >= 0 && d_ <= co->stacksize, "%s: depth %d at %d (stacksize %d)",     \
                  where, d_, j_, co->stacksize);                                           \
        if (depth[j_] < 0) {                                                               \
            depth[j_] = d_;                                                                \
            todo[sp++] = j_;                                                               \
        } else {                                                                           \
            cr_assert_eq(depth[j_], d_, "%s: depth %d and %d at %d", where, depth[j_], d_, \
                         j_);                                                              \
        }                                                                                  \
    } while (0)
    while (sp > 0) {
        int i = todo[--sp];
        int d = depth[i];
        int op = FT_INSTR_OP(co->instrs[i]), arg = (int)FT_INSTR_ARG(co->instrs[i]);
        cr_assert(op < FT_OP_COUNT, "%s: bad opcode at %d", where, i);
        for (int e = 0; e < co->nexc; e++) {
            FtExcEntry *x = &co->exctable[e];
            if ((uint32_t)i >= x->start && (uint32_t)i < x->end) {
                cr_assert(x->depth <= d, "%s: handler depth %d above %d at %d", where,
                          x->depth, d, i);
                REACH((int)x->target, x->depth + x->lasti + 1);
            }
        }
        if (ft_opcode_argkind[op] == FT_ARG_JUMP)
            REACH(arg, d + ft_opcode_stack_effect(op, arg, 1));
        if (!is_terminator(op))
            REACH(i + 1, d + ft_opcode_stack_effect(op, arg, 0));
        if (ft_opcode_argkind[op] == FT_ARG_CONST)
            cr_assert(arg < FT_SIZE(co->consts), "%s: const index", where);
        if (ft_opcode_argkind[op] == FT_ARG_NAME)
            cr_assert(arg < FT_SIZE(co->names), "%s: name index", where);
        if (ft_opcode_argkind[op] == FT_ARG_LOCAL)
            cr_assert(arg < co->nlocalsplus, "%s: local index", where);
        if (ft_opcode_argkind[op] == FT_ARG_FREE)
            cr_assert(arg < co->nlocalsplus &&
                          (co->localspluskinds[arg] & (FT_LOCAL_KIND_CELL | FT_LOCAL_KIND_FREE)),
                      "%s: cell index", where);
    }
#undef REACH
    free(depth);
    free(todo);
    for (ssize_t k = 0; k < FT_SIZE(co->consts); k++) {
        FtObject *c = FT_TUPLE_GET(co->consts, k);
        if (ft_code_check(c))
            verify_code((FtCode *)c, where);
    }
}

static int compile_and_verify(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (f == NULL)
        return 0;
    static char buf[1 << 20];
    size_t len = fread(buf, 1, sizeof buf - 1, f);
    fclose(f);
    buf[len] = '\0';
    FtObject *filename = ft_str_from_cstr(path);
    FtObject *co = ft_compile_source(buf, (ssize_t)len, filename, FT_MODE_EXEC, 0);
    FT_DECREF(filename);
    if (co == NULL) {
        ft_err_clear();   /* test programs that are SyntaxErrors on purpose */
        return 0;
    }
    verify_code((FtCode *)co, path);
    FT_DECREF(co);
    return 1;
}

Test(codegen, test_programs_verify)
{
    static const char *const dirs[] = { "compiler", "syntax", "vm", "exceptions", "types",
                                        "builtins", "containers", "text", "numbers" };
    int compiled = 0;
    for (size_t d = 0; d < sizeof dirs / sizeof dirs[0]; d++) {
        char dir[4096];
        snprintf(dir, sizeof dir, "%s/tests/py/%s", FT_SOURCE_DIR, dirs[d]);
        DIR *dp = opendir(dir);
        if (dp == NULL)
            continue;
        struct dirent *ent;
        while ((ent = readdir(dp)) != NULL) {
            size_t l = strlen(ent->d_name);
            if (l < 4 || strcmp(ent->d_name + l - 3, ".py") != 0)
                continue;
            char path[8192];
            snprintf(path, sizeof path, "%s/%s", dir, ent->d_name);
            compiled += compile_and_verify(path);
        }
        closedir(dp);
    }
    cr_assert(compiled > 10, "only %d programs compiled", compiled);
}

Test(codegen, constructs)
{
    static const char *const srcs[] = {
        "def f(a, *b, c=1, **d):\n    try:\n        with a as x, b:\n            for i in x:\n"
        "                if i: break\n                else: continue\n    except (E, F) as e:\n"
        "        return e\n    finally:\n        return 3\n",
        "class C(B, metaclass=M):\n    def m(self):\n        return super().m(), __class__\n",
        "x = [y for y in range(3) if y] + [z async for z in w] if 0 else 1\n",
        "match v:\n    case [1, *r] | (2, *r) if r:\n        pass\n    case {'k': P(a=1) as p, **kw}:\n"
        "        pass\n    case _:\n        pass\n",
        "def g():\n    x = yield 1\n    y = yield from x\n    return [(yield) for _ in ()] if 0 else y\n",
    };
    for (size_t i = 0; i < sizeof srcs / sizeof srcs[0]; i++) {
        FtObject *fn = ft_str_from_cstr("<test>");
        FtObject *co = ft_compile_source(srcs[i], -1, fn, FT_MODE_EXEC, 0);
        FT_DECREF(fn);
        if (co == NULL) {
            ft_err_clear();  /* async comprehensions and yield in comprehensions are errors */
            continue;
        }
        verify_code((FtCode *)co, srcs[i]);
        FT_DECREF(co);
    }
}
