# Lookups in shared dicts (sys.modules, sys.__dict__, module globals) racing with another
# thread that replaces or removes the value and drops its last reference: the reader must
# use a value it holds a reference to (never a freed one).
import sys
import threading
import types

N = 3000


def run(*targets):
    ts = [threading.Thread(target=t) for t in targets]
    for t in ts:
        t.start()
    for t in ts:
        t.join()


# 1. import of a module another thread keeps replacing in / removing from sys.modules
stop = [False]
imports = {"ok": 0, "missing": 0, "bad": 0}


def swapper():
    for i in range(N):
        m = types.ModuleType("h7_swapped")
        m.tag = "ok"
        sys.modules["h7_swapped"] = m
        del m
        if i % 3 == 0:
            sys.modules.pop("h7_swapped", None)
    stop[0] = True


def importer():
    while not stop[0]:
        try:
            import h7_swapped
        except ImportError:
            imports["missing"] += 1
            continue
        if getattr(h7_swapped, "tag", None) == "ok":
            imports["ok"] += 1
        else:
            imports["bad"] += 1
        del h7_swapped


run(swapper, importer)
print("import: bad", imports["bad"])
sys.modules.pop("h7_swapped", None)


# 2. print() while another thread keeps rebinding sys.stdout to new sinks
class Sink:
    lock = threading.Lock()
    lines = 0

    def write(self, s):
        with Sink.lock:
            Sink.lines += s.count("\n")
        return len(s)

    def flush(self):
        pass


real_stdout = sys.stdout
stop[0] = False


def rebinder():
    for _ in range(N):
        sys.stdout = Sink()
    stop[0] = True


printed = [0]


def printer():
    while not stop[0] or printed[0] < 100:
        print("line", printed[0])
        printed[0] += 1


sys.stdout = Sink()
run(rebinder, printer)
sys.stdout = real_stdout
print("print: every line reached a sink", Sink.lines == printed[0])


# 3. repr / dir of a module whose globals another thread keeps rebinding
mod = types.ModuleType("h7_mod")
mod.__dir__ = lambda: ["a", "b"]
stop[0] = False
reprs = set()


def rebind_globals():
    for i in range(N):
        mod.__name__ = "h7_mod_%d" % (i % 3)
        mod.__file__ = "/x/h7_%d.py" % (i % 2)
        mod.__dir__ = (lambda i=i: ["a", "b"])
        if i % 2:
            del mod.__file__
    stop[0] = True


bad_dirs = [0]


def reader():
    while not stop[0]:
        r = repr(mod)
        reprs.add(r.split(" from ")[0].rstrip(">"))
        if dir(mod) != ["a", "b"]:
            bad_dirs[0] += 1


run(rebind_globals, reader)
print("repr forms ok", reprs <= {"<module 'h7_mod_0'", "<module 'h7_mod_1'",
                                  "<module 'h7_mod_2'", "<module 'h7_mod'"}, "bad dirs", bad_dirs[0])
if not reprs <= {"<module 'h7_mod_0'", "<module 'h7_mod_1'", "<module 'h7_mod_2'",
                 "<module 'h7_mod'"}:
    print(sorted(reprs))


# 4. functions created while another thread rebinds the globals' __name__
g = {"__name__": "start", "__builtins__": __builtins__}
code = compile("def f(): return 1", "<h7>", "exec")
stop[0] = False
names = set()


def rename():
    for i in range(N):
        g["__name__"] = "mod%d" % (i % 4)
    stop[0] = True


def define():
    while not stop[0]:
        exec(code, g)
        names.add(g["f"].__module__)


run(rename, define)
print("function modules ok", names <= {"start", "mod0", "mod1", "mod2", "mod3"})
