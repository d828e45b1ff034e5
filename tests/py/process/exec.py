# os.execv/execve/execvp/execl* replace a forked child; their argument errors.
import os
import sys


def run_child(fn):
    """Fork; the child calls fn (which execs); return the child's stdout and exit code."""
    r, w = os.pipe()
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os.dup2(w, 1)
        try:
            fn()
        except OSError as e:
            os.write(1, ("%s: %s\n" % (type(e).__name__, e)).encode())
            os._exit(70)
        os._exit(71)
    os.close(w)
    out = b""
    while True:
        chunk = os.read(r, 1000)
        if not chunk:
            break
        out += chunk
    os.close(r)
    return out.decode(), os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1])


print(run_child(lambda: os.execv("/bin/echo", ["echo", "execv", "works"])))
print(run_child(lambda: os.execv("/bin/sh", ("sh", "-c", "exit 9"))))
print(run_child(lambda: os.execve("/bin/sh", ["sh", "-c", "echo $A-$B"], {"A": "1", "B": "two"})))
print(run_child(lambda: os.execve(b"/bin/sh", [b"sh", b"-c", b"echo $X"], {b"X": b"bytes"})))
print(run_child(lambda: os.execvp("echo", ["echo", "found", "on", "PATH"])))
print(run_child(lambda: os.execvpe("sh", ["sh", "-c", "echo $E"], {"E": "vpe", "PATH": "/bin:/usr/bin"})))
print(run_child(lambda: os.execl("/bin/echo", "echo", "execl")))
print(run_child(lambda: os.execle("/bin/sh", "sh", "-c", "echo $L", {"L": "execle"})))
print(run_child(lambda: os.execlp("echo", "echo", "execlp")))
print(run_child(lambda: os.execv("/nonexistent/prog", ["prog"])))
print(run_child(lambda: os.execvp("no-such-program-anywhere", ["x"])))

for call in (lambda: os.execv("/bin/true", "x"),
             lambda: os.execv("/bin/true", []),
             lambda: os.execv("/bin/true", [""]),
             lambda: os.execv("/bin/true", ["a", 1]),
             lambda: os.execv("/bin/true", ["a\0b"]),
             lambda: os.execve("/bin/true", ["a"], 3),
             lambda: os.execve("/bin/true", ["a"], {"A=B": "x"}),
             lambda: os.execve("/bin/true", ["a"], {"": "x"})):
    try:
        call()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

print(os.get_exec_path({"PATH": "/a:/b"}), os.get_exec_path({}))
