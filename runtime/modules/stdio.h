/* The file objects behind sys.stdin / sys.stdout / sys.stderr (runtime/modules/stdio.c),
 * until the io module arrives. */
#ifndef FT_STDIO_H
#define FT_STDIO_H

#include "core/object.h"

extern FtType ft_stdio_type;
#define ft_stdio_check(o) (FT_TYPE(o) == &ft_stdio_type)

/* The three standard streams, made once (new references each call); sys.c stores them. */
FtObject *ft_stdio_get(int fd);
/* Write UTF-8 text to a stdio file object, bypassing the method call (print's fast path).
 * 0 ok, -1 with an exception set (closed file, write error). */
int ft_stdio_write_utf8(FtObject *file, const char *s, ssize_t len);
int ft_stdio_flush(FtObject *file);
/* Flush stdout and stderr: at exit (the lead calls it) and before reading stdin. */
void ft_stdio_flush_all(void);
/* Write text to sys.stderr (whatever object it is now), falling back to fd 2; never raises.
 * For diagnostics written from C: unraisable exceptions, warnings. */
void ft_stdio_write_stderr(const char *s);

#endif
