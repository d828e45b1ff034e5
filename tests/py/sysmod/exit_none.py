# raise SystemExit(None) exits with status 0; SystemExit(True) would be 1
import sys
print("exiting")
sys.stdout.flush()
raise SystemExit(None)
