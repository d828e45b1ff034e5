# sys.exit(3): exit status 3, output flushed, finally blocks run
import sys
print("before exit")
try:
    sys.exit(3)
finally:
    print("finally runs")
print("never printed")
