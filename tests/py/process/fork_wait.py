# os.fork, os.waitpid/os.wait and the wait-status functions; a pipe from child to parent.
import os
import sys
import signal


def child(code):
    """Fork a child that exits with `code`; return its pid."""
    sys.stdout.flush()
    pid = os.fork()
    if pid == 0:
        os._exit(code)
    return pid


for code in (0, 1, 7, 255):
    pid = child(code)
    got, status = os.waitpid(pid, 0)
    print("exit", code, got == pid, status, os.WIFEXITED(status), os.WEXITSTATUS(status),
          os.WIFSIGNALED(status), os.waitstatus_to_exitcode(status))

# A child killed by a signal.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.kill(os.getpid(), signal.SIGKILL)
    os._exit(99)
got, status = os.waitpid(pid, 0)
print("killed", os.WIFSIGNALED(status), os.WTERMSIG(status), os.WIFEXITED(status),
      os.WCOREDUMP(status), os.waitstatus_to_exitcode(status))

# The child writes through a pipe; WNOHANG sees it still running until it is told to go.
r1, w1 = os.pipe()
r2, w2 = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.close(r1)
    os.close(w2)
    os.write(w1, b"hello from the child, pid matches: %d" % (os.getppid() != 0))
    os.read(r2, 1)          # wait for the parent's go
    os._exit(3)
os.close(w1)
os.close(r2)
print(os.read(r1, 100))     # one write of less than PIPE_BUF bytes: one read
print("nohang", os.waitpid(pid, os.WNOHANG))
os.write(w2, b"x")
got, status = os.wait()
print("wait", got == pid, os.WEXITSTATUS(status))
print(os.read(r1, 100))
os.close(r1)
os.close(w2)

# Nothing left to wait for.
try:
    os.waitpid(-1, 0)
except ChildProcessError as e:
    print(type(e).__name__, e.errno, e)
try:
    os.wait()
except OSError as e:
    print(type(e).__name__, e)

# The status helpers on made-up statuses.
print(os.WIFSTOPPED(0x137f), os.WSTOPSIG(0x137f), os.WIFEXITED(status=0x137f))
print(os.WIFCONTINUED(0xffff), os.WEXITSTATUS(0x2a00))
for bad in (0x137f, -1):
    try:
        os.waitstatus_to_exitcode(bad)
    except ValueError as e:
        print("ValueError", e)
try:
    os.WIFEXITED()
except TypeError as e:
    print("TypeError", e)
print(os.WNOHANG, os.WUNTRACED, os.WCONTINUED)

# Fork in a child of a child: statuses travel up.
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    inner = os.fork()
    if inner == 0:
        os._exit(5)
    _, st = os.waitpid(inner, 0)
    os._exit(os.WEXITSTATUS(st) + 1)
print("nested", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]))
