# The main script runs as module __main__ with the usual attributes.
import sys

print(__name__)
print(__file__.endswith("runtime/main_module.py"))
print(sys.modules["__main__"].__name__)
print(sys.argv[0].endswith("main_module.py"), len(sys.argv))
print(type(__builtins__).__name__)
print(sys.path[0].endswith("runtime"))
