"""What machine a result came from: CPU model, cores, memory, kernel, OS, compiler, git
commit, the interpreters' versions and build flags."""
import os
import platform
import subprocess


def _run(cmd, cwd=None):
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, cwd=cwd, timeout=20)
        return (p.stdout or p.stderr).strip() if p.returncode == 0 else ""
    except (OSError, subprocess.SubprocessError):
        return ""


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def memory_gib():
    try:
        with open("/proc/meminfo") as f:
            for line in f:
                if line.startswith("MemTotal:"):
                    return round(int(line.split()[1]) / 1024 / 1024, 1)
    except (OSError, ValueError):
        pass
    return None


def os_name():
    try:
        with open("/etc/os-release") as f:
            for line in f:
                if line.startswith("PRETTY_NAME="):
                    return line.split("=", 1)[1].strip().strip('"')
    except OSError:
        pass
    return platform.system()


def ncpu():
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


def describe(root):
    commit = _run(["git", "rev-parse", "HEAD"], cwd=root)
    dirty = _run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=root)
    return {
        "cpu": cpu_model(),
        "cores": ncpu(),
        "cpus_online": os.cpu_count(),
        "memory_gib": memory_gib(),
        "kernel": platform.release(),
        "os": os_name(),
        "arch": platform.machine(),
        "compiler": _run(["cc", "--version"]).splitlines()[0] if _run(["cc", "--version"]) else "",
        "cmake": (_run(["cmake", "--version"]).splitlines() or [""])[0],
        "git_commit": commit,
        "git_dirty": bool(dirty),
        "hostname": platform.node(),
        "load_average": list(os.getloadavg()) if hasattr(os, "getloadavg") else None,
    }


def one_line(m):
    """'Intel Xeon ... (2 cores), Linux 6.1, gcc 12.2, commit 28f088f'."""
    compiler = m.get("compiler", "")
    parts = [f"{m.get('cpu', '?')} ({m.get('cores', '?')} cores)",
             f"Linux {m.get('kernel', '?')}"]
    if compiler:
        parts.append(compiler)
    if m.get("git_commit"):
        dirty = " (modified)" if m.get("git_dirty") else ""
        parts.append("commit " + m["git_commit"][:10] + dirty)
    return ", ".join(parts)
