/* ftpy's serialisation of code objects and their constants (runtime/marshal.c), used by the
 * bytecode cache (runtime/pycache.c) and the `marshal` module. The format is ftpy's own
 * (not CPython's): see the comment at the top of runtime/marshal.c. */
#ifndef FT_MARSHAL_H
#define FT_MARSHAL_H

#include "core/object.h"

/* Bumped by hand when the byte format changes; ft_marshal_magic() also folds in the opcode
 * table, so any change to core/vm/opcodes.def changes the magic by itself. */
#define FT_MARSHAL_VERSION 1

/* Serialise `o` (None, bool, int, float, complex, str, bytes, tuple, list, dict, set,
 * frozenset, Ellipsis, code) into a new bytes object; ValueError "unmarshallable object" otherwise. */
FtObject *ft_marshal_dumps(FtObject *o);
/* Append the serialisation of `o` to a growable buffer (*buf, *len, *cap; ft_mem_*). */
int ft_marshal_write(FtObject *o, char **buf, size_t *len, size_t *cap);
/* Read one object back. Everything is validated (lengths, counts, nesting, and for code
 * objects every instruction's argument, jump targets, the exception table and the stack
 * depth of every path against co_stacksize); bad data raises ValueError / EOFError and
 * never yields an object the VM could crash on. `filename`, when not NULL, replaces
 * co_filename in every code object read (the cache's file may have moved). `*used` gets the
 * number of bytes consumed when not NULL. */
FtObject *ft_marshal_loads(const char *data, size_t len, FtObject *filename, size_t *used);
/* Check one code object's instructions against its tables (what ft_marshal_loads does for
 * each code object it reads); 0 ok, -1 with ValueError. */
int ft_marshal_validate_code(FtCode *co);
/* The cache magic: a hash of FT_MARSHAL_VERSION and every opcode name in order. */
uint32_t ft_marshal_magic(void);

/* ---- the bytecode cache (runtime/pycache.c) ---- */
#define FT_PYCACHE_TAG "ftpy-01"   /* == sys.implementation.cache_tag */
struct stat;
/* dir/m.py -> dir/__pycache__/m.ftpy-01.pyc (ft_mem_alloc'd; NULL when out of memory). */
char *ft_pycache_path(const char *source);
/* The code object cached at cpath for the source file described by `src`, or NULL without
 * an exception when the file is absent, stale or invalid in any way. */
FtObject *ft_pycache_load(const char *cpath, const struct stat *src, FtObject *filename);
/* Write the cache file atomically; -1 (no exception) when it could not be written. */
int ft_pycache_store(const char *cpath, const struct stat *src, FtObject *code);
/* The code object of the module source at `path`: from its cache when valid, else compiled
 * (and the cache written unless sys.dont_write_bytecode). NULL with SyntaxError/OSError. */
FtObject *ft_pycache_get_code(const char *path, FtObject *filename);

#endif
