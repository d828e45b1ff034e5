/* The error indicator (runtime/errors.c) and the exception objects (core/objects/exc.c)
 * from C: raising, fetching, matching, errno mapping, str/repr, chaining. */
#include "core/object.h"
#include "runtime/tstate.h"
#include <criterion/criterion.h>
#include <errno.h>

static void setup(void) {
    static int done;
    if (!done) {
        cr_assert_eq(ft_runtime_init(0, NULL), 0);
        done = 1;
    }
}

TestSuite(exc, .init = setup);

static void assert_str(FtObject *s, const char *want) {
    cr_assert_not_null(s);
    cr_assert_str_eq(ft_str_as_utf8(s), want);
    FT_DECREF(s);
}

Test(exc, set_fetch_restore) {
    cr_assert_null(ft_err_occurred());
    ft_err_set_string(ft_exc_ValueError, "bad");
    FtObject *e = ft_err_occurred();
    cr_assert_not_null(e);
    cr_assert(ft_err_matches(ft_exc_ValueError));
    cr_assert(ft_err_matches(ft_exc_Exception));
    cr_assert(!ft_err_matches(ft_exc_TypeError));
    FtObject *f = ft_err_fetch();
    cr_assert_eq(e, f);
    cr_assert_null(ft_err_occurred());
    assert_str(ft_object_str(f), "bad");
    assert_str(ft_object_repr(f), "ValueError('bad')");
    ft_err_restore(f);
    cr_assert(ft_err_matches(ft_exc_ValueError));
    ft_err_clear();
    cr_assert_null(ft_err_occurred());
}

Test(exc, given_matches_tuple) {
    FtObject *e = ft_exc_new(ft_exc_KeyError, NULL, 0);
    FtObject *t = ft_tuple_pack(2, (FtObject *)ft_exc_TypeError, (FtObject *)ft_exc_LookupError);
    cr_assert(ft_err_given_matches(e, t));
    cr_assert(ft_err_given_matches(e, (FtObject *)ft_exc_BaseException));
    cr_assert(!ft_err_given_matches(e, (FtObject *)ft_exc_IndexError));
    cr_assert(ft_err_given_matches((FtObject *)ft_exc_KeyError, (FtObject *)ft_exc_LookupError));
    FT_DECREF(t);
    FT_DECREF(e);
}

Test(exc, format) {
    cr_assert_null(ft_err_format(ft_exc_TypeError, "%s takes %d", "f", 3));
    FtObject *e = ft_err_fetch();
    assert_str(ft_object_str(e), "f takes 3");
    FT_DECREF(e);
}

Test(exc, errno_mapping) {
    struct { int err; FtType **type; } cases[] = {
        {ENOENT, &ft_exc_FileNotFoundError}, {EEXIST, &ft_exc_FileExistsError},
        {EACCES, &ft_exc_PermissionError},   {EPERM, &ft_exc_PermissionError},
        {EISDIR, &ft_exc_IsADirectoryError}, {ENOTDIR, &ft_exc_NotADirectoryError},
        {EPIPE, &ft_exc_BrokenPipeError},    {ECHILD, &ft_exc_ChildProcessError},
        {ESRCH, &ft_exc_ProcessLookupError}, {EAGAIN, &ft_exc_BlockingIOError},
        {EINTR, &ft_exc_InterruptedError},   {ETIMEDOUT, &ft_exc_TimeoutError},
        {EINVAL, &ft_exc_OSError},
    };
    for (size_t i = 0; i < FT_ARRAY_LEN(cases); i++) {
        errno = cases[i].err;
        cr_assert_null(ft_err_set_from_errno(ft_exc_OSError));
        FtObject *e = ft_err_fetch();
        cr_assert_eq(FT_TYPE(e), *cases[i].type, "errno %d", cases[i].err);
        FT_DECREF(e);
    }
    FtObject *name = ft_str_from_cstr("x.txt");
    errno = ENOENT;
    ft_err_set_from_errno_filename(ft_exc_OSError, name);
    FtObject *e = ft_err_fetch();
    assert_str(ft_object_str(e), "[Errno 2] No such file or directory: 'x.txt'");
    FT_DECREF(e);
    FT_DECREF(name);
}

Test(exc, keyerror_str) {
    FtObject *k = ft_str_from_cstr("");
    FtObject *e = ft_exc_new(ft_exc_KeyError, &k, 1);
    assert_str(ft_object_str(e), "''");
    FT_DECREF(e);
    FT_DECREF(k);
}

Test(exc, context_chaining) {
    FtThreadState *ts = ft_tstate_get();
    FtObject *handled = ft_exc_new(ft_exc_ValueError, NULL, 0);
    FtExcInfo info = {handled, ts->exc_info};
    ts->exc_info = &info;
    ft_err_set_string(ft_exc_TypeError, "during handling");
    FtObject *e = ft_err_fetch();
    cr_assert_eq(((FtBaseException *)e)->context, handled);
    /* raising the handled exception itself does not make it its own context */
    ft_err_set_exc(handled);
    FtObject *same = ft_err_fetch();
    cr_assert_null(((FtBaseException *)same)->context);
    FT_DECREF(same);
    ts->exc_info = info.previous;
    FT_DECREF(e);
    FT_DECREF(handled);
}

Test(exc, no_memory) {
    cr_assert_null(ft_err_no_memory());
    cr_assert(ft_err_matches(ft_exc_MemoryError));
    ft_err_clear();
}
