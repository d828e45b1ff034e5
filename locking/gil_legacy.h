/* gil-legacy: Python 2's GIL, for reproducing the convoy effect beside the modern GIL.
 * Reference counts are plain integers, exactly as under the gil strategy. */
#ifndef FT_LOCKING_GIL_LEGACY_H
#define FT_LOCKING_GIL_LEGACY_H

#include "locking/gil.h"

#endif
