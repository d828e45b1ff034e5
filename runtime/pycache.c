/* The bytecode cache: importing dir/m.py stores its compiled code object in
 * dir/__pycache__/m.ftpy-01.pyc ("ftpy-01" is FT_PYCACHE_TAG, the same string as
 * sys.implementation.cache_tag, so the name follows CPython's m.cpython-311.pyc pattern)
 * and reuses it while the source file is unchanged.
 *
 * File layout (little-endian), 48-byte header then the payload:
 *   0  "ftpy"        signature
 *   4  u32 magic     ft_marshal_magic(): a hash of FT_MARSHAL_VERSION and the opcode names,
 *                    so any change of core/vm/opcodes.def invalidates every cache by itself
 *   8  u32 flags     compile flags the code was made with (FT_CF_OPTIMIZE* for -O / -OO,
 *                    which also add ".opt-1" / ".opt-2" to the name, as CPython's)
 *  12  u32 reserved  0
 *  16  u64 mtime     source modification time, nanoseconds
 *  24  u64 size      source size in bytes
 *  32  u64 length    payload length
 *  40  u64 checksum  FNV-1a 64 of the payload: a flipped bit is caught before unmarshalling
 *  48  payload       ft_marshal_write(code object)
 * A file that is short, foreign, stale or fails any check is ignored (the unmarshaller
 * validates everything as well) and rewritten. Files are written to a unique temporary name
 * in the same directory (pid, thread id, counter) and rename()d into place, so a concurrent
 * reader sees either the old file or the whole new one. Failing to write is not an error.
 * sys.dont_write_bytecode (initially -B / FTPYDONTWRITEBYTECODE) turns writing off. */
#include "runtime/marshal.h"
#include "runtime/errors.h"
#include "runtime/run.h"
#include "runtime/tstate.h"
#include "core/compiler/compile.h"
#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#define HEADER_SIZE 48

static uint64_t fnv64(const uint8_t *p, size_t n) {
    uint64_t h = 14695981039346656037ull;
    for (size_t i = 0; i < n; i++) {
        h ^= p[i];
        h *= 1099511628211ull;
    }
    return h;
}

static void put32(uint8_t *p, uint32_t v) {
    for (int i = 0; i < 4; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}
static void put64(uint8_t *p, uint64_t v) {
    for (int i = 0; i < 8; i++)
        p[i] = (uint8_t)(v >> (8 * i));
}
static uint32_t get32(const uint8_t *p) {
    return (uint32_t)p[0] | (uint32_t)p[1] << 8 | (uint32_t)p[2] << 16 | (uint32_t)p[3] << 24;
}
static uint64_t get64(const uint8_t *p) {
    uint64_t v = 0;
    for (int i = 7; i >= 0; i--)
        v = (v << 8) | p[i];
    return v;
}

/* -O / -OO: the compile flags imports use, and the ".opt-N" part of the cache name. */
static int optimize_level(void) {
    return ft_runtime.optimize > 2 ? 2 : ft_runtime.optimize < 0 ? 0 : ft_runtime.optimize;
}
static int compile_flags(void) {
    int o = optimize_level();
    return o == 0 ? 0 : o == 1 ? FT_CF_OPTIMIZE : FT_CF_OPTIMIZE | FT_CF_OPTIMIZE2;
}

char *ft_pycache_path(const char *source) {
    const char *slash = strrchr(source, '/');
    size_t dirlen = slash ? (size_t)(slash - source) + 1 : 0;
    const char *base = source + dirlen;
    size_t baselen = strlen(base);
    if (baselen > 3 && strcmp(base + baselen - 3, ".py") == 0)
        baselen -= 3;
    size_t need = dirlen + baselen + sizeof "__pycache__/" + sizeof "." FT_PYCACHE_TAG ".pyc" + 8;
    char *path = ft_mem_alloc(need);
    char opt[8] = "";
    if (optimize_level())
        snprintf(opt, sizeof opt, ".opt-%d", optimize_level());
    if (path)
        snprintf(path, need, "%.*s__pycache__/%.*s.%s%s.pyc", (int)dirlen, source, (int)baselen,
                 base, FT_PYCACHE_TAG, opt);
    return path;
}

static int writing_disabled(void) {
    FtObject *v = ft_runtime.sys_dict ? ft_dict_get_cstr(ft_runtime.sys_dict,
                                                         "dont_write_bytecode") : NULL;
    if (!v)
        return ft_runtime.dont_write_bytecode;
    int t = ft_object_is_true(v);
    if (t < 0) {
        ft_err_clear();
        return 1;
    }
    return t;
}

/* Read the whole cache file; NULL (no error set) when absent or unreadable. */
static uint8_t *read_all(const char *path, size_t *len) {
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0)
        return NULL;
    struct stat st;
    uint8_t *buf = NULL;
    if (fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size < (1 << 30)) {
        size_t n = (size_t)st.st_size, got = 0;
        buf = ft_mem_alloc(n ? n : 1);
        while (buf && got < n) {
            ssize_t k = read(fd, buf + got, n - got);
            if (k < 0 && errno == EINTR)
                continue;
            if (k <= 0)
                break;
            got += (size_t)k;
        }
        if (buf && got != n) {
            ft_mem_free(buf);
            buf = NULL;
        }
        *len = got;
    }
    close(fd);
    return buf;
}

FtObject *ft_pycache_load(const char *cpath, const struct stat *src, FtObject *filename) {
    size_t len = 0;
    uint8_t *buf = read_all(cpath, &len);
    if (!buf)
        return NULL;
    FtObject *code = NULL;
    if (len >= HEADER_SIZE && memcmp(buf, "ftpy", 4) == 0 &&
        get32(buf + 4) == ft_marshal_magic() && get32(buf + 8) == (uint32_t)compile_flags() && get32(buf + 12) == 0 &&
        get64(buf + 16) == (uint64_t)src->st_mtim.tv_sec * 1000000000ull +
                               (uint64_t)src->st_mtim.tv_nsec &&
        get64(buf + 24) == (uint64_t)src->st_size &&
        get64(buf + 32) == len - HEADER_SIZE &&
        get64(buf + 40) == fnv64(buf + HEADER_SIZE, len - HEADER_SIZE)) {
        size_t used = 0;
        code = ft_marshal_loads((const char *)buf + HEADER_SIZE, len - HEADER_SIZE, filename,
                                &used);
        if (code && (!ft_code_check(code) || used != len - HEADER_SIZE))
            FT_CLEAR(code);
        if (!code)
            ft_err_clear();
    }
    ft_mem_free(buf);
    return code;
}

static int write_all(int fd, const uint8_t *p, size_t n) {
    while (n) {
        ssize_t k = write(fd, p, n);
        if (k < 0 && errno == EINTR)
            continue;
        if (k <= 0)
            return -1;
        p += k;
        n -= (size_t)k;
    }
    return 0;
}

static atomic_uint tmp_counter;

int ft_pycache_store(const char *cpath, const struct stat *src, FtObject *code) {
    char *buf = ft_mem_alloc(HEADER_SIZE);
    size_t len = HEADER_SIZE, cap = HEADER_SIZE;
    if (!buf)
        return -1;
    if (ft_marshal_write(code, &buf, &len, &cap) < 0) {
        ft_err_clear();   /* e.g. a constant that is not marshallable: no cache */
        ft_mem_free(buf);
        return -1;
    }
    uint8_t *h = (uint8_t *)buf;
    memcpy(h, "ftpy", 4);
    put32(h + 4, ft_marshal_magic());
    put32(h + 8, (uint32_t)compile_flags());
    put32(h + 12, 0);
    put64(h + 16, (uint64_t)src->st_mtim.tv_sec * 1000000000ull + (uint64_t)src->st_mtim.tv_nsec);
    put64(h + 24, (uint64_t)src->st_size);
    put64(h + 32, len - HEADER_SIZE);
    put64(h + 40, fnv64(h + HEADER_SIZE, len - HEADER_SIZE));

    /* __pycache__ itself */
    size_t clen = strlen(cpath);
    char *dir = ft_mem_alloc(clen + 64);
    int r = -1;
    if (!dir)
        goto out;
    memcpy(dir, cpath, clen + 1);
    char *slash = strrchr(dir, '/');
    if (slash) {
        *slash = 0;
        if (mkdir(dir, 0777) < 0 && errno != EEXIST)
            goto out;
    }
    snprintf(dir, clen + 64, "%s.%ld.%lx.%u.tmp", cpath, (long)getpid(),
             (unsigned long)pthread_self(), atomic_fetch_add(&tmp_counter, 1));
    int fd = open(dir, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0)
        goto out;
    int ok = write_all(fd, h, len) == 0;
    ok = close(fd) == 0 && ok;
    if (ok && rename(dir, cpath) == 0)
        r = 0;
    else
        unlink(dir);
out:
    ft_mem_free(dir);
    ft_mem_free(buf);
    return r;
}

FtObject *ft_pycache_get_code(const char *path, FtObject *filename) {
    struct stat st;
    if (stat(path, &st) < 0) {
        ft_err_format(ft_exc_FileNotFoundError, "[Errno 2] No such file or directory: '%s'",
                      path);
        return NULL;
    }
    char *cpath = ft_pycache_path(path);
    if (!cpath) {
        ft_err_no_memory();
        return NULL;
    }
    FtObject *code = ft_pycache_load(cpath, &st, filename);
    if (code) {
        ft_mem_free(cpath);
        return code;
    }
    ssize_t len;
    char *src = ft_read_file(path, &len);
    if (src) {
        code = ft_compile_source(src, len, filename, FT_MODE_EXEC, compile_flags());
        ft_mem_free(src);
    }
    if (code && !writing_disabled())
        ft_pycache_store(cpath, &st, code);
    ft_mem_free(cpath);
    return code;
}
