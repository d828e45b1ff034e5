/* The code generator: AST + symbol table -> code objects (core/objects/code.c), following
 * CPython 3.11's Python/compile.c: a control-flow graph of basic blocks per code unit,
 * pseudo-instructions (SETUP_FINALLY / SETUP_CLEANUP / SETUP_WITH / POP_BLOCK) turned into
 * the exception table, exact stack depth over the graph, absolute jump targets.
 * Implemented by codegen.c, codegen_match.c and assemble.c (internals: codegen_impl.h). */
#ifndef FT_CODEGEN_H
#define FT_CODEGEN_H

#include "core/compiler/ast.h"
#include "core/compiler/symtable.h"

/* Compile `mod` (whose symbol table is `st`) to a code object (new ref), or NULL with an
 * exception set (SyntaxError for compile-time errors). `src` is the source text, used for
 * SyntaxError lines and for the source of string annotations. `flags`: FT_CF_* bits
 * (compile.h). */
FtObject *ft_codegen_module(mod_ty mod, FtSymtable *st, FtObject *filename, const char *src,
                            int mode, int flags);

/* Print a code object's instructions (and those of the code objects in its constants) to
 * stderr: what FTPY_DUMP_CODE=1 shows. */
void ft_codegen_dump(FtObject *code);

#endif
