import os
r, w = os.pipe(); print(os.write(w, b'through the pipe'), os.read(r, 7), os.read(r, 100)); os.close(w); print(os.read(r, 10)); os.close(r)
name = 'lseek_test_%d' % os.getpid()
fd = os.open(name, os.O_RDWR | os.O_CREAT | os.O_TRUNC, 0o600)
os.write(fd, b'0123456789'); print(os.lseek(fd, 0, os.SEEK_CUR), os.lseek(fd, 2, os.SEEK_SET), os.read(fd, 3), os.lseek(fd, -1, os.SEEK_END), os.read(fd, 5))
fd2 = os.dup(fd); os.lseek(fd2, 0, 0); print(os.read(fd, 2)); os.ftruncate(fd, 4); os.fsync(fd); print(os.fstat(fd).st_size)
os.close(fd2); os.close(fd); os.remove(name); print(os.path.exists(name))
try: os.close(fd)
except OSError as e: print(type(e).__name__, e.errno)
