# OSError: errno mapping, attributes, str; KeyError str
# Linux errno values: ENOENT EEXIST EACCES EPERM EISDIR ENOTDIR ECHILD EPIPE ECONNREFUSED
# ECONNRESET ECONNABORTED ESRCH ETIMEDOUT EINTR EAGAIN EINVAL EALREADY EINPROGRESS ESHUTDOWN
for code in (2, 17, 13, 1, 21, 20, 10, 32, 111, 104, 103, 3, 110, 4, 11, 22, 114, 115, 108, 9999):
    e = OSError(code, "msg")
    print(code, type(e).__name__, e.errno, e.strerror, e.args)
cases = [OSError(), OSError("just a message"), OSError(2, "No such file or directory"),
         OSError(2, "No such file or directory", "x.txt"),
         OSError(2, "No such file or directory", "a", None, "b"),
         OSError(1, 2, 3, 4, 5, 6), OSError(2, "x", None),
         FileNotFoundError("plain"), FileNotFoundError(2, "nf", "f")]
for e in cases:
    print(type(e).__name__, repr(e.args), repr(str(e)), e.errno, e.strerror, e.filename,
          e.filename2, repr(e))
try:
    OSError(2, "x", k=1)
except TypeError as e:
    print(type(e).__name__, e)
e = OSError(2, "x", "f")
e.errno = 5
e.filename = "g"
print(e.errno, e.filename, str(e))
print(IOError is OSError, EnvironmentError is OSError)
try:
    raise FileExistsError(17, "File exists", "dir")
except OSError as e:
    print(type(e).__name__, e)
print(str(KeyError("a")), str(KeyError(1)), str(KeyError()), str(KeyError("a", "b")),
      str(KeyError(None)), str(KeyError("")))
try:
    {}["missing"]
except KeyError as e:
    print(type(e).__name__, e, e.args)
try:
    {}[(1, 2)]
except KeyError as e:
    print(type(e).__name__, e, e.args)
