# try/finally with return, break and continue.

def ret_in_finally():
    try:
        return 'try'
    finally:
        return 'finally'
print(ret_in_finally())

def finally_swallows():
    try:
        raise ValueError
    finally:
        return 'swallowed'
print(finally_swallows())

log = []
def order():
    try:
        log.append('try')
        return 'value'
    finally:
        log.append('finally')
print(order(), log)

def loop_break():
    out = []
    for i in range(5):
        try:
            if i == 3:
                break
            out.append(i)
        finally:
            out.append('f%d' % i)
    return out
print(loop_break())

def loop_continue():
    out = []
    for i in range(4):
        try:
            if i % 2:
                continue
            out.append(i)
        finally:
            out.append('f')
    return out
print(loop_continue())

def nested():
    out = []
    try:
        try:
            raise KeyError('k')
        finally:
            out.append('inner finally')
    except KeyError as e:
        out.append('caught ' + repr(e))
    finally:
        out.append('outer finally')
    return out
print(nested())

def while_finally():
    n = 0
    while True:
        try:
            n += 1
            if n > 3:
                return n
        finally:
            if n == 2:
                n += 10
print(while_finally())

def exc_in_finally():
    try:
        try:
            raise KeyError('a')
        finally:
            raise ValueError('b')
    except ValueError as e:
        return repr(e), repr(e.__context__)
print(exc_in_finally())

def return_value_kept():
    x = 1
    try:
        return x
    finally:
        x = 2
print(return_value_kept())

def gen_finally():
    try:
        yield 1
        yield 2
    finally:
        print('gen finally')
g = gen_finally()
print(next(g))
g.close()
print('closed')
for v in gen_finally():
    print('got', v)

# finally runs with the exception set and it propagates
def propagate():
    try:
        1 / 0
    finally:
        print('cleanup')
try:
    propagate()
except ZeroDivisionError as e:
    print('propagated', e)
