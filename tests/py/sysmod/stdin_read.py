# sys.stdin: read(n), readline(n), iteration, readlines (input from stdin_read.in)
import sys
print(repr(sys.stdin.read(3)))
print(repr(sys.stdin.readline(2)))
print(repr(sys.stdin.readline()))
print(repr(sys.stdin.read(0)), repr(sys.stdin.readline(0)))
for line in sys.stdin:
    print("line", repr(line))
    if line.startswith("stop"):
        break
print(sys.stdin.readlines())
print(repr(sys.stdin.read()), repr(sys.stdin.readline()))
print(sys.stdin.closed, sys.stdin.readable(), sys.stdin.writable(), sys.stdin.seekable())
sys.stdin.close()
print(sys.stdin.closed)
try:
    sys.stdin.read()
except ValueError as e:
    print(type(e).__name__, e)
try:
    sys.stdin.readline("x")
except (TypeError, ValueError) as e:
    print(type(e).__name__)
