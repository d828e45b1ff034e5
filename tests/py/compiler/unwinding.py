# return/break/continue/exceptions unwinding through nested with, try/finally, loops, generators.
log = []
class CM:
    def __init__(self, n, fail=False, sup=False):
        self.n, self.fail, self.sup = n, fail, sup
    def __enter__(self):
        log.append("in" + self.n); return self
    def __exit__(self, t, v, tb):
        log.append("out" + self.n + ("!" if t else ""))
        if self.fail:
            raise ValueError("exit " + self.n)
        return self.sup

def a():
    for i in range(3):
        try:
            with CM("a"):
                if i == 1:
                    return i
        finally:
            log.append("fin%d" % i)
log.clear(); print(a(), log)

def b():
    try:
        with CM("b", fail=True):
            return "ret"
    except ValueError as e:
        return "caught " + str(e)
log.clear(); print(b(), log)

def c():
    out = []
    i = 0
    while i < 5:
        i += 1
        try:
            if i % 2:
                raise KeyError(i)
            continue
        except KeyError:
            out.append(i)
            continue
        finally:
            out.append("f")
    return out
print(c())

def d():
    try:
        try:
            return 1
        finally:
            return 2
    finally:
        log.append("d outer")
log.clear(); print(d(), log)

def e():
    for x in range(3):
        with CM(str(x), sup=True):
            if x == 1:
                raise RuntimeError
            if x == 2:
                break
    return x
log.clear(); print(e(), log)

def f():
    try:
        raise ValueError("a")
    except ValueError:
        try:
            raise TypeError("b")
        except TypeError as e2:
            return repr(e2.__context__)
print(f())

def g():
    r = []
    for i in range(2):
        for j in range(3):
            try:
                if j == 1:
                    break
                r.append((i, j))
            finally:
                r.append("fin")
        else:
            r.append("else")
    return r
print(g())

def h():
    x = 0
    try:
        x = 1
        return x
    finally:
        x = 2
print(h())

def gen():
    with CM("g"):
        try:
            yield 1
            yield 2
        except GeneratorExit:
            log.append("genexit")
            raise
log.clear()
it = gen(); print(next(it)); it.close(); print(log)

def exc_in_except():
    try:
        try:
            raise KeyError
        except KeyError:
            1 / 0
    except ZeroDivisionError as z:
        return type(z.__context__).__name__
print(exc_in_except())

def nested_with_exc():
    try:
        with CM("1"), CM("2", fail=True), CM("3"):
            raise IndexError("body")
    except Exception as e:
        return type(e).__name__, str(e), type(e.__context__).__name__
log.clear(); print(nested_with_exc(), log)

def deep_return():
    try:
        for i in range(2):
            with CM("x"):
                try:
                    return "deep"
                finally:
                    log.append("inner fin")
    finally:
        log.append("outer fin")
log.clear(); print(deep_return(), log)

def except_star_like():
    errors = []
    for exc in (ValueError, TypeError, KeyError, OSError):
        try:
            raise exc("x")
        except (ValueError, TypeError) as e:
            errors.append("vt:" + type(e).__name__)
        except LookupError:
            errors.append("lookup")
        except Exception as e:
            errors.append("other:" + type(e).__name__)
        else:
            errors.append("none")
    return errors
print(except_star_like())
