# sys.argv for a script without arguments (the script path may be relative or absolute)
import sys
print(len(sys.argv), type(sys.argv).__name__, type(sys.argv[0]).__name__)
print(sys.argv[0].endswith("sysmod/argv.py"))
sys.argv.append("added")
print(sys.argv[1:])
