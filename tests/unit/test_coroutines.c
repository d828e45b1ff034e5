/* Coroutines and async generators from C (core/objects/gen.c): the asyncgen hooks that
 * sys.set_asyncgen_hooks will expose (firstiter on the first iteration, the finalizer
 * instead of close() when an unfinished async generator dies), and coroutine types. */
#include "core/compiler/compile.h"
#include "runtime/tstate.h"
#include <criterion/criterion.h>
#include <string.h>

static void setup(void) { ft_runtime_init(0, NULL); }

TestSuite(coroutines, .init = setup);

static void run_in(FtObject *g, const char *src)
{
    FtObject *fname = ft_str_from_cstr("<test>");
    FtObject *code = ft_compile_source(src, (ssize_t)strlen(src), fname, FT_MODE_EXEC, 0);
    FT_DECREF(fname);
    cr_assert_not_null(code, "compile failed");
    FtObject *r = ft_eval_code(code, g, g);
    FT_DECREF(code);
    cr_assert_not_null(r, "execution failed");
    FT_DECREF(r);
}

static int64_t int_of(FtObject *g, const char *name)
{
    FtObject *v = ft_dict_get_cstr(g, name);
    cr_assert_not_null(v, "%s missing", name);
    return ft_int_compact_value(v);
}

Test(coroutines, asyncgen_hooks)
{
    FtObject *g = ft_dict_new();
    run_in(g,
           "log = []\n"
           "kept = []\n"
           "def firstiter(ag): log.append('first ' + ag.__name__)\n"
           "def finalizer(ag):\n"
           "    log.append('final ' + ag.__name__)\n"
           "    kept.append(ag)\n"
           "async def agen():\n"
           "    try:\n"
           "        yield 1\n"
           "        yield 2\n"
           "    finally:\n"
           "        log.append('agen finally')\n"
           "def step(aw):\n"
           "    try:\n"
           "        aw.send(None)\n"
           "    except StopIteration as e:\n"
           "        return e.value\n");
    FtObject *first = ft_dict_get_cstr(g, "firstiter"), *fin = ft_dict_get_cstr(g, "finalizer");
    cr_assert_eq(ft_gen_set_asyncgen_hooks(first, fin), 0);
    FtObject *a, *b;
    ft_gen_get_asyncgen_hooks(&a, &b);
    cr_assert_eq(a, first);
    cr_assert_eq(b, fin);
    run_in(g,
           "ag = agen()\n"
           "v1 = step(ag.__anext__())\n"
           "n_after_first = len(log)\n"
           "ag = None\n"                        /* dies suspended: the finalizer gets it */
           "n_after_drop = len(log)\n"
           "step(kept[0].aclose())\n"           /* what an event loop's finalizer does */
           "n_after_close = len(log)\n"
           "kept.clear()\n");
    cr_assert_eq(int_of(g, "v1"), 1);
    cr_assert_eq(int_of(g, "n_after_first"), 1);
    cr_assert_eq(int_of(g, "n_after_drop"), 2);
    cr_assert_eq(int_of(g, "n_after_close"), 3);
    ft_gen_set_asyncgen_hooks(NULL, NULL);
    run_in(g,
           "ag = agen()\n"
           "step(ag.__anext__())\n"
           "ag = None\n"                        /* no hooks: closed on the spot */
           "n_no_hooks = len(log)\n");
    cr_assert_eq(int_of(g, "n_no_hooks"), 4);
    FT_DECREF(g);
}

Test(coroutines, types)
{
    FtObject *g = ft_dict_new();
    run_in(g,
           "async def c(): return 5\n"
           "async def ag(): yield 1\n"
           "co = c()\n"
           "agen = ag()\n");
    cr_assert(ft_coro_check(ft_dict_get_cstr(g, "co")));
    cr_assert(ft_async_gen_check(ft_dict_get_cstr(g, "agen")));
    FtObject *res = NULL;
    cr_assert_eq(ft_gen_send_ex(ft_dict_get_cstr(g, "co"), FT_NONE, &res), 1, "returns");
    cr_assert_eq(ft_int_compact_value(res), 5);
    FT_DECREF(res);
    FT_DECREF(g);
}
