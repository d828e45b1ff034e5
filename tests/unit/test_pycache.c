/* The bytecode cache (runtime/pycache.c) and the marshal format (runtime/marshal.c): a
 * module imported through ft_import_cstr gets a __pycache__ file; truncated, bit-flipped,
 * foreign-magic, garbage and stale cache files are ignored (the module still imports with
 * the right values) and rewritten; sys.dont_write_bytecode stops writing; the unmarshaller
 * survives every single-byte corruption of a payload even when the checksum is fixed up. */
#include "core/object.h"
#include "runtime/import.h"
#include "runtime/marshal.h"
#include "runtime/tstate.h"
#include <criterion/criterion.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

static char dir[64];
static char src_path[128], cache_path[160];

static const char module_src[] =
    "V = 41 + 1\n"
    "S = 'h\xc3\xa9llo'\n"
    "T = (1, 2.5, None, b'\\x00b', 3j, ..., frozenset({1, 2}))\n"
    "BIG = 2 ** 100\n"
    "def f(x, *a, k=3, **kw):\n"
    "    try:\n"
    "        return [x + V + i for i in range(k)]\n"
    "    except TypeError:\n"
    "        return -1\n"
    "    finally:\n"
    "        pass\n"
    "class C:\n"
    "    def m(self):\n"
    "        return lambda: self\n"
    "R = f(1)[2]\n"
    "def mt(v):\n"
    "    match v:\n"
    "        case [a, *b]:\n"
    "            return a\n"
    "        case {'k': c}:\n"
    "            return c\n"
    "        case _:\n"
    "            return 0\n"
    "M = mt([5, 6]) + mt({'k': 10})\n";

static void write_file(const char *path, const void *data, size_t n) {
    FILE *f = fopen(path, "wb");
    cr_assert_not_null(f, "cannot write %s", path);
    cr_assert_eq(fwrite(data, 1, n, f), n);
    fclose(f);
}

static uint8_t *read_file(const char *path, size_t *n) {
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    fseek(f, 0, SEEK_END);
    long len = ftell(f);
    fseek(f, 0, SEEK_SET);
    uint8_t *buf = malloc(len > 0 ? (size_t)len : 1);
    *n = fread(buf, 1, (size_t)len, f);
    fclose(f);
    return buf;
}

static void setup(void) {
    static int done;
    if (!done) {
        cr_assert_eq(ft_runtime_init(0, NULL), 0);
        done = 1;
    }
    snprintf(dir, sizeof dir, "/tmp/ftpy_pycache_XXXXXX");
    cr_assert_not_null(mkdtemp(dir));
    snprintf(src_path, sizeof src_path, "%s/cachemod.py", dir);
    snprintf(cache_path, sizeof cache_path, "%s/__pycache__/cachemod." FT_PYCACHE_TAG ".pyc", dir);
    write_file(src_path, module_src, sizeof module_src - 1);
    FtObject *path = ft_list_new(0);
    FtObject *d = ft_str_from_cstr(dir);
    cr_assert_eq(ft_list_append(path, d), 0);
    FT_DECREF(d);
    cr_assert_eq(ft_dict_set_cstr(ft_runtime.sys_dict, "path", path), 0);
    FT_DECREF(path);
    ft_dict_set_cstr(ft_runtime.sys_dict, "dont_write_bytecode", FT_FALSE);
}

static void teardown(void) {
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    cr_assert_eq(system(cmd), 0);
}

TestSuite(pycache, .init = setup, .fini = teardown);

static int64_t attr_int(FtObject *m, const char *name) {
    FtObject *v = ft_object_getattr_cstr(m, name);
    cr_assert_not_null(v, "missing %s", name);
    int overflow;
    int64_t r = ft_int_as_i64(v, &overflow);
    FT_DECREF(v);
    return r;
}

/* Import cachemod afresh and check every value it computes. */
static void import_and_check(int expect_v) {
    ft_dict_del_cstr(ft_runtime.modules, "cachemod");
    ft_err_clear();
    FtObject *m = ft_import_cstr("cachemod");
    if (!m) {
        FtObject *e = ft_err_fetch();
        FtObject *s = e ? ft_object_repr(e) : NULL;
        cr_assert_fail("import failed: %s", s ? ft_str_as_utf8(s) : "?");
    }
    cr_assert_eq(attr_int(m, "V"), expect_v);
    cr_assert_eq(attr_int(m, "R"), expect_v + 3);
    cr_assert_eq(attr_int(m, "M"), 15);   /* match helpers survive the cache */
    FtObject *s = ft_object_getattr_cstr(m, "S");
    cr_assert_str_eq(ft_str_as_utf8(s), "h\xc3\xa9llo");
    FT_DECREF(s);
    FtObject *big = ft_object_getattr_cstr(m, "BIG");
    FtObject *txt = ft_object_repr(big);
    cr_assert_str_eq(ft_str_as_utf8(txt), "1267650600228229401496703205376");
    FT_DECREF(txt);
    FT_DECREF(big);
    FtObject *t = ft_object_getattr_cstr(m, "T");
    txt = ft_object_repr(t);
    cr_assert_str_eq(ft_str_as_utf8(txt),
                     "(1, 2.5, None, b'\\x00b', 3j, Ellipsis, frozenset({1, 2}))");
    FT_DECREF(txt);
    FT_DECREF(t);
    FT_DECREF(m);
}

static int cache_is_valid(void) {
    struct stat st;
    cr_assert_eq(stat(src_path, &st), 0);
    FtObject *fn = ft_str_from_cstr(src_path);
    FtObject *code = ft_pycache_load(cache_path, &st, fn);
    FT_DECREF(fn);
    cr_assert_null(ft_err_occurred());
    int ok = code != NULL;
    FT_XDECREF(code);
    return ok;
}

Test(pycache, path_and_tag) {
    char *p = ft_pycache_path("a/b/mod.py");
    cr_assert_str_eq(p, "a/b/__pycache__/mod.ftpy-01.pyc");
    ft_mem_free(p);
    p = ft_pycache_path("mod.py");
    cr_assert_str_eq(p, "__pycache__/mod.ftpy-01.pyc");
    ft_mem_free(p);
    /* The file name's tag is sys.implementation.cache_tag. */
    FtObject *impl = ft_dict_get_cstr(ft_runtime.sys_dict, "implementation");
    cr_assert_not_null(impl);
    FtObject *tag = ft_object_getattr_cstr(impl, "cache_tag");
    cr_assert_str_eq(ft_str_as_utf8(tag), FT_PYCACHE_TAG);
    FT_DECREF(tag);
}

Test(pycache, written_then_reused) {
    import_and_check(42);
    cr_assert(cache_is_valid());
    struct stat st1, st2;
    cr_assert_eq(stat(cache_path, &st1), 0);
    import_and_check(42);
    cr_assert_eq(stat(cache_path, &st2), 0);
    /* reused, not rewritten: same inode */
    cr_assert_eq(st1.st_ino, st2.st_ino);
    /* no temporary files left behind */
    char cmd[256];
    snprintf(cmd, sizeof cmd, "test $(ls %s/__pycache__ | wc -l) -eq 1", dir);
    cr_assert_eq(system(cmd), 0);
}

static void corrupt_and_check(const uint8_t *good, size_t n, const uint8_t *bad, size_t badn) {
    write_file(cache_path, bad, badn);
    import_and_check(42);
    /* rewritten with the good contents */
    size_t m;
    uint8_t *now = read_file(cache_path, &m);
    cr_assert_not_null(now);
    cr_assert_eq(m, n);
    cr_assert_eq(memcmp(now, good, n), 0);
    free(now);
}

Test(pycache, truncated) {
    import_and_check(42);
    size_t n;
    uint8_t *good = read_file(cache_path, &n);
    cr_assert_not_null(good);
    size_t cuts[] = { 0, 1, 4, 16, 47, 48, 49, n / 2, n - 1 };
    for (size_t i = 0; i < sizeof cuts / sizeof *cuts; i++)
        corrupt_and_check(good, n, good, cuts[i]);
    free(good);
}

Test(pycache, flipped_bytes) {
    import_and_check(42);
    size_t n;
    uint8_t *good = read_file(cache_path, &n);
    uint8_t *bad = malloc(n);
    /* every header byte, then a spread of payload bytes */
    for (size_t i = 0; i < n; i += (i < 48 ? 1 : 1 + n / 64)) {
        memcpy(bad, good, n);
        bad[i] ^= 0x5A;
        corrupt_and_check(good, n, bad, n);
    }
    free(bad);
    free(good);
}

Test(pycache, foreign_magic_and_garbage) {
    import_and_check(42);
    size_t n;
    uint8_t *good = read_file(cache_path, &n);
    uint8_t *bad = malloc(n + 100);
    memcpy(bad, good, n);
    bad[4] ^= 1; /* magic */
    corrupt_and_check(good, n, bad, n);
    memcpy(bad, "\x6f\x0d\x0d\x0a", 4); /* a CPython .pyc's magic */
    corrupt_and_check(good, n, bad, n);
    srand(1234);
    for (int round = 0; round < 5; round++) {
        for (size_t i = 0; i < n + 100; i++)
            bad[i] = (uint8_t)rand();
        corrupt_and_check(good, n, bad, n + 100 - (size_t)round * 37);
    }
    memcpy(bad, good, n);
    memset(bad + n, 0, 100); /* trailing junk after a valid file */
    corrupt_and_check(good, n, bad, n + 100);
    free(bad);
    free(good);
}

Test(pycache, stale_source) {
    import_and_check(42);
    cr_assert(cache_is_valid());
    /* same size, new contents, new mtime */
    char *src2 = strdup(module_src);
    memcpy(src2, "V = 41 + 2", 10);
    write_file(src_path, src2, strlen(src2));
    struct timespec times[2] = { { 0, UTIME_OMIT }, { time(NULL) + 5, 123456789 } };
    cr_assert_eq(utimensat(AT_FDCWD, src_path, times, 0), 0);
    cr_assert(!cache_is_valid());
    import_and_check(43);
    cr_assert(cache_is_valid());
    /* only the nanoseconds differ */
    times[1].tv_nsec = 987654321;
    cr_assert_eq(utimensat(AT_FDCWD, src_path, times, 0), 0);
    cr_assert(!cache_is_valid());
    import_and_check(43);
    cr_assert(cache_is_valid());
    free(src2);
}

Test(pycache, dont_write_bytecode) {
    cr_assert_eq(ft_dict_set_cstr(ft_runtime.sys_dict, "dont_write_bytecode", FT_TRUE), 0);
    import_and_check(42);
    struct stat st;
    cr_assert_neq(stat(cache_path, &st), 0);
    cr_assert_eq(ft_dict_set_cstr(ft_runtime.sys_dict, "dont_write_bytecode", FT_FALSE), 0);
    import_and_check(42);
    cr_assert_eq(stat(cache_path, &st), 0);
}

Test(pycache, unwritable_cache_dir) {
    /* __pycache__ is a regular file: the cache cannot be written, the import still works */
    char p[160];
    snprintf(p, sizeof p, "%s/__pycache__", dir);
    write_file(p, "x", 1);
    import_and_check(42);
    import_and_check(42);
}

/* The unmarshaller alone, with the checksum out of the way: every byte of a payload
 * changed (several ways) must give an error or a code object that passed validation,
 * never a crash. */
Test(pycache, unmarshal_fuzz) {
    import_and_check(42);
    size_t n;
    uint8_t *file = read_file(cache_path, &n);
    const char *payload = (const char *)file + 48;
    size_t plen = n - 48;
    FtObject *ok = ft_marshal_loads(payload, plen, NULL, NULL);
    cr_assert_not_null(ok);
    cr_assert(ft_code_check(ok));
    FT_DECREF(ok);
    char *bad = malloc(plen);
    static const uint8_t deltas[] = { 0x01, 0x80, 0xFF, 0x7F, 0x10 };
    for (size_t i = 0; i < plen; i++) {
        for (size_t d = 0; d < sizeof deltas; d++) {
            memcpy(bad, payload, plen);
            bad[i] ^= (char)deltas[d];
            FtObject *o = ft_marshal_loads(bad, plen, NULL, NULL);
            if (o) {
                if (ft_code_check(o))
                    cr_assert_eq(ft_marshal_validate_code((FtCode *)o), 0);
                FT_DECREF(o);
            } else {
                cr_assert_not_null(ft_err_occurred());
                ft_err_clear();
            }
        }
    }
    /* every truncation */
    for (size_t cut = 0; cut < plen; cut++) {
        FtObject *o = ft_marshal_loads(payload, cut, NULL, NULL);
        cr_assert_null(o);
        ft_err_clear();
    }
    free(bad);
    free(file);
}

Test(pycache, marshal_roundtrip_values) {
    FtObject *vals = ft_tuple_pack(4, FT_NONE, FT_TRUE, FT_ELLIPSIS, ft_runtime.modules);
    FtObject *d = ft_marshal_dumps(vals);   /* a dict is not marshallable */
    cr_assert_null(d);
    cr_assert(ft_err_matches(ft_exc_ValueError));
    ft_err_clear();
    FT_DECREF(vals);
    FtObject *big = ft_int_from_string("-123456789012345678901234567890", 31, 10);
    FtObject *t = ft_tuple_pack(3, big, FT_FALSE, FT_NONE);
    FtObject *b = ft_marshal_dumps(t);
    cr_assert_not_null(b);
    const char *p;
    ssize_t n;
    cr_assert_eq(ft_bytes_like_get(b, &p, &n), 0);
    FtObject *back = ft_marshal_loads(p, (size_t)n, NULL, NULL);
    cr_assert_not_null(back);
    cr_assert_eq(ft_object_richcompare_bool(back, t, FT_EQ), 1);
    FT_DECREF(back);
    FT_DECREF(b);
    FT_DECREF(t);
    FT_DECREF(big);
}
