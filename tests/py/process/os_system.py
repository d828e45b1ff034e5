# os.system, os.popen, os.times and the descriptor flags subprocess relies on.
import os
import sys

sys.stdout.flush()
print(os.system("exit 3"), os.system("true"), os.waitstatus_to_exitcode(os.system("exit 5")))
print(os.system("kill -9 $$"))

with os.popen("echo from popen; echo second") as f:
    print(f.read())
f = os.popen("exit 2")
print(f.read(), f.close())
print(os.popen("true").close())
with os.popen("cat > /dev/null", "w") as f:
    print(f.write("to the child"))
for bad in (lambda: os.popen(["ls"]), lambda: os.popen("ls", "rb"), lambda: os.popen("ls", "r", 0)):
    try:
        bad()
    except (TypeError, ValueError) as e:
        print(type(e).__name__, e)

t = os.times()
print(type(t).__name__, len(t), all(isinstance(x, float) and x >= 0 for x in t))
print(t.user == t[0], t.system == t[1], t.children_user == t[2], t.elapsed == t[4])

r, w = os.pipe()
print(os.get_inheritable(r), os.get_blocking(r))
os.set_inheritable(r, True)
os.set_blocking(r, False)
print(os.get_inheritable(r), os.get_blocking(r))
try:
    os.read(r, 10)
except BlockingIOError as e:
    print(type(e).__name__, e.errno)
os.set_blocking(r, True)
os.set_inheritable(r, False)
print(os.get_inheritable(r), os.get_blocking(r))
fd = os.dup2(w, 100)
print(fd, os.get_inheritable(100))
fd = os.dup2(w, 101, inheritable=False)
print(fd, os.get_inheritable(101))
os.write(101, b"through 101")
print(os.read(r, 100))
for fd in (r, w, 100, 101):
    os.close(fd)
r, w = os.pipe2(os.O_NONBLOCK)
print(os.get_inheritable(r), os.get_blocking(w))
r2, w2 = os.pipe2(os.O_CLOEXEC)
print(os.get_inheritable(r2), os.get_blocking(w2))
for fd in (r, w, r2, w2):
    os.close(fd)
try:
    os.get_inheritable(r)
except OSError as e:
    print(type(e).__name__, e)

print(os.getpgrp() == os.getpgid(0), os.getsid(0) == os.getsid(os.getpid()))
try:
    os.killpg(0, 0)
    print("killpg ok")
except OSError as e:
    print(e)
