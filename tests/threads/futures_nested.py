# Nested pools: tasks of one pool submit to another and wait on the results.
from concurrent.futures import ThreadPoolExecutor


def leaf(x):
    return x + 1


def middle(inner, x):
    return sum(f.result() for f in [inner.submit(leaf, x * 10 + i) for i in range(5)])


with ThreadPoolExecutor(max_workers=3) as inner:
    with ThreadPoolExecutor(max_workers=2) as outer:
        fs = [outer.submit(middle, inner, x) for x in range(8)]
        results = [f.result() for f in fs]
print(results)
print(sum(results) == sum(x * 10 + i + 1 for x in range(8) for i in range(5)))


def fib_pool(n, pool_size=2):
    # each level in its own pool
    if n < 2:
        return n
    with ThreadPoolExecutor(pool_size) as ex:
        a = ex.submit(fib_pool, n - 1)
        b = ex.submit(fib_pool, n - 2)
        return a.result() + b.result()


print(fib_pool(8))
