# try/except/else/finally, with, loops, and return/break/continue unwinding through them.
log = []

def t1():
    try:
        return "try"
    finally:
        log.append("finally t1")
print(t1(), log)

def t2():
    try:
        return "try"
    finally:
        return "finally wins"
print(t2())

def t3():
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            log.append(("body", i))
        finally:
            log.append(("fin", i))
    else:
        log.append("else not reached")
    return i
log.clear()
print(t3(), log)

def t4():
    # break inside finally swallows the exception
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            break
    return i
print(t4())

def t5():
    # continue inside finally
    out = []
    for i in range(3):
        try:
            if i == 1:
                raise KeyError(i)
            out.append(i)
        finally:
            continue
    return out
print(t5())

def t6():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            log.append("caught " + str(e))
            raise TypeError("converted")
        finally:
            log.append("inner finally")
    except TypeError as e:
        log.append("outer " + str(e))
        return e.__context__.__class__.__name__
log.clear()
print(t6(), log)

def t7():
    try:
        pass
    except Exception:
        return "no"
    else:
        return "else"
    finally:
        log.append("t7 finally")
log.clear()
print(t7(), log)

def t8():
    e = "before"
    try:
        raise ValueError("x")
    except ValueError as e:
        pass
    try:
        return e
    except UnboundLocalError as err:
        return "unbound: " + str(err)
print(t8())

def t9(exc):
    try:
        raise exc
    except (KeyError, IndexError) as e:
        return "lookup " + type(e).__name__
    except ArithmeticError:
        return "arith"
    except:
        return "bare"
print(t9(KeyError), t9(IndexError("i")), t9(ZeroDivisionError), t9(SystemExit))

def t10():
    # nested handlers restore the handled exception
    import sys
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise ValueError("inner")
        except ValueError:
            inner = repr(sys.exc_info()[1])
        after = repr(sys.exc_info()[1])
    return inner, after, sys.exc_info()
print(t10())

class CM:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress
    def __enter__(self):
        log.append("enter " + self.name)
        return self.name.upper()
    def __exit__(self, tp, val, tb):
        log.append("exit %s %s %r" % (self.name, tp.__name__ if tp else None, val))
        return self.suppress

def w1():
    with CM("a") as a, CM("b") as b:
        log.append(a + b)
    return "done"
log.clear()
print(w1(), log)

def w2():
    with CM("s", suppress=True):
        raise RuntimeError("suppressed")
    return "after"
log.clear()
print(w2(), log)

def w3():
    try:
        with CM("p"):
            raise RuntimeError("propagates")
    except RuntimeError as e:
        return "caught " + str(e)
log.clear()
print(w3(), log)

def w4():
    for i in range(3):
        with CM(str(i)):
            if i == 0:
                continue
            if i == 1:
                break
    with CM("r"):
        return "returned"
log.clear()
print(w4(), log)

def w5():
    with CM("x") as (a):
        pass
    with CM("yz") as [p, q]:
        pass
    return a, p, q
log.clear()
print(w5())

def loops():
    out = []
    i = 0
    while i < 3:
        i += 1
        if i == 2:
            continue
        out.append(i)
    else:
        out.append("while-else")
    while True:
        break
    else:
        out.append("not reached")
    for j in []:
        pass
    else:
        out.append("for-else")
    for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
        out.append(a + b + c)
    return out
print(loops())

def nested_loops():
    res = []
    for i in range(3):
        for j in range(3):
            if j > i:
                break
            if (i + j) % 2:
                continue
            res.append((i, j))
    return res
print(nested_loops())

def return_in_nested_finally():
    try:
        try:
            return "inner"
        finally:
            log.append("f1")
    finally:
        log.append("f2")
log.clear()
print(return_in_nested_finally(), log)

def exception_in_finally_replaces():
    try:
        try:
            raise KeyError("k")
        finally:
            raise ValueError("v")
    except Exception as e:
        return type(e).__name__, type(e.__context__).__name__
print(exception_in_finally_replaces())

def raise_from():
    try:
        try:
            1 / 0
        except ZeroDivisionError as e:
            raise ValueError("wrapped") from e
    except ValueError as e:
        return str(e), type(e.__cause__).__name__, e.__suppress_context__
print(raise_from())

def reraise():
    try:
        try:
            raise KeyError("again")
        except KeyError:
            raise
    except KeyError as e:
        return repr(e)
print(reraise())

def ternary_and_bool(a, b):
    return (a and b, a or b, not a, a if b else "no", a < b < 3, 1 < a == b)
print(ternary_and_bool(1, 2), ternary_and_bool(0, 0), ternary_and_bool(2, 2))

def chained(x):
    if 0 < x < 10 != x:
        return "in range"
    elif not (x <= 0 or x > 100):
        return "medium"
    return "other"
print([chained(v) for v in (5, 50, -1, 10)])

def assert_test(v):
    try:
        assert v, "message %d" % v
        assert v > 1
        return "ok"
    except AssertionError as e:
        return "AssertionError(%r)" % (e.args,)
print(assert_test(0), assert_test(1), assert_test(5))

def gen_with_finally():
    try:
        yield 1
        yield 2
    finally:
        log.append("gen finally")
log.clear()
g = gen_with_finally()
print(next(g))
g.close()
print(log)

def try_in_while():
    n = 0
    while True:
        try:
            n += 1
            if n < 3:
                continue
            break
        finally:
            log.append(n)
    return n
log.clear()
print(try_in_while(), log)
