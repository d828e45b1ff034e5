# the exception hierarchy of CPython 3.11
import builtins
names = sorted(n for n in dir(builtins)
               if isinstance(getattr(builtins, n), type) and issubclass(getattr(builtins, n), BaseException))
for n in names:
    t = getattr(builtins, n)
    print(n, [c.__name__ for c in t.__mro__], t.__module__)
def tree(cls, depth=0):
    print("  " * depth + cls.__name__)
    for sub in sorted((s for s in cls.__subclasses__() if s.__module__ == "builtins"), key=lambda c: c.__name__):
        tree(sub, depth + 1)
tree(BaseException)
print(issubclass(FileNotFoundError, OSError), issubclass(BrokenPipeError, ConnectionError),
      issubclass(ModuleNotFoundError, ImportError), issubclass(TabError, SyntaxError),
      issubclass(UnicodeDecodeError, ValueError), issubclass(RecursionError, RuntimeError),
      issubclass(KeyboardInterrupt, Exception), issubclass(SystemExit, Exception),
      issubclass(ExceptionGroup, Exception), issubclass(ExceptionGroup, BaseExceptionGroup))
