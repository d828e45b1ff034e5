/* Exceptions: the exception objects (core/objects/exc.c) and the error-indicator API
 * (runtime/errors.c).
 *
 * The raised exception lives on the thread state (FtThreadState.curexc) as an exception
 * INSTANCE, always normalised (as CPython 3.12 does): ft_err_set_string(ft_exc_TypeError, m)
 * builds TypeError(m) at once. A C function that fails sets it and returns NULL / -1. */
#ifndef FT_ERRORS_H
#define FT_ERRORS_H

#ifndef FT_OBJECT_H
#error "include core/object.h instead"
#endif

typedef struct FtBaseException {
    FtObject ob_base;
    FtObject *dict;
    FtObject *args;            /* tuple */
    FtObject *notes;           /* __notes__ list or NULL */
    FtObject *traceback;       /* traceback object or NULL */
    FtObject *context;         /* __context__ or NULL */
    FtObject *cause;           /* __cause__ or NULL */
    char suppress_context;
} FtBaseException;

typedef struct FtSyntaxError {
    FtBaseException base;
    FtObject *msg, *filename, *lineno, *offset, *text, *end_lineno, *end_offset, *print_file_and_line;
} FtSyntaxError;
typedef struct FtStopIteration {
    FtBaseException base;
    FtObject *value;
} FtStopIteration;
typedef struct FtSystemExit {
    FtBaseException base;
    FtObject *code;
} FtSystemExit;
typedef struct FtImportError {
    FtBaseException base;
    FtObject *msg, *name, *path;
} FtImportError;
typedef struct FtOSError {
    FtBaseException base;
    FtObject *myerrno, *strerror, *filename, *filename2;
} FtOSError;
typedef struct FtUnicodeError {
    FtBaseException base;
    FtObject *encoding, *object, *reason;
    ssize_t start, end;
} FtUnicodeError;
typedef struct FtAttributeError {
    FtBaseException base;
    FtObject *obj, *name;
} FtAttributeError;
typedef struct FtNameError {
    FtBaseException base;
    FtObject *name;
} FtNameError;

#define ft_exception_check(o) ((FT_TYPE(o)->tp_flags & FT_TPFLAGS_BASE_EXC_SUBCLASS) != 0)
#define ft_exception_class_check(o) \
    (ft_type_check(o) && (((FtType *)(o))->tp_flags & FT_TPFLAGS_BASE_EXC_SUBCLASS))

/* The hierarchy of CPython 3.11 (exc.c defines them as static types). */
#define FT_EXCEPTION_LIST(X)                                                                 \
    X(BaseException) X(BaseExceptionGroup) X(Exception) X(GeneratorExit) X(KeyboardInterrupt) \
    X(SystemExit) X(ArithmeticError) X(FloatingPointError) X(OverflowError)                  \
    X(ZeroDivisionError) X(AssertionError) X(AttributeError) X(BufferError) X(EOFError)      \
    X(ExceptionGroup) X(ImportError) X(ModuleNotFoundError) X(LookupError) X(IndexError)     \
    X(KeyError) X(MemoryError) X(NameError) X(UnboundLocalError) X(OSError)                  \
    X(BlockingIOError) X(ChildProcessError) X(ConnectionError) X(BrokenPipeError)            \
    X(ConnectionAbortedError) X(ConnectionRefusedError) X(ConnectionResetError)              \
    X(FileExistsError) X(FileNotFoundError) X(InterruptedError) X(IsADirectoryError)         \
    X(NotADirectoryError) X(PermissionError) X(ProcessLookupError) X(TimeoutError)           \
    X(ReferenceError) X(RuntimeError) X(NotImplementedError) X(RecursionError)               \
    X(StopAsyncIteration) X(StopIteration) X(SyntaxError) X(IndentationError) X(TabError)    \
    X(SystemError) X(TypeError) X(ValueError) X(UnicodeError) X(UnicodeDecodeError)          \
    X(UnicodeEncodeError) X(UnicodeTranslateError) X(Warning) X(BytesWarning)                \
    X(DeprecationWarning) X(EncodingWarning) X(FutureWarning) X(ImportWarning)               \
    X(PendingDeprecationWarning) X(ResourceWarning) X(RuntimeWarning) X(SyntaxWarning)       \
    X(UnicodeWarning) X(UserWarning)

#define FT_DECLARE_EXC(name) extern FtType *ft_exc_##name;
FT_EXCEPTION_LIST(FT_DECLARE_EXC)
#undef FT_DECLARE_EXC

int ft_exc_init(void);   /* readies the hierarchy; adds nothing to builtins (builtins.c does) */

/* Create an exception instance: type(*args). */
FtObject *ft_exc_new(FtType *type, FtObject *const *args, ssize_t nargs);
FtObject *ft_exc_get_traceback(FtObject *exc);            /* BORROWED, may be NULL */
void ft_exc_set_traceback(FtObject *exc, FtObject *tb);   /* increfs */
void ft_exc_set_context(FtObject *exc, FtObject *ctx);    /* steals ctx */
void ft_exc_set_cause(FtObject *exc, FtObject *cause);    /* steals cause; sets suppress */

/* ---- the error indicator (runtime/errors.c) --------------------------------------------- */
void ft_err_set_none(FtType *type);                       /* raise type() */
void ft_err_set_string(FtType *type, const char *msg);
void ft_err_set_object(FtType *type, FtObject *value);    /* raise type(value), or value
                                                             itself if it is an instance */
FtObject *ft_err_format(FtType *type, const char *fmt, ...); /* ft_str_from_format; NULL */
void ft_err_set_exc(FtObject *exc);                       /* raise this instance (increfs) */
FtObject *ft_err_occurred(void);                          /* BORROWED current exception */
FtObject *ft_err_fetch(void);                             /* take it out (new ref), clear */
void ft_err_restore(FtObject *exc);                       /* steals; NULL clears */
void ft_err_clear(void);
int ft_err_matches(FtType *type);                         /* current exception is a type */
int ft_err_given_matches(FtObject *exc, FtObject *type);  /* type may be a tuple */
FtObject *ft_err_no_memory(void);
FtObject *ft_err_set_from_errno(FtType *type);            /* OSError subclass from errno */
FtObject *ft_err_set_from_errno_filename(FtType *type, FtObject *filename);
FtObject *ft_err_bad_argument(void);                      /* TypeError: bad argument type */
FtObject *ft_err_bad_internal_call(void);
/* Chain the exception being handled (tstate exc_info) as __context__ of the current one. */
void ft_err_chain_context(void);
/* Print an uncaught exception with its traceback to sys.stderr, as CPython does
 * (core/vm/traceback.c), handling chained __cause__/__context__. */
void ft_err_display(FtObject *exc);
/* An exception that cannot propagate (in __del__, at exit): "Exception ignored in: ..." */
void ft_err_write_unraisable(FtObject *context);
/* Warnings (a minimal warnings.warn: prints "file:line: Category: message" once). */
int ft_err_warn(FtType *category, const char *msg);

#endif
