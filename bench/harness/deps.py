"""Debian packages the harness needs (the Python version of tests/deps.sh, plus gnuplot).
As root, install what is missing with apt-get; otherwise print the exact command and fail."""
import os
import shutil
import subprocess

PACKAGES = ["cmake", "ninja-build", "gcc", "pkg-config", "ccache", "libjemalloc-dev",
            "libck-dev", "libcriterion-dev", "zlib1g-dev", "libssl-dev",
            "gnuplot-nox"]


def installed(package):
    try:
        out = subprocess.run(["dpkg-query", "-W", "-f=${Status}", package],
                             capture_output=True, text=True)
    except FileNotFoundError:
        return True     # not Debian: nothing we can check; the build will say what is missing
    return "install ok installed" in out.stdout


def missing(packages=PACKAGES):
    if not shutil.which("dpkg-query"):
        return []
    return [p for p in packages if not installed(p)]


def install_command(packages):
    return "apt-get install -y " + " ".join(packages)


def ensure(packages=PACKAGES, log=print):
    """Return True when every package is there (installing them as root)."""
    todo = missing(packages)
    if not todo:
        return True
    if os.geteuid() != 0:
        log("Missing Debian packages. Run as root:  " + install_command(todo))
        return False
    log("Installing: " + " ".join(todo))
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    ok = (subprocess.run(["apt-get", "update", "-qq"], env=env).returncode == 0 and
          subprocess.run(["apt-get", "install", "-y", "-qq"] + todo, env=env,
                         stdout=subprocess.DEVNULL).returncode == 0)
    if not ok:
        log(install_command(todo) + " failed")
    return ok
