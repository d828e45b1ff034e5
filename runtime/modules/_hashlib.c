/* The _hashlib module (ft_hashlib_module_def): message digests on OpenSSL's EVP API, under
 * runtime/lib/hashlib.py, as CPython's Modules/_hashopenssl.c: new(name, string=b''),
 * openssl_<name>() constructors, the HASH / HASHXOF types (update, digest, hexdigest, copy,
 * name, digest_size, block_size), pbkdf2_hmac and compare_digest.
 *
 * Releasing the lock. Hashing a buffer of HASHLIB_GIL_MINSIZE bytes or more runs detached
 * (FT_BLOCKING), as CPython does. The input is then an immutable bytes we hold a reference
 * to, or a malloc'd copy of a bytearray (another thread could resize it meanwhile). Each
 * hash object has a pthread mutex guarding its EVP context, so two threads updating one
 * object cannot corrupt it; a thread that must wait for the mutex waits detached (else the
 * holder, detached in EVP_DigestUpdate, could never re-attach to finish). */
#include "runtime/import.h"
#include "runtime/tstate.h"
#include "locking/strategy.h"
#include <ctype.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define HASHLIB_GIL_MINSIZE 2048

/* Python names and OpenSSL's, as CPython's py_hashes table. */
static const struct { const char *py, *ossl; } names[] = {
    {"md5", "md5"},           {"sha1", "sha1"},           {"sha224", "sha224"},
    {"sha256", "sha256"},     {"sha384", "sha384"},       {"sha512", "sha512"},
    {"sha512_224", "sha512-224"}, {"sha512_256", "sha512-256"},
    {"sha3_224", "sha3-224"}, {"sha3_256", "sha3-256"},   {"sha3_384", "sha3-384"},
    {"sha3_512", "sha3-512"}, {"shake_128", "shake128"},  {"shake_256", "shake256"},
    {"blake2s", "blake2s256"}, {"blake2b", "blake2b512"},
};
#define NNAMES (sizeof names / sizeof names[0])

typedef struct {
    FtObject ob_base;
    EVP_MD_CTX *ctx;
    const char *name;     /* the Python name: static storage */
    pthread_mutex_t lock;
} HashObject;

static FtType hash_type, hashxof_type;
static FtObject *unsupported_error;   /* UnsupportedDigestmodError(ValueError) */

/* ---- helpers ------------------------------------------------------------------------------ */

/* The hash input: readable while detached when `detach` is set. */
typedef struct {
    const char *p;
    ssize_t n;
    void *copy;
} InBuf;

static int inbuf_get(FtObject *o, InBuf *in) {
    in->copy = NULL;
    if (ft_str_check(o)) {
        ft_err_set_string(ft_exc_TypeError, "Strings must be encoded before hashing");
        return -1;
    }
    if (!ft_bytes_check(o) && !ft_bytearray_check(o)) {
        ft_err_set_string(ft_exc_TypeError, "object supporting the buffer API required");
        return -1;
    }
    ft_bytes_like_get(o, &in->p, &in->n);
    if (!ft_bytes_check(o) && in->n >= HASHLIB_GIL_MINSIZE) {
        /* a bytearray hashed detached: hash a private copy (the caller's reference keeps a
         * bytes alive and unchanged, not a bytearray) */
        in->copy = malloc((size_t)in->n);
        if (in->copy == NULL) {
            ft_err_no_memory();
            return -1;
        }
        memcpy(in->copy, in->p, (size_t)in->n);
        in->p = in->copy;
    }
    return 0;
}

static void lock_obj(HashObject *self) {
    if (pthread_mutex_trylock(&self->lock) != 0) {
        FtThreadState *ts = ft_tstate_get();
        FT_BLOCKING(ts, pthread_mutex_lock(&self->lock));
    }
}

static void unlock_obj(HashObject *self) {
    pthread_mutex_unlock(&self->lock);
}

/* An OpenSSL failure as ValueError with its reason, as CPython's _setException. */
static FtObject *ssl_error(FtType *type) {
    unsigned long e = ERR_peek_last_error();
    ERR_clear_error();
    if (type == NULL)
        type = ft_exc_ValueError;
    if (e == 0)
        return ft_err_format(type, "no reason supplied");
    const char *lib = ERR_lib_error_string(e), *reason = ERR_reason_error_string(e);
    if (lib && reason)
        return ft_err_format(type, "[%s] %s", lib, reason);
    if (reason)
        return ft_err_format(type, "%s", reason);
    return ft_err_format(type, "no reason supplied");
}

/* Hash `in` into self's context: detached when large. Object unlocked on entry and exit. */
static int hash_data(HashObject *self, const InBuf *in) {
    int ok;
    if (in->n >= HASHLIB_GIL_MINSIZE) {
        FtThreadState *ts = ft_tstate_get();
        FT_BLOCKING(ts, {
            pthread_mutex_lock(&self->lock);
            ok = EVP_DigestUpdate(self->ctx, in->p, (size_t)in->n);
            pthread_mutex_unlock(&self->lock);
        });
    } else {
        lock_obj(self);
        ok = EVP_DigestUpdate(self->ctx, in->p, (size_t)in->n);
        unlock_obj(self);
    }
    if (!ok) {
        ssl_error(NULL);
        return -1;
    }
    return 0;
}

static const EVP_MD *find_md(FtObject *name_obj, const char **pyname) {
    const char *s = ft_str_as_utf8(name_obj);
    if (s == NULL)
        return NULL;
    char low[64];
    size_t i;
    for (i = 0; s[i] && i < sizeof low - 1; i++)
        low[i] = (char)tolower((unsigned char)s[i]);
    low[i] = 0;
    for (size_t k = 0; k < NNAMES; k++) {
        if (strcmp(low, names[k].py) == 0 || strcmp(low, names[k].ossl) == 0) {
            *pyname = names[k].py;
            const EVP_MD *md = EVP_get_digestbyname(names[k].ossl);
            if (md)
                return md;
            break;
        }
    }
    ft_err_format((FtType *)unsupported_error, "[digital envelope routines] unsupported");
    return NULL;
}

static HashObject *hash_alloc(const EVP_MD *md, const char *pyname) {
    FtType *t = (EVP_MD_flags(md) & EVP_MD_FLAG_XOF) ? &hashxof_type : &hash_type;
    HashObject *self = (HashObject *)ft_object_alloc(t);
    if (self == NULL)
        return NULL;
    self->name = pyname;
    pthread_mutex_init(&self->lock, NULL);
    self->ctx = EVP_MD_CTX_new();
    if (self->ctx == NULL) {
        FT_DECREF(self);
        ft_err_no_memory();
        return NULL;
    }
    return self;
}

static FtObject *make_hash(FtObject *name_obj, const char *fixed, FtObject *data) {
    const char *pyname = fixed;
    const EVP_MD *md;
    if (fixed) {
        md = NULL;
        for (size_t k = 0; k < NNAMES; k++)
            if (strcmp(fixed, names[k].py) == 0)
                md = EVP_get_digestbyname(names[k].ossl);
        if (md == NULL)
            return ft_err_format((FtType *)unsupported_error,
                                 "[digital envelope routines] unsupported");
    } else {
        if (!ft_str_check(name_obj))
            return ft_err_format(ft_exc_TypeError, "new() argument 'name' must be str, not %T",
                                 name_obj);
        md = find_md(name_obj, &pyname);
        if (md == NULL)
            return NULL;
    }
    InBuf in = {NULL, 0, NULL};
    if (data != NULL && inbuf_get(data, &in) < 0)
        return NULL;
    HashObject *self = hash_alloc(md, pyname);
    if (self == NULL) {
        free(in.copy);
        return NULL;
    }
    if (!EVP_DigestInit_ex(self->ctx, md, NULL)) {
        free(in.copy);
        FT_DECREF(self);
        return ssl_error(NULL);
    }
    if (in.n > 0 && hash_data(self, &in) < 0) {
        free(in.copy);
        FT_DECREF(self);
        return NULL;
    }
    free(in.copy);
    return (FtObject *)self;
}

/* ---- module functions --------------------------------------------------------------------- */

static FtObject *hashlib_new(FtObject *mod, FtObject *const *args, ssize_t nargs,
                             FtObject *kwnames) {
    static const char *const kw[] = {"name", "string", "usedforsecurity", NULL};
    FtObject *a[3];
    if (ft_parse_args("new", args, nargs, kwnames, kw, 0, 2, 1, a) < 0)
        return NULL;
    return make_hash(a[0], NULL, a[1]);
}

#define CONSTRUCTOR(NAME)                                                                   \
    static FtObject *openssl_##NAME(FtObject *mod, FtObject *const *args, ssize_t nargs,    \
                                    FtObject *kwnames) {                                    \
        static const char *const kw[] = {"string", "usedforsecurity", NULL};                \
        FtObject *a[2];                                                                     \
        if (ft_parse_args("openssl_" #NAME, args, nargs, kwnames, kw, 0, 1, 0, a) < 0)      \
            return NULL;                                                                    \
        return make_hash(NULL, #NAME, a[0]);                                                \
    }
CONSTRUCTOR(md5)
CONSTRUCTOR(sha1)
CONSTRUCTOR(sha224)
CONSTRUCTOR(sha256)
CONSTRUCTOR(sha384)
CONSTRUCTOR(sha512)
CONSTRUCTOR(sha3_224)
CONSTRUCTOR(sha3_256)
CONSTRUCTOR(sha3_384)
CONSTRUCTOR(sha3_512)
CONSTRUCTOR(shake_128)
CONSTRUCTOR(shake_256)
CONSTRUCTOR(blake2b)
CONSTRUCTOR(blake2s)

/* pbkdf2_hmac(hash_name, password, salt, iterations, dklen=None) */
static FtObject *hashlib_pbkdf2_hmac(FtObject *mod, FtObject *const *args, ssize_t nargs,
                                     FtObject *kwnames) {
    static const char *const kw[] = {"hash_name", "password", "salt", "iterations", "dklen",
                                     NULL};
    FtObject *a[5];
    if (ft_parse_args("pbkdf2_hmac", args, nargs, kwnames, kw, 0, -1, 4, a) < 0)
        return NULL;
    if (!ft_str_check(a[0]))
        return ft_err_format(ft_exc_TypeError,
                             "pbkdf2_hmac() argument 'hash_name' must be str, not %T", a[0]);
    const char *pyname;
    const EVP_MD *md = find_md(a[0], &pyname);
    if (md == NULL)
        return NULL;
    const char *pw, *salt;
    ssize_t pwlen, saltlen;
    if (ft_bytes_like_get(a[1], &pw, &pwlen) < 0 || ft_bytes_like_get(a[2], &salt, &saltlen) < 0)
        return NULL;
    int overflow = 0;
    if (!ft_int_check(a[3]))
        return ft_err_format(ft_exc_TypeError, "'%T' object cannot be interpreted as an integer",
                             a[3]);
    int64_t iterations = ft_int_as_i64(a[3], &overflow);
    if (overflow > 0 || iterations > INT_MAX)
        return ft_err_format(ft_exc_OverflowError, "iteration value is too great.");
    if (overflow < 0 || iterations < 1)
        return ft_err_format(ft_exc_ValueError, "iteration value must be greater than 0.");
    int64_t dklen = EVP_MD_size(md);
    if (a[4] != NULL && a[4] != FT_NONE) {
        if (!ft_int_check(a[4]))
            return ft_err_format(ft_exc_TypeError,
                                 "'%T' object cannot be interpreted as an integer", a[4]);
        dklen = ft_int_as_i64(a[4], &overflow);
        if (overflow > 0 || dklen > INT_MAX)
            return ft_err_format(ft_exc_OverflowError, "key length is too great.");
        if (overflow < 0 || dklen < 1)
            return ft_err_format(ft_exc_ValueError, "key length must be greater than 0.");
    }
    FtObject *key = ft_bytes_new((ssize_t)dklen);
    if (key == NULL)
        return NULL;
    /* password and salt may be bytearrays: copy them before detaching */
    char *pwc = malloc((size_t)pwlen + 1), *saltc = malloc((size_t)saltlen + 1);
    if (pwc == NULL || saltc == NULL) {
        free(pwc);
        free(saltc);
        FT_DECREF(key);
        return ft_err_no_memory();
    }
    memcpy(pwc, pw, (size_t)pwlen);
    memcpy(saltc, salt, (size_t)saltlen);
    int ok;
    char *out = FT_BYTES_DATA(key);   /* a new bytes only this thread knows */
    FtThreadState *ts = ft_tstate_get();
    FT_BLOCKING(ts, ok = PKCS5_PBKDF2_HMAC(pwc, (int)pwlen, (unsigned char *)saltc,
                                           (int)saltlen, (int)iterations, md, (int)dklen,
                                           (unsigned char *)out));
    free(pwc);
    free(saltc);
    if (!ok) {
        FT_DECREF(key);
        return ssl_error(NULL);
    }
    return key;
}

/* compare_digest(a, b): constant time for equal lengths, as CPython's. */
static FtObject *hashlib_compare_digest(FtObject *mod, FtObject *const *args, ssize_t nargs) {
    if (ft_check_nargs("compare_digest", nargs, 2, 2) < 0)
        return NULL;
    FtObject *a = args[0], *b = args[1];
    const char *pa, *pb;
    ssize_t na, nb;
    if (ft_str_check(a) && ft_str_check(b)) {
        if (!((FtStr *)a)->ascii || !((FtStr *)b)->ascii)
            return ft_err_format(ft_exc_TypeError,
                                 "comparing strings with non-ASCII characters is not supported");
        /* ASCII strings: their UTF-8 form is the data itself */
        pa = ft_str_as_utf8_len(a, &na);
        pb = ft_str_as_utf8_len(b, &nb);
        if (pa == NULL || pb == NULL)
            return NULL;
        return ft_bool_from(na == nb && CRYPTO_memcmp(pa, pb, (size_t)na) == 0);
    }
    /* otherwise both must be bytes-like: "a bytes-like object is required, not 'str'" */
    if (ft_bytes_like_get(a, &pa, &na) < 0 || ft_bytes_like_get(b, &pb, &nb) < 0)
        return NULL;
    int eq = na == nb && CRYPTO_memcmp(pa, pb, (size_t)na) == 0;
    return ft_bool_from(eq);
}

/* ---- the HASH type ------------------------------------------------------------------------ */

static void hash_dealloc(FtObject *o) {
    HashObject *self = (HashObject *)o;
    if (self->ctx)
        EVP_MD_CTX_free(self->ctx);
    pthread_mutex_destroy(&self->lock);
    ft_object_free(o);
}

static FtObject *hash_update(FtObject *o, FtObject *data) {
    InBuf in;
    if (inbuf_get(data, &in) < 0)
        return NULL;
    int r = hash_data((HashObject *)o, &in);
    free(in.copy);
    if (r < 0)
        return NULL;
    FT_RETURN_NONE;
}

/* Finish a copy of the context: the object stays usable. `len` only for XOFs. */
static ssize_t final_digest(HashObject *self, unsigned char *out, size_t len) {
    EVP_MD_CTX *tmp = EVP_MD_CTX_new();
    if (tmp == NULL) {
        ft_err_no_memory();
        return -1;
    }
    unsigned int n = 0;
    lock_obj(self);
    int ok = EVP_MD_CTX_copy_ex(tmp, self->ctx);
    unlock_obj(self);
    if (ok) {
        if (FT_TYPE(self) == &hashxof_type) {
            ok = EVP_DigestFinalXOF(tmp, out, len);
            n = (unsigned)len;
        } else {
            ok = EVP_DigestFinal_ex(tmp, out, &n);
        }
    }
    EVP_MD_CTX_free(tmp);
    if (!ok) {
        ssl_error(NULL);
        return -1;
    }
    return n;
}

static FtObject *to_hex(const unsigned char *d, ssize_t n) {
    static const char hexd[] = "0123456789abcdef";
    char *s = malloc((size_t)n * 2 + 1);
    if (s == NULL)
        return ft_err_no_memory();
    for (ssize_t i = 0; i < n; i++) {
        s[2 * i] = hexd[d[i] >> 4];
        s[2 * i + 1] = hexd[d[i] & 15];
    }
    FtObject *r = ft_str_from_utf8(s, n * 2);
    free(s);
    return r;
}

static FtObject *hash_digest(FtObject *o, FtObject *unused) {
    unsigned char buf[EVP_MAX_MD_SIZE];
    ssize_t n = final_digest((HashObject *)o, buf, 0);
    return n < 0 ? NULL : ft_bytes_from_data(buf, n);
}

static FtObject *hash_hexdigest(FtObject *o, FtObject *unused) {
    unsigned char buf[EVP_MAX_MD_SIZE];
    ssize_t n = final_digest((HashObject *)o, buf, 0);
    return n < 0 ? NULL : to_hex(buf, n);
}

static int xof_length(FtObject *const *args, ssize_t nargs, FtObject *kwnames, const char *fn,
                      ssize_t *len) {
    static const char *const kw[] = {"length", NULL};
    FtObject *a[1];
    if (ft_parse_args(fn, args, nargs, kwnames, kw, 0, -1, 1, a) < 0)
        return -1;
    ssize_t v = ft_number_as_ssize(a[0], ft_exc_OverflowError);
    if (v == -1 && ft_err_occurred())
        return -1;
    if (v < 0) {
        ft_err_set_string(ft_exc_ValueError, "length must be non-negative");
        return -1;
    }
    *len = v;
    return 0;
}

static FtObject *xof_digest_common(FtObject *o, FtObject *const *args, ssize_t nargs,
                                   FtObject *kwnames, int hex) {
    ssize_t len;
    if (xof_length(args, nargs, kwnames, hex ? "hexdigest" : "digest", &len) < 0)
        return NULL;
    unsigned char *buf = malloc(len ? (size_t)len : 1);
    if (buf == NULL)
        return ft_err_no_memory();
    FtObject *r = NULL;
    if (len == 0 || final_digest((HashObject *)o, buf, (size_t)len) >= 0)
        r = hex ? to_hex(buf, len) : ft_bytes_from_data(buf, len);
    free(buf);
    return r;
}

static FtObject *xof_digest(FtObject *o, FtObject *const *args, ssize_t nargs, FtObject *kw) {
    return xof_digest_common(o, args, nargs, kw, 0);
}

static FtObject *xof_hexdigest(FtObject *o, FtObject *const *args, ssize_t nargs, FtObject *kw) {
    return xof_digest_common(o, args, nargs, kw, 1);
}

static FtObject *hash_copy(FtObject *o, FtObject *unused) {
    HashObject *self = (HashObject *)o;
    HashObject *r = hash_alloc(EVP_MD_CTX_get0_md(self->ctx), self->name);
    if (r == NULL)
        return NULL;
    lock_obj(self);
    int ok = EVP_MD_CTX_copy_ex(r->ctx, self->ctx);
    unlock_obj(self);
    if (!ok) {
        FT_DECREF(r);
        return ssl_error(NULL);
    }
    return (FtObject *)r;
}

static FtObject *hash_get_name(FtObject *o, void *c) {
    return ft_str_from_cstr(((HashObject *)o)->name);
}

static FtObject *hash_get_digest_size(FtObject *o, void *c) {
    HashObject *self = (HashObject *)o;
    if (FT_TYPE(o) == &hashxof_type)
        return ft_int_from_i64(0);
    return ft_int_from_i64(EVP_MD_size(EVP_MD_CTX_get0_md(self->ctx)));
}

static FtObject *hash_get_block_size(FtObject *o, void *c) {
    return ft_int_from_i64(EVP_MD_block_size(EVP_MD_CTX_get0_md(((HashObject *)o)->ctx)));
}

static FtObject *hash_repr(FtObject *o) {
    return ft_str_from_format("<%s %s object @ %p>", ((HashObject *)o)->name,
                              FT_TYPE(o)->tp_name, (void *)o);
}

static FtMethodDef hash_methods[] = {
    {"update", (void *)hash_update, FT_METH_O, "Update this hash object's state with the provided string."},
    {"digest", (void *)hash_digest, FT_METH_NOARGS, "Return the digest value as a bytes object."},
    {"hexdigest", (void *)hash_hexdigest, FT_METH_NOARGS,
     "Return the digest value as a string of hexadecimal digits."},
    {"copy", (void *)hash_copy, FT_METH_NOARGS, "Return a copy of the hash object."},
    {NULL, NULL, 0, NULL},
};

static FtMethodDef xof_methods[] = {
    {"digest", (void *)xof_digest, FT_METH_FASTCALL | FT_METH_KEYWORDS,
     "Return the digest value as a bytes object."},
    {"hexdigest", (void *)xof_hexdigest, FT_METH_FASTCALL | FT_METH_KEYWORDS,
     "Return the digest value as a string of hexadecimal digits."},
    {NULL, NULL, 0, NULL},
};

static FtGetSetDef hash_getset[] = {
    {"name", hash_get_name, NULL, NULL, NULL},
    {"digest_size", hash_get_digest_size, NULL, NULL, NULL},
    {"block_size", hash_get_block_size, NULL, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static FtType hash_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "_hashlib.HASH",
    .tp_basicsize = sizeof(HashObject),
    .tp_dealloc = hash_dealloc,
    .tp_repr = hash_repr,
    .tp_flags = FT_TPFLAGS_BASETYPE,   /* as CPython; no tp_new: never instantiated from Python */
    .tp_doc = "A hash is an object used to calculate a checksum of a string of information.",
    .tp_methods = hash_methods,
    .tp_getset = hash_getset,
};

static FtType hashxof_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "_hashlib.HASHXOF",
    .tp_basicsize = sizeof(HashObject),
    .tp_dealloc = hash_dealloc,
    .tp_repr = hash_repr,
    .tp_doc = "A hash is an object used to calculate a checksum of a string of information.",
    .tp_methods = xof_methods,
    .tp_base = &hash_type,
};

#define CTOR_DEF(NAME) \
    {"openssl_" #NAME, (void *)openssl_##NAME, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL}

static FtMethodDef hashlib_methods[] = {
    {"new", (void *)hashlib_new, FT_METH_FASTCALL | FT_METH_KEYWORDS,
     "Return a new hash object using the named algorithm."},
    {"pbkdf2_hmac", (void *)hashlib_pbkdf2_hmac, FT_METH_FASTCALL | FT_METH_KEYWORDS,
     "Password based key derivation function 2 (PKCS #5 v2.0) with HMAC as pseudorandom function."},
    {"compare_digest", (void *)hashlib_compare_digest, FT_METH_FASTCALL,
     "Return 'a == b'."},
    CTOR_DEF(md5), CTOR_DEF(sha1), CTOR_DEF(sha224), CTOR_DEF(sha256), CTOR_DEF(sha384),
    CTOR_DEF(sha512), CTOR_DEF(sha3_224), CTOR_DEF(sha3_256), CTOR_DEF(sha3_384),
    CTOR_DEF(sha3_512), CTOR_DEF(shake_128), CTOR_DEF(shake_256), CTOR_DEF(blake2b),
    CTOR_DEF(blake2s),
    {NULL, NULL, 0, NULL},
};

/* class UnsupportedDigestmodError(ValueError) in module _hashlib */
static FtObject *make_error(void) {
    FtObject *n = ft_str_from_cstr("UnsupportedDigestmodError");
    FtObject *bases = ft_tuple_pack(1, (FtObject *)ft_exc_ValueError);
    FtObject *d = ft_dict_new();
    FtObject *mod = ft_str_from_cstr("_hashlib");
    FtObject *t = NULL;
    if (n && bases && d && mod && ft_dict_set_cstr(d, "__module__", mod) == 0)
        t = ft_object_call_va((FtObject *)&ft_type_type, n, bases, d, NULL);
    FT_XDECREF(n);
    FT_XDECREF(bases);
    FT_XDECREF(d);
    FT_XDECREF(mod);
    return t;
}

static int hashlib_exec(FtObject *m) {
    if (!(hash_type.tp_flags & FT_TPFLAGS_READY) && ft_type_ready(&hash_type) < 0)
        return -1;
    if (!(hashxof_type.tp_flags & FT_TPFLAGS_READY) && ft_type_ready(&hashxof_type) < 0)
        return -1;
    if (unsupported_error == NULL && (unsupported_error = make_error()) == NULL)
        return -1;
    if (ft_module_add_object(m, "UnsupportedDigestmodError", ft_newref(unsupported_error)) < 0)
        return -1;
    FT_INCREF(&hash_type);
    FT_INCREF(&hashxof_type);
    if (ft_module_add_object(m, "HASH", (FtObject *)&hash_type) < 0 ||
        ft_module_add_object(m, "HASHXOF", (FtObject *)&hashxof_type) < 0)
        return -1;
    /* the names OpenSSL can hash here, for hashlib.algorithms_available */
    FtObject *list = ft_list_new(0);
    if (list == NULL)
        return -1;
    for (size_t k = 0; k < NNAMES; k++) {
        if (EVP_get_digestbyname(names[k].ossl) == NULL)
            continue;
        FtObject *s = ft_str_from_cstr(names[k].py);
        if (s == NULL || ft_list_append(list, s) < 0) {
            FT_XDECREF(s);
            FT_DECREF(list);
            return -1;
        }
        FT_DECREF(s);
    }
    FtObject *fs = ft_frozenset_new(list);
    FT_DECREF(list);
    if (fs == NULL)
        return -1;
    return ft_module_add_object(m, "openssl_md_meth_names", fs);
}

FtModuleDef ft_hashlib_module_def = {
    .name = "_hashlib",
    .doc = "OpenSSL interface for hashlib module",
    .methods = hashlib_methods,
    .exec = hashlib_exec,
};
