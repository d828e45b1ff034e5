/* The ftpy command line: ftpy [options] [-c cmd | -m mod | file | -] [args]. */
#include "core/object.h"
#include "runtime/import.h"
#include "runtime/run.h"
#include "runtime/signals.h"
#include "runtime/tstate.h"
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char usage[] =
    "usage: ftpy [option] ... [-c cmd | -m mod | file | -] [arg] ...\n"
    "Options:\n"
    "-B     : don't write .pyc files on import; also FTPYDONTWRITEBYTECODE=x\n"
    "-c cmd : program passed in as string (terminates option list)\n"
    "-h     : print this help message and exit (also -? or --help)\n"
    "-i     : inspect interactively after running script\n"
    "-m mod : run library module as a script (terminates option list)\n"
    "-O     : remove assert and __debug__-dependent statements; -OO also docstrings\n"
    "-u     : force the stdout and stderr streams to be unbuffered\n"
    "-V     : print the Python version, the ftpy version and the locking strategy, and exit\n"
    "-X opt : implementation-specific option:\n"
    "         -X stats                 print VM counters when the program ends\n"
    "         -X switchinterval=SECS   the GIL switch interval (default 0.005)\n"
    "file   : program read from script file\n"
    "-      : program read from stdin (default; interactive mode if a tty)\n"
    "arg ...: arguments passed to program in sys.argv[1:]\n"
    "\n"
    "Environment variables:\n"
    "FTPYPATH : ':'-separated list of directories prefixed to the module search path\n";

static int set_argv(int argc, char **argv, const char *first) {
    FtObject *list = ft_list_new(0);
    if (!list)
        return -1;
    FtObject *a0 = ft_str_from_cstr(first);
    if (!a0 || ft_list_append(list, a0) < 0)
        goto fail;
    FT_DECREF(a0);
    for (int i = 0; i < argc; i++) {
        FtObject *a = ft_str_from_cstr(argv[i]);
        if (!a || ft_list_append(list, a) < 0) {
            FT_XDECREF(a);
            goto fail;
        }
        FT_DECREF(a);
    }
    int r = ft_dict_set_cstr(ft_runtime.sys_dict, "argv", list);
    FT_DECREF(list);
    return r;
fail:
    FT_DECREF(list);
    return -1;
}

static int xoption(const char *opt) {
    if (strcmp(opt, "stats") == 0) {
        ft_runtime.stats = 1;
    } else if (strncmp(opt, "switchinterval=", 15) == 0) {
        double v = atof(opt + 15);
        if (v <= 0) {
            fprintf(stderr, "-X switchinterval: the interval must be positive\n");
            return -1;
        }
        ft_runtime.switch_interval = v;
    }
    /* Unknown -X options are ignored, as CPython does. */
    return 0;
}

/* The directory part of a script path, as sys.path[0]. */
static char *script_dir(const char *path) {
    char *full = realpath(path, NULL);
    const char *p = full ? full : path;
    const char *slash = strrchr(p, '/');
    char *dir = strndup(p, slash ? (size_t)(slash - p) : 0);
    free(full);
    return dir;
}

int main(int argc, char **argv) {
    const char *command = NULL, *module = NULL, *file = NULL;
    int inspect = 0, i = 1;
    for (; i < argc; i++) {
        const char *a = argv[i];
        if (a[0] != '-' || strcmp(a, "-") == 0)
            break;
        if (strcmp(a, "--") == 0) {
            i++;
            break;
        }
        if (strcmp(a, "--version") == 0 || strcmp(a, "-V") == 0) {
            printf("Python %s (ftpy %s, locking strategy: %s)\n", FT_PYTHON_VERSION, FT_VERSION,
                   FT_LOCKING_NAME);
            return 0;
        }
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0 || strcmp(a, "-?") == 0) {
            fputs(usage, stdout);
            return 0;
        }
        /* Bundled single-letter flags: -uB, -c'code', -mmod, -Xstats. */
        for (const char *f = a + 1; *f; f++) {
            if (*f == 'c' || *f == 'm' || *f == 'X') {
                const char *val = f[1] ? f + 1 : (i + 1 < argc ? argv[++i] : NULL);
                if (!val) {
                    fprintf(stderr, "Argument expected for the -%c option\n%s", *f, usage);
                    return 2;
                }
                if (*f == 'c')
                    command = val;
                else if (*f == 'm')
                    module = val;
                else if (xoption(val) < 0)
                    return 2;
                break;
            }
            switch (*f) {
            case 'B': ft_runtime.dont_write_bytecode = 1; break;
            case 'i': inspect = 1; break;
            case 'u': setvbuf(stdout, NULL, _IONBF, 0); break;
            case 'v': ft_runtime.verbose++; break;
            case 'I': ft_runtime.isolated = 1; break;
            case 'O': ft_runtime.optimize++; break;
            case 'E': case 's': case 'S': case 'q': case 'b': case 'd': case 'R':
                break;
            default:
                fprintf(stderr, "Unknown option: -%c\n%s", *f, usage);
                return 2;
            }
        }
        if (command || module) {
            i++;
            break;
        }
    }
    if (!command && !module && i < argc)
        file = argv[i++];
    if (getenv("FTPYDONTWRITEBYTECODE") && *getenv("FTPYDONTWRITEBYTECODE"))
        ft_runtime.dont_write_bytecode = 1;

    /* Like CPython: a write to a closed pipe is an EPIPE error, not a fatal signal. */
    signal(SIGPIPE, SIG_IGN);

    if (ft_runtime_init(argc, argv) < 0)
        return 1;

    int status;
    const char *arg0 = command ? "-c" : module ? module : file ? file : "";
    /* sys.path[0]: the script's directory; for -m the current directory, absolute (as
     * CPython); for -c, stdin and the prompt the empty string (the current directory). */
    char *dir = file && strcmp(file, "-") != 0 ? script_dir(file)
              : module                         ? getcwd(NULL, 0)
                                               : strdup("");
    if (set_argv(argc - i, argv + i, arg0) < 0 || ft_import_init_path(dir) < 0) {
        status = ft_handle_uncaught();
        free(dir);
        return status ? status : 1;
    }
    free(dir);

    if (command) {
        status = ft_run_string(command);
    } else if (module) {
        status = ft_run_module(module);
    } else if (file && strcmp(file, "-") != 0) {
        status = ft_run_file(file);
    } else if (isatty(STDIN_FILENO)) {
        status = ft_run_interactive();
        inspect = 0;
    } else {
        ssize_t len;
        char *src = ft_read_file("/dev/stdin", &len);
        if (!src)
            return ft_handle_uncaught();
        FtObject *mod = ft_module_new_cstr("__main__");
        FtObject *fname = ft_str_from_cstr("<stdin>");
        if (!mod || !fname || ft_dict_set_cstr(ft_runtime.modules, "__main__", mod) < 0 ||
            ft_exec_source_in_module(mod, src, len, fname) < 0)
            status = ft_handle_uncaught();
        else
            status = 0;
        FT_XDECREF(mod);
        FT_XDECREF(fname);
        ft_mem_free(src);
    }
    if (inspect && isatty(STDIN_FILENO))
        status = ft_run_interactive();
    ft_runtime_fini();
    if (ft_signals_unhandled_kbi)
        return ft_signals_exit_sigint();
    return status;
}
