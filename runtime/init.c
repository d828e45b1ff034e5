/* Start-up and shut-down of the runtime: the main thread state, the built-in types of every
 * area in dependency order, then the builtins and sys modules. */
#include "runtime/import.h"
#include "runtime/modules/stdio.h"
#include "runtime/signals.h"
#include "runtime/tstate.h"
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static int init_module(FtModuleDef *def, FtObject **mod, FtObject **dict) {
    *mod = ft_module_from_def(def);
    if (!*mod)
        return -1;
    *dict = ft_module_get_dict(*mod);
    return ft_dict_set_cstr(ft_runtime.modules, def->name, *mod);
}

int ft_runtime_init(int argc, char **argv) {
    ft_runtime.argc = argc;
    ft_runtime.argv = argv;
    /* sys.executable: the binary itself, so that subprocess and multiprocessing can start
     * another interpreter of the same build. */
    static char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        ft_runtime.executable = exe;
    }
    lk_runtime_init();
    FtThreadState *ts = ft_tstate_new();
    if (!ts)
        return -1;
    ft_tstate_current = ts;
    ft_runtime.main_thread = ts;
    lk_thread_init(ts);

    /* Types first, area by area: the type system (needs no objects), then every area's
     * static types, then the namespaces (tp_dict, MRO) of all of them at once, which needs
     * str, dict, tuple, list and int to exist. */
    if (ft_typesystem_init() < 0 || ft_text_init() < 0 || ft_numbers_init() < 0 ||
        ft_containers_init() < 0 || ft_exc_init() < 0 || ft_vm_types_init() < 0 ||
        ft_types_finish_init() < 0)
        goto fail;

    ft_runtime.modules = ft_dict_new();
    if (!ft_runtime.modules)
        goto fail;
    if (init_module(&ft_builtins_module_def, &ft_runtime.builtins, &ft_runtime.builtins_dict) < 0 ||
        init_module(&ft_sys_module_def, &ft_runtime.sys, &ft_runtime.sys_dict) < 0)
        goto fail;
    /* SIGINT raises KeyboardInterrupt from the start, without importing signal. */
    if (ft_signals_init() < 0)
        goto fail;
    return 0;

fail:
    fprintf(stderr, "ftpy: fatal error during start-up\n");
    if (ts->curexc)
        ft_err_display(ts->curexc);
    return -1;
}

/* The interpreter waits for the non-daemon threads at exit (threading._shutdown), as
 * CPython's Py_FinalizeEx does, if the program used threading at all. */
static void wait_for_thread_shutdown(void) {
    FtObject *threading = ft_dict_get_cstr(ft_runtime.modules, "threading");
    if (!threading)
        return;
    FT_INCREF(threading);
    FtObject *r = ft_object_call_method_cstr(threading, "_shutdown", NULL, 0);
    if (r)
        FT_DECREF(r);
    else
        ft_err_write_unraisable(threading);
    FT_DECREF(threading);
}

void ft_runtime_fini(void) {
    wait_for_thread_shutdown();
    ft_io_flush_all(); /* files nobody closed still get their data, as in CPython */
    ft_stdio_flush_all();
    if (ft_runtime.stats)
        ft_stats_print();
    ft_signals_fini();
    /* Objects are left to the operating system, as CPython does for most of them; the
     * cycle collector and finalizers at exit arrive with the GC issue. */
}
