"""Connections: message-oriented pipes between processes (Pipe, Connection, wait).

A message is a 4-byte big-endian signed length followed by the payload (a length of -1
announces an 8-byte length, for payloads of 2 GiB or more)."""

__all__ = ['Client', 'Listener', 'Pipe', 'wait', 'Connection']

import os
import select
import socket
import struct
import time

from . import util
from .context import BufferTooShort, AuthenticationError

_READ_CHUNK = 1 << 20


def _read_exact(fd, size):
    """Read exactly size bytes; return fewer only at end of file."""
    if size == 0:
        return b''
    chunk = os.read(fd, size)
    if len(chunk) == size or not chunk:
        return chunk
    parts = [chunk]
    remaining = size - len(chunk)
    while remaining > 0:
        chunk = os.read(fd, min(remaining, _READ_CHUNK))
        if not chunk:
            break
        parts.append(chunk)
        remaining -= len(chunk)
    return b''.join(parts)


def _write_all(fd, data):
    n = os.write(fd, data)
    while n < len(data):
        data = data[n:]
        n = os.write(fd, data)


def _as_bytes(buf):
    """The bytes of a bytes-like object (ftpy has no memoryview: bytes, bytearray and
    objects with a tobytes() method are accepted)."""
    if isinstance(buf, (bytes, bytearray)):
        return buf
    tobytes = getattr(buf, 'tobytes', None)
    if tobytes is not None:
        return tobytes()
    return bytes(buf)


class _ConnectionBase:
    _handle = None

    def __init__(self, handle, readable=True, writable=True):
        handle = handle.__index__()
        if handle < 0:
            raise ValueError("invalid handle")
        if not readable and not writable:
            raise ValueError("at least one of `readable` and `writable` must be True")
        self._handle = handle
        self._readable = readable
        self._writable = writable

    def __del__(self):
        if self._handle is not None:
            self._close()

    def _check_closed(self):
        if self._handle is None:
            raise OSError("handle is closed")

    def _check_readable(self):
        if not self._readable:
            raise OSError("connection is write-only")

    def _check_writable(self):
        if not self._writable:
            raise OSError("connection is read-only")

    def _bad_message_length(self):
        if self._writable:
            self._readable = False
        else:
            self.close()
        raise OSError("bad message length")

    @property
    def closed(self):
        """True if the connection is closed."""
        return self._handle is None

    @property
    def readable(self):
        """True if the connection is readable."""
        return self._readable

    @property
    def writable(self):
        """True if the connection is writable."""
        return self._writable

    def fileno(self):
        """File descriptor of the connection."""
        self._check_closed()
        return self._handle

    def close(self):
        """Close the connection."""
        if self._handle is not None:
            try:
                self._close()
            finally:
                self._handle = None

    def _close(self):
        os.close(self._handle)

    def send_bytes(self, buf, offset=0, size=None):
        """Send the bytes data from a bytes-like object."""
        self._check_closed()
        self._check_writable()
        m = _as_bytes(buf)
        n = len(m)
        if offset < 0:
            raise ValueError("offset is negative")
        if n < offset:
            raise ValueError("buffer length < offset")
        if size is None:
            size = n - offset
        elif size < 0:
            raise ValueError("size is negative")
        elif offset + size > n:
            raise ValueError("buffer length < offset + size")
        if offset != 0 or size != n:
            m = m[offset:offset + size]
        self._send_bytes(m)

    def send(self, obj):
        """Send a (picklable) object."""
        self._check_closed()
        self._check_writable()
        from . import reduction
        self._send_bytes(reduction.dumps(obj))

    def recv_bytes(self, maxlength=None):
        """Receive bytes data as a bytes object."""
        self._check_closed()
        self._check_readable()
        if maxlength is not None and maxlength < 0:
            raise ValueError("negative maxlength")
        buf = self._recv_bytes(maxlength)
        if buf is None:
            self._bad_message_length()
        return buf

    def recv_bytes_into(self, buf, offset=0):
        """Receive bytes data into a writeable bytes-like object; return the number of
        bytes read."""
        self._check_closed()
        self._check_readable()
        bytesize = len(buf)
        if offset < 0:
            raise ValueError("negative offset")
        elif offset > bytesize:
            raise ValueError("offset too large")
        result = self._recv_bytes()
        size = len(result)
        if bytesize < offset + size:
            raise BufferTooShort(result)
        buf[offset:offset + size] = result
        return size

    def recv(self):
        """Receive a (picklable) object."""
        self._check_closed()
        self._check_readable()
        from . import reduction
        return reduction.loads(self._recv_bytes())

    def poll(self, timeout=0.0):
        """Whether there is any input available to be read."""
        self._check_closed()
        self._check_readable()
        return self._poll(timeout)

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc_value, exc_tb):
        self.close()


class Connection(_ConnectionBase):
    """Connection class based on an arbitrary file descriptor (a pipe or a socket)."""

    def _send_bytes(self, buf):
        n = len(buf)
        if n > 0x7fffffff:
            header = struct.pack("!i", -1) + struct.pack("!Q", n)
            _write_all(self._handle, header)
            _write_all(self._handle, buf)
        elif n > 16384:
            _write_all(self._handle, struct.pack("!i", n))
            _write_all(self._handle, buf)
        else:
            # One write: a small message reaches a pipe in one piece.
            _write_all(self._handle, struct.pack("!i", n) + buf)

    def _recv(self, size):
        data = _read_exact(self._handle, size)
        if len(data) < size:
            if not data:
                raise EOFError
            raise OSError("got end of file during message")
        return data

    def _recv_bytes(self, maxsize=None):
        size, = struct.unpack("!i", self._recv(4))
        if size == -1:
            size, = struct.unpack("!Q", self._recv(8))
        if maxsize is not None and size > maxsize:
            return None
        return self._recv(size)

    def _poll(self, timeout):
        r = wait([self], timeout)
        return bool(r)


def Pipe(duplex=True):
    """Return a pair of Connection objects at either end of a pipe."""
    if duplex:
        s1, s2 = socket.socketpair()
        c1 = Connection(s1.detach())
        c2 = Connection(s2.detach())
    else:
        fd1, fd2 = os.pipe()
        c1 = Connection(fd1, writable=False)
        c2 = Connection(fd2, readable=False)
    return c1, c2


def wait(object_list, timeout=None):
    """Wait until one or more objects in object_list are ready or a timeout occurs.
    Objects are connections, sockets or file descriptors (ints)."""
    if not object_list:
        if timeout is not None and timeout > 0:
            time.sleep(timeout)
        return []
    fds = {}
    for obj in object_list:
        fd = obj if isinstance(obj, int) else obj.fileno()
        fds.setdefault(fd, []).append(obj)
    if timeout is not None:
        deadline = time.monotonic() + timeout
    while True:
        try:
            ready, _, _ = select.select(list(fds), [], [], timeout)
        except InterruptedError:
            ready = None
        if ready:
            return [obj for fd in ready for obj in fds[fd]]
        if ready is not None and timeout is not None:
            return []
        if timeout is not None:
            timeout = deadline - time.monotonic()
            if timeout < 0:
                return []


def Listener(*args, **kwargs):
    raise NotImplementedError('multiprocessing.connection.Listener is not available in ftpy')


def Client(*args, **kwargs):
    raise NotImplementedError('multiprocessing.connection.Client is not available in ftpy')
