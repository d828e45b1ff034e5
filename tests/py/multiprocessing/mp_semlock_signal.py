# A semaphore wait in the main thread is interrupted by Ctrl-C (SIGINT from another
# process), runs signal handlers that do not raise and goes on waiting, and wakes up when
# another thread releases the semaphore (the waiter does not hold the interpreter).
import multiprocessing as mp, os, signal, time, threading
def killer(pid):
    time.sleep(0.2)
    os.kill(pid, signal.SIGINT)
s = mp.Semaphore(0)
p = mp.Process(target=killer, args=(os.getpid(),))
p.start()
try:
    s.acquire()
    print('acquired?')
except KeyboardInterrupt:
    print('KeyboardInterrupt')
p.join()
# a handler that does not raise: the wait goes on and times out
signal.signal(signal.SIGALRM, lambda *a: print('alarm'))
signal.setitimer(signal.ITIMER_REAL, 0.05)
t0 = time.monotonic()
print(s.acquire(timeout=0.3), time.monotonic() - t0 >= 0.29)
# released from a thread while waiting
threading.Timer(0.1, s.release).start()
print(s.acquire(timeout=10))
