/* What runtime/modules/sys.c offers to other C files: sys.argv, and struct sequences (the
 * named-tuple-like types of sys.version_info, sys.flags, time.struct_time). */
#ifndef FT_SYSMOD_H
#define FT_SYSMOD_H

#include "core/object.h"

/* sys.argv = [argv[0], ..., argv[argc-1]] (argc 0: ['']). 0 ok, -1 error. */
int ft_sys_set_argv(int argc, char **argv);

/* A struct-sequence type named `name` ("sys.version_info") with n_fields named fields, the
 * first n_visible of which form the tuple (the rest are attributes only). instantiable:
 * type(seq) builds one from a sequence (time.struct_time); otherwise "cannot create ...".
 * The type is immortal; NULL on error. */
FtType *ft_sys_structseq_type(const char *name, const char *const *fields, int n_fields,
                              int n_visible, int instantiable);
/* An instance: values holds n_fields references, STOLEN (NULL entries become None). */
FtObject *ft_sys_structseq_new(FtType *type, FtObject **values);

#endif
