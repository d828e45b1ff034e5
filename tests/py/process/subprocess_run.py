# subprocess.run and the helpers built on it: output capture, input, text mode, check.
import subprocess
import sys

PIPE = subprocess.PIPE

print(subprocess.run(["/bin/echo", "plain"]))
sys.stdout.flush()
r = subprocess.run(["echo", "hello", "world"], capture_output=True)
print(r)
print(r.args, r.returncode, r.stdout, r.stderr)
print(subprocess.run("echo $((6 * 7)); echo to-err >&2; exit 3", shell=True,
                     capture_output=True))
print(subprocess.run(["cat"], input=b"bytes in\n", capture_output=True))
print(subprocess.run(["cat"], input="text in\r\nline 2\n", stdout=PIPE, text=True))
print(subprocess.run(["cat"], input="ünïcode", stdout=PIPE, encoding="utf-8"))
print(subprocess.run(["cat"], input="latin", stdout=PIPE, universal_newlines=True))
print(subprocess.run(["sh", "-c", "printf 'a\\r\\nb\\rc'"], stdout=PIPE, text=True).stdout.split("\n"))
print(subprocess.run(["sh", "-c", "echo out; echo err >&2"], stdout=PIPE,
                     stderr=subprocess.STDOUT))
print(subprocess.run(["sh", "-c", "echo quiet; echo err >&2"], stdout=subprocess.DEVNULL,
                     stderr=PIPE))
print(subprocess.run(["cat"], stdin=subprocess.DEVNULL, stdout=PIPE))
r = subprocess.run(["wc", "-c"], input=b"x" * 200000, stdout=PIPE)
print(r.stdout.split())

# check=True
try:
    subprocess.run(["false"], check=True)
except subprocess.CalledProcessError as e:
    print(type(e).__name__, "|", e, "|", e.returncode, e.cmd, e.output, e.stdout, e.stderr)
try:
    subprocess.run("echo partial; exit 2", shell=True, check=True, capture_output=True)
except subprocess.CalledProcessError as e:
    print(e, e.stdout, e.stderr)
print(subprocess.run(["true"], check=True))
r = subprocess.run(["sh", "-c", "exit 5"])
try:
    r.check_returncode()
except subprocess.CalledProcessError as e:
    print("check_returncode:", e)

# call / check_call / check_output / getoutput / getstatusoutput
print(subprocess.call(["sh", "-c", "exit 4"]), subprocess.call("exit 0", shell=True))
print(subprocess.check_call(["true"]))
try:
    subprocess.check_call(["sh", "-c", "exit 6"])
except subprocess.CalledProcessError as e:
    print(e)
print(subprocess.check_output(["echo", "checked"]))
print(subprocess.check_output("echo text; echo and err >&2", shell=True, text=True,
                              stderr=subprocess.STDOUT))
print(subprocess.check_output(["cat"], input=b"fed"))
print(subprocess.check_output(["cat"], input=None))
try:
    subprocess.check_output(["sh", "-c", "echo got this; exit 1"])
except subprocess.CalledProcessError as e:
    print(e, e.output)
print(subprocess.getoutput("echo one; echo two"))
print(subprocess.getstatusoutput("echo failing; exit 3"))
print(subprocess.getstatusoutput("echo fine"))

# argument errors
for kwargs in ({"input": b"x", "stdin": PIPE}, {"capture_output": True, "stdout": PIPE}):
    try:
        subprocess.run(["true"], **kwargs)
    except ValueError as e:
        print("ValueError", e)
try:
    subprocess.check_output(["true"], stdout=PIPE)
except ValueError as e:
    print("ValueError", e)
try:
    subprocess.Popen(["true"], text=True, universal_newlines=False)
except subprocess.SubprocessError as e:
    print(type(e).__name__, e)

cp = subprocess.CompletedProcess(["x"], 0, "o", None)
print(cp, subprocess.CompletedProcess("y", -2, stderr=b"e"))
print(subprocess.PIPE, subprocess.STDOUT, subprocess.DEVNULL)
print(issubclass(subprocess.CalledProcessError, subprocess.SubprocessError),
      issubclass(subprocess.TimeoutExpired, subprocess.SubprocessError))
