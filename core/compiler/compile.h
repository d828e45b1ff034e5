/* The compiler pipeline's entry points: source text to a code object.
 * tokenizer.c -> parser.c (AST, core/compiler/ast.h) -> symtable.c -> codegen.c. */
#ifndef FT_COMPILE_H
#define FT_COMPILE_H

#include "core/object.h"

enum { FT_MODE_EXEC = 0, FT_MODE_EVAL = 1, FT_MODE_SINGLE = 2 };

/* `flags` of ft_compile_source (compile.c): -O (asserts dropped, __debug__ is False) and -OO
 * (docstrings dropped too). High bits, clear of CPython's PyCF_* and CO_FUTURE_* values. */
enum { FT_CF_OPTIMIZE = 1 << 28, FT_CF_OPTIMIZE2 = 1 << 29 };

/* Compile UTF-8 source to a code object (new ref), or NULL with SyntaxError /
 * IndentationError set: msg, filename, lineno, offset (1-based column), text, end_lineno,
 * end_offset filled in as CPython 3.11 does. `filename` is a str. */
FtObject *ft_compile_source(const char *src, ssize_t len, FtObject *filename, int mode,
                            int flags);

/* Raise a SyntaxError (or subclass) found by the compiler proper (symbol table, code
 * generator) at a source position (1-based line, 0-based byte column, end column; -1 when
 * unknown). As CPython's compiler does, the offset is the byte column + 1 and the text is read
 * back from the file `filename` names (None for "<string>"-like names); `src` is unused. */
void ft_syntax_error(FtType *type, const char *msg, FtObject *filename, const char *src,
                     int line, int col, int end_line, int end_col);

#endif
