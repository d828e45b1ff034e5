# sys.stdout / sys.stderr writes
import sys
n = sys.stdout.write("hello\n")
print(n)
print(sys.stdout.write(""), sys.stdout.write("é☺\n"))
sys.stderr.write("error line 1\n")
print("stderr write returns", sys.stderr.write("error line 2\n"))
try:
    sys.stdout.write(5)
except TypeError as e:
    print(type(e).__name__, e)
try:
    sys.stdout.write()
except TypeError as e:
    print(type(e).__name__)
sys.stdout.flush()
print(sys.stdout.writable(), sys.stdin.readable(), sys.stdout.readable())
print(sys.stdout.isatty(), sys.stdin.isatty())
class Capture:
    def __init__(self):
        self.data = []
    def write(self, s):
        self.data.append(s)
        return len(s)
    def flush(self):
        pass
old = sys.stdout
sys.stdout = Capture()
print("captured", 1, 2)
print("second")
cap = sys.stdout
sys.stdout = old
print(cap.data)
sys.stderr = Capture()
print("to captured stderr", file=sys.stderr)
captured_err = sys.stderr.data
sys.stderr = sys.__stderr__
print(captured_err)
for i in range(3):
    print(i, end=" ")
print()
print("last line without flush")
