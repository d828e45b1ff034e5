# Semaphore and BoundedSemaphore edge cases.
import threading

for args in [(-1,)]:
    try:
        threading.Semaphore(*args)
    except ValueError as e:
        print("ValueError", e)
s = threading.Semaphore(0)
print(s.acquire(False))
try:
    s.acquire(False, 1)
except ValueError as e:
    print("ValueError", e)
try:
    s.release(0)
except ValueError as e:
    print("ValueError", e)
s.release(2)
print(s.acquire(), s.acquire(), s.acquire(False))
b = threading.BoundedSemaphore(2)
print(b.acquire(), b.acquire(), b.acquire(False))
b.release()
b.release()
try:
    b.release()
except ValueError as e:
    print("ValueError", e)
with b:
    print("inside")
print(b.acquire(), b.acquire())
try:
    b.release(3)
except ValueError as e:
    print("ValueError", e)

# release from another thread wakes a blocked acquirer
s = threading.Semaphore(0)
order = []


def releaser():
    order.append("release")
    s.release()


t = threading.Thread(target=releaser)
t.start()
print(s.acquire(timeout=5))
t.join()
print(order)
