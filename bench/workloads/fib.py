# CPU-bound: recursive Fibonacci (function calls, small-int arithmetic, comparisons).
from _common import main


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


main("fib", fib, 30)
