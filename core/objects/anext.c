/* `anext_awaitable`: what anext(aiterator, default) returns (CPython 3.10+). It wraps the
 * awaitable that aiterator.__anext__() returned and, while it is driven (__next__, send,
 * throw), turns a StopAsyncIteration coming out of it into StopIteration(default), so that
 * `await anext(it, default)` evaluates to default once the iterator is exhausted.
 *
 * The iterator to drive is derived from the wrapped awaitable on first use and kept: an async
 * generator's asend object is its own iterator; a coroutine (from an `async def __anext__`)
 * is driven through its __await__ iterator; anything else through __await__. (CPython 3.11
 * derives it again at every step, which restarts a non-coroutine awaitable forever.) */
#include "core/vm/frame.h"
#include "gc/gc.h"

typedef struct AnextAwaitable {
    FtObject ob_base;
    FtObject *wrapped;          /* the awaitable __anext__() returned */
    FtObject *iter;             /* the iterator driven; NULL until first used */
    FtObject *default_value;
} AnextAwaitable;

FtObject *ft_anext_awaitable_new(FtObject *awaitable, FtObject *default_value)
{
    AnextAwaitable *a = (AnextAwaitable *)ft_gc_alloc(&ft_anext_awaitable_type);
    if (!a)
        return NULL;
    a->wrapped = ft_newref(awaitable);
    a->iter = NULL;
    a->default_value = ft_newref(default_value);
    ft_gc_track((FtObject *)a);
    return (FtObject *)a;
}

static void anext_dealloc(FtObject *o)
{
    AnextAwaitable *a = (AnextAwaitable *)o;
    ft_gc_untrack(o);
    FT_XDECREF(a->wrapped);
    FT_XDECREF(a->iter);
    FT_XDECREF(a->default_value);
    ft_gc_free(o);
}

static int anext_traverse(FtObject *o, ft_visitproc visit, void *arg)
{
    AnextAwaitable *a = (AnextAwaitable *)o;
    FtObject *refs[] = { a->wrapped, a->iter, a->default_value };
    for (size_t i = 0; i < FT_ARRAY_LEN(refs); i++) {
        int r = refs[i] ? visit(refs[i], arg) : 0;
        if (r)
            return r;
    }
    return 0;
}

static int anext_clear(FtObject *o)
{
    AnextAwaitable *a = (AnextAwaitable *)o;
    FT_CLEAR(a->wrapped);
    FT_CLEAR(a->iter);
    FT_CLEAR(a->default_value);
    return 0;
}

/* The iterator to drive (new reference), or NULL with an exception. It is derived outside
 * the object's critical section (that may run __await__) and published inside it; should
 * two threads race to derive it, the first published wins and the other is dropped. */
static FtObject *anext_getiter(AnextAwaitable *a)
{
    FtObject *it;
    LK_BEGIN_CRITICAL(a);
    it = a->iter ? ft_newref(a->iter) : NULL;
    LK_END_CRITICAL();
    if (it != NULL)
        return it;
    if (a->wrapped == NULL) {
        ft_err_set_string(ft_exc_RuntimeError, "anext_awaitable is cleared");
        return NULL;
    }
    it = ft_gen_get_awaitable(a->wrapped, 0);
    if (it == NULL)
        return NULL;
    if (FT_TYPE(it)->tp_iternext == NULL) {
        /* Only a coroutine lacks __next__: drive its __await__ iterator. */
        FtObject *w = ft_object_call_method_cstr(it, "__await__", NULL, 0);
        FT_DECREF(it);
        if (w == NULL)
            return NULL;
        if (FT_TYPE(w)->tp_iternext == NULL) {
            FT_DECREF(w);
            ft_err_set_string(ft_exc_TypeError, "__await__ returned a non-iterable");
            return NULL;
        }
        it = w;
    }
    FtObject *loser = NULL;
    LK_BEGIN_CRITICAL(a);
    if (a->iter == NULL) {
        a->iter = ft_newref(it);
    } else {
        loser = it;
        it = ft_newref(a->iter);
    }
    LK_END_CRITICAL();
    FT_XDECREF(loser);   /* outside the critical section: freeing it may run code */
    return it;
}

/* StopAsyncIteration from the wrapped awaitable means "exhausted": StopIteration(default). */
static FtObject *anext_result(AnextAwaitable *a, FtObject *r)
{
    if (r == NULL && ft_err_matches(ft_exc_StopAsyncIteration)) {
        ft_err_clear();
        FtObject *v = a->default_value ? a->default_value : FT_NONE;
        FtObject *exc = ft_exc_new(ft_exc_StopIteration, &v, 1);
        if (exc)
            ft_err_restore(exc);
    }
    return r;
}

static FtObject *anext_iternext(FtObject *o)
{
    AnextAwaitable *a = (AnextAwaitable *)o;
    FtObject *it = anext_getiter(a);
    if (it == NULL)
        return NULL;
    FtObject *r = FT_TYPE(it)->tp_iternext(it);
    FT_DECREF(it);
    return anext_result(a, r);
}

static FtObject *anext_proxy(FtObject *o, const char *meth, FtObject *const *args, ssize_t nargs)
{
    AnextAwaitable *a = (AnextAwaitable *)o;
    FtObject *it = anext_getiter(a);
    if (it == NULL)
        return NULL;
    FtObject *r = ft_object_call_method_cstr(it, meth, args, nargs);
    FT_DECREF(it);
    return anext_result(a, r);
}

static FtObject *anext_send(FtObject *o, FtObject *arg)
{
    return anext_proxy(o, "send", &arg, 1);
}

static FtObject *anext_throw(FtObject *o, FtObject *const *args, ssize_t nargs)
{
    return anext_proxy(o, "throw", args, nargs);
}

static FtObject *anext_close(FtObject *o, FtObject *unused)
{
    return anext_proxy(o, "close", NULL, 0);
}

static FtObject *anext_self(FtObject *o)
{
    return ft_newref(o);
}

static FtObject *anext_await(FtObject *o, FtObject *unused)
{
    return ft_newref(o);
}

static FtMethodDef anext_methods[] = {
    {"send", (void *)anext_send, FT_METH_O, NULL},
    {"throw", (void *)anext_throw, FT_METH_FASTCALL, NULL},
    {"close", (void *)anext_close, FT_METH_NOARGS, NULL},
    {"__await__", (void *)anext_await, FT_METH_NOARGS, NULL},
    {NULL},
};

FtType ft_anext_awaitable_type = {
    .ob_base = { FT_STATIC_HEADER(&ft_type_type), 0 },
    .tp_name = "anext_awaitable",
    .tp_basicsize = sizeof(AnextAwaitable),
    .tp_dealloc = anext_dealloc,
    .tp_getattro = ft_object_generic_getattr,
    .tp_flags = FT_TPFLAGS_HAVE_GC,
    .tp_traverse = anext_traverse,
    .tp_clear = anext_clear,
    .tp_iter = anext_self,
    .tp_iternext = anext_iternext,
    .tp_methods = anext_methods,
};
