/* Calling objects (tp_vectorcall preferred, tp_call with a tuple and dict otherwise), the
 * conversions between the two conventions, method calls by name, and argument parsing for
 * built-in functions with CPython's (argument clinic's) error messages. */
#include "core/objects/typeslots.h"
#include "runtime/tstate.h"
#include <string.h>

static FtObject *not_callable(FtObject *callable) {
    ft_err_format(ft_exc_TypeError, "'%s' object is not callable", FT_TYPE(callable)->tp_name);
    return NULL;
}

int ft_callable_check(FtObject *o) {
    return FT_TYPE(o)->tp_call != NULL || FT_TYPE(o)->tp_vectorcall != NULL;
}

/* A slot returned NULL without an exception or a result with one: turn it into
 * SystemError, as CPython's _Py_CheckFunctionResult does. */
static FtObject *check_result(FtObject *callable, FtObject *res) {
    if (FT_UNLIKELY(res == NULL)) {
        if (!ft_err_occurred())
            ft_err_format(ft_exc_SystemError, "%R returned NULL without setting an exception",
                          callable);
        return NULL;
    }
    return res;
}

FtObject *ft_object_vectorcall(FtObject *callable, FtObject *const *args, size_t nargsf,
                               FtObject *kwnames) {
    FtType *t = FT_TYPE(callable);
    if (FT_LIKELY(t->tp_vectorcall != NULL))
        return check_result(callable, t->tp_vectorcall(callable, args, nargsf, kwnames));
    if (t->tp_call == NULL)
        return not_callable(callable);
    return ft_vectorcall_via_call(callable, args, nargsf, kwnames);
}

FtObject *ft_vectorcall_via_call(FtObject *callable, FtObject *const *args, size_t nargsf,
                                 FtObject *kwnames) {
    ft_ternaryfunc call = FT_TYPE(callable)->tp_call;
    if (!call)
        return not_callable(callable);
    ssize_t nargs = ft_vectorcall_nargs(nargsf);
    FtObject *tuple = ft_tuple_from_array(args, nargs);
    if (!tuple)
        return NULL;
    FtObject *kw = NULL;
    if (kwnames && FT_SIZE(kwnames)) {
        kw = ft_vectorcall_to_dict(args + nargs, kwnames);
        if (!kw) {
            FT_DECREF(tuple);
            return NULL;
        }
    }
    FtObject *res = NULL;
    if (!ft_enter_recursive_call(" while calling a Python object")) {
        res = call(callable, tuple, kw);
        ft_leave_recursive_call();
    }
    FT_DECREF(tuple);
    FT_XDECREF(kw);
    return check_result(callable, res);
}

FtObject *ft_object_call(FtObject *callable, FtObject *args, FtObject *kwargs) {
    FtType *t = FT_TYPE(callable);
    if (kwargs && ft_dict_size(kwargs) == 0)
        kwargs = NULL;
    if (t->tp_vectorcall)
        return ft_vectorcall_from_tuple_dict(callable, args, kwargs);
    if (t->tp_call == NULL)
        return not_callable(callable);
    if (ft_enter_recursive_call(" while calling a Python object"))
        return NULL;
    FtObject *res = t->tp_call(callable, args, kwargs);
    ft_leave_recursive_call();
    return check_result(callable, res);
}

FtObject *ft_vectorcall_to_dict(FtObject *const *values, FtObject *kwnames) {
    FtObject *d = ft_dict_new();
    if (!d)
        return NULL;
    ssize_t n = kwnames ? FT_SIZE(kwnames) : 0;
    for (ssize_t i = 0; i < n; i++) {
        if (ft_dict_set(d, FT_TUPLE_GET(kwnames, i), values[i]) < 0) {
            FT_DECREF(d);
            return NULL;
        }
    }
    return d;
}

int ft_unpack_tuple_dict(FtObject *args, FtObject *kwargs, FtObject ***stackp, ssize_t *nargsp,
                         FtObject **kwnamesp) {
    ssize_t nargs = args ? FT_SIZE(args) : 0;
    ssize_t nkw = kwargs ? ft_dict_size(kwargs) : 0;
    /* one spare slot in front so callees may use FT_VECTORCALL_ARGUMENTS_OFFSET */
    FtObject **stack = ft_mem_alloc(sizeof(FtObject *) * (size_t)(1 + nargs + nkw));
    if (!stack)
        return -1;
    stack++;
    for (ssize_t i = 0; i < nargs; i++)
        stack[i] = FT_TUPLE_GET(args, i);
    FtObject *kwnames = NULL;
    if (nkw) {
        kwnames = ft_tuple_new(nkw);
        if (!kwnames) {
            ft_mem_free(stack - 1);
            return -1;
        }
        ssize_t pos = 0, i = 0;
        FtObject *k, *v;
        while (ft_dict_next(kwargs, &pos, &k, &v) && i < nkw) {
            if (!ft_str_check(k)) {
                ft_err_set_string(ft_exc_TypeError, "keywords must be strings");
                FT_DECREF(kwnames);
                ft_mem_free(stack - 1);
                return -1;
            }
            FT_TUPLE_SET(kwnames, i, FT_NEWREF(k));
            stack[nargs + i] = v;
            i++;
        }
    }
    *stackp = stack;
    *nargsp = nargs;
    *kwnamesp = kwnames;
    return 0;
}

FtObject *ft_vectorcall_from_tuple_dict(FtObject *callable, FtObject *args, FtObject *kwargs) {
    FtType *t = FT_TYPE(callable);
    if (!t->tp_vectorcall)
        return ft_object_call(callable, args, kwargs);
    if (!kwargs || ft_dict_size(kwargs) == 0) {
        /* no copy: the tuple's item array is the argument vector */
        return check_result(callable, t->tp_vectorcall(callable, FT_TUPLE_ITEMS(args),
                                                       (size_t)FT_SIZE(args), NULL));
    }
    FtObject **stack, *kwnames;
    ssize_t nargs;
    if (ft_unpack_tuple_dict(args, kwargs, &stack, &nargs, &kwnames) < 0)
        return NULL;
    FtObject *res = t->tp_vectorcall(callable, stack, (size_t)nargs | FT_VECTORCALL_ARGUMENTS_OFFSET,
                                     kwnames);
    FT_XDECREF(kwnames);
    ft_mem_free(stack - 1);
    return check_result(callable, res);
}

FtObject *ft_object_call_noargs(FtObject *callable) {
    return ft_object_vectorcall(callable, NULL, 0, NULL);
}

FtObject *ft_object_call_one(FtObject *callable, FtObject *arg) {
    FtObject *stack[2] = {NULL, arg};
    return ft_object_vectorcall(callable, stack + 1, 1 | FT_VECTORCALL_ARGUMENTS_OFFSET, NULL);
}

FtObject *ft_object_call_method(FtObject *o, FtObject *name, FtObject *const *args,
                                ssize_t nargs) {
    FtObject *meth;
    int unbound = ft_object_get_method(o, name, &meth);
    if (unbound < 0)
        return NULL;
    FtObject *small[8];
    FtObject **stack = nargs + 1 <= 8 ? small : ft_mem_alloc(sizeof(FtObject *) * (size_t)(nargs + 1));
    if (!stack) {
        FT_DECREF(meth);
        return NULL;
    }
    FtObject *res;
    if (unbound) {
        stack[0] = o;
        for (ssize_t i = 0; i < nargs; i++)
            stack[i + 1] = args[i];
        res = ft_object_vectorcall(meth, stack, (size_t)nargs + 1, NULL);
    } else {
        res = ft_object_vectorcall(meth, args, (size_t)nargs, NULL);
    }
    if (stack != small)
        ft_mem_free(stack);
    FT_DECREF(meth);
    return res;
}

FtObject *ft_object_call_method_cstr(FtObject *o, const char *name, FtObject *const *args,
                                     ssize_t nargs) {
    FtObject *n = ft_str_intern_cstr(name);
    if (!n)
        return NULL;
    return ft_object_call_method(o, n, args, nargs);
}

FtObject *ft_object_call_va(FtObject *callable, ...) {
    FtObject *stack[16];
    ssize_t n = 0;
    va_list ap;
    va_start(ap, callable);
    FtObject *a;
    while ((a = va_arg(ap, FtObject *)) != NULL) {
        if (n == 16) {
            va_end(ap);
            ft_err_set_string(ft_exc_SystemError, "too many arguments to ft_object_call_va");
            return NULL;
        }
        stack[n++] = a;
    }
    va_end(ap);
    return ft_object_vectorcall(callable, stack, (size_t)n, NULL);
}

/* ---- argument parsing ------------------------------------------------------------------- */

int ft_check_no_kwargs(const char *fname, FtObject *kwnames) {
    if (kwnames && FT_SIZE(kwnames) > 0) {
        ft_err_format(ft_exc_TypeError, "%s() takes no keyword arguments", fname);
        return -1;
    }
    return 0;
}

int ft_check_nargs(const char *fname, ssize_t nargs, ssize_t min, ssize_t max) {
    if (nargs < min) {
        ft_err_format(ft_exc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                      min == max ? "" : "at least ", min, min == 1 ? "" : "s", nargs);
        return -1;
    }
    if (max >= 0 && nargs > max) {
        ft_err_format(ft_exc_TypeError, "%s expected %s%zd argument%s, got %zd", fname,
                      min == max ? "" : "at most ", max, max == 1 ? "" : "s", nargs);
        return -1;
    }
    return 0;
}

int ft_parse_args(const char *fname, FtObject *const *args, ssize_t nargs, FtObject *kwnames,
                  const char *const *kwlist, int posonly, int kwonly_start, int required,
                  FtObject **out) {
    int total = 0;
    while (kwlist[total])
        total++;
    int maxpos = kwonly_start < 0 ? total : kwonly_start;
    int minpos = required < maxpos ? required : maxpos;
    for (int i = 0; i < total; i++)
        out[i] = NULL;
    if (nargs > maxpos) {
        if (maxpos == 0)
            ft_err_format(ft_exc_TypeError, "%s() takes no positional arguments", fname);
        else
            ft_err_format(ft_exc_TypeError, "%s() takes %s %d positional argument%s (%zd given)",
                          fname, minpos < maxpos ? "at most" : "exactly", maxpos,
                          maxpos == 1 ? "" : "s", nargs);
        return -1;
    }
    for (ssize_t i = 0; i < nargs; i++)
        out[i] = args[i];
    ssize_t nkw = kwnames ? FT_SIZE(kwnames) : 0;
    for (ssize_t k = 0; k < nkw; k++) {
        FtObject *key = FT_TUPLE_GET(kwnames, k);
        int found = -1;
        for (int i = posonly; i < total; i++) {
            if (kwlist[i][0] && ft_str_eq_cstr(key, kwlist[i])) {
                found = i;
                break;
            }
        }
        if (found < 0) {
            ft_err_format(ft_exc_TypeError, "'%U' is an invalid keyword argument for %s()", key,
                          fname);
            return -1;
        }
        if (out[found]) {
            ft_err_format(ft_exc_TypeError,
                          "argument for %s() given by name ('%s') and position (%d)", fname,
                          kwlist[found], found + 1);
            return -1;
        }
        out[found] = args[nargs + k];
    }
    for (int i = 0; i < required && i < total; i++) {
        if (out[i] == NULL) {
            if (i < posonly)
                ft_err_format(ft_exc_TypeError,
                              "%s() takes %s %d positional argument%s (%zd given)", fname,
                              minpos < maxpos ? "at least" : "exactly", minpos,
                              minpos == 1 ? "" : "s", nargs);
            else if (i >= maxpos)
                ft_err_format(ft_exc_TypeError,
                              "%s() missing required keyword-only argument '%s'", fname,
                              kwlist[i]);
            else
                ft_err_format(ft_exc_TypeError, "%s() missing required argument '%s' (pos %d)",
                              fname, kwlist[i], i + 1);
            return -1;
        }
    }
    return 0;
}
