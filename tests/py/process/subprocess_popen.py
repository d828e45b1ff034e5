# subprocess.Popen: pipes, communicate, env, cwd, descriptors, sessions, file objects.
import os
import subprocess
import sys

PIPE = subprocess.PIPE

# communicate with stdout and stderr (and stdin) at once
p = subprocess.Popen(["sh", "-c", "cat; echo to-err >&2; exit 3"],
                     stdin=PIPE, stdout=PIPE, stderr=PIPE)
print(p.args, p.returncode, p.pid > 0, p.stdin is not None)
out, err = p.communicate(b"line one\nline two\n")
print(out, err, p.returncode, p.poll())
print(p.communicate())   # again: nothing more to read

# large outputs on both pipes do not deadlock
p = subprocess.Popen(["sh", "-c", "head -c 300000 /dev/zero; head -c 200000 /dev/zero >&2"],
                     stdout=PIPE, stderr=PIPE)
out, err = p.communicate()
print(len(out), len(err), p.returncode)
p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE)
out, _ = p.communicate(b"z" * 500000)
print(len(out), out == b"z" * 500000)

# text mode pipes
p = subprocess.Popen(["sh", "-c", "read x; echo got $x; echo e >&2"], stdin=PIPE, stdout=PIPE,
                     stderr=PIPE, text=True)
print(p.communicate("abc\n"))
print(type(p.stdout).__name__, p.universal_newlines, p.text_mode)
# line-buffered text: a conversation, one line at a time
p = subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE, text=True, bufsize=1)
for word in ("first", "second"):
    p.stdin.write(word + "\n")
    print(repr(p.stdout.readline()))
p.stdin.close()
print(repr(p.stdout.read()), p.wait())
p.stdout.close()

# reading and writing the file objects directly
with subprocess.Popen(["cat"], stdin=PIPE, stdout=PIPE) as p:
    p.stdin.write(b"direct\n")
    p.stdin.close()
    print(p.stdout.read())
print(p.returncode, p)
with subprocess.Popen(["sh", "-c", "echo a; echo b; echo c"], stdout=PIPE, text=True) as p:
    print([line for line in p.stdout])
p = subprocess.Popen(["sh", "-c", "exit 4"])
print(p.wait(), p.wait(), p.poll())

# env and cwd
print(subprocess.run(["sh", "-c", "echo $ONLY:$HOME:"], env={"ONLY": "this"},
                     capture_output=True).stdout)
print(subprocess.run(["pwd"], cwd="/", capture_output=True).stdout)
print(subprocess.run(["pwd"], cwd=b"/tmp", capture_output=True).stdout)
os.environ["FTPY_SUBPROCESS_TEST"] = "inherited"
print(subprocess.run(["sh", "-c", "echo $FTPY_SUBPROCESS_TEST"], capture_output=True).stdout)
env = dict(os.environ, EXTRA="added")
print(subprocess.run("echo $FTPY_SUBPROCESS_TEST $EXTRA", shell=True, env=env,
                     capture_output=True).stdout)
print(subprocess.run(["sh", "-c", "echo $PATH"], env={"PATH": "/bin:/usr/bin"},
                     capture_output=True).stdout)
try:
    subprocess.run(["true"], env={"A=B": "x"})
except ValueError as e:
    print("ValueError", e)

# shell=True with an executable, and executable= replacing argv[0]'s program
print(subprocess.run("echo $0", shell=True, capture_output=True).stdout)
print(subprocess.run(["whatever", "-c", "echo $0"], executable="/bin/sh",
                     capture_output=True).stdout)

# descriptors: close_fds, pass_fds, a file object and an fd as stdout
r, w = os.pipe()
print(subprocess.run(["sh", "-c", "echo via-pass-fds >&%d" % w], pass_fds=[w]).returncode)
os.close(w)
print(os.read(r, 100))
os.close(r)
r, w = os.pipe()
print(subprocess.run(["sh", "-c", "echo closed >&%d" % w], stderr=subprocess.DEVNULL).returncode)
os.close(w)
print(os.read(r, 100))
os.close(r)
print(subprocess.run(["sh", "-c", "ls /proc/self/fd | wc -l"], capture_output=True).stdout)
path = "/tmp/ftpy_process_popen_%d" % os.getpid()
with open(path, "wb") as f:
    subprocess.run(["echo", "into a file"], stdout=f)
    subprocess.run(["echo", "via fileno"], stdout=f.fileno())
with open(path, "rb") as f:
    print(f.read())
    f.seek(0)
    print(subprocess.run(["wc", "-l"], stdin=f, capture_output=True).stdout.split())
os.unlink(path)

# a new session, and the child's view of its process group
# (/proc/PID/stat: pid (comm) state ppid pgrp session ...)
STAT = 'set -- $(cat /proc/$$/stat); echo pgrp=$(($5 == $1)) session=$(($6 == $1))'
print(subprocess.run(["sh", "-c", STAT], capture_output=True).stdout)
print(subprocess.run(["sh", "-c", STAT], start_new_session=True, capture_output=True).stdout)
print(subprocess.run(["sh", "-c", STAT], process_group=0, capture_output=True).stdout)

# umask
r = subprocess.run(["sh", "-c", "umask"], umask=0o27, capture_output=True)
print(r.stdout)

# preexec_fn runs in the child before exec
r = subprocess.run(["sh", "-c", "echo $PRE"], preexec_fn=lambda: os.environ.__setitem__("PRE", "set-in-child"),
                   capture_output=True)
print(r.stdout, os.environ.get("PRE"))


def bad_preexec():
    raise ValueError("no")


try:
    subprocess.run(["true"], preexec_fn=bad_preexec)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

# repr of a long command is cut at 80 characters
p = subprocess.Popen(["echo"] + ["argument"] * 10, stdout=subprocess.DEVNULL)
p.wait()
print(repr(p))
