# socket.makefile: binary and text streams over a socketpair (needs io).
import socket

a, b = socket.socketpair()
r = a.makefile('rb')
b.sendall(b'line1\nline2\nrest')
print(r.readline(), r.readline(), r.read(4))
w = a.makefile('wb')
w.write(b'out\n')
w.flush()
print(b.recv(10))
t = b.makefile('r', encoding='utf-8')
a.sendall('text line\nzweite Zeile \u00e4\n'.encode())
print(repr(t.readline()), repr(t.readline()))
rw = a.makefile('rwb')
b.sendall(b'both ways\n')
print(rw.readline())
rw.write(b'back\n')
rw.flush()
print(b.recv(100))
tw = b.makefile('w', encoding='utf-8')
tw.write('written as text\n')
tw.flush()
print(r.readline())
for mode in ('x', 'rt+'):
    try:
        a.makefile(mode)
    except ValueError as e:
        print(type(e).__name__, e)
try:
    a.makefile('r', buffering=0)
except ValueError as e:
    print(type(e).__name__, e)
# the socket stays open until every file made from it is closed
a.close()
print(a.fileno() >= 0)
for f in (r, w, rw):
    f.close()
print(a.fileno())
for f in (t, tw):
    f.close()
b.close()
print('done')
