# Line numbers of raising instructions, as tracebacks report them.
def walk(tb):
    out = []
    while tb is not None:
        out.append((tb.tb_frame.f_code.co_name, tb.tb_lineno))
        tb = tb.tb_next
    return out

def run(f, *args):
    try:
        f(*args)
    except Exception as e:
        print(f.__name__, type(e).__name__, walk(e.__traceback__)[1:])

def simple(x):
    return 1 / x
run(simple, 0)

def multiline_call():
    return max(
        1,
        2,
        undefined_name,
    )
run(multiline_call)

def multiline_binop(a):
    return (a +
            None)
run(multiline_binop, 1)

def in_finally():
    try:
        pass
    finally:
        [][1]
run(in_finally)

def in_except():
    try:
        {}["k"]
    except KeyError:
        raise ValueError("from handler")
run(in_except)

class BadExit:
    def __enter__(self):
        return self
    def __exit__(self, *a):
        raise RuntimeError("exit")
def in_with():
    with BadExit():
        x = 1
run(in_with)

def gen():
    yield 1
    raise IndexError("gen")
def in_gen():
    for _ in gen():
        pass
run(in_gen)

def in_comprehension():
    return [1 // x
            for x in (1, 0)]
run(in_comprehension)

def bad_decorator(f):
    raise TypeError("deco")
def decorated_def():
    @bad_decorator
    def inner():
        pass
run(decorated_def)

def default_arg():
    def inner(a=1 + "s"):
        pass
run(default_arg)

def class_body():
    class K:
        a = 1
        b = a.missing
run(class_body)

def in_lambda():
    f = lambda: nope
    return f()
run(in_lambda)

def attr_chain():
    class O: pass
    o = O()
    return (o
            .first
            .second)
run(attr_chain)

def method_call():
    s = "abc"
    return s.missing_method(
        1)
run(method_call)

def assert_line(v):
    assert (v >
            3), "too small"
run(assert_line, 1)

def raise_multiline():
    raise ValueError(
        "multi"
    )
run(raise_multiline)

def while_line():
    i = 0
    while i < 1 / (1 - i):
        i += 1
run(while_line)

def after_loop():
    for i in range(2):
        pass
    return i.nope
run(after_loop)

def nested_f():
    def inner():
        return {}[
            "missing"]
    return inner()
run(nested_f)

print(simple.__code__.co_firstlineno, decorated_def.__code__.co_firstlineno)
@bad_decorator if False else (lambda f: f)
def deco_first():
    pass
print(deco_first.__code__.co_firstlineno)
lines = [l for s, e, l in simple.__code__.co_lines() if l is not None]
print(max(lines))
