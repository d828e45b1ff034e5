# os.register_at_fork: `before` runs in reverse registration order, the `after` callbacks in
# registration order; a failing callback is reported and the fork goes on.
import os
import sys

log = []


def note(what):
    def f():
        log.append(what)
    f.__qualname__ = "note." + what
    return f


os.register_at_fork(before=note("before1"), after_in_parent=note("parent1"),
                    after_in_child=note("child1"))
os.register_at_fork(before=note("before2"))
os.register_at_fork(after_in_child=note("child2"), after_in_parent=note("parent2"))
os.register_at_fork(before=note("before3"), after_in_child=note("child3"))

r, w = os.pipe()
sys.stdout.flush()
pid = os.fork()
if pid == 0:
    os.write(w, repr(log).encode())
    os._exit(0)
os.close(w)
os.waitpid(pid, 0)
print("parent", log)
print("child ", os.read(r, 1000).decode())
os.close(r)

for kwargs in ({}, {"before": 1}, {"after_in_child": "x"}, {"before": None}):
    try:
        os.register_at_fork(**kwargs)
    except TypeError as e:
        print("TypeError", e)
try:
    os.register_at_fork(print)
except TypeError as e:
    print("TypeError", e)
print(os.register_at_fork(after_in_parent=lambda: None))


class Boom:
    def __call__(self):
        raise RuntimeError("callback failed")

    def __repr__(self):
        return "<boom>"


boom = Boom()


log.clear()
os.register_at_fork(before=boom, after_in_parent=boom)
sys.stdout.flush()
sys.stderr.flush()
pid = os.fork()
if pid == 0:
    os._exit(4)
print("still forked:", os.waitstatus_to_exitcode(os.waitpid(pid, 0)[1]), log)
