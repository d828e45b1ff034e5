"""Module and name renames between Python 2 and 3, used by pickle when
fix_imports is true: protocols 0-2 write the Python 2 names, loading maps
them back.  (ftpy: the subset for the standard modules ftpy has.)"""

IMPORT_MAPPING = {
    '__builtin__': 'builtins',
    'copy_reg': 'copyreg',
    'Queue': 'queue',
    'SocketServer': 'socketserver',
    'ConfigParser': 'configparser',
    'repr': 'reprlib',
    'markupbase': '_markupbase',
    '_winreg': 'winreg',
    'thread': '_thread',
    'dummy_thread': '_dummy_thread',
    'httplib': 'http.client',
    'htmlentitydefs': 'html.entities',
    'HTMLParser': 'html.parser',
    'Cookie': 'http.cookies',
    'cookielib': 'http.cookiejar',
    'BaseHTTPServer': 'http.server',
    'commands': 'subprocess',
    'urlparse': 'urllib.parse',
    'robotparser': 'urllib.robotparser',
    'urllib2': 'urllib.request',
    'anydbm': 'dbm',
    '_abcoll': 'collections.abc',
    'cPickle': 'pickle',
    '_elementtree': 'xml.etree.ElementTree',
    'FileDialog': 'tkinter.filedialog',
    'SimpleDialog': 'tkinter.simpledialog',
    'DocXMLRPCServer': 'xmlrpc.server',
    'SimpleHTTPServer': 'http.server',
    'CGIHTTPServer': 'http.server',
    'UserDict': 'collections',
    'UserList': 'collections',
    'UserString': 'collections',
    'whichdb': 'dbm',
    'StringIO': 'io',
    'cStringIO': 'io',
    'xmlrpclib': 'xmlrpc.client',
    'SimpleXMLRPCServer': 'xmlrpc.server',
    'bz2': '_bz2',
    'dbm': '_dbm',
    'functools': '_functools',
    'gdbm': '_gdbm',
    'pickle': '_pickle',
}

# Reverse of IMPORT_MAPPING for the modules that kept one Python 2 name.
REVERSE_IMPORT_MAPPING = {
    'builtins': '__builtin__',
    'copyreg': 'copy_reg',
    'queue': 'Queue',
    'socketserver': 'SocketServer',
    'configparser': 'ConfigParser',
    'reprlib': 'repr',
    '_markupbase': 'markupbase',
    'winreg': '_winreg',
    '_thread': 'thread',
    '_dummy_thread': 'dummy_thread',
    'http.client': 'httplib',
    'html.entities': 'htmlentitydefs',
    'html.parser': 'HTMLParser',
    'http.cookies': 'Cookie',
    'http.cookiejar': 'cookielib',
    'http.server': 'BaseHTTPServer',
    'subprocess': 'commands',
    'urllib.parse': 'urlparse',
    'urllib.robotparser': 'robotparser',
    'urllib.request': 'urllib2',
    'dbm': 'anydbm',
    'collections.abc': '_abcoll',
    'xmlrpc.client': 'xmlrpclib',
    'xmlrpc.server': 'SimpleXMLRPCServer',
    '_bz2': 'bz2',
    '_dbm': 'dbm',
    '_functools': 'functools',
    '_gdbm': 'gdbm',
    '_pickle': 'pickle',
}

NAME_MAPPING = {
    ('__builtin__', 'xrange'): ('builtins', 'range'),
    ('__builtin__', 'reduce'): ('functools', 'reduce'),
    ('__builtin__', 'intern'): ('sys', 'intern'),
    ('__builtin__', 'unichr'): ('builtins', 'chr'),
    ('__builtin__', 'unicode'): ('builtins', 'str'),
    ('__builtin__', 'long'): ('builtins', 'int'),
    ('itertools', 'izip'): ('builtins', 'zip'),
    ('itertools', 'imap'): ('builtins', 'map'),
    ('itertools', 'ifilter'): ('builtins', 'filter'),
    ('itertools', 'ifilterfalse'): ('itertools', 'filterfalse'),
    ('itertools', 'izip_longest'): ('itertools', 'zip_longest'),
    ('UserDict', 'IterableUserDict'): ('collections', 'UserDict'),
    ('UserList', 'UserList'): ('collections', 'UserList'),
    ('UserString', 'UserString'): ('collections', 'UserString'),
    ('whichdb', 'whichdb'): ('dbm', 'whichdb'),
    ('_socket', 'fromfd'): ('socket', 'fromfd'),
    ('_multiprocessing', 'Connection'): ('multiprocessing.connection', 'Connection'),
    ('multiprocessing.process', 'Process'): ('multiprocessing.context', 'Process'),
    ('multiprocessing.forking', 'Popen'): ('multiprocessing.popen_fork', 'Popen'),
}
for _name in ('AuthenticationError', 'BufferTooShort', 'ProcessError', 'TimeoutError'):
    NAME_MAPPING[('multiprocessing', _name)] = ('multiprocessing.context', _name)

# Exceptions that exist under the same name in Python 2's "exceptions".
PYTHON2_EXCEPTIONS = (
    "ArithmeticError AssertionError AttributeError BaseException BufferError "
    "BytesWarning DeprecationWarning EOFError EnvironmentError Exception "
    "FloatingPointError FutureWarning GeneratorExit IOError ImportError "
    "ImportWarning IndentationError IndexError KeyError KeyboardInterrupt "
    "LookupError MemoryError NameError NotImplementedError OSError "
    "OverflowError PendingDeprecationWarning ReferenceError RuntimeError "
    "RuntimeWarning StopIteration SyntaxError SyntaxWarning SystemError "
    "SystemExit TabError TypeError UnboundLocalError UnicodeDecodeError "
    "UnicodeEncodeError UnicodeError UnicodeTranslateError UnicodeWarning "
    "UserWarning ValueError Warning ZeroDivisionError").split()
for _name in PYTHON2_EXCEPTIONS:
    NAME_MAPPING[('exceptions', _name)] = ('builtins', _name)

REVERSE_NAME_MAPPING = {v: k for k, v in NAME_MAPPING.items()}

# Python 3 exceptions without a Python 2 counterpart map to their base.
PYTHON3_OSERROR_EXCEPTIONS = (
    "BrokenPipeError ChildProcessError ConnectionAbortedError ConnectionError "
    "ConnectionRefusedError ConnectionResetError FileExistsError "
    "FileNotFoundError InterruptedError IsADirectoryError NotADirectoryError "
    "PermissionError ProcessLookupError TimeoutError").split()
for _name in PYTHON3_OSERROR_EXCEPTIONS:
    REVERSE_NAME_MAPPING[('builtins', _name)] = ('exceptions', 'OSError')
REVERSE_NAME_MAPPING[('builtins', 'ModuleNotFoundError')] = ('exceptions', 'ImportError')
REVERSE_NAME_MAPPING[('_functools', 'reduce')] = ('__builtin__', 'reduce')

NAME_MAPPING[('__builtin__', 'basestring')] = ('builtins', 'str')
NAME_MAPPING[('exceptions', 'StandardError')] = ('builtins', 'Exception')
NAME_MAPPING[('UserDict', 'UserDict')] = ('collections', 'UserDict')
NAME_MAPPING[('socket', '_socketobject')] = ('socket', 'SocketType')
del _name
