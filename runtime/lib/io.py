"""The io module: the class hierarchy, in-memory streams (StringIO, BytesIO) and
file streams - FileIO (raw), BufferedReader/BufferedWriter/BufferedRandom and
TextIOWrapper - plus open(), which is also builtins.open. The system calls
(read/write/lseek/ftruncate, detached from the runtime and retried on EINTR)
live in runtime/modules/_io.c; each buffered object guards its state with its
own lock so that one file can be used from several threads."""

__all__ = ["BlockingIOError", "open", "open_code", "IOBase", "RawIOBase",
           "FileIO", "BytesIO", "StringIO", "BufferedIOBase", "BufferedReader",
           "BufferedWriter", "BufferedRandom", "TextIOBase",
           "TextIOWrapper",
           "UnsupportedOperation", "SEEK_SET", "SEEK_CUR", "SEEK_END",
           "DEFAULT_BUFFER_SIZE"]

import abc

SEEK_SET = 0
SEEK_CUR = 1
SEEK_END = 2
DEFAULT_BUFFER_SIZE = 8192


class UnsupportedOperation(OSError, ValueError):
    pass


UnsupportedOperation.__module__ = 'io'


class IOBase(metaclass=abc.ABCMeta):
    """The abstract base class for all I/O classes."""

    def _unsupported(self, name):
        raise UnsupportedOperation(name)

    def seek(self, pos, whence=0):
        self._unsupported("seek")

    def tell(self):
        return self.seek(0, 1)

    def truncate(self, pos=None):
        self._unsupported("truncate")

    def flush(self):
        self._checkClosed()

    __closed = False

    def close(self):
        if not self.__closed:
            try:
                self.flush()
            finally:
                self.__closed = True

    @property
    def closed(self):
        return self.__closed

    def _checkClosed(self, msg=None):
        if self.closed:
            raise ValueError("I/O operation on closed file."
                             if msg is None else msg)

    def seekable(self):
        return False

    def readable(self):
        return False

    def writable(self):
        return False

    def __enter__(self):
        self._checkClosed()
        return self

    def __exit__(self, *args):
        self.close()

    def fileno(self):
        self._unsupported("fileno")

    def isatty(self):
        self._checkClosed()
        return False

    def readline(self, size=-1):
        raise NotImplementedError

    def __iter__(self):
        self._checkClosed()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        self._checkClosed()
        for line in lines:
            self.write(line)


class RawIOBase(IOBase):
    pass


class BufferedIOBase(IOBase):
    pass


class TextIOBase(IOBase):
    pass


class _MemoryIO:
    """Shared machinery of StringIO and BytesIO: a growable buffer (list of
    characters or a bytearray) and a position that may lie past its end."""

    _closed_msg = "I/O operation on closed file."

    def _check(self):
        if self._buf is None:
            raise ValueError(self._closed_msg)

    def close(self):
        self._buf = None

    @property
    def closed(self):
        return self._buf is None

    def readable(self):
        self._check()
        return True

    def writable(self):
        self._check()
        return True

    def seekable(self):
        self._check()
        return True

    def flush(self):
        self._check()

    def isatty(self):
        self._check()
        return False

    def tell(self):
        self._check()
        return self._pos

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()

    def __iter__(self):
        self._check()
        return self

    def __next__(self):
        line = self.readline()
        if not line:
            raise StopIteration
        return line

    def readlines(self, hint=None):
        if hint is None or hint <= 0:
            return list(self)
        n = 0
        lines = []
        for line in self:
            lines.append(line)
            n += len(line)
            if n >= hint:
                break
        return lines

    def writelines(self, lines):
        for line in lines:
            self.write(line)

    def fileno(self):
        raise UnsupportedOperation("fileno")

    def detach(self):
        raise UnsupportedOperation("detach")


class StringIO(_MemoryIO, TextIOBase):
    """Text I/O implementation using an in-memory buffer."""

    _closed_msg = "I/O operation on closed file"     # sic: no period, as CPython

    def __init__(self, initial_value='', newline='\n'):
        if initial_value is not None and not isinstance(initial_value, str):
            raise TypeError("initial_value must be str or None, not %s"
                            % type(initial_value).__name__)
        if newline is not None and not isinstance(newline, str):
            raise TypeError("newline must be str or None, not %s"
                            % type(newline).__name__)
        if newline not in (None, '', '\n', '\r', '\r\n'):
            raise ValueError("illegal newline value: %r" % (newline,))
        self._newline = newline
        self._buf = ''
        self._parts = []
        self._len = 0
        self._pos = 0
        if initial_value:
            self.write(initial_value)
            self._pos = 0

    def _translate_in(self, s):
        nl = self._newline
        if nl is None:
            return s.replace('\r\n', '\n').replace('\r', '\n')
        if nl in ('\r', '\r\n'):
            return s.replace('\n', nl)
        return s

    # Appends at the end (the common case: print() into a StringIO) go to a
    # list of pending parts, joined when anything else needs the text, so a
    # long series of writes stays linear.
    def _flat(self):
        parts = self._parts
        if parts:
            self._buf = self._buf + ''.join(parts)
            parts.clear()
        return self._buf

    def write(self, s):
        self._check()
        if not isinstance(s, str):
            raise TypeError("string argument expected, got '%s'" % type(s).__name__)
        n = len(s)
        s = self._translate_in(s)
        pos = self._pos
        if pos == self._len:
            self._parts.append(s)
            self._len = self._pos = pos + len(s)
            return n
        buf = self._flat()
        if pos > len(buf):
            buf += '\0' * (pos - len(buf))
        self._buf = buf = buf[:pos] + s + buf[pos + len(s):]
        self._pos = pos + len(s)
        self._len = len(buf)
        return n

    def getvalue(self):
        self._check()
        return self._flat()

    def read(self, size=-1):
        self._check()
        if size is None:
            size = -1
        buf = self._flat()
        pos = self._pos
        if pos >= len(buf):
            return ''
        if size < 0:
            end = len(buf)
        else:
            end = min(len(buf), pos + size)
        self._pos = end
        return buf[pos:end]

    def readline(self, size=-1):
        self._check()
        if size is None:
            size = -1
        buf = self._flat()
        pos = self._pos
        if pos >= len(buf):
            return ''
        nl = self._newline
        if nl == '':
            # universal: any of \r, \n, \r\n ends a line, kept as written
            i = pos
            n = len(buf)
            end = n
            while i < n:
                c = buf[i]
                if c == '\n':
                    end = i + 1
                    break
                if c == '\r':
                    end = i + 2 if i + 1 < n and buf[i + 1] == '\n' else i + 1
                    break
                i += 1
        else:
            term = '\n' if nl is None or nl == '\n' else nl
            i = buf.find(term, pos)
            end = len(buf) if i < 0 else i + len(term)
        if size >= 0 and end > pos + size:
            end = pos + size
        self._pos = end
        return buf[pos:end]

    def seek(self, pos, whence=0):
        self._check()
        if whence == 0:
            if pos < 0:
                raise ValueError("Negative seek position %d" % pos)
            self._pos = pos
        elif whence == 1:
            if pos != 0:
                raise OSError("Can't do nonzero cur-relative seeks")
        elif whence == 2:
            if pos != 0:
                raise OSError("Can't do nonzero end-relative seeks")
            self._pos = len(self._flat())
        else:
            raise ValueError("Invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        elif size < 0:
            raise ValueError("Negative size value %d" % size)
        buf = self._flat()
        if size < len(buf):
            self._buf = buf[:size]
            self._len = size
        return size

    @property
    def line_buffering(self):
        return False

    @property
    def newlines(self):
        return None

    @property
    def encoding(self):
        return None

    @property
    def errors(self):
        return None

    def __repr__(self):
        return '<_io.StringIO object at 0x%x>' % id(self)


class BytesIO(_MemoryIO, BufferedIOBase):
    """Buffered I/O implementation using an in-memory bytes buffer."""

    def __init__(self, initial_bytes=b''):
        self._buf = bytearray(initial_bytes) if initial_bytes else bytearray()
        self._pos = 0

    def getvalue(self):
        self._check()
        return bytes(self._buf)

    def getbuffer(self):
        self._check()
        return self._buf

    def write(self, b):
        self._check()
        if isinstance(b, str):
            raise TypeError("a bytes-like object is required, not 'str'")
        b = bytes(b)
        n = len(b)
        if n == 0:
            return 0
        pos = self._pos
        buf = self._buf
        if pos > len(buf):
            buf.extend(b'\0' * (pos - len(buf)))
        buf[pos:pos + n] = b
        self._pos = pos + n
        return n

    def read(self, size=-1):
        self._check()
        if size is None:
            size = -1
        buf = self._buf
        pos = self._pos
        if pos >= len(buf):
            return b''
        end = len(buf) if size < 0 else min(len(buf), pos + size)
        self._pos = end
        return bytes(buf[pos:end])

    read1 = read

    def readinto(self, b):
        data = self.read(len(b))
        n = len(data)
        b[:n] = data
        return n

    def readline(self, size=-1):
        self._check()
        if size is None:
            size = -1
        buf = self._buf
        pos = self._pos
        if pos >= len(buf):
            return b''
        i = buf.find(b'\n', pos)
        end = len(buf) if i < 0 else i + 1
        if size >= 0 and end > pos + size:
            end = pos + size
        self._pos = end
        return bytes(buf[pos:end])

    def seek(self, pos, whence=0):
        self._check()
        try:
            pos = pos.__index__()
        except AttributeError:
            raise TypeError("an integer is required")
        if whence == 0:
            if pos < 0:
                raise ValueError("negative seek value %d" % pos)
            self._pos = pos
        elif whence == 1:
            self._pos = max(0, self._pos + pos)
        elif whence == 2:
            self._pos = max(0, len(self._buf) + pos)
        else:
            raise ValueError("invalid whence (%d, should be 0, 1 or 2)" % whence)
        return self._pos

    def truncate(self, size=None):
        self._check()
        if size is None:
            size = self._pos
        elif size < 0:
            raise ValueError("negative size value %d" % size)
        del self._buf[size:]
        return size

    def __repr__(self):
        return '<_io.BytesIO object at 0x%x>' % id(self)


StringIO.__module__ = '_io'
BytesIO.__module__ = '_io'


# ---- file streams ------------------------------------------------------------

import _io
from _io import _read, _write, _lseek, _ftruncate, _close
from _thread import allocate_lock as _allocate_lock
import os as _os
import stat as _stat

BlockingIOError = BlockingIOError


_RAW_CLOSED = "I/O operation on closed file"


def _closed_error():
    return ValueError("I/O operation on closed file.")


class FileIO(RawIOBase):
    """Raw binary I/O on a file descriptor."""

    _fd = -1
    _closefd = True
    # A plain attribute rather than IOBase's property: the buffered layer asks for it
    # on most operations. True until __init__ succeeds, True again after close().
    closed = True
    _created = _readable = _writable = _appending = False
    _seekable = None

    def __init__(self, file, mode='r', closefd=True, opener=None):
        if self._fd >= 0:
            if self._closefd:
                _close(self._fd)
            self._fd = -1
            self.closed = True
        if isinstance(file, float):
            raise TypeError('integer argument expected, got float')
        if isinstance(file, int):
            if isinstance(file, bool):
                import warnings
                warnings.warn("bool is used as a file descriptor",
                              RuntimeWarning, stacklevel=2)
                file = int(file)
            fd = file
            if fd < 0:
                raise ValueError('negative file descriptor')
        else:
            fd = -1
        if not isinstance(mode, str):
            raise TypeError('invalid mode: %s' % (mode,))
        if not set(mode) <= set('xrwab+'):
            raise ValueError('invalid mode: %s' % (mode,))
        if sum(c in 'rwax' for c in mode) != 1 or mode.count('+') > 1:
            raise ValueError('Must have exactly one of create/read/write/append '
                             'mode and at most one plus')
        if 'x' in mode:
            self._created = self._writable = True
            flags = _os.O_EXCL | _os.O_CREAT
        elif 'r' in mode:
            self._readable = True
            flags = 0
        elif 'w' in mode:
            self._writable = True
            flags = _os.O_CREAT | _os.O_TRUNC
        else:
            self._writable = self._appending = True
            flags = _os.O_APPEND | _os.O_CREAT
        if '+' in mode:
            self._readable = self._writable = True
        if self._readable and self._writable:
            flags |= _os.O_RDWR
        elif self._readable:
            flags |= _os.O_RDONLY
        else:
            flags |= _os.O_WRONLY
        flags |= getattr(_os, 'O_CLOEXEC', 0)
        owned_fd = -1
        try:
            if fd < 0:
                if not closefd:
                    raise ValueError('Cannot use closefd=False with file name')
                if opener is None:
                    fd = _os.open(file, flags, 0o666)
                else:
                    fd = opener(file, flags)
                    if not isinstance(fd, int):
                        raise TypeError('expected integer from opener')
                    if fd < 0:
                        raise ValueError('opener returned %d' % fd)
                owned_fd = fd
            try:
                st = _os.fstat(fd)
            except OSError as e:
                if e.errno != 9:     # EBADF
                    raise
                raise
            else:
                if _stat.S_ISDIR(st.st_mode):
                    raise IsADirectoryError(21, _os.strerror(21), file)
                self._blksize = st.st_blksize if st.st_blksize > 1 else DEFAULT_BUFFER_SIZE
            self.name = file
            if self._appending:
                try:
                    _lseek(fd, 0, SEEK_END)
                except OSError:
                    pass
        except:
            if owned_fd >= 0:
                _close(owned_fd)
            raise
        self._fd = fd
        self._closefd = bool(closefd)
        self.closed = False

    def __del__(self):
        if self._fd >= 0 and self._closefd and not self.closed:
            try:
                self.close()
            except Exception:
                pass

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    def __repr__(self):
        class_name = '%s.%s' % (self.__class__.__module__,
                                self.__class__.__qualname__)
        if self.closed:
            return '<%s [closed]>' % class_name
        try:
            name = self.name
        except AttributeError:
            return ('<%s fd=%d mode=%r closefd=%r>' %
                    (class_name, self._fd, self.mode, self._closefd))
        return ('<%s name=%r mode=%r closefd=%r>' %
                (class_name, name, self.mode, self._closefd))

    def _check_raw(self):
        if self._fd < 0:
            raise ValueError(_RAW_CLOSED)

    def _checkReadable(self):
        if not self._readable:
            raise UnsupportedOperation('File not open for reading')

    def _checkWritable(self, msg=None):
        if not self._writable:
            raise UnsupportedOperation('File not open for writing')

    def read(self, size=-1):
        self._check_raw()
        self._checkReadable()
        if size is None or size < 0:
            return self.readall()
        return _read(self._fd, size)

    def readall(self):
        self._check_raw()
        self._checkReadable()
        chunks = []
        bufsize = DEFAULT_BUFFER_SIZE
        try:
            pos = _lseek(self._fd, 0, SEEK_CUR)
            end = _os.fstat(self._fd).st_size
            if end >= pos >= 0:
                bufsize = end - pos + 1
        except OSError:
            pass
        while True:
            chunk = _read(self._fd, bufsize)
            if chunk is None:
                if chunks:
                    break
                return None
            if not chunk:
                break
            chunks.append(chunk)
            if bufsize < 65536:
                bufsize = 65536
        return b''.join(chunks)

    def readinto(self, b):
        data = self.read(len(b))
        if data is None:
            return None
        n = len(data)
        b[:n] = data
        return n

    def write(self, b):
        self._check_raw()
        self._checkWritable()
        return _write(self._fd, b)

    def seek(self, pos, whence=SEEK_SET):
        if isinstance(pos, float):
            raise TypeError('an integer is required')
        self._check_raw()
        return _lseek(self._fd, pos, whence)

    def tell(self):
        self._check_raw()
        return _lseek(self._fd, 0, SEEK_CUR)

    def truncate(self, size=None):
        self._check_raw()
        self._checkWritable()
        if size is None:
            size = self.tell()
        _ftruncate(self._fd, size)
        return size

    def close(self):
        if self._fd >= 0:
            fd = self._fd
            self._fd = -1
            self.closed = True
            if self._closefd:
                _close(fd)

    def flush(self):
        if self._fd < 0:
            raise _closed_error()

    def seekable(self):
        self._check_raw()
        if self._seekable is None:
            try:
                _lseek(self._fd, 0, SEEK_CUR)
            except OSError:
                self._seekable = False
            else:
                self._seekable = True
        return self._seekable

    def readable(self):
        self._check_raw()
        return self._readable

    def writable(self):
        self._check_raw()
        return self._writable

    def fileno(self):
        self._check_raw()
        return self._fd

    def isatty(self):
        self._check_raw()
        return _os.isatty(self._fd)

    @property
    def closefd(self):
        return self._closefd

    @property
    def mode(self):
        if self._created:
            return 'xb+' if self._readable else 'xb'
        if self._appending:
            return 'ab+' if self._readable else 'ab'
        if self._readable:
            return 'rb+' if self._writable else 'rb'
        return 'wb'

    def __exit__(self, *args):
        self.close()

    def readline(self, size=-1):
        res = bytearray()
        while size is None or size < 0 or len(res) < size:
            b = self.read(1)
            if not b:
                break
            res += b
            if b == b'\n':
                break
        return bytes(res)


FileIO.__module__ = '_io'


# The buffered layer is written in C (runtime/modules/_io.c): one pthread mutex
# per object guards its buffer, so a file can be shared between threads.
from _io import BufferedReader, BufferedWriter, BufferedRandom


_ENCODINGS = {
    'utf-8': 'utf-8', 'utf8': 'utf-8', 'u8': 'utf-8', 'utf': 'utf-8',
    'latin-1': 'latin-1', 'latin1': 'latin-1', 'iso-8859-1': 'latin-1',
    'iso8859-1': 'latin-1', 'l1': 'latin-1', 'latin': 'latin-1',
    '8859': 'latin-1', 'cp819': 'latin-1',
    'ascii': 'ascii', 'us-ascii': 'ascii', '646': 'ascii',
}


def _utf8_split(data):
    """Length of the prefix of data that does not end in an incomplete UTF-8
    sequence (the rest waits for the next chunk)."""
    n = len(data)
    i = n - 1
    stop = max(n - 4, -1)
    while i > stop:
        c = data[i]
        if c < 0x80:
            return n
        if c >= 0xC0:
            need = 2 if c < 0xE0 else 3 if c < 0xF0 else 4
            return i if n - i < need else n
        i -= 1
    return n


def _locked(method):
    """Run a TextIOWrapper method holding the object's lock (the C base's
    recursive mutex), so that threads sharing the file see whole operations."""
    def locked(self, *args):
        self._acquire()
        try:
            return method(self, *args)
        finally:
            self._release()
    locked.__name__ = method.__name__
    locked.__qualname__ = method.__qualname__
    locked.__doc__ = method.__doc__
    return locked


class TextIOWrapper(_io._TextIOBase, TextIOBase):
    """Character and line based layer over a BufferedIOBase object.

    The C base (runtime/modules/_io.c) holds the state of the hot paths - the
    members _buffer, _text, _tpos, _pending, _codec, _errors, _writenl and the
    flags - and implements write() and iteration over decoded lines."""

    _CHUNK_SIZE = 8192

    def __init__(self, buffer, encoding=None, errors=None, newline=None,
                 line_buffering=False, write_through=False):
        if newline is not None and not isinstance(newline, str):
            raise TypeError("TextIOWrapper() argument 'newline' must be str or "
                            "None, not %s" % type(newline).__name__)
        if newline not in (None, "", "\n", "\r", "\r\n"):
            raise ValueError("illegal newline value: %s" % (newline,))
        if encoding is None:
            encoding = "UTF-8"
        elif not isinstance(encoding, str):
            raise TypeError("TextIOWrapper() argument 'encoding' must be str "
                            "or None, not %s" % type(encoding).__name__)
        if errors is None:
            errors = "strict"
        elif not isinstance(errors, str):
            raise TypeError("TextIOWrapper() argument 'errors' must be str "
                            "or None, not %s" % type(errors).__name__)
        codec = _ENCODINGS.get(encoding.lower().replace('_', '-'))
        if codec is None:
            ''.encode(encoding)          # LookupError for unknown encodings
            codec = encoding
        self._buffer = buffer
        self._encoding = encoding
        self._codec = codec
        self._errors = errors
        self._line_buffering = bool(line_buffering)
        self._write_through = bool(write_through)
        self._readuniversal = not newline
        self._readtranslate = newline is None
        self._readnl = newline
        self._fastnl = newline is None or newline == '\n'
        self._writetranslate = newline != ''
        self._writenl = newline or _os.linesep
        self._seekable = buffer.seekable()
        self._writable = bool(buffer.writable())
        self._nltranslate = self._writetranslate and self._writenl != "\n"
        self._reset_read()

    def _reset_read(self):
        self._text = ''        # decoded (and translated) text of the current chunk
        self._tpos = 0         # next character of _text
        self._untr = None      # the chunk before newline translation, when it differs
        self._chunk_start = 0  # byte offset of the chunk
        self._pending = b''    # undecoded bytes held back for the next chunk
        self._eof = False

    def __repr__(self):
        result = "<{}.{}".format(self.__class__.__module__,
                                 self.__class__.__qualname__)
        try:
            name = self.name
        except AttributeError:
            pass
        else:
            result += " name={0!r}".format(name)
        try:
            mode = self.mode
        except AttributeError:
            pass
        else:
            result += " mode={0!r}".format(mode)
        return result + " encoding={0!r}>".format(self.encoding)

    def __del__(self):
        b = self._buffer
        if b is not None:
            try:
                if not b.closed:
                    self.close()
            except Exception:
                pass

    def __getstate__(self):
        raise TypeError(f"cannot pickle {self.__class__.__name__!r} object")

    @property
    def buffer(self):
        return self._buffer

    @property
    def encoding(self):
        return self._encoding

    @property
    def errors(self):
        return self._errors

    @property
    def line_buffering(self):
        return self._line_buffering

    @property
    def write_through(self):
        return self._write_through

    @property
    def newlines(self):
        return None

    def _check(self):
        b = self._buffer
        if b is None:
            raise ValueError("underlying buffer has been detached")
        if b.closed:
            raise _closed_error()
        return b

    @property
    def closed(self):
        if self._buffer is None:
            raise ValueError("underlying buffer has been detached")
        return self._buffer.closed

    @property
    def name(self):
        if self._buffer is None:
            raise ValueError("underlying buffer has been detached")
        return self._buffer.name

    def _buf(self):
        b = self._buffer
        if b is None:
            raise ValueError("underlying buffer has been detached")
        return b

    def fileno(self):
        return self._buf().fileno()

    def isatty(self):
        return self._buf().isatty()

    def readable(self):
        return self._buf().readable()

    def writable(self):
        return self._buf().writable()

    def seekable(self):
        return self._buf().seekable()

    def flush(self):
        self._check().flush()

    def close(self):
        b = self._buffer
        if b is None:
            raise ValueError("underlying buffer has been detached")
        if not b.closed:
            self._reset_read()
            try:
                b.flush()
            finally:
                b.close()

    @_locked
    def detach(self):
        b = self._check() if self._buffer is not None else None
        if b is None:
            raise ValueError("underlying buffer has been detached")
        b.flush()
        self._reset_read()
        self._buffer = None
        return b

    def __enter__(self):
        self._check()
        return self

    def __exit__(self, *args):
        self.close()

    # -- writing: write() is the C base's
    @_locked
    def _rewind_readahead(self, b):
        if self._seekable:
            pos = self._tell_unflushed()
            self._reset_read()
            b.seek(pos)
        else:
            self._reset_read()

    # -- reading
    def _translate(self, u):
        if self._readtranslate and '\r' in u:
            self._untr = u
            return u.replace('\r\n', '\n').replace('\r', '\n')
        self._untr = None
        return u

    def _read_chunk(self):
        """Decode the next chunk into _text (which must be consumed). False at
        end of file."""
        b = self._buffer
        while True:
            if self._eof:
                return False
            if self._seekable:
                start = b.tell() - len(self._pending)
            else:
                start = 0
            data = b.read1(self._CHUNK_SIZE)
            final = not data
            data = self._pending + data if self._pending else data
            if not data:
                self._eof = True
                self._text = ''
                self._tpos = 0
                return False
            cut = len(data)
            if not final:
                if self._codec == 'utf-8':
                    cut = _utf8_split(data)
                if cut and data[cut - 1] == 13:      # '\r': '\n' may follow
                    cut -= 1
            self._pending = data[cut:]
            if final:
                self._eof = True
            if cut == 0 and not final:
                continue
            self._chunk_start = start
            self._text = self._translate(data[:cut].decode(self._codec,
                                                           self._errors))
            self._tpos = 0
            if self._text or final:
                return bool(self._text)

    def _take_rest(self):
        t = self._text
        pos = self._tpos
        self._text = ''
        self._tpos = 0
        self._untr = None
        return t[pos:] if pos else t

    @_locked
    def read(self, size=-1):
        b = self._check()
        if not b.readable():
            raise UnsupportedOperation("not readable")
        if size is None:
            size = -1
        elif not isinstance(size, int):
            raise TypeError("argument should be integer or None, not '%s'" %
                            type(size).__name__)
        if b.writable():
            b.flush()
        if size < 0:
            parts = [self._take_rest()]
            data = self._pending + b.read()
            self._pending = b''
            self._eof = True
            parts.append(self._translate(data.decode(self._codec, self._errors)))
            self._untr = None
            return ''.join(parts)
        parts = []
        need = size
        while need > 0:
            avail = len(self._text) - self._tpos
            if avail == 0:
                if not self._read_chunk():
                    break
                continue
            pos = self._tpos
            take = min(avail, need)
            parts.append(self._text[pos:pos + take])
            self._tpos = pos + take
            need -= take
        return ''.join(parts)

    def _find_eol(self, t, start):
        """(end of line, found) for the line starting at start in t."""
        if self._readtranslate or self._readnl == '\n':
            i = t.find('\n', start)
            return (i + 1, True) if i >= 0 else (len(t), False)
        if self._readuniversal:
            i = start
            n = len(t)
            while i < n:
                c = t[i]
                if c == '\n':
                    return i + 1, True
                if c == '\r':
                    if i + 1 < n and t[i + 1] == '\n':
                        return i + 2, True
                    return i + 1, True
                i += 1
            return n, False
        i = t.find(self._readnl, start)
        if i >= 0:
            return i + len(self._readnl), True
        return len(t), False

    # readline() is the C base's: it returns a line already decoded, else
    # calls this.
    @_locked
    def _readline(self, size=-1):
        b = self._check()
        if not b.readable():
            raise UnsupportedOperation("not readable")
        if size is None:
            size = -1
        if b.writable():
            b.flush()
        parts = []
        got = 0
        while True:
            if self._tpos >= len(self._text):
                if not self._read_chunk():
                    break
            t = self._text
            pos = self._tpos
            end, found = self._find_eol(t, pos)
            if size >= 0 and got + end - pos >= size:
                end = pos + size - got
                found = True
            parts.append(t[pos:end])
            got += end - pos
            self._tpos = end
            if found:
                break
        return ''.join(parts)

    # __iter__ and __next__ are the C base's (the fast path for lines that are
    # already decoded; readline() otherwise).

    # -- positioning
    def _tell_unflushed(self):
        b = self._buffer
        if not self._text and not self._pending:
            return b.tell()
        if self._tpos >= len(self._text) and not self._pending:
            return b.tell()
        t = self._text
        pos = self._tpos
        u = self._untr
        if u is None:
            consumed = t[:pos]
        else:
            # Walk the untranslated chunk: each '\r\n' became one '\n'.
            i = j = 0
            while j < pos:
                if u[i] == '\r' and i + 1 < len(u) and u[i + 1] == '\n':
                    i += 2
                else:
                    i += 1
                j += 1
            consumed = u[:i]
        return self._chunk_start + len(consumed.encode(self._codec, self._errors))

    @_locked
    def tell(self):
        b = self._check()
        if not self._seekable:
            raise UnsupportedOperation("underlying stream is not seekable")
        b.flush()
        return self._tell_unflushed()

    @_locked
    def seek(self, cookie, whence=0):
        b = self._check()
        if not self._seekable:
            raise UnsupportedOperation("underlying stream is not seekable")
        if whence == SEEK_CUR:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero cur-relative seeks")
            cookie = self.tell()
            whence = SEEK_SET
        elif whence == SEEK_END:
            if cookie != 0:
                raise UnsupportedOperation("can't do nonzero end-relative seeks")
            b.flush()
            self._reset_read()
            return b.seek(0, SEEK_END)
        if whence != SEEK_SET:
            raise ValueError("invalid whence (%r, should be %d, %d or %d)" %
                             (whence, SEEK_SET, SEEK_CUR, SEEK_END))
        if cookie < 0:
            raise ValueError("negative seek position %r" % (cookie,))
        b.flush()
        self._reset_read()
        b.seek(cookie)
        return cookie

    @_locked
    def truncate(self, pos=None):
        b = self._check()
        b.flush()
        if pos is None:
            pos = self.tell()
        self._rewind_readahead(b) if (self._text or self._pending) else None
        return b.truncate(pos)


TextIOWrapper.__module__ = '_io'


def _open(file, mode="r", buffering=-1, encoding=None, errors=None,
         newline=None, closefd=True, opener=None):
    if not isinstance(file, int):
        file = _os.fspath(file)
    if not isinstance(file, (str, bytes, int)):
        raise TypeError("invalid file: %r" % file)
    if not isinstance(mode, str):
        raise TypeError("open() argument 'mode' must be str, not %s" %
                        type(mode).__name__)
    if not isinstance(buffering, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" %
                        type(buffering).__name__)
    if encoding is not None and not isinstance(encoding, str):
        raise TypeError("open() argument 'encoding' must be str or None, not %s"
                        % type(encoding).__name__)
    if errors is not None and not isinstance(errors, str):
        raise TypeError("open() argument 'errors' must be str or None, not %s"
                        % type(errors).__name__)
    modes = set(mode)
    if modes - set("axrwb+t") or len(mode) > len(modes):
        raise ValueError("invalid mode: %r" % mode)
    creating = "x" in modes
    reading = "r" in modes
    writing = "w" in modes
    appending = "a" in modes
    updating = "+" in modes
    text = "t" in modes
    binary = "b" in modes
    if text and binary:
        raise ValueError("can't have text and binary mode at once")
    if creating + reading + writing + appending > 1:
        raise ValueError("must have exactly one of create/read/write/append mode")
    if not (creating or reading or writing or appending):
        raise ValueError("Must have exactly one of create/read/write/append "
                         "mode and at most one plus")
    if newline is not None and not isinstance(newline, str):
        raise TypeError("open() argument 'newline' must be str or None, not %s"
                        % type(newline).__name__)
    if binary and encoding is not None:
        raise ValueError("binary mode doesn't take an encoding argument")
    if binary and errors is not None:
        raise ValueError("binary mode doesn't take an errors argument")
    if binary and newline is not None:
        raise ValueError("binary mode doesn't take a newline argument")
    if binary and buffering == 1:
        import warnings
        warnings.warn("line buffering (buffering=1) isn't supported in binary "
                      "mode, the default buffer size will be used",
                      RuntimeWarning, 2)
    raw = FileIO(file,
                 (creating and "x" or "") +
                 (reading and "r" or "") +
                 (writing and "w" or "") +
                 (appending and "a" or "") +
                 (updating and "+" or ""),
                 closefd, opener=opener)
    result = raw
    try:
        line_buffering = False
        if buffering == 1 or buffering < 0 and raw.isatty():
            buffering = -1
            line_buffering = True
        if buffering < 0:
            buffering = getattr(raw, '_blksize', DEFAULT_BUFFER_SIZE)
        if buffering == 0:
            if binary:
                return result
            raise ValueError("can't have unbuffered text I/O")
        if updating:
            buffer = BufferedRandom(raw, buffering)
        elif creating or writing or appending:
            buffer = BufferedWriter(raw, buffering)
        elif reading:
            buffer = BufferedReader(raw, buffering)
        else:
            raise ValueError("unknown mode: %r" % mode)
        result = buffer
        if binary:
            return result
        text = TextIOWrapper(buffer, encoding, errors, newline, line_buffering)
        result = text
        text.mode = mode
        return result
    except:
        result.close()
        raise


def open_code(path):
    if not isinstance(path, str):
        raise TypeError("open_code() argument 'path' must be str, not %s" %
                        type(path).__name__)
    return _open(path, "rb")


# builtins.open (runtime/modules/_io.c) calls _open; io.open is that same object,
# as in CPython.
import builtins as _builtins
open = _builtins.open
del _builtins


RawIOBase.register(FileIO)
for _c in (BufferedReader, BufferedWriter, BufferedRandom):
    BufferedIOBase.register(_c)
TextIOBase.register(TextIOWrapper)
del _c
