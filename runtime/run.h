/* Running programs: files, strings, modules, the interactive prompt (runtime/run.c). */
#ifndef FT_RUN_H
#define FT_RUN_H

#include "core/object.h"

/* Read a whole file into a NUL-terminated buffer (free with ft_mem_free); NULL with OSError. */
char *ft_read_file(const char *path, ssize_t *len);
/* Compile and execute source as the body of module `mod`; returns the module's dict result
 * status: 0 ok, -1 exception set. */
int ft_exec_source_in_module(FtObject *mod, const char *src, ssize_t len, FtObject *filename);

/* The compiler flags for an optimisation level (0, 1, 2; -1: the interpreter's, from -O). */
int ft_optimize_flags(int level);

/* Entry points for the command line; each returns the process exit status. */
int ft_run_file(const char *path);
int ft_run_string(const char *code);
int ft_run_module(const char *name);
int ft_run_interactive(void);

/* The exit status for an uncaught exception (SystemExit handled, traceback printed). */
int ft_handle_uncaught(void);

#endif
