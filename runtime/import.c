/* The import system: sys.modules, then the modules written in C, then source files found
 * along sys.path (a package's __path__ for submodules), compiled through the bytecode cache
 * (runtime/pycache.c). Relative imports resolve against the importing module's __package__
 * / __name__. Source modules get __file__ (absolute), __cached__, __package__, __path__
 * (packages), __loader__ = None and a ModuleSpec-like __spec__ whose _initializing is true
 * while the body runs. A failing body removes the module from sys.modules again. Also
 * `ftpy -m` (ft_import_run_main). No per-module import locks yet: two threads importing
 * the same module at the same moment may both execute it. */
#include "runtime/import.h"
#include "runtime/run.h"
#include "runtime/marshal.h"
#include "core/compiler/compile.h"
#include "runtime/tstate.h"
#include <string.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static int is_file(const char *path) {
    struct stat st;
    return stat(path, &st) == 0 && S_ISREG(st.st_mode);
}

/* A sys.path entry made absolute against the current directory ("" is the current
 * directory itself), as CPython 3.11's FileFinder does, so __file__ is an absolute path. */
static const char *absolute_dir(const char *dir, char *buf, size_t size) {
    if (!dir || dir[0] == '/')
        return dir ? dir : ".";
    char cwd[PATH_MAX];
    if (!getcwd(cwd, sizeof cwd))
        return *dir ? dir : ".";
    size_t c = strlen(cwd), d = strcmp(dir, ".") == 0 ? 0 : strlen(dir);
    if (c + d + 2 > size)
        return dir;
    memcpy(buf, cwd, c);
    if (d) {
        buf[c++] = '/';
        memcpy(buf + c, dir, d);
    }
    buf[c + d] = 0;
    return buf;
}

FtObject *ft_import_builtin(const char *name) {
    for (const FtBuiltinModule *m = ft_builtin_modules; m->name; m++) {
        if (strcmp(m->name, name) != 0)
            continue;
        FtObject *existing = ft_dict_get_ref_cstr(ft_runtime.modules, name);
        if (existing)
            return existing;
        FtObject *mod = ft_module_from_def(m->def);
        if (!mod)
            return NULL;
        if (ft_dict_set_cstr(ft_runtime.modules, name, mod) < 0) {
            FT_DECREF(mod);
            return NULL;
        }
        return mod;
    }
    return NULL;
}

/* Raise ModuleNotFoundError(msg) with .name = fullname. */
static FtObject *raise_not_found(FtObject *msg, FtObject *fullname) {
    if (!msg)
        return NULL;
    FtObject *exc = ft_exc_new(ft_exc_ModuleNotFoundError, &msg, 1);
    FT_DECREF(msg);
    if (!exc)
        return NULL;
    ft_object_setattr(exc, FT_ID(name), fullname);
    ft_err_set_exc(exc);
    FT_DECREF(exc);
    return NULL;
}

static FtObject *module_not_found(FtObject *fullname) {
    return raise_not_found(ft_str_from_format("No module named %R", fullname), fullname);
}

/* Module specs: a small Python class (CPython's importlib.machinery.ModuleSpec subset),
 * compiled once from this source. `_initializing` is True while the module body runs, which
 * is how CPython's IMPORT_FROM tells a circular import apart ("partially initialized"). */
static const char spec_src[] =
    "class ModuleSpec:\n"
    "    def __init__(self, name, loader, *, origin=None, is_package=False, cached=None):\n"
    "        self.name = name\n"
    "        self.loader = loader\n"
    "        self.origin = origin\n"
    "        self.loader_state = None\n"
    "        self.submodule_search_locations = [] if is_package else None\n"
    "        self.cached = cached\n"
    "        self.has_location = origin is not None\n"
    "        self._initializing = False\n"
    "    @property\n"
    "    def parent(self):\n"
    "        if self.submodule_search_locations is None:\n"
    "            return self.name.rpartition('.')[0]\n"
    "        return self.name\n"
    "    def __repr__(self):\n"
    "        args = [f'name={self.name!r}', f'loader={self.loader!r}']\n"
    "        if self.origin is not None:\n"
    "            args.append(f'origin={self.origin!r}')\n"
    "        if self.submodule_search_locations is not None:\n"
    "            args.append(f'submodule_search_locations={self.submodule_search_locations}')\n"
    "        return f'ModuleSpec({\", \".join(args)})'\n"
    "ModuleSpec.__module__ = 'importlib._bootstrap'\n";

static FtObject *spec_class;   /* immortal once made */

static FtObject *make_spec(FtObject *name, FtObject *origin, FtObject *search, FtObject *cached) {
    FtObject *cls = __atomic_load_n(&spec_class, __ATOMIC_ACQUIRE);
    if (!cls) {
        FtObject *fn = ft_str_from_cstr("<frozen importlib._bootstrap>");
        FtObject *co = fn ? ft_compile_source(spec_src, -1, fn, FT_MODE_EXEC, 0) : NULL;
        FT_XDECREF(fn);
        FtObject *g = co ? ft_dict_new() : NULL;
        FtObject *r = g ? ft_eval_code(co, g, g) : NULL;
        FT_XDECREF(co);
        FT_XDECREF(r);
        cls = r ? ft_dict_get_cstr(g, "ModuleSpec") : NULL;
        if (!cls) {
            FT_XDECREF(g);
            return NULL;
        }
        FT_INCREF(cls);
        FT_DECREF(g);
        FtObject *expected = NULL;
        if (!__atomic_compare_exchange_n(&spec_class, &expected, cls, 0, __ATOMIC_ACQ_REL,
                                         __ATOMIC_ACQUIRE)) {
            FT_DECREF(cls);
            cls = expected;
        }
    }
    FtObject *args[2] = { name, FT_NONE };
    FtObject *spec = ft_object_vectorcall(cls, args, 2, NULL);
    if (!spec)
        return NULL;
    if (ft_object_setattr(spec, FT_ID(origin), origin) < 0 ||
        ft_object_setattr(spec, FT_ID(has_location), FT_TRUE) < 0 ||
        ft_object_setattr(spec, FT_ID(cached), cached) < 0 ||
        (search && ft_object_setattr(spec, FT_ID(submodule_search_locations), search) < 0) ||
        ft_object_setattr(spec, FT_ID(_initializing), FT_TRUE) < 0) {
        FT_DECREF(spec);
        return NULL;
    }
    return spec;
}

int ft_import_is_initializing(FtObject *module) {
    FtObject *spec = NULL, *flag = NULL;
    if (ft_object_lookup_attr(module, FT_ID(__spec__), &spec) < 0) {
        ft_err_clear();
        return 0;
    }
    if (!spec)
        return 0;
    if (ft_object_lookup_attr(spec, FT_ID(_initializing), &flag) < 0)
        ft_err_clear();
    FT_DECREF(spec);
    int r = flag ? ft_object_is_true(flag) : 0;
    FT_XDECREF(flag);
    if (r < 0) {
        ft_err_clear();
        r = 0;
    }
    return r;
}

/* Execute a source file as module `fullname`. The module is in sys.modules while its body
 * runs (circular imports see it half-initialised) and removed again if the body fails. */
static FtObject *load_source(FtObject *fullname, const char *path, const char *pkgdir,
                             FtObject *parent_name) {
    FtObject *mod = ft_module_new(fullname);
    FtObject *file = ft_str_from_cstr(path);
    FtObject *code = NULL, *result = NULL, *spec = NULL;
    if (!mod || !file)
        goto done;
    if (ft_object_setattr(mod, FT_ID(__file__), file) < 0)
        goto done;
    if (pkgdir) {
        FtObject *dir = ft_str_from_cstr(pkgdir);
        FtObject *path_list = dir ? ft_list_from_array(&dir, 1) : NULL;
        FT_XDECREF(dir);
        if (!path_list || ft_object_setattr(mod, FT_ID(__path__), path_list) < 0) {
            FT_XDECREF(path_list);
            goto done;
        }
        FT_DECREF(path_list);
        if (ft_object_setattr(mod, FT_ID(__package__), fullname) < 0)
            goto done;
    } else if (ft_object_setattr(mod, FT_ID(__package__), parent_name ? parent_name : ft_str_intern_cstr("")) < 0) {
        goto done;
    }
    char *cpath = ft_pycache_path(path);
    FtObject *cached = cpath ? ft_str_from_cstr(cpath) : NULL;
    ft_mem_free(cpath);
    if (!cached || ft_object_setattr(mod, FT_ID(__cached__), cached) < 0 ||
        ft_object_setattr(mod, FT_ID(__loader__), FT_NONE) < 0) {
        FT_XDECREF(cached);
        goto done;
    }
    FtObject *search = NULL;
    if (pkgdir && ft_object_lookup_attr(mod, FT_ID(__path__), &search) < 0) {
        FT_DECREF(cached);
        goto done;
    }
    spec = make_spec(fullname, file, search, cached);
    FT_XDECREF(search);
    FT_DECREF(cached);
    if (!spec || ft_object_setattr(mod, FT_ID(__spec__), spec) < 0)
        goto done;
    /* Compile (or load from __pycache__) before the module is registered: a SyntaxError
     * leaves nothing behind in sys.modules. */
    code = ft_pycache_get_code(path, file);
    if (!code)
        goto done;
    FtObject *dict = ft_module_get_dict(mod);
    if (!ft_dict_get_cstr(dict, "__builtins__") &&
        ft_dict_set_cstr(dict, "__builtins__", ft_runtime.builtins) < 0)
        goto done;
    if (ft_dict_set(ft_runtime.modules, fullname, mod) < 0)
        goto done;
    FtObject *r = ft_eval_code(code, dict, dict);
    if (ft_object_setattr(spec, FT_ID(_initializing), FT_FALSE) < 0 && r)
        FT_CLEAR(r);
    if (!r) {
        FtObject *exc = ft_err_fetch();
        ft_dict_del(ft_runtime.modules, fullname);
        ft_err_clear();
        ft_err_restore(exc);
        goto done;
    }
    FT_DECREF(r);
    result = ft_dict_get_ref(ft_runtime.modules, fullname);
    if (!result && !ft_err_occurred())
        ft_err_format(ft_exc_ImportError, "Loaded module %U not found in sys.modules", fullname);
done:
    FT_XDECREF(spec);
    FT_XDECREF(code);
    FT_XDECREF(mod);
    FT_XDECREF(file);
    return result;
}

/* Find `last` (the final component of fullname) in the directories of `search` (a list). */
static FtObject *find_and_load(FtObject *fullname, const char *last, FtObject *search,
                               FtObject *parent_name) {
    ssize_t n = ft_object_length(search);
    if (n < 0)
        return NULL;
    for (ssize_t i = 0; i < n; i++) {
        FtObject *entry = ft_sequence_getitem(search, i);
        if (!entry)
            return NULL;
        if (!ft_str_check(entry)) {
            FT_DECREF(entry);
            continue;
        }
        char absdir[PATH_MAX];
        const char *dir = absolute_dir(ft_str_as_utf8(entry), absdir, sizeof absdir);
        size_t need = strlen(dir) + strlen(last) + 32;
        char *buf = ft_mem_alloc(need), *pkg = ft_mem_alloc(need);
        FtObject *result = NULL;
        int found = 0;
        if (buf && pkg) {
            snprintf(pkg, need, "%s/%s", dir, last);
            snprintf(buf, need, "%s/%s/__init__.py", dir, last);
            if (is_file(buf)) {
                found = 1;
                result = load_source(fullname, buf, pkg, parent_name);
            } else {
                snprintf(buf, need, "%s/%s.py", dir, last);
                if (is_file(buf)) {
                    found = 1;
                    result = load_source(fullname, buf, NULL, parent_name);
                }
            }
        }
        ft_mem_free(buf);
        ft_mem_free(pkg);
        FT_DECREF(entry);
        if (found || (!buf || !pkg))
            return result;
    }
    return module_not_found(fullname);
}

/* Import one module whose parent (if any) is already imported. */
static FtObject *import_one(FtObject *fullname) {
    FtObject *mod = ft_dict_get_ref(ft_runtime.modules, fullname);
    if (mod) {
        if (mod == FT_NONE) {
            FT_DECREF(mod);
            return raise_not_found(ft_str_from_format(
                "import of %U halted; None in sys.modules", fullname), fullname);
        }
        return mod;
    }
    if (ft_err_occurred())
        return NULL;
    ssize_t len;
    const char *name = ft_str_as_utf8_len(fullname, &len);
    const char *dot = strrchr(name, '.');
    if (!dot) {
        mod = ft_import_builtin(name);
        if (mod || ft_err_occurred())
            return mod;
        FtObject *path = ft_dict_get_ref_cstr(ft_runtime.sys_dict, "path");
        if (!path || !ft_list_check(path)) {
            FT_XDECREF(path);
            ft_err_set_string(ft_exc_ImportError, "sys.path must be a list of directory names");
            return NULL;
        }
        mod = find_and_load(fullname, name, path, NULL);
        FT_DECREF(path);
        return mod;
    }
    FtObject *parent_name = ft_str_from_utf8(name, dot - name);
    if (!parent_name)
        return NULL;
    FtObject *parent = ft_dict_get_ref(ft_runtime.modules, parent_name);
    FtObject *search = NULL;
    if (parent && ft_object_lookup_attr(parent, FT_ID(__path__), &search) < 0) {
        FT_DECREF(parent);
        FT_DECREF(parent_name);
        return NULL;
    }
    if (!search) {
        raise_not_found(ft_str_from_format("No module named %R; %R is not a package",
                                           fullname, parent_name), fullname);
        FT_XDECREF(parent);
        FT_DECREF(parent_name);
        return NULL;
    }
    mod = find_and_load(fullname, dot + 1, search, parent_name);
    FT_DECREF(search);
    if (mod) {
        FtObject *child = ft_str_from_cstr(dot + 1);
        if (!child || ft_object_setattr(parent, child, mod) < 0)
            FT_CLEAR(mod);
        FT_XDECREF(child);
    }
    FT_DECREF(parent);
    FT_DECREF(parent_name);
    return mod;
}

/* Import every prefix of a dotted name: a, a.b, a.b.c. Returns the last module. */
static FtObject *import_dotted(FtObject *absname) {
    ssize_t len;
    const char *s = ft_str_as_utf8_len(absname, &len);
    FtObject *mod = NULL;
    for (ssize_t i = 0; i <= len; i++) {
        if (i < len && s[i] != '.')
            continue;
        FtObject *prefix = i == len ? FT_NEWREF(absname) : ft_str_from_utf8(s, i);
        if (!prefix) {
            FT_XDECREF(mod);
            return NULL;
        }
        FT_XDECREF(mod);
        mod = import_one(prefix);
        FT_DECREF(prefix);
        if (!mod)
            return NULL;
    }
    return mod;
}

/* The package a relative import starts from (importlib._calc___package__). */
static FtObject *resolve_name(FtObject *name, FtObject *globals, int level) {
    /* New references: another thread may rebind the module's globals meanwhile. */
    FtObject *package = globals ? ft_dict_get_ref_cstr(globals, "__package__") : NULL;
    FtObject *base = NULL;
    if (package && package != FT_NONE) {
        if (!ft_str_check(package)) {
            FT_DECREF(package);
            ft_err_set_string(ft_exc_TypeError, "package must be a string");
            return NULL;
        }
        base = package;
    } else {
        FT_XDECREF(package);
        FtObject *modname = globals ? ft_dict_get_ref_cstr(globals, "__name__") : NULL;
        if (!modname || !ft_str_check(modname)) {
            FT_XDECREF(modname);
            goto no_parent;
        }
        if (ft_dict_get_cstr(globals, "__path__")) { /* presence only */
            base = modname;
        } else {
            ssize_t n;
            const char *s = ft_str_as_utf8_len(modname, &n);
            const char *dot = strrchr(s, '.');
            base = ft_str_from_utf8(s, dot ? dot - s : 0);
            FT_DECREF(modname);
            if (!base)
                return NULL;
        }
    }
    if (FT_STR_LEN(base) == 0) {
        FT_DECREF(base);
        goto no_parent;
    }
    ssize_t blen;
    const char *b = ft_str_as_utf8_len(base, &blen);
    ssize_t cut = blen;
    for (int i = 1; i < level; i++) {
        while (cut > 0 && b[cut - 1] != '.')
            cut--;
        if (cut == 0) {
            FT_DECREF(base);
            ft_err_set_string(ft_exc_ImportError, "attempted relative import beyond top-level package");
            return NULL;
        }
        cut--;
    }
    FtObject *prefix = ft_str_from_utf8(b, cut);
    FT_DECREF(base);
    if (!prefix || FT_STR_LEN(name) == 0)
        return prefix;
    FtObject *result = ft_str_from_format("%U.%U", prefix, name);
    FT_DECREF(prefix);
    return result;
no_parent:
    ft_err_set_string(ft_exc_ImportError, "attempted relative import with no known parent package");
    return NULL;
}

/* from package import name: import package.name when it is not an attribute yet. */
/* `from package import *` with package.__all__ imports the submodules __all__ names
 * (recursive: the list being walked is __all__), as importlib's _handle_fromlist. */
static int handle_fromlist(FtObject *mod, FtObject *absname, FtObject *fromlist, int recursive) {
    FtObject *has_path;
    if (ft_object_lookup_attr(mod, FT_ID(__path__), &has_path) < 0)
        return -1;
    if (!has_path)
        return 0;
    FT_DECREF(has_path);
    ssize_t n = ft_object_length(fromlist);
    if (n < 0)
        return -1;
    for (ssize_t i = 0; i < n; i++) {
        FtObject *item = ft_sequence_getitem(fromlist, i);
        if (!item)
            return -1;
        if (!ft_str_check(item)) {
            if (recursive)
                ft_err_format(ft_exc_TypeError, "Item in %U.__all__ must be str, not %T",
                              absname, item);
            else
                ft_err_format(ft_exc_TypeError, "Item in ``from list'' must be str, not %T",
                              item);
            FT_DECREF(item);
            return -1;
        }
        if (ft_str_eq_cstr(item, "*")) {
            FT_DECREF(item);
            FtObject *all = NULL;
            if (recursive)
                continue;
            if (ft_object_lookup_attr(mod, FT_ID(__all__), &all) < 0)
                return -1;
            if (!all)
                continue;
            int r = handle_fromlist(mod, absname, all, 1);
            FT_DECREF(all);
            if (r < 0)
                return -1;
            continue;
        }
        if (ft_object_hasattr(mod, item)) {
            FT_DECREF(item);
            continue;
        }
        FtObject *sub = ft_str_from_format("%U.%U", absname, item);
        FT_DECREF(item);
        if (!sub)
            return -1;
        FtObject *m = import_one(sub);
        if (!m) {
            /* A missing submodule is not an error here: IMPORT_FROM reports it. */
            if (ft_err_matches(ft_exc_ModuleNotFoundError)) {
                FtObject *exc = ft_err_fetch();
                FtObject *missing = NULL;
                ft_object_lookup_attr(exc, FT_ID(name), &missing);
                int ours = missing && ft_str_check(missing) && ft_str_eq(missing, sub);
                FT_XDECREF(missing);
                if (ours) {
                    FT_DECREF(exc);
                    FT_DECREF(sub);
                    continue;
                }
                ft_err_restore(exc);
            }
            FT_DECREF(sub);
            return -1;
        }
        FT_DECREF(m);
        FT_DECREF(sub);
    }
    return 0;
}

FtObject *ft_import_module_level(FtObject *name, FtObject *globals, FtObject *fromlist,
                                 int level) {
    if (!ft_str_check(name)) {
        ft_err_format(ft_exc_TypeError, "module name must be str, not %T", name);
        return NULL;
    }
    if (level < 0) {
        ft_err_set_string(ft_exc_ValueError, "level must be >= 0");
        return NULL;
    }
    FtObject *absname = level > 0 ? resolve_name(name, globals, level) : FT_NEWREF(name);
    if (!absname)
        return NULL;
    if (FT_STR_LEN(absname) == 0) {
        FT_DECREF(absname);
        ft_err_set_string(ft_exc_ValueError, "Empty module name");
        return NULL;
    }
    FtObject *mod = import_dotted(absname);
    if (!mod) {
        FT_DECREF(absname);
        return NULL;
    }
    int has_fromlist = fromlist && fromlist != FT_NONE && ft_object_is_true(fromlist) > 0;
    if (has_fromlist) {
        if (handle_fromlist(mod, absname, fromlist, 0) < 0)
            FT_CLEAR(mod);
        FT_DECREF(absname);
        return mod;
    }
    /* import a.b.c binds a: return the top-level package of what was named. */
    ssize_t nlen, alen;
    const char *n = ft_str_as_utf8_len(name, &nlen);
    const char *a = ft_str_as_utf8_len(absname, &alen);
    const char *dot = strchr(n, '.');
    FtObject *top = mod;
    if (dot) {
        ssize_t keep = alen - (nlen - (dot - n));
        FtObject *topname = ft_str_from_utf8(a, keep);
        top = topname ? ft_dict_get_ref(ft_runtime.modules, topname) : NULL;
        FT_XDECREF(topname);
        FT_DECREF(mod);
        if (!top && !ft_err_occurred())
            ft_err_set_string(ft_exc_KeyError, "parent module missing from sys.modules");
    }
    FT_DECREF(absname);
    return top;
}

FtObject *ft_import_cstr(const char *name) {
    FtObject *s = ft_str_from_cstr(name);
    if (!s)
        return NULL;
    FtObject *fromlist = ft_tuple_pack(1, ft_str_intern_cstr("*"));
    FtObject *m = fromlist ? ft_import_module_level(s, NULL, fromlist, 0) : NULL;
    FT_XDECREF(fromlist);
    FT_DECREF(s);
    return m;
}

/* ftpy's Python library: runtime/lib beside the source tree the binary was built from, or
 * lib/ftpy next to an installed binary. */
static const char *library_dir(char *buf, size_t size) {
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = 0;
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = 0;
            snprintf(buf, size, "%s/../lib/ftpy", exe);
            struct stat st;
            if (stat(buf, &st) == 0 && S_ISDIR(st.st_mode))
                return buf;
        }
    }
    snprintf(buf, size, "%s/runtime/lib", FT_SOURCE_DIR);
    return buf;
}

static int path_append(FtObject *list, const char *entry, size_t len) {
    FtObject *s = ft_str_from_utf8(entry, (ssize_t)len);
    if (!s)
        return -1;
    int r = ft_list_append(list, s);
    FT_DECREF(s);
    return r;
}

int ft_import_init_path(const char *first) {
    FtObject *path = ft_list_new(0);
    if (!path || path_append(path, first, strlen(first)) < 0)
        goto fail;
    const char *env = getenv("FTPYPATH");
    while (env && *env) {
        const char *colon = strchr(env, ':');
        size_t len = colon ? (size_t)(colon - env) : strlen(env);
        if (len && path_append(path, env, len) < 0)
            goto fail;
        env = colon ? colon + 1 : NULL;
    }
    char buf[PATH_MAX + 32];
    const char *lib = library_dir(buf, sizeof buf);
    if (path_append(path, lib, strlen(lib)) < 0)
        goto fail;
    int r = ft_dict_set_cstr(ft_runtime.sys_dict, "path", path);
    FT_DECREF(path);
    return r;
fail:
    FT_XDECREF(path);
    return -1;
}

/* ---- ftpy -m name (runpy._run_module_as_main) ---------------------------------------- */

/* Find `last` in the directories of `search`: *is_pkg tells a package (its __init__.py is
 * returned) from a module file. NULL when absent (no exception). ft_mem_free the result. */
static char *find_file(FtObject *search, const char *last, int *is_pkg) {
    ssize_t n = ft_object_length(search);
    for (ssize_t i = 0; i < n; i++) {
        FtObject *entry = ft_sequence_getitem(search, i);
        if (!entry) {
            ft_err_clear();
            return NULL;
        }
        char absdir[PATH_MAX];
        const char *dir = ft_str_check(entry) ? ft_str_as_utf8(entry) : NULL;
        if (dir) {
            dir = absolute_dir(dir, absdir, sizeof absdir);
            size_t need = strlen(dir) + strlen(last) + 32;
            char *buf = ft_mem_alloc(need);
            if (buf) {
                snprintf(buf, need, "%s/%s/__init__.py", dir, last);
                if (is_file(buf)) {
                    *is_pkg = 1;
                    FT_DECREF(entry);
                    return buf;
                }
                snprintf(buf, need, "%s/%s.py", dir, last);
                if (is_file(buf)) {
                    *is_pkg = 0;
                    FT_DECREF(entry);
                    return buf;
                }
                ft_mem_free(buf);
            }
        }
        FT_DECREF(entry);
    }
    return NULL;
}

int ft_import_run_main(const char *name, char *errmsg, size_t errsize) {
    char modname[1024];
    snprintf(modname, sizeof modname, "%s", name);
    for (int depth = 0; depth < 2; depth++) {
        const char *dot = strrchr(modname, '.');
        FtObject *search = NULL, *parent_name = NULL;
        if (dot) {
            parent_name = ft_str_from_utf8(modname, dot - modname);
            FtObject *parent = parent_name ? ft_import_module_level(parent_name, NULL, NULL, 0)
                                           : NULL;
            FT_XDECREF(parent);
            parent = parent_name ? ft_dict_get_ref(ft_runtime.modules, parent_name) : NULL;
            if (!parent) {
                FtObject *exc = ft_err_fetch();
                FtObject *s = exc ? ft_object_str(exc) : NULL;
                snprintf(errmsg, errsize,
                         "Error while finding module specification for '%s' (%s: %s)", modname,
                         exc ? FT_TYPE(exc)->tp_name : "ImportError",
                         s ? ft_str_as_utf8(s) : "");
                FT_XDECREF(s);
                FT_XDECREF(exc);
                FT_XDECREF(parent_name);
                return -2;
            }
            if (ft_object_lookup_attr(parent, FT_ID(__path__), &search) < 0)
                ft_err_clear();
            FT_DECREF(parent);
            if (!search) {
                snprintf(errmsg, errsize,
                         "Error while finding module specification for '%s' (ModuleNotFoundError: "
                         "__path__ attribute not found on '%.*s' while trying to find '%s')",
                         modname, (int)(dot - modname), modname, modname);
                FT_DECREF(parent_name);
                return -2;
            }
        } else {
            search = ft_dict_get_ref_cstr(ft_runtime.sys_dict, "path");
            parent_name = ft_str_from_cstr("");
        }
        int is_pkg = 0;
        char *file = search ? find_file(search, dot ? dot + 1 : modname, &is_pkg) : NULL;
        FT_XDECREF(search);
        if (!file) {
            snprintf(errmsg, errsize, "No module named %s", modname);
            FT_XDECREF(parent_name);
            return -2;
        }
        if (is_pkg) {
            ft_mem_free(file);
            FT_XDECREF(parent_name);
            if (depth == 1) {
                snprintf(errmsg, errsize, "No module named %s", modname);
                return -2;
            }
            /* A package runs its __main__ submodule (the package itself is imported). */
            char pkg[1024];
            snprintf(pkg, sizeof pkg, "%s", modname);
            FtObject *p = ft_import_cstr(pkg);
            if (!p)
                return -1;
            FT_DECREF(p);
            snprintf(modname, sizeof modname, "%.1000s.__main__", pkg);
            char *mainfile = NULL;
            FtObject *pm = ft_dict_get_ref_cstr(ft_runtime.modules, pkg), *pp = NULL;
            if (pm && ft_object_lookup_attr(pm, FT_ID(__path__), &pp) > 0 && pp) {
                int dummy;
                mainfile = find_file(pp, "__main__", &dummy);
                FT_DECREF(pp);
            }
            FT_XDECREF(pm);
            ft_err_clear();
            if (!mainfile) {
                snprintf(errmsg, errsize,
                         "No module named %s.__main__; '%s' is a package and cannot be directly "
                         "executed", pkg, pkg);
                return -2;
            }
            ft_mem_free(mainfile);
            continue;
        }
        /* Run `file` as __main__ with the module's package context. */
        char abspath[PATH_MAX];
        if (!realpath(file, abspath))
            snprintf(abspath, sizeof abspath, "%s", file);
        ft_mem_free(file);
        int r = -1;
        FtObject *fname = ft_str_from_cstr(abspath);
        FtObject *full = ft_str_from_cstr(modname);
        FtObject *mod = ft_module_new_cstr("__main__");
        FtObject *code = NULL, *spec = NULL, *cached = NULL;
        char *cpath = ft_pycache_path(abspath);
        cached = cpath ? ft_str_from_cstr(cpath) : NULL;
        ft_mem_free(cpath);
        if (!fname || !full || !mod || !cached || !parent_name)
            goto out;
        FtObject *dict = ft_module_get_dict(mod);
        spec = make_spec(full, fname, NULL, cached);
        if (!spec || ft_object_setattr(spec, FT_ID(_initializing), FT_FALSE) < 0 ||
            ft_dict_set_cstr(dict, "__file__", fname) < 0 ||
            ft_dict_set_cstr(dict, "__cached__", cached) < 0 ||
            ft_dict_set_cstr(dict, "__package__", parent_name) < 0 ||
            ft_dict_set_cstr(dict, "__spec__", spec) < 0 ||
            ft_dict_set_cstr(dict, "__loader__", FT_NONE) < 0 ||
            ft_dict_set_cstr(dict, "__builtins__", ft_runtime.builtins) < 0 ||
            ft_dict_set_cstr(ft_runtime.modules, "__main__", mod) < 0)
            goto out;
        FtObject *argv = ft_dict_get_ref_cstr(ft_runtime.sys_dict, "argv");
        if (argv && ft_list_check(argv) && FT_SIZE(argv) > 0)
            FT_SETREF(FT_LIST_ITEMS(argv)[0], FT_NEWREF(fname));
        FT_XDECREF(argv);
        code = ft_pycache_get_code(abspath, fname);
        if (!code)
            goto out;
        FtObject *res = ft_eval_code(code, dict, dict);
        if (res) {
            FT_DECREF(res);
            r = 0;
        }
    out:
        FT_XDECREF(code);
        FT_XDECREF(spec);
        FT_XDECREF(cached);
        FT_XDECREF(mod);
        FT_XDECREF(full);
        FT_XDECREF(fname);
        FT_XDECREF(parent_name);
        return r;
    }
    return -2;
}
