# multiprocessing.Pipe: duplex and one-way connections between processes.
import multiprocessing as mp
from multiprocessing.connection import wait


def echo(conn, other):
    other.close()
    while True:
        try:
            msg = conn.recv()
        except EOFError:
            break
        if msg == 'bytes':
            conn.send_bytes(b'raw-bytes')
        else:
            conn.send(('echo', msg))
    conn.close()


def writer(conn, n, others=()):
    for c in others:
        c.close()
    for i in range(n):
        conn.send(i * i)
    conn.close()


if __name__ == '__main__':
    a, b = mp.Pipe()
    print(a.readable, a.writable, a.closed, type(a).__name__)
    a.send({'k': [1, 2]})
    print(b.poll(), b.recv(), b.poll())
    b.send_bytes(b'hello world', 6)
    print(a.recv_bytes())
    b.send_bytes(bytearray(b'0123456789'), 2, 3)
    print(a.recv_bytes())
    b.send_bytes(b'into')
    buf = bytearray(10)
    n = a.recv_bytes_into(buf, 3)
    print(n, buf)
    b.send_bytes(b'x' * 20)
    try:
        a.recv_bytes_into(bytearray(5))
    except mp.BufferTooShort as e:
        print('BufferTooShort', e.args[0])
    b.send_bytes(b'long message')
    try:
        a.recv_bytes(4)
    except OSError as e:
        print('OSError', e)

    # A child echoes what it gets; duplex both ways.
    parent, child = mp.Pipe()
    p = mp.Process(target=echo, args=(child, parent))
    p.start()
    child.close()
    for msg in [1, 'two', (3.0, None), 'bytes']:
        parent.send(msg)
        if msg == 'bytes':
            print(parent.recv_bytes())
        else:
            print(parent.recv())
    parent.close()
    p.join()
    print('echo exit', p.exitcode, parent.closed)

    # One-way pipe: EOF when the writer has gone.
    r, w = mp.Pipe(duplex=False)
    print(r.readable, r.writable, w.readable, w.writable)
    try:
        r.send(1)
    except OSError as e:
        print(e)
    try:
        w.recv()
    except OSError as e:
        print(e)
    p = mp.Process(target=writer, args=(w, 100, [r]))
    p.start()
    w.close()
    got = []
    while True:
        try:
            got.append(r.recv())
        except EOFError:
            print('EOFError at end')
            break
    p.join()
    print(len(got), got[:5], got[-1])
    print(r.poll(0.01) if not r.closed else None)
    r.close()
    try:
        r.recv()
    except OSError as e:
        print(e)
    r.close()

    # wait() on several connections.
    pairs = [mp.Pipe(duplex=False) for _ in range(3)]
    procs = []
    for i, (rr, ww) in enumerate(pairs):
        q = mp.Process(target=writer, args=(ww, i + 1))
        q.start()
        ww.close()
        procs.append(q)
    readers = [rr for rr, ww in pairs]
    totals = [0, 0, 0]
    while readers:
        for conn in wait(readers, timeout=10):
            try:
                totals[[rr for rr, ww in pairs].index(conn)] += 1 + conn.recv()
            except EOFError:
                readers.remove(conn)
    for q in procs:
        q.join()
    print('totals', totals)
    with mp.Pipe()[0] as c:
        pass
    print('closed by with', c.closed)
