# multiprocessing.Process: targets, names, exit codes, subclasses, signals.
import multiprocessing as mp
import os
import signal
import sys
import time


def hello(a, b=0, *, c=None):
    print('hello', a, b, c, mp.current_process().name, mp.parent_process().name)
    print('children in child', mp.active_children())


def exits(code):
    sys.exit(code)


def raises():
    raise ValueError('boom')


def raises_to_file(path):
    sys.stderr = open(path, 'w')
    raise KeyError('missing')


class Worker(mp.Process):
    def __init__(self, n):
        super().__init__()
        self.n = n

    def run(self):
        print('Worker.run', self.n, self.name, type(self).__name__)
        sys.stdout.flush()
        sys.exit(self.n)


if __name__ == '__main__':
    print(mp.current_process().name, mp.parent_process())
    p = mp.Process(target=hello, args=(1,), kwargs={'c': 3})
    print(p.name, p.exitcode, p.pid, p.is_alive(), p.daemon)
    p.start()
    p.join()
    print('exitcode', p.exitcode, p.is_alive(), type(p.pid).__name__)

    for code in (0, 3, None, 255):
        p = mp.Process(target=exits, args=(code,))
        p.start()
        p.join()
        print('sys.exit(%r) ->' % (code,), p.exitcode)

    path = '/tmp/ftpy_mp_process_%d.txt' % os.getpid()
    p = mp.Process(target=raises_to_file, args=(path,), name='Thrower')
    p.start()
    p.join()
    with open(path) as f:
        lines = f.read().splitlines()
    os.remove(path)
    print('raise ->', p.exitcode)
    print(lines[0])
    print(lines[1])
    print(lines[-1])

    w = Worker(7)
    w.start()
    w.join()
    print('Worker exitcode', w.exitcode)

    p = mp.Process(target=time.sleep, args=(30,), daemon=True)
    p.start()
    print('alive', p.is_alive(), p.daemon)
    p.terminate()
    p.join()
    print('terminate ->', p.exitcode, p.is_alive())

    p = mp.Process(target=time.sleep, args=(30,))
    p.start()
    p.kill()
    p.join()
    print('kill ->', p.exitcode)

    p = mp.Process(target=time.sleep, args=(30,))
    p.start()
    p.join(0.05)
    print('join timeout ->', p.exitcode, p.is_alive())
    os.kill(p.pid, signal.SIGTERM)
    p.join()
    print('SIGTERM ->', p.exitcode)
    p.close()
    try:
        p.exitcode
    except ValueError as e:
        print('closed:', e)
    try:
        p.start()
    except ValueError as e:
        print('closed:', e)

    p = mp.Process(target=exits, args=(0,))
    try:
        p.close()
        print('close before start ok')
    except ValueError as e:
        print(e)

    ps = [mp.Process(target=exits, args=(i,)) for i in range(4)]
    for p in ps:
        p.start()
    for p in ps:
        p.join()
    print([p.exitcode for p in ps], [p.name for p in ps][:2], mp.active_children())

    ctx = mp.get_context('fork')
    p = ctx.Process(target=exits, args=(5,))
    p.start()
    p.join()
    print(type(p).__name__, p.exitcode, p.name.split('-')[0])
    print(mp.get_start_method(), ctx.get_start_method(), 'fork' in mp.get_all_start_methods())
    print(isinstance(mp.cpu_count(), int), mp.cpu_count() >= 1)
    try:
        mp.get_context('bogus')
    except ValueError as e:
        print(e)
