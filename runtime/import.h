/* The import system (runtime/import.c) and the table of modules written in C. */
#ifndef FT_IMPORT_H
#define FT_IMPORT_H

#include "core/object.h"

/* builtins.__import__(name, globals, locals, fromlist, level): what IMPORT_NAME calls. */
FtObject *ft_import_module_level(FtObject *name, FtObject *globals, FtObject *fromlist,
                                 int level);
FtObject *ft_import_cstr(const char *name);           /* import name; returns the module */
FtObject *ft_import_builtin(const char *name);        /* a C module by name, or NULL (no error)
                                                         when there is none */

/* 1 while the module's body is still running (its __spec__._initializing is true): for
 * IMPORT_FROM's "partially initialized module" message. Never fails. */
int ft_import_is_initializing(FtObject *module);

/* `ftpy -m name` (runpy._run_module_as_main): imports the parent packages, finds the module
 * (a package runs its __main__ submodule), sets sys.argv[0] to its path and executes it as
 * __main__ with __package__, __spec__, __file__ and __cached__ set, through the bytecode
 * cache. Returns 0; -1 with the module's exception set (report it with
 * ft_handle_uncaught); -2 when there is nothing to run: print "<argv0>: <errmsg>", exit 1. */
int ft_import_run_main(const char *name, char *errmsg, size_t errsize);

/* Modules written in C: one FtModuleDef each, listed in runtime/modules/registry.c. */
typedef struct FtBuiltinModule {
    const char *name;
    FtModuleDef *def;
} FtBuiltinModule;
extern const FtBuiltinModule ft_builtin_modules[];   /* ends with { NULL, NULL } */

extern FtModuleDef ft_builtins_module_def;  /* runtime/modules/builtins.c */
extern FtModuleDef ft_sys_module_def;       /* runtime/modules/sys.c */
extern FtModuleDef ft_math_module_def;      /* runtime/modules/math.c */
extern FtModuleDef ft_time_module_def;      /* runtime/modules/time.c */
extern FtModuleDef ft_posix_module_def;     /* runtime/modules/posix.c */
extern FtModuleDef ft_random_module_def;    /* runtime/modules/random.c */
extern FtModuleDef ft_thread_module_def;    /* runtime/modules/thread.c */
extern FtModuleDef ft_marshal_module_def;   /* runtime/modules/marshalmod.c */
extern FtModuleDef ft_opcode_module_def;    /* runtime/modules/_opcode.c */
extern FtModuleDef ft_ast_module_def;       /* runtime/modules/_ast.c */
extern FtModuleDef ft_imp_module_def;       /* runtime/modules/_imp.c */
extern FtModuleDef ft_gc_module_def;        /* runtime/modules/gc.c */
extern FtModuleDef ft_weakref_module_def;   /* core/objects/weakref.c */
extern FtModuleDef ft_signal_module_def;    /* runtime/modules/signal.c */
extern FtModuleDef ft_zlib_module_def;      /* runtime/modules/zlib.c */
extern FtModuleDef ft_hashlib_module_def;   /* runtime/modules/_hashlib.c */
extern FtModuleDef ft_socket_module_def;    /* runtime/modules/socket.c */
extern FtModuleDef ft_select_module_def;    /* runtime/modules/select.c */
extern FtModuleDef ft_io_module_def;        /* runtime/modules/_io.c */
extern FtModuleDef ft_posixsubprocess_module_def; /* runtime/modules/posixsubprocess.c */
extern FtModuleDef ft_multiprocessing_module_def; /* runtime/modules/multiprocessing.c */
/* builtins.open, also io.open (FASTCALL|KEYWORDS): calls io._open (runtime/modules/_io.c). */
FtObject *ft_io_open(FtObject *self, FtObject *const *args, ssize_t nargs, FtObject *kwnames);
/* At interpreter exit (ft_runtime_fini, next to ft_stdio_flush_all): write out the data still
 * buffered in every live io.BufferedWriter/BufferedRandom (runtime/modules/_io.c). */
void ft_io_flush_all(void);

#endif

/* sys.path at start-up: `first` (the script's directory, "" for -c / -m / the prompt), the
 * FTPYPATH entries, then ftpy's own library (runtime/lib). */
int ft_import_init_path(const char *first);
