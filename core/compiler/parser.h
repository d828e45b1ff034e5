/* The parser: tokens (tokenizer.c) to an AST (ast.h), by recursive descent following
 * CPython 3.11's grammar (Grammar/python.gram), with CPython's SyntaxError messages. */
#ifndef FT_PARSER_H
#define FT_PARSER_H

#include "core/compiler/ast.h"
#include "core/compiler/compile.h"

/* Parse UTF-8 source `src` (`len` bytes, or -1 for NUL-terminated) in `mode` (FT_MODE_EXEC
 * gives a Module, FT_MODE_EVAL an Expression, FT_MODE_SINGLE an Interactive). All nodes and
 * the objects they refer to live in `arena`. Returns NULL with SyntaxError /
 * IndentationError / TabError set, with CPython 3.11's message, offsets and text (for
 * FT_MODE_EXEC and a `filename` that names a file, the text is read back from that file, as
 * CPython does). `filename` is a str (borrowed), used for error reporting only. */
mod_ty ft_parse_source(const char *src, ssize_t len, FtObject *filename, int mode,
                       FtArena *arena);

/* ---- syntaxerror.c ------------------------------------------------------------------- */

/* Raise type(msg, (filename, lineno, offset, text, end_lineno, end_offset)) with the values
 * exactly as given (offsets already 1-based character counts; text NULL gives None). msg,
 * filename and text are borrowed. */
void ft_syntax_error_raw(FtType *type, FtObject *msg, FtObject *filename, int lineno,
                         int offset, FtObject *text, int end_lineno, int end_offset);

/* Line `lineno` of the file named `filename`, with its '\n' (CPython's
 * _PyErr_ProgramDecodedTextObject); NULL (no exception) when filename is "<...>" or the
 * file or line does not exist. New reference. */
FtObject *ft_syntax_error_file_line(FtObject *filename, int lineno);

/* CPython's _PyPegen_byte_offset_to_character_offset: the number of characters in the
 * first `col` bytes of `line` (clamped to the line's length + 1). */
ssize_t ft_syntax_error_char_offset(FtObject *line, ssize_t col);

#endif
