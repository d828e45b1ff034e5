/* The _random module (ft_random_module_def): the Mersenne Twister MT19937 core under
 * random.Random. Seeding from an arbitrary Python value (ints, str, bytes...) is done in
 * runtime/lib/random.py, which hands the key words to _init_by_array; everything here
 * reproduces CPython's _randommodule.c bit for bit so that a given seed gives the same
 * numbers as CPython. */
#include "runtime/import.h"
#include <stdint.h>
#include <string.h>

#define N 624
#define M 397
#define MATRIX_A 0x9908b0dfU
#define UPPER_MASK 0x80000000U
#define LOWER_MASK 0x7fffffffU

typedef struct {
    FtObject ob_base;
    int index;
    uint32_t state[N];
} RandomObject;

static FtType random_type;

static uint32_t genrand_uint32(RandomObject *self) {
    static const uint32_t mag01[2] = {0x0U, MATRIX_A};
    uint32_t y;
    uint32_t *mt = self->state;
    /* The index is read once and checked on that copy: two threads drawing from one
     * generator without a lock may get correlated numbers, but never read out of bounds
     * (ftpy has no per-object critical section yet). */
    int i = self->index;
    if (i >= N || i < 0) {
        int kk;
        for (kk = 0; kk < N - M; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        for (; kk < N - 1; kk++) {
            y = (mt[kk] & UPPER_MASK) | (mt[kk + 1] & LOWER_MASK);
            mt[kk] = mt[kk + (M - N)] ^ (y >> 1) ^ mag01[y & 0x1U];
        }
        y = (mt[N - 1] & UPPER_MASK) | (mt[0] & LOWER_MASK);
        mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag01[y & 0x1U];
        i = 0;
    }
    y = mt[i];
    self->index = i + 1;
    y ^= (y >> 11);
    y ^= (y << 7) & 0x9d2c5680U;
    y ^= (y << 15) & 0xefc60000U;
    y ^= (y >> 18);
    return y;
}

static void init_genrand(RandomObject *self, uint32_t s) {
    uint32_t *mt = self->state;
    mt[0] = s;
    for (int mti = 1; mti < N; mti++)
        mt[mti] = (1812433253U * (mt[mti - 1] ^ (mt[mti - 1] >> 30)) + (uint32_t)mti);
    self->index = N;
}

static void init_by_array(RandomObject *self, const uint32_t *key, size_t key_length) {
    uint32_t *mt = self->state;
    init_genrand(self, 19650218U);
    size_t i = 1, j = 0;
    size_t k = (N > key_length ? N : key_length);
    for (; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1664525U)) + key[j] + (uint32_t)j;
        i++;
        j++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
        if (j >= key_length)
            j = 0;
    }
    for (k = N - 1; k; k--) {
        mt[i] = (mt[i] ^ ((mt[i - 1] ^ (mt[i - 1] >> 30)) * 1566083941U)) - (uint32_t)i;
        i++;
        if (i >= N) {
            mt[0] = mt[N - 1];
            i = 1;
        }
    }
    mt[0] = 0x80000000U;
}

/* ---- methods ------------------------------------------------------------------------------ */

static FtObject *random_random(FtObject *self, FtObject *unused) {
    RandomObject *r = (RandomObject *)self;
    uint32_t a = genrand_uint32(r) >> 5, b = genrand_uint32(r) >> 6;
    return ft_float_from_double((a * 67108864.0 + b) * (1.0 / 9007199254740992.0));
}

static FtObject *random_getrandbits(FtObject *self, FtObject *arg) {
    RandomObject *r = (RandomObject *)self;
    FtObject *i = ft_number_index(arg);
    if (i == NULL)
        return NULL;
    int overflow = 0;
    int64_t k = ft_int_as_i64(i, &overflow);
    FT_DECREF(i);
    if (overflow > 0 || k > ((int64_t)1 << 40)) {
        ft_err_set_string(ft_exc_OverflowError, "Python int too large to convert to C int");
        return NULL;
    }
    if (overflow < 0 || k < 0) {
        ft_err_set_string(ft_exc_ValueError, "number of bits must be non-negative");
        return NULL;
    }
    if (k == 0)
        return ft_int_from_i64(0);
    if (k <= 32)
        return ft_int_from_u64(genrand_uint32(r) >> (32 - k));
    /* little-endian 32-bit words, the last one truncated to the remaining bits */
    size_t words = (size_t)((k - 1) / 32 + 1);
    uint8_t *buf = ft_mem_alloc(words * 4);
    if (buf == NULL)
        return NULL;   /* MemoryError set by ft_mem_alloc */
    for (size_t w = 0; w < words; w++, k -= 32) {
        uint32_t v = genrand_uint32(r);
        if (k < 32)
            v >>= (32 - k);
        buf[4 * w] = (uint8_t)v;
        buf[4 * w + 1] = (uint8_t)(v >> 8);
        buf[4 * w + 2] = (uint8_t)(v >> 16);
        buf[4 * w + 3] = (uint8_t)(v >> 24);
    }
    FtObject *res = ft_int_from_bytes(buf, words * 4, true, false);
    ft_mem_free(buf);
    return res;
}

static int u32_item(FtObject *o, uint32_t *out) {
    FtObject *i = ft_number_index(o);
    if (i == NULL)
        return -1;
    int overflow = 0;
    int64_t v = ft_int_as_i64(i, &overflow);
    FT_DECREF(i);
    if (overflow || v < 0 || v > 0xffffffffLL) {
        ft_err_set_string(ft_exc_OverflowError, "Python int too large to convert to C unsigned long");
        return -1;
    }
    *out = (uint32_t)v;
    return 0;
}

/* _init_by_array(key): key is a sequence of 32-bit words (least significant first). */
static FtObject *random_init_by_array(FtObject *self, FtObject *arg) {
    FtObject *seq = ft_sequence_tuple(arg);
    if (seq == NULL)
        return NULL;
    ssize_t n = FT_SIZE(seq);
    uint32_t one = 0;
    uint32_t *key = n > 0 ? ft_mem_alloc((size_t)n * sizeof(uint32_t)) : &one;
    if (key == NULL) {
        FT_DECREF(seq);
        return NULL;    /* MemoryError set by ft_mem_alloc */
    }
    for (ssize_t i = 0; i < n; i++) {
        if (u32_item(FT_TUPLE_ITEMS(seq)[i], &key[i]) < 0) {
            ft_mem_free(key);
            FT_DECREF(seq);
            return NULL;
        }
    }
    init_by_array((RandomObject *)self, key, n > 0 ? (size_t)n : 1);
    if (n > 0)
        ft_mem_free(key);
    FT_DECREF(seq);
    FT_RETURN_NONE;
}

/* _getstate() -> tuple of the 624 words plus the index, as CPython's getstate()[1] */
static FtObject *random_getstate_raw(FtObject *self, FtObject *unused) {
    RandomObject *r = (RandomObject *)self;
    FtObject *t = ft_tuple_new(N + 1);
    if (t == NULL)
        return NULL;
    for (int i = 0; i <= N; i++) {
        FtObject *v = ft_int_from_u64(i < N ? r->state[i] : (uint64_t)r->index);
        if (v == NULL) {
            for (int j = i; j <= N; j++)
                FT_TUPLE_ITEMS(t)[j] = ft_newref(FT_NONE);
            FT_DECREF(t);
            return NULL;
        }
        FT_TUPLE_ITEMS(t)[i] = v;
    }
    return t;
}

static FtObject *random_setstate_raw(FtObject *self, FtObject *state) {
    RandomObject *r = (RandomObject *)self;
    if (!ft_tuple_check(state)) {
        ft_err_set_string(ft_exc_TypeError, "state vector must be a tuple");
        return NULL;
    }
    if (FT_SIZE(state) != N + 1) {
        ft_err_set_string(ft_exc_ValueError, "state vector is the wrong size");
        return NULL;
    }
    uint32_t tmp[N];
    for (int i = 0; i < N; i++) {
        if (u32_item(FT_TUPLE_ITEMS(state)[i], &tmp[i]) < 0)
            return NULL;
    }
    FtObject *idx = ft_number_index(FT_TUPLE_ITEMS(state)[N]);
    if (idx == NULL)
        return NULL;
    int overflow = 0;
    int64_t index = ft_int_as_i64(idx, &overflow);
    FT_DECREF(idx);
    if (overflow || index < 0 || index > N) {
        ft_err_set_string(ft_exc_ValueError, "invalid state");
        return NULL;
    }
    memcpy(r->state, tmp, sizeof tmp);
    r->index = (int)index;
    FT_RETURN_NONE;
}

static FtObject *random_tp_new(FtType *type, FtObject *args, FtObject *kwargs) {
    RandomObject *r = (RandomObject *)type->tp_alloc(type, 0);
    if (r == NULL)
        return NULL;
    /* a fixed state until seed() runs: random.py seeds every instance in __init__ */
    init_genrand(r, 5489U);
    return (FtObject *)r;
}

static void random_dealloc(FtObject *o) {
    FtType *t = FT_TYPE(o);
    t->tp_free(o);
    if (t->tp_flags & FT_TPFLAGS_HEAPTYPE)
        FT_DECREF(t);
}

static FtMethodDef random_methods[] = {
    {"random", (void *)random_random, FT_METH_NOARGS, "random() -> x in the interval [0, 1)."},
    {"getrandbits", (void *)random_getrandbits, FT_METH_O,
     "getrandbits(k) -> x.  Generates an int with k random bits."},
    {"_init_by_array", (void *)random_init_by_array, FT_METH_O, NULL},
    {"_getstate_raw", (void *)random_getstate_raw, FT_METH_NOARGS, NULL},
    {"_setstate_raw", (void *)random_setstate_raw, FT_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static FtType random_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "_random.Random",
    .tp_basicsize = sizeof(RandomObject),
    .tp_dealloc = random_dealloc,
    .tp_flags = FT_TPFLAGS_BASETYPE,
    .tp_doc = "Random() -> create a random number generator with its own internal state.",
    .tp_methods = random_methods,
    .tp_new = random_tp_new,
};

static int random_exec(FtObject *m) {
    if (!(random_type.tp_flags & FT_TPFLAGS_READY) && ft_type_ready(&random_type) < 0)
        return -1;
    FT_INCREF(&random_type);
    return ft_module_add_object(m, "Random", (FtObject *)&random_type);
}

FtModuleDef ft_random_module_def = {
    .name = "_random",
    .doc = "Module implements the Mersenne Twister random number generator.",
    .methods = NULL,
    .exec = random_exec,
};
