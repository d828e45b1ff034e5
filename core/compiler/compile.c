/* ft_compile_source (compile.h): the whole pipeline, source text to code object. Parses
 * into an arena-allocated AST (parser.c), builds the symbol table (symtable.c), generates
 * code (codegen.c) and frees the arena. Setting FTPY_DUMP_CODE in the environment prints
 * every code object compiled (codegen.c's ft_codegen_dump) to stderr. */
#include "core/compiler/compile.h"
#include "core/compiler/codegen.h"
#include "core/compiler/parser.h"
#include "core/compiler/symtable.h"
#include <string.h>

FtObject *ft_compile_source(const char *src, ssize_t len, FtObject *filename, int mode,
                            int flags)
{
    FtArena *arena = ft_arena_new();
    if (arena == NULL)
        return NULL;
    FtObject *co = NULL;
    /* The symbol table and code generator want NUL-terminated text for error lines. */
    char *text = NULL;
    if (len >= 0) {
        text = ft_mem_alloc((size_t)len + 1);
        if (text == NULL)
            goto done;
        memcpy(text, src, (size_t)len);
        text[len] = '\0';
    }
    mod_ty mod = ft_parse_source(src, len, filename, mode, arena);
    if (mod == NULL)
        goto done;
    FtSymtable *st = ft_symtable_build(mod, filename, text ? text : src);
    if (st == NULL)
        goto done;
    co = ft_codegen_module(mod, st, filename, text ? text : src, mode, flags);
    ft_symtable_free(st);
done:
    ft_mem_free(text);
    ft_arena_free(arena);
    return co;
}
