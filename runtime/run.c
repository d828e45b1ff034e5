/* Running programs: a file as __main__, a -c string, a -m module, standard input, and the
 * interactive prompt; and what happens to an exception nobody caught. */
#include "runtime/run.h"
#include "core/compiler/compile.h"
#include "runtime/import.h"
#include "runtime/signals.h"
#include "runtime/tstate.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

char *ft_read_file(const char *path, ssize_t *len) {
    FILE *f = fopen(path, "rb");
    if (!f) {
        FtObject *name = ft_str_from_cstr(path);
        if (name) {
            ft_err_set_from_errno_filename(ft_exc_OSError, name);
            FT_DECREF(name);
        }
        return NULL;
    }
    size_t cap = 8192, n = 0;
    char *buf = ft_mem_alloc(cap);
    while (buf) {
        size_t got = fread(buf + n, 1, cap - n - 1, f);
        n += got;
        if (n < cap - 1)
            break;
        cap *= 2;
        char *bigger = ft_mem_realloc(buf, cap);
        if (!bigger) {
            ft_mem_free(buf);
            buf = NULL;
        } else {
            buf = bigger;
        }
    }
    fclose(f);
    if (buf) {
        buf[n] = 0;
        *len = (ssize_t)n;
    }
    return buf;
}

int ft_optimize_flags(int level) {
    if (level < 0)
        level = ft_runtime.optimize;
    return (level >= 1 ? FT_CF_OPTIMIZE : 0) | (level >= 2 ? FT_CF_OPTIMIZE2 : 0);
}

int ft_exec_source_in_module(FtObject *mod, const char *src, ssize_t len, FtObject *filename) {
    FtObject *code = ft_compile_source(src, len, filename, FT_MODE_EXEC, ft_optimize_flags(-1));
    if (!code)
        return -1;
    FtObject *dict = ft_module_get_dict(mod);
    if (!ft_dict_get_cstr(dict, "__builtins__") &&
        ft_dict_set_cstr(dict, "__builtins__", ft_runtime.builtins) < 0) {
        FT_DECREF(code);
        return -1;
    }
    FtObject *r = ft_eval_code(code, dict, dict);
    FT_DECREF(code);
    if (!r)
        return -1;
    FT_DECREF(r);
    return 0;
}

/* SystemExit: None -> 0, an int -> that status, anything else is printed -> 1. */
static int system_exit_status(FtObject *exc) {
    FtObject *code = ((FtSystemExit *)exc)->code;
    if (!code || code == FT_NONE)
        return 0;
    if (ft_int_check(code)) {
        int overflow;
        int64_t v = ft_int_as_i64(code, &overflow);
        return overflow ? -1 : (int)v;
    }
    FtObject *s = ft_object_str(code);
    if (s) {
        fflush(stdout);
        FtObject *err = ft_dict_get_cstr(ft_runtime.sys_dict, "stderr");
        FtObject *line = ft_str_from_format("%U\n", s);
        if (err && line) {
            FtObject *r = ft_object_call_method_cstr(err, "write", &line, 1);
            FT_XDECREF(r);
        }
        FT_XDECREF(line);
        FT_DECREF(s);
    }
    ft_err_clear();
    return 1;
}

/* An uncaught exception goes to sys.excepthook; the default hook (sys.__excepthook__) is
 * ft_err_display, called directly. A failing hook is reported and the default used. */
static void print_exception(FtObject *exc) {
    FtObject *hook = ft_dict_get_cstr(ft_runtime.sys_dict, "excepthook");
    FtObject *dflt = ft_dict_get_cstr(ft_runtime.sys_dict, "__excepthook__");
    if (!hook || hook == dflt) {
        ft_err_display(exc);
        return;
    }
    FtObject *tb = ft_exc_get_traceback(exc);
    FtObject *args[3] = {(FtObject *)FT_TYPE(exc), exc, tb ? tb : FT_NONE};
    FT_INCREF(hook);
    FtObject *r = ft_object_vectorcall(hook, args, 3, NULL);
    FT_DECREF(hook);
    if (r) {
        FT_DECREF(r);
        return;
    }
    FtObject *hook_exc = ft_err_fetch();
    fflush(stdout);
    fputs("Error in sys.excepthook:\n", stderr);
    ft_err_display(hook_exc);
    fputs("\nOriginal exception was:\n", stderr);
    FT_XDECREF(hook_exc);
    ft_err_display(exc);
}

int ft_handle_uncaught(void) {
    FtObject *exc = ft_err_fetch();
    if (!exc)
        return 0;
    int status;
    if (ft_err_given_matches(exc, (FtObject *)ft_exc_SystemExit)) {
        status = system_exit_status(exc);
    } else {
        print_exception(exc);
        status = 1;
        /* Like CPython, die of SIGINT after an uncaught KeyboardInterrupt (main.c). */
        if (ft_err_given_matches(exc, (FtObject *)ft_exc_KeyboardInterrupt))
            ft_signals_unhandled_kbi = 1;
    }
    FT_DECREF(exc);
    return status;
}

static FtObject *make_main_module(const char *file) {
    FtObject *mod = ft_module_new_cstr("__main__");
    if (!mod)
        return NULL;
    if (ft_dict_set_cstr(ft_runtime.modules, "__main__", mod) < 0 ||
        ft_dict_set_cstr(ft_module_get_dict(mod), "__builtins__", ft_runtime.builtins) < 0)
        goto fail;
    if (file) {
        FtObject *f = ft_str_from_cstr(file);
        if (!f || ft_dict_set_cstr(ft_module_get_dict(mod), "__file__", f) < 0) {
            FT_XDECREF(f);
            goto fail;
        }
        FT_DECREF(f);
    }
    return mod;
fail:
    FT_DECREF(mod);
    return NULL;
}

static int run_source_as_main(const char *src, ssize_t len, const char *filename, const char *file) {
    FtObject *mod = make_main_module(file);
    FtObject *fname = ft_str_from_cstr(filename);
    int status = 0;
    if (!mod || !fname || ft_exec_source_in_module(mod, src, len, fname) < 0)
        status = ft_handle_uncaught();
    FT_XDECREF(fname);
    FT_XDECREF(mod);
    return status;
}

/* os.path.abspath: the main script is known by its absolute path (CPython 3.9+), without
 * resolving symbolic links; "." and ".." components are folded. */
static char *absolute_path(const char *path) {
    char cwd[4096];
    size_t cap = strlen(path) + sizeof cwd + 2;
    char *joined = malloc(cap), *out = malloc(cap);
    if (path[0] == '/' || !getcwd(cwd, sizeof cwd))
        snprintf(joined, cap, "%s", path);
    else
        snprintf(joined, cap, "%s/%s", cwd, path);
    size_t n = 0;
    for (char *part = strtok(joined, "/"); part; part = strtok(NULL, "/")) {
        if (strcmp(part, ".") == 0)
            continue;
        if (strcmp(part, "..") == 0) {
            while (n > 0 && out[n - 1] != '/')
                n--;
            if (n > 0)
                n--;
            continue;
        }
        out[n++] = '/';
        size_t len = strlen(part);
        memcpy(out + n, part, len);
        n += len;
    }
    if (n == 0)
        out[n++] = '/';
    out[n] = 0;
    free(joined);
    return out;
}

int ft_run_file(const char *path) {
    ssize_t len;
    char *src = ft_read_file(path, &len);
    if (!src) {
        FtObject *exc = ft_err_fetch();
        FtObject *msg = exc ? ft_object_str(exc) : NULL;
        fprintf(stderr, "%s: can't open file '%s': %s\n", ft_runtime.argv[0], path,
                msg ? ft_str_as_utf8(msg) : strerror(errno));
        FT_XDECREF(msg);
        FT_XDECREF(exc);
        return 2;
    }
    char *abspath = absolute_path(path);
    int status = run_source_as_main(src, len, abspath, abspath);
    free(abspath);
    ft_mem_free(src);
    return status;
}

int ft_run_string(const char *code) {
    return run_source_as_main(code, (ssize_t)strlen(code), "<string>", NULL);
}

/* -m: run a module (a package's __main__) as __main__, as runpy does (runtime/import.c). */
int ft_run_module(const char *name) {
    char msg[2048];
    int r = ft_import_run_main(name, msg, sizeof msg);
    if (r == -2) {
        fprintf(stderr, "%s: %s\n", ft_runtime.argv[0], msg);
        return 1;
    }
    return r < 0 ? ft_handle_uncaught() : 0;
}

/* Is this interactive input complete, or does it need continuation lines? */
static int needs_more(const char *src, const char *last_line) {
    int depth = 0;
    char quote = 0;
    for (const char *p = src; *p; p++) {
        if (quote) {
            if (*p == '\\' && p[1])
                p++;
            else if (*p == quote)
                quote = 0;
        } else if (*p == '#') {
            while (*p && *p != '\n')
                p++;
            if (!*p)
                break;
        } else if (*p == '\'' || *p == '"') {
            quote = *p;
        } else if (*p == '(' || *p == '[' || *p == '{') {
            depth++;
        } else if (*p == ')' || *p == ']' || *p == '}') {
            depth--;
        }
    }
    if (depth > 0)
        return 1;
    size_t n = strlen(last_line);
    while (n && (last_line[n - 1] == '\n' || last_line[n - 1] == ' '))
        n--;
    if (n && (last_line[n - 1] == ':' || last_line[n - 1] == '\\'))
        return 1;
    /* Inside a block: keep reading until an empty line. */
    return strchr(src, '\n') != strrchr(src, '\n') && *last_line != '\n';
}

int ft_run_interactive(void) {
    FtObject *mod = make_main_module(NULL);
    if (!mod)
        return ft_handle_uncaught();
    FtObject *dict = ft_module_get_dict(mod);
    FtObject *fname = ft_str_from_cstr("<stdin>");
    fprintf(stderr, "Python %s (ftpy %s, %s locking)\nType \"help\" for more information.\n",
            FT_PYTHON_VERSION, FT_VERSION, FT_LOCKING_NAME);
    char line[8192];
    size_t cap = 1 << 16;
    char *src = malloc(cap);
    for (;;) {
        src[0] = 0;
        const char *prompt = ">>> ";
        for (;;) {
            fputs(prompt, stdout);
            fflush(stdout);
            if (!fgets(line, sizeof line, stdin)) {
                fputc('\n', stdout);
                free(src);
                FT_DECREF(fname);
                FT_DECREF(mod);
                return 0;
            }
            if (strlen(src) + strlen(line) + 1 < cap)
                strcat(src, line);
            if (!needs_more(src, line))
                break;
            prompt = "... ";
        }
        if (strspn(src, " \t\n") == strlen(src))
            continue;
        FtObject *code = ft_compile_source(src, (ssize_t)strlen(src), fname, FT_MODE_SINGLE,
                                           ft_optimize_flags(-1));
        FtObject *r = code ? ft_eval_code(code, dict, dict) : NULL;
        FT_XDECREF(code);
        if (r) {
            FT_DECREF(r);
        } else if (ft_err_matches(ft_exc_SystemExit)) {
            int status = ft_handle_uncaught();
            free(src);
            FT_DECREF(fname);
            FT_DECREF(mod);
            return status;
        } else {
            FtObject *exc = ft_err_fetch();
            print_exception(exc);
            FT_XDECREF(exc);
        }
    }
}
