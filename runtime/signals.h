/* Signal handling (runtime/signals.c): the C-level handler that records a signal, the table of
 * Python-level handlers, and running those handlers in the main thread at its next yield
 * point or when a blocking call it makes is interrupted. The `_signal` module
 * (runtime/modules/signal.c) is the Python face of this. */
#ifndef FT_SIGNALS_H
#define FT_SIGNALS_H

#include "core/object.h"
#include <signal.h>

/* Number of signal numbers (CPython's Py_NSIG: 65 on Linux; valid numbers are 1..64). */
#define FT_NSIG 65

/* Start-up, from ft_runtime_init once the types exist and ft_runtime.main_thread is set:
 * ignores SIGPIPE and SIGXFSZ (as CPython does), records every signal's current disposition,
 * installs default_int_handler (KeyboardInterrupt) for SIGINT unless SIGINT is ignored, and
 * installs the eval loop's pending hook (ft_vm_pending_hook). Returns -1 with an exception
 * set on failure. */
int ft_signals_init(void);
/* Shut-down, at the end of ft_runtime_fini: every signal with a Python handler goes back to
 * SIG_DFL and the C handler stops touching the main thread's state. */
void ft_signals_fini(void);
/* In the child of os.fork (runtime/fork.c): `ts`, the forking thread, is the main thread. */
void ft_signals_after_fork_child(struct FtThreadState *ts);

/* PyErr_CheckSignals: in the main thread, run the Python handlers of the signals received
 * since the last run. Returns -1 with the exception set when a handler raised (for SIGINT by
 * default: KeyboardInterrupt), else 0. In other threads it does nothing and returns 0.
 * Call it attached. A blocking call interrupted by a signal (EINTR) calls it, then retries
 * with the time left if it returned 0 (PEP 475). */
int ft_signals_check(void);
/* A signal was received whose Python handler has not run yet (any thread; no side effect).
 * For waits that poll: a main-thread wait that sees it should attach and ft_signals_check(). */
int ft_signals_pending(void);
/* The calling thread is the main thread (the one that runs the Python signal handlers). */
int ft_signals_is_main_thread(void);
/* Simulate the arrival of `signum` (_thread.interrupt_main, PyErr_SetInterruptEx): its Python
 * handler runs in the main thread as if the signal had arrived; nothing when the signal is
 * not handled by Python (SIG_DFL, SIG_IGN). Returns -1 (ValueError set) for a bad number. */
int ft_signals_trip(int signum);

/* The module's view of the handler table (main-thread only setters, checked by the module).
 * `handler` is SIG_DFL/SIG_IGN as the ints 0/1, or a callable. */
FtObject *ft_signals_get_handler(int signum);        /* new reference; None when unknown */
int ft_signals_set_handler(int signum, FtObject *handler, FtObject **old);
FtObject *ft_signals_default_int_handler(void);     /* BORROWED, the builtin function */
/* set_wakeup_fd: the fd the C handler writes the signal number to (-1: none); returns the
 * previous one. */
int ft_signals_set_wakeup_fd(int fd, int warn_on_full_buffer);

/* Set (to 1) by ft_handle_uncaught when the main program ends with an uncaught
 * KeyboardInterrupt: ftpy's main then exits through ft_signals_exit_sigint after
 * ft_runtime_fini (CPython's _Py_UnhandledKeyboardInterrupt). */
extern int ft_signals_unhandled_kbi;

/* Exit after an uncaught KeyboardInterrupt in the main program, as CPython does: restore
 * SIGINT's default action and kill the process with SIGINT, so that the parent sees "killed
 * by SIGINT" (a shell reports 130). Returns 130 (128 + SIGINT) if the process survived. */
int ft_signals_exit_sigint(void);

#endif
