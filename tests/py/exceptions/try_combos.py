# try / except / else / finally combinations
def f(kind):
    log = []
    try:
        log.append("try")
        if kind == "value":
            raise ValueError("v")
        if kind == "type":
            raise TypeError("t")
        if kind == "return":
            return log + ["returned"]
    except ValueError as e:
        log.append("except ValueError " + str(e))
    except (TypeError, KeyError) as e:
        log.append("except tuple " + type(e).__name__)
    else:
        log.append("else")
    finally:
        log.append("finally")
    return log
for k in ("none", "value", "type", "return"):
    print(k, f(k))

def finally_overrides():
    try:
        return "try"
    finally:
        return "finally"
print(finally_overrides())

def finally_swallows():
    for i in range(3):
        try:
            raise ValueError(i)
        finally:
            if i < 2:
                continue
            break
    return "swallowed"
print(finally_swallows())

def nested():
    try:
        try:
            raise KeyError("inner")
        except ValueError:
            return "wrong"
        finally:
            print("inner finally")
    except KeyError as e:
        return "outer caught " + repr(e)
print(nested())

def name_cleared():
    try:
        raise ValueError("x")
    except ValueError as err:
        pass
    try:
        err
    except NameError as e:
        return type(e).__name__
print(name_cleared())

def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            out.append(i)
        finally:
            out.append("f%d" % i)
    return out
print(loop_break())

def except_star_like():
    caught = []
    for exc in (ValueError(1), KeyError(2), IndexError(3), ZeroDivisionError(4)):
        try:
            raise exc
        except (ValueError, LookupError) as e:
            caught.append(type(e).__name__)
        except Exception as e:
            caught.append("generic " + type(e).__name__)
    return caught
print(except_star_like())

import sys
try:
    raise ValueError("current")
except ValueError:
    print(sys.exc_info()[0].__name__, sys.exc_info()[1], sys.exception())
print(sys.exc_info(), sys.exception())

def raise_in_else():
    try:
        pass
    except Exception:
        return "except"
    else:
        raise RuntimeError("from else")
try:
    raise_in_else()
except RuntimeError as e:
    print("else raised", e)

try:
    try:
        raise ValueError("a")
    except ValueError:
        raise
except ValueError as e:
    print("re-raised", e)

def exception_in_except():
    try:
        raise ValueError("first")
    except ValueError:
        try:
            raise TypeError("second")
        except TypeError as t:
            return repr(t.__context__)
print(exception_in_except())
try:
    assert 1 == 2, "assertion message"
except AssertionError as e:
    print(type(e).__name__, e)
try:
    assert False
except AssertionError as e:
    print(type(e).__name__, repr(e))
