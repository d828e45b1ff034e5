# input() reading from stdin (input_func.in)
import sys
print(repr(input()))
print(repr(input("prompt> ")))
print(repr(sys.stdin.readline()))
print(repr(input()))
rest = sys.stdin.read()
print(repr(rest))
try:
    input("last: ")
except EOFError as e:
    print()
    print(type(e).__name__, e)
print(repr(sys.stdin.readline()), repr(sys.stdin.read()))
try:
    input(1, 2)
except TypeError as e:
    print(type(e).__name__, e)
