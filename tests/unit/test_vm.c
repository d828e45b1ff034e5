/* The VM (core/vm/eval.c, frame.c, core/objects/function.c, gen.c): the per-thread frame
 * arena across chunk boundaries, running compiled code, calling Python functions from C
 * with keyword arguments, argument-binding errors, and generators driven from C. */
#include "core/compiler/compile.h"
#include "core/vm/frame.h"
#include <criterion/criterion.h>
#include <string.h>

static void setup(void) { ft_runtime_init(0, NULL); }

TestSuite(vm, .init = setup);

static FtObject *run(const char *src)
{
    FtObject *fname = ft_str_from_cstr("<test>");
    FtObject *code = ft_compile_source(src, (ssize_t)strlen(src), fname, FT_MODE_EXEC, 0);
    FT_DECREF(fname);
    cr_assert_not_null(code, "compile failed");
    FtObject *g = ft_dict_new();
    FtObject *r = ft_eval_code(code, g, g);
    FT_DECREF(code);
    cr_assert_not_null(r, "execution failed");
    FT_DECREF(r);
    return g;
}

Test(vm, arena_grows_and_shrinks)
{
    FtThreadState *ts = ft_tstate_get();
    FtObject *g = run("def f(): pass\n");
    FtCode *co = (FtCode *)((FtFunction *)ft_dict_get_cstr(g, "f"))->code;
    enum { N = 20000 };
    static FtFrame *frames[N];
    for (int i = 0; i < N; i++) {
        frames[i] = ft_frame_push(ts, co);
        cr_assert_not_null(frames[i]);
        if (i)
            cr_assert_neq(frames[i], frames[i - 1]);
    }
    FtVMState *vm = ts->vm;
    cr_assert_not_null(vm->chunk->prev, "several chunks expected");
    for (int i = N - 1; i >= 0; i--)
        ft_frame_release(ts, frames[i]);
    cr_assert_null(vm->chunk->prev, "back to the first chunk");
    FtFrame *again = ft_frame_push(ts, co);
    cr_assert_eq(again, frames[0], "the arena is a stack");
    ft_frame_release(ts, again);
    FT_DECREF(g);
}

Test(vm, call_from_c_with_keywords)
{
    FtObject *g = run("def f(a, b=2, *, c=3):\n    return a * 100 + b * 10 + c\n");
    FtObject *f = ft_dict_get_cstr(g, "f");
    FtObject *args[3] = { ft_int_from_i64(1), ft_int_from_i64(5), ft_int_from_i64(7) };
    FtObject *kwnames = ft_tuple_pack(1, ft_str_intern_cstr("c"));
    FtObject *r = ft_object_vectorcall(f, args, 2, kwnames);
    cr_assert_not_null(r);
    cr_assert_eq(ft_int_compact_value(r), 157);
    FT_DECREF(r);
    r = ft_object_vectorcall(f, args, 1, NULL);
    cr_assert_eq(ft_int_compact_value(r), 123);
    FT_DECREF(r);
    r = ft_object_vectorcall(f, args, 3, NULL);
    cr_assert_null(r);
    FtObject *exc = ft_err_fetch();
    FtObject *msg = ft_object_str(exc);
    cr_assert_str_eq(ft_str_as_utf8(msg), "f() takes from 1 to 2 positional arguments but 3 were given");
    FT_DECREF(msg);
    FT_DECREF(exc);
    for (int i = 0; i < 3; i++)
        FT_DECREF(args[i]);
    FT_DECREF(kwnames);
    FT_DECREF(g);
}

Test(vm, generator_from_c)
{
    FtObject *g = run("def gen(n):\n    for i in range(n):\n        yield i * i\n    return 'end'\n");
    FtObject *gen = ft_dict_get_cstr(g, "gen");
    FtObject *three = ft_int_from_i64(3);
    FtObject *it = ft_object_vectorcall(gen, &three, 1, NULL);
    cr_assert(ft_gen_check(it));
    int64_t expect[] = { 0, 1, 4 };
    for (int i = 0; i < 3; i++) {
        FtObject *v;
        cr_assert_eq(ft_gen_send_ex(it, FT_NONE, &v), 0);
        cr_assert_eq(ft_int_compact_value(v), expect[i]);
        FT_DECREF(v);
    }
    FtObject *v;
    cr_assert_eq(ft_gen_send_ex(it, FT_NONE, &v), 1);
    cr_assert(ft_str_eq_cstr(v, "end"));
    FT_DECREF(v);
    FT_DECREF(it);
    FT_DECREF(three);
    FT_DECREF(g);
}

Test(vm, recursion_limit_raises)
{
    FtObject *g = run("def f(n):\n    return f(n + 1)\n"
                      "try:\n    f(0)\nexcept RecursionError as e:\n    msg = str(e)\n");
    cr_assert(ft_str_eq_cstr(ft_dict_get_cstr(g, "msg"), "maximum recursion depth exceeded"));
    cr_assert_eq(ft_tstate_get()->recursion_depth, 0);
    FT_DECREF(g);
}
