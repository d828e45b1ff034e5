/* The parser: tokens (tokenizer.c) to an AST (ast.h), by recursive descent following
 * CPython 3.11's grammar (Grammar/python.gram), with CPython's SyntaxError messages. */
#ifndef FT_PARSER_H
#define FT_PARSER_H

#include "core/compiler/ast.h"
#include "core/compiler/compile.h"

/* Parse UTF-8 source `src` (`len` bytes, or -1 for NUL-terminated) in `mode` (FT_MODE_EXEC
 * gives a Module, FT_MODE_EVAL an Expression, FT_MODE_SINGLE an Interactive). All nodes and
 * the objects they refer to live in `arena`. Returns NULL with SyntaxError /
 * IndentationError / TabError set (positions as CPython 3.11). `filename` is a str
 * (borrowed); it is only used for error reporting. */
mod_ty ft_parse_source(const char *src, ssize_t len, FtObject *filename, int mode,
                       FtArena *arena);

#endif
