/* The error indicator: raising, fetching, matching and chaining exceptions from C, errno
 * mapping to the OSError subclasses, unraisable exceptions and minimal warnings.
 *
 * The raised exception is an instance stored on the thread state (ft_tstate_get()->curexc),
 * always normalised: a setter builds the instance at once. As in CPython, raising while an
 * exception is being handled makes the handled one the new exception's __context__. */
#include "core/object.h"
#include "runtime/tstate.h"
#include "runtime/modules/stdio.h"
#include <errno.h>
#include <stdio.h>
#include <string.h>

/* ---- raising ---------------------------------------------------------------------------- */

/* The exception currently handled (sys.exc_info()[1]), BORROWED, or NULL. */
static FtObject *handled_exception(FtThreadState *ts) {
    for (FtExcInfo *ei = ts->exc_info; ei != NULL; ei = ei->previous) {
        if (ei->exc_value != NULL && ei->exc_value != FT_NONE)
            return ei->exc_value;
    }
    return NULL;
}

/* CPython's _PyErr_SetObject chaining: the handled exception becomes the __context__ of
 * `value`, breaking any cycle that this would create (value already in the context chain). */
static void chain_handled(FtThreadState *ts, FtObject *value) {
    FtObject *handled = handled_exception(ts);
    if (handled == NULL || handled == value || !ft_exception_check(handled))
        return;
    /* Avoid creating a reference cycle through the context chain (Floyd's tortoise). */
    FtObject *o = handled, *slow = handled;
    int advance = 0;
    for (;;) {
        FtObject *ctx = ((FtBaseException *)o)->context;
        if (ctx == NULL)
            break;
        if (ctx == value) {
            /* Cut the chain at o: value's chain would loop back to itself. */
            ((FtBaseException *)o)->context = NULL;
            FT_DECREF(ctx);
            break;
        }
        o = ctx;
        if (o == slow)
            break;  /* a pre-existing cycle: stop */
        if (advance)
            slow = ((FtBaseException *)slow)->context;
        advance = !advance;
    }
    ft_exc_set_context(value, FT_NEWREF(handled));
}

static void set_raised(FtThreadState *ts, FtObject *exc) {
    /* steals exc */
    chain_handled(ts, exc);
    FtObject *old = ts->curexc;
    ts->curexc = exc;
    FT_XDECREF(old);
}

void ft_err_set_exc(FtObject *exc) {
    FT_INCREF(exc);
    set_raised(ft_tstate_get(), exc);
}

void ft_err_set_object(FtType *type, FtObject *value) {
    FtThreadState *ts = ft_tstate_get();
    FtObject *exc;
    if (value != NULL && ft_exception_check(value) &&
        ft_type_is_subtype(FT_TYPE(value), type)) {
        exc = FT_NEWREF(value);
    } else if (value == NULL || value == FT_NONE) {
        exc = ft_exc_new(type, NULL, 0);
    } else if (ft_tuple_check(value)) {
        exc = ft_exc_new(type, FT_TUPLE_ITEMS(value), FT_SIZE(value));
    } else {
        exc = ft_exc_new(type, &value, 1);
    }
    if (exc == NULL)
        return; /* building it raised something else: that stays set */
    if (!ft_exception_check(exc)) {
        FT_DECREF(exc);
        ft_err_format(ft_exc_TypeError,
                      "calling %R should have returned an instance of BaseException, not %T",
                      (FtObject *)type, exc);
        return;
    }
    set_raised(ts, exc);
}

void ft_err_set_none(FtType *type) { ft_err_set_object(type, NULL); }

void ft_err_set_string(FtType *type, const char *msg) {
    FtObject *s = ft_str_from_cstr(msg);
    if (s == NULL)
        return;
    ft_err_set_object(type, s);
    FT_DECREF(s);
}

FtObject *ft_err_format(FtType *type, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    FtObject *s = ft_str_from_vformat(fmt, ap);
    va_end(ap);
    if (s != NULL) {
        ft_err_set_object(type, s);
        FT_DECREF(s);
    }
    return NULL;
}

/* ---- inspecting -------------------------------------------------------------------------- */

FtObject *ft_err_occurred(void) {
    FtThreadState *ts = ft_tstate_get();
    return ts ? ts->curexc : NULL;
}

FtObject *ft_err_fetch(void) {
    FtThreadState *ts = ft_tstate_get();
    FtObject *exc = ts->curexc;
    ts->curexc = NULL;
    return exc;
}

void ft_err_restore(FtObject *exc) {
    FtThreadState *ts = ft_tstate_get();
    FtObject *old = ts->curexc;
    ts->curexc = exc;
    FT_XDECREF(old);
}

void ft_err_clear(void) { ft_err_restore(NULL); }

int ft_err_given_matches(FtObject *exc, FtObject *type) {
    if (exc == NULL || type == NULL)
        return 0;
    if (ft_tuple_check(type)) {
        for (ssize_t i = 0; i < FT_SIZE(type); i++) {
            if (ft_err_given_matches(exc, FT_TUPLE_GET(type, i)))
                return 1;
        }
        return 0;
    }
    /* exc may be an instance or a class */
    FtObject *cls = ft_exception_check(exc) ? (FtObject *)FT_TYPE(exc) : exc;
    if (ft_exception_class_check(cls) && ft_exception_class_check(type))
        return ft_type_is_subtype((FtType *)cls, (FtType *)type);
    return cls == type;
}

int ft_err_matches(FtType *type) {
    FtObject *exc = ft_err_occurred();
    if (exc == NULL)
        return 0;
    return ft_type_is_subtype(FT_TYPE(exc), type);
}

/* ---- special errors ------------------------------------------------------------------------ */

/* Built by ft_exc_init: raising MemoryError must not need memory. */
extern FtObject *ft_exc_memory_error_instance;

FtObject *ft_err_no_memory(void) {
    FtThreadState *ts = ft_tstate_get();
    FtObject *exc = ft_exc_memory_error_instance;
    if (ts == NULL)
        return NULL;
    if (exc == NULL) {
        /* Too early: the hierarchy is not ready yet. */
        return NULL;
    }
    /* The shared instance must not carry a traceback or context from an earlier raise. */
    FtBaseException *be = (FtBaseException *)exc;
    FT_CLEAR(be->traceback);
    FT_CLEAR(be->context);
    FT_CLEAR(be->cause);
    FT_INCREF(exc);
    FtObject *old = ts->curexc;
    ts->curexc = exc;
    FT_XDECREF(old);
    return NULL;
}

FtObject *ft_err_bad_argument(void) {
    ft_err_set_string(ft_exc_TypeError, "bad argument type for built-in operation");
    return NULL;
}

FtObject *ft_err_bad_internal_call(void) {
    ft_err_set_string(ft_exc_SystemError, "bad argument to internal function");
    return NULL;
}

/* errno -> OSError subclass (CPython's errnomap in exceptions.c). */
FtType *ft_err_oserror_subclass(int err) {
    switch (err) {
    case EAGAIN:
#if EWOULDBLOCK != EAGAIN
    case EWOULDBLOCK:
#endif
    case EALREADY:
    case EINPROGRESS:
        return ft_exc_BlockingIOError;
    case ECHILD:
        return ft_exc_ChildProcessError;
    case EPIPE:
#ifdef ESHUTDOWN
    case ESHUTDOWN:
#endif
        return ft_exc_BrokenPipeError;
    case ECONNABORTED:
        return ft_exc_ConnectionAbortedError;
    case ECONNREFUSED:
        return ft_exc_ConnectionRefusedError;
    case ECONNRESET:
        return ft_exc_ConnectionResetError;
    case EEXIST:
        return ft_exc_FileExistsError;
    case ENOENT:
        return ft_exc_FileNotFoundError;
    case EISDIR:
        return ft_exc_IsADirectoryError;
    case ENOTDIR:
        return ft_exc_NotADirectoryError;
    case EINTR:
        return ft_exc_InterruptedError;
    case EACCES:
    case EPERM:
#ifdef ENOTCAPABLE
    case ENOTCAPABLE:
#endif
        return ft_exc_PermissionError;
    case ESRCH:
        return ft_exc_ProcessLookupError;
    case ETIMEDOUT:
        return ft_exc_TimeoutError;
    default:
        return NULL;
    }
}

FtObject *ft_err_set_from_errno_filename(FtType *type, FtObject *filename) {
    int err = errno;
    if (err == ENOMEM)
        return ft_err_no_memory();
    FtObject *args[3];
    ssize_t n = 2;
    args[0] = ft_int_from_i64(err);
    args[1] = ft_str_from_cstr(err ? strerror(err) : "Error");
    if (args[0] == NULL || args[1] == NULL) {
        FT_XDECREF(args[0]);
        FT_XDECREF(args[1]);
        return NULL;
    }
    if (filename != NULL && filename != FT_NONE) {
        args[2] = filename;
        n = 3;
    }
    /* OSError(errno, ...) picks the subclass itself; a more specific type is kept. */
    FtObject *exc = ft_exc_new(type, args, n);
    FT_DECREF(args[0]);
    FT_DECREF(args[1]);
    if (exc != NULL) {
        ft_err_set_exc(exc);
        FT_DECREF(exc);
    }
    return NULL;
}

FtObject *ft_err_set_from_errno(FtType *type) {
    return ft_err_set_from_errno_filename(type, NULL);
}

void ft_err_chain_context(void) {
    FtThreadState *ts = ft_tstate_get();
    if (ts->curexc != NULL)
        chain_handled(ts, ts->curexc);
}

/* ---- unraisable exceptions and warnings ----------------------------------------------- */

void ft_err_write_unraisable(FtObject *context) {
    FtObject *exc = ft_err_fetch();
    if (exc == NULL)
        return;
    if (context != NULL) {
        FtObject *r = ft_object_repr(context);
        if (r == NULL) {
            ft_err_clear();
            ft_stdio_write_stderr("Exception ignored in: <object repr() failed>\n");
        } else {
            ft_stdio_write_stderr("Exception ignored in: ");
            ft_stdio_write_stderr(ft_str_as_utf8(r));
            ft_stdio_write_stderr("\n");
            FT_DECREF(r);
        }
    }
    ft_err_display(exc);
    FT_DECREF(exc);
    ft_err_clear();
}

/* Line `lineno` of a source file, stripped of surrounding whitespace, as linecache gives it
 * to warnings.showwarning; NULL when unavailable. Caller frees. */
static char *source_line(const char *filename, long lineno) {
    FILE *f = fopen(filename, "r");
    if (f == NULL)
        return NULL;
    char buf[4096];
    char *result = NULL;
    long n = 0;
    while (fgets(buf, sizeof buf, f) != NULL) {
        size_t len = strlen(buf);
        int complete = len > 0 && buf[len - 1] == '\n';
        if (++n == lineno) {
            char *p = buf;
            while (*p == ' ' || *p == '\t' || *p == '\f')
                p++;
            len = strlen(p);
            while (len > 0 && (p[len - 1] == '\n' || p[len - 1] == '\r' || p[len - 1] == ' ' ||
                               p[len - 1] == '\t'))
                len--;
            p[len] = '\0';
            result = ft_mem_strdup(p);
            break;
        }
        /* a line longer than the buffer continues: do not count its pieces as lines */
        while (!complete && fgets(buf, sizeof buf, f) != NULL) {
            len = strlen(buf);
            complete = len > 0 && buf[len - 1] == '\n';
        }
    }
    fclose(f);
    return result;
}

/* Locations already warned about: "file:line:category:message" strings. */
static FtObject *warned_registry;

/* CPython's default filters: DeprecationWarning shows only when triggered by __main__;
 * PendingDeprecationWarning, ImportWarning and ResourceWarning are ignored. */
static int warning_ignored(FtType *category) {
    if (ft_type_is_subtype(category, ft_exc_PendingDeprecationWarning) ||
        ft_type_is_subtype(category, ft_exc_ImportWarning) ||
        ft_type_is_subtype(category, ft_exc_ResourceWarning))
        return 1;
    if (ft_type_is_subtype(category, ft_exc_DeprecationWarning)) {
        FtObject *globals = ft_vm_globals();
        FtObject *name = globals ? ft_dict_get_cstr(globals, "__name__") : NULL;
        return !(name != NULL && ft_str_check(name) && ft_str_eq_cstr(name, "__main__"));
    }
    return 0;
}

int ft_err_warn(FtType *category, const char *msg) {
    if (warning_ignored(category))
        return 0;
    FtObject *saved = ft_err_fetch();
    const char *filename = "sys";
    long lineno = 1;
    FtObject *frame = ft_vm_getframe(0);
    FtObject *fn = NULL, *ln = NULL;
    if (frame != NULL) {
        FtObject *code = ft_object_getattr_cstr(frame, "f_code");
        if (code != NULL) {
            fn = ft_object_getattr_cstr(code, "co_filename");
            FT_DECREF(code);
        }
        ln = ft_object_getattr_cstr(frame, "f_lineno");
        FT_DECREF(frame);
    }
    ft_err_clear();
    if (fn != NULL && ft_str_check(fn))
        filename = ft_str_as_utf8(fn);
    if (ln != NULL && ft_int_check(ln)) {
        int overflow = 0;
        lineno = (long)ft_int_as_i64(ln, &overflow);
    }
    const char *catname = ft_type_short_name(category);
    FtObject *key = ft_str_from_format("%s:%ld:%s:%s", filename, lineno, catname, msg);
    int show = 1;
    if (key != NULL) {
        FtObject *registry = __atomic_load_n(&warned_registry, __ATOMIC_ACQUIRE);
        if (registry == NULL && (registry = ft_set_new(NULL)) != NULL) {
            /* Two threads may race to make it: the loser drops its set and uses the other.
             * Release publishes the set's contents to the acquire load above. */
            FtObject *expected = NULL;
            if (!__atomic_compare_exchange_n(&warned_registry, &expected, registry, 0,
                                             __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE)) {
                FT_DECREF(registry);
                registry = expected;
            }
        }
        if (registry != NULL) {
            if (ft_set_contains(registry, key) == 1)
                show = 0;
            else
                ft_set_add(registry, key);
        }
        FT_DECREF(key);
    }
    ft_err_clear();
    if (show) {
        FtObject *line = ft_str_from_format("%s:%ld: %s: %s\n", filename, lineno, catname, msg);
        if (line != NULL) {
            ft_stdio_write_stderr(ft_str_as_utf8(line));
            FT_DECREF(line);
        }
        char *src = source_line(filename, lineno);
        if (src != NULL) {
            if (src[0] != '\0') {
                ft_stdio_write_stderr("  ");
                ft_stdio_write_stderr(src);
                ft_stdio_write_stderr("\n");
            }
            ft_mem_free(src);
        }
        ft_err_clear();
    }
    FT_XDECREF(fn);
    FT_XDECREF(ln);
    ft_err_restore(saved);
    return 0;
}
