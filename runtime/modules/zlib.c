/* The zlib module (ft_zlib_module_def) on the system's zlib: one-shot compress/decompress,
 * crc32/adler32, and the streaming Compress/Decompress objects, with CPython 3.11's
 * signatures, results and error messages.
 *
 * Releasing the lock. Every deflate/inflate loop runs detached (FT_BLOCKING), as CPython
 * runs each deflate()/inflate() between Py_BEGIN/END_ALLOW_THREADS. While detached nothing
 * here touches a Python object: the input is an immutable bytes we hold a reference to, or
 * a malloc'd copy of a bytearray (another thread could resize it); the output goes to a
 * malloc'd buffer that becomes a bytes once the thread is attached again. A stream object's
 * z_stream is guarded by its own pthread mutex (CPython's per-object lock), taken with
 * lock_obj(): a thread that must wait for it waits detached, so the thread holding it can
 * re-attach (take the GIL) and finish. */
#include "runtime/import.h"
#include "runtime/tstate.h"
#include "locking/strategy.h"
#include <limits.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <zlib.h>

#define DEF_BUF_SIZE (16 * 1024)
#define DEF_MEM_LEVEL 8
#define CRC_UNLOCK_MIN (5 * 1024)   /* CPython releases the GIL for crc32/adler32 above this */

static FtObject *zlib_error_type;

/* ---- helpers ------------------------------------------------------------------------------ */

/* A bytes-like argument, readable while detached. */
typedef struct {
    const unsigned char *p;
    size_t n;
    FtObject *keep;   /* a reference to the bytes, or NULL */
    void *copy;       /* malloc'd copy of a bytearray, or NULL */
} InBuf;

static int inbuf_get(FtObject *o, InBuf *in) {
    const char *d;
    ssize_t n;
    in->keep = NULL;
    in->copy = NULL;
    if (ft_bytes_like_get(o, &d, &n) < 0)
        return -1;
    if (ft_bytes_check(o)) {
        in->keep = ft_newref(o);
        in->p = (const unsigned char *)d;
    } else {
        in->copy = malloc(n ? (size_t)n : 1);
        if (in->copy == NULL) {
            ft_err_no_memory();
            return -1;
        }
        memcpy(in->copy, d, n);
        in->p = in->copy;
    }
    in->n = (size_t)n;
    return 0;
}

static void inbuf_release(InBuf *in) {
    if (in->keep)
        FT_DECREF(in->keep);
    free(in->copy);
}

/* The output buffer, filled while detached (plain malloc: no Python allocation). It grows
 * by CPython's _BlocksOutputBuffer block sizes (32 KiB, 64 KiB, 256 KiB ... 256 MiB) and
 * hands deflate exactly one block of room at a time, as CPython does: stored blocks
 * (level 0) are cut to the room deflate is given, so this keeps the compressed bytes
 * identical to CPython's. */
typedef struct {
    unsigned char *p;
    size_t len, cap;
    int nblocks;
    int nomem;
} OutBuf;

#define KB 1024
#define MB (1024 * 1024)
static const size_t block_sizes[] = {32 * KB, 64 * KB, 256 * KB, 1 * MB, 4 * MB, 8 * MB,
                                     16 * MB, 16 * MB, 32 * MB, 32 * MB, 32 * MB, 32 * MB,
                                     64 * MB, 64 * MB, 128 * MB, 128 * MB, 256 * MB};
#define NBLOCKS (int)(sizeof block_sizes / sizeof block_sizes[0])

/* `first`: the first block's size (0 = the table's, 32 KiB). */
static int outbuf_init(OutBuf *o, size_t first) {
    o->len = 0;
    o->cap = first ? first : block_sizes[0];
    o->nblocks = 1;
    o->nomem = 0;
    o->p = malloc(o->cap);
    if (o->p == NULL) {
        ft_err_no_memory();
        return -1;
    }
    return 0;
}

/* Point the stream at free space, adding a block when full (up to `limit` bytes in all).
 * 0 ok, -1 no memory. */
static int outbuf_room(OutBuf *o, z_stream *zs, size_t limit) {
    o->len = (size_t)(zs->next_out - o->p);
    if (o->len == o->cap) {
        size_t block = block_sizes[o->nblocks < NBLOCKS ? o->nblocks : NBLOCKS - 1];
        if (block > limit - o->cap)
            block = limit - o->cap;
        unsigned char *np = realloc(o->p, o->cap + block);
        if (np == NULL) {
            o->nomem = 1;
            return -1;
        }
        o->p = np;
        o->cap += block;
        o->nblocks++;
    }
    size_t avail = o->cap - o->len;
    zs->next_out = o->p + o->len;
    zs->avail_out = avail > UINT_MAX ? UINT_MAX : (unsigned)avail;
    return 0;
}

static FtObject *outbuf_finish(OutBuf *o, z_stream *zs) {
    o->len = (size_t)(zs->next_out - o->p);
    FtObject *r = ft_bytes_from_data(o->p, (ssize_t)o->len);
    free(o->p);
    o->p = NULL;
    return r;
}

/* Feed at most UINT_MAX input bytes at a time (z_stream counts in unsigned int). */
static void arrange_input(z_stream *zs, size_t *remains) {
    zs->avail_in = *remains > UINT_MAX ? UINT_MAX : (unsigned)*remains;
    *remains -= zs->avail_in;
}

static FtObject *zlib_error(z_stream *zs, int err, const char *msg) {
    const char *zmsg = NULL;
    if (err == Z_VERSION_ERROR)
        zmsg = "library version mismatch";
    if (zmsg == NULL)
        zmsg = zs->msg;
    if (zmsg == NULL) {
        switch (err) {
        case Z_BUF_ERROR: zmsg = "incomplete or truncated stream"; break;
        case Z_STREAM_ERROR: zmsg = "inconsistent stream state"; break;
        case Z_DATA_ERROR: zmsg = "invalid input data"; break;
        }
    }
    if (zmsg == NULL)
        return ft_err_format((FtType *)zlib_error_type, "Error %d %s", err, msg);
    return ft_err_format((FtType *)zlib_error_type, "Error %d %s: %.200s", err, msg, zmsg);
}

/* An int argument (CPython's "i" converter), `dflt` when absent. */
static int int_arg(FtObject *o, int dflt, int *out) {
    if (o == NULL) {
        *out = dflt;
        return 0;
    }
    ssize_t v = ft_number_as_ssize(o, ft_exc_OverflowError);
    if (v == -1 && ft_err_occurred())
        return -1;
    if (v > INT_MAX || v < INT_MIN) {
        ft_err_set_string(ft_exc_OverflowError,
                          v > 0 ? "signed integer is greater than maximum"
                                : "signed integer is less than minimum");
        return -1;
    }
    *out = (int)v;
    return 0;
}

static int ssize_arg(FtObject *o, ssize_t dflt, ssize_t *out) {
    if (o == NULL) {
        *out = dflt;
        return 0;
    }
    ssize_t v = ft_number_as_ssize(o, ft_exc_OverflowError);
    if (v == -1 && ft_err_occurred())
        return -1;
    *out = v;
    return 0;
}

/* ---- one-shot functions ------------------------------------------------------------------- */

static FtObject *zlib_compress(FtObject *mod, FtObject *const *args, ssize_t nargs,
                               FtObject *kwnames) {
    static const char *const kw[] = {"", "level", "wbits", NULL};
    FtObject *a[3];
    int level, wbits;
    if (nargs > 3)
        return ft_err_format(ft_exc_TypeError, "compress() takes at most 3 arguments (%zd given)",
                             nargs);
    if (ft_parse_args("compress", args, nargs, kwnames, kw, 1, -1, 1, a) < 0)
        return NULL;
    InBuf in;
    if (inbuf_get(a[0], &in) < 0)
        return NULL;
    if (int_arg(a[1], Z_DEFAULT_COMPRESSION, &level) < 0 || int_arg(a[2], MAX_WBITS, &wbits) < 0) {
        inbuf_release(&in);
        return NULL;
    }
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    int err = deflateInit2(&zs, level, Z_DEFLATED, wbits, DEF_MEM_LEVEL, Z_DEFAULT_STRATEGY);
    if (err != Z_OK) {
        inbuf_release(&in);
        if (err == Z_MEM_ERROR)
            return ft_err_format(ft_exc_MemoryError, "Out of memory while compressing data");
        if (err == Z_STREAM_ERROR)
            return ft_err_format((FtType *)zlib_error_type, "Bad compression level");
        deflateEnd(&zs);
        return zlib_error(&zs, err, "while compressing data");
    }
    OutBuf out;
    if (outbuf_init(&out, 0) < 0) {
        deflateEnd(&zs);
        inbuf_release(&in);
        return NULL;
    }
    zs.next_in = (unsigned char *)in.p;
    zs.next_out = out.p;
    size_t remains = in.n;
    FtThreadState *ts = ft_tstate_get();
    FT_BLOCKING(ts, {
        int flush;
        do {
            arrange_input(&zs, &remains);
            flush = remains == 0 ? Z_FINISH : Z_NO_FLUSH;
            do {
                if (outbuf_room(&out, &zs, SIZE_MAX) < 0)
                    break;
                err = deflate(&zs, flush);
            } while (err != Z_STREAM_ERROR && zs.avail_out == 0);
        } while (!out.nomem && err != Z_STREAM_ERROR && flush != Z_FINISH);
    });
    inbuf_release(&in);
    if (out.nomem || err == Z_STREAM_ERROR) {
        deflateEnd(&zs);
        free(out.p);
        if (out.nomem)
            return ft_err_no_memory();
        return zlib_error(&zs, err, "while compressing data");
    }
    err = deflateEnd(&zs);
    if (err != Z_OK) {
        free(out.p);
        return zlib_error(&zs, err, "while finishing compression");
    }
    return outbuf_finish(&out, &zs);
}

static FtObject *zlib_decompress(FtObject *mod, FtObject *const *args, ssize_t nargs,
                                 FtObject *kwnames) {
    static const char *const kw[] = {"", "wbits", "bufsize", NULL};
    FtObject *a[3];
    int wbits;
    ssize_t bufsize;
    if (nargs > 3)
        return ft_err_format(ft_exc_TypeError,
                             "decompress() takes at most 3 arguments (%zd given)", nargs);
    if (ft_parse_args("decompress", args, nargs, kwnames, kw, 1, -1, 1, a) < 0)
        return NULL;
    InBuf in;
    if (inbuf_get(a[0], &in) < 0)
        return NULL;
    if (int_arg(a[1], MAX_WBITS, &wbits) < 0 || ssize_arg(a[2], DEF_BUF_SIZE, &bufsize) < 0) {
        inbuf_release(&in);
        return NULL;
    }
    if (bufsize < 0) {
        inbuf_release(&in);
        return ft_err_format(ft_exc_ValueError, "bufsize must be non-negative");
    }
    if (bufsize == 0)
        bufsize = 1;
    z_stream zs;
    memset(&zs, 0, sizeof zs);
    zs.next_in = (unsigned char *)in.p;
    int err = inflateInit2(&zs, wbits);
    if (err != Z_OK) {
        inbuf_release(&in);
        if (err == Z_MEM_ERROR)
            return ft_err_format(ft_exc_MemoryError, "Out of memory while decompressing data");
        inflateEnd(&zs);
        return zlib_error(&zs, err, "while preparing to decompress data");
    }
    OutBuf out;
    if (outbuf_init(&out, (size_t)bufsize) < 0) {
        inflateEnd(&zs);
        inbuf_release(&in);
        return NULL;
    }
    zs.next_out = out.p;
    size_t remains = in.n;
    int bad = 0;
    FtThreadState *ts = ft_tstate_get();
    FT_BLOCKING(ts, {
        do {
            arrange_input(&zs, &remains);
            int flush = remains == 0 ? Z_FINISH : Z_NO_FLUSH;
            do {
                if (outbuf_room(&out, &zs, SIZE_MAX) < 0)
                    break;
                err = inflate(&zs, flush);
                if (err != Z_OK && err != Z_BUF_ERROR && err != Z_STREAM_END) {
                    bad = 1;
                    break;
                }
            } while (zs.avail_out == 0);
        } while (!bad && !out.nomem && err != Z_STREAM_END && remains != 0);
    });
    inbuf_release(&in);
    if (out.nomem || err == Z_MEM_ERROR) {
        inflateEnd(&zs);
        free(out.p);
        return ft_err_format(ft_exc_MemoryError, "Out of memory while decompressing data");
    }
    if (err != Z_STREAM_END) {
        inflateEnd(&zs);
        free(out.p);
        return zlib_error(&zs, err, "while decompressing data");
    }
    err = inflateEnd(&zs);
    if (err != Z_OK) {
        free(out.p);
        return zlib_error(&zs, err, "while finishing decompression");
    }
    return outbuf_finish(&out, &zs);
}

/* crc32(data, value=0, /) and adler32: the start value is taken modulo 2**32. */
static FtObject *checksum(const char *fname, FtObject *const *args, ssize_t nargs, int is_crc) {
    if (ft_check_nargs(fname, nargs, 1, 2) < 0)
        return NULL;
    uint32_t value = is_crc ? 0 : 1;
    if (nargs > 1) {
        FtObject *i = ft_number_index(args[1]);
        if (i == NULL)
            return NULL;
        FtObject *mask = ft_int_from_u64(0xffffffffu);
        FtObject *m = mask ? ft_number_binop(i, mask, FT_BINOP_AND) : NULL;
        FT_XDECREF(mask);
        FT_DECREF(i);
        if (m == NULL)
            return NULL;
        int overflow = 0;
        value = (uint32_t)ft_int_as_i64(m, &overflow);
        FT_DECREF(m);
    }
    InBuf in;
    if (inbuf_get(args[0], &in) < 0)
        return NULL;
    uLong v = value;
    const unsigned char *p = in.p;
    size_t n = in.n;
#define RUN_SUM()                                                                \
    while (n > 0) {                                                              \
        unsigned chunk = n > UINT_MAX ? UINT_MAX : (unsigned)n;                  \
        v = is_crc ? crc32(v, p, chunk) : adler32(v, p, chunk);                  \
        p += chunk;                                                              \
        n -= chunk;                                                              \
    }
    if (n > CRC_UNLOCK_MIN) {
        FtThreadState *ts = ft_tstate_get();
        FT_BLOCKING(ts, RUN_SUM());
    } else {
        RUN_SUM();
    }
#undef RUN_SUM
    inbuf_release(&in);
    return ft_int_from_u64((uint32_t)v);
}

static FtObject *zlib_crc32(FtObject *mod, FtObject *const *args, ssize_t nargs) {
    return checksum("crc32", args, nargs, 1);
}

static FtObject *zlib_adler32(FtObject *mod, FtObject *const *args, ssize_t nargs) {
    return checksum("adler32", args, nargs, 0);
}

/* ---- stream objects ----------------------------------------------------------------------- */

typedef struct {
    FtObject ob_base;
    z_stream zst;
    FtObject *unused_data;      /* bytes */
    FtObject *unconsumed_tail;  /* bytes */
    FtObject *zdict;            /* bytes or NULL (Decompress) */
    char eof;
    int is_initialised;
    pthread_mutex_t lock;
} CompObject;

static FtType compress_type, decompress_type;

static void lock_obj(CompObject *self) {
    if (pthread_mutex_trylock(&self->lock) != 0) {
        FtThreadState *ts = ft_tstate_get();
        FT_BLOCKING(ts, pthread_mutex_lock(&self->lock));
    }
}

static void unlock_obj(CompObject *self) {
    pthread_mutex_unlock(&self->lock);
}

static CompObject *comp_new(FtType *type) {
    CompObject *self = (CompObject *)ft_object_alloc(type);
    if (self == NULL)
        return NULL;
    memset(&self->zst, 0, sizeof self->zst);
    self->eof = 0;
    self->is_initialised = 0;
    self->zdict = NULL;
    self->unused_data = ft_bytes_new(0);
    self->unconsumed_tail = ft_bytes_new(0);
    pthread_mutex_init(&self->lock, NULL);
    if (self->unused_data == NULL || self->unconsumed_tail == NULL) {
        FT_DECREF(self);
        return NULL;
    }
    return self;
}

static void comp_dealloc(FtObject *o) {
    CompObject *self = (CompObject *)o;
    if (self->is_initialised) {
        if (FT_TYPE(o) == &compress_type)
            deflateEnd(&self->zst);
        else
            inflateEnd(&self->zst);
    }
    FT_XDECREF(self->unused_data);
    FT_XDECREF(self->unconsumed_tail);
    FT_XDECREF(self->zdict);
    pthread_mutex_destroy(&self->lock);
    ft_object_free(o);
}

static FtObject *zlib_compressobj(FtObject *mod, FtObject *const *args, ssize_t nargs,
                                  FtObject *kwnames) {
    static const char *const kw[] = {"level", "method", "wbits", "memLevel", "strategy",
                                     "zdict", NULL};
    FtObject *a[6];
    int level, method, wbits, memlevel, strategy;
    if (ft_parse_args("compressobj", args, nargs, kwnames, kw, 0, -1, 0, a) < 0)
        return NULL;
    if (int_arg(a[0], Z_DEFAULT_COMPRESSION, &level) < 0 || int_arg(a[1], Z_DEFLATED, &method) < 0 ||
        int_arg(a[2], MAX_WBITS, &wbits) < 0 || int_arg(a[3], DEF_MEM_LEVEL, &memlevel) < 0 ||
        int_arg(a[4], Z_DEFAULT_STRATEGY, &strategy) < 0)
        return NULL;
    const char *zd = NULL;
    ssize_t zdlen = 0;
    if (a[5] != NULL && ft_bytes_like_get(a[5], &zd, &zdlen) < 0)
        return NULL;
    if ((size_t)zdlen > UINT_MAX)
        return ft_err_format(ft_exc_OverflowError, "zdict length does not fit in an unsigned int");
    CompObject *self = comp_new(&compress_type);
    if (self == NULL)
        return NULL;
    int err = deflateInit2(&self->zst, level, method, wbits, memlevel, strategy);
    switch (err) {
    case Z_OK:
        self->is_initialised = 1;
        if (zd == NULL)
            return (FtObject *)self;
        err = deflateSetDictionary(&self->zst, (const Bytef *)zd, (unsigned)zdlen);
        if (err == Z_OK)
            return (FtObject *)self;
        ft_err_set_string(ft_exc_ValueError,
                          err == Z_STREAM_ERROR ? "Invalid dictionary" : "deflateSetDictionary()");
        break;
    case Z_MEM_ERROR:
        ft_err_set_string(ft_exc_MemoryError, "Can't allocate memory for compression object");
        break;
    case Z_STREAM_ERROR:
        ft_err_set_string(ft_exc_ValueError, "Invalid initialization option");
        break;
    default:
        zlib_error(&self->zst, err, "while creating compression object");
        break;
    }
    FT_DECREF(self);
    return NULL;
}

static int set_inflate_zdict(CompObject *self) {
    /* the zdict is an immutable bytes owned by the object: safe to read detached */
    return inflateSetDictionary(&self->zst, (const Bytef *)FT_BYTES_DATA(self->zdict),
                                (unsigned)FT_SIZE(self->zdict));
}

static FtObject *zlib_decompressobj(FtObject *mod, FtObject *const *args, ssize_t nargs,
                                    FtObject *kwnames) {
    static const char *const kw[] = {"wbits", "zdict", NULL};
    FtObject *a[2];
    int wbits;
    if (ft_parse_args("decompressobj", args, nargs, kwnames, kw, 0, -1, 0, a) < 0)
        return NULL;
    if (int_arg(a[0], MAX_WBITS, &wbits) < 0)
        return NULL;
    FtObject *zdict = NULL;
    if (a[1] != NULL) {
        const char *d;
        ssize_t n;
        if (!ft_bytes_check(a[1]) && !ft_bytearray_check(a[1]))
            return ft_err_format(ft_exc_TypeError,
                                 "zdict argument must support the buffer protocol");
        ft_bytes_like_get(a[1], &d, &n);
        if ((size_t)n > UINT_MAX)
            return ft_err_format(ft_exc_OverflowError,
                                 "zdict length does not fit in an unsigned int");
        zdict = ft_bytes_check(a[1]) ? ft_newref(a[1]) : ft_bytes_from_data(d, n);
        if (zdict == NULL)
            return NULL;
    }
    CompObject *self = comp_new(&decompress_type);
    if (self == NULL) {
        FT_XDECREF(zdict);
        return NULL;
    }
    self->zdict = zdict;
    int err = inflateInit2(&self->zst, wbits);
    switch (err) {
    case Z_OK:
        self->is_initialised = 1;
        if (self->zdict != NULL && wbits < 0) {
            err = set_inflate_zdict(self);
            if (err != Z_OK) {
                zlib_error(&self->zst, err, "while setting zdict");
                break;
            }
        }
        return (FtObject *)self;
    case Z_STREAM_ERROR:
        ft_err_set_string(ft_exc_ValueError, "Invalid initialization option");
        break;
    case Z_MEM_ERROR:
        ft_err_set_string(ft_exc_MemoryError, "Can't allocate memory for decompression object");
        break;
    default:
        zlib_error(&self->zst, err, "while creating decompression object");
        break;
    }
    FT_DECREF(self);
    return NULL;
}

/* Compress.compress(data, /) */
static FtObject *comp_compress(FtObject *o, FtObject *data) {
    CompObject *self = (CompObject *)o;
    InBuf in;
    if (inbuf_get(data, &in) < 0)
        return NULL;
    OutBuf out;
    if (outbuf_init(&out, 0) < 0) {
        inbuf_release(&in);
        return NULL;
    }
    lock_obj(self);
    self->zst.next_in = (unsigned char *)in.p;
    self->zst.next_out = out.p;
    size_t remains = in.n;
    int err = Z_OK;
    FtThreadState *ts = ft_tstate_get();
    FT_BLOCKING(ts, {
        do {
            arrange_input(&self->zst, &remains);
            do {
                if (outbuf_room(&out, &self->zst, SIZE_MAX) < 0)
                    break;
                err = deflate(&self->zst, Z_NO_FLUSH);
            } while (err != Z_STREAM_ERROR && self->zst.avail_out == 0);
        } while (!out.nomem && err != Z_STREAM_ERROR && remains != 0);
    });
    FtObject *r;
    if (out.nomem) {
        free(out.p);
        r = ft_err_no_memory();
    } else if (err == Z_STREAM_ERROR) {
        free(out.p);
        r = zlib_error(&self->zst, err, "while compressing data");
    } else {
        r = outbuf_finish(&out, &self->zst);
    }
    self->zst.next_in = NULL;   /* the input is released below */
    self->zst.avail_in = 0;
    unlock_obj(self);
    inbuf_release(&in);
    return r;
}

/* Compress.flush(mode=Z_FINISH, /) */
static FtObject *comp_flush(FtObject *o, FtObject *const *args, ssize_t nargs) {
    CompObject *self = (CompObject *)o;
    int mode = Z_FINISH;
    if (ft_check_nargs("flush", nargs, 0, 1) < 0 || int_arg(nargs ? args[0] : NULL, Z_FINISH, &mode) < 0)
        return NULL;
    if (mode == Z_NO_FLUSH)
        return ft_bytes_new(0);
    OutBuf out;
    if (outbuf_init(&out, 0) < 0)
        return NULL;
    lock_obj(self);
    self->zst.avail_in = 0;
    self->zst.next_out = out.p;
    int err = Z_OK;
    FtThreadState *ts = ft_tstate_get();
    FT_BLOCKING(ts, {
        do {
            if (outbuf_room(&out, &self->zst, SIZE_MAX) < 0)
                break;
            err = deflate(&self->zst, mode);
        } while (err != Z_STREAM_ERROR && self->zst.avail_out == 0);
    });
    FtObject *r = NULL;
    if (out.nomem) {
        ft_err_no_memory();
    } else if (err == Z_STREAM_ERROR) {
        zlib_error(&self->zst, err, "while flushing");
    } else if (mode == Z_FINISH && err == Z_STREAM_END) {
        err = deflateEnd(&self->zst);
        self->is_initialised = 0;
        if (err != Z_OK)
            zlib_error(&self->zst, err, "while finishing compression");
        else
            r = outbuf_finish(&out, &self->zst);
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        zlib_error(&self->zst, err, "while flushing");
    } else {
        r = outbuf_finish(&out, &self->zst);
    }
    free(out.p);
    unlock_obj(self);
    return r;
}

static FtObject *comp_copy(FtObject *o, FtObject *unused) {
    CompObject *self = (CompObject *)o;
    int is_compress = FT_TYPE(o) == &compress_type;
    CompObject *r = comp_new(FT_TYPE(o));
    if (r == NULL)
        return NULL;
    lock_obj(self);
    int err;
    if (!self->is_initialised) {
        ft_err_set_string(ft_exc_ValueError, "Inconsistent stream state");
        goto fail;
    }
    err = is_compress ? deflateCopy(&r->zst, &self->zst) : inflateCopy(&r->zst, &self->zst);
    switch (err) {
    case Z_OK:
        break;
    case Z_STREAM_ERROR:
        ft_err_set_string(ft_exc_ValueError, "Inconsistent stream state");
        goto fail;
    case Z_MEM_ERROR:
        ft_err_set_string(ft_exc_MemoryError,
                          is_compress ? "Can't allocate memory for compression object"
                                      : "Can't allocate memory for decompression object");
        goto fail;
    default:
        zlib_error(&self->zst, err, is_compress ? "while copying compression object"
                                                : "while copying decompression object");
        goto fail;
    }
    r->is_initialised = 1;
    FT_SETREF(r->unused_data, ft_newref(self->unused_data));
    FT_SETREF(r->unconsumed_tail, ft_newref(self->unconsumed_tail));
    r->zdict = self->zdict ? ft_newref(self->zdict) : NULL;
    r->eof = self->eof;
    unlock_obj(self);
    return (FtObject *)r;
fail:
    unlock_obj(self);
    FT_DECREF(r);
    return NULL;
}

static FtObject *comp_deepcopy(FtObject *o, FtObject *memo) {
    return comp_copy(o, NULL);
}

/* Keep the input the stream has not consumed: after the end of the stream in unused_data,
 * otherwise (output limit reached) in unconsumed_tail. Attached, object locked. */
static int save_unconsumed_input(CompObject *self, const unsigned char *buf, size_t len, int err) {
    if (err == Z_STREAM_END && self->zst.avail_in > 0) {
        ssize_t old = FT_SIZE(self->unused_data);
        ssize_t left = (ssize_t)(buf + len - self->zst.next_in);
        FtObject *nd = ft_bytes_new(old + left);
        if (nd == NULL)
            return -1;
        memcpy(FT_BYTES_DATA(nd), FT_BYTES_DATA(self->unused_data), old);
        memcpy(FT_BYTES_DATA(nd) + old, self->zst.next_in, left);
        FT_SETREF(self->unused_data, nd);
        self->zst.avail_in = 0;
    }
    if (self->zst.avail_in > 0 || FT_SIZE(self->unconsumed_tail)) {
        ssize_t left = (ssize_t)(buf + len - self->zst.next_in);
        FtObject *nd = ft_bytes_from_data(self->zst.next_in, left);
        if (nd == NULL)
            return -1;
        FT_SETREF(self->unconsumed_tail, nd);
    }
    return 0;
}

/* The inflate loop shared by decompress() and flush(); runs detached. `flush_finish`:
 * Z_FINISH on the last chunk (flush) instead of Z_SYNC_FLUSH throughout (decompress). */
static int inflate_loop(CompObject *self, OutBuf *out, size_t *remains, size_t limit,
                        int flush_finish) {
    int err = Z_OK;
    do {
        arrange_input(&self->zst, remains);
        int flush = flush_finish ? (*remains == 0 ? Z_FINISH : Z_NO_FLUSH) : Z_SYNC_FLUSH;
        do {
            if (self->zst.avail_out == 0) {
                if ((size_t)(self->zst.next_out - out->p) == limit)
                    return err;
                if (outbuf_room(out, &self->zst, limit) < 0)
                    return Z_MEM_ERROR;
            }
            err = inflate(&self->zst, flush);
            switch (err) {
            case Z_OK:
            case Z_BUF_ERROR:
            case Z_STREAM_END:
                break;
            default:
                if (err == Z_NEED_DICT && self->zdict != NULL) {
                    int e = set_inflate_zdict(self);
                    if (e != Z_OK)
                        return 1000 + e;   /* reported as "while setting zdict" */
                    break;
                }
                return err;
            }
        } while (self->zst.avail_out == 0 || err == Z_NEED_DICT);
    } while (err != Z_STREAM_END && *remains != 0);
    return err;
}

/* Decompress.decompress(data, /, max_length=0) */
static FtObject *decomp_decompress(FtObject *o, FtObject *const *args, ssize_t nargs,
                                   FtObject *kwnames) {
    CompObject *self = (CompObject *)o;
    static const char *const kw[] = {"", "max_length", NULL};
    FtObject *a[2];
    ssize_t max_length;
    if (ft_parse_args("decompress", args, nargs, kwnames, kw, 1, -1, 1, a) < 0)
        return NULL;
    InBuf in;
    if (inbuf_get(a[0], &in) < 0)
        return NULL;
    if (ssize_arg(a[1], 0, &max_length) < 0) {
        inbuf_release(&in);
        return NULL;
    }
    if (max_length < 0) {
        inbuf_release(&in);
        return ft_err_format(ft_exc_ValueError, "max_length must be non-negative");
    }
    size_t limit = max_length == 0 ? (size_t)SSIZE_MAX : (size_t)max_length;
    OutBuf out;
    if (outbuf_init(&out, limit < block_sizes[0] ? limit : 0) < 0) {
        inbuf_release(&in);
        return NULL;
    }
    lock_obj(self);
    self->zst.next_in = (unsigned char *)in.p;
    self->zst.next_out = out.p;
    self->zst.avail_out = (unsigned)out.cap;
    size_t remains = in.n;
    int err;
    FtThreadState *ts = ft_tstate_get();
    FT_BLOCKING(ts, err = inflate_loop(self, &out, &remains, limit, 0));
    FtObject *r = NULL;
    if (err == Z_MEM_ERROR && out.nomem) {
        ft_err_no_memory();
    } else if (err >= 900) {
        zlib_error(&self->zst, err - 1000, "while setting zdict");
    } else if (save_unconsumed_input(self, in.p, in.n, err) < 0) {
        /* error set */
    } else if (err == Z_STREAM_END) {
        self->eof = 1;
        r = outbuf_finish(&out, &self->zst);
    } else if (err != Z_OK && err != Z_BUF_ERROR) {
        zlib_error(&self->zst, err, "while decompressing data");
    } else {
        r = outbuf_finish(&out, &self->zst);
    }
    free(out.p);
    self->zst.next_in = NULL;
    self->zst.avail_in = 0;
    unlock_obj(self);
    inbuf_release(&in);
    return r;
}

/* Decompress.flush(length=DEF_BUF_SIZE, /) */
static FtObject *decomp_flush(FtObject *o, FtObject *const *args, ssize_t nargs) {
    CompObject *self = (CompObject *)o;
    ssize_t length;
    if (ft_check_nargs("flush", nargs, 0, 1) < 0 ||
        ssize_arg(nargs ? args[0] : NULL, DEF_BUF_SIZE, &length) < 0)
        return NULL;
    if (length <= 0)
        return ft_err_format(ft_exc_ValueError, "length must be greater than zero");
    OutBuf out;
    if (outbuf_init(&out, (size_t)length) < 0)
        return NULL;
    lock_obj(self);
    FtObject *tail = ft_newref(self->unconsumed_tail);   /* immutable: safe to read detached */
    const unsigned char *buf = (const unsigned char *)FT_BYTES_DATA(tail);
    size_t len = (size_t)FT_SIZE(tail);
    self->zst.next_in = (unsigned char *)buf;
    self->zst.next_out = out.p;
    self->zst.avail_out = (unsigned)(out.cap > UINT_MAX ? UINT_MAX : out.cap);
    size_t remains = len;
    int err;
    FtThreadState *ts = ft_tstate_get();
    FT_BLOCKING(ts, err = inflate_loop(self, &out, &remains, SIZE_MAX, 1));
    FtObject *r = NULL;
    if (err == Z_MEM_ERROR && out.nomem) {
        ft_err_no_memory();
    } else if (err >= 900) {
        zlib_error(&self->zst, err - 1000, "while setting zdict");
    } else if (save_unconsumed_input(self, buf, len, err) < 0) {
        /* error set */
    } else if (err == Z_STREAM_END) {
        self->eof = 1;
        self->is_initialised = 0;
        err = inflateEnd(&self->zst);
        if (err != Z_OK)
            zlib_error(&self->zst, err, "while finishing decompression");
        else
            r = outbuf_finish(&out, &self->zst);
    } else {
        r = outbuf_finish(&out, &self->zst);
    }
    free(out.p);
    self->zst.next_in = NULL;
    self->zst.avail_in = 0;
    unlock_obj(self);
    FT_DECREF(tail);
    return r;
}

static FtMethodDef compress_methods[] = {
    {"compress", (void *)comp_compress, FT_METH_O, NULL},
    {"flush", (void *)comp_flush, FT_METH_FASTCALL, NULL},
    {"copy", (void *)comp_copy, FT_METH_NOARGS, NULL},
    {"__copy__", (void *)comp_copy, FT_METH_NOARGS, NULL},
    {"__deepcopy__", (void *)comp_deepcopy, FT_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

static FtMethodDef decompress_methods[] = {
    {"decompress", (void *)decomp_decompress, FT_METH_FASTCALL | FT_METH_KEYWORDS, NULL},
    {"flush", (void *)decomp_flush, FT_METH_FASTCALL, NULL},
    {"copy", (void *)comp_copy, FT_METH_NOARGS, NULL},
    {"__copy__", (void *)comp_copy, FT_METH_NOARGS, NULL},
    {"__deepcopy__", (void *)comp_deepcopy, FT_METH_O, NULL},
    {NULL, NULL, 0, NULL},
};

/* Getters rather than members: they take the object's lock, so a free-threaded reader
 * never sees unused_data / unconsumed_tail while decompress() replaces (and frees) it. */
static FtObject *decomp_get_unused_data(FtObject *o, void *c) {
    CompObject *self = (CompObject *)o;
    lock_obj(self);
    FtObject *r = ft_newref(self->unused_data);
    unlock_obj(self);
    return r;
}

static FtObject *decomp_get_unconsumed_tail(FtObject *o, void *c) {
    CompObject *self = (CompObject *)o;
    lock_obj(self);
    FtObject *r = ft_newref(self->unconsumed_tail);
    unlock_obj(self);
    return r;
}

static FtObject *decomp_get_eof(FtObject *o, void *c) {
    CompObject *self = (CompObject *)o;
    lock_obj(self);
    int eof = self->eof;
    unlock_obj(self);
    return ft_bool_from(eof);
}

/* CPython's are read-only members: the same message on assignment */
static int decomp_set_readonly(FtObject *o, FtObject *v, void *c) {
    ft_err_set_string(ft_exc_AttributeError, "readonly attribute");
    return -1;
}

static FtGetSetDef decompress_getset[] = {
    {"unused_data", decomp_get_unused_data, decomp_set_readonly, NULL, NULL},
    {"unconsumed_tail", decomp_get_unconsumed_tail, decomp_set_readonly, NULL, NULL},
    {"eof", decomp_get_eof, decomp_set_readonly, NULL, NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static FtType compress_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "zlib.Compress",
    .tp_basicsize = sizeof(CompObject),
    .tp_dealloc = comp_dealloc,
    .tp_methods = compress_methods,
};

static FtType decompress_type = {
    .ob_base = {FT_STATIC_HEADER(&ft_type_type), 0},
    .tp_name = "zlib.Decompress",
    .tp_basicsize = sizeof(CompObject),
    .tp_dealloc = comp_dealloc,
    .tp_methods = decompress_methods,
    .tp_getset = decompress_getset,
};

static FtMethodDef zlib_methods[] = {
    {"compress", (void *)zlib_compress, FT_METH_FASTCALL | FT_METH_KEYWORDS,
     "Returns a bytes object containing compressed data."},
    {"decompress", (void *)zlib_decompress, FT_METH_FASTCALL | FT_METH_KEYWORDS,
     "Returns a bytes object containing the uncompressed data."},
    {"compressobj", (void *)zlib_compressobj, FT_METH_FASTCALL | FT_METH_KEYWORDS,
     "Return a compressor object."},
    {"decompressobj", (void *)zlib_decompressobj, FT_METH_FASTCALL | FT_METH_KEYWORDS,
     "Return a decompressor object."},
    {"crc32", (void *)zlib_crc32, FT_METH_FASTCALL, "Compute a CRC-32 checksum of data."},
    {"adler32", (void *)zlib_adler32, FT_METH_FASTCALL, "Compute an Adler-32 checksum of data."},
    {NULL, NULL, 0, NULL},
};

/* class error(Exception) in module zlib */
static FtObject *make_error(void) {
    FtObject *n = ft_str_from_cstr("error");
    FtObject *bases = ft_tuple_pack(1, (FtObject *)ft_exc_Exception);
    FtObject *d = ft_dict_new();
    FtObject *mod = ft_str_from_cstr("zlib");
    FtObject *t = NULL;
    if (n && bases && d && mod && ft_dict_set_cstr(d, "__module__", mod) == 0)
        t = ft_object_call_va((FtObject *)&ft_type_type, n, bases, d, NULL);
    FT_XDECREF(n);
    FT_XDECREF(bases);
    FT_XDECREF(d);
    FT_XDECREF(mod);
    return t;
}

static int zlib_exec(FtObject *m) {
    if (!(compress_type.tp_flags & FT_TPFLAGS_READY) && ft_type_ready(&compress_type) < 0)
        return -1;
    if (!(decompress_type.tp_flags & FT_TPFLAGS_READY) && ft_type_ready(&decompress_type) < 0)
        return -1;
    if (zlib_error_type == NULL) {
        zlib_error_type = make_error();
        if (zlib_error_type == NULL)
            return -1;
    }
    if (ft_module_add_object(m, "error", ft_newref(zlib_error_type)) < 0)
        return -1;
    static const struct { const char *name; int value; } ints[] = {
        {"MAX_WBITS", MAX_WBITS}, {"DEFLATED", Z_DEFLATED}, {"DEF_MEM_LEVEL", DEF_MEM_LEVEL},
        {"DEF_BUF_SIZE", DEF_BUF_SIZE}, {"Z_NO_COMPRESSION", Z_NO_COMPRESSION},
        {"Z_BEST_SPEED", Z_BEST_SPEED}, {"Z_BEST_COMPRESSION", Z_BEST_COMPRESSION},
        {"Z_DEFAULT_COMPRESSION", Z_DEFAULT_COMPRESSION}, {"Z_FILTERED", Z_FILTERED},
        {"Z_HUFFMAN_ONLY", Z_HUFFMAN_ONLY}, {"Z_RLE", Z_RLE}, {"Z_FIXED", Z_FIXED},
        {"Z_DEFAULT_STRATEGY", Z_DEFAULT_STRATEGY}, {"Z_NO_FLUSH", Z_NO_FLUSH},
        {"Z_PARTIAL_FLUSH", Z_PARTIAL_FLUSH}, {"Z_SYNC_FLUSH", Z_SYNC_FLUSH},
        {"Z_FULL_FLUSH", Z_FULL_FLUSH}, {"Z_FINISH", Z_FINISH}, {"Z_BLOCK", Z_BLOCK},
        {"Z_TREES", Z_TREES},
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        if (ft_module_add_int(m, ints[i].name, ints[i].value) < 0)
            return -1;
    if (ft_module_add_str(m, "ZLIB_VERSION", ZLIB_VERSION) < 0 ||
        ft_module_add_str(m, "ZLIB_RUNTIME_VERSION", zlibVersion()) < 0 ||
        ft_module_add_str(m, "__version__", "1.0") < 0)
        return -1;
    return 0;
}

FtModuleDef ft_zlib_module_def = {
    .name = "zlib",
    .doc = "The functions in this module allow compression and decompression using the\n"
           "zlib library, which is based on GNU zip.",
    .methods = zlib_methods,
    .exec = zlib_exec,
};
