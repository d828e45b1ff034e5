# sys.executable names the running interpreter: a child started with it runs the same Python.
import os
import subprocess
import sys

print(os.path.isabs(sys.executable), os.access(sys.executable, os.X_OK))
r = subprocess.run([sys.executable, "-c", "import sys; print(6 * 7, sys.version_info[0])"],
                   capture_output=True, text=True)
print(r.returncode, r.stdout, end="")
