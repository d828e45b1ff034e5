# PEP 475: a signal interrupting a blocking socket call runs its handler; the call is
# retried when the handler returns, and the handler's exception propagates otherwise.
import select
import signal
import socket
import threading

a, b = socket.socketpair()
hits = []
signal.signal(signal.SIGALRM, lambda signum, frame: hits.append(signum))
signal.setitimer(signal.ITIMER_REAL, 0.05)
timer = threading.Timer(0.3, lambda: b.send(b'late'))
timer.start()
print(a.recv(10), hits == [signal.SIGALRM])
timer.join()


def boom(signum, frame):
    raise RuntimeError('from handler')


signal.signal(signal.SIGALRM, boom)
a.settimeout(3)  # a guard: never hang
for name, call in [('recv', lambda: a.recv(10)),
                   ('recv_into', lambda: a.recv_into(bytearray(4))),
                   ('select', lambda: select.select([a], [], [], 3)),
                   ('poll', lambda: select.poll().poll(3000))]:
    signal.setitimer(signal.ITIMER_REAL, 0.05)
    try:
        call()
        print(name, 'returned')
    except RuntimeError as e:
        print(name, 'raised', e)
    except TimeoutError:
        print(name, 'timed out')
# the timeout still holds across a signal whose handler returns
signal.signal(signal.SIGALRM, lambda signum, frame: hits.append(signum))
a.settimeout(0.2)
signal.setitimer(signal.ITIMER_REAL, 0.05)
try:
    a.recv(10)
except TimeoutError as e:
    print(type(e).__name__, e, len(hits))
signal.signal(signal.SIGALRM, signal.SIG_DFL)
a.close()
b.close()
print('done')
