/* What the posix module (runtime/modules/posix.c) shares with _posixsubprocess
 * (runtime/modules/posixsubprocess.c). */
#ifndef FT_MODULES_POSIX_H
#define FT_MODULES_POSIX_H

#include "core/object.h"

/* PyUnicode_FSConverter: str (UTF-8, surrogateescape), bytes or os.PathLike to a new bytes
 * object without NUL bytes; NULL with TypeError/ValueError set otherwise. */
FtObject *ft_fs_bytes(FtObject *o);

/* A NULL-terminated char * array (argv, envp) whose strings live in `keep`, a list of bytes. */
typedef struct FtCStrings {
    char **v;
    FtObject *keep;
} FtCStrings;

/* Fill c from any sequence of str/bytes/os.PathLike; -1 with an exception set (c freed). */
int ft_cstrings_from_seq(FtObject *seq, FtCStrings *c);
void ft_cstrings_free(FtCStrings *c);

/* Run os.register_at_fork's callbacks: phase 0 before fork, 1 in the parent, 2 in the child. */
void ft_posix_run_at_fork(int phase);

#endif
