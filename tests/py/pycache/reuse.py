# A module imported a second time (from the bytecode cache when the implementation keeps
# one) computes exactly what the first import computed; sys.dont_write_bytecode works.
import sys
sys.path.insert(0, __file__.rpartition('/')[0] + '/reuse_mods')
import payload
first = payload.results()
print(first)
for i in range(3):
    del sys.modules['payload']
    import payload
    again = payload.results()
    print(again == first, sys._payload_runs)
print(sys.dont_write_bytecode in (True, False))
sys.dont_write_bytecode = True
del sys.modules['payload']
import payload
print(payload.results() == first)
sys.dont_write_bytecode = False
import importlib
importlib.reload(payload)
print(payload.results() == first, sys._payload_runs)
print(payload.__cached__.rpartition('/')[0].endswith('__pycache__'))
print(payload.__cached__.endswith('.pyc'), payload.__spec__.name, payload.__spec__.cached == payload.__cached__)
