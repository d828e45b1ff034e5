/* The symbol table: which scope each name of each block belongs to (local, global explicit
 * or implicit, free, cell), computed from the AST exactly as CPython 3.11's symtable.c does,
 * including class scopes (invisible to nested functions), comprehension scopes, the implicit
 * __class__ cell, walrus targets in comprehensions and private-name mangling. */
#ifndef FT_SYMTABLE_H
#define FT_SYMTABLE_H

#include "core/compiler/ast.h"

/* Flags of a symbol in one block (CPython's DEF_* values). */
enum {
    FT_DEF_GLOBAL = 1,          /* global statement */
    FT_DEF_LOCAL = 2,           /* assignment in code block */
    FT_DEF_PARAM = 4,           /* formal parameter */
    FT_DEF_NONLOCAL = 8,        /* nonlocal statement */
    FT_DEF_USE = 16,            /* name is used */
    FT_DEF_FREE = 32,           /* name used but not defined in nested block */
    FT_DEF_FREE_CLASS = 64,     /* free variable from class's method */
    FT_DEF_IMPORT = 128,        /* assignment by import */
    FT_DEF_ANNOT = 256,         /* annotated name */
    FT_DEF_COMP_ITER = 512,     /* comprehension iteration variable */
};
#define FT_DEF_BOUND (FT_DEF_LOCAL | FT_DEF_PARAM | FT_DEF_IMPORT)

/* Scopes, stored in bits FT_SCOPE_OFFSET.. of a symbol's flags. */
enum { FT_SCOPE_LOCAL = 1, FT_SCOPE_GLOBAL_EXPLICIT, FT_SCOPE_GLOBAL_IMPLICIT, FT_SCOPE_FREE,
       FT_SCOPE_CELL };
#define FT_SCOPE_OFFSET 11
#define FT_SCOPE_MASK 7

typedef enum { FT_BLOCK_FUNCTION, FT_BLOCK_CLASS, FT_BLOCK_MODULE } FtBlockType;
enum { FT_COMP_NONE, FT_COMP_LIST, FT_COMP_DICT, FT_COMP_SET, FT_COMP_GENEXP };

typedef struct FtSymEntry {
    const void *key;              /* the AST node that opens the block (mod for the module) */
    FtObject *name;               /* str: "top", function/class name, "<lambda>", ... */
    FtObject *symbols;            /* dict: mangled name -> int flags (with the scope bits) */
    FtObject *varnames;           /* list: parameters in order */
    FtObject *directives;         /* dict: name -> (line, col, end_line, end_col) */
    struct FtSymEntry **children;
    int nchildren, capchildren;
    FtBlockType type;
    int comprehension;            /* FT_COMP_* */
    int lineno, col_offset, end_lineno, end_col_offset;
    unsigned nested : 1, generator : 1, coroutine : 1, varargs : 1, varkeywords : 1,
        returns_value : 1, needs_class_closure : 1, free : 1, child_free : 1,
        comp_iter_target : 1;
    int comp_iter_expr;
    struct FtSymEntry *all_next;  /* every entry of the table, for freeing */
} FtSymEntry;

typedef struct FtSymtable {
    FtObject *filename;           /* borrowed */
    const char *src;              /* for SyntaxError text */
    FtSymEntry *top;              /* the module block */
    FtSymEntry *cur;
    FtSymEntry **stack;           /* enclosing blocks, innermost last */
    int nstack, capstack;
    FtObject *global;             /* borrowed: top->symbols */
    FtObject *private_name;       /* borrowed: enclosing class name, for mangling */
    FtSymEntry *all;
    FtSymEntry **map;             /* open-addressing map node -> entry */
    size_t mapcap, mapused;
    int future_annotations;       /* from __future__ import annotations */
    int depth;                    /* nesting of the AST walk (MAX_COMPILE_DEPTH) */
} FtSymtable;

/* Build the table for a module (NULL with SyntaxError set). */
FtSymtable *ft_symtable_build(mod_ty mod, FtObject *filename, const char *src);
void ft_symtable_free(FtSymtable *st);
FtSymEntry *ft_symtable_lookup(FtSymtable *st, const void *key);
/* Flags of `name` (already mangled) in `ste`, 0 when absent. */
long ft_symtable_flags(FtSymEntry *ste, FtObject *name);
static inline int ft_symtable_scope(FtSymEntry *ste, FtObject *name)
{
    return (int)((ft_symtable_flags(ste, name) >> FT_SCOPE_OFFSET) & FT_SCOPE_MASK);
}
/* Name mangling of __private names inside class `private_name` (may be NULL): new ref. */
FtObject *ft_symtable_mangle(FtObject *private_name, FtObject *name);

#endif
