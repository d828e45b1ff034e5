/* The built-in types: their instance layouts and the C API other files use.
 * Included by core/object.h; one section per file in core/objects/. */
#ifndef FT_TYPES_H
#define FT_TYPES_H

#ifndef FT_OBJECT_H
#error "include core/object.h instead"
#endif

/* ---- int.c, bool.c ---------------------------------------------------------------------
 * An int whose value fits in int64_t is ALWAYS compact (ndigits == 0, value in `compact`);
 * larger ones keep a magnitude of 32-bit digits, least significant first, with the sign in
 * ndigits. The eval loop relies on this to do small-int arithmetic inline. Small ints
 * -5..256 are preallocated and immortal; True and False are ints of type bool. */
typedef struct FtInt {
    FtObject ob_base;
    int32_t ndigits;      /* 0: compact; else sign(value) * number of digits */
    int64_t compact;      /* the value when ndigits == 0 */
    uint32_t digits[];    /* |value|, base 2**32, when ndigits != 0 */
} FtInt;

extern FtType ft_int_type, ft_bool_type;
#define FT_SMALL_INT_MIN (-5)
#define FT_SMALL_INT_MAX 256
extern FtInt ft_small_ints[FT_SMALL_INT_MAX - FT_SMALL_INT_MIN + 1];
extern FtInt ft_true_struct, ft_false_struct;
#define FT_TRUE ((FtObject *)&ft_true_struct)
#define FT_FALSE ((FtObject *)&ft_false_struct)
#define FT_RETURN_TRUE return ft_newref(FT_TRUE)
#define FT_RETURN_FALSE return ft_newref(FT_FALSE)
#define ft_int_check(o) ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_INT_SUBCLASS) != 0)
#define ft_int_check_exact(o) (FT_TYPE(o) == &ft_int_type)
#define ft_bool_check(o) (FT_TYPE(o) == &ft_bool_type)
static inline bool ft_int_is_compact(FtObject *o) { return ((FtInt *)o)->ndigits == 0; }
static inline int64_t ft_int_compact_value(FtObject *o) { return ((FtInt *)o)->compact; }
static inline FtObject *ft_bool_from(int v) { return ft_newref(v ? FT_TRUE : FT_FALSE); }

FtObject *ft_int_from_i64(int64_t v);
FtObject *ft_int_from_u64(uint64_t v);
FtObject *ft_int_from_ssize(ssize_t v);
FtObject *ft_int_from_double(double v);           /* int(3.7) == 3; errors for nan/inf */
FtObject *ft_int_from_string(const char *s, ssize_t len, int base); /* int("0x1f", 0) rules */
FtObject *ft_int_from_bytes(const uint8_t *b, size_t n, bool little, bool is_signed);
int64_t ft_int_as_i64(FtObject *o, int *overflow); /* *overflow: -1, 0, +1 (exact int only) */
ssize_t ft_int_as_ssize(FtObject *o);              /* OverflowError when too big */
double ft_int_as_double(FtObject *o);              /* OverflowError when too big */
int ft_int_sign(FtObject *o);                      /* -1, 0, 1 */
FtObject *ft_int_to_string(FtObject *o, int base); /* "123", "0x7b", "0o173", "0b1111011" */
FtObject *ft_int_add(FtObject *a, FtObject *b);    /* both exact ints: fast entry points */
FtObject *ft_int_sub(FtObject *a, FtObject *b);
FtObject *ft_int_mul(FtObject *a, FtObject *b);
int ft_int_compare(FtObject *a, FtObject *b);      /* -1, 0, 1 */
ft_hash_t ft_int_hash(FtObject *o);
size_t ft_int_bit_length(FtObject *o);
int ft_numbers_init(void);                          /* readies int, bool, float (complex) */
/* sys.set_int_max_str_digits(): limit on decimal str<->int conversion (0 = none) */
extern int ft_int_max_str_digits;
/* int(x) as the int type's constructor does it (PyNumber_Long): __int__, __index__,
 * __trunc__, str/bytes/bytearray; returns an exact int. */
FtObject *ft_int_from_object(FtObject *x);
FtObject *ft_int_exact(FtObject *a);               /* exact int of the same value (subclasses) */
/* Arithmetic on int operands (subclasses ok) with Python semantics and error messages; they
 * return NotImplemented for non-int operands. */
FtObject *ft_int_floordiv(FtObject *a, FtObject *b);
FtObject *ft_int_mod(FtObject *a, FtObject *b);
FtObject *ft_int_truediv(FtObject *a, FtObject *b);
FtObject *ft_int_pow(FtObject *a, FtObject *b, FtObject *mod); /* mod: None or NULL = none */
FtObject *ft_int_neg(FtObject *a);
FtObject *ft_int_abs(FtObject *a);
FtObject *ft_int_lshift_count(FtObject *a, size_t s);
FtObject *ft_int_rshift_count(FtObject *a, size_t s);
double ft_int_frexp(FtObject *o, int64_t *e);      /* o == x * 2**e, 0.5 <= |x| < 1, rounded */

/* ---- float.c ---------------------------------------------------------------------------- */
typedef struct FtFloat {
    FtObject ob_base;
    double value;
} FtFloat;
extern FtType ft_float_type;
#define ft_float_check(o) ft_type_is_subtype(FT_TYPE(o), &ft_float_type)
#define ft_float_check_exact(o) (FT_TYPE(o) == &ft_float_type)
#define FT_FLOAT_VALUE(o) (((FtFloat *)(o))->value)
FtObject *ft_float_from_double(double v);
double ft_float_as_double(FtObject *o);   /* float, int or __float__/__index__; -1.0 + error */
FtObject *ft_float_repr_double(double v); /* shortest repr that round-trips: 0.1, 1e+16 */
ft_hash_t ft_float_hash_double(double v); /* CPython's numeric hash */
/* Format a double as CPython's format(): spec type 'e' 'f' 'g' 'r'; used by format.c */
char *ft_double_to_string(double v, char format_code, int precision, int flags, int *type);
/* ft_double_to_string: returns a string from ft_mem_alloc (the caller frees it with
 * ft_mem_free), NULL + MemoryError on failure. format_code: 'e' 'E' 'f' 'F' 'g' 'G', or 'r'
 * (repr: shortest round-trip, precision ignored, must be 0). *type (may be NULL) receives
 * FT_DTOA_FINITE / INFINITE / NAN. Same values as CPython's Py_DTSF_* / Py_DTST_*. */
enum {
    FT_DTOA_SIGN = 0x01,      /* always add the sign ('+' for positives) */
    FT_DTOA_ADD_DOT_0 = 0x02, /* "1" -> "1.0" when the result looks like an int */
    FT_DTOA_ALT = 0x04,       /* the '#' flag: keep the decimal point and trailing zeros */
    FT_DTOA_NO_NEG_0 = 0x08,  /* the 'z' flag: -0 (after rounding) prints as 0 */
};
enum { FT_DTOA_FINITE = 0, FT_DTOA_INFINITE = 1, FT_DTOA_NAN = 2 };

/* ---- complex.c ---------------------------------------------------------------------------- */
typedef struct FtComplex {
    FtObject ob_base;
    double real, imag;
} FtComplex;
extern FtType ft_complex_type;
#define ft_complex_check(o) ft_type_is_subtype(FT_TYPE(o), &ft_complex_type)
FtObject *ft_complex_from_doubles(double real, double imag);
FtObject *ft_complex_pow_real(double base, double exp); /* (base+0j)**(exp+0j), for float.c */

/* ---- str.c -----------------------------------------------------------------------------
 * Immutable Unicode with code-point semantics (PEP 393 layout): data of `kind` bytes per code
 * point (1 = latin-1, 2 = UCS-2, 4 = UCS-4) stored right after the struct, NUL-terminated.
 * `utf8` is the UTF-8 form: the data itself when ascii, else made on demand and cached. */
typedef struct FtStr {
    FtVarObject ob_base;  /* ob_size: length in code points */
    ft_hash_t hash;       /* -1: not yet computed */
    uint8_t kind;         /* 1, 2 or 4 */
    uint8_t ascii;        /* every code point < 128 */
    uint8_t interned;
    char *utf8;           /* NUL-terminated UTF-8, or NULL until asked for */
    ssize_t utf8_len;
} FtStr;
extern FtType ft_str_type;
#define ft_str_check(o) ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_STR_SUBCLASS) != 0)
#define ft_str_check_exact(o) (FT_TYPE(o) == &ft_str_type)
#define FT_STR_DATA(o) ((void *)((FtStr *)(o) + 1))
#define FT_STR_LEN(o) FT_SIZE(o)
static inline uint32_t ft_str_read(FtObject *s, ssize_t i) {
    FtStr *u = (FtStr *)s;
    return u->kind == 1 ? ((uint8_t *)(u + 1))[i]
         : u->kind == 2 ? ((uint16_t *)(u + 1))[i] : ((uint32_t *)(u + 1))[i];
}
/* A string of len code points to fill in: maxchar must be the EXACT largest code point
 * (strings always use their narrowest kind; equality and hashing rely on it). len 0 gives
 * the immortal empty string. */
FtObject *ft_str_new(ssize_t len, uint32_t maxchar);
FtObject *ft_str_from_utf8(const char *s, ssize_t len);  /* strict: UnicodeDecodeError */
FtObject *ft_str_from_cstr(const char *s);
FtObject *ft_str_from_latin1(const char *s, ssize_t len);
FtObject *ft_str_from_ucs4(const uint32_t *cp, ssize_t len);
FtObject *ft_str_from_char(uint32_t cp);                 /* cached for cp < 256 */
/* printf-like: %s %d %i %u %ld %zd %zu %x %c %p %%, plus %U (str object), %S (str(obj)),
 * %R (repr(obj)), %T (type name of obj), %A (ascii(obj)) and %V (str obj or C string) */
FtObject *ft_str_from_format(const char *fmt, ...);
FtObject *ft_str_from_vformat(const char *fmt, va_list ap);
const char *ft_str_as_utf8(FtObject *s);                 /* borrowed, cached, NUL-terminated */
const char *ft_str_as_utf8_len(FtObject *s, ssize_t *len);
FtObject *ft_str_intern(FtObject *s);                    /* steals s; returns the canonical one */
FtObject *ft_str_concat(FtObject *a, FtObject *b);
/* s += t: grows *left in place when it is an exact, uninterned str with refcount 1 (the VM
 * drops the variable's reference first, as CPython's unicode_concatenate does), else
 * *left = *left + t. The old *left reference is consumed on success; 0 ok, -1 error. */
int ft_str_append(FtObject **left, FtObject *right);
FtObject *ft_str_substring(FtObject *s, ssize_t start, ssize_t end);
FtObject *ft_str_join(FtObject *sep, FtObject *iterable);
FtObject *ft_str_split(FtObject *s, FtObject *sep, ssize_t maxsplit);
int ft_str_eq(FtObject *a, FtObject *b);                 /* both str: 1 or 0 */
int ft_str_eq_cstr(FtObject *s, const char *c);          /* compare with ASCII/UTF-8 text */
int ft_str_compare(FtObject *a, FtObject *b);            /* -1, 0, 1 by code point */
ft_hash_t ft_str_hash(FtObject *s);
FtObject *ft_str_repr(FtObject *s);                      /* 'it\'s' quoting as CPython */
int ft_str_isidentifier(FtObject *s);
FtObject *ft_str_format_method(FtObject *fmt, FtObject *const *args, ssize_t nargs,
                               FtObject *kwnames);       /* "...".format(...) */
FtObject *ft_str_percent_format(FtObject *fmt, FtObject *args); /* "..." % args */
int ft_text_init(void);                                  /* readies str, bytes, bytearray */

/* String builder for code that produces text piece by piece (repr of containers, join). */
typedef struct FtStrBuilder {
    uint32_t *buf;          /* code points */
    ssize_t len, cap;
    uint32_t maxchar;
} FtStrBuilder;
void ft_sb_init(FtStrBuilder *sb);
int ft_sb_append_cstr(FtStrBuilder *sb, const char *ascii_or_utf8);
int ft_sb_append_str(FtStrBuilder *sb, FtObject *s);
int ft_sb_append_char(FtStrBuilder *sb, uint32_t cp);
int ft_sb_append_repr(FtStrBuilder *sb, FtObject *o);    /* repr(o) */
FtObject *ft_sb_finish(FtStrBuilder *sb);                /* frees the buffer */
void ft_sb_discard(FtStrBuilder *sb);

/* ---- format.c: the format-spec mini-language and %-formatting ------------------------ */
FtObject *ft_format_int(FtObject *v, FtObject *spec);
FtObject *ft_format_float(FtObject *v, FtObject *spec);
FtObject *ft_format_str(FtObject *v, FtObject *spec);

/* ---- bytes.c, bytearray.c ---------------------------------------------------------- */
typedef struct FtBytes {
    FtVarObject ob_base;  /* ob_size: number of bytes */
    ft_hash_t hash;
    char data[];          /* ob_size bytes + NUL */
} FtBytes;
typedef struct FtByteArray {
    FtVarObject ob_base;
    ssize_t allocated;
    char *data;
    ssize_t exports;      /* live iterators/buffers preventing resize */
} FtByteArray;
extern FtType ft_bytes_type, ft_bytearray_type;
#define ft_bytes_check(o) ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_BYTES_SUBCLASS) != 0)
#define ft_bytearray_check(o) ft_type_is_subtype(FT_TYPE(o), &ft_bytearray_type)
#define FT_BYTES_DATA(o) (((FtBytes *)(o))->data)
FtObject *ft_bytes_from_data(const void *p, ssize_t n);
FtObject *ft_bytes_new(ssize_t n);                       /* uninitialised contents */
FtObject *ft_bytes_from_object(FtObject *o);             /* bytes(o) */
FtObject *ft_bytes_repr(FtObject *b);
FtObject *ft_bytearray_from_data(const void *p, ssize_t n);
/* Buffer access for bytes-like objects (bytes, bytearray): 0 ok, -1 TypeError. */
int ft_bytes_like_get(FtObject *o, const char **data, ssize_t *len);

/* ---- tuple.c ---------------------------------------------------------------------------- */
typedef struct FtTuple {
    FtVarObject ob_base;
    ft_hash_t hash_cache;     /* unused (CPython does not cache); reserved */
    FtObject *items[];
} FtTuple;
extern FtType ft_tuple_type;
#define ft_tuple_check(o) ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_TUPLE_SUBCLASS) != 0)
#define ft_tuple_check_exact(o) (FT_TYPE(o) == &ft_tuple_type)
#define FT_TUPLE_ITEMS(o) (((FtTuple *)(o))->items)
#define FT_TUPLE_GET(o, i) (((FtTuple *)(o))->items[i])
#define FT_TUPLE_SET(o, i, v) (((FtTuple *)(o))->items[i] = (v))   /* steals v; new tuples only */
FtObject *ft_tuple_new(ssize_t n);                 /* items NULL; the empty tuple is immortal */
FtObject *ft_tuple_pack(ssize_t n, ...);           /* borrowed args, increfs */
FtObject *ft_tuple_from_array(FtObject *const *items, ssize_t n);   /* increfs */
FtObject *ft_tuple_from_array_steal(FtObject *const *items, ssize_t n);
FtObject *ft_tuple_slice(FtObject *t, ssize_t lo, ssize_t hi);
extern FtObject *ft_empty_tuple;
void ft_tuple_maybe_untrack(FtObject *t);  /* for the collector: no container items */

/* ---- list.c ----------------------------------------------------------------------------- */
typedef struct FtList {
    FtVarObject ob_base;
    FtObject **items;
    ssize_t allocated;
} FtList;
extern FtType ft_list_type;
#define ft_list_check(o) ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_LIST_SUBCLASS) != 0)
#define ft_list_check_exact(o) (FT_TYPE(o) == &ft_list_type)
#define FT_LIST_ITEMS(o) (((FtList *)(o))->items)
#define FT_LIST_GET(o, i) (((FtList *)(o))->items[i])
#define FT_LIST_SET(o, i, v) (((FtList *)(o))->items[i] = (v))     /* steals v; new lists only */
FtObject *ft_list_new(ssize_t n);                  /* n NULL items: fill with FT_LIST_SET */
int ft_list_append(FtObject *l, FtObject *v);      /* increfs v */
int ft_list_extend(FtObject *l, FtObject *iterable);
int ft_list_insert(FtObject *l, ssize_t i, FtObject *v);
FtObject *ft_list_as_tuple(FtObject *l);
int ft_list_sort(FtObject *l, FtObject *key, int reverse);  /* stable; key may be NULL */
int ft_list_reverse(FtObject *l);
FtObject *ft_list_from_array(FtObject *const *items, ssize_t n); /* increfs */
FtObject *ft_list_slice(FtObject *l, ssize_t lo, ssize_t hi);

/* ---- dict.c: compact, insertion-ordered ------------------------------------------------ */
typedef struct FtDictKeys FtDictKeys;   /* private to dict.c */
typedef struct FtDict {
    FtObject ob_base;
    ssize_t used;
    uint64_t version;        /* bumped on every mutation (global/attribute caches) */
    FtDictKeys *keys;
} FtDict;
extern FtType ft_dict_type;
#define ft_dict_check(o) ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_DICT_SUBCLASS) != 0)
#define ft_dict_check_exact(o) (FT_TYPE(o) == &ft_dict_type)
FtObject *ft_dict_new(void);
FtObject *ft_dict_get(FtObject *d, FtObject *key);       /* BORROWED; NULL: absent or error */
FtObject *ft_dict_get_known_hash(FtObject *d, FtObject *key, ft_hash_t hash); /* BORROWED */
FtObject *ft_dict_get_cstr(FtObject *d, const char *key);  /* BORROWED, no error */
/* NEW references: safe when other threads may write the dict (free-threaded builds). */
FtObject *ft_dict_get_ref(FtObject *d, FtObject *key);   /* NULL: absent, or error set */
FtObject *ft_dict_get_ref_known_hash(FtObject *d, FtObject *key, ft_hash_t hash);
FtObject *ft_dict_get_ref_cstr(FtObject *d, const char *key); /* no error */
int ft_dict_set(FtObject *d, FtObject *key, FtObject *value);  /* increfs both */
int ft_dict_set_cstr(FtObject *d, const char *key, FtObject *value);
int ft_dict_del(FtObject *d, FtObject *key);             /* KeyError when absent */
int ft_dict_del_cstr(FtObject *d, const char *key);
int ft_dict_contains(FtObject *d, FtObject *key);
/* Iterate: pos starts at 0; BORROWED key/value; returns 0 at the end. */
int ft_dict_next(FtObject *d, ssize_t *pos, FtObject **key, FtObject **value);
ssize_t ft_dict_size(FtObject *d);
FtObject *ft_dict_copy(FtObject *d);
int ft_dict_update(FtObject *d, FtObject *other);        /* mapping or iterable of pairs */
int ft_dict_merge(FtObject *d, FtObject *other, int override); /* override 0: keep existing */
FtObject *ft_dict_keys_list(FtObject *d);
FtObject *ft_dict_values_list(FtObject *d);
FtObject *ft_dict_items_list(FtObject *d);
FtObject *ft_dict_setdefault(FtObject *d, FtObject *key, FtObject *dflt); /* BORROWED */
FtObject *ft_dict_pop(FtObject *d, FtObject *key, FtObject *dflt);        /* dflt may be NULL */
void ft_dict_clear(FtObject *d);
/* An exact dict is untracked by the collector until it holds a container (as CPython);
 * the collector may call this to untrack one that no longer does. */
void ft_dict_maybe_untrack(FtObject *d);

/* ---- set.c: set and frozenset (CPython's open addressing, so iteration order matches) --- */
extern FtType ft_set_type, ft_frozenset_type;
#define ft_anyset_check(o) \
    (ft_type_is_subtype(FT_TYPE(o), &ft_set_type) || ft_type_is_subtype(FT_TYPE(o), &ft_frozenset_type))
FtObject *ft_set_new(FtObject *iterable);                 /* iterable may be NULL */
FtObject *ft_frozenset_new(FtObject *iterable);
/* The frozenset constant CPython's compiler makes for a set display of 3+ constants (built
 * twice, which fixes its iteration order): emit BUILD_SET 0, LOAD_CONST it, SET_UPDATE 1. */
FtObject *ft_frozenset_fold_constant(FtObject *items_tuple);
int ft_set_add(FtObject *s, FtObject *key);
int ft_set_update(FtObject *s, FtObject *iterable);       /* s |= iterable, CPython's merge */
int ft_set_discard(FtObject *s, FtObject *key);           /* 1 removed, 0 absent */
int ft_set_contains(FtObject *s, FtObject *key);
ssize_t ft_set_size(FtObject *s);
/* Iterate: pos starts at 0; BORROWED key; returns 0 at the end. */
int ft_set_next(FtObject *s, ssize_t *pos, FtObject **key, ft_hash_t *hash);

/* ---- range.c, slice.c ----------------------------------------------------------------- */
extern FtType ft_range_type, ft_slice_type;
typedef struct FtSlice {
    FtObject ob_base;
    FtObject *start, *stop, *step;   /* never NULL: None when omitted */
} FtSlice;
#define ft_slice_check(o) (FT_TYPE(o) == &ft_slice_type)
FtObject *ft_slice_new(FtObject *start, FtObject *stop, FtObject *step); /* NULL = None */
/* slice.indices(): 0 ok; fills start/stop/step, returns the slice length via *slicelen */
int ft_slice_unpack(FtObject *slice, ssize_t *start, ssize_t *stop, ssize_t *step);
ssize_t ft_slice_adjust_indices(ssize_t length, ssize_t *start, ssize_t *stop, ssize_t step);
FtObject *ft_range_new(ssize_t start, ssize_t stop, ssize_t step);
/* The range iterator: the VM may special-case FOR_ITER over it (next = start + index*step
 * while index < len). Values are int64; ranges outside int64 are rejected with OverflowError. */
typedef struct FtRangeIter {
    FtObject ob_base;
    int64_t start, step, len, index;
} FtRangeIter;
extern FtType ft_range_iter_type;

/* ---- iterators.c: enumerate, zip, map, filter, reversed, seq/callable iterators ------- */
extern FtType ft_enumerate_type, ft_zip_type, ft_map_type, ft_filter_type, ft_reversed_type,
    ft_seqiter_type, ft_calliter_type;
FtObject *ft_seqiter_new(FtObject *seq);           /* iteration through __getitem__ */
FtObject *ft_calliter_new(FtObject *callable, FtObject *sentinel);
int ft_containers_init(void); /* readies list, tuple, dict (+views), set, range, slice, iters */
/* Iterators of the built-in containers (VM fast paths may test for them). */
extern FtType ft_list_iter_type, ft_tuple_iter_type;
/* Recursion guard for repr of containers (CPython's Py_ReprEnter / Py_ReprLeave), list.c:
 * 0 = o is not being repr'd on this thread (it is now), 1 = it is (print "[...]"), -1 error. */
int ft_repr_enter(FtObject *o);
void ft_repr_leave(FtObject *o);
/* Deallocation of deeply nested containers without deep C recursion (CPython's trashcan),
 * list.c. A container's tp_dealloc starts with
 *     if (ft_trashcan_begin(o, this_dealloc)) return;   (o already untracked)
 * and ends with ft_trashcan_end(): past a nesting depth the object is queued and
 * this_dealloc(o) is called again later, from the outermost dealloc. */
bool ft_trashcan_begin(FtObject *o, ft_destructor dealloc);
void ft_trashcan_end(void);
/* PEP 585 aliases (list[int]): what the containers' __class_getitem__ returns; a subset of
 * CPython's types.GenericAlias, in iterators.c. */
extern FtType ft_generic_alias_type;
FtObject *ft_generic_alias_new(FtObject *origin, FtObject *args);
FtObject *ft_generic_alias_class_getitem(FtObject *cls, FtObject *args); /* METH_O|CLASS */
/* PEP 585 aliases (list[int]): what the containers' __class_getitem__ returns; a subset of
 * CPython's types.GenericAlias, in iterators.c. */
extern FtType ft_generic_alias_type;
FtObject *ft_generic_alias_new(FtObject *origin, FtObject *args);
FtObject *ft_generic_alias_class_getitem(FtObject *cls, FtObject *args); /* METH_O|CLASS */

/* ---- descr.c: descriptors for built-in methods, members, getsets, slot wrappers,
 *      built-in functions (cfunction), property, classmethod, staticmethod, super --------- */
extern FtType ft_cfunction_type, ft_method_descr_type, ft_classmethod_descr_type,
    ft_member_descr_type, ft_getset_descr_type, ft_wrapper_descr_type, ft_method_wrapper_type,
    ft_property_type, ft_classmethod_type, ft_staticmethod_type, ft_super_type,
    ft_mappingproxy_type;
typedef struct FtCFunction {
    FtObject ob_base;
    FtMethodDef *def;
    FtObject *self;       /* bound object, module, or NULL */
    FtObject *module;     /* __module__ (str) or NULL */
} FtCFunction;
FtObject *ft_cfunction_new(FtMethodDef *def, FtObject *self, FtObject *module);
FtObject *ft_cfunction_call_def(FtMethodDef *def, FtObject *self, FtObject *const *args,
                                size_t nargsf, FtObject *kwnames);
FtObject *ft_descr_new_method(FtType *type, FtMethodDef *def);
FtObject *ft_descr_new_member(FtType *type, FtMemberDef *def);
FtObject *ft_descr_new_getset(FtType *type, FtGetSetDef *def);
FtObject *ft_mappingproxy_new(FtObject *mapping);
int ft_typesystem_init(void);  /* readies object, type, descriptors, None, NotImplemented... */
/* Start-up: ft_typesystem_init runs first (needs no objects); every area's init may then
 * ft_type_ready its types; ft_types_finish_init runs once after ALL area inits (it needs
 * str, dict, tuple, list, int) and builds tp_dict/tp_bases/tp_mro of every type readied so
 * far. Types readied later are completed at once. tp_dict is NULL until then. */
int ft_types_finish_init(void);
/* union.c: types.UnionType, `int | None`. ft_union_or is the nb_or of type (and should be
 * GenericAlias's too, so that `list[int] | None` works). */
extern FtType ft_union_type;
FtObject *ft_union_or(FtObject *a, FtObject *b);

/* ---- module.c ---------------------------------------------------------------------------- */
typedef struct FtModuleDef {
    const char *name;
    const char *doc;
    FtMethodDef *methods;        /* NULL-name terminated */
    int (*exec)(FtObject *module); /* fills in constants and types; may be NULL */
} FtModuleDef;
typedef struct FtModule {
    FtObject ob_base;
    FtObject *dict;
    FtModuleDef *def;
} FtModule;
extern FtType ft_module_type;
#define ft_module_check(o) ft_type_is_subtype(FT_TYPE(o), &ft_module_type)
FtObject *ft_module_new(FtObject *name);                  /* sets __name__, __doc__=None ... */
FtObject *ft_module_new_cstr(const char *name);
FtObject *ft_module_from_def(FtModuleDef *def);           /* creates, adds methods, runs exec */
FtObject *ft_module_get_dict(FtObject *m);                /* BORROWED */
int ft_module_add_object(FtObject *m, const char *name, FtObject *value);  /* steals value */
int ft_module_add_int(FtObject *m, const char *name, int64_t value);
int ft_module_add_str(FtObject *m, const char *name, const char *value);

#include "core/vm/vmtypes.h"

#endif
