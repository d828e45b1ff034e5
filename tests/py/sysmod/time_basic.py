# the deterministic parts of the time module
import time
t0 = time.time()
m0 = time.monotonic()
p0 = time.perf_counter()
time.sleep(0.01)
time.sleep(0)
print(time.time() >= t0, time.monotonic() - m0 >= 0.009, time.perf_counter() > p0)
print(type(time.time_ns()).__name__, type(time.monotonic_ns()).__name__,
      type(time.perf_counter_ns()).__name__, type(time.process_time()).__name__,
      type(time.thread_time()).__name__, type(time.process_time_ns()).__name__)
for bad in (-1, -0.5):
    try:
        time.sleep(bad)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    time.sleep("1")
except TypeError as e:
    print(type(e).__name__, e)
g = time.gmtime(0)
print(g)
print(g.tm_year, g.tm_mon, g.tm_mday, g.tm_hour, g.tm_wday, g.tm_yday, g.tm_isdst, g[0], len(g))
g = time.gmtime(1700000000)
print(tuple(g), g.tm_zone, g.tm_gmtoff)
print(time.strftime("%Y-%m-%d %H:%M:%S", g), time.strftime("%a %b %j", g))
print(time.asctime(g), time.asctime(time.gmtime(86400 * 365)))
print(time.strftime("", g) == "", type(time.localtime()).__name__)
t = time.struct_time((2024, 2, 29, 12, 30, 45, 3, 60, 0))
print(t, t.tm_mday)
try:
    time.struct_time((1, 2))
except TypeError as e:
    print(type(e).__name__, e)
lt = time.localtime(1700000000)
print(time.mktime(lt) == 1700000000.0)
print(type(time.ctime()).__name__, len(time.ctime(0)))
