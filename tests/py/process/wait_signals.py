# Waiting for a child is interrupted by a signal: the Python handler runs and the wait goes
# on (PEP 475); an exception from the handler ends the wait.
import os
import signal
import subprocess
import sys
import time

got = []
signal.signal(signal.SIGALRM, lambda signum, frame: got.append(signum))

sys.stdout.flush()
pid = os.fork()
if pid == 0:
    time.sleep(0.5)
    os._exit(3)
signal.setitimer(signal.ITIMER_REAL, 0.1)
print("waitpid", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), got)

p = subprocess.Popen(["sleep", "0.5"])
signal.setitimer(signal.ITIMER_REAL, 0.1)
print("Popen.wait", p.wait(), got)


def boom(signum, frame):
    raise KeyError("from the handler")


signal.signal(signal.SIGALRM, boom)
p = subprocess.Popen(["sleep", "0.5"])
signal.setitimer(signal.ITIMER_REAL, 0.1)
try:
    p.wait()
except KeyError as e:
    print("KeyError", e, p.returncode)
print("then", p.wait(), p.returncode)
