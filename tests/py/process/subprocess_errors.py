# subprocess failures: missing program, bad cwd, not executable, timeouts, signals.
import os
import signal
import subprocess

for args in (["nosuchprog"], ["nosuchprog", "arg"], ["/no/such/dir/prog"], "nosuchprog"):
    try:
        subprocess.run(args)
    except FileNotFoundError as e:
        print(type(e).__name__, "|", e, "|", e.errno, e.strerror, e.filename)
try:
    subprocess.Popen(["ls"], cwd="/nonexistent_dir_for_test")
except FileNotFoundError as e:
    print(type(e).__name__, "|", e, "|", e.filename)
# A file without execute permission, and one whose format exec does not know.
base = "/tmp/ftpy_process_test_%d" % os.getpid()
for suffix, mode in (("_noexec", 0o644), ("_badformat", 0o755)):
    path = base + suffix
    fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
    os.write(fd, b"\x7fELF\x00\x01garbage")
    os.close(fd)
    os.chmod(path, mode)
    try:
        subprocess.run([path])
    except OSError as e:
        print(type(e).__name__, "|", e.errno, e.strerror, e.filename == path)
    os.unlink(path)
try:
    subprocess.run(["/tmp"])
except PermissionError as e:
    print(type(e).__name__, "|", e)
try:
    subprocess.run(["x"], executable="/no/such/exe")
except FileNotFoundError as e:
    print(type(e).__name__, "|", e)
# The shell exists, the program it runs does not: exit status 127, no exception.
print(subprocess.run("nosuchprog 2>/dev/null", shell=True).returncode)

# Timeouts: the child is killed, the exception names the command and the timeout.
try:
    subprocess.run(["sleep", "10"], timeout=0.2)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd, e.stdout, e.stderr)
try:
    subprocess.run(["sh", "-c", "echo before; exec sleep 10"], timeout=0.5,
                   capture_output=True)
except subprocess.TimeoutExpired as e:
    print(type(e).__name__, e.cmd, e.timeout, e.stdout, e.stderr)
    print(str(e))
try:
    subprocess.check_output(["sleep", "10"], timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("check_output:", e)
p = subprocess.Popen(["sleep", "10"])
try:
    p.wait(timeout=0.1)
except subprocess.TimeoutExpired as e:
    print("wait:", e)
print(p.poll())
p.kill()
print(p.wait(), p.poll(), p.returncode)
p.kill()           # already reaped: nothing happens
p.send_signal(signal.SIGTERM)
print(subprocess.TimeoutExpired(["c"], 3, b"o"), subprocess.TimeoutExpired("c", 1.5).stdout)

# Children ended by signals: negative return codes.
for sig in (signal.SIGKILL, signal.SIGTERM, signal.SIGINT):
    p = subprocess.Popen(["sleep", "10"])
    p.send_signal(sig)
    print(int(sig), p.wait())
p = subprocess.Popen(["sleep", "10"])
p.terminate()
print("terminate", p.wait())
print(subprocess.run(["sh", "-c", "kill -9 $$"]).returncode)
try:
    subprocess.run(["sh", "-c", "kill -TERM $$"], check=True)
except subprocess.CalledProcessError as e:
    print(e)
print(subprocess.CalledProcessError(-200, "cmd"))
print(subprocess.CalledProcessError(2, ["a", "b"], "out", "err"))

# SIGPIPE is back to its default in the child (restore_signals).
r = subprocess.run("yes | head -n 2; echo ${PIPESTATUS:-done}", shell=True, capture_output=True)
print(r.stdout, r.returncode)
