# An uncaught ZeroDivisionError: traceback on stderr, exit status 1.
def f(n):
    return 10 // n
print(f(5))
print(f(0))
