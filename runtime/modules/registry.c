/* The modules written in C, by import name. A new C module: one line here. */
#include "runtime/import.h"

const FtBuiltinModule ft_builtin_modules[] = {
    {"builtins", &ft_builtins_module_def},
    {"sys", &ft_sys_module_def},
    {"math", &ft_math_module_def},
    {"time", &ft_time_module_def},
    {"posix", &ft_posix_module_def},
    {"_random", &ft_random_module_def},
    {"_thread", &ft_thread_module_def},
    {"marshal", &ft_marshal_module_def},
    {"_opcode", &ft_opcode_module_def},
    {"_ast", &ft_ast_module_def},
    {"_imp", &ft_imp_module_def},
    {"gc", &ft_gc_module_def},
    {"_weakref", &ft_weakref_module_def},
    {"_signal", &ft_signal_module_def},
    {"_socket", &ft_socket_module_def},
    {"select", &ft_select_module_def},
    {"_io", &ft_io_module_def},
    {"zlib", &ft_zlib_module_def},
    {"_hashlib", &ft_hashlib_module_def},
    {"_posixsubprocess", &ft_posixsubprocess_module_def},
    {"_multiprocessing", &ft_multiprocessing_module_def},
    {NULL, NULL},
};
