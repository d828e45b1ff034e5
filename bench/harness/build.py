"""Configure and build one ftpy per locking strategy: `cmake --preset S && cmake --build
--preset S` (Release, -O2, binaries at build/<S>/ftpy). A strategy without a preset (one
added later, e.g. gil-legacy) is configured directly with -DFTPY_LOCKING=<S>."""
import json
import os
import subprocess


def binary(root, strategy, builds=None):
    """build/<strategy>/ftpy, or <builds>/<strategy>/ftpy (bench/run --builds DIR)."""
    return os.path.join(builds or os.path.join(root, "build"), strategy, "ftpy")


def presets(root):
    try:
        with open(os.path.join(root, "CMakePresets.json")) as f:
            data = json.load(f)
    except (OSError, ValueError):
        return set()
    return {p["name"] for p in data.get("configurePresets", []) if not p.get("hidden")}


def build_commands(root, strategy, jobs=None):
    """Only the interpreter is built (--target ftpy): the unit-test binaries would double
    the build time and the benchmarks do not need them."""
    par = ["--parallel", str(jobs)] if jobs else []
    if strategy in presets(root):
        return [["cmake", "--preset", strategy],
                ["cmake", "--build", "--preset", strategy, "--target", "ftpy"] + par]
    bdir = os.path.join("build", strategy)
    return [["cmake", "-S", ".", "-B", bdir, "-G", "Ninja", "-DCMAKE_BUILD_TYPE=Release",
             "-DFTPY_LOCKING=" + strategy],
            ["cmake", "--build", bdir, "--target", "ftpy"] + par]


def build(root, strategy, jobs=None, log=print):
    """Build one strategy; return None on success or the error text."""
    for cmd in build_commands(root, strategy, jobs):
        log("  $ " + " ".join(cmd))
        p = subprocess.run(cmd, cwd=root, capture_output=True, text=True)
        if p.returncode != 0:
            tail = "\n".join((p.stdout + p.stderr).strip().splitlines()[-25:])
            return f"`{' '.join(cmd)}` failed (exit {p.returncode}):\n{tail}"
    if not os.access(binary(root, strategy), os.X_OK):
        return f"no binary at {binary(root, strategy)} after the build"
    return None


CACHE_KEYS = ("CMAKE_BUILD_TYPE", "CMAKE_C_COMPILER", "CMAKE_C_FLAGS", "CMAKE_C_FLAGS_RELEASE",
              "CMAKE_C_COMPILER_LAUNCHER")


def compile_flags(root, strategy, builds=None):
    """The flags the compiler really got (from compile_commands.json: the -O, -f, -m, -g,
    -std options and NDEBUG of the first file), since CMakeLists.txt may override the
    cached CMAKE_C_FLAGS_RELEASE."""
    try:
        with open(os.path.join(builds or os.path.join(root, "build"), strategy,
                               "compile_commands.json")) as f:
            entries = json.load(f)
        cmd = entries[0].get("command") or " ".join(entries[0].get("arguments", []))
    except (OSError, ValueError, IndexError, AttributeError):
        return ""
    keep = [t for t in cmd.split()[1:]
            if t.startswith(("-O", "-f", "-m", "-g", "-std")) or t == "-DNDEBUG"]
    return " ".join(dict.fromkeys(keep))


def build_flags(root, strategy, builds=None):
    """The CMake cache entries that describe a build: type, compiler, flags, FTPY_*, and
    the compile flags actually used."""
    flags = {}
    try:
        with open(os.path.join(builds or os.path.join(root, "build"), strategy,
                               "CMakeCache.txt")) as f:
            for line in f:
                if line.startswith(("#", "//")) or "=" not in line or ":" not in line:
                    continue
                key, value = line.rstrip("\n").split("=", 1)
                key = key.split(":", 1)[0]
                if key in CACHE_KEYS or key.startswith("FTPY_"):
                    flags[key] = value
    except OSError:
        pass
    used = compile_flags(root, strategy, builds)
    if used:
        flags["compile_flags"] = used
    return flags
