# sys.exit with a message: printed to stderr, exit status 1
import sys
print("stdout line")
try:
    sys.exit(4)
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    sys.exit()
except SystemExit as e:
    print("caught", e.code, e.args)
try:
    exit(5)
except SystemExit as e:
    print("caught builtin exit", e.code)
sys.exit("fatal: something went wrong")
