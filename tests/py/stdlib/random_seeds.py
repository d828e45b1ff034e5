import random
for s in [0, 1, 42, 12345, -7, 2**40 + 3, 2**100]:
    random.seed(s)
    print(s, random.random(), random.getrandbits(5), random.getrandbits(70), random.randrange(100), random.randint(1, 6), random.randrange(0, 100, 7))
    l = list(range(10)); random.shuffle(l); print(l, random.choice('abcdef'), random.sample(range(100), 5), random.sample(range(10), 3))
    print(random.choices('abc', k=5), random.choices('abc', weights=[1, 2, 3], k=4), random.choices('xyz', cum_weights=[1, 5, 6], k=3))
    print(random.uniform(1, 2), random.gauss(0, 1), random.gauss(), random.normalvariate(5, 2), random.expovariate(2), random.triangular(0, 10, 3))
    print(random.betavariate(2, 3), random.gammavariate(0.5, 1), random.gammavariate(3, 2), random.paretovariate(2), random.weibullvariate(1, 2), random.vonmisesvariate(1, 2), random.lognormvariate(0, 1))
r = random.Random(99); st = r.getstate(); a = [r.random() for _ in range(3)]; r.setstate(st); print(a == [r.random() for _ in range(3)], len(st[1]), st[0])
print(random.Random(5).randbytes(6), random.Random(3.5).random(), random.Random(True).random())
print(random.Random(7).sample(range(1000), 30))
print(random.Random(1).sample(['a', 'b', 'c'], 5, counts=[1, 2, 3]) if False else random.Random(1).sample(['a','b','c'], 4, counts=[1,2,3]))
for bad in [lambda: random.choice([]), lambda: random.randrange(0), lambda: random.randrange(5, 5), lambda: random.sample(range(3), 5), lambda: random.randrange(1, 5, 0)]:
    try: bad()
    except Exception as e: print(type(e).__name__, e)
